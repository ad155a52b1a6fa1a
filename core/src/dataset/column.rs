//! One indicator's values as a data set keeps them: for each unit, how the value was written
//! (one byte), its number (eight) and the line it was read from (four). The second number of a
//! fraction and a field that differs between units are rare, and are kept apart.

use serde::{Serialize, Serializer};

use crate::value::Value;

/// How a value was written, or that there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Missing,
    Number,
    Percent,
    Ratio,
    Yes,
    No,
}

/// The fields values were read from: none yet, one for the whole column (a CSV column, or the `value`
/// column of a long file), or one per unit (the characters of a JSON file).
#[derive(Clone, Debug, PartialEq)]
enum Fields {
    None,
    Same(u32),
    Each(Vec<u32>),
}

/// A column of optional [`Value`]s with their places in the file.
#[derive(Clone, Debug)]
pub(super) struct ValueColumn {
    forms: Vec<Form>,
    /// The number, the numerator of a fraction, or 0 for yes/no and missing values.
    numbers: Vec<f64>,
    /// `(unit, denominator)` of every fraction, sorted by unit.
    denominators: Vec<(usize, f64)>,
    /// The 1-based line each value was read from; 0 when unknown.
    lines: Vec<u32>,
    fields: Fields,
}

/// A column's values written as a number ([`ValueColumn::plain_numbers`]), read without
/// building a [`Value`] for each.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct PlainNumbers<'a> {
    forms: &'a [Form],
    numbers: &'a [f64],
}

#[cfg(not(target_arch = "wasm32"))]
impl PlainNumbers<'_> {
    /// The unit's number when its value is written as a plain number (`Value::Number`);
    /// `None` for any other value and for no value.
    #[inline]
    pub(crate) fn get(&self, unit: usize) -> Option<f64> {
        match (self.forms.get(unit), self.numbers.get(unit)) {
            (Some(Form::Number), Some(&number)) => Some(number),
            _ => None,
        }
    }
}

impl ValueColumn {
    /// A column of `units` missing values.
    pub(super) fn missing(units: usize) -> ValueColumn {
        ValueColumn {
            forms: vec![Form::Missing; units],
            numbers: vec![0.0; units],
            denominators: Vec::new(),
            lines: vec![0; units],
            fields: Fields::None,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.forms.len()
    }

    /// The value of the unit in position `unit`, if it has one.
    #[inline]
    pub(super) fn get(&self, unit: usize) -> Option<Value> {
        let number = *self.numbers.get(unit)?;
        match self.forms[unit] {
            Form::Missing => None,
            Form::Number => Some(Value::Number { value: number }),
            Form::Percent => Some(Value::Percent { value: number }),
            Form::Yes => Some(Value::YesNo { value: true }),
            Form::No => Some(Value::YesNo { value: false }),
            Form::Ratio => {
                let at = self.denominator_position(unit).ok()?;
                Some(Value::Ratio {
                    numerator: number,
                    denominator: self.denominators[at].1,
                })
            }
        }
    }

    /// The plain numbers of the column (values written as a number), for a pass over it.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn plain_numbers(&self) -> PlainNumbers<'_> {
        PlainNumbers {
            forms: &self.forms,
            numbers: &self.numbers,
        }
    }

    pub(super) fn is_set(&self, unit: usize) -> bool {
        self.forms
            .get(unit)
            .is_some_and(|form| *form != Form::Missing)
    }

