//! Evidence on the page: every sentence the atlas writes ends in a numbered marker that leads to
//! the report's words, the section and the works cited there, and back.

use iskp_atlas::model::{Dataset, Owner};
use scraper::Html;

use crate::helpers::*;

/// How many statements the data puts on `path`.
fn statements_on(data: &Dataset, path: &str) -> usize {
    let all = data.statements();
    let count = |keep: &dyn Fn(&Owner<'_>) -> bool| all.iter().filter(|s| keep(&s.owner)).count();
    let node = |n: &iskp_atlas::model::org::Node, facts: bool| {
        let plots: usize = n.plots.iter().map(|l| l.link.statements().len()).sum();
        let facts: usize = match facts {
            true => n.facts.iter().map(|f| f.value.statements().len()).sum(),
            false => 0,
        };
        n.summary.statements().len() + plots + facts
    };
    if let Some(id) = path.strip_prefix("/offices/") {
        // A unit's own page: its summary, its facts and its plots.
        return node(data.org.node(id).expect("a unit"), true);
    }
    match path {
        // The overview: each unit's summary and plots (the facts are on the unit's page).
        "/offices" => {
            count(&|o| *o == Owner::OfficesNote) + data.org.nodes.iter().map(|n| node(n, false)).sum::<usize>()
        }
        "/timeline" => count(&|o| *o == Owner::Chronology),
        "/patterns" => count(&|o| matches!(o, Owner::Pattern(_) | Owner::ReportFigure | Owner::Propaganda)),
        // The policy dimensions moved from /patterns to their own page (issue 15).
        "/policy" => count(&|o| matches!(o, Owner::Policy(_))),
        "/method" => {
            let notes: usize = data
                .plots
                .iter()
                .flat_map(|p| &p.data_notes)
                .map(|n| n.note.statements().len())
                .sum();
            notes + count(&|o| matches!(o, Owner::Method | Owner::Lull | Owner::ReportNote))
        }
        plot_path => {
            let slug = plot_path.trim_start_matches("/plots/");
            let links: usize = data
                .org
                .nodes
                .iter()
                .flat_map(|n| &n.plots)
                .filter(|l| l.slug == slug)
                .map(|l| l.link.statements().len())
                .sum();
            links + count(&|o| *o == Owner::Plot(slug))
        }
    }
}

fn evidence_pages(data: &Dataset) -> Vec<String> {
    let mut pages: Vec<String> = data.plots.iter().map(|p| p.path()).collect();
    pages.extend(["/offices", "/patterns", "/policy", "/method", "/timeline"].map(String::from));
    pages.extend(data.org.nodes.iter().map(|n| format!("/offices/{}", n.id)));
    pages
}

/// Checks the markers and the notes of one page; returns the number of markers.
fn check_page(doc: &Html, path: &str) -> usize {
    let markers = attrs(doc, "a.ev", "href");
    let ids = attrs(doc, "a.ev", "id");
    let numbers = texts(doc, "a.ev");
    for (i, ((href, id), number)) in markers.iter().zip(&ids).zip(&numbers).enumerate() {
        let n = i + 1;
        assert_eq!(
            href,
            &format!("#ev-{n}"),
            "{path}: markers run 1, 2, 3 … in reading order"
        );
        assert_eq!(id, &format!("evref-{n}"), "{path}");
        assert_eq!(number, &n.to_string(), "{path}");
        let note: Vec<_> = doc.select(&sel(&format!("ol.evidence > li[id='ev-{n}']"))).collect();
        assert_eq!(note.len(), 1, "{path}: marker {n} has no note below its paragraph");
        let note_text = text(note[0]);
        assert!(
            note_text.contains('“') && note_text.contains('”') && note_text.contains(':'),
            "{path}: note {n} lacks a section and a quotation: {note_text}"
        );
        let back = note[0]
            .select(&sel("a.ev-back"))
            .filter_map(|a| a.value().attr("href"))
            .collect::<Vec<_>>();
        assert_eq!(
            back,
            [format!("#evref-{n}")],
            "{path}: note {n} links back to its sentence"
        );
    }
    let marker_labels = attrs(doc, "a.ev", "aria-label");
    assert!(
        marker_labels
            .iter()
            .enumerate()
            .all(|(i, l)| l == &format!("Evidence {}", i + 1)),
        "{path}: a screen reader hears 'Evidence N'"
    );
    // The page says whose words are whose.
    assert_eq!(doc.select(&sel(".ev-intro")).count(), 1, "{path}");
    markers.len()
}

#[tokio::test]
async fn every_sentence_on_the_evidence_pages_leads_to_its_quotation_and_back() {
    let app = atlas();
    let data = dataset();
    for path in evidence_pages(&data) {
        let doc = get(&app, &path).await.html();
        let markers = check_page(&doc, &path);
        assert_eq!(markers, statements_on(&data, &path), "{path}: one marker per statement");
    }
}

#[tokio::test]
async fn a_plots_summary_reads_as_one_paragraph_with_its_quotations_below() {
    let data = dataset();
    let plot = data.plot("2022-11-strasbourg").expect("plot");
    let doc = get(&atlas(), &plot.path()).await.html();
    let summary = doc.select(&sel("p.summary")).next().expect("summary");
    assert_eq!(prose_text(summary), plot.summary.text());
    assert_eq!(summary.select(&sel("a.ev")).count(), plot.summary.statements().len());
    // The list right after the paragraph holds each sentence's quotations, verbatim, with the
    // works the report cites for them.
    let list = doc
        .select(&sel("p.summary + ol.evidence"))
        .next()
        .expect("evidence list below the summary");
    let notes: Vec<String> = list.select(&sel(":scope > li")).map(text).collect();
    assert_eq!(notes.len(), plot.summary.statements().len());
    for (note, st) in notes.iter().zip(plot.summary.statements()) {
        for ev in &st.evidence {
            assert!(note.contains(&format!("“{}”", ev.quote)), "{note} lacks {}", ev.quote);
            for key in &ev.sources {
                let cited = data.source(key).map(|s| s.cited_as.clone()).unwrap_or_default();
                assert!(note.contains(&cited), "{note} lacks {cited}");
            }
        }
    }
    let cites = list
        .select(&sel(".cites a"))
        .filter_map(|a| a.value().attr("href"))
        .collect::<Vec<_>>();
    assert!(cites.contains(&"/sources#seelow-2023"), "{cites:?}");
    // Sections carry their pages.
    assert!(notes[0].contains("within pp. 13–24"), "{}", notes[0]);
}

#[tokio::test]
async fn a_plain_statement_of_a_hedged_passage_shows_its_reason() {
    let data = dataset();
    let (slug, reason) = data
        .statements()
        .into_iter()
        .find_map(|s| match (s.owner, &s.statement.hedge_exception) {
            (Owner::Plot(slug), Some(reason)) => Some((slug.to_string(), reason.clone())),
            _ => None,
        })
        .expect("the data has at least one hedge exception on a plot");
    let doc = get(&atlas(), &format!("/plots/{slug}")).await.html();
    let shown = texts(&doc, "ol.evidence .ev-exception");
    assert!(shown.iter().any(|t| t.contains(&reason)), "{shown:?}");
}

#[tokio::test]
async fn the_api_carries_each_sentence_with_its_evidence() {
    let data = dataset();
    let doc = get(&atlas(), "/api/plots/2024-03-gera-stockholm.json").await.json()["plot"].clone();
    let plot = data.plot("2024-03-gera-stockholm").expect("plot");
    let summary = doc["summary"].as_array().expect("summary is a list of statements");
    assert_eq!(summary.len(), plot.summary.statements().len());
    for (json, st) in summary.iter().zip(plot.summary.statements()) {
        assert_eq!(json["text"], st.text.as_str());
        assert_eq!(json["evidence"][0]["quote"], st.evidence[0].quote.as_str());
        assert_eq!(json["evidence"][0]["section"], st.evidence[0].section.as_str());
    }
    assert_eq!(doc["summary_text"], plot.summary.text().as_str());
}
