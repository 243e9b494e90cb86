//! `/`: the overview a reader lands on.

use std::collections::BTreeSet;

use axum::http::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn the_overview_names_the_atlas_and_its_source() {
    let page = get(&atlas(), "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("text/html"));
    let doc = page.html();
    assert_eq!(
        one_text(&doc, "head > title"),
        "ISKP-linked terror plots in Europe, 2020–2024 · ISKP Plots Atlas"
    );
    assert_eq!(texts(&doc, "h1").len(), 1);
    let source = one_text(&doc, ".source-line");
    assert!(
        source.contains("Krause, D. (2025)") && source.contains("DIIS Report Vol. 2025 No. 09"),
        "{source}"
    );
}

#[tokio::test]
async fn key_figures_are_those_of_table_1() {
    let doc = get(&atlas(), "/").await.html();
    let figures: Vec<(String, String)> = doc
        .select(&sel(".figures > div"))
        .map(|d| {
            let dt = d.select(&sel("dt")).next().map(text).unwrap_or_default();
            let dd = d.select(&sel("dd")).next().map(text).unwrap_or_default();
            (dt, dd)
        })
        .collect();
    let expected = [
        ("Plots", "7"),
        ("Suspects", "32"),
        ("Foiled", "all 7"),
        ("Years", "2020–2024"),
        ("Countries", "5"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(figures, expected);
    let note = one_text(&doc, ".figures-section .note");
    assert!(note.contains("Germany, France, Austria, Sweden and Belgium"), "{note}");
}

#[tokio::test]
async fn the_overview_links_all_seven_plot_pages() {
    let doc = get(&atlas(), "/").await.html();
    let expected: BTreeSet<String> = dataset().plots.iter().map(|p| p.path()).collect();
    let in_table: BTreeSet<String> = attrs(&doc, ".table1 tbody th a", "href").into_iter().collect();
    assert_eq!(in_table, expected);
    assert_eq!(expected.len(), 7);
    // Once: Table 1 is the only list of the plots (the cards and the map's own key are gone).
    assert_eq!(doc.select(&sel(".plot-cards, .map-key")).count(), 0);
}

#[tokio::test]
async fn table_1_is_an_accessible_table_with_the_reports_cells() {
    let doc = get(&atlas(), "/").await.html();
    assert!(one_text(&doc, ".table1 caption").starts_with("Table 1 of the report"));
    assert_eq!(attrs(&doc, ".table1 thead th", "scope"), vec!["col"; 9]);
    assert_eq!(attrs(&doc, ".table1 tbody th", "scope"), vec!["row"; 7]);
    let rows: Vec<Vec<String>> = doc
        .select(&sel(".table1 tbody tr"))
        .map(|tr| {
            let cells = sel("th a, td");
            tr.select(&cells).map(text).collect()
        })
        .collect();
    for (row, plot) in rows.iter().zip(&dataset().plots) {
        let t = &plot.table1;
        let cells = [
            &t.date,
            &t.location,
            &t.target,
            &t.outcome,
            &t.international_connection,
            &t.cell_size,
            &t.nationality,
            &t.age,
            &t.weapons_and_preparation,
        ];
        assert_eq!(row, &cells.map(|c| c.to_string()).to_vec());
    }
    // Spot checks against the report's printed table, independent of the data files.
    assert_eq!(rows[3][5], "9");
    assert_eq!(rows[3][6], "Tajik (6) Kyrgyz (2), Turkmen");
    assert_eq!(rows[4][7], "27, 28, 28, 30, 40");
    assert_eq!(rows[6][8], "Unknown");
    let total: Vec<String> = texts(&doc, ".table1 tfoot td.num");
    assert_eq!(total, ["32"]);
}

#[tokio::test]
async fn the_table_scrolls_inside_a_labelled_focusable_region() {
    let doc = get(&atlas(), "/").await.html();
    let region = doc.select(&sel(".table-scroll")).next().expect("scroll region");
    assert_eq!(region.value().attr("role"), Some("region"));
    assert_eq!(region.value().attr("tabindex"), Some("0"));
    assert_eq!(region.value().attr("aria-labelledby"), Some("table1-caption"));
}
