//! The framework file format (TOML or JSON), read and written through the same types, so a
//! framework written by [`Framework::to_toml`](super::Framework::to_toml) or
//! [`Framework::to_json`](super::Framework::to_json) reads back equal.
//!
//! Spellings of earlier versions are refused with a message naming the current spelling
//! ([`Problem::OldSpelling`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(feature = "validate")]
use super::validate;
use super::{Direction, Framework, MissingPolicy, NodeKind, Reference, Unit};
#[cfg(feature = "validate")]
use crate::diagnostic::{Diagnostic, Failure, Location, Problem};
use crate::rule::Rule;
use crate::text::Names;

/// A framework file as written.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrameworkFile {
    pub id: String,
    pub names: Names,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Names>,
    #[serde(default = "default_precision")]
    pub precision: u32,
    #[serde(default)]
    pub missing: MissingPolicy,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_availability: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, BTreeMap<String, f64>>,
    #[serde(default, rename = "indicator", skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorFile>,
    #[serde(default, rename = "aggregate", skip_serializing_if = "Vec::is_empty")]
    pub aggregates: Vec<AggregateFile>,
    #[serde(default, rename = "reference", skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[cfg(feature = "pipeline")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline: Option<crate::pipeline::PipelineSpec>,
    /// Accepted and ignored when the pipeline is left out of the build.
    #[cfg(not(feature = "pipeline"))]
    #[serde(default, rename = "pipeline", skip_serializing)]
    pub _pipeline: Option<serde::de::IgnoredAny>,
}

