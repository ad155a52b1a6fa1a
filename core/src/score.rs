//! Scoring: from checked inputs to every unit's value, points, points lost, rank and
//! contributions at every node.

use serde::Serialize;

use crate::check::{Inputs, check};
use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Aggregation, Edge, Framework, MissingPolicy, NodeId, NodeKind, Range};
use crate::text::{Names, round_to};

/// Everything the scorer computed for a data set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    /// The framework's id.
    pub framework: String,
    /// Decimals of the published values; ranks compare values rounded to this precision.
    pub precision: u32,
    /// The framework's nodes in scoring order (children before parents); every unit's
    /// `nodes` follows the same order.
    pub nodes: Vec<NodeInfo>,
    /// One entry per unit, in data order.
    pub units: Vec<UnitResult>,
    /// Warnings and notes from checking the data (scoring does not start when there are errors).
    pub diagnostics: Vec<Diagnostic>,
}

/// What a node is, for readers of [`Results`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeInfo {
    /// The node's code.
    pub code: String,
    /// Its names.
    pub names: Names,
    /// True for indicators (leaves), false for aggregates.
    pub indicator: bool,
    /// True for the framework's top-level indices.
    pub index: bool,
    /// The maximum points, when the node's value counts in points.
    pub max_points: Option<f64>,
    /// The range values fall in.
    pub scale: Range,
}

/// One unit's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitResult {
    /// The unit.
    #[serde(flatten)]
    pub unit: UnitInfo,
    /// One entry per node, in the order of [`Results::nodes`].
    pub nodes: Vec<NodeResult>,
}

/// Whether a node's value rests on data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Computed from data.
    Scored,
    /// No data; scored as the bottom of the scale by the missing-data policy.
    MissingAsZero,
    /// No data and no value.
    Missing,
    /// Too few children have data (below the framework's availability threshold).
    LowAvailability,
}

/// One node's result for one unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeResult {
    /// The node's code.
    pub code: String,
    /// For indicators, the raw value in the indicator's unit.
    pub raw: Option<f64>,
    /// The score (indicators) or aggregated value; `None` when it cannot be computed.
    pub value: Option<f64>,
    /// The value in points (value × maximum points).
    pub points: Option<f64>,
    /// Maximum points minus points.
    pub points_lost: Option<f64>,
    /// Rank among the units (1 = best); units equal at the published precision share the
    /// lower rank number.
    pub rank: Option<u32>,
    /// Whether the value rests on data.
    pub status: Status,
}

/// How much of an index's value comes from one indicator (see [`contributions`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contribution {
    /// The indicator's code.
    pub indicator: String,
    /// The index's code.
    pub index: String,
    /// The part of the index's value due to the indicator.
    pub value: f64,
    /// The same in points, when the index counts in points.
    pub points: Option<f64>,
}

impl Results {
    /// The position of a node in [`Results::nodes`].
    pub fn node_position(&self, code: &str) -> Option<usize> {
        self.nodes.iter().position(|node| node.code == code)
    }

    /// A unit's results.
    pub fn unit(&self, code: &str) -> Option<&UnitResult> {
        self.units.iter().find(|unit| unit.unit.code == code)
    }

    /// The value of a node for a unit.
    pub fn value(&self, unit: &str, node: &str) -> Option<f64> {
        self.unit(unit)?.node(node)?.value
    }
}

impl UnitResult {
    /// The result of a node by code.
    pub fn node(&self, code: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|node| node.code == code)
    }
}

/// Checks the data and scores it. Fails with every problem found when the data has errors;
/// otherwise the warnings and notes travel in [`Results::diagnostics`].
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let data = dti_core::Dataset::from_csv("code,I1,I2,I3,I4,I5,I7,I8,I9\n22,1,1,1,1,1,1,1,1\n", None);
/// let results = dti_core::score(&framework, &data.dataset).unwrap();
/// assert_eq!(results.value("22", "DTI"), Some(1.0));
/// ```
pub fn score(framework: &Framework, data: &Dataset) -> Result<Results, Failure> {
    let checked = check(framework, data);
    if has_errors(&checked.diagnostics) {
        return Err(Failure {
            diagnostics: checked.diagnostics,
        });
    }
    let mut results = compute(framework, &checked.inputs);
    let mut diagnostics = checked.diagnostics;
    diagnostics.append(&mut results.diagnostics);
    results.diagnostics = diagnostics;
    Ok(results)
}

