//! The map: country shapes from `data/geo/map.json` (Natural Earth, projected at build time),
//! the plots' places as linked circles, handler countries as triangles with lines to the plots they
//! guided (solid where the report states it, dashed where it hedges), arrests abroad as squares,
//! and a legend. Shapes, not colours, carry the meaning, so it reads in black and white.
//!
//! The full map is drawn on `/map` and, smaller, on `/`; each plot page shows a locator cut to its
//! own places.

use serde::Deserialize;

use super::Text;
use crate::draw::num;
use crate::draw::projection::Albers;
use crate::model::plot::{Certainty, PlaceKind};
use crate::model::{Dataset, country};
use crate::site::Site;

/// `data/geo/map.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Geo {
    pub source: String,
    pub projection: Albers,
    pub width: f64,
    pub height: f64,
    pub countries: Vec<GeoCountry>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GeoCountry {
    pub iso: String,
    pub name: String,
    pub d: String,
    #[serde(skip)]
    pub bbox: (f64, f64, f64, f64),
}

/// Approximate centres of the countries the report places handlers or arrests in. The report
/// names countries, not cities, so the marks sit mid-country and the legend says so.
const ANCHORS: [(&str, f64, f64); 6] = [
    ("AF", 67.7, 33.9),
    ("IR", 53.7, 32.4),
    ("SY", 38.5, 35.0),
    ("TR", 35.2, 39.0),
    ("AL", 20.1, 41.1),
    ("NL", 5.3, 52.1),
];

impl Geo {
    pub fn load(text: &str) -> Result<Geo, String> {
        let mut geo: Geo = serde_json::from_str(text).map_err(|e| e.to_string())?;
        for c in &mut geo.countries {
            c.bbox = path_bbox(&c.d).ok_or_else(|| format!("country {}: unreadable path", c.iso))?;
        }
        Ok(geo)
    }

    pub fn embedded() -> Result<Geo, String> {
        Geo::load(include_str!("../../../data/geo/map.json"))
    }

    fn anchor(&self, iso: &str) -> Option<(f64, f64)> {
        ANCHORS
            .iter()
            .find(|(c, _, _)| *c == iso)
            .map(|(_, lon, lat)| self.projection.project(*lon, *lat))
    }
}

/// Bounding box (min x, min y, max x, max y) of a path made of `M`, `l` and `z` commands.
pub fn path_bbox(d: &str) -> Option<(f64, f64, f64, f64)> {
    let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let (mut x, mut y) = (0.0, 0.0);
    let mut command = 'M';
    let mut numbers: Vec<f64> = Vec::new();
    let mut token = String::new();
    let flush = |token: &mut String, numbers: &mut Vec<f64>| -> Option<()> {
        if !token.is_empty() {
            numbers.push(token.parse().ok()?);
            token.clear();
        }
        Some(())
    };
    let mut apply = |command: char, numbers: &mut Vec<f64>, x: &mut f64, y: &mut f64| {
        for pair in numbers.chunks(2).filter(|p| p.len() == 2) {
            if command == 'M' || command == 'L' {
                (*x, *y) = (pair[0], pair[1]);
            } else {
                (*x, *y) = (*x + pair[0], *y + pair[1]);
            }
            bbox = (bbox.0.min(*x), bbox.1.min(*y), bbox.2.max(*x), bbox.3.max(*y));
        }
        numbers.clear();
    };
    for ch in d.chars() {
        match ch {
            'M' | 'L' | 'l' | 'z' | 'Z' => {
                flush(&mut token, &mut numbers)?;
                apply(command, &mut numbers, &mut x, &mut y);
                command = ch;
            }
            '-' => {
                if !token.is_empty() && !token.ends_with('e') {
                    flush(&mut token, &mut numbers)?;
                }
                token.push(ch);
            }
            ' ' | ',' => flush(&mut token, &mut numbers)?,
            c if c.is_ascii_digit() || c == '.' || c == 'e' => token.push(c),
            _ => return None,
        }
    }
    flush(&mut token, &mut numbers)?;
    apply(command, &mut numbers, &mut x, &mut y);
    (bbox.0 <= bbox.2).then_some(bbox)
}

#[derive(Debug, Clone)]
pub struct Shape {
    pub d: String,
    pub class: &'static str,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Marker {
    pub x: String,
    pub y: String,
    pub href: Option<String>,
    pub title: String,
    /// The plot's number in date order, on maps that show all plots (see `MapView::key`).
    pub number: Option<usize>,
    /// Where the number is written (beside the circle).
    pub nx: String,
    pub ny: String,
    /// The true position, where a marker moved out of a cluster has its leader line end
    /// (`None` when the marker sits on it).
    pub leader: Option<(String, String)>,
}

