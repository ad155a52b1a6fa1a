//! Merged units: results for provinces formed by merging former ones (1 July 2025), from the
//! former provinces' data.

use std::collections::HashMap;

use serde::Serialize;

use crate::check::check;
use crate::dataset::{Dataset, ShortText, UnitInfo, same_unit_code, unit_code_key};
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Framework, MissingPolicy};
use crate::table::Table;
use crate::value::Value;

/// Which former units form each new unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapping {
    /// `(new unit, its former units)`, in file order.
    pub units: Vec<(UnitInfo, Vec<String>)>,
    /// `(former unit's code, its name)`, when the mapping gives names, in file order: a data
    /// unit of that code (matched as [`same_unit_code`] matches codes) must bear that name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<(String, String)>,
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

/// Whether merged values may come from some of a merged unit's former units only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Partial {
    /// A merged unit whose former units the data has only in part is an error: its values
    /// would stand for part of the unit under the whole unit's name.
    #[default]
    Refuse,
    /// Such a unit is merged from the former units the data has, with a warning naming the
    /// others.
    Accept,
}

/// Which former units of a merged unit the data has.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Members {
    /// The merged unit's code.
    pub code: String,
    /// Its former units that the data has, as the mapping writes their codes.
    pub with_data: Vec<String>,
    /// Its former units that the data lacks.
    pub without_data: Vec<String>,
}

impl Members {
    /// True when the data has every former unit.
    pub fn is_complete(&self) -> bool {
        self.without_data.is_empty()
    }

    /// True when the data has none of the former units: the merged unit gets no value and
    /// no rank.
    pub fn has_no_data(&self) -> bool {
        self.with_data.is_empty()
    }
}

