//! The atlas's words (`data/glossary.json`): one term per idea, what it means here, and the
//! variants not to use. Pages follow it (a test scans them for the variants); `/method` shows it;
//! a translation gives each term its equivalent.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable anchor, e.g. `judicial-status`.
    pub id: String,
    /// The word or phrase the atlas uses, in the case it is used in running text.
    pub term: String,
    pub definition: String,
    /// Other names for the same idea that the atlas's pages do not use.
    pub avoid: Vec<String>,
}

impl Glossary {
    /// Every variant to avoid, with the term to use instead.
    pub fn variants(&self) -> impl Iterator<Item = (&str, &str)> {
        self.terms
            .iter()
            .flat_map(|t| t.avoid.iter().map(move |a| (a.as_str(), t.term.as_str())))
    }
}
