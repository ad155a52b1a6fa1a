//! `dti robustness`: Monte Carlo uncertainty and sensitivity analysis of the ranking: how
//! far each unit's rank moves when the methodology's uncertain choices vary, and which
//! choice moves the ranks most.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use dti_core::analysis::sensitivity::{
    Analysis, DEFAULT_SAMPLES, Sampling, Settings, Uncertainty, WeightNoise, analyse,
};
use dti_core::{Lang, Rule, format_decimal};

use crate::commands::report::{STYLE, esc};
use crate::error::{Error, Issue, render_issues};
use crate::input::{self, Scored};
use crate::output::{self, Cell, Document, Table, TableFormat};
use crate::{Context, DataArgs, Outcome, OutputArgs, i18n};

/// The formats of `dti robustness`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RobustnessFormat {
    /// Aligned columns for the terminal
    Table,
    /// Comma-separated values: one row per unit
    Csv,
    /// JSON: the full analysis, with every run's parameters
    Json,
    /// Markdown tables
    Markdown,
    /// An Excel workbook (.xlsx)
    Xlsx,
    /// A self-contained HTML page with a rank-interval chart
    Html,
}

/// Arguments of `dti robustness`.
#[derive(Clone, Debug, Args)]
pub(crate) struct RobustnessArgs {
    /// The data file: CSV, JSON or .xlsx (`-` reads standard input)
    #[arg(value_name = "DATA")]
    pub data: Option<PathBuf>,
    /// The uncertain choices, a TOML or JSON file [default: weights ±25 %, aggregation
    /// geometric, normalisation min_max; see --help]
    #[arg(long, value_name = "FILE")]
    pub uncertainty: Option<PathBuf>,
    /// N, the base sample size (the sensitivity indices of the 63-province DTI are stable from
    /// 10000; fewer samples are warned about)
    #[arg(long, default_value_t = DEFAULT_SAMPLES, value_name = "N")]
    pub samples: usize,
    /// The seed: the same seed gives the same results on every machine and thread count
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// How factor values are drawn
    #[arg(long, value_enum, default_value = "random")]
    pub sampling: SamplingArg,
    /// The k of "probability of ranking in the top k"
    #[arg(long = "top", default_value_t = 10, value_name = "K")]
    pub top_k: u32,
    /// Bootstrap resamples for the 95 % intervals of the sensitivity indices
    #[arg(long, default_value_t = 200, value_name = "B")]
    pub bootstrap: usize,
    /// Threads (0: every core)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// The index whose ranking is studied [default: the framework's first index, e.g. DTI]
    #[arg(long, value_name = "CODE")]
    pub index: Option<String>,
    #[command(flatten)]
    pub source: DataArgs,
    /// Output format [default: from the -o file's extension, else table]
    #[arg(long, value_enum)]
    pub format: Option<RobustnessFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// How factor values are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SamplingArg {
    /// Seeded pseudo-random numbers
    Random,
    /// Sobol quasi-random points (up to 8 factors)
    Sobol,
}

/// The default uncertain choices: weights ±25 %, geometric aggregation, min-max scores.
pub(crate) fn default_uncertainty() -> Uncertainty {
    Uncertainty {
        weights: Some(WeightNoise {
            share: 0.25,
            nodes: Vec::new(),
        }),
        aggregation: vec![dti_core::Aggregation::Geometric],
        normalisation: vec![Rule::MinMax {
            low: 0.0,
            high: 1.0,
        }],
        missing: Vec::new(),
    }
}

fn read_uncertainty(path: &std::path::Path, lang: Lang) -> Result<Uncertainty, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::Usage(if e.kind() == std::io::ErrorKind::NotFound {
            i18n::not_found(lang, &name)
        } else {
            i18n::cannot_read(lang, &name, &e)
        })
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let parsed = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Uncertainty>(text).map_err(|e| {
            let detail = e.to_string();
            let detail = detail.rsplit_once(" at line ").map_or(&*detail, |(d, _)| d);
            (e.line(), e.column(), dti_core::Problem::syntax(detail))
        })
    } else {
        toml::from_str::<Uncertainty>(text).map_err(|e| {
            let start = e.span().map_or(0, |span| span.start);
            let before = text.get(..start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            (line, column, dti_core::Problem::syntax(e.message()))
        })
    };
    parsed.map_err(|(line, column, problem)| {
        Error::Usage(format!(
            "{name}:{line}:{column}: {}\n  {}: {}",
            i18n::bad_uncertainty(lang, &problem.message(lang)),
            i18n::hint_label(lang),
            i18n::uncertainty_hint(lang)
        ))
    })
}

