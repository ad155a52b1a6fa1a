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
//! All transcendental arithmetic goes through `libm`, so results are identical on every target.
//! The conformance tests reproduce COINr 1.1.14's outputs on its ASEM example within 1e-9.

mod aggregate;
mod diagnostics;
mod error;
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
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    stages: Vec<(Stage, Table)>,
    imputed: Vec<ImputedCell>,
    dropped: Vec<DroppedUnit>,
    treatment: Vec<TreatmentRecord>,
    effective_weights: Vec<(String, f64)>,
}

impl Results {
    /// The table a stage produced; `None` for a step absent from the specification.
    pub fn stage(&self, stage: Stage) -> Option<&Table> {
        self.stages
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, t)| t)
    }

    /// The normalised indicators.
    pub fn normalised(&self) -> &Table {
        self.stage_or_last(Stage::Normalised)
    }

    /// Indicators and aggregates, one column each.
    pub fn aggregated(&self) -> &Table {
        self.stage_or_last(Stage::Aggregated)
    }

    fn stage_or_last(&self, stage: Stage) -> &Table {
        match self.stage(stage) {
            Some(t) => t,
            // run always records both stages; fall back to the latest table regardless
            None => &self.stages[self.stages.len() - 1].1,
        }
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
    let indicators = tree.indicator_codes();
    let known = |stage: &'static str, name: &String| {
        if indicators.contains(name) {
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
            if let ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group } = m
                && data.group(group).is_none()
            {
                return Err(PipelineError::UnknownGroup(group.clone()));
            }
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

/// Runs the whole pipeline.
///
/// Fails before computing anything if the specification names unknown indicators, units, groups
/// or levels, or if an indicator of the tree is not a column of the dataset; fails during the run
/// if a method is undefined for the data (the error names the column, unit or node).
pub fn run(data: &Dataset, tree: &Tree, spec: &PipelineSpec) -> Result<Results, PipelineError> {
    validate(data, tree, spec)?;
    let indicators = tree.indicator_codes();
    let raw = data.table().select_columns(&indicators)?;
    let mut stages = vec![(Stage::Raw, raw)];
    fn latest(stages: &[(Stage, Table)]) -> &Table {
        // never empty: the raw table is pushed first
        &stages[stages.len() - 1].1
    }

    if let Some(d) = &spec.denominate {
        let t = denominate(latest(&stages), data, tree, d)?;
        stages.push((Stage::Denominated, t));
    }
    let mut imputed = Vec::new();
    if let Some(i) = &spec.impute {
        let (t, cells) = impute(latest(&stages), data, i)?;
        imputed = cells;
        stages.push((Stage::Imputed, t));
    }
    let mut dropped = Vec::new();
    if let Some(s) = &spec.screen {
        let current = latest(&stages);
        let (kept, d) = screen(current, s)?;
        dropped = d;
        let t = current.select_rows(&kept);
        stages.push((Stage::Screened, t));
    }
    let mut treatment = Vec::new();
    if let Some(t) = &spec.treat {
        let (table, records) = treat_table(latest(&stages), t);
        treatment = records;
        stages.push((Stage::Treated, table));
    }

    let current = latest(&stages);
    let mut normalised = current.empty_like();
    for (j, name) in current.columns().iter().enumerate() {
        let method = spec
            .normalise
            .overrides
            .get(name)
            .unwrap_or(&spec.normalise.default);
        let (direction, target) = match tree.node(name).map(|n| &n.kind) {
            Some(NodeKind::Indicator {
                direction, target, ..
            }) => (*direction, *target),
            _ => (1, None),
        };
        let reference_row = match method {
            NormaliseMethod::DistanceToReference { unit, .. } => current.unit_index(unit),
            _ => None,
        };
        let ctx = NormaliseContext {
            direction,
            target,
            reference_row,
        };
        let col = normalise_column(current.column_at(j), method, ctx).map_err(|reason| {
            PipelineError::Normalise {
                column: name.clone(),
                reason,
            }
        })?;
        normalised.push_unchecked(name.clone(), col);
    }
    let aggregated = aggregate_table(&normalised, tree, &spec.aggregate)?;
    stages.push((Stage::Normalised, normalised));
    stages.push((Stage::Aggregated, aggregated));

    Ok(Results {
        stages,
        imputed,
        dropped,
        treatment,
        effective_weights: tree.effective_weights(),
    })
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
