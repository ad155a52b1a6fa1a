//! `dti build`: the construction pipeline of a framework file's `[pipeline]` table, run by
//! the real binary on a small fixture, in every format and both languages.

mod cli_support;

use cli_support::{dti, dti_in, fixtures, scratch, xlsx_rows};
use dti_core::pipeline::Stage;

const LANGS: [&str; 2] = ["vi", "en"];
const BUILD: [&str; 4] = [
    "build",
    "pipeline-data.csv",
    "--framework",
    "pipeline-framework.toml",
];

fn build(extra: &[&str]) -> cli_support::Run {
    let mut args = BUILD.to_vec();
    args.extend(extra);
    dti(&args)
}

#[test]
fn build_in_every_format() {
    for lang in LANGS {
        for format in ["table", "markdown", "csv", "json"] {
            let run = build(&["--format", format, "--lang", lang]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            insta::assert_snapshot!(format!("build-{format}-{lang}"), run.transcript());
        }
    }
    let dir = scratch("build-xlsx");
    let out = dir.join("build.xlsx");
    let run = build(&["--diagnostics", "-o", out.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (sheets, rows) = xlsx_rows(&std::fs::read(&out).unwrap());
    assert_eq!(sheets.len(), 5, "{sheets:?}");
    insta::assert_snapshot!(
        "build-xlsx",
        format!(
            "{sheets:?}\n{}",
            rows.iter()
                .map(|r| r.join(" | "))
                .collect::<Vec<_>>()
                .join("\n")
        )
    );
}

#[test]
fn the_aggregated_stage_ranks_units_and_lists_what_the_steps_did() {
    let run = build(&["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(value["stage"], "Aggregated");
    let units = value["table"]["units"].as_array().unwrap();
    assert_eq!(units.len(), 7, "Bạc Liêu is screened out");
    assert!(!units.iter().any(|u| u == "95"));
    let notes = value["notes"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("Dropped unit 95"))
    );
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("winsorised"))
    );
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("Imputed Outage of 31"))
    );
    let ranks = value["table"]["ranks"].as_array().unwrap();
    let mut sorted: Vec<u64> = ranks.iter().map(|r| r.as_u64().unwrap()).collect();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=7).collect::<Vec<u64>>());
}

