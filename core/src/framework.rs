//! The methodology as data: indicators, aggregates, weights and scoring rules.
//!
//! A [`Framework`] is read from TOML or JSON text ([`Framework::from_toml`],
//! [`Framework::from_json`]) and validated as a whole: every problem is reported at once,
//! and a framework that exists is one the scorer can use. The file format is documented
//! with complete examples in `indicators/README.md`.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::rule::Rule;
use crate::text::Names;

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
        match self {
            Unit::Score => lang.pick("điểm 0–1", "score 0–1"),
            Unit::Percent => "%",
            Unit::Share => lang.pick("tỷ lệ 0–1", "share 0–1"),
            Unit::Count => lang.pick("số lượng", "count"),
            Unit::Number => lang.pick("số", "number"),
            Unit::YesNo => lang.pick("có/không", "yes/no"),
        }
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

/// How an aggregate combines its children's values.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Aggregation {
    /// Weighted arithmetic mean, renormalised over the children that have values.
    Mean,
    /// Weighted geometric mean.
    Geometric,
    /// Weighted harmonic mean.
    Harmonic,
    /// Weighted generalised (power) mean with exponent `p` (non-zero).
    PowerMean {
        /// The exponent.
        p: f64,
    },
    /// Sum of points: each child's value times its weight.
    Sum,
    /// The smallest value among children with a positive weight.
    Minimum,
}

impl Aggregation {
    /// True when the value is linear in each child's value, so contributions add up to it.
    pub fn is_linear(self) -> bool {
        matches!(self, Aggregation::Mean | Aggregation::Sum)
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

    /// The scoring rule of an indicator.
    pub fn rule(&self) -> Option<&Rule> {
        match &self.kind {
            NodeKind::Indicator { rule } => Some(rule),
            NodeKind::Aggregate { .. } => None,
        }
    }
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
/// parents), every weight is usable and every rule fits its unit.
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
    #[cfg(feature = "pipeline")]
    pipeline: Option<crate::pipeline::PipelineSpec>,
}

impl Framework {
    /// Reads a framework from TOML text. `origin` names the file in diagnostics.
    pub fn from_toml(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        let raw: RawFramework = toml::from_str(text).map_err(|error| {
            let mut location = Location::file(origin);
            if let Some(span) = error.span() {
                let (line, column) = line_column(text, span.start);
                location = location.at(line, column);
            }
            let detail = error.message().to_string();
            Failure {
                diagnostics: vec![Diagnostic::error(location, Problem::Syntax { detail })],
            }
        })?;
        build(raw, origin)
    }

    /// Reads a framework from JSON text. `origin` names the file in diagnostics.
    pub fn from_json(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        let raw: RawFramework = serde_json::from_str(text).map_err(|error| {
            let location = Location::file(origin).at(error.line() as u64, error.column() as u64);
            let detail = strip_position(&error.to_string());
            Failure {
                diagnostics: vec![Diagnostic::error(location, Problem::Syntax { detail })],
            }
        })?;
        build(raw, origin)
    }

    /// Reads a framework from TOML or JSON text, choosing by the first non-blank character.
    pub fn parse(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            Framework::from_json(text.trim_start_matches('\u{feff}'), origin)
        } else {
            Framework::from_toml(text.trim_start_matches('\u{feff}'), origin)
        }
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

    /// The share of an aggregate's children that must have data for it to be computed.
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

    /// The ids of the leaves, in scoring order.
    pub fn indicators(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).filter(|&id| self.nodes[id].is_indicator())
    }

    /// The top-level indices the framework reports (for the 2022 DTI: DTI, CQS, KTS, XHS).
    pub fn indices(&self) -> &[NodeId] {
        &self.indices
    }

