//! The calculator's handle under node: what a form's keystrokes give must be the core's numbers
//! to the last bit, alone and among a file's units; the what-if, the advice and the goal must
//! follow the values; bad arguments and files must be refused with details, never trap.
//!
//! Run with `cargo test -p dti-wasm --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use dti_core::{Dataset, embedded};
use js_sys::{Object, Reflect};
use serde_json::{Value as Json, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use dti_wasm::Calculator;

mod common;
use common::{json, s};

const QUANG_NINH: [(&str, &str); 8] = [
    ("I1", "0,9581"),
    ("I2", "0,9"),
    ("I3", "0,7648"),
    ("I4", "0,625"),
    ("I5", "0,5382"),
    ("I7", "0,8385"),
    ("I8", "0,5904"),
    ("I9", "0,4505"),
];

fn js(value: &Json) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn calculator() -> Calculator {
    Calculator::new(s("dti-province-2022"), s("en")).unwrap_or_else(|e| panic!("{}", thrown(e).0))
}

fn form(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (code, text) in pairs {
        let _ = Reflect::set(&object, &s(code), &s(text));
    }
    object.into()
}

fn update(calculator: &mut Calculator, pairs: &[(&str, &str)]) -> Json {
    let unit = js(&json!({ "code": "22", "name": "Quảng Ninh" }));
    match calculator.update(form(pairs), unit) {
        Ok(update) => json(&update),
        Err(error) => panic!("{:?}", thrown(error)),
    }
}

/// A thrown value's message and details (it must be an `Error` with a details array).
fn thrown(error: JsValue) -> (String, Json) {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "not an Error: {error:?}"
    );
    let message = Reflect::get(&error, &s("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    (
        message,
        json(&Reflect::get(&error, &s("details")).unwrap_or(JsValue::NULL)),
    )
}

fn node<'a>(update: &'a Json, code: &str) -> &'a Json {
    update["nodes"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|n| n["code"] == code))
        .unwrap_or(&Json::Null)
}

/// The core's results for a unit of a data file, as the engine's JSON (exact floats).
fn core_nodes(csv: &str, unit: &str) -> Json {
    let framework = embedded::default_framework();
    let parsed = Dataset::from_csv(csv, None);
    let results = dti_core::score(&framework, &parsed.dataset).expect("the core scores it");
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let unit = results.unit(unit).expect("the unit is in the file");
    json(&serde::Serialize::serialize(&unit.nodes, &serializer).unwrap_or(JsValue::NULL))
}

#[wasm_bindgen_test]
fn typed_values_score_as_the_core_scores_the_file() {
    let mut calculator = calculator();
    let update = update(&mut calculator, &QUANG_NINH);
    assert_eq!(update["empty"], false);
    assert_eq!(update["invalid"], json!([]));
    assert_eq!(update["units"], 1);
    let csv = include_str!("../../indicators/data/quang-ninh-2022.csv");
    assert_eq!(update["nodes"], core_nodes(csv, "22"));
    let dti = node(&update, "DTI")["value"].as_f64().unwrap_or(f64::NAN);
    assert_eq!(
        dti_core::format_decimal(dti, 4, dti_core::Lang::En),
        "0.7024"
    );
}

