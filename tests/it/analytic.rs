//! `/offices`, `/patterns`, `/method` and `/sources`: the organisation tree, links between plots and
//! offices in both directions, figures that add up to Table 1, and citations that resolve.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use scraper::Html;

use crate::helpers::*;

fn ids(doc: &Html, css: &str) -> Vec<String> {
    attrs(doc, css, "id")
}

#[tokio::test]
async fn the_organisation_is_a_tree_of_nested_lists_with_anchors() {
    let page = get(&atlas(), "/offices").await;
    assert_eq!(page.status, StatusCode::OK);
    let doc = page.html();
    assert_eq!(ids(&doc, ".org-tree > li"), ["is-leadership"]);
    assert_eq!(ids(&doc, "#is-leadership > ul > li"), ["gdp"]);
    assert_eq!(
        ids(&doc, "#gdp > ul > li"),
        ["al-siddiq-office", "ard-al-mubarakah-office", "al-karrar-office"]
    );
    let under_siddiq = ids(&doc, "#al-siddiq-office > ul > li");
    assert_eq!(under_siddiq[..3], ["iskp", "ispp", "ishp"]);
    assert!(under_siddiq.contains(&"iran".to_string()) && under_siddiq.contains(&"caucasus".to_string()));
    assert!(ids(&doc, "#ard-al-mubarakah-office > ul > li").contains(&"turkey".to_string()));
    // Every unit of the data has its anchor, once.
    for node in &dataset().org.nodes {
        assert_eq!(
            doc.select(&sel(&format!("[id='{}']", node.id))).count(),
            1,
            "{}",
            node.id
        );
    }
    // Levels are marked in the markup, one heading level per tree level.
    assert_eq!(doc.select(&sel("#is-leadership > .node-body h3")).count(), 1);
    assert_eq!(doc.select(&sel("#gdp > .node-body h4")).count(), 1);
    assert_eq!(doc.select(&sel("#al-siddiq-office > .node-body h5")).count(), 1);
    assert_eq!(doc.select(&sel("#iskp > .node-body h6")).count(), 1);
}

#[tokio::test]
async fn five_offices_are_counted_and_three_named_without_guessing() {
    let doc = get(&atlas(), "/offices").await.html();
    let note = one_text(&doc, ".page-header .note");
    assert!(
        note.contains("counted in the report: 5; named in its text and shown below: 3"),
        "{note}"
    );
    assert_eq!(doc.select(&sel("li.depth-2")).count(), 3);
}

#[tokio::test]
async fn plots_and_offices_link_each_other_both_ways() {
    let app = atlas();
    let offices = get(&app, "/offices").await.html();
    let data = dataset();
    let mut linked_plots = BTreeSet::new();
    for plot in &data.plots {
        let doc = get(&app, &plot.path()).await.html();
        let links = attrs(&doc, ".org-links > li > a:first-child", "href");
        assert!(!links.is_empty(), "{} has no link to the organisation", plot.slug);
        for href in links {
            let id = href.strip_prefix("/offices#").unwrap_or_else(|| panic!("{href}"));
            // The unit links back to this plot.
            let back = attrs(
                &offices,
                &format!("li[id='{id}'] > .node-body .node-plots > li > a"),
                "href",
            );
            assert!(back.contains(&plot.path()), "/offices#{id} does not link {}", plot.slug);
            linked_plots.insert(plot.slug.clone());
        }
    }
    // And every plot link on /offices leads to a plot that links back.
    for href in attrs(&offices, ".node-plots > li > a:first-child", "href") {
        let slug = href.trim_start_matches("/plots/");
        assert!(linked_plots.contains(slug), "{href}");
    }
    assert_eq!(linked_plots.len(), data.plots.len());
}

#[tokio::test]
async fn the_chronology_runs_from_2003_to_the_2025_lull_with_sources() {
    let app = atlas();
    // It lives on the timeline; the organisation page keeps its old anchor, pointing there.
    let offices = get(&app, "/offices").await.html();
    assert_eq!(attrs(&offices, "#chronology a", "href"), ["/timeline#chronology"]);
    let doc = get(&app, "/timeline").await.html();
    let dates = attrs(&doc, "#chronology time", "datetime");
    assert_eq!(dates.first().map(String::as_str), Some("2003"));
    assert_eq!(dates.last().map(String::as_str), Some("2025"));
    for needed in [
        "2014-07",
        "2015-01-26",
        "2019",
        "2020-06",
        "2021-08",
        "2022-02",
        "2024-06",
    ] {
        assert!(dates.iter().any(|d| d == needed), "no chronology entry for {needed}");
    }
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(doc.select(&sel("#chronology .cites a")).count() >= 10);
    // The picture numbers its events as the list does.
    let numbers = attrs(&doc, "#chronology ol > li", "value");
    assert_eq!(numbers.first().map(String::as_str), Some("1"));
    assert_eq!(numbers.len(), dates.len());
}

