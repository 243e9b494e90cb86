//! Reader polish from the visual review (issue 14): search snippets in the page's language (M12),
//! a corrected search that names what it shows (L3), result lines and counts on /plots (L5, L6),
//! the changes page's citations and quotations (L4), German wording (L9, L14) and the German 404
//! of archived versions that had no German edition (L12).

use iskp_atlas::model::Dataset;
use iskp_atlas::text::fold;
use scraper::{ElementRef, Html};

use crate::helpers::*;

fn search_path(edition: &str, q: &str) -> String {
    let qs = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", q)
        .finish();
    format!("{edition}/search?{qs}")
}

/// Every passage a search snippet can come from, as (English, German): the statements, and the
/// Table 1 cells beside the atlas's translation of them.
fn passages(en: &Dataset, de: &Dataset) -> Vec<(String, String)> {
    let (es, ds) = (en.statements(), de.statements());
    assert_eq!(es.len(), ds.len(), "the editions have the same statements");
    let mut out: Vec<(String, String)> = es
        .iter()
        .zip(&ds)
        .map(|(e, d)| {
            assert_eq!((e.file, &e.item, &e.field), (d.file, &d.item, &d.field));
            (e.statement.text.clone(), d.statement.text.clone())
        })
        .collect();
    for (e, d) in en.plots.iter().zip(&de.plots) {
        let t = d.table1_translation.as_ref().expect("German Table 1");
        let cells = [
            (&e.table1.location, &t.location),
            (&e.table1.target, &t.target),
            (&e.table1.outcome, &t.outcome),
            (&e.table1.international_connection, &t.international_connection),
            (&e.table1.nationality, &t.nationality),
            (&e.table1.weapons_and_preparation, &t.weapons_and_preparation),
        ];
        out.extend(cells.into_iter().map(|(a, b)| (a.clone(), b.clone())));
    }
    out
}

/// A snippet's words without the ellipses that mark a cut.
fn core(snippet: &str) -> &str {
    snippet.trim().trim_start_matches('…').trim_end_matches('…').trim()
}

/// Each hit of a search page: (link, snippet's `lang` attribute, snippet text, words marked as
/// matched in the other edition's text).
fn hits(doc: &Html) -> Vec<(String, Option<String>, String, Vec<String>)> {
    doc.select(&sel(".hits > li"))
        .map(|li: ElementRef| {
            let a = li.select(&sel(".hit-title")).next().expect("title");
            let s = li.select(&sel(".snippet")).next().expect("snippet");
            let other: Vec<String> = li.select(&sel(".matched-other mark")).map(text).collect();
            (
                a.value().attr("href").unwrap_or_default().to_string(),
                s.value().attr("lang").map(String::from),
                text(s),
                other,
            )
        })
        .collect()
}

