//! Figures derived from the plots, never typed in: the overview's key figures and the tallies of
//! `/patterns`. Pure functions of `&[Plot]`, so they can be checked against small fixtures.

use super::analysis::{Measure, ReportFigure};
use super::country;
use super::plot::{Channel, JudicialStatus, Plot, TargetCategory};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFigures {
    pub plots: usize,
    pub suspects: u32,
    pub foiled: usize,
    pub first_year: i32,
    pub last_year: i32,
    /// Table 1 Location countries with the number of plots touching each, most plots first.
    pub countries: Vec<CountryCount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCount {
    pub code: String,
    pub name: String,
    pub plots: usize,
}

impl KeyFigures {
    pub fn all_foiled(&self) -> bool {
        self.foiled == self.plots
    }

    /// "2020–2024", or one year when all plots share it.
    pub fn years(&self) -> String {
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        }
    }

    /// The number of plots as a word, for running text.
    pub fn plots_in_words(&self) -> String {
        in_words(self.plots)
    }

    /// "Germany, France and Austria".
    pub fn country_names(&self) -> String {
        let names: Vec<&str> = self.countries.iter().map(|c| c.name.as_str()).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!(
                "{} {} {last}",
                rest.join(", "),
                crate::i18n::current().t("analysis-and")
            ),
        }
    }
}

/// A certainty label (`reported`, …) in the language of the page being rendered.
pub fn certainty_label(c: crate::model::plot::Certainty) -> String {
    crate::i18n::current().t(&format!("analysis-certainty-{}", c.label()))
}

/// A label from the catalogue (`analysis-{kind}-{key}`) in the language of the page being
/// rendered, or `fallback` when the catalogue has none for this key.
fn catalogue_label(kind: &str, key: &str, fallback: &str) -> String {
    let key: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = format!("analysis-{kind}-{key}");
    let lang = crate::i18n::current();
    if lang.ids().contains(&id) {
        lang.t(&id)
    } else {
        fallback.to_string()
    }
}

/// A suspects' nationality as Table 1 gives it (`Tajik`) in the language of the page being
/// rendered (`tadschikisch`); the English value stays the filter key.
pub fn nationality_label(nationality: &str) -> String {
    catalogue_label("nationality", nationality, nationality)
}

/// Small counts as words in running text ("the seven plots"), larger ones as digits.
/// In the current language (`number-word-N` in the catalogue).
pub fn in_words(n: usize) -> String {
    if n <= 10 {
        crate::i18n::current().t(&format!("number-word-{n}"))
    } else {
        n.to_string()
    }
}

pub fn key_figures(plots: &[Plot]) -> KeyFigures {
    let mut countries: Vec<CountryCount> = Vec::new();
    for p in plots {
        for code in &p.countries {
            match countries.iter_mut().find(|c| &c.code == code) {
                Some(c) => c.plots += 1,
                None => countries.push(CountryCount {
                    code: code.clone(),
                    name: country::display(code),
                    plots: 1,
                }),
            }
        }
    }
    // Most plots first; ties keep first-appearance (date) order, which the sort preserves.
    countries.sort_by_key(|c| std::cmp::Reverse(c.plots));
    let years = plots.iter().map(|p| p.date.year());
    KeyFigures {
        plots: plots.len(),
        suspects: plots.iter().map(|p| p.cell_size).sum(),
        foiled: plots.iter().filter(|p| p.outcome.foiled).count(),
        first_year: years.clone().min().unwrap_or_default(),
        last_year: years.max().unwrap_or_default(),
        countries,
    }
}

/// A category with the plots it applies to; `value` is what is counted (plots, suspects, targets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub key: String,
    pub label: String,
    pub value: u32,
    /// Slugs, in date order.
    pub plots: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub count: usize,
    pub min: u32,
    pub max: u32,
    pub median: f64,
}

impl Stats {
    fn of(values: &[u32]) -> Option<Stats> {
        let mut v = values.to_vec();
        v.sort_unstable();
        let n = v.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => f64::from(v[n / 2]),
            _ => (f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0,
        };
        Some(Stats {
            count: n,
            min: v[0],
            max: v[n - 1],
            median,
        })
    }

