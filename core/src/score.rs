//! Scoring: from a checked table to every unit's value, points, points lost, rank and
//! contributions at every node. Every indicator is scored by its rule, then every aggregate
//! combines its children by its method, in one pass up the framework's graph; `dti score`,
//! `dti build`, the library and the widget all compute through [`compute`].

use std::num::NonZeroU32;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::aggregation::{Aggregation, CombineError, combine, copeland};
use crate::check::{Checked, check};
use crate::dataset::{Dataset, UnitInfo};
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::{Edge, Framework, MissingPolicy, NodeId, NodeKind, Range, Unit};
use crate::table::Table;
use crate::text::{Names, round_to};
use crate::values::Values;

/// Everything the scorer computed for a data set, stored column by column: one column of
/// values, statuses and ranks per node, shared by every unit. A unit's row ([`UnitResult`]) is
/// put together when asked for ([`Results::row`], [`Results::rows`]), with its points and
/// points lost derived from the value, so a large data set holds 13 bytes per unit and node
/// (value, status, rank) instead of a record each; units and raw values are shared with the
/// table scored.
///
/// Serialised (JSON, the widget's objects) as one record per unit, the same shape as
/// [`Results::rows`].
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The framework's id.
    pub framework: String,
    /// Decimals of the published values; ranks compare values rounded to this precision.
    pub precision: u32,
    /// The framework's nodes in scoring order (children before parents); every unit's
    /// `nodes` follows the same order.
    pub nodes: Vec<NodeInfo>,
    /// The units, in data order (shared with the table scored).
    pub units: Arc<Vec<UnitInfo>>,
    /// One column per node, in the order of [`Results::nodes`].
    columns: Vec<Column>,
    /// The table scored (shared with it, not copied): the indicators' raw values.
    scored: Table,
    /// Warnings and notes from checking the data (scoring does not start when there are errors).
    pub diagnostics: Vec<Diagnostic>,
}

/// One node's results for every unit, in data order.
#[derive(Clone)]
struct Column {
    /// The node's code, shared by every [`NodeResult`] made from the column.
    code: Arc<str>,
    /// For indicators, the position of their raw values among the columns of the table scored.
    raw: Option<usize>,
    values: Values,
    statuses: Vec<Status>,
    /// Four bytes a rank (ranks start at 1), ranked at `precision` when first read: runs that
    /// never show a rank (an index's value for a page, the analyses) never sort.
    ranks: OnceLock<Vec<Option<NonZeroU32>>>,
    /// The decimals `values` are ranked at.
    precision: u32,
    /// True when the value is itself in points (a sum), false when points are value × maximum.
    in_points: bool,
}

impl Column {
    /// The column's ranks, computed on the first call (by whichever thread asks first; the
    /// others wait for it) and kept. Inlined: a long table reads a rank per unit and node.
    #[inline]
    fn ranks(&self) -> &[Option<NonZeroU32>] {
        self.ranks.get_or_init(|| {
            ranks_of_numbers(self.values.as_slice(), self.precision)
                .unwrap_or_else(|| ranks_by_sort(self.values.iter(), self.precision))
        })
    }
}

/// Ranks compare as the ranks they are, computed or not: two columns are equal when every
/// part of them is, as when ranks were computed with the values.
impl PartialEq for Column {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.raw == other.raw
            && self.values == other.values
            && self.statuses == other.statuses
            && self.precision == other.precision
            && self.in_points == other.in_points
            && self.ranks() == other.ranks()
    }
}

/// Shows the ranks, computed if they were not yet.
impl std::fmt::Debug for Column {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Column")
            .field("code", &self.code)
            .field("raw", &self.raw)
            .field("values", &self.values)
            .field("statuses", &self.statuses)
            .field("ranks", &self.ranks())
            .field("precision", &self.precision)
            .field("in_points", &self.in_points)
            .finish()
    }
}

/// A node's code in [`NodeInfo`]: in native builds shared with the framework's (made once
/// per framework, so a score copies no code); in the calculator's module, which counts bytes
/// rather than instructions, a copy (the sharing's code cost about 0.5 KB gzipped). Read it
/// as a `str` (`&*info.code`) and it is the same everywhere.
#[cfg(not(target_arch = "wasm32"))]
pub type NodeCode = Arc<str>;
/// A node's code in [`NodeInfo`] (a copy in the calculator's module).
#[cfg(target_arch = "wasm32")]
pub type NodeCode = String;
/// A node's names in [`NodeInfo`]: shared with the framework's in native builds, a copy in
/// the calculator's module (see [`NodeCode`]).
#[cfg(not(target_arch = "wasm32"))]
pub type NodeNames = Arc<Names>;
/// A node's names in [`NodeInfo`] (a copy in the calculator's module).
#[cfg(target_arch = "wasm32")]
pub type NodeNames = Names;

/// What a node is, for readers of [`Results`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeInfo {
    /// The node's code (shared with the framework's: see [`NodeCode`]).
    pub code: NodeCode,
    /// Its names (shared with the framework's: see [`NodeNames`]).
    pub names: NodeNames,
    /// True for indicators (leaves), false for aggregates.
    pub indicator: bool,
    /// True for the framework's top-level indices.
    pub index: bool,
    /// The maximum points, when the node's value counts in points.
    pub max_points: Option<f64>,
    /// The range values fall in.
    pub scale: Range,
}

/// One unit's results, put together from [`Results`]' columns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitResult {
    /// The unit.
    #[serde(flatten)]
    pub unit: UnitInfo,
    /// One entry per node, in the order of [`Results::nodes`].
    pub nodes: Vec<NodeResult>,
}

/// Whether a node's value rests on data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Computed from data.
    Scored,
    /// No data; scored as the bottom of the scale by the missing-data policy.
    MissingAsZero,
    /// No data and no value.
    Missing,
    /// Too few children have data (below the framework's availability threshold).
    LowAvailability,
}

/// One node's result for one unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeResult {
    /// The node's code (shared by every unit's result for the node).
    pub code: Arc<str>,
    /// For indicators, the raw value in the indicator's unit.
    pub raw: Option<f64>,
    /// The score (indicators) or aggregated value; `None` when it cannot be computed.
    pub value: Option<f64>,
    /// The value in points (value × maximum points).
    pub points: Option<f64>,
    /// Maximum points minus points.
    pub points_lost: Option<f64>,
    /// Rank among the units (1 = best); units equal at the published precision share the
    /// lower rank number.
    pub rank: Option<u32>,
    /// Whether the value rests on data.
    pub status: Status,
}

/// How much of an index's value comes from one indicator (see [`contributions`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contribution {
    /// The indicator's code.
    pub indicator: String,
    /// The index's code.
    pub index: String,
    /// The part of the index's value due to the indicator.
    pub value: f64,
    /// The same in points, when the index counts in points.
    pub points: Option<f64>,
}

impl Results {
    /// The table scored: every indicator's checked value, in its unit (shared, not copied).
    pub fn table(&self) -> &Table {
        &self.scored
    }

