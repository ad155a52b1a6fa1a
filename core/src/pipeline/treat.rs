//! Outlier treatment: skewness/kurtosis check, winsorisation, log fall-back.

use super::spec::{Fallback, TreatOverride, TreatRule, TreatSpec};
use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::stats;
use crate::table::Table;

/// What happened to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TreatOutcome {
    /// Excluded from treatment by an override.
    Skipped,
    /// Within the thresholds (or too few distinct values to judge): left as it is.
    Passed,
    /// Winsorised; `passes` tells whether it ends within the thresholds.
    Winsorised {
        /// Number of points changed.
        points: usize,
        /// Whether the result passes the check.
        passes: bool,
    },
    /// Log-transformed (`log_ct`), as a fall-back or by an override.
    Log {
        /// Whether the result passes the check.
        passes: bool,
    },
}

/// How one point was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointTreatment {
    /// Lowered to the next-highest value.
    WinsorisedHigh,
    /// Raised to the next-lowest value.
    WinsorisedLow,
    /// Log-transformed.
    Log,
}

/// One treated point.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TreatedPoint {
    /// Unit code.
    pub unit: String,
    /// Value before treatment.
    pub from: f64,
    /// Value after treatment.
    pub to: f64,
    /// What was done.
    pub how: PointTreatment,
}

/// The treatment of one indicator.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TreatmentRecord {
    /// Indicator code.
    pub indicator: String,
    /// What happened.
    pub outcome: TreatOutcome,
    /// Skewness before treatment (`None` if undefined).
    pub skew_before: Option<f64>,
    /// Excess kurtosis before treatment.
    pub kurtosis_before: Option<f64>,
    /// Skewness after treatment.
    pub skew_after: Option<f64>,
    /// Excess kurtosis after treatment.
    pub kurtosis_after: Option<f64>,
    /// Every changed point.
    pub points: Vec<TreatedPoint>,
}

/// Whether a column passes: |skew| < skew_threshold or kurtosis < kurtosis_threshold. A column
/// whose skewness or kurtosis is undefined (fewer than four values, zero variance) passes.
pub fn passes(values: &[f64], rule: &TreatRule) -> bool {
    check(stats::skew_kurt(values), rule)
}

fn check(moments: (Option<f64>, Option<f64>), rule: &TreatRule) -> bool {
    match moments {
        (Some(s), Some(k)) => s.abs() < rule.skew_threshold || k < rule.kurtosis_threshold,
        _ => true,
    }
}

/// COINr's `log_CT`: ln(x − min + 0.01·(max − min)); `None` if the range is zero.
pub fn log_ct(col: &[Option<f64>]) -> Option<Vec<Option<f64>>> {
    let mut out = col.to_vec();
    log_ct_into(col, &mut out).then_some(out)
}

/// Writes [`log_ct`] of `src` into `dst` (same length); `false`, leaving `dst` alone, if the
/// range is zero.
fn log_ct_into(src: &[Option<f64>], dst: &mut [Option<f64>]) -> bool {
    let (Some(lo), Some(hi)) = (stats::min(src), stats::max(src)) else {
        return false;
    };
    if hi <= lo {
        return false;
    }
    for (d, s) in dst.iter_mut().zip(src) {
        *d = s.map(|v| libm::log(v - lo + 0.01 * (hi - lo)));
    }
    true
}

type Moments = (Option<f64>, Option<f64>);

/// Skewness and kurtosis of the present values of a column; `buf` is scratch space.
fn moments(col: &[Option<f64>], buf: &mut Vec<f64>) -> Moments {
    buf.clear();
    buf.extend(col.iter().flatten());
    stats::skew_kurt(buf)
}

/// Winsorises a column following COINr's `winsorise`; returns the new column (missing values stay
/// in place) and the number of points changed as COINr counts them (the size of the last
/// high and low tie groups, which include all earlier winsorised points at that end).
pub fn winsorise(col: &[Option<f64>], rule: &TreatRule) -> (Vec<Option<f64>>, usize) {
    let mut x = col.to_vec();
    let mut buf = Vec::new();
    let start = moments(&x, &mut buf);
    let (n, _) = winsorise_in_place(&mut x, rule, start, &mut buf);
    (x, n)
}

/// [`winsorise`] in place, from the column's moments; returns the count and the final moments.
fn winsorise_in_place(
    x: &mut [Option<f64>],
    rule: &TreatRule,
    start: Moments,
    buf: &mut Vec<f64>,
) -> (usize, Moments) {
    let mut nwin = 0;
    let (mut last_hi, mut last_lo) = (0, 0);
    let mut moments = start;
    while nwin < rule.max_winsorised && !check(moments, rule) {
        let Some(skew) = moments.0 else { break };
        let high = skew >= 0.0;
        let Some(extreme) = (if high { stats::max(x) } else { stats::min(x) }) else {
            break;
        };
        let rest = x.iter().flatten().copied().filter(|v| *v != extreme);
        let Some(next) = (if high {
            rest.reduce(f64::max)
        } else {
            rest.reduce(f64::min)
        }) else {
            break;
        };
        let mut group = 0;
        for v in x.iter_mut().flatten() {
            if *v == extreme {
                *v = next;
                group += 1;
            }
        }
        if high {
            last_hi = group;
        } else {
            last_lo = group;
        }
        nwin = last_hi + last_lo;
        moments = self::moments(x, buf);
    }
    (nwin, moments)
}

