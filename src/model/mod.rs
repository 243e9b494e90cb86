//! The dataset: typed, validated, indexed, and immutable once loaded.
//!
//! Five JSON files make it up: `dataset.json` (metadata, report sections, changelog), `plots.json`
//! (Table 1), `sources.json` (the bibliography), `offices.json` (the IS organisation) and
//! `analysis.json` (patterns, policy, method, report-level notes), and `glossary.json` (the atlas's
//! words). They are compiled into the binary
//! ([`Dataset::embedded`]) and can be read from a directory instead ([`Dataset::from_dir`]); both go
//! through the same parsing and [`validate`] rules, so bad data never serves.

pub mod analysis;
pub mod citations;
pub mod country;
pub mod date;
pub mod figures;
pub mod glossary;
pub mod org;
pub mod plot;
pub mod quotes;
pub mod source;
pub mod statement;
pub mod translate;
mod validate;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use analysis::Analysis;
pub use citations::Citations;
pub use date::{PartialDate, Precision};
pub use glossary::Glossary;
pub use org::Organisation;
pub use plot::Plot;
pub use source::{Meta, Section, Source};
pub use statement::{Evidence, Prose, Statement};
pub use translate::{Coverage, TranslationText};

/// The file names inside a data directory, in [`DataFiles`] order.
pub const FILES: [&str; 6] = [
    "dataset.json",
    "plots.json",
    "sources.json",
    "offices.json",
    "analysis.json",
    "glossary.json",
];

/// One problem in the data, located by file, item (plot, source, section) and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// e.g. `plot "2022-11-strasbourg"`; `None` for a file-level problem.
    pub item: Option<String>,
    /// JSON path of the field inside the item, e.g. `nationalities[1].count`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(item) = &self.item {
            write!(f, "{item}: ")?;
        }
        write!(f, "field `{}`: {}", self.field, self.message)
    }
}

/// Every problem found, one per line.
#[derive(Debug, thiserror::Error)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the dataset is invalid ({n} problem{}):",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

/// The text of the data files, each with the name to report in errors, and their translations.
#[derive(Debug, Clone)]
pub struct DataFiles {
    pub dataset: (String, String),
    pub plots: (String, String),
    pub sources: (String, String),
    pub offices: (String, String),
    pub analysis: (String, String),
    pub glossary: (String, String),
    /// Every language's translations of these files (`data/{code}/*.json`), see [`translate`].
    pub translations: Vec<TranslationText>,
}

impl DataFiles {
    /// The file called `name` (one of [`FILES`]), to read or replace its text.
    pub fn file_mut(&mut self, name: &str) -> Option<&mut (String, String)> {
        match name {
            "dataset.json" => Some(&mut self.dataset),
            "plots.json" => Some(&mut self.plots),
            "sources.json" => Some(&mut self.sources),
            "offices.json" => Some(&mut self.offices),
            "analysis.json" => Some(&mut self.analysis),
            "glossary.json" => Some(&mut self.glossary),
            _ => None,
        }
    }

