//! `dti score`: every unit's index, pillars and main indicators, with ranks.

use std::path::PathBuf;

use clap::Args;
use dti_core::score::{NodeInfo, POINTS_DECIMALS, shown_points};
use dti_core::{Framework, Lang, NodeResult, Results, UnitResult};

use crate::error::Error;
use crate::input::{self, Input};
use crate::output::{self, Cell, Table, TableFormat, display_order, unit_heading};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti score`.
#[derive(Clone, Debug, Args)]
pub(crate) struct ScoreArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti score`.
pub(crate) fn run(args: &ScoreArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let input = input::read_data(
        input::required(args.data.as_deref(), "score", lang)?,
        args.source.sheet.as_deref(),
        lang,
    )?;
    let (framework, framework_path) =
        input::read_framework(args.source.framework.as_deref(), input.framework, lang)?;
    let (results, issues) = input::score(&input, &framework, lang)?;
    input::report_warnings(&issues, &input, context);

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let protected = input::protected([&input.path, &framework_path]);
    // CSV and JSON are written as they are produced: a million units' rows are never held
    // as text in memory.
    let bytes = match format {
        TableFormat::Json => {
            return output::emit_with(&args.output, &protected, lang, |out| {
                write_json(out, &results)
            })
            .map(|()| Outcome::Success);
        }
        TableFormat::Csv => {
            return output::emit_with(&args.output, &protected, lang, |out| {
                let (results, order) = (&results, display_order(&framework, &results));
                let rows = results.units.iter().flat_map(|unit| {
                    order
                        .iter()
                        .map(move |&position| long_row(results, unit, position, lang))
                });
                output::write_csv(out, &long_headers(lang), rows, lang).map_err(Into::into)
            })
            .map(|()| Outcome::Success);
        }
        TableFormat::Table => terminal(&framework, &input, &results, lang, color).into_bytes(),
        TableFormat::Markdown => markdown(&framework, &input, &results, lang).into_bytes(),
        TableFormat::Xlsx => {
            output::refuse_binary_on_terminal(&args.output, lang)?;
            output::to_xlsx(&[&long_table(&framework, &results, lang)], lang)?
        }
    };
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// The exact JSON contract shared with the web widget: the core's `Results`, pretty, with a
/// final newline.
fn write_json(out: &mut dyn std::io::Write, results: &Results) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, results)?;
    out.write_all(b"\n")
}

/// A node's points and points lost as printed: they add up to its maximum.
pub(crate) fn shown(node: &NodeResult, info: &NodeInfo) -> (Option<f64>, Option<f64>) {
    match (node.points, info.max_points) {
        (Some(points), Some(max)) => {
            let (points, lost) = shown_points(points, max);
            (Some(points), Some(lost))
        }
        _ => (node.points, node.points_lost),
    }
}

/// One table per unit: every node with its value, rank, points and points lost.
pub(crate) fn unit_tables(framework: &Framework, results: &Results, lang: Lang) -> Vec<Table> {
    let n = results.units.len();
    let precision = results.precision;
    results
        .units
        .iter()
        .map(|unit| {
            let mut table = Table::new(
                unit_heading(&unit.unit),
                i18n::columns(
                    lang,
                    &[
                        i18n::code,
                        i18n::name,
                        i18n::value,
                        i18n::rank,
                        i18n::points,
                        i18n::max_points,
                        i18n::points_lost,
                    ],
                ),
            );
            for position in display_order(framework, results) {
                let (info, node) = (&results.nodes[position], &unit.nodes[position]);
                let (points, lost) = shown(node, info);
                table.push(vec![
                    Cell::text(&info.code),
                    Cell::text(info.names.get(lang)),
                    Cell::number(node.value, precision),
                    node.rank
                        .map_or(Cell::Empty, |r| Cell::text(format!("{r}/{n}"))),
                    Cell::number(points, POINTS_DECIMALS),
                    Cell::number(info.max_points, 0),
                    Cell::number(lost, POINTS_DECIMALS),
                ]);
            }
            table
        })
        .collect()
}

fn title(framework: &Framework, input: &Input, lang: Lang) -> String {
    format!(
        "{} — {}",
        framework.names().get(lang),
        input::data_label(input, lang)
    )
}

fn terminal(
    framework: &Framework,
    input: &Input,
    results: &Results,
    lang: Lang,
    color: bool,
) -> String {
    let mut out = format!(
        "{}\n",
        output::paint(color, "1", &title(framework, input, lang))
    );
    for table in unit_tables(framework, results, lang) {
        out.push('\n');
        out.push_str(&table.to_terminal(lang, color));
    }
    out
}

fn markdown(framework: &Framework, input: &Input, results: &Results, lang: Lang) -> String {
    let mut out = format!("# {}\n", output::visible(&title(framework, input, lang)));
    for table in unit_tables(framework, results, lang) {
        out.push('\n');
        out.push_str(&table.to_markdown(lang, 2));
    }
    out
}

/// One row per unit and node, for spreadsheets and programs.
pub(crate) fn long_table(framework: &Framework, results: &Results, lang: Lang) -> Table {
    let mut table = Table::new(i18n::results(lang), long_headers(lang));
    let order = display_order(framework, results);
    for unit in &results.units {
        for &position in &order {
            table.push(long_row(results, unit, position, lang));
        }
    }
    table
}

/// The headers of the long table.
fn long_headers(lang: Lang) -> Vec<String> {
    i18n::columns(
        lang,
        &[
            i18n::unit,
            i18n::unit_name,
            i18n::year,
            i18n::node,
            i18n::node_name,
            i18n::value,
            i18n::rank,
            i18n::points,
            i18n::max_points,
            i18n::points_lost,
            i18n::status_label,
        ],
    )
}

/// One row of the long table: a unit's result at the node in `position`.
fn long_row(results: &Results, unit: &UnitResult, position: usize, lang: Lang) -> Vec<Cell> {
    let (info, node) = (&results.nodes[position], &unit.nodes[position]);
    let (points, lost) = shown(node, info);
    vec![
        Cell::text(&unit.unit.code),
        Cell::text(unit.unit.name.clone().unwrap_or_default()),
        unit.unit
            .year
            .map_or(Cell::Empty, |y| Cell::Integer(y.into())),
        Cell::text(&info.code),
        Cell::text(info.names.get(lang)),
        Cell::number(node.value, results.precision),
        node.rank.map_or(Cell::Empty, |r| Cell::Integer(r.into())),
        Cell::number(points, POINTS_DECIMALS),
        Cell::number(info.max_points, 0),
        Cell::number(lost, POINTS_DECIMALS),
        Cell::text(i18n::status(lang, node.status)),
    ]
}
