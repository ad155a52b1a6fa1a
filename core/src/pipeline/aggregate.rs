//! Aggregation: combining children into their parent, level by level.

use super::error::PipelineError;
use super::spec::{AggregateSpec, AggregationMethod};
use super::stats;
use super::table::Table;
use super::tree::Tree;

/// Combines one unit's children values with their weights (row-wise methods).
///
/// Missing children are skipped and the remaining weights renormalised; `Ok(None)` when no child
/// is present or the present weights sum to zero. Fails, with a lowercase reason, when the method
/// is undefined for a value (e.g. a geometric mean of a non-positive value). For
/// [`AggregationMethod::Copeland`], which compares units, use [`copeland`].
pub fn combine(
    values: &[Option<f64>],
    weights: &[f64],
    method: &AggregationMethod,
) -> Result<Option<f64>, String> {
    let pairs = || {
        values
            .iter()
            .zip(weights)
            .filter_map(|(v, w)| v.map(|v| (v, *w)))
    };
    let mut total = 0.0;
    let mut count = 0;
    for (_, w) in pairs() {
        total += w;
        count += 1;
    }
    if count == 0 || total <= 0.0 {
        return Ok(None);
    }
    let y = match method {
        AggregationMethod::Arithmetic => pairs().map(|(x, w)| w / total * x).sum(),
        AggregationMethod::Geometric => {
            if pairs().any(|p| p.0 <= 0.0) {
                return Err("the geometric mean needs positive values".into());
            }
            libm::exp(pairs().map(|(x, w)| w * libm::log(x)).sum::<f64>() / total)
        }
        AggregationMethod::Harmonic => {
            if pairs().any(|p| p.0 == 0.0) {
                return Err("the harmonic mean needs non-zero values".into());
            }
            total / pairs().map(|(x, w)| w / x).sum::<f64>()
        }
        AggregationMethod::Generalised { p } => {
            if *p == 0.0 || !p.is_finite() {
                return Err("the power of the generalised mean must be finite and non-zero".into());
            }
            if pairs().any(|q| q.0 <= 0.0) {
                return Err("the generalised mean needs positive values".into());
            }
            let m = pairs().map(|(x, w)| w * libm::pow(x, *p)).sum::<f64>() / total;
            libm::pow(m, 1.0 / p)
        }
        AggregationMethod::Median => weighted_median(pairs().collect(), total),
        AggregationMethod::Copeland => {
            return Err("the copeland method compares units; it cannot combine one row".into());
        }
    };
    if !y.is_finite() {
        return Err("the result is not finite".into());
    }
    Ok(Some(y))
}

fn weighted_median(mut pairs: Vec<(f64, f64)>, total: f64) -> f64 {
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cum = 0.0;
    for (k, &(x, w)) in pairs.iter().enumerate() {
        cum += w / total;
        if (cum - 0.5).abs() <= 1e-12 {
            return match pairs.get(k + 1) {
                Some(&(next, _)) => (x + next) / 2.0,
                None => x,
            };
        }
        if cum > 0.5 {
            return x;
        }
    }
    pairs.last().map_or(0.0, |p| p.0)
}

/// Copeland scores of every unit (COINr's `a_copeland`).
///
/// With weights normalised to sum to 1 over all children, the outranking score of unit i over j
/// is the weight of the children where i is higher plus half the weight where they are equal
/// (children missing for either unit count for nothing). As in COINr, only pairs i < j are
/// computed and the score of j over i is taken as one minus that. A unit's Copeland score is the
/// sum of its scores over all other units; a unit with no child present gets none.
pub fn copeland(columns: &[&[Option<f64>]], weights: &[f64]) -> Vec<Option<f64>> {
    let n = columns.first().map_or(0, |c| c.len());
    let total = stats::sum(weights.iter().copied());
    let mut scores = vec![0.0; n];
    for i in 0..n {
        for j in (i + 1)..n {
            let mut s = 0.0;
            for (col, w) in columns.iter().zip(weights) {
                if let (Some(Some(a)), Some(Some(b))) = (col.get(i), col.get(j)) {
                    if a > b {
                        s += w / total;
                    } else if a == b {
                        s += w / total / 2.0;
                    }
                }
            }
            scores[i] += s;
            scores[j] += 1.0 - s;
        }
    }
    (0..n)
        .map(|i| {
            columns
                .iter()
                .any(|c| matches!(c.get(i), Some(Some(_))))
                .then_some(scores[i])
        })
        .collect()
}

