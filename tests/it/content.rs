//! Rules that hold on every page: escaping, no suspect named, links that resolve, nothing loaded
//! from another host, the base path carried everywhere.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn data_is_escaped_not_executed() {
    let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let app = atlas_with_plots(|v| {
        let p = &mut v["plots"][2];
        p["table1"]["target"] = json!(payload);
        let first = p["summary"][0]["text"].as_str().expect("summary").to_string();
        p["summary"][0]["text"] = json!(format!("{payload} {first}"));
        p["summary"][0]["evidence"][0]["quote"] = json!(payload);
        p["place_label"] = json!("Strasbourg \"<b>\" & France");
    });
    for path in ["/", "/plots/2022-11-strasbourg"] {
        let page = get(&app, path).await;
        assert_eq!(page.status, StatusCode::OK);
        let doc = page.html();
        assert_eq!(doc.select(&sel("script")).count(), 0, "{path}");
        assert_eq!(doc.select(&sel("main img")).count(), 0, "{path}");
        assert_eq!(doc.select(&sel("main b")).count(), 0, "{path}");
        assert!(
            page.body.contains("&#60;script&#62;") || page.body.contains("&lt;script&gt;"),
            "{path}"
        );
        assert!(
            doc.root_element()
                .text()
                .any(|t| t.contains("<script>alert('x')</script>")),
            "{path}: shown as text"
        );
    }
    let doc = get(&app, "/plots/2022-11-strasbourg").await.html();
    assert_eq!(one_text(&doc, "h1"), "Strasbourg \"<b>\" & France, November 2022");
    let description = attrs(&doc, "meta[name=description]", "content");
    assert!(
        description[0].contains(payload),
        "attribute keeps the text, escaped in the markup"
    );
}

/// FNV-1a 64, to compare page words with the suspects' names without writing the names here.
fn fnv1a(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Hashes of the given names by which the report's text refers to five suspects.
const SUSPECT_NAME_HASHES: [u64; 5] = [
    0x28eb_6748_a799_8f8f,
    0x2d4e_e4ef_709f_6c77,
    0x0f18_360b_b9e5_9481,
    0xfaf6_6027_2edf_392f,
    0x4ac7_b411_ae81_1e10,
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[tokio::test]
async fn no_suspect_is_named_on_any_page_or_in_the_api() {
    let app = atlas();
    let mut bodies = Vec::new();
    for path in page_paths()
        .into_iter()
        .chain(["/api/plots.json".to_string(), "/nope".to_string()])
    {
        bodies.push((path.clone(), get(&app, &path).await.body));
    }
    // Positive control: the check does see words ("tajik" is on the pages and hashes as expected).
    assert_eq!(fnv1a("tajik"), 0xbbd9_ad29_da3a_08f4);
    assert!(
        bodies
            .iter()
            .any(|(_, b)| words(b).any(|w| fnv1a(&w) == fnv1a("tajik")))
    );
    for (path, body) in &bodies {
        let named: Vec<String> = words(body)
            .filter(|w| SUSPECT_NAME_HASHES.contains(&fnv1a(w)))
            .collect();
        assert!(named.is_empty(), "{path} names a suspect: {named:?}");
    }
}

#[tokio::test]
async fn every_internal_link_and_asset_answers() {
    let app = atlas();
    let mut checked = std::collections::BTreeSet::new();
    for path in page_paths() {
        let doc = get(&app, &path).await.html();
        let mut targets = attrs(&doc, "a[href]", "href");
        targets.extend(attrs(&doc, "link[href]", "href"));
        for href in targets.into_iter().filter(|h| h.starts_with('/')) {
            let (target, fragment) = href
                .split_once('#')
                .map_or((href.as_str(), None), |(t, f)| (t, Some(f)));
            if checked.insert(target.to_string()) {
                let answer = get(&app, target).await;
                assert_eq!(answer.status, StatusCode::OK, "{path} links {href}");
            }
            if let Some(id) = fragment.filter(|f| !f.is_empty()) {
                let on = if target.is_empty() {
                    path.clone()
                } else {
                    target.to_string()
                };
                let page = get(&app, &on).await.html();
                assert_eq!(
                    page.select(&sel(&format!("[id='{id}']"))).count(),
                    1,
                    "{path} links {href}: no #{id}"
                );
            }
        }
        // Same-page anchors.
        for href in attrs(&doc, "a[href^='#']", "href") {
            let id = &href[1..];
            assert_eq!(
                doc.select(&sel(&format!("[id='{id}']"))).count(),
                1,
                "{path}: {href} has no target"
            );
        }
    }
    assert!(checked.iter().any(|p| p.starts_with("/static/atlas.")), "{checked:?}");
}

#[tokio::test]
async fn the_stylesheet_is_cached_for_good_under_a_hashed_name() {
    let app = atlas();
    let doc = get(&app, "/").await.html();
    let href = attrs(&doc, "link[rel=stylesheet]", "href").remove(0);
    let css = get(&app, &href).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert_eq!(css.header("cache-control"), "public, max-age=31536000, immutable");
    assert!(css.body.contains("prefers-color-scheme: dark") && css.body.contains("@media print"));
}

#[tokio::test]
async fn pages_load_nothing_from_another_host_and_have_no_script() {
    let app = atlas();
    for path in page_paths() {
        let doc = get(&app, &path).await.html();
        assert_eq!(doc.select(&sel("script, iframe, object, embed")).count(), 0, "{path}");
        for css in ["link[href]", "img[src]", "source[src]"] {
            let attr = if css.starts_with("link") { "href" } else { "src" };
            for url in attrs(&doc, css, attr) {
                let rel = !(url.contains("//") || url.contains(':'));
                // Canonical and alternate-language links may be absolute; they are not loaded.
                let canonical = doc
                    .select(&sel("link[rel=canonical], link[rel=alternate][hreflang]"))
                    .any(|l| l.value().attr("href") == Some(&url));
                assert!(rel || canonical, "{path} loads {url}");
            }
        }
        assert!(doc.select(&sel("[style]")).next().is_none(), "{path} has inline style");
    }
}

#[tokio::test]
async fn every_page_has_landmarks_and_one_h1() {
    let app = atlas();
    for path in page_paths().into_iter().chain(["/missing".to_string()]) {
        let doc = get(&app, &path).await.html();
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{path}");
        assert_eq!(doc.select(&sel("main#main")).count(), 1, "{path}");
        assert_eq!(attrs(&doc, "nav.site-nav", "aria-label"), ["Main"], "{path}");
        assert_eq!(doc.select(&sel("header.site-header")).count(), 1, "{path}");
        assert_eq!(doc.select(&sel("footer.site-footer")).count(), 1, "{path}");
        assert_eq!(attrs(&doc, "html", "lang"), ["en"], "{path}");
        assert_eq!(attrs(&doc, "a.skip-link", "href"), ["#main"], "{path}");
    }
}

#[tokio::test]
async fn under_a_base_path_every_link_and_asset_carries_it() {
    let app = atlas_at("/atlas", None);
    let home = get(&app, "/atlas/").await;
    assert_eq!(home.status, StatusCode::OK);
    let bare = get(&app, "/atlas").await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.header("location"), "/atlas/");
    assert_eq!(get(&app, "/").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&app, "/plots/2022-11-strasbourg").await.status,
        StatusCode::NOT_FOUND
    );
    for path in ["/atlas/", "/atlas/plots/2022-11-strasbourg", "/atlas/missing"] {
        let doc = get(&app, path).await.html();
        let mut urls = attrs(&doc, "a[href]", "href");
        urls.extend(attrs(&doc, "link[href]", "href"));
        for url in urls.iter().filter(|u| u.starts_with('/')) {
            assert!(url.starts_with("/atlas/"), "{path}: {url}");
            let target = url.split('#').next().unwrap_or_default();
            assert_eq!(get(&app, target).await.status, StatusCode::OK, "{path}: {url}");
        }
    }
    let api = get(&app, "/atlas/api/plots.json").await.json();
    assert_eq!(api["plots"][0]["url"], "/atlas/plots/2020-04-north-rhine-westphalia");
}

