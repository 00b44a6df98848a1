//! `clauses`: the clause catalog, to read beside the statement.

use serde::Serialize;
use vianet_privacy::{ClauseId, Language, Section};

use crate::failure::{Failure, Outcome};
use crate::messages::{Msg, Tr};
use crate::vocab::{self, parser};
use crate::Global;

/// `clauses`' arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long = "clause", value_name = "CLAUSE", value_delimiter = ',', value_parser = parser::<ClauseId>(),
          help = crate::messages::help("clauses.clause"), hide_possible_values = true)]
    clauses: Vec<ClauseId>,
    #[arg(long = "section", value_name = "SECTION", value_delimiter = ',', value_parser = parser::<Section>(),
          help = vocab::help::<Section>("clauses.section"), hide_possible_values = crate::messages::hide_annotations())]
    sections: Vec<Section>,
}

/// One clause, as `--json` writes it.
#[derive(Serialize)]
struct Entry {
    id: ClauseId,
    section: Section,
    section_title: &'static str,
    title: &'static str,
    passage: &'static str,
    /// The passage in the statement's Chinese text, `null` where the
    /// Chinese fragment does not have the sentence.
    passage_zh: Option<&'static str>,
}

/// Prints the catalog, or the clauses and sections asked for.
pub fn run(args: &Args, global: Global) -> Result<Outcome, Failure> {
    let tr = Tr(global.lang);
    let shown: Vec<ClauseId> = ClauseId::ALL
        .iter()
        .copied()
        .filter(|clause| {
            (args.clauses.is_empty() && args.sections.is_empty())
                || args.clauses.contains(clause)
                || args.sections.contains(&clause.section())
        })
        .collect();
    if global.json {
        let entries: Vec<Entry> = shown
            .iter()
            .map(|&clause| Entry {
                id: clause,
                section: clause.section(),
                section_title: clause.section().label(tr.0),
                title: clause.label(tr.0),
                passage: clause.passage(),
                passage_zh: clause.passage_in(Language::ZhCn),
            })
            .collect();
        let json = serde_json::to_string_pretty(&entries).map_err(|err| Failure::write("standard output", err))?;
        println!("{json}");
    } else {
        print!("{}", catalog(&shown, tr));
    }
    Ok(Outcome::Success)
}

/// The catalog as text, section by section in the statement's order.
fn catalog(shown: &[ClauseId], tr: Tr) -> String {
    let mut out = format!("{}\n", tr.t(Msg::ClausesTitle));
    out.push_str(tr.t(Msg::ClausesPassageNote));
    out.push('\n');
    for &section in Section::ALL {
        let clauses: Vec<ClauseId> = shown.iter().copied().filter(|c| c.section() == section).collect();
        if clauses.is_empty() {
            continue;
        }
        out.push_str(&format!("\n== {} ({section}) ==\n", section.label(tr.0)));
        for clause in clauses {
            out.push_str(&format!("\n{clause}\n  {}\n", clause.label(tr.0)));
            // In Chinese, the Chinese text's sentence first where the
            // fragment has it; the English text always, as the complete one.
            if let Some(zh) = clause.passage_in(tr.0).filter(|_| tr.0 == Language::ZhCn) {
                out.push_str(&format!("  “{zh}”\n"));
            }
            out.push_str(&format!("  \"{}\"\n", clause.passage()));
        }
    }
    out
}
