//! The IS organisation as the report describes it (`data/offices.json`): leadership → General
//! Directorate of Provinces → regional offices → provinces and areas without a province, each unit
//! with sourced facts and the plots that touch it, plus a sourced chronology.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::plot::Certainty;
use super::statement::Prose;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Functioning regional offices as the report counts them (it names fewer).
    pub offices_counted: u32,
    pub offices_note: Prose,
    /// Parents before children.
    pub nodes: Vec<Node>,
    pub chronology: Vec<OrgEvent>,
}

/// The tier of a unit. Each tier's parent is the tier above (provinces and areas share the lowest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Leadership,
    Directorate,
    Office,
    Province,
    Area,
}

impl Level {
    /// Depth in the tree: provinces and areas without a province sit at the same depth.
    pub fn depth(self) -> u8 {
        match self {
            Level::Leadership => 0,
            Level::Directorate => 1,
            Level::Office => 2,
            Level::Province | Level::Area => 3,
        }
    }

    /// The level's name in the language of the page being rendered.
    pub fn label(self) -> String {
        let id = match self {
            Level::Leadership => "analysis-level-leadership",
            Level::Directorate => "analysis-level-directorate",
            Level::Office => "analysis-level-office",
            Level::Province => "analysis-level-province",
            Level::Area => "analysis-level-area",
        };
        crate::i18n::current().t(id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Anchor on `/offices`, e.g. `al-siddiq-office`.
    pub id: String,
    pub level: Level,
    pub name: String,
    pub also_known_as: Vec<String>,
    pub parent: Option<String>,
    pub summary: Prose,
    pub facts: Vec<Fact>,
    pub plots: Vec<PlotLink>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub label: String,
    pub value: Prose,
    pub certainty: Certainty,
}

/// How a plot touches a unit of the organisation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlotLink {
    pub slug: String,
    pub link: Prose,
    pub certainty: Certainty,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgEvent {
    pub date: PartialDate,
    pub label: Prose,
    pub node: Option<String>,
    pub plot: Option<String>,
}

impl Node {
    /// The unit's own page, with its facts (without the base path): `/offices/al-siddiq-office`.
    pub fn path(&self) -> String {
        format!("/offices/{}", self.id)
    }
}

impl Organisation {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.iter().filter(move |n| n.parent.as_deref() == Some(id))
    }

    pub fn roots(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.parent.is_none())
    }

    /// The chain from the root down to `id`, inclusive.
    pub fn path_to(&self, id: &str) -> Vec<&Node> {
        let mut chain = Vec::new();
        let mut at = self.node(id);
        while let Some(n) = at {
            chain.push(n);
            // Depth is bounded by `Level`, so a malformed cycle cannot loop for long; validation rejects it anyway.
            if chain.len() > 8 {
                break;
            }
            at = n.parent.as_deref().and_then(|p| self.node(p));
        }
        chain.reverse();
        chain
    }

    /// The nodes a plot touches, with the link, in tree order.
    pub fn links_for<'a>(&'a self, slug: &'a str) -> impl Iterator<Item = (&'a Node, &'a PlotLink)> + 'a {
        self.nodes
            .iter()
            .flat_map(move |n| n.plots.iter().filter(move |l| l.slug == slug).map(move |l| (n, l)))
    }

    /// Slugs of plots linked to `id` or to any unit below it, without repeats, in first-seen order.
    pub fn plots_under(&self, id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut stack = vec![id];
        while let Some(current) = stack.pop() {
            if let Some(n) = self.node(current) {
                for l in &n.plots {
                    if !out.contains(&l.slug.as_str()) {
                        out.push(&l.slug);
                    }
                }
            }
            stack.extend(self.children(current).map(|c| c.id.as_str()));
        }
        out
    }

    /// Regional offices the report names.
    pub fn offices_named(&self) -> usize {
        self.nodes.iter().filter(|n| n.level == Level::Office).count()
    }
}
