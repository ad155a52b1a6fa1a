//! Data sets: units (provinces) × indicator values, read from CSV or JSON text.
//!
//! The readers accept what provincial staff actually produce: UTF-8 with or without a byte
//! order mark, comma, semicolon or tab separators, the Vietnamese decimal comma, percentages
//! written with `%`, fractions written `731/1950`, and blank cells for missing values. Two
//! CSV layouts are understood:
//!
//! - **wide**: one row per unit; columns `code`, optional `name`, `year`, `group`, any number
//!   of named groupings `group:NAME` (e.g. `group:income`, for group imputation), then one
//!   column per indicator code (and optionally `<code>_source` for the evidence);
//! - **long**: one row per value; columns `unit`, `indicator`, `value` and optionally
//!   `numerator`, `denominator`, `source`, `name`, `year`, `group`, `group:NAME`.
//!
//! Vietnamese headers (`mã`, `tên`, `năm`, `nhóm`, `nhóm:TÊN`, `chỉ tiêu`, `giá trị`, `tử số`, `mẫu số`,
//! `nguồn`) work as well. Reading never fails outright: problems are reported as
//! [`Diagnostic`]s beside whatever could be read ([`Parsed`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Location, Problem};
use crate::limits::{Limits, Quantity, too_large};
use crate::value::{DecimalMark, Marks, Reading, Value, plain_decimal, read_cell, read_number};

mod column;
#[cfg(not(target_arch = "wasm32"))]
mod short_text;
mod unit_index;

#[cfg(not(target_arch = "wasm32"))]
pub use short_text::ShortText;
/// A unit's code or name: in the calculator's module, a `String` (see `dataset/short_text.rs`
/// for native targets, where it is kept inside the record when short).
#[cfg(target_arch = "wasm32")]
pub type ShortText = String;

use column::ValueColumn;
use unit_index::{FoldMap, UnitIndex};

/// A unit being scored: a province, a district, a country.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UnitInfo {
    /// Its code (for provinces, the statistics office's two-digit code).
    pub code: ShortText,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<ShortText>,
    /// The year the data describes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A group such as a region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Labels in named groupings (grouping name → label), such as an income class or a
    /// population band; group imputation picks one by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, String>,
}

impl UnitInfo {
    /// A unit with a code and nothing else.
    pub fn new(code: impl Into<ShortText>) -> UnitInfo {
        UnitInfo {
            code: code.into(),
            ..UnitInfo::default()
        }
    }

    /// The name if there is one, else the code.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.code)
    }

    /// True when the unit has this code, matched as [`same_unit_code`] matches codes.
    pub fn has_code(&self, code: &str) -> bool {
        same_unit_code(&self.code, code)
    }
}

/// The form of a unit code that lookups compare: the code without surrounding spaces and,
/// when it is all digits, without leading zeros. The statistics office's codes have leading
/// zeros (`01` Hà Nội), which Excel drops when it takes a code for a number (`1`); both
/// forms name the same unit.
///
/// ```
/// use dti_core::dataset::unit_code_key;
/// assert_eq!(unit_code_key("01"), unit_code_key("1"));
/// assert_eq!(unit_code_key(" 079 "), "79");
/// assert_eq!(unit_code_key("00"), "0");
/// assert_eq!(unit_code_key("A01"), "A01");
/// ```
pub fn unit_code_key(code: &str) -> &str {
    let code = crate::value::trim(code);
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return code;
    }
    match code.trim_start_matches('0') {
        "" => "0",
        digits => digits,
    }
}

/// True when two unit codes name the same unit: every lookup of a unit by its code (a
/// `--unit`, a mapping of merged units, a comparison of two files) matches codes this way.
///
/// ```
/// use dti_core::dataset::same_unit_code;
/// assert!(same_unit_code("1", "01"));
/// assert!(same_unit_code("79", "079"));
/// assert!(!same_unit_code("01", "10"));
/// assert!(!same_unit_code("HN", "hn"));
/// ```
pub fn same_unit_code(a: &str, b: &str) -> bool {
    unit_code_key(a) == unit_code_key(b)
}

/// One value of one unit for one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The value as given.
    pub value: Value,
    /// The evidence or source note, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where in the file it was read, for messages.
    #[serde(skip)]
    pub origin: Option<(u64, u64)>,
}

impl Cell {
    /// A cell holding a value with no source note.
    pub fn new(value: Value) -> Cell {
        Cell {
            value,
            source: None,
            origin: None,
        }
    }
}

/// Units × indicators. Values are stored column by column (one column per indicator code):
/// how each value was written, its number and the line it was read from, 13 bytes a value
/// and no allocation; source notes and the second number of fractions, which few values
/// have, are kept apart.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dataset {
    name: Option<String>,
    notes: Vec<String>,
    /// Shared with the tables checked from the data set (copied only when one side changes).
    units: Arc<Vec<UnitInfo>>,
    columns: Vec<String>,
    /// One column per indicator code: `values[column]` holds every unit's value.
    values: Vec<ValueColumn>,
    /// `(column, unit, note)`, sorted by column then unit.
    sources: Vec<(usize, usize, String)>,
}

