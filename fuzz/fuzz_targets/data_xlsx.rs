//! Spreadsheets (xlsx, xls, ods by content): the CLI's workbook reader never panics, and the
//! CSV it produces reads and scores within scale like any other data.
#![no_main]

use dti_core::{Dataset, Lang, embedded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sheet) = dti_cli::sheet::read("fuzz.xlsx", data, None, Lang::En) else {
        return;
    };
    let parsed = Dataset::from_csv(&sheet.csv, Some("fuzz.xlsx"));
    dti_fuzz::render(&parsed.diagnostics);
    dti_fuzz::score(&embedded::default_framework(), &parsed.dataset);
});
