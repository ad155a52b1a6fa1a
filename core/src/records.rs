//! The records of a CSV text, for data files ([`crate::csv_reader`]) and side files
//! ([`crate::side_file`]): RFC 4180 quoting, read as the `csv` crate read them before (its
//! tests below compare the two on random texts), without copying the text.
//!
//! - A record ends at `\n`, `\r\n` or a lone `\r`; empty lines between records are skipped.
//! - A cell that starts with `"` is quoted: it may hold the separator and line breaks, and `""`
//!   inside it is one `"`. What follows its closing quote up to the next separator is kept as
//!   written (`"ab"cd` is `abcd`); a quote that is not at the start of a cell is kept as written
//!   (`ab"c`), and a quote left open runs to the end of the text ([`Records::open_quote`] says
//!   where it opened: the data reader makes it an error).
//! - Rows may have any number of cells.
//!
//! Cells are slices of the text; only a quoted cell with `""` or text after its closing quote
//! is copied. The cells of a row go into one vector reused from row to row, so reading
//! allocates nothing per row or cell. Each record carries the 1-based line it starts on,
//! counting every `\n` before it (line breaks inside quoted cells included).

use std::borrow::Cow;

/// The records of a text, one at a time.
pub(crate) struct Records<'t> {
    text: &'t str,
    /// The byte the next record is looked for from.
    at: usize,
    /// The line of byte `at`.
    line: u64,
    delimiter: u8,
    /// Lines starting with this byte (at the start of a record) are left out, up to their `\n`.
    comment: Option<u8>,
    /// The line and 1-based cell of a quote left open, which took the rest of the text.
    open_quote: Option<(u64, u64)>,
}

impl<'t> Records<'t> {
    /// The records of `text`, whose first line is line `first_line`.
    pub(crate) fn new(text: &'t str, delimiter: u8, first_line: u64) -> Records<'t> {
        Records {
            text,
            at: 0,
            line: first_line,
            delimiter,
            comment: None,
            open_quote: None,
        }
    }

    /// Leaves out the lines that start with `comment` where a record would start.
    pub(crate) fn comment(mut self, comment: u8) -> Records<'t> {
        self.comment = Some(comment);
        self
    }

    /// Where a quote was left open (its line and 1-based cell), if one was: that cell ran to
    /// the end of the text, taking every record after it.
    pub(crate) fn open_quote(&self) -> Option<(u64, u64)> {
        self.open_quote
    }

    /// The byte the next record is looked for from: every cell of a record lies between this
    /// offset before and after reading it.
    pub(crate) fn offset(&self) -> usize {
        self.at
    }

    /// Reads the next record's cells into `cells` (cleared first) and returns the line it
    /// starts on; `None` at the end of the text.
    pub(crate) fn next_into(&mut self, cells: &mut Vec<Cow<'t, str>>) -> Option<u64> {
        cells.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        // Empty lines and comments before the record.
        loop {
            match bytes.get(self.at) {
                None => return None,
                Some(b'\n') => {
                    self.line += 1;
                    self.at += 1;
                }
                Some(b'\r') => {
                    self.at += 1;
                    self.line += u64::from(bytes.get(self.at) != Some(&b'\n'));
                }
                Some(&byte) if Some(byte) == self.comment => {
                    // Up to its `\n`, as the csv crate read side files.
                    match memchr(b'\n', &bytes[self.at..]) {
                        Some(end) => {
                            // A lone `\r` in it still ends a line in an editor.
                            self.line += count_newlines(&bytes[self.at..=self.at + end]);
                            self.at += end + 1;
                        }
                        None => self.at = bytes.len(),
                    }
                }
                Some(_) => break,
            }
        }
        let line = self.line;
        let delimiter = self.delimiter;
        let mut at = self.at;
        loop {
            // One cell, starting at `at`.
            let (cell, end) = if bytes.get(at) == Some(&b'"') {
                self.quoted(at + 1, cells.len() as u64 + 1)
            } else {
                let end = cell_end(bytes, at, delimiter);
                (Cow::Borrowed(text.get(at..end).unwrap_or_default()), end)
            };
            cells.push(cell);
            match bytes.get(end) {
                Some(&byte) if byte == delimiter => at = end + 1,
                Some(b'\n') => {
                    self.line += 1;
                    self.at = end + 1;
                    return Some(line);
                }
                Some(_) => {
                    // `\r`: a `\n` after it is skipped with the empty lines, and a lone `\r`
                    // ends a line of its own (the old Mac line end Excel still writes).
                    self.at = end + 1;
                    self.line += u64::from(bytes.get(self.at) != Some(&b'\n'));
                    return Some(line);
                }
                None => {
                    self.at = end;
                    return Some(line);
                }
            }
        }
    }

