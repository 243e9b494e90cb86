//! What a reader sees of the pictures after the visual review (M6, M9, M15, L1, L8): /network's
//! scroll hint and headings inside the picture, its plot-by-plot list without the plot's name in
//! every line, the timeline's lull label beside its band, and a locator map that fills its frame
//! and says where its handler lines go.

use crate::helpers::*;

fn number(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s}"))
}

#[tokio::test]
async fn network_says_it_scrolls_sideways_in_both_languages() {
    let app = atlas();
    let mut hints = Vec::new();
    for path in ["/network", "/de/network"] {
        let doc = get(&app, path).await.html();
        // The hint comes first in the figure, before the frame that scrolls.
        let first = doc.select(&sel("figure.figure-network > *")).next().map(|e| {
            (
                e.value().name().to_string(),
                e.value().attr("class").unwrap_or("").to_string(),
            )
        });
        assert_eq!(first, Some(("p".into(), "scroll-hint".into())), "{path}");
        let hint = one_text(&doc, "figure.figure-network p.scroll-hint");
        assert!(hint.len() > 20, "{path}: {hint}");
        hints.push(hint);
    }
    assert_ne!(hints[0], hints[1], "the German page has its own hint");
}

/// Every column heading starts right of the picture's left edge and ends left of its right edge,
/// at the 9.3 px a capital measures in Chromium (12 px bold, 0.05 em apart).
#[tokio::test]
async fn network_column_headings_lie_inside_the_picture() {
    let app = atlas();
    for path in ["/network", "/de/network"] {
        let doc = get(&app, path).await.html();
        let svg = doc.select(&sel("svg.network")).next().expect("network");
        let width = number(svg.value().attr("width").expect("width"));
        let headings: Vec<_> = svg.select(&sel("text.column")).collect();
        assert_eq!(headings.len(), 5, "{path}");
        for h in headings {
            let (x, half) = (
                number(h.value().attr("x").expect("x")),
                9.3 * text(h).chars().count() as f64 / 2.0,
            );
            assert_eq!(h.value().attr("text-anchor"), Some("middle"));
            assert!(x - half >= 0.0 && x + half <= width, "{path}: {} at {x}", text(h));
        }
    }
}

#[tokio::test]
async fn plot_by_plot_lines_do_not_repeat_the_plot_and_keep_every_link() {
    let app = atlas();
    for path in ["/network", "/de/network"] {
        let doc = get(&app, path).await.html();
        let edges = texts(&doc, "svg.network g.edges path > title");
        let entries: Vec<_> = doc.select(&sel("dl.passages > div")).collect();
        assert_eq!(entries.len(), 7, "{path}");
        for entry in entries {
            let name = entry.select(&sel("dt")).next().map(text).expect("dt");
            // "Cologne/Vienna, Dec 2023" → Cologne, Vienna (the long title reads "Cologne, Germany/Vienna, …").
            let place = name.split(',').next().expect("place");
            let parts: Vec<&str> = place.split('/').map(str::trim).collect();
            let lines: Vec<String> = entry.select(&sel("dd li")).map(text).collect();
            assert!(lines.len() >= 3, "{path} {name}: {lines:?}");
            for l in &lines {
                assert!(!parts.iter().any(|p| l.contains(p)), "{path}: under {name}: {l}");
            }
            // The same facts as the picture's links that name this plot, one line each.
            let in_picture = edges.iter().filter(|e| parts.iter().all(|p| e.contains(p))).count();
            assert_eq!(lines.len(), in_picture, "{path} {name}: {lines:?}");
            // Nationalities by count, then handlers and units, labelled.
            assert!(
                lines[0].starts_with(|c: char| c.is_ascii_digit()),
                "{path} {name}: {lines:?}"
            );
            let (handlers, unit) = if path.starts_with("/de") {
                ("Anleiter: ", "IS-Einheit: ")
            } else {
                ("Handlers: ", "IS unit: ")
            };
            assert!(
                lines.iter().any(|l| l.starts_with(handlers)),
                "{path} {name}: {lines:?}"
            );
            assert!(lines.iter().any(|l| l.starts_with(unit)), "{path} {name}: {lines:?}");
        }
    }
}

