//! The CSV reader behind [`Dataset::from_csv`](crate::Dataset::from_csv).

use std::borrow::Cow;

use crate::csv_writer::restore;
use crate::dataset::{
    Builder, Field, Parsed, ShortText, UnitInfo, field, named_grouping, read_year,
};
use crate::diagnostic::{Diagnostic, Location, Problem, has_errors};
use crate::limits::{Limits, Quantity};
use crate::records::Records;
use crate::value::trim;

pub(crate) fn read(text: &str, origin: Option<&str>, limits: &Limits) -> Parsed {
    let mut builder = Builder::new(origin, limits);
    if text.len() > limits.max_bytes {
        builder.too_large(Location::file(origin), Quantity::Bytes, limits.max_bytes);
        return builder.finish(Vec::new());
    }
    // Decomposed letters (macOS, Windows-1258) composed, so `mã` is `mã` however written.
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    // Leading lines starting with `#` are notes about the whole file (e.g. "synthetic data").
    let mut notes = Vec::new();
    let mut skipped_lines = 0u64;
    let mut body = text;
    while let Some(line) = body.lines().next() {
        let trimmed = line.trim();
        if let Some(note) = trimmed.strip_prefix('#') {
            notes.push(note.trim().to_string());
        } else if !trimmed.is_empty() {
            break;
        }
        skipped_lines += 1;
        body = after_line(body);
    }

    read_table(&mut builder, origin, body, skipped_lines, None);
    builder.finish(notes)
}

/// Reads the table from its header on: `body` starts at the header, after `skipped_lines`
/// lines; `above_header`, the title lines skipped to reach it.
fn read_table(
    builder: &mut Builder,
    origin: Option<&str>,
    body: &str,
    skipped_lines: u64,
    above_header: Option<(u64, u64)>,
) {
    let limits = builder.limits;
    let header_line = body.lines().next().unwrap_or("");
    let delimiter = detect_delimiter(header_line);
    let mut rows = Rows {
        records: Records::new(body, delimiter, skipped_lines + 1),
        // Room for the header's cells (one more than its separators outside quotes or in
        // them), so that rows of the same length never grow the vector.
        record: Vec::with_capacity(
            (crate::records::count_byte(header_line.as_bytes(), delimiter) + 1)
                .min(limits.max_columns.saturating_add(1)),
        ),
        count: 0,
    };

    let Some(header_line) = rows.next(builder) else {
        if !builder.stopped() {
            builder.error(Location::file(origin), Problem::NoData);
        }
        return;
    };
    // Cells are trimmed, then the `'` a spreadsheet-safe writer put in front is taken off.
    let header: Vec<String> = rows
        .record
        .iter()
        .map(|h| restore(h.trim()).to_string())
        .collect();
    let fields: Vec<Option<Field>> = header.iter().map(|h| field(h)).collect();
    if let Some((first, last)) = above_header {
        let location = Location::file(origin);
        let note = Diagnostic::note(location, Problem::RowsAboveHeader { first, last });
        builder.diagnostics.push(note);
    }
    let has = |wanted: Field| fields.contains(&Some(wanted));
    let Some(unit_column) = fields.iter().position(|f| *f == Some(Field::Unit)) else {
        // A spreadsheet saved as CSV with the table's title in its first rows: the first
        // line that names the unit column, among the next few, is the header.
        if let (None, Some(lines)) = (above_header, lines_above_header(body)) {
            let header = (0..lines).fold(body, |rest, _| after_line(rest));
            let skipped = Some((skipped_lines + 1, skipped_lines + lines));
            return read_table(builder, origin, header, skipped_lines + lines, skipped);
        }
        let location = builder.location(header_line, 1);
        builder.error(location, Problem::NoUnitColumn);
        return;
    };
    // A second column for the same field (`code` and `mã`, two `value`s) would be ignored.
    for (position, wanted) in fields.iter().enumerate() {
        let Some(wanted) = wanted.filter(|f| !matches!(f, Field::Info | Field::NamedGroup)) else {
            continue;
        };
        if let Some(first) = fields[..position].iter().position(|f| *f == Some(wanted)) {
            let location = builder.location(header_line, position as u64 + 1);
            let problem = Problem::DuplicateColumn {
                header: header[position].trim().to_string(),
                first: header[first].trim().to_string(),
                first_column: first as u64 + 1,
            };
            builder.error(location, problem);
        }
    }
    let mut groupings: Vec<(String, usize)> = Vec::new();
    for (position, text) in header.iter().enumerate() {
        let Some(name) = named_grouping(text) else {
            continue;
        };
        if name.is_empty() || groupings.iter().any(|(known, _)| known == name) {
            let location = builder.location(header_line, position as u64 + 1);
            let problem = Problem::BadGrouping {
                header: text.trim().to_string(),
            };
            builder.error(location, problem);
        } else {
            groupings.push((name.to_string(), position));
        }
    }
    let position = |wanted: Field| fields.iter().position(|f| *f == Some(wanted));
    let layout = Layout {
        unit_column,
        name: position(Field::Name),
        group: position(Field::Group),
        year: position(Field::Year),
        fields: &fields,
        header: &header,
        groupings,
    };
    if has(Field::Indicator) && (has(Field::Value) || has(Field::Numerator)) {
        read_long(builder, &layout, &mut rows);
    } else {
        // At most one unit per line.
        let lines = crate::records::count_byte(body.as_bytes(), b'\n') + 1;
        read_wide(builder, &layout, header_line, &mut rows, lines);
    }
    // A quote left open took the rest of the file into one cell: the rows after it were
    // never read, and a note or source column would have swallowed them without a word.
    if let Some((line, column)) = rows.records.open_quote() {
        builder.error(builder.location(line, column), Problem::OpenQuote);
    }
    if builder.unit_count() == 0 && !has_errors(&builder.diagnostics) {
        let location = builder.location(header_line, 1);
        builder.error(location, Problem::NoData);
    }
}

