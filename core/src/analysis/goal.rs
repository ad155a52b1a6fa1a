//! Goal seeking: the cheapest set of indicator improvements that takes a unit to a target
//! value or rank.

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::UnitInfo;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::framework::NodeKind;
use crate::framework::{Direction, Framework, NodeId, Range};
use crate::score::{Results, Status, aggregate_all, compute, scales};
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
    /// The score to reach: the score of `raw_to` where there is one, else a score rounded to
    /// the framework's precision.
    pub to: f64,
    /// The raw value now, in the indicator's unit.
    pub raw_from: Option<f64>,
    /// The raw value to enter, rounded to [`RAW_DECIMALS`] as printed (absolute rules only).
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
    /// True when the plan, with its values as printed, reaches the target at the published
    /// precision.
    pub reachable: bool,
    /// The value the plan's values as printed give (when unreachable, the best any
    /// improvement reaches).
    pub reached: f64,
    /// The steps in the order the plan takes them: by gain per unit of effort, largest first.
    pub steps: Vec<Step>,
    /// The total effort.
    pub total_cost: f64,
}

/// The share of an indicator's scale a continuous improvement moves at a time.
const STEP: f64 = 0.05;

/// The decimals of a plan's raw values: each is rounded to them, as the tools print it, and
/// the plan is checked with the rounded values, so that entering the printed values (for
/// example with `dti whatif --set`) reaches the target.
pub const RAW_DECIMALS: u32 = 4;

/// The most printed steps the check of a plan adds where rounding fell short.
const MOST_NUDGES: usize = 10_000;

/// A new value of a plan as it is shown: a raw value for the rules that give one, else a
/// score (rounded to the framework's precision).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shown {
    Raw(f64),
    Score(f64),
}

/// Finds a small, cheap set of improvements that brings `node` of `unit` to the target.
///
/// Improvements are chosen greedily by gain per unit of effort, in steps of 5 % of an
/// indicator's scale (or to its next tier), and the last step is cut to exactly what the
/// target needs. The plan is then given as it is printed: each new raw value rounded to
/// [`RAW_DECIMALS`] (a score, where the rule gives no raw value, to the framework's
/// precision), the unit scored again with those values, and where rounding fell short one
/// printed step added in the improving direction until the target is met, or found out of
/// reach. Targets are compared at the framework's published precision, as ranks are. `costs`
/// gives the effort of raising an indicator across its whole scale (1 when absent). For weighted means, the greedy choice is the cheapest plan; for other
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
    let results = compute(framework, table)?;
    seek_scored(framework, table, &results, unit, node, target, costs)
}

