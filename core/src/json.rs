//! JSON text read into values: the reader behind data files given as JSON.
//!
//! It reads as serde_json (with its `float_roundtrip` feature) reads a `serde_json::Value`, to
//! the same values, the same error sentences at the same line and column, and the same text
//! when a value is written back in a message: the tests compare the two on every JSON file of
//! the test suite and on a corpus of malformed texts. Numbers are read from their text by
//! `str::parse`, correctly rounded as serde_json reads them. Keys are kept sorted, as
//! `serde_json::Map` keeps them, and a key given twice in one object stops the reading (a
//! `serde_json::Value` would keep the last one silently). Having it, the calculator's module
//! holds no serde_json deserialiser.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A number as serde_json holds it: a whole number that fits 64 bits as such, any other as the
/// nearest `f64` (never infinite: a number beyond `f64` does not read).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

/// An object: its keys sorted, each given once.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Object(BTreeMap<String, Json>);

/// Why a text does not read: serde_json's sentence for it and where (the line from 1, the
/// column as serde_json counts it, in bytes).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Error {
    Syntax {
        message: &'static str,
        line: u64,
        column: u64,
    },
    DuplicateKey {
        key: String,
        line: u64,
        column: u64,
    },
}

impl Object {
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        self.0.get(key)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.0.iter()
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

impl Json {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    pub(crate) fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(Number::PosInt(n)) => Some(*n as f64),
            Json::Number(Number::NegInt(n)) => Some(*n as f64),
            Json::Number(Number::Float(x)) => Some(*x),
            _ => None,
        }
    }

    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(Number::PosInt(n)) => i64::try_from(*n).ok(),
            Json::Number(Number::NegInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// The value as compact JSON text, as serde_json writes it.
    pub(crate) fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
            Json::Number(number) => out.push_str(&number.to_text()),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (position, item) in items.iter().enumerate() {
                    if position > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(object) => {
                out.push('{');
                for (position, (key, value)) in object.0.iter().enumerate() {
                    if position > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl Number {
    /// The number as serde_json writes it: whole numbers in digits, others in their shortest
    /// form that reads back the same, in plain notation from 10⁻⁵ to below 10¹⁶ (`1.0`,
    /// `0.00001`) and in scientific notation beyond (`1e+16`, `1.5e-7`).
    pub(crate) fn to_text(self) -> String {
        match self {
            Number::PosInt(n) => n.to_string(),
            Number::NegInt(n) => n.to_string(),
            Number::Float(x) => float_text(x),
        }
    }
}

fn float_text(x: f64) -> String {
    // `Display` prints the shortest digits that read back the same, in plain notation
    // (`-0.000000125`, `1250000000000000000000`): the digits and the power of ten of the
    // first are read from it and laid out as serde_json lays them out.
    let plain = crate::decimal::shortest_text(x.abs());
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    let (digits, exponent) = if whole != "0" {
        (format!("{whole}{fraction}"), whole.len() as i32 - 1)
    } else {
        let significant = fraction.trim_start_matches('0');
        let zeros = fraction.len() - significant.len();
        match significant {
            "" => (String::from("0"), 0),
            rest => (rest.to_string(), -(zeros as i32) - 1),
        }
    };
    let digits = match digits.trim_end_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    let mut out = String::from(if x.is_sign_negative() { "-" } else { "" });
    if (-5..=15).contains(&exponent) {
        let point = exponent + 1;
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.push_str(digits);
        } else if digits.len() as i32 <= point {
            out.push_str(digits);
            out.extend(std::iter::repeat_n(
                '0',
                (point - digits.len() as i32) as usize,
            ));
            out.push_str(".0");
        } else {
            // ASCII digits: the split is on a character boundary, and `split_at_checked` has
            // no panic path (a slicing's panic message links Unicode tables into the module).
            let (whole, fraction) = digits
                .split_at_checked(point as usize)
                .unwrap_or((digits, ""));
            out.push_str(whole);
            out.push('.');
            out.push_str(fraction);
        }
    } else {
        let (first, rest) = digits.split_at_checked(1).unwrap_or((digits, ""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{}{exponent}", if exponent < 0 { "" } else { "+" });
    }
    out
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// How deep lists and objects may nest, as in serde_json.
const RECURSION_LIMIT: u32 = 128;

/// Reads a whole JSON text.
pub(crate) fn parse(text: &str) -> Result<Json, Error> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        index: 0,
        remaining_depth: RECURSION_LIMIT,
    };
    let value = reader.value()?;
    match reader.whitespace() {
        Some(_) => Err(reader.peek_error("trailing characters")),
        None => Ok(value),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    index: usize,
    remaining_depth: u32,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// The first byte that is not white space, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn position(&self, index: usize) -> (u64, u64) {
        let before = &self.bytes[..index];
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before[..start_of_line]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line as u64, (index - start_of_line) as u64)
    }

    /// An error at the last byte read.
    fn error(&self, message: &'static str) -> Error {
        let (line, column) = self.position(self.index);
        Error::Syntax {
            message,
            line,
            column,
        }
    }

    /// An error at the byte looked at and not read.
    fn peek_error(&self, message: &'static str) -> Error {
        let (line, column) = self.position((self.index + 1).min(self.bytes.len()));
        Error::Syntax {
            message,
            line,
            column,
        }
    }

    fn value(&mut self) -> Result<Json, Error> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error("EOF while parsing a value"));
        };
        match peek {
            b'n' => self.word(b"null", Json::Null),
            b't' => self.word(b"true", Json::Bool(true)),
            b'f' => self.word(b"false", Json::Bool(false)),
            b'-' => {
                self.index += 1;
                self.number(false).map(Json::Number)
            }
            b'0'..=b'9' => self.number(true).map(Json::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Json::String)
            }
            b'[' => {
                self.enter()?;
                let items = self.array();
                self.remaining_depth += 1;
                let items = items?;
                self.end_array()?;
                Ok(Json::Array(items))
            }
            b'{' => {
                self.enter()?;
                let object = self.object();
                self.remaining_depth += 1;
                let object = object?;
                self.end_object()?;
                Ok(Json::Object(object))
            }
            _ => Err(self.peek_error("expected value")),
        }
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.remaining_depth -= 1;
        if self.remaining_depth == 0 {
            return Err(self.peek_error("recursion limit exceeded"));
        }
        self.index += 1;
        Ok(())
    }

    fn word(&mut self, word: &[u8], value: Json) -> Result<Json, Error> {
        self.index += 1;
        for expected in &word[1..] {
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(next) if next != *expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Result<Vec<Json>, Error> {
        let mut items = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error("EOF while parsing a list"));
            };
            if peek == b']' {
                return Ok(items);
            }
            if !items.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error("expected `,` or `]`"));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error("trailing comma")),
                    Some(_) => {}
                    None => return Err(self.peek_error("EOF while parsing a value")),
                }
            }
            items.push(self.value()?);
        }
    }

    fn end_array(&mut self) -> Result<(), Error> {
        match self.whitespace() {
            Some(b']') => {
                self.index += 1;
                Ok(())
            }
            Some(b',') => {
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => Err(self.peek_error("trailing comma")),
                    _ => Err(self.peek_error("trailing characters")),
                }
            }
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Err(self.peek_error("EOF while parsing a list")),
        }
    }

    fn object(&mut self) -> Result<Object, Error> {
        let mut pairs = BTreeMap::new();
        let mut first = true;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error("EOF while parsing an object"));
            };
            if peek == b'}' {
                break;
            }
            if first {
                first = false;
                if peek != b'"' {
                    return Err(self.peek_error("key must be a string"));
                }
            } else if peek == b',' {
                self.index += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error("trailing comma")),
                    Some(_) => return Err(self.peek_error("key must be a string")),
                    None => return Err(self.peek_error("EOF while parsing a value")),
                }
            } else {
                return Err(self.peek_error("expected `,` or `}`"));
            }
            self.index += 1;
            let key = self.string()?;
            if pairs.contains_key(&key) {
                // serde_json places the error after the key, the white space after it and
                // a closing brace there.
                if self.whitespace() == Some(b'}') {
                    self.index += 1;
                }
                let (line, column) = self.position(self.index);
                return Err(Error::DuplicateKey { key, line, column });
            }
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error("expected `:`")),
                None => return Err(self.peek_error("EOF while parsing an object")),
            }
            let value = self.value()?;
            pairs.insert(key, value);
        }
        Ok(Object(pairs))
    }

    fn end_object(&mut self) -> Result<(), Error> {
        match self.whitespace() {
            Some(b'}') => {
                self.index += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error("trailing comma")),
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Err(self.peek_error("EOF while parsing an object")),
        }
    }

    /// A string whose opening quote has been read.
    fn string(&mut self) -> Result<String, Error> {
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(byte) = self.next() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match byte {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => out.push(byte),
            }
        }
        // The text was UTF-8 and escapes add whole characters (lone surrogates are refused).
        String::from_utf8(out).map_err(|_| self.error("invalid unicode code point"))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let Some(byte) = self.next() else {
            return Err(self.error("EOF while parsing a string"));
        };
        let plain = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => b'\x08',
            b'f' => b'\x0c',
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error("invalid escape")),
        };
        out.push(plain);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.index += 4;
        let mut n = 0;
        for &digit in digits {
            let Some(value) = (digit as char).to_digit(16) else {
                return Err(self.error("invalid escape"));
            };
            n = n * 16 + value;
        }
        Ok(n)
    }

    /// `\u` and its four digits, with the second half of a surrogate pair.
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error("lone leading surrogate in hex escape"));
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for mark in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.error("EOF while parsing a string")),
                    Some(next) => {
                        self.index += 1;
                        if next != mark {
                            return Err(self.error("unexpected end of hex escape"));
                        }
                    }
                }
            }
            let low = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(self.error("lone leading surrogate in hex escape"));
            }
            (((n - 0xD800) << 10) | (low - 0xDC00)) + 0x1_0000
        } else {
            n
        };
        let Some(c) = char::from_u32(code) else {
            return Err(self.error("invalid unicode code point"));
        };
        let mut buffer = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        Ok(())
    }

    /// A number after its sign.
    fn number(&mut self, positive: bool) -> Result<Number, Error> {
        let start = self.index;
        let mut whole = true;
        let mut all_zero = true;
        match self.next() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                all_zero = false;
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    all_zero &= digit == b'0';
                    self.index += 1;
                }
            }
            Some(_) => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            whole = false;
            self.index += 1;
            let digits = self.index;
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                all_zero &= digit == b'0';
                self.index += 1;
            }
            if self.index == digits {
                return Err(match self.peek() {
                    Some(_) => self.peek_error("invalid number"),
                    None => self.peek_error("EOF while parsing a value"),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.index += 1;
            let positive_exponent = match self.peek() {
                Some(b'+') => {
                    self.index += 1;
                    true
                }
                Some(b'-') => {
                    self.index += 1;
                    false
                }
                _ => true,
            };
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b'0'..=b'9') => {}
                Some(_) => return Err(self.error("invalid number")),
            }
            let mut exponent: i32 = (self.bytes[self.index - 1] - b'0') as i32;
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                let digit = (digit - b'0') as i32;
                match exponent.checked_mul(10).and_then(|e| e.checked_add(digit)) {
                    Some(e) => exponent = e,
                    None => {
                        // serde_json stops here: an exponent beyond 32 bits.
                        if !all_zero && positive_exponent {
                            return Err(self.error("number out of range"));
                        }
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.index += 1;
                        }
                        return Ok(Number::Float(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
        }
        // The bytes read are ASCII digits, `.`, `e`, `E`, `+` and `-`.
        let text = std::str::from_utf8(&self.bytes[start..self.index]).unwrap_or_default();
        if whole {
            if positive {
                if let Ok(n) = text.parse::<u64>() {
                    return Ok(Number::PosInt(n));
                }
            } else if let Ok(n) = text.parse::<u64>() {
                let negated = (n as i64).wrapping_neg();
                return Ok(if negated >= 0 {
                    Number::Float(-(n as f64))
                } else {
                    Number::NegInt(negated)
                });
            }
        }
        let x = crate::float_parse::read(text).unwrap_or(f64::INFINITY);
        if x.is_infinite() {
            return Err(self.error("number out of range"));
        }
        Ok(Number::Float(if positive { x } else { -x }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_reading(text: &str) -> Result<serde_json::Value, (String, u64, u64)> {
        serde_json::from_str::<serde_json::Value>(text).map_err(|error| {
            let message = error.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.clone(), |(m, _)| m.to_string());
            (message, error.line() as u64, error.column() as u64)
        })
    }

    /// Our value and serde_json's, compared through the text each writes back.
    fn same(text: &str) {
        let ours = parse(text);
        let theirs = serde_reading(text);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => {
                assert_eq!(ours.to_text(), theirs.to_string(), "{text:?}");
                compare(ours, theirs, text);
            }
            (
                Err(Error::Syntax {
                    message,
                    line,
                    column,
                }),
                Err(theirs),
            ) => {
                assert_eq!((message.to_string(), *line, *column), *theirs, "{text:?}");
            }
            (Err(Error::DuplicateKey { .. }), _) => {
                let found = crate::json_reader::duplicate_key(text);
                let Err(Error::DuplicateKey { key, line, column }) = ours else {
                    unreachable!()
                };
                assert_eq!(found, Some((key.clone(), line, column)), "{text:?}");
            }
            _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    fn compare(ours: &Json, theirs: &serde_json::Value, text: &str) {
        use serde_json::Value as V;
        match (ours, theirs) {
            (Json::Number(_), V::Number(n)) => {
                assert_eq!(
                    ours.as_f64().map(f64::to_bits),
                    n.as_f64().map(f64::to_bits),
                    "{text:?}"
                );
                assert_eq!(ours.as_i64(), n.as_i64(), "{text:?}");
            }
            (Json::Array(a), V::Array(b)) => {
                assert_eq!(a.len(), b.len());
                for (x, y) in a.iter().zip(b) {
                    compare(x, y, text);
                }
            }
            (Json::Object(a), V::Object(b)) => {
                let keys: Vec<&String> = a.keys().collect();
                let theirs: Vec<&String> = b.keys().collect();
                assert_eq!(keys, theirs, "{text:?}");
                for (key, value) in a.iter() {
                    compare(value, &b[key], text);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn reads_as_serde_json_reads() {
        let texts = [
            "",
            " ",
            "null",
            "true",
            "false",
            "nul",
            "tru",
            "fals",
            "nulx",
            "0",
            "-0",
            "-",
            "01",
            "1.",
            "1.x",
            "1.5",
            "-1.5",
            "1e",
            "1e+",
            "1ex",
            "1e5",
            "1E-5",
            "-0.0",
            "0.1",
            "1e400",
            "-1e400",
            "1e-400",
            "12345678901234567890",
            "123456678901234567890123",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "1e99999999999",
            "0e99999999999",
            "1e-99999999999",
            "0.000001",
            "0.00001",
            "1e15",
            "1e16",
            "123456789012345678e-3",
            "1.7976931348623157e308",
            "4.9e-324",
            "2.2250738585072011e-308",
            "0.30000000000000004",
            "9007199254740993",
            "\"a\"",
            "\"a",
            "\"\\q\"",
            "\"\\",
            "\"\\u12\"",
            "\"\\u00e9\"",
            "\"\\uD83D\\uDE00\"",
            "\"\\uD83D\"",
            "\"\\uD83Dx\"",
            "\"\\uD83D\\x\"",
            "\"\\uDE00\"",
            "\"\\uD83D\\u0041\"",
            "\"\\u0000\"",
            "\"a\u{1}b\"",
            "\"tab\there\"",
            "\"é ư\"",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[1 2]",
            "[1,2]",
            "[]",
            "[ ]",
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{\"a\":1,2}",
            "{\"a\":1,",
            "{}",
            "{ }",
            "{\"b\":1,\"a\":[true,null,{\"c\":\"x\\\"y\"}]}",
            "{\"a\":1}x",
            "[1] ]",
            "[1]\n\n  x",
            "{\"a\": 1, \"a\": 2}",
            "{\"a\": 1,\n \"a\"  : 2}",
            "{\"a\": {\"b\": 1, \"b\": 2}}",
            "{\"a\": [1, 2,], \"a\": 1}",
            "{\"a\": 1, \"a\": [1,]}",
            "\n\n{\"units\": [\n  {\"code\": 01}\n]}",
            "{\"k\": \"\\u001f\\u007f\"}",
            "[1e-7, 1.5e-7, 1e21, 123.456, -0.0, 100.0, 1e-5]",
        ];
        for text in texts {
            same(text);
        }
        let deep = "[".repeat(130) + &"]".repeat(130);
        same(&deep);
        let deep = "[".repeat(127) + &"]".repeat(127);
        same(&deep);
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut x: f64 = 1.234_567_890_123_456_7e-12;
        for special in [0.0, -0.0, 1.0, 0.1, 5e-324, f64::MAX, 1e-5, 1e16, 123.0] {
            let ours = Number::Float(special).to_text();
            let theirs = serde_json::Number::from_f64(special).unwrap().to_string();
            assert_eq!(ours, theirs, "{special:e}");
        }
        for _ in 0..60 {
            for value in [x, -x, x.round(), 1.0 / x] {
                let ours = Number::Float(value).to_text();
                let theirs = serde_json::Number::from_f64(value).unwrap().to_string();
                assert_eq!(ours, theirs, "{value:e}");
            }
            x *= 7.3;
        }
    }
}
