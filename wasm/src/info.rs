//! What a calculator needs to know about a framework to draw its form: every node with its
//! names, unit, range and points, and the indicators grouped by the pillars they count toward.

#[cfg(feature = "api")]
use dti_core::Rule;
use dti_core::framework::Reference;
use dti_core::{Direction, Framework, Lang, MissingPolicy, Names, NodeId, NodeKind};
use serde::Serialize;

/// A framework shipped with the library.
#[cfg(feature = "api")]
#[derive(Clone, Debug, Serialize)]
pub struct FrameworkSummary {
    /// Its id.
    pub id: String,
    /// Its names.
    pub names: Names,
    /// The legal source.
    pub source: Option<String>,
    /// True for the default framework.
    pub default: bool,
}

/// Every embedded framework, the default first.
#[cfg(feature = "api")]
pub fn list() -> Vec<FrameworkSummary> {
    dti_core::embedded::FRAMEWORK_IDS
        .iter()
        .filter_map(|id| dti_core::embedded::framework(id))
        .map(|framework| FrameworkSummary {
            default: framework.id() == dti_core::embedded::DEFAULT_FRAMEWORK,
            id: framework.id().to_string(),
            names: framework.names().clone(),
            source: framework.source().map(str::to_string),
        })
        .collect()
}

/// A range end; `None` when infinite.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Bounds {
    /// The lowest allowed value (`null`: no lower limit).
    pub low: Option<f64>,
    /// The highest allowed value (`null`: no upper limit).
    pub high: Option<f64>,
}

/// A link between an aggregate and a child.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// The other node's code.
    pub code: String,
    /// The child's weight in the parent.
    pub weight: f64,
}

/// A node, as a form needs it.
#[derive(Clone, Debug, Serialize)]
pub struct NodeInfo {
    /// The code used in data and results.
    pub code: String,
    /// Its names.
    pub names: Names,
    /// A longer explanation.
    pub description: Option<Names>,
    /// True for indicators (values come from data), false for aggregates.
    pub indicator: bool,
    /// True for the framework's reported indices.
    pub index: bool,
    /// True when the node carries weight in some index (Smart city in the 2022 DTI does not).
    pub scored: bool,
    /// The unit's code (`score`, `percent`, `share`, `count`, `number`, `yes_no`).
    pub unit: &'static str,
    /// The unit for people, in both languages.
    pub unit_label: Names,
    /// `%` for percentages, empty otherwise.
    pub symbol: &'static str,
    /// Whether more is better.
    pub direction: Direction,
    /// The allowed raw values.
    pub range: Bounds,
    /// The maximum points, when the framework counts in points.
    pub points: Option<f64>,
    /// The scoring rule of an indicator (the function API; the calculator's module leaves it
    /// out, with the code that writes rules).
    #[cfg(feature = "api")]
    pub rule: Option<Rule>,
    /// How an aggregate combines its children (`arithmetic`, `sum`, …).
    pub method: Option<&'static str>,
    /// The aggregates this node counts toward.
    pub parents: Vec<Link>,
    /// An aggregate's children.
    pub children: Vec<Link>,
}

/// Indicators that count toward the same indices: a pillar of its own, or the foundation
/// shared by every pillar.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// A stable key: the codes of the indices, joined by `+` (the root's code when none).
    pub code: String,
    /// The group's heading.
    pub names: Names,
    /// The indices (other than the overall one) the indicators count toward.
    pub indices: Vec<String>,
    /// The indicator codes, in framework order.
    pub indicators: Vec<String>,
}

/// Everything about a framework that a form or a chart needs.
#[derive(Clone, Debug, Serialize)]
pub struct FrameworkInfo {
    /// Its id.
    pub id: String,
    /// Its names.
    pub names: Names,
    /// A longer description.
    pub description: Option<Names>,
    /// The legal source.
    pub source: Option<String>,
    /// Decimals of published values.
    pub precision: u32,
    /// What missing values count as.
    pub missing: MissingPolicy,
    /// The reported indices, the overall one first.
    pub indices: Vec<String>,
    /// The overall index (the first one reported).
    pub root: Option<String>,
    /// Every node, children before parents.
    pub nodes: Vec<NodeInfo>,
    /// The indicators grouped by the indices they count toward.
    pub groups: Vec<Group>,
    /// Published values to compare with (national averages).
    pub references: Vec<Reference>,
}

fn method_name(kind: &NodeKind) -> Option<&'static str> {
    match kind {
        NodeKind::Indicator { .. } => None,
        NodeKind::Aggregate { method, .. } => Some(method.name()),
    }
}

/// The indices a node counts toward with a positive weight (itself included when it is one).
fn reached_indices(framework: &Framework, id: NodeId) -> Vec<NodeId> {
    let mut seen = vec![false; framework.nodes().len()];
    let mut stack = vec![id];
    while let Some(node) = stack.pop() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        for &(parent, weight) in &framework.node(node).parents {
            if weight > 0.0 {
                stack.push(parent);
            }
        }
    }
    framework
        .indices()
        .iter()
        .copied()
        .filter(|&index| seen[index])
        .collect()
}

