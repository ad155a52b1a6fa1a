//! Merged units: results for provinces formed by merging former ones (1 July 2025), from the
//! former provinces' data.

use std::collections::HashMap;

use serde::Serialize;

use crate::check::{Inputs, check};
use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Framework, MissingPolicy};
use crate::value::Value;

/// Which former units form each new unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapping {
    /// `(new unit, its former units)`, in file order.
    pub units: Vec<(UnitInfo, Vec<String>)>,
}

/// How a merged unit's values are formed from its former units' values.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// The official DTI 2024 method: the plain mean of each indicator over the former units.
    Mean,
    /// Rates pooled from numerators and denominators where the data gives them
    /// (Σ numerators / Σ denominators); elsewhere a mean weighted by `weights` (former unit
    /// code → population, enterprises …), or the plain mean when no weights are given.
    Pooled {
        /// Weights of the former units.
        weights: HashMap<String, f64>,
    },
}

/// Merged units ready to score.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The new units' values, in the indicators' units.
    pub inputs: Inputs,
    /// Warnings and notes: former units without data, units left out of the mapping, values
    /// that fell back from pooling to a mean.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a mapping from CSV text with columns `new_unit`, `new_name`, `former_code` (and
/// optionally `former_name`); lines starting with `#` are notes. The 2025 provincial mapping is
/// [`crate::embedded::MERGERS_2025`].
pub fn parse_mapping(text: &str, origin: Option<&str>) -> Result<Mapping, Failure> {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'));
    let error = |line: u64, detail: String| {
        let location = Location::file(origin).at(line, 1);
        Failure {
            diagnostics: vec![Diagnostic::error(location, Problem::Syntax { detail })],
        }
    };
    let Some((header_index, header)) = lines.next() else {
        return Err(error(1, "the mapping is empty".into()));
    };
    let separator = if header.contains(';') { ';' } else { ',' };
    let columns: Vec<String> = header
        .split(separator)
        .map(|c| c.trim().to_lowercase())
        .collect();
    let position = |name: &str| columns.iter().position(|c| c == name);
    let (Some(new_code), Some(former)) = (position("new_unit"), position("former_code")) else {
        let detail = "the header must name `new_unit` and `former_code`".to_string();
        return Err(error(header_index as u64 + 1, detail));
    };
    let new_name = position("new_name");
    let mut units: Vec<(UnitInfo, Vec<String>)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut problems = Vec::new();
    for (index, line) in lines {
        let line_number = index as u64 + 1;
        let cells: Vec<&str> = line.split(separator).map(str::trim).collect();
        let (Some(code), Some(old)) = (cells.get(new_code), cells.get(former)) else {
            let problem = Problem::RowLength {
                expected: columns.len() as u64,
                found: cells.len() as u64,
            };
            problems.push(Diagnostic::error(
                Location::file(origin).at(line_number, 1),
                problem,
            ));
            continue;
        };
        if let Some(first) = seen.insert(old.to_string(), line_number) {
            let detail =
                format!("former unit `{old}` is mapped twice (lines {first} and {line_number})");
            problems.push(Diagnostic::error(
                Location::file(origin).at(line_number, 1),
                Problem::Syntax { detail },
            ));
            continue;
        }
        match units.iter_mut().find(|(unit, _)| unit.code == *code) {
            Some((_, formers)) => formers.push(old.to_string()),
            None => {
                let mut unit = UnitInfo::new(*code);
                unit.name = new_name.and_then(|c| cells.get(c)).map(|n| n.to_string());
                units.push((unit, vec![old.to_string()]));
            }
        }
    }
    if problems.is_empty() {
        Ok(Mapping { units })
    } else {
        Err(Failure {
            diagnostics: problems,
        })
    }
}