/// What a reader produced: the data it could read and every problem it met.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The data that could be read.
    pub dataset: Dataset,
    /// Errors, warnings and notes, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        crate::diagnostic::has_errors(&self.diagnostics)
    }
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Dataset {
    /// A data set of the given units and indicator codes with every value missing.
    pub fn new(units: Vec<UnitInfo>, columns: Vec<String>) -> Dataset {
        let n = units.len();
        Dataset {
            name: None,
            notes: Vec::new(),
            values: vec![ValueColumn::missing(n); columns.len()],
            units: Arc::new(units),
            columns,
            sources: Vec::new(),
        }
    }

    /// Reads CSV text (wide or long layout) under the default [`Limits`]. `origin` names the
    /// file in diagnostics.
    pub fn from_csv(text: &str, origin: Option<&str>) -> Parsed {
        Dataset::from_csv_with(text, origin, &Limits::default())
    }

    /// Reads CSV text, stopping with a [`Problem::TooLarge`] error at the first limit exceeded.
    pub fn from_csv_with(text: &str, origin: Option<&str>, limits: &Limits) -> Parsed {
        crate::csv_reader::read(text, origin, limits)
    }

    /// Reads JSON text under the default [`Limits`]. `origin` names the file in diagnostics.
    /// See `indicators/README.md` for the layout:
    /// `{"units": [{"code": "22", "name": …, "values": {"I1": 0.9581, …}}]}`, or units as flat
    /// records, `[{"code": "22", "name": …, "I1": 0.9581, …}]`.
    pub fn from_json(text: &str, origin: Option<&str>) -> Parsed {
        Dataset::from_json_with(text, origin, &Limits::default())
    }

    /// Reads JSON text, stopping with a [`Problem::TooLarge`] error at the first limit exceeded.
    pub fn from_json_with(text: &str, origin: Option<&str>, limits: &Limits) -> Parsed {
        crate::json_reader::read(text, origin, limits)
    }

    /// One unit's values as a person types them into a form, `(indicator code, text)`, read as
    /// the cells of a data file are (decimal commas, percentages, fractions, yes/no; blank is
    /// missing), with the same problems.
    ///
    /// ```
    /// use dti_core::{Dataset, UnitInfo, Value};
    /// let form = Dataset::from_form(UnitInfo::new("22"), &[("I1", "0,95"), ("I2", "80%"), ("I3", "")]);
    /// assert_eq!(form.dataset.value(0, 0), Some(Value::Number { value: 0.95 }));
    /// assert_eq!(form.dataset.value(0, 1), Some(Value::Percent { value: 80.0 }));
    /// assert_eq!(form.dataset.value(0, 2), None);
    /// assert_eq!(form.diagnostics[0].problem.kind(), "decimal_comma");
    /// ```
    pub fn from_form(unit: UnitInfo, values: &[(&str, &str)]) -> Parsed {
        let limits = Limits::default();
        let mut builder = Builder::new(None, &limits);
        let Some(row) = builder.unit_entry(unit, 0) else {
            return builder.finish(Vec::new());
        };
        for &(code, text) in values {
            let Some(column) = builder.column(code, 0) else {
                break;
            };
            builder.text_value(row, column, text, (0, 0), None);
        }
        builder.finish(Vec::new())
    }

    /// Reads JSON when the text starts with `{` or `[`, CSV otherwise.
    pub fn parse(text: &str, origin: Option<&str>) -> Parsed {
        Dataset::parse_with(text, origin, &Limits::default())
    }

    /// [`Dataset::parse`] under the given limits.
    pub fn parse_with(text: &str, origin: Option<&str>, limits: &Limits) -> Parsed {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') || body.starts_with('[') {
            Dataset::from_json_with(text, origin, limits)
        } else {
            Dataset::from_csv_with(text, origin, limits)
        }
    }

    /// The same data set without its columns and values: its name, notes and units (shared,
    /// not copied). A caller done with the values (they are checked into a [`crate::Table`])
    /// keeps what it shows about the data in a fraction of the memory.
    ///
    /// ```
    /// let data = dti_core::Dataset::from_csv("# synthetic\ncode,I1\n22,0.9\n", None).dataset;
    /// let kept = data.without_values();
    /// assert_eq!((kept.units(), kept.notes()), (data.units(), data.notes()));
    /// assert!(kept.columns().is_empty());
    /// ```
    pub fn without_values(&self) -> Dataset {
        Dataset {
            name: self.name.clone(),
            notes: self.notes.clone(),
            units: Arc::clone(&self.units),
            ..Dataset::default()
        }
    }

    /// A name for the data set (its file name, or the `name` field in JSON).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Notes attached to the data set (CSV lines starting with `#`, or the JSON `notes`), such
    /// as a statement that the values are synthetic.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The units, in file order.
    pub fn units(&self) -> &[UnitInfo] {
        &self.units
    }

    /// The units, shared (a table checked from the data set keeps them without a copy).
    pub(crate) fn shared_units(&self) -> Arc<Vec<UnitInfo>> {
        Arc::clone(&self.units)
    }

    /// The indicator codes that have a column, in file order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The position of a column.
    pub fn column(&self, code: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == code)
    }

    /// The position of a unit (codes matched as [`same_unit_code`] matches them).
    pub fn unit(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.has_code(code))
    }

    /// The unit a person means by `wanted`: its code (as [`same_unit_code`] matches codes),
    /// else its name, ignoring case, surrounding spaces and how accents were encoded.
    ///
    /// ```
    /// let data = dti_core::Dataset::from_csv("code,name,I1\n22,Quảng Ninh,0.9\n", None).dataset;
    /// assert_eq!(data.find_unit("22"), Some(0));
    /// assert_eq!(data.find_unit("quảng ninh"), Some(0));
    /// assert_eq!(data.find_unit("Qua\u{309}ng Ninh"), Some(0));
    /// assert_eq!(data.find_unit("Hà Nội"), None);
    /// ```
    pub fn find_unit(&self, wanted: &str) -> Option<usize> {
        let wanted = crate::nfc::compose(wanted.trim());
        self.unit(&wanted).or_else(|| {
            let lower = crate::case::lower(&wanted);
            self.units.iter().position(|u| {
                u.name
                    .as_deref()
                    .is_some_and(|name| crate::case::lower(name.trim()) == lower)
            })
        })
    }

    /// The cell of a unit in a column: its value, source note and place in the file.
    pub fn get(&self, unit: usize, column: usize) -> Option<Cell> {
        let value = self.value(unit, column)?;
        Some(Cell {
            value,
            source: self.source(unit, column).map(str::to_string),
            origin: self.origin(unit, column),
        })
    }

    /// The value of a unit in a column, without its source note.
    pub fn value(&self, unit: usize, column: usize) -> Option<Value> {
        self.values.get(column)?.get(unit)
    }

    /// Every unit's value in a column, in unit order (empty for a column that does not exist).
    pub fn column_values(&self, column: usize) -> impl Iterator<Item = Option<Value>> + '_ {
        self.values
            .get(column)
            .into_iter()
            .flat_map(ValueColumn::iter)
    }

    /// The values of a column written as a plain number, for a pass over the column that
    /// reads them without a [`Value`] each (`check`'s).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn plain_numbers(&self, column: usize) -> Option<column::PlainNumbers<'_>> {
        Some(self.values.get(column)?.plain_numbers())
    }

    /// The source note of a value.
    pub fn source(&self, unit: usize, column: usize) -> Option<&str> {
        let at = self.source_position(unit, column).ok()?;
        Some(self.sources[at].2.as_str())
    }

    fn source_position(&self, unit: usize, column: usize) -> Result<usize, usize> {
        self.sources
            .binary_search_by(|(c, u, _)| (*c, *u).cmp(&(column, unit)))
    }

    /// Where a value was read: line and field (CSV), when known.
    pub fn origin(&self, unit: usize, column: usize) -> Option<(u64, u64)> {
        let (line, field) = self.values.get(column)?.origin(unit)?;
        Some((u64::from(line), u64::from(field)))
    }

    /// Sets the cell of a unit in a column (both by position).
    pub fn set(&mut self, unit: usize, column: usize, cell: Option<Cell>) {
        if unit >= self.units.len() || column >= self.columns.len() {
            return;
        }
        let (value, source, origin) = match cell {
            Some(cell) => (Some(cell.value), cell.source, cell.origin),
            None => (None, None, None),
        };
        self.values[column].set(unit, value);
        self.values[column].set_origin(
            unit,
            origin
                .map(|(line, field)| (to_u32(line), to_u32(field)))
                .unwrap_or((0, 0)),
        );
        self.set_source(unit, column, source);
    }

    fn set_source(&mut self, unit: usize, column: usize, source: Option<String>) {
        match (self.source_position(unit, column), source) {
            (Ok(at), Some(note)) => self.sources[at].2 = note,
            (Ok(at), None) => {
                self.sources.remove(at);
            }
            (Err(at), Some(note)) => self.sources.insert(at, (column, unit, note)),
            (Err(_), None) => {}
        }
    }

    /// Sets a value by unit and indicator code, adding the unit or the column when new.
    pub fn insert(&mut self, unit: &str, indicator: &str, cell: Option<Cell>) {
        let u = match self.unit(unit) {
            Some(u) => u,
            None => {
                self.add_unit(UnitInfo::new(unit));
                self.units.len() - 1
            }
        };
        let c = match self.column(indicator) {
            Some(c) => c,
            None => {
                self.add_column(indicator.to_string());
                self.columns.len() - 1
            }
        };
        self.set(u, c, cell);
    }

    /// Adds a unit with every value missing.
    pub fn add_unit(&mut self, unit: UnitInfo) {
        for column in &mut self.values {
            column.push_missing();
        }
        Arc::make_mut(&mut self.units).push(unit);
    }

    /// Room for `units` more units in every column.
    fn reserve_units(&mut self, units: usize) {
        for column in &mut self.values {
            column.reserve_exact(units);
        }
        Arc::make_mut(&mut self.units).reserve_exact(units);
    }

    /// Adds the units a reader's columns do not hold yet, with no value.
    fn fill_columns(&mut self) {
        for column in &mut self.values {
            column.fill_to(self.units.len());
        }
    }

    /// Gives back what the columns reserved while growing a row at a time (up to half of
    /// each column): a reader calls it once it has read every row. Columns reserved from the
    /// file's line count are left as they are when the spare room is small (a few blank
    /// lines' worth), which saves a `realloc` per vector for nothing worth giving back.
    fn release_spare_capacity(&mut self) {
        for column in &mut self.values {
            column.shrink_to_fit();
        }
        let units = Arc::make_mut(&mut self.units);
        if spare_is_worth_giving_back(units.len(), units.capacity()) {
            units.shrink_to_fit();
        }
    }

    /// Room for `columns` more indicator columns.
    fn reserve_columns(&mut self, columns: usize) {
        self.columns.reserve_exact(columns);
        self.values.reserve_exact(columns);
    }

    /// Adds an indicator column with every value missing.
    pub fn add_column(&mut self, code: String) {
        self.columns.push(code);
        self.values.push(ValueColumn::missing(self.units.len()));
    }

    /// The same data under a name.
    pub fn with_name(mut self, name: impl Into<String>) -> Dataset {
        self.name = Some(name.into());
        self
    }

    pub(crate) fn set_notes(&mut self, notes: Vec<String>) {
        self.notes = notes;
    }
}

