//! Building the pipeline's [`Tree`] from the core's validated [`Framework`].

use crate::framework::{Direction, Framework, NodeKind as FrameworkKind};

use super::error::TreeError;
use super::tree::{NodeKind, NodeSpec, Tree};

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
