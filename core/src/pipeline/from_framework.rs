//! The pipeline on the core's own types: the [`Tree`] of a validated [`Framework`], the
//! pipeline's [`Dataset`] from a data set the readers produced, and [`build`], which runs a
//! framework's `[pipeline]` table on such data.

use crate::framework::{Direction, Framework, NodeKind as FrameworkKind};
use crate::value::Value;

use super::error::{PipelineError, TreeError};
use super::table::Dataset;
use super::tree::{NodeKind, NodeSpec, Tree};
use super::{Results, run};

/// Runs the `[pipeline]` table of a framework on a data set, with the framework's weights or
/// those of a named weight set; returns the tree used (with those weights) and the results.
///
/// ```
/// use dti_core::{Dataset, Framework, pipeline};
///
/// let framework = Framework::from_toml(r#"
///     id = "two"
///     names = { vi = "Hai", en = "Two" }
///     [[indicator]]
///     code = "a"
///     names = { vi = "A", en = "A" }
///     unit = "number"
///     rule = { kind = "min_max" }
///     [[indicator]]
///     code = "b"
///     names = { vi = "B", en = "B" }
///     unit = "number"
///     rule = { kind = "min_max" }
///     [[aggregate]]
///     code = "I"
///     names = { vi = "I", en = "I" }
///     children = ["a", "b"]
///     [pipeline]
///     normalise.default = { method = "min_max", low = 0, high = 100 }
///     weights.a-only = { b = 0 }
/// "#, None).unwrap();
/// let data = Dataset::from_csv("code,a,b\nX,1,30\nY,3,10\n", None).dataset;
/// let (_, results) = pipeline::build(&framework, &data, None)?;
/// assert_eq!(results.aggregated().column("I").unwrap(), [Some(50.0), Some(50.0)]);
/// let (_, results) = pipeline::build(&framework, &data, Some("a-only"))?;
/// assert_eq!(results.aggregated().column("I").unwrap(), [Some(0.0), Some(100.0)]);
/// # Ok::<(), pipeline::PipelineError>(())
/// ```
pub fn build(
    framework: &Framework,
    data: &crate::Dataset,
    weights: Option<&str>,
) -> Result<(Tree, Results), PipelineError> {
    let spec = framework.pipeline().ok_or(PipelineError::NoPipeline)?;
    let tree = tree_from_framework(framework)?;
    let tree = match weights {
        Some(set) => spec.weighted(&tree, set)?,
        None => tree,
    };
    let table = pipeline_dataset(data, framework)?;
    let results = run(&table, &tree, spec)?;
    Ok((tree, results))
}

/// The pipeline's table from a data set: each indicator column in its indicator's unit (a
/// value that does not fit the unit is an error), every other column (denominators) as a
/// number, the `group` column and each named grouping (`group:NAME`) as labels (blank where a
/// unit has none). Units repeated with a year each make a panel.
pub fn pipeline_dataset(
    data: &crate::Dataset,
    framework: &Framework,
) -> Result<Dataset, PipelineError> {
    let units = data.units();
    let codes: Vec<String> = units.iter().map(|u| u.code.clone()).collect();
    let repeated = codes
        .iter()
        .enumerate()
        .any(|(i, c)| codes[..i].contains(c));
    let times = (repeated && units.iter().all(|u| u.year.is_some())).then(|| {
        units
            .iter()
            .map(|u| i64::from(u.year.unwrap_or(0)))
            .collect()
    });
    let mut out = Dataset::new(codes, times)?;
    for (c, column) in data.columns().iter().enumerate() {
        let unit = framework
            .find(column)
            .map(|id| framework.node(id))
            .filter(|node| node.is_indicator())
            .map(|node| node.unit);
        let mut values = Vec::with_capacity(units.len());
        for (u, info) in units.iter().enumerate() {
            let value = match (data.value(u, c), unit) {
                (None, _) => None,
                (Some(value), Some(unit)) => {
                    Some(
                        value
                            .in_unit(unit)
                            .map_err(|problem| PipelineError::Value {
                                column: column.clone(),
                                unit: info.code.clone(),
                                problem,
                            })?,
                    )
                }
                (Some(value), None) => plain_number(value),
            };
            values.push(value);
        }
        out.push_column(column.clone(), values)?;
    }
    if units.iter().any(|u| u.group.is_some()) {
        let labels = units
            .iter()
            .map(|u| u.group.clone().unwrap_or_default())
            .collect();
        out.push_group("group", labels)?;
    }
    let mut groupings: Vec<&str> = units
        .iter()
        .flat_map(|u| u.groups.keys().map(String::as_str))
        .collect();
    groupings.sort_unstable();
    groupings.dedup();
    for grouping in groupings {
        let labels = units
            .iter()
            .map(|u| u.groups.get(grouping).cloned().unwrap_or_default())
            .collect();
        out.push_group(grouping, labels)?;
    }
    Ok(out)
}