/// The description of a framework.
pub fn describe(framework: &Framework) -> FrameworkInfo {
    let nodes = framework.nodes();
    let code = |id: NodeId| nodes[id].code.clone();
    let root = Some(framework.main_index());
    let infos = nodes
        .iter()
        .enumerate()
        .map(|(id, node)| {
            let range = node.range;
            let children = match &node.kind {
                NodeKind::Aggregate { children, .. } => children
                    .iter()
                    .map(|edge| Link {
                        code: code(edge.child),
                        weight: edge.weight,
                    })
                    .collect(),
                NodeKind::Indicator { .. } => Vec::new(),
            };
            NodeInfo {
                code: node.code.clone(),
                names: node.names.clone(),
                description: node.description.clone(),
                indicator: node.is_indicator(),
                index: framework.indices().contains(&id),
                scored: !reached_indices(framework, id).is_empty(),
                unit: node.unit.code(),
                unit_label: Names {
                    vi: node.unit.label(Lang::Vi).to_string(),
                    en: node.unit.label(Lang::En).to_string(),
                },
                symbol: node.unit.symbol(),
                direction: node.direction,
                range: Bounds {
                    low: Some(range.low).filter(|v| v.is_finite()),
                    high: Some(range.high).filter(|v| v.is_finite()),
                },
                points: node.points,
                #[cfg(feature = "api")]
                rule: node.rule().cloned(),
                method: method_name(&node.kind),
                parents: node
                    .parents
                    .iter()
                    .map(|&(parent, weight)| Link {
                        code: code(parent),
                        weight,
                    })
                    .collect(),
                children,
            }
        })
        .collect();
    FrameworkInfo {
        id: framework.id().to_string(),
        names: framework.names().clone(),
        description: framework.description().cloned(),
        source: framework.source().map(str::to_string),
        precision: framework.precision(),
        missing: framework.missing(),
        indices: framework.indices().iter().map(|&id| code(id)).collect(),
        root: root.map(code),
        nodes: infos,
        groups: groups(framework, root),
        references: framework.references().to_vec(),
    }
}

fn groups(framework: &Framework, root: Option<NodeId>) -> Vec<Group> {
    let nodes = framework.nodes();
    let pillars: Vec<NodeId> = framework
        .indices()
        .iter()
        .copied()
        .filter(|&id| Some(id) != root)
        .collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut unscored: Vec<String> = Vec::new();
    for id in framework.indicators() {
        let reached = reached_indices(framework, id);
        if reached.is_empty() {
            unscored.push(nodes[id].code.clone());
            continue;
        }
        let within: Vec<NodeId> = reached
            .iter()
            .copied()
            .filter(|index| pillars.contains(index))
            .collect();
        let key = match (within.is_empty(), root) {
            (true, Some(root)) => nodes[root].code.clone(),
            _ => joined(within.iter().map(|&i| nodes[i].code.as_str()), "+"),
        };
        match groups.iter_mut().find(|group| group.code == key) {
            Some(group) => group.indicators.push(nodes[id].code.clone()),
            None => {
                let names = group_names(framework, &within, &pillars, root);
                groups.push(Group {
                    code: key,
                    names,
                    indices: within.iter().map(|&i| nodes[i].code.clone()).collect(),
                    indicators: vec![nodes[id].code.clone()],
                });
            }
        }
    }
    // Indicators that count toward no index (reported only) join the group of their parent's
    // pillar when they have one, else a group of their own.
    for code in unscored {
        let id = framework.find(&code);
        let parent_pillar = id
            .and_then(|id| framework.node(id).parents.first().copied())
            .map(|(parent, _)| nodes[parent].code.clone());
        match groups
            .iter_mut()
            .find(|group| Some(&group.code) == parent_pillar.as_ref())
        {
            Some(group) => group.indicators.push(code),
            None => groups.push(Group {
                code: "reported".into(),
                names: Names {
                    vi: "Chỉ tiêu báo cáo, không tính điểm".into(),
                    en: "Reported, not scored".into(),
                },
                indices: Vec::new(),
                indicators: vec![code],
            }),
        }
    }
    // Shared foundations first, then the pillars in the framework's order.
    dti_core::stats::insertion_sort_by(&mut groups, |a, b| a.indices.len() > b.indices.len());
    groups
}

fn group_names(
    framework: &Framework,
    within: &[NodeId],
    pillars: &[NodeId],
    root: Option<NodeId>,
) -> Names {
    let nodes = framework.nodes();
    match within {
        [] => root.map(|r| nodes[r].names.clone()).unwrap_or_default(),
        [one] => nodes[*one].names.clone(),
        many if many.len() == pillars.len() => Names {
            vi: "Nền tảng chung (tính cho mọi trụ cột)".into(),
            en: "Shared foundation (counts toward every pillar)".into(),
        },
        many => Names {
            vi: joined(many.iter().map(|&i| nodes[i].names.vi.as_str()), " + "),
            en: joined(many.iter().map(|&i| nodes[i].names.en.as_str()), " + "),
        },
    }
}

/// The parts with `separator` between them: `[&str]::join` without its own copy of the
/// standard library's join (the core's words join `String`s, one copy in the module).
pub(crate) fn joined<'a>(parts: impl Iterator<Item = &'a str>, separator: &str) -> String {
    let mut out = String::new();
    for (k, part) in parts.enumerate() {
        if k > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn joined_is_join() {
        for parts in [&[][..], &["a"], &["P1", "P2", "P3"], &["", "x", ""]] {
            assert_eq!(joined(parts.iter().copied(), " + "), parts.join(" + "));
        }
    }
}
