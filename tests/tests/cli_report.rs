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
    let run = dti(&["report", "quang-ninh-2022.csv", "--lang", "en"]);
    assert_eq!(run.code, 0);
    assert!(run.out().contains("National average 2022"), "{}", run.out());
    assert!(run.out().contains("0.7024"));
}

#[test]
fn the_report_is_written_atomically_and_not_over_an_existing_file() {
    let dir = scratch("report-file");
    let first = dti_in(
        &dir,
        &["report", "quang-ninh-2022.csv", "-o", "report.html"],
    );
    assert_eq!(first.code, 0, "{}", first.transcript());
    let again = dti_in(
        &dir,
        &[
            "report",
            "quang-ninh-2022.csv",
            "-o",
            "report.html",
            "--lang",
            "en",
        ],
    );
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

#[test]
fn the_footer_holds_notes_for_readers_not_the_data_files_comments() {
    // The synthetic set's `#` lines end with a developer's command; a template's with its
    // fill-in instructions. Neither is for the reader of a report.
    let footer = |html: &str| {
        let start = html.find("<footer").expect("a footer");
        html[start..].to_string()
    };
    for (lang, synthetic) in [
        ("en", "The figures on this page are synthetic"),
        ("vi", "số liệu giả lập"),
    ] {
        let run = dti(&[
            "report",
            "synthetic-63-provinces-2022.csv",
            "--unit",
            "22",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let footer = footer(&run.out());
        assert!(!footer.contains("cargo test"), "{footer}");
        assert!(!footer.contains("seed 2022"), "{footer}");
        assert!(footer.contains(synthetic), "{footer}");
    }
    let dir = scratch("report-template");
    let template = dti_in(&dir, &["template", "--unit", "22", "-o", "so-lieu.csv"]);
    assert_eq!(template.code, 0, "{}", template.transcript());
    let text = std::fs::read_to_string(dir.join("so-lieu.csv")).unwrap();
    // Fill in every value: 0.5.
    let filled: String = text
        .lines()
        .map(|line| {
            if line.starts_with("22,") {
                let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
                let value = cells.len() - 4;
                cells[value] = "0.5".into();
                cells.join(",")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(dir.join("so-lieu.csv"), filled).unwrap();
    let run = dti_in(&dir, &["report", "so-lieu.csv", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let footer = footer(&run.out());
    assert!(!footer.contains("Fill in"), "{footer}");
    assert!(!footer.contains("dti check"), "{footer}");
    assert!(!footer.contains("synthetic"), "{footer}");
}
