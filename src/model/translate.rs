//! A language's edition of the dataset, made from the English files and that language's
//! translations of them (`data/{code}/{file}.json`).
//!
//! A translation file lists every English string that needs translating, once, beside its
//! translation: `{"language": "de", "translates": "plots.json", "translations": [{"en": "…",
//! "de": "…"}, …]}`. Which strings need translating is fixed here, by their place in the data
//! ([`translatable`]): every statement's text and hedge exception, and the labels, names and titles
//! pages show. Table 1's cells stay as printed: their translation goes beside them
//! (`table1_translation`), marked on the page as the atlas's own. Quotations, bibliography entries,
//! codes and report headings are never translated. The glossary of a language is a whole file of
//! its own (`data/{code}/glossary.json`), with the same term ids as the English one.
//!
//! Building an edition fails, naming the file, the item and the field, when an English string has
//! no translation, when a translation is empty, or when a translation has no English original left
//! (the English changed and the translation was not brought along).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{DataError, DataErrors, DataFiles};

/// The data files a language translates string by string (the glossary it replaces whole).
pub const TRANSLATED_FILES: [&str; 4] = ["plots.json", "offices.json", "analysis.json", "dataset.json"];

/// The text of one translation file, with the name to report in errors.
#[derive(Debug, Clone)]
pub struct TranslationText {
    /// Language code, e.g. `de`.
    pub language: String,
    /// The data file it translates, e.g. `plots.json` (or `glossary.json`).
    pub file: String,
    /// The name to report in errors, e.g. `data/de/plots.json`.
    pub shown: String,
    pub text: String,
}

/// How much of the dataset a language's files translate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// English strings that need a translation.
    pub strings: usize,
    /// Of those, the ones that have it.
    pub translated: usize,
    /// Statements (sentences with evidence) among the strings, and those translated.
    pub statements: usize,
    pub statements_translated: usize,
}

/// Whether the string at `path` (object keys from the file's root, list positions left out) of
/// `file` is one a translation must give. `table1.*` cells are translated beside the cell.
pub fn translatable(file: &str, path: &[&str]) -> bool {
    let Some(last) = path.last() else { return false };
    if matches!(*last, "text" | "hedge_exception") {
        return true;
    }
    let joined = path.join(".");
    let extra: &[&str] = match file {
        "plots.json" => &[
            "plots.place_label",
            "plots.short_place",
            "plots.locations.place",
            "plots.locations.role",
            "plots.international_connection.handlers.who",
            "plots.targets.label",
            "plots.table1.location",
            "plots.table1.target",
            "plots.table1.outcome",
            "plots.table1.international_connection",
            "plots.table1.nationality",
            "plots.table1.age",
            "plots.table1.weapons_and_preparation",
        ],
        "offices.json" => &["nodes.name", "nodes.facts.label"],
        "analysis.json" => &[
            "patterns.title",
            "patterns.context.title",
            "policy.title",
            "method.excluded.case",
            "method.definitions.term",
            "report_notes.topic",
        ],
        "dataset.json" => &["changelog.changes", "changelog.corrections.notes", "licence", "title"],
        _ => &[],
    };
    extra.contains(&joined.as_str())
}

struct Walk<'a> {
    file: &'a str,
    shown: &'a str,
    code: &'a str,
    map: HashMap<&'a str, (usize, &'a str)>,
    used: Vec<bool>,
    coverage: Coverage,
    errors: Vec<DataError>,
}

