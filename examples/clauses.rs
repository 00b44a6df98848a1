//! `clauses`: the clause catalog, to read beside the statement.
//!
//! ```text
//! cargo run --example clauses                      # every clause, in English
//! cargo run --example clauses -- --lang zh-CN      # headings and titles in Simplified Chinese
//! cargo run --example clauses -- sharing           # one section, by its wire name
//! ```
//!
//! For each section of the statement that has clauses: its heading, then
//! each clause's id (the name decisions cite), title and the passage of the
//! statement it encodes. Passages are the statement's complete English
//! text; the Chinese fragment of the statement does not cover them.
//!
//! Exit status: 0, or 2 for an unknown option, language or section.

use std::process::ExitCode;

use vianet_privacy::{ClauseId, Language, Section};

const USAGE: &str = "usage: clauses [--lang en|zh-CN] [SECTION]";

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<(Language, Option<Section>), String> {
    let mut language = Language::En;
    let mut section = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if let Some(tag) = arg.strip_prefix("--lang=") {
            language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            continue;
        }
        match arg.as_str() {
            "--lang" => {
                let tag = args.next().ok_or("--lang needs a language: en or zh-CN")?;
                language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with('-') => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ => section = Some(arg.parse::<Section>().map_err(|err| err.to_string())?),
        }
    }
    Ok((language, section))
}

/// The catalog as text, section by section in the statement's order.
fn catalog(language: Language, only: Option<Section>) -> String {
    let zh = language == Language::ZhCn;
    let mut out = String::new();
    if zh {
        out.push_str("世纪互联在线服务隐私声明（2020年12月1日更新）条款目录\n");
        out.push_str("（条文为声明英文原文）\n");
    } else {
        out.push_str(
            "Clauses of the Privacy Statement for Online Services Operated by 21Vianet (updated December 1, 2020)\n",
        );
    }
    for &section in Section::ALL {
        if only.is_some_and(|only| only != section) {
            continue;
        }
        let clauses: Vec<ClauseId> = ClauseId::ALL
            .iter()
            .copied()
            .filter(|c| c.section() == section)
            .collect();
        if clauses.is_empty() {
            continue;
        }
        out.push_str(&format!("\n== {} ({}) ==\n", section.label(language), section));
        for clause in clauses {
            out.push_str(&format!("\n{clause}\n  {}\n", clause.label(language)));
            out.push_str(&format!("  \"{}\"\n", clause.passage()));
        }
    }
    out
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok((language, section)) => {
            print!("{}", catalog(language, section));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
