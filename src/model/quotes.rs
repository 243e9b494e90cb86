//! Verifies the atlas's evidence against a plain-text copy of the report (`iskp-atlas check
//! --report FILE`): every quotation occurs in its section, and where the report's sentence around
//! a quotation hedges, the statement hedges too (the hedge rule of content rule 6).
//!
//! The report is not part of the project; this module only reads the copy it is given. Sections are
//! found by their headings as printed (`heading` in `dataset.json`: the heading line, or its first
//! words where it is long). A page break in the text can
//! split a paragraph: a line that starts in lower case continues the last unfinished paragraph of
//! its section, so a sentence is whole again before its hedges are read.

use std::collections::HashMap;

use super::source::Section;
use super::statement::{QUOTE_MAX_WORDS, Statement};
use super::{DataError, Dataset};

/// Where the reference list starts; nothing from there on may be quoted.
const REFERENCES_HEADING: &str = "REFERENCES";

/// Words and phrases by which the report hedges a sentence (content rule 6). "may" counts only in
/// lower case, so that the month does not.
const REPORT_HEDGES: &[&str] = &[
    "reportedly",
    "presumably",
    "presumed",
    "likely",
    "allegedly",
    "alleged",
    "suspected",
    "possibly",
    "may",
    "might",
    "according to",
    "apparently",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "believed",
    "thought to",
];

/// Words by which a statement may carry a hedge: the report's own, and their plain equivalents.
const STATEMENT_HEDGES: &[&str] = &[
    "reportedly",
    "reported",
    "presumably",
    "presumed",
    "likely",
    "probably",
    "probable",
    "allegedly",
    "alleged",
    "suspected",
    "possibly",
    "possible",
    "may",
    "might",
    "according to",
    "apparently",
    "said to",
    "believed",
    "thought to",
    "seem",
    "seems",
    "seemingly",
    "appear",
    "appears",
    "unclear",
    "uncertain",
    "estimate",
    "estimated",
    "perhaps",
    "suggest",
    "suggests",
];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "al.", "e.g.", "i.e.", "St.", "U.S.", "No.", "Vol.", "cf.", "vs.", "Dr.", "Mr.",
];

/// Makes a quotation and the report comparable: typographic quote marks and dashes become plain
/// ones, emphasis asterisks go, and runs of whitespace become one space.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '*' => continue,
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The report's text, cut into sections and paragraphs, ready for matching.
#[derive(Debug, Default)]
pub struct ReportText {
    /// Normalised paragraphs of each section, by section id.
    paragraphs: HashMap<String, Vec<String>>,
}

/// One place where a quotation occurs, with the hedges of the sentences it touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub sentence: String,
    pub hedges: Vec<&'static str>,
}

fn ends_sentence(p: &str) -> bool {
    let p = p.trim_end();
    !p.ends_with(" al.") && p.ends_with(['.', '?', '!', ':', ';', ')', '"', '\''])
}

