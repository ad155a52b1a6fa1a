//! Decimal text of `f64` exactly as the standard library's `{:.N}`, `{}` and `{:e}` print it,
//! without its float printer (Grisu and Dragon with their big numbers, about 20 KB of the
//! calculator's module before optimisation).
//!
//! The value's exact decimal expansion comes from a small big integer (`m·2^e` is an integer,
//! or `m·5^k / 10^k`); fixed decimals round it half to even, as `{:.N}` does. The shortest
//! form is the one of fewest significant digits that reads back as the same value, the nearer
//! of the two candidates of that length, the upper one on a tie: what the standard library's
//! shortest mode (Steele–White, Dragon4) prints. Reading back uses the readers' parser
//! (`float_parse.rs`, the standard parser natively). The tests compare every form with the standard
//! library's on random bits, subnormals included.

/// The exact decimal expansion of a finite, non-zero magnitude: `digits × 10^exponent`, the
/// digits as ASCII, without leading or trailing zeros.
struct Exact {
    digits: Vec<u8>,
    exponent: i32,
}

/// `value`'s magnitude expanded exactly; `None` for zero.
fn exact(value: f64) -> Option<Exact> {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, power_of_two) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    if mantissa == 0 {
        return None;
    }
    // Little-endian limbs of 32 bits.
    let mut limbs = vec![mantissa as u32, (mantissa >> 32) as u32];
    let mut exponent = 0;
    if power_of_two >= 0 {
        let mut left = power_of_two as u32;
        while left > 0 {
            let step = left.min(31);
            multiply(&mut limbs, 1 << step);
            left -= step;
        }
    } else {
        // m / 2^k = m·5^k / 10^k.
        let mut left = power_of_two.unsigned_abs();
        exponent = power_of_two;
        while left > 0 {
            let step = left.min(13);
            multiply(&mut limbs, 5u32.pow(step));
            left -= step;
        }
    }
    let mut digits = to_decimal(limbs);
    while digits.last() == Some(&b'0') {
        digits.pop();
        exponent += 1;
    }
    Some(Exact { digits, exponent })
}

fn multiply(limbs: &mut Vec<u32>, factor: u32) {
    let mut carry = 0u64;
    for limb in limbs.iter_mut() {
        let product = u64::from(*limb) * u64::from(factor) + carry;
        *limb = product as u32;
        carry = product >> 32;
    }
    if carry > 0 {
        limbs.push(carry as u32);
    }
}

/// The decimal digits of a non-zero big integer, most significant first.
fn to_decimal(mut limbs: Vec<u32>) -> Vec<u8> {
    const CHUNK: u64 = 1_000_000_000;
    let mut chunks = Vec::new();
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    while !limbs.is_empty() {
        let mut remainder = 0u64;
        for limb in limbs.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = (current / CHUNK) as u32;
            remainder = current % CHUNK;
        }
        chunks.push(remainder as u32);
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
    }
    let mut digits = Vec::with_capacity(chunks.len() * 9);
    for (i, chunk) in chunks.iter().rev().enumerate() {
        let mut nine = [b'0'; 9];
        let mut rest = *chunk;
        for place in nine.iter_mut().rev() {
            *place = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let start = if i == 0 {
            nine.iter().position(|&d| d != b'0').unwrap_or(8)
        } else {
            0
        };
        digits.extend_from_slice(&nine[start..]);
    }
    digits
}

/// Adds one to a run of ASCII digits; a carry out of the first digit prepends a `1`.
fn increment(digits: &mut Vec<u8>) {
    for digit in digits.iter_mut().rev() {
        if *digit == b'9' {
            *digit = b'0';
        } else {
            *digit += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// Pushes ASCII digits (always ASCII here) onto a string.
fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&d| char::from(d)));
}

fn push_integer(out: &mut String, value: u32) {
    crate::text::write_integer(out, i64::from(value));
}

/// Writes what is not a finite number (`NaN`, `inf`, `-inf`) and the sign of one; `false`
/// when nothing is left to write.
fn sign_or_special(out: &mut String, value: f64) -> bool {
    if value.is_nan() {
        out.push_str("NaN");
        return false;
    }
    if value.is_sign_negative() {
        out.push('-');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return false;
    }
    true
}

