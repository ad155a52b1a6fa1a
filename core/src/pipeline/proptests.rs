//! Property tests: invariants that must hold for any data.

use proptest::prelude::*;

use super::*;

fn column(n: usize) -> impl Strategy<Value = Vec<Option<f64>>> {
    prop::collection::vec(prop::option::weighted(0.9, -1e6..1e6_f64), n)
}

fn spec() -> PipelineSpec {
    PipelineSpec::from_toml(
        r#"
        [impute]
        default = { method = "mean" }
        [treat]
        [normalise]
        default = { method = "min_max", low = 0, high = 100 }
        [aggregate]
        default = { method = "arithmetic" }
        by_level = { "3" = { method = "median" } }
        "#,
    )
    .expect("valid spec")
}

fn tree() -> Tree {
    Tree::new(vec![
        NodeSpec::indicator("a", "P"),
        NodeSpec {
            kind: NodeKind::Indicator {
                direction: -1,
                denominator: None,
                target: None,
            },
            ..NodeSpec::indicator("b", "P")
        },
        NodeSpec {
            weight: 2.0,
            ..NodeSpec::indicator("c", "Q")
        },
        NodeSpec::aggregate("P", Some("I")),
        NodeSpec::aggregate("Q", Some("I")),
        NodeSpec::aggregate("I", None),
    ])
    .expect("valid tree")
}

proptest! {
    #[test]
    fn min_max_stays_in_range(col in column(30), low in -50.0..50.0_f64, width in 0.5..100.0_f64) {
        let method = NormaliseMethod::MinMax { low, high: low + width };
        let ctx = NormaliseContext { direction: 1, ..Default::default() };
        if let Ok(out) = normalise_column(&col, &method, ctx) {
            for v in out.iter().flatten() {
                prop_assert!(*v >= low - 1e-9 && *v <= low + width + 1e-9, "{v}");
            }
            prop_assert_eq!(out.iter().filter(|v| v.is_none()).count(), col.iter().filter(|v| v.is_none()).count());
        }
    }

    #[test]
    fn z_score_has_mean_zero_and_sd_one(col in column(30)) {
        let method = NormaliseMethod::ZScore { mean: 0.0, sd: 1.0 };
        let ctx = NormaliseContext { direction: -1, ..Default::default() };
        if let Ok(out) = normalise_column(&col, &method, ctx) {
            let p = stats::present(&out);
            prop_assert!(stats::mean(&p).unwrap_or(0.0).abs() < 1e-9);
            prop_assert!((stats::sd(&p).unwrap_or(1.0) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn reordering_units_changes_nothing(
        a in column(12), b in column(12), c in column(12), seed in any::<u64>()
    ) {
        let units: Vec<String> = (0..12).map(|i| format!("u{i}")).collect();
        let mut order: Vec<usize> = (0..12).collect();
        // a deterministic shuffle from the seed
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let build = |rows: &[usize]| -> Result<Results, PipelineError> {
            let mut d = Dataset::new(rows.iter().map(|&i| units[i].clone()).collect(), None)?;
            for (name, col) in [("a", &a), ("b", &b), ("c", &c)] {
                d.push_column(name, rows.iter().map(|&i| col[i]).collect())?;
            }
            run(&d, &tree(), &spec())
        };
        let identity: Vec<usize> = (0..12).collect();
        match (build(&identity), build(&order)) {
            (Ok(x), Ok(y)) => {
                let (tx, ty) = (x.aggregated(), y.aggregated());
                for col in tx.columns() {
                    for u in &units {
                        let (p, q) = (tx.get(u, col), ty.get(u, col));
                        match (p, q) {
                            (Some(p), Some(q)) => prop_assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0)),
                            _ => prop_assert_eq!(p, q),
                        }
                    }
                }
                prop_assert_eq!(x.ranks("I").map(|r| r.len()), Some(12));
            }
            (Err(e), Err(f)) => prop_assert_eq!(e.to_string(), f.to_string()),
            (x, y) => prop_assert!(false, "{:?} vs {:?}", x.err(), y.err()),
        }
    }
}
