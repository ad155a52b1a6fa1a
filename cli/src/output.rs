//! Outputs: tables rendered for the terminal, Markdown, CSV and Excel, and the one place
//! that writes them (standard output, or a file written atomically).

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use dti_core::csv_writer::{neutralise, push_row};
use dti_core::text::write_decimal;
use dti_core::{Framework, Lang, Results};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};

use crate::error::Error;
use crate::synced::SyncedFile;
use crate::{OutputArgs, i18n};

/// The formats a table can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Aligned columns for the terminal
    Table,
    /// Comma-separated values (semicolons and decimal commas with --lang vi)
    Csv,
    /// JSON, for programs, at full precision (the others at the published precision)
    Json,
    /// Markdown tables
    Markdown,
    /// An Excel workbook (.xlsx)
    Xlsx,
}

impl TableFormat {
    /// The format named by the `--format` option, else by the output file's extension,
    /// else the terminal table.
    pub(crate) fn choose(given: Option<TableFormat>, output: &OutputArgs) -> TableFormat {
        given
            .or_else(|| {
                let extension = output.output.as_ref()?.extension()?.to_str()?;
                match extension.to_ascii_lowercase().as_str() {
                    "csv" => Some(TableFormat::Csv),
                    "json" => Some(TableFormat::Json),
                    "md" | "markdown" => Some(TableFormat::Markdown),
                    "xlsx" => Some(TableFormat::Xlsx),
                    _ => None,
                }
            })
            .unwrap_or(TableFormat::Table)
    }
}

/// Wraps text in an ANSI colour when `on`; control characters in the text other than
/// newlines and tabs are shown escaped (see [`shown`]).
pub(crate) fn paint(on: bool, style: &str, text: &str) -> String {
    let text = shown(text);
    if on {
        format!("\x1b[{style}m{text}\x1b[0m")
    } else {
        text.into_owned()
    }
}

/// The colour sequences [`paint`] writes: the only escape sequences the tool itself sends to
/// a terminal. Anything else that starts with ESC came from the data.
const COLOURS: [&str; 8] = [
    "\x1b[0m",
    "\x1b[1m",
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[1;31m",
    "\x1b[1;32m",
    "\x1b[1;33m",
    "\x1b[1;36m",
];

/// Text from the data (a unit's name, a code, a file's notes) as it may be shown on a terminal
/// or in Markdown: every control character (ESC, CR, BEL, newline, the C1 range…) and every
/// bidirectional override is written as a visible escape such as `\u{1b}`, so that a name
/// cannot retitle the window, clear the screen, move the cursor or reorder what is shown.
/// CSV, JSON and Excel outputs keep the text exactly.
pub(crate) fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, false, false)
}

/// A message as shown on a terminal: control characters escaped as by [`visible`], except
/// newlines and tabs, which lay out multi-line messages (a TOML parser's excerpt).
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, false, true)
}

/// Escapes control characters as [`visible`] does, except the tool's own colour sequences
/// when `colours` and newlines and tabs when `lines`.
fn escape_controls(text: &str, colours: bool, lines: bool) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && !(lines && (c == '\n' || c == '\t')))
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if colours && let Some(colour) = COLOURS.iter().find(|colour| rest.starts_with(**colour)) {
            out.push_str(colour);
            rest = &rest[colour.len()..];
            continue;
        }
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// One cell of a table. Its text is owned in tables (`Cell`, text a `String`) and borrowed
/// where rows are written as they are made (`Cell<&str>`, the long CSV of a million units).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<T = String> {
    /// Text.
    Text(T),
    /// A number shown with a fixed count of decimals.
    Number {
        /// The value.
        value: f64,
        /// Decimals shown.
        decimals: u32,
    },
    /// A change, shown with its sign (`+0.0296`, `-0.0100`).
    Signed {
        /// The value.
        value: f64,
        /// Decimals shown.
        decimals: u32,
    },
    /// A whole number.
    Integer(i64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// A text cell.
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }
}

