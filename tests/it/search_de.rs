//! Search in German and with near misses, in both editions (issue 13, item 4): German names of
//! places, targets, nationalities and countries, English words on `/de/search`, umlauts written
//! out, and misspelt words corrected with a "did you mean".

use axum::Router;
use iskp_atlas::model::Dataset;
use scraper::Html;

use crate::helpers::*;

fn search_path(edition: &str, q: &str) -> String {
    let qs = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", q)
        .finish();
    format!("{edition}/search?{qs}")
}

async fn page(app: &Router, edition: &str, q: &str) -> Html {
    get(app, &search_path(edition, q)).await.html()
}

/// The corrected query the heading names, where the page says a word was corrected.
fn corrected(doc: &Html) -> Option<String> {
    doc.select(&sel(".search-typed")).next()?;
    let h1 = one_text(doc, "h1");
    let open = h1.find(['“', '„'])?;
    let inner = &h1[open + '“'.len_utf8()..];
    Some(inner[..inner.find(['“', '”'])?].to_string())
}

/// The hits' links, best first (plots come first), and the corrected query if any.
async fn hits(app: &Router, edition: &str, q: &str) -> (Vec<String>, Option<String>) {
    let doc = page(app, edition, q).await;
    let dym = corrected(&doc);
    (attrs(&doc, ".hit-title", "href"), dym)
}

const EDITIONS: [&str; 2] = ["", "/de"];

#[tokio::test]
async fn german_words_find_their_plots_in_both_editions() {
    let app = atlas();
    // (query, the plot ranked first, or only found when several plots share the word)
    let cases: [(&str, &str, bool); 14] = [
        ("Moschee", "2023-07-cologne-berlin", true),
        ("Frankreich", "2022-11-strasbourg", true),
        ("Weihnachtsmarkt", "2022-11-strasbourg", true),
        ("Straßburg", "2022-11-strasbourg", true),
        ("Kirgise", "2023-07-cologne-berlin", true),
        ("Kirgisen", "2023-07-cologne-berlin", true),
        ("Wien", "2023-12-cologne-vienna", true),
        ("Dom", "2023-12-cologne-vienna", true),
        ("Militärbasen", "2020-04-north-rhine-westphalia", true),
        ("Schweden", "2024-03-gera-stockholm", true),
        ("Polizisten", "2024-03-gera-stockholm", true),
        ("Tschetschenen", "2022-11-strasbourg", false),
        ("Köln", "2023-07-cologne-berlin", false),
        ("Tadschiken", "2020-04-north-rhine-westphalia", false),
    ];
    for edition in EDITIONS {
        for (q, slug, first) in cases {
            let (hrefs, dym) = hits(&app, edition, q).await;
            let want = format!("{edition}/plots/{slug}");
            if first {
                assert_eq!(hrefs.first(), Some(&want), "{edition} {q}: {hrefs:?}");
            } else {
                assert!(hrefs.contains(&want), "{edition} {q}: {hrefs:?}");
            }
            assert_eq!(dym, None, "{edition} {q}: a known word needs no correction");
        }
    }
}

#[tokio::test]
async fn english_words_work_on_the_german_search_and_german_on_the_english() {
    let app = atlas();
    for (q, slug) in [
        ("mosque", "2023-07-cologne-berlin"),
        ("Christmas market", "2022-11-strasbourg"),
        ("Bremerhaven police", "2022-09-iserlohn-bremerhaven"),
        ("Cologne Cathedral", "2023-12-cologne-vienna"),
    ] {
        let (hrefs, _) = hits(&app, "/de", q).await;
        assert_eq!(hrefs.first(), Some(&format!("/de/plots/{slug}")), "{q}: {hrefs:?}");
    }
    // German on the English pages: English titles and snippets, the German words that matched
    // marked beside them.
    let doc = page(&app, "", "Weihnachtsmarkt").await;
    assert_eq!(attrs(&doc, ".hit-title", "href"), ["/plots/2022-11-strasbourg"]);
    assert!(one_text(&doc, ".hit-title").starts_with("Strasbourg"));
    assert_eq!(one_text(&doc, ".snippet"), "Christmas market");
    assert_eq!(texts(&doc, ".matched-other [lang=de] mark"), ["Weihnachtsmarkt"]);
}

