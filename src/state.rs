//! Everything a handler can read, built once at start-up and immutable after: the dataset, the
//! site's settings, the search index, the page cache and the map's geometry. It sits above the
//! modules it gathers (model → drawing and pages → cache → state → routes), so none of them
//! needs to know it.

use std::sync::Arc;

use crate::archive::Archive;
use crate::cache::PageCache;
use crate::draw::views::map::Geo;
use crate::explore::search::Index;
use crate::model::Dataset;
use crate::site::{Site, permanent_paths};

/// Everything a handler can read. Immutable after start-up, so no locks.
#[derive(Debug)]
pub struct AppState {
    pub data: Arc<Dataset>,
    /// The English dataset, which every edition's changes pages compare (the archived versions
    /// before the translation are English only). The same as `data` in English.
    pub source_data: Arc<Dataset>,
    pub site: Site,
    pub search: Index,
    pub cache: PageCache,
    /// Country shapes for the maps (shared by the editions).
    pub geo: Arc<Geo>,
    /// The released versions, as they served their pages (shared by the editions).
    pub archive: Arc<Archive>,
}

/// The atlas in every language: one [`AppState`] per edition, English (at the root) first.
#[derive(Debug)]
pub struct Editions(pub Vec<Arc<AppState>>);

impl Editions {
    /// One edition per dataset (see `Dataset::editions`), each site set up by `configure`.
    pub fn new(
        datasets: Vec<Dataset>,
        base: String,
        public_url: Option<String>,
        configure: impl Fn(&mut Site),
    ) -> Result<Editions, StartError> {
        let geo = Arc::new(Geo::embedded().map_err(StartError::Geo)?);
        let archive = Arc::new(Archive::embedded());
        // Each edition's search index also holds the other editions' words for the same documents.
        let indexes: Vec<Index> = {
            let all: Vec<&Dataset> = datasets.iter().collect();
            Index::build_all(&all)
        };
        let datasets: Vec<Arc<Dataset>> = datasets.into_iter().map(Arc::new).collect();
        let source = datasets.first().cloned();
        let editions = datasets
            .into_iter()
            .zip(indexes)
            .map(|(data, search)| {
                let mut state = AppState::with_index(
                    data,
                    search,
                    base.clone(),
                    public_url.clone(),
                    geo.clone(),
                    archive.clone(),
                );
                if let Some(source) = &source {
                    state.source_data = source.clone();
                }
                configure(&mut state.site);
                Arc::new(state)
            })
            .collect();
        Ok(Editions(editions))
    }

    /// The English edition, at the root.
    pub fn source(&self) -> &Arc<AppState> {
        &self.0[0]
    }

    /// The edition a request for `path` belongs to: the one whose prefix it starts with.
    pub fn for_path(&self, path: &str) -> &Arc<AppState> {
        self.0
            .iter()
            .skip(1)
            .find(|e| {
                path.strip_prefix(e.site.base.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .unwrap_or(&self.0[0])
    }
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
    if site.lang.is_source() {
        paths.extend(site.assets().iter().map(|a| format!("/static/{}", a.name)));
    }
    paths.into_iter().map(|p| site.url(&p)).collect()
}

impl AppState {
    /// The address of `path` as the current version serves it for good (`/v/{version}/…`), once
    /// that version is released and archived.
    pub fn pinned(&self, path: &str) -> Option<String> {
        let version = &self.data.meta.version;
        let link = self.archived(version, path)?;
        self.site.origin().map(|origin| format!("{origin}{link}"))
    }

    /// Where a version's archive keeps this edition's pages: `""` for English, `de/` for German.
    pub fn archive_dir(&self) -> String {
        match self.site.lang.is_source() {
            true => String::new(),
            false => format!("{}/", self.site.lang.code),
        }
    }

    /// The link to `path` as `version` served it: in this edition's language when that version had
    /// it, else the English page (a version released before the translation has only English).
    pub fn archived(&self, version: &str, path: &str) -> Option<String> {
        let v = self.archive.version(version)?;
        let name = format!("{}{}", self.archive_dir(), crate::archive::file_name(path));
        if v.gzipped(&name).is_some() {
            Some(self.site.url(&format!("/v/{version}{path}")))
        } else {
            Some(format!("{}/v/{version}{path}", self.site.root))
        }
    }

    pub fn new(data: Dataset, base: String, public_url: Option<String>) -> Result<AppState, StartError> {
        let geo = Arc::new(Geo::embedded().map_err(StartError::Geo)?);
        Ok(AppState::with_shared(
            Arc::new(data),
            base,
            public_url,
            geo,
            Arc::new(Archive::embedded()),
        ))
    }

    /// The state of `data`'s edition (its language decides the path prefix), sharing the map's
    /// geometry and the archive with the other editions.
    pub fn with_shared(
        data: Arc<Dataset>,
        base: String,
        public_url: Option<String>,
        geo: Arc<Geo>,
        archive: Arc<Archive>,
    ) -> AppState {
        let search = crate::i18n::in_language(data.language, || Index::build(&data));
        AppState::with_index(data, search, base, public_url, geo, archive)
    }

    /// As [`AppState::with_shared`], with the search index built already (see [`Editions::new`]).
    fn with_index(
        data: Arc<Dataset>,
        search: Index,
        base: String,
        public_url: Option<String>,
        geo: Arc<Geo>,
        archive: Arc<Archive>,
    ) -> AppState {
        let site =
            Site::new(base, public_url, data.meta.version.clone(), data.meta.report.clone()).in_language(data.language);
        let cache = PageCache::new(cacheable_paths(&data, &site));
        AppState {
            source_data: data.clone(),
            data,
            site,
            search,
            cache,
            geo,
            archive,
        }
    }
}
