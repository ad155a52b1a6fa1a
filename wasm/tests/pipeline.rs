//! `build` under node (the `pipeline` feature): the numbers `dti build --format json` printed
//! for the same files (its committed snapshot), to the last bit; weight sets; errors.
//!
//! Run with `cargo test -p dti-wasm --features pipeline --target wasm32-unknown-unknown`.
#![cfg(all(target_arch = "wasm32", feature = "pipeline"))]

use js_sys::Reflect;
use serde_json::Value as Json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{json, s};

const FRAMEWORK: &str = include_str!("../../tests/fixtures/cli/pipeline-framework.toml");
const DATA: &str = include_str!("../../tests/fixtures/cli/pipeline-data.csv");
/// `dti build pipeline-data.csv --framework pipeline-framework.toml --format json`.
const CLI: &str = include_str!("../../tests/tests/snapshots/cli_build__build-json-en.snap");

fn build(framework: &str, data: &str, weights: Option<&str>) -> Result<Json, JsValue> {
    let weights = weights.map_or(JsValue::UNDEFINED, s);
    dti_wasm::build(s(framework), s(data), weights, s("en")).map(|r| json(&r))
}

/// A table's numbers as their bits (JSON writes 80 where Rust writes 80.0).
fn bits(rows: &Json) -> Vec<Vec<Option<u64>>> {
    let rows = rows.as_array().expect("rows");
    rows.iter()
        .map(|row| {
            let row = row.as_array().expect("a row");
            row.iter().map(|v| v.as_f64().map(f64::to_bits)).collect()
        })
        .collect()
}

fn stage<'a>(built: &'a Json, name: &str) -> &'a Json {
    built["stages"]
        .as_array()
        .and_then(|stages| stages.iter().find(|t| t["stage"] == name))
        .unwrap_or(&Json::Null)
}

#[wasm_bindgen_test]
fn the_numbers_are_the_command_lines_to_the_last_bit() {
    let stdout = CLI
        .split_once("--- stdout\n")
        .and_then(|(_, rest)| rest.split_once("\n--- stderr"))
        .map(|(json, _)| json)
        .expect("a transcript");
    let cli: Json = serde_json::from_str(stdout).expect("the CLI's JSON");
    let built = build(FRAMEWORK, DATA, None).expect("builds");
    let ours = stage(&built, "aggregated");
    assert_eq!(ours["units"], cli["table"]["units"]);
    assert_eq!(ours["columns"], cli["table"]["columns"]);
    assert_eq!(bits(&ours["values"]), bits(&cli["table"]["values"]));
    assert_eq!(built["ranks"], cli["table"]["ranks"]);
    assert_eq!(built["index"], "Index");
    let stages: Vec<&str> = built["stages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["stage"].as_str())
        .collect();
    assert_eq!(
        stages,
        [
            "raw",
            "denominated",
            "imputed",
            "screened",
            "treated",
            "normalised",
            "aggregated"
        ]
    );
    assert_eq!(built["dropped"][0]["unit"], "95");
    assert_eq!(built["imputed"][0]["column"], "Outage");
}

#[wasm_bindgen_test]
fn a_weight_set_changes_the_effective_weights() {
    let weight = |built: &Json, code: &str| {
        built["effective_weights"]
            .as_array()
            .and_then(|w| w.iter().find(|w| w["code"] == code))
            .and_then(|w| w["effective_weight"].as_f64())
    };
    let nominal = build(FRAMEWORK, DATA, None).unwrap();
    let equal = build(FRAMEWORK, DATA, Some("equal")).unwrap();
    assert_eq!(weight(&nominal, "Econ"), Some(2.0 / 3.0));
    assert_eq!(weight(&equal, "Econ"), Some(0.5));
    assert_eq!(equal["weights"], "equal");
}

#[wasm_bindgen_test]
fn errors_are_thrown_with_their_place() {
    let details = |error: JsValue| {
        assert!(error.is_instance_of::<js_sys::Error>(), "{error:?}");
        json(&Reflect::get(&error, &s("details")).unwrap())
    };
    let wrong = DATA.replace("22;Quảng Ninh;Bắc;78;", "22;Quảng Ninh;Bắc;có;");
    let found = details(build(FRAMEWORK, &wrong, None).unwrap_err());
    assert_eq!(found[0]["unit"], "22");
    assert_eq!(found[0]["indicator"], "Internet");
    let found = details(build(FRAMEWORK, DATA, Some("expert")).unwrap_err());
    assert!(found[0]["message"].as_str().unwrap().contains("expert"));
}

/// A framework without construction steps builds what it scores, to the bit: the official DTI
/// on Quảng Ninh's 2022 values.
#[wasm_bindgen_test]
fn the_official_dti_builds_what_it_scores() {
    let data = include_str!("../../indicators/data/quang-ninh-2022.csv");
    let built = build("dti-province-2022", data, None).expect("builds");
    let scored = dti_wasm::score(s("dti-province-2022"), s(data), s("en"))
        .map(|r| json(&r))
        .expect("scores");
    let table = stage(&built, "aggregated");
    let columns = table["columns"].as_array().unwrap();
    for (code, published) in [
        ("DTI", 0.7024),
        ("CQS", 0.7804),
        ("KTS", 0.7187),
        ("XHS", 0.6864),
    ] {
        let j = columns.iter().position(|c| c == code).unwrap();
        let value = table["values"][0][j].as_f64().unwrap();
        let node = scored["units"][0]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["code"] == code)
            .unwrap();
        assert_eq!(
            value.to_bits(),
            node["value"].as_f64().unwrap().to_bits(),
            "{code}"
        );
        assert_eq!((value * 1e4).round() / 1e4, published, "{code}");
    }
}
