//! The structure of an index: indicators (leaves) grouped by weighted aggregates up to one root.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::error::TreeError;

/// What a node is.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A leaf: a column of the dataset.
    Indicator {
        /// +1 if higher is better, -1 if lower is better.
        direction: i8,
        /// Column the indicator is divided by in the denominate step, if any.
        denominator: Option<String>,
        /// Target value (in the indicator's own units), used by distance-to-target normalisation.
        target: Option<f64>,
    },
    /// An aggregate of its children.
    Aggregate,
}

/// One node as given by the caller, before validation.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSpec {
    /// Unique code; for an indicator, the dataset column it reads.
    pub code: String,
    /// Code of the parent aggregate; `None` for the root.
    pub parent: Option<String>,
    /// Weight relative to its siblings (non-negative).
    pub weight: f64,
    /// Level declared by the source, checked against the tree if given (indicators are level 1,
    /// an aggregate is one above its highest child).
    pub level: Option<u32>,
    /// Indicator or aggregate.
    pub kind: NodeKind,
}

impl NodeSpec {
    /// An indicator with weight 1, direction +1, no denominator and no target.
    pub fn indicator(code: impl Into<String>, parent: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            parent: Some(parent.into()),
            weight: 1.0,
            level: None,
            kind: NodeKind::Indicator {
                direction: 1,
                denominator: None,
                target: None,
            },
        }
    }

    /// An aggregate with weight 1; `parent` is `None` for the root.
    pub fn aggregate(code: impl Into<String>, parent: Option<&str>) -> Self {
        Self {
            code: code.into(),
            parent: parent.map(str::to_owned),
            weight: 1.0,
            level: None,
            kind: NodeKind::Aggregate,
        }
    }
}

/// A validated index structure.
///
/// Built by [`Tree::new`], which checks that codes are unique, parents exist and are aggregates,
/// there is no cycle and exactly one root, every aggregate has children whose weights have a
/// positive sum, weights are finite and non-negative, and directions are ±1.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    nodes: Vec<NodeSpec>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    levels: Vec<u32>,
    indicators: Vec<usize>,
    aggregates: Vec<usize>,
    index: HashMap<String, usize>,
    // Derived once here so that a pipeline run neither allocates names nor looks them up:
    // the indicator codes (the columns of every stage up to normalisation), those followed by
    // the aggregate codes in order of computation (the columns of the aggregated table), the
    // column of every node in the aggregated table, and the effective weights.
    indicator_names: Arc<Vec<String>>,
    output_names: Arc<Vec<String>>,
    output_column: Vec<usize>,
    effective: Arc<[(String, f64)]>,
}