fn default_precision() -> u32 {
    4
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// An `[[indicator]]` table.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndicatorFile {
    pub code: String,
    pub names: Names,
    #[serde(default)]
    pub unit: Unit,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    #[serde(default)]
    pub rule: Rule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Names>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

/// An `[[aggregate]]` table: its method is written `method = "…"` (and `p = …`).
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AggregateFile {
    pub code: String,
    pub names: Names,
    #[serde(default = "default_method")]
    pub method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    pub children: Vec<ChildFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Names>,
}

fn default_method() -> String {
    "arithmetic".into()
}

/// A child of an aggregate: its code alone (weighted by its points, else 1) or with a weight.
#[derive(Deserialize, Serialize)]
#[serde(untagged)]
pub(crate) enum ChildFile {
    Code(String),
    Weighted { code: String, weight: f64 },
}

impl ChildFile {
    #[cfg(feature = "validate")]
    pub fn code(&self) -> &str {
        match self {
            ChildFile::Code(code) | ChildFile::Weighted { code, .. } => code,
        }
    }
}

#[cfg(feature = "toml")]
pub(crate) fn from_toml(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    let file: FrameworkFile = toml::from_str(text).map_err(|error| {
        #[cfg(feature = "pipeline")]
        if let Some(old) = old_spellings_toml(text, origin) {
            return old;
        }
        let mut location = Location::file(origin);
        if let Some(span) = error.span() {
            let (line, column) = line_column(text, span.start);
            location = location.at(line, column);
        }
        let detail = error.message().to_string();
        Failure {
            diagnostics: vec![Diagnostic::error(location, Problem::syntax(detail))],
        }
    })?;
    validate::build(file, origin)
}

#[cfg(feature = "validate")]
pub(crate) fn from_json(text: &str, origin: Option<&str>) -> Result<Framework, Failure> {
    let composed = crate::nfc::compose(text);
    let text = composed.as_ref();
    if let Some((key, line, column)) = crate::json_reader::duplicate_key(text) {
        let location = Location::file(origin).at(line, column);
        return Err(Failure {
            diagnostics: vec![Diagnostic::error(location, Problem::DuplicateKey { key })],
        });
    }
    let file: FrameworkFile = serde_json::from_str(text).map_err(|error| {
        #[cfg(feature = "pipeline")]
        if let Some(old) = serde_json::from_str::<Outline>(text)
            .ok()
            .and_then(|outline| old_spellings(&outline, origin))
        {
            return old;
        }
        let location = Location::file(origin).at(error.line() as u64, error.column() as u64);
        let detail = strip_position(&error.to_string());
        Failure {
            diagnostics: vec![Diagnostic::error(location, Problem::syntax(detail))],
        }
    })?;
    validate::build(file, origin)
}

/// The framework in the file format, every setting written out.
fn file_of(framework: &Framework) -> FrameworkFile {
    let nodes = framework.nodes();
    let mut indicators = Vec::new();
    let mut aggregates = Vec::new();
    for node in nodes {
        match &node.kind {
            NodeKind::Indicator { rule } => {
                let default = node.unit.default_range();
                indicators.push(IndicatorFile {
                    code: node.code.clone(),
                    names: node.names.clone(),
                    unit: node.unit,
                    direction: node.direction,
                    range: (node.range != default).then_some([node.range.low, node.range.high]),
                    points: node.points,
                    rule: rule.clone(),
                    description: node.description.clone(),
                    denominator: node.denominator.clone(),
                    target: node.target,
                });
            }
            NodeKind::Aggregate { method, children } => aggregates.push(AggregateFile {
                code: node.code.clone(),
                names: node.names.clone(),
                method: method.name().to_string(),
                p: method.exponent(),
                points: node.points,
                children: children
                    .iter()
                    .map(|edge| ChildFile::Weighted {
                        code: nodes[edge.child].code.clone(),
                        weight: edge.weight,
                    })
                    .collect(),
                description: node.description.clone(),
            }),
        }
    }
    FrameworkFile {
        id: framework.id().to_string(),
        names: framework.names().clone(),
        source: framework.source().map(str::to_string),
        description: framework.description().cloned(),
        precision: framework.precision(),
        missing: framework.missing(),
        min_availability: framework.min_availability(),
        indices: Some(
            framework
                .indices()
                .iter()
                .map(|&id| nodes[id].code.clone())
                .collect(),
        ),
        weights: framework.weight_sets().clone(),
        indicators,
        aggregates,
        references: framework.references().to_vec(),
        #[cfg(feature = "pipeline")]
        pipeline: framework.pipeline().cloned(),
        #[cfg(not(feature = "pipeline"))]
        _pipeline: None,
    }
}

/// The framework as a TOML file, every setting written out.
#[cfg(feature = "toml")]
pub(crate) fn to_toml(framework: &Framework) -> String {
    // Every value a validated framework holds has a TOML spelling (infinite ranges are left
    // out as the unit's default; TOML writes other infinities as `inf`).
    toml::to_string(&file_of(framework)).unwrap_or_default()
}

/// The framework as a JSON file, every setting written out; `None` when it holds a number JSON
/// cannot write (an infinite end of a range that is not its unit's default).
pub(crate) fn to_json(framework: &Framework) -> Option<String> {
    let finite = framework
        .nodes()
        .iter()
        .all(|node| node.range == node.unit.default_range() || node.range.is_finite());
    finite.then(|| serde_json::to_string(&file_of(framework)).unwrap_or_default())
}

/// The parts of a framework file where earlier versions spelled things differently; every
/// other key is ignored, so a file that does not read as a framework still reads as this.
///
/// Read again only when a file fails to read, to name every old spelling with its
/// replacement. The calculator's build (without the `pipeline` feature) leaves this out to stay
/// small; its readers still refuse old spellings, in the parser's words.
#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct Outline {
    #[serde(default)]
    indicator: Vec<OutlineIndicator>,
    #[serde(default)]
    aggregate: Vec<OutlineAggregate>,
    #[serde(default)]
    pipeline: Option<OutlinePipeline>,
}

#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct OutlineIndicator {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    rule: Option<OutlineRule>,
}

#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct OutlineRule {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    method: Option<String>,
}

#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct OutlineAggregate {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    method: Option<String>,
}

#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct OutlinePipeline {
    #[serde(default)]
    normalise: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    aggregate: Option<OutlineShare>,
    #[serde(default)]
    weights: Option<serde::de::IgnoredAny>,
}

#[cfg(feature = "pipeline")]
#[derive(Deserialize)]
struct OutlineShare {
    #[serde(default)]
    min_share: Option<serde::de::IgnoredAny>,
}

/// Old spellings in a TOML text that does not read, when there are any.
#[cfg(all(feature = "pipeline", feature = "toml"))]
fn old_spellings_toml(text: &str, origin: Option<&str>) -> Option<Failure> {
    old_spellings(&toml::from_str(text).ok()?, origin)
}

