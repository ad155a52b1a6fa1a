//! `build`: the construction pipeline of a framework's `[pipeline]` table, for analysts'
//! pages. Compiled only with the `pipeline` feature: the guidebook calculator leaves it out
//! to stay within its size budget.

use dti_core::pipeline::{
    self, DroppedUnit, ImputedCell, PipelineError, Stage, Table, TreatmentRecord,
};
use dti_core::{Diagnostic, Location};
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
        let columns: Vec<&[Option<f64>]> = (0..table.columns().len())
            .map(|j| table.column_at(j))
            .collect();
        StageTable {
            stage: stage.name().to_lowercase(),
            units: table.units().to_vec(),
            columns: table.columns().to_vec(),
            values: (0..table.n_units())
                .map(|i| columns.iter().map(|column| column[i]).collect())
                .collect(),
        }
    }
}

/// A node's weight among its siblings and in the whole index.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Weight {
    code: String,
    level: Option<u32>,
    weight: Option<f64>,
    effective_weight: f64,
}

/// Everything a build produced.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Built<'a> {
    framework: &'a str,
    weights: Option<String>,
    stages: Vec<StageTable>,
    index: Option<String>,
    ranks: Option<Vec<Option<usize>>>,
    effective_weights: Vec<Weight>,
    imputed: &'a [ImputedCell],
    dropped: &'a [DroppedUnit],
    treatment: &'a [TreatmentRecord],
    details: Vec<Detail>,
}

/// Runs the framework's `[pipeline]` on raw data, optionally with a named weight set; returns
/// every stage's table, the index's ranks, effective weights and what the steps changed.
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
    let (tree, results) = pipeline::build(&framework, &parsed.dataset, weights.as_deref())
        .map_err(|error| match error {
            PipelineError::Value {
                column,
                unit,
                problem,
            } => {
                let location = Location::file(None).unit(unit).indicator(column);
                Error::from_diagnostics(&[Diagnostic::error(location, problem)], lang)
            }
            other => Error::argument("pipeline", other.to_string()),
        })?;
    let stages = Stage::ALL
        .iter()
        .filter_map(|&stage| results.stage(stage).map(|t| StageTable::new(stage, t)))
        .collect();
    let index = tree
        .aggregate_codes()
        .into_iter()
        .max_by_key(|code| tree.level(code).unwrap_or(0));
    let ranks = index.as_deref().and_then(|code| results.ranks(code));
    let effective_weights = results
        .effective_weights()
        .iter()
        .map(|(code, effective)| Weight {
            code: code.clone(),
            level: tree.level(code),
            weight: tree.node(code).map(|n| n.weight),
            effective_weight: *effective,
        })
        .collect();
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
            .map(|d| Detail::from_diagnostic(d, lang))
            .collect(),
    })
}
