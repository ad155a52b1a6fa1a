//! `dti build`: run the construction pipeline a framework file declares in its `[pipeline]`
//! table (denominate → impute → screen → treat → normalise → aggregate) on raw data, show
//! any stage's table, and the diagnostics an index designer checks.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dti_core::pipeline::{
    self, Correlation, DropReason, FlagThresholds, ImputeMethod, PipelineError, PointTreatment,
    Stage, TreatOutcome, Tree, correlations, cronbach_by_aggregate, indicator_stats, rank_scores,
    tree_from_framework,
};
use dti_core::{Diagnostic, Framework, Lang, Location, Severity, format_decimal};
use serde::Serialize;

use crate::error::{Error, Issue};
use crate::input::{self, Input};
use crate::output::{self, Cell, Document, Table, TableFormat};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// The stages `--stage` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// The indicator columns as read
    Raw,
    /// After dividing by denominators
    Denominated,
    /// After filling missing values
    Imputed,
    /// After dropping units
    Screened,
    /// After outlier treatment
    Treated,
    /// After normalisation
    Normalised,
    /// Indicators and aggregates, with ranks
    Aggregated,
}

impl StageArg {
    fn stage(self) -> Stage {
        match self {
            StageArg::Raw => Stage::Raw,
            StageArg::Denominated => Stage::Denominated,
            StageArg::Imputed => Stage::Imputed,
            StageArg::Screened => Stage::Screened,
            StageArg::Treated => Stage::Treated,
            StageArg::Normalised => Stage::Normalised,
            StageArg::Aggregated => Stage::Aggregated,
        }
    }
}

/// Arguments of `dti build`.
#[derive(Clone, Debug, Args)]
pub struct BuildArgs {
    /// The raw data: CSV, JSON or .xlsx (`-` reads standard input); wide layout, one column
    /// per indicator and per denominator, `group` or `group:NAME` columns for group imputation
    #[arg(value_name = "DATA")]
    pub data: PathBuf,
    #[command(flatten)]
    pub source: DataArgs,
    /// The stage whose table is shown
    #[arg(long, value_enum, default_value = "aggregated")]
    pub stage: StageArg,
    /// Also rank each unit among the units of its group in a grouping of the data (`group`
    /// for the `group` column, NAME for a `group:NAME` column)
    #[arg(long, value_name = "GROUPING")]
    pub rank_within: Option<String>,
    /// Use a named weight set of the [pipeline] table ([pipeline.weights.NAME]) instead of
    /// the framework's weights
    #[arg(long, value_name = "NAME")]
    pub weights: Option<String>,
    /// Also show per-indicator statistics with flags, correlations, Cronbach's alpha and
    /// effective weights
    #[arg(long)]
    pub diagnostics: bool,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A plain copy of a stage table, for JSON.
#[derive(Serialize)]
struct TableJson {
    units: Vec<String>,
    columns: Vec<String>,
    /// Row by row.
    values: Vec<Vec<Option<f64>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ranks: Option<Vec<Option<usize>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_ranks: Option<GroupRanks>,
}

/// The ranks of the units on the index, overall and within the groups of one grouping.
#[derive(Clone, Serialize)]
struct GroupRanks {
    grouping: String,
    /// Each unit's group, in the table's unit order.
    labels: Vec<String>,
    ranks: Vec<Option<usize>>,
}

#[derive(Serialize)]
struct BuildJson<'a> {
    data: &'a str,
    framework: &'a str,
    stage: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    weights: Option<&'a str>,
    table: TableJson,
    notes: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<DiagnosticsJson>,
}

#[derive(Serialize)]
struct DiagnosticsJson {
    indicators: Vec<serde_json::Value>,
    correlations: Vec<serde_json::Value>,
    cronbach_alpha: Vec<(String, Option<f64>)>,
    effective_weights: Vec<serde_json::Value>,
}

fn pipeline_error(lang: Lang, name: &str, detail: String) -> Error {
    Error::Data(vec![Issue::tool(
        Severity::Error,
        Location::file(Some(name)),
        lang,
        detail,
        None,
    )])
}

/// The pipeline's data set from the tool's ([`pipeline::pipeline_dataset`]), then the checks
/// that need it; a value that does not fit its indicator's unit is reported where it is.
fn pipeline_data(
    input: &Input,
    framework: &Framework,
    spec: &pipeline::PipelineSpec,
    lang: Lang,
) -> Result<pipeline::Dataset, Error> {
    let data = pipeline::pipeline_dataset(&input.dataset, framework).map_err(|e| match e {
        PipelineError::Value {
            column,
            unit,
            problem,
        } => {
            let diagnostic = Diagnostic::error(
                Location::file(Some(&input.name))
                    .unit(unit)
                    .indicator(column),
                problem,
            );
            Error::Data(vec![Issue::new(diagnostic, lang)])
        }
        other => pipeline_error(lang, &input.name, other.to_string()),
    })?;
    check_groupings(input, spec, &data, lang)?;
    Ok(data)
}

