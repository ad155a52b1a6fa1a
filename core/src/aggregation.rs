//! How an aggregate combines its children: the one list of aggregation methods, shared by
//! scoring, the construction pipeline and the analyses.
//!
//! In a framework file an aggregation is written `method = "NAME"` (with `p = P` for the
//! power mean), either as keys of an `[[aggregate]]` table or as an inline table elsewhere
//! (`{ method = "power_mean", p = 0.5 }`).
//!
//! Zeros and negative values, the same everywhere:
//! - the geometric and harmonic means of children one of which is 0 are 0 (their limit as that
//!   child tends to 0), as is a power mean with a negative exponent;
//! - a negative child is an error for the geometric, harmonic and power means, naming the
//!   aggregate and the unit (a framework whose children can score below zero under such a mean
//!   is refused when it is read).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How an aggregate combines its children's values. Children without a value are left out and
/// the weights of the others renormalised.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Aggregation {
    /// Weighted arithmetic mean `Σ w·x / Σ w`.
    #[default]
    Arithmetic,
    /// Weighted geometric mean `exp(Σ w·ln x / Σ w)`.
    Geometric,
    /// Weighted harmonic mean `Σ w / Σ (w / x)`.
    Harmonic,
    /// Weighted power (generalised) mean `(Σ w·x^p / Σ w)^(1/p)`, `p` finite and non-zero.
    PowerMean {
        /// The exponent.
        p: f64,
    },
    /// Weighted median: the smallest value at which the cumulative share of weight reaches ½
    /// (the mean of it and the next value when it reaches exactly ½).
    Median,
    /// Copeland score: each other unit is compared with this one on the children both have,
    /// the weight of the children where this unit is higher (half where they are equal) is its
    /// share; a share above ½ counts +1, exactly ½ counts 0, below ½ counts −1, and the
    /// score is the sum (COINr's `a_copeland`). Compares units, so it ranks rather than measures.
    Copeland,
    /// Sum of points: each child's value times its weight.
    Sum,
    /// The smallest value among the children with a positive weight.
    Minimum,
}

/// Every method name, in the order documentation lists them.
pub const METHODS: [&str; 8] = [
    "arithmetic",
    "geometric",
    "harmonic",
    "power_mean",
    "median",
    "copeland",
    "sum",
    "minimum",
];

/// Why an aggregation cannot be read from its name and exponent.
#[derive(Clone, Debug, PartialEq)]
pub enum MethodError {
    /// A name that is not a method; `renamed` is its current spelling when it is an old one.
    Unknown {
        /// The name as written.
        name: String,
        /// The current name, for spellings of earlier versions.
        renamed: Option<&'static str>,
    },
    /// `power_mean` without a finite, non-zero `p`.
    BadExponent,
    /// A `p` given to a method other than `power_mean`.
    UnexpectedExponent {
        /// The method.
        name: String,
    },
}

impl Aggregation {
    /// Reads a method from its name and optional exponent, as written in files.
    ///
    /// ```
    /// use dti_core::Aggregation;
    /// assert_eq!(Aggregation::from_parts("geometric", None), Ok(Aggregation::Geometric));
    /// assert_eq!(Aggregation::from_parts("power_mean", Some(0.5)), Ok(Aggregation::PowerMean { p: 0.5 }));
    /// assert!(Aggregation::from_parts("mean", None).is_err()); // now `arithmetic`
    /// ```
    pub fn from_parts(name: &str, p: Option<f64>) -> Result<Aggregation, MethodError> {
        let method = match name {
            "arithmetic" => Aggregation::Arithmetic,
            "geometric" => Aggregation::Geometric,
            "harmonic" => Aggregation::Harmonic,
            "median" => Aggregation::Median,
            "copeland" => Aggregation::Copeland,
            "sum" => Aggregation::Sum,
            "minimum" => Aggregation::Minimum,
            "power_mean" => {
                return match p {
                    Some(p) if p.is_finite() && p != 0.0 => Ok(Aggregation::PowerMean { p }),
                    _ => Err(MethodError::BadExponent),
                };
            }
            other => {
                let renamed = match other {
                    "mean" => Some("arithmetic"),
                    "generalised" | "generalized" => Some("power_mean"),
                    _ => None,
                };
                return Err(MethodError::Unknown {
                    name: other.to_string(),
                    renamed,
                });
            }
        };
        match p {
            Some(_) => Err(MethodError::UnexpectedExponent {
                name: name.to_string(),
            }),
            None => Ok(method),
        }
    }

