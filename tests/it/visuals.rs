//! The pictures: well-formed SVG with a title and description, only the atlas's own links,
//! markers that lead to the right plot, and charts whose numbers are the derived figures.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;

use crate::helpers::*;

/// The inline `<svg>…</svg>` elements of a page, as text.
fn svgs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("<svg") {
        let Some(len) = rest[start..].find("</svg>") else { break };
        out.push(rest[start..start + len + 6].to_string());
        rest = &rest[start + len + 6..];
    }
    out
}

#[tokio::test]
async fn every_svg_is_well_formed_titled_and_links_only_inside_the_atlas() {
    let app = atlas();
    let mut sizes = BTreeMap::new();
    for path in [
        "/",
        "/map",
        "/timeline",
        "/network",
        "/patterns",
        "/plots/2022-11-strasbourg",
        "/plots/2024-03-gera-stockholm",
    ] {
        let page = get(&app, path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let found = svgs(&page.body);
        assert!(!found.is_empty(), "{path} has no picture");
        for (i, svg) in found.iter().enumerate() {
            let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{path} svg {i}: {e}"));
            let root = doc.root_element();
            if root.attribute("aria-hidden") == Some("true") {
                // A legend symbol: its text stands beside it.
                continue;
            }
            let labelled = root.attribute("aria-labelledby").unwrap_or_default();
            let child = |tag: &str| root.children().find(|n| n.has_tag_name(tag));
            let title = child("title").unwrap_or_else(|| panic!("{path} svg {i}: no <title>"));
            let desc = child("desc").unwrap_or_else(|| panic!("{path} svg {i}: no <desc>"));
            assert!(
                labelled.contains(title.attribute("id").unwrap_or("?"))
                    && labelled.contains(desc.attribute("id").unwrap_or("?"))
            );
            assert!(!desc.text().unwrap_or_default().trim().is_empty());
            for node in doc.descendants() {
                for attr in ["href", "src"] {
                    if let Some(v) = node.attribute(attr) {
                        assert!(
                            v.starts_with('/') || v.starts_with('#'),
                            "{path}: {attr}={v} leaves the atlas"
                        );
                    }
                }
                if let Some(fill) = node.attribute("fill") {
                    assert!(fill.starts_with("url(#"), "{path}: fill={fill}");
                }
            }
            sizes.insert(format!("{path} #{i}"), svg.len());
        }
    }
    // The whole map stays small enough to inline (issue target: under 60 KB).
    let largest = sizes
        .iter()
        .filter(|(k, _)| k.starts_with("/map"))
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    assert!(largest < 60_000, "map is {largest} bytes: {sizes:?}");
}

#[tokio::test]
async fn map_markers_link_their_plots() {
    let doc = get(&atlas(), "/map").await.html();
    let data = dataset();
    let mut linked = BTreeSet::new();
    for a in doc.select(&sel("svg.map g.plots a")) {
        let href = a.value().attr("href").expect("href");
        let slug = href.trim_start_matches("/plots/");
        let plot = data.plot(slug).unwrap_or_else(|| panic!("{href} is no plot"));
        let title = a.select(&sel("title")).next().map(text).unwrap_or_default();
        assert!(title.ends_with(&plot.place_label), "{href}: {title}");
        linked.insert(slug.to_string());
    }
    assert_eq!(linked.len(), data.plots.len());
    // Handler countries are marked and link to the plots they guided.
    let handlers = attrs(&doc, "svg.map g.handlers a", "href");
    assert_eq!(handlers.len(), 4, "{handlers:?}");
    assert!(handlers.contains(&"/plots?handler=IR".to_string()));
    // Hedged guidance is drawn differently from stated guidance.
    assert!(doc.select(&sel("svg.map path.link.hedged")).count() >= 2);
    assert!(doc.select(&sel("svg.map path.link:not(.hedged)")).count() >= 2);
    assert_eq!(doc.select(&sel("svg.map g.arrests rect")).count(), 2);
    // The numbered key matches the markers.
    assert_eq!(doc.select(&sel(".map-key li")).count(), 7);
}

#[tokio::test]
async fn each_plot_page_has_a_locator_of_its_own_places() {
    let app = atlas();
    for plot in dataset().plots {
        let doc = get(&app, &plot.path()).await.html();
        let markers = attrs(&doc, ".locator svg g.plots a", "href");
        assert_eq!(markers.len(), plot.locations.len(), "{}", plot.slug);
        assert!(markers.iter().all(|m| *m == plot.path()));
    }
}

/// Label → value pairs of a chart (bars carry their value as text beside them).
fn chart_values(doc: &scraper::Html, id: &str) -> BTreeMap<String, String> {
    let svg = doc
        .select(&sel(&format!("svg[aria-labelledby^='{id}-t']")))
        .next()
        .unwrap_or_else(|| panic!("no chart {id}"));
    let labels: Vec<String> = svg.select(&sel("text.label")).map(text).collect();
    let values: Vec<String> = svg.select(&sel("text.value")).map(text).collect();
    labels.into_iter().zip(values).collect()
}

#[tokio::test]
async fn chart_numbers_are_the_derived_figures() {
    let doc = get(&atlas(), "/patterns").await.html();
    let table = |id: &str| -> BTreeMap<String, String> {
        doc.select(&sel(&format!("#{id} tbody tr")))
            .map(|tr| {
                (
                    tr.select(&sel("th")).next().map(text).unwrap_or_default(),
                    tr.select(&sel("td.num")).next().map(text).unwrap_or_default(),
                )
            })
            .collect()
    };
    assert_eq!(chart_values(&doc, "chart-nationality"), table("by-nationality"));
    assert_eq!(chart_values(&doc, "chart-years"), table("by-year"));
    assert_eq!(chart_values(&doc, "chart-handlers"), table("by-handler"));
    assert_eq!(
        chart_values(&doc, "chart-years").get("2021").map(String::as_str),
        Some("0")
    );
    let cells: Vec<String> = chart_values(&doc, "chart-cells").into_values().collect();
    let sizes: Vec<String> = dataset().plots.iter().map(|p| p.cell_size.to_string()).collect();
    let (mut a, mut b) = (cells, sizes);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // One dot per known age.
    let known: usize = dataset().plots.iter().map(|p| p.ages.len()).sum();
    assert_eq!(
        doc.select(&sel("svg[aria-labelledby^='chart-ages-t'] circle.dot"))
            .count(),
        known
    );
}

#[tokio::test]
async fn timeline_and_network_link_every_plot() {
    let app = atlas();
    let slugs: BTreeSet<String> = dataset().plots.iter().map(|p| p.path()).collect();
    let doc = get(&app, "/timeline").await.html();
    let on_timeline: BTreeSet<String> = attrs(&doc, "svg.timeline a[href^='/plots/']", "href")
        .into_iter()
        .collect();
    assert_eq!(on_timeline, slugs);
    assert!(attrs(&doc, "svg.timeline a", "href").contains(&"/method#lull".to_string()));
    let doc = get(&app, "/network").await.html();
    let on_network: BTreeSet<String> = attrs(&doc, "svg.network a[href^='/plots/']", "href")
        .into_iter()
        .collect();
    assert_eq!(on_network, slugs);
    for href in attrs(&doc, "svg.network a", "href") {
        assert_eq!(
            get(&app, href.split('#').next().unwrap_or_default()).await.status,
            StatusCode::OK,
            "{href}"
        );
    }
    assert!(attrs(&doc, "svg.network a", "href").contains(&"/offices#al-siddiq-office".to_string()));
}