impl<T> Cell<T> {
    /// A number cell, or an empty one when there is no value.
    pub(crate) fn number(value: Option<f64>, decimals: u32) -> Cell<T> {
        match value {
            Some(value) if value.is_finite() => Cell::Number { value, decimals },
            _ => Cell::Empty,
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(
            self,
            Cell::Number { .. } | Cell::Signed { .. } | Cell::Integer(_)
        )
    }
}

impl Cell<&str> {
    /// The same cell owning its text.
    pub(crate) fn to_owned(&self) -> Cell {
        match *self {
            Cell::Text(text) => Cell::Text(text.to_string()),
            Cell::Number { value, decimals } => Cell::Number { value, decimals },
            Cell::Signed { value, decimals } => Cell::Signed { value, decimals },
            Cell::Integer(value) => Cell::Integer(value),
            Cell::Empty => Cell::Empty,
        }
    }
}

impl<T: AsRef<str>> Cell<T> {
    /// The cell as text in a language (decimal comma in Vietnamese).
    pub(crate) fn show(&self, lang: Lang) -> String {
        let mut text = String::new();
        self.write(&mut text, lang);
        text
    }

    /// Appends the cell's text in a language to `out`, as [`Cell::show`] gives it.
    fn write(&self, out: &mut String, lang: Lang) {
        match self {
            Cell::Text(text) => out.push_str(text.as_ref()),
            Cell::Number { value, decimals } => write_decimal(out, *value, *decimals, lang),
            Cell::Signed { value, decimals } => {
                if dti_core::round_to(*value, *decimals) > 0.0 {
                    out.push('+');
                }
                write_decimal(out, *value, *decimals, lang);
            }
            Cell::Integer(value) => dti_core::text::write_integer(out, *value),
            Cell::Empty => {}
        }
    }

    /// Appends the cell as CSV text to `out`: text neutralised so that a spreadsheet cannot
    /// take it for a formula (`=1+1` is written `'=1+1`), numbers as they are.
    fn write_csv(&self, out: &mut String, lang: Lang) {
        match self {
            Cell::Text(text) => out.push_str(&neutralise(text.as_ref())),
            other => other.write(out, lang),
        }
    }
}

/// A table with a title and headers.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Table {
    /// A heading shown above the table (terminal and Markdown) or naming the sheet (Excel).
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, each as long as the headers.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table.
    pub(crate) fn new(title: impl Into<String>, headers: Vec<String>) -> Table {
        Table {
            title: title.into(),
            headers,
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub(crate) fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The table with the text of its last column wrapped at spaces, so that no line of
    /// [`Table::to_terminal`] is wider than `columns` (a word longer than the room left stays
    /// whole); a wrapped cell goes on under itself, the other columns left empty.
    pub(crate) fn wrap_last(&self, lang: Lang, columns: usize) -> Table {
        let Some(last) = self.headers.len().checked_sub(1) else {
            return self.clone();
        };
        let used: usize = (0..last)
            .map(|c| {
                let cells = self.rows.iter().filter_map(|row| row.get(c));
                cells
                    .map(|cell| width(&cell.show(lang)))
                    .chain([width(&self.headers[c])])
                    .max()
                    .unwrap_or(0)
                    + 2
            })
            .sum();
        let room = columns.saturating_sub(used).max(width(&self.headers[last]));
        let mut wrapped = Table::new(self.title.clone(), self.headers.clone());
        for row in &self.rows {
            let Some(Cell::Text(text)) = row.get(last) else {
                wrapped.push(row.clone());
                continue;
            };
            for (k, line) in wrap_words(text, room).into_iter().enumerate() {
                let mut cells = if k == 0 {
                    row[..last].to_vec()
                } else {
                    vec![Cell::Empty; last]
                };
                cells.push(Cell::Text(line));
                wrapped.push(cells);
            }
        }
        wrapped
    }

    /// True for columns whose filled cells are all numbers (aligned right).
    fn numeric_columns(&self) -> Vec<bool> {
        (0..self.headers.len())
            .map(|c| {
                let mut cells = self.rows.iter().filter_map(|row| row.get(c));
                let mut any = false;
                let all = cells.all(|cell| {
                    any |= cell.is_numeric();
                    cell.is_numeric() || *cell == Cell::Empty
                });
                all && any
            })
            .collect()
    }

    /// Aligned columns for the terminal, headers bold when `color`.
    pub(crate) fn to_terminal(&self, lang: Lang, color: bool) -> String {
        // Cells may hold the tool's own colours (rank moves), never the data's escapes.
        let shown: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| escape_controls(&cell.show(lang), true, false).into_owned())
                    .collect()
            })
            .collect();
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|h| visible(h).into_owned())
            .collect();
        let numeric = self.numeric_columns();
        let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
        for row in &shown {
            for (c, text) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(width(text));
                }
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (c, text) in cells.iter().enumerate() {
                let w = widths.get(c).copied().unwrap_or(0);
                let pad = " ".repeat(w.saturating_sub(width(text)));
                if c > 0 {
                    out.push_str("  ");
                }
                if numeric.get(c).copied().unwrap_or(false) {
                    out.push_str(&pad);
                    out.push_str(text);
                } else {
                    out.push_str(text);
                    if c + 1 < cells.len() {
                        out.push_str(&pad);
                    }
                }
            }
            out.trim_end().to_string()
        };
        let mut out = String::new();
        if !self.title.is_empty() {
            out.push_str(&paint(color, "1", &self.title));
            out.push('\n');
        }
        out.push_str(&paint(color, "1", &line(&headers)));
        out.push('\n');
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        out.push_str(&rule.join("  "));
        out.push('\n');
        for row in &shown {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }

    /// A Markdown table under a level-`level` heading.
    pub(crate) fn to_markdown(&self, lang: Lang, level: usize) -> String {
        let escape = |text: &str| visible(text).replace('|', "\\|");
        let numeric = self.numeric_columns();
        let mut out = String::new();
        if !self.title.is_empty() {
            out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(level),
                escape(&self.title)
            ));
        }
        let headers: Vec<String> = self.headers.iter().map(|h| escape(h)).collect();
        out.push_str(&format!("| {} |\n", headers.join(" | ")));
        let marks: Vec<&str> = numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" })
            .collect();
        out.push_str(&format!("|{}|\n", marks.join("|")));
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|cell| escape(&cell.show(lang))).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }

    /// CSV: commas and decimal points in English; semicolons and decimal commas in
    /// Vietnamese, as spreadsheets set to Vietnamese expect.
    pub(crate) fn to_csv(&self, lang: Lang) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        write_csv(&mut bytes, &self.headers, &self.rows, lang)
            .map_err(|e| Error::Usage(i18n::cannot_format(lang, "CSV", &e.to_string())))?;
        Ok(bytes)
    }
}

