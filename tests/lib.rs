//! Shared helpers for the cross-crate tests and benchmarks.
//!
//! The COINr conformance data (`../shared/conformance/coinr-asem/`) is read from beside the
//! checkout, never copied into it. [`asem_files`] turns its inputs into this project's
//! framework and data files, so the core scorer can be checked against COINr's simple
//! variants and the analyses benchmarked on the same 51 × 49 example.

use std::path::{Path, PathBuf};

use dti_cli::coinr;
use dti_core::Lang;

/// The folder of the COINr conformance data, when it is there.
///
/// Panics when `CI` is set and the folder is missing: CI must not skip conformance.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/coinr-asem");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {} is missing",
        dir.display()
    );
    eprintln!("note: {} is missing; skipping", dir.display());
    None
}

/// COINr's ASEM example as this project's files, converted by `dti import-coinr`'s own code
/// with the pipeline of `fixtures/pipeline/<pipeline>.toml`: (framework TOML, data CSV). The
/// framework's scoring rules and aggregation follow that pipeline's defaults, so `score`
/// can be checked against COINr's simple variants.
pub fn asem_files(dir: &Path, pipeline: &str) -> (String, String) {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let (meta, data) = (read("ASEM_iMeta.csv"), read("ASEM_iData.csv"));
    let spec_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pipeline")
        .join(format!("{pipeline}.toml"));
    let spec = coinr::read_pipeline(&spec_path, Lang::En)
        .unwrap_or_else(|e| panic!("{}: {e:?}", spec_path.display()));
    let source = |name, text| coinr::Source { name, text };
    let converted = coinr::convert(
        source("ASEM_iMeta.csv", &meta),
        source("ASEM_iData.csv", &data),
        ["asem.toml", "asem.csv"],
        &spec,
        "asem",
        "ASEM Sustainable Connectivity",
        Lang::En,
    )
    .unwrap_or_else(|issues| panic!("{issues:?}"));
    (converted.framework, converted.data)
}
