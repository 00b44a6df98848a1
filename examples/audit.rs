//! Decide every line of a JSON Lines log and count the outcomes.
//!
//! ```text
//! cargo run --example audit                 # the sample log in examples/data/
//! cargo run --example audit -- events.jsonl # a log of your own
//! ```
//!
//! The command-line tool's `audit` does the full job (every line accounted
//! for, summaries, an events stream, an HTML report, exit codes):
//! `cargo run -p vianet-privacy-cli -- audit --help`.

use std::collections::BTreeMap;

use vianet_privacy::audit::Event;
use vianet_privacy::{decide, wire::WireError, Decision};

const SAMPLE: &str = include_str!("data/sample-events.jsonl");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let log = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => SAMPLE.to_owned(),
    };
    let (mut allowed, mut denied) = (0, 0);
    let mut by_clause: BTreeMap<_, u64> = BTreeMap::new();
    for (number, line) in log.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        // The envelope a log pipeline adds is tolerated; the request is read strictly.
        let decided = Event::from_json_line(line).and_then(|event| Ok(decide(&event.request_at())?));
        match decided {
            Ok(Decision::Allow(_)) => allowed += 1,
            Ok(Decision::Deny(deny)) => {
                denied += 1;
                *by_clause.entry(deny.clause).or_default() += 1;
            }
            Err(err) => report(number + 1, &err),
        }
    }
    println!("{allowed} allowed, {denied} denied");
    for (clause, count) in by_clause {
        println!("{count:>5}  denied by {clause}: {}", clause.passage());
    }
    Ok(())
}

fn report(line: usize, err: &WireError) {
    eprintln!("line {line} [{}]: {err}", err.kind());
}
