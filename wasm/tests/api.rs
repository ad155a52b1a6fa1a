//! The binding under node: the same inputs as the core's fixtures must give the same
//! results, errors must arrive as JS `Error`s with details, and nothing a caller passes may
//! trap the module.
//!
//! Run with `cargo test -p dti-wasm --target wasm32-unknown-unknown` (the runner is set in
//! `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]

use dti_core::{Dataset, embedded};
use js_sys::{Array, BigInt, Function, Object, Reflect, Symbol};
use serde_json::{Value as Json, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const QUANG_NINH: &str = include_str!("../../indicators/data/quang-ninh-2022.csv");

/// A JS value as JSON, through the engine's own `JSON.stringify`.
fn json(value: &JsValue) -> Json {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_else(|| "null".into());
    serde_json::from_str(&text).unwrap_or(Json::Null)
}

fn js(value: &Json) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

fn value_of(results: &Json, unit: &str, code: &str) -> f64 {
    let unit = results["units"]
        .as_array()
        .and_then(|units| units.iter().find(|u| u["code"] == unit))
        .unwrap_or(&Json::Null);
    let node = unit["nodes"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|n| n["code"] == code))
        .unwrap_or(&Json::Null);
    node["value"].as_f64().unwrap_or(f64::NAN)
}

fn published(value: f64) -> String {
    dti_core::format_decimal(value, 4, dti_core::Lang::En)
}

