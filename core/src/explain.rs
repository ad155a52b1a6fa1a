//! Where a unit lost points, and where the same effort would gain the most.

use serde::Serialize;

use crate::dataset::UnitInfo;
use crate::diagnostic::Failure;
use crate::framework::{Framework, NodeId, NodeKind};
use crate::score::{Results, Status, aggregate_all, compute, scales};
use crate::table::Table;

/// The explanation of one unit's result on one index.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The unit.
    pub unit: UnitInfo,
    /// The index the gains are measured on.
    pub index: String,
    /// The index's value now.
    pub value: Option<f64>,
    /// The index's maximum points, when it counts in points.
    pub max_points: Option<f64>,
    /// The share used to compare effort across indicators: of each indicator's scale
    /// ([`Effort::Scale`]) or of what it lacks to its maximum ([`Effort::Gap`]).
    pub step: f64,
    /// Every indicator that counts toward the index, in framework order.
    pub indicators: Vec<IndicatorExplanation>,
    /// The indicators ordered by the index gain of one step, largest first; indicators
    /// already at their maximum or without a positive weight are left out.
    pub best_moves: Vec<Move>,
    /// Each indicator's part of each index's value (indices built by means and sums).
    pub contributions: Vec<crate::score::Contribution>,
}

/// One indicator's part in the explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorExplanation {
    /// The indicator's code.
    pub code: String,
    /// Its score now.
    pub score: Option<f64>,
    /// Its points now and the points it lost against its maximum.
    pub points: Option<f64>,
    /// Maximum points minus points.
    pub points_lost: Option<f64>,
    /// The indicator's maximum points, when it counts in points.
    pub max_points: Option<f64>,
    /// How much the index would gain if this indicator alone reached its maximum.
    pub gain_if_full: f64,
    /// The same in the index's points: exactly the points lost when the indicator's points
    /// count one for one toward the index's (as in the DTI).
    pub gain_if_full_points: Option<f64>,
    /// Whether the score rests on data.
    pub status: Status,
}

impl IndicatorExplanation {
    /// Points, points lost and the index's gain in points as a table prints them (see
    /// [`shown_points`](crate::score::shown_points)): a gain equal to the points lost prints
    /// as the points lost do, so the two columns never disagree by a rounding.
    pub fn shown(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        let round = |v: f64| crate::round_to(v, crate::score::POINTS_DECIMALS);
        match (self.points, self.max_points) {
            (Some(points), Some(max)) => {
                let (points, lost) = crate::score::shown_points(points, max);
                let gain = match self.gain_if_full_points {
                    Some(gain) if Some(gain) == self.points_lost => Some(lost),
                    other => other.map(round),
                };
                (Some(points), Some(lost), gain)
            }
            _ => (
                self.points.map(round),
                self.points_lost.map(round),
                self.gain_if_full_points.map(round),
            ),
        }
    }
}

/// Raising one indicator's score by one step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Move {
    /// The indicator's code.
    pub indicator: String,
    /// Its score now.
    pub from: f64,
    /// Its score after the step (capped at the top of its scale).
    pub to: f64,
    /// The index's gain.
    pub gain: f64,
    /// The same in the index's points.
    pub gain_points: Option<f64>,
}

/// What one step of the same effort does to each indicator's score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Effort {
    /// Raises the score by a share of the indicator's scale: every indicator moves the same
    /// distance, so the indicators carrying the most weight gain the most.
    Scale(f64),
    /// Closes a share of what the indicator lacks to its maximum: the further an indicator is
    /// from its maximum, the more a step moves it (the last points are the hardest to win).
    Gap(f64),
}

/// Explains a unit's result on an index (`None`: the framework's first index), comparing
/// indicators by the gain of raising each one's score by `step` (0.1 = a tenth of its scale).
/// Fails when the unit (a position in the table) or the index does not exist, or when the
/// data cannot be scored.
///
/// Scores of relative rules (min-max, ranks) depend on the other units; the gains here hold
/// the other units fixed.
///
/// ```
/// use dti_core::{check, embedded, explain::explain, Dataset};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let why = explain(&framework, &table, 0, None, 0.1).unwrap();
/// assert_eq!(why.index, "DTI");
/// // Digital-government activity carries 200 of 1000 points: the largest gain per step.
/// assert_eq!(why.best_moves[0].indicator, "I7");
/// ```
pub fn explain(
    framework: &Framework,
    table: &Table,
    unit: usize,
    index: Option<&str>,
    step: f64,
) -> Result<Explanation, Failure> {
    explain_with(framework, table, unit, index, Effort::Scale(step))
}

/// [`explain`] with the steps of effort measured as `effort` says.
///
/// ```
/// use dti_core::{check, embedded, explain::{explain_with, Effort}};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let why = explain_with(&framework, &table, 0, None, Effort::Gap(0.1)).unwrap();
/// // Digital-society activity (0.4505 of 150 points) has the most to win.
/// assert_eq!(why.best_moves[0].indicator, "I9");
/// assert!((why.best_moves[0].to - (0.4505 + 0.1 * (1.0 - 0.4505))).abs() < 1e-12);
/// ```
pub fn explain_with(
    framework: &Framework,
    table: &Table,
    unit: usize,
    index: Option<&str>,
    effort: Effort,
) -> Result<Explanation, Failure> {
    explain_scored(
        framework,
        table,
        &compute(framework, table)?,
        unit,
        index,
        effort,
    )
}

