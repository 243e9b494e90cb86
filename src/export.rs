//! `iskp-atlas export DIR`: the atlas as static files, for a web server without the binary or a
//! plain file share.
//!
//! Pages are rendered by the same router the server uses, with `Site::live` off (no forms, no
//! access date: nothing answers them). Every link into the atlas is then rewritten to a path
//! relative to the page's own file (`/plots/x` → `../plots/x.html`), which works from `file://`
//! and from any server path prefix alike.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::model::Dataset;
use crate::state::{AppState, Editions, cacheable_paths};

/// What was written.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<PathBuf>,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0} answered {1} while exporting")]
    Status(String, StatusCode),
    #[error("could not prepare the site: {0}")]
    State(String),
}

/// The file (relative to the export root) that holds `path` (without base path or query).
pub fn file_for(path: &str) -> String {
    // A translated page of a released version (`/de/v/1.2.0/offices`) is archived inside that
    // version's directory, as the archive holds it (`v/1.2.0/de/offices.html`).
    if let Some((lang, rest)) = path.trim_start_matches('/').split_once("/v/")
        && crate::i18n::language(lang).is_some_and(|l| !l.is_source())
    {
        let (version, page) = rest.split_once('/').unwrap_or((rest, ""));
        return file_for(&format!("/v/{version}/{lang}/{page}"));
    }
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        return format!("{p}index.html");
    }
    let last = p.rsplit('/').next().unwrap_or(p);
    if last.contains('.') {
        p.to_string()
    } else {
        format!("{p}.html")
    }
}

/// `target` (a file relative to the root) as seen from the directory of `from` (also relative).
fn relative(from: &str, target: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{target}", "../".repeat(depth))
}

/// Rewrites `href`, `src`, `action` and `formaction` values that point into the atlas (start with
/// `base/`) to relative file paths; anchors are kept, external links untouched.
pub fn relink(html: &str, base: &str, from_file: &str) -> String {
    let prefix = format!("{base}/");
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(i) = ["href=\"", "src=\"", "action=\""]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| i + a.len()))
        .min()
    {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        match value.strip_prefix(&prefix).map(|v| format!("/{v}")) {
            Some(internal) => {
                let (path, fragment) = internal
                    .split_once('#')
                    .map_or((internal.as_str(), None), |(p, f)| (p, Some(f)));
                let path = path.split('?').next().unwrap_or(path);
                out.push_str(&relative(from_file, &file_for(path)));
                if let Some(f) = fragment {
                    out.push('#');
                    out.push_str(f);
                }
            }
            None => out.push_str(value),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The paths the export writes (without the base path).
fn export_paths(state: &AppState) -> Vec<String> {
    let site = &state.site;
    let mut paths: Vec<String> = cacheable_paths(&state.data, site)
        .into_iter()
        .map(|p| p.strip_prefix(&site.base).unwrap_or(&p).to_string())
        .collect();
    paths.extend(["/search", "/compare", "/briefing"].map(String::from));
    for p in &state.data.plots {
        paths.extend(["bib", "ris", "json"].map(|ext| format!("/cite/{}.{ext}", p.slug)));
    }
    paths.extend(["bib", "ris", "json"].map(|ext| format!("/cite/report.{ext}")));
    if site.public_url.is_some() {
        // Both need absolute URLs, which only --public-url gives a static copy.
        paths.extend(["/sitemap.xml", "/robots.txt"].map(String::from));
    }
    paths
}

async fn fetch(app: &axum::Router, uri: &str) -> Result<(StatusCode, Vec<u8>), ExportError> {
    let req = Request::get(uri)
        .body(Body::empty())
        .map_err(|e| ExportError::State(e.to_string()))?;
    let res = app.clone().oneshot(req).await.map_err(|e| match e {})?;
    let status = res.status();
    let body = res
        .into_body()
        .collect()
        .await
        .map_err(|e| ExportError::State(e.to_string()))?
        .to_bytes();
    Ok((status, body.to_vec()))
}

fn write(root: &Path, rel: &str, bytes: &[u8], report: &mut Report) -> Result<(), ExportError> {
    let file = root.join(rel);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ExportError::Io(dir.to_path_buf(), e))?;
    }
    std::fs::write(&file, bytes).map_err(|e| ExportError::Io(file.clone(), e))?;
    report.bytes += bytes.len() as u64;
    report.files.push(PathBuf::from(rel));
    Ok(())
}

