//! The data preparation stages: denominate, impute and screen.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::error::PipelineError;
use super::spec::{DenominateSpec, ImputeMethod, ImputeSpec, ScreenSpec};
use super::stats;
use super::table::{Dataset, Table};
use super::tree::{NodeKind, Tree};

/// Divides every indicator that has a denominator (in the tree, or overridden in the spec) by it,
/// then multiplies by the scale factor. A missing numerator or denominator gives a missing value;
/// a zero denominator is an error naming the unit.
pub fn denominate(
    raw: &Table,
    data: &Dataset,
    tree: &Tree,
    spec: &DenominateSpec,
) -> Result<Table, PipelineError> {
    let mut out = raw.clone();
    denominate_in_place(&mut out, data, tree, spec)?;
    Ok(out)
}

/// [`denominate`] in place.
pub(crate) fn denominate_in_place(
    table: &mut Table,
    data: &Dataset,
    tree: &Tree,
    spec: &DenominateSpec,
) -> Result<(), PipelineError> {
    let names = Arc::clone(table.columns_shared());
    for (j, name) in names.iter().enumerate() {
        let over = spec.overrides.get(name);
        if over.is_some_and(|o| o.skip) {
            continue;
        }
        let tree_denominator = match tree.node(name).map(|n| &n.kind) {
            Some(NodeKind::Indicator { denominator, .. }) => denominator.as_deref(),
            _ => None,
        };
        let Some(by) = over.and_then(|o| o.by.as_deref()).or(tree_denominator) else {
            continue;
        };
        let scale = over.and_then(|o| o.scale).unwrap_or(spec.scale);
        let den = data
            .column(by)
            .ok_or_else(|| PipelineError::UnknownColumn(by.to_owned()))?;
        let units = Arc::clone(table.units_shared());
        let col = table.column_mut(j);
        let mut finite = true;
        for (i, (x, d)) in col.iter_mut().zip(den).enumerate() {
            *x = match (*x, d) {
                (Some(_), Some(d)) if *d == 0.0 => {
                    return Err(PipelineError::ZeroDenominator {
                        column: name.clone(),
                        denominator: by.to_owned(),
                        unit: units.get(i).cloned().unwrap_or_default(),
                    });
                }
                (Some(x), Some(d)) => {
                    let v = x / d * scale;
                    finite &= v.is_finite();
                    Some(v)
                }
                _ => None,
            };
        }
        if !finite {
            return Err(PipelineError::InvalidParameter {
                stage: "denominate",
                message: format!("dividing `{name}` by `{by}` overflows"),
            });
        }
    }
    Ok(())
}

/// A cell filled by the impute step.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImputedCell {
    /// Unit (row) code.
    pub unit: String,
    /// Time of the row, for panels.
    pub time: Option<i64>,
    /// Indicator.
    pub column: String,
    /// The value put in.
    pub value: f64,
}

/// Fills missing values; returns the imputed table and the list of filled cells. Cells that no
/// method can fill (a group without data, a panel gap at the edge) stay missing.
///
/// `table` must have the rows of `data`, in the same order (the impute step runs before
/// screening).
pub fn impute(
    table: &Table,
    data: &Dataset,
    spec: &ImputeSpec,
) -> Result<(Table, Vec<ImputedCell>), PipelineError> {
    let mut out = table.clone();
    let mut cells = Vec::new();
    impute_in_place(
        &mut out,
        data,
        spec,
        &mut cells,
        &mut ImputeScratch::default(),
    )?;
    Ok((out, cells))
}

/// Scratch space for imputing without allocating.
#[derive(Debug, Default, Clone)]
pub(crate) struct ImputeScratch {
    values: Vec<f64>,
    // Per group column used in this run: each row's group, as a number.
    groups: Vec<(String, Vec<usize>)>,
    fills: Vec<Option<Option<f64>>>,
}

impl ImputeScratch {
    /// The group number of each row for a group column, computed once per run.
    fn group_ids(&mut self, name: &str, labels: &[String]) -> usize {
        if let Some(k) = self.groups.iter().position(|(g, _)| g == name) {
            return k;
        }
        let mut distinct: Vec<&str> = Vec::new();
        let ids = labels
            .iter()
            .map(|l| match distinct.iter().position(|d| *d == l) {
                Some(k) => k,
                None => {
                    distinct.push(l);
                    distinct.len() - 1
                }
            })
            .collect();
        self.groups.push((name.to_owned(), ids));
        self.groups.len() - 1
    }
}

