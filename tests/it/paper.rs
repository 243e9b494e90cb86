//! Paper: the running margins every printed page carries (read from `data-print-*` attributes on
//! `<html>` by the stylesheet's `@page` margin boxes) and the briefing pack's short form with a QR
//! code per plot. Page counts are measured in Chromium by the gates; here, what the HTML says.

use crate::helpers::{HOST, atlas, atlas_at, attrs, get, page_paths, sel, texts};

const ALL: &str = "2020-04-north-rhine-westphalia,2022-09-iserlohn-bremerhaven,2022-11-strasbourg,\
2023-07-cologne-berlin,2023-12-cologne-vienna,2024-03-gera-stockholm,2024-07-belgium-germany";

fn root_attr(doc: &scraper::Html, name: &str) -> Option<String> {
    doc.root_element().value().attr(name).map(String::from)
}

#[tokio::test]
async fn every_printed_page_names_the_atlas_its_address_and_the_day_it_was_retrieved() {
    let app = atlas();
    for path in page_paths() {
        let doc = get(&app, &path).await.html();
        assert_eq!(
            root_attr(&doc, "data-print-site").as_deref(),
            Some("ISKP Plots Atlas"),
            "{path}"
        );
        let date = root_attr(&doc, "data-print-date").unwrap_or_default();
        assert!(date.starts_with("Retrieved ") && date.len() > 18, "{path}: {date:?}");
        let address = root_attr(&doc, "data-print-address").unwrap_or_default();
        let canonical = attrs(&doc, "link[rel=canonical]", "href");
        if canonical[0].len() <= 105 {
            assert_eq!(address, canonical[0], "{path}: the margin prints the canonical address");
        } else {
            assert!(address.contains("citation"), "{path}: {address}");
        }
    }
    let doc = get(&app, "/de/offices").await.html();
    assert_eq!(
        root_attr(&doc, "data-print-address").as_deref(),
        Some(format!("http://{HOST}/de/offices").as_str())
    );
    assert!(root_attr(&doc, "data-print-date").unwrap().starts_with("Abgerufen am "));
}

#[tokio::test]
async fn the_public_url_is_the_printed_address() {
    let app = atlas_at("/atlas", Some("https://intranet.example"));
    let doc = get(&app, "/atlas/plots/2022-11-strasbourg").await.html();
    assert_eq!(
        root_attr(&doc, "data-print-address").as_deref(),
        Some("https://intranet.example/atlas/plots/2022-11-strasbourg")
    );
}

#[tokio::test]
async fn the_briefing_pack_is_the_short_form_with_a_qr_code_per_plot() {
    let app = atlas();
    let doc = get(&app, &format!("/briefing?plots={ALL}")).await.html();
    let plots: Vec<_> = doc.select(&sel("section.briefing-plot")).collect();
    assert_eq!(plots.len(), 7);
    for plot in &plots {
        let address = plot
            .select(&sel(".permanent a"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap()
            .to_string();
        assert!(address.starts_with(&format!("http://{HOST}/plots/")), "{address}");
        let qr = plot.select(&sel("svg.qr[role=img]")).next().expect("a QR code");
        assert_eq!(
            qr.value().attr("aria-label"),
            Some(format!("QR code of {address}").as_str())
        );
        assert!(
            qr.select(&sel("path[d^=M4]")).next().is_some(),
            "modules drawn from the quiet zone"
        );
        // The short form: no per-sentence evidence, and a pointer to where it is.
        assert!(plot.select(&sel(".evidence, a.ev")).next().is_none());
        let text: String = plot.text().collect();
        assert!(text.contains("evidence for each sentence"), "{text}");
    }
    // The pack's own address, printed whole on the cover, may end a line only after a comma.
    let pieces = texts(&doc, ".briefing-cover .pack-url .nobr");
    assert_eq!(pieces.len(), 7);
    assert!(pieces[..6].iter().all(|p| p.ends_with(',')));
    assert_eq!(
        pieces.concat(),
        attrs(&doc, "link[rel=canonical]", "href")[0],
        "the cover's address is the pack's canonical address"
    );
}

#[tokio::test]
async fn only_the_pages_with_most_text_get_the_smaller_type() {
    let app = atlas();
    let dense = |doc: &scraper::Html| attrs(doc, "section.briefing-plot.dense", "id");
    let doc = get(&app, &format!("/briefing?plots={ALL}")).await.html();
    assert!(dense(&doc).is_empty(), "every English plot fits in the normal type");
    let doc = get(&app, &format!("/de/briefing?plots={ALL}")).await.html();
    assert!(
        dense(&doc).contains(&"brief-2023-07-cologne-berlin".to_string()),
        "{:?}",
        dense(&doc)
    );
    assert!(!dense(&doc).contains(&"brief-2022-11-strasbourg".to_string()));
}

#[tokio::test]
async fn offices_open_with_the_whole_hierarchy_every_unit_a_link_and_the_unnamed_offices_counted() {
    let app = atlas();
    for (path, unnamed) in [
        ("/offices", "2 more regional offices"),
        ("/de/offices", "2 weitere Regionalbüros"),
    ] {
        let doc = get(&app, path).await.html();
        let links = attrs(&doc, "nav.org-map a", "href");
        // Every unit of the tree below has its link in the overview, and every link leads to one.
        let units = attrs(&doc, ".org-tree li.node", "id");
        assert_eq!(units.len(), 16, "{path}");
        for id in &units {
            assert!(links.contains(&format!("#{id}")), "{path}: {id} is not in the overview");
        }
        let named = texts(&doc, "nav.org-map .org-offices > li:not(.org-unnamed) > a");
        assert_eq!(named.len(), 3, "{path}: the three offices the report names");
        let counted = texts(&doc, "nav.org-map .org-unnamed a");
        assert!(
            counted.len() == 1 && counted[0].starts_with(unnamed),
            "{path}: {counted:?}"
        );
        assert_eq!(attrs(&doc, "nav.org-map .org-unnamed a", "href"), ["#regional-offices"]);
    }
}