/// The method configured for a level.
pub(crate) fn method_for_level(spec: &AggregateSpec, level: u32) -> &AggregationMethod {
    spec.by_level
        .get(&level.to_string())
        .unwrap_or(&spec.default)
}

/// Aggregates a normalised table (one column per indicator) up the tree: returns the indicator
/// columns followed by one column per aggregate, in order of computation.
pub fn aggregate_table(
    normalised: &Table,
    tree: &Tree,
    spec: &AggregateSpec,
) -> Result<Table, PipelineError> {
    let mut out = normalised.select_columns(&tree.indicator_codes())?;
    let n = out.n_units();
    let mut row = Vec::new();
    for &a in tree.aggregate_idx() {
        let node = &tree.nodes()[a];
        let children = tree.children_idx(a);
        let weights: Vec<f64> = children.iter().map(|&c| tree.nodes()[c].weight).collect();
        let idx: Vec<usize> = children
            .iter()
            .map(|&c| {
                let code = &tree.nodes()[c].code;
                out.column_index(code)
                    .ok_or_else(|| PipelineError::UnknownColumn(code.clone()))
            })
            .collect::<Result<_, _>>()?;
        let cols: Vec<&[Option<f64>]> = idx.iter().map(|&j| out.column_at(j)).collect();
        let method = method_for_level(spec, tree.level_at(a));
        let mut result = if matches!(method, AggregationMethod::Copeland) {
            copeland(&cols, &weights)
        } else {
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                row.clear();
                row.extend(cols.iter().map(|c| c.get(i).copied().flatten()));
                v.push(combine(&row, &weights, method).map_err(|reason| {
                    PipelineError::Aggregate {
                        node: node.code.clone(),
                        unit: out.units().get(i).cloned().unwrap_or_default(),
                        reason,
                    }
                })?);
            }
            v
        };
        if spec.min_share > 0.0 {
            for (i, r) in result.iter_mut().enumerate() {
                let present = cols
                    .iter()
                    .filter(|c| matches!(c.get(i), Some(Some(_))))
                    .count();
                if (present as f64) / (cols.len() as f64) < spec.min_share {
                    *r = None;
                }
            }
        }
        out.push_unchecked(node.code.clone(), result);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approx(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn means_by_hand() {
        let v = [Some(1.0), None, Some(4.0)];
        let w = [1.0, 5.0, 3.0];
        // present weights 1 and 3
        assert!(approx(
            combine(&v, &w, &AggregationMethod::Arithmetic).unwrap(),
            3.25
        ));
        // exp((ln 1 + 3 ln 4)/4) = 4^0.75
        assert!(approx(
            combine(&v, &w, &AggregationMethod::Geometric).unwrap(),
            libm::pow(4.0, 0.75)
        ));
        // 4 / (1 + 3/4)
        assert!(approx(
            combine(&v, &w, &AggregationMethod::Harmonic).unwrap(),
            4.0 / 1.75
        ));
        // ((1 + 3·16)/4)^(1/2)
        let g = AggregationMethod::Generalised { p: 2.0 };
        assert!(approx(combine(&v, &w, &g).unwrap(), libm::sqrt(49.0 / 4.0)));
        assert_eq!(
            combine(&[None, None], &[1.0, 1.0], &AggregationMethod::Arithmetic),
            Ok(None)
        );
        assert!(combine(&[Some(0.0)], &[1.0], &AggregationMethod::Geometric).is_err());
    }

    #[test]
    fn weighted_median_by_hand() {
        let m = AggregationMethod::Median;
        assert!(approx(
            combine(&[Some(3.0), Some(1.0), Some(2.0)], &[1.0, 1.0, 1.0], &m).unwrap(),
            2.0
        ));
        assert!(approx(
            combine(&[Some(3.0), Some(1.0)], &[1.0, 1.0], &m).unwrap(),
            2.0
        ));
        assert!(approx(
            combine(&[Some(3.0), Some(1.0), Some(2.0)], &[5.0, 1.0, 1.0], &m).unwrap(),
            3.0
        ));
    }

    #[test]
    fn copeland_by_hand() {
        // unit 0 beats 1 on both; unit 2 ties 0 on the first, loses on the second
        let a = [Some(3.0), Some(1.0), Some(3.0)];
        let b = [Some(5.0), Some(2.0), Some(1.0)];
        let s = copeland(&[&a, &b], &[1.0, 1.0]);
        // 0 vs 1: 1; 0 vs 2: 0.5 + 0.25 = 0.75; 1 vs 2: 0 + 0.5 = 0.5
        assert_eq!(s, [Some(1.75), Some(0.5), Some(0.75)]);
    }
}