    /// Published values to compare with.
    pub fn references(&self) -> &[Reference] {
        &self.references
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

    /// The construction pipeline declared in the framework's `[pipeline]` table, for
    /// methodologies built from raw data (see the [`pipeline`](crate::pipeline) module).
    #[cfg(feature = "pipeline")]
    pub fn pipeline(&self) -> Option<&crate::pipeline::PipelineSpec> {
        self.pipeline.as_ref()
    }

    /// A copy with every edge weight replaced by `weight(parent, child, current)`, checked as
    /// a framework file would be (weights finite and non-negative, each aggregate's total positive).
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
                if !(edge.weight.is_finite() && edge.weight >= 0.0) {
                    let child = self.nodes[edge.child].code.clone();
                    let problem = Problem::BadWeight {
                        parent: parent_code.clone(),
                        child,
                        weight: edge.weight,
                    };
                    problems.push(Diagnostic::error(
                        Location::default().indicator(parent_code),
                        problem,
                    ));
                }
            }
            if children.iter().map(|edge| edge.weight).sum::<f64>() <= 0.0 {
                let problem = Problem::NoWeight {
                    code: parent_code.clone(),
                };
                problems.push(Diagnostic::error(
                    Location::default().indicator(parent_code),
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

    /// A copy where an aggregate combines its children by another method.
    pub fn with_method(&self, node: NodeId, method: Aggregation) -> Result<Framework, Failure> {
        if !matches!(
            self.nodes.get(node).map(|n| &n.kind),
            Some(NodeKind::Aggregate { .. })
        ) {
            return Err(not_a(self, node, "aggregate"));
        }
        self.with_methods(|id, current| if id == node { method } else { current })
    }

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
        let problems = negative_inputs(&copy.nodes, None);
        if problems.is_empty() {
            Ok(copy)
        } else {
            Err(Failure {
                diagnostics: problems,
            })
        }
    }

    /// A copy where an indicator is scored by another rule.
    pub fn with_rule(&self, node: NodeId, rule: Rule) -> Result<Framework, Failure> {
        if !self.nodes.get(node).is_some_and(Node::is_indicator) {
            return Err(not_a(self, node, "indicator"));
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

    /// A copy where every indicator's rule is replaced by `rule(node, current)`, checked as a
    /// file would be (the rule fits the unit; means that need non-negative children get them).
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
                    next.check(node.unit, node.range)
                        .into_iter()
                        .map(|p| Diagnostic::error(location.clone(), p)),
                );
                *current = next;
            }
        }
        problems.extend(negative_inputs(&copy.nodes, None));
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

// --- The file format -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    id: String,
    names: Names,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    description: Option<Names>,
    #[serde(default = "default_precision")]
    precision: u32,
    #[serde(default)]
    missing: MissingPolicy,
    #[serde(default)]
    min_availability: f64,
    #[serde(default)]
    indices: Option<Vec<String>>,
    #[serde(default, rename = "indicator")]
    indicators: Vec<RawIndicator>,
    #[serde(default, rename = "aggregate")]
    aggregates: Vec<RawAggregate>,
    #[serde(default, rename = "reference")]
    references: Vec<Reference>,
    #[cfg(feature = "pipeline")]
    #[serde(default)]
    pipeline: Option<crate::pipeline::PipelineSpec>,
    /// Accepted and ignored when the pipeline is left out of the build.
    #[cfg(not(feature = "pipeline"))]
    #[serde(default, rename = "pipeline")]
    _pipeline: Option<serde::de::IgnoredAny>,
}

fn default_precision() -> u32 {
    4
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    code: String,
    names: Names,
    #[serde(default)]
    unit: Unit,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    range: Option<[f64; 2]>,
    #[serde(default)]
    points: Option<f64>,
    #[serde(default)]
    rule: Rule,
    #[serde(default)]
    description: Option<Names>,
    #[serde(default)]
    denominator: Option<String>,
    #[serde(default)]
    target: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAggregate {
    code: String,
    names: Names,
    #[serde(default = "default_method")]
    method: String,
    #[serde(default)]
    p: Option<f64>,
    #[serde(default)]
    points: Option<f64>,
    children: Vec<RawChild>,
    #[serde(default)]
    description: Option<Names>,
}

fn default_method() -> String {
    "mean".into()
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawChild {
    Code(String),
    Weighted { code: String, weight: f64 },
}

impl RawChild {
    fn code(&self) -> &str {
        match self {
            RawChild::Code(code) | RawChild::Weighted { code, .. } => code,
        }
    }
}

fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (line, column)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

// --- Validation ---------------------------------------------------------------------------

fn build(raw: RawFramework, origin: Option<&str>) -> Result<Framework, Failure> {
    let mut problems = Vec::new();
    let here = |code: &str| Location::file(origin).indicator(code);
    let mut report =
        |location: Location, problem: Problem| problems.push(Diagnostic::error(location, problem));

    if raw.id.trim().is_empty() {
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "id".into(),
                detail: "empty".into(),
            },
        );
    }
    if raw.precision > 12 {
        let detail = format!("{} decimals; at most 12", raw.precision);
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "precision".into(),
                detail,
            },
        );
    }
    if !(0.0..=1.0).contains(&raw.min_availability) {
        let detail = format!("{}; it must be a share from 0 to 1", raw.min_availability);
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "min_availability".into(),
                detail,
            },
        );
    }

    // Codes: each defined once, leaves first in file order, then aggregates.
    let mut ids: HashMap<&str, NodeId> = HashMap::new();
    let codes: Vec<&str> = raw
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .chain(raw.aggregates.iter().map(|a| a.code.as_str()))
        .collect();
    for (id, code) in codes.iter().enumerate() {
        if code.trim().is_empty() || code.trim() != *code {
            let detail = format!("code `{code}` is empty or has surrounding spaces");
            report(
                here(code),
                Problem::BadSetting {
                    setting: "code".into(),
                    detail,
                },
            );
        }
        if ids.insert(code, id).is_some() {
            report(
                here(code),
                Problem::DuplicateCode {
                    code: code.to_string(),
                },
            );
        }
    }

    let mut nodes: Vec<Node> = Vec::with_capacity(codes.len());
    for indicator in &raw.indicators {
        let range = match indicator.range {
            Some([low, high]) => Range { low, high },
            None => indicator.unit.default_range(),
        };
        if range.low.is_nan() || range.high.is_nan() || range.low >= range.high {
            report(
                here(&indicator.code),
                Problem::BadRange {
                    low: range.low,
                    high: range.high,
                },
            );
        }
        check_points(indicator.points, &indicator.code, origin, &mut report);
        if let Some(denominator) = &indicator.denominator
            && (denominator.trim().is_empty()
                || denominator.trim() != denominator
                || *denominator == indicator.code)
        {
            let denominator = denominator.clone();
            report(
                here(&indicator.code),
                Problem::BadDenominator { denominator },
            );
        }
        if let Some(target) = indicator.target.filter(|t| !t.is_finite()) {
            report(here(&indicator.code), Problem::BadTarget { target });
        }
        for problem in indicator.rule.check(indicator.unit, range) {
            report(here(&indicator.code), problem);
        }
        nodes.push(Node {
            code: indicator.code.clone(),
            names: indicator.names.clone(),
            unit: indicator.unit,
            direction: indicator.direction,
            range,
            points: indicator.points,
            description: indicator.description.clone(),
            denominator: indicator.denominator.clone(),
            target: indicator.target,
            parents: Vec::new(),
            kind: NodeKind::Indicator {
                rule: indicator.rule.clone(),
            },
        });
    }
    for aggregate in &raw.aggregates {
        let method = match (aggregate.method.as_str(), aggregate.p) {
            ("mean", None) => Some(Aggregation::Mean),
            ("geometric", None) => Some(Aggregation::Geometric),
            ("harmonic", None) => Some(Aggregation::Harmonic),
            ("sum", None) => Some(Aggregation::Sum),
            ("minimum", None) => Some(Aggregation::Minimum),
            ("power_mean", Some(p)) if p.is_finite() && p != 0.0 => {
                Some(Aggregation::PowerMean { p })
            }
            (name, p) => {
                let detail = match (name, p) {
                    ("power_mean", _) => {
                        "`power_mean` needs a finite, non-zero exponent `p`".to_string()
                    }
                    (_, Some(_)) => format!("`p` applies only to `power_mean`, not `{name}`"),
                    _ => format!(
                        "unknown method `{name}`; use mean, geometric, harmonic, power_mean, sum or minimum"
                    ),
                };
                report(
                    here(&aggregate.code),
                    Problem::BadSetting {
                        setting: "method".into(),
                        detail,
                    },
                );
                None
            }
        };
        check_points(aggregate.points, &aggregate.code, origin, &mut report);
        if aggregate.children.is_empty() {
            report(
                here(&aggregate.code),
                Problem::NoChildren {
                    code: aggregate.code.clone(),
                },
            );
        }
        let mut children = Vec::new();
        for child in &aggregate.children {
            let Some(&id) = ids.get(child.code()) else {
                let problem = Problem::UnknownCode {
                    code: child.code().into(),
                    referenced_by: aggregate.code.clone(),
                };
                report(here(&aggregate.code), problem);
                continue;
            };
            let weight = match child {
                RawChild::Weighted { weight, .. } => *weight,
                RawChild::Code(_) => default_weight(&raw, id),
            };
            if !(weight.is_finite() && weight >= 0.0) {
                let problem = Problem::BadWeight {
                    parent: aggregate.code.clone(),
                    child: child.code().into(),
                    weight,
                };
                report(here(&aggregate.code), problem);
                continue;
            }
            if children.iter().any(|edge: &Edge| edge.child == id) {
                let detail = format!("`{}` is listed twice", child.code());
                report(
                    here(&aggregate.code),
                    Problem::BadSetting {
                        setting: "children".into(),
                        detail,
                    },
                );
                continue;
            }
            children.push(Edge { child: id, weight });
        }
        let total: f64 = children.iter().map(|edge| edge.weight).sum();
        if !aggregate.children.is_empty() && total <= 0.0 {
            report(
                here(&aggregate.code),
                Problem::NoWeight {
                    code: aggregate.code.clone(),
                },
            );
        }
        let points = aggregate
            .points
            .or(Some(total).filter(|&t| t > 0.0 && all_have_points(&raw, &children)));
        nodes.push(Node {
            code: aggregate.code.clone(),
            names: aggregate.names.clone(),
            unit: Unit::Score,
            direction: Direction::Higher,
            range: Unit::Score.default_range(),
            points,
            description: aggregate.description.clone(),
            denominator: None,
            target: None,
            parents: Vec::new(),
            kind: NodeKind::Aggregate {
                method: method.unwrap_or(Aggregation::Mean),
                children,
            },
        });
    }

    if nodes.is_empty() {
        report(Location::file(origin), Problem::NoData);
    }
    let declared: Vec<NodeId> = match &raw.indices {
        Some(list) => list
            .iter()
            .filter_map(|code| match ids.get(code.as_str()) {
                Some(&id) => Some(id),
                None => {
                    report(
                        Location::file(origin),
                        Problem::UnknownCode {
                            code: code.clone(),
                            referenced_by: "indices".into(),
                        },
                    );
                    None
                }
            })
            .collect(),
        None => Vec::new(),
    };

    if !problems.is_empty() {
        return Err(Failure {
            diagnostics: problems,
        });
    }

    for id in 0..nodes.len() {
        if let NodeKind::Aggregate { children, .. } = &nodes[id].kind {
            for edge in children.clone() {
                nodes[edge.child].parents.push((id, edge.weight));
            }
        }
    }
    let indices = if raw.indices.is_some() {
        declared
    } else {
        (0..nodes.len())
            .filter(|&id| nodes[id].parents.is_empty())
            .collect()
    };

    let order = match topological_order(&nodes) {
        Ok(order) => order,
        Err(path) => {
            let path = path.iter().map(|&id| nodes[id].code.clone()).collect();
            let diagnostic = Diagnostic::error(Location::file(origin), Problem::Cycle { path });
            return Err(Failure {
                diagnostics: vec![diagnostic],
            });
        }
    };
    let reached = reachable_from(&nodes, &indices);
    let unreachable: Vec<Diagnostic> = (0..nodes.len())
        .filter(|&id| !reached[id])
        .map(|id| {
            Diagnostic::error(
                here(&nodes[id].code),
                Problem::Unreachable {
                    code: nodes[id].code.clone(),
                },
            )
        })
        .collect();
    if !unreachable.is_empty() {
        return Err(Failure {
            diagnostics: unreachable,
        });
    }

    let mut references_problems = Vec::new();
    for reference in &raw.references {
        for (code, value) in &reference.values {
            if !ids.contains_key(code.as_str()) {
                let problem = Problem::UnknownCode {
                    code: code.clone(),
                    referenced_by: "reference".into(),
                };
                references_problems.push(Diagnostic::error(Location::file(origin), problem));
            } else if !value.is_finite() {
                let problem = Problem::BadSetting {
                    setting: "reference".into(),
                    detail: format!("{code} = {value}"),
                };
                references_problems.push(Diagnostic::error(here(code), problem));
            }
        }
    }
    if !references_problems.is_empty() {
        return Err(Failure {
            diagnostics: references_problems,
        });
    }

    let (nodes, indices) = reorder(nodes, &order, &indices);
    let negative = negative_inputs(&nodes, origin);
    if !negative.is_empty() {
        return Err(Failure {
            diagnostics: negative,
        });
    }
    Ok(Framework {
        id: raw.id,
        names: raw.names,
        description: raw.description,
        source: raw.source,
        precision: raw.precision,
        missing: raw.missing,
        min_availability: raw.min_availability,
        nodes,
        indices,
        references: raw.references,
        #[cfg(feature = "pipeline")]
        pipeline: raw.pipeline,
    })
}