#[tokio::test]
async fn the_lull_label_ends_left_of_its_band_in_both_languages() {
    let app = atlas();
    for (path, label) in [("/timeline", "2025 lull"), ("/de/timeline", "Flaute 2025")] {
        let doc = get(&app, path).await.html();
        let band = doc.select(&sel("svg.timeline rect.lull")).next().expect("band");
        let band_x = number(band.value().attr("x").expect("x"));
        let t = doc
            .select(&sel("svg.timeline text"))
            .find(|t| text(*t) == label)
            .unwrap_or_else(|| panic!("{path}: no {label}"));
        assert_eq!(t.value().attr("text-anchor"), Some("end"), "{path}");
        let x = number(t.value().attr("x").expect("x"));
        assert!(
            x < band_x && x - 6.6 * label.chars().count() as f64 > 0.0,
            "{path}: {x}"
        );
    }
}

/// The locator has no fixed width (it takes its frame's), and its handler lines stay on the map,
/// each country off the map named at the edge where its line leaves.
#[tokio::test]
async fn locator_fills_its_frame_and_names_where_its_lines_go() {
    let app = atlas();
    for plot in dataset().plots {
        for prefix in ["", "/de"] {
            let path = format!("{prefix}{}", plot.path());
            let doc = get(&app, &path).await.html();
            let svg = doc.select(&sel(".locator svg.map")).next().expect("locator");
            assert_eq!(svg.value().attr("width"), None, "{path}");
            assert_eq!(svg.value().attr("height"), None, "{path}");
            let vb: Vec<f64> = svg
                .value()
                .attr("viewBox")
                .expect("viewBox")
                .split(' ')
                .map(number)
                .collect();
            // Nothing is drawn, or named, off the map (a handler's country off it is named at the edge).
            for mark in ["text", "g.handlers path", "g.arrests rect"] {
                for m in svg.select(&sel(mark)) {
                    let (x, y) = match mark {
                        "text" | "g.arrests rect" => (
                            number(m.value().attr("x").expect("x")),
                            number(m.value().attr("y").expect("y")),
                        ),
                        _ => {
                            let d = m.value().attr("d").expect("d");
                            let xy: Vec<f64> = d[1..].split(['m', ' ']).take(2).map(number).collect();
                            (xy[0], xy[1])
                        }
                    };
                    assert!(
                        x >= 0.0 && x <= vb[2] && y >= 0.0 && y <= vb[3],
                        "{path}: {mark} {} off the map",
                        text(m)
                    );
                }
            }
            // Each piece of a line is "Mx yQcx cy x y": where it starts and ends is on the map.
            for d in attrs(&doc, ".locator svg.map g.links path", "d") {
                for piece in d.split('M').filter(|p| !p.is_empty()) {
                    let nums: Vec<f64> = piece.split(['Q', ' ']).filter(|s| !s.is_empty()).map(number).collect();
                    assert_eq!(nums.len(), 6, "{path}: {piece}");
                    let ends = [[nums[0], nums[1]], [nums[4], nums[5]]];
                    for xy in ends {
                        assert!(
                            xy[0] >= 0.0 && xy[0] <= vb[2] + 0.01 && xy[1] >= 0.0 && xy[1] <= vb[3] + 0.01,
                            "{path}: a line leaves the map at {xy:?}"
                        );
                    }
                }
            }
        }
    }
    // Strasbourg's handlers were in Afghanistan: the line ends at the map's edge under that name.
    for (path, name) in [
        ("/plots/2022-11-strasbourg", "Afghanistan →"),
        ("/de/plots/2022-11-strasbourg", "Afghanistan →"),
        ("/plots/2024-03-gera-stockholm", "Iran"),
    ] {
        let doc = get(&app, path).await.html();
        let names = texts(&doc, ".locator svg.map text.edge-name");
        assert!(names.iter().any(|n| n.contains(name)), "{path}: {names:?}");
    }
}