    /// The position of a node in [`Results::nodes`].
    pub fn node_position(&self, code: &str) -> Option<usize> {
        self.nodes.iter().position(|node| *node.code == *code)
    }

    /// The position of a unit in [`Results::units`] (codes matched as
    /// [`crate::dataset::same_unit_code`] matches them).
    pub fn unit_position(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|unit| unit.has_code(code))
    }

    /// A unit's results, by code.
    pub fn unit(&self, code: &str) -> Option<UnitResult> {
        self.unit_position(code).map(|unit| self.row(unit))
    }

    /// The value of a node for a unit, by codes.
    pub fn value(&self, unit: &str, node: &str) -> Option<f64> {
        self.values(self.node_position(node)?)
            .get(self.unit_position(unit)?)
    }

    /// Every unit's value at the node in position `node` of [`Results::nodes`], in data order.
    ///
    /// # Panics
    /// When `node` is not a position in [`Results::nodes`].
    pub fn values(&self, node: usize) -> &Values {
        &self.columns[node].values
    }

    /// Every unit's rank at the node in position `node`, in data order.
    ///
    /// # Panics
    /// When `node` is not a position in [`Results::nodes`].
    pub fn ranks(&self, node: usize) -> Vec<Option<u32>> {
        self.columns[node]
            .ranks()
            .iter()
            .map(|rank| rank.map(NonZeroU32::get))
            .collect()
    }

    /// The rank of the unit in position `unit` at the node in position `node`.
    ///
    /// # Panics
    /// When either position is out of range.
    #[inline]
    pub fn rank(&self, unit: usize, node: usize) -> Option<u32> {
        self.columns[node].ranks()[unit].map(NonZeroU32::get)
    }

    /// Every unit's status at the node in position `node`, in data order.
    ///
    /// # Panics
    /// When `node` is not a position in [`Results::nodes`].
    pub fn statuses(&self, node: usize) -> &[Status] {
        &self.columns[node].statuses
    }

    /// The result of the unit in position `unit` at the node in position `node`.
    ///
    /// # Panics
    /// When either position is out of range.
    pub fn result(&self, unit: usize, node: usize) -> NodeResult {
        let column = &self.columns[node];
        let value = column.values.get(unit);
        let (points, points_lost) = self.points(unit, node).unzip();
        NodeResult {
            code: Arc::clone(&column.code),
            raw: column.raw.and_then(|j| self.scored.get(unit, j)),
            value,
            points,
            points_lost,
            rank: column.ranks()[unit].map(NonZeroU32::get),
            status: column.statuses[unit],
        }
    }

    /// The points and points lost of the unit in position `unit` at the node in position
    /// `node`, as [`Results::result`] gives them, without the rest of its result: `None` when
    /// the node has no maximum points or the unit no value.
    ///
    /// # Panics
    /// When either position is out of range.
    pub fn points(&self, unit: usize, node: usize) -> Option<(f64, f64)> {
        let column = &self.columns[node];
        let (value, max) = (column.values.get(unit)?, self.nodes[node].max_points?);
        let points = if column.in_points { value } else { value * max };
        Some((points, (max - points).max(0.0)))
    }

    /// The results of the unit in position `unit`, one entry per node.
    ///
    /// # Panics
    /// When `unit` is not a position in [`Results::units`].
    pub fn row(&self, unit: usize) -> UnitResult {
        UnitResult {
            unit: self.units[unit].clone(),
            nodes: (0..self.columns.len())
                .map(|node| self.result(unit, node))
                .collect(),
        }
    }

    /// The results of the units in positions `units` only, in that order, with the ranks they
    /// had among all the units (a view of one province, ranked among all of them).
    ///
    /// # Panics
    /// When a position is not in [`Results::units`].
    pub fn select(&self, units: &[usize]) -> Results {
        let columns = self
            .columns
            .iter()
            .map(|column| Column {
                code: Arc::clone(&column.code),
                raw: column.raw,
                values: column.values.select(units),
                statuses: units.iter().map(|&unit| column.statuses[unit]).collect(),
                ranks: OnceLock::from(
                    units
                        .iter()
                        .map(|&unit| column.ranks()[unit])
                        .collect::<Vec<_>>(),
                ),
                precision: column.precision,
                in_points: column.in_points,
            })
            .collect();
        Results {
            framework: self.framework.clone(),
            precision: self.precision,
            nodes: self.nodes.clone(),
            units: Arc::new(units.iter().map(|&unit| self.units[unit].clone()).collect()),
            columns,
            scored: self.scored.select_rows(units),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// Every unit's results in data order, each put together when the iterator reaches it.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = UnitResult> + '_ {
        (0..self.units.len()).map(|unit| self.row(unit))
    }

    /// The units' positions in [`Results::units`], best first by their rank at the node in
    /// position `by`: units tied there keep the order of their rank at the node in position
    /// `then` (the official ranking, such as the DTI's), then their data order; units with no
    /// rank at `by` come last. How a ranking view lists units sorted by any node.
    ///
    /// ```
    /// let framework = dti_core::embedded::default_framework();
    /// let data = dti_core::Dataset::from_csv(
    ///     "code,I1,I2,I3,I4,I5,I7,I8,I9\n\
    ///      a,0.5,0.5,0.5,0.5,0.5,0.9,0.1,0.5\n\
    ///      b,0.5,0.5,0.5,0.5,0.5,0.9,0.9,0.5\n\
    ///      c,0.5,0.5,0.5,0.5,0.5,0.2,0.5,0.5\n",
    ///     None,
    /// );
    /// let results = dti_core::score(&framework, &data.dataset).unwrap();
    /// let (dti, cqs) = (results.node_position("DTI").unwrap(), results.node_position("CQS").unwrap());
    /// // a and b tie on CQS (rank 1); b is ahead on the DTI, so b comes first.
    /// assert_eq!(results.ranking(cqs, dti), [1, 0, 2]);
    /// assert_eq!(results.ranking(dti, dti), [1, 0, 2]);
    /// ```
    pub fn ranking(&self, by: usize, then: usize) -> Vec<usize> {
        let key = |unit: usize, node: usize| {
            self.columns
                .get(node)
                .and_then(|column| column.ranks()[unit])
                .map_or(u32::MAX, NonZeroU32::get)
        };
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        // A stable sort: equal keys keep data order.
        order.sort_by_key(|&unit| (key(unit, by), key(unit, then)));
        order
    }
}

/// The same shape a derived implementation gave when every unit's row was stored: one record
/// per unit, each with its nodes.
impl Serialize for Results {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Rows<'a>(&'a Results);
        impl Serialize for Rows<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.rows())
            }
        }
        let mut out = serializer.serialize_struct("Results", 5)?;
        out.serialize_field("framework", &self.framework)?;
        out.serialize_field("precision", &self.precision)?;
        out.serialize_field("nodes", &self.nodes)?;
        out.serialize_field("units", &Rows(self))?;
        out.serialize_field("diagnostics", &self.diagnostics)?;
        out.end()
    }
}

