//! WebAssembly binding of [`dti_core`] for the guidebook calculator.
//!
//! A thin layer: JavaScript values in (ids, text, plain objects), the core's results out as
//! plain objects. Every failure is thrown as a JavaScript `Error` whose `message` is the core's
//! message and whose `details` list every problem with its unit, indicator and line. Nothing a
//! caller passes can make the module panic: arguments are read with fallible conversions only.
//!
//! The calculator's module holds [`Calculator`], a handle that keeps an embedded framework, a
//! loaded file and the values to compare with between calls, so the widget makes one call per
//! keystroke. The cargo feature `api` adds the stateless functions of analysts' pages (`score`,
//! `explain`, `whatIf`, `seekGoal`, `mergeProvinces`, `template`, with frameworks given as TOML
//! or JSON text), and `pipeline` adds `build`.
//!
//! The TypeScript declarations are hand-written in `calculator.d.ts`, `api.d.ts` and
//! `pipeline.d.ts` (no `any`); `scripts/wasm-types.sh` checks them with `tsc` against the real
//! output of every function and method. Field names are snake_case throughout.
#![warn(missing_docs)]

#[cfg(feature = "api")]
mod analysis;
#[cfg(feature = "api")]
mod api;
mod calculator;
mod error;
mod info;
mod input;
mod json;
#[cfg(feature = "pipeline")]
mod pipeline;
mod words;

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "api")]
pub use api::{
    explain, list_frameworks, load_framework, merge_provinces, score, seek_goal, template,
    validate, what_if,
};
pub use calculator::Calculator;
pub use error::{Detail, Error};
pub use info::FrameworkInfo;
#[cfg(feature = "api")]
pub use info::FrameworkSummary;
#[cfg(feature = "pipeline")]
pub use pipeline::build;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = include_str!("calculator.d.ts");

/// Serialises for JavaScript as JSON text that `JSON.parse` reads back: plain objects (not
/// `Map`s) and `null` for missing values.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = json::to_string(value).map_err(|error| {
        Error::argument("internal", format!("cannot convert the result: {error}")).into_js()
    })?;
    js_sys::JSON::parse(&text)
}

/// The binding's version (the workspace version).
#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Formats a number at a number of decimals in the language's style (`0,7024` in Vietnamese),
/// rounding half away from zero as published tables do.
#[wasm_bindgen(js_name = formatDecimal, skip_typescript)]
pub fn format_decimal(value: f64, decimals: u32, lang: JsValue) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    dti_core::format_decimal(value, decimals.min(12), input::lang(&lang))
}
