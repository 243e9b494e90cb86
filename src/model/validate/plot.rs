//! Rules for one plot of `plots.json`.

use std::collections::HashSet;

use super::{EARLIEST_YEAR, Report, date_sane, is_slug, keys, prose};
use crate::model::date::Precision;
use crate::model::plot::Plot;
use crate::model::{Dataset, country};

/// Ages outside this range are typos, not suspects.
const AGE_RANGE: std::ops::RangeInclusive<u32> = 10..=90;
/// A summary is a paragraph of about 120–250 words; far outside that, something went wrong.
const SUMMARY_WORDS: std::ops::RangeInclusive<usize> = 100..=300;

/// Plot fields a data note may point to.
const NOTE_FIELDS: &[&str] = &[
    "date",
    "precise_date",
    "countries",
    "locations",
    "targets",
    "outcome",
    "international_connection",
    "cell_size",
    "nationalities",
    "ages",
    "weapons",
];

pub(super) fn plot<'a>(ds: &Dataset, p: &Plot, r: &mut Report<'a>) {
    let m = &ds.meta;
    r.check(is_slug(&p.slug), "slug", || {
        format!("'{}' is not a lowercase slug", p.slug)
    });
    r.check(p.slug.starts_with(&format!("{}-", p.date.iso())), "slug", || {
        format!("must start with the plot's date, '{}-'", p.date.iso())
    });

    // Dates.
    r.check(p.date.precision() == Precision::Month, "date", || {
        "must be a month, YYYY-MM, as in Table 1".into()
    });
    r.check(
        p.date.start() >= m.period.from.start() && p.date.end() <= m.period.to.end(),
        "date",
        || {
            format!(
                "{} is outside the report's period {}–{}",
                p.date.iso(),
                m.period.from.iso(),
                m.period.to.iso()
            )
        },
    );
    let table_date = format!("{:02}/{}", p.date.start().format("%m"), p.date.year());
    r.check(p.table1.date == table_date, "table1.date", || {
        format!(
            "'{}' does not match `date` {} (expected '{table_date}')",
            p.table1.date,
            p.date.iso()
        )
    });
    if let Some(precise) = &p.precise_date {
        r.check(precise.date.within(&p.date), "precise_date.date", || {
            format!("{} is not within the plot's month {}", precise.date.iso(), p.date.iso())
        });
        r.check(precise.date.precision() > Precision::Month, "precise_date.date", || {
            "is no more precise than `date`".into()
        });
        prose(&precise.note, "precise_date.note", r);
    }
    for (i, e) in p.events.iter().enumerate() {
        r.check(date_sane(&e.date, &m.reviewed), format!("events[{i}].date"), || {
            format!(
                "{} must lie between {EARLIEST_YEAR} and the review date {}",
                e.date.iso(),
                m.reviewed.iso()
            )
        });
        prose(&e.label, &format!("events[{i}].label"), r);
    }

    // Places.
    r.check(!p.countries.is_empty(), "countries", || "is empty".into());
    let mut seen = HashSet::new();
    for (i, c) in p.countries.iter().enumerate() {
        r.check(country::name(c).is_some(), format!("countries[{i}]"), || {
            format!("'{c}' is not a known ISO code")
        });
        r.check(seen.insert(c), format!("countries[{i}]"), || {
            format!("'{c}' is listed twice")
        });
    }
    for (i, l) in p.locations.iter().enumerate() {
        r.check(
            p.countries.contains(&l.country),
            format!("locations[{i}].country"),
            || format!("'{}' is not one of the plot's countries", l.country),
        );
        r.check(
            l.lat.is_finite()
                && (-90.0..=90.0).contains(&l.lat)
                && l.lon.is_finite()
                && (-180.0..=180.0).contains(&l.lon),
            format!("locations[{i}]"),
            || format!("({}, {}) is not a latitude/longitude", l.lat, l.lon),
        );
    }
    for c in &p.countries {
        r.check(p.locations.iter().any(|l| &l.country == c), "locations", || {
            format!("no location in '{c}'")
        });
    }

    // People.
    r.check(p.cell_size >= 1, "cell_size", || "must be at least 1".into());
    r.check(
        p.table1.cell_size == p.cell_size.to_string(),
        "table1.cell_size",
        || format!("'{}' does not match `cell_size` {}", p.table1.cell_size, p.cell_size),
    );
    r.check(!p.nationalities.is_empty(), "nationalities", || "is empty".into());
    let sum: u32 = p.nationalities.iter().map(|n| n.count).sum();
    r.check(sum == p.cell_size, "nationalities", || {
        format!("counts add up to {sum}, but `cell_size` is {}", p.cell_size)
    });
    let mut names = HashSet::new();
    for (i, n) in p.nationalities.iter().enumerate() {
        r.check(n.count >= 1, format!("nationalities[{i}].count"), || {
            "must be at least 1".into()
        });
        r.check(
            !n.nationality.trim().is_empty(),
            format!("nationalities[{i}].nationality"),
            || "is empty".into(),
        );
        r.check(
            names.insert(n.nationality.to_lowercase()),
            format!("nationalities[{i}].nationality"),
            || format!("'{}' is listed twice", n.nationality),
        );
    }
    r.check(p.ages.len() as u32 <= p.cell_size, "ages", || {
        format!("{} ages for a cell of {}", p.ages.len(), p.cell_size)
    });
    for (i, a) in p.ages.iter().enumerate() {
        r.check(AGE_RANGE.contains(a), format!("ages[{i}]"), || {
            format!("{a} is not a plausible age ({}–{})", AGE_RANGE.start(), AGE_RANGE.end())
        });
    }
    r.check(
        p.unknown_ages() == 0 || p.ages_note.as_ref().is_some_and(|n| !n.is_empty()),
        "ages_note",
        || format!("{} ages are unknown; say what is known of them", p.unknown_ages()),
    );

    // What, how, with whom.
    r.check(!p.targets.is_empty(), "targets", || "is empty".into());
    r.check(
        !p.international_connection.handlers.is_empty(),
        "international_connection.handlers",
        || "is empty; use country \"unknown\"".into(),
    );
    for (i, h) in p.international_connection.handlers.iter().enumerate() {
        r.check(
            h.country == "unknown" || country::name(&h.country).is_some(),
            format!("international_connection.handlers[{i}].country"),
            || format!("'{}' is neither a known ISO code nor \"unknown\"", h.country),
        );
    }
    for (i, c) in p.international_connection.arrests_abroad.iter().enumerate() {
        let field = format!("international_connection.arrests_abroad[{i}]");
        r.check(country::name(c).is_some(), field.clone(), || {
            format!("'{c}' is not a known ISO code")
        });
        r.check(!p.countries.contains(c), field, || {
            format!("'{c}' is already a Location country")
        });
    }

    // Table 1's wording.
    let t = &p.table1;
    for (field, value) in [
        ("table1.location", &t.location),
        ("table1.target", &t.target),
        ("table1.outcome", &t.outcome),
        ("table1.international_connection", &t.international_connection),
        ("table1.nationality", &t.nationality),
        ("table1.age", &t.age),
        ("table1.weapons_and_preparation", &t.weapons_and_preparation),
    ] {
        r.check(!value.trim().is_empty(), field, || {
            "is empty; copy Table 1's cell".into()
        });
    }

    // Narrative and references.
    let words = p.summary.word_count();
    r.check(SUMMARY_WORDS.contains(&words), "summary", || {
        format!(
            "has {words} words; expected {}–{}",
            SUMMARY_WORDS.start(),
            SUMMARY_WORDS.end()
        )
    });
    r.check(!p.place_label.trim().is_empty(), "place_label", || "is empty".into());
    r.check(!p.short_place.trim().is_empty(), "short_place", || "is empty".into());
    r.check(!p.report_sections.is_empty(), "report_sections", || "is empty".into());
    for (i, id) in p.report_sections.iter().enumerate() {
        r.check(ds.section(id).is_some(), format!("report_sections[{i}]"), || {
            format!("'{id}' is not a section id in dataset.json")
        });
    }
    keys(ds, &p.sources, "sources", r);
    let mut related = HashSet::new();
    for (i, rel) in p.related.iter().enumerate() {
        let field = format!("related[{i}].slug");
        r.check(ds.plot(&rel.slug).is_some(), field.clone(), || {
            format!("'{}' is not a plot slug", rel.slug)
        });
        r.check(rel.slug != p.slug, field.clone(), || {
            "a plot cannot be related to itself".into()
        });
        r.check(related.insert(&rel.slug), field, || {
            format!("'{}' is listed twice", rel.slug)
        });
        prose(&rel.relation, &format!("related[{i}].relation"), r);
    }
    for (i, n) in p.data_notes.iter().enumerate() {
        r.check(
            NOTE_FIELDS.contains(&n.field.as_str()),
            format!("data_notes[{i}].field"),
            || format!("'{}' is not one of: {}", n.field, NOTE_FIELDS.join(", ")),
        );
        prose(&n.note, &format!("data_notes[{i}].note"), r);
    }
}
