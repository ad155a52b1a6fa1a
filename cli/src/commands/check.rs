//! `dti check`: every problem of a data file, with its place and a hint.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dti_core::Severity;
use serde::Serialize;

use crate::error::{Error, Issue, counts, render_issues};
use crate::input;
use crate::output::{self, paint};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// The formats of `dti check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// One problem per line with a `hint:` line
    Text,
    /// JSON, for programs
    Json,
}

/// Arguments of `dti check`.
#[derive(Clone, Debug, Args)]
pub(crate) struct CheckArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Leave out notes (accepted decimal commas and the like)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Serialize)]
struct Report<'a> {
    file: &'a str,
    framework: &'a str,
    ok: bool,
    errors: usize,
    warnings: usize,
    notes: usize,
    issues: Vec<&'a Issue>,
    /// Issues left out of `issues` by `--max-errors`.
    #[serde(skip_serializing_if = "is_zero")]
    omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Runs `dti check`: exit 0 when the data can be scored (warnings allowed), 1 with errors.
pub(crate) fn run(args: &CheckArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let input = input::read_data(
        input::required(args.data.as_deref(), "check", lang)?,
        args.source.sheet.as_deref(),
        lang,
    )?;
    let (framework, framework_path) =
        input::read_framework(args.source.framework.as_deref(), input.framework, lang)?;
    let checked = input::check(&input, &framework);
    let mut diagnostics =
        dti_core::diagnostic::merge(&framework, input.diagnostics.clone(), checked.diagnostics);
    // File order: located problems by line and column, then the rest in the core's order.
    diagnostics.sort_by_key(|d| {
        (
            d.location.line.is_none(),
            d.location.line.unwrap_or(0),
            d.location.column.unwrap_or(0),
        )
    });
    let mut issues = input.issues(diagnostics, lang);
    let [errors, warnings, notes] = counts(&issues);
    let ok = errors == 0;
    if args.quiet {
        issues.retain(|i| i.severity() != Severity::Note);
    }
    // The values scoring will use: the framework's indicators, read without error.
    let values: usize = framework
        .indicators()
        .filter_map(|id| checked.table.indicator(&framework, id))
        .map(|column| column.iter().flatten().count())
        .sum();
    let color = context.color && args.output.output.is_none();
    let bytes = match args.format {
        CheckFormat::Json => {
            let all: Vec<&Issue> = issues.iter().collect();
            let listed = match context.max_errors {
                0 => &all[..],
                max => &all[..all.len().min(max)],
            };
            let report = Report {
                file: &input.name,
                framework: framework.id(),
                ok,
                errors,
                warnings,
                notes,
                issues: listed.to_vec(),
                omitted: issues.len() - listed.len(),
            };
            let mut text = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::Usage(i18n::cannot_format(lang, "JSON", &e.to_string())))?;
            text.push('\n');
            text
        }
        CheckFormat::Text => {
            let mut text = render_issues(&issues, lang, color, false, context.max_errors);
            if !issues.is_empty() {
                text.push('\n');
            }
            let verdict =
                i18n::check_verdict(lang, &input.name, input.dataset.units().len(), values, ok);
            let style = if ok { "1;32" } else { "1;31" };
            text.push_str(&format!(
                "{} ({})\n",
                paint(color, style, &verdict),
                i18n::count_summary(lang, [errors, warnings, notes])
            ));
            text
        }
    };
    let protected = input::protected([&input.path, &framework_path]);
    output::emit(bytes.as_bytes(), &args.output, &protected, lang)?;
    Ok(if ok {
        Outcome::Success
    } else {
        Outcome::DataErrors
    })
}
