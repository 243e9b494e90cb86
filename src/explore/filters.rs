//! The facets of `/plots`: which plots match a query string like `?country=DE&year=2023`, and how
//! many plots each facet value would give with the other filters applied.
//!
//! Values combine with OR inside a facet ("any of") and AND across facets; nationality can instead
//! combine its values with AND (`nationality_mode=all`: plots with suspects of every nationality
//! ticked). A parameter or value the atlas does not know is never an error: it is ignored, and the
//! page says so.

use std::collections::BTreeMap;

use crate::i18n::Arg;
use crate::model::plot::Plot;
use crate::model::{Dataset, country};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Country,
    Year,
    Nationality,
    Target,
    Handler,
    Outcome,
}

/// At most this many parameters are read from one query string; the rest are ignored.
pub const MAX_PARAMS: usize = 64;
/// Longer values cannot be any facet value or slug.
pub const MAX_VALUE_LEN: usize = 80;

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Country,
        Facet::Year,
        Facet::Nationality,
        Facet::Target,
        Facet::Handler,
        Facet::Outcome,
    ];

    /// The query parameter, as PRODUCT.md names it.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::Year => "year",
            Facet::Nationality => "nationality",
            Facet::Target => "target",
            Facet::Handler => "handler",
            Facet::Outcome => "outcome",
        }
    }

    /// The facet in running text: "no plot has X as its …".
    /// In the page's language (`templates/i18n/*/plots.ftl`).
    pub fn noun(self) -> String {
        crate::i18n::current().t(&format!("plots-noun-{}", self.param()))
    }

    /// The facet's heading, in the page's language.
    pub fn label(self) -> String {
        crate::i18n::current().t(&format!("plots-facet-{}", self.param()))
    }

    fn from_param(p: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.param() == p)
    }

    /// The plot's values for this facet: (key as used in URLs, label for readers).
    pub fn values(self, plot: &Plot) -> Vec<(String, String)> {
        match self {
            Facet::Country => plot
                .countries
                .iter()
                .map(|c| (c.clone(), country::display(c).to_string()))
                .collect(),
            Facet::Year => vec![(plot.date.year().to_string(), plot.date.year().to_string())],
            Facet::Nationality => plot
                .nationalities
                .iter()
                .map(|n| (n.nationality.to_lowercase(), nationality_label(&n.nationality)))
                .collect(),
            Facet::Target => {
                let mut v: Vec<(String, String)> = Vec::new();
                for t in &plot.targets {
                    let key = serde_key(&t.category);
                    if !v.iter().any(|(k, _)| *k == key) {
                        v.push((key, t.category.label().to_string()));
                    }
                }
                v
            }
            Facet::Handler => plot
                .international_connection
                .handler_countries()
                .into_iter()
                .map(|c| (c.to_string(), country::display(c).to_string()))
                .collect(),
            Facet::Outcome => {
                let s = plot.outcome.judicial_status;
                vec![(serde_key(&s), s.label().to_string())]
            }
        }
    }

    /// Whether the plot has the value `key` for this facet: `values` without making the labels,
    /// which the filters ask for every plot, facet and option of a `/plots` page.
    pub fn has(self, plot: &Plot, key: &str) -> bool {
        match self {
            Facet::Country => plot.countries.iter().any(|c| c == key),
            Facet::Year => plot.date.year().to_string() == key,
            Facet::Nationality => plot.nationalities.iter().any(|n| n.nationality.to_lowercase() == key),
            Facet::Target => plot.targets.iter().any(|t| serde_key(&t.category) == key),
            Facet::Handler => plot
                .international_connection
                .handler_countries()
                .into_iter()
                .any(|c| c == key),
            Facet::Outcome => serde_key(&plot.outcome.judicial_status) == key,
        }
    }

    /// The URL form of a value as a reader may type it: `de` → `DE`, `Tajik` → `tajik`.
    fn normalise(self, raw: &str) -> String {
        let v = raw.trim();
        match self {
            Facet::Country | Facet::Handler if !v.eq_ignore_ascii_case("unknown") => v.to_ascii_uppercase(),
            _ => v.to_lowercase(),
        }
    }
}

/// A nationality as Table 1 names it (`Tajik`, `German/Kosovar`), in the page's language; the
/// filter's key stays the English word.
pub fn nationality_label(name: &str) -> String {
    let lang = crate::i18n::current();
    let id = format!("plots-nationality-{}", name.to_lowercase().replace(['/', ' '], "-"));
    if lang.ids().contains(&id) {
        lang.t(&id)
    } else {
        name.to_string()
    }
}