    /// "28" or "28.5".
    pub fn median_label(&self) -> String {
        if self.median.fract() == 0.0 {
            format!("{:.0}", self.median)
        } else {
            format!("{:.1}", self.median)
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgeFigures {
    pub stats: Option<Stats>,
    /// Suspects in all, of whom `stats.count` have a known age.
    pub suspects: u32,
    pub under_21: usize,
    /// Every known age, ascending, for the dot plot and its table.
    pub known: Vec<(u32, String)>,
}

/// Everything `/patterns` shows as derived from Table 1.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternFigures {
    pub suspects: u32,
    /// `value` = suspects; sorted by suspects, then name.
    pub nationalities: Vec<Tally>,
    /// `value` = plots.
    pub countries: Vec<Tally>,
    /// `value` = plots; ascending years.
    pub years: Vec<Tally>,
    /// (slug, cell size), in date order.
    pub cell_sizes: Vec<(String, u32)>,
    pub cell_stats: Option<Stats>,
    pub ages: AgeFigures,
    /// `value` = plots.
    pub handlers: Vec<Tally>,
    pub channels: Vec<Tally>,
    /// `value` = plots (a plot with two police targets counts once).
    pub targets: Vec<Tally>,
    pub outcomes: Vec<Tally>,
}

/// Adds `slug` under `key`, creating the tally on first sight; `value` grows by `by`.
fn add(list: &mut Vec<Tally>, key: &str, label: &str, slug: &str, by: u32) {
    let t = match list.iter_mut().position(|t| t.key == key) {
        Some(i) => &mut list[i],
        None => {
            list.push(Tally {
                key: key.into(),
                label: label.into(),
                value: 0,
                plots: Vec::new(),
            });
            list.last_mut().expect("just pushed")
        }
    };
    t.value += by;
    if !t.plots.iter().any(|s| s == slug) {
        t.plots.push(slug.into());
    }
}

/// Most first; ties keep first-seen order.
fn by_value(mut list: Vec<Tally>) -> Vec<Tally> {
    list.sort_by_key(|t| std::cmp::Reverse(t.value));
    list
}

pub fn pattern_figures(plots: &[Plot]) -> PatternFigures {
    let (mut nationalities, mut countries, mut years, mut handlers) = (vec![], vec![], vec![], vec![]);
    let (mut channels, mut targets, mut outcomes) = (vec![], vec![], vec![]);
    let mut ages: Vec<(u32, String)> = Vec::new();
    for p in plots {
        let slug = p.slug.as_str();
        for n in &p.nationalities {
            add(
                &mut nationalities,
                &n.nationality.to_lowercase(),
                &nationality_label(&n.nationality),
                slug,
                n.count,
            );
        }
        for c in &p.countries {
            add(&mut countries, c, &country::display(c), slug, 1);
        }
        let year = p.date.year().to_string();
        add(&mut years, &year, &year, slug, 1);
        for c in p.international_connection.handler_countries() {
            add(&mut handlers, c, &country::display(c), slug, 1);
        }
        for c in &p.international_connection.channels {
            add(
                &mut channels,
                channel_key(*c),
                &catalogue_label("channel", channel_key(*c), c.label()),
                slug,
                1,
            );
        }
        let mut seen: Vec<TargetCategory> = Vec::new();
        for t in &p.targets {
            if !seen.contains(&t.category) {
                seen.push(t.category);
                add(
                    &mut targets,
                    target_key(t.category),
                    &catalogue_label("target", target_key(t.category), t.category.label()),
                    slug,
                    1,
                );
            }
        }
        let status = p.outcome.judicial_status;
        add(
            &mut outcomes,
            status_key(status),
            &catalogue_label("status", status_key(status), status.label()),
            slug,
            1,
        );
        ages.extend(p.ages.iter().map(|a| (*a, p.slug.clone())));
    }
    ages.sort();
    let known: Vec<u32> = ages.iter().map(|(a, _)| *a).collect();
    let sizes: Vec<u32> = plots.iter().map(|p| p.cell_size).collect();
    let suspects = sizes.iter().sum();
    years.sort_by(|a, b| a.key.cmp(&b.key));
    PatternFigures {
        suspects,
        nationalities: by_value(nationalities),
        countries: by_value(countries),
        years,
        cell_sizes: plots.iter().map(|p| (p.slug.clone(), p.cell_size)).collect(),
        cell_stats: Stats::of(&sizes),
        ages: AgeFigures {
            stats: Stats::of(&known),
            suspects,
            under_21: known.iter().filter(|a| **a < 21).count(),
            known: ages,
        },
        handlers: by_value(handlers),
        channels: by_value(channels),
        targets: by_value(targets),
        outcomes: by_value(outcomes),
    }
}

fn channel_key(c: Channel) -> &'static str {
    match c {
        Channel::Telegram => "telegram",
        Channel::Zello => "zello",
    }
}

fn target_key(c: TargetCategory) -> &'static str {
    match c {
        TargetCategory::MilitaryFacility => "military-facility",
        TargetCategory::Police => "police",
        TargetCategory::ReligiousSite => "religious-site",
        TargetCategory::PublicEvent => "public-event",
        TargetCategory::Parliament => "parliament",
        TargetCategory::Individual => "individual",
        TargetCategory::Unknown => "unknown",
    }
}

