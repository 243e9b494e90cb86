//! `/plots/{slug}`: one page per plot with Table 1's values, provenance, notes and citations.

use axum::http::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn every_plot_page_shows_its_table_1_values() {
    let app = atlas();
    for plot in dataset().plots {
        let page = get(&app, &plot.path()).await;
        assert_eq!(page.status, StatusCode::OK, "{}", plot.slug);
        let doc = page.html();
        let title = one_text(&doc, "head > title");
        assert!(title.starts_with(&plot.title()), "{title}");
        assert_eq!(texts(&doc, "h1").len(), 1);
        assert_eq!(one_text(&doc, "h1"), format!("{}, {}", plot.place_label, plot.date));
        let cells = texts(&doc, ".facts q.cell");
        let t = &plot.table1;
        assert_eq!(
            cells,
            [
                &t.date,
                &t.location,
                &t.target,
                &t.outcome,
                &t.international_connection,
                &t.cell_size,
                &t.nationality,
                &t.age,
                &t.weapons_and_preparation
            ]
            .map(|c| c.to_string())
        );
        // Every field says where it comes from.
        assert_eq!(texts(&doc, ".facts .fact").len(), 9);
        assert_eq!(doc.select(&sel(".facts .fact .provenance")).count(), 9, "{}", plot.slug);
        let summaries: Vec<_> = doc.select(&sel(".summary")).collect();
        assert_eq!(summaries.len(), 1);
        assert_eq!(prose_text(summaries[0]), plot.summary.text());
    }
}

#[tokio::test]
async fn the_title_names_place_country_month_and_year() {
    let doc = get(&atlas(), "/plots/2023-12-cologne-vienna").await.html();
    assert_eq!(
        one_text(&doc, "head > title"),
        "Cologne, Germany/Vienna, Austria, December 2023: foiled ISKP-linked plot · ISKP Plots Atlas"
    );
    let desc = attrs(&doc, "meta[name=description]", "content");
    assert_eq!(desc.len(), 1);
    assert!(
        desc[0].contains("5 suspects (3 Tajik, 1 Turkish, 1 Russian)"),
        "{}",
        desc[0]
    );
    assert_eq!(attrs(&doc, "meta[property='og:type']", "content"), ["article"]);
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        [format!("http://{HOST}/plots/2023-12-cologne-vienna")]
    );
}

#[tokio::test]
async fn structured_values_are_shown_beside_the_cells() {
    let doc = get(&atlas(), "/plots/2023-07-cologne-berlin").await.html();
    let nat = texts(&doc, "#nationality .tags li");
    assert_eq!(nat, ["Tajik: 6", "Kyrgyz: 2", "Turkmen: 1"]);
    let age = one_text(&doc, "#age dd p:not(.provenance)");
    assert!(age.starts_with("Known ages: 21, 29, 47; unknown: 6 of 9."), "{age}");
    let handlers = texts(&doc, "#international-connection .handlers li");
    assert_eq!(handlers.len(), 1);
    assert!(handlers[0].starts_with("Turkey:"), "{handlers:?}");
    let conn = texts(&doc, "#international-connection dd > p:not(.provenance)");
    assert!(
        conn.iter().any(|p| p.contains("Telegram") && p.contains("Netherlands")),
        "{conn:?}"
    );

    let doc = get(&atlas(), "/plots/2024-07-belgium-germany").await.html();
    let date = one_text(&doc, "#date dd p:not(.provenance)");
    assert!(date.starts_with("More precisely: 25 July 2024."), "{date}");
    assert_eq!(attrs(&doc, "#date time", "datetime"), ["2024-07-25"]);
}

#[tokio::test]
async fn uncertainty_is_visible() {
    let doc = get(&atlas(), "/plots/2024-03-gera-stockholm").await.html();
    assert_eq!(texts(&doc, "#international-connection .certainty"), ["presumed"]);
    let notes: Vec<String> = doc.select(&sel(".data-notes > ol > li")).map(prose_text).collect();
    assert!(notes.iter().any(|n| n.contains("'presumably'")), "{notes:?}");
}

#[tokio::test]
async fn known_report_inconsistencies_are_flagged_on_their_plots() {
    let app = atlas();
    let cases = [
        ("2022-09-iserlohn-bremerhaven", "Age of suspects", "18-year-old"),
        ("2023-07-cologne-berlin", "Cell size", "five of the seven"),
        (
            "2023-12-cologne-vienna",
            "Nationality of suspects",
            "no Turkish suspect",
        ),
    ];
    for (slug, field, words) in cases {
        let doc = get(&app, &format!("/plots/{slug}")).await.html();
        let notes: Vec<String> = doc.select(&sel(".data-notes > ol > li")).map(prose_text).collect();
        let hit = notes.iter().position(|n| n.starts_with(field) && n.contains(words));
        let Some(i) = hit else {
            panic!("{slug}: no note on {field} saying '{words}' in {notes:?}")
        };
        // The field itself links to its note.
        let marks = attrs(&doc, ".fact .note-mark", "href");
        assert!(marks.contains(&format!("#note-{}", i + 1)), "{slug}: {marks:?}");
    }
}

