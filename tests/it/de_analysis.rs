//! The German edition of the analysis pages (organisation, patterns, method, sources, timeline,
//! map, network): every interface string comes from the `analysis` catalogue, so none of its
//! English messages shows on the German pages (quotations and Table 1 cells, marked `lang="en"`,
//! stay English on purpose).

use axum::http::StatusCode;
use scraper::{ElementRef, Node};

use crate::helpers::*;

const PAGES: [&str; 7] = [
    "/de/offices",
    "/de/patterns",
    "/de/method",
    "/de/sources",
    "/de/timeline",
    "/de/map",
    "/de/network",
];

/// The text and attribute values of an element, leaving out anything marked `lang="en"`.
fn visible(el: ElementRef<'_>, out: &mut String) {
    // English on purpose: quotations, the evidence lists (quotations under report section
    // titles) and bibliography entries.
    let v = el.value();
    // Also English for now, made elsewhere: the citation of the report, the glossary's definitions
    // (which name Table 1's English columns) and the labels of the pages that use a source.
    let english = [
        "evidence",
        "ev-where",
        "cites",
        "bib-entry",
        "bib-url",
        "ev-intro",
        "ev-exception",
        "citation",
        "passages",
        "cited-by",
    ];
    if v.attr("lang") == Some("en")
        || ["cite", "blockquote", "q", "script", "style"].contains(&v.name())
        || v.classes().any(|c| english.contains(&c))
    {
        return;
    }
    for (name, v) in el.value().attrs() {
        if ["title", "aria-label", "alt", "placeholder", "content"].contains(&name) && !v.contains("://") {
            out.push_str(v);
            out.push('\n');
        }
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    visible(e, out);
                }
            }
            _ => {}
        }
    }
}

/// The literal pieces of a message (its text between placeables), trimmed.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, next) = match rest.find('{') {
            Some(i) => (&rest[..i], rest[i..].find('}').map_or("", |j| &rest[i + j + 1..])),
            None => (rest, ""),
        };
        let piece = piece.trim_matches(|c: char| c.is_whitespace() || ",;:.()".contains(c));
        if !piece.is_empty() {
            out.push(piece.to_string());
        }
        rest = next;
    }
    out
}

/// `text` without what stands between `open` and `close` (quotations of the report's English).
fn unquoted(text: &str, open: char, close: char) -> String {
    let mut out = String::new();
    for (i, part) in text.split(open).enumerate() {
        out.push_str(if i == 0 {
            part
        } else {
            part.split_once(close).map_or(part, |(_, rest)| rest)
        });
    }
    out
}

/// Whether `text` contains `words` as whole words (case-sensitive).
fn has_words(text: &str, words: &str) -> bool {
    // A letter, digit or slash next to it makes it part of a longer word or an address.
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '/');
    text.match_indices(words)
        .any(|(i, _)| !word(text[..i].chars().next_back()) && !word(text[i + words.len()..].chars().next()))
}

#[tokio::test]
async fn german_analysis_pages_have_no_english_interface_text() {
    let app = atlas();
    let en = iskp_atlas::i18n::source();
    let de = iskp_atlas::i18n::language("de").expect("German");
    let ids: Vec<&String> = en.ids().iter().filter(|id| id.starts_with("analysis-")).collect();
    assert!(ids.len() > 100, "the analysis catalogue: {}", ids.len());
    let mut found = Vec::new();
    for path in PAGES {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let doc = answer.html();
        let html = doc.select(&sel("html")).next().expect("html");
        assert_eq!(html.value().attr("lang"), Some("de"), "{path}");
        let mut all = String::new();
        visible(html, &mut all);
        // German prose quotes the report's English words in „…“.
        let seen = unquoted(&unquoted(&all, '„', '“'), '“', '”').replace("ISKP Plots Atlas", "");
        for id in &ids {
            let (english, german) = (en.t(id), de.t(id));
            if english == german {
                continue;
            }
            for piece in pieces(&english) {
                if piece.chars().count() > 3 && !german.contains(&piece) && has_words(&seen, &piece) {
                    found.push(format!("{path}: English “{piece}” (from {id})"));
                }
            }
        }
    }
    assert!(found.is_empty(), "English on the German pages:\n{}", found.join("\n"));
}

#[tokio::test]
async fn german_analysis_pages_speak_german() {
    let app = atlas();
    let expect: [(&str, &[&str]); 7] = [
        (
            "/de/offices",
            &[
                "Aufbau",
                "Regionalbüro (maktab)",
                "Die IS-Organisation hinter den Anschlagsplänen des ISKP",
            ],
        ),
        (
            "/de/patterns",
            &[
                "Zahlen aus Tabelle 1",
                "Verdächtige nach Staatsangehörigkeit",
                "tadschikisch",
                "Politische Empfehlungen",
            ],
        ),
        (
            "/de/method",
            &[
                "Begriffsbestimmungen",
                "Datenhinweise",
                "Zitierweise",
                "Datensatzversion und Verlauf",
            ],
        ),
        (
            "/de/sources",
            &[
                "Quellen: das Literaturverzeichnis des Berichts",
                "Zitiert für Anschlagspläne",
            ],
        ),
        (
            "/de/timeline",
            &[
                "Die Chronologie der Organisation",
                "Flaute 2025",
                "vereitelter Anschlagsplan",
            ],
        ),
        (
            "/de/map",
            &[
                "Länder der Anleiter",
                "Festnahmen im Ausland",
                "Land eines Anschlagsplans",
            ],
        ),
        (
            "/de/network",
            &[
                "Staatsangehörigkeit",
                "IS-Einheit",
                "Dieselben Verbindungen, Anschlagsplan für Anschlagsplan",
            ],
        ),
    ];
    for (path, strings) in expect {
        let answer = get(&app, path).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        for s in strings {
            assert!(answer.body.contains(s), "{path}: “{s}” missing");
        }
    }
}

#[tokio::test]
async fn english_analysis_pages_keep_their_words() {
    let app = atlas();
    let patterns = get(&app, "/patterns").await.body;
    assert!(patterns.contains("Suspects by nationality") && patterns.contains(">Tajik<"));
    let offices = get(&app, "/offices").await.body;
    assert!(offices.contains("Regional office (maktab)") && offices.contains("Structure"));
}
