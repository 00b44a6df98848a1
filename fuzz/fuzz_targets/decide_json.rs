//! Fuzzes the JSON entry points, `wire::decide_json` and
//! `wire::decide_compliance_json`, with arbitrary text.
//!
//! The property, for any input: neither entry point panics; every error
//! has a kind and a non-empty message; and a decision, above all an allow,
//! is only given to input that the strict reader of that request type
//! accepts (`wire::parse_request`, or `wire::from_json::<ComplianceRequest>`)
//! and whose strictly read request the library decides the same way. So
//! nothing that fails to parse is ever allowed. Input that is not UTF-8
//! cannot reach the `&str` entry points and is skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vianet_privacy::wire::{self, WireError, WireErrorKind};
use vianet_privacy::{decide, decide_compliance, ComplianceRequest};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };

    match wire::decide_json(input) {
        Ok(decision) => {
            let request = wire::parse_request(input).unwrap_or_else(|err| {
                panic!("decide_json decided {decision}, parse_request refused: {err}; input {input:?}")
            });
            assert_eq!(
                decide(&request).as_ref(),
                Ok(&decision),
                "decide_json and decide(parse_request) disagree; input {input:?}"
            );
        }
        Err(err) => check_error(&err, input),
    }

    match wire::decide_compliance_json(input) {
        Ok(decision) => {
            let request: ComplianceRequest = wire::from_json(input).unwrap_or_else(|err| {
                panic!("decide_compliance_json decided {decision}, from_json refused: {err}; input {input:?}")
            });
            assert_eq!(
                decide_compliance(&request).as_ref(),
                Ok(&decision),
                "decide_compliance_json and decide_compliance(from_json) disagree; input {input:?}"
            );
        }
        Err(err) => check_error(&err, input),
    }
});

/// Every error is classified and explained.
fn check_error(err: &WireError, input: &str) {
    assert!(
        WireErrorKind::ALL.contains(&err.kind()),
        "unlisted error kind {:?}; input {input:?}",
        err.kind()
    );
    assert!(
        !err.to_string().trim().is_empty(),
        "error without a message: {err:?}; input {input:?}"
    );
}