fn is_caption(p: &str) -> bool {
    let mut words = p.split(' ');
    matches!(words.next(), Some("Figure" | "Table"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

impl ReportText {
    /// Cuts `text` into the given sections. Fails, naming the section, if a heading is missing.
    pub fn parse(text: &str, sections: &[Section]) -> Result<ReportText, String> {
        let mut paragraphs: HashMap<String, Vec<String>> =
            sections.iter().map(|s| (s.id.clone(), Vec::new())).collect();
        let mut seen: Vec<&str> = Vec::new();
        // The open sections: a block such as Table 1 sits on top of the section it interrupts.
        let mut stack: Vec<&Section> = Vec::new();
        for line in text.lines() {
            let t = line.trim();
            if t == REFERENCES_HEADING {
                break;
            }
            if let Some(s) = sections.iter().find(|s| t.starts_with(s.heading.as_str())) {
                if seen.contains(&s.id.as_str()) {
                    return Err(format!(
                        "section \"{}\": its heading '{}' starts more than one line of the report",
                        s.id, s.heading
                    ));
                }
                seen.push(&s.id);
                if s.last_line.is_none() {
                    stack.clear();
                }
                stack.push(s);
                continue;
            }
            let Some(current) = stack.last() else { continue };
            if t.is_empty() {
                continue;
            }
            let n = normalise(t);
            let list = paragraphs.entry(current.id.clone()).or_default();
            let continues = n.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) && !line.contains('\t');
            let open = continues
                .then(|| list.iter_mut().rev().find(|p| !ends_sentence(p) && !is_caption(p)))
                .flatten();
            match open {
                Some(p) => {
                    p.push(' ');
                    p.push_str(&n);
                }
                None => list.push(n),
            }
            if current.last_line.as_deref().is_some_and(|end| t.starts_with(end)) {
                stack.pop();
            }
        }
        if let Some(missing) = sections.iter().find(|s| !seen.contains(&s.id.as_str())) {
            return Err(format!(
                "section \"{}\": its heading '{}' is not a line of the report",
                missing.id, missing.heading
            ));
        }
        Ok(ReportText { paragraphs })
    }

    /// Every occurrence of `quote` (normalised) in `section`.
    pub fn find(&self, section: &str, quote: &str) -> Vec<Occurrence> {
        let q = normalise(quote);
        let mut out = Vec::new();
        if q.is_empty() {
            return out;
        }
        for p in self.paragraphs.get(section).into_iter().flatten() {
            for (at, _) in p.match_indices(&q) {
                let end = at + q.len();
                let sentence: Vec<&str> = sentences(p)
                    .into_iter()
                    .filter(|&(a, b)| a < end && b > at)
                    .map(|(a, b)| p[a..b].trim())
                    .collect();
                let sentence = sentence.join(" ");
                out.push(Occurrence {
                    hedges: hedges_in(&sentence, REPORT_HEDGES),
                    sentence,
                });
            }
        }
        out
    }

    /// Sections other than the given one where `quote` occurs, for a helpful message.
    pub fn sections_with(&self, quote: &str) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .paragraphs
            .keys()
            .filter(|id| !self.find(id, quote).is_empty())
            .map(String::as_str)
            .collect();
        ids.sort_unstable();
        ids
    }
}

/// Byte ranges of the sentences of a paragraph.
fn sentences(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // A closing quote or bracket may follow the stop; then whitespace and a capital or digit.
        let mut j = i + 1;
        while chars.get(j).is_some_and(|&(_, c)| matches!(c, '\'' | '"' | ')')) {
            j += 1;
        }
        let space = chars.get(j).is_some_and(|&(_, c)| c == ' ');
        let starts = chars
            .get(j + 1)
            .is_some_and(|&(_, c)| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '\'' | '"' | '('));
        if !(space && starts) {
            continue;
        }
        let before = &p[start..at + c.len_utf8()];
        let last_word = before.split_whitespace().last().unwrap_or("");
        if ABBREVIATIONS.iter().any(|a| last_word.ends_with(a)) {
            continue;
        }
        // An initial ("Aaron Y.") is not the end of a sentence.
        let mut w = last_word.chars();
        if let (Some(first), Some('.'), None) = (w.next(), w.next(), w.next())
            && first.is_uppercase()
        {
            continue;
        }
        let end = chars[j].0;
        out.push((start, end));
        start = end + 1;
    }
    out.push((start, p.len()));
    out
}

/// The hedges of `list` that occur in `text` as whole words.
fn hedges_in(text: &str, list: &[&'static str]) -> Vec<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for &hedge in list {
        let parts: Vec<&str> = hedge.split(' ').collect();
        let hit = words.windows(parts.len()).any(|win| {
            win.iter().zip(&parts).all(|(w, p)| {
                // "may" only in lower case; the other hedges in any case.
                if *p == "may" {
                    *w == "may"
                } else {
                    w.eq_ignore_ascii_case(p)
                }
            })
        });
        if hit {
            found.push(hedge);
        }
    }
    found
}

/// Whether a sentence uses one of the report's own hedges ("reportedly", "presumably", "may", …),
/// the words a translation must render with a hedge of its own.
pub fn report_hedges(text: &str) -> bool {
    !hedges_in(text, REPORT_HEDGES).is_empty()
}

/// Whether a statement's own words carry a hedge.
pub fn statement_hedges(text: &str) -> bool {
    !hedges_in(text, STATEMENT_HEDGES).is_empty()
}

/// What `iskp-atlas check --report` found.
#[derive(Debug, Default)]
pub struct QuoteCheck {
    pub problems: Vec<DataError>,
    pub statements: usize,
    pub quotations: usize,
    /// Statements whose report sentence hedges.
    pub hedged: usize,
    /// Of those, statements that state plainly with a reason given in the data.
    pub exceptions: usize,
}

/// Checks every statement of the dataset against the report.
pub fn check(ds: &Dataset, report: &ReportText) -> QuoteCheck {
    let mut out = QuoteCheck::default();
    for located in ds.statements() {
        out.statements += 1;
        check_statement(located.statement, report, &mut out, |field, message| DataError {
            file: ds.file_name(located.file).to_string(),
            item: Some(located.item.clone()),
            field: format!("{}{field}", located.field),
            message,
        });
    }
    out
}

