//! Charts of `/patterns`, from the derived figures: horizontal bars (nationalities, cell sizes,
//! handler countries), vertical bars (plots by year) and a dot plot of known ages. One value per
//! bar and text labels on every mark, so nothing is encoded by colour alone.

use super::{Circle, Line, Rect, Text};
use crate::draw::num;
use crate::draw::scale::{Linear, ticks};

#[derive(Debug, Clone)]
pub struct Chart {
    pub id: String,
    /// A second class on the `<svg>` besides `chart` (e.g. `timeline`), for styles and tests.
    pub kind: &'static str,
    pub title: String,
    pub desc: String,
    pub width: u32,
    pub height: u32,
    pub rects: Vec<Rect>,
    pub circles: Vec<Circle>,
    pub lines: Vec<Line>,
    pub texts: Vec<Text>,
}

/// One bar: label, value, optional link.
#[derive(Debug, Clone)]
pub struct Datum {
    pub label: String,
    pub value: u32,
    pub href: Option<String>,
}

/// Narrow enough that the 13 px chart text stays at 11 px or more on a 375 px phone.
const WIDTH: u32 = 400;
const ROW: f64 = 26.0;
/// Average advance of a character of the charts' 13 px sans-serif text, generous, for fitting labels.
pub const CHAR_W: f64 = 8.0;

/// A bar's label in one line, or two (split at the last ", " or space that fits) when longer
/// than `fit` characters.
fn label_lines(label: &str, fit: usize) -> Vec<String> {
    if label.chars().count() <= fit {
        return vec![label.to_string()];
    }
    let cut = |sep: &str| {
        label
            .match_indices(sep)
            .map(|(i, _)| i)
            .filter(|&i| label[..i].chars().count() <= fit)
            .last()
    };
    match cut(", ").map(|i| (i, 2)).or_else(|| cut(" ").map(|i| (i, 1))) {
        Some((i, n)) => vec![label[..i + n - 1].trim_end().to_string(), label[i + n..].to_string()],
        None => vec![label.to_string()],
    }
}

/// A vertical gridline at `x` from `y0` to `y1`, labelled below.
fn grid_x(c: &mut Chart, x: f64, y0: f64, y1: f64, label: String) {
    c.lines.push(Line {
        x1: num(x),
        y1: num(y0),
        x2: num(x),
        y2: num(y1),
        class: "grid",
    });
    c.texts.push(Text {
        x: num(x),
        y: num(y1 + 16.0),
        anchor: "middle",
        class: "tick",
        content: label,
    });
}

/// A horizontal gridline at `y` from `x0` to `x1`, labelled on the left.
fn grid_y(c: &mut Chart, y: f64, x0: f64, x1: f64, label: String) {
    c.lines.push(Line {
        x1: num(x0),
        y1: num(y),
        x2: num(x1),
        y2: num(y),
        class: "grid",
    });
    c.texts.push(Text {
        x: num(x0 - 6.0),
        y: num(y + 4.0),
        anchor: "end",
        class: "tick",
        content: label,
    });
}

fn axis_ticks(chart: &mut Chart, scale: &Linear, max: f64, from: f64, to: f64, vertical_axis: bool) {
    for t in ticks(0.0, max, 5) {
        let p = scale.at(t);
        let label = format!("{t:.0}");
        if vertical_axis {
            grid_y(chart, p, from, to, label)
        } else {
            grid_x(chart, p, from, to, label)
        }
    }
}