/// The kebab-case name serde gives an enum value (`religious-site`), used as its URL key.
fn serde_key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(String::from))
        .unwrap_or_default()
}

/// A parsed `/plots`, `/compare` or `/briefing` query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Facet → selected value keys, in the order given, without repeats.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// Plot slugs from `plots=a,b` or repeated `plots=`, known ones only.
    pub chosen: Vec<String>,
    /// Free-text query (`q`), for `/search`.
    pub q: Option<String>,
    /// What was ignored and why, for the reader.
    pub notices: Vec<String>,
    /// Parameters no page of this kind reads (`/compare` receives `/plots`'s filters unasked).
    pub unknown: Vec<String>,
    /// `nationality_mode=all`: a plot must have every ticked nationality, not any one of them.
    pub nationality_all: bool,
}

/// The parameter that makes nationality's values combine with AND.
pub const NATIONALITY_MODE: &str = "nationality_mode";

/// The key/value pairs of a raw query string, decoded; at most [`MAX_PARAMS`].
pub fn pairs(raw: Option<&str>) -> (Vec<(String, String)>, bool) {
    let all: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .take(MAX_PARAMS + 1)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let truncated = all.len() > MAX_PARAMS;
    (all.into_iter().take(MAX_PARAMS).collect(), truncated)
}

impl Selection {
    /// Reads facets, `plots` and `q`; anything else, or any value no plot has, becomes a notice.
    pub fn parse(raw: Option<&str>, data: &Dataset) -> Selection {
        let (pairs, truncated) = pairs(raw);
        let mut s = Selection::default();
        let lang = crate::i18n::current();
        if truncated {
            s.notices
                .push(lang.message("plots-notice-truncated", &[("max", Arg::from(MAX_PARAMS))]));
        }
        for (key, value) in pairs {
            if value.trim().is_empty() {
                continue;
            }
            // `q` is bounded by the search itself, and `plots` holds a list: its slugs are checked one by one.
            if value.chars().count() > MAX_VALUE_LEN && key != "q" && key != "plots" {
                s.notices
                    .push(lang.message("plots-notice-too-long", &[("max", Arg::from(MAX_VALUE_LEN))]));
                continue;
            }
            if key == "plots" {
                for slug in value.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                    if slug.chars().count() > MAX_VALUE_LEN {
                        s.notices
                            .push(lang.message("plots-notice-plot-too-long", &[("max", Arg::from(MAX_VALUE_LEN))]));
                    } else if data.plot(slug).is_none() {
                        s.notices
                            .push(lang.message("plots-notice-unknown-plot", &[("slug", Arg::from(slug))]));
                    } else if !s.chosen.iter().any(|c| c == slug) {
                        s.chosen.push(slug.to_string());
                    }
                }
                continue;
            }
            if key == "q" {
                s.q = Some(value);
                continue;
            }
            if key == NATIONALITY_MODE {
                match value.trim().to_ascii_lowercase().as_str() {
                    "all" => s.nationality_all = true,
                    "any" => s.nationality_all = false,
                    _ => s
                        .notices
                        .push(lang.message("wayfinding-notice-mode", &[("value", Arg::from(&value))])),
                }
                continue;
            }
            let Some(facet) = Facet::from_param(&key) else {
                s.unknown.push(key);
                continue;
            };
            let v = facet.normalise(&value);
            let known = data.plots.iter().any(|p| facet.values(p).iter().any(|(k, _)| *k == v));
            if !known {
                s.notices.push(lang.message(
                    "plots-notice-no-value",
                    &[("value", Arg::from(&value)), ("noun", Arg::from(facet.noun()))],
                ));
                continue;
            }
            let selected = s.filters.entry(facet).or_default();
            if !selected.contains(&v) {
                selected.push(v);
            }
        }
        s
    }

    /// A notice for each parameter the page does not read.
    pub fn unknown_notices(&self) -> Vec<String> {
        self.unknown
            .iter()
            .map(|key| crate::i18n::current().message("plots-notice-unknown-param", &[("key", Arg::from(key))]))
            .collect()
    }

    pub fn is_filtered(&self) -> bool {
        self.filters.values().any(|v| !v.is_empty())
    }

    /// Whether a facet's values combine with AND ("all of") rather than OR ("any of").
    pub fn all_of(&self, facet: Facet) -> bool {
        facet == Facet::Nationality && self.nationality_all
    }

    /// Whether `plot` passes every facet.
    pub fn admits(&self, plot: &Plot) -> bool {
        self.filters.iter().all(|(f, wanted)| {
            let has = |w: &String| f.has(plot, w);
            wanted.is_empty()
                || if self.all_of(*f) {
                    wanted.iter().all(has)
                } else {
                    wanted.iter().any(has)
                }
        })
    }

    /// This selection with one more value of `facet` ticked (the same if it is ticked already).
    pub fn with(&self, facet: Facet, key: &str) -> Selection {
        let mut s = self.clone();
        let values = s.filters.entry(facet).or_default();
        if !values.iter().any(|v| v == key) {
            values.push(key.to_string());
        }
        s
    }

    pub fn matching<'a>(&self, data: &'a Dataset) -> Vec<&'a Plot> {
        data.plots.iter().filter(|p| self.admits(p)).collect()
    }

    /// The query string of this selection's filters, optionally with one value toggled.
    pub fn query_string(&self, toggle: Option<(Facet, &str)>) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for f in Facet::ALL {
            let mut values: Vec<&str> = self
                .filters
                .get(&f)
                .map(|v| v.iter().map(String::as_str).collect())
                .unwrap_or_default();
            if let Some((_, tv)) = toggle.filter(|(tf, _)| *tf == f) {
                match values.iter().position(|v| *v == tv) {
                    Some(i) => {
                        values.remove(i);
                    }
                    None => values.push(tv),
                }
            }
            for v in values {
                out.append_pair(f.param(), v);
            }
            if self.all_of(f) {
                out.append_pair(NATIONALITY_MODE, "all");
            }
        }
        out.finish()
    }
}

