//! `dti whatif`: change some values of one unit and see every node and rank move.

use std::path::PathBuf;

use clap::Args;
use dti_core::analysis::whatif::{WhatIf, what_if};
use dti_core::{Diagnostic, Framework, Lang, Location, NodeId, Results};

use crate::error::Error;
use crate::input::{self, Scored};
use crate::output::{self, Cell, Document, Table, TableFormat, rank_move};
use crate::output::{display_order, unit_heading};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti whatif`.
#[derive(Clone, Debug, Args)]
pub(crate) struct WhatIfArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The unit whose values change, by code or name [default: the only unit of the data]
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// A new value, written as in a data cell: `I7=0.95`, `I7=0,95`, `P1=85%`, `P2=731/1950`;
    /// `I7=` removes the value. Repeat for several indicators
    #[arg(long = "set", value_name = "CODE=VALUE", required = true)]
    pub set: Vec<String>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti whatif`.
pub(crate) fn run(args: &WhatIfArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let scored = input::read_scored(
        input::required(args.data.as_deref(), "whatif", lang)?,
        &args.source,
        context,
    )?;
    let unit = input::find_unit(&scored.input.dataset, args.unit.as_deref(), lang)?;
    let changes = parse_changes(&scored.framework, &args.set, lang)?;
    let outcome = what_if(&scored.framework, &scored.table, unit, &changes)
        .map_err(|failure| Error::Data(scored.input.issues(failure.diagnostics, lang)))?;

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let document = document(&scored, unit, &changes, &outcome, lang, color);
    let bytes = document.render(
        format,
        &document.tables[0],
        || output::to_json(&outcome, lang),
        &args.output,
        lang,
        color,
    )?;
    output::emit(&bytes, &args.output, &scored.protected(), lang)?;
    Ok(Outcome::Success)
}

/// Reads `CODE=VALUE` arguments. Values go through the core's own cell reader
/// ([`dti_core::check::read_value`]) so units, ranges, decimal commas, percentages and
/// fractions are read exactly as in data files; a blank value removes the unit's value.
pub(crate) fn parse_changes(
    framework: &Framework,
    given: &[String],
    lang: Lang,
) -> Result<Vec<(NodeId, Option<f64>)>, Error> {
    let mut changes = Vec::new();
    for argument in given {
        let Some((code, text)) = argument.split_once('=') else {
            return Err(Error::Usage(i18n::set_syntax(lang, argument)));
        };
        if text.contains('=') {
            let repeated = split_assignments(argument)
                .iter()
                .map(|one| format!("--set {one}"))
                .collect::<Vec<_>>()
                .join(" ");
            return Err(Error::Usage(i18n::set_several(lang, argument, &repeated)));
        }
        let code = code.trim();
        let node = input::node(framework, code, lang)?;
        if !framework.node(node).is_indicator() {
            return Err(Error::Usage(i18n::set_aggregate(lang, code)));
        }
        if changes.iter().any(|(n, _)| *n == node) {
            return Err(Error::Usage(i18n::set_twice(lang, code)));
        }
        match dti_core::check::read_value(framework.node(node), text) {
            Ok(value) => changes.push((node, value)),
            Err(problem) => {
                let diagnostic = Diagnostic::error(Location::default(), problem);
                let mut message = format!("--set {argument}: {}", diagnostic.message(lang));
                if let Some(hint) = diagnostic.hint(lang) {
                    message.push_str(&format!(" ({}: {hint})", i18n::hint_label(lang)));
                }
                return Err(Error::Usage(message));
            }
        }
    }
    Ok(changes)
}

/// `I7=0,95,I8=0,7` as `["I7=0,95", "I8=0,7"]`: each assignment ends at the last comma before
/// the next `=`.
fn split_assignments(argument: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    // Every `=` after the first starts a new assignment at the comma before its code.
    let first = argument.find('=').map_or(argument.len(), |at| at + 1);
    for (at, _) in argument.match_indices('=').filter(|&(at, _)| at >= first) {
        if let Some(comma) = argument[..at].rfind(',').filter(|&comma| comma >= start) {
            parts.push(&argument[start..comma]);
            start = comma + 1;
        }
    }
    parts.push(&argument[start..]);
    parts
}

