//! Columnar data: a [`Table`] of units × numeric columns, and the [`Dataset`] fed to a pipeline.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::error::PipelineError;

/// A matrix of units (rows) × named numeric columns, stored column by column.
///
/// A cell is `None` when missing. Cells are never NaN or infinite: constructors reject them, and
/// every stage of the pipeline turns an undefined result into `None` or an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    // Shared between the stages' tables, which mostly keep the same rows.
    units: Arc<[String]>,
    times: Option<Arc<[i64]>>,
    columns: Vec<String>,
    values: Vec<Option<f64>>,
}

impl Table {
    /// Creates a table without columns for the given units, and optionally one time per unit
    /// (for panel data, where a unit code repeats over several times).
    ///
    /// Fails if a (unit, time) pair repeats or `times` has the wrong length.
    pub fn new(units: Vec<String>, times: Option<Vec<i64>>) -> Result<Self, PipelineError> {
        if let Some(t) = &times
            && t.len() != units.len()
        {
            return Err(PipelineError::LengthMismatch {
                column: "time".into(),
                expected: units.len(),
                found: t.len(),
            });
        }
        let mut seen = BTreeSet::new();
        for (i, u) in units.iter().enumerate() {
            let t = times.as_ref().and_then(|t| t.get(i).copied());
            if !seen.insert((u.as_str(), t)) {
                return Err(PipelineError::DuplicateUnit(match t {
                    Some(t) => format!("{u}@{t}"),
                    None => u.clone(),
                }));
            }
        }
        Ok(Self {
            units: units.into(),
            times: times.map(Into::into),
            columns: Vec::new(),
            values: Vec::new(),
        })
    }

    /// Appends a column. Fails on a duplicate name, a wrong length, or a NaN or infinite value
    /// (the error names the unit and column).
    pub fn push_column(
        &mut self,
        name: impl Into<String>,
        values: Vec<Option<f64>>,
    ) -> Result<(), PipelineError> {
        let name = name.into();
        if self.columns.contains(&name) {
            return Err(PipelineError::DuplicateColumn(name));
        }
        if values.len() != self.units.len() {
            return Err(PipelineError::LengthMismatch {
                column: name,
                expected: self.units.len(),
                found: values.len(),
            });
        }
        for (unit, v) in self.units.iter().zip(&values) {
            if let Some(v) = v
                && !v.is_finite()
            {
                return Err(PipelineError::NonFinite {
                    column: name,
                    unit: unit.clone(),
                    value: *v,
                });
            }
        }
        self.columns.push(name);
        self.values.extend(values);
        Ok(())
    }

    /// Appends a column computed by the pipeline (values already known to be finite).
    pub(crate) fn push_unchecked(&mut self, name: String, values: Vec<Option<f64>>) {
        debug_assert_eq!(values.len(), self.units.len());
        self.columns.push(name);
        self.values.extend(values);
    }

    /// Unit codes, one per row.
    pub fn units(&self) -> &[String] {
        &self.units
    }

    /// Times, one per row, for panel data.
    pub fn times(&self) -> Option<&[i64]> {
        self.times.as_deref()
    }

    /// Column names, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Number of rows.
    pub fn n_units(&self) -> usize {
        self.units.len()
    }

    /// Position of a column.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// Position of a unit (the first row with that code).
    pub fn unit_index(&self, unit: &str) -> Option<usize> {
        self.units.iter().position(|u| u == unit)
    }

    /// The values of column `j` (by position), one per unit; empty if out of range.
    pub fn column_at(&self, j: usize) -> &[Option<f64>] {
        let n = self.units.len();
        self.values.get(j * n..(j + 1) * n).unwrap_or(&[])
    }

    /// The values of a column by name.
    pub fn column(&self, name: &str) -> Option<&[Option<f64>]> {
        self.column_index(name).map(|j| self.column_at(j))
    }

    /// One cell by unit code and column name; `None` if either is unknown or the cell is missing.
    pub fn get(&self, unit: &str, column: &str) -> Option<f64> {
        let i = self.unit_index(unit)?;
        self.column(column)?.get(i).copied().flatten()
    }

    /// A table with the same rows and no columns.
    pub(crate) fn empty_like(&self) -> Self {
        Self {
            units: self.units.clone(),
            times: self.times.clone(),
            columns: Vec::new(),
            values: Vec::new(),
        }
    }

    /// A table with the same rows and the given columns of `self`, in the given order.
    pub(crate) fn select_columns(&self, names: &[String]) -> Result<Self, PipelineError> {
        let mut out = self.empty_like();
        for name in names {
            let col = self
                .column(name)
                .ok_or_else(|| PipelineError::UnknownColumn(name.clone()))?;
            out.push_unchecked(name.clone(), col.to_vec());
        }
        Ok(out)
    }

