//! The JSON reader behind [`Dataset::from_json`](crate::Dataset::from_json).
//!
//! ```json
//! { "name": "…", "notes": ["…"],
//!   "units": [ { "code": "22", "name": "Quảng Ninh", "year": 2022, "group": "…",
//!                "values": { "I1": 0.9581, "I2": "90%", "I3": { "numerator": 3, "denominator": 4 },
//!                            "I4": { "value": 0.625, "source": "…" }, "I5": null, "I6": true } } ] }
//! ```
//! A bare array of units is accepted too, and units written as flat records, without a
//! `values` object (`[{"code": "22", "name": "Quảng Ninh", "I1": 0.9581, "I2": "90%"}]`, as
//! pandas' `to_json(orient="records")` writes a table): every key but `code`, `name`, `year`,
//! `group` and `groups` is then an indicator.

use crate::json::Json;

use crate::dataset::{Builder, Parsed, ShortText, UnitInfo};
use crate::diagnostic::{Location, Problem};
use crate::limits::{Limits, Quantity, nesting_beyond};
use crate::syntax::SyntaxReason;
use crate::value::Value;

/// The keys of a unit that are not indicators.
const UNIT_KEYS: [&str; 6] = ["code", "name", "year", "group", "groups", "values"];

/// The keys of one value written as an object.
const VALUE_KEYS: [&str; 4] = ["value", "numerator", "denominator", "source"];

/// True when an object is one value (`{"numerator": 3, "denominator": 4}`), not a group of them.
fn is_one_value(object: &crate::json::Object) -> bool {
    object.keys().all(|key| VALUE_KEYS.contains(&key.as_str()))
}

/// JSON values have no line and field of their own.
const NOWHERE: (u64, u64) = (0, 0);

pub(crate) fn read(text: &str, origin: Option<&str>, limits: &Limits) -> Parsed {
    let mut builder = Builder::new(origin, limits);
    if text.len() > limits.max_bytes {
        builder.too_large(Location::file(origin), Quantity::Bytes, limits.max_bytes);
        return builder.finish(Vec::new());
    }
    if let Some(line) = nesting_beyond(text, limits.max_depth) {
        let location = builder.location(line, 1);
        builder.too_large(location, Quantity::NestingLevels, limits.max_depth);
        return builder.finish(Vec::new());
    }
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document = match crate::json::parse(text) {
        Ok(document) => document,
        Err(crate::json::Error::DuplicateKey { key, line, column }) => {
            let location = builder.location(line, column);
            builder.error(location, Problem::DuplicateKey { key });
            return builder.finish(Vec::new());
        }
        Err(crate::json::Error::Syntax {
            message,
            line,
            column,
        }) => {
            let location = builder.location(line, column);
            builder.error(location, Problem::syntax(message));
            return builder.finish(Vec::new());
        }
    };
    let (units, notes) = match &document {
        Json::Array(units) => (Some(units), Vec::new()),
        Json::Object(map) => {
            let notes = match map.get("notes") {
                Some(Json::Array(list)) => list
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect(),
                Some(Json::String(note)) => vec![note.clone()],
                _ => Vec::new(),
            };
            (map.get("units").and_then(Json::as_array), notes)
        }
        _ => (None, Vec::new()),
    };
    let Some(units) = units else {
        builder.error(
            Location::file(origin),
            Problem::syntax_reason(SyntaxReason::NoUnitsList),
        );
        return builder.finish(notes);
    };
    for (position, unit) in units.iter().enumerate() {
        if builder.stopped() {
            break;
        }
        read_unit(&mut builder, position, unit);
    }
    builder.finish(notes)
}

fn syntax(builder: &mut Builder, location: Location, reason: SyntaxReason) {
    builder.error(location, Problem::syntax_reason(reason));
}

