//! Decide one request given as JSON, and explain the decision in both
//! languages.
//!
//! ```text
//! cargo run --example check                  # a built-in request
//! cargo run --example check -- request.json  # a request of your own
//! ```
//!
//! The command-line tool does this with options, `--json` and exit codes:
//! `cargo run -p vianet-privacy-cli -- check --help`.

use vianet_privacy::wire;
use vianet_privacy::Language;

/// An overseas supplier wants a support ticket's contact details.
const REQUEST: &str = r#"{"service": "office_365", "party": "supplier", "action": "access",
    "data": "support_contact_info", "purpose": "resolve_support_issue", "location": "taiwan"}"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let json = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => REQUEST.to_owned(),
    };
    // Reading and deciding in one call; errors name the field and list the valid values.
    let decision = wire::decide_json(&json)?;
    println!("{}", decision.explain(Language::En));
    println!("{}", decision.explain(Language::ZhCn));
    if !decision.missing().is_empty() {
        println!("would be allowed with one of: {}", decision.missing());
    }
    println!("{}", wire::to_json(&decision)?);
    Ok(())
}
