//! Malformed requests are errors, never allows.
//!
//! Every input here is derived deterministically from a handful of valid
//! seed requests (processing and compliance requests that between them use
//! every optional field) and from the requests of
//! `examples/data/sample-events.jsonl`: cut short at every character,
//! mangled byte by byte, and mangled field by field (values swapped,
//! retyped, nested, repeated, dropped; unknown fields; repeated keys;
//! contradictory times). Each input goes to both JSON entry points,
//! `wire::decide_json` and `wire::decide_compliance_json`, and is checked
//! against an oracle that reads the input independently:
//!
//! * an error has a kind, a non-empty message and a JSON form, and is the
//!   very error that reading the input strictly (`parse_request`, or
//!   `from_json` for a compliance request) or deciding what was read gives;
//! * a decision, allow or deny, is given only for input that is still a
//!   valid request: JSON without repeated keys, with only documented fields,
//!   read as written field for field, and decided as the request parsed
//!   strictly and decided by `decide` (or `decide_compliance`) is.
//!
//! A panic anywhere fails the test with the input that caused it. The
//! counts of each outcome are printed:
//! `cargo test --test malformed -- --nocapture`.
#![cfg(feature = "json")]

mod support;

use support::Rng;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::{self, Write as _};
use std::panic::{self, AssertUnwindSafe};
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use vianet_privacy::wire::{self, WireError, WireErrorKind};
use vianet_privacy::{decide, decide_compliance, time::parse_time, ComplianceRequest, Decision, RequestError};

// ---------------------------------------------------------------------------
// Seeds

/// Valid processing requests. Between them they use every field of a
/// request, both account states, explicit `null`s and defaults, and they
/// are decided both ways (allows and denies of every kind).
const PROCESSING_SEEDS: &[&str] = &[
    // The minimal request of docs/wire-format.md: allowed with obligations.
    r#"{"service":"azure","party":"supplier","action":"access","data":"customer_content","purpose":"troubleshooting","location":"united_states"}"#,
    // The request with every optional field of docs/wire-format.md.
    r#"{"service":"office_365","party":"authority","action":"disclose","data":"administrator_email","purpose":"legal_compliance","location":"mainland_china","authorizations":["legal_requirement","legal_prohibition_on_notice"],"circumstance":"criminal_investigation","objections":["survey_unsubscribed"],"at":"2024-03-01T09:30:00+08:00"}"#,
    // An open account, a Preview, an adult, a termination still to come and
    // explicit nulls: allowed with the Preview advisory.
    r#"{"service":"azure","party":"operator","action":"store","data":"customer_content","purpose":"provide_service","location":"mainland_china","authorizations":[],"circumstance":null,"objections":[],"at":"2024-03-01T09:30:00+08:00","account":{"state":"open"},"service_terminated_at":"2030-01-01T00:00:00+08:00","trial_ended_at":null,"preview":true,"subject_birth_date":"1980-05-20"}"#,
    // A closed account's data retained for the law: allowed with duties.
    r#"{"service":"dynamics_365","party":"operator","action":"retain","data":"administrator_email","purpose":"legal_compliance","location":"mainland_china","at":"2024-06-01","account":{"state":"closed","closed_at":"2023-01-01","retention_expires":"2026-01-01T00:00:00+08:00"}}"#,
    // A closed account's data used during retention: forbidden.
    r#"{"service":"azure","party":"operator","action":"use","data":"administrator_email","purpose":"administer_account","location":"mainland_china","at":"2024-06-01T12:00:00","account":{"state":"closed","closed_at":"2023-01-01T00:00:00+08:00","retention_expires":"2026-01-01"},"preview":false}"#,
    // After a trial, its data kept for a purchase: allowed.
    r#"{"service":"power_platform","party":"operator","action":"retain","data":"customer_content","purpose":"future_purchase_experience","location":"mainland_china","at":"2024-03-31","trial_ended_at":"2024-03-31T00:00:00+08:00","preview":false}"#,
    // A terminated service's data deleted: allowed.
    r#"{"service":"intune","party":"operator","action":"delete","data":"administrator_email","purpose":"administer_account","location":"mainland_china","at":"2025-04-01","service_terminated_at":"2025-03-31","account":{"state":"open"}}"#,
    // A minor with the guardian's consent: allowed with the advisory.
    r#"{"service":"azure","party":"operator","action":"collect","data":"administrator_email","purpose":"administer_account","location":"mainland_china","authorizations":["guardian_consent"],"at":"2024-01-01T08:00:00Z","subject_birth_date":"2010-01-01"}"#,
    // A minor without it: needs an authorization.
    r#"{"service":"azure","party":"operator","action":"collect","data":"administrator_email","purpose":"administer_account","location":"mainland_china","at":"2023-06-01","subject_birth_date":"2008-05-20"}"#,
    // The security code is never retained: forbidden.
    r#"{"service":"azure","party":"operator","action":"retain","data":"security_code","purpose":"future_transactions","location":"mainland_china","authorizations":["explicit_consent"]}"#,
    // An overseas supplier without prior consent: needs an authorization.
    r#"{"service":"office_365","party":"supplier","action":"access","data":"support_contact_info","purpose":"resolve_support_issue","location":"taiwan","objections":["survey_unsubscribed","cookies_refused"]}"#,
    // A survey to someone who unsubscribed: not permitted.
    r#"{"service":"intune","party":"operator","action":"contact","data":"support_contact_info","purpose":"support_survey","location":"mainland_china","authorizations":[],"objections":["survey_unsubscribed"],"at":"2024-03-10T09:36:58+08:00"}"#,
];