/// Writes rows as CSV as they come, so that a long table need not be held in memory:
/// commas and decimal points in English, semicolons and decimal commas in Vietnamese; text
/// neutralised against formulas, as every CSV the tool writes
/// ([`dti_core::csv_writer`]).
pub(crate) fn write_csv<T: AsRef<str>, R: AsRef<[Cell<T>]>>(
    out: &mut dyn Write,
    headers: &[String],
    rows: impl IntoIterator<Item = R>,
    lang: Lang,
) -> std::io::Result<()> {
    let mut buffer = String::new();
    push_row(
        &mut buffer,
        headers.iter().map(|header| neutralise(header)),
        delimiter(lang),
    );
    // The rows go into one buffer, written out every 64 KiB.
    let mut cells = Vec::new();
    for row in rows {
        push_csv_row(&mut buffer, &mut cells, row.as_ref(), lang);
        if buffer.len() >= 1 << 16 {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
    }
    out.write_all(buffer.as_bytes())
}

/// Writes CSV with `headers` (neutralised, as every header) and, for each block of `items`,
/// the text (UTF-8 bytes) `fill` appends for it: blocks are filled side by side on every core (at most
/// eight) while the previous round's texts are written out, in order, so the bytes are the
/// same whatever the number of cores. For the long tables of a million units, whose writing
/// takes longer than their scoring. The texts' buffers are kept from round to round, so a
/// long table does not take fresh memory (and its page faults) for every block.
pub(crate) fn write_csv_blocks<I: Sync>(
    out: &mut dyn Write,
    headers: &[String],
    items: &[I],
    lang: Lang,
    fill: impl Fn(&[I], &mut Vec<u8>) + Sync,
) -> std::io::Result<()> {
    // A block's text is about a megabyte for a long table; two rounds of them are held at once.
    const BLOCK: usize = 1024;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let mut header = String::new();
    push_row(
        &mut header,
        headers.iter().map(|header| neutralise(header)),
        delimiter(lang),
    );
    out.write_all(header.as_bytes())?;
    let fill = &fill;
    // The texts being filled, and those of the round before, being written.
    let (mut filling, mut filled) = (vec![Vec::new(); threads], vec![Vec::new(); threads]);
    let mut ready = 0;
    for batch in items.chunks(BLOCK * threads) {
        std::thread::scope(|scope| {
            let workers: Vec<_> = batch
                .chunks(BLOCK)
                .zip(filling.iter_mut())
                .map(|(block, text)| {
                    scope.spawn(move || {
                        text.clear();
                        fill(block, text);
                    })
                })
                .collect();
            let written = filled[..ready]
                .iter()
                .try_for_each(|text| out.write_all(text));
            for worker in workers {
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
            written
        })?;
        ready = batch.len().div_ceil(BLOCK);
        std::mem::swap(&mut filling, &mut filled);
    }
    filled[..ready]
        .iter()
        .try_for_each(|text| out.write_all(text))
}

/// Appends a text cell as [`write_csv`] writes it (neutralised, quoted when it must be), for
/// writers that put rows together from pieces written once.
pub(crate) fn push_csv_text(out: &mut String, text: &str, lang: Lang) {
    dti_core::csv_writer::push_cell(out, &neutralise(text), delimiter(lang));
}

/// The field delimiter of CSV in a language: Vietnamese spreadsheets expect semicolons, as
/// their decimal mark is the comma.
pub(crate) fn delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Vi => b';',
        Lang::En => b',',
    }
}

