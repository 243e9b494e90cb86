//! The rules a dataset must pass before the atlas serves it. Each broken rule becomes a
//! [`DataError`] naming the file, the item and the field, so a data editor can go straight to it.

mod analysis;
mod plot;

use std::collections::HashSet;

use super::date::Precision;
use super::statement::QUOTE_MAX_WORDS;
use super::{DataError, Dataset, Owner, PartialDate, Prose};

pub(crate) struct FileNames<'a> {
    pub dataset: &'a str,
    pub plots: &'a str,
    pub sources: &'a str,
    pub offices: &'a str,
    pub analysis: &'a str,
    pub glossary: &'a str,
}

/// Nothing the atlas records happened before IS's origins in 2003.
pub(super) const EARLIEST_YEAR: i32 = 2003;

pub(super) struct Report<'a> {
    errors: Vec<DataError>,
    file: &'a str,
    item: Option<String>,
}

impl Report<'_> {
    pub(super) fn check(&mut self, ok: bool, field: impl Into<String>, message: impl FnOnce() -> String) {
        if !ok {
            self.errors.push(DataError {
                file: self.file.to_string(),
                item: self.item.clone(),
                field: field.into(),
                message: message(),
            });
        }
    }
}

impl<'a> Report<'a> {
    fn new(file: &'a str) -> Self {
        Report {
            errors: Vec::new(),
            file,
            item: None,
        }
    }

    pub(super) fn set(&mut self, file: &'a str, item: Option<String>) {
        self.file = file;
        self.item = item;
    }
}

pub(crate) fn validate(ds: &Dataset, files: &FileNames<'_>) -> Vec<DataError> {
    let mut r = Report::new(files.dataset);
    meta(ds, files, &mut r);
    sources(ds, files, &mut r);
    let mut seen = HashSet::new();
    for plot in &ds.plots {
        r.set(files.plots, Some(format!("plot \"{}\"", plot.slug)));
        r.check(seen.insert(&plot.slug), "slug", || {
            "this slug is used by another plot".into()
        });
        plot::plot(ds, plot, &mut r);
    }
    analysis::organisation(ds, files, &mut r);
    analysis::analysis(ds, files, &mut r);
    statements(ds, files, &mut r);
    glossary(ds, files, &mut r);
    r.errors
}

pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

fn is_version(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn date_sane(d: &PartialDate, reviewed: &PartialDate) -> bool {
    d.year() >= EARLIEST_YEAR && d.start() <= reviewed.end()
}

fn meta<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let m = &ds.meta;
    r.set(files.dataset, None);
    r.check(is_version(&m.version), "version", || {
        format!("'{}' is not MAJOR.MINOR.PATCH", m.version)
    });
    r.check(m.period.from <= m.period.to, "period", || "`from` is after `to`".into());
    for (field, value) in [
        ("report.title", &m.report.title),
        ("report.subtitle", &m.report.subtitle),
        ("report.author_short", &m.report.author_short),
    ] {
        r.check(!value.trim().is_empty(), field, || "is empty".into());
    }
    r.check(m.report.url.starts_with("https://"), "report.url", || {
        "must be an https URL".into()
    });
    r.check(!m.licence.trim().is_empty(), "licence", || "is empty".into());
    match m.changelog.first() {
        Some(latest) => r.check(latest.version == m.version, "changelog[0].version", || {
            format!(
                "the newest entry is {} but the dataset is {}",
                latest.version, m.version
            )
        }),
        None => r.check(false, "changelog", || "needs at least one entry".into()),
    }
    for (i, c) in m.changelog.iter().enumerate() {
        r.check(
            c.date.start() <= m.reviewed.end(),
            format!("changelog[{i}].date"),
            || format!("{} is after the review date {}", c.date.iso(), m.reviewed.iso()),
        );
        r.check(!c.changes.is_empty(), format!("changelog[{i}].changes"), || {
            "is empty".into()
        });
        for (j, fix) in c.corrections.iter().enumerate() {
            let field = format!("changelog[{i}].corrections[{j}]");
            let known = ["/offices", "/patterns", "/method", "/sources"].contains(&fix.page.as_str())
                || fix
                    .page
                    .strip_prefix("/plots/")
                    .is_some_and(|slug| ds.plot(slug).is_some());
            r.check(known, format!("{field}.page"), || {
                format!(
                    "'{}' is not a plot page, /offices, /patterns, /method or /sources",
                    fix.page
                )
            });
            r.check(!fix.notes.is_empty(), format!("{field}.notes"), || "is empty".into());
        }
    }
    let mut ids = HashSet::new();
    for (i, s) in m.sections.iter().enumerate() {
        r.set(files.dataset, Some(format!("section \"{}\"", s.id)));
        r.check(is_slug(&s.id), "id", || format!("'{}' is not a lowercase slug", s.id));
        r.check(ids.insert(&s.id), "id", || format!("sections[{i}] repeats this id"));
        if let Some(part) = &s.part {
            // A part comes first, which also rules out cycles.
            let earlier = m.sections[..i].iter().any(|p| &p.id == part);
            r.check(earlier, "part", || {
                format!("'{part}' is not a section listed before this one")
            });
        }
        r.check(!s.heading.trim().is_empty(), "heading", || {
            "is empty; copy the heading line as the report prints it".into()
        });
        r.check(
            m.sections[..i].iter().all(|p| p.heading != s.heading),
            "heading",
            || "another section has this heading".into(),
        );
        for (j, key) in s.sources.iter().enumerate() {
            r.check(ds.source(key).is_some(), format!("sources[{j}]"), || {
                format!("'{key}' is not a key in {}", files.sources)
            });
        }
    }
}

