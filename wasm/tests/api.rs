//! The binding under node: the same inputs as the core's fixtures must give the same
//! results, errors must arrive as JS `Error`s with details, and nothing a caller passes may
//! trap the module.
//!
//! Run with `cargo test -p dti-wasm --features api --target wasm32-unknown-unknown` (the runner is set in
//! `.cargo/config.toml`).
#![cfg(all(target_arch = "wasm32", feature = "api"))]

use dti_core::{Dataset, embedded};
use js_sys::{Array, BigInt, Function, Object, Reflect, Symbol};
use serde_json::{Value as Json, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{json, s};

const QUANG_NINH: &str = include_str!("../../indicators/data/quang-ninh-2022.csv");

fn js(value: &Json) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
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
        let text = dti_wasm::template(s("dti-province-2022"), s(format), s("vi"), s("22"))
            .unwrap_or_default();
        assert!(text.contains("I9"), "{format}");
        let checked = dti_wasm::validate(s("dti-province-2022"), s(&text), s("vi"))
            .map(|r| json(&r))
            .unwrap_or(Json::Null);
        // Read back, the unfilled template is understood (its unit and columns) and refused
        // for what it is: no values yet, never a DTI of 0.
        assert_eq!(checked["ok"], false, "{format}: {checked}");
        let kinds: Vec<&Json> = checked["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| &d["kind"])
            .collect();
        assert_eq!(kinds, [&Json::from("no_values")], "{format}: {checked}");
        // Filled, it checks clean.
        let filled = match format {
            "csv" => text.replacen(";0–1;;", ";0–1;0,5;", 1),
            _ => text.replacen("null", "0.5", 1),
        };
        let checked = dti_wasm::validate(s("dti-province-2022"), s(&filled), s("vi"))
            .map(|r| json(&r))
            .unwrap_or(Json::Null);
        assert_eq!(checked["ok"], true, "{format}: {filled}\n{checked}");
        // Without a unit code the template asks for one, as the command line's does.
        let blank = dti_wasm::template(
            s("dti-province-2022"),
            s(format),
            s("vi"),
            JsValue::UNDEFINED,
        )
        .unwrap_or_default();
        let checked = dti_wasm::validate(s("dti-province-2022"), s(&blank), s("vi"))
            .map(|r| json(&r))
            .unwrap_or(Json::Null);
        assert_eq!(checked["ok"], false, "{format}: {checked}");
    }
    assert!(
        dti_wasm::template(JsValue::UNDEFINED, s("xlsx"), s("en"), JsValue::UNDEFINED).is_err()
    );
}

#[wasm_bindgen_test]
fn format_decimal_uses_the_decimal_comma_in_vietnamese() {
    assert_eq!(dti_wasm::format_decimal(0.70244, 4, s("vi")), "0,7024");
    assert_eq!(dti_wasm::format_decimal(0.70245, 4, s("en")), "0.7025");
    assert_eq!(dti_wasm::format_decimal(f64::NAN, 4, s("en")), "–");
}

// --- Decision analyses: the same hand-checked cases as core/tests/analyses.rs ---------------

const FW: &str = "dti-province-2022";

fn node_change<'a>(outcome: &'a Json, code: &str) -> &'a Json {
    outcome["nodes"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|n| n["code"] == code))
        .unwrap_or(&Json::Null)
}