/// Appends one row of cells to `buffer` as CSV; `cells` holds each cell's text, kept from
/// row to row so that writing a row allocates nothing.
fn push_csv_row<T: AsRef<str>>(
    buffer: &mut String,
    cells: &mut Vec<String>,
    row: &[Cell<T>],
    lang: Lang,
) {
    cells.resize_with(row.len(), String::new);
    for (cell, text) in row.iter().zip(cells.iter_mut()) {
        text.clear();
        cell.write_csv(text, lang);
    }
    push_row(buffer, &cells[..row.len()], delimiter(lang));
}

/// Text cut at spaces into lines of at most `room` columns (a longer word is a line of its own).
fn wrap_words(text: &str, room: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if width(line) + 1 + width(word) <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The width of text in terminal columns: characters, less combining marks and ANSI colour
/// sequences.
fn width(text: &str) -> usize {
    let mut count = 0;
    let mut escape = false;
    for c in text.chars() {
        if escape {
            escape = c != 'm';
        } else if c == '\x1b' {
            escape = true;
        } else if !('\u{300}'..='\u{36f}').contains(&c) {
            count += 1;
        }
    }
    count
}

/// Writes tables as the sheets of an Excel workbook: bold headers, frozen top row,
/// numbers as numbers rounded to the decimals shown (so a workbook holds the same numbers as
/// the CSV, table and Markdown forms), columns sized to their contents.
pub(crate) fn to_xlsx(tables: &[&Table], lang: Lang) -> Result<Vec<u8>, Error> {
    let fail = |e: rust_xlsxwriter::XlsxError| {
        Error::Usage(i18n::cannot_format(lang, "Excel", &e.to_string()))
    };
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F3))
        .set_border_bottom(FormatBorder::Thin);
    for (position, table) in tables.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(sheet_name(&table.title, position))
            .map_err(fail)?;
        for (c, text) in table.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, column(c)?, text, &header)
                .map_err(fail)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| too_large(lang))?;
            for (c, cell) in row.iter().enumerate() {
                let c = column(c)?;
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(r, c, text).map_err(fail)?;
                    }
                    Cell::Number { value, decimals } | Cell::Signed { value, decimals } => {
                        let pattern = if *decimals == 0 {
                            "0".to_string()
                        } else {
                            format!("0.{}", "0".repeat(*decimals as usize))
                        };
                        let format = Format::new().set_num_format(pattern);
                        let shown = dti_core::round_to(*value, *decimals);
                        sheet
                            .write_number_with_format(r, c, shown, &format)
                            .map_err(fail)?;
                    }
                    Cell::Integer(value) => {
                        sheet.write_number(r, c, *value as f64).map_err(fail)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
        sheet.autofit();
    }
    workbook.save_to_buffer().map_err(fail)
}

