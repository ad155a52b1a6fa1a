//! Raw values as people write them, and their conversion into an indicator's unit.

use std::borrow::Cow;

use serde::Serialize;

use crate::diagnostic::{Problem, ValueForm};
use crate::framework::Unit;

/// A raw value as given in the data, before it is put into the indicator's unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum Value {
    /// A plain number (a count, a score, a share or a percentage, by the indicator's unit).
    Number {
        /// The number.
        value: f64,
    },
    /// A number written with a percent sign: `96%` is `Percent { value: 96.0 }`.
    Percent {
        /// The number before the percent sign.
        value: f64,
    },
    /// A numerator and a denominator, e.g. 731 of 1950 online services.
    Ratio {
        /// The numerator.
        numerator: f64,
        /// The denominator.
        denominator: f64,
    },
    /// Yes or no.
    YesNo {
        /// True for yes.
        value: bool,
    },
}

impl Value {
    /// The value as one number, for messages: a fraction divided out (0 over a zero
    /// denominator), yes as 1 and no as 0.
    pub fn number(self) -> f64 {
        match self {
            Value::Number { value } | Value::Percent { value } => value,
            Value::Ratio {
                numerator,
                denominator,
            } if denominator != 0.0 => numerator / denominator,
            Value::Ratio { .. } => 0.0,
            Value::YesNo { value } => f64::from(u8::from(value)),
        }
    }

    /// How the value was written.
    pub fn form(self) -> ValueForm {
        match self {
            Value::Number { .. } => ValueForm::Number,
            Value::Percent { .. } => ValueForm::Percent,
            Value::Ratio { .. } => ValueForm::Ratio,
            Value::YesNo { .. } => ValueForm::YesNo,
        }
    }

    /// The value in the indicator's unit: a percentage for [`Unit::Percent`], a share for
    /// [`Unit::Share`] and [`Unit::Score`], 1 or 0 for [`Unit::YesNo`].
    ///
    /// ```
    /// use dti_core::{Unit, Value};
    /// let online = Value::Ratio { numerator: 731.0, denominator: 1950.0 };
    /// assert_eq!(online.in_unit(Unit::Percent).unwrap(), 731.0 / 1950.0 * 100.0);
    /// assert_eq!(Value::Percent { value: 96.0 }.in_unit(Unit::Share).unwrap(), 0.96);
    /// assert!(Value::Percent { value: 96.0 }.in_unit(Unit::Count).is_err());
    /// ```
    pub fn in_unit(self, unit: Unit) -> Result<f64, Problem> {
        let wrong = || Problem::WrongForm {
            given: self.form(),
            unit: unit.code().into(),
        };
        let ratio = |numerator: f64, denominator: f64| {
            if denominator == 0.0 {
                Err(Problem::ZeroDenominator)
            } else {
                Ok(numerator / denominator)
            }
        };
        match (self, unit) {
            (Value::YesNo { value }, Unit::YesNo) => Ok(if value { 1.0 } else { 0.0 }),
            (Value::YesNo { .. }, _) => Err(wrong()),
            (Value::Number { value }, Unit::YesNo) if value == 0.0 || value == 1.0 => Ok(value),
            (_, Unit::YesNo) => Err(wrong()),
            (Value::Number { value }, _) => Ok(value),
            (Value::Percent { value }, Unit::Percent) => Ok(value),
            (Value::Percent { value }, Unit::Share | Unit::Score) => Ok(value / 100.0),
            (
                Value::Ratio {
                    numerator,
                    denominator,
                },
                Unit::Percent,
            ) => Ok(ratio(numerator, denominator)? * 100.0),
            (
                Value::Ratio {
                    numerator,
                    denominator,
                },
                Unit::Share | Unit::Score | Unit::Number,
            ) => ratio(numerator, denominator),
            (Value::Percent { .. } | Value::Ratio { .. }, Unit::Count | Unit::Number) => {
                Err(wrong())
            }
        }
    }
}

