//! Times each stage of reading, checking and scoring a synthetic data set, for peak-memory
//! measurements that the criterion benches cannot make (run it under `/usr/bin/time -v`).
//!
//! ```text
//! cargo run --release -p dti-core --example scale -- 10000 1000 score
//! ```
//! Arguments: units, indicators, and the last stage to run (`generate`, `parse`, `check`
//! or `score`; default `score`), or `write DIR` to write the framework and the data to
//! `DIR/synthetic.toml` and `DIR/synthetic.csv` for the command line (`dti check`,
//! `dti score`). It times two bounds on the same data, printed after scoring: finding the line
//! ends of the text, as `wc -l` does (after parsing, before the text is let go), and summing
//! the checked values (after scoring).

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
    if last == "write" {
        let dir = std::path::Path::new(args.get(3).expect("a directory to write to"));
        std::fs::write(dir.join("synthetic.toml"), synthetic::framework_toml(&spec)).unwrap();
        std::fs::write(dir.join("synthetic.csv"), &text).unwrap();
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
    let parse_seconds = start.elapsed().as_secs_f64();
    stage("parse", start);
    println!("  {} diagnostics", parsed.diagnostics.len());
    assert!(!parsed.has_errors());
    if last == "parse" {
        return;
    }
    // The first bound reads the text; then the text goes, as it does in a program that has
    // read its file (it is not needed to check and score).
    let count = count_lines(&text, parse_seconds);
    drop(text);
    let begin = Instant::now();
    let checked = check(&framework, &parsed.dataset);
    stage("check", begin);
    println!("  {} diagnostics", checked.diagnostics.len());
    if last == "check" {
        return;
    }
    // As `dti score` does: the values as read are let go once checked.
    drop(parsed);
    let begin = Instant::now();
    let results = compute(&framework, &checked.table).expect("scores");
    let compute_seconds = begin.elapsed().as_secs_f64();
    stage("compute", begin);
    stage("parse + check + compute", start);
    println!("  {} units scored", results.units.len());
    // Ranks are computed when first read: what a front end showing every rank adds.
    let begin = Instant::now();
    let ranked: usize = (0..results.nodes.len())
        .map(|node| results.ranks(node).iter().flatten().count())
        .sum();
    stage("every rank read", begin);
    println!("  {ranked} ranks");
    println!("{count}");
    println!("{}", sum_values(&checked.table, compute_seconds));
}

/// How far reading is from what the machine can do with the same text at best: finding its
/// line ends, as `wc -l` does.
fn count_lines(text: &str, parse_seconds: f64) -> String {
    let begin = Instant::now();
    let lines = std::hint::black_box(text)
        .bytes()
        .filter(|&b| b == b'\n')
        .count();
    let count_seconds = begin.elapsed().as_secs_f64();
    let gb = text.len() as f64 / 1e9;
    format!(
        "bound, counting {lines} lines: {count_seconds:.3} s ({:.2} GB/s); parsing reads {:.3} GB/s, {:.0}x slower",
        gb / count_seconds,
        gb / parse_seconds,
        parse_seconds / count_seconds
    )
}

/// How far scoring is from what the machine can do with the same values at best: summing
/// the checked table's columns, one number per value (without a copy of them, which would
/// add its own size to the peak memory measured).
fn sum_values(table: &dti_core::Table, compute_seconds: f64) -> String {
    let begin = Instant::now();
    let table = std::hint::black_box(table);
    let sum: f64 = (0..table.columns().len())
        .map(|j| table.column_at(j).iter().flatten().sum::<f64>())
        .sum();
    let sum_seconds = begin.elapsed().as_secs_f64();
    format!(
        "bound, summing one number per value: {sum_seconds:.4} s (sum {sum:.0}); scoring is {:.0}x slower",
        compute_seconds / sum_seconds
    )
}