/// Writes the static site for `data` into `root`.
pub async fn export(
    datasets: Vec<Dataset>,
    base: String,
    public_url: Option<String>,
    root: &Path,
) -> Result<Report, ExportError> {
    let editions = Editions::new(datasets, base, public_url, |site| site.live = false)
        .map_err(|e| ExportError::State(e.to_string()))?;
    let app = crate::routes::app_editions(&editions);
    let state = editions.source().clone();
    let base = state.site.base.clone();
    let mut report = Report::default();
    // Every edition: English at the root, each other language in its own directory (`de/`).
    for edition in &editions.0 {
        let prefix = edition.site.lang.prefix();
        for path in export_paths(edition) {
            let (status, body) = fetch(&app, &format!("{}{path}", edition.site.base)).await?;
            if status != StatusCode::OK {
                return Err(ExportError::Status(format!("{prefix}{path}"), status));
            }
            let rel = file_for(&format!("{prefix}{path}"));
            if rel.ends_with(".html") {
                let html = relink(&String::from_utf8_lossy(&body), &base, &rel);
                write(root, &rel, html.as_bytes(), &mut report)?;
            } else {
                write(root, &rel, &body, &mut report)?;
            }
        }
    }
    // The released versions, as they were archived, each page with its banner.
    for version in state.archive.versions() {
        for name in version.names() {
            let rel = format!("v/{}/{name}", version.name);
            let Some(body) = version.read(name) else { continue };
            if name.ends_with(".html") {
                let link = |p: &str| relative(&rel, &file_for(p));
                let banner = crate::handlers::archive::banner(&state, version.name, name, &link);
                // Its links to other versions were relative to its own root; the archives sit
                // two levels above it (`v/{version}/`).
                let up = "../".repeat(name.matches('/').count());
                let html =
                    String::from_utf8_lossy(&body).replace(&format!("href=\"{up}v/"), &format!("href=\"{up}../../v/"));
                let css = link(&format!("/static/{}", state.site.archive_stylesheet.name));
                let html = crate::handlers::archive::with_banner(&html, &banner, &css);
                write(root, &rel, html.as_bytes(), &mut report)?;
            } else {
                write(root, &rel, &body, &mut report)?;
            }
        }
    }
    // The error page, for a web server's `error_page 404` (links relative to the root).
    for edition in &editions.0 {
        let (_, body) = fetch(&app, &format!("{}/__export_404__", edition.site.base)).await?;
        let rel = file_for(&format!("{}/404", edition.site.lang.prefix()));
        let html = relink(&String::from_utf8_lossy(&body), &base, &rel);
        write(root, &rel, html.as_bytes(), &mut report)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_files() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/plots"), "plots.html");
        assert_eq!(file_for("/v/1.0.0/"), "v/1.0.0/index.html");
        assert_eq!(file_for("/de/v/1.2.0/"), "v/1.2.0/de/index.html");
        assert_eq!(file_for("/de/v/1.2.0/offices"), "v/1.2.0/de/offices.html");
        assert_eq!(file_for("/de/plots"), "de/plots.html");
        assert_eq!(file_for("/plots/2022-11-strasbourg"), "plots/2022-11-strasbourg.html");
        assert_eq!(file_for("/api/plots.json"), "api/plots.json");
        assert_eq!(file_for("/static/atlas.0123abcd.css"), "static/atlas.0123abcd.css");
    }

    #[test]
    fn internal_links_become_relative_and_external_ones_stay() {
        let html = r##"<a href="/atlas/offices#iskp">o</a><link href="/atlas/static/a.css"><a href="https://x.example/y">x</a><a href="#top">t</a><a href="/atlas/">h</a>"##;
        let out = relink(html, "/atlas", "plots/x.html");
        assert_eq!(
            out,
            r##"<a href="../offices.html#iskp">o</a><link href="../static/a.css"><a href="https://x.example/y">x</a><a href="#top">t</a><a href="../index.html">h</a>"##
        );
        assert_eq!(
            relink(r#"<a href="/plots/y">"#, "", "index.html"),
            r#"<a href="plots/y.html">"#
        );
    }
}
