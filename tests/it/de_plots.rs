//! The German edition of the plot pages, the plot list, comparing and the briefing pack: every
//! interface string of theirs comes from the catalogue, Table 1 stays English beside the atlas's
//! German rendering.

use scraper::{ElementRef, Html};

use crate::helpers::{atlas, get, sel, text};

const SLUGS: [&str; 7] = [
    "2020-04-north-rhine-westphalia",
    "2022-09-iserlohn-bremerhaven",
    "2022-11-strasbourg",
    "2023-07-cologne-berlin",
    "2023-12-cologne-vienna",
    "2024-03-gera-stockholm",
    "2024-07-belgium-germany",
];

/// The page's text outside anything marked English (Table 1 cells, bibliography), quotations of the
/// report (evidence lists), addresses and other parts' drawings (maps), plus the labels readers
/// meet, without the atlas's English name.
fn german_text(doc: &Html) -> String {
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        let skipped = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
            let el = a.value();
            el.attr("lang") == Some("en")
                || matches!(el.name(), "style" | "script" | "svg" | "q" | "code")
                || el.classes().any(|c| matches!(c, "evidence" | "url"))
        });
        if skipped {
            continue;
        }
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
            out.push('\n');
        } else if let Some(el) = node.value().as_element() {
            for attr in ["aria-label", "title", "placeholder"] {
                if let Some(v) = el.attr(attr) {
                    out.push_str(v);
                    out.push('\n');
                }
            }
        }
    }
    // German sentences of the dataset quote English terms in „…“ (a data note quoting a category).
    let mut unquoted = String::new();
    let mut depth = 0;
    for c in out.chars() {
        match c {
            '„' => depth += 1,
            '“' if depth > 0 => depth -= 1,
            _ if depth == 0 => unquoted.push(c),
            _ => {}
        }
    }
    unquoted
        .replace(&iskp_atlas::i18n::source().t("site-name"), "")
        .split_whitespace()
        .filter(|w| !w.contains('/'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needle` occurs in `hay` as whole words (so "Date" is not found in "Datensatz").
fn has_words(hay: &str, needle: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle)
        .any(|(i, _)| !word(hay[..i].chars().next_back()) && !word(hay[i + needle.len()..].chars().next()))
}

/// The English messages of this part that German pages must not show: longer than three
/// characters and different from the German (placeables cut out, each piece checked).
fn english_pieces() -> Vec<(String, String)> {
    let en = iskp_atlas::i18n::source();
    let de = iskp_atlas::i18n::language("de").expect("German");
    let mut out = Vec::new();
    for id in en.ids().iter().filter(|id| id.starts_with("plots-")) {
        let (e, d) = (en.t(id), de.t(id));
        if e == d {
            continue;
        }
        // Messages with placeables: the literal text between them.
        for piece in e.split(['{', '}']).map(str::trim) {
            if piece.chars().count() > 3 && !piece.starts_with('$') && !d.contains(piece) {
                out.push((id.clone(), piece.to_string()));
            }
        }
    }
    out
}

async fn german_page(path: &str) -> Html {
    let app = atlas();
    let answer = get(&app, path).await;
    assert_eq!(answer.status, 200, "{path}");
    let doc = answer.html();
    let html = doc.select(&sel("html")).next().expect("html");
    assert_eq!(html.value().attr("lang"), Some("de"), "{path}");
    let shown = german_text(&doc);
    let english: Vec<_> = english_pieces()
        .into_iter()
        .filter(|(_, piece)| has_words(&shown, piece))
        .collect();
    assert!(english.is_empty(), "{path} shows English interface text: {english:?}");
    doc
}

#[tokio::test]
async fn every_plot_page_is_german_with_table_1_beside_its_translation() {
    for slug in SLUGS {
        let doc = german_page(&format!("/de/plots/{slug}")).await;
        let h2 = crate::helpers::texts(&doc, "h2");
        assert!(h2.contains(&"Eintrag in Tabelle 1".to_string()), "{slug}: {h2:?}");
        assert!(h2.contains(&"Was der Bericht sagt".to_string()), "{slug}");
        let dts = crate::helpers::texts(&doc, ".facts dt");
        assert_eq!(
            dts,
            [
                "Datum",
                "Ort",
                "Ziel",
                "Ausgang",
                "Internationale Verbindung",
                "Zellengröße",
                "Staatsangehörigkeit",
                "Alter",
                "Waffen und Vorbereitung"
            ]
        );
        // Each English cell keeps lang="en", and the atlas's German rendering follows it.
        let cells: Vec<_> = doc.select(&sel(".facts q.cell")).collect();
        assert_eq!(cells.len(), 9);
        assert!(cells.iter().all(|c| c.value().attr("lang") == Some("en")));
        // Date and cell size read the same in German; the other seven cells have a translation.
        let translations: Vec<_> = doc.select(&sel(".facts .cell-translation[lang=de]")).collect();
        assert_eq!(translations.len(), 7, "{slug}");
        assert!(text(translations[0]).starts_with("Übersetzung des Atlas:"));
    }
}

#[tokio::test]
async fn german_labels_come_from_the_catalogue() {
    let doc = german_page("/de/plots/2022-11-strasbourg").await;
    let body = doc.root_element().html();
    assert!(body.contains("Verfahrensstand:"), "judicial status label");
    assert!(body.contains("Vereitelter Anschlagsplan"));
    assert!(body.contains("tadschikisch") || body.contains("kirgisisch") || body.contains("turkmenisch"));
    assert!(body.contains("Diese Seite zitieren"));
}

#[tokio::test]
async fn the_plot_list_and_its_filters_are_german() {
    let doc = german_page("/de/plots").await;
    // Each group's legend also says how its options combine (issue 15): "Verfahrensstand (eine davon)".
    let legends = crate::helpers::texts(&doc, "legend");
    assert!(
        legends.contains(&"Verfahrensstand (eine davon)".to_string()),
        "{legends:?}"
    );
    assert!(doc.root_element().html().contains("Filter anwenden"));
    let doc = german_page("/de/plots?country=DE").await;
    // The count is in the heading; the list's own heading does not say it again (visual review L6).
    assert!(crate::helpers::one_text(&doc, "h1").contains(" von 7 passen"));
    assert_eq!(crate::helpers::texts(&doc, "#results-h"), ["Passende Anschlagspläne"]);
    let doc = german_page("/de/plots?country=XX&colour=red").await;
    let notices = crate::helpers::texts(&doc, ".notices li");
    assert!(notices.iter().any(|n| n.contains("„XX“ als Land")), "{notices:?}");
}

#[tokio::test]
async fn comparing_and_briefing_are_german() {
    let doc = german_page("/de/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna").await;
    let rows = crate::helpers::texts(&doc, "tbody th[scope=row]");
    assert!(rows.iter().any(|r| r.contains("Zellengröße")), "{rows:?}");
    assert!(rows.iter().any(|r| r.contains("Verfahrensstand")), "{rows:?}");
    assert!(doc.select(&sel("td .cell-translation[lang=de]")).next().is_some());
    let doc = german_page("/de/compare").await;
    assert!(
        doc.root_element()
            .html()
            .contains("Markierte Anschlagspläne vergleichen")
    );
    let doc = german_page("/de/briefing?plots=2022-11-strasbourg,2023-12-cologne-vienna").await;
    assert!(crate::helpers::texts(&doc, "h1")[0].contains("2 Anschlagspläne"));
    assert!(
        doc.select(&sel(".brief-facts .cell-translation[lang=de]"))
            .next()
            .is_some()
    );
    let doc = german_page("/de/briefing").await;
    assert!(doc.root_element().html().contains("Briefing-Paket erstellen"));
}
