//! How outputs are written: `-o` never overwrites without `--force`, never replaces an input,
//! leaves inputs untouched; a closed pipe ends quietly; help, completions and the manual.

mod cli_support;

use std::io::Read;
use std::process::{Command, Stdio};

use cli_support::{binary, dti, dti_in, fixtures, scratch};

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = scratch("no-clobber");
    std::fs::copy(
        fixtures("cli").join("provinces-2022.csv"),
        dir.join("data.csv"),
    )
    .unwrap();
    std::fs::write(dir.join("out.csv"), "keep me").unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(
            &dir,
            &["score", "data.csv", "-o", "out.csv", "--lang", lang],
        );
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert_eq!(
            std::fs::read_to_string(dir.join("out.csv")).unwrap(),
            "keep me"
        );
        insta::assert_snapshot!(format!("output-exists-{lang}"), run.transcript());
    }
    let forced = dti_in(
        &dir,
        &[
            "score", "data.csv", "-o", "out.csv", "--force", "--format", "csv",
        ],
    );
    assert_eq!(forced.code, 0, "{}", forced.transcript());
    assert!(
        std::fs::read_to_string(dir.join("out.csv"))
            .unwrap()
            .starts_with("Unit,")
    );
    // No temporary file is left behind.
    assert_eq!(listing(&dir), ["data.csv", "out.csv"]);
}

#[test]
fn an_input_is_never_written_over_even_with_force() {
    let dir = scratch("input-safe");
    std::fs::copy(
        fixtures("cli").join("provinces-2022.csv"),
        dir.join("data.csv"),
    )
    .unwrap();
    let before = std::fs::read(dir.join("data.csv")).unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(
            &dir,
            &[
                "score",
                "data.csv",
                "-o",
                "./data.csv",
                "--force",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 2);
        insta::assert_snapshot!(format!("output-is-input-{lang}"), run.transcript());
    }
    assert_eq!(std::fs::read(dir.join("data.csv")).unwrap(), before);
}

#[test]
fn inputs_are_unchanged_by_every_command() {
    let dir = scratch("inputs-unchanged");
    for file in [
        "provinces-2022.csv",
        "provinces-2023.csv",
        "provinces-2022.xlsx",
    ] {
        std::fs::copy(fixtures("cli").join(file), dir.join(file)).unwrap();
    }
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        listing(dir)
            .into_iter()
            .filter(|n| n.starts_with("provinces"))
            .map(|n| {
                let path = dir.join(&n);
                let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
                (n, std::fs::read(&path).unwrap(), modified)
            })
            .collect()
    };
    let before = snapshot(&dir);
    let runs: [&[&str]; 7] = [
        &["score", "provinces-2022.csv", "-o", "a.xlsx"],
        &[
            "score",
            "provinces-2022.xlsx",
            "--sheet",
            "DTI 2022",
            "-o",
            "b.csv",
        ],
        &["check", "provinces-2022.csv", "-o", "c.txt"],
        &[
            "explain",
            "provinces-2022.csv",
            "--unit",
            "22",
            "-o",
            "d.md",
            "--format",
            "markdown",
        ],
        &[
            "compare",
            "provinces-2022.csv",
            "provinces-2023.csv",
            "-o",
            "e.json",
            "--format",
            "json",
        ],
        &[
            "report",
            "provinces-2022.csv",
            "--unit",
            "22",
            "-o",
            "f.html",
        ],
        &["template", "-o", "g.xlsx"],
    ];
    for args in runs {
        let run = dti_in(&dir, args);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Like `dti score … | head -c 10`: the reader goes away after a few bytes.
    let mut child = Command::new(binary())
        .args([
            "compare",
            "provinces-2022.csv",
            "provinces-2023.csv",
            "--format",
            "json",
        ])
        .current_dir(fixtures("cli"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");

    // Through a real shell pipe, as a person types it.
    let shell = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' frameworks dti-province-2022 | head -1",
            binary().display()
        ))
        .output()
        .unwrap();
    assert!(shell.status.success());
    assert_eq!(String::from_utf8_lossy(&shell.stderr), "");
}

#[test]
fn excel_is_not_printed_on_a_pipe_as_text() {
    let run = dti(&["score", "quang-ninh-2022.csv", "--format", "xlsx"]);
    // Standard output is a pipe here: the workbook's bytes are written (e.g. for `> file`).
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(b"PK"));
}

