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
    let run = dti(&["score", "--format", "xlsx"]);
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

/// Runs `dti score -o TARGET --force` in `dir` and checks the refusal: exit 2, a message that
/// names the kind of node and never offers `--force`.
fn refused_target(dir: &std::path::Path, target: &str, kind_en: &str) {
    for lang in ["vi", "en"] {
        let run = dti_in(
            dir,
            &[
                "score", "-o", target, "--force", "--format", "csv", "--lang", lang,
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
    let run = dti_in(&dir, &["score", "-o", "null", "--lang", "en"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("output-device-en", run.transcript());
    let run = dti_in(&dir, &["score", "-o", "null", "--lang", "vi"]);
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
        let run = dti_in(&dir, &["score", "-o", "out", "--force", "--lang", lang]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(!run.stderr.contains("--force"), "{}", run.transcript());
    }
    assert!(dir.join("out").is_dir());
    assert_eq!(listing(&dir.join("out")), Vec::<String>::new());
}

#[test]
fn dash_is_standard_output() {
    let dir = scratch("dash");
    let run = dti_in(&dir, &["score", "-o", "-", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.out().starts_with("Unit,"), "{}", run.transcript());
    assert_eq!(listing(&dir), Vec::<String>::new(), "no file named -");
}
