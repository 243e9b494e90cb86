//! Full-text search over plots, the organisation, patterns, method and sources (`/search?q=`).
//!
//! The index is built once at start-up: each document keeps its text folded (lower case, no
//! accents, hyphens as spaces) with a map back to the original, so a match is highlighted in the
//! original words. A query term matches at the start of a word ("tajik" finds "Tajikistan"; "ran"
//! does not find "Iran"); every term must match. Readers' spellings are mapped to the atlas's
//! (Köln → Cologne, ISIS-K → ISKP, NRW → North Rhine-Westphalia).
//!
//! Every document is also indexed in the other editions' words (its German translation in the
//! English edition and the other way round), so German and English queries work in both. Beyond
//! word starts, a query word matches by its light stem (German plural and case endings: "Tschetschenen"
//! finds "tschetschenisch"), with an umlaut written as the plain vowel ("Koln" finds "Köln", folded
//! "koeln"), and as a compound the text has in parts ("Militärbasen": "Militär…" and "bases"). A word
//! the index does not know at all is corrected to the nearest word of its vocabulary (restricted
//! Damerau-Levenshtein, one edit for 4–7 letters, two above); the page then shows the corrected
//! search and offers the one as typed. A snippet is always in the page's language: documents are
//! cut into the same passages in every edition, so a passage found through the other edition's
//! words is shown in the page's own.

use std::collections::{BTreeMap, HashSet};

use std::sync::{Arc, OnceLock};

use memchr::memmem::Finder;

use crate::model::Dataset;
use crate::text::{fold, fold_mapped};

/// Reader spellings (folded) and what the atlas writes instead.
const ALIASES: &[(&str, &str)] = &[
    ("koln", "cologne"),
    ("koeln", "cologne"),
    ("wien", "vienna"),
    ("isis-k", "iskp"),
    ("is-k", "iskp"),
    ("ispk", "iskp"),
    ("is-kp", "iskp"),
    ("iskp", "iskp"),
    ("nrw", "north rhine westphalia"),
    ("strassburg", "strasbourg"),
    ("kiev", "kyiv"),
    ("khurasan", "khorasan"),
];

/// Longer queries are cut; nothing in the atlas needs more.
pub const MAX_QUERY_CHARS: usize = 200;
/// Characters of context shown around the first match.
const SNIPPET_BEFORE: usize = 70;
const SNIPPET_AFTER: usize = 170;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Plot,
    Organisation,
    Pattern,
    Method,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Plot,
        Kind::Organisation,
        Kind::Pattern,
        Kind::Method,
        Kind::Source,
    ];

    /// The group's heading, in the language of the page being rendered.
    pub fn label(self) -> String {
        let id = match self {
            Kind::Plot => "search-kind-plot",
            Kind::Organisation => "search-kind-organisation",
            Kind::Pattern => "search-kind-pattern",
            Kind::Method => "search-kind-method",
            Kind::Source => "search-kind-source",
        };
        crate::i18n::current().t(id)
    }
}

/// One text of a document: the edition's own, or another edition's translation of it.
#[derive(Debug)]
struct Field {
    /// The language of the text (the snippet says so when it is not the page's).
    lang: &'static str,
    text: String,
    folded: String,
    /// How to find a byte of `text` from one of `folded`: from each `(folded byte, shift)` on,
    /// up to the next, the text's byte is the folded one plus the shift. Folding changes lengths
    /// only at the few letters it rewrites (é → e, ä → ae), so this is a few entries per text,
    /// where a map of every byte would take eight bytes per byte (see `Field::original`).
    shifts: Vec<(u32, i32)>,
    /// Where each passage of the text starts (a byte of `text`), which part of its page it is (a
    /// message id such as `t1-nationality`, "Table 1 · Nationality", empty where the document is
    /// one piece of its page), and its language.
    parts: Vec<(usize, &'static str, &'static str)>,
}

#[derive(Debug)]
struct Doc {
    kind: Kind,
    title: String,
    /// The title's language: the edition's, but a work of the bibliography keeps its own.
    title_lang: &'static str,
    /// Path without the base path, with an anchor where the document is part of a page.
    path: String,
    /// The edition's own text first, then the other editions' (so German words find an English
    /// page and English words a German one; the snippet is the page's own words for the passage
    /// that matches best, in whichever text).
    fields: Vec<Arc<Field>>,
    /// Every edition's title, folded.
    folded_title: String,
}

/// A word of the index's vocabulary, for corrections.
#[derive(Debug)]
struct Word {
    folded: String,
    chars: Vec<char>,
    /// As the text writes it (capitalised where any occurrence is).
    shown: String,
    /// How many documents use it.
    docs: usize,
}

/// A run of snippet text; `mark` runs matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: Kind,
    pub title: String,
    /// The title's language (a work's title keeps the language it was published in).
    pub title_lang: &'static str,
    pub path: String,
    pub snippet: Vec<Segment>,
    /// The language of the snippet's text: the page's, but for a bibliography entry (as printed)
    /// or a passage the page's edition does not have in its own words.
    pub snippet_lang: &'static str,
    /// The words that matched in another edition's text of the passage, where the snippet, in
    /// the page's language, does not have them (a German page found through "Tajik").
    pub matched_other: Vec<String>,
    /// Their language.
    pub matched_other_lang: &'static str,
    /// The part of the page the snippet comes from (a message id, e.g. `t1-nationality`), or ""
    /// where the document is one piece or only its title matched.
    pub matched_in: &'static str,
    score: usize,
}

