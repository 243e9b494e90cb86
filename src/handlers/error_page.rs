//! The page for 404, 405 and 500 answers. Rendered by `error::render_error_pages` for every error
//! response, whichever layer produced it.

use askama::Template;
use axum::http::StatusCode;

use super::Head;
use crate::model::Plot;
use crate::site::Site;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPageView<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub status: u16,
    pub message: String,
    /// The address that failed, as asked (shortened if very long).
    pub asked: String,
    /// The plots, so a mistyped plot address still leads somewhere.
    pub plots: &'a [Plot],
}

impl<'a> ErrorPageView<'a> {
    pub fn new(state: &'a AppState, status: StatusCode, asked: &str) -> Self {
        let key = match status {
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
            StatusCode::BAD_REQUEST => "bad-host",
            s if s.is_client_error() => "bad-request",
            _ => "server-error",
        };
        let site = &state.site;
        let title = site.t(&format!("error-{key}-title"));
        let message = site.t(&format!("error-{key}-message"));
        ErrorPageView {
            site: &state.site,
            head: Head {
                title,
                description: message.clone(),
                path: String::new(),
                og_type: "website",
            },
            status: status.as_u16(),
            message,
            asked: if asked.chars().count() > 120 {
                format!("{}…", asked.chars().take(120).collect::<String>())
            } else {
                asked.to_string()
            },
            plots: &state.data.plots,
        }
    }
}
