//! The fields of a plot as rows: Table 1's nine columns in the report's words, then the atlas's
//! structured readings. Shared by `/compare`, `/briefing` and `/plots.csv`, so they never disagree
//! about what a plot's fields are.

use crate::model::country;
use crate::model::plot::Plot;

pub struct Field {
    pub id: &'static str,
    /// The English name, as the CSV's header row keeps it in every edition.
    pub label: &'static str,
    /// The catalogue's message for the name pages show (`templates/i18n/*/plots.ftl`).
    pub message: &'static str,
    pub value: fn(&Plot) -> String,
}

impl Field {
    /// The field's name in the language of the page being rendered.
    pub fn title(&self) -> String {
        crate::i18n::current().t(self.message)
    }

    /// The atlas's own rendering of this Table 1 cell in the page's language, where there is one
    /// (German pages; never for the structured readings).
    pub fn translation(&self, plot: &Plot) -> Option<String> {
        let t = plot.table1_translation.as_ref()?;
        let cell = match self.id {
            "date" => &t.date,
            "location" => &t.location,
            "target" => &t.target,
            "outcome" => &t.outcome,
            "international_connection" => &t.international_connection,
            "cell_size" => &t.cell_size,
            "nationality" => &t.nationality,
            "age" => &t.age,
            "weapons_and_preparation" => &t.weapons_and_preparation,
            _ => return None,
        };
        Some(cell.clone())
    }
}

fn join<T, F: Fn(&T) -> String>(items: &[T], f: F) -> String {
    items.iter().map(f).collect::<Vec<_>>().join("; ")
}

/// Table 1's columns, verbatim.
pub const TABLE1: [Field; 9] = [
    Field {
        id: "date",
        label: "Date",
        message: "plots-col-date",
        value: |p| p.table1.date.clone(),
    },
    Field {
        id: "location",
        label: "Location",
        message: "plots-col-location",
        value: |p| p.table1.location.clone(),
    },
    Field {
        id: "target",
        label: "Target",
        message: "plots-col-target",
        value: |p| p.table1.target.clone(),
    },
    Field {
        id: "outcome",
        label: "Outcome",
        message: "plots-col-outcome",
        value: |p| p.table1.outcome.clone(),
    },
    Field {
        id: "international_connection",
        label: "International connection",
        message: "plots-col-international-connection",
        value: |p| p.table1.international_connection.clone(),
    },
    Field {
        id: "cell_size",
        label: "Cell size",
        message: "plots-col-cell-size",
        value: |p| p.table1.cell_size.clone(),
    },
    Field {
        id: "nationality",
        label: "Nationality of suspects",
        message: "plots-col-nationality",
        value: |p| p.table1.nationality.clone(),
    },
    Field {
        id: "age",
        label: "Age of suspects",
        message: "plots-col-age",
        value: |p| p.table1.age.clone(),
    },
    Field {
        id: "weapons_and_preparation",
        label: "Weapons and status of preparation",
        message: "plots-col-weapons",
        value: |p| p.table1.weapons_and_preparation.clone(),
    },
];

/// The atlas's structured readings of those columns.
pub const STRUCTURED: [Field; 8] = [
    Field {
        id: "countries",
        label: "Countries",
        message: "plots-field-countries",
        value: |p| join(&p.countries, |c| country::display(c).to_string()),
    },
    Field {
        id: "target_categories",
        label: "Target categories",
        message: "plots-field-target-categories",
        value: |p| join(&p.targets, |t| t.category.label().to_string()),
    },
    Field {
        id: "judicial_status",
        label: "Judicial status",
        message: "plots-field-judicial-status",
        value: |p| p.outcome.judicial_status.label().to_string(),
    },
    Field {
        id: "handler_countries",
        label: "Handler countries",
        message: "plots-field-handler-countries",
        value: |p| {
            join(&p.international_connection.handler_countries(), |c| {
                country::display(c).to_string()
            })
        },
    },
    Field {
        id: "channels",
        label: "Channels named in the text",
        message: "plots-field-channels",
        value: |p| join(&p.international_connection.channels, |c| c.label().to_string()),
    },
    Field {
        id: "arrests_abroad",
        label: "Arrests abroad",
        message: "plots-field-arrests-abroad",
        value: |p| {
            join(&p.international_connection.arrests_abroad, |c| {
                country::display(c).to_string()
            })
        },
    },
    Field {
        id: "known_ages",
        label: "Known ages",
        message: "plots-field-known-ages",
        value: |p| join(&p.ages, u32::to_string),
    },
    Field {
        id: "weapons",
        label: "Weapons",
        message: "plots-field-weapons",
        value: |p| join(&p.weapons.kinds, |w| w.label().to_string()),
    },
];
