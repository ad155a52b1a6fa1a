//! Remove-one analysis: drop each indicator (or aggregate) in turn and see how ranks shift.

use serde::Serialize;

use crate::diagnostic::Failure;
use crate::framework::{Framework, NodeId};
use crate::score::compute;
use crate::table::Table;

/// What removing one node did to the ranking on an index.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Removal {
    /// The node removed (its weight set to zero wherever it counts).
    pub removed: String,
    /// Mean absolute rank shift over the units.
    pub mean_abs_shift: f64,
    /// The largest absolute rank shift.
    pub max_abs_shift: u32,
    /// Each unit's shift: new rank minus nominal rank (negative = better), in data order.
    pub shifts: Vec<Option<i64>>,
    /// Why the node could not be removed (for example it is the only child of an aggregate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

/// Removes each candidate in turn (every node that is not an index when `candidates` is
/// empty) and compares the ranks on `index` with the nominal ranks.
///
/// ```
/// use dti_core::{analysis::removal::remove_one, check, Dataset, embedded};
/// let framework = embedded::default_framework();
/// let data = Dataset::from_csv("code,I1,I2,I3,I4,I5,I7,I8,I9\nA,1,1,1,1,1,0,1,1\nB,0,0,0,0,0,1,0,0\n", None);
/// let table = check(&framework, &data.dataset).table;
/// let dti = framework.find("DTI").unwrap();
/// let removals = remove_one(&framework, &table, dti, &[framework.find("I1").unwrap()]).unwrap();
/// assert_eq!(removals[0].shifts, vec![Some(0), Some(0)]);
/// ```
pub fn remove_one(
    framework: &Framework,
    table: &Table,
    index: NodeId,
    candidates: &[NodeId],
) -> Result<Vec<Removal>, Failure> {
    let nominal = compute(framework, table)?.ranks(index);
    let all: Vec<NodeId>;
    let candidates = if candidates.is_empty() {
        all = (0..framework.nodes().len())
            .filter(|id| !framework.indices().contains(id) && framework.reaches(index, *id))
            .collect();
        &all
    } else {
        candidates
    };
    let removals = candidates
        .iter()
        .map(|&removed| {
            let code = framework.node(removed).code.clone();
            let reduced = framework
                .with_weights(|_, child, weight| if child == removed { 0.0 } else { weight })
                .and_then(|reduced| compute(&reduced, table));
            match reduced {
                Err(failure) => Removal {
                    removed: code,
                    mean_abs_shift: 0.0,
                    max_abs_shift: 0,
                    shifts: Vec::new(),
                    refused: Some(failure.to_string()),
                },
                Ok(results) => {
                    let ranks = results.ranks(index);
                    let shifts: Vec<Option<i64>> = nominal
                        .iter()
                        .zip(&ranks)
                        .map(|(a, b)| Some(i64::from((*b)?) - i64::from((*a)?)))
                        .collect();
                    let known: Vec<u64> =
                        shifts.iter().flatten().map(|s| s.unsigned_abs()).collect();
                    let mean = if known.is_empty() {
                        0.0
                    } else {
                        known.iter().sum::<u64>() as f64 / known.len() as f64
                    };
                    let max = known.iter().copied().max().unwrap_or(0);
                    Removal {
                        removed: code,
                        mean_abs_shift: mean,
                        max_abs_shift: u32::try_from(max).unwrap_or(u32::MAX),
                        shifts,
                        refused: None,
                    }
                }
            }
        })
        .collect();
    Ok(removals)
}
