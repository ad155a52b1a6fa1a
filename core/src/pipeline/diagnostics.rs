//! Diagnostics: per-indicator statistics with flags, correlation matrices, Cronbach's alpha.

use crate::framework::{Framework, NodeKind};
use crate::stats;
use crate::table::Table;
use crate::values::Values;

/// Thresholds above or below which an indicator statistic is flagged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlagThresholds {
    /// Flag availability below this share (0–1).
    pub min_availability: f64,
    /// Flag a share of zeros above this (0–1).
    pub max_zero_share: f64,
    /// Flag |skewness| at or above this …
    pub skew: f64,
    /// … when excess kurtosis is also at or above this (the treat step's outlier test).
    pub kurtosis: f64,
    /// Flag fewer unique values than this.
    pub min_unique: usize,
}

impl Default for FlagThresholds {
    fn default() -> Self {
        Self {
            min_availability: 0.65,
            max_zero_share: 0.5,
            skew: 2.0,
            kurtosis: 3.5,
            min_unique: 5,
        }
    }
}

/// Summary statistics of one column. Statistics undefined for the data are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorStats {
    /// Column name.
    pub column: String,
    /// Smallest value.
    pub min: Option<f64>,
    /// Largest value.
    pub max: Option<f64>,
    /// Mean.
    pub mean: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// Sample standard deviation.
    pub sd: Option<f64>,
    /// Bias-corrected skewness.
    pub skewness: Option<f64>,
    /// Bias-corrected excess kurtosis.
    pub kurtosis: Option<f64>,
    /// Share of units with a value (0–1).
    pub availability: f64,
    /// Share of zeros among the present values (0–1).
    pub zero_share: f64,
    /// Number of distinct values.
    pub unique: usize,
    /// Availability below the threshold.
    pub low_availability: bool,
    /// Share of zeros above the threshold.
    pub many_zeros: bool,
    /// Fails the skewness and kurtosis test.
    pub outliers: bool,
    /// Fewer unique values than the threshold.
    pub few_unique: bool,
}

/// Statistics of every column of a table.
pub fn indicator_stats(table: &Table, flags: &FlagThresholds) -> Vec<IndicatorStats> {
    let n = table.n_units();
    (0..table.columns().len())
        .map(|j| {
            let col = &table.column_at(j).to_vec();
            let p = stats::present(col);
            let availability = if n == 0 {
                0.0
            } else {
                p.len() as f64 / n as f64
            };
            let zeros = p.iter().filter(|v| **v == 0.0).count();
            let zero_share = if p.is_empty() {
                0.0
            } else {
                zeros as f64 / p.len() as f64
            };
            let mut sorted = p.clone();
            sorted.sort_by(f64::total_cmp);
            sorted.dedup();
            let skewness = stats::skewness(&p);
            let kurtosis = stats::kurtosis(&p);
            IndicatorStats {
                column: table.columns()[j].clone(),
                min: stats::min(col),
                max: stats::max(col),
                mean: stats::mean(&p),
                median: stats::median(&p),
                sd: stats::sd(&p),
                skewness,
                kurtosis,
                availability,
                zero_share,
                unique: sorted.len(),
                low_availability: availability < flags.min_availability,
                many_zeros: zero_share > flags.max_zero_share,
                outliers: matches!((skewness, kurtosis),
                    (Some(s), Some(k)) if s.abs() >= flags.skew && k >= flags.kurtosis),
                few_unique: sorted.len() < flags.min_unique,
            }
        })
        .collect()
}

/// Which correlation coefficient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correlation {
    /// Pearson's r.
    Pearson,
    /// Spearman's rho (average ranks for ties).
    Spearman,
}

/// A symmetric matrix of pairwise correlations (complete pairs only); `None` where undefined.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelationMatrix {
    /// Row and column names.
    pub columns: Vec<String>,
    /// Row-major values, `columns.len()²` of them.
    pub values: Vec<Option<f64>>,
}

impl CorrelationMatrix {
    /// The correlation of two columns by name.
    pub fn get(&self, a: &str, b: &str) -> Option<f64> {
        let i = self.columns.iter().position(|c| c == a)?;
        let j = self.columns.iter().position(|c| c == b)?;
        self.values
            .get(i * self.columns.len() + j)
            .copied()
            .flatten()
    }
}

