//! The JRC/OECD construction pipeline of a composite index.
//!
//! Inputs are a [`Dataset`] (units × numeric columns, plus group columns), a [`Tree`] (indicators
//! with directions and denominators, weighted aggregates up to one root) and a [`PipelineSpec`]
//! (the methodology, as data). [`run`] applies, in order,
//! denominate → impute → screen → treat → normalise → aggregate, keeping every stage's table.
//!
//! ```
//! use dti_core::pipeline::{run, Dataset, NodeSpec, PipelineSpec, Stage, Tree};
//!
//! let mut data = Dataset::new(vec!["A".into(), "B".into(), "C".into()], None)?;
//! data.push_column("x", vec![Some(1.0), Some(2.0), Some(3.0)])?;
//! data.push_column("y", vec![Some(30.0), None, Some(10.0)])?;
//! let mut y = NodeSpec::indicator("y", "Index");
//! y.kind = dti_core::pipeline::NodeKind::Indicator { direction: -1, denominator: None, target: None };
//! let tree = Tree::new(vec![NodeSpec::indicator("x", "Index"), y, NodeSpec::aggregate("Index", None)])?;
//! let spec = PipelineSpec::from_toml(r#"
//!     normalise.default = { method = "min_max", low = 0, high = 100 }
//!     aggregate.default = { method = "arithmetic" }
//! "#)?;
//! let results = run(&data, &tree, &spec)?;
//! let index = results.aggregated().column("Index").unwrap();
//! assert_eq!(index, [Some(0.0), Some(50.0), Some(100.0)]);
//! assert_eq!(results.ranks("Index"), Some(vec![Some(3), Some(2), Some(1)]));
//! assert!(results.stage(Stage::Treated).is_none());
//! # Ok::<(), dti_core::pipeline::PipelineError>(())
//! ```
//!
//! # The methodology as data
//!
//! A [`PipelineSpec`] deserializes from TOML (see [`PipelineSpec::from_toml`]) or JSON, on its
//! own or as a `[pipeline]` table of a framework file (the table's keys are the same, prefixed
//! with `pipeline.`). Steps always run in the JRC/OECD order denominate → impute → screen →
//! treat → normalise → aggregate; the optional ones are skipped when absent. Only `normalise`
//! is required. Unknown keys are errors.
//!
//! Every key, with its default where it has one, in a framework file:
//!
//! ```
//! # use dti_core::pipeline::PipelineSpec;
//! let framework_file = r#"
//! id = "my-index"                     # … the rest of the framework …
//!
//! [pipeline.denominate]               # indicator / denominator (from the tree) × scale
//! scale = 1000                        # default 1
//! overrides = { Flights = { by = "Population" }, Gas = { skip = true }, Tax = { scale = 100 } }
//!
//! [pipeline.impute]                   # method: none, mean, median, group_mean, group_median,
//! default = { method = "group_mean", group = "region" }   # carry_forward, linear (panels)
//! overrides = { Flights = { method = "median" } }
//!
//! [pipeline.screen]                   # units kept, judged on the imputed data
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
//!
//! [pipeline.normalise]                # method: none, min_max {low = 0, high = 100},
//! default = { method = "min_max", low = 0, high = 100 }   # z_score {mean = 0, sd = 1},
//! overrides = { Gas = { method = "rank" } }  # goalposts {low, high, scale = 100, clip = true},
//! ## distance_to_target {cap = false, scale = 1}, distance_to_reference {unit, cap, scale},
//! ## distance_to_max {scale = 1}, fraction_of_max {scale = 1}, rank, borda, percentile_rank
//!
//! [pipeline.aggregate]                # method: arithmetic (default), geometric, harmonic,
//! default = { method = "arithmetic" } # generalised {p}, median, copeland
//! by_level = { "4" = { method = "geometric" } }   # keys: levels of the aggregates, "2" up
//! min_share = 0.0                     # share of children present, below it: missing
//!
//! [pipeline.weights.equal]            # named weight sets: node code = weight among its
//! Econ = 1                            # siblings; unnamed nodes keep the tree's weight
//! Gov = 1                             # (see PipelineSpec::weighted)
//! "#;
//! let file: toml::Table = framework_file.parse().map_err(|e| format!("{e}"))?;
//! let spec: PipelineSpec = file["pipeline"].clone().try_into().map_err(|e| format!("{e}"))?;
//! assert_eq!(spec.weights["equal"]["Econ"], 1.0);
//! assert_eq!(spec.screen.map(|s| s.min_availability), Some(0.9));
//! # Ok::<(), String>(())
//! ```
//!
//! # Repeated runs
//!
//! [`run_with`] reuses the buffers of a [`Workspace`], so analyses that rebuild the index many
//! times allocate almost nothing after the first run; [`Tree::reweighted`] perturbs weights
//! without building the tree again, [`PipelineSpec::weighted`] applies a named weight set,
//! and [`tree_from_framework`] builds the tree from the scorer's [`Framework`](crate::Framework).
//!
//! # Numbers
//!
//! All transcendental arithmetic goes through `libm`, so results are identical on every target.
//! The conformance tests reproduce COINr 1.1.14's outputs on its ASEM example within 1e-9.

