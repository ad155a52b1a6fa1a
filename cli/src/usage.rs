//! The command line's own words in the user's language: `--help` and clap's usage errors.
//!
//! The language is known before clap parses anything (`--lang` on the command line, else
//! the locale), so the clap command is built in that language: Vietnamese help, headings,
//! value names and usage line from `i18n`, and usage errors worded from clap's error kind
//! and context rather than shown in clap's English.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use dti_core::Lang;

use crate::{Cli, i18n};

/// The language the command line asks for with `--lang` (the last one given), if any.
pub(crate) fn lang_of_args(args: &[OsString]) -> Option<Lang> {
    let mut lang = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = if word == "--lang" {
            words.next().map(|v| v.to_string())
        } else {
            word.strip_prefix("--lang=").map(str::to_string)
        };
        match value.as_deref() {
            Some("vi") => lang = Some(Lang::Vi),
            Some("en") => lang = Some(Lang::En),
            _ => {}
        }
    }
    lang
}

/// The clap command in the given language.
pub(crate) fn command(lang: Lang) -> Command {
    let command = Cli::command();
    match lang {
        Lang::En => command,
        Lang::Vi => {
            let mut command = vietnamese(command, None)
                .about(i18n::vi_tool_about())
                .after_help(i18n::vi_exit_codes())
                .subcommand_help_heading(i18n::vi_commands_heading())
                .subcommand_value_name(i18n::vi_command_placeholder())
                .disable_help_subcommand(true);
            command.build();
            let usages: Vec<(String, String)> = command
                .get_subcommands_mut()
                .map(|sub| (sub.get_name().to_string(), usage_line(sub)))
                .collect();
            let root = usage_line(&mut command);
            let mut command = command.override_usage(root);
            for (name, usage) in usages {
                command = command.mut_subcommand(name, |sub| sub.override_usage(usage));
            }
            command
        }
    }
}

/// Where the subcommand's name is on the command line: the first word that is neither an
/// option nor the value of a global option.
fn subcommand_position(args: &[OsString]) -> Option<usize> {
    let mut words = args.iter().enumerate().skip(1);
    while let Some((at, word)) = words.next() {
        let word = word.to_string_lossy();
        if GLOBAL_WITH_VALUE.contains(&word.as_ref()) {
            words.next();
        } else if !word.starts_with('-') {
            return Some(at);
        }
    }
    None
}

/// The global options whose value is the next word.
const GLOBAL_WITH_VALUE: &[&str] = &[
    "--lang",
    "--max-file-mb",
    "--max-rows",
    "--max-columns",
    "--max-unpacked-mb",
    "--max-errors",
];

/// `dti help score` reads as `dti score --help`: the Vietnamese command has no `help`
/// subcommand of clap's, whose description clap words in English.
pub(crate) fn without_help_subcommand(args: Vec<OsString>) -> Vec<OsString> {
    match subcommand_position(&args) {
        Some(at) if args[at] == "help" => {
            let mut rewritten: Vec<OsString> = args[..at].to_vec();
            rewritten.extend(args[at + 1..].iter().cloned());
            rewritten.push("--help".into());
            rewritten
        }
        _ => args,
    }
}

/// The usage line as clap renders it, its placeholders in Vietnamese.
fn usage_line(command: &mut Command) -> String {
    let rendered = command.render_usage().to_string();
    let line = rendered
        .split_once(": ")
        .map_or(rendered.as_str(), |(_, usage)| usage);
    line.replace("[OPTIONS]", i18n::vi_options_placeholder())
        .replace(
            "<COMMAND>",
            &format!("<{}>", i18n::vi_command_placeholder()),
        )
        .replace(
            "[COMMAND]",
            &format!("[{}]", i18n::vi_command_placeholder()),
        )
}

/// A command and its subcommands with Vietnamese words.
fn vietnamese(command: Command, parent: Option<&str>) -> Command {
    let name = command.get_name().to_string();
    let path = parent.map(|_| name.as_str());
    let mut command = command
        .help_template(i18n::vi_help_template())
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_args(|arg| vietnamese_arg(arg, path))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(i18n::vi_help_flag())
                .help_heading(i18n::vi_options_heading()),
        );
    if parent.is_none() {
        command = command.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .global(true)
                .help(i18n::vi_version_flag())
                .help_heading(i18n::vi_options_heading()),
        );
    } else if let Some(about) = i18n::vi_about(Some(&name)) {
        command = command.about(about).long_about(None);
        command = command.after_help(i18n::vi_exit_codes());
        command = command.after_long_help(i18n::vi_after_long_help(&name));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for sub in names {
        command = command.mut_subcommand(sub, |sub| vietnamese(sub, Some(&name)));
    }
    command
}