#[test]
fn every_stage_and_the_diagnostics() {
    for lang in LANGS {
        let mut transcripts = Vec::new();
        // Every stage but the last, which is the default and has its own tests.
        for stage in &Stage::ALL[..Stage::ALL.len() - 1] {
            let stage = stage.name().to_lowercase();
            let run = build(&["--stage", &stage, "--lang", lang]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            transcripts.push(run.transcript());
        }
        insta::assert_snapshot!(format!("build-stages-{lang}"), transcripts.join("\n"));
        let run = build(&["--diagnostics", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.out().contains("Cronbach"));
        insta::assert_snapshot!(format!("build-diagnostics-{lang}"), run.transcript());
    }
    let json = build(&["--diagnostics", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let outage = value["diagnostics"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["column"] == "Outage")
        .unwrap();
    assert_eq!(outage["outliers"], true, "{outage}");
    assert_eq!(
        value["diagnostics"]["cronbach_alpha"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

/// A framework whose indicators count toward several aggregates builds like any other: the
/// pipeline runs on the framework's graph, as scoring does.
#[test]
fn a_node_with_several_parents_builds() {
    let dir = scratch("build-dag");
    let framework = std::fs::read_to_string(fixtures("cli").join("pipeline-framework.toml"))
        .unwrap()
        .replace(
            r#"children = ["Firms", "Outage"]"#,
            r#"children = ["Firms", "Outage", "Internet"]"#,
        );
    std::fs::write(dir.join("two-parents.toml"), framework).unwrap();
    let data = fixtures("cli").join("pipeline-data.csv");
    let run = dti_in(
        &dir,
        &[
            "build",
            data.to_str().unwrap(),
            "-f",
            "two-parents.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let built: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let columns = built["table"]["columns"].as_array().unwrap();
    assert!(columns.iter().any(|c| c == "Econ") && columns.iter().any(|c| c == "Internet"));
}

/// The official DTI framework, which has no construction steps, builds exactly what it scores:
/// Quảng Ninh's 2022 figures, to the bit.
#[test]
fn the_official_dti_builds_what_it_scores() {
    let build = dti(&[
        "build",
        "quang-ninh-2022.csv",
        "-f",
        "dti-province-2022",
        "--format",
        "json",
    ]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let built: serde_json::Value = serde_json::from_slice(&build.stdout).unwrap();
    let score = dti(&["score", "quang-ninh-2022.csv", "--format", "json"]);
    assert_eq!(score.code, 0, "{}", score.transcript());
    let scored: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let columns = built["table"]["columns"].as_array().unwrap();
    let row = &built["table"]["values"][0];
    let nodes = &scored["units"][0]["nodes"];
    for (code, published) in [
        ("DTI", 0.7024),
        ("CQS", 0.7804),
        ("KTS", 0.7187),
        ("XHS", 0.6864),
    ] {
        let j = columns.iter().position(|c| c == code).unwrap();
        let built_value = row[j].as_f64().unwrap();
        let scored_value = nodes
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["code"] == code)
            .unwrap()["value"]
            .as_f64()
            .unwrap();
        assert_eq!(built_value.to_bits(), scored_value.to_bits(), "{code}");
        assert_eq!(dti_core::round_to(built_value, 4), published, "{code}");
    }
}

#[test]
fn build_errors_are_clear() {
    for lang in LANGS {
        let no_framework = dti(&["build", "pipeline-data.csv", "--lang", lang]);
        assert_eq!(no_framework.code, 2);
        // The raw data without its population column, which `Firms` is divided by.
        let dir = scratch("build-errors");
        let data = std::fs::read_to_string(fixtures("cli").join("pipeline-data.csv")).unwrap();
        let without_pop: String = data
            .lines()
            .map(|line| match line.rsplit_once(';') {
                Some((rest, _)) if !line.starts_with('#') => format!("{rest}\n"),
                _ => format!("{line}\n"),
            })
            .collect();
        std::fs::write(dir.join("no-population.csv"), without_pop).unwrap();
        std::fs::copy(
            fixtures("cli").join("pipeline-framework.toml"),
            dir.join("pipeline-framework.toml"),
        )
        .unwrap();
        let missing_column = dti_in(
            &dir,
            &[
                "build",
                "no-population.csv",
                "-f",
                "pipeline-framework.toml",
                "--lang",
                lang,
            ],
        );
        assert_eq!(missing_column.code, 1, "{}", missing_column.transcript());
        insta::assert_snapshot!(
            format!("build-errors-{lang}"),
            [no_framework.transcript(), missing_column.transcript()].join("\n")
        );
    }
}

#[test]
fn a_named_grouping_imputes_like_the_group_column_and_must_label_every_unit() {
    let dir = scratch("build-groupings");
    let framework = std::fs::read_to_string(fixtures("cli").join("pipeline-framework.toml"))
        .unwrap()
        .replace(r#"group = "group""#, r#"group = "region""#);
    std::fs::write(dir.join("framework.toml"), framework).unwrap();
    let data = std::fs::read_to_string(fixtures("cli").join("pipeline-data.csv"))
        .unwrap()
        .replace("code;name;group;", "code;name;nhóm:region;");
    std::fs::write(dir.join("named.csv"), &data).unwrap();
    std::fs::write(
        dir.join("blank.csv"),
        data.replace("46;Huế;Trung;", "46;Huế;;"),
    )
    .unwrap();

    let plain = dti(&[
        "build",
        "pipeline-data.csv",
        "-f",
        "pipeline-framework.toml",
    ]);
    let named = dti_in(&dir, &["build", "named.csv", "-f", "framework.toml"]);
    assert_eq!(plain.code, 0, "{}", plain.transcript());
    assert_eq!(named.code, 0, "{}", named.transcript());
    let body = |run: &cli_support::Run| {
        let text = String::from_utf8_lossy(&run.stdout).into_owned();
        text.lines().skip(1).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(body(&plain), body(&named));

    for (lang, words) in [("en", "grouping `region`"), ("vi", "phân nhóm `region`")] {
        let blank = dti_in(
            &dir,
            &["build", "blank.csv", "-f", "framework.toml", "--lang", lang],
        );
        assert_eq!(blank.code, 1, "{}", blank.transcript());
        assert!(
            blank.stderr.contains(words) && blank.stderr.contains("46"),
            "{}",
            blank.stderr
        );
    }
}

#[test]
fn a_named_weight_set_replaces_the_framework_weights() {
    let json = |args: &[&str]| {
        let mut all = vec![
            "build",
            "pipeline-data.csv",
            "-f",
            "pipeline-framework.toml",
        ];
        all.extend_from_slice(args);
        all.extend(["--diagnostics", "--format", "json"]);
        let run = dti(&all);
        assert_eq!(run.code, 0, "{}", run.transcript());
        serde_json::from_slice::<serde_json::Value>(&run.stdout).unwrap()
    };
    let weight = |value: &serde_json::Value, code: &str| {
        value["diagnostics"]["effective_weights"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == code)
            .unwrap()["effective_weight"]
            .as_f64()
            .unwrap()
    };
    let nominal = json(&[]);
    let equal = json(&["--weights", "equal"]);
    assert_eq!(equal["weights"], "equal");
    assert!((weight(&nominal, "Econ") - 2.0 / 3.0).abs() < 1e-15);
    assert_eq!(weight(&equal, "Econ"), 0.5);
    assert_eq!(weight(&equal, "Firms"), 0.25);
    // The index is now the plain mean of the two pillars, for every unit.
    let table = &equal["table"];
    let at = |name: &str| {
        table["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c == name)
            .unwrap()
    };
    for row in table["values"].as_array().unwrap() {
        let (index, gov, econ) = (
            row[at("Index")].as_f64().unwrap(),
            row[at("Gov")].as_f64().unwrap(),
            row[at("Econ")].as_f64().unwrap(),
        );
        assert!((index - (gov + econ) / 2.0).abs() < 1e-12, "{row:?}");
    }

    let dir = scratch("build-weight-sets");
    let framework = std::fs::read_to_string(fixtures("cli").join("pipeline-framework.toml"))
        .unwrap()
        .replace("Econ = 1", "Econ = 1\nEcom = 2\nGov = -1");
    std::fs::write(dir.join("typo.toml"), framework).unwrap();
    let data = fixtures("cli").join("pipeline-data.csv");
    let data = data.to_str().unwrap();
    let mut shown = Vec::new();
    for lang in LANGS {
        let unknown = dti(&[
            "build",
            "pipeline-data.csv",
            "-f",
            "pipeline-framework.toml",
            "--weights",
            "expert",
            "--lang",
            lang,
        ]);
        assert_eq!(unknown.code, 2, "{}", unknown.transcript());
        assert!(unknown.stderr.contains("equal"), "{}", unknown.stderr);
        let typo = dti_in(&dir, &["build", data, "-f", "typo.toml", "--lang", lang]);
        assert_eq!(typo.code, 1, "{}", typo.transcript());
        assert!(typo.stderr.contains("Ecom"), "{}", typo.stderr);
        shown.push(unknown.transcript());
        shown.push(typo.transcript().replace(data, "pipeline-data.csv"));
    }
    insta::assert_snapshot!("build-weight-sets-errors", shown.join("\n"));
}

#[test]
fn a_value_that_does_not_fit_its_unit_stops_the_build_where_it_is() {
    let dir = scratch("build-wrong-form");
    let data = std::fs::read_to_string(fixtures("cli").join("pipeline-data.csv"))
        .unwrap()
        .replace("22;Quảng Ninh;Bắc;78;", "22;Quảng Ninh;Bắc;có;");
    std::fs::write(dir.join("wrong.csv"), data).unwrap();
    let framework = fixtures("cli").join("pipeline-framework.toml");
    let framework = framework.to_str().unwrap();
    for (lang, words) in [
        ("en", "unit 22, indicator Internet"),
        ("vi", "đơn vị 22, chỉ tiêu Internet"),
    ] {
        let run = dti_in(
            &dir,
            &["build", "wrong.csv", "-f", framework, "--lang", lang],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(run.stderr.contains(words), "{}", run.stderr);
    }
}

#[test]
fn ranks_within_the_groups_of_a_grouping() {
    let base = [
        "build",
        "pipeline-data.csv",
        "-f",
        "pipeline-framework.toml",
    ];
    let with = |more: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(more);
        dti(&args)
    };
    let table = with(&["--rank-within", "group", "--lang", "en"]);
    assert_eq!(table.code, 0, "{}", table.transcript());
    let json = with(&["--rank-within", "group", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let within = &value["table"]["group_ranks"];
    assert_eq!(within["grouping"], "group");
    // Units in table order: 01 22 31 48 46 79 74; the North's three rank 3, 1, 2.
    assert_eq!(within["labels"][0], "Bắc");
    assert_eq!(within["ranks"].as_array().unwrap()[..3], [3, 1, 2]);
    let unknown = with(&["--rank-within", "income", "--lang", "en"]);
    assert_eq!(unknown.code, 2, "{}", unknown.transcript());
    let raw = with(&["--rank-within", "group", "--stage", "raw", "--lang", "vi"]);
    assert_eq!(raw.code, 2, "{}", raw.transcript());
    insta::assert_snapshot!(
        "build-rank-within",
        [table.transcript(), unknown.transcript(), raw.transcript()].join("\n")
    );
}