/// Every weight set of the [pipeline] table names nodes of the tree and gives weights the
/// tree can take, whether or not this build uses it (a broken set is a broken framework).
fn check_weight_sets(
    spec: &pipeline::PipelineSpec,
    tree: &Tree,
    framework: &str,
    lang: Lang,
) -> Result<(), Error> {
    let here = Location::file(Some(framework));
    let mut issues = Vec::new();
    for (set, weights) in &spec.weights {
        let mut fine = true;
        for (code, &weight) in weights {
            let detail = if tree.node(code).is_none() {
                i18n::weight_set_unknown_node(lang, set, code)
            } else if !weight.is_finite() || weight < 0.0 {
                i18n::weight_set_bad_weight(lang, set, code, weight)
            } else {
                continue;
            };
            fine = false;
            issues.push(Issue::tool(
                Severity::Error,
                here.clone(),
                lang,
                detail,
                None,
            ));
        }
        if fine && let Err(e) = spec.weighted(tree, set) {
            issues.push(Issue::tool(
                Severity::Error,
                here.clone(),
                lang,
                e.to_string(),
                None,
            ));
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::Data(issues))
    }
}

/// Every grouping the imputation step uses exists in the data and labels every unit.
fn check_groupings(
    input: &Input,
    spec: &pipeline::PipelineSpec,
    data: &pipeline::Dataset,
    lang: Lang,
) -> Result<(), Error> {
    let Some(impute) = &spec.impute else {
        return Ok(());
    };
    let mut issues = Vec::new();
    let mut seen = Vec::new();
    for method in std::iter::once(&impute.default).chain(impute.overrides.values()) {
        let (ImputeMethod::GroupMean { group } | ImputeMethod::GroupMedian { group }) = method
        else {
            continue;
        };
        if seen.contains(&group) {
            continue;
        }
        seen.push(group);
        let here = Location::file(Some(&input.name));
        let Some(labels) = data.group(group) else {
            let known = data.group_names().collect::<Vec<_>>().join(", ");
            let detail = i18n::grouping_missing(lang, group, &known);
            issues.push(Issue::tool(Severity::Error, here, lang, detail, None));
            continue;
        };
        for (unit, label) in input.dataset.units().iter().zip(labels) {
            if label.trim().is_empty() {
                let detail = i18n::grouping_blank(lang, group);
                let at = here.clone().unit(&unit.code);
                issues.push(Issue::tool(Severity::Error, at, lang, detail, None));
            }
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::Data(issues))
    }
}