/// True when two names of a unit are the same but for letter case and spaces.
///
/// ```
/// use dti_core::dataset::same_unit_name;
/// assert!(same_unit_name("Hà  Nội", "HÀ NỘI"));
/// assert!(!same_unit_name("Hà Nội", "Hà Giang"));
/// ```
pub fn same_unit_name(a: &str, b: &str) -> bool {
    let words = |name: &str| crate::case::lower(name);
    words(a).split_whitespace().eq(words(b).split_whitespace())
}

/// The problem of a unit's row whose year differs from the year of the unit's rows before.
fn two_years(first: Option<i32>, second: Option<i32>) -> Option<Problem> {
    match (first, second) {
        (Some(first), Some(second)) if first != second => Some(Problem::TwoYears { first, second }),
        _ => None,
    }
}

/// True when a vector of `len` items holding room for `capacity` should give back the
/// rest: more than an eighth of its length, and more than a few items, to spare.
pub(super) fn spare_is_worth_giving_back(len: usize, capacity: usize) -> bool {
    capacity - len > (len / 8).max(4)
}

/// A data set being assembled by a reader: units and columns are looked up by code once,
/// values go straight into their column (which grows as the reader meets units, and is filled
/// up with missing values when reading ends), and a value given twice is found by its slot
/// being taken. Every addition is checked against the [`Limits`]; the first one exceeded stops the
/// reader (see [`Builder::stopped`]).
pub(crate) struct Builder<'a> {
    pub origin: Option<&'a str>,
    pub diagnostics: Vec<Diagnostic>,
    pub limits: &'a Limits,
    data: Dataset,
    unit_ids: UnitIndex,
    column_ids: FoldMap<String, usize>,
    /// Per column: a decimal comma has been noted (one note per column is enough).
    comma_noted: Vec<bool>,
    /// The first cell that shows each decimal mark for certain (`0,75`, `0.75`): its text
    /// and line. Index 0 is the comma, 1 the dot.
    shown: [Option<(String, u64)>; 2],
    /// Cells whose text reads two ways (`65.000`), settled by [`Builder::finish`] from the
    /// marks the rest of the file shows.
    two_ways: Vec<TwoWays>,
    /// The first year a unit gives, and that unit: the file's year.
    year: Option<(i32, usize)>,
    stopped: bool,
}

