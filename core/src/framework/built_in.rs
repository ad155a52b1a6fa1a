//! The embedded frameworks as they are once validated, compiled in: `built_in/data.rs` holds
//! each one's nodes (in scoring order, with their parents, children, ranges, rules and
//! methods), indices, weight sets, references and derived levels as static tables, written by
//! [`source`] from the frameworks read from `indicators/*.toml`. Building one is copying those
//! tables; no reader and no validation is needed, so the calculator's module has neither.
//! `tests/tests/embedded.rs` fails when the tables are stale, and compares every framework
//! built here with the one read from its TOML file.

use std::collections::BTreeMap;

use super::Unit;
use super::{Direction, Edge, Framework, MissingPolicy, Node, NodeId, NodeKind, Range, Reference};
use crate::aggregation::Aggregation;
use crate::rule::Rule;
use crate::text::Names;

#[rustfmt::skip]
mod data;

/// A name in Vietnamese and English.
type Pair = (&'static str, &'static str);

/// Codes with numbers: a weight set, a reference's values.
type Values = &'static [(&'static str, f64)];

/// A framework as static tables.
struct Built {
    id: &'static str,
    names: Pair,
    description: Option<Pair>,
    source: Option<&'static str>,
    precision: u32,
    missing: MissingPolicy,
    min_availability: f64,
    nodes: &'static [Row],
    indices: &'static [NodeId],
    references: &'static [(Pair, Option<i32>, Values)],
    weight_sets: &'static [(&'static str, Values)],
    levels: &'static [u32],
    leaf_positions: &'static [Option<usize>],
}

/// A node.
struct Row {
    code: &'static str,
    names: Pair,
    unit: Unit,
    direction: Direction,
    range: (f64, f64),
    points: Option<f64>,
    description: Option<Pair>,
    denominator: Option<&'static str>,
    target: Option<f64>,
    parents: &'static [(NodeId, f64)],
    kind: Kind,
}