/// A numbered entry of the map's key: plot number, title, link.
#[derive(Debug, Clone)]
pub struct KeyEntry {
    pub number: usize,
    pub title: String,
    pub href: String,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub d: String,
    pub class: &'static str,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct MapView {
    pub title: String,
    pub desc: String,
    pub view_box: String,
    pub width: String,
    pub height: String,
    /// Scales and moves the country shapes (in projected units) onto the picture; marks and labels
    /// are placed in picture units, so a close-up enlarges the land but not the text.
    pub land_transform: String,
    pub countries: Vec<Shape>,
    pub links: Vec<Link>,
    pub plots: Vec<Marker>,
    pub handlers: Vec<Marker>,
    pub arrests: Vec<Marker>,
    pub labels: Vec<Text>,
    pub legend: bool,
    /// The numbered plots, on maps that show them all.
    pub key: Vec<KeyEntry>,
    /// Whether the picture sits in a frame that scrolls sideways on a phone (every map but a plot's
    /// locator, which is small enough to read at phone width).
    pub scroll: bool,
}

/// Which part of the map to draw.
pub enum Focus<'a> {
    /// Everything, with legend (`/map`).
    Full,
    /// Everything, no labels for handler lines (the overview's small map).
    Overview,
    /// Cut to one plot's places.
    Plot(&'a str),
    /// All plot places, close up, numbered and named (the inset on `/map`).
    Detail,
}