impl UnitResult {
    /// The result of a node by code.
    pub fn node(&self, code: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|node| &*node.code == code)
    }
}

/// Checks the data and scores it. Fails with every problem found when the data has errors;
/// otherwise the warnings and notes travel in [`Results::diagnostics`].
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let data = dti_core::Dataset::from_csv("code,I1,I2,I3,I4,I5,I7,I8,I9\n22,1,1,1,1,1,1,1,1\n", None);
/// let results = dti_core::score(&framework, &data.dataset).unwrap();
/// assert_eq!(results.value("22", "DTI"), Some(1.0));
/// ```
pub fn score(framework: &Framework, data: &Dataset) -> Result<Results, Failure> {
    score_checked(framework, check(framework, data))
}

/// [`score`] from data already checked: the caller may let go of the data set first, since
/// the results need only the checked table.
///
/// ```
/// use dti_core::{Dataset, check, embedded, score, score_checked};
/// let framework = embedded::default_framework();
/// let data = Dataset::from_csv("code,I1,I2,I3,I4,I5,I7,I8,I9\n22,0.9,0.8,0.7,0.6,0.5,0.4,0.3,0.2\n", None).dataset;
/// let checked = check(&framework, &data);
/// assert_eq!(score_checked(&framework, checked), score(&framework, &data));
/// ```
pub fn score_checked(framework: &Framework, checked: Checked) -> Result<Results, Failure> {
    if has_errors(&checked.diagnostics) {
        return Err(Failure {
            diagnostics: checked.diagnostics,
        });
    }
    let mut diagnostics = checked.diagnostics;
    match compute(framework, &checked.table) {
        Ok(mut results) => {
            diagnostics.append(&mut results.diagnostics);
            results.diagnostics = diagnostics;
            Ok(results)
        }
        Err(mut failure) => {
            diagnostics.append(&mut failure.diagnostics);
            Err(Failure { diagnostics })
        }
    }
}

/// The values a file gives for the framework's aggregates (a DTI column copied from a
/// published table) that the computed results do not bear out: neither the value nor, for an
/// aggregate with points, the points, at the decimals the file writes (at most the published
/// precision): a published 0,78 agrees with a computed 0,7804.
pub(crate) fn given_aggregates(data: &Dataset, results: &Results) -> Vec<Diagnostic> {
    let same = |given: f64, computed: f64, most: u32| {
        let written = (0..most)
            .find(|&d| round_to(given, d) == given)
            .unwrap_or(most);
        round_to(computed, written) == round_to(given, written)
    };
    let mut found = Vec::new();
    for (position, info) in results.nodes.iter().enumerate() {
        let Some(column) = data.column(&info.code).filter(|_| !info.indicator) else {
            continue;
        };
        for (row, unit) in results.units.iter().enumerate() {
            let node = results.result(row, position);
            let given = data
                .value(row, column)
                .and_then(|v| v.in_unit(Unit::Number).ok());
            let (Some(given), Some(computed)) = (given, node.value) else {
                continue;
            };
            let as_points = node
                .points
                .is_some_and(|points| same(given, points, POINTS_DECIMALS));
            if same(given, computed, results.precision) || as_points {
                continue;
            }
            let mut location = Location::file(data.name())
                .unit(unit.code.as_str())
                .aggregate(&info.code);
            if let Some((line, field)) = data.origin(row, column) {
                location = location.at(line, field);
            }
            let computed = round_to(computed, results.precision);
            let problem = Problem::ComputedDiffers { given, computed };
            found.push(Diagnostic::warning(location, problem));
        }
    }
    found
}

/// Scores a checked table: each indicator's column (found by its code) by its rule, then
/// every aggregate by its method. Missing values follow the framework's policy; under
/// [`MissingPolicy::Reject`] they are treated as under [`MissingPolicy::Skip`] (the check that
/// rejects them is [`check`]). Fails, with every problem, when the data makes a rule or a
/// method undefined (a target every unit already beats, a negative child of a geometric mean).
pub fn compute(framework: &Framework, table: &Table) -> Result<Results, Failure> {
    let mut scoring = score_columns(framework, table)?;
    let diagnostics = std::mem::take(&mut scoring.diagnostics);
    Ok(assemble(framework, table, scoring, diagnostics))
}

/// Every node's column of values and statuses, with the notes and warnings scoring gives
/// (constant indicators, aggregates short of data): [`compute`] before it assembles
/// [`Results`].
pub(crate) fn score_columns(framework: &Framework, table: &Table) -> Result<Scoring, Failure> {
    let scales = scales(framework, table.n_units());
    let mut scoring = score_nodes(framework, table, scales)?;
    for (id, node) in framework.nodes().iter().enumerate() {
        let NodeKind::Aggregate { children, .. } = &node.kind else {
            continue;
        };
        for (unit, info) in table.units().iter().enumerate() {
            if scoring.statuses[id][unit] == Status::LowAvailability
                && let Some(share) = availability(children, &scoring.values, unit)
            {
                let location = Location::default()
                    .unit(info.code.as_str())
                    .indicator(&node.code);
                let problem = Problem::LowAvailability {
                    available: share,
                    threshold: framework.min_availability(),
                };
                scoring
                    .diagnostics
                    .push(Diagnostic::warning(location, problem));
            }
        }
    }
    Ok(scoring)
}

/// [`Results`] from the columns [`score_columns`] gave for `table`: the columns move in, and
/// each is ranked when its ranks are first read.
pub(crate) fn assemble(
    framework: &Framework,
    table: &Table,
    scoring: Scoring,
    diagnostics: Vec<Diagnostic>,
) -> Results {
    let Scoring {
        values,
        statuses,
        scales,
        ..
    } = scoring;
    let nodes = framework.nodes();
    let precision = framework.precision();
    let infos: Vec<NodeInfo> = nodes
        .iter()
        .enumerate()
        .map(|(id, node)| NodeInfo {
            #[cfg(not(target_arch = "wasm32"))]
            code: framework.shared(id).0.clone(),
            #[cfg(not(target_arch = "wasm32"))]
            names: framework.shared(id).1.clone(),
            #[cfg(target_arch = "wasm32")]
            code: node.code.clone(),
            #[cfg(target_arch = "wasm32")]
            names: node.names.clone(),
            indicator: node.is_indicator(),
            index: framework.indices().contains(&id),
            max_points: max_points(framework, id, scales[id]),
            scale: scales[id],
        })
        .collect();
    let columns = values
        .into_iter()
        .zip(statuses)
        .enumerate()
        .map(|(id, (values, statuses))| Column {
            #[cfg(not(target_arch = "wasm32"))]
            code: framework.shared(id).0.clone(),
            #[cfg(target_arch = "wasm32")]
            code: Arc::from(nodes[id].code.as_str()),
            raw: nodes[id]
                .is_indicator()
                .then(|| table.indicator_column(framework, id))
                .flatten(),
            ranks: OnceLock::new(),
            precision,
            values,
            statuses,
            in_points: is_sum(framework, id),
        })
        .collect();
    Results {
        framework: framework.id().to_string(),
        precision,
        nodes: infos,
        units: table.shared_units(),
        columns,
        scored: table.clone(),
        diagnostics,
    }
}

