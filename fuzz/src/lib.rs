//! What every fuzz target checks once an input has been read: the diagnostics can be worded,
//! and scoring (when the data has no errors) gives finite values within each node's scale.

use dti_core::{Dataset, Diagnostic, Framework, Lang, Parsed, check, compute, explain};

/// Every diagnostic renders in both languages without panicking.
pub fn render(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        for lang in [Lang::Vi, Lang::En] {
            let _ = diagnostic.render(lang);
            let _ = diagnostic.hint(lang);
        }
    }
}

/// Reads data text as CSV or JSON and scores it with the default framework.
pub fn read_and_score(text: &str, framework: &Framework) -> Parsed {
    let parsed = Dataset::parse(text, Some("fuzz"));
    render(&parsed.diagnostics);
    score(framework, &parsed.dataset);
    parsed
}

/// Checks and scores a data set; asserts that every value is finite and on its node's scale.
pub fn score(framework: &Framework, data: &Dataset) {
    let checked = check(framework, data);
    render(&checked.diagnostics);
    let results = match compute(framework, &checked.table) {
        Ok(results) => results,
        Err(failure) => {
            render(&failure.diagnostics);
            return;
        }
    };
    render(&results.diagnostics);
    for unit in results.rows() {
        for (node, result) in results.nodes.iter().zip(&unit.nodes) {
            if let Some(value) = result.value {
                assert!(value.is_finite(), "{} = {value}", node.code);
                assert!(
                    node.scale.low <= value && value <= node.scale.high,
                    "{} = {value} outside {:?}",
                    node.code,
                    node.scale
                );
            }
        }
    }
    if checked.table.n_units() > 0 {
        let _ = explain::explain(framework, &checked.table, 0, None, 0.1);
    }
}
