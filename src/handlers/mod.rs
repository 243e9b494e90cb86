//! One module per page: its handler and the view struct its template reads.
//! View logic lives in methods on those structs, so templates only loop, branch and print.

pub mod api;
pub mod archive;
pub mod assets;
pub mod cite;
pub mod compare;
pub mod downloads;
pub mod error_page;
pub mod evidence;
pub mod fields;
pub mod home;
pub mod meta_pages;
pub mod method;
pub mod offices;
pub mod patterns;
pub mod plot;
pub mod plots;
pub mod policy;
pub mod search;
pub mod sources;
pub mod visuals;

use askama::Template;
use axum::response::Html;

use crate::error::AppError;
use crate::model::Dataset;
use crate::site::Site;

/// What the layout's `<head>` needs from each page.
#[derive(Debug)]
pub struct Head {
    /// Page title without the site name.
    pub title: String,
    /// One line for `<meta name="description">` and link previews.
    pub description: String,
    /// The page's own address without the base path, e.g. `/plots/2022-11-strasbourg` or
    /// `/compare?plots=a,b`: its canonical link. Empty for a page that has none (the error pages).
    pub path: String,
    /// OpenGraph type: `website` or `article`.
    pub og_type: &'static str,
}

/// The main menu's entries: each address and its message id.
pub const MENU: [(&str, &str); 9] = [
    ("/plots", "menu-plots"),
    ("/offices", "menu-offices"),
    ("/map", "menu-map"),
    ("/timeline", "menu-timeline"),
    ("/network", "menu-network"),
    ("/patterns", "menu-patterns"),
    ("/policy", "menu-policy"),
    ("/method", "menu-method"),
    ("/sources", "menu-sources"),
];

impl Head {
    pub fn menu(&self) -> &'static [(&'static str, &'static str)] {
        &MENU
    }

    /// The menu entry a page belongs to: a plot, its changes, compare and the briefing pack sit
    /// under Plots, the changelog under Method. `None` for the overview, search and error pages.
    pub fn section(&self) -> Option<&'static str> {
        let path = self.path.split(['?', '#']).next().unwrap_or("");
        let first = path.split('/').nth(1).unwrap_or("");
        let section = match first {
            "plots" | "compare" | "briefing" => "/plots",
            "changelog" => "/method",
            _ => {
                return MENU
                    .iter()
                    .map(|(p, _)| *p)
                    .find(|p| p[1..] == *first && !first.is_empty());
            }
        };
        Some(section)
    }

    /// `aria-current` for a menu entry: `page` on the page itself, `true` on a page inside its
    /// section, empty elsewhere.
    pub fn current(&self, entry: &str) -> &'static str {
        match self.section() {
            Some(s) if s == entry && self.path == entry => "page",
            Some(s) if s == entry => "true",
            _ => "",
        }
    }
}

pub fn render(page: &impl Template) -> Result<Html<String>, AppError> {
    Ok(Html(page.render()?))
}

/// A citation link to a bibliography entry on `/sources`.
#[derive(Debug, Clone)]
pub struct Cite {
    pub href: String,
    /// How the report cites it, e.g. "Soliev 2021".
    pub label: String,
}

/// A link to a plot page.
#[derive(Debug, Clone)]
pub struct PlotLink {
    pub href: String,
    pub title: String,
    pub slug: String,
}

/// Citation links for bibliography keys (keys are validated at load, so none is dropped).
pub fn cites(site: &Site, data: &Dataset, keys: &[String]) -> Vec<Cite> {
    keys.iter()
        .filter_map(|k| data.source(k))
        .map(|s| Cite {
            href: site.url(&format!("/sources#{}", s.key)),
            label: s.short_name().to_string(),
        })
        .collect()
}

pub fn plot_link(site: &Site, data: &Dataset, slug: &str) -> Option<PlotLink> {
    data.plot(slug).map(|p| PlotLink {
        href: site.url(&p.path()),
        title: p.title(),
        slug: p.slug.clone(),
    })
}

pub fn plot_links<S: AsRef<str>>(site: &Site, data: &Dataset, slugs: &[S]) -> Vec<PlotLink> {
    slugs.iter().filter_map(|s| plot_link(site, data, s.as_ref())).collect()
}