/// Valid compliance requests ("Compliance with Law"), between them using
/// every field, decided both ways.
const COMPLIANCE_SEEDS: &[&str] = &[
    // The compliance request of docs/wire-format.md: allowed.
    r#"{"activity":"serve_website","website":"non_operational","subject_to_permit_or_approval":false,"authorizations":["non_operational_website_filing"],"records_kept":["information_provided","time_of_publishing","internet_address_or_domain_name"]}"#,
    // Discarding records after the retention period, every fact given.
    r#"{"activity":"discard_records","recorded_at":"2021-03-01T10:00:00+08:00","at":"2021-04-01T10:00:00+08:00","retention":30,"records_kept":["information_provided","time_of_publishing","internet_address_or_domain_name"],"identity_provided":["real_identity","contact_information"],"identity_false":[],"prohibited_content":"insults_or_slanders","website":"non_operational","subject_to_permit_or_approval":null,"authorizations":["non_operational_website_filing","government_permit_or_approval"]}"#,
    // Registering with the real identity and contact information: allowed.
    r#"{"activity":"register","identity_provided":["real_identity","contact_information"],"identity_false":[],"at":"2024-03-01T09:30:00+08:00"}"#,
    // Registering with false information: denied.
    r#"{"activity":"update_registration","identity_provided":["real_identity","contact_information"],"identity_false":["contact_information"]}"#,
    // A business subject to approval, with it.
    r#"{"activity":"operate_business","subject_to_permit_or_approval":true,"authorizations":["government_permit_or_approval"],"website":null,"prohibited_content":null}"#,
    // Prohibited Content discovered on the website.
    r#"{"activity":"discover_prohibited_content","prohibited_content":"spreads_rumors","records_kept":["information_provided"],"retention":60}"#,
    // Records given to an authority inquiring under the law.
    r#"{"activity":"answer_records_inquiry","authorizations":["legal_requirement"],"recorded_at":null,"at":null}"#,
];

/// The fields of a processing request (docs/wire-format.md, "Request").
const PROCESSING_FIELDS: &[&str] = &[
    "service",
    "party",
    "action",
    "data",
    "purpose",
    "location",
    "authorizations",
    "circumstance",
    "objections",
    "at",
    "account",
    "service_terminated_at",
    "trial_ended_at",
    "preview",
    "subject_birth_date",
];

/// The fields of a compliance request (docs/wire-format.md, "Compliance
/// request").
const COMPLIANCE_FIELDS: &[&str] = &[
    "activity",
    "prohibited_content",
    "website",
    "subject_to_permit_or_approval",
    "authorizations",
    "records_kept",
    "identity_provided",
    "identity_false",
    "recorded_at",
    "retention",
    "at",
];

/// The fields of an account object.
const ACCOUNT_FIELDS: &[&str] = &["state", "closed_at", "retention_expires"];

/// Fields that hold a time (as read by `vianet_privacy::time`).
const TIME_FIELDS: &[&str] = &[
    "at",
    "service_terminated_at",
    "trial_ended_at",
    "recorded_at",
    "closed_at",
    "retention_expires",
];

/// Fields that hold a set of names.
const SET_FIELDS: &[&str] = &[
    "authorizations",
    "objections",
    "records_kept",
    "identity_provided",
    "identity_false",
];

/// The valid seeds, each with its entry point.
fn seeds() -> Vec<(Entry, &'static str)> {
    let processing = PROCESSING_SEEDS.iter().map(|seed| (Entry::Processing, *seed));
    let compliance = COMPLIANCE_SEEDS.iter().map(|seed| (Entry::Compliance, *seed));
    processing.chain(compliance).collect()
}

/// The requests of the sample audit log, each with its line's time as `at`
/// (compact JSON, one per line). The log has a few malformed lines on
/// purpose (for the `audit` example): a line that is not JSON is left out,
/// a request that is not valid is kept.
fn log_requests() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample-events.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{path}: {err}"));
    text.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .map(|event| {
            let mut request = event["request"].clone();
            if let (Some(object), Some(at)) = (request.as_object_mut(), event.get("at")) {
                object.entry("at").or_insert_with(|| at.clone());
            }
            request.to_string()
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The two entry points and the strict reading of each

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Processing,
    Compliance,
}

/// A request read strictly: its fields as the crate writes them back, and
/// what deciding it gives.
struct Strict {
    fields: Value,
    json: String,
    decision: Result<Decision, RequestError>,
}

impl Entry {
    fn name(self) -> &'static str {
        match self {
            Entry::Processing => "decide_json",
            Entry::Compliance => "decide_compliance_json",
        }
    }

    fn other(self) -> Entry {
        match self {
            Entry::Processing => Entry::Compliance,
            Entry::Compliance => Entry::Processing,
        }
    }

    fn fields(self) -> &'static [&'static str] {
        match self {
            Entry::Processing => PROCESSING_FIELDS,
            Entry::Compliance => COMPLIANCE_FIELDS,
        }
    }

    /// The entry point under test.
    fn decide_json(self, input: &str) -> Result<Decision, WireError> {
        match self {
            Entry::Processing => wire::decide_json(input),
            Entry::Compliance => wire::decide_compliance_json(input),
        }
    }

    /// Reads the input with the request type's own parser and decides the
    /// request with the library's decision function, separately.
    fn strict(self, input: &str) -> Result<Strict, WireError> {
        match self {
            Entry::Processing => {
                let request = wire::parse_request(input)?;
                Ok(Strict {
                    fields: serde_json::to_value(request).expect("a request serializes"),
                    json: wire::to_json(&request).expect("a request serializes"),
                    decision: decide(&request),
                })
            }
            Entry::Compliance => {
                let request: ComplianceRequest = wire::parse_compliance_request(input)?;
                Ok(Strict {
                    fields: serde_json::to_value(request).expect("a compliance request serializes"),
                    json: wire::to_json(&request).expect("a compliance request serializes"),
                    decision: decide_compliance(&request),
                })
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The oracle

/// What one entry point did with one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Error(&'static str),
    Allow,
    Deny,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Error(kind) => f.write_str(kind),
            Outcome::Allow => f.write_str("allow"),
            Outcome::Deny => f.write_str("deny"),
        }
    }
}

