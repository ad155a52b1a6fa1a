//! Shared helpers for the cross-crate tests and benchmarks.
//!
//! The COINr conformance data lives in `fixtures/coinr-asem/` (see its `PROVENANCE.md`).
//! [`asem_files`] turns its inputs into this project's
//! framework and data files, so the engine can be checked against COINr at every stage and
//! the analyses benchmarked on the same 51 × 49 example.

use std::path::{Path, PathBuf};

use dti_core::coinr::{Method, Source, import};

/// A CSV file as its header and rows of strings.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// Conformance: a cell matches COINr's within 1e-9 relative or [`ABS`] absolute.
pub const REL: f64 = 1e-9;
/// The absolute tolerance near zero.
pub const ABS: f64 = 1e-12;

/// The absolute tolerance for one of COINr's output files: `results_full.csv` is written
/// rounded to 10 decimals, so there it is the rounding, 5e-11.
pub fn abs_tolerance(file: &str) -> f64 {
    if file.contains("results_full") {
        5e-11
    } else {
        ABS
    }
}

/// A cell of COINr's CSV output: `NA` is missing; anything else must be a number.
pub fn coinr_number(text: &str) -> Option<f64> {
    (text != "NA").then(|| {
        text.parse()
            .unwrap_or_else(|e| panic!("bad number `{text}`: {e}"))
    })
}

/// How our cell differs from COINr's, or `None` when it matches: both missing, or both
/// present and within [`REL`] relative or `abs` absolute.
pub fn mismatch(ours: Option<f64>, theirs: Option<f64>, abs: f64) -> Option<String> {
    match (ours, theirs) {
        (None, None) => None,
        (Some(a), Some(b)) => {
            let err = (a - b).abs();
            (err > REL * a.abs().max(b.abs()) && err > abs)
                .then(|| format!("ours {a:e}, COINr {b:e}"))
        }
        (a, b) => Some(format!("ours {a:?}, COINr {b:?}")),
    }
}

/// The folder of the COINr conformance data, committed with the tests:
/// `tests/fixtures/coinr-asem/`.
///
/// Panics when the folder is missing (a broken checkout): a conformance test that passes
/// without its data would claim what it never checked.
pub fn conformance_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/coinr-asem");
    assert!(
        dir.join("ASEM_iData.csv").is_file(),
        "the COINr conformance data is not at {}: these tests compare the engine with COINr's \
         own outputs and cannot run without them (see its PROVENANCE.md)",
        dir.display()
    );
    dir
}

/// COINr's ASEM example as this project's files, converted by `dti import-coinr`'s code (the
/// core's COINr import) with the methodology of `fixtures/pipeline/<method>.toml`: (framework
/// TOML, data CSV).
pub fn asem_files(dir: &Path, method: &str) -> (String, String) {
    let read = |path: &Path| {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (meta, data) = (
        read(&dir.join("ASEM_iMeta.csv")),
        read(&dir.join("ASEM_iData.csv")),
    );
    let method_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pipeline")
        .join(format!("{method}.toml"));
    let method = Method::from_toml(&read(&method_path), None)
        .unwrap_or_else(|e| panic!("{}: {e}", method_path.display()));
    let imported = import(
        Source {
            name: "ASEM_iMeta.csv",
            text: &meta,
        },
        Source {
            name: "ASEM_iData.csv",
            text: &data,
        },
        ["asem.toml", "asem.csv"],
        &method,
        "asem",
        "ASEM Sustainable Connectivity",
    )
    .unwrap_or_else(|failure| panic!("{failure}"));
    (imported.framework_text, imported.data_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tolerance_accepts_rounding_and_refuses_real_differences() {
        assert_eq!(mismatch(Some(100.0), Some(100.0 + 5e-8), ABS), None);
        assert_eq!(mismatch(Some(0.0), Some(5e-13), ABS), None);
        assert_eq!(mismatch(None, None, ABS), None);
        assert!(mismatch(Some(100.0), Some(100.001), ABS).is_some());
        assert!(mismatch(Some(1e-3), Some(1.1e-3), ABS).is_some());
        assert!(mismatch(Some(1.0), None, ABS).is_some());
        assert_eq!(abs_tolerance("example_coin_results_full.csv"), 5e-11);
        assert_eq!(coinr_number("NA"), None);
        assert_eq!(coinr_number("2.5"), Some(2.5));
    }
}
