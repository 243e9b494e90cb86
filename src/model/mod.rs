//! The dataset: typed, validated, indexed, and immutable once loaded.
//!
//! Five JSON files make it up: `dataset.json` (metadata, report sections, changelog), `plots.json`
//! (Table 1), `sources.json` (the bibliography), `offices.json` (the IS organisation) and
//! `analysis.json` (patterns, policy, method, report-level notes). They are compiled into the binary
//! ([`Dataset::embedded`]) and can be read from a directory instead ([`Dataset::from_dir`]); both go
//! through the same parsing and [`validate`] rules, so bad data never serves.

pub mod analysis;
pub mod citations;
pub mod country;
pub mod date;
pub mod figures;
pub mod org;
pub mod plot;
pub mod source;
mod validate;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use analysis::Analysis;
pub use citations::Citations;
pub use date::{PartialDate, Precision};
pub use org::Organisation;
pub use plot::Plot;
pub use source::{Meta, Section, Source};

/// The file names inside a data directory, in [`DataFiles`] order.
pub const FILES: [&str; 5] = [
    "dataset.json",
    "plots.json",
    "sources.json",
    "offices.json",
    "analysis.json",
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

/// The text of the data files, each with the name to report in errors.
pub struct DataFiles {
    pub dataset: (String, String),
    pub plots: (String, String),
    pub sources: (String, String),
    pub offices: (String, String),
    pub analysis: (String, String),
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
            _ => None,
        }
    }

    /// The files compiled into the binary.
    pub fn embedded() -> DataFiles {
        let file = |name: &str, text: &str| (format!("data/{name}"), text.to_string());
        DataFiles {
            dataset: file("dataset.json", include_str!("../../data/dataset.json")),
            plots: file("plots.json", include_str!("../../data/plots.json")),
            sources: file("sources.json", include_str!("../../data/sources.json")),
            offices: file("offices.json", include_str!("../../data/offices.json")),
            analysis: file("analysis.json", include_str!("../../data/analysis.json")),
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
    /// Who cites each bibliography key.
    pub citations: Citations,
    plot_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    section_index: HashMap<String, usize>,
}

impl Dataset {
    /// The dataset compiled into the binary.
    pub fn embedded() -> Result<Dataset, DataErrors> {
        Dataset::from_files(DataFiles::embedded())
    }

    /// The dataset from the three files in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Dataset, DataErrors> {
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
        let mut files = files.into_iter();
        let mut next = || files.next().unwrap_or_default();
        Dataset::from_files(DataFiles {
            dataset: next(),
            plots: next(),
            sources: next(),
            offices: next(),
            analysis: next(),
        })
    }

    pub fn from_files(files: DataFiles) -> Result<Dataset, DataErrors> {
        let mut errors = Vec::new();
        let meta = parse_whole::<Meta>(&files.dataset, &mut errors);
        let plots = parse_list::<Plot>(&files.plots, "plots", "plot", "slug", &mut errors);
        let sources = parse_list::<Source>(&files.sources, "sources", "source", "key", &mut errors);
        let org = parse_whole::<Organisation>(&files.offices, &mut errors);
        let analysis = parse_whole::<Analysis>(&files.analysis, &mut errors);
        let (Some(meta), Some(mut plots), Some(mut sources), Some(org), Some(analysis)) =
            (meta, plots, sources, org, analysis)
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
        let dataset = Dataset {
            plot_index: index(plots.iter().map(|p| &p.slug).collect()),
            source_index: index(sources.iter().map(|s| &s.key).collect()),
            section_index: index(meta.sections.iter().map(|s| &s.id).collect()),
            citations: Citations::build(&meta, &plots, &org, &analysis),
            meta,
            plots,
            sources,
            org,
            analysis,
        };
        let names = validate::FileNames {
            dataset: &files.dataset.0,
            plots: &files.plots.0,
            sources: &files.sources.0,
            offices: &files.offices.0,
            analysis: &files.analysis.0,
        };
        let errors = validate::validate(&dataset, &names);
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(DataErrors(errors))
        }
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
        let own = match section.page_label() {
            Some(page) => format!("{} (from {page})", section.title),
            None => section.title.clone(),
        };
        match section.part.as_deref() {
            Some(part) => format!("{} › {own}", self.section_label(part)),
            None => own,
        }
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

#[cfg(test)]
mod tests;
