//! Monte Carlo uncertainty and sensitivity analysis of the ranking.
//!
//! The methodology's uncertain choices (weights, aggregation method, normalisation rule,
//! missing-data policy) are input factors. Saltelli's design samples two matrices A and B
//! of factor values and, for each factor i, A with column i taken from B; every row is one
//! methodology, scored and ranked. From the runs come each unit's rank distribution and,
//! for the output "mean absolute rank shift against the nominal ranking", each factor's
//! first-order (Saltelli 2010) and total (Jansen) sensitivity index with bootstrap
//! confidence intervals.

use serde::{Deserialize, Serialize};

use crate::aggregation::Aggregation;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::framework::{Framework, MissingPolicy, NodeId};
use crate::random::{SOBOL_MAX_DIMENSIONS, Sobol, SplitMix64};
use crate::rule::Rule;
use crate::score::{node_values, rank};
use crate::table::Table;

/// The uncertain choices, as written in a TOML or JSON file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Every edge weight (of the listed aggregates, or all) is multiplied by a factor drawn
    /// uniformly from `[1 − share, 1 + share]`.
    #[serde(default)]
    pub weights: Option<WeightNoise>,
    /// Alternative aggregation methods for every aggregate, written as framework files write
    /// them (`{ method = "geometric" }`, `{ method = "power_mean", p = 0.5 }`); the framework's
    /// own methods are the nominal choice.
    #[serde(default)]
    pub aggregation: Vec<Aggregation>,
    /// Alternative scoring rules applied to every indicator they fit.
    #[serde(default)]
    pub normalisation: Vec<Rule>,
    /// Alternative missing-data policies.
    #[serde(default)]
    pub missing: Vec<MissingPolicy>,
}

/// Random perturbation of weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightNoise {
    /// The largest relative change, e.g. 0.25 for ±25 %.
    pub share: f64,
    /// The aggregates whose weights vary (all when empty).
    #[serde(default)]
    pub nodes: Vec<String>,
}

/// How factor values are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sampling {
    /// A seeded pseudo-random sequence.
    #[default]
    Random,
    /// A Sobol quasi-random sequence (up to 8 factors).
    Sobol,
}

/// The base sample size N the tools use by default. Measured on the 63-province DTI with the
/// CLI's default uncertain choices (BENCHMARKS.md): from N = 10,000 the indices move by about
/// ±0.01–0.02 from one seed to another and their 95 % intervals are at most ±0.05 wide; at
/// N = 100 first-order indices came out above total ones, with intervals reaching below 0.
pub const DEFAULT_SAMPLES: usize = 10_000;

/// How far a first-order index may come out above its total index (which it cannot exceed)
/// before the estimates are called unstable.
const FIRST_ABOVE_TOTAL: f64 = 0.05;

/// Settings of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// N, the base sample size; the analysis scores N × (factors + 2) methodologies.
    pub samples: usize,
    /// The seed of the pseudo-random generator (sampling and bootstrap).
    pub seed: u64,
    /// How factor values are drawn.
    pub sampling: Sampling,
    /// The index whose ranking is studied (the framework's first index when `None`).
    pub index: Option<String>,
    /// The "top k" whose probability is reported per unit.
    pub top_k: u32,
    /// Bootstrap resamples for the confidence intervals.
    pub bootstrap: usize,
    /// Threads to run on (0: as many as the machine has; always 1 in WebAssembly).
    #[serde(default)]
    pub threads: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            samples: DEFAULT_SAMPLES,
            seed: 1,
            sampling: Sampling::Random,
            index: None,
            top_k: 10,
            bootstrap: 200,
            threads: 0,
        }
    }
}

/// One unit's rank distribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitRanks {
    /// The unit's code.
    pub code: String,
    /// Its rank under the framework as written.
    pub nominal: Option<u32>,
    /// Its median rank over all runs.
    pub median: f64,
    /// The 5th percentile of its ranks.
    pub p05: u32,
    /// The 95th percentile of its ranks.
    pub p95: u32,
    /// The share of runs in which it ranks within the top k.
    pub top_k: f64,
}