fn column(c: usize) -> Result<u16, Error> {
    u16::try_from(c).map_err(|_| Error::Usage("too many columns".into()))
}

fn too_large(lang: Lang) -> Error {
    Error::Usage(i18n::cannot_format(lang, "Excel", "too many rows"))
}

/// A valid Excel sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str, position: usize) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    if clean.is_empty() {
        format!("Sheet{}", position + 1)
    } else {
        clean
    }
}

/// Writes the output: to standard output (a closed pipe ends quietly), or to the `-o` file.
///
/// A file is written to a temporary file in the same folder and then moved into place, so
/// nobody ever sees half a file; an existing file is kept unless `--force`, an input file
/// is never written over, and only a regular file is ever replaced (see [`check_target`]).
pub(crate) fn emit(
    bytes: &[u8],
    output: &OutputArgs,
    inputs: &[&Path],
    lang: Lang,
) -> Result<(), Error> {
    match output.file() {
        None => to_stdout(bytes, lang),
        Some(path) => write_file(path, bytes, output.force, inputs, lang),
    }
}

impl OutputArgs {
    /// The file to write, or `None` for standard output (no `-o`, or `-o -`).
    pub(crate) fn file(&self) -> Option<&Path> {
        self.output
            .as_deref()
            .filter(|path| path.as_os_str() != "-")
    }
}

/// Refuses to print binary output (Excel) on a terminal.
pub(crate) fn refuse_binary_on_terminal(output: &OutputArgs, lang: Lang) -> Result<(), Error> {
    if output.file().is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Usage(i18n::binary_on_terminal(lang)));
    }
    Ok(())
}

fn to_stdout(bytes: &[u8], lang: Lang) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    // On a terminal, whatever the format (CSV too), only the tool's colours, newlines and tabs
    // pass as they are; a file or a pipe gets the bytes exactly.
    let screened;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(text) if stdout.is_terminal() => {
            screened = escape_controls(text, true, true);
            screened.as_bytes()
        }
        _ => bytes,
    };
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // `dti score | head -1`: the reader has all it wanted.
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Error::Usage(i18n::cannot_write(
            lang,
            &i18n::stdout_name(lang),
            &error,
        ))),
    }
}

pub(crate) fn write_file(
    path: &Path,
    bytes: &[u8],
    force: bool,
    inputs: &[&Path],
    lang: Lang,
) -> Result<(), Error> {
    write_file_with(path, force, inputs, lang, |out| out.write_all(bytes))
}

/// Writes a file piece by piece through `write`, atomically as [`write_file`] does.
fn write_file_with(
    path: &Path,
    force: bool,
    inputs: &[&Path],
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    let fail = |error: std::io::Error| Error::Usage(i18n::cannot_write(lang, &shown, &error));
    check_target(path, force, inputs, lang)?;
    let (temp, file) = temporary(path).map_err(fail)?;
    // Written around the page cache where the system allows it, else synced on the way (a
    // long output reaches the disk while the rest is computed); in full before it takes the
    // file's place.
    let mut file = SyncedFile::direct(file, &temp);
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut file);
    let written = write(&mut buffered).and_then(|()| buffered.flush());
    drop(buffered);
    let written = match written {
        Ok(()) => file.finish(),
        Err(error) => {
            // Its syncing thread stops before the file is removed.
            drop(file);
            Err(error)
        }
    }
    .map_err(fail);
    let placed = written.and_then(|()| place(&temp, path, force, lang, &shown));
    if placed.is_err() {
        let _ = fs::remove_file(&temp);
    }
    placed
}

/// Writes an output produced piece by piece (a long CSV or JSON), without holding it in
/// memory: to standard output, or to the `-o` file as [`emit`] does. On a terminal the
/// output is gathered and screened like any other.
pub(crate) fn emit_with(
    output: &OutputArgs,
    inputs: &[&Path],
    lang: Lang,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    if let Some(path) = output.file() {
        return write_file_with(path, output.force, inputs, lang, write);
    }
    if std::io::stdout().is_terminal() {
        let mut bytes = Vec::new();
        write(&mut bytes)
            .map_err(|e| Error::Usage(i18n::cannot_write(lang, &i18n::stdout_name(lang), &e)))?;
        return to_stdout(&bytes, lang);
    }
    let stdout = std::io::stdout().lock();
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, stdout);
    match write(&mut buffered).and_then(|()| buffered.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Error::Usage(i18n::cannot_write(
            lang,
            &i18n::stdout_name(lang),
            &error,
        ))),
    }
}

