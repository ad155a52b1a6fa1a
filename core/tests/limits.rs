//! Hostile and oversized inputs end in one clear error, never in exhausted memory; values that
//! are not finite numbers never reach the scorer.

use dti_core::limits::Quantity;
use dti_core::limits::read_framework;
use dti_core::{Dataset, Diagnostic, Lang, Limits, Location, Parsed, Problem, check, embedded};

/// The `TooLarge` error a reader stopped with: `(what, limit)`.
fn too_large(parsed: &Parsed) -> (String, u64) {
    let found: Vec<&Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| matches!(d.problem, Problem::TooLarge { .. }))
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", parsed.diagnostics);
    assert!(found[0].is_error());
    match &found[0].problem {
        Problem::TooLarge { what, limit } => (what.name(Lang::En).to_string(), *limit),
        _ => unreachable!(),
    }
}

fn small(change: impl FnOnce(&mut Limits)) -> Limits {
    let mut limits = Limits::default();
    change(&mut limits);
    limits
}

#[test]
fn the_defaults_are_sized_for_real_use() {
    let limits = Limits::default();
    assert_eq!(limits.max_bytes, 256 << 20);
    assert_eq!(limits.max_rows, 1_000_000);
    assert_eq!(limits.max_columns, 20_000);
    assert!(limits.max_cells >= 10_000 * 1_000);
}

#[test]
fn text_over_the_byte_limit_is_refused_before_it_is_read() {
    // 257 MiB of a valid-looking file: refused on its length alone, under the defaults.
    let mut text = String::from("code,I1\n");
    text.push_str(&"22,0.5\n".repeat((257 << 20) / 7));
    for parsed in [
        Dataset::from_csv(&text, None),
        Dataset::from_json(&text, None),
    ] {
        assert_eq!(too_large(&parsed), ("bytes".into(), 256 << 20));
        assert!(parsed.dataset.units().is_empty());
    }
}

#[test]
fn a_million_column_header_is_an_error() {
    let mut text = String::from("code");
    for i in 0..1_000_000 {
        text.push_str(&format!(",I{i}"));
    }
    text.push_str("\n22,1\n");
    let parsed = Dataset::from_csv(&text, Some("wide.csv"));
    assert_eq!(too_large(&parsed), ("columns".into(), 20_000));
    assert_eq!(
        parsed.diagnostics[0].to_string(),
        "wide.csv:1:1: more than the limit of 20000 columns"
    );
    assert!(parsed.dataset.columns().is_empty());
}

#[test]
fn rows_units_indicators_and_cells_have_limits() {
    let rows = "code,I1\n1,0.5\n2,0.5\n3,0.5\n4,0.5\n";
    let parsed = Dataset::from_csv_with(rows, None, &small(|l| l.max_rows = 3));
    assert_eq!(too_large(&parsed), ("rows".into(), 3));
    assert_eq!(
        parsed.dataset.units().len(),
        2,
        "rows before the limit are kept"
    );

    let parsed = Dataset::from_csv_with(rows, None, &small(|l| l.max_units = 2));
    assert_eq!(too_large(&parsed), ("units".into(), 2));

    let long = "unit,indicator,value\n1,A,1\n1,B,1\n1,C,1\n";
    let parsed = Dataset::from_csv_with(long, None, &small(|l| l.max_indicators = 2));
    assert_eq!(too_large(&parsed), ("indicators".into(), 2));
    assert_eq!(parsed.dataset.columns(), ["A", "B"]);

    // A long file naming a new unit and a new indicator on every row asks for a grid of
    // rows² values: refused by the cell limit, not attempted.
    let mut sparse = String::from("unit,indicator,value\n");
    for i in 0..200 {
        sparse.push_str(&format!("u{i},i{i},1\n"));
    }
    let parsed = Dataset::from_csv_with(&sparse, None, &small(|l| l.max_cells = 1_000));
    assert_eq!(
        too_large(&parsed),
        ("values (units × indicators)".into(), 1_000)
    );
    let dataset = &parsed.dataset;
    assert!(dataset.units().len() * dataset.columns().len() <= 1_000);
}

#[test]
fn a_huge_cell_is_an_error() {
    let text = format!("code,I1\n22,\"{}\"\n", "9".repeat(100_000));
    let parsed = Dataset::from_csv(&text, None);
    assert_eq!(too_large(&parsed), ("bytes in a cell".into(), 64 << 10));

    let json = format!(
        r#"{{"units": [{{"code": "22", "values": {{"I1": "{}"}}}}]}}"#,
        "9".repeat(100_000)
    );
    let parsed = Dataset::from_json(&json, None);
    assert_eq!(too_large(&parsed), ("bytes in a string".into(), 64 << 10));
}

