//! Data CSV (every separator, layout and cell form): reading never panics, and what is read
//! scores within scale under the default framework.
#![no_main]

use dti_core::{Dataset, Limits, embedded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let framework = embedded::default_framework();
    let parsed = Dataset::from_csv(text, Some("fuzz.csv"));
    dti_fuzz::render(&parsed.diagnostics);
    dti_fuzz::score(&framework, &parsed.dataset);
    // Tight limits must stop the reader cleanly too.
    let limits = Limits {
        max_rows: 3,
        max_columns: 4,
        max_cells: 6,
        max_cell_bytes: 8,
        ..Limits::default()
    };
    let parsed = Dataset::from_csv_with(text, Some("fuzz.csv"), &limits);
    dti_fuzz::render(&parsed.diagnostics);
    let dataset = &parsed.dataset;
    assert!(dataset.units().len() * dataset.columns().len() <= 6);
});