#[wasm_bindgen_test]
fn an_empty_form_says_so_and_a_bad_field_is_left_out() {
    let mut calculator = calculator();
    let empty = update(&mut calculator, &[("I1", ""), ("I2", " ")]);
    assert_eq!(empty["empty"], true);
    let bad = update(
        &mut calculator,
        &[("I1", "1,5"), ("I2", "abc"), ("I7", "1")],
    );
    assert_eq!(bad["empty"], false);
    assert_eq!(bad["invalid"], json!(["I1", "I2"]));
    let mut kinds: Vec<(&str, &str)> = bad["details"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["indicator"].as_str().unwrap_or(""),
                d["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    kinds.sort();
    assert_eq!(kinds, [("I1", "out_of_range"), ("I2", "bad_value")]);
    // I7 alone: 200 of 1000 points.
    assert_eq!(node(&bad, "DTI")["value"], 0.2);
    assert_eq!(node(&bad, "I1")["raw"], Json::Null);
}

#[wasm_bindgen_test]
fn points_and_points_lost_add_up_to_the_maximum_as_shown() {
    let mut calculator = calculator();
    let update = update(&mut calculator, &QUANG_NINH);
    let indicators = update["indicators"].as_array().cloned().unwrap_or_default();
    assert_eq!(indicators.len(), 8);
    for indicator in &indicators {
        let number = |field: &str| indicator[field].as_f64().unwrap_or(f64::NAN);
        let (points, lost, max) = (
            number("points"),
            number("points_lost"),
            number("max_points"),
        );
        // Shown at 2 decimals, as the command line prints them: the two add up to the maximum.
        let hundredths = |x: f64| (x * 100.0).round() as i64;
        assert_eq!(
            hundredths(points) + hundredths(lost),
            hundredths(max),
            "{indicator}"
        );
        assert_eq!(dti_core::round_to(points, 2), points, "{indicator}");
    }
    // Quảng Ninh's I9 (digital-society activity): 67,58 points and 82,42 lost of 150, never
    // 82,43 by rounding each alone.
    let i9 = indicators
        .iter()
        .find(|i| i["code"] == "I9")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (i9["points"].clone(), i9["points_lost"].clone()),
        (json!(67.58), json!(82.42))
    );
}

#[wasm_bindgen_test]
fn the_advice_follows_what_each_indicator_lacks() {
    let mut calculator = calculator();
    let update = update(&mut calculator, &QUANG_NINH);
    let moves: Vec<&str> = update["moves"]
        .as_array()
        .into_iter()
        .flatten()
        .take(3)
        .filter_map(|m| m["indicator"].as_str())
        .collect();
    // Digital-society activity lacks 82 of its 150 points, digital-economy activity 61, the
    // foundation's cyber security 46: a tenth of each gap gains the most there.
    assert_eq!(moves, ["I9", "I8", "I5"]);
    assert_eq!(update["step"], 0.1);
    // With every indicator at the same value, the heaviest comes first.
    let even: Vec<(&str, &str)> = QUANG_NINH.iter().map(|(c, _)| (*c, "0,5")).collect();
    let even = self::update(&mut calculator, &even);
    assert_eq!(even["moves"][0]["indicator"], "I7");
}

#[wasm_bindgen_test]
fn a_file_ranks_the_form_among_its_units() {
    let csv = include_str!("../../indicators/data/synthetic-63-provinces-2022.csv");
    let mut calculator = calculator();
    let loaded = calculator
        .load_file(csv, Some("synthetic.csv".into()))
        .map(|l| json(&l))
        .unwrap_or_else(|e| panic!("{:?}", thrown(e)));
    let units = loaded["units"].as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(units, 63);
    let position = 10;
    let selected = calculator
        .select_unit(position)
        .map(|u| json(&u))
        .unwrap_or_else(|e| panic!("{:?}", thrown(e)));
    let code = selected["code"].as_str().unwrap_or_default().to_string();
    let texts: Vec<(String, String)> = selected["values"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(code, value)| (code.clone(), value.as_f64().unwrap_or(f64::NAN).to_string()))
        .collect();
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(c, t)| (c.as_str(), t.as_str()))
        .collect();
    let unit = js(&json!({ "code": code }));
    let update = json(
        &calculator
            .update(form(&pairs), unit)
            .unwrap_or(JsValue::NULL),
    );
    assert_eq!(update["units"], 63);
    assert_eq!(update["nodes"], core_nodes(csv, &code), "unit {code}");
    assert!(node(&update, "DTI")["rank"].as_u64().is_some());
}

#[wasm_bindgen_test]
fn a_what_if_compares_with_the_kept_values() {
    let mut calculator = calculator();
    update(&mut calculator, &QUANG_NINH);
    calculator.keep_baseline(true);
    let same = update(&mut calculator, &QUANG_NINH);
    assert_eq!(same["changed"], json!({}));
    let mut changed = QUANG_NINH;
    changed[5] = ("I7", "1");
    let update = update(&mut calculator, &changed);
    assert_eq!(update["changed"], json!({ "I7": 1 }));
    let dti = update["whatif"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|n| n["code"] == "DTI"))
        .cloned()
        .unwrap_or(Json::Null);
    let gain = dti["after"].as_f64().unwrap_or(0.0) - dti["before"].as_f64().unwrap_or(0.0);
    assert!((gain - 0.0323).abs() < 1e-12, "{gain}");
    calculator.keep_baseline(false);
    assert_eq!(
        self::update(&mut calculator, &changed)["whatif"],
        Json::Null
    );
}

