//! `/sources`: the report's bibliography in author–year order, each entry at `/sources#{key}`,
//! with "cited by" links back to the plots, report sections and atlas pages that cite it.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
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
}

impl<'a> SourcesPage<'a> {
    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let entries = data
            .sources
            .iter()
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
        SourcesPage {
            site,
            head: Head {
                title: site.t("analysis-sources-title"),
                description: site.t1("analysis-sources-description", "count", data.sources.len()),
                path: "/sources".into(),
                og_type: "article",
            },
            entries,
        }
    }
}

pub async fn sources(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&SourcesPage::new(&state))
}
