//! Why a command could not do its job, and the one place that turns that
//! into a message and exit status 2.

use std::io;
use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use vianet_privacy::wire::WireError;

use crate::diagnose::Diagnosis;
use crate::messages::{Msg, Tr};

/// What a command did, when it did its job: exit 0, or exit 1 for a deny
/// (`check`) or a failed audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit status 0.
    Success,
    /// Exit status 1.
    Failure,
}

/// Why a command could not do its job: exit status 2 (0 for `--help` and
/// `--version`, which clap reports as errors).
#[derive(Debug)]
pub enum Failure {
    /// The command line (clap's error, or `--help`, `--version`).
    CommandLine(clap::Error),
    /// An option's value, in words already translated.
    Usage(String),
    /// Input that is not a readable, decidable request.
    Input(Box<WireError>),
    /// A file or stream that cannot be read.
    Read {
        /// What was being read (a path, standard input).
        what: String,
        /// The error.
        err: io::Error,
    },
    /// A file or stream that cannot be written.
    Write {
        /// What was being written.
        what: String,
        /// The error, in words.
        err: String,
    },
    /// The service cannot start (`serve`: the address is taken, a log
    /// cannot be opened).
    Serve {
        /// Where it was to serve.
        what: String,
        /// The error, in words.
        err: String,
    },
}

impl Failure {
    /// A write error, from any error type.
    pub fn write(what: impl Into<String>, err: impl std::fmt::Display) -> Failure {
        Failure::Write {
            what: what.into(),
            err: err.to_string(),
        }
    }

    /// Prints the failure (on standard error; with `json`, also as a JSON
    /// object on standard output) and gives the exit status.
    pub fn report(self, tr: Tr, json: bool) -> ExitCode {
        let (message, json_error) = match self {
            Failure::CommandLine(err) => return command_line(&err, tr),
            Failure::Usage(message) => (tr.f(Msg::ErrorHead, &[("kind", &"usage"), ("message", &message)]), None),
            Failure::Input(err) => {
                let diagnosis = Diagnosis::of(&err, tr);
                let value = serde_json::to_value(&diagnosis).ok();
                (diagnosis.render(tr), value)
            }
            Failure::Read { what, err } => {
                let message = tr.f(Msg::CannotRead, &[("what", &what), ("error", &io_error(&err, tr))]);
                (tr.f(Msg::ErrorHead, &[("kind", &"io"), ("message", &message)]), None)
            }
            Failure::Write { what, err } => {
                let message = tr.f(Msg::CannotWrite, &[("what", &what), ("error", &err)]);
                (tr.f(Msg::ErrorHead, &[("kind", &"io"), ("message", &message)]), None)
            }
            Failure::Serve { what, err } => {
                let message = tr.f(Msg::ServeFailed, &[("what", &what), ("error", &err)]);
                (tr.f(Msg::ErrorHead, &[("kind", &"io"), ("message", &message)]), None)
            }
        };
        if json {
            let error = json_error.unwrap_or_else(|| serde_json::json!({ "kind": "usage", "message": message }));
            println!("{}", serde_json::json!({ "error": error }));
        }
        eprintln!("{message}");
        ExitCode::from(2)
    }
}

/// An I/O error in words: the system's in English; in Chinese, by its kind.
pub fn io_error(err: &io::Error, tr: Tr) -> String {
    if !tr.zh() {
        return err.to_string();
    }
    let msg = match err.kind() {
        io::ErrorKind::NotFound => Msg::IoNotFound,
        io::ErrorKind::PermissionDenied => Msg::IoPermissionDenied,
        io::ErrorKind::IsADirectory => Msg::IoIsADirectory,
        _ => Msg::IoOther,
    };
    tr.t(msg).to_owned()
}

/// clap's errors: help and version on standard output with exit 0; the
/// rest on standard error with exit 2, in Chinese when asked.
fn command_line(err: &clap::Error, tr: Tr) -> ExitCode {
    let kind = err.kind();
    let shows_help = matches!(
        kind,
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !tr.zh() || shows_help {
        // Output errors (a closed pipe) leave nothing more to say.
        let _ = err.print();
        return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    }
    eprintln!("{}", chinese(err, tr));
    ExitCode::from(2)
}

/// clap's error, said in Chinese from its kind and context.
fn chinese(err: &clap::Error, tr: Tr) -> String {
    let context = |kind: ContextKind| err.get(kind).map(ToString::to_string).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let msg = match err.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::NoEquals => Msg::ClapInvalidValue,
        ErrorKind::UnknownArgument => Msg::ClapUnknownArgument,
        ErrorKind::InvalidSubcommand => Msg::ClapInvalidSubcommand,
        ErrorKind::MissingRequiredArgument => Msg::ClapMissingRequired,
        ErrorKind::ArgumentConflict => Msg::ClapConflict,
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => Msg::ClapWrongValues,
        ErrorKind::MissingSubcommand => Msg::ClapMissingSubcommand,
        ErrorKind::InvalidUtf8 => Msg::ClapInvalidUtf8,
        _ => Msg::ClapOther,
    };
    let subcommand = context(ContextKind::InvalidSubcommand);
    let prior = context(ContextKind::PriorArg);
    let head = tr.f(
        msg,
        &[
            ("arg", &arg),
            ("value", &value),
            ("name", &subcommand),
            ("prior", &prior),
        ],
    );
    let mut out = tr.f(Msg::ErrorHead, &[("kind", &"usage"), ("message", &head)]);
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push_str("\n  ");
        out.push_str(&tr.f(Msg::ClapPossibleValues, &[("values", &valid)]));
    }
    let suggested = [
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .map(context)
    .find(|text| !text.is_empty());
    if let Some(name) = suggested {
        out.push_str("\n  ");
        out.push_str(&tr.f(Msg::DidYouMean, &[("name", &name)]));
    }
    let usage = context(ContextKind::Usage);
    if let Some(usage) = usage.strip_prefix("Usage: ") {
        out.push_str("\n\n");
        out.push_str(&tr.f(Msg::ClapUsage, &[("usage", &usage)]));
    }
    out.push('\n');
    out.push_str(tr.t(Msg::ClapMoreInformation));
    out
}