pub fn map(site: &Site, data: &Dataset, geo: &Geo, focus: &Focus<'_>) -> MapView {
    let only = match focus {
        Focus::Plot(slug) => data.plot(slug),
        _ => None,
    };
    let plots: Vec<&crate::model::Plot> = match only {
        Some(p) => vec![p],
        None => data.plots.iter().collect(),
    };
    let location_countries: Vec<&str> = plots
        .iter()
        .flat_map(|p| p.countries.iter().map(String::as_str))
        .collect();
    let handler_countries: Vec<&str> = plots
        .iter()
        .flat_map(|p| p.international_connection.handler_countries())
        .filter(|c| *c != "unknown")
        .collect();
    let arrest_countries: Vec<&str> = plots
        .iter()
        .flat_map(|p| p.international_connection.arrests_abroad.iter().map(String::as_str))
        .collect();

    // The frame: the whole map, or the plot's places (and handlers) with a margin, at least 300 wide.
    let (mut x0, mut y0, mut x1, mut y1) = (0.0, 0.0, geo.width, geo.height);
    if let Some(p) = only {
        let pts: Vec<(f64, f64)> = p
            .locations
            .iter()
            .map(|l| geo.projection.project(l.lon, l.lat))
            .collect();
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in pts {
            (a, b, c, d) = (a.min(x), b.min(y), c.max(x), d.max(y));
        }
        let (cx, cy) = ((a + c) / 2.0, (b + d) / 2.0);
        let w = ((c - a) + 160.0).max(300.0);
        let h = ((d - b) + 140.0).max(w * 0.62);
        (x0, y0, x1, y1) = (
            (cx - w / 2.0).max(0.0),
            (cy - h / 2.0).max(0.0),
            (cx + w / 2.0).min(geo.width),
            (cy + h / 2.0).min(geo.height),
        );
    }
    if matches!(focus, Focus::Detail) {
        let pts: Vec<(f64, f64)> = plots
            .iter()
            .flat_map(|p| p.locations.iter().map(|l| geo.projection.project(l.lon, l.lat)))
            .collect();
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in pts {
            (a, b, c, d) = (a.min(x), b.min(y), c.max(x), d.max(y));
        }
        (x0, y0, x1, y1) = (a - 40.0, b - 25.0, c + 90.0, d + 20.0);
    } else if only.is_none() {
        // All the marks (plot places, handler and arrest countries) with room around them.
        let mut pts: Vec<(f64, f64)> = plots
            .iter()
            .flat_map(|p| p.locations.iter().map(|l| geo.projection.project(l.lon, l.lat)))
            .collect();
        pts.extend(
            handler_countries
                .iter()
                .chain(&arrest_countries)
                .filter_map(|c| geo.anchor(c)),
        );
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in pts {
            (a, b, c, d) = (a.min(x), b.min(y), c.max(x), d.max(y));
        }
        (x0, y0, x1, y1) = (
            (a - 170.0).max(0.0),
            (b - 50.0).max(0.0),
            (c + 60.0).min(geo.width),
            (d + 60.0).min(geo.height),
        );
    }
    let visible = |b: &(f64, f64, f64, f64)| b.2 >= x0 && b.0 <= x1 && b.3 >= y0 && b.1 <= y1;
    // Picture units: the close-up is enlarged to 640 wide; the other maps keep projected units.
    let s = if matches!(focus, Focus::Detail) {
        640.0 / (x1 - x0)
    } else {
        1.0
    };
    let screen = |(x, y): (f64, f64)| ((x - x0) * s, (y - y0) * s);
    let (pw, ph) = ((x1 - x0) * s, (y1 - y0) * s);

    let countries = geo
        .countries
        .iter()
        .filter(|c| visible(&c.bbox))
        .map(|c| {
            let (class, role) = if location_countries.contains(&c.iso.as_str()) {
                ("country plot-country", site.t("analysis-map-plot-location"))
            } else if handler_countries.contains(&c.iso.as_str()) {
                ("country handler-country", site.t("analysis-map-handlers-here"))
            } else {
                ("country", String::new())
            };
            // A translated edition names the country in its language where the catalogue has it.
            let id = format!("country-{}", c.iso);
            let name = if !site.lang.is_source() && site.lang.ids().contains(&id) {
                site.t(&id)
            } else {
                c.name.clone()
            };
            let title = if role.is_empty() {
                name
            } else {
                format!("{name}: {role}")
            };
            Shape {
                d: c.d.clone(),
                class,
                title,
            }
        })
        .collect();

    let mut view = MapView {
        title: match only {
            Some(p) => site.t1("analysis-map-locator", "place", p.place_label.as_str()),
            None if matches!(focus, Focus::Detail) => site.t("analysis-map-detail-title"),
            None => site.t("analysis-map-svg-title"),
        },
        desc: String::new(),
        view_box: format!("0 0 {} {}", num(pw), num(ph)),
        width: num(pw),
        height: num(ph),
        land_transform: format!("matrix({s:.4} 0 0 {s:.4} {:.2} {:.2})", -x0 * s, -y0 * s),
        countries,
        links: Vec::new(),
        plots: Vec::new(),
        handlers: Vec::new(),
        arrests: Vec::new(),
        labels: Vec::new(),
        legend: matches!(focus, Focus::Full),
        key: Vec::new(),
        scroll: only.is_none(),
    };
    let numbered = only.is_none();
    // The inset repeats the overview's numbers but not its key.
    let keyed = numbered && !matches!(focus, Focus::Detail);

    // Plot places. Markers that would overlap are moved apart around their cluster's centre,
    // each with a leader line to its true position (see `spread`).
    let mut truth: Vec<(f64, f64)> = Vec::new();
    let mut owner: Vec<(usize, &crate::model::plot::Location)> = Vec::new();
    for (i, p) in plots.iter().enumerate() {
        if keyed {
            view.key.push(KeyEntry {
                number: i + 1,
                title: p.title(),
                href: site.url(&p.path()),
            });
        }
        for l in &p.locations {
            truth.push(screen(geo.projection.project(l.lon, l.lat)));
            owner.push((i, l));
        }
    }
    let radius = if numbered { 7.5 } else { 5.5 };
    // The handler and arrest marks, on the maps that show them.
    let fixed: Vec<(f64, f64)> = if only.is_none() && !matches!(focus, Focus::Detail) {
        dedup(&handler_countries)
            .into_iter()
            .chain(dedup(&arrest_countries))
            .filter_map(|c| geo.anchor(c).map(screen))
            .collect()
    } else {
        Vec::new()
    };
    let placed = spread(&truth, &fixed, 2.0 * radius + 3.0);
    let mut places: Vec<(Vec<(f64, f64)>, String)> = Vec::new();
    for (k, &(i, l)) in owner.iter().enumerate() {
        let p = plots[i];
        let ((x, y), (tx, ty)) = (placed[k], truth[k]);
        let kind = match l.kind {
            PlaceKind::City => String::new(),
            PlaceKind::Region => format!(" ({})", site.t("analysis-map-region-centre")),
            PlaceKind::Country => format!(" ({})", site.t("analysis-map-country-centre")),
        };
        let moved = (x - tx).hypot(y - ty) > 0.5;
        view.plots.push(Marker {
            x: num(x),
            y: num(y),
            href: Some(site.url(&p.path())),
            title: crate::i18n::current().message(
                "analysis-map-plot-marker",
                &[
                    ("place", format!("{}{kind}", l.place).into()),
                    ("date", p.date.to_string().into()),
                    ("label", p.place_label.as_str().into()),
                ],
            ),
            number: numbered.then_some(i + 1),
            nx: num(x),
            ny: num(y + 3.6),
            leader: moved.then(|| (num(tx), num(ty))),
        });
        match places.iter_mut().find(|(_, name)| *name == l.place) {
            Some((at, _)) => at.push((x, y)),
            None => places.push((vec![(x, y)], l.place.clone())),
        }
    }
    // On the overview maps, numbers (and the key) replace place names; close up, both show.
    if !numbered || matches!(focus, Focus::Detail) {
        view.labels = place_labels(&places, &placed, radius, pw, ph);
    }

    if matches!(focus, Focus::Detail) {
        view.desc = site.t1("analysis-map-detail-desc", "count", view.plots.len());
        return view;
    }
    // The description counts every handler and arrest country, on the map or named at its edge.
    let marked = |isos: &[&str]| dedup(isos).into_iter().filter(|c| geo.anchor(c).is_some()).count();
    let counted = (marked(&handler_countries), marked(&arrest_countries));
    let inside = |(x, y): (f64, f64)| x >= 0.0 && x <= pw && y >= 0.0 && y <= ph;
    // A locator draws only the marks on it: a country off the map is named at the map's edge.
    let shown = |at: &(f64, f64)| only.is_none() || inside(*at);
    // Handler countries and the lines to the plots they guided.
    let mut edge_labels: Vec<((f64, f64), String)> = Vec::new();
    for p in &plots {
        let Some(target) = p
            .locations
            .first()
            .map(|l| screen(geo.projection.project(l.lon, l.lat)))
        else {
            continue;
        };
        for h in &p.international_connection.handlers {
            let Some(from) = geo.anchor(&h.country).map(screen) else {
                continue;
            };
            let hedged = !matches!(h.certainty, Certainty::Stated);
            // A gentle arc, bowed to the north, so lines from one handler fan out.
            let (mx, my) = (
                (from.0 + target.0) / 2.0,
                (from.1 + target.1) / 2.0 - 0.12 * (from.0 - target.0).abs(),
            );
            let d = if only.is_some() && !inside(from) {
                // A locator shows the plot's places, not the handler's country: the line runs to
                // the map's edge, where the country's name says where it goes.
                let (d, exit) = locator_line(from, (mx, my), target, pw, ph, &view.labels);
                if let Some(exit) = exit {
                    edge_labels.push((exit, country::display(&h.country)));
                }
                d
            } else {
                format!(
                    "M{} {}Q{} {} {} {}",
                    num(from.0),
                    num(from.1),
                    num(mx),
                    num(my),
                    num(target.0),
                    num(target.1)
                )
            };
            view.links.push(Link {
                d,
                class: if hedged { "link hedged" } else { "link" },
                title: format!(
                    "{} → {} ({})",
                    country::display(&h.country),
                    p.place_label,
                    crate::model::figures::certainty_label(h.certainty)
                ),
            });
        }
    }
    edge_labels.dedup_by(|a, b| a.1 == b.1);
    // The place names already on the map are taken.
    let mut taken: Vec<Box4> = view.labels.iter().filter_map(label_box).collect();
    for ((ex, ey), name) in edge_labels {
        view.labels.push(edge_label((ex, ey), &name, pw, ph, &mut taken));
    }
    for iso in dedup(&handler_countries) {
        if let Some((x, y)) = geo.anchor(iso).map(screen).filter(shown) {
            view.handlers.push(Marker {
                x: num(x),
                y: num(y),
                href: Some(site.url(&format!("/plots?handler={iso}"))),
                title: site.t1(
                    "analysis-map-handler-marker",
                    "country",
                    country::display(iso).to_string(),
                ),
                number: None,
                nx: String::new(),
                ny: String::new(),
                leader: None,
            });
            view.labels.push(Text {
                x: num(x),
                y: num(y + 20.0),
                anchor: "middle",
                class: "handler",
                content: country::display(iso).to_string(),
            });
        }
    }
    for iso in dedup(&arrest_countries) {
        if let Some((x, y)) = geo.anchor(iso).map(screen).filter(shown) {
            view.arrests.push(Marker {
                x: num(x),
                y: num(y),
                href: None,
                title: site.t1(
                    "analysis-map-arrest-marker",
                    "country",
                    country::display(iso).to_string(),
                ),
                number: None,
                nx: String::new(),
                ny: String::new(),
                leader: None,
            });
            // Right of the square, or left where a plot marker sits on the right.
            let name = country::display(iso).to_string();
            let w = 6.6 * name.chars().count() as f64;
            let r = radius + 1.5;
            let right = (x + 8.0, y - 7.0, x + 8.0 + w, y + 4.0);
            let blocked = placed
                .iter()
                .any(|(px, py)| overlaps(&right, &(px - r, py - r, px + r, py + r)));
            view.labels.push(Text {
                x: num(if blocked { x - 8.0 } else { x + 8.0 }),
                y: num(y + 4.0),
                anchor: if blocked { "end" } else { "start" },
                class: "arrest",
                content: name,
            });
        }
    }
    view.desc = crate::i18n::current().message(
        "analysis-map-desc",
        &[
            ("plots", view.plots.len().into()),
            ("handlers", counted.0.into()),
            ("arrests", counted.1.into()),
        ],
    );
    view
}

