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
    pub message: &'static str,
    /// The address that failed, as asked (shortened if very long).
    pub asked: String,
    /// The plots, so a mistyped plot address still leads somewhere.
    pub plots: &'a [Plot],
}

impl<'a> ErrorPageView<'a> {
    pub fn new(state: &'a AppState, status: StatusCode, asked: &str) -> Self {
        let (title, message) = match status {
            StatusCode::NOT_FOUND => (
                "Page not found",
                "There is no page at this address. A plot's address is its year, month and place, for example /plots/2022-11-strasbourg; the seven plots are listed below.",
            ),
            StatusCode::METHOD_NOT_ALLOWED => (
                "Method not allowed",
                "The atlas is read-only: its pages answer GET and HEAD requests only.",
            ),
            StatusCode::BAD_REQUEST => (
                "Bad request",
                "The request named a host that the atlas cannot use in its addresses. Open the atlas at the address your organisation gives for it.",
            ),
            s if s.is_client_error() => ("Bad request", "The request could not be understood."),
            _ => (
                "Something went wrong",
                "The atlas could not produce this page. The problem has been logged; please try again later.",
            ),
        };
        ErrorPageView {
            site: &state.site,
            head: Head {
                title: title.into(),
                description: message.into(),
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