/// One factor's sensitivity indices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorSensitivity {
    /// The factor: `weights`, `aggregation`, `normalisation` or `missing`.
    pub factor: String,
    /// First-order index (Saltelli 2010).
    pub first_order: f64,
    /// 95 % bootstrap interval of the first-order index.
    pub first_order_ci: [f64; 2],
    /// Total index (Jansen).
    pub total: f64,
    /// 95 % bootstrap interval of the total index.
    pub total_ci: [f64; 2],
}

/// The methodology one run used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Run {
    /// The factor values in [0, 1), one per factor.
    pub factors: Vec<f64>,
    /// The choices they decode to, one per factor (e.g. `geometric`, `seed 1234`).
    pub choices: Vec<String>,
    /// The mean absolute rank shift against the nominal ranking.
    pub mean_rank_shift: f64,
}

/// The outcome of an analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The settings used.
    pub settings: Settings,
    /// The index studied.
    pub index: String,
    /// The factors, in order.
    pub factors: Vec<String>,
    /// Every unit's rank distribution, in data order.
    pub units: Vec<UnitRanks>,
    /// Every factor's sensitivity indices.
    pub sensitivity: Vec<FactorSensitivity>,
    /// Every run: A rows, then B rows, then the A_B rows of each factor in turn.
    pub runs: Vec<Run>,
    /// Why the sensitivity indices should not be relied on yet: fewer samples than
    /// [`DEFAULT_SAMPLES`], a first-order index above its total index, an interval reaching
    /// below 0 (indices cannot be negative). Empty when they look stable.
    pub warnings: Vec<Diagnostic>,
}

/// A factor: how a value in [0, 1) changes the framework.
enum Factor {
    Weights { share: f64, nodes: Vec<NodeId> },
    Aggregation(Vec<Aggregation>),
    Normalisation(Vec<Rule>),
    Missing(Vec<MissingPolicy>),
}

impl Factor {
    fn name(&self) -> &'static str {
        match self {
            Factor::Weights { .. } => "weights",
            Factor::Aggregation(_) => "aggregation",
            Factor::Normalisation(_) => "normalisation",
            Factor::Missing(_) => "missing",
        }
    }

    /// The option a factor value picks: nominal (0) or an alternative (1..).
    fn pick(u: f64, options: usize) -> usize {
        ((u * options as f64) as usize).min(options - 1)
    }

    fn apply(&self, framework: Framework, u: f64) -> (Framework, String) {
        match self {
            Factor::Weights { share, nodes } => {
                let seed = (u * (1u64 << 53) as f64) as u64;
                let mut rng = SplitMix64::new(seed);
                let varied = framework.with_weights(|parent, _, weight| {
                    if nodes.is_empty() || nodes.contains(&parent) {
                        weight * (1.0 + share * (2.0 * rng.next_f64() - 1.0))
                    } else {
                        weight
                    }
                });
                (varied.unwrap_or(framework), format!("seed {seed}"))
            }
            Factor::Aggregation(methods) => match Factor::pick(u, methods.len() + 1) {
                0 => (framework, "nominal".into()),
                k => {
                    let method = methods[k - 1];
                    // Every aggregate at once; where a mean needs non-negative children that a
                    // node cannot give, that node keeps its own method.
                    let changed = match framework.with_methods(|_, _| method) {
                        Ok(changed) => changed,
                        Err(_) => (0..framework.nodes().len())
                            .fold(framework.clone(), |current, id| {
                                current.with_method(id, method).unwrap_or(current)
                            }),
                    };
                    (changed, method_label(method))
                }
            },
            Factor::Normalisation(rules) => match Factor::pick(u, rules.len() + 1) {
                0 => (framework, "nominal".into()),
                k => {
                    let rule = &rules[k - 1];
                    let fits = |id: NodeId| {
                        let node = framework.node(id);
                        rule.check(node.unit, node.range, node.target).is_empty()
                    };
                    // Refused when it clashes with an earlier choice (z-scores under a geometric
                    // mean): the run keeps its rules and says so.
                    match framework
                        .with_rules(|id, current| if fits(id) { rule.clone() } else { current })
                    {
                        Ok(changed) => (changed, rule.name().to_string()),
                        Err(_) => (
                            framework,
                            format!("{} (refused: clashes with the aggregation)", rule.name()),
                        ),
                    }
                }
            },
            Factor::Missing(policies) => match Factor::pick(u, policies.len() + 1) {
                0 => (framework, "nominal".into()),
                k => (
                    framework.with_missing(policies[k - 1]),
                    format!("{:?}", policies[k - 1]).to_ascii_lowercase(),
                ),
            },
        }
    }
}

