//! The methodology as data: which steps run, with which methods and parameters.
//!
//! The file format, every key with its default, is documented with a complete example in the
//! [module docs](super).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The steps that prepare raw data before it is scored: which run, in which order, with
/// which parameters. Scoring itself (each indicator's rule, each aggregate's method) is the
/// framework's graph, the same for `dti score` and `dti build`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct PipelineSpec {
    /// The order the steps run in; by default the JRC/OECD order of the steps given
    /// (denominate, impute, screen, treat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<Step>>,
    /// Divide indicators by their denominators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominate: Option<DenominateSpec>,
    /// Fill missing values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impute: Option<ImputeSpec>,
    /// Drop units with too little data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<ScreenSpec>,
    /// Treat outliers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treat: Option<TreatSpec>,
}

/// A step of the pipeline, as `order` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Divide by denominators.
    Denominate,
    /// Fill missing values.
    Impute,
    /// Drop units.
    Screen,
    /// Treat outliers.
    Treat,
}

impl Step {
    /// Every step, in the JRC/OECD order.
    pub const ALL: [Step; 4] = [Step::Denominate, Step::Impute, Step::Screen, Step::Treat];

    /// The step's name as `order` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Step::Denominate => "denominate",
            Step::Impute => "impute",
            Step::Screen => "screen",
            Step::Treat => "treat",
        }
    }
}

impl PipelineSpec {
    /// True when the specification gives parameters for a step.
    pub fn has(&self, step: Step) -> bool {
        match step {
            Step::Denominate => self.denominate.is_some(),
            Step::Impute => self.impute.is_some(),
            Step::Screen => self.screen.is_some(),
            Step::Treat => self.treat.is_some(),
        }
    }

    /// The steps that run, in their order: `order` when given, else the JRC/OECD order of
    /// the steps given.
    pub fn steps(&self) -> Vec<Step> {
        match &self.order {
            Some(order) => order.clone(),
            None => Step::ALL.into_iter().filter(|&s| self.has(s)).collect(),
        }
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
/// missing. Methods without parameters are `Name {}`, so that a parameter given to them by
/// mistake is refused when the file is read rather than ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum ImputeMethod {
    /// Leave missing values missing.
    None {},
    /// Mean of the indicator over all units present.
    Mean {},
    /// Median of the indicator over all units present.
    Median {},
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
    CarryForward {},
    /// Panels: linear interpolation in time between the unit's nearest earlier and later values.
    /// Values before the first or after the last observation stay missing.
    Linear {},
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

/// A per-indicator outlier rule (`None {}` and `Log {}` take no parameters, and refuse any).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", deny_unknown_fields, rename_all = "snake_case")]
pub enum TreatOverride {
    /// Leave the indicator untreated.
    None {},
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
    Log {},
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<PipelineSpec, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn every_step_reads_with_its_defaults() {
        let spec = read(
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
        let treat = spec.treat.as_ref().map(|t| &t.default);
        assert_eq!(
            treat.map(|t| (t.max_winsorised, t.skew_threshold)),
            Some((3, 2.0))
        );
        assert_eq!(spec.steps(), Step::ALL);
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(serde_json::from_str::<PipelineSpec>(&json).unwrap(), spec);
    }

    #[test]
    fn steps_run_in_the_declared_order() {
        let spec = read(
            "order = [\"screen\", \"impute\"]\n[impute]\ndefault = { method = \"mean\" }\n[screen]\nmin_availability = 0.5\n",
        )
        .unwrap();
        assert_eq!(spec.steps(), [Step::Screen, Step::Impute]);
        let plain = read("[impute]\ndefault = { method = \"mean\" }\n[screen]\n").unwrap();
        assert_eq!(plain.steps(), [Step::Impute, Step::Screen]);
        assert!(read("order = [\"normalise\"]").is_err());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(read("[screen]\nmin_avail = 0.5\n").is_err());
        assert!(read("[extra]\n").is_err());
        assert!(read("[impute]\ndefault = { method = \"mean\", x = 1 }\n").is_err());
    }
}
