//! Names in the two languages the tool speaks, and the language switch.

use serde::{Deserialize, Serialize};

/// The language of messages, headers and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese, the default: the index's users are Vietnamese civil servants.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Parses a language tag such as `vi`, `en`, `vi_VN.UTF-8` or `en-GB`.
    ///
    /// ```
    /// use dti_core::Lang;
    /// assert_eq!(Lang::from_tag("vi_VN.UTF-8"), Some(Lang::Vi));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Vietnamese or the English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A name given in Vietnamese and in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// The Vietnamese name.
    pub vi: String,
    /// The English name.
    pub en: String,
}

impl Names {
    /// The name in the requested language, falling back to the other one when it is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Vi => (&self.vi, &self.en),
            Lang::En => (&self.en, &self.vi),
        };
        if first.is_empty() { second } else { first }
    }
}

/// Formats a number with a fixed count of decimals, using the decimal comma in Vietnamese
/// as official Vietnamese publications do.
///
/// ```
/// use dti_core::{format_decimal, Lang};
/// assert_eq!(format_decimal(0.70244, 4, Lang::Vi), "0,7024");
/// assert_eq!(format_decimal(0.70244, 4, Lang::En), "0.7024");
/// ```
pub fn format_decimal(value: f64, decimals: u32, lang: Lang) -> String {
    let mut text = String::with_capacity(24);
    write_decimal(&mut text, value, decimals, lang);
    text
}

/// Appends a number to `out` as [`format_decimal`] writes it, without a string of its own:
/// the writers of long tables print millions of numbers into one buffer.
///
/// ```
/// use dti_core::{Lang, text::write_decimal};
/// let mut out = String::from("DTI ");
/// write_decimal(&mut out, 0.70244, 4, Lang::Vi);
/// assert_eq!(out, "DTI 0,7024");
/// ```
pub fn write_decimal(out: &mut String, value: f64, decimals: u32, lang: Lang) {
    match fixed(value, decimals, lang) {
        Some(digits) => out.push_str(std::str::from_utf8(digits.bytes()).unwrap_or_default()),
        None => out.push_str(&printed_generally(value, decimals, lang)),
    }
}

/// Appends a number to `out` as [`write_decimal`] writes it, as bytes: the writers of long
/// tables put their text together as bytes, so the digits are not checked again as UTF-8.
///
/// ```
/// use dti_core::{Lang, text::push_decimal};
/// let mut out = b"DTI ".to_vec();
/// push_decimal(&mut out, 0.70244, 4, Lang::Vi);
/// assert_eq!(out, b"DTI 0,7024");
/// ```
pub fn push_decimal(out: &mut Vec<u8>, value: f64, decimals: u32, lang: Lang) {
    let scaled = value * power_of_ten(decimals);
    let magnitude = scaled.abs();
    // As `fixed` decides, and the same digits.
    if magnitude < TWO_TO_52 && decimals <= 15 {
        let rounded = rounded_magnitude(magnitude);
        if rounded < 1 << 52 {
            push_digits(out, rounded, scaled < 0.0, decimals, lang);
            return;
        }
    }
    out.extend_from_slice(printed_generally(value, decimals, lang).as_bytes());
}

/// Appends the number `whole` / 10^`decimals` to `out` as [`write_decimal`] writes a value
/// that rounds to it: what it prints of `whole as f64 / 10^decimals` (a negative `whole` gets
/// its sign, zero none). Below 2^50 in magnitude, with at most 15 decimals, that quotient
/// times 10^decimals is within a quarter of `whole`, so its digits are those of `whole`.
/// For writers that computed the rounded number themselves, such as the points of
/// [`crate::score::shown_points_hundredths`].
///
/// ```
/// use dti_core::{Lang, text::push_scaled};
/// let mut out = Vec::new();
/// push_scaled(&mut out, -6758, 2, Lang::Vi);
/// assert_eq!(out, b"-67,58");
/// ```
pub fn push_scaled(out: &mut Vec<u8>, whole: i64, decimals: u32, lang: Lang) {
    if decimals <= 15 && whole.unsigned_abs() < 1 << 50 {
        push_digits(out, whole.unsigned_abs(), whole < 0, decimals, lang);
    } else {
        push_decimal(out, whole as f64 / power_of_ten(decimals), decimals, lang);
    }
}

