//! Results written as JSON text for `JSON.parse`: a serde serialiser giving the objects
//! serde_json gives (struct fields and map entries as object members, `None`, units and
//! non-finite numbers as `null`, enum variants as serde's externally tagged form), small enough
//! that the calculator's module needs no serde_json. Numbers are written in their shortest
//! form that reads back to the same bits.

use std::cell::Cell;
use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};

/// Why a value could not be written (a map key that is not text, or a type's own error).
#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(message: T) -> Error {
        Error(message.to_string())
    }
}

/// The value as compact JSON text.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut writer = Writer(String::new());
    value.serialize(&mut writer)?;
    Ok(writer.0)
}

struct Writer(String);

impl Writer {
    fn string(&mut self, text: &str) {
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    fn number(&mut self, x: impl Display) {
        let _ = write!(self.0, "{x}");
    }

    /// Opens `{"variant":` for the tagged forms of enum variants.
    fn variant(&mut self, variant: &str) {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
    }

    fn compound(&mut self, open: char, close: &'static str) -> Compound<'_> {
        self.0.push(open);
        Compound {
            writer: self,
            first: true,
            close,
        }
    }
}

/// A list, object or tagged variant being written; `close` ends it.
pub(crate) struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.writer.0.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        self.writer.string(key);
        self.writer.0.push(':');
        value.serialize(&mut *self.writer)
    }