/// Scratch space for treating columns without allocating.
#[derive(Debug, Default, Clone)]
pub(crate) struct TreatScratch {
    original: Vec<Option<f64>>,
    winsorised: Vec<Option<f64>>,
    buf: Vec<f64>,
}

/// Treats one column according to a rule; `units` labels the rows for the report.
pub fn treat_column(
    name: &str,
    col: &[Option<f64>],
    units: &[String],
    rule: Option<&TreatOverride>,
    default: &TreatRule,
) -> (Vec<Option<f64>>, TreatmentRecord) {
    let mut out = col.to_vec();
    let mut record = TreatmentRecord {
        indicator: String::new(),
        outcome: TreatOutcome::Passed,
        skew_before: None,
        kurtosis_before: None,
        skew_after: None,
        kurtosis_after: None,
        points: Vec::new(),
    };
    treat_in_place(
        name,
        &mut out,
        units,
        rule,
        default,
        &mut record,
        &mut TreatScratch::default(),
    );
    (out, record)
}

/// [`treat_column`] in place, overwriting `record` (whose buffers are reused).
fn treat_in_place(
    name: &str,
    col: &mut [Option<f64>],
    units: &[String],
    rule: Option<&TreatOverride>,
    default: &TreatRule,
    record: &mut TreatmentRecord,
    scratch: &mut TreatScratch,
) {
    let TreatScratch {
        original,
        winsorised,
        buf,
    } = scratch;
    original.clear();
    original.extend_from_slice(col);
    let before = moments(col, buf);
    // Every branch leaves the treated column in `col` and returns the outcome with the moments
    // of the result (computed once, when the column was last changed).
    let (outcome, after) = match rule {
        Some(TreatOverride::None {}) => (TreatOutcome::Skipped, before),
        Some(TreatOverride::Log {}) => {
            if log_ct_into(original, col) {
                let after = moments(col, buf);
                let ok = check(after, default);
                (TreatOutcome::Log { passes: ok }, after)
            } else {
                (TreatOutcome::Passed, before)
            }
        }
        Some(TreatOverride::Standard {
            skew_threshold,
            kurtosis_threshold,
            max_winsorised,
            fallback,
            combine,
        }) => {
            let r = TreatRule {
                skew_threshold: *skew_threshold,
                kurtosis_threshold: *kurtosis_threshold,
                max_winsorised: *max_winsorised,
                fallback: *fallback,
                combine: *combine,
            };
            standard(col, original, winsorised, buf, &r, before)
        }
        None => standard(col, original, winsorised, buf, default, before),
    };
    record.indicator.clear();
    record.indicator.push_str(name);
    record.outcome = outcome;
    (record.skew_before, record.kurtosis_before) = before;
    (record.skew_after, record.kurtosis_after) = after;
    let is_log = matches!(outcome, TreatOutcome::Log { .. });
    let mut k = 0;
    for (i, (a, b)) in original.iter().zip(col.iter()).enumerate() {
        if let (Some(a), Some(b)) = (a, b)
            && (a != b || is_log)
        {
            let how = if is_log {
                PointTreatment::Log
            } else if b < a {
                PointTreatment::WinsorisedHigh
            } else {
                PointTreatment::WinsorisedLow
            };
            let unit = units.get(i).map_or("", String::as_str);
            match record.points.get_mut(k) {
                Some(p) => {
                    p.unit.clear();
                    p.unit.push_str(unit);
                    (p.from, p.to, p.how) = (*a, *b, how);
                }
                None => record.points.push(TreatedPoint {
                    unit: unit.to_owned(),
                    from: *a,
                    to: *b,
                    how,
                }),
            }
            k += 1;
        }
    }
    record.points.truncate(k);
}

/// The standard rule on `col` (which holds `original`): returns the outcome and the moments of
/// the result left in `col`.
fn standard(
    col: &mut [Option<f64>],
    original: &[Option<f64>],
    winsorised: &mut Vec<Option<f64>>,
    buf: &mut Vec<f64>,
    rule: &TreatRule,
    before: Moments,
) -> (TreatOutcome, Moments) {
    if check(before, rule) {
        return (TreatOutcome::Passed, before);
    }
    let (points, wins) = winsorise_in_place(col, rule, before, buf);
    let ok = check(wins, rule);
    if ok || rule.fallback == Fallback::None {
        return (TreatOutcome::Winsorised { points, passes: ok }, wins);
    }
    winsorised.clear();
    winsorised.extend_from_slice(col);
    let base = if rule.combine {
        winsorised.as_slice()
    } else {
        original
    };
    if log_ct_into(base, col) {
        let after = moments(col, buf);
        let ok = check(after, rule);
        (TreatOutcome::Log { passes: ok }, after)
    } else {
        (
            TreatOutcome::Winsorised {
                points,
                passes: false,
            },
            wins,
        )
    }
}

