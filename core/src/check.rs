//! Checking a data set against a framework, and putting its values into the indicators' units:
//! from a [`Dataset`] to the [`Table`] the engine computes with.

use std::sync::Arc;

use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Location, Problem, Severity};
use crate::framework::{Framework, MissingPolicy, Unit};
use crate::table::Table;
use crate::value::Value;
use crate::values::Values;

/// What checking found: the usable values and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// One column per indicator of the framework, in the framework's order, each value in its
    /// indicator's unit and within its range (values with errors are left out), then one column
    /// per denominator the framework names and the data has.
    pub table: Table,
    /// Errors, warnings and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks every value of the data against the framework: units, ranges, unknown columns and
/// missing values. Never stops at the first problem.
pub fn check(framework: &Framework, data: &Dataset) -> Checked {
    let mut diagnostics = Vec::new();
    let file = data.name();
    let denominators = framework.denominators();
    let mut columns: Vec<String> = framework
        .indicators()
        .map(|id| framework.node(id).code.clone())
        .collect();
    let indicator_count = columns.len();
    let given_denominators: Vec<&str> = denominators
        .iter()
        .copied()
        .filter(|d| data.column(d).is_some() && framework.find(d).is_none())
        .collect();
    columns.extend(given_denominators.iter().map(|d| d.to_string()));
    let mut table = Table::of_units(data.shared_units(), columns);
    if data.units().is_empty() {
        diagnostics.push(Diagnostic::error(Location::file(file), Problem::NoData));
    }
    for (row, unit) in data.units().iter().enumerate() {
        if let Some(label) = summary_label(unit) {
            let mut location = Location::file(file).unit(unit.code.as_str());
            location.line = (0..data.columns().len()).find_map(|c| Some(data.origin(row, c)?.0));
            let label = label.to_string();
            diagnostics.push(Diagnostic::error(location, Problem::SummaryRow { label }));
        }
    }
    for code in data.columns() {
        let known = match framework.find(code) {
            Some(id) if !framework.node(id).is_indicator() => {
                let location = Location::file(file).aggregate(code);
                diagnostics.push(Diagnostic::note(location, Problem::ComputedColumn));
                continue;
            }
            Some(_) => true,
            None => denominators.contains(&code.as_str()),
        };
        if known {
            continue;
        }
        let location = Location::file(file).indicator(code);
        match indicator_in_other_case(framework, data, code) {
            Some(id) => {
                let code = framework.node(id).code.clone();
                diagnostics.push(Diagnostic::note(location, Problem::CodeCase { code }));
            }
            None => diagnostics.push(Diagnostic::warning(location, Problem::UnknownIndicator)),
        }
    }
    let mut names = Names::new(file, data.units());
    for (position, id) in framework.indicators().enumerate() {
        let node = framework.node(id);
        let column = indicator_column(framework, data, &node.code);
        let missing = missing_value(framework, id);
        let mut cells = Values::missing(data.units().len());
        // Native builds: a value written as a plain number within the range of an indicator
        // not valued yes/no (nearly every value) is taken as `plain_in_range` below takes it,
        // without building its `Value` first.
        #[cfg(not(target_arch = "wasm32"))]
        let plain = column
            .filter(|_| node.unit != Unit::YesNo)
            .and_then(|c| data.plain_numbers(c));
        for row in 0..data.units().len() {
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(x) = plain.as_ref().and_then(|numbers| numbers.get(row))
                && x.is_finite()
                && node.range.contains(x)
                && cells.set(row, Some(x)).is_ok()
            {
                continue;
            }
            let Some(value) = column.and_then(|c| data.value(row, c)) else {
                if let Some((severity, policy)) = missing {
                    let location = names.location(row, &node.code);
                    diagnostics.push(Diagnostic {
                        severity,
                        location,
                        problem: Problem::MissingValue { policy },
                    });
                }
                continue;
            };
            let mut located = || {
                let location = names.location(row, &node.code);
                match column.and_then(|c| data.origin(row, c)) {
                    Some((line, col)) => location.at(line, col),
                    None => location,
                }
            };
            let checked = match plain_in_range(value, node) {
                Some(x) => Ok(x),
                None => in_indicator_unit(value, node),
            };
            match checked {
                Err(problem) => diagnostics.push(Diagnostic::error(located(), problem)),
                Ok(x) => {
                    // `x` is finite (`in_indicator_unit` says so); the table refuses any other.
                    if cells.set(row, Some(x)).is_err() {
                        let problem = Problem::BadValue {
                            text: overflowed(value),
                        };
                        diagnostics.push(Diagnostic::error(located(), problem));
                    }
                }
            }
        }
        table.replace_column(position, cells);
    }
    // Units but not one value, as in a template nobody filled in: as unusable as an empty
    // file, and one error says so better than a warning for every cell.
    let any_value = framework.indicators().any(|id| {
        indicator_column(framework, data, &framework.node(id).code)
            .is_some_and(|c| data.column_values(c).any(|value| value.is_some()))
    });
    if !data.units().is_empty() && !any_value {
        // The one error below lists the columns the framework does not know: no warning for
        // each of them, nor for each missing value.
        diagnostics.retain(|d| {
            !matches!(
                d.problem,
                Problem::MissingValue { .. } | Problem::UnknownIndicator
            )
        });
        // Columns the framework does not know: most likely a file made for another framework.
        let others: Vec<String> = data
            .columns()
            .iter()
            .filter(|code| framework.find(code).is_none())
            .take(5)
            .cloned()
            .collect();
        let problem = Problem::NoValues { others, fits: None };
        diagnostics.push(Diagnostic::error(Location::file(file), problem));
    }
    for (k, name) in given_denominators.iter().enumerate() {
        let Some(column) = data.column(name) else {
            continue;
        };
        for (row, unit) in data.units().iter().enumerate() {
            let Some(value) = data.value(row, column) else {
                continue;
            };
            let location = || {
                let location = Location::file(file)
                    .unit(unit.code.as_str())
                    .indicator(*name);
                match data.origin(row, column) {
                    Some((line, col)) => location.at(line, col),
                    None => location,
                }
            };
            match value.in_unit(Unit::Number) {
                Ok(x) if x.is_finite() => {
                    let _ = table.set(row, indicator_count + k, Some(x));
                }
                Ok(_) => diagnostics.push(Diagnostic::error(
                    location(),
                    Problem::BadValue {
                        text: overflowed(value),
                    },
                )),
                Err(problem) => diagnostics.push(Diagnostic::error(location(), problem)),
            }
        }
    }
    // A file that also gives aggregates (a DTI column copied from a published table): what
    // its indicators compute must bear those figures out. Scored only for such files.
    let gives_aggregates = data.columns().iter().any(|code| {
        framework
            .find(code)
            .is_some_and(|id| !framework.node(id).is_indicator())
    });
    if gives_aggregates
        && !crate::diagnostic::has_errors(&diagnostics)
        && let Ok(results) = crate::score::compute(framework, &table)
    {
        diagnostics.extend(crate::score::given_aggregates(data, &results));
    }
    Checked { table, diagnostics }
}

