//! `f64` helpers that keep the standard library's float printer out of the calculator's
//! module: `f64::clamp` formats its bounds with `Debug` when they are out of order, and that
//! one message links all of `core::fmt`'s float printing (see `decimal.rs`).

/// `value.clamp(low, high)`, the same result for every value, `NaN` included (it passes
/// through); bounds out of order (or `NaN`) stop it with a message that prints no number.
///
/// ```
/// assert_eq!(dti_core::float::clamp(1.5, 0.0, 1.0), 1.0);
/// assert!(dti_core::float::clamp(f64::NAN, 0.0, 1.0).is_nan());
/// ```
#[inline]
pub fn clamp(value: f64, low: f64, high: f64) -> f64 {
    assert!(
        low <= high,
        "clamp: the low bound is above the high one, or one is NaN"
    );
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::clamp;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn clamps_as_the_standard_library_does(value in any::<u64>(), a in any::<u64>(), b in any::<u64>()) {
            let (value, a, b) = (f64::from_bits(value), f64::from_bits(a), f64::from_bits(b));
            prop_assume!(!a.is_nan() && !b.is_nan());
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert_eq!(clamp(value, low, high).to_bits(), value.clamp(low, high).to_bits());
        }
    }

    #[test]
    fn edges_clamp_as_the_standard_library_does() {
        let values = [
            f64::NAN,
            -0.0,
            0.0,
            1.0,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.5,
        ];
        let bounds = [
            (0.0, 1.0),
            (-0.0, 0.0),
            (0.0, 0.0),
            (-1.0, 0.0),
            (f64::NEG_INFINITY, f64::INFINITY),
        ];
        for value in values {
            for (low, high) in bounds {
                assert_eq!(
                    clamp(value, low, high).to_bits(),
                    value.clamp(low, high).to_bits(),
                    "{value} in {low}..{high}"
                );
            }
        }
    }
}
