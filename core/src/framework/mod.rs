//! The methodology as data: indicators, aggregates, weights, scoring rules and aggregation
//! methods, as one graph.
//!
//! A [`Framework`] is read from TOML or JSON text ([`Framework::from_toml`],
//! [`Framework::from_json`]; the file format is in [`mod@file`], documented with complete
//! examples in `indicators/README.md`) and validated as a whole: every problem is
//! reported at once, and a framework that exists is one the engine can use. Its nodes form a
//! directed acyclic graph with a weight on every edge: an indicator may count toward several
//! aggregates (the DTI's foundation indicators count toward all three pillars).

use std::collections::BTreeMap;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::aggregation::Aggregation;
#[cfg(feature = "validate")]
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::rule::Rule;
use crate::text::Names;

mod built_in;
pub mod file;
#[cfg(feature = "validate")]
pub(crate) mod validate;

/// An embedded framework by id, built from its static tables (`built_in.rs`).
pub(crate) fn built_in(id: &str) -> Option<Framework> {
    built_in::framework(id)
}

/// The source of the embedded frameworks' static tables (`built_in/data.rs`), for the test
/// that keeps them current; `None` when a framework holds what the tables cannot say (a
/// `[pipeline]` table).
#[doc(hidden)]
pub fn built_in_source(frameworks: &[Framework]) -> Option<String> {
    built_in::source(frameworks)
}

/// The largest weight (and the most points) a node may carry: 10¹². Larger weights are refused
/// rather than normalised, so that weighted sums of any data a framework can score stay far
/// from overflowing (a weight of 10³⁰⁸ used to make an aggregate 0).
pub const MAX_WEIGHT: f64 = 1e12;

/// True for a weight a framework can take: a number from 0 to [`MAX_WEIGHT`].
pub fn is_weight(weight: f64) -> bool {
    (0.0..=MAX_WEIGHT).contains(&weight)
}

/// Position of a node in [`Framework::nodes`].
pub type NodeId = usize;

/// What to do with an indicator that has no value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    /// The indicator scores the bottom of its scale (the DTI's practice: unreported data scores zero).
    #[default]
    Zero,
    /// The indicator is left out and its parents renormalise their weights over the others.
    Skip,
    /// Scoring refuses data with missing values.
    Reject,
}

/// Whether a larger raw value is better or worse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better.
    #[default]
    Higher,
    /// Less is better (for example the share of dossiers settled late).
    Lower,
}

impl Direction {
    /// +1 for higher-is-better, -1 for lower-is-better.
    pub fn sign(self) -> f64 {
        match self {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        }
    }
}

/// The unit an indicator's raw value is measured in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A score from 0 to 1 (the DTI's main-indicator values).
    #[default]
    Score,
    /// A percentage from 0 to 100; `96%`, `96` and `731/1950` are all accepted.
    Percent,
    /// A share from 0 to 1; `0.96`, `96%` and `731/1950` are all accepted.
    Share,
    /// A count of things (meetings, enterprises); zero or more.
    Count,
    /// Any other quantity.
    Number,
    /// Yes or no.
    YesNo,
}

impl Unit {
    /// The range a value in this unit can take when the framework gives none.
    pub fn default_range(self) -> Range {
        match self {
            Unit::Score | Unit::Share | Unit::YesNo => Range {
                low: 0.0,
                high: 1.0,
            },
            Unit::Percent => Range {
                low: 0.0,
                high: 100.0,
            },
            Unit::Count => Range {
                low: 0.0,
                high: f64::INFINITY,
            },
            Unit::Number => Range {
                low: f64::NEG_INFINITY,
                high: f64::INFINITY,
            },
        }
    }

    /// The symbol written after a value (`%` for percentages, nothing otherwise).
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            _ => "",
        }
    }

    /// The unit's name as it appears in files.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Score => "score",
            Unit::Percent => "percent",
            Unit::Share => "share",
            Unit::Count => "count",
            Unit::Number => "number",
            Unit::YesNo => "yes_no",
        }
    }

    /// A short description for people, in the given language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::words::measure(self, lang)
    }
}

