//! Shared helpers for the cross-crate tests and benchmarks.
//!
//! The COINr conformance data (`../shared/conformance/coinr-asem/`) is read from beside the
//! checkout, never copied into it. [`asem_framework`] and [`asem_data`] turn its inputs into
//! this project's framework and data formats, so the core scorer can be checked against
//! COINr's simplest variant and the analyses benchmarked on the same 51 × 49 example.

use std::path::PathBuf;

/// The folder of the COINr conformance data, when it is there.
///
/// Panics when `CI` is set and the folder is missing: CI must not skip conformance.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/coinr-asem");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {} is missing",
        dir.display()
    );
    eprintln!("note: {} is missing; skipping", dir.display());
    None
}

/// The rows of a CSV text, header included.
fn rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_string).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// A framework (TOML) from `ASEM_iMeta.csv`: every indicator min-max normalised to
/// `[low, high]` with its direction, and every aggregate a weighted mean of its children,
/// missing values skipped (COINr's simple variant).
pub fn asem_framework(meta: &str, low: f64, high: f64) -> String {
    let mut toml = String::from(
        "id = \"asem\"\nnames = { vi = \"ASEM\", en = \"ASEM Sustainable Connectivity\" }\nmissing = \"skip\"\nprecision = 12\nindices = [\"Index\"]\n",
    );
    let rows: Vec<Vec<String>> = rows(meta).into_iter().skip(1).collect();
    for row in rows.iter().filter(|r| r[9] == "Indicator") {
        let direction = if row[3] == "-1" { "lower" } else { "higher" };
        toml.push_str(&format!(
            "[[indicator]]\ncode = \"{}\"\nnames = {{ vi = \"{}\", en = \"{}\" }}\nunit = \"number\"\ndirection = \"{direction}\"\nrule = {{ kind = \"min_max\", low = {low:?}, high = {high:?} }}\n",
            row[1], row[1], row[2].replace('"', "'")
        ));
    }
    for row in rows.iter().filter(|r| r[9] == "Aggregate") {
        let children: Vec<String> = rows
            .iter()
            .filter(|r| r[8] == row[1])
            .map(|r| format!("{{ code = \"{}\", weight = {} }}", r[1], r[4]))
            .collect();
        toml.push_str(&format!(
            "[[aggregate]]\ncode = \"{}\"\nnames = {{ vi = \"{}\", en = \"{}\" }}\nchildren = [{}]\n",
            row[1],
            row[1],
            row[2],
            children.join(", ")
        ));
    }
    toml
}

/// Data (CSV) from `ASEM_iData.csv`: the unit code column renamed to `code`, and only the
/// indicator columns kept.
pub fn asem_data(data: &str, meta: &str) -> String {
    let indicators: Vec<String> = rows(meta)
        .into_iter()
        .skip(1)
        .filter(|r| r[9] == "Indicator")
        .map(|r| r[1].clone())
        .collect();
    let mut lines = rows(data).into_iter();
    let header = lines.next().unwrap_or_default();
    let keep: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| indicators.contains(h))
        .map(|(i, _)| i)
        .collect();
    let code = header.iter().position(|h| h == "uCode").unwrap_or(0);
    let mut csv = format!(
        "code,{}\n",
        keep.iter()
            .map(|&i| header[i].as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    for row in lines {
        let values: Vec<&str> = keep
            .iter()
            .map(|&i| if row[i] == "NA" { "" } else { row[i].as_str() })
            .collect();
        csv.push_str(&format!("{},{}\n", row[code], values.join(",")));
    }
    csv
}
