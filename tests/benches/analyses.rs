//! Benchmarks of the decision analyses: the 600-run sensitivity analysis on COINr's 51 × 49
//! ASEM example (N = 100, four uncertain choices; COINr needs about 68 s), and what-if, goal
//! seeking, remove-one and the 63 → 34 merger on the 63-province demonstration data.
//!
//! `cargo bench -p dti-tests --bench analyses -- --quick`

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dti_core::analysis::goal::{Target, seek};
use dti_core::analysis::merge::{Method, Partial, merge, parse_mapping};
use dti_core::analysis::removal::remove_one;
use dti_core::analysis::sensitivity::{Settings, Uncertainty, WeightNoise, analyse};
use dti_core::analysis::whatif::what_if;
use dti_core::{Dataset, Framework, MissingPolicy, Rule, check, embedded};

fn uncertainty() -> Uncertainty {
    Uncertainty {
        weights: Some(WeightNoise {
            share: 0.25,
            nodes: vec![],
        }),
        aggregation: vec![dti_core::Aggregation::Geometric],
        normalisation: vec![Rule::Rank],
        missing: vec![MissingPolicy::Zero],
    }
}

fn sensitivity_on_asem(c: &mut Criterion) {
    let dir = dti_tests::conformance_dir();
    // Min-max onto 1–100 (so every aggregation alternative is defined), geometric means.
    let (framework, data) = dti_tests::asem_files(&dir, "simple-minmax1-100-gmean");
    let framework = Framework::from_toml(&framework, None).unwrap();
    let dataset = Dataset::from_csv(&data, None).dataset;
    let table = check(&framework, &dataset).table;
    let settings = Settings {
        samples: 100,
        ..Settings::default()
    };
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("asem 51x49, N=100, 4 choices (600 runs)", |b| {
        b.iter(|| analyse(&framework, &table, &uncertainty(), black_box(&settings)).unwrap())
    });
    group.finish();
}

fn analyses_on_63_provinces(c: &mut Criterion) {
    let framework = embedded::default_framework();
    let (data, _) = embedded::dataset("synthetic-63-provinces-2022.csv").unwrap();
    let table = check(&framework, &data).table;
    let dti = framework.find("DTI").unwrap();
    let i7 = framework.find("I7").unwrap();
    let mapping = parse_mapping(embedded::MERGERS_2025, None).unwrap();
    let settings = Settings {
        samples: 100,
        ..Settings::default()
    };
    c.bench_function("what-if, 63 provinces", |b| {
        b.iter(|| what_if(&framework, &table, black_box(0), &[(i7, Some(1.0))]).unwrap())
    });
    c.bench_function("goal seeking to rank 1, 63 provinces", |b| {
        b.iter(|| {
            seek(
                &framework,
                &table,
                black_box(10),
                dti,
                Target::Rank { rank: 1 },
                &HashMap::new(),
            )
            .unwrap()
        })
    });
    c.bench_function("remove-one, 63 provinces", |b| {
        b.iter(|| remove_one(&framework, &table, dti, &[]))
    });
    c.bench_function("merge 63 into 34 and score", |b| {
        b.iter(|| {
            let merged = merge(
                &framework,
                black_box(&data),
                &mapping,
                &Method::Mean,
                Partial::Refuse,
            )
            .unwrap();
            dti_core::compute(&framework, &merged.table).unwrap()
        })
    });
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("dti 63 provinces, N=100, 4 choices (600 runs)", |b| {
        b.iter(|| analyse(&framework, &table, &uncertainty(), black_box(&settings)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, sensitivity_on_asem, analyses_on_63_provinces);
criterion_main!(benches);