/// The text after its first line and that line's end.
fn after_line(text: &str) -> &str {
    let line = text.lines().next().map_or(0, str::len);
    let rest = text.get(line..).unwrap_or("");
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
        .unwrap_or(rest)
}

/// How many lines at the start of `body` stand above its header (a title, a blank line under
/// it): when the first line names no unit column and one of the next 19 does. A first line
/// that is the header, or a file with no header at all, gives `None`.
fn lines_above_header(body: &str) -> Option<u64> {
    let names_units = |line: &str| {
        let mut cells = Vec::new();
        let mut records = Records::new(line, detect_delimiter(line), 1);
        records.next_into(&mut cells);
        cells
            .iter()
            .any(|cell| field(restore(cell.trim())) == Some(Field::Unit))
    };
    let mut lines = body.lines();
    if names_units(lines.next()?) {
        return None;
    }
    let position = lines.take(19).position(names_units)?;
    Some(position as u64 + 1)
}

/// The records of the file, read one at a time into one reused vector of cells borrowed
/// from the text (no allocation per row or cell), each checked against the limits on rows,
/// fields and cell size.
struct Rows<'t> {
    records: Records<'t>,
    record: Vec<Cow<'t, str>>,
    count: usize,
}

impl Rows<'_> {
    /// Reads the next record into `self.record` and returns its line; `None` at the end or
    /// when a limit stops the reader.
    fn next(&mut self, builder: &mut Builder) -> Option<u64> {
        loop {
            if builder.stopped() {
                return None;
            }
            self.count += 1;
            let start = self.records.offset();
            let line = self.records.next_into(&mut self.record)?;
            let limits = builder.limits;
            // No cell is longer than the text the record was read from.
            let oversized = if self.records.offset() - start > limits.max_cell_bytes {
                self.record
                    .iter()
                    .position(|cell| cell.len() > limits.max_cell_bytes)
            } else {
                None
            };
            if self.count > limits.max_rows {
                builder.too_large(builder.location(line, 1), Quantity::Rows, limits.max_rows);
            } else if self.record.len() > limits.max_columns {
                let location = builder.location(line, 1);
                builder.too_large(location, Quantity::Columns, limits.max_columns);
            } else if let Some(at) = oversized {
                let location = builder.location(line, at as u64 + 1);
                builder.too_large(location, Quantity::BytesInCell, limits.max_cell_bytes);
            } else {
                return Some(line);
            }
        }
    }
}

/// The cell in position `column` of a row, if the row has one.
fn get<'r>(row: &'r [Cow<str>], column: usize) -> Option<&'r str> {
    row.get(column).map(Cow::as_ref)
}

