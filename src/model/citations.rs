//! Who cites each bibliography entry: plots, report sections, and the atlas's own pages
//! (organisation, patterns, method). Built once at load for the "cited by" lists on `/sources`.

use std::collections::HashMap;

use super::{Dataset, Owner};

/// A place on one of the atlas's pages, e.g. `/offices#iskp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// Page path without the base path.
    pub path: String,
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
    /// Walks the plots (already in date order, so "cited by" lists read chronologically), the
    /// report sections and every statement's evidence.
    pub fn build(ds: &Dataset) -> Citations {
        let mut c = Citations::default();
        for p in &ds.plots {
            for k in &p.sources {
                push_unique(&mut c.entry(k).plots, p.slug.clone());
            }
        }
        for s in &ds.meta.sections {
            for k in &s.sources {
                push_unique(&mut c.entry(k).sections, s.id.clone());
            }
        }
        for at in ds.statements() {
            let keys = at.statement.evidence.iter().flat_map(|e| &e.sources);
            for k in keys {
                match at.owner {
                    Owner::Plot(slug) => push_unique(&mut c.entry(k).plots, slug.to_string()),
                    Owner::Node(id) => {
                        let node = ds.org.node(id);
                        let name = node.map_or(id, |n| n.name.as_str());
                        c.page(
                            k,
                            &node.map_or_else(|| format!("/offices/{id}"), |n| n.path()),
                            "",
                            &crate::i18n::named("where-organisation", name),
                        );
                    }
                    Owner::OfficesNote => c.page(
                        k,
                        "/offices",
                        "regional-offices",
                        &crate::i18n::text("where-regional-offices"),
                    ),
                    Owner::Chronology => c.page(k, "/timeline", "chronology", &crate::i18n::text("where-chronology")),
                    Owner::Pattern(id) => {
                        let title = ds
                            .analysis
                            .patterns
                            .iter()
                            .find(|p| p.id == id)
                            .map_or(id, |p| p.title.as_str());
                        c.page(k, "/patterns", id, &crate::i18n::named("where-pattern", title));
                    }
                    Owner::ReportFigure => c.page(k, "/patterns", "figures", &crate::i18n::text("where-figures")),
                    Owner::Propaganda => c.page(
                        k,
                        "/patterns",
                        "propaganda",
                        &crate::i18n::text("where-patterns-propaganda"),
                    ),
                    Owner::Policy(id) => {
                        let title = ds
                            .analysis
                            .policy
                            .iter()
                            .find(|d| d.id == id)
                            .map_or(id, |d| d.title.as_str());
                        c.page(
                            k,
                            "/policy",
                            &format!("policy-{id}"),
                            &crate::i18n::named("where-policy", title),
                        );
                    }
                    Owner::Method => c.page(k, "/method", "definitions", &crate::i18n::text("where-method")),
                    Owner::Lull => c.page(k, "/method", "lull", &crate::i18n::text("where-method-lull")),
                    Owner::ReportNote => c.page(k, "/method", "report-notes", &crate::i18n::text("where-report-notes")),
                }
            }
        }
        c
    }

    fn entry(&mut self, key: &str) -> &mut CitedBy {
        self.by_key.entry(key.to_string()).or_default()
    }

    fn page(&mut self, key: &str, path: &str, anchor: &str, label: &str) {
        let r = PageRef {
            path: path.to_string(),
            anchor: anchor.to_string(),
            label: label.to_string(),
        };
        push_unique(&mut self.entry(key).pages, r);
    }

    pub fn of(&self, key: &str) -> Option<&CitedBy> {
        self.by_key.get(key)
    }
}
