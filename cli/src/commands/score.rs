//! `dti score`: every unit's index, pillars and main indicators, with ranks.

use std::path::PathBuf;

use clap::Args;
use dti_core::score::{NodeInfo, POINTS_DECIMALS, shown_points, shown_points_hundredths};
use dti_core::text::{push_decimal, push_integer, push_scaled, write_decimal, write_integer};
use dti_core::{Framework, Lang, NodeResult, Results, Status, round_to};
use serde::Serialize;

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
    /// Show only this unit, by code or name (its ranks stay those among every unit)
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// A ranking: one line per unit with the indices (DTI and pillars) and their ranks
    #[arg(long)]
    pub summary: bool,
    /// With --summary: the code to rank by, such as DTI, CQS, KTS, XHS or an indicator
    /// (ties keep the order of the main index) [default: the main index]
    #[arg(long, value_name = "CODE", requires = "summary")]
    pub sort: Option<String>,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti score`.
pub(crate) fn run(args: &ScoreArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let data = input::required(args.data.as_deref(), "score", lang)?;
    // An output file that is there already (and no --force) is refused before a million rows
    // are read and scored, with the refusal writing it would give.
    if let Some(path) = args.output.file()
        && !args.output.force
        && std::fs::symlink_metadata(path).is_ok()
    {
        let framework = args.source.framework.as_deref();
        let framework = framework.filter(|id| dti_core::embedded::framework(id).is_none());
        let inputs = [Some(data), framework.map(std::path::Path::new)];
        let inputs: Vec<&std::path::Path> = inputs.into_iter().flatten().collect();
        output::check_target(path, false, &inputs, lang)?;
    }
    let mut input = input::read_data(data, args.source.sheet.as_deref(), lang)?;
    let (framework, framework_path) =
        input::read_framework(args.source.framework.as_deref(), input.framework, lang)?;
    let main = &framework.node(framework.main_index()).code;
    let sort = input::node_code(&framework, args.sort.as_deref().unwrap_or(main), lang)?;
    let sort = sort.as_str();
    let unit = match &args.unit {
        Some(wanted) => {
            let position = input::find_unit(&input.dataset, Some(wanted), lang)?;
            Some(input.dataset.units()[position].code.clone())
        }
        None => None,
    };
    let checked = input::check(&input, &framework);
    // Everything shown from here on comes from the results and the checked table: the values
    // as read are let go before scoring, which matters for a million rows.
    input.dataset = input.dataset.without_values();
    let (results, issues) = input::score_checked(&input, &framework, checked, lang)?;
    input::report_warnings(&issues, &input, context);
    // The units selected: all, or the one --unit names (ranked among all of them).
    let selected: Vec<usize> = (0..results.units.len())
        .filter(|&u| {
            unit.as_ref()
                .is_none_or(|code| results.units[u].has_code(code))
        })
        .collect();

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let protected = input::protected([&input.path, &framework_path]);
    if args.summary {
        let summary = Summary::new(&framework, &results, sort, &selected);
        let bytes = match format {
            TableFormat::Table => summary.to_terminal(&framework, &input, lang, color),
            TableFormat::Markdown => summary.to_markdown(&framework, &input, lang),
            TableFormat::Csv => summary.table(lang, false).to_csv(lang)?,
            TableFormat::Json => output::to_json(&summary.to_json(), lang)?,
            TableFormat::Xlsx => {
                output::refuse_binary_on_terminal(&args.output, lang)?;
                output::to_xlsx(&[&summary.table(lang, false)], lang)?
            }
        };
        output::emit(&bytes, &args.output, &protected, lang)?;
        return Ok(Outcome::Success);
    }
    // CSV and JSON are written as they are produced: a million units' rows are never held
    // as text in memory.
    let bytes = match format {
        TableFormat::Json => {
            return output::emit_with(&args.output, &protected, lang, |out| match &unit {
                None => write_json(out, &results),
                Some(_) => write_json(out, &results.select(&selected)),
            })
            .map(|()| Outcome::Success);
        }
        TableFormat::Csv => {
            return output::emit_with(&args.output, &protected, lang, |out| {
                write_long_csv(out, &framework, &results, &selected, lang)
            })
            .map(|()| Outcome::Success);
        }
        TableFormat::Table => {
            terminal(&framework, &input, &results, &selected, lang, color).into_bytes()
        }
        TableFormat::Markdown => {
            markdown(&framework, &input, &results, &selected, lang).into_bytes()
        }
        TableFormat::Xlsx => {
            output::refuse_binary_on_terminal(&args.output, lang)?;
            output::to_xlsx(&[&long_table(&framework, &results, &selected, lang)], lang)?
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

/// One table per unit selected (`selected` holds positions in the results): every node with its
/// value, rank, points and points lost.
fn unit_tables(
    framework: &Framework,
    results: &Results,
    selected: &[usize],
    lang: Lang,
) -> Vec<Table> {
    let n = results.units.len();
    let precision = results.precision;
    selected
        .iter()
        .map(|&unit| {
            let mut table = Table::new(
                unit_heading(&results.units[unit]),
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
                let (info, node) = (&results.nodes[position], results.result(unit, position));
                let (points, lost) = shown(&node, info);
                table.push(vec![
                    Cell::text(&*info.code),
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
    selected: &[usize],
    lang: Lang,
    color: bool,
) -> String {
    let mut out = format!(
        "{}\n",
        output::paint(color, "1", &title(framework, input, lang))
    );
    for table in unit_tables(framework, results, selected, lang) {
        out.push('\n');
        out.push_str(&table.to_terminal(lang, color));
    }
    out
}

fn markdown(
    framework: &Framework,
    input: &Input,
    results: &Results,
    selected: &[usize],
    lang: Lang,
) -> String {
    let mut out = format!("# {}\n", output::visible(&title(framework, input, lang)));
    for table in unit_tables(framework, results, selected, lang) {
        out.push('\n');
        out.push_str(&table.to_markdown(lang, 2));
    }
    out
}

/// One row per unit selected and node, for spreadsheets and programs.
fn long_table(framework: &Framework, results: &Results, selected: &[usize], lang: Lang) -> Table {
    let mut table = Table::new(i18n::results(lang), long_headers(lang));
    let order = display_order(framework, results);
    for &unit in selected {
        for &position in &order {
            let row = long_row(results, unit, position, lang);
            table.push(row.iter().map(Cell::to_owned).collect());
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

/// One row of the long table: the result of the unit in position `unit` at the node in
/// position `position`, its text borrowed from the results.
fn long_row(results: &Results, unit: usize, position: usize, lang: Lang) -> [Cell<&str>; 11] {
    let (info, node) = (&results.nodes[position], results.result(unit, position));
    let (points, lost) = shown(&node, info);
    let unit = &results.units[unit];
    [
        Cell::Text(&unit.code),
        Cell::Text(unit.name.as_deref().unwrap_or_default()),
        unit.year.map_or(Cell::Empty, |y| Cell::Integer(y.into())),
        Cell::Text(&info.code),
        Cell::Text(info.names.get(lang)),
        Cell::number(node.value, results.precision),
        node.rank.map_or(Cell::Empty, |r| Cell::Integer(r.into())),
        Cell::number(points, POINTS_DECIMALS),
        Cell::number(info.max_points, 0),
        Cell::number(lost, POINTS_DECIMALS),
        Cell::Text(i18n::status(lang, node.status)),
    ]
}

/// The long table as CSV, the bytes [`output::write_csv`] gives for its rows
/// ([`long_row`]), written in pieces: each node's code, name and maximum points and each
/// status once, each unit's code, name and year once for all its rows, numbers straight into
/// the text. A million units make thirteen million rows.
fn write_long_csv(
    out: &mut dyn std::io::Write,
    framework: &Framework,
    results: &Results,
    selected: &[usize],
    lang: Lang,
) -> std::io::Result<()> {
    let separator = char::from(output::delimiter(lang));
    let order = display_order(framework, results);
    // Per node: the node's code and name, each followed by the separator; its maximum points.
    let nodes: Vec<(String, String)> = order
        .iter()
        .map(|&position| {
            let info = &results.nodes[position];
            let mut cells = String::new();
            output::push_csv_text(&mut cells, &info.code, lang);
            cells.push(separator);
            output::push_csv_text(&mut cells, info.names.get(lang), lang);
            cells.push(separator);
            let mut max = String::new();
            if let Some(points) = info.max_points.filter(|p| p.is_finite()) {
                write_decimal(&mut max, points, 0, lang);
            }
            (cells, max)
        })
        .collect();
    let status = |status: Status| {
        let mut cell = String::new();
        output::push_csv_text(&mut cell, i18n::status(lang, status), lang);
        cell.push('\n');
        cell
    };
    // One cell per status, each ending its row; the match names every status, so a new one
    // cannot end up without its cell (and its row without its line end).
    let (scored, as_zero) = (status(Status::Scored), status(Status::MissingAsZero));
    let (missing, low) = (status(Status::Missing), status(Status::LowAvailability));
    let status_cell = |s: Status| match s {
        Status::Scored => &scored,
        Status::MissingAsZero => &as_zero,
        Status::Missing => &missing,
        Status::LowAvailability => &low,
    };
    let number = |text: &mut Vec<u8>, value: Option<f64>, decimals: u32| {
        if let Some(value) = value.filter(|v| v.is_finite()) {
            push_decimal(text, value, decimals, lang);
        }
    };
    let separator = separator as u8;
    let fill = |block: &[usize], text: &mut Vec<u8>| {
        let mut unit_cells = String::new();
        for &unit in block {
            let info = &results.units[unit];
            unit_cells.clear();
            output::push_csv_text(&mut unit_cells, &info.code, lang);
            unit_cells.push(char::from(separator));
            output::push_csv_text(
                &mut unit_cells,
                info.name.as_deref().unwrap_or_default(),
                lang,
            );
            unit_cells.push(char::from(separator));
            if let Some(year) = info.year {
                write_integer(&mut unit_cells, year.into());
            }
            unit_cells.push(char::from(separator));
            for (&position, (node_cells, max)) in order.iter().zip(&nodes) {
                text.extend_from_slice(unit_cells.as_bytes());
                text.extend_from_slice(node_cells.as_bytes());
                number(text, results.values(position).get(unit), results.precision);
                text.push(separator);
                if let Some(rank) = results.rank(unit, position) {
                    push_integer(text, rank.into());
                }
                text.push(separator);
                let max_points = results.nodes[position].max_points;
                match results.points(unit, position).zip(max_points) {
                    Some(((points, _), top)) => match shown_points_hundredths(points, top) {
                        // The same bytes as `shown_points` printed (a property test in the
                        // core), without its divisions.
                        Some((points, lost)) => {
                            push_scaled(text, points, POINTS_DECIMALS, lang);
                            text.push(separator);
                            text.extend_from_slice(max.as_bytes());
                            text.push(separator);
                            push_scaled(text, lost, POINTS_DECIMALS, lang);
                        }
                        None => {
                            let (points, lost) = shown_points(points, top);
                            number(text, Some(points), POINTS_DECIMALS);
                            text.push(separator);
                            text.extend_from_slice(max.as_bytes());
                            text.push(separator);
                            number(text, Some(lost), POINTS_DECIMALS);
                        }
                    },
                    None => {
                        text.push(separator);
                        text.extend_from_slice(max.as_bytes());
                        text.push(separator);
                    }
                }
                text.push(separator);
                text.extend_from_slice(status_cell(results.statuses(position)[unit]).as_bytes());
            }
        }
    };
    output::write_csv_blocks(out, &long_headers(lang), selected, lang, fill)
}

/// The ranking view of `dti score --summary`: one line per unit, in the order of its rank at
/// the sorting node, with the framework's headline nodes (the DTI and its pillars) and the
/// sorting node when it is not one of them.
struct Summary<'a> {
    results: &'a Results,
    /// The code the units are sorted by.
    sort: &'a str,
    /// The positions in the results of the nodes shown.
    columns: Vec<usize>,
    /// The positions of the units, in the order shown.
    order: Vec<usize>,
}

/// One unit's line of the ranking, for programs.
#[derive(Serialize)]
struct SummaryUnit<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    nodes: Vec<SummaryNode<'a>>,
}

/// One node's value (at the results' precision) and rank in a line of the ranking.
#[derive(Serialize)]
struct SummaryNode<'a> {
    code: &'a str,
    value: Option<f64>,
    rank: Option<u32>,
}

/// The ranking, for programs.
#[derive(Serialize)]
struct SummaryJson<'a> {
    framework: &'a str,
    precision: u32,
    sort: &'a str,
    units: Vec<SummaryUnit<'a>>,
}

impl<'a> Summary<'a> {
    /// The ranking of the units `selected` (positions in `results`) by the node `sort` (a code
    /// the framework has).
    fn new(
        framework: &Framework,
        results: &'a Results,
        sort: &'a str,
        selected: &[usize],
    ) -> Summary<'a> {
        let position = |code: &str| results.node_position(code);
        let mut columns: Vec<usize> = framework
            .headline()
            .into_iter()
            .filter_map(|id| position(&framework.node(id).code))
            .collect();
        let by = position(sort).unwrap_or_default();
        if !columns.contains(&by) {
            columns.push(by);
        }
        let main = position(&framework.node(framework.main_index()).code).unwrap_or(by);
        Summary {
            results,
            sort,
            columns,
            order: {
                let mut wanted = vec![false; results.units.len()];
                for &unit in selected {
                    wanted[unit] = true;
                }
                let mut order = results.ranking(by, main);
                order.retain(|&unit| wanted[unit]);
                order
            },
        }
    }

    /// Code, name, then each node's value and rank: for people as `3/63`, as in every table of
    /// the tool, else as a number for spreadsheets.
    fn table(&self, lang: Lang, for_people: bool) -> Table {
        let n = self.results.units.len();
        let mut headers = i18n::columns(lang, &[i18n::code, i18n::name]);
        for &column in &self.columns {
            let code = &self.results.nodes[column].code;
            headers.push(code.to_string());
            headers.push(i18n::rank_at(lang, code));
        }
        let mut table = Table::new(i18n::ranking_by(lang, self.sort), headers);
        for &unit in &self.order {
            let info = &self.results.units[unit];
            let mut row = vec![
                Cell::text(&info.code),
                Cell::text(info.name.clone().unwrap_or_default()),
            ];
            for &column in &self.columns {
                let value = self.results.values(column).get(unit);
                row.push(Cell::number(value, self.results.precision));
                row.push(match self.results.rank(unit, column) {
                    Some(rank) if for_people => Cell::text(format!("{rank}/{n}")),
                    Some(rank) => Cell::Integer(rank.into()),
                    None => Cell::Empty,
                });
            }
            table.push(row);
        }
        table
    }

    /// One title line (what the ranking is by, the data, the framework's id), the table's
    /// header and one line per unit.
    fn to_terminal(
        &self,
        framework: &Framework,
        input: &Input,
        lang: Lang,
        color: bool,
    ) -> Vec<u8> {
        let mut table = self.table(lang, true);
        table.title = format!(
            "{} — {} ({})",
            table.title,
            input::data_label(input, lang),
            framework.id()
        );
        table.to_terminal(lang, color).into_bytes()
    }

    fn to_markdown(&self, framework: &Framework, input: &Input, lang: Lang) -> Vec<u8> {
        let table = self.table(lang, true);
        format!(
            "# {}\n\n{}",
            output::visible(&title(framework, input, lang)),
            table.to_markdown(lang, 2)
        )
        .into_bytes()
    }

    fn to_json(&self) -> SummaryJson<'_> {
        let precision = self.results.precision;
        SummaryJson {
            framework: &self.results.framework,
            precision,
            sort: self.sort,
            units: self
                .order
                .iter()
                .map(|&unit| {
                    let info = &self.results.units[unit];
                    SummaryUnit {
                        code: &info.code,
                        name: info.name.as_deref(),
                        year: info.year,
                        nodes: self
                            .columns
                            .iter()
                            .map(|&column| SummaryNode {
                                code: &self.results.nodes[column].code,
                                value: self
                                    .results
                                    .values(column)
                                    .get(unit)
                                    .map(|v| round_to(v, precision)),
                                rank: self.results.rank(unit, column),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The long CSV written in pieces is, byte for byte, its rows written cell by cell: names
    /// to quote and to neutralise, missing values, units without a year, both languages.
    #[test]
    fn long_csv_is_its_rows_written_cell_by_cell() {
        let framework = dti_core::embedded::default_framework();
        let text = "code,name,year,I1,I2,I3,I4,I5,I7,I8,I9\n\
                    22,\"Huế, Thừa Thiên\",2022,0.9581,0.9,0.7648,0.625,0.5382,0.8385,0.5904,0.4505\n\
                    =1+1,\"say \"\"hi\"\"; now\",,0.5,,0.5,0.5,0.5,0.2,,\n\
                    -3,'quoted,2023,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8\n\
                    49,,1999,,,,,,,,\n";
        let data = dti_core::Dataset::from_csv(text, None).dataset;
        let results = dti_core::score(&framework, &data).unwrap();
        assert_eq!(results.units.len(), 4);
        for selected in [vec![0, 1, 2, 3], vec![3, 1]] {
            for lang in [Lang::Vi, Lang::En] {
                let order = display_order(&framework, &results);
                let rows = selected.iter().flat_map(|&unit| {
                    let results = &results;
                    order
                        .iter()
                        .map(move |&position| long_row(results, unit, position, lang))
                });
                let (mut cell_by_cell, mut in_pieces) = (Vec::new(), Vec::new());
                output::write_csv(&mut cell_by_cell, &long_headers(lang), rows, lang).unwrap();
                write_long_csv(&mut in_pieces, &framework, &results, &selected, lang).unwrap();
                assert_eq!(
                    String::from_utf8(in_pieces).unwrap(),
                    String::from_utf8(cell_by_cell).unwrap()
                );
            }
        }
    }
}
