//! Checking a data set against a framework, and putting its values into the indicators' units.

use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::framework::{Framework, MissingPolicy, NodeId, Unit};
use crate::value::Value;

/// The raw values a framework needs, one column per indicator, each value already in the
/// indicator's unit and within its range; `None` where the data has no value.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    units: Vec<UnitInfo>,
    /// `columns[node]` holds one entry per unit for indicators, nothing for aggregates.
    columns: Vec<Vec<Option<f64>>>,
}

impl Inputs {
    /// Inputs for the given units with every value missing.
    pub fn empty(framework: &Framework, units: Vec<UnitInfo>) -> Inputs {
        let columns = framework
            .nodes()
            .iter()
            .map(|node| {
                if node.is_indicator() {
                    vec![None; units.len()]
                } else {
                    Vec::new()
                }
            })
            .collect();
        Inputs { units, columns }
    }

    /// The units.
    pub fn units(&self) -> &[UnitInfo] {
        &self.units
    }

    /// The raw values of an indicator, one per unit (empty for aggregates).
    pub fn column(&self, node: NodeId) -> &[Option<f64>] {
        self.columns.get(node).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The raw value of a unit for an indicator.
    pub fn get(&self, unit: usize, node: NodeId) -> Option<f64> {
        self.columns.get(node)?.get(unit).copied().flatten()
    }

    /// Replaces a raw value. The value must already be in the indicator's unit; it is clamped
    /// to the indicator's range so that what-if changes cannot leave the scale.
    pub fn set(&mut self, framework: &Framework, unit: usize, node: NodeId, value: Option<f64>) {
        let Some(slot) = self
            .columns
            .get_mut(node)
            .and_then(|column| column.get_mut(unit))
        else {
            return;
        };
        let range = framework.node(node).range;
        *slot = value
            .filter(|v| v.is_finite())
            .map(|v| v.clamp(range.low, range.high));
    }
}

/// What checking found: the usable inputs and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The values, in the indicators' units (values with errors are left out).
    pub inputs: Inputs,
    /// Errors, warnings and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks every value of the data against the framework: units, ranges, unknown columns and
/// missing values. Never stops at the first problem.
pub fn check(framework: &Framework, data: &Dataset) -> Checked {
    let mut diagnostics = Vec::new();
    let file = data.name();
    let mut inputs = Inputs::empty(framework, data.units().to_vec());
    if data.units().is_empty() {
        diagnostics.push(Diagnostic::error(Location::file(file), Problem::NoData));
    }
    for code in data.columns() {
        match framework.find(code) {
            Some(id) if framework.node(id).is_indicator() => {}
            _ => {
                let location = Location::file(file).indicator(code);
                diagnostics.push(Diagnostic::warning(location, Problem::UnknownIndicator));
            }
        }
    }
    let policy = framework.missing();
    for id in framework.indicators() {
        let node = framework.node(id);
        let column = data.column(&node.code);
        let values = column.map(|c| data.column_values(c)).unwrap_or(&[]);
        let unscored = !node.parents.is_empty() && node.parents.iter().all(|&(_, w)| w == 0.0);
        for (position, unit) in data.units().iter().enumerate() {
            let location = || Location::file(file).unit(&unit.code).indicator(&node.code);
            let Some(value) = values.get(position).copied().flatten() else {
                if unscored {
                    continue; // reported but not scored (the DTI's smart-city indicator)
                }
                let problem = Problem::MissingValue { policy };
                diagnostics.push(match policy {
                    MissingPolicy::Zero => Diagnostic::warning(location(), problem),
                    MissingPolicy::Skip => Diagnostic::note(location(), problem),
                    MissingPolicy::Reject => Diagnostic::error(location(), problem),
                });
                continue;
            };
            let located = || {
                let origin = column.and_then(|c| data.origin(position, c));
                match origin {
                    Some((line, col)) => location().at(line, col),
                    None => location(),
                }
            };
            match value.in_unit(node.unit) {
                Err(problem) => diagnostics.push(Diagnostic::error(located(), problem)),
                Ok(x) if !x.is_finite() => {
                    // Finite numbers can overflow: 1e308/1e-308, or 1e308 % read as a share.
                    let text = match value {
                        Value::Ratio {
                            numerator,
                            denominator,
                        } => format!("{numerator:e}/{denominator:e}"),
                        Value::Number { value } => format!("{value:e}"),
                        Value::Percent { value } => format!("{value:e}%"),
                        Value::YesNo { value } => format!("{value}"),
                    };
                    diagnostics.push(Diagnostic::error(located(), Problem::BadValue { text }));
                }
                Ok(x) if !node.range.contains(x) => {
                    // Say it the way it was written: 134 % against 0–100 %, not 1.34 against 0–1.
                    let as_percent =
                        matches!(value, Value::Percent { .. }) && node.unit != Unit::Percent;
                    let factor = if as_percent { 100.0 } else { 1.0 };
                    let problem = Problem::OutOfRange {
                        value: x * factor,
                        low: node.range.low * factor,
                        high: node.range.high * factor,
                        symbol: if as_percent {
                            "%".into()
                        } else {
                            node.unit.symbol().into()
                        },
                    };
                    diagnostics.push(Diagnostic::error(located(), problem));
                }
                Ok(x) => inputs.columns[id][position] = Some(x),
            }
        }
    }
    Checked {
        inputs,
        diagnostics,
    }
}
