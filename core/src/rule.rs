//! Scoring rules: how an indicator's value becomes a score on a common scale. The one list of
//! normalisation methods, shared by scoring, the construction pipeline and the analyses.
//!
//! Absolute rules (already a score, rate, ratio to a target, goalposts, yes/no, tiers) score
//! each unit on its own; relative rules (min-max, z-score, ranks, distances to the best, to a
//! target or to a reference unit) compare the units of the data set with one another. In a
//! framework file a rule is written `rule = { method = "NAME", … }`.
//!
//! A relative rule applies the direction first (lower-is-better values are negated), as COINr
//! does. When every unit has the same value, a relative rule cannot tell units apart and gives
//! every unit the best score it can give (min-max its `high`, z-score its `mean`, percentile
//! rank 1); [`Rule::apply`] says so in its outcome, so callers can tell the user.

use serde::{Deserialize, Deserializer, Serialize};

use crate::dataset::UnitInfo;
use crate::diagnostic::{Invalid, Problem};
use crate::framework::{Direction, Node, Range, Unit};
use crate::stats;

/// A scoring rule, written in framework files as `rule = { method = "…", … }`. A parameter
/// that does not apply to the method (`{ method = "rank", low = 0 }`) is refused when the file
/// is read, not ignored.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Rule {
    /// The value is already a score on the indicator's range: `(x − low) / (high − low)`.
    Score,
    /// A rate (numerator/denominator or a percentage) taken as the share of the maximum:
    /// 96 % scores 0.96. Capped at 1 unless `cap = false`.
    Rate {
        /// Whether rates above 100 % score 1.
        cap: bool,
    },
    /// The value divided by a target, capped at 1 (for lower-is-better: target divided by value).
    Target {
        /// The value that earns full marks.
        target: f64,
    },
    /// Linear between two goalposts: `(x − low) / (high − low)` (`(high − x) / (high − low)`
    /// when lower is better), clipped to 0..1 unless `clip = false`, times `scale`.
    Goalposts {
        /// The value scoring 0 (the best one when lower is better).
        low: f64,
        /// The value scoring 1 (the worst one when lower is better).
        high: f64,
        /// The score of the best goalpost.
        scale: f64,
        /// Whether values beyond the goalposts score 0 or `scale`.
        clip: bool,
    },
    /// Yes scores 1, no scores 0.
    YesNo,
    /// Thresholds with a share of the points each, e.g. 4 meetings → 1, 3 → 0.75.
    Tiers {
        /// `[threshold, share]` pairs; the best share whose threshold is met counts.
        steps: Vec<[f64; 2]>,
    },
    /// The value itself (negated when lower is better).
    None,
    /// Min-max across units onto `[low, high]`.
    MinMax {
        /// The worst unit's score.
        low: f64,
        /// The best unit's score.
        high: f64,
    },
    /// Standardised across units (sample standard deviation), then moved to the given mean
    /// and standard deviation.
    ZScore {
        /// The mean of the scores.
        mean: f64,
        /// The standard deviation of the scores.
        sd: f64,
    },
    /// The unit's rank among units, 1 for the worst; tied units share the lower rank.
    Rank,
    /// The number of units that do worse (the rank minus one).
    Borda,
    /// The share of the other units that do worse, from 0 to 1.
    PercentileRank,
    /// The value as a fraction of the best unit's value (best / value when lower is better),
    /// times `scale`. Values must not be negative.
    FractionOfMax {
        /// The best unit's score.
        scale: f64,
    },
    /// `1 − (best − x) / (best − worst)`, times `scale`: min-max onto `[0, scale]`.
    DistanceToMax {
        /// The best unit's score.
        scale: f64,
    },
    /// `1 − (t − x) / (t − worst)` with `t` the indicator's `target`, capped at 1 when `cap`,
    /// times `scale`. The target must be better than the worst unit's value.
    DistanceToTarget {
        /// Whether units beyond the target score `scale`.
        cap: bool,
        /// The score of a unit on the target.
        scale: f64,
    },
    /// `1 − (r − x) / (r − worst)` with `r` the value of a reference unit, capped at 1 when
    /// `cap`, times `scale`.
    DistanceToReference {
        /// The reference unit's code.
        unit: String,
        /// Whether units beyond the reference score `scale`.
        cap: bool,
        /// The score of the reference unit.
        scale: f64,
    },
}