/// A decimal mark: the comma of Vietnamese writing (`0,75`) or the dot of English (`0.75`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// `0,75`; a dot groups thousands (`65.000`).
    Comma,
    /// `0.75`; a comma groups thousands (`65,000`).
    Dot,
}

impl DecimalMark {
    /// The mark as a character.
    pub fn char(self) -> char {
        match self {
            DecimalMark::Comma => ',',
            DecimalMark::Dot => '.',
        }
    }
}

/// What a number's text shows of the writer's decimal mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Marks {
    /// Nothing: no mark (`65`, `1e3`).
    Plain,
    /// The decimal mark, for certain: `0,75`, `1.234,5` and `1.234.567` show a decimal comma;
    /// `0.75`, `1,234.5` and `65,000,000` a decimal dot.
    Shows(DecimalMark),
    /// One mark followed by exactly three digits after one to three digits (`65.000`,
    /// `1,200`): a decimal mark or a thousands separator. The number was read with `mark` as
    /// the decimal mark; `grouped` is the number with `mark` read as a thousands separator.
    Either {
        /// The mark the text uses.
        mark: DecimalMark,
        /// The number read with the mark as a thousands separator.
        grouped: f64,
    },
}

impl Marks {
    /// The marks of two numbers written in one cell (a fraction's numerator and denominator).
    fn and(self, other: Marks) -> Marks {
        match (self, other) {
            (Marks::Plain, marks) | (marks, Marks::Plain) => marks,
            (Marks::Shows(mark), _) | (_, Marks::Shows(mark)) => Marks::Shows(mark),
            (either, _) => either,
        }
    }
}

/// What reading a cell's text found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Reading {
    /// The cell is blank or says the value is not available.
    Missing,
    /// A value, and what its text shows of the decimal mark.
    Value {
        /// The value, with any ambiguous mark read as a decimal mark.
        value: Value,
        /// What the text shows of the decimal mark.
        marks: Marks,
        /// For a text that reads two ways (`65.000`), the value with the mark read as a
        /// thousands separator.
        grouped: Option<Value>,
    },
}

/// Reads a cell as people write them in Vietnamese and English spreadsheets: `0,7024`,
/// `0.7024`, `96%`, `96,5 %`, `731/1950`, `65.000` or `65,000` (thousands), `có`/`không`,
/// `yes`/`no`; blank, `NA`, `N/A` and `-` are missing. Returns `None` for anything else,
/// including infinities and NaN.
pub(crate) fn read_cell(text: &str) -> Option<Reading> {
    // Nearly every cell of a data file is a plain decimal.
    if let Some((value, marks)) = plain_decimal(text) {
        return Some(Reading::Value {
            value: Value::Number { value },
            marks,
            grouped: None,
        });
    }
    read_cell_generally(text)
}

