//! `dti import-coinr`: turns an index written for COINr (the JRC's R package) into this tool's
//! files. COINr describes an index with two tables: `iMeta`, one row per indicator, aggregate,
//! group column and denominator, and `iData`, one row per unit. The import writes a framework
//! file (the tree, directions, weights, denominators, targets and a `[pipeline]` table) and a
//! wide data file (`code`, `name`, `year`, one `group:NAME` column per group, the denominators
//! and the indicators), so that `dti build` runs the same construction pipeline COINr would.
//!
//! Nothing is guessed: a row or column the import cannot place is an error naming the file,
//! the line and the column, and both written files are read back before they are kept.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use clap::Args;
use dti_core::pipeline::{
    AggregateSpec, AggregationMethod, NormaliseMethod, NormaliseSpec, PipelineSpec,
};
use dti_core::{Dataset, Framework, Lang, Location, Names, Rule, Severity};
use serde::Serialize;

use crate::error::{Error, Issue};
use crate::{Context, Outcome, OutputArgs, i18n, input, output};

/// Arguments of `dti import-coinr`.
#[derive(Clone, Debug, Args)]
pub struct ImportCoinrArgs {
    /// COINr's indicator metadata table (iMeta) as CSV
    #[arg(value_name = "IMETA")]
    pub meta: PathBuf,
    /// COINr's data table (iData) as CSV; `NA` or a blank cell is a missing value
    #[arg(value_name = "IDATA")]
    pub data: PathBuf,
    /// The construction steps, as a TOML file with the keys of a framework's [pipeline] table
    /// (or a framework file with such a table) [default: min-max to 0–100, then arithmetic
    /// means, COINr's defaults]
    #[arg(long, value_name = "FILE")]
    pub pipeline: Option<PathBuf>,
    /// The framework's id [default: the iMeta file's name]
    #[arg(long)]
    pub id: Option<String>,
    /// The framework's name [default: its id]
    #[arg(long)]
    pub name: Option<String>,
    /// Where to write the framework file (TOML)
    #[arg(long, value_name = "FILE")]
    pub framework_out: PathBuf,
    /// Where to write the data file (CSV)
    #[arg(long, value_name = "FILE")]
    pub data_out: PathBuf,
    /// Replace output files that already exist
    #[arg(long)]
    pub force: bool,
}

/// A text file and the name it is shown under.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name used in messages.
    pub name: &'a str,
    /// Its content.
    pub text: &'a str,
}

/// What the import produced.
#[derive(Debug)]
pub struct Converted {
    /// The framework file, TOML.
    pub framework: String,
    /// The data file, CSV.
    pub data: String,
    /// Indicators, aggregates, group columns, denominators and units written.
    pub counts: [usize; 5],
    /// Columns left out on purpose (COINr's `Other` type), with a note for each.
    pub notes: Vec<String>,
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
    direction: i8,
    weight: f64,
    unit: Option<String>,
    target: Option<f64>,
    denominator: Option<String>,
    parent: Option<String>,
}

/// Collects located problems in the user's language.
struct Problems<'a> {
    lang: Lang,
    file: &'a str,
    issues: Vec<Issue>,
}

impl Problems<'_> {
    fn at(&mut self, line: u64, column: Option<u64>, code: Option<&str>, message: String) {
        let mut location = Location::file(Some(self.file));
        location.line = Some(line);
        location.column = column;
        if let Some(code) = code {
            location = location.indicator(code);
        }
        self.issues.push(Issue::tool(
            Severity::Error,
            location,
            self.lang,
            message,
            None,
        ));
    }
}

fn is_na(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || text == "NA"
}

/// A CSV row: its line and its cells.
type Row = (u64, Vec<String>);

