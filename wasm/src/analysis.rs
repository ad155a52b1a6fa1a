//! The decision analyses: what-if, goal seeking and merged provinces.
//!
//! The small option objects (changes, goal, costs, method) are read like data and frameworks:
//! through the engine's `JSON.stringify` (which throws catchably on cycles and getters) into
//! `serde_json` values, so no argument can trap the module.

use std::collections::HashMap;

use dti_core::analysis::{goal, merge, whatif};
use dti_core::{Framework, Lang, NodeId, Results, UnitInfo, embedded};
use serde::Serialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::error::{Detail, Error};
use crate::input;
use crate::words::{self, Argument, Message};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
}

fn bad_argument(argument: Argument, lang: Lang) -> Error {
    Error::argument(
        "bad_argument",
        words::message(Message::MustBe(argument), lang),
    )
}

/// An error about one indicator code given in an argument.
fn indicator_error(kind: &str, code: &str, message: String) -> Error {
    let mut error = Error::argument(kind, message);
    if let Some(detail) = error.details.first_mut() {
        detail.indicator = Some(code.to_string());
    }
    error
}

/// The indicator with a code (see [`dti_core::analysis::indicator_named`]), or an error
/// naming it.
fn indicator(
    framework: &Framework,
    code: &str,
    referenced_by: &str,
    lang: Lang,
) -> Result<NodeId, Error> {
    dti_core::analysis::indicator_named(framework, code, referenced_by)
        .map_err(|problem| Error::about_code(&problem, code, lang))
}

/// An object argument as a JSON object (`null`/`undefined` give an empty one).
fn object(value: &JsValue, argument: Argument, lang: Lang) -> Result<Json, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Json::Object(Default::default()));
    }
    if !value.is_object() {
        return Err(bad_argument(argument, lang));
    }
    let text = input::object_text(value, argument, lang)?;
    match serde_json::from_str::<Json>(&text) {
        Ok(json @ Json::Object(_)) => Ok(json),
        _ => Err(bad_argument(argument, lang)),
    }
}

/// Reads `{I7: 1, I8: null}`: new values in each indicator's unit, `null` to remove one.
fn changes(
    framework: &Framework,
    value: &JsValue,
    lang: Lang,
) -> Result<Vec<(NodeId, Option<f64>)>, Error> {
    let Json::Object(map) = object(value, Argument::Changes, lang)? else {
        return Err(bad_argument(Argument::Changes, lang));
    };
    let mut out = Vec::with_capacity(map.len());
    for (code, new) in map {
        let id = indicator(framework, &code, "what-if", lang)?;
        let new = match new {
            Json::Number(n) => n.as_f64(),
            // JSON.stringify writes NaN and ±Infinity as null: look at the value itself, so
            // they are refused as out of range instead of silently removing the value.
            Json::Null => reflect_get(value, &JsValue::from_str(&code))
                .ok()
                .and_then(|v| v.as_f64()),
            _ => {
                let message = words::message(Message::NewValueNotNumber { code: &code }, lang);
                return Err(indicator_error("bad_value", &code, message));
            }
        };
        out.push((id, new));
    }
    Ok(out)
}

/// The position of a unit given by its code; the first unit for `null`/`undefined`.
pub fn unit_position(units: &[UnitInfo], unit: &JsValue, lang: Lang) -> Result<usize, Error> {
    let position = match unit.as_string() {
        Some(code) => units.iter().position(|u| u.has_code(&code)),
        None if unit.is_undefined() || unit.is_null() => (!units.is_empty()).then_some(0),
        None => None,
    };
    position.ok_or_else(|| {
        let asked = unit.as_string().unwrap_or_default();
        let message = dti_core::words::unit_not_in_data(&asked, lang);
        let mut error = Error::argument("unknown_unit", message);
        if let Some(detail) = error.details.first_mut() {
            detail.unit = unit.as_string();
        }
        error
    })
}

/// A what-if with the remarks on the data.
#[derive(Serialize)]
pub struct WhatIfResult {
    #[serde(flatten)]
    outcome: whatif::WhatIf,
    details: Vec<Detail>,
}

