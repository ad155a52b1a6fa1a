//! What-if: change some values of one unit and see every node and rank move.

use serde::Serialize;

use crate::dataset::UnitInfo;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::framework::{Framework, NodeId};
use crate::score::{Results, compute};
use crate::table::Table;

/// How one node of the changed unit moved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeChange {
    /// The node's code.
    pub code: String,
    /// Its value before the change.
    pub before: Option<f64>,
    /// Its value after.
    pub after: Option<f64>,
    /// Its rank among the units before.
    pub rank_before: Option<u32>,
    /// Its rank after.
    pub rank_after: Option<u32>,
}

/// The outcome of a what-if.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    /// The unit whose values changed.
    pub unit: UnitInfo,
    /// Every node of that unit, before and after, in scoring order.
    pub nodes: Vec<NodeChange>,
    /// The full results after the change (other units' ranks may move too).
    pub after: Results,
}

/// Changes raw values (in each indicator's unit; `None` removes a value) of one unit and
/// rescores every unit. Values outside an indicator's range are refused.
///
/// ```
/// use dti_core::{analysis::whatif::what_if, check, embedded};
/// let framework = embedded::default_framework();
/// let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let table = check(&framework, &data).table;
/// let i7 = framework.find("I7").unwrap();
/// let outcome = what_if(&framework, &table, 0, &[(i7, Some(1.0))]).unwrap();
/// let dti = outcome.nodes.iter().find(|n| n.code == "DTI").unwrap();
/// // I7 carries 200 of 1000 points: raising it from 0.8385 to 1 adds 0.0323.
/// assert!((dti.after.unwrap() - dti.before.unwrap() - 0.0323).abs() < 1e-12);
/// ```
pub fn what_if(
    framework: &Framework,
    table: &Table,
    unit: usize,
    changes: &[(NodeId, Option<f64>)],
) -> Result<WhatIf, Failure> {
    let Some(info) = table.units().get(unit) else {
        return Err(super::unknown(&format!("#{unit}"), "what-if"));
    };
    let mut changed = table.clone();
    let mut problems = Vec::new();
    for &(node, value) in changes {
        let Some(target) = framework.nodes().get(node).filter(|n| n.is_indicator()) else {
            return Err(super::unknown(&format!("#{node}"), "what-if"));
        };
        let location = Location::default()
            .unit(info.code.as_str())
            .indicator(&target.code);
        match value {
            Some(v) if !(v.is_finite() && target.range.contains(v)) => {
                let problem = Problem::OutOfRange {
                    value: v,
                    low: target.range.low,
                    high: target.range.high,
                    symbol: target.unit.symbol().into(),
                };
                problems.push(Diagnostic::error(location, problem));
            }
            _ => super::set(&mut changed, framework, unit, node, value),
        }
    }
    if !problems.is_empty() {
        return Err(Failure {
            diagnostics: problems,
        });
    }
    let before = compute(framework, table)?;
    let after = compute(framework, &changed)?;
    let nodes = before
        .row(unit)
        .nodes
        .iter()
        .zip(&after.row(unit).nodes)
        .map(|(old, new)| NodeChange {
            code: old.code.to_string(),
            before: old.value,
            after: new.value,
            rank_before: old.rank,
            rank_after: new.rank,
        })
        .collect();
    Ok(WhatIf {
        unit: info.clone(),
        nodes,
        after,
    })
}
