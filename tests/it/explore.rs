//! `/plots` facets, `/search`, `/compare` and `/briefing`, with JavaScript off: plain GET forms,
//! state in the URL, bad input explained and never a server error.

use axum::http::StatusCode;

use crate::helpers::*;

fn result_slugs(doc: &scraper::Html) -> Vec<String> {
    attrs(doc, ".result-list input[name=plots]", "value")
}

#[tokio::test]
async fn each_filter_alone_and_combined() {
    let app = atlas();
    let cases: [(&str, &[&str]); 6] = [
        ("/plots?country=AT", &["2023-12-cologne-vienna"]),
        (
            "/plots?year=2022",
            &["2022-09-iserlohn-bremerhaven", "2022-11-strasbourg"],
        ),
        (
            "/plots?nationality=tajik&nationality=Afghan",
            &[
                "2020-04-north-rhine-westphalia",
                "2022-11-strasbourg",
                "2023-07-cologne-berlin",
                "2023-12-cologne-vienna",
                "2024-03-gera-stockholm",
            ],
        ),
        (
            "/plots?target=police",
            &["2022-09-iserlohn-bremerhaven", "2024-03-gera-stockholm"],
        ),
        (
            "/plots?handler=TR&outcome=charges-dropped-or-reduced",
            &["2023-07-cologne-berlin"],
        ),
        (
            "/plots?country=DE&year=2023&nationality=Tajik",
            &["2023-07-cologne-berlin", "2023-12-cologne-vienna"],
        ),
    ];
    for (url, expected) in cases {
        let page = get(&app, url).await;
        assert_eq!(page.status, StatusCode::OK, "{url}");
        assert_eq!(result_slugs(&page.html()), expected.to_vec(), "{url}");
    }
}

#[tokio::test]
async fn facet_counts_reflect_the_other_filters_and_the_url_holds_the_state() {
    let doc = get(&atlas(), "/plots?country=DE&year=2023").await.html();
    assert_eq!(one_text(&doc, "h1"), "Plots: 2 of 7 match");
    // Checked boxes mirror the URL.
    assert_eq!(attrs(&doc, "input[name=country][checked]", "value"), ["DE"]);
    assert_eq!(attrs(&doc, "input[name=year][checked]", "value"), ["2023"]);
    // A year's count is what ticking it too would list (years combine with OR): the two plots of
    // 2023 in Germany plus Germany's one plot of 2020, or its two of 2024 (changed in issue 15:
    // the counts were those of each year alone, which is not what ticking it gives)...
    let label = |value: &str| {
        doc.select(&sel(&format!("input[name=year][value='{value}']")))
            .next()
            .and_then(|i| i.parent())
            .and_then(scraper::ElementRef::wrap)
            .map(text)
            .unwrap_or_default()
    };
    assert_eq!(label("2020"), "2020 (3)");
    assert_eq!(label("2024"), "2024 (4)");
    assert_eq!(label("2023"), "2023 (2)", "a ticked year counts the list as it is");
    // ... and a chip removes one filter while keeping the other.
    let removes = attrs(&doc, ".chips a", "href");
    assert!(removes.contains(&"/plots?year=2023".to_string()), "{removes:?}");
    assert!(removes.contains(&"/plots?country=DE".to_string()), "{removes:?}");
    // Apply and Clear above and below the filters (issue 15).
    assert_eq!(attrs(&doc, ".facet-actions a", "href"), ["/plots", "/plots"]);
    // One GET form, also carrying the ticked plots to /compare and /briefing.
    assert_eq!(attrs(&doc, "form.explore", "method"), ["get"]);
    assert_eq!(
        attrs(&doc, ".pick-actions button", "formaction"),
        ["/compare", "/briefing"]
    );
}