/// Runs `dti robustness`.
pub(crate) fn run(args: &RobustnessArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let scored = input::read_scored(
        input::required(args.data.as_deref(), "robustness", lang)?,
        &args.source,
        context,
    )?;
    let uncertainty = match &args.uncertainty {
        Some(path) => read_uncertainty(path, lang)?,
        None => default_uncertainty(),
    };
    let index = match &args.index {
        Some(code) => Some(input::node_code(&scored.framework, code, lang)?),
        None => None,
    };
    let settings = Settings {
        samples: args.samples,
        seed: args.seed,
        sampling: match args.sampling {
            SamplingArg::Random => Sampling::Random,
            SamplingArg::Sobol => Sampling::Sobol,
        },
        index,
        top_k: args.top_k,
        bootstrap: args.bootstrap,
        threads: args.threads,
    };
    if args.samples < 2 {
        return Err(Error::Usage(i18n::bad_samples(lang, args.samples)));
    }
    let factors = count_factors(&uncertainty);
    let runs = args.samples.saturating_mul(factors + 2);
    let show_progress = std::io::stderr().is_terminal();
    let expected = if show_progress {
        estimate(&scored, &uncertainty, &settings, runs)
    } else {
        Duration::ZERO
    };
    let analysis = with_progress(show_progress, expected, runs, lang, || {
        analyse(&scored.framework, &scored.table, &uncertainty, &settings)
    })
    .map_err(|failure| {
        let messages: Vec<String> = Issue::all(failure.diagnostics, lang)
            .into_iter()
            .map(|issue| issue.message())
            .collect();
        Error::Usage(messages.join("; "))
    })?;

    let format = args.format.unwrap_or_else(|| {
        match args
            .output
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("html" | "htm") => RobustnessFormat::Html,
            _ => match TableFormat::choose(None, &args.output) {
                TableFormat::Table => RobustnessFormat::Table,
                TableFormat::Csv => RobustnessFormat::Csv,
                TableFormat::Json => RobustnessFormat::Json,
                TableFormat::Markdown => RobustnessFormat::Markdown,
                TableFormat::Xlsx => RobustnessFormat::Xlsx,
            },
        }
    });
    let color = context.color && args.output.output.is_none();
    let document = document(&scored, &uncertainty, &analysis, lang);
    // Tables, Markdown and HTML carry the warnings in their lead, JSON in `warnings`; the
    // other formats hold the units' ranks only, so the warnings go to standard error.
    if matches!(format, RobustnessFormat::Csv | RobustnessFormat::Xlsx) {
        let issues = Issue::all(analysis.warnings.clone(), lang);
        eprint!(
            "{}",
            render_issues(&issues, lang, context.color_err, false, context.max_errors)
        );
    }
    let table_format = match format {
        RobustnessFormat::Table => Some(TableFormat::Table),
        RobustnessFormat::Csv => Some(TableFormat::Csv),
        RobustnessFormat::Json => Some(TableFormat::Json),
        RobustnessFormat::Markdown => Some(TableFormat::Markdown),
        RobustnessFormat::Xlsx => Some(TableFormat::Xlsx),
        RobustnessFormat::Html => None,
    };
    let bytes = match table_format {
        Some(table_format) => document.render(
            table_format,
            &document.tables[0],
            || output::to_json(&analysis, lang),
            &args.output,
            lang,
            color,
        )?,
        None => html(&scored, &document, &analysis, lang).into_bytes(),
    };
    let mut protected = scored.protected();
    protected.extend(args.uncertainty.as_deref());
    output::emit(&bytes, &args.output, &protected, lang)?;
    Ok(Outcome::Success)
}

fn count_factors(uncertainty: &Uncertainty) -> usize {
    usize::from(uncertainty.weights.is_some())
        + usize::from(!uncertainty.aggregation.is_empty())
        + usize::from(!uncertainty.normalisation.is_empty())
        + usize::from(!uncertainty.missing.is_empty())
}

