//! Hand-checked cases for the decision analyses.

use std::collections::HashMap;

use dti_core::analysis::goal::{Plan, RAW_DECIMALS, Target, seek};
use dti_core::analysis::merge::{Method, Partial, merge, parse_mapping};
use dti_core::analysis::whatif::{WhatIf, what_if};
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

/// Applies a plan as printed, through the path `dti whatif --set` takes: each raw value as
/// the tools print it, read back as a data cell, then the unit scored again.
fn apply_printed(
    framework: &dti_core::Framework,
    table: &dti_core::Table,
    unit: usize,
    plan: &Plan,
) -> WhatIf {
    let changes: Vec<_> = plan
        .steps
        .iter()
        .map(|step| {
            let node = framework.find(&step.indicator).unwrap();
            let raw = step.raw_to.expect("the DTI's rules give raw values");
            let printed = format!("{}", round_to(raw, RAW_DECIMALS));
            let value = dti_core::check::read_value(framework.node(node), &printed).unwrap();
            (node, value)
        })
        .collect();
    what_if(framework, table, unit, &changes).unwrap()
}

#[test]
fn printed_plans_reach_their_targets_when_applied_as_printed() {
    // `goal --unit 22 --rank 10` once proposed I9 = 0.5408, whose DTI 0.70015 ranks 11th.
    let framework = embedded::default_framework();
    let (data, _) = embedded::dataset("synthetic-63-provinces-2022.csv").unwrap();
    let table = check(&framework, &data).table;
    let dti = framework.find("DTI").unwrap();
    let targets = [
        Target::Rank { rank: 10 },
        Target::Rank { rank: 1 },
        Target::Rank { rank: 25 },
        Target::Value { value: 0.75 },
        Target::Value { value: 0.7 },
        Target::Value { value: 0.6123 },
        Target::Value { value: 0.9 },
    ];
    let mut checked = 0;
    for code in ["22", "01", "48", "95", "79"] {
        let unit = table.unit_index(code).unwrap();
        for target in targets {
            let plan = seek(&framework, &table, unit, dti, target, &HashMap::new()).unwrap();
            assert!(plan.reachable, "{code} {target:?}");
            let outcome = apply_printed(&framework, &table, unit, &plan);
            let after = outcome.nodes.iter().find(|n| n.code == "DTI").unwrap();
            match target {
                Target::Rank { rank } => {
                    assert!(
                        after.rank_after.unwrap() <= rank,
                        "{code} {target:?}: {after:?}"
                    )
                }
                Target::Value { value } => assert!(
                    round_to(after.after.unwrap(), 4) >= round_to(value, 4),
                    "{code} {target:?}: {after:?}"
                ),
            }
            // The plan states the value the printed values give.
            assert_eq!(plan.reached, after.after.unwrap(), "{code} {target:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 35);
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
    let merged = merge(&framework, &data, &mapping, &Method::Mean, Partial::Refuse).unwrap();
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
    // The other 33 new provinces have no data here: no value, no rank, and one warning.
    assert_eq!(results.units.len(), 1);
    assert_eq!(merged.members.len(), 34);
    assert_eq!(
        merged.members.iter().filter(|m| m.has_no_data()).count(),
        33
    );
    assert_eq!(merged.diagnostics.len(), 1, "{:?}", merged.diagnostics);
    assert_eq!(merged.diagnostics[0].problem.kind(), "merged_without_data");
}

#[test]
fn a_merged_unit_with_part_of_its_former_units_is_refused_unless_accepted() {
    // Đà Nẵng (21) from Đà Nẵng (48) and Quảng Nam (49), with only Đà Nẵng's data: its values
    // would be Đà Nẵng's own under the merged unit's name.
    let framework = embedded::default_framework();
    let data = Dataset::from_csv(
        "code,I1,I2,I3,I4,I5,I7,I8,I9\n48,0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7\n",
        Some("da-nang.csv"),
    )
    .dataset;
    let mapping = parse_mapping(embedded::MERGERS_2025, Some("mergers-2025.csv")).unwrap();
    let refused = merge(&framework, &data, &mapping, &Method::Mean, Partial::Refuse).unwrap_err();
    let errors: Vec<_> = refused
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert_eq!(errors.len(), 1, "{refused}");
    assert_eq!(errors[0].location.unit.as_deref(), Some("21"));
    assert!(
        errors[0]
            .message(dti_core::Lang::En)
            .contains("for 48 only (none for 49)")
    );
    let accepted = merge(&framework, &data, &mapping, &Method::Mean, Partial::Accept).unwrap();
    let da_nang = accepted.members.iter().find(|m| m.code == "21").unwrap();
    assert_eq!(
        (da_nang.with_data.clone(), da_nang.without_data.clone()),
        (vec!["48".to_string()], vec!["49".to_string()])
    );
    // One warning for Đà Nẵng and one for the 33 units without data: not one per former unit.
    assert_eq!(accepted.diagnostics.len(), 2, "{:?}", accepted.diagnostics);
    let results = compute(&framework, &accepted.table).unwrap();
    assert_eq!(results.units.len(), 1);
    assert_eq!(
        results.unit("21").unwrap().node("DTI").unwrap().rank,
        Some(1)
    );
}

#[test]
fn former_units_are_found_by_their_statistics_office_code() {
    // Excel turned Hà Nội's `01` into `1`: it is still Hà Nội.
    let framework = embedded::default_framework();
    let data = Dataset::from_csv(
        "code,I1,I2,I3,I4,I5,I7,I8,I9\n1,0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7\n",
        None,
    )
    .dataset;
    let mapping = parse_mapping(embedded::MERGERS_2025, Some("mergers-2025.csv")).unwrap();
    let merged = merge(&framework, &data, &mapping, &Method::Mean, Partial::Refuse).unwrap();
    assert_eq!(merged.members[0].with_data, ["01"]);
    let results = compute(&framework, &merged.table).unwrap();
    let original = compute(&framework, &check(&framework, &data).table).unwrap();
    assert_eq!(results.value("01", "DTI"), original.value("1", "DTI"));
    assert!(results.value("01", "DTI").unwrap() > 0.0);
    // Data with no unit of the mapping at all is an error, not 34 empty units.
    let elsewhere = Dataset::from_csv("code,I1\nX9,0.5\n", None).dataset;
    let failure = merge(
        &framework,
        &elsewhere,
        &mapping,
        &Method::Mean,
        Partial::Refuse,
    )
    .unwrap_err();
    assert!(
        failure
            .diagnostics
            .iter()
            .any(|d| d.problem.kind() == "not_in_mapping")
    );
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
        Partial::Refuse,
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
    let mean = merge(&framework, &data, &mapping, &Method::Mean, Partial::Refuse).unwrap();
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