/// An inclusive range of allowed values; either end may be infinite.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Range {
    /// The lowest allowed value.
    pub low: f64,
    /// The highest allowed value.
    pub high: f64,
}

impl Range {
    /// True when the value lies within the range.
    pub fn contains(self, value: f64) -> bool {
        self.low <= value && value <= self.high
    }

    /// True when both ends are finite.
    pub fn is_finite(self) -> bool {
        self.low.is_finite() && self.high.is_finite()
    }
}

/// One child of an aggregate, with the weight (points) it carries there.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// The child node.
    pub child: NodeId,
    /// Its weight in this parent.
    pub weight: f64,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NodeKind {
    /// A leaf whose raw value comes from the data and is scored by a rule.
    Indicator {
        /// The scoring rule.
        rule: Rule,
    },
    /// A node computed from its children.
    Aggregate {
        /// How the children are combined.
        method: Aggregation,
        /// The children and their weights.
        children: Vec<Edge>,
    },
}

/// An indicator or an aggregate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// The code used in data files and results.
    pub code: String,
    /// Its names.
    pub names: Names,
    /// The unit of the raw value (for aggregates, the unit of their value).
    pub unit: Unit,
    /// Whether more is better.
    pub direction: Direction,
    /// The allowed raw values.
    pub range: Range,
    /// The maximum points, when the framework counts in points.
    pub points: Option<f64>,
    /// A longer explanation, such as how the indicator is measured.
    pub description: Option<Names>,
    /// For an indicator built from raw data: the data column its raw value is divided by in
    /// the construction pipeline's denominate step (such as population or GDP).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    /// For an indicator: the value to reach, in the indicator's unit, used by the pipeline's
    /// distance-to-target normalisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The nodes this one counts toward, with its weight in each.
    pub parents: Vec<(NodeId, f64)>,
    /// Indicator or aggregate.
    pub kind: NodeKind,
}

impl Node {
    /// True for leaves.
    pub fn is_indicator(&self) -> bool {
        matches!(self.kind, NodeKind::Indicator { .. })
    }

    /// True for a node that is reported but carries no points: every parent gives it weight
    /// 0 (the DTI 2022's smart-city indicator). A missing value of such a node stays missing
    /// whatever the missing-data policy, since no score depends on it.
    pub fn is_unscored(&self) -> bool {
        !self.parents.is_empty() && self.parents.iter().all(|&(_, weight)| weight == 0.0)
    }

    /// The scoring rule of an indicator.
    pub fn rule(&self) -> Option<&Rule> {
        match &self.kind {
            NodeKind::Indicator { rule } => Some(rule),
            NodeKind::Aggregate { .. } => None,
        }
    }
}

/// A node's place in the weighting of the main index (see [`Framework::weight_table`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeWeight {
    /// The node's code.
    pub code: String,
    /// Its level: 1 for indicators.
    pub level: u32,
    /// Its weight in its parent, when it has exactly one (1 for a top-level node).
    pub weight: Option<f64>,
    /// Its effective weight in the main index.
    pub effective_weight: f64,
}

/// Published values to compare with, such as the national average of a year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// What the values are.
    pub names: Names,
    /// The year they describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Node code → value.
    pub values: BTreeMap<String, f64>,
}