impl Tree {
    /// Validates the nodes and builds the tree.
    pub fn new(nodes: Vec<NodeSpec>) -> Result<Self, TreeError> {
        if nodes.is_empty() {
            return Err(TreeError::Empty);
        }
        let mut index = HashMap::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            if index.insert(n.code.as_str(), i).is_some() {
                return Err(TreeError::DuplicateNode(n.code.clone()));
            }
            if !n.weight.is_finite() || n.weight < 0.0 {
                return Err(TreeError::InvalidWeight {
                    node: n.code.clone(),
                    weight: n.weight,
                });
            }
            if let NodeKind::Indicator {
                direction, target, ..
            } = &n.kind
            {
                if *direction != 1 && *direction != -1 {
                    return Err(TreeError::InvalidDirection {
                        node: n.code.clone(),
                        direction: *direction,
                    });
                }
                if target.is_some_and(|t| !t.is_finite()) {
                    return Err(TreeError::InvalidTarget(n.code.clone()));
                }
            }
        }
        let mut parent = vec![None; nodes.len()];
        let mut children = vec![Vec::new(); nodes.len()];
        let mut root: Option<usize> = None;
        for (i, n) in nodes.iter().enumerate() {
            match &n.parent {
                Some(p) => {
                    let &pi = index
                        .get(p.as_str())
                        .ok_or_else(|| TreeError::UnknownParent {
                            node: n.code.clone(),
                            parent: p.clone(),
                        })?;
                    if matches!(nodes[pi].kind, NodeKind::Indicator { .. }) {
                        return Err(TreeError::ParentIsIndicator {
                            node: n.code.clone(),
                            parent: p.clone(),
                        });
                    }
                    parent[i] = Some(pi);
                    children[pi].push(i);
                }
                None => {
                    if let Some(r) = root {
                        return Err(TreeError::SeveralRoots(
                            nodes[r].code.clone(),
                            n.code.clone(),
                        ));
                    }
                    root = Some(i);
                }
            }
        }
        // Cycle check: from every node, the root must be reached within n steps.
        for i in 0..nodes.len() {
            let mut at = i;
            let mut steps = 0;
            while let Some(p) = parent[at] {
                at = p;
                steps += 1;
                if steps > nodes.len() {
                    return Err(TreeError::Cycle(nodes[i].code.clone()));
                }
            }
        }
        if root.is_none() {
            // Every node has a parent, so following parents must loop.
            return Err(TreeError::Cycle(nodes[0].code.clone()));
        }
        for (i, n) in nodes.iter().enumerate() {
            if matches!(n.kind, NodeKind::Aggregate) {
                if children[i].is_empty() {
                    return Err(TreeError::NoChildren(n.code.clone()));
                }
                let total: f64 = children[i].iter().map(|&c| nodes[c].weight).sum();
                if total <= 0.0 {
                    return Err(TreeError::ZeroTotalWeight(n.code.clone()));
                }
            }
        }
        // Levels: indicators 1, aggregates one above their highest child. Iterate to a fixed
        // point; the tree is acyclic so this takes at most depth + 1 rounds.
        let mut levels = vec![1_u32; nodes.len()];
        loop {
            let mut changed = false;
            for i in 0..nodes.len() {
                if let Some(max) = children[i].iter().map(|&c| levels[c]).max()
                    && levels[i] != max + 1
                {
                    levels[i] = max + 1;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (i, n) in nodes.iter().enumerate() {
            if let Some(declared) = n.level
                && declared != levels[i]
            {
                return Err(TreeError::LevelMismatch {
                    node: n.code.clone(),
                    declared,
                    computed: levels[i],
                });
            }
        }
        let indicators: Vec<usize> = (0..nodes.len())
            .filter(|&i| matches!(nodes[i].kind, NodeKind::Indicator { .. }))
            .collect();
        let mut aggregates: Vec<usize> = (0..nodes.len())
            .filter(|&i| matches!(nodes[i].kind, NodeKind::Aggregate))
            .collect();
        aggregates.sort_by_key(|&i| levels[i]);
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.code.clone(), i))
            .collect();
        let indicator_names: Vec<String> =
            indicators.iter().map(|&i| nodes[i].code.clone()).collect();
        let mut output_names = indicator_names.clone();
        output_names.extend(aggregates.iter().map(|&i| nodes[i].code.clone()));
        let mut output_column = vec![0; nodes.len()];
        for (k, &i) in indicators.iter().chain(&aggregates).enumerate() {
            output_column[i] = k;
        }
        let mut tree = Self {
            nodes,
            parent,
            children,
            levels,
            indicators,
            aggregates,
            index,
            indicator_names: Arc::new(indicator_names),
            output_names: Arc::new(output_names),
            output_column,
            effective: Arc::from(Vec::new()),
        };
        tree.effective = tree.compute_effective_weights().into();
        Ok(tree)
    }

    /// The same tree with other weights, one per node in input order; checked as by
    /// [`Tree::new`]. Cheaper than building the tree again, for analyses that perturb weights.
    pub fn reweighted(&self, weights: &[f64]) -> Result<Self, TreeError> {
        if weights.len() != self.nodes.len() {
            return Err(TreeError::WeightCount {
                expected: self.nodes.len(),
                found: weights.len(),
            });
        }
        let mut tree = self.clone();
        for (n, &w) in tree.nodes.iter_mut().zip(weights) {
            if !w.is_finite() || w < 0.0 {
                return Err(TreeError::InvalidWeight {
                    node: n.code.clone(),
                    weight: w,
                });
            }
            n.weight = w;
        }
        for &a in &tree.aggregates {
            let total: f64 = tree.children[a].iter().map(|&c| tree.nodes[c].weight).sum();
            if total <= 0.0 {
                return Err(TreeError::ZeroTotalWeight(tree.nodes[a].code.clone()));
            }
        }
        tree.effective = tree.compute_effective_weights().into();
        Ok(tree)
    }