/// A cell whose number reads two ways, until the file's decimal mark is known.
struct TwoWays {
    unit: usize,
    column: usize,
    at: (u64, u64),
    text: String,
    mark: DecimalMark,
    grouped: Value,
}

fn slot(mark: DecimalMark) -> usize {
    match mark {
        DecimalMark::Comma => 0,
        DecimalMark::Dot => 1,
    }
}

impl<'a> Builder<'a> {
    pub fn new(origin: Option<&'a str>, limits: &'a Limits) -> Builder<'a> {
        Builder {
            origin,
            diagnostics: Vec::new(),
            limits,
            data: Dataset::default(),
            unit_ids: UnitIndex::default(),
            column_ids: FoldMap::default(),
            comma_noted: Vec::new(),
            shown: [None, None],
            two_ways: Vec::new(),
            year: None,
            stopped: false,
        }
    }

    pub fn location(&self, line: u64, column: u64) -> Location {
        Location::file(self.origin).at(line, column)
    }

    pub fn error(&mut self, location: Location, problem: Problem) {
        self.diagnostics.push(Diagnostic::error(location, problem));
    }

    /// Reports a limit exceeded and stops the reader.
    pub fn too_large(&mut self, location: Location, what: Quantity, limit: usize) {
        self.diagnostics.push(too_large(location, what, limit));
        self.stopped = true;
    }

    /// True once a limit has been exceeded: the reader must read no further.
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// The number of units read so far.
    pub fn unit_count(&self) -> usize {
        self.data.units.len()
    }

    /// True when a grid of `units` × `columns` values fits the limits.
    fn fits(&self, units: usize, columns: usize) -> bool {
        units.saturating_mul(columns) <= self.limits.max_cells
    }

    /// Registers a column; returns its position, or `None` when a limit stops the reader.
    pub fn column(&mut self, code: &str, line: u64) -> Option<usize> {
        if let Some(&id) = self.column_ids.get(code) {
            return Some(id);
        }
        let count = self.data.columns.len();
        if count >= self.limits.max_indicators {
            let location = self.location_or_file(line);
            self.too_large(location, Quantity::Indicators, self.limits.max_indicators);
            return None;
        }
        if !self.fits(self.data.units.len(), count + 1) {
            let location = self.location_or_file(line);
            self.too_large(location, Quantity::Values, self.limits.max_cells);
            return None;
        }
        self.data.add_column(code.to_string());
        self.comma_noted.push(false);
        self.column_ids.insert(code.to_string(), count);
        Some(count)
    }

    fn location_or_file(&self, line: u64) -> Location {
        if line > 0 {
            self.location(line, 1)
        } else {
            Location::file(self.origin)
        }
    }

    /// Registers a unit row in a wide file: a second row for the same unit is an error.
    pub fn unit_row(&mut self, unit: UnitInfo, line: u64) -> Option<usize> {
        let found = (self.unit_ids).find(&self.data.units, unit_code_key(&unit.code));
        if let Some(id) = found.unit {
            let location = self.location_or_file(line).unit(unit.code.as_str());
            let problem =
                two_years(self.data.units[id].year, unit.year).unwrap_or(Problem::DuplicateUnit);
            self.error(location, problem);
            return None;
        }
        let id = self.new_unit(unit, line, &found)?;
        self.check_year(id, line);
        Some(id)
    }

    /// Finds or registers a unit in a long file, merging name, year and groups; `None` when a
    /// limit stops the reader ([`Builder::stopped`]), or for a row of another year than the
    /// unit's rows before, which is reported ([`Problem::TwoYears`]) and must be left out: two
    /// years' values are never scored as one unit's.
    pub fn unit_entry(&mut self, unit: UnitInfo, line: u64) -> Option<usize> {
        let found = (self.unit_ids).find(&self.data.units, unit_code_key(&unit.code));
        if let Some(id) = found.unit {
            if let Some(problem) = two_years(self.data.units[id].year, unit.year) {
                let location = self.location_or_file(line).unit(unit.code.as_str());
                self.error(location, problem);
                return None;
            }
            if let (Some(first), Some(second)) = (&self.data.units[id].name, &unit.name)
                && !same_unit_name(first, second)
            {
                let location = self.location_or_file(line).unit(unit.code.as_str());
                let problem = Problem::NameDiffers {
                    first: first.to_string(),
                    second: second.to_string(),
                };
                self.diagnostics
                    .push(Diagnostic::warning(location, problem));
            }
            let known = &mut Arc::make_mut(&mut self.data.units)[id];
            let year_given = known.year.is_none() && unit.year.is_some();
            known.name = known.name.take().or(unit.name);
            known.year = known.year.or(unit.year);
            known.group = known.group.take().or(unit.group);
            for (grouping, label) in unit.groups {
                known.groups.entry(grouping).or_insert(label);
            }
            if year_given {
                self.check_year(id, line);
            }
            return Some(id);
        }
        let id = self.new_unit(unit, line, &found)?;
        self.check_year(id, line);
        Some(id)
    }

    /// Holds a unit's year against the file's, the first year a unit gives: a unit of another
    /// year is an error, since a file's units are ranked against each other.
    fn check_year(&mut self, id: usize, line: u64) {
        let Some(year) = self.data.units[id].year else {
            return;
        };
        match self.year {
            None => self.year = Some((year, id)),
            Some((first, first_id)) if first != year => {
                let unit = self.data.units[first_id].code.to_string();
                let location = self
                    .location_or_file(line)
                    .unit(self.data.units[id].code.as_str());
                let problem = Problem::YearsDiffer {
                    unit,
                    first,
                    second: year,
                };
                self.error(location, problem);
            }
            Some(_) => {}
        }
    }

    /// Registers a unit whose code the index did not find; `None` when a limit stops the
    /// reader.
    fn new_unit(&mut self, unit: UnitInfo, line: u64, found: &unit_index::Found) -> Option<usize> {
        let count = self.data.units.len();
        if count >= self.limits.max_units {
            let location = self.location_or_file(line);
            self.too_large(location, Quantity::Units, self.limits.max_units);
            return None;
        }
        if !self.fits(count + 1, self.data.columns.len()) {
            let location = self.location_or_file(line);
            self.too_large(location, Quantity::Values, self.limits.max_cells);
            return None;
        }
        self.unit_ids.insert(found, count);
        // The columns grow to the unit as its values are read (see `ValueColumn::put`).
        Arc::make_mut(&mut self.data.units).push(unit);
        Some(count)
    }

    /// [`Builder::text_value`] of a cell without a source note when it is a plain decimal
    /// (nearly every cell of a wide file): `false`, with nothing done, for any other text, which
    /// the caller hands to `text_value`. Inlined into the reader's loop, without the call,
    /// the frame and the arguments of `text_value` for every cell. Native builds only (see
    /// the wide reader).
    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    pub(crate) fn plain_value(
        &mut self,
        unit: usize,
        column: usize,
        text: &str,
        at: (u64, u64),
    ) -> bool {
        let Some(read) = plain_decimal(text) else {
            return false;
        };
        self.plain_number(unit, column, text, read, at, None);
        true
    }

    /// Stores a plain decimal cell (as [`plain_decimal`] read it): noted where it shows the
    /// file's decimal mark, and straight into its column when it has no source note.
    #[inline]
    fn plain_number(
        &mut self,
        unit: usize,
        column: usize,
        text: &str,
        (number, marks): (f64, Marks),
        at: (u64, u64),
        source: Option<String>,
    ) {
        if let Marks::Shows(mark) = marks {
            self.shows(
                mark,
                column,
                unit,
                text,
                Value::Number { value: number },
                at,
            );
        }
        let origin = (to_u32(at.0), to_u32(at.1));
        if source.is_none() && self.data.values[column].push_number(unit, number, origin) {
            return;
        }
        self.value(unit, column, Value::Number { value: number }, at, source);
    }

    /// Reads a cell's text into a value for a unit and column, reporting what it finds.
    pub fn text_value(
        &mut self,
        unit: usize,
        column: usize,
        text: &str,
        at: (u64, u64),
        source: Option<String>,
    ) {
        // Nearly every cell is a plain decimal (`read_cell` tries it first too): stored
        // without going through a `Reading`, and straight into its column when it can be.
        if let Some(read) = plain_decimal(text) {
            return self.plain_number(unit, column, text, read, at, source);
        }
        match read_cell(text) {
            None => {
                let location = self.located(unit, column, at);
                let text = text.trim().to_string();
                self.error(location, Problem::BadValue { text });
            }
            Some(Reading::Missing) => {}
            Some(Reading::Value {
                value,
                marks,
                grouped,
            }) => {
                match (marks, grouped) {
                    (Marks::Shows(mark), _) => self.shows(mark, column, unit, text, value, at),
                    (Marks::Either { mark, .. }, Some(grouped)) => self.two_ways.push(TwoWays {
                        unit,
                        column,
                        at,
                        text: text.trim().to_string(),
                        mark,
                        grouped,
                    }),
                    _ => {}
                }
                self.value(unit, column, value, at, source);
            }
        }
    }

    /// Takes note of a cell that shows its decimal mark for certain: only the first such
    /// cell of the file for each mark, and the first decimal comma of each column, need more
    /// than the two tests made here for every cell.
    #[inline]
    fn shows(
        &mut self,
        mark: DecimalMark,
        column: usize,
        unit: usize,
        text: &str,
        value: Value,
        at: (u64, u64),
    ) {
        if self.shown[slot(mark)].is_none()
            || (mark == DecimalMark::Comma && !self.comma_noted[column])
        {
            self.first_shown(mark, column, unit, text, value, at);
        }
    }

    #[cold]
    fn first_shown(
        &mut self,
        mark: DecimalMark,
        column: usize,
        unit: usize,
        text: &str,
        value: Value,
        at: (u64, u64),
    ) {
        if self.shown[slot(mark)].is_none() {
            self.shown[slot(mark)] = Some((text.trim().to_string(), at.0));
        }
        // The test of `note_comma`, without its call for every comma after the first.
        if mark == DecimalMark::Comma && !self.comma_noted[column] {
            self.note_comma(unit, column, text, value, at);
        }
    }

    /// Notes the first decimal comma of a column.
    fn note_comma(&mut self, unit: usize, column: usize, text: &str, value: Value, at: (u64, u64)) {
        if self.comma_noted[column] {
            return;
        }
        self.comma_noted[column] = true;
        let problem = Problem::DecimalComma {
            text: text.trim().to_string(),
            value: Value::number(value),
        };
        let location = self.located(unit, column, at);
        self.diagnostics.push(Diagnostic::note(location, problem));
    }

    /// Settles the cells that read two ways by the decimal mark the rest of the file shows for
    /// certain: with a note (one per column) when it does, with an error when it shows none
    /// or both.
    fn settle_two_ways(&mut self) {
        let two_ways = std::mem::take(&mut self.two_ways);
        let decimal = match &self.shown {
            [Some(example), None] => Some((DecimalMark::Comma, example.clone())),
            [None, Some(example)] => Some((DecimalMark::Dot, example.clone())),
            _ => None,
        };
        let mut noted = vec![false; self.data.columns.len()];
        for cell in two_ways {
            let location = self.located(cell.unit, cell.column, cell.at);
            let Some(value) = self.data.values[cell.column].get(cell.unit) else {
                continue;
            };
            let Some((mark, (example, line))) = &decimal else {
                self.data.values[cell.column].set(cell.unit, None);
                let problem = Problem::AmbiguousNumber {
                    text: cell.text,
                    decimal: value,
                    grouped: cell.grouped,
                    both_marks: self.shown.iter().all(Option::is_some),
                };
                self.diagnostics.push(Diagnostic::error(location, problem));
                continue;
            };
            if cell.mark == *mark {
                // The reading the file's own mark gives: a decimal, as in the rest of it.
                if cell.mark == DecimalMark::Comma {
                    self.note_comma(cell.unit, cell.column, &cell.text, value, cell.at);
                }
                continue;
            }
            let settled = cell.grouped;
            self.data.values[cell.column].set(cell.unit, Some(settled));
            if !noted[cell.column] {
                noted[cell.column] = true;
                let problem = Problem::ReadByFileMark {
                    text: cell.text,
                    value: settled,
                    mark: *mark,
                    example: example.clone(),
                    line: *line,
                };
                self.diagnostics.push(Diagnostic::note(location, problem));
            }
        }
    }

    /// Reads a numerator and denominator pair, as a cell `numerator/denominator` would be read
    /// (so a part that reads two ways is settled like any other cell).
    pub fn ratio(
        &mut self,
        unit: usize,
        column: usize,
        texts: [(&str, u64); 2],
        line: u64,
        source: Option<String>,
    ) {
        for (text, col) in texts {
            if read_number(text).is_none() {
                let location = self.located(unit, column, (line, col));
                let text = text.trim().to_string();
                self.error(location, Problem::BadValue { text });
                return;
            }
        }
        let fraction = format!("{}/{}", texts[0].0.trim(), texts[1].0.trim());
        self.text_value(unit, column, &fraction, (line, texts[0].1), source);
    }

    /// Stores a value read at `at` (line and field; `(0, 0)` when unknown).
    pub fn value(
        &mut self,
        unit: usize,
        column: usize,
        value: Value,
        at: (u64, u64),
        source: Option<String>,
    ) {
        if self.data.values[column].is_set(unit) {
            let location = self.located(unit, column, at);
            self.error(location, Problem::DuplicateValue);
            return;
        }
        self.data.values[column].put(unit, value, (to_u32(at.0), to_u32(at.1)));
        if source.is_some() {
            self.data.set_source(unit, column, source);
        }
    }

    /// Attaches a source note to a value already read.
    pub fn set_source(&mut self, unit: usize, column: usize, source: String) {
        if self.data.values[column].is_set(unit) {
            self.data.set_source(unit, column, Some(source));
        }
    }

    fn located(&self, unit: usize, column: usize, (line, col): (u64, u64)) -> Location {
        let mut location = Location::file(self.origin);
        if line > 0 {
            location = location.at(line, col);
        }
        location
            .unit(self.data.units[unit].code.as_str())
            .indicator(&self.data.columns[column])
    }

    /// Room for `columns` more indicator columns (a wide file's header tells how many).
    pub fn reserve_columns(&mut self, columns: usize) {
        let columns = columns.min(self.limits.max_indicators);
        self.data.reserve_columns(columns);
        self.comma_noted.reserve_exact(columns);
        self.column_ids.reserve(columns);
    }

    /// Room for up to `units` units in the columns known so far (a hint, such as the lines
    /// left in a file), kept within the limits on units and values.
    pub fn reserve_units(&mut self, units: usize) {
        let columns = self.data.columns.len().max(1);
        let most = self.limits.max_units.min(self.limits.max_cells / columns);
        self.data.reserve_units(units.min(most));
        self.unit_ids.reserve(units.min(most));
    }

    pub fn finish(mut self, notes: Vec<String>) -> Parsed {
        self.data.fill_columns();
        self.settle_two_ways();
        let mut dataset = self.data;
        dataset.release_spare_capacity();
        dataset.set_notes(notes);
        if let Some(origin) = self.origin {
            dataset = dataset.with_name(origin);
        }
        Parsed {
            dataset,
            diagnostics: self.diagnostics,
        }
    }
}