#[tokio::test]
async fn an_empty_result_helps_and_bad_parameters_are_explained() {
    let app = atlas();
    let doc = get(&app, "/plots?country=FR&handler=IR").await.html();
    assert!(result_slugs(&doc).is_empty());
    assert!(one_text(&doc, ".empty").contains("No plot matches"));
    for url in [
        "/plots?country=XX",
        "/plots?year=%FF%FE",
        "/plots?colour=red&year=2023",
        "/plots?year=2023&year=2023&year=",
        "/plots?%20=%20&&&=",
        "/plots?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ] {
        let page = get(&app, url).await;
        assert_eq!(page.status, StatusCode::OK, "{url}");
        let doc = page.html();
        assert_eq!(doc.select(&sel("main script")).count(), 0, "{url}");
    }
    let doc = get(&app, "/plots?country=XX&colour=red").await.html();
    let notices = texts(&doc, ".notices li");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(result_slugs(&doc).len(), 7, "ignored filters do not filter");
    let doc = get(&app, "/plots?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await
        .html();
    assert!(
        texts(&doc, ".notices li")[0].contains("<script>alert(1)</script>"),
        "shown as text"
    );
}

#[tokio::test]
async fn search_understands_aliases_and_accents_and_escapes_input() {
    let app = atlas();
    for (q, expect) in [
        ("K%C3%B6ln", "/plots/2023-12-cologne-vienna"),
        ("koeln", "/plots/2023-12-cologne-vienna"),
        ("Wien", "/plots/2023-12-cologne-vienna"),
        ("ISIS-K", "/offices#iskp"),
        ("NRW", "/plots/2020-04-north-rhine-westphalia"),
        ("senyurt", "/sources#senyurt-willinger-2024"),
        ("TELEGRAM", "/patterns#remote-guidance"),
    ] {
        let doc = get(&app, &format!("/search?q={q}")).await.html();
        let hrefs = attrs(&doc, ".hit-title", "href");
        assert!(hrefs.contains(&expect.to_string()), "{q}: {hrefs:?}");
        assert!(doc.select(&sel(".snippet mark")).count() > 0, "{q}: nothing marked");
    }
    let doc = get(&app, "/search?q=Tajik").await.html();
    let groups = texts(&doc, ".search-group h2");
    assert!(groups[0].starts_with("Plots"), "{groups:?}");
    let doc = get(&app, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await.html();
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(one_text(&doc, "h1"), "Results for “<script>alert(1)</script>”");
    assert_eq!(attrs(&doc, "#search-q", "value"), ["<script>alert(1)</script>"]);
    assert!(one_text(&doc, ".result-count").contains("Nothing found"));
    assert_eq!(
        get(&app, &format!("/search?q={}", "a".repeat(5000))).await.status,
        StatusCode::OK
    );
    // The header search box is a plain GET form on every page.
    let home = get(&app, "/").await.html();
    assert_eq!(attrs(&home, "form.site-search", "action"), ["/search"]);
    assert_eq!(attrs(&home, "form.site-search input[type=search]", "name"), ["q"]);
}

#[tokio::test]
async fn compare_aligns_fields_and_marks_differences() {
    let app = atlas();
    let doc = get(&app, "/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna")
        .await
        .html();
    assert_eq!(
        attrs(&doc, ".compare-plots thead a", "href"),
        ["/plots/2022-11-strasbourg", "/plots/2023-12-cologne-vienna"]
    );
    let row = |id: &str| texts(&doc, &format!("#row-{id} td"));
    assert_eq!(row("date"), ["11/2022", "12/2023"]);
    assert_eq!(row("cell_size"), ["2", "5"]);
    assert_eq!(
        attrs(&doc, "#row-weapons_and_preparation", "class"),
        Vec::<String>::new(),
        "both 'Unclear'"
    );
    assert_eq!(attrs(&doc, "#row-date", "class"), ["differs"]);
    assert_eq!(doc.select(&sel(".compare-plots tbody th[scope=row]")).count(), 17);
}

#[tokio::test]
async fn compare_and_briefing_ignore_unknown_slugs_with_a_message() {
    let app = atlas();
    let page = get(
        &app,
        "/compare?plots=2022-11-strasbourg,nope-1999&plots=2024-03-gera-stockholm",
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    let doc = page.html();
    assert!(texts(&doc, ".notices li").iter().any(|n| n.contains("nope-1999")));
    assert_eq!(doc.select(&sel(".compare-plots thead a")).count(), 2);
    for url in ["/compare", "/compare?plots=nope", "/compare?plots=2022-11-strasbourg"] {
        let doc = get(&app, url).await.html();
        assert!(
            texts(&doc, ".notices li").iter().any(|n| n.contains("at least two")),
            "{url}"
        );
        assert_eq!(doc.select(&sel("form.chooser input[name=plots]")).count(), 7, "{url}");
    }
    let doc = get(&app, "/briefing?plots=zzz").await.html();
    assert!(texts(&doc, ".notices li").iter().any(|n| n.contains("zzz")));
    assert_eq!(doc.select(&sel("form.chooser")).count(), 1);
}

#[tokio::test]
async fn all_seven_plots_can_be_compared_and_briefed_at_once() {
    let app = atlas();
    let all: Vec<String> = dataset().plots.iter().map(|p| p.slug.clone()).collect();
    let doc = get(&app, &format!("/compare?plots={}", all.join(","))).await.html();
    assert_eq!(doc.select(&sel(".compare-plots thead a")).count(), 7);
    let doc = get(&app, &format!("/briefing?plots={}", all.join(","))).await.html();
    assert_eq!(doc.select(&sel("section.briefing-plot")).count(), 7);
    assert!(texts(&doc, ".notices li").is_empty());
}

#[tokio::test]
async fn the_briefing_pack_has_a_cover_a_page_per_plot_and_the_sources() {
    let doc = get(
        &atlas(),
        "/briefing?plots=2022-11-strasbourg&plots=2024-03-gera-stockholm",
    )
    .await
    .html();
    let cover = one_text(&doc, ".briefing-cover .cover-facts");
    assert!(
        cover.contains("version 1.2.0") && cover.contains("Krause, D. (2025)"),
        "{cover}"
    );
    assert_eq!(doc.select(&sel("section.briefing-plot")).count(), 2);
    // Printed on paper, so absolute: from the Host header when --public-url is not given.
    let urls = texts(&doc, ".briefing-plot .permanent a");
    assert_eq!(
        urls,
        [
            "http://atlas.test:3000/plots/2022-11-strasbourg",
            "http://atlas.test:3000/plots/2024-03-gera-stockholm"
        ]
    );
    let refs = texts(&doc, ".briefing-sources .references li");
    assert!(refs.iter().any(|r| r.starts_with("Seelow, Soren. 2023.")));
    assert!(refs.iter().any(|r| r.starts_with("Hemmerling, Axel")));
}
