//! `dti check` on the bad-input corpus: one file per kind of mistake a person makes, each
//! with the exact messages in both languages (file, line, column, unit, indicator, hint).

mod cli_support;

use cli_support::{dti, dti_in, fixtures};

/// `(file, framework, expected exit code)`: the long-layout files are Bình Dương's real
/// figures with one mistake, scored by the illustrative monitoring framework.
const CORPUS: &[(&str, &str, i32)] = &[
    ("wrong-separator.csv", "dti-province-2022", 1),
    ("decimal-comma-unquoted.csv", "dti-province-2022", 1),
    ("decimal-comma-accepted.csv", "dti-province-2022", 0),
    ("percent-sign.csv", "dti-province-2022", 0),
    ("percent-above-100.csv", "illustrative-monitoring", 1),
    ("negative-count.csv", "illustrative-monitoring", 1),
    ("zero-denominator.csv", "illustrative-monitoring", 1),
    (
        "numerator-above-denominator.csv",
        "illustrative-monitoring",
        1,
    ),
    ("missing-denominator.csv", "illustrative-monitoring", 1),
    // A value beside a numerator and denominator that give another (0,9 against 731/1950):
    // the value was scored and the fraction dropped without a word.
    ("value-and-ratio.csv", "illustrative-monitoring", 1),
    // The average row a spreadsheet or a published table ends with: ranked as a fourth
    // province, it moved Bình Dương from 3rd of 3 to 4th of 4.
    ("summary-row.csv", "dti-province-2022", 1),
    // A spreadsheet saved as CSV with its title above the header: refused as having no unit
    // column, where the same sheet as .xlsx was read.
    ("title-above-header.csv", "dti-province-2022", 0),
    // A source note that opens a quote and never closes it: the rest of the file was one
    // cell, twelve indicators missing and scored as zero, with exit status 0.
    ("open-quote.csv", "illustrative-monitoring", 1),
    ("unknown-indicator.csv", "dti-province-2022", 0),
    ("duplicate-unit.csv", "dti-province-2022", 1),
    ("duplicate-value.csv", "dti-province-2022", 1),
    ("missing-unit-code.csv", "dti-province-2022", 1),
    ("text-in-number.csv", "dti-province-2022", 1),
    ("yes-no-for-score.csv", "dti-province-2022", 1),
    ("bad-year.csv", "dti-province-2022", 1),
    ("bom.csv", "dti-province-2022", 0),
    ("utf16.csv", "dti-province-2022", 0),
    ("windows-1258.csv", "dti-province-2022", 0),
    ("empty.csv", "dti-province-2022", 1),
    ("header-only.csv", "dti-province-2022", 1),
    ("json-syntax-error.json", "dti-province-2022", 1),
    ("excel-date.xlsx", "dti-province-2022", 1),
    ("merged-header.xlsx", "dti-province-2022", 0),
    ("not-a-workbook.xlsx", "dti-province-2022", 1),
    // Found by the data_xlsx fuzz target: a cell reference that overflowed calamine.
    ("fuzz-overlong-cell-reference.xlsx", "dti-province-2022", 1),
    // Reported by the data_xlsx fuzz target as over its 10 s limit on a loaded machine.
    ("fuzz-timeout-workbook.xlsx", "dti-province-2022", 1),
    // `1.300`: a thousands separator where the file writes decimals with a comma, a question
    // where the file shows no decimal mark or both.
    (
        "thousands-in-decimal-comma-file.csv",
        "illustrative-monitoring",
        0,
    ),
    ("thousands-ambiguous.csv", "illustrative-monitoring", 1),
    ("decimal-marks-mixed.csv", "illustrative-monitoring", 1),
    // Not one value the framework can use: an unfilled template, or another framework's file.
    (
        "made-for-another-framework.csv",
        "illustrative-monitoring",
        1,
    ),
    // The same field twice: refused, never the first or the last kept silently.
    ("duplicate-json-key.json", "dti-province-2022", 1),
    ("duplicate-code-column.csv", "dti-province-2022", 1),
    // An indicator's column twice: once at the header, not as a value given twice on each row
    // (with the long layout's hint, "keep one row"), nor silently for a row with one blank.
    ("duplicate-indicator-column.csv", "dti-province-2022", 1),
    // One unit's rows of two years: a long file merged the second year's values into the
    // first year's unit and scored them together, with exit status 0.
    // (duplicate-unit.csv is the wide layout's case: Quảng Ninh's 2022 and 2023 rows.)
    ("two-years-long.csv", "dti-province-2022", 1),
    ("duplicate-unit-same-year.csv", "dti-province-2022", 1),
    // Two units of two years in one file: they were ranked against each other (Hà Nội's 2023
    // first of 2 beside Quảng Ninh's 2022), with exit status 0.
    ("units-of-two-years.csv", "dti-province-2022", 1),
    // The same in a long file, the second unit's year given from its second row on: one
    // error for the unit, not one a row.
    ("units-of-two-years-long.csv", "dti-province-2022", 1),
    // A long file's row naming another unit under Quảng Ninh's code (perhaps Hà Nội's value
    // typed against code 22): warned, where it was merged without a word; letter case and
    // spaces alone are no other name.
    ("unit-with-two-names.csv", "dti-province-2022", 0),
    // Indicator codes typed in lower case (`i1`): read as I1 with a note, where I1 was
    // scored as missing (zero points) beside an "unknown indicator i1".
    ("lowercase-indicator-codes.csv", "dti-province-2022", 0),
    // Decomposed letters (macOS, Windows-1258 tones): `mã` is a header all the same.
    ("nfd-vietnamese-header.csv", "dti-province-2022", 0),
    // A DTI column copied from a published table: an aggregate the tool computes, never
    // called an unknown indicator.
    ("aggregate-column.csv", "dti-province-2022", 0),
    ("windows-1258-vietnamese-header.csv", "dti-province-2022", 0),
    // Found by the data_xlsx fuzz target: an .xls whose directory's sector chain loops, which
    // calamine followed until memory ran out.
    ("fuzz-looping-sector-chain.xls", "dti-province-2022", 1),
    // Found by the data_xlsx fuzz target: an .ods (900,000 repeated rows) whose first bytes are
    // not a ZIP header, which the ZIP reader opens all the same.
    ("fuzz-ods-without-zip-header.ods", "dti-province-2022", 1),
    // More errors than a list shows: the first 200, then how many more.
    ("many-errors.csv", "dti-province-2022", 1),
    // Escape sequences and a bidirectional override in codes, names and values: shown escaped.
    ("control-characters.csv", "dti-province-2022", 1),
    // Lines as an editor numbers them: Excel on Windows ends lines with CRLF, and rows may follow
    // blank lines. The csv crate put these one line early and on the first blank line.
    ("crlf-line-endings.csv", "dti-province-2022", 1),
    ("blank-lines-between-rows.csv", "dti-province-2022", 1),
    // Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR: every row was line 1.
    ("mac-line-endings.csv", "dti-province-2022", 1),
];

