//! Goal seeking: the cheapest set of indicator improvements that takes a unit to a target
//! value or rank.

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::UnitInfo;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::framework::NodeKind;
use crate::framework::{Framework, NodeId};
use crate::score::{Status, aggregate_all, compute, scales};
use crate::table::Table;
use crate::text::round_to;

/// What to reach.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A value of the node (at the framework's published precision).
    Value {
        /// The value.
        value: f64,
    },
    /// A rank among the units (1 = best), other units held fixed.
    Rank {
        /// The rank.
        rank: u32,
    },
}

/// One indicator to improve.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// The indicator's code.
    pub indicator: String,
    /// Its score now.
    pub from: f64,
    /// The score to reach.
    pub to: f64,
    /// The raw value now, in the indicator's unit.
    pub raw_from: Option<f64>,
    /// The raw value that earns the new score (absolute rules only).
    pub raw_to: Option<f64>,
    /// The node's gain from this step, taken in plan order.
    pub gain: f64,
    /// The effort: the score change as a share of the indicator's scale times its cost.
    pub cost: f64,
}

/// A plan to reach a target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// The unit.
    pub unit: UnitInfo,
    /// The node the target is on.
    pub node: String,
    /// The node's value now.
    pub start: f64,
    /// The value the target requires.
    pub target_value: f64,
    /// True when the plan reaches the target.
    pub reachable: bool,
    /// The value the plan reaches (when unreachable, the best any improvement reaches).
    pub reached: f64,
    /// The steps in the order the plan takes them: by gain per unit of effort, largest first.
    pub steps: Vec<Step>,
    /// The total effort.
    pub total_cost: f64,
}

/// The share of an indicator's scale a continuous improvement moves at a time.
const STEP: f64 = 0.05;