/// Changes values of one unit and rescores every unit.
pub fn what_if(
    framework: &JsValue,
    data: &JsValue,
    unit: &JsValue,
    new_values: &JsValue,
    lang: Lang,
) -> Result<WhatIfResult, Error> {
    let framework = input::framework(framework, lang)?;
    let (table, details) = crate::api::checked_table(&framework, data, lang)?;
    let position = unit_position(table.units(), unit, lang)?;
    let changes = changes(&framework, new_values, lang)?;
    let outcome = whatif::what_if(&framework, &table, position, &changes)
        .map_err(|failure| Error::from_failure(&failure, lang))?;
    Ok(WhatIfResult { outcome, details })
}

/// Reads `{node?, value}` or `{node?, rank}`; the node is the framework's root by default.
fn target(
    framework: &Framework,
    value: &JsValue,
    lang: Lang,
) -> Result<(NodeId, goal::Target), Error> {
    let goal = object(value, Argument::Goal, lang)?;
    let node = match &goal["node"] {
        Json::Null => framework.main_index(),
        json => {
            let code = json
                .as_str()
                .map_or_else(|| json.to_string(), |code| code.trim().to_string());
            dti_core::analysis::node_named(framework, &code, "goal")
                .map_err(|problem| Error::about_code(&problem, &code, lang))?
        }
    };
    let target = match (&goal["value"], &goal["rank"]) {
        (Json::Number(v), Json::Null) => v.as_f64().map(|value| goal::Target::Value { value }),
        (Json::Null, Json::Number(r)) => r
            .as_u64()
            .filter(|&r| r >= 1)
            .and_then(|r| u32::try_from(r).ok())
            .map(|rank| goal::Target::Rank { rank }),
        _ => None,
    };
    let target = target.ok_or_else(|| {
        let message = words::message(Message::GoalNeedsValueOrRank, lang);
        Error::argument("bad_argument", message)
    })?;
    Ok((node, target))
}

/// Reads effort costs: CSV text `indicator,cost` or an object `{I7: 2}`; none for `null`.
fn costs(
    framework: &Framework,
    value: &JsValue,
    lang: Lang,
) -> Result<HashMap<NodeId, f64>, Error> {
    if let Some(text) = value.as_string() {
        return goal::parse_costs(framework, &text, None)
            .map_err(|failure| Error::from_failure(&failure, lang));
    }
    let Json::Object(map) = object(value, Argument::Costs, lang)? else {
        return Err(bad_argument(Argument::Costs, lang));
    };
    let mut out = HashMap::with_capacity(map.len());
    for (code, cost) in map {
        let id = indicator(framework, &code, "costs", lang)?;
        match cost.as_f64() {
            Some(cost) if cost > 0.0 && cost.is_finite() => {
                out.insert(id, cost);
            }
            _ => {
                let message = words::message(Message::CostNotPositive { code: &code }, lang);
                return Err(indicator_error("bad_value", &code, message));
            }
        }
    }
    Ok(out)
}

/// A plan with the remarks on the data.
#[derive(Serialize)]
pub struct PlanResult {
    #[serde(flatten)]
    plan: goal::Plan,
    details: Vec<Detail>,
}

/// The cheapest set of indicator improvements that takes a unit to a target.
pub fn seek_goal(
    framework: &JsValue,
    data: &JsValue,
    unit: &JsValue,
    goal_value: &JsValue,
    costs_value: &JsValue,
    lang: Lang,
) -> Result<PlanResult, Error> {
    let framework = input::framework(framework, lang)?;
    let (table, details) = crate::api::checked_table(&framework, data, lang)?;
    let position = unit_position(table.units(), unit, lang)?;
    let (node, target) = target(&framework, goal_value, lang)?;
    let costs = costs(&framework, costs_value, lang)?;
    let plan = goal::seek(&framework, &table, position, node, target, &costs)
        .map_err(|failure| Error::from_failure(&failure, lang))?;
    Ok(PlanResult { plan, details })
}