/// The input for a failure message: escaped, and shortened when huge.
fn show(input: &str) -> String {
    const MAX: usize = 1500;
    if input.len() <= MAX {
        return format!("{input:?}");
    }
    let mut head = MAX / 2;
    while !input.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = input.len() - MAX / 2;
    while !input.is_char_boundary(tail) {
        tail += 1;
    }
    format!(
        "{:?} … {:?} ({} bytes in all)",
        &input[..head],
        &input[tail..],
        input.len()
    )
}

/// Checks one input at one entry point and says what happened; panics
/// (with the input) when the oracle disagrees.
fn check(entry: Entry, label: &str, input: &str) -> Outcome {
    let at = || format!("{label}, {}, input {}", entry.name(), show(input));
    match entry.decide_json(input) {
        Err(err) => {
            check_error(entry, input, &err, &at);
            Outcome::Error(err.kind().as_str())
        }
        Ok(decision) => {
            let strict = entry
                .strict(input)
                .unwrap_or_else(|strict| panic!("{}: decided {decision}, but it does not parse: {strict}", at()));
            assert_eq!(
                strict.decision.as_ref(),
                Ok(&decision),
                "{}: decided other than the strictly parsed request",
                at()
            );
            check_read_as_written(entry, input, &strict.fields, &at);
            // What the crate writes back is read back and decided the same.
            let again = entry.decide_json(&strict.json);
            assert_eq!(
                again.as_ref(),
                Ok(&decision),
                "{}: its request, written back as {}, is decided otherwise",
                at(),
                strict.json
            );
            if decision.is_allowed() {
                Outcome::Allow
            } else {
                Outcome::Deny
            }
        }
    }
}

/// An error is classified, explained, serializable, and the error of the
/// strict reading (or of deciding what was read).
fn check_error(entry: Entry, input: &str, err: &WireError, at: &dyn Fn() -> String) {
    let kind = err.kind();
    assert!(
        WireErrorKind::ALL.contains(&kind),
        "{}: kind {kind:?} is not listed",
        at()
    );
    assert!(!kind.as_str().is_empty(), "{}: kind without a name", at());
    let message = err.to_string();
    assert!(!message.trim().is_empty(), "{}: error without a message: {err:?}", at());
    let json = wire::to_json(err).unwrap_or_else(|e| panic!("{}: the error does not serialize: {e}", at()));
    assert!(
        json.contains(&format!("\"kind\":\"{}\"", kind.as_str())),
        "{}: the error's JSON lacks its kind: {json}",
        at()
    );
    match entry.strict(input) {
        Err(strict) => assert_eq!(&strict, err, "{}: not the error of the strict reading", at()),
        Ok(strict) => match strict.decision {
            Err(request_error) => assert_eq!(
                err.request_error(),
                Some(&request_error),
                "{}: read, but not refused for the reason deciding gives",
                at()
            ),
            Ok(decision) => panic!("{}: refused ({err}), though it reads and is decided: {decision}", at()),
        },
    }
}

/// A decided input is valid JSON without repeated keys, has only
/// documented fields, and was read as written.
fn check_read_as_written(entry: Entry, input: &str, parsed: &Value, at: &dyn Fn() -> String) {
    serde_json::from_str::<NoRepeatedKeys>(input)
        .unwrap_or_else(|err| panic!("{}: decided, but not strict JSON: {err}", at()));
    let given: Value = serde_json::from_str(input).expect("strict JSON is JSON");
    let given = given
        .as_object()
        .unwrap_or_else(|| panic!("{}: decided, but not an object", at()));
    let parsed = parsed.as_object().expect("a request serializes to an object");
    for key in given.keys() {
        assert!(
            entry.fields().contains(&key.as_str()),
            "{}: decided, with the undocumented field `{key}`",
            at()
        );
    }
    let keys: BTreeSet<&str> = entry
        .fields()
        .iter()
        .copied()
        .chain(given.keys().map(String::as_str))
        .collect();
    for key in keys {
        let written = normalize(key, given.get(key));
        let read = normalize(key, parsed.get(key));
        assert_eq!(written, read, "{}: `{key}` was not read as written", at());
    }
    if let Some(Value::Object(account)) = given.get("account") {
        for key in account.keys() {
            assert!(
                ACCOUNT_FIELDS.contains(&key.as_str()),
                "{}: decided, with the undocumented account field `{key}`",
                at()
            );
        }
    }
}

/// A field's value in a form where what was written and what was read
/// compare equal when they mean the same: absent and default alike, sets
/// sorted, times as instants, dates as dates.
fn normalize(key: &str, value: Option<&Value>) -> Value {
    let value = match value {
        None | Some(Value::Null) => {
            return match key {
                _ if SET_FIELDS.contains(&key) => Value::Array(Vec::new()),
                "preview" => Value::Bool(false),
                "retention" => Value::from(60),
                _ => Value::Null,
            }
        }
        Some(value) => value,
    };
    match (key, value) {
        (_, Value::String(text)) if TIME_FIELDS.contains(&key) => {
            // The crate's reading (`vianet_privacy::time`), its writing of a
            // year beyond 9999, or chrono's relaxed RFC 3339 (spaces allowed
            // around the separators), by which a compliance request reads
            // its times.
            let time = parse_time(text)
                .ok()
                .or_else(|| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%:z").ok())
                .or_else(|| chrono::DateTime::<chrono::FixedOffset>::from_str(text).ok());
            match time {
                Some(time) => Value::from(format!("instant {}", time.naive_utc())),
                None => Value::from(format!("unreadable time {text:?}")),
            }
        }
        ("subject_birth_date", Value::String(text)) => match chrono::NaiveDate::from_str(text) {
            Ok(date) => Value::from(format!("date {date}")),
            Err(_) => Value::from(format!("unreadable date {text:?}")),
        },
        (_, Value::Array(items)) if SET_FIELDS.contains(&key) => {
            let mut items = items.clone();
            items.sort_by_key(Value::to_string);
            Value::Array(items)
        }
        ("account", Value::Object(fields)) => Value::Object(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), normalize(name, Some(value))))
                .collect(),
        ),
        _ => value.clone(),
    }
}

