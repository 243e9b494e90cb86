//! Issue 14 (helper `gates`): what the WCAG 2.2 / Lighthouse work changed, as a reader or a
//! crawler sees it.

use crate::helpers::{atlas, attrs, get, sel};

/// Lighthouse (and any crawler running in the page) fetches `/robots.txt` from the page's own
/// origin; the policy must allow exactly that and nothing more.
#[tokio::test]
async fn the_policy_lets_a_page_fetch_its_own_origin_and_nothing_else() {
    let app = atlas();
    for path in ["/", "/de/", "/map", "/robots.txt", "/missing"] {
        let page = get(&app, path).await;
        let csp = page.header("content-security-policy");
        let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
        assert!(directives.contains(&"connect-src 'self'"), "{path}: {csp}");
        assert!(directives.contains(&"default-src 'none'"), "{path}: {csp}");
        assert!(
            !directives.iter().any(|d| d.starts_with("script-src")),
            "{path}: no script allowed: {csp}"
        );
        assert!(
            !csp.contains('*') && !csp.contains("http"),
            "{path}: no other host: {csp}"
        );
    }
    let robots = get(&app, "/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(robots.body.contains("Sitemap:"), "{}", robots.body);
}

/// /patterns (issue 14): no chart bar links to an empty filter, the tallies' columns have distinct
/// headings, and every chart keeps its title, description and data table.
#[tokio::test]
async fn patterns_charts_link_only_to_filters_with_plots() {
    let app = atlas();
    for path in ["/patterns", "/de/patterns"] {
        let doc = get(&app, path).await.html();
        let charts = doc.select(&sel("svg.chart")).count();
        assert!(charts >= 4, "{path}: {charts} charts");
        assert_eq!(doc.select(&sel("svg.chart > title")).count(), charts, "{path}");
        assert_eq!(doc.select(&sel("svg.chart > desc")).count(), charts, "{path}");
        for href in attrs(&doc, "svg.chart a", "href") {
            let target = href.replace("&amp;", "&");
            let page = get(&app, &target).await;
            assert_eq!(page.status, 200, "{target}");
            let results = page.html().select(&sel("main a[href*='/plots/']")).count();
            assert!(results > 0, "{path}: a bar links to {target}, which lists no plot");
        }
        for row in doc.select(&sel("table.tally thead tr")) {
            let heads: Vec<String> = row.select(&sel("th")).map(crate::helpers::text).collect();
            let mut unique = heads.clone();
            unique.dedup();
            assert_eq!(unique.len(), heads.len(), "{path}: repeated column heading {heads:?}");
        }
    }
}

/// The maps (issue 14): markers moved out of a cluster keep a leader line to their true place;
/// the maps that are wider than a phone sit in a labelled frame that scrolls; the plot-country
/// fill is a colour of its own.
#[tokio::test]
async fn maps_draw_leaders_and_scroll_on_a_phone() {
    let app = atlas();
    for path in ["/map", "/", "/de/map"] {
        let doc = get(&app, path).await.html();
        assert!(
            doc.select(&sel("svg.map line.leader")).count() >= 2,
            "{path}: leader lines"
        );
        assert_eq!(
            doc.select(&sel("svg.map line.leader")).count(),
            doc.select(&sel("svg.map circle.true-point")).count(),
            "{path}: each leader ends at a dot"
        );
        for frame in doc.select(&sel(".map-frame")) {
            assert_eq!(frame.value().attr("role"), Some("region"), "{path}");
            assert_eq!(frame.value().attr("tabindex"), Some("0"), "{path}");
            assert!(frame.value().attr("aria-labelledby").is_some(), "{path}");
        }
        assert!(doc.select(&sel(".map-frame")).count() >= 1, "{path}");
    }
    // A plot's locator is small enough for a phone: no scrolling frame.
    let doc = get(&app, "/plots/2023-12-cologne-vienna").await.html();
    assert_eq!(doc.select(&sel(".locator .map-frame")).count(), 0);
    let href = attrs(&doc, "link[rel=stylesheet]", "href").pop().expect("stylesheet");
    let css = get(&app, &href).await;
    assert_eq!(css.status, 200, "{href}");
    assert!(
        css.body.contains("svg .legend-plot-country{fill: var(--plot-land);}"),
        "the plot-country fill and its key share one colour"
    );
    assert!(
        css.body.contains("--plot-land: #7f8c9b"),
        "3.2:1 against the other countries (#f5f6f8)"
    );
}
