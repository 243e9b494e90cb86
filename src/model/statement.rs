//! The atlas's own sentences and their evidence (content rule 6 in PRODUCT.md).
//!
//! Every sentence the atlas writes about the plots, the organisation and the patterns is a
//! [`Statement`]: the sentence in the atlas's words, and one or more [`Evidence`] entries, each a
//! verbatim quotation of the report with its section and the works the report cites there. A field
//! of prose is a [`Prose`]: its statements in reading order, shown as one paragraph.
//! [`Dataset::statements`](super::Dataset::statements) lists every statement with where it sits, for
//! validation, for `iskp-atlas check --report` and for the "cited by" index.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One sentence of the atlas with the report passages that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The sentence, in the atlas's own words.
    pub text: String,
    pub evidence: Vec<Evidence>,
    /// Why the sentence may state plainly what the report's sentence hedges (shown on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge_exception: Option<String>,
}

/// A verbatim quotation of the report that supports a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Report section id (see `dataset.json`).
    pub section: String,
    /// The report's words, at most [`QUOTE_MAX_WORDS`].
    pub quote: String,
    /// Bibliography keys the report cites for the quoted passage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// The longest quotation the atlas may take from the report (content rule 6).
pub const QUOTE_MAX_WORDS: usize = 25;

impl Evidence {
    pub fn word_count(&self) -> usize {
        self.quote
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    }
}

/// A paragraph of statements, in reading order. Displays as its sentences joined by spaces.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Prose(pub Vec<Statement>);

impl Prose {
    pub fn statements(&self) -> &[Statement] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paragraph as plain text.
    pub fn text(&self) -> String {
        self.to_string()
    }

    pub fn word_count(&self) -> usize {
        self.0.iter().map(|s| s.text.split_whitespace().count()).sum()
    }

    /// Every bibliography key its evidence cites, in order, without repeats.
    pub fn sources(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for k in self.0.iter().flat_map(|s| &s.evidence).flat_map(|e| &e.sources) {
            if !out.contains(&k.as_str()) {
                out.push(k);
            }
        }
        out
    }

    /// The section of its first quotation: where a reader should look first.
    pub fn main_section(&self) -> Option<&str> {
        self.0
            .iter()
            .flat_map(|s| &s.evidence)
            .map(|e| e.section.as_str())
            .next()
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(&s.text)?;
        }
        Ok(())
    }
}
