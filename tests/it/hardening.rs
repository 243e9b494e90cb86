//! Production behaviour: security headers everywhere, the base path on forms, ETag/304, compressed
//! bodies that decode to the page, the read-only rule, and traversal attempts that go nowhere.

use std::io::Read;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::*;

async fn get_with(
    app: &axum::Router,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::builder().uri(uri);
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req = req.header("host", HOST);
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    let (status, headers) = (res.status(), res.headers().clone());
    (
        status,
        headers,
        res.into_body().collect().await.expect("body").to_bytes().to_vec(),
    )
}

#[tokio::test]
async fn security_headers_on_every_route_including_errors() {
    let app = atlas();
    let mut paths = page_paths();
    paths.extend(
        [
            "/missing",
            "/api/plots.json",
            "/plots.csv",
            "/cite/report.bib",
            "/healthz",
            "/robots.txt",
        ]
        .map(String::from),
    );
    for path in paths {
        for method in [Method::GET, Method::POST] {
            let page = request(&app, method.clone(), &path).await;
            let csp = page.header("content-security-policy");
            assert_eq!(
                csp,
                "default-src 'none'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                "{method} {path}"
            );
            assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
            assert_eq!(page.header("referrer-policy"), "no-referrer", "{path}");
            assert!(!page.header("permissions-policy").is_empty(), "{path}");
            assert_eq!(page.header("cross-origin-opener-policy"), "same-origin", "{path}");
            assert_eq!(
                page.header("strict-transport-security"),
                "",
                "no HSTS without an https public URL"
            );
        }
    }
    let https = atlas_at("", Some("https://intra.example"));
    assert_eq!(
        get(&https, "/missing").await.header("strict-transport-security"),
        "max-age=31536000"
    );
    let http = atlas_at("", Some("http://intra.example"));
    assert_eq!(get(&http, "/").await.header("strict-transport-security"), "");
}

#[tokio::test]
async fn only_get_and_head_anywhere() {
    let app = atlas();
    for method in [
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::OPTIONS,
        Method::TRACE,
    ] {
        for path in ["/", "/plots/2022-11-strasbourg", "/no-such-page", "/api/plots.json"] {
            let page = request(&app, method.clone(), path).await;
            assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert_eq!(page.header("allow"), "GET, HEAD", "{method} {path}");
        }
    }
}