/// A validated framework: every code resolves, nodes are in scoring order (children before
/// parents), every weight is usable, every rule fits its indicator and every method its
/// children.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Framework {
    id: String,
    names: Names,
    description: Option<Names>,
    source: Option<String>,
    precision: u32,
    missing: MissingPolicy,
    min_availability: f64,
    nodes: Vec<Node>,
    indices: Vec<NodeId>,
    references: Vec<Reference>,
    weight_sets: BTreeMap<String, BTreeMap<String, f64>>,
    #[cfg(feature = "pipeline")]
    pipeline: Option<crate::pipeline::PipelineSpec>,
    /// Derived: each node's level (indicators 1, an aggregate one above its highest child).
    #[serde(skip)]
    levels: Vec<u32>,
    /// Derived: each indicator's position among the indicators.
    #[serde(skip)]
    leaf_positions: Vec<Option<usize>>,
    /// Derived: each node's code and names, made once so that every [`Results`] shares them
    /// rather than copying them (`nodes[id].code` and `nodes[id].names`, never changed after).
    ///
    /// [`Results`]: crate::score::Results
    /// Native builds only: the calculator's module counts bytes rather than instructions and
    /// copies them for each score (`NodeInfo`'s fields are `String` and `Names` there).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip)]
    shared: Vec<(Arc<str>, Arc<Names>)>,
}

/// Each node's code and names, shared: see [`Framework`]'s field `shared`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn shared(nodes: &[Node]) -> Vec<(Arc<str>, Arc<Names>)> {
    nodes
        .iter()
        .map(|node| (Arc::from(node.code.as_str()), Arc::new(node.names.clone())))
        .collect()
}