#[tokio::test]
async fn umlauts_and_sharp_s_match_their_transliterations() {
    let app = atlas();
    for edition in EDITIONS {
        for (q, slug) in [
            ("Koeln", "2023-12-cologne-vienna"),
            ("Koln", "2023-12-cologne-vienna"),
            ("Oesterreich", "2023-12-cologne-vienna"),
            ("Osterreich", "2023-12-cologne-vienna"),
            ("Strassburg", "2022-11-strasbourg"),
            ("Weihnachtsmaerkte", "2022-11-strasbourg"),
            ("Militaerbasen", "2020-04-north-rhine-westphalia"),
        ] {
            let (hrefs, dym) = hits(&app, edition, q).await;
            assert!(
                hrefs.contains(&format!("{edition}/plots/{slug}")),
                "{edition} {q}: {hrefs:?}"
            );
            assert_eq!(dym, None, "{edition} {q}");
        }
    }
}

#[tokio::test]
async fn near_misses_are_corrected_and_the_page_says_what_was_typed_in_its_language() {
    let app = atlas();
    for (q, fixed, slug) in [
        ("Bremerhafen", "Bremerhaven", "2022-09-iserlohn-bremerhaven"),
        ("Gerra", "Gera", "2024-03-gera-stockholm"),
        ("Strassbourg", "Strasbourg", "2022-11-strasbourg"),
        ("Tadjik", "Tajik", "2020-04-north-rhine-westphalia"),
        ("Weihnachtsmakrt", "Weihnachtsmarkt", "2022-11-strasbourg"),
        ("Stokholm", "Stockholm", "2024-03-gera-stockholm"),
    ] {
        for edition in EDITIONS {
            let doc = page(&app, edition, q).await;
            let hrefs = attrs(&doc, ".hit-title", "href");
            assert!(
                hrefs.contains(&format!("{edition}/plots/{slug}")),
                "{edition} {q}: {hrefs:?}"
            );
            assert_eq!(corrected(&doc).as_deref(), Some(fixed), "{edition} {q}");
            assert_eq!(
                attrs(&doc, ".search-typed a", "href"),
                [format!("{}&exact=1", search_path(edition, q))],
                "{edition} {q}"
            );
            let line = one_text(&doc, ".search-typed");
            let lead = if edition.is_empty() {
                format!("You typed “{q}”.")
            } else {
                format!("Sie haben „{q}“ eingegeben.")
            };
            assert!(line.starts_with(&lead), "{edition} {q}: {line}");
        }
    }
    // A word the atlas has is not "corrected"; one too far from every word finds nothing.
    let (_, dym) = hits(&app, "/de", "Gera").await;
    assert_eq!(dym, None);
    let doc = page(&app, "/de", "Xqzvbnm").await;
    assert!(one_text(&doc, ".result-count").contains("Nichts gefunden"));
    assert_eq!(doc.select(&sel(".search-typed")).count(), 0);
}

/// The words of `text` of at least `min` letters.
fn words(text: &str, min: usize) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= min)
        .map(String::from)
        .collect()
}

/// One-letter slips in `word`, never its first letter: a letter replaced, one left out, two
/// swapped, one doubled.
fn slips(word: &str) -> Vec<String> {
    let c: Vec<char> = word.chars().collect();
    let mid = c.len() / 2;
    let at = |f: &dyn Fn(&mut Vec<char>)| {
        let mut v = c.clone();
        f(&mut v);
        v.into_iter().collect::<String>()
    };
    let other = if c[mid].to_lowercase().eq(['x']) { 'y' } else { 'x' };
    vec![
        at(&|v| v[mid] = other),
        at(&|v| {
            v.remove(mid);
        }),
        at(&|v| v.swap(mid, mid + 1)),
        at(&|v| v.insert(mid, v[mid])),
    ]
    .into_iter()
    .filter(|s| s != word)
    .collect()
}

