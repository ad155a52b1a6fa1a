//! Reading the arguments JavaScript passes: frameworks, data and the language.
//!
//! Objects are turned into JSON text by the JavaScript engine's own `JSON.stringify` (which
//! throws, catchably, on cycles, BigInts and absurd nesting) and then read by the core's JSON
//! readers, so an object and the same JSON text give the same results and the same messages.

#[cfg(feature = "api")]
use dti_core::limits::{Limits, read_framework};
#[cfg(feature = "api")]
use dti_core::{Dataset, Parsed};
use dti_core::{Framework, Lang, embedded};
use wasm_bindgen::prelude::*;

use crate::error::Error;
#[cfg(feature = "api")]
use crate::words::Argument;
use crate::words::{self, Message};

#[cfg(feature = "api")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// The function API's fixed limits: a page reads what a person pastes or drops, so it keeps
/// well below what a browser tab can hold. 16 MiB of text, 100,000 rows, 5,000 columns,
/// 1,000,000 values; the rest as the core's defaults. Documented in `api.d.ts`.
#[cfg(feature = "api")]
pub fn limits() -> Limits {
    Limits {
        max_bytes: 16 << 20,
        max_rows: 100_000,
        max_columns: 5_000,
        max_units: 100_000,
        max_indicators: 5_000,
        max_cells: 1_000_000,
        ..Limits::default()
    }
}

/// The language from an optional tag such as `"vi"` or `"en-GB"`; Vietnamese by default.
pub fn lang(value: &JsValue) -> Lang {
    value
        .as_string()
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// An object as JSON text.
#[cfg(feature = "api")]
pub fn object_text(value: &JsValue, argument: Argument, lang: Lang) -> Result<String, Error> {
    let failed = |why: Option<&str>| {
        let message = words::message(Message::Unreadable { argument, why }, lang);
        Error::argument("bad_argument", message)
    };
    match json_stringify(value) {
        Ok(text) => text.as_string().ok_or_else(|| failed(None)),
        Err(thrown) => {
            let why = thrown
                .as_string()
                .or_else(|| js_message(&thrown).filter(|m| !m.is_empty()));
            Err(failed(why.as_deref()))
        }
    }
}

#[cfg(feature = "api")]
#[wasm_bindgen]
extern "C" {
    type Thrown;
    #[wasm_bindgen(method, getter, structural)]
    fn message(this: &Thrown) -> JsValue;
}

#[cfg(feature = "api")]
fn js_message(thrown: &JsValue) -> Option<String> {
    if !thrown.is_object() {
        return None;
    }
    thrown.unchecked_ref::<Thrown>().message().as_string()
}

#[cfg(feature = "api")]
fn wrong_type(argument: Argument, lang: Lang) -> Error {
    Error::argument(
        "bad_argument",
        words::message(Message::MustBe(argument), lang),
    )
}

/// True for text that can only be meant as an id, not as TOML or JSON.
#[cfg(feature = "api")]
fn looks_like_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// An embedded framework by id, or an error naming the built-in ones.
pub fn built_in(id: &str, lang: Lang) -> Result<Framework, Error> {
    embedded::framework(id).ok_or_else(|| {
        let known = crate::info::joined(embedded::FRAMEWORK_IDS.iter().copied(), ", ");
        let message = words::message(Message::UnknownFramework { id, known: &known }, lang);
        Error::argument("unknown_framework", message)
    })
}

/// A framework from an embedded id, TOML or JSON text, or an object in the framework-file
/// layout; the default framework when the argument is `undefined` or `null`.
#[cfg(feature = "api")]
pub fn framework(value: &JsValue, lang: Lang) -> Result<Framework, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(embedded::default_framework());
    }
    if let Some(text) = value.as_string() {
        let id = text.trim();
        if embedded::FRAMEWORK_IDS.contains(&id) || looks_like_id(id) {
            return built_in(id, lang);
        }
        return read_framework(&text, None, &limits()).map_err(|f| Error::from_failure(&f, lang));
    }
    if value.is_object() {
        let text = object_text(value, Argument::Framework, lang)?;
        return read_framework(&text, None, &limits()).map_err(|f| Error::from_failure(&f, lang));
    }
    Err(wrong_type(Argument::Framework, lang))
}

/// Data as [`data`] reads it, refused with every problem when reading found errors.
#[cfg(feature = "api")]
pub fn readable_data(value: &JsValue, lang: Lang) -> Result<Parsed, Error> {
    let parsed = data(value, lang)?;
    if parsed.has_errors() {
        return Err(Error::from_diagnostics(&parsed.diagnostics, lang));
    }
    Ok(parsed)
}

/// Data from CSV or JSON text, or an object in the JSON data layout
/// (`{units: [{code, name, values: {I1: 0.95}}]}`).
#[cfg(feature = "api")]
pub fn data(value: &JsValue, lang: Lang) -> Result<Parsed, Error> {
    if let Some(text) = value.as_string() {
        return Ok(Dataset::parse_with(&text, None, &limits()));
    }
    if value.is_object() {
        let text = object_text(value, Argument::Data, lang)?;
        return Ok(Dataset::from_json_with(&text, None, &limits()));
    }
    Err(wrong_type(Argument::Data, lang))
}