#[test]
fn deep_json_is_an_error_with_its_line() {
    let text = format!(
        "{{\"units\":\n{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let parsed = Dataset::from_json(&text, Some("deep.json"));
    assert_eq!(too_large(&parsed), ("levels of nesting".into(), 64));
    assert_eq!(parsed.diagnostics[0].location.line, Some(2));
}

#[test]
fn json_units_and_indicators_have_limits() {
    let json =
        r#"[{"code": "1", "values": {"A": 1, "B": 2, "C": 3}}, {"code": "2", "values": {}}]"#;
    let parsed = Dataset::from_json_with(json, None, &small(|l| l.max_indicators = 2));
    assert_eq!(too_large(&parsed), ("indicators".into(), 2));
    let parsed = Dataset::from_json_with(json, None, &small(|l| l.max_units = 1));
    assert_eq!(too_large(&parsed), ("units".into(), 1));
}

#[test]
fn frameworks_have_limits_on_size_nesting_nodes_and_depth() {
    let deep = "a = ".to_string() + &"[".repeat(1_000);
    let failure = read_framework(&deep, Some("deep.toml"), &Limits::default()).unwrap_err();
    assert_eq!(
        failure.diagnostics[0].to_string(),
        "deep.toml:1:1: more than the limit of 64 levels of nesting"
    );

    let dti = embedded::FRAMEWORKS[0].1;
    assert!(read_framework(dti, None, &Limits::default()).is_ok());
    let failure = read_framework(dti, None, &small(|l| l.max_bytes = 100)).unwrap_err();
    assert!(matches!(
        failure.diagnostics[0].problem,
        Problem::TooLarge { limit: 100, .. }
    ));
    let failure = read_framework(dti, None, &small(|l| l.max_framework_nodes = 12)).unwrap_err();
    assert!(matches!(
        failure.diagnostics[0].problem,
        Problem::TooLarge { limit: 12, .. }
    ));

    // A chain of aggregates, each the only child of the next.
    let mut chain = String::from("id = \"chain\"\nnames = { vi = \"x\", en = \"x\" }\n");
    chain.push_str("[[indicator]]\ncode = \"L0\"\nnames = { vi = \"x\", en = \"x\" }\n");
    for level in 1..=10 {
        chain.push_str(&format!(
            "[[aggregate]]\ncode = \"L{level}\"\nnames = {{ vi = \"x\", en = \"x\" }}\nchildren = [\"L{}\"]\n",
            level - 1
        ));
    }
    assert!(read_framework(&chain, None, &small(|l| l.max_framework_depth = 11)).is_ok());
    let failure = read_framework(&chain, None, &small(|l| l.max_framework_depth = 10)).unwrap_err();
    assert_eq!(
        failure.diagnostics[0].to_string(),
        "aggregate L10: more than the limit of 10 levels of aggregates"
    );
}

#[test]
fn infinities_and_nan_are_refused_in_csv() {
    let text = "code,I1,I2,I3,I4,I5,I7,I8,I9\n22,NaN,inf,-inf,1e999,Infinity,-1e400,0.5,0.5\n";
    let parsed = Dataset::from_csv(text, None);
    let bad: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter_map(|d| match &d.problem {
            Problem::BadValue { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(bad, ["NaN", "inf", "-inf", "1e999", "Infinity", "-1e400"]);
}

#[test]
fn infinities_and_nan_are_refused_in_json() {
    // JSON has no NaN or infinity literals; numbers out of range are a syntax error.
    let parsed = Dataset::from_json(r#"[{"code": "22", "values": {"I1": 1e999}}]"#, None);
    assert!(parsed.has_errors());
    assert!(matches!(
        parsed.diagnostics[0].problem,
        Problem::Syntax { .. }
    ));
    for value in [r#""NaN""#, r#""inf""#, r#""-1e999""#] {
        let json = format!(r#"[{{"code": "22", "values": {{"I1": {value}}}}}]"#);
        let parsed = Dataset::from_json(&json, None);
        assert!(
            matches!(parsed.diagnostics[0].problem, Problem::BadValue { .. }),
            "{value}: {:?}",
            parsed.diagnostics
        );
    }
}

#[test]
fn a_finite_ratio_that_overflows_is_refused_by_the_check() {
    // 1e308/1e-308 is two finite numbers whose quotient is infinite; for a `number`
    // indicator (whose range is unbounded) the check must still refuse it.
    let framework = dti_core::Framework::from_toml(
        r#"
        id = "n"
        names = { vi = "n", en = "n" }
        [[indicator]]
        code = "N"
        names = { vi = "n", en = "n" }
        unit = "number"
        rule = { method = "min_max" }
        "#,
        None,
    )
    .unwrap();
    let parsed = Dataset::from_csv("code,N\n1,1e308/1e-308\n2,5\n", None);
    assert!(!parsed.has_errors());
    let checked = check(&framework, &parsed.dataset);
    assert_eq!(
        checked.diagnostics[0].to_string(),
        "line 2, unit 1, indicator N: cannot read value `1e308/1e-308`"
    );
    assert_eq!(
        checked
            .table
            .indicator_value(&framework, 0, framework.find("N").unwrap()),
        None
    );
    assert_eq!(
        checked
            .table
            .indicator_value(&framework, 1, framework.find("N").unwrap()),
        Some(5.0)
    );
}

/// A limit's hint names the option that raises that limit and no other, or says the limit is
/// fixed; the web page's hint names no option at all.
#[test]
fn each_limit_s_hint_names_its_own_option_or_says_it_is_fixed() {
    use Quantity::*;
    let options = [
        "--max-file-mb",
        "--max-rows",
        "--max-columns",
        "--max-unpacked-mb",
    ];
    for what in [
        Bytes,
        BytesInCell,
        BytesInString,
        Rows,
        Columns,
        Units,
        Indicators,
        Values,
        NestingLevels,
        FrameworkNodes,
        AggregateLevels,
    ] {
        let diagnostic =
            Diagnostic::error(Location::default(), Problem::TooLarge { what, limit: 1 });
        for lang in [Lang::Vi, Lang::En] {
            let hint = diagnostic.hint(lang).unwrap();
            let named: Vec<&str> = options
                .iter()
                .copied()
                .filter(|o| hint.contains(o))
                .collect();
            match what.cli_option() {
                Some(option) => assert_eq!(named, [option], "{what:?}: {hint}"),
                None => {
                    assert!(named.is_empty(), "{what:?}: {hint}");
                    assert!(
                        hint.contains(lang.pick("cố định", "fixed")),
                        "{what:?}: {hint}"
                    );
                }
            }
            let page = diagnostic.page_hint(lang).unwrap();
            assert!(!page.contains("--"), "{what:?}: {page}");
        }
    }
}