/// The data's column of an indicator: the one headed by its code, else the only one headed by
/// its code in other letter case (`i1` for `I1`, as people type codes) that is no code of the
/// framework itself. Every reading of an indicator's cells goes through here, so that a file
/// headed `i1` scores exactly as one headed `I1`.
pub(crate) fn indicator_column(framework: &Framework, data: &Dataset, code: &str) -> Option<usize> {
    if let Some(column) = data.column(code) {
        return Some(column);
    }
    let mut others = data.columns().iter().enumerate().filter(|(_, header)| {
        header.eq_ignore_ascii_case(code) && framework.find(header).is_none()
    });
    match (others.next(), others.next()) {
        (Some((column, _)), None) => Some(column),
        _ => None,
    }
}

/// The indicator a header that is no code of the framework stands for, written in other
/// letter case; `None` when it stands for none, or when another column already has it.
fn indicator_in_other_case(framework: &Framework, data: &Dataset, header: &str) -> Option<usize> {
    framework.indicators().find(|&id| {
        let code = &framework.node(id).code;
        header.eq_ignore_ascii_case(code)
            && indicator_column(framework, data, code)
                .is_some_and(|column| data.columns()[column] == header)
    })
}

/// Nearly every value: a finite number within the range of an indicator not valued yes/no,
/// which [`in_indicator_unit`] returns as it is; taken without its call and the large
/// `Result` it builds. `None` for any other value. Native builds only: the calculator's
/// module counts bytes rather than instructions, and checks every value the general way (the
/// same numbers).
#[cfg(not(target_arch = "wasm32"))]
#[inline]
fn plain_in_range(value: Value, node: &crate::Node) -> Option<f64> {
    match value {
        Value::Number { value: x }
            if node.unit != Unit::YesNo && x.is_finite() && node.range.contains(x) =>
        {
            Some(x)
        }
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
fn plain_in_range(_value: Value, _node: &crate::Node) -> Option<f64> {
    None
}

/// A value in an indicator's unit, finite and within the indicator's range.
fn in_indicator_unit(value: Value, node: &crate::Node) -> Result<f64, Problem> {
    let x = value.in_unit(node.unit)?;
    if !x.is_finite() {
        return Err(Problem::BadValue {
            text: overflowed(value),
        });
    }
    if !node.range.contains(x) {
        // Say it the way it was written: 134 % against 0–100 %, not 1.34 against 0–1.
        let as_percent = matches!(value, Value::Percent { .. }) && node.unit != Unit::Percent;
        let factor = if as_percent { 100.0 } else { 1.0 };
        return Err(Problem::OutOfRange {
            value: x * factor,
            low: node.range.low * factor,
            high: node.range.high * factor,
            symbol: if as_percent {
                "%".into()
            } else {
                node.unit.symbol().into()
            },
        });
    }
    Ok(x)
}

/// One value written as in a data cell (`0,95`, `95%`, `731/1950`, `có`), read for an
/// indicator: in its unit and within its range, as [`check`] reads data files; `None` for a
/// blank or a missing-value mark.
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let i7 = framework.node(framework.find("I7").unwrap());
/// assert_eq!(dti_core::check::read_value(i7, "0,95"), Ok(Some(0.95)));
/// assert_eq!(dti_core::check::read_value(i7, "95%"), Ok(Some(0.95)));
/// assert_eq!(dti_core::check::read_value(i7, ""), Ok(None));
/// assert!(dti_core::check::read_value(i7, "1,5").is_err());
/// ```
pub fn read_value(node: &crate::Node, text: &str) -> Result<Option<f64>, Problem> {
    let text = crate::nfc::compose(text);
    let text = text.as_ref();
    match crate::value::read_cell(text) {
        None => Err(Problem::BadValue {
            text: text.trim().to_string(),
        }),
        Some(crate::value::Reading::Missing) => Ok(None),
        Some(crate::value::Reading::Value {
            grouped: Some(grouped),
            value,
            ..
        }) => Err(Problem::AmbiguousNumber {
            text: text.trim().to_string(),
            decimal: value,
            grouped,
            both_marks: false,
        }),
        Some(crate::value::Reading::Value { value, .. }) => {
            in_indicator_unit(value, node).map(Some)
        }
    }
}

/// The diagnostics for the missing values of a table, as the framework's missing-data policy
/// treats them (the construction pipeline reports them after its steps have run).
#[cfg(feature = "pipeline")]
pub(crate) fn missing_values(
    framework: &Framework,
    table: &Table,
    file: Option<&str>,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut names = Names::new(file, table.units());
    for id in framework.indicators() {
        let Some((severity, policy)) = missing_value(framework, id) else {
            continue;
        };
        let code = &framework.node(id).code;
        let column = table.indicator(framework, id);
        for row in 0..table.units().len() {
            if column.and_then(|c| c.get(row)).is_none() {
                let location = names.location(row, code);
                diagnostics.push(Diagnostic {
                    severity,
                    location,
                    problem: Problem::MissingValue { policy },
                });
            }
        }
    }
    diagnostics
}

/// What the missing-data policy says about a missing value of an indicator (how serious, and
/// the policy its `MissingValue` names); nothing for an indicator that is reported but not scored (the DTI's
/// smart-city indicator). The same for every cell of the indicator.
fn missing_value(framework: &Framework, id: crate::NodeId) -> Option<(Severity, MissingPolicy)> {
    if framework.node(id).is_unscored() {
        return None;
    }
    let policy = framework.missing();
    let severity = match policy {
        MissingPolicy::Zero => Severity::Warning,
        MissingPolicy::Skip => Severity::Note,
        MissingPolicy::Reject => Severity::Error,
    };
    Some((severity, policy))
}

/// The file, unit and indicator names of the diagnostics about cells, each made once when
/// first needed and shared by every diagnostic that gives it: a diagnostic (one per missing
/// cell, half a million in a large file with blanks) then costs no allocation, and a check
/// that finds nothing makes none.
struct Names<'a> {
    file: Option<&'a str>,
    units: &'a [UnitInfo],
    shared_file: Option<Arc<str>>,
    shared_units: Vec<Option<Arc<str>>>,
    indicator: Option<Arc<str>>,
}

impl<'a> Names<'a> {
    fn new(file: Option<&'a str>, units: &'a [UnitInfo]) -> Names<'a> {
        Names {
            file,
            units,
            shared_file: None,
            shared_units: Vec::new(),
            indicator: None,
        }
    }

    /// The place of a unit's (a row's) cell of an indicator: kept out of the loops over the
    /// cells, which only call it when they have something to report.
    #[inline(never)]
    fn location(&mut self, row: usize, code: &str) -> Location {
        let file = match (&self.shared_file, self.file) {
            (Some(shared), _) => Some(Arc::clone(shared)),
            (None, Some(name)) => Some(Arc::clone(self.shared_file.insert(Arc::from(name)))),
            (None, None) => None,
        };
        if self.shared_units.is_empty() {
            self.shared_units.resize(self.units.len(), None);
        }
        let unit =
            self.shared_units[row].get_or_insert_with(|| Arc::from(self.units[row].code.as_str()));
        let unit = Arc::clone(unit);
        let indicator = match &self.indicator {
            Some(shared) if **shared == *code => Arc::clone(shared),
            _ => Arc::clone(self.indicator.insert(Arc::from(code))),
        };
        Location {
            file,
            unit: Some(unit),
            indicator: Some(indicator),
            ..Location::default()
        }
    }
}

