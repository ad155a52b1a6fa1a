//! Writing CSV text: the one writer behind every CSV the tools produce (data files written by
//! the COINr import, templates, result tables), and the rule that keeps those files safe to
//! open in a spreadsheet.
//!
//! A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` as a formula, and some
//! drop a leading tab or carriage return and then do the same. A unit named
//! `=HYPERLINK("http://x","y")` would become a live link in whoever opens the results. Every
//! text cell the tools write goes through [`neutralise`], which puts a `'` in front of such a
//! cell (the rule OWASP recommends; spreadsheets show the text without the `'`); numbers such
//! as `-0.5` or `+0,0296` are left as they are. The readers undo it with [`restore`], so a name
//! written and read back is the same text.

use std::borrow::Cow;

/// Rows of cells as CSV text with the given delimiter, quoting cells that need it and
/// neutralising cells a spreadsheet would take for a formula; one line per row, each ended by
/// a newline.
///
/// ```
/// let text = dti_core::csv_writer::to_csv(
///     &[vec!["code".into(), "name".into()], vec!["46".into(), "Huế, Thừa Thiên".into()], vec!["47".into(), "=1+1".into()]],
///     b',',
/// );
/// assert_eq!(text, "code,name\n46,\"Huế, Thừa Thiên\"\n47,'=1+1\n");
/// ```
pub fn to_csv(rows: &[Vec<String>], delimiter: u8) -> String {
    let mut text = String::new();
    for row in rows {
        push_row(
            &mut text,
            row.iter().map(|cell| neutralise(cell)),
            delimiter,
        );
    }
    text
}