/// Treats every column of a table in place; returns one record per column, or an error for
/// each column whose treatment gives a number too large for a float (a log of a range that
/// overflows).
pub(crate) fn treat_table(
    table: &mut Table,
    spec: &TreatSpec,
) -> Result<Vec<TreatmentRecord>, Vec<Diagnostic>> {
    let units: Vec<String> = table.units().iter().map(|u| u.code.to_string()).collect();
    let mut scratch = TreatScratch::default();
    let mut records = Vec::with_capacity(table.columns().len());
    let mut problems = Vec::new();
    for j in 0..table.columns().len() {
        let name = table.columns()[j].clone();
        let mut record = TreatmentRecord {
            indicator: String::new(),
            outcome: TreatOutcome::Passed,
            skew_before: None,
            kurtosis_before: None,
            skew_after: None,
            kurtosis_after: None,
            points: Vec::new(),
        };
        let mut column = table.column_at(j).to_vec();
        treat_in_place(
            &name,
            &mut column,
            &units,
            spec.overrides.get(&name),
            &spec.default,
            &mut record,
            &mut scratch,
        );
        if let Err(at) = table.write_column(j, column) {
            let location = Location::default()
                .unit(&units[at.position])
                .indicator(&name);
            problems.push(Diagnostic::error(location, Problem::Overflow));
        }
        records.push(record);
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    #[test]
    fn passing_column_untouched() {
        let c = col(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        let (out, rec) = treat_column("x", &c, &[], None, &TreatRule::default());
        assert_eq!(out, c);
        assert_eq!(rec.outcome, TreatOutcome::Passed);
    }

    #[test]
    fn winsorises_the_outlier() {
        // 1..10 plus 30 and 100: COINr's own example; two high points winsorised
        let mut v: Vec<f64> = (1..=10).map(f64::from).collect();
        v.extend([30.0, 100.0]);
        let units: Vec<String> = (0..12).map(|i| format!("u{i}")).collect();
        let rule = TreatRule::default();
        let (out, rec) = treat_column("x", &col(&v), &units, None, &rule);
        assert!(matches!(
            rec.outcome,
            TreatOutcome::Winsorised { passes: true, .. }
        ));
        let p = stats::present(&out);
        assert!(passes(&p, &rule));
        // the highest value is replaced by the next highest, one round at a time
        assert!(
            rec.points
                .iter()
                .all(|p| p.how == PointTreatment::WinsorisedHigh)
        );
        assert_eq!(rec.points[0].unit, "u11");
        assert_eq!(out[11], out[10]);
    }

    #[test]
    fn winsorise_counts_tie_groups() {
        // two tied maxima count as two points, even past a limit of one (COINr's quirk)
        let mut v: Vec<f64> = (1..=18).map(f64::from).collect();
        v.extend([50.0, 50.0]);
        let rule = TreatRule {
            max_winsorised: 1,
            ..TreatRule::default()
        };
        let (out, n) = winsorise(&col(&v), &rule);
        assert_eq!(n, 2);
        assert_eq!(&out[18..], [Some(18.0), Some(18.0)]);
    }

    #[test]
    fn log_fallback_on_original() {
        // powers of two: one winsorised point is not enough
        let v: Vec<f64> = (0..20).map(|i| libm::pow(2.0, f64::from(i))).collect();
        let c = col(&v);
        let rule = TreatRule {
            max_winsorised: 1,
            ..TreatRule::default()
        };
        let (out, rec) = treat_column("x", &c, &[], None, &rule);
        assert_eq!(rec.outcome, TreatOutcome::Log { passes: true });
        let (lo, hi) = (1.0, v[19]);
        assert_eq!(out[19], Some(libm::log(hi - lo + 0.01 * (hi - lo))));
        assert_eq!(out[0], Some(libm::log(0.01 * (hi - lo))));
        assert_eq!(rec.points.len(), 20);
        let rule = TreatRule {
            fallback: Fallback::None,
            ..rule
        };
        let (out, rec) = treat_column("x", &c, &[], None, &rule);
        assert_eq!(
            rec.outcome,
            TreatOutcome::Winsorised {
                points: 1,
                passes: false
            }
        );
        assert_eq!(out[19], Some(v[18]));
    }

    #[test]
    fn overrides() {
        let c = col(&[1.0, 2.0, 3.0, 4.0, 100.0]);
        let (out, rec) = treat_column(
            "x",
            &c,
            &[],
            Some(&TreatOverride::None {}),
            &TreatRule::default(),
        );
        assert_eq!((out, rec.outcome), (c.clone(), TreatOutcome::Skipped));
        let (out, _) = treat_column(
            "x",
            &c,
            &[],
            Some(&TreatOverride::Log {}),
            &TreatRule::default(),
        );
        assert_eq!(out[0], Some(libm::log(0.99)));
    }
}