/// Refuses an output path that is an input, anything but a regular file (a folder, a device
/// such as `/dev/null`, a named pipe, a socket, or a link to one of them, even with `--force`,
/// which would replace the node itself), or (without `--force`) an existing file; commands
/// writing several files check them all before writing any.
pub(crate) fn check_target(
    path: &Path,
    force: bool,
    inputs: &[&Path],
    lang: Lang,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(Error::Usage(i18n::output_is_input(lang, &shown)));
    }
    not_regular(path, lang, &shown)?;
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(Error::Usage(i18n::output_exists(lang, &shown)));
    }
    Ok(())
}

/// What kind of file system node an output path is, when it exists and is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// A folder.
    Folder,
    /// A character or block device (`/dev/null`, a disk).
    Device,
    /// A named pipe (FIFO).
    Pipe,
    /// A Unix socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

/// Fails when `path` exists (after following links) and is not a regular file. The error never
/// suggests `--force`: nothing makes the tool replace such a node.
fn not_regular(path: &Path, lang: Lang, shown: &str) -> Result<(), Error> {
    let Ok(meta) = fs::metadata(path) else {
        return Ok(());
    };
    let kind = if meta.is_file() {
        return Ok(());
    } else if meta.is_dir() {
        NodeKind::Folder
    } else {
        special_kind(&meta.file_type())
    };
    Err(Error::Usage(match kind {
        NodeKind::Folder => i18n::output_is_dir(lang, shown),
        kind => i18n::output_not_regular(lang, shown, kind),
    }))
}

#[cfg(unix)]
fn special_kind(file_type: &fs::FileType) -> NodeKind {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_char_device() || file_type.is_block_device() {
        NodeKind::Device
    } else if file_type.is_fifo() {
        NodeKind::Pipe
    } else if file_type.is_socket() {
        NodeKind::Socket
    } else {
        NodeKind::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: &fs::FileType) -> NodeKind {
    NodeKind::Other
}

/// Moves the finished temporary file into place. Without `--force` a hard link makes the
/// final step fail rather than replace a file that appeared meanwhile; with it, the target is
/// checked once more just before it is replaced.
fn place(temp: &Path, path: &Path, force: bool, lang: Lang, shown: &str) -> Result<(), Error> {
    let fail = |error: std::io::Error| Error::Usage(i18n::cannot_write(lang, shown, &error));
    if force {
        not_regular(path, lang, shown)?;
        return fs::rename(temp, path).map_err(fail);
    }
    match fs::hard_link(temp, path) {
        Ok(()) => {
            let _ = fs::remove_file(temp);
            Ok(())
        }
        Err(error) if error.kind() == ErrorKind::AlreadyExists => {
            Err(Error::Usage(i18n::output_exists(lang, shown)))
        }
        // File systems without hard links: the check above is the best that can be done.
        Err(_) => fs::rename(temp, path).map_err(fail),
    }
}

/// Creates a new temporary file beside `path`.
fn temporary(path: &Path) -> std::io::Result<(PathBuf, File)> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let stem = path.file_name().map(OsString::from).unwrap_or_default();
    let mut last = None;
    for attempt in 0..100u32 {
        let mut name = OsString::from(".");
        name.push(&stem);
        name.push(format!(".{}-{attempt}.tmp", std::process::id()));
        let candidate = folder.join(name);
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(error) if error.kind() == ErrorKind::AlreadyExists => last = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file name")))
}

/// True when two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A titled report made of sentences and tables: how the analyses show their outcome in the
/// terminal, in Markdown and in Excel.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Document {
    /// The heading.
    pub heading: String,
    /// Sentences under the heading.
    pub lead: Vec<String>,
    /// The tables.
    pub tables: Vec<Table>,
    /// Sentences after the tables.
    pub closing: Vec<String>,
}

