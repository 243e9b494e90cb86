//! `/compare?plots=a,b,…` (chosen plots in aligned columns, differing rows marked) and
//! `/briefing?plots=…` (a print-ready A4 pack). Unknown slugs are ignored with a message; with too
//! few plots chosen, both pages offer a chooser instead of an error.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::fields::{Field, STRUCTURED, TABLE1};
use super::{Head, PlotLink, plot_link, render};
use crate::error::AppError;
use crate::explore::filters::Selection;
use crate::model::plot::Plot;
use crate::model::{Dataset, Source};
use crate::site::Site;
use crate::state::AppState;

pub struct Row {
    pub id: &'static str,
    pub label: String,
    pub values: Vec<String>,
    /// The atlas's rendering of each Table 1 cell in the page's language (German pages only).
    pub translations: Vec<Option<String>>,
    pub differs: bool,
    /// Each plot's data notes on this field (Table 1 and the text disagree): number and link.
    pub notes: Vec<Vec<(usize, String)>>,
}

/// The data-note fields (`DataNote::field`) that concern a compared row.
fn note_fields(row: &str) -> &'static [&'static str] {
    match row {
        "date" => &["date", "precise_date"],
        "location" | "countries" => &["countries", "locations"],
        "target" | "target_categories" => &["targets"],
        "outcome" | "judicial_status" => &["outcome"],
        "international_connection" | "handler_countries" | "channels" | "arrests_abroad" => {
            &["international_connection"]
        }
        "cell_size" => &["cell_size"],
        "nationality" => &["nationalities"],
        "age" | "known_ages" => &["ages"],
        "weapons_and_preparation" | "weapons" => &["weapons"],
        _ => &[],
    }
}

/// Whether `raw` asks for the differing rows only (`diff=only`).
fn only_differences(raw: Option<&str>) -> bool {
    crate::explore::filters::pairs(raw)
        .0
        .iter()
        .any(|(k, v)| k == "diff" && v == "only")
}

/// The address of a page of chosen plots, in date order whatever order the reader gave them in:
/// `/compare?plots=a,b`.
fn chosen_path(page: &str, data: &Dataset, chosen: &[&Plot]) -> String {
    let slugs: Vec<&str> = data
        .plots
        .iter()
        .filter(|p| chosen.iter().any(|c| c.slug == p.slug))
        .map(|p| p.slug.as_str())
        .collect();
    if slugs.is_empty() {
        page.to_string()
    } else {
        format!("{page}?plots={}", slugs.join(","))
    }
}

fn rows(site: &Site, fields: &[Field], plots: &[&Plot], only_differing: bool) -> Vec<Row> {
    fields
        .iter()
        .map(|f| {
            let values: Vec<String> = plots.iter().map(|p| (f.value)(p)).collect();
            let differs = values.windows(2).any(|w| w[0] != w[1]);
            let notes = plots
                .iter()
                .map(|p| {
                    let fields = note_fields(f.id);
                    p.data_notes
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| fields.contains(&n.field.as_str()))
                        .map(|(i, _)| (i + 1, site.url(&format!("{}#note-{}", p.path(), i + 1))))
                        .collect()
                })
                .collect();
            Row {
                id: f.id,
                label: f.title(),
                translations: plots.iter().map(|p| f.translation(p)).collect(),
                values,
                differs,
                notes,
            }
        })
        .filter(|r| r.differs || !only_differing)
        .collect()
}

/// Every plot, for the chooser shown when too few are picked, with those already chosen ticked.
fn chooser(site: &Site, data: &Dataset, chosen: &[String]) -> Vec<(PlotLink, bool)> {
    data.plots
        .iter()
        .filter_map(|p| plot_link(site, data, &p.slug))
        .map(|l| {
            let ticked = chosen.contains(&l.slug);
            (l, ticked)
        })
        .collect()
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub plots: Vec<PlotLink>,
    pub table1: Vec<Row>,
    pub structured: Vec<Row>,
    pub notices: Vec<String>,
    pub chooser: Vec<(PlotLink, bool)>,
    /// Showing only the rows where the plots differ (`diff=only`).
    pub only_differing: bool,
    /// The same plots' `/plots` (ticked), briefing pack, and this page with all or differing rows.
    pub choose_href: String,
    pub briefing_href: String,
    pub all_rows_href: String,
    pub differing_href: String,
    /// Rows that differ, whether shown or not.
    pub differing_rows: usize,
}

impl<'a> ComparePage<'a> {
    pub fn new(state: &'a AppState, raw: Option<&str>) -> Self {
        let (site, data) = (&state.site, &state.data);
        let mut sel = Selection::parse(raw, data);
        let chosen: Vec<&Plot> = sel.chosen.iter().filter_map(|s| data.plot(s)).collect();
        let enough = chosen.len() >= 2;
        if !enough {
            sel.notices.push(site.t("plots-compare-need-two"));
        }
        let shown: &[&Plot] = if enough { &chosen } else { &[] };
        let title = if enough {
            site.t1("plots-compare-title", "count", chosen.len())
        } else {
            site.t("plots-compare-title-empty")
        };
        let only_differing = only_differences(raw);
        let path = chosen_path("/compare", data, shown);
        let differing_rows = rows(site, &TABLE1, shown, true).len() + rows(site, &STRUCTURED, shown, true).len();
        let slugs = path
            .split_once("?plots=")
            .map(|(_, s)| s.to_string())
            .unwrap_or_default();
        ComparePage {
            site,
            head: Head {
                title,
                description: site.t("plots-compare-description"),
                path: path.clone(),
                og_type: "website",
            },
            plots: shown.iter().filter_map(|p| plot_link(site, data, &p.slug)).collect(),
            table1: rows(site, &TABLE1, shown, only_differing),
            structured: rows(site, &STRUCTURED, shown, only_differing),
            notices: sel.notices,
            chooser: chooser(site, data, &sel.chosen),
            only_differing,
            choose_href: site.url(&format!("/plots?plots={slugs}")),
            briefing_href: site.url(&format!("/briefing?plots={slugs}")),
            differing_href: site.url(&format!("{path}&diff=only")),
            all_rows_href: site.url(&path),
            differing_rows,
        }
    }

