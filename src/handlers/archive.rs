//! `/v/{version}/…`: a released version's pages, documents and citation files exactly as it served
//! them (from `archive`), each page with a banner saying what it is; and `/plots/{slug}/changes`:
//! what changed in one plot from version to version, field by field.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde_json::Value;

use super::{Head, render};
use crate::archive::{Version, file_name};
use crate::changes::{Change, Shape, Words, diff, items, words};
use crate::error::AppError;
use crate::model::Plot;
use crate::site::{Site, permanent_paths};
use crate::state::AppState;

/// The page of the current version that an archived file corresponds to, if it still exists.
fn current_path(state: &AppState, name: &str) -> Option<String> {
    let path = match name.strip_suffix(".html")? {
        "index" => "/".to_string(),
        other => format!("/{other}"),
    };
    permanent_paths(&state.data).contains(&path).then_some(path)
}

/// The date a version was released, from the changelog.
fn released_on(state: &AppState, version: &str) -> Option<String> {
    let change = state.data.meta.changelog.iter().find(|c| c.version == version)?;
    Some(change.date.to_string())
}

/// What an archived page says about itself, above its own content. `link` makes an address for the
/// banner's links: root-relative on the server, relative to the file in a static export.
pub fn banner(state: &AppState, version: &str, name: &str, link: &dyn Fn(&str) -> String) -> String {
    let site = &state.site;
    // A translated page is archived in its language's directory (`de/plots/x.html`); it stands for
    // the page at `plots/x` of its edition.
    let name = crate::i18n::languages()
        .iter()
        .filter(|l| !l.is_source())
        .find_map(|l| name.strip_prefix(l.code).and_then(|n| n.strip_prefix('/')))
        .unwrap_or(name);
    // Catalogue text goes into HTML here, outside a template.
    let esc = |s: String| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let current = current_path(state, name);
    let when = released_on(state, version).map_or_else(String::new, |d| site.t1("archive-released", "date", d));
    let here = site.address(&format!(
        "/v/{version}/{}",
        name.trim_end_matches(".html").trim_end_matches("index")
    ));
    let pinned = here.map_or_else(String::new, |url| {
        format!(" {} <a href=\"{url}\">{url}</a>", esc(site.t("archive-at")))
    });
    let mut links = Vec::new();
    if let Some(path) = &current {
        links.push(format!(
            "<a href=\"{}\">{}</a>",
            link(path),
            esc(site.t1("archive-current-page", "version", site.version.as_str()))
        ));
        if let Some(slug) = path.strip_prefix("/plots/").filter(|s| state.data.plot(s).is_some()) {
            links.push(format!(
                "<a href=\"{}\">{}</a>",
                link(&format!("/plots/{slug}/changes")),
                esc(site.t("archive-what-changed"))
            ));
        }
    } else {
        links.push(format!(
            "<a href=\"{}\">{}</a>",
            link("/"),
            esc(site.t1("archive-current", "version", site.version.as_str()))
        ));
    }
    links.push(format!(
        "<a href=\"{}\">{}</a>",
        link("/changelog"),
        esc(site.t("archive-all"))
    ));
    format!(
        "<div class=\"notices archive-banner\" role=\"note\"><p><strong>{}{}.</strong> {}{pinned}{} {}.</p></div>",
        esc(site.t1("archive-title", "version", version)),
        esc(when),
        esc(site.t("archive-kept")),
        esc(site.t("archive-kept-end")),
        links.join(" · ")
    )
}

/// `html` with `banner` inserted at the start of its main content, and a link to `stylesheet`
/// (the WCAG 2.2 rules, `static/wcag22.css`, which the version's own frozen stylesheet predates)
/// at the end of its head, so that it comes after, and wins over, the page's own.
pub fn with_banner(html: &str, banner: &str, stylesheet: &str) -> String {
    let at = html
        .find("<main")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .or_else(|| html.find("<body").and_then(|i| html[i..].find('>').map(|j| i + j + 1)))
        .unwrap_or(0);
    let head = html[..at].rfind("</head>").unwrap_or(at);
    format!(
        "{}<link rel=\"stylesheet\" href=\"{stylesheet}\">{}{banner}{}",
        &html[..head],
        &html[head..at],
        &html[at..]
    )
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("json") if name.starts_with("cite/") => "application/vnd.citationstyles.csl+json; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8; header=present",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("bib") => "application/x-bibtex; charset=utf-8",
        Some("ris") => "application/x-research-info-systems; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}

/// Set on the 404 of a translated edition's archived address when that version was published in
/// English only (1.0.0 and 1.1.0 had no German): the error page says so and links the English
/// page of that version and this edition's current page.
#[derive(Debug, Clone)]
pub struct SourceOnly {
    pub version: String,
    /// The version's page in English.
    pub archived: String,
    /// This edition's current page, where it still exists.
    pub current: Option<String>,
}

/// The 404 for an archived file this edition's directory does not have.
fn not_in_this_language(state: &AppState, v: &Version, version: &str, path: &str) -> Response {
    let mut response = AppError::NotFound.into_response();
    let has_edition = v.gzipped(&format!("{}index.html", state.archive_dir())).is_some();
    let name = file_name(path);
    // Only where the English edition of that version has the page: otherwise it is an address
    // no edition had, and the 404 says just that.
    if state.site.lang.is_source() || has_edition || v.gzipped(&name).is_none() {
        return response;
    }
    response.extensions_mut().insert(SourceOnly {
        version: version.to_string(),
        archived: format!("{}/v/{version}/{path}", state.site.root),
        current: current_path(state, &name).map(|p| state.site.url(&p)),
    });
    response
}

fn version_or_404<'a>(state: &'a AppState, version: &str) -> Result<&'a Version, AppError> {
    state.archive.version(version).ok_or(AppError::NotFound)
}

