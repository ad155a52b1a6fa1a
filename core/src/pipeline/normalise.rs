//! Normalisation: bringing each indicator onto a common scale.

use super::spec::NormaliseMethod;
use super::stats;

/// Context a normalisation method may need besides the column itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct NormaliseContext {
    /// +1 or -1; the column is multiplied by it first.
    pub direction: i8,
    /// The indicator's target in its own units (for distance to target).
    pub target: Option<f64>,
    /// Row of the reference unit (for distance to a reference unit).
    pub reference_row: Option<usize>,
}

/// Normalises one column. Missing values stay missing.
///
/// Fails, with a lowercase reason, when the method is undefined for the column: no values, zero
/// range, zero standard deviation, a missing target or reference value, and so on.
pub fn normalise_column(
    col: &[Option<f64>],
    method: &NormaliseMethod,
    ctx: NormaliseContext,
) -> Result<Vec<Option<f64>>, String> {
    let d = if ctx.direction < 0 { -1.0 } else { 1.0 };
    let x: Vec<Option<f64>> = col.iter().map(|v| v.map(|v| v * d)).collect();
    let map = |f: &dyn Fn(f64) -> f64| -> Vec<Option<f64>> { x.iter().map(|v| v.map(f)).collect() };
    let range = || -> Result<(f64, f64), String> {
        let lo = stats::min(&x).ok_or("no values")?;
        let hi = stats::max(&x).ok_or("no values")?;
        if hi == lo {
            return Err("all values are equal, so the range is zero".into());
        }
        Ok((lo, hi))
    };
    let out = match method {
        NormaliseMethod::None => x.clone(),
        NormaliseMethod::MinMax { low, high } => {
            let (lo, hi) = range()?;
            map(&|v| (v - lo) / (hi - lo) * (high - low) + low)
        }
        NormaliseMethod::ZScore { mean, sd } => {
            if !sd.is_finite() || *sd <= 0.0 {
                return Err("the target standard deviation must be positive".into());
            }
            let p = stats::present(&x);
            let m = stats::mean(&p).ok_or("no values")?;
            let s = stats::sd(&p).ok_or("fewer than two values")?;
            if s == 0.0 {
                return Err("all values are equal, so the standard deviation is zero".into());
            }
            map(&|v| (v - m) / s * sd + mean)
        }
        NormaliseMethod::Goalposts {
            low,
            high,
            scale,
            clip,
        } => {
            if !(low.is_finite() && high.is_finite()) || high <= low {
                return Err("the high goalpost must exceed the low one".into());
            }
            // With x' = −x, the goalposts become −high (worst) and −low (best).
            let (l, u) = if d < 0.0 {
                (-high, -low)
            } else {
                (*low, *high)
            };
            map(&|v| {
                let y = (v - l) / (u - l);
                let y = if *clip { y.clamp(0.0, 1.0) } else { y };
                y * scale
            })
        }
        NormaliseMethod::DistanceToTarget { cap, scale } => {
            let t = ctx.target.ok_or("the indicator has no target")? * d;
            let lo = stats::min(&x).ok_or("no values")?;
            if t == lo {
                return Err("the target equals the minimum".into());
            }
            map(&|v| {
                let y = 1.0 - (t - v) / (t - lo);
                (if *cap { y.min(1.0) } else { y }) * scale
            })
        }
        NormaliseMethod::DistanceToReference { unit, cap, scale } => {
            let r = ctx
                .reference_row
                .and_then(|i| x.get(i).copied().flatten())
                .ok_or_else(|| format!("reference unit `{unit}` has no value"))?;
            let lo = stats::min(&x).ok_or("no values")?;
            if r == lo {
                return Err(format!("reference unit `{unit}` has the minimum value"));
            }
            map(&|v| {
                let y = 1.0 - (r - v) / (r - lo);
                (if *cap { y.min(1.0) } else { y }) * scale
            })
        }
        NormaliseMethod::DistanceToMax { scale } => {
            let (lo, hi) = range()?;
            map(&|v| (1.0 - (hi - v) / (hi - lo)) * scale)
        }
        NormaliseMethod::FractionOfMax { scale } => {
            let hi = stats::max(&x).ok_or("no values")?;
            if hi == 0.0 {
                return Err("the maximum is zero".into());
            }
            map(&|v| v / hi * scale)
        }
        NormaliseMethod::Rank => stats::rank_min(&x, false),
        NormaliseMethod::Borda => stats::rank_min(&x, false)
            .into_iter()
            .map(|r| r.map(|r| r - 1.0))
            .collect(),
        NormaliseMethod::PercentileRank => {
            let n = x.iter().flatten().count();
            if n < 2 {
                return Err("fewer than two values".into());
            }
            let denom = (n - 1) as f64;
            stats::rank_min(&x, false)
                .into_iter()
                .map(|r| r.map(|r| (r - 1.0) / denom))
                .collect()
        }
    };
    if out.iter().flatten().any(|v| !v.is_finite()) {
        return Err("the result is not finite".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(direction: i8) -> NormaliseContext {
        NormaliseContext {
            direction,
            ..Default::default()
        }
    }

    fn col(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    #[test]
    fn min_max_with_direction() {
        let m = NormaliseMethod::MinMax {
            low: 0.0,
            high: 100.0,
        };
        let c = [Some(1.0), None, Some(3.0), Some(2.0)];
        assert_eq!(
            normalise_column(&c, &m, ctx(1)).unwrap(),
            [Some(0.0), None, Some(100.0), Some(50.0)]
        );
        assert_eq!(
            normalise_column(&c, &m, ctx(-1)).unwrap(),
            [Some(100.0), None, Some(0.0), Some(50.0)]
        );
        let m = NormaliseMethod::MinMax {
            low: 1.0,
            high: 100.0,
        };
        assert_eq!(normalise_column(&c, &m, ctx(1)).unwrap()[3], Some(50.5));
        assert!(normalise_column(&col(&[2.0, 2.0]), &m, ctx(1)).is_err());
    }

    #[test]
    fn z_score() {
        let m = NormaliseMethod::ZScore {
            mean: 10.0,
            sd: 2.0,
        };
        // mean 2, sd 1
        let out = normalise_column(&col(&[1.0, 2.0, 3.0]), &m, ctx(1)).unwrap();
        assert_eq!(out, col(&[8.0, 10.0, 12.0]));
        let out = normalise_column(&col(&[1.0, 2.0, 3.0]), &m, ctx(-1)).unwrap();
        assert_eq!(out, col(&[12.0, 10.0, 8.0]));
    }

    #[test]
    fn goalposts_and_distances() {
        let g = NormaliseMethod::Goalposts {
            low: 0.0,
            high: 10.0,
            scale: 100.0,
            clip: true,
        };
        let c = col(&[-5.0, 5.0, 20.0]);
        assert_eq!(
            normalise_column(&c, &g, ctx(1)).unwrap(),
            col(&[0.0, 50.0, 100.0])
        );
        assert_eq!(
            normalise_column(&col(&[2.0]), &g, ctx(-1)).unwrap(),
            col(&[80.0])
        );
        let t = NormaliseMethod::DistanceToTarget {
            cap: true,
            scale: 1.0,
        };
        let cx = NormaliseContext {
            direction: 1,
            target: Some(4.0),
            reference_row: None,
        };
        assert_eq!(
            normalise_column(&col(&[0.0, 2.0, 8.0]), &t, cx).unwrap(),
            col(&[0.0, 0.5, 1.0])
        );
        let r = NormaliseMethod::DistanceToReference {
            unit: "B".into(),
            cap: false,
            scale: 1.0,
        };
        let cx = NormaliseContext {
            direction: 1,
            target: None,
            reference_row: Some(1),
        };
        assert_eq!(
            normalise_column(&col(&[0.0, 2.0, 8.0]), &r, cx).unwrap(),
            col(&[0.0, 1.0, 4.0])
        );
        let m = NormaliseMethod::DistanceToMax { scale: 1.0 };
        assert_eq!(
            normalise_column(&col(&[0.0, 2.0, 8.0]), &m, ctx(1)).unwrap(),
            col(&[0.0, 0.25, 1.0])
        );
        let f = NormaliseMethod::FractionOfMax { scale: 1.0 };
        assert_eq!(
            normalise_column(&col(&[0.0, 2.0, 8.0]), &f, ctx(1)).unwrap(),
            col(&[0.0, 0.25, 1.0])
        );
    }

    #[test]
    fn ranks() {
        let c = [Some(5.0), Some(1.0), None, Some(5.0), Some(3.0)];
        let r = normalise_column(&c, &NormaliseMethod::Rank, ctx(1)).unwrap();
        assert_eq!(r, [Some(3.0), Some(1.0), None, Some(3.0), Some(2.0)]);
        let b = normalise_column(&c, &NormaliseMethod::Borda, ctx(1)).unwrap();
        assert_eq!(b, [Some(2.0), Some(0.0), None, Some(2.0), Some(1.0)]);
        let p = normalise_column(&c, &NormaliseMethod::PercentileRank, ctx(1)).unwrap();
        assert_eq!(
            p,
            [
                Some(2.0 / 3.0),
                Some(0.0),
                None,
                Some(2.0 / 3.0),
                Some(1.0 / 3.0)
            ]
        );
    }
}
