//! Full builds of COINr's ASEM example (51 units × 49 indicators, 4 levels): denominate,
//! impute by group, screen, treat, then scoring (min-max, arithmetic means). COINr takes about
//! 0.11 s for one.
//!
//! - `asem full rebuild (51 x 49)`: one [`build_checked`] from the checked table: the steps and
//!   every node's value (what COINr's rebuild does from its numeric data);
//! - `asem full rebuild with ranked results`: the same, then the ranks, points and statuses
//!   of every node (`Build::results`, assembled on first use);
//! - `asem check + full rebuild`: one [`build`] from the data set as read, checking it first;
//! - `asem 600 rebuilds, perturbed weights`: a stand-in for COINr's sensitivity analysis of the
//!   example (N = 100 samples, 4 uncertain choices → 600 runs, about 68 s in COINr): 600
//!   builds from the checked table, each with every weight multiplied by a seeded uniform
//!   factor in [0.75, 1.25].
//!
//! Reads the data from `tests/fixtures/coinr-asem/` relative to the workspace root and
//! the methodology from `tests/fixtures/pipeline/asem-full.toml`, imported by the core's COINr
//! import; fails when the data is missing.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use dti_core::coinr::{Method, Source, import};
use dti_core::pipeline::{Stage, build, build_checked};
use dti_core::random::SplitMix64;
use dti_core::{Dataset, Framework};

fn load(root: &Path) -> Result<(Framework, Dataset), String> {
    let dir = root.join("tests/fixtures/coinr-asem");
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let meta = read(&dir.join("ASEM_iMeta.csv"))?;
    let data = read(&dir.join("ASEM_iData.csv"))?;
    let method = read(&root.join("tests/fixtures/pipeline/asem-full.toml"))?;
    let method = Method::from_toml(&method, None).map_err(|e| e.to_string())?;
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
        "ASEM",
    )
    .map_err(|e| e.to_string())?;
    let dataset = Dataset::from_csv(&imported.data_text, None).dataset;
    Ok((imported.framework, dataset))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let (framework, data) = match load(&root) {
        Ok(loaded) => loaded,
        Err(why) => {
            eprintln!("the ASEM example is needed to benchmark the pipeline: {why}");
            std::process::exit(1);
        }
    };
    let table = dti_core::check(&framework, &data).table;
    let mut c = Criterion::default().configure_from_args();
    c.bench_function("asem full rebuild (51 x 49)", |b| {
        b.iter(|| build_checked(black_box(&framework), black_box(&table)))
    });
    c.bench_function("asem full rebuild with ranked results", |b| {
        b.iter(|| {
            build_checked(black_box(&framework), black_box(&table))
                .map(|built| built.results().units.len())
        })
    });
    c.bench_function("asem check + full rebuild", |b| {
        b.iter(|| build(black_box(&framework), black_box(&data), None))
    });

    let mut rng = SplitMix64::new(2024);
    let frameworks: Vec<Framework> = (0..600)
        .filter_map(|_| {
            framework
                .with_weights(|_, _, w| w * (0.75 + 0.5 * rng.next_f64()))
                .ok()
        })
        .collect();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("asem 600 rebuilds, perturbed weights", |b| {
        b.iter(|| {
            let mut total = 0.0;
            for framework in &frameworks {
                if let Ok(built) = build_checked(framework, &table) {
                    let aggregated = built.stage(Stage::Aggregated);
                    total += aggregated
                        .and_then(|t| t.value("CHE", "Index"))
                        .unwrap_or(0.0);
                }
            }
            black_box(total)
        })
    });
    group.finish();
    c.final_summary();
}
