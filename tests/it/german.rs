//! The German edition: every page has a twin under `/de` in German, the editions link to each
//! other, and no interface string of the English catalogue is left on a German page.

use axum::http::StatusCode;
use iskp_atlas::i18n::{language, source};

use crate::helpers::*;

/// The text a reader sees in the page's language (and what a screen reader reads out of
/// `aria-label`/`title`): everything but what is marked as English on purpose (`lang="en"`: Table 1's
/// cells, quotations, report headings).
fn visible_text(doc: &scraper::Html) -> String {
    let mut text = String::new();
    for node in doc.tree.nodes() {
        let Some(t) = node.value().as_text() else { continue };
        let english = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() != "html" && e.attr("lang") == Some("en"))
        });
        if !english {
            text.push(' ');
            text.push_str(t);
        }
    }
    for el in doc.select(&sel("[aria-label], [title], [placeholder]")) {
        for a in ["aria-label", "title", "placeholder"] {
            if let Some(v) = el.value().attr(a) {
                text.push(' ');
                text.push_str(v);
            }
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// English interface strings a German page must not show: every message whose English text
/// differs from its German one, long enough to be unmistakable, up to its first placeable.
fn english_strings() -> Vec<(String, String)> {
    let de = language("de").expect("German");
    source()
        .ids()
        .iter()
        .filter_map(|id| {
            let en = source().t(id);
            let fixed = en.split('{').next().unwrap_or("").trim().to_string();
            (fixed.len() >= 16 && fixed.contains(' ') && en != de.t(id) && !id.starts_with("country-"))
                .then(|| (id.clone(), fixed))
        })
        .collect()
}

#[tokio::test]
async fn every_page_has_a_german_twin_in_german() {
    let app = atlas();
    let english = english_strings();
    assert!(
        english.len() > 25,
        "the catalogue is checked: {} strings",
        english.len()
    );
    for path in page_paths() {
        let de_path = format!("/de{path}");
        let answer = get(&app, &de_path).await;
        assert_eq!(answer.status, StatusCode::OK, "{de_path}");
        let doc = answer.html();
        assert_eq!(attrs(&doc, "html", "lang"), ["de"], "{de_path}");
        let text = visible_text(&doc);
        for (id, en) in &english {
            assert!(
                !text.contains(en.as_str()),
                "{de_path} still says {en:?} (message `{id}`)"
            );
        }
    }
}

#[tokio::test]
async fn the_editions_point_to_each_other() {
    let app = atlas_at("", Some("https://atlas.example"));
    for path in ["/", "/plots/2022-11-strasbourg", "/offices", "/method"] {
        let de_path = if path == "/" {
            "/de/".to_string()
        } else {
            format!("/de{path}")
        };
        for (page, lang) in [(path.to_string(), "en"), (de_path.clone(), "de")] {
            let doc = get(&app, &page).await.html();
            let alternates = attrs(&doc, "link[rel=alternate][hreflang=de]", "href");
            assert_eq!(alternates, [format!("https://atlas.example{de_path}")], "{page}");
            let english = attrs(&doc, "link[rel=alternate][hreflang=en]", "href");
            assert_eq!(english, [format!("https://atlas.example{path}")], "{page}");
            assert_eq!(attrs(&doc, "link[rel=alternate][hreflang=x-default]", "href"), english);
            // The switch leads to the same page in the other language.
            let other = if lang == "en" {
                de_path.clone()
            } else {
                path.to_string()
            };
            let other_code = if lang == "en" { "de" } else { "en" };
            let switch = attrs(&doc, &format!(".lang-switch a[hreflang={other_code}]"), "href");
            assert_eq!(switch, [other], "{page}");
            let locale = attrs(&doc, "meta[property='og:locale']", "content");
            assert_eq!(locale, [if lang == "en" { "en_GB" } else { "de_DE" }], "{page}");
            assert_eq!(
                attrs(&doc, "link[rel=canonical]", "href"),
                [format!("https://atlas.example{page}")]
            );
        }
    }
}

#[tokio::test]
async fn german_pages_link_within_the_german_edition_and_keep_table_1_as_printed() {
    let app = atlas();
    let doc = get(&app, "/de/").await.html();
    let menu = attrs(&doc, ".site-nav a", "href");
    assert!(menu.iter().all(|h| h.starts_with("/de/")), "{menu:?}");
    assert_eq!(
        texts(&doc, "h1"),
        ["Anschlagspläne in Europa mit ISKP-Bezug, 2020–2024"]
    );
    // Table 1's cells stay in English, with the atlas's translation beside them.
    let cells = texts(&doc, ".table1 tbody td span[lang=en]");
    assert!(cells.iter().any(|c| c == "Christmas market"), "{cells:?}");
    let translated = texts(&doc, ".table1 tbody td .cell-translation[lang=de]");
    assert!(translated.iter().any(|c| c == "Weihnachtsmarkt"), "{translated:?}");
    // The stylesheet is the one English pages use.
    assert_eq!(
        attrs(&doc, "link[rel=stylesheet]", "href"),
        attrs(&get(&app, "/").await.html(), "link[rel=stylesheet]", "href")
    );
}

#[tokio::test]
async fn german_errors_and_dates_are_german() {
    let app = atlas();
    let missing = get(&app, "/de/plots/2099-01-nowhere").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let doc = missing.html();
    assert_eq!(attrs(&doc, "html", "lang"), ["de"]);
    assert_eq!(texts(&doc, "h1"), ["Seite nicht gefunden"]);
    let redirect = get(&app, "/de").await;
    assert_eq!(redirect.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(redirect.header("location"), "/de/");
    let home = get(&app, "/de/").await.html();
    // The overview lists the plots once, in Table 1 (printed dates); the map's markers name them.
    let dates = texts(&home, "svg.map .plots title");
    assert!(dates.iter().any(|d| d.contains("Dezember 2023")), "{dates:?}");
    assert!(dates.iter().any(|d| d.contains("April 2020")), "{dates:?}");
}

#[tokio::test]
async fn german_citations_say_their_language() {
    let app = atlas();
    let bib = get(&app, "/de/cite/2022-11-strasbourg.bib").await.body;
    assert!(bib.contains("langid = {ngerman}"), "{bib}");
    assert!(bib.contains("Anschlagsplan"), "{bib}");
    let ris = get(&app, "/de/cite/2022-11-strasbourg.ris").await.body;
    assert!(ris.contains("LA  - de\r\n"), "{ris}");
    let csl = get(&app, "/de/cite/2022-11-strasbourg.json").await.json();
    assert_eq!(csl[0]["language"], "de");
    assert!(
        csl[0]["URL"]
            .as_str()
            .is_some_and(|u| u.ends_with("/de/plots/2022-11-strasbourg"))
    );
    let english = get(&app, "/cite/2022-11-strasbourg.json").await.json();
    assert_eq!(english[0]["language"], "en");
}
