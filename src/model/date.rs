//! Dates as the report gives them: a year, a month or a day, never more precise than the source.
//!
//! Table 1 dates plots by month ("04/2020"); the text sometimes gives a day ("25 July 2024") or only a
//! year or season. A [`PartialDate`] keeps that precision so pages never print a day nobody stated.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// How much of a date the source states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day. Serialised as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The first day of the stated period.
    start: NaiveDate,
    precision: Precision,
}

impl PartialDate {
    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn year(&self) -> i32 {
        self.start.year()
    }

    /// The first day of the period the date names.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day of the period the date names.
    pub fn end(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => {
                let (y, m) = (self.start.year(), self.start.month());
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                next.and_then(|d| d.pred_opt()).unwrap_or(self.start)
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.start.year(), 12, 31).unwrap_or(self.start),
        }
    }

    /// Whether this date's whole period lies inside `outer`'s period.
    pub fn within(&self, outer: &PartialDate) -> bool {
        self.start >= outer.start && self.end() <= outer.end()
    }

    /// The month's name, for a date with month or day precision.
    pub fn month_name(&self) -> Option<String> {
        (self.precision >= Precision::Month).then(|| crate::i18n::current().month(self.start.month()))
    }

    /// Machine-readable form for `<time datetime>` and JSON: `2020`, `2020-04` or `2020-04-17`.
    pub fn iso(&self) -> String {
        match self.precision {
            Precision::Year => format!("{:04}", self.start.year()),
            Precision::Month => format!("{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Day => self.start.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let (ok, precision) = match parts.as_slice() {
            [y] => (digits(y, 4), Precision::Year),
            [y, m] => (digits(y, 4) && digits(m, 2), Precision::Month),
            [y, m, d] => (digits(y, 4) && digits(m, 2) && digits(d, 2), Precision::Day),
            _ => (false, Precision::Year),
        };
        if !ok {
            return Err(bad());
        }
        let num = |i: usize| parts.get(i).map_or(Ok(1), |p| p.parse::<u32>().map_err(|_| bad()));
        let year = parts[0].parse::<i32>().map_err(|_| bad())?;
        let start = NaiveDate::from_ymd_opt(year, num(1)?, num(2)?).ok_or_else(bad)?;
        Ok(PartialDate { start, precision })
    }
}

impl fmt::Display for PartialDate {
    /// Reader-facing form in the current language: `2023`, `April 2020`, `25 July 2024`
    /// (`25. Juli 2024`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::Arg;
        let lang = crate::i18n::current();
        let month = || ("month", Arg::Text(lang.month(self.start.month())));
        let year = ("year", Arg::Text(self.start.year().to_string()));
        match self.precision {
            Precision::Year => write!(f, "{}", self.start.year()),
            Precision::Month => f.write_str(&lang.message("date-month", &[month(), year])),
            Precision::Day => f.write_str(&lang.message(
                "date-day",
                &[("day", Arg::Text(self.start.day().to_string())), month(), year],
            )),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start, self.precision).cmp(&(other.start, other.precision))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for (input, shown, precision) in [
            ("2023", "2023", Precision::Year),
            ("2020-04", "April 2020", Precision::Month),
            ("2024-07-25", "25 July 2024", Precision::Day),
        ] {
            let d = PartialDate::parse(input).expect(input);
            assert_eq!(d.iso(), input);
            assert_eq!(d.to_string(), shown);
            assert_eq!(d.precision(), precision);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2024-13",
            "2023-02-30",
            "24-07",
            "2024/07",
            "",
            "2024-7",
            "July 2024",
            "2024-07-25-1",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn month_period_contains_its_days_but_not_the_next_month() {
        let july = PartialDate::parse("2024-07").unwrap();
        assert!(PartialDate::parse("2024-07-31").unwrap().within(&july));
        assert!(PartialDate::parse("2024-07-01").unwrap().within(&july));
        assert!(!PartialDate::parse("2024-08-01").unwrap().within(&july));
        let december = PartialDate::parse("2023-12").unwrap();
        assert_eq!(december.end(), NaiveDate::from_ymd_opt(2023, 12, 31).unwrap());
    }
}
