//! `/network`: who is connected to what across the plots, as five columns of nodes: suspects'
//! nationalities → plots → handler countries → units of the IS organisation → their regional
//! offices. The layout is computed here and is deterministic: plots keep date order, every other
//! column is ordered by the mean position of its neighbours (fewer crossings), ties by name.

use super::{Line, Text};
use crate::draw::num;
use crate::model::org::Level;
use crate::model::plot::Certainty;
use crate::model::{Dataset, country};
use crate::site::Site;

const WIDTH: f64 = 1100.0;
const ROW: f64 = 38.0;
const TOP: f64 = 50.0;
const COLUMNS: [(&str, f64); 5] = [
    ("analysis-column-nationality", 80.0),
    ("analysis-column-plot", 320.0),
    ("analysis-column-handler", 560.0),
    ("analysis-column-unit", 770.0),
    ("analysis-column-office", 980.0),
];
/// Average width of a character of the node labels (11.5 px sans-serif), generous so labels fit.
const CHAR_W: f64 = 7.0;
/// Average advance of a character of the column headings (12 px bold capitals, 0.05 em apart),
/// generous: "STAATSANGEHÖRIGKEIT" measures 176 px in Chromium, 9.3 a character.
pub const HEADING_CHAR_W: f64 = 9.6;
/// Room kept between a heading and the picture's edge.
const EDGE: f64 = 4.0;

/// Where a column heading of `chars` characters is centred: over its column, or moved inwards
/// just enough that all of it lies inside the picture (a long German heading at the left edge).
pub fn heading_centre(column_x: f64, chars: usize) -> f64 {
    let half = HEADING_CHAR_W * chars as f64 / 2.0;
    column_x.max(EDGE + half).min(WIDTH - EDGE - half)
}

#[derive(Debug, Clone)]
pub struct Node {
    pub key: String,
    pub column: usize,
    pub label: String,
    pub href: String,
    pub title: String,
    pub x: String,
    pub y: String,
    pub w: String,
    pub text_x: String,
    pub text_y: String,
    pub class: &'static str,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub d: String,
    pub class: &'static str,
    pub title: String,
    /// The link in words without the plot's name, for a list under that plot's name.
    pub short: String,
}

#[derive(Debug, Clone)]
pub struct Network {
    pub title: String,
    pub desc: String,
    pub width: u32,
    pub height: u32,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub headers: Vec<Text>,
    pub rules: Vec<Line>,
}

struct Raw {
    key: String,
    column: usize,
    label: String,
    href: String,
    order: f64,
}

fn hedged(c: Certainty) -> bool {
    !matches!(c, Certainty::Stated)
}

