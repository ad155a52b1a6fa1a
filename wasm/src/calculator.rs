//! `Calculator`: the guidebook calculator's handle. It owns an embedded framework, the file a
//! reader loaded (the units the form's unit is ranked among), the values a what-if compares
//! with and the goal, so that the widget makes one call, [`Calculator::update`], per keystroke:
//! the values as typed in, everything the calculator shows out.

use std::collections::HashMap;

use dti_core::analysis::goal::{self, Plan, Target};
use dti_core::analysis::whatif::NodeChange;
use dti_core::dataset::ShortText;
use dti_core::explain::{Effort, IndicatorExplanation, Move, explain_scored};
use dti_core::{
    Dataset, Diagnostic, Framework, Lang, Limits, NodeId, NodeResult, Table, UnitInfo, check,
    compute,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Detail, Error};
use crate::words::{self, Message};
use crate::{info, input, to_js};

/// The files a calculator reads: what a page can score on every keystroke without a pause a
/// reader notices (a keystroke rescoring 5,000 units takes a few milliseconds; 20,000 is the
/// most) and what a browser tab holds comfortably. Larger files are refused with a message
/// naming the limit met. Documented in `calculator.d.ts`.
pub fn file_limits() -> Limits {
    Limits {
        max_bytes: 8 << 20,
        max_rows: 200_001,
        max_columns: 1_000,
        max_units: 20_000,
        max_indicators: 1_000,
        max_cells: 400_000,
        ..Limits::default()
    }
}

/// How much one step of effort raises each indicator in the advice: a tenth of what it lacks.
const EFFORT: Effort = Effort::Gap(0.1);

/// A loaded file: the values as read, the values with the form's unit as typed, and which
/// unit the form edits.
struct File {
    loaded: Table,
    working: Table,
    position: usize,
}

/// One state of the form's unit: its raw values (one per indicator, in framework order) and
/// every node's value and rank.
#[derive(Clone)]
struct Snapshot {
    raws: Vec<Option<f64>>,
    nodes: Vec<(Option<f64>, Option<u32>)>,
}

/// The calculator's handle (see the module documentation; its TypeScript declaration is in
/// `calculator.d.ts`).
#[wasm_bindgen(skip_typescript)]
pub struct Calculator {
    framework: Framework,
    lang: Lang,
    file: Option<File>,
    /// What the what-if compares with.
    baseline: Option<Snapshot>,
    /// The values of the last update.
    last: Option<Snapshot>,
    goal: Option<(NodeId, Target)>,
}

/// Pairs written as a JavaScript object `{key: value}` in their order (no map is built).
struct Pairs<'a, V>(Vec<(&'a str, V)>);

impl<V: Serialize> Serialize for Pairs<'_, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// A failure as data: the message and every problem.
#[derive(Serialize)]
struct Failed {
    message: String,
    details: Vec<Detail>,
}

impl From<Error> for Failed {
    fn from(error: Error) -> Failed {
        Failed {
            message: error.message,
            details: error.details,
        }
    }
}

/// Everything the calculator shows for the values of one keystroke.
#[derive(Serialize)]
struct Update<'a> {
    /// True when no value is given: there is nothing to show yet.
    empty: bool,
    /// Indicators whose value has an error: scored as missing until it is fixed.
    invalid: Vec<&'a str>,
    /// Every problem with the values, in the language.
    details: Vec<Detail>,
    /// The unit's result at every node, in scoring order.
    nodes: &'a [NodeResult],
    /// The number of units ranks are among (those of the loaded file, else 1).
    units: usize,
    /// Points and points lost per indicator of the main index, as the command line prints
    /// them: rounded so that each pair adds up to the indicator's maximum.
    indicators: Vec<IndicatorExplanation>,
    /// The indicators by the main index's gain for the same effort, largest first.
    moves: Vec<Move>,
    /// The share of what each indicator lacks that one step of effort closes.
    step: f64,
    /// The indicators whose raw value differs from the baseline: code → value now.
    changed: Pairs<'a, Option<f64>>,
    /// Every node before (the baseline) and now, with ranks; `null` without a baseline.
    whatif: Option<Vec<NodeChange>>,
    /// The plan to the goal, when one is set.
    plan: Option<Plan>,
    /// Why there is no plan, when a goal is set and cannot be planned.
    plan_error: Option<Failed>,
}

/// The units of a loaded file.
#[derive(Serialize)]
struct Loaded {
    units: Vec<UnitInfo>,
    /// Warnings and notes on the file.
    details: Vec<Detail>,
}

/// One unit of a loaded file: its raw values.
#[derive(Serialize)]
struct Selected<'a> {
    #[serde(flatten)]
    unit: &'a UnitInfo,
    values: Pairs<'a, f64>,
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = entries)]
    fn object_entries(value: &JsValue) -> Vec<JsValue>;
}