/// A method as a run's choice shows it: its name, with the exponent of a power mean.
fn method_label(method: Aggregation) -> String {
    match method.exponent() {
        Some(p) => format!("{} p = {p}", method.name()),
        None => method.name().to_string(),
    }
}

fn bad(setting: &str, why: crate::diagnostic::Invalid) -> Failure {
    let problem = Problem::BadSetting {
        setting: setting.into(),
        why,
    };
    Failure {
        diagnostics: vec![Diagnostic::error(Location::default(), problem)],
    }
}

fn factors(framework: &Framework, uncertainty: &Uncertainty) -> Result<Vec<Factor>, Failure> {
    let mut factors = Vec::new();
    if let Some(noise) = &uncertainty.weights {
        if !(noise.share.is_finite() && (0.0..1.0).contains(&noise.share)) {
            return Err(bad(
                "weights.share",
                crate::diagnostic::Invalid::NotAShare {
                    value: noise.share,
                    below_one: true,
                },
            ));
        }
        let mut nodes = Vec::new();
        for code in &noise.nodes {
            nodes.push(super::find(framework, code, "weights.nodes")?);
        }
        factors.push(Factor::Weights {
            share: noise.share,
            nodes,
        });
    }
    if !uncertainty.aggregation.is_empty() {
        factors.push(Factor::Aggregation(uncertainty.aggregation.clone()));
    }
    if !uncertainty.normalisation.is_empty() {
        factors.push(Factor::Normalisation(uncertainty.normalisation.clone()));
    }
    if !uncertainty.missing.is_empty() {
        factors.push(Factor::Missing(uncertainty.missing.clone()));
    }
    if factors.is_empty() {
        return Err(bad(
            "uncertainty",
            crate::diagnostic::Invalid::NoUncertainChoice,
        ));
    }
    Ok(factors)
}