#[wasm_bindgen_test]
fn what_if_raising_i7_to_full_adds_its_lost_points() {
    let outcome = dti_wasm::what_if(
        s(FW),
        s(QUANG_NINH),
        JsValue::UNDEFINED,
        js(&json!({ "I7": 1.0 })),
        s("en"),
    )
    .map(|r| json(&r))
    .unwrap_or(Json::Null);
    assert_eq!(outcome["unit"]["code"], "22");
    let change = |code: &str| {
        let node = node_change(&outcome, code);
        node["after"].as_f64().unwrap_or(f64::NAN) - node["before"].as_f64().unwrap_or(f64::NAN)
    };
    // I7 carries 200 of 1000 points (of 700 for CQS): from 0.8385 to 1 adds 0.1615 × 200.
    assert!((change("DTI") - 0.0323).abs() < 1e-12, "{}", change("DTI"));
    assert!((change("CQS") - 0.1615 * 200.0 / 700.0).abs() < 1e-12);
    assert!(change("KTS").abs() < 1e-15);
    assert_eq!(
        published(
            node_change(&outcome, "DTI")["before"]
                .as_f64()
                .unwrap_or(0.0)
        ),
        "0.7024"
    );
    assert_eq!(node_change(&outcome, "DTI")["rank_after"], 1);
    assert_eq!(
        published(value_of(&outcome["after"], "22", "DTI")),
        "0.7347"
    );

    // An unchanged value is the identity; null removes a value (a missing value scores 0).
    let same = dti_wasm::what_if(
        s(FW),
        s(QUANG_NINH),
        s("22"),
        js(&json!({ "I7": 0.8385 })),
        s("en"),
    )
    .map(|r| json(&r))
    .unwrap_or(Json::Null);
    let dti = node_change(&same, "DTI");
    assert_eq!(dti["before"], dti["after"]);
    let removed = dti_wasm::what_if(
        s(FW),
        s(QUANG_NINH),
        s("22"),
        js(&json!({ "I7": null })),
        s("en"),
    )
    .map(|r| json(&r))
    .unwrap_or(Json::Null);
    let dti = node_change(&removed, "DTI");
    let drop = dti["before"].as_f64().unwrap_or(0.0) - dti["after"].as_f64().unwrap_or(0.0);
    assert!((drop - 0.8385 * 0.2).abs() < 1e-12, "{drop}");
}

#[wasm_bindgen_test]
fn what_if_ranks_move_against_the_other_units() {
    let data = "code,I1,I2,I3,I4,I5,I7,I8,I9\nA,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9\nB,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n";
    let outcome = dti_wasm::what_if(
        s(FW),
        s(data),
        s("B"),
        js(&json!({ "I7": 1, "I8": 1, "I9": 1, "I1": 1, "I2": 1, "I3": 1, "I4": 1, "I5": 1 })),
        s("en"),
    )
    .map(|r| json(&r))
    .unwrap_or(Json::Null);
    let dti = node_change(&outcome, "DTI");
    assert_eq!(
        (dti["rank_before"].clone(), dti["rank_after"].clone()),
        (json!(2), json!(1))
    );
}

