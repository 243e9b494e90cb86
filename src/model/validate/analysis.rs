//! Rules for `offices.json` (the organisation tree and its chronology) and `analysis.json`
//! (patterns, stated figures, propaganda, policy, method, report notes).

use std::collections::HashSet;

use super::{FileNames, Report, date_sane, is_slug, prose};
use crate::model::analysis::{Measure, PlotRef};
use crate::model::org::Level;
use crate::model::{Dataset, country};

fn section(ds: &Dataset, id: &str, field: &str, r: &mut Report<'_>) {
    r.check(ds.section(id).is_some(), field, || {
        format!("'{id}' is not a section id in dataset.json")
    });
}

fn plot_slug(ds: &Dataset, slug: &str, field: &str, r: &mut Report<'_>) {
    r.check(ds.plot(slug).is_some(), field, || {
        format!("'{slug}' is not a plot slug")
    });
}

fn text(value: &str, field: &str, r: &mut Report<'_>) {
    r.check(!value.trim().is_empty(), field, || "is empty".into());
}

fn plot_refs(ds: &Dataset, refs: &[PlotRef], field: &str, r: &mut Report<'_>) {
    let mut seen = HashSet::new();
    for (i, p) in refs.iter().enumerate() {
        let f = format!("{field}[{i}]");
        plot_slug(ds, &p.slug, &format!("{f}.slug"), r);
        r.check(seen.insert(&p.slug), format!("{f}.slug"), || {
            format!("'{}' is listed twice", p.slug)
        });
        prose(&p.how, &format!("{f}.how"), r);
    }
}

pub(super) fn organisation<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let org = &ds.org;
    r.set(files.offices, None);
    let named = org.offices_named();
    r.check(named as u32 <= org.offices_counted, "offices_counted", || {
        format!("{named} offices are named but only {} counted", org.offices_counted)
    });
    prose(&org.offices_note, "offices_note", r);
    r.check(org.roots().count() == 1, "nodes", || {
        "there must be exactly one node without a parent".into()
    });

    let mut ids = HashSet::new();
    for (i, n) in org.nodes.iter().enumerate() {
        r.set(files.offices, Some(format!("node \"{}\"", n.id)));
        r.check(is_slug(&n.id), "id", || format!("'{}' is not a lowercase slug", n.id));
        r.check(ids.insert(&n.id), "id", || format!("nodes[{i}] repeats this id"));
        text(&n.name, "name", r);
        prose(&n.summary, "summary", r);
        match n.parent.as_deref() {
            None => r.check(n.level == Level::Leadership, "parent", || {
                "only the leadership has no parent".into()
            }),
            Some(pid) => match org.node(pid) {
                None => r.check(false, "parent", || format!("'{pid}' is not a node id")),
                Some(parent) => {
                    let earlier = org.nodes.iter().position(|x| x.id == pid).is_some_and(|j| j < i);
                    r.check(earlier, "parent", || {
                        format!("'{pid}' must be listed before its children")
                    });
                    r.check(parent.level.depth() + 1 == n.level.depth(), "level", || {
                        format!("a {:?} cannot sit directly under a {:?}", n.level, parent.level)
                    });
                }
            },
        }
        let mut labels = HashSet::new();
        for (j, f) in n.facts.iter().enumerate() {
            text(&f.label, &format!("facts[{j}].label"), r);
            r.check(labels.insert(&f.label), format!("facts[{j}].label"), || {
                format!(
                    "'{}' labels another fact of this unit; readers could not tell them apart",
                    f.label
                )
            });
            prose(&f.value, &format!("facts[{j}].value"), r);
        }
        let mut linked = HashSet::new();
        for (j, l) in n.plots.iter().enumerate() {
            plot_slug(ds, &l.slug, &format!("plots[{j}].slug"), r);
            r.check(linked.insert(&l.slug), format!("plots[{j}].slug"), || {
                format!("'{}' is linked twice", l.slug)
            });
            prose(&l.link, &format!("plots[{j}].link"), r);
        }
    }

    let reviewed = &ds.meta.reviewed;
    let mut previous = None;
    for (i, e) in org.chronology.iter().enumerate() {
        r.set(files.offices, Some(format!("chronology[{i}]")));
        r.check(date_sane(&e.date, reviewed), "date", || {
            format!("{} is not a sane date", e.date.iso())
        });
        r.check(previous.is_none_or(|p| p <= e.date.start()), "date", || {
            "the chronology is not in date order".into()
        });
        previous = Some(e.date.start());
        prose(&e.label, "label", r);
        if let Some(id) = &e.node {
            r.check(org.node(id).is_some(), "node", || format!("'{id}' is not a node id"));
        }
        if let Some(slug) = &e.plot {
            plot_slug(ds, slug, "plot", r);
        }
    }
}

