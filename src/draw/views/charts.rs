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

const WIDTH: u32 = 640;
const ROW: f64 = 26.0;
const LABEL_W: f64 = 210.0;

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

/// Horizontal bars, one row per datum, value printed at the bar's end.
pub fn hbars(id: &str, title: &str, desc: &str, unit: &str, data: &[Datum]) -> Chart {
    let top = 8.0;
    let plot_h = ROW * data.len() as f64;
    let height = (top + plot_h + 30.0).ceil() as u32;
    let max = data.iter().map(|d| d.value).max().unwrap_or(1).max(1) as f64;
    let x = Linear::new(
        (0.0, *ticks(0.0, max, 5).last().unwrap_or(&max)),
        (LABEL_W, f64::from(WIDTH) - 40.0),
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
        let y = top + ROW * i as f64;
        let w = x.at(f64::from(d.value)) - LABEL_W;
        c.rects.push(Rect {
            x: num(LABEL_W),
            y: num(y + 4.0),
            w: num(w),
            h: num(ROW - 8.0),
            class: "bar",
            href: d.href.clone(),
            title: format!("{}: {} {unit}", d.label, d.value),
        });
        c.texts.push(Text {
            x: num(LABEL_W - 8.0),
            y: num(y + ROW / 2.0 + 4.0),
            anchor: "end",
            class: "label",
            content: d.label.clone(),
        });
        c.texts.push(Text {
            x: num(LABEL_W + w + 6.0),
            y: num(y + ROW / 2.0 + 4.0),
            anchor: "start",
            class: "value",
            content: d.value.to_string(),
        });
    }
    c.lines.push(Line {
        x1: num(LABEL_W),
        y1: num(top),
        x2: num(LABEL_W),
        y2: num(top + plot_h),
        class: "axis",
    });
    c
}

/// Vertical bars over consecutive categories (years), zero bars kept so gaps show.
pub fn vbars(id: &str, title: &str, desc: &str, unit: &str, data: &[Datum]) -> Chart {
    let (left, top, bottom) = (40.0, 10.0, 30.0);
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
        c.rects.push(Rect {
            x: num(x0 + band * 0.2),
            y: num(top_y),
            w: num(band * 0.6),
            h: num(top + plot_h - top_y),
            class: "bar",
            href: d.href.clone(),
            title: format!("{}: {} {unit}", d.label, d.value),
        });
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
        height: 185,
        ..empty()
    };
    let mut t = lo;
    while t <= hi {
        grid_x(&mut c, x.at(t), 20.0, base, format!("{t:.0}"));
        t += 5.0;
    }
    // The under-21 band the report's teenager finding points to, marked by a rule and a label, not a colour.
    let u21 = num(x.at(21.0));
    c.lines.push(Line {
        x1: u21.clone(),
        y1: num(14.0),
        x2: u21.clone(),
        y2: num(base),
        class: "marker",
    });
    c.texts.push(Text {
        x: num(x.at(21.0) - 4.0),
        y: num(14.0),
        anchor: "end",
        class: "note",
        content: crate::i18n::current().t("analysis-chart-under-21"),
    });
    let mut stacked: Vec<(u32, usize)> = Vec::new();
    for (age, plot_title, href) in ages {
        let n = match stacked.iter_mut().find(|(a, _)| a == age) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                stacked.push((*age, 0));
                0
            }
        };
        c.circles.push(Circle {
            cx: num(x.at(f64::from(*age))),
            cy: num(base - 9.0 - 15.0 * n as f64),
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
        y: num(base + 34.0),
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
        assert_eq!(w[2], 0.0);
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
        assert!(h[2] > h[0] && h[1] == 0.0, "{h:?}");
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