/// [`impute`] in place, reusing the buffers of `cells`.
pub(crate) fn impute_in_place(
    table: &mut Table,
    data: &Dataset,
    spec: &ImputeSpec,
    cells: &mut Vec<ImputedCell>,
    scratch: &mut ImputeScratch,
) -> Result<(), PipelineError> {
    if table.n_units() != data.table().n_units() {
        return Err(PipelineError::LengthMismatch {
            column: "units".into(),
            expected: data.table().n_units(),
            found: table.n_units(),
        });
    }
    scratch.groups.clear();
    let names = Arc::clone(table.columns_shared());
    let units = Arc::clone(table.units_shared());
    let times = table.times_shared().cloned();
    let mut k = 0;
    for (j, name) in names.iter().enumerate() {
        let method = spec.overrides.get(name).unwrap_or(&spec.default);
        let col = table.column_mut(j);
        if col.iter().all(Option::is_some) {
            continue;
        }
        let mut record = |i: usize, v: f64| {
            let time = times.as_ref().and_then(|t| t.get(i).copied());
            let unit = units.get(i).map_or("", String::as_str);
            match cells.get_mut(k) {
                Some(c) => {
                    c.unit.clear();
                    c.unit.push_str(unit);
                    c.column.clear();
                    c.column.push_str(name);
                    (c.time, c.value) = (time, v);
                }
                None => cells.push(ImputedCell {
                    unit: unit.to_owned(),
                    time,
                    column: name.clone(),
                    value: v,
                }),
            }
            k += 1;
        };
        match method {
            ImputeMethod::None => {}
            ImputeMethod::Mean | ImputeMethod::Median => {
                let p = &mut scratch.values;
                stats::present_into(col, p);
                let fill = if matches!(method, ImputeMethod::Mean) {
                    stats::mean(p)
                } else {
                    stats::median_in_place(p)
                };
                if let Some(v) = fill {
                    for (i, x) in col.iter_mut().enumerate() {
                        if x.is_none() {
                            *x = Some(v);
                            record(i, v);
                        }
                    }
                }
            }
            ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group } => {
                let labels = data
                    .group(group)
                    .ok_or_else(|| PipelineError::UnknownGroup(group.clone()))?;
                let g = scratch.group_ids(group, labels);
                let ids = &scratch.groups[g].1;
                scratch.fills.clear();
                for i in 0..col.len() {
                    if col[i].is_some() {
                        continue;
                    }
                    let id = ids[i];
                    if scratch.fills.len() <= id {
                        scratch.fills.resize(id + 1, None);
                    }
                    let fill = match scratch.fills[id] {
                        Some(f) => f,
                        None => {
                            // the present values of the group, in row order
                            let p = &mut scratch.values;
                            p.clear();
                            p.extend(
                                col.iter()
                                    .zip(ids)
                                    .filter(|(_, g)| **g == id)
                                    .filter_map(|(x, _)| *x),
                            );
                            let f = if matches!(method, ImputeMethod::GroupMean { .. }) {
                                stats::mean(p)
                            } else {
                                stats::median_in_place(p)
                            };
                            scratch.fills[id] = Some(f);
                            f
                        }
                    };
                    if let Some(v) = fill {
                        col[i] = Some(v);
                        record(i, v);
                    }
                }
            }
            ImputeMethod::CarryForward | ImputeMethod::Linear => {
                let filled = impute_column(col, method, data, times.as_deref())?;
                for (i, (old, new)) in col.iter_mut().zip(filled).enumerate() {
                    if let (None, Some(v)) = (*old, new) {
                        *old = Some(v);
                        record(i, v);
                    }
                }
            }
        }
    }
    cells.truncate(k);
    Ok(())
}

