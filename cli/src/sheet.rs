//! Excel and OpenDocument workbooks: one sheet turned into the CSV text the core reads, line
//! for row, so that every message names the spreadsheet row a person sees.
//!
//! A workbook is a ZIP archive (xlsx, xlsb, ods) or an OLE file (xls) that the spreadsheet
//! library unpacks and lays out. Neither step may cost more memory than the limits allow,
//! whatever the file claims, so before the library sees a ZIP archive every part's declared
//! size and the bytes it really unpacks to are counted against `max_unpacked_bytes`; and the
//! cells of an xlsx or xlsb sheet are taken one at a time, each checked against the row and
//! column limits and the sheet's used area against the cell limit, instead of letting the
//! library allocate a grid that spans every cell reference (one cell at `XFD1048576` asks for
//! 17 billion cells). The library lays out .ods and .xls workbooks whole when it opens them, so
//! their extent is read from the file first, the way the library will read it.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};
use dti_core::csv_writer::{neutralise, push_row};
use dti_core::limits::Limits;
use dti_core::{Diagnostic, Lang, Location, Problem, Severity};

use crate::error::{Error, Issue};
use crate::i18n;

mod ole;

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
    bytes.starts_with(ZIP) || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

const ZIP: &[u8] = b"PK\x03\x04";

/// Reads a sheet (the first when none is named) as CSV text, within `limits`.
///
/// Whatever goes wrong inside the spreadsheet library is reported as a damaged workbook
/// (exit 1) instead of ending the program: fuzzing found cell references long enough to
/// overflow calamine's column arithmetic, so a panic is caught here too, its message kept
/// off the terminal meanwhile.
pub fn read(
    name: &str,
    bytes: &[u8],
    wanted: Option<&str>,
    limits: &Limits,
    lang: Lang,
) -> Result<SheetText, Error> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(name, bytes, wanted, limits, lang)
    }));
    std::panic::set_hook(previous);
    outcome.unwrap_or_else(|_| {
        Err(refused(
            name,
            lang,
            i18n::workbook_unreadable(lang).to_string(),
            i18n::bad_workbook_hint(lang),
        ))
    })
}

/// A workbook the tool will not read, as one error: "cannot open the workbook: …" and a hint.
fn refused(name: &str, lang: Lang, detail: String, hint: String) -> Error {
    Error::Data(vec![Issue::tool(
        Severity::Error,
        Location::file(Some(name)),
        lang,
        i18n::bad_workbook(lang, &detail),
        Some(hint),
    )])
}

/// Why a sheet's cells were not all taken.
enum Stop {
    /// The library failed: the workbook is damaged.
    Broken(String),
    /// The file is damaged in a way that would make the library loop or allocate without end.
    Damaged,
    /// A cell beyond the row (`true`) or column limit, at this 0-based row and column.
    Beyond { row: u32, column: u32, rows: bool },
    /// The used area from the first to the last cell holds more cells than the limit.
    Area { first: (u32, u32), last: (u32, u32) },
    /// The sheets the library lays out together, up to this one, hold more cells than the
    /// limit.
    Together,
}

/// The filled cells of a sheet as text, in the order the sheet gives them, with the extent
/// checked cell by cell.
#[derive(Default)]
struct Cells {
    /// `(row, column, text)`, 0-based; empty cells left out.
    cells: Vec<(u32, u32, String)>,
    first: (u32, u32),
    last: (u32, u32),
}

impl Cells {
    /// Takes one cell, or stops at the first limit it breaks.
    fn push(
        &mut self,
        (row, column): (u32, u32),
        text: String,
        limits: &Limits,
    ) -> Result<(), Stop> {
        if text.is_empty() {
            return Ok(());
        }
        if row as usize >= limits.max_rows {
            return Err(Stop::Beyond {
                row,
                column,
                rows: true,
            });
        }
        if column as usize >= limits.max_columns {
            return Err(Stop::Beyond {
                row,
                column,
                rows: false,
            });
        }
        if self.cells.is_empty() {
            self.first = (row, column);
            self.last = (row, column);
        }
        self.first = (self.first.0.min(row), self.first.1.min(column));
        self.last = (self.last.0.max(row), self.last.1.max(column));
        let height = u64::from(self.last.0 - self.first.0) + 1;
        let width = u64::from(self.last.1 - self.first.1) + 1;
        // The count too: a sheet may give the same cell again and again.
        let count = self.cells.len() as u64 + 1;
        if height.saturating_mul(width).max(count) > limits.max_cells as u64 {
            return Err(Stop::Area {
                first: self.first,
                last: self.last,
            });
        }
        self.cells.push((row, column, text));
        Ok(())
    }

