//! `/search?q=`: results from the start-up index, grouped by kind, with the matches marked.
//! The query is shown back escaped like any other text.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::{Head, render};
use crate::error::AppError;
use crate::explore::filters::pairs;
use crate::explore::search::{Hit, Kind, MAX_QUERY_CHARS};
use crate::site::Site;
use crate::state::AppState;

pub struct Group {
    pub label: String,
    pub hits: Vec<HitView>,
}

pub struct HitView {
    pub hit: Hit,
    pub href: String,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub q: String,
    pub total: usize,
    pub groups: Vec<Group>,
    pub truncated: bool,
    /// The corrected query, where a word was not known and the results are the correction's.
    pub suggestion: Option<String>,
}

/// Queries a reader might try first, shown when a search finds nothing.
pub const EXAMPLES: [&str; 5] = ["Tajik", "Telegram", "Köln", "Christmas market", "al-Siddiq"];

impl<'a> SearchPage<'a> {
    pub fn new(state: &'a AppState, raw: Option<&str>) -> Self {
        let site = &state.site;
        let q = pairs(raw)
            .0
            .into_iter()
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let truncated = q.chars().count() > MAX_QUERY_CHARS;
        let q: String = q.chars().take(MAX_QUERY_CHARS).collect();
        let outcome = state.search.query(&q);
        let (hits, suggestion) = (outcome.hits, outcome.suggestion);
        let total = hits.len();
        let groups = Kind::ALL
            .into_iter()
            .map(|k| Group {
                label: k.label(),
                hits: hits
                    .iter()
                    .filter(|h| h.kind == k)
                    .map(|h| HitView {
                        href: site.url(&h.path),
                        hit: h.clone(),
                    })
                    .collect(),
            })
            .filter(|g| !g.hits.is_empty())
            .collect();
        let title = if q.trim().is_empty() {
            site.t("search-page-title")
        } else {
            site.t1("search-page-title-query", "query", q.trim())
        };
        SearchPage {
            site,
            head: Head {
                title,
                description: site.t("search-description"),
                path: if q.trim().is_empty() {
                    "/search".into()
                } else {
                    let qs = form_urlencoded::Serializer::new(String::new())
                        .append_pair("q", q.trim())
                        .finish();
                    format!("/search?{qs}")
                },
                og_type: "website",
            },
            q,
            total,
            groups,
            truncated,
            suggestion,
        }
    }

    pub fn example_href(&self, q: &str) -> String {
        let qs = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", q)
            .finish();
        self.site.url(&format!("/search?{qs}"))
    }

    /// "3 results." / "3 Ergebnisse."
    pub fn count_text(&self) -> String {
        self.site.t1("search-count", "count", self.total)
    }

    /// The link to the corrected search, where there is one.
    pub fn suggestion_href(&self) -> String {
        self.suggestion
            .as_deref()
            .map(|s| self.example_href(s))
            .unwrap_or_default()
    }

    pub fn examples(&self) -> [&'static str; 5] {
        EXAMPLES
    }
}

pub async fn search(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&SearchPage::new(&state, raw.as_deref()))
}