fn read_unit(builder: &mut Builder, position: usize, unit: &Json) {
    let place = || format!("units[{position}]");
    let here = Location::file(builder.origin);
    let Some(object) = unit.as_object() else {
        return syntax(
            builder,
            here,
            SyntaxReason::UnitNotAnObject { place: place() },
        );
    };
    let code = match object.get("code") {
        Some(Json::String(code)) if !code.trim().is_empty() => code.trim().to_string(),
        Some(Json::Number(code)) => code.to_text(),
        _ => return builder.error(here, Problem::MissingUnitCode),
    };
    let here = here.unit(&code);
    let mut info = UnitInfo::new(&code);
    // A unit without a `values` object is a flat record, as a table written by pandas
    // (`to_json(orient="records")`) or a spreadsheet's row: its other keys are indicators.
    // Beside a `values` object, any other key is a mistake, and so is an object under another
    // key that is not one value (`"value": {"I1": 0.9}` is a misspelt `values`).
    let flat = object.get("values").is_none()
        && object
            .iter()
            .filter(|(key, _)| !UNIT_KEYS.contains(&key.as_str()))
            .all(|(_, value)| value.as_object().is_none_or(is_one_value));
    for key in object
        .keys()
        .filter(|key| !flat && !UNIT_KEYS.contains(&key.as_str()))
    {
        syntax(
            builder,
            here.clone(),
            SyntaxReason::UnknownField {
                field: key.clone(),
                allowed: UNIT_KEYS.map(str::to_string).to_vec(),
            },
        );
    }
    info.name = object
        .get("name")
        .and_then(Json::as_str)
        .map(ShortText::from);
    info.group = object
        .get("group")
        .and_then(Json::as_str)
        .map(str::to_string);
    match object.get("groups") {
        None | Some(Json::Null) => {}
        Some(Json::Object(groups)) => {
            for (grouping, label) in groups.iter() {
                let grouping = grouping.trim();
                if grouping.is_empty() {
                    let problem = Problem::BadGrouping {
                        header: grouping.to_string(),
                    };
                    builder.error(here.clone(), problem);
                    continue;
                }
                match label {
                    Json::Null => {}
                    Json::String(label) if label.trim().is_empty() => {}
                    Json::String(label) => {
                        let label = label.trim().to_string();
                        if info.groups.insert(grouping.to_string(), label).is_some() {
                            let problem = Problem::BadGrouping {
                                header: grouping.to_string(),
                            };
                            builder.error(here.clone(), problem);
                        }
                    }
                    _ => syntax(
                        builder,
                        here.clone(),
                        SyntaxReason::GroupLabelNotText {
                            grouping: grouping.to_string(),
                            place: place(),
                        },
                    ),
                }
            }
        }
        Some(_) => syntax(
            builder,
            here.clone(),
            SyntaxReason::GroupsNotAnObject { place: place() },
        ),
    }
    match object.get("year") {
        None | Some(Json::Null) => {}
        Some(year) => match year.as_i64().filter(|y| (1900..=2200).contains(y)) {
            Some(y) => info.year = Some(y as i32),
            None => builder.error(
                here.clone(),
                Problem::BadYear {
                    text: year.to_text(),
                },
            ),
        },
    }
    let limit = builder.limits.max_cell_bytes;
    let long = |text: &str| text.len() > limit;
    if long(&info.code)
        || info.name.as_deref().is_some_and(long)
        || info.group.as_deref().is_some_and(long)
        || info.groups.iter().any(|(g, l)| long(g) || long(l))
    {
        let limit = builder.limits.max_cell_bytes;
        return builder.too_large(here, Quantity::BytesInString, limit);
    }
    let Some(unit) = builder.unit_row(info, 0) else {
        return;
    };
    let entries = if flat {
        Some(object)
    } else {
        object.get("values").and_then(Json::as_object)
    };
    let indicator = |key: &str| !flat || !UNIT_KEYS.contains(&key);
    let Some(entries) = entries.filter(|e| !flat || e.keys().any(|k| indicator(k))) else {
        return syntax(
            builder,
            here,
            SyntaxReason::NoValuesObject { place: place() },
        );
    };
    for (code, value) in entries.iter().filter(|(key, _)| indicator(key)) {
        if code.len() > builder.limits.max_cell_bytes {
            let limit = builder.limits.max_cell_bytes;
            return builder.too_large(here, Quantity::BytesInString, limit);
        }
        let Some(column) = builder.column(code, 0) else {
            return;
        };
        read_value(builder, unit, column, value, &here.clone().indicator(code));
    }
}