#[tokio::test]
async fn cached_pages_answer_if_none_match_with_304() {
    // With a public URL, pages are the same for every reader and are cached.
    let app = atlas_at("", Some("https://atlas.example"));
    for path in ["/", "/plots/2022-11-strasbourg", "/api/plots.json", "/plots.csv"] {
        let (status, headers, body) = get_with(&app, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let etag = headers
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .expect("etag")
            .to_string();
        assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
        let (status, headers304, body304) = get_with(&app, path, &[("if-none-match", &etag)]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{path}");
        assert!(body304.is_empty());
        assert_eq!(
            headers304.get("etag").and_then(|v| v.to_str().ok()),
            Some(etag.as_str())
        );
        let (status, _, again) = get_with(&app, path, &[("if-none-match", "\"stale\"")]).await;
        assert_eq!((status, again), (StatusCode::OK, body), "{path}");
    }
}

#[tokio::test]
async fn each_encoding_has_its_own_strong_etag_and_its_own_304() {
    let app = atlas_at("", Some("https://atlas.example"));
    let encodings = [None, Some("gzip"), Some("br")];
    for path in ["/", "/plots/2022-11-strasbourg", "/api/plots.json"] {
        let with = |accept: Option<&'static str>, extra: Vec<(&'static str, String)>| {
            let app = app.clone();
            async move {
                let mut headers: Vec<(&str, String)> =
                    accept.map(|a| ("accept-encoding", a.to_string())).into_iter().collect();
                headers.extend(extra);
                let borrowed: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
                get_with(&app, path, &borrowed).await
            }
        };
        let mut tags = Vec::new();
        for accept in encodings {
            let (status, headers, _) = with(accept, vec![]).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let tag = headers
                .get("etag")
                .and_then(|v| v.to_str().ok())
                .expect("etag")
                .to_string();
            assert!(tag.starts_with('"') && tag.ends_with('"'), "strong: {tag}");
            tags.push(tag);
        }
        assert_ne!(tags[0], tags[1], "{path}: identity and gzip");
        assert_ne!(tags[0], tags[2], "{path}: identity and brotli");
        assert_ne!(tags[1], tags[2], "{path}: gzip and brotli");
        for (i, accept) in encodings.into_iter().enumerate() {
            let tag = &tags[i];
            // Every form a client or a proxy may send back: the tag, weakened, in a list, over
            // several header lines, or `*`.
            let forms: Vec<Vec<(&str, String)>> = vec![
                vec![("if-none-match", tag.clone())],
                vec![("if-none-match", format!("W/{tag}"))],
                vec![("if-none-match", format!("\"stale\", {tag}"))],
                vec![("if-none-match", format!("W/\"stale\",W/{tag}"))],
                vec![("if-none-match", "\"stale\"".into()), ("if-none-match", tag.clone())],
                vec![("if-none-match", "*".into())],
            ];
            for form in forms {
                let (status, headers, body) = with(accept, form.clone()).await;
                assert_eq!(status, StatusCode::NOT_MODIFIED, "{path} {accept:?} {form:?}");
                assert!(body.is_empty());
                assert_eq!(headers.get("etag").and_then(|v| v.to_str().ok()), Some(tag.as_str()));
                assert!(
                    headers.get("content-encoding").is_none(),
                    "{path}: a 304 has no body to encode"
                );
            }
            // The other bodies' tags do not validate this one: the body is sent, with its own tag.
            let others: Vec<String> = tags.iter().filter(|t| *t != tag).cloned().collect();
            let (status, headers, body) = with(accept, vec![("if-none-match", others.join(", "))]).await;
            assert_eq!(status, StatusCode::OK, "{path} {accept:?}");
            assert!(!body.is_empty());
            assert_eq!(headers.get("etag").and_then(|v| v.to_str().ok()), Some(tag.as_str()));
            assert_eq!(
                headers.get("content-encoding").and_then(|v| v.to_str().ok()),
                accept,
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn compressed_bodies_are_the_same_page() {
    let app = atlas();
    for path in ["/", "/plots/2023-07-cologne-berlin", "/patterns", "/plots?country=DE"] {
        let (_, plain_headers, plain) = get_with(&app, path, &[]).await;
        assert!(plain_headers.get("content-encoding").is_none(), "{path}");
        let (_, h, gz) = get_with(&app, path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(
            h.get("content-encoding").and_then(|v| v.to_str().ok()),
            Some("gzip"),
            "{path}"
        );
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut out)
            .expect("gzip");
        assert_eq!(out, plain, "{path}");
        let (_, h, br) = get_with(&app, path, &[("accept-encoding", "gzip, deflate, br")]).await;
        assert_eq!(
            h.get("content-encoding").and_then(|v| v.to_str().ok()),
            Some("br"),
            "{path}"
        );
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut out).expect("brotli");
        assert_eq!(out, plain, "{path}");
        let vary: Vec<String> = h
            .get_all("vary")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
            .collect();
        assert!(vary.iter().any(|v| v.contains("accept-encoding")), "{path}: {vary:?}");
    }
}

#[tokio::test]
async fn head_answers_without_a_body() {
    let app = atlas();
    for path in ["/", "/plots/2022-11-strasbourg", "/plots?year=2023"] {
        let page = request(&app, Method::HEAD, path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.is_empty(), "{path}");
    }
}

#[tokio::test]
async fn traversal_in_any_encoding_goes_nowhere() {
    let app = atlas();
    for path in [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/%2e%2e%2fCargo.toml",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%252e%252e%252fCargo.toml",
        "/static/....//....//etc/passwd",
        "/plots/..%2f..%2fCargo.toml",
        "/api/plots/..%2f..%2fdata%2fplots.json",
        "/cite/..%2fCargo.toml.bib",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/%00atlas.css",
        "/static/atlas.css%00.png",
    ] {
        let page = get(&app, path).await;
        assert!(
            page.status == StatusCode::NOT_FOUND || page.status == StatusCode::PERMANENT_REDIRECT,
            "{path}: {}",
            page.status
        );
        assert!(
            !page.body.contains("[package]") && !page.body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[tokio::test]
async fn forms_and_links_carry_the_base_path() {
    let app = atlas_at("/atlas", None);
    for path in ["/atlas/", "/atlas/plots", "/atlas/search?q=Tajik", "/atlas/compare"] {
        let doc = get(&app, path).await.html();
        for action in attrs(&doc, "form", "action") {
            assert!(action.starts_with("/atlas/"), "{path}: form action {action}");
        }
        for action in attrs(&doc, "button[formaction]", "formaction") {
            assert!(action.starts_with("/atlas/"), "{path}: formaction {action}");
        }
    }
    let page = get(&app, "/atlas/plots/2022-11-strasbourg/").await;
    assert_eq!(
        page.header("location"),
        "/atlas/plots/2022-11-strasbourg",
        "redirects keep the base path"
    );
    let csv = get(&app, "/atlas/plots.csv").await;
    assert!(
        csv.body
            .contains(",/atlas/plots/2022-11-strasbourg,http://atlas.test:3000/atlas/plots/2022-11-strasbourg,"),
        "paths and permalinks in downloads carry it too"
    );
}

async fn boom() -> &'static str {
    panic!("a handler bug")
}

#[tokio::test]
async fn a_panicking_handler_gives_the_500_page_not_a_dropped_connection() {
    use iskp_atlas::AppState;
    let state = std::sync::Arc::new(AppState::new(dataset(), String::new(), None).expect("state"));
    let routes = axum::Router::new().route("/boom", axum::routing::get(boom));
    let app = iskp_atlas::routes::layered(routes, state);
    let page = get(&app, "/boom").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.header("content-type").starts_with("text/html"));
    let doc = page.html();
    assert_eq!(one_text(&doc, "h1"), "Something went wrong");
    assert!(!page.body.contains("a handler bug"), "nothing internal is shown");
    assert!(!page.header("content-security-policy").is_empty());
}

#[tokio::test]
async fn the_fast_path_answers_exactly_as_the_layers_do() {
    use std::sync::Arc;
    let state = Arc::new(
        iskp_atlas::AppState::new(dataset(), String::new(), Some("https://atlas.example".into())).expect("state"),
    );
    let app = iskp_atlas::app(state.clone());
    for (path, headers) in [
        ("/plots/2022-11-strasbourg", vec![("accept-encoding", "br")]),
        ("/offices", vec![("accept-encoding", "gzip")]),
        ("/api/plots.json", vec![]),
        ("/", vec![("accept-encoding", "br"), ("if-none-match", "\"nope\"")]),
    ] {
        // Through the layers twice: the second answer is the cache's, as the fast path's will be.
        get_with(&app, path, &headers).await;
        let (status, layered, body) = get_with(&app, path, &headers).await;
        let mut req = Request::builder().uri(path).header("host", HOST);
        for (k, v) in &headers {
            req = req.header(*k, *v);
        }
        let req = req.body(Body::empty()).expect("request");
        let fast = iskp_atlas::routes::fast_answer(&state, &req).expect("a cached page is ready");
        assert_eq!(fast.status(), status, "{path}");
        let mut a: Vec<(String, String)> = layered
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect();
        let mut b: Vec<(String, String)> = fast
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{path}: the same headers");
        let fast_body = fast.into_body().collect().await.expect("body").to_bytes();
        assert_eq!(fast_body.as_ref(), body.as_slice(), "{path}: the same bytes");
    }
    // Not ready or not cacheable: the layers answer.
    let req = Request::builder()
        .uri("/plots?country=DE")
        .body(Body::empty())
        .expect("request");
    assert!(iskp_atlas::routes::fast_answer(&state, &req).is_none());
    let req = Request::builder()
        .method(Method::POST)
        .uri("/")
        .body(Body::empty())
        .expect("request");
    assert!(iskp_atlas::routes::fast_answer(&state, &req).is_none());
}
