//! Data tables that read on a phone (visual review H3, M4, M11): /patterns' figures table keeps
//! only the evidence markers in its cells, its quotations in one list below it; Table 1 on the home
//! page labels each cell with its column, for the phone's one-block-per-plot layout.

use std::collections::BTreeSet;

use scraper::Html;

use crate::helpers::*;

/// Markers inside the figures table, and the list of notes that follows it.
fn figures_table(doc: &Html, path: &str) -> (Vec<String>, Vec<String>) {
    let table = doc
        .select(&sel("table.compare"))
        .next()
        .unwrap_or_else(|| panic!("{path}: figures table"));
    assert_eq!(
        table.select(&sel("ol.evidence, li")).count(),
        0,
        "{path}: a cell of the figures table holds a list of quotations"
    );
    let markers = table
        .select(&sel("a.ev"))
        .filter_map(|a| a.value().attr("href"))
        .map(String::from)
        .collect();
    let notes = doc
        .select(&sel("#cmp-evidence + ol.evidence > li"))
        .filter_map(|li| li.value().attr("id"))
        .map(|id| format!("#{id}"))
        .collect();
    (markers, notes)
}

#[tokio::test]
async fn the_figures_tables_cells_keep_their_markers_and_its_quotations_follow_it() {
    let app = atlas();
    let data = dataset();
    let statements: Vec<_> = data
        .analysis
        .report_figures
        .iter()
        .flat_map(|f| {
            f.claim
                .statements()
                .iter()
                .chain(f.explanation.iter().flat_map(|e| e.statements()))
        })
        .collect();
    for path in ["/patterns", "/de/patterns"] {
        let doc = get(&app, path).await.html();
        let (markers, notes) = figures_table(&doc, path);
        assert_eq!(
            markers.len(),
            statements.len(),
            "{path}: one marker per sentence of the table"
        );
        // Every marker leads to a note in the list right below the table, in the same order…
        assert_eq!(
            markers, notes,
            "{path}: the list below the table holds exactly the table's notes"
        );
        for (href, st) in markers.iter().zip(&statements) {
            let n = href.trim_start_matches("#ev-");
            let note = doc
                .select(&sel(&format!("ol.evidence > li[id='ev-{n}']")))
                .next()
                .unwrap_or_else(|| panic!("{path}: no note for {href}"));
            // …which holds the report's words verbatim and leads back to the sentence in the table.
            let said = text(note);
            for ev in &st.evidence {
                assert!(
                    said.contains(&format!("“{}”", ev.quote)),
                    "{path}: note {n} lacks {}",
                    ev.quote
                );
            }
            let back = note
                .select(&sel("a.ev-back"))
                .filter_map(|a| a.value().attr("href"))
                .collect::<Vec<_>>();
            assert_eq!(back, [format!("#evref-{n}")], "{path}");
            let target = format!("table.compare a.ev[id='evref-{n}']");
            assert_eq!(
                doc.select(&sel(&target)).count(),
                1,
                "{path}: note {n} leads back into the table"
            );
        }
        // Every sentence is still there, in its cell: the claim heads its row.
        let claims: Vec<String> = doc
            .select(&sel("table.compare tbody th[scope=row]"))
            .map(prose_text)
            .collect();
        let expected: Vec<String> = data.analysis.report_figures.iter().map(|f| f.claim.text()).collect();
        if path == "/patterns" {
            assert_eq!(claims, expected, "{path}");
        } else {
            assert_eq!(claims.len(), expected.len(), "{path}");
        }
        // On a phone each row reads as a block: its cells name their columns.
        let heads = texts(&doc, "table.compare thead th");
        for row in doc.select(&sel("table.compare.stack tbody tr")) {
            let labels: Vec<&str> = row
                .select(&sel("td"))
                .filter_map(|td| td.value().attr("data-label"))
                .collect();
            assert_eq!(
                labels,
                heads[1..].iter().map(String::as_str).collect::<Vec<_>>(),
                "{path}"
            );
        }
    }
}

#[tokio::test]
async fn each_cell_of_table_1_carries_its_columns_label() {
    let app = atlas();
    let data = dataset();
    for path in ["/", "/de/"] {
        let doc = get(&app, path).await.html();
        // Still a table for a screen reader and a wide screen: caption, column and row headers.
        assert_eq!(texts(&doc, "table.table1.stack > caption").len(), 1, "{path}");
        let heads = texts(&doc, "table.table1 thead th[scope=col]");
        assert_eq!(heads.len(), 9, "{path}: {heads:?}");
        let rows: Vec<_> = doc.select(&sel("table.table1 tbody tr")).collect();
        assert_eq!(rows.len(), data.plots.len(), "{path}");
        for row in rows {
            assert_eq!(
                row.select(&sel("th[scope=row] a")).count(),
                1,
                "{path}: each plot's date links to it"
            );
            let cells: Vec<_> = row.select(&sel("td")).collect();
            assert_eq!(cells.len(), heads.len() - 1, "{path}");
            for (cell, head) in cells.iter().zip(&heads[1..]) {
                assert_eq!(
                    cell.value().attr("data-label"),
                    Some(head.as_str()),
                    "{path}: {}",
                    text(*cell)
                );
                assert!(!text(*cell).is_empty(), "{path}: an empty {head} cell");
            }
        }
        // The total's figure names its column too; the empty filler cell has no label to show.
        let total = attrs(&doc, "table.table1 tfoot td.num", "data-label");
        assert_eq!(total, [heads[5].clone()], "{path}");
    }
    // The German page labels in German.
    let de = get(&app, "/de/").await.html();
    let labels: BTreeSet<String> = attrs(&de, "table.table1 tbody td", "data-label").into_iter().collect();
    assert!(labels.contains("Ort") && !labels.contains("Location"), "{labels:?}");
}