fn status_key(s: JudicialStatus) -> &'static str {
    match s {
        JudicialStatus::Convicted => "convicted",
        JudicialStatus::ChargesDroppedOrReduced => "charges-dropped-or-reduced",
        JudicialStatus::NoIndictmentDeported => "no-indictment-deported",
        JudicialStatus::TrialOngoing => "trial-ongoing",
        JudicialStatus::NoInformation => "no-information",
    }
}

/// A figure the report's text states, beside the same figure derived from Table 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub reported: String,
    pub derived: String,
    pub agrees: bool,
    /// Whether the two figures count the same thing, so that agreeing or not means something.
    pub comparable: bool,
    /// Plots behind the derived figure.
    pub plots: Vec<String>,
}

pub fn compare(figure: &ReportFigure, plots: &[Plot]) -> Comparison {
    match figure.measure {
        Measure::Plots => {
            let n = plots.len() as u32;
            let reported = figure.reported_count.unwrap_or_default();
            Comparison {
                reported: reported.to_string(),
                derived: n.to_string(),
                agrees: reported == n,
                comparable: true,
                plots: plots.iter().map(|p| p.slug.clone()).collect(),
            }
        }
        Measure::PlotsWithNationality => {
            let wanted = figure.nationality.as_deref().unwrap_or_default().to_lowercase();
            let with: Vec<String> = plots
                .iter()
                .filter(|p| p.nationalities.iter().any(|n| n.nationality.to_lowercase() == wanted))
                .map(|p| p.slug.clone())
                .collect();
            let reported = figure.reported_count.unwrap_or_default();
            Comparison {
                reported: reported.to_string(),
                derived: with.len().to_string(),
                agrees: reported as usize == with.len(),
                comparable: true,
                plots: with,
            }
        }
        Measure::LocationCountries | Measure::UncoveredCountries => {
            let comparable = figure.measure == Measure::LocationCountries;
            let derived: Vec<String> = key_figures(plots).countries.iter().map(|c| c.name.clone()).collect();
            let mut reported: Vec<String> = figure
                .reported_countries
                .iter()
                .flatten()
                .map(|c| country::display(c))
                .collect();
            let mut a = derived.clone();
            a.sort_unstable();
            reported.sort_unstable();
            Comparison {
                agrees: comparable && a == reported,
                comparable,
                reported: reported.join(", "),
                derived: derived.join(", "),
                plots: plots.iter().map(|p| p.slug.clone()).collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::fixture_plot;

    #[test]
    fn figures_add_up_over_a_fixture() {
        let mut a = fixture_plot("2021-03-a", &["DE"], 3);
        let b = fixture_plot("2023-05-b", &["FR", "DE"], 2);
        a.outcome.foiled = false;
        let f = key_figures(&[a, b]);
        assert_eq!(f.plots, 2);
        assert_eq!(f.suspects, 5);
        assert_eq!(f.foiled, 1);
        assert!(!f.all_foiled());
        assert_eq!(f.years(), "2021–2023");
        assert_eq!(
            f.countries[0],
            CountryCount {
                code: "DE".into(),
                name: "Germany".into(),
                plots: 2
            }
        );
        assert_eq!(f.country_names(), "Germany and France");
        assert_eq!(f.plots_in_words(), "two");
        assert_eq!(in_words(11), "11");
    }

    #[test]
    fn pattern_figures_tally_a_fixture() {
        use crate::model::plot::{Handler, NationalityCount, Target};
        let mut a = fixture_plot("2021-03-a", &["DE"], 3);
        a.nationalities = vec![
            NationalityCount {
                nationality: "Tajik".into(),
                count: 2,
            },
            NationalityCount {
                nationality: "Russian".into(),
                count: 1,
            },
        ];
        a.ages = vec![30, 18];
        a.targets = vec![
            Target {
                label: "x".into(),
                category: TargetCategory::Police,
            },
            Target {
                label: "y".into(),
                category: TargetCategory::Police,
            },
        ];
        a.international_connection.handlers = vec![Handler {
            country: "IR".into(),
            who: "w".into(),
            certainty: crate::model::plot::Certainty::Stated,
        }];
        a.international_connection.channels = vec![Channel::Telegram];
        let mut b = fixture_plot("2023-05-b", &["FR"], 2);
        b.ages = vec![20, 47];
        b.international_connection.channels = vec![Channel::Telegram, Channel::Zello];
        let f = pattern_figures(&[a, b]);
        assert_eq!(f.suspects, 5);
        let nat: Vec<(&str, u32, usize)> = f
            .nationalities
            .iter()
            .map(|t| (t.label.as_str(), t.value, t.plots.len()))
            .collect();
        assert_eq!(nat, [("Tajik", 4, 2), ("Russian", 1, 1)]);
        assert_eq!(
            f.years.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["2021", "2023"]
        );
        let ages = f.ages.stats.clone().expect("known ages");
        assert_eq!(
            (ages.count, ages.min, ages.max, ages.median_label()),
            (4, 18, 47, "25".to_string())
        );
        assert_eq!(f.ages.under_21, 2);
        assert_eq!(f.targets.iter().find(|t| t.key == "police").map(|t| t.value), Some(1));
        assert_eq!(
            f.channels[0],
            Tally {
                key: "telegram".into(),
                label: "Telegram".into(),
                value: 2,
                plots: vec!["2021-03-a".into(), "2023-05-b".into()]
            }
        );
        assert_eq!(f.cell_stats.as_ref().map(Stats::median_label), Some("2.5".into()));
        assert_eq!(
            f.handlers.iter().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["IR", "AF", "SY"]
        );
    }

    #[test]
    fn stated_figures_are_compared_with_derived_ones() {
        use crate::model::analysis::{Measure, ReportFigure};
        let figure = |measure, count, nationality: Option<&str>, countries: Option<Vec<&str>>| ReportFigure {
            id: "x".into(),
            claim: Default::default(),
            section: "s".into(),
            reported_count: count,
            reported_countries: countries.map(|c| c.into_iter().map(String::from).collect()),
            measure,
            nationality: nationality.map(String::from),
            explanation: None,
        };
        let plots = [
            fixture_plot("2021-03-a", &["DE"], 3),
            fixture_plot("2023-05-b", &["FR", "SE"], 2),
        ];
        let c = compare(
            &figure(Measure::PlotsWithNationality, Some(1), Some("tajik"), None),
            &plots,
        );
        assert_eq!((c.reported.as_str(), c.derived.as_str(), c.agrees), ("1", "2", false));
        let c = compare(&figure(Measure::Plots, Some(2), None, None), &plots);
        assert!(c.agrees);
        let c = compare(
            &figure(Measure::LocationCountries, None, None, Some(vec!["FR", "DE"])),
            &plots,
        );
        assert_eq!((c.derived.as_str(), c.agrees), ("Germany, France, Sweden", false));
        let c = compare(
            &figure(Measure::LocationCountries, None, None, Some(vec!["SE", "FR", "DE"])),
            &plots,
        );
        assert!(c.agrees && c.comparable);
        // The report's own measure is shown beside Table 1's, with no verdict either way.
        let c = compare(
            &figure(Measure::UncoveredCountries, None, None, Some(vec!["SE", "FR", "DE"])),
            &plots,
        );
        assert!(!c.comparable && !c.agrees);
        assert_eq!(c.derived, "Germany, France, Sweden");
    }

    #[test]
    fn the_embedded_dataset_gives_the_reports_headline_figures() {
        let ds = crate::model::Dataset::embedded().expect("embedded data is valid");
        let f = key_figures(&ds.plots);
        assert_eq!((f.plots, f.suspects, f.foiled), (7, 32, 7));
        assert_eq!(f.years(), "2020–2024");
        let codes: Vec<&str> = f.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["DE", "FR", "AT", "SE", "BE"]);
        assert_eq!(f.countries[0].plots, 6);
    }
}