fn sources<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let reviewed = &ds.meta.reviewed;
    let mut keys = HashSet::new();
    for s in &ds.sources {
        r.set(files.sources, Some(format!("source \"{}\"", s.key)));
        r.check(is_slug(&s.key), "key", || {
            format!("'{}' is not a lowercase slug", s.key)
        });
        r.check(keys.insert(&s.key), "key", || {
            "this key is used by another source".into()
        });
        r.check(!s.authors.is_empty(), "authors", || "is empty".into());
        r.check((1900..=reviewed.year()).contains(&s.year), "year", || {
            format!("{} is not plausible", s.year)
        });
        r.check(!s.title.trim().is_empty(), "title", || "is empty".into());
        r.check(!s.reference.trim().is_empty(), "reference", || "is empty".into());
        if let Some(url) = &s.url {
            r.check(url.starts_with("https://") || url.starts_with("http://"), "url", || {
                format!("'{url}' is not an http(s) URL")
            });
        }
        if let Some(a) = &s.accessed {
            r.check(
                a.precision() == Precision::Day && date_sane(a, reviewed),
                "accessed",
                || format!("{} must be a day between {EARLIEST_YEAR} and the review date", a.iso()),
            );
        }
    }
}

/// One term per idea: ids unique, no term also listed as another's variant.
fn glossary<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let mut ids = HashSet::new();
    for (i, t) in ds.glossary.terms.iter().enumerate() {
        r.set(files.glossary, Some(format!("term \"{}\"", t.id)));
        r.check(is_slug(&t.id) && ids.insert(&t.id), "id", || {
            format!("terms[{i}]: must be a unique slug")
        });
        r.check(!t.term.trim().is_empty(), "term", || "is empty".into());
        r.check(!t.definition.trim().is_empty(), "definition", || "is empty".into());
        for (j, a) in t.avoid.iter().enumerate() {
            let clash = ds.glossary.terms.iter().any(|u| u.term.eq_ignore_ascii_case(a));
            r.check(!clash, format!("avoid[{j}]"), || {
                format!("'{a}' is itself a term of the glossary")
            });
        }
    }
}

/// A field of prose must say something.
pub(super) fn prose(p: &Prose, field: &str, r: &mut Report<'_>) {
    r.check(!p.is_empty(), field, || "has no statement".into());
}

/// Every statement: a sentence, at least one quotation, each quotation short and placed in a
/// known section, and its works cited in that section (and, for a plot, in the plot's sources).
/// Whether the quotations are really the report's words is `check --report`'s task (`quotes`).
fn statements<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    for at in ds.statements() {
        let file = match at.file {
            "plots.json" => files.plots,
            "offices.json" => files.offices,
            _ => files.analysis,
        };
        r.set(file, Some(at.item.clone()));
        let st = at.statement;
        let field = &at.field;
        r.check(!st.text.trim().is_empty(), format!("{field}.text"), || {
            "is empty".into()
        });
        r.check(!st.evidence.is_empty(), format!("{field}.evidence"), || {
            "has no quotation: every sentence needs the report's words that support it".into()
        });
        if let Some(reason) = &st.hedge_exception {
            r.check(!reason.trim().is_empty(), format!("{field}.hedge_exception"), || {
                "is empty: give the reason, or remove it".into()
            });
        }
        let plot = match at.owner {
            Owner::Plot(slug) => ds.plot(slug),
            _ => None,
        };
        for (i, ev) in st.evidence.iter().enumerate() {
            let ef = format!("{field}.evidence[{i}]");
            let section = ds.section(&ev.section);
            r.check(section.is_some(), format!("{ef}.section"), || {
                format!("'{}' is not a section id in dataset.json", ev.section)
            });
            r.check(!ev.quote.trim().is_empty(), format!("{ef}.quote"), || "is empty".into());
            let words = ev.word_count();
            r.check(words <= QUOTE_MAX_WORDS, format!("{ef}.quote"), || {
                format!("has {words} words; a quotation has at most {QUOTE_MAX_WORDS}")
            });
            for (j, key) in ev.sources.iter().enumerate() {
                let kf = format!("{ef}.sources[{j}]");
                if ds.source(key).is_none() {
                    r.check(false, kf, || format!("'{key}' is not a key in {}", files.sources));
                    continue;
                }
                if let Some(s) = section {
                    r.check(s.sources.contains(key), kf.clone(), || {
                        format!(
                            "'{key}' is not among the works section \"{}\" cites (dataset.json)",
                            s.id
                        )
                    });
                }
                if let Some(p) = plot {
                    r.check(p.sources.contains(key), kf, || {
                        format!("'{key}' is not in the plot's `sources`")
                    });
                }
            }
        }
    }
}

pub(super) fn keys(ds: &Dataset, keys: &[String], field: &str, r: &mut Report<'_>) {
    for (i, key) in keys.iter().enumerate() {
        r.check(ds.source(key).is_some(), format!("{field}[{i}]"), || {
            format!("'{key}' is not a key in sources.json")
        });
    }
}
