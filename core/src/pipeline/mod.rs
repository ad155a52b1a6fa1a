//! The JRC/OECD construction pipeline of a composite index: the steps that prepare raw data
//! (denominate, impute, screen, treat outliers), declared in a framework's `[pipeline]` table,
//! followed by exactly the scoring `dti score` does (each indicator's rule, each aggregate's
//! method, up the framework's graph).
//!
//! ```
//! use dti_core::{Dataset, Framework, pipeline};
//!
//! let framework = Framework::from_toml(r#"
//!     id = "two"
//!     names = { vi = "Hai", en = "Two" }
//!     missing = "skip"
//!     [[indicator]]
//!     code = "x"
//!     names = { vi = "x", en = "x" }
//!     unit = "number"
//!     rule = { method = "min_max", high = 100 }
//!     [[indicator]]
//!     code = "y"
//!     names = { vi = "y", en = "y" }
//!     unit = "number"
//!     direction = "lower"
//!     rule = { method = "min_max", high = 100 }
//!     [[aggregate]]
//!     code = "Index"
//!     names = { vi = "Chỉ số", en = "Index" }
//!     children = ["x", "y"]
//!     [pipeline.impute]
//!     default = { method = "mean" }
//! "#, None).unwrap();
//! let data = Dataset::from_csv("code,x,y\nA,1,30\nB,2,\nC,3,10\n", None).dataset;
//! let built = pipeline::build(&framework, &data, None).unwrap();
//! // B's missing y is filled with the mean, 20, which min-max puts half way.
//! assert_eq!(built.stage(pipeline::Stage::Imputed).unwrap().value("B", "y"), Some(20.0));
//! assert_eq!(built.results().value("B", "Index"), Some(50.0));
//! assert_eq!(built.results().unit("C").unwrap().node("Index").unwrap().rank, Some(1));
//! ```
//!
//! # The methodology as data
//!
//! A [`PipelineSpec`] is the `[pipeline]` table of a framework file. Steps run in the
//! JRC/OECD order denominate → impute → screen → treat, the ones absent skipped, unless
//! `order` names another (screening by availability before imputing, say). Unknown keys are
//! errors. Every key, with its default where it has one:
//!
//! ```
//! # use dti_core::pipeline::PipelineSpec;
//! let framework_file = r#"
//! id = "my-index"                     # … the rest of the framework …
//!
//! [pipeline]                          # default order: denominate, impute, screen, treat
//! order = ["denominate", "screen", "impute", "treat"]   # of the steps given
//!
//! [pipeline.denominate]               # indicator / its denominator × scale
//! scale = 1000                        # default 1
//! overrides = { Flights = { by = "Population" }, Gas = { skip = true }, Tax = { scale = 100 } }
//!
//! [pipeline.impute]                   # method: none, mean, median, group_mean, group_median,
//! default = { method = "group_mean", group = "region" }   # carry_forward, linear (panels)
//! overrides = { Flights = { method = "median" } }
//!
//! [pipeline.screen]                   # units kept, judged on the table as it is then
//! min_availability = 0.9              # share of indicators present, default 0
//! max_zero_share = 1.0                # share of zeros among present values, default 1
//! force_include = ["VN-HN"]
//! force_exclude = []
//!
//! [pipeline.treat.default]            # COINr's outlier rule; `[pipeline.treat]` alone
//! skew_threshold = 2.0                # takes all these defaults
//! kurtosis_threshold = 3.5
//! max_winsorised = 5
//! fallback = "log_ct"                 # or "none"
//! combine = false                     # log the winsorised column instead of the original
//!
//! [pipeline.treat.overrides]          # method: none, log, standard (with the keys above)
//! Gas = { method = "none" }
//! Tax = { method = "standard", skew_threshold = 2.25 }
//! "#;
//! let file: toml::Table = framework_file.parse().map_err(|e| format!("{e}"))?;
//! let spec: PipelineSpec = file["pipeline"].clone().try_into().map_err(|e| format!("{e}"))?;
//! assert_eq!(spec.screen.map(|s| s.min_availability), Some(0.9));
//! # Ok::<(), String>(())
//! ```
//!
//! Normalisation is each indicator's `rule`, aggregation each aggregate's `method` and the
//! framework's `min_availability`, weights the framework's edges or one of its `[weights.NAME]`
//! sets: the same for every command.
//!
//! # Numbers
//!
//! All transcendental arithmetic goes through `libm`, so results are identical on every target.
//! The conformance tests reproduce COINr 1.1.14's outputs on its ASEM example within 1e-9.