/// The name (else the code) of a unit that is a total or an average row, as spreadsheets and
/// published rankings end (`Trung bình cả nước 2023`, `Tổng cộng`, `Average`): a phrase
/// that opens the label, then nothing or a word break. A bare `Trung bình` is also a
/// commune's name, so it counts only beside a code that is no number.
fn summary_label(unit: &UnitInfo) -> Option<&str> {
    let name = unit.name.as_ref().filter(|name| !name.is_empty());
    let text = name.unwrap_or(&unit.code);
    // Tested on its first bytes before it is read as text, which nearly every name fails.
    if !summary_head(text.as_bytes().trim_ascii_start()) {
        return None;
    }
    let label = crate::value::trim(text);
    let word = summary_first_word(label)?;
    let numbered = !unit.code.is_empty() && unit.code.bytes().all(|b| b.is_ascii_digit());
    let rest = |phrases: &[&str]| {
        let first = word.as_bytes().first();
        let mut rests =
            (phrases.iter()).filter(|p| p.as_bytes().first() == first && p.starts_with(word));
        rests.find_map(|phrase| after_phrase(label, phrase))
    };
    let summary = rest(SUMMARY_OPENINGS).is_some()
        || rest(SUMMARY_WHOLE).is_some_and(no_words)
        || (!numbered && rest(SUMMARY_BARE).is_some_and(no_words));
    summary.then_some(label)
}

