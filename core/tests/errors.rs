//! Every malformed input gets its own clear message.
//!
//! Each file in `fixtures/bad-frameworks/` and `fixtures/bad-data/` has a `.expected` file
//! beside it with the diagnostics rendered in English and Vietnamese, one per line. The data
//! files are checked against the default framework. Set `UPDATE_EXPECT=1` to rewrite the
//! expectations after a deliberate change, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use dti_core::{Dataset, Diagnostic, Framework, Lang, check, embedded};

fn inputs(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "expected"))
        .collect();
    files.sort();
    files
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for lang in [Lang::En, Lang::Vi] {
        for diagnostic in diagnostics {
            let tag = format!("{:?}", diagnostic.severity).to_lowercase();
            out.push_str(&format!("{lang:?} {tag}: {}\n", diagnostic.render(lang)));
            if let Some(hint) = diagnostic.hint(lang) {
                out.push_str(&format!("{lang:?}   hint: {hint}\n"));
            }
        }
    }
    out
}

fn compare(path: &Path, actual: &str) {
    let expected_path = path.with_extension(format!(
        "{}.expected",
        path.extension().unwrap().to_str().unwrap()
    ));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&expected_path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run with UPDATE_EXPECT=1",
            expected_path.display()
        )
    });
    assert_eq!(actual, expected, "{}", path.display());
}

#[test]
fn each_broken_framework_is_explained() {
    let files = inputs("bad-frameworks");
    assert!(files.len() >= 15);
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let failure = Framework::parse(&text, Some(name)).expect_err(name);
        assert!(
            failure.diagnostics.iter().all(Diagnostic::is_error),
            "{name}"
        );
        compare(&path, &render(&failure.diagnostics));
    }
}

#[test]
fn each_broken_data_file_is_explained() {
    let framework = embedded::default_framework();
    let files = inputs("bad-data");
    assert!(files.len() >= 15);
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let text = String::from_utf8(fs::read(&path).unwrap()).unwrap();
        let parsed = Dataset::parse(&text, Some(name));
        let mut diagnostics = parsed.diagnostics.clone();
        if !parsed.dataset.units().is_empty() {
            diagnostics.extend(check(&framework, &parsed.dataset).diagnostics);
        }
        assert!(!diagnostics.is_empty(), "{name} raised nothing");
        compare(&path, &render(&diagnostics));
    }
}