fn details(diagnostics: &[Diagnostic], lang: Lang) -> Vec<Detail> {
    diagnostics
        .iter()
        .map(|d| Detail::from_diagnostic(d, lang))
        .collect()
}

fn bad_argument(lang: Lang, message: Message<'_>) -> JsValue {
    Error::argument("bad_argument", words::message(message, lang)).into_js()
}

impl Calculator {
    fn fail(&self, diagnostics: &[Diagnostic]) -> JsValue {
        Error::from_diagnostics(diagnostics, self.lang).into_js()
    }

    /// The pairs `(code, text)` of an object `{I1: "0,95", I2: 0.8}`.
    fn fields(&self, values: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
        if values.is_undefined() || values.is_null() {
            return Ok(Vec::new());
        }
        if !values.is_object() {
            return Err(bad_argument(self.lang, Message::ValuesNotObject));
        }
        let mut fields = Vec::new();
        for entry in object_entries(values) {
            let pair: Vec<JsValue> = entry
                .dyn_into::<js_sys::Array>()
                .map_or_else(|_| Vec::new(), |array| array.iter().collect());
            let (Some(code), Some(value)) =
                (pair.first().and_then(JsValue::as_string), pair.get(1))
            else {
                continue;
            };
            let text = match (value.as_string(), value.as_f64()) {
                (Some(text), _) => text,
                (None, Some(number)) => dti_core::decimal::shortest_text(number),
                _ if value.is_null() || value.is_undefined() => String::new(),
                _ => {
                    let message = words::message(Message::ValueNotText { code: &code }, self.lang);
                    let mut error = Error::argument("bad_value", message);
                    error.details[0].indicator = Some(code);
                    return Err(error.into_js());
                }
            };
            fields.push((code, text));
        }
        Ok(fields)
    }

    /// A text field of an object.
    fn text_of(object: &JsValue, key: &str) -> Option<String> {
        if !object.is_object() {
            return None;
        }
        js_sys::Reflect::get(object, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    }

    fn snapshot(&self, table: &Table, unit: usize, nodes: &[NodeResult]) -> Snapshot {
        Snapshot {
            raws: self
                .framework
                .indicators()
                .map(|id| table.indicator_value(&self.framework, unit, id))
                .collect(),
            nodes: nodes.iter().map(|n| (n.value, n.rank)).collect(),
        }
    }
}

#[wasm_bindgen]
impl Calculator {
    /// A calculator for a built-in framework (`undefined`: the 2022 provincial DTI), with
    /// messages in `lang` (`"vi"` by default).
    #[wasm_bindgen(constructor, skip_typescript)]
    pub fn new(framework: JsValue, lang: JsValue) -> Result<Calculator, JsValue> {
        let lang = input::lang(&lang);
        let framework = match framework.as_string() {
            Some(id) => input::built_in(id.trim(), lang)?,
            None if framework.is_undefined() || framework.is_null() => {
                dti_core::embedded::default_framework()
            }
            None => {
                return Err(bad_argument(lang, Message::NotBuiltIn));
            }
        };
        Ok(Calculator {
            framework,
            lang,
            file: None,
            baseline: None,
            last: None,
            goal: None,
        })
    }

    /// The largest file, in bytes of text, that [`Calculator::load_file`] reads (a page checks
    /// a file's size before reading it).
    #[wasm_bindgen(js_name = maxFileBytes, skip_typescript)]
    pub fn max_file_bytes() -> f64 {
        file_limits().max_bytes as f64
    }

    /// The framework, as a form and its charts need it.
    #[wasm_bindgen(skip_typescript)]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        to_js(&info::describe(&self.framework))
    }

    /// The language of messages from now on.
    #[wasm_bindgen(js_name = setLang, skip_typescript)]
    pub fn set_lang(&mut self, lang: JsValue) {
        self.lang = input::lang(&lang);
    }