mod aggregate;
mod diagnostics;
mod error;
mod from_framework;
mod normalise;
mod prepare;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
mod spec;
mod stats;
mod table;
mod treat;
mod tree;

pub use aggregate::{aggregate_table, combine, copeland};
pub use diagnostics::{
    Correlation, CorrelationMatrix, FlagThresholds, IndicatorStats, correlations, cronbach_alpha,
    cronbach_by_aggregate, indicator_stats,
};
pub use error::{PipelineError, TreeError};
pub use from_framework::{build, pipeline_dataset, tree_from_framework};
pub use normalise::{NormaliseContext, normalise_column};
pub use prepare::{DropReason, DroppedUnit, ImputedCell, denominate, impute, screen};
pub use spec::{
    AggregateSpec, AggregationMethod, DenominateOverride, DenominateSpec, Fallback, ImputeMethod,
    ImputeSpec, NormaliseMethod, NormaliseSpec, PipelineSpec, ScreenSpec, TreatOverride, TreatRule,
    TreatSpec,
};
pub use table::{Dataset, Table};
pub use treat::{
    PointTreatment, TreatOutcome, TreatedPoint, TreatmentRecord, log_ct, passes, treat_column,
    treat_table, winsorise,
};
pub use tree::{NodeKind, NodeSpec, Tree};

use std::sync::Arc;

/// A stage of the pipeline, naming the table it produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The indicator columns of the dataset.
    Raw,
    /// After dividing by denominators.
    Denominated,
    /// After filling missing values.
    Imputed,
    /// After dropping units.
    Screened,
    /// After outlier treatment.
    Treated,
    /// After normalisation.
    Normalised,
    /// Indicators and aggregates.
    Aggregated,
}

impl Stage {
    /// Every stage, in pipeline order.
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
}

/// Everything a pipeline run produces.
#[derive(Debug, Clone, Default)]
pub struct Results {
    // One table per stage, indexed by `Stage as usize`; `ran` tells which hold this run's data
    // (the others keep their buffers for the next run of a [`Workspace`]).
    tables: [Table; 7],
    ran: [bool; 7],
    imputed: Vec<ImputedCell>,
    dropped: Vec<DroppedUnit>,
    treatment: Vec<TreatmentRecord>,
    effective_weights: Arc<[(String, f64)]>,
}

impl PartialEq for Results {
    fn eq(&self, other: &Self) -> bool {
        Stage::ALL.iter().all(|&s| self.stage(s) == other.stage(s))
            && self.imputed == other.imputed
            && self.dropped == other.dropped
            && self.treatment == other.treatment
            && self.effective_weights == other.effective_weights
    }
}

impl Results {
    /// The table a stage produced; `None` for a step absent from the specification.
    pub fn stage(&self, stage: Stage) -> Option<&Table> {
        let k = stage as usize;
        self.ran[k].then(|| &self.tables[k])
    }

    /// The normalised indicators.
    pub fn normalised(&self) -> &Table {
        &self.tables[Stage::Normalised as usize]
    }

    /// Indicators and aggregates, one column each.
    pub fn aggregated(&self) -> &Table {
        &self.tables[Stage::Aggregated as usize]
    }

    /// Cells filled by the impute step.
    pub fn imputed_cells(&self) -> &[ImputedCell] {
        &self.imputed
    }

    /// Whether a cell was filled by the impute step.
    pub fn is_imputed(&self, unit: &str, column: &str) -> bool {
        self.imputed
            .iter()
            .any(|c| c.unit == unit && c.column == column)
    }