/// Phrases that open a total's or an average's label, whatever follows them.
const SUMMARY_OPENINGS: &[&str] = &[
    "trung bình cả nước",
    "trung bình chung",
    "trung bình toàn",
    "trung binh ca nuoc",
    "bình quân",
    "binh quan",
    "tổng cộng",
    "tổng số",
    "tong cong",
    "tong so",
    "cả nước",
    "ca nuoc",
    "toàn quốc",
    "toan quoc",
    "toàn tỉnh",
    "toan tinh",
    "cả tỉnh",
    "trung vị",
    "average",
    "national average",
    "mean",
    "median",
    "total",
];

/// Words that are a total's label when nothing but a year or punctuation follows them.
const SUMMARY_WHOLE: &[&str] = &["tổng", "tong", "sum"];

/// The same, but also a commune's name: a total's label only beside a code that is no number.
const SUMMARY_BARE: &[&str] = &["trung bình", "trung binh"];

/// Whether a label may open with a phrase above, by its first two bytes: ASCII letters in
/// lower case, and an accented letter's first byte, the same in either case (0xC3 for `Ì` and
/// `ì`, 0xE1 for `Ổ` and `ổ`). Every phrase passes (a test says so); nearly every place's
/// name fails.
fn summary_head(label: &[u8]) -> bool {
    let [first, second, ..] = *label else {
        return false;
    };
    matches!(
        (first.to_ascii_lowercase(), second.to_ascii_lowercase()),
        (b't', b'r' | b'o' | 0xE1)
            | (b'b', b'i' | 0xC3)
            | (b'c', b'a' | 0xE1)
            | (b'a', b'v')
            | (b'n', b'a')
            | (b'm', b'e')
            | (b's', b'u')
    )
}