/// The separator that occurs most often in the header line outside quotes (comma on a tie).
pub(crate) fn detect_delimiter(header: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in &mut counts {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .fold((b',', 0), |best, &candidate| {
            if candidate.1 > best.1 {
                candidate
            } else {
                best
            }
        })
        .0
}

struct Layout<'a> {
    unit_column: usize,
    /// The columns of the unit's name, group and year (looked up once, not on every row).
    name: Option<usize>,
    group: Option<usize>,
    year: Option<usize>,
    fields: &'a [Option<Field>],
    header: &'a [String],
    /// Named groupings (`group:NAME`) and their positions.
    groupings: Vec<(String, usize)>,
}

impl Layout<'_> {
    fn position(&self, wanted: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(wanted))
    }

    fn unit(&self, builder: &mut Builder, line: u64, row: &[Cow<str>]) -> Option<UnitInfo> {
        let cell = |column: Option<usize>| {
            column
                .and_then(|c| get(row, c))
                .map(|t| restore(trim(t)))
                .filter(|t| !t.is_empty())
        };
        let Some(code) = cell(Some(self.unit_column)) else {
            let location = builder.location(line, self.unit_column as u64 + 1);
            builder.error(location, Problem::MissingUnitCode);
            return None;
        };
        // The code and the name are copied into the record (no allocation when short).
        let mut unit = UnitInfo::new(code);
        unit.name = cell(self.name).map(ShortText::from);
        unit.group = cell(self.group).map(str::to_string);
        for (grouping, position) in &self.groupings {
            if let Some(label) = cell(Some(*position)) {
                unit.groups.insert(grouping.clone(), label.to_string());
            }
        }
        if let Some(column) = self.year
            && let Some(text) = get(row, column)
        {
            match read_year(text) {
                Some(Ok(year)) => unit.year = Some(year),
                Some(Err(())) => {
                    let location = builder
                        .location(line, column as u64 + 1)
                        .unit(unit.code.as_str());
                    builder.error(
                        location,
                        Problem::BadYear {
                            text: text.trim().to_string(),
                        },
                    );
                }
                None => {}
            }
        }
        Some(unit)
    }

    /// Reports a row whose length differs from the header's, unless the difference is only
    /// trailing empty cells (which spreadsheets like to add).
    fn check_length(&self, builder: &mut Builder, line: u64, row: &[Cow<str>]) -> bool {
        let expected = self.header.len();
        let extra_filled = row.iter().skip(expected).any(|cell| !trim(cell).is_empty());
        if row.len() < expected || extra_filled {
            let location = builder.location(line, 1);
            let problem = Problem::RowLength {
                expected: expected as u64,
                found: row.len() as u64,
            };
            builder.error(location, problem);
            return false;
        }
        true
    }
}

fn is_blank(row: &[Cow<str>]) -> bool {
    row.iter().all(|cell| trim(cell).is_empty())
}