/// Horizontal bars, one row per datum, value printed at the bar's end. The label column is as
/// wide as the longest label needs, up to half the width; longer labels take two lines.
pub fn hbars(id: &str, title: &str, desc: &str, unit: &str, data: &[Datum]) -> Chart {
    let top = 8.0;
    let longest = data.iter().map(|d| d.label.chars().count()).max().unwrap_or(1);
    let label_w = (longest as f64 * CHAR_W + 12.0).clamp(60.0, f64::from(WIDTH) * 0.5);
    let fit = ((label_w - 12.0) / CHAR_W).floor() as usize;
    let lines: Vec<Vec<String>> = data.iter().map(|d| label_lines(&d.label, fit)).collect();
    let row = if lines.iter().any(|l| l.len() > 1) {
        ROW + 10.0
    } else {
        ROW
    };
    let plot_h = row * data.len() as f64;
    let height = (top + plot_h + 30.0).ceil() as u32;
    let max = data.iter().map(|d| d.value).max().unwrap_or(1).max(1) as f64;
    // Room for the value printed after the longest bar.
    let x = Linear::new(
        (0.0, *ticks(0.0, max, 5).last().unwrap_or(&max)),
        (label_w, f64::from(WIDTH) - 30.0),
    );
    let mut c = Chart {
        id: id.into(),
        title: title.into(),
        desc: desc.into(),
        width: WIDTH,
        height,
        ..empty()
    };
    axis_ticks(&mut c, &x, max, top, top + plot_h, false);
    for (i, d) in data.iter().enumerate() {
        let y = top + row * i as f64;
        let w = x.at(f64::from(d.value)) - label_w;
        // A zero-length bar is not drawn and links nowhere (its filter would hold no plot).
        if d.value > 0 {
            c.rects.push(Rect {
                x: num(label_w),
                y: num(y + (row - 18.0) / 2.0),
                w: num(w),
                h: num(18.0),
                class: "bar",
                href: d.href.clone(),
                title: format!("{}: {} {unit}", d.label, d.value),
            });
        }
        let n = lines[i].len() as f64;
        for (k, line) in lines[i].iter().enumerate() {
            c.texts.push(Text {
                x: num(label_w - 8.0),
                y: num(y + row / 2.0 + 4.5 + (k as f64 - (n - 1.0) / 2.0) * 14.0),
                anchor: "end",
                class: "label",
                content: line.clone(),
            });
        }
        c.texts.push(Text {
            x: num(label_w + w + 6.0),
            y: num(y + row / 2.0 + 4.5),
            anchor: "start",
            class: "value",
            content: d.value.to_string(),
        });
    }
    c.lines.push(Line {
        x1: num(label_w),
        y1: num(top),
        x2: num(label_w),
        y2: num(top + plot_h),
        class: "axis",
    });
    c
}

/// Vertical bars over consecutive categories (years), zero bars kept so gaps show.
pub fn vbars(id: &str, title: &str, desc: &str, unit: &str, data: &[Datum]) -> Chart {
    // Room above the tallest bar for its value.
    let (left, top, bottom) = (30.0, 24.0, 30.0);
    let height = 220_u32;
    let plot_h = f64::from(height) - top - bottom;
    let max = data.iter().map(|d| d.value).max().unwrap_or(1).max(1) as f64;
    let y = Linear::new((0.0, *ticks(0.0, max, 4).last().unwrap_or(&max)), (top + plot_h, top));
    let band = (f64::from(WIDTH) - left - 10.0) / data.len().max(1) as f64;
    let mut c = Chart {
        id: id.into(),
        title: title.into(),
        desc: desc.into(),
        width: WIDTH,
        height,
        ..empty()
    };
    axis_ticks(&mut c, &y, max, left, f64::from(WIDTH) - 10.0, true);
    for (i, d) in data.iter().enumerate() {
        let x0 = left + band * i as f64;
        let top_y = y.at(f64::from(d.value));
        // A year without plots has no bar to follow (its filter would hold no plot); its 0 shows.
        if d.value > 0 {
            c.rects.push(Rect {
                x: num(x0 + band * 0.2),
                y: num(top_y),
                w: num(band * 0.6),
                h: num(top + plot_h - top_y),
                class: "bar",
                href: d.href.clone(),
                title: format!("{}: {} {unit}", d.label, d.value),
            });
        }
        c.texts.push(Text {
            x: num(x0 + band / 2.0),
            y: num(top + plot_h + 18.0),
            anchor: "middle",
            class: "label",
            content: d.label.clone(),
        });
        c.texts.push(Text {
            x: num(x0 + band / 2.0),
            y: num(top_y - 5.0),
            anchor: "middle",
            class: "value",
            content: d.value.to_string(),
        });
    }
    c.lines.push(Line {
        x1: num(left),
        y1: num(top + plot_h),
        x2: num(f64::from(WIDTH) - 10.0),
        y2: num(top + plot_h),
        class: "axis",
    });
    c
}

