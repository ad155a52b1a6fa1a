//! Data JSON: reading never panics, and what is read scores within scale.
#![no_main]

use dti_core::{Dataset, Limits, embedded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let framework = embedded::default_framework();
    let parsed = Dataset::from_json(text, Some("fuzz.json"));
    dti_fuzz::render(&parsed.diagnostics);
    dti_fuzz::score(&framework, &parsed.dataset);
    let limits = Limits {
        max_depth: 3,
        max_units: 2,
        max_indicators: 3,
        max_cell_bytes: 8,
        ..Limits::default()
    };
    let parsed = Dataset::from_json_with(text, Some("fuzz.json"), &limits);
    dti_fuzz::render(&parsed.diagnostics);
    assert!(parsed.dataset.units().len() <= 2);
});
