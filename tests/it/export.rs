//! `iskp-atlas export`: every permanent page, the data and the assets on disk, and a crawl of the
//! files that finds no broken link or anchor when opened from a file share.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use scraper::Html;

use crate::helpers::*;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

async fn export_to(dir: &Path, base: &str) -> Vec<PathBuf> {
    let report = iskp_atlas::export::export(editions(), base.into(), None, dir)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    report.files
}

/// Every HTML file under `root`, parsed.
fn pages(root: &Path, files: &[PathBuf]) -> BTreeMap<PathBuf, Html> {
    files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
        .map(|f| {
            (
                f.clone(),
                Html::parse_document(&std::fs::read_to_string(root.join(f)).expect("read")),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_export_holds_every_permanent_page_and_document() {
    let dir = temp_dir("complete");
    let files = export_to(&dir, "").await;
    let names: BTreeSet<String> = files.iter().map(|f| f.to_string_lossy().replace('\\', "/")).collect();
    for needed in [
        "index.html",
        "plots.html",
        "offices.html",
        "patterns.html",
        "method.html",
        "sources.html",
        "changelog.html",
        "404.html",
        "api/plots.json",
        "api/schema.json",
        "plots.csv",
        "cite/report.bib",
    ] {
        assert!(names.contains(needed), "{needed} missing from the export");
    }
    for p in dataset().plots {
        assert!(names.contains(&format!("plots/{}.html", p.slug)));
        assert!(names.contains(&format!("api/plots/{}.json", p.slug)));
    }
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("static/atlas.") && n.ends_with(".css"))
    );
    // The JSON in the export is the API's JSON.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("api/plots.json")).expect("read")).expect("json");
    assert_eq!(json["plots"].as_array().map(Vec::len), Some(7));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_crawl_of_the_export_finds_no_broken_link_or_anchor() {
    for base in ["", "/atlas"] {
        let dir = temp_dir(if base.is_empty() { "root" } else { "atlas" });
        let files = export_to(&dir, base).await;
        let pages = pages(&dir, &files);
        let ids = |file: &Path| -> BTreeSet<String> {
            pages
                .get(file)
                .map(|d| attrs(d, "[id]", "id").into_iter().collect())
                .unwrap_or_default()
        };
        let mut checked = 0;
        for (file, doc) in &pages {
            assert_eq!(
                doc.select(&sel("form")).count(),
                0,
                "{}: forms need the server",
                file.display()
            );
            let mut links = attrs(doc, "a[href]", "href");
            links.extend(attrs(doc, "link[href]", "href"));
            links.extend(attrs(doc, "img[src], script[src]", "src"));
            for link in links {
                if link.starts_with("https://") || link.starts_with("http://") {
                    continue;
                }
                assert!(
                    !link.starts_with('/'),
                    "{}: root-relative {link} breaks on a file share",
                    file.display()
                );
                let (path, fragment) = link
                    .split_once('#')
                    .map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
                let target = if path.is_empty() {
                    file.clone()
                } else {
                    let joined = file.parent().unwrap_or(Path::new("")).join(path);
                    normalise(&joined)
                };
                assert!(
                    dir.join(&target).is_file(),
                    "{}: {link} -> {} does not exist",
                    file.display(),
                    target.display()
                );
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    assert!(ids(&target).contains(f), "{}: {link} has no #{f}", file.display());
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "only {checked} links checked");
        std::fs::remove_dir_all(&dir).ok();
    }
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[tokio::test]
async fn exported_pages_say_what_needs_the_server() {
    let dir = temp_dir("static");
    export_to(&dir, "").await;
    let read = |f: &str| Html::parse_document(&std::fs::read_to_string(dir.join(f)).expect("read"));
    assert!(one_text(&read("search.html"), ".notices").contains("static copy"));
    assert_eq!(read("plots.html").select(&sel(".static-list .result-title")).count(), 7);
    let cite = one_text(&read("plots/2022-11-strasbourg.html"), ".citation");
    assert!(cite.contains("add the date you read it"), "{cite}");
    std::fs::remove_dir_all(&dir).ok();
}