/// Every node's values (one column per node, one entry per unit) without assembling
/// [`Results`]: the fast path for analyses that rescore many times.
#[cfg(feature = "validate")]
pub(crate) fn node_values(framework: &Framework, table: &Table) -> Result<Vec<Values>, Failure> {
    let scales = scales(framework, table.n_units());
    Ok(score_nodes(framework, table, scales)?.values)
}

/// Every node's column of values and statuses, and the notes scoring gives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scoring {
    /// One column per node.
    pub values: Vec<Values>,
    /// One column per node.
    pub statuses: Vec<Vec<Status>>,
    /// The range of each node's values.
    pub scales: Vec<Range>,
    /// Notes (constant indicators); warnings about availability are added by
    /// [`score_columns`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Scores every indicator, then aggregates every aggregate.
fn score_nodes(
    framework: &Framework,
    table: &Table,
    scales: Vec<Range>,
) -> Result<Scoring, Failure> {
    let n = table.n_units();
    let count = framework.nodes().len();
    let mut values: Vec<Values> = vec![Values::new(); count];
    let mut statuses: Vec<Vec<Status>> = vec![Vec::new(); count];
    let mut diagnostics = Vec::new();
    let mut problems = Vec::new();
    let mut overflowed = vec![None; count];
    for id in framework.indicators() {
        let node = framework.node(id);
        if let Some(rule) = node.rule().filter(|rule| !rule.is_relative()) {
            // Absolute rules score each value on its own: straight from the table's column
            // into the results' column.
            let column = table.indicator(framework, id);
            let missing = match framework.missing() {
                MissingPolicy::Zero if !node.is_unscored() => Some(if scales[id].low.is_finite() {
                    scales[id].low
                } else {
                    0.0
                }),
                _ => None,
            };
            (values[id], statuses[id]) = score_absolute(
                rule,
                node,
                column.map(Values::as_slice),
                n,
                scales[id],
                missing,
                &mut overflowed[id],
            );
            continue;
        }
        // One indicator at a time as `Option`s, the form the relative rules read.
        let raw = match table.indicator(framework, id) {
            Some(column) => column.to_vec(),
            None => vec![None; n],
        };
        match score_indicator(framework, id, &raw, table.units(), scales[id]) {
            Ok(scored) => {
                values[id] = finite_column(&scored.values, &mut overflowed[id]);
                statuses[id] = scored.statuses;
                if scored.constant {
                    let node = framework.node(id);
                    let rule = node.rule().map(|r| r.name()).unwrap_or_default();
                    diagnostics.push(Diagnostic::note(
                        Location::default().indicator(&node.code),
                        Problem::ConstantIndicator { rule: rule.into() },
                    ));
                }
            }
            Err(problem) => {
                let location = Location::default().indicator(&framework.node(id).code);
                problems.push(Diagnostic::error(location, problem));
                values[id] = Values::missing(n);
                statuses[id] = vec![Status::Missing; n];
            }
        }
    }
    problems.extend(aggregate_nodes(
        framework,
        &scales,
        &mut values,
        &mut statuses,
        table.units(),
        &mut overflowed,
    ));
    problems.extend(overflows(framework, &overflowed, table.units()));
    if problems.is_empty() {
        Ok(Scoring {
            values,
            statuses,
            scales,
            diagnostics,
        })
    } else {
        Err(Failure {
            diagnostics: problems,
        })
    }
}

/// An indicator's scores under an absolute rule, as [`score_indicator`] and [`finite_column`]
/// give them from its `raw` values (`None`: no column, every value missing): each value
/// present scored by the rule, each missing one `missing` (the missing-data policy's value)
/// or left missing; the first unit whose score is not finite noted in `overflowed`.
fn score_absolute(
    rule: &crate::rule::Rule,
    node: &crate::framework::Node,
    raw: Option<&[f64]>,
    n: usize,
    scale: Range,
    missing: Option<f64>,
    overflowed: &mut Option<usize>,
) -> (Values, Vec<Status>) {
    let mut values = Values::missing(n);
    let mut statuses = Vec::with_capacity(n);
    let (absent, missing) = match missing {
        Some(value) => (Status::MissingAsZero, Some(value)),
        None => (Status::Missing, None),
    };
    for unit in 0..n {
        let x = raw
            .and_then(|raw| raw.get(unit))
            .copied()
            .unwrap_or(f64::NAN);
        let (value, status) = if x.is_finite() {
            (Some(rule.score_one(x, node, scale)), Status::Scored)
        } else {
            (missing, absent)
        };
        if values.set(unit, value).is_err() && overflowed.is_none() {
            *overflowed = Some(unit);
        }
        statuses.push(status);
    }
    (values, statuses)
}

/// One indicator's scores and statuses, and whether its rule met a constant column.
struct ScoredColumn {
    values: Vec<Option<f64>>,
    statuses: Vec<Status>,
    constant: bool,
}

/// Scores one indicator's column; missing values follow the framework's policy.
fn score_indicator(
    framework: &Framework,
    id: NodeId,
    raw: &[Option<f64>],
    units: &[UnitInfo],
    scale: Range,
) -> Result<ScoredColumn, Problem> {
    let node = framework.node(id);
    let Some(rule) = node.rule() else {
        return Ok(ScoredColumn {
            values: Vec::new(),
            statuses: Vec::new(),
            constant: false,
        });
    };
    let scored = rule.apply(raw, node, units)?;
    let mut scores = scored.scores;
    let mut status = vec![Status::Scored; raw.len()];
    for (unit, value) in raw.iter().enumerate() {
        if value.is_some() {
            continue;
        }
        if framework.missing() == MissingPolicy::Zero && !node.is_unscored() {
            scores[unit] = Some(if scale.low.is_finite() {
                scale.low
            } else {
                0.0
            });
            status[unit] = Status::MissingAsZero;
        } else {
            status[unit] = Status::Missing;
        }
    }
    Ok(ScoredColumn {
        values: scores,
        statuses: status,
        constant: scored.constant,
    })
}

