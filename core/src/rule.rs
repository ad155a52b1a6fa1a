//! Scoring rules: how an indicator's raw value becomes a score.
//!
//! Absolute rules (already a score, rate, ratio to target, goalposts, yes/no, tiers) score
//! each unit on its own; relative rules (min-max, z-score, rank, percentile rank, distance
//! to the best unit) compare the units of the data set with one another.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Problem;
use crate::framework::{Direction, Range, Unit};

/// A scoring rule, written in framework files as `rule = { kind = "…", … }`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// The value is already a score on the indicator's range: `(x − low) / (high − low)`.
    #[default]
    Score,
    /// A rate (numerator/denominator or a percentage) taken as the share of the maximum:
    /// 96 % scores 0.96. Capped at 1 unless `cap = false`.
    Rate {
        /// Whether rates above 100 % score 1.
        #[serde(default = "yes")]
        cap: bool,
    },
    /// The value divided by a target, capped at 1 (for lower-is-better: target divided by value).
    Target {
        /// The value that earns full marks.
        target: f64,
    },
    /// Linear between two goalposts, clipped to 0..1.
    Goalposts {
        /// The value scoring 0 (1 when lower is better).
        low: f64,
        /// The value scoring 1 (0 when lower is better).
        high: f64,
    },
    /// Yes scores 1, no scores 0.
    YesNo,
    /// Thresholds with a share of the points each, e.g. 4 meetings → 1, 3 → 0.75.
    Tiers {
        /// `[threshold, share]` pairs; the best share whose threshold is met counts.
        steps: Vec<[f64; 2]>,
    },
    /// Min-max across units onto `[low, high]` (default 0..1).
    MinMax {
        /// The worst unit's score.
        #[serde(default)]
        low: f64,
        /// The best unit's score.
        #[serde(default = "one")]
        high: f64,
    },
    /// Standardised across units, then moved to the given mean and standard deviation.
    ZScore {
        /// The mean of the scores.
        #[serde(default)]
        mean: f64,
        /// The standard deviation of the scores.
        #[serde(default = "one")]
        sd: f64,
    },
    /// The unit's rank among units, 1 for the worst; tied units share the lower rank.
    Rank,
    /// The share of the other units that do worse, from 0 to 1.
    PercentileRank,
    /// The value as a fraction of the best unit's value (best / value when lower is better).
    DistanceToBest,
}

fn yes() -> bool {
    true
}