/// [`read_cell`] for the cells that are not plain decimals (and, in tests, for every cell).
fn read_cell_generally(text: &str) -> Option<Reading> {
    let text = if starts_and_ends_visibly(text) {
        text
    } else {
        text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
    };
    if matches!(text, "" | "-" | "–" | "—" | "..") {
        return Some(Reading::Missing);
    }
    // Only words need lower-casing; numbers (nearly every cell) skip the allocation.
    let has_letters = if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        text.chars().any(crate::case::is_cased)
    };
    if has_letters {
        let lower = crate::case::lower(text);
        let flag = |value| {
            Some(Reading::Value {
                value: Value::YesNo { value },
                marks: Marks::Plain,
                grouped: None,
            })
        };
        match lower.as_str() {
            "na" | "n/a" | "#n/a" | "null" | "none" => return Some(Reading::Missing),
            "yes" | "y" | "true" | "có" | "co" | "đạt" | "x" => return flag(true),
            "no" | "n" | "false" | "không" | "khong" | "không đạt" => return flag(false),
            _ => {}
        }
    }
    let grouped = |marks: Marks, value: f64| match marks {
        Marks::Either { grouped, .. } => grouped,
        _ => value,
    };
    if let Some(number) = text.strip_suffix('%') {
        let (value, marks) = read_number(number)?;
        return Some(Reading::Value {
            value: Value::Percent { value },
            marks,
            grouped: matches!(marks, Marks::Either { .. }).then(|| Value::Percent {
                value: grouped(marks, value),
            }),
        });
    }
    if let Some((numerator, denominator)) = text.split_once('/') {
        let (numerator, marks_a) = read_number(numerator)?;
        let (denominator, marks_b) = read_number(denominator)?;
        let marks = marks_a.and(marks_b);
        let value = Value::Ratio {
            numerator,
            denominator,
        };
        // A fraction that shows its decimal mark in one part settles the other part.
        let settled = |part: f64, part_marks: Marks| match (marks, part_marks) {
            (Marks::Shows(decimal), Marks::Either { mark, grouped }) if mark != decimal => grouped,
            _ => part,
        };
        let value = match marks {
            Marks::Shows(_) => Value::Ratio {
                numerator: settled(numerator, marks_a),
                denominator: settled(denominator, marks_b),
            },
            _ => value,
        };
        let grouped = matches!(marks, Marks::Either { .. }).then(|| Value::Ratio {
            numerator: grouped(marks_a, numerator),
            denominator: grouped(marks_b, denominator),
        });
        return Some(Reading::Value {
            value,
            marks,
            grouped,
        });
    }
    let (value, marks) = read_number(text)?;
    Some(Reading::Value {
        value: Value::Number { value },
        marks,
        grouped: matches!(marks, Marks::Either { .. }).then(|| Value::Number {
            value: grouped(marks, value),
        }),
    })
}

/// True when a text starts and ends with a visible ASCII character, so trimming spaces (or a
/// byte order mark) would leave it as it is: most cells, checked without decoding characters.
pub(crate) fn starts_and_ends_visibly(text: &str) -> bool {
    let bytes = text.as_bytes();
    matches!((bytes.first(), bytes.last()), (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic())
}

/// `text.trim()`, without decoding characters when the text starts and ends visibly.
pub(crate) fn trim(text: &str) -> &str {
    if starts_and_ends_visibly(text) {
        text
    } else {
        text.trim()
    }
}

/// Reads a number typed on its own (a value on the command line, a cell of a small side
/// file): either decimal mark, optional thousands grouping (`0,75`, `0.75`, `65.000.000`,
/// `1 234,5`). A number that reads two ways, a mark followed by exactly three digits
/// (`65.000`: 65 or 65000?), is refused: with nothing else to go by, guessing could be off by
/// a factor of a thousand.
///
/// ```
/// assert_eq!(dti_core::value::parse_number("0,75"), Some(0.75));
/// assert_eq!(dti_core::value::parse_number("1 234,5"), Some(1234.5));
/// assert_eq!(dti_core::value::parse_number("0,750"), Some(0.75));
/// assert_eq!(dti_core::value::parse_number("65.000"), None);
/// assert_eq!(dti_core::value::parse_number("75%"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    match read_number(text.trim())? {
        (_, Marks::Either { .. }) => None,
        (value, _) => Some(value),
    }
}

/// True when a number reads two ways: one decimal mark followed by exactly three digits after
/// one to three digits that do not start with 0 (`65.000`, `1,200`).
///
/// ```
/// assert!(dti_core::value::is_ambiguous("65.000"));
/// assert!(!dti_core::value::is_ambiguous("0,750"));
/// assert!(!dti_core::value::is_ambiguous("1.234.567"));
/// ```
pub fn is_ambiguous(text: &str) -> bool {
    matches!(read_number(text.trim()), Some((_, Marks::Either { .. })))
}