mod diagnostics;
mod prepare;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
mod spec;
mod treat;

pub use diagnostics::{
    Correlation, CorrelationMatrix, FlagThresholds, IndicatorStats, correlations, cronbach_alpha,
    cronbach_by_aggregate, indicator_stats,
};
pub use prepare::{DropReason, DroppedUnit, ImputedCell};
pub use spec::{
    DenominateOverride, DenominateSpec, Fallback, ImputeMethod, ImputeSpec, PipelineSpec,
    ScreenSpec, Step, TreatOverride, TreatRule, TreatSpec,
};
pub use treat::{
    PointTreatment, TreatOutcome, TreatedPoint, TreatmentRecord, log_ct, passes, treat_column,
    winsorise,
};

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::check::{check, missing_values};
use crate::dataset::Dataset;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Framework, Node, NodeId, NodeKind};
use crate::score::{Results, Scoring, assemble, rank, score_columns};
use crate::table::Table;

/// A table of the pipeline, named by the step that produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The indicator columns as checked, each in its indicator's unit.
    Raw,
    /// After dividing by denominators.
    Denominated,
    /// After filling missing values.
    Imputed,
    /// After dropping units.
    Screened,
    /// After outlier treatment.
    Treated,
    /// Each indicator scored by its rule.
    Normalised,
    /// Indicators and aggregates.
    Aggregated,
}

impl Stage {
    /// Every stage, in the default order.
    pub const ALL: [Stage; 7] = [
        Stage::Raw,
        Stage::Denominated,
        Stage::Imputed,
        Stage::Screened,
        Stage::Treated,
        Stage::Normalised,
        Stage::Aggregated,
    ];

    /// The stage's name, as COINr names its data sets ("Raw", "Denominated", …).
    pub fn name(self) -> &'static str {
        match self {
            Stage::Raw => "Raw",
            Stage::Denominated => "Denominated",
            Stage::Imputed => "Imputed",
            Stage::Screened => "Screened",
            Stage::Treated => "Treated",
            Stage::Normalised => "Normalised",
            Stage::Aggregated => "Aggregated",
        }
    }

    /// The table a step produces.
    pub fn of(step: Step) -> Stage {
        match step {
            Step::Denominate => Stage::Denominated,
            Step::Impute => Stage::Imputed,
            Step::Screen => Stage::Screened,
            Step::Treat => Stage::Treated,
        }
    }
}

/// Everything a build produces: the table after each step, what each step did, and the
/// results of scoring the last table.
#[derive(Debug, Clone, PartialEq)]
pub struct Build<'f> {
    /// The framework as built: with the weight set's weights when one was chosen.
    framework: Cow<'f, Framework>,
    /// The raw table, then one per step, in the order they ran.
    tables: Vec<(Stage, Table)>,
    normalised: Table,
    aggregated: Table,
    imputed: Vec<ImputedCell>,
    dropped: Vec<DroppedUnit>,
    treatment: Vec<TreatmentRecord>,
    /// The last step's table, which was scored.
    scored: Table,
    scoring: Scoring,
    diagnostics: Vec<Diagnostic>,
    /// Assembled from `scoring` when first asked for: a build that only needs values (a
    /// sensitivity run, a stage table) does not rank every node.
    results: OnceLock<Results>,
}

impl Build<'_> {
    /// The table of a stage; `None` for a step the framework does not declare.
    pub fn stage(&self, stage: Stage) -> Option<&Table> {
        match stage {
            Stage::Normalised => Some(&self.normalised),
            Stage::Aggregated => Some(&self.aggregated),
            _ => self
                .tables
                .iter()
                .find(|(s, _)| *s == stage)
                .map(|(_, t)| t),
        }
    }

    /// The stages that have a table, in the order they were produced.
    pub fn stages(&self) -> Vec<Stage> {
        let mut stages: Vec<Stage> = self.tables.iter().map(|(s, _)| *s).collect();
        stages.extend([Stage::Normalised, Stage::Aggregated]);
        stages
    }

    /// The framework the build used: with the weight set's weights when one was chosen.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The results of scoring the last step's table: the same [`Results`] `dti score` gives.
    pub fn results(&self) -> &Results {
        self.results.get_or_init(|| {
            assemble(
                &self.framework,
                &self.scored,
                self.scoring.clone(),
                self.diagnostics.clone(),
            )
        })
    }

    /// The ranks of one node's values among the units (as in [`Results`], without assembling
    /// them); empty for a node the framework does not have.
    pub fn ranks(&self, node: NodeId) -> Vec<Option<u32>> {
        self.scoring
            .values
            .get(node)
            .map(|column| rank(&column.to_vec(), self.framework.precision()))
            .unwrap_or_default()
    }

    /// The warnings and notes of checking, building and scoring (those of [`Results`]).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The results, owned.
    pub fn into_results(self) -> Results {
        match self.results.into_inner() {
            Some(results) => results,
            None => assemble(
                &self.framework,
                &self.scored,
                self.scoring,
                self.diagnostics,
            ),
        }
    }

    /// Cells filled by the impute step.
    pub fn imputed_cells(&self) -> &[ImputedCell] {
        &self.imputed
    }

    /// Units dropped by the screen step, with the reason.
    pub fn dropped_units(&self) -> &[DroppedUnit] {
        &self.dropped
    }

    /// The treatment of each indicator (empty without a treat step).
    pub fn treatment(&self) -> &[TreatmentRecord] {
        &self.treatment
    }
}

