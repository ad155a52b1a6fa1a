//! The data preparation stages: denominate, impute and screen.

use std::collections::{BTreeMap, HashMap};

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
    let mut out = raw.empty_like();
    for (j, name) in raw.columns().iter().enumerate() {
        let col = raw.column_at(j);
        let over = spec.overrides.get(name);
        let tree_denominator = match tree.node(name).map(|n| &n.kind) {
            Some(NodeKind::Indicator { denominator, .. }) => denominator.clone(),
            _ => None,
        };
        let by = over.and_then(|o| o.by.clone()).or(tree_denominator);
        let scale = over.and_then(|o| o.scale).unwrap_or(spec.scale);
        let by = match by {
            Some(by) if !over.is_some_and(|o| o.skip) => by,
            _ => {
                out.push_unchecked(name.clone(), col.to_vec());
                continue;
            }
        };
        let den = data
            .table()
            .column(&by)
            .ok_or_else(|| PipelineError::UnknownColumn(by.clone()))?;
        let mut values = Vec::with_capacity(col.len());
        for (i, (x, d)) in col.iter().zip(den).enumerate() {
            values.push(match (x, d) {
                (Some(_), Some(d)) if *d == 0.0 => {
                    return Err(PipelineError::ZeroDenominator {
                        column: name.clone(),
                        denominator: by.clone(),
                        unit: raw.units().get(i).cloned().unwrap_or_default(),
                    });
                }
                (Some(x), Some(d)) => Some(x / d * scale),
                _ => None,
            });
        }
        if values.iter().flatten().any(|v| !v.is_finite()) {
            return Err(PipelineError::InvalidParameter {
                stage: "denominate",
                message: format!("dividing `{name}` by `{by}` overflows"),
            });
        }
        out.push_unchecked(name.clone(), values);
    }
    Ok(out)
}

/// A cell filled by the impute step.
#[derive(Debug, Clone, PartialEq)]
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
    if table.n_units() != data.table().n_units() {
        return Err(PipelineError::LengthMismatch {
            column: "units".into(),
            expected: data.table().n_units(),
            found: table.n_units(),
        });
    }
    let mut out = table.clone();
    let mut cells = Vec::new();
    for j in 0..table.columns().len() {
        let name = &table.columns()[j];
        let method = spec.overrides.get(name).unwrap_or(&spec.default);
        let col = table.column_at(j);
        if col.iter().all(Option::is_some) {
            continue;
        }
        let filled = impute_column(col, method, data, table.times())?;
        for (i, (old, new)) in col.iter().zip(&filled).enumerate() {
            if let (None, Some(v)) = (old, new) {
                cells.push(ImputedCell {
                    unit: table.units()[i].clone(),
                    time: table.times().and_then(|t| t.get(i).copied()),
                    column: name.clone(),
                    value: *v,
                });
            }
        }
        out.column_mut(j).copy_from_slice(&filled);
    }
    Ok((out, cells))
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// Named in `force_exclude`.
    ForcedOut,
    /// Share of indicators present below `min_availability`.
    LowAvailability,
    /// Share of zeros above `max_zero_share`.
    TooManyZeros,
}

/// A unit removed by the screen step, with the figures that decided it.
#[derive(Debug, Clone, PartialEq)]
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
    for u in spec.force_include.iter().chain(&spec.force_exclude) {
        if table.unit_index(u).is_none() {
            return Err(PipelineError::UnknownUnit(u.clone()));
        }
    }
    let k = table.columns().len();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
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
    Ok((kept, dropped))
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