/// Reads a number from a source whose decimal mark is known (a table written by R, say): a
/// number that reads two ways is read with `decimal` as its decimal mark.
///
/// ```
/// use dti_core::value::{DecimalMark, parse_number_as};
/// assert_eq!(parse_number_as("27.445", DecimalMark::Dot), Some(27.445));
/// assert_eq!(parse_number_as("1.200", DecimalMark::Comma), Some(1200.0));
/// ```
pub fn parse_number_as(text: &str, decimal: DecimalMark) -> Option<f64> {
    match read_number(text.trim())? {
        (_, Marks::Either { mark, grouped }) if mark != decimal => Some(grouped),
        (value, _) => Some(value),
    }
}

/// A number written so that any reader of this crate reads it back exactly, in one way only:
/// the shortest text that round-trips, with a decimal dot, and a trailing zero where the text
/// would otherwise read two ways (`27.4450`, not `27.445`).
///
/// ```
/// use dti_core::value::{parse_number, unambiguous};
/// assert_eq!(unambiguous(27.445), "27.4450");
/// assert_eq!(unambiguous(0.125), "0.125");
/// assert_eq!(unambiguous(1200.0), "1200");
/// assert_eq!(parse_number(&unambiguous(65.0)), Some(65.0));
/// ```
pub fn unambiguous(value: f64) -> String {
    let text = value.to_string();
    if is_ambiguous(&text) {
        text + "0"
    } else {
        text
    }
}

/// Reads a number with either decimal mark and optional thousands grouping. Returns the
/// number and what the text shows of the decimal mark; a text that reads two ways is read
/// with its mark as the decimal mark ([`Marks::Either`] carries the other reading).
pub(crate) fn read_number(text: &str) -> Option<(f64, Marks)> {
    plain_decimal(text).or_else(|| read_number_generally(text))
}

/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A plain decimal (`12`, `-3.5`, `0.1234`, `0,1234`: an optional minus, digits, and
/// optionally one decimal mark, dot or comma, and digits) read the short way when that gives exactly what [`read_number_generally`]
/// gives: the digits read as an integer below 2^53 (so exact as an `f64`) divided by an exact
/// power of ten is correctly rounded, as `str::parse` is. `None` for every other text,
/// including a number that reads two ways (`65.000`), left to the general path.
pub(crate) fn plain_decimal(text: &str) -> Option<(f64, Marks)> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.split_first()? {
        (b'-', rest) => (true, rest),
        _ => (false, bytes),
    };
    // The digits before the decimal mark, the mark, and the digits after it, each run read
    // in one tight loop.
    let (mantissa, whole) = digit_run(0, digits, 0);
    let (value, marks) = if whole == digits.len() {
        // At most 19 digits cannot overflow a u64; below 2^53 every integer is an exact f64.
        if whole == 0 || whole > 19 || mantissa >= 1 << 53 {
            return None;
        }
        (mantissa as f64, Marks::Plain)
    } else {
        let mark = match digits[whole] {
            b'.' => DecimalMark::Dot,
            b',' => DecimalMark::Comma,
            _ => return None,
        };
        let (mantissa, end) = digit_run(mantissa, digits, whole + 1);
        let fraction = end - whole - 1;
        // `5.` and `.5`, and one to three digits not starting with 0 before exactly three
        // (`65.000`, `1,200`, which read two ways), go the general way.
        if end != digits.len()
            || whole == 0
            || fraction == 0
            || whole + fraction > 19
            || mantissa >= 1 << 53
            || (fraction == 3 && whole <= 3 && digits[0] != b'0')
        {
            return None;
        }
        (
            mantissa as f64 / EXACT_POWERS_OF_TEN[fraction],
            Marks::Shows(mark),
        )
    };
    Some((if negative { -value } else { value }, marks))
}

/// The ASCII digits of `bytes` from `from` on, up to the first other byte (or the end): the
/// number they make after the digits before them in `mantissa` (wrapping past 20 digits,
/// which the caller refuses), and the position of the byte after them. Four digits at a time
/// while four are there ([`four_digits`]), then one at a time.
fn digit_run(mut mantissa: u64, bytes: &[u8], from: usize) -> (u64, usize) {
    let mut at = from;
    while let Some(four) = bytes.get(at..at + 4).and_then(four_digits) {
        mantissa = mantissa.wrapping_mul(10_000).wrapping_add(u64::from(four));
        at += 4;
    }
    while let Some(&byte) = bytes.get(at) {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
        at += 1;
    }
    (mantissa, at)
}

