//! `dti compare`: two data files (e.g. two years) scored with one framework; the change of
//! every node of every unit, and rank moves.

use std::path::PathBuf;

use clap::Args;
use dti_core::dataset::{same_unit_code, same_unit_name};
use dti_core::{Framework, Lang, Results, round_to};
use serde::Serialize;

use crate::error::Error;
use crate::input;
use crate::output::{self, Cell, Table, TableFormat, paint, rank_move};
use crate::output::{display_order, unit_heading};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Arguments of `dti compare`.
#[derive(Clone, Debug, Args)]
pub(crate) struct CompareArgs {
    /// The earlier data file (CSV, JSON or .xlsx)
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later data file (CSV, JSON or .xlsx)
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The comparison of two scored data sets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct Comparison {
    /// The framework's id.
    pub framework: String,
    /// The earlier file.
    pub old: String,
    /// The later file.
    pub new: String,
    /// True when both files hold the same units (codes matched as GSO codes are); rank
    /// moves are shown only for nodes that rank the same units in both.
    pub same_units: bool,
    /// Every unit of either file: those of the later file first, in its order.
    pub units: Vec<UnitChange>,
}

/// Whether a unit is in both files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Presence {
    /// In both.
    Both,
    /// In the second (later) file only: not in the first.
    OnlyNew,
    /// In the first (earlier) file only: not in the second.
    OnlyOld,
}

/// One unit's changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct UnitChange {
    /// The unit's code.
    pub code: String,
    /// Its name (from the later file when it has one).
    pub name: Option<String>,
    /// Its name in the earlier file, when that differs (beyond letter case and spaces): the
    /// same code for another unit in one of the files, most likely.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_name: Option<String>,
    /// The years of the two files, when given.
    pub years: [Option<i32>; 2],
    /// Whether the unit is in both files.
    pub presence: Presence,
    /// One entry per node, indices first.
    pub nodes: Vec<NodeChange>,
}

/// One node's change, on published values (rounded to the framework's precision).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct NodeChange {
    /// The node's code.
    pub code: String,
    /// The earlier value.
    pub old: Option<f64>,
    /// The later value.
    pub new: Option<f64>,
    /// Later minus earlier.
    pub change: Option<f64>,
    /// The earlier rank.
    pub old_rank: Option<u32>,
    /// How many units the earlier file ranks on this node.
    pub old_rank_of: u32,
    /// The later rank.
    pub new_rank: Option<u32>,
    /// How many units the later file ranks on this node.
    pub new_rank_of: u32,
    /// Places gained (positive) or lost (negative); only when both files rank the same
    /// units on this node, since a place among other units is no move.
    pub rank_move: Option<i64>,
}