impl Default for Rule {
    /// The DTI's rule: the value is already a score.
    fn default() -> Rule {
        Rule::Score
    }
}

/// Every rule name, in the order documentation lists them.
pub const RULES: [&str; 16] = [
    "score",
    "rate",
    "target",
    "goalposts",
    "yes_no",
    "tiers",
    "none",
    "min_max",
    "z_score",
    "rank",
    "borda",
    "percentile_rank",
    "fraction_of_max",
    "distance_to_max",
    "distance_to_target",
    "distance_to_reference",
];

/// The current name of a rule name of an earlier version, if it is one.
pub fn renamed(name: &str) -> Option<&'static str> {
    match name {
        "distance_to_best" => Some("fraction_of_max"),
        _ => None,
    }
}

/// A column scored by a rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// One score per unit; missing values stay missing.
    pub scores: Vec<Option<f64>>,
    /// True when a relative rule met a column of several values that are all equal, so every
    /// unit got the best score the rule gives.
    pub constant: bool,
}

impl Rule {
    /// The rule's name as written in framework files.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Score => "score",
            Rule::Rate { .. } => "rate",
            Rule::Target { .. } => "target",
            Rule::Goalposts { .. } => "goalposts",
            Rule::YesNo => "yes_no",
            Rule::Tiers { .. } => "tiers",
            Rule::None => "none",
            Rule::MinMax { .. } => "min_max",
            Rule::ZScore { .. } => "z_score",
            Rule::Rank => "rank",
            Rule::Borda => "borda",
            Rule::PercentileRank => "percentile_rank",
            Rule::FractionOfMax { .. } => "fraction_of_max",
            Rule::DistanceToMax { .. } => "distance_to_max",
            Rule::DistanceToTarget { .. } => "distance_to_target",
            Rule::DistanceToReference { .. } => "distance_to_reference",
        }
    }

    /// True for rules that compare units with one another.
    pub fn is_relative(&self) -> bool {
        !matches!(
            self,
            Rule::Score
                | Rule::Rate { .. }
                | Rule::Target { .. }
                | Rule::Goalposts { .. }
                | Rule::YesNo
                | Rule::Tiers { .. }
                | Rule::None
        )
    }

    /// The range scores fall in, for a data set of `units` units.
    pub fn scale(&self, units: usize) -> Range {
        let range = |low: f64, high: f64| Range { low, high };
        let unbounded = range(f64::NEG_INFINITY, f64::INFINITY);
        match self {
            Rule::Rate { cap: false } => range(0.0, f64::INFINITY),
            Rule::Goalposts {
                scale, clip: true, ..
            } => range(0.0, *scale),
            Rule::Goalposts { clip: false, .. } | Rule::None | Rule::ZScore { .. } => unbounded,
            Rule::MinMax { low, high } => range(*low, *high),
            Rule::Rank => range(1.0, units.max(1) as f64),
            Rule::Borda => range(0.0, units.saturating_sub(1) as f64),
            Rule::FractionOfMax { scale } | Rule::DistanceToMax { scale } => range(0.0, *scale),
            Rule::DistanceToTarget { cap, scale }
            | Rule::DistanceToReference { cap, scale, .. } => {
                range(0.0, if *cap { *scale } else { f64::INFINITY })
            }
            Rule::Score
            | Rule::Rate { cap: true }
            | Rule::Target { .. }
            | Rule::YesNo
            | Rule::Tiers { .. }
            | Rule::PercentileRank => range(0.0, 1.0),
        }
    }

    /// Problems with the rule's parameters or with the indicator it is applied to (its unit,
    /// range and target).
    #[cfg_attr(not(feature = "validate"), allow(dead_code))]
    pub(crate) fn check(&self, unit: Unit, range: Range, target: Option<f64>) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut bad = |why: Invalid| {
            problems.push(Problem::BadRule {
                rule: self.name().into(),
                why,
            })
        };
        let positive = |x: f64| x.is_finite() && x > 0.0;
        let not_positive = |parameter: &str, value: f64| Invalid::NotPositive {
            parameter: parameter.into(),
            value,
        };
        match self {
            Rule::Score if !range.is_finite() => bad(Invalid::NeedsFiniteRange),
            Rule::Target { target } if !positive(*target) => bad(not_positive("target", *target)),
            Rule::Goalposts {
                low, high, scale, ..
            } => {
                if !(low.is_finite() && high.is_finite() && low < high) {
                    bad(Invalid::GoalpostsOrder {
                        low: *low,
                        high: *high,
                    })
                }
                if !positive(*scale) {
                    bad(not_positive("scale", *scale))
                }
            }
            Rule::Tiers { steps } if steps.is_empty() => bad(Invalid::NoSteps),
            Rule::Tiers { steps } => {
                for [threshold, share] in steps {
                    if !threshold.is_finite() || !(0.0..=1.0).contains(share) {
                        bad(Invalid::BadStep {
                            threshold: *threshold,
                            share: *share,
                        });
                    }
                }
            }
            Rule::MinMax { low, high } if !(low.is_finite() && high.is_finite() && low < high) => {
                bad(Invalid::OutputRange {
                    low: *low,
                    high: *high,
                })
            }
            Rule::ZScore { mean, sd } if !(mean.is_finite() && positive(*sd)) => {
                bad(Invalid::NotPositiveSd {
                    mean: *mean,
                    sd: *sd,
                })
            }
            Rule::FractionOfMax { scale }
            | Rule::DistanceToMax { scale }
            | Rule::DistanceToTarget { scale, .. }
            | Rule::DistanceToReference { scale, .. }
                if !positive(*scale) =>
            {
                bad(not_positive("scale", *scale))
            }
            _ => {}
        }
        if let Rule::DistanceToReference { unit, .. } = self
            && unit.trim().is_empty()
        {
            bad(Invalid::NoReferenceUnit);
        }
        if matches!(self, Rule::DistanceToTarget { .. }) && target.is_none() {
            problems.push(Problem::RuleNeedsTarget {
                rule: self.name().into(),
            });
        }
        let fits = match self {
            Rule::YesNo => unit == Unit::YesNo,
            Rule::Rate { .. } => matches!(unit, Unit::Percent | Unit::Share | Unit::Score),
            Rule::Target { .. } | Rule::FractionOfMax { .. } => {
                unit != Unit::YesNo && range.low >= 0.0
            }
            Rule::Goalposts { .. } | Rule::Tiers { .. } | Rule::DistanceToTarget { .. } => {
                unit != Unit::YesNo
            }
            _ => true,
        };
        if !fits {
            problems.push(Problem::RuleDoesNotFitUnit {
                rule: self.name().into(),
                unit: unit.code().into(),
            });
        }
        problems
    }

    /// Scores one indicator's column (one value per unit, `None` where missing), with the
    /// indicator's unit, range, direction and target and the units (for a reference unit).
    /// Missing values stay missing; what they count as is the missing-data policy's business.
    ///
    /// Fails, with the problem to report, when the data makes the rule undefined: a target not
    /// better than the worst unit, a reference unit the data lacks, a negative value for
    /// `fraction_of_max`.
    pub fn apply(
        &self,
        raw: &[Option<f64>],
        node: &Node,
        units: &[UnitInfo],
    ) -> Result<Scored, Problem> {
        if self.is_relative() {
            return self.apply_relative(raw, node, units);
        }
        let scale = self.scale(raw.len());
        let scores = raw
            .iter()
            .map(|value| value.map(|x| self.score_one(x, node, scale)))
            .collect();
        Ok(Scored {
            scores,
            constant: false,
        })
    }

    /// The raw value (in the indicator's unit) that earns `score` under an absolute rule, the
    /// least change from the bottom that does; `None` for relative rules, whose scores depend
    /// on the other units, and for scores the rule cannot give.
    ///
    /// ```
    /// use dti_core::{Direction, Rule, Unit};
    /// let rate = Rule::Rate { cap: true };
    /// let range = Unit::Percent.default_range();
    /// assert_eq!(rate.raw_for(0.75, Unit::Percent, range, Direction::Higher), Some(75.0));
    /// let tiers = Rule::Tiers { steps: vec![[4.0, 1.0], [3.0, 0.75]] };
    /// assert_eq!(tiers.raw_for(0.75, Unit::Count, Unit::Count.default_range(), Direction::Higher), Some(3.0));
    /// ```
    pub fn raw_for(
        &self,
        score: f64,
        unit: Unit,
        range: Range,
        direction: Direction,
    ) -> Option<f64> {
        let higher = direction == Direction::Higher;
        let orient = |s: f64| if higher { s } else { 1.0 - s };
        let raw = match self {
            Rule::Score => range.low + orient(score) * (range.high - range.low),
            Rule::Rate { .. } => {
                let share = orient(score);
                if unit == Unit::Percent {
                    share * 100.0
                } else {
                    share
                }
            }
            Rule::Target { target } if higher => score * target,
            Rule::Target { target } if score >= 1.0 => *target,
            Rule::Target { target } => target / score,
            Rule::Goalposts {
                low, high, scale, ..
            } => low + orient(score / scale) * (high - low),
            Rule::YesNo => orient(if score > 0.0 { 1.0 } else { 0.0 }),
            Rule::Tiers { steps } => {
                let qualifying = steps
                    .iter()
                    .filter(|[_, share]| *share >= score)
                    .map(|[threshold, _]| *threshold);
                if higher {
                    qualifying.fold(None, |m: Option<f64>, t| Some(m.map_or(t, |m| m.min(t))))
                } else {
                    qualifying.fold(None, |m: Option<f64>, t| Some(m.map_or(t, |m| m.max(t))))
                }?
            }
            _ => return None,
        };
        raw.is_finite()
            .then_some(crate::float::clamp(raw, range.low, range.high))
    }

    /// The scores an absolute rule can give when they are a few steps (tiers, yes/no);
    /// `None` when any score in the scale is possible.
    pub fn levels(&self) -> Option<Vec<f64>> {
        match self {
            Rule::YesNo => Some(vec![0.0, 1.0]),
            Rule::Tiers { steps } => {
                let mut levels: Vec<f64> =
                    steps.iter().map(|[_, share]| *share).chain([0.0]).collect();
                crate::sort::unstable_by(&mut levels, f64::total_cmp);
                levels.dedup();
                Some(levels)
            }
            _ => None,
        }
    }

    /// One value's score under an absolute rule, as [`Rule::apply`] scores it: `scale` is the
    /// rule's [`Rule::scale`].
    #[inline]
    pub(crate) fn score_one(&self, x: f64, node: &Node, scale: Range) -> f64 {
        let score = self.score_absolute(x, node.unit, node.range, node.direction);
        crate::float::clamp(score, scale.low, scale.high)
    }

    #[inline]
    fn score_absolute(&self, x: f64, unit: Unit, range: Range, direction: Direction) -> f64 {
        let higher = direction == Direction::Higher;
        let orient = |s: f64| if higher { s } else { 1.0 - s };
        match self {
            Rule::Score => orient((x - range.low) / (range.high - range.low)),
            Rule::Rate { cap } => {
                let share = if unit == Unit::Percent { x / 100.0 } else { x };
                let share = orient(share);
                if *cap { share.min(1.0) } else { share.max(0.0) }
            }
            Rule::Target { target } => {
                if higher {
                    x / target
                } else if x <= *target {
                    1.0
                } else {
                    target / x
                }
            }
            Rule::Goalposts {
                low,
                high,
                scale,
                clip,
            } => {
                let share = if higher {
                    (x - low) / (high - low)
                } else {
                    (high - x) / (high - low)
                };
                let share = if *clip {
                    crate::float::clamp(share, 0.0, 1.0)
                } else {
                    share
                };
                share * scale
            }
            Rule::YesNo => orient(if x >= 0.5 { 1.0 } else { 0.0 }),
            Rule::Tiers { steps } => steps
                .iter()
                .filter(|[threshold, _]| {
                    if higher {
                        x >= *threshold
                    } else {
                        x <= *threshold
                    }
                })
                .map(|[_, share]| *share)
                .fold(0.0, f64::max),
            Rule::None => x * direction.sign(),
            _ => 0.0,
        }
    }

    fn apply_relative(
        &self,
        raw: &[Option<f64>],
        node: &Node,
        units: &[UnitInfo],
    ) -> Result<Scored, Problem> {
        let sign = node.direction.sign();
        let (mut count, mut worst, mut best) = (0usize, f64::INFINITY, f64::NEG_INFINITY);
        for y in raw.iter().flatten().map(|x| x * sign) {
            count += 1;
            worst = worst.min(y);
            best = best.max(y);
        }
        if count == 0 {
            return Ok(Scored {
                scores: vec![None; raw.len()],
                constant: false,
            });
        }
        let n = count as f64;
        let constant = best == worst;
        // The ranking rules count the units below each value, in the sorted values; the
        // z-score needs their mean and spread.
        let ranking = matches!(self, Rule::Rank | Rule::Borda | Rule::PercentileRank);
        let present: Vec<f64> = if ranking || matches!(self, Rule::ZScore { .. }) {
            raw.iter().flatten().map(|x| x * sign).collect()
        } else {
            Vec::new()
        };
        let sorted = if ranking {
            let mut sorted = present.clone();
            crate::sort::unstable_by(&mut sorted, f64::total_cmp);
            sorted
        } else {
            Vec::new()
        };
        let below = |y: f64| sorted.partition_point(|&other| other < y) as f64;
        // The parameters each rule needs from the whole column, checked once.
        let (mean, sd) = match self {
            Rule::ZScore { .. } => (
                stats::mean(&present).unwrap_or(0.0),
                stats::sd(&present).unwrap_or(0.0),
            ),
            _ => (0.0, 0.0),
        };
        let anchor = match self {
            Rule::DistanceToTarget { .. } => {
                let target = node.target.ok_or(Problem::RuleNeedsTarget {
                    rule: self.name().into(),
                })? * sign;
                if target <= worst {
                    return Err(Problem::TargetNotAboveWorst {
                        target: target * sign,
                        worst: worst * sign,
                    });
                }
                target
            }
            Rule::DistanceToReference { unit, .. } => {
                let row = units
                    .iter()
                    .position(|u| u.has_code(unit))
                    .ok_or_else(|| Problem::UnknownReferenceUnit { unit: unit.clone() })?;
                let reference = raw
                    .get(row)
                    .copied()
                    .flatten()
                    .ok_or_else(|| Problem::ReferenceWithoutValue { unit: unit.clone() })?
                    * sign;
                if reference == worst && !constant {
                    return Err(Problem::ReferenceIsWorst { unit: unit.clone() });
                }
                reference
            }
            Rule::FractionOfMax { .. } => {
                if let Some(&value) = raw.iter().flatten().find(|x| **x < 0.0) {
                    return Err(Problem::NegativeValue {
                        method: self.name().into(),
                        value,
                    });
                }
                0.0
            }
            _ => 0.0,
        };
        let range = self.scale(raw.len());
        // One pass over the column with the rule's formula of (value, oriented value).
        let each = |score: &dyn Fn(f64, f64) -> f64| -> Vec<Option<f64>> {
            raw.iter()
                .map(|value| {
                    value.map(|x| crate::float::clamp(score(x, x * sign), range.low, range.high))
                })
                .collect()
        };
        let scores = match self {
            Rule::MinMax { low, high } if !constant => {
                each(&|_, y| (y - worst) / (best - worst) * (high - low) + low)
            }
            Rule::MinMax { high, .. } => each(&|_, _| *high),
            Rule::ZScore {
                mean: target,
                sd: spread,
            } if sd > 0.0 => each(&|_, y| (y - mean) / sd * spread + target),
            Rule::ZScore { mean: target, .. } => each(&|_, _| *target),
            Rule::Rank => each(&|_, y| below(y) + 1.0),
            Rule::Borda => each(&|_, y| below(y)),
            Rule::PercentileRank if n > 1.0 => each(&|_, y| below(y) / (n - 1.0)),
            Rule::PercentileRank => each(&|_, _| 1.0),
            Rule::FractionOfMax { scale } => {
                each(&|x, _| fraction_of_best(x, best * sign, node.direction) * scale)
            }
            Rule::DistanceToMax { scale } if !constant => {
                each(&|_, y| (1.0 - (best - y) / (best - worst)) * scale)
            }
            Rule::DistanceToMax { scale } => each(&|_, _| *scale),
            Rule::DistanceToTarget { cap, scale }
            | Rule::DistanceToReference { cap, scale, .. } => each(&|_, y| {
                let share = if constant && anchor == worst {
                    1.0
                } else {
                    1.0 - (anchor - y) / (anchor - worst)
                };
                (if *cap { share.min(1.0) } else { share }) * scale
            }),
            _ => each(&|_, _| 0.0),
        };
        // Rank and Borda give tied units the same rank, and a distance to a target measures
        // how far even equal units are from it: only these rules give a constant column
        // the best score.
        let tops_constant = matches!(
            self,
            Rule::MinMax { .. }
                | Rule::ZScore { .. }
                | Rule::PercentileRank
                | Rule::FractionOfMax { .. }
                | Rule::DistanceToMax { .. }
                | Rule::DistanceToReference { .. }
        );
        Ok(Scored {
            scores,
            constant: constant && tops_constant && count > 1,
        })
    }
}

