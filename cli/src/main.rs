//! `vianet-privacy`: the command-line tool of the `vianet-privacy` library.
//!
//! * `check`: decide one request, given by options or as JSON;
//! * `clauses`: the clause catalog, beside the statement;
//! * `audit`: decide every line of a processing or decision log and report;
//! * `serve`: the decision service (`integrations/server`) over HTTP.
//!
//! Each subcommand is one module of [`commands`], with its arguments and
//! its `run`; `main` parses the command line, runs the subcommand and turns
//! its outcome or failure into the exit status, in one place.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod commands;
mod diagnose;
mod failure;
mod messages;
mod vocab;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use vianet_privacy::Language;

use crate::failure::{Failure, Outcome};
use crate::messages::{help, Tr};

/// The command line.
#[derive(Parser, Debug)]
#[command(
    name = "vianet-privacy",
    version,
    about = help("about"),
    after_help = help("after"),
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_required = true,
    arg_required_else_help = true,
    help_template = messages::help_template(),
    override_usage = messages::usage("vianet-privacy"),
    subcommand_help_heading = messages::commands_heading(),
    next_help_heading = messages::options_heading(),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

/// The options every subcommand takes.
#[derive(Args, Debug, Clone, Copy)]
pub struct Global {
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        default_value = "en",
        value_parser = vocab::language_parser(),
        help = vocab::help_values("global.lang", &["en", "zh-CN"]),
        hide_possible_values = messages::hide_annotations(),
        hide_default_value = messages::hide_annotations(),
    )]
    pub lang: Language,
    #[arg(long, global = true, help = help("global.json"))]
    pub json: bool,
}

/// The subcommands; each is a module of [`commands`].
#[derive(Subcommand, Debug)]
enum Command {
    #[command(
        about = help("check"),
        after_help = help("check.after"),
        help_template = messages::help_template(),
        override_usage = messages::usage("check"),
        next_help_heading = messages::options_heading(),
    )]
    Check(commands::check::Args),
    #[command(
        about = help("clauses"),
        after_help = help("clauses.after"),
        help_template = messages::help_template(),
        override_usage = messages::usage("clauses"),
        next_help_heading = messages::options_heading(),
    )]
    Clauses(commands::clauses::Args),
    #[command(
        about = help("audit"),
        after_help = help("audit.after"),
        help_template = messages::help_template(),
        override_usage = messages::usage("audit"),
        next_help_heading = messages::options_heading(),
    )]
    Audit(commands::audit::Args),
    #[command(
        about = help("serve"),
        after_help = help("serve.after"),
        help_template = messages::help_template(),
        override_usage = messages::usage("serve"),
        next_help_heading = messages::options_heading(),
    )]
    Serve(commands::serve::Args),
}

/// The command, with `--help` and `--version` described in the help's
/// language (clap's own are English).
fn command() -> clap::Command {
    Cli::command()
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(help("global.help")),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help("global.version")),
        )
}

/// The language asked for with `--lang`, read by clap before the help or
/// an error is written in it: the same command made lenient (help and
/// version read as plain flags, so that `--help --lang zh-CN` is read to
/// the end; every value but `--lang`'s taken as given; errors ignored).
/// English when `--lang` is absent, its value is unknown, or clap stops
/// before it (an unknown option earlier on the line); the real parse then
/// reports what is wrong.
fn asked_language<I, T>(args: I) -> Language
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let lenient = |arg: Arg| {
        if arg.get_id() == "help" || arg.get_id() == "version" {
            arg.action(ArgAction::SetTrue)
        } else if arg.get_id() != "lang" && arg.get_action().takes_values() {
            arg.value_parser(clap::builder::ValueParser::os_string())
        } else {
            arg
        }
    };
    command()
        .ignore_errors(true)
        .mut_args(lenient)
        .mut_subcommands(|subcommand| subcommand.mut_args(lenient))
        .try_get_matches_from(args)
        .ok()
        .and_then(|matches| matches.get_one::<Language>("lang").copied())
        .unwrap_or(Language::En)
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    let global = cli.global;
    match cli.command {
        Command::Check(args) => commands::check::run(args, global),
        Command::Clauses(args) => commands::clauses::run(&args, global),
        Command::Audit(args) => commands::audit::run(args, global),
        Command::Serve(args) => commands::serve::run(&args, global),
    }
}

fn main() -> ExitCode {
    let asked = asked_language(std::env::args_os());
    messages::set_help_language(asked);
    let parsed = command()
        .try_get_matches_from(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => return Failure::CommandLine(err).report(Tr(asked), false),
    };
    let (tr, json) = (Tr(cli.global.lang), cli.global.json);
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(failure) => failure.report(tr, json),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option is described, in both languages.
    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        for language in Language::ALL {
            messages::set_help_language(*language);
            let mut cmd = command();
            cmd.build();
            let mut commands = vec![cmd.clone()];
            commands.extend(cmd.get_subcommands().cloned());
            for command in &commands {
                assert!(
                    command.get_about().is_some_and(|about| !about.to_string().is_empty()),
                    "{language}: {} has no about",
                    command.get_name()
                );
                for arg in command.get_arguments() {
                    assert!(
                        arg.get_help().is_some_and(|help| !help.to_string().is_empty()),
                        "{language}: {} {} has no help",
                        command.get_name(),
                        arg.get_id()
                    );
                }
            }
        }
        messages::set_help_language(Language::En);
    }

    #[test]
    fn the_language_is_read_from_the_arguments() {
        let read = |list: &[&str]| asked_language(list.iter().copied());
        assert_eq!(read(&["x", "audit", "--lang", "zh-CN"]), Language::ZhCn);
        assert_eq!(read(&["x", "--lang=zh-CN", "clauses"]), Language::ZhCn);
        assert_eq!(read(&["x", "audit", "--help", "--lang", "zh-CN"]), Language::ZhCn);
        assert_eq!(
            read(&["x", "check", "--party", "regulator", "--lang", "zh-CN"]),
            Language::ZhCn
        );
        // clap stops at an unknown option: the error is then in English.
        assert_eq!(
            read(&["x", "check", "--prty", "operator", "--lang", "zh-CN"]),
            Language::En
        );
        assert_eq!(
            read(&["x", "check", "--lang", "zh-CN", "--prty", "operator"]),
            Language::ZhCn
        );
        assert_eq!(read(&["x", "--lang", "zh-CN"]), Language::ZhCn);
        assert_eq!(read(&["x", "clauses", "--lang", "fr"]), Language::En);
        assert_eq!(read(&["x", "clauses"]), Language::En);
        assert_eq!(read(&["x", "check", "--", "--lang", "zh-CN"]), Language::En);
    }

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }
}