    /// The same tree with the weights of some nodes replaced (node code → weight), checked as
    /// by [`Tree::new`]; a code the tree does not have is an error.
    pub fn with_weights(&self, weights: &BTreeMap<String, f64>) -> Result<Self, TreeError> {
        let mut all: Vec<f64> = self.nodes.iter().map(|n| n.weight).collect();
        for (code, &weight) in weights {
            let &i = self
                .index
                .get(code)
                .ok_or_else(|| TreeError::UnknownNode(code.clone()))?;
            all[i] = weight;
        }
        self.reweighted(&all)
    }

    /// All nodes, in input order.
    pub fn nodes(&self) -> &[NodeSpec] {
        &self.nodes
    }

    /// Codes of the indicators, in input order.
    pub fn indicator_codes(&self) -> Vec<String> {
        self.indicator_names.to_vec()
    }

    /// Codes of the aggregates, by increasing level then input order (the order of computation).
    pub fn aggregate_codes(&self) -> Vec<String> {
        self.aggregates
            .iter()
            .map(|&i| self.nodes[i].code.clone())
            .collect()
    }

    /// The node with this code.
    pub fn node(&self, code: &str) -> Option<&NodeSpec> {
        self.position(code).and_then(|i| self.nodes.get(i))
    }

    /// The level of a node (indicators are level 1).
    pub fn level(&self, code: &str) -> Option<u32> {
        self.position(code).map(|i| self.levels[i])
    }

    /// The highest level (the root's).
    pub fn max_level(&self) -> u32 {
        self.levels.iter().copied().max().unwrap_or(1)
    }

    /// Codes and weights of the children of a node (empty for an indicator or unknown code).
    pub fn children(&self, code: &str) -> Vec<(&str, f64)> {
        self.position(code)
            .map(|i| {
                self.children[i]
                    .iter()
                    .map(|&c| (self.nodes[c].code.as_str(), self.nodes[c].weight))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Direction of an indicator (+1 for an aggregate or unknown code).
    pub fn direction(&self, code: &str) -> i8 {
        match self.node(code).map(|n| &n.kind) {
            Some(NodeKind::Indicator { direction, .. }) => *direction,
            _ => 1,
        }
    }

    /// The data column an indicator is divided by in the denominate step, if any.
    pub fn denominator(&self, code: &str) -> Option<&str> {
        match self.node(code).map(|n| &n.kind) {
            Some(NodeKind::Indicator { denominator, .. }) => denominator.as_deref(),
            _ => None,
        }
    }

    /// An indicator's target value, if it has one.
    pub fn target(&self, code: &str) -> Option<f64> {
        match self.node(code).map(|n| &n.kind) {
            Some(NodeKind::Indicator { target, .. }) => *target,
            _ => None,
        }
    }

    /// Effective weight of every node, in input order: the product, along the path from the node
    /// to the root, of its weight divided by the sum of its siblings' weights (the root has 1).
    pub fn effective_weights(&self) -> Vec<(String, f64)> {
        self.effective.to_vec()
    }

    pub(crate) fn effective_weights_shared(&self) -> &Arc<[(String, f64)]> {
        &self.effective
    }

    fn compute_effective_weights(&self) -> Vec<(String, f64)> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut w = 1.0;
                let mut at = i;
                while let Some(p) = self.parent[at] {
                    let total: f64 = self.children[p].iter().map(|&c| self.nodes[c].weight).sum();
                    w *= self.nodes[at].weight / total;
                    at = p;
                }
                (n.code.clone(), w)
            })
            .collect()
    }