/// An argument with Vietnamese help: its choices and default said in Vietnamese too.
fn vietnamese_arg(arg: Arg, command: Option<&str>) -> Arg {
    let id = arg.get_id().to_string();
    let mut help = i18n::vi_arg_help(command, &id)
        .map(str::to_string)
        .unwrap_or_else(|| arg.get_help().map(|h| h.to_string()).unwrap_or_default());
    let choices: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| format!("`{}`", value.get_name()))
        .collect();
    let takes_values = arg.get_action().takes_values();
    if !choices.is_empty() && takes_values {
        help.push_str(&format!(
            " [{}: {}]",
            i18n::vi_choices(),
            choices.join(", ")
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| format!("`{}`", v.to_string_lossy()))
        .collect();
    if !defaults.is_empty() && takes_values {
        help.push_str(&format!(
            " [{}: {}]",
            i18n::vi_default(),
            defaults.join(", ")
        ));
    }
    let names: Vec<&'static str> = arg
        .get_value_names()
        .map(|names| names.iter().map(|n| i18n::vi_value_name(n)).collect())
        .unwrap_or_default();
    let heading = if arg.is_positional() {
        i18n::vi_arguments_heading()
    } else {
        i18n::vi_options_heading()
    };
    let arg = arg
        .help(help)
        .long_help(None)
        .hide_possible_values(takes_values)
        .hide_default_value(takes_values)
        .help_heading(heading);
    if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    }
}

/// A usage error in Vietnamese: what is wrong, the usage line, and where to read more.
pub(crate) fn vietnamese_error(
    error: &clap::Error,
    command: &Command,
    args: &[OsString],
) -> String {
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let list = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::StyledStrs(texts)) => texts.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    let message = i18n::vi_usage_error(
        error.kind(),
        &text(ContextKind::InvalidArg),
        &text(ContextKind::InvalidValue),
        &text(ContextKind::InvalidSubcommand),
        &list(ContextKind::ValidValue),
        &text(ContextKind::PriorArg),
    );
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty());
    let subcommand = subcommand_position(args)
        .and_then(|at| {
            let name = args[at].to_string_lossy();
            command.get_subcommands().find(|sub| sub.get_name() == name)
        })
        .or(Some(command));
    let mut out = format!(
        "{}: {message}\n",
        i18n::severity(Lang::Vi, dti_core::Severity::Error)
    );
    if let Some(suggestion) = suggestion {
        out.push_str(&format!("  {}\n", i18n::vi_did_you_mean(&suggestion)));
    }
    if let Some(sub) = subcommand {
        let rendered = sub.clone().render_usage().to_string();
        let usage = rendered
            .split_once(": ")
            .map_or(&*rendered, |(_, usage)| usage);
        out.push_str(&format!("\n{}: {usage}\n", i18n::vi_usage_heading()));
    }
    let name = subcommand
        .filter(|sub| sub.get_name() != command.get_name())
        .map(|sub| format!("dti {} --help", sub.get_name()))
        .unwrap_or_else(|| "dti --help".into());
    out.push_str(&format!("\n{}\n", i18n::vi_more_help(&name)));
    out
}

/// True for clap's "errors" that are help or version shown on purpose.
pub(crate) fn is_display(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every subcommand and argument has its Vietnamese words in `i18n`: a new option
    /// without them fails here rather than show English help under `--lang vi`.
    #[test]
    fn every_argument_has_vietnamese_help() {
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") && i18n::vi_arg_help(None, id).is_none() {
                missing.push(format!("dti --{id}"));
            }
        }
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            if i18n::vi_about(Some(name)).is_none() {
                missing.push(format!("dti {name}"));
            }
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if !matches!(id, "help" | "version") && i18n::vi_arg_help(Some(name), id).is_none()
                {
                    missing.push(format!("dti {name} {id}"));
                }
            }
            let with_values = sub
                .get_arguments()
                .filter(|a| a.get_action().takes_values());
            for names in with_values.filter_map(Arg::get_value_names) {
                for value_name in names {
                    if i18n::vi_value_name(value_name) == "GIÁ_TRỊ" && value_name != "VALUE" {
                        missing.push(format!("dti {name} <{value_name}>"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no Vietnamese words for: {missing:?}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |words: &[&str]| -> Vec<OsString> { words.iter().map(OsString::from).collect() };
        assert_eq!(
            lang_of_args(&args(&["dti", "score", "--lang", "vi"])),
            Some(Lang::Vi)
        );
        assert_eq!(
            lang_of_args(&args(&["dti", "--lang=en", "score"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_of_args(&args(&["dti", "score", "--", "--lang", "vi"])),
            None
        );
        assert_eq!(
            without_help_subcommand(args(&["dti", "--lang", "vi", "help", "score"])),
            args(&["dti", "--lang", "vi", "score", "--help"])
        );
    }
}
