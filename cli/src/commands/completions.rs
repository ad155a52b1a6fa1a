//! `dti completions` and `dti manpage`: generated from the clap definitions, so they cannot
//! drift from the real options.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::error::Error;
use crate::output;
use crate::{Cli, Context, Outcome, OutputArgs, i18n};

/// Arguments of `dti completions`.
#[derive(Clone, Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `dti manpage`.
#[derive(Clone, Debug, Args)]
pub(crate) struct ManpageArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Prints a completion script for a shell.
pub(crate) fn completions(args: &CompletionsArgs, context: &Context) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "dti", &mut script);
    output::emit(&script, &args.output, &[], context.lang)?;
    Ok(Outcome::Success)
}

/// Prints the manual page in roff.
pub(crate) fn manpage(args: &ManpageArgs, context: &Context) -> Result<Outcome, Error> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(|e| Error::Usage(i18n::cannot_format(context.lang, "man", &e.to_string())))?;
    output::emit(&page, &args.output, &[], context.lang)?;
    Ok(Outcome::Success)
}