    /// The files in `dir`: the data files, and each language's translations in `dir/{code}/`.
    pub fn read_dir(dir: &Path) -> Result<DataFiles, DataErrors> {
        let read = |name: &str| {
            let path = dir.join(name);
            let shown = path.display().to_string();
            std::fs::read_to_string(&path)
                .map(|text| (shown.clone(), text))
                .map_err(|e| DataError {
                    file: shown,
                    item: None,
                    field: "-".into(),
                    message: format!("cannot read the file: {e}"),
                })
        };
        let mut errors = Vec::new();
        let mut files = Vec::new();
        for name in FILES {
            match read(name) {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(DataErrors(errors));
        }
        let mut translations = Vec::new();
        for language in crate::i18n::languages().iter().filter(|l| !l.is_source()) {
            for name in translate::TRANSLATED_FILES.iter().chain(&["glossary.json"]) {
                match read(&format!("{}/{name}", language.code)) {
                    Ok((shown, text)) => translations.push(TranslationText {
                        language: language.code.to_string(),
                        file: name.to_string(),
                        shown,
                        text,
                    }),
                    Err(e) => errors.push(e),
                }
            }
        }
        if !errors.is_empty() {
            return Err(DataErrors(errors));
        }
        let mut files = files.into_iter();
        let mut next = || files.next().unwrap_or_default();
        Ok(DataFiles {
            dataset: next(),
            plots: next(),
            sources: next(),
            offices: next(),
            analysis: next(),
            glossary: next(),
            translations,
        })
    }

    /// The files compiled into the binary (gzipped by `build.rs`).
    pub fn embedded() -> DataFiles {
        let data = crate::i18n::embedded_data();
        let file = |name: &str| {
            let gz = data.iter().find(|(n, _)| *n == name).map_or(&[][..], |(_, gz)| *gz);
            (format!("data/{name}"), crate::i18n::inflate(gz))
        };
        DataFiles {
            dataset: file("dataset.json"),
            plots: file("plots.json"),
            sources: file("sources.json"),
            offices: file("offices.json"),
            analysis: file("analysis.json"),
            glossary: file("glossary.json"),
            translations: crate::i18n::languages()
                .iter()
                .flat_map(|l| {
                    l.data.iter().map(|(name, gz)| TranslationText {
                        language: l.code.to_string(),
                        file: name.to_string(),
                        shown: format!("data/{}/{name}", l.code),
                        text: crate::i18n::inflate(gz),
                    })
                })
                .collect(),
        }
    }
}

#[derive(Debug)]
pub struct Dataset {
    pub meta: Meta,
    /// In date order (then slug), which is also the previous/next order of plot pages.
    pub plots: Vec<Plot>,
    /// Alphabetical by key.
    pub sources: Vec<Source>,
    pub org: Organisation,
    pub analysis: Analysis,
    pub glossary: Glossary,
    /// Who cites each bibliography key.
    pub citations: Citations,
    /// The language its text is in: English, or a translation's (see [`translate`]).
    pub language: &'static crate::i18n::Language,
    /// The files' names as errors show them, in [`FILES`] order.
    file_names: Vec<String>,
    plot_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    section_index: HashMap<String, usize>,
}

impl Dataset {
    /// The dataset compiled into the binary.
    pub fn embedded() -> Result<Dataset, DataErrors> {
        Dataset::from_files(DataFiles::embedded())
    }

    /// The dataset from the files in `dir` (English only; see [`Dataset::editions`] for all).
    pub fn from_dir(dir: &Path) -> Result<Dataset, DataErrors> {
        Dataset::from_files(DataFiles::read_dir(dir)?)
    }