/// Fills every aggregate's column from its children's, in scoring order, on the analyses'
/// working copies (a few units' values as `Option`s). `values` and `statuses` hold one column
/// per node; the indicators' columns must be filled already. Fails with every unit and
/// aggregate whose method is undefined for its children's values, and every node with a value
/// that is not finite.
pub(crate) fn aggregate_all(
    framework: &Framework,
    scales: &[Range],
    values: &mut [Vec<Option<f64>>],
    statuses: &mut [Vec<Status>],
    units: &[UnitInfo],
) -> Result<(), Vec<Diagnostic>> {
    let mut overflowed = vec![None; values.len()];
    let mut columns: Vec<Values> = values
        .iter()
        .zip(&mut overflowed)
        .map(|(column, first)| finite_column(column, first))
        .collect();
    let mut problems = aggregate_nodes(
        framework,
        scales,
        &mut columns,
        statuses,
        units,
        &mut overflowed,
    );
    problems.extend(overflows(framework, &overflowed, units));
    for (copy, column) in values.iter_mut().zip(&columns) {
        *copy = column.to_vec();
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// [`aggregate_all`]'s work: the problems of undefined methods, and each aggregate whose
/// column overflowed noted in `overflowed` (one entry per node) with its first such unit.
fn aggregate_nodes(
    framework: &Framework,
    scales: &[Range],
    values: &mut [Values],
    statuses: &mut [Vec<Status>],
    units: &[UnitInfo],
    overflowed: &mut [Option<usize>],
) -> Vec<Diagnostic> {
    let n = units.len();
    let threshold = framework.min_availability();
    let mut problems = Vec::new();
    let mut present = Vec::new();
    for (id, node) in framework.nodes().iter().enumerate() {
        let NodeKind::Aggregate { method, children } = &node.kind else {
            continue;
        };
        let (column, status) = match method {
            Aggregation::Arithmetic | Aggregation::Sum => {
                let (column, status, overflow) =
                    aggregate_linear(*method, children, values, n, threshold, scales[id]);
                (values[id], statuses[id], overflowed[id]) = (column, status, overflow);
                continue;
            }
            Aggregation::Copeland => aggregate_copeland(children, values, n, threshold, scales[id]),
            _ => {
                let mut column = Vec::with_capacity(n);
                let mut status = Vec::with_capacity(n);
                for (unit, info) in units.iter().enumerate() {
                    let (value, state) =
                        match gather(children, values, unit, threshold, &mut present) {
                            Err(state) => (None, state),
                            Ok(()) => match combine(*method, &present) {
                                Ok(value) => (Some(value), Status::Scored),
                                Err(CombineError::Negative { value }) => {
                                    let location = Location::default()
                                        .unit(info.code.as_str())
                                        .indicator(&node.code);
                                    let problem = Problem::NegativeValue {
                                        method: method.name().into(),
                                        value,
                                    };
                                    problems.push(Diagnostic::error(location, problem));
                                    (None, Status::Missing)
                                }
                            },
                        };
                    column.push(
                        value.map(|v| crate::float::clamp(v, scales[id].low, scales[id].high)),
                    );
                    status.push(state);
                }
                (column, status)
            }
        };
        values[id] = finite_column(&column, &mut overflowed[id]);
        statuses[id] = status;
    }
    problems
}

/// A node's column as [`Results`] keeps it. A value too large for a float (or made undefined
/// by one) is left out and the first unit that has one noted in `overflowed`, so a wrong
/// number never reaches the results.
fn finite_column(column: &[Option<f64>], overflowed: &mut Option<usize>) -> Values {
    let mut values = Values::missing(column.len());
    for (unit, &value) in column.iter().enumerate() {
        if values.set(unit, value).is_err() && overflowed.is_none() {
            *overflowed = Some(unit);
        }
    }
    values
}

/// An error for each node noted as overflowing (one entry per node: its first unit), in
/// scoring order.
fn overflows(
    framework: &Framework,
    overflowed: &[Option<usize>],
    units: &[UnitInfo],
) -> Vec<Diagnostic> {
    overflowed
        .iter()
        .enumerate()
        .filter_map(|(id, unit)| {
            let node = &framework.node(id).code;
            let location = Location::default()
                .unit(units[(*unit)?].code.as_str())
                .indicator(node);
            Some(Diagnostic::error(location, Problem::Overflow))
        })
        .collect()
}

/// Weighted means and sums, child column by child column: the same additions in the same
/// order as [`combine`], but reading memory in sequence, which matters with thousands of
/// units and children.
fn aggregate_linear(
    method: Aggregation,
    children: &[Edge],
    values: &[Values],
    n: usize,
    threshold: f64,
    scale: Range,
) -> (Values, Vec<Status>, Option<usize>) {
    // Per unit: the weighted total, the weights and the count of the children present.
    let mut sums = vec![(0.0, 0.0, 0usize); n];
    let mut weighted = 0usize;
    for edge in children.iter().filter(|e| e.weight > 0.0) {
        weighted += 1;
        for (sum, &x) in sums.iter_mut().zip(values[edge.child].as_slice()) {
            // Missing values are NaN, the only numbers a column holds that are not finite.
            if x.is_finite() {
                sum.0 += x * edge.weight;
                sum.1 += edge.weight;
                sum.2 += 1;
            }
        }
    }
    // The column and statuses written in place, as `finite_column` would from `Option`s.
    let mut column = Values::missing(n);
    let mut statuses = Vec::with_capacity(n);
    let mut overflowed = None;
    for (unit, &(total, weight, present)) in sums.iter().enumerate() {
        let status = if present == 0 {
            Status::Missing
        } else if (present as f64 / weighted as f64) < threshold {
            Status::LowAvailability
        } else {
            let value = if method == Aggregation::Sum {
                total
            } else {
                total / weight
            };
            let value = crate::float::clamp(value, scale.low, scale.high);
            if column.set(unit, Some(value)).is_err() && overflowed.is_none() {
                overflowed = Some(unit);
            }
            Status::Scored
        };
        statuses.push(status);
    }
    (column, statuses, overflowed)
}

/// Copeland scores over the weighted children, then the availability threshold unit by unit.
fn aggregate_copeland(
    children: &[Edge],
    values: &[Values],
    n: usize,
    threshold: f64,
    scale: Range,
) -> (Vec<Option<f64>>, Vec<Status>) {
    let weighted: Vec<&Edge> = children.iter().filter(|e| e.weight > 0.0).collect();
    // Copeland compares every pair of units, so it is only used with few of them: the
    // children as `Option`s cost nothing that matters.
    let children_values: Vec<Vec<Option<f64>>> =
        weighted.iter().map(|e| values[e.child].to_vec()).collect();
    let columns: Vec<&[Option<f64>]> = children_values.iter().map(Vec::as_slice).collect();
    let weights: Vec<f64> = weighted.iter().map(|e| e.weight).collect();
    let scores = copeland(&columns, &weights);
    (0..n)
        .map(|unit| match availability(children, values, unit) {
            None | Some(0.0) => (None, Status::Missing),
            Some(share) if share < threshold => (None, Status::LowAvailability),
            Some(_) => (
                scores[unit].map(|v| crate::float::clamp(v, scale.low, scale.high)),
                Status::Scored,
            ),
        })
        .unzip()
}

fn is_sum(framework: &Framework, id: NodeId) -> bool {
    matches!(
        framework.node(id).kind,
        NodeKind::Aggregate {
            method: Aggregation::Sum,
            ..
        }
    )
}

/// A node's maximum points: a sum's top of scale, or the declared points of a node valued 0..1.
fn max_points(framework: &Framework, id: NodeId, scale: Range) -> Option<f64> {
    if is_sum(framework, id) {
        return Some(scale.high).filter(|h| h.is_finite());
    }
    framework
        .node(id)
        .points
        .filter(|_| scale.low == 0.0 && scale.high == 1.0)
}

/// The range each node's values fall in, for `n` units (ranks and Copeland scores depend on
/// how many units there are), in the order of [`Framework::nodes`].
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let dti = framework.find("DTI").unwrap();
/// assert_eq!(dti_core::score::scales(&framework, 63)[dti], dti_core::Range { low: 0.0, high: 1.0 });
/// ```
pub fn scales(framework: &Framework, n: usize) -> Vec<Range> {
    let mut scales: Vec<Range> = Vec::with_capacity(framework.nodes().len());
    for node in framework.nodes() {
        let scale = match &node.kind {
            NodeKind::Indicator { rule } => rule.scale(n),
            NodeKind::Aggregate { method, children } => {
                let positive = children.iter().filter(|e| e.weight > 0.0);
                match method {
                    Aggregation::Sum => {
                        let low = positive
                            .clone()
                            .map(|e| e.weight * scales[e.child].low)
                            .sum();
                        let high = positive.map(|e| e.weight * scales[e.child].high).sum();
                        Range { low, high }
                    }
                    Aggregation::Copeland => {
                        let most = n.saturating_sub(1) as f64;
                        Range {
                            low: -most,
                            high: most,
                        }
                    }
                    _ => {
                        let low = positive
                            .clone()
                            .map(|e| scales[e.child].low)
                            .fold(f64::INFINITY, f64::min);
                        let high = positive
                            .map(|e| scales[e.child].high)
                            .fold(f64::NEG_INFINITY, f64::max);
                        Range { low, high }
                    }
                }
            }
        };
        scales.push(scale);
    }
    scales
}

/// The share of an aggregate's weighted children that have a value, if any have a weight.
fn availability(children: &[Edge], values: &[Values], unit: usize) -> Option<f64> {
    let (mut weighted, mut present) = (0usize, 0usize);
    for edge in children.iter().filter(|e| e.weight > 0.0) {
        weighted += 1;
        present += usize::from(values[edge.child].get(unit).is_some());
    }
    (weighted > 0).then(|| present as f64 / weighted as f64)
}

/// One unit's `(value, weight)` pairs of an aggregate's weighted children into `present`;
/// fails with the status when there are none or too few.
fn gather(
    children: &[Edge],
    values: &[Values],
    unit: usize,
    threshold: f64,
    present: &mut Vec<(f64, f64)>,
) -> Result<(), Status> {
    present.clear();
    present.extend(
        children
            .iter()
            .filter(|e| e.weight > 0.0)
            .filter_map(|e| values[e.child].get(unit).map(|x| (x, e.weight))),
    );
    if present.is_empty() {
        return Err(Status::Missing);
    }
    if availability(children, values, unit).is_some_and(|share| share < threshold) {
        return Err(Status::LowAvailability);
    }
    Ok(())
}

/// Decimals of points in tables (the official reports print points with two).
pub const POINTS_DECIMALS: u32 = 2;

/// Points and points lost as a table prints them: the points rounded to [`POINTS_DECIMALS`],
/// and the points lost as the maximum less the printed points, so that every printed row adds
/// up to its maximum. Rounded on their own, 67.575 points of 150 would print as 67.58 and
/// 82.43 lost, a total of 150.01.
///
/// ```
/// use dti_core::score::shown_points;
/// assert_eq!(shown_points(67.575, 150.0), (67.58, 82.42));
/// assert_eq!(shown_points(800.176, 1000.0), (800.18, 199.82));
/// ```
pub fn shown_points(points: f64, max: f64) -> (f64, f64) {
    let shown = round_to(points, POINTS_DECIMALS);
    (shown, round_to((max - shown).max(0.0), POINTS_DECIMALS))
}

/// [`shown_points`] as the whole hundredths a table prints, for writers of millions of rows:
/// [`crate::text::push_scaled`] at [`POINTS_DECIMALS`] writes them as
/// [`crate::text::write_decimal`] writes the two values of [`shown_points`], without their
/// divisions. `None` when either is too large for that (2^50 hundredths or more), or when
/// `points` is not a number.
///
/// ```
/// use dti_core::score::shown_points_hundredths;
/// assert_eq!(shown_points_hundredths(67.575, 150.0), Some((6758, 8242)));
/// ```
pub fn shown_points_hundredths(points: f64, max: f64) -> Option<(i64, i64)> {
    const HUNDRED: f64 = 100.0;
    let small = |whole: i64| whole.unsigned_abs() < 1 << 50;
    let shown = crate::text::round_small(points * HUNDRED).filter(|&k| small(k))?;
    // `round_to` gives this shown value (its sign of zero aside, which no difference sees).
    let lost = (max - shown as f64 / HUNDRED).max(0.0);
    let lost = crate::text::round_small(lost * HUNDRED).filter(|&k| small(k))?;
    Some((shown, lost))
}

/// Ranks a column: 1 for the highest value at the given precision; ties share the lower number.
pub fn rank(column: &[Option<f64>], precision: u32) -> Vec<Option<u32>> {
    ranks_of(column.iter().copied(), precision)
        .into_iter()
        .map(|rank| rank.map(NonZeroU32::get))
        .collect()
}

/// [`rank`] at four bytes a rank, as [`Results`] keeps them.
///
/// Values are compared as [`round_to`] rounds them, through the whole numbers they round to
/// (`round(v × 10^precision)`): below 2^51 two of these are equal exactly when the rounded
/// values are, and ordered as they are (dividing distinct whole numbers that small by the
/// same power of ten cannot give the same float). A unit's rank is one more than the count
/// of units above it: counted in an array when the whole numbers span little more than the
/// units (indicators' scores at the published precision, for thousands of units), else by
/// one sort of plain integers. Columns with larger numbers take the general sort.
fn ranks_of(
    column: impl ExactSizeIterator<Item = Option<f64>> + Clone,
    precision: u32,
) -> Vec<Option<NonZeroU32>> {
    // As `Values` holds them, missing values as NaN; a NaN given as a value has no whole
    // number, so it takes the general sort, as any value too large does.
    let mut numbers = Vec::with_capacity(column.len());
    for value in column.clone() {
        match value {
            Some(x) if x.is_nan() => return ranks_by_sort(column, precision),
            Some(x) => numbers.push(x),
            None => numbers.push(f64::NAN),
        }
    }
    ranks_of_numbers(&numbers, precision).unwrap_or_else(|| ranks_by_sort(column, precision))
}

/// [`ranks_of`] on numbers with the missing ones NaN (a column of [`Values`] as it is stored),
/// in plain passes over arrays; `None` when a number is too large for the whole numbers
/// (the general sort's work).
fn ranks_of_numbers(numbers: &[f64], precision: u32) -> Option<Vec<Option<NonZeroU32>>> {
    const MISSING: i64 = i64::MIN;
    let n = numbers.len();
    let factor = crate::text::power_of_ten(precision);
    // Each value's whole number (`MISSING` where missing), and their least and greatest.
    let mut wholes = vec![MISSING; n];
    let (mut low, mut high) = (i64::MAX, i64::MIN);
    for (whole, &x) in wholes.iter_mut().zip(numbers) {
        if x.is_nan() {
            continue;
        }
        let rounded = crate::text::round_small(x * factor)?;
        low = low.min(rounded);
        high = high.max(rounded);
        *whole = rounded;
    }
    let mut ranks = vec![None; n];
    let rank =
        |above: usize| NonZeroU32::MIN.saturating_add(u32::try_from(above).unwrap_or(u32::MAX));
    if low > high {
        return Some(ranks);
    }
    let span = high.abs_diff(low);
    if span <= 2 * n as u64 + 64 {
        // counts[k]: units whose whole number is high - k; then how many are above them.
        let mut counts = vec![0; span as usize + 1];
        for &whole in wholes.iter().filter(|&&w| w != MISSING) {
            counts[high.abs_diff(whole) as usize] += 1;
        }
        let mut above = 0;
        for count in counts.iter_mut() {
            (*count, above) = (above, above + *count);
        }
        for (rank_of, &whole) in ranks.iter_mut().zip(wholes.iter()) {
            if whole != MISSING {
                *rank_of = Some(rank(counts[high.abs_diff(whole) as usize]));
            }
        }
    } else if span < 1 << 32 && n <= u32::MAX as usize {
        // Distance below the highest, then the row: one sort of integers, highest first.
        let mut order = Vec::with_capacity(n);
        for (row, &whole) in wholes.iter().enumerate() {
            if whole != MISSING {
                order.push(high.abs_diff(whole) << 32 | row as u64);
            }
        }
        sort_by_distance(&mut order, span);
        let mut first = 0;
        for (k, &key) in order.iter().enumerate() {
            if key >> 32 != order[first] >> 32 {
                first = k;
            }
            ranks[(key & u64::from(u32::MAX)) as usize] = Some(rank(first));
        }
    } else {
        return None;
    }
    Some(ranks)
}

/// Below this many keys, [`sort_by_distance`] leaves them to a comparison sort.
const RADIX_FROM: usize = 1 << 12;

/// Sorts keys (a distance below the highest value in the high 32 bits, a row in the low 32;
/// every distance at most `span`) so that their distances ascend: all [`ranks_of`] reads of
/// the order, so any two sorts by distance give the same ranks. A column of a million units
/// takes a few passes of a radix sort (twelve bits of the distance a pass, as many passes as
/// `span` needs) instead of a comparison sort's twenty or so rounds; short columns take the
/// comparison sort.
fn sort_by_distance(keys: &mut Vec<u64>, span: u64) {
    const BITS: u32 = 12;
    if keys.len() < RADIX_FROM {
        // No two keys are equal (each holds its row).
        crate::sort::unstable(keys);
        return;
    }
    let needed = u64::BITS - span.leading_zeros();
    let mut other = vec![0; keys.len()];
    let mut shift = 32;
    while shift < 32 + needed {
        let digit = |key: u64| ((key >> shift) & ((1 << BITS) - 1)) as usize;
        let mut starts = vec![0usize; 1 << BITS];
        for &key in keys.iter() {
            starts[digit(key)] += 1;
        }
        let mut at = 0;
        for start in starts.iter_mut() {
            (*start, at) = (at, at + *start);
        }
        // Stable: keys with the same digit keep the order of the passes before.
        for &key in keys.iter() {
            let start = &mut starts[digit(key)];
            other[*start] = key;
            *start += 1;
        }
        std::mem::swap(keys, &mut other);
        shift += BITS;
    }
}

/// [`ranks_of`] for any values: each rounded with its row, sorted highest first; tied values
/// take the rank of the first of them.
fn ranks_by_sort(
    column: impl ExactSizeIterator<Item = Option<f64>>,
    precision: u32,
) -> Vec<Option<NonZeroU32>> {
    let n = column.len();
    let mut order: Vec<(f64, usize)> = column
        .enumerate()
        .filter_map(|(row, value)| value.map(|v| (round_to(v, precision), row)))
        .collect();
    // Tied values take one rank whatever their order.
    crate::sort::unstable_by(&mut order, |a, b| b.0.total_cmp(&a.0));
    let mut ranks = vec![None; n];
    let mut rank = NonZeroU32::MIN;
    for (k, &(value, row)) in order.iter().enumerate() {
        if k > 0 && value != order[k - 1].0 {
            rank = NonZeroU32::MIN.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
        }
        ranks[row] = Some(rank);
    }
    ranks
}

/// Ranks a column within groups: each unit against the units with the same label (one label
/// per unit), as [`rank`] ranks.
///
/// ```
/// let scores = [Some(1.0), Some(5.0), Some(3.0), None, Some(3.0)];
/// let groups = ["a", "b", "a", "b", "a"];
/// let ranks = dti_core::score::rank_within_groups(&scores, &groups, 4);
/// assert_eq!(ranks, [Some(3), Some(1), Some(1), None, Some(1)]);
/// ```
pub fn rank_within_groups(
    column: &[Option<f64>],
    labels: &[&str],
    precision: u32,
) -> Vec<Option<u32>> {
    let mut out = vec![None; column.len()];
    let mut seen: Vec<&str> = Vec::new();
    for label in labels {
        if !seen.contains(label) {
            seen.push(label);
        }
    }
    for group in seen {
        let rows: Vec<usize> = (0..column.len())
            .filter(|&i| labels.get(i) == Some(&group))
            .collect();
        let within: Vec<Option<f64>> = rows.iter().map(|&i| column[i]).collect();
        for (&i, r) in rows.iter().zip(rank(&within, precision)) {
            out[i] = r;
        }
    }
    out
}

/// Each indicator's part of each index's value for one unit (by position in
/// [`Results::units`]), for the indices built by weighted means and sums only: there the
/// contributions of an index add up to its value. Computed on demand, so large data sets do
/// not carry units × indicators × indices numbers they may never read.
///
/// ```
/// let framework = dti_core::embedded::default_framework();
/// let (data, _) = dti_core::embedded::dataset("quang-ninh-2022.csv").unwrap();
/// let results = dti_core::score(&framework, &data).unwrap();
/// let parts = dti_core::score::contributions(&framework, &results, 0);
/// let dti: f64 = parts.iter().filter(|c| c.index == "DTI").map(|c| c.value).sum();
/// assert!((dti - results.value("22", "DTI").unwrap()).abs() < 1e-12);
/// // Digital-government activity: 200 of 1000 points × 0.8385.
/// let i7 = parts.iter().find(|c| c.index == "DTI" && c.indicator == "I7").unwrap();
/// assert!((i7.points.unwrap() - 167.7).abs() < 1e-9);
/// ```
pub fn contributions(framework: &Framework, results: &Results, unit: usize) -> Vec<Contribution> {
    if unit >= results.units.len() || results.nodes.len() != framework.nodes().len() {
        return Vec::new();
    }
    let values: Vec<Option<f64>> = (0..results.nodes.len())
        .map(|node| results.values(node).get(unit))
        .collect();
    let mut out = Vec::new();
    let mut shares = vec![0.0; values.len()];
    for &index in framework.indices() {
        if framework.node(index).is_indicator()
            || !linear_below(framework, index)
            || values[index].is_none()
        {
            continue;
        }
        shares.fill(0.0);
        spread(framework, &values, index, 1.0, &mut shares);
        let sum = is_sum(framework, index);
        for leaf in framework
            .indicators()
            .filter(|&leaf| framework.reaches(index, leaf))
        {
            let value = shares[leaf];
            let points = results.nodes[index]
                .max_points
                .map(|max| if sum { value } else { value * max });
            out.push(Contribution {
                indicator: framework.node(leaf).code.clone(),
                index: framework.node(index).code.clone(),
                value,
                points,
            });
        }
    }
    out
}

/// Passes `factor` down from an aggregate to the leaves, through present children only.
fn spread(
    framework: &Framework,
    values: &[Option<f64>],
    id: NodeId,
    factor: f64,
    shares: &mut [f64],
) {
    let Some(value) = values[id] else { return };
    match &framework.node(id).kind {
        NodeKind::Indicator { .. } => shares[id] += factor * value,
        NodeKind::Aggregate { method, children } => {
            let present = children
                .iter()
                .filter(|e| e.weight > 0.0 && values[e.child].is_some());
            let total: f64 = if *method == Aggregation::Sum {
                1.0
            } else {
                present.clone().map(|e| e.weight).sum()
            };
            for edge in present {
                spread(
                    framework,
                    values,
                    edge.child,
                    factor * edge.weight / total,
                    shares,
                );
            }
        }
    }
}

fn linear_below(framework: &Framework, id: NodeId) -> bool {
    match &framework.node(id).kind {
        NodeKind::Indicator { .. } => true,
        NodeKind::Aggregate { method, children } => {
            method.is_linear() && children.iter().all(|e| linear_below(framework, e.child))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A column of scores at a few decimals (many ties), of larger numbers, or of any floats.
    fn columns() -> impl Strategy<Value = Vec<Option<f64>>> {
        let value = prop_oneof![
            (0u32..50).prop_map(|k| f64::from(k) / 40.0),
            -1.0f64..1.0,
            -1e6f64..1e6,
            prop::num::f64::NORMAL,
            Just(-0.0),
            Just(0.0),
            Just(1e15),
            Just(-2.3e15),
        ];
        prop::collection::vec(prop::option::weighted(0.9, value), 0..300)
    }

    proptest! {
        #[test]
        fn ranks_are_those_of_the_general_sort(column in columns(), precision in 0u32..18) {
            let fast = ranks_of(column.iter().copied(), precision);
            let general = ranks_by_sort(column.iter().copied(), precision);
            prop_assert_eq!(fast, general);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn ranks_of_long_columns_are_those_of_the_general_sort(
            column in prop::collection::vec(
                prop::option::weighted(0.95, prop_oneof![0.0f64..1_000.0, -5e5f64..5e5]),
                RADIX_FROM..2 * RADIX_FROM,
            ),
            precision in 0u32..6,
        ) {
            let fast = ranks_of(column.iter().copied(), precision);
            let general = ranks_by_sort(column.iter().copied(), precision);
            prop_assert_eq!(fast, general);
        }
    }

    /// What a table prints of [`shown_points`], and of [`shown_points_hundredths`].
    fn printed_points(points: f64, max: f64) -> (String, Option<String>) {
        use crate::text::{push_scaled, write_decimal};
        let (shown, lost) = shown_points(points, max);
        let mut before = String::new();
        for value in [shown, lost] {
            write_decimal(&mut before, value, POINTS_DECIMALS, crate::Lang::Vi);
            before.push(';');
        }
        let after = shown_points_hundredths(points, max).map(|(shown, lost)| {
            let mut after = Vec::new();
            for value in [shown, lost] {
                push_scaled(&mut after, value, POINTS_DECIMALS, crate::Lang::Vi);
                after.push(b';');
            }
            String::from_utf8(after).unwrap()
        });
        (before, after)
    }

    proptest! {
        #[test]
        fn points_as_hundredths_print_as_shown_points(
            share in -0.1f64..1.1,
            max in prop_oneof![(1u32..2_000).prop_map(f64::from), 0.0f64..1e6],
            any in prop::num::f64::ANY,
            any_max in prop::num::f64::ANY,
        ) {
            let (before, after) = printed_points(share * max, max);
            prop_assert_eq!(Some(before), after);
            let (before, after) = printed_points(any, any_max);
            if let Some(after) = after {
                prop_assert_eq!(before, after);
            }
        }

        #[test]
        fn points_near_half_hundredths_print_as_shown_points(
            hundredths in 0i64..200_000,
            ulps in -2i64..3,
            max in prop_oneof![Just(1000.0), Just(150.0), Just(100.0), 0.0f64..3000.0],
        ) {
            let half = (hundredths as f64 + 0.5) / 100.0;
            let points = f64::from_bits((half.to_bits() as i64 + ulps) as u64);
            let (before, after) = printed_points(points, max);
            prop_assert_eq!(Some(before), after);
        }
    }

    #[test]
    fn points_too_large_for_hundredths_are_left_to_shown_points() {
        assert_eq!(shown_points_hundredths(f64::NAN, 100.0), None);
        assert_eq!(shown_points_hundredths(1e14, 100.0), None);
        assert_eq!(shown_points_hundredths(1.0, 1e14), None);
        assert_eq!(shown_points_hundredths(-0.001, 10.0), Some((0, 1000)));
        assert_eq!(shown_points_hundredths(12.0, 10.0), Some((1200, 0)));
    }

    #[test]
    fn ranks_counted_and_sorted_agree_with_the_general_sort() {
        // Spans small and large against the number of units, ties, negative zeros.
        let many: Vec<Option<f64>> = (0..5_000)
            .map(|i| (i % 7 != 0).then(|| f64::from(i % 1_234) / 1_000.0 - 0.5))
            .collect();
        let spread: Vec<Option<f64>> = (0..500).map(|i| Some(f64::from(i) * 977.31)).collect();
        let zeros = vec![Some(-0.0), Some(0.0), Some(-0.00001), None, Some(0.00001)];
        // Long enough for the radix sort, with spans of two and three of its passes (points
        // out of 1,000 at four decimals, as the DTI's aggregates) and ties across them.
        let long = |scale: f64| -> Vec<Option<f64>> {
            (0..3 * RADIX_FROM as u32)
                .map(|i| {
                    (i % 11 != 0).then(|| f64::from(i.wrapping_mul(2_654_435_761) % 9_973) * scale)
                })
                .collect()
        };
        for column in [many, spread, zeros, long(0.0137), long(1.003), long(100.7)] {
            for precision in [0, 2, 4, 15] {
                assert_eq!(
                    ranks_of(column.iter().copied(), precision),
                    ranks_by_sort(column.iter().copied(), precision)
                );
            }
        }
    }
}