/// Runs `dti build`.
pub fn run(args: &BuildArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let Some(framework_arg) = args.source.framework.as_deref() else {
        return Err(Error::Usage(i18n::build_needs_framework(lang)));
    };
    let input = input::read_data(Some(&args.data), args.source.sheet.as_deref(), lang)?;
    let reading = input.reading_issues(lang);
    if reading.iter().any(|i| i.severity() == Severity::Error) {
        return Err(Error::Data(reading));
    }
    let (framework, framework_path) = input::read_framework(Some(framework_arg), None, lang)?;
    let Some(spec) = framework.pipeline() else {
        return Err(Error::Usage(i18n::no_pipeline(lang, framework_arg)));
    };
    let tree = tree_from_framework(&framework)
        .map_err(|e| pipeline_error(lang, framework_arg, e.to_string()))?;
    check_weight_sets(spec, &tree, framework_arg, lang)?;
    let tree = match args.weights.as_deref() {
        None => tree,
        Some(set) if !spec.weights.contains_key(set) => {
            let known: Vec<&str> = spec.weights.keys().map(String::as_str).collect();
            return Err(Error::Usage(i18n::unknown_weight_set(
                lang,
                set,
                &known.join(", "),
            )));
        }
        Some(set) => spec
            .weighted(&tree, set)
            .map_err(|e| pipeline_error(lang, framework_arg, e.to_string()))?,
    };
    let data = pipeline_data(&input, &framework, spec, lang)?;
    let results = pipeline::run(&data, &tree, spec)
        .map_err(|e| pipeline_error(lang, &input.name, e.to_string()))?;
    let stage = args.stage.stage();
    let Some(table) = results.stage(stage) else {
        return Err(Error::Usage(i18n::stage_not_run(lang, stage.name())));
    };
    let root = tree
        .aggregate_codes()
        .into_iter()
        .max_by_key(|code| tree.level(code).unwrap_or(0));
    let scores = match (stage, &root) {
        (Stage::Aggregated, Some(root)) => table.column(root),
        _ => None,
    };
    let ranks = scores.map(rank_scores);
    let group_ranks = match (&args.rank_within, scores) {
        (Some(grouping), Some(scores)) => Some(group_ranks(&data, table, scores, grouping, lang)?),
        (Some(_), None) => return Err(Error::Usage(i18n::rank_within_needs_aggregated(lang))),
        (None, _) => None,
    };
    let notes = notes(&results, lang);
    let precision = framework.precision();

    let ranking = Ranking {
        root: root.as_deref(),
        overall: ranks.as_deref(),
        within: group_ranks.as_ref(),
    };
    let mut tables = vec![stage_table(&input, table, &ranking, stage, precision, lang)];
    let mut diagnostics_json = None;
    if args.diagnostics {
        let (more, json) = diagnostics(&results, &tree, lang);
        tables.extend(more);
        diagnostics_json = Some(json);
    }
    let mut heading = format!(
        "{} — {} — {}",
        i18n::build_title(lang, &i18n::stage_name(lang, stage)),
        framework.names().get(lang),
        input::data_label(&input, lang)
    );
    if let Some(set) = &args.weights {
        heading.push_str(&format!(" — {}", i18n::weight_set(lang, set)));
    }
    let document = Document {
        heading,
        lead: Vec::new(),
        tables,
        closing: notes.clone(),
    };
    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let json = || {
        let values = (0..table.n_units())
            .map(|i| {
                (0..table.columns().len())
                    .map(|j| table.column_at(j)[i])
                    .collect()
            })
            .collect();
        output::to_json(
            &BuildJson {
                data: &input.name,
                framework: framework.id(),
                stage: stage.name(),
                weights: args.weights.as_deref(),
                table: TableJson {
                    units: table.units().to_vec(),
                    columns: table.columns().to_vec(),
                    values,
                    ranks: ranks.clone(),
                    group_ranks: group_ranks.clone(),
                },
                notes: &notes,
                diagnostics: diagnostics_json,
            },
            lang,
        )
    };
    let bytes = document.render(format, &document.tables[0], json, &args.output, lang, color)?;
    let protected = input::protected([&input.path, &framework_path]);
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// The index column and the ranks shown beside it.
struct Ranking<'a> {
    root: Option<&'a str>,
    overall: Option<&'a [Option<usize>]>,
    within: Option<&'a GroupRanks>,
}

/// Each unit's rank among the units of its group, on the index's scores; the grouping must
/// be in the data. Units are matched by code (a panel's rows share their unit's group).
fn group_ranks(
    data: &pipeline::Dataset,
    table: &pipeline::Table,
    scores: &[Option<f64>],
    grouping: &str,
    lang: Lang,
) -> Result<GroupRanks, Error> {
    let Some(all) = data.group(grouping) else {
        let known = data.group_names().collect::<Vec<_>>().join(", ");
        return Err(Error::Usage(i18n::rank_grouping_missing(
            lang, grouping, &known,
        )));
    };
    let rows = data.table().units();
    let labels: Vec<String> = table
        .units()
        .iter()
        .map(|unit| {
            rows.iter()
                .position(|u| u == unit)
                .map(|i| all[i].clone())
                .unwrap_or_default()
        })
        .collect();
    let ranks = pipeline::rank_within_groups(scores, &labels);
    Ok(GroupRanks {
        grouping: grouping.to_string(),
        labels,
        ranks,
    })
}

