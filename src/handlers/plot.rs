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
use crate::explore::filters::nationality_label;
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
    /// The English key (a class name), and the certainty as readers see it.
    pub certainty: &'static str,
    pub certainty_name: &'static str,
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
                certainty_name: link.certainty.name(),
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

    /// The Table 1 column a data note concerns, in the page's language.
    pub fn column(&self, field: &str) -> String {
        let id = match field {
            "date" | "precise_date" => "plots-col-date",
            "countries" | "locations" => "plots-col-location",
            "targets" => "plots-col-target",
            "outcome" => "plots-col-outcome",
            "international_connection" => "plots-col-international-connection",
            "cell_size" => "plots-col-cell-size",
            "nationalities" => "plots-col-nationality",
            "ages" => "plots-col-age",
            "weapons" => "plots-col-weapons",
            _ => "plots-col-other",
        };
        self.site.t(id)
    }

    /// A nationality as Table 1 names it, in the page's language.
    pub fn nationality(&self, name: &str) -> String {
        nationality_label(name)
    }

    /// What kind of place, and in which country unless it is one: "city, France", "country".
    pub fn place_context(&self, l: &Location) -> String {
        match l.kind {
            PlaceKind::City => self
                .site
                .t1("plots-place-city", "country", country::display(&l.country)),
            PlaceKind::Region => self
                .site
                .t1("plots-place-region", "country", country::display(&l.country)),
            PlaceKind::Country => self.site.t("plots-place-country"),
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
            self.site.t("plots-none")
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
            self.site.t("plots-none-named")
        } else {
            k.iter().map(|w| w.label()).collect::<Vec<_>>().join(", ")
        }
    }

    /// The target categories, each once, for the key facts.
    pub fn target_categories(&self) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for t in &self.plot.targets {
            let label = t.category.label();
            if !seen.contains(&label) {
                seen.push(label);
            }
        }
        seen.join(", ")
    }

    pub fn handler_place(&self, h: &Handler) -> String {
        if h.country == "unknown" {
            self.site.t("plots-country-unknown")
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
                    title: site.t2("plots-choose-title", "count", several.len(), "asked", asked),
                    description: site.t("plots-choose-description"),
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

/// One line for previews and the page's lede, in the page's language (`Plot::description` in
/// English).
pub fn description(site: &Site, plot: &Plot) -> String {
    if site.lang.is_source() {
        return plot.description();
    }
    let outcome = if plot.outcome.foiled {
        "plots-outcome-foiled"
    } else {
        "plots-outcome-carried-out"
    };
    let nationalities = plot
        .nationalities
        .iter()
        .map(|n| format!("{} {}", n.count, nationality_label(&n.nationality)))
        .collect::<Vec<_>>()
        .join(", ");
    let target = plot
        .table1_translation
        .as_ref()
        .map_or(&plot.table1.target, |t| &t.target);
    site.lang.message(
        "plots-description",
        &[
            ("outcome", site.t(outcome).into()),
            ("place", plot.place_label.as_str().into()),
            ("date", plot.date.to_string().into()),
            ("count", plot.cell_size.into()),
            ("nationalities", nationalities.into()),
            ("target", target.into()),
        ],
    )
}

pub async fn plot(State(state): State<Arc<AppState>>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let Some(plot) = state.data.plot(&slug) else {
        return forgive(&state, &slug);
    };
    let (prev, next) = state.data.neighbours(&slug);
    let head = Head {
        title: state.site.t1("plots-page-title", "title", plot.title()),
        description: description(&state.site, plot),
        path: plot.path(),
        og_type: "article",
    };
    let accessed = super::compare::accessed_date();
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
