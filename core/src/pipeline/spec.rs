//! The methodology as data: which steps run, with which methods and parameters.
//!
//! The file format, every key with its default, is documented with a complete example in the
//! [module docs](super).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::PipelineError;
use super::tree::Tree;

/// A complete construction methodology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct PipelineSpec {
    /// Divide indicators by their denominators.
    #[serde(default)]
    pub denominate: Option<DenominateSpec>,
    /// Fill missing values.
    #[serde(default)]
    pub impute: Option<ImputeSpec>,
    /// Drop units with too little data.
    #[serde(default)]
    pub screen: Option<ScreenSpec>,
    /// Treat outliers.
    #[serde(default)]
    pub treat: Option<TreatSpec>,
    /// Bring indicators onto a common scale.
    pub normalise: NormaliseSpec,
    /// Combine children into aggregates, level by level.
    #[serde(default)]
    pub aggregate: AggregateSpec,
    /// Named weight sets (e.g. `equal`, `expert`): set name → node code → weight among its
    /// siblings. A set replaces the weights of the nodes it lists; the others keep the tree's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, BTreeMap<String, f64>>,
}

impl PipelineSpec {
    /// Parses a specification from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, PipelineError> {
        toml::from_str(text).map_err(|e| PipelineError::Spec(e.to_string()))
    }

    /// Parses a specification from JSON text.
    pub fn from_json(text: &str) -> Result<Self, PipelineError> {
        serde_json::from_str(text).map_err(|e| PipelineError::Spec(e.to_string()))
    }

    /// The tree with the weights of the named weight set.
    pub fn weighted(&self, tree: &Tree, set: &str) -> Result<Tree, PipelineError> {
        let weights = self
            .weights
            .get(set)
            .ok_or_else(|| PipelineError::UnknownWeightSet(set.to_owned()))?;
        tree.with_weights(weights)
            .map_err(|e| PipelineError::WeightSet {
                set: set.to_owned(),
                reason: e.to_string(),
            })
    }
}

fn one() -> f64 {
    1.0
}

/// Denominate step: indicator ← indicator / denominator × scale.
///
/// By default every indicator with a denominator in the tree is divided by it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct DenominateSpec {
    /// Scale factor applied after dividing (e.g. 1000 for "per thousand").
    #[serde(default = "one")]
    pub scale: f64,
    /// Per-indicator changes, keyed by indicator code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, DenominateOverride>,
}

/// A per-indicator change to the denominate step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct DenominateOverride {
    /// Divide by this column instead of the tree's denominator.
    #[serde(default)]
    pub by: Option<String>,
    /// Use this scale factor instead of the step's.
    #[serde(default)]
    pub scale: Option<f64>,
    /// Leave the indicator as it is.
    #[serde(default)]
    pub skip: bool,
}

/// Impute step: a default method and per-indicator overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct ImputeSpec {
    /// Method used for every indicator without an override.
    pub default: ImputeMethod,
    /// Per-indicator methods, keyed by indicator code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, ImputeMethod>,
}

/// How a missing value is filled. A value that cannot be filled (e.g. a group with no data) stays
/// missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum ImputeMethod {
    /// Leave missing values missing.
    None,
    /// Mean of the indicator over all units present.
    Mean,
    /// Median of the indicator over all units present.
    Median,
    /// Mean over the units sharing the unit's label in a group column.
    GroupMean {
        /// Group column.
        group: String,
    },
    /// Median over the units sharing the unit's label in a group column.
    GroupMedian {
        /// Group column.
        group: String,
    },
    /// Panels: the unit's latest earlier value (last observation carried forward).
    CarryForward,
    /// Panels: linear interpolation in time between the unit's nearest earlier and later values.
    /// Values before the first or after the last observation stay missing.
    Linear,
}

