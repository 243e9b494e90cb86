//! `/plots/{slug}`: one plot, every Table 1 field with its provenance, the summary, data notes,
//! related plots, sources, previous/next and a citation line.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::evidence::Footnotes;
use super::{Head, render};
use crate::draw::views::map::{Focus, MapView, map};
use crate::error::AppError;
use crate::model::plot::{Handler, Location, PlaceKind, Plot};
use crate::model::{Dataset, Prose, Section, Source, country};
use crate::site::Site;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "plot.html")]
pub struct PlotPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub data: &'a Dataset,
    pub ev: Footnotes<'a>,
    pub plot: &'a Plot,
    pub prev: Option<&'a Plot>,
    pub next: Option<&'a Plot>,
    /// Today, as the access date of the citation.
    pub accessed: String,
    /// The plot's places on a map cut to them.
    pub locator: MapView,
    /// The page's address in this version for good, once the version is released.
    pub pinned: Option<String>,
}

/// A related plot with the reason the report gives.
pub struct RelatedView<'a> {
    pub plot: &'a Plot,
    pub relation: &'a Prose,
}

/// A unit of the IS organisation the plot touches.
pub struct OrgLinkView<'a> {
    pub href: String,
    /// "General Directorate of Provinces › al-Siddiq Office › ISKP".
    pub path: String,
    pub link: &'a Prose,
    pub certainty: &'static str,
}

/// A data note with its number on the page.
pub struct NoteView<'a> {
    pub number: usize,
    pub field: &'a str,
    pub note: &'a Prose,
}

impl<'a> PlotPage<'a> {
    pub fn country(&self, code: &str) -> String {
        country::display(code)
    }

    pub fn href(&self, plot: &Plot) -> String {
        self.site.url(&plot.path())
    }

    /// `/cite/{slug}.{ext}` for the citation downloads.
    pub fn cite_href(&self, ext: &str) -> String {
        self.site.url(&format!("/cite/{}.{ext}", self.plot.slug))
    }

    pub fn section_label(&self, section: &Section) -> String {
        self.data.section_label(&section.id)
    }

    /// The units of the organisation this plot touches, for links to `/offices`.
    pub fn org_links(&self) -> Vec<OrgLinkView<'a>> {
        let org = &self.data.org;
        org.links_for(&self.plot.slug)
            .map(|(node, link)| OrgLinkView {
                href: self.site.url(&format!("/offices#{}", node.id)),
                path: org
                    .path_to(&node.id)
                    .iter()
                    .skip(1)
                    .map(|n| n.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" › "),
                link: &link.link,
                certainty: link.certainty.label(),
            })
            .collect()
    }

    pub fn sections(&self) -> Vec<&'a Section> {
        self.plot
            .report_sections
            .iter()
            .filter_map(|id| self.data.section(id))
            .collect()
    }

    /// The section the summary is mainly drawn from.
    pub fn main_section(&self) -> Option<&'a Section> {
        self.sections().into_iter().next()
    }

    /// The works the report cites for the plot (validation makes it include every work its
    /// statements' evidence cites).
    pub fn sources(&self) -> Vec<&'a Source> {
        self.plot.sources.iter().filter_map(|k| self.data.source(k)).collect()
    }

    pub fn source_label(&self, key: &str) -> String {
        self.data
            .source(key)
            .map_or_else(|| key.to_string(), |s| s.short_name().to_string())
    }

    pub fn related(&self) -> Vec<RelatedView<'a>> {
        self.plot
            .related
            .iter()
            .filter_map(|r| {
                self.data.plot(&r.slug).map(|plot| RelatedView {
                    plot,
                    relation: &r.relation,
                })
            })
            .collect()
    }

    pub fn notes(&self) -> Vec<NoteView<'a>> {
        self.plot
            .data_notes
            .iter()
            .enumerate()
            .map(|(i, n)| NoteView {
                number: i + 1,
                field: &n.field,
                note: &n.note,
            })
            .collect()
    }

    /// Numbers of the data notes about `field`, for markers beside it.
    pub fn notes_on(&self, field: &str) -> Vec<usize> {
        self.notes()
            .into_iter()
            .filter(|n| n.field == field)
            .map(|n| n.number)
            .collect()
    }

    /// The versions that corrected this plot: version, number of corrections, link to them.
    pub fn corrections(&self) -> Vec<(&'a str, usize, String)> {
        let path = self.plot.path();
        self.data
            .meta
            .changelog
            .iter()
            .flat_map(|change| {
                change.corrections.iter().filter(|c| c.page == path).map(|c| {
                    let href = self.site.url(&format!("/changelog#{}", change.anchor(&c.page)));
                    (change.version.as_str(), c.notes.len(), href)
                })
            })
            .collect()
    }

    /// The Table 1 column a data note concerns.
    pub fn column(&self, field: &str) -> &'static str {
        crate::model::plot::column_name(field)
    }

    /// What kind of place, and in which country unless it is one: "city, France", "country".
    pub fn place_context(&self, l: &Location) -> String {
        match l.kind {
            PlaceKind::City => format!("city, {}", country::display(&l.country)),
            PlaceKind::Region => format!("region, {}", country::display(&l.country)),
            PlaceKind::Country => "country".into(),
        }
    }

    /// "48.57° N, 7.75° E".
    pub fn coords(&self, l: &Location) -> String {
        let ns = if l.lat >= 0.0 { 'N' } else { 'S' };
        let ew = if l.lon >= 0.0 { 'E' } else { 'W' };
        format!("{:.2}° {ns}, {:.2}° {ew}", l.lat.abs(), l.lon.abs())
    }

    pub fn channels(&self) -> String {
        let c = &self.plot.international_connection.channels;
        if c.is_empty() {
            "none".into()
        } else {
            c.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
        }
    }

    pub fn arrests_abroad(&self) -> String {
        let a = &self.plot.international_connection.arrests_abroad;
        a.iter().map(|c| country::display(c)).collect::<Vec<_>>().join(", ")
    }

    pub fn ages(&self) -> String {
        self.plot.ages.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
    }

    pub fn weapons(&self) -> String {
        let k = &self.plot.weapons.kinds;
        if k.is_empty() {
            "none named".into()
        } else {
            k.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")
        }
    }

    pub fn handler_place(&self, h: &Handler) -> String {
        if h.country == "unknown" {
            "Country unknown".into()
        } else {
            country::display(&h.country)
        }
    }
}