    /// Every unit's value, in unit order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Option<Value>> + '_ {
        (0..self.len()).map(|unit| self.get(unit))
    }

    /// Sets (or clears) the value of the unit in position `unit`, which must exist.
    pub(super) fn set(&mut self, unit: usize, value: Option<Value>) {
        let (form, number, denominator) = parts(value);
        self.forms[unit] = form;
        self.numbers[unit] = number;
        if denominator.is_none() && self.denominators.is_empty() {
            return;
        }
        match (self.denominator_position(unit), denominator) {
            (Ok(at), Some(denominator)) => self.denominators[at].1 = denominator,
            (Ok(at), None) => {
                self.denominators.remove(at);
            }
            (Err(at), Some(denominator)) => self.denominators.insert(at, (unit, denominator)),
            (Err(_), None) => {}
        }
    }

    /// Stores the value of the unit in position `unit`, which has none, read at `origin` (line
    /// 0: unknown). A column a reader fills row by row may be short of that unit: the units
    /// before it that it does not hold yet are added with no value, and the value is added
    /// after them in one write.
    pub(super) fn put(&mut self, unit: usize, value: Value, (line, field): (u32, u32)) {
        self.fill_to(unit);
        if unit == self.len() {
            let (form, number, denominator) = parts(Some(value));
            self.forms.push(form);
            self.numbers.push(number);
            self.lines.push(line);
            if let Fields::Each(fields) = &mut self.fields {
                fields.push(if line == 0 { 0 } else { field });
            } else if line != 0 && self.fields != Fields::Same(field) {
                self.note_field(unit, field);
            }
            // Every unit before this one has a smaller position: the list stays sorted.
            if let Some(denominator) = denominator {
                self.denominators.push((unit, denominator));
            }
        } else {
            self.set(unit, Some(value));
            self.set_origin(unit, (line, field));
        }
    }

    /// [`ValueColumn::put`] of a plain number for the next unit, read in the field the
    /// column's values so far were read in (nearly every value of a wide file): `false`, with
    /// nothing stored, for any other case, which the caller hands to `put`.
    pub(super) fn push_number(
        &mut self,
        unit: usize,
        number: f64,
        (line, field): (u32, u32),
    ) -> bool {
        if unit != self.forms.len()
            || line == 0
            || !matches!(self.fields, Fields::Same(same) if same == field)
        {
            return false;
        }
        self.forms.push(Form::Number);
        self.numbers.push(number);
        self.lines.push(line);
        true
    }

    /// Adds units with no value until the column holds `units` units.
    pub(super) fn fill_to(&mut self, units: usize) {
        while self.len() < units {
            self.push_missing();
        }
    }

    fn denominator_position(&self, unit: usize) -> Result<usize, usize> {
        self.denominators.binary_search_by_key(&unit, |&(u, _)| u)
    }

    /// Where the value of the unit in position `unit` was read: line and field, when known.
    pub(super) fn origin(&self, unit: usize) -> Option<(u32, u32)> {
        let line = *self.lines.get(unit)?;
        let field = match &self.fields {
            Fields::None => 0,
            Fields::Same(field) => *field,
            Fields::Each(fields) => fields[unit],
        };
        (line > 0).then_some((line, field))
    }

    /// Records where the value of the unit in position `unit` was read (line 0: unknown).
    pub(super) fn set_origin(&mut self, unit: usize, (line, field): (u32, u32)) {
        self.lines[unit] = line;
        if line != 0 {
            self.note_field(unit, field);
        }
    }

    /// Records the field of the unit in position `unit`, whose line is known.
    fn note_field(&mut self, unit: usize, field: u32) {
        match &mut self.fields {
            Fields::Each(fields) => fields[unit] = field,
            Fields::None => self.fields = Fields::Same(field),
            Fields::Same(same) if *same == field => {}
            Fields::Same(same) => {
                let mut fields = vec![*same; self.lines.len()];
                fields[unit] = field;
                self.fields = Fields::Each(fields);
            }
        }
    }

    /// Adds a unit with no value.
    pub(super) fn push_missing(&mut self) {
        self.forms.push(Form::Missing);
        self.numbers.push(0.0);
        self.lines.push(0);
        if let Fields::Each(fields) = &mut self.fields {
            fields.push(0);
        }
    }

    pub(super) fn reserve_exact(&mut self, units: usize) {
        self.forms.reserve_exact(units);
        self.numbers.reserve_exact(units);
        self.lines.reserve_exact(units);
    }

    /// Gives back the room reserved beyond the values held, when it is worth a `realloc`
    /// (see [`super::spare_is_worth_giving_back`]).
    pub(super) fn shrink_to_fit(&mut self) {
        if super::spare_is_worth_giving_back(self.len(), self.forms.capacity()) {
            self.forms.shrink_to_fit();
            self.numbers.shrink_to_fit();
            self.lines.shrink_to_fit();
        }
        self.denominators.shrink_to_fit();
        if let Fields::Each(fields) = &mut self.fields {
            fields.shrink_to_fit();
        }
    }
}