/// The number four bytes write when all four are ASCII digits (`b"0123"` is 123), read as
/// one little-endian word: each byte is checked to lie in `0x30..=0x39` (its high half 3,
/// and still 3 after adding 6), then pairs of digits are combined, then the two pairs.
fn four_digits(bytes: &[u8]) -> Option<u32> {
    let word = u32::from_le_bytes(bytes.try_into().ok()?);
    let high_halves = 0xf0f0_f0f0;
    if word & high_halves != 0x3030_3030
        || word.wrapping_add(0x0606_0606) & high_halves != 0x3030_3030
    {
        return None;
    }
    let digits = word & 0x0f0f_0f0f;
    // Bytes 0 and 2: the first digit of each pair times ten plus the second.
    let pairs = (digits.wrapping_mul(10) + (digits >> 8)) & 0x00ff_00ff;
    Some((pairs.wrapping_mul(100) + (pairs >> 16)) & 0xffff)
}

/// [`read_number`] for every text, plain decimals included.
fn read_number_generally(text: &str) -> Option<(f64, Marks)> {
    let spaced = text.bytes().any(|b| b.is_ascii_whitespace() || b >= 0x80);
    let compact: Cow<str> = if spaced {
        Cow::Owned(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    };
    let compact = compact.as_ref();
    if compact.is_empty()
        || !compact
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'-' | b'+' | b'e' | b'E'))
        || !compact.bytes().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let commas = compact.bytes().filter(|&c| c == b',').count();
    let dots = compact.bytes().filter(|&c| c == b'.').count();
    let either = |mark: DecimalMark| -> Option<(f64, Marks)> {
        let value = parse_mapped(compact, None, mark.char() as u8)?;
        let grouped = parse_mapped(compact, Some(mark.char() as u8), b'.')?;
        Some((value, Marks::Either { mark, grouped }))
    };
    // The number with grouping marks dropped and the decimal mark made a dot.
    let (value, marks) = match (commas, dots) {
        (0, 0) => (parse_mapped(compact, None, b'.')?, Marks::Plain),
        (0, 1) if reads_two_ways(compact, '.') => either(DecimalMark::Dot)?,
        (1, 0) if reads_two_ways(compact, ',') => either(DecimalMark::Comma)?,
        (0, 1) => (
            parse_mapped(compact, None, b'.')?,
            Marks::Shows(DecimalMark::Dot),
        ),
        (1, 0) => (
            parse_mapped(compact, None, b',')?,
            Marks::Shows(DecimalMark::Comma),
        ),
        (_, 0) if is_grouped(compact, ',') => (
            parse_mapped(compact, Some(b','), b'.')?,
            Marks::Shows(DecimalMark::Dot),
        ),
        (0, _) if is_grouped(compact, '.') => (
            parse_mapped(compact, Some(b'.'), b',')?,
            Marks::Shows(DecimalMark::Comma),
        ),
        (_, _) if commas > 0 && dots > 0 => {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            let comma_last = compact.rfind(',') > compact.rfind('.');
            let (group, decimal) = if comma_last { ('.', ',') } else { (',', '.') };
            let whole = compact
                .rsplit_once(decimal)
                .map(|(whole, _)| whole)
                .unwrap_or("");
            if compact.matches(decimal).count() != 1 || !is_grouped(whole, group) {
                return None;
            }
            let value = parse_mapped(compact, Some(group as u8), decimal as u8)?;
            let mark = if comma_last {
                DecimalMark::Comma
            } else {
                DecimalMark::Dot
            };
            (value, Marks::Shows(mark))
        }
        _ => return None,
    };
    value.is_finite().then_some((value, marks))
}

