//! What a reader meets at a wrong address or with a wrong method.

use axum::http::{Method, StatusCode};

use crate::helpers::*;

#[tokio::test]
async fn an_unknown_plot_gets_the_404_page_with_the_plots_listed() {
    let app = atlas();
    for path in [
        "/plots/2022-11-strasburg",
        "/plot",
        "/nothing-here",
        "/plots/2022-11-strasbourg/extra",
    ] {
        let page = get(&app, path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.header("content-type").starts_with("text/html"), "{path}");
        let doc = page.html();
        assert_eq!(one_text(&doc, "h1"), "Page not found", "{path}");
        assert_eq!(attrs(&doc, ".plot-list a", "href").len(), 7, "{path}");
        assert_eq!(attrs(&doc, "link[rel=stylesheet]", "href").len(), 1);
    }
}

#[tokio::test]
async fn unknown_api_documents_are_404() {
    let app = atlas();
    for path in [
        "/api/plots/nope.json",
        "/api/plots/2022-11-strasbourg",
        "/api/plots/2022-11-strasbourg.xml",
    ] {
        assert_eq!(get(&app, path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(get(&app, "/static/atlas.css").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_atlas_is_read_only() {
    let page = request(&atlas(), Method::POST, "/plots/2022-11-strasbourg").await;
    assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(page.header("allow"), "GET, HEAD");
    assert_eq!(one_text(&page.html(), "h1"), "Method not allowed");
    let head = request(&atlas(), Method::HEAD, "/").await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn a_trailing_slash_redirects_to_the_permanent_url() {
    let app = atlas();
    let page = get(&app, "/plots/2022-11-strasbourg/").await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(page.header("location"), "/plots/2022-11-strasbourg");
    // Never to another host.
    for path in ["//evil.example/", "/\\evil.example/"] {
        let page = get(&app, path).await;
        assert_ne!(
            page.status,
            StatusCode::PERMANENT_REDIRECT,
            "{path} -> {}",
            page.header("location")
        );
    }
}

#[tokio::test]
async fn healthz_answers_ok() {
    let page = get(&atlas(), "/healthz").await;
    assert_eq!((page.status, page.body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = atlas();
    for path in ["/", "/plots/2022-11-strasbourg", "/nope", "/api/plots.json", "/healthz"] {
        let page = get(&app, path).await;
        let csp = page.header("content-security-policy");
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
    }
}

#[tokio::test]
async fn addresses_in_another_case_or_by_place_lead_to_their_plot() {
    let app = atlas();
    for (asked, to) in [
        ("/Plots/2022-11-Strasbourg", "/plots/2022-11-strasbourg"),
        ("/plots/2022-11-STRASBOURG", "/plots/2022-11-strasbourg"),
        ("/plots/strasbourg", "/plots/2022-11-strasbourg"),
        ("/plots/Gera", "/plots/2024-03-gera-stockholm"),
        ("/plots/cologne-vienna", "/plots/2023-12-cologne-vienna"),
        ("/plots/north-rhine-westphalia", "/plots/2020-04-north-rhine-westphalia"),
        ("/OFFICES", "/offices"),
        ("/Plots?country=DE", "/plots?country=DE"),
    ] {
        let page = get(&app, asked).await;
        assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT, "{asked}");
        assert_eq!(page.header("location"), to, "{asked}");
    }
    // A place that fits several plots lists them instead of guessing.
    let page = get(&app, "/plots/cologne").await;
    assert_eq!(page.status, StatusCode::MULTIPLE_CHOICES);
    let doc = page.html();
    assert_eq!(
        attrs(&doc, ".plot-list a", "href"),
        ["/plots/2023-07-cologne-berlin", "/plots/2023-12-cologne-vienna"]
    );
    assert!(attrs(&doc, "link[rel=canonical]", "href").is_empty());
    // Under a base path too.
    let page = get(&atlas_at("/atlas", None), "/atlas/Plots/2022-11-Strasbourg").await;
    assert_eq!(page.header("location"), "/atlas/plots/2022-11-strasbourg");
}

#[tokio::test]
async fn the_404_page_shows_the_address_that_failed_and_offers_a_search() {
    let page = get(&atlas(), "/plots/2022-11-strasburg?x=1").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let doc = page.html();
    assert_eq!(one_text(&doc, ".failed code"), "/plots/2022-11-strasburg");
    assert_eq!(attrs(&doc, "main form[role=search]", "action"), ["/search"]);
    assert_eq!(attrs(&doc, "main form input[name=q]", "type"), ["search"]);
    assert!(attrs(&doc, "link[rel=canonical]", "href").is_empty());
    // What the reader typed is shown, escaped, never run.
    let page = get(&atlas(), "/%3Cscript%3Ealert(1)%3C/script%3E").await;
    assert_eq!(page.html().select(&sel("main script")).count(), 0);
}
