//! Limits that turn hostile or broken input into one clear error instead of exhausted memory.
//!
//! Every reader checks the size of what it is given before it allocates in proportion to it,
//! and stops at the first limit it meets with a [`Problem::TooLarge`] error naming the limit.
//! The defaults are far above real use (the 2022 DTI is 63 provinces × 9 indicators; a
//! commune-level data set is about 10,000 units × 1,000 indicators) and well below what
//! exhausts a laptop:
//!
//! ```
//! use dti_core::{Dataset, Limits};
//!
//! let limits = Limits { max_columns: 5, ..Limits::default() };
//! let parsed = Dataset::from_csv_with("code,a,b,c,d,e,f\n1,1,2,3,4,5,6\n", None, &limits);
//! assert_eq!(parsed.diagnostics[0].to_string(), "line 1: more than the limit of 5 columns");
//! ```
//!
//! [`Dataset::from_csv`](crate::Dataset::from_csv) and the other readers without `_with` use
//! [`Limits::default`]. Frameworks are read under limits by [`read_framework`];
//! [`Framework::parse`] itself trusts its input (the embedded frameworks, files the user chose).

#[cfg(feature = "toml")]
use crate::diagnostic::Failure;
use crate::diagnostic::{Diagnostic, Location, Problem};
#[cfg(feature = "toml")]
use crate::framework::{Framework, NodeKind};
use crate::text::Lang;

/// The largest inputs the readers accept. Every field is a maximum; `0` refuses everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of text in one file. Default 256 MiB: four times the 10,000 × 1,000 benchmark
    /// file (64 MiB), so a whole commune-level data set fits.
    pub max_bytes: usize,
    /// Records in a CSV file, header included. Default 1,000,000.
    pub max_rows: usize,
    /// Fields in one CSV record. Default 20,000.
    pub max_columns: usize,
    /// Distinct units (rows of a wide file, unit codes of a long one). Default 1,000,000.
    pub max_units: usize,
    /// Distinct indicator codes in a data set. Default 20,000.
    pub max_indicators: usize,
    /// Units × indicators, the size of the value grid the reader fills (each value takes
    /// 13 bytes, and 8 more once checked). Default 25,000,000: about 525 MB at most, 2.5
    /// times the benchmark case.
    pub max_cells: usize,
    /// Bytes in one cell or JSON string. Default 65,536.
    pub max_cell_bytes: usize,
    /// Bytes a compressed file (an .xlsx or .ods workbook, which is a ZIP archive) may unpack
    /// to, all its parts together. A reader of such a file checks both the sizes the archive
    /// declares and the bytes it actually unpacks against this limit before the workbook is
    /// parsed. Default 256 MiB, the same as `max_bytes`: a workbook may hold as much text as
    /// a CSV file.
    pub max_unpacked_bytes: usize,
    /// Nesting of arrays and objects (tables) in JSON and TOML text. Default 64; the formats
    /// need 5.
    pub max_depth: usize,
    /// Indicators and aggregates in a framework. Default 100,000.
    pub max_framework_nodes: usize,
    /// Levels from an index down to its deepest indicator. Default 64; the DTI has 2.
    pub max_framework_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 256 << 20,
            max_rows: 1_000_000,
            max_columns: 20_000,
            max_units: 1_000_000,
            max_indicators: 20_000,
            max_cells: 25_000_000,
            max_cell_bytes: 64 << 10,
            max_unpacked_bytes: 256 << 20,
            max_depth: 64,
            max_framework_nodes: 100_000,
            max_framework_depth: 64,
        }
    }
}

/// What a limit counts. Serialised as the English words the JSON output has always used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Quantity {
    /// Bytes of one file ([`Limits::max_bytes`]).
    #[serde(rename = "bytes")]
    Bytes,
    /// Bytes in one CSV cell ([`Limits::max_cell_bytes`]).
    #[serde(rename = "bytes in a cell")]
    BytesInCell,
    /// Bytes in one JSON string ([`Limits::max_cell_bytes`]).
    #[serde(rename = "bytes in a string")]
    BytesInString,
    /// CSV records ([`Limits::max_rows`]).
    #[serde(rename = "rows")]
    Rows,
    /// Fields of a CSV record ([`Limits::max_columns`]).
    #[serde(rename = "columns")]
    Columns,
    /// Units of a data set ([`Limits::max_units`]).
    #[serde(rename = "units")]
    Units,
    /// Indicator codes of a data set ([`Limits::max_indicators`]).
    #[serde(rename = "indicators")]
    Indicators,
    /// Units × indicators ([`Limits::max_cells`]).
    #[serde(rename = "values (units × indicators)")]
    Values,
    /// Nesting of arrays and tables ([`Limits::max_depth`]).
    #[serde(rename = "levels of nesting")]
    NestingLevels,
    /// Nodes of a framework ([`Limits::max_framework_nodes`]).
    #[serde(rename = "indicators and aggregates")]
    FrameworkNodes,
    /// Levels of a framework ([`Limits::max_framework_depth`]).
    #[serde(rename = "levels of aggregates")]
    AggregateLevels,
}