/// One dot per known age on an age axis; equal ages stack upwards.
pub fn dots(id: &str, title: &str, desc: &str, ages: &[(u32, String, Option<String>)]) -> Chart {
    let (left, right, base) = (30.0, 20.0, 150.0);
    let (lo, hi) = (10.0, 50.0);
    let x = Linear::new((lo, hi), (left, f64::from(WIDTH) - right));
    let mut c = Chart {
        id: id.into(),
        title: title.into(),
        desc: desc.into(),
        width: WIDTH,
        height: 200,
        ..empty()
    };
    let mut t = lo;
    while t <= hi {
        grid_x(&mut c, x.at(t), 20.0, base, format!("{t:.0}"));
        t += 5.0;
    }
    // The under-21 band the report's teenager finding points to, marked by a rule and a label, not a
    // colour; the rule runs between 20 and 21, so it passes through no dot.
    let u21 = num(x.at(20.5));
    c.lines.push(Line {
        x1: u21.clone(),
        y1: num(14.0),
        x2: u21.clone(),
        y2: num(base),
        class: "marker",
    });
    c.texts.push(Text {
        x: num(x.at(20.5) - 4.0),
        y: num(14.0),
        anchor: "end",
        class: "note",
        content: crate::i18n::current().t("analysis-chart-under-21"),
    });
    // Dots closer than a dot's width stack upwards, each on the lowest level where it touches none.
    let mut levels: Vec<Vec<f64>> = Vec::new();
    for (age, plot_title, href) in ages {
        let cx = x.at(f64::from(*age));
        let n = (0..)
            .find(|&n| {
                levels
                    .get(n)
                    .is_none_or(|xs: &Vec<f64>| xs.iter().all(|o| (o - cx).abs() >= 13.0))
            })
            .unwrap_or(0);
        if levels.len() <= n {
            levels.resize(n + 1, Vec::new());
        }
        levels[n].push(cx);
        c.circles.push(Circle {
            cx: num(cx),
            cy: num(base - 9.0 - 14.0 * n as f64),
            r: "6".into(),
            class: "dot",
            href: href.clone(),
            title: crate::i18n::current().message(
                "analysis-chart-age",
                &[("age", (*age).into()), ("plot", plot_title.as_str().into())],
            ),
        });
    }
    c.lines.push(Line {
        x1: num(left),
        y1: num(base),
        x2: num(f64::from(WIDTH) - right),
        y2: num(base),
        class: "axis",
    });
    c.texts.push(Text {
        x: num(f64::from(WIDTH) - right),
        y: num(base + 36.0),
        anchor: "end",
        class: "tick",
        content: crate::i18n::current().t("analysis-chart-age-axis"),
    });
    c
}