/// Scores inputs that are already checked. Missing values follow the framework's policy;
/// under [`MissingPolicy::Reject`] they are treated as under [`MissingPolicy::Skip`] (the
/// check that rejects them is [`check`]).
pub fn compute(framework: &Framework, inputs: &Inputs) -> Results {
    let n = inputs.units().len();
    let nodes = framework.nodes();
    let scales = scales(framework, n);
    let mut values: Vec<Vec<Option<f64>>> = vec![Vec::new(); nodes.len()];
    let mut statuses: Vec<Vec<Status>> = vec![Vec::new(); nodes.len()];
    for id in framework.indicators() {
        (values[id], statuses[id]) = score_indicator(framework, id, inputs.column(id), scales[id]);
    }
    aggregate_all(framework, &scales, &mut values, &mut statuses);
    let mut diagnostics = Vec::new();
    for (id, node) in nodes.iter().enumerate() {
        let NodeKind::Aggregate { children, .. } = &node.kind else {
            continue;
        };
        for (unit, info) in inputs.units().iter().enumerate() {
            if statuses[id][unit] == Status::LowAvailability
                && let Some(share) = availability(children, &values, unit)
            {
                let location = Location::default().unit(&info.code).indicator(&node.code);
                let threshold = framework.min_availability();
                let problem = Problem::LowAvailability {
                    available: share,
                    threshold,
                };
                diagnostics.push(Diagnostic::warning(location, problem));
            }
        }
    }

    let precision = framework.precision();
    let ranks: Vec<Vec<Option<u32>>> = values
        .iter()
        .map(|column| rank(column, precision))
        .collect();
    let infos: Vec<NodeInfo> = nodes
        .iter()
        .enumerate()
        .map(|(id, node)| NodeInfo {
            code: node.code.clone(),
            names: node.names.clone(),
            indicator: node.is_indicator(),
            index: framework.indices().contains(&id),
            max_points: max_points(framework, id, scales[id]),
            scale: scales[id],
        })
        .collect();

    let units = inputs
        .units()
        .iter()
        .enumerate()
        .map(|(unit, info)| {
            let nodes = nodes
                .iter()
                .enumerate()
                .map(|(id, node)| {
                    let value = values[id][unit];
                    let (points, points_lost) = match (value, infos[id].max_points) {
                        (Some(v), Some(max)) => {
                            let points = if is_sum(framework, id) { v } else { v * max };
                            (Some(points), Some((max - points).max(0.0)))
                        }
                        _ => (None, None),
                    };
                    NodeResult {
                        code: node.code.clone(),
                        raw: if node.is_indicator() {
                            inputs.get(unit, id)
                        } else {
                            None
                        },
                        value,
                        points,
                        points_lost,
                        rank: ranks[id][unit],
                        status: statuses[id][unit],
                    }
                })
                .collect();
            UnitResult {
                unit: info.clone(),
                nodes,
            }
        })
        .collect();

    Results {
        framework: framework.id().to_string(),
        precision,
        nodes: infos,
        units,
        diagnostics,
    }
}

/// Every node's values (one column per node, one entry per unit) without assembling
/// [`Results`]: the fast path for analyses that rescore many times.
pub(crate) fn node_values(framework: &Framework, inputs: &Inputs) -> Vec<Vec<Option<f64>>> {
    let scales = scales(framework, inputs.units().len());
    let mut values: Vec<Vec<Option<f64>>> = vec![Vec::new(); framework.nodes().len()];
    let mut statuses: Vec<Vec<Status>> = vec![Vec::new(); framework.nodes().len()];
    for id in framework.indicators() {
        (values[id], statuses[id]) = score_indicator(framework, id, inputs.column(id), scales[id]);
    }
    aggregate_all(framework, &scales, &mut values, &mut statuses);
    values
}

/// Scores one indicator's column; missing values follow the framework's policy.
fn score_indicator(
    framework: &Framework,
    id: NodeId,
    raw: &[Option<f64>],
    scale: Range,
) -> (Vec<Option<f64>>, Vec<Status>) {
    let node = framework.node(id);
    let Some(rule) = node.rule() else {
        return (Vec::new(), Vec::new());
    };
    let mut scores = rule.apply(raw, node.unit, node.range, node.direction);
    let mut status = vec![Status::Scored; raw.len()];
    for (unit, value) in raw.iter().enumerate() {
        if value.is_some() {
            continue;
        }
        if framework.missing() == MissingPolicy::Zero {
            scores[unit] = Some(if scale.low.is_finite() {
                scale.low
            } else {
                0.0
            });
            status[unit] = Status::MissingAsZero;
        } else {
            status[unit] = Status::Missing;
        }
    }
    (scores, status)
}