    /// Takes every cell a reader gives, one at a time.
    fn gather<'a, E: std::fmt::Display>(
        mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, E>,
        limits: &Limits,
    ) -> Result<Cells, Stop> {
        let mut cells = Cells::default();
        while let Some(cell) = next().map_err(|e| Stop::Broken(e.to_string()))? {
            let position = cell.get_position();
            let text = cell_text(&Data::from(cell.get_value().clone()));
            cells.push(position, text, limits)?;
        }
        Ok(cells)
    }
}

fn read_workbook(
    name: &str,
    bytes: &[u8],
    wanted: Option<&str>,
    limits: &Limits,
    lang: Lang,
) -> Result<SheetText, Error> {
    let broken = |detail: String| refused(name, lang, detail, i18n::bad_workbook_hint(lang));
    // Whatever the first bytes say: the ZIP reader finds an archive by its directory at the end.
    if let Some(part) = part_beyond(bytes, limits.max_unpacked_bytes) {
        let detail = i18n::unpacks_beyond_limit(lang, &part, limits.max_unpacked_bytes);
        return Err(refused(name, lang, detail, i18n::unpacked_hint(lang)));
    }
    if let Some((sheet, stop)) = ods_beyond(bytes, limits) {
        return Err(stopped(name, &sheet, stop, limits, lang));
    }
    if let Some((sheet, stop)) = ole::beyond(bytes, limits) {
        return Err(stopped(name, &sheet, stop, limits, lang));
    }
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| broken(i18n::library_error(lang, &e.to_string())))?;
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
    let cells = sheet_cells(&mut workbook, &sheet, limits)
        .map_err(|stop| stopped(name, &sheet, stop, limits, lang))?;
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
    let (csv, header) = to_csv(cells.cells, cells.first, cells.last);
    if header > 0 {
        let first = u64::from(cells.first.0) + 1;
        let last = u64::from(cells.first.0) + header as u64;
        let location = Location::file(Some(name));
        let problem = Problem::RowsAboveHeader { first, last };
        notes.push(Issue::new(Diagnostic::note(location, problem), lang));
    }
    Ok(SheetText {
        sheet,
        csv,
        column_offset: u64::from(cells.first.1),
        notes,
    })
}

/// The error for a sheet whose cells were not all taken.
fn stopped(name: &str, sheet: &str, stop: Stop, limits: &Limits, lang: Lang) -> Error {
    match stop {
        Stop::Broken(detail) => refused(
            name,
            lang,
            i18n::library_error(lang, &detail),
            i18n::bad_workbook_hint(lang),
        ),
        Stop::Damaged => refused(
            name,
            lang,
            i18n::workbook_unreadable(lang).to_string(),
            i18n::bad_workbook_hint(lang),
        ),
        Stop::Beyond { row, column, rows } => {
            let cell = cell_name(row, column);
            let limit = if rows {
                limits.max_rows
            } else {
                limits.max_columns
            };
            let detail = i18n::cell_beyond_limit(lang, sheet, &cell, limit, rows);
            refused(name, lang, detail, i18n::far_cell_hint(lang))
        }
        Stop::Area { first, last } => {
            let area = format!(
                "{}:{}",
                cell_name(first.0, first.1),
                cell_name(last.0, last.1)
            );
            let detail = i18n::area_beyond_limit(lang, sheet, &area, limits.max_cells);
            refused(name, lang, detail, i18n::far_cell_hint(lang))
        }
        Stop::Together => {
            let detail = i18n::sheets_beyond_limit(lang, sheet, limits.max_cells);
            refused(name, lang, detail, i18n::far_cell_hint(lang))
        }
    }
}

/// The filled cells of a sheet. xlsx and xlsb sheets are read cell by cell and checked as
/// they come; xls and ods workbooks are laid out by the library when it opens them (after
/// [`ole::beyond`] and [`ods_beyond`] have checked their extent), and their cells are checked
/// again as they are taken.
fn sheet_cells(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    limits: &Limits,
) -> Result<Cells, Stop> {
    let broken = |e: &dyn std::fmt::Display| Stop::Broken(e.to_string());
    match workbook {
        Sheets::Xlsx(xlsx) => match xlsx.worksheet_cells_reader(sheet) {
            Ok(mut reader) => Cells::gather(|| reader.next_cell(), limits),
            // A chart sheet: no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => Ok(Cells::default()),
            Err(e) => Err(broken(&e)),
        },
        Sheets::Xlsb(xlsb) => {
            let mut reader = xlsb.worksheet_cells_reader(sheet).map_err(|e| broken(&e))?;
            Cells::gather(|| reader.next_cell(), limits)
        }
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = workbook.worksheet_range(sheet).map_err(|e| broken(&e))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut cells = Cells::default();
            for (row, column, value) in range.used_cells() {
                let position = (top + row as u32, left + column as u32);
                cells.push(position, cell_text(value), limits)?;
            }
            Ok(cells)
        }
    }
}