/// Runs the analysis. Identical settings give identical results on every platform and with
/// any number of threads.
///
/// ```
/// use dti_core::analysis::sensitivity::{analyse, Settings, Uncertainty, WeightNoise};
/// use dti_core::{check, embedded, Dataset};
/// let framework = embedded::default_framework();
/// let data = Dataset::from_csv("code,I1,I2,I3,I4,I5,I7,I8,I9\nA,1,1,1,1,1,0.2,0.5,0.5\nB,0.5,0.5,0.5,0.5,0.5,1,1,1\nC,0,0,0,0,0,0,0,0\n", None);
/// let table = check(&framework, &data.dataset).table;
/// let uncertainty = Uncertainty { weights: Some(WeightNoise { share: 0.5, nodes: vec![] }), aggregation: vec![dti_core::Aggregation::Geometric], ..Default::default() };
/// let settings = Settings { samples: 32, top_k: 1, ..Settings::default() };
/// let analysis = analyse(&framework, &table, &uncertainty, &settings).unwrap();
/// assert_eq!(analysis.runs.len(), 32 * 4);
/// assert_eq!(analysis.units[2].p05, 3); // C is last whatever the weights
/// ```
pub fn analyse(
    framework: &Framework,
    table: &Table,
    uncertainty: &Uncertainty,
    settings: &Settings,
) -> Result<Analysis, Failure> {
    let index = match &settings.index {
        Some(code) => super::find(framework, code, "index")?,
        None => framework.main_index(),
    };
    if settings.samples < 2 || settings.samples > 1_000_000 {
        return Err(bad(
            "samples",
            crate::diagnostic::Invalid::SampleCount {
                given: settings.samples as u64,
                least: 2,
                most: 1_000_000,
            },
        ));
    }
    let factors = factors(framework, uncertainty)?;
    let k = factors.len();
    let n = settings.samples;
    let (a, b) = sample(settings, k, n)?;

    // The rows to run: A, B, then A with column i from B, for each factor i.
    let mut rows: Matrix = a.clone();
    rows.extend(b.iter().cloned());
    for i in 0..k {
        rows.extend(a.iter().zip(&b).map(|(ra, rb)| {
            let mut row = ra.clone();
            row[i] = rb[i];
            row
        }));
    }

    let precision = framework.precision();
    let nominal = rank(&node_values(framework, table)?[index].to_vec(), precision);
    let evaluate = |row: &Vec<f64>| -> Result<(Vec<Option<u32>>, Vec<String>), Failure> {
        let mut current = framework.clone();
        let mut choices = Vec::with_capacity(k);
        for (factor, &u) in factors.iter().zip(row) {
            let (next, choice) = factor.apply(current, u);
            current = next;
            choices.push(choice);
        }
        Ok((
            rank(&node_values(&current, table)?[index].to_vec(), precision),
            choices,
        ))
    };
    let outcomes = run_all(&rows, settings.threads, &evaluate)
        .into_iter()
        .collect::<Result<Vec<_>, Failure>>()?;

    let shift = |ranks: &[Option<u32>]| -> f64 {
        let pairs: Vec<f64> = nominal
            .iter()
            .zip(ranks)
            .filter_map(|(a, b)| Some((f64::from((*a)?) - f64::from((*b)?)).abs()))
            .collect();
        if pairs.is_empty() {
            0.0
        } else {
            pairs.iter().sum::<f64>() / pairs.len() as f64
        }
    };
    let y: Vec<f64> = outcomes.iter().map(|(ranks, _)| shift(ranks)).collect();

    let units = table
        .units()
        .iter()
        .enumerate()
        .map(|(u, info)| {
            let mut ranks: Vec<u32> = outcomes.iter().filter_map(|(r, _)| r[u]).collect();
            ranks.sort_unstable();
            let pick = |q: f64| {
                ranks
                    .get(((q * ranks.len() as f64).ceil() as usize).saturating_sub(1))
                    .copied()
                    .unwrap_or(0)
            };
            let median = if ranks.is_empty() {
                0.0
            } else if ranks.len() % 2 == 1 {
                f64::from(ranks[ranks.len() / 2])
            } else {
                (f64::from(ranks[ranks.len() / 2 - 1]) + f64::from(ranks[ranks.len() / 2])) / 2.0
            };
            let top = ranks.iter().filter(|&&r| r <= settings.top_k).count() as f64
                / ranks.len().max(1) as f64;
            UnitRanks {
                code: info.code.to_string(),
                nominal: nominal[u],
                median,
                p05: pick(0.05),
                p95: pick(0.95),
                top_k: top,
            }
        })
        .collect();

    let (ya, yb) = (&y[..n], &y[n..2 * n]);
    let mut rng = SplitMix64::new(settings.seed ^ 0x5eed_b007);
    let sensitivity: Vec<FactorSensitivity> = factors
        .iter()
        .enumerate()
        .map(|(i, factor)| {
            let yab = &y[(2 + i) * n..(3 + i) * n];
            let all: Vec<usize> = (0..n).collect();
            let (first_order, total) = indices(ya, yb, yab, &all);
            let mut firsts = Vec::with_capacity(settings.bootstrap);
            let mut totals = Vec::with_capacity(settings.bootstrap);
            for _ in 0..settings.bootstrap {
                let resample: Vec<usize> = (0..n).map(|_| rng.below(n)).collect();
                let (s, t) = indices(ya, yb, yab, &resample);
                firsts.push(s);
                totals.push(t);
            }
            FactorSensitivity {
                factor: factor.name().into(),
                first_order,
                first_order_ci: interval(firsts, first_order),
                total,
                total_ci: interval(totals, total),
            }
        })
        .collect();

    let warnings = instability(n, &sensitivity);
    let runs = rows
        .into_iter()
        .zip(outcomes)
        .zip(&y)
        .map(|((factors, (_, choices)), &mean_rank_shift)| Run {
            factors,
            choices,
            mean_rank_shift,
        })
        .collect();
    Ok(Analysis {
        settings: settings.clone(),
        index: framework.node(index).code.clone(),
        factors: factors.iter().map(|f| f.name().to_string()).collect(),
        units,
        sensitivity,
        runs,
        warnings,
    })
}

