//! Differential check: the crate and an independent Cedar encoding of the
//! statement (`peers/cedar/`, written from the statement's text by someone
//! who did not read our rules) must give the same allow or deny.
//!
//! * `cedar_cases_*`: the Cedar encoding's own hand-written cases, with
//!   the answer its author read in the statement; both engines must give it.
//! * `differential_sample` (every `cargo test`): 150,000 pseudo-random
//!   time-free requests (`DIFFERENTIAL_REQUESTS` sets another number).
//! * `differential_full` (`cargo test --workspace --all-features --test
//!   differential_cedar -- --ignored`, run by CI in its test build, whose
//!   dependencies are optimized; or with `--release`): every one of the
//!   1,385,328 base requests (party × action × data × purpose × location),
//!   once bare and once with pseudo-random authorizations, circumstance and
//!   objections: 2,770,656 requests.
//!
//! A disagreement fails the test and prints the request and both answers.
//! Each disagreement found so far was resolved by reading the statement;
//! `docs/invariants.md` ("Disagreements") records how.
//!
//! Cedar does not model time: the time rules are checked by the root
//! crate's `tests/exhaustive.rs` and `tests/properties.rs`. The request
//! space and generator are the root's `tests/support/mod.rs`, included by
//! `peers/tests/support/mod.rs`.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde_json::Value as Json;
use support::{base_request, random_request, Cedar, Rng, BASE_SPACE};
use vianet_privacy::{decide, Language, Purpose, Request};

/// Compares the two engines on the requests `make(i)` for `i < n`, on every
/// core; panics with the first disagreements.
fn compare(n: usize, make: impl Fn(usize) -> Request + Sync) {
    let cedar = Cedar::new();
    let next = AtomicUsize::new(0);
    let allowed = AtomicUsize::new(0);
    let disagreements = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    const CHUNK: usize = 1024;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                if start >= n {
                    break;
                }
                for i in start..(start + CHUNK).min(n) {
                    let request = make(i);
                    let ours = decide(&request).expect("a time-free request is valid");
                    let theirs = cedar.decide(&request);
                    allowed.fetch_add(usize::from(ours.is_allowed()), Ordering::Relaxed);
                    if ours.is_allowed() != theirs.allowed {
                        let mut found = disagreements.lock().expect("no panic while held");
                        found.push(format!(
                            "request: {}\n  vianet-privacy: {}\n  Cedar: {} (policies: {:?})",
                            serde_json::to_string(&request).expect("a request serializes"),
                            ours.explain(Language::En),
                            if theirs.allowed { "allow" } else { "deny" },
                            theirs.clauses
                        ));
                    }
                }
            });
        }
    });
    let found = disagreements.into_inner().expect("no panic while held");
    assert!(
        found.is_empty(),
        "{} disagreements between vianet-privacy and Cedar in {n} requests; the first ones:\n{}",
        found.len(),
        found.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    let allowed = allowed.into_inner();
    // Both sides of the decision are exercised, or agreement says little.
    assert!(allowed > n / 100 && allowed < n - n / 100, "{allowed} allows of {n}");
    println!("differential: {n} requests, {allowed} allowed by both engines, the rest denied by both; no disagreement");
}

/// A pseudo-random request; one in eight is a data-subject request, so that
/// the management section is well covered.
fn sampled(seed: u64, i: usize) -> Request {
    let mut rng = Rng((seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1);
    let mut request = random_request(&mut rng);
    if rng.one_in(8) {
        request.purpose = Purpose::DataSubjectRequest;
    }
    request
}

#[test]
fn differential_sample() {
    let n = std::env::var("DIFFERENTIAL_REQUESTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150_000);
    compare(n, |i| sampled(0x5eed_cafe, i));
}

#[test]
#[ignore = "two million requests: run with optimized dependencies, as CI does"]
fn differential_full() {
    // The docs (here and docs/invariants.md) state the size of the space: a
    // new party, action, data element, purpose or location changes it.
    assert_eq!(BASE_SPACE, 1_385_328, "update the stated size of the request space");
    compare(2 * BASE_SPACE, |i| {
        let base = base_request(i % BASE_SPACE);
        if i < BASE_SPACE {
            return base;
        }
        let context = sampled(0xf011_5eed, i);
        base.with_authorizations(context.authorizations)
            .with_circumstance_option(context.circumstance)
            .with_objections(context.objections)
            .with_service(context.service)
    });
}

fn cases(name: &str) -> Vec<(Request, bool, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/cedar/");
    let text = std::fs::read_to_string(format!("{path}{name}")).expect("a case file");
    let cases: Vec<Json> = serde_json::from_str(&text).expect("cases parse");
    cases
        .into_iter()
        .map(|case| {
            let expected = case["expected"].as_str() == Some("allow");
            let why = case["why"].as_str().unwrap_or_default().to_owned();
            let mut request = case["request"].clone();
            let object = request.as_object_mut().expect("a case's request is an object");
            if object.get("circumstance").and_then(Json::as_str) == Some("none") {
                object.remove("circumstance");
            }
            let request: Request = serde_json::from_value(request).expect("a case is a request");
            (request, expected, why)
        })
        .collect()
}

fn check_cases(name: &str, at_least: usize) {
    let cedar = Cedar::new();
    let cases = cases(name);
    assert!(cases.len() >= at_least, "{} cases in {name}", cases.len());
    for (request, expected, why) in &cases {
        let theirs = cedar.decide(request);
        assert_eq!(theirs.allowed, *expected, "Cedar on {request:?} ({why})");
        let ours = decide(request).expect("a valid case");
        assert_eq!(
            ours.is_allowed(),
            *expected,
            "vianet-privacy on {request:?} ({why}): {ours}"
        );
    }
}

/// The re-derived policy set is well formed: it validates strictly against
/// its schema, every policy names an `@id` and a `@clause` that is one of
/// the crate's clause ids, and no policy reads an entity attribute (the
/// harness passes no entities).
#[test]
fn cedar_policies_validate_strictly_and_cite_real_clauses() {
    use std::str::FromStr;
    let text = support::policy_text();
    let policies = cedar_policy::PolicySet::from_str(&text).expect("policies parse");
    let schema_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/cedar/statement.cedarschema"))
        .expect("schema file");
    let (schema, _) = cedar_policy::Schema::from_cedarschema_str(&schema_text).expect("schema parses");
    let validator = cedar_policy::Validator::new(schema);
    let result = validator.validate(&policies, cedar_policy::ValidationMode::Strict);
    assert!(
        result.validation_passed(),
        "{:?}",
        result.validation_errors().map(|e| e.to_string()).collect::<Vec<_>>()
    );
    let mut count = 0;
    for policy in policies.policies() {
        count += 1;
        assert!(policy.annotation("id").is_some(), "{policy}");
        let clause = policy.annotation("clause").expect("every policy names its clause");
        assert!(
            clause.parse::<vianet_privacy::ClauseId>().is_ok(),
            "{clause} is not a clause id"
        );
        assert!(!policy.to_string().contains("resource."), "{policy}");
        assert!(!policy.to_string().contains("principal."), "{policy}");
    }
    assert!(count >= 50, "{count} policies");
}

#[test]
fn cedar_cases_of_the_statement() {
    check_cases("cases.json", 240);
}
