//! An interrupted run or a full disk leaves no output file, partial or temporary, and never
//! touches the input.

mod cli_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use cli_support::{binary, dti_in, scratch};

/// The 63-province demonstration data, as text.
fn provinces() -> &'static str {
    let data = dti_core::embedded::DATASETS
        .iter()
        .find(|(file, _, _)| *file == "synthetic-63-provinces-2022.csv");
    data.map(|(_, _, text)| *text)
        .expect("the embedded 63-province data")
}

/// Every file in a folder.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_interrupted_run_leaves_no_output_file() {
    let dir = scratch("interrupt");
    let input = dir.join("data.csv");
    std::fs::write(&input, provinces()).unwrap();
    let before = std::fs::read(&input).unwrap();
    // A long robustness analysis (about 120,000 scorings), interrupted while it computes.
    let mut child = Command::new(binary())
        .args([
            "robustness",
            "data.csv",
            "--samples",
            "20000",
            "--format",
            "json",
            "-o",
            "out.json",
        ])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(400));
    let still_running = child.try_wait().unwrap().is_none();
    assert!(
        still_running,
        "the run ended before it could be interrupted; make it longer"
    );
    // SIGTERM, not SIGINT: a shell without job control starts background commands with SIGINT
    // ignored, and the child inherits that, so a run of the tests from such a shell saw the
    // analysis finish after its "interrupt" and fail the test. Both signals end the process the
    // same way (the CLI installs no handler); TERM is also what `timeout` and shutdowns send.
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(!status.success());
    assert_eq!(
        files(&dir),
        vec!["data.csv".to_string()],
        "only the input is left"
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is untouched"
    );
}

#[test]
fn a_full_disk_leaves_no_output_file() {
    let dir = scratch("full-disk");
    let input = dir.join("data.csv");
    std::fs::write(&input, provinces()).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    // A 16 KiB file system (as root, as CI runs) fills up while the 63-province JSON is
    // written; elsewhere a read-only folder makes the write fail at the first byte.
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=16k",
            "tmpfs",
            out.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        let mut permissions = std::fs::metadata(&out).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&out, permissions).unwrap();
    }
    let run = dti_in(
        &dir,
        &[
            "score",
            "data.csv",
            "--format",
            "json",
            "-o",
            "out/result.json",
            "--lang",
            "en",
        ],
    );
    let left = files(&out);
    if mounted {
        let _ = Command::new("umount").arg(&out).status();
    }
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot write") || run.stderr.contains("result.json"),
        "{}",
        run.stderr
    );
    assert!(left.is_empty(), "files left behind: {left:?}");
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is untouched"
    );
}