    /// A quoted cell whose text starts at byte `start` (after its opening quote), the
    /// `column`th of its record: the cell and the byte just after it (a separator, a line break
    /// or the end of the text).
    fn quoted(&mut self, start: usize, column: u64) -> (Cow<'t, str>, usize) {
        let opened = self.line;
        let text = self.text;
        let bytes = text.as_bytes();
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            let Some(quote) = memchr(b'"', &bytes[from..]).map(|q| from + q) else {
                // Left open: the cell runs to the end of the text.
                self.open_quote = Some((opened, column));
                self.line += count_newlines(&bytes[from..]);
                let cell = match owned {
                    Some(mut owned) => {
                        owned.push_str(text.get(from..).unwrap_or_default());
                        Cow::Owned(owned)
                    }
                    None => Cow::Borrowed(text.get(from..).unwrap_or_default()),
                };
                return (cell, bytes.len());
            };
            self.line += count_newlines(&bytes[from..quote]);
            if bytes.get(quote + 1) == Some(&b'"') {
                // `""`: one quote, and the cell goes on.
                owned
                    .get_or_insert_with(String::new)
                    .push_str(text.get(from..=quote).unwrap_or_default());
                from = quote + 2;
                continue;
            }
            // The closing quote; what follows up to the next separator is kept as written.
            let after = quote + 1;
            let end = cell_end(bytes, after, self.delimiter);
            let cell = match owned {
                None if end == after => Cow::Borrowed(text.get(from..quote).unwrap_or_default()),
                owned => {
                    let mut owned = owned.unwrap_or_default();
                    owned.push_str(text.get(from..quote).unwrap_or_default());
                    owned.push_str(text.get(after..end).unwrap_or_default());
                    Cow::Owned(owned)
                }
            };
            return (cell, end);
        }
    }
}

/// The end of an unquoted cell starting at byte `at`: the next separator or line break, or the
/// end of the text. Eight bytes at a time ([`stops`]), then byte by byte for the last few.
fn cell_end(bytes: &[u8], at: usize, delimiter: u8) -> usize {
    let mut from = at;
    while let Some(word) = word_at(bytes, from) {
        let found = stops(word, delimiter);
        if found != 0 {
            return from + first_marked(found);
        }
        from += 8;
    }
    cell_end_bytewise(bytes, from, delimiter)
}

/// [`cell_end`] a byte at a time (and the reference its tests hold it to).
fn cell_end_bytewise(bytes: &[u8], at: usize, delimiter: u8) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |end| at + end)
}

/// The first `needle` in `bytes`, eight bytes at a time.
fn memchr(needle: u8, bytes: &[u8]) -> Option<usize> {
    let pattern = spread(needle);
    let mut from = 0;
    while let Some(word) = word_at(bytes, from) {
        let found = zero_bytes(word ^ pattern);
        if found != 0 {
            return Some(from + first_marked(found));
        }
        from += 8;
    }
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|end| from + end)
}

/// The eight bytes from `at` as one little-endian word (the first byte lowest), if there are
/// eight.
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// `byte` in each of a word's eight bytes.
const fn spread(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The high bit of each zero byte of `word` set, and others possibly set above the lowest
/// zero byte (a borrow runs upwards), never below it: the lowest bit set marks the first zero
/// byte exactly.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(spread(1)) & !word & spread(0x80)
}

/// The bytes of `word` that end an unquoted cell (the separator, `\n`, `\r`), marked as
/// [`zero_bytes`] marks them: the lowest mark is the first such byte.
fn stops(word: u64, delimiter: u8) -> u64 {
    zero_bytes(word ^ spread(delimiter))
        | zero_bytes(word ^ spread(b'\n'))
        | zero_bytes(word ^ spread(b'\r'))
}

/// The position in its word of the byte the lowest mark of `marks` (not 0) stands for.
fn first_marked(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

/// How many times `needle` occurs in `bytes`: in blocks of up to 255 bytes, each counted in a
/// byte-wide sum the compiler vectorises (sixteen or more bytes an instruction), where a count
/// a byte at a time into a `usize` takes a few instructions a byte.
pub(crate) fn count_byte(bytes: &[u8], needle: u8) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let in_block = block
                .iter()
                .fold(0u8, |count, &b| count + u8::from(b == needle));
            usize::from(in_block)
        })
        .sum()
}