#[tokio::test]
async fn every_plots_german_place_nationality_and_country_words_and_slips_of_them_find_it() {
    let app = atlas();
    let editions = editions();
    let de: &Dataset = &editions[1];
    assert_eq!(de.language.code, "de");
    let lang = iskp_atlas::i18n::language("de").expect("German");
    // Which plots each German place word names, so a word of one plot only must rank it first.
    let place_words = |p: &iskp_atlas::model::plot::Plot| {
        let mut w = words(&p.place_label, 4);
        w.extend(p.locations.iter().flat_map(|l| words(&l.place, 4)));
        w.extend(
            p.countries
                .iter()
                .flat_map(|c| words(&lang.t(&format!("country-{c}")), 4)),
        );
        w
    };
    let mut checked = 0;
    for p in &de.plots {
        let mut sample: Vec<(String, bool)> = place_words(p)
            .into_iter()
            .map(|w| {
                let unique = de.plots.iter().filter(|o| place_words(o).contains(&w)).count() == 1;
                (w, unique)
            })
            .collect();
        let tr = p.table1_translation.as_ref().expect("German Table 1");
        // The nationality adjectives (tadschikisch, deutsch-kosovarisch), not the cell's other words.
        let adjectives = words(&tr.nationality, 5).into_iter().filter(|w| w.ends_with("sch"));
        sample.extend(adjectives.map(|w| (w, false)));
        // The nouns of the German Target cell (Moschee, Freizeitpark, Polizeibeamte, …).
        let nouns = words(&tr.target, 6)
            .into_iter()
            .filter(|w| w.starts_with(char::is_uppercase));
        sample.extend(nouns.map(|w| (w, false)));
        sample.sort();
        sample.dedup();
        for (word, unique) in sample {
            let mut queries = vec![(word.clone(), false)];
            if word.chars().count() >= 5 {
                queries.extend(slips(&word).into_iter().map(|s| (s, true)));
            }
            for (q, slipped) in queries {
                for edition in EDITIONS {
                    let (hrefs, _) = hits(&app, edition, &q).await;
                    let want = format!("{edition}/plots/{}", p.slug);
                    let plots: Vec<&String> = hrefs.iter().filter(|h| h.contains("/plots/")).collect();
                    if unique {
                        assert_eq!(plots.first(), Some(&&want), "{edition} {q} ({word}, slip: {slipped})");
                    } else {
                        assert!(
                            plots.contains(&&want),
                            "{edition} {q} ({word}, slip: {slipped}): {hrefs:?}"
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 150, "{checked} queries checked");
}

#[tokio::test]
async fn the_page_speaks_german_on_the_german_edition() {
    let app = atlas();
    let de = iskp_atlas::i18n::language("de").expect("German");
    let en = iskp_atlas::i18n::source();
    let doc = page(&app, "/de", "Tadschikistan").await;
    assert_eq!(attrs(&doc, "html", "lang"), ["de"]);
    assert_eq!(one_text(&doc, "h1"), "Ergebnisse für „Tadschikistan“");
    assert_eq!(
        texts(&doc, ".search-group h2")[0].split(' ').next(),
        Some("Anschlagspläne")
    );
    let body = doc.root_element().html();
    let ids = [
        "search-title",
        "search-field-label",
        "search-aliases",
        "search-empty",
        "search-kind-pattern",
        "search-kind-method",
        "search-description",
    ];
    for id in ids {
        let english = en.t(id);
        assert_ne!(english, de.t(id), "{id}");
        assert!(!body.contains(&english), "{id}: {english}");
    }
    let empty = page(&app, "/de", "zzzzqqqq").await;
    assert!(one_text(&empty, ".empty p").starts_with("Keine Seite"));
}
