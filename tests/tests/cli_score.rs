//! `dti score` end to end: the README's main job, every format in both languages, and the
//! JSON contract shared with the web widget.

mod cli_support;

use cli_support::{dti, dti_env, fixtures, scratch, xlsx_rows};

const LANGS: [&str; 2] = ["vi", "en"];

#[test]
fn the_main_job_scores_quang_ninh_as_published() {
    let run = dti(&["score", "quang-ninh-2022.csv", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = run.out();
    for (code, value) in [
        ("DTI", "0,7024"),
        ("CQS", "0,7804"),
        ("KTS", "0,7187"),
        ("XHS", "0,6864"),
    ] {
        let line = out
            .lines()
            .find(|l| l.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no {code} row in\n{out}"));
        assert!(line.contains(value), "{code} should be {value}: {line}");
    }
    assert!(
        run.stderr.is_empty(),
        "the main job is clean: {}",
        run.stderr
    );
    insta::assert_snapshot!("score-default-vi", run.transcript());
    insta::assert_snapshot!(
        "score-default-en",
        dti(&["score", "quang-ninh-2022.csv", "--lang", "en"]).transcript()
    );
}

#[test]
fn every_text_format_in_both_languages() {
    for lang in LANGS {
        for format in ["table", "csv", "json", "markdown"] {
            let run = dti(&[
                "score",
                "provinces-2022.csv",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            insta::assert_snapshot!(format!("score-{format}-{lang}"), run.transcript());
        }
    }
}

#[test]
fn excel_output_holds_numbers_and_translated_headers() {
    let dir = scratch("score-xlsx");
    for lang in LANGS {
        let path = dir.join(format!("results-{lang}.xlsx"));
        let path_text = path.to_str().unwrap();
        let input = fixtures("cli").join("provinces-2022.csv");
        let run = dti(&[
            "score",
            input.to_str().unwrap(),
            "-o",
            path_text,
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stdout.is_empty());
        let (sheets, rows) = xlsx_rows(&std::fs::read(&path).unwrap());
        let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        insta::assert_snapshot!(
            format!("score-xlsx-{lang}"),
            format!("sheets: {sheets:?}\n{}", text.join("\n"))
        );
    }
}

#[test]
fn json_is_exactly_the_core_results() {
    let path = fixtures("cli").join("provinces-2022.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let data = dti_core::Dataset::from_csv(&text, Some("provinces-2022.csv"));
    let results = dti_core::score(&dti_core::embedded::default_framework(), &data.dataset).unwrap();
    let expected = serde_json::to_string_pretty(&results).unwrap() + "\n";
    let run = dti(&["score", "provinces-2022.csv", "--format", "json"]);
    assert_eq!(run.out(), expected);
}

/// A table saved as JSON records by pandas (`to_json(orient="records")`): each unit a flat
/// object, its indicators beside its code. Scored as the same table in CSV is.
#[test]
fn json_records_score_as_the_same_table_in_csv() {
    for format in ["csv", "json"] {
        let records = dti(&["score", "provinces-2022-records.json", "--format", format]);
        let csv = dti(&["score", "provinces-2022.csv", "--format", format]);
        assert_eq!(records.code, 0, "{}", records.transcript());
        assert_eq!(records.out(), csv.out(), "{format}");
    }
}

#[test]
fn indicator_codes_in_lower_case_score_as_the_framework_writes_them() {
    for format in ["csv", "json"] {
        let lower = dti(&["score", "provinces-2022-lowercase.csv", "--format", format]);
        let upper = dti(&["score", "provinces-2022.csv", "--format", format]);
        assert_eq!(lower.code, 0, "{}", lower.transcript());
        // JSON ends with the diagnostics, where the lower-case file has its notes.
        let results = |out: String| out.split("\"diagnostics\"").next().map(str::to_owned);
        assert_eq!(results(lower.out()), results(upper.out()), "{format}");
    }
}

#[test]
fn excel_input_reads_the_chosen_sheet_at_its_place() {
    for lang in LANGS {
        let run = dti(&[
            "score",
            "provinces-2022.xlsx",
            "--sheet",
            "DTI 2022",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("score-xlsx-input-{lang}"), run.transcript());
    }
    // The first sheet holds notes only: the message names it and points to --sheet.
    let run = dti(&["score", "provinces-2022.xlsx", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--sheet NAME"), "{}", run.stderr);
}

#[test]
fn embedded_data_sets_score_with_their_own_framework() {
    let run = dti(&["score", "binh-duong-2023.csv", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.out().contains("illustrative"), "{}", run.out());
    insta::assert_snapshot!("score-binh-duong-en", run.transcript());
}

#[test]
fn the_language_follows_the_locale_unless_asked() {
    let dir = fixtures("cli");
    let vi = dti_env(
        &dir,
        &["score", "quang-ninh-2022.csv"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(
        vi.out().contains("Giá trị") && vi.out().contains("0,7024"),
        "{}",
        vi.out()
    );
    let en = dti_env(
        &dir,
        &["score", "quang-ninh-2022.csv"],
        &[("LANG", "C.UTF-8")],
    );
    assert!(
        en.out().contains("Value") && en.out().contains("0.7024"),
        "{}",
        en.out()
    );
    let all = dti_env(
        &dir,
        &["score", "quang-ninh-2022.csv"],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")],
    );
    assert!(all.out().contains("Giá trị"), "LC_ALL wins over LANG");
    let flag = dti_env(
        &dir,
        &["score", "quang-ninh-2022.csv", "--lang", "en"],
        &[("LC_ALL", "vi_VN.UTF-8")],
    );
    assert!(flag.out().contains("Value"), "--lang wins over the locale");
}

#[test]
fn data_errors_stop_scoring_with_exit_1_and_every_message() {
    let bad = fixtures("bad-input");
    for lang in LANGS {
        let run = cli_support::dti_in(&bad, &["score", "text-in-number.csv", "--lang", lang]);
        assert_eq!(run.code, 1);
        assert!(run.stdout.is_empty());
        insta::assert_snapshot!(format!("score-data-error-{lang}"), run.transcript());
    }
}

#[test]
fn usage_errors_exit_2_in_the_users_language() {
    for lang in LANGS {
        let run = dti(&["score", "no-such-file.csv", "--lang", lang]);
        assert_eq!(run.code, 2);
        let framework = dti(&[
            "score",
            "quang-ninh-2022.csv",
            "--framework",
            "dti-1999",
            "--lang",
            lang,
        ]);
        assert_eq!(framework.code, 2);
        insta::assert_snapshot!(
            format!("score-usage-errors-{lang}"),
            format!("{}\n{}", run.transcript(), framework.transcript())
        );
    }
    let clap = dti(&["score", "--format", "pdf"]);
    assert_eq!(clap.code, 2);
}

#[test]
fn a_framework_file_scores_too() {
    let dir = scratch("framework-file");
    let framework = dir.join("dti.toml");
    std::fs::write(&framework, dti_core::embedded::FRAMEWORKS[0].1).unwrap();
    let input = fixtures("cli").join("provinces-2022.csv");
    let run = dti(&[
        "score",
        input.to_str().unwrap(),
        "--framework",
        framework.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.out(),
        dti(&["score", "provinces-2022.csv", "--format", "csv"]).out()
    );
}

/// Every printed row's points and points lost add up to its maximum, as printed: over the 63
/// synthetic provinces in the long CSV table, and in `dti explain` for each of them.
#[test]
fn printed_points_and_points_lost_add_up_to_the_maximum() {
    let dir = scratch("points-add-up");
    let data = dti_core::embedded::DATASETS
        .iter()
        .find(|(file, _, _)| *file == "synthetic-63-provinces-2022.csv")
        .map(|(_, _, text)| *text)
        .expect("the embedded 63-province data");
    std::fs::write(dir.join("data.csv"), data).unwrap();
    let cents = |text: &str| -> Option<i64> {
        let value: f64 = text.trim().parse().ok()?;
        Some((value * 100.0).round() as i64)
    };

    let run = cli_support::dti_in(
        &dir,
        &["score", "data.csv", "--format", "csv", "--lang", "en"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let mut reader = csv::Reader::from_reader(run.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (points, max, lost) = (at("Points"), at("Max points"), at("Points lost"));
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (Some(p), Some(m), Some(l)) = (
            cents(&record[points]),
            cents(&record[max]),
            cents(&record[lost]),
        ) else {
            continue;
        };
        assert_eq!(p + l, m, "{record:?}");
        rows += 1;
    }
    // Every node but smart city (I6), which the file does not give and which has no points.
    assert!(rows >= 63 * 12, "{rows} rows with points");

    let mut checked = 0;
    for unit in ["01", "22", "48", "79"] {
        let run = cli_support::dti_in(
            &dir,
            &[
                "explain", "data.csv", "--unit", unit, "--lang", "en", "--format", "markdown",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        for line in run.out().lines().filter(|l| l.starts_with("| I")) {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // | code | name | score | points | max | lost | gain if full |
            let (Some(p), Some(m), Some(l), Some(g)) = (
                cents(cells[4]),
                cents(cells[5]),
                cents(cells[6]),
                cents(cells[7]),
            ) else {
                continue;
            };
            assert_eq!(p + l, m, "{line}");
            assert_eq!(
                l, g,
                "points lost and the DTI points to gain are one quantity: {line}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4 * 8, "{checked} explain rows with points");
}

/// A file written with decomposed letters (NFD, as macOS writes) is read composed: its
/// Vietnamese headers are recognised and a unit is found by the name as people type it.
#[test]
fn decomposed_names_match_what_people_type() {
    let dir = fixtures("bad-input");
    let run = cli_support::dti_in(
        &dir,
        &[
            "explain",
            "nfd-vietnamese-header.csv",
            "--unit",
            "Quảng Ninh",
            "--lang",
            "en",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.out().contains("Quảng Ninh"), "{}", run.out());
}

/// The rows of a ranking in the terminal: the lines after the title, the headers and the rule.
fn ranking_rows(out: &str) -> Vec<&str> {
    let mut lines = out.lines();
    let rule = lines.by_ref().position(|l| l.starts_with('─'));
    assert_eq!(rule, Some(2), "title, headers, rule:\n{out}");
    lines.collect()
}

#[test]
fn summary_ranks_63_provinces_on_63_lines() {
    for lang in LANGS {
        let run = dti(&[
            "score",
            "synthetic-63-provinces-2022.csv",
            "--summary",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let out = run.out();
        assert_eq!(out.lines().count(), 63 + 3, "{out}");
        let rows = ranking_rows(&out);
        assert_eq!(rows.len(), 63);
        // Best first, by the DTI: the first row holds DTI rank 1 of 63.
        assert!(rows[0].contains(" 1/63 "), "{}", rows[0]);
        insta::assert_snapshot!(format!("score-summary-63-{lang}"), run.transcript());
    }
}

#[test]
fn summary_sorts_by_any_code_and_ties_keep_the_official_order() {
    let run = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "--summary",
        "--sort",
        "I6",
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = run.out();
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    // The sort code is shown when it is not a headline column.
    assert_eq!(header[header.len() - 2..], ["I6", "I6 rank"]);
    let dti_rank = header.iter().position(|h| *h == "DTI rank").unwrap();
    let i6 = header.iter().position(|h| *h == "I6 rank").unwrap();
    let rows: Vec<(String, u32)> = lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[i6].to_string(), cells[dti_rank].parse().unwrap())
        })
        .collect();
    assert_eq!(rows.len(), 63);
    // Smart city (I6) is reported, not scored, and the file does not give it: no province has
    // a value or a rank there (none is imputed a zero), so the order is the DTI ranking.
    assert!(rows.iter().all(|r| r.0.is_empty()), "{out}");
    let dti_ranks: Vec<u32> = rows.iter().map(|r| r.1).collect();
    let mut sorted = dti_ranks.clone();
    sorted.sort();
    assert_eq!(dti_ranks, sorted);

    let by_cqs = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "--summary",
        "--sort",
        "CQS",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&by_cqs.out()).unwrap();
    assert_eq!(json["sort"], "CQS");
    let ranks: Vec<u64> = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["nodes"][1]["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(json["units"][0]["nodes"][1]["code"], "CQS");
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn summary_in_every_format_and_both_languages() {
    for lang in LANGS {
        for format in ["table", "csv", "json", "markdown"] {
            let run = dti(&[
                "score",
                "provinces-2022.csv",
                "--summary",
                "--sort",
                "XHS",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            insta::assert_snapshot!(format!("score-summary-{format}-{lang}"), run.transcript());
        }
    }
    let dir = scratch("score-summary-xlsx");
    let path = dir.join("ranking.xlsx");
    let run = dti(&[
        "score",
        "provinces-2022.csv",
        "--summary",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "vi",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (sheets, rows) = xlsx_rows(&std::fs::read(&path).unwrap());
    let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    insta::assert_snapshot!(
        "score-summary-xlsx-vi",
        format!("sheets: {sheets:?}\n{}", text.join("\n"))
    );
}

#[test]
fn unit_limits_every_format_and_keeps_the_ranks_among_all() {
    for lang in LANGS {
        let run = dti(&[
            "score",
            "synthetic-63-provinces-2022.csv",
            "--unit",
            "Quảng Ninh",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.out().contains("/63"), "{}", run.out());
        insta::assert_snapshot!(format!("score-unit-{lang}"), run.transcript());
        let summary = dti(&[
            "score",
            "synthetic-63-provinces-2022.csv",
            "--unit",
            "22",
            "--summary",
            "--lang",
            lang,
        ]);
        assert_eq!(ranking_rows(&summary.out()).len(), 1, "{}", summary.out());
        insta::assert_snapshot!(format!("score-unit-summary-{lang}"), summary.transcript());
    }
    // CSV: the unit's rows only; JSON: the core's results for that unit, ranks among all.
    let csv = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "-u",
        "22",
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = csv
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1 + 13, "{lines:?}");
    assert!(
        lines[1..].iter().all(|l| l.starts_with("22,Quảng Ninh,")),
        "{lines:?}"
    );
    let json = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "-u",
        "22",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json.out()).unwrap();
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["code"], "22");
    let all = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "--format",
        "json",
    ]);
    let all: serde_json::Value = serde_json::from_str(&all.out()).unwrap();
    let same = all["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "22")
        .unwrap();
    assert_eq!(&units[0], same);
    // Excel: the unit's rows only, ranks as numbers among all 63.
    let path = scratch("score-unit-xlsx").join("quang-ninh.xlsx");
    let run = dti(&[
        "score",
        "synthetic-63-provinces-2022.csv",
        "-u",
        "22",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (_, rows) = xlsx_rows(&std::fs::read(&path).unwrap());
    assert_eq!(rows.len(), 1 + 13);
    assert!(rows[1..].iter().all(|r| r[0] == "22"), "{rows:?}");
    assert_eq!(
        rows[1][6], "30",
        "Quảng Ninh's DTI rank among the 63: {rows:?}"
    );
}

#[test]
fn unknown_unit_and_sort_code_are_usage_errors_in_both_languages() {
    for lang in LANGS {
        let unit = dti(&[
            "score",
            "provinces-2022.csv",
            "--unit",
            "Atlantis",
            "--lang",
            lang,
        ]);
        assert_eq!(unit.code, 2);
        assert!(unit.stdout.is_empty());
        let sort = dti(&[
            "score",
            "provinces-2022.csv",
            "--summary",
            "--sort",
            "I99",
            "--lang",
            lang,
        ]);
        assert_eq!(sort.code, 2);
        insta::assert_snapshot!(
            format!("score-unit-sort-errors-{lang}"),
            format!("{}\n{}", unit.transcript(), sort.transcript())
        );
        // Among 63 units the message names a few and says how to list them all.
        let many = dti(&[
            "score",
            "synthetic-63-provinces-2022.csv",
            "--unit",
            "Quang Ninh",
            "--lang",
            lang,
        ]);
        assert_eq!(many.code, 2);
        assert!(
            many.stderr.contains("12 (Lai Châu), … (63 ") && !many.stderr.contains("Sơn La"),
            "the first eight units, then the count: {}",
            many.stderr
        );
        assert!(many.stderr.contains("--summary"), "{}", many.stderr);
    }
}