#[test]
fn every_mistake_gets_a_clear_message_in_both_languages() {
    let dir = fixtures("bad-input");
    let mut listed: Vec<&str> = CORPUS.iter().map(|(file, _, _)| *file).collect();
    listed.sort_unstable();
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort_unstable();
    assert_eq!(listed, present, "every corpus file is listed once");

    for &(file, framework, code) in CORPUS {
        for lang in ["vi", "en"] {
            let run = dti_in(
                &dir,
                &["check", file, "--framework", framework, "--lang", lang],
            );
            assert_eq!(run.code, code, "{}", run.transcript());
            let name = format!("check-{}-{lang}", file.replace('.', "-"));
            insta::assert_snapshot!(name, run.transcript());
        }
    }
}

#[test]
fn messages_name_file_line_unit_and_indicator() {
    let run = dti_in(
        &fixtures("bad-input"),
        &["check", "text-in-number.csv", "--lang", "en"],
    );
    let first = run.out().lines().next().unwrap_or_default().to_string();
    assert_eq!(
        first,
        "error: text-in-number.csv:2:6, unit 22, indicator I3: cannot read value `cao`"
    );
    let vi = dti_in(
        &fixtures("bad-input"),
        &["check", "text-in-number.csv", "--lang", "vi"],
    );
    assert!(vi.out().contains("gợi ý:"), "{}", vi.out());
}

#[test]
fn check_json_lists_every_issue() {
    for lang in ["vi", "en"] {
        let run = dti_in(
            &fixtures("bad-input"),
            &[
                "check",
                "percent-above-100.csv",
                "-f",
                "illustrative-monitoring",
                "--format",
                "json",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 1);
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(report["errors"], 1);
        insta::assert_snapshot!(format!("check-json-{lang}"), run.transcript());
    }
}

#[test]
fn clean_data_checks_clean() {
    for lang in ["vi", "en"] {
        let run = dti(&["check", "provinces-2022.csv", "--lang", lang, "--quiet"]);
        assert_eq!(run.code, 0);
        insta::assert_snapshot!(format!("check-clean-{lang}"), run.transcript());
    }
}