/// The header and rows of a CSV text; a broken row is reported and skipped.
fn rows(source: Source<'_>, problems: &mut Problems<'_>) -> Option<(Vec<String>, Vec<Row>)> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(source.text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|h| h.trim().to_string()).collect(),
        Err(error) => {
            problems.at(
                1,
                None,
                None,
                i18n::coinr_bad_csv(problems.lang, &error.to_string()),
            );
            return None;
        }
    };
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                if record.len() != header.len() {
                    problems.at(
                        line,
                        None,
                        None,
                        i18n::coinr_row_length(problems.lang, record.len(), header.len()),
                    );
                    continue;
                }
                out.push((line, record.iter().map(str::to_string).collect()));
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                problems.at(
                    line,
                    None,
                    None,
                    i18n::coinr_bad_csv(problems.lang, &error.to_string()),
                );
            }
        }
    }
    Some((header, out))
}

/// The position of a column, case-insensitively.
fn position(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// A CSV table's header and rows, with the list of problems its checks add to.
fn table(
    source: Source<'_>,
    lang: Lang,
) -> Result<(Problems<'_>, Vec<String>, Vec<Row>), Vec<Issue>> {
    let mut problems = Problems {
        lang,
        file: source.name,
        issues: Vec::new(),
    };
    match rows(source, &mut problems) {
        Some((header, records)) => Ok((problems, header, records)),
        None => Err(problems.issues),
    }
}

/// Reads and checks iMeta.
fn read_meta(source: Source<'_>, lang: Lang) -> Result<Vec<MetaRow>, Vec<Issue>> {
    let (mut problems, header, records) = table(source, lang)?;
    let required = ["iCode", "Type", "Parent", "Direction", "Weight"];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|name| position(&header, name).is_none())
        .collect();
    if !missing.is_empty() {
        problems.at(1, None, None, i18n::coinr_missing_columns(lang, &missing));
        return Err(problems.issues);
    }
    let column = |name: &str| position(&header, name);
    let (code_at, type_at, parent_at) = (
        column("iCode").unwrap_or(0),
        column("Type").unwrap_or(0),
        column("Parent").unwrap_or(0),
    );
    let (direction_at, weight_at) = (
        column("Direction").unwrap_or(0),
        column("Weight").unwrap_or(0),
    );
    let (name_at, level_at, unit_at, target_at, denominator_at) = (
        column("iName"),
        column("Level"),
        column("Unit"),
        column("Target"),
        column("Denominator"),
    );
    let col = |at: usize| Some(at as u64 + 1);

    let mut meta = Vec::with_capacity(records.len());
    for (line, row) in records {
        let field = |at: Option<usize>| {
            at.map(|at| row[at].trim())
                .filter(|text| !is_na(text))
                .map(str::to_string)
        };
        let Some(code) = field(Some(code_at)) else {
            problems.at(line, col(code_at), None, i18n::coinr_no_code(lang));
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
                let message = i18n::coinr_bad_type(lang, row[type_at].trim());
                problems.at(line, col(type_at), here, message);
                continue;
            }
        };
        let in_tree = matches!(kind, Kind::Indicator | Kind::Aggregate);
        let number = |at: usize, problems: &mut Problems<'_>| -> Option<f64> {
            let text = row[at].trim();
            if is_na(text) {
                return None;
            }
            match input::parse_number(text).filter(|v| v.is_finite()) {
                Some(value) => Some(value),
                None => {
                    let message = i18n::coinr_not_number(lang, &header[at], text);
                    problems.at(line, col(at), here, message);
                    None
                }
            }
        };
        // A required number: missing is reported, a value `valid` refuses gets `invalid`'s message.
        let required = |at: usize,
                        name: &str,
                        valid: fn(f64) -> bool,
                        invalid: fn(Lang, &str) -> String,
                        problems: &mut Problems<'_>| {
            match number(at, problems) {
                Some(value) if valid(value) => Some(value),
                Some(value) => {
                    let message = invalid(lang, &value.to_string());
                    problems.at(line, col(at), here, message);
                    None
                }
                None if is_na(&row[at]) => {
                    problems.at(line, col(at), here, i18n::coinr_needs(lang, name));
                    None
                }
                None => None,
            }
        };
        let parent = field(Some(parent_at));
        let mut weight = 1.0;
        if kind == Kind::Indicator || (kind == Kind::Aggregate && parent.is_some()) {
            let valid = |w: f64| w >= 0.0;
            let given = required(
                weight_at,
                "Weight",
                valid,
                i18n::coinr_bad_weight,
                &mut problems,
            );
            weight = given.unwrap_or(weight);
        }
        let mut direction = 1;
        if kind == Kind::Indicator {
            let valid = |d: f64| d == 1.0 || d == -1.0;
            let given = required(
                direction_at,
                "Direction",
                valid,
                i18n::coinr_bad_direction,
                &mut problems,
            );
            direction = given.map_or(direction, |d| d as i8);
        }
        let level = match level_at {
            Some(at) if in_tree => match number(at, &mut problems) {
                Some(l) if l >= 1.0 && l.fract() == 0.0 && l <= 100.0 => Some(l as u32),
                Some(l) => {
                    let message = i18n::coinr_not_number(lang, &header[at], &l.to_string());
                    problems.at(line, col(at), here, message);
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
    if problems.issues.is_empty() {
        Ok(meta)
    } else {
        Err(problems.issues)
    }
}

/// Codes unique, parents that are aggregates, one root, denominators that are declared, levels
/// that agree with the tree.
fn check_tree(meta: &[MetaRow], header: &[String], problems: &mut Problems<'_>) {
    let lang = problems.lang;
    let column = |name: &str| position(header, name).map(|at| at as u64 + 1);
    let mut kinds: HashMap<&str, Kind> = HashMap::new();
    for row in meta {
        if kinds.insert(&row.code, row.kind).is_some() {
            let message = i18n::coinr_duplicate(lang, &row.code);
            problems.at(row.line, column("iCode"), Some(&row.code), message);
        }
    }
    let mut roots = Vec::new();
    for row in meta {
        let here = Some(row.code.as_str());
        match (&row.parent, row.kind) {
            (None, Kind::Aggregate) => roots.push(row),
            (None, Kind::Indicator) => {
                problems.at(
                    row.line,
                    column("Parent"),
                    here,
                    i18n::coinr_needs(lang, "Parent"),
                );
            }
            (Some(parent), _) if kinds.get(parent.as_str()) != Some(&Kind::Aggregate) => {
                let message = i18n::coinr_bad_parent(lang, parent);
                problems.at(row.line, column("Parent"), here, message);
            }
            _ => {}
        }
        if let Some(denominator) = &row.denominator
            && kinds.get(denominator.as_str()) != Some(&Kind::Denominator)
        {
            let message = i18n::coinr_bad_denominator(lang, denominator);
            problems.at(row.line, column("Denominator"), here, message);
        }
    }
    if roots.len() > 1 {
        let codes: Vec<&str> = roots.iter().map(|r| r.code.as_str()).collect();
        let message = i18n::coinr_several_roots(lang, &codes);
        problems.at(
            roots[1].line,
            column("Parent"),
            Some(&roots[1].code),
            message,
        );
    }
    if !problems.issues.is_empty() {
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
            let message = i18n::coinr_bad_level(lang, declared, actual);
            problems.at(row.line, column("Level"), Some(&row.code), message);
        }
    }
}

/// The framework file's shape, written with `toml`.
#[derive(Serialize)]
struct FrameworkFile<'a> {
    id: &'a str,
    names: Names,
    source: String,
    missing: &'static str,
    indicator: Vec<IndicatorFile<'a>>,
    aggregate: Vec<AggregateFile<'a>>,
    pipeline: &'a PipelineSpec,
}

