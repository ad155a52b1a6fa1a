//! Validation: from a framework file to a [`Framework`] the engine can use, every problem
//! reported at once.

use std::collections::HashMap;

use super::file::{ChildFile, FrameworkFile};
use super::{Direction, Edge, Framework, Node, NodeId, NodeKind, Range, Unit};
use crate::aggregation::{Aggregation, MethodError};
use crate::diagnostic::{Diagnostic, Failure, Invalid, Location, Problem};

pub(crate) fn build(raw: FrameworkFile, origin: Option<&str>) -> Result<Framework, Failure> {
    let mut problems = Vec::new();
    let here = |code: &str| Location::file(origin).indicator(code);
    let here_aggregate = |code: &str| Location::file(origin).aggregate(code);
    let mut report =
        |location: Location, problem: Problem| problems.push(Diagnostic::error(location, problem));

    if raw.id.trim().is_empty() {
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "id".into(),
                why: Invalid::Empty,
            },
        );
    }
    if raw.precision > 12 {
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "precision".into(),
                why: Invalid::TooManyDecimals {
                    given: u64::from(raw.precision),
                    most: 12,
                },
            },
        );
    }
    if !(0.0..=1.0).contains(&raw.min_availability) {
        report(
            Location::file(origin),
            Problem::BadSetting {
                setting: "min_availability".into(),
                why: Invalid::NotAShare {
                    value: raw.min_availability,
                    below_one: false,
                },
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
            report(
                here(code),
                Problem::BadSetting {
                    setting: "code".into(),
                    why: Invalid::BadCode {
                        code: code.to_string(),
                    },
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
        for problem in indicator
            .rule
            .check(indicator.unit, range, indicator.target)
        {
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
        let method = match Aggregation::from_parts(&aggregate.method, aggregate.p) {
            Ok(method) => Some(method),
            Err(error) => {
                report(
                    here_aggregate(&aggregate.code),
                    method_problem(&aggregate.method, error),
                );
                None
            }
        };
        check_points(aggregate.points, &aggregate.code, origin, &mut report);
        if aggregate.children.is_empty() {
            report(
                here_aggregate(&aggregate.code),
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
                report(here_aggregate(&aggregate.code), problem);
                continue;
            };
            let weight = match child {
                ChildFile::Weighted { weight, .. } => *weight,
                ChildFile::Code(_) => default_weight(&raw, id),
            };
            if !super::is_weight(weight) {
                let problem = Problem::BadWeight {
                    parent: aggregate.code.clone(),
                    child: child.code().into(),
                    weight,
                };
                report(here_aggregate(&aggregate.code), problem);
                continue;
            }
            if children.iter().any(|edge: &Edge| edge.child == id) {
                report(
                    here_aggregate(&aggregate.code),
                    Problem::BadSetting {
                        setting: "children".into(),
                        why: Invalid::ListedTwice {
                            code: child.code().to_string(),
                        },
                    },
                );
                continue;
            }
            children.push(Edge { child: id, weight });
        }
        if !aggregate.children.is_empty() && !usable_total(&children) {
            report(
                here_aggregate(&aggregate.code),
                Problem::NoWeight {
                    code: aggregate.code.clone(),
                },
            );
        }
        // Aggregates without their own points get them once every node is in order.
        let points = aggregate.points;
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
                method: method.unwrap_or_default(),
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
        Err(cycles) => {
            let diagnostics = cycles
                .iter()
                .map(|cycle| {
                    let path = cycle.iter().map(|&id| nodes[id].code.clone()).collect();
                    Diagnostic::error(Location::file(origin), Problem::Cycle { path })
                })
                .collect();
            return Err(Failure { diagnostics });
        }
    };
    let reached = reachable_from(&nodes, &indices);
    let unreachable: Vec<Diagnostic> = (0..nodes.len())
        .filter(|&id| !reached[id])
        .map(|id| {
            let location = match nodes[id].kind {
                NodeKind::Aggregate { .. } => here_aggregate(&nodes[id].code),
                NodeKind::Indicator { .. } => here(&nodes[id].code),
            };
            Diagnostic::error(
                location,
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
                    why: Invalid::NotFinite {
                        code: code.clone(),
                        value: *value,
                    },
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

    let (mut nodes, indices) = reorder(nodes, &order, &indices);
    derive_points(&mut nodes);
    let mut later = method_problems(&nodes, origin);
    later.extend(weight_set_problems(&raw.weights, &nodes, origin));
    #[cfg(feature = "pipeline")]
    if let Some(spec) = &raw.pipeline {
        later.extend(crate::pipeline::spec_problems(spec, &nodes, origin));
    }
    if !later.is_empty() {
        return Err(Failure { diagnostics: later });
    }
    let levels = levels(&nodes);
    let mut count = 0;
    let leaf_positions = nodes
        .iter()
        .map(|node| {
            node.is_indicator().then(|| {
                count += 1;
                count - 1
            })
        })
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    let shared = super::shared(&nodes);
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
        weight_sets: raw.weights,
        #[cfg(feature = "pipeline")]
        pipeline: raw.pipeline,
        levels,
        leaf_positions,
        #[cfg(not(target_arch = "wasm32"))]
        shared,
    })
}

/// The problem to report for an aggregation method that does not read.
fn method_problem(name: &str, error: MethodError) -> Problem {
    match error {
        MethodError::Unknown {
            renamed: Some(new), ..
        } => Problem::OldSpelling {
            old: format!("method = \"{name}\""),
            new: format!("method = \"{new}\""),
        },
        MethodError::Unknown { name, .. } => Problem::UnknownMethod { name },
        MethodError::BadExponent => Problem::BadExponent,
        MethodError::UnexpectedExponent { name } => Problem::UnexpectedExponent { method: name },
    }
}

/// A total weight aggregation can divide by: positive and finite.
pub(crate) fn usable_total(children: &[Edge]) -> bool {
    let total: f64 = children.iter().map(|edge| edge.weight).sum();
    total.is_finite() && total > 0.0
}

/// Each node's level: indicators 1, an aggregate one above its highest child (nodes are in
/// scoring order, children first).
fn levels(nodes: &[Node]) -> Vec<u32> {
    let mut levels = vec![1; nodes.len()];
    for (id, node) in nodes.iter().enumerate() {
        if let NodeKind::Aggregate { children, .. } = &node.kind {
            levels[id] = children.iter().map(|e| levels[e.child]).max().unwrap_or(0) + 1;
        }
    }
    levels
}

pub(crate) fn not_a(framework: &Framework, node: NodeId, what: &str) -> Failure {
    let code = framework
        .nodes
        .get(node)
        .map(|n| n.code.clone())
        .unwrap_or_else(|| format!("#{node}"));
    let problem = if what == "aggregate" {
        Problem::NotAnAggregate { code: code.clone() }
    } else {
        Problem::NotAnIndicator { code: code.clone() }
    };
    Failure {
        diagnostics: vec![Diagnostic::error(
            Location::default().indicator(&code),
            problem,
        )],
    }
}

/// Geometric, harmonic and power means are only defined for non-negative values: report
/// such aggregates over children whose scores can be negative (z-scores, shifted min-max,
/// Copeland scores).
pub(crate) fn method_problems(nodes: &[Node], origin: Option<&str>) -> Vec<Diagnostic> {
    let mut lowest = vec![0.0f64; nodes.len()];
    let mut problems = Vec::new();
    for (id, node) in nodes.iter().enumerate() {
        lowest[id] = match &node.kind {
            NodeKind::Indicator { rule } => rule.scale(1).low,
            NodeKind::Aggregate { method, children } => {
                let low = children
                    .iter()
                    .filter(|e| e.weight > 0.0)
                    .map(|e| lowest[e.child])
                    .fold(f64::INFINITY, f64::min);
                if method.needs_non_negative() && low < 0.0 {
                    let location = Location::file(origin).indicator(&node.code);
                    problems.push(Diagnostic::error(
                        location,
                        Problem::ChildrenCanBeNegative {
                            method: method.name().into(),
                        },
                    ));
                }
                match method {
                    Aggregation::Sum => low.min(0.0),
                    Aggregation::Copeland => f64::NEG_INFINITY,
                    _ => low,
                }
            }
        };
    }
    problems
}

/// Every weight set names nodes that have parents, gives weights a framework can take, and
/// leaves every aggregate a positive total.
fn weight_set_problems(
    sets: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, f64>>,
    nodes: &[Node],
    origin: Option<&str>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (set, weights) in sets {
        let mut report = |code: &str, problem: Problem| {
            let aggregate = nodes
                .iter()
                .any(|n| n.code == code && matches!(n.kind, NodeKind::Aggregate { .. }));
            let location = Location::file(origin);
            let location = if aggregate {
                location.aggregate(code)
            } else {
                location.indicator(code)
            };
            problems.push(Diagnostic::error(location, problem))
        };
        let mut fine = true;
        for (code, &weight) in weights {
            let node = nodes.iter().find(|n| n.code == *code);
            let problem = match node {
                None => Problem::UnknownCode {
                    code: code.clone(),
                    referenced_by: format!("weights.{set}"),
                },
                Some(node) if node.parents.is_empty() => Problem::WeightOfTopNode {
                    set: set.clone(),
                    code: code.clone(),
                },
                Some(_) if !super::is_weight(weight) => Problem::BadSetWeight {
                    set: set.clone(),
                    code: code.clone(),
                    weight,
                },
                Some(_) => continue,
            };
            fine = false;
            report(code, problem);
        }
        if !fine {
            continue;
        }
        for node in nodes {
            let NodeKind::Aggregate { children, .. } = &node.kind else {
                continue;
            };
            let reweighted: Vec<Edge> = children
                .iter()
                .map(|edge| Edge {
                    child: edge.child,
                    weight: weights
                        .get(&nodes[edge.child].code)
                        .copied()
                        .unwrap_or(edge.weight),
                })
                .collect();
            if !usable_total(&reweighted) {
                report(
                    &node.code,
                    Problem::SetLeavesNoWeight {
                        set: set.clone(),
                        code: node.code.clone(),
                    },
                );
            }
        }
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
        && !super::is_weight(points)
    {
        report(
            Location::file(origin).indicator(code),
            Problem::BadPoints {
                code: code.to_string(),
                points,
            },
        );
    }
}

/// A child listed by code alone carries its own points as weight, or 1 when it has none.
fn default_weight(raw: &FrameworkFile, id: NodeId) -> f64 {
    node_points(raw, id).unwrap_or(1.0)
}

fn node_points(raw: &FrameworkFile, id: NodeId) -> Option<f64> {
    match raw.indicators.get(id) {
        Some(indicator) => indicator.points,
        None => raw
            .aggregates
            .get(id - raw.indicators.len())
            .and_then(|a| a.points),
    }
}

/// An aggregate without its own points counts in points when each child carries its points
/// as its weight (as a child listed by code alone does): its points are then their total.
/// Children come first, so points derived this way count for the parents too.
fn derive_points(nodes: &mut [Node]) {
    for id in 0..nodes.len() {
        let NodeKind::Aggregate { children, .. } = &nodes[id].kind else {
            continue;
        };
        if nodes[id].points.is_some() {
            continue;
        }
        let total: f64 = children.iter().map(|edge| edge.weight).sum();
        let in_points = children
            .iter()
            .all(|edge| nodes[edge.child].points == Some(edge.weight));
        if in_points && total > 0.0 {
            nodes[id].points = Some(total);
        }
    }
}

/// The nodes in an order where every child comes before its parents, or every loop the
/// search meets (one per edge that closes a loop), each as the codes along it.
fn topological_order(nodes: &[Node]) -> Result<Vec<NodeId>, Vec<Vec<NodeId>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; nodes.len()];
    let mut order = Vec::with_capacity(nodes.len());
    let mut cycles = Vec::new();
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
                        cycles.push(path);
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
    if cycles.is_empty() {
        Ok(order)
    } else {
        Err(cycles)
    }
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