/// An indicator's rule (made when the framework is built: some rules hold text) or an
/// aggregate's method and children.
enum Kind {
    Indicator(fn() -> Rule),
    Aggregate(Aggregation, &'static [(NodeId, f64)]),
}

fn names((vi, en): Pair) -> Names {
    Names {
        vi: vi.to_string(),
        en: en.to_string(),
    }
}

/// Inserted one by one: collecting into a map would bring one more copy of the standard
/// sort into the calculator's module.
fn values(values: Values) -> BTreeMap<String, f64> {
    let mut map = BTreeMap::new();
    for &(code, x) in values {
        map.insert(code.to_string(), x);
    }
    map
}

/// The embedded framework `id`.
pub(super) fn framework(id: &str) -> Option<Framework> {
    let built = data::FRAMEWORKS.iter().find(|built| built.id == id)?;
    let nodes: Vec<Node> = built
        .nodes
        .iter()
        .map(|row| Node {
            code: row.code.to_string(),
            names: names(row.names),
            unit: row.unit,
            direction: row.direction,
            range: Range {
                low: row.range.0,
                high: row.range.1,
            },
            points: row.points,
            description: row.description.map(names),
            denominator: row.denominator.map(str::to_string),
            target: row.target,
            parents: row.parents.to_vec(),
            kind: match &row.kind {
                Kind::Indicator(rule) => NodeKind::Indicator { rule: rule() },
                Kind::Aggregate(method, children) => NodeKind::Aggregate {
                    method: *method,
                    children: children
                        .iter()
                        .map(|&(child, weight)| Edge { child, weight })
                        .collect(),
                },
            },
        })
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    let shared = super::shared(&nodes);
    Some(Framework {
        id: built.id.to_string(),
        names: names(built.names),
        description: built.description.map(names),
        source: built.source.map(str::to_string),
        precision: built.precision,
        missing: built.missing,
        min_availability: built.min_availability,
        nodes,
        indices: built.indices.to_vec(),
        references: built
            .references
            .iter()
            .map(|&(pair, year, given)| Reference {
                names: names(pair),
                year,
                values: values(given),
            })
            .collect(),
        weight_sets: {
            let mut sets = BTreeMap::new();
            for &(set, weights) in built.weight_sets {
                sets.insert(set.to_string(), values(weights));
            }
            sets
        },
        #[cfg(feature = "pipeline")]
        pipeline: None,
        levels: built.levels.to_vec(),
        leaf_positions: built.leaf_positions.to_vec(),
        #[cfg(not(target_arch = "wasm32"))]
        shared,
    })
}

/// `built_in/data.rs` for these frameworks; `None` when one holds what the tables cannot say
/// (a `[pipeline]` table, or a number that is not a number).
pub(super) fn source(frameworks: &[Framework]) -> Option<String> {
    let f = rust_float;
    let pair = |names: &Names| format!("({:?}, {:?})", names.vi, names.en);
    let option = |text: Option<String>| text.unwrap_or_else(|| "None".into());
    let float_option = |x: Option<f64>| -> Option<String> {
        Some(match x {
            Some(x) => format!("Some({})", f(x)?),
            None => "None".into(),
        })
    };
    let values = |values: &BTreeMap<String, f64>| -> Option<String> {
        let mut out = Vec::new();
        for (code, x) in values {
            out.push(format!("({code:?}, {})", f(*x)?));
        }
        Some(format!("&[{}]", out.join(", ")))
    };
    let edges = |edges: &mut dyn Iterator<Item = (NodeId, f64)>| -> Option<String> {
        let mut out = Vec::new();
        for (id, weight) in edges {
            out.push(format!("({id}, {})", f(weight)?));
        }
        Some(format!("&[{}]", out.join(", ")))
    };
    let mut out = String::from(HEADER);
    for framework in frameworks {
        #[cfg(feature = "pipeline")]
        if framework.pipeline.is_some() {
            return None;
        }
        out += "    Built {\n";
        out += &format!("        id: {:?},\n", framework.id);
        out += &format!("        names: {},\n", pair(&framework.names));
        let description = framework
            .description
            .as_ref()
            .map(|d| format!("Some({})", pair(d)));
        out += &format!("        description: {},\n", option(description));
        let source = framework.source.as_ref().map(|s| format!("Some({s:?})"));
        out += &format!("        source: {},\n", option(source));
        out += &format!("        precision: {},\n", framework.precision);
        out += &format!("        missing: MissingPolicy::{:?},\n", framework.missing);
        out += &format!(
            "        min_availability: {},\n",
            f(framework.min_availability)?
        );
        out += "        nodes: &[\n";
        for node in &framework.nodes {
            let kind = match &node.kind {
                NodeKind::Indicator { rule } => format!("Kind::Indicator(|| {})", rust_rule(rule)?),
                NodeKind::Aggregate { method, children } => {
                    if let Aggregation::PowerMean { p } = method {
                        f(*p)?;
                    }
                    let children = edges(&mut children.iter().map(|e| (e.child, e.weight)))?;
                    format!("Kind::Aggregate(Aggregation::{method:?}, {children})")
                }
            };
            let description = node
                .description
                .as_ref()
                .map(|d| format!("Some({})", pair(d)));
            let denominator = node.denominator.as_ref().map(|d| format!("Some({d:?})"));
            out += &format!(
                "            Row {{ code: {:?}, names: {}, unit: Unit::{:?}, direction: Direction::{:?}, range: ({}, {}), points: {}, description: {}, denominator: {}, target: {}, parents: {}, kind: {kind} }},\n",
                node.code,
                pair(&node.names),
                node.unit,
                node.direction,
                f(node.range.low)?,
                f(node.range.high)?,
                float_option(node.points)?,
                option(description),
                option(denominator),
                float_option(node.target)?,
                edges(&mut node.parents.iter().copied())?,
            );
        }
        out += "        ],\n";
        out += &format!("        indices: &{:?},\n", framework.indices);
        out += "        references: &[\n";
        for reference in &framework.references {
            out += &format!(
                "            ({}, {:?}, {}),\n",
                pair(&reference.names),
                reference.year,
                values(&reference.values)?
            );
        }
        out += "        ],\n        weight_sets: &[\n";
        for (set, weights) in &framework.weight_sets {
            out += &format!("            ({set:?}, {}),\n", values(weights)?);
        }
        out += "        ],\n";
        out += &format!("        levels: &{:?},\n", framework.levels);
        out += &format!("        leaf_positions: &{:?},\n", framework.leaf_positions);
        out += "    },\n";
    }
    out += "];\n";
    Some(out)
}

const HEADER: &str = "\
//! The embedded frameworks as static tables (see `built_in.rs`). Written by
//! `dti_core::framework::built_in_source`; do not edit. After a file of `indicators/` changes,
//! `DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded` writes it again (the test
//! fails while it is stale).
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::{Built, Kind, Row};
use crate::aggregation::Aggregation;
use crate::framework::{Direction, MissingPolicy, Unit};
use crate::rule::Rule;

pub(super) static FRAMEWORKS: &[Built] = &[
";

/// A rule as a Rust expression.
fn rust_rule(rule: &Rule) -> Option<String> {
    let f = rust_float;
    Some(match rule {
        Rule::Score => "Rule::Score".into(),
        Rule::Rate { cap } => format!("Rule::Rate {{ cap: {cap} }}"),
        Rule::Target { target } => format!("Rule::Target {{ target: {} }}", f(*target)?),
        Rule::Goalposts {
            low,
            high,
            scale,
            clip,
        } => format!(
            "Rule::Goalposts {{ low: {}, high: {}, scale: {}, clip: {clip} }}",
            f(*low)?,
            f(*high)?,
            f(*scale)?
        ),
        Rule::YesNo => "Rule::YesNo".into(),
        Rule::Tiers { steps } => {
            let mut pairs = Vec::new();
            for [threshold, share] in steps {
                pairs.push(format!("[{}, {}]", f(*threshold)?, f(*share)?));
            }
            format!("Rule::Tiers {{ steps: vec![{}] }}", pairs.join(", "))
        }
        Rule::None => "Rule::None".into(),
        Rule::MinMax { low, high } => {
            format!("Rule::MinMax {{ low: {}, high: {} }}", f(*low)?, f(*high)?)
        }
        Rule::ZScore { mean, sd } => {
            format!("Rule::ZScore {{ mean: {}, sd: {} }}", f(*mean)?, f(*sd)?)
        }
        Rule::Rank => "Rule::Rank".into(),
        Rule::Borda => "Rule::Borda".into(),
        Rule::PercentileRank => "Rule::PercentileRank".into(),
        Rule::FractionOfMax { scale } => {
            format!("Rule::FractionOfMax {{ scale: {} }}", f(*scale)?)
        }
        Rule::DistanceToMax { scale } => {
            format!("Rule::DistanceToMax {{ scale: {} }}", f(*scale)?)
        }
        Rule::DistanceToTarget { cap, scale } => format!(
            "Rule::DistanceToTarget {{ cap: {cap}, scale: {} }}",
            f(*scale)?
        ),
        Rule::DistanceToReference { unit, cap, scale } => format!(
            "Rule::DistanceToReference {{ unit: {unit:?}.to_string(), cap: {cap}, scale: {} }}",
            f(*scale)?
        ),
    })
}

/// A number as a Rust literal that reads back to the same bits.
fn rust_float(x: f64) -> Option<String> {
    match x {
        f64::INFINITY => Some("f64::INFINITY".into()),
        f64::NEG_INFINITY => Some("f64::NEG_INFINITY".into()),
        x if x.is_nan() => None,
        x => Some(format!("{x:?}")),
    }
}
