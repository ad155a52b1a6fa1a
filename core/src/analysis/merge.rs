//! Merged units: results for provinces formed by merging former ones (1 July 2025), from the
//! former provinces' data.

use std::collections::HashMap;

use serde::Serialize;

use crate::check::check;
use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Framework, MissingPolicy};
use crate::table::Table;
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
    pub table: Table,
    /// Warnings and notes: former units without data, units left out of the mapping, values
    /// that fell back from pooling to a mean.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a mapping from CSV text with columns `new_unit`, `new_name`, `former_code` (and
/// optionally `former_name`); lines starting with `#` are notes. The 2025 provincial mapping is
/// [`crate::embedded::MERGERS_2025`].
pub fn parse_mapping(text: &str, origin: Option<&str>) -> Result<Mapping, Failure> {
    let records = crate::side_file::records(text, origin)?;
    let here = |line: u64| Location::file(origin).at(line, 1);
    let fail = |line: u64, problem: Problem| Failure {
        diagnostics: vec![Diagnostic::error(here(line), problem)],
    };
    let Some((header, rows)) = records.split_first() else {
        return Err(fail(1, Problem::NoData));
    };
    let columns: Vec<String> = header.cells.iter().map(|c| c.to_lowercase()).collect();
    let position = |name: &str| columns.iter().position(|c| c == name);
    let (Some(new_code), Some(former)) = (position("new_unit"), position("former_code")) else {
        let missing = ["new_unit", "former_code"]
            .into_iter()
            .filter(|name| position(name).is_none())
            .map(str::to_string)
            .collect();
        return Err(fail(
            header.line,
            Problem::MissingColumns { columns: missing },
        ));
    };
    let new_name = position("new_name");
    let mut units: Vec<(UnitInfo, Vec<String>)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut problems = Vec::new();
    for record in rows {
        let cells = &record.cells;
        let (Some(code), Some(old)) = (cells.get(new_code), cells.get(former)) else {
            let problem = Problem::RowLength {
                expected: columns.len() as u64,
                found: cells.len() as u64,
            };
            problems.push(Diagnostic::error(here(record.line), problem));
            continue;
        };
        if let Some(first) = seen.insert(old.clone(), record.line) {
            let problem = Problem::MappedTwice {
                unit: old.clone(),
                first_line: first,
            };
            problems.push(Diagnostic::error(here(record.line).unit(old), problem));
            continue;
        }
        match units.iter_mut().find(|(unit, _)| unit.code == *code) {
            Some((_, formers)) => formers.push(old.clone()),
            None => {
                let mut unit = UnitInfo::new(code.clone());
                unit.name = new_name.and_then(|c| cells.get(c)).cloned();
                units.push((unit, vec![old.clone()]));
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

/// Reads the weights of the former units for pooling: lines `code,weight` (comma, semicolon
/// or tab; quoted cells may hold the separator; an optional header line; `#` lines are notes).
///
/// ```
/// let weights = dti_core::analysis::merge::parse_weights("code;population\n46;1.160.000\n48;1 230 000\n", None).unwrap();
/// assert_eq!(weights["46"], 1_160_000.0);
/// ```
pub fn parse_weights(text: &str, origin: Option<&str>) -> Result<HashMap<String, f64>, Failure> {
    let mut weights = HashMap::new();
    let mut problems = Vec::new();
    for (k, record) in crate::side_file::records(text, origin)?.iter().enumerate() {
        let cell = |i: usize| record.cells.get(i).map(String::as_str).unwrap_or("");
        let (code, weight) = (cell(0), cell(1));
        // The first line may be a header (`code,population`, `mã;dân số`): words, no number.
        let words = !weight.bytes().any(|b| b.is_ascii_digit());
        if k == 0 && (crate::dataset::field(code) == Some(crate::dataset::Field::Unit) || words) {
            continue;
        }
        let location = Location::file(origin).at(record.line, 2).unit(code);
        match crate::value::parse_number(weight) {
            Some(w) if crate::framework::is_weight(w) => {
                weights.insert(code.to_string(), w);
            }
            Some(w) => problems.push(Diagnostic::error(
                location,
                Problem::WeightOutOfBounds { weight: w },
            )),
            None => problems.push(Diagnostic::error(
                location,
                Problem::NotANumber {
                    column: "weight".into(),
                    text: weight.to_string(),
                },
            )),
        }
    }
    if problems.is_empty() {
        Ok(weights)
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
/// let results = compute(&framework, &merged.table).unwrap();
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
    let mut table = Table::for_framework(framework, new_units);
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
                .filter_map(|&u| {
                    let raw = checked
                        .table
                        .indicator(framework, leaf)?
                        .get(u)
                        .copied()
                        .flatten();
                    raw.or(bottom).map(|v| (u, v))
                })
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
            super::set(&mut table, framework, row, leaf, Some(value));
        }
    }
    Ok(Merged { table, diagnostics })
}