/// The fields a column header can name, in English or Vietnamese, with or without diacritics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Unit,
    Name,
    Year,
    Group,
    /// `group:NAME`: a label in the grouping called NAME ([`named_grouping`] reads the name).
    NamedGroup,
    Indicator,
    Value,
    Numerator,
    Denominator,
    Source,
    /// Columns a template adds for people (indicator names, units, ranges); not data.
    Info,
}

pub(crate) fn field(header: &str) -> Option<Field> {
    if named_grouping(header).is_some() {
        return Some(Field::NamedGroup);
    }
    let header = header.trim();
    if let Some(field) = short_ascii_field(header) {
        return field;
    }
    field_of_key(&crate::case::lower(header).replace([' ', '-'], "_"))
}

/// [`field`] of a header that is short ASCII (most are indicator codes such as `I1`), keyed
/// on the stack as `case::lower` and the replacement of spaces and hyphens would key it,
/// without their two allocations; `None` for any other header. Native builds only: the
/// calculator's module counts bytes rather than instructions, and keys every header the
/// general way (the same fields).
#[cfg(not(target_arch = "wasm32"))]
fn short_ascii_field(header: &str) -> Option<Option<Field>> {
    let mut key = [0u8; 24];
    if !header.is_ascii() || header.len() > key.len() {
        return None;
    }
    for (to, byte) in key.iter_mut().zip(header.bytes()) {
        *to = match byte.to_ascii_lowercase() {
            b' ' | b'-' => b'_',
            lower => lower,
        };
    }
    // ASCII bytes in, ASCII bytes out: always UTF-8.
    let key = std::str::from_utf8(&key[..header.len()]).ok()?;
    Some(field_of_key(key))
}