/// Finds a small, cheap set of improvements that brings `node` of `unit` to the target.
///
/// Improvements are chosen greedily by gain per unit of effort, in steps of 5 % of an
/// indicator's scale (or to its next tier), and the last step is cut to exactly what the
/// target needs. `costs` gives the effort of raising an indicator across its whole scale
/// (1 when absent). For weighted means, the greedy choice is the cheapest plan; for other
/// aggregations it is a good one. Scores of relative rules are held as if the other units
/// did not move.
///
/// ```
/// use dti_core::{analysis::goal::{seek, Target}, check, embedded};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let dti = framework.find("DTI").unwrap();
/// let plan = seek(&framework, &table, 0, dti, Target::Value { value: 0.75 }, &Default::default()).unwrap();
/// assert!(plan.reachable && plan.reached >= 0.75 - 5e-5);
/// // With equal effort everywhere, the indicators with the most points come first.
/// assert_eq!(plan.steps[0].indicator, "I7");
/// ```
pub fn seek(
    framework: &Framework,
    table: &Table,
    unit: usize,
    node: NodeId,
    target: Target,
    costs: &HashMap<NodeId, f64>,
) -> Result<Plan, Failure> {
    let Some(info) = table.units().get(unit) else {
        return Err(super::unknown(&format!("#{unit}"), "goal"));
    };
    if node >= framework.nodes().len() {
        return Err(super::unknown(&format!("#{node}"), "goal"));
    }
    let results = compute(framework, table)?;
    let precision = framework.precision();
    let start = results.units[unit].nodes[node].value.unwrap_or(0.0);
    let target_value = match target {
        Target::Value { value } if value.is_finite() => value,
        Target::Rank { rank } if rank >= 1 => {
            let mut others: Vec<f64> = results
                .units
                .iter()
                .enumerate()
                .filter(|(u, _)| *u != unit)
                .filter_map(|(_, r)| r.nodes[node].value)
                .map(|v| round_to(v, precision))
                .collect();
            others.sort_by(|a, b| b.total_cmp(a));
            others
                .get(rank as usize - 1)
                .copied()
                .unwrap_or(f64::NEG_INFINITY)
                .max(start.min(f64::MAX))
        }
        _ => {
            let detail = "the target must be a finite value or a rank of 1 or more".to_string();
            let problem = Problem::BadSetting {
                setting: "target".into(),
                detail,
            };
            return Err(Failure {
                diagnostics: vec![Diagnostic::error(Location::default(), problem)],
            });
        }
    };
    let met = |value: f64| round_to(value, precision) >= round_to(target_value, precision);

    let scales = scales(framework, table.n_units());
    // Each node's values, re-aggregated after each change. Only this unit's values change, so
    // unless an aggregate compares units (Copeland), this unit's column alone is aggregated.
    let compares = framework
        .nodes()
        .iter()
        .any(|n| matches!(&n.kind, NodeKind::Aggregate { method, .. } if method.is_relative()));
    let (rows, row): (Vec<usize>, usize) = if compares {
        ((0..table.n_units()).collect(), unit)
    } else {
        (vec![unit], 0)
    };
    let units: Vec<crate::UnitInfo> = rows.iter().map(|&r| table.units()[r].clone()).collect();
    let mut values: Vec<Vec<Option<f64>>> = (0..framework.nodes().len())
        .map(|id| {
            rows.iter()
                .map(|&r| results.units[r].nodes[id].value)
                .collect()
        })
        .collect();
    let mut states: Vec<Vec<Status>> = (0..framework.nodes().len())
        .map(|id| {
            rows.iter()
                .map(|&r| results.units[r].nodes[id].status)
                .collect()
        })
        .collect();
    let original: Vec<Option<f64>> = values.iter().map(|v| v[row]).collect();
    let evaluate = |values: &mut Vec<Vec<Option<f64>>>,
                    states: &mut Vec<Vec<Status>>|
     -> Result<f64, Failure> {
        aggregate_all(framework, &scales, values, states, &units)
            .map_err(|diagnostics| Failure { diagnostics })?;
        Ok(values[node][row].unwrap_or(0.0))
    };
    let leaves: Vec<NodeId> = framework
        .indicators()
        .filter(|&leaf| framework.reaches(node, leaf))
        .collect();
    let top = |leaf: NodeId| {
        if scales[leaf].high.is_finite() {
            scales[leaf].high
        } else {
            f64::INFINITY
        }
    };
    let width = |leaf: NodeId| {
        if scales[leaf].is_finite() {
            scales[leaf].high - scales[leaf].low
        } else {
            1.0
        }
    };
    let bottom = |leaf: NodeId| {
        if scales[leaf].low.is_finite() {
            scales[leaf].low
        } else {
            0.0
        }
    };
    for &leaf in &leaves {
        if values[leaf][row].is_none() {
            values[leaf][row] = Some(bottom(leaf));
        }
    }
    let cost_of = |leaf: NodeId| {
        costs
            .get(&leaf)
            .copied()
            .filter(|c| c.is_finite() && *c > 0.0)
            .unwrap_or(1.0)
    };

    let mut current = evaluate(&mut values, &mut states)?;
    let mut gains: HashMap<NodeId, f64> = HashMap::new();
    let mut chosen: Vec<NodeId> = Vec::new(); // the order indicators were first picked in
    for _ in 0..100_000 {
        if met(current) {
            break;
        }
        // The next step of every indicator that can still improve, by gain per effort.
        let mut best: Option<(NodeId, f64, f64, f64)> = None; // (leaf, next score, gain, ratio)
        for &leaf in &leaves {
            let score = values[leaf][row].unwrap_or(0.0);
            let next = match framework.node(leaf).rule().and_then(|rule| rule.levels()) {
                Some(levels) => levels.into_iter().find(|&level| level > score + 1e-12),
                // The next point of a 5 % grid over the scale, so plans read 0.65, 0.70, … 1.
                None => {
                    let step = STEP * width(leaf);
                    let grid =
                        bottom(leaf) + ((score - bottom(leaf)) / step + 1e-9).floor() * step + step;
                    Some(grid.min(top(leaf)))
                }
            };
            let Some(next) = next.filter(|&n| n > score) else {
                continue;
            };
            let mut trial = values.clone();
            trial[leaf][row] = Some(next);
            let gain = evaluate(&mut trial, &mut states.clone())? - current;
            let effort = cost_of(leaf) * (next - score) / width(leaf);
            let ratio = gain / effort;
            // Ties within rounding noise go to the indicator listed first, so plans fill one
            // indicator at a time instead of alternating between equals.
            if gain > 1e-15 && best.is_none_or(|(_, _, _, r)| ratio > r * (1.0 + 1e-9)) {
                best = Some((leaf, next, gain, ratio));
            }
        }
        let Some((leaf, mut next, _, _)) = best else {
            break;
        };
        let score = values[leaf][row].unwrap_or(0.0);
        let continuous = framework
            .node(leaf)
            .rule()
            .and_then(|rule| rule.levels())
            .is_none();
        // Cut a continuous step to exactly what the target needs.
        let mut trial = values.clone();
        trial[leaf][row] = Some(next);
        if continuous && met(evaluate(&mut trial, &mut states.clone())?) {
            let (mut low, mut high) = (score, next);
            for _ in 0..60 {
                let middle = (low + high) / 2.0;
                let mut probe = values.clone();
                probe[leaf][row] = Some(middle);
                if met(evaluate(&mut probe, &mut states.clone())?) {
                    high = middle
                } else {
                    low = middle
                }
            }
            next = high;
        }
        values[leaf][row] = Some(next);
        let reached = evaluate(&mut values, &mut states)?;
        *gains.entry(leaf).or_insert(0.0) += reached - current;
        if !chosen.contains(&leaf) {
            chosen.push(leaf);
        }
        current = reached;
    }

    let mut steps: Vec<Step> = leaves
        .iter()
        .filter(|&&leaf| {
            values[leaf][row].unwrap_or(0.0) > original[leaf].unwrap_or(bottom(leaf)) + 1e-15
        })
        .map(|&leaf| {
            let indicator = framework.node(leaf);
            let from = original[leaf].unwrap_or(bottom(leaf));
            let to = values[leaf][row].unwrap_or(from);
            let raw_to = indicator.rule().and_then(|rule| {
                rule.raw_for(to, indicator.unit, indicator.range, indicator.direction)
            });
            Step {
                indicator: indicator.code.clone(),
                from,
                to,
                raw_from: table
                    .indicator(framework, leaf)
                    .and_then(|column| column.get(unit).copied().flatten()),
                raw_to,
                gain: gains.get(&leaf).copied().unwrap_or(0.0),
                cost: cost_of(leaf) * (to - from) / width(leaf),
            }
        })
        .collect();
    // The greedy order is the order of gain per effort, ties resolved as they were chosen.
    let position = |code: &str| {
        chosen
            .iter()
            .position(|&leaf| framework.node(leaf).code == code)
    };
    steps.sort_by_key(|step| position(&step.indicator));
    let total_cost = steps.iter().map(|s| s.cost).sum();
    Ok(Plan {
        unit: info.clone(),
        node: framework.node(node).code.clone(),
        start,
        target_value,
        reachable: met(current),
        reached: current,
        steps,
        total_cost,
    })
}