    /// Units dropped by the screen step, with the reason.
    pub fn dropped_units(&self) -> &[DroppedUnit] {
        &self.dropped
    }

    /// The treatment of each indicator (empty without a treat step).
    pub fn treatment(&self) -> &[TreatmentRecord] {
        &self.treatment
    }

    /// Effective weight of every node of the tree, in the tree's order.
    pub fn effective_weights(&self) -> &[(String, f64)] {
        &self.effective_weights
    }

    /// The tables of two stages, `from` before `to`: the input and the output of a step.
    fn step(&mut self, from: Stage, to: Stage) -> (&Table, &mut Table) {
        debug_assert!(from < to);
        let (head, tail) = self.tables.split_at_mut(to as usize);
        (&head[from as usize], &mut tail[0])
    }

    /// Ranks of the units on an aggregated column (highest score first, ties take the lowest
    /// rank, missing scores no rank); `None` for an unknown column.
    pub fn ranks(&self, column: &str) -> Option<Vec<Option<usize>>> {
        self.aggregated().column(column).map(rank_scores)
    }
}

/// Ranks scores, highest first; ties take the lowest rank ("min"); missing values get none.
pub fn rank_scores(scores: &[Option<f64>]) -> Vec<Option<usize>> {
    stats::rank_min(scores, true)
        .into_iter()
        .map(|r| r.map(|r| r as usize))
        .collect()
}

/// Ranks scores within groups: each unit is ranked against the units with the same label.
/// `labels` holds one label per score.
pub fn rank_within_groups(scores: &[Option<f64>], labels: &[String]) -> Vec<Option<usize>> {
    let mut out = vec![None; scores.len()];
    let mut seen: Vec<&str> = Vec::new();
    for l in labels {
        if !seen.contains(&l.as_str()) {
            seen.push(l);
        }
    }
    for g in seen {
        let rows: Vec<usize> = (0..scores.len())
            .filter(|&i| labels.get(i).is_some_and(|l| l == g))
            .collect();
        let sub: Vec<Option<f64>> = rows.iter().map(|&i| scores[i]).collect();
        for (&i, r) in rows.iter().zip(rank_scores(&sub)) {
            out[i] = r;
        }
    }
    out
}

/// Checks a specification against a tree and dataset before running it.
fn validate(data: &Dataset, tree: &Tree, spec: &PipelineSpec) -> Result<(), PipelineError> {
    let known = |stage: &'static str, name: &String| {
        if tree
            .node(name)
            .is_some_and(|n| matches!(n.kind, NodeKind::Indicator { .. }))
        {
            Ok(())
        } else {
            Err(PipelineError::UnknownIndicator {
                stage,
                name: name.clone(),
            })
        }
    };
    let bad =
        |stage: &'static str, message: String| PipelineError::InvalidParameter { stage, message };
    if let Some(d) = &spec.denominate {
        d.overrides
            .keys()
            .try_for_each(|k| known("denominate", k))?;
        let scales = std::iter::once(d.scale).chain(d.overrides.values().filter_map(|o| o.scale));
        for s in scales {
            if !s.is_finite() {
                return Err(bad("denominate", format!("scale {s} is not finite")));
            }
        }
    }
    if let Some(i) = &spec.impute {
        i.overrides.keys().try_for_each(|k| known("impute", k))?;
        for m in std::iter::once(&i.default).chain(i.overrides.values()) {
            if let ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group } = m {
                let labels = data
                    .group(group)
                    .ok_or_else(|| PipelineError::UnknownGroup(group.clone()))?;
                if let Some(i) = labels.iter().position(|l| l.trim().is_empty()) {
                    return Err(PipelineError::Unlabelled {
                        group: group.clone(),
                        unit: data.table().units()[i].clone(),
                    });
                }
            }
        }
    }
    // Weight sets: codes and values only (no tree is built here, runs may be many); a set
    // that leaves an aggregate without weight is refused when applied.
    for (set, weights) in &spec.weights {
        for (code, &weight) in weights {
            let reason = if tree.node(code).is_none() {
                TreeError::UnknownNode(code.clone())
            } else if !weight.is_finite() || weight < 0.0 {
                TreeError::InvalidWeight {
                    node: code.clone(),
                    weight,
                }
            } else {
                continue;
            };
            return Err(PipelineError::WeightSet {
                set: set.clone(),
                reason: reason.to_string(),
            });
        }
    }
    if let Some(s) = &spec.screen {
        for (name, v) in [
            ("min_availability", s.min_availability),
            ("max_zero_share", s.max_zero_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(bad(
                    "screen",
                    format!("{name} = {v} is not between 0 and 1"),
                ));
            }
        }
    }
    if let Some(t) = &spec.treat {
        t.overrides.keys().try_for_each(|k| known("treat", k))?;
        let r = &t.default;
        if !(r.skew_threshold.is_finite() && r.kurtosis_threshold.is_finite()) {
            return Err(bad("treat", "thresholds must be finite".into()));
        }
    }
    spec.normalise
        .overrides
        .keys()
        .try_for_each(|k| known("normalise", k))?;
    for m in std::iter::once(&spec.normalise.default).chain(spec.normalise.overrides.values()) {
        if let NormaliseMethod::DistanceToReference { unit, .. } = m
            && data.table().unit_index(unit).is_none()
        {
            return Err(PipelineError::UnknownUnit(unit.clone()));
        }
    }
    for key in spec.aggregate.by_level.keys() {
        match key.parse::<u32>() {
            Ok(l) if (2..=tree.max_level()).contains(&l) => {}
            _ => {
                return Err(bad(
                    "aggregate",
                    format!(
                        "level `{key}` is not an aggregate level (2 to {})",
                        tree.max_level()
                    ),
                ));
            }
        }
    }
    if !(0.0..=1.0).contains(&spec.aggregate.min_share) {
        return Err(bad(
            "aggregate",
            format!(
                "min_share = {} is not between 0 and 1",
                spec.aggregate.min_share
            ),
        ));
    }
    Ok(())
}

