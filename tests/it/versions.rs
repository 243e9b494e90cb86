//! Citable versions: a released version's pages at `/v/{version}/…`, unchanged and saying what they
//! are; what changed in each plot from version to version; citations that name the pinned address.

use axum::http::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn version_1_0_0_is_served_as_it_was_with_a_banner() {
    let app = atlas();
    let page = get(&app, "/v/1.0.0/plots/2022-11-strasbourg").await;
    assert_eq!(page.status, StatusCode::OK);
    let doc = page.html();
    // 1.0.0's own words (1.1.0 removed "two young men": the report gives no gender).
    assert!(one_text(&doc, ".summary").contains("two young men"));
    assert_eq!(one_text(&doc, "h1"), "Strasbourg, France, November 2022");
    // The banner names the version and its date, and leads to the page now and to what changed.
    let banner = one_text(&doc, "main > .archive-banner");
    assert!(
        banner.contains("dataset version 1.0.0, released 28 November 2026"),
        "{banner}"
    );
    let links = attrs(&doc, "main > .archive-banner a", "href");
    assert!(
        links.contains(&format!("http://{HOST}/v/1.0.0/plots/2022-11-strasbourg")),
        "{links:?}"
    );
    assert!(links.contains(&"/plots/2022-11-strasbourg".to_string()), "{links:?}");
    assert!(
        links.contains(&"/plots/2022-11-strasbourg/changes".to_string()),
        "{links:?}"
    );
    // Its own links stay inside the archived version, and its stylesheet is 1.0.0's; after it
    // comes the current WCAG 2.2 supplement (target sizes), which 1.0.0's stylesheet predates.
    let sheets = attrs(&doc, "link[rel=stylesheet]", "href");
    assert_eq!(sheets.len(), 2, "{sheets:?}");
    // Relative to the page, as a browser resolves it.
    let own = get(&app, &format!("/v/1.0.0/{}", sheets[0].trim_start_matches("../"))).await;
    assert_eq!(own.status, StatusCode::OK, "{}", sheets[0]);
    assert!(own.header("content-type").starts_with("text/css"));
    assert!(sheets[1].starts_with("/static/wcag22."), "{sheets:?}");
    let extra = get(&app, &sheets[1]).await;
    assert_eq!(extra.status, StatusCode::OK);
    assert!(extra.header("content-type").starts_with("text/css"));
    let rule = ".breadcrumb a,.toc a";
    assert!(extra.body.contains(rule) && extra.body.contains("min-height: 24px"));
    // The same rules are part of the current stylesheet: one source for both.
    let current = attrs(&get(&app, "/").await.html(), "link[rel=stylesheet]", "href");
    assert!(get(&app, &current[0]).await.body.contains(rule));
    assert_eq!(get(&app, "/v/1.0.0/offices.html").await.status, StatusCode::OK);
}