pub fn network(site: &Site, data: &Dataset) -> Network {
    let mut nodes: Vec<Raw> = Vec::new();
    // (from, to, hedged, the link in words, the same words without the plot's name)
    let mut edges: Vec<(String, String, bool, String, String)> = Vec::new();
    let add = |nodes: &mut Vec<Raw>, key: String, column: usize, label: String, href: String| {
        if !nodes.iter().any(|n| n.key == key) {
            nodes.push(Raw {
                key,
                column,
                label,
                href,
                order: 0.0,
            });
        }
    };
    for (i, p) in data.plots.iter().enumerate() {
        let pk = format!("plot:{}", p.slug);
        add(&mut nodes, pk.clone(), 1, p.short_name(), site.url(&p.path()));
        if let Some(n) = nodes.iter_mut().find(|n| n.key == pk) {
            n.order = i as f64;
        }
        for n in &p.nationalities {
            let key = format!("nat:{}", n.nationality.to_lowercase());
            // The facet's own key (lower case), so the network and /patterns link one address per filter.
            let q = form_urlencoded::Serializer::new(String::new())
                .append_pair("nationality", &n.nationality.to_lowercase())
                .finish();
            add(
                &mut nodes,
                key.clone(),
                0,
                crate::model::figures::nationality_label(&n.nationality),
                site.url(&format!("/plots?{q}")),
            );
            edges.push((
                key,
                pk.clone(),
                false,
                format!(
                    "{} {}: {}",
                    n.count,
                    crate::model::figures::nationality_label(&n.nationality),
                    p.title()
                ),
                format!(
                    "{} {}",
                    n.count,
                    crate::model::figures::nationality_label(&n.nationality)
                ),
            ));
        }
        for h in &p.international_connection.handlers {
            let key = format!("handler:{}", h.country);
            let label = if h.country == "unknown" {
                site.t("analysis-network-unknown")
            } else {
                country::display(&h.country).to_string()
            };
            add(
                &mut nodes,
                key.clone(),
                2,
                label.clone(),
                site.url(&format!("/plots?handler={}", h.country)),
            );
            let country = format!("{label} ({})", crate::model::figures::certainty_label(h.certainty));
            edges.push((
                pk.clone(),
                key,
                hedged(h.certainty),
                site.t2("analysis-edge-handlers", "plot", p.title(), "country", country.as_str()),
                site.t1("pictures-link-handlers", "country", country),
            ));
        }
        for (node, link) in data.org.links_for(&p.slug) {
            let key = format!("unit:{}", node.id);
            // The short name where the report uses one ("ISKP"), so the box stays narrow.
            let short = node
                .also_known_as
                .iter()
                .find(|a| a.len() < node.name.len() && a.chars().all(|c| c.is_ascii_uppercase()));
            let label = short.cloned().unwrap_or_else(|| node.name.clone());
            add(
                &mut nodes,
                key.clone(),
                3,
                label,
                site.url(&format!("/offices#{}", node.id)),
            );
            let unit = format!(
                "{} ({})",
                node.name,
                crate::model::figures::certainty_label(link.certainty)
            );
            edges.push((
                pk.clone(),
                key,
                hedged(link.certainty),
                site.t2("analysis-edge-involves", "plot", p.title(), "unit", unit.as_str()),
                site.t1("pictures-link-unit", "unit", unit),
            ));
            let office = data
                .org
                .path_to(&node.id)
                .into_iter()
                .find(|n| n.level == Level::Office);
            if let Some(office) = office {
                let ok = format!("office:{}", office.id);
                add(
                    &mut nodes,
                    ok.clone(),
                    4,
                    office.name.clone(),
                    site.url(&format!("/offices#{}", office.id)),
                );
                let under = site.t2(
                    "analysis-edge-under",
                    "unit",
                    node.name.as_str(),
                    "office",
                    office.name.as_str(),
                );
                let edge = (format!("unit:{}", node.id), ok, false, under.clone(), under);
                if !edges.iter().any(|e| e.0 == edge.0 && e.1 == edge.1) {
                    edges.push(edge);
                }
            }
        }
    }
    // Order columns 0, 2, 3, 4 by the mean order of their neighbours in the column towards the plots.
    for column in [0, 2, 3, 4] {
        let towards = if column == 0 { 1 } else { column - 1 };
        let position = |key: &str, nodes: &[Raw]| {
            nodes
                .iter()
                .find(|n| n.key == key && n.column == towards)
                .map(|n| n.order)
        };
        let mut orders: Vec<(usize, f64)> = Vec::new();
        for (i, n) in nodes.iter().enumerate().filter(|(_, n)| n.column == column) {
            let linked: Vec<f64> = edges
                .iter()
                .filter_map(|(a, b, _, _, _)| {
                    if *a == n.key {
                        position(b, &nodes)
                    } else if *b == n.key {
                        position(a, &nodes)
                    } else {
                        None
                    }
                })
                .collect();
            let mean = if linked.is_empty() {
                f64::MAX
            } else {
                linked.iter().sum::<f64>() / linked.len() as f64
            };
            orders.push((i, mean));
        }
        orders.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| nodes[a.0].label.cmp(&nodes[b.0].label))
        });
        for (rank, (i, _)) in orders.into_iter().enumerate() {
            nodes[i].order = rank as f64;
        }
    }
    let rows = (0..COLUMNS.len())
        .map(|c| nodes.iter().filter(|n| n.column == c).count())
        .max()
        .unwrap_or(1);
    let height = TOP + ROW * rows as f64 + 20.0;
    let place = |n: &Raw| -> (f64, f64) {
        let count = nodes.iter().filter(|m| m.column == n.column).count();
        // Centre short columns vertically.
        let offset = (rows - count) as f64 * ROW / 2.0;
        (COLUMNS[n.column].1, TOP + offset + ROW * n.order + ROW / 2.0)
    };
    let views: Vec<Node> = nodes
        .iter()
        .map(|n| {
            let (x, y) = place(n);
            let w = (16.0 + CHAR_W * n.label.chars().count() as f64).min(220.0);
            Node {
                key: n.key.clone(),
                column: n.column,
                label: n.label.clone(),
                href: n.href.clone(),
                title: format!("{}: {}", site.t(COLUMNS[n.column].0), n.label),
                x: num(x - w / 2.0),
                y: num(y - 12.0),
                w: num(w),
                text_x: num(x),
                text_y: num(y + 4.0),
                class: ["nationality", "plot", "handler", "unit", "office"][n.column],
            }
        })
        .collect();
    let half_width = |key: &str| {
        views
            .iter()
            .find(|v| v.key == key)
            .and_then(|v| v.w.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 2.0
    };
    let edge_views = edges
        .iter()
        .filter_map(|(a, b, dashed, title, short)| {
            let (na, nb) = (nodes.iter().find(|n| n.key == *a)?, nodes.iter().find(|n| n.key == *b)?);
            let ((xa, ya), (xb, yb)) = (place(na), place(nb));
            let (x1, x2) = (xa + half_width(a), xb - half_width(b));
            let dx = (x2 - x1) / 2.0;
            Some(Edge {
                from: a.clone(),
                to: b.clone(),
                d: format!(
                    "M{} {}C{} {} {} {} {} {}",
                    num(x1),
                    num(ya),
                    num(x1 + dx),
                    num(ya),
                    num(x2 - dx),
                    num(yb),
                    num(x2),
                    num(yb)
                ),
                class: if *dashed { "edge hedged" } else { "edge" },
                title: title.clone(),
                short: short.clone(),
            })
        })
        .collect();
    Network {
        title: site.t("analysis-network-svg-title"),
        desc: site.t2("analysis-network-svg-desc", "nodes", views.len(), "links", edges.len()),
        width: WIDTH as u32,
        height: height.ceil() as u32,
        headers: COLUMNS
            .iter()
            .map(|(label, x)| Text {
                x: num(heading_centre(*x, site.t(label).chars().count())),
                y: num(24.0),
                anchor: "middle",
                class: "column",
                content: site.t(label),
            })
            .collect(),
        rules: Vec::new(),
        nodes: views,
        edges: edge_views,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_deterministic_and_complete() {
        let data = Dataset::embedded().expect("valid");
        let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone());
        let a = network(&site, &data);
        let b = network(&site, &data);
        let pos = |n: &Network| {
            n.nodes
                .iter()
                .map(|x| (x.key.clone(), x.x.clone(), x.y.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(pos(&a), pos(&b));
        assert_eq!(a.nodes.iter().filter(|n| n.column == 1).count(), 7);
        assert!(a.nodes.iter().any(|n| n.key == "office:al-siddiq-office"));
        assert!(a.nodes.iter().any(|n| n.key == "handler:unknown"));
        // No two nodes of a column overlap.
        for c in 0..5 {
            let mut ys: Vec<f64> = a
                .nodes
                .iter()
                .filter(|n| n.column == c)
                .map(|n| n.y.parse().expect("y"))
                .collect();
            ys.sort_by(f64::total_cmp);
            assert!(ys.windows(2).all(|w| w[1] - w[0] >= 30.0), "column {c}: {ys:?}");
        }
        assert!(a.nodes.iter().all(|n| n.href.starts_with('/')));
    }

    /// Every column heading, in every language, lies inside the picture (it is centred, so half
    /// its estimated width either side of its x), and stays within a column's width of its column.
    #[test]
    fn column_headings_fit_inside_the_picture() {
        let data = Dataset::embedded().expect("valid");
        for lang in crate::i18n::languages() {
            let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone()).in_language(lang);
            let net = crate::i18n::in_language(lang, || network(&site, &data));
            for (h, (_, column_x)) in net.headers.iter().zip(COLUMNS) {
                let x: f64 = h.x.parse().expect("x");
                let half = HEADING_CHAR_W * h.content.chars().count() as f64 / 2.0;
                assert_eq!(h.anchor, "middle");
                assert!(
                    x - half >= 0.0 && x + half <= WIDTH,
                    "{}: {} at {x}",
                    lang.code,
                    h.content
                );
                assert!(
                    (x - column_x).abs() < 60.0,
                    "{}: {} drifts from its column",
                    lang.code,
                    h.content
                );
            }
        }
        // The German "Staatsangehörigkeit" is the long one: it moves right, off the edge.
        assert!(heading_centre(80.0, 19) > 80.0 + 5.0);
        assert_eq!(heading_centre(320.0, 14), 320.0);
    }
}