/// Where to draw each marker so that no two overlap: markers whose centres are closer than `gap`
/// push each other apart along the line between them, half the overlap each, until none
/// overlaps (markers on the very same point start apart in fixed, distinct directions), and off
/// the `fixed` marks. A marker
/// alone stays on its true position; a moved one moves no further than its cluster needs.
pub fn spread(points: &[(f64, f64)], fixed: &[(f64, f64)], gap: f64) -> Vec<(f64, f64)> {
    let n = points.len();
    let mut out = points.to_vec();
    for _ in 0..500 {
        let mut moved = false;
        // Marks that cannot move (handler and arrest countries) push a marker off by the whole overlap.
        for o in out.iter_mut() {
            for f in fixed {
                let (dx, dy) = (o.0 - f.0, o.1 - f.1);
                let d = dx.hypot(dy);
                if d < gap - 1e-9 {
                    let (ux, uy) = if d < 1e-6 { (0.0, -1.0) } else { (dx / d, dy / d) };
                    *o = (o.0 + ux * (gap - d + 1e-3), o.1 + uy * (gap - d + 1e-3));
                    moved = true;
                }
            }
        }
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (out[j].0 - out[i].0, out[j].1 - out[i].1);
                let d = dx.hypot(dy);
                if d >= gap - 1e-9 {
                    continue;
                }
                // The golden angle gives each coincident pair its own direction.
                let (ux, uy) = if d < 1e-6 {
                    let a = 2.399_963 * (i * n + j) as f64;
                    (a.cos(), a.sin())
                } else {
                    (dx / d, dy / d)
                };
                let push = (gap - d) / 2.0 + 1e-3;
                out[i] = (out[i].0 - ux * push, out[i].1 - uy * push);
                out[j] = (out[j].0 + ux * push, out[j].1 + uy * push);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    out
}

/// A label's box: (left, top, right, bottom).
type Box4 = (f64, f64, f64, f64);

/// Average advance of a character of the 11 px handler labels, generous.
const HANDLER_CHAR_W: f64 = 6.8;

/// Where a place name (12 px, bold) sits, generously, with a little room around it.
fn label_box(t: &Text) -> Option<Box4> {
    let (x, y) = (t.x.parse::<f64>().ok()?, t.y.parse::<f64>().ok()?);
    let lw = 7.2 * t.content.chars().count() as f64;
    let left = match t.anchor {
        "start" => x,
        "end" => x - lw,
        _ => x - lw / 2.0,
    };
    Some((left - 2.0, y - 12.0, left + lw + 2.0, y + 5.0))
}

/// The quadratic curve `from` → `control` → `to` cut to the `w` × `h` picture and broken where it
/// would cross a label (the plot's place name beside its marker), as the pieces of the same curve
/// that remain; with the point where it enters the picture, if it starts outside.
fn locator_line(
    from: (f64, f64),
    control: (f64, f64),
    to: (f64, f64),
    w: f64,
    h: f64,
    labels: &[Text],
) -> (String, Option<(f64, f64)>) {
    let boxes: Vec<Box4> = labels.iter().filter_map(label_box).collect();
    let at = |t: f64| {
        let u = 1.0 - t;
        (
            u * u * from.0 + 2.0 * u * t * control.0 + t * t * to.0,
            u * u * from.1 + 2.0 * u * t * control.1 + t * t * to.1,
        )
    };
    let on_map = |p: (f64, f64)| p.0 >= 0.0 && p.0 <= w && p.1 >= 0.0 && p.1 <= h;
    let shown = |t: f64| {
        let p = at(t);
        on_map(p) && !boxes.iter().any(|b| p.0 > b.0 && p.0 < b.2 && p.1 > b.1 && p.1 < b.3)
    };
    // Where `shown` changes between two samples, found to a hundredth of a unit by halving.
    let edge = |mut a: f64, mut b: f64| {
        let first = shown(a);
        for _ in 0..30 {
            let m = (a + b) / 2.0;
            if shown(m) == first { a = m } else { b = m }
        }
        (a + b) / 2.0
    };
    let steps = 240;
    let mut pieces: Vec<(f64, f64)> = Vec::new();
    let mut open: Option<f64> = None;
    for i in 0..=steps {
        let t = f64::from(i) / f64::from(steps);
        let before = f64::from(i.max(1) - 1) / f64::from(steps);
        match (open, shown(t)) {
            (None, true) => open = Some(if i == 0 { 0.0 } else { edge(before, t) }),
            (Some(a), false) => {
                pieces.push((a, edge(before, t)));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        pieces.push((a, 1.0));
    }
    // The piece of the curve between parameters a and b is itself a quadratic curve; its control
    // point is the curve's blossom at (a, b).
    let mut d = String::new();
    for (a, b) in &pieces {
        let (a, b) = (*a, *b);
        let k =
            |p0: f64, p1: f64, p2: f64| (1.0 - a) * (1.0 - b) * p0 + ((1.0 - a) * b + a * (1.0 - b)) * p1 + a * b * p2;
        let (s, e) = (at(a), at(b));
        d.push_str(&format!(
            "M{} {}Q{} {} {} {}",
            num(s.0),
            num(s.1),
            num(k(from.0, control.0, to.0)),
            num(k(from.1, control.1, to.1)),
            num(e.0),
            num(e.1)
        ));
    }
    let exit = (!on_map(from))
        .then(|| pieces.first().map(|(a, _)| at(*a)))
        .flatten()
        .map(|p| (p.0.clamp(0.0, w), p.1.clamp(0.0, h)));
    (d, exit)
}

/// The name of a handler's country where its line leaves a locator map, inside the picture beside
/// that edge, with an arrow towards it, clear of the names already `taken`.
fn edge_label((x, y): (f64, f64), name: &str, w: f64, h: f64, taken: &mut Vec<Box4>) -> Text {
    let lw = HANDLER_CHAR_W * (name.chars().count() + 2) as f64;
    // Beside the line where it leaves: above it at a side edge, left (or right) of it at the top or
    // bottom edge.
    let beside = if x - 6.0 - lw >= 3.0 { "end" } else { "start" };
    let off = if beside == "end" { -6.0 } else { 6.0 };
    // Baselines to try, nearest the line first.
    let (content, anchor, tx, tries): (String, &'static str, f64, Vec<f64>) = if x >= w - 0.5 || x <= 0.5 {
        let tries = [-6.0, 15.0, -21.0, 30.0, -36.0, 45.0].iter().map(|d| y + d).collect();
        if x > 0.5 {
            (format!("{name} →"), "end", w - 3.0, tries)
        } else {
            (format!("← {name}"), "start", 3.0, tries)
        }
    } else if y <= 0.5 {
        (format!("↑ {name}"), beside, x + off, vec![13.0, 28.0, 43.0])
    } else {
        (format!("↓ {name}"), beside, x + off, vec![h - 5.0, h - 20.0, h - 35.0])
    };
    let tries: Vec<f64> = tries.into_iter().filter(|t| *t >= 13.0 && *t <= h - 3.0).collect();
    let boxed = |tx: f64, ty: f64| {
        let left = match anchor {
            "start" => tx,
            "end" => tx - lw,
            _ => tx - lw / 2.0,
        };
        (left, ty - 11.0, left + lw, ty + 3.0)
    };
    let ty = tries
        .iter()
        .copied()
        .find(|t| !taken.iter().any(|b| overlaps(b, &boxed(tx, *t))))
        .or_else(|| tries.first().copied())
        .unwrap_or(h / 2.0);
    taken.push(boxed(tx, ty));
    Text {
        x: num(tx),
        y: num(ty),
        anchor,
        class: "handler edge-name",
        content,
    }
}

fn overlaps(a: &Box4, b: &Box4) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Names beside their markers: each name is tried right, left, above and below the box of its
/// own markers (one place may carry two plots' markers), at the first position that overlaps no
/// other name and no marker and stays inside the picture; a name with no free position is left
/// out (its marker's number and tooltip still say what it is).
fn place_labels(
    places: &[(Vec<(f64, f64)>, String)],
    markers: &[(f64, f64)],
    radius: f64,
    width: f64,
    height: f64,
) -> Vec<Text> {
    let char_w = 7.2;
    let r = radius + 1.5;
    let mut boxes: Vec<Box4> = markers.iter().map(|(x, y)| (x - r, y - r, x + r, y + r)).collect();
    let mut out = Vec::new();
    for (at, name) in places {
        let w = char_w * name.chars().count() as f64;
        let (x0, y0) = at
            .iter()
            .fold((f64::MAX, f64::MAX), |a, p| (a.0.min(p.0), a.1.min(p.1)));
        let (x1, y1) = at
            .iter()
            .fold((f64::MIN, f64::MIN), |a, p| (a.0.max(p.0), a.1.max(p.1)));
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        // (anchor x, baseline y, anchor)
        let candidates = [
            (x1 + r + 2.0, cy + 4.0, "start"),
            (x0 - r - 2.0, cy + 4.0, "end"),
            (cx, y0 - r - 3.0, "middle"),
            (cx, y1 + r + 12.0, "middle"),
            (x1 + r, y0 - r + 1.0, "start"),
            (x0 - r, y0 - r + 1.0, "end"),
            (x1 + r, y1 + r + 10.0, "start"),
            (x0 - r, y1 + r + 10.0, "end"),
            (x0 - r - 2.0, cy - 10.0, "end"),
            (x0 - r - 2.0, cy + 18.0, "end"),
            (x1 + r + 2.0, cy - 10.0, "start"),
            (x1 + r + 2.0, cy + 18.0, "start"),
        ];
        for (tx, ty, anchor) in candidates {
            let left = match anchor {
                "start" => tx,
                "end" => tx - w,
                _ => tx - w / 2.0,
            };
            let b = (left, ty - 11.0, left + w, ty + 3.0);
            let free = !boxes.iter().any(|o| overlaps(&b, o));
            if free && b.0 >= 0.0 && b.2 <= width && b.1 >= 0.0 && b.3 <= height {
                boxes.push(b);
                out.push(Text {
                    x: num(tx),
                    y: num(ty),
                    anchor,
                    class: "place",
                    content: name.clone(),
                });
                break;
            }
        }
    }
    out
}

fn dedup<'a>(list: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for c in list {
        if !out.contains(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_geometry_keeps_geography() {
        let geo = Geo::embedded().expect("map.json loads");
        let p = |lon, lat| geo.projection.project(lon, lat);
        let (strasbourg, vienna) = (p(7.7521, 48.5734), p(16.3731, 48.2085));
        let (stockholm, gera) = (p(18.0665, 59.3275), p(12.0833, 50.8806));
        assert!(strasbourg.0 < vienna.0, "Strasbourg west of Vienna");
        assert!(stockholm.1 < gera.1, "Stockholm north of Gera");
        let bbox = |iso: &str| geo.countries.iter().find(|c| c.iso == iso).map(|c| c.bbox).expect(iso);
        let (af, ir) = (bbox("AF"), bbox("IR"));
        assert!((af.0 + af.2) / 2.0 > (ir.0 + ir.2) / 2.0, "Afghanistan east of Iran");
        // Cities fall inside their countries' boxes: the projection matches the shapes.
        let de = bbox("DE");
        assert!(gera.0 > de.0 && gera.0 < de.2 && gera.1 > de.1 && gera.1 < de.3);
        let kabul = p(69.2075, 34.5553);
        assert!(kabul.0 > af.0 && kabul.0 < af.2 && kabul.1 > af.1 && kabul.1 < af.3);
    }

    #[test]
    fn clustered_markers_are_spread_apart_and_lone_ones_stay() {
        let pts = [
            (100.0, 100.0),
            (101.0, 100.5),
            (100.0, 100.0),
            (103.0, 98.0),
            (300.0, 50.0),
        ];
        let gap = 18.0;
        let out = spread(&pts, &[(110.0, 100.0)], gap);
        for (i, a) in out.iter().enumerate() {
            for b in &out[i + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) >= gap - 0.01, "{a:?} and {b:?} overlap");
            }
            assert!(
                (a.0 - 110.0).hypot(a.1 - 100.0) >= gap - 0.01,
                "{a:?} on the fixed mark"
            );
        }
        assert_eq!(out[4], pts[4], "a marker alone is not moved");
        assert!(
            out.iter().take(4).all(|p| (p.0 - 100.0).hypot(p.1 - 100.0) < 3.0 * gap),
            "moved no further than the cluster needs: {out:?}"
        );
    }

    /// On every map: no two markers overlap; a moved marker's leader line ends at its true place;
    /// no two names overlap, and each name is beside one of its own markers.
    #[test]
    fn markers_leaders_and_names_on_the_real_maps() {
        let data = crate::model::Dataset::embedded().expect("dataset");
        let geo = Geo::embedded().expect("geo");
        let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone());
        let f = |s: &String| -> f64 { s.parse().expect("number") };
        for focus in [
            Focus::Full,
            Focus::Overview,
            Focus::Detail,
            Focus::Plot("2023-12-cologne-vienna"),
        ] {
            let m = map(&site, &data, &geo, &focus);
            let markers: Vec<(f64, f64)> = m.plots.iter().map(|p| (f(&p.x), f(&p.y))).collect();
            let r = if m.plots.iter().any(|p| p.number.is_some()) {
                7.5
            } else {
                5.5
            };
            for (i, a) in markers.iter().enumerate() {
                for b in &markers[i + 1..] {
                    assert!((a.0 - b.0).hypot(a.1 - b.1) >= 2.0 * r, "{a:?} and {b:?} overlap");
                }
            }
            let mut moved = 0;
            for (k, p) in m.plots.iter().enumerate() {
                let plot = data
                    .plots
                    .iter()
                    .find(|x| site.url(&x.path()) == *p.href.as_ref().expect("href"))
                    .expect("plot");
                let truth = plot
                    .locations
                    .iter()
                    .map(|l| geo.projection.project(l.lon, l.lat))
                    .collect::<Vec<_>>();
                if let Some((tx, ty)) = &p.leader {
                    moved += 1;
                    // The leader starts at the drawn marker and ends at a true place of its plot
                    // (in picture units: compare through the land transform).
                    let (tx, ty) = (f(tx), f(ty));
                    assert!((tx - markers[k].0).hypot(ty - markers[k].1) > 0.5);
                    let scale: f64 = m.land_transform[7..]
                        .split(' ')
                        .next()
                        .expect("scale")
                        .parse()
                        .expect("scale");
                    let parts: Vec<f64> = m
                        .land_transform
                        .trim_end_matches(')')
                        .split(' ')
                        .filter_map(|v| v.parse().ok())
                        .collect();
                    let (dx, dy) = (parts[parts.len() - 2], parts[parts.len() - 1]);
                    assert!(
                        truth
                            .iter()
                            .any(|(x, y)| (x * scale + dx - tx).abs() < 0.2 && (y * scale + dy - ty).abs() < 0.2),
                        "leader of {} ends at ({tx}, {ty}), not at a place of the plot",
                        plot.slug
                    );
                }
            }
            if matches!(focus, Focus::Overview | Focus::Detail) {
                assert!(moved >= 2, "the Rhine–Ruhr markers are spread with leaders");
            }
            let names: Vec<(f64, f64, f64, f64)> = m
                .labels
                .iter()
                .filter(|t| t.class == "place")
                .map(|t| {
                    let (x, y, w) = (f(&t.x), f(&t.y), 7.2 * t.content.chars().count() as f64);
                    let left = match t.anchor {
                        "start" => x,
                        "end" => x - w,
                        _ => x - w / 2.0,
                    };
                    (left, y - 11.0, left + w, y + 3.0)
                })
                .collect();
            for (i, a) in names.iter().enumerate() {
                for b in &names[i + 1..] {
                    assert!(!overlaps(a, b), "names overlap: {a:?} {b:?}");
                }
                for p in &markers {
                    assert!(
                        !overlaps(a, &(p.0 - r, p.1 - r, p.0 + r, p.1 + r)),
                        "a name covers a marker"
                    );
                }
                // Beside a marker: its box is within 12 units of one.
                assert!(
                    markers.iter().any(|p| {
                        let dx = (a.0 - p.0).max(p.0 - a.2).max(0.0);
                        let dy = (a.1 - p.1).max(p.1 - a.3).max(0.0);
                        dx.hypot(dy) <= r + 12.0
                    }),
                    "a name far from every marker: {a:?}"
                );
            }
        }
    }

    #[test]
    fn path_boxes_follow_relative_moves() {
        assert_eq!(path_bbox("M10 20l5 0 0-5-5 5z"), Some((10.0, 15.0, 15.0, 20.0)));
        assert_eq!(
            path_bbox("M1.5-2l-1.5 2zM100 100l1 1z"),
            Some((0.0, -2.0, 101.0, 101.0))
        );
        assert_eq!(path_bbox("M1 2q3 4"), None);
    }
}
