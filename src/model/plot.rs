//! One plot of the report's Table 1: its wording kept verbatim in [`Table1`], beside the structured
//! fields that pages, filters and charts use. The serialised form of [`Plot`] is the JSON API's plot
//! object (PRODUCT.md, "JSON contract"), so renaming a field here changes the public contract.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::statement::Prose;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plot {
    /// Permanent identifier, e.g. `2020-04-north-rhine-westphalia`.
    pub slug: String,
    /// Month of the plot as Table 1 gives it (`YYYY-MM`).
    pub date: PartialDate,
    /// A more precise date where the text gives one.
    pub precise_date: Option<DatedNote>,
    /// Short place name for titles, e.g. `Gera, Germany/Stockholm, Sweden`.
    pub place_label: String,
    /// Both places in a word each, for labels and lists: `Gera/Stockholm`.
    pub short_place: String,
    /// ISO codes of Table 1's Location column.
    pub countries: Vec<String>,
    pub locations: Vec<Location>,
    pub targets: Vec<Target>,
    pub outcome: Outcome,
    pub international_connection: Connection,
    pub cell_size: u32,
    pub nationalities: Vec<NationalityCount>,
    /// Known ages; the others are unknown.
    pub ages: Vec<u32>,
    /// What is known of the ages Table 1 does not give.
    pub ages_note: Option<Prose>,
    pub weapons: Weapons,
    /// Table 1's row, cell by cell, in the report's words.
    pub table1: Table1,
    /// Table 1's row in the edition's language, the atlas's own translation (null in English).
    #[serde(default)]
    pub table1_translation: Option<Table1>,
    /// The report's narrative of the plot, in the atlas's own words, sentence by sentence.
    pub summary: Prose,
    /// Ids of the report sections the summary draws on (see `dataset.json`).
    pub report_sections: Vec<String>,
    /// Bibliography keys the report cites for this plot.
    pub sources: Vec<String>,
    pub related: Vec<Related>,
    /// Where Table 1 and the text disagree, or where a value rests on one of them alone.
    pub data_notes: Vec<DataNote>,
    /// Dated steps of the case (arrests, charges, verdicts), each with its sources.
    pub events: Vec<Event>,
}

/// Table 1's cells, verbatim.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table1 {
    pub date: String,
    pub location: String,
    pub target: String,
    pub outcome: String,
    pub international_connection: String,
    pub cell_size: String,
    pub nationality: String,
    pub age: String,
    pub weapons_and_preparation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedNote {
    pub date: PartialDate,
    pub note: Prose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    City,
    Region,
    Country,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub place: String,
    pub country: String,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// Why this place is listed (e.g. "target city").
    pub role: String,
}