/// What a search found, and the corrected query where a word had to be corrected to find it.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub hits: Vec<Hit>,
    /// The query with its misspelt words replaced ("Bremerhafen" → "Bremerhaven").
    pub suggestion: Option<String>,
}

#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// Sorted by the folded word (shared by the editions' indexes; see [`Index::vocab`]).
    vocab: Arc<OnceLock<Vec<Word>>>,
}

/// One query word: a document matches it when any of its forms starts a word there. The first
/// form is the word as typed (or corrected); the others are its stem and spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    forms: Vec<String>,
}

/// Folded, with hyphens as spaces so "Rhine-Westphalia" and "Rhine Westphalia" meet.
fn normalise(s: &str) -> (String, Vec<usize>) {
    let (folded, map) = fold_mapped(s);
    (folded.replace('-', " "), map)
}

/// Query → folded search terms, aliases applied.
pub fn terms(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out: Vec<String> = Vec::new();
    for raw in query.split_whitespace() {
        if let Some(term) = term_of(raw)
            && !out.contains(&term)
        {
            out.push(term);
        }
    }
    out
}

/// One whitespace-separated word of a query, folded, trimmed of punctuation, aliases applied.
fn term_of(raw: &str) -> Option<String> {
    let folded = fold(raw);
    let token = folded.trim_matches(|c: char| !c.is_alphanumeric());
    if token.is_empty() {
        return None;
    }
    let term = ALIASES
        .iter()
        .find(|(from, _)| *from == token)
        .map_or(token, |(_, to)| *to);
    Some(term.replace('-', " "))
}

/// German plural and case endings (and the English plural), longest first.
const ENDINGS: [&str; 7] = ["ern", "en", "er", "es", "e", "n", "s"];

/// A light stem: `word` without one inflection ending, keeping at least `min` letters, so that
/// "Tschetschenen" meets "tschetschenisch", "Kirgise" "kirgisisch" and "Polizisten" "Polizist".
fn stem(word: &str, min: usize) -> &str {
    ENDINGS
        .iter()
        .find_map(|e| word.strip_suffix(e).filter(|s| s.chars().count() >= min))
        .unwrap_or(word)
}

/// Stems of a query word keep five letters (shorter ones meet unrelated words: "Berin" is no
/// "Bericht"); the second part of a compound may keep four ("-basen": "bases").
const STEM_MIN: usize = 5;
const STEM_MIN_IN_COMPOUND: usize = 4;

/// What may follow a stem in a word of the text for the stem to count: the endings, and the
/// adjective and country endings of nationalities ("kirgis" + "isch", "tschetschen" + "ien").
const INFLECTED: [&str; 17] = [
    "", "e", "en", "er", "ern", "es", "n", "s", "isch", "ische", "ischen", "ischer", "isches", "in", "innen", "ien",
    "istan",
];

/// "koln" → "koeln": the word with "e" after some of its a/o/u, for readers who write an umlaut as
/// the plain vowel (the index folds "ö" to "oe"). At most 16 spellings.
fn umlaut_spellings(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| matches!(chars[i], 'a' | 'o' | 'u') && chars.get(i + 1) != Some(&'e'))
        .take(4)
        .collect();
    (1..1u32 << spots.len())
        .map(|mask| {
            let mut out = String::with_capacity(word.len() + 4);
            for (i, c) in chars.iter().enumerate() {
                out.push(*c);
                if let Some(k) = spots.iter().position(|&s| s == i)
                    && mask & (1 << k) != 0
                {
                    out.push('e');
                }
            }
            out
        })
        .collect()
}