/// Appends `value` with `decimals` decimals, exactly as `format!("{value:.decimals$}")`.
///
/// ```
/// let mut out = String::new();
/// dti_core::decimal::write_fixed(&mut out, 0.125, 2);
/// assert_eq!(out, format!("{:.2}", 0.125));
/// ```
pub fn write_fixed(out: &mut String, value: f64, decimals: usize) {
    if !sign_or_special(out, value) {
        return;
    }
    // The value times 10^decimals, rounded half to even: an integer's digits.
    let mut scaled = match exact(value) {
        None => Vec::new(),
        Some(Exact {
            mut digits,
            exponent,
        }) => {
            let shift = i64::from(exponent) + decimals as i64;
            if shift >= 0 {
                digits.resize(digits.len() + shift as usize, b'0');
                digits
            } else {
                let dropped = shift.unsigned_abs() as usize;
                if dropped > digits.len() {
                    // Below a tenth of the last place: rounds to zero.
                    Vec::new()
                } else {
                    let (kept, rest) = digits.split_at(digits.len() - dropped);
                    // `rest` has no trailing zeros: it is exactly a half when it is `5`.
                    let above_half = rest[0] > b'5' || (rest[0] == b'5' && rest.len() > 1);
                    let half = rest == b"5";
                    let odd = kept.last().is_some_and(|d| (d - b'0') % 2 == 1);
                    let mut kept = kept.to_vec();
                    if above_half || (half && odd) {
                        increment(&mut kept);
                    }
                    kept
                }
            }
        }
    };
    if scaled.len() < decimals + 1 {
        let zeros = decimals + 1 - scaled.len();
        scaled.splice(0..0, std::iter::repeat_n(b'0', zeros));
    }
    let point = scaled.len() - decimals;
    push_digits(out, &scaled[..point]);
    if decimals > 0 {
        out.push('.');
        push_digits(out, &scaled[point..]);
    }
}

/// The fewest significant digits that read back as `value` (finite, non-zero magnitude):
/// `digits × 10^exponent`, without trailing zeros.
fn shortest(magnitude: f64, exact: Exact) -> Exact {
    let Exact { digits, exponent } = exact;
    let mut text = String::with_capacity(32);
    let mut reads_back = |candidate: &[u8], exponent: i32| {
        text.clear();
        push_digits(&mut text, candidate);
        text.push('e');
        if exponent < 0 {
            text.push('-');
        }
        push_integer(&mut text, exponent.unsigned_abs());
        crate::float_parse::read(&text) == Some(magnitude)
    };
    // The candidates of a length: the digits cut there (`floor`) and one more in the last
    // place (`ceiling`); the one of them to write, if either reads back.
    let mut candidate = |length: usize| {
        let (floor, rest) = digits.split_at(length);
        let place = exponent + (digits.len() - length) as i32;
        let mut ceiling = floor.to_vec();
        increment(&mut ceiling);
        let floor_fits = reads_back(floor, place);
        let ceiling_fits = reads_back(&ceiling, place);
        // The nearer of the two that read back; the upper one on a tie (`rest` has no
        // trailing zeros: it is exactly a half when it is `5`).
        if ceiling_fits && (!floor_fits || rest[0] >= b'5') {
            Some((ceiling, place))
        } else if floor_fits {
            Some((floor.to_vec(), place))
        } else {
            None
        }
    };
    // Whether a length has a candidate that reads back only grows with the length (the
    // candidates close in on the value, inside the interval that reads back as it), and 17
    // digits always do: the shortest is found by halving.
    let (mut short, mut long) = (0, digits.len().min(17));
    let mut found = None;
    while long - short > 1 {
        let middle = (short + long) / 2;
        match candidate(middle) {
            Some(picked) => {
                long = middle;
                found = Some(picked);
            }
            None => short = middle,
        }
    }
    if found.is_none() && long < digits.len() {
        found = candidate(long);
    }
    let Some((mut picked, mut place)) = found else {
        return Exact { digits, exponent };
    };
    while picked.last() == Some(&b'0') {
        picked.pop();
        place += 1;
    }
    Exact {
        digits: picked,
        exponent: place,
    }
}

