//! `/method`: definitions, how the list of plots was built, what was left out and why, the 2025
//! lull, every data note in one list, how to cite, and the dataset's version and history.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::{Cite, Head, PlotLink, cites, plot_link, render};
use crate::error::AppError;
use crate::model::source::{Change, Meta};
use crate::site::{AppState, Site};

/// A passage of the method with its sources.
pub struct PassageView<'a> {
    pub title: String,
    pub text: &'a str,
    pub section: String,
    pub cites: Vec<Cite>,
}

/// A data note from a plot page, with its plot.
pub struct PlotNoteView<'a> {
    pub plot: PlotLink,
    /// `/plots/{slug}#note-{n}`.
    pub href: String,
    pub field: &'a str,
    pub note: &'a str,
}

pub struct ReportNoteView<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub note: &'a str,
    pub section: String,
}

#[derive(Template)]
#[template(path = "method.html")]
pub struct MethodPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub meta: &'a Meta,
    pub definitions: Vec<PassageView<'a>>,
    pub selection: Vec<PassageView<'a>>,
    pub excluded: Vec<PassageView<'a>>,
    pub lull: PassageView<'a>,
    pub plot_notes: Vec<PlotNoteView<'a>>,
    pub report_notes: Vec<ReportNoteView<'a>>,
    pub changelog: &'a [Change],
}

impl<'a> MethodPage<'a> {
    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let m = &data.analysis.method;
        let passage = |title: &str, text: &'a str, section: &str, sources: &[String]| PassageView {
            title: title.to_string(),
            text,
            section: data.section_title(section),
            cites: cites(site, data, sources),
        };
        let mut selection = vec![passage(
            "Inclusion rule",
            &m.inclusion.text,
            &m.inclusion.section,
            &m.inclusion.sources,
        )];
        selection.extend(m.list_building.iter().enumerate().map(|(i, l)| {
            passage(
                &format!("Building the list, step {}", i + 1),
                &l.text,
                &l.section,
                &l.sources,
            )
        }));
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
                    })
                })
            })
            .collect();
        MethodPage {
            site,
            head: Head {
                title: "Method, definitions and data notes".into(),
                description: "How the report defines and selects ISKP-linked plots, which cases it leaves out, every place where Table 1 and the text disagree, and how to cite the atlas.".into(),
                path: "/method".into(),
                og_type: "article",
            },
            meta: &data.meta,
            definitions: m.definitions.iter().map(|d| passage(&d.term, &d.text, &d.section, &d.sources)).collect(),
            selection,
            excluded: m.excluded.iter().map(|e| passage(&e.case, &e.why, &e.section, &e.sources)).collect(),
            lull: passage("The 2025 lull", &m.lull.text, &m.lull.section, &m.lull.sources),
            plot_notes,
            report_notes: data
                .analysis
                .report_notes
                .iter()
                .map(|n| ReportNoteView { id: &n.id, topic: &n.topic, note: &n.note, section: data.section_title(&n.section) })
                .collect(),
            changelog: &data.meta.changelog,
        }
    }

    /// The permanent address of the atlas's overview, for the citation.
    pub fn atlas_url(&self) -> String {
        self.site.permanent("/")
    }
}

pub async fn method(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&MethodPage::new(&state))
}