#[wasm_bindgen_test]
fn goals_are_read_as_data_cells_are() {
    let mut calculator = calculator();
    for text in ["0,75", "0.75", "75%", "3/4"] {
        calculator
            .set_goal(None, "value", text)
            .unwrap_or_else(|e| panic!("{text}: {}", thrown(e).0));
        let plan = &update(&mut calculator, &QUANG_NINH)["plan"];
        assert_eq!(plan["target_value"], 0.75, "{text}");
        assert_eq!(plan["reachable"], true, "{text}");
        assert_eq!(plan["steps"][0]["indicator"], "I7", "{text}");
    }
    // Below the scale: no unit scores less, so it is a mistake; the old plan goes with it.
    let (message, details) = thrown(calculator.set_goal(None, "value", "-1").unwrap_err());
    assert_eq!(details[0]["kind"], "out_of_range", "{message}");
    assert_eq!(update(&mut calculator, &QUANG_NINH)["plan"], Json::Null);
    let (message, details) = thrown(calculator.set_goal(None, "value", "abc").unwrap_err());
    assert_eq!(details[0]["kind"], "bad_value");
    // Said of the index the goal is on, as `dti goal --target` says it (no made-up unit).
    assert_eq!(message, "aggregate DTI: cannot read value `abc`");
    let (_, details) = thrown(calculator.set_goal(None, "value", "").unwrap_err());
    assert_eq!(details[0]["kind"], "bad_value");
    // Above the scale: the plan says how far it gets.
    calculator
        .set_goal(Some("XHS".into()), "value", "1,5")
        .unwrap_or(());
    let plan = &update(&mut calculator, &QUANG_NINH)["plan"];
    assert_eq!(
        (plan["node"].clone(), plan["reachable"].clone()),
        (json!("XHS"), json!(false))
    );
    // A rank needs a file with other units.
    let (message, _) = thrown(calculator.set_goal(None, "rank", "1").unwrap_err());
    assert!(message.contains("from 1 to 1"), "{message}");
    // The node's code is looked up as the core decides, in the core's words.
    let (message, details) = thrown(
        calculator
            .set_goal(Some("Z".into()), "value", "1")
            .unwrap_err(),
    );
    assert_eq!(details[0]["kind"], "unknown_code");
    assert_eq!(details[0]["indicator"], "Z");
    assert!(message.contains("the goal refers to `Z`"), "{message}");
}

#[wasm_bindgen_test]
fn a_rank_goal_among_a_files_units() {
    let csv = "code,I1,I2,I3,I4,I5,I7,I8,I9\n01,0.8,0.8,0.8,0.8,0.8,0.8,0.8,0.8\n22,0.9581,0.9,0.7648,0.625,0.5382,0.8385,0.5904,0.4505\n99,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n";
    let mut calculator = calculator();
    calculator.load_file(csv, None).unwrap_or(JsValue::NULL);
    calculator.select_unit(1).unwrap_or(JsValue::NULL);
    assert!(calculator.set_goal(None, "rank", "4").is_err());
    calculator
        .set_goal(None, "rank", "1")
        .unwrap_or_else(|e| panic!("{}", thrown(e).0));
    let update = update(&mut calculator, &QUANG_NINH);
    assert_eq!(node(&update, "DTI")["rank"], 2);
    assert_eq!(update["plan"]["target_value"], 0.8);
}

