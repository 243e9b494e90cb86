//! `/method`: definitions, how the list of plots was built, what was left out and why, the 2025
//! lull, every data note in one list, how to cite, and the dataset's version and history.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::evidence::Footnotes;
use super::{Head, PlotLink, plot_link, render};
use crate::error::AppError;
use crate::model::source::{Change, Meta};
use crate::model::{Glossary, Prose};
use crate::site::Site;
use crate::state::AppState;

/// A passage of the method: a title and the atlas's statements, with their evidence.
pub struct PassageView<'a> {
    pub title: String,
    pub text: &'a Prose,
}

/// A data note from a plot page, with its plot.
pub struct PlotNoteView<'a> {
    pub plot: PlotLink,
    /// `/plots/{slug}#note-{n}`.
    pub href: String,
    pub field: &'a str,
    pub note: &'a Prose,
    /// The plot's first note here: it carries the plot's anchor (`#notes-{slug}`).
    pub first: bool,
}

pub struct ReportNoteView<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub note: &'a Prose,
}

#[derive(Template)]
#[template(path = "method.html")]
pub struct MethodPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub meta: &'a Meta,
    pub ev: Footnotes<'a>,
    pub definitions: Vec<PassageView<'a>>,
    pub selection: Vec<PassageView<'a>>,
    pub excluded: Vec<PassageView<'a>>,
    pub lull: &'a Prose,
    pub plot_notes: Vec<PlotNoteView<'a>>,
    pub report_notes: Vec<ReportNoteView<'a>>,
    pub changelog: &'a [Change],
    pub glossary: &'a Glossary,
}

impl<'a> MethodPage<'a> {
    /// The Table 1 column a data note concerns.
    pub fn column(&self, field: &str) -> String {
        let english = crate::model::plot::column_name(field);
        let lang = crate::i18n::current();
        if lang.is_source() {
            return english.to_string();
        }
        let id = format!(
            "analysis-column-{}",
            english.to_lowercase().split_whitespace().next().unwrap_or_default()
        );
        if lang.ids().contains(&id) {
            lang.t(&id)
        } else {
            english.to_string()
        }
    }

    /// The plots with data notes, each with how many, for the jump list above the notes.
    pub fn note_plots(&self) -> Vec<(&PlotLink, usize)> {
        self.plot_notes
            .iter()
            .filter(|n| n.first)
            .map(|n| {
                let count = self.plot_notes.iter().filter(|m| m.plot.slug == n.plot.slug).count();
                (&n.plot, count)
            })
            .collect()
    }

    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let m = &data.analysis.method;
        let passage = |title: &str, text: &'a Prose| PassageView {
            title: title.to_string(),
            text,
        };
        let selection = vec![
            passage(&site.t("analysis-inclusion-rule"), &m.inclusion),
            passage(&site.t("analysis-building-list"), &m.list_building),
        ];
        let plot_notes = data
            .plots
            .iter()
            .flat_map(|p| {
                p.data_notes.iter().enumerate().filter_map(move |(i, n)| {
                    plot_link(site, data, &p.slug).map(|plot| PlotNoteView {
                        href: site.url(&format!("{}#note-{}", p.path(), i + 1)),
                        plot,
                        field: &n.field,
                        note: &n.note,
                        first: i == 0,
                    })
                })
            })
            .collect();
        MethodPage {
            site,
            head: Head {
                title: site.t("analysis-method-title"),
                description: site.t("analysis-method-description"),
                path: "/method".into(),
                og_type: "article",
            },
            meta: &data.meta,
            ev: Footnotes::new(site, data),
            definitions: m.definitions.iter().map(|d| passage(&d.term, &d.text)).collect(),
            selection,
            excluded: m.excluded.iter().map(|e| passage(&e.case, &e.why)).collect(),
            lull: &m.lull,
            plot_notes,
            report_notes: data
                .analysis
                .report_notes
                .iter()
                .map(|n| ReportNoteView {
                    id: &n.id,
                    topic: &n.topic,
                    note: &n.note,
                })
                .collect(),
            changelog: &data.meta.changelog,
            glossary: &data.glossary,
        }
    }
}

pub async fn method(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&MethodPage::new(&state))
}
