//! `/map`, `/timeline` and `/network`: the pictures, each with a table or list of the same facts.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::evidence::Footnotes;
use super::{Head, PlotLink, plot_link, render};
use crate::draw::views::map::{Focus, MapView, map};
use crate::draw::views::network::{Network, network};
use crate::draw::views::timeline::{Timeline, timeline};
use crate::error::AppError;
use crate::model::{Prose, country};
use crate::site::Site;
use crate::state::AppState;

/// A row of the table beside the map: one plot's places, handlers and arrests abroad.
pub struct PlaceRow {
    pub plot: PlotLink,
    pub places: String,
    pub handlers: String,
    pub arrests: String,
}

#[derive(Template)]
#[template(path = "map.html")]
pub struct MapPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub map: MapView,
    pub detail: MapView,
    pub rows: Vec<PlaceRow>,
    pub source: &'a str,
}

pub async fn map_page(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    let (site, data) = (&state.site, &state.data);
    let rows = data
        .plots
        .iter()
        .filter_map(|p| {
            let plot = plot_link(site, data, &p.slug)?;
            let c = &p.international_connection;
            Some(PlaceRow {
                plot,
                places: p
                    .locations
                    .iter()
                    .map(|l| format!("{} ({})", l.place, country::display(&l.country)))
                    .collect::<Vec<_>>()
                    .join("; "),
                handlers: c
                    .handlers
                    .iter()
                    .map(|h| {
                        let place = country::display(&h.country);
                        format!("{place} ({})", crate::model::figures::certainty_label(h.certainty))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                arrests: c
                    .arrests_abroad
                    .iter()
                    .map(|a| country::display(a))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
        })
        .collect();
    render(&MapPage {
        site,
        head: Head {
            title: site.t("analysis-map-title"),
            description: site.t("analysis-map-description"),
            path: "/map".into(),
            og_type: "article",
        },
        map: map(site, data, &state.geo, &Focus::Full),
        detail: map(site, data, &state.geo, &Focus::Detail),
        rows,
        source: &state.geo.source,
    })
}

/// One event of the organisation's chronology, numbered as in the picture.
pub struct EventView<'a> {
    pub number: usize,
    pub date: String,
    pub iso: String,
    pub label: &'a Prose,
    /// The unit of the organisation it concerns, on `/offices`.
    pub node: Option<(String, &'a str)>,
    pub plot: Option<PlotLink>,
}

#[derive(Template)]
#[template(path = "timeline.html")]
pub struct TimelinePage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub ev: Footnotes<'a>,
    pub timeline: Timeline,
    /// The whole chronology, with its evidence (the picture shows 2014–2025).
    pub chronology: Vec<EventView<'a>>,
    pub plots: Vec<(String, PlotLink)>,
}

pub async fn timeline_page(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    let (site, data) = (&state.site, &state.data);
    render(&TimelinePage {
        site,
        head: Head {
            title: site.t("analysis-timeline-title"),
            description: site.t("analysis-timeline-description"),
            path: "/timeline".into(),
            og_type: "article",
        },
        ev: Footnotes::new(site, data),
        timeline: timeline(site, data),
        chronology: data
            .org
            .chronology
            .iter()
            .enumerate()
            .map(|(i, e)| EventView {
                number: i + 1,
                date: e.date.to_string(),
                iso: e.date.iso(),
                label: &e.label,
                node: e
                    .node
                    .as_deref()
                    .and_then(|id| data.org.node(id))
                    .map(|n| (site.url(&format!("/offices#{}", n.id)), n.name.as_str())),
                plot: e.plot.as_deref().and_then(|s| plot_link(site, data, s)),
            })
            .collect(),
        plots: data
            .plots
            .iter()
            .filter_map(|p| plot_link(site, data, &p.slug).map(|l| (p.date.to_string(), l)))
            .collect(),
    })
}

/// The links of one node of the network, for the list beside it.
pub struct NodeLinks {
    pub label: String,
    pub href: String,
    pub column: &'static str,
    pub links: Vec<String>,
}

#[derive(Template)]
#[template(path = "network.html")]
pub struct NetworkPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub network: Network,
    pub plots: Vec<NodeLinks>,
}

pub async fn network_page(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    let (site, data) = (&state.site, &state.data);
    let net = network(site, data);
    // One entry per plot: everything it is linked to, in words, without repeating the plot's name
    // that heads the entry.
    let plots = net
        .nodes
        .iter()
        .filter(|n| n.column == 1)
        .map(|n| NodeLinks {
            label: n.label.clone(),
            href: n.href.clone(),
            column: "plot",
            links: net
                .edges
                .iter()
                .filter(|e| e.from == n.key || e.to == n.key)
                .map(|e| e.short.clone())
                .collect(),
        })
        .collect();
    render(&NetworkPage {
        site,
        head: Head {
            title: site.t("analysis-network-title"),
            description: site.t("analysis-network-description"),
            path: "/network".into(),
            og_type: "article",
        },
        network: net,
        plots,
    })
}