/// Appends `value` as `format!("{value}")` does: the fewest digits that read back as the
/// same value, written out without an exponent (`0.1`, `1e-7` as `0.0000001`, `-0`, `NaN`).
///
/// ```
/// let mut out = String::new();
/// dti_core::decimal::write_shortest(&mut out, 0.1 + 0.2);
/// assert_eq!(out, "0.30000000000000004");
/// ```
pub fn write_shortest(out: &mut String, value: f64) {
    if !sign_or_special(out, value) {
        return;
    }
    let Some(exact) = exact(value) else {
        out.push('0');
        return;
    };
    let Exact { digits, exponent } = shortest(value.abs(), exact);
    if exponent >= 0 {
        push_digits(out, &digits);
        out.extend(std::iter::repeat_n('0', exponent as usize));
    } else {
        let fraction = exponent.unsigned_abs() as usize;
        if digits.len() > fraction {
            let point = digits.len() - fraction;
            push_digits(out, &digits[..point]);
            out.push('.');
            push_digits(out, &digits[point..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', fraction - digits.len()));
            push_digits(out, &digits);
        }
    }
}

/// Appends `value` as `format!("{value:e}")` does: the fewest digits that read back as the
/// same value, one before the point, then the exponent (`1e15`, `-1.5e-7`, `0e0`).
///
/// ```
/// let mut out = String::new();
/// dti_core::decimal::write_exponent(&mut out, 1.5e300);
/// assert_eq!(out, "1.5e300");
/// ```
pub fn write_exponent(out: &mut String, value: f64) {
    if !sign_or_special(out, value) {
        return;
    }
    let Some(exact) = exact(value) else {
        out.push_str("0e0");
        return;
    };
    let Exact { digits, exponent } = shortest(value.abs(), exact);
    push_digits(out, &digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        push_digits(out, &digits[1..]);
    }
    out.push('e');
    let scientific = exponent + digits.len() as i32 - 1;
    if scientific < 0 {
        out.push('-');
    }
    push_integer(out, scientific.unsigned_abs());
}

/// [`write_fixed`] into a string of its own.
pub fn fixed(value: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(24);
    write_fixed(&mut out, value, decimals);
    out
}

/// [`write_shortest`] into a string of its own.
pub fn shortest_text(value: f64) -> String {
    let mut out = String::with_capacity(24);
    write_shortest(&mut out, value);
    out
}

/// [`write_exponent`] into a string of its own.
pub fn exponent_text(value: f64) -> String {
    let mut out = String::with_capacity(24);
    write_exponent(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EDGES: [f64; 24] = [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        0.1,
        0.3,
        1e15,
        1e16,
        1e23,
        9007199254740993.0,
        4.503_599_627_370_496e15,
        1e300,
        1.7976931348623157e308,
        5e-324,
        1e-310,
        2.2250738585072014e-308,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.70245,
    ];

    fn agrees(value: f64, decimals: usize) -> Result<(), TestCaseError> {
        prop_assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"));
        prop_assert_eq!(shortest_text(value), format!("{value}"));
        prop_assert_eq!(exponent_text(value), format!("{value:e}"));
        Ok(())
    }

    #[test]
    fn edges_print_as_the_standard_library_does() {
        for value in EDGES {
            for decimals in [0, 1, 2, 4, 17, 30, 330] {
                agrees(value, decimals).unwrap();
                agrees(-value, decimals).unwrap();
            }
        }
    }

    proptest! {
        #[test]
        fn any_bits_print_as_the_standard_library_does(bits in any::<u64>(), decimals in 0usize..40) {
            agrees(f64::from_bits(bits), decimals)?;
        }

        #[test]
        fn subnormals_print_as_the_standard_library_does(fraction in 0u64..(1 << 52), negative in any::<bool>()) {
            let value = f64::from_bits(fraction | (u64::from(negative) << 63));
            agrees(value, 1080)?;
        }

        #[test]
        fn values_of_tables_print_as_the_standard_library_does(value in -1e6f64..1e6, decimals in 0usize..12) {
            agrees(value, decimals)?;
            agrees(crate::text::round_to(value, decimals as u32), decimals)?;
        }

        #[test]
        fn halves_print_as_the_standard_library_does(whole in -1_000_000i64..1_000_000, decimals in 1usize..8) {
            // Exact halves of the last place (k + 0.5 with few digits) test the tie rule.
            let value = (whole as f64 + 0.5) / 10f64.powi(decimals as i32 - 1);
            agrees(value, decimals)?;
            agrees(whole as f64 + 0.5, 0)?;
        }
    }
}