/// `/v/{version}` → `/v/{version}/`, where the version's overview is.
pub async fn root(State(state): State<Arc<AppState>>, Path(version): Path<String>) -> Result<Response, AppError> {
    version_or_404(&state, &version)?;
    Ok(Redirect::permanent(&state.site.url(&format!("/v/{version}/"))).into_response())
}

pub async fn file(
    State(state): State<Arc<AppState>>,
    Path((version, path)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = version_or_404(&state, &version)?;
    // A version's changelog links the versions before it, relative to its own root.
    if path.starts_with("v/") {
        return Ok(Redirect::permanent(&state.site.url(&format!("/{path}"))).into_response());
    }
    // A translated edition's pages sit in the version's archive under the language's directory.
    let name = format!("{}{}", state.archive_dir(), file_name(&path));
    let Some(body) = v.read(&name) else {
        return Ok(not_in_this_language(&state, v, &version, &path));
    };
    let headers = [
        (header::CONTENT_TYPE, content_type(&name)),
        // The file never changes; its banner may, when a newer version appears.
        (header::CACHE_CONTROL, "public, max-age=3600"),
    ];
    if name.ends_with(".html") {
        let html = String::from_utf8_lossy(&body);
        let html = match state.site.lang.is_source() {
            true => html,
            false => relocate(&html, &path, &version, state.site.lang.code).into(),
        };
        let banner = banner(&state, &version, &name, &|p| state.site.url(p));
        let html = with_banner(&html, &banner, &state.site.archive_stylesheet_url());
        return Ok((headers, html).into_response());
    }
    Ok((headers, body).into_response())
}

/// A translated page of an archive links relative to the archive's root, as the export wrote it
/// (`de/plots/x.html` reaches the German overview as `../../de/index.html`, the English one as
/// `../../index.html`), but it is served at `/de/v/{version}/plots/x`: links that leave the
/// language's directory are rewritten for that address, into the same version.
fn relocate(html: &str, path: &str, version: &str, lang: &str) -> String {
    let depth = path.matches('/').count();
    let out_of_lang = "../".repeat(depth + 1);
    let mut html = html.to_string();
    for attr in ["href=\"", "src=\"", "action=\""] {
        html = html
            .replace(
                &format!("{attr}{out_of_lang}{lang}/"),
                &format!("{attr}{}", "../".repeat(depth)),
            )
            .replace(
                &format!("{attr}{out_of_lang}"),
                &format!("{attr}{}v/{version}/", "../".repeat(depth + 3)),
            );
    }
    html
}

/// One version step of a plot: from `from` to `to`, the fields that changed.
pub struct StepView {
    pub from: String,
    pub to: String,
    /// `/v/{from}/plots/{slug}`, when that version is archived.
    pub from_href: Option<String>,
    pub to_href: String,
    pub changes: Vec<ChangeView>,
}

pub struct ChangeView {
    pub label: String,
    pub before: String,
    pub after: String,
    /// Removed and added words, for a long text.
    pub words: Vec<Words>,
    /// For a list (quotations, works cited): its items before and after, one per line.
    pub before_items: Vec<Item>,
    pub after_items: Vec<Item>,
}

/// One quotation or work of a list that changed.
pub struct Item {
    pub text: String,
    /// A work's entry on /sources.
    pub href: Option<String>,
    /// Not in the other side's list: removed (before) or added (after).
    pub changed: bool,
}

impl ChangeView {
    /// A list (quotations, works cited) shows its items before and after, one per line, those
    /// removed or added marked, a work as its short citation ("Seelow 2023") linked to its entry.
    /// A long text that kept at least half its words shows the words removed and added; a short
    /// value, or a text rewritten throughout, shows before and after in full (a word-by-word
    /// comparison of two different texts is noise).
    pub fn new(c: Change, work: &dyn Fn(&str) -> (String, Option<String>)) -> Self {
        if c.shape != Shape::Text {
            let list = |mine: &str, other: &str| -> Vec<Item> {
                let theirs = items(other);
                items(mine)
                    .into_iter()
                    .map(|i| {
                        let (text, href) = match c.shape {
                            Shape::Works => work(i),
                            _ => (i.to_string(), None),
                        };
                        Item {
                            text,
                            href,
                            // A list that appeared or went as a whole needs no marks.
                            changed: !theirs.is_empty() && !theirs.contains(&i),
                        }
                    })
                    .collect()
            };
            return ChangeView {
                before_items: list(&c.before, &c.after),
                after_items: list(&c.after, &c.before),
                words: Vec::new(),
                label: c.label,
                before: c.before,
                after: c.after,
            };
        }
        let (a, b) = (c.before.split_whitespace().count(), c.after.split_whitespace().count());
        let w = if a.max(b) > 8 {
            words(&c.before, &c.after)
        } else {
            Vec::new()
        };
        let kept: usize = w
            .iter()
            .map(|x| match x {
                Words::Same(t) => t.split(' ').count(),
                _ => 0,
            })
            .sum();
        ChangeView {
            words: if kept * 2 >= a.max(b) { w } else { Vec::new() },
            before_items: Vec::new(),
            after_items: Vec::new(),
            label: c.label,
            before: c.before,
            after: c.after,
        }
    }
}

#[derive(Template)]
#[template(path = "changes.html")]
pub struct ChangesPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub plot: &'a Plot,
    pub steps: Vec<StepView>,
}