    pub fn from_files(files: DataFiles) -> Result<Dataset, DataErrors> {
        let mut errors = Vec::new();
        let meta = parse_whole::<Meta>(&files.dataset, &mut errors);
        let plots = parse_list::<Plot>(&files.plots, "plots", "plot", "slug", &mut errors);
        let sources = parse_list::<Source>(&files.sources, "sources", "source", "key", &mut errors);
        let org = parse_whole::<Organisation>(&files.offices, &mut errors);
        let analysis = parse_whole::<Analysis>(&files.analysis, &mut errors);
        let glossary = parse_whole::<Glossary>(&files.glossary, &mut errors);
        let (Some(meta), Some(mut plots), Some(mut sources), Some(org), Some(analysis), Some(glossary)) =
            (meta, plots, sources, org, analysis, glossary)
        else {
            return Err(DataErrors(errors));
        };
        if !errors.is_empty() {
            return Err(DataErrors(errors));
        }
        plots.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));
        sources.sort_by_cached_key(Source::sort_key);
        let index = |keys: Vec<&String>| -> HashMap<String, usize> {
            keys.into_iter().enumerate().map(|(i, k)| (k.clone(), i)).collect()
        };
        let file_names = [
            &files.dataset,
            &files.plots,
            &files.sources,
            &files.offices,
            &files.analysis,
            &files.glossary,
        ]
        .iter()
        .map(|(name, _)| name.clone())
        .collect();
        let mut dataset = Dataset {
            file_names,
            plot_index: index(plots.iter().map(|p| &p.slug).collect()),
            source_index: index(sources.iter().map(|s| &s.key).collect()),
            section_index: index(meta.sections.iter().map(|s| &s.id).collect()),
            citations: Citations::default(),
            language: crate::i18n::source(),
            meta,
            plots,
            sources,
            org,
            analysis,
            glossary,
        };
        dataset.citations = Citations::build(&dataset);
        let names = validate::FileNames {
            dataset: &files.dataset.0,
            plots: &files.plots.0,
            sources: &files.sources.0,
            offices: &files.offices.0,
            analysis: &files.analysis.0,
            glossary: &files.glossary.0,
        };
        let errors = validate::validate(&dataset, &names);
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(DataErrors(errors))
        }
    }

    /// Every language's edition of the dataset, English first, each with how much of the English
    /// its translation covers (all of it, or an error naming what is missing).
    pub fn editions(files: DataFiles) -> Result<Vec<(Dataset, Coverage)>, DataErrors> {
        let mut errors = Vec::new();
        let mut out = Vec::new();
        let english = match Dataset::from_files(files.clone()) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.extend(e.0);
                None
            }
        };
        for language in crate::i18n::languages().iter().filter(|l| !l.is_source()) {
            let built = translate::translate(&files, language.code).and_then(|(translated, coverage)| {
                // Loaded in its language, so what loading derives (e.g. where a work is cited) is too.
                let mut dataset = crate::i18n::in_language(language, || Dataset::from_files(translated))?;
                dataset.language = language;
                Ok((dataset, coverage))
            });
            match built {
                Ok((dataset, coverage)) => {
                    if let Some(en) = &english {
                        errors.extend(glossary::same_terms(
                            &en.glossary,
                            &dataset.glossary,
                            dataset.file_name("glossary.json"),
                        ));
                    }
                    out.push((dataset, coverage));
                }
                Err(e) => errors.extend(e.0),
            }
        }
        match english {
            Some(en) if errors.is_empty() => {
                let strings = Coverage::default();
                out.insert(0, (en, strings));
                Ok(out)
            }
            _ => Err(DataErrors(errors)),
        }
    }

    /// The name errors give to one of the data files (`name` is one of [`FILES`]).
    pub fn file_name<'a>(&'a self, name: &'a str) -> &'a str {
        FILES
            .iter()
            .position(|f| *f == name)
            .and_then(|i| self.file_names.get(i))
            .map_or(name, String::as_str)
    }

    pub fn plot(&self, slug: &str) -> Option<&Plot> {
        self.plot_index.get(slug).map(|&i| &self.plots[i])
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.source_index.get(key).map(|&i| &self.sources[i])
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.section_index.get(id).map(|&i| &self.meta.sections[i])
    }

    /// "ISKP's external operations campaign (from p. 13) › The prototype (Germany, 2020)".
    pub fn section_label(&self, id: &str) -> String {
        let Some(section) = self.section(id) else {
            return id.to_string();
        };
        let own = match section.page {
            Some(page) => format!(
                "{} ({})",
                section.title,
                crate::i18n::current().message("pages-from", &[("start", page.into())])
            ),
            None => section.title.clone(),
        };
        match section.part.as_deref() {
            Some(part) => format!("{} › {own}", self.section_label(part)),
            None => own,
        }
    }

    /// A section with its pages, for evidence notes: "Introduction, pp. 5–6", or for a
    /// sub-section the pages of its part, "The prototype (Germany, 2020), within pp. 13–24" (the
    /// report's contents list only its parts' first pages).
    pub fn section_ref(&self, id: &str) -> String {
        let Some(section) = self.section(id) else {
            return id.to_string();
        };
        let mut top = section;
        while let Some(part) = top.part.as_deref().and_then(|p| self.section(p)) {
            top = part;
        }
        let Some(start) = top.page else {
            return section.title.clone();
        };
        // The part ends where the next part with a page begins.
        let end = self
            .meta
            .sections
            .iter()
            .skip_while(|s| s.id != top.id)
            .skip(1)
            .filter(|s| s.part.is_none())
            .find_map(|s| s.page)
            .map(|next| next.saturating_sub(1));
        let lang = crate::i18n::current();
        let pages = match end {
            Some(end) if end > start => lang.message("pages-range", &[("start", start.into()), ("end", end.into())]),
            Some(_) => lang.message("pages-one", &[("start", start.into())]),
            None => lang.message("pages-from", &[("start", start.into())]),
        };
        let id = if top.id == section.id {
            "section-pages"
        } else {
            "section-within-pages"
        };
        lang.message(id, &[("title", section.title.as_str().into()), ("pages", pages.into())])
    }

    /// A section's own title, for inline references: "ISKP's emergence as an IS 'province'".
    pub fn section_title(&self, id: &str) -> String {
        self.section(id).map_or_else(|| id.to_string(), |s| s.title.clone())
    }

    /// The plots before and after `slug` in date order.
    pub fn neighbours(&self, slug: &str) -> (Option<&Plot>, Option<&Plot>) {
        let Some(&i) = self.plot_index.get(slug) else {
            return (None, None);
        };
        (i.checked_sub(1).map(|j| &self.plots[j]), self.plots.get(i + 1))
    }
}

