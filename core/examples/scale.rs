//! Times each stage of reading, checking and scoring a synthetic data set, for peak-memory
//! measurements that the criterion benches cannot make (run it under `/usr/bin/time -v`).
//!
//! ```text
//! cargo run --release -p dti-core --example scale -- 10000 1000 score
//! ```
//! Arguments: units, indicators, and the last stage to run (`generate`, `parse`, `check`
//! or `score`; default `score`).

use std::time::Instant;

use dti_core::{Dataset, Framework, check, compute, synthetic};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: usize| {
        args.get(i)
            .map(|a| a.parse().expect("a whole number"))
            .unwrap_or(default)
    };
    let spec = synthetic::Spec {
        units: number(0, 10_000),
        indicators: number(1, 1_000),
        ..synthetic::Spec::default()
    };
    let last = args.get(2).map(String::as_str).unwrap_or("score");
    let cells = (spec.units * spec.indicators) as f64;

    let start = Instant::now();
    let framework = Framework::from_toml(&synthetic::framework_toml(&spec), None).unwrap();
    let text = synthetic::data_csv(&spec);
    let mib = text.len() as f64 / (1 << 20) as f64;
    println!(
        "generate: {:.3} s, {} units x {} indicators, {mib:.1} MiB of CSV",
        start.elapsed().as_secs_f64(),
        spec.units,
        spec.indicators
    );
    if last == "generate" {
        return;
    }
    let stage = |name: &str, start: Instant| {
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "{name}: {seconds:.3} s, {:.1} ns per unit-indicator",
            seconds * 1e9 / cells
        );
    };
    let start = Instant::now();
    let parsed = Dataset::from_csv(&text, Some("synthetic.csv"));
    stage("parse", start);
    println!("  {} diagnostics", parsed.diagnostics.len());
    assert!(!parsed.has_errors());
    if last == "parse" {
        return;
    }
    let begin = Instant::now();
    let checked = check(&framework, &parsed.dataset);
    stage("check", begin);
    println!("  {} diagnostics", checked.diagnostics.len());
    if last == "check" {
        return;
    }
    let begin = Instant::now();
    let results = compute(&framework, &checked.table).expect("scores");
    stage("compute", begin);
    stage("parse + check + compute", start);
    println!("  {} units scored", results.units.len());
}