impl Walk<'_> {
    /// Translates every translatable string under `value`. `keys` is the path of object keys,
    /// `shown_path` the same with list positions (for errors), `item` the plot or unit it is in.
    fn walk(&mut self, value: &mut Value, keys: &mut Vec<String>, shown_path: String, item: Option<String>) {
        match value {
            Value::Object(obj) => {
                let item = item_name(obj, keys).or(item);
                let mut table1_translation = None;
                for (k, v) in obj.iter_mut() {
                    keys.push(k.clone());
                    let path = if shown_path.is_empty() {
                        k.clone()
                    } else {
                        format!("{shown_path}.{k}")
                    };
                    if k == "table1" {
                        // Table 1's cells stay as printed; their translation goes beside them.
                        let mut cells = v.clone();
                        self.walk(&mut cells, keys, path, item.clone());
                        table1_translation = Some(cells);
                    } else {
                        self.walk(v, keys, path, item.clone());
                    }
                    keys.pop();
                }
                if let Some(cells) = table1_translation {
                    obj.insert("table1_translation".into(), cells);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter_mut().enumerate() {
                    self.walk(v, keys, format!("{shown_path}[{i}]"), item.clone());
                }
            }
            Value::String(s) => {
                let path: Vec<&str> = keys.iter().map(String::as_str).collect();
                if !translatable(self.file, &path) {
                    return;
                }
                let statement = path.last() == Some(&"text");
                self.coverage.strings += 1;
                self.coverage.statements += usize::from(statement);
                match self.map.get(s.as_str()) {
                    Some(&(i, text)) => {
                        self.used[i] = true;
                        self.coverage.translated += 1;
                        self.coverage.statements_translated += usize::from(statement);
                        *s = text.to_string();
                    }
                    None => self.errors.push(DataError {
                        file: self.shown.to_string(),
                        item,
                        field: shown_path,
                        message: format!("no {} text for the English {:?} ({})", self.code, short(s), self.file),
                    }),
                }
            }
            _ => {}
        }
    }
}

/// The name an error gives the item a value sits in: a plot by its slug, a unit or entry by its id.
fn item_name(obj: &Map<String, Value>, keys: &[String]) -> Option<String> {
    let kind = match keys.first().map(String::as_str) {
        Some("plots") => "plot",
        Some("nodes") => "unit",
        Some("changelog") => "version",
        Some(k) => k,
        None => return None,
    };
    ["slug", "id", "version"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_str))
        .map(|id| format!("{kind} \"{id}\""))
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// `english` (one of [`TRANSLATED_FILES`]) with every translatable string replaced by its
/// translation from `translation`.
fn translate_file(
    file: &str,
    english: &str,
    translation: &TranslationText,
    coverage: &mut Coverage,
    errors: &mut Vec<DataError>,
) -> Option<String> {
    let shown = translation.shown.as_str();
    let code = translation.language.as_str();
    let error = |item: Option<String>, field: String, message: String| DataError {
        file: shown.to_string(),
        item,
        field,
        message,
    };
    let doc: Value = match serde_json::from_str(&translation.text) {
        Ok(v) => v,
        Err(e) => {
            errors.push(error(None, "-".into(), format!("not valid JSON: {e}")));
            return None;
        }
    };
    if doc.get("language").and_then(Value::as_str) != Some(code) {
        errors.push(error(None, "language".into(), format!("must be {code:?}")));
    }
    if doc.get("translates").and_then(Value::as_str) != Some(file) {
        errors.push(error(None, "translates".into(), format!("must be {file:?}")));
    }
    let Some(entries) = doc.get("translations").and_then(Value::as_array) else {
        errors.push(error(None, "translations".into(), "expected a list".into()));
        return None;
    };
    let mut map = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let field = |k: &str| format!("translations[{i}].{k}");
        let (Some(en), Some(text)) = (
            entry.get("en").and_then(Value::as_str),
            entry.get(code).and_then(Value::as_str),
        ) else {
            errors.push(error(None, field(code), format!("needs `en` and `{code}` strings")));
            continue;
        };
        if text.trim().is_empty() {
            errors.push(error(
                Some(format!("English {:?}", short(en))),
                field(code),
                "is empty".into(),
            ));
        }
        if map.insert(en, (i, text)).is_some() {
            errors.push(error(None, field("en"), format!("{:?} is translated twice", short(en))));
        }
    }
    let mut root: Value = serde_json::from_str(english).ok()?;
    let mut walk = Walk {
        file,
        shown,
        code,
        used: vec![false; entries.len()],
        map,
        coverage: Coverage::default(),
        errors: Vec::new(),
    };
    walk.walk(&mut root, &mut Vec::new(), String::new(), None);
    for (i, used) in walk.used.iter().enumerate() {
        if !used && let Some(en) = entries[i].get("en").and_then(Value::as_str) {
            errors.push(error(
                Some(format!("English {:?}", short(en))),
                format!("translations[{i}].en"),
                format!("has no English original in {file} (was the English changed?)"),
            ));
        }
    }
    coverage.strings += walk.coverage.strings;
    coverage.translated += walk.coverage.translated;
    coverage.statements += walk.coverage.statements;
    coverage.statements_translated += walk.coverage.statements_translated;
    errors.extend(walk.errors);
    serde_json::to_string(&root).ok()
}

