//! `/offices/{id}`: each unit of the organisation on a page of its own, with its facts; `/offices`
//! keeps the hierarchy, each unit's summary and plots, and leads to the facts.

use axum::http::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn each_unit_has_a_page_with_its_facts_where_it_sits_and_its_plots() {
    let app = atlas();
    let data = dataset();
    for node in &data.org.nodes {
        let path = format!("/offices/{}", node.id);
        let page = get(&app, &path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let doc = page.html();
        assert_eq!(one_text(&doc, "h1"), node.name, "{path}");
        // The breadcrumb leads back to the whole organisation and marks this page.
        let crumbs = attrs(&doc, "nav.breadcrumb a", "href");
        assert_eq!(crumbs, ["/", "/offices", path.as_str()], "{path}");
        // Every fact, labelled as the data labels it.
        let labels = texts(&doc, "dl.node-facts dt");
        let expected: Vec<String> = node.facts.iter().map(|f| f.label.clone()).collect();
        assert_eq!(labels, expected, "{path}");
        // Its plots, each linked.
        let plots = attrs(&doc, "ul.node-plots > li > a:first-child", "href");
        let expected: Vec<String> = node.plots.iter().map(|l| format!("/plots/{}", l.slug)).collect();
        assert_eq!(plots, expected, "{path}");
        // The unit above it and those below it are one click away.
        let place = attrs(&doc, "ul.unit-place a", "href");
        if let Some(parent) = &node.parent {
            assert!(place.contains(&format!("/offices/{parent}")), "{path}: {place:?}");
        }
        for child in data.org.children(&node.id) {
            assert!(place.contains(&format!("/offices/{}", child.id)), "{path}: {place:?}");
        }
        assert!(place.contains(&format!("/offices#{}", node.id)), "{path}: {place:?}");
    }
}

#[tokio::test]
async fn the_overview_keeps_summaries_and_plots_and_links_each_units_facts() {
    let app = atlas();
    let data = dataset();
    let doc = get(&app, "/offices").await.html();
    assert_eq!(
        doc.select(&sel("dl.node-facts")).count(),
        0,
        "the facts are on the units' pages"
    );
    for node in &data.org.nodes {
        let item = format!("li#{} > .node-body", node.id);
        let more = attrs(&doc, &format!("{item} > .node-more a"), "href");
        if node.facts.is_empty() {
            assert!(more.is_empty(), "{}", node.id);
        } else {
            assert_eq!(more, [format!("/offices/{}", node.id)], "{}", node.id);
            let label = one_text(&doc, &format!("{item} > .node-more a"));
            assert!(label.contains(&node.facts.len().to_string()), "{}: {label}", node.id);
        }
        // The plots stay on the overview.
        let plots = doc.select(&sel(&format!("{item} > ul.node-plots > li"))).count();
        assert_eq!(plots, node.plots.len(), "{}", node.id);
    }
}

#[tokio::test]
async fn units_are_in_german_too_and_an_unknown_unit_is_not_found() {
    let app = atlas();
    let page = get(&app, "/de/offices/al-siddiq-office").await;
    assert_eq!(page.status, StatusCode::OK);
    let doc = page.html();
    assert_eq!(attrs(&doc, "html", "lang"), ["de"]);
    assert_eq!(one_text(&doc, "#facts-h"), "Fakten");
    let crumbs = attrs(&doc, "nav.breadcrumb a", "href");
    assert_eq!(crumbs, ["/de/", "/de/offices", "/de/offices/al-siddiq-office"]);
    let overview = get(&app, "/de/offices").await.html();
    let more = texts(&overview, "li#al-siddiq-office > .node-body > .node-more a");
    assert_eq!(more.len(), 1);
    assert!(more[0].contains("Angaben zu"), "{more:?}");
    for path in [
        "/offices/no-such-office",
        "/de/offices/no-such-office",
        "/offices/iskp/more",
    ] {
        assert_eq!(get(&app, path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_work_cited_for_a_units_facts_leads_to_the_units_page() {
    let app = atlas();
    let doc = get(&app, "/sources").await.html();
    let used_on = attrs(&doc, "dd a", "href");
    assert!(
        used_on.iter().any(|h| h == "/offices/al-siddiq-office"),
        "no source leads to a unit's page: {used_on:?}"
    );
    assert!(
        !used_on
            .iter()
            .any(|h| h.starts_with("/offices#") && h != "/offices#regional-offices")
    );
}