    pub(crate) fn position(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    pub(crate) fn children_idx(&self, i: usize) -> &[usize] {
        self.children.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The indicator codes, shared with the tables of a run.
    pub(crate) fn indicator_names(&self) -> &Arc<Vec<String>> {
        &self.indicator_names
    }

    /// The columns of the aggregated table: indicators, then aggregates in computation order.
    pub(crate) fn output_names(&self) -> &Arc<Vec<String>> {
        &self.output_names
    }

    /// The column of node `i` in the aggregated table.
    pub(crate) fn output_column(&self, i: usize) -> usize {
        self.output_column[i]
    }

    /// Positions of the indicator nodes, in input order.
    pub(crate) fn indicator_idx(&self) -> &[usize] {
        &self.indicators
    }

    pub(crate) fn aggregate_idx(&self) -> &[usize] {
        &self.aggregates
    }

    pub(crate) fn level_at(&self, i: usize) -> u32 {
        self.levels.get(i).copied().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Vec<NodeSpec> {
        vec![
            NodeSpec::indicator("a", "P"),
            NodeSpec {
                weight: 3.0,
                ..NodeSpec::indicator("b", "P")
            },
            NodeSpec::indicator("c", "Q"),
            NodeSpec::aggregate("P", Some("I")),
            NodeSpec::aggregate("Q", Some("I")),
            NodeSpec::aggregate("I", None),
        ]
    }

    #[test]
    fn levels_and_effective_weights() {
        let t = Tree::new(small()).unwrap();
        assert_eq!(t.level("a"), Some(1));
        assert_eq!(t.level("I"), Some(3));
        assert_eq!(t.aggregate_codes(), ["P", "Q", "I"]);
        let w: HashMap<_, _> = t.effective_weights().into_iter().collect();
        assert_eq!(w["a"], 0.125);
        assert_eq!(w["b"], 0.375);
        assert_eq!(w["c"], 0.5);
        assert_eq!(w["I"], 1.0);
    }

    #[test]
    fn a_weight_set_replaces_only_the_weights_it_names() {
        let t = Tree::new(small()).unwrap();
        let set = BTreeMap::from([("b".to_string(), 1.0), ("Q".to_string(), 3.0)]);
        let w: HashMap<_, _> = t
            .with_weights(&set)
            .unwrap()
            .effective_weights()
            .into_iter()
            .collect();
        assert_eq!(w["a"], 0.125);
        assert_eq!(w["b"], 0.125);
        assert_eq!(w["c"], 0.75);
        let typo = BTreeMap::from([("B".to_string(), 1.0)]);
        assert_eq!(
            t.with_weights(&typo),
            Err(TreeError::UnknownNode("B".into()))
        );
        let zero = BTreeMap::from([("P".to_string(), 0.0), ("Q".to_string(), 0.0)]);
        assert_eq!(
            t.with_weights(&zero),
            Err(TreeError::ZeroTotalWeight("I".into()))
        );
    }

    #[test]
    fn validation_errors() {
        let mut n = small();
        n[0].parent = Some("Z".into());
        assert!(matches!(Tree::new(n), Err(TreeError::UnknownParent { .. })));
        let mut n = small();
        n[5].parent = Some("P".into());
        assert!(matches!(Tree::new(n), Err(TreeError::Cycle(_))));
        let mut n = small();
        n[2].weight = 0.0;
        assert_eq!(Tree::new(n), Err(TreeError::ZeroTotalWeight("Q".into())));
        let mut n = small();
        n[1].parent = Some("a".into());
        assert!(matches!(
            Tree::new(n),
            Err(TreeError::ParentIsIndicator { .. })
        ));
        let mut n = small();
        n.push(NodeSpec::aggregate("E", Some("I")));
        assert_eq!(Tree::new(n), Err(TreeError::NoChildren("E".into())));
        let mut n = small();
        n.push(NodeSpec::aggregate("J", None));
        assert!(matches!(Tree::new(n), Err(TreeError::SeveralRoots(..))));
        let mut n = small();
        n[3].level = Some(3);
        assert!(matches!(Tree::new(n), Err(TreeError::LevelMismatch { .. })));
        let mut n = small();
        n[0].weight = f64::NAN;
        assert!(matches!(Tree::new(n), Err(TreeError::InvalidWeight { .. })));
        let mut n = small();
        n[0].kind = NodeKind::Indicator {
            direction: 0,
            denominator: None,
            target: None,
        };
        assert!(matches!(
            Tree::new(n),
            Err(TreeError::InvalidDirection { .. })
        ));
        assert_eq!(Tree::new(vec![]), Err(TreeError::Empty));
    }
}
