//! The clause catalog: each clause's id, section, title and passage.
//!
//! ```text
//! cargo run --example clauses
//! ```
//!
//! The command-line tool filters it, in English or Chinese, as text or
//! JSON: `cargo run -p vianet-privacy-cli -- clauses --help`.

use vianet_privacy::{ClauseId, Language};

fn main() {
    for clause in ClauseId::ALL {
        let section = clause.section();
        println!("{clause} ({section}: {})", section.label(Language::En));
        println!("  {} / {}", clause.label(Language::En), clause.label(Language::ZhCn));
        println!("  \"{}\"\n", clause.passage());
    }
}
