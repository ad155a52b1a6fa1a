//! `dti build`: run the construction pipeline a framework file declares in its `[pipeline]`
//! table (denominate → impute → screen → treat → normalise → aggregate) on raw data, show
//! any stage's table, and the diagnostics an index designer checks.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dti_core::pipeline::{
    self, Build, Correlation, DropReason, FlagThresholds, PointTreatment, Stage, TreatOutcome,
    correlations, cronbach_by_aggregate, indicator_stats,
};
use dti_core::score::rank_within_groups;
use dti_core::values::Values;
use dti_core::{Framework, Lang, NodeKind, Problem, Severity, format_decimal};
use serde::Serialize;

use crate::error::Error;
use crate::input::{self, Input};
use crate::output::{self, Cell, Document, Table, TableFormat};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// The stages `--stage` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum StageArg {
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
pub(crate) struct BuildArgs {
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
    ranks: Option<Vec<Option<u32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_ranks: Option<GroupRanks>,
}

/// The ranks of the units on the index, overall and within the groups of one grouping.
#[derive(Clone, Serialize)]
struct GroupRanks {
    grouping: String,
    /// Each unit's group, in the table's unit order.
    labels: Vec<String>,
    ranks: Vec<Option<u32>>,
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

/// Runs `dti build`.
pub(crate) fn run(args: &BuildArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let Some(framework_arg) = args.source.framework.as_deref() else {
        return Err(Error::Usage(i18n::build_needs_framework(lang)));
    };
    let input = input::read_data(&args.data, args.source.sheet.as_deref(), lang)?;
    let reading = input.reading_issues(lang);
    if reading.iter().any(|i| i.severity() == Severity::Error) {
        return Err(Error::Data(reading));
    }
    let (framework, framework_path) = input::read_framework(Some(framework_arg), None, lang)?;
    if let Some(set) = args.weights.as_deref()
        && !framework.weight_sets().contains_key(set)
    {
        let problem = Problem::UnknownWeightSet {
            name: set.to_string(),
            known: framework.weight_sets().keys().cloned().collect(),
        };
        return Err(Error::Usage(problem.message(lang)));
    }
    let built = pipeline::build(&framework, &input.dataset, args.weights.as_deref())
        .map_err(|failure| Error::Data(input.issues(failure.diagnostics, lang)))?;
    let stage = args.stage.stage();
    let Some(table) = built.stage(stage) else {
        return Err(Error::Usage(i18n::stage_not_run(lang, stage.name())));
    };
    let main = framework.main_index();
    let root = &framework.node(main).code;
    let ranks: Option<Vec<Option<u32>>> = (stage == Stage::Aggregated).then(|| built.ranks(main));
    let group_ranks = match (&args.rank_within, stage) {
        (Some(grouping), Stage::Aggregated) => Some(group_ranks(
            table,
            root,
            grouping,
            framework.precision(),
            lang,
        )?),
        (Some(_), _) => return Err(Error::Usage(i18n::rank_within_needs_aggregated(lang))),
        (None, _) => None,
    };
    let notes = notes(&built, lang);
    let precision = framework.precision();

    let ranking = Ranking {
        root: ranks.is_some().then_some(root.as_str()),
        overall: ranks.as_deref(),
        within: group_ranks.as_ref(),
    };
    let mut tables = vec![stage_table(&input, table, &ranking, stage, precision, lang)];
    let mut diagnostics_json = None;
    if args.diagnostics {
        let (more, json) = diagnostics(&built, built.framework(), lang);
        tables.extend(more);
        diagnostics_json = Some(json);
    }
    let mut heading = format!(
        "{} — {} — {}",
        i18n::build_title(lang, dti_core::words::stage(stage, lang)),
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
        output::to_json(
            &BuildJson {
                data: &input.name,
                framework: framework.id(),
                stage: stage.name(),
                weights: args.weights.as_deref(),
                table: TableJson {
                    units: table.units().iter().map(|u| u.code.to_string()).collect(),
                    columns: table.columns().to_vec(),
                    values: table.rows(),
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
    overall: Option<&'a [Option<u32>]>,
    within: Option<&'a GroupRanks>,
}

/// Each unit's rank among the units of its group, on the index's scores; the grouping must
/// be in the data.
fn group_ranks(
    table: &dti_core::Table,
    root: &str,
    grouping: &str,
    precision: u32,
    lang: Lang,
) -> Result<GroupRanks, Error> {
    let Some(labels) = table.grouping(grouping) else {
        let known = table.grouping_names().join(", ");
        return Err(Error::Usage(i18n::rank_grouping_missing(
            lang, grouping, &known,
        )));
    };
    let scores = table.column(root).map(Values::to_vec).unwrap_or_default();
    let ranks = rank_within_groups(&scores, &labels, precision);
    Ok(GroupRanks {
        grouping: grouping.to_string(),
        labels: labels.iter().map(|l| l.to_string()).collect(),
        ranks,
    })
}

fn stage_table(
    input: &Input,
    table: &dti_core::Table,
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
    let mut out = Table::new(dti_core::words::stage(stage, lang), headers);
    let mut order: Vec<usize> = (0..table.n_units()).collect();
    if let Some(ranks) = ranking.overall {
        order.sort_by_key(|&i| (ranks[i].unwrap_or(u32::MAX), i));
    }
    let rank = |r: Option<u32>| r.map_or(Cell::Empty, |r| Cell::Integer(i64::from(r)));
    let _ = input;
    for i in order {
        let unit = &table.units()[i];
        let name = unit.name.clone().unwrap_or_default();
        let mut row = vec![Cell::text(&unit.code), Cell::text(name)];
        for (c, column) in columns.iter().enumerate() {
            row.push(Cell::number(
                table.column(column).and_then(|v| v.get(i)),
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
fn notes(results: &Build, lang: Lang) -> Vec<String> {
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
    results: &Build,
    framework: &Framework,
    lang: Lang,
) -> (Vec<Table>, DiagnosticsJson) {
    let empty = dti_core::Table::default();
    let raw = results.stage(Stage::Raw).unwrap_or(&empty);
    let aggregated = results.stage(Stage::Aggregated).unwrap_or(&empty);
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
    let nodes = framework.nodes();
    for node in nodes {
        let NodeKind::Aggregate { children, .. } = &node.kind else {
            continue;
        };
        let group = &node.code;
        let children: Vec<&str> = children
            .iter()
            .map(|edge| nodes[edge.child].code.as_str())
            .collect();
        for (i, a) in children.iter().enumerate() {
            for b in &children[i + 1..] {
                push(group, a, b, true);
            }
        }
        for child in &children {
            push(group, child, group, false);
        }
    }
    let alphas = cronbach_by_aggregate(aggregated, framework);
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
    let (weights, weights_json) = effective_weights(framework, lang);
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

/// Every node's level, weight in its parent (when it has one parent) and effective weight in
/// the main index (its share of the index's weight, over every path to it).
fn effective_weights(framework: &Framework, lang: Lang) -> (Table, Vec<serde_json::Value>) {
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
    for node in framework.weight_table() {
        table.push(vec![
            Cell::text(&node.code),
            Cell::Integer(i64::from(node.level)),
            Cell::number(node.weight, 4),
            Cell::number(Some(node.effective_weight), 4),
        ]);
        json.push(serde_json::json!({
            "code": node.code, "level": node.level, "weight": node.weight,
            "effective_weight": node.effective_weight,
        }));
    }
    (table, json)
}