/// The warnings that sensitivity indices estimated from `samples` base samples are not
/// stable: too few samples, a first-order index above its total index beyond a tolerance, an
/// interval reaching below 0.
fn instability(samples: usize, sensitivity: &[FactorSensitivity]) -> Vec<Diagnostic> {
    let warn = |problem: Problem| Diagnostic::warning(Location::default(), problem);
    let mut warnings = Vec::new();
    if samples < DEFAULT_SAMPLES {
        warnings.push(warn(Problem::FewSamples {
            samples: samples as u64,
            advised: DEFAULT_SAMPLES as u64,
        }));
    }
    for factor in sensitivity {
        if factor.first_order > factor.total + FIRST_ABOVE_TOTAL {
            warnings.push(warn(Problem::FirstAboveTotal {
                factor: factor.factor.clone(),
                first: factor.first_order,
                total: factor.total,
            }));
        }
        for (index, [low, high]) in [
            ("first_order", factor.first_order_ci),
            ("total", factor.total_ci),
        ] {
            if low < 0.0 {
                warnings.push(warn(Problem::IntervalBelowZero {
                    factor: factor.factor.clone(),
                    index: index.into(),
                    low,
                    high,
                }));
            }
        }
    }
    warnings
}

/// Rows of factor values, one row per methodology.
type Matrix = Vec<Vec<f64>>;

/// The A and B sample matrices, N rows of k factor values each.
fn sample(settings: &Settings, k: usize, n: usize) -> Result<(Matrix, Matrix), Failure> {
    let rows: Vec<Vec<f64>> = match settings.sampling {
        Sampling::Random => {
            let mut rng = SplitMix64::new(settings.seed);
            (0..n)
                .map(|_| (0..2 * k).map(|_| rng.next_f64()).collect())
                .collect()
        }
        Sampling::Sobol => {
            let Some(mut sobol) = Sobol::new(2 * k) else {
                let why = crate::diagnostic::Invalid::TooManyFactorsForSobol {
                    most: (SOBOL_MAX_DIMENSIONS / 2) as u64,
                };
                return Err(bad("sampling", why));
            };
            (0..n).map(|_| sobol.next_point()).collect()
        }
    };
    let a = rows.iter().map(|row| row[..k].to_vec()).collect();
    let b = rows.iter().map(|row| row[k..].to_vec()).collect();
    Ok((a, b))
}

/// First-order (Saltelli 2010) and total (Jansen) indices over the given rows.
fn indices(ya: &[f64], yb: &[f64], yab: &[f64], rows: &[usize]) -> (f64, f64) {
    let m = rows.len() as f64;
    let both: Vec<f64> = rows.iter().flat_map(|&j| [ya[j], yb[j]]).collect();
    let mean = both.iter().sum::<f64>() / both.len() as f64;
    let variance = both.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / both.len() as f64;
    if variance <= 0.0 {
        return (0.0, 0.0);
    }
    let first = rows.iter().map(|&j| yb[j] * (yab[j] - ya[j])).sum::<f64>() / m / variance;
    let total = rows
        .iter()
        .map(|&j| (ya[j] - yab[j]) * (ya[j] - yab[j]))
        .sum::<f64>()
        / (2.0 * m)
        / variance;
    (first, total)
}

