//! The `dti` command-line tool: score, check, explain, compare and report Digital
//! Transformation Index data, in Vietnamese or English.
//!
//! The binary is a thin wrapper around [`run`]. Each subcommand lives in its own module of
//! `commands/` and does its work through the pure `dti_core` library; the rest of this crate
//! only reads files (`input`, and [`sheet`] for workbooks), words what it shows (`i18n`,
//! `error`) and writes the outputs (`output`).
#![forbid(unsafe_code)]
#![warn(unreachable_pub)]

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use dti_core::Lang;

mod commands;
mod error;
mod i18n;
mod input;
mod output;
pub mod sheet;
mod synced;
mod usage;

/// The default uncertainty of `dti robustness`, as its long help shows it.
macro_rules! robustness_default {
    () => {
        "\
Uncertainty file (--uncertainty, TOML or JSON); without one the default is:
  aggregation = [{ method = \"geometric\" }]   # alternative methods, as in framework files:
                  # arithmetic, geometric, harmonic, median, minimum, { method = \"power_mean\", p = P }
  normalisation = [{ method = \"min_max\" }]   # alternative rules, as in framework files
  missing = []                  # alternative missing-data policies: zero, skip
  [weights]
  share = 0.25                  # every edge weight × a factor drawn from [0.75, 1.25]
  nodes = []                    # the aggregates whose weights vary (all when empty)
Each listed choice is one factor; the framework as written is the nominal choice.
The analysis scores N × (factors + 2) methodologies (Saltelli's design)."
    };
}

macro_rules! exit_codes {
    () => {
        "\
Exit status:
  0  success (warnings and notes do not fail)
  1  the data or the framework has errors (`dti check` found errors, nothing could be scored)
  2  usage error: bad arguments, an input file that cannot be read, an output that cannot
     be written, or an output file that already exists (use --force to replace it)

Language: --lang, else LC_ALL / LC_MESSAGES / LANG (Vietnamese when they say vi_*), else English.
Colour: only when the output is a terminal and NO_COLOR is not set."
    };
}

const EXIT_CODES: &str = exit_codes!();

/// The long help of `dti robustness`: the default uncertainty, then the exit codes.
const ROBUSTNESS_HELP: &str = concat!(robustness_default!(), "\n\n", exit_codes!());

/// Score, check and explain Vietnam's provincial Digital Transformation Index (DTI).
#[derive(Debug, Parser)]
#[command(name = "dti", version, after_help = EXIT_CODES, propagate_version = true)]
pub(crate) struct Cli {
    /// Language of messages and outputs [default: from LC_ALL / LC_MESSAGES / LANG, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Refuse input files larger than this many MiB [default: 256]
    #[arg(long, global = true, value_name = "MIB")]
    pub max_file_mb: Option<u64>,
    /// Refuse CSV input with more rows than this, header included [default: 1000000]
    #[arg(long, global = true, value_name = "N")]
    pub max_rows: Option<usize>,
    /// Refuse CSV input with more columns than this [default: 20000]
    #[arg(long, global = true, value_name = "N")]
    pub max_columns: Option<usize>,
    /// Refuse workbooks (.xlsx, .ods) that unpack to more than this many MiB [default: 256]
    #[arg(long, global = true, value_name = "MIB")]
    pub max_unpacked_mb: Option<u64>,
    /// List at most N problems, then how many more there are (0 lists all) [default: 200]
    #[arg(long, global = true, value_name = "N")]
    pub max_errors: Option<usize>,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The languages `--lang` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// Tiếng Việt
    Vi,
    /// English
    En,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Score a data file: every unit's index, pillars and main indicators, with ranks
    #[command(after_help = EXIT_CODES)]
    Score(commands::score::ScoreArgs),
    /// Check a data file and list every problem with its place and a hint
    #[command(after_help = EXIT_CODES)]
    Check(commands::check::CheckArgs),
    /// Write an empty data-entry file listing every indicator of a framework
    #[command(after_help = EXIT_CODES)]
    Template(commands::template::TemplateArgs),
    /// Show where a unit lost points and where the same effort gains the most
    #[command(after_help = EXIT_CODES)]
    Explain(commands::explain::ExplainArgs),
    /// Compare two data files (e.g. two years): changes per unit and node, rank moves
    #[command(after_help = EXIT_CODES)]
    Compare(commands::compare::CompareArgs),
    /// List the embedded frameworks, or show one in detail
    #[command(after_help = EXIT_CODES)]
    Frameworks(commands::frameworks::FrameworksArgs),
    /// Write a self-contained, printable HTML report (A4) for one unit
    #[command(after_help = EXIT_CODES)]
    Report(commands::report::ReportArgs),
    /// Change some values of one unit and see every node and rank move
    #[command(name = "whatif", after_help = EXIT_CODES)]
    WhatIf(commands::whatif::WhatIfArgs),
    /// Find the cheapest indicator improvements that take a unit to a target value or rank
    #[command(after_help = EXIT_CODES)]
    Goal(commands::goal::GoalArgs),
    /// Results of merged provinces (63 → 34 in 2025, or any mapping) by mean and by pooling
    #[command(after_help = EXIT_CODES)]
    Merge(commands::merge::MergeArgs),
    /// How robust the ranking is to the methodology's uncertain choices (Monte Carlo)
    #[command(after_help = EXIT_CODES, after_long_help = ROBUSTNESS_HELP)]
    Robustness(commands::robustness::RobustnessArgs),
    /// Drop each indicator in turn and see how the ranks shift
    #[command(name = "remove-one", after_help = EXIT_CODES)]
    RemoveOne(commands::removal::RemoveOneArgs),
    /// Build an index from raw data with the [pipeline] of a framework file
    #[command(after_help = EXIT_CODES)]
    Build(commands::build::BuildArgs),
    /// Convert an index written for COINr (iMeta and iData tables) into a framework and a data file
    #[command(name = "import-coinr", after_help = EXIT_CODES)]
    ImportCoinr(commands::coinr::ImportCoinrArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Print the manual page (roff)
    Manpage(commands::completions::ManpageArgs),
}

/// Where the data comes from and which framework scores it.
#[derive(Clone, Debug, Args)]
pub(crate) struct DataArgs {
    /// The framework: an embedded id (see `dti frameworks`) or a TOML/JSON file
    /// [default: the data set's own framework, else dti-province-2022]
    #[arg(long, short = 'f', value_name = "ID|FILE")]
    pub framework: Option<String>,
    /// The worksheet to read from an .xlsx file [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// Where an output goes.
#[derive(Clone, Debug, Default, Args)]
pub(crate) struct OutputArgs {
    /// Write to this file instead of standard output (atomically; never over an input file;
    /// only regular files: never a device, pipe, socket or folder; `-` is standard output)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file when it already exists (a regular file only)
    #[arg(long)]
    pub force: bool,
}

/// What every subcommand needs besides its arguments.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The language of messages and outputs.
    pub lang: Lang,
    /// True when standard output may be coloured.
    pub color: bool,
    /// True when standard error may be coloured.
    pub color_err: bool,
    /// How many problems a list shows at most (`--max-errors`; 0 shows all).
    pub max_errors: usize,
}

/// How many problems a list shows when `--max-errors` is not given.
const MAX_ERRORS: usize = 200;

/// How a subcommand that did not fail ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything went well (exit 0).
    Success,
    /// The subcommand ran, and found errors in the data (exit 1).
    DataErrors,
}

/// Runs the tool with the given command line (program name first); returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    // The language is needed before parsing: help and usage errors are worded in it.
    let early = usage::lang_of_args(&args).unwrap_or_else(lang_from_env);
    let args = match early {
        Lang::Vi => usage::without_help_subcommand(args),
        Lang::En => args,
    };
    let mut command = usage::command(early);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) if early == Lang::En || usage::is_display(error.kind()) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(usage::vietnamese_error(&error, &command, &args).as_bytes());
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    let lang = match cli.lang {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => lang_from_env(),
    };
    let defaults = dti_core::limits::Limits::default();
    let mib = |mb: u64| usize::try_from(mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    input::set_limits(dti_core::limits::Limits {
        max_bytes: cli.max_file_mb.map_or(defaults.max_bytes, mib),
        max_unpacked_bytes: cli.max_unpacked_mb.map_or(defaults.max_unpacked_bytes, mib),
        max_rows: cli.max_rows.unwrap_or(defaults.max_rows),
        max_columns: cli.max_columns.unwrap_or(defaults.max_columns),
        ..defaults
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let context = Context {
        lang,
        color: !no_color && std::io::stdout().is_terminal(),
        color_err: !no_color && std::io::stderr().is_terminal(),
        max_errors: cli.max_errors.unwrap_or(MAX_ERRORS),
    };
    let result = match cli.command {
        Command::Score(args) => commands::score::run(&args, &context),
        Command::Check(args) => commands::check::run(&args, &context),
        Command::Template(args) => commands::template::run(&args, &context),
        Command::Explain(args) => commands::explain::run(&args, &context),
        Command::Compare(args) => commands::compare::run(&args, &context),
        Command::Frameworks(args) => commands::frameworks::run(&args, &context),
        Command::Report(args) => commands::report::run(&args, &context),
        Command::WhatIf(args) => commands::whatif::run(&args, &context),
        Command::Goal(args) => commands::goal::run(&args, &context),
        Command::Merge(args) => commands::merge::run(&args, &context),
        Command::Robustness(args) => commands::robustness::run(&args, &context),
        Command::RemoveOne(args) => commands::removal::run(&args, &context),
        Command::Build(args) => commands::build::run(&args, &context),
        Command::ImportCoinr(args) => commands::coinr::run(&args, &context),
        Command::Completions(args) => commands::completions::completions(&args, &context),
        Command::Manpage(args) => commands::completions::manpage(&args, &context),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::DataErrors) => ExitCode::from(1),
        Err(error) => {
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(error.render(&context).as_bytes());
            let _ = stderr.flush();
            ExitCode::from(error.exit_code())
        }
    }
}

/// The language the environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as
/// POSIX orders them; English when none of them names a language the tool speaks.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_tag(&value))
        .unwrap_or(Lang::En)
}
