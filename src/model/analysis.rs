//! The report's analysis beyond single plots (`data/analysis.json`): its two cross-plot patterns,
//! the figures its text states (to set beside figures derived from Table 1), the propaganda box,
//! the four policy dimensions, the method, and notes on the report's own inconsistencies.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    pub patterns: Vec<Pattern>,
    pub report_figures: Vec<ReportFigure>,
    pub propaganda: Propaganda,
    pub policy: Vec<PolicyDimension>,
    pub method: Method,
    pub report_notes: Vec<ReportNote>,
}

/// A plot cited as an example, with how it shows the point.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlotRef {
    pub slug: String,
    pub how: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: String,
    pub title: String,
    pub section: String,
    pub summary: String,
    pub plots: Vec<PlotRef>,
    pub context: Vec<Context>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub title: String,
    pub text: String,
    pub section: String,
    pub sources: Vec<String>,
}

/// What a stated figure counts, so the same figure can be derived from Table 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Number of plots.
    Plots,
    /// Number of plots with at least one suspect of `nationality`.
    PlotsWithNationality,
    /// The countries of Table 1's Location column.
    LocationCountries,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFigure {
    pub id: String,
    pub claim: String,
    pub quote: Option<String>,
    pub section: String,
    pub reported_count: Option<u32>,
    pub reported_countries: Option<Vec<String>>,
    pub measure: Measure,
    pub nationality: Option<String>,
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Propaganda {
    pub summary: String,
    pub points: Vec<String>,
    pub section: String,
    pub sources: Vec<String>,
    pub plots: Vec<PlotRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDimension {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub section: String,
    pub sources: Vec<String>,
    pub plots: Vec<PlotRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub definitions: Vec<Definition>,
    pub inclusion: Sourced,
    pub list_building: Vec<Sourced>,
    pub excluded: Vec<Excluded>,
    pub lull: Sourced,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub term: String,
    pub text: String,
    pub section: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    pub text: String,
    pub section: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excluded {
    pub case: String,
    pub why: String,
    pub section: String,
    pub sources: Vec<String>,
}

/// An inconsistency or slip in the report as a whole (plot-level ones live on the plots).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportNote {
    pub id: String,
    pub topic: String,
    pub note: String,
    pub section: String,
}