    /// The method's name as written in files.
    pub fn name(self) -> &'static str {
        match self {
            Aggregation::Arithmetic => "arithmetic",
            Aggregation::Geometric => "geometric",
            Aggregation::Harmonic => "harmonic",
            Aggregation::PowerMean { .. } => "power_mean",
            Aggregation::Median => "median",
            Aggregation::Copeland => "copeland",
            Aggregation::Sum => "sum",
            Aggregation::Minimum => "minimum",
        }
    }

    /// The exponent of a power mean.
    pub fn exponent(self) -> Option<f64> {
        match self {
            Aggregation::PowerMean { p } => Some(p),
            _ => None,
        }
    }

    /// True when the value is linear in each child's value, so contributions add up to it.
    pub fn is_linear(self) -> bool {
        matches!(self, Aggregation::Arithmetic | Aggregation::Sum)
    }

    /// True for the means that are undefined for negative children.
    pub fn needs_non_negative(self) -> bool {
        matches!(
            self,
            Aggregation::Geometric | Aggregation::Harmonic | Aggregation::PowerMean { .. }
        )
    }

    /// True for methods that compare units with one another (one unit's value depends on the
    /// others').
    pub fn is_relative(self) -> bool {
        self == Aggregation::Copeland
    }
}

/// The file spelling of an aggregation as an inline table: `{ method = "…", p = … }`.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Spelled {
    method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p: Option<f64>,
}

impl Serialize for Aggregation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Spelled {
            method: self.name().to_string(),
            p: self.exponent(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Aggregation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AggregationVisitor)
    }
}

/// Reads the table spelling, and names it when given an earlier version's bare string
/// (`"geometric"`, `"power_mean:0.5"`).
struct AggregationVisitor;

impl<'de> serde::de::Visitor<'de> for AggregationVisitor {
    type Value = Aggregation;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an aggregation method such as { method = \"geometric\" }")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Aggregation, E> {
        let new = match text.split_once(':') {
            Some(("power_mean", p)) => format!("{{ method = \"power_mean\", p = {} }}", p.trim()),
            _ => format!("{{ method = \"{text}\" }}"),
        };
        Err(E::custom(format!(
            "\"{text}\" is an old spelling; write {new}"
        )))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Aggregation, A::Error> {
        let spelled = Spelled::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Aggregation::from_parts(&spelled.method, spelled.p)
            .map_err(|error| serde::de::Error::custom(error.describe()))
    }
}

impl MethodError {
    /// The error in words, for parsers' messages (English; the diagnostics that reach users
    /// are worded by [`Problem`](crate::Problem)).
    pub fn describe(&self) -> String {
        match self {
            MethodError::Unknown {
                name,
                renamed: Some(new),
            } => format!("method `{name}` is now spelled `{new}`"),
            MethodError::Unknown {
                name,
                renamed: None,
            } => format!("unknown method `{name}`; use {}", METHODS.join(", ")),
            MethodError::BadExponent => {
                "`power_mean` needs a finite, non-zero exponent `p`".to_string()
            }
            MethodError::UnexpectedExponent { name } => {
                format!("`p` applies only to `power_mean`, not `{name}`")
            }
        }
    }
}

/// Why one unit's aggregate cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CombineError {
    /// A child's value is negative under a mean that needs non-negative values.
    Negative {
        /// The negative value.
        value: f64,
    },
}

/// Combines one unit's `(value, weight)` pairs (weights positive, at least one pair) by a
/// row-wise method. [`Aggregation::Copeland`], which compares units, is computed by
/// [`copeland`]; here it falls back to the arithmetic mean, which is never asked for.
///
/// ```
/// use dti_core::aggregation::{combine, Aggregation};
/// let pairs = [(1.0, 1.0), (4.0, 3.0)];
/// assert_eq!(combine(Aggregation::Arithmetic, &pairs), Ok(3.25));
/// assert_eq!(combine(Aggregation::Geometric, &[(0.0, 1.0), (4.0, 1.0)]), Ok(0.0));
/// assert!(combine(Aggregation::Geometric, &[(-1.0, 1.0), (4.0, 1.0)]).is_err());
/// ```
pub fn combine(method: Aggregation, present: &[(f64, f64)]) -> Result<f64, CombineError> {
    if method.needs_non_negative()
        && let Some(&(value, _)) = present.iter().find(|(x, _)| *x < 0.0)
    {
        return Err(CombineError::Negative { value });
    }
    let total: f64 = present.iter().map(|(_, w)| w).sum();
    let any_zero = present.iter().any(|(x, _)| *x == 0.0);
    Ok(match method {
        Aggregation::Arithmetic | Aggregation::Copeland => {
            present.iter().map(|(x, w)| x * w).sum::<f64>() / total
        }
        Aggregation::Sum => present.iter().map(|(x, w)| x * w).sum(),
        Aggregation::Minimum => present
            .iter()
            .map(|(x, _)| *x)
            .fold(f64::INFINITY, f64::min),
        Aggregation::Median => weighted_median(present, total),
        Aggregation::Geometric | Aggregation::Harmonic if any_zero => 0.0,
        Aggregation::Geometric => {
            libm::exp(present.iter().map(|(x, w)| w * libm::log(*x)).sum::<f64>() / total)
        }
        Aggregation::Harmonic => total / present.iter().map(|(x, w)| w / x).sum::<f64>(),
        Aggregation::PowerMean { p } if p < 0.0 && any_zero => 0.0,
        Aggregation::PowerMean { p } => {
            let mean = present
                .iter()
                .map(|(x, w)| w * libm::pow(*x, p))
                .sum::<f64>()
                / total;
            libm::pow(mean, 1.0 / p)
        }
    })
}