/// Row label → value of a derived table on /patterns.
fn table_rows(doc: &Html, id: &str) -> BTreeMap<String, u32> {
    doc.select(&sel(&format!("#{id} tbody tr")))
        .map(|tr| {
            let label = tr.select(&sel("th")).next().map(text).unwrap_or_default();
            let value = tr.select(&sel("td.num")).next().map(text).unwrap_or_default();
            (
                label,
                value
                    .parse()
                    .unwrap_or_else(|_| panic!("{id}: '{value}' is not a number")),
            )
        })
        .collect()
}

#[tokio::test]
async fn derived_figures_on_patterns_add_up_to_table_1() {
    let doc = get(&atlas(), "/patterns").await.html();
    let data = dataset();
    let suspects: u32 = data.plots.iter().map(|p| p.cell_size).sum();

    let by_nationality = table_rows(&doc, "by-nationality");
    assert_eq!(by_nationality.values().sum::<u32>(), suspects);
    assert_eq!(by_nationality["Tajik"], 15);
    assert_eq!(by_nationality["German/Kosovar"], 1);
    let plots_by_nationality = table_rows(&doc, "plots-by-nationality");
    assert_eq!(plots_by_nationality["Tajik"], 4);
    assert_eq!(plots_by_nationality["Russian"], 4);
    assert_eq!(plots_by_nationality["Afghan"], 1);

    let by_year = table_rows(&doc, "by-year");
    assert_eq!(
        by_year,
        BTreeMap::from([
            ("2020".into(), 1),
            ("2021".into(), 0),
            ("2022".into(), 2),
            ("2023".into(), 2),
            ("2024".into(), 2)
        ])
    );
    let by_country = table_rows(&doc, "by-country");
    assert_eq!(by_country["Germany"], 6);
    assert_eq!(by_country.len(), 5);
    assert_eq!(
        table_rows(&doc, "by-outcome").values().sum::<u32>(),
        data.plots.len() as u32
    );
    assert_eq!(table_rows(&doc, "by-channel")["Telegram"], 4);
    let handlers = table_rows(&doc, "by-handler");
    assert_eq!((handlers["Afghanistan"], handlers["unknown"]), (3, 2));

    // Ages: one row per known age, and the headline figures from the same list.
    let known: Vec<u32> = data.plots.iter().flat_map(|p| p.ages.iter().copied()).collect();
    assert_eq!(doc.select(&sel("#ages tbody tr")).count(), known.len());
    let figures: BTreeMap<String, String> = doc
        .select(&sel("#figures .figures > div"))
        .map(|d| (texts_in(d, "dt"), texts_in(d, "dd")))
        .collect();
    assert_eq!(figures["Suspects in all"], suspects.to_string());
    assert_eq!(figures["Youngest"], known.iter().min().expect("ages").to_string());
    assert_eq!(figures["Oldest"], known.iter().max().expect("ages").to_string());
    assert_eq!(
        figures["Under 21"],
        known.iter().filter(|a| **a < 21).count().to_string()
    );
    assert_eq!(figures["Median age"], "28");
    assert_eq!(figures["Cell size"], "2–9");
    assert_eq!(doc.select(&sel("#cell-sizes tbody tr")).count(), data.plots.len());
    // Each table says where its counts come from: Table 1, or for the channels (which Table 1
    // has no column for) the report's text.
    for caption in texts(&doc, "table.tally caption") {
        if caption.contains("communication channel") {
            assert!(
                caption.ends_with("counted from the report's text (Table 1 has no column for it)"),
                "{caption}"
            );
        } else {
            assert!(caption.ends_with("derived from Table 1"), "{caption}");
        }
    }
}

fn texts_in(el: scraper::ElementRef<'_>, css: &str) -> String {
    el.select(&sel(css)).next().map(text).unwrap_or_default()
}

#[tokio::test]
async fn the_reports_figures_are_flagged_where_they_differ_from_table_1() {
    let doc = get(&atlas(), "/patterns").await.html();
    let row = |id: &str| -> (String, Vec<String>) {
        let tr = doc
            .select(&sel(&format!("#cmp-{id}")))
            .next()
            .unwrap_or_else(|| panic!("no row {id}"));
        let class = tr.value().attr("class").unwrap_or_default().to_string();
        (class, tr.select(&sel("td")).map(text).collect())
    };
    let (class, cells) = row("tajik-plots");
    assert_eq!(
        (class.as_str(), cells[0].as_str(), cells[1].as_str(), cells[2].as_str()),
        ("differs", "3", "4", "Differs")
    );
    let (class, cells) = row("afghan-plots");
    assert_eq!((class.as_str(), cells[2].as_str()), ("agrees", "Agrees"));
    // The report counts countries where plots were uncovered, Table 1 the places they involved:
    // shown side by side, without calling either wrong.
    let (class, cells) = row("plot-countries");
    assert_eq!(
        (class.as_str(), cells[2].as_str()),
        ("other-measure", "Different measures")
    );
    assert!(cells[1].contains("Sweden") && !cells[0].contains("Sweden"), "{cells:?}");
    assert!(
        one_text(&doc, "#report-vs-table + p.note").starts_with("1 of the 3 figures"),
        "only figures Table 1 can count are judged"
    );
    let (class, _) = row("plots-total");
    assert_eq!(class, "agrees");
}