fn read_wide(
    builder: &mut Builder,
    layout: &Layout,
    header_line: u64,
    rows: &mut Rows,
    most_units: usize,
) {
    // Columns: indicator values, and `<code>_source` notes beside them.
    let mut sources = Vec::new();
    let mut value_headers = Vec::new();
    for (position, (header, field)) in layout.header.iter().zip(layout.fields).enumerate() {
        let header = header.trim();
        if field.is_some() {
            continue;
        }
        if header.is_empty() {
            let location = builder.location(header_line, position as u64 + 1);
            let problem = Problem::UnknownColumn {
                header: format!("#{}", position + 1),
            };
            builder
                .diagnostics
                .push(Diagnostic::warning(location, problem));
        } else if let Some(code) = header
            .strip_suffix("_source")
            .or_else(|| header.strip_suffix("_nguồn"))
        {
            sources.push((code, position));
        } else {
            value_headers.push((header, position));
        }
    }
    // (column, field position, field position of its source note)
    let mut values: Vec<(usize, usize, Option<usize>)> = Vec::with_capacity(value_headers.len());
    builder.reserve_columns(value_headers.len());
    for (code, position) in value_headers {
        let Some(column) = builder.column(code, header_line) else {
            return;
        };
        // The same indicator twice in the header: said once, at the header, rather than as a
        // value given twice on every row (whose hint, "keep one row", would not fit).
        if let Some(&(_, first, _)) = values.iter().find(|(c, _, _)| *c == column) {
            let location = builder.location(header_line, position as u64 + 1);
            let problem = Problem::DuplicateColumn {
                header: code.to_string(),
                first: layout.header[first].trim().to_string(),
                first_column: first as u64 + 1,
            };
            builder.error(location, problem);
            continue;
        }
        let source = sources.iter().find(|(c, _)| *c == code).map(|&(_, p)| p);
        values.push((column, position, source));
    }
    if values.is_empty() {
        let location = builder.location(header_line, 1);
        builder.error(location, Problem::NoData);
    }
    // Room for every unit the file can hold saves growing each column by doubling, which
    // can take twice the memory the values need.
    builder.reserve_units(most_units);
    while let Some(line) = rows.next(builder) {
        let row = &rows.record;
        if is_blank(row) || !layout.check_length(builder, line, row) {
            continue;
        }
        let Some(unit) = layout.unit(builder, line, row) else {
            continue;
        };
        let Some(unit) = builder.unit_row(unit, line) else {
            continue;
        };
        for &(column, position, source) in &values {
            let at = (line, position as u64 + 1);
            // Native builds only: the calculator's module reads every cell through
            // `text_value` (the same values and notes), which keeps it 190 B smaller.
            #[cfg(not(target_arch = "wasm32"))]
            if source.is_none() {
                let text = restore(trim(get(row, position).unwrap_or("")));
                if builder.plain_value(unit, column, text, at) {
                    continue;
                }
            }
            let source = source
                .and_then(|p| get(row, p))
                .map(|t| restore(trim(t)))
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            let text = restore(trim(get(row, position).unwrap_or("")));
            builder.text_value(unit, column, text, at, source);
        }
    }
}

fn read_long(builder: &mut Builder, layout: &Layout, rows: &mut Rows) {
    let at = |wanted| layout.position(wanted);
    let (indicator, value) = (at(Field::Indicator), at(Field::Value));
    let (numerator, denominator, source) = (
        at(Field::Numerator),
        at(Field::Denominator),
        at(Field::Source),
    );
    while let Some(line) = rows.next(builder) {
        let row = &rows.record;
        if is_blank(row) || !layout.check_length(builder, line, row) {
            continue;
        }
        let Some(unit) = layout.unit(builder, line, row) else {
            continue;
        };
        let cell =
            |column: Option<usize>| restore(trim(column.and_then(|c| get(row, c)).unwrap_or("")));
        let code = cell(indicator);
        if code.is_empty() {
            let location = builder
                .location(line, indicator.unwrap_or(0) as u64 + 1)
                .unit(unit.code.as_str());
            builder.error(
                location,
                Problem::BadValue {
                    text: String::new(),
                },
            );
            continue;
        }
        let Some(unit) = builder.unit_entry(unit, line) else {
            // A row of another year is reported and left out; a limit stops the reader.
            if builder.stopped() {
                return;
            }
            continue;
        };
        let Some(column) = builder.column(code, line) else {
            return;
        };
        let note = Some(cell(source).to_string()).filter(|s| !s.is_empty());
        let column_of = |c: Option<usize>| c.unwrap_or(0) as u64 + 1;
        match (cell(value), cell(numerator), cell(denominator)) {
            ("", "", "") => {}
            ("", top, bottom) if !top.is_empty() && !bottom.is_empty() => {
                let texts = [
                    (top, column_of(numerator)),
                    (bottom, column_of(denominator)),
                ];
                builder.ratio(unit, column, texts, line, note);
            }
            ("", top, bottom) => {
                let missing = if top.is_empty() {
                    numerator
                } else {
                    denominator
                };
                let text = format!("{top}/{bottom}");
                let location = builder.location(line, column_of(missing));
                let location = Location {
                    unit: Some(cell(Some(layout.unit_column)).into()),
                    ..location
                }
                .indicator(code);
                builder.error(location, Problem::BadValue { text });
            }
            (_, top, bottom) if !top.is_empty() || !bottom.is_empty() => {
                let location = builder.location(line, column_of(value));
                let location = Location {
                    unit: Some(cell(Some(layout.unit_column)).into()),
                    ..location
                }
                .indicator(code);
                builder.error(location, Problem::ValueAndRatio);
            }
            (text, _, _) => builder.text_value(unit, column, text, (line, column_of(value)), note),
        }
    }
}