/// Merged units ready to score.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The values of the merged units that have data from at least one former unit, in the
    /// indicators' units; the units without any data are left out, so that they get neither
    /// a value nor a rank.
    pub table: Table,
    /// Every merged unit of the mapping, in its order, with the former units the data has
    /// and lacks.
    pub members: Vec<Members>,
    /// Warnings and notes: merged units without data or merged from part of their former
    /// units, units of the data the mapping leaves out.
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
    let columns: Vec<String> = header.cells.iter().map(|c| crate::case::lower(c)).collect();
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
    let former_name = position("former_name");
    let mut units: Vec<(UnitInfo, Vec<String>)> = Vec::new();
    let mut former_names = Vec::new();
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
        if let Some(first) = seen.insert(unit_code_key(old).to_string(), record.line) {
            let problem = Problem::MappedTwice {
                unit: old.clone(),
                first_line: first,
            };
            problems.push(Diagnostic::error(here(record.line).unit(old), problem));
            continue;
        }
        if let Some(name) = former_name
            .and_then(|c| cells.get(c))
            .filter(|n| !n.is_empty())
        {
            former_names.push((old.clone(), name.clone()));
        }
        match units.iter_mut().find(|(unit, _)| unit.has_code(code)) {
            Some((_, formers)) => formers.push(old.clone()),
            None => {
                let mut unit = UnitInfo::new(code.clone());
                unit.name = new_name.and_then(|c| cells.get(c)).map(ShortText::from);
                units.push((unit, vec![old.clone()]));
            }
        }
    }
    if problems.is_empty() {
        Ok(Mapping {
            units,
            former_names,
        })
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
/// Former units are found in the data by their codes, matched as
/// [`crate::dataset::same_unit_code`] matches them (`1` is `01`). A merged unit none of whose
/// former units the data has gets no value and no rank (it is left out of the table and
/// listed in one warning); one whose former units the data has only in part is an error
/// unless `partial` accepts it, and then a warning.
///
/// ```
/// use dti_core::analysis::merge::{merge, parse_mapping, Method, Partial};
/// use dti_core::{compute, embedded, Dataset};
/// let framework = embedded::default_framework();
/// let data = Dataset::from_csv("code,I1,I7\n15,0.4,0.2\n10,0.8,0.6\n", None).dataset;
/// let mapping = parse_mapping("new_unit,new_name,former_code\n13,Lào Cai,10\n13,Lào Cai,15\n", None).unwrap();
/// let merged = merge(&framework, &data, &mapping, &Method::Mean, Partial::Refuse).unwrap();
/// let results = compute(&framework, &merged.table).unwrap();
/// assert!((results.value("13", "I1").unwrap() - 0.6).abs() < 1e-12);
/// // Without Yên Bái (15), Lào Cai's values would be Lào Cai's own: refused unless accepted.
/// let part = Dataset::from_csv("code,I1,I7\n10,0.8,0.6\n", None).dataset;
/// assert!(merge(&framework, &part, &mapping, &Method::Mean, Partial::Refuse).is_err());
/// let merged = merge(&framework, &part, &mapping, &Method::Mean, Partial::Accept).unwrap();
/// assert_eq!(merged.members[0].without_data, ["15"]);
/// ```
pub fn merge(
    framework: &Framework,
    data: &Dataset,
    mapping: &Mapping,
    method: &Method,
    partial: Partial,
) -> Result<Merged, Failure> {
    let checked = check(framework, data);
    if has_errors(&checked.diagnostics) {
        return Err(Failure {
            diagnostics: checked.diagnostics,
        });
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let here = || Location::file(data.name());
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (i, unit) in data.units().iter().enumerate() {
        position.entry(unit_code_key(&unit.code)).or_insert(i);
    }
    diagnostics.extend(misnamed(data, mapping));
    let mapped = |code: &str| {
        mapping
            .units
            .iter()
            .any(|(_, formers)| formers.iter().any(|former| same_unit_code(former, code)))
    };
    let left_out: Vec<String> = data
        .units()
        .iter()
        .filter(|unit| !mapped(&unit.code))
        .map(|unit| unit.code.to_string())
        .collect();
    if !left_out.is_empty() {
        let problem = Problem::NotInMapping { units: left_out };
        diagnostics.push(Diagnostic::warning(here(), problem));
    }
    let members: Vec<Members> = mapping
        .units
        .iter()
        .map(|(unit, formers)| {
            let (with_data, without_data) = formers
                .iter()
                .cloned()
                .partition(|code| position.contains_key(unit_code_key(code)));
            Members {
                code: unit.code.to_string(),
                with_data,
                without_data,
            }
        })
        .collect();
    for unit in members
        .iter()
        .filter(|m| !m.is_complete() && !m.has_no_data())
    {
        let problem = Problem::PartialMerge {
            with_data: unit.with_data.clone(),
            without_data: unit.without_data.clone(),
        };
        let location = here().unit(unit.code.as_str());
        diagnostics.push(match partial {
            Partial::Refuse => Diagnostic::error(location, problem),
            Partial::Accept => Diagnostic::warning(location, problem),
        });
    }
    let empty: Vec<String> = members
        .iter()
        .filter(|m| m.has_no_data())
        .map(|m| m.code.clone())
        .collect();
    if !empty.is_empty() {
        let problem = Problem::MergedWithoutData {
            units: empty.clone(),
            of: members.len(),
        };
        diagnostics.push(if empty.len() == members.len() {
            Diagnostic::error(here(), problem)
        } else {
            Diagnostic::warning(here(), problem)
        });
    }
    if has_errors(&diagnostics) {
        return Err(Failure { diagnostics });
    }
    let weights = match method {
        Method::Pooled { weights } => Some(weights),
        Method::Mean => None,
    };
    let scored: Vec<(&UnitInfo, &Members)> = mapping
        .units
        .iter()
        .zip(&members)
        .filter(|(_, members)| !members.has_no_data())
        .map(|((unit, _), members)| (unit, members))
        .collect();
    let new_units: Vec<UnitInfo> = scored.iter().map(|(unit, _)| (*unit).clone()).collect();
    let mut table = Table::for_framework(framework, new_units);
    for (row, (_, members)) in scored.iter().enumerate() {
        let present: Vec<usize> = members
            .with_data
            .iter()
            .filter_map(|code| position.get(unit_code_key(code)).copied())
            .collect();
        for leaf in framework.indicators() {
            let node = framework.node(leaf);
            let zero = framework.missing() == MissingPolicy::Zero && !node.is_unscored();
            let bottom = (zero && node.range.low.is_finite()).then_some(node.range.low);
            let values: Vec<(usize, f64)> = present
                .iter()
                .filter_map(|&u| {
                    let raw = checked.table.indicator(framework, leaf)?.get(u);
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
                    let column = crate::check::indicator_column(framework, data, &node.code);
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
                                .map(|&(u, v)| {
                                    weight_of(weights, &data.units()[u].code).map(|w| (v, w))
                                })
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
    Ok(Merged {
        table,
        members,
        diagnostics,
    })
}

/// The data's units whose name is not the one the mapping gives their code: an error where it
/// is another former unit's name (the row's code and name disagree), else a warning. Names
/// are compared as [`place_key`] reduces them, so that `TP. Hồ Chí Minh`, `Hoà Bình` and
/// `Ha Noi` are the mapping's `Hồ Chí Minh`, `Hòa Bình` and `Hà Nội`.
fn misnamed(data: &Dataset, mapping: &Mapping) -> Vec<Diagnostic> {
    if mapping.former_names.is_empty() {
        return Vec::new();
    }
    let keys: Vec<(&str, String)> = (mapping.former_names.iter())
        .map(|(code, name)| (code.as_str(), place_key(name)))
        .collect();
    let mapped_name = |code: &str| {
        let mut names = mapping.former_names.iter();
        names.find_map(|(former, name)| same_unit_code(former, code).then_some(name))
    };
    let mut diagnostics = Vec::new();
    for (row, unit) in data.units().iter().enumerate() {
        let (Some(name), Some(mapped)) = (&unit.name, mapped_name(&unit.code)) else {
            continue;
        };
        let key = place_key(name);
        if key.is_empty() || key == place_key(mapped) {
            continue;
        }
        let other = keys.iter().find(|(_, other)| *other == key);
        let problem = Problem::MappedName {
            name: name.to_string(),
            mapped: mapped.clone(),
            other: other.map(|(code, _)| code.to_string()),
        };
        let mut location = Location::file(data.name()).unit(unit.code.as_str());
        location.line = (0..data.columns().len()).find_map(|c| Some(data.origin(row, c)?.0));
        diagnostics.push(match other {
            Some(_) => Diagnostic::error(location, problem),
            None => Diagnostic::warning(location, problem),
        });
    }
    diagnostics
}

/// A place's name reduced to what tells places apart: its letters and digits without
/// diacritical marks (`đ` as `d`), in lower case, without a leading `tỉnh`, `thành phố` or
/// `TP.`, nor spaces and punctuation (`Bà Rịa - Vũng Tàu` and `Bà Rịa–Vũng Tàu`; `Hoà` and
/// `Hòa`, the tone written on either vowel).
fn place_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.chars()
                .map(
                    |c| match crate::nfc::base_letter(crate::case::lower_char(c)) {
                        'đ' => 'd',
                        c => c,
                    },
                )
                .collect()
        })
        .collect();
    let skip = match words.as_slice() {
        [first, second, _, ..] if first == "thanh" && second == "pho" => 2,
        [first, _, ..] if first == "tinh" || first == "tp" => 1,
        _ => 0,
    };
    words[skip..].concat()
}

/// A former unit's weight, its code matched as unit codes are.
fn weight_of(weights: &HashMap<String, f64>, code: &str) -> Option<f64> {
    weights.get(code).copied().or_else(|| {
        weights
            .iter()
            .find(|(key, _)| same_unit_code(key, code))
            .map(|(_, &w)| w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ways people write a province's name reduce to one key; other provinces' names,
    /// however close, do not.
    #[test]
    fn place_names_are_told_apart_as_people_write_them() {
        let same = [
            ("Hồ Chí Minh", "TP. Hồ Chí Minh"),
            ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
            ("Hồ Chí Minh", "tp Ho Chi Minh"),
            ("Hòa Bình", "Tỉnh Hoà Bình"),
            ("Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu"),
            ("Đắk Lắk", "Dak Lak"),
            ("Hà Nội", "HÀ NỘI"),
            ("Quảng Ninh", "Qua\u{309}ng Ninh"),
            ("Thừa Thiên Huế", "Thừa Thiên - Huế"),
        ];
        for (a, b) in same {
            let b = crate::nfc::compose(b);
            assert_eq!(place_key(a), place_key(&b), "{a} / {b}");
        }
        let other = [
            ("Hà Nội", "Hà Nam"),
            ("Quảng Nam", "Quảng Ninh"),
            ("Bắc Ninh", "Bạc Liêu"),
            ("Thanh Hóa", "Thành phố Hóa"),
            ("Hà Giang", "Hậu Giang"),
        ];
        for (a, b) in other {
            assert_ne!(place_key(a), place_key(b), "{a} / {b}");
        }
    }

    /// A unit bearing another former unit's name is an error, one bearing a name the mapping
    /// does not know a warning; names as the mapping gives them pass.
    #[test]
    fn misnamed_units_are_found_by_the_mapping_s_names() {
        let mapping = parse_mapping(
            "new_unit,new_name,former_code,former_name\n\
             12,Tuyên Quang,08,Tuyên Quang\n12,Tuyên Quang,02,Hà Giang\n",
            None,
        )
        .unwrap();
        let data = Dataset::from_csv(
            "code,name,I1\n8,Hà Giang,0.5\n02,Ha Giang,0.4\n",
            Some("d.csv"),
        )
        .dataset;
        let found = misnamed(&data, &mapping);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].is_error());
        assert_eq!(found[0].location.unit.as_deref(), Some("8"));
        assert_eq!(found[0].location.line, Some(2));
        let Problem::MappedName { other, mapped, .. } = &found[0].problem else {
            panic!("{found:?}");
        };
        assert_eq!(
            (other.as_deref(), mapped.as_str()),
            (Some("02"), "Tuyên Quang")
        );
        let data = Dataset::from_csv("code,name,I1\n08,Tuyen Quang city,0.5\n", None).dataset;
        let found = misnamed(&data, &mapping);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, crate::Severity::Warning);
    }
}