/// A number's text in a buffer of its own: the bytes from `at` on.
struct Digits {
    text: [u8; 20],
    at: usize,
}

impl Digits {
    fn bytes(&self) -> &[u8] {
        &self.text[self.at..]
    }
}

/// Two digits for each number below 100.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The text [`write_decimal`] writes of `value` when it is printed from the digits of the
/// rounded, scaled value (below 2^52 and with at most 15 decimals); `None` when it takes the
/// general path.
fn fixed(value: f64, decimals: u32, lang: Lang) -> Option<Digits> {
    let scaled = value * power_of_ten(decimals);
    // Below 2^52 the rounded value's digits are those of `scaled` rounded, exactly: printing
    // them directly is what `{:.N}` of the rounded value prints, without its slow general path.
    let magnitude = scaled.abs();
    let fits = magnitude < TWO_TO_52 && decimals <= 15;
    if !fits {
        return None;
    }
    let rounded = rounded_magnitude(magnitude);
    (rounded < 1 << 52).then(|| digits(rounded, scaled < 0.0, decimals, lang))
}

/// The digits of `rounded` (below 2^52) with the decimal mark before the last `decimals` of
/// them (at most 15; a zero before the mark when nothing else is), after a minus sign when
/// `negative` and `rounded` is not zero.
fn digits(rounded: u64, negative: bool, decimals: u32, lang: Lang) -> Digits {
    let mark = match lang {
        Lang::Vi => b',',
        Lang::En => b'.',
    };
    // Right-aligned in a buffer of zeros, so a fraction's leading zeros and a whole part of
    // zero are there already: 2^52 has 16 digits and there are at most 15 decimals, so the
    // sign, 16 digits, the mark and a zero before it fit in 19 places.
    let mut text = [b'0'; 20];
    let end = text.len();
    let decimals = decimals as usize;
    let (whole, fraction) = split(rounded, decimals);
    let mut at = end;
    if decimals > 0 {
        put_digits(&mut text, end, fraction);
        at = end - decimals - 1;
        text[at] = mark;
    }
    at = put_digits(&mut text, at, whole).min(at - 1);
    if negative && rounded > 0 {
        at -= 1;
        text[at] = b'-';
    }
    Digits { text, at }
}

/// Appends the bytes of [`digits`]: for two or four decimals and a whole part below 10,000
/// (the values, points and shares of the long tables) in pieces of known length, without the
/// buffer and its copy of variable length.
fn push_digits(out: &mut Vec<u8>, rounded: u64, negative: bool, decimals: u32, lang: Lang) {
    let mark = match lang {
        Lang::Vi => b',',
        Lang::En => b'.',
    };
    let (whole, fraction) = match decimals {
        2 if rounded < 1_000_000 => (rounded / 100, rounded % 100),
        4 if rounded < 100_000_000 => (rounded / 10_000, rounded % 10_000),
        _ => {
            out.extend_from_slice(digits(rounded, negative, decimals, lang).bytes());
            return;
        }
    };
    if negative && rounded > 0 {
        out.push(b'-');
    }
    push_whole(out, whole);
    out.push(mark);
    if decimals == 2 {
        out.extend_from_slice(&pair(fraction));
    } else {
        push_four(out, fraction);
    }
}

/// The two digits of `n`, below 100.
#[inline(always)]
fn pair(n: u64) -> [u8; 2] {
    let at = n as usize * 2;
    [PAIRS[at], PAIRS[at + 1]]
}

