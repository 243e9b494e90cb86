//! Every route of the atlas, its fallback and its layers, in one function.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::{AppError, render_error_pages};
use crate::handlers::{
    api, archive, assets, cite, compare, downloads, home, meta_pages, method, offices, patterns, plot, plots, policy,
    search, sources, visuals,
};
use crate::site::{derive_origin, with_origin};
use crate::state::{AppState, Editions};

/// No page takes long to build; a request still running after this is stuck, not slow.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Sent with every response, error pages included. Pages use no inline style or script and load
/// nothing from another host, so the policy can be strict. `connect-src 'self'` lets a page's own
/// origin be fetched from it (no page script does; Lighthouse's SEO audit reads /robots.txt that
/// way, and `default-src 'none'` made it unreadable).
const SECURITY_HEADERS: [(&str, &str); 5] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
];

/// The whole application in every language, for `main` and for in-process tests: the English
/// edition at the root, each other one under its language's prefix (`/de/…`).
pub fn app_editions(editions: &Editions) -> Router {
    let mut router = app(editions.source().clone());
    for edition in editions.0.iter().skip(1) {
        router = router.merge(edition_routes(edition.clone()));
    }
    router
}

/// One edition, on its own (the English one with the fallback for every unknown path).
pub fn app(state: Arc<AppState>) -> Router {
    if state.site.lang.is_source() {
        layered(routes(&state), state)
    } else {
        edition_routes(state)
    }
}

/// A translated edition: its routes, and its own 404 page for unknown paths under its prefix.
fn edition_routes(state: Arc<AppState>) -> Router {
    let base = state.site.base.clone();
    let home = format!("{base}/");
    let router = routes(&state)
        .route(&format!("{base}/{{*rest}}"), get(fallback))
        .route(&base, get(move || async move { Redirect::permanent(&home) }));
    with_layers(router, state)
}

/// Every page of one edition, at its base path.
fn routes(state: &AppState) -> Router<Arc<AppState>> {
    let base = state.site.base.clone();
    let at = |path: &str| format!("{base}{path}");
    let mut router = Router::new()
        .route(&at("/"), get(home::home))
        .route(&at("/plots"), get(plots::plots))
        .route(&at("/plots/{slug}"), get(plot::plot))
        .route(&at("/plots/{slug}/changes"), get(archive::changes))
        .route(&at("/v/{version}"), get(archive::root))
        .route(
            &at("/v/{version}/"),
            get(|state, Path(version): Path<String>| async move {
                archive::file(state, Path((version, String::new()))).await
            }),
        )
        .route(&at("/v/{version}/{*path}"), get(archive::file))
        .route(&at("/plots.csv"), get(downloads::plots_csv))
        .route(&at("/search"), get(search::search))
        .route(&at("/compare"), get(compare::compare))
        .route(&at("/briefing"), get(compare::briefing))
        .route(&at("/cite/{file}"), get(cite::cite))
        .route(&at("/changelog"), get(meta_pages::changelog))
        .route(&at("/sitemap.xml"), get(meta_pages::sitemap))
        .route(&at("/robots.txt"), get(meta_pages::robots))
        .route(&at("/api/schema.json"), get(downloads::schema))
        .route(&at("/offices"), get(offices::offices))
        .route(&at("/offices/{id}"), get(offices::unit))
        .route(&at("/map"), get(visuals::map_page))
        .route(&at("/timeline"), get(visuals::timeline_page))
        .route(&at("/network"), get(visuals::network_page))
        .route(&at("/patterns"), get(patterns::patterns))
        .route(&at("/policy"), get(policy::policy))
        .route(&at("/method"), get(method::method))
        .route(&at("/sources"), get(sources::sources))
        .route(&at("/api/plots.json"), get(api::plots))
        .route(&at("/api/plots/{file}"), get(api::plot))
        .route(&at("/healthz"), get(api::healthz))
        .route(&at("/static/{name}"), get(assets::asset));
    if !base.is_empty() && state.site.lang.is_source() {
        // `/atlas` and `/atlas/` both reach the overview.
        let home = at("/");
        router = router.route(&base, get(move || async move { Redirect::permanent(&home) }));
    }
    router
}

/// Wraps routes in the fallback and every layer the atlas answers through (public so a test can
/// check the layers around a route of its own, e.g. one that panics).
pub fn layered(router: Router<Arc<AppState>>, state: Arc<AppState>) -> Router {
    with_layers(router.fallback(fallback), state)
}

