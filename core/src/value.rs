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

/// What reading a cell's text found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Reading {
    /// The cell is blank or says the value is not available.
    Missing,
    /// A value; `decimal_comma` when it was written with a decimal comma.
    Value { value: Value, decimal_comma: bool },
}

/// Reads a cell as people write them in Vietnamese and English spreadsheets: `0,7024`,
/// `0.7024`, `96%`, `96,5 %`, `731/1950`, `65.000` or `65,000` (thousands), `có`/`không`,
/// `yes`/`no`; blank, `NA`, `N/A` and `-` are missing. Returns `None` for anything else,
/// including infinities and NaN.
pub(crate) fn read_cell(text: &str) -> Option<Reading> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if matches!(text, "" | "-" | "–" | "—" | "..") {
        return Some(Reading::Missing);
    }
    // Only words need lower-casing; numbers (nearly every cell) skip the allocation.
    if text.chars().any(char::is_alphabetic) {
        let lower = text.to_lowercase();
        let flag = |value| {
            Some(Reading::Value {
                value: Value::YesNo { value },
                decimal_comma: false,
            })
        };
        match lower.as_str() {
            "na" | "n/a" | "#n/a" | "null" | "none" => return Some(Reading::Missing),
            "yes" | "y" | "true" | "có" | "co" | "đạt" | "x" => return flag(true),
            "no" | "n" | "false" | "không" | "khong" | "không đạt" => return flag(false),
            _ => {}
        }
    }
    if let Some(number) = text.strip_suffix('%') {
        let (value, decimal_comma) = read_number(number)?;
        return Some(Reading::Value {
            value: Value::Percent { value },
            decimal_comma,
        });
    }
    if let Some((numerator, denominator)) = text.split_once('/') {
        let (numerator, comma_a) = read_number(numerator)?;
        let (denominator, comma_b) = read_number(denominator)?;
        let value = Value::Ratio {
            numerator,
            denominator,
        };
        return Some(Reading::Value {
            value,
            decimal_comma: comma_a || comma_b,
        });
    }
    let (value, decimal_comma) = read_number(text)?;
    Some(Reading::Value {
        value: Value::Number { value },
        decimal_comma,
    })
}

/// Reads a plain number as data cells write it: either decimal mark, optional thousands
/// grouping (`0,75`, `0.75`, `65.000`, `1 234,5`).
///
/// ```
/// assert_eq!(dti_core::value::parse_number("0,75"), Some(0.75));
/// assert_eq!(dti_core::value::parse_number("1 234,5"), Some(1234.5));
/// assert_eq!(dti_core::value::parse_number("75%"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    read_number(text.trim()).map(|(value, _)| value)
}

/// Reads a number with either decimal mark and optional thousands grouping.
/// Returns the number and whether a decimal comma was used.
pub(crate) fn read_number(text: &str) -> Option<(f64, bool)> {
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
    // The number with grouping marks dropped and the decimal mark made a dot.
    let (value, decimal_comma) = match (commas, dots) {
        (0, 0) | (0, 1) => (parse_mapped(compact, None, b'.')?, false),
        (1, 0) => (parse_mapped(compact, None, b',')?, true),
        (_, 0) if is_grouped(compact, ',') => (parse_mapped(compact, Some(b','), b'.')?, false),
        (0, _) if is_grouped(compact, '.') => (parse_mapped(compact, Some(b'.'), b',')?, false),
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
            (value, comma_last)
        }
        _ => return None,
    };
    value.is_finite().then_some((value, decimal_comma))
}

/// Parses ASCII number text after dropping the `group` mark and turning `decimal` into a
/// dot, without allocating for numbers of up to 64 characters.
fn parse_mapped(text: &str, group: Option<u8>, decimal: u8) -> Option<f64> {
    if group.is_none() && decimal == b'.' {
        return text.parse().ok();
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
        std::str::from_utf8(&buffer[..len]).ok()?.parse().ok()
    } else {
        String::from_utf8(mapped.collect()).ok()?.parse().ok()
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
    fn flags_the_decimal_comma() {
        assert_eq!(
            read_cell("0,5"),
            Some(Reading::Value {
                value: Value::Number { value: 0.5 },
                decimal_comma: true
            })
        );
        assert_eq!(
            read_cell("0.5"),
            Some(Reading::Value {
                value: Value::Number { value: 0.5 },
                decimal_comma: false
            })
        );
    }
}
