//! `dti whatif`, `dti goal`, `dti merge`, `dti robustness` and `dti remove-one`: the real
//! binary on fixture files and on the embedded synthetic 63-province data, every format in
//! both languages.

mod cli_support;

use cli_support::{dti, dti_in, fixtures, scratch, xlsx_rows};

const LANGS: [&str; 2] = ["vi", "en"];
const TEXT_FORMATS: [&str; 4] = ["table", "markdown", "csv", "json"];

/// Runs a command in every text format and both languages, snapshotting each transcript.
fn every_format(name: &str, args: &[&str]) {
    for lang in LANGS {
        for format in TEXT_FORMATS {
            let mut all = args.to_vec();
            all.extend(["--format", format, "--lang", lang]);
            let run = dti(&all);
            assert_eq!(run.code, 0, "{}", run.transcript());
            if format == "json" {
                let _: serde_json::Value = serde_json::from_slice(&run.stdout).expect("valid JSON");
            }
            insta::assert_snapshot!(format!("{name}-{format}-{lang}"), run.transcript());
        }
    }
}

/// The Excel output of a command: its first sheet's rows.
fn xlsx(name: &str, args: &[&str]) {
    let dir = scratch(name);
    let out = dir.join("out.xlsx");
    let mut all = args.to_vec();
    let path = out.to_str().unwrap();
    all.extend(["-o", path, "--lang", "en"]);
    let run = dti(&all);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (sheets, rows) = xlsx_rows(&std::fs::read(&out).unwrap());
    insta::assert_snapshot!(
        format!("{name}-xlsx"),
        format!(
            "{sheets:?}\n{}",
            rows.iter()
                .map(|r| r.join(" | "))
                .collect::<Vec<_>>()
                .join("\n")
        )
    );
}

// ---- whatif ----