/// Appends the digits of `n`, below 10,000 (a zero for zero).
#[inline(always)]
fn push_whole(out: &mut Vec<u8>, n: u64) {
    match n {
        0..10 => out.push(b'0' + n as u8),
        10..100 => out.extend_from_slice(&pair(n)),
        100..1000 => {
            let [tens, ones] = pair(n % 100);
            out.extend_from_slice(&[b'0' + (n / 100) as u8, tens, ones]);
        }
        _ => push_four(out, n),
    }
}

/// Appends `n`, below 10,000, as four digits (leading zeros kept).
#[inline(always)]
fn push_four(out: &mut Vec<u8>, n: u64) {
    let ([a, b], [c, d]) = (pair(n / 100), pair(n % 100));
    out.extend_from_slice(&[a, b, c, d]);
}

/// `rounded` as its whole part and its last `decimals` digits (at most 15): divisions by
/// constants, which the compiler turns into multiplications.
fn split(rounded: u64, decimals: usize) -> (u64, u64) {
    fn by<const UNIT: u64>(rounded: u64) -> (u64, u64) {
        (rounded / UNIT, rounded % UNIT)
    }
    match decimals {
        0 => (rounded, 0),
        1 => by::<10>(rounded),
        2 => by::<100>(rounded),
        3 => by::<1_000>(rounded),
        4 => by::<10_000>(rounded),
        5 => by::<100_000>(rounded),
        6 => by::<1_000_000>(rounded),
        7 => by::<10_000_000>(rounded),
        8 => by::<100_000_000>(rounded),
        9 => by::<1_000_000_000>(rounded),
        10 => by::<10_000_000_000>(rounded),
        11 => by::<100_000_000_000>(rounded),
        12 => by::<1_000_000_000_000>(rounded),
        13 => by::<10_000_000_000_000>(rounded),
        14 => by::<100_000_000_000_000>(rounded),
        _ => by::<1_000_000_000_000_000>(rounded),
    }
}