fn syntax_error(file: &str, e: &serde_json::Error) -> DataError {
    DataError {
        file: file.to_string(),
        item: None,
        field: "-".into(),
        message: format!("not valid JSON: {e}"),
    }
}

fn type_error(file: &str, item: Option<String>, e: serde_path_to_error::Error<serde_json::Error>) -> DataError {
    let path = e.path().to_string();
    DataError {
        file: file.to_string(),
        item,
        field: if path == "." { "-".into() } else { path },
        message: e.into_inner().to_string(),
    }
}

/// Parses a whole file as one `T`.
fn parse_whole<T: DeserializeOwned>((file, text): &(String, String), errors: &mut Vec<DataError>) -> Option<T> {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(syntax_error(file, &e));
            return None;
        }
    };
    match serde_path_to_error::deserialize::<_, T>(&root) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(type_error(file, None, e));
            None
        }
    }
}

/// Parses `{"<list>": [ ... ]}` item by item, so an error names the item by its `id_field`.
fn parse_list<T: DeserializeOwned>(
    (file, text): &(String, String),
    list: &str,
    kind: &str,
    id_field: &str,
    errors: &mut Vec<DataError>,
) -> Option<Vec<T>> {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(syntax_error(file, &e));
            return None;
        }
    };
    let file_error = |message: String| DataError {
        file: file.clone(),
        item: None,
        field: list.into(),
        message,
    };
    let Some(obj) = root.as_object() else {
        errors.push(file_error(format!("expected an object with one key, `{list}`")));
        return None;
    };
    if let Some(extra) = obj.keys().find(|k| *k != list) {
        errors.push(file_error(format!("unknown top-level key `{extra}`")));
    }
    let Some(items) = obj.get(list).and_then(Value::as_array) else {
        errors.push(file_error(format!("expected `{list}` to be a list")));
        return None;
    };
    let before = errors.len();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let name = match item.get(id_field).and_then(Value::as_str) {
            Some(id) => format!("{kind} \"{id}\""),
            None => format!("{kind} #{} (no {id_field})", i + 1),
        };
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(v) => out.push(v),
            Err(e) => errors.push(type_error(file, Some(name), e)),
        }
    }
    (errors.len() == before).then_some(out)
}

