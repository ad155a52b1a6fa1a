//! An index written for COINr (the JRC's R package) as this project's framework and data.
//!
//! COINr describes an index with two tables: `iMeta`, one row per indicator, aggregate, group
//! column and denominator, and `iData`, one row per unit. [`import`] turns them into a
//! [`Framework`] (the tree, directions, weights, denominators, targets, every indicator's rule
//! and every aggregate's method from a [`Method`], and its `[pipeline]` steps) written as a
//! framework file, and a wide data file (`code`, `name`, `year`, one `group:NAME` column per
//! group, the denominators and the indicators), so that building gives what COINr would.
//!
//! Nothing is guessed: a row or column the import cannot place is an error naming the file, the
//! line and the column, and both files are read back before they are returned.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use crate::aggregation::Aggregation;
use crate::dataset::Dataset;
use crate::diagnostic::{Diagnostic, Failure, Location, Problem, has_errors};
use crate::framework::file::{AggregateFile, ChildFile, FrameworkFile, IndicatorFile};
use crate::framework::{Direction, Framework, MissingPolicy, Unit};
use crate::rule::Rule;
use crate::text::Names;

/// A text file and the name it is shown under in messages.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name used in messages.
    pub name: &'a str,
    /// Its content.
    pub text: &'a str,
}

/// The methodology the import writes into the framework: every indicator's rule, every
/// aggregate's method (or one per level), and the construction steps. Read from a TOML file
/// with [`Method::from_toml`]:
///
/// ```
/// let method = dti_core::coinr::Method::from_toml(r#"
///     rule = { method = "min_max", low = 1, high = 100 }
///     aggregation = { method = "geometric" }
///     by_level = { "4" = { method = "arithmetic" } }
///     [pipeline.impute]
///     default = { method = "group_mean", group = "EurAsia_group" }
/// "#, None).unwrap();
/// assert_eq!(method.aggregation, dti_core::Aggregation::Geometric);
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Method {
    /// Every indicator's rule (COINr's default: min-max onto 0–100).
    #[serde(default = "coinr_rule")]
    pub rule: Rule,
    /// Every aggregate's method unless its level has one in `by_level` (default: arithmetic).
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Methods by level of the aggregate (indicators are level 1, so keys from "2").
    #[serde(default)]
    pub by_level: BTreeMap<String, Aggregation>,
    /// The construction steps, as a framework's `[pipeline]` table.
    #[cfg(feature = "pipeline")]
    #[serde(default)]
    pub pipeline: Option<crate::pipeline::PipelineSpec>,
}

fn coinr_rule() -> Rule {
    Rule::MinMax {
        low: 0.0,
        high: 100.0,
    }
}

impl Default for Method {
    /// COINr's defaults: min-max onto 0–100, then arithmetic means, no other step.
    fn default() -> Method {
        Method {
            rule: coinr_rule(),
            aggregation: Aggregation::default(),
            by_level: BTreeMap::new(),
            #[cfg(feature = "pipeline")]
            pipeline: None,
        }
    }
}

impl Method {
    /// Reads a methodology from TOML text; `origin` names the file in diagnostics.
    pub fn from_toml(text: &str, origin: Option<&str>) -> Result<Method, Failure> {
        let method: Method = toml::from_str(text).map_err(|error| Failure {
            diagnostics: vec![Diagnostic::error(
                Location::file(origin),
                Problem::syntax(error.message()),
            )],
        })?;
        let bad: Vec<Diagnostic> = method
            .by_level
            .keys()
            .filter(|key| !key.parse::<u32>().is_ok_and(|level| level >= 2))
            .map(|key| {
                Diagnostic::error(
                    Location::file(origin),
                    Problem::BadLevelKey { key: key.clone() },
                )
            })
            .collect();
        if bad.is_empty() {
            Ok(method)
        } else {
            Err(Failure { diagnostics: bad })
        }
    }
}

/// What the import produced.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The framework.
    pub framework: Framework,
    /// The framework file (TOML), which reads back as `framework`.
    pub framework_text: String,
    /// The data file (CSV).
    pub data_text: String,
    /// Indicators, aggregates, group columns, denominators and units written.
    pub counts: [usize; 5],
    /// Notes: columns left out on purpose (COINr's `Other` type).
    pub notes: Vec<Diagnostic>,
}

