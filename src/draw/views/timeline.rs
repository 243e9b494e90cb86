//! `/timeline`: 2014–2025 on one axis. The organisation's events above it (numbered, the list
//! beside the picture holds the words; the chronology's entries that are plots are left to the
//! plots' row, so each plot appears once), the seven plots below it (named, each a link), the June
//! 2024 Europol operation and the 2025 lull. A date is drawn as precisely as the report gives it:
//! a day or month as a point, a year as a bar spanning that year. No plot's name crosses another
//! name, a marker, a line or the lull band.

use chrono::{Datelike, NaiveDate};

use super::charts::{Chart, empty};
use super::{Circle, Line, Rect, Text};
use crate::draw::num;
use crate::draw::scale::Linear;
use crate::model::{Dataset, PartialDate, Precision};
use crate::site::Site;

pub const FIRST_YEAR: i32 = 2014;
pub const LAST_YEAR: i32 = 2025;
const WIDTH: f64 = 1000.0;
const AXIS_Y: f64 = 190.0;
/// Average advance of a character of the plots' 12 px names, generous, for keeping them apart.
pub const LABEL_CHAR_W: f64 = 7.0;

fn boxes_overlap(a: &(f64, f64, f64, f64), b: &(f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// One event of the organisation's chronology, numbered as in the list beside the picture.
#[derive(Debug, Clone)]
pub struct OrgMark {
    pub number: usize,
    pub date: PartialDate,
    pub label: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Timeline {
    /// The picture, printed by the same template as the charts.
    pub chart: Chart,
    /// The numbered organisation events, for the list beside it.
    pub events: Vec<OrgMark>,
}

fn fraction_of_year(d: NaiveDate) -> f64 {
    f64::from(d.year()) + f64::from(d.ordinal0()) / 365.25
}

/// Where a date sits: (start, end) in fractional years.
fn span(d: &PartialDate) -> (f64, f64) {
    (fraction_of_year(d.start()), fraction_of_year(d.end()) + 1.0 / 365.25)
}

pub fn timeline(site: &Site, data: &Dataset) -> Timeline {
    let x = Linear::new((f64::from(FIRST_YEAR), f64::from(LAST_YEAR + 1)), (30.0, WIDTH - 20.0));
    let mut t = Chart {
        id: "timeline".into(),
        kind: "timeline",
        title: site.t2("analysis-timeline-svg-title", "from", FIRST_YEAR, "to", LAST_YEAR),
        desc: site.t2(
            "analysis-timeline-svg-desc",
            "events",
            data.org
                .chronology
                .iter()
                .filter(|e| e.date.year() >= FIRST_YEAR)
                .count(),
            "plots",
            data.plots.len(),
        ),
        width: WIDTH as u32,
        height: 330,
        ..empty()
    };
    let mut events = Vec::new();
    // The 2025 lull: the first half of 2025, a shaded band with a label.
    let (l0, l1) = (x.at(2025.0), x.at(2025.5));
    t.rects.push(Rect {
        x: num(l0),
        y: num(20.0),
        w: num(l1 - l0),
        h: num(290.0),
        class: "lull",
        href: Some(site.url("/method#lull")),
        title: site.t("analysis-lull-title"),
    });
    // Its label ends at the band's left edge, where the top of the picture is empty: to the right
    // there is only half a year to the picture's edge, too little for "Flaute 2025".
    t.texts.push(Text {
        x: num(l0 - 4.0),
        y: num(34.0),
        anchor: "end",
        class: "note",
        content: site.t("analysis-lull-label"),
    });
    // Axis with a tick per year.
    t.lines.push(Line {
        x1: num(x.at(f64::from(FIRST_YEAR))),
        y1: num(AXIS_Y),
        x2: num(x.at(f64::from(LAST_YEAR + 1))),
        y2: num(AXIS_Y),
        class: "axis",
    });
    for year in FIRST_YEAR..=LAST_YEAR {
        let p = x.at(f64::from(year));
        t.lines.push(Line {
            x1: num(p),
            y1: num(AXIS_Y - 5.0),
            x2: num(p),
            y2: num(AXIS_Y + 5.0),
            class: "axis",
        });
        t.texts.push(Text {
            x: num(x.at(f64::from(year) + 0.5)),
            y: num(AXIS_Y + 20.0),
            anchor: "middle",
            class: "tick",
            content: year.to_string(),
        });
    }
    // Organisation events above the axis, numbered; rows keep close markers apart.
    let mut rows: Vec<f64> = Vec::new();
    // Numbered as in the whole chronology listed beside the picture, which starts before it.
    for (i, e) in data
        .org
        .chronology
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date.year() >= FIRST_YEAR && e.date.year() <= LAST_YEAR)
        // A plot is drawn once, below the axis, as the intro says.
        .filter(|(_, e)| e.plot.is_none())
    {
        let number = i + 1;
        let (a, b) = span(&e.date);
        let (xa, xb) = (x.at(a), x.at(b));
        let centre = (xa + xb) / 2.0;
        let row = rows
            .iter()
            .position(|end| *end + 20.0 < xa.min(centre - 9.0))
            .unwrap_or_else(|| {
                rows.push(f64::MIN);
                rows.len() - 1
            });
        rows[row] = xb.max(centre + 9.0);
        let y = AXIS_Y - 24.0 - 22.0 * row as f64;
        let href = e
            .plot
            .as_ref()
            .map(|s| site.url(&format!("/plots/{s}")))
            .or_else(|| e.node.as_ref().map(|n| site.url(&format!("/offices#{n}"))));
        let title = format!("{}. {}: {}", number, e.date, e.label);
        if e.date.precision() == Precision::Year {
            t.rects.push(Rect {
                x: num(xa),
                y: num(y - 3.0),
                w: num(xb - xa),
                h: "6".into(),
                class: "span",
                href: None,
                title: title.clone(),
            });
        }
        t.circles.push(Circle {
            cx: num(centre),
            cy: num(y),
            r: "8".into(),
            class: "event",
            href: href.clone(),
            title,
        });
        t.texts.push(Text {
            x: num(centre),
            y: num(y + 3.5),
            anchor: "middle",
            class: "number",
            content: number.to_string(),
        });
        t.lines.push(Line {
            x1: num(centre),
            y1: num(y + 8.0),
            x2: num(centre),
            y2: num(AXIS_Y),
            class: "stem",
        });
        events.push(OrgMark {
            number,
            date: e.date,
            label: e.label.text(),
            href,
        });
    }
    // Plots below the axis, labelled by place. Each takes the first level (and side of its
    // marker, left first: the years before the plots are empty below the axis) where its name overlaps no other name, marker or the lull band, its stem crosses no
    // name above it, and no earlier stem crosses its name.
    let lull = (l0, l1);
    let mut names: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut stems: Vec<(f64, f64)> = Vec::new(); // (x, lowest y)
    let mut dots: Vec<(f64, f64)> = Vec::new();
    for p in &data.plots {
        let (a, b) = span(&p.date);
        let cx = x.at((a + b) / 2.0);
        let text = format!("{} ({})", p.short_place, p.date);
        let text_w = LABEL_CHAR_W * text.chars().count() as f64;
        let mut chosen = None;
        'levels: for level in 0..12 {
            let y = AXIS_Y + 42.0 + 26.0 * f64::from(level);
            for right in [false, true] {
                let (left, end) = if right {
                    (cx + 11.0, cx + 11.0 + text_w)
                } else {
                    (cx - 11.0 - text_w, cx - 11.0)
                };
                let bx = (left, y - 11.0, end, y + 4.0);
                let inside = bx.0 >= 2.0 && bx.2 <= WIDTH - 2.0;
                let clear = !names.iter().any(|o| boxes_overlap(&bx, o))
                    && !dots
                        .iter()
                        .any(|(dx, dy)| boxes_overlap(&bx, &(dx - 8.0, dy - 8.0, dx + 8.0, dy + 8.0)))
                    && !stems
                        .iter()
                        .any(|(sx, sy)| *sx > bx.0 - 2.0 && *sx < bx.2 + 2.0 && *sy > bx.1)
                    && (bx.2 <= lull.0 || bx.0 >= lull.1)
                    && !names.iter().any(|o| cx > o.0 - 9.0 && cx < o.2 + 9.0 && o.1 < y)
                    && !dots
                        .iter()
                        .any(|(dx, dy)| (dx - cx).abs() < 16.0 && (dy - y).abs() < 16.0);
                if inside && clear {
                    chosen = Some((y, right, bx));
                    break 'levels;
                }
            }
        }
        let (y, right, bx) = chosen.unwrap_or_else(|| {
            let y = AXIS_Y + 42.0 + 26.0 * 12.0;
            (y, true, (cx + 11.0, y - 11.0, cx + 11.0 + text_w, y + 4.0))
        });
        names.push(bx);
        stems.push((cx, y - 7.0));
        dots.push((cx, y));
        t.lines.push(Line {
            x1: num(cx),
            y1: num(AXIS_Y),
            x2: num(cx),
            y2: num(y - 7.0),
            class: "stem",
        });
        t.circles.push(Circle {
            cx: num(cx),
            cy: num(y),
            r: "7".into(),
            class: "plot",
            href: Some(site.url(&p.path())),
            title: site.t2(
                "analysis-foiled-plot",
                "date",
                p.date.to_string(),
                "place",
                p.place_label.as_str(),
            ),
        });
        t.texts.push(Text {
            x: num(if right { cx + 11.0 } else { cx - 11.0 }),
            y: num(y + 4.0),
            anchor: if right { "start" } else { "end" },
            class: "label",
            content: text,
        });
    }
    let deepest = t
        .circles
        .iter()
        .filter_map(|c| c.cy.parse::<f64>().ok())
        .fold(0.0, f64::max);
    t.height = (deepest + 30.0).max(330.0) as u32;
    let top = t
        .circles
        .iter()
        .filter_map(|c| c.cy.parse::<f64>().ok())
        .fold(AXIS_Y, f64::min);
    if top < 30.0 {
        // Shift everything down if the organisation's rows climbed past the top.
        let shift = 30.0 - top;
        shift_all(&mut t, shift);
    }
    Timeline { chart: t, events }
}

fn shift_all(t: &mut Chart, dy: f64) {
    let s = |v: &mut String| {
        if let Ok(n) = v.parse::<f64>() {
            *v = num(n + dy);
        }
    };
    t.rects.iter_mut().for_each(|r| s(&mut r.y));
    t.circles.iter_mut().for_each(|c| s(&mut c.cy));
    t.texts.iter_mut().for_each(|x| s(&mut x.y));
    t.lines.iter_mut().for_each(|l| {
        s(&mut l.y1);
        s(&mut l.y2);
    });
    t.height += dy.ceil() as u32;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plot_is_a_linked_marker_in_date_order() {
        let data = Dataset::embedded().expect("valid");
        let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone());
        let t = timeline(&site, &data);
        let plots: Vec<&Circle> = t.chart.circles.iter().filter(|c| c.class == "plot").collect();
        assert_eq!(plots.len(), 7);
        let xs: Vec<f64> = plots.iter().map(|c| c.cx.parse().expect("x")).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
        assert_eq!(plots[0].href.as_deref(), Some("/plots/2020-04-north-rhine-westphalia"));
        assert!(t.events.iter().any(|e| e.date.iso() == "2024-06"));
        // Year-precision events are drawn as spans, not points.
        assert!(t.chart.rects.iter().any(|r| r.class == "span"));
    }

    /// As the intro says: plots below the axis only; no plot name overlaps another, a marker or
    /// the lull band, and no line crosses a name.
    #[test]
    fn plots_only_below_and_nothing_crosses_a_name() {
        let data = Dataset::embedded().expect("valid");
        let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone());
        let t = timeline(&site, &data).chart;
        let f = |s: &String| -> f64 { s.parse().expect("number") };
        let axis = t
            .lines
            .iter()
            .find(|l| l.class == "axis")
            .map(|l| f(&l.y1))
            .expect("axis");
        for c in &t.circles {
            let below = f(&c.cy) > axis;
            assert_eq!(c.class == "plot", below, "{} at {} (axis {axis})", c.title, c.cy);
            if c.class == "event" {
                assert!(
                    !c.href.as_deref().unwrap_or("").starts_with("/plots/"),
                    "a plot among the events: {}",
                    c.title
                );
            }
        }
        let names: Vec<(f64, f64, f64, f64)> = t
            .texts
            .iter()
            .filter(|x| x.class == "label")
            .map(|x| {
                let (px, py, w) = (f(&x.x), f(&x.y), LABEL_CHAR_W * x.content.chars().count() as f64);
                let left = if x.anchor == "end" { px - w } else { px };
                (left, py - 11.0, left + w, py + 4.0)
            })
            .collect();
        assert_eq!(names.len(), 7);
        let lull = t.rects.iter().find(|r| r.class == "lull").expect("lull");
        let lull = (f(&lull.x), f(&lull.y), f(&lull.x) + f(&lull.w), f(&lull.y) + f(&lull.h));
        for (i, a) in names.iter().enumerate() {
            assert!(a.0 >= 0.0 && a.2 <= WIDTH, "{a:?} runs off the picture");
            assert!(!boxes_overlap(a, &lull), "{a:?} runs into the lull band");
            for b in &names[i + 1..] {
                assert!(!boxes_overlap(a, b), "{a:?} and {b:?} overlap");
            }
            for c in t.circles.iter().filter(|c| c.class == "plot") {
                let (cx, cy) = (f(&c.cx), f(&c.cy));
                assert!(
                    !boxes_overlap(a, &(cx - 7.0, cy - 7.0, cx + 7.0, cy + 7.0)),
                    "{a:?} covers a marker"
                );
            }
            for l in t.lines.iter().filter(|l| l.x1 == l.x2) {
                let (x, y0, y1) = (f(&l.x1), f(&l.y1).min(f(&l.y2)), f(&l.y1).max(f(&l.y2)));
                assert!(
                    !(x > a.0 && x < a.2 && y1 > a.1 && y0 < a.3),
                    "a line at x {x} crosses {a:?}"
                );
            }
        }
    }

    /// The lull band's label, in every language, lies inside the picture, off the band, and
    /// clear of every marker and line (11 px text, generously 6.6 px a character).
    #[test]
    fn the_lull_label_fits_in_every_language() {
        let data = Dataset::embedded().expect("valid");
        for lang in crate::i18n::languages() {
            let site = Site::new(String::new(), None, "1.0.0".into(), data.meta.report.clone()).in_language(lang);
            let t = crate::i18n::in_language(lang, || timeline(&site, &data)).chart;
            let f = |s: &String| -> f64 { s.parse().expect("number") };
            let label = t
                .texts
                .iter()
                .find(|x| x.content == site.t("analysis-lull-label"))
                .expect("label");
            let (x, y, w) = (f(&label.x), f(&label.y), 6.6 * label.content.chars().count() as f64);
            let left = if label.anchor == "end" { x - w } else { x };
            let b = (left, y - 10.0, left + w, y + 3.0);
            assert!(b.0 >= 0.0 && b.2 <= WIDTH, "{}: {b:?} runs off the picture", lang.code);
            for r in &t.rects {
                let r = (f(&r.x), f(&r.y), f(&r.x) + f(&r.w), f(&r.y) + f(&r.h));
                assert!(!boxes_overlap(&b, &r), "{}: the label {b:?} runs into {r:?}", lang.code);
            }
            for c in &t.circles {
                let (cx, cy, r) = (f(&c.cx), f(&c.cy), f(&c.r));
                assert!(
                    !boxes_overlap(&b, &(cx - r, cy - r, cx + r, cy + r)),
                    "{}: covers {}",
                    lang.code,
                    c.title
                );
            }
            for l in &t.lines {
                let (x0, x1) = (f(&l.x1).min(f(&l.x2)), f(&l.x1).max(f(&l.x2)));
                let (y0, y1) = (f(&l.y1).min(f(&l.y2)), f(&l.y1).max(f(&l.y2)));
                assert!(
                    !boxes_overlap(&b, &(x0, y0, x1.max(x0 + 0.1), y1.max(y0 + 0.1))),
                    "{}: a line crosses it",
                    lang.code
                );
            }
        }
    }
}
