//! The small side files of the analyses (goal costs, province mappings, merge weights): CSV
//! read through the `csv` crate, so quoted cells may hold the separator (`"Huế, …"`), with the
//! separator detected from the first line as in data files, `#` lines taken as notes and a byte
//! order mark ignored.

use crate::diagnostic::{Diagnostic, Failure, Location, Problem};

/// One record of a side file: its line and its cells, trimmed.
pub(crate) struct Record {
    /// The 1-based line it starts on.
    pub line: u64,
    /// Its cells, trimmed, with the `'` of a spreadsheet-safe writer taken off.
    pub cells: Vec<String>,
}

/// Every record of a side file (blank and `#` lines left out); fails naming the line of a
/// record the CSV reader cannot read.
pub(crate) fn records(text: &str, origin: Option<&str>) -> Result<Vec<Record>, Failure> {
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(crate::csv_reader::detect_delimiter(first))
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    // The csv crate places a record just after the one before it, blank and `#` lines included,
    // and does not count `#` lines: find the record's own line from that byte.
    let line_at = |byte: u64| {
        let mut at = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        while let Some(rest) = text.get(at..) {
            let line = rest.split('\n').next().unwrap_or("");
            let skipped = line.trim().is_empty() || line.trim_start().starts_with('#');
            if !skipped || line.len() == rest.len() {
                break;
            }
            at += line.len() + 1;
        }
        text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let cells: Vec<String> = record
                    .iter()
                    .map(|c| crate::csv_writer::restore(c.trim()).to_string())
                    .collect();
                if cells.iter().all(String::is_empty) {
                    continue;
                }
                let line = record.position().map_or(0, |p| line_at(p.byte()));
                records.push(Record { line, cells });
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| line_at(p.byte()));
                let detail = error.to_string();
                problems.push(Diagnostic::error(
                    Location::file(origin).at(line, 1),
                    Problem::syntax(detail),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Failure {
            diagnostics: problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_keep_their_separator() {
        let text = "\u{feff}# a note\nnew_unit,new_name,former_code\n\n15,\"Huế, Thừa Thiên\",46\n";
        let read = records(text, None).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].cells, ["15", "Huế, Thừa Thiên", "46"]);
        assert_eq!(read[1].line, 4);
        let semicolons = records("code;weight\nI7; 2,5\n", None).unwrap();
        assert_eq!(semicolons[1].cells, ["I7", "2,5"]);
    }
}
