//! `dti explain`: where a unit lost points, indicator by indicator, and the indicators where
//! the same effort gains the most index points.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dti_core::explain::Explanation;
use dti_core::score::POINTS_DECIMALS;
use dti_core::{Framework, Lang};

use crate::error::Error;
use crate::input;
use crate::output::unit_heading;
use crate::output::{self, Cell, Table, paint};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// The formats of `dti explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExplainFormat {
    /// Aligned columns for the terminal
    Table,
    /// Markdown tables
    Markdown,
    /// JSON, for programs
    Json,
}

/// Arguments of `dti explain`.
#[derive(Clone, Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The unit, by code or name [default: the only unit of the data]
    #[arg(long, short = 'u', value_name = "UNIT")]
    pub unit: Option<String>,
    /// The index to explain [default: the framework's first index, e.g. DTI]
    #[arg(long, value_name = "CODE")]
    pub index: Option<String>,
    /// The effort compared across indicators: a rise of each indicator's score by this
    /// share of its scale
    #[arg(long, default_value_t = 0.1, value_name = "SHARE")]
    pub step: f64,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `dti explain`.
pub(crate) fn run(args: &ExplainArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    if !(args.step > 0.0 && args.step <= 1.0) {
        return Err(Error::Usage(i18n::bad_step(lang)));
    }
    let input = input::read_data(
        input::required(args.data.as_deref(), "explain", lang)?,
        args.source.sheet.as_deref(),
        lang,
    )?;
    let (framework, framework_path) =
        input::read_framework(args.source.framework.as_deref(), input.framework, lang)?;
    let (_, issues) = crate::input::score(&input, &framework, lang)?;
    crate::input::report_warnings(&issues, &input, context);
    let index = match &args.index {
        Some(code) => Some(input::node_code(&framework, code, lang)?),
        None => None,
    };
    let unit = input::find_unit(&input.dataset, args.unit.as_deref(), lang)?;
    let table = dti_core::check(&framework, &input.dataset).table;
    let explanation =
        dti_core::explain::explain(&framework, &table, unit, index.as_deref(), args.step)
            .map_err(|failure| Error::Data(input.issues(failure.diagnostics, lang)))?;

    let color = context.color && args.output.output.is_none();
    let text = match args.format {
        ExplainFormat::Json => {
            let mut text = serde_json::to_string_pretty(&explanation)
                .map_err(|e| Error::Usage(i18n::cannot_format(lang, "JSON", &e.to_string())))?;
            text.push('\n');
            text
        }
        ExplainFormat::Table => {
            let (heading, tables) = tables(&framework, &explanation, lang);
            let heading = synthetic_mark(heading, &input, lang);
            let mut out = format!("{}\n", paint(color, "1", &heading));
            for table in tables {
                out.push('\n');
                out.push_str(&table.to_terminal(lang, color));
            }
            out
        }
        ExplainFormat::Markdown => {
            let (heading, tables) = tables(&framework, &explanation, lang);
            let heading = synthetic_mark(heading, &input, lang);
            let mut out = format!("# {}\n", output::visible(&heading));
            for table in tables {
                out.push('\n');
                out.push_str(&table.to_markdown(lang, 2));
            }
            out
        }
    };
    let protected = input::protected([&input.path, &framework_path]);
    output::emit(text.as_bytes(), &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

/// A heading marked when the data's notes call it synthetic.
fn synthetic_mark(heading: String, input: &input::Input, lang: Lang) -> String {
    if input::is_synthetic(&input.dataset) {
        format!("{heading} · {}", i18n::synthetic(lang))
    } else {
        heading
    }
}

/// The heading and the two tables: points lost, and best moves.
pub(crate) fn tables(framework: &Framework, why: &Explanation, lang: Lang) -> (String, Vec<Table>) {
    let precision = framework.precision();
    let name = |code: &str| {
        framework
            .find(code)
            .map(|id| framework.node(id).names.get(lang).to_string())
            .unwrap_or_default()
    };
    let value = why
        .value
        .map(|v| dti_core::format_decimal(v, precision, lang))
        .unwrap_or_default();
    let mut heading = format!("{} — {} {value}", unit_heading(&why.unit), why.index);
    if let (Some(v), Some(max)) = (why.value, why.max_points) {
        heading.push_str(&i18n::points_of(lang, v * max, max));
    }

    // The gain is in the index's points where it has them (the last column below).
    let in_points = why.indicators.iter().any(|i| i.shown().2.is_some());
    let mut lost = Table::new(
        i18n::where_lost(lang),
        vec![
            i18n::code(lang).to_string(),
            i18n::name(lang).to_string(),
            i18n::score(lang).to_string(),
            i18n::points(lang).to_string(),
            i18n::max_points(lang).to_string(),
            i18n::points_lost(lang).to_string(),
            i18n::index_gain_if_full(lang, &why.index, in_points),
        ],
    );
    let mut indicators: Vec<_> = why.indicators.iter().collect();
    indicators.sort_by(|a, b| b.gain_if_full.total_cmp(&a.gain_if_full));
    for indicator in indicators {
        let (points, points_lost, gain) = indicator.shown();
        lost.push(vec![
            Cell::text(&indicator.code),
            Cell::text(name(&indicator.code)),
            Cell::number(indicator.score, precision),
            Cell::number(points, POINTS_DECIMALS),
            Cell::number(indicator.max_points, 0),
            Cell::number(points_lost, POINTS_DECIMALS),
            match gain {
                Some(points) => Cell::number(Some(points), POINTS_DECIMALS),
                None => Cell::number(Some(indicator.gain_if_full), precision),
            },
        ]);
    }

    let step = i18n::number(why.step, lang);
    let mut moves = Table::new(
        i18n::best_moves(lang, &step),
        vec![
            "#".to_string(),
            i18n::code(lang).to_string(),
            i18n::name(lang).to_string(),
            i18n::from_to(lang).to_string(),
            i18n::index_gain(lang, &why.index),
            i18n::index_gain_points(lang, &why.index),
        ],
    );
    for (position, step) in why.best_moves.iter().enumerate() {
        moves.push(vec![
            Cell::Integer(position as i64 + 1),
            Cell::text(&step.indicator),
            Cell::text(name(&step.indicator)),
            Cell::text(format!(
                "{} → {}",
                dti_core::format_decimal(step.from, precision, lang),
                dti_core::format_decimal(step.to, precision, lang)
            )),
            Cell::number(Some(step.gain), precision),
            Cell::number(step.gain_points, POINTS_DECIMALS),
        ]);
    }
    (heading, vec![lost, moves])
}