/// The 2.5th and 97.5th percentiles of bootstrap estimates (the estimate itself when there
/// are none).
fn interval(mut estimates: Vec<f64>, estimate: f64) -> [f64; 2] {
    if estimates.is_empty() {
        return [estimate, estimate];
    }
    estimates.sort_by(f64::total_cmp);
    let at = |q: f64| {
        estimates[((q * (estimates.len() - 1) as f64).round() as usize).min(estimates.len() - 1)]
    };
    [at(0.025), at(0.975)]
}

/// Evaluates every row, in parallel where the platform has threads; the order of the
/// outcomes is the order of the rows either way.
fn run_all<T: Send>(
    rows: &[Vec<f64>],
    threads: usize,
    evaluate: &(impl Fn(&Vec<f64>) -> T + Sync),
) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let available = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let threads = if threads == 0 { available } else { threads }.min(rows.len().max(1));
        if threads > 1 {
            let chunk = rows.len().div_ceil(threads);
            return std::thread::scope(|scope| {
                let handles: Vec<_> = rows
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || part.iter().map(evaluate).collect::<Vec<T>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| {
                        h.join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    })
                    .collect()
            });
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = threads;
    rows.iter().map(evaluate).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, check, embedded};

    fn example() -> (Framework, Table) {
        let framework = embedded::default_framework();
        let mut csv = String::from("code,I1,I2,I3,I4,I5,I7,I8,I9\n");
        let mut rng = SplitMix64::new(7);
        for unit in 0..20 {
            let values: Vec<String> = (0..8).map(|_| format!("{:.4}", rng.next_f64())).collect();
            csv.push_str(&format!("U{unit},{}\n", values.join(",")));
        }
        let data = Dataset::from_csv(&csv, None).dataset;
        let table = check(&framework, &data).table;
        (framework, table)
    }

    fn uncertainty() -> Uncertainty {
        Uncertainty {
            weights: Some(WeightNoise {
                share: 0.25,
                nodes: vec![],
            }),
            aggregation: vec![Aggregation::Geometric, Aggregation::Harmonic],
            normalisation: vec![Rule::MinMax {
                low: 0.0,
                high: 1.0,
            }],
            missing: vec![MissingPolicy::Skip],
        }
    }

    #[test]
    fn results_do_not_depend_on_threads_and_repeat_with_the_seed() {
        let (framework, table) = example();
        let one = Settings {
            samples: 40,
            threads: 1,
            ..Settings::default()
        };
        let two = Settings {
            threads: 2,
            ..one.clone()
        };
        let a = analyse(&framework, &table, &uncertainty(), &one).unwrap();
        let b = analyse(&framework, &table, &uncertainty(), &two).unwrap();
        assert_eq!(a.runs, b.runs);
        assert_eq!(a.units, b.units);
        assert_eq!(a.sensitivity, b.sensitivity);
        assert_eq!(a.runs.len(), 40 * 6);
    }

    #[test]
    fn a_factor_that_changes_nothing_has_zero_indices() {
        // With no missing values, the missing-data policy cannot matter.
        let (framework, table) = example();
        let settings = Settings {
            samples: 64,
            sampling: Sampling::Sobol,
            ..Settings::default()
        };
        let analysis = analyse(&framework, &table, &uncertainty(), &settings).unwrap();
        let missing = analysis
            .sensitivity
            .iter()
            .find(|s| s.factor == "missing")
            .unwrap();
        assert_eq!(missing.total, 0.0);
        assert_eq!(missing.first_order, 0.0);
        let weights = analysis
            .sensitivity
            .iter()
            .find(|s| s.factor == "weights")
            .unwrap();
        assert!(weights.total > 0.0);
        for unit in &analysis.units {
            assert!(unit.p05 <= unit.p95 && (0.0..=1.0).contains(&unit.top_k));
        }
    }

    #[test]
    fn the_estimators_give_the_hand_computed_values() {
        // y_A = 0 1 2 3, y_B = 3 2 1 0, and a factor that decides everything (y_AB = y_B).
        // V over A and B together: mean 1.5, Σd² = 10 over 8 values → 1.25.
        // Saltelli 2010: (1/4)·Σ y_B (y_AB − y_A) = (9 + 2 − 1 + 0)/4 = 2.5 → 2.5 / 1.25 = 2.
        // Jansen: (1/8)·Σ (y_A − y_AB)² = (9 + 1 + 1 + 9)/8 = 2.5 → 2.
        let (ya, yb) = ([0.0, 1.0, 2.0, 3.0], [3.0, 2.0, 1.0, 0.0]);
        let all = [0, 1, 2, 3];
        assert_eq!(indices(&ya, &yb, &yb, &all), (2.0, 2.0));
        // A factor that changes nothing: y_AB = y_A gives zero for both.
        assert_eq!(indices(&ya, &yb, &ya, &all), (0.0, 0.0));
        // A factor that moves one run: y_AB = 0 1 2 4.
        // Saltelli: (1/4)·(0·… + 0 + 0 + 0·1) = 0; Jansen: (1/8)·1 = 0.125 → 0.1.
        assert_eq!(indices(&ya, &yb, &[0.0, 1.0, 2.0, 4.0], &all), (0.0, 0.1));
        // The 95 % bootstrap interval of constant estimates is that constant.
        assert_eq!(interval(vec![0.3; 50], 0.3), [0.3, 0.3]);
    }

    #[test]
    fn unstable_estimates_are_named() {
        let factor = |first_order, first_order_ci, total, total_ci| FactorSensitivity {
            factor: "weights".into(),
            first_order,
            first_order_ci,
            total,
            total_ci,
        };
        let kinds = |samples, factors: &[FactorSensitivity]| -> Vec<&'static str> {
            instability(samples, factors)
                .iter()
                .map(|d| d.problem.kind())
                .collect()
        };
        let stable = factor(0.07, [0.05, 0.08], 0.1, [0.09, 0.11]);
        assert!(kinds(DEFAULT_SAMPLES, std::slice::from_ref(&stable)).is_empty());
        assert_eq!(kinds(100, &[stable]), ["few_samples"]);
        // The issue's run at N = 100: S 0.239 above T 0.109, and an interval crossing 0.
        let first_above = factor(0.239, [0.039, 0.379], 0.109, [0.083, 0.148]);
        assert_eq!(
            kinds(DEFAULT_SAMPLES, &[first_above]),
            ["first_above_total"]
        );
        let crossing = factor(0.198, [-0.180, 0.664], 0.508, [0.320, 0.709]);
        assert_eq!(kinds(DEFAULT_SAMPLES, &[crossing]), ["interval_below_zero"]);
        // Within the tolerance, and a factor that changes nothing, are not warned about.
        let close = factor(0.52, [0.5, 0.55], 0.5, [0.48, 0.52]);
        let nothing = factor(0.0, [0.0, 0.0], 0.0, [0.0, 0.0]);
        assert!(kinds(DEFAULT_SAMPLES, &[close, nothing]).is_empty());
    }

    #[test]
    fn a_small_sample_of_the_provinces_is_warned_about() {
        let (framework, table) = example();
        let settings = Settings {
            samples: 100,
            ..Settings::default()
        };
        let analysis = analyse(&framework, &table, &uncertainty(), &settings).unwrap();
        assert!(
            analysis
                .warnings
                .iter()
                .any(|d| d.problem.kind() == "few_samples")
        );
    }

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        let (framework, table) = example();
        let none = analyse(
            &framework,
            &table,
            &Uncertainty::default(),
            &Settings::default(),
        );
        assert!(
            none.unwrap_err()
                .to_string()
                .contains("no uncertain choice")
        );
        let bad_share = Uncertainty {
            weights: Some(WeightNoise {
                share: 1.5,
                nodes: vec![],
            }),
            ..Default::default()
        };
        assert!(analyse(&framework, &table, &bad_share, &Settings::default()).is_err());
        let old = toml::from_str::<Uncertainty>("aggregation = [\"power_mean:2\"]");
        assert!(old.is_err());
    }
}