impl Document {
    /// Aligned columns for the terminal.
    pub(crate) fn to_terminal(&self, lang: Lang, color: bool) -> String {
        let mut out = format!("{}\n", paint(color, "1", &self.heading));
        for line in &self.lead {
            out.push_str(&visible(line));
            out.push('\n');
        }
        // A table without rows says nothing a reader needs: the closing sentences say why.
        for table in self.tables.iter().filter(|t| !t.rows.is_empty()) {
            out.push('\n');
            out.push_str(&table.to_terminal(lang, color));
        }
        if !self.closing.is_empty() {
            out.push('\n');
        }
        for line in &self.closing {
            out.push_str(&visible(line));
            out.push('\n');
        }
        out
    }

    /// Markdown: the heading at level 1, the tables at level 2.
    pub(crate) fn to_markdown(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n", visible(&self.heading));
        if !self.lead.is_empty() {
            out.push('\n');
        }
        for line in &self.lead {
            out.push_str(&visible(line));
            out.push_str("\n\n");
        }
        if !self.lead.is_empty() {
            out.pop();
        }
        for table in self.tables.iter().filter(|t| !t.rows.is_empty()) {
            out.push('\n');
            out.push_str(&table.to_markdown(lang, 2));
        }
        for line in &self.closing {
            out.push('\n');
            out.push_str(&visible(line));
            out.push('\n');
        }
        out
    }

    /// The document in a format: the terminal and Markdown show everything; CSV holds the
    /// `csv` table (one table per file), Excel every table as a sheet, JSON what `json` gives.
    pub(crate) fn render(
        &self,
        format: TableFormat,
        csv: &Table,
        json: impl FnOnce() -> Result<Vec<u8>, Error>,
        output: &OutputArgs,
        lang: Lang,
        color: bool,
    ) -> Result<Vec<u8>, Error> {
        Ok(match format {
            TableFormat::Table => self.to_terminal(lang, color).into_bytes(),
            TableFormat::Markdown => self.to_markdown(lang).into_bytes(),
            TableFormat::Csv => csv.to_csv(lang)?,
            TableFormat::Json => json()?,
            TableFormat::Xlsx => {
                refuse_binary_on_terminal(output, lang)?;
                let tables: Vec<&Table> = self.tables.iter().collect();
                to_xlsx(&tables, lang)?
            }
        })
    }
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json(value: &impl serde::Serialize, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Usage(i18n::cannot_format(lang, "JSON", &e.to_string())))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// A rank move: `▲ 2` (better), `▼ 1` (worse), `=`; `places` counts places gained.
pub(crate) fn rank_move(places: i64, color: bool) -> String {
    match places {
        0 => "=".into(),
        up if up > 0 => paint(color, "32", &format!("▲ {up}")),
        down => paint(color, "31", &format!("▼ {}", -down)),
    }
}

/// Node positions in display order: the indices in the framework's order (for the DTI: DTI,
/// CQS, KTS, XHS), then every other node in scoring order.
pub(crate) fn display_order(framework: &Framework, results: &Results) -> Vec<usize> {
    let indices = framework
        .indices()
        .iter()
        .filter_map(|&id| results.node_position(&framework.node(id).code));
    let others = (0..results.nodes.len()).filter(|&p| !results.nodes[p].index);
    indices.chain(others).collect()
}

/// A unit's heading: `22 · Quảng Ninh · 2022`.
pub(crate) fn unit_heading(unit: &dti_core::UnitInfo) -> String {
    let mut parts = vec![unit.code.to_string()];
    parts.extend(unit.name.as_deref().map(str::to_string));
    parts.extend(unit.year.map(|y| y.to_string()));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_written_on_every_core_is_the_csv_written_in_order() {
        // Enough units for several batches of blocks on any machine, and names that need
        // quoting or neutralising.
        let units: Vec<(String, f64)> = (0..20_000)
            .map(|i| (format!("=U{i}, \"{i}\""), f64::from(i) / 7.0))
            .collect();
        // As in `dti score`: the items are positions, the rows borrow from what they point at.
        let positions: Vec<usize> = (0..units.len()).collect();
        let rows_of = |&unit: &usize| {
            let (name, value) = &units[unit];
            [0, 1].map(move |k| {
                [
                    Cell::Text(name.as_str()),
                    Cell::Integer(k),
                    Cell::number(Some(*value), 4),
                    Cell::Empty,
                ]
            })
        };
        let headers = ["unit", "k", "value", "-"].map(String::from);
        for lang in [Lang::Vi, Lang::En] {
            let (mut in_order, mut on_cores) = (Vec::new(), Vec::new());
            write_csv(
                &mut in_order,
                &headers,
                positions.iter().flat_map(rows_of),
                lang,
            )
            .unwrap();
            let fill = |block: &[usize], text: &mut Vec<u8>| {
                let (mut cells, mut row_text) = (Vec::new(), String::new());
                for row in block.iter().flat_map(rows_of) {
                    row_text.clear();
                    push_csv_row(&mut row_text, &mut cells, &row, lang);
                    text.extend_from_slice(row_text.as_bytes());
                }
            };
            write_csv_blocks(&mut on_cores, &headers, &positions, lang, fill).unwrap();
            assert_eq!(in_order.len(), on_cores.len());
            assert!(in_order == on_cores, "{lang:?}");
        }
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            visible("Hà\u{1b}]0;pwned\u{7}Nội\r\n"),
            "Hà\\u{1b}]0;pwned\\u{7}Nội\\u{d}\\u{a}"
        );
        assert_eq!(visible("\u{202e}abc\u{9b}"), "\\u{202e}abc\\u{9b}");
        assert_eq!(visible("Quảng Ninh"), "Quảng Ninh");
        // The tool's own colours survive where they are allowed; the data's escapes do not.
        let painted = format!("{}\n\t\u{1b}[2J", paint(true, "1;31", "x"));
        assert_eq!(
            escape_controls(&painted, true, true),
            "\u{1b}[1;31mx\u{1b}[0m\n\t\\u{1b}[2J"
        );
        assert_eq!(
            escape_controls(&painted, false, false),
            "\\u{1b}[1;31mx\\u{1b}[0m\\u{a}\\u{9}\\u{1b}[2J"
        );
        assert_eq!(paint(false, "1", "a\nb\u{7}"), "a\nb\\u{7}");
    }