#[derive(Serialize)]
struct IndicatorFile<'a> {
    code: &'a str,
    names: Names,
    unit: &'static str,
    direction: &'static str,
    rule: Rule,
    #[serde(skip_serializing_if = "Option::is_none")]
    denominator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Names>,
}

#[derive(Serialize)]
struct AggregateFile<'a> {
    code: &'a str,
    names: Names,
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    p: Option<f64>,
    children: Vec<ChildFile<'a>>,
}

/// The scoring rule `dti score` uses for every indicator: the pipeline's default
/// normalisation where the scorer has the same one (min-max, z-score), else min-max to 0–100.
/// With a pipeline that only normalises and aggregates, `dti score` then gives what
/// `dti build` gives.
fn scoring_rule(pipeline: &PipelineSpec) -> Rule {
    match pipeline.normalise.default {
        NormaliseMethod::MinMax { low, high } => Rule::MinMax { low, high },
        NormaliseMethod::ZScore { mean, sd } => Rule::ZScore { mean, sd },
        _ => Rule::MinMax {
            low: 0.0,
            high: 100.0,
        },
    }
}

/// The aggregation method `dti score` uses: the pipeline's default where the scorer has it.
fn scoring_method(pipeline: &PipelineSpec) -> (&'static str, Option<f64>) {
    match pipeline.aggregate.default {
        AggregationMethod::Geometric => ("geometric", None),
        AggregationMethod::Harmonic => ("harmonic", None),
        AggregationMethod::Generalised { p } => ("power_mean", Some(p)),
        _ => ("mean", None),
    }
}