/// Runs `dti compare`.
pub(crate) fn run(args: &CompareArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let sheet = args.source.sheet.as_deref();
    let old = input::read_data(&args.old, sheet, lang)?;
    let new = input::read_data(&args.new, sheet, lang)?;
    let (framework, framework_path) = input::read_framework(
        args.source.framework.as_deref(),
        new.framework.or(old.framework),
        lang,
    )?;
    // Both files are scored even when the first fails, so that every problem is listed.
    let scored = [&old, &new].map(|input| crate::input::score(input, &framework, lang));
    let [old_scored, new_scored] = scored;
    let ((old_results, old_issues), (new_results, new_issues)) = match (old_scored, new_scored) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(Error::Data(mut a)), Err(Error::Data(b))) => {
            a.extend(b);
            return Err(Error::Data(a));
        }
        (Err(error), _) | (_, Err(error)) => return Err(error),
    };
    crate::input::report_warnings(&old_issues, &old, context);
    crate::input::report_warnings(&new_issues, &new, context);
    let comparison = compare(&framework, &old_results, &new_results, &old.name, &new.name);

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let heading = format!(
        "{} — {} → {}",
        framework.names().get(lang),
        input::data_label(&old, lang),
        input::data_label(&new, lang)
    );
    let lead = lead(&comparison, lang);
    if matches!(format, TableFormat::Csv | TableFormat::Xlsx) {
        // A long table has no place for the lead: it goes to the terminal.
        let label = i18n::severity(lang, dti_core::Severity::Note);
        let label = paint(context.color_err, "1;36", label);
        for line in &lead {
            eprintln!("{label}: {}", output::visible(line));
        }
    }
    let bytes = match format {
        TableFormat::Json => {
            let mut text = serde_json::to_string_pretty(&comparison)
                .map_err(|e| Error::Usage(i18n::cannot_format(lang, "JSON", &e.to_string())))?;
            text.push('\n');
            text.into_bytes()
        }
        TableFormat::Table => {
            let mut out = format!("{}\n", paint(color, "1", &heading));
            for line in &lead {
                out.push_str(&format!("{line}\n"));
            }
            for table in unit_tables(&framework, &comparison, lang, color) {
                out.push('\n');
                out.push_str(&table.to_terminal(lang, color));
            }
            out.into_bytes()
        }
        TableFormat::Markdown => {
            let mut out = format!("# {}\n", output::visible(&heading));
            for line in &lead {
                out.push_str(&format!("\n{}\n", output::visible(line)));
            }
            for table in unit_tables(&framework, &comparison, lang, false) {
                out.push('\n');
                out.push_str(&table.to_markdown(lang, 2));
            }
            out.into_bytes()
        }
        TableFormat::Csv => long_table(&framework, &comparison, lang).to_csv(lang)?,
        TableFormat::Xlsx => {
            output::refuse_binary_on_terminal(&args.output, lang)?;
            output::to_xlsx(&[&long_table(&framework, &comparison, lang)], lang)?
        }
    };
    let protected = input::protected([&old.path, &new.path, &framework_path]);
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// Compares two results of the same framework, unit by unit (matched by code).
pub(crate) fn compare(
    framework: &Framework,
    old: &Results,
    new: &Results,
    old_name: &str,
    new_name: &str,
) -> Comparison {
    let order = display_order(framework, new);
    let precision = new.precision;
    let published = |v: Option<f64>| v.map(|v| round_to(v, precision));
    // For each node: how many units each file ranks, and whether they are the same units.
    let ranked = |results: &Results, code: &str| -> Vec<String> {
        let Some(position) = results.node_position(code) else {
            return Vec::new();
        };
        results
            .units
            .iter()
            .zip(results.ranks(position))
            .filter(|(_, rank)| rank.is_some())
            .map(|(unit, _)| unit.code.to_string())
            .collect()
    };
    let same = |a: &[String], b: &[String]| {
        a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| same_unit_code(x, y)))
    };
    let counts: Vec<(u32, u32, bool)> = order
        .iter()
        .map(|&position| {
            let code = &new.nodes[position].code;
            let (a, b) = (ranked(old, code), ranked(new, code));
            let count = |v: &[String]| u32::try_from(v.len()).unwrap_or(u32::MAX);
            (count(&a), count(&b), same(&a, &b))
        })
        .collect();
    let codes_of = |results: &Results| -> Vec<String> {
        results.units.iter().map(|u| u.code.to_string()).collect()
    };
    let same_units = same(&codes_of(old), &codes_of(new));
    let mut units = Vec::new();
    let mut codes: Vec<&str> = new.units.iter().map(|u| u.code.as_str()).collect();
    codes.extend(
        old.units
            .iter()
            .map(|u| u.code.as_str())
            .filter(|code| new.unit(code).is_none()),
    );
    for code in codes {
        let (before, after) = (old.unit(code), new.unit(code));
        let (before, after) = (before.as_ref(), after.as_ref());
        let presence = match (before, after) {
            (Some(_), Some(_)) => Presence::Both,
            (None, _) => Presence::OnlyNew,
            (_, None) => Presence::OnlyOld,
        };
        let old_name = before.and_then(|u| u.unit.name.as_deref());
        let new_name = after.and_then(|u| u.unit.name.as_deref());
        let name = new_name.or(old_name).map(String::from);
        let old_name = old_name
            .filter(|old| new_name.is_some_and(|new| !same_unit_name(old, new)))
            .map(String::from);
        let nodes = order
            .iter()
            .zip(&counts)
            .map(|(&position, &(old_rank_of, new_rank_of, comparable))| {
                let code = &new.nodes[position].code;
                let a = before.and_then(|u| u.node(code));
                let b = after.and_then(|u| u.node(code));
                let (old_value, new_value) = (
                    published(a.and_then(|n| n.value)),
                    published(b.and_then(|n| n.value)),
                );
                let (old_rank, new_rank) = (a.and_then(|n| n.rank), b.and_then(|n| n.rank));
                NodeChange {
                    code: code.to_string(),
                    old: old_value,
                    new: new_value,
                    change: old_value
                        .zip(new_value)
                        .map(|(a, b)| round_to(b - a, precision)),
                    old_rank,
                    old_rank_of,
                    new_rank,
                    new_rank_of,
                    rank_move: old_rank
                        .zip(new_rank)
                        .filter(|_| comparable)
                        .map(|(a, b)| i64::from(a) - i64::from(b)),
                }
            })
            .collect();
        units.push(UnitChange {
            code: code.to_string(),
            name,
            old_name,
            years: [
                before.and_then(|u| u.unit.year),
                after.and_then(|u| u.unit.year),
            ],
            presence,
            nodes,
        });
    }
    Comparison {
        framework: framework.id().to_string(),
        old: old_name.to_string(),
        new: new_name.to_string(),
        same_units,
        units,
    }
}