impl Framework {
    /// Reads a framework from TOML text. `origin` names the file in diagnostics.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        file::from_toml(text, origin)
    }

    #[cfg(feature = "validate")]
    /// Reads a framework from JSON text. `origin` names the file in diagnostics.
    pub fn from_json(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        file::from_json(text, origin)
    }

    /// Reads a framework from TOML or JSON text, choosing by the first non-blank character.
    #[cfg(feature = "toml")]
    pub fn parse(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim_start().starts_with('{') {
            Framework::from_json(text, origin)
        } else {
            Framework::from_toml(text, origin)
        }
    }

    /// The framework as a TOML file, which [`Framework::from_toml`] reads back equal.
    ///
    /// ```
    /// let framework = dti_core::embedded::default_framework();
    /// let text = framework.to_toml();
    /// assert_eq!(dti_core::Framework::from_toml(&text, None).unwrap(), framework);
    /// ```
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> String {
        file::to_toml(self)
    }

    /// The framework as a JSON file, which [`Framework::from_json`] reads back equal; `None`
    /// when it holds a number JSON cannot write (an infinite end of a range other than its
    /// unit's default).
    ///
    /// ```
    /// let framework = dti_core::embedded::default_framework();
    /// let text = framework.to_json().unwrap();
    /// assert_eq!(dti_core::Framework::from_json(&text, None).unwrap(), framework);
    /// ```
    pub fn to_json(&self) -> Option<String> {
        file::to_json(self)
    }

    /// The framework's identifier, e.g. `dti-province-2022`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The framework's names.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// A longer description of the framework.
    pub fn description(&self) -> Option<&Names> {
        self.description.as_ref()
    }

    /// The legal source of the methodology, e.g. `922/QĐ-BTTTT`.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Decimals used when results are published and ranked.
    pub fn precision(&self) -> u32 {
        self.precision
    }

    /// What happens to missing values.
    pub fn missing(&self) -> MissingPolicy {
        self.missing
    }

    /// The share of an aggregate's weighted children that must have data for it to be computed.
    pub fn min_availability(&self) -> f64 {
        self.min_availability
    }

    /// Every node, children before parents.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The node with a given id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The id of the node with a given code.
    pub fn find(&self, code: &str) -> Option<NodeId> {
        self.nodes.iter().position(|node| node.code == code)
    }

    /// The node a person means by a code they typed: the one with exactly this code, else the
    /// only one whose code it is in other letter case (`i1`, `cqs`), as data headers are read
    /// ([`crate::check::check`]).
    ///
    /// ```
    /// let framework = dti_core::embedded::default_framework();
    /// assert_eq!(framework.find_typed("cqs"), framework.find("CQS"));
    /// assert_eq!(framework.find_typed("I10"), None);
    /// ```
    pub fn find_typed(&self, code: &str) -> Option<NodeId> {
        self.find(code).or_else(|| {
            let mut same =
                (0..self.nodes.len()).filter(|&id| self.nodes[id].code.eq_ignore_ascii_case(code));
            match (same.next(), same.next()) {
                (Some(id), None) => Some(id),
                _ => None,
            }
        })
    }

    /// The ids of the leaves, in scoring order.
    pub fn indicators(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).filter(|&id| self.nodes[id].is_indicator())
    }

    /// An indicator's position among the indicators (the column [`check`](crate::check())
    /// gives it); `None` for aggregates.
    pub fn indicator_position(&self, id: NodeId) -> Option<usize> {
        self.leaf_positions.get(id).copied().flatten()
    }

    /// The node's code and names, shared with every [`Results`] that names the node.
    ///
    /// [`Results`]: crate::score::Results
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn shared(&self, id: NodeId) -> &(Arc<str>, Arc<Names>) {
        &self.shared[id]
    }

    /// The top-level indices the framework reports (for the 2022 DTI: DTI, CQS, KTS, XHS).
    pub fn indices(&self) -> &[NodeId] {
        &self.indices
    }

    /// The main index: the first of [`Framework::indices`] (for the DTI, the overall index),
    /// whose ranking the tools show first and analyse by default.
    pub fn main_index(&self) -> NodeId {
        self.indices
            .first()
            .copied()
            .unwrap_or(self.nodes.len() - 1)
    }

    /// The nodes a one-line summary of a unit shows, in order: the indices (for the 2022 DTI:
    /// DTI, CQS, KTS, XHS); for a framework with a single index, that index and then its
    /// children (for the 2020 DTI: DTI, CQS, KTS, XHS, its pillars).
    ///
    /// ```
    /// use dti_core::embedded::framework;
    /// let codes = |id: &str| {
    ///     let f = framework(id).unwrap();
    ///     f.headline().iter().map(|&n| f.node(n).code.clone()).collect::<Vec<_>>()
    /// };
    /// assert_eq!(codes("dti-province-2022"), ["DTI", "CQS", "KTS", "XHS"]);
    /// assert_eq!(codes("dti-province-2020"), ["DTI", "CQS", "KTS", "XHS"]);
    /// ```
    pub fn headline(&self) -> Vec<NodeId> {
        let mut nodes = if self.indices.is_empty() {
            vec![self.main_index()]
        } else {
            self.indices.clone()
        };
        if let [only] = nodes[..]
            && let NodeKind::Aggregate { children, .. } = &self.node(only).kind
        {
            nodes.extend(children.iter().map(|edge| edge.child));
        }
        nodes
    }

    /// A node's level: 1 for indicators, one above its highest child for an aggregate.
    pub fn level(&self, id: NodeId) -> u32 {
        self.levels.get(id).copied().unwrap_or(1)
    }

    /// Published values to compare with.
    pub fn references(&self) -> &[Reference] {
        &self.references
    }

    /// The named weight sets: set name → node code → the weight of that node in each of its
    /// parents.
    pub fn weight_sets(&self) -> &BTreeMap<String, BTreeMap<String, f64>> {
        &self.weight_sets
    }

    /// The data columns the framework divides indicators by: each indicator's `denominator`,
    /// and the columns the construction pipeline's denominate step names.
    pub fn denominators(&self) -> Vec<&str> {
        let mut columns: Vec<&str> = self
            .nodes
            .iter()
            .filter_map(|n| n.denominator.as_deref())
            .collect();
        #[cfg(feature = "pipeline")]
        if let Some(denominate) = self.pipeline.as_ref().and_then(|p| p.denominate.as_ref()) {
            columns.extend(
                denominate
                    .overrides
                    .values()
                    .filter_map(|o| o.by.as_deref()),
            );
        }
        crate::sort::unstable(&mut columns);
        columns.dedup();
        columns
    }

    /// True when `to` counts toward `from` (or is `from`).
    pub fn reaches(&self, from: NodeId, to: NodeId) -> bool {
        from == to
            || match &self.nodes[from].kind {
                NodeKind::Indicator { .. } => false,
                NodeKind::Aggregate { children, .. } => {
                    children.iter().any(|edge| self.reaches(edge.child, to))
                }
            }
    }

    /// Each node's effective weight in an index: the share of the index's weight that reaches
    /// it, summed over every path from the index down to it, a node's share of its parent
    /// being its weight divided by the total weight of the parent's children. 1 for the index
    /// itself; 0 for nodes that do not count toward it.
    ///
    /// ```
    /// let framework = dti_core::embedded::default_framework();
    /// let dti = framework.find("DTI").unwrap();
    /// let weights = framework.effective_weights(dti);
    /// assert_eq!(weights[framework.find("I7").unwrap()], 0.2); // 200 of 1000 points
    /// assert_eq!(weights[framework.find("I6").unwrap()], 0.0); // reported, not scored
    /// ```
    pub fn effective_weights(&self, index: NodeId) -> Vec<f64> {
        let mut weights = vec![0.0; self.nodes.len()];
        if index < weights.len() {
            weights[index] = 1.0;
        }
        // Parents come after their children: walk down from the top.
        for id in (0..self.nodes.len()).rev() {
            let NodeKind::Aggregate { children, .. } = &self.nodes[id].kind else {
                continue;
            };
            let share = weights[id];
            if share == 0.0 {
                continue;
            }
            let total: f64 = children.iter().map(|e| e.weight).sum();
            for edge in children {
                weights[edge.child] += share * edge.weight / total;
            }
        }
        weights
    }

    /// Every node with its level, its weight in its parent (when it has exactly one; 1 for a
    /// top-level node) and its effective weight in the main index, in scoring order.
    pub fn weight_table(&self) -> Vec<NodeWeight> {
        let effective = self.effective_weights(self.main_index());
        self.nodes
            .iter()
            .enumerate()
            .map(|(id, node)| NodeWeight {
                code: node.code.clone(),
                level: self.level(id),
                weight: match node.parents.as_slice() {
                    [] => Some(1.0),
                    [(_, weight)] => Some(*weight),
                    _ => None,
                },
                effective_weight: effective[id],
            })
            .collect()
    }

    /// The construction pipeline declared in the framework's `[pipeline]` table, for
    /// methodologies built from raw data (see the [`pipeline`](crate::pipeline) module).
    #[cfg(feature = "pipeline")]
    pub fn pipeline(&self) -> Option<&crate::pipeline::PipelineSpec> {
        self.pipeline.as_ref()
    }

    #[cfg(feature = "validate")]
    /// A copy with the weights of a named weight set: every edge from a node the set names
    /// to each of its parents takes the set's weight.
    pub fn with_weight_set(&self, name: &str) -> Result<Framework, Failure> {
        let Some(set) = self.weight_sets.get(name) else {
            let problem = Problem::UnknownWeightSet {
                name: name.to_string(),
                known: self.weight_sets.keys().cloned().collect(),
            };
            return Err(Failure {
                diagnostics: vec![Diagnostic::error(Location::default(), problem)],
            });
        };
        self.with_weights(|_, child, weight| {
            set.get(&self.nodes[child].code).copied().unwrap_or(weight)
        })
    }

    #[cfg(feature = "validate")]
    /// A copy with every edge weight replaced by `weight(parent, child, current)`, checked as
    /// a framework file would be (weights from 0 to [`MAX_WEIGHT`], each aggregate's total positive).
    pub fn with_weights(
        &self,
        mut weight: impl FnMut(NodeId, NodeId, f64) -> f64,
    ) -> Result<Framework, Failure> {
        let mut copy = self.clone();
        let mut problems = Vec::new();
        for parent in 0..copy.nodes.len() {
            let NodeKind::Aggregate { children, .. } = &mut copy.nodes[parent].kind else {
                continue;
            };
            for edge in children.iter_mut() {
                edge.weight = weight(parent, edge.child, edge.weight);
            }
            let parent_code = &self.nodes[parent].code;
            for edge in children.iter() {
                if !is_weight(edge.weight) {
                    let child = self.nodes[edge.child].code.clone();
                    let problem = Problem::BadWeight {
                        parent: parent_code.clone(),
                        child,
                        weight: edge.weight,
                    };
                    problems.push(Diagnostic::error(
                        Location::default().aggregate(parent_code),
                        problem,
                    ));
                }
            }
            if !validate::usable_total(children) {
                let problem = Problem::NoWeight {
                    code: parent_code.clone(),
                };
                problems.push(Diagnostic::error(
                    Location::default().aggregate(parent_code),
                    problem,
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Failure {
                diagnostics: problems,
            });
        }
        for node in &mut copy.nodes {
            node.parents.clear();
        }
        for parent in 0..copy.nodes.len() {
            if let NodeKind::Aggregate { children, .. } = &copy.nodes[parent].kind {
                for edge in children.clone() {
                    copy.nodes[edge.child].parents.push((parent, edge.weight));
                }
            }
        }
        Ok(copy)
    }

    #[cfg(feature = "validate")]
    /// A copy where an aggregate combines its children by another method.
    pub fn with_method(&self, node: NodeId, method: Aggregation) -> Result<Framework, Failure> {
        if !matches!(
            self.nodes.get(node).map(|n| &n.kind),
            Some(NodeKind::Aggregate { .. })
        ) {
            return Err(validate::not_a(self, node, "aggregate"));
        }
        self.with_methods(|id, current| if id == node { method } else { current })
    }

    #[cfg(feature = "validate")]
    /// A copy where every aggregate's method is replaced by `method(node, current)`, checked
    /// as a file would be.
    pub fn with_methods(
        &self,
        mut method: impl FnMut(NodeId, Aggregation) -> Aggregation,
    ) -> Result<Framework, Failure> {
        let mut copy = self.clone();
        for (id, node) in copy.nodes.iter_mut().enumerate() {
            if let NodeKind::Aggregate {
                method: current, ..
            } = &mut node.kind
            {
                *current = method(id, *current);
            }
        }
        let problems = validate::method_problems(&copy.nodes, None);
        if problems.is_empty() {
            Ok(copy)
        } else {
            Err(Failure {
                diagnostics: problems,
            })
        }
    }

    #[cfg(feature = "validate")]
    /// A copy where an indicator is scored by another rule.
    pub fn with_rule(&self, node: NodeId, rule: Rule) -> Result<Framework, Failure> {
        if !self.nodes.get(node).is_some_and(Node::is_indicator) {
            return Err(validate::not_a(self, node, "indicator"));
        }
        let mut rule = Some(rule);
        self.with_rules(|id, current| {
            if id == node {
                rule.take().unwrap_or(current)
            } else {
                current
            }
        })
    }

    #[cfg(feature = "validate")]
    /// A copy where every indicator's rule is replaced by `rule(node, current)`, checked as a
    /// file would be (the rule fits the indicator; means that need non-negative children get
    /// them).
    pub fn with_rules(
        &self,
        mut rule: impl FnMut(NodeId, Rule) -> Rule,
    ) -> Result<Framework, Failure> {
        let mut copy = self.clone();
        let mut problems = Vec::new();
        for (id, node) in copy.nodes.iter_mut().enumerate() {
            if let NodeKind::Indicator { rule: current } = &mut node.kind {
                let next = rule(id, current.clone());
                let location = Location::default().indicator(&node.code);
                problems.extend(
                    next.check(node.unit, node.range, node.target)
                        .into_iter()
                        .map(|p| Diagnostic::error(location.clone(), p)),
                );
                *current = next;
            }
        }
        problems.extend(validate::method_problems(&copy.nodes, None));
        if problems.is_empty() {
            Ok(copy)
        } else {
            Err(Failure {
                diagnostics: problems,
            })
        }
    }

    /// The same framework with another missing-data policy.
    pub fn with_missing(mut self, missing: MissingPolicy) -> Framework {
        self.missing = missing;
        self
    }
}
