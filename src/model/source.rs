//! The report's bibliography and its own metadata (`data/sources.json`, `data/dataset.json`).

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// One entry of the report's reference list.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable anchor, e.g. `soliev-2021`, `unsc-2025a`; also `/sources#{key}`.
    pub key: String,
    /// "Surname, Given" for people; organisations as the report writes them.
    pub authors: Vec<String>,
    pub year: i32,
    pub title: String,
    pub outlet: Option<String>,
    pub details: Option<String>,
    pub url: Option<String>,
    pub accessed: Option<PartialDate>,
    /// How the report's running text cites it ("Soliev 2021").
    pub cited_as: String,
    /// How the atlas names it where `cited_as` alone would be ambiguous ("Krause 2025" is also the
    /// report itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The entry as the report prints it (bibliography entries are data and may be reproduced).
    pub reference: String,
}

/// The dataset's own description (`data/dataset.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub version: String,
    /// When the dataset was last checked against the report.
    pub reviewed: PartialDate,
    /// The period the report covers; every plot's date must fall inside it.
    pub period: Period,
    pub report: Report,
    pub licence: String,
    pub sections: Vec<Section>,
    pub changelog: Vec<Change>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: PartialDate,
    pub to: PartialDate,
}

/// The report the atlas is built from. Title and citation are kept in parts and composed by
/// [`Report::full_title`] and [`Report::citation`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub author: String,
    /// The author as the report's own APA citation writes it ("Krause, D.").
    pub author_short: String,
    pub year: i32,
    pub title: String,
    pub subtitle: String,
    pub series: String,
    /// The series as the report's own APA citation writes it.
    pub series_citation: String,
    pub publisher: String,
    pub place: String,
    pub isbn_pdf: String,
    pub isbn_print: String,
    pub url: String,
}

impl Report {
    pub fn full_title(&self) -> String {
        format!("{}: {}", self.title, self.subtitle)
    }

    /// The citation the report asks for (APA), as printed on its cover page.
    pub fn citation(&self) -> String {
        format!(
            "{} ({}). {}. {}. {}",
            self.author_short,
            self.year,
            self.full_title(),
            self.publisher,
            self.series_citation
        )
    }
}

/// A part of the report that plots and figures point to.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The heading, shortened where the report's is long.
    pub title: String,
    /// The heading line as the report prints it, or its first words where it is long (a line that
    /// starts with them is the heading), to find the section in a plain-text copy of the report.
    pub heading: String,
    /// For a block set inside another section (Table 1): the start of its last line, after which
    /// the enclosing section resumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_line: Option<String>,
    /// The id of the part it belongs to, for sub-sections.
    pub part: Option<String>,
    /// First page of the part, from the report's table of contents.
    pub page: Option<u32>,
    /// Bibliography keys the report cites in this section.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: String,
    pub date: PartialDate,
    /// What the version is, in a few sentences.
    pub changes: Vec<String>,
    /// What it corrected, page by page, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// Corrections a version made to one page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The page's path, e.g. `/plots/2022-11-strasbourg`.
    pub page: String,
    pub notes: Vec<String>,
}

impl Change {
    /// The anchor of one page's corrections on `/changelog`: `v1.1.0-plots-2022-11-strasbourg`.
    pub fn anchor(&self, page: &str) -> String {
        format!("v{}-{}", self.version, page.trim_start_matches('/').replace('/', "-"))
    }
}

impl Source {
    /// Authors as a reader sees them in a list: "Jadoon, Amira, Abdul Sayed …" is hard to read,
    /// so people after the first are written given name first.
    pub fn author_line(&self) -> String {
        let flip = |a: &String| match a.split_once(", ") {
            Some((surname, given)) if !a.contains('(') => format!("{given} {surname}"),
            _ => a.clone(),
        };
        let mut names: Vec<String> = Vec::with_capacity(self.authors.len());
        for (i, a) in self.authors.iter().enumerate() {
            names.push(if i == 0 { a.clone() } else { flip(a) });
        }
        match names.len() {
            0 => String::new(),
            1 => names.remove(0),
            2 => format!("{} and {}", names[0], names[1]),
            _ => {
                let last = names.pop().unwrap_or_default();
                format!("{}, and {}", names.join(", "), last)
            }
        }
    }
}

impl Source {
    /// The short name the atlas shows for it: its `label`, or how the report cites it.
    pub fn short_name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.cited_as)
    }

    /// Bibliography order: first author, then year, then the report's letter suffix (in the key).
    pub fn sort_key(&self) -> (String, i32, String) {
        let author = self.authors.first().map(|a| crate::text::fold(a)).unwrap_or_default();
        (author, self.year, self.key.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(key: &str, author: &str, year: i32) -> Source {
        Source {
            key: key.into(),
            authors: vec![author.into()],
            year,
            title: "t".into(),
            outlet: None,
            details: None,
            url: None,
            accessed: None,
            cited_as: "c".into(),
            label: None,
            reference: "r".into(),
        }
    }

    #[test]
    fn bibliography_sorts_by_folded_author_then_year_then_suffix() {
        let mut list = [
            source("zelin-2024b", "Zelin, Aaron Y.", 2024),
            source("senyurt-willinger-2024", "Şenyurt, Ahmet", 2024),
            source("zelin-2014", "Zelin, Aaron Y.", 2014),
            source("oif-2023", "ÖIF (Österreichischer Integrations Fonds)", 2023),
            source("zelin-2024a", "Zelin, Aaron Y.", 2024),
            source("shurson-2024", "Shurson, Jessica", 2024),
        ];
        list.sort_by_cached_key(Source::sort_key);
        let keys: Vec<&str> = list.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "oif-2023",
                "senyurt-willinger-2024",
                "shurson-2024",
                "zelin-2014",
                "zelin-2024a",
                "zelin-2024b"
            ]
        );
    }

    #[test]
    fn author_lines_read_naturally() {
        let mut s = source("x", "Jadoon, Amira", 2023);
        s.authors = vec!["Jadoon, Amira".into(), "Mines, Andrew".into(), "Sayed, Abdul".into()];
        assert_eq!(s.author_line(), "Jadoon, Amira, Andrew Mines, and Abdul Sayed");
        s.authors = vec!["UNSC (United Nations Security Council)".into()];
        assert_eq!(s.author_line(), "UNSC (United Nations Security Council)");
    }
}