fn node_name(framework: &Framework, code: &str, lang: Lang) -> String {
    framework
        .find(code)
        .map(|id| framework.node(id).names.get(lang).to_string())
        .unwrap_or_default()
}

/// The heading, the changes, every node before and after, and the other units that moved.
fn document(
    scored: &Scored,
    unit: usize,
    changes: &[(NodeId, Option<f64>)],
    outcome: &WhatIf,
    lang: Lang,
    color: bool,
) -> Document {
    let framework = &scored.framework;
    let before: &Results = &scored.results;
    let after = &outcome.after;
    let precision = framework.precision();
    let heading = format!(
        "{} — {} — {}",
        i18n::whatif_title(lang),
        unit_heading(&outcome.unit),
        input::data_label(&scored.input, lang)
    );
    let lead = changes
        .iter()
        .map(|&(node, value)| {
            let indicator = framework.node(node);
            let show = |v: Option<f64>| match v {
                Some(v) => format!("{}{}", i18n::number(v, lang), indicator.unit.symbol()),
                None => i18n::missing_value(lang).to_string(),
            };
            format!(
                "{} · {}: {} → {}",
                indicator.code,
                indicator.names.get(lang),
                show(scored.table.indicator_value(&scored.framework, unit, node)),
                show(value)
            )
        })
        .collect();

    let n = before.units.len();
    let mut nodes = Table::new(i18n::whatif_nodes(lang), i18n::change_columns(lang));
    for position in display_order(framework, after) {
        let code = &after.nodes[position].code;
        let Some(change) = outcome.nodes.iter().find(|c| *c.code == **code) else {
            continue;
        };
        let difference = match (change.before, change.after) {
            (Some(a), Some(b)) => Cell::Signed {
                value: b - a,
                decimals: precision,
            },
            _ => Cell::Empty,
        };
        let rank = |r: Option<u32>| r.map_or(Cell::Empty, |r| Cell::text(format!("{r}/{n}")));
        let moved = match (change.rank_before, change.rank_after) {
            (Some(a), Some(b)) => Cell::text(rank_move(i64::from(a) - i64::from(b), color)),
            _ => Cell::Empty,
        };
        nodes.push(vec![
            Cell::text(&**code),
            Cell::text(node_name(framework, code, lang)),
            Cell::number(change.before, precision),
            Cell::number(change.after, precision),
            difference,
            rank(change.rank_before),
            rank(change.rank_after),
            moved,
        ]);
    }
    let mut tables = vec![nodes];

    // The other units whose rank on the main index moved.
    let index = framework.main_index();
    if let Some(position) = after.node_position(&framework.node(index).code) {
        let mut others = Table::new(
            i18n::whatif_others(lang, &after.nodes[position].code),
            i18n::columns(
                lang,
                &[
                    i18n::unit,
                    i18n::unit_name,
                    i18n::old_rank,
                    i18n::new_rank,
                    i18n::rank_move,
                ],
            ),
        );
        let (ranks_before, ranks_after) = (before.ranks(position), after.ranks(position));
        for (u, old) in before.units.iter().enumerate() {
            let (Some(a), Some(b)) = (ranks_before[u], ranks_after.get(u).copied().flatten())
            else {
                continue;
            };
            if u == unit || a == b {
                continue;
            }
            others.push(vec![
                Cell::text(&old.code),
                Cell::text(old.name.clone().unwrap_or_default()),
                Cell::Integer(a.into()),
                Cell::Integer(b.into()),
                Cell::text(rank_move(i64::from(a) - i64::from(b), color)),
            ]);
        }
        if !others.rows.is_empty() {
            tables.push(others);
        }
    }
    Document {
        heading,
        lead,
        tables,
        closing: Vec::new(),
    }
}