/// The part of a ZIP archive at which unpacking it passes `limit` bytes, if it does: the
/// sizes its directory declares are added up, then the bytes each part really inflates to (a
/// part may lie about its size), counted as they are inflated and never kept.
///
/// An archive or a part that the ZIP reader cannot open is left for the library to report:
/// it uses the same reader, so it cannot unpack that part either.
fn part_beyond(bytes: &[u8], limit: usize) -> Option<String> {
    let limit = limit as u64;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut declared = 0u64;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue;
        };
        declared = declared.saturating_add(part.size());
        if declared > limit {
            return Some(String::from_utf8_lossy(part.name_raw()).into_owned());
        }
    }
    let mut left = limit;
    let mut buffer = vec![0u8; 64 << 10];
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            continue;
        };
        loop {
            let read = match part.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read as u64,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                // A damaged part (a bad checksum, broken compressed data) stops the ZIP reader
                // there, for the library too; whether that matters is the library's to say.
                Err(_) => break,
            };
            if read > left {
                return Some(String::from_utf8_lossy(part.name_raw()).into_owned());
            }
            left -= read;
        }
    }
    None
}

/// For an OpenDocument spreadsheet: the first of its tables whose cells, laid out as the
/// library lays them out, would pass a limit, and why. The library expands repeated rows and
/// cells (`table:number-rows-repeated="1000000"`) into a grid of every table when it opens the
/// file, so a few bytes can ask for gigabytes; here `content.xml` is read as it is inflated and
/// only counted. As in the library, empty cells and rows count only before a filled one, and a
/// row holds at most 16,384 cells. Anything unreadable is left for the library to report.
fn ods_beyond(bytes: &[u8], limits: &Limits) -> Option<(String, Stop)> {
    use quick_xml::events::Event;
    const MAX_COLUMNS: u64 = 16_384;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    // Read as the library reads it.
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.expand_empty_elements = true;
    let repeats = |e: &quick_xml::events::BytesStart, name: &str| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1)
    };
    let (mut sheet, mut buffer) = (String::new(), Vec::new());
    // Rows so far in the table, the first filled row, the widest filled row.
    let (mut rows, mut first, mut width) = (0u64, None::<u64>, 0u64);
    // The library lays out every table: the cells of the tables before this one, and this
    // one's so far.
    let (mut before, mut area) = (0u64, 0u64);
    // In the current row: its repeat count, the cells so far, the end of the filled ones.
    let (mut row_repeat, mut column, mut filled_end) = (1u64, 0u64, 0u64);
    // The current cell, while inside one: its repeat count and whether it holds anything.
    let mut cell: Option<(u64, bool)> = None;
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Start(e) => match e.name().as_ref() {
                "table:table" => {
                    sheet = e
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    (rows, first, width) = (0, None, 0);
                    before = before.saturating_add(area);
                    area = 0;
                }
                "table:table-row" => {
                    (row_repeat, column, filled_end) =
                        (repeats(&e, "table:number-rows-repeated"), 0, 0);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let has_value = e
                        .try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some()
                        || e.try_get_attribute("table:formula")
                            .ok()
                            .flatten()
                            .is_some();
                    cell = Some((repeats(&e, "table:number-columns-repeated"), has_value));
                }
                // Text or anything else inside a cell fills it.
                _ => {
                    if let Some((_, filled)) = cell.as_mut() {
                        *filled = true;
                    }
                }
            },
            Event::Text(text) if !text.is_empty() => {
                if let Some((_, filled)) = cell.as_mut() {
                    *filled = true;
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    if let Some((repeat, filled)) = cell.take() {
                        column = column.saturating_add(repeat).min(MAX_COLUMNS);
                        if filled {
                            filled_end = column;
                        }
                    }
                }
                "table:table-row" => {
                    if filled_end > 0 {
                        let top = *first.get_or_insert(rows);
                        let end = rows.saturating_add(row_repeat);
                        width = width.max(filled_end);
                        let last = (
                            u32::try_from(end - 1).unwrap_or(u32::MAX),
                            u32::try_from(width - 1).unwrap_or(u32::MAX),
                        );
                        if end > limits.max_rows as u64 {
                            let stop = Stop::Beyond {
                                row: last.0,
                                column: 0,
                                rows: true,
                            };
                            return Some((sheet, stop));
                        }
                        if width > limits.max_columns as u64 {
                            let stop = Stop::Beyond {
                                row: last.0,
                                column: last.1,
                                rows: false,
                            };
                            return Some((sheet, stop));
                        }
                        area = (end - top).saturating_mul(width);
                        if area > limits.max_cells as u64 {
                            let first = (u32::try_from(top).unwrap_or(u32::MAX), 0);
                            return Some((sheet, Stop::Area { first, last }));
                        }
                        if before.saturating_add(area) > limits.max_cells as u64 {
                            return Some((sheet, Stop::Together));
                        }
                    }
                    rows = rows.saturating_add(row_repeat);
                }
                _ => {}
            },
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// A 0-based row and column as Excel names the cell: `(0, 0)` → `A1`.
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        letters.push(char::from(b'A' + ((rest - 1) % 26) as u8));
        rest = (rest - 1) / 26;
    }
    let letters: String = letters.iter().rev().collect();
    format!("{letters}{}", u64::from(row) + 1)
}