#[wasm_bindgen_test]
fn what_if_refuses_bad_changes_with_details() {
    let attempt = |changes: JsValue| {
        let error = dti_wasm::what_if(s(FW), s(QUANG_NINH), s("22"), changes, s("en"));
        thrown(error.err().unwrap_or(JsValue::NULL))
    };
    let (message, details) = attempt(js(&json!({ "I7": 1.5 })));
    assert!(message.contains("above"), "{message}");
    assert_eq!(details[0]["kind"], "out_of_range");
    assert_eq!(details[0]["indicator"], "I7");
    assert_eq!(details[0]["unit"], "22");
    // NaN would be written as null by JSON.stringify: it is refused, not taken as "remove".
    let nan = Object::new();
    let _ = Reflect::set(&nan, &s("I8"), &JsValue::from_f64(f64::NAN));
    let (_, details) = attempt(nan.into());
    assert_eq!(details[0]["kind"], "out_of_range");
    assert_eq!(details[0]["indicator"], "I8");
    let (message, details) = attempt(js(&json!({ "X9": 1 })));
    assert!(message.contains("X9"), "{message}");
    assert_eq!(details[0]["kind"], "unknown_code");
    assert_eq!(details[0]["indicator"], "X9");
    let (_, details) = attempt(js(&json!({ "DTI": 1 })));
    assert_eq!(details[0]["kind"], "not_an_indicator");
    let (_, details) = attempt(js(&json!({ "I7": "0,9" })));
    assert_eq!(details[0]["kind"], "bad_value");
    let (_, details) = attempt(s("I7=1"));
    assert_eq!(details[0]["kind"], "bad_argument");
    let error = dti_wasm::what_if(s(FW), s(QUANG_NINH), s("99"), js(&json!({})), s("vi"));
    let (_, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert_eq!(details[0]["kind"], "unknown_unit");
    assert_eq!(details[0]["unit"], "99");
}

fn plan(unit: &str, data: &str, goal: Json, costs: JsValue) -> Json {
    match dti_wasm::seek_goal(s(FW), s(data), s(unit), js(&goal), costs, s("en")) {
        Ok(plan) => json(&plan),
        Err(error) => panic!("{:?}", thrown(error)),
    }
}

fn steps(plan: &Json) -> Vec<(String, f64)> {
    plan["steps"]
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .map(|s| {
                    let code = s["indicator"].as_str().unwrap_or_default().to_string();
                    (code, s["to"].as_f64().unwrap_or(f64::NAN))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_cheapest_path_to_0_75_fills_i7_then_i8() {
    // From 0.7024 to 0.75 needs 47.6 points: I7 (200 points) gives (1 − 0.8385) × 200 = 32.3,
    // the rest, 15.3 points, comes from I8 (150 points): 15.3 / 150 = 0.102 of its scale.
    let plan = plan(
        "22",
        QUANG_NINH,
        json!({ "value": 0.75 }),
        JsValue::UNDEFINED,
    );
    assert_eq!(plan["reachable"], true);
    assert_eq!(plan["node"], "DTI");
    let steps = steps(&plan);
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(steps[0], ("I7".to_string(), 1.0));
    assert_eq!(steps[1].0, "I8");
    assert!((steps[1].1 - 0.6924).abs() < 1e-3, "{steps:?}");
    assert_eq!(published(plan["reached"].as_f64().unwrap_or(0.0)), "0.7500");
    assert_eq!(plan["steps"][0]["raw_from"].as_f64(), Some(0.8385));
    assert_eq!(plan["steps"][0]["raw_to"].as_f64(), Some(1.0));
    // Re-scored with the plan's values, the goal is really reached.
    let changes: serde_json::Map<String, Json> = plan["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s["indicator"].as_str().unwrap_or_default().to_string(),
                s["raw_to"].clone(),
            )
        })
        .collect();
    let outcome = dti_wasm::what_if(
        s(FW),
        s(QUANG_NINH),
        s("22"),
        js(&Json::Object(changes)),
        s("en"),
    )
    .map(|r| json(&r))
    .unwrap_or(Json::Null);
    assert_eq!(
        published(
            node_change(&outcome, "DTI")["after"]
                .as_f64()
                .unwrap_or(0.0)
        ),
        "0.7500"
    );
}

#[wasm_bindgen_test]
fn costs_change_the_order_and_an_impossible_goal_says_how_far_it_gets() {
    let by_object = plan(
        "22",
        QUANG_NINH,
        json!({ "value": 0.72 }),
        js(&json!({ "I7": 10 })),
    );
    assert_ne!(steps(&by_object)[0].0, "I7");
    let by_text = plan(
        "22",
        QUANG_NINH,
        json!({ "value": 0.72 }),
        s("indicator;cost\nI7;10\n"),
    );
    assert_eq!(by_object, by_text);

    let impossible = plan("22", QUANG_NINH, json!({ "value": 1.5 }), JsValue::NULL);
    assert_eq!(impossible["reachable"], false);
    assert_eq!(
        published(impossible["reached"].as_f64().unwrap_or(0.0)),
        "1.0000"
    );
    // Every scored indicator goes to its maximum.
    assert_eq!(steps(&impossible).len(), 8);

    // A pillar can be the goal too.
    let pillar = plan(
        "22",
        QUANG_NINH,
        json!({ "node": "KTS", "value": 0.75 }),
        JsValue::NULL,
    );
    assert_eq!(pillar["node"], "KTS");
    assert!(
        steps(&pillar)
            .iter()
            .all(|(code, _)| code != "I7" && code != "I9")
    );
}

#[wasm_bindgen_test]
fn a_rank_goal_means_passing_the_unit_above() {
    let data = "code,I1,I2,I3,I4,I5,I7,I8,I9\nA,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9\nB,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n";
    let plan = plan("B", data, json!({ "rank": 1 }), JsValue::UNDEFINED);
    assert_eq!(plan["reachable"], true);
    assert_eq!(
        published(plan["target_value"].as_f64().unwrap_or(0.0)),
        "0.9000"
    );
    assert_eq!(published(plan["reached"].as_f64().unwrap_or(0.0)), "0.9000");
}

#[wasm_bindgen_test]
fn bad_goals_and_costs_are_thrown_with_details() {
    let attempt = |goal: JsValue, costs: JsValue| {
        let error = dti_wasm::seek_goal(s(FW), s(QUANG_NINH), s("22"), goal, costs, s("en"));
        thrown(error.err().unwrap_or(JsValue::NULL))
    };
    for goal in [
        json!({}),
        json!({ "value": 0.8, "rank": 1 }),
        json!({ "rank": 0 }),
        json!({ "rank": 1.5 }),
        json!({ "value": "0.8" }),
    ] {
        let (message, details) = attempt(js(&goal), JsValue::UNDEFINED);
        assert!(message.contains("exactly one"), "{goal}: {message}");
        assert_eq!(details[0]["kind"], "bad_argument");
    }
    let (message, details) = attempt(
        js(&json!({ "node": "ABC", "value": 1 })),
        JsValue::UNDEFINED,
    );
    assert_eq!(details[0]["kind"], "unknown_code");
    assert!(message.contains("the goal refers to `ABC`"), "{message}");
    let (_, details) = attempt(js(&json!({ "value": 0.8 })), js(&json!({ "I7": -1 })));
    assert_eq!(
        (details[0]["kind"].clone(), details[0]["indicator"].clone()),
        (json!("bad_value"), json!("I7"))
    );
    let (_, details) = attempt(js(&json!({ "value": 0.8 })), s("I7;abc\n"));
    assert_eq!(details[0]["kind"], "bad_value");
    assert_eq!(details[0]["line"], 1);
    let (_, details) = attempt(js(&json!({ "value": 0.8 })), js(&json!({ "Z1": 2 })));
    assert_eq!(details[0]["kind"], "unknown_code");
}

#[wasm_bindgen_test]
fn merged_provinces_follow_the_official_2024_method() {
    // Hồ Chí Minh City (27) from Hồ Chí Minh (79), Bình Dương (74) and Bà Rịa - Vũng Tàu (77):
    // each main indicator is the plain mean over the three, then the index is recomputed.
    let data = "code,I1,I2,I3,I4,I5,I7,I8,I9\n79,0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7\n74,0.6,0.5,0.4,0.3,0.2,0.6,0.5,0.4\n77,0.3,0.2,0.1,0.0,0.2,0.3,0.2,0.1\n";
    let merged =
        match dti_wasm::merge_provinces(s(FW), s(data), s("mean"), JsValue::UNDEFINED, s("en")) {
            Ok(merged) => json(&merged),
            Err(error) => panic!("{:?}", thrown(error)),
        };
    assert_eq!(merged["method"], "mean");
    assert_eq!(merged["mapping"].as_array().map(Vec::len), Some(34));
    // Only Hồ Chí Minh City has data: the 33 others get no value and no rank.
    assert_eq!(merged["units"].as_array().map(Vec::len), Some(1));
    let hcm = merged["mapping"]
        .as_array()
        .and_then(|m| m.iter().find(|u| u["code"] == "27"))
        .cloned()
        .unwrap_or(Json::Null);
    assert_eq!(hcm["name"], "Hồ Chí Minh");
    assert_eq!(hcm["formers"], json!(["79", "74", "77"]));
    assert_eq!(hcm["with_data"], json!(["79", "74", "77"]));
    assert_eq!(hcm["without_data"], json!([]));
    let mean = |a: f64, b: f64, c: f64| (a + b + c) / 3.0;
    let foundation: f64 = [
        (0.9, 0.6, 0.3),
        (0.8, 0.5, 0.2),
        (0.7, 0.4, 0.1),
        (0.6, 0.3, 0.0),
        (0.5, 0.2, 0.2),
    ]
    .iter()
    .map(|&(a, b, c)| 100.0 * mean(a, b, c))
    .sum();
    let dti = (foundation
        + 200.0 * mean(0.9, 0.6, 0.3)
        + 150.0 * mean(0.8, 0.5, 0.2)
        + 150.0 * mean(0.7, 0.4, 0.1))
        / 1000.0;
    assert!((value_of(&merged, "27", "DTI") - dti).abs() < 1e-12);
    // The other new provinces have no data here: one remark lists them.
    let missing: Vec<&Json> = merged["details"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter(|d| d["kind"] == "merged_without_data")
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(missing.len(), 1, "{missing:?}");
    // Hồ Chí Minh City without Bà Rịa - Vũng Tàu would stand for part of the city: refused.
    let part = "code,I1,I2,I3,I4,I5,I7,I8,I9\n79,0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7\n74,0.6,0.5,0.4,0.3,0.2,0.6,0.5,0.4\n";
    match dti_wasm::merge_provinces(s(FW), s(part), s("mean"), JsValue::UNDEFINED, s("en")) {
        Ok(merged) => panic!("a partial merge was accepted: {}", json(&merged)),
        Err(error) => {
            let (message, details) = thrown(error);
            assert!(
                message.contains("for 79, 74 only (none for 77)"),
                "{message}"
            );
            assert_eq!(details[0]["kind"], "partial_merge", "{details}");
            assert_eq!(details[0]["unit"], "27", "{details}");
        }
    }
}

#[wasm_bindgen_test]
fn pooled_rates_add_numerators_and_denominators() {
    let data = "unit,indicator,numerator,denominator\n74,KTS.platforms,45000,65000\n79,KTS.platforms,100000,250000\n";
    let mapping = s("new_unit,new_name,former_code\n27,Hồ Chí Minh,79\n27,Hồ Chí Minh,74\n");
    let merged = |method: JsValue| match dti_wasm::merge_provinces(
        s("illustrative-monitoring"),
        s(data),
        method,
        mapping.clone(),
        s("en"),
    ) {
        Ok(merged) => json(&merged),
        Err(error) => panic!("{:?}", thrown(error)),
    };
    let raw = |merged: &Json| {
        merged["units"][0]["nodes"]
            .as_array()
            .and_then(|n| n.iter().find(|n| n["code"] == "KTS.platforms"))
            .and_then(|n| n["raw"].as_f64())
            .unwrap_or(f64::NAN)
    };
    let pooled = merged(js(
        &json!({ "kind": "pooled", "weights": { "79": 9000000, "74": 2600000 } }),
    ));
    assert_eq!(pooled["method"], "pooled");
    assert!(
        (raw(&pooled) - 145_000.0 / 315_000.0).abs() < 1e-12,
        "{}",
        raw(&pooled)
    );
    assert!((raw(&merged(s("mean"))) - (45_000.0 / 65_000.0 + 0.4) / 2.0).abs() < 1e-12);

    let error = dti_wasm::merge_provinces(s(FW), s(data), s("median"), JsValue::UNDEFINED, s("en"));
    let (_, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert_eq!(details[0]["kind"], "bad_argument");
    let error = dti_wasm::merge_provinces(
        s(FW),
        s("code,I1\n1,1\n"),
        JsValue::UNDEFINED,
        s("new_unit,new_name,former_code\n1,A,10\n2,B,10\n"),
        s("en"),
    );
    let (_, details) = thrown(error.err().unwrap_or(JsValue::NULL));
    assert_eq!(details[0]["line"], 3);
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
        must_not_trap(dti_wasm::what_if(
            fixed[0].clone(),
            fixed[1].clone(),
            JsValue::UNDEFINED,
            value.clone(),
            value.clone(),
        ));
        must_not_trap(dti_wasm::what_if(
            value.clone(),
            value.clone(),
            value.clone(),
            value.clone(),
            value.clone(),
        ));
        must_not_trap(dti_wasm::seek_goal(
            fixed[0].clone(),
            fixed[1].clone(),
            JsValue::UNDEFINED,
            value.clone(),
            JsValue::UNDEFINED,
            s("en"),
        ));
        must_not_trap(dti_wasm::seek_goal(
            fixed[0].clone(),
            fixed[1].clone(),
            JsValue::UNDEFINED,
            js(&json!({ "value": 0.8 })),
            value.clone(),
            s("en"),
        ));
        must_not_trap(dti_wasm::merge_provinces(
            fixed[0].clone(),
            value.clone(),
            value.clone(),
            value.clone(),
            value.clone(),
        ));
        if let Err(error) =
            dti_wasm::template(value.clone(), value.clone(), value.clone(), value.clone())
        {
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

#[wasm_bindgen_test]
fn the_widget_refuses_data_beyond_its_fixed_limits() {
    // 100,001 data rows and a header: one row past the widget's limit of 100,000 rows.
    let mut csv = String::from("code,I1\n");
    for unit in 0..100_001 {
        csv.push_str(&format!("{unit},0.5\n"));
    }
    let error = dti_wasm::score(s("dti-province-2022"), s(&csv), s("en")).unwrap_err();
    let (message, details) = thrown(error);
    assert!(
        message.contains("more than the limit of 100000 rows"),
        "{message}"
    );
    assert!(details.to_string().contains("100000 rows"), "{details}");
    // The module keeps working.
    assert!(dti_wasm::score(s("dti-province-2022"), s(QUANG_NINH), JsValue::UNDEFINED).is_ok());
}