#[tokio::test]
async fn patterns_link_to_the_plots_that_show_them() {
    let doc = get(&atlas(), "/patterns").await.html();
    let remote = attrs(&doc, "#remote-guidance .examples a", "href");
    assert!(remote.contains(&"/plots/2024-03-gera-stockholm".to_string()));
    assert!(
        !remote.contains(&"/plots/2023-12-cologne-vienna".to_string()),
        "Table 1 gives no remote contact for Dec. 2023"
    );
    let diaspora = attrs(&doc, "#diaspora-recruitment .examples a", "href");
    assert!(diaspora.contains(&"/plots/2020-04-north-rhine-westphalia".to_string()));
    // The policy dimensions moved to /policy (tests/it/wayfinding.rs); their anchors stay here.
    assert_eq!(doc.select(&sel("#policy li[id^=policy-]")).count(), 4);
    assert!(doc.select(&sel("#propaganda .examples a")).count() >= 1);
}

#[tokio::test]
async fn method_lists_every_data_note_and_the_exclusions() {
    let doc = get(&atlas(), "/method").await.html();
    let data = dataset();
    let plot_notes: usize = data.plots.iter().map(|p| p.data_notes.len()).sum();
    assert_eq!(
        doc.select(&sel("#data-notes h3 + ol"))
            .next()
            .map(|ol| ol.select(&sel(":scope > li")).count()),
        Some(plot_notes)
    );
    for n in &data.analysis.report_notes {
        assert_eq!(
            doc.select(&sel(&format!("#report-note-{}", n.id))).count(),
            1,
            "{}",
            n.id
        );
    }
    // Each plot note links to the note on its plot page.
    for href in attrs(&doc, "#data-notes > ol > li > a:first-child", "href") {
        let (path, anchor) = href.split_once('#').expect("anchored");
        let page = get(&atlas(), path).await.html();
        assert_eq!(page.select(&sel(&format!("[id='{anchor}']"))).count(), 1, "{href}");
    }
    let excluded = texts(&doc, ".excluded li");
    assert!(excluded.iter().any(|e| e.contains("Vienna Pride")), "{excluded:?}");
    assert!(excluded.iter().any(|e| e.contains("concert")), "{excluded:?}");
    assert_eq!(texts(&doc, "#definitions dt"), ["Terrorism", "Plot"]);
    let cite = texts(&doc, "#cite .citation");
    assert!(
        cite[0].contains("dataset version 1.2.0") && cite[1].starts_with("Krause, D. (2025)."),
        "{cite:?}"
    );
}

#[tokio::test]
async fn the_bibliography_is_ordered_anchored_and_says_who_cites_each_entry() {
    let doc = get(&atlas(), "/sources").await.html();
    let keys = ids(&doc, ".bibliography > li");
    assert_eq!(keys.len(), 83);
    let data = dataset();
    let expected: Vec<String> = data.sources.iter().map(|s| s.key.clone()).collect();
    assert_eq!(keys, expected);
    assert_eq!(keys.first().map(String::as_str), Some("amarasingam-2020"));
    assert_eq!(keys.last().map(String::as_str), Some("zelin-2024c"));
    let pos = |k: &str| keys.iter().position(|x| x == k).unwrap_or_else(|| panic!("{k}"));
    assert!(pos("zelin-2014") < pos("zelin-2024a") && pos("zelin-2024a") < pos("zelin-2024b"));
    assert!(pos("senyurt-willinger-2024") < pos("shurson-2024"), "Ş sorts as S");

    let soliev = doc.select(&sel("#soliev-2021 .cited-by")).next().expect("cited-by");
    let plot_links: Vec<String> = soliev
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .map(String::from)
        .collect();
    assert!(
        plot_links.contains(&"/plots/2020-04-north-rhine-westphalia".to_string()),
        "{plot_links:?}"
    );
    assert!(text(soliev).contains("The prototype (Germany, 2020)"));
    // Every entry is cited somewhere, and says where.
    assert_eq!(doc.select(&sel(".bibliography > li .cited-by")).count(), 83);
}

#[tokio::test]
async fn every_citation_on_every_page_resolves_to_a_bibliography_anchor() {
    let app = atlas();
    let sources = get(&app, "/sources").await.html();
    let anchors: BTreeSet<String> = ids(&sources, ".bibliography > li").into_iter().collect();
    let mut seen = 0;
    for path in page_paths() {
        let doc = get(&app, &path).await.html();
        for href in attrs(&doc, "a[href^='/sources#']", "href") {
            let key = &href["/sources#".len()..];
            assert!(anchors.contains(key), "{path}: {href}");
            seen += 1;
        }
    }
    assert!(seen > 100, "only {seen} citations found");
}

#[tokio::test]
async fn the_header_navigates_to_every_section() {
    let doc = get(&atlas(), "/patterns").await.html();
    assert_eq!(
        texts(&doc, ".site-nav a"),
        [
            "Plots",
            "Organisation",
            "Map",
            "Timeline",
            "Network",
            "Patterns",
            "Policy",
            "Method",
            "Sources"
        ]
    );
    assert_eq!(attrs(&doc, ".site-nav a[aria-current=page]", "href"), ["/patterns"]);
}