#[derive(Serialize)]
struct ChildFile<'a> {
    code: &'a str,
    weight: f64,
}

fn same_names(text: &str) -> Names {
    Names {
        vi: text.to_string(),
        en: text.to_string(),
    }
}

/// COINr's defaults when no pipeline is given: min-max to 0–100, then arithmetic means.
pub fn default_pipeline() -> PipelineSpec {
    PipelineSpec {
        denominate: None,
        impute: None,
        screen: None,
        treat: None,
        normalise: NormaliseSpec {
            default: NormaliseMethod::MinMax {
                low: 0.0,
                high: 100.0,
            },
            overrides: Default::default(),
        },
        aggregate: AggregateSpec::default(),
        weights: Default::default(),
    }
}

fn framework_text(
    meta: &[MetaRow],
    pipeline: &PipelineSpec,
    id: &str,
    name: &str,
    sources: [&str; 2],
) -> Result<String, String> {
    let indicator = meta
        .iter()
        .filter(|r| r.kind == Kind::Indicator)
        .map(|r| IndicatorFile {
            code: &r.code,
            names: same_names(&r.name),
            unit: "number",
            direction: if r.direction < 0 { "lower" } else { "higher" },
            rule: scoring_rule(pipeline),
            denominator: r.denominator.as_deref(),
            target: r.target,
            description: r.unit.as_ref().map(|unit| Names {
                vi: format!("Đơn vị: {unit}"),
                en: format!("Unit: {unit}"),
            }),
        })
        .collect();
    let aggregate = meta
        .iter()
        .filter(|r| r.kind == Kind::Aggregate)
        .map(|r| AggregateFile {
            code: &r.code,
            names: same_names(&r.name),
            method: scoring_method(pipeline).0,
            p: scoring_method(pipeline).1,
            children: meta
                .iter()
                .filter(|c| c.parent.as_deref() == Some(r.code.as_str()))
                .map(|c| ChildFile {
                    code: &c.code,
                    weight: c.weight,
                })
                .collect(),
        })
        .collect();
    let file = FrameworkFile {
        id,
        names: same_names(name),
        source: format!(
            "COINr tables {} and {}, imported with dti import-coinr",
            sources[0], sources[1]
        ),
        missing: "skip",
        indicator,
        aggregate,
        pipeline,
    };
    toml::to_string(&file).map_err(|e| e.to_string())
}