#[wasm_bindgen_test]
fn files_too_large_for_the_page_are_refused_with_a_page_hint() {
    let mut csv = String::from("code,I1\n");
    for unit in 0..20_001 {
        csv.push_str(&format!("{unit},0.5\n"));
    }
    let mut calculator = calculator();
    let (message, details) = thrown(
        calculator
            .load_file(&csv, Some("big.csv".into()))
            .unwrap_err(),
    );
    assert!(
        message.contains("more than the limit of 20000 units"),
        "{message}"
    );
    let hint = details[0]["hint"].as_str().unwrap_or_default();
    assert_eq!(
        hint,
        "this limit is fixed: split the file into smaller ones"
    );
    // The calculator keeps working.
    assert_eq!(update(&mut calculator, &QUANG_NINH)["units"], 1);
}

#[wasm_bindgen_test]
fn a_broken_file_is_refused_and_the_previous_one_kept() {
    let mut calculator = calculator();
    let csv =
        "code,I1,I2,I3,I4,I5,I7,I8,I9\n01,1,1,1,1,1,1,1,1\n22,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n";
    calculator.load_file(csv, None).unwrap_or(JsValue::NULL);
    let (_, details) = thrown(
        calculator
            .load_file("code,I1,I2\n22,0,5,0.9\n", Some("broken.csv".into()))
            .unwrap_err(),
    );
    assert_eq!(details[0]["line"], 2);
    assert_eq!(details[0]["file"], "broken.csv");
    assert_eq!(update(&mut calculator, &QUANG_NINH)["units"], 2);
    // A spreadsheet's bytes read as text are not a data file.
    assert!(
        calculator
            .load_file("PK\u{3}\u{4}\u{14}\0\u{6}\0", None)
            .is_err()
    );
}

#[wasm_bindgen_test]
fn bad_arguments_are_refused_never_trapped() {
    assert!(Calculator::new(s("no-such-framework"), s("en")).is_err());
    let (message, _) = thrown(
        Calculator::new(JsValue::from_f64(1.0), s("en"))
            .err()
            .unwrap_or(JsValue::NULL),
    );
    assert!(message.contains("built-in framework"), "{message}");
    let mut calculator = calculator();
    assert!(
        calculator
            .update(JsValue::from_f64(3.0), JsValue::NULL)
            .is_err()
    );
    let nested = js(&json!({ "I1": { "value": 1 } }));
    let (_, details) = thrown(calculator.update(nested, JsValue::NULL).unwrap_err());
    assert_eq!(details[0]["indicator"], "I1");
    let numbers = js(&json!({ "I1": 0.5, "I2": null, "Z9": "1" }));
    let update = json(
        &calculator
            .update(numbers, JsValue::from_f64(7.0))
            .unwrap_or(JsValue::NULL),
    );
    assert_eq!(node(&update, "I1")["raw"], 0.5);
    assert!(update["details"].to_string().contains("unknown_indicator"));
    assert!(calculator.select_unit(0).is_err());
    assert!(calculator.set_goal(None, "median", "1").is_err());
    assert!(Calculator::new(JsValue::UNDEFINED, JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn the_export_reads_back_and_runs_no_formula() {
    let mut calculator = calculator();
    let unit = js(&json!({ "code": "22", "name": "=HYPERLINK(\"http://x\",\"y\")" }));
    let csv = calculator
        .export_csv(form(&QUANG_NINH), unit.clone())
        .unwrap_or_else(|e| panic!("{}", thrown(e).0));
    assert!(csv.starts_with('\u{feff}'), "{csv}");
    assert!(csv.contains(",\"'=HYPERLINK("), "{csv}");
    assert!(
        !csv.contains(",=HYPERLINK(") && !csv.contains(",\"=HYPERLINK("),
        "{csv}"
    );
    // Read back, it is the same unit with the same values.
    calculator
        .load_file(&csv, None)
        .unwrap_or_else(|e| panic!("{:?}", thrown(e)));
    let selected = json(&calculator.select_unit(0).unwrap_or(JsValue::NULL));
    assert_eq!(selected["name"], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(selected["values"]["I7"], 0.8385);
    let typed = json(
        &calculator
            .update(form(&QUANG_NINH), unit)
            .unwrap_or(JsValue::NULL),
    );
    let csv_text = include_str!("../../indicators/data/quang-ninh-2022.csv");
    assert_eq!(typed["nodes"], core_nodes(csv_text, "22"));
}
