//! The JSON API (`/api/plots.json`, `/api/plots/{slug}.json`) and `/healthz`.
//!
//! The documents are serialised when first asked for each day; the page cache (`cache`) keeps them.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::AppError;
use crate::model::plot::{Plot, TargetCategory};
use crate::model::source::{Change, Period, Report, Section};
use crate::model::{Dataset, PartialDate};
use crate::site::Site;
use crate::state::AppState;

/// The `dataset` object of `/api/plots.json`.
#[derive(Serialize)]
struct DatasetJson<'a> {
    title: &'a str,
    version: &'a str,
    reviewed: &'a PartialDate,
    period: &'a Period,
    /// The report the data comes from.
    source: ReportJson<'a>,
    licence: &'a str,
    sections: &'a [Section],
    changelog: &'a [Change],
}

/// The report with its composed title and citation.
#[derive(Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    full_title: String,
    citation: String,
}

impl<'a> ReportJson<'a> {
    fn new(report: &'a Report) -> Self {
        ReportJson {
            report,
            full_title: report.full_title(),
            citation: report.citation(),
        }
    }
}

/// A plot as the API serves it: the stored fields plus a few derived for convenience.
#[derive(Serialize)]
struct PlotJson<'a> {
    #[serde(flatten)]
    plot: &'a Plot,
    /// The page's path (with the base path), as the contract names it.
    url: String,
    /// The absolute address readers cite.
    permalink: String,
    /// The summary as one paragraph, for readers of the API who do not need its evidence.
    summary_text: String,
    handler_countries: Vec<&'a str>,
    target_categories: Vec<TargetCategory>,
    unknown_ages: u32,
}

impl<'a> PlotJson<'a> {
    fn new(plot: &'a Plot, site: &Site) -> Self {
        let mut target_categories: Vec<TargetCategory> = plot.targets.iter().map(|t| t.category).collect();
        target_categories.dedup();
        PlotJson {
            plot,
            url: site.url(&plot.path()),
            permalink: site.permanent(&plot.path()),
            summary_text: plot.summary.text(),
            handler_countries: plot.international_connection.handler_countries(),
            target_categories,
            unknown_ages: plot.unknown_ages(),
        }
    }
}

#[derive(Serialize)]
struct AllDoc<'a> {
    dataset: DatasetJson<'a>,
    plots: &'a [PlotJson<'a>],
}

/// The `dataset` object of a single-plot document: enough to cite it.
#[derive(Serialize)]
struct DatasetRef<'a> {
    version: &'a str,
    source: ReportJson<'a>,
}

#[derive(Serialize)]
struct OneDoc<'a> {
    dataset: DatasetRef<'a>,
    plot: &'a PlotJson<'a>,
}

/// The whole of `/api/plots.json`.
pub fn all_plots(data: &Dataset, site: &Site) -> Result<String, serde_json::Error> {
    let m = &data.meta;
    let dataset = DatasetJson {
        title: &m.title,
        version: &m.version,
        reviewed: &m.reviewed,
        period: &m.period,
        source: ReportJson::new(&m.report),
        licence: &m.licence,
        sections: &m.sections,
        changelog: &m.changelog,
    };
    let plots: Vec<PlotJson> = data.plots.iter().map(|p| PlotJson::new(p, site)).collect();
    serde_json::to_string_pretty(&AllDoc { dataset, plots: &plots })
}

/// One plot as the API serves it, as a JSON value (for comparing versions).
pub fn plot_value(plot: &Plot, site: &Site) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(PlotJson::new(plot, site))
}

/// `/api/plots/{slug}.json` for one plot.
pub fn one_plot(data: &Dataset, site: &Site, plot: &Plot) -> Result<String, serde_json::Error> {
    let m = &data.meta;
    let doc = OneDoc {
        dataset: DatasetRef {
            version: &m.version,
            source: ReportJson::new(&m.report),
        },
        plot: &PlotJson::new(plot, site),
    };
    serde_json::to_string_pretty(&doc)
}

fn json(body: Result<String, serde_json::Error>) -> Result<Response, AppError> {
    let body = body.map_err(|e| AppError::Internal(format!("serialising the API: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response())
}

// Both documents are built per request; the page cache keeps the result for the day, so this runs
// about once a day per document.
pub async fn plots(State(state): State<Arc<AppState>>) -> Result<Response, AppError> {
    json(all_plots(&state.data, &state.site))
}

/// `/api/plots/{slug}.json`; the router matches the whole segment, so the suffix is checked here.
pub async fn plot(State(state): State<Arc<AppState>>, Path(file): Path<String>) -> Result<Response, AppError> {
    let slug = file.strip_suffix(".json").ok_or(AppError::NotFound)?;
    let plot = state.data.plot(slug).ok_or(AppError::NotFound)?;
    json(one_plot(&state.data, &state.site, plot))
}

/// The router is built only after the dataset has loaded and validated, so answering at all means ready.
pub async fn healthz() -> &'static str {
    "ok"
}