/// The kind of an iMeta row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Indicator,
    Aggregate,
    Group,
    Denominator,
    Other,
}

/// One row of iMeta, checked.
#[derive(Debug)]
struct MetaRow {
    line: u64,
    code: String,
    name: String,
    kind: Kind,
    level: Option<u32>,
    direction: Direction,
    weight: f64,
    unit: Option<String>,
    target: Option<f64>,
    denominator: Option<String>,
    parent: Option<String>,
}

/// Collects located problems in one file.
struct Problems<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn at(&mut self, line: u64, column: Option<usize>, code: Option<&str>, problem: Problem) {
        let mut location = Location::file(Some(self.file));
        location.line = Some(line);
        location.column = column.map(|at| at as u64 + 1);
        if let Some(code) = code {
            location = location.indicator(code);
        }
        self.diagnostics.push(Diagnostic::error(location, problem));
    }

    fn into_result<T>(self, value: T) -> Result<T, Failure> {
        if self.diagnostics.is_empty() {
            Ok(value)
        } else {
            Err(Failure {
                diagnostics: self.diagnostics,
            })
        }
    }
}

fn is_na(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text == "NA"
}

/// A CSV row: its line and its cells.
type Row = (u64, Vec<String>);

/// The header and rows of a CSV text; a row of the wrong length is reported and skipped.
fn table(source: Source<'_>) -> Result<(Problems<'_>, Vec<String>, Vec<Row>), Failure> {
    let mut problems = Problems {
        file: source.name,
        diagnostics: Vec::new(),
    };
    let mut records = crate::side_file::records(source.text, Some(source.name))?.into_iter();
    let header = records.next().map(|r| r.cells).unwrap_or_default();
    let mut rows = Vec::new();
    for record in records {
        if record.cells.len() != header.len() {
            let problem = Problem::RowLength {
                expected: header.len() as u64,
                found: record.cells.len() as u64,
            };
            problems.at(record.line, None, None, problem);
            continue;
        }
        rows.push((record.line, record.cells));
    }
    Ok((problems, header, rows))
}

