//! Figures derived from the plots, never typed in: the overview's key figures.
//! Pure functions of `&[Plot]`, so they can be checked against small fixtures.

use super::country;
use super::plot::Plot;

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
    pub name: &'static str,
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
        let names: Vec<&str> = self.countries.iter().map(|c| c.name).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// Small counts as words in running text ("the seven plots"), larger ones as digits.
pub fn in_words(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
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
                name: "Germany",
                plots: 2
            }
        );
        assert_eq!(f.country_names(), "Germany and France");
        assert_eq!(f.plots_in_words(), "two");
        assert_eq!(in_words(11), "11");
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
