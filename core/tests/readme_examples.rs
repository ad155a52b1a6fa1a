//! The examples in `indicators/README.md` parse, score and give the numbers the page states.
//!
//! Fenced blocks are read in order: a `toml` or `json framework` block sets the framework, a
//! `csv` or `json data` block is built with it (its `[pipeline]` steps, then scoring), and an
//! `expected` block lists `unit node value` lines the last data block must reproduce (within
//! 1e-12).

use dti_core::{Dataset, Framework, Results, pipeline};

fn blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in markdown.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => current = Some((info.trim().to_string(), String::new())),
            (Some(_), Some("")) => blocks.extend(current.take()),
            (Some((_, body)), _) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

#[test]
fn every_example_in_the_format_documentation_works() {
    let text = include_str!("../../indicators/README.md");
    let mut framework: Option<Framework> = None;
    let mut results: Option<Results> = None;
    let (mut frameworks, mut datasets, mut expectations) = (0, 0, 0);
    for (info, body) in blocks(text) {
        match info.as_str() {
            "toml" | "json framework" => {
                framework = Some(
                    Framework::parse(&body, Some("README"))
                        .unwrap_or_else(|e| panic!("{e}\n{body}")),
                );
                frameworks += 1;
            }
            "csv" | "json data" => {
                let parsed = Dataset::parse(&body, Some("README"));
                assert!(!parsed.has_errors(), "{:?}\n{body}", parsed.diagnostics);
                let framework = framework
                    .as_ref()
                    .expect("a data example before any framework");
                let built = pipeline::build(framework, &parsed.dataset, None)
                    .unwrap_or_else(|e| panic!("{e}\n{body}"));
                results = Some(built.results().clone());
                datasets += 1;
            }
            "expected" => {
                let results = results.as_ref().expect("an expected block before any data");
                for line in body.lines() {
                    let [unit, node, value] = line.split_whitespace().collect::<Vec<_>>()[..]
                    else {
                        panic!("bad expected line `{line}`")
                    };
                    let want: f64 = value.parse().unwrap();
                    let got = results
                        .value(unit, node)
                        .unwrap_or_else(|| panic!("no {unit} {node}"));
                    assert!(
                        (got - want).abs() < 1e-12,
                        "{unit} {node}: got {got}, want {want}"
                    );
                    expectations += 1;
                }
            }
            other => panic!(
                "unexpected block `{other}`: mark it toml, json framework, csv, json data or expected"
            ),
        }
    }
    assert!(
        frameworks >= 2 && datasets >= 4 && expectations >= 10,
        "{frameworks} {datasets} {expectations}"
    );
}
