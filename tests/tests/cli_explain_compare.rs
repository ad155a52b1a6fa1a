//! `dti explain`, `dti compare` and `dti frameworks`: every format in both languages.

mod cli_support;

use cli_support::{dti, scratch, xlsx_rows};

const LANGS: [&str; 2] = ["vi", "en"];

#[test]
fn explain_in_every_format() {
    for lang in LANGS {
        for format in ["table", "markdown", "json"] {
            let run = dti(&[
                "explain",
                "quang-ninh-2022.csv",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            insta::assert_snapshot!(format!("explain-{format}-{lang}"), run.transcript());
        }
    }
}

#[test]
fn explain_ranks_digital_government_activity_first_for_quang_ninh() {
    let run = dti(&["explain", "quang-ninh-2022.csv", "--format", "json"]);
    let why: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(why["best_moves"][0]["indicator"], "I7");
    assert_eq!(why["index"], "DTI");
}

#[test]
fn explain_picks_a_unit_by_code_or_name_and_asks_when_unsure() {
    let by_code = dti(&[
        "explain",
        "provinces-2022.csv",
        "--unit",
        "01",
        "--lang",
        "en",
    ]);
    let by_name = dti(&[
        "explain",
        "provinces-2022.csv",
        "--unit",
        "hà nội",
        "--lang",
        "en",
    ]);
    assert_eq!(by_code.code, 0, "{}", by_code.transcript());
    assert_eq!(by_code.out(), by_name.out());
    for lang in LANGS {
        let unsure = dti(&["explain", "provinces-2022.csv", "--lang", lang]);
        assert_eq!(unsure.code, 2);
        let unknown = dti(&[
            "explain",
            "provinces-2022.csv",
            "--unit",
            "99",
            "--lang",
            lang,
        ]);
        assert_eq!(unknown.code, 2);
        let pillar = dti(&[
            "explain",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--index",
            "KTS",
            "--lang",
            lang,
        ]);
        assert_eq!(pillar.code, 0);
        insta::assert_snapshot!(
            format!("explain-units-{lang}"),
            format!(
                "{}\n{}\n{}",
                unsure.transcript(),
                unknown.transcript(),
                pillar.transcript()
            )
        );
    }
}

#[test]
fn compare_in_every_format() {
    for lang in LANGS {
        for format in ["table", "csv", "json", "markdown"] {
            let run = dti(&[
                "compare",
                "provinces-2022.csv",
                "provinces-2023.csv",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            insta::assert_snapshot!(format!("compare-{format}-{lang}"), run.transcript());
        }
        let dir = scratch(&format!("compare-xlsx-{lang}"));
        let out = dir.join("changes.xlsx");
        let run = dti(&[
            "compare",
            "provinces-2022.csv",
            "provinces-2023.csv",
            "-o",
            out.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let (sheets, rows) = xlsx_rows(&std::fs::read(&out).unwrap());
        let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        insta::assert_snapshot!(
            format!("compare-xlsx-{lang}"),
            format!("sheets: {sheets:?}\n{}", text.join("\n"))
        );
    }
}

#[test]
fn compare_reports_rank_moves_and_new_units() {
    let run = dti(&[
        "compare",
        "provinces-2022.csv",
        "provinces-2023.csv",
        "--format",
        "json",
    ]);
    let comparison: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let units = comparison["units"].as_array().unwrap();
    let code = |u: &serde_json::Value| u["code"].as_str().unwrap().to_string();
    assert_eq!(
        units.iter().map(code).collect::<Vec<_>>(),
        ["22", "01", "48", "74"]
    );
    assert_eq!(units[2]["presence"], "only_new");
    assert_eq!(units[3]["presence"], "only_old");
    assert_eq!(comparison["same_units"], false);
    // Hà Nội's DTI: first of three in 2022, third of three in 2023, but not of the same
    // three (Bình Dương left, Đà Nẵng came): no rank move.
    let index = &units[1]["nodes"][0];
    assert_eq!(index["code"], "DTI");
    assert_eq!(
        (&index["old_rank"], &index["old_rank_of"]),
        (&1.into(), &3.into())
    );
    assert_eq!(
        (&index["new_rank"], &index["new_rank_of"]),
        (&3.into(), &3.into())
    );
    assert_eq!(index["rank_move"], serde_json::Value::Null);
    // The same three provinces a year later (Hà Nội's code written `1`): moves are shown.
    let later = dti(&[
        "compare",
        "provinces-2022.csv",
        "provinces-2024.csv",
        "--format",
        "json",
    ]);
    let comparison: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(comparison["same_units"], true);
    let units = comparison["units"].as_array().unwrap();
    assert_eq!(units.len(), 3, "Hà Nội `1` is Hà Nội `01`");
    assert!(units.iter().all(|u| u["presence"] == "both"));
    let ha_noi = &units[1]["nodes"][0];
    assert_eq!(ha_noi["rank_move"], -1, "{ha_noi}");
    let table = dti(&[
        "compare",
        "provinces-2022.csv",
        "provinces-2024.csv",
        "--lang",
        "en",
    ]);
    assert!(
        table.out().contains("1/3       2/3       ▼ 1"),
        "{}",
        table.out()
    );
    insta::assert_snapshot!("compare-same-units-en", table.transcript());
}

#[test]
fn compare_across_different_units_shows_denominators_and_no_moves() {
    // Three provinces, then Quảng Ninh alone: 2/3 → 1/1 is no gain of a place.
    for lang in LANGS {
        let run = dti(&[
            "compare",
            "provinces-2022.csv",
            "quang-ninh-2022.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let out = run.out();
        assert!(!out.contains('▲') && !out.contains('▼'), "{out}");
        assert!(out.contains("2/3") && out.contains("1/1"), "{out}");
        let missing = if lang == "vi" {
            "không có trong tệp thứ hai, quang-ninh-2022.csv"
        } else {
            "not in the second file, quang-ninh-2022.csv"
        };
        assert_eq!(out.matches(missing).count(), 2, "{out}");
        insta::assert_snapshot!(format!("compare-different-units-{lang}"), run.transcript());
    }
}

#[test]
fn compare_says_when_the_later_file_comes_first() {
    // 2023 then 2022: every change runs backwards in time, which the output now says first.
    for (lang, words) in [
        ("vi", "Tệp thứ nhất (2023) mới hơn tệp thứ hai (2022)"),
        (
            "en",
            "The first file (2023) is later than the second (2022)",
        ),
    ] {
        let backwards = dti(&[
            "compare",
            "provinces-2023.csv",
            "provinces-2022.csv",
            "--lang",
            lang,
        ]);
        assert_eq!(backwards.code, 0, "{}", backwards.transcript());
        let lead = backwards
            .out()
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_string();
        assert!(lead.starts_with(words), "{}", backwards.transcript());
        for format in ["table", "markdown"] {
            let forwards = dti(&[
                "compare",
                "provinces-2022.csv",
                "provinces-2023.csv",
                "--lang",
                lang,
                "--format",
                format,
            ]);
            assert!(!forwards.out().contains(words), "{}", forwards.transcript());
        }
        let markdown = dti(&[
            "compare",
            "provinces-2023.csv",
            "provinces-2022.csv",
            "--lang",
            lang,
            "--format",
            "markdown",
        ]);
        assert!(markdown.out().contains(words), "{}", markdown.transcript());
    }
}

#[test]
fn compare_says_when_a_code_names_another_unit_in_the_other_file() {
    // The later file's name column sorted on its own: every code compared with the unit of
    // the same code, under a name from another row, without a word.
    for (lang, words) in [
        (
            "vi",
            "Cùng mã, khác tên: mã 22 là Quảng Ninh ở tệp thứ nhất, Hà Nội ở tệp thứ hai; mã 01 là Hà Nội ở tệp thứ nhất, Đà Nẵng ở tệp thứ hai.",
        ),
        (
            "en",
            "Same code, another name: code 22 is Quảng Ninh in the first file, Hà Nội in the second; code 01 is Hà Nội in the first file, Đà Nẵng in the second.",
        ),
    ] {
        let shifted = ["provinces-2022.csv", "provinces-2023-names-shifted.csv"];
        for format in ["table", "markdown"] {
            let run = dti(&[
                "compare", shifted[0], shifted[1], "--lang", lang, "--format", format,
            ]);
            assert_eq!(run.code, 0, "{}", run.transcript());
            assert!(run.out().contains(words), "{}", run.transcript());
        }
        // A long table has no room for it: it is said on the terminal.
        let csv = dti(&[
            "compare", shifted[0], shifted[1], "--lang", lang, "--format", "csv",
        ]);
        assert!(csv.stderr.contains(words), "{}", csv.transcript());
        let json = dti(&["compare", shifted[0], shifted[1], "--format", "json"]);
        assert!(
            json.out().contains(r#""old_name": "Quảng Ninh""#),
            "{}",
            json.transcript()
        );
        // The same names but for letter case and spaces are the same unit's.
        let run = dti(&[
            "compare",
            "provinces-2022.csv",
            "provinces-2023.csv",
            "--lang",
            lang,
        ]);
        assert!(!run.out().contains(&words[..12]), "{}", run.transcript());
    }
}

#[test]
fn frameworks_list_and_show() {
    for lang in LANGS {
        for format in ["table", "markdown"] {
            let list = dti(&["frameworks", "--format", format, "--lang", lang]);
            assert_eq!(list.code, 0);
            insta::assert_snapshot!(
                format!("frameworks-list-{format}-{lang}"),
                list.transcript()
            );
            for id in [
                "dti-province-2022",
                "dti-province-2020",
                "illustrative-monitoring",
            ] {
                let show = dti(&["frameworks", id, "--format", format, "--lang", lang]);
                assert_eq!(show.code, 0);
                insta::assert_snapshot!(
                    format!("frameworks-{id}-{format}-{lang}"),
                    show.transcript()
                );
            }
        }
        let json = dti(&["frameworks", "--format", "json", "--lang", lang]);
        insta::assert_snapshot!(format!("frameworks-list-json-{lang}"), json.transcript());
        let long = dti(&["frameworks", "--long", "--lang", lang]);
        assert_eq!(long.code, 0);
        insta::assert_snapshot!(format!("frameworks-list-long-{lang}"), long.transcript());
    }
    let shown = dti(&["frameworks", "dti-province-2022", "--format", "json"]);
    let framework: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(framework["id"], "dti-province-2022");
}

#[test]
fn the_frameworks_list_fits_in_100_columns_and_warns_of_synthetic_data() {
    for lang in LANGS {
        let out = dti(&["frameworks", "--lang", lang]).out();
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= 100, "{widest} columns:\n{out}");
        let synthetic = out
            .lines()
            .find(|l| l.starts_with("synthetic-63-provinces-2022.csv"))
            .unwrap();
        let mark = if lang == "vi" {
            "DỮ LIỆU GIẢ LẬP"
        } else {
            "SYNTHETIC DATA"
        };
        assert!(synthetic.contains(mark), "{synthetic}");
        // The long list is wider: every detail, nothing cut.
        let long = dti(&["frameworks", "--long", "--lang", lang]).out();
        assert!(
            long.contains("922/QĐ-BTTTT, 20/05/2022, Phụ lục 1"),
            "{long}"
        );
    }
}