/// Screen step: which units are kept, judged on the imputed data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct ScreenSpec {
    /// Minimum share of indicators present for a unit to be kept (0–1).
    #[serde(default)]
    pub min_availability: f64,
    /// Maximum share of zeros among a unit's present indicator values (0–1).
    #[serde(default = "one")]
    pub max_zero_share: f64,
    /// Units always kept.
    #[serde(default)]
    pub force_include: Vec<String>,
    /// Units always dropped.
    #[serde(default)]
    pub force_exclude: Vec<String>,
}

/// Treat step: outlier treatment rule and per-indicator overrides.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct TreatSpec {
    /// Rule applied to every indicator without an override.
    #[serde(default)]
    pub default: TreatRule,
    /// Per-indicator rules, keyed by indicator code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, TreatOverride>,
}

/// The standard outlier rule (COINr's `Treat` defaults).
///
/// An indicator passes if |skewness| < `skew_threshold` **or** excess kurtosis <
/// `kurtosis_threshold`. A failing indicator is winsorised one tie group at a time — the
/// highest values set to the next-highest if skewness ≥ 0, else the lowest to the next-lowest —
/// re-checking after each round, while fewer than `max_winsorised` points have been changed.
/// Quirk kept from COINr: the last round can take the count past the limit when values tie. If
/// the indicator still fails, the `fallback` applies to the original column (or, with
/// `combine`, to the winsorised column).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct TreatRule {
    /// Absolute skewness threshold.
    #[serde(default = "default_skew")]
    pub skew_threshold: f64,
    /// Excess kurtosis threshold.
    #[serde(default = "default_kurt")]
    pub kurtosis_threshold: f64,
    /// Maximum number of winsorised points.
    #[serde(default = "default_winmax")]
    pub max_winsorised: usize,
    /// What to do when winsorisation is not enough.
    #[serde(default)]
    pub fallback: Fallback,
    /// Apply the fallback to the winsorised column instead of the original one.
    #[serde(default)]
    pub combine: bool,
}

fn default_skew() -> f64 {
    2.0
}
fn default_kurt() -> f64 {
    3.5
}
fn default_winmax() -> usize {
    5
}

impl Default for TreatRule {
    fn default() -> Self {
        Self {
            skew_threshold: default_skew(),
            kurtosis_threshold: default_kurt(),
            max_winsorised: default_winmax(),
            fallback: Fallback::default(),
            combine: false,
        }
    }
}

/// Transformation applied when winsorisation cannot bring an indicator within the thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fallback {
    /// Keep the result of winsorisation.
    None,
    /// COINr's `log_CT`: ln(x − min + 0.01·(max − min)).
    #[default]
    LogCt,
}

/// A per-indicator outlier rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum TreatOverride {
    /// Leave the indicator untreated.
    None,
    /// Apply the standard rule with these parameters (missing ones take the defaults).
    Standard {
        /// Absolute skewness threshold.
        #[serde(default = "default_skew")]
        skew_threshold: f64,
        /// Excess kurtosis threshold.
        #[serde(default = "default_kurt")]
        kurtosis_threshold: f64,
        /// Maximum number of winsorised points.
        #[serde(default = "default_winmax")]
        max_winsorised: usize,
        /// Fallback transformation.
        #[serde(default)]
        fallback: Fallback,
        /// Apply the fallback to the winsorised column.
        #[serde(default)]
        combine: bool,
    },
    /// Always apply the `log_ct` transformation, whatever the skewness.
    Log,
}

/// Normalise step: a default method and per-indicator overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct NormaliseSpec {
    /// Method used for every indicator without an override.
    pub default: NormaliseMethod,
    /// Per-indicator methods, keyed by indicator code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, NormaliseMethod>,
}

fn hundred() -> f64 {
    100.0
}
fn yes() -> bool {
    true
}

