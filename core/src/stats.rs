//! Small numerical helpers shared by the stages: sums, moments, ranks, correlations.
//!
//! All functions skip missing values and return `None` when a statistic is undefined (too few
//! values, zero variance), never NaN.

/// The present values of a column.
pub fn present(col: &[Option<f64>]) -> Vec<f64> {
    col.iter().flatten().copied().collect()
}

/// Sorts a short list in place, stably: an item moves ahead only of those it must come
/// `before`. The lists sorted this way (combining marks, an index's indicators, groupings) are
/// short, and one small loop per call site keeps the calculator's module smaller than a copy
/// of the standard library's sort for each item type.
///
/// ```
/// let mut words = vec!["bb", "a", "cc", "d"];
/// dti_core::stats::insertion_sort_by(&mut words, |x, y| x.len() > y.len());
/// assert_eq!(words, ["bb", "cc", "a", "d"]);
/// ```
pub fn insertion_sort_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && before(&items[at], &items[at - 1]) {
            items.swap(at, at - 1);
            at -= 1;
        }
    }
}

/// Compensated (Neumaier) sum: close to the extended-precision accumulation R uses in `mean`.
pub fn sum(xs: impl IntoIterator<Item = f64>) -> f64 {
    let mut s = 0.0_f64;
    let mut c = 0.0_f64;
    for x in xs {
        let t = s + x;
        // Select instead of branching (the branch is unpredictable); same arithmetic.
        let (big, small) = if s.abs() >= x.abs() { (s, x) } else { (x, s) };
        c += (big - t) + small;
        s = t;
    }
    s + c
}

/// Arithmetic mean (with R's second refining pass); `None` when empty.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let n = xs.len() as f64;
    let m = sum(xs.iter().copied()) / n;
    Some(m + sum(xs.iter().map(|x| x - m)) / n)
}

/// Sample standard deviation (denominator n − 1); `None` with fewer than two values.
pub fn sd(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    let ss = sum(xs.iter().map(|x| (x - m) * (x - m)));
    Some(libm::sqrt(ss / (xs.len() as f64 - 1.0)))
}

/// Median; `None` when empty.
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    median_in_place(&mut xs.to_vec())
}

/// Median, sorting `xs` in place; `None` when empty.
pub(crate) fn median_in_place(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Bias-corrected sample skewness G1 and excess kurtosis (as Excel, e1071 type 2, COINr
/// `skew` and `kurt`), computed in one pass over the deviations from the mean.
///
/// Skewness is `None` with fewer than three values, kurtosis with fewer than four; both are
/// `None` when the variance is zero.
pub fn skew_kurt(xs: &[f64]) -> (Option<f64>, Option<f64>) {
    let n = xs.len();
    let Some(m) = mean(xs) else {
        return (None, None);
    };
    let (mut s2, mut s3, mut s4) = (0.0, 0.0, 0.0);
    for x in xs {
        let d = x - m;
        let d2 = d * d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
    }
    if n < 3 || s2 <= 0.0 {
        return (None, None);
    }
    let nf = n as f64;
    let g1 = libm::sqrt(nf) * s3 / (s2 * libm::sqrt(s2));
    let skew = g1 * libm::sqrt(nf * (nf - 1.0)) / (nf - 2.0);
    let kurt = (n >= 4).then(|| {
        let r = nf * s4 / (s2 * s2);
        ((nf + 1.0) * (r - 3.0) + 6.0) * (nf - 1.0) / ((nf - 2.0) * (nf - 3.0))
    });
    (Some(skew), kurt)
}

/// Bias-corrected sample skewness G1; see [`skew_kurt`].
pub fn skewness(xs: &[f64]) -> Option<f64> {
    skew_kurt(xs).0
}

/// Bias-corrected sample excess kurtosis; see [`skew_kurt`].
pub fn kurtosis(xs: &[f64]) -> Option<f64> {
    skew_kurt(xs).1
}

/// Smallest present value.
pub fn min(col: &[Option<f64>]) -> Option<f64> {
    col.iter().flatten().copied().reduce(f64::min)
}

/// Largest present value.
pub fn max(col: &[Option<f64>]) -> Option<f64> {
    col.iter().flatten().copied().reduce(f64::max)
}

/// Ranks with ties taking the lowest rank ("min", as R's `rank(ties.method = "min")`).
///
/// With `descending`, the highest value gets rank 1 (as for scores); otherwise the lowest value
/// gets rank 1 (as R's `rank`). Missing values keep no rank.
pub fn rank_min(col: &[Option<f64>], descending: bool) -> Vec<Option<f64>> {
    let mut out = col.to_vec();
    rank_min_in_place(&mut out, descending, &mut Vec::new());
    out
}

/// [`rank_min`] replacing the values of `col` by their ranks; `idx` is scratch space.
pub(crate) fn rank_min_in_place(
    col: &mut [Option<f64>],
    descending: bool,
    idx: &mut Vec<(usize, f64)>,
) {
    idx.clear();
    idx.extend(
        col.iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v))),
    );
    // stable sorts, as before: ties keep row order (it does not change the ranks)
    if descending {
        idx.sort_by(|a, b| b.1.total_cmp(&a.1));
    } else {
        idx.sort_by(|a, b| a.1.total_cmp(&b.1));
    }
    let mut rank = 1;
    for k in 0..idx.len() {
        let (i, v) = idx[k];
        if k > 0 && idx[k - 1].1 != v {
            rank = k + 1;
        }
        col[i] = Some(rank as f64);
    }
}

