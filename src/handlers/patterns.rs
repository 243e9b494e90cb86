//! `/patterns`: the report's two cross-plot patterns in the atlas's words, figures derived from
//! Table 1 (with the report's own figures beside them where it states any), the propaganda box and
//! a pointer to the four policy dimensions (on `/policy` since 1.x; their old anchors stay here).

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::evidence::{Footnotes, Para};
use super::{Head, PlotLink, plot_links, render};
use crate::draw::views::charts::{Chart, Datum, dots, hbars, vbars};
use crate::error::AppError;
use crate::model::analysis::{Analysis, PlotRef, ReportFigure};
use crate::model::figures::{Comparison, PatternFigures, Tally, compare, pattern_figures};
use crate::model::{Dataset, Prose};
use crate::site::Site;
use crate::state::AppState;

pub struct ExampleView<'a> {
    pub plot: PlotLink,
    pub how: &'a Prose,
}

pub struct ContextView<'a> {
    pub title: &'a str,
    pub text: &'a Prose,
}

/// A titled block of prose with the plots it draws on.
pub struct BlockView<'a> {
    pub id: String,
    pub title: String,
    pub summary: &'a Prose,
    /// The report section it summarises, with its pages.
    pub section: String,
    pub examples: Vec<ExampleView<'a>>,
    pub context: Vec<ContextView<'a>>,
}

pub struct ComparisonView<'a> {
    pub figure: &'a ReportFigure,
    pub result: Comparison,
    pub section: String,
    /// The plots behind the derived figure, when they are not simply all of them.
    pub plots: Vec<PlotLink>,
}

/// One row of the figures table, its sentences numbered: the claim (the row's header) and the
/// explanation (its note column). The cells keep only the sentences and their markers; the notes
/// of all rows follow the table as one list ([`PatternsPage::table_notes`]), so that a phone's
/// narrow first column and a printed row do not carry whole quotations (visual review H3, M4).
pub struct CompareRow<'a> {
    pub claim: Para<'a>,
    pub explanation: Option<Para<'a>>,
}

/// A tally row with its plots as links.
pub struct RowView {
    pub label: String,
    pub value: u32,
    pub plots: Vec<PlotLink>,
}

/// One derived table: caption, what the number column counts, rows, and the chart of it if any.
pub struct TableView {
    pub id: &'static str,
    pub title: String,
    pub counts: String,
    pub rows: Vec<RowView>,
    pub chart: Option<Chart>,
}

#[derive(Template)]
#[template(path = "patterns.html")]
pub struct PatternsPage<'a> {
    pub site: &'a Site,
    pub head: Head,
    pub ev: Footnotes<'a>,
    pub version: &'a str,
    pub figures: PatternFigures,
    pub tables: Vec<TableView>,
    pub cell_sizes: Vec<(PlotLink, u32)>,
    pub ages: Vec<(u32, PlotLink)>,
    pub cell_chart: Chart,
    pub age_chart: Chart,
    pub patterns: Vec<BlockView<'a>>,
    pub comparisons: Vec<ComparisonView<'a>>,
    pub propaganda: BlockView<'a>,
    pub points: &'a [Prose],
    /// The policy dimensions (now on `/policy`): each old anchor id and its title.
    pub policy: Vec<(String, &'a str)>,
}

pub(super) fn examples<'a>(site: &Site, data: &Dataset, refs: &'a [PlotRef]) -> Vec<ExampleView<'a>> {
    refs.iter()
        .filter_map(|r| super::plot_link(site, data, &r.slug).map(|plot| ExampleView { plot, how: &r.how }))
        .collect()
}

fn table(site: &Site, data: &Dataset, id: &'static str, title: &str, counts: &str, tallies: &[Tally]) -> TableView {
    let rows = tallies
        .iter()
        .map(|t| RowView {
            label: t.label.clone(),
            value: t.value,
            plots: plot_links(site, data, &t.plots),
        })
        .collect();
    TableView {
        id,
        title: title.to_string(),
        counts: counts.to_string(),
        rows,
        chart: None,
    }
}

