// Shared by `core/tests/bitwise.rs` (native) and `wasm/tests/bitwise.rs` (WebAssembly) through
// `include!`: every value of every fixture, as the bits of its f64, so both builds can be
// compared with one committed file.

/// `case unit node bits` lines for the fixtures, in a fixed order.
fn fingerprints() -> String {
    use dti_core::analysis::sensitivity::{Sampling, Settings, Uncertainty, WeightNoise, analyse};
    use dti_core::{Dataset, Framework, MissingPolicy, Rule, check, embedded, score};

    let rules = Framework::from_toml(include_str!("../fixtures/cases/rules.toml"), None).unwrap();
    let cases: Vec<(&str, Framework, Dataset)> = vec![
        ("rules", rules, Dataset::from_csv(include_str!("../fixtures/cases/rules.csv"), None).dataset),
        (
            "quang-ninh-2022",
            embedded::default_framework(),
            embedded::dataset("quang-ninh-2022.csv").unwrap().0,
        ),
        (
            "synthetic-63",
            embedded::default_framework(),
            embedded::dataset("synthetic-63-provinces-2022.csv").unwrap().0,
        ),
        (
            "binh-duong-2023",
            embedded::framework("illustrative-monitoring").unwrap(),
            embedded::dataset("binh-duong-2023.csv").unwrap().0,
        ),
    ];
    let mut out = String::new();
    for (name, framework, data) in &cases {
        let results = score(framework, data).unwrap();
        for unit in results.rows() {
            for node in &unit.nodes {
                let bits = node.value.map(f64::to_bits).unwrap_or(u64::MAX);
                out.push_str(&format!("{name} {} {} {bits:016x}\n", unit.unit.code.as_str(), node.code));
            }
        }
    }
    // A seeded Monte Carlo exercises the transcendental paths (geometric and power means,
    // z-scores) many times over.
    let framework = embedded::default_framework();
    let table = check(&framework, &embedded::dataset("synthetic-63-provinces-2022.csv").unwrap().0).table;
    let uncertainty = Uncertainty {
        weights: Some(WeightNoise { share: 0.3, nodes: vec![] }),
        aggregation: vec![dti_core::Aggregation::Geometric, dti_core::Aggregation::PowerMean { p: 0.5 }],
        normalisation: vec![Rule::ZScore { mean: 10.0, sd: 2.0 }],
        missing: vec![MissingPolicy::Skip],
    };
    let settings = Settings { samples: 16, sampling: Sampling::Sobol, threads: 1, bootstrap: 20, ..Settings::default() };
    let analysis = analyse(&framework, &table, &uncertainty, &settings).unwrap();
    for (i, run) in analysis.runs.iter().enumerate() {
        out.push_str(&format!("sensitivity run{i} shift {:016x}\n", run.mean_rank_shift.to_bits()));
    }
    for factor in &analysis.sensitivity {
        out.push_str(&format!("sensitivity {} total {:016x}\n", factor.factor, factor.total.to_bits()));
    }
    out
}
