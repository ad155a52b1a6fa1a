//! Decision analyses built on the scorer: what-if, goal seeking, province mergers (cargo
//! feature `merge`, on by default), remove-one and Monte Carlo uncertainty and sensitivity of
//! the ranking (both change the framework: cargo feature `validate`, on by default).

pub mod goal;
#[cfg(feature = "merge")]
pub mod merge;
#[cfg(feature = "validate")]
pub mod removal;
#[cfg(feature = "validate")]
pub mod sensitivity;
pub mod whatif;

use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::framework::{Framework, NodeId};
use crate::table::Table;

/// Replaces a raw value of an indicator (already in its unit) for one unit of a table checked
/// against `framework`, clamped to the indicator's range so that a change cannot leave the
/// scale; a value that is not finite removes it.
pub(crate) fn set(
    table: &mut Table,
    framework: &Framework,
    unit: usize,
    node: NodeId,
    value: Option<f64>,
) {
    let range = framework.node(node).range;
    let value = value
        .filter(|v| v.is_finite())
        .map(|v| crate::float::clamp(v, range.low, range.high));
    if let Some(column) = framework.indicator_position(node) {
        // Clamped finite values are always accepted.
        let _ = table.set(unit, column, value);
    }
}

/// A failure naming an unknown code.
pub(crate) fn unknown(code: &str, referenced_by: &str) -> Failure {
    let problem = Problem::UnknownCode {
        code: code.to_string(),
        referenced_by: referenced_by.to_string(),
    };
    Failure {
        diagnostics: vec![Diagnostic::error(Location::default(), problem)],
    }
}

/// The indicator a code names, where something is set per indicator (an effort cost, a
/// what-if value; `referenced_by` says which, as [`Problem::UnknownCode`] does): the code of an
/// aggregate is [`Problem::NotAnIndicator`], a code the framework lacks
/// [`Problem::UnknownCode`].
///
/// ```
/// use dti_core::{Problem, analysis::indicator_named, embedded};
/// let framework = embedded::default_framework();
/// assert_eq!(indicator_named(&framework, "I7", "costs"), Ok(framework.find("I7").unwrap()));
/// assert_eq!(indicator_named(&framework, "DTI", "costs").unwrap_err().kind(), "not_an_indicator");
/// assert_eq!(indicator_named(&framework, "X9", "costs").unwrap_err().kind(), "unknown_code");
/// ```
pub fn indicator_named(
    framework: &Framework,
    code: &str,
    referenced_by: &str,
) -> Result<NodeId, Problem> {
    match framework.find(code) {
        Some(id) if framework.node(id).is_indicator() => Ok(id),
        Some(_) => Err(Problem::NotAnIndicator { code: code.into() }),
        None => Err(Problem::UnknownCode {
            code: code.into(),
            referenced_by: referenced_by.into(),
        }),
    }
}

/// The node a code names, where any node will do (the node of a goal): a code the framework
/// lacks is [`Problem::UnknownCode`], referred to by `referenced_by`.
///
/// ```
/// use dti_core::{analysis::node_named, embedded};
/// let framework = embedded::default_framework();
/// assert_eq!(node_named(&framework, "DTI", "goal"), Ok(framework.find("DTI").unwrap()));
/// assert_eq!(node_named(&framework, "X9", "goal").unwrap_err().kind(), "unknown_code");
/// ```
pub fn node_named(
    framework: &Framework,
    code: &str,
    referenced_by: &str,
) -> Result<NodeId, Problem> {
    framework.find(code).ok_or_else(|| Problem::UnknownCode {
        code: code.into(),
        referenced_by: referenced_by.into(),
    })
}

/// The node with a code, or a failure naming it.
pub(crate) fn find(
    framework: &Framework,
    code: &str,
    referenced_by: &str,
) -> Result<usize, Failure> {
    framework
        .find(code)
        .ok_or_else(|| unknown(code, referenced_by))
}