/// The position of a column, case-insensitively.
fn position(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// Reads and checks iMeta.
fn read_meta(source: Source<'_>) -> Result<Vec<MetaRow>, Failure> {
    let (mut problems, header, records) = table(source)?;
    let required = ["iCode", "Type", "Parent", "Direction", "Weight"];
    let missing: Vec<String> = required
        .iter()
        .filter(|name| position(&header, name).is_none())
        .map(|name| name.to_string())
        .collect();
    if !missing.is_empty() {
        problems.at(1, None, None, Problem::MissingColumns { columns: missing });
        return problems.into_result(Vec::new());
    }
    let column = |name: &str| position(&header, name).unwrap_or(0);
    let (code_at, type_at, parent_at) = (column("iCode"), column("Type"), column("Parent"));
    let (direction_at, weight_at) = (column("Direction"), column("Weight"));
    let optional = |name: &str| position(&header, name);
    let (name_at, level_at, unit_at, target_at, denominator_at) = (
        optional("iName"),
        optional("Level"),
        optional("Unit"),
        optional("Target"),
        optional("Denominator"),
    );

    let mut meta = Vec::with_capacity(records.len());
    for (line, row) in records {
        let field = |at: Option<usize>| {
            at.map(|at| row[at].trim())
                .filter(|text| !is_na(text))
                .map(str::to_string)
        };
        let Some(code) = field(Some(code_at)) else {
            problems.at(line, Some(code_at), None, Problem::NoCode);
            continue;
        };
        let here = Some(code.as_str());
        let kind = match row[type_at].trim().to_ascii_lowercase().as_str() {
            "indicator" => Kind::Indicator,
            "aggregate" => Kind::Aggregate,
            "group" => Kind::Group,
            "denominator" => Kind::Denominator,
            "other" => Kind::Other,
            _ => {
                let text = row[type_at].trim().to_string();
                problems.at(line, Some(type_at), here, Problem::UnknownRowType { text });
                continue;
            }
        };
        let in_tree = matches!(kind, Kind::Indicator | Kind::Aggregate);
        // A number, or nothing for NA; text that is neither is reported.
        let number = |at: usize, problems: &mut Problems<'_>| -> Option<f64> {
            let text = row[at].trim();
            if is_na(text) {
                return None;
            }
            // R writes numbers with a decimal dot and no grouping.
            let value = crate::value::parse_number_as(text, crate::value::DecimalMark::Dot);
            if value.is_none() {
                let problem = Problem::NotANumber {
                    column: header[at].clone(),
                    text: text.to_string(),
                };
                problems.at(line, Some(at), here, problem);
            }
            value
        };
        let parent = field(Some(parent_at));
        let mut weight = 1.0;
        if kind == Kind::Indicator || (kind == Kind::Aggregate && parent.is_some()) {
            match number(weight_at, &mut problems) {
                Some(w) if crate::framework::is_weight(w) => weight = w,
                Some(w) => {
                    let problem = Problem::WeightOutOfBounds { weight: w };
                    problems.at(line, Some(weight_at), here, problem);
                }
                None if is_na(&row[weight_at]) => {
                    let problem = Problem::NeedsColumn {
                        column: header[weight_at].clone(),
                    };
                    problems.at(line, Some(weight_at), here, problem);
                }
                None => {}
            }
        }
        let mut direction = Direction::Higher;
        if kind == Kind::Indicator {
            match number(direction_at, &mut problems) {
                Some(1.0) => {}
                Some(-1.0) => direction = Direction::Lower,
                Some(d) => {
                    let problem = Problem::BadDirection { value: d };
                    problems.at(line, Some(direction_at), here, problem);
                }
                None if is_na(&row[direction_at]) => {
                    let problem = Problem::NeedsColumn {
                        column: header[direction_at].clone(),
                    };
                    problems.at(line, Some(direction_at), here, problem);
                }
                None => {}
            }
        }
        let level = match level_at {
            Some(at) if in_tree => match number(at, &mut problems) {
                Some(l) if l >= 1.0 && l.fract() == 0.0 && l <= 100.0 => Some(l as u32),
                Some(l) => {
                    let problem = Problem::NotANumber {
                        column: header[at].clone(),
                        text: l.to_string(),
                    };
                    problems.at(line, Some(at), here, problem);
                    None
                }
                None => None,
            },
            _ => None,
        };
        let target = match target_at {
            Some(at) if kind == Kind::Indicator => number(at, &mut problems),
            _ => None,
        };
        meta.push(MetaRow {
            line,
            name: field(name_at).unwrap_or_else(|| code.clone()),
            code,
            kind,
            level,
            direction,
            weight,
            unit: field(unit_at),
            target,
            denominator: if kind == Kind::Indicator {
                field(denominator_at)
            } else {
                None
            },
            parent: if in_tree { parent } else { None },
        });
    }
    check_tree(&meta, &header, &mut problems);
    problems.into_result(meta)
}

/// Codes unique, parents that are aggregates, one root, denominators that are declared, levels
/// that agree with the tree.
fn check_tree(meta: &[MetaRow], header: &[String], problems: &mut Problems<'_>) {
    let column = |name: &str| position(header, name);
    let mut kinds: HashMap<&str, Kind> = HashMap::new();
    for row in meta {
        if kinds.insert(&row.code, row.kind).is_some() {
            let problem = Problem::DuplicateCode {
                code: row.code.clone(),
            };
            problems.at(row.line, column("iCode"), Some(&row.code), problem);
        }
    }
    let mut roots = Vec::new();
    for row in meta {
        let here = Some(row.code.as_str());
        match (&row.parent, row.kind) {
            (None, Kind::Aggregate) => roots.push(row),
            (None, Kind::Indicator) => {
                let problem = Problem::NeedsColumn {
                    column: "Parent".into(),
                };
                problems.at(row.line, column("Parent"), here, problem);
            }
            (Some(parent), _) if kinds.get(parent.as_str()) != Some(&Kind::Aggregate) => {
                let problem = Problem::ParentNotAggregate {
                    parent: parent.clone(),
                };
                problems.at(row.line, column("Parent"), here, problem);
            }
            _ => {}
        }
        if let Some(denominator) = &row.denominator
            && kinds.get(denominator.as_str()) != Some(&Kind::Denominator)
        {
            let problem = Problem::NotADenominator {
                denominator: denominator.clone(),
            };
            problems.at(row.line, column("Denominator"), here, problem);
        }
    }
    if roots.len() > 1 {
        let codes = roots.iter().map(|r| r.code.clone()).collect();
        let problem = Problem::SeveralRoots { codes };
        problems.at(
            roots[1].line,
            column("Parent"),
            Some(&roots[1].code),
            problem,
        );
    }
    if !problems.diagnostics.is_empty() {
        return;
    }
    // Levels: an indicator is 1, an aggregate one above its highest child. Cycles are left to
    // the framework's own validation, which names them.
    let mut level: HashMap<&str, u32> = meta
        .iter()
        .filter(|r| r.kind == Kind::Indicator)
        .map(|r| (r.code.as_str(), 1))
        .collect();
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds <= meta.len() {
        changed = false;
        rounds += 1;
        for row in meta.iter().filter(|r| r.kind == Kind::Aggregate) {
            let children: Vec<Option<u32>> = meta
                .iter()
                .filter(|c| c.parent.as_deref() == Some(row.code.as_str()))
                .map(|c| level.get(c.code.as_str()).copied())
                .collect();
            if !children.is_empty() && children.iter().all(Option::is_some) {
                let value = children.into_iter().flatten().max().unwrap_or(0) + 1;
                if level.insert(&row.code, value) != Some(value) {
                    changed = true;
                }
            }
        }
    }
    for row in meta {
        if let (Some(declared), Some(&actual)) = (row.level, level.get(row.code.as_str()))
            && declared != actual
        {
            let problem = Problem::WrongLevel { declared, actual };
            problems.at(row.line, column("Level"), Some(&row.code), problem);
        }
    }
}