/// Any JSON value, refusing an object that repeats a key (at any depth):
/// the strict reading of JSON that `serde_json::Value` does not do.
struct NoRepeatedKeys;

impl<'de> Deserialize<'de> for NoRepeatedKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Strict;
        impl<'de> Visitor<'de> for Strict {
            type Value = NoRepeatedKeys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON without repeated keys")
            }
            fn visit_bool<E>(self, _: bool) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_i64<E>(self, _: i64) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_u64<E>(self, _: u64) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_f64<E>(self, _: f64) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_str<E>(self, _: &str) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_unit<E>(self) -> Result<NoRepeatedKeys, E> {
                Ok(NoRepeatedKeys)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NoRepeatedKeys, A::Error> {
                while seq.next_element::<NoRepeatedKeys>()?.is_some() {}
                Ok(NoRepeatedKeys)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NoRepeatedKeys, A::Error> {
                let mut seen = HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format!("key `{key}` repeated")));
                    }
                    map.next_value::<NoRepeatedKeys>()?;
                }
                Ok(NoRepeatedKeys)
            }
        }
        deserializer.deserialize_any(Strict)
    }
}

// ---------------------------------------------------------------------------
// Counting

/// What the inputs of one test came to, per family of mutation and per
/// outcome, at the entry point of the seed (own) and at the other one.
#[derive(Default)]
struct Tally {
    inputs: BTreeMap<&'static str, usize>,
    own: BTreeMap<Outcome, usize>,
    other: BTreeMap<Outcome, usize>,
}

