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
    /// Words from the failed address to search for (`/plots/strasbourg` → "strasbourg").
    pub guess: String,
    /// An archived address of a translated edition whose version was published in English only.
    pub source_only: Option<crate::handlers::archive::SourceOnly>,
}

/// The last segment of a path, decoded, as words: what a reader was probably looking for.
fn guess(asked: &str) -> String {
    let last = asked.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    let decoded = form_urlencoded::parse(format!("q={last}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let words: Vec<&str> = decoded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.join(" ").chars().take(60).collect()
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
            guess: guess(asked),
            source_only: None,
        }
    }
}
