//! Spreadsheets (xlsx, xls, ods by content): the CLI's workbook reader never panics or aborts,
//! stays within its limits, and the CSV it produces reads and scores within scale like any
//! other data.
//!
//! The limits are tight so that the checks made before the spreadsheet library allocates are
//! reached by small inputs: a sheet that unpacks to more than 1 MiB, a cell beyond row 1,000
//! or column 100, a used area of more than 10,000 cells. The seeds in `corpus/data_xlsx`
//! include a cell at `XFD1048576`, cells at the far row and the far column, and a sheet that
//! unpacks to 2 MiB.
#![no_main]

use dti_core::{Dataset, Lang, Limits, embedded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_unpacked_bytes: 1 << 20,
        max_rows: 1_000,
        max_columns: 100,
        max_cells: 10_000,
        ..Limits::default()
    };
    let Ok(sheet) = dti_cli::sheet::read("fuzz.xlsx", data, None, &limits, Lang::En) else {
        return;
    };
    // Within the limits: at most one line per allowed row (plus the last newline).
    assert!(
        sheet.csv.lines().count() <= limits.max_rows,
        "{} lines",
        sheet.csv.lines().count()
    );
    let parsed = Dataset::from_csv_with(&sheet.csv, Some("fuzz.xlsx"), &limits);
    dti_fuzz::render(&parsed.diagnostics);
    dti_fuzz::score(&embedded::default_framework(), &parsed.dataset);
});
