//! `dti import-coinr` and `dti build` together: COINr's own ASEM example, converted by the real
//! binary into a framework file and a data file, rebuilt stage by stage from the command line and
//! compared with every output file of `tests/fixtures/coinr-asem/` (the same tolerance as
//! the library's conformance suite: 1e-9 relative or 1e-12 absolute). Then the import's own
//! messages for broken COINr tables, in both languages.

mod cli_support;

use std::path::Path;

use cli_support::{dti_in, fixtures, scratch};
use dti_core::pipeline::Stage;
use dti_tests::{REL, abs_tolerance, coinr_number, conformance_dir, mismatch, read_csv};

/// Imports the ASEM example with a pipeline fixture; returns the framework and data paths.
fn import(dir: &Path, pipeline: &str) -> (String, String) {
    let reference = conformance_dir();
    let framework = dir.join(format!("{pipeline}.toml"));
    let data = dir.join(format!("{pipeline}.csv"));
    let run = dti_in(
        dir,
        &[
            "import-coinr",
            reference.join("ASEM_iMeta.csv").to_str().unwrap(),
            reference.join("ASEM_iData.csv").to_str().unwrap(),
            "--method",
            fixtures("pipeline")
                .join(format!("{pipeline}.toml"))
                .to_str()
                .unwrap(),
            "--framework-out",
            framework.to_str().unwrap(),
            "--data-out",
            data.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("49 indicators, 11 aggregates") && said.contains("51 units"),
        "{said}"
    );
    (
        framework.to_str().unwrap().to_string(),
        data.to_str().unwrap().to_string(),
    )
}

/// `dti build --stage STAGE --format json` on the imported files: the table as JSON.
fn build(dir: &Path, files: &(String, String), stage: &str) -> serde_json::Value {
    let run = dti_in(
        dir,
        &[
            "build", &files.1, "-f", &files.0, "--stage", stage, "--format", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    serde_json::from_slice(&run.stdout).expect("JSON output")
}

/// Compares the JSON table of a stage with a COINr output file, cell by cell (and the ranks
/// with a `Rank` column when the file has one); returns the number of cells compared.
fn compare(ours: &serde_json::Value, file: &Path) -> usize {
    let (header, rows) = read_csv(file);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let table = &ours["table"];
    let units: Vec<&str> = table["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    let columns: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(units.len(), rows.len(), "{name}: number of units");
    let abs = abs_tolerance(&name);
    let mut bad = Vec::new();
    let mut cells = 0;
    for row in &rows {
        let unit = &row[0];
        let i = units
            .iter()
            .position(|u| u == unit)
            .unwrap_or_else(|| panic!("{name}: unit {unit} missing"));
        for (column, text) in header.iter().zip(row).skip(1) {
            if column == "uName" {
                continue;
            }
            if column == "Rank" {
                let rank = table["ranks"][i].as_u64();
                assert_eq!(rank, text.parse().ok(), "{name}: rank of {unit}");
                cells += 1;
                continue;
            }
            let j = columns
                .iter()
                .position(|c| c == column)
                .unwrap_or_else(|| panic!("{name}: column {column} missing"));
            let mine = table["values"][i][j].as_f64();
            cells += 1;
            if let Some(why) = mismatch(mine, coinr_number(text), abs) {
                bad.push(format!("{unit}/{column}: {why}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{name}: {} mismatches, e.g.\n{}",
        bad.len(),
        bad[..bad.len().min(10)].join("\n")
    );
    cells
}

#[test]
fn the_full_asem_example_runs_from_the_command_line() {
    let reference = conformance_dir();
    let dir = scratch("import-coinr-full");
    let files = import(&dir, "asem-full");
    let mut cells = 0;
    // COINr names its files after the stages as the core does (`Raw`, …); `--stage` takes
    // the same names in lower case.
    for stage in Stage::ALL {
        let ours = build(&dir, &files, &stage.name().to_lowercase());
        let file = format!("example_coin_{}.csv", stage.name());
        cells += compare(&ours, &reference.join(file));
        if stage == Stage::Aggregated {
            cells += compare(&ours, &reference.join("example_coin_results_full.csv"));
        }
    }
    assert!(cells > 7 * 51 * 49, "{cells} cells compared");

    // Effective weights, from the diagnostics.
    let run = dti_in(
        &dir,
        &[
            "build",
            &files.1,
            "-f",
            &files.0,
            "--diagnostics",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let ours: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON output");
    let weights = ours["diagnostics"]["effective_weights"]
        .as_array()
        .expect("effective weights");
    let (_, rows) = read_csv(&reference.join("example_coin_eff_weights.csv"));
    assert_eq!(weights.len(), rows.len(), "one weight per node");
    for row in &rows {
        let mine = weights
            .iter()
            .find(|w| w["code"] == row[0].as_str())
            .unwrap_or_else(|| panic!("no effective weight for {}", row[0]));
        assert_eq!(mine["level"].as_u64(), row[1].parse().ok(), "{}", row[0]);
        let (a, b) = (
            mine["effective_weight"].as_f64().unwrap(),
            row[3].parse::<f64>().unwrap(),
        );
        // The file is written to 15 significant digits.
        assert!(
            (a - b).abs() <= 1e-14_f64.max(REL * b),
            "{}: {a} vs {b}",
            row[0]
        );
    }
}

#[test]
fn the_three_simple_variants_run_from_the_command_line() {
    let reference = conformance_dir();
    let dir = scratch("import-coinr-simple");
    for (pipeline, file) in [
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
        let files = import(&dir, pipeline);
        let ours = build(&dir, &files, "aggregated");
        assert!(compare(&ours, &reference.join(file)) >= 51 * 60, "{file}");
    }
}

/// Runs the import in `tests/fixtures/coinr` with outputs in a scratch folder, shown as
/// `<out>` so that snapshots do not depend on where the tests run.
fn import_small(case: &str, meta: &str, data: &str, extra: &[&str]) -> (cli_support::Run, String) {
    let out = scratch(case);
    let framework = out.join("framework.toml");
    let data_out = out.join("data.csv");
    let mut args = vec![
        "import-coinr",
        meta,
        data,
        "--framework-out",
        framework.to_str().unwrap(),
        "--data-out",
        data_out.to_str().unwrap(),
    ];
    args.extend(extra);
    let run = dti_in(&fixtures("coinr"), &args);
    let shown = run.transcript().replace(out.to_str().unwrap(), "<out>");
    (run, shown)
}

#[test]
fn a_small_index_is_imported_and_built() {
    let (run, shown) = import_small(
        "import-coinr-small",
        "iMeta.csv",
        "iData.csv",
        &["--method", "method.toml", "--id", "example", "--lang", "en"],
    );
    assert_eq!(run.code, 0, "{shown}");
    insta::assert_snapshot!("import-small-run", shown);
    let out = scratch_path("import-coinr-small");
    let framework = std::fs::read_to_string(out.join("framework.toml")).unwrap();
    let data = std::fs::read_to_string(out.join("data.csv")).unwrap();
    insta::assert_snapshot!("import-small-framework", framework);
    insta::assert_snapshot!("import-small-data", data);
    for lang in ["vi", "en"] {
        let build = dti_in(
            &out,
            &["build", "data.csv", "-f", "framework.toml", "--lang", lang],
        );
        assert_eq!(build.code, 0, "{}", build.transcript());
        insta::assert_snapshot!(format!("import-small-build-{lang}"), build.transcript());
    }
}

/// The scratch folder `scratch` made for a test, without emptying it again.
fn scratch_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name)
}

/// Without `--method`, every indicator is scored by COINr's default min-max onto 0–100 and
/// every aggregate is an arithmetic mean, with no construction step.
#[test]
fn without_a_method_the_import_writes_coinrs_defaults() {
    let (run, shown) = import_small("import-coinr-default", "iMeta.csv", "iData.csv", &[]);
    assert_eq!(run.code, 0, "{shown}");
    let framework =
        std::fs::read_to_string(scratch_path("import-coinr-default").join("framework.toml"))
            .unwrap();
    let framework = dti_core::Framework::from_toml(&framework, None).expect("it reads back");
    assert!(framework.pipeline().is_none());
    let coinr = dti_core::Rule::MinMax {
        low: 0.0,
        high: 100.0,
    };
    for node in framework.nodes() {
        match &node.kind {
            dti_core::NodeKind::Indicator { rule } => assert_eq!(rule, &coinr, "{}", node.code),
            dti_core::NodeKind::Aggregate { method, .. } => {
                assert_eq!(*method, dti_core::Aggregation::Arithmetic, "{}", node.code)
            }
        }
    }
}

#[test]
fn outputs_are_never_written_over_inputs_or_existing_files() {
    let out = scratch("import-coinr-outputs");
    let import = |framework: &str, data: &str, more: &[&str]| {
        let mut args = vec![
            "import-coinr",
            "iMeta.csv",
            "iData.csv",
            "--framework-out",
            framework,
            "--data-out",
            data,
        ];
        args.extend_from_slice(more);
        dti_in(&fixtures("coinr"), &args)
    };
    let meta = fixtures("coinr").join("iMeta.csv");
    let before = std::fs::read(&meta).unwrap();
    let run = import(
        out.join("f.toml").to_str().unwrap(),
        "iMeta.csv",
        &["--force"],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert_eq!(std::fs::read(&meta).unwrap(), before);

    std::fs::write(out.join("d.csv"), "keep").unwrap();
    let framework = out.join("f2.toml");
    let run = import(
        framework.to_str().unwrap(),
        out.join("d.csv").to_str().unwrap(),
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert_eq!(std::fs::read_to_string(out.join("d.csv")).unwrap(), "keep");
    assert!(
        !framework.exists(),
        "nothing is written when one output cannot be"
    );
}

#[test]
fn each_broken_coinr_table_is_explained_in_both_languages() {
    let dir = fixtures("coinr").join("bad");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".meta.csv").map(str::to_string)
        })
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "{cases:?}");
    for case in cases {
        let meta = format!("bad/{case}.meta.csv");
        let data = if dir.join(format!("{case}.data.csv")).is_file() {
            format!("bad/{case}.data.csv")
        } else {
            "iData.csv".to_string()
        };
        for lang in ["vi", "en"] {
            let (run, shown) = import_small(
                &format!("import-coinr-bad-{case}"),
                &meta,
                &data,
                &["--lang", lang],
            );
            assert_eq!(run.code, 1, "{shown}");
            assert!(
                std::fs::read_dir(scratch_path(&format!("import-coinr-bad-{case}")))
                    .unwrap()
                    .next()
                    .is_none(),
                "{case}: nothing is written"
            );
            insta::assert_snapshot!(format!("import-bad-{case}-{lang}"), shown);
        }
    }
}
