//! `/offices`: the IS organisation behind ISKP's external operations, as an accessible tree of
//! nested lists (leadership → directorate → offices → provinces and areas), each unit with its
//! summary and the plots that touch it; `/offices/{id}`: one unit with its sourced facts as well.
//! (The organisation's chronology is on `/timeline`.)
//!
//! The facts have a page per unit because on `/offices` they doubled the page (30 KB over the
//! wire with the stylesheet in English, 36 KB in German): the overview stays short enough to
//! skim, and each unit has an address of its own to cite.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::evidence::Footnotes;
use super::{Head, PlotLink, plot_link, plot_links, render};
use crate::error::AppError;
use crate::model::org::{Node, Organisation};
use crate::model::{Dataset, Prose};
use crate::site::Site;
use crate::state::AppState;

pub struct FactView<'a> {
    pub label: &'a str,
    pub value: &'a Prose,
    pub certainty: &'static str,
}

pub struct NodePlotView<'a> {
    pub plot: PlotLink,
    pub link: &'a Prose,
    pub certainty: &'static str,
}

/// One unit with everything its list item shows, and the units below it.
pub struct NodeView<'a> {
    pub node: &'a Node,
    pub level: String,
    /// The unit's own page, with its facts.
    pub href: String,
    pub facts: Vec<FactView<'a>>,
    pub plots: Vec<NodePlotView<'a>>,
    /// Plots linked to units below this one (for offices and above).
    pub plots_below: Vec<PlotLink>,
    pub children: Vec<NodeView<'a>>,
}

#[derive(Template)]
#[template(path = "offices.html")]
pub struct OfficesPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub org: &'a Organisation,
    pub ev: Footnotes<'a>,
    pub tree: Vec<NodeView<'a>>,
}

fn node_view<'a>(site: &Site, data: &'a Dataset, node: &'a Node) -> NodeView<'a> {
    let org = &data.org;
    let own: Vec<&str> = node.plots.iter().map(|l| l.slug.as_str()).collect();
    let below: Vec<&str> = org
        .plots_under(&node.id)
        .into_iter()
        .filter(|s| !own.contains(s))
        .collect();
    let mut below = plot_links(site, data, &below);
    below.sort_by(|a, b| a.slug.cmp(&b.slug));
    NodeView {
        node,
        level: node.level.label(),
        href: site.url(&node.path()),
        facts: node
            .facts
            .iter()
            .map(|f| FactView {
                label: &f.label,
                value: &f.value,
                certainty: f.certainty.label(),
            })
            .collect(),
        plots: node
            .plots
            .iter()
            .filter_map(|l| {
                plot_link(site, data, &l.slug).map(|plot| NodePlotView {
                    plot,
                    link: &l.link,
                    certainty: l.certainty.label(),
                })
            })
            .collect(),
        plots_below: below,
        children: org.children(&node.id).map(|c| node_view(site, data, c)).collect(),
    }
}

impl<'a> OfficesPage<'a> {
    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let org = &data.org;
        OfficesPage {
            site,
            head: Head {
                title: site.t("analysis-offices-title"),
                description: site.t1("analysis-offices-description", "count", data.plots.len()),
                path: "/offices".into(),
                og_type: "article",
            },
            org,
            ev: Footnotes::new(site, data),
            tree: org.roots().map(|n| node_view(site, data, n)).collect(),
        }
    }

    pub fn offices_named(&self) -> usize {
        self.org.offices_named()
    }

    /// Regional offices the report counts but does not name: shown in the overview as a count,
    /// never guessed.
    pub fn offices_unnamed(&self) -> usize {
        usize::try_from(self.org.offices_counted)
            .unwrap_or_default()
            .saturating_sub(self.offices_named())
    }

    /// Whether `n`'s children are the regional offices (where the unnamed ones are counted).
    pub fn holds_offices(&self, n: &NodeView) -> bool {
        n.children
            .iter()
            .any(|c| c.node.level == crate::model::org::Level::Office)
    }
}

pub async fn offices(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&OfficesPage::new(&state))
}

#[derive(Template)]
#[template(path = "offices_unit.html")]
pub struct UnitPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub ev: Footnotes<'a>,
    pub unit: NodeView<'a>,
    /// The units above it, from the top.
    pub above: Vec<PlotLink>,
}

impl<'a> UnitPage<'a> {
    pub fn new(state: &'a AppState, id: &str) -> Option<Self> {
        let (site, data) = (&state.site, &state.data);
        let node = data.org.node(id)?;
        let mut above: Vec<&Node> = data.org.path_to(id);
        above.retain(|n| n.id != node.id);
        Some(UnitPage {
            site,
            head: Head {
                title: site.t1("offices-unit-title", "name", node.name.as_str()),
                description: site.t2(
                    "offices-unit-description",
                    "name",
                    node.name.as_str(),
                    "level",
                    node.level.label(),
                ),
                path: node.path(),
                og_type: "article",
            },
            ev: Footnotes::new(site, data),
            unit: node_view(site, data, node),
            above: above
                .into_iter()
                .map(|n| PlotLink {
                    slug: n.id.clone(),
                    href: site.url(&n.path()),
                    title: n.name.clone(),
                })
                .collect(),
        })
    }
}

pub async fn unit(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Result<Html<String>, AppError> {
    render(&UnitPage::new(&state, &id).ok_or(AppError::NotFound)?)
}
