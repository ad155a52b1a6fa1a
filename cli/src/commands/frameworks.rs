//! `dti frameworks`: the embedded frameworks and data sets, or one framework in detail.

use clap::{Args, ValueEnum};
use dti_core::{Dataset, Framework, Lang, NodeKind, embedded};
use serde::Serialize;

use crate::error::Error;
use crate::input;
use crate::output::{self, Cell, Table, paint};
use crate::{Context, Outcome, OutputArgs, i18n};
use dti_core::template::range_text as range;

/// The formats of `dti frameworks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FrameworksFormat {
    /// Aligned columns for the terminal
    Table,
    /// Markdown tables
    Markdown,
    /// JSON, for programs
    Json,
}

/// Arguments of `dti frameworks`.
#[derive(Clone, Debug, Args)]
pub(crate) struct FrameworksArgs {
    /// Show this framework in detail: an embedded id or a TOML/JSON file
    #[arg(value_name = "ID|FILE")]
    pub framework: Option<String>,
    /// List every detail: each framework's source and indices, each data set's notes (the
    /// list fits in 100 columns without it)
    #[arg(long)]
    pub long: bool,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: FrameworksFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The width the short listing fits in on a terminal.
const SHORT_WIDTH: usize = 100;

#[derive(Serialize)]
struct Listing<'a> {
    default: &'a str,
    frameworks: Vec<FrameworkEntry<'a>>,
    datasets: Vec<DatasetEntry<'a>>,
}

#[derive(Serialize)]
struct FrameworkEntry<'a> {
    id: &'a str,
    name: &'a str,
    source: Option<&'a str>,
    indicators: usize,
    indices: Vec<&'a str>,
}

#[derive(Serialize)]
struct DatasetEntry<'a> {
    file: &'a str,
    framework: &'a str,
    units: usize,
}

/// Runs `dti frameworks`.
pub(crate) fn run(args: &FrameworksArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let color = context.color && args.output.output.is_none();
    let (text, protected) = match &args.framework {
        None => (list(args.format, args.long, lang, color)?, Vec::new()),
        Some(id) => {
            let (framework, path) = input::read_framework(Some(id), None, lang)?;
            (show(&framework, args.format, lang, color)?, vec![path])
        }
    };
    let protected = input::protected(protected.iter());
    output::emit(text.as_bytes(), &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

fn json(value: &impl Serialize, lang: Lang) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Usage(i18n::cannot_format(lang, "JSON", &e.to_string())))?;
    text.push('\n');
    Ok(text)
}

fn render(
    tables: &[Table],
    heading: &str,
    format: FrameworksFormat,
    lang: Lang,
    color: bool,
) -> String {
    let mut out = String::new();
    match format {
        FrameworksFormat::Markdown => {
            if !heading.is_empty() {
                out.push_str(&format!("# {}\n\n", output::shown(heading)));
            }
            for (i, table) in tables.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&table.to_markdown(lang, 2));
            }
        }
        _ => {
            if !heading.is_empty() {
                out.push_str(&paint(color, "1", heading));
                out.push('\n');
            }
            for (i, table) in tables.iter().enumerate() {
                if i > 0 || !heading.is_empty() {
                    out.push('\n');
                }
                out.push_str(&table.to_terminal(lang, color));
            }
        }
    }
    out
}

fn list(format: FrameworksFormat, long: bool, lang: Lang, color: bool) -> Result<String, Error> {
    let frameworks: Vec<Framework> = embedded::FRAMEWORKS
        .iter()
        .filter_map(|(id, _)| embedded::framework(id))
        .collect();
    let datasets: Vec<(&str, &str, Dataset)> = embedded::DATASETS
        .iter()
        .map(|(file, framework, text)| {
            (
                *file,
                *framework,
                Dataset::from_csv(text, Some(file)).dataset,
            )
        })
        .collect();
    if format == FrameworksFormat::Json {
        let listing = Listing {
            default: embedded::DEFAULT_FRAMEWORK,
            frameworks: frameworks
                .iter()
                .map(|f| FrameworkEntry {
                    id: f.id(),
                    name: f.names().get(lang),
                    source: f.source(),
                    indicators: f.indicators().count(),
                    indices: f
                        .indices()
                        .iter()
                        .map(|&i| f.node(i).code.as_str())
                        .collect(),
                })
                .collect(),
            datasets: datasets
                .iter()
                .map(|(file, framework, data)| DatasetEntry {
                    file,
                    framework,
                    units: data.units().len(),
                })
                .collect(),
        };
        return json(&listing, lang);
    }
    let tables = match (long, format) {
        (true, _) => long_tables(&frameworks, &datasets, lang),
        (false, FrameworksFormat::Table) => short_tables(&frameworks, &datasets, lang)
            .iter()
            .map(|table| table.wrap_last(lang, SHORT_WIDTH))
            .collect(),
        (false, _) => short_tables(&frameworks, &datasets, lang),
    };
    Ok(render(&tables, "", format, lang, color))
}

/// An embedded framework's id, marked when it is the default.
fn marked_id(framework: &Framework, lang: Lang) -> String {
    let mut id = framework.id().to_string();
    if id == embedded::DEFAULT_FRAMEWORK {
        id.push_str(&format!(" ({})", i18n::default_mark(lang)));
    }
    id
}

