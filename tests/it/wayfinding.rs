//! Finding one's way (issue 15): the menu's current section, breadcrumbs, `/policy`, the overview's
//! single numbered list of plots, the filters' stated logic and exact counts, compare's marks,
//! search's reasons and the 404 page's help.

use std::collections::BTreeMap;

use axum::http::StatusCode;

use crate::helpers::*;

/// The menu entry marked as current on `path`, with the kind of mark (`page` or `true`).
async fn current(app: &axum::Router, path: &str) -> Vec<(String, String)> {
    let doc = get(app, path).await.html();
    doc.select(&sel(".site-nav a[aria-current]"))
        .map(|a| {
            let v = a.value();
            (
                v.attr("href").unwrap_or_default().to_string(),
                v.attr("aria-current").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_menu_marks_the_current_section_on_every_kind_of_page() {
    let app = atlas();
    let cases = [
        ("/plots", "/plots", "page"),
        ("/plots?country=DE", "/plots", "true"),
        ("/plots/2022-11-strasbourg", "/plots", "true"),
        ("/plots/2022-11-strasbourg/changes", "/plots", "true"),
        (
            "/compare?plots=2022-11-strasbourg,2023-07-cologne-berlin",
            "/plots",
            "true",
        ),
        ("/briefing?plots=2022-11-strasbourg", "/plots", "true"),
        ("/offices", "/offices", "page"),
        ("/map", "/map", "page"),
        ("/timeline", "/timeline", "page"),
        ("/network", "/network", "page"),
        ("/patterns", "/patterns", "page"),
        ("/policy", "/policy", "page"),
        ("/method", "/method", "page"),
        ("/changelog", "/method", "true"),
        ("/sources", "/sources", "page"),
    ];
    for (path, entry, mark) in cases {
        assert_eq!(
            current(&app, path).await,
            [(entry.to_string(), mark.to_string())],
            "{path}"
        );
    }
    assert_eq!(
        current(&app, "/de/plots/2022-11-strasbourg").await,
        [("/de/plots".to_string(), "true".to_string())]
    );
    assert!(
        current(&app, "/").await.is_empty(),
        "the overview is the brand link, not a menu entry"
    );
}

#[tokio::test]
async fn network_policy_compare_briefing_and_changelog_are_two_steps_from_anywhere() {
    let app = atlas();
    let menu = attrs(&get(&app, "/sources").await.html(), ".site-nav a", "href");
    assert!(
        menu.contains(&"/network".to_string()) && menu.contains(&"/policy".to_string()),
        "{menu:?}"
    );
    let home = get(&app, "/").await.html();
    let guide = attrs(&home, "#use-h ~ .entry-points a", "href");
    for page in [
        "/network",
        "/policy",
        "/compare",
        "/briefing",
        "/changelog",
        "/plots",
        "/search",
    ] {
        assert!(
            guide.contains(&page.to_string()),
            "{page} not in the overview's guide: {guide:?}"
        );
    }
    // The guide comes before the figures, the map and Table 1.
    let ids = attrs(&home, "main h2", "id");
    assert_eq!(ids.first().map(String::as_str), Some("use-h"), "{ids:?}");
}

#[tokio::test]
async fn breadcrumbs_lead_to_the_plots_list_on_every_deep_page() {
    let app = atlas();
    for path in [
        "/plots/2022-11-strasbourg",
        "/plots/2022-11-strasbourg/changes",
        "/compare?plots=2022-11-strasbourg,2023-07-cologne-berlin",
        "/briefing?plots=2022-11-strasbourg",
        "/de/plots/2022-11-strasbourg",
    ] {
        let doc = get(&app, path).await.html();
        let hrefs = attrs(&doc, "nav.breadcrumb a", "href");
        let de = if path.starts_with("/de") { "/de" } else { "" };
        assert_eq!(hrefs.first(), Some(&format!("{de}/")), "{path}");
        assert_eq!(hrefs.get(1), Some(&format!("{de}/plots")), "{path}: {hrefs:?}");
        assert_eq!(
            attrs(&doc, "nav.breadcrumb a[aria-current=page]", "href").len(),
            1,
            "{path}"
        );
        assert!(!hrefs.iter().any(|h| h.contains("#plots")), "{path}: {hrefs:?}");
    }
}

#[tokio::test]
async fn policy_has_its_own_page_and_patterns_points_there() {
    let app = atlas();
    let page = get(&app, "/policy").await;
    assert_eq!(page.status, StatusCode::OK);
    let doc = page.html();
    assert_eq!(texts(&doc, "h1").len(), 1);
    let dimensions = dataset().analysis.policy;
    assert_eq!(doc.select(&sel("#policy article.block")).count(), dimensions.len());
    assert_eq!(dimensions.len(), 4);
    for d in &dimensions {
        assert!(doc.select(&sel(&format!("article#policy-{} .evidence", d.id))).count() >= 1);
    }
    assert_eq!(attrs(&doc, "nav.toc a", "href").len(), 4);
    // /patterns keeps the old anchors, now pointing on to /policy.
    let patterns = get(&app, "/patterns").await.html();
    assert_eq!(patterns.select(&sel("#policy article")).count(), 0);
    let pointer = attrs(&patterns, "#policy a", "href");
    assert!(pointer.contains(&"/policy".to_string()), "{pointer:?}");
    for d in &dimensions {
        let id = format!("policy-{}", d.id);
        assert_eq!(patterns.select(&sel(&format!("#policy #{id}"))).count(), 1, "{id}");
        assert!(pointer.contains(&format!("/policy#{id}")), "{pointer:?}");
    }
    // In German too, and listed where permanent pages are.
    let de = get(&app, "/de/policy").await;
    assert_eq!(de.status, StatusCode::OK);
    assert_eq!(attrs(&de.html(), "html", "lang"), ["de"]);
    let sitemap = get(&app, "/sitemap.xml").await.body;
    assert!(
        sitemap.contains("/policy</loc>") && sitemap.contains("/de/policy</loc>"),
        "{sitemap}"
    );
    let search = get(&app, "/search?q=intelligence").await.html();
    let hits = attrs(&search, "main a", "href");
    assert!(!hits.iter().any(|h| h.starts_with("/patterns#policy")), "{hits:?}");
}

#[tokio::test]
async fn the_overview_lists_the_plots_once_numbered_like_the_map() {
    let doc = get(&atlas(), "/").await.html();
    let on_map: BTreeMap<String, String> = doc
        .select(&sel("svg.map .plots a"))
        .map(|a| {
            let href = a.value().attr("href").unwrap_or_default().to_string();
            let n = a.select(&sel("text.plot-number")).map(text).collect::<String>();
            (href, n)
        })
        .collect();
    let in_table: BTreeMap<String, String> = doc
        .select(&sel(".table1 tbody th"))
        .map(|th| {
            let href = th
                .select(&sel("a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default();
            (href.to_string(), th.select(&sel(".plot-no")).map(text).collect())
        })
        .collect();
    assert_eq!(in_table.len(), 7);
    assert_eq!(on_map, in_table);
}

/// The options of one filter group on a page: (value, count shown, ticked).
fn options(doc: &scraper::Html, param: &str) -> Vec<(String, usize, bool)> {
    doc.select(&sel(&format!("input[type=checkbox][name={param}]")))
        .map(|input| {
            let label = input.parent().and_then(scraper::ElementRef::wrap).expect("label");
            let count = label
                .select(&sel(".count"))
                .map(text)
                .collect::<String>()
                .trim_matches(|c| c == '(' || c == ')')
                .parse()
                .expect("a count");
            let v = input.value();
            (
                v.attr("value").unwrap_or_default().to_string(),
                count,
                v.attr("checked").is_some(),
            )
        })
        .collect()
}

fn listed(doc: &scraper::Html) -> usize {
    doc.select(&sel(".results .result-list > li")).count()
}

#[tokio::test]
async fn each_count_is_what_ticking_that_option_would_list() {
    let app = atlas();
    for base in [
        "",
        "nationality=tajik",
        "nationality=tajik&nationality_mode=all",
        "country=DE&year=2023",
        "country=DE&nationality=russian&target=religious-site",
        "nationality=tajik&nationality=russian&nationality_mode=all&year=2022",
    ] {
        let doc = get(&app, &format!("/plots?{base}")).await.html();
        for param in ["country", "year", "nationality", "target", "handler", "outcome"] {
            for (value, count, ticked) in options(&doc, param) {
                let with = if ticked {
                    format!("/plots?{base}")
                } else {
                    format!("/plots?{base}&{param}={}", value.replace('/', "%2F"))
                };
                let after = get(&app, &with).await.html();
                assert_eq!(listed(&after), count, "{base}: {param}={value} shows ({count})");
            }
        }
    }
}

#[tokio::test]
async fn counts_on_combinations_are_pinned() {
    let app = atlas();
    let count_of = |doc: &scraper::Html, param: &str, value: &str| {
        options(doc, param)
            .into_iter()
            .find(|(v, _, _)| v == value)
            .map(|(_, n, _)| n)
            .unwrap_or_else(|| panic!("{param}={value} offered"))
    };
    // The reader's case: with Tajik ticked, ticking Russian too lists six plots (any of).
    let doc = get(&app, "/plots?nationality=tajik").await.html();
    assert_eq!(listed(&doc), 4);
    assert_eq!(count_of(&doc, "nationality", "russian"), 6);
    assert_eq!(count_of(&doc, "nationality", "tajik"), 4);
    assert_eq!(count_of(&doc, "nationality", "afghan"), 5);
    assert_eq!(count_of(&doc, "country", "DE"), 3);
    assert_eq!(count_of(&doc, "country", "FR"), 1);
    // All of: plots with Tajik and Russian suspects are Strasbourg and Cologne/Vienna.
    let doc = get(&app, "/plots?nationality=tajik&nationality_mode=all").await.html();
    assert_eq!(count_of(&doc, "nationality", "russian"), 2);
    assert_eq!(count_of(&doc, "nationality", "kyrgyz"), 1);
    assert_eq!(count_of(&doc, "nationality", "afghan"), 0);
    let both = get(
        &app,
        "/plots?nationality=Tajik&nationality=Russian&nationality_mode=all",
    )
    .await
    .html();
    assert_eq!(
        attrs(&both, ".results .result-list input[name=plots]", "value"),
        ["2022-11-strasbourg", "2023-12-cologne-vienna"]
    );
    assert_eq!(one_text(&both, "h1"), "Plots: 2 of 7 match");
    // Existing addresses keep their meaning: without the mode, values in a group add up.
    let either = get(&app, "/plots?nationality=Tajik&nationality=Russian").await.html();
    assert_eq!(listed(&either), 6);
    // Countries with a year: Germany or France in 2023.
    let doc = get(&app, "/plots?country=DE&year=2023").await.html();
    assert_eq!(count_of(&doc, "country", "FR"), 2);
    assert_eq!(count_of(&doc, "country", "SE"), 2);
    assert_eq!(count_of(&doc, "year", "2022"), 3);
}

#[tokio::test]
async fn each_group_says_how_it_combines() {
    let app = atlas();
    let doc = get(&app, "/plots").await.html();
    let modes = texts(&doc, "fieldset.facet legend .facet-mode");
    assert_eq!(modes, vec!["(any of)"; 6]);
    let logic = one_text(&doc, ".facet-logic");
    assert!(
        logic.contains("any one of the ticked options") && logic.contains("every group"),
        "{logic}"
    );
    assert_eq!(attrs(&doc, "input[name=nationality_mode][checked]", "value"), ["any"]);
    let doc = get(&app, "/plots?nationality=tajik&nationality_mode=all").await.html();
    let modes = texts(&doc, "fieldset.facet legend .facet-mode");
    assert_eq!(modes.iter().filter(|m| *m == "(all of)").count(), 1, "{modes:?}");
    assert_eq!(attrs(&doc, "input[name=nationality_mode][checked]", "value"), ["all"]);
    // The mode stays in the address (chips keep it), and in German the groups say it too.
    let removes = attrs(
        &get(&app, "/plots?nationality=tajik&nationality_mode=all&year=2023")
            .await
            .html(),
        ".chips a",
        "href",
    );
    assert!(
        removes.contains(&"/plots?nationality=tajik&nationality_mode=all".to_string()),
        "{removes:?}"
    );
    let de = get(&app, "/de/plots").await.html();
    assert_eq!(texts(&de, "fieldset.facet legend .facet-mode"), vec!["(eine davon)"; 6]);
    // Apply is reachable above and below the groups.
    assert_eq!(
        doc.select(&sel(".facets > .facet-actions button[type=submit]")).count(),
        2
    );
}

#[tokio::test]
async fn options_keep_their_order_whatever_is_ticked() {
    let app = atlas();
    let order = |doc: &scraper::Html, param: &str| -> Vec<String> {
        options(doc, param).into_iter().map(|(v, _, _)| v).collect()
    };
    let plain = get(&app, "/plots").await.html();
    for q in [
        "nationality=russian",
        "country=FR",
        "year=2024&handler=IR",
        "nationality=tajik&nationality_mode=all",
    ] {
        let doc = get(&app, &format!("/plots?{q}")).await.html();
        for param in ["country", "year", "nationality", "target", "handler", "outcome"] {
            assert_eq!(order(&doc, param), order(&plain, param), "{q}: {param}");
        }
    }
}

#[tokio::test]
async fn a_ticked_plot_outside_the_filters_is_kept_and_named() {
    let app = atlas();
    let doc = get(&app, "/plots?nationality=afghan&plots=2022-11-strasbourg")
        .await
        .html();
    let note = one_text(&doc, ".outside p");
    assert!(note.contains("outside these filters"), "{note}");
    assert_eq!(
        attrs(&doc, ".outside input[name=plots][checked]", "value"),
        ["2022-11-strasbourg"]
    );
    // Inside the filter, a ticked plot is ticked in the list and no message shows.
    let doc = get(&app, "/plots?nationality=russian&plots=2022-11-strasbourg")
        .await
        .html();
    assert_eq!(doc.select(&sel(".outside")).count(), 0);
    assert_eq!(
        attrs(&doc, ".result-list input[name=plots][checked]", "value"),
        ["2022-11-strasbourg"]
    );
}

#[tokio::test]
async fn compare_marks_differences_neutrally_and_data_notes_with_the_flag() {
    let app = atlas();
    let data = dataset();
    let slugs = ["2022-11-strasbourg", "2023-12-cologne-vienna"];
    let path = format!("/compare?plots={}", slugs.join(","));
    let doc = get(&app, &path).await.html();
    let differing = doc.select(&sel(".compare-plots tr.differs")).count();
    assert!(differing > 0);
    assert_eq!(
        doc.select(&sel(".compare-plots tr.differs .differs-mark")).count(),
        differing
    );
    // ⚑ only for data notes: never on a row header, and each plot's notes link from its cells.
    for th in texts(&doc, ".compare-plots th") {
        assert!(!th.contains('⚑'), "{th}");
    }
    let notes = attrs(&doc, ".compare-plots td a.note-mark", "href");
    for slug in slugs {
        let plot = data.plot(slug).expect("plot");
        for n in 1..=plot.data_notes.len() {
            let href = format!("/plots/{slug}#note-{n}");
            assert!(notes.contains(&href), "{href} not flagged: {notes:?}");
        }
    }
    // Only the differing rows, on request.
    let only = get(&app, &format!("{path}&diff=only")).await.html();
    let rows = only.select(&sel(".compare-plots tbody tr:not(.group)")).count();
    assert_eq!(rows, differing);
    assert_eq!(only.select(&sel(".compare-plots tbody tr.differs")).count(), differing);
    // On to the same plots' list (ticked) and briefing pack.
    let links = attrs(&doc, ".compare-actions a", "href");
    let chosen = format!("/plots?plots={}", slugs.join(","));
    assert!(links.contains(&chosen), "{links:?}");
    assert!(
        links.contains(&format!("/briefing?plots={}", slugs.join(","))),
        "{links:?}"
    );
    let list = get(&app, &chosen).await.html();
    assert_eq!(attrs(&list, ".result-list input[name=plots][checked]", "value"), slugs);
    // One plot chosen: the chooser keeps it ticked.
    let one = get(&app, "/compare?plots=2022-11-strasbourg").await.html();
    assert_eq!(
        attrs(&one, "form.chooser input[checked]", "value"),
        ["2022-11-strasbourg"]
    );
}

#[tokio::test]
async fn sources_jump_by_letter_and_filter_by_plot() {
    let app = atlas();
    let doc = get(&app, "/sources").await.html();
    let ids: Vec<String> = attrs(&doc, ".bibliography > li", "id");
    let jumps = attrs(&doc, "nav.az a", "href");
    assert!(jumps.len() >= 10, "{jumps:?}");
    for j in &jumps {
        assert!(ids.contains(&j[1..].to_string()), "{j} leads nowhere");
    }
    let letters = texts(&doc, "nav.az a");
    let mut sorted = letters.clone();
    sorted.sort();
    assert_eq!(letters, sorted, "A to Z");
    let doc = get(&app, "/sources?plot=2022-11-strasbourg").await.html();
    let entries = doc.select(&sel(".bibliography > li")).count();
    assert!(entries > 0 && entries < ids.len(), "{entries}");
    for li in doc.select(&sel(".bibliography > li")) {
        let plots: Vec<_> = li
            .select(&sel(".cited-by a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(plots.contains(&"/plots/2022-11-strasbourg"), "{plots:?}");
    }
    assert_eq!(
        attrs(&doc, "select[name=plot] option[selected]", "value"),
        ["2022-11-strasbourg"]
    );
    let unknown = get(&app, "/sources?plot=nowhere").await.html();
    assert_eq!(unknown.select(&sel(".bibliography > li")).count(), ids.len());
    assert!(texts(&unknown, ".notices li").iter().any(|n| n.contains("nowhere")));
}

#[tokio::test]
async fn method_has_contents_and_patterns_tables_sit_behind_their_charts() {
    let app = atlas();
    let doc = get(&app, "/method").await.html();
    let ids = attrs(&doc, "[id]", "id");
    let toc = attrs(&doc, "nav.toc a", "href");
    assert!(toc.len() >= 8, "{toc:?}");
    for href in toc {
        assert!(ids.contains(&href[1..].to_string()), "{href}");
    }
    let doc = get(&app, "/patterns").await.html();
    let behind = doc
        .select(&sel("figure.chart-figure + details.chart-table table.tally"))
        .count();
    assert_eq!(behind, doc.select(&sel("figure.chart-figure")).count());
    assert_eq!(doc.select(&sel("details.chart-table[open]")).count(), 0);
}

#[tokio::test]
async fn a_plot_page_opens_with_its_key_facts_and_contents() {
    let doc = get(&atlas(), "/plots/2022-11-strasbourg").await.html();
    let facts: Vec<String> = texts(&doc, ".key-facts dt");
    assert_eq!(
        facts,
        ["Date", "Location", "Cell size", "Target", "Handler country", "Outcome"]
    );
    let values = texts(&doc, ".key-facts dd");
    assert_eq!(values[2], "2: Russian 1, Tajik 1");
    assert!(values[4].starts_with("Afghanistan"), "{values:?}");
    // The key facts and the locator come before the summary; the contents list every section.
    let order = attrs(
        &doc,
        "main section[aria-labelledby], main figure.locator, main nav.toc",
        "class",
    );
    assert!(order.first().is_some_and(|c| c == "key-facts"), "{order:?}");
    let ids = attrs(&doc, "[id]", "id");
    for href in attrs(&doc, "nav.toc a", "href") {
        assert!(ids.contains(&href[1..].to_string()), "{href}");
    }
}

#[tokio::test]
async fn search_says_where_each_hit_matched_and_the_snippet_comes_from_there() {
    let app = atlas();
    let data = dataset();
    let doc = get(&app, "/search?q=Tajik").await.html();
    let mut plots = 0;
    for li in doc.select(&sel(".search-group:first-of-type .hits > li")) {
        plots += 1;
        let href = li
            .select(&sel("a.hit-title"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap_or_default();
        let plot = data.plot(href.trim_start_matches("/plots/")).expect("a plot");
        let place = li.select(&sel(".matched-in")).map(text).collect::<String>();
        assert_eq!(place, "matched in Table 1 · Nationality of suspects", "{href}");
        let snippet = li.select(&sel(".snippet")).map(text).collect::<String>();
        assert_eq!(snippet, plot.table1.nationality, "{href}: the snippet is the cell");
    }
    assert_eq!(plots, 4);
    // A word only the summary has: the snippet comes from the summary, and says so.
    let doc = get(&app, "/search?q=Telegram").await.html();
    let places = texts(&doc, ".hits .matched-in");
    assert!(places.iter().any(|p| p == "matched in Summary"), "{places:?}");
    // In German, in German words.
    let de = get(&app, "/de/search?q=Tadschikisch").await.html();
    let places = texts(&de, ".hits .matched-in");
    assert!(
        places
            .iter()
            .any(|p| p == "gefunden in: Tabelle 1 · Staatsangehörigkeit"),
        "{places:?}"
    );
}

#[tokio::test]
async fn search_explains_its_order_and_can_order_plots_by_date() {
    let app = atlas();
    let doc = get(&app, "/search?q=Telegram").await.html();
    let order = one_text(&doc, ".search-order");
    assert!(order.contains("best match leads"), "{order}");
    assert_eq!(attrs(&doc, ".search-order a", "href"), ["/search?q=Telegram&sort=date"]);
    let by_date = get(&app, "/search?q=Telegram&sort=date").await.html();
    let plots: Vec<String> = attrs(&by_date, ".hits a.hit-title[href^='/plots/']", "href");
    let mut sorted = plots.clone();
    sorted.sort();
    assert!(plots.len() >= 3);
    assert_eq!(plots, sorted, "oldest first");
    assert_eq!(attrs(&by_date, ".search-order a", "href"), ["/search?q=Telegram"]);
}

#[tokio::test]
async fn search_offers_the_same_question_as_a_filter() {
    let app = atlas();
    for (q, filter) in [
        ("Tajik", "/plots?nationality=tajik"),
        ("Germany 2023", "/plots?country=DE&year=2023"),
        ("religious site", "/plots?target=religious-site"),
    ] {
        let doc = get(&app, &format!("/search?q={}", q.replace(' ', "+"))).await.html();
        assert_eq!(attrs(&doc, ".as-filter a", "href"), [filter], "{q}");
    }
    let list = get(&app, "/plots?country=DE&year=2023").await.html();
    assert_eq!(listed(&list), 2);
    let de = get(&app, "/de/search?q=Deutschland").await.html();
    assert_eq!(attrs(&de, ".as-filter a", "href"), ["/de/plots?country=DE"]);
    let none = get(&app, "/search?q=Telegram").await.html();
    assert_eq!(none.select(&sel(".as-filter")).count(), 0);
}

#[tokio::test]
async fn the_404_page_offers_a_search_for_what_the_address_named() {
    let app = atlas();
    let doc = get(&app, "/plots/2022-11-strasburg").await.html();
    assert_eq!(attrs(&doc, "main input[name=q]", "value"), ["strasburg"]);
    let doc = get(&app, "/de/plots/koeln-wien").await.html();
    assert_eq!(attrs(&doc, "main input[name=q]", "value"), ["koeln wien"]);
    let doc = get(&app, "/x/%3Cb%3Eevil%3C%2Fb%3E").await.html();
    assert_eq!(doc.select(&sel("main b")).count(), 0);
    assert_eq!(attrs(&doc, "main input[name=q]", "value"), ["b evil b"]);
    // One search box per page: the search page has no second one in the header.
    let search = get(&app, "/search?q=Tajik").await.html();
    assert_eq!(search.select(&sel("input[type=search]")).count(), 1);
}

#[tokio::test]
async fn a_plot_page_leads_to_its_works_in_the_bibliography() {
    let doc = get(&atlas(), "/plots/2022-11-strasbourg").await.html();
    let links = attrs(&doc, "a[href^='/sources?plot=']", "href");
    assert_eq!(links, ["/sources?plot=2022-11-strasbourg"]);
}

#[tokio::test]
async fn method_jumps_to_each_plots_data_notes() {
    let data = dataset();
    let doc = get(&atlas(), "/method").await.html();
    let with_notes: Vec<&str> = data
        .plots
        .iter()
        .filter(|p| !p.data_notes.is_empty())
        .map(|p| p.slug.as_str())
        .collect();
    let jumps = attrs(&doc, ".note-jumps a", "href");
    assert_eq!(jumps.len(), with_notes.len());
    for (href, slug) in jumps.iter().zip(&with_notes) {
        assert_eq!(href, &format!("#notes-{slug}"));
        assert_eq!(
            doc.select(&sel(&format!("#data-notes li#notes-{slug}"))).count(),
            1,
            "{slug}"
        );
    }
    let counts: usize = texts(&doc, ".note-jumps li")
        .iter()
        .filter_map(|t| t.rsplit('(').next()?.trim_end_matches(')').parse::<usize>().ok())
        .sum();
    assert_eq!(counts, data.plots.iter().map(|p| p.data_notes.len()).sum::<usize>());
}
