//! `--help` and usage errors in Vietnamese, under `--lang vi` or a Vietnamese locale.

mod cli_support;

use cli_support::{dti, dti_env, fixtures};

#[test]
fn the_help_speaks_vietnamese() {
    for (name, args) in [
        ("help-vi", &["--lang", "vi", "--help"][..]),
        ("score-help-vi", &["--lang", "vi", "score", "--help"][..]),
        ("score-short-help-vi", &["--lang", "vi", "score", "-h"][..]),
    ] {
        let run = dti(args);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.out().contains("Cách dùng: dti"), "{}", run.out());
        insta::assert_snapshot!(name, run.transcript());
    }
}

#[test]
fn a_vietnamese_locale_gives_vietnamese_help() {
    let run = dti_env(
        &fixtures("cli"),
        &["score", "--help"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert_eq!(run.code, 0);
    assert!(
        run.out().starts_with("Chấm điểm một tệp số liệu"),
        "{}",
        run.out()
    );
    let english = dti_env(
        &fixtures("cli"),
        &["score", "--help"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(
        english.out().starts_with("Score a data file"),
        "{}",
        english.out()
    );
}

#[test]
fn usage_errors_speak_vietnamese() {
    let runs = [
        dti(&["goal", "provinces-2022.csv", "--unit", "22", "--lang", "vi"]),
        dti(&[
            "--lang",
            "vi",
            "score",
            "provinces-2022.csv",
            "--format",
            "xml",
        ]),
        dti(&["--lang", "vi", "score", "provinces-2022.csv", "--bogus"]),
        dti(&["--lang", "vi", "scor"]),
        dti(&[
            "--lang",
            "vi",
            "robustness",
            "provinces-2022.csv",
            "--samples",
            "abc",
        ]),
        dti_env(
            &fixtures("cli"),
            &["score", "--format", "xml"],
            &[("LC_ALL", "vi_VN.UTF-8")],
        ),
    ];
    let mut shown = Vec::new();
    for run in runs {
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stderr.starts_with("lỗi: "), "{}", run.transcript());
        shown.push(run.transcript());
    }
    insta::assert_snapshot!("usage-errors-vi", shown.join("\n"));
}

#[test]
fn help_as_a_subcommand_shows_the_subcommand_s_help() {
    let run = dti(&["--lang", "vi", "help", "check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.out().starts_with("Kiểm tra một tệp số liệu"),
        "{}",
        run.out()
    );
}