/// [`seek`] for a table already scored: `results` are what [`compute`] gave for `framework`
/// and `table`, so a caller that shows the results too scores once.
///
/// ```
/// use dti_core::{analysis::goal::{seek, seek_scored, Target}, check, compute, embedded};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let results = compute(&framework, &table).unwrap();
/// let (dti, target) = (framework.find("DTI").unwrap(), Target::Value { value: 0.75 });
/// let costs = Default::default();
/// let plan = seek_scored(&framework, &table, &results, 0, dti, target, &costs).unwrap();
/// assert_eq!(plan, seek(&framework, &table, 0, dti, target, &costs).unwrap());
/// ```
pub fn seek_scored(
    framework: &Framework,
    table: &Table,
    results: &Results,
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
    let precision = framework.precision();
    let start = results.values(node).get(unit).unwrap_or(0.0);
    let target_value = match target {
        Target::Value { value } if value.is_finite() => value,
        Target::Rank { rank } if rank >= 1 => {
            let mut others: Vec<f64> = results
                .values(node)
                .iter()
                .enumerate()
                .filter(|(u, _)| *u != unit)
                .filter_map(|(_, value)| value)
                .map(|v| round_to(v, precision))
                .collect();
            // Largest first. Ascending then reversed is the same order (values equal under
            // `total_cmp` are the same bits) and shares the one sort the scoring rules compile.
            crate::sort::unstable_by(&mut others, f64::total_cmp);
            others.reverse();
            others
                .get(rank as usize - 1)
                .copied()
                .unwrap_or(f64::NEG_INFINITY)
                .max(start.min(f64::MAX))
        }
        _ => {
            let problem = Problem::BadSetting {
                setting: "target".into(),
                why: crate::diagnostic::Invalid::BadGoal,
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
        .map(|id| rows.iter().map(|&r| results.values(id).get(r)).collect())
        .collect();
    let mut states: Vec<Vec<Status>> = (0..framework.nodes().len())
        .map(|id| rows.iter().map(|&r| results.statuses(id)[r]).collect())
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

    let initial = values.clone();
    let mut current = evaluate(&mut values, &mut states)?;
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
        current = evaluate(&mut values, &mut states)?;
        if !chosen.contains(&leaf) {
            chosen.push(leaf);
        }
    }

    // The plan as printed: the improved indicators in the greedy order, their new values
    // rounded as shown, scored again, and nudged where rounding fell short.
    let raises = |leaf: NodeId, score: f64| score > original[leaf].unwrap_or(bottom(leaf)) + 1e-15;
    let mut plan: Vec<(NodeId, Shown)> = chosen
        .iter()
        .filter(|&&leaf| raises(leaf, values[leaf][row].unwrap_or(0.0)))
        .map(|&leaf| {
            (
                leaf,
                shown(
                    framework,
                    leaf,
                    values[leaf][row].unwrap_or(0.0),
                    precision,
                    scales[leaf],
                ),
            )
        })
        .collect();
    let mut reached = current;
    for _ in 0..=MOST_NUDGES {
        for &(leaf, value) in &plan {
            values[leaf][row] = Some(score_of(framework, leaf, value));
        }
        reached = evaluate(&mut values, &mut states)?;
        if met(reached) {
            break;
        }
        // One printed step more on the last indicator of the plan that can still gain.
        let nudged = plan.iter_mut().rev().find_map(|(leaf, value)| {
            let next = nudge(framework, *leaf, *value, precision, scales[*leaf])?;
            (score_of(framework, *leaf, next) > score_of(framework, *leaf, *value)).then(|| {
                *value = next;
            })
        });
        if nudged.is_none() {
            break;
        }
    }
    plan.retain(|&(leaf, value)| raises(leaf, score_of(framework, leaf, value)));

    // Each step's gain, the steps taken in plan order from the values as they were.
    let mut trial = initial;
    let mut before = evaluate(&mut trial, &mut states.clone())?;
    let mut steps = Vec::with_capacity(plan.len());
    for &(leaf, value) in &plan {
        let indicator = framework.node(leaf);
        let from = original[leaf].unwrap_or(bottom(leaf));
        let to = score_of(framework, leaf, value);
        trial[leaf][row] = Some(to);
        let after = evaluate(&mut trial, &mut states.clone())?;
        steps.push(Step {
            indicator: indicator.code.clone(),
            from,
            to,
            raw_from: table
                .indicator(framework, leaf)
                .and_then(|column| column.get(unit)),
            raw_to: match value {
                Shown::Raw(raw) => Some(raw),
                Shown::Score(_) => None,
            },
            gain: after - before,
            cost: cost_of(leaf) * (to - from) / width(leaf),
        });
        before = after;
    }
    let total_cost = steps.iter().map(|s| s.cost).sum();
    Ok(Plan {
        unit: info.clone(),
        node: framework.node(node).code.clone(),
        start,
        target_value,
        reachable: met(reached),
        reached,
        steps,
        total_cost,
    })
}

/// A new score of an indicator as a plan shows it: the raw value that earns it, rounded to
/// [`RAW_DECIMALS`] within the indicator's range, or, for rules that give no raw value, the
/// score rounded to the framework's precision within the rule's scale.
fn shown(framework: &Framework, leaf: NodeId, score: f64, precision: u32, scale: Range) -> Shown {
    let node = framework.node(leaf);
    let raw = node
        .rule()
        .and_then(|rule| rule.raw_for(score, node.unit, node.range, node.direction));
    match raw {
        Some(raw) => Shown::Raw(on_grid(raw, RAW_DECIMALS, node.range)),
        None => Shown::Score(on_grid(score, precision, scale)),
    }
}

/// A value rounded to `decimals`, kept within the range by rounding inwards at its ends.
fn on_grid(value: f64, decimals: u32, range: Range) -> f64 {
    let step = libm::pow(10.0, -f64::from(decimals));
    let rounded = round_to(value, decimals);
    if rounded > range.high {
        round_to(libm::floor(range.high / step) * step, decimals)
    } else if rounded < range.low {
        round_to(libm::ceil(range.low / step) * step, decimals)
    } else {
        rounded
    }
}

/// The score a shown value earns.
fn score_of(framework: &Framework, leaf: NodeId, value: Shown) -> f64 {
    match value {
        Shown::Score(score) => score,
        Shown::Raw(raw) => {
            let node = framework.node(leaf);
            node.rule()
                .and_then(|rule| rule.apply(&[Some(raw)], node, &[]).ok())
                .and_then(|scored| scored.scores.first().copied().flatten())
                .unwrap_or(f64::NEG_INFINITY)
        }
    }
}

/// The next printed value in the improving direction, for indicators whose rule gives any
/// score (not tiers or yes/no); `None` at the end of the range or scale.
fn nudge(
    framework: &Framework,
    leaf: NodeId,
    value: Shown,
    precision: u32,
    scale: Range,
) -> Option<Shown> {
    let node = framework.node(leaf);
    if node.rule().is_none_or(|rule| rule.levels().is_some()) {
        return None;
    }
    match value {
        Shown::Raw(raw) => {
            let step = libm::pow(10.0, -f64::from(RAW_DECIMALS));
            let sign = match node.direction {
                Direction::Higher => 1.0,
                Direction::Lower => -1.0,
            };
            let next = round_to(raw + sign * step, RAW_DECIMALS);
            node.range.contains(next).then_some(Shown::Raw(next))
        }
        Shown::Score(score) => {
            let next = round_to(score + libm::pow(10.0, -f64::from(precision)), precision);
            scale.contains(next).then_some(Shown::Score(next))
        }
    }
}

/// Reads a value to reach as a person types it, the way a data cell of `node` is read (`0,75`,
/// `0.75`, `75%` on a 0–1 scale), for a file of `units` units. A value below the node's scale
/// is refused, since no unit scores less; one above it is taken, and the plan then says how far
/// the unit can get. The command line's `--target` and the calculator's goal field both read
/// their goals here, so that they accept and refuse the same texts.
///
/// ```
/// use dti_core::analysis::goal::read_target;
/// let framework = dti_core::embedded::default_framework();
/// let dti = framework.find("DTI").unwrap();
/// assert_eq!(read_target(&framework, dti, 63, "75%"), Ok(0.75));
/// assert_eq!(read_target(&framework, dti, 63, " 0,75 "), Ok(0.75));
/// let refused = read_target(&framework, dti, 63, "-1").unwrap_err();
/// assert_eq!(refused.diagnostics[0].problem.kind(), "out_of_range");
/// assert_eq!(refused.to_string(), "aggregate DTI: value -1 is below the indicator's range 0–1");
/// ```
pub fn read_target(
    framework: &Framework,
    node: NodeId,
    units: usize,
    text: &str,
) -> Result<f64, Failure> {
    let info = framework.node(node);
    let scale = scales(framework, units)[node];
    let form = crate::Dataset::from_form(UnitInfo::new("-"), &[(&info.code, text)]);
    let unit = if scale.low == 0.0 && scale.high == 1.0 {
        crate::Unit::Share
    } else {
        crate::Unit::Number
    };
    let read = form.dataset.value(0, 0);
    let problem = match (form.diagnostics.into_iter().find(|d| d.is_error()), read) {
        (Some(error), _) => error.problem,
        (None, None) => Problem::BadValue {
            text: text.trim().to_string(),
        },
        (None, Some(value)) => match value.in_unit(unit) {
            Ok(x) if x.is_finite() && x >= scale.low => return Ok(x),
            Ok(x) => Problem::OutOfRange {
                value: x,
                low: scale.low,
                high: scale.high,
                symbol: String::new(),
            },
            Err(problem) => problem,
        },
    };
    let mut location = Location::default().indicator(&info.code);
    location.aggregate = !info.is_indicator();
    Err(Failure {
        diagnostics: vec![Diagnostic::error(location, problem)],
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
        let location = Location::file(origin).at(record.line, 1);
        let id = match super::indicator_named(framework, code, "costs") {
            Ok(id) => id,
            Err(problem @ Problem::NotAnIndicator { .. }) => {
                problems.push(Diagnostic::error(location.aggregate(code), problem));
                continue;
            }
            Err(problem) => {
                problems.push(Diagnostic::error(location.indicator(code), problem));
                continue;
            }
        };
        let location = location.indicator(code);
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