/// How an indicator is brought onto a common scale. The direction is applied first
/// (x ← x·direction), so that higher is always better afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum NormaliseMethod {
    /// Keep the values (after applying the direction).
    None,
    /// (x − min)/(max − min)·(high − low) + low.
    MinMax {
        /// Lower end of the output range.
        #[serde(default)]
        low: f64,
        /// Upper end of the output range.
        #[serde(default = "hundred")]
        high: f64,
    },
    /// (x − mean)/sd·`sd` + `mean`, with the sample standard deviation.
    ZScore {
        /// Mean of the output.
        #[serde(default)]
        mean: f64,
        /// Standard deviation of the output (positive).
        #[serde(default = "one")]
        sd: f64,
    },
    /// (x − low)/(high − low)·scale, in the indicator's own units, clipped to [0, scale] if
    /// `clip`. For a negative direction the goalposts swap roles: (high − x)/(high − low)·scale.
    /// (COINr's `n_goalposts` also negates the scale in that case; this does not.)
    Goalposts {
        /// Worst goalpost (the lower value of the two).
        low: f64,
        /// Best goalpost (the higher value of the two).
        high: f64,
        /// Scale of the output.
        #[serde(default = "hundred")]
        scale: f64,
        /// Clip the output to [0, scale].
        #[serde(default = "yes")]
        clip: bool,
    },
    /// 1 − (t − x)/(t − min), with t the indicator's target (from the tree) times its direction;
    /// capped at 1 if `cap`, then multiplied by `scale`.
    DistanceToTarget {
        /// Cap scores above the target at 1.
        #[serde(default)]
        cap: bool,
        /// Scale of the output.
        #[serde(default = "one")]
        scale: f64,
    },
    /// 1 − (r − x)/(r − min), with r the value of the reference unit; capped at 1 if `cap`, then
    /// multiplied by `scale`.
    DistanceToReference {
        /// Code of the reference unit.
        unit: String,
        /// Cap scores above the reference at 1.
        #[serde(default)]
        cap: bool,
        /// Scale of the output.
        #[serde(default = "one")]
        scale: f64,
    },
    /// 1 − (max − x)/(max − min), times `scale`.
    DistanceToMax {
        /// Scale of the output.
        #[serde(default = "one")]
        scale: f64,
    },
    /// x / max, times `scale`.
    FractionOfMax {
        /// Scale of the output.
        #[serde(default = "one")]
        scale: f64,
    },
    /// Rank, lowest value 1, ties take the lowest rank.
    Rank,
    /// Borda score: rank − 1.
    Borda,
    /// Percentile rank: (rank − 1)/(n − 1).
    PercentileRank,
}

/// Aggregate step: methods per level and an availability threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct AggregateSpec {
    /// Method used at every level without an entry in `by_level`.
    #[serde(default)]
    pub default: AggregationMethod,
    /// Methods by level of the aggregate being computed (keys "2", "3", …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_level: BTreeMap<String, AggregationMethod>,
    /// Minimum share of children present for an aggregate to be computed (0–1); below it the
    /// aggregate is missing.
    #[serde(default)]
    pub min_share: f64,
}

impl Default for AggregateSpec {
    fn default() -> Self {
        Self {
            default: AggregationMethod::Arithmetic,
            by_level: BTreeMap::new(),
            min_share: 0.0,
        }
    }
}

