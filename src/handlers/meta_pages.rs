//! Pages about the atlas itself: `/changelog` (the dataset's history), `/sitemap.xml` (the
//! permanent pages only) and `/robots.txt`.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use super::{Head, render};
use crate::error::AppError;
use crate::model::Dataset;
use crate::model::source::Change;
use crate::site::{Site, permanent_paths};
use crate::state::AppState;

/// One page's corrections in a version.
pub struct CorrectionView<'a> {
    pub id: String,
    pub href: String,
    pub title: String,
    pub notes: &'a [String],
}

/// A version with its corrections, page by page.
pub struct VersionView<'a> {
    pub change: &'a Change,
    pub corrections: Vec<CorrectionView<'a>>,
    /// `/v/{version}/`, where the version is kept as it was released.
    pub archive: Option<String>,
    /// Whether this is the version the atlas serves now.
    pub current: bool,
}

#[derive(Template)]
#[template(path = "changelog.html")]
pub struct ChangelogPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub versions: Vec<VersionView<'a>>,
    pub reviewed: String,
}

/// The name a reader knows a page by.
fn page_title(data: &Dataset, path: &str) -> String {
    match path {
        "/offices" => crate::i18n::current().t("changelog-page-offices"),
        "/patterns" => crate::i18n::current().t("changelog-page-patterns"),
        "/method" => crate::i18n::current().t("changelog-page-method"),
        "/sources" => crate::i18n::current().t("menu-sources"),
        _ => path
            .strip_prefix("/plots/")
            .and_then(|slug| data.plot(slug))
            .map_or_else(|| path.to_string(), |p| p.title()),
    }
}

pub async fn changelog(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    let meta = &state.data.meta;
    render(&ChangelogPage {
        site: &state.site,
        head: Head {
            title: state.site.t("changelog-title"),
            description: state.site.t1("changelog-description", "version", meta.version.as_str()),
            path: "/changelog".into(),
            og_type: "website",
        },
        versions: meta
            .changelog
            .iter()
            .map(|change| VersionView {
                archive: state.archived(&change.version, "/"),
                current: change.version == meta.version,
                change,
                corrections: change
                    .corrections
                    .iter()
                    .map(|c| CorrectionView {
                        id: change.anchor(&c.page),
                        href: state.site.url(&c.page),
                        title: page_title(&state.data, &c.page),
                        notes: &c.notes,
                    })
                    .collect(),
            })
            .collect(),
        reviewed: meta.reviewed.to_string(),
    })
}

pub async fn sitemap(State(state): State<Arc<AppState>>) -> Response {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let lastmod = state.data.meta.reviewed.iso();
    // Every page in every edition, each naming its twins in the other languages.
    for path in permanent_paths(&state.data) {
        let editions = state.site.editions(&path);
        for edition in &editions {
            xml.push_str(&format!(
                "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod>",
                edition.absolute
            ));
            for twin in &editions {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    twin.code, twin.absolute
                ));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response()
}

pub async fn robots(State(state): State<Arc<AppState>>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        state.site.permanent("/sitemap.xml")
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
