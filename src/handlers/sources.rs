//! `/sources`: the report's bibliography in author–year order, each entry at `/sources#{key}`,
//! with "cited by" links back to the plots, report sections and atlas pages that cite it; an A–Z
//! bar, and `?plot={slug}` for the works cited for one plot (a GET form, no script).

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::{Head, PlotLink, plot_links, render};
use crate::error::AppError;
use crate::model::Source;
use crate::site::Site;
use crate::state::AppState;

/// A link to a place on another atlas page.
pub struct PageLink {
    pub href: String,
    pub label: String,
}

pub struct EntryView<'a> {
    pub source: &'a Source,
    pub authors: String,
    pub plots: Vec<PlotLink>,
    pub sections: Vec<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Template)]
#[template(path = "sources.html")]
pub struct SourcesPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub entries: Vec<EntryView<'a>>,
    /// The plot whose works are shown (`?plot=`), if any.
    pub plot: Option<PlotLink>,
    /// Every plot, for the filter: link, and whether it is the one chosen.
    pub plots: Vec<(PlotLink, bool)>,
    pub notices: Vec<String>,
    /// How many works the bibliography has in all.
    pub total: usize,
}

impl SourcesPage<'_> {
    /// The A–Z bar: each initial of the listed entries' first authors, with the first entry's key.
    pub fn letters(&self) -> Vec<(char, &str)> {
        let mut out: Vec<(char, &str)> = Vec::new();
        for e in &self.entries {
            let initial = crate::text::fold(&e.authors)
                .chars()
                .find(|c| c.is_alphanumeric())
                .map_or('#', |c| c.to_ascii_uppercase());
            if !out.iter().any(|(c, _)| *c == initial) {
                out.push((initial, e.source.key.as_str()));
            }
        }
        out
    }
}

impl<'a> SourcesPage<'a> {
    pub fn new(state: &'a AppState, raw: Option<&str>) -> Self {
        let (site, data) = (&state.site, &state.data);
        let mut notices = Vec::new();
        let asked = crate::explore::filters::pairs(raw)
            .0
            .into_iter()
            .find(|(k, v)| k == "plot" && !v.trim().is_empty())
            .map(|(_, v)| v);
        let plot = asked.and_then(|slug| {
            let found = super::plot_link(site, data, slug.trim());
            if found.is_none() {
                let shown: String = slug.chars().take(crate::explore::filters::MAX_VALUE_LEN).collect();
                notices.push(site.t1("wayfinding-sources-no-plot", "slug", shown));
            }
            found
        });
        let entries = data
            .sources
            .iter()
            .filter(|s| {
                plot.as_ref()
                    .is_none_or(|p| data.citations.of(&s.key).is_some_and(|c| c.plots.contains(&p.slug)))
            })
            .map(|s| {
                let cited = data.citations.of(&s.key);
                EntryView {
                    source: s,
                    authors: s.author_line(),
                    plots: cited.map(|c| plot_links(site, data, &c.plots)).unwrap_or_default(),
                    sections: cited
                        .map(|c| c.sections.iter().map(|id| data.section_label(id)).collect())
                        .unwrap_or_default(),
                    pages: cited
                        .map(|c| {
                            c.pages
                                .iter()
                                .map(|p| PageLink {
                                    href: match p.anchor.as_str() {
                                        "" => site.url(&p.path),
                                        anchor => site.url(&format!("{}#{anchor}", p.path)),
                                    },
                                    label: p.label.clone(),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let plots = data
            .plots
            .iter()
            .filter_map(|p| super::plot_link(site, data, &p.slug))
            .map(|l| {
                let chosen = plot.as_ref().is_some_and(|p| p.slug == l.slug);
                (l, chosen)
            })
            .collect();
        SourcesPage {
            site,
            head: Head {
                title: site.t("analysis-sources-title"),
                description: site.t1("analysis-sources-description", "count", data.sources.len()),
                path: match &plot {
                    Some(p) => format!("/sources?plot={}", p.slug),
                    None => "/sources".into(),
                },
                og_type: "article",
            },
            entries,
            plot,
            plots,
            notices,
            total: data.sources.len(),
        }
    }
}

pub async fn sources(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&SourcesPage::new(&state, raw.as_deref()))
}