/// A plot named in the address the reader asked for.
pub struct Choice {
    pub href: String,
    pub title: String,
    pub address: String,
}

/// `/plots/cologne`: the address fits more than one plot.
#[derive(Template)]
#[template(path = "choose.html")]
pub struct ChoosePage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub asked: String,
    pub plots: Vec<Choice>,
}

/// The plots an address that is not a slug may mean: those whose slug or place has every word of
/// it (`strasbourg`, `cologne-vienna`, `2023`, `Gera`), in date order.
pub fn guess<'a>(data: &'a Dataset, asked: &str) -> Vec<&'a Plot> {
    let words: Vec<String> = asked
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    data.plots
        .iter()
        .filter(|p| {
            let own: Vec<String> = format!("{} {}", p.slug, p.place_label)
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .map(String::from)
                .collect();
            words.iter().all(|w| own.contains(w))
        })
        .collect()
}

/// A plot address in another case redirects to its own; a guess that names one plot redirects to
/// it; one that names several lists them (300 Multiple Choices); anything else is the 404 page.
fn forgive(state: &AppState, asked: &str) -> Result<Response, AppError> {
    let site = &state.site;
    if let Some(plot) = state.data.plot(&asked.to_lowercase()) {
        return Ok(Redirect::permanent(&site.url(&plot.path())).into_response());
    }
    let found = guess(&state.data, asked);
    match found.as_slice() {
        [] => Err(AppError::NotFound),
        [one] => Ok(Redirect::permanent(&site.url(&one.path())).into_response()),
        several => {
            let page = ChoosePage {
                site,
                head: Head {
                    title: format!("Which plot? {} fit “{asked}”", several.len()),
                    description: "The address names more than one plot of the ISKP Plots Atlas.".into(),
                    path: String::new(),
                    og_type: "website",
                },
                asked: format!("/plots/{asked}"),
                plots: several
                    .iter()
                    .map(|p| Choice {
                        href: site.url(&p.path()),
                        title: p.title(),
                        address: site.permanent(&p.path()),
                    })
                    .collect(),
            };
            Ok((StatusCode::MULTIPLE_CHOICES, render(&page)?).into_response())
        }
    }
}

pub async fn plot(State(state): State<Arc<AppState>>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let Some(plot) = state.data.plot(&slug) else {
        return forgive(&state, &slug);
    };
    let (prev, next) = state.data.neighbours(&slug);
    let head = Head {
        title: format!("{}: foiled ISKP-linked plot", plot.title()),
        description: plot.description(),
        path: plot.path(),
        og_type: "article",
    };
    let accessed = crate::site::today().format("%-d %B %Y").to_string();
    let locator = map(&state.site, &state.data, &state.geo, &Focus::Plot(&plot.slug));
    Ok(render(&PlotPage {
        site: &state.site,
        head,
        data: &state.data,
        ev: Footnotes::new(&state.site, &state.data),
        plot,
        prev,
        next,
        accessed,
        locator,
        pinned: state.pinned(&plot.path()),
    })?
    .into_response())
}