fn not_a(framework: &Framework, node: NodeId, what: &str) -> Failure {
    let code = framework
        .nodes
        .get(node)
        .map(|n| n.code.clone())
        .unwrap_or_else(|| format!("#{node}"));
    let detail = format!("`{code}` is not an {what}");
    let location = Location::default().indicator(&code);
    Failure {
        diagnostics: vec![Diagnostic::error(
            location,
            Problem::BadSetting {
                setting: "node".into(),
                detail,
            },
        )],
    }
}

/// Geometric, harmonic and power means are only defined for non-negative values: report
/// such aggregates over children whose scores can be negative (z-scores, shifted min-max).
fn negative_inputs(nodes: &[Node], origin: Option<&str>) -> Vec<Diagnostic> {
    let mut lowest = vec![0.0f64; nodes.len()];
    let mut problems = Vec::new();
    for (id, node) in nodes.iter().enumerate() {
        lowest[id] = match &node.kind {
            NodeKind::Indicator { rule } => rule.scale(1).low,
            NodeKind::Aggregate { method, children } => {
                let low = children
                    .iter()
                    .map(|e| lowest[e.child])
                    .fold(f64::INFINITY, f64::min);
                let needs_positive = matches!(
                    method,
                    Aggregation::Geometric | Aggregation::Harmonic | Aggregation::PowerMean { .. }
                );
                if needs_positive && low < 0.0 {
                    let detail =
                        "this method needs non-negative children; a child's scores can be negative"
                            .to_string();
                    let location = Location::file(origin).indicator(&node.code);
                    problems.push(Diagnostic::error(
                        location,
                        Problem::BadSetting {
                            setting: "method".into(),
                            detail,
                        },
                    ));
                }
                if *method == Aggregation::Sum {
                    low.min(0.0)
                } else {
                    low
                }
            }
        };
    }
    problems
}