/// Buffers reused from one pipeline run to the next.
///
/// Analyses that rebuild an index many times (a sensitivity analysis runs the pipeline hundreds
/// of times with perturbed weights or methods) should run it through one workspace with
/// [`run_with`]: after the first run, a run allocates almost nothing.
///
/// ```
/// use dti_core::pipeline::{run_with, Dataset, NodeSpec, PipelineSpec, Tree, Workspace};
///
/// let mut data = Dataset::new(vec!["A".into(), "B".into()], None)?;
/// data.push_column("x", vec![Some(1.0), Some(3.0)])?;
/// data.push_column("y", vec![Some(4.0), Some(2.0)])?;
/// let tree = Tree::new(vec![
///     NodeSpec::indicator("x", "I"),
///     NodeSpec::indicator("y", "I"),
///     NodeSpec::aggregate("I", None),
/// ])?;
/// let spec = PipelineSpec::from_toml("normalise.default = { method = \"min_max\" }")?;
/// let mut workspace = Workspace::default();
/// for w in [1.0, 2.0, 3.0] {
///     let tree = tree.reweighted(&[w, 1.0, 1.0])?;
///     let results = run_with(&mut workspace, &data, &tree, &spec)?;
///     let index = results.aggregated().get("B", "I").unwrap_or(0.0);
///     assert!((index - 100.0 * w / (w + 1.0)).abs() < 1e-12);
/// }
/// # Ok::<(), dti_core::pipeline::PipelineError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    results: Results,
    positions: Vec<usize>,
    kept: Vec<usize>,
    impute: prepare::ImputeScratch,
    treat: treat::TreatScratch,
    normalise: normalise::NormaliseScratch,
    aggregate: aggregate::AggregateScratch,
}

impl Workspace {
    /// The results of the last successful run (empty tables before any).
    pub fn results(&self) -> &Results {
        &self.results
    }

    /// Takes the results out of the workspace, leaving empty buffers.
    pub fn into_results(self) -> Results {
        self.results
    }
}

/// Runs the whole pipeline.
///
/// Fails before computing anything if the specification names unknown indicators, units, groups
/// or levels, or if an indicator of the tree is not a column of the dataset; fails during the run
/// if a method is undefined for the data (the error names the column, unit or node).
pub fn run(data: &Dataset, tree: &Tree, spec: &PipelineSpec) -> Result<Results, PipelineError> {
    let mut workspace = Workspace::default();
    run_with(&mut workspace, data, tree, spec)?;
    Ok(workspace.into_results())
}

