//! The atlas's words (`data/glossary.json`): one term per idea, what it means here, and the
//! variants not to use. Pages follow it (a test scans them for the variants); `/method` shows it;
//! a translation gives each term its equivalent.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// In a translation's glossary: the words by which a sentence in that language hedges (a
    /// trailing `*` matches any ending: `mutmaßlich*`). A translated statement must carry one
    /// wherever its English original hedges (`iskp-atlas check`). English's are in `quotes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<String>,
    /// Of those, the ones that mark uncertainty whatever the context ("mutmaßlich", not "laut"):
    /// a translated statement with one must have an English original that hedges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strong_hedges: Vec<String>,
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

/// A translated glossary must name the same terms as the English one, in the same order.
pub fn same_terms(english: &Glossary, translated: &Glossary, file: &str) -> Vec<super::DataError> {
    let ids = |g: &Glossary| g.terms.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    if ids(english) == ids(translated) {
        return Vec::new();
    }
    vec![super::DataError {
        file: file.to_string(),
        item: None,
        field: "terms".into(),
        message: format!(
            "must give the English glossary's terms in its order: {}",
            ids(english).join(", ")
        ),
    }]
}
