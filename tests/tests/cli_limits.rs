//! Limits turn oversized input into clear errors (exit 1), configurable on the command line.

mod cli_support;

use cli_support::dti;

#[test]
fn too_many_rows_is_an_error_naming_the_limit() {
    let dir = tempfile_dir("rows");
    let file = dir.join("rows.csv");
    std::fs::write(&file, "code,I1\n1,0.5\n2,0.5\n3,0.5\n").unwrap();
    let out = dti(&[
        "check",
        file.to_str().unwrap(),
        "--max-rows",
        "2",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &out.stderr;
    assert!(
        text.contains("rows.csv:3:1: more than the limit of 2 rows"),
        "{text}"
    );
    let out = dti(&[
        "check",
        file.to_str().unwrap(),
        "--max-rows",
        "2",
        "--lang",
        "vi",
    ]);
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &out.stderr;
    assert!(text.contains("vượt giới hạn 2 dòng"), "{text}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile_dir("size");
    let file = dir.join("big.csv");
    std::fs::write(&file, "a".repeat((1 << 20) + 10)).unwrap();
    let out = dti(&[
        "score",
        file.to_str().unwrap(),
        "--max-file-mb",
        "1",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    let text = &out.stderr;
    assert!(
        text.contains("more than the limit of 1048576 bytes"),
        "{text}"
    );
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dti-limits-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
