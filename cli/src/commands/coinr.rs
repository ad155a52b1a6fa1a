//! `dti import-coinr`: an index written for COINr (its iMeta and iData tables) as this tool's
//! framework and data files, converted by [`dti_core::coinr`]; this command reads the files,
//! checks where it may write, and writes both.

use std::path::{Path, PathBuf};

use clap::Args;
use dti_core::coinr::{self, Method, Source};
use dti_core::{Lang, Location, Severity};

use crate::error::{Error, Issue};
use crate::{Context, Outcome, OutputArgs, i18n, input, output};

/// Arguments of `dti import-coinr`.
#[derive(Clone, Debug, Args)]
pub(crate) struct ImportCoinrArgs {
    /// COINr's indicator metadata table (iMeta) as CSV
    #[arg(value_name = "IMETA")]
    pub meta: PathBuf,
    /// COINr's data table (iData) as CSV; `NA` or a blank cell is a missing value
    #[arg(value_name = "IDATA")]
    pub data: PathBuf,
    /// The methodology, as a TOML file: `rule` for every indicator, `aggregation` for every
    /// aggregate (`by_level` for some levels) and a [pipeline] table of construction steps
    /// [default: min-max to 0–100, then arithmetic means, COINr's defaults]
    #[arg(long, value_name = "FILE")]
    pub method: Option<PathBuf>,
    /// The framework's id [default: the iMeta file's name]
    #[arg(long)]
    pub id: Option<String>,
    /// The framework's name [default: its id]
    #[arg(long)]
    pub name: Option<String>,
    /// Where to write the framework file (TOML)
    #[arg(long, value_name = "FILE")]
    pub framework_out: PathBuf,
    /// Where to write the data file (CSV)
    #[arg(long, value_name = "FILE")]
    pub data_out: PathBuf,
    /// Replace output files that already exist
    #[arg(long)]
    pub force: bool,
}

/// Reads a text input whole, within the tool's size limit.
fn read_text(path: &Path, lang: Lang) -> Result<String, Error> {
    let name = path.display().to_string();
    input::check_size(path, &name, lang)?;
    let bytes =
        std::fs::read(path).map_err(|e| Error::Usage(input::read_failure(lang, &name, &e)))?;
    String::from_utf8(bytes).map_err(|e| {
        Error::File(vec![Issue::tool(
            Severity::Error,
            Location::file(Some(&name)),
            lang,
            i18n::not_utf8(lang, e.as_bytes()[e.utf8_error().valid_up_to()]),
            None,
        )])
    })
}

/// The methodology file of the import.
pub(crate) fn read_method(path: &Path, lang: Lang) -> Result<Method, Error> {
    let name = path.display().to_string();
    let text = read_text(path, lang)?;
    Method::from_toml(&text, Some(&name)).map_err(|f| Error::File(Issue::all(f.diagnostics, lang)))
}

/// Runs `dti import-coinr`.
pub(crate) fn run(args: &ImportCoinrArgs, context: &Context) -> Result<Outcome, Error> {
    let lang = context.lang;
    let meta_name = args.meta.display().to_string();
    let data_name = args.data.display().to_string();
    let meta = read_text(&args.meta, lang)?;
    let data = read_text(&args.data, lang)?;
    let method = match &args.method {
        Some(path) => read_method(path, lang)?,
        None => Method::default(),
    };
    let id = args.id.clone().unwrap_or_else(|| {
        args.meta
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "coinr".into())
    });
    let name = args.name.clone().unwrap_or_else(|| id.clone());
    let framework_out = args.framework_out.display().to_string();
    let data_out = args.data_out.display().to_string();
    let imported = coinr::import(
        Source {
            name: &meta_name,
            text: &meta,
        },
        Source {
            name: &data_name,
            text: &data,
        },
        [&framework_out, &data_out],
        &method,
        &id,
        &name,
    )
    .map_err(|f| Error::File(Issue::all(f.diagnostics, lang)))?;
    let inputs: Vec<&Path> = [Some(&args.meta), Some(&args.data), args.method.as_ref()]
        .into_iter()
        .flatten()
        .map(PathBuf::as_path)
        .collect();
    if args.framework_out == args.data_out {
        return Err(Error::Usage(i18n::output_is_input(lang, &data_out)));
    }
    // Both outputs are checked before either is written, so a refusal leaves nothing behind.
    for path in [&args.framework_out, &args.data_out] {
        output::check_target(path, args.force, &inputs, lang)?;
    }
    output::write_file(
        &args.framework_out,
        imported.framework_text.as_bytes(),
        args.force,
        &inputs,
        lang,
    )?;
    output::write_file(
        &args.data_out,
        imported.data_text.as_bytes(),
        args.force,
        &inputs,
        lang,
    )?;
    let mut message = i18n::coinr_done(lang, imported.counts, &framework_out, &data_out);
    for note in Issue::all(imported.notes, lang) {
        message.push_str(&format!(
            "{}: {}: {}\n",
            i18n::severity(lang, note.severity),
            note.place(),
            note.message()
        ));
    }
    output::emit(message.as_bytes(), &OutputArgs::default(), &[], lang)?;
    Ok(Outcome::Success)
}
