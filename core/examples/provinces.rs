//! Reads, checks and scores the 2022 DTI for 63 provinces a given number of times, for
//! instruction counts that a loaded machine does not disturb:
//!
//! ```text
//! cargo build --release -p dti-core --example provinces
//! valgrind --tool=callgrind target/release/examples/provinces 100
//! ```
//! Prints the time per run; under callgrind, divide the instructions by the runs (the
//! generation of the CSV text is done once, before the runs).

use std::hint::black_box;
use std::time::Instant;

use dti_core::{Dataset, embedded, score, synthetic};

fn main() {
    let runs: u32 = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("a whole number of runs"))
        .unwrap_or(1_000);
    let framework = embedded::default_framework();
    let text = synthetic::provinces_2022_csv(2022);
    let start = Instant::now();
    for _ in 0..runs {
        let parsed = Dataset::from_csv(black_box(&text), Some("provinces.csv"));
        let results = score(&framework, &parsed.dataset).expect("the synthetic set scores");
        black_box(results);
    }
    let each = start.elapsed().as_secs_f64() / f64::from(runs);
    println!(
        "63 provinces, parse + check + score: {:.1} µs per run ({runs} runs)",
        each * 1e6
    );
}
