//! What changed in one plot from one dataset version to the next, field by field, computed from the
//! versions' API documents (`/api/plots.json` as each served it), never written by hand.
//!
//! A plot's JSON is flattened into fields a reader recognises ("Summary", "Data note 2",
//! "Table 1 · Outcome"); prose, whether a plain string (1.0.0) or a list of statements (from 1.1.0),
//! is compared as its text, and its quotations as a separate field. Long texts are shown as words
//! removed and added.

use serde_json::Value;

/// What a field's value is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Shape {
    /// A text or a single value.
    #[default]
    Text,
    /// Quotations of the report, one per line of the value (see [`items`]).
    Quotations,
    /// Bibliography keys, one per line of the value (`seelow-2023`), shown as their short citations.
    Works,
}

/// One field of a plot as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub value: String,
    pub shape: Shape,
}

/// A field whose value differs between two versions (empty on the side where it does not exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub label: String,
    pub before: String,
    pub after: String,
    pub shape: Shape,
}

/// The items of a list-shaped value ([`Shape::Quotations`], [`Shape::Works`]).
pub fn items(value: &str) -> Vec<&str> {
    value.split('\n').filter(|s| !s.is_empty()).collect()
}

/// A run of words in a word-by-word comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Same(String),
    Removed(String),
    Added(String),
}

/// Fields that are addresses or derived from other fields: a change there says nothing new.
const SKIPPED: &[&str] = &[
    "url",
    "permalink",
    "summary_text",
    "handler_countries",
    "target_categories",
    "unknown_ages",
];

/// The label a reader knows a JSON key by.
fn label(key: &str) -> String {
    let lang = crate::i18n::current();
    let id = format!("field-{}", key.replace('_', "-"));
    if matches!(key, "label" | "note" | "relation") {
        String::new()
    } else if lang.ids().contains(&id) {
        lang.t(&id)
    } else {
        key.replace('_', " ")
    }
}

fn join(prefix: &str, part: &str) -> String {
    match (prefix.is_empty(), part.is_empty()) {
        (true, _) => part.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix} · {part}"),
    }
}

fn is_statement(v: &Value) -> bool {
    v.get("text").is_some_and(Value::is_string) && v.get("evidence").is_some_and(Value::is_array)
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(true) => crate::i18n::current().t("value-yes"),
        Value::Bool(false) => crate::i18n::current().t("value-no"),
        other => other.to_string(),
    }
}

fn flatten_into(v: &Value, at: &str, out: &mut Vec<Field>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if SKIPPED.contains(&k.as_str()) {
                    continue;
                }
                // A data note's field is shown as the column it concerns.
                if let ("field", Some(field)) = (k.as_str(), x.as_str()) {
                    out.push(Field {
                        label: join(at, &crate::i18n::current().t("field-column")),
                        value: crate::model::plot::column_name(field).to_string(),
                        shape: Shape::Text,
                    });
                    continue;
                }
                // Works the report cites: keys, one per line, shown as short citations.
                if let ("sources", Value::Array(keys)) = (k.as_str(), x)
                    && keys.iter().all(Value::is_string)
                {
                    out.push(Field {
                        label: join(at, &label(k)),
                        value: keys.iter().map(scalar).collect::<Vec<_>>().join("\n"),
                        shape: Shape::Works,
                    });
                    continue;
                }
                flatten_into(x, &join(at, &label(k)), out);
            }
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(is_statement) => {
            let text: Vec<&str> = items.iter().filter_map(|s| s["text"].as_str()).collect();
            out.push(Field {
                label: at.to_string(),
                value: text.join(" "),
                shape: Shape::Text,
            });
            let quotes: Vec<String> = items
                .iter()
                .flat_map(|s| s["evidence"].as_array().into_iter().flatten())
                .filter_map(|e| e["quote"].as_str().map(|q| format!("“{q}”")))
                .collect();
            out.push(Field {
                label: join(at, &crate::i18n::current().t("field-quotations")),
                value: quotes.join("\n"),
                shape: Shape::Quotations,
            });
        }
        Value::Array(items) if items.iter().all(|x| !x.is_object() && !x.is_array()) => out.push(Field {
            label: at.to_string(),
            value: items.iter().map(scalar).collect::<Vec<_>>().join(", "),
            shape: Shape::Text,
        }),
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                flatten_into(x, &format!("{at} {}", i + 1), out);
            }
        }
        other => out.push(Field {
            label: at.to_string(),
            value: scalar(other),
            shape: Shape::Text,
        }),
    }
}

