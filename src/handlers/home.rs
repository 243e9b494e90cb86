//! `/`: what the atlas is, the key figures derived from the data, and Table 1 as an HTML table.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Head, render};
use crate::draw::views::map::{Focus, MapView, map};
use crate::error::AppError;
use crate::model::Dataset;
use crate::model::figures::{KeyFigures, key_figures};
use crate::site::Site;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub data: &'a Dataset,
    pub figures: KeyFigures,
    pub map: MapView,
    /// Each plot's number on the map, in the order of `data.plots` (Table 1's rows).
    pub numbers: Vec<Option<usize>>,
}

impl HomePage<'_> {
    /// Table 1's rows with the plot's number on the map.
    pub fn rows(&self) -> impl Iterator<Item = (&crate::model::Plot, Option<usize>)> {
        self.data.plots.iter().zip(self.numbers.iter().copied())
    }

    /// How many places in the dataset flag a difference between Table 1 and the text.
    pub fn data_notes(&self) -> usize {
        self.data.plots.iter().map(|p| p.data_notes.len()).sum()
    }
}

pub async fn home(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    let figures = key_figures(&state.data.plots);
    let site = &state.site;
    let head = Head {
        title: site.t1("home-title", "years", figures.years()),
        description: site.t2(
            "home-description",
            "count",
            figures.plots_in_words(),
            "years",
            figures.years(),
        ),
        path: "/".into(),
        og_type: "website",
    };
    let mut map = map(&state.site, &state.data, &state.geo, &Focus::Overview);
    // The page lists the plots once: Table 1, its rows numbered like the map's markers, is the
    // map's key here (the map's own list of them would be a second copy).
    let numbers = state
        .data
        .plots
        .iter()
        .map(|p| {
            let href = site.url(&p.path());
            map.key.iter().find(|k| k.href == href).map(|k| k.number)
        })
        .collect();
    map.key.clear();
    render(&HomePage {
        site: &state.site,
        head,
        data: &state.data,
        figures,
        map,
        numbers,
    })
}