#[tokio::test]
async fn archived_documents_are_the_versions_own() {
    let app = atlas();
    let api = get(&app, "/v/1.0.0/api/plots.json").await.json();
    assert_eq!(api["dataset"]["version"], "1.0.0");
    assert!(
        api["plots"][0]["summary"].is_string(),
        "1.0.0's summaries were plain strings"
    );
    let bib = get(&app, "/v/1.0.0/cite/2022-11-strasbourg.bib").await;
    assert!(bib.header("content-type").starts_with("application/x-bibtex"));
    assert!(bib.body.contains("version = {1.0.0}"));
    let page = get(&app, "/v/1.0.0").await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(page.header("location"), "/v/1.0.0/");
    assert_eq!(get(&app, "/v/1.0.0/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_versions_and_files_get_the_404_page() {
    let app = atlas();
    for path in [
        "/v/9.9.9/",
        "/v/9.9.9/plots/2022-11-strasbourg",
        "/v/1.0.0/plots/nowhere",
        "/v/latest/",
    ] {
        let page = get(&app, path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(one_text(&page.html(), "h1"), "Page not found", "{path}");
    }
}

#[tokio::test]
async fn archived_pages_work_under_a_base_path() {
    let app = atlas_at("/atlas", Some("https://intra.example"));
    let doc = get(&app, "/atlas/v/1.0.0/plots/2024-03-gera-stockholm").await.html();
    let links = attrs(&doc, "main > .archive-banner a", "href");
    assert!(
        links.contains(&"https://intra.example/atlas/v/1.0.0/plots/2024-03-gera-stockholm".to_string()),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .filter(|l| l.starts_with('/'))
            .all(|l| l.starts_with("/atlas/")),
        "{links:?}"
    );
}

#[tokio::test]
async fn a_plots_changes_are_listed_field_by_field_with_words_removed_and_added() {
    let app = atlas();
    let doc = get(&app, "/plots/2022-11-strasbourg/changes").await.html();
    assert_eq!(texts(&doc, ".change-step h2")[0], "From version 1.0.0 to 1.1.0");
    let labels = texts(&doc, ".changes dt");
    assert!(labels.contains(&"Summary".to_string()), "{labels:?}");
    let summary = doc
        .select(&sel(".changes > div"))
        .find(|d| d.select(&sel("dt")).next().map(text).as_deref() == Some("Summary"))
        .expect("summary row");
    let removed = summary.select(&sel("del")).map(text).collect::<Vec<_>>().join(" ");
    assert!(removed.split(' ').any(|w| w == "men"), "{removed}");
    assert!(summary.select(&sel("ins")).count() > 0);
    // The page links the version as it was, and is reached from the plot page and the changelog.
    assert!(attrs(&doc, ".change-step a", "href").contains(&"/v/1.0.0/plots/2022-11-strasbourg".to_string()));
    let plot = get(&app, "/plots/2022-11-strasbourg").await.html();
    assert!(attrs(&plot, ".changed a", "href").contains(&"/plots/2022-11-strasbourg/changes#v1.1.0".to_string()));
    let log = get(&app, "/changelog").await.html();
    assert!(attrs(&log, "a.changes-link", "href").contains(&"/plots/2022-11-strasbourg/changes#v1.1.0".to_string()));
    assert!(attrs(&log, "#v1\\.0\\.0 a", "href").contains(&"/v/1.0.0/".to_string()));
}

#[tokio::test]
async fn citations_name_the_pinned_address_once_the_version_is_released() {
    let data = dataset();
    let released = iskp_atlas::archive::RELEASED
        .iter()
        .any(|(v, _)| *v == data.meta.version);
    let app = atlas();
    let doc = get(&app, "/plots/2024-07-belgium-germany").await.html();
    let pinned = format!("http://{HOST}/v/{}/plots/2024-07-belgium-germany", data.meta.version);
    let cite_links = attrs(&doc, ".citation a", "href");
    let bib = get(&app, "/cite/2024-07-belgium-germany.bib").await.body;
    let ris = get(&app, "/cite/2024-07-belgium-germany.ris").await.body;
    let csl = get(&app, "/cite/2024-07-belgium-germany.json").await.json();
    let csl_note = csl[0]["note"].as_str().unwrap_or_default().to_string();
    if released {
        assert!(cite_links.contains(&pinned), "{cite_links:?}");
        assert!(bib.contains(&pinned) && ris.contains(&pinned) && csl_note.contains(&pinned));
        assert_eq!(
            get(&app, &pinned.replace(&format!("http://{HOST}"), "")).await.status,
            StatusCode::OK
        );
    } else {
        // Not released yet: no address that would not answer.
        assert!(!cite_links.contains(&pinned) && !bib.contains("/v/"));
    }
}

/// `href` (relative, as archived pages link) resolved against the page at `page`.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in href.split('#').next().unwrap_or_default().split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[tokio::test]
async fn a_german_archived_page_is_served_under_de_and_every_link_on_it_answers() {
    let app = atlas();
    for page in [
        "/de/v/1.2.0/plots/2022-11-strasbourg",
        "/de/v/1.2.0/",
        "/de/v/1.2.0/offices",
    ] {
        let answer = get(&app, page).await;
        assert_eq!(answer.status, StatusCode::OK, "{page}");
        let doc = answer.html();
        assert_eq!(attrs(&doc, "html", "lang"), ["de"], "{page}");
        let mut links = attrs(&doc, "a[href]", "href");
        links.extend(attrs(&doc, "link[href]", "href"));
        let relative: Vec<&String> = links
            .iter()
            .filter(|h| !h.starts_with('#') && !h.contains("://"))
            .collect();
        assert!(relative.len() > 10, "{page}");
        for href in relative {
            let target = if href.starts_with('/') {
                href.clone()
            } else {
                resolve(page, href)
            };
            let status = get(&app, &target).await.status;
            assert!(
                status == StatusCode::OK || status == StatusCode::PERMANENT_REDIRECT,
                "{page}: {href} -> {target}: {status}"
            );
        }
    }
    // The banner names the German page it stands for, and the current German page.
    let doc = get(&app, "/de/v/1.2.0/plots/2022-11-strasbourg").await.html();
    let banner = attrs(&doc, ".archive-banner a", "href");
    assert!(
        banner.contains(&"/de/plots/2022-11-strasbourg".to_string()),
        "{banner:?}"
    );
    assert!(
        !banner
            .iter()
            .any(|h| h.contains("/de/de/") || h.contains("/v/1.2.0/de/")),
        "{banner:?}"
    );
    let pinned = atlas_at("", Some("https://intra.example"));
    let doc = get(&pinned, "/de/v/1.2.0/plots/2022-11-strasbourg").await.html();
    let banner = attrs(&doc, ".archive-banner a", "href");
    assert!(
        banner.contains(&"https://intra.example/de/v/1.2.0/plots/2022-11-strasbourg".to_string()),
        "{banner:?}"
    );
    // A version without German has no German archive.
    assert_eq!(
        get(&app, "/de/v/1.1.0/plots/2022-11-strasbourg").await.status,
        StatusCode::NOT_FOUND
    );
}