/// Where a statement appears in the atlas, for "cited by" lists and links to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    Plot(&'a str),
    /// A unit on `/offices`, by id.
    Node(&'a str),
    OfficesNote,
    Chronology,
    /// A pattern on `/patterns`, by id.
    Pattern(&'a str),
    ReportFigure,
    Propaganda,
    /// A policy dimension, by id.
    Policy(&'a str),
    /// The method's definitions and selection of plots.
    Method,
    Lull,
    ReportNote,
}

/// A statement with its item and field, for messages: `plot "x"`, `summary[2]`.
#[derive(Debug, Clone)]
pub struct LocatedAt<'a> {
    pub file: &'static str,
    pub owner: Owner<'a>,
    pub item: String,
    pub field: String,
    pub statement: &'a Statement,
}

impl Dataset {
    /// Every statement the atlas writes, in data order, with its file, item and field.
    pub fn statements<'a>(&'a self) -> Vec<LocatedAt<'a>> {
        let mut out = Vec::new();
        let mut push = |file: &'static str, owner: Owner<'a>, item: String, field: String, prose: &'a Prose| {
            for (i, statement) in prose.statements().iter().enumerate() {
                out.push(LocatedAt {
                    file,
                    owner,
                    item: item.clone(),
                    field: format!("{field}[{i}]"),
                    statement,
                });
            }
        };
        for p in &self.plots {
            let (o, item) = (Owner::Plot(&p.slug), format!("plot \"{}\"", p.slug));
            push("plots.json", o, item.clone(), "summary".into(), &p.summary);
            if let Some(d) = &p.precise_date {
                push("plots.json", o, item.clone(), "precise_date.note".into(), &d.note);
            }
            if let Some(n) = &p.ages_note {
                push("plots.json", o, item.clone(), "ages_note".into(), n);
            }
            for (i, e) in p.events.iter().enumerate() {
                push("plots.json", o, item.clone(), format!("events[{i}].label"), &e.label);
            }
            for (i, r) in p.related.iter().enumerate() {
                push(
                    "plots.json",
                    o,
                    item.clone(),
                    format!("related[{i}].relation"),
                    &r.relation,
                );
            }
            for (i, n) in p.data_notes.iter().enumerate() {
                push("plots.json", o, item.clone(), format!("data_notes[{i}].note"), &n.note);
            }
        }
        let org = &self.org;
        push(
            "offices.json",
            Owner::OfficesNote,
            "the offices note".into(),
            "offices_note".into(),
            &org.offices_note,
        );
        for n in &org.nodes {
            let (o, item) = (Owner::Node(&n.id), format!("node \"{}\"", n.id));
            push("offices.json", o, item.clone(), "summary".into(), &n.summary);
            for (i, f) in n.facts.iter().enumerate() {
                push("offices.json", o, item.clone(), format!("facts[{i}].value"), &f.value);
            }
            for (i, l) in n.plots.iter().enumerate() {
                push("offices.json", o, item.clone(), format!("plots[{i}].link"), &l.link);
            }
        }
        for (i, e) in org.chronology.iter().enumerate() {
            push(
                "offices.json",
                Owner::Chronology,
                format!("chronology[{i}]"),
                "label".into(),
                &e.label,
            );
        }
        let a = &self.analysis;
        for p in &a.patterns {
            let (o, item) = (Owner::Pattern(&p.id), format!("pattern \"{}\"", p.id));
            push("analysis.json", o, item.clone(), "summary".into(), &p.summary);
            for (i, r) in p.plots.iter().enumerate() {
                push("analysis.json", o, item.clone(), format!("plots[{i}].how"), &r.how);
            }
            for (i, c) in p.context.iter().enumerate() {
                push("analysis.json", o, item.clone(), format!("context[{i}].text"), &c.text);
            }
        }
        for f in &a.report_figures {
            let item = format!("report figure \"{}\"", f.id);
            push(
                "analysis.json",
                Owner::ReportFigure,
                item.clone(),
                "claim".into(),
                &f.claim,
            );
            if let Some(e) = &f.explanation {
                push("analysis.json", Owner::ReportFigure, item, "explanation".into(), e);
            }
        }
        let pr = &a.propaganda;
        push(
            "analysis.json",
            Owner::Propaganda,
            "propaganda".into(),
            "summary".into(),
            &pr.summary,
        );
        for (i, p) in pr.points.iter().enumerate() {
            push(
                "analysis.json",
                Owner::Propaganda,
                "propaganda".into(),
                format!("points[{i}]"),
                p,
            );
        }
        for (i, r) in pr.plots.iter().enumerate() {
            push(
                "analysis.json",
                Owner::Propaganda,
                "propaganda".into(),
                format!("plots[{i}].how"),
                &r.how,
            );
        }
        for d in &a.policy {
            let (o, item) = (Owner::Policy(&d.id), format!("policy \"{}\"", d.id));
            push("analysis.json", o, item.clone(), "summary".into(), &d.summary);
            for (i, r) in d.plots.iter().enumerate() {
                push("analysis.json", o, item.clone(), format!("plots[{i}].how"), &r.how);
            }
        }
        let m = &a.method;
        let item = || "method".to_string();
        for (i, d) in m.definitions.iter().enumerate() {
            push(
                "analysis.json",
                Owner::Method,
                item(),
                format!("definitions[{i}].text"),
                &d.text,
            );
        }
        push("analysis.json", Owner::Method, item(), "inclusion".into(), &m.inclusion);
        push(
            "analysis.json",
            Owner::Method,
            item(),
            "list_building".into(),
            &m.list_building,
        );
        for (i, e) in m.excluded.iter().enumerate() {
            push(
                "analysis.json",
                Owner::Method,
                item(),
                format!("excluded[{i}].why"),
                &e.why,
            );
        }
        push("analysis.json", Owner::Lull, item(), "lull".into(), &m.lull);
        for n in &a.report_notes {
            push(
                "analysis.json",
                Owner::ReportNote,
                format!("report note \"{}\"", n.id),
                "note".into(),
                &n.note,
            );
        }
        out
    }
}

#[cfg(test)]
mod tests;
