//! Hand-checked cases for the decision analyses.

use std::collections::HashMap;

use dti_core::analysis::goal::{Target, seek};
use dti_core::analysis::merge::{Method, merge, parse_mapping};
use dti_core::{Dataset, check, compute, embedded, round_to};

fn quang_ninh() -> (dti_core::Framework, dti_core::Table) {
    let framework = embedded::default_framework();
    let (data, _) = embedded::dataset("quang-ninh-2022.csv").unwrap();
    let table = check(&framework, &data).table;
    (framework, table)
}

#[test]
fn the_cheapest_path_fills_the_heaviest_indicators_first() {
    // From 0.7024 to 0.75 needs 0.0476 of DTI = 47.6 points. I7 (200 points) can add
    // (1 − 0.8385) × 200 = 32.3; the rest, 15.3 points, comes from a 150-point indicator
    // (I8, listed before I9): 15.3 / 150 = 0.102 of its scale.
    let (framework, table) = quang_ninh();
    let dti = framework.find("DTI").unwrap();
    let plan = seek(
        &framework,
        &table,
        0,
        dti,
        Target::Value { value: 0.75 },
        &HashMap::new(),
    )
    .unwrap();
    assert!(plan.reachable);
    let steps: Vec<(&str, f64)> = plan
        .steps
        .iter()
        .map(|s| (s.indicator.as_str(), s.to))
        .collect();
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert_eq!(steps[0], ("I7", 1.0));
    assert_eq!(steps[1].0, "I8");
    assert!((steps[1].1 - (0.5904 + 0.102)).abs() < 1e-3, "{steps:?}");
    assert_eq!(round_to(plan.reached, 4), 0.75);
}

#[test]
fn costs_change_the_order_and_an_impossible_target_says_how_far_it_gets() {
    let (framework, table) = quang_ninh();
    let dti = framework.find("DTI").unwrap();
    let expensive = HashMap::from([(framework.find("I7").unwrap(), 10.0)]);
    let plan = seek(
        &framework,
        &table,
        0,
        dti,
        Target::Value { value: 0.72 },
        &expensive,
    )
    .unwrap();
    assert_ne!(plan.steps[0].indicator, "I7");
    let impossible = seek(
        &framework,
        &table,
        0,
        dti,
        Target::Value { value: 1.5 },
        &HashMap::new(),
    )
    .unwrap();
    assert!(!impossible.reachable);
    assert_eq!(round_to(impossible.reached, 12), 1.0);
}

#[test]
fn a_rank_target_means_passing_the_unit_above() {
    let framework = embedded::default_framework();
    let data = Dataset::from_csv(
        "code,I1,I2,I3,I4,I5,I7,I8,I9\nA,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9\nB,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n",
        None,
    );
    let table = check(&framework, &data.dataset).table;
    let dti = framework.find("DTI").unwrap();
    let plan = seek(
        &framework,
        &table,
        1,
        dti,
        Target::Rank { rank: 1 },
        &HashMap::new(),
    )
    .unwrap();
    assert!(plan.reachable);
    assert_eq!(round_to(plan.target_value, 4), 0.9);
    assert_eq!(round_to(plan.reached, 4), 0.9);
}

#[test]
fn merged_provinces_follow_the_official_2024_method() {
    // Hồ Chí Minh City from Hồ Chí Minh, Bình Dương and Bà Rịa - Vũng Tàu: each main indicator
    // is the plain mean over the three, then the index is recomputed.
    let framework = embedded::default_framework();
    let data = Dataset::from_csv(
        "code,I1,I2,I3,I4,I5,I7,I8,I9\n79,0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7\n74,0.6,0.5,0.4,0.3,0.2,0.6,0.5,0.4\n77,0.3,0.2,0.1,0.0,0.2,0.3,0.2,0.1\n",
        Some("former.csv"),
    )
    .dataset;
    let mapping = parse_mapping(embedded::MERGERS_2025, Some("mergers-2025.csv")).unwrap();
    assert_eq!(mapping.units.len(), 34);
    let merged = merge(&framework, &data, &mapping, &Method::Mean).unwrap();
    let results = compute(&framework, &merged.table).unwrap();
    let hcm = results.unit("27").unwrap();
    let mean = |a: f64, b: f64, c: f64| (a + b + c) / 3.0;
    let i: Vec<f64> = [
        (0.9, 0.6, 0.3),
        (0.8, 0.5, 0.2),
        (0.7, 0.4, 0.1),
        (0.6, 0.3, 0.0),
        (0.5, 0.2, 0.2),
    ]
    .iter()
    .map(|&(a, b, c)| mean(a, b, c))
    .collect();
    let foundation: f64 = i.iter().map(|v| 100.0 * v).sum();
    let dti = (foundation
        + 200.0 * mean(0.9, 0.6, 0.3)
        + 150.0 * mean(0.8, 0.5, 0.2)
        + 150.0 * mean(0.7, 0.4, 0.1))
        / 1000.0;
    assert!((hcm.node("DTI").unwrap().value.unwrap() - dti).abs() < 1e-12);
    // The other 33 new provinces have no data here: each former province is reported.
    assert!(merged.diagnostics.len() >= 33);
}

#[test]
fn pooled_rates_add_numerators_and_denominators() {
    let framework = embedded::framework("illustrative-monitoring").unwrap();
    let data = Dataset::from_csv(
        "unit,indicator,numerator,denominator\n74,KTS.platforms,45000,65000\n79,KTS.platforms,100000,250000\n",
        None,
    )
    .dataset;
    let mapping = parse_mapping(
        "new_unit,new_name,former_code\n27,Hồ Chí Minh,79\n27,Hồ Chí Minh,74\n",
        None,
    )
    .unwrap();
    let platforms = framework.find("KTS.platforms").unwrap();
    let pooled = merge(
        &framework,
        &data,
        &mapping,
        &Method::Pooled {
            weights: HashMap::new(),
        },
    )
    .unwrap();
    assert!(
        (pooled
            .table
            .indicator_value(&framework, 0, platforms)
            .unwrap()
            - 145_000.0 / 315_000.0)
            .abs()
            < 1e-12
    );
    let mean = merge(&framework, &data, &mapping, &Method::Mean).unwrap();
    assert!(
        (mean
            .table
            .indicator_value(&framework, 0, platforms)
            .unwrap()
            - (45_000.0 / 65_000.0 + 0.4) / 2.0)
            .abs()
            < 1e-12
    );
}

#[test]
fn a_broken_mapping_is_reported_with_its_line() {
    let error = parse_mapping(
        "new_unit,new_name,former_code\n1,A,10\n2,B,10\n",
        Some("map.csv"),
    )
    .unwrap_err();
    assert!(error.to_string().contains("map.csv:3:1"), "{error}");
    assert!(parse_mapping("a,b\n", None).is_err());
}
