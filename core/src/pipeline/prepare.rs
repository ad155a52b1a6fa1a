//! The data preparation steps: denominate, impute and screen, each on the table of the step
//! before it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::spec::{DenominateSpec, ImputeMethod, ImputeSpec, ScreenSpec};
use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::framework::Framework;
use crate::stats;
use crate::table::Table;

/// The problems of a step, each located.
type Problems = Vec<Diagnostic>;

/// Divides every indicator that has a denominator (its own, or one the step's overrides name)
/// by that column of `denominators`, then multiplies by the scale factor. A missing numerator
/// or denominator gives a missing value; a zero denominator is an error naming the unit.
pub(crate) fn denominate(
    table: &mut Table,
    denominators: &Table,
    framework: &Framework,
    spec: &DenominateSpec,
) -> Result<(), Problems> {
    let mut problems = Vec::new();
    for j in 0..table.columns().len() {
        let name = table.columns()[j].clone();
        let over = spec.overrides.get(&name);
        if over.is_some_and(|o| o.skip) {
            continue;
        }
        let own = framework
            .find(&name)
            .and_then(|id| framework.node(id).denominator.as_deref());
        let Some(by) = over.and_then(|o| o.by.as_deref()).or(own) else {
            continue;
        };
        let here = |unit: Option<&str>| {
            let location = Location::default().indicator(&name);
            match unit {
                Some(unit) => location.unit(unit),
                None => location,
            }
        };
        let Some(divisors) = denominators.column(by) else {
            let problem = Problem::NoDenominatorColumn {
                column: by.to_string(),
            };
            problems.push(Diagnostic::error(here(None), problem));
            continue;
        };
        let scale = over.and_then(|o| o.scale).unwrap_or(spec.scale);
        let units = table.shared_units();
        let mut column = table.column_at(j).to_vec();
        for (row, (x, d)) in column.iter_mut().zip(divisors.iter()).enumerate() {
            *x = match (*x, d) {
                (Some(_), Some(0.0)) => {
                    problems.push(Diagnostic::error(
                        here(Some(&units[row].code)),
                        Problem::ZeroDenominator,
                    ));
                    None
                }
                (Some(x), Some(d)) => {
                    let value = x / d * scale;
                    if !value.is_finite() {
                        problems.push(Diagnostic::error(
                            here(Some(&units[row].code)),
                            Problem::DivisionOverflows {
                                denominator: by.to_string(),
                            },
                        ));
                    }
                    Some(value).filter(|v| v.is_finite())
                }
                _ => None,
            };
        }
        if let Err(at) = table.write_column(j, column) {
            problems.push(Diagnostic::error(
                here(Some(&units[at.position].code)),
                Problem::Overflow,
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A cell filled by the impute step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImputedCell {
    /// The unit's code.
    pub unit: String,
    /// The year of the row, for panels.
    pub time: Option<i32>,
    /// The indicator.
    pub column: String,
    /// The value put in.
    pub value: f64,
}

/// Fills missing values; returns the cells filled. Cells that no method can fill (a group
/// without data, a panel gap at an edge) stay missing.
pub(crate) fn impute(table: &mut Table, spec: &ImputeSpec) -> Result<Vec<ImputedCell>, Problems> {
    let mut problems = Vec::new();
    let mut cells = Vec::new();
    let units = table.shared_units();
    let years: Option<Vec<i32>> = units.iter().map(|u| u.year).collect();
    // Each grouping used, split into its groups' rows once.
    let mut groupings: Vec<(&str, GroupRows)> = Vec::new();
    let mut scratch = Vec::new();
    for j in 0..table.columns().len() {
        let method = spec
            .overrides
            .get(&table.columns()[j])
            .unwrap_or(&spec.default);
        if table.column_at(j).iter().all(|x| x.is_some()) {
            continue;
        }
        let column = &table.column_at(j).to_vec();
        let filled: Vec<Option<f64>> = match method {
            ImputeMethod::None {} => continue,
            ImputeMethod::Mean {} | ImputeMethod::Median {} => {
                let present = stats::present(column);
                let fill = if matches!(method, ImputeMethod::Mean {}) {
                    stats::mean(&present)
                } else {
                    stats::median(&present)
                };
                column.iter().map(|x| x.or(fill)).collect()
            }
            ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group } => {
                let k = match groupings.iter().position(|(name, _)| name == group) {
                    Some(k) => k,
                    None => {
                        groupings.push((group, group_rows(table, group)));
                        groupings.len() - 1
                    }
                };
                let groups = match &groupings[k].1 {
                    Ok(groups) => groups,
                    Err(problem) => {
                        problems.push(Diagnostic::clone(problem));
                        continue;
                    }
                };
                let mean = matches!(method, ImputeMethod::GroupMean { .. });
                let mut filled = column.to_vec();
                for rows in groups {
                    if rows.iter().all(|&row| column[row].is_some()) {
                        continue;
                    }
                    scratch.clear();
                    scratch.extend(rows.iter().filter_map(|&row| column[row]));
                    let fill = if mean {
                        stats::mean(&scratch)
                    } else {
                        stats::median_in_place(&mut scratch)
                    };
                    for &row in rows {
                        filled[row] = filled[row].or(fill);
                    }
                }
                filled
            }
            ImputeMethod::CarryForward {} | ImputeMethod::Linear {} => {
                let Some(years) = &years else {
                    let problem = Problem::NoYears {
                        method: if matches!(method, ImputeMethod::Linear {}) {
                            "linear"
                        } else {
                            "carry_forward"
                        }
                        .into(),
                    };
                    problems.push(Diagnostic::error(Location::default(), problem));
                    continue;
                };
                along_time(column, &units, years, method)
            }
        };
        let name = table.columns()[j].clone();
        let mut column = table.column_at(j).to_vec();
        for (row, (old, new)) in column.iter_mut().zip(filled).enumerate() {
            if let (None, Some(value)) = (*old, new) {
                *old = Some(value);
                cells.push(ImputedCell {
                    unit: units[row].code.to_string(),
                    time: units[row].year,
                    column: name.clone(),
                    value,
                });
            }
        }
        // A fill too large for a float (the mean of huge values) is an error, never a cell
        // left missing.
        if let Err(at) = table.write_column(j, column) {
            let location = Location::default()
                .unit(units[at.position].code.as_str())
                .indicator(&name);
            problems.push(Diagnostic::error(location, Problem::Overflow));
        }
    }
    if problems.is_empty() {
        Ok(cells)
    } else {
        problems.dedup();
        Err(problems)
    }
}

/// The rows of each group of a grouping, each in row order, or why the grouping cannot be used.
type GroupRows = Result<Vec<Vec<usize>>, Box<Diagnostic>>;

/// The rows of each group of a grouping; fails when the data has no such grouping or a unit
/// has no label in it.
fn group_rows(table: &Table, grouping: &str) -> GroupRows {
    let Some(labels) = table.grouping(grouping) else {
        let problem = Problem::UnknownGrouping {
            name: grouping.to_string(),
            known: table
                .grouping_names()
                .iter()
                .map(|s| s.to_string())
                .collect(),
        };
        return Err(Box::new(Diagnostic::error(Location::default(), problem)));
    };
    if let Some(row) = labels.iter().position(|l| l.trim().is_empty()) {
        let problem = Problem::Unlabelled {
            grouping: grouping.to_string(),
        };
        let location = Location::default().unit(table.units()[row].code.as_str());
        return Err(Box::new(Diagnostic::error(location, problem)));
    }
    let mut rows_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (row, label) in labels.into_iter().enumerate() {
        rows_of.entry(label).or_default().push(row);
    }
    Ok(rows_of.into_values().collect())
}

/// Panels: each missing value from the same unit's values in other years, carried forward or
/// interpolated linearly.
fn along_time(
    column: &[Option<f64>],
    units: &[crate::UnitInfo],
    years: &[i32],
    method: &ImputeMethod,
) -> Vec<Option<f64>> {
    let mut rows_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, unit) in units.iter().enumerate() {
        rows_of.entry(unit.code.as_str()).or_default().push(i);
    }
    let mut out = column.to_vec();
    for rows in rows_of.values_mut() {
        rows.sort_by_key(|&i| years[i]);
        for (k, &i) in rows.iter().enumerate() {
            if column[i].is_some() {
                continue;
            }
            let before = rows[..k]
                .iter()
                .rev()
                .find_map(|&r| column[r].map(|v| (r, v)));
            out[i] = match method {
                ImputeMethod::CarryForward {} => before.map(|(_, v)| v),
                _ => {
                    let after = rows[k + 1..]
                        .iter()
                        .find_map(|&r| column[r].map(|v| (r, v)));
                    match (before, after) {
                        (Some((r0, v0)), Some((r1, v1))) => {
                            let (t0, t1, t) = (
                                f64::from(years[r0]),
                                f64::from(years[r1]),
                                f64::from(years[i]),
                            );
                            Some(v0 + (v1 - v0) * (t - t0) / (t1 - t0))
                        }
                        _ => None,
                    }
                }
            };
        }
    }
    out
}

/// Why a unit was dropped by the screen step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Named in `force_exclude`.
    ForcedOut,
    /// Share of indicators present below `min_availability`.
    LowAvailability,
    /// Share of zeros above `max_zero_share`.
    TooManyZeros,
}

/// A unit removed by the screen step, with the figures that decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedUnit {
    /// The unit's code.
    pub unit: String,
    /// The year of the row, for panels.
    pub time: Option<i32>,
    /// Why it was dropped.
    pub reason: DropReason,
    /// Share of its indicators present.
    pub availability: f64,
    /// Share of zeros among its present values.
    pub zero_share: f64,
}

/// Decides which rows are kept, judged on the table as the steps before left it; returns
/// their positions and the dropped units.
pub(crate) fn screen(
    table: &Table,
    spec: &ScreenSpec,
) -> Result<(Vec<usize>, Vec<DroppedUnit>), Problems> {
    let unknown: Problems = spec
        .force_include
        .iter()
        .chain(&spec.force_exclude)
        .filter(|code| table.unit_index(code).is_none())
        .map(|code| {
            Diagnostic::error(
                Location::default(),
                Problem::UnknownUnit {
                    unit: code.clone(),
                    referenced_by: "pipeline.screen".into(),
                },
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    let k = table.columns().len();
    for (i, unit) in table.units().iter().enumerate() {
        let mut present = 0_usize;
        let mut zeros = 0_usize;
        for j in 0..k {
            if let Some(v) = table.get(i, j) {
                present += 1;
                zeros += usize::from(v == 0.0);
            }
        }
        let availability = if k == 0 {
            1.0
        } else {
            present as f64 / k as f64
        };
        let zero_share = if present == 0 {
            0.0
        } else {
            zeros as f64 / present as f64
        };
        let reason = if spec
            .force_exclude
            .iter()
            .any(|c| c.as_str() == unit.code.as_str())
        {
            Some(DropReason::ForcedOut)
        } else if spec
            .force_include
            .iter()
            .any(|c| c.as_str() == unit.code.as_str())
        {
            None
        } else if availability < spec.min_availability {
            Some(DropReason::LowAvailability)
        } else if zero_share > spec.max_zero_share {
            Some(DropReason::TooManyZeros)
        } else {
            None
        };
        match reason {
            None => kept.push(i),
            Some(reason) => dropped.push(DroppedUnit {
                unit: unit.code.to_string(),
                time: unit.year,
                reason,
                availability,
                zero_share,
            }),
        }
    }
    if kept.is_empty() {
        return Err(vec![Diagnostic::error(
            Location::default(),
            Problem::NothingLeft,
        )]);
    }
    Ok((kept, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnitInfo;
    use crate::pipeline::spec::DenominateOverride;

    fn table(codes: &[&str], columns: &[(&str, &[Option<f64>])]) -> Table {
        Table::from_columns(codes, columns)
    }

    fn framework() -> Framework {
        Framework::from_toml(
            r#"
            id = "t"
            names = { vi = "t", en = "t" }
            [[indicator]]
            code = "x"
            names = { vi = "x", en = "x" }
            unit = "number"
            rule = { method = "min_max" }
            denominator = "pop"
            "#,
            None,
        )
        .unwrap()
    }

    #[test]
    fn denominate_by_own_denominator_and_override() {
        let units = ["A", "B", "C", "D"];
        let x: &[Option<f64>] = &[Some(1.0), None, Some(3.0), Some(8.0)];
        let pop: &[Option<f64>] = &[Some(2.0), Some(1.0), Some(0.5), None];
        let denominators = table(&units, &[("pop", pop)]);
        let mut t = table(&units, &[("x", x)]);
        let mut spec = DenominateSpec {
            scale: 10.0,
            overrides: BTreeMap::new(),
        };
        denominate(&mut t, &denominators, &framework(), &spec).unwrap();
        assert_eq!(t.column("x").unwrap(), [Some(5.0), None, Some(60.0), None]);
        spec.overrides.insert(
            "x".into(),
            DenominateOverride {
                by: None,
                scale: None,
                skip: true,
            },
        );
        let mut t = table(&units, &[("x", x)]);
        denominate(&mut t, &denominators, &framework(), &spec).unwrap();
        assert_eq!(t.column("x").unwrap(), x);
        let zero = table(&units, &[("pop", &[Some(0.0), None, None, None])]);
        let mut t = table(&units, &[("x", x)]);
        let problems = denominate(
            &mut t,
            &zero,
            &framework(),
            &DenominateSpec {
                scale: 1.0,
                overrides: BTreeMap::new(),
            },
        )
        .unwrap_err();
        assert_eq!(problems[0].problem, Problem::ZeroDenominator);
        assert_eq!(problems[0].location.unit.as_deref(), Some("A"));
    }

    #[test]
    fn impute_methods() {
        let mut units: Vec<UnitInfo> = ["A", "B", "C", "D"]
            .into_iter()
            .map(UnitInfo::new)
            .collect();
        for (u, g) in units.iter_mut().zip(["e", "e", "e", "a"]) {
            u.groups.insert("g".into(), g.into());
        }
        let mut t = Table::new(units, vec!["x".into()]);
        for (i, v) in [Some(1.0), None, Some(3.0), Some(8.0)]
            .into_iter()
            .enumerate()
        {
            t.set(i, 0, v).unwrap();
        }
        let run = |method: ImputeMethod| {
            let mut t = t.clone();
            let cells = impute(
                &mut t,
                &ImputeSpec {
                    default: method,
                    overrides: BTreeMap::new(),
                },
            )
            .unwrap();
            (t.value("B", "x"), cells.len())
        };
        assert_eq!(run(ImputeMethod::Mean {}), (Some(4.0), 1));
        assert_eq!(run(ImputeMethod::Median {}), (Some(3.0), 1));
        assert_eq!(
            run(ImputeMethod::GroupMean { group: "g".into() }),
            (Some(2.0), 1)
        );
        let mut t2 = t.clone();
        let problems = impute(
            &mut t2,
            &ImputeSpec {
                default: ImputeMethod::CarryForward {},
                overrides: BTreeMap::new(),
            },
        )
        .unwrap_err();
        assert!(matches!(problems[0].problem, Problem::NoYears { .. }));
        let problems = impute(
            &mut t2,
            &ImputeSpec {
                default: ImputeMethod::GroupMean {
                    group: "region".into(),
                },
                overrides: BTreeMap::new(),
            },
        )
        .unwrap_err();
        assert!(matches!(
            problems[0].problem,
            Problem::UnknownGrouping { .. }
        ));
    }

    #[test]
    fn a_fill_too_large_for_a_float_is_an_error_not_a_missing_value() {
        let units = ["A", "B", "C"];
        let huge: &[Option<f64>] = &[Some(1.7e308), Some(1.7e308), None];
        let mut t = table(&units, &[("x", huge)]);
        let problems = impute(
            &mut t,
            &ImputeSpec {
                default: ImputeMethod::Mean {},
                overrides: BTreeMap::new(),
            },
        )
        .unwrap_err();
        assert_eq!(problems[0].problem, Problem::Overflow);
        assert_eq!(problems[0].location.unit.as_deref(), Some("C"));
        assert_eq!(problems[0].location.indicator.as_deref(), Some("x"));
        // The table is left as it was.
        assert_eq!(t.column("x").unwrap(), huge);
    }

    #[test]
    fn panel_imputation() {
        let mut units: Vec<UnitInfo> = ["A", "A", "A", "A", "B"]
            .into_iter()
            .map(UnitInfo::new)
            .collect();
        for (u, y) in units.iter_mut().zip([2023, 2020, 2021, 2024, 2020]) {
            u.year = Some(y);
        }
        let mut t = Table::new(units, vec!["x".into()]);
        for (i, v) in [None, Some(1.0), None, Some(7.0), None]
            .into_iter()
            .enumerate()
        {
            t.set(i, 0, v).unwrap();
        }
        let run = |method| {
            let mut t = t.clone();
            impute(
                &mut t,
                &ImputeSpec {
                    default: method,
                    overrides: BTreeMap::new(),
                },
            )
            .unwrap();
            t.column("x").unwrap().to_vec()
        };
        assert_eq!(
            run(ImputeMethod::CarryForward {}),
            [Some(1.0), Some(1.0), Some(1.0), Some(7.0), None]
        );
        assert_eq!(
            run(ImputeMethod::Linear {}),
            [Some(5.5), Some(1.0), Some(2.5), Some(7.0), None]
        );
    }

    #[test]
    fn screening_reports_reasons() {
        let column: &[Option<f64>] = &[Some(1.0), None, Some(0.0), Some(1.0)];
        let t = table(&["A", "B", "C", "D"], &[("x", column), ("y", column)]);
        let spec = ScreenSpec {
            min_availability: 0.5,
            max_zero_share: 0.5,
            force_include: vec![],
            force_exclude: vec!["D".into()],
        };
        let (kept, dropped) = screen(&t, &spec).unwrap();
        assert_eq!(kept, [0]);
        let reasons: Vec<_> = dropped
            .iter()
            .map(|d| (d.unit.as_str(), d.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("B", DropReason::LowAvailability),
                ("C", DropReason::TooManyZeros),
                ("D", DropReason::ForcedOut)
            ]
        );
        let spec = ScreenSpec {
            force_include: vec!["B".into()],
            force_exclude: vec![],
            ..spec
        };
        assert_eq!(screen(&t, &spec).unwrap().0, [0, 1, 3]);
    }
}
