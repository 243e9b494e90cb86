//! Building the app and reading its answers.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use iskp_atlas::model::{DataFiles, Dataset};
use iskp_atlas::routes::app_editions;
use iskp_atlas::state::Editions;
use iskp_atlas::{AppState, app};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use tower::ServiceExt;

/// Every edition's dataset, English first.
pub fn editions() -> Vec<Dataset> {
    Dataset::editions(DataFiles::embedded())
        .expect("the embedded editions are valid")
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

pub fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset is valid")
}

pub fn atlas() -> Router {
    atlas_at("", None)
}

/// Every edition (English at the root, German under `/de`), as `iskp-atlas` serves them.
pub fn atlas_at(base: &str, public_url: Option<&str>) -> Router {
    let datasets = Dataset::editions(DataFiles::embedded())
        .expect("the embedded editions are valid")
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let editions = Editions::new(datasets, base.into(), public_url.map(Into::into), |_| {}).expect("state");
    app_editions(&editions)
}

/// The atlas over a copy of the data whose plots file was changed by `edit`.
pub fn atlas_with_plots(edit: impl FnOnce(&mut Value)) -> Router {
    let mut files = DataFiles::embedded();
    let mut plots: Value = serde_json::from_str(&files.plots.1).expect("parses");
    edit(&mut plots);
    files.plots.1 = plots.to_string();
    let data = Dataset::from_files(files).unwrap_or_else(|e| panic!("{e}"));
    app(Arc::new(AppState::new(data, String::new(), None).expect("state")))
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// The host the in-process requests name, as a browser would.
pub const HOST: &str = "atlas.test:3000";

pub async fn request(app: &Router, method: Method, uri: &str) -> Answer {
    send(app, method, uri, &[("host", HOST)]).await
}

/// A request with exactly these headers (no `Host` unless given).
pub async fn send(app: &Router, method: Method, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Body::empty()).expect("request");
    let res = app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    request(app, Method::GET, uri).await
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

/// Whitespace-normalised text of an element.
pub fn text(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whitespace-normalised text of an element without its evidence markers (`a.ev`): the sentences
/// as a reader copies them.
pub fn prose_text(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let in_marker = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "a" && a.value().classes().any(|c| c == "ev"));
        if !in_marker {
            out.push_str(t);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css)).map(text).collect()
}

pub fn one_text(doc: &Html, css: &str) -> String {
    let all = texts(doc, css);
    assert_eq!(all.len(), 1, "expected one match for {css}, got {all:?}");
    all.into_iter().next().unwrap_or_default()
}

pub fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(css))
        .filter_map(|e| e.value().attr(attr))
        .map(String::from)
        .collect()
}

/// Pages that depend on their query string, in typical states.
pub const QUERY_PAGES: [&str; 7] = [
    "/plots?country=DE&year=2023",
    "/plots?country=FR&handler=IR",
    "/search?q=Tajik",
    "/search?q=nothing-matches-this",
    "/compare?plots=2022-11-strasbourg,2023-12-cologne-vienna",
    "/briefing?plots=2022-11-strasbourg&plots=2024-03-gera-stockholm",
    "/briefing",
];

/// Every page the atlas serves, for checks that apply to all of them.
pub fn page_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/plots",
        "/offices",
        "/offices/al-siddiq-office",
        "/patterns",
        "/method",
        "/sources",
        "/changelog",
    ]
    .map(String::from)
    .to_vec();
    paths.extend(QUERY_PAGES.map(String::from));
    paths.extend(dataset().plots.iter().map(|p| p.path()));
    paths
}
