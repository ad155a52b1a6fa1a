//! Decimal text read as the nearest `f64`, exactly as `str::parse::<f64>` reads it, without
//! the standard library's float parser (`dec2flt`: Eisel–Lemire with its 10 KB table of
//! 128-bit powers of five, and a big-decimal fallback; about 11 KB of the calculator's
//! module, gzipped). The calculator's module reads numbers with [`parse`]; native builds
//! keep `str::parse`, which is faster on long mantissas ([`read`] chooses).
//!
//! A number of at most 19 significant digits below 2^53 with a power of ten of at most 22
//! is one exact integer, one exact power and one correctly rounded IEEE multiply or divide
//! (Clinger's fast path). Every other number is worked out exactly with a small big integer:
//! the digits times the power of ten, or the digits shifted left divided by the power of ten,
//! to 64 or more bits and a sticky bit for the rest, then rounded half to even once, to 53
//! bits or to the subnormal grid. As the standard library does, at most 800 significant
//! digits are kept, the digits dropped after them only marking the value as above the kept
//! ones: a value halfway between two `f64` has at most 767 significant digits, so the value
//! and the kept digits round alike. The tests compare [`parse`] with the standard library on
//! random digit strings, exponents, long mantissas, halfway cases and subnormals.

use std::cmp::Ordering;