/// The cells as CSV text, one line per sheet row from row 1 (lines above the first filled
/// row are empty), and the count of rows above the header, written as `#` comment lines.
/// Text cells are neutralised as in every CSV the tool writes, so the reader takes back
/// exactly the text of the cell.
fn to_csv(
    mut cells: Vec<(u32, u32, String)>,
    first: (u32, u32),
    last: (u32, u32),
) -> (String, usize) {
    if cells.is_empty() {
        return (String::new(), 0);
    }
    // In row order; a later cell at the same place wins, as in the library's own layout.
    cells.sort_by_key(|&(row, column, _)| (row, column));
    let width = (last.1 - first.1) as usize + 1;
    let mut rows = cells.chunk_by(|a, b| a.0 == b.0).peekable();
    let mut row_cells = |row: u32| -> Vec<&str> {
        let mut line = vec![""; width];
        if let Some(cells) = rows.next_if(|cells| cells[0].0 == row) {
            for (_, column, text) in cells {
                line[(column - first.1) as usize] = text;
            }
        }
        line
    };
    let height = (last.0 - first.0) as usize + 1;
    let head: Vec<Vec<&str>> = (0..height.min(20))
        .map(|r| row_cells(first.0 + r as u32))
        .collect();
    let header = header_row(&head);
    let mut csv = "\n".repeat(first.0 as usize);
    // Rows above the header become comment lines, which the reader skips but counts.
    for row in &head[..header] {
        let text: Vec<&str> = row.iter().copied().filter(|t| !t.is_empty()).collect();
        csv.push_str(&format!("# {}\n", text.join(" | ")));
    }
    let mut write = |line: &[&str]| {
        if line.iter().all(|t| t.is_empty()) {
            // A blank row: keep the line so that later rows keep their numbers.
            push_row(&mut csv, [""], b',');
        } else {
            push_row(&mut csv, line.iter().map(|text| neutralise(text)), b',');
        }
    };
    for line in &head[header..] {
        write(line);
    }
    for r in head.len()..height {
        write(&row_cells(first.0 + r as u32));
    }
    (csv, header)
}

/// The header row among the first rows: the first that fills at least 60 % of the widest
/// row's cells (and two or more). Rows above it are titles, or merged cells whose value
/// sits in the first cell only.
fn header_row(rows: &[Vec<&str>]) -> usize {
    let filled = |row: &Vec<&str>| row.iter().filter(|c| !c.trim().is_empty()).count();
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
    use super::*;

    #[test]
    fn cells_stop_at_the_first_limit_they_break() {
        let limits = Limits {
            max_rows: 10,
            max_columns: 5,
            max_cells: 6,
            ..Limits::default()
        };
        let mut cells = Cells::default();
        assert!(cells.push((0, 0), "a".into(), &limits).is_ok());
        assert!(cells.push((1, 2), "b".into(), &limits).is_ok());
        assert!(matches!(
            cells.push((10, 0), "c".into(), &limits),
            Err(Stop::Beyond {
                row: 10,
                rows: true,
                ..
            })
        ));
        assert!(matches!(
            cells.push((0, 5), "c".into(), &limits),
            Err(Stop::Beyond {
                column: 5,
                rows: false,
                ..
            })
        ));
        assert!(matches!(
            cells.push((2, 2), "c".into(), &limits),
            Err(Stop::Area {
                first: (0, 0),
                last: (2, 2)
            })
        ));
        // The same cell given again and again counts each time.
        let mut cells = Cells::default();
        for _ in 0..6 {
            assert!(cells.push((0, 0), "a".into(), &limits).is_ok());
        }
        assert!(matches!(
            cells.push((0, 0), "a".into(), &limits),
            Err(Stop::Area { .. })
        ));
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(44_635.0), "2022-03-15");
        assert_eq!(excel_date(61.0), "1900-03-01");
    }
}