/// The label's first word, in lower case, when it opens one of the phrases above, so that
/// only the phrases opening with that word are compared.
fn summary_first_word(label: &str) -> Option<&'static str> {
    const FIRST_WORDS: &[&str] = &[
        "trung", "bình", "binh", "tổng", "tong", "cả", "ca", "toàn", "toan", "average", "national",
        "mean", "median", "total", "sum",
    ];
    let first = label.as_bytes().first()?.to_ascii_lowercase();
    let mut words = FIRST_WORDS
        .iter()
        .filter(|word| word.as_bytes().first() == Some(&first));
    words
        .find(|word| after_phrase(label, word).is_some())
        .copied()
}

/// What follows `phrase` (in lower case) at the start of `label`, in any letter case, when a
/// word ends there.
fn after_phrase<'a>(label: &'a str, phrase: &str) -> Option<&'a str> {
    let mut chars = label.char_indices();
    for wanted in phrase.chars() {
        let (_, c) = chars.next()?;
        if crate::case::lower_char(c) != wanted {
            return None;
        }
    }
    let rest = chars
        .next()
        .map_or("", |(at, _)| label.get(at..).unwrap_or(""));
    (!rest.starts_with(letter)).then_some(rest)
}

/// A letter of a label, as [`summary_first_word`] tells them: an ASCII letter or any
/// character beyond ASCII (without Unicode's tables, which the calculator's module leaves
/// out).
fn letter(c: char) -> bool {
    c.is_ascii_alphabetic() || !c.is_ascii()
}

/// No letters: a year, a colon, spaces.
fn no_words(rest: &str) -> bool {
    !rest.chars().any(letter)
}

