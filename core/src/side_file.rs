//! The small side files of the analyses (goal costs, province mappings, merge weights): CSV
//! read as data files are ([`crate::records`]), so quoted cells may hold the separator
//! (`"Huế, …"`), with the separator detected from the first line as in data files, `#` lines
//! taken as notes and a byte order mark ignored.

use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::records::Records;

/// One record of a side file: its line and its cells, trimmed.
pub(crate) struct Record {
    /// The 1-based line it starts on.
    pub line: u64,
    /// Its cells, trimmed, with the `'` of a spreadsheet-safe writer taken off.
    pub cells: Vec<String>,
}

/// Every record of a side file (blank and `#` lines left out), or an error where a quote was
/// left open: it would take the rest of the text into one cell, and the lines after it with
/// it. `origin` names the file in that error.
pub(crate) fn records(text: &str, origin: Option<&str>) -> Result<Vec<Record>, Failure> {
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .unwrap_or("");
    let delimiter = crate::csv_reader::detect_delimiter(first);
    let mut reader = Records::new(text, delimiter, 1).comment(b'#');
    let mut cells = Vec::new();
    let mut records = Vec::new();
    while let Some(line) = reader.next_into(&mut cells) {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::csv_writer::restore(c.trim()).to_string())
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        records.push(Record { line, cells });
    }
    match reader.open_quote() {
        Some((line, column)) => {
            let location = Location::file(origin).at(line, column);
            Err(Failure {
                diagnostics: vec![Diagnostic::error(location, Problem::OpenQuote)],
            })
        }
        None => Ok(records),
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

    /// A quote left open would take the lines after it into its cell: an error where it
    /// opened, not a mapping or weights file short of those lines.
    #[test]
    fn a_quote_left_open_is_an_error_where_it_opened() {
        let text = "new_unit,new_name,former_code\n15,\"Huế, Thừa Thiên,46\n15,Huế,47\n";
        let failure = records(text, Some("m.csv")).err().unwrap();
        let [error] = failure.diagnostics.as_slice() else {
            panic!("{failure:?}");
        };
        assert_eq!(error.problem, Problem::OpenQuote);
        assert_eq!(error.location, Location::file(Some("m.csv")).at(2, 2));
        assert!(records("a,\"b\"\n", None).is_ok());
    }
}