pub(super) fn analysis<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let a = &ds.analysis;
    let mut ids = HashSet::new();
    for p in &a.patterns {
        r.set(files.analysis, Some(format!("pattern \"{}\"", p.id)));
        r.check(is_slug(&p.id) && ids.insert(p.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        text(&p.title, "title", r);
        prose(&p.summary, "summary", r);
        section(ds, &p.section, "section", r);
        plot_refs(ds, &p.plots, "plots", r);
        for (i, c) in p.context.iter().enumerate() {
            text(&c.title, &format!("context[{i}].title"), r);
            prose(&c.text, &format!("context[{i}].text"), r);
        }
    }

    for f in &a.report_figures {
        r.set(files.analysis, Some(format!("report figure \"{}\"", f.id)));
        r.check(is_slug(&f.id) && ids.insert(f.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        prose(&f.claim, "claim", r);
        section(ds, &f.section, "section", r);
        match f.measure {
            Measure::Plots | Measure::PlotsWithNationality => {
                r.check(f.reported_count.is_some(), "reported_count", || {
                    "this measure needs a count".into()
                });
            }
            Measure::LocationCountries | Measure::UncoveredCountries => {
                let countries = f.reported_countries.as_deref().unwrap_or_default();
                r.check(!countries.is_empty(), "reported_countries", || {
                    "this measure needs countries".into()
                });
                for (i, c) in countries.iter().enumerate() {
                    r.check(country::name(c).is_some(), format!("reported_countries[{i}]"), || {
                        format!("'{c}' is not a known ISO code")
                    });
                }
            }
        }
        let wants_nationality = f.measure == Measure::PlotsWithNationality;
        r.check(f.nationality.is_some() == wants_nationality, "nationality", || {
            "is required for plots-with-nationality and only for it".into()
        });
    }

    r.set(files.analysis, Some("propaganda".into()));
    prose(&a.propaganda.summary, "summary", r);
    section(ds, &a.propaganda.section, "section", r);
    plot_refs(ds, &a.propaganda.plots, "plots", r);

    for d in &a.policy {
        r.set(files.analysis, Some(format!("policy \"{}\"", d.id)));
        r.check(is_slug(&d.id) && ids.insert(d.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        prose(&d.summary, "summary", r);
        section(ds, &d.section, "section", r);
        plot_refs(ds, &d.plots, "plots", r);
    }

    let m = &a.method;
    r.set(files.analysis, Some("method".into()));
    for (i, d) in m.definitions.iter().enumerate() {
        text(&d.term, &format!("definitions[{i}].term"), r);
        prose(&d.text, &format!("definitions[{i}].text"), r);
    }
    prose(&m.inclusion, "inclusion", r);
    prose(&m.list_building, "list_building", r);
    prose(&m.lull, "lull", r);
    for (i, e) in m.excluded.iter().enumerate() {
        text(&e.case, &format!("excluded[{i}].case"), r);
        prose(&e.why, &format!("excluded[{i}].why"), r);
    }

    for n in &a.report_notes {
        r.set(files.analysis, Some(format!("report note \"{}\"", n.id)));
        r.check(is_slug(&n.id) && ids.insert(n.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        prose(&n.note, "note", r);
        section(ds, &n.section, "section", r);
    }
}