/// What the reader must know: that the first file is of a later year than the second (the
/// changes then run backwards in time), that a code names two different units in the two
/// files, and when the files hold different units, that ranks are out of each file's own
/// units and moves are not shown.
fn lead(comparison: &Comparison, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(years) = backwards(comparison) {
        lines.push(i18n::backwards_in_time(lang, years));
    }
    let renamed: Vec<[&str; 3]> = comparison
        .units
        .iter()
        .filter_map(|u| Some([u.code.as_str(), u.old_name.as_deref()?, u.name.as_deref()?]))
        .collect();
    if !renamed.is_empty() {
        lines.push(i18n::names_differ(lang, &renamed));
    }
    if comparison.same_units {
        return lines;
    }
    let count = |presence: Presence| {
        comparison
            .units
            .iter()
            .filter(|u| u.presence == Presence::Both || u.presence == presence)
            .count()
    };
    let only = |presence: Presence| -> Vec<&str> {
        comparison
            .units
            .iter()
            .filter(|u| u.presence == presence)
            .map(|u| u.code.as_str())
            .collect()
    };
    lines.push(i18n::different_units(
        lang,
        [count(Presence::OnlyOld), count(Presence::OnlyNew)],
        &only(Presence::OnlyOld),
        &only(Presence::OnlyNew),
    ));
    lines
}

/// The two files' years when the first file's is the later one (files given in the wrong
/// order, most likely): a file holds one year, so the first unit with both years tells.
fn backwards(comparison: &Comparison) -> Option<[i32; 2]> {
    comparison.units.iter().find_map(|unit| match unit.years {
        [Some(first), Some(second)] => (first > second).then_some([first, second]),
        _ => None,
    })
}

fn node_name(framework: &Framework, code: &str, lang: Lang) -> String {
    framework
        .find(code)
        .map(|id| framework.node(id).names.get(lang).to_string())
        .unwrap_or_default()
}

fn unit_tables(
    framework: &Framework,
    comparison: &Comparison,
    lang: Lang,
    color: bool,
) -> Vec<Table> {
    let precision = framework.precision();
    comparison
        .units
        .iter()
        .map(|unit| {
            let mut heading = unit_heading(&dti_core::UnitInfo {
                code: unit.code.as_str().into(),
                name: unit.name.as_deref().map(Into::into),
                ..dti_core::UnitInfo::default()
            });
            match (unit.presence, unit.years) {
                (Presence::OnlyNew, _) => heading.push_str(&format!(
                    " ({})",
                    i18n::not_in_first_file(lang, &comparison.old)
                )),
                (Presence::OnlyOld, _) => heading.push_str(&format!(
                    " ({})",
                    i18n::not_in_second_file(lang, &comparison.new)
                )),
                (Presence::Both, [Some(a), Some(b)]) => heading.push_str(&format!(": {a} → {b}")),
                (Presence::Both, _) => {}
            }
            let mut table = Table::new(heading, i18n::change_columns(lang));
            // Ranks with their denominators: 3/5 → 1/1.
            let rank = |rank: Option<u32>, of: u32| {
                rank.map_or(Cell::Empty, |r| Cell::text(format!("{r}/{of}")))
            };
            for node in &unit.nodes {
                table.push(vec![
                    Cell::text(&node.code),
                    Cell::text(node_name(framework, &node.code, lang)),
                    Cell::number(node.old, precision),
                    Cell::number(node.new, precision),
                    node.change.map_or(Cell::Empty, |value| Cell::Signed {
                        value,
                        decimals: precision,
                    }),
                    rank(node.old_rank, node.old_rank_of),
                    rank(node.new_rank, node.new_rank_of),
                    node.rank_move
                        .map_or(Cell::Empty, |m| Cell::text(rank_move(m, color))),
                ]);
            }
            table
        })
        .collect()
}

fn long_table(framework: &Framework, comparison: &Comparison, lang: Lang) -> Table {
    let precision = framework.precision();
    let mut table = Table::new(
        i18n::comparison(lang),
        i18n::columns(
            lang,
            &[
                i18n::unit,
                i18n::unit_name,
                i18n::node,
                i18n::node_name,
                i18n::old_value,
                i18n::new_value,
                i18n::change,
                i18n::old_rank,
                i18n::old_rank_of,
                i18n::new_rank,
                i18n::new_rank_of,
                i18n::rank_move,
            ],
        ),
    );
    for unit in &comparison.units {
        for node in &unit.nodes {
            table.push(vec![
                Cell::text(&unit.code),
                Cell::text(unit.name.clone().unwrap_or_default()),
                Cell::text(&node.code),
                Cell::text(node_name(framework, &node.code, lang)),
                Cell::number(node.old, precision),
                Cell::number(node.new, precision),
                Cell::number(node.change, precision),
                node.old_rank
                    .map_or(Cell::Empty, |r| Cell::Integer(r.into())),
                Cell::Integer(node.old_rank_of.into()),
                node.new_rank
                    .map_or(Cell::Empty, |r| Cell::Integer(r.into())),
                Cell::Integer(node.new_rank_of.into()),
                node.rank_move.map_or(Cell::Empty, Cell::Integer),
            ]);
        }
    }
    table
}