/// How children are combined. Missing children are skipped and the weights of the present ones
/// renormalised.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum AggregationMethod {
    /// Σ w·x / Σ w.
    #[default]
    Arithmetic,
    /// exp(Σ w·ln x / Σ w); values must be positive.
    Geometric,
    /// Σ w / Σ (w/x); values must be non-zero.
    Harmonic,
    /// (Σ w·x^p / Σ w)^(1/p); p ≠ 0, values must be positive.
    Generalised {
        /// The power p.
        p: f64,
    },
    /// Weighted median: the smallest value at which the cumulative normalised weight reaches ½
    /// (the mean of it and the next value when it reaches exactly ½).
    Median,
    /// Copeland score: for each unit, the sum over other units of the share of weight on which it
    /// beats them (ties count half), as COINr's `a_copeland`.
    Copeland,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A framework file as the core reads it, reduced to its `[pipeline]` table (other keys
    /// are ignored here), deserialised with `PipelineSpec`'s own impl.
    #[derive(Deserialize)]
    struct FrameworkFile {
        pipeline: Option<PipelineSpec>,
    }

    #[test]
    fn nested_under_a_pipeline_table() {
        let file: FrameworkFile = toml::from_str(
            r#"
            id = "x"
            [pipeline.impute]
            default = { method = "median" }
            [pipeline.treat]
            [pipeline.normalise]
            default = { method = "z_score" }
            overrides = { a = { method = "goalposts", low = 0, high = 5 } }
            [pipeline.aggregate]
            by_level = { "3" = { method = "geometric" } }
            "#,
        )
        .expect("valid file");
        let spec = file.pipeline.expect("a pipeline table");
        assert_eq!(spec.impute.map(|i| i.default), Some(ImputeMethod::Median));
        assert_eq!(spec.treat, Some(TreatSpec::default()));
        assert_eq!(
            spec.normalise.default,
            NormaliseMethod::ZScore { mean: 0.0, sd: 1.0 }
        );
        assert_eq!(
            spec.aggregate.by_level.get("3"),
            Some(&AggregationMethod::Geometric)
        );
        assert!(spec.denominate.is_none() && spec.screen.is_none());

        let without: FrameworkFile = toml::from_str(r#"id = "x""#).expect("valid file");
        assert!(without.pipeline.is_none());
        let unknown = toml::from_str::<FrameworkFile>(
            "id = \"x\"\n[pipeline]\nnormalise.default = { method = \"min_max\" }\nsmooth = 1\n",
        );
        assert!(unknown.is_err_and(|e| e.to_string().contains("smooth")));
    }

    #[test]
    fn full_spec_parses() {
        let spec = PipelineSpec::from_toml(
            r#"
            [denominate]
            scale = 1000
            overrides = { Flights = { by = "Population" }, Gas = { skip = true } }
            [impute]
            default = { method = "group_median", group = "region" }
            overrides = { x = { method = "linear" } }
            [screen]
            min_availability = 0.66
            force_include = ["VN-HN"]
            [treat.default]
            max_winsorised = 3
            [treat.overrides]
            x = { method = "none" }
            y = { method = "standard", skew_threshold = 2.25 }
            z = { method = "log" }
            [normalise]
            default = { method = "goalposts", low = 0, high = 10 }
            overrides = { x = { method = "rank" }, y = { method = "distance_to_reference", unit = "A" } }
            [aggregate]
            by_level = { "3" = { method = "generalised", p = 0.5 } }
            min_share = 0.5
            "#,
        )
        .unwrap();
        assert_eq!(spec.denominate.as_ref().map(|d| d.scale), Some(1000.0));
        assert_eq!(
            spec.impute.as_ref().map(|i| &i.default),
            Some(&ImputeMethod::GroupMedian {
                group: "region".into()
            })
        );
        assert_eq!(
            spec.treat.as_ref().map(|t| t.default.max_winsorised),
            Some(3)
        );
        assert_eq!(
            spec.treat.as_ref().map(|t| t.default.skew_threshold),
            Some(2.0)
        );
        assert!(matches!(
            spec.normalise.default,
            NormaliseMethod::Goalposts { scale, clip: true, .. } if scale == 100.0
        ));
        assert_eq!(spec.aggregate.default, AggregationMethod::Arithmetic);
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(PipelineSpec::from_json(&json).unwrap(), spec);
    }

    #[test]
    fn unknown_fields_and_methods_are_rejected() {
        let base = "[normalise]\ndefault = { method = \"min_max\" }\n";
        assert!(PipelineSpec::from_toml(base).is_ok());
        let err =
            PipelineSpec::from_toml(&format!("{base}[screen]\nmin_avail = 0.5\n")).unwrap_err();
        assert!(err.to_string().contains("min_avail"), "{err}");
        assert!(PipelineSpec::from_toml("[normalise]\ndefault = { method = \"minmax\" }").is_err());
        assert!(
            PipelineSpec::from_toml("[normalise]\ndefault = { method = \"min_max\", lo = 1 }")
                .is_err()
        );
        assert!(PipelineSpec::from_toml(&format!("{base}[extra]\n")).is_err());
        assert!(PipelineSpec::from_toml("").is_err());
    }
}