fn check_statement(
    st: &Statement,
    report: &ReportText,
    out: &mut QuoteCheck,
    error: impl Fn(&str, String) -> DataError,
) {
    if st.evidence.is_empty() {
        out.problems.push(error(".evidence", "has no quotation".into()));
    }
    let mut hedged_by: Option<Occurrence> = None;
    for (i, ev) in st.evidence.iter().enumerate() {
        out.quotations += 1;
        let field = format!(".evidence[{i}].quote");
        if ev.word_count() > QUOTE_MAX_WORDS {
            out.problems.push(error(
                &field,
                format!("has {} words; at most {QUOTE_MAX_WORDS}", ev.word_count()),
            ));
        }
        let found = report.find(&ev.section, &ev.quote);
        if found.is_empty() {
            let elsewhere = report.sections_with(&ev.quote);
            let hint = if elsewhere.is_empty() {
                String::new()
            } else {
                format!(" (it is in section {})", elsewhere.join(", "))
            };
            out.problems.push(error(
                &field,
                format!(
                    "'{}' is not in section \"{}\" of the report{hint}",
                    ev.quote, ev.section
                ),
            ));
        }
        if hedged_by.is_none() {
            hedged_by = found.into_iter().find(|o| !o.hedges.is_empty());
        }
    }
    if let Some(occurrence) = hedged_by {
        out.hedged += 1;
        match &st.hedge_exception {
            Some(_) => out.exceptions += 1,
            None if statement_hedges(&st.text) => {}
            None => out.problems.push(error(
                ".text",
                format!(
                    "the report hedges ({}) but the statement does not: \"{}\" (report: \"{}\"); \
                     hedge it, or give `hedge_exception` with the reason",
                    occurrence.hedges.join(", "),
                    st.text,
                    occurrence.sentence
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str, heading: &str, last_line: Option<&str>) -> Section {
        Section {
            id: id.into(),
            title: id.into(),
            heading: heading.into(),
            last_line: last_line.map(Into::into),
            part: None,
            page: None,
            sources: vec![],
        }
    }

    /// A small report written for the tests: two sections, a table set inside the second, and a
    /// paragraph split by a page break.
    const TEXT: &str = "\
FRONT MATTER\n\
Nothing here may be quoted.\n\
\n\
ONE\n\
\n\
The cell was reportedly in contact with a handler in Syria. Its members were arrested in 2020.\n\
\n\
The group was led by Aaron Y. Zelin's subject, according to the records of the\n\
\n\
Figure 1. A caption\n\
\n\
court in May 2024, and it may grow.\n\
\n\
TWO\n\
\n\
The “cathedral” plot – a case – was foiled.\n\
Table 1. A table\n\
04/2020\tCologne\tFoiled\n\
Back in section two: the suspects (Smith et al. 2017, 6) were presumably minors.\n\
\n\
REFERENCES\n\
Quoted text here is bibliography.\n";

    fn report() -> ReportText {
        let sections = [
            section("one", "ONE", None),
            section("two", "TWO", None),
            section("table", "Table 1.", Some("04/2020")),
        ];
        ReportText::parse(TEXT, &sections).expect("parses")
    }

    #[test]
    fn normalising_makes_typography_and_spacing_comparable() {
        assert_eq!(
            normalise("  The “cathedral”\tplot – a  case\n"),
            "The \"cathedral\" plot - a case"
        );
        assert_eq!(normalise("‘provinces’ (*wilayat*)"), "'provinces' (wilayat)");
    }

    #[test]
    fn quotations_are_found_only_in_their_own_section() {
        let r = report();
        assert_eq!(r.find("one", "Its members were arrested in 2020").len(), 1);
        assert!(r.find("two", "Its members were arrested in 2020").is_empty());
        assert_eq!(r.sections_with("Its members were arrested"), ["one"]);
        assert!(r.find("one", "Nothing here may be quoted").is_empty(), "front matter");
        assert!(r.sections_with("bibliography").is_empty(), "references");
        assert_eq!(r.find("two", "The \"cathedral\" plot - a case").len(), 1);
        assert_eq!(
            r.find("two", "The ‘cathedral’ plot – a case").len(),
            0,
            "single vs double quotes differ"
        );
    }

    #[test]
    fn a_table_set_inside_a_section_is_its_own_section() {
        let r = report();
        assert_eq!(r.find("table", "Cologne Foiled").len(), 1);
        assert!(r.find("two", "Cologne").is_empty());
        assert_eq!(
            r.find("two", "Back in section two").len(),
            1,
            "the section resumes after the table"
        );
    }

    #[test]
    fn a_paragraph_split_by_a_page_break_is_joined_past_captions() {
        let r = report();
        let found = r.find("one", "according to the records of the court in May 2024");
        assert_eq!(found.len(), 1);
        assert!(found[0].sentence.starts_with("The group was led"));
    }

    #[test]
    fn the_hedges_of_the_quoted_sentence_are_read_not_its_neighbours() {
        let r = report();
        let arrested = r.find("one", "Its members were arrested");
        assert!(
            arrested[0].hedges.is_empty(),
            "the previous sentence's 'reportedly' does not count"
        );
        let contact = r.find("one", "in contact with a handler");
        assert_eq!(contact[0].hedges, ["reportedly"]);
        // "Aaron Y." and "et al." do not end a sentence; "May" the month is no hedge, "may" is.
        let led = r.find("one", "The group was led");
        assert_eq!(led[0].hedges, ["may", "according to"]);
        let minors = r.find("two", "were presumably minors");
        assert!(minors[0].sentence.starts_with("Back in section two"));
        assert_eq!(minors[0].hedges, ["presumably"]);
    }

    #[test]
    fn statement_hedges_are_whole_words() {
        assert!(statement_hedges("The cell was reportedly in contact."));
        assert!(statement_hedges("It is unclear who led it."));
        assert!(statement_hedges("According to the indictment, they met."));
        assert!(
            !statement_hedges("The unlikelihood is a report."),
            "no part-word matches"
        );
        assert!(!statement_hedges("They were arrested in May 2024."), "the month");
    }

    fn statement(text: &str, section: &str, quote: &str) -> Statement {
        Statement {
            text: text.into(),
            evidence: vec![super::super::statement::Evidence {
                section: section.into(),
                quote: quote.into(),
                sources: vec![],
            }],
            hedge_exception: None,
        }
    }

    fn run(st: &Statement) -> QuoteCheck {
        let mut out = QuoteCheck::default();
        check_statement(st, &report(), &mut out, |field, message| DataError {
            file: "f".into(),
            item: None,
            field: field.into(),
            message,
        });
        out
    }

    #[test]
    fn the_hedge_rule_fails_a_flat_statement_and_passes_a_hedged_or_excepted_one() {
        let flat = statement(
            "The cell was in contact with Syria.",
            "one",
            "in contact with a handler in Syria",
        );
        let out = run(&flat);
        assert_eq!(out.hedged, 1);
        assert_eq!(out.problems.len(), 1);
        assert!(
            out.problems[0].message.contains("reportedly"),
            "{}",
            out.problems[0].message
        );

        let hedged = statement(
            "The cell reportedly had a handler in Syria.",
            "one",
            "in contact with a handler in Syria",
        );
        assert!(run(&hedged).problems.is_empty());

        let mut excepted = flat.clone();
        excepted.hedge_exception = Some("The hedge concerns another clause.".into());
        let out = run(&excepted);
        assert!(out.problems.is_empty());
        assert_eq!(out.exceptions, 1);

        let plain = statement(
            "Its members were arrested in 2020.",
            "one",
            "Its members were arrested in 2020",
        );
        let out = run(&plain);
        assert_eq!((out.hedged, out.problems.len()), (0, 0));
    }

    #[test]
    fn missing_long_and_misplaced_quotations_are_problems() {
        let missing = statement("x", "one", "words the report never wrote");
        assert!(run(&missing).problems[0].message.contains("is not in section"));
        let misplaced = statement("x", "two", "Its members were arrested");
        assert!(run(&misplaced).problems[0].message.contains("(it is in section one)"));
        let long = statement("x", "one", &"word ".repeat(26));
        assert!(run(&long).problems.iter().any(|p| p.message.contains("26 words")));
        let none = Statement {
            text: "x".into(),
            evidence: vec![],
            hedge_exception: None,
        };
        assert!(run(&none).problems[0].message.contains("no quotation"));
    }

    #[test]
    fn a_missing_heading_is_named() {
        let err = ReportText::parse(TEXT, &[section("gone", "GONE", None)]).unwrap_err();
        assert!(err.contains("\"gone\""), "{err}");
        let err = ReportText::parse(TEXT, &[section("the", "The", None)]).unwrap_err();
        assert!(err.contains("more than one line"), "{err}");
    }
}
