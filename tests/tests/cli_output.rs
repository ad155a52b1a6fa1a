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