/// Runs the `[pipeline]` steps of a framework on a data set, in their order, then scores the
/// result as [`score`](crate::score()) does, with the framework's weights or those of a named
/// weight set. A framework without a `[pipeline]` table builds exactly what it scores.
///
/// Fails with every problem when the data has errors, when a step cannot run on the data (a
/// denominator column or grouping the data lacks, a zero denominator, a unit without a
/// label) or when scoring fails. Missing values are judged after the steps, by the
/// framework's missing-data policy.
pub fn build<'f>(
    framework: &'f Framework,
    data: &Dataset,
    weights: Option<&str>,
) -> Result<Build<'f>, Failure> {
    let framework = match weights {
        Some(set) => Cow::Owned(framework.with_weight_set(set)?),
        None => Cow::Borrowed(framework),
    };
    let checked = check(&framework, data);
    let diagnostics: Vec<Diagnostic> = checked
        .diagnostics
        .into_iter()
        .filter(|d| !matches!(d.problem, Problem::MissingValue { .. }))
        .collect();
    if has_errors(&diagnostics) {
        return Err(Failure { diagnostics });
    }
    run_steps(framework, &checked.table, data.name(), diagnostics)
}

/// [`build`] from a table [`check`](crate::check()) made for the framework (or for another
/// with the same indicators and denominators): for analyses that rebuild the same data many
/// times with other weights or methods, reading and checking it once.
pub fn build_checked<'f>(framework: &'f Framework, table: &Table) -> Result<Build<'f>, Failure> {
    run_steps(Cow::Borrowed(framework), table, None, Vec::new())
}

fn run_steps<'f>(
    framework: Cow<'f, Framework>,
    checked: &Table,
    file: Option<&str>,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<Build<'f>, Failure> {
    let k = framework.indicators().count();
    let mut table = checked.select_columns(&(0..k).collect::<Vec<_>>());
    let mut denominators =
        checked.select_columns(&(k..checked.columns().len()).collect::<Vec<_>>());
    let mut tables = vec![(Stage::Raw, table.clone())];
    let (mut imputed, mut dropped, mut treatment) = (Vec::new(), Vec::new(), Vec::new());
    let located = |problems: Vec<Diagnostic>| Failure {
        diagnostics: problems
            .into_iter()
            .map(|mut d| {
                d.location.file = file.map(Into::into);
                d
            })
            .collect(),
    };
    if let Some(spec) = framework.pipeline() {
        for step in spec.steps() {
            match step {
                Step::Denominate => {
                    if let Some(d) = &spec.denominate {
                        prepare::denominate(&mut table, &denominators, &framework, d)
                            .map_err(located)?;
                    }
                }
                Step::Impute => {
                    if let Some(i) = &spec.impute {
                        imputed = prepare::impute(&mut table, i).map_err(located)?;
                    }
                }
                Step::Screen => {
                    if let Some(s) = &spec.screen {
                        let (kept, out) = prepare::screen(&table, s).map_err(located)?;
                        table = table.select_rows(&kept);
                        denominators = denominators.select_rows(&kept);
                        dropped = out;
                    }
                }
                Step::Treat => {
                    if let Some(t) = &spec.treat {
                        treatment = treat::treat_table(&mut table, t).map_err(located)?;
                    }
                }
            }
            tables.push((Stage::of(step), table.clone()));
        }
    }
    diagnostics.extend(missing_values(&framework, &table, file));
    if has_errors(&diagnostics) {
        return Err(Failure { diagnostics });
    }
    let mut scoring = score_columns(&framework, &table).map_err(|failure| {
        let mut all = diagnostics.clone();
        all.extend(located(failure.diagnostics).diagnostics);
        Failure { diagnostics: all }
    })?;
    diagnostics.append(&mut scoring.diagnostics);
    let normalised = values_table(&framework, &scoring, &table, |node| node.is_indicator());
    let aggregated = values_table(&framework, &scoring, &table, |_| true);
    Ok(Build {
        framework,
        tables,
        normalised,
        aggregated,
        imputed,
        dropped,
        treatment,
        scored: table,
        scoring,
        diagnostics,
        results: OnceLock::new(),
    })
}