/// Reads iData and writes the wide data file: identification, groups, denominators, indicators.
fn data_text(
    source: Source<'_>,
    meta: &[MetaRow],
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<(String, usize), Vec<Issue>> {
    let (mut problems, header, records) = table(source, lang)?;
    let kinds: HashMap<&str, &MetaRow> = meta.iter().map(|r| (r.code.as_str(), r)).collect();
    let Some(code_at) = position(&header, "uCode") else {
        problems.at(1, None, None, i18n::coinr_missing_columns(lang, &["uCode"]));
        return Err(problems.issues);
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
            let message = i18n::coinr_duplicate(lang, column);
            problems.at(1, Some(at as u64 + 1), Some(column), message);
            continue;
        }
        match kinds.get(column.as_str()).map(|r| r.kind) {
            Some(Kind::Group) => groups.push(at),
            Some(Kind::Denominator) => numbers.push((at, 0)),
            Some(Kind::Indicator) => numbers.push((at, 1)),
            Some(Kind::Other) => notes.push(i18n::coinr_other_left_out(lang, column)),
            Some(Kind::Aggregate) | None => {
                let message = i18n::coinr_unknown_column(lang, column);
                problems.at(1, Some(at as u64 + 1), Some(column), message);
            }
        }
    }
    // Denominators before indicators, each group in file order.
    numbers.sort_by_key(|&(at, order)| (order, at));
    for row in meta {
        if matches!(row.kind, Kind::Indicator | Kind::Denominator | Kind::Group)
            && !seen.contains(row.code.as_str())
        {
            problems.at(
                1,
                None,
                Some(&row.code),
                i18n::coinr_column_absent(lang, &row.code),
            );
        }
    }
    if !problems.issues.is_empty() {
        return Err(problems.issues);
    }

    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut out_header = vec!["code".to_string(), "name".to_string()];
    if time_at.is_some() {
        out_header.push("year".into());
    }
    out_header.extend(groups.iter().map(|&at| format!("group:{}", header[at])));
    out_header.extend(numbers.iter().map(|&(at, _)| header[at].clone()));
    let fail = |e: csv::Error| {
        vec![Issue::tool(
            Severity::Error,
            Location::file(Some(source.name)),
            lang,
            e.to_string(),
            None,
        )]
    };
    writer.write_record(&out_header).map_err(fail)?;
    let mut keys = HashSet::new();
    let mut units = 0;
    for (line, row) in &records {
        let line = *line;
        let code = row[code_at].trim();
        if is_na(code) {
            problems.at(
                line,
                Some(code_at as u64 + 1),
                None,
                i18n::coinr_no_code(lang),
            );
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
            let text = row[at].trim();
            match text
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
            {
                Some(year) => {
                    key.1 = Some(year);
                    out.push(year.to_string());
                }
                None => {
                    let message = i18n::coinr_bad_time(lang, text);
                    problems.at(line, Some(at as u64 + 1), None, message);
                    out.push(String::new());
                }
            }
        }
        if !keys.insert(key) {
            problems.at(
                line,
                Some(code_at as u64 + 1),
                None,
                i18n::coinr_repeated_unit(lang, code),
            );
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
            } else if text.parse::<f64>().is_ok_and(f64::is_finite) {
                out.push(text.to_string());
            } else {
                let message = i18n::coinr_not_number(lang, &header[at], text);
                problems.at(line, Some(at as u64 + 1), Some(&header[at]), message);
                out.push(String::new());
            }
        }
        writer.write_record(&out).map_err(fail)?;
        units += 1;
    }
    if !problems.issues.is_empty() {
        return Err(problems.issues);
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| fail(e.into_error().into()))?;
    let text =
        String::from_utf8(bytes).map_err(|e| fail(csv::Error::from(std::io::Error::other(e))))?;
    Ok((text, units))
}

