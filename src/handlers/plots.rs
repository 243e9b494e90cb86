//! `/plots`: the plots filtered by facets (country, year, nationality, target, handler, outcome),
//! each value with its count under the other filters, all in one GET form that also sends the
//! ticked plots to `/compare` or `/briefing`. Works without JavaScript; the URL is the state.
//! The page states its logic (any of within a group, all groups at once), keeps the options in one
//! order whatever is ticked, and keeps a ticked plot that the filters leave out (saying so).

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::{Head, render};
use crate::error::AppError;
use crate::explore::filters::{Facet, FacetOption, Selection, options};
use crate::model::plot::Plot;
use crate::site::Site;
use crate::state::AppState;

pub struct FacetView {
    pub param: &'static str,
    pub label: String,
    pub options: Vec<FacetOption>,
    /// Whether the facet can combine its values with AND (nationality), and whether it does.
    pub has_mode: bool,
    pub all_of: bool,
}

/// A selected filter value with the link that removes it.
pub struct Chip {
    pub label: String,
    pub facet: String,
    pub remove_href: String,
}

pub struct RowView<'a> {
    pub plot: &'a Plot,
    pub href: String,
    pub chosen: bool,
}

impl RowView<'_> {
    /// "cell of 2: Afghan (both)" / "Zelle aus 2 Personen: afghanisch (beide)": the cell's size
    /// and Table 1's Nationality cell (the atlas's translation of it on a translated page), with
    /// no parentheses around the cell's own. Table 1's words stay as printed; a translation, which
    /// here follows a colon inside a line, starts in lower case (nationality adjectives do, in
    /// German as in most languages but English).
    pub fn cell_line(&self, site: &crate::site::Site) -> String {
        let nationality = match &self.plot.table1_translation {
            Some(tr) => {
                let mut chars = tr.nationality.chars();
                chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            None => self.plot.table1.nationality.clone(),
        };
        site.t2(
            "words-plots-cell",
            "size",
            i64::from(self.plot.cell_size),
            "nationality",
            nationality.as_str(),
        )
    }
}

#[derive(Template)]
#[template(path = "plots.html")]
pub struct PlotsPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub total: usize,
    pub facets: Vec<FacetView>,
    pub chips: Vec<Chip>,
    pub rows: Vec<RowView<'a>>,
    pub notices: Vec<String>,
    pub filtered: bool,
    /// Plots the reader ticked that the filters leave out: still ticked, listed apart.
    pub outside: Vec<RowView<'a>>,
}

impl<'a> PlotsPage<'a> {
    pub fn new(state: &'a AppState, raw: Option<&str>) -> Self {
        let (site, data) = (&state.site, &state.data);
        let selection = Selection::parse(raw, data);
        let facets: Vec<FacetView> = Facet::ALL
            .into_iter()
            .map(|f| FacetView {
                param: f.param(),
                label: f.label(),
                options: options(f, &selection, data),
                has_mode: f == Facet::Nationality,
                all_of: selection.all_of(f),
            })
            .collect();
        let href = |qs: String| {
            if qs.is_empty() {
                site.url("/plots")
            } else {
                site.url(&format!("/plots?{qs}"))
            }
        };
        let mut chips = Vec::new();
        for (facet, view) in Facet::ALL.into_iter().zip(&facets) {
            for o in view.options.iter().filter(|o| o.selected) {
                chips.push(Chip {
                    label: o.label.clone(),
                    facet: facet.label(),
                    remove_href: href(selection.query_string(Some((facet, &o.key)))),
                });
            }
        }
        let rows = selection
            .matching(data)
            .into_iter()
            .map(|p| RowView {
                href: site.url(&p.path()),
                chosen: selection.chosen.contains(&p.slug),
                plot: p,
            })
            .collect::<Vec<_>>();
        let outside = selection
            .chosen
            .iter()
            .filter(|slug| !rows.iter().any(|r| r.plot.slug == **slug))
            .filter_map(|slug| data.plot(slug))
            .map(|p| RowView {
                href: site.url(&p.path()),
                chosen: true,
                plot: p,
            })
            .collect();
        let title = if selection.is_filtered() {
            site.t2("plots-title-filtered", "shown", rows.len(), "total", data.plots.len())
        } else {
            site.t("plots-title")
        };
        PlotsPage {
            site,
            head: Head {
                title,
                description: site.t("plots-list-description"),
                // The filters as read, in a fixed order, without what was ignored.
                path: match selection.query_string(None) {
                    qs if qs.is_empty() => "/plots".into(),
                    qs => format!("/plots?{qs}"),
                },
                og_type: "website",
            },
            total: data.plots.len(),
            facets,
            chips,
            rows,
            notices: selection
                .notices
                .iter()
                .cloned()
                .chain(selection.unknown_notices())
                .collect(),
            filtered: selection.is_filtered(),
            outside,
        }
    }
}

pub async fn plots(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&PlotsPage::new(&state, raw.as_deref()))
}
