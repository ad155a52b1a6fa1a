//! The core scorer (framework rules and aggregates, not the pipeline) reproduces COINr's
//! simple variants: raw data → one normalisation per indicator with its direction → one
//! weighted mean at every level, missing values skipped. The framework and data are COINr's
//! tables converted by `dti import-coinr`'s code, whose scoring rules follow the pipeline.

use std::fs;
use std::path::Path;

use dti_core::{Dataset, Framework, score};
use dti_tests::{asem_files, conformance_dir};

#[test]
fn the_scorer_matches_coinr_minmax_arithmetic_mean() {
    let dir = conformance_dir();
    compare(
        &dir,
        "simple-minmax-amean",
        "simple_raw_minmax_amean_Aggregated.csv",
    );
}

#[test]
fn the_scorer_matches_coinr_zscore_arithmetic_mean() {
    let dir = conformance_dir();
    compare(
        &dir,
        "simple-zscore-amean",
        "simple_raw_zscore_amean_Aggregated.csv",
    );
}

#[test]
fn the_scorer_matches_coinr_minmax_geometric_mean() {
    let dir = conformance_dir();
    compare(
        &dir,
        "simple-minmax1-100-gmean",
        "simple_raw_minmax1_100_gmean_Aggregated.csv",
    );
}

fn compare(dir: &Path, pipeline: &str, reference: &str) {
    let (framework, data) = asem_files(dir, pipeline);
    let framework = Framework::from_toml(&framework, Some("asem")).unwrap();
    let parsed = Dataset::from_csv(&data, Some("asem.csv"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let results = score(&framework, &parsed.dataset).unwrap();

    let expected = fs::read_to_string(dir.join(reference)).unwrap();
    let mut lines = expected.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(|h| h.trim_matches('"').to_string())
        .collect();
    let mut compared = 0;
    for line in lines {
        let row: Vec<&str> = line.split(',').map(|c| c.trim_matches('"')).collect();
        for (column, cell) in header.iter().zip(&row).skip(1) {
            if framework.find(column).is_none() || *cell == "NA" {
                continue;
            }
            let want: f64 = cell.parse().unwrap();
            let got = results
                .value(row[0], column)
                .unwrap_or_else(|| panic!("{} {column}", row[0]));
            let tolerance = if want.abs() < 1e-3 {
                1e-12
            } else {
                1e-9 * want.abs()
            };
            assert!(
                (got - want).abs() <= tolerance,
                "{reference}: {} {column}: {got} vs {want}",
                row[0]
            );
            compared += 1;
        }
    }
    assert!(compared > 51 * 49, "only {compared} values compared");
}