fn check_points(
    points: Option<f64>,
    code: &str,
    origin: Option<&str>,
    report: &mut impl FnMut(Location, Problem),
) {
    if let Some(points) = points
        && !(points.is_finite() && points >= 0.0)
    {
        let detail = format!("{points}; points must be a non-negative number");
        report(
            Location::file(origin).indicator(code),
            Problem::BadSetting {
                setting: "points".into(),
                detail,
            },
        );
    }
}

/// A child listed by code alone carries its own points as weight, or 1 when it has none.
fn default_weight(raw: &RawFramework, id: NodeId) -> f64 {
    node_points(raw, id).unwrap_or(1.0)
}

fn node_points(raw: &RawFramework, id: NodeId) -> Option<f64> {
    match raw.indicators.get(id) {
        Some(indicator) => indicator.points,
        None => raw
            .aggregates
            .get(id - raw.indicators.len())
            .and_then(|a| a.points),
    }
}

fn all_have_points(raw: &RawFramework, children: &[Edge]) -> bool {
    children
        .iter()
        .all(|edge| node_points(raw, edge.child).is_some())
}

/// Children before parents; on a cycle, the codes along it.
fn topological_order(nodes: &[Node]) -> Result<Vec<NodeId>, Vec<NodeId>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; nodes.len()];
    let mut order = Vec::with_capacity(nodes.len());
    for start in 0..nodes.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, next child to visit).
        let mut stack = vec![(start, 0usize)];
        marks[start] = Mark::Active;
        while let Some(&mut (id, ref mut next)) = stack.last_mut() {
            let children: &[Edge] = match &nodes[id].kind {
                NodeKind::Aggregate { children, .. } => children,
                NodeKind::Indicator { .. } => &[],
            };
            if let Some(edge) = children.get(*next) {
                *next += 1;
                match marks[edge.child] {
                    Mark::New => {
                        marks[edge.child] = Mark::Active;
                        stack.push((edge.child, 0));
                    }
                    Mark::Active => {
                        let from = stack
                            .iter()
                            .position(|&(n, _)| n == edge.child)
                            .unwrap_or(0);
                        let mut path: Vec<NodeId> = stack[from..].iter().map(|&(n, _)| n).collect();
                        path.push(edge.child);
                        return Err(path);
                    }
                    Mark::Done => {}
                }
            } else {
                marks[id] = Mark::Done;
                order.push(id);
                stack.pop();
            }
        }
    }
    Ok(order)
}

fn reachable_from(nodes: &[Node], indices: &[NodeId]) -> Vec<bool> {
    let mut reached = vec![false; nodes.len()];
    let mut stack: Vec<NodeId> = indices.to_vec();
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut reached[id], true) {
            continue;
        }
        if let NodeKind::Aggregate { children, .. } = &nodes[id].kind {
            stack.extend(children.iter().map(|edge| edge.child));
        }
    }
    reached
}

/// Renumbers nodes into scoring order, rewriting every id that refers to them.
fn reorder(nodes: Vec<Node>, order: &[NodeId], indices: &[NodeId]) -> (Vec<Node>, Vec<NodeId>) {
    let mut new_id = vec![0; nodes.len()];
    for (position, &old) in order.iter().enumerate() {
        new_id[old] = position;
    }
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    let reordered = order
        .iter()
        .filter_map(|&old| slots[old].take())
        .map(|mut node| {
            for parent in &mut node.parents {
                parent.0 = new_id[parent.0];
            }
            if let NodeKind::Aggregate { children, .. } = &mut node.kind {
                for edge in children {
                    edge.child = new_id[edge.child];
                }
            }
            node
        })
        .collect();
    (reordered, indices.iter().map(|&old| new_id[old]).collect())
}
