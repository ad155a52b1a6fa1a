//! `dti goal`: the cheapest set of indicator improvements that takes a unit to a target value
//! or rank, ordered by gain per unit of effort.

use std::path::PathBuf;

use clap::{ArgGroup, Args};
use dti_core::analysis::goal::{Plan, RAW_DECIMALS, Target, parse_costs, read_target, seek_scored};
use dti_core::{Lang, format_decimal, round_to};

use crate::error::Error;
use crate::input::{self, Scored};
use crate::output::unit_heading;
use crate::output::{self, Cell, Document, Table, TableFormat};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti goal`.
#[derive(Clone, Debug, Args)]
#[command(group(ArgGroup::new("goal").required(true).args(["target", "rank"])))]
pub(crate) struct GoalArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The unit, by code or name [default: the only unit of the data]
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// The value to reach on the node's scale, e.g. 0.75 (or 0,75, or 75%)
    #[arg(long, value_name = "VALUE", allow_negative_numbers = true)]
    pub target: Option<String>,
    /// The rank to reach among the units (1 = first), the other units held as they are
    #[arg(long, value_name = "K")]
    pub rank: Option<u32>,
    /// The node the target is on [default: the framework's first index, e.g. DTI]
    #[arg(long, value_name = "CODE")]
    pub node: Option<String>,
    /// Effort costs per indicator: a CSV file of lines `indicator,cost`, where the cost is
    /// the effort of raising the indicator across its whole scale [default: 1 each]
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti goal`.
pub(crate) fn run(args: &GoalArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let scored = input::read_scored(
        input::required(args.data.as_deref(), "goal", lang)?,
        &args.source,
        context,
    )?;
    let framework = &scored.framework;
    let unit = input::find_unit(&scored.input.dataset, args.unit.as_deref(), lang)?;
    let node = match &args.node {
        Some(code) => input::node(framework, code, lang)?,
        None => framework.main_index(),
    };
    let units = scored.results.units.len();
    let target = match (&args.target, args.rank) {
        (Some(text), _) => {
            let value = read_target(framework, node, units, text).map_err(|refused| {
                let why = refused.diagnostics.first().map(|d| d.message(lang));
                Error::Usage(i18n::bad_target(lang, text, why.as_deref()))
            })?;
            Target::Value { value }
        }
        (None, Some(rank)) if rank >= 1 && rank as usize <= units => Target::Rank { rank },
        (None, Some(rank)) => return Err(Error::Usage(i18n::bad_rank(lang, rank, units))),
        (None, None) => return Err(Error::Usage(i18n::bad_target(lang, "", None))),
    };
    let costs = match &args.costs {
        None => Default::default(),
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::Usage(if e.kind() == std::io::ErrorKind::NotFound {
                    i18n::not_found(lang, &name)
                } else {
                    i18n::cannot_read(lang, &name, &e)
                })
            })?;
            parse_costs(framework, &text, Some(&name))
                .map_err(|failure| Error::File(scored.input.issues(failure.diagnostics, lang)))?
        }
    };
    let plan = seek_scored(
        framework,
        &scored.table,
        &scored.results,
        unit,
        node,
        target,
        &costs,
    )
    .map_err(|failure| Error::Data(scored.input.issues(failure.diagnostics, lang)))?;

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let document = document(&scored, &plan, target, lang);
    let bytes = document.render(
        format,
        &document.tables[0],
        || output::to_json(&plan, lang),
        &args.output,
        lang,
        color,
    )?;
    let mut protected = scored.protected();
    if let Some(path) = &args.costs {
        protected.push(path);
    }
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// The rank a value would take against the other units (ties share the better rank).
fn rank_with(scored: &Scored, unit: usize, node: &str, value: f64) -> Option<u32> {
    let position = scored.results.node_position(node)?;
    let precision = scored.results.precision;
    let mine = round_to(value, precision);
    let better = scored
        .results
        .values(position)
        .iter()
        .enumerate()
        .filter(|(u, _)| *u != unit)
        .filter_map(|(_, value)| value)
        .filter(|v| round_to(*v, precision) > mine)
        .count();
    u32::try_from(better + 1).ok()
}

fn document(scored: &Scored, plan: &Plan, target: Target, lang: Lang) -> Document {
    let framework = &scored.framework;
    let precision = framework.precision();
    let n = scored.results.units.len();
    let unit = scored
        .results
        .units
        .iter()
        .position(|u| u.code == plan.unit.code)
        .unwrap_or(0);
    let value = |v: f64| format_decimal(v, precision, lang);
    let rank = |v: f64| {
        rank_with(scored, unit, &plan.node, v)
            .map(|r| format!(" ({})", i18n::rank_of(lang, r, n).to_lowercase()))
            .unwrap_or_default()
    };
    let heading = format!(
        "{} — {} — {}",
        i18n::goal_title(lang),
        unit_heading(&plan.unit),
        input::data_label(&scored.input, lang)
    );
    let wanted = match target {
        Target::Rank { rank } => i18n::goal_rank(lang, rank, &value(plan.target_value)),
        Target::Value { .. } => value(plan.target_value),
    };
    let lead = vec![i18n::goal_lead(
        lang,
        &plan.node,
        &format!("{}{}", value(plan.start), rank(plan.start)),
        &wanted,
    )];

    let mut steps = Table::new(
        i18n::goal_plan(lang),
        vec![
            "#".to_string(),
            i18n::code(lang).to_string(),
            i18n::name(lang).to_string(),
            i18n::score(lang).to_string(),
            i18n::raw_value(lang).to_string(),
            i18n::index_gain(lang, &plan.node),
            i18n::effort(lang).to_string(),
            i18n::gain_per_effort(lang).to_string(),
        ],
    );
    for (i, step) in plan.steps.iter().enumerate() {
        let indicator = framework.find(&step.indicator).map(|id| framework.node(id));
        let symbol = indicator.map_or("", |node| node.unit.symbol());
        let raw = |v: Option<f64>| {
            v.map_or("?".to_string(), |v| {
                format!("{}{symbol}", i18n::number(round_to(v, RAW_DECIMALS), lang))
            })
        };
        let raw_cell = if step.raw_from.is_none() && step.raw_to.is_none() {
            Cell::Empty
        } else {
            Cell::text(format!("{} → {}", raw(step.raw_from), raw(step.raw_to)))
        };
        steps.push(vec![
            Cell::Integer(i as i64 + 1),
            Cell::text(&step.indicator),
            Cell::text(indicator.map_or("", |n| n.names.get(lang))),
            Cell::text(format!("{} → {}", value(step.from), value(step.to))),
            raw_cell,
            Cell::Signed {
                value: step.gain,
                decimals: precision,
            },
            Cell::number(Some(step.cost), 3),
            Cell::number((step.cost > 0.0).then(|| step.gain / step.cost), precision),
        ]);
    }
    let closing = vec![if plan.reachable {
        i18n::goal_reached(
            lang,
            &plan.node,
            &format!("{}{}", value(plan.reached), rank(plan.reached)),
            &format_decimal(plan.total_cost, 3, lang),
            plan.steps.len(),
        )
    } else {
        i18n::goal_out_of_reach(
            lang,
            &plan.node,
            &value(plan.target_value),
            &format!("{}{}", value(plan.reached), rank(plan.reached)),
        )
    }];
    Document {
        heading,
        lead,
        tables: vec![steps],
        closing,
    }
}