/// True when a number with one `mark` reads two ways: one to three digits not starting with
/// 0, the mark, then exactly three digits (`65.000`, `1,200`, `-2.500`).
fn reads_two_ways(text: &str, mark: char) -> bool {
    let digits = text.trim_start_matches(['-', '+']);
    match digits.split_once(mark) {
        Some((whole, fraction)) => {
            (1..=3).contains(&whole.len())
                && !whole.starts_with('0')
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.len() == 3
                && fraction.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Parses ASCII number text after dropping the `group` mark and turning `decimal` into a
/// dot, without allocating for numbers of up to 64 characters.
fn parse_mapped(text: &str, group: Option<u8>, decimal: u8) -> Option<f64> {
    if group.is_none() && decimal == b'.' {
        return crate::float_parse::read(text);
    }
    let mapped = text
        .bytes()
        .filter(|&b| Some(b) != group)
        .map(|b| if b == decimal { b'.' } else { b });
    let mut buffer = [0u8; 64];
    if text.len() <= buffer.len() {
        let mut len = 0;
        for (slot, byte) in buffer.iter_mut().zip(mapped) {
            *slot = byte;
            len += 1;
        }
        crate::float_parse::read(std::str::from_utf8(&buffer[..len]).ok()?)
    } else {
        crate::float_parse::read(&String::from_utf8(mapped.collect()).ok()?)
    }
}

/// True when every group after the first has exactly three digits: `1,234,567`.
fn is_grouped(text: &str, mark: char) -> bool {
    let digits = text.trim_start_matches(['-', '+']);
    let mut groups = digits.split(mark);
    let first = groups.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Option<f64> {
        match read_cell(text)? {
            Reading::Value {
                value: Value::Number { value },
                ..
            } => Some(value),
            _ => None,
        }
    }

    #[test]
    fn reads_the_ways_people_write_numbers() {
        assert_eq!(number("0,7024"), Some(0.7024));
        assert_eq!(number(" 0.7024 "), Some(0.7024));
        assert_eq!(number("708.634.000"), Some(708_634_000.0));
        assert_eq!(number("65,000,000"), Some(65_000_000.0));
        assert_eq!(number("1.234,5"), Some(1234.5));
        assert_eq!(number("1,234.5"), Some(1234.5));
        assert_eq!(number("65 000"), Some(65_000.0));
        assert_eq!(number("-3"), Some(-3.0));
        assert_eq!(number("1e3"), Some(1000.0));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in [
            "abc", "inf", "NaN", "1,2,3", "1.2.3", "1,2.3,4", "--", "1e999", "e", ".",
        ] {
            assert_eq!(read_cell(text), None, "{text}");
        }
    }

    #[test]
    fn reads_percentages_ratios_and_yes_no() {
        let value = |text| match read_cell(text) {
            Some(Reading::Value { value, .. }) => Some(value),
            _ => None,
        };
        assert_eq!(value("96,5 %"), Some(Value::Percent { value: 96.5 }));
        assert_eq!(
            value("731/1950"),
            Some(Value::Ratio {
                numerator: 731.0,
                denominator: 1950.0
            })
        );
        assert_eq!(value("Có"), Some(Value::YesNo { value: true }));
        assert_eq!(value("không"), Some(Value::YesNo { value: false }));
        assert_eq!(read_cell(""), Some(Reading::Missing));
        assert_eq!(read_cell("N/A"), Some(Reading::Missing));
    }

    #[test]
    fn tells_what_the_text_shows_of_the_decimal_mark() {
        let marks = |text| match read_cell(text) {
            Some(Reading::Value { marks, .. }) => Some(marks),
            _ => None,
        };
        assert_eq!(marks("0,5"), Some(Marks::Shows(DecimalMark::Comma)));
        assert_eq!(marks("0.5"), Some(Marks::Shows(DecimalMark::Dot)));
        assert_eq!(marks("0,750"), Some(Marks::Shows(DecimalMark::Comma)));
        assert_eq!(marks("1.234.567"), Some(Marks::Shows(DecimalMark::Comma)));
        assert_eq!(marks("1,234.5"), Some(Marks::Shows(DecimalMark::Dot)));
        assert_eq!(marks("12,5%"), Some(Marks::Shows(DecimalMark::Comma)));
        assert_eq!(marks("65"), Some(Marks::Plain));
        assert_eq!(marks("có"), Some(Marks::Plain));
    }

    #[test]
    fn a_mark_before_three_digits_reads_two_ways() {
        for (text, decimal, grouped) in [
            ("65.000", 65.0, 65_000.0),
            ("1,200", 1.2, 1200.0),
            ("-2.500", -2.5, -2500.0),
            ("999,999", 999.999, 999_999.0),
        ] {
            let Some(Reading::Value {
                value: Value::Number { value },
                marks: Marks::Either { grouped: other, .. },
                grouped: Some(Value::Number { value: alternative }),
            }) = read_cell(text)
            else {
                panic!("{text} should read two ways: {:?}", read_cell(text));
            };
            assert_eq!(
                (value, other, alternative),
                (decimal, grouped, grouped),
                "{text}"
            );
        }
        assert_eq!(parse_number("65.000"), None);
        assert_eq!(parse_number("65.0"), Some(65.0));
        assert_eq!(parse_number("1234.000"), Some(1234.0));
    }

    #[test]
    fn four_digits_are_read_at_once_and_nothing_else_is() {
        for n in 0..10_000u32 {
            assert_eq!(four_digits(format!("{n:04}").as_bytes()), Some(n));
        }
        for byte in (0..=255u8).filter(|b| !b.is_ascii_digit()) {
            for at in 0..4 {
                let mut text = *b"1234";
                text[at] = byte;
                assert_eq!(four_digits(&text), None, "{text:?}");
            }
        }
    }

    #[test]
    fn plain_decimals_are_read_the_short_way() {
        for (text, value, marks) in [
            ("0.1234", 0.1234, Marks::Shows(DecimalMark::Dot)),
            ("12", 12.0, Marks::Plain),
            ("-3.5", -3.5, Marks::Shows(DecimalMark::Dot)),
            ("0.500", 0.5, Marks::Shows(DecimalMark::Dot)),
            ("0,7024", 0.7024, Marks::Shows(DecimalMark::Comma)),
        ] {
            assert_eq!(plain_decimal(text), Some((value, marks)), "{text}");
        }
        for text in [
            "65.000",
            "-2.500",
            "1,200",
            "5.",
            ".5",
            "1e3",
            "+1",
            "1.5.",
            " 1",
            "12345678901234567890",
        ] {
            assert_eq!(plain_decimal(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_short_way_reads_what_the_general_way_reads(
            text in r"-?[0-9]{0,12}([.,][0-9]{0,12})?|-?[0-9]{0,20}[.,]?[0-9]{0,20}|[-+0-9., %/e\t\u{b}\u{a0}\u{feff}a]{0,10}",
        ) {
            if let Some((value, marks)) = plain_decimal(&text) {
                let parsed: f64 = text.replace(',', ".").parse().unwrap();
                proptest::prop_assert_eq!(value.to_bits(), parsed.to_bits());
                let (general, general_marks) = read_number_generally(&text).unwrap();
                proptest::prop_assert_eq!(value.to_bits(), general.to_bits());
                proptest::prop_assert_eq!(marks, general_marks);
            }
            proptest::prop_assert_eq!(trim(&text), text.trim());
            let cell = read_cell(&text);
            let general = read_cell_generally(&text);
            proptest::prop_assert_eq!(format!("{cell:?}"), format!("{general:?}"));
        }
    }

    #[test]
    fn a_fraction_that_shows_its_mark_settles_its_other_part() {
        let Some(Reading::Value { value, marks, .. }) = read_cell("1.200/2.500,5") else {
            panic!("a fraction");
        };
        assert_eq!(marks, Marks::Shows(DecimalMark::Comma));
        assert_eq!(
            value,
            Value::Ratio {
                numerator: 1200.0,
                denominator: 2500.5
            }
        );
    }
}