    /// A table with the rows at the given positions, in that order.
    pub(crate) fn select_rows(&self, rows: &[usize]) -> Self {
        let n = self.units.len();
        let units = rows
            .iter()
            .filter_map(|&i| self.units.get(i).cloned())
            .collect();
        let times = self
            .times
            .as_ref()
            .map(|t| rows.iter().filter_map(|&i| t.get(i).copied()).collect());
        let mut values = Vec::with_capacity(rows.len() * self.columns.len());
        for j in 0..self.columns.len() {
            let col = &self.values[j * n..(j + 1) * n];
            values.extend(rows.iter().filter_map(|&i| col.get(i).copied()));
        }
        Self {
            units,
            times,
            columns: self.columns.clone(),
            values,
        }
    }

    /// Mutable access to column `j`.
    pub(crate) fn column_mut(&mut self, j: usize) -> &mut [Option<f64>] {
        let n = self.units.len();
        self.values.get_mut(j * n..(j + 1) * n).unwrap_or(&mut [])
    }
}

/// The input of a pipeline: numeric columns (indicators and denominators) and group columns, one
/// row per unit (or per unit and time, for panels).
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    table: Table,
    groups: Vec<(String, Vec<String>)>,
}

impl Dataset {
    /// Creates a dataset without columns; see [`Table::new`].
    pub fn new(units: Vec<String>, times: Option<Vec<i64>>) -> Result<Self, PipelineError> {
        Ok(Self {
            table: Table::new(units, times)?,
            groups: Vec::new(),
        })
    }

    /// Adds a numeric column (indicator or denominator); see [`Table::push_column`].
    pub fn push_column(
        &mut self,
        name: impl Into<String>,
        values: Vec<Option<f64>>,
    ) -> Result<(), PipelineError> {
        let name = name.into();
        if self.groups.iter().any(|(g, _)| *g == name) {
            return Err(PipelineError::DuplicateColumn(name));
        }
        self.table.push_column(name, values)
    }

    /// Adds a group column: one label per unit (e.g. a region), used by group imputation and
    /// ranks within groups.
    pub fn push_group(
        &mut self,
        name: impl Into<String>,
        labels: Vec<String>,
    ) -> Result<(), PipelineError> {
        let name = name.into();
        if self.groups.iter().any(|(g, _)| *g == name) || self.table.column_index(&name).is_some() {
            return Err(PipelineError::DuplicateColumn(name));
        }
        if labels.len() != self.table.n_units() {
            return Err(PipelineError::LengthMismatch {
                column: name,
                expected: self.table.n_units(),
                found: labels.len(),
            });
        }
        self.groups.push((name, labels));
        Ok(())
    }

    /// The numeric columns.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The labels of a group column, one per unit.
    pub fn group(&self, name: &str) -> Option<&[String]> {
        self.groups
            .iter()
            .find(|(g, _)| g == name)
            .map(|(_, l)| l.as_slice())
    }

    /// Names of the group columns.
    pub fn group_names(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().map(|(g, _)| g.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_finite_naming_unit_and_column() {
        let mut d = Dataset::new(vec!["A".into(), "B".into()], None).unwrap();
        let err = d
            .push_column("x", vec![Some(1.0), Some(f64::NAN)])
            .unwrap_err();
        assert!(
            matches!(err, PipelineError::NonFinite { ref column, ref unit, .. }
            if column == "x" && unit == "B")
        );
        let err = d
            .push_column("y", vec![Some(f64::INFINITY), None])
            .unwrap_err();
        assert!(err.to_string().contains("`A`"));
    }

    #[test]
    fn rejects_duplicates_and_bad_lengths() {
        assert!(Dataset::new(vec!["A".into(), "A".into()], None).is_err());
        assert!(Dataset::new(vec!["A".into(), "A".into()], Some(vec![2020, 2021])).is_ok());
        let mut d = Dataset::new(vec!["A".into()], None).unwrap();
        d.push_column("x", vec![None]).unwrap();
        assert_eq!(
            d.push_column("x", vec![None]),
            Err(PipelineError::DuplicateColumn("x".into()))
        );
        assert!(d.push_group("x", vec!["g".into()]).is_err());
        assert!(d.push_column("z", vec![]).is_err());
    }

    #[test]
    fn select_rows_and_columns() {
        let mut t = Table::new(vec!["A".into(), "B".into(), "C".into()], None).unwrap();
        t.push_column("x", vec![Some(1.0), None, Some(3.0)])
            .unwrap();
        t.push_column("y", vec![Some(4.0), Some(5.0), Some(6.0)])
            .unwrap();
        let s = t.select_rows(&[2, 0]);
        assert_eq!(s.units(), ["C", "A"]);
        assert_eq!(s.column("y").unwrap(), [Some(6.0), Some(4.0)]);
        let c = t.select_columns(&["y".into()]).unwrap();
        assert_eq!(c.columns(), ["y"]);
        assert_eq!(t.get("C", "x"), Some(3.0));
        assert_eq!(t.get("B", "x"), None);
    }
}