fn same_names(text: &str) -> Names {
    Names {
        vi: text.to_string(),
        en: text.to_string(),
    }
}

/// The framework file of the checked iMeta rows, with the methodology.
fn framework_file(
    meta: &[MetaRow],
    method: &Method,
    id: &str,
    name: &str,
    sources: [&str; 2],
) -> FrameworkFile {
    let levels = meta_levels(meta);
    let indicators = meta
        .iter()
        .filter(|r| r.kind == Kind::Indicator)
        .map(|r| IndicatorFile {
            code: r.code.clone(),
            names: same_names(&r.name),
            unit: Unit::Number,
            direction: r.direction,
            range: None,
            points: None,
            rule: method.rule.clone(),
            description: r.unit.as_ref().map(|unit| Names {
                vi: format!("Đơn vị: {unit}"),
                en: format!("Unit: {unit}"),
            }),
            denominator: r.denominator.clone(),
            target: r.target,
        })
        .collect();
    let aggregates = meta
        .iter()
        .filter(|r| r.kind == Kind::Aggregate)
        .map(|r| {
            let level = levels.get(r.code.as_str()).copied().unwrap_or(2);
            let aggregation = method
                .by_level
                .iter()
                .find(|(key, _)| key.parse::<u32>() == Ok(level))
                .map_or(method.aggregation, |(_, m)| *m);
            AggregateFile {
                code: r.code.clone(),
                names: same_names(&r.name),
                method: aggregation.name().to_string(),
                p: aggregation.exponent(),
                points: None,
                children: meta
                    .iter()
                    .filter(|c| c.parent.as_deref() == Some(r.code.as_str()))
                    .map(|c| ChildFile::Weighted {
                        code: c.code.clone(),
                        weight: c.weight,
                    })
                    .collect(),
                description: None,
            }
        })
        .collect();
    FrameworkFile {
        id: id.to_string(),
        names: same_names(name),
        source: Some(format!(
            "COINr tables {} and {}, imported with dti import-coinr",
            sources[0], sources[1]
        )),
        description: None,
        precision: 4,
        missing: MissingPolicy::Skip,
        min_availability: 0.0,
        indices: None,
        weights: BTreeMap::new(),
        indicators,
        aggregates,
        references: Vec::new(),
        #[cfg(feature = "pipeline")]
        pipeline: method.pipeline.clone(),
        #[cfg(not(feature = "pipeline"))]
        _pipeline: None,
    }
}

/// Each code's level in the tree of iMeta rows (indicators 1).
fn meta_levels(meta: &[MetaRow]) -> HashMap<&str, u32> {
    let mut level: HashMap<&str, u32> = meta
        .iter()
        .filter(|r| r.kind == Kind::Indicator)
        .map(|r| (r.code.as_str(), 1))
        .collect();
    for _ in 0..=meta.len() {
        for row in meta.iter().filter(|r| r.kind == Kind::Aggregate) {
            let highest = meta
                .iter()
                .filter(|c| c.parent.as_deref() == Some(row.code.as_str()))
                .filter_map(|c| level.get(c.code.as_str()).copied())
                .max();
            if let Some(highest) = highest {
                level.insert(&row.code, highest + 1);
            }
        }
    }
    level
}