/// The atlas's own visible words: every text node outside `<script>` and `<style>`, and outside
/// what others wrote (quotations of the report, Table 1's cells, the bibliography, the search's
/// list of spellings it understands).
fn visible_text(doc: &scraper::Html) -> String {
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let hidden = node.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| {
            let el = a.value();
            matches!(el.name(), "script" | "style" | "title" | "q" | "cite")
                || el.classes().any(|c| {
                    matches!(
                        c,
                        "evidence" | "references" | "bibliography" | "table1" | "cell" | "aliases" | "citation"
                    )
                })
        });
        if !hidden {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

#[tokio::test]
async fn pages_speak_plain_words_and_follow_the_glossary() {
    let app = atlas();
    let data = dataset();
    let mut paths = page_paths();
    paths.extend(
        [
            "/map",
            "/timeline",
            "/network",
            "/no-such-page",
            "/plots/cologne",
            "/plots?colour=red&plots=bogus",
        ]
        .map(String::from),
    );
    for path in paths {
        let text = visible_text(&get(&app, &path).await.html());
        // No identifier shows through: snake_case words, placeholders, the word "slug".
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '{' || c == '}')) {
            let snake = word.contains('_') && word.chars().any(char::is_alphabetic);
            assert!(!snake && !word.contains('{'), "{path}: '{word}'");
            assert!(!word.eq_ignore_ascii_case("slug"), "{path}: 'slug'");
        }
        // One name per idea: the glossary's variants appear nowhere.
        let lower = text.to_lowercase();
        for (variant, term) in data.glossary.variants() {
            let v = variant.to_lowercase();
            let found = lower.match_indices(&v).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + v.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            });
            assert!(!found, "{path} says '{variant}'; the atlas says '{term}'");
        }
    }
}
