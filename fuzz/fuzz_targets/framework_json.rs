//! Framework JSON: parsing never panics; a framework that parses scores the embedded data.
#![no_main]

use dti_core::{Framework, Limits, limits::read_framework};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read_framework(text, Some("fuzz.json"), &Limits::default());
    match Framework::from_json(text, Some("fuzz.json")) {
        Ok(framework) => {
            let (data, _) = dti_core::embedded::dataset("quang-ninh-2022.csv").unwrap();
            dti_fuzz::score(&framework, &data);
        }
        Err(failure) => dti_fuzz::render(&failure.diagnostics),
    }
});
