//! Errors a handler can return, and the one place they become pages.
//!
//! A handler returns [`AppError`]; its response carries only a status and an [`ErrorPage`] marker.
//! The [`render_error_pages`] middleware, which has the site state, turns every marked response
//! into the HTML error page, so 404s from handlers, the fallback and the router all look alike.
//! Server faults are logged; the reader is told nothing internal.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::handlers::error_page::ErrorPageView;
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// No public URL is set and the request's host cannot be used in the page's addresses.
    #[error("bad host")]
    BadHost,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

/// Marks a response whose body should be the rendered error page for its status.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPage;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadHost => StatusCode::BAD_REQUEST,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Internal(detail) => {
                tracing::error!(%detail, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorPage);
        response
    }
}

/// Replaces the body of marked responses, and of axum's own bare 404/405 answers, with the error page.
pub async fn render_error_pages(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let asked = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    let marked = response.extensions().get::<ErrorPage>().is_some();
    let source_only = response
        .extensions()
        .get::<crate::handlers::archive::SourceOnly>()
        .cloned();
    let bare_router_error =
        matches!(status, StatusCode::METHOD_NOT_ALLOWED) && response.headers().get(header::CONTENT_TYPE).is_none();
    if !(marked || bare_router_error) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let mut view = ErrorPageView::new(&state, status, &asked);
    view.source_only = source_only;
    let body = match view.render() {
        Ok(html) => Html(html).into_response().into_body(),
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed to render");
            parts.headers.insert(
                header::CONTENT_TYPE,
                header::HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            return Response::from_parts(parts, status.canonical_reason().unwrap_or("error").to_string().into());
        }
    };
    parts.headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}
