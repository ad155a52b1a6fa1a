//! The one data table: units × named numeric columns.
//!
//! [`check`](crate::check()) fills a table from a [`Dataset`](crate::Dataset): one column per
//! indicator of the framework, in the framework's order, each value in its indicator's unit and
//! range, then any denominator columns. The construction pipeline's steps transform it;
//! scoring reads it. Each row carries its unit (code, name, year and groupings), so a step that
//! drops rows keeps every row's identity.

use std::sync::Arc;

use crate::dataset::UnitInfo;
use crate::framework::{Framework, NodeId};
pub use crate::values::NotFinite;
use crate::values::Values;

/// Units (rows) × named numeric columns, stored column by column ([`Values`], eight bytes a
/// cell). A cell is `None` when missing; a cell is never NaN or infinite.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    // Shared between the tables of a pipeline's steps, which mostly keep the same rows and
    // columns: a step clones two `Arc`s, never a string. The values are shared too, with the
    // results scored from the table (their raw values) and between copies until one changes.
    units: Arc<Vec<UnitInfo>>,
    columns: Arc<[String]>,
    /// One column per name, one value per unit.
    values: Arc<Vec<Values>>,
}

/// A column with no values, for columns a table does not have.
static NO_VALUES: Values = Values::new();

impl Table {
    /// A table of the given units and columns with every value missing.
    pub fn new(units: Vec<UnitInfo>, columns: Vec<String>) -> Table {
        Table::of_units(Arc::new(units), columns)
    }

    /// A table of shared units (a data set's) and the given columns with every value missing.
    pub(crate) fn of_units(units: Arc<Vec<UnitInfo>>, columns: Vec<String>) -> Table {
        let values = vec![Values::missing(units.len()); columns.len()];
        Table {
            units,
            columns: columns.into(),
            values: Arc::new(values),
        }
    }

    /// A table with one column per indicator of a framework, in the framework's order, and
    /// every value missing.
    pub fn for_framework(framework: &Framework, units: Vec<UnitInfo>) -> Table {
        let columns = framework
            .indicators()
            .map(|id| framework.node(id).code.clone())
            .collect();
        Table::new(units, columns)
    }

    /// The units, one per row.
    pub fn units(&self) -> &[UnitInfo] {
        &self.units
    }

    /// The units, shared (results and a step that keeps the rows keep them without copying a
    /// unit).
    pub(crate) fn shared_units(&self) -> Arc<Vec<UnitInfo>> {
        Arc::clone(&self.units)
    }

    /// The number of rows.
    pub fn n_units(&self) -> usize {
        self.units.len()
    }

