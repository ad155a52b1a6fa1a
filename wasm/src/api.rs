//! The stateless function API for analysts' pages (cargo feature `api`): every function takes
//! the framework and the data, as ids, text or objects, and returns plain objects in the shapes
//! the CLI prints as JSON. The calculator's module leaves it out (its `Calculator` keeps the
//! framework and the data between calls instead).

use dti_core::{Lang, Results, check, explain::Explanation};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Detail, Error};
use crate::words::{self, Message};
use crate::{analysis, info, input, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = include_str!("api.d.ts");

/// The frameworks shipped with the library.
#[wasm_bindgen(js_name = listFrameworks, skip_typescript)]
pub fn list_frameworks() -> Result<JsValue, JsValue> {
    to_js(&info::list())
}

/// Loads a framework (embedded id, TOML/JSON text or object) and describes it.
#[wasm_bindgen(js_name = loadFramework, skip_typescript)]
pub fn load_framework(framework: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    to_js(&info::describe(&framework))
}

/// What checking data against a framework found.
#[derive(Serialize)]
struct Validation {
    /// True when the data can be scored (no errors).
    ok: bool,
    /// Every problem: errors, warnings and notes, reading problems first.
    details: Vec<Detail>,
}

/// Data read and checked, with every remark the way every front end shows them
/// ([`dti_core::diagnostic::merge`]).
fn read_and_check(
    framework: &dti_core::Framework,
    data: &JsValue,
    lang: Lang,
) -> Result<(dti_core::Table, Vec<dti_core::Diagnostic>), Error> {
    let parsed = input::data(data, lang)?;
    let checked = check(framework, &parsed.dataset);
    let diagnostics =
        dti_core::diagnostic::merge(framework, parsed.diagnostics, checked.diagnostics);
    Ok((checked.table, diagnostics))
}

/// Data read and checked for an analysis of one unit: the checked values and the remarks;
/// fails with every problem when the data has errors.
pub(crate) fn checked_table(
    framework: &dti_core::Framework,
    data: &JsValue,
    lang: Lang,
) -> Result<(dti_core::Table, Vec<Detail>), Error> {
    let (table, diagnostics) = read_and_check(framework, data, lang)?;
    if dti_core::diagnostic::has_errors(&diagnostics) {
        return Err(Error::from_diagnostics(&diagnostics, lang));
    }
    let details = diagnostics
        .iter()
        .map(|d| Detail::from_diagnostic(d, lang))
        .collect();
    Ok((table, details))
}

/// Checks data against a framework. Throws only when the framework or the arguments
/// cannot be read; problems in the data are returned.
#[wasm_bindgen(skip_typescript)]
pub fn validate(framework: JsValue, data: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    let (_, diagnostics) = read_and_check(&framework, &data, lang)?;
    let details: Vec<Detail> = diagnostics
        .iter()
        .map(|d| Detail::from_diagnostic(d, lang))
        .collect();
    let ok = !dti_core::diagnostic::has_errors(&diagnostics);
    to_js(&Validation { ok, details })
}

/// Results with every reading and checking remark.
#[derive(Serialize)]
struct Scored {
    #[serde(flatten)]
    results: Results,
    /// Warnings and notes in the requested language (reading notes first).
    details: Vec<Detail>,
}

/// Scores data with a framework; throws with every problem when the data has errors.
#[wasm_bindgen(skip_typescript)]
pub fn score(framework: JsValue, data: JsValue, lang: JsValue) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    let parsed = input::readable_data(&data, lang)?;
    let results = dti_core::score(&framework, &parsed.dataset).map_err(|failure| {
        let all = dti_core::diagnostic::merge(
            &framework,
            parsed.diagnostics.clone(),
            failure.diagnostics,
        );
        Error::from_diagnostics(&all, lang)
    })?;
    let details =
        dti_core::diagnostic::merge(&framework, parsed.diagnostics, results.diagnostics.clone())
            .iter()
            .map(|d| Detail::from_diagnostic(d, lang))
            .collect();
    to_js(&Scored { results, details })
}

/// An explanation with its remarks.
#[derive(Serialize)]
struct Explained {
    #[serde(flatten)]
    explanation: Explanation,
    /// Warnings and notes in the requested language.
    details: Vec<Detail>,
}

/// The share of an indicator's scale used to compare effort: a tenth.
const STEP: f64 = 0.1;

/// Where one unit lost points on the overall index, and the changes that gain the most.
#[wasm_bindgen(skip_typescript)]
pub fn explain(
    framework: JsValue,
    data: JsValue,
    unit: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    let (table, details) = checked_table(&framework, &data, lang)?;
    let position = analysis::unit_position(table.units(), &unit, lang)?;
    let explanation = dti_core::explain::explain(&framework, &table, position, None, STEP)
        .map_err(|failure| Error::from_failure(&failure, lang))?;
    to_js(&Explained {
        explanation,
        details,
    })
}

/// Changes some values of one unit (default: the first) and rescores every unit: every node
/// of that unit before and after, with its rank, and the full results after.
#[wasm_bindgen(js_name = whatIf, skip_typescript)]
pub fn what_if(
    framework: JsValue,
    data: JsValue,
    unit: JsValue,
    changes: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    to_js(&analysis::what_if(
        &framework, &data, &unit, &changes, lang,
    )?)
}

/// The cheapest indicator improvements that take one unit to a target value or rank of a
/// node (default: the overall index), with optional effort costs per indicator.
#[wasm_bindgen(js_name = seekGoal, skip_typescript)]
pub fn seek_goal(
    framework: JsValue,
    data: JsValue,
    unit: JsValue,
    goal: JsValue,
    costs: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    to_js(&analysis::seek_goal(
        &framework, &data, &unit, &goal, &costs, lang,
    )?)
}

/// Results of merged units from the former units' data: `"mean"` (the official 2024 method)
/// or `"pooled"`; the 2025 provincial mapping unless a mapping CSV is given.
#[wasm_bindgen(js_name = mergeProvinces, skip_typescript)]
pub fn merge_provinces(
    framework: JsValue,
    data: JsValue,
    method: JsValue,
    mapping: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    to_js(&analysis::merge_provinces(
        &framework, &data, &method, &mapping, lang,
    )?)
}

/// A data file to fill in for a framework: `"csv"` (default) or `"json"`, for a unit code when
/// one is given (left blank otherwise, to be filled in).
#[wasm_bindgen(skip_typescript)]
pub fn template(
    framework: JsValue,
    format: JsValue,
    lang: JsValue,
    unit: JsValue,
) -> Result<String, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    let unit = dti_core::template::UnitFields {
        code: unit.as_string().filter(|code| !code.trim().is_empty()),
        ..Default::default()
    };
    let template = dti_core::template::template(&framework, &unit, lang);
    match format.as_string().as_deref().map(str::trim) {
        None | Some("csv") | Some("") => Ok(template.to_csv()),
        Some("json") => Ok(template.to_json()),
        Some(other) => {
            let message = words::message(Message::UnsupportedFormat { format: other }, lang);
            Err(Error::argument("bad_argument", message).into_js())
        }
    }
}