/// Several assignments in one `--set` (the comma is also Vietnam's decimal mark) get the
/// repeated form to type instead, in both languages.
#[test]
fn several_assignments_in_one_set_say_to_repeat_it() {
    for (lang, expected) in [
        ("en", "repeat --set for each: --set I7=0,95 --set I8=0,7"),
        (
            "vi",
            "lặp lại --set cho từng chỉ tiêu: --set I7=0,95 --set I8=0,7",
        ),
    ] {
        let run = dti(&[
            "whatif",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--set",
            "I7=0,95,I8=0,7",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stderr.contains(expected), "{}", run.transcript());
    }
    // The repeated form works.
    let run = dti(&[
        "whatif",
        "provinces-2022.csv",
        "--unit",
        "22",
        "--set",
        "I7=0,95",
        "--set",
        "I8=0,7",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn whatif_in_every_format() {
    every_format(
        "whatif",
        &[
            "whatif",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--set",
            "I7=0,95",
            "--set",
            "I9=60%",
        ],
    );
    xlsx(
        "whatif",
        &[
            "whatif",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--set",
            "I7=0.95",
        ],
    );
}

#[test]
fn whatif_on_the_synthetic_provinces_says_synthetic_and_moves_other_units() {
    let run = dti(&[
        "whatif",
        "synthetic-63-provinces-2022.csv",
        "--unit",
        "22",
        "--set",
        "I7=1",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = run.out();
    assert!(
        out.lines().next().unwrap().contains("SYNTHETIC DATA"),
        "{out}"
    );
    assert!(out.contains("Other units whose DTI rank moved"), "{out}");
    let vi = dti(&[
        "whatif",
        "synthetic-63-provinces-2022.csv",
        "--unit",
        "22",
        "--set",
        "I7=1",
        "--lang",
        "vi",
    ]);
    assert!(vi.out().lines().next().unwrap().contains("DỮ LIỆU GIẢ LẬP"));
}

#[test]
fn an_unchanged_value_changes_nothing() {
    let run = dti(&[
        "whatif",
        "provinces-2022.csv",
        "--unit",
        "22",
        "--set",
        "I7=0.8385",
        "--format",
        "json",
    ]);
    let outcome: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    for node in outcome["nodes"].as_array().unwrap() {
        assert_eq!(node["before"], node["after"], "{node}");
        assert_eq!(node["rank_before"], node["rank_after"], "{node}");
    }
}

#[test]
fn codes_typed_in_lower_case_name_the_framework_s_nodes() {
    // `--set i7=…` was "no node i7" though a data header `i7` is read as I7.
    let typed: [&[&str]; 4] = [
        &[
            "whatif",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--set",
            "i7=0,9",
        ],
        &[
            "goal",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--node",
            "kts",
            "--target",
            "0,75",
        ],
        &[
            "explain",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--index",
            "cqs",
            "--format",
            "json",
        ],
        &[
            "score",
            "provinces-2022.csv",
            "--summary",
            "--sort",
            "xhs",
            "--format",
            "csv",
        ],
    ];
    for args in typed {
        let canonical: Vec<String> = args
            .iter()
            .map(|arg| match *arg {
                "i7=0,9" => "I7=0,9".to_string(),
                "kts" | "cqs" | "xhs" => arg.to_uppercase(),
                _ => arg.to_string(),
            })
            .collect();
        let canonical: Vec<&str> = canonical.iter().map(String::as_str).collect();
        let (lower, upper) = (dti(args), dti(&canonical));
        assert_eq!(lower.code, 0, "{}", lower.transcript());
        assert_eq!(lower.out(), upper.out(), "{}", lower.transcript());
    }
}

#[test]
fn bad_set_values_are_refused_with_a_clear_message() {
    for lang in LANGS {
        let mut transcripts = Vec::new();
        for set in ["I7=1,5", "I7=abc", "I7", "DTI=0.9", "Z9=1", "I7=-1"] {
            let run = dti(&[
                "whatif",
                "provinces-2022.csv",
                "--unit",
                "22",
                "--set",
                set,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 2, "{}", run.transcript());
            assert!(run.stdout.is_empty());
            assert!(
                run.stderr.contains(set.split('=').next().unwrap()),
                "{}",
                run.stderr
            );
            transcripts.push(run.transcript());
        }
        let twice = dti(&[
            "whatif",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--set",
            "I7=1",
            "--set",
            "I7=0.5",
            "--lang",
            lang,
        ]);
        assert_eq!(twice.code, 2);
        transcripts.push(twice.transcript());
        let no_unit = dti(&[
            "whatif",
            "provinces-2022.csv",
            "--set",
            "I7=1",
            "--lang",
            lang,
        ]);
        assert_eq!(no_unit.code, 2);
        transcripts.push(no_unit.transcript());
        insta::assert_snapshot!(format!("whatif-errors-{lang}"), transcripts.join("\n"));
    }
}

#[test]
fn every_command_that_reads_data_needs_a_file() {
    // Without a file, `whatif` and the other analyses showed the synthetic provinces under real
    // names, and `score`, `explain` and `report` Quảng Ninh's file, as if they were the user's.
    let commands: [&[&str]; 9] = [
        &["score"],
        &["check"],
        &["explain"],
        &["report"],
        &["whatif", "--unit", "22", "--set", "I7=1"],
        &["goal", "--unit", "22", "--rank", "10"],
        &["merge"],
        &["robustness"],
        &["remove-one"],
    ];
    for lang in LANGS {
        let mut transcripts = Vec::new();
        for args in commands {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let run = dti(&all);
            assert_eq!(run.code, 2, "{}", run.transcript());
            assert!(run.stdout.is_empty(), "{}", run.transcript());
            assert!(
                run.stderr.contains(&format!("`dti {}`", args[0])),
                "{}",
                run.stderr
            );
            assert!(run.stderr.contains("synthetic-63-provinces-2022.csv"));
            transcripts.push(run.transcript());
        }
        insta::assert_snapshot!(format!("data-needed-{lang}"), transcripts.join("\n"));
    }
}

// ---- goal ----

#[test]
fn goal_in_every_format() {
    every_format(
        "goal",
        &[
            "goal",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--target",
            "0,8",
        ],
    );
    xlsx(
        "goal",
        &["goal", "provinces-2022.csv", "--unit", "22", "--rank", "1"],
    );
    for lang in LANGS {
        assert_printed_plan_reaches("provinces-2022.csv", "22", &["--target", "0,8"], lang);
        assert_printed_plan_reaches("provinces-2022.csv", "22", &["--rank", "1"], lang);
    }
}

#[test]
fn goal_to_a_rank_with_costs_on_the_synthetic_provinces() {
    for lang in LANGS {
        let run = dti(&[
            "goal",
            "synthetic-63-provinces-2022.csv",
            "--unit",
            "22",
            "--rank",
            "10",
            "--costs",
            "costs.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("goal-rank-costs-{lang}"), run.transcript());
        assert_printed_plan_reaches(
            "synthetic-63-provinces-2022.csv",
            "22",
            &["--rank", "10", "--costs", "costs.csv"],
            lang,
        );
    }
}

#[test]
fn an_out_of_reach_goal_says_so_and_gives_the_best_value() {
    for lang in LANGS {
        let run = dti(&[
            "goal",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--node",
            "CQS",
            "--target",
            "1.1",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("goal-out-of-reach-{lang}"), run.transcript());
    }
    let json = dti(&[
        "goal",
        "provinces-2022.csv",
        "--unit",
        "22",
        "--target",
        "1.1",
        "--format",
        "json",
    ]);
    let plan: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(plan["reachable"], false);
    assert!((plan["reached"].as_f64().unwrap() - 1.0).abs() < 1e-9);
}

/// Runs `dti goal` (data, unit, then the target's arguments), reads the plan from the table
/// as it is printed, enters the printed values with `dti whatif --set` and checks that the
/// target is met: a rank at most the one asked for, a value that reaches the target at the
/// published precision (4 decimals).
fn assert_printed_plan_reaches(data: &str, unit: &str, target: &[&str], lang: &str) {
    let mut args = vec!["goal", data, "--unit", unit, "--lang", lang];
    args.extend(target);
    let goal = dti(&args);
    assert_eq!(goal.code, 0, "{}", goal.transcript());
    let out = goal.out();
    let mut sets = Vec::new();
    for line in out
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
    {
        let cells: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        // #, code, name, score, raw value, gain, effort, gain per effort
        let raw = cells[4].split(" → ").nth(1).expect("a raw value");
        sets.push(format!("{}={raw}", cells[1]));
    }
    assert!(!sets.is_empty(), "{out}");
    let mut whatif = vec!["whatif", data, "--unit", unit, "--format", "json"];
    for set in &sets {
        whatif.extend(["--set", set.as_str()]);
    }
    let run = dti(&whatif);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let outcome: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let node = outcome["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "DTI")
        .unwrap();
    let context = format!("{out}\n{sets:?}\n{node}");
    match target {
        ["--rank", rank, ..] => {
            let rank: u64 = rank.parse().unwrap();
            assert!(node["rank_after"].as_u64().unwrap() <= rank, "{context}");
        }
        ["--target", value, ..] => {
            let value: f64 = value.replace(',', ".").parse().unwrap();
            let after = node["after"].as_f64().unwrap();
            let published = |v: f64| (v * 1e4).round() / 1e4;
            assert!(published(after) >= published(value), "{context}");
        }
        _ => panic!("a target or a rank"),
    }
}

#[test]
fn printed_goal_plans_reach_their_targets_through_whatif() {
    // `goal --unit 22 --rank 10` once printed I9 0.5408, which ranks Quảng Ninh 11th.
    const SYNTHETIC: &str = "synthetic-63-provinces-2022.csv";
    for lang in LANGS {
        for (unit, target) in [
            ("22", &["--rank", "10"][..]),
            ("22", &["--target", "0.75"]),
            ("22", &["--target", "0,7"]),
            ("22", &["--rank", "10", "--costs", "costs.csv"]),
            ("48", &["--rank", "1"]),
            ("01", &["--rank", "5"]),
            ("95", &["--target", "0.6123"]),
        ] {
            assert_printed_plan_reaches(SYNTHETIC, unit, target, lang);
        }
        assert_printed_plan_reaches("provinces-2022.csv", "22", &["--target", "0,8"], lang);
        assert_printed_plan_reaches("provinces-2022.csv", "74", &["--rank", "1"], lang);
    }
}

#[test]
fn goal_usage_errors() {
    for lang in LANGS {
        let mut transcripts = Vec::new();
        for args in [
            &["goal", "provinces-2022.csv", "--unit", "22"][..],
            &[
                "goal",
                "provinces-2022.csv",
                "--unit",
                "22",
                "--target",
                "high",
            ],
            &["goal", "provinces-2022.csv", "--unit", "22", "--rank", "9"],
            &[
                "goal",
                "provinces-2022.csv",
                "--unit",
                "22",
                "--target",
                "0.8",
                "--node",
                "Q",
            ],
            &[
                "goal",
                "provinces-2022.csv",
                "--unit",
                "22",
                "--target",
                "0.8",
                "--costs",
                "nope.csv",
            ],
        ] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let run = dti(&all);
            assert_eq!(run.code, 2, "{}", run.transcript());
            transcripts.push(run.transcript());
        }
        let bad = dti(&[
            "goal",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--target",
            "0.8",
            "--costs",
            "bad-costs.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(bad.code, 1, "{}", bad.transcript());
        transcripts.push(bad.transcript());
        insta::assert_snapshot!(format!("goal-errors-{lang}"), transcripts.join("\n"));
    }
}

/// `--target` is read as the calculator's goal field reads it (both ask the core): a
/// percentage on a 0–1 scale is a share, and a value below the scale is refused rather than
/// planned as "already reached".
#[test]
fn goal_targets_are_read_as_the_calculator_reads_them() {
    let goal = |target: &str, lang: &str| {
        dti(&[
            "goal",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--target",
            target,
            "--format",
            "json",
            "--lang",
            lang,
        ])
    };
    let share = goal("0.75", "en");
    let percent = goal("75%", "en");
    assert_eq!(percent.code, 0, "{}", percent.transcript());
    assert_eq!(percent.stdout, share.stdout);
    for (lang, said) in [
        ("vi", "--target: giá trị -1 nằm dưới khoảng cho phép 0–1"),
        (
            "en",
            "--target: value -1 is below the indicator's range 0–1",
        ),
    ] {
        let below = goal("-1", lang);
        assert_eq!(below.code, 2, "{}", below.transcript());
        assert!(below.stdout.is_empty(), "{}", below.transcript());
        assert!(below.stderr.contains(said), "{}", below.transcript());
    }
}

/// A goal already met is said in one sentence, without the plan's table headers over no rows.
#[test]
fn a_goal_already_met_shows_no_empty_plan() {
    let mut transcripts = Vec::new();
    for lang in LANGS {
        for format in ["table", "markdown"] {
            let run = dti(&[
                "goal",
                "provinces-2022.csv",
                "--unit",
                "22",
                "--target",
                "0.1",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            transcripts.push(run.transcript());
        }
    }
    insta::assert_snapshot!("goal-already-met", transcripts.join("\n"));
}

// ---- merge ----

#[test]
fn merge_of_the_synthetic_provinces_in_every_format() {
    for lang in LANGS {
        for format in ["table", "markdown"] {
            let run = dti(&[
                "merge",
                "synthetic-63-provinces-2022.csv",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            assert!(run.out().lines().next().unwrap().contains(if lang == "vi" {
                "DỮ LIỆU GIẢ LẬP"
            } else {
                "SYNTHETIC DATA"
            }));
            insta::assert_snapshot!(format!("merge-63-{format}-{lang}"), run.transcript());
        }
    }
    let csv = dti(&[
        "merge",
        "synthetic-63-provinces-2022.csv",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    // 34 units × 13 nodes × 2 methods, and the header.
    assert_eq!(csv.out().lines().count(), 34 * 13 * 2 + 1);
    let json = dti(&[
        "merge",
        "synthetic-63-provinces-2022.csv",
        "--format",
        "json",
        "--method",
        "mean",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["synthetic"], true);
    assert_eq!(value["mean"]["units"].as_array().unwrap().len(), 34);
    assert!(value.get("pooled").is_none());
}

#[test]
fn merge_with_a_custom_mapping_and_weights_in_every_format() {
    every_format(
        "merge-custom",
        &[
            "merge",
            "provinces-2022.csv",
            "--mapping",
            "mapping-custom.csv",
            "--weights",
            "weights.csv",
        ],
    );
    xlsx(
        "merge-custom",
        &[
            "merge",
            "provinces-2022.csv",
            "--mapping",
            "mapping-custom.csv",
            "--method",
            "pooled",
        ],
    );
}

#[test]
fn a_merger_of_one_province_is_that_province() {
    let merged = dti(&[
        "merge",
        "provinces-2022.csv",
        "--mapping",
        "mapping-custom.csv",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    let score = dti(&["score", "provinces-2022.csv", "--format", "json"]);
    let scored: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let binh_duong = scored["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "74")
        .unwrap();
    let b = &value["mean"]["units"][1];
    assert_eq!(b["code"], "B");
    for (old, new) in binh_duong["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .zip(b["nodes"].as_array().unwrap())
    {
        let (old, new) = (old["value"].as_f64(), new["value"].as_f64());
        match (old, new) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12),
            _ => assert_eq!(old, new),
        }
    }
}

#[test]
fn a_merged_unit_missing_former_units_data_is_an_error_unless_accepted() {
    // merge-partial.csv: Hà Nội typed as `1`, Quảng Ninh, and Đà Nẵng (48) without Quảng Nam (49).
    for lang in LANGS {
        let refused = dti(&["merge", "merge-partial.csv", "--lang", lang]);
        assert_eq!(refused.code, 1, "{}", refused.transcript());
        assert!(refused.stdout.is_empty());
        // One error, for Đà Nẵng (21), and the closing line.
        let lines: Vec<&str> = refused
            .stderr
            .lines()
            .filter(|l| !l.starts_with(' '))
            .collect();
        assert_eq!(lines.len(), 2, "{}", refused.stderr);
        assert!(
            lines[0].contains("21") && lines[0].contains("49"),
            "{}",
            refused.stderr
        );
        assert!(
            refused.stderr.contains("--allow-partial"),
            "{}",
            refused.stderr
        );
        let accepted = dti(&[
            "merge",
            "merge-partial.csv",
            "--allow-partial",
            "--lang",
            lang,
        ]);
        assert_eq!(accepted.code, 0, "{}", accepted.transcript());
        // One warning for Đà Nẵng, one for the 31 merged units without any data.
        assert_eq!(
            accepted
                .stderr
                .lines()
                .filter(|l| !l.starts_with(' '))
                .count(),
            2,
            "{}",
            accepted.stderr
        );
        insta::assert_snapshot!(
            format!("merge-partial-{lang}"),
            format!("{}\n{}", refused.transcript(), accepted.transcript())
        );
    }
}

#[test]
fn a_row_whose_name_is_another_former_units_is_refused_by_merge() {
    // Quảng Ninh's row (22) named Hà Giang (02): merged into Quảng Ninh's new unit under
    // another province's name, with exit status 0. The other names are written as people
    // write them and are the mapping's.
    for (lang, words) in [
        ("vi", "tên `Hà Giang` là tên của đơn vị 02 trong bảng gộp"),
        ("en", "`Hà Giang` is the name of unit 02 in the mapping"),
    ] {
        let args = [
            "merge",
            "merge-names.csv",
            "--allow-partial",
            "--lang",
            lang,
        ];
        let refused = dti(&args);
        assert_eq!(refused.code, 1, "{}", refused.transcript());
        assert!(refused.stdout.is_empty());
        let errors: Vec<&str> = (refused.stderr.lines())
            .filter(|l| l.starts_with("lỗi:") || l.starts_with("error:"))
            .collect();
        assert_eq!(errors.len(), 1, "{}", refused.stderr);
        assert!(errors[0].contains(words), "{}", refused.stderr);
        assert!(
            errors[0].contains("merge-names.csv:7"),
            "{}",
            refused.stderr
        );
    }
    // Without that row, the same file merges, without a word about the names.
    let dir = scratch("merge-names");
    let text = std::fs::read_to_string(fixtures("cli").join("merge-names.csv")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("22;")).collect();
    std::fs::write(dir.join("names.csv"), kept.join("\n")).unwrap();
    let run = dti_in(
        &dir,
        &["merge", "names.csv", "--allow-partial", "--lang", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        !run.stderr.contains("mapping's name"),
        "{}",
        run.transcript()
    );
}

#[test]
fn merged_units_without_data_get_no_value_and_no_rank() {
    let run = dti(&[
        "merge",
        "merge-partial.csv",
        "--allow-partial",
        "--method",
        "mean",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let units = value["mean"]["units"].as_array().unwrap();
    // Hà Nội (from `1`), Quảng Ninh and Đà Nẵng: ranked 1 to 3 among themselves.
    let mut codes: Vec<&str> = units.iter().map(|u| u["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["01", "07", "21"]);
    let members = value["members"].as_array().unwrap();
    assert_eq!(members.len(), 34);
    let of = |code: &str| members.iter().find(|m| m["code"] == code).unwrap();
    assert_eq!(of("01")["with_data"], serde_json::json!(["01"]));
    assert_eq!(of("21")["with_data"], serde_json::json!(["48"]));
    assert_eq!(of("21")["without_data"], serde_json::json!(["49"]));
    assert_eq!(of("34")["with_data"], serde_json::json!([]));
    // Hà Nội's merged DTI is Hà Nội's own, though its code was typed as 1.
    let score = dti(&["score", "merge-partial.csv", "--format", "json"]);
    let scored: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let dti_of = |units: &serde_json::Value, code: &str| {
        units
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .and_then(|u| {
                u["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|n| n["code"] == "DTI")
            })
            .and_then(|n| n["value"].as_f64())
            .unwrap()
    };
    assert_eq!(
        dti_of(&value["mean"]["units"], "01"),
        dti_of(&scored["units"], "1")
    );
    // The table shows no value and no rank for units without data, not 0.0000 sharing a rank.
    let table = dti(&[
        "merge",
        "merge-partial.csv",
        "--allow-partial",
        "--lang",
        "en",
    ]);
    let out = table.out();
    assert!(!out.contains("0.0000  "), "{out}");
    let row = out.lines().find(|l| l.starts_with("34 ")).unwrap();
    assert!(row.contains("no data"), "{row}");
    assert!(out.contains("Rank (mean, /3)"), "{out}");
}

#[test]
fn units_are_found_by_their_statistics_office_code() {
    // `--unit 01` finds the unit Excel wrote as `1`, and `--unit 1` finds `01`.
    let run = dti(&[
        "whatif",
        "merge-partial.csv",
        "--unit",
        "01",
        "--set",
        "I7=1",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.out().contains("Hà Nội"), "{}", run.out());
    let explain = dti(&[
        "explain",
        "provinces-2022.csv",
        "--unit",
        "1",
        "--lang",
        "en",
    ]);
    assert_eq!(explain.code, 0, "{}", explain.transcript());
    assert!(explain.out().contains("Hà Nội"), "{}", explain.out());
}

#[test]
fn merge_errors() {
    for lang in LANGS {
        let missing = dti(&[
            "merge",
            "synthetic-63-provinces-2022.csv",
            "--mapping",
            "nope.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(missing.code, 2);
        let bad = dti(&[
            "merge",
            "synthetic-63-provinces-2022.csv",
            "--mapping",
            "costs.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(bad.code, 1, "{}", bad.transcript());
        let weights = dti(&[
            "merge",
            "provinces-2022.csv",
            "--mapping",
            "mapping-custom.csv",
            "--weights",
            "bad-costs.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(weights.code, 1, "{}", weights.transcript());
        insta::assert_snapshot!(
            format!("merge-errors-{lang}"),
            format!(
                "{}\n{}\n{}",
                missing.transcript(),
                bad.transcript(),
                weights.transcript()
            )
        );
    }
}

// ---- robustness ----

#[test]
fn robustness_in_every_format() {
    every_format(
        "robustness",
        &[
            "robustness",
            "provinces-2022.csv",
            "--samples",
            "16",
            "--top",
            "1",
        ],
    );
    xlsx(
        "robustness",
        &[
            "robustness",
            "provinces-2022.csv",
            "--samples",
            "16",
            "--top",
            "1",
        ],
    );
}

#[test]
fn a_seeded_robustness_run_is_reproducible() {
    let args = [
        "robustness",
        "synthetic-63-provinces-2022.csv",
        "--uncertainty",
        "uncertainty-4.toml",
        "--samples",
        "8",
        "--seed",
        "7",
        "--bootstrap",
        "20",
        "--format",
        "json",
    ];
    let one = dti(&args);
    assert_eq!(one.code, 0, "{}", one.transcript());
    let mut threads = args.to_vec();
    threads.extend(["--threads", "1"]);
    let two = dti(&threads);
    let analysis: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let mut single: serde_json::Value = serde_json::from_slice(&two.stdout).unwrap();
    // Everything but the thread count recorded in the settings is the same.
    single["settings"]["threads"] = analysis["settings"]["threads"].clone();
    assert_eq!(analysis, single, "the same seed gives the same analysis");
    assert_eq!(analysis["factors"].as_array().unwrap().len(), 4);
    assert_eq!(analysis["runs"].as_array().unwrap().len(), 8 * 6);
    assert_eq!(analysis["units"].as_array().unwrap().len(), 63);
    insta::assert_snapshot!("robustness-seeded-json", one.transcript());
}

#[test]
fn robustness_of_the_synthetic_provinces_with_sobol_sampling() {
    for lang in LANGS {
        let run = dti(&[
            "robustness",
            "synthetic-63-provinces-2022.csv",
            "--samples",
            "32",
            "--sampling",
            "sobol",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        // Not a terminal: no progress bar.
        assert!(run.stderr.is_empty(), "{}", run.stderr);
        insta::assert_snapshot!(format!("robustness-63-sobol-{lang}"), run.transcript());
    }
}

#[test]
fn robustness_warns_when_the_sensitivity_indices_are_not_stable() {
    // N = 100 was the default: a first-order index came out above its total index and
    // intervals crossed 0, with nothing said.
    let args = [
        "robustness",
        "synthetic-63-provinces-2022.csv",
        "--samples",
        "100",
    ];
    for (lang, words) in [
        (
            "en",
            [
                "fewer than 10000",
                "is above its total index",
                "reaches below 0",
            ],
        ),
        (
            "vi",
            ["ít hơn 10000", "lớn hơn chỉ số toàn phần", "xuống dưới 0"],
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        let run = dti(&all);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let out = run.out();
        for word in words {
            assert!(out.contains(word), "{word}: {out}");
        }
        // CSV holds the units only: the warnings go to standard error.
        all.extend(["--format", "csv"]);
        let csv = dti(&all);
        assert!(csv.stderr.contains(words[1]), "{}", csv.stderr);
    }
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let run = dti(&json);
    let analysis: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let kinds: Vec<&str> = analysis["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["problem"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "few_samples",
            "first_above_total",
            "interval_below_zero",
            "interval_below_zero"
        ]
    );
    // The default is the sample size measured to give stable indices.
    let help = dti(&["robustness", "--help"]);
    assert!(help.out().contains("[default: 10000]"), "{}", help.out());
}

#[test]
fn robustness_html_has_a_rank_interval_chart() {
    for lang in LANGS {
        let run = dti(&[
            "robustness",
            "provinces-2022.csv",
            "--samples",
            "16",
            "--format",
            "html",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let html = run.out();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<svg").count(), 1);
        assert_eq!(html.matches("class=\"interval\"").count(), 3);
        assert_eq!(html.matches("class=\"nominal\"").count(), 3);
        for tag in ["<link", "<script", "<img", "@import", "url("] {
            assert!(!html.contains(tag), "{tag} in the page");
        }
        insta::assert_snapshot!(format!("robustness-html-{lang}"), run.transcript());
    }
}

#[test]
fn robustness_errors() {
    for lang in LANGS {
        let mut transcripts = Vec::new();
        for args in [
            &[
                "robustness",
                "synthetic-63-provinces-2022.csv",
                "--uncertainty",
                "bad-uncertainty.toml",
            ][..],
            &[
                "robustness",
                "synthetic-63-provinces-2022.csv",
                "--uncertainty",
                "nope.toml",
            ],
            &[
                "robustness",
                "synthetic-63-provinces-2022.csv",
                "--samples",
                "1",
            ],
            &[
                "robustness",
                "synthetic-63-provinces-2022.csv",
                "--index",
                "Q",
            ],
        ] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let run = dti(&all);
            assert_eq!(run.code, 2, "{}", run.transcript());
            transcripts.push(run.transcript());
        }
        insta::assert_snapshot!(format!("robustness-errors-{lang}"), transcripts.join("\n"));
    }
}

// ---- remove-one ----

#[test]
fn remove_one_in_every_format() {
    every_format("remove-one", &["remove-one", "provinces-2022.csv"]);
    xlsx("remove-one", &["remove-one", "provinces-2022.csv"]);
}

#[test]
fn remove_one_on_the_synthetic_provinces() {
    for lang in LANGS {
        let run = dti(&[
            "remove-one",
            "synthetic-63-provinces-2022.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("remove-one-63-{lang}"), run.transcript());
    }
    let pillar = dti(&[
        "remove-one",
        "synthetic-63-provinces-2022.csv",
        "--index",
        "KTS",
        "--remove",
        "I8",
        "--remove",
        "I1",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&pillar.stdout).unwrap();
    assert_eq!(value["index"], "KTS");
    assert_eq!(value["removals"].as_array().unwrap().len(), 2);
    let unknown = dti(&[
        "remove-one",
        "synthetic-63-provinces-2022.csv",
        "--remove",
        "Q",
        "--lang",
        "en",
    ]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn every_new_command_documents_its_exit_codes_and_robustness_its_default() {
    for command in [
        "whatif",
        "goal",
        "merge",
        "robustness",
        "remove-one",
        "build",
    ] {
        let run = dti(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command}");
        assert!(run.out().contains("Exit status:"), "{command} --help");
        assert!(run.out().contains("--lang"), "{command} --help");
    }
    let help = dti(&["robustness", "--help"]);
    assert!(help.out().contains("share = 0.25"), "{}", help.out());
    assert!(
        help.out()
            .contains("aggregation = [{ method = \"geometric\" }]")
    );
}