/// Bars for a tally, each linked to the plots it counts (filtered on `/plots` by `param`).
fn bars(site: &Site, tallies: &[Tally], param: &str) -> Vec<Datum> {
    tallies
        .iter()
        .map(|t| {
            let q = form_urlencoded::Serializer::new(String::new())
                .append_pair(param, &t.key)
                .finish();
            Datum {
                label: t.label.clone(),
                value: t.value,
                href: Some(site.url(&format!("/plots?{q}"))),
            }
        })
        .collect()
}

impl<'a> PatternsPage<'a> {
    pub fn new(state: &'a AppState) -> Self {
        let (site, data) = (&state.site, &state.data);
        let a: &Analysis = &data.analysis;
        let f = pattern_figures(&data.plots);
        let plot_counts: Vec<Tally> = f
            .nationalities
            .iter()
            .map(|t| Tally {
                value: t.plots.len() as u32,
                ..t.clone()
            })
            .collect();
        // Every year of the report's period, so a year without plots shows as a gap.
        let years: Vec<Tally> = (data.meta.period.from.year()..=data.meta.period.to.year())
            .map(|y| {
                let key = y.to_string();
                f.years.iter().find(|t| t.key == key).cloned().unwrap_or(Tally {
                    label: key.clone(),
                    key,
                    value: 0,
                    plots: Vec::new(),
                })
            })
            .collect();
        let mut tables = vec![
            table(
                site,
                data,
                "by-nationality",
                &site.t("analysis-suspects-by-nationality"),
                &site.t("analysis-suspects"),
                &f.nationalities,
            ),
            table(
                site,
                data,
                "plots-by-nationality",
                &site.t("analysis-plots-by-nationality"),
                &site.t("analysis-plots"),
                &plot_counts,
            ),
            table(
                site,
                data,
                "by-country",
                &site.t("analysis-plots-by-country"),
                &site.t("analysis-plots"),
                &f.countries,
            ),
            table(
                site,
                data,
                "by-year",
                &site.t("analysis-plots-by-year"),
                &site.t("analysis-plots"),
                &years,
            ),
            table(
                site,
                data,
                "by-handler",
                &site.t("analysis-plots-by-handler"),
                &site.t("analysis-plots"),
                &f.handlers,
            ),
            table(
                site,
                data,
                "by-channel",
                &site.t("analysis-plots-by-channel"),
                &site.t("analysis-plots"),
                &f.channels,
            ),
            table(
                site,
                data,
                "by-target",
                &site.t("analysis-plots-by-target"),
                &site.t("analysis-plots"),
                &f.targets,
            ),
            table(
                site,
                data,
                "by-outcome",
                &site.t("analysis-plots-by-outcome"),
                &site.t("analysis-plots"),
                &f.outcomes,
            ),
        ];
        tables[0].chart = Some(hbars(
            "chart-nationality",
            &site.t("analysis-suspects-by-nationality"),
            &site.t1("analysis-chart-nationality-desc", "count", f.suspects),
            &site.t("analysis-unit-suspects"),
            &bars(site, &f.nationalities, "nationality"),
        ));
        tables[3].chart = Some(vbars(
            "chart-years",
            &site.t("analysis-plots-by-year"),
            &site.t("analysis-chart-years-desc"),
            &site.t("analysis-unit-plots"),
            &bars(site, &years, "year"),
        ));
        tables[4].chart = Some(hbars(
            "chart-handlers",
            &site.t("analysis-plots-by-handler"),
            &site.t("analysis-chart-handlers-desc"),
            &site.t("analysis-unit-plots"),
            &bars(site, &f.handlers, "handler"),
        ));
        let link = |slug: &str| super::plot_link(site, data, slug);
        let cell_chart = hbars(
            "chart-cells",
            &site.t("analysis-cell-size-each"),
            &site.t("analysis-chart-cells-desc"),
            &site.t("analysis-unit-suspects"),
            &data
                .plots
                .iter()
                .map(|p| Datum {
                    label: p.short_name(),
                    value: p.cell_size,
                    href: Some(site.url(&p.path())),
                })
                .collect::<Vec<_>>(),
        );
        let age_chart = dots(
            "chart-ages",
            &site.t("analysis-known-ages"),
            &site.t1("analysis-chart-ages-desc", "count", f.ages.known.len()),
            &f.ages
                .known
                .iter()
                .filter_map(|(age, slug)| data.plot(slug).map(|p| (*age, p.title(), Some(site.url(&p.path())))))
                .collect::<Vec<_>>(),
        );
        let cell_sizes = f
            .cell_sizes
            .iter()
            .filter_map(|(s, n)| link(s).map(|l| (l, *n)))
            .collect();
        let ages = f
            .ages
            .known
            .iter()
            .filter_map(|(age, s)| link(s).map(|l| (*age, l)))
            .collect();
        let block = |id: String, title: String, summary: &'a Prose, section: &str, refs: &'a [PlotRef]| BlockView {
            id,
            title,
            summary,
            section: data.section_ref(section),
            examples: examples(site, data, refs),
            context: Vec::new(),
        };
        let patterns = a
            .patterns
            .iter()
            .map(|p| BlockView {
                context: p
                    .context
                    .iter()
                    .map(|c| ContextView {
                        title: &c.title,
                        text: &c.text,
                    })
                    .collect(),
                ..block(p.id.clone(), p.title.clone(), &p.summary, &p.section, &p.plots)
            })
            .collect();
        let comparisons = a
            .report_figures
            .iter()
            .map(|fig| {
                let result = compare(fig, &data.plots);
                let plots = if result.plots.len() < data.plots.len() {
                    plot_links(site, data, &result.plots)
                } else {
                    Vec::new()
                };
                ComparisonView {
                    figure: fig,
                    section: data.section_ref(&fig.section),
                    plots,
                    result,
                }
            })
            .collect();
        let p = &a.propaganda;
        PatternsPage {
            site,
            head: Head {
                title: site.t("analysis-patterns-title"),
                description: site.t("analysis-patterns-description"),
                path: "/patterns".into(),
                og_type: "article",
            },
            ev: Footnotes::new(site, data),
            version: &data.meta.version,
            tables,
            cell_sizes,
            ages,
            cell_chart,
            age_chart,
            patterns,
            comparisons,
            propaganda: block(
                "propaganda".into(),
                site.t("analysis-propaganda-title"),
                &p.summary,
                &p.section,
                &p.plots,
            ),
            points: &p.points,
            policy: a
                .policy
                .iter()
                .map(|d| (format!("policy-{}", d.id), d.title.as_str()))
                .collect(),
            figures: f,
        }
    }