/// Whether `text` has a word starting with `word` (both folded), the way the search matches.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (fold(text).replace('-', " "), fold(word));
    text.match_indices(&word)
        .any(|(i, _)| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

#[tokio::test]
async fn german_search_snippets_are_the_german_sentence_of_the_passage_that_matched() {
    let app = atlas();
    let eds = editions();
    let pairs = passages(&eds[0], &eds[1]);
    // (query, the word a matching passage has in English or German: the query's start)
    let queries = [
        ("tajik", "tajik"),
        ("Telegram", "telegram"),
        ("Chechen", "chech"),
        ("Tschetschenen", "tschetschen"),
        ("Dagestan", "dagestan"),
        ("Christmas market", "christmas"),
        ("handlers", "handler"),
        ("Moschee", "mosche"),
    ];
    let mut through_english = 0;
    for (q, stem) in queries {
        let doc = get(&app, &search_path("/de", q)).await.html();
        let found = hits(&doc);
        assert!(!found.is_empty(), "{q}: no hits");
        for (href, lang, snippet, other) in found {
            if lang.as_deref() == Some("en") {
                // Only a bibliography entry stays in English (as printed), and says so.
                assert!(
                    href.starts_with("/de/sources#"),
                    "{q} {href}: English snippet {snippet}"
                );
                continue;
            }
            let core = core(&snippet);
            assert!(!core.is_empty(), "{q} {href}");
            // Not English: no English passage has these words unless its German one has them too.
            assert!(
                !pairs.iter().any(|(e, d)| e.contains(core) && !d.contains(core)),
                "{q} {href}: English snippet on a German page: {snippet}"
            );
            // The German words of a passage that matched, in English or in German.
            if href.starts_with("/de/plots/") && !pairs.iter().any(|(_, d)| d.contains(core)) {
                // A plot's places and targets (not statements) also match; they are German too.
                continue;
            }
            assert!(
                pairs
                    .iter()
                    .any(|(e, d)| d.contains(core) && (has_word(e, stem) || has_word(d, stem))),
                "{q} {href}: {snippet} is not the German text of a passage that matched"
            );
            if !other.is_empty() {
                through_english += 1;
                // Each is a query word (or its stem: five letters) as the English text writes it.
                let starts: Vec<String> = q
                    .split_whitespace()
                    .map(|w| fold(w).chars().take(5).collect())
                    .collect();
                assert!(
                    other.iter().all(|w| starts.iter().any(|s| has_word(w, s))),
                    "{q} {href}: {other:?}"
                );
            }
        }
    }
    assert!(
        through_english >= 10,
        "{through_english} hits found through the English text"
    );

    // The review's example: ISKP's entry shows the German sentence about its leader.
    let doc = get(&app, &search_path("/de", "tajik")).await.html();
    let iskp = hits(&doc)
        .into_iter()
        .find(|h| h.0 == "/de/offices#iskp")
        .expect("ISKP found");
    let (en, de) = pairs
        .iter()
        .find(|(e, _)| e.contains("Sanaullah Ghafari") && e.contains("Tajik"))
        .expect("the sentence");
    assert!(de.contains(core(&iskp.2)), "{} is not from: {de}", iskp.2);
    assert!(!en.contains(core(&iskp.2)));
    assert_eq!(iskp.3, ["Tajik"]);
}

#[tokio::test]
async fn english_search_snippets_are_english_even_for_german_words() {
    let app = atlas();
    let eds = editions();
    let pairs = passages(&eds[0], &eds[1]);
    for q in ["Weihnachtsmarkt", "tadschikisch", "Anleiter", "Moschee"] {
        let doc = get(&app, &search_path("", q)).await.html();
        let found = hits(&doc);
        assert!(!found.is_empty(), "{q}: no hits");
        for (href, lang, snippet, _) in found {
            assert_eq!(lang, None, "{q} {href}: {snippet}");
            let core = core(&snippet);
            assert!(
                !pairs.iter().any(|(e, d)| d.contains(core) && !e.contains(core)),
                "{q} {href}: German snippet on an English page: {snippet}"
            );
        }
    }
    // The German word that found it is shown beside, marked as German.
    let doc = get(&app, &search_path("", "tadschikisch")).await.html();
    assert!(
        texts(&doc, ".matched-other")
            .iter()
            .all(|t| t.starts_with("Found in the German text:"))
    );
    assert!(
        texts(&doc, ".matched-other [lang=de] mark")
            .iter()
            .any(|w| w == "tadschikisch")
    );
}

#[tokio::test]
async fn a_corrected_search_is_headed_by_what_it_shows_and_says_what_was_typed() {
    let app = atlas();
    for (edition, heading, typed, link) in [
        (
            "",
            "Results for “Bremerhaven”",
            "You typed “Bremerhafen”.",
            "Search for exactly that",
        ),
        (
            "/de",
            "Ergebnisse für „Bremerhaven“",
            "Sie haben „Bremerhafen“ eingegeben.",
            "Genau danach suchen",
        ),
    ] {
        let doc = get(&app, &search_path(edition, "Bremerhafen")).await.html();
        assert_eq!(one_text(&doc, "h1"), heading);
        let title = one_text(&doc, "title");
        assert!(
            title.contains("Bremerhaven") && !title.contains("Bremerhafen"),
            "{title}"
        );
        assert_eq!(one_text(&doc, ".search-typed"), format!("{typed} {link}"));
        // No question that the page answers itself.
        let body = text(doc.root_element());
        assert!(
            !body.contains("Did you mean") && !body.contains("Meinten Sie"),
            "{edition}"
        );
        assert!(attrs(&doc, ".hit-title", "href").contains(&format!("{edition}/plots/2022-09-iserlohn-bremerhaven")));
        // The link searches exactly what was typed: nothing, and no correction.
        let href = attrs(&doc, ".search-typed a", "href").remove(0);
        assert_eq!(href, format!("{}&exact=1", search_path(edition, "Bremerhafen")));
        let exact = get(&app, &href).await.html();
        assert_eq!(exact.select(&sel(".search-typed")).count(), 0);
        assert_eq!(exact.select(&sel(".hit-title")).count(), 0);
        assert!(one_text(&exact, "h1").contains("Bremerhafen"));
    }
    // A word the atlas has is never corrected.
    let doc = get(&app, &search_path("", "Bremerhaven")).await.html();
    assert_eq!(doc.select(&sel(".search-typed")).count(), 0);
    assert_eq!(one_text(&doc, "h1"), "Results for “Bremerhaven”");
}

#[tokio::test]
async fn plot_result_lines_read_as_one_phrase_in_both_languages() {
    let app = atlas();
    let eds = editions();
    for (edition, cell) in [("", "cell of"), ("/de", "Zelle aus")] {
        let doc = get(&app, &format!("{edition}/plots")).await.html();
        let lines = texts(&doc, ".results .result-meta");
        assert_eq!(lines.len(), 7, "{edition}");
        let data = if edition.is_empty() { &eds[0] } else { &eds[1] };
        for (line, p) in lines.iter().zip(&data.plots) {
            // No parentheses around parentheses: "cell of 2 (Afghan (both))".
            assert!(!line.contains("((") && !line.contains("))"), "{edition}: {line}");
            let after = line
                .split(" · ")
                .find(|part| part.starts_with(cell))
                .and_then(|part| part.split_once(": "))
                .map(|(_, n)| n.to_string())
                .unwrap_or_else(|| panic!("{edition}: no cell in {line}"));
            match &p.table1_translation {
                // The translation, in lower case after the colon like the rest of its words.
                Some(tr) => {
                    assert_eq!(after.to_lowercase(), tr.nationality.to_lowercase(), "{line}");
                    assert!(after.starts_with(char::is_lowercase), "{line}");
                }
                // Table 1's own words, exactly.
                None => assert_eq!(after, p.table1.nationality, "{line}"),
            }
        }
        let lines = lines.join("\n");
        if edition.is_empty() {
            assert!(lines.contains("cell of 2: Afghan (both)"), "{lines}");
            assert!(lines.contains("cell of 7: Russian (all seven)"), "{lines}");
        } else {
            assert!(
                lines.contains("Zelle aus 5 Personen: tadschikisch (3), türkisch, russisch"),
                "{lines}"
            );
        }
        // No legend has two pairs of parentheses ("Land (Spalte Ort in Tabelle 1) (eine davon)").
        for legend in texts(&doc, ".facet legend") {
            assert!(legend.matches('(').count() <= 1, "{edition}: {legend}");
        }
    }
}

#[tokio::test]
async fn a_filtered_plot_list_gives_its_count_once() {
    let app = atlas();
    for (edition, count) in [("", "2 of 7"), ("/de", "2 von 7")] {
        let doc = get(&app, &format!("{edition}/plots?country=DE&year=2023")).await.html();
        let main = one_text(&doc, "main");
        assert_eq!(main.matches(count).count(), 1, "{edition}: {main}");
        assert!(one_text(&doc, "h1").contains(count));
        assert_eq!(doc.select(&sel(".results .result-list > li")).count(), 2);
    }
}

#[tokio::test]
async fn changes_show_works_as_citations_and_quotations_one_per_line() {
    let app = atlas();
    let data = dataset();
    let keys: Vec<&str> = data.sources.iter().map(|s| s.key.as_str()).collect();
    for edition in ["", "/de"] {
        let doc = get(&app, &format!("{edition}/plots/2022-11-strasbourg/changes"))
            .await
            .html();
        let rows: Vec<ElementRef> = doc.select(&sel(".changes > div")).collect();
        // The works the second event cited in 1.0.0: "Seelow 2023", linked to its entry.
        let works = rows
            .iter()
            .find(|d| {
                let dt = d.select(&sel("dt")).next().map(text).unwrap_or_default();
                dt.ends_with("Works cited") || dt.ends_with("Zitierte Werke")
            })
            .expect("a row of works cited");
        let items: Vec<String> = works.select(&sel(".change-items li")).map(text).collect();
        assert_eq!(items, ["Seelow 2023"], "{edition}");
        let links: Vec<&str> = works
            .select(&sel(".change-items a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert_eq!(links, [format!("{edition}/sources#seelow-2023")]);
        // No raw key anywhere in the values.
        for dd in doc.select(&sel(".changes dd")) {
            let t = text(dd);
            assert!(!keys.iter().any(|k| t.contains(k)), "{edition}: {t}");
        }
        // Quotation lists: one quotation per item, none run into the next.
        let quotes: Vec<String> = rows
            .iter()
            .filter(|d| {
                let dt = d.select(&sel("dt")).next().map(text).unwrap_or_default();
                dt.ends_with("quotations") || dt.ends_with("Zitate")
            })
            .flat_map(|d| d.select(&sel("dd")).collect::<Vec<_>>())
            .filter(|dd| dd.select(&sel("em")).next().is_none())
            .flat_map(|dd| {
                let items: Vec<String> = dd.select(&sel(".change-items > li")).map(text).collect();
                assert!(
                    !items.is_empty(),
                    "{edition}: a quotation list not as a list: {}",
                    text(dd)
                );
                items
            })
            .collect();
        assert!(quotes.len() > 10, "{edition}: {}", quotes.len());
        for q in &quotes {
            assert!(q.starts_with('“') && q.ends_with('”'), "{edition}: {q}");
            assert_eq!(q.matches('“').count(), 1, "{edition}: two quotations in one item: {q}");
        }
    }
}

#[tokio::test]
async fn german_evidence_headings_and_key_figures_read_as_german() {
    let app = atlas();
    for path in ["/de/plots/2022-11-strasbourg", "/de/patterns", "/de/offices/gdp"] {
        let doc = get(&app, path).await.html();
        let wheres = texts(&doc, ".ev-where");
        assert!(!wheres.is_empty(), "{path}");
        for w in &wheres {
            assert!(!w.contains("innerhalb von"), "{path}: {w}");
        }
        // A sub-section gives its part's pages as such: "…, S. 13–24:".
        if path.contains("strasbourg") {
            assert!(wheres.iter().any(|w| w.ends_with(", S. 13–24:")), "{wheres:?}");
        }
    }
    let doc = get(&app, "/de/patterns").await.html();
    let labels = texts(&doc, "dt");
    for want in ["Jüngste Person", "Älteste Person"] {
        assert!(labels.iter().any(|l| l == want), "{labels:?}");
    }
    assert!(!labels.iter().any(|l| l.contains("(r)")), "{labels:?}");
}

#[tokio::test]
async fn a_german_address_of_an_english_only_version_says_so_and_links_both_pages() {
    let app = atlas();
    for version in ["1.0.0", "1.1.0"] {
        let asked = format!("/de/v/{version}/plots/2022-11-strasbourg");
        let page = get(&app, &asked).await;
        assert_eq!(page.status.as_u16(), 404, "the contract: no German for {version}");
        let doc = page.html();
        assert_eq!(
            one_text(&doc, ".source-only .lede"),
            format!(
                "Version {version} des Atlas erschien nur auf Englisch, deshalb gibt es unter dieser Adresse keine deutsche Seite."
            )
        );
        let links = attrs(&doc, ".source-only a", "href");
        assert_eq!(
            links,
            [
                format!("/v/{version}/plots/2022-11-strasbourg"),
                "/de/plots/2022-11-strasbourg".to_string()
            ]
        );
        assert_eq!(attrs(&doc, ".source-only a[hreflang=en]", "href").len(), 1);
        // Both links answer.
        for l in &links {
            assert_eq!(get(&app, l).await.status.as_u16(), 200, "{l}");
        }
        // The version's German overview address leads to its English overview.
        let doc = get(&app, &format!("/de/v/{version}/")).await.html();
        assert_eq!(
            attrs(&doc, ".source-only a[hreflang=en]", "href"),
            [format!("/v/{version}/")]
        );
    }
    // An address no edition of that version had, and a version with German, get the plain 404.
    for asked in ["/de/v/1.0.0/plots/no-such-plot", "/de/v/1.2.0/plots/no-such-plot"] {
        let page = get(&app, asked).await;
        assert_eq!(page.status.as_u16(), 404, "{asked}");
        assert_eq!(page.html().select(&sel(".source-only")).count(), 0, "{asked}");
    }
}
