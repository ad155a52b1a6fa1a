//! The core scorer (framework rules and aggregates, not the pipeline) reproduces COINr's
//! simple variant: raw data → min-max per indicator with direction → weighted arithmetic
//! mean at every level, missing values skipped.

use std::fs;

use dti_core::{Dataset, Framework, score};
use dti_tests::{asem_data, asem_framework, conformance_dir};

#[test]
fn the_scorer_matches_coinr_minmax_arithmetic_mean() {
    let Some(dir) = conformance_dir() else { return };
    let meta = fs::read_to_string(dir.join("ASEM_iMeta.csv")).unwrap();
    let data = fs::read_to_string(dir.join("ASEM_iData.csv")).unwrap();
    let framework = Framework::from_toml(&asem_framework(&meta, 0.0, 100.0), Some("asem")).unwrap();
    let parsed = Dataset::from_csv(&asem_data(&data, &meta), Some("asem.csv"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let results = score(&framework, &parsed.dataset).unwrap();

    let expected = fs::read_to_string(dir.join("simple_raw_minmax_amean_Aggregated.csv")).unwrap();
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
                "{} {column}: {got} vs {want}",
                row[0]
            );
            compared += 1;
        }
    }
    assert!(compared > 51 * 49, "only {compared} values compared");
}