impl Quantity {
    /// What is counted, in words.
    pub fn name(self, lang: Lang) -> &'static str {
        crate::words::quantity(self, lang)
    }

    /// The `dti` option that raises this limit, when the command line has one; the other
    /// limits are fixed.
    pub fn cli_option(self) -> Option<&'static str> {
        match self {
            Quantity::Bytes => Some("--max-file-mb"),
            Quantity::Rows => Some("--max-rows"),
            Quantity::Columns => Some("--max-columns"),
            _ => None,
        }
    }
}

/// A [`Problem::TooLarge`] error.
pub(crate) fn too_large(location: Location, what: Quantity, limit: usize) -> Diagnostic {
    Diagnostic::error(
        location,
        Problem::TooLarge {
            what,
            limit: limit as u64,
        },
    )
}

/// The line where the nesting of `[`/`{` in JSON or TOML text first exceeds `limit`, ignoring
/// brackets inside strings and TOML comments. (Both parsers also stop at their own recursion
/// limit, 128; this check gives the clearer message, and a configurable limit.) Dotted TOML
/// keys are left to the TOML parser's recursion limit.
pub(crate) fn nesting_beyond(text: &str, limit: usize) -> Option<u64> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut line = 1u64;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'"' => {
                // A basic string; a `"""` multi-line string ends at the next unescaped `"`
                // run too, which is all that matters for skipping its brackets.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'\n' => line += 1,
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The limit a framework's text exceeds before it is parsed (its size or its nesting), if any.
#[cfg(feature = "toml")]
fn framework_text_problem(text: &str, origin: Option<&str>, limits: &Limits) -> Option<Diagnostic> {
    if text.len() > limits.max_bytes {
        return Some(too_large(
            Location::file(origin),
            Quantity::Bytes,
            limits.max_bytes,
        ));
    }
    if let Some(line) = nesting_beyond(text, limits.max_depth) {
        let location = Location::file(origin).at(line, 1);
        return Some(too_large(
            location,
            Quantity::NestingLevels,
            limits.max_depth,
        ));
    }
    None
}

/// The limit a parsed framework exceeds (node count or depth), if any.
#[cfg(feature = "toml")]
fn framework_shape_problem(
    framework: &Framework,
    origin: Option<&str>,
    limits: &Limits,
) -> Option<Diagnostic> {
    let nodes = framework.nodes();
    if nodes.len() > limits.max_framework_nodes {
        return Some(too_large(
            Location::file(origin),
            Quantity::FrameworkNodes,
            limits.max_framework_nodes,
        ));
    }
    // Nodes come children first, so one pass gives every node's height.
    let mut height = vec![1usize; nodes.len()];
    for (id, node) in nodes.iter().enumerate() {
        if let NodeKind::Aggregate { children, .. } = &node.kind {
            height[id] = 1 + children.iter().map(|e| height[e.child]).max().unwrap_or(0);
            if height[id] > limits.max_framework_depth {
                let location = Location::file(origin).aggregate(&node.code);
                return Some(too_large(
                    location,
                    Quantity::AggregateLevels,
                    limits.max_framework_depth,
                ));
            }
        }
    }
    None
}

/// Reads a framework (TOML or JSON, as [`Framework::parse`]) from text that may be hostile:
/// its size, nesting, node count and depth are checked against `limits`.
///
/// ```
/// use dti_core::{Limits, limits::read_framework};
///
/// let text = "[".repeat(100_000);
/// let failure = read_framework(&text, Some("deep.toml"), &Limits::default()).unwrap_err();
/// assert_eq!(
///     failure.diagnostics[0].to_string(),
///     "deep.toml:1:1: more than the limit of 64 levels of nesting"
/// );
/// ```
#[cfg(feature = "toml")]
pub fn read_framework(
    text: &str,
    origin: Option<&str>,
    limits: &Limits,
) -> Result<Framework, Failure> {
    let fail = |diagnostic| Failure {
        diagnostics: vec![diagnostic],
    };
    if let Some(problem) = framework_text_problem(text, origin, limits) {
        return Err(fail(problem));
    }
    let framework = Framework::parse(text, origin)?;
    match framework_shape_problem(&framework, origin, limits) {
        Some(problem) => Err(fail(problem)),
        None => Ok(framework),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_ignores_brackets_in_strings_and_comments() {
        assert_eq!(nesting_beyond(r#"{"a": "[[[[", "b": [1]}"#, 2), None);
        assert_eq!(nesting_beyond("# [[[[[\nx = '[[[['\n", 1), None);
        assert_eq!(nesting_beyond(r#"{"a": "\"[[[", "b": [[1]]}"#, 2), Some(1));
        assert_eq!(nesting_beyond("a = 1\nb = [[[\n", 2), Some(2));
    }
}