/// Reads per-indicator effort costs from CSV text: lines `indicator,cost` (comma, semicolon
/// or tab; an optional header line naming `cost` or `chi phí`). A cost is a positive number:
/// the effort of raising the indicator across its whole scale.
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let costs = dti_core::analysis::goal::parse_costs(&framework, "indicator;cost\nI7;2,5\n", None).unwrap();
/// assert_eq!(costs[&framework.find("I7").unwrap()], 2.5);
/// ```
pub fn parse_costs(
    framework: &Framework,
    text: &str,
    origin: Option<&str>,
) -> Result<HashMap<NodeId, f64>, Failure> {
    let mut problems = Vec::new();
    let mut costs = HashMap::new();
    for (k, record) in crate::side_file::records(text, origin)?.iter().enumerate() {
        let cell = |i: usize| record.cells.get(i).map(String::as_str).unwrap_or("");
        let (code, cost) = (cell(0), cell(1));
        let number = crate::value::parse_number(cost);
        // The first line may be a header (`indicator,cost`, `chỉ tiêu;chi phí`).
        if k == 0 && crate::dataset::field(code).is_some() {
            continue;
        }
        let location = Location::file(origin).at(record.line, 1).indicator(code);
        let Some(id) = framework
            .find(code)
            .filter(|&id| framework.node(id).is_indicator())
        else {
            problems.push(Diagnostic::error(location, Problem::UnknownIndicator));
            continue;
        };
        match number {
            Some(value) if value > 0.0 => {
                costs.insert(id, value);
            }
            _ => problems.push(Diagnostic::error(
                location.at(record.line, 2),
                Problem::BadValue {
                    text: cost.to_string(),
                },
            )),
        }
    }
    if problems.is_empty() {
        Ok(costs)
    } else {
        Err(Failure {
            diagnostics: problems,
        })
    }
}
