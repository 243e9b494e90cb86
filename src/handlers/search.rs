//! `/search?q=`: results from the start-up index, grouped by kind, with the matches marked, each
//! saying where on its page it matched; the order explained (plots by date with `sort=date`), and
//! a link to the same question as a `/plots` filter where the query names a filter value.
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
    /// Where on its page it matched: "Table 1 · Nationality", "Data notes".
    pub matched_in: Option<String>,
}

/// The query as `/plots` filters: the link and what it filters by.
pub struct FilterLink {
    pub href: String,
    pub label: String,
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
    /// The corrected query, where a word was not known and the results shown are the
    /// correction's (the heading names it; a line says what was typed).
    pub suggestion: Option<String>,
    /// The query as typed, without corrections (`exact=1`).
    pub exact: bool,
    /// Plots in date order (`sort=date`) rather than by relevance.
    pub by_date: bool,
    /// This search in the other order.
    pub other_order_href: String,
    pub filter: Option<FilterLink>,
}

/// "Table 1 · Nationality" for a part id of the index (`t1-nationality`), its heading otherwise.
fn matched_in(site: &Site, id: &str) -> Option<String> {
    match id {
        "" => None,
        t1 if t1.starts_with("t1-") => Some(format!("{} · {}", site.t("wayfinding-where-table1"), site.t(t1))),
        other => Some(site.t(other)),
    }
}

/// The filter values of `/plots` that the query names (a country, nationality, year, target,
/// handler country or judicial status, in either language's words or as its key).
fn as_filter(site: &Site, data: &crate::model::Dataset, q: &str) -> Option<FilterLink> {
    use crate::explore::filters::Facet;
    use crate::text::fold;
    let words: Vec<String> = q.split_whitespace().map(fold).collect();
    let whole = fold(q.trim());
    let mut found: Vec<(Facet, String, String)> = Vec::new();
    for facet in Facet::ALL {
        for p in &data.plots {
            for (key, label) in facet.values(p) {
                let (k, l) = (fold(&key), fold(&label));
                let named = l == whole || words.iter().any(|w| *w == k || *w == l);
                if named && key != "unknown" && !found.iter().any(|(f, x, _)| *f == facet && *x == key) {
                    found.push((facet, key, label));
                }
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let mut qs = form_urlencoded::Serializer::new(String::new());
    for (f, key, _) in &found {
        qs.append_pair(f.param(), key);
    }
    let label = found
        .iter()
        .map(|(f, _, label)| format!("{}: {label}", f.label()))
        .collect::<Vec<_>>()
        .join(" + ");
    Some(FilterLink {
        href: site.url(&format!("/plots?{}", qs.finish())),
        label,
    })
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
        let exact = pairs(raw).0.iter().any(|(k, v)| k == "exact" && v == "1");
        let (mut hits, suggestion) = if exact {
            (state.search.search(&q), None)
        } else {
            let outcome = state.search.query(&q);
            // A correction that finds nothing is no help: the page then says nothing was found
            // for what was typed.
            let found = !outcome.hits.is_empty();
            (outcome.hits, outcome.suggestion.filter(|_| found))
        };
        let by_date = pairs(raw).0.iter().any(|(k, v)| k == "sort" && v == "date");
        if by_date {
            // A plot's slug starts with its year and month; the sort is stable, so other kinds
            // keep their order.
            hits.sort_by(|a, b| match (a.kind, b.kind) {
                (Kind::Plot, Kind::Plot) => a.path.cmp(&b.path),
                _ => std::cmp::Ordering::Equal,
            });
        }
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
                        matched_in: matched_in(site, h.matched_in),
                        hit: h.clone(),
                    })
                    .collect(),
            })
            .filter(|g| !g.hits.is_empty())
            .collect();
        let title = if q.trim().is_empty() {
            site.t("search-page-title")
        } else {
            site.t1(
                "search-page-title-query",
                "query",
                suggestion.as_deref().unwrap_or(q.trim()),
            )
        };
        SearchPage {
            site,
            head: Head {
                title,
                description: site.t("search-description"),
                path: if q.trim().is_empty() {
                    "/search".into()
                } else {
                    let mut qs = form_urlencoded::Serializer::new(String::new());
                    qs.append_pair("q", q.trim());
                    if exact {
                        qs.append_pair("exact", "1");
                    }
                    format!("/search?{}", qs.finish())
                },
                og_type: "website",
            },
            other_order_href: {
                let mut qs = form_urlencoded::Serializer::new(String::new());
                qs.append_pair("q", q.trim());
                if exact {
                    qs.append_pair("exact", "1");
                }
                if !by_date {
                    qs.append_pair("sort", "date");
                }
                site.url(&format!("/search?{}", qs.finish()))
            },
            filter: as_filter(site, &state.data, &q),
            q,
            total,
            groups,
            truncated,
            suggestion,
            exact,
            by_date,
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

    /// The heading: what the results shown are for (the corrected query, where a word had to be
    /// corrected).
    pub fn heading(&self) -> String {
        let shown = self.suggestion.as_deref().unwrap_or(self.q.trim());
        self.site.t1("search-results-for", "query", shown)
    }

    /// The same search as typed, without corrections.
    pub fn exact_href(&self) -> String {
        let qs = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", self.q.trim())
            .append_pair("exact", "1")
            .finish();
        self.site.url(&format!("/search?{qs}"))
    }

    pub fn examples(&self) -> [&'static str; 5] {
        EXAMPLES
    }
}

pub async fn search(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Html<String>, AppError> {
    render(&SearchPage::new(&state, raw.as_deref()))
}