fn with_layers(router: Router<Arc<AppState>>, state: Arc<AppState>) -> Router {
    router
        // Layers run outside-in from the bottom: logging, security headers, compression of dynamic
        // pages, error pages, the request's origin (without a public URL), the cache, the timeout,
        // panics, then the read-only rule.
        .layer(middleware::from_fn(read_only))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::Internal("a handler panicked".into()).into_response()
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), cached))
        .layer(middleware::from_fn_with_state(state.clone(), request_origin))
        .layer(middleware::from_fn_with_state(state.clone(), render_error_pages))
        // Pages built per request are small; the fastest level keeps their CPU cost and the encoders'
        // working memory low (the cached pages are compressed once, at the highest level, elsewhere).
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(middleware::from_fn_with_state(state.clone(), security_headers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        // Outermost: everything inside, error pages included, is in the edition's language.
        .layer(middleware::from_fn_with_state(state.clone(), language))
        .with_state(state)
}

/// Unknown paths: a path with a trailing slash is sent to its form without one (readers paste
/// both), everything else is the 404 page.
async fn fallback(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, AppError> {
    let path = uri.path();
    let home = state.site.url("/");
    // An address in another case (`/Plots/2022-11-Strasbourg`, pasted from a document that
    // capitalised it) goes to the page it names.
    let lower = path.to_lowercase();
    if lower != path {
        let known = lower.starts_with(&state.site.url("/plots/"))
            || crate::site::permanent_paths(&state.data)
                .iter()
                .any(|p| state.site.url(p) == lower);
        if known && !lower.starts_with("//") && !lower.contains('\\') {
            let target = match uri.query() {
                Some(q) => format!("{lower}?{q}"),
                None => lower,
            };
            return Ok(Redirect::permanent(&target).into_response());
        }
    }
    if path.len() > 1 && path.ends_with('/') && path != home {
        let trimmed = path.trim_end_matches('/');
        // Only redirect to a path on this site: browsers read `//host` and `/\host` as another host.
        if !trimmed.is_empty() && !trimmed.starts_with("//") && !trimmed.contains('\\') {
            let target = match uri.query() {
                Some(q) => format!("{trimmed}?{q}"),
                None => trimmed.to_string(),
            };
            return Ok(Redirect::permanent(&target).into_response());
        }
    }
    Err(AppError::NotFound)
}

/// The page cache, for every response that is the same for all readers (see [`shared`]).
async fn cached(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let shared = shared(&state, request.uri().path());
    crate::cache::serve_cached(&state.cache, shared, request, next).await
}

/// Without `--public-url`: answers a request with an unusable host with 400, and otherwise makes
/// its origin the one every absolute address on the page is built from (see `site`).
async fn request_origin(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if !state.site.origin_varies() {
        return next.run(request).await;
    }
    let vary = if state.site.trust_forwarded {
        "Host, X-Forwarded-Host, X-Forwarded-Proto"
    } else {
        "Host"
    };
    let mut response = match derive_origin(request.headers(), state.site.trust_forwarded) {
        Some(origin) => with_origin(origin, next.run(request)).await,
        None => AppError::BadHost.into_response(),
    };
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static(vary));
    response
}

/// Makes the edition's language the one its pages are rendered in (see `i18n::current`).
async fn language(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    crate::i18n::with_language(state.site.lang, next.run(request)).await
}

/// Only GET and HEAD: anything else is 405 with `Allow`, on every path, known or not.
async fn read_only(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let mut response = AppError::MethodNotAllowed.into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    response
}

async fn security_headers(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    site_headers(response.headers_mut(), &state);
    response
}

/// Whether a response to `path` may be shared between readers: always with a public URL; without
/// one, a page's addresses follow the request's host, so only the assets (which hold none) are.
fn shared(state: &AppState, path: &str) -> bool {
    let site = &state.site;
    // On the fast path of every request: no allocation.
    !site.origin_varies()
        || path
            .strip_prefix(site.base.as_str())
            .is_some_and(|p| p.starts_with("/static/"))
}

/// A cached page ready to send, answered before the application's layers (the fast path of
/// `server`): the same headers the layers would add, and the same request log line.
pub fn fast_answer<B>(state: &AppState, request: &axum::http::Request<B>) -> Option<Response> {
    let started = std::time::Instant::now();
    let mut response = crate::cache::ready_answer(&state.cache, shared(state, request.uri().path()), request)?;
    site_headers(response.headers_mut(), state);
    tracing::info!(
        method = %request.method(),
        uri = %request.uri(),
        status = response.status().as_u16(),
        latency = ?started.elapsed(),
        "finished processing request (cached)"
    );
    Some(response)
}

/// The headers every response carries, whichever way it was made.
fn site_headers(headers: &mut axum::http::HeaderMap, state: &AppState) {
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if state.site.https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
}