/// Appends one row to `out` as a line of CSV: the cells as they are given (a text cell goes
/// through [`neutralise`] first), separated by `delimiter`, a cell in double quotes when it
/// holds the delimiter, a double quote or a line break (its quotes doubled), and a newline at
/// the end. A row of one empty cell is written `""`, so that it is not an empty line. This is
/// the csv crate's writer's rule (the tests compare the two); writing into one string makes no
/// allocation per cell, which a million units' thirteen million rows need.
///
/// ```
/// let mut text = String::new();
/// dti_core::csv_writer::push_row(&mut text, ["46", "Huế, Thừa Thiên", "say \"hi\""], b',');
/// dti_core::csv_writer::push_row(&mut text, [""], b',');
/// assert_eq!(text, "46,\"Huế, Thừa Thiên\",\"say \"\"hi\"\"\"\n\"\"\n");
/// ```
pub fn push_row<S: AsRef<str>>(
    out: &mut String,
    cells: impl IntoIterator<Item = S>,
    delimiter: u8,
) {
    let start = out.len();
    let mut count = 0;
    for cell in cells {
        if count > 0 {
            out.push(char::from(delimiter));
        }
        push_cell(out, cell.as_ref(), delimiter);
        count += 1;
    }
    if count == 1 && out.len() == start {
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// Appends one cell as [`push_row`] writes it, quoted when it must be (the cell as it is
/// given: a text cell goes through [`neutralise`] first). For writers that put a row together
/// from pieces, such as a unit's cells written once for all its rows.
///
/// ```
/// let mut text = String::new();
/// dti_core::csv_writer::push_cell(&mut text, "Huế, Thừa Thiên", b',');
/// assert_eq!(text, "\"Huế, Thừa Thiên\"");
/// ```
pub fn push_cell(out: &mut String, cell: &str, delimiter: u8) {
    let special = |b: u8| b == delimiter || matches!(b, b'"' | b'\r' | b'\n');
    if !cell.bytes().any(special) {
        out.push_str(cell);
        return;
    }
    out.push('"');
    for (i, part) in cell.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

/// A cell as written to CSV: `'` put in front of text a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) and in front of text that
/// already looks neutralised, so that [`restore`] gives back exactly the original. Numbers
/// (`-0.5`, `+3`, `-1,25`, `-2e-3`, `-5%`) are not touched.
///
/// ```
/// use dti_core::csv_writer::{neutralise, restore};
///
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
/// assert_eq!(neutralise("\t=1+1"), "'\t=1+1");
/// assert_eq!(neutralise("-0.0100"), "-0.0100");
/// assert_eq!(neutralise("Quảng Ninh"), "Quảng Ninh");
/// for name in ["=1+1", "'=1+1", "''-x", "-", "'plain"] {
///     assert_eq!(restore(&neutralise(name)), name);
/// }
/// ```
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_quote(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as read from CSV: the `'` that [`neutralise`] added taken off again; any other text
/// is returned as it is (a `'` before ordinary text stays).
///
/// ```
/// use dti_core::csv_writer::restore;
///
/// assert_eq!(restore("'=1+1"), "=1+1");
/// assert_eq!(restore("'Tis"), "'Tis");
/// assert_eq!(restore("-5"), "-5");
/// ```
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

/// True when `cell` must be written with a `'` in front: it starts with a formula character
/// and is not a number, or it starts with `'` before such text (so that reading it back
/// cannot take off a `'` that was there).
fn needs_quote(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(rest)
}

/// A plain number as the tools write them: an optional sign, digits with at most one decimal
/// point or comma, an optional exponent and an optional `%`.
fn is_number(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let body = body.strip_suffix('%').unwrap_or(body);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (body, None),
    };
    let mut digits = 0;
    let mut separators = 0;
    for c in mantissa.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' | ',' => separators += 1,
            _ => return false,
        }
    }
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    digits > 0 && separators <= 1 && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same rows written by the csv crate's writer, which `push_row` must match byte
    /// for byte.
    fn by_csv_crate(rows: &[Vec<String>], delimiter: u8) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(Vec::new());
        for row in rows {
            for cell in row {
                writer.write_field(cell.as_bytes()).unwrap();
            }
            writer.write_record(None::<&[u8]>).unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    proptest! {
        #[test]
        fn rows_are_written_as_the_csv_crate_writes_them(
            rows in prop::collection::vec(
                prop::collection::vec("[a;,\"\r\n =ế'\t-]{0,6}", 1..5),
                0..6,
            ),
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let mut text = String::new();
            for row in &rows {
                push_row(&mut text, row, delimiter);
            }
            prop_assert_eq!(text, by_csv_crate(&rows, delimiter));
        }
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "=1+1",
            "@SUM(1)",
            "=cmd|' /C calc'!A0",
            "+A1",
            "-A1",
            "-",
            "+",
            "\t=1+1",
            "\r=1+1",
            "-1+1",
            "--5",
            "-5e",
            "-1.2.3",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula:?}");
        }
        for kept in [
            "", "-0.5", "+0.0296", "-1,25", "-2e-3", "-5%", "+3", "1", "a=b", "'", "'x", " =1",
        ] {
            assert_eq!(neutralise(kept), kept, "{kept:?}");
        }
    }

    #[test]
    fn every_cell_reads_back_as_written() {
        for text in [
            "=1+1", "'=1+1", "''=1+1", "'", "''", "'x", "x", "-0.5", "'-0.5", "'-x", "@", "\t",
            "'\t", "-", "",
        ] {
            assert_eq!(restore(&neutralise(text)), text, "{text:?}");
        }
    }

    #[test]
    fn the_data_reader_reads_neutralised_names_back() {
        let names = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "=1+1",
            "@SUM(1)",
            "=cmd|' /C calc'!A0",
            "\t=1+1",
            "'=1+1",
        ];
        let mut rows = vec![vec![
            "code".to_string(),
            "name".into(),
            "group".into(),
            "I1".into(),
        ]];
        for name in names {
            rows.push(vec![
                format!("-{name}"),
                name.to_string(),
                name.to_string(),
                "-0.5".into(),
            ]);
        }
        let text = to_csv(&rows, b',');
        assert!(text.contains("\n'-=1+1,'=1+1,'=1+1,-0.5\n"), "{text}");
        let parsed = crate::Dataset::from_csv(&text, None);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let units = parsed.dataset.units();
        for (unit, name) in units.iter().zip(names) {
            assert_eq!(unit.code, format!("-{name}"));
            assert_eq!(unit.name.as_deref(), Some(name));
            assert_eq!(unit.group.as_deref(), Some(name));
        }
        assert_eq!(
            parsed.dataset.value(0, 0),
            Some(crate::Value::Number { value: -0.5 })
        );
    }
}