/// The parameters a rule may be written with, as read from a file.
#[derive(Default)]
struct Parameters {
    given: Vec<&'static str>,
    cap: Option<bool>,
    clip: Option<bool>,
    target: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    scale: Option<f64>,
    mean: Option<f64>,
    sd: Option<f64>,
    steps: Option<Vec<[f64; 2]>>,
    unit: Option<String>,
}

/// Every parameter name, for messages.
const PARAMETERS: [&str; 11] = [
    "method", "cap", "clip", "target", "low", "high", "scale", "mean", "sd", "steps", "unit",
];

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RuleVisitor)
    }
}

/// Reads a rule's table in one pass: one visitor for every method, and a parameter that does
/// not belong to the method named is an error rather than ignored.
struct RuleVisitor;

impl<'de> serde::de::Visitor<'de> for RuleVisitor {
    type Value = Rule;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a rule such as { method = \"min_max\" }")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Rule, A::Error> {
        use serde::de::Error;
        let mut method: Option<String> = None;
        let mut p = Parameters::default();
        while let Some(key) = map.next_key::<String>()? {
            let name = PARAMETERS.iter().find(|&&k| k == key).copied();
            if name.is_some_and(|name| {
                p.given.contains(&name) || (name == "method" && method.is_some())
            }) {
                return Err(A::Error::custom(format!("`{key}` is given twice")));
            }
            match name {
                Some("method") => method = Some(map.next_value()?),
                Some("cap") => p.cap = Some(map.next_value()?),
                Some("clip") => p.clip = Some(map.next_value()?),
                Some("target") => p.target = Some(map.next_value()?),
                Some("low") => p.low = Some(map.next_value()?),
                Some("high") => p.high = Some(map.next_value()?),
                Some("scale") => p.scale = Some(map.next_value()?),
                Some("mean") => p.mean = Some(map.next_value()?),
                Some("sd") => p.sd = Some(map.next_value()?),
                Some("steps") => p.steps = Some(map.next_value()?),
                Some("unit") => p.unit = Some(map.next_value()?),
                _ if key == "kind" => {
                    return Err(A::Error::custom(
                        "`kind` is an old spelling; write `method`",
                    ));
                }
                _ => {
                    return Err(A::Error::custom(format!(
                        "unknown parameter `{key}`; a rule takes {}",
                        PARAMETERS.join(", ")
                    )));
                }
            }
            if let Some(name) = name.filter(|&n| n != "method") {
                p.given.push(name);
            }
        }
        let method = method.ok_or_else(|| A::Error::custom("missing `method`"))?;
        rule_of(&method, p).map_err(A::Error::custom)
    }
}

