//! `/policy`: the report's four policy dimensions, each in the atlas's words with its evidence and
//! the plots it draws on. Moved from the end of `/patterns` (whose old `#policy` anchors now point
//! here) so that policy staff find the recommendations without reading the patterns first.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::evidence::Footnotes;
use super::patterns::{BlockView, examples};
use super::{Head, render};
use crate::error::AppError;
use crate::site::Site;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "policy.html")]
pub struct PolicyPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub ev: Footnotes<'a>,
    pub policy: Vec<BlockView<'a>>,
}

impl<'a> PolicyPage<'a> {
    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let policy = data
            .analysis
            .policy
            .iter()
            .map(|d| BlockView {
                id: format!("policy-{}", d.id),
                title: d.title.clone(),
                summary: &d.summary,
                section: data.section_ref(&d.section),
                examples: examples(site, data, &d.plots),
                context: Vec::new(),
            })
            .collect();
        PolicyPage {
            site,
            head: Head {
                title: site.t("wayfinding-policy-title"),
                description: site.t("wayfinding-policy-description"),
                path: "/policy".into(),
                og_type: "article",
            },
            ev: Footnotes::new(site, data),
            policy,
        }
    }
}

pub async fn policy(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&PolicyPage::new(&state))
}
