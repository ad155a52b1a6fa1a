//! `build`: the construction steps of a framework's `[pipeline]` table, then scoring, for
//! analysts' pages. Compiled only with the `pipeline` feature: the guidebook calculator leaves it out
//! to stay within its size budget.

use dti_core::pipeline::{self, DroppedUnit, ImputedCell, TreatmentRecord};
use dti_core::{NodeWeight, Table, pipeline::Stage};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Detail, Error};
use crate::{input, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = include_str!("pipeline.d.ts");

/// One stage's table, row by row.
#[derive(Serialize)]
struct StageTable {
    stage: String,
    units: Vec<String>,
    columns: Vec<String>,
    values: Vec<Vec<Option<f64>>>,
}

impl StageTable {
    fn new(stage: Stage, table: &Table) -> StageTable {
        StageTable {
            stage: stage.name().to_ascii_lowercase(),
            units: table.units().iter().map(|u| u.code.to_string()).collect(),
            columns: table.columns().to_vec(),
            values: table.rows(),
        }
    }
}

/// Everything a build produced.
#[derive(Serialize)]
struct Built<'a> {
    framework: &'a str,
    weights: Option<String>,
    stages: Vec<StageTable>,
    index: Option<String>,
    ranks: Option<Vec<Option<u32>>>,
    effective_weights: Vec<NodeWeight>,
    imputed: &'a [ImputedCell],
    dropped: &'a [DroppedUnit],
    treatment: &'a [TreatmentRecord],
    details: Vec<Detail>,
}

/// Runs the framework's `[pipeline]` steps on raw data, then scores it, optionally with a
/// named weight set; returns every stage's table, the main index's ranks, effective weights
/// and what the steps changed.
#[wasm_bindgen(skip_typescript)]
pub fn build(
    framework: JsValue,
    data: JsValue,
    weights: JsValue,
    lang: JsValue,
) -> Result<JsValue, JsValue> {
    let lang = input::lang(&lang);
    let framework = input::framework(&framework, lang)?;
    let parsed = input::readable_data(&data, lang)?;
    let weights = weights.as_string();
    let results = pipeline::build(&framework, &parsed.dataset, weights.as_deref())
        .map_err(|failure| Error::from_failure(&failure, lang))?;
    let stages = results
        .stages()
        .into_iter()
        .filter_map(|stage| results.stage(stage).map(|t| StageTable::new(stage, t)))
        .collect();
    let main = framework.main_index();
    let index = Some(framework.node(main).code.clone());
    let ranks = Some(results.ranks(main));
    let effective_weights = results.framework().weight_table();
    to_js(&Built {
        framework: framework.id(),
        weights,
        stages,
        index,
        ranks,
        effective_weights,
        imputed: results.imputed_cells(),
        dropped: results.dropped_units(),
        treatment: results.treatment(),
        details: parsed
            .diagnostics
            .iter()
            .chain(results.diagnostics())
            .map(|d| Detail::from_diagnostic(d, lang))
            .collect(),
    })
}
