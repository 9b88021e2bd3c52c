//! Turns clap's multi-line usage errors into the one line every `careers` error is:
//! what was wrong, clap's own suggestion as ` (did you mean X?)`, the valid values, and a short
//! pointer to the right `--help`. Help and version requests are not errors and never come here.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::cli::command_tree;
use crate::error::did_you_mean;

/// The message (without the `careers: error: ` prefix) for a clap error, given the arguments
/// the program was called with (without the program name).
pub fn one_line(err: &clap::Error, args: &[OsString]) -> String {
    let mut cli = command_tree();
    let sub = subcommand_in(&cli, args);
    let mut message = match err.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            if sub.is_none() =>
        {
            "no command given".to_owned()
        }
        _ => cause(err, &strings(err.get(ContextKind::InvalidArg)).join(", ")),
    };

    let mut suggestions = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        suggestions.extend(strings(err.get(kind)));
    }
    message.push_str(&did_you_mean(&suggestions));
    if suggestions.is_empty()
        && let Some(ContextValue::StyledStrs(tips)) = err.get(ContextKind::Suggested)
    {
        for tip in tips {
            message.push_str(&format!("; tip: {tip}"));
        }
    }

    let valid = strings(err.get(ContextKind::ValidValue));
    if !valid.is_empty() {
        message.push_str(&format!("; possible values: {}", valid.join(", ")));
    }
    let names_commands = matches!(
        err.kind(),
        ErrorKind::InvalidSubcommand
            | ErrorKind::MissingSubcommand
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    // The choices of the command that wants one: the top level's, or a subcommand's own
    // (`careers import` names `onet`).
    let parent = match &sub {
        Some(name) => cli.find_subcommand(name).filter(|c| c.has_subcommands()),
        None => Some(&cli),
    };
    if let Some(parent) = parent.filter(|_| names_commands && suggestions.is_empty()) {
        let commands: Vec<&str> = parent
            .get_subcommands()
            // clap's own `help`, which the built tree holds, is not a command to run.
            .filter(|c| !c.is_hide_set() && c.get_name() != "help")
            .map(clap::Command::get_name)
            .collect();
        message.push_str(&format!("; commands: {}", commands.join(", ")));
    }
    if err.kind() == ErrorKind::MissingRequiredArgument
        && let Some(usage) = sub.as_deref().and_then(|sub| usage_of(&mut cli, sub))
    {
        message.push_str(&format!("; usage: {usage}"));
    }
    match sub {
        Some(name) => message.push_str(&format!("; see careers {name} --help")),
        None => message.push_str("; see careers --help"),
    }
    message
}

/// What was wrong, in clap's words. The value the user typed goes in as it is (sanitized
/// when printed): clap's rendered text strips escape sequences, which would hide it.
fn cause(err: &clap::Error, arg: &str) -> String {
    let value = strings(err.get(ContextKind::InvalidValue)).join(" ");
    match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("a value is required for '{arg}' but none was supplied")
        }
        ErrorKind::InvalidValue => format!("invalid value '{value}' for '{arg}'"),
        ErrorKind::ValueValidation => match std::error::Error::source(err) {
            Some(why) => format!("invalid value '{value}' for '{arg}': {why}"),
            None => format!("invalid value '{value}' for '{arg}'"),
        },
        ErrorKind::UnknownArgument => format!("unexpected argument '{arg}' found"),
        ErrorKind::InvalidSubcommand => format!(
            "unrecognized subcommand '{}'",
            strings(err.get(ContextKind::InvalidSubcommand)).join(" ")
        ),
        _ => first_paragraph(err),
    }
}

/// The first paragraph of clap's own message, on one line, without the `error:` label and
/// without the value list (added separately, in the same words for every error).
fn first_paragraph(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let mut line = String::new();
    for part in rendered.lines().take_while(|l| !l.trim().is_empty()) {
        let part = part.trim();
        let part = part.strip_prefix("error:").map_or(part, str::trim);
        if part.starts_with('[') {
            continue;
        }
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { ", " });
        }
        line.push_str(part);
    }
    line
}

/// `careers gap <FROM> <TO>`: the subcommand's usage as its help shows it, whatever the
/// environment supplied.
fn usage_of(cli: &mut clap::Command, sub: &str) -> Option<String> {
    let usage = cli.find_subcommand_mut(sub)?.render_usage().to_string();
    Some(usage.trim().trim_start_matches("Usage:").trim().to_owned())
}

fn strings(value: Option<&ContextValue>) -> Vec<String> {
    match value {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// The subcommand the arguments name: the first one that is a subcommand's name or alias.
fn subcommand_in(cli: &clap::Command, args: &[OsString]) -> Option<String> {
    args.iter().filter_map(|a| a.to_str()).find_map(|arg| {
        cli.get_subcommands()
            .find(|c| c.get_name() == arg || c.get_all_aliases().any(|alias| alias == arg))
            .map(|c| c.get_name().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(args: &[&str]) -> String {
        let argv: Vec<OsString> = args.iter().map(OsString::from).collect();
        let err = crate::cli::parse(std::iter::once(OsString::from("careers")).chain(argv.clone()))
            .expect_err("a usage error");
        one_line(&err, &argv)
    }

    #[test]
    fn unknown_value_names_the_suggestion_and_every_valid_value() {
        assert_eq!(
            message(&["--format", "jsn", "list"]),
            "invalid value 'jsn' for '--format <FORMAT>' (did you mean json?); possible values: \
             table, plain, json, csv, markdown; see careers list --help"
        );
    }

    #[test]
    fn the_value_typed_is_kept_for_the_printer_to_sanitize() {
        assert!(
            message(&["--color", "\u{1b}[2J", "list"]).starts_with("invalid value '\u{1b}[2J'")
        );
    }

    #[test]
    fn unknown_subcommand_suggests_the_near_one() {
        assert_eq!(
            message(&["shwo"]),
            "unrecognized subcommand 'shwo' (did you mean show?); see careers --help"
        );
    }

    #[test]
    fn missing_argument_shows_the_usage() {
        assert_eq!(
            message(&["gap", "ml-engineer"]),
            "the following required arguments were not provided: <TO>; usage: careers gap [OPTIONS] \
             <FROM> <TO>; see careers gap --help"
        );
    }

    #[test]
    fn every_message_is_one_line() {
        for args in [
            &["show"][..],
            &["show", "x", "--secton", "salary"],
            &["salary", "--list-cities", "--city", "x"],
            &["match", "--top", "0", "--skills", "a"],
            &["list", "extra"],
            &[],
            &["--format", "\u{1b}[2J", "list"],
        ] {
            let m = message(args);
            assert!(!m.contains('\n'), "{args:?}: {m}");
        }
    }
}
