//! Hand-computed and published cases: each `fixtures/cases/NAME.expected` lists
//! `unit node value` lines to reproduce from a framework and a data set.
//!
//! The framework is `NAME.toml` beside it or the embedded one named by a `framework:` line;
//! the data is `NAME.csv` beside it or the embedded data set named by a `data:` line. With a
//! `precision: N` line, values are compared after rounding to N decimals, as published;
//! otherwise within 1e-12.

use std::fs;
use std::path::Path;

use dti_core::{Dataset, Framework, embedded, round_to, score};

#[test]
fn every_case_reproduces() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut cases = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for expected in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "expected"))
    {
        cases += 1;
        run_case(expected);
    }
    assert!(
        cases >= 3,
        "expected at least three cases in {}",
        dir.display()
    );
}

fn directive<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
}

fn run_case(expected: &Path) {
    let name = expected.display().to_string();
    let text = fs::read_to_string(expected).unwrap();
    let framework = match directive(&text, "framework") {
        Some(id) => {
            embedded::framework(id).unwrap_or_else(|| panic!("{name}: no embedded framework {id}"))
        }
        None => {
            let toml = fs::read_to_string(expected.with_extension("toml")).unwrap();
            Framework::from_toml(&toml, None).unwrap_or_else(|e| panic!("{name}: {e}"))
        }
    };
    let data = match directive(&text, "data") {
        Some(file) => {
            embedded::dataset(file)
                .unwrap_or_else(|| panic!("{name}: no embedded data {file}"))
                .0
        }
        None => {
            let csv = fs::read_to_string(expected.with_extension("csv")).unwrap();
            let parsed = Dataset::from_csv(&csv, None);
            assert!(!parsed.has_errors(), "{name}: {:?}", parsed.diagnostics);
            parsed.dataset
        }
    };
    let precision: Option<u32> = directive(&text, "precision").map(|p| p.parse().unwrap());
    let results = score(&framework, &data).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut checked = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.contains(':') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [unit, node, value] = fields[..] else {
            panic!("{name}: bad line `{line}`")
        };
        let want: f64 = value.parse().unwrap();
        let got = results
            .value(unit, node)
            .unwrap_or_else(|| panic!("{name}: no value for {unit} {node}"));
        match precision {
            Some(decimals) => assert_eq!(round_to(got, decimals), want, "{name}: {unit} {node}"),
            None => assert!(
                (got - want).abs() <= 1e-12 * want.abs().max(1.0),
                "{name}: {unit} {node}: got {got}, want {want}"
            ),
        }
        checked += 1;
    }
    assert!(checked > 0, "{name} checks nothing");
}
