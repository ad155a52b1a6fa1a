//! Numbers too large for a float never come out as a score: weights and points have a stated
//! bound, and a value that overflows in scoring is an error naming the unit and the node.

use dti_core::analysis::merge::parse_weights;
use dti_core::{Dataset, Framework, Problem, score};

const FRAMEWORK: &str = r#"
id = "counts"
names = { vi = "Số đếm", en = "Counts" }

[[indicator]]
code = "A"
names = { vi = "A", en = "A" }
unit = "number"
range = [0, 1e308]
rule = { method = "none" }

[[indicator]]
code = "B"
names = { vi = "B", en = "B" }
unit = "number"
range = [0, 1e308]
rule = { method = "none" }

[[aggregate]]
code = "T"
names = { vi = "T", en = "T" }
method = "sum"
children = ["A", "B"]
"#;

#[test]
fn a_sum_that_overflows_is_an_error_not_a_number() {
    let framework = Framework::from_toml(FRAMEWORK, None).expect("a valid framework");
    let data = Dataset::from_csv("code,A,B\n01,1e308,1e308\n02,1,2\n", Some("big.csv")).dataset;
    let failure = score(&framework, &data).expect_err("1e308 + 1e308 does not fit a float");
    let overflow: Vec<_> = failure
        .diagnostics
        .iter()
        .filter(|d| d.problem == Problem::Overflow)
        .collect();
    assert_eq!(overflow.len(), 1, "{:?}", failure.diagnostics);
    assert_eq!(overflow[0].location.unit.as_deref(), Some("01"));
    assert_eq!(overflow[0].location.indicator.as_deref(), Some("T"));
}

#[test]
fn merge_weights_beyond_the_bound_are_refused() {
    let failure = parse_weights("code;population\n48;1e308\n49;1 200 000\n", Some("w.csv"))
        .expect_err("a weight of 1e308 is refused");
    assert_eq!(
        failure.diagnostics[0].problem,
        Problem::WeightOutOfBounds { weight: 1e308 }
    );
    assert_eq!(failure.diagnostics[0].location.unit.as_deref(), Some("48"));
    let fine = parse_weights("48;1000000000000\n", None).expect("10^12 is the bound");
    assert_eq!(fine["48"], 1e12);
}
