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