/// The plot's JSON in each version: the archived ones, then the current one if it is newer.
pub fn plot_versions(state: &AppState, slug: &str) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = state
        .archive
        .versions()
        .iter()
        .filter_map(|v| {
            // The plot's own document, not the whole dataset's: a fraction of the memory to read.
            let doc: Value = serde_json::from_slice(&v.read(&format!("api/plots/{slug}.json"))?).ok()?;
            Some((v.name.to_string(), doc.get("plot")?.clone()))
        })
        .collect();
    // The versions are compared in the dataset's own language, English, in every edition.
    let current = &state.source_data.meta.version;
    if !out.iter().any(|(v, _)| v == current)
        && let Some(plot) = state.source_data.plot(slug)
        && let Ok(json) = crate::handlers::api::plot_value(plot, &state.site)
    {
        out.push((current.clone(), json));
    }
    out
}

pub async fn changes(State(state): State<Arc<AppState>>, Path(slug): Path<String>) -> Result<Html<String>, AppError> {
    let plot = state.data.plot(&slug).ok_or(AppError::NotFound)?;
    let versions = plot_versions(&state, &slug);
    let site = &state.site;
    let archived = |v: &str| {
        state
            .archive
            .version(v)
            .and_then(|_| state.archived(v, &format!("/plots/{slug}")))
    };
    // A work cited, as the site cites it elsewhere, linked to its entry (a key the bibliography
    // no longer has stays as it was).
    let work = |key: &str| match state.data.source(key) {
        Some(s) => (
            s.short_name().to_string(),
            Some(site.url(&format!("/sources#{}", s.key))),
        ),
        None => (key.to_string(), None),
    };
    let mut steps: Vec<StepView> = versions
        .windows(2)
        .map(|w| StepView {
            from: w[0].0.clone(),
            to: w[1].0.clone(),
            from_href: archived(&w[0].0),
            to_href: archived(&w[1].0).unwrap_or_else(|| site.url(&plot.path())),
            changes: diff(&w[0].1, &w[1].1)
                .into_iter()
                .map(|c| ChangeView::new(c, &work))
                .collect(),
        })
        .filter(|s| !s.changes.is_empty())
        .collect();
    steps.reverse();
    render(&ChangesPage {
        site,
        head: Head {
            title: site.t1("changes-title", "plot", plot.title()),
            description: site.t1("changes-description", "plot", plot.short_name()),
            path: format!("{}/changes", plot.path()),
            og_type: "article",
        },
        plot,
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::with_banner;

    #[test]
    fn the_banner_goes_at_the_start_of_the_main_content_and_the_stylesheet_last_in_the_head() {
        let html = "<html><head><link rel=\"stylesheet\" href=\"../static/old.css\"></head><body><header>h</header><main id=\"main\" class=\"wrap\"><h1>T</h1></main></body></html>";
        assert_eq!(
            with_banner(html, "<div>B</div>", "/s.css"),
            "<html><head><link rel=\"stylesheet\" href=\"../static/old.css\"><link rel=\"stylesheet\" href=\"/s.css\"></head><body><header>h</header><main id=\"main\" class=\"wrap\"><div>B</div><h1>T</h1></main></body></html>"
        );
        // Without a head, both go where the content starts.
        assert_eq!(
            with_banner("<body><p>x</p></body>", "<b>", "s.css"),
            "<body><link rel=\"stylesheet\" href=\"s.css\"><b><p>x</p></body>"
        );
    }
}