fn impute_column(
    col: &[Option<f64>],
    method: &ImputeMethod,
    data: &Dataset,
    times: Option<&[i64]>,
) -> Result<Vec<Option<f64>>, PipelineError> {
    let fill_all = |v: Option<f64>| col.iter().map(|x| x.or(v)).collect::<Vec<_>>();
    Ok(match method {
        ImputeMethod::None => col.to_vec(),
        ImputeMethod::Mean => fill_all(stats::mean(&stats::present(col))),
        ImputeMethod::Median => fill_all(stats::median(&stats::present(col))),
        ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group } => {
            let labels = data
                .group(group)
                .ok_or_else(|| PipelineError::UnknownGroup(group.clone()))?;
            let mut by_group: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
            for (x, g) in col.iter().zip(labels) {
                if let Some(x) = x {
                    by_group.entry(g.as_str()).or_default().push(*x);
                }
            }
            let fill: HashMap<&str, Option<f64>> = by_group
                .iter()
                .map(|(g, xs)| {
                    let v = if matches!(method, ImputeMethod::GroupMean { .. }) {
                        stats::mean(xs)
                    } else {
                        stats::median(xs)
                    };
                    (*g, v)
                })
                .collect();
            col.iter()
                .zip(labels)
                .map(|(x, g)| x.or_else(|| fill.get(g.as_str()).copied().flatten()))
                .collect()
        }
        ImputeMethod::CarryForward | ImputeMethod::Linear => {
            let name = if matches!(method, ImputeMethod::Linear) {
                "linear"
            } else {
                "carry_forward"
            };
            let times = times.ok_or(PipelineError::NoTime(name))?;
            let units = data.table().units();
            let mut rows_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, u) in units.iter().enumerate() {
                rows_of.entry(u.as_str()).or_default().push(i);
            }
            let mut out = col.to_vec();
            for rows in rows_of.values_mut() {
                rows.sort_by_key(|&i| times.get(i).copied().unwrap_or(i64::MIN));
                for (k, &i) in rows.iter().enumerate() {
                    if col.get(i).copied().flatten().is_some() {
                        continue;
                    }
                    let before = rows[..k]
                        .iter()
                        .rev()
                        .find_map(|&r| col.get(r).copied().flatten().map(|v| (r, v)));
                    out[i] = match method {
                        ImputeMethod::CarryForward => before.map(|(_, v)| v),
                        _ => {
                            let after = rows[k + 1..]
                                .iter()
                                .find_map(|&r| col.get(r).copied().flatten().map(|v| (r, v)));
                            match (before, after) {
                                (Some((r0, v0)), Some((r1, v1))) => {
                                    let t0 = times[r0] as f64;
                                    let t1 = times[r1] as f64;
                                    let t = times[i] as f64;
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
    })
}

/// Why a unit was dropped by the screen step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DroppedUnit {
    /// Unit code.
    pub unit: String,
    /// Time of the row, for panels.
    pub time: Option<i64>,
    /// Why it was dropped.
    pub reason: DropReason,
    /// Share of its indicators present.
    pub availability: f64,
    /// Share of zeros among its present values.
    pub zero_share: f64,
}

/// Decides which rows are kept; returns their positions and the dropped units.
pub fn screen(
    table: &Table,
    spec: &ScreenSpec,
) -> Result<(Vec<usize>, Vec<DroppedUnit>), PipelineError> {
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    screen_into(table, spec, &mut kept, &mut dropped)?;
    Ok((kept, dropped))
}

/// [`screen`] into reused vectors.
pub(crate) fn screen_into(
    table: &Table,
    spec: &ScreenSpec,
    kept: &mut Vec<usize>,
    dropped: &mut Vec<DroppedUnit>,
) -> Result<(), PipelineError> {
    for u in spec.force_include.iter().chain(&spec.force_exclude) {
        if table.unit_index(u).is_none() {
            return Err(PipelineError::UnknownUnit(u.clone()));
        }
    }
    kept.clear();
    dropped.clear();
    let k = table.columns().len();
    for (i, unit) in table.units().iter().enumerate() {
        let mut present = 0_usize;
        let mut zeros = 0_usize;
        for j in 0..k {
            if let Some(Some(v)) = table.column_at(j).get(i) {
                present += 1;
                if *v == 0.0 {
                    zeros += 1;
                }
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
        let reason = if spec.force_exclude.contains(unit) {
            Some(DropReason::ForcedOut)
        } else if spec.force_include.contains(unit) {
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
                unit: unit.clone(),
                time: table.times().and_then(|t| t.get(i).copied()),
                reason,
                availability,
                zero_share,
            }),
        }
    }
    if kept.is_empty() {
        return Err(PipelineError::NothingLeft);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::spec::DenominateOverride;
    use crate::pipeline::tree::NodeSpec;

    fn dataset() -> Dataset {
        let mut d =
            Dataset::new(vec!["A".into(), "B".into(), "C".into(), "D".into()], None).unwrap();
        d.push_column("x", vec![Some(1.0), None, Some(3.0), Some(8.0)])
            .unwrap();
        d.push_column("pop", vec![Some(2.0), Some(1.0), Some(0.5), None])
            .unwrap();
        d.push_group("g", vec!["e".into(), "e".into(), "e".into(), "a".into()])
            .unwrap();
        d
    }

    #[test]
    fn denominate_by_tree_and_override() {
        let d = dataset();
        let mut nodes = vec![
            NodeSpec::indicator("x", "I"),
            NodeSpec::aggregate("I", None),
        ];
        nodes[0].kind = NodeKind::Indicator {
            direction: 1,
            denominator: Some("pop".into()),
            target: None,
        };
        let tree = Tree::new(nodes).unwrap();
        let raw = d.table().select_columns(&["x".into()]).unwrap();
        let spec = DenominateSpec {
            scale: 10.0,
            overrides: BTreeMap::new(),
        };
        let out = denominate(&raw, &d, &tree, &spec).unwrap();
        assert_eq!(
            out.column("x").unwrap(),
            [Some(5.0), None, Some(60.0), None]
        );
        let mut spec = spec;
        spec.overrides.insert(
            "x".into(),
            DenominateOverride {
                by: None,
                scale: None,
                skip: true,
            },
        );
        assert_eq!(denominate(&raw, &d, &tree, &spec).unwrap(), raw);
    }

    #[test]
    fn impute_methods() {
        let d = dataset();
        let t = d.table().select_columns(&["x".into()]).unwrap();
        let run = |m: ImputeMethod| {
            impute(
                &t,
                &d,
                &ImputeSpec {
                    default: m,
                    overrides: BTreeMap::new(),
                },
            )
            .unwrap()
        };
        assert_eq!(run(ImputeMethod::Mean).0.get("B", "x"), Some(4.0));
        assert_eq!(run(ImputeMethod::Median).0.get("B", "x"), Some(3.0));
        let (out, cells) = run(ImputeMethod::GroupMean { group: "g".into() });
        assert_eq!(out.get("B", "x"), Some(2.0));
        assert_eq!(
            cells,
            [ImputedCell {
                unit: "B".into(),
                time: None,
                column: "x".into(),
                value: 2.0
            }]
        );
        assert!(
            impute(
                &t,
                &d,
                &ImputeSpec {
                    default: ImputeMethod::CarryForward,
                    overrides: BTreeMap::new()
                }
            )
            .is_err()
        );
    }

    #[test]
    fn panel_imputation() {
        let units = vec!["A".into(), "A".into(), "A".into(), "A".into(), "B".into()];
        let mut d = Dataset::new(units, Some(vec![2023, 2020, 2021, 2024, 2020])).unwrap();
        d.push_column("x", vec![None, Some(1.0), None, Some(7.0), None])
            .unwrap();
        let t = d.table().clone();
        let spec = |m| ImputeSpec {
            default: m,
            overrides: BTreeMap::new(),
        };
        let (cf, _) = impute(&t, &d, &spec(ImputeMethod::CarryForward)).unwrap();
        assert_eq!(
            cf.column("x").unwrap(),
            [Some(1.0), Some(1.0), Some(1.0), Some(7.0), None]
        );
        let (li, _) = impute(&t, &d, &spec(ImputeMethod::Linear)).unwrap();
        assert_eq!(
            li.column("x").unwrap(),
            [Some(5.5), Some(1.0), Some(2.5), Some(7.0), None]
        );
    }

    #[test]
    fn screening_reports_reasons() {
        let mut t = Table::new(vec!["A".into(), "B".into(), "C".into(), "D".into()], None).unwrap();
        t.push_column("x", vec![Some(1.0), None, Some(0.0), Some(1.0)])
            .unwrap();
        t.push_column("y", vec![Some(1.0), None, Some(0.0), Some(1.0)])
            .unwrap();
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