/// Writes the digits of `n` two at a time so that they end at `end`, and returns where they
/// start (`end` itself for zero, which writes nothing).
fn put_digits(text: &mut [u8; 20], end: usize, mut n: u64) -> usize {
    let mut at = end;
    while n >= 10 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        text[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n > 0 {
        at -= 1;
        text[at] = b'0' + n as u8;
    }
    at
}

/// The general path of [`format_decimal`]: `{:.N}` of the rounded value, the sign of a zero
/// dropped. The fast path must print exactly this (the tests compare the two).
fn printed_generally(value: f64, decimals: u32, lang: Lang) -> String {
    let text = crate::decimal::fixed(round_to(value, decimals), decimals as usize);
    let text = match text.strip_prefix('-') {
        Some(unsigned) if unsigned.trim_start_matches(['-', '0', '.']).is_empty() => {
            unsigned.to_string()
        }
        _ => text,
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// 2^52: from there on every `f64` is a whole number.
const TWO_TO_52: f64 = 4_503_599_627_370_496.0;

/// A magnitude below 2^52 rounded half up to a whole number, exactly: its whole part is
/// exact in an integer, and so is what is left of it (both lie below 2^52).
fn rounded_magnitude(magnitude: f64) -> u64 {
    // Below 2^52 the conversions to and from `i64` are single instructions, and exact.
    let whole = magnitude as i64;
    (whole + i64::from(magnitude - whole as f64 >= 0.5)) as u64
}

/// `value.round()` as a whole number, when the value lies below 2^51 in size (`None` for a
/// larger one, or NaN): what ranks compare.
///
/// ```
/// use dti_core::text::round_small;
/// assert_eq!(round_small(2.5), Some(3));
/// assert_eq!(round_small(-2.5), Some(-3));
/// assert_eq!(round_small(-0.4), Some(0));
/// assert_eq!(round_small(1e300), None);
/// ```
pub fn round_small(value: f64) -> Option<i64> {
    if value.abs() < 2_251_799_813_685_248.0 {
        let whole = value as i64;
        let rest = value - whole as f64;
        Some(whole + i64::from(rest >= 0.5) - i64::from(rest <= -0.5))
    } else {
        None
    }
}

/// `value.round()` (half away from zero), exactly, without a call into the C library for
/// each value: the writers and the ranks round millions of values.
///
/// ```
/// use dti_core::text::round;
/// for x in [0.5, -0.5, 2.5, -0.0, 0.499_999_999_999_999_94, 4.503_599_627_370_497e15, f64::NAN] {
///     assert_eq!(round(x).to_bits(), x.round().to_bits());
/// }
/// ```
pub fn round(value: f64) -> f64 {
    let magnitude = value.abs();
    if magnitude < TWO_TO_52 {
        (rounded_magnitude(magnitude) as f64).copysign(value)
    } else {
        value
    }
}

/// Appends a whole number to `out` in decimal digits (what `{}` prints), without going
/// through `core::fmt`: ranks and years in long tables.
///
/// ```
/// use dti_core::text::write_integer;
/// let mut out = String::new();
/// for n in [0, 7, -12, i64::MIN, i64::MAX] {
///     write_integer(&mut out, n);
///     out.push(' ');
/// }
/// assert_eq!(out, format!("0 7 -12 {} {} ", i64::MIN, i64::MAX));
/// ```
pub fn write_integer(out: &mut String, value: i64) {
    out.push_str(std::str::from_utf8(integer(value).bytes()).unwrap_or_default());
}

/// Appends a whole number to `out` as [`write_integer`] writes it, as bytes.
///
/// ```
/// use dti_core::text::push_integer;
/// let mut out = Vec::new();
/// push_integer(&mut out, -12);
/// assert_eq!(out, b"-12");
/// ```
pub fn push_integer(out: &mut Vec<u8>, value: i64) {
    let magnitude = value.unsigned_abs();
    if magnitude < 100_000_000 {
        // Ranks and years: in pieces of known length, as `push_digits` writes.
        if value < 0 {
            out.push(b'-');
        }
        if magnitude < 10_000 {
            push_whole(out, magnitude);
        } else {
            push_whole(out, magnitude / 10_000);
            push_four(out, magnitude % 10_000);
        }
    } else {
        out.extend_from_slice(integer(value).bytes());
    }
}

/// The digits of a whole number, after a minus sign when it is negative: at most 20 bytes.
fn integer(value: i64) -> Digits {
    let mut text = [b'0'; 20];
    let end = text.len();
    let mut at = put_digits(&mut text, end, value.unsigned_abs()).min(end - 1);
    if value < 0 {
        at -= 1;
        text[at] = b'-';
    }
    Digits { text, at }
}

pub(crate) fn power_of_ten(decimals: u32) -> f64 {
    const POWERS_OF_TEN: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    POWERS_OF_TEN[decimals.min(15) as usize]
}

/// Rounds half away from zero at `decimals` places, the way published tables round.
///
/// ```
/// assert_eq!(dti_core::round_to(0.702_46, 4), 0.7025);
/// assert_eq!(dti_core::round_to(2.5, 0), 3.0);
/// ```
pub fn round_to(value: f64, decimals: u32) -> f64 {
    let factor = power_of_ten(decimals);
    round(value * factor) / factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edges_print_as_the_general_path_does() {
        let cases = [
            (0.0, 4),
            (-0.0, 4),
            (-0.00004, 4),
            (-0.00005, 4),
            (0.70245, 4),
            (2.5, 0),
            (-2.5, 0),
            (1e300, 4),
            (-1e300, 2),
            (4.503_599_627_370_495e11, 4),
            (123_456.789, 15),
            (0.1, 20),
            (f64::NAN, 4),
            (f64::INFINITY, 2),
            (f64::NEG_INFINITY, 2),
        ];
        for (value, decimals) in cases {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(
                    format_decimal(value, decimals, lang),
                    printed_generally(value, decimals, lang),
                    "{value:e} at {decimals}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn round_is_the_standard_round(value in prop::num::f64::ANY) {
            prop_assert_eq!(round(value).to_bits(), value.round().to_bits());
        }

        #[test]
        fn round_is_the_standard_round_near_halves(whole in -1e6f64..1e6, ulps in -3i64..3) {
            let half = whole.trunc() + 0.5;
            let value = f64::from_bits((half.to_bits() as i64 + ulps) as u64);
            prop_assert_eq!(round(value).to_bits(), value.round().to_bits());
        }

        #[test]
        fn round_small_is_the_standard_round(value in prop::num::f64::ANY) {
            let expected = (value.abs() < 2_251_799_813_685_248.0).then(|| value.round() as i64);
            prop_assert_eq!(round_small(value), expected);
        }

        #[test]
        fn round_small_is_the_standard_round_near_halves(whole in -1e6f64..1e6, ulps in -3i64..3) {
            let half = whole.trunc() + 0.5;
            let value = f64::from_bits((half.to_bits() as i64 + ulps) as u64);
            prop_assert_eq!(round_small(value), Some(value.round() as i64));
        }

        #[test]
        fn integers_print_as_display_does(value in any::<i64>()) {
            let mut out = String::new();
            write_integer(&mut out, value);
            prop_assert_eq!(out, value.to_string());
        }
    }

    /// `write_decimal` as it was before its digits were written two at a time (89b069a): the
    /// new digits must be these, byte for byte.
    fn by_the_old_digit_loop(value: f64, decimals: u32, lang: Lang) -> String {
        let mark = match lang {
            Lang::Vi => b',',
            Lang::En => b'.',
        };
        let scaled = value * power_of_ten(decimals);
        let magnitude = scaled.abs();
        let rounded = if magnitude < TWO_TO_52 {
            rounded_magnitude(magnitude)
        } else {
            u64::MAX
        };
        if decimals <= 15 && rounded < 1 << 52 {
            let mut text = [b'0'; 19];
            let (mut rest, mut at) = (rounded, text.len());
            let decimals = decimals as usize;
            let mut written = 0;
            while rest > 0 || written <= decimals {
                if written == decimals && decimals > 0 {
                    at -= 1;
                    text[at] = mark;
                }
                at -= 1;
                text[at] = b'0' + (rest % 10) as u8;
                rest /= 10;
                written += 1;
            }
            if scaled < 0.0 && rounded > 0 {
                at -= 1;
                text[at] = b'-';
            }
            return String::from_utf8(text[at..].to_vec()).unwrap();
        }
        printed_generally(value, decimals, lang)
    }

    /// Every way of writing a number gives the old loop's bytes.
    fn as_before(value: f64, decimals: u32) -> Result<(), TestCaseError> {
        for lang in [Lang::Vi, Lang::En] {
            let before = by_the_old_digit_loop(value, decimals, lang);
            let mut bytes = Vec::new();
            push_decimal(&mut bytes, value, decimals, lang);
            prop_assert_eq!(&String::from_utf8(bytes).unwrap(), &before);
            prop_assert_eq!(format_decimal(value, decimals, lang), before);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn digits_are_the_old_loops_for_any_value(
            value in prop::num::f64::ANY,
            decimals in 0u32..18,
        ) {
            as_before(value, decimals)?;
        }

        #[test]
        fn digits_are_the_old_loops_at_four_decimals(value in -2.0f64..2.0) {
            as_before(value, 4)?;
        }

        #[test]
        fn digits_are_the_old_loops_near_halves_and_long_numbers(
            whole in -(1i64 << 52)..(1i64 << 52),
            ulps in -2i64..3,
            decimals in 0u32..16,
        ) {
            let near = (whole as f64 + 0.5) / power_of_ten(decimals);
            as_before(f64::from_bits((near.to_bits() as i64 + ulps) as u64), decimals)?;
            as_before(whole as f64 / power_of_ten(decimals), decimals)?;
        }

        #[test]
        fn a_scaled_whole_number_prints_as_its_quotient(
            whole in -(1i64 << 50)..(1i64 << 50),
            small in -100_000i64..100_000,
            decimals in 0u32..16,
        ) {
            for whole in [whole, small] {
                for lang in [Lang::Vi, Lang::En] {
                    let mut bytes = Vec::new();
                    push_scaled(&mut bytes, whole, decimals, lang);
                    let quotient = whole as f64 / power_of_ten(decimals);
                    prop_assert_eq!(
                        String::from_utf8(bytes).unwrap(),
                        by_the_old_digit_loop(quotient, decimals, lang)
                    );
                }
            }
        }

        #[test]
        fn integers_as_bytes_print_as_display_does(
            value in any::<i64>(),
            small in -200_000_000i64..200_000_000,
        ) {
            for value in [value, small, small % 100_000, small % 1_000, small % 10] {
                let mut out = Vec::new();
                push_integer(&mut out, value);
                prop_assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
            }
        }
    }

    proptest! {
        #[test]
        fn pushed_digits_are_the_buffers_digits(
            rounded in 0u64..(1 << 52),
            small in 0u64..200_000_000,
            negative: bool,
            decimals in 0u32..16,
        ) {
            for rounded in [rounded, small, small % 1_000_000, small % 10_000, small % 100] {
                for lang in [Lang::Vi, Lang::En] {
                    let mut out = b"x".to_vec();
                    push_digits(&mut out, rounded, negative, decimals, lang);
                    let buffer = digits(rounded, negative, decimals, lang);
                    prop_assert_eq!(out, [b"x", buffer.bytes()].concat());
                }
            }
        }
    }

    #[test]
    fn integers_at_the_pieces_edges_print_as_display_does() {
        for value in [
            0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 10_001, 99_999_999,
        ] {
            for value in [value, -value, value + 100_000_000, -value - 100_000_000] {
                let mut out = Vec::new();
                push_integer(&mut out, value);
                assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
            }
        }
    }

    #[test]
    fn digits_at_the_edges_are_the_old_loops() {
        let tiny = f64::from_bits(1);
        for value in [
            0.0, -0.0, tiny, -tiny, 0.5, -0.5, 1.0, 9.99995, 99.995, 1e15, 4.5e15,
        ] {
            for decimals in 0..18 {
                as_before(value, decimals).unwrap();
            }
        }
        for whole in [
            0,
            1,
            -1,
            9,
            10,
            99,
            100,
            -(1 << 50) + 1,
            (1 << 50) - 1,
            i64::MIN,
            i64::MAX,
        ] {
            for decimals in [0, 2, 4, 15] {
                let mut bytes = Vec::new();
                push_scaled(&mut bytes, whole, decimals, Lang::En);
                let quotient = whole as f64 / power_of_ten(decimals);
                assert_eq!(
                    String::from_utf8(bytes).unwrap(),
                    by_the_old_digit_loop(quotient, decimals, Lang::En),
                    "{whole} at {decimals}"
                );
            }
        }
    }

    /// The fast path's text against the general path's, as a property-test check.
    fn agrees(value: f64, decimals: u32, lang: Lang) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            format_decimal(value, decimals, lang),
            printed_generally(value, decimals, lang)
        );
        Ok(())
    }

    proptest! {
        #[test]
        fn any_value_prints_as_the_general_path_does(
            value in prop::num::f64::ANY,
            decimals in 0u32..18,
        ) {
            agrees(value, decimals, Lang::En)?;
        }

        #[test]
        fn values_near_the_fast_paths_limit_print_as_the_general_path_does(
            value in -1e9f64..1e9,
            decimals in 4u32..10,
        ) {
            agrees(value, decimals, Lang::En)?;
        }

        #[test]
        fn index_values_print_as_the_general_path_does(
            value in -1_000.0f64..1_000.0,
            decimals in 0u32..6,
        ) {
            agrees(value, decimals, Lang::Vi)?;
        }
    }
}