/// The short listing: each framework's id, count of indicators, maximum points and name (on a
/// terminal, wrapped to fit in 100 columns); each data set's file, framework and units.
fn short_tables(
    frameworks: &[Framework],
    datasets: &[(&str, &str, Dataset)],
    lang: Lang,
) -> Vec<Table> {
    let mut table = Table::new(
        i18n::embedded_frameworks(lang),
        i18n::columns(
            lang,
            &[i18n::id, i18n::indicators, i18n::max_points, i18n::name],
        ),
    );
    for framework in frameworks {
        table.push(vec![
            Cell::text(marked_id(framework, lang)),
            Cell::Integer(framework.indicators().count() as i64),
            Cell::number(framework.node(framework.main_index()).points, 0),
            Cell::text(framework.names().get(lang)),
        ]);
    }
    let mut data = Table::new(
        i18n::embedded_data(lang),
        i18n::columns(lang, &[i18n::file, i18n::framework, i18n::unit_name]),
    );
    for (file, framework, dataset) in datasets {
        let units = dataset.units();
        let mut summary = if units.len() <= 3 {
            let names: Vec<&str> = units.iter().map(|u| u.label()).collect();
            names.join(", ")
        } else {
            format!("{} {}", units.len(), i18n::units_word(lang))
        };
        if input::is_synthetic(dataset) {
            summary.push_str(&format!(" · {}", i18n::synthetic(lang)));
        }
        data.push(vec![
            Cell::text(*file),
            Cell::text(*framework),
            Cell::text(summary),
        ]);
    }
    vec![table, data]
}

/// The full listing (`--long`): each framework's source and indices, each data set's notes.
fn long_tables(
    frameworks: &[Framework],
    datasets: &[(&str, &str, Dataset)],
    lang: Lang,
) -> Vec<Table> {
    let mut table = Table::new(
        i18n::embedded_frameworks(lang),
        i18n::columns(
            lang,
            &[
                i18n::id,
                i18n::name,
                i18n::source,
                i18n::indicators,
                i18n::indices,
            ],
        ),
    );
    for framework in frameworks {
        let indices: Vec<&str> = framework
            .indices()
            .iter()
            .map(|&i| framework.node(i).code.as_str())
            .collect();
        table.push(vec![
            Cell::text(marked_id(framework, lang)),
            Cell::text(framework.names().get(lang)),
            Cell::text(framework.source().unwrap_or("")),
            Cell::Integer(framework.indicators().count() as i64),
            Cell::text(indices.join(", ")),
        ]);
    }
    let mut data = Table::new(
        i18n::embedded_data(lang),
        i18n::columns(lang, &[i18n::file, i18n::framework, i18n::unit_name]),
    );
    for (file, framework, dataset) in datasets {
        // A few units are named; a large set is summed up with its first note (which says,
        // for the demonstration set, that its values are synthetic).
        let units = dataset.units();
        let summary = if units.len() <= 3 {
            units
                .iter()
                .map(|u| u.label())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            let note = dataset
                .notes()
                .first()
                .and_then(|n| n.split(':').next())
                .unwrap_or("");
            format!("{} {}; {note}", units.len(), i18n::units_word(lang))
        };
        data.push(vec![
            Cell::text(*file),
            Cell::text(*framework),
            Cell::text(summary),
        ]);
    }
    vec![table, data]
}

fn show(
    framework: &Framework,
    format: FrameworksFormat,
    lang: Lang,
    color: bool,
) -> Result<String, Error> {
    if format == FrameworksFormat::Json {
        return json(framework, lang);
    }
    let mut heading = format!("{} ({})", framework.names().get(lang), framework.id());
    if let Some(source) = framework.source() {
        heading.push_str(&format!("\n{}: {source}", i18n::source(lang)));
    }
    if let Some(description) = framework.description() {
        heading.push_str(&format!("\n{}", description.get(lang)));
    }
    let mut table = Table::new(
        String::new(),
        i18n::columns(
            lang,
            &[
                i18n::code,
                i18n::kind,
                i18n::name,
                i18n::measure,
                i18n::range,
                i18n::max_points,
                i18n::rule,
                i18n::children,
            ],
        ),
    );
    let indices = framework.indices();
    let order = indices
        .iter()
        .copied()
        .chain((0..framework.nodes().len()).filter(|id| !indices.contains(id)));
    for id in order {
        let node = framework.node(id);
        let kind = if indices.contains(&id) {
            i18n::index_kind(lang)
        } else if node.is_indicator() {
            i18n::indicator_kind(lang)
        } else {
            i18n::aggregate_kind(lang)
        };
        let (measure, allowed, rule, children) = match &node.kind {
            NodeKind::Indicator { rule } => (
                node.unit.label(lang).to_string(),
                range(node.range, node.unit.symbol(), lang),
                dti_core::words::rule(rule, lang),
                String::new(),
            ),
            NodeKind::Aggregate { method, children } => {
                let parts: Vec<String> = children
                    .iter()
                    .map(|edge| {
                        let code = &framework.node(edge.child).code;
                        if edge.weight == 1.0 {
                            code.clone()
                        } else {
                            format!("{code}×{}", i18n::number(edge.weight, lang))
                        }
                    })
                    .collect();
                (
                    String::new(),
                    String::new(),
                    dti_core::words::aggregation(*method, lang),
                    parts.join(" "),
                )
            }
        };
        table.push(vec![
            Cell::text(&node.code),
            Cell::text(kind),
            Cell::text(node.names.get(lang)),
            Cell::text(measure),
            Cell::text(allowed),
            Cell::number(node.points, 0),
            Cell::text(rule),
            Cell::text(children),
        ]);
    }
    Ok(render(&[table], &heading, format, lang, color))
}