/// The values of some nodes (scored from `scored`) as a table: indicators first, then
/// aggregates, each in scoring order.
fn values_table(
    framework: &Framework,
    scoring: &Scoring,
    scored: &Table,
    keep: impl Fn(&Node) -> bool,
) -> Table {
    let nodes = framework.nodes();
    let order: Vec<usize> = (0..nodes.len())
        .filter(|&id| keep(&nodes[id]) && nodes[id].is_indicator())
        .chain((0..nodes.len()).filter(|&id| keep(&nodes[id]) && !nodes[id].is_indicator()))
        .collect();
    let columns = order.iter().map(|&id| nodes[id].code.clone()).collect();
    let mut table = Table::of_units(scored.shared_units(), columns);
    for (j, &id) in order.iter().enumerate() {
        // Scoring gives finite values only, one per row of `scored`.
        table.replace_column(j, scoring.values[id].clone());
    }
    table
}

/// The problems of a `[pipeline]` table that show without data: an order that cannot work,
/// overrides naming codes that are not indicators, shares outside 0..1, thresholds that are
/// not numbers.
pub(crate) fn spec_problems(
    spec: &PipelineSpec,
    nodes: &[Node],
    origin: Option<&str>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let here = || Location::file(origin);
    let mut report = |problem: Problem| problems.push(Diagnostic::error(here(), problem));
    if let Some(order) = &spec.order {
        for (k, step) in order.iter().enumerate() {
            if order[..k].contains(step) {
                report(Problem::StepListedTwice {
                    step: step.name().into(),
                });
            } else if !spec.has(*step) {
                report(Problem::StepWithoutSettings {
                    step: step.name().into(),
                });
            }
        }
        for step in Step::ALL {
            if spec.has(step) && !order.contains(&step) {
                report(Problem::StepLeftOut {
                    step: step.name().into(),
                });
            }
        }
        let at = |step: Step| order.iter().position(|s| *s == step);
        if let (Some(treat), Some(denominate)) = (at(Step::Treat), at(Step::Denominate))
            && treat < denominate
        {
            report(Problem::TreatBeforeDenominate);
        }
    }
    let indicator = |code: &str| {
        nodes
            .iter()
            .any(|n| n.code == code && matches!(n.kind, NodeKind::Indicator { .. }))
    };
    let mut overrides: Vec<(&str, &String)> = Vec::new();
    if let Some(d) = &spec.denominate {
        overrides.extend(d.overrides.keys().map(|k| ("pipeline.denominate", k)));
        let scales = std::iter::once(d.scale).chain(d.overrides.values().filter_map(|o| o.scale));
        for scale in scales {
            if !scale.is_finite() || scale == 0.0 {
                report(Problem::BadScale { value: scale });
            }
        }
    }
    if let Some(i) = &spec.impute {
        overrides.extend(i.overrides.keys().map(|k| ("pipeline.impute", k)));
    }
    if let Some(t) = &spec.treat {
        overrides.extend(t.overrides.keys().map(|k| ("pipeline.treat", k)));
        let mut thresholds = vec![t.default.skew_threshold, t.default.kurtosis_threshold];
        for rule in t.overrides.values() {
            if let TreatOverride::Standard {
                skew_threshold,
                kurtosis_threshold,
                ..
            } = rule
            {
                thresholds.extend([*skew_threshold, *kurtosis_threshold]);
            }
        }
        for value in thresholds {
            if !value.is_finite() {
                report(Problem::NotFinite {
                    setting: "pipeline.treat".into(),
                    value,
                });
            }
        }
    }
    for (step, code) in overrides {
        if !indicator(code) {
            report(Problem::UnknownCode {
                code: code.clone(),
                referenced_by: step.into(),
            });
        }
    }
    if let Some(s) = &spec.screen {
        for (name, value) in [
            ("min_availability", s.min_availability),
            ("max_zero_share", s.max_zero_share),
        ] {
            if !(0.0..=1.0).contains(&value) {
                report(Problem::ShareOutOfRange {
                    setting: format!("pipeline.screen.{name}"),
                    value,
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAMEWORK: &str = r#"
        id = "t"
        names = { vi = "t", en = "t" }
        missing = "skip"
        [[indicator]]
        code = "a"
        names = { vi = "a", en = "a" }
        unit = "number"
        rule = { method = "min_max", high = 100 }
        [[indicator]]
        code = "b"
        names = { vi = "b", en = "b" }
        unit = "number"
        rule = { method = "min_max", high = 100 }
        [[aggregate]]
        code = "I"
        names = { vi = "I", en = "I" }
        children = ["a", "b"]
    "#;

    fn problems(pipeline: &str) -> Vec<Problem> {
        match Framework::from_toml(&format!("{FRAMEWORK}{pipeline}"), None) {
            Ok(_) => Vec::new(),
            Err(failure) => failure.diagnostics.into_iter().map(|d| d.problem).collect(),
        }
    }

    #[test]
    fn an_order_that_cannot_work_is_refused() {
        let steps = "[pipeline.denominate]\n[pipeline.impute]\ndefault = { method = \"mean\" }\n[pipeline.treat]\n";
        assert_eq!(problems(steps), []);
        let order = |o: &str| problems(&format!("[pipeline]\norder = {o}\n{steps}"));
        assert_eq!(
            order(r#"["treat", "denominate", "impute"]"#),
            [Problem::TreatBeforeDenominate]
        );
        assert_eq!(
            order(r#"["denominate", "impute", "impute", "treat"]"#),
            [Problem::StepListedTwice {
                step: "impute".into()
            }]
        );
        assert_eq!(
            order(r#"["denominate", "impute", "screen", "treat"]"#),
            [Problem::StepWithoutSettings {
                step: "screen".into()
            }]
        );
        assert_eq!(
            order(r#"["denominate", "treat"]"#),
            [Problem::StepLeftOut {
                step: "impute".into()
            }]
        );
    }

    #[test]
    fn settings_are_checked_with_the_framework() {
        assert_eq!(
            problems(
                "[pipeline.impute]\ndefault = { method = \"mean\" }\noverrides = { c = { method = \"median\" } }\n"
            ),
            [Problem::UnknownCode {
                code: "c".into(),
                referenced_by: "pipeline.impute".into()
            }]
        );
        assert_eq!(
            problems("[pipeline.screen]\nmin_availability = 1.5\n"),
            [Problem::ShareOutOfRange {
                setting: "pipeline.screen.min_availability".into(),
                value: 1.5
            }]
        );
    }

    #[test]
    fn screening_before_imputing_drops_the_units_imputing_would_fill() {
        let data = Dataset::from_csv("code,a,b\nA,1,\nB,2,5\nC,3,7\n", None).dataset;
        let steps = "[pipeline.impute]\ndefault = { method = \"mean\" }\n[pipeline.screen]\nmin_availability = 1\n";
        let framework = |order: &str| {
            Framework::from_toml(&format!("{FRAMEWORK}[pipeline]\n{order}\n{steps}"), None).unwrap()
        };
        let plain = framework("");
        let default = build(&plain, &data, None).unwrap();
        assert_eq!(default.dropped_units(), []);
        assert_eq!(default.results().units.len(), 3);
        let reordered = framework(r#"order = ["screen", "impute"]"#);
        let screened_first = build(&reordered, &data, None).unwrap();
        let dropped: Vec<&str> = screened_first
            .dropped_units()
            .iter()
            .map(|d| d.unit.as_str())
            .collect();
        assert_eq!(dropped, ["A"]);
        assert_eq!(screened_first.imputed_cells(), []);
        assert_eq!(
            screened_first.stages(),
            [
                Stage::Raw,
                Stage::Screened,
                Stage::Imputed,
                Stage::Normalised,
                Stage::Aggregated
            ]
        );
    }

    #[test]
    fn without_steps_a_build_is_a_score() {
        let framework = crate::embedded::default_framework();
        let (data, _) = crate::embedded::dataset("synthetic-63-provinces-2022.csv").unwrap();
        let built = build(&framework, &data, None).unwrap();
        let scored = crate::score(&framework, &data).unwrap();
        assert_eq!(built.results().units, scored.units);
        assert_eq!(built.results().nodes, scored.nodes);
    }
}
