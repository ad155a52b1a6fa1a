//! Helpers the binding's node tests share.

use serde_json::Value as Json;
use wasm_bindgen::JsValue;

/// A JS value as JSON, through the engine's own `JSON.stringify`.
pub fn json(value: &JsValue) -> Json {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_else(|| "null".into());
    serde_json::from_str(&text).unwrap_or(Json::Null)
}

/// A JS string.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}