/// The rule a method names, from its parameters; fails naming a parameter the method does not
/// take or one it needs.
fn rule_of(method: &str, p: Parameters) -> Result<Rule, String> {
    let takes: &[&str] = match method {
        "rate" => &["cap"],
        "target" => &["target"],
        "goalposts" => &["low", "high", "scale", "clip"],
        "tiers" => &["steps"],
        "min_max" => &["low", "high"],
        "z_score" => &["mean", "sd"],
        "fraction_of_max" | "distance_to_max" => &["scale"],
        "distance_to_target" => &["cap", "scale"],
        "distance_to_reference" => &["unit", "cap", "scale"],
        _ => &[],
    };
    if let Some(extra) = p.given.iter().find(|given| !takes.contains(given)) {
        return Err(format!("`{extra}` does not apply to rule `{method}`"));
    }
    let needed = |value: Option<f64>, name: &str| {
        value.ok_or_else(|| format!("rule `{method}` needs `{name}`"))
    };
    Ok(match method {
        "score" => Rule::Score,
        "rate" => Rule::Rate {
            cap: p.cap.unwrap_or(true),
        },
        "target" => Rule::Target {
            target: needed(p.target, "target")?,
        },
        "goalposts" => Rule::Goalposts {
            low: needed(p.low, "low")?,
            high: needed(p.high, "high")?,
            scale: p.scale.unwrap_or(1.0),
            clip: p.clip.unwrap_or(true),
        },
        "yes_no" => Rule::YesNo,
        "tiers" => Rule::Tiers {
            steps: p
                .steps
                .ok_or_else(|| format!("rule `{method}` needs `steps`"))?,
        },
        "none" => Rule::None,
        "min_max" => Rule::MinMax {
            low: p.low.unwrap_or(0.0),
            high: p.high.unwrap_or(1.0),
        },
        "z_score" => Rule::ZScore {
            mean: p.mean.unwrap_or(0.0),
            sd: p.sd.unwrap_or(1.0),
        },
        "rank" => Rule::Rank,
        "borda" => Rule::Borda,
        "percentile_rank" => Rule::PercentileRank,
        "fraction_of_max" => Rule::FractionOfMax {
            scale: p.scale.unwrap_or(1.0),
        },
        "distance_to_max" => Rule::DistanceToMax {
            scale: p.scale.unwrap_or(1.0),
        },
        "distance_to_target" => Rule::DistanceToTarget {
            cap: p.cap.unwrap_or(false),
            scale: p.scale.unwrap_or(1.0),
        },
        "distance_to_reference" => Rule::DistanceToReference {
            unit: p
                .unit
                .ok_or_else(|| format!("rule `{method}` needs `unit`"))?,
            cap: p.cap.unwrap_or(false),
            scale: p.scale.unwrap_or(1.0),
        },
        other => {
            let hint = match renamed(other) {
                Some(new) => format!("`{other}` is an old spelling; write `{new}`"),
                None => format!("unknown rule `{other}`; use {}", RULES.join(", ")),
            };
            return Err(hint);
        }
    })
}