/// A label for readers in the language of the page being rendered: the catalogue's message `id`
/// (`templates/i18n/*/plots.ftl`), or `english` on English pages, where the catalogue says the
/// same. Each language's labels are made once and kept, so labels stay `&'static str` for every
/// caller: a few dozen short strings per language.
fn shown(id: &'static str, english: &'static str) -> &'static str {
    let lang = crate::i18n::current();
    if lang.is_source() {
        return english;
    }
    static MADE: LazyLock<Mutex<HashMap<(&'static str, &'static str), &'static str>>> = LazyLock::new(Default::default);
    let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
    made.entry((lang.code, id))
        .or_insert_with(|| Box::leak(lang.t(id).into_boxed_str()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetCategory {
    MilitaryFacility,
    Police,
    ReligiousSite,
    PublicEvent,
    Parliament,
    Individual,
    Unknown,
}

impl TargetCategory {
    pub const ALL: [TargetCategory; 7] = [
        Self::MilitaryFacility,
        Self::Police,
        Self::ReligiousSite,
        Self::PublicEvent,
        Self::Parliament,
        Self::Individual,
        Self::Unknown,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::MilitaryFacility => shown("plots-target-military-facility", "military facility"),
            Self::Police => shown("plots-target-police", "police"),
            Self::ReligiousSite => shown("plots-target-religious-site", "religious site"),
            Self::PublicEvent => shown("plots-target-public-event", "public event or crowded place"),
            Self::Parliament => shown("plots-target-parliament", "parliament"),
            Self::Individual => shown("plots-target-individual", "individual"),
            Self::Unknown => shown("plots-target-unknown", "unknown"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target in Table 1's words (one part of the Target cell).
    pub label: String,
    pub category: TargetCategory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JudicialStatus {
    Convicted,
    ChargesDroppedOrReduced,
    NoIndictmentDeported,
    TrialOngoing,
    NoInformation,
}

impl JudicialStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Convicted => shown("plots-status-convicted", "convicted"),
            Self::ChargesDroppedOrReduced => shown("plots-status-charges-dropped", "charges dropped or reduced"),
            Self::NoIndictmentDeported => shown("plots-status-no-indictment", "no indictment / deported"),
            Self::TrialOngoing => shown("plots-status-trial-ongoing", "trial ongoing"),
            Self::NoInformation => shown("plots-status-no-information", "no information"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub foiled: bool,
    pub judicial_status: JudicialStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Telegram,
    Zello,
}

impl Channel {
    pub fn label(self) -> &'static str {
        match self {
            Self::Telegram => "Telegram",
            Self::Zello => "Zello",
        }
    }
}

/// How firmly the report states a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated without hedging (Table 1, or the text).
    Stated,
    /// The text says "reportedly" or "according to".
    Reported,
    /// The text says "presumably" or "most likely".
    Presumed,
    /// Authorities suspected or investigated it; not established.
    Suspected,
}

impl Certainty {
    pub fn label(self) -> &'static str {
        match self {
            Self::Stated => "stated",
            Self::Reported => "reported",
            Self::Presumed => "presumed",
            Self::Suspected => "suspected",
        }
    }

    /// The certainty as readers see it, in the page's language (`label` stays the English key the
    /// pages use as a class name).
    pub fn name(self) -> &'static str {
        match self {
            Self::Stated => shown("plots-certainty-stated", "stated"),
            Self::Reported => shown("plots-certainty-reported", "reported"),
            Self::Presumed => shown("plots-certainty-presumed", "presumed"),
            Self::Suspected => shown("plots-certainty-suspected", "suspected"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handler {
    /// ISO code of the country the handlers were in, or `unknown`.
    pub country: String,
    /// Who, in the report's terms (never a suspect's name).
    pub who: String,
    pub certainty: Certainty,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Connection {
    pub handlers: Vec<Handler>,
    /// Communication channels the text names for this plot.
    pub channels: Vec<Channel>,
    /// ISO codes of countries outside Table 1's Location where a cell member was arrested.
    pub arrests_abroad: Vec<String>,
}

impl Connection {
    /// Handler country codes in data order, without repeats.
    pub fn handler_countries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for h in &self.handlers {
            if !out.contains(&h.country.as_str()) {
                out.push(&h.country);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalityCount {
    /// As Table 1 writes it; "German/Kosovar" stays one entry.
    pub nationality: String,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weapon {
    Explosives,
    Firearms,
    Knife,
    Missile,
}

impl Weapon {
    pub fn label(self) -> &'static str {
        match self {
            Self::Explosives => shown("plots-weapon-explosives", "explosives"),
            Self::Firearms => shown("plots-weapon-firearms", "firearms"),
            Self::Knife => shown("plots-weapon-knife", "knife"),
            Self::Missile => shown("plots-weapon-missile", "missile"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preparation {
    PartiallyProcured,
    ProcurementFailed,
    PreventedByArrest,
    Unclear,
    Unknown,
}

impl Preparation {
    pub fn label(self) -> &'static str {
        match self {
            Self::PartiallyProcured => shown("plots-prep-partially-procured", "partially procured"),
            Self::ProcurementFailed => shown("plots-prep-procurement-failed", "procurement failed"),
            Self::PreventedByArrest => shown("plots-prep-prevented-by-arrest", "prevented by arrest"),
            Self::Unclear => shown("plots-prep-unclear", "unclear"),
            Self::Unknown => shown("plots-prep-unknown", "unknown"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weapons {
    pub kinds: Vec<Weapon>,
    pub preparation: Preparation,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub slug: String,
    /// How the report connects the two plots, in the atlas's words.
    pub relation: Prose,
}

/// The name readers know a data note's field by: the Table 1 column it concerns (validation
/// allows no other field).
pub fn column_name(field: &str) -> &'static str {
    match field {
        "date" | "precise_date" => "Date",
        "countries" | "locations" => "Location",
        "targets" => "Target",
        "outcome" => "Outcome",
        "international_connection" => "International connection",
        "cell_size" => "Cell size",
        "nationalities" => "Nationality of suspects",
        "ages" => "Age of suspects",
        "weapons" => "Weapons and status of preparation",
        _ => "Other",
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataNote {
    /// The plot field the note is about (a JSON field name, e.g. `ages`).
    pub field: String,
    pub note: Prose,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: PartialDate,
    pub label: Prose,
}

impl Plot {
    /// The plot page's path, without the base path.
    pub fn path(&self) -> String {
        format!("/plots/{}", self.slug)
    }

    /// One line for previews and the page's lede.
    pub fn description(&self) -> String {
        let outcome = if self.outcome.foiled { "Foiled" } else { "Carried out" };
        format!(
            "{outcome} ISKP-linked plot, {}, {}: {} {} ({}); Table 1's target: {}.",
            self.place_label,
            self.date,
            self.cell_size,
            if self.cell_size == 1 { "suspect" } else { "suspects" },
            self.nationality_phrase(),
            self.table1.target
        )
    }

    /// Reader-facing title: place and month, e.g. "Strasbourg, France, November 2022".
    pub fn title(&self) -> String {
        format!("{}, {}", self.place_label, self.date)
    }

    /// The plot in a few words, both places kept so that plots in one city stay apart:
    /// "Cologne/Vienna, Dec 2023".
    pub fn short_name(&self) -> String {
        let month: String = self
            .date
            .month_name()
            .map(|m| m.chars().take(3).collect())
            .unwrap_or_default();
        format!("{}, {month} {}", self.short_place, self.date.year())
    }

    pub fn unknown_ages(&self) -> u32 {
        self.cell_size.saturating_sub(self.ages.len() as u32)
    }

    /// Nationalities as one phrase: "6 Tajik, 2 Kyrgyz, 1 Turkmen".
    pub fn nationality_phrase(&self) -> String {
        self.nationalities
            .iter()
            .map(|n| format!("{} {}", n.count, n.nationality))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
