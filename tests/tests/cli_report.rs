//! `dti report`: a self-contained HTML page in both languages. The browser check of the
//! rendered charts is tests/browser/report-screenshot.mjs.

mod cli_support;

use cli_support::{dti, dti_in, scratch};

#[test]
fn the_report_is_self_contained_html_in_both_languages() {
    for lang in ["vi", "en"] {
        let run = dti(&[
            "report",
            "provinces-2022.csv",
            "--unit",
            "22",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let html = run.out();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<svg").count(), 2, "bars and radar");
        assert!(html.contains("class=\"unit\""), "the radar's polygon");
        // No external asset: the only URL is the SVG namespace.
        let urls: Vec<&str> = html
            .match_indices("http")
            .map(|(at, _)| &html[at..html.len().min(at + 26)])
            .filter(|url| !url.starts_with("http://www.w3.org/2000/svg"))
            .collect();
        assert!(urls.is_empty(), "external references: {urls:?}");
        for tag in ["<link", "<script", "<img", "@import", "url("] {
            assert!(!html.contains(tag), "{tag} in the report");
        }
        insta::assert_snapshot!(format!("report-{lang}"), run.transcript());
    }
}

#[test]
fn the_report_of_the_default_data_names_the_national_average() {
    let run = dti(&["report", "--lang", "en"]);
    assert_eq!(run.code, 0);
    assert!(run.out().contains("National average 2022"), "{}", run.out());
    assert!(run.out().contains("0.7024"));
}

#[test]
fn the_report_is_written_atomically_and_not_over_an_existing_file() {
    let dir = scratch("report-file");
    let first = dti_in(&dir, &["report", "-o", "report.html"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let again = dti_in(&dir, &["report", "-o", "report.html", "--lang", "en"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

#[test]
fn several_units_need_a_choice() {
    let run = dti(&["report", "provinces-2022.csv", "--lang", "en"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--unit CODE"), "{}", run.stderr);
    assert!(run.stderr.contains("22 (Quảng Ninh)"), "{}", run.stderr);
}