/// `x` as a fraction of the best value: `x / best` when higher is better, `best / x` when
/// lower is better; a unit that is itself the best (or ties with it) scores 1.
fn fraction_of_best(x: f64, best: f64, direction: Direction) -> f64 {
    if x == best {
        return 1.0;
    }
    match direction {
        Direction::Higher if best > 0.0 => x / best,
        Direction::Lower if x > 0.0 => best / x,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Names;

    fn node(direction: Direction, target: Option<f64>) -> Node {
        Node {
            code: "x".into(),
            names: Names::default(),
            unit: Unit::Number,
            direction,
            range: Unit::Number.default_range(),
            points: None,
            description: None,
            denominator: None,
            target,
            parents: Vec::new(),
            kind: crate::framework::NodeKind::Indicator { rule: Rule::None },
        }
    }

    fn column(values: &[f64]) -> Vec<Option<f64>> {
        values.iter().map(|&x| Some(x)).collect()
    }

    fn scores(rule: &Rule, values: &[Option<f64>], direction: Direction) -> Vec<Option<f64>> {
        let units: Vec<UnitInfo> = (0..values.len())
            .map(|i| UnitInfo::new(format!("U{i}")))
            .collect();
        rule.apply(values, &node(direction, Some(4.0)), &units)
            .expect("defined")
            .scores
    }

    #[test]
    fn min_max_with_direction_and_a_constant_column() {
        let rule = Rule::MinMax {
            low: 0.0,
            high: 100.0,
        };
        let c = [Some(1.0), None, Some(3.0), Some(2.0)];
        assert_eq!(
            scores(&rule, &c, Direction::Higher),
            [Some(0.0), None, Some(100.0), Some(50.0)]
        );
        assert_eq!(
            scores(&rule, &c, Direction::Lower),
            [Some(100.0), None, Some(0.0), Some(50.0)]
        );
        let units = [UnitInfo::new("A"), UnitInfo::new("B")];
        let same = rule
            .apply(&column(&[2.0, 2.0]), &node(Direction::Higher, None), &units)
            .unwrap();
        assert_eq!(same.scores, column(&[100.0, 100.0]));
        assert!(same.constant);
    }

    #[test]
    fn z_scores_use_the_sample_standard_deviation() {
        let rule = Rule::ZScore {
            mean: 10.0,
            sd: 2.0,
        };
        let c = column(&[1.0, 2.0, 3.0]);
        assert_eq!(
            scores(&rule, &c, Direction::Higher),
            column(&[8.0, 10.0, 12.0])
        );
        assert_eq!(
            scores(&rule, &c, Direction::Lower),
            column(&[12.0, 10.0, 8.0])
        );
    }

    #[test]
    fn ranks_borda_and_percentiles() {
        let c = [Some(5.0), Some(1.0), None, Some(5.0), Some(3.0)];
        let h = Direction::Higher;
        assert_eq!(
            scores(&Rule::Rank, &c, h),
            [Some(3.0), Some(1.0), None, Some(3.0), Some(2.0)]
        );
        assert_eq!(
            scores(&Rule::Borda, &c, h),
            [Some(2.0), Some(0.0), None, Some(2.0), Some(1.0)]
        );
        assert_eq!(
            scores(&Rule::PercentileRank, &c, h),
            [
                Some(2.0 / 3.0),
                Some(0.0),
                None,
                Some(2.0 / 3.0),
                Some(1.0 / 3.0)
            ]
        );
    }

    #[test]
    fn goalposts_and_distances() {
        let goalposts = Rule::Goalposts {
            low: 0.0,
            high: 10.0,
            scale: 100.0,
            clip: true,
        };
        assert_eq!(
            scores(&goalposts, &column(&[-5.0, 5.0, 20.0]), Direction::Higher),
            column(&[0.0, 50.0, 100.0])
        );
        assert_eq!(
            scores(&goalposts, &column(&[2.0]), Direction::Lower),
            column(&[80.0])
        );
        let target = Rule::DistanceToTarget {
            cap: true,
            scale: 1.0,
        };
        assert_eq!(
            scores(&target, &column(&[0.0, 2.0, 8.0]), Direction::Higher),
            column(&[0.0, 0.5, 1.0])
        );
        let reference = Rule::DistanceToReference {
            unit: "U1".into(),
            cap: false,
            scale: 1.0,
        };
        assert_eq!(
            scores(&reference, &column(&[0.0, 2.0, 8.0]), Direction::Higher),
            column(&[0.0, 1.0, 4.0])
        );
        let m = Rule::DistanceToMax { scale: 1.0 };
        assert_eq!(
            scores(&m, &column(&[0.0, 2.0, 8.0]), Direction::Higher),
            column(&[0.0, 0.25, 1.0])
        );
        let f = Rule::FractionOfMax { scale: 1.0 };
        assert_eq!(
            scores(&f, &column(&[0.0, 2.0, 8.0]), Direction::Higher),
            column(&[0.0, 0.25, 1.0])
        );
        assert_eq!(
            scores(&f, &column(&[2.0, 4.0, 8.0]), Direction::Lower),
            column(&[1.0, 0.5, 0.25])
        );
    }

    #[test]
    fn undefined_distances_are_refused_not_guessed() {
        let units: Vec<UnitInfo> = ["A", "B"].into_iter().map(UnitInfo::new).collect();
        let target = Rule::DistanceToTarget {
            cap: false,
            scale: 1.0,
        };
        // Every unit already beats the target of 4: the formula would give negative scores.
        assert_eq!(
            target.apply(
                &column(&[5.0, 9.0]),
                &node(Direction::Higher, Some(4.0)),
                &units
            ),
            Err(Problem::TargetNotAboveWorst {
                target: 4.0,
                worst: 5.0
            })
        );
        let reference = |unit: &str| Rule::DistanceToReference {
            unit: unit.into(),
            cap: false,
            scale: 1.0,
        };
        let n = node(Direction::Higher, None);
        assert_eq!(
            reference("Z").apply(&column(&[1.0, 2.0]), &n, &units),
            Err(Problem::UnknownReferenceUnit { unit: "Z".into() })
        );
        assert_eq!(
            reference("A").apply(&[None, Some(2.0)], &n, &units),
            Err(Problem::ReferenceWithoutValue { unit: "A".into() })
        );
        assert_eq!(
            reference("A").apply(&column(&[1.0, 2.0]), &n, &units),
            Err(Problem::ReferenceIsWorst { unit: "A".into() })
        );
        let fraction = Rule::FractionOfMax { scale: 1.0 };
        assert!(matches!(
            fraction.apply(&column(&[-1.0, 2.0]), &n, &units),
            Err(Problem::NegativeValue { .. })
        ));
    }

    #[test]
    fn spelled_with_method() {
        let read = |text: &str| {
            toml::from_str::<std::collections::BTreeMap<String, Rule>>(text).map(|m| m["r"].clone())
        };
        assert_eq!(
            read("r = { method = \"min_max\" }").unwrap(),
            Rule::MinMax {
                low: 0.0,
                high: 1.0
            }
        );
        assert_eq!(
            read("r = { method = \"goalposts\", low = 0, high = 5 }").unwrap(),
            Rule::Goalposts {
                low: 0.0,
                high: 5.0,
                scale: 1.0,
                clip: true
            }
        );
        assert!(read("r = { kind = \"min_max\" }").is_err());
        // A parameter given to a rule that takes none is refused, not ignored.
        assert!(read("r = { method = \"rank\", low = 0 }").is_err());
        assert!(read("r = { method = \"min_max\", lo = 1 }").is_err());
    }
}
