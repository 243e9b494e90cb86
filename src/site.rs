//! What every page needs besides its own data: where the atlas is mounted (base path, public URL),
//! the stylesheet's address, and the dataset version. Built once at start-up, shared read-only.

use crate::cache::PageCache;
use crate::draw::views::map::Geo;
use crate::explore::search::Index;
use crate::model::Dataset;
use crate::model::source::Report;

/// A file served from `/static/`, under a name that changes whenever its content does,
/// so browsers and proxies may cache it for good.
#[derive(Debug)]
pub struct Asset {
    /// Name with a content hash, e.g. `atlas.1f3c9a2e.css`.
    pub name: String,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

impl Asset {
    fn new(stem: &str, ext: &str, content_type: &'static str, body: &'static [u8]) -> Asset {
        Asset {
            name: format!("{stem}.{:08x}.{ext}", fnv1a(body) as u32),
            content_type,
            body,
        }
    }
}

/// FNV-1a: a stable content fingerprint for asset names (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Debug)]
pub struct Site {
    /// `""` or `/prefix`, without a trailing slash.
    pub base: String,
    /// `https://host` when known, for absolute permanent URLs.
    pub public_url: Option<String>,
    pub version: String,
    /// The source report, for the footer of every page.
    pub report: Report,
    /// False when rendering the static export: no server behind the pages, so no forms, and no
    /// access date (the reader adds their own).
    pub live: bool,
    pub stylesheet: Asset,
    pub icon: Asset,
}

impl Site {
    pub fn new(base: String, public_url: Option<String>, version: String, report: Report) -> Site {
        Site {
            base,
            public_url,
            version,
            report,
            live: true,
            stylesheet: Asset::new(
                "atlas",
                "css",
                "text/css; charset=utf-8",
                include_bytes!("../static/atlas.css"),
            ),
            icon: Asset::new("icon", "svg", "image/svg+xml", include_bytes!("../static/icon.svg")),
        }
    }

    /// A link to one of the atlas's own pages: `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The permanent, shareable form of `path`: absolute when the public URL is known.
    pub fn permanent(&self, path: &str) -> String {
        format!("{}{}{path}", self.public_url.as_deref().unwrap_or(""), self.base)
    }

    /// `scheme://host` readers reach the atlas at: `--public-url`, or else the request's Host header
    /// (for text that leaves the browser: printed packs, citation files, the sitemap).
    pub fn origin(&self, headers: &axum::http::HeaderMap) -> String {
        if let Some(url) = &self.public_url {
            return url.clone();
        }
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c)))
            .unwrap_or("127.0.0.1");
        format!("http://{host}")
    }

    /// An absolute URL for `path`, built with [`Site::origin`].
    pub fn absolute(&self, path: &str, headers: &axum::http::HeaderMap) -> String {
        format!("{}{}{path}", self.origin(headers), self.base)
    }

    pub fn stylesheet_url(&self) -> String {
        self.url(&format!("/static/{}", self.stylesheet.name))
    }

    pub fn icon_url(&self) -> String {
        self.url(&format!("/static/{}", self.icon.name))
    }

    pub fn assets(&self) -> [&Asset; 2] {
        [&self.stylesheet, &self.icon]
    }

    /// HSTS only makes sense, and is only safe, when readers reach the atlas over https.
    pub fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

/// Today's date (UTC), for access dates in citations and the briefing pack's cover.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Everything a handler can read. Immutable after start-up, so no locks.
#[derive(Debug)]
pub struct AppState {
    pub data: Dataset,
    pub site: Site,
    pub search: Index,
    pub cache: PageCache,
    /// Country shapes for the maps.
    pub geo: Geo,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("data/geo/map.json: {0}")]
    Geo(String),
}

/// The permanent pages (no query string), without the base path: the sitemap's list, and the
/// pages of the static export.
pub fn permanent_paths(data: &Dataset) -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/plots",
        "/offices",
        "/patterns",
        "/method",
        "/sources",
        "/changelog",
        "/map",
        "/timeline",
        "/network",
    ]
    .map(String::from)
    .to_vec();
    paths.extend(data.plots.iter().map(|p| p.path()));
    paths
}

/// Everything served the same to every reader on a given day: the permanent pages, the data
/// documents and the assets. These are cached (see `cache`).
pub fn cacheable_paths(data: &Dataset, site: &Site) -> Vec<String> {
    let mut paths = permanent_paths(data);
    paths.extend(["/api/plots.json", "/api/schema.json", "/plots.csv"].map(String::from));
    paths.extend(data.plots.iter().map(|p| format!("/api/plots/{}.json", p.slug)));
    paths.extend(site.assets().iter().map(|a| format!("/static/{}", a.name)));
    paths.into_iter().map(|p| site.url(&p)).collect()
}

impl AppState {
    pub fn new(data: Dataset, base: String, public_url: Option<String>) -> Result<AppState, StartError> {
        let site = Site::new(base, public_url, data.meta.version.clone(), data.meta.report.clone());
        let search = Index::build(&data);
        let cache = PageCache::new(cacheable_paths(&data, &site));
        let geo = Geo::embedded().map_err(StartError::Geo)?;
        Ok(AppState {
            data,
            site,
            search,
            cache,
            geo,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_names_follow_content() {
        let a = Asset::new("atlas", "css", "text/css", b"body{}");
        let b = Asset::new("atlas", "css", "text/css", b"body{ }");
        assert!(a.name.starts_with("atlas.") && a.name.ends_with(".css"));
        assert_ne!(a.name, b.name);
        assert_eq!(a.name, Asset::new("atlas", "css", "text/css", b"body{}").name);
    }

    fn report() -> Report {
        Dataset::embedded().expect("valid data").meta.report
    }

    #[test]
    fn links_carry_the_base_path_and_permanent_urls_the_host() {
        let site = Site::new(
            "/atlas".into(),
            Some("https://intra.example".into()),
            "1.0.0".into(),
            report(),
        );
        assert_eq!(site.url("/plots/x"), "/atlas/plots/x");
        assert_eq!(site.permanent("/plots/x"), "https://intra.example/atlas/plots/x");
        let site = Site::new(String::new(), None, "1.0.0".into(), report());
        assert_eq!(site.permanent("/"), "/");
        assert!(site.stylesheet_url().starts_with("/static/atlas."));
    }
}