fn stage_table(
    input: &Input,
    table: &pipeline::Table,
    ranking: &Ranking,
    stage: Stage,
    precision: u32,
    lang: Lang,
) -> Table {
    let mut columns: Vec<&String> = table.columns().iter().collect();
    // The index first, then its ranks, then the rest in the table's order.
    if let Some(root) = ranking.root
        && let Some(p) = columns.iter().position(|c| c.as_str() == root)
    {
        let c = columns.remove(p);
        columns.insert(0, c);
    }
    let mut headers = vec![
        i18n::unit(lang).to_string(),
        i18n::unit_name(lang).to_string(),
    ];
    for (i, column) in columns.iter().enumerate() {
        headers.push(column.to_string());
        if i == 0 && ranking.overall.is_some() {
            headers.push(i18n::rank(lang).to_string());
        }
        if i == 0
            && let Some(within) = ranking.within
        {
            headers.push(within.grouping.clone());
            headers.push(i18n::rank_in_group(lang).to_string());
        }
    }
    let mut out = Table::new(i18n::stage_name(lang, stage), headers);
    let mut order: Vec<usize> = (0..table.n_units()).collect();
    if let Some(ranks) = ranking.overall {
        order.sort_by_key(|&i| (ranks[i].unwrap_or(usize::MAX), i));
    }
    let rank = |r: Option<usize>| r.map_or(Cell::Empty, |r| Cell::Integer(r as i64));
    for i in order {
        let code = &table.units()[i];
        let name = input
            .dataset
            .unit(code)
            .and_then(|u| input.dataset.units()[u].name.clone())
            .unwrap_or_default();
        let mut row = vec![Cell::text(code), Cell::text(name)];
        for (c, column) in columns.iter().enumerate() {
            row.push(Cell::number(
                table.column(column).and_then(|v| v[i]),
                precision,
            ));
            if c == 0
                && let Some(ranks) = ranking.overall
            {
                row.push(rank(ranks[i]));
            }
            if c == 0
                && let Some(within) = ranking.within
            {
                row.push(Cell::text(&within.labels[i]));
                row.push(rank(within.ranks[i]));
            }
        }
        out.push(row);
    }
    out
}

/// Dropped units, treated points and imputed cells, as sentences.
fn notes(results: &pipeline::Results, lang: Lang) -> Vec<String> {
    let n = |v: f64| format_decimal(v, 2, lang);
    let mut notes = Vec::new();
    for dropped in results.dropped_units() {
        let reason = match dropped.reason {
            DropReason::ForcedOut => i18n::forced_out(lang),
            DropReason::LowAvailability => i18n::low_availability(lang),
            DropReason::TooManyZeros => i18n::too_many_zeros(lang),
        };
        notes.push(i18n::dropped_unit(
            lang,
            &dropped.unit,
            reason,
            &n(dropped.availability),
            &n(dropped.zero_share),
        ));
    }
    for record in results.treatment() {
        let how = match record.outcome {
            TreatOutcome::Skipped | TreatOutcome::Passed => continue,
            TreatOutcome::Winsorised { points, .. } => i18n::winsorised(lang, points),
            TreatOutcome::Log { .. } => i18n::log_transformed(lang).to_string(),
        };
        let moments = |s: Option<f64>, k: Option<f64>| {
            format!(
                "{} / {}",
                s.map_or("–".into(), &n),
                k.map_or("–".into(), &n)
            )
        };
        notes.push(i18n::treated_indicator(
            lang,
            &record.indicator,
            &how,
            &moments(record.skew_before, record.kurtosis_before),
            &moments(record.skew_after, record.kurtosis_after),
        ));
        for point in &record.points {
            let what = match point.how {
                PointTreatment::WinsorisedHigh => i18n::lowered(lang),
                PointTreatment::WinsorisedLow => i18n::raised(lang),
                PointTreatment::Log => i18n::logged(lang),
            };
            notes.push(format!(
                "  {} {}: {} → {} ({what})",
                record.indicator,
                point.unit,
                i18n::number(point.from, lang),
                i18n::number(point.to, lang)
            ));
        }
    }
    for cell in results.imputed_cells() {
        notes.push(i18n::imputed_cell(
            lang,
            &cell.unit,
            &cell.column,
            &i18n::number(dti_core::round_to(cell.value, 6), lang),
        ));
    }
    notes
}