#[tokio::test]
async fn sources_list_the_cited_works_with_anchors_and_links() {
    let doc = get(&atlas(), "/plots/2020-04-north-rhine-westphalia").await.html();
    let ids = attrs(&doc, ".references li", "id");
    assert_eq!(ids, ["src-jokinen-2020", "src-soliev-2021", "src-tagesschau-2022"]);
    let links = attrs(&doc, ".references a.ref-external", "href");
    assert!(
        links.len() == 2 && links.iter().all(|l| l.starts_with("https://")),
        "{links:?}"
    );
    let bib = attrs(&doc, ".references a.ref-bib", "href");
    assert_eq!(
        bib,
        [
            "/sources#jokinen-2020",
            "/sources#soliev-2021",
            "/sources#tagesschau-2022"
        ]
    );
    // Every work the page's evidence cites is among the plot's references.
    let cited = attrs(&doc, ".evidence .cites a", "href");
    assert!(!cited.is_empty());
    for href in cited {
        let key = href.trim_start_matches("/sources#");
        assert!(ids.iter().any(|i| i == &format!("src-{key}")), "{href} has no entry");
    }
    let sections = texts(&doc, "#sources-h ~ ul li");
    assert!(
        sections[0].contains(
            "ISKP's external operations campaign (from p. 13) › ISKP-related plots in Europe › The prototype (Germany, 2020)"
        ),
        "{sections:?}"
    );
}

#[tokio::test]
async fn previous_and_next_follow_date_order() {
    let app = atlas();
    let plots = dataset().plots;
    for (i, plot) in plots.iter().enumerate() {
        let doc = get(&app, &plot.path()).await.html();
        let prev = attrs(&doc, ".pager a[rel=prev]", "href");
        let next = attrs(&doc, ".pager a[rel=next]", "href");
        assert_eq!(
            prev,
            i.checked_sub(1)
                .map(|j| plots[j].path())
                .into_iter()
                .collect::<Vec<_>>()
        );
        assert_eq!(next, plots.get(i + 1).map(|p| p.path()).into_iter().collect::<Vec<_>>());
    }
}

#[tokio::test]
async fn related_plots_link_both_ways_where_the_report_says_so() {
    let app = atlas();
    let doc = get(&app, "/plots/2023-07-cologne-berlin").await.html();
    assert!(attrs(&doc, ".related a", "href").contains(&"/plots/2022-11-strasbourg".to_string()));
    let doc = get(&app, "/plots/2022-11-strasbourg").await.html();
    assert!(attrs(&doc, ".related a", "href").contains(&"/plots/2023-07-cologne-berlin".to_string()));
}

#[tokio::test]
async fn the_citation_gives_the_permanent_url_and_dataset_version() {
    let doc = get(&atlas(), "/plots/2022-11-strasbourg").await.html();
    let cite = one_text(&doc, ".citation");
    assert!(cite.contains("dataset version 1.2.0"), "{cite}");
    // The living address, and the one this version keeps for good.
    let both = [
        format!("http://{HOST}/plots/2022-11-strasbourg"),
        format!("http://{HOST}/v/1.2.0/plots/2022-11-strasbourg"),
    ];
    assert_eq!(attrs(&doc, ".citation a", "href"), both);
    assert_eq!(
        texts(&doc, ".citation a"),
        both,
        "the addresses as a reader copies them"
    );
    assert!(one_text(&doc, ".citation").contains("DIIS Report Vol. 2025 No. 09"));

    let doc = get(
        &atlas_at("/atlas", Some("https://intra.example")),
        "/atlas/plots/2022-11-strasbourg",
    )
    .await
    .html();
    let permanent = "https://intra.example/atlas/plots/2022-11-strasbourg";
    assert_eq!(
        attrs(&doc, ".citation a", "href"),
        [
            permanent,
            "https://intra.example/atlas/v/1.2.0/plots/2022-11-strasbourg"
        ]
    );
    assert_eq!(attrs(&doc, "link[rel=canonical]", "href"), [permanent]);
    assert_eq!(attrs(&doc, "meta[property='og:url']", "content"), [permanent]);
}