pub fn empty() -> Chart {
    Chart {
        id: String::new(),
        kind: "bars",
        title: String::new(),
        desc: String::new(),
        width: 0,
        height: 0,
        rects: Vec::new(),
        circles: Vec::new(),
        lines: Vec::new(),
        texts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(label: &str, value: u32) -> Datum {
        Datum {
            label: label.into(),
            value,
            href: None,
        }
    }

    #[test]
    fn bar_lengths_follow_values() {
        let c = hbars("x", "t", "d", "suspects", &[d("A", 10), d("B", 5), d("C", 0)]);
        let w: Vec<f64> = c.rects.iter().map(|r| r.w.parse().expect("number")).collect();
        assert!((w[0] - 2.0 * w[1]).abs() < 0.2, "{w:?}");
        assert_eq!(w.len(), 2, "no bar for a zero");
        let values: Vec<&str> = c
            .texts
            .iter()
            .filter(|t| t.class == "value")
            .map(|t| t.content.as_str())
            .collect();
        assert_eq!(values, ["10", "5", "0"]);
    }

    #[test]
    fn vertical_bars_grow_upwards() {
        let c = vbars("y", "t", "d", "plots", &[d("2020", 1), d("2021", 0), d("2022", 2)]);
        let h: Vec<f64> = c.rects.iter().map(|r| r.h.parse().expect("number")).collect();
        assert!(h.len() == 2 && h[1] > h[0], "{h:?}: no bar for 2021's zero");
    }

    /// The box a text takes, with the generous character width the layout uses.
    fn text_box(t: &Text) -> (f64, f64, f64, f64) {
        let (x, y): (f64, f64) = (t.x.parse().expect("x"), t.y.parse().expect("y"));
        let w = CHAR_W * t.content.chars().count() as f64;
        let left = match t.anchor {
            "start" => x,
            "end" => x - w,
            _ => x - w / 2.0,
        };
        (left, y - 11.0, left + w, y + 3.0)
    }

    #[test]
    fn no_label_is_cut_by_the_picture_edge_and_no_empty_bar_links() {
        let long = [
            d("North Rhine-Westphalia, Apr 2020", 5),
            d("Iserlohn/Bremerhaven, Sep 2022", 2),
            d("Belgium/Germany, Jul 2024", 7),
            d("German/Kosovar", 1),
            d("Nobody", 0),
        ];
        let mut linked = long.to_vec();
        for x in &mut linked {
            x.href = Some("/plots?x=1".into());
        }
        let ages = vec![
            (16, "a".to_string(), None),
            (21, "b".to_string(), None),
            (47, "c".to_string(), None),
        ];
        for c in [
            hbars("h", "t", "d", "plots", &linked),
            vbars("v", "t", "d", "plots", &[d("2020", 1), d("2021", 0), d("2022", 2)]),
            dots("a", "t", "d", &ages),
        ] {
            for t in &c.texts {
                let b = text_box(t);
                assert!(
                    b.0 >= 0.0 && b.2 <= f64::from(c.width) && b.1 >= 0.0 && b.3 <= f64::from(c.height),
                    "{} cut: {:?} in {}x{}",
                    t.content,
                    b,
                    c.width,
                    c.height
                );
            }
            for r in &c.rects {
                let (w, h): (f64, f64) = (r.w.parse().expect("w"), r.h.parse().expect("h"));
                assert!(w > 0.0 && h > 0.0, "a drawn bar has an area: {}", r.title);
            }
        }
        let h = hbars("h", "t", "d", "plots", &linked);
        assert_eq!(h.rects.len(), 4, "the zero bar is not drawn, so not a link");
        assert!(h.texts.iter().any(|t| t.content == "0"), "its value still shows");
        // The long name takes two lines, split after its comma.
        assert!(h.texts.iter().any(|t| t.content == "North Rhine-Westphalia,"));
        assert!(h.texts.iter().any(|t| t.content == "Apr 2020"));
    }

    #[test]
    fn the_under_21_rule_passes_through_no_dot() {
        let ages = vec![(20, "a".to_string(), None), (21, "b".to_string(), None)];
        let c = dots("a", "t", "d", &ages);
        let rule: f64 = c
            .lines
            .iter()
            .find(|l| l.class == "marker")
            .expect("rule")
            .x1
            .parse()
            .expect("x");
        for dot in &c.circles {
            let (cx, r): (f64, f64) = (dot.cx.parse().expect("cx"), dot.r.parse().expect("r"));
            assert!((cx - rule).abs() > r - 2.5, "rule at {rule} crosses the dot at {cx}");
        }
    }

    #[test]
    fn near_ages_stack_without_touching() {
        let ages: Vec<(u32, String, Option<String>)> = [21, 22, 23, 24, 30, 30]
            .iter()
            .map(|a| (*a, String::new(), None))
            .collect();
        let c = dots("z", "t", "d", &ages);
        let pts: Vec<(f64, f64)> = c
            .circles
            .iter()
            .map(|d| (d.cx.parse().expect("cx"), d.cy.parse().expect("cy")))
            .collect();
        for (i, a) in pts.iter().enumerate() {
            for b in &pts[i + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) >= 12.0, "{a:?} touches {b:?}");
            }
        }
    }

    #[test]
    fn equal_ages_stack() {
        let ages = vec![
            (28, "a".to_string(), None),
            (28, "b".to_string(), None),
            (30, "c".to_string(), None),
        ];
        let c = dots("z", "t", "d", &ages);
        assert_eq!(c.circles[0].cx, c.circles[1].cx);
        assert_ne!(c.circles[0].cy, c.circles[1].cy);
        assert_eq!(c.circles[0].cy, c.circles[2].cy);
    }
}
