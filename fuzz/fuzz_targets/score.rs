//! The whole path on a parsed pair: the input is a framework (TOML or JSON), a NUL byte, then
//! data (CSV or JSON). The data is scored with the default framework and, when the framework
//! parses, with it; every value must be finite and on its node's scale.
#![no_main]

use dti_core::{Framework, embedded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (framework_text, data_text) = text.split_once('\0').unwrap_or(("", text));
    let parsed = dti_fuzz::read_and_score(data_text, &embedded::default_framework());
    if let Ok(framework) = Framework::parse(framework_text, Some("fuzz")) {
        dti_fuzz::score(&framework, &parsed.dataset);
    }
});