/// Fills every aggregate's column from its children's, in scoring order. `values` and
/// `statuses` hold one column per node; the indicators' columns must be filled already.
pub(crate) fn aggregate_all(
    framework: &Framework,
    scales: &[Range],
    values: &mut [Vec<Option<f64>>],
    statuses: &mut [Vec<Status>],
) {
    let n = framework
        .indicators()
        .next()
        .map(|leaf| values[leaf].len())
        .unwrap_or(0);
    let mut present = Vec::new();
    for (id, node) in framework.nodes().iter().enumerate() {
        let NodeKind::Aggregate { method, children } = &node.kind else {
            continue;
        };
        let mut column = Vec::with_capacity(n);
        let mut status = Vec::with_capacity(n);
        for unit in 0..n {
            let (value, state) = aggregate(
                *method,
                children,
                values,
                unit,
                framework.min_availability(),
                &mut present,
            );
            column.push(value.map(|v| v.clamp(scales[id].low, scales[id].high)));
            status.push(state);
        }
        values[id] = column;
        statuses[id] = status;
    }
}

fn is_sum(framework: &Framework, id: NodeId) -> bool {
    matches!(
        framework.node(id).kind,
        NodeKind::Aggregate {
            method: Aggregation::Sum,
            ..
        }
    )
}

/// A node's maximum points: a sum's top of scale, or the declared points of a node valued 0..1.
fn max_points(framework: &Framework, id: NodeId, scale: Range) -> Option<f64> {
    if is_sum(framework, id) {
        return Some(scale.high).filter(|h| h.is_finite());
    }
    framework
        .node(id)
        .points
        .filter(|_| scale.low == 0.0 && scale.high == 1.0)
}

/// The range each node's values fall in, for `n` units.
pub(crate) fn scales(framework: &Framework, n: usize) -> Vec<Range> {
    let mut scales: Vec<Range> = Vec::with_capacity(framework.nodes().len());
    for node in framework.nodes() {
        let scale = match &node.kind {
            NodeKind::Indicator { rule } => rule.scale(n),
            NodeKind::Aggregate {
                method: Aggregation::Sum,
                children,
            } => {
                let positive = children.iter().filter(|e| e.weight > 0.0);
                let low = positive
                    .clone()
                    .map(|e| e.weight * scales[e.child].low)
                    .sum();
                let high = positive.map(|e| e.weight * scales[e.child].high).sum();
                Range { low, high }
            }
            NodeKind::Aggregate { children, .. } => {
                let positive = children.iter().filter(|e| e.weight > 0.0);
                let low = positive
                    .clone()
                    .map(|e| scales[e.child].low)
                    .fold(f64::INFINITY, f64::min);
                let high = positive
                    .map(|e| scales[e.child].high)
                    .fold(f64::NEG_INFINITY, f64::max);
                Range { low, high }
            }
        };
        scales.push(scale);
    }
    scales
}

/// The share of an aggregate's weighted children that have a value, if any have a weight.
fn availability(children: &[Edge], values: &[Vec<Option<f64>>], unit: usize) -> Option<f64> {
    let (mut weighted, mut present) = (0usize, 0usize);
    for edge in children.iter().filter(|e| e.weight > 0.0) {
        weighted += 1;
        present += usize::from(values[edge.child][unit].is_some());
    }
    (weighted > 0).then(|| present as f64 / weighted as f64)
}

/// One aggregate's value for one unit; `present` is scratch space reused across calls.
fn aggregate(
    method: Aggregation,
    children: &[Edge],
    values: &[Vec<Option<f64>>],
    unit: usize,
    threshold: f64,
    present: &mut Vec<(f64, f64)>,
) -> (Option<f64>, Status) {
    present.clear();
    present.extend(
        children
            .iter()
            .filter(|e| e.weight > 0.0)
            .filter_map(|e| values[e.child][unit].map(|x| (x, e.weight))),
    );
    if present.is_empty() {
        return (None, Status::Missing);
    }
    if availability(children, values, unit).is_some_and(|share| share < threshold) {
        return (None, Status::LowAvailability);
    }
    (Some(combine(method, present)), Status::Scored)
}