/// A plot's JSON as the fields a reader would compare.
pub fn flatten(plot: &Value) -> Vec<Field> {
    let mut out = Vec::new();
    flatten_into(plot, "", &mut out);
    out
}

/// The fields that differ between two versions of one plot, in the newer version's order, then
/// those only the older had.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let (old, new) = (flatten(before), flatten(after));
    let find = |fields: &[Field], label: &str| fields.iter().find(|f| f.label == label).map(|f| f.value.clone());
    let mut out: Vec<Change> = Vec::new();
    for f in &new {
        let was = find(&old, &f.label).unwrap_or_default();
        if was != f.value {
            out.push(Change {
                label: f.label.clone(),
                before: was,
                after: f.value.clone(),
                shape: f.shape,
            });
        }
    }
    for f in &old {
        if find(&new, &f.label).is_none() && !f.value.is_empty() {
            out.push(Change {
                label: f.label.clone(),
                before: f.value.clone(),
                after: String::new(),
                shape: f.shape,
            });
        }
    }
    out
}

/// Word by word, the words removed from `before` and added in `after` (longest common run kept).
pub fn words(before: &str, after: &str) -> Vec<Words> {
    let a: Vec<&str> = before.split_whitespace().collect();
    let b: Vec<&str> = after.split_whitespace().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out: Vec<Words> = Vec::new();
    let mut push = |w: Words| match (out.last_mut(), w) {
        (Some(Words::Same(s)), Words::Same(t))
        | (Some(Words::Removed(s)), Words::Removed(t))
        | (Some(Words::Added(s)), Words::Added(t)) => {
            s.push(' ');
            s.push_str(&t);
        }
        (_, w) => out.push(w),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(Words::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            push(Words::Added(b[j].to_string()));
            j += 1;
        } else {
            push(Words::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Two small versions of one plot, written for the test: a prose field that became statements,
    /// a changed category, a data note added, an address that changed (not a change of content).
    fn versions() -> (Value, Value) {
        let before = json!({
            "slug": "2020-01-x",
            "url": "/plots/2020-01-x",
            "summary": "The cell was in contact with Syria. Police arrested five.",
            "targets": [{"label": "Bases", "category": "military-facility"}],
            "data_notes": [],
            "table1": {"outcome": "Foiled"}
        });
        let after = json!({
            "slug": "2020-01-x",
            "url": "/atlas/plots/2020-01-x",
            "permalink": "https://intra.example/atlas/plots/2020-01-x",
            "summary": [
                {"text": "The cell was reportedly in contact with Syria.", "evidence": [{"section": "s", "quote": "reportedly in contact"}]},
                {"text": "Police arrested five.", "evidence": [{"section": "s", "quote": "arrested five"}]}
            ],
            "targets": [{"label": "Bases", "category": "police"}],
            "data_notes": [{"field": "outcome", "note": [{"text": "Table 1 and the text differ.", "evidence": [{"section": "t", "quote": "differ"}]}]}],
            "table1": {"outcome": "Foiled"}
        });
        (before, after)
    }

    #[test]
    fn fields_that_changed_are_listed_with_reader_labels() {
        let (before, after) = versions();
        let changes = diff(&before, &after);
        let labels: Vec<&str> = changes.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Summary",
                "Summary · quotations",
                "Target 1 · Category",
                "Data note 1 · Column",
                "Data note 1",
                "Data note 1 · quotations"
            ]
        );
        assert_eq!(
            changes[0].before,
            "The cell was in contact with Syria. Police arrested five."
        );
        assert_eq!(
            changes[0].after,
            "The cell was reportedly in contact with Syria. Police arrested five."
        );
        assert_eq!(
            (changes[2].before.as_str(), changes[2].after.as_str()),
            ("military-facility", "police")
        );
        assert!(diff(&after, &after).is_empty(), "a version does not differ from itself");
    }

    #[test]
    fn a_sentence_shows_its_removed_and_added_words() {
        let w = words(
            "The cell was in contact with Syria.",
            "The cell was reportedly in contact with Syria.",
        );
        assert_eq!(
            w,
            [
                Words::Same("The cell was".into()),
                Words::Added("reportedly".into()),
                Words::Same("in contact with Syria.".into())
            ]
        );
        let w = words("five young men", "five suspects");
        assert_eq!(
            w,
            [
                Words::Same("five".into()),
                Words::Added("suspects".into()),
                Words::Removed("young men".into())
            ]
        );
    }
}