impl Tally {
    /// Checks one input at both entry points, reporting a panic (of the
    /// library or of the oracle) with the input.
    fn run(&mut self, case: &Case) {
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let own = check(case.entry, &case.label, &case.input);
            let other = check(case.entry.other(), &case.label, &case.input);
            (own, other)
        }));
        let (own, other) = result.unwrap_or_else(|payload| {
            let what = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            panic!(
                "{} ({}): {what}\n  input: {}",
                case.label,
                case.family,
                show(&case.input)
            )
        });
        *self.inputs.entry(case.family).or_default() += 1;
        *self.own.entry(own).or_default() += 1;
        *self.other.entry(other).or_default() += 1;
    }

    fn total(&self) -> usize {
        self.inputs.values().sum()
    }

    fn errors(counts: &BTreeMap<Outcome, usize>) -> usize {
        counts
            .iter()
            .filter(|(outcome, _)| matches!(outcome, Outcome::Error(_)))
            .map(|(_, n)| n)
            .sum()
    }

    fn count(counts: &BTreeMap<Outcome, usize>, outcome: Outcome) -> usize {
        counts.get(&outcome).copied().unwrap_or(0)
    }

    fn kinds(&self) -> BTreeSet<&'static str> {
        self.own
            .keys()
            .chain(self.other.keys())
            .filter_map(|outcome| match outcome {
                Outcome::Error(kind) => Some(*kind),
                _ => None,
            })
            .collect()
    }

    fn report(&self, test: &str) -> String {
        let mut out = String::new();
        let families: Vec<String> = self.inputs.iter().map(|(family, n)| format!("{family} {n}")).collect();
        let _ = writeln!(out, "{test}: {} inputs ({})", self.total(), families.join(", "));
        for (side, counts) in [("seed's entry point", &self.own), ("other entry point", &self.other)] {
            let errors = Self::errors(counts);
            let outcomes: Vec<String> = counts.iter().map(|(outcome, n)| format!("{outcome} {n}")).collect();
            let _ = writeln!(
                out,
                "  {side}: {errors} errors, {} decided; {}",
                counts.values().sum::<usize>() - errors,
                outcomes.join(", ")
            );
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Mutations

/// One input, with how it was made.
struct Case {
    entry: Entry,
    family: &'static str,
    label: String,
    input: String,
}

/// Every prefix of `text` that ends on a character boundary, shorter than
/// the whole.
fn truncations(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.char_indices().map(move |(at, _)| (at, &text[..at]))
}

/// Bytes that matter to JSON and to the format, for insertions.
const INTERESTING_BYTES: &[u8] = b"{}[]\",:\\ \t\n0123456789-+.eEtrufalsn_zZT\x00\x7f\xc3\xa9\xe2\x80\xa8\xff";

/// `text` with one to three random byte-level edits (flip a bit, delete,
/// insert, duplicate a span, delete a span, swap two bytes), made valid
/// UTF-8 again by replacing broken sequences.
fn mutate_bytes(text: &str, rng: &mut Rng) -> (String, String) {
    let mut bytes = text.as_bytes().to_vec();
    let mut ops = Vec::new();
    for _ in 0..1 + rng.below(3) {
        if bytes.is_empty() {
            bytes.push(b'{');
        }
        let at = rng.below(bytes.len());
        match rng.below(7) {
            0 => {
                let bit = rng.below(8);
                bytes[at] ^= 1 << bit;
                ops.push(format!("flip bit {bit} of byte {at}"));
            }
            1 => {
                bytes.remove(at);
                ops.push(format!("delete byte {at}"));
            }
            2 => {
                let byte = *rng.pick(INTERESTING_BYTES);
                bytes.insert(at, byte);
                ops.push(format!("insert {byte:#04x} at {at}"));
            }
            3 => {
                let byte = rng.next() as u8;
                bytes.insert(at, byte);
                ops.push(format!("insert {byte:#04x} at {at}"));
            }
            4 => {
                let len = (1 + rng.below(32)).min(bytes.len() - at);
                let span = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, span);
                ops.push(format!("copy {len} bytes from {at} to {to}"));
            }
            5 => {
                let len = (1 + rng.below(16)).min(bytes.len() - at);
                bytes.drain(at..at + len);
                ops.push(format!("delete {len} bytes at {at}"));
            }
            _ => {
                let other = rng.below(bytes.len());
                bytes.swap(at, other);
                ops.push(format!("swap bytes {at} and {other}"));
            }
        }
    }
    (String::from_utf8_lossy(&bytes).into_owned(), ops.join(", "))
}

/// An object's fields as (key, JSON text of the value), in order.
type Fields = Vec<(String, String)>;

fn fields_of(json: &str) -> Fields {
    let object: serde_json::Map<String, Value> =
        serde_json::from_str(json).unwrap_or_else(|err| panic!("not an object: {json}: {err}"));
    object
        .into_iter()
        .map(|(key, value)| (key, value.to_string()))
        .collect()
}

/// Writes fields as a JSON object, keys repeated if they are.
fn render(fields: &[(String, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", Value::from(key.as_str())))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// `depth` arrays around `inner`.
fn nested_arrays(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "[".repeat(depth), "]".repeat(depth))
}

/// `depth` objects around `inner`, each under the key `k`.
fn nested_objects(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "{\"k\":".repeat(depth), "}".repeat(depth))
}

const NESTING_DEPTHS: &[usize] = &[1, 2, 64, 127, 128, 129, 1_000, 20_000];

/// Values of the wrong type or shape for any field.
const WRONG_VALUES: &[&str] = &[
    "0",
    "1",
    "-1",
    "-0",
    "3.5",
    "1e3",
    "1e400",
    "65536",
    "18446744073709551616",
    "-9223372036854775809",
    "true",
    "false",
    "null",
    "[]",
    "{}",
    "[null]",
    "[[]]",
    "[{}]",
    "[1,2,3]",
    r#""""#,
    r#"" ""#,
    r#""null""#,
    r#""true""#,
    r#""\u0000""#,
    r#""\ud800""#,
    r#""\udc00\ud800""#,
    r#""😀""#,
    r#""ｏｐｅｒａｔｏｒ""#,
    r#""\n\t""#,
    r#""2024-03-01T09:30:00+08:00""#,
    r#"["azure"]"#,
    r#"{"state":"open"}"#,
    r#"{"state":"closed"}"#,
    r#"{"service":"azure"}"#,
];

/// Times, right and wrong: before, at and after the statement took effect,
/// the ends of the calendar, impossible dates, odd offsets and forms.
const TIMES: &[&str] = &[
    "2020-11-30T23:59:59+08:00",
    "2020-12-01T00:00:00+08:00",
    "2020-11-30T16:00:00Z",
    "2020-11-30T15:59:59Z",
    "2020-12-01",
    "2019-01-01",
    "1970-01-01T00:00:00Z",
    "0000-01-01",
    "2022-06-30",
    "2023-01-01T00:00:00+08:00",
    "2024-06-01",
    "2025-12-31T23:59:59.999999999+08:00",
    "2026-01-01",
    "2030-01-01",
    "9999-12-31T23:59:59+08:00",
    "9999-12-31T23:59:59-23:59",
    "+262142-12-31T23:59:59",
    "+262142-12-31",
    "-262143-01-01",
    "+262143-01-01",
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "2024-03-01T24:00:00",
    "2024-03-01T23:59:60Z",
    "2024-03-01T09:30:00+24:00",
    "2024-03-01T09:30:00-00:00",
    "2024-03-01 09:30",
    " 2024-03-01 ",
    "2024-03-01t09:30:00z",
    "1 March 2024",
    "20240301",
    "2024-W09",
    "now",
    "",
];

/// Keys the format does not define, some close to ones it does.
const UNKNOWN_KEYS: &[&str] = &[
    "colour",
    "Service",
    "service ",
    " at",
    "authorization",
    "objection",
    "state",
    "effect",
    "request",
    "",
    "\u{0}",
    "at\u{0}",
    "__proto__",
    "アクション",
];

/// Values derived from a field's own value: near misses of a name, and
/// equivalent spellings that must still be read (escapes, set order).
fn variants_of(value: &Value, rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    match value {
        Value::String(text) => {
            let mut near = vec![
                text.to_uppercase(),
                format!(" {text}"),
                format!("{text} "),
                format!("{text}\u{0}"),
                text.replace('_', "-"),
                text.replace('_', ""),
                format!("{text}s"),
                text.chars().rev().collect(),
                text.chars().skip(1).collect(),
                text.repeat(2),
                format!("{text}\u{200b}"),
            ];
            near.retain(|variant| variant != text);
            out.extend(near.iter().map(|variant| Value::from(variant.as_str()).to_string()));
            // The same name with one character escaped: equivalent JSON.
            if let Some(first) = text.chars().next() {
                out.push(format!("\"\\u{:04x}{}\"", u32::from(first), &text[first.len_utf8()..]));
            }
        }
        Value::Array(items) => {
            let texts: Vec<String> = items.iter().map(Value::to_string).collect();
            let list = |items: &[String]| format!("[{}]", items.join(","));
            if let Some(first) = texts.first() {
                let mut repeated = texts.clone();
                repeated.push(first.clone());
                out.push(list(&repeated));
                out.push(format!("[{first}]"));
                out.push(format!("[[{first}]]"));
                out.push(first.clone());
                let mut reversed = texts.clone();
                reversed.reverse();
                out.push(list(&reversed));
            }
            for extra in [
                "\"x\"",
                "null",
                "1",
                "[]",
                "\"\"",
                "\"explicit_consent\"",
                "\"cookies_refused\"",
            ] {
                let mut longer = texts.clone();
                longer.insert(rng.below(texts.len() + 1), extra.to_owned());
                out.push(list(&longer));
            }
        }
        Value::Object(_) => {
            // Inner fields: the same mutations one level down.
            let text = value.to_string();
            let inner = fields_of(&text);
            for (i, (key, inner_value)) in inner.iter().enumerate() {
                let parsed: Value = serde_json::from_str(inner_value).expect("JSON");
                let mut replacements: Vec<String> = WRONG_VALUES.iter().map(|w| (*w).to_owned()).collect();
                replacements.extend(variants_of(&parsed, rng));
                if TIME_FIELDS.contains(&key.as_str()) {
                    replacements.extend(TIMES.iter().map(|t| Value::from(*t).to_string()));
                }
                for replacement in replacements {
                    let mut changed = inner.clone();
                    changed[i].1 = replacement;
                    out.push(render(&changed));
                }
                let mut without = inner.clone();
                without.remove(i);
                out.push(render(&without));
                let mut twice = inner.clone();
                twice.push(inner[i].clone());
                out.push(render(&twice));
            }
            for key in ["closed_at", "retention_expires", "extra", "State", "account"] {
                let mut more = inner.clone();
                more.push((key.to_owned(), "\"2024-01-01\"".to_owned()));
                out.push(render(&more));
            }
            out.push(format!(
                "[{}]",
                inner.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join(",")
            ));
        }
        _ => {}
    }
    out
}

/// Field-by-field mutations of one seed.
fn structural_cases(entry: Entry, index: usize, seed: &str, rng: &mut Rng) -> Vec<Case> {
    let fields = fields_of(seed);
    let mut cases = Vec::new();
    let mut push = |family: &'static str, label: String, input: String| {
        cases.push(Case {
            entry,
            family,
            label: format!("seed {}#{index}: {label}", entry.name()),
            input,
        });
    };
    let huge = Value::from("é".repeat(40_000)).to_string();
    for (i, (key, value)) in fields.iter().enumerate() {
        let parsed: Value = serde_json::from_str(value).expect("JSON");
        // Wrong types, near-miss names and equivalent spellings.
        let mut replacements: Vec<String> = WRONG_VALUES.iter().map(|w| (*w).to_owned()).collect();
        replacements.push(huge.clone());
        replacements.extend(variants_of(&parsed, rng));
        for replacement in replacements {
            let mut changed = fields.clone();
            changed[i].1 = replacement;
            let label = format!("`{key}` := {}", show(&changed[i].1));
            push("wrong value", label, render(&changed));
        }
        // Swapped with every other field's value.
        for j in i + 1..fields.len() {
            let mut swapped = fields.clone();
            let (a, b) = (swapped[i].1.clone(), swapped[j].1.clone());
            swapped[i].1 = b;
            swapped[j].1 = a;
            push(
                "swapped values",
                format!("swap `{key}` and `{}`", fields[j].0),
                render(&swapped),
            );
        }
        // Dropped.
        let mut without = fields.clone();
        without.remove(i);
        push("dropped field", format!("drop `{key}`"), render(&without));
        // Given twice: the same value, another field's value, first or last.
        for (other, (_, other_value)) in fields.iter().enumerate() {
            let mut twice = fields.clone();
            twice.push((key.clone(), other_value.clone()));
            push(
                "repeated key",
                format!("`{key}` again, as field {other}'s value"),
                render(&twice),
            );
        }
        let mut twice = fields.clone();
        twice.insert(0, (key.clone(), value.clone()));
        push("repeated key", format!("`{key}` first and again"), render(&twice));
        // Deep nesting, in the value and around it.
        for depth in NESTING_DEPTHS {
            let mut deep = fields.clone();
            deep[i].1 = nested_arrays(*depth, value);
            push("deep nesting", format!("`{key}` in {depth} arrays"), render(&deep));
            deep[i].1 = nested_objects(*depth, value);
            push("deep nesting", format!("`{key}` in {depth} objects"), render(&deep));
        }
    }
    // Times: every time field set to every time, contradicting the others
    // or not; time fields added where the seed has none (without `at`).
    let time_keys: Vec<&str> = TIME_FIELDS
        .iter()
        .copied()
        .filter(|key| entry.fields().contains(key))
        .chain(
            ["subject_birth_date"]
                .into_iter()
                .filter(|_| entry == Entry::Processing),
        )
        .collect();
    for key in time_keys {
        for time in TIMES
            .iter()
            .chain(["2008-05-20", "2024-06-02", "+2008-05-20", "2008-5-20"].iter())
        {
            let mut changed = fields.clone();
            let value = Value::from(*time).to_string();
            match changed.iter_mut().find(|(k, _)| k == key) {
                Some(field) => field.1 = value,
                None => changed.push((key.to_owned(), value)),
            }
            push("times", format!("`{key}` := {time:?}"), render(&changed));
        }
    }
    if entry == Entry::Processing {
        let accounts = [
            r#"{"state":"closed","closed_at":"2024-07-01","retention_expires":"2026-01-01"}"#,
            r#"{"state":"closed","closed_at":"2023-01-01","retention_expires":"2022-01-01"}"#,
            r#"{"state":"closed","closed_at":"2023-01-01","retention_expires":"2023-01-01"}"#,
            r#"{"state":"closed","closed_at":"2019-01-01","retention_expires":"2020-01-01"}"#,
            r#"{"state":"closed","closed_at":"2023-01-01"}"#,
            r#"{"state":"closed"}"#,
            r#"{"state":"open","closed_at":"2023-01-01","retention_expires":"2026-01-01"}"#,
            r#"{"closed_at":"2023-01-01","retention_expires":"2026-01-01"}"#,
            r#"{"state":"open","state":"closed","closed_at":"2023-01-01","retention_expires":"2026-01-01"}"#,
            r#"["closed","2023-01-01","2026-01-01"]"#,
            r#"["open"]"#,
            r#""open""#,
            r#""closed""#,
        ];
        for account in accounts {
            let mut changed = fields.clone();
            match changed.iter_mut().find(|(k, _)| k == "account") {
                Some(field) => field.1 = account.to_owned(),
                None => changed.push(("account".to_owned(), account.to_owned())),
            }
            push("times", format!("`account` := {account}"), render(&changed));
        }
    }
    if entry == Entry::Compliance {
        for retention in [
            "0",
            "1",
            "-1",
            "60",
            "65535",
            "65536",
            "60.0",
            "\"60\"",
            "1e2",
            "99999999999999999999",
        ] {
            let mut changed = fields.clone();
            match changed.iter_mut().find(|(k, _)| k == "retention") {
                Some(field) => field.1 = retention.to_owned(),
                None => changed.push(("retention".to_owned(), retention.to_owned())),
            }
            push("wrong value", format!("`retention` := {retention}"), render(&changed));
        }
    }
    // Unknown fields, at the top level.
    for key in UNKNOWN_KEYS {
        for value in ["1", "null", "\"azure\"", "{}"] {
            let mut more = fields.clone();
            more.insert(rng.below(fields.len() + 1), ((*key).to_owned(), value.to_owned()));
            push("unknown field", format!("add {key:?}: {value}"), render(&more));
        }
    }
    // The other entry point's fields.
    for key in entry.other().fields() {
        if !entry.fields().contains(key) {
            let mut more = fields.clone();
            more.push(((*key).to_owned(), "null".to_owned()));
            push(
                "unknown field",
                format!("add the other request's `{key}`"),
                render(&more),
            );
        }
    }
    // The document as a whole.
    let whole = [
        ("empty", String::new()),
        ("blank", " \n\t ".to_owned()),
        ("null", "null".to_owned()),
        ("array", format!("[{seed}]")),
        ("string", Value::from(seed).to_string()),
        ("twice", format!("{seed}{seed}")),
        ("twice in an array", format!("[{seed},{seed}]")),
        ("trailing garbage", format!("{seed}x")),
        ("trailing comma", format!("{},}}", &seed[..seed.len() - 1])),
        ("leading comma", format!("{{,{}", &seed[1..])),
        ("byte order mark", format!("\u{feff}{seed}")),
        ("comment", format!("/* c */{seed}")),
        ("single quotes", seed.replace('"', "'")),
        (
            "keys unquoted",
            seed.replace("\":", ":").replace(",\"", ",").replacen("{\"", "{", 1),
        ),
        ("upper case", seed.to_uppercase()),
        ("whitespace", seed.replace(',', " ,\n\t").replace(':', " : ")),
        ("escaped slashes", seed.replace('_', "\\u005f")),
        (
            "nested in itself",
            seed.replacen('{', &format!("{{\"request\":{seed},"), 1),
        ),
        ("in 200 arrays", nested_arrays(200, seed)),
        ("empty object", "{}".to_owned()),
        ("no fields but unknown", r#"{"x":1}"#.to_owned()),
    ];
    for (what, input) in whole {
        push("whole document", what.to_owned(), input);
    }
    cases
}

/// Byte-level mutations of a text, `count` of them.
fn byte_cases(entry: Entry, label: &str, text: &str, count: usize, rng: &mut Rng) -> Vec<Case> {
    (0..count)
        .map(|_| {
            let (input, ops) = mutate_bytes(text, rng);
            Case {
                entry,
                family: "bytes",
                label: format!("{label}: {ops}"),
                input,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Tests

/// The seeds are valid requests: each is read strictly and decided (so a
/// mutation that leaves a seed valid has a decision to be checked
/// against), both allows and denies occur for each entry point, and
/// between them the seeds use every documented field, both account states
/// and explicit `null`s.
#[test]
fn the_seeds_are_valid_and_use_every_field() {
    let mut used: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut effects: BTreeSet<(&str, bool)> = BTreeSet::new();
    for (entry, seed) in seeds() {
        let strict = entry.strict(seed).unwrap_or_else(|err| panic!("seed {seed}: {err}"));
        let decision = strict.decision.unwrap_or_else(|err| panic!("seed {seed}: {err}"));
        assert_eq!(entry.decide_json(seed).as_ref(), Ok(&decision), "seed {seed}");
        assert!(matches!(check(entry, "seed", seed), Outcome::Allow | Outcome::Deny));
        assert!(matches!(check(entry.other(), "seed", seed), Outcome::Error(_)));
        effects.insert((entry.name(), decision.is_allowed()));
        for (key, value) in fields_of(seed) {
            used.entry(entry.name()).or_default().insert(key.clone());
            if value == "null" {
                used.entry("null").or_default().insert(key);
            } else if key == "account" {
                used.entry("account").or_default().insert(value);
            }
        }
    }
    for entry in [Entry::Processing, Entry::Compliance] {
        let fields: BTreeSet<String> = entry.fields().iter().map(|f| (*f).to_owned()).collect();
        assert_eq!(used[entry.name()], fields, "fields the {} seeds use", entry.name());
        assert!(
            effects.contains(&(entry.name(), true)),
            "no {} seed is allowed",
            entry.name()
        );
        assert!(
            effects.contains(&(entry.name(), false)),
            "no {} seed is denied",
            entry.name()
        );
    }
    assert!(used["account"].iter().any(|a| a.contains("\"open\"")));
    assert!(used["account"].iter().any(|a| a.contains("\"closed\"")));
    assert!(used["null"].len() >= 5, "explicit nulls: {:?}", used["null"]);
    let log = log_requests();
    let valid = log
        .iter()
        .filter(|request| {
            Entry::Processing
                .strict(request)
                .is_ok_and(|strict| strict.decision.is_ok())
        })
        .count();
    assert!(
        log.len() >= 390 && valid >= 390,
        "{valid} of {} log requests are valid",
        log.len()
    );
}

/// A request cut short at any character is a syntax error at its entry
/// point (at the other one, a syntax error or an unknown field), never a
/// decision (and, like every error, has a kind and a
/// message).
#[test]
fn truncated_requests_are_syntax_errors() {
    let mut tally = Tally::default();
    let mut texts: Vec<(Entry, String, String)> = seeds()
        .into_iter()
        .enumerate()
        .map(|(i, (entry, seed))| (entry, format!("seed {}#{i}", entry.name()), seed.to_owned()))
        .collect();
    // Pretty-printed seeds too: cuts inside whitespace and at line ends.
    for (i, (entry, seed)) in seeds().into_iter().enumerate() {
        let value: Value = serde_json::from_str(seed).expect("JSON");
        let pretty = serde_json::to_string_pretty(&value).expect("JSON");
        texts.push((entry, format!("pretty seed {}#{i}", entry.name()), pretty));
    }
    for (entry, label, text) in &texts {
        for (at, prefix) in truncations(text) {
            let case = Case {
                entry: *entry,
                family: "truncated",
                label: format!("{label} cut at byte {at}"),
                input: prefix.to_owned(),
            };
            tally.run(&case);
            // The other entry point may see an unknown field before the end.
            for (side, kinds) in [
                (*entry, &[WireErrorKind::Syntax][..]),
                (entry.other(), &[WireErrorKind::Syntax, WireErrorKind::UnknownField][..]),
            ] {
                let err = side.decide_json(prefix).expect_err("a truncated request is an error");
                assert!(
                    kinds.contains(&err.kind()),
                    "{}, {}: {err}; input {}",
                    case.label,
                    side.name(),
                    show(prefix)
                );
            }
        }
    }
    println!("{}", tally.report("truncated requests"));
    let total = tally.total();
    assert!(total >= 5_000, "only {total} truncations");
    assert_eq!(Tally::errors(&tally.own), total);
    assert_eq!(Tally::count(&tally.own, Outcome::Error("syntax")), total);
}

/// Mangled requests, byte by byte and field by field, are errors unless
/// the mangling left a valid request, and then they are decided exactly as
/// that request parsed strictly is: never an allow of anything malformed.
/// At least ten thousand inputs; most become errors, of every kind that
/// reading and deciding can give, and some stay valid so that the
/// allow-side of the oracle is exercised.
#[test]
fn mangled_requests_are_errors_or_decided_as_written() {
    let mut rng = Rng(0x5EED_F1A6_B00C_0001);
    let mut tally = Tally::default();
    let mut cases = Vec::new();
    for (i, (entry, seed)) in seeds().into_iter().enumerate() {
        cases.extend(structural_cases(entry, i, seed, &mut rng));
        cases.extend(byte_cases(
            entry,
            &format!("seed {}#{i}", entry.name()),
            seed,
            500,
            &mut rng,
        ));
    }
    for (line, request) in log_requests().iter().enumerate() {
        let label = format!("examples/data/sample-events.jsonl line {}", line + 1);
        cases.extend(byte_cases(Entry::Processing, &label, request, 3, &mut rng));
    }
    for case in &cases {
        tally.run(case);
    }
    println!("{}", tally.report("mangled requests"));

    let total = tally.total();
    let errors = Tally::errors(&tally.own);
    let allowed = Tally::count(&tally.own, Outcome::Allow);
    let denied = Tally::count(&tally.own, Outcome::Deny);
    assert!(total >= 10_000, "only {total} inputs");
    assert!(errors >= 9_000, "only {errors} of {total} inputs are errors");
    assert!(allowed >= 50, "only {allowed} mangled inputs stayed valid and allowed");
    assert!(denied >= 50, "only {denied} mangled inputs stayed valid and denied");
    // No input is a request of both kinds.
    assert_eq!(Tally::errors(&tally.other), total, "decided by the other entry point");
    let expected: BTreeSet<&str> = WireErrorKind::ALL
        .iter()
        .filter(|kind| **kind != WireErrorKind::UnsupportedFormat)
        .map(|kind| kind.as_str())
        .collect();
    assert_eq!(tally.kinds(), expected, "error kinds seen");
}

/// `account` is an object with `state` and, when closed, the two times;
/// anything else is an error, as unknown fields are everywhere else.
///
/// Serde's internally tagged enums would ignore other fields of
/// `{"state": "open"}` and read an array (serde-rs/serde#2123), deciding
/// a closed account sent with the wrong state as open; `Account` is read
/// by hand so that they do not.
#[test]
fn the_account_object_rejects_unknown_fields_and_other_shapes() {
    let base = r#"{"service":"azure","party":"operator","action":"use","data":"administrator_email","purpose":"administer_account","location":"mainland_china","at":"2024-06-01","account":ACCOUNT}"#;
    let closed = base.replace(
        "ACCOUNT",
        r#"{"state":"closed","closed_at":"2023-01-01","retention_expires":"2026-01-01"}"#,
    );
    assert!(!wire::decide_json(&closed).unwrap().is_allowed());
    let read: Vec<String> = [
        r#"{"state":"open","closed_at":"2023-01-01","retention_expires":"2026-01-01"}"#,
        r#"{"state":"open","colour":"blue"}"#,
        r#"["open"]"#,
        r#"["closed","2023-01-01","2026-01-01"]"#,
    ]
    .into_iter()
    .filter_map(|account| {
        let result = wire::decide_json(base.replace("ACCOUNT", account));
        result.is_ok().then(|| format!("{account} is read: {result:?}"))
    })
    .collect();
    assert!(read.is_empty(), "{read:#?}");
}

/// Times have four-digit years: chrono alone would read `+10000-01-01`,
/// which RFC 3339 cannot write back, so a decided request could not be
/// audited. Such a time is refused as an invalid value.
#[test]
fn times_beyond_year_9999_are_refused() {
    let input = r#"{"service":"azure","party":"supplier","action":"access","data":"customer_content","purpose":"troubleshooting","location":"united_states","at":"+10000-01-01"}"#;
    let err = wire::parse_request(input).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::InvalidValue, "{err}");
    let ok = input.replace("+10000-01-01", "9999-12-31");
    let request = wire::parse_request(&ok).unwrap();
    let json = wire::to_json(&request).unwrap();
    assert_eq!(wire::parse_request(&json), Ok(request), "written back as {json}");
}