fn read_value(builder: &mut Builder, unit: usize, column: usize, value: &Json, here: &Location) {
    let number = |json: Option<&Json>| json.and_then(Json::as_f64).filter(|x| x.is_finite());
    match value {
        Json::Null => {}
        Json::Bool(flag) => {
            builder.value(unit, column, Value::YesNo { value: *flag }, NOWHERE, None)
        }
        Json::Number(_) => match number(Some(value)) {
            Some(x) => builder.value(unit, column, Value::Number { value: x }, NOWHERE, None),
            None => builder.error(
                here.clone(),
                Problem::BadValue {
                    text: value.to_text(),
                },
            ),
        },
        Json::String(text) if text.len() > builder.limits.max_cell_bytes => {
            let limit = builder.limits.max_cell_bytes;
            builder.too_large(here.clone(), Quantity::BytesInString, limit)
        }
        Json::String(text) => builder.text_value(unit, column, text, NOWHERE, None),
        Json::Object(fields) => {
            let source = fields
                .get("source")
                .and_then(Json::as_str)
                .map(str::to_string);
            let unknown = fields.keys().find(|k| !VALUE_KEYS.contains(&k.as_str()));
            if let Some(key) = unknown {
                return syntax(
                    builder,
                    here.clone(),
                    SyntaxReason::UnknownField {
                        field: key.clone(),
                        allowed: VALUE_KEYS.map(str::to_string).to_vec(),
                    },
                );
            }
            match (
                fields.get("value"),
                number(fields.get("numerator")),
                number(fields.get("denominator")),
            ) {
                (Some(Json::String(text)), None, None) => {
                    builder.text_value(unit, column, text, NOWHERE, source)
                }
                (Some(inner), None, None) if !inner.is_object() => {
                    read_value(builder, unit, column, inner, here);
                    if let Some(source) = source {
                        builder.set_source(unit, column, source);
                    }
                }
                (None, Some(numerator), Some(denominator)) => {
                    let value = Value::Ratio {
                        numerator,
                        denominator,
                    };
                    builder.value(unit, column, value, NOWHERE, source);
                }
                _ => builder.error(
                    here.clone(),
                    Problem::BadValue {
                        text: value.to_text(),
                    },
                ),
            }
        }
        Json::Array(_) => builder.error(
            here.clone(),
            Problem::BadValue {
                text: value.to_text(),
            },
        ),
    }
}

/// The first key given twice in one object, with the line and column where the second ends;
/// `None` when there is none (or the text is not JSON, which the main parse reports). A
/// `serde_json::Value` keeps the last of two equal keys, so `"I1": 0.5, "I1": 0.9` would read
/// as 0.9 without a word. Framework files read through serde_json are checked with it; data
/// files are read by [`crate::json`], which stops at such a key itself.
#[cfg(feature = "validate")]
pub(crate) fn duplicate_key(text: &str) -> Option<(String, u64, u64)> {
    use serde::de::DeserializeSeed;
    let found = std::cell::RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = Keys(&found).deserialize(&mut deserializer).err()?;
    let key = found.into_inner()?;
    Some((key, error.line() as u64, error.column() as u64))
}

/// Walks a JSON document and stops at the first key an object repeats, noting it.
#[cfg(feature = "validate")]
#[derive(Clone, Copy)]
struct Keys<'a>(&'a std::cell::RefCell<Option<String>>);

#[cfg(feature = "validate")]
impl<'de> serde::de::DeserializeSeed<'de> for Keys<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(feature = "validate")]
impl<'de> serde::de::Visitor<'de> for Keys<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                *self.0.borrow_mut() = Some(key);
                return Err(serde::de::Error::custom("duplicate key"));
            }
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Dataset;

    /// A unit as a flat record reads as the same unit with a `values` object; beside a
    /// `values` object, or where an object under another key is not one value, the other
    /// keys are refused as before.
    #[test]
    fn flat_records_read_as_units_with_values() {
        let nested = r#"[{"code": "22", "name": "Quảng Ninh", "year": 2022,
            "values": {"I1": 0.9581, "I2": "90%", "I3": {"numerator": 3, "denominator": 4}, "I5": null}}]"#;
        let flat = r#"[{"code": "22", "name": "Quảng Ninh", "year": 2022,
            "I1": 0.9581, "I2": "90%", "I3": {"numerator": 3, "denominator": 4}, "I5": null}]"#;
        let (nested, flat) = (
            Dataset::from_json(nested, None),
            Dataset::from_json(flat, None),
        );
        assert!(flat.diagnostics.is_empty(), "{:?}", flat.diagnostics);
        assert_eq!(flat.dataset, nested.dataset);
        for (text, kinds) in [
            (
                r#"[{"code": "22", "values": {"I1": 0.9}, "I2": 0.5}]"#,
                vec!["syntax"],
            ),
            (
                r#"[{"code": "22", "value": {"I1": 0.9}}]"#,
                vec!["syntax", "syntax"],
            ),
            (r#"[{"code": "22", "name": "x"}]"#, vec!["syntax"]),
        ] {
            let parsed = Dataset::from_json(text, None);
            let found: Vec<&str> = parsed
                .diagnostics
                .iter()
                .map(|d| d.problem.kind())
                .collect();
            assert_eq!(found, kinds, "{text}");
        }
    }
}
