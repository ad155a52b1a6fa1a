//! Every input that once broke a parser or the scorer (`fixtures/fuzz-regressions/`), and every
//! fuzz seed (`fuzz/corpus/`), goes through the checks of its fuzz target: reading never
//! panics, every diagnostic can be worded, and every scored value is finite and on its node's
//! scale. The fuzz targets (`fuzz/fuzz_targets/`) make the same checks on random inputs.

use std::fs;
use std::path::{Path, PathBuf};

use dti_core::{Dataset, Diagnostic, Framework, Lang, Limits, check, compute, embedded, explain};

fn render(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        for lang in [Lang::Vi, Lang::En] {
            assert!(!diagnostic.render(lang).is_empty());
        }
    }
}

/// Scores the data; every value must be finite and within its node's scale.
fn score(framework: &Framework, data: &Dataset, name: &str) {
    let checked = check(framework, data);
    render(&checked.diagnostics);
    let results = match compute(framework, &checked.table) {
        Ok(results) => results,
        Err(failure) => {
            render(&failure.diagnostics);
            return;
        }
    };
    for unit in results.rows() {
        for (node, result) in results.nodes.iter().zip(&unit.nodes) {
            if let Some(value) = result.value {
                assert!(
                    value.is_finite() && node.scale.low <= value && value <= node.scale.high,
                    "{name}: {} = {value} outside {:?}",
                    node.code,
                    node.scale
                );
            }
        }
    }
    if checked.table.n_units() > 0 {
        let _ = explain::explain(framework, &checked.table, 0, None, 0.1);
    }
}

fn run(target: &str, text: &str, name: &str) {
    let default = embedded::default_framework();
    match target {
        "framework_toml" | "framework_json" => {
            let parsed = match target {
                "framework_toml" => Framework::from_toml(text, Some(name)),
                _ => Framework::from_json(text, Some(name)),
            };
            let _ = dti_core::limits::read_framework(text, Some(name), &Limits::default());
            match parsed {
                Ok(framework) => {
                    let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
                    score(&framework, &data, name);
                }
                Err(failure) => render(&failure.diagnostics),
            }
        }
        "data_csv" | "data_json" => {
            let parsed = match target {
                "data_csv" => Dataset::from_csv(text, Some(name)),
                _ => Dataset::from_json(text, Some(name)),
            };
            render(&parsed.diagnostics);
            score(&default, &parsed.dataset, name);
        }
        "score" => {
            let (framework_text, data_text) = text.split_once('\0').unwrap_or(("", text));
            let parsed = Dataset::parse(data_text, Some(name));
            render(&parsed.diagnostics);
            score(&default, &parsed.dataset, name);
            if let Ok(framework) = Framework::parse(framework_text, Some(name)) {
                score(&framework, &parsed.dataset, name);
            }
        }
        _ => panic!("{name}: no fuzz target `{target}`"),
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.extension().is_none_or(|ext| ext != "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fuzz_finding_stays_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let files = files(&dir);
    assert!(!files.is_empty());
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let target = [
            "framework_toml",
            "framework_json",
            "data_csv",
            "data_json",
            "score",
        ]
        .into_iter()
        .find(|t| name.starts_with(&format!("{t}-")))
        .unwrap_or_else(|| panic!("{name}: name it <target>-<finding>"));
        let text = String::from_utf8(fs::read(&path).unwrap()).unwrap();
        run(target, &text, name);
    }
}

#[test]
fn the_overflowing_ratio_is_refused_not_scored() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let text = fs::read_to_string(dir.join("score-overflowing-ratio.bin")).unwrap();
    let (framework, data) = text.split_once('\0').unwrap();
    let framework = Framework::parse(framework, None).unwrap();
    let checked = check(&framework, &Dataset::parse(data, None).dataset);
    assert!(checked.diagnostics[0].is_error());
    assert_eq!(checked.table.get(0, 0), None);
}

#[test]
fn every_fuzz_seed_passes_its_target_checks() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut count = 0;
    for target in [
        "framework_toml",
        "framework_json",
        "data_csv",
        "data_json",
        "score",
    ] {
        for path in files(&corpus.join(target)) {
            let Ok(text) = String::from_utf8(fs::read(&path).unwrap()) else {
                continue;
            };
            run(target, &text, &path.display().to_string());
            count += 1;
        }
    }
    assert!(count >= 50, "{count} seeds");
}