/// Ranks with ties taking their average rank (lowest value first), as used by Spearman's rho.
pub fn rank_average(col: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut idx: Vec<(usize, f64)> = col
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    idx.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut out = vec![None; col.len()];
    let mut k = 0;
    while k < idx.len() {
        let mut e = k;
        while e + 1 < idx.len() && idx[e + 1].1 == idx[k].1 {
            e += 1;
        }
        let r = (k + e) as f64 / 2.0 + 1.0;
        for &(i, _) in &idx[k..=e] {
            out[i] = Some(r);
        }
        k = e + 1;
    }
    out
}

/// Pearson correlation over the units where both values are present.
///
/// `None` with fewer than two such units or zero variance.
pub fn pearson(a: &[Option<f64>], b: &[Option<f64>]) -> Option<f64> {
    let (x, y): (Vec<f64>, Vec<f64>) = a
        .iter()
        .zip(b)
        .filter_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => Some((*a, *b)),
            _ => None,
        })
        .unzip();
    if x.len() < 2 {
        return None;
    }
    let mx = mean(&x)?;
    let my = mean(&y)?;
    let sxy = sum(x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)));
    let sxx = sum(x.iter().map(|a| (a - mx) * (a - mx)));
    let syy = sum(y.iter().map(|b| (b - my) * (b - my)));
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    Some(sxy / libm::sqrt(sxx * syy))
}

/// Spearman rank correlation (Pearson correlation of average ranks) over complete pairs.
pub fn spearman(a: &[Option<f64>], b: &[Option<f64>]) -> Option<f64> {
    let (a, b): (Vec<Option<f64>>, Vec<Option<f64>>) = a
        .iter()
        .zip(b)
        .filter(|(a, b)| a.is_some() && b.is_some())
        .map(|(a, b)| (*a, *b))
        .unzip();
    pearson(&rank_average(&a), &rank_average(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn moments_by_hand() {
        let x = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(mean(&x), Some(4.0));
        // deviations -3,-2,-1,0,6: sum sq 50, sd = sqrt(50/4)
        assert!(close(sd(&x).unwrap(), libm::sqrt(12.5)));
        // g1 = sqrt(5)*(-27-8-1+216)/50^1.5 = sqrt(5)*180/353.553...
        let g1 = libm::sqrt(5.0) * 180.0 / libm::pow(50.0, 1.5);
        assert!(close(skewness(&x).unwrap(), g1 * libm::sqrt(20.0) / 3.0));
        // r = 5*(81+16+1+1296)/2500 = 2.788; K = ((6)(-0.212)+6)*4/(3*2)
        assert!(close(
            kurtosis(&x).unwrap(),
            (6.0 * (2.788 - 3.0) + 6.0) * 4.0 / 6.0
        ));
        assert_eq!(median(&x), Some(3.0));
        assert_eq!(median(&[4.0, 1.0]), Some(2.5));
        assert_eq!(skewness(&[1.0, 1.0, 1.0]), None);
        assert_eq!(sd(&[1.0]), None);
    }

    #[test]
    fn ranks() {
        let c = [Some(3.0), None, Some(5.0), Some(3.0), Some(1.0)];
        assert_eq!(
            rank_min(&c, true),
            [Some(2.0), None, Some(1.0), Some(2.0), Some(4.0)]
        );
        assert_eq!(
            rank_min(&c, false),
            [Some(2.0), None, Some(4.0), Some(2.0), Some(1.0)]
        );
        assert_eq!(
            rank_average(&c),
            [Some(2.5), None, Some(4.0), Some(2.5), Some(1.0)]
        );
    }

    #[test]
    fn correlations() {
        let a = [Some(1.0), Some(2.0), Some(3.0), None];
        let b = [Some(2.0), Some(4.0), Some(7.0), Some(1.0)];
        assert!(close(spearman(&a, &b).unwrap(), 1.0));
        let p = pearson(&a, &b).unwrap();
        // x dev -1,0,1; y mean 13/3, dev -7/3,-1/3,8/3: sxy = 5, sxx = 2, syy = 114/9
        assert!(close(p, 5.0 / libm::sqrt(2.0 * 114.0 / 9.0)));
        assert_eq!(pearson(&a, &[Some(1.0), Some(1.0), Some(1.0), None]), None);
    }
}