/// Forms the merged units' values from the former units' data.
///
/// ```
/// use dti_core::analysis::merge::{merge, parse_mapping, Method};
/// use dti_core::{compute, embedded, Dataset};
/// let framework = embedded::default_framework();
/// let data = Dataset::from_csv("code,I1,I7\n15,0.4,0.2\n10,0.8,0.6\n", None).dataset;
/// let mapping = parse_mapping("new_unit,new_name,former_code\n13,Lào Cai,10\n13,Lào Cai,15\n", None).unwrap();
/// let merged = merge(&framework, &data, &mapping, &Method::Mean).unwrap();
/// let results = compute(&framework, &merged.inputs);
/// assert!((results.value("13", "I1").unwrap() - 0.6).abs() < 1e-12);
/// ```
pub fn merge(
    framework: &Framework,
    data: &Dataset,
    mapping: &Mapping,
    method: &Method,
) -> Result<Merged, Failure> {
    let checked = check(framework, data);
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if has_errors(&checked.diagnostics) {
        return Err(Failure {
            diagnostics: checked.diagnostics,
        });
    }
    let position: HashMap<&str, usize> = data
        .units()
        .iter()
        .enumerate()
        .map(|(i, unit)| (unit.code.as_str(), i))
        .collect();
    for unit in data.units() {
        if !mapping
            .units
            .iter()
            .any(|(_, formers)| formers.contains(&unit.code))
        {
            let problem = Problem::UnknownCode {
                code: unit.code.clone(),
                referenced_by: "mapping".into(),
            };
            diagnostics.push(Diagnostic::warning(
                Location::file(data.name()).unit(&unit.code),
                problem,
            ));
        }
    }
    let weights = match method {
        Method::Pooled { weights } => Some(weights),
        Method::Mean => None,
    };
    let new_units: Vec<UnitInfo> = mapping.units.iter().map(|(unit, _)| unit.clone()).collect();
    let mut inputs = Inputs::empty(framework, new_units);
    for (row, (unit, formers)) in mapping.units.iter().enumerate() {
        let present: Vec<usize> = formers
            .iter()
            .filter_map(|code| position.get(code.as_str()).copied())
            .collect();
        for code in formers
            .iter()
            .filter(|code| !position.contains_key(code.as_str()))
        {
            let problem = Problem::UnknownCode {
                code: code.clone(),
                referenced_by: unit.code.clone(),
            };
            diagnostics.push(Diagnostic::warning(
                Location::file(data.name()).unit(code),
                problem,
            ));
        }
        for leaf in framework.indicators() {
            let node = framework.node(leaf);
            let bottom = (framework.missing() == MissingPolicy::Zero && node.range.low.is_finite())
                .then_some(node.range.low);
            let values: Vec<(usize, f64)> = present
                .iter()
                .filter_map(|&u| checked.inputs.get(u, leaf).or(bottom).map(|v| (u, v)))
                .collect();
            if values.is_empty() {
                continue;
            }
            let mean = values.iter().map(|(_, v)| v).sum::<f64>() / values.len() as f64;
            let value = match weights {
                None => mean,
                Some(weights) => {
                    let column = data.column(&node.code);
                    let cells: Vec<Option<Value>> = present
                        .iter()
                        .map(|&u| column.and_then(|c| data.get(u, c)).map(|cell| cell.value))
                        .collect();
                    let ratios: Option<Vec<(f64, f64)>> = cells
                        .iter()
                        .map(|cell| match cell {
                            Some(Value::Ratio {
                                numerator,
                                denominator,
                            }) => Some((*numerator, *denominator)),
                            _ => None,
                        })
                        .collect();
                    match ratios {
                        Some(ratios) => {
                            let numerator = ratios.iter().map(|r| r.0).sum();
                            let denominator = ratios.iter().map(|r| r.1).sum();
                            Value::Ratio {
                                numerator,
                                denominator,
                            }
                            .in_unit(node.unit)
                            .unwrap_or(mean)
                        }
                        None => {
                            let weighted: Option<Vec<(f64, f64)>> = values
                                .iter()
                                .map(|&(u, v)| weights.get(&data.units()[u].code).map(|w| (v, *w)))
                                .collect();
                            match weighted.filter(|w| w.iter().map(|(_, w)| w).sum::<f64>() > 0.0) {
                                Some(weighted) => {
                                    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
                                    weighted.iter().map(|(v, w)| v * w).sum::<f64>() / total
                                }
                                None => mean,
                            }
                        }
                    }
                }
            };
            inputs.set(framework, row, leaf, Some(value));
        }
    }
    Ok(Merged {
        inputs,
        diagnostics,
    })
}