fn weighted_median(present: &[(f64, f64)], total: f64) -> f64 {
    let mut pairs = present.to_vec();
    crate::sort::stable_by(&mut pairs, |a, b| a.0.total_cmp(&b.0));
    let mut cumulative = 0.0;
    for (k, &(x, w)) in pairs.iter().enumerate() {
        cumulative += w / total;
        if (cumulative - 0.5).abs() <= 1e-12 {
            return match pairs.get(k + 1) {
                Some(&(next, _)) => (x + next) / 2.0,
                None => x,
            };
        }
        if cumulative > 0.5 {
            return x;
        }
    }
    pairs.last().map_or(0.0, |p| p.0)
}

/// Copeland scores of every unit from the children's columns (one value per unit) and weights.
///
/// Weights are shared out to sum to 1 over all children. For units i < j, i's share over j is
/// the weight of the children where i's value is higher plus half the weight where they are
/// equal (children missing for either count for nothing), and j's share over i is one minus
/// that, as in COINr. A share above ½ counts +1, exactly ½ counts 0, below ½ counts −1; a
/// unit's score is the sum over the other units. Two units with no child in common are not
/// compared (COINr would count it as a loss for the first), and a unit with no child present
/// has no score.
///
/// ```
/// use dti_core::aggregation::copeland;
/// let a = [Some(3.0), Some(1.0), Some(3.0)];
/// let b = [Some(5.0), Some(2.0), Some(1.0)];
/// assert_eq!(copeland(&[&a, &b], &[1.0, 1.0]), [Some(2.0), Some(-1.0), Some(-1.0)]);
/// ```
pub fn copeland(columns: &[&[Option<f64>]], weights: &[f64]) -> Vec<Option<f64>> {
    let n = columns.first().map_or(0, |c| c.len());
    let total: f64 = weights.iter().sum();
    let shares: Vec<f64> = weights.iter().map(|w| w / total).collect();
    let vote = |share: f64| {
        if share > 0.5 {
            1.0
        } else if share < 0.5 {
            -1.0
        } else {
            0.0
        }
    };
    let mut scores = vec![0.0; n];
    for i in 0..n {
        for j in (i + 1)..n {
            let (mut higher, mut equal, mut compared) = (0.0, 0.0, false);
            for (column, &w) in columns.iter().zip(&shares) {
                if let (Some(a), Some(b)) = (column[i], column[j]) {
                    compared = true;
                    if a > b {
                        higher += w;
                    } else if a == b {
                        equal += w;
                    }
                }
            }
            if !compared {
                continue;
            }
            let share = higher + equal / 2.0;
            scores[i] += vote(share);
            scores[j] += vote(1.0 - share);
        }
    }
    (0..n)
        .map(|i| columns.iter().any(|c| c[i].is_some()).then_some(scores[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn means_by_hand() {
        let pairs = [(1.0, 1.0), (4.0, 3.0)];
        assert_eq!(combine(Aggregation::Arithmetic, &pairs), Ok(3.25));
        let geometric = combine(Aggregation::Geometric, &pairs).unwrap();
        assert!(close(geometric, libm::pow(4.0, 0.75)));
        let harmonic = combine(Aggregation::Harmonic, &pairs).unwrap();
        assert!(close(harmonic, 4.0 / 1.75));
        let power = combine(Aggregation::PowerMean { p: 2.0 }, &pairs).unwrap();
        assert!(close(power, libm::sqrt(49.0 / 4.0)));
        assert_eq!(combine(Aggregation::Sum, &pairs), Ok(13.0));
        assert_eq!(combine(Aggregation::Minimum, &pairs), Ok(1.0));
    }

    #[test]
    fn zeros_give_zero_and_negatives_are_refused() {
        let zero = [(0.0, 1.0), (4.0, 1.0)];
        for method in [Aggregation::Geometric, Aggregation::Harmonic] {
            assert_eq!(combine(method, &zero), Ok(0.0), "{method:?}");
        }
        assert_eq!(combine(Aggregation::PowerMean { p: -1.0 }, &zero), Ok(0.0));
        assert!(close(
            combine(Aggregation::PowerMean { p: 2.0 }, &zero).unwrap(),
            libm::sqrt(8.0)
        ));
        let negative = [(-0.5, 1.0), (4.0, 1.0)];
        for method in [
            Aggregation::Geometric,
            Aggregation::Harmonic,
            Aggregation::PowerMean { p: 2.0 },
        ] {
            assert_eq!(
                combine(method, &negative),
                Err(CombineError::Negative { value: -0.5 }),
                "{method:?}"
            );
        }
        assert_eq!(combine(Aggregation::Arithmetic, &negative), Ok(1.75));
    }

    #[test]
    fn weighted_median_by_hand() {
        let m = Aggregation::Median;
        assert_eq!(combine(m, &[(3.0, 1.0), (1.0, 1.0), (2.0, 1.0)]), Ok(2.0));
        assert_eq!(combine(m, &[(3.0, 1.0), (1.0, 1.0)]), Ok(2.0));
        assert_eq!(combine(m, &[(3.0, 5.0), (1.0, 1.0), (2.0, 1.0)]), Ok(3.0));
    }

    /// The reference's definition: shares above ½ count +1, at ½ 0, below ½ −1.
    #[test]
    fn copeland_by_hand() {
        // U1 beats U2 on both (share 1: +1 each way); U1 and U3 tie on a and U1 wins b
        // (share ¾: U1 +1, U3 −1); U2 loses a to U3 and wins b (share ½: 0 each).
        let a = [Some(3.0), Some(1.0), Some(3.0)];
        let b = [Some(5.0), Some(2.0), Some(1.0)];
        assert_eq!(
            copeland(&[&a, &b], &[1.0, 1.0]),
            [Some(2.0), Some(-1.0), Some(-1.0)]
        );
        // Unequal weights: b outweighs a, so U3's win on a is not enough against U2.
        assert_eq!(
            copeland(&[&a, &b], &[1.0, 3.0]),
            [Some(2.0), Some(0.0), Some(-2.0)]
        );
        // A unit without any value has no score and changes no other unit's.
        let c = [Some(1.0), None, Some(2.0)];
        assert_eq!(copeland(&[&c], &[1.0]), [Some(-1.0), None, Some(1.0)]);
    }

    /// Each comparison gives +1 and −1, or 0 and 0: Copeland scores are whole numbers that
    /// add up to zero, whatever the data.
    #[test]
    fn copeland_scores_are_whole_and_sum_to_zero() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 59) as f64
        };
        for _ in 0..50 {
            let columns: Vec<Vec<Option<f64>>> = (0..3)
                .map(|_| (0..9).map(|_| Some(next())).collect())
                .collect();
            let refs: Vec<&[Option<f64>]> = columns.iter().map(Vec::as_slice).collect();
            let scores = copeland(&refs, &[1.0, 2.0, 1.0]);
            let total: f64 = scores.iter().flatten().sum();
            assert_eq!(total, 0.0);
            assert!(
                scores
                    .iter()
                    .flatten()
                    .all(|s| s.fract() == 0.0 && s.abs() <= 8.0)
            );
        }
    }

    #[test]
    fn spelled_with_method_and_p() {
        let read = |text: &str| -> Result<Aggregation, String> {
            toml::from_str::<std::collections::BTreeMap<String, Aggregation>>(text)
                .map(|m| m["a"])
                .map_err(|e| e.to_string())
        };
        assert_eq!(read("a = { method = \"median\" }"), Ok(Aggregation::Median));
        assert_eq!(
            read("a = { method = \"power_mean\", p = -1 }"),
            Ok(Aggregation::PowerMean { p: -1.0 })
        );
        let old = read("a = { method = \"mean\" }").unwrap_err();
        assert!(old.contains("now spelled `arithmetic`"), "{old}");
        let old = read("a = { method = \"generalised\", p = 2 }").unwrap_err();
        assert!(old.contains("now spelled `power_mean`"), "{old}");
        assert!(read("a = { method = \"power_mean\" }").is_err());
        assert!(read("a = { method = \"sum\", p = 2 }").is_err());
        let old = read("a = \"power_mean:2\"").unwrap_err();
        assert!(
            old.contains("write { method = \"power_mean\", p = 2 }"),
            "{old}"
        );
        let text = toml::to_string(&std::collections::BTreeMap::from([(
            "a",
            Aggregation::PowerMean { p: 0.5 },
        )]))
        .unwrap();
        assert_eq!(read(&text), Ok(Aggregation::PowerMean { p: 0.5 }));
    }
}