/// The text read as `str::parse::<f64>` reads it: the standard library's parser natively,
/// [`parse`] in WebAssembly, where its tables would weigh on the calculator's module.
#[inline]
pub(crate) fn read(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        parse(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

/// `text.parse::<f64>().ok()` for every text of ASCII digits, `.`, `e`, `E`, `+` and `-`
/// (the texts the readers and `decimal.rs` pass): an optional sign, digits with an optional
/// dot (at least one digit), and an optional exponent (`e` or `E`, an optional sign, at least
/// one digit). Other texts, `inf` and `NaN` among them, are `None`.
pub(crate) fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    let number = scan(body)?;
    let magnitude = if number.significant == 0 {
        0.0
    } else {
        magnitude(body, &number)
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// What [`scan`] finds in a number's text.
struct Scanned {
    /// The first 19 significant digits as an integer.
    mantissa: u64,
    /// How many significant digits there are (from the first non-zero one).
    significant: usize,
    /// The power of ten of the last digit: the written exponent less the digits after the dot.
    exponent: i64,
}

/// The number's digits and exponent, or `None` when the text is not a number.
fn scan(body: &[u8]) -> Option<Scanned> {
    let mut scanned = Scanned {
        mantissa: 0,
        significant: 0,
        exponent: 0,
    };
    let mut digits = 0usize;
    let mut at = 0;
    let mut dot = false;
    while let Some(&byte) = body.get(at) {
        match byte {
            b'0'..=b'9' => {
                digits += 1;
                if dot {
                    scanned.exponent -= 1;
                }
                if scanned.significant > 0 || byte != b'0' {
                    if scanned.significant < 19 {
                        scanned.mantissa = scanned.mantissa * 10 + u64::from(byte - b'0');
                    }
                    scanned.significant += 1;
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = body.get(at) {
        at += 1;
        let negative = match body.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let start = at;
        // Saturated: any exponent this large makes zero or infinity of every number the text
        // can hold.
        let mut written = 0i64;
        while let Some(&byte @ b'0'..=b'9') = body.get(at) {
            if written < 0x1_0000_0000 {
                written = written * 10 + i64::from(byte - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        scanned.exponent += if negative { -written } else { written };
    }
    (at == body.len()).then_some(scanned)
}

/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The most significant digits kept (see the module's note).
const KEPT_DIGITS: usize = 800;

/// The non-zero number's magnitude, correctly rounded.
fn magnitude(body: &[u8], number: &Scanned) -> f64 {
    let Scanned {
        mantissa,
        significant,
        exponent,
    } = *number;
    if significant <= 19 && mantissa <= 1 << 53 && (-22..=22).contains(&exponent) {
        let power = EXACT_POWERS_OF_TEN[exponent.unsigned_abs() as usize];
        return if exponent < 0 {
            mantissa as f64 / power
        } else {
            mantissa as f64 * power
        };
    }
    // The value lies in [10^(top - 1), 10^top).
    let top = exponent.saturating_add(significant as i64);
    if top > 310 {
        return f64::INFINITY;
    }
    if top < -326 {
        // Below 10^-326, less than half the smallest subnormal (2^-1075).
        return 0.0;
    }
    let (digits, dropped, truncated) = significant_digits(body);
    // `top` bounds this to -1126..=310.
    let exponent = (top - (significant - dropped) as i64) as i32;
    let (bits, binary_exponent, sticky) = if exponent >= 0 {
        let mut value = digits;
        multiply_by_power_of_ten(&mut value, exponent as u32);
        let length = bit_length(&value);
        if length <= 64 {
            (top_bits(&value, length, length), 0, false)
        } else {
            let low = length - 64;
            (
                top_bits(&value, length, 64),
                low as i32,
                any_bit_below(&value, low),
            )
        }
    } else {
        let mut divisor = vec![1];
        multiply_by_power_of_ten(&mut divisor, exponent.unsigned_abs());
        // Shift one of the two so that the quotient has 65 or 66 bits.
        let shift = bit_length(&divisor) as i32 - bit_length(&digits) as i32 + 65;
        let (mut dividend, divisor) = if shift >= 0 {
            (shifted_left(&digits, shift as usize), divisor)
        } else {
            (
                digits,
                shifted_left(&divisor, shift.unsigned_abs() as usize),
            )
        };
        let mut quotient = 0u128;
        for bit in (0..=66).rev() {
            let step = shifted_left(&divisor, bit);
            if compare(&dividend, &step) != Ordering::Less {
                subtract(&mut dividend, &step);
                quotient |= 1 << bit;
            }
        }
        (quotient, -shift, !dividend.is_empty())
    };
    rounded(bits, binary_exponent, sticky || truncated)
}

/// The first [`KEPT_DIGITS`] significant digits of a number's text as a big integer, how
/// many significant digits were dropped after them, and whether any of those was not zero.
fn significant_digits(body: &[u8]) -> (Vec<u32>, usize, bool) {
    let mut value: Vec<u32> = Vec::new();
    let mut kept = 0;
    let mut dropped = 0;
    let mut truncated = false;
    let mut chunk = 0u32;
    let mut chunk_digits = 0;
    for &byte in body {
        match byte {
            b'0'..=b'9' => {
                if kept == 0 && byte == b'0' {
                    continue;
                }
                if kept == KEPT_DIGITS {
                    dropped += 1;
                    truncated |= byte != b'0';
                    continue;
                }
                kept += 1;
                chunk = chunk * 10 + u32::from(byte - b'0');
                chunk_digits += 1;
                if chunk_digits == 9 {
                    multiply_add(&mut value, 1_000_000_000, chunk);
                    chunk = 0;
                    chunk_digits = 0;
                }
            }
            b'.' => {}
            _ => break,
        }
    }
    if chunk_digits > 0 {
        multiply_add(&mut value, 10u32.pow(chunk_digits), chunk);
    }
    (value, dropped, truncated)
}

/// `value · factor + addend`, the big integer's 32-bit limbs least significant first, without
/// high zero limbs (zero has none).
fn multiply_add(value: &mut Vec<u32>, factor: u32, addend: u32) {
    let mut carry = u64::from(addend);
    for limb in value.iter_mut() {
        let product = u64::from(*limb) * u64::from(factor) + carry;
        *limb = product as u32;
        carry = product >> 32;
    }
    if carry > 0 {
        value.push(carry as u32);
    }
}

fn multiply_by_power_of_ten(value: &mut Vec<u32>, mut power: u32) {
    while power > 0 {
        let step = power.min(9);
        multiply_add(value, 10u32.pow(step), 0);
        power -= step;
    }
}

fn bit_length(value: &[u32]) -> usize {
    match value.last() {
        Some(&high) => value.len() * 32 - high.leading_zeros() as usize,
        None => 0,
    }
}

fn bit(value: &[u32], index: usize) -> u128 {
    u128::from(
        value
            .get(index / 32)
            .is_some_and(|limb| limb >> (index % 32) & 1 == 1),
    )
}

/// The `count` bits (at most 64) below bit `length` of `value`, as an integer.
fn top_bits(value: &[u32], length: usize, count: usize) -> u128 {
    (length - count..length)
        .rev()
        .fold(0, |bits, index| bits << 1 | bit(value, index))
}

fn any_bit_below(value: &[u32], length: usize) -> bool {
    let whole = length / 32;
    value[..whole].iter().any(|&limb| limb != 0) || value[whole] & ((1 << (length % 32)) - 1) != 0
}

fn shifted_left(value: &[u32], shift: usize) -> Vec<u32> {
    let mut out = vec![0; shift / 32];
    let bits = shift % 32;
    let mut carry = 0u32;
    for &limb in value {
        if bits == 0 {
            out.push(limb);
        } else {
            out.push(limb << bits | carry);
            carry = limb >> (32 - bits);
        }
    }
    if carry > 0 {
        out.push(carry);
    }
    out
}

fn compare(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// `value - other`, `other` not above `value`.
fn subtract(value: &mut Vec<u32>, other: &[u32]) {
    let mut borrow = 0i64;
    for (index, limb) in value.iter_mut().enumerate() {
        let difference =
            i64::from(*limb) - i64::from(other.get(index).copied().unwrap_or(0)) - borrow;
        *limb = difference as u32;
        borrow = i64::from(difference < 0);
    }
    while value.last() == Some(&0) {
        value.pop();
    }
}

/// `(bits + ε) · 2^binary_exponent` (ε in (0, 1) when `sticky`, else 0; `bits` non-zero, below
/// 2^67) rounded half to even to the nearest `f64`.
fn rounded(mut bits: u128, mut binary_exponent: i32, sticky: bool) -> f64 {
    let mut length = 128 - bits.leading_zeros() as i32;
    if length < 64 {
        bits <<= 64 - length;
        binary_exponent -= 64 - length;
        length = 64;
    }
    let leading = length - 1 + binary_exponent;
    if leading > 1023 {
        return f64::INFINITY;
    }
    // The power of two of the last bit the result keeps: 53 bits, or the subnormals' grid.
    let mut last = (leading - 52).max(-1074);
    let shift = (last - binary_exponent) as u32;
    if shift > 127 {
        // At least two bits below `bits`' top: under half the smallest subnormal.
        return 0.0;
    }
    let mut kept = (bits >> shift) as u64;
    let rest = bits & ((1 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    if kept == 1 << 53 {
        kept >>= 1;
        last += 1;
    }
    if kept < 1 << 52 {
        // Subnormal (`last` is -1074), or zero.
        return f64::from_bits(kept);
    }
    let field = (last + 1075) as u64;
    if field >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(field << 52 | (kept & ((1 << 52) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn agrees(text: &str) -> Result<(), TestCaseError> {
        let expected = text.parse::<f64>().ok();
        let got = parse(text);
        prop_assert_eq!(
            got.map(f64::to_bits),
            expected.map(f64::to_bits),
            "{}: {:?} against {:?}",
            text,
            got,
            expected
        );
        Ok(())
    }

    fn check(text: &str) {
        agrees(text).unwrap();
    }

    #[test]
    fn hand_cases_read_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0",
            "00",
            "0e0",
            "0e-999999999999",
            "-0e99999999999",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "+.5",
            "1e5",
            "1E5",
            "1e+5",
            "1e-5",
            "1.5e3",
            "12.345",
            "0.1",
            "0.2",
            "0.3",
            "0.30000000000000004",
            "0.1234567890123456789",
            "123456789012345678901234567890",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "18446744073709551616",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "123e25",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e309",
            "1e400",
            "2.2250738585072014e-308",
            "2.2250738585072011e-308",
            "2.225073858507201e-308",
            "4.9406564584124654e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272e-324",
            "3e-324",
            "7.4e-324",
            "1e-324",
            "1e-400",
            "4.940656458412465441765687928682213723651e-324",
            // 2^-1075, halfway between 0 and the smallest subnormal, rounds to even (0);
            // anything above it up.
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000000000000000000000000000000000000000000000000000000000000000001e-324",
            // The halfway between 1 and the next f64, and just above and below it.
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "1.000000000000000111022302462515654042363166809082031250000000000000000001",
            "9007199254740993.0000000000000000000000000000000000000000000000000000000001",
            "",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "--1",
            "+-1",
            "1-",
            "1.2.3",
            "1e5e5",
            "1..2",
            ".e1",
            "-.e1",
            "1e1.5",
            "1,5",
            " 1",
            "1 ",
        ] {
            check(text);
        }
        // Many digits: the value is decided by the first ones and the dropped ones' sticky bit.
        let mut long = String::from("1.");
        long.push_str(&"0".repeat(5000));
        long.push('1');
        check(&long);
        let mut long = String::from("0.");
        long.push_str(&"9".repeat(5000));
        check(&long);
        let mut long = "1".repeat(3000);
        long.push_str("e-3000");
        check(&long);
        check(&format!("{}e-5000", "3".repeat(4700)));
    }

    #[test]
    fn words_the_standard_library_reads_are_not_numbers_here() {
        // No caller passes letters but `e` and `E` (see `parse`); the readers refuse a
        // non-finite number anyway.
        for text in ["inf", "-inf", "infinity", "NaN", "nan"] {
            assert!(text.parse::<f64>().is_ok());
            assert_eq!(parse(text), None);
        }
    }

    #[test]
    fn midpoints_at_every_binary_exponent_read_as_the_standard_library_reads_them() {
        // A value of each exponent field, the next f64 above it, and the exact midpoint.
        for bits in (0..2046u64).map(|field| field << 52 | 0x1234_5678_9abc) {
            let value = f64::from_bits(bits);
            check(&exact_text(value));
            check(&exact_text(f64::from_bits(bits + 1)));
            check(&midpoint_text(value));
        }
    }

    /// The exact decimal expansion of a finite non-negative f64 (1100 decimals hold every
    /// one, the smallest subnormal's 1074 included).
    fn exact_text(value: f64) -> String {
        format!("{value:.1100}")
    }

    /// The exact decimal expansion of the midpoint between a finite non-negative `value` and
    /// the next f64 above it.
    fn midpoint_text(value: f64) -> String {
        let next = f64::from_bits(value.to_bits() + 1);
        halved(&add_decimal(&exact_text(value), &exact_text(next)))
    }

    /// Half of a non-negative decimal text with a dot, one decimal longer.
    fn halved(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 1);
        let mut remainder = 0;
        for byte in text.bytes().chain(std::iter::once(b'0')) {
            if byte == b'.' {
                out.push('.');
                continue;
            }
            let current = remainder * 10 + (byte - b'0');
            out.push((b'0' + current / 2) as char);
            remainder = current % 2;
        }
        out
    }

    /// The sum of two non-negative decimal texts with the same number of decimals.
    fn add_decimal(a: &str, b: &str) -> String {
        let (a_whole, a_fraction) = a.split_once('.').unwrap();
        let (b_whole, b_fraction) = b.split_once('.').unwrap();
        assert_eq!(a_fraction.len(), b_fraction.len());
        let width = a_whole.len().max(b_whole.len()) + 1;
        let a_digits = format!("{a_whole:0>width$}{a_fraction}");
        let b_digits = format!("{b_whole:0>width$}{b_fraction}");
        let mut sum = vec![0u8; a_digits.len()];
        let mut carry = 0;
        for ((slot, x), y) in sum
            .iter_mut()
            .zip(a_digits.bytes())
            .zip(b_digits.bytes())
            .rev()
        {
            let digit = (x - b'0') + (y - b'0') + carry;
            *slot = b'0' + digit % 10;
            carry = digit / 10;
        }
        let text = String::from_utf8(sum).unwrap();
        format!("{}.{}", &text[..width], &text[width..])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn random_numbers_read_as_the_standard_library_reads_them(
            negative in any::<bool>(),
            whole in "[0-9]{0,25}",
            fraction in proptest::option::of("[0-9]{0,25}"),
            exponent in proptest::option::of(-400i32..400),
        ) {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&whole);
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some(exponent) = exponent {
                text.push_str(&format!("e{exponent}"));
            }
            agrees(&text)?;
        }

        #[test]
        fn any_f64_written_shortest_or_long_reads_back_as_the_standard_library_reads_it(bits in any::<u64>(), digits in 0usize..40) {
            let value = f64::from_bits(bits);
            if value.is_finite() {
                agrees(&format!("{value:e}"))?;
                agrees(&format!("{value:.digits$e}"))?;
                agrees(&format!("{value}"))?;
            }
        }

        #[test]
        fn subnormals_and_their_midpoints_read_as_the_standard_library_reads_them(fraction in 1u64..(1 << 52), digits in 0usize..30) {
            let value = f64::from_bits(fraction);
            agrees(&format!("{value:.digits$e}"))?;
            agrees(&exact_text(value))?;
            agrees(&midpoint_text(value))?;
        }

        #[test]
        fn long_mantissas_read_as_the_standard_library_reads_them(
            digits in "[1-9][0-9]{18,900}",
            exponent in -1200i32..350,
            dot in 0usize..900,
        ) {
            let dot = dot.min(digits.len());
            let text = format!("{}.{}e{exponent}", &digits[..dot], &digits[dot..]);
            agrees(&text)?;
        }

        #[test]
        fn midpoints_read_as_the_standard_library_reads_them(bits in 1u64..0x7fe0_0000_0000_0000, nudge in 0u8..3) {
            let value = f64::from_bits(bits);
            let text = midpoint_text(value);
            let text = match nudge {
                0 => text,
                // Just above the midpoint.
                1 => format!("{text}1"),
                // Just below: the last digit of the exact midpoint (5) made 4, then 9s.
                _ => {
                    let trimmed = text.trim_end_matches('0');
                    let mut below = trimmed[..trimmed.len() - 1].to_string();
                    let last = trimmed.as_bytes()[trimmed.len() - 1];
                    below.push((last - 1) as char);
                    below.push_str("999");
                    below
                }
            };
            agrees(&text)?;
        }
    }
}