/// Converts iMeta and iData into a framework file and a data file, and reads both back;
/// `outputs` names the framework and data files in messages about the read-back.
pub fn convert(
    meta: Source<'_>,
    data: Source<'_>,
    outputs: [&str; 2],
    pipeline: &PipelineSpec,
    id: &str,
    name: &str,
    lang: Lang,
) -> Result<Converted, Vec<Issue>> {
    let rows = read_meta(meta, lang)?;
    let mut notes = Vec::new();
    let (data_csv, units) = data_text(data, &rows, lang, &mut notes)?;
    let framework =
        framework_text(&rows, pipeline, id, name, [meta.name, data.name]).map_err(|e| {
            vec![Issue::tool(
                Severity::Error,
                Location::file(Some(meta.name)),
                lang,
                e,
                None,
            )]
        })?;
    // Read both back, as `dti build` will: anything the files do not say as meant is a bug
    // here or an input this import cannot express, and is reported rather than written.
    Framework::from_toml(&framework, Some(outputs[0]))
        .map_err(|failure| Issue::all(failure.diagnostics, lang))?;
    let parsed = Dataset::from_csv(&data_csv, Some(outputs[1]));
    if parsed.has_errors() {
        return Err(Issue::all(parsed.diagnostics, lang));
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
        let lost: Vec<&str> = rows
            .iter()
            .filter(|r| matches!(r.kind, Kind::Indicator | Kind::Denominator))
            .map(|r| r.code.as_str())
            .filter(|code| !read.contains(code))
            .collect();
        return Err(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(meta.name)),
            lang,
            i18n::coinr_reserved_codes(lang, &lost),
            None,
        )]);
    }
    Ok(Converted {
        framework,
        data: data_csv,
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

/// Reads a text input whole, within the tool's size limit.
fn read_text(path: &Path, lang: Lang) -> Result<String, Error> {
    let name = path.display().to_string();
    input::check_size(path, &name, lang)?;
    let bytes =
        std::fs::read(path).map_err(|e| Error::Usage(input::read_failure(lang, &name, &e)))?;
    String::from_utf8(bytes).map_err(|e| {
        Error::Data(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(&name)),
            lang,
            i18n::not_utf8(lang, e.as_bytes()[e.utf8_error().valid_up_to()]),
            None,
        )])
    })
}

/// The pipeline in a file: its top-level keys, or a framework's `[pipeline]` table.
pub fn read_pipeline(path: &Path, lang: Lang) -> Result<PipelineSpec, Error> {
    let name = path.display().to_string();
    let text = read_text(path, lang)?;
    let fail = |detail: String| {
        Error::Data(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(&name)),
            lang,
            i18n::coinr_bad_pipeline(lang, &detail),
            None,
        )])
    };
    let table: toml::Table = toml::from_str(&text).map_err(|e| fail(e.to_string()))?;
    let table = match table.get("pipeline") {
        Some(toml::Value::Table(inner)) => inner.clone(),
        _ => table,
    };
    toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| fail(e.to_string()))
}

/// Runs `dti import-coinr`.
pub fn run(args: &ImportCoinrArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let meta_name = args.meta.display().to_string();
    let data_name = args.data.display().to_string();
    let meta = read_text(&args.meta, lang)?;
    let data = read_text(&args.data, lang)?;
    let pipeline = match &args.pipeline {
        Some(path) => read_pipeline(path, lang)?,
        None => default_pipeline(),
    };
    let id = args.id.clone().unwrap_or_else(|| {
        args.meta
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "coinr".into())
    });
    let name = args.name.clone().unwrap_or_else(|| id.clone());
    let framework_out = args.framework_out.display().to_string();
    let data_out = args.data_out.display().to_string();
    let converted = convert(
        Source {
            name: &meta_name,
            text: &meta,
        },
        Source {
            name: &data_name,
            text: &data,
        },
        [&framework_out, &data_out],
        &pipeline,
        &id,
        &name,
        lang,
    )
    .map_err(Error::Data)?;
    let inputs: Vec<&Path> = [Some(&args.meta), Some(&args.data), args.pipeline.as_ref()]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
        .collect();
    if args.framework_out == args.data_out {
        return Err(Error::Usage(i18n::output_is_input(lang, &data_out)));
    }
    // Both outputs are checked before either is written, so a refusal leaves nothing behind.
    for path in [&args.framework_out, &args.data_out] {
        output::check_target(path, args.force, &inputs, lang)?;
    }
    output::write_file(
        &args.framework_out,
        converted.framework.as_bytes(),
        args.force,
        &inputs,
        lang,
    )?;
    output::write_file(
        &args.data_out,
        converted.data.as_bytes(),
        args.force,
        &inputs,
        lang,
    )?;
    let mut message = i18n::coinr_done(lang, converted.counts, &framework_out, &data_out);
    for note in &converted.notes {
        message.push_str(note);
        message.push('\n');
    }
    output::emit(message.as_bytes(), &OutputArgs::default(), &[], lang)?;
    Ok(Outcome::Success)
}
