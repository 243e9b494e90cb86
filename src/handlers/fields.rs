//! The fields of a plot as rows: Table 1's nine columns in the report's words, then the atlas's
//! structured readings. Shared by `/compare`, `/briefing` and `/plots.csv`, so they never disagree
//! about what a plot's fields are.

use crate::model::country;
use crate::model::plot::Plot;

pub struct Field {
    pub id: &'static str,
    pub label: &'static str,
    pub value: fn(&Plot) -> String,
}

fn join<T, F: Fn(&T) -> String>(items: &[T], f: F) -> String {
    items.iter().map(f).collect::<Vec<_>>().join("; ")
}

/// Table 1's columns, verbatim.
pub const TABLE1: [Field; 9] = [
    Field {
        id: "date",
        label: "Date",
        value: |p| p.table1.date.clone(),
    },
    Field {
        id: "location",
        label: "Location",
        value: |p| p.table1.location.clone(),
    },
    Field {
        id: "target",
        label: "Target",
        value: |p| p.table1.target.clone(),
    },
    Field {
        id: "outcome",
        label: "Outcome",
        value: |p| p.table1.outcome.clone(),
    },
    Field {
        id: "international_connection",
        label: "International connection",
        value: |p| p.table1.international_connection.clone(),
    },
    Field {
        id: "cell_size",
        label: "Cell size",
        value: |p| p.table1.cell_size.clone(),
    },
    Field {
        id: "nationality",
        label: "Nationality of suspects",
        value: |p| p.table1.nationality.clone(),
    },
    Field {
        id: "age",
        label: "Age of suspects",
        value: |p| p.table1.age.clone(),
    },
    Field {
        id: "weapons_and_preparation",
        label: "Weapons and status of preparation",
        value: |p| p.table1.weapons_and_preparation.clone(),
    },
];

/// The atlas's structured readings of those columns.
pub const STRUCTURED: [Field; 8] = [
    Field {
        id: "countries",
        label: "Countries",
        value: |p| join(&p.countries, |c| country::display(c).to_string()),
    },
    Field {
        id: "target_categories",
        label: "Target categories",
        value: |p| join(&p.targets, |t| t.category.label().to_string()),
    },
    Field {
        id: "judicial_status",
        label: "Judicial status",
        value: |p| p.outcome.judicial_status.label().to_string(),
    },
    Field {
        id: "handler_countries",
        label: "Handler countries",
        value: |p| {
            join(&p.international_connection.handler_countries(), |c| {
                country::display(c).to_string()
            })
        },
    },
    Field {
        id: "channels",
        label: "Channels named in the text",
        value: |p| join(&p.international_connection.channels, |c| c.label().to_string()),
    },
    Field {
        id: "arrests_abroad",
        label: "Arrests abroad",
        value: |p| {
            join(&p.international_connection.arrests_abroad, |c| {
                country::display(c).to_string()
            })
        },
    },
    Field {
        id: "known_ages",
        label: "Known ages",
        value: |p| join(&p.ages, u32::to_string),
    },
    Field {
        id: "weapons",
        label: "Weapons",
        value: |p| join(&p.weapons.kinds, |w| w.label().to_string()),
    },
];