/// Runs the whole pipeline as [`run`] does, reusing the buffers of a [`Workspace`]; the results
/// live in the workspace until the next run.
pub fn run_with<'w>(
    workspace: &'w mut Workspace,
    data: &Dataset,
    tree: &Tree,
    spec: &PipelineSpec,
) -> Result<&'w Results, PipelineError> {
    validate(data, tree, spec)?;
    let Workspace {
        results: r,
        positions,
        kept,
        impute: impute_scratch,
        treat: treat_scratch,
        normalise: normalise_scratch,
        aggregate: aggregate_scratch,
    } = workspace;
    r.ran = [false; 7];
    positions.clear();
    for name in tree.indicator_names().iter() {
        let j = data
            .column_index(name)
            .ok_or_else(|| PipelineError::UnknownColumn(name.clone()))?;
        positions.push(j);
    }
    r.tables[Stage::Raw as usize].select_columns_from(
        data.table(),
        positions,
        tree.indicator_names(),
    );
    r.ran[Stage::Raw as usize] = true;
    let mut last = Stage::Raw;

    if let Some(d) = &spec.denominate {
        let (from, to) = r.step(last, Stage::Denominated);
        to.copy_from(from);
        prepare::denominate_in_place(to, data, tree, d)?;
        last = Stage::Denominated;
        r.ran[last as usize] = true;
    }
    r.imputed.clear();
    if let Some(i) = &spec.impute {
        let mut imputed = std::mem::take(&mut r.imputed);
        let (from, to) = r.step(last, Stage::Imputed);
        to.copy_from(from);
        let outcome = prepare::impute_in_place(to, data, i, &mut imputed, impute_scratch);
        r.imputed = imputed;
        outcome?;
        last = Stage::Imputed;
        r.ran[last as usize] = true;
    }
    r.dropped.clear();
    if let Some(s) = &spec.screen {
        let mut dropped = std::mem::take(&mut r.dropped);
        let outcome = prepare::screen_into(&r.tables[last as usize], s, kept, &mut dropped);
        r.dropped = dropped;
        outcome?;
        let (from, to) = r.step(last, Stage::Screened);
        to.select_rows_from(from, kept);
        last = Stage::Screened;
        r.ran[last as usize] = true;
    }
    if let Some(t) = &spec.treat {
        let mut records = std::mem::take(&mut r.treatment);
        let (from, to) = r.step(last, Stage::Treated);
        to.copy_from(from);
        treat::treat_table_in_place(to, t, &mut records, treat_scratch);
        r.treatment = records;
        last = Stage::Treated;
        r.ran[last as usize] = true;
    } else {
        r.treatment.clear();
    }

    let (from, normalised) = r.step(last, Stage::Normalised);
    normalised.copy_from(from);
    for (j, (name, &node)) in tree
        .indicator_names()
        .iter()
        .zip(tree.indicator_idx())
        .enumerate()
    {
        let method = spec
            .normalise
            .overrides
            .get(name)
            .unwrap_or(&spec.normalise.default);
        let (direction, target) = match &tree.nodes()[node].kind {
            NodeKind::Indicator {
                direction, target, ..
            } => (*direction, *target),
            NodeKind::Aggregate => (1, None),
        };
        let reference_row = match method {
            NormaliseMethod::DistanceToReference { unit, .. } => normalised.unit_index(unit),
            _ => None,
        };
        let ctx = NormaliseContext {
            direction,
            target,
            reference_row,
        };
        normalise::normalise_in_place(normalised.column_mut(j), method, ctx, normalise_scratch)
            .map_err(|reason| PipelineError::Normalise {
                column: name.clone(),
                reason,
            })?;
    }
    r.ran[Stage::Normalised as usize] = true;
    let (normalised, aggregated) = r.step(Stage::Normalised, Stage::Aggregated);
    aggregated.copy_from(normalised);
    aggregate::aggregate_in_place(aggregated, tree, &spec.aggregate, aggregate_scratch)?;
    r.ran[Stage::Aggregated as usize] = true;
    r.effective_weights = Arc::clone(tree.effective_weights_shared());
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_within_groups() {
        let s = [Some(1.0), Some(5.0), Some(3.0), None, Some(3.0)];
        let g: Vec<String> = ["a", "b", "a", "b", "a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            rank_within_groups(&s, &g),
            [Some(3), Some(1), Some(1), None, Some(1)]
        );
        assert_eq!(rank_scores(&s), [Some(4), Some(1), Some(2), None, Some(2)]);
    }
}