/// Combines `(value, weight)` pairs (all weights positive, at least one pair).
pub(crate) fn combine(method: Aggregation, present: &[(f64, f64)]) -> f64 {
    let total: f64 = present.iter().map(|(_, w)| w).sum();
    let any_zero = present.iter().any(|(x, _)| *x <= 0.0);
    match method {
        Aggregation::Mean => present.iter().map(|(x, w)| x * w).sum::<f64>() / total,
        Aggregation::Sum => present.iter().map(|(x, w)| x * w).sum(),
        Aggregation::Minimum => present
            .iter()
            .map(|(x, _)| *x)
            .fold(f64::INFINITY, f64::min),
        Aggregation::Geometric | Aggregation::Harmonic if any_zero => 0.0,
        Aggregation::Geometric => {
            libm::exp(present.iter().map(|(x, w)| w * libm::log(*x)).sum::<f64>() / total)
        }
        Aggregation::Harmonic => total / present.iter().map(|(x, w)| w / x).sum::<f64>(),
        Aggregation::PowerMean { p } if p < 0.0 && any_zero => 0.0,
        Aggregation::PowerMean { p } => {
            let mean = present
                .iter()
                .map(|(x, w)| w * libm::pow(x.max(0.0), p))
                .sum::<f64>()
                / total;
            libm::pow(mean, 1.0 / p)
        }
    }
}

/// Ranks a column: 1 for the highest value at the given precision; ties share the lower number.
pub fn rank(column: &[Option<f64>], precision: u32) -> Vec<Option<u32>> {
    let mut published: Vec<f64> = column
        .iter()
        .flatten()
        .map(|v| round_to(*v, precision))
        .collect();
    published.sort_by(|a, b| b.total_cmp(a));
    column
        .iter()
        .map(|value| {
            let v = round_to((*value)?, precision);
            Some(published.partition_point(|&other| other > v) as u32 + 1)
        })
        .collect()
}

/// Each indicator's part of each index's value for one unit (by position in
/// [`Results::units`]), for the indices built by weighted means and sums only: there the
/// contributions of an index add up to its value. Computed on demand, so large data sets do
/// not carry units × indicators × indices numbers they may never read.
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let (data, _) = dti_core::embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let results = dti_core::score(&framework, &data).unwrap();
/// let parts = dti_core::score::contributions(&framework, &results, 0);
/// let dti: f64 = parts.iter().filter(|c| c.index == "DTI").map(|c| c.value).sum();
/// assert!((dti - results.value("22", "DTI").unwrap()).abs() < 1e-12);
/// // Digital-government activity: 200 of 1000 points × 0.8385.
/// let i7 = parts.iter().find(|c| c.index == "DTI" && c.indicator == "I7").unwrap();
/// assert!((i7.points.unwrap() - 167.7).abs() < 1e-9);
/// ```
pub fn contributions(framework: &Framework, results: &Results, unit: usize) -> Vec<Contribution> {
    let Some(row) = results.units.get(unit) else {
        return Vec::new();
    };
    let values: Vec<Option<f64>> = row.nodes.iter().map(|node| node.value).collect();
    if values.len() != framework.nodes().len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut shares = vec![0.0; values.len()];
    for &index in framework.indices() {
        if framework.node(index).is_indicator()
            || !linear_below(framework, index)
            || values[index].is_none()
        {
            continue;
        }
        shares.fill(0.0);
        spread(framework, &values, index, 1.0, &mut shares);
        let sum = is_sum(framework, index);
        for leaf in framework
            .indicators()
            .filter(|&leaf| framework.reaches(index, leaf))
        {
            let value = shares[leaf];
            let points = results.nodes[index]
                .max_points
                .map(|max| if sum { value } else { value * max });
            out.push(Contribution {
                indicator: framework.node(leaf).code.clone(),
                index: framework.node(index).code.clone(),
                value,
                points,
            });
        }
    }
    out
}

/// Passes `factor` down from an aggregate to the leaves, through present children only.
fn spread(
    framework: &Framework,
    values: &[Option<f64>],
    id: NodeId,
    factor: f64,
    shares: &mut [f64],
) {
    let Some(value) = values[id] else { return };
    match &framework.node(id).kind {
        NodeKind::Indicator { .. } => shares[id] += factor * value,
        NodeKind::Aggregate { method, children } => {
            let present = children
                .iter()
                .filter(|e| e.weight > 0.0 && values[e.child].is_some());
            let total: f64 = if *method == Aggregation::Sum {
                1.0
            } else {
                present.clone().map(|e| e.weight).sum()
            };
            for edge in present {
                spread(
                    framework,
                    values,
                    edge.child,
                    factor * edge.weight / total,
                    shares,
                );
            }
        }
    }
}

fn linear_below(framework: &Framework, id: NodeId) -> bool {
    match &framework.node(id).kind {
        NodeKind::Indicator { .. } => true,
        NodeKind::Aggregate { method, children } => {
            method.is_linear() && children.iter().all(|e| linear_below(framework, e.child))
        }
    }
}
