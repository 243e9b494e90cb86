//! Footnoted evidence for the atlas's sentences, the way a reference work footnotes: each sentence
//! ends in a small numbered link, and the paragraph's evidence list follows it (report section, the
//! quotation, the works cited there, a link back). On paper the list prints where it stands, after
//! its paragraph, in small type: a second copy of every note as endnotes would have doubled the
//! evidence's weight on the long pages (over their 30 KB budget) and put it sheets away from its
//! sentence.
//!
//! A page holds one [`Footnotes`]; the template asks it for each paragraph in reading order
//! ([`Footnotes::para`]), so numbers run 1, 2, 3 … down the page without the handler having to know
//! the template's order. Rendering happens once per page and day (the page cache), so the interior
//! counter is never shared between requests.

use std::cell::Cell;

use super::{Cite, cites};
use crate::model::{Dataset, Prose, Statement};
use crate::site::Site;

impl QuoteView {
    /// What follows the section's title in `section` (its pages), in the page's language.
    pub fn pages(&self) -> &str {
        self.section
            .as_deref()
            .and_then(|s| s.strip_prefix(self.section_title.as_str()))
            .unwrap_or("")
    }
}

/// One quotation with where it comes from.
#[derive(Debug, Clone)]
pub struct QuoteView {
    /// "The prototype (Germany, 2020), within pp. 13–24"; `None` when the note's quotation
    /// before it comes from the same section.
    pub section: Option<String>,
    /// The section's title as the report prints it (English), which `section` starts with.
    pub section_title: String,
    pub quote: String,
    pub cites: Vec<Cite>,
}

/// The evidence of one sentence, numbered.
#[derive(Debug, Clone)]
pub struct Note {
    pub n: usize,
    pub quotes: Vec<QuoteView>,
    /// Why the sentence states plainly what the report hedges.
    pub exception: Option<String>,
}

/// One sentence and its number.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub n: usize,
    pub text: &'a str,
}

/// A paragraph ready to print: sentences with markers, then its notes.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    pub sentences: Vec<Sentence<'a>>,
    pub notes: Vec<Note>,
}

impl Para<'_> {
    /// The number of the first note, for `<ol start>`.
    pub fn first(&self) -> usize {
        self.notes.first().map_or(1, |n| n.n)
    }
}

/// Numbers a page's sentences in reading order.
pub struct Footnotes<'a> {
    site: &'a Site,
    data: &'a Dataset,
    last: Cell<usize>,
}

impl<'a> Footnotes<'a> {
    pub fn new(site: &'a Site, data: &'a Dataset) -> Self {
        Footnotes {
            site,
            data,
            last: Cell::new(0),
        }
    }

    /// Numbers the paragraph's sentences, continuing from the paragraphs before it on the page.
    pub fn para<'p>(&self, prose: &'p Prose) -> Para<'p> {
        let mut sentences = Vec::with_capacity(prose.statements().len());
        let mut notes = Vec::with_capacity(prose.statements().len());
        for st in prose.statements() {
            let n = self.last.get() + 1;
            self.last.set(n);
            sentences.push(Sentence { n, text: &st.text });
            notes.push(self.note(n, st));
        }
        Para { sentences, notes }
    }

    fn note(&self, n: usize, st: &Statement) -> Note {
        let mut previous: Option<&str> = None;
        Note {
            n,
            quotes: st
                .evidence
                .iter()
                .map(|e| {
                    let repeat = previous == Some(e.section.as_str());
                    previous = Some(&e.section);
                    QuoteView {
                        section: (!repeat).then(|| self.data.section_ref(&e.section)),
                        section_title: self.data.section_title(&e.section),
                        quote: e.quote.clone(),
                        cites: cites(self.site, self.data, &e.sources),
                    }
                })
                .collect(),
            exception: st.hedge_exception.clone(),
        }
    }
}
