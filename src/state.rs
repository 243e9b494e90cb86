//! Everything a handler can read, built once at start-up and immutable after: the dataset, the
//! site's settings, the search index, the page cache and the map's geometry. It sits above the
//! modules it gathers (model → drawing and pages → cache → state → routes), so none of them
//! needs to know it.

use crate::archive::Archive;
use crate::cache::PageCache;
use crate::draw::views::map::Geo;
use crate::explore::search::Index;
use crate::model::Dataset;
use crate::site::{Site, permanent_paths};

/// Everything a handler can read. Immutable after start-up, so no locks.
#[derive(Debug)]
pub struct AppState {
    pub data: Dataset,
    pub site: Site,
    pub search: Index,
    pub cache: PageCache,
    /// Country shapes for the maps.
    pub geo: Geo,
    /// The released versions, as they served their pages.
    pub archive: Archive,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("data/geo/map.json: {0}")]
    Geo(String),
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
    /// The address of `path` as the current version serves it for good (`/v/{version}/…`), once
    /// that version is released and archived.
    pub fn pinned(&self, path: &str) -> Option<String> {
        let version = &self.data.meta.version;
        self.archive.version(version)?;
        self.site.address(&format!("/v/{version}{path}"))
    }

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
            archive: Archive::embedded(),
        })
    }
}
