//! `dti remove-one`: drop each indicator (or aggregate) in turn and see how the ranks shift.

use std::path::PathBuf;

use clap::Args;
use dti_core::Lang;
use dti_core::analysis::removal::{Removal, remove_one};
use serde::Serialize;

use crate::error::Error;
use crate::input::{self, Scored};
use crate::output::{self, Cell, Document, Table, TableFormat, rank_move};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti remove-one`.
#[derive(Clone, Debug, Args)]
pub(crate) struct RemoveOneArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The index whose ranking is compared [default: the framework's first index, e.g. DTI]
    #[arg(long, value_name = "CODE")]
    pub index: Option<String>,
    /// Remove only these nodes (repeat) [default: every node under the index]
    #[arg(long = "remove", value_name = "CODE")]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Serialize)]
struct RemovalJson<'a> {
    index: &'a str,
    units: Vec<&'a str>,
    nominal: Vec<Option<u32>>,
    removals: &'a [Removal],
}

/// Runs `dti remove-one`.
pub(crate) fn run(args: &RemoveOneArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let scored = input::read_scored(
        input::required(args.data.as_deref(), "remove-one", lang)?,
        &args.source,
        context,
    )?;
    let framework = &scored.framework;
    let find = |code: &str| input::node(framework, code, lang);
    let index = match &args.index {
        Some(code) => find(code)?,
        None => *framework
            .indices()
            .first()
            .ok_or_else(|| Error::Usage(i18n::unknown_node(lang, "")))?,
    };
    let candidates = args
        .remove
        .iter()
        .map(|code| find(code))
        .collect::<Result<Vec<_>, _>>()?;
    let removals = remove_one(framework, &scored.table, index, &candidates)
        .map_err(|failure| Error::Data(scored.input.issues(failure.diagnostics, lang)))?;
    let index_code = framework.node(index).code.clone();
    let nominal: Vec<Option<u32>> = scored
        .results
        .node_position(&index_code)
        .map(|p| scored.results.ranks(p))
        .unwrap_or_default();

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let document = document(&scored, &index_code, &removals, lang, color);
    let csv = long_table(&scored, &nominal, &removals, lang);
    let json = || {
        output::to_json(
            &RemovalJson {
                index: &index_code,
                units: scored
                    .input
                    .dataset
                    .units()
                    .iter()
                    .map(|u| u.code.as_str())
                    .collect(),
                nominal: nominal.clone(),
                removals: &removals,
            },
            lang,
        )
    };
    let bytes = document.render(format, &csv, json, &args.output, lang, color)?;
    output::emit(&bytes, &args.output, &scored.protected(), lang)?;
    Ok(Outcome::Success)
}

fn document(
    scored: &Scored,
    index: &str,
    removals: &[Removal],
    lang: Lang,
    color: bool,
) -> Document {
    let framework = &scored.framework;
    let units = scored.input.dataset.units();
    let heading = format!(
        "{} — {} — {}",
        i18n::removal_title(lang, index),
        framework.names().get(lang),
        input::data_label(&scored.input, lang)
    );
    let mut table = Table::new(
        i18n::removal_table(lang),
        i18n::columns(
            lang,
            &[
                i18n::code,
                i18n::name,
                i18n::mean_shift,
                i18n::max_shift,
                i18n::most_moved,
            ],
        ),
    );
    let mut order: Vec<&Removal> = removals.iter().collect();
    order.sort_by(|a, b| b.mean_abs_shift.total_cmp(&a.mean_abs_shift));
    for removal in order {
        let name = framework
            .find(&removal.removed)
            .map(|id| framework.node(id).names.get(lang).to_string())
            .unwrap_or_default();
        if let Some(reason) = &removal.refused {
            table.push(vec![
                Cell::text(&removal.removed),
                Cell::text(name),
                Cell::Empty,
                Cell::Empty,
                Cell::text(format!("{}: {reason}", i18n::refused(lang))),
            ]);
            continue;
        }
        let mut moved: Vec<(usize, i64)> = removal
            .shifts
            .iter()
            .enumerate()
            .filter_map(|(u, s)| s.filter(|s| *s != 0).map(|s| (u, s)))
            .collect();
        moved.sort_by_key(|&(u, s)| (std::cmp::Reverse(s.abs()), u));
        let most: Vec<String> = moved
            .iter()
            .take(3)
            .map(|&(u, s)| {
                let label = units.get(u).map_or("", |unit| unit.label());
                format!("{label} {}", rank_move(-s, color))
            })
            .collect();
        table.push(vec![
            Cell::text(&removal.removed),
            Cell::text(name),
            Cell::number(Some(removal.mean_abs_shift), 2),
            Cell::Integer(removal.max_abs_shift.into()),
            Cell::text(most.join(", ")),
        ]);
    }
    Document {
        heading,
        lead: vec![i18n::removal_explained(lang, index)],
        tables: vec![table],
        closing: Vec::new(),
    }
}

/// One row per removed node and unit.
fn long_table(scored: &Scored, nominal: &[Option<u32>], removals: &[Removal], lang: Lang) -> Table {
    let mut table = Table::new(
        i18n::removal_table(lang),
        i18n::columns(
            lang,
            &[
                i18n::node,
                i18n::unit,
                i18n::unit_name,
                i18n::old_rank,
                i18n::new_rank,
                i18n::rank_move,
            ],
        ),
    );
    for removal in removals {
        for (u, shift) in removal.shifts.iter().enumerate() {
            let unit = &scored.input.dataset.units()[u];
            let old = nominal.get(u).copied().flatten();
            let new = match (old, shift) {
                (Some(old), Some(shift)) => Some(i64::from(old) + shift),
                _ => None,
            };
            table.push(vec![
                Cell::text(&removal.removed),
                Cell::text(&unit.code),
                Cell::text(unit.name.clone().unwrap_or_default()),
                old.map_or(Cell::Empty, |r| Cell::Integer(r.into())),
                new.map_or(Cell::Empty, Cell::Integer),
                shift.map_or(Cell::Empty, |s| Cell::Integer(-s)),
            ]);
        }
    }
    table
}