#[cfg(target_arch = "wasm32")]
fn short_ascii_field(_header: &str) -> Option<Option<Field>> {
    None
}

/// The field a header names, given in lower case with `_` for spaces and hyphens.
fn field_of_key(key: &str) -> Option<Field> {
    Some(match key {
        "code" | "unit" | "unit_code" | "province_code" | "mã" | "ma" | "mã_tỉnh" | "ma_tinh"
        | "mã_đơn_vị" | "ma_don_vi" | "đơn_vị" | "don_vi" => Field::Unit,
        "name" | "unit_name" | "province" | "tên" | "ten" | "tỉnh" | "tinh" | "tên_tỉnh"
        | "ten_tinh" | "tên_đơn_vị" | "ten_don_vi" => Field::Name,
        "year" | "năm" | "nam" => Field::Year,
        "group" | "region" | "nhóm" | "nhom" | "vùng" | "vung" => Field::Group,
        "indicator" | "indicator_code" | "chỉ_tiêu" | "chi_tieu" | "mã_chỉ_tiêu"
        | "ma_chi_tieu" => Field::Indicator,
        "value" | "giá_trị" | "gia_tri" => Field::Value,
        "numerator" | "tử_số" | "tu_so" => Field::Numerator,
        "denominator" | "mẫu_số" | "mau_so" => Field::Denominator,
        "source" | "evidence" | "nguồn" | "nguon" | "minh_chứng" | "minh_chung" => {
            Field::Source
        }
        "indicator_name" | "name_vi" | "name_en" | "tên_chỉ_tiêu" | "ten_chi_tieu" | "measure"
        | "đơn_vị_đo" | "don_vi_do" | "range" | "khoảng" | "khoang" | "points" | "điểm"
        | "diem" | "note" | "notes" | "ghi_chú" | "ghi_chu" => Field::Info,
        _ => return None,
    })
}

/// The grouping a `group:NAME` (or `nhóm:TÊN`, `nhom:TEN`) header names: the text after the
/// colon, trimmed; it may be empty, which the readers report.
pub(crate) fn named_grouping(header: &str) -> Option<&str> {
    let (prefix, name) = header.trim().split_once(':')?;
    matches!(
        crate::case::lower(prefix.trim()).as_str(),
        "group" | "nhóm" | "nhom"
    )
    .then(|| name.trim())
}

/// Reads a year cell: a whole number from 1900 to 2200.
pub(crate) fn read_year(text: &str) -> Option<Result<i32, ()>> {
    let text = crate::value::trim(text);
    if text.is_empty() {
        return None;
    }
    Some(
        text.parse::<i32>()
            .ok()
            .filter(|year| (1900..=2200).contains(year))
            .ok_or(()),
    )
}
