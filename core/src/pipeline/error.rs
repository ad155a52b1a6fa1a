//! Errors of the construction pipeline.

use thiserror::Error;

/// Everything that can go wrong while building a dataset, a tree or running a pipeline.
///
/// Every variant names the column, unit or node concerned, so a message can be shown to a user
/// as is. Messages are lowercase without a trailing period.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A numeric input cell holds NaN or an infinity.
    #[error("value of column `{column}` for unit `{unit}` is not finite ({value})")]
    NonFinite {
        /// Column holding the value.
        column: String,
        /// Unit (row label) holding the value.
        unit: String,
        /// The offending value.
        value: f64,
    },
    /// A column or group column does not have one entry per unit.
    #[error("column `{column}` has {found} values but the dataset has {expected} units")]
    LengthMismatch {
        /// Column concerned.
        column: String,
        /// Number of units of the dataset.
        expected: usize,
        /// Number of values given.
        found: usize,
    },
    /// Two columns (numeric or group) share a name.
    #[error("column `{0}` is defined twice")]
    DuplicateColumn(String),
    /// Two rows share a unit code (and time, for panels).
    #[error("unit `{0}` appears twice")]
    DuplicateUnit(String),
    /// A numeric column needed by the pipeline is not in the dataset.
    #[error("column `{0}` is not in the dataset")]
    UnknownColumn(String),
    /// A group column needed by the pipeline is not in the dataset.
    #[error("group column `{0}` is not in the dataset")]
    UnknownGroup(String),
    /// A unit named in the specification is not in the dataset.
    #[error("unit `{0}` is not in the dataset")]
    UnknownUnit(String),
    /// A per-indicator override in the specification names no indicator of the tree.
    #[error("{stage} override names `{name}`, which is not an indicator of the tree")]
    UnknownIndicator {
        /// Stage of the specification holding the override.
        stage: &'static str,
        /// The unknown name.
        name: String,
    },
    /// A parameter of the specification is out of its domain.
    #[error("invalid {stage} parameter: {message}")]
    InvalidParameter {
        /// Stage of the specification holding the parameter.
        stage: &'static str,
        /// What is wrong, naming the parameter.
        message: String,
    },
    /// A denominator value is zero, so the ratio is undefined.
    #[error("denominator `{denominator}` is zero for unit `{unit}` (indicator `{column}`)")]
    ZeroDenominator {
        /// Indicator being denominated.
        column: String,
        /// Denominator column.
        denominator: String,
        /// Unit concerned.
        unit: String,
    },
    /// A panel method (carry forward, interpolation) was requested for a dataset without times.
    #[error("imputation method `{0}` needs a time per unit, but the dataset has none")]
    NoTime(&'static str),
    /// A normalisation method cannot be applied to a column.
    #[error("cannot normalise `{column}`: {reason}")]
    Normalise {
        /// Indicator concerned.
        column: String,
        /// Why not.
        reason: String,
    },
    /// An aggregation method cannot be applied to a value.
    #[error("cannot aggregate `{node}` for unit `{unit}`: {reason}")]
    Aggregate {
        /// Aggregate node concerned.
        node: String,
        /// Unit concerned.
        unit: String,
        /// Why not.
        reason: String,
    },
    /// Every unit was dropped by the screening step.
    #[error("screening dropped every unit")]
    NothingLeft,
    /// A weight set of the specification names a node the tree does not have, or gives a weight
    /// the tree cannot take.
    #[error("weight set `{set}`: {reason}")]
    WeightSet {
        /// Name of the weight set.
        set: String,
        /// What is wrong, naming the node.
        reason: String,
    },
    /// A framework has no `[pipeline]` table to run.
    #[error("the framework has no [pipeline] table")]
    NoPipeline,
    /// A value of the data does not fit its indicator's unit.
    #[error("value of `{column}` for unit `{unit}`: {}", problem.message(crate::Lang::En))]
    Value {
        /// Indicator concerned.
        column: String,
        /// Unit (row label) concerned.
        unit: String,
        /// Why it does not fit, to show in the user's language.
        problem: crate::Problem,
    },
    /// A unit has no label in a grouping that group imputation uses.
    #[error("unit `{unit}` has no label in the grouping `{group}` used for imputation")]
    Unlabelled {
        /// The grouping.
        group: String,
        /// The unit.
        unit: String,
    },
    /// A weight set was asked for by a name the specification does not define.
    #[error("there is no weight set `{0}`")]
    UnknownWeightSet(String),
    /// The specification is not valid TOML or JSON, or does not fit the schema.
    #[error("invalid pipeline specification: {0}")]
    Spec(String),
    /// The tree is inconsistent.
    #[error(transparent)]
    Tree(#[from] TreeError),
}

/// An inconsistency in the description of an index structure.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum TreeError {
    /// The tree has no node at all.
    #[error("the tree has no node")]
    Empty,
    /// Two nodes share a code.
    #[error("node `{0}` is defined twice")]
    DuplicateNode(String),
    /// A node names a parent that does not exist.
    #[error("node `{node}` has unknown parent `{parent}`")]
    UnknownParent {
        /// Child node.
        node: String,
        /// The missing parent.
        parent: String,
    },
    /// A node names an indicator as its parent.
    #[error("node `{node}` has parent `{parent}`, which is an indicator")]
    ParentIsIndicator {
        /// Child node.
        node: String,
        /// The indicator named as parent.
        parent: String,
    },
    /// Following parents from a node comes back to it.
    #[error("node `{0}` is part of a cycle")]
    Cycle(String),
    /// An aggregate node has no children.
    #[error("aggregate `{0}` has no children")]
    NoChildren(String),
    /// The weights of an aggregate's children sum to zero.
    #[error("the weights of the children of `{0}` sum to zero")]
    ZeroTotalWeight(String),
    /// A weight is negative or not finite.
    #[error("node `{node}` has invalid weight {weight}")]
    InvalidWeight {
        /// Node concerned.
        node: String,
        /// The weight.
        weight: f64,
    },
    /// A direction other than +1 or -1.
    #[error("indicator `{node}` has direction {direction}, expected 1 or -1")]
    InvalidDirection {
        /// Indicator concerned.
        node: String,
        /// The direction given.
        direction: i8,
    },
    /// A target that is not finite.
    #[error("indicator `{0}` has a target that is not finite")]
    InvalidTarget(String),
    /// More than one node has no parent.
    #[error("the tree has several roots: `{0}` and `{1}`")]
    SeveralRoots(String, String),
    /// A code that names no node of the tree.
    #[error("there is no node `{0}`")]
    UnknownNode(String),
    /// A list of weights does not have one weight per node.
    #[error("{found} weights given for a tree of {expected} nodes")]
    WeightCount {
        /// Number of nodes.
        expected: usize,
        /// Number of weights given.
        found: usize,
    },
    /// A node counts toward several parents; the pipeline aggregates a tree, where each node has
    /// one parent.
    #[error(
        "node `{node}` counts toward several parents ({}); the pipeline needs a tree, where each node has one parent",
        parents.join(", ")
    )]
    SeveralParents {
        /// Node concerned.
        node: String,
        /// Codes of its parents.
        parents: Vec<String>,
    },
    /// A declared level differs from the level implied by the tree (indicators are level 1, an
    /// aggregate is one above its highest child).
    #[error(
        "node `{node}` is declared at level {declared} but the tree puts it at level {computed}"
    )]
    LevelMismatch {
        /// Node concerned.
        node: String,
        /// Level given in the input.
        declared: u32,
        /// Level implied by the tree.
        computed: u32,
    },
}