/// A finite value whose conversion overflowed (1e308/1e-308, or 1e308 % read as a share),
/// written as it was given (`{:e}`, without the standard library's float printer).
fn overflowed(value: Value) -> String {
    use crate::decimal::exponent_text as e;
    match value {
        Value::Ratio {
            numerator,
            denominator,
        } => format!("{}/{}", e(numerator), e(denominator)),
        Value::Number { value } => e(value),
        Value::Percent { value } => format!("{}%", e(value)),
        Value::YesNo { value } => format!("{value}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAMEWORK: &str = r#"
        id = "t"
        names = { vi = "t", en = "t" }
        missing = "zero"
        [[indicator]]
        code = "a"
        names = { vi = "a", en = "a" }
        unit = "share"
        rule = { method = "rate" }
        [[indicator]]
        code = "b"
        names = { vi = "b", en = "b" }
        unit = "share"
        rule = { method = "rate" }
        [[indicator]]
        code = "c"
        names = { vi = "c", en = "c" }
        unit = "share"
        rule = { method = "rate" }
        [[aggregate]]
        code = "T"
        names = { vi = "T", en = "T" }
        children = ["a", "b", "c"]
    "#;

    /// One diagnostic per missing cell, indicator by indicator in the framework's order and
    /// unit by unit in the file's, with the other problems of the same cells among them where
    /// they are found; each names its file, unit and indicator (shared, but serialized as the
    /// plain strings they always were).
    #[test]
    fn missing_values_are_reported_one_per_cell_in_order() {
        let framework = Framework::from_toml(FRAMEWORK, None).unwrap();
        let text = "code,a,b,c\nX,,0.5,\nY,0.1,,2\nZ,,,0.3\n";
        let parsed = Dataset::from_csv(text, Some("t.csv"));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let checked = check(&framework, &parsed.dataset);
        let seen: Vec<(Severity, &str, &str, &str, Option<u64>)> = checked
            .diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.location.file.as_deref(), Some("t.csv"));
                (
                    d.severity,
                    d.location.unit.as_deref().unwrap(),
                    d.location.indicator.as_deref().unwrap(),
                    d.problem.kind(),
                    d.location.line,
                )
            })
            .collect();
        let missing = |unit, indicator| (Severity::Warning, unit, indicator, "missing_value", None);
        assert_eq!(
            seen,
            [
                missing("X", "a"),
                missing("Z", "a"),
                missing("Y", "b"),
                missing("Z", "b"),
                missing("X", "c"),
                (Severity::Error, "Y", "c", "out_of_range", Some(3)),
            ]
        );
        let json = serde_json::to_string(&checked.diagnostics[0].location).unwrap();
        assert_eq!(json, r#"{"file":"t.csv","unit":"X","indicator":"a"}"#);
    }

    /// As front ends show them: the reader's problems first, then the check's in their order,
    /// without a "no value" for a cell the reader could not read.
    #[test]
    fn merged_diagnostics_keep_their_order_without_echoes() {
        let framework = Framework::from_toml(FRAMEWORK, None).unwrap();
        let text = "code,a,b,c\nX,,0.5,\nY,0.1,zz,2\nZ,,,0.3\n";
        let parsed = Dataset::from_csv(text, Some("t.csv"));
        let checked = check(&framework, &parsed.dataset);
        let merged = crate::diagnostic::merge(&framework, parsed.diagnostics, checked.diagnostics);
        let seen: Vec<(&str, &str, &str)> = merged
            .iter()
            .map(|d| {
                (
                    d.location.unit.as_deref().unwrap(),
                    d.location.indicator.as_deref().unwrap(),
                    d.problem.kind(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("Y", "b", "bad_value"),
                ("X", "a", "missing_value"),
                ("Z", "a", "missing_value"),
                ("Z", "b", "missing_value"),
                ("X", "c", "missing_value"),
                ("Y", "c", "out_of_range"),
            ]
        );
    }

    /// Totals and averages are told apart from places: the phrases open the label and end a
    /// word, in any letter case, with or without diacritics; a bare `Trung bình` is a
    /// commune's name when its code is a number.
    #[test]
    fn summary_rows_are_told_from_units() {
        let unit = |code: &str, name: Option<&str>| UnitInfo {
            name: name.map(Into::into),
            ..UnitInfo::new(code)
        };
        let summaries = [
            unit("TB", Some("Trung bình cả nước 2023")),
            unit("", Some("TRUNG BÌNH CHUNG")),
            unit("x", Some("Trung binh ca nuoc")),
            unit("TB", Some("Trung bình")),
            unit("-", Some("Trung bình:")),
            unit("99", Some("Tổng cộng")),
            unit("99", Some("Tổng")),
            unit("99", Some("Cả nước")),
            unit("00", Some("Toàn tỉnh")),
            unit("avg", Some("National average")),
            unit("avg", Some("Average (63 provinces)")),
            unit("Total", None),
            unit("Bình quân", None),
        ];
        for u in &summaries {
            assert!(summary_label(u).is_some(), "{u:?}");
        }
        let places = [
            unit("94712", Some("Trung Bình")),
            unit("72", Some("Tây Ninh")),
            unit("34", Some("Thái Bình")),
            unit("01", Some("Tổng Cọ")),
            unit("01", Some("Meanchey")),
            unit("TB", Some("Totalis")),
            unit("14", Some("Sơn La")),
            unit("tong-1", Some("Xã Trung Bình")),
        ];
        for u in &places {
            assert_eq!(summary_label(u), None, "{u:?}");
        }
        let phrases = SUMMARY_OPENINGS
            .iter()
            .chain(SUMMARY_WHOLE)
            .chain(SUMMARY_BARE);
        for phrase in phrases {
            let word = phrase.split(' ').next();
            assert!(summary_head(phrase.as_bytes()), "{phrase}");
            assert_eq!(summary_first_word(phrase), word, "{phrase}");
        }
        let average = unit("TB", Some("  Trung bình cả nước 2023 "));
        assert_eq!(summary_label(&average), Some("Trung bình cả nước 2023"));
    }
}
