//! The report's analysis beyond single plots (`data/analysis.json`): its two cross-plot patterns,
//! the figures its text states (to set beside figures derived from Table 1), the propaganda box,
//! the four policy dimensions, the method, and notes on the report's own inconsistencies.

use serde::{Deserialize, Serialize};

use super::statement::Prose;

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
    pub how: Prose,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: String,
    pub title: String,
    pub section: String,
    pub summary: Prose,
    pub plots: Vec<PlotRef>,
    pub context: Vec<Context>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub title: String,
    pub text: Prose,
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
    /// The countries where plots were uncovered: the report's own measure, which Table 1 has no
    /// column for. Shown beside the Location countries for reference, without a verdict.
    UncoveredCountries,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFigure {
    pub id: String,
    /// What the report states, with the quotation that states it.
    pub claim: Prose,
    pub section: String,
    pub reported_count: Option<u32>,
    pub reported_countries: Option<Vec<String>>,
    pub measure: Measure,
    pub nationality: Option<String>,
    pub explanation: Option<Prose>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Propaganda {
    pub summary: Prose,
    pub points: Vec<Prose>,
    pub section: String,
    pub plots: Vec<PlotRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDimension {
    pub id: String,
    pub title: String,
    pub summary: Prose,
    pub section: String,
    pub plots: Vec<PlotRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub definitions: Vec<Definition>,
    pub inclusion: Prose,
    /// How the list of plots was built, step by step.
    pub list_building: Prose,
    pub excluded: Vec<Excluded>,
    pub lull: Prose,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub term: String,
    pub text: Prose,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excluded {
    pub case: String,
    pub why: Prose,
}

/// An inconsistency or slip in the report as a whole (plot-level ones live on the plots).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportNote {
    pub id: String,
    pub topic: String,
    pub note: Prose,
    pub section: String,
}
