//! Runs the real `dti` binary for the end-to-end tests.
//!
//! The tests live in the `dti-tests` package, where Cargo does not set `CARGO_BIN_EXE_dti`
//! (that is only set for the binary's own package), so the binary is built once per test
//! program with the same Cargo, profile and target folder, and found beside the tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The `dti` binary, built on first use.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = option_env!("CARGO_BIN_EXE_dti") {
            return PathBuf::from(path);
        }
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps");
        let target_dir = profile_dir.parent().expect("the target folder");
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev",
            Some(other) => other,
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--package",
                "dti-cli",
                "--bin",
                "dti",
                "--profile",
            ])
            .arg(profile)
            .arg("--target-dir")
            .arg(target_dir)
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the dti binary failed");
        profile_dir.join(format!("dti{}", std::env::consts::EXE_SUFFIX))
    })
}

/// The workspace's `tests/` folder.
pub fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixtures(name: &str) -> PathBuf {
    tests_dir().join("fixtures").join(name)
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// What a run produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub args: Vec<String>,
}

impl Run {
    /// Standard output as text.
    pub fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// The whole run as one text for a snapshot: command, exit code, stdout, stderr.
    pub fn transcript(&self) -> String {
        let stdout = String::from_utf8_lossy(&self.stdout);
        format!(
            "$ dti {}\n[exit {}]\n--- stdout\n{}--- stderr\n{}",
            self.args.join(" "),
            self.code,
            stdout,
            self.stderr
        )
    }
}

/// Runs `dti` in a folder with a clean locale (no LANG, LC_ALL, LC_MESSAGES, NO_COLOR).
pub fn dti_in(dir: &Path, args: &[&str]) -> Run {
    dti_env(dir, args, &[])
}

/// Runs `dti` with extra environment variables.
pub fn dti_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(binary());
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("dti runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: output.stdout,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        args: args.iter().map(|a| a.to_string()).collect(),
    }
}

/// Runs `dti` in the `tests/fixtures/cli` folder.
pub fn dti(args: &[&str]) -> Run {
    dti_in(&fixtures("cli"), args)
}

/// The cells of the first sheet of an Excel workbook, as text rows (for snapshots).
pub fn xlsx_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    use calamine::{Data, Reader};
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).expect("a workbook");
    let names = workbook.sheet_names();
    let range = workbook
        .worksheet_range(&names[0])
        .expect("the first sheet");
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    // Rounded so that the last bits of a float do not make snapshots fragile.
                    Data::Float(f) => format!("{}", (f * 1e6).round() / 1e6),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    (names, rows)
}
