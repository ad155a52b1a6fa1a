//! Property tests: invariants of building that must hold for any data.

use proptest::prelude::*;

use super::*;
use crate::aggregation::METHODS;
use crate::rule::RULES;

fn value() -> impl Strategy<Value = Option<f64>> {
    prop::option::weighted(0.9, (0u32..1_000_000).prop_map(|x| f64::from(x) / 100.0))
}

/// A data file of units `u0`, `u1`, … and the columns `a`, `b`, `c`.
fn csv(columns: &[Vec<Option<f64>>]) -> String {
    let n = columns.first().map_or(0, Vec::len);
    let names: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
    csv_named(&names, columns)
}

/// A data file of the named units and the columns `a`, `b`, `c`.
fn csv_named(names: &[String], columns: &[Vec<Option<f64>>]) -> String {
    let mut text = String::from("code,a,b,c\n");
    for (i, name) in names.iter().enumerate() {
        text.push_str(name);
        for column in columns {
            text.push(',');
            if let Some(x) = column[i] {
                text.push_str(&format!("{x}"));
            }
        }
        text.push('\n');
    }
    text
}

/// The written form of a rule with the parameters it needs on values in 0..10,000.
fn rule_text(name: &str) -> String {
    let parameters = match name {
        "target" => ", target = 5000",
        "goalposts" => ", low = 100, high = 9000",
        "tiers" => ", steps = [[5000, 1], [1000, 0.5]]",
        "min_max" => ", low = 1, high = 100",
        "distance_to_reference" => ", unit = \"u0\"",
        _ => "",
    };
    format!("{{ method = \"{name}\"{parameters} }}")
}

/// A framework over `a`, `b`, `c` (b lower-is-better, c with a target) with one rule for every
/// indicator and one method for both aggregates; `None` when the combination is refused.
fn framework(rule: &str, method: &str, steps: &str) -> Option<Framework> {
    let p = if method == "power_mean" {
        "p = 0.5\n"
    } else {
        ""
    };
    let indicator = |code: &str, extra: &str| {
        format!(
            "[[indicator]]\ncode = \"{code}\"\nnames = {{ vi = \"{code}\", en = \"{code}\" }}\nunit = \"number\"\nrange = [0, 10000]\npoints = 10\nrule = {}\n{extra}",
            rule_text(rule)
        )
    };
    let text = format!(
        "id = \"p\"\nnames = {{ vi = \"p\", en = \"p\" }}\nmissing = \"skip\"\n{}{}{}\
         [[aggregate]]\ncode = \"P\"\nnames = {{ vi = \"P\", en = \"P\" }}\nmethod = \"{method}\"\n{p}children = [\"a\", {{ code = \"b\", weight = 3 }}]\n\
         [[aggregate]]\ncode = \"I\"\nnames = {{ vi = \"I\", en = \"I\" }}\nmethod = \"{method}\"\n{p}children = [\"P\", {{ code = \"c\", weight = 2 }}]\n{steps}",
        indicator("a", ""),
        indicator("b", "direction = \"lower\"\n"),
        indicator("c", "target = 8000\n"),
    );
    Framework::from_toml(&text, None).ok()
}

fn bits(results: &Results) -> Vec<Vec<Option<u64>>> {
    results
        .rows()
        .map(|u| u.nodes.iter().map(|n| n.value.map(f64::to_bits)).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every rule and every aggregation method gives bit-identical numbers through `score` and
    /// through `build`, the two commands' paths.
    #[test]
    fn score_and_build_agree_to_the_bit(
        a in prop::collection::vec(value(), 7),
        b in prop::collection::vec(value(), 7),
        c in prop::collection::vec(value(), 7),
        rule in prop::sample::select(RULES.to_vec()),
        method in prop::sample::select(METHODS.to_vec()),
    ) {
        let Some(framework) = framework(rule, method, "") else {
            // A rule that does not fit the unit (rate, yes/no), or a mean over children that
            // can be negative: refused when read, by both paths alike.
            return Ok(());
        };
        let data = crate::Dataset::from_csv(&csv(&[a, b, c]), None).dataset;
        match (crate::score(&framework, &data), build(&framework, &data, None)) {
            (Ok(scored), Ok(built)) => {
                prop_assert_eq!(bits(&scored), bits(built.results()));
                prop_assert_eq!(&scored.units, &built.results().units);
            }
            (Err(x), Err(y)) => {
                let problems = |f: &Failure| {
                    let mut p: Vec<String> = f.diagnostics.iter().map(|d| d.render(crate::Lang::En)).collect();
                    p.sort();
                    p
                };
                prop_assert_eq!(problems(&x), problems(&y));
            }
            (x, y) => prop_assert!(false, "{:?} vs {:?}", x.err(), y.err().map(|f| f.diagnostics)),
        }
    }

    /// The order of the rows changes no unit's numbers.
    #[test]
    fn reordering_units_changes_nothing(
        a in prop::collection::vec(value(), 12),
        b in prop::collection::vec(value(), 12),
        c in prop::collection::vec(value(), 12),
        seed in any::<u64>(),
    ) {
        let steps = "[pipeline.impute]\ndefault = { method = \"mean\" }\n[pipeline.treat]\n";
        let framework = framework("min_max", "arithmetic", steps).expect("a valid framework");
        let mut order: Vec<usize> = (0..12).collect();
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Vec<Option<f64>>> = [&a, &b, &c]
            .iter()
            .map(|column| order.iter().map(|&i| column[i]).collect())
            .collect();
        let names: Vec<String> = order.iter().map(|i| format!("u{i}")).collect();
        let text = csv_named(&names, &shuffled);
        let plain = crate::Dataset::from_csv(&csv(&[a, b, c]), None).dataset;
        let mixed = crate::Dataset::from_csv(&text, None).dataset;
        match (build(&framework, &plain, None), build(&framework, &mixed, None)) {
            (Ok(x), Ok(y)) => {
                for unit in x.results().rows() {
                    let other = y.results().unit(&unit.unit.code).expect("the same units");
                    for (p, q) in unit.nodes.iter().zip(&other.nodes) {
                        match (p.value, q.value) {
                            (Some(p), Some(q)) => prop_assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0)),
                            (p, q) => prop_assert_eq!(p, q),
                        }
                        prop_assert_eq!(p.rank, q.rank);
                    }
                }
            }
            (Err(e), Err(f)) => prop_assert_eq!(e.diagnostics.len(), f.diagnostics.len()),
            (x, y) => prop_assert!(false, "{:?} vs {:?}", x.err(), y.err()),
        }
    }
}
