//! Excel and OpenDocument workbooks: one sheet turned into the CSV text the core reads, line
//! for row, so that every message names the spreadsheet row a person sees.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use dti_core::{Lang, Location, Severity};

use crate::error::{Error, Issue};
use crate::i18n;

/// A sheet as CSV text.
#[derive(Debug)]
pub struct SheetText {
    /// The sheet's name.
    pub sheet: String,
    /// One CSV line per spreadsheet row (line 1 is row 1).
    pub csv: String,
    /// The 0-based column of the first used cell: CSV field 1 is that column.
    pub column_offset: u64,
    /// What the tool noticed: which sheet it read, rows skipped above the header.
    pub notes: Vec<Issue>,
}

/// True for files named like workbooks (`.xlsx`, `.xls`, `.ods` …).
pub fn named_like_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods"
        )
    })
}

/// True for workbooks by content: a ZIP (xlsx, ods) or OLE (xls) file, whatever its name.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads a sheet (the first when none is named) as CSV text.
///
/// A workbook that makes the spreadsheet library panic is reported as a broken workbook
/// instead of ending the program: fuzzing found cell references long enough to overflow
/// calamine's column arithmetic. The panic message is kept off the terminal meanwhile.
pub fn read(
    name: &str,
    bytes: &[u8],
    wanted: Option<&str>,
    lang: Lang,
) -> Result<SheetText, Error> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(name, bytes, wanted, lang)
    }));
    std::panic::set_hook(previous);
    outcome.unwrap_or_else(|_| {
        Err(Error::Data(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(name)),
            lang,
            i18n::bad_workbook(lang, i18n::workbook_unreadable(lang)),
            Some(i18n::bad_workbook_hint(lang)),
        )]))
    })
}

fn read_workbook(
    name: &str,
    bytes: &[u8],
    wanted: Option<&str>,
    lang: Lang,
) -> Result<SheetText, Error> {
    let broken = |detail: String| {
        Error::Data(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(name)),
            lang,
            i18n::bad_workbook(lang, &detail),
            Some(i18n::bad_workbook_hint(lang)),
        )])
    };
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| broken(e.to_string()))?;
    let names = workbook.sheet_names();
    let sheet = match wanted {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            .cloned()
            .ok_or_else(|| Error::Usage(i18n::unknown_sheet(lang, name, wanted, &names)))?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| broken(i18n::no_sheets(lang)))?,
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| broken(e.to_string()))?;
    let mut notes = Vec::new();
    if wanted.is_none() && names.len() > 1 {
        notes.push(Issue::tool(
            Severity::Note,
            Location::file(Some(name)),
            lang,
            i18n::first_sheet(lang, &sheet, &names),
            None,
        ));
    }
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    let header = header_row(&rows);
    if header > 0 {
        let (first, last) = (
            u64::from(first_row) + 1,
            u64::from(first_row) + header as u64,
        );
        notes.push(Issue::tool(
            Severity::Note,
            Location::file(Some(name)),
            lang,
            i18n::rows_above_header(lang, first, last),
            None,
        ));
    }
    let mut csv = "\n".repeat(first_row as usize);
    // Rows above the header become comment lines, which the reader skips but counts.
    for row in &rows[..header] {
        let text: Vec<&str> = row
            .iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        csv.push_str(&format!("# {}\n", text.join(" | ")));
    }
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for cells in &rows[header..] {
        if cells.iter().all(String::is_empty) {
            // A blank row: keep the line so that later rows keep their numbers.
            writer
                .write_record([""])
                .map_err(|e| broken(e.to_string()))?;
        } else {
            writer
                .write_record(cells)
                .map_err(|e| broken(e.to_string()))?;
        }
    }
    let body = writer.into_inner().map_err(|e| broken(e.to_string()))?;
    csv.push_str(&String::from_utf8_lossy(&body));
    Ok(SheetText {
        sheet,
        csv,
        column_offset: u64::from(first_column),
        notes,
    })
}

/// The header row among the first rows: the first that fills at least 60 % of the widest
/// row's cells (and two or more). Rows above it are titles, or merged cells whose value
/// sits in the first cell only.
fn header_row(rows: &[Vec<String>]) -> usize {
    let filled = |row: &Vec<String>| row.iter().filter(|c| !c.trim().is_empty()).count();
    let head = &rows[..rows.len().min(20)];
    let widest = head.iter().map(filled).max().unwrap_or(0);
    head.iter()
        .position(|row| {
            let n = filled(row);
            n >= 2 && n * 10 >= widest * 6
        })
        .unwrap_or(0)
}

/// A cell as a person would type it: numbers in full, dates as `YYYY-MM-DD` (which the core
/// then reports as not a number), errors as Excel shows them.
fn cell_text(cell: &Data) -> String {
    let text = match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(value) => format!("{value}"),
        Data::Int(value) => value.to_string(),
        Data::Bool(true) => "yes".into(),
        Data::Bool(false) => "no".into(),
        Data::DateTime(date) => excel_date(date.as_f64()),
        Data::Error(error) => error.to_string(),
    };
    text.replace(['\r', '\n'], " ")
}

/// An Excel date serial as `YYYY-MM-DD` (serial 1 is 1900-01-01; the 1900 leap-year bug is
/// followed by counting from 1899-12-30).
fn excel_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days from 1970-01-01 (civil-from-days, H. Hinnant).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::excel_date;

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(44_635.0), "2022-03-15");
        assert_eq!(excel_date(61.0), "1900-03-01");
    }
}