/// Correlation matrix of all columns of a table.
pub fn correlations(table: &Table, method: Correlation) -> CorrelationMatrix {
    let k = table.columns().len();
    let ranked: Vec<Vec<Option<f64>>> = (0..k).map(|j| table.column_at(j).to_vec()).collect();
    let mut values = vec![None; k * k];
    for i in 0..k {
        for j in i..k {
            let r = match method {
                Correlation::Pearson => stats::pearson(&ranked[i], &ranked[j]),
                Correlation::Spearman => stats::spearman(&ranked[i], &ranked[j]),
            };
            values[i * k + j] = r;
            values[j * k + i] = r;
        }
    }
    CorrelationMatrix {
        columns: table.columns().to_vec(),
        values,
    }
}

/// Cronbach's alpha of a set of columns, over the units with all of them present:
/// k/(k − 1)·(1 − Σ var(item) / var(Σ items)). `None` with fewer than two columns or two units,
/// or zero total variance.
pub fn cronbach_alpha(columns: &[&[Option<f64>]]) -> Option<f64> {
    let k = columns.len();
    let n = columns.first()?.len();
    if k < 2 {
        return None;
    }
    let rows: Vec<usize> = (0..n)
        .filter(|&i| columns.iter().all(|c| matches!(c.get(i), Some(Some(_)))))
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let item = |c: &[Option<f64>]| -> Vec<f64> {
        rows.iter()
            .filter_map(|&i| c.get(i).copied().flatten())
            .collect()
    };
    let var = |v: &[f64]| stats::sd(v).map(|s| s * s);
    let sum_var = stats::sum(columns.iter().map(|c| var(&item(c)).unwrap_or(0.0)));
    let totals: Vec<f64> = rows
        .iter()
        .map(|&i| stats::sum(columns.iter().filter_map(|c| c.get(i).copied().flatten())))
        .collect();
    let total_var = var(&totals)?;
    if total_var <= 0.0 {
        return None;
    }
    let kf = k as f64;
    Some(kf / (kf - 1.0) * (1.0 - sum_var / total_var))
}

/// Cronbach's alpha of the children of every aggregate, read from a table holding the children's
/// columns (such as a build's aggregated table), in scoring order. Aggregates whose children
/// are not all in the table get `None`.
pub fn cronbach_by_aggregate(table: &Table, framework: &Framework) -> Vec<(String, Option<f64>)> {
    let nodes = framework.nodes();
    nodes
        .iter()
        .filter_map(|node| match &node.kind {
            NodeKind::Aggregate { children, .. } => Some((node, children)),
            NodeKind::Indicator { .. } => None,
        })
        .map(|(node, children)| {
            let columns: Option<Vec<Vec<Option<f64>>>> = children
                .iter()
                .map(|edge| table.column(&nodes[edge.child].code).map(Values::to_vec))
                .collect();
            let alpha = columns.and_then(|c| {
                let slices: Vec<&[Option<f64>]> = c.iter().map(Vec::as_slice).collect();
                cronbach_alpha(&slices)
            });
            (node.code.clone(), alpha)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_and_flags() {
        let t = Table::from_columns(
            &["0", "1", "2", "3"],
            &[("x", &[Some(0.0), Some(0.0), Some(4.0), None])],
        );
        let s = &indicator_stats(&t, &FlagThresholds::default())[0];
        assert_eq!((s.min, s.max, s.median), (Some(0.0), Some(4.0), Some(0.0)));
        assert_eq!(s.availability, 0.75);
        assert!((s.zero_share - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(s.unique, 2);
        assert!(s.many_zeros && s.few_unique && !s.low_availability);
    }

    #[test]
    fn alpha_by_hand() {
        // items a = [1,2,3], b = [2,4,6]: var a = 1, var b = 4, totals [3,6,9] var 9
        let a = [Some(1.0), Some(2.0), Some(3.0)];
        let b = [Some(2.0), Some(4.0), Some(6.0)];
        let alpha = cronbach_alpha(&[&a, &b]).unwrap();
        assert!((alpha - 2.0 * (1.0 - 5.0 / 9.0)).abs() < 1e-12);
    }

    #[test]
    fn correlation_matrix() {
        let t = Table::from_columns(
            &["0", "1", "2"],
            &[
                ("x", &[Some(1.0), Some(2.0), Some(3.0)]),
                ("y", &[Some(3.0), Some(2.0), Some(1.0)]),
            ],
        );
        let m = correlations(&t, Correlation::Pearson);
        assert!((m.get("x", "y").unwrap() + 1.0).abs() < 1e-12);
        assert!((m.get("x", "x").unwrap() - 1.0).abs() < 1e-12);
        let s = correlations(&t, Correlation::Spearman);
        assert!((s.get("y", "x").unwrap() + 1.0).abs() < 1e-12);
    }
}