/// A thrown value: must be an `Error` with a message and a details array.
fn thrown(error: JsValue) -> (String, Json) {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    let message = Reflect::get(&error, &s("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let details = Reflect::get(&error, &s("details")).unwrap_or(JsValue::NULL);
    assert!(Array::is_array(&details), "details is not an array");
    (message, json(&details))
}

#[wasm_bindgen_test]
fn quang_ninh_2022_matches_the_official_figures() {
    let results = dti_wasm::score(s("dti-province-2022"), s(QUANG_NINH), JsValue::UNDEFINED)
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    for (code, expected) in [
        ("DTI", "0.7024"),
        ("CQS", "0.7804"),
        ("KTS", "0.7187"),
        ("XHS", "0.6864"),
    ] {
        assert_eq!(
            published(value_of(&results, "22", code)),
            expected,
            "{code}"
        );
    }
}

#[wasm_bindgen_test]
fn an_object_gives_the_same_results_as_text() {
    let data = json!({ "units": [{ "code": "22", "name": "Quảng Ninh", "year": 2022, "values": {
        "I1": 0.9581, "I2": 0.9, "I3": 0.7648, "I4": 0.625, "I5": 0.5382,
        "I7": 0.8385, "I8": "0,5904", "I9": 0.4505 } }] });
    let from_object = dti_wasm::score(s("dti-province-2022"), js(&data), s("en"))
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    let from_text = dti_wasm::score(s("dti-province-2022"), s(&data.to_string()), s("en"))
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(from_object, from_text);
    assert_eq!(published(value_of(&from_object, "22", "DTI")), "0.7024");
    // The decimal comma is accepted and noted.
    let details = from_object["details"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        details
            .iter()
            .any(|d| d["kind"] == "decimal_comma" && d["indicator"] == "I8")
    );
}

/// The binding returns exactly what the core computes natively (the CLI's JSON), for every
/// embedded data set. Compared as the engine's JSON text: serde_json's default float parser
/// can be one unit in the last place off, the engine's printer and parser are exact.
#[wasm_bindgen_test]
fn results_equal_the_core_for_every_embedded_data_set() {
    let stringify = |value: &JsValue| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default()
    };
    for (file, framework_id, text) in embedded::DATASETS {
        let framework = embedded::framework(framework_id).expect("embedded framework");
        let parsed = Dataset::from_csv(text, None);
        let core = dti_core::score(&framework, &parsed.dataset).expect("core scores the fixture");
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let core = serde::Serialize::serialize(&core, &serializer).unwrap_or(JsValue::NULL);
        let binding = match dti_wasm::score(s(framework_id), s(text), JsValue::UNDEFINED) {
            Ok(binding) => binding,
            Err(error) => panic!("{file}: {:?}", thrown(error)),
        };
        let object: &Object = binding.unchecked_ref();
        assert!(Reflect::delete_property(object, &s("details")).unwrap_or(false));
        let (binding, core) = (stringify(&binding), stringify(&core));
        assert!(core.len() > 1000, "{file}: {core}");
        assert_eq!(binding, core, "{file}");
    }
}

#[wasm_bindgen_test]
fn framework_text_and_object_are_accepted() {
    let text = embedded::FRAMEWORKS[0].1;
    let by_text = dti_wasm::score(s(text), s(QUANG_NINH), JsValue::UNDEFINED)
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(published(value_of(&by_text, "22", "DTI")), "0.7024");
    let file = json!({
        "id": "tiny", "names": { "vi": "Nhỏ", "en": "Tiny" },
        "indicator": [
            { "code": "A", "names": { "vi": "A", "en": "A" }, "points": 3 },
            { "code": "B", "names": { "vi": "B", "en": "B" }, "points": 1 }
        ],
        "aggregate": [{ "code": "T", "names": { "vi": "T", "en": "T" }, "children": ["A", "B"] }]
    });
    let results = dti_wasm::score(js(&file), s("code,A,B\nx,1,0\n"), JsValue::UNDEFINED)
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(value_of(&results, "x", "T"), 0.75);
}

#[wasm_bindgen_test]
fn framework_info_groups_the_2022_indicators_by_pillar() {
    let info = dti_wasm::load_framework(s("dti-province-2022"), s("vi"))
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(info["root"], "DTI");
    assert_eq!(info["indices"], json!(["DTI", "CQS", "KTS", "XHS"]));
    let groups = info["groups"].as_array().cloned().unwrap_or_default();
    let summary: Vec<(Json, Json)> = groups
        .iter()
        .map(|g| (g["code"].clone(), g["indicators"].clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (json!("CQS+KTS+XHS"), json!(["I1", "I2", "I3", "I4", "I5"])),
            (json!("CQS"), json!(["I7", "I6"])),
            (json!("KTS"), json!(["I8"])),
            (json!("XHS"), json!(["I9"])),
        ]
    );
    let nodes = info["nodes"].as_array().cloned().unwrap_or_default();
    let i6 = nodes
        .iter()
        .find(|n| n["code"] == "I6")
        .cloned()
        .unwrap_or(Json::Null);
    assert_eq!(i6["scored"], false);
    assert_eq!(i6["range"]["low"].as_f64(), Some(0.0));
    assert_eq!(i6["range"]["high"].as_f64(), Some(1.0));
    let i7 = nodes
        .iter()
        .find(|n| n["code"] == "I7")
        .cloned()
        .unwrap_or(Json::Null);
    assert_eq!(i7["points"].as_f64(), Some(200.0));
    assert_eq!(i7["names"]["vi"], "Hoạt động chính quyền số");
    assert_eq!(info["references"].as_array().map(Vec::len), Some(3));

    let list = dti_wasm::list_frameworks()
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    let ids: Vec<&str> = list
        .as_array()
        .map(|l| l.iter().filter_map(|f| f["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        [
            "dti-province-2022",
            "dti-province-2020",
            "illustrative-monitoring"
        ]
    );
    for id in ids {
        assert!(
            dti_wasm::load_framework(s(id), JsValue::UNDEFINED).is_ok(),
            "{id}"
        );
    }
}

#[wasm_bindgen_test]
fn explain_names_the_three_changes_that_gain_most() {
    let explanation = dti_wasm::explain(s("dti-province-2022"), s(QUANG_NINH), s("22"), s("en"))
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(explanation["index"], "DTI");
    let moves: Vec<&str> = explanation["best_moves"]
        .as_array()
        .map(|m| m.iter().filter_map(|m| m["indicator"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(moves.first(), Some(&"I7"));
    assert!(moves.len() >= 3);
    let lost: f64 = explanation["indicators"]
        .as_array()
        .map(|list| list.iter().filter_map(|i| i["points_lost"].as_f64()).sum())
        .unwrap_or(0.0);
    // 1000 points in all; DTI 0.7024 leaves about 297.6 lost.
    assert!((lost - (1000.0 - 702.4)).abs() < 0.1, "{lost}");

    let error = dti_wasm::explain(s("dti-province-2022"), s(QUANG_NINH), s("99"), s("en"));
    let (message, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert!(message.contains("99"), "{message}");
    assert_eq!(details[0]["kind"], "unknown_unit");
}

#[wasm_bindgen_test]
fn out_of_range_values_are_thrown_with_details() {
    let data = json!({ "units": [{ "code": "22", "values": { "I1": 1.5, "I3": "abc" } }] });
    let error = dti_wasm::score(s("dti-province-2022"), js(&data), s("en"));
    let (message, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert!(message.contains("cannot read value `abc`"), "{message}");
    let bad = details.as_array().cloned().unwrap_or_default();
    assert!(bad.iter().any(|d| d["kind"] == "bad_value"
        && d["unit"] == "22"
        && d["indicator"] == "I3"
        && d["severity"] == "error"
        && d["hint"].is_string()));

    let data = json!({ "units": [{ "code": "22", "values": { "I1": 1.5 } }] });
    let error = dti_wasm::score(s("dti-province-2022"), js(&data), s("vi"));
    let (message, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert!(
        message.contains("nằm trên khoảng cho phép 0–1"),
        "{message}"
    );
    assert!(details.as_array().is_some_and(|d| {
        d.iter()
            .any(|d| d["kind"] == "out_of_range" && d["indicator"] == "I1")
    }));

    // validate returns the same problems instead of throwing.
    let checked = dti_wasm::validate(s("dti-province-2022"), js(&data), s("en"))
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(checked["ok"], false);
    assert!(
        checked["details"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["kind"] == "out_of_range"))
    );
}

#[wasm_bindgen_test]
fn bad_csv_and_bad_frameworks_report_their_line() {
    let error = dti_wasm::score(
        s("dti-province-2022"),
        s("code,I1,I2\n22,0,5,0.9\n"),
        s("en"),
    );
    let (_, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert_eq!(details[0]["kind"], "row_length");
    assert_eq!(details[0]["line"], 2);

    let error = dti_wasm::load_framework(s("id = \"x\"\nnames = 3\n"), s("en"));
    let (_, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert_eq!(details[0]["kind"], "syntax");
    assert_eq!(details[0]["line"], 2);

    let error = dti_wasm::load_framework(s("dti-province-1999"), s("en"));
    let (message, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert!(message.contains("dti-province-2022"), "{message}");
    assert_eq!(details[0]["kind"], "unknown_framework");
}

#[wasm_bindgen_test]
fn templates_read_back_as_data() {
    for format in ["csv", "json"] {
        let text =
            dti_wasm::template(s("dti-province-2022"), s(format), s("vi")).unwrap_or_default();
        assert!(text.contains("I9"), "{format}");
        let checked = dti_wasm::validate(s("dti-province-2022"), s(&text), s("vi"))
            .map(|r| json(&r))
            .unwrap_or(Json::Null);
        assert_eq!(checked["ok"], true, "{format}: {checked}");
    }
    assert!(dti_wasm::template(JsValue::UNDEFINED, s("xlsx"), s("en")).is_err());
}

#[wasm_bindgen_test]
fn format_decimal_uses_the_decimal_comma_in_vietnamese() {
    assert_eq!(dti_wasm::format_decimal(0.70244, 4, s("vi")), "0,7024");
    assert_eq!(dti_wasm::format_decimal(0.70245, 4, s("en")), "0.7025");
    assert_eq!(dti_wasm::format_decimal(f64::NAN, 4, s("en")), "–");
}

/// A deterministic stream of junk: the values people and programs really pass by mistake.
fn junk_values(seed: u64) -> Vec<JsValue> {
    let cyclic = Object::new();
    let _ = Reflect::set(&cyclic, &s("self"), &cyclic);
    let _ = Reflect::set(&cyclic, &s("units"), &cyclic);
    let mut deep = Array::new();
    for _ in 0..5000 {
        let outer = Array::new();
        outer.push(&deep);
        deep = outer;
    }
    let throwing = Function::new_no_args("throw new Error('getter')");
    let trap = Object::new();
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &s("get"), &throwing);
    let _ = Reflect::set(&descriptor, &s("enumerable"), &JsValue::TRUE);
    Object::define_property(&trap, &s("units"), &descriptor);
    let mut values = vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::TRUE,
        JsValue::from_f64(f64::NAN),
        JsValue::from_f64(f64::INFINITY),
        JsValue::from_f64(-0.0),
        JsValue::from_f64(1e308),
        Symbol::for_("dti").into(),
        BigInt::from(12345u64).into(),
        Function::new_no_args("return 1").into(),
        Array::new().into(),
        Object::new().into(),
        cyclic.into(),
        deep.into(),
        trap.into(),
        s(""),
        s("\u{feff}"),
        s("{"),
        s(
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ),
        s("code;I1\n22;1e999\n"),
        s("unit,indicator,value\n22,I1,3/0\n22,I1,1\n"),
        s(
            "id = \"x\"\nnames = { vi = \"x\", en = \"x\" }\n[[aggregate]]\ncode = \"A\"\nnames = { vi = \"a\", en = \"a\" }\nchildren = [\"A\"]\n",
        ),
        js(
            &json!({ "units": [{ "code": "22", "values": { "I1": [1], "I2": { "value": { "x": 1 } }, "I3": { "numerator": 1, "denominator": 0 } } }] }),
        ),
        js(
            &json!({ "units": [{ "code": null }, 7, { "code": "1", "year": 99999, "values": null }] }),
        ),
        js(&json!({ "id": "", "names": 1 })),
        js(&json!([{ "code": "22", "values": { "I1": 1e300 } }])),
    ];
    // Random text built from the characters CSV, TOML and JSON readers care about.
    let alphabet: Vec<char> = "0123456789,;.\t\n\r\"'%/-+eE {}[]=#:aàđ\u{feff}\u{a0}"
        .chars()
        .collect();
    let mut state = seed;
    for _ in 0..200 {
        let mut text = String::new();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let length = (state >> 33) % 80;
        for _ in 0..length {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[((state >> 33) % alphabet.len() as u64) as usize]);
        }
        values.push(s(&text));
        values.push(s(&format!("code;I1;I2\n22;{text}")));
    }
    values
}

fn must_not_trap(result: Result<JsValue, JsValue>) {
    if let Err(error) = result {
        thrown(error);
    }
}

#[wasm_bindgen_test]
fn junk_never_traps_the_module() {
    let junk = junk_values(2022);
    let fixed = [s("dti-province-2022"), s(QUANG_NINH)];
    for value in &junk {
        must_not_trap(dti_wasm::load_framework(value.clone(), value.clone()));
        must_not_trap(dti_wasm::validate(
            value.clone(),
            fixed[1].clone(),
            value.clone(),
        ));
        must_not_trap(dti_wasm::validate(
            fixed[0].clone(),
            value.clone(),
            JsValue::UNDEFINED,
        ));
        must_not_trap(dti_wasm::score(fixed[0].clone(), value.clone(), s("en")));
        must_not_trap(dti_wasm::score(value.clone(), value.clone(), value.clone()));
        must_not_trap(dti_wasm::explain(
            fixed[0].clone(),
            fixed[1].clone(),
            value.clone(),
            value.clone(),
        ));
        must_not_trap(dti_wasm::explain(
            fixed[0].clone(),
            value.clone(),
            JsValue::UNDEFINED,
            s("vi"),
        ));
        if let Err(error) = dti_wasm::template(value.clone(), value.clone(), value.clone()) {
            thrown(error);
        }
    }
    // And the module still works afterwards.
    let results = dti_wasm::score(fixed[0].clone(), fixed[1].clone(), JsValue::UNDEFINED)
        .map(|r| json(&r))
        .unwrap_or(Json::Null);
    assert_eq!(published(value_of(&results, "22", "DTI")), "0.7024");
}

#[wasm_bindgen_test]
fn thrown_errors_are_real_errors() {
    let error = dti_wasm::score(JsValue::from_f64(3.0), s(QUANG_NINH), s("en"))
        .err()
        .unwrap_or(JsValue::NULL);
    let (message, details) = thrown(error.clone());
    assert!(message.contains("framework"), "{message}");
    assert_eq!(details[0]["severity"], "error");
    assert!(error.dyn_ref::<js_sys::Error>().is_some());
}