/// The files of language `code`'s edition, and how much they translate.
pub fn translate(files: &DataFiles, code: &str) -> Result<(DataFiles, Coverage), DataErrors> {
    let mut out = files.clone();
    let mut errors = Vec::new();
    let mut coverage = Coverage::default();
    let find = |name: &str| files.translations.iter().find(|t| t.language == code && t.file == name);
    for name in TRANSLATED_FILES {
        let Some(slot) = out.file_mut(name) else { continue };
        let Some(translation) = find(name) else {
            errors.push(DataError {
                file: format!("data/{code}/{name}"),
                item: None,
                field: "-".into(),
                message: format!("missing: the {code} edition needs a translation of {name}"),
            });
            continue;
        };
        if let Some(text) = translate_file(name, &slot.1, translation, &mut coverage, &mut errors) {
            slot.1 = text;
        }
    }
    match find("glossary.json") {
        Some(glossary) => out.glossary = (glossary.shown.clone(), glossary.text.clone()),
        None => errors.push(DataError {
            file: format!("data/{code}/glossary.json"),
            item: None,
            field: "-".into(),
            message: format!("missing: the {code} edition needs its glossary"),
        }),
    }
    if errors.is_empty() {
        Ok((out, coverage))
    } else {
        Err(DataErrors(errors))
    }
}

/// Words of `text`, lower-cased, split at anything but letters, digits and hyphens.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` holds one of `hedges` (phrases of whole words; a trailing `*` on a word matches
/// any ending).
pub fn has_hedge(text: &str, hedges: &[String]) -> bool {
    let words = words(text);
    hedges.iter().any(|hedge| {
        let parts: Vec<String> = hedge.split(' ').map(str::to_lowercase).collect();
        words.windows(parts.len()).any(|win| {
            win.iter().zip(&parts).all(|(w, p)| match p.strip_suffix('*') {
                Some(stem) => w.starts_with(stem),
                None => w == p,
            })
        })
    })
}

/// The numbers in `text`, with group and decimal separators dropped (`€2,000` and `2.000 €` both
/// give `2000`), so a translation can be checked for keeping them.
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, ',' | '.') && !current.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            continue;
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.sort();
    out
}

/// Where a translated edition does not say what the English says, as far as a program can tell:
/// a statement whose English original hedges and which does not (or the other way round), a number
/// of the original missing from it, or a word its glossary says to avoid.
pub fn faithfulness(english: &super::Dataset, translated: &super::Dataset) -> Vec<String> {
    let code = translated.language.code;
    let file = |name: &str| format!("data/{code}/{name}");
    let hedges = &translated.glossary.hedges;
    let avoid: Vec<(&str, &str)> = translated.glossary.variants().collect();
    let mut problems = Vec::new();
    for (en, tr) in english.statements().iter().zip(translated.statements()) {
        let (e, t) = (&en.statement.text, &tr.statement.text);
        let at = format!("{}: {}: field `{}`", file(en.file), en.item, en.field);
        if super::quotes::report_hedges(e) && !has_hedge(t, hedges) {
            problems.push(format!("{at}: the English hedges, the translation does not: {t:?}"));
        }
        let strong = &translated.glossary.strong_hedges;
        if !super::quotes::statement_hedges(e) && has_hedge(t, strong) {
            problems.push(format!("{at}: the translation hedges, the English does not: {t:?}"));
        }
        let (ne, nt) = (numbers(e), numbers(t));
        for n in &ne {
            if !nt.contains(n) {
                problems.push(format!("{at}: the number {n} of the English is missing: {t:?}"));
            }
        }
        let lower = words(t).join(" ");
        for (variant, term) in &avoid {
            let v = words(variant).join(" ");
            if !v.is_empty() && format!(" {lower} ").contains(&format!(" {v} ")) {
                problems.push(format!(
                    "{at}: says {variant:?}, which the glossary replaces by {term:?}"
                ));
            }
        }
    }
    problems
}