/// Per-indicator statistics (of the raw data), correlations within each aggregate (of the
/// normalised indicators and the aggregates) and Cronbach's alpha per aggregate.
fn diagnostics(
    results: &pipeline::Results,
    tree: &Tree,
    lang: Lang,
) -> (Vec<Table>, DiagnosticsJson) {
    let raw = results.stage(Stage::Raw).unwrap_or(results.normalised());
    let stats = indicator_stats(raw, &FlagThresholds::default());
    let d = |v: Option<f64>| Cell::number(v, 3);
    let mut table = Table::new(
        i18n::indicator_statistics(lang),
        vec![
            i18n::code(lang).to_string(),
            "min".into(),
            "max".into(),
            i18n::mean_word(lang).into(),
            i18n::median_word(lang).into(),
            i18n::sd_word(lang).into(),
            i18n::skewness_word(lang).into(),
            i18n::kurtosis_word(lang).into(),
            i18n::availability(lang).into(),
            i18n::zero_share(lang).into(),
            i18n::unique(lang).into(),
            i18n::flags(lang).into(),
        ],
    );
    let mut indicators = Vec::new();
    for s in &stats {
        let mut flags = Vec::new();
        if s.low_availability {
            flags.push(i18n::flag_low_availability(lang));
        }
        if s.many_zeros {
            flags.push(i18n::flag_many_zeros(lang));
        }
        if s.outliers {
            flags.push(i18n::flag_outliers(lang));
        }
        if s.few_unique {
            flags.push(i18n::flag_few_unique(lang));
        }
        table.push(vec![
            Cell::text(&s.column),
            d(s.min),
            d(s.max),
            d(s.mean),
            d(s.median),
            d(s.sd),
            d(s.skewness),
            d(s.kurtosis),
            Cell::number(Some(s.availability), 2),
            Cell::number(Some(s.zero_share), 2),
            Cell::Integer(s.unique as i64),
            Cell::text(flags.join(", ")),
        ]);
        indicators.push(serde_json::json!({
            "column": s.column, "min": s.min, "max": s.max, "mean": s.mean, "median": s.median,
            "sd": s.sd, "skewness": s.skewness, "kurtosis": s.kurtosis,
            "availability": s.availability, "zero_share": s.zero_share, "unique": s.unique,
            "low_availability": s.low_availability, "many_zeros": s.many_zeros,
            "outliers": s.outliers, "few_unique": s.few_unique,
        }));
    }

    let aggregated = results.aggregated();
    let pearson = correlations(aggregated, Correlation::Pearson);
    let spearman = correlations(aggregated, Correlation::Spearman);
    let mut pairs = Table::new(
        i18n::correlation_table(lang),
        vec![
            i18n::aggregate(lang).to_string(),
            "A".into(),
            "B".into(),
            "Pearson".into(),
            "Spearman".into(),
            i18n::flags(lang).into(),
        ],
    );
    let mut correlations_json = Vec::new();
    let mut push = |group: &str, a: &str, b: &str, within: bool| {
        let (r, rho) = (pearson.get(a, b), spearman.get(a, b));
        let mut flags = Vec::new();
        if within && r.is_some_and(|r| r > 0.9) {
            flags.push(i18n::flag_high_correlation(lang));
        }
        if r.is_some_and(|r| r < 0.0) {
            flags.push(i18n::flag_negative(lang));
        }
        pairs.push(vec![
            Cell::text(group),
            Cell::text(a),
            Cell::text(b),
            Cell::number(r, 3),
            Cell::number(rho, 3),
            Cell::text(flags.join(", ")),
        ]);
        correlations_json.push(serde_json::json!({
            "aggregate": group, "a": a, "b": b, "pearson": r, "spearman": rho,
            "flags": flags,
        }));
    };
    for group in tree.aggregate_codes() {
        let children: Vec<&str> = tree.children(&group).into_iter().map(|(c, _)| c).collect();
        for (i, a) in children.iter().enumerate() {
            for b in &children[i + 1..] {
                push(&group, a, b, true);
            }
        }
        for child in &children {
            push(&group, child, &group, false);
        }
    }
    let alphas = cronbach_by_aggregate(aggregated, tree);
    let mut alpha = Table::new(
        i18n::alpha(lang),
        vec![
            i18n::aggregate(lang).to_string(),
            i18n::alpha(lang).to_string(),
        ],
    );
    for (group, value) in &alphas {
        alpha.push(vec![Cell::text(group), Cell::number(*value, 3)]);
    }
    let (weights, weights_json) = effective_weights(results, tree, lang);
    (
        vec![table, pairs, alpha, weights],
        DiagnosticsJson {
            indicators,
            correlations: correlations_json,
            cronbach_alpha: alphas,
            effective_weights: weights_json,
        },
    )
}

/// Every node's level, weight among its siblings and effective weight in the index (the
/// product of its share of its siblings' weights up to the root).
fn effective_weights(
    results: &pipeline::Results,
    tree: &Tree,
    lang: Lang,
) -> (Table, Vec<serde_json::Value>) {
    let mut table = Table::new(
        i18n::effective_weights(lang),
        vec![
            i18n::code(lang).to_string(),
            i18n::level(lang).to_string(),
            i18n::weight(lang).to_string(),
            i18n::effective_weight(lang).to_string(),
        ],
    );
    let mut json = Vec::new();
    for (code, effective) in results.effective_weights() {
        let level = tree.level(code);
        let weight = tree.node(code).map(|n| n.weight);
        table.push(vec![
            Cell::text(code),
            Cell::Integer(i64::from(level.unwrap_or(0))),
            Cell::number(weight, 4),
            Cell::number(Some(*effective), 4),
        ]);
        json.push(serde_json::json!({
            "code": code, "level": level, "weight": weight, "effective_weight": effective,
        }));
    }
    (table, json)
}