/// How long the analysis should take: a pilot analysis of a few samples on one thread,
/// timed, scaled to the runs and the threads.
fn estimate(
    scored: &Scored,
    uncertainty: &Uncertainty,
    settings: &Settings,
    runs: usize,
) -> Duration {
    let pilot = Settings {
        samples: 4,
        bootstrap: 0,
        threads: 1,
        ..settings.clone()
    };
    let start = Instant::now();
    let Ok(analysis) = analyse(&scored.framework, &scored.table, uncertainty, &pilot) else {
        return Duration::ZERO;
    };
    let one = start.elapsed() / u32::try_from(analysis.runs.len().max(1)).unwrap_or(1);
    let threads = match settings.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    one.saturating_mul(u32::try_from(runs).unwrap_or(u32::MAX))
        / u32::try_from(threads.clamp(1, 64)).unwrap_or(1)
}

/// Runs `work`, drawing a progress bar on standard error meanwhile when the run is expected
/// to take more than a second (the bar follows the expected time and stops short of 100 %
/// until the work is done).
fn with_progress<T: Send>(
    show: bool,
    expected: Duration,
    runs: usize,
    lang: Lang,
    work: impl FnOnce() -> T + Send,
) -> T {
    if !show || expected < Duration::from_secs(1) {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let start = Instant::now();
            let label = i18n::progress(lang, runs);
            while !done.load(Ordering::Relaxed) {
                let share = (start.elapsed().as_secs_f64() / expected.as_secs_f64()).min(0.99);
                let filled = (share * 30.0) as usize;
                let mut stderr = std::io::stderr().lock();
                let _ = write!(
                    stderr,
                    "\r[{}{}] {:>3} % {label}",
                    "█".repeat(filled),
                    "·".repeat(30 - filled),
                    (share * 100.0) as u32
                );
                let _ = stderr.flush();
                drop(stderr);
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        });
        let outcome = work();
        done.store(true, Ordering::Relaxed);
        outcome
    })
}

fn describe_uncertainty(uncertainty: &Uncertainty, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(noise) = &uncertainty.weights {
        let nodes = if noise.nodes.is_empty() {
            i18n::all_aggregates(lang).to_string()
        } else {
            noise.nodes.join(", ")
        };
        parts.push(i18n::weights_factor(
            lang,
            &i18n::number(noise.share * 100.0, lang),
            &nodes,
        ));
    }
    let or = |names: Vec<String>| names.join(" / ");
    if !uncertainty.aggregation.is_empty() {
        parts.push(format!(
            "{}: {} / {}",
            i18n::aggregation_word(lang),
            i18n::nominal(lang),
            or(uncertainty
                .aggregation
                .iter()
                .map(|m| dti_core::words::aggregation(*m, lang))
                .collect())
        ));
    }
    if !uncertainty.normalisation.is_empty() {
        parts.push(format!(
            "{}: {} / {}",
            i18n::normalisation_word(lang),
            i18n::nominal(lang),
            or(uncertainty
                .normalisation
                .iter()
                .map(|r| dti_core::words::rule(r, lang))
                .collect())
        ));
    }
    if !uncertainty.missing.is_empty() {
        parts.push(format!(
            "{}: {} / {}",
            i18n::missing_word(lang),
            i18n::nominal(lang),
            or(uncertainty
                .missing
                .iter()
                .map(|m| dti_core::words::missing_policy(*m, lang).to_string())
                .collect())
        ));
    }
    parts.join("; ")
}

