//! One module per page: its handler and the view struct its template reads.
//! View logic lives in methods on those structs, so templates only loop, branch and print.

pub mod api;
pub mod assets;
pub mod error_page;
pub mod home;
pub mod plot;

use askama::Template;
use axum::response::Html;

use crate::error::AppError;

/// What the layout's `<head>` needs from each page.
#[derive(Debug)]
pub struct Head {
    /// Page title without the site name.
    pub title: String,
    /// One line for `<meta name="description">` and link previews.
    pub description: String,
    /// The page's own path without the base path, e.g. `/plots/2022-11-strasbourg`.
    pub path: String,
    /// OpenGraph type: `website` or `article`.
    pub og_type: &'static str,
}

pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(page.render()?))
}
