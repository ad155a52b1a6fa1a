//! A column of optional finite numbers at eight bytes a value: the one column type of the
//! checked [`Table`](crate::Table) and of the scores in [`Results`](crate::Results).
//!
//! A value is an `f64`; a missing value is stored as NaN. Every write refuses a number that
//! is not finite, so a stored NaN can only mean "missing", never a computation gone wrong: a
//! computation that yields NaN or an infinity is an error where it is written, not a silent
//! gap. Half the size of `Vec<Option<f64>>` (sixteen bytes a value), which matters with a
//! million units.
//!
//! ```
//! use dti_core::values::Values;
//! let column = Values::try_from_iter([Some(0.5), None, Some(2.0)]).unwrap();
//! assert_eq!(column.len(), 3);
//! assert_eq!(column.get(1), None);
//! assert_eq!(column.get(2), Some(2.0));
//! assert_eq!(column.get(9), None);
//! assert_eq!(column.iter().flatten().sum::<f64>(), 2.5);
//! assert_eq!(column, [Some(0.5), None, Some(2.0)]);
//! // A number that is not finite is refused, with its position.
//! assert_eq!(Values::try_from_iter([Some(1.0), Some(f64::NAN)]).unwrap_err().position, 1);
//! ```

use std::fmt;

/// A value a column cannot hold (NaN or an infinity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFinite;

/// A column refused a value that is not finite: the first such value's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFiniteAt {
    /// The position of the first value that is not finite.
    pub position: usize,
}

/// Optional finite numbers, one per unit (see the [module](self) documentation). Two columns
/// are equal when their values are, missing ones included.
#[derive(Clone, Default)]
pub struct Values {
    /// NaN where missing; every other value finite.
    numbers: Vec<f64>,
}

/// How a missing value is stored. Never a value: writes refuse anything that is not finite.
const MISSING: f64 = f64::NAN;

impl Values {
    /// An empty column.
    pub const fn new() -> Values {
        Values {
            numbers: Vec::new(),
        }
    }

    /// `n` missing values.
    pub fn missing(n: usize) -> Values {
        Values {
            numbers: vec![MISSING; n],
        }
    }

    /// A column of the given values; fails at the first that is not finite.
    pub fn try_from_iter(
        values: impl IntoIterator<Item = Option<f64>>,
    ) -> Result<Values, NotFiniteAt> {
        let values = values.into_iter();
        let mut numbers = Vec::with_capacity(values.size_hint().0);
        for (position, value) in values.enumerate() {
            match value {
                None => numbers.push(MISSING),
                Some(x) if x.is_finite() => numbers.push(x),
                Some(_) => return Err(NotFiniteAt { position }),
            }
        }
        Ok(Values { numbers })
    }

    /// The number of values, missing ones included.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    /// True when the column has no values at all.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// The value at position `i`; `None` when missing or out of range.
    pub fn get(&self, i: usize) -> Option<f64> {
        self.numbers.get(i).copied().filter(|x| x.is_finite())
    }

    /// Every value in order, `None` where missing.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<f64>> + Clone + '_ {
        self.numbers.iter().map(|&x| x.is_finite().then_some(x))
    }

    /// Replaces the value at position `i` (out of range does nothing); a value that is not
    /// finite is refused and the column left as it was.
    pub fn set(&mut self, i: usize, value: Option<f64>) -> Result<(), NotFinite> {
        let number = match value {
            None => MISSING,
            Some(x) if x.is_finite() => x,
            Some(_) => return Err(NotFinite),
        };
        if let Some(cell) = self.numbers.get_mut(i) {
            *cell = number;
        }
        Ok(())
    }

    /// The numbers as stored, a missing value as NaN: for passes over a column that test
    /// for missing values themselves (`is_finite`), without an `Option` a value.
    pub(crate) fn as_slice(&self) -> &[f64] {
        &self.numbers
    }

    /// The values as `Option`s, for code that needs a slice of them.
    pub fn to_vec(&self) -> Vec<Option<f64>> {
        self.iter().collect()
    }

    /// The values at the given positions, in that order.
    ///
    /// # Panics
    /// When a position is out of range.
    pub fn select(&self, positions: &[usize]) -> Values {
        Values {
            numbers: positions.iter().map(|&i| self.numbers[i]).collect(),
        }
    }
}

impl fmt::Debug for Values {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        // Not the numbers' `==`: a missing value (NaN) would differ from itself.
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl PartialEq<[Option<f64>]> for Values {
    fn eq(&self, other: &[Option<f64>]) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().copied())
    }
}

impl PartialEq<&[Option<f64>]> for Values {
    fn eq(&self, other: &&[Option<f64>]) -> bool {
        *self == **other
    }
}

impl<const N: usize> PartialEq<[Option<f64>; N]> for Values {
    fn eq(&self, other: &[Option<f64>; N]) -> bool {
        *self == other[..]
    }
}

impl PartialEq<Vec<Option<f64>>> for Values {
    fn eq(&self, other: &Vec<Option<f64>>) -> bool {
        *self == other[..]
    }
}

impl<const N: usize> PartialEq<[Option<f64>; N]> for &Values {
    fn eq(&self, other: &[Option<f64>; N]) -> bool {
        **self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_never_a_value_and_values_are_kept_exactly() {
        let tiny = f64::from_bits(1);
        let values = [Some(-0.0), None, Some(tiny), Some(f64::MAX), Some(-1e-300)];
        let column = Values::try_from_iter(values).unwrap();
        assert_eq!(column.to_vec(), values);
        // Bit for bit, negative zero included.
        for (got, want) in column.iter().zip(values) {
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits));
        }
        assert_eq!(Values::missing(2), [None, None]);
        assert_eq!(Values::missing(2), Values::missing(2));
        assert_eq!(column.clone(), column);
        assert_ne!(column, Values::missing(5));
    }

    #[test]
    fn writes_refuse_numbers_that_are_not_finite() {
        let mut column = Values::try_from_iter([Some(1.0), None]).unwrap();
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(column.set(0, Some(bad)), Err(NotFinite));
            assert_eq!(
                Values::try_from_iter([None, None, Some(bad)]),
                Err(NotFiniteAt { position: 2 })
            );
        }
        assert_eq!(column, [Some(1.0), None]);
        column.set(1, Some(3.0)).unwrap();
        column.set(0, None).unwrap();
        column.set(5, Some(4.0)).unwrap();
        assert_eq!(column, [None, Some(3.0)]);
        assert_eq!(column.select(&[1, 1, 0]), [Some(3.0), Some(3.0), None]);
    }
}