    pub fn disagreements(&self) -> usize {
        self.comparisons
            .iter()
            .filter(|c| c.result.comparable && !c.result.agrees)
            .count()
    }

    /// The figures table's sentences, numbered in reading order (row by row: claim, then note).
    pub fn compare_rows(&self) -> Vec<CompareRow<'a>> {
        self.comparisons
            .iter()
            .map(|c| CompareRow {
                claim: self.ev.para(&c.figure.claim),
                explanation: c.figure.explanation.as_ref().map(|x| self.ev.para(x)),
            })
            .collect()
    }

    /// The notes of the figures table's rows, in order, as one evidence list.
    pub fn table_notes(rows: &[CompareRow<'a>]) -> Para<'a> {
        let notes = rows
            .iter()
            .flat_map(|r| {
                r.claim
                    .notes
                    .iter()
                    .chain(r.explanation.iter().flat_map(|e| e.notes.iter()))
            })
            .cloned()
            .collect();
        Para {
            sentences: Vec::new(),
            notes,
        }
    }

    /// Stated figures that count what Table 1 can count.
    pub fn comparable(&self) -> usize {
        self.comparisons.iter().filter(|c| c.result.comparable).count()
    }
}

pub async fn patterns(State(state): State<Arc<AppState>>) -> Result<Html<String>, AppError> {
    render(&PatternsPage::new(&state))
}