fn document(
    scored: &Scored,
    uncertainty: &Uncertainty,
    analysis: &Analysis,
    lang: Lang,
) -> Document {
    let settings = &analysis.settings;
    let heading = format!(
        "{} — {} — {}",
        i18n::robustness_title(lang, &analysis.index),
        scored.framework.names().get(lang),
        input::data_label(&scored.input, lang)
    );
    let sampling = match settings.sampling {
        Sampling::Random => i18n::random_sampling(lang),
        Sampling::Sobol => "Sobol",
    };
    let mut lead = vec![
        i18n::robustness_settings(
            lang,
            settings.samples,
            analysis.factors.len(),
            analysis.runs.len(),
            settings.seed,
            sampling,
            settings.bootstrap,
        ),
        format!(
            "{}: {}.",
            i18n::uncertain_choices(lang),
            describe_uncertainty(uncertainty, lang)
        ),
    ];
    let warning = i18n::severity(lang, dti_core::Severity::Warning);
    let mut hints: Vec<String> = Vec::new();
    for diagnostic in &analysis.warnings {
        lead.push(format!("{warning}: {}.", diagnostic.message(lang)));
        if let Some(hint) = diagnostic.hint(lang)
            && !hints.contains(&hint)
        {
            hints.push(hint);
        }
    }
    lead.extend(
        hints
            .iter()
            .map(|hint| format!("{}: {hint}.", i18n::hint_label(lang))),
    );
    let k = settings.top_k;
    let mut units = Table::new(
        i18n::rank_distribution(lang),
        vec![
            i18n::unit(lang).to_string(),
            i18n::unit_name(lang).to_string(),
            i18n::nominal_rank(lang).to_string(),
            i18n::median_rank(lang).to_string(),
            i18n::rank_interval(lang).to_string(),
            i18n::top_k(lang, k),
        ],
    );
    for &u in &by_nominal(analysis) {
        let ranks = &analysis.units[u];
        let name = scored
            .input
            .dataset
            .units()
            .get(u)
            .and_then(|unit| unit.name.clone())
            .unwrap_or_default();
        units.push(vec![
            Cell::text(&ranks.code),
            Cell::text(name),
            ranks
                .nominal
                .map_or(Cell::Empty, |r| Cell::Integer(r.into())),
            Cell::number(Some(ranks.median), 1),
            Cell::text(format!("{}–{}", ranks.p05, ranks.p95)),
            Cell::number(Some(ranks.top_k), 2),
        ]);
    }
    let mut factors = Table::new(
        i18n::sensitivity_indices(lang),
        vec![
            i18n::factor(lang).to_string(),
            i18n::first_order(lang).to_string(),
            i18n::interval_95(lang).to_string(),
            i18n::total_order(lang).to_string(),
            i18n::interval_95(lang).to_string(),
        ],
    );
    let interval = |[a, b]: [f64; 2]| {
        format!(
            "{} … {}",
            format_decimal(a, 3, lang),
            format_decimal(b, 3, lang)
        )
    };
    for factor in &analysis.sensitivity {
        factors.push(vec![
            Cell::text(i18n::factor_name(lang, &factor.factor)),
            Cell::number(Some(factor.first_order), 3),
            Cell::text(interval(factor.first_order_ci)),
            Cell::number(Some(factor.total), 3),
            Cell::text(interval(factor.total_ci)),
        ]);
    }
    Document {
        heading,
        lead,
        tables: vec![units, factors],
        closing: vec![i18n::robustness_explained(lang, k)],
    }
}

/// Unit positions by nominal rank (units without a rank last).
fn by_nominal(analysis: &Analysis) -> Vec<usize> {
    let mut order: Vec<usize> = (0..analysis.units.len()).collect();
    order.sort_by_key(|&u| (analysis.units[u].nominal.unwrap_or(u32::MAX), u));
    order
}

