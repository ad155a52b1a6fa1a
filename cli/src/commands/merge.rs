//! `dti merge`: results of merged units (the 34 provinces of 1 July 2025, or any custom
//! mapping) from the former units' data, by the official mean and by pooling, side by side.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use dti_core::analysis::merge::{
    Mapping, Members, Method, Partial, merge, parse_mapping, parse_weights,
};
use dti_core::{Framework, Lang, NodeResult, Results, Value, embedded};
use serde::Serialize;

use crate::error::{Error, Issue, render_issues};
use crate::input::{self, Scored};
use crate::output::{self, Cell, Document, Table, TableFormat};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// Which merging methods to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MethodArg {
    /// The official DTI 2024 method: the plain mean of each indicator
    Mean,
    /// Rates pooled from numerators and denominators, else a mean weighted by --weights
    Pooled,
    /// Both, side by side
    Both,
}

/// Arguments of `dti merge`.
#[derive(Clone, Debug, Args)]
pub(crate) struct MergeArgs {
    /// The former units' data: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// A mapping file: CSV with columns new_unit, new_name, former_code (districts or
    /// communes merging work the same) [default: the 63 → 34 provinces of 1 July 2025]
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// The merging method
    #[arg(long, value_enum, default_value = "both")]
    pub method: MethodArg,
    /// Weights of the former units for pooling (population, enterprises …): a CSV file of
    /// lines `code,weight`
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
    /// Merge a unit whose former units the data has only in part from those it has (each
    /// such unit is flagged); without it, such a unit is an error
    #[arg(long)]
    pub allow_partial: bool,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What `--format json` writes.
#[derive(Debug, Serialize)]
struct MergeJson<'a> {
    data: &'a str,
    synthetic: bool,
    mapping: &'a Mapping,
    members: &'a [Members],
    #[serde(skip_serializing_if = "Option::is_none")]
    mean: Option<&'a Results>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pooled: Option<&'a Results>,
}

fn read_text(path: &Path, lang: Lang) -> Result<String, Error> {
    let name = path.display().to_string();
    std::fs::read_to_string(path).map_err(|e| {
        Error::Usage(if e.kind() == std::io::ErrorKind::NotFound {
            i18n::not_found(lang, &name)
        } else {
            i18n::cannot_read(lang, &name, &e)
        })
    })
}