    /// Reads a data file (CSV or JSON text) whose units the form's unit is then ranked among;
    /// the first unit is the one the form edits. Throws with every problem when the file
    /// cannot be scored, and keeps the previous file then.
    #[wasm_bindgen(js_name = loadFile, skip_typescript)]
    pub fn load_file(&mut self, text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
        let parsed = Dataset::parse_with(text, name.as_deref(), &file_limits());
        if parsed.has_errors() {
            return Err(self.fail(&parsed.diagnostics));
        }
        let checked = check(&self.framework, &parsed.dataset);
        let diagnostics =
            dti_core::diagnostic::merge(&self.framework, parsed.diagnostics, checked.diagnostics);
        if dti_core::diagnostic::has_errors(&diagnostics) {
            return Err(self.fail(&diagnostics));
        }
        let mut notes = diagnostics;
        let results = match compute(&self.framework, &checked.table) {
            Ok(results) => results,
            Err(failure) => {
                notes.extend(failure.diagnostics);
                return Err(self.fail(&notes));
            }
        };
        notes.extend(results.diagnostics);
        let loaded = Loaded {
            units: checked.table.units().to_vec(),
            details: details(&notes, self.lang),
        };
        self.file = Some(File {
            working: checked.table.clone(),
            loaded: checked.table,
            position: 0,
        });
        self.baseline = None;
        to_js(&loaded)
    }

    /// Makes the unit at `position` of the loaded file the one the form edits, with the file's
    /// values for every other unit; returns its code, name and raw values.
    #[wasm_bindgen(js_name = selectUnit, skip_typescript)]
    pub fn select_unit(&mut self, position: usize) -> Result<JsValue, JsValue> {
        let framework = &self.framework;
        let Some(file) = self.file.as_mut().filter(|f| position < f.loaded.n_units()) else {
            return Err(bad_argument(self.lang, Message::NoUnitAtPosition));
        };
        file.working = file.loaded.clone();
        file.position = position;
        self.baseline = None;
        let table = &file.loaded;
        let values = framework
            .indicators()
            .filter_map(|id| {
                let raw = table.indicator_value(framework, position, id)?;
                Some((framework.node(id).code.as_str(), raw))
            })
            .collect();
        to_js(&Selected {
            unit: &table.units()[position],
            values: Pairs(values),
        })
    }

    /// Forgets the loaded file: the form's unit stands alone again.
    #[wasm_bindgen(js_name = closeFile, skip_typescript)]
    pub fn close_file(&mut self) {
        self.file = None;
        self.baseline = None;
    }

    /// Keeps the values of the last update as the ones a what-if compares with (`false`: no
    /// what-if).
    #[wasm_bindgen(js_name = keepBaseline, skip_typescript)]
    pub fn keep_baseline(&mut self, keep: bool) {
        self.baseline = if keep { self.last.clone() } else { None };
    }

    /// Sets the goal the plan of each update aims at: a value of an index (`kind` `"value"`,
    /// `text` read as data cells are: `0,75`, `75%`) or a rank among the loaded file's units
    /// (`"rank"`, a whole number). `node` is the index's code (`null`: the main one). Throws,
    /// and clears the goal, when the text cannot be read.
    #[wasm_bindgen(js_name = setGoal, skip_typescript)]
    pub fn set_goal(
        &mut self,
        node: Option<String>,
        kind: &str,
        text: &str,
    ) -> Result<(), JsValue> {
        self.goal = None;
        let lang = self.lang;
        let node = match node.as_deref().map(str::trim) {
            None | Some("") => self.framework.main_index(),
            Some(code) => dti_core::analysis::node_named(&self.framework, code, "goal")
                .map_err(|problem| Error::about_code(&problem, code, lang).into_js())?,
        };
        let target = match kind {
            "value" => {
                let units = self.file.as_ref().map_or(1, |f| f.loaded.n_units());
                let value = goal::read_target(&self.framework, node, units, text)
                    .map_err(|refused| self.fail(&refused.diagnostics))?;
                Target::Value { value }
            }
            "rank" => {
                let units = self.file.as_ref().map_or(1, |f| f.loaded.n_units());
                match text.trim().parse::<u32>() {
                    Ok(rank) if units >= 2 && rank >= 1 && rank as usize <= units => {
                        Target::Rank { rank }
                    }
                    _ => {
                        let message = words::message(Message::RankOutOfRange { units }, lang);
                        return Err(Error::argument("bad_value", message).into_js());
                    }
                }
            }
            _ => {
                return Err(bad_argument(lang, Message::GoalKind));
            }
        };
        self.goal = Some((node, target));
        Ok(())
    }

    /// Clears the goal.
    #[wasm_bindgen(js_name = clearGoal, skip_typescript)]
    pub fn clear_goal(&mut self) {
        self.goal = None;
    }

    /// The form's values as a data file to open in a spreadsheet and read back: the
    /// framework's template for the unit (a byte order mark, the headers in the language, one
    /// row per indicator) with each value as typed; cells a spreadsheet would run as formulas
    /// are neutralised by the core's CSV writer.
    #[wasm_bindgen(js_name = exportCsv, skip_typescript)]
    pub fn export_csv(&self, values: JsValue, unit: JsValue) -> Result<String, JsValue> {
        let fields = self.fields(&values)?;
        let text = |key| Self::text_of(&unit, key).filter(|t| !t.trim().is_empty());
        let unit = dti_core::template::UnitFields {
            code: text("code"),
            name: text("name"),
            year: None,
        };
        let mut template = dti_core::template::template(&self.framework, &unit, self.lang);
        let value_column = template.input_columns.start;
        for (row, code) in template.rows.iter_mut().zip(&template.indicators) {
            if let Some((_, typed)) = fields.iter().find(|(c, _)| c == code) {
                row[value_column] = typed.trim().to_string();
            }
        }
        Ok(template.to_csv())
    }