/// A self-contained HTML page: the rank-interval chart and the two tables.
fn html(scored: &Scored, document: &Document, analysis: &Analysis, lang: Lang) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"page\">\n",
        lang.pick("vi", "en"),
        esc(&document.heading)
    );
    let _ = write!(
        html,
        "<header>\n<div class=\"kicker\">{}</div>\n<h1>{}</h1>\n<div class=\"meta\">{}</div>\n</header>\n",
        esc(&i18n::robustness_title(lang, &analysis.index)),
        esc(scored.framework.names().get(lang)),
        esc(&format!(
            "{}: {}",
            i18n::data_label(lang),
            input::data_label(&scored.input, lang)
        ))
    );
    for line in &document.lead {
        let _ = writeln!(html, "<p>{}</p>", esc(line));
    }
    let _ = write!(
        html,
        "<figure class=\"avoid-break\"><figcaption>{}</figcaption>\n{}</figure>\n",
        esc(&i18n::rank_chart_caption(lang)),
        rank_chart(scored, analysis, lang)
    );
    for table in &document.tables {
        let _ = writeln!(html, "<h2>{}</h2>", esc(&table.title));
        html.push_str("<table>\n<thead><tr>");
        for header in &table.headers {
            let _ = write!(html, "<th>{}</th>", esc(header));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &table.rows {
            html.push_str("<tr>");
            for cell in row {
                let class = if matches!(cell, Cell::Text(_)) {
                    ""
                } else {
                    " class=\"num\""
                };
                let _ = write!(html, "<td{class}>{}</td>", esc(&cell.show(lang)));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("<footer class=\"notes\">\n");
    for line in &document.closing {
        let _ = writeln!(html, "<div>{}</div>", esc(line));
    }
    // The data file's own `#` lines are for whoever keeps the file, not for readers.
    if input::is_synthetic(&scored.input.dataset) {
        let _ = writeln!(html, "<div>{}</div>", esc(i18n::synthetic_footer(lang)));
    }
    let _ = writeln!(
        html,
        "<div>{}</div>",
        esc(&i18n::made_by(lang, env!("CARGO_PKG_VERSION")))
    );
    html.push_str("</footer>\n</main>\n</body>\n</html>\n");
    html
}

/// One row per unit, best nominal rank first: a bar from the 5th to the 95th percentile of
/// its ranks, a dot at the median and a ring at the nominal rank.
fn rank_chart(scored: &Scored, analysis: &Analysis, lang: Lang) -> String {
    let order = by_nominal(analysis);
    let n = analysis.units.len().max(1);
    let (width, row, left, right, top) = (680.0, 13.0, 150.0, 16.0, 22.0);
    let span = width - left - right;
    let height = top + row * order.len() as f64 + 36.0;
    let x = |rank: f64| left + span * (rank - 1.0) / (n.max(2) - 1) as f64;
    let mut svg = format!(
        "<svg class=\"ranks\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:.1}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        esc(&i18n::rank_chart_caption(lang))
    );
    let step = match n {
        0..=12 => 1,
        13..=40 => 5,
        _ => 10,
    };
    let bottom = top + row * order.len() as f64;
    let mut ticks: Vec<usize> = (0..=n).step_by(step).filter(|&t| t >= 1).collect();
    ticks.insert(0, 1);
    ticks.dedup();
    if ticks.last() != Some(&n) {
        ticks.push(n);
    }
    for tick in ticks {
        let tx = x(tick as f64);
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" y1=\"{:.1}\" x2=\"{tx:.1}\" y2=\"{bottom:.1}\" stroke=\"#e4e7eb\"/>\n<text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"8\" fill=\"#7b8794\" text-anchor=\"middle\">{tick}</text>\n",
            top - 4.0,
            bottom + 11.0
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"10\" font-size=\"8.5\" fill=\"#52606d\" text-anchor=\"middle\">{}</text>",
        left + span / 2.0,
        esc(&i18n::rank_axis(lang))
    );
    for (i, &u) in order.iter().enumerate() {
        let ranks = &analysis.units[u];
        let y = top + row * i as f64 + row / 2.0;
        let label = scored
            .input
            .dataset
            .units()
            .get(u)
            .map(|unit| match &unit.name {
                Some(name) => format!("{} {}", unit.code.as_str(), name.as_str()),
                None => unit.code.to_string(),
            })
            .unwrap_or_else(|| ranks.code.clone());
        let (x0, x1) = (x(f64::from(ranks.p05)), x(f64::from(ranks.p95)));
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8.5\" fill=\"#1f2a37\" text-anchor=\"end\">{}</text>\n\
             <rect class=\"interval\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" rx=\"3\" fill=\"#9fc3e7\"><title>{}: {}–{}</title></rect>\n\
             <circle class=\"median\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"#0b4f8a\"/>\n",
            left - 6.0,
            y + 3.0,
            esc(&label),
            y - 3.0,
            (x1 - x0).max(2.0),
            esc(&ranks.code),
            ranks.p05,
            ranks.p95,
            x(ranks.median)
        );
        if let Some(nominal) = ranks.nominal {
            let _ = writeln!(
                svg,
                "<circle class=\"nominal\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"none\" stroke=\"#b42318\" stroke-width=\"1.5\"/>",
                x(f64::from(nominal))
            );
        }
    }
    let legend = bottom + 30.0;
    let _ = write!(
        svg,
        "<rect x=\"{left}\" y=\"{:.1}\" width=\"18\" height=\"6\" rx=\"3\" fill=\"#9fc3e7\"/><text x=\"{:.1}\" y=\"{legend:.1}\" font-size=\"8.5\" fill=\"#52606d\">{}</text>\n\
         <circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#0b4f8a\"/><text x=\"{:.1}\" y=\"{legend:.1}\" font-size=\"8.5\" fill=\"#52606d\">{}</text>\n\
         <circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"none\" stroke=\"#b42318\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{legend:.1}\" font-size=\"8.5\" fill=\"#52606d\">{}</text>\n",
        legend - 6.0,
        left + 24.0,
        esc(i18n::rank_interval(lang)),
        left + 150.0,
        legend - 3.0,
        left + 158.0,
        esc(i18n::median_rank(lang)),
        left + 270.0,
        legend - 3.0,
        left + 278.0,
        esc(i18n::nominal_rank(lang)),
    );
    svg.push_str("</svg>\n");
    svg
}
