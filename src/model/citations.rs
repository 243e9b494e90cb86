//! Who cites each bibliography entry: plots, report sections, and the atlas's own pages
//! (organisation, patterns, method). Built once at load for the "cited by" lists on `/sources`.

use std::collections::HashMap;

use super::analysis::Analysis;
use super::org::Organisation;
use super::plot::Plot;
use super::source::Meta;

/// A place on one of the atlas's pages, e.g. `/offices#iskp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// Page path without the base path.
    pub path: &'static str,
    pub anchor: String,
    pub label: String,
}

#[derive(Debug, Clone, Default)]
pub struct CitedBy {
    /// Plot slugs, in date order.
    pub plots: Vec<String>,
    /// Report section ids, in report order.
    pub sections: Vec<String>,
    pub pages: Vec<PageRef>,
}

#[derive(Debug, Clone, Default)]
pub struct Citations {
    by_key: HashMap<String, CitedBy>,
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl Citations {
    /// `plots` must already be in date order, so "cited by" lists read chronologically.
    pub fn build(meta: &Meta, plots: &[Plot], org: &Organisation, analysis: &Analysis) -> Citations {
        let mut c = Citations::default();
        for p in plots {
            let keys = p
                .sources
                .iter()
                .chain(p.events.iter().flat_map(|e| &e.sources))
                .chain(p.precise_date.iter().flat_map(|d| &d.sources));
            for k in keys {
                push_unique(&mut c.entry(k).plots, p.slug.clone());
            }
        }
        for s in &meta.sections {
            for k in &s.sources {
                push_unique(&mut c.entry(k).sections, s.id.clone());
            }
        }
        for n in &org.nodes {
            let keys = n
                .facts
                .iter()
                .flat_map(|f| &f.sources)
                .chain(n.plots.iter().flat_map(|l| &l.sources));
            for k in keys {
                c.page(k, "/offices", &n.id, &format!("Organisation: {}", n.name));
            }
        }
        for k in org.chronology.iter().flat_map(|e| &e.sources) {
            c.page(k, "/offices", "chronology", "Organisation: chronology");
        }
        for p in &analysis.patterns {
            for k in p.context.iter().flat_map(|x| &x.sources) {
                c.page(k, "/patterns", &p.id, &format!("Patterns: {}", p.title));
            }
        }
        for k in &analysis.propaganda.sources {
            c.page(k, "/patterns", "propaganda", "Patterns: multilingual propaganda");
        }
        for d in &analysis.policy {
            for k in &d.sources {
                c.page(
                    k,
                    "/patterns",
                    &format!("policy-{}", d.id),
                    &format!("Policy: {}", d.title),
                );
            }
        }
        let m = &analysis.method;
        let method_keys = m
            .definitions
            .iter()
            .flat_map(|d| &d.sources)
            .chain(&m.inclusion.sources)
            .chain(m.list_building.iter().flat_map(|l| &l.sources))
            .chain(m.excluded.iter().flat_map(|e| &e.sources));
        for k in method_keys {
            c.page(k, "/method", "definitions", "Method: definitions and selection");
        }
        for k in &m.lull.sources {
            c.page(k, "/method", "lull", "Method: the 2025 lull");
        }
        c
    }

    fn entry(&mut self, key: &str) -> &mut CitedBy {
        self.by_key.entry(key.to_string()).or_default()
    }

    fn page(&mut self, key: &str, path: &'static str, anchor: &str, label: &str) {
        let r = PageRef {
            path,
            anchor: anchor.to_string(),
            label: label.to_string(),
        };
        push_unique(&mut self.entry(key).pages, r);
    }

    pub fn of(&self, key: &str) -> Option<&CitedBy> {
        self.by_key.get(key)
    }
}