/// A new unit and the former units it was formed from.
#[derive(Serialize)]
pub struct MergedUnit {
    code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    formers: Vec<String>,
    /// The former units the data has.
    with_data: Vec<String>,
    /// The former units the data lacks (all of them: the unit has no value and no rank).
    without_data: Vec<String>,
}

/// Results of the merged units, with the mapping and the remarks.
#[derive(Serialize)]
pub struct MergeResult {
    #[serde(flatten)]
    results: Results,
    method: &'static str,
    mapping: Vec<MergedUnit>,
    details: Vec<Detail>,
}

/// Reads `"mean"`, `"pooled"` or `{kind: "pooled", weights: {code: number}}`.
fn method(value: &JsValue, lang: Lang) -> Result<merge::Method, Error> {
    let json = match value.as_string() {
        Some(kind) => serde_json::json!({ "kind": kind.trim() }),
        None if value.is_undefined() || value.is_null() => serde_json::json!({ "kind": "mean" }),
        None => object(value, Argument::Method, lang)?,
    };
    match (json["kind"].as_str(), &json["weights"]) {
        (Some("mean"), Json::Null) => Ok(merge::Method::Mean),
        (Some("pooled"), Json::Null) => Ok(merge::Method::Pooled {
            weights: HashMap::new(),
        }),
        (Some("pooled"), Json::Object(map)) => {
            let mut weights = HashMap::with_capacity(map.len());
            for (code, weight) in map {
                match weight.as_f64() {
                    Some(w) if w >= 0.0 && w.is_finite() => {
                        weights.insert(code.trim().to_string(), w);
                    }
                    _ => {
                        let message = words::message(Message::WeightNegative { code }, lang);
                        let mut error = Error::argument("bad_value", message);
                        if let Some(detail) = error.details.first_mut() {
                            detail.unit = Some(code.clone());
                        }
                        return Err(error);
                    }
                }
            }
            Ok(merge::Method::Pooled { weights })
        }
        _ => Err(bad_argument(Argument::Method, lang)),
    }
}

/// Scores the merged units formed from the former units' data.
pub fn merge_provinces(
    framework: &JsValue,
    data: &JsValue,
    method_value: &JsValue,
    mapping: &JsValue,
    lang: Lang,
) -> Result<MergeResult, Error> {
    let framework = input::framework(framework, lang)?;
    let method = method(method_value, lang)?;
    let mapping = match mapping.as_string() {
        Some(text) => merge::parse_mapping(&text, None),
        None if mapping.is_undefined() || mapping.is_null() => {
            merge::parse_mapping(embedded::MERGERS_2025, Some("mergers-2025.csv"))
        }
        None => {
            return Err(bad_argument(Argument::Mapping, lang));
        }
    }
    .map_err(|failure| Error::from_failure(&failure, lang))?;
    let parsed = input::readable_data(data, lang)?;
    let merged = merge::merge(
        &framework,
        &parsed.dataset,
        &mapping,
        &method,
        merge::Partial::Refuse,
    )
    .map_err(|failure| Error::from_failure(&failure, lang))?;
    let results = dti_core::compute(&framework, &merged.table)
        .map_err(|failure| Error::from_failure(&failure, lang))?;
    let details = parsed
        .diagnostics
        .iter()
        .chain(&merged.diagnostics)
        .chain(&results.diagnostics)
        .map(|d| Detail::from_diagnostic(d, lang))
        .collect();
    let mapping = mapping
        .units
        .into_iter()
        .zip(merged.members)
        .map(|((unit, formers), members)| MergedUnit {
            code: unit.code.to_string(),
            name: unit.name.as_deref().map(str::to_string),
            formers,
            with_data: members.with_data,
            without_data: members.without_data,
        })
        .collect();
    let method = match method {
        merge::Method::Mean => "mean",
        merge::Method::Pooled { .. } => "pooled",
    };
    Ok(MergeResult {
        results,
        method,
        mapping,
        details,
    })
}