/// [`explain_with`] for a table already scored: `results` are what [`compute`] gave for
/// `framework` and `table`, so a caller that shows the results too (the calculator, on every
/// keystroke) scores once.
///
/// ```
/// use dti_core::{check, compute, embedded, explain::{explain_scored, explain_with, Effort}};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let results = compute(&framework, &table).unwrap();
/// let once = explain_scored(&framework, &table, &results, 0, None, Effort::Gap(0.1)).unwrap();
/// assert_eq!(once, explain_with(&framework, &table, 0, None, Effort::Gap(0.1)).unwrap());
/// ```
pub fn explain_scored(
    framework: &Framework,
    table: &Table,
    results: &Results,
    unit: usize,
    index: Option<&str>,
    effort: Effort,
) -> Result<Explanation, Failure> {
    let info = match table.units().get(unit) {
        Some(info) => info.clone(),
        None => return Err(crate::analysis::unknown(&format!("#{unit}"), "explain")),
    };
    let index: NodeId = match index {
        Some(code) => crate::analysis::find(framework, code, "explain")?,
        None => framework.main_index(),
    };
    let current = results.row(unit).nodes;
    let max_points = results.nodes[index].max_points;
    let n = table.n_units();
    let scales = scales(framework, n);

    // Each node's values, re-aggregated after each change. Only this unit's values change, so
    // unless an aggregate compares units (Copeland), this unit's column alone is aggregated.
    let compares = framework.nodes().iter().any(
        |node| matches!(&node.kind, NodeKind::Aggregate { method, .. } if method.is_relative()),
    );
    let (rows, row): (Vec<usize>, usize) = if compares {
        ((0..n).collect(), unit)
    } else {
        (vec![unit], 0)
    };
    let base: Vec<Vec<Option<f64>>> = (0..current.len())
        .map(|id| rows.iter().map(|&r| results.values(id).get(r)).collect())
        .collect();
    let statuses: Vec<Vec<Status>> = (0..current.len())
        .map(|id| rows.iter().map(|&r| results.statuses(id)[r]).collect())
        .collect();
    let units: Vec<UnitInfo> = rows.iter().map(|&r| table.units()[r].clone()).collect();
    let index_with = |leaf: NodeId, score: f64| -> Result<f64, Failure> {
        let mut values = base.clone();
        let mut states = statuses.clone();
        values[leaf][row] = Some(score);
        aggregate_all(framework, &scales, &mut values, &mut states, &units)
            .map_err(|diagnostics| Failure { diagnostics })?;
        Ok(values[index][row].unwrap_or(0.0))
    };
    let now = current[index].value.unwrap_or(0.0);
    let to_points = |gain: f64| max_points.map(|max| gain * max);

    let mut indicators = Vec::new();
    let mut best_moves = Vec::new();
    for leaf in framework
        .indicators()
        .filter(|&leaf| framework.reaches(index, leaf))
    {
        let node = &current[leaf];
        let scale = scales[leaf];
        let score = node.value.unwrap_or(if scale.low.is_finite() {
            scale.low
        } else {
            0.0
        });
        let top = if scale.high.is_finite() {
            scale.high
        } else {
            score + 1.0
        };
        let gain_if_full = (index_with(leaf, top)? - now).max(0.0);
        let gain_if_full_points = match (to_points(gain_if_full), node.points_lost) {
            // The same quantity computed two ways: one for one, up to float noise.
            (Some(gain), Some(lost)) if (gain - lost).abs() <= 1e-9 * (1.0 + lost.abs()) => {
                Some(lost)
            }
            (gain, _) => gain,
        };
        indicators.push(IndicatorExplanation {
            code: node.code.to_string(),
            score: node.value,
            points: node.points,
            points_lost: node.points_lost,
            max_points: results.nodes[leaf].max_points,
            gain_if_full,
            gain_if_full_points,
            status: node.status,
        });
        let to = match effort {
            Effort::Scale(step) => {
                let width = if scale.is_finite() {
                    scale.high - scale.low
                } else {
                    1.0
                };
                (score + step * width).min(top)
            }
            Effort::Gap(share) => (score + share * (top - score)).min(top),
        };
        let gain = index_with(leaf, to)? - now;
        if to > score && gain > 0.0 {
            best_moves.push(Move {
                indicator: node.code.to_string(),
                from: score,
                to,
                gain,
                gain_points: to_points(gain),
            });
        }
    }
    crate::stats::insertion_sort_by(&mut best_moves, |a, b| a.gain > b.gain);
    Ok(Explanation {
        unit: info,
        index: framework.node(index).code.clone(),
        value: current[index].value,
        max_points,
        step: match effort {
            Effort::Scale(share) | Effort::Gap(share) => share,
        },
        indicators,
        best_moves,
        contributions: crate::score::contributions(framework, results, unit),
    })
}