/// How a value is stored: its form, its number (the numerator of a fraction) and the
/// denominator of a fraction.
fn parts(value: Option<Value>) -> (Form, f64, Option<f64>) {
    match value {
        None => (Form::Missing, 0.0, None),
        Some(Value::Number { value }) => (Form::Number, value, None),
        Some(Value::Percent { value }) => (Form::Percent, value, None),
        Some(Value::YesNo { value: true }) => (Form::Yes, 0.0, None),
        Some(Value::YesNo { value: false }) => (Form::No, 0.0, None),
        Some(Value::Ratio {
            numerator,
            denominator,
        }) => (Form::Ratio, numerator, Some(denominator)),
    }
}

/// Two columns are equal when they hold the same values read from the same places, however
/// those are stored.
impl PartialEq for ValueColumn {
    fn eq(&self, other: &ValueColumn) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|unit| {
                self.get(unit) == other.get(unit) && self.origin(unit) == other.origin(unit)
            })
    }
}

/// Serialised as the list of values it holds, as a `Vec<Option<Value>>` would be.
impl Serialize for ValueColumn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_form() -> Vec<Option<Value>> {
        vec![
            None,
            Some(Value::Number { value: 0.9581 }),
            Some(Value::Percent { value: 96.0 }),
            Some(Value::Ratio {
                numerator: 731.0,
                denominator: 1950.0,
            }),
            Some(Value::YesNo { value: true }),
            Some(Value::YesNo { value: false }),
            Some(Value::Number {
                value: f64::INFINITY,
            }),
        ]
    }

    #[test]
    fn gives_back_every_form_it_is_given() {
        let values = every_form();
        let mut column = ValueColumn::missing(values.len());
        for (unit, value) in values.iter().enumerate().rev() {
            column.set(unit, *value);
        }
        assert_eq!(column.iter().collect::<Vec<_>>(), values);
        // Overwriting a fraction and clearing values leaves no denominator behind.
        column.set(3, Some(Value::Number { value: 1.0 }));
        column.set(1, None);
        assert_eq!(column.get(3), Some(Value::Number { value: 1.0 }));
        assert_eq!(column.get(1), None);
        assert!(column.denominators.is_empty());
        assert_eq!(column.get(values.len()), None);
    }

    #[test]
    fn a_short_column_grows_to_the_unit_it_is_given() {
        let values = every_form();
        let mut column = ValueColumn::missing(0);
        for (unit, value) in values.iter().enumerate() {
            if let Some(value) = value {
                column.put(unit, *value, (unit as u32 + 1, 3));
            }
        }
        column.fill_to(values.len() + 1);
        let mut expected = values.clone();
        expected.push(None);
        assert_eq!(column.iter().collect::<Vec<_>>(), expected);
        assert_eq!(column.origin(0), None);
        assert_eq!(column.origin(3), Some((4, 3)));
        // A unit the column already holds is set in place.
        column.put(0, Value::Number { value: 2.0 }, (9, 4));
        assert_eq!(column.get(0), Some(Value::Number { value: 2.0 }));
        assert_eq!(
            [column.origin(0), column.origin(3)],
            [Some((9, 4)), Some((4, 3))]
        );
    }

    #[test]
    fn keeps_one_field_until_two_differ() {
        let mut column = ValueColumn::missing(2);
        column.push_missing();
        assert_eq!(column.origin(0), None);
        column.set_origin(1, (5, 7));
        column.set_origin(2, (6, 7));
        assert_eq!(column.fields, Fields::Same(7));
        assert_eq!(
            [column.origin(1), column.origin(2)],
            [Some((5, 7)), Some((6, 7))]
        );
        column.set_origin(0, (9, 2));
        assert_eq!(
            [column.origin(0), column.origin(1), column.origin(2)],
            [Some((9, 2)), Some((5, 7)), Some((6, 7))]
        );
    }
}