/// A value of a column that is not an indicator (a denominator), as a plain number.
fn plain_number(value: Value) -> Option<f64> {
    match value {
        Value::Number { value } | Value::Percent { value } => Some(value),
        Value::Ratio {
            numerator,
            denominator,
        } => Some(numerator / denominator).filter(|v| v.is_finite()),
        Value::YesNo { value } => Some(if value { 1.0 } else { 0.0 }),
    }
}

/// The pipeline tree of a framework: the same nodes and codes, each node weighted by the weight
/// of its edge to its parent, indicators with the framework's direction, denominator and target.
///
/// Only the structure is taken. The framework's scoring rules, ranges and per-aggregate methods
/// belong to the scorer; in the pipeline, normalisation and aggregation methods come from the
/// [`PipelineSpec`](super::PipelineSpec).
///
/// Fails with [`TreeError::SeveralParents`], naming the node and its parents, when a node counts
/// toward several aggregates (the DTI's foundation indicators count toward three pillars): the
/// pipeline, like COINr, aggregates a tree. It fails with [`TreeError::SeveralRoots`] when the
/// framework has several top-level nodes.
pub fn tree_from_framework(framework: &Framework) -> Result<Tree, TreeError> {
    let nodes = framework.nodes();
    let mut specs = Vec::with_capacity(nodes.len());
    for node in nodes {
        let (parent, weight) = match node.parents.as_slice() {
            [] => (None, 1.0),
            [(p, w)] => (Some(nodes[*p].code.clone()), *w),
            several => {
                return Err(TreeError::SeveralParents {
                    node: node.code.clone(),
                    parents: several
                        .iter()
                        .map(|(p, _)| nodes[*p].code.clone())
                        .collect(),
                });
            }
        };
        let kind = match node.kind {
            FrameworkKind::Indicator { .. } => NodeKind::Indicator {
                direction: match node.direction {
                    Direction::Higher => 1,
                    Direction::Lower => -1,
                },
                denominator: node.denominator.clone(),
                target: node.target,
            },
            FrameworkKind::Aggregate { .. } => NodeKind::Aggregate,
        };
        specs.push(NodeSpec {
            code: node.code.clone(),
            parent,
            weight,
            level: None,
            kind,
        });
    }
    Tree::new(specs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/pipeline/framework-tree.toml");

    #[test]
    fn builds_the_tree_with_edge_weights_and_directions() {
        let framework = Framework::from_toml(FIXTURE, None).expect("valid framework");
        let tree = tree_from_framework(&framework).expect("a tree");
        assert_eq!(tree.indicator_codes(), ["a", "b", "c"]);
        assert_eq!(tree.direction("b"), -1);
        assert_eq!(tree.direction("a"), 1);
        assert_eq!(tree.denominator("a"), Some("pop"));
        assert_eq!(tree.denominator("b"), None);
        assert_eq!(tree.target("c"), Some(10.0));
        assert_eq!(tree.target("a"), None);
        assert_eq!(tree.level("I"), Some(3));
        let expected = [
            ("a", 1.0 / 12.0),
            ("b", 0.25),
            ("c", 2.0 / 3.0),
            ("P", 1.0 / 3.0),
            ("Q", 2.0 / 3.0),
            ("I", 1.0),
        ];
        let weights = tree.effective_weights();
        assert_eq!(weights.len(), expected.len());
        for (code, w) in expected {
            let ours = weights.iter().find(|(c, _)| c == code).map(|(_, w)| *w);
            assert!(
                ours.is_some_and(|o| (o - w).abs() < 1e-15),
                "{code}: {ours:?} vs {w}"
            );
        }
    }

    /// The fixture with a `[pipeline]` table imputing by a named grouping.
    fn with_pipeline() -> Framework {
        let text = format!(
            "{FIXTURE}\n[pipeline]\nimpute.default = {{ method = \"group_mean\", group = \"size\" }}\nnormalise.default = {{ method = \"min_max\" }}\n"
        );
        Framework::from_toml(&text, None).expect("valid framework")
    }

    #[test]
    fn build_fills_by_a_named_grouping_and_needs_every_label() {
        let framework = with_pipeline();
        let csv = "code,group:size,pop,a,b,c\nX,big,10,1,2,\nY,big,10,2,3,5\nZ,small,20,3,1,4\n";
        let data = crate::Dataset::from_csv(csv, None).dataset;
        let (_, results) = build(&framework, &data, None).expect("runs");
        let imputed = results.stage(super::super::Stage::Imputed).unwrap();
        assert_eq!(
            imputed.column("c").unwrap()[0],
            Some(5.0),
            "mean of the other big unit"
        );

        let csv = csv.replace("Y,big", "Y,");
        let data = crate::Dataset::from_csv(&csv, None).dataset;
        assert_eq!(
            build(&framework, &data, None).err(),
            Some(PipelineError::Unlabelled {
                group: "size".into(),
                unit: "Y".into()
            })
        );
    }

    #[test]
    fn build_refuses_a_value_in_the_wrong_form_and_a_framework_without_pipeline() {
        let data = crate::Dataset::from_csv("code,pop,a,b,c\nX,1,yes,2,3\n", None).dataset;
        let error = build(&with_pipeline(), &data, None).unwrap_err();
        assert!(
            matches!(&error, PipelineError::Value { column, unit, .. } if column == "a" && unit == "X"),
            "{error}"
        );
        let plain = Framework::from_toml(FIXTURE, None).unwrap();
        assert_eq!(
            build(&plain, &data, None).err(),
            Some(PipelineError::NoPipeline)
        );
    }

    #[test]
    fn a_node_with_several_parents_is_named() {
        // `c` counts toward both pillars, as the DTI's foundation indicators do.
        let text = FIXTURE.replace(r#"children = ["c"]"#, r#"children = ["c", "a"]"#);
        let framework = Framework::from_toml(&text, None).expect("valid framework");
        let err = tree_from_framework(&framework).unwrap_err();
        assert_eq!(
            err,
            TreeError::SeveralParents {
                node: "a".into(),
                parents: vec!["P".into(), "Q".into()],
            }
        );
        let message = err.to_string();
        assert!(
            message.contains("`a`") && message.contains("needs a tree"),
            "{message}"
        );
    }

    #[test]
    fn several_top_level_nodes_are_refused() {
        let text = FIXTURE.replace(
            r#"children = ["P", { code = "Q", weight = 2 }]"#,
            r#"children = ["P"]"#,
        );
        let framework = Framework::from_toml(&text, None).expect("valid framework");
        assert!(matches!(
            tree_from_framework(&framework),
            Err(TreeError::SeveralRoots(..))
        ));
    }
}
