//! `dti template`: the data-entry file lists every indicator, and reads back: filled in, it
//! checks and scores.

mod cli_support;

use cli_support::{dti, dti_in, scratch, xlsx_rows};

#[test]
fn csv_template_in_both_languages() {
    for lang in ["vi", "en"] {
        let run = dti(&["template", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            run.stdout.starts_with("\u{feff}".as_bytes()),
            "Excel needs the BOM"
        );
        insta::assert_snapshot!(format!("template-csv-{lang}"), run.transcript());
    }
    let other = dti(&[
        "template",
        "--framework",
        "illustrative-monitoring",
        "--unit",
        "74",
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("template-csv-illustrative-en", other.transcript());
}

/// Fills the value column of a template (CSV text) from `(indicator, value)` pairs.
fn fill(template: &str, values: &[(&str, &str)], separator: char) -> String {
    let mut lines = Vec::new();
    for line in template.lines() {
        let mut cells: Vec<String> = line.split(separator).map(str::to_string).collect();
        if let Some((_, value)) = values
            .iter()
            .find(|(code, _)| cells.get(3).map(String::as_str) == Some(*code))
        {
            cells[8] = value.to_string();
        }
        lines.push(cells.join(&separator.to_string()));
    }
    lines.join("\n") + "\n"
}

#[test]
fn a_filled_template_checks_and_scores_to_the_published_values() {
    let dir = scratch("template-roundtrip");
    let official = [
        ("I1", "0,9581"),
        ("I2", "0,9000"),
        ("I3", "0,7648"),
        ("I4", "0,6250"),
        ("I5", "0,5382"),
        ("I7", "0,8385"),
        ("I8", "0,5904"),
        ("I9", "0,4505"),
    ];
    for (lang, separator) in [("vi", ';'), ("en", ',')] {
        let file = format!("template-{lang}.csv");
        let made = dti_in(
            &dir,
            &[
                "template",
                "--unit",
                "22",
                "--name",
                "Quảng Ninh",
                "--year",
                "2022",
                "-o",
                &file,
                "--lang",
                lang,
            ],
        );
        assert_eq!(made.code, 0, "{}", made.transcript());
        let template = std::fs::read_to_string(dir.join(&file)).unwrap();
        // English CSV quotes the measure column ("score 0–1, 100 points"): fill by hand there.
        let values: Vec<(&str, String)> = official
            .iter()
            .map(|(code, v)| {
                (
                    *code,
                    if separator == ',' {
                        format!("\"{v}\"")
                    } else {
                        v.to_string()
                    },
                )
            })
            .collect();
        let values: Vec<(&str, &str)> = values.iter().map(|(c, v)| (*c, v.as_str())).collect();
        let filled = if separator == ',' {
            fill_quoted(&template, &values)
        } else {
            fill(&template, &values, separator)
        };
        let filled_file = format!("filled-{lang}.csv");
        std::fs::write(dir.join(&filled_file), filled).unwrap();

        let check = dti_in(&dir, &["check", &filled_file, "--quiet", "--lang", lang]);
        assert_eq!(check.code, 0, "{}", check.transcript());
        let score = dti_in(
            &dir,
            &["score", &filled_file, "--format", "csv", "--lang", "en"],
        );
        assert_eq!(score.code, 0, "{}", score.transcript());
        let out = score.out();
        for (code, value) in [
            ("DTI", "0.7024"),
            ("CQS", "0.7804"),
            ("KTS", "0.7187"),
            ("XHS", "0.6864"),
        ] {
            assert!(
                out.lines()
                    .any(|l| l.contains(&format!(",{code},")) && l.contains(value)),
                "{code} {value} in\n{out}"
            );
        }
    }
}

/// Fills an English (comma-separated) template with the csv crate's rules.
fn fill_quoted(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for line in template.lines() {
        if line.starts_with('\u{feff}') || line.starts_with('#') || line.starts_with("unit,") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let code = line.split(',').nth(3).unwrap_or_default();
        match values.iter().find(|(c, _)| *c == code) {
            // The row ends with `,,,,` (value, numerator, denominator, source).
            Some((_, value)) => {
                let stem = line.strip_suffix(",,,,").expect("four empty input cells");
                out.push_str(&format!("{stem},{value},,,\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn excel_template_reads_back() {
    let dir = scratch("template-xlsx");
    for lang in ["vi", "en"] {
        let file = format!("template-{lang}.xlsx");
        let made = dti_in(
            &dir,
            &[
                "template", "--unit", "22", "--year", "2022", "-o", &file, "--lang", lang,
            ],
        );
        assert_eq!(made.code, 0, "{}", made.transcript());
        let (sheets, rows) = xlsx_rows(&std::fs::read(dir.join(&file)).unwrap());
        let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        insta::assert_snapshot!(
            format!("template-xlsx-{lang}"),
            format!("sheets: {sheets:?}\n{}", text.join("\n"))
        );
        // Read back by the tool: the layout is understood; the one error is that nothing
        // has been filled in yet.
        let check = dti_in(&dir, &["check", &file, "--lang", "en"]);
        assert_eq!(check.code, 1, "{}", check.transcript());
        let errors: Vec<String> = check
            .out()
            .lines()
            .filter(|l| l.starts_with("error"))
            .map(str::to_string)
            .collect();
        assert_eq!(
            errors,
            [format!(
                "error: {file}: the file lists units but has no value for any indicator"
            )],
            "{}",
            check.transcript()
        );
    }
}

#[test]
fn template_without_a_unit_code_says_what_to_fill_in() {
    let dir = scratch("template-no-unit");
    let made = dti_in(&dir, &["template", "-o", "t.csv", "--lang", "en"]);
    assert_eq!(made.code, 0);
    let text = std::fs::read_to_string(dir.join("t.csv")).unwrap();
    let filled = fill_quoted(&text, &[("I1", "0.5")]);
    std::fs::write(dir.join("t.csv"), filled).unwrap();
    let check = dti_in(&dir, &["check", "t.csv", "--lang", "en"]);
    assert_eq!(check.code, 1);
    assert!(
        check.out().contains("row has no unit code"),
        "{}",
        check.out()
    );
    assert!(
        check.out().contains("dti template --unit CODE"),
        "{}",
        check.out()
    );
}

/// A template nobody filled in is refused like an empty file, in every format the template
/// comes in, instead of scoring DTI 0 at rank 1 of 1.
#[test]
fn an_unfilled_template_does_not_score() {
    let dir = scratch("unfilled-template");
    for file in ["blank.csv", "blank.json", "blank.xlsx"] {
        let made = dti_in(&dir, &["template", "--unit", "22", "-o", file]);
        assert_eq!(made.code, 0, "{}", made.transcript());
        for lang in ["en", "vi"] {
            let run = dti_in(&dir, &["score", file, "--lang", lang]);
            assert_eq!(run.code, 1, "{}", run.transcript());
            let said = run.stderr.clone() + &run.out();
            let expected = match lang {
                "en" => "has no value for any indicator",
                _ => "chưa có giá trị nào",
            };
            assert!(said.contains(expected), "{}", run.transcript());
            assert!(!said.contains("0.0000"), "{}", run.transcript());
        }
    }
}
