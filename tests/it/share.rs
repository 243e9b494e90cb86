//! Citations, downloads, link previews, the changelog, the sitemap and robots.txt.

use axum::http::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn plot_citations_come_in_three_formats() {
    let app = atlas_at("", Some("https://intra.example"));
    let url = "https://intra.example/plots/2022-11-strasbourg";

    let bib = get(&app, "/cite/2022-11-strasbourg.bib").await;
    assert_eq!(bib.status, StatusCode::OK);
    assert!(bib.header("content-type").starts_with("application/x-bibtex"));
    assert_eq!(
        bib.header("content-disposition"),
        "attachment; filename=\"2022-11-strasbourg.bib\""
    );
    assert!(
        bib.body.starts_with("@misc{iskp-atlas-2022-11-strasbourg,"),
        "{}",
        bib.body
    );
    for field in [
        "title = {Strasbourg, France, November 2022: foiled ISKP-linked plot}",
        &format!("url = {{{url}}}"),
        "version = {1.2.0}",
        "urldate = {",
    ] {
        assert!(bib.body.contains(field), "missing {field} in {}", bib.body);
    }
    assert_eq!(
        bib.body.matches('{').count(),
        bib.body.matches('}').count(),
        "balanced braces"
    );

    let ris = get(&app, "/cite/2022-11-strasbourg.ris").await;
    let lines: Vec<&str> = ris.body.split("\r\n").collect();
    assert_eq!(lines[0], "TY  - ELEC");
    assert!(lines.contains(&format!("UR  - {url}").as_str()));
    assert!(lines.iter().any(|l| l.starts_with("Y2  - ")));
    assert!(lines.contains(&"ER  - "));

    let csl = get(&app, "/cite/2022-11-strasbourg.json").await.json();
    assert_eq!(csl[0]["type"], "webpage");
    assert_eq!(csl[0]["URL"], url);
    assert_eq!(csl[0]["version"], "1.2.0");
    assert_eq!(csl[0]["accessed"]["date-parts"][0].as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn the_report_can_be_cited_too() {
    let app = atlas();
    let bib = get(&app, "/cite/report.bib").await.body;
    assert!(bib.starts_with("@techreport{krause2025iskp,"));
    assert!(bib.contains("isbn = {978-87-7236-099-7}") && bib.contains("year = {2025}"));
    let ris = get(&app, "/cite/report.ris").await.body;
    assert!(ris.starts_with("TY  - RPRT\r\n") && ris.contains("AU  - Krause, D.\r\n"));
    let csl = get(&app, "/cite/report.json").await.json();
    assert_eq!(
        (csl[0]["type"].as_str(), csl[0]["author"][0]["family"].as_str()),
        (Some("report"), Some("Krause"))
    );
    for bad in [
        "/cite/nope.bib",
        "/cite/report.docx",
        "/cite/2022-11-strasbourg",
        "/cite/.bib",
    ] {
        assert_eq!(get(&app, bad).await.status, StatusCode::NOT_FOUND, "{bad}");
    }
}

#[tokio::test]
async fn the_plot_page_cites_itself_with_an_access_date_and_downloads() {
    let doc = get(&atlas(), "/plots/2022-11-strasbourg").await.html();
    let cite = one_text(&doc, ".citation");
    let today = chrono::Utc::now().date_naive().format("%-d %B %Y").to_string();
    assert!(cite.contains(&format!("Accessed {today}")), "{cite}");
    let downloads = attrs(&doc, ".cite-downloads a", "href");
    assert_eq!(
        downloads[..3],
        [
            "/cite/2022-11-strasbourg.bib",
            "/cite/2022-11-strasbourg.ris",
            "/cite/2022-11-strasbourg.json"
        ]
    );
}

#[tokio::test]
async fn the_csv_parses_back_with_every_table_1_column() {
    let page = get(&atlas(), "/plots.csv").await;
    assert_eq!(page.header("content-type"), "text/csv; charset=utf-8; header=present");
    assert_eq!(
        page.header("content-disposition"),
        "attachment; filename=\"iskp-atlas-plots-1.2.0.csv\""
    );
    assert!(page.body.contains("\r\n"));
    let mut reader = csv::Reader::from_reader(page.body.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    for column in [
        "slug",
        "date",
        "location",
        "target",
        "outcome",
        "international_connection",
        "cell_size",
        "nationality",
        "age",
        "weapons_and_preparation",
    ] {
        assert!(header.contains(&column.to_string()), "{column} missing from {header:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let data = dataset();
    assert_eq!(rows.len(), data.plots.len());
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    for (row, plot) in rows.iter().zip(&data.plots) {
        assert_eq!(&row[col("slug")], plot.slug);
        assert_eq!(&row[col("target")], plot.table1.target, "commas and quotes survive");
        assert_eq!(
            &row[col("international_connection")],
            plot.table1.international_connection
        );
        assert_eq!(row[col("summary")], plot.summary.text());
        let evidence: Vec<&str> = row[col("summary_evidence")].split('\n').collect();
        assert_eq!(evidence.len(), plot.summary.statements().len(), "one line per sentence");
        assert!(
            evidence[0].starts_with("[1] ") && evidence[0].contains('“'),
            "{}",
            evidence[0]
        );
        assert_eq!(row[col("cell_size")].parse::<u32>().ok(), Some(plot.cell_size));
    }
    assert_eq!(&rows[6][col("precise_date")], "2024-07-25");
}

#[tokio::test]
async fn the_api_validates_against_its_schema() {
    let app = atlas();
    let schema = get(&app, "/api/schema.json").await;
    assert_eq!(schema.header("content-type"), "application/schema+json");
    let schema = schema.json();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let api = get(&app, "/api/plots.json").await.json();
    let errors: Vec<String> = validator
        .iter_errors(&api)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The German edition's API (translated text, Table 1's translation beside the cells) too.
    let german = get(&app, "/de/api/plots.json").await.json();
    let errors: Vec<String> = validator
        .iter_errors(&german)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(german["plots"][0]["table1_translation"]["target"].is_string());
    assert!(api["plots"][0]["table1_translation"].is_null());
    // In step both ways: every field the API serves is described and required, so a field added to the
    // model without the schema, or removed from the model but still in the schema, fails here.
    let props = |def: &str| -> Vec<String> {
        let mut keys: Vec<String> = schema["$defs"][def]["properties"]
            .as_object()
            .expect("props")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let mut served: Vec<String> = api["plots"][0].as_object().expect("plot").keys().cloned().collect();
    served.sort();
    assert_eq!(served, props("plot"));
    let mut required: Vec<String> = schema["$defs"]["plot"]["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    required.sort();
    assert_eq!(required, props("plot"));
    // And the schema rejects what the contract forbids.
    let mut broken = api.clone();
    broken["plots"][0]["cell_size"] = serde_json::json!("five");
    assert!(!validator.is_valid(&broken));
    let mut broken = api;
    broken["plots"][0]["countries"] = serde_json::json!(["Germany"]);
    assert!(!validator.is_valid(&broken));
}

#[tokio::test]
async fn every_page_has_link_preview_and_canonical_tags() {
    let app = atlas();
    for path in page_paths() {
        let doc = get(&app, &path).await.html();
        let one = |css: &str, attr: &str| {
            let v = attrs(&doc, css, attr);
            assert_eq!(v.len(), 1, "{path}: {css}");
            v[0].clone()
        };
        assert!(!one("meta[name=description]", "content").is_empty(), "{path}");
        assert!(!one("meta[property='og:title']", "content").is_empty(), "{path}");
        assert!(!one("meta[property='og:description']", "content").is_empty(), "{path}");
        assert!(
            ["website", "article"].contains(&one("meta[property='og:type']", "content").as_str()),
            "{path}"
        );
        assert_eq!(one("meta[property='og:site_name']", "content"), "ISKP Plots Atlas");
        assert_eq!(one("meta[name='twitter:card']", "content"), "summary");
        // Absolute, from the request's host when no public URL is set, and the page's own.
        // (The query pages' canonical forms are tested below.)
        let canonical = one("link[rel=canonical]", "href");
        let page = path.split('?').next().unwrap_or_default();
        assert!(
            canonical.starts_with(&format!("http://{HOST}{page}")),
            "{path}: {canonical}"
        );
        if !path.contains('?') {
            assert_eq!(canonical, format!("http://{HOST}{path}"), "{path}");
        }
        assert_eq!(one("meta[property='og:url']", "content"), canonical, "{path}");
        // Every page offers a citation with that same address.
        let cite: Vec<String> = attrs(&doc, ".cite-line a, .citation a", "href")
            .into_iter()
            .filter(|h| h.starts_with("http://atlas.test"))
            .collect();
        assert!(cite.contains(&canonical), "{path}: {cite:?}");
    }
    let doc = get(&atlas_at("/atlas", Some("https://intra.example")), "/atlas/offices")
        .await
        .html();
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        ["https://intra.example/atlas/offices"]
    );
    assert_eq!(
        attrs(&doc, "meta[property='og:url']", "content"),
        ["https://intra.example/atlas/offices"]
    );
}

#[tokio::test]
async fn the_changelog_lists_versions_and_the_footer_shows_the_current_one() {
    let app = atlas();
    let doc = get(&app, "/changelog").await.html();
    assert_eq!(ids_of(&doc, ".changelog > li"), ["v1.2.0", "v1.1.0", "v1.0.0"]);
    // 1.1.0 says, page by page, what it corrected; each corrected plot's page links to its list.
    let data = dataset();
    let fixes = &data
        .meta
        .changelog
        .iter()
        .find(|c| c.version == "1.1.0")
        .expect("1.1.0 in the changelog")
        .corrections;
    assert_eq!(doc.select(&sel("#v1\\.1\\.0 .changelog-page")).count(), fixes.len());
    for plot in &data.plots {
        let id = format!("v1.1.0-plots-{}", plot.slug);
        let section = doc.select(&sel(&format!("[id='{id}']"))).next();
        let Some(section) = section else { continue };
        let notes = section.select(&sel("li")).count();
        assert!(notes > 0, "{id}");
        let page = get(&app, &plot.path()).await.html();
        let link = attrs(&page, ".changed a", "href");
        assert_eq!(
            link,
            [format!("/changelog#{id}"), format!("{}/changes#v1.1.0", plot.path())],
            "{}",
            plot.slug
        );
        assert!(
            one_text(&page, ".changed").contains(&format!("{notes} corrections")),
            "{}",
            plot.slug
        );
    }
    let home = get(&app, "/").await.html();
    let footer = attrs(&home, ".site-footer a[href='/changelog']", "href");
    assert_eq!(footer.len(), 1);
    assert!(one_text(&home, ".site-footer").contains("Dataset version 1.2.0"));
}

fn ids_of(doc: &scraper::Html, css: &str) -> Vec<String> {
    attrs(doc, css, "id")
}

#[tokio::test]
async fn sitemap_lists_only_permanent_pages_and_robots_points_to_it() {
    let app = atlas_at("/atlas", Some("https://intra.example"));
    let page = get(&app, "/atlas/sitemap.xml").await;
    assert_eq!(page.header("content-type"), "application/xml; charset=utf-8");
    let locs: Vec<&str> = page
        .body
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    // The eleven pages (/policy since issue 15), each plot's page and its changes, and each unit
    // of the organisation, in English and in German.
    let units = dataset().org.nodes.len();
    assert_eq!(locs.len(), 2 * (11 + 7 + 7 + units));
    assert!(locs.contains(&"https://intra.example/atlas/offices/al-siddiq-office"));
    assert!(locs.contains(&"https://intra.example/atlas/de/offices/al-siddiq-office"));
    assert!(locs.contains(&"https://intra.example/atlas/plots/2022-11-strasbourg"));
    assert!(locs.contains(&"https://intra.example/atlas/de/plots/2022-11-strasbourg"));
    assert!(
        page.body.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://intra.example/atlas/de/offices\"/>"
        )
    );
    assert!(
        locs.iter()
            .all(|l| !l.contains('?') && l.starts_with("https://intra.example/atlas/"))
    );
    for l in &locs {
        let path = l.trim_start_matches("https://intra.example");
        assert_eq!(get(&app, path).await.status, StatusCode::OK, "{l}");
    }
    let robots = get(&app, "/atlas/robots.txt").await.body;
    assert!(
        robots.contains("Sitemap: https://intra.example/atlas/sitemap.xml"),
        "{robots}"
    );
}

async fn raw(app: &axum::Router, uri: &str, headers: &[(&str, &str)]) -> Answer {
    send(app, axum::http::Method::GET, uri, headers).await
}

#[tokio::test]
async fn without_a_public_url_a_hostile_host_is_refused_and_pages_vary_by_host() {
    let app = atlas();
    for bad in [
        "evil.example/x",
        "evil example",
        "a..b",
        "-x.example",
        "host:99999",
        "host:",
        "[::1",
        "",
    ] {
        let page = raw(&app, "/cite/2022-11-strasbourg.bib", &[("host", bad)]).await;
        assert_eq!(page.status, axum::http::StatusCode::BAD_REQUEST, "Host: {bad:?}");
        assert!(
            !page.body.contains(bad) || bad.is_empty(),
            "the hostile host is not echoed"
        );
    }
    let page = raw(&app, "/", &[]).await;
    assert_eq!(page.status, axum::http::StatusCode::BAD_REQUEST, "no Host at all");
    // A valid but different host gets its own addresses, never another reader's, and says so.
    for host in ["intranet.example", "10.0.0.5:8080", "[::1]:3000"] {
        let page = raw(&app, "/plots/2022-11-strasbourg", &[("host", host)]).await;
        assert_eq!(page.status, axum::http::StatusCode::OK, "{host}");
        let cite = attrs(&page.html(), ".citation a", "href");
        assert_eq!(
            cite,
            [
                format!("http://{host}/plots/2022-11-strasbourg"),
                format!("http://{host}/v/1.2.0/plots/2022-11-strasbourg")
            ]
        );
        let vary: Vec<&str> = page
            .headers
            .get_all("vary")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert!(vary.iter().any(|v| v.contains("Host")), "{vary:?}");
        assert!(page.header("etag").is_empty(), "not from the shared cache");
        let bib = raw(&app, "/cite/2022-11-strasbourg.bib", &[("host", host)]).await.body;
        assert!(
            bib.contains(&format!("http://{host}/plots/2022-11-strasbourg")),
            "{bib}"
        );
    }
    // Forwarded headers count only when trusted.
    let forwarded = [
        ("host", "127.0.0.1:3000"),
        ("x-forwarded-host", "atlas.example"),
        ("x-forwarded-proto", "https"),
    ];
    let page = raw(&app, "/plots.csv", &forwarded).await;
    assert!(page.body.contains(",http://127.0.0.1:3000/plots/2022-11-strasbourg,"));
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_host_and_scheme_are_used() {
    let mut state = iskp_atlas::AppState::new(dataset(), String::new(), None).expect("state");
    state.site.trust_forwarded = true;
    let app = iskp_atlas::app(std::sync::Arc::new(state));
    let forwarded = [
        ("host", "127.0.0.1:3000"),
        ("x-forwarded-host", "atlas.example, proxy.local"),
        ("x-forwarded-proto", "https"),
    ];
    let page = raw(&app, "/plots/2024-03-gera-stockholm", &forwarded).await;
    assert_eq!(
        attrs(&page.html(), "link[rel=canonical]", "href"),
        ["https://atlas.example/plots/2024-03-gera-stockholm"]
    );
    let bad = [("host", "127.0.0.1:3000"), ("x-forwarded-host", "evil.example/path")];
    assert_eq!(raw(&app, "/", &bad).await.status, axum::http::StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn with_a_public_url_every_address_uses_it_whatever_the_host() {
    let app = atlas_at("/atlas", Some("https://intra.example"));
    let want = "https://intra.example/atlas/plots/2022-11-strasbourg";
    let host = [("host", "evil.example")];
    let page = raw(&app, "/atlas/plots/2022-11-strasbourg", &host).await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    assert_eq!(
        attrs(&page.html(), ".citation a", "href"),
        [want.to_string(), want.replace("/atlas/plots/", "/atlas/v/1.2.0/plots/")]
    );
    for doc in [
        "/atlas/cite/2022-11-strasbourg.bib",
        "/atlas/cite/2022-11-strasbourg.ris",
        "/atlas/cite/2022-11-strasbourg.json",
        "/atlas/plots.csv",
        "/atlas/api/plots.json",
        "/atlas/sitemap.xml",
        "/atlas/briefing?plots=2022-11-strasbourg",
    ] {
        let body = raw(&app, doc, &host).await.body;
        assert!(body.contains(want), "{doc}");
        assert!(!body.contains("evil.example"), "{doc}");
    }
}

#[tokio::test]
async fn canonical_links_mean_the_page_shown() {
    let app = atlas();
    let canonical = |doc: scraper::Html| attrs(&doc, "link[rel=canonical]", "href");
    let doc = get(&app, "/compare?plots=2024-03-gera-stockholm,bogus,2022-11-strasbourg")
        .await
        .html();
    assert_eq!(
        canonical(doc),
        [format!(
            "http://{HOST}/compare?plots=2022-11-strasbourg,2024-03-gera-stockholm"
        )],
        "chosen plots, in date order, without the unknown one"
    );
    let doc = get(
        &app,
        "/briefing?plots=2024-07-belgium-germany&plots=2020-04-north-rhine-westphalia",
    )
    .await
    .html();
    assert_eq!(
        canonical(doc),
        [format!(
            "http://{HOST}/briefing?plots=2020-04-north-rhine-westphalia,2024-07-belgium-germany"
        )]
    );
    let doc = get(&app, "/plots?year=2023&colour=red&country=DE&country=XX")
        .await
        .html();
    assert_eq!(canonical(doc), [format!("http://{HOST}/plots?country=DE&year=2023")]);
    let doc = get(&app, "/no-such-page").await.html();
    assert!(canonical(doc).is_empty(), "the 404 page declares no canonical address");
}