    #[test]
    fn a_wrapped_last_column_keeps_every_line_within_the_width() {
        let mut table = Table::new("", vec!["Id".into(), "N".into(), "Name".into()]);
        table.push(vec![
            Cell::text("dti-province-2022"),
            Cell::Integer(9),
            Cell::text("Provincial Digital Transformation Index (Decision 922/QĐ-BTTTT)"),
        ]);
        table.push(vec![Cell::text("x"), Cell::Integer(3), Cell::text("Short")]);
        let text = table.wrap_last(Lang::En, 50).to_terminal(Lang::En, false);
        assert_eq!(
            text,
            "Id                 N  Name\n\
             ─────────────────  ─  ───────────────────────\n\
             dti-province-2022  9  Provincial Digital\n\
             \x20                     Transformation Index\n\
             \x20                     (Decision 922/QĐ-BTTTT)\n\
             x                  3  Short\n"
        );
        assert!(text.lines().all(|line| width(line) <= 50), "{text}");
        assert_eq!(
            wrap_words("a verylongword b", 4),
            ["a", "verylongword", "b"]
        );
    }

    #[test]
    fn terminal_tables_escape_names_and_csv_keeps_them_exact() {
        let mut table = Table::new("T\u{1b}]0;x\u{7}", vec!["code".into(), "name".into()]);
        table.push(vec![Cell::text("22"), Cell::text("Hà\u{1b}[2JNội")]);
        table.push(vec![Cell::text("=1+1"), Cell::text("@SUM(1)")]);
        let terminal = table.to_terminal(Lang::En, true);
        assert!(
            !terminal.contains("\u{1b}]") && !terminal.contains("\u{1b}[2J"),
            "{terminal}"
        );
        assert!(terminal.contains("Hà\\u{1b}[2JNội"), "{terminal}");
        let markdown = table.to_markdown(Lang::En, 2);
        assert!(!markdown.contains('\u{1b}'), "{markdown}");
        let csv = String::from_utf8(table.to_csv(Lang::En).unwrap()).unwrap();
        assert_eq!(csv, "code,name\n22,Hà\u{1b}[2JNội\n'=1+1,'@SUM(1)\n");
    }
}