    pub fn differing(&self) -> usize {
        self.differing_rows
    }
}

pub async fn compare(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&ComparePage::new(&state, raw.as_deref()))
}

/// One plot's pages in the briefing pack.
pub struct BriefPlot<'a> {
    pub plot: &'a Plot,
    pub permanent: String,
    /// Label, English cell, and the atlas's rendering of it on German pages.
    pub table1: Vec<(String, String, Option<String>)>,
    pub structured: Vec<(String, String)>,
    pub sections: Vec<String>,
    pub sources: Vec<&'a Source>,
    /// The permanent address as a QR code (inline SVG), for a reader holding the paper.
    pub qr: Option<String>,
}

/// How much text a plot's printed page holds (its summary, Table 1 cells with their translations,
/// data notes and report sections, in characters) beyond which it is set in smaller type to stay
/// on one A4 page. Measured in Chromium (dataset 1.1.0): the longest, July 2023 in German, has
/// 6,061 and ran over in the normal type; the next, April 2020 in German (4,828), only just fitted,
/// and every English page (at most 4,313) fits with room to spare.
const DENSE_PAGE: usize = 4_500;

impl BriefPlot<'_> {
    /// Whether this plot's page needs the smaller type (see [`DENSE_PAGE`]).
    pub fn dense(&self) -> bool {
        let cells: usize = self
            .table1
            .iter()
            .map(|(_, v, tr)| v.chars().count() + tr.as_ref().map_or(0, |t| t.chars().count()))
            .sum();
        let notes: usize = self
            .plot
            .data_notes
            .iter()
            .map(|n| n.note.to_string().chars().count())
            .sum();
        let sections: usize = self.sections.iter().map(|s| s.chars().count()).sum();
        self.plot.summary.to_string().chars().count() + cells + notes + sections > DENSE_PAGE
    }
}

#[derive(Template)]
#[template(path = "briefing.html")]
pub struct BriefingPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub date: String,
    pub version: &'a str,
    pub report_citation: String,
    pub plots: Vec<BriefPlot<'a>>,
    /// Works cited by any chosen plot, in bibliography order.
    pub sources: Vec<&'a Source>,
    pub notices: Vec<String>,
    pub chooser: Vec<(PlotLink, bool)>,
    pub atlas_url: String,
    /// The pack's own address, in pieces that may end a line (after each comma of its plot list),
    /// so a printed address never breaks inside a slug.
    pub address: Vec<String>,
}

impl<'a> BriefingPage<'a> {
    /// A plot's one-line description in the page's language.
    pub fn description(&self, plot: &Plot) -> String {
        super::plot::description(self.site, plot)
    }

    pub fn new(state: &'a AppState, raw: Option<&str>) -> Self {
        let (site, data) = (&state.site, &state.data);
        let mut sel = Selection::parse(raw, data);
        if sel.chosen.is_empty() {
            sel.notices.push(site.t("plots-briefing-need-one"));
        }
        let plots: Vec<BriefPlot> = sel
            .chosen
            .iter()
            .filter_map(|s| data.plot(s))
            .map(|p| BriefPlot {
                plot: p,
                permanent: site.permanent(&p.path()),
                qr: crate::print::qr_svg(
                    &site.permanent(&p.path()),
                    &site.t1("paper-qr-label", "address", site.permanent(&p.path())),
                ),
                table1: TABLE1
                    .iter()
                    .map(|f| (f.title(), (f.value)(p), f.translation(p)))
                    .collect(),
                structured: STRUCTURED.iter().map(|f| (f.title(), (f.value)(p))).collect(),
                sections: p.report_sections.iter().map(|id| data.section_label(id)).collect(),
                sources: p.sources.iter().filter_map(|k| data.source(k)).collect(),
            })
            .collect();
        let sources: Vec<&Source> = data
            .sources
            .iter()
            .filter(|s| plots.iter().any(|b| b.sources.iter().any(|x| x.key == s.key)))
            .collect();
        let path = chosen_path("/briefing", data, &plots.iter().map(|b| b.plot).collect::<Vec<_>>());
        BriefingPage {
            site,
            address: crate::print::address_pieces(&site.permanent(&path))
                .into_iter()
                .map(String::from)
                .collect(),
            head: Head {
                title: if plots.is_empty() {
                    site.t("plots-briefing")
                } else {
                    site.t1("plots-briefing-title", "count", plots.len())
                },
                description: site.t("plots-briefing-description"),
                path,
                og_type: "website",
            },
            date: accessed_date(),
            version: &data.meta.version,
            report_citation: data.meta.report.citation(),
            plots,
            sources,
            notices: sel.notices,
            chooser: chooser(site, data, &sel.chosen),
            atlas_url: site.permanent("/"),
        }
    }
}

pub async fn briefing(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&BriefingPage::new(&state, raw.as_deref()))
}

/// Today in the page's language: "3 March 2025" / "3. März 2025".
pub fn accessed_date() -> String {
    let today = crate::site::today().format("%Y-%m-%d").to_string();
    crate::model::date::PartialDate::parse(&today).map_or(today, |d| d.to_string())
}