/// Reads iData and writes the wide data file: identification, groups, denominators,
/// indicators; returns it with the number of units.
fn data_file(
    source: Source<'_>,
    meta: &[MetaRow],
    notes: &mut Vec<Diagnostic>,
) -> Result<(String, usize), Failure> {
    let (mut problems, header, records) = table(source)?;
    let kinds: HashMap<&str, &MetaRow> = meta.iter().map(|r| (r.code.as_str(), r)).collect();
    let Some(code_at) = position(&header, "uCode") else {
        let problem = Problem::MissingColumns {
            columns: vec!["uCode".into()],
        };
        problems.at(1, None, None, problem);
        return problems.into_result((String::new(), 0));
    };
    let (name_at, time_at) = (position(&header, "uName"), position(&header, "Time"));
    // Which iData column feeds which output column, in output order.
    let mut groups = Vec::new();
    let mut numbers = Vec::new();
    let mut seen = HashSet::new();
    for (at, column) in header.iter().enumerate() {
        if Some(at) == name_at || Some(at) == time_at || at == code_at {
            continue;
        }
        if !seen.insert(column.as_str()) {
            let problem = Problem::DuplicateCode {
                code: column.clone(),
            };
            problems.at(1, Some(at), Some(column), problem);
            continue;
        }
        match kinds.get(column.as_str()).map(|r| r.kind) {
            Some(Kind::Group) => groups.push(at),
            Some(Kind::Denominator) => numbers.push((at, 0)),
            Some(Kind::Indicator) => numbers.push((at, 1)),
            Some(Kind::Other) => notes.push(Diagnostic::note(
                Location::file(Some(source.name)).indicator(column),
                Problem::OtherColumnLeftOut,
            )),
            Some(Kind::Aggregate) | None => {
                problems.at(1, Some(at), Some(column), Problem::ColumnNotInMeta);
            }
        }
    }
    // Denominators before indicators, each group in file order.
    numbers.sort_by_key(|&(at, order)| (order, at));
    for row in meta {
        if matches!(row.kind, Kind::Indicator | Kind::Denominator | Kind::Group)
            && !seen.contains(row.code.as_str())
        {
            problems.at(1, None, Some(&row.code), Problem::ColumnMissingFromData);
        }
    }
    if !problems.diagnostics.is_empty() {
        return problems.into_result((String::new(), 0));
    }

    let mut out_header = vec!["code".to_string(), "name".to_string()];
    if time_at.is_some() {
        out_header.push("year".into());
    }
    out_header.extend(groups.iter().map(|&at| format!("group:{}", header[at])));
    out_header.extend(numbers.iter().map(|&(at, _)| header[at].clone()));
    let mut lines = vec![out_header];
    let mut keys = HashSet::new();
    for (line, row) in &records {
        let line = *line;
        let code = row[code_at].trim();
        if is_na(code) {
            problems.at(line, Some(code_at), None, Problem::NoCode);
            continue;
        }
        let mut out = vec![code.to_string()];
        out.push(
            name_at
                .map(|at| row[at].trim())
                .filter(|t| !is_na(t))
                .unwrap_or("")
                .into(),
        );
        let mut key = (code.to_string(), None);
        if let Some(at) = time_at {
            match crate::dataset::read_year(&row[at]) {
                Some(Ok(year)) => {
                    key.1 = Some(year);
                    out.push(year.to_string());
                }
                _ => {
                    let text = row[at].trim().to_string();
                    problems.at(line, Some(at), None, Problem::BadYear { text });
                    out.push(String::new());
                }
            }
        }
        if !keys.insert(key) {
            let location = Location::file(Some(source.name))
                .at(line, code_at as u64 + 1)
                .unit(code);
            problems
                .diagnostics
                .push(Diagnostic::error(location, Problem::DuplicateUnit));
        }
        for &at in &groups {
            let text = row[at].trim();
            out.push(if is_na(text) {
                String::new()
            } else {
                text.to_string()
            });
        }
        for &(at, _) in &numbers {
            let text = row[at].trim();
            if is_na(text) {
                out.push(String::new());
            } else if let Some(value) = text.parse::<f64>().ok().filter(|v| v.is_finite()) {
                // Written back so that the data file reads one way only (`27.4450`).
                out.push(crate::value::unambiguous(value));
            } else {
                let problem = Problem::NotANumber {
                    column: header[at].clone(),
                    text: text.to_string(),
                };
                problems.at(line, Some(at), Some(&header[at]), problem);
                out.push(String::new());
            }
        }
        lines.push(out);
    }
    let units = lines.len() - 1;
    let text = crate::csv_writer::to_csv(&lines, b',');
    problems.into_result((text, units))
}