/// Every spelling of an earlier version in a framework file, each with its replacement.
#[cfg(feature = "pipeline")]
fn old_spellings(file: &Outline, origin: Option<&str>) -> Option<Failure> {
    let mut found = Vec::new();
    let mut report = |code: Option<&str>, problem: Problem| {
        let mut location = Location::file(origin);
        if let Some(code) = code {
            location = location.indicator(code);
        }
        found.push(Diagnostic::error(location, problem));
    };
    for indicator in &file.indicator {
        let Some(rule) = &indicator.rule else {
            continue;
        };
        let name = rule
            .method
            .as_deref()
            .or(rule.kind.as_deref())
            .unwrap_or_default();
        let current = crate::rule::renamed(name).unwrap_or(name);
        if rule.kind.is_some() || current != name {
            let key = if rule.kind.is_some() {
                "kind"
            } else {
                "method"
            };
            let problem = Problem::OldSpelling {
                old: format!("rule = {{ {key} = \"{name}\", … }}"),
                new: format!("rule = {{ method = \"{current}\", … }}"),
            };
            report(indicator.code.as_deref(), problem);
        }
    }
    for aggregate in &file.aggregate {
        if let Some(name) = &aggregate.method
            && let Err(crate::aggregation::MethodError::Unknown {
                renamed: Some(new), ..
            }) = crate::aggregation::Aggregation::from_parts(name, None)
        {
            let problem = Problem::OldSpelling {
                old: format!("method = \"{name}\""),
                new: format!("method = \"{new}\""),
            };
            report(aggregate.code.as_deref(), problem);
        }
    }
    if let Some(pipeline) = &file.pipeline {
        if pipeline.weights.is_some() {
            let problem = Problem::OldSpelling {
                old: "[pipeline.weights.NAME]".into(),
                new: "[weights.NAME]".into(),
            };
            report(None, problem);
        }
        if pipeline.normalise.is_some() {
            report(None, Problem::NormaliseIsRule);
        }
        if let Some(aggregate) = &pipeline.aggregate {
            let min_share = aggregate.min_share.is_some();
            report(None, Problem::AggregateIsMethod { min_share });
        }
    }
    (!found.is_empty()).then_some(Failure { diagnostics: found })
}

#[cfg(feature = "toml")]
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (line, column)
}

#[cfg(feature = "validate")]
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

#[cfg(all(test, feature = "pipeline", feature = "toml"))]
mod tests {
    use super::*;

    fn old(text: &str) -> Vec<(String, String)> {
        match Framework::from_toml(text, None) {
            Err(failure) => failure
                .diagnostics
                .into_iter()
                .filter_map(|d| match d.problem {
                    Problem::OldSpelling { old, new } => Some((old, new)),
                    _ => None,
                })
                .collect(),
            Ok(_) => Vec::new(),
        }
    }

    const HEAD: &str = "id = \"x\"\nnames = { vi = \"x\", en = \"x\" }\n";

    #[test]
    fn old_spellings_are_named_with_their_replacement() {
        let text = format!(
            "{HEAD}[[indicator]]\ncode = \"a\"\nnames = {{ vi = \"a\", en = \"a\" }}\nrule = {{ kind = \"distance_to_best\" }}\n\
             [[aggregate]]\ncode = \"I\"\nnames = {{ vi = \"I\", en = \"I\" }}\nmethod = \"mean\"\nchildren = [\"a\"]\n\
             [pipeline.normalise]\ndefault = {{ method = \"min_max\" }}\n[pipeline.weights.equal]\na = 1\n"
        );
        let found = old(&text);
        let olds: Vec<&str> = found.iter().map(|(o, _)| o.as_str()).collect();
        assert!(
            olds.contains(&"rule = { kind = \"distance_to_best\", … }"),
            "{found:?}"
        );
        assert!(
            found.contains(&("method = \"mean\"".into(), "method = \"arithmetic\"".into())),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(_, new)| new == "rule = { method = \"fraction_of_max\", … }"),
            "{found:?}"
        );
        assert!(olds.contains(&"[pipeline.weights.NAME]"), "{found:?}");
    }
}