    /// Reads the form's values (`{I1: "0,9581", …}`, as typed) for a unit (`{code, name}`),
    /// checks and scores them (among the loaded file's units), and returns everything the
    /// calculator shows: per-field problems, the results, the points lost, the advice, the
    /// what-if against the baseline and the plan to the goal.
    #[wasm_bindgen(skip_typescript)]
    pub fn update(&mut self, values: JsValue, unit: JsValue) -> Result<JsValue, JsValue> {
        let lang = self.lang;
        let fields = self.fields(&values)?;
        let code = Self::text_of(&unit, "code")
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| "00".into());
        let mut info = UnitInfo::new(code);
        info.name = Self::text_of(&unit, "name")
            .map(|n| ShortText::from(n.trim()))
            .filter(|n| !n.is_empty());
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(c, t)| (c.as_str(), t.as_str()))
            .collect();
        let form = Dataset::from_form(info, &pairs);
        let checked = check(&self.framework, &form.dataset);
        let diagnostics =
            dti_core::diagnostic::merge(&self.framework, form.diagnostics, checked.diagnostics);
        let framework = &self.framework;
        let invalid: Vec<&str> = framework
            .indicators()
            .map(|id| framework.node(id).code.as_str())
            .filter(|code| {
                diagnostics
                    .iter()
                    .any(|d| d.is_error() && d.location.indicator.as_deref() == Some(*code))
            })
            .collect();
        let empty = invalid.is_empty()
            && framework
                .indicators()
                .all(|id| checked.table.indicator_value(framework, 0, id).is_none());

        if let Some(file) = self.file.as_mut() {
            for (column, id) in framework.indicators().enumerate() {
                let value = checked.table.indicator_value(framework, 0, id);
                // Values in the checked table are finite, so the table takes them.
                let _ = file.working.set(file.position, column, value);
            }
        }
        let (table, position) = match &self.file {
            Some(file) => (&file.working, file.position),
            None => (&checked.table, 0),
        };
        let fail = |failure: dti_core::Failure| Error::from_failure(&failure, lang).into_js();
        let results = compute(framework, table).map_err(fail)?;
        let explanation =
            explain_scored(framework, table, &results, position, None, EFFORT).map_err(fail)?;
        let nodes = results.row(position).nodes;
        let now = self.snapshot(table, position, &nodes);

        let mut changed = Vec::new();
        let whatif = self.baseline.as_ref().map(|before| {
            for ((id, was), is) in framework.indicators().zip(&before.raws).zip(&now.raws) {
                if was != is {
                    changed.push((framework.node(id).code.as_str(), *is));
                }
            }
            nodes
                .iter()
                .zip(&before.nodes)
                .map(|(node, &(value, rank))| NodeChange {
                    code: node.code.to_string(),
                    before: value,
                    after: node.value,
                    rank_before: rank,
                    rank_after: node.rank,
                })
                .collect()
        });
        let (plan, plan_error) = match self.goal {
            None => (None, None),
            Some((node, target)) => {
                match goal::seek_scored(
                    framework,
                    table,
                    &results,
                    position,
                    node,
                    target,
                    &HashMap::new(),
                ) {
                    Ok(plan) => (Some(plan), None),
                    Err(failure) => (None, Some(Error::from_failure(&failure, lang).into())),
                }
            }
        };
        let update = Update {
            empty,
            invalid,
            details: details(&diagnostics, lang),
            nodes: &nodes,
            units: table.n_units(),
            indicators: explanation.indicators.into_iter().map(shown).collect(),
            moves: explanation.best_moves,
            step: explanation.step,
            changed: Pairs(changed),
            whatif,
            plan,
            plan_error,
        };
        let out = to_js(&update);
        self.last = Some(now);
        out
    }
}

/// An indicator's explanation with its points, points lost and gain as printed (see
/// [`IndicatorExplanation::shown`]), so the widget's columns add up as the command line's do.
fn shown(mut indicator: IndicatorExplanation) -> IndicatorExplanation {
    let (points, lost, gain) = indicator.shown();
    indicator.points = points;
    indicator.points_lost = lost;
    indicator.gain_if_full_points = gain;
    indicator
}