    fn close(self) -> Result<(), Error> {
        self.writer.0.push_str(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.0.push_str(if value { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        self.number(value);
        Ok(())
    }

    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.number(value);
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.serialize_f64(value.into())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        // The shortest digits that read back the same (`0.1`, `-0`, `1e-7` written out), as
        // `Display` writes them but without the standard library's float printer; JSON has no
        // infinity nor NaN, which serde_json writes as `null` too.
        if value.is_finite() {
            write_number(&mut self.0, value);
        } else {
            self.0.push_str("null");
        }
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut list = self.compound('[', "]");
        for byte in value {
            list.serialize_element(byte)?;
        }
        list.close()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.0.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &str) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.0.push('}');
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.compound('[', "]"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.compound('[', "]}"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.compound('{', "}"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.compound('{', "}"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.compound('{', "}}"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        // Keys are text in JSON: a key written as a number or a boolean is quoted, as
        // serde_json does; any other kind of key is refused.
        let key = to_string(key)?;
        if key.starts_with('"') {
            self.writer.0.push_str(&key);
        } else if key.starts_with(['[', '{']) || key == "null" {
            return Err(Error(format!("a map key must be text, not {key}")));
        } else {
            self.writer.string(&key);
        }
        self.writer.0.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

thread_local! {
    /// The text of numbers written before, by their bits, in 512 slots, each holding the last
    /// number whose bits fall in it (`u64::MAX`, a NaN, for none): a keystroke writes some 200
    /// numbers, most of them the same as the keystroke before (the indicators and indices the
    /// changed value does not reach), and the shortest form costs about 2 µs a number in the
    /// browser (a big integer of all its digits, read back at each length tried).
    static WRITTEN: Cell<Vec<(u64, String)>> = const { Cell::new(Vec::new()) };
}

/// Appends a finite `value` as [`dti_core::decimal::write_shortest`] does, from
/// [`WRITTEN`] when it holds it.
fn write_number(out: &mut String, value: f64) {
    let bits = value.to_bits();
    // The top 9 bits of a multiplicative hash.
    let slot = (bits.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 55) as usize;
    let mut written = WRITTEN.take();
    if written.is_empty() {
        written = (0..512).map(|_| (u64::MAX, String::new())).collect();
    }
    if let Some((key, text)) = written.get_mut(slot) {
        if *key != bits {
            text.clear();
            dti_core::decimal::write_shortest(text, value);
            *key = bits;
        }
        out.push_str(text);
    }
    WRITTEN.set(written);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::to_string;

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Value { value: f64 },
        Rank { rank: u32 },
    }

    #[derive(Serialize)]
    enum Plain {
        Unit,
        Newtype(i32),
        Tuple(u8, String),
        Struct { a: Option<f64> },
    }

    #[derive(Serialize)]
    struct Inner {
        code: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<f64>,
    }

    #[derive(Serialize)]
    struct Sample {
        text: String,
        numbers: Vec<f64>,
        whole: (i64, u64, i8, u32),
        missing: Option<f64>,
        flags: [bool; 2],
        map: BTreeMap<String, Option<f64>>,
        numbered: BTreeMap<u32, char>,
        tagged: Vec<Tagged>,
        plain: Vec<Plain>,
        #[serde(flatten)]
        inner: Inner,
        unit: (),
    }

    /// Whatever serde_json writes, read back by a JSON parser, equals what this writes read
    /// back: the same objects for `JSON.parse`, numbers to the bit.
    #[test]
    fn writes_the_values_serde_json_writes() {
        let sample = Sample {
            text: "Quảng Ninh \"QN\" \\ \n\t\r\u{1}\u{1f}\u{7f} ư".into(),
            numbers: vec![
                0.0,
                -0.0,
                1.0,
                0.1,
                0.30000000000000004,
                1e-7,
                1.5e-300,
                5e-324,
                1.7976931348623157e308,
                123456789.123,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ],
            whole: (i64::MIN, u64::MAX, -3, 7),
            missing: None,
            flags: [true, false],
            map: [("b".to_string(), Some(0.5)), ("a".to_string(), None)].into(),
            numbered: [(2, 'x'), (10, '"')].into(),
            tagged: vec![Tagged::Value { value: 0.75 }, Tagged::Rank { rank: 3 }],
            plain: vec![
                Plain::Unit,
                Plain::Newtype(-1),
                Plain::Tuple(1, "t".into()),
                Plain::Struct { a: Some(2.5) },
            ],
            inner: Inner {
                code: "22".into(),
                skipped: None,
            },
            unit: (),
        };
        let ours = to_string(&sample).unwrap();
        let theirs = serde_json::to_string(&sample).unwrap();
        let read = |text: &str| numbers_as_floats(serde_json::from_str(text).unwrap());
        assert_eq!(read(&ours), read(&theirs), "{ours}\n{theirs}");
        let bits = |text: &str| -> Vec<u64> {
            let value = read(text);
            value["numbers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_f64().map_or(0, f64::to_bits))
                .collect()
        };
        assert_eq!(bits(&ours), bits(&theirs));
        assert!(ours.contains("-0,"), "{ours}");
    }

    /// `1` and `1.0` are one number for `JSON.parse`.
    fn numbers_as_floats(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::Number(n) => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map_or(Value::Null, Value::Number),
            Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_floats).collect()),
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, numbers_as_floats(v)))
                    .collect(),
            ),
            other => other,
        }
    }

    /// Numbers written again come from the slots, as the core writes them, and numbers that
    /// share a slot replace each other: 20,000 random numbers, each written twice, then all
    /// of them again.
    #[test]
    fn numbers_written_again_are_written_as_the_core_writes_them() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut values = Vec::new();
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if value.is_finite() {
                values.push(value);
            }
        }
        values.extend([0.0, -0.0, 0.1, 0.7024, 1e-7, 5e-324]);
        let check = |value: f64| {
            let mut ours = String::new();
            super::write_number(&mut ours, value);
            let mut core = String::new();
            dti_core::decimal::write_shortest(&mut core, value);
            assert_eq!(ours, core, "{:#x}", value.to_bits());
        };
        for &value in &values {
            check(value);
            check(value);
        }
        values.iter().rev().for_each(|&value| check(value));
    }

    #[test]
    fn a_key_that_is_not_text_is_refused() {
        let map: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        assert!(to_string(&map).is_err());
    }
}