#[test]
fn excel_and_csv_exports_hold_the_same_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = scratch("xlsx-csv");
    for (format, file) in [("xlsx", "r.xlsx"), ("csv", "r.csv")] {
        let run = dti_in(
            &dir,
            &[
                "score",
                "synthetic-63-provinces-2022.csv",
                "--format",
                format,
                "-o",
                file,
                "--lang",
                "en",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    let csv = std::fs::read_to_string(dir.join("r.csv")).unwrap();
    let csv_rows: Vec<Vec<String>> =
        csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
            .into_records()
            .map(|record| record.unwrap().iter().map(str::to_string).collect())
            .collect();
    let mut book: Xlsx<_> = calamine::open_workbook(dir.join("r.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let mut numbers = 0;
    for (row, csv_row) in sheet.rows().skip(1).zip(&csv_rows) {
        for (cell, text) in row.iter().zip(csv_row) {
            if let Data::Float(x) = cell {
                // The CSV's text, read back, is the workbook's number exactly: no hidden digits.
                assert_eq!(text.parse::<f64>().ok(), Some(*x), "{text} vs {x}");
                numbers += 1;
            }
        }
    }
    assert!(numbers > 63 * 10, "{numbers} numbers compared");
}

#[test]
fn help_documents_the_exit_codes_and_every_command() {
    let run = dti(&["--help"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("help", run.transcript());
    for command in [
        "score",
        "check",
        "template",
        "explain",
        "compare",
        "frameworks",
        "report",
    ] {
        let run = dti(&[command, "--help"]);
        assert_eq!(run.code, 0);
        assert!(run.out().contains("Exit status:"), "{command} --help");
        assert!(run.out().contains("--lang"), "{command} --help");
    }
}

#[test]
fn completions_and_manual_come_from_the_command_definitions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = dti(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}");
        let text = run.out();
        for word in ["score", "template", "framework", "lang"] {
            assert!(text.contains(word), "{shell} completion lacks {word}");
        }
    }
    let man = dti(&["manpage"]);
    assert_eq!(man.code, 0);
    assert!(
        man.out().starts_with(".ie") || man.out().contains(".TH dti"),
        "{}",
        &man.out()[..200]
    );
    assert!(man.out().contains("Exit status"));
}

#[test]
fn unknown_options_are_usage_errors() {
    let run = dti(&["score", "--no-such-option"]);
    assert_eq!(run.code, 2);
    let run = dti(&["explain", "--step", "0", "--lang", "vi"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--step"), "{}", run.stderr);
}

/// Runs `dti score -o TARGET --force` in `dir` and checks the refusal: exit 2, a message that
/// names the kind of node and never offers `--force`.
fn refused_target(dir: &std::path::Path, target: &str, kind_en: &str) {
    for lang in ["vi", "en"] {
        let run = dti_in(
            dir,
            &[
                "score",
                "quang-ninh-2022.csv",
                "-o",
                target,
                "--force",
                "--format",
                "csv",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stdout.is_empty(), "{}", run.transcript());
        assert!(!run.stderr.contains("--force"), "{}", run.transcript());
        if lang == "en" {
            assert!(
                run.stderr
                    .contains(&format!("{target} {kind_en}: dti writes only")),
                "{}",
                run.transcript()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_device_node_is_never_replaced_even_with_force() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("device");
    // A private character device like /dev/null (1, 3); making one needs root, which the test
    // machines are. Without it, a link to /dev/null: writing through it would replace the link
    // (not /dev/null), and the tool must refuse it all the same.
    let made = Command::new("mknod")
        .args(["null", "c", "1", "3"])
        .current_dir(&dir)
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        std::os::unix::fs::symlink("/dev/null", dir.join("null")).unwrap();
    }
    let before = std::fs::metadata(dir.join("null")).unwrap();
    assert!(before.file_type().is_char_device());
    refused_target(&dir, "null", "is a device");
    let after = std::fs::metadata(dir.join("null")).unwrap();
    assert!(after.file_type().is_char_device());
    assert_eq!(listing(&dir), ["null"], "no temporary file is left behind");
    // Without --force the message is the same: no offer to replace it.
    let run = dti_in(
        &dir,
        &["score", "quang-ninh-2022.csv", "-o", "null", "--lang", "en"],
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("output-device-en", run.transcript());
    let run = dti_in(
        &dir,
        &["score", "quang-ninh-2022.csv", "-o", "null", "--lang", "vi"],
    );
    insta::assert_snapshot!("output-device-vi", run.transcript());
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_refused() {
    let dir = scratch("device-link");
    std::os::unix::fs::symlink("/dev/null", dir.join("out.csv")).unwrap();
    refused_target(&dir, "out.csv", "is a device");
    let link = std::fs::symlink_metadata(dir.join("out.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still there");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("fifo");
    let status = Command::new("mkfifo")
        .arg("pipe")
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(status.success());
    refused_target(&dir, "pipe", "is a named pipe (FIFO)");
    let after = std::fs::metadata(dir.join("pipe")).unwrap();
    assert!(after.file_type().is_fifo());
    assert_eq!(listing(&dir), ["pipe"]);
}

#[cfg(unix)]
#[test]
fn a_socket_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("socket");
    let _listener = std::os::unix::net::UnixListener::bind(dir.join("sock")).unwrap();
    refused_target(&dir, "sock", "is a socket");
    let after = std::fs::metadata(dir.join("sock")).unwrap();
    assert!(after.file_type().is_socket());
}

#[test]
fn a_folder_is_refused_even_with_force() {
    let dir = scratch("folder-target");
    std::fs::create_dir(dir.join("out")).unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(
            &dir,
            &[
                "score",
                "quang-ninh-2022.csv",
                "-o",
                "out",
                "--force",
                "--lang",
                lang,
            ],
        );
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(!run.stderr.contains("--force"), "{}", run.transcript());
        if lang == "en" {
            assert!(
                run.stderr.contains("out is a folder"),
                "{}",
                run.transcript()
            );
        }
    }
    assert!(dir.join("out").is_dir());
    assert_eq!(listing(&dir.join("out")), Vec::<String>::new());
}

#[test]
fn dash_is_standard_output() {
    let dir = scratch("dash");
    let run = dti_in(
        &dir,
        &["score", "quang-ninh-2022.csv", "-o", "-", "--format", "csv"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.out().starts_with("Unit,"), "{}", run.transcript());
    assert_eq!(listing(&dir), Vec::<String>::new(), "no file named -");
}

/// Names a spreadsheet would run as formulas (the ones the security review tried).
const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "=1+1",
    "@SUM(1)",
    "=cmd|' /C calc'!A0",
];

/// Copies a fixture with the units' names replaced, written by the csv crate (quoted as
/// needed) with the fixture's separator.
fn renamed(from: &str, to: &std::path::Path, names: &[&str]) {
    let text = std::fs::read_to_string(fixtures("cli").join(from)).unwrap();
    let (note, body) = text.split_once('\n').unwrap();
    let delimiter = if body.lines().next().unwrap().contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for (i, record) in reader.records().enumerate() {
        let mut cells: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
        if i > 0 {
            cells[1] = names[(i - 1) % names.len()].to_string();
        }
        writer.write_record(&cells).unwrap();
    }
    let body = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    std::fs::write(to, format!("{note}\n{body}")).unwrap();
}

/// Every cell of a CSV text that a spreadsheet would take for a formula.
fn formula_cells(text: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let number = |cell: &str| {
        cell.replace(',', ".")
            .trim_end_matches('%')
            .parse::<f64>()
            .is_ok()
    };
    reader
        .records()
        .flat_map(|record| {
            record
                .unwrap()
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number(cell))
        .collect()
}

#[test]
fn formula_names_come_out_neutralised_in_every_csv() {
    let dir = scratch("formula-names");
    renamed("provinces-2022.csv", &dir.join("a.csv"), &FORMULAS);
    renamed("provinces-2023.csv", &dir.join("b.csv"), &FORMULAS);
    // (arguments, whether the output names the units)
    let runs: [(&[&str], bool); 6] = [
        (&["score", "a.csv", "--format", "csv"], true),
        (&["compare", "a.csv", "b.csv", "--format", "csv"], true),
        (&["remove-one", "a.csv", "--format", "csv"], true),
        (
            &["robustness", "a.csv", "--samples", "16", "--format", "csv"],
            true,
        ),
        // Only nodes here, and the rank move `=` (no change), which is neutralised too.
        (
            &[
                "whatif", "a.csv", "--unit", "22", "--set", "I7=0.95", "--format", "csv",
            ],
            false,
        ),
        (&["template", "--unit", "=1+1", "--name", "@SUM(1)"], true),
    ];
    for (args, names) in runs {
        for (lang, delimiter) in [("vi", b';'), ("en", b',')] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let run = dti_in(&dir, &all);
            assert_eq!(run.code, 0, "{}", run.transcript());
            let text = run.out();
            // The template's separator follows its language too.
            assert_eq!(
                formula_cells(&text, delimiter),
                Vec::<String>::new(),
                "{}",
                run.transcript()
            );
            let neutralised = if names { "'=1+1" } else { "'=" };
            assert!(text.contains(neutralised), "{}", run.transcript());
        }
    }
}

#[test]
fn neutralised_names_read_back_as_the_same_text() {
    // A data file as the tool writes one: every name neutralised by the core's writer.
    let dir = scratch("formula-read-back");
    let mut rows = vec![vec!["code".to_string(), "name".into(), "I1".into()]];
    for (i, name) in FORMULAS.iter().chain(&["'=1+1", "\t=1+1"]).enumerate() {
        rows.push(vec![format!("{}", i + 1), name.to_string(), "0.5".into()]);
    }
    let text = dti_core::csv_writer::to_csv(&rows, b',');
    assert!(text.contains("\n2,'=1+1,0.5\n"), "{text}");
    std::fs::write(dir.join("safe.csv"), text).unwrap();
    let run = dti_in(&dir, &["score", "safe.csv", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let results: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let names: Vec<&str> = results["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| unit["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            FORMULAS[0],
            FORMULAS[1],
            FORMULAS[2],
            FORMULAS[3],
            "'=1+1",
            "\t=1+1"
        ]
    );
}

#[test]
fn control_characters_never_reach_the_terminal_raw_but_stay_exact_in_data_formats() {
    let dir = scratch("escapes");
    let names = [
        "Hà\u{1b}]0;pwned\u{7}Nội",
        "Huế\u{1b}[2J\u{1b}[H",
        "Đà\rNẵng",
        "Cần\u{202e}Thơ",
    ];
    renamed("provinces-2022.csv", &dir.join("a.csv"), &names);
    renamed("provinces-2023.csv", &dir.join("b.csv"), &names);
    let raw = ['\u{1b}', '\u{7}', '\r', '\u{202e}'];
    let text_outputs: [&[&str]; 6] = [
        &["score", "a.csv"],
        &["score", "a.csv", "--format", "markdown"],
        &["explain", "a.csv", "--unit", "22"],
        &["explain", "a.csv", "--unit", "22", "--format", "markdown"],
        &["compare", "a.csv", "b.csv"],
        &[
            "whatif", "a.csv", "--unit", "22", "--set", "I7=0.95", "--format", "markdown",
        ],
    ];
    for args in text_outputs {
        let run = dti_in(&dir, args);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let text = run.out();
        assert!(!text.contains(raw), "{}", run.transcript());
        assert!(text.contains("\\u{1b}"), "{}", run.transcript());
    }
    // Errors quote the data too: a unit code with an escape and a bad value.
    std::fs::write(
        dir.join("bad.csv"),
        "code,name,I1\n\u{1b}]0;x\u{7}22,Hà Nội,cao\n",
    )
    .unwrap();
    for lang in ["vi", "en"] {
        let run = dti_in(&dir, &["score", "bad.csv", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(!run.stderr.contains(raw), "{}", run.transcript());
        insta::assert_snapshot!(format!("escaped-unit-in-error-{lang}"), run.transcript());
    }
    // CSV and JSON files keep the names exactly.
    let run = dti_in(&dir, &["score", "a.csv", "--format", "csv", "--lang", "en"]);
    assert!(run.out().contains("Hà\u{1b}]0;pwned\u{7}Nội"));
    assert!(run.out().contains("\"Đà\rNẵng\""));
    let run = dti_in(&dir, &["score", "a.csv", "--format", "json"]);
    let results: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(results["units"][0]["name"], names[0]);
}