    /// The column names, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The position of a column.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The position of the first row of a unit (codes matched as
    /// [`crate::dataset::same_unit_code`] matches them).
    pub fn unit_index(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.has_code(code))
    }

    /// The values of column `j`, one per row (empty when there is no such column).
    pub fn column_at(&self, j: usize) -> &Values {
        self.values.get(j).unwrap_or(&NO_VALUES)
    }

    /// The values of a column by name.
    pub fn column(&self, name: &str) -> Option<&Values> {
        self.column_index(name).map(|j| self.column_at(j))
    }

    /// The values of an indicator of `framework`, found by its code.
    pub fn indicator(&self, framework: &Framework, node: NodeId) -> Option<&Values> {
        self.indicator_column(framework, node)
            .map(|j| self.column_at(j))
    }

    /// The position of an indicator's column, found by its code.
    pub fn indicator_column(&self, framework: &Framework, node: NodeId) -> Option<usize> {
        let code = &framework.nodes().get(node)?.code;
        // Tables made by `check` hold the indicators first, in the framework's order.
        let position = framework.indicator_position(node);
        match position.and_then(|k| self.columns.get(k)) {
            Some(name) if name == code => position,
            _ => self.column_index(code),
        }
    }

    /// One unit's value (by row) of an indicator of `framework`.
    pub fn indicator_value(&self, framework: &Framework, unit: usize, node: NodeId) -> Option<f64> {
        self.indicator(framework, node)?.get(unit)
    }

    /// One cell by row and column position.
    pub fn get(&self, unit: usize, column: usize) -> Option<f64> {
        self.column_at(column).get(unit)
    }

    /// One cell by unit code and column name.
    pub fn value(&self, unit: &str, column: &str) -> Option<f64> {
        self.column(column)?.get(self.unit_index(unit)?)
    }

    /// Replaces one cell (row and column by position; out of range does nothing). A value
    /// that is not finite is refused.
    pub fn set(&mut self, unit: usize, column: usize, value: Option<f64>) -> Result<(), NotFinite> {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(NotFinite);
        }
        match Arc::make_mut(&mut self.values).get_mut(column) {
            Some(cells) => cells.set(unit, value),
            None => Ok(()),
        }
    }

    /// The labels of a grouping, one per row (blank where a unit has none): `group` for the
    /// `group` column, else a named grouping (`group:NAME` columns). `None` when no unit has a
    /// label in it.
    pub fn grouping(&self, name: &str) -> Option<Vec<&str>> {
        fn label<'u>(unit: &'u UnitInfo, name: &str) -> Option<&'u str> {
            if name == "group" {
                unit.group.as_deref()
            } else {
                unit.groups.get(name).map(String::as_str)
            }
        }
        if !self.units.iter().any(|u| label(u, name).is_some()) {
            return None;
        }
        Some(
            self.units
                .iter()
                .map(|u| label(u, name).unwrap_or(""))
                .collect(),
        )
    }

    /// The names of the groupings any unit has a label in: `group`, then the named ones.
    pub fn grouping_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .units
            .iter()
            .flat_map(|u| u.groups.keys().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        if self.units.iter().any(|u| u.group.is_some()) {
            names.insert(0, "group");
        }
        names
    }

    /// The table row by row: one vector of values per unit, in column order.
    pub fn rows(&self) -> Vec<Vec<Option<f64>>> {
        (0..self.n_units())
            .map(|i| (0..self.columns.len()).map(|j| self.get(i, j)).collect())
            .collect()
    }

    /// Replaces column `j` with values of the same length, or refuses them, changing
    /// nothing, when one is not finite: a step that computed such a number must say so, not
    /// have it taken for a missing value.
    #[cfg(feature = "pipeline")]
    pub(crate) fn write_column(
        &mut self,
        j: usize,
        values: Vec<Option<f64>>,
    ) -> Result<(), crate::values::NotFiniteAt> {
        self.replace_column(j, Values::try_from_iter(values)?);
        Ok(())
    }

    /// Replaces column `j` with values of the same length (anything else does nothing).
    pub(crate) fn replace_column(&mut self, j: usize, values: Values) {
        if values.len() == self.units.len()
            && let Some(column) = Arc::make_mut(&mut self.values).get_mut(j)
        {
            *column = values;
        }
    }

    /// The same rows with the columns at the given positions, in that order.
    #[cfg(feature = "pipeline")]
    pub(crate) fn select_columns(&self, positions: &[usize]) -> Table {
        let values = positions
            .iter()
            .map(|&j| self.column_at(j).clone())
            .collect();
        Table {
            units: Arc::clone(&self.units),
            columns: positions.iter().map(|&j| self.columns[j].clone()).collect(),
            values: Arc::new(values),
        }
    }

    /// The rows at the given positions, in that order, with every column.
    pub(crate) fn select_rows(&self, rows: &[usize]) -> Table {
        let all = rows.len() == self.units.len() && rows.iter().enumerate().all(|(k, &i)| k == i);
        if all {
            return self.clone();
        }
        let values = self
            .values
            .iter()
            .map(|column| column.select(rows))
            .collect();
        Table {
            units: Arc::new(rows.iter().map(|&i| self.units[i].clone()).collect()),
            columns: Arc::clone(&self.columns),
            values: Arc::new(values),
        }
    }

    /// A table of units named by their codes and named columns of values, for tests.
    #[cfg(test)]
    pub(crate) fn from_columns(units: &[&str], columns: &[(&str, &[Option<f64>])]) -> Table {
        let units = units.iter().map(|c| UnitInfo::new(*c)).collect();
        let names = columns.iter().map(|(n, _)| n.to_string()).collect();
        let mut table = Table::new(units, names);
        for (j, (_, values)) in columns.iter().enumerate() {
            for (i, v) in values.iter().enumerate() {
                table.set(i, j, *v).expect("finite test values");
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let units = ["A", "B", "C"].into_iter().map(UnitInfo::new).collect();
        let mut t = Table::new(units, vec!["x".into(), "y".into()]);
        for (i, (x, y)) in [
            (Some(1.0), Some(4.0)),
            (None, Some(5.0)),
            (Some(3.0), Some(6.0)),
        ]
        .into_iter()
        .enumerate()
        {
            t.set(i, 0, x).unwrap();
            t.set(i, 1, y).unwrap();
        }
        t
    }

    #[test]
    fn cells_by_position_and_by_name() {
        let t = table();
        assert_eq!(t.column("x").unwrap(), [Some(1.0), None, Some(3.0)]);
        assert_eq!(t.value("C", "y"), Some(6.0));
        assert_eq!(t.value("B", "x"), None);
        assert_eq!(t.rows()[1], [None, Some(5.0)]);
        let mut t = t;
        assert_eq!(t.set(0, 0, Some(f64::NAN)), Err(NotFinite));
        assert_eq!(t.get(0, 0), Some(1.0));
    }

    #[test]
    fn select_rows_and_columns() {
        let t = table();
        let s = t.select_rows(&[2, 0]);
        assert_eq!(
            s.units()
                .iter()
                .map(|u| u.code.as_str())
                .collect::<Vec<_>>(),
            ["C", "A"]
        );
        assert_eq!(s.column("y").unwrap(), [Some(6.0), Some(4.0)]);
        let c = t.select_columns(&[1]);
        assert_eq!(c.columns(), ["y"]);
        assert_eq!(c.column_at(0), t.column_at(1));
    }

    #[test]
    fn groupings_come_from_the_units() {
        let mut units: Vec<UnitInfo> = ["A", "B"].into_iter().map(UnitInfo::new).collect();
        units[0].group = Some("North".into());
        units[1].groups.insert("size".into(), "big".into());
        let t = Table::new(units, vec![]);
        assert_eq!(t.grouping("group"), Some(vec!["North", ""]));
        assert_eq!(t.grouping("size"), Some(vec!["", "big"]));
        assert_eq!(t.grouping("income"), None);
        assert_eq!(t.grouping_names(), ["group", "size"]);
    }
}
