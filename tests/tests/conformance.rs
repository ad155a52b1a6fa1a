//! Conformance of the construction pipeline with COINr 1.1.14 on its ASEM example.
//!
//! The reference files live outside the repository, in `../shared/conformance/coinr-asem/`
//! relative to the workspace root (see its README). Without them the tests print a note and pass,
//! unless the `CI` environment variable is set, in which case they fail.
//!
//! Every unit and column of every output file is compared: a value matches when it is within
//! 1e-9 relative or 1e-12 absolute of COINr's. `results_full.csv` is written by COINr rounded to
//! 10 decimals, so there the absolute tolerance is the rounding, 5e-11.

use std::collections::HashMap;
use std::path::Path;

use dti_core::pipeline::{
    Dataset, NodeKind, NodeSpec, PipelineSpec, Results, Stage, Table, Tree, run,
};
use dti_tests::{REL, abs_tolerance, coinr_number, conformance_dir, mismatch, read_csv};

/// The ASEM dataset and tree, built from iData and iMeta.
fn asem(dir: &Path) -> (Dataset, Tree) {
    let (mh, meta) = read_csv(&dir.join("ASEM_iMeta.csv"));
    let col = |name: &str| mh.iter().position(|h| h == name).expect(name);
    let (lev, code, dir_, w, den, par, ty, tgt) = (
        col("Level"),
        col("iCode"),
        col("Direction"),
        col("Weight"),
        col("Denominator"),
        col("Parent"),
        col("Type"),
        col("Target"),
    );
    let mut nodes = Vec::new();
    let mut numeric = Vec::new();
    let mut groups = Vec::new();
    for row in &meta {
        let code = row[code].clone();
        match row[ty].as_str() {
            "Indicator" | "Aggregate" => {
                let kind = if row[ty] == "Indicator" {
                    numeric.push(code.clone());
                    NodeKind::Indicator {
                        direction: row[dir_].parse().expect("direction"),
                        denominator: (row[den] != "NA").then(|| row[den].clone()),
                        target: coinr_number(&row[tgt]),
                    }
                } else {
                    NodeKind::Aggregate
                };
                nodes.push(NodeSpec {
                    code,
                    parent: (row[par] != "NA").then(|| row[par].clone()),
                    weight: coinr_number(&row[w]).expect("weight"),
                    level: Some(row[lev].parse().expect("level")),
                    kind,
                });
            }
            "Denominator" => numeric.push(code),
            "Group" => groups.push(code),
            other => panic!("unknown type {other}"),
        }
    }
    let tree = Tree::new(nodes).expect("valid tree");

    let (dh, rows) = read_csv(&dir.join("ASEM_iData.csv"));
    let at = |name: &str| dh.iter().position(|h| h == name).expect(name);
    let units = rows.iter().map(|r| r[at("uCode")].clone()).collect();
    let times = rows
        .iter()
        .map(|r| r[at("Time")].parse().expect("time"))
        .collect();
    let mut data = Dataset::new(units, Some(times)).expect("dataset");
    for name in &numeric {
        let j = at(name);
        data.push_column(
            name.clone(),
            rows.iter().map(|r| coinr_number(&r[j])).collect(),
        )
        .expect("column");
    }
    for name in &groups {
        let j = at(name);
        data.push_group(name.clone(), rows.iter().map(|r| r[j].clone()).collect())
            .expect("group");
    }
    (data, tree)
}

fn spec(name: &str) -> PipelineSpec {
    let path = format!("{}/fixtures/pipeline/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    PipelineSpec::from_toml(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
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
            let mine = col[ours.unit_index(unit).unwrap_or(0)];
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
    let Some(dir) = conformance_dir() else { return };
    let (data, tree) = asem(&dir);
    for (fixture, file) in [
        (
            "simple-minmax-amean.toml",
            "simple_raw_minmax_amean_Aggregated.csv",
        ),
        (
            "simple-minmax1-100-gmean.toml",
            "simple_raw_minmax1_100_gmean_Aggregated.csv",
        ),
        (
            "simple-zscore-amean.toml",
            "simple_raw_zscore_amean_Aggregated.csv",
        ),
    ] {
        let results = run(&data, &tree, &spec(fixture)).expect(fixture);
        compare(results.aggregated(), &dir.join(file));
    }
}

fn full(dir: &Path) -> Results {
    let (data, tree) = asem(dir);
    run(&data, &tree, &spec("asem-full.toml")).expect("full pipeline")
}

#[test]
fn full_example_every_stage() {
    let Some(dir) = conformance_dir() else { return };
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
    let Some(dir) = conformance_dir() else { return };
    let results = full(&dir);
    let path = dir.join("example_coin_results_full.csv");
    // Written rounded to 10 decimals.
    compare(results.aggregated(), &path);
    let (header, rows) = read_csv(&path);
    let rank_col = header.iter().position(|h| h == "Rank").expect("Rank");
    let ranks = results.ranks("Index").expect("Index");
    let agg = results.aggregated();
    for row in &rows {
        let i = agg.unit_index(&row[0]).expect("unit");
        assert_eq!(
            ranks[i],
            Some(row[rank_col].parse().expect("rank")),
            "rank of {}",
            row[0]
        );
    }
    assert_eq!(rows[0][0], "CHE");
}

#[test]
fn full_example_effective_weights() {
    let Some(dir) = conformance_dir() else { return };
    let results = full(&dir);
    let (header, rows) = read_csv(&dir.join("example_coin_eff_weights.csv"));
    assert_eq!(header, ["iCode", "Level", "Weight", "EffWeight"]);
    let ours: HashMap<&str, f64> = results
        .effective_weights()
        .iter()
        .map(|(c, w)| (c.as_str(), *w))
        .collect();
    assert_eq!(ours.len(), rows.len());
    let (data, tree) = asem(&dir);
    drop(data);
    let mut worst = 0.0_f64;
    for row in &rows {
        let w = ours[row[0].as_str()];
        let theirs: f64 = row[3].parse().expect("weight");
        let err = (w - theirs).abs() / theirs;
        worst = worst.max(err);
        assert!(err <= REL, "{}: ours {w}, COINr {theirs}", row[0]);
        assert_eq!(tree.level(&row[0]), Some(row[1].parse().expect("level")));
    }
    eprintln!(
        "example_coin_eff_weights.csv: {} weights match, max error {worst:.2e}",
        rows.len()
    );
}
