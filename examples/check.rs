//! `check`: decide one request given as JSON.
//!
//! ```text
//! cargo run --example check -- request.json          # from a file
//! cargo run --example check -- '{"service": …}'      # from the argument
//! echo '{"service": …}' | cargo run --example check  # from standard input ("-" too)
//! cargo run --example check -- --lang zh-CN request.json
//! cargo run --example check -- --json request.json
//! ```
//!
//! Prints the decision as a short explanation (English, or Simplified
//! Chinese with `--lang zh-CN`), or as JSON with `--json`.
//!
//! Exit status: 0 allow, 1 deny, 2 bad input (unreadable or undecidable
//! request, unknown option, missing file). With `--json`, bad input also
//! prints `{"error": {"kind": …, "message": …}}` on standard output.

use std::io::Read;
use std::process::ExitCode;

use vianet_privacy::wire::{self, WireError};
use vianet_privacy::{Decision, Language};

const USAGE: &str = "usage: check [--lang en|zh-CN] [--json] [FILE | JSON | -]";

/// What the command line asks for.
struct Options {
    language: Language,
    json: bool,
    input: Input,
}

enum Input {
    Stdin,
    File(String),
    Text(String),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        language: Language::En,
        json: false,
        input: Input::Stdin,
    };
    let mut args = args.into_iter();
    let mut input = None;
    while let Some(arg) = args.next() {
        if let Some(tag) = arg.strip_prefix("--lang=") {
            options.language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            continue;
        }
        match arg.as_str() {
            "--json" => options.json = true,
            "--lang" => {
                let tag = args.next().ok_or("--lang needs a language: en or zh-CN")?;
                options.language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ => {
                if input.is_some() {
                    return Err(format!("more than one input given\n{USAGE}"));
                }
                input = Some(arg);
            }
        }
    }
    options.input = match input {
        None => Input::Stdin,
        Some(arg) if arg == "-" => Input::Stdin,
        Some(arg) if arg.trim_start().starts_with('{') => Input::Text(arg),
        Some(path) => Input::File(path),
    };
    Ok(options)
}

fn read_input(input: &Input) -> Result<String, String> {
    match input {
        Input::Text(text) => Ok(text.clone()),
        Input::File(path) => std::fs::read_to_string(path).map_err(|err| format!("cannot read {path}: {err}")),
        Input::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|err| format!("cannot read standard input: {err}"))?;
            Ok(text)
        }
    }
}

/// The human rendering: the explanation, then the statement version.
fn render(decision: &Decision, language: Language) -> String {
    let version = decision.statement_version();
    let version_line = match language {
        Language::ZhCn => format!("依据：隐私声明（{}更新）", version.label(language)),
        _ => format!("Under: the privacy statement updated {}", version.label(language)),
    };
    format!("{}\n{version_line}", decision.explain(language))
}

fn bad_input(err: &WireError, options: &Options) -> ExitCode {
    if options.json {
        println!("{}", serde_json::json!({ "error": err }));
    }
    eprintln!("error[{}]: {err}", err.kind());
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(&options.input) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let decision = match wire::decide_json(&text) {
        Ok(decision) => decision,
        Err(err) => return bad_input(&err, &options),
    };
    if options.json {
        match wire::to_json(&decision) {
            Ok(json) => println!("{json}"),
            Err(err) => return bad_input(&err, &options),
        }
    } else {
        println!("{}", render(&decision, options.language));
    }
    if decision.is_allowed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