fn one() -> f64 {
    1.0
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
            Rule::MinMax { .. } => "min_max",
            Rule::ZScore { .. } => "z_score",
            Rule::Rank => "rank",
            Rule::PercentileRank => "percentile_rank",
            Rule::DistanceToBest => "distance_to_best",
        }
    }

    /// True for rules that compare units with one another.
    pub fn is_relative(&self) -> bool {
        matches!(
            self,
            Rule::MinMax { .. }
                | Rule::ZScore { .. }
                | Rule::Rank
                | Rule::PercentileRank
                | Rule::DistanceToBest
        )
    }

    /// The range scores fall in, for a data set of `units` units.
    pub fn scale(&self, units: usize) -> Range {
        match self {
            Rule::MinMax { low, high } => Range {
                low: *low,
                high: *high,
            },
            Rule::ZScore { .. } => Range {
                low: f64::NEG_INFINITY,
                high: f64::INFINITY,
            },
            Rule::Rank => Range {
                low: 1.0,
                high: units.max(1) as f64,
            },
            _ => Range {
                low: 0.0,
                high: 1.0,
            },
        }
    }

    /// Problems with the rule's parameters or with the unit it is applied to.
    pub(crate) fn check(&self, unit: Unit, range: Range) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut bad = |detail: String| {
            problems.push(Problem::BadRule {
                rule: self.name().into(),
                detail,
            })
        };
        match self {
            Rule::Score if !range.is_finite() => {
                bad("needs a finite range: give `range = [low, high]`".into())
            }
            Rule::Target { target } if !(target.is_finite() && *target > 0.0) => {
                bad(format!("target {target} must be a positive number"))
            }
            Rule::Goalposts { low, high }
                if !(low.is_finite() && high.is_finite() && low < high) =>
            {
                bad(format!(
                    "goalposts {low} and {high}: the first must be below the second"
                ))
            }
            Rule::Tiers { steps } if steps.is_empty() => {
                bad("needs at least one `[threshold, share]` step".into())
            }
            Rule::Tiers { steps } => {
                for [threshold, share] in steps {
                    if !threshold.is_finite() || !(0.0..=1.0).contains(share) {
                        bad(format!(
                            "step [{threshold}, {share}]: the share must be from 0 to 1"
                        ));
                    }
                }
            }
            Rule::MinMax { low, high } if !(low.is_finite() && high.is_finite() && low < high) => {
                bad(format!(
                    "output range {low}..{high} must be finite and increasing"
                ))
            }
            Rule::ZScore { mean, sd } if !(mean.is_finite() && sd.is_finite() && *sd > 0.0) => {
                bad(format!("mean {mean} and sd {sd}: sd must be positive"))
            }
            _ => {}
        }
        let fits = match self {
            Rule::YesNo => unit == Unit::YesNo,
            Rule::Rate { .. } => matches!(unit, Unit::Percent | Unit::Share | Unit::Score),
            Rule::Target { .. } | Rule::DistanceToBest => unit != Unit::YesNo && range.low >= 0.0,
            Rule::Goalposts { .. } | Rule::Tiers { .. } => unit != Unit::YesNo,
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

    /// Scores one column of raw values (one per unit, `None` where missing). Missing values
    /// stay missing; what they count as is the missing-data policy's business.
    pub fn apply(
        &self,
        raw: &[Option<f64>],
        unit: Unit,
        range: Range,
        direction: Direction,
    ) -> Vec<Option<f64>> {
        if self.is_relative() {
            return self.apply_relative(raw, direction);
        }
        raw.iter()
            .map(|value| value.map(|x| self.score_absolute(x, unit, range, direction)))
            .collect()
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
            Rule::Goalposts { low, high } => low + orient(score) * (high - low),
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
        raw.is_finite().then_some(raw.clamp(range.low, range.high))
    }

    /// The scores an absolute rule can give when they are a few steps (tiers, yes/no);
    /// `None` when any score in the scale is possible.
    pub fn levels(&self) -> Option<Vec<f64>> {
        match self {
            Rule::YesNo => Some(vec![0.0, 1.0]),
            Rule::Tiers { steps } => {
                let mut levels: Vec<f64> =
                    steps.iter().map(|[_, share]| *share).chain([0.0]).collect();
                levels.sort_by(f64::total_cmp);
                levels.dedup();
                Some(levels)
            }
            _ => None,
        }
    }

    fn score_absolute(&self, x: f64, unit: Unit, range: Range, direction: Direction) -> f64 {
        let higher = direction == Direction::Higher;
        let orient = |s: f64| if higher { s } else { 1.0 - s };
        let score = match self {
            Rule::Score => orient((x - range.low) / (range.high - range.low)),
            Rule::Rate { cap } => {
                let share = if unit == Unit::Percent { x / 100.0 } else { x };
                let share = orient(share);
                if *cap { share.min(1.0) } else { share }
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
            Rule::Goalposts { low, high } => orient((x - low) / (high - low)),
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
            _ => 0.0,
        };
        let scale = self.scale(1);
        if matches!(self, Rule::Rate { cap: false }) {
            score.max(0.0)
        } else {
            score.clamp(scale.low, scale.high)
        }
    }

    fn apply_relative(&self, raw: &[Option<f64>], direction: Direction) -> Vec<Option<f64>> {
        let sign = direction.sign();
        let present: Vec<f64> = raw.iter().flatten().map(|x| x * sign).collect();
        if present.is_empty() {
            return vec![None; raw.len()];
        }
        let n = present.len() as f64;
        let min = present.iter().copied().fold(f64::INFINITY, f64::min);
        let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mean = present.iter().sum::<f64>() / n;
        let sd = if present.len() > 1 {
            libm::sqrt(present.iter().map(|y| (y - mean) * (y - mean)).sum::<f64>() / (n - 1.0))
        } else {
            0.0
        };
        let mut sorted = present.clone();
        sorted.sort_by(f64::total_cmp);
        let below = |y: f64| sorted.partition_point(|&other| other < y) as f64;
        raw.iter()
            .map(|value| {
                let y = (*value)? * sign;
                let score = match self {
                    Rule::MinMax { low, high } if max > min => {
                        (y - min) / (max - min) * (high - low) + low
                    }
                    Rule::MinMax { high, .. } => *high,
                    Rule::ZScore {
                        mean: target,
                        sd: spread,
                    } if sd > 0.0 => (y - mean) / sd * spread + target,
                    Rule::ZScore { mean: target, .. } => *target,
                    Rule::Rank => below(y) + 1.0,
                    Rule::PercentileRank if n > 1.0 => below(y) / (n - 1.0),
                    Rule::PercentileRank => 1.0,
                    Rule::DistanceToBest => distance_to_best(y * sign, sign * max, direction),
                    _ => 0.0,
                };
                let scale = self.scale(raw.len());
                Some(score.clamp(scale.low, scale.high))
            })
            .collect()
    }
}

/// `x` as a fraction of the best value: `x / best` when higher is better, `best / x` when
/// lower is better; a unit that is itself the best (or ties with it) scores 1.
fn distance_to_best(x: f64, best: f64, direction: Direction) -> f64 {
    if x == best {
        return 1.0;
    }
    match direction {
        Direction::Higher if best > 0.0 => x / best,
        Direction::Lower if x > 0.0 => best / x,
        _ => 0.0,
    }
}
