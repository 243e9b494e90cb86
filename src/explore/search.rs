//! Full-text search over plots, the organisation, patterns, method and sources (`/search?q=`).
//!
//! The index is built once at start-up: each document keeps its text folded (lower case, no
//! accents, hyphens as spaces) with a map back to the original, so a match is highlighted in the
//! original words. A query term matches at the start of a word ("tajik" finds "Tajikistan"; "ran"
//! does not find "Iran"); every term must match. Readers' spellings are mapped to the atlas's
//! (Köln → Cologne, ISIS-K → ISKP, NRW → North Rhine-Westphalia).

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

    pub fn label(self) -> &'static str {
        match self {
            Kind::Plot => "Plots",
            Kind::Organisation => "Organisation",
            Kind::Pattern => "Patterns and policy",
            Kind::Method => "Method and data notes",
            Kind::Source => "Sources",
        }
    }
}

#[derive(Debug)]
struct Doc {
    kind: Kind,
    title: String,
    /// Path without the base path, with an anchor where the document is part of a page.
    path: String,
    text: String,
    folded: String,
    map: Vec<usize>,
    folded_title: String,
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
    pub path: String,
    pub snippet: Vec<Segment>,
    score: usize,
}

#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
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
    for raw in fold(&query).split_whitespace() {
        let token = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        let term = ALIASES
            .iter()
            .find(|(from, _)| *from == token)
            .map_or(token, |(_, to)| *to);
        let term = term.replace('-', " ");
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Byte offsets in `hay` where `term` starts a word.
fn word_starts(hay: &str, term: &str) -> Vec<usize> {
    hay.match_indices(term)
        .map(|(i, _)| i)
        .filter(|&i| hay[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
        .collect()
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut idx = Index::default();
        for p in &data.plots {
            let t = &p.table1;
            let mut text = vec![
                p.summary.text(),
                t.location.clone(),
                t.target.clone(),
                t.outcome.clone(),
            ];
            text.extend([
                t.international_connection.clone(),
                t.nationality.clone(),
                t.weapons_and_preparation.clone(),
            ]);
            text.extend(p.data_notes.iter().map(|n| n.note.text()));
            text.extend(p.events.iter().map(|e| e.label.text()));
            idx.add(Kind::Plot, p.title(), p.path(), &text.join(" "));
        }
        for n in &data.org.nodes {
            let mut text = vec![n.also_known_as.join(", "), n.summary.text()];
            text.extend(n.facts.iter().map(|f| format!("{}: {}", f.label, f.value)));
            text.extend(n.plots.iter().map(|l| l.link.text()));
            idx.add(
                Kind::Organisation,
                n.name.clone(),
                format!("/offices#{}", n.id),
                &text.join(" "),
            );
        }
        let a = &data.analysis;
        for p in &a.patterns {
            let mut text = vec![p.summary.text()];
            text.extend(p.context.iter().map(|c| format!("{}: {}", c.title, c.text)));
            idx.add(
                Kind::Pattern,
                p.title.clone(),
                format!("/patterns#{}", p.id),
                &text.join(" "),
            );
        }
        let prop = &a.propaganda;
        let points: Vec<String> = prop.points.iter().map(|p| p.text()).collect();
        let text = format!("{} {}", prop.summary, points.join(" "));
        idx.add(
            Kind::Pattern,
            "ISKP's multilingual propaganda".into(),
            "/patterns#propaganda".into(),
            &text,
        );
        for d in &a.policy {
            idx.add(
                Kind::Pattern,
                format!("Policy: {}", d.title),
                format!("/patterns#policy-{}", d.id),
                &d.summary.text(),
            );
        }
        let m = &a.method;
        for d in &m.definitions {
            idx.add(
                Kind::Method,
                format!("Definition: {}", d.term),
                "/method#definitions".into(),
                &d.text.text(),
            );
        }
        let selection = [m.inclusion.text(), m.list_building.text()];
        idx.add(
            Kind::Method,
            "Which plots are included".into(),
            "/method#selection".into(),
            &selection.join(" "),
        );
        for e in &m.excluded {
            idx.add(
                Kind::Method,
                format!("Left out: {}", e.case),
                "/method#excluded".into(),
                &e.why.text(),
            );
        }
        idx.add(
            Kind::Method,
            "The 2025 lull".into(),
            "/method#lull".into(),
            &m.lull.text(),
        );
        for n in &a.report_notes {
            idx.add(
                Kind::Method,
                format!("Data note: {}", n.topic),
                format!("/method#report-note-{}", n.id),
                &n.note.text(),
            );
        }
        for s in &data.sources {
            idx.add(
                Kind::Source,
                s.title.clone(),
                format!("/sources#{}", s.key),
                &s.reference,
            );
        }
        idx
    }

    fn add(&mut self, kind: Kind, title: String, path: String, text: &str) {
        let (folded, map) = normalise(text);
        let folded_title = normalise(&title).0;
        self.docs.push(Doc {
            kind,
            title,
            path,
            text: text.to_string(),
            folded,
            map,
            folded_title,
        });
    }

    /// Every document matching all terms of `query`, best first within each kind, kinds in order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .docs
            .iter()
            .filter_map(|d| {
                let mut score = 0;
                for t in &terms {
                    let in_title = word_starts(&d.folded_title, t).len();
                    let in_text = word_starts(&d.folded, t).len();
                    if in_title + in_text == 0 {
                        return None;
                    }
                    score += 5 * in_title + in_text.min(10);
                }
                Some(Hit {
                    kind: d.kind,
                    title: d.title.clone(),
                    path: d.path.clone(),
                    snippet: snippet(d, &terms),
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.score.cmp(&a.score)));
        hits
    }
}

/// The start of a char boundary at or before `i` in `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A window of the original text around the first match, with every match in it marked.
fn snippet(d: &Doc, terms: &[String]) -> Vec<Segment> {
    // Matches as (start, end) byte ranges in the original text.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for t in terms {
        for start in word_starts(&d.folded, t) {
            let end = start + t.len();
            let orig_start = d.map[start];
            let orig_end = d.map.get(end).copied().unwrap_or(d.text.len());
            ranges.push((orig_start, orig_end));
        }
    }
    ranges.sort_unstable();
    let first = ranges.first().map_or(0, |r| r.0);
    let from = floor_boundary(&d.text, first.saturating_sub(SNIPPET_BEFORE));
    let to = floor_boundary(&d.text, first + SNIPPET_AFTER);
    // Start and end on word boundaries so the snippet does not begin mid-word.
    let from = if from == 0 {
        0
    } else {
        d.text[from..].find(' ').map_or(from, |i| from + i + 1)
    };
    let to = if to >= d.text.len() {
        d.text.len()
    } else {
        d.text[..to].rfind(' ').unwrap_or(to)
    };
    let mut out = Vec::new();
    if from > 0 {
        out.push(Segment {
            text: "… ".into(),
            mark: false,
        });
    }
    let mut at = from;
    for (s, e) in ranges.into_iter().filter(|(s, e)| *s >= from && *e <= to) {
        if s < at {
            continue;
        }
        if s > at {
            out.push(Segment {
                text: d.text[at..s].to_string(),
                mark: false,
            });
        }
        out.push(Segment {
            text: d.text[s..e].to_string(),
            mark: true,
        });
        at = e;
    }
    if at < to {
        out.push(Segment {
            text: d.text[at..to].to_string(),
            mark: false,
        });
    }
    if to < d.text.len() {
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
    fn results_are_grouped_by_kind() {
        let hits = index().search("telegram");
        let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        assert_eq!(kinds, sorted);
        assert!(kinds.contains(&Kind::Plot) && kinds.contains(&Kind::Pattern));
    }
}