/// Runs `dti merge`.
pub(crate) fn run(args: &MergeArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let scored = input::read_scored(
        input::required(args.data.as_deref(), "merge", lang)?,
        &args.source,
        context,
    )?;
    let (mapping_text, mapping_name) = match &args.mapping {
        Some(path) => (read_text(path, lang)?, path.display().to_string()),
        None => (
            embedded::MERGERS_2025.to_string(),
            "mergers-2025.csv".into(),
        ),
    };
    let mapping = parse_mapping(&mapping_text, Some(&mapping_name))
        .map_err(|failure| Error::File(Issue::all(failure.diagnostics, lang)))?;
    let weights = match &args.weights {
        Some(path) => {
            let name = path.display().to_string();
            parse_weights(&read_text(path, lang)?, Some(&name))
                .map_err(|failure| Error::File(Issue::all(failure.diagnostics, lang)))?
        }
        None => HashMap::new(),
    };
    let framework = &scored.framework;
    let dataset = &scored.input.dataset;
    let partial = if args.allow_partial {
        Partial::Accept
    } else {
        Partial::Refuse
    };
    let mut notes = Vec::new();
    let mut members = Vec::new();
    let mut run_method = |method: &Method| -> Result<Results, Error> {
        let merged = merge(framework, dataset, &mapping, method, partial)
            .map_err(|failure| Error::Data(scored.input.issues(failure.diagnostics, lang)))?;
        for diagnostic in merged.diagnostics {
            if !notes.contains(&diagnostic) {
                notes.push(diagnostic);
            }
        }
        members = merged.members;
        dti_core::compute(framework, &merged.table)
            .map_err(|failure| Error::Data(scored.input.issues(failure.diagnostics, lang)))
    };
    let mean = match args.method {
        MethodArg::Mean | MethodArg::Both => Some(run_method(&Method::Mean)?),
        MethodArg::Pooled => None,
    };
    let pooled = match args.method {
        MethodArg::Pooled | MethodArg::Both => Some(run_method(&Method::Pooled {
            weights: weights.clone(),
        })?),
        MethodArg::Mean => None,
    };
    if !notes.is_empty() {
        let issues = scored.input.issues(notes, lang);
        eprint!(
            "{}",
            render_issues(&issues, lang, context.color_err, false, context.max_errors)
        );
    }

    let format = TableFormat::choose(args.format, &args.output);
    let color = context.color && args.output.output.is_none();
    let has_ratios = (0..dataset.columns().len()).any(|c| {
        (0..dataset.units().len()).any(|u| {
            dataset
                .get(u, c)
                .is_some_and(|cell| matches!(cell.value, Value::Ratio { .. }))
        })
    });
    let methods: Vec<(&str, &Results)> = [
        (i18n::method_mean(lang), mean.as_ref()),
        (i18n::method_pooled(lang), pooled.as_ref()),
    ]
    .into_iter()
    .filter_map(|(name, results)| Some((name, results?)))
    .collect();
    let mut document = document(&scored, &mapping, &members, &methods, lang);
    let partial_units = members
        .iter()
        .filter(|m| !m.is_complete() && !m.has_no_data())
        .count();
    if partial_units > 0 {
        document
            .lead
            .push(i18n::partial_merges(lang, partial_units));
    }
    if pooled.is_some() {
        document.lead.push(i18n::pooling_explained(lang));
        if !has_ratios && weights.is_empty() {
            document.lead.push(i18n::pooling_is_mean(lang));
        }
    }
    let csv = long_table(framework, &mapping, &members, &methods, lang);
    let json = || {
        output::to_json(
            &MergeJson {
                data: &scored.input.name,
                synthetic: input::is_synthetic(dataset),
                mapping: &mapping,
                members: &members,
                mean: mean.as_ref(),
                pooled: pooled.as_ref(),
            },
            lang,
        )
    };
    let bytes = document.render(format, &csv, json, &args.output, lang, color)?;
    let mut protected = scored.protected();
    protected.extend(args.mapping.as_deref());
    protected.extend(args.weights.as_deref());
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

fn document(
    scored: &Scored,
    mapping: &Mapping,
    members: &[Members],
    methods: &[(&str, &Results)],
    lang: Lang,
) -> Document {
    let framework = &scored.framework;
    let precision = framework.precision();
    let index = framework
        .indices()
        .first()
        .map(|&id| framework.node(id).code.clone())
        .unwrap_or_default();
    let heading = format!(
        "{} — {} — {}",
        i18n::merge_title(lang, mapping.units.len()),
        framework.names().get(lang),
        input::data_label(&scored.input, lang)
    );
    let lacking = members.iter().any(|m| !m.is_complete());
    let mut headers = vec![
        i18n::unit(lang).to_string(),
        i18n::unit_name(lang).to_string(),
        i18n::former_units(lang).to_string(),
    ];
    if lacking {
        headers.push(i18n::former_units_without_data(lang).to_string());
    }
    for (name, results) in methods {
        // Ranks are among the merged units that have data.
        let ranked = results.units.len();
        headers.push(format!("{index} ({name})"));
        headers.push(format!("{} ({name}, /{ranked})", i18n::rank(lang)));
    }
    if methods.len() == 2 {
        headers.push(i18n::difference(lang).to_string());
    }
    let mut table = Table::new(i18n::merged_units(lang), headers);
    fn node(results: &Results, index: &str, code: &str) -> Option<NodeResult> {
        let position = results.node_position(index)?;
        Some(results.result(results.unit_position(code)?, position))
    }
    let mut order: Vec<usize> = (0..mapping.units.len()).collect();
    if let Some((_, first)) = methods.first() {
        order.sort_by_key(|&u| {
            node(first, &index, &mapping.units[u].0.code)
                .and_then(|node| node.rank)
                .unwrap_or(u32::MAX)
        });
    }
    for u in order {
        let (unit, formers) = &mapping.units[u];
        let mut row = vec![
            Cell::text(&unit.code),
            Cell::text(unit.name.clone().unwrap_or_default()),
            Cell::text(formers.join(", ")),
        ];
        let without = members
            .iter()
            .find(|m| m.code == unit.code)
            .map(|m| m.without_data.clone())
            .unwrap_or_default();
        if lacking {
            row.push(Cell::text(without.join(", ")));
        }
        let mut values = Vec::new();
        for (_, results) in methods {
            let node = node(results, &index, &unit.code);
            let value = node.as_ref().and_then(|node| node.value);
            values.push(value);
            row.push(match node {
                Some(_) => Cell::number(value, precision),
                None => Cell::text(i18n::no_data(lang)),
            });
            row.push(
                node.and_then(|node| node.rank)
                    .map_or(Cell::Empty, |r| Cell::Integer(r.into())),
            );
        }
        if let [Some(a), Some(b)] = values[..] {
            row.push(Cell::Signed {
                value: b - a,
                decimals: precision,
            });
        } else if methods.len() == 2 {
            row.push(Cell::Empty);
        }
        table.push(row);
    }
    Document {
        heading,
        lead: Vec::new(),
        tables: vec![table],
        closing: Vec::new(),
    }
}

/// One row per merged unit, node and method, for spreadsheets and programs; a merged unit
/// without data has one row per method with neither value nor rank.
fn long_table(
    framework: &Framework,
    mapping: &Mapping,
    members: &[Members],
    methods: &[(&str, &Results)],
    lang: Lang,
) -> Table {
    let mut table = Table::new(
        i18n::merged_units(lang),
        vec![
            i18n::unit(lang).to_string(),
            i18n::unit_name(lang).to_string(),
            i18n::former_units(lang).to_string(),
            i18n::former_units_without_data(lang).to_string(),
            i18n::method(lang).to_string(),
            i18n::node(lang).to_string(),
            i18n::value(lang).to_string(),
            i18n::rank(lang).to_string(),
        ],
    );
    for (name, results) in methods {
        for (unit, formers) in &mapping.units {
            let without = members
                .iter()
                .find(|m| m.code == unit.code)
                .map(|m| m.without_data.join(" "))
                .unwrap_or_default();
            let start = vec![
                Cell::text(&unit.code),
                Cell::text(unit.name.clone().unwrap_or_default()),
                Cell::text(formers.join(" ")),
                Cell::text(without),
                Cell::text(*name),
            ];
            let Some(merged) = results.unit(&unit.code) else {
                let mut row = start;
                row.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
                table.push(row);
                continue;
            };
            for position in crate::output::display_order(framework, results) {
                let node = &merged.nodes[position];
                let mut row = start.clone();
                row.extend([
                    Cell::text(&*results.nodes[position].code),
                    Cell::number(node.value, results.precision),
                    node.rank.map_or(Cell::Empty, |r| Cell::Integer(r.into())),
                ]);
                table.push(row);
            }
        }
    }
    table
}