/// Converts iMeta and iData into a framework and a data file, and reads both back; `outputs`
/// names the framework and data files in messages about the read-back.
///
/// ```
/// use dti_core::coinr::{import, Method, Source};
/// let meta = "iCode,iName,Type,Parent,Direction,Weight\n\
///             a,A,Indicator,I,1,1\nb,B,Indicator,I,-1,2\nI,Index,Aggregate,NA,NA,NA\n";
/// let data = "uCode,uName,a,b\nX,Ex,1,30\nY,Why,3,10\n";
/// let imported = import(
///     Source { name: "iMeta.csv", text: meta },
///     Source { name: "iData.csv", text: data },
///     ["f.toml", "d.csv"],
///     &Method::default(),
///     "small",
///     "Small",
/// ).unwrap();
/// assert_eq!(imported.counts, [2, 1, 0, 0, 2]);
/// let again = dti_core::Framework::from_toml(&imported.framework_text, None).unwrap();
/// assert_eq!(again, imported.framework);
/// ```
pub fn import(
    meta: Source<'_>,
    data: Source<'_>,
    outputs: [&str; 2],
    method: &Method,
    id: &str,
    name: &str,
) -> Result<Imported, Failure> {
    let rows = read_meta(meta)?;
    let mut notes = Vec::new();
    let (data_text, units) = data_file(data, &rows, &mut notes)?;
    let file = framework_file(&rows, method, id, name, [meta.name, data.name]);
    let framework = crate::framework::validate::build(file, Some(outputs[0]))?;
    let framework_text = framework.to_toml();
    // Read both back, as building will: anything the files do not say as meant is a bug here
    // or an input this import cannot express, and is reported rather than written.
    let again = Framework::from_toml(&framework_text, Some(outputs[0]))?;
    if again != framework {
        let location = Location::file(Some(outputs[0]));
        return Err(Failure {
            diagnostics: vec![Diagnostic::error(location, Problem::WrittenDiffers)],
        });
    }
    // Codes the data reader takes for its own columns (`name`, `year`, …) cannot be indicators.
    let reserved: Vec<String> = rows
        .iter()
        .filter(|r| matches!(r.kind, Kind::Indicator | Kind::Denominator))
        .filter(|r| crate::dataset::field(&r.code).is_some())
        .map(|r| r.code.clone())
        .collect();
    if !reserved.is_empty() {
        return Err(Failure {
            diagnostics: vec![Diagnostic::error(
                Location::file(Some(meta.name)),
                Problem::ReservedCodes { codes: reserved },
            )],
        });
    }
    let parsed = Dataset::from_csv(&data_text, Some(outputs[1]));
    if has_errors(&parsed.diagnostics) {
        return Err(Failure {
            diagnostics: parsed.diagnostics,
        });
    }
    let count = |kind: Kind| rows.iter().filter(|r| r.kind == kind).count();
    let expected = count(Kind::Indicator) + count(Kind::Denominator);
    if parsed.dataset.columns().len() != expected {
        let read: HashSet<&str> = parsed
            .dataset
            .columns()
            .iter()
            .map(String::as_str)
            .collect();
        let codes = rows
            .iter()
            .filter(|r| matches!(r.kind, Kind::Indicator | Kind::Denominator))
            .map(|r| r.code.clone())
            .filter(|code| !read.contains(code.as_str()))
            .collect();
        return Err(Failure {
            diagnostics: vec![Diagnostic::error(
                Location::file(Some(meta.name)),
                Problem::ReservedCodes { codes },
            )],
        });
    }
    Ok(Imported {
        framework,
        framework_text,
        data_text,
        counts: [
            count(Kind::Indicator),
            count(Kind::Aggregate),
            count(Kind::Group),
            count(Kind::Denominator),
            units,
        ],
        notes,
    })
}