/// The line breaks in `bytes`: `\n`, and `\r` not followed by `\n`.
fn count_newlines(bytes: &[u8]) -> u64 {
    let lone_returns = bytes
        .windows(2)
        .filter(|pair| pair[0] == b'\r' && pair[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'));
    (count_byte(bytes, b'\n') + lone_returns) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(text, delimiter, 1);
        let mut cells = Vec::new();
        let mut read = Vec::new();
        while let Some(line) = records.next_into(&mut cells) {
            read.push((line, cells.iter().map(|c| c.to_string()).collect()));
        }
        read
    }

    /// The same text read by the csv crate, with each record's line found from the byte the
    /// crate places it at (just after the record before, so empty lines are stepped over).
    fn by_csv_crate(text: &str, delimiter: u8, comment: Option<u8>) -> Vec<(u64, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .comment(comment)
            .from_reader(text.as_bytes());
        let mut read = Vec::new();
        for record in reader.records() {
            let record = record.unwrap();
            let mut at = record.position().unwrap().byte() as usize;
            loop {
                match text.as_bytes().get(at) {
                    Some(b'\r' | b'\n') => at += 1,
                    Some(&b) if Some(b) == comment => {
                        at += text[at..].find('\n').map_or(text.len() - at, |n| n + 1);
                    }
                    _ => break,
                }
            }
            if at == text.len() {
                // A `#` line at the very end, without its `\n`, which the csv crate read as
                // a record of one empty cell (side files leave empty records out anyway).
                continue;
            }
            let line = count_newlines(&text.as_bytes()[..at]) + 1;
            read.push((line, record.iter().map(str::to_string).collect()));
        }
        read
    }

    #[test]
    fn lines_are_counted_as_an_editor_numbers_them() {
        let lines = |text: &str| -> Vec<u64> { read(text, b',').iter().map(|r| r.0).collect() };
        // LF, CRLF and the lone CR of Excel's "CSV (Macintosh)", with blank lines between.
        assert_eq!(lines("a\nb\n\nc"), [1, 2, 4]);
        assert_eq!(lines("a\r\nb\r\n\r\nc"), [1, 2, 4]);
        assert_eq!(lines("a\rb\r\rc"), [1, 2, 4]);
        // Line breaks inside a quoted cell count too.
        assert_eq!(lines("\"x\ry\"\rb\n\"p\r\nq\"\nc"), [1, 3, 4, 6]);
    }

    #[test]
    fn reads_quotes_as_the_csv_crate_did() {
        let text = "a,\"b,\"\"c\"\"\nd\",e\r\n\r\n\"x\"y,z\"w,\"open\nend";
        assert_eq!(
            read(text, b','),
            [
                (1, vec!["a".into(), "b,\"c\"\nd".into(), "e".into()]),
                (4, vec!["xy".into(), "z\"w".into(), "open\nend".into()]),
            ]
        );
        assert_eq!(read(text, b','), by_csv_crate(text, b',', None));
        let empty = || String::new();
        assert_eq!(
            read("a,\n,", b','),
            [(1, vec!["a".into(), empty()]), (2, vec![empty(), empty()])]
        );
    }

    #[test]
    fn counts_bytes_across_blocks() {
        for length in [0usize, 1, 254, 255, 256, 510, 511, 1000] {
            let text: Vec<u8> = (0..length)
                .map(|i| if i % 3 == 0 { b'\n' } else { b'a' })
                .collect();
            assert_eq!(count_byte(&text, b'\n'), length.div_ceil(3), "{length}");
            assert_eq!(count_byte(&vec![b'\n'; length], b'\n'), length);
        }
    }

    #[test]
    fn borrows_every_cell_that_needs_no_unquoting() {
        let text = "a,\"b,c\",\"d\"\"\"";
        let mut records = Records::new(text, b',', 1);
        let mut cells = Vec::new();
        records.next_into(&mut cells);
        let borrowed: Vec<bool> = cells
            .iter()
            .map(|c| matches!(c, Cow::Borrowed(_)))
            .collect();
        assert_eq!(borrowed, [true, true, false]);
    }

    proptest! {
        /// The word-wise scans stop where the byte-wise ones do, at every starting point.
        #[test]
        fn word_scans_stop_where_byte_scans_stop(
            text in proptest::collection::vec(
                prop_oneof![Just(b','), Just(b';'), Just(b'\n'), Just(b'\r'), Just(b'"'),
                    Just(0u8), Just(0x80u8), Just(0xffu8), any::<u8>(), b'a'..=b'z'],
                0..40,
            ),
            at in 0usize..40,
            semicolon in any::<bool>(),
        ) {
            let at = at.min(text.len());
            let delimiter = if semicolon { b';' } else { b',' };
            prop_assert_eq!(cell_end(&text, at, delimiter), cell_end_bytewise(&text, at, delimiter));
            let quote = text[at..].iter().position(|&b| b == b'"');
            prop_assert_eq!(memchr(b'"', &text[at..]), quote);
            let newlines = text.iter().filter(|&&b| b == b'\n').count();
            prop_assert_eq!(count_byte(&text, b'\n'), newlines);
        }

        #[test]
        fn records_and_lines_are_the_csv_crates(
            text in "[a;,\"\r\n #é\t]{0,40}|([a-z0-9é ]{0,20}[;,\"\r\n]){0,8}",
            semicolon in any::<bool>(),
            comments in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let comment = comments.then_some(b'#');
            let mut records = Records::new(&text, delimiter, 1);
            if let Some(comment) = comment {
                records = records.comment(comment);
            }
            let mut cells = Vec::new();
            let mut read = Vec::new();
            while let Some(line) = records.next_into(&mut cells) {
                read.push((line, cells.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
            }
            prop_assert_eq!(read, by_csv_crate(&text, delimiter, comment));
        }
    }
}