/// The largest edit distance a correction may have: one for words of 4–7 letters, two above.
fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// For each prefix `w[..i]` (i ≤ `w.len()`), its optimal-string-alignment (restricted
/// Damerau-Levenshtein) distance to `t`: the last column of the table.
fn prefix_distances(t: &[char], w: &[char]) -> Vec<usize> {
    let n = t.len();
    let mut rows: Vec<Vec<usize>> = Vec::with_capacity(w.len() + 1);
    rows.push((0..=n).collect());
    for i in 1..=w.len() {
        let mut row = vec![i; n + 1];
        for j in 1..=n {
            let cost = usize::from(w[i - 1] != t[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(row[j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && w[i - 1] == t[j - 2] && w[i - 2] == t[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            row[j] = d;
        }
        rows.push(row);
    }
    rows.iter().map(|r| r[n]).collect()
}

/// Byte offsets in `hay` where `term` starts a word.
fn word_starts(hay: &str, term: &str) -> Vec<usize> {
    word_starts_of(hay, &Finder::new(term))
}

/// A searcher for each of `forms`, made once for all the texts they are looked for in.
fn finders(forms: &[String]) -> Vec<Finder<'_>> {
    forms.iter().map(Finder::new).collect()
}

/// Whether one of `forms` starts a word of the document's title or texts.
fn doc_matches(d: &Doc, forms: &[Finder<'_>]) -> bool {
    forms.iter().any(|f| {
        !word_starts_of(&d.folded_title, f).is_empty()
            || d.fields.iter().any(|x| !word_starts_of(&x.folded, f).is_empty())
    })
}

/// The same with the term's searcher made once, for a term looked for in many texts (every
/// search reads every text of the index: memchr's vectorised search, several times faster there
/// than `str::match_indices`).
fn word_starts_of(hay: &str, term: &Finder<'_>) -> Vec<usize> {
    // An empty term would "match" inside a letter's bytes; no query makes one.
    if term.needle().is_empty() {
        return Vec::new();
    }
    term.find_iter(hay.as_bytes())
        .filter(|&i| hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        .collect()
}

/// How a correction candidate ranks, least first: edits, a word start rather than a whole word,
/// length difference, and (reversed) how many documents use the word.
type Rank = (usize, bool, usize, std::cmp::Reverse<usize>);

/// A match in a text: its start and end (bytes of the original text) and which query term it is.
type Match = (usize, usize, usize);

/// How a passage ranks for the snippet, greatest first: query terms matched in it, the page's own
/// text, a Table 1 cell, earlier.
type PartRank = (usize, bool, bool, std::cmp::Reverse<usize>);

/// A passage of a document: one statement, a Table 1 cell, a data note, a list of names. The
/// editions cut a document into the same passages in the same order, so passage `i` of one
/// edition's text is the translation of passage `i` of another's.
#[derive(Debug)]
struct Piece {
    /// The message id naming the part of the page it is on (`t1-nationality`), or "".
    id: &'static str,
    text: String,
    /// The language of the text where it is not the edition's: a bibliography entry stays as
    /// printed, in English, in every edition.
    lang: Option<&'static str>,
}

fn piece(id: &'static str, text: String) -> Piece {
    Piece { id, text, lang: None }
}

/// A paragraph's statements, one passage each; `lead` ("Kontext: ", a fact's label) goes before
/// the first.
fn statements(id: &'static str, lead: Option<&str>, prose: &crate::model::statement::Prose) -> Vec<Piece> {
    prose
        .statements()
        .iter()
        .enumerate()
        .map(|(i, s)| match lead {
            Some(lead) if i == 0 => piece(id, format!("{lead}: {}", s.text)),
            _ => piece(id, s.text.clone()),
        })
        .collect()
}

/// A document's title and text, as the index takes them from one edition: (kind, title, path,
/// the passages of its text).
type Source = (Kind, String, String, Vec<Piece>);

/// A document of one edition with its text folded: (kind, title, path, text).
type Prepared = (Kind, String, String, Arc<Field>);

/// Every searchable document of `data`, in the same order for every edition.
fn documents(data: &Dataset) -> Vec<Source> {
    let lang = data.language;
    let mut out: Vec<Source> = Vec::new();
    for p in &data.plots {
        // Table 1's cells in the edition's language: the atlas's translation where it has one
        // (the English cells are the English edition's, which every index also holds).
        let t = p.table1_translation.as_ref().unwrap_or(&p.table1);
        let mut text: Vec<Piece> = statements("wayfinding-where-summary", None, &p.summary);
        text.extend([
            piece("t1-location", t.location.clone()),
            piece("t1-target", t.target.clone()),
            piece("t1-outcome", t.outcome.clone()),
            piece("t1-international-connection", t.international_connection.clone()),
            piece("t1-nationality", t.nationality.clone()),
            piece("t1-weapons", t.weapons_and_preparation.clone()),
        ]);
        for n in &p.data_notes {
            text.extend(statements("plots-notes-h", None, &n.note));
        }
        for e in &p.events {
            text.extend(statements("plots-events-h", None, &e.label));
        }
        let mut places = vec![p.place_label.clone()];
        places.extend(p.locations.iter().map(|l| l.place.clone()));
        places.extend(
            p.countries
                .iter()
                .filter(|c| crate::model::country::name(c).is_some())
                .map(|c| lang.t(&format!("country-{c}"))),
        );
        text.push(piece("wayfinding-where-places", places.join(" ")));
        text.push(piece(
            "wayfinding-where-targets",
            p.targets.iter().map(|t| t.label.clone()).collect::<Vec<_>>().join(" "),
        ));
        out.push((Kind::Plot, p.title(), p.path(), text));
    }
    // The other documents are one piece of a page each (their title says where on the page), cut
    // into their statements.
    for n in &data.org.nodes {
        let mut text = vec![piece("", n.also_known_as.join(", "))];
        text.extend(statements("", None, &n.summary));
        for f in &n.facts {
            text.extend(statements("", Some(&f.label), &f.value));
        }
        for l in &n.plots {
            text.extend(statements("", None, &l.link));
        }
        out.push((Kind::Organisation, n.name.clone(), format!("/offices#{}", n.id), text));
    }
    let a = &data.analysis;
    for p in &a.patterns {
        let mut text = statements("", None, &p.summary);
        for c in &p.context {
            text.extend(statements("", Some(&c.title), &c.text));
        }
        out.push((Kind::Pattern, p.title.clone(), format!("/patterns#{}", p.id), text));
    }
    let prop = &a.propaganda;
    let mut text = statements("", None, &prop.summary);
    for point in &prop.points {
        text.extend(statements("", None, point));
    }
    out.push((
        Kind::Pattern,
        crate::i18n::text("where-propaganda"),
        "/patterns#propaganda".into(),
        text,
    ));
    for d in &a.policy {
        out.push((
            Kind::Pattern,
            crate::i18n::named("where-policy", &d.title),
            format!("/policy#policy-{}", d.id),
            statements("", None, &d.summary),
        ));
    }
    let m = &a.method;
    for d in &m.definitions {
        out.push((
            Kind::Method,
            crate::i18n::named("where-definition", &d.term),
            "/method#definitions".into(),
            statements("", None, &d.text),
        ));
    }
    let mut selection = statements("", None, &m.inclusion);
    selection.extend(statements("", None, &m.list_building));
    out.push((
        Kind::Method,
        crate::i18n::text("where-selection"),
        "/method#selection".into(),
        selection,
    ));
    for e in &m.excluded {
        out.push((
            Kind::Method,
            crate::i18n::named("where-left-out", &e.case),
            "/method#excluded".into(),
            statements("", None, &e.why),
        ));
    }
    out.push((
        Kind::Method,
        crate::i18n::text("where-lull"),
        "/method#lull".into(),
        statements("", None, &m.lull),
    ));
    for n in &a.report_notes {
        out.push((
            Kind::Method,
            crate::i18n::named("where-data-note", &n.topic),
            format!("/method#report-note-{}", n.id),
            statements("", None, &n.note),
        ));
    }
    // Bibliography entries stay as printed, in the dataset's own language.
    let printed = crate::i18n::source().code;
    for s in &data.sources {
        out.push((
            Kind::Source,
            s.title.clone(),
            format!("/sources#{}", s.key),
            vec![Piece {
                id: "",
                text: s.reference.clone(),
                lang: Some(printed),
            }],
        ));
    }
    out
}

impl Index {
    /// The index of one edition's documents, in its language only.
    pub fn build(data: &Dataset) -> Index {
        Index::build_editions(data, &[])
    }

    /// The index of `data`'s documents, each also searchable in the words of every other edition
    /// in `all` (its translation, found at the same path), so either language finds it.
    pub fn build_editions(data: &Dataset, all: &[&Dataset]) -> Index {
        let mut all: Vec<&Dataset> = all.iter().copied().filter(|d| !std::ptr::eq(*d, data)).collect();
        all.insert(0, data);
        Index::build_all(&all).swap_remove(0)
    }

    /// One index per edition in `all`, each document searchable in every edition's words (its
    /// translation, found at the same path), so either language finds it. Each edition's texts
    /// are folded once and shared by all the indexes, as is the vocabulary.
    pub fn build_all(all: &[&Dataset]) -> Vec<Index> {
        // Each edition's documents, their titles in its language.
        let prepared: Vec<Vec<Prepared>> = all
            .iter()
            .map(|d| {
                crate::i18n::in_language(d.language, || documents(d))
                    .into_iter()
                    .map(|(kind, title, path, parts)| (kind, title, path, Arc::new(field(parts, d.language.code))))
                    .collect()
            })
            .collect();
        let folded_titles: Vec<Vec<String>> = prepared
            .iter()
            .map(|docs| docs.iter().map(|d| normalise(&d.1).0).collect())
            .collect();
        let mut indexes: Vec<Index> = Vec::with_capacity(all.len());
        for (e, own) in prepared.iter().enumerate() {
            let docs = own
                .iter()
                .enumerate()
                .map(|(i, (kind, title, path, text))| {
                    let mut folded_title = folded_titles[e][i].clone();
                    let mut fields = vec![text.clone()];
                    for (o, other) in prepared.iter().enumerate() {
                        if let Some(doc) = other.get(i).filter(|d| o != e && d.2 == *path) {
                            folded_title.push_str(" / ");
                            folded_title.push_str(&folded_titles[o][i]);
                            fields.push(doc.3.clone());
                        }
                    }
                    Doc {
                        kind: *kind,
                        title: title.clone(),
                        // Bibliography entries, titles with them, stay as printed.
                        title_lang: match kind {
                            Kind::Source => crate::i18n::source().code,
                            _ => all[e].language.code,
                        },
                        path: path.clone(),
                        fields,
                        folded_title,
                    }
                })
                .collect();
            indexes.push(Index {
                docs,
                vocab: Arc::default(),
            });
        }
        // Every index holds every edition's texts, so one vocabulary serves them all. It is made
        // on the first search that needs it, not at start-up.
        let vocab: Arc<OnceLock<Vec<Word>>> = Arc::default();
        for idx in &mut indexes {
            idx.vocab = vocab.clone();
        }
        indexes
    }

    /// Every word of the documents, sorted, made on first use.
    fn vocab(&self) -> &[Word] {
        self.vocab.get_or_init(|| vocabulary(&self.docs))
    }

    /// Whether some word of the index starts with `prefix`.
    fn known(&self, prefix: &str) -> bool {
        let i = self.vocab().partition_point(|w| w.folded.as_str() < prefix);
        self.vocab().get(i).is_some_and(|w| w.folded.starts_with(prefix))
    }

    /// Whether the text has a word that is `stem` with one of the [`INFLECTED`] endings.
    fn inflects(&self, stem: &str) -> bool {
        INFLECTED.iter().any(|e| {
            let w = format!("{stem}{e}");
            self.vocab().binary_search_by(|v| v.folded.as_str().cmp(&w)).is_ok()
        })
    }

    /// The forms a folded alphabetic word matches in: itself, and its stem where the text
    /// inflects that stem (so "Belien" does not reach "believe" through "belie").
    fn forms_min(&self, word: &str, min: usize) -> Vec<String> {
        let mut out = vec![word.to_string()];
        let s = stem(word, min);
        if s != word && self.inflects(s) {
            out.push(s.to_string());
        }
        out
    }

    fn forms(&self, word: &str) -> Vec<String> {
        self.forms_min(word, STEM_MIN)
    }

    fn known_any(&self, forms: &[String]) -> bool {
        forms.iter().any(|f| self.known(f))
    }

    /// The nearest word (or word start) of the vocabulary to `word`, within [`max_distance`], as
    /// (folded, as shown): fewest edits first, then whole words, then the commonest. The first
    /// letter is kept (readers rarely get it wrong, and it keeps corrections from wandering).
    fn correct(&self, word: &str) -> Option<(String, String)> {
        let t: Vec<char> = word.chars().collect();
        let k = max_distance(t.len());
        if k == 0 || t.len() > 40 {
            return None;
        }
        let first = t[0];
        let lo = self.vocab().partition_point(|w| w.chars.first() < Some(&first));
        let mut best: Option<(Rank, &Word, usize)> = None;
        for w in self.vocab()[lo..]
            .iter()
            .take_while(|w| w.chars.first() == Some(&first))
        {
            if w.chars.len() + k < t.len() {
                continue;
            }
            let upto = w.chars.len().min(t.len() + k);
            let dists = prefix_distances(&t, &w.chars[..upto]);
            for (len, &d) in dists.iter().enumerate().skip(t.len().saturating_sub(k).max(3)) {
                if d == 0 || d > k {
                    continue;
                }
                let whole = len == w.chars.len();
                let key = (d, !whole, len.abs_diff(t.len()), std::cmp::Reverse(w.docs));
                if best.as_ref().is_none_or(|b| key < b.0) {
                    best = Some((key, w, len));
                }
            }
        }
        let (_, w, len) = best?;
        let folded: String = w.chars[..len].iter().collect();
        let shown = if len == w.chars.len() {
            w.shown.clone()
        } else {
            let (f, map) = fold_mapped(&w.shown);
            let byte = f.char_indices().nth(len).map_or(f.len(), |(b, _)| b);
            w.shown[..map.get(byte).copied().unwrap_or(w.shown.len())].to_string()
        };
        Some((folded, shown))
    }

    /// A compound the text writes in parts or in other words ("Militärbasen": "Militär…" and
    /// "bases"): two known word starts of at least four letters that one document has together.
    fn split_compound(&self, word: &str) -> Option<(String, String)> {
        let cuts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let n = cuts.len();
        (4..n.saturating_sub(3)).rev().find_map(|c| {
            let (a, b) = word.split_at(cuts[c]);
            let (fa, fb) = (self.forms(a), self.forms_min(b, STEM_MIN_IN_COMPOUND));
            let together = self.known_any(&fa) && self.known_any(&fb) && {
                let (fa, fb) = (finders(&fa), finders(&fb));
                self.docs.iter().any(|d| doc_matches(d, &fa) && doc_matches(d, &fb))
            };
            together.then(|| (a.to_string(), b.to_string()))
        })
    }

    /// The query's terms, and whether a word of it had to be corrected (then the corrected query).
    /// With `correct` false, an unknown word stays as typed (and so matches nothing).
    fn resolve(&self, query: &str, correct: bool) -> (Vec<Term>, Option<String>) {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut out: Vec<Term> = Vec::new();
        let mut shown: Vec<String> = Vec::new();
        let mut corrected = false;
        let push = |out: &mut Vec<Term>, t: Term| {
            if !out.contains(&t) {
                out.push(t);
            }
        };
        for raw in query.split_whitespace() {
            let Some(term) = term_of(raw) else { continue };
            shown.push(raw.to_string());
            if !term.chars().all(char::is_alphabetic) {
                push(&mut out, Term { forms: vec![term] });
                continue;
            }
            let mut fs = self.forms(&term);
            if self.known_any(&fs) {
                push(&mut out, Term { forms: fs });
                continue;
            }
            let spellings: Vec<String> = umlaut_spellings(&term)
                .into_iter()
                .flat_map(|s| self.forms(&s))
                .filter(|s| self.known(s))
                .collect();
            if !spellings.is_empty() {
                fs.extend(spellings);
                push(&mut out, Term { forms: fs });
                continue;
            }
            let fix = if correct { self.correct(&term) } else { None };
            let whole_word_fix = fix
                .as_ref()
                .is_some_and(|(f, _)| self.vocab().iter().any(|w| &w.folded == f));
            if !whole_word_fix && let Some((a, b)) = self.split_compound(&term) {
                push(&mut out, Term { forms: self.forms(&a) });
                push(
                    &mut out,
                    Term {
                        forms: self.forms_min(&b, STEM_MIN_IN_COMPOUND),
                    },
                );
                continue;
            }
            match fix {
                Some((folded, word)) => {
                    corrected = true;
                    if let Some(last) = shown.last_mut() {
                        *last = word;
                    }
                    push(
                        &mut out,
                        Term {
                            forms: self.forms(&folded),
                        },
                    );
                }
                None => push(&mut out, Term { forms: fs }),
            }
        }
        (out, corrected.then(|| shown.join(" ")))
    }

    /// Every document matching all words of `query` (as typed, stemmed, or with an umlaut
    /// written out), best first within each kind, kinds in order. No corrections: see [`Index::query`].
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.hits(&self.resolve(query, false).0)
    }

    /// As [`Index::search`], but a word the index does not know is replaced by its nearest
    /// known word ("Bremerhafen" → "Bremerhaven"), and the corrected query is given back.
    pub fn query(&self, query: &str) -> Outcome {
        let (terms, suggestion) = self.resolve(query, true);
        Outcome {
            hits: self.hits(&terms),
            suggestion,
        }
    }

    fn hits(&self, terms: &[Term]) -> Vec<Hit> {
        if terms.is_empty() {
            return Vec::new();
        }
        let searchers: Vec<Vec<Finder<'_>>> = terms.iter().map(|t| finders(&t.forms)).collect();
        let mut hits: Vec<Hit> = self
            .docs
            .iter()
            .filter_map(|d| {
                let mut score = 0;
                for forms in &searchers {
                    let mut best = 0;
                    for (i, f) in forms.iter().enumerate() {
                        let in_title = word_starts_of(&d.folded_title, f).len();
                        let in_text: usize = d.fields.iter().map(|x| word_starts_of(&x.folded, f).len()).sum();
                        let weight = if i == 0 { 2 } else { 1 };
                        best = best.max(weight * (5 * in_title + in_text.min(10)));
                    }
                    if best == 0 {
                        return None;
                    }
                    score += best;
                }
                let s = snippet(d, terms);
                Some(Hit {
                    kind: d.kind,
                    title: d.title.clone(),
                    title_lang: d.title_lang,
                    path: d.path.clone(),
                    snippet: s.segments,
                    snippet_lang: s.lang,
                    matched_other: s.matched_other,
                    matched_other_lang: s.matched_other_lang,
                    matched_in: s.part,
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.score.cmp(&a.score)));
        hits
    }
}

fn field(pieces: Vec<Piece>, lang: &'static str) -> Field {
    let mut text = String::new();
    let mut parts = Vec::with_capacity(pieces.len());
    for p in pieces {
        if !text.is_empty() {
            text.push(' ');
        }
        parts.push((text.len(), p.id, p.lang.unwrap_or(lang)));
        text.push_str(&p.text);
    }
    let (folded, map) = normalise(&text);
    let mut shifts: Vec<(u32, i32)> = Vec::new();
    for (j, &i) in map.iter().enumerate() {
        let shift = i as i64 - j as i64;
        if shifts.last().map_or(shift != 0, |&(_, last)| i64::from(last) != shift) {
            shifts.push((j as u32, shift as i32));
        }
    }
    Field {
        lang,
        text,
        folded,
        shifts,
        parts,
    }
}

/// Every word of the documents (three letters or more, letters only), with how many use it.
fn vocabulary(docs: &[Doc]) -> Vec<Word> {
    let mut words: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for d in docs {
        let mut seen: HashSet<String> = HashSet::new();
        let texts = std::iter::once(d.title.as_str()).chain(d.fields.iter().map(|f| f.text.as_str()));
        for text in texts {
            for w in text.split(|c: char| !c.is_alphabetic()) {
                if w.chars().count() < 3 {
                    continue;
                }
                let folded = fold(w);
                let entry = words.entry(folded.clone()).or_insert_with(|| (w.to_string(), 0));
                if entry.0.starts_with(char::is_lowercase) && w.starts_with(char::is_uppercase) {
                    entry.0 = w.to_string();
                }
                if seen.insert(folded) {
                    entry.1 += 1;
                }
            }
        }
    }
    words
        .into_iter()
        .map(|(folded, (shown, docs))| Word {
            chars: folded.chars().collect(),
            folded,
            shown,
            docs,
        })
        .collect()
}

/// The start of a char boundary at or before `i` in `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Field {
    /// The byte range of passage `i` of the text.
    fn bounds(&self, i: usize) -> (usize, usize) {
        let start = self.parts[i].0;
        let end = self.parts.get(i + 1).map_or(self.text.len(), |p| p.0.saturating_sub(1));
        (start, end.max(start))
    }

    /// Every match of the query's terms, as (start, end, term) byte ranges of the original text.
    fn matches(&self, terms: &[Term]) -> Vec<Match> {
        let mut ranges: Vec<Match> = Vec::new();
        for (i, t) in terms
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.forms.iter().map(move |f| (i, f)))
        {
            for start in word_starts(&self.folded, t) {
                let end = start + t.len();
                let orig_end = if end < self.folded.len() {
                    self.original(end)
                } else {
                    self.text.len()
                };
                ranges.push((self.original(start), orig_end, i));
            }
        }
        ranges
    }

    /// The byte of `text` that byte `j` of `folded` was folded from (the start of its letter).
    fn original(&self, j: usize) -> usize {
        let at = self.shifts.partition_point(|&(from, _)| from as usize <= j);
        let shift = at.checked_sub(1).map_or(0, |k| self.shifts[k].1);
        (j as i64 + i64::from(shift)) as usize
    }

    /// The query terms (by number) that match in passage `i`.
    fn terms_in(&self, i: usize, ranges: &[Match]) -> Vec<usize> {
        let (start, end) = self.bounds(i);
        let mut terms: Vec<usize> = ranges
            .iter()
            .filter(|r| r.0 >= start && r.0 < end)
            .map(|r| r.2)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

/// What a hit shows of its document.
struct Snip {
    segments: Vec<Segment>,
    lang: &'static str,
    part: &'static str,
    matched_other: Vec<String>,
    matched_other_lang: &'static str,
}

/// The passage that matches best, in any of the document's texts: the one where the most query
/// terms match, then the page's own text, a Table 1 cell before other parts, then the earliest.
/// As (text, passage).
fn best_passage(d: &Doc, found: &[Vec<Match>]) -> Option<(usize, usize)> {
    let mut best: Option<(PartRank, usize, usize)> = None;
    for (fi, f) in d.fields.iter().enumerate() {
        for pi in 0..f.parts.len() {
            let n = f.terms_in(pi, &found[fi]).len();
            if n == 0 {
                continue;
            }
            let key = (n, fi == 0, f.parts[pi].1.starts_with("t1-"), std::cmp::Reverse(pi));
            if best.as_ref().is_none_or(|b| key > b.0) {
                best = Some((key, fi, pi));
            }
        }
    }
    best.map(|(_, fi, pi)| (fi, pi))
}

/// The whole word of `text` that starts at byte `at` ("Tajikistan" for a match of "tajik").
fn word_from(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric() && *c != '-')
        .map_or(rest.len(), |(i, _)| i);
    rest[..end].trim_end_matches('-')
}

/// The snippet of a hit: the passage that matches best (see [`best_passage`]) in the page's own
/// words (where it matched in another edition's text, that edition's translation of it is at the
/// same place in the page's text), a window of it around its first match with every match
/// marked; which part of the page it is; and the words that matched only in the other text.
fn snippet(d: &Doc, terms: &[Term]) -> Snip {
    let found: Vec<Vec<Match>> = d.fields.iter().map(|f| f.matches(terms)).collect();
    let own = &d.fields[0];
    let Some((fi, pi)) = best_passage(d, &found) else {
        // Only the title matched: the start of the page's own text.
        return Snip {
            segments: window(own, (0, own.text.len()), Vec::new(), 0),
            lang: own.parts.first().map_or(own.lang, |p| p.2),
            part: "",
            matched_other: Vec::new(),
            matched_other_lang: "",
        };
    };
    let other = &d.fields[fi];
    // The editions cut a document into the same passages; should one not, the passage is shown
    // in the words it matched in.
    let si = if own.parts.len() == other.parts.len() { 0 } else { fi };
    let shown = &d.fields[si];
    let bounds = shown.bounds(pi);
    let in_passage = |ranges: &[Match], (start, end): (usize, usize)| -> Vec<Match> {
        ranges.iter().filter(|r| r.0 >= start && r.1 <= end).copied().collect()
    };
    let mut matched_other: Vec<String> = Vec::new();
    // Where the window starts when the page's words have no match: as far into the passage as
    // the first match is into the other text's (a translation keeps roughly the order).
    let mut near = bounds.0;
    if si != fi && other.parts[pi].2 != shown.parts[pi].2 {
        let (ostart, oend) = other.bounds(pi);
        if let Some(r) = in_passage(&found[fi], (ostart, oend)).iter().map(|r| r.0).min() {
            let share = (r - ostart) as f64 / (oend - ostart).max(1) as f64;
            near = bounds.0 + (share * (bounds.1 - bounds.0) as f64) as usize;
        }
        let have = shown.terms_in(pi, &found[si]);
        let mut ranges = in_passage(&found[fi], other.bounds(pi));
        ranges.retain(|r| !have.contains(&r.2));
        ranges.sort_unstable_by_key(|r| r.0);
        for r in ranges {
            let word = word_from(&other.text, r.0);
            if !matched_other.iter().any(|w| fold(w) == fold(word)) {
                matched_other.push(word.to_string());
            }
        }
    }
    Snip {
        segments: window(shown, bounds, in_passage(&found[si], bounds), near),
        lang: shown.parts[pi].2,
        part: shown.parts[pi].1,
        matched_other_lang: if matched_other.is_empty() {
            ""
        } else {
            other.parts[pi].2
        },
        matched_other,
    }
}

/// A window of passage `part_start..part_end` of `f` around its first match (or byte `near`
/// where nothing in it matched), with every match in it marked.
fn window(f: &Field, (part_start, part_end): (usize, usize), mut ranges: Vec<Match>, near: usize) -> Vec<Segment> {
    let text = &f.text[..part_end];
    // The longest match first where two start together (a word and its stem).
    ranges.sort_unstable_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
    let first = ranges.first().map_or(near.clamp(part_start, part_end), |r| r.0);
    let from = floor_boundary(text, first.saturating_sub(SNIPPET_BEFORE).max(part_start));
    let to = floor_boundary(text, first + SNIPPET_AFTER);
    // Start and end on word boundaries so the snippet does not begin mid-word.
    let from = if from == part_start {
        part_start
    } else {
        text[from..].find(' ').map_or(from, |i| from + i + 1)
    };
    let to = if to >= text.len() {
        text.len()
    } else {
        text[..to].rfind(' ').filter(|&i| i > from).unwrap_or(to)
    };
    let mut out = Vec::new();
    if from > part_start {
        out.push(Segment {
            text: "… ".into(),
            mark: false,
        });
    }
    let mut at = from;
    for (s, e, _) in ranges.into_iter().filter(|(s, e, _)| *s >= from && *e <= to) {
        if s < at {
            continue;
        }
        if s > at {
            out.push(Segment {
                text: text[at..s].to_string(),
                mark: false,
            });
        }
        out.push(Segment {
            text: text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < to {
        out.push(Segment {
            text: text[at..to].to_string(),
            mark: false,
        });
    }
    if to < text.len() {
        out.push(Segment {
            text: " …".into(),
            mark: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        Index::build(&Dataset::embedded().expect("valid"))
    }

    fn paths(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.path.as_str()).collect()
    }

    #[test]
    fn a_folded_byte_leads_back_to_the_letter_it_came_from() {
        for text in [
            "plain ASCII, nothing to shift",
            "Köln–Wien: Straße, Évry, Şenyurt, St. Stephen’s, Nordrhein-Westfalen, Übergriff",
            "ä",
            "ẞ and ß at the start and ÄÖÜ at the end ÄÖÜ",
        ] {
            let f = field(vec![piece("", text.to_string())], "de");
            let (folded, map) = normalise(&f.text);
            assert_eq!(f.folded, folded);
            for (j, &i) in map.iter().enumerate() {
                assert_eq!(f.original(j), i, "{text:?} at folded byte {j}");
            }
        }
        // Over the whole index: a few shifts per text, not one per byte.
        let index = index();
        let (bytes, shifts) = index
            .docs
            .iter()
            .flat_map(|d| &d.fields)
            .fold((0, 0), |(b, n), f| (b + f.text.len(), n + f.shifts.len()));
        assert!(shifts * 20 < bytes, "{shifts} shifts for {bytes} bytes");
    }

    #[test]
    fn aliases_lead_to_the_atlas_spelling() {
        let idx = index();
        for q in ["Köln", "koeln", "KOLN", "Cologne"] {
            let hits = idx.search(q);
            assert!(paths(&hits).contains(&"/plots/2023-12-cologne-vienna"), "{q}");
        }
        assert!(paths(&idx.search("Wien")).contains(&"/plots/2023-12-cologne-vienna"));
        assert!(paths(&idx.search("NRW")).contains(&"/plots/2020-04-north-rhine-westphalia"));
        for q in ["ISIS-K", "IS-K", "ISPK"] {
            assert!(paths(&idx.search(q)).contains(&"/offices#iskp"), "{q}");
        }
    }

    #[test]
    fn terms_match_word_starts_and_all_must_match() {
        let idx = index();
        assert!(!idx.search("tajik").is_empty());
        // "ghan" occurs only inside "Afghan…", never at the start of a word.
        assert!(idx.search("ghan").is_empty());
        assert!(paths(&idx.search("afghan")).contains(&"/plots/2024-03-gera-stockholm"));
        assert!(idx.search("tajik zzzzqqq").is_empty());
        assert!(idx.search("   ").is_empty());
    }

    #[test]
    fn snippets_mark_matches_in_the_original_words() {
        let idx = index();
        let hits = idx.search("Senyurt");
        let hit = hits
            .iter()
            .find(|h| h.path == "/sources#senyurt-willinger-2024")
            .expect("found");
        let marked: Vec<&str> = hit.snippet.iter().filter(|s| s.mark).map(|s| s.text.as_str()).collect();
        assert_eq!(marked, ["Şenyurt"]);
        // The segments rebuild a slice of the original text.
        let joined: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
        assert!(joined.contains("Şenyurt, Ahmet"));
    }

    #[test]
    fn stems_spellings_and_distances() {
        assert_eq!(stem("tschetschenen", STEM_MIN), "tschetschen");
        assert_eq!(stem("kirgise", STEM_MIN), "kirgis");
        assert_eq!(stem("gera", STEM_MIN), "gera");
        assert!(umlaut_spellings("koln").contains(&"koeln".to_string()));
        assert!(umlaut_spellings("osterreich").contains(&"oesterreich".to_string()));
        let d = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            prefix_distances(&a, &b)[b.len()]
        };
        assert_eq!(d("bremerhafen", "bremerhaven"), 1);
        assert_eq!(d("weihnachtsmakrt", "weihnachtsmarkt"), 1, "a swap is one edit");
        assert_eq!(d("gerra", "gera"), 1);
        assert_eq!(d("tadjik", "tajik"), 1);
        assert_eq!((max_distance(3), max_distance(7), max_distance(8)), (0, 1, 2));
    }

    #[test]
    fn corrections_come_back_as_the_text_writes_them() {
        let idx = index();
        let out = idx.query("Strassbourg christmas");
        assert_eq!(out.suggestion.as_deref(), Some("Strasbourg christmas"));
        assert_eq!(out.hits[0].path, "/plots/2022-11-strasbourg");
        assert!(idx.query("Strasbourg").suggestion.is_none());
        // `search` never corrects.
        assert!(idx.search("Strassbourg").is_empty());
    }

    #[test]
    fn results_are_grouped_by_kind() {
        let hits = index().search("telegram");
        let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted);
        assert!(kinds.contains(&Kind::Plot) && kinds.contains(&Kind::Pattern));
    }
}
