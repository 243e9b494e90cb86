//! Rules for `offices.json` (the organisation tree and its chronology) and `analysis.json`
//! (patterns, stated figures, propaganda, policy, method, report notes).

use std::collections::HashSet;

use super::{FileNames, Report, date_sane, is_slug, keys};
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
        text(&p.how, &format!("{f}.how"), r);
    }
}

pub(super) fn organisation<'a>(ds: &Dataset, files: &FileNames<'a>, r: &mut Report<'a>) {
    let org = &ds.org;
    r.set(files.offices, None);
    let named = org.offices_named();
    r.check(named as u32 <= org.offices_counted, "offices_counted", || {
        format!("{named} offices are named but only {} counted", org.offices_counted)
    });
    text(&org.offices_note, "offices_note", r);
    r.check(org.roots().count() == 1, "nodes", || {
        "there must be exactly one node without a parent".into()
    });

    let mut ids = HashSet::new();
    for (i, n) in org.nodes.iter().enumerate() {
        r.set(files.offices, Some(format!("node \"{}\"", n.id)));
        r.check(is_slug(&n.id), "id", || format!("'{}' is not a lowercase slug", n.id));
        r.check(ids.insert(&n.id), "id", || format!("nodes[{i}] repeats this id"));
        text(&n.name, "name", r);
        text(&n.summary, "summary", r);
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
            text(&f.value, &format!("facts[{j}].value"), r);
            section(ds, &f.section, &format!("facts[{j}].section"), r);
            keys(ds, &f.sources, &format!("facts[{j}].sources"), r);
        }
        let mut linked = HashSet::new();
        for (j, l) in n.plots.iter().enumerate() {
            plot_slug(ds, &l.slug, &format!("plots[{j}].slug"), r);
            r.check(linked.insert(&l.slug), format!("plots[{j}].slug"), || {
                format!("'{}' is linked twice", l.slug)
            });
            text(&l.link, &format!("plots[{j}].link"), r);
            section(ds, &l.section, &format!("plots[{j}].section"), r);
            keys(ds, &l.sources, &format!("plots[{j}].sources"), r);
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
        text(&e.label, "label", r);
        section(ds, &e.section, "section", r);
        keys(ds, &e.sources, "sources", r);
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
        text(&p.summary, "summary", r);
        section(ds, &p.section, "section", r);
        plot_refs(ds, &p.plots, "plots", r);
        for (i, c) in p.context.iter().enumerate() {
            text(&c.text, &format!("context[{i}].text"), r);
            section(ds, &c.section, &format!("context[{i}].section"), r);
            keys(ds, &c.sources, &format!("context[{i}].sources"), r);
        }
    }

    for f in &a.report_figures {
        r.set(files.analysis, Some(format!("report figure \"{}\"", f.id)));
        r.check(is_slug(&f.id) && ids.insert(f.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        text(&f.claim, "claim", r);
        section(ds, &f.section, "section", r);
        match f.measure {
            Measure::Plots | Measure::PlotsWithNationality => {
                r.check(f.reported_count.is_some(), "reported_count", || {
                    "this measure needs a count".into()
                });
            }
            Measure::LocationCountries => {
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
    text(&a.propaganda.summary, "summary", r);
    section(ds, &a.propaganda.section, "section", r);
    keys(ds, &a.propaganda.sources, "sources", r);
    plot_refs(ds, &a.propaganda.plots, "plots", r);

    for d in &a.policy {
        r.set(files.analysis, Some(format!("policy \"{}\"", d.id)));
        r.check(is_slug(&d.id) && ids.insert(d.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        text(&d.summary, "summary", r);
        section(ds, &d.section, "section", r);
        keys(ds, &d.sources, "sources", r);
        plot_refs(ds, &d.plots, "plots", r);
    }

    let m = &a.method;
    r.set(files.analysis, Some("method".into()));
    for (i, d) in m.definitions.iter().enumerate() {
        text(&d.text, &format!("definitions[{i}].text"), r);
        section(ds, &d.section, &format!("definitions[{i}].section"), r);
        keys(ds, &d.sources, &format!("definitions[{i}].sources"), r);
    }
    let sourced = std::iter::once(("inclusion".to_string(), &m.inclusion))
        .chain(
            m.list_building
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("list_building[{i}]"), s)),
        )
        .chain(std::iter::once(("lull".to_string(), &m.lull)));
    for (field, s) in sourced {
        text(&s.text, &format!("{field}.text"), r);
        section(ds, &s.section, &format!("{field}.section"), r);
        keys(ds, &s.sources, &format!("{field}.sources"), r);
    }
    for (i, e) in m.excluded.iter().enumerate() {
        text(&e.case, &format!("excluded[{i}].case"), r);
        section(ds, &e.section, &format!("excluded[{i}].section"), r);
        keys(ds, &e.sources, &format!("excluded[{i}].sources"), r);
    }

    for n in &a.report_notes {
        r.set(files.analysis, Some(format!("report note \"{}\"", n.id)));
        r.check(is_slug(&n.id) && ids.insert(n.id.clone()), "id", || {
            "must be a unique slug".into()
        });
        text(&n.note, "note", r);
        section(ds, &n.section, "section", r);
    }
}
