//! Conformance of the construction pipeline with COINr 1.1.14 on its ASEM example.
//!
//! The reference files are committed in `tests/fixtures/coinr-asem/` with their provenance
//! (`PROVENANCE.md` there); the tests never skip.
//!
//! Every unit and column of every output file is compared: a value matches when it is within
//! 1e-9 relative or 1e-12 absolute of COINr's. `results_full.csv` is written by COINr rounded to
//! 10 decimals, so there the absolute tolerance is the rounding, 5e-11.

use std::collections::HashMap;
use std::path::Path;

use dti_core::pipeline::{Build, Stage, build};
use dti_core::{Dataset, Framework, Table};
use dti_tests::{
    REL, abs_tolerance, asem_files, coinr_number, conformance_dir, mismatch, read_csv,
};

/// The ASEM example imported with a methodology of `fixtures/pipeline`, built (the framework
/// lives as long as the test, as the build borrows it).
fn built(dir: &Path, method: &str) -> Build<'static> {
    let (framework, data) = asem_files(dir, method);
    let framework = Framework::from_toml(&framework, Some("asem.toml")).expect(method);
    let framework: &'static Framework = Box::leak(Box::new(framework));
    let parsed = Dataset::from_csv(&data, Some("asem.csv"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    build(framework, &parsed.dataset, None).unwrap_or_else(|f| panic!("{f}"))
}

/// Compares a table with a COINr output file; returns the largest relative error over cells
/// whose magnitude is at least 1e-3, and the largest absolute error over all cells. Panics
/// listing the first mismatches.
fn compare(ours: &Table, path: &Path) -> (f64, f64) {
    let (header, rows) = read_csv(path);
    let file = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    assert_eq!(header[0], "uCode", "{file}");
    let abs = abs_tolerance(&file);
    assert_eq!(rows.len(), ours.n_units(), "{file}: number of units");
    let (mut worst_rel, mut worst_abs) = (0.0_f64, 0.0_f64);
    let mut bad = Vec::new();
    let mut cells = 0;
    for row in &rows {
        let unit = &row[0];
        assert!(
            ours.unit_index(unit).is_some(),
            "{file}: unit {unit} missing"
        );
        for (name, text) in header.iter().zip(row).skip(1) {
            if name == "Rank" {
                continue;
            }
            let col = ours
                .column(name)
                .unwrap_or_else(|| panic!("{file}: column {name} missing"));
            let theirs = coinr_number(text);
            let mine = col.get(ours.unit_index(unit).unwrap_or(0));
            cells += 1;
            if let (Some(a), Some(b)) = (mine, theirs) {
                let (err, scale) = ((a - b).abs(), a.abs().max(b.abs()));
                worst_abs = worst_abs.max(err);
                if scale >= 1e-3 {
                    worst_rel = worst_rel.max(err / scale);
                }
            }
            if let Some(why) = mismatch(mine, theirs, abs) {
                bad.push(format!("{unit}/{name}: {why}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{file}: {} mismatches, e.g.\n{}",
        bad.len(),
        bad[..bad.len().min(10)].join("\n")
    );
    eprintln!(
        "{file}: {cells} cells match; max relative error {worst_rel:.1e}, max absolute {worst_abs:.1e}"
    );
    (worst_rel, worst_abs)
}

#[test]
fn simple_variants() {
    let dir = conformance_dir();
    for (fixture, file) in [
        (
            "simple-minmax-amean",
            "simple_raw_minmax_amean_Aggregated.csv",
        ),
        (
            "simple-minmax1-100-gmean",
            "simple_raw_minmax1_100_gmean_Aggregated.csv",
        ),
        (
            "simple-zscore-amean",
            "simple_raw_zscore_amean_Aggregated.csv",
        ),
    ] {
        let results = built(&dir, fixture);
        compare(aggregated(&results), &dir.join(file));
    }
}

fn aggregated<'a>(results: &'a Build<'_>) -> &'a Table {
    results.stage(Stage::Aggregated).expect("always there")
}

fn full(dir: &Path) -> Build<'static> {
    built(dir, "asem-full")
}

#[test]
fn full_example_every_stage() {
    let dir = conformance_dir();
    let results = full(&dir);
    for stage in Stage::ALL {
        let table = results.stage(stage).expect("every stage runs");
        compare(
            table,
            &dir.join(format!("example_coin_{}.csv", stage.name())),
        );
    }
    // The imputed cells are exactly the missing cells of the denominated data.
    let den = results.stage(Stage::Denominated).expect("denominated");
    let missing: usize = (0..den.columns().len())
        .map(|j| den.column_at(j).iter().filter(|v| v.is_none()).count())
        .sum();
    assert_eq!(results.imputed_cells().len(), missing);
    assert!(results.dropped_units().is_empty());
    // Fifteen indicators are winsorised, none log-transformed.
    let treated: Vec<&str> = results
        .treatment()
        .iter()
        .filter(|r| !r.points.is_empty())
        .map(|r| r.indicator.as_str())
        .collect();
    assert_eq!(treated.len(), 15, "{treated:?}");
}

#[test]
fn full_example_results_and_ranks() {
    let dir = conformance_dir();
    let results = full(&dir);
    let path = dir.join("example_coin_results_full.csv");
    // Written rounded to 10 decimals.
    compare(aggregated(&results), &path);
    let (header, rows) = read_csv(&path);
    let rank_col = header.iter().position(|h| h == "Rank").expect("Rank");
    for row in &rows {
        let unit = results.results().unit(&row[0]).expect("unit");
        assert_eq!(
            unit.node("Index").and_then(|n| n.rank),
            Some(row[rank_col].parse().expect("rank")),
            "rank of {}",
            row[0]
        );
    }
    assert_eq!(rows[0][0], "CHE");
}

#[test]
fn full_example_effective_weights() {
    let dir = conformance_dir();
    let results = full(&dir);
    let framework = results.framework();
    let (header, rows) = read_csv(&dir.join("example_coin_eff_weights.csv"));
    assert_eq!(header, ["iCode", "Level", "Weight", "EffWeight"]);
    let weights = framework.effective_weights(framework.main_index());
    let ours: HashMap<&str, (f64, u32)> = framework
        .nodes()
        .iter()
        .enumerate()
        .map(|(id, node)| (node.code.as_str(), (weights[id], framework.level(id))))
        .collect();
    assert_eq!(ours.len(), rows.len());
    let mut worst = 0.0_f64;
    for row in &rows {
        let (w, level) = ours[row[0].as_str()];
        let theirs: f64 = row[3].parse().expect("weight");
        let err = (w - theirs).abs() / theirs;
        worst = worst.max(err);
        assert!(err <= REL, "{}: ours {w}, COINr {theirs}", row[0]);
        assert_eq!(level, row[1].parse::<u32>().expect("level"));
    }
    eprintln!(
        "example_coin_eff_weights.csv: {} weights match, max error {worst:.2e}",
        rows.len()
    );
}

/// The analyst orders the steps: screening by availability before imputing drops the units
/// short of data, five Asian countries of the example, which imputing first would have kept.
#[test]
fn screening_before_imputing_drops_the_units_short_of_data() {
    let dir = conformance_dir();
    let default = full(&dir);
    assert!(default.dropped_units().is_empty());
    let results = built(&dir, "asem-screen-first");
    let dropped: Vec<&str> = results
        .dropped_units()
        .iter()
        .map(|d| d.unit.as_str())
        .collect();
    let (header, rows) = read_csv(&dir.join("ASEM_iData.csv"));
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let region = |unit: &str| {
        rows.iter()
            .find(|r| r[at("uCode")] == unit)
            .map(|r| r[at("EurAsia_group")].clone())
            .unwrap()
    };
    assert_eq!(dropped.len(), 5, "{dropped:?}");
    assert!(dropped.iter().all(|u| region(u) == "Asia"), "{dropped:?}");
    assert_eq!(results.results().units.len(), 46);
    assert!(results.imputed_cells().len() < default.imputed_cells().len());
}