/// One value of a facet with the number of plots ticking it would give (the current number for a
/// value already ticked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// Every value of `facet` in the dataset, each with exactly the number of plots the page would list
/// if it were ticked too, under the selection's filters and its any/all choice. The order never
/// depends on the selection: years in order, other values by how many plots of the whole dataset
/// have them, then by name.
pub fn options(facet: Facet, selection: &Selection, data: &Dataset) -> Vec<FacetOption> {
    let mut out: Vec<(usize, FacetOption)> = Vec::new();
    for p in &data.plots {
        for (key, label) in facet.values(p) {
            match out.iter_mut().find(|(_, o)| o.key == key) {
                Some((n, _)) => *n += 1,
                None => {
                    let selected = selection.filters.get(&facet).is_some_and(|v| v.contains(&key));
                    out.push((
                        1,
                        FacetOption {
                            key,
                            label,
                            count: 0,
                            selected,
                        },
                    ));
                }
            }
        }
    }
    for (_, o) in &mut out {
        o.count = selection.with(facet, &o.key).matching(data).len();
    }
    match facet {
        Facet::Year => out.sort_by(|(_, a), (_, b)| a.key.cmp(&b.key)),
        _ => out.sort_by(|(n, a), (m, b)| m.cmp(n).then_with(|| a.label.cmp(&b.label))),
    }
    out.into_iter().map(|(_, o)| o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        Dataset::embedded().expect("valid")
    }

    fn slugs(s: &Selection, d: &Dataset) -> Vec<String> {
        s.matching(d).iter().map(|p| p.slug.clone()).collect()
    }

    #[test]
    fn has_says_what_values_lists() {
        let d = data();
        for f in Facet::ALL {
            let mut keys: Vec<String> = d.plots.iter().flat_map(|p| f.values(p)).map(|(k, _)| k).collect();
            keys.extend(["", "xx", "unknown", "DE ", "2023x"].map(String::from));
            for p in &d.plots {
                let values = f.values(p);
                for k in &keys {
                    assert_eq!(
                        f.has(p, k),
                        values.iter().any(|(v, _)| v == k),
                        "{f:?} {} {k:?}",
                        p.slug
                    );
                }
            }
        }
    }

    #[test]
    fn each_facet_filters_alone() {
        let d = data();
        let q = |raw: &str| slugs(&Selection::parse(Some(raw), &d), &d);
        assert_eq!(q("country=AT"), ["2023-12-cologne-vienna"]);
        assert_eq!(q("country=de").len(), 6);
        assert_eq!(q("year=2023"), ["2023-07-cologne-berlin", "2023-12-cologne-vienna"]);
        assert_eq!(q("nationality=TAJIK").len(), 4);
        assert_eq!(q("nationality=German%2FKosovar"), ["2022-09-iserlohn-bremerhaven"]);
        assert_eq!(
            q("target=religious-site"),
            ["2023-07-cologne-berlin", "2023-12-cologne-vienna"]
        );
        assert_eq!(q("handler=IR"), ["2024-03-gera-stockholm"]);
        assert_eq!(
            q("handler=unknown"),
            ["2023-12-cologne-vienna", "2024-07-belgium-germany"]
        );
        assert_eq!(q("outcome=convicted").len(), 3);
    }

    #[test]
    fn facets_combine_and_values_within_a_facet_add_up() {
        let d = data();
        let q = |raw: &str| slugs(&Selection::parse(Some(raw), &d), &d);
        assert_eq!(
            q("country=DE&year=2023&nationality=tajik"),
            ["2023-07-cologne-berlin", "2023-12-cologne-vienna"]
        );
        assert_eq!(q("year=2020&year=2022").len(), 3);
        assert_eq!(q("country=FR&handler=IR"), Vec::<String>::new());
    }

    #[test]
    fn malformed_and_unknown_input_is_ignored_with_a_notice() {
        let d = data();
        let s = Selection::parse(Some("country=XX&year=abc&colour=red&handler=%FF%FE&target="), &d);
        assert!(!s.is_filtered());
        assert_eq!(s.matching(&d).len(), 7);
        assert_eq!(s.notices.len(), 3, "{:?}", s.notices);
        assert!(s.notices.iter().any(|n| n.contains("“XX” as its country")));
        // A parameter no filter reads is the page's to mention (the filter page does; compare,
        // which receives the filter form's fields, does not).
        assert_eq!(s.unknown, ["colour"]);
        assert!(s.unknown_notices()[0].contains("asked for “colour”, which this page does not use"));
        let long = format!("country={}", "D".repeat(500));
        assert_eq!(Selection::parse(Some(&long), &d).notices.len(), 1);
        let many = "year=2020&".repeat(200);
        let s = Selection::parse(Some(&many), &d);
        assert_eq!(s.filters[&Facet::Year], ["2020"]);
        assert!(s.notices[0].contains("only the first 64"));
    }

    #[test]
    fn counts_apply_the_other_filters_only() {
        let d = data();
        let s = Selection::parse(Some("country=AT"), &d);
        let countries = options(Facet::Country, &s, &d);
        // Within the country facet, other countries still show what they would add.
        let de = countries.iter().find(|o| o.key == "DE").expect("DE");
        assert_eq!((de.count, de.selected), (6, false));
        assert!(countries.iter().find(|o| o.key == "AT").expect("AT").selected);
        let years = options(Facet::Year, &s, &d);
        let counts: Vec<(String, usize)> = years.into_iter().map(|o| (o.key, o.count)).collect();
        assert_eq!(
            counts,
            [
                ("2020".into(), 0),
                ("2022".into(), 0),
                ("2023".into(), 1),
                ("2024".into(), 0)
            ]
        );
    }

    #[test]
    fn a_long_list_of_plots_is_read_slug_by_slug() {
        let d = data();
        let all: Vec<&str> = d.plots.iter().map(|p| p.slug.as_str()).collect();
        let s = Selection::parse(Some(&format!("plots={}", all.join(","))), &d);
        assert_eq!(s.chosen, all);
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        let s = Selection::parse(Some(&format!("plots=2022-11-strasbourg,{}", "x".repeat(500))), &d);
        assert_eq!((s.chosen.len(), s.notices.len()), (1, 1));
    }

    #[test]
    fn plots_and_query_strings_round_trip() {
        let d = data();
        let s = Selection::parse(
            Some("plots=2022-11-strasbourg,nope&plots=2020-04-north-rhine-westphalia&country=DE"),
            &d,
        );
        assert_eq!(s.chosen, ["2022-11-strasbourg", "2020-04-north-rhine-westphalia"]);
        assert_eq!(s.notices.len(), 1);
        assert_eq!(s.query_string(None), "country=DE");
        assert_eq!(s.query_string(Some((Facet::Year, "2023"))), "country=DE&year=2023");
        assert_eq!(s.query_string(Some((Facet::Country, "DE"))), "");
    }
}
