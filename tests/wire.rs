//! The JSON wire format: lossless round trips, and clear, classified
//! errors for bad input (never an allow).
#![cfg(feature = "json")]

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use vianet_privacy::wire::{self, WireErrorKind, FORMAT_VERSION};
use vianet_privacy::*;

const GOOD: &str = r#"{"service": "azure", "party": "operator", "action": "use", "data": "customer_content",
    "purpose": "provide_service", "location": "mainland_china"}"#;

/// `GOOD` with one field replaced, added or removed (a `None` value removes).
fn edit(field: &str, value: Option<&str>) -> String {
    let mut object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(GOOD).unwrap();
    match value {
        Some(value) => object.insert(field.to_owned(), serde_json::from_str(value).unwrap()),
        None => object.remove(field),
    };
    serde_json::Value::Object(object).to_string()
}

fn set_of<T: Copy>(all: &[T], bits: u64) -> Vec<T> {
    all.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, v)| *v)
        .collect()
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

prop_compose! {
    fn any_time()(secs in 0i64..4_000_000_000, offset_hours in -12i32..=14) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(offset_hours * 3600).unwrap().timestamp_opt(secs, 0).unwrap()
    }
}

prop_compose! {
    fn any_request()(
        service in pick(OnlineService::ALL),
        party in pick(Party::ALL),
        action in pick(Action::ALL),
        data in pick(DataElement::ALL),
        purpose in pick(Purpose::ALL),
        location in pick(Location::ALL),
        authorizations in any::<u64>(),
        circumstance in proptest::option::of(pick(Circumstance::ALL)),
        objections in any::<u64>(),
        at in proptest::option::of(any_time()),
    ) -> Request {
        let mut request = Request::new(service, party, action, data, purpose, location)
            .with_authorizations(set_of(Authorization::ALL, authorizations).into_iter().collect());
        if let Some(circumstance) = circumstance {
            request = request.with_circumstance(circumstance);
        }
        for objection in set_of(Objection::ALL, objections) {
            request = request.with_objection(objection);
        }
        if let Some(at) = at {
            request = request.at(at);
        }
        request
    }
}

proptest! {
    /// A request survives JSON unchanged, field for field: what a service
    /// sends is exactly what is decided.
    #[test]
    fn requests_round_trip(request in any_request()) {
        let json = wire::to_json(&request).unwrap();
        prop_assert_eq!(wire::parse_request(&json).unwrap(), request);
    }

    /// A decision survives JSON unchanged, and deciding the JSON of a
    /// request gives the same decision as deciding the request.
    #[test]
    fn decisions_round_trip(request in any_request()) {
        let json = wire::to_json(&request).unwrap();
        match decide(&request) {
            Ok(decision) => {
                let text = wire::to_json(&decision).unwrap();
                prop_assert_eq!(wire::parse_decision(&text).unwrap(), decision);
                prop_assert_eq!(wire::decide_json(&json).unwrap(), decision);
                let record = AuditRecord::new(request.at.unwrap_or(StatementVersion::CURRENT.effective_from()), request, decision);
                prop_assert_eq!(AuditRecord::from_json_line(record.to_json_line().unwrap()).unwrap(), record);
            }
            Err(err) => {
                // Undecidable on its own is undecidable over the wire, never allowed.
                let wire_err = wire::decide_json(&json).unwrap_err();
                prop_assert_eq!(wire_err.request_error(), Some(&err));
            }
        }
    }

    /// No mangling of a valid request is ever allowed: cutting it short at
    /// any byte is an error, not a decision.
    #[test]
    fn truncated_requests_are_errors(request in any_request(), cut in 0.0f64..1.0) {
        let json = wire::to_json(&request).unwrap();
        let at = ((json.len() - 1) as f64 * cut) as usize;
        let err = wire::decide_json(&json[..at]).unwrap_err();
        prop_assert_eq!(err.kind(), WireErrorKind::Syntax);
    }
}

#[test]
fn a_good_request_is_decided() {
    assert!(wire::decide_json(GOOD).unwrap().is_allowed());
}

#[test]
fn an_unknown_field_is_rejected_by_name_with_the_fields_listed() {
    let err = wire::decide_json(edit("colour", Some("\"blue\""))).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownField);
    assert_eq!(err.name(), Some("colour"));
    assert!(err.expected().iter().any(|f| f == "purpose"), "{:?}", err.expected());
    assert!(
        err.to_string()
            .starts_with("unknown field `colour`; the fields are: service, party"),
        "{err}"
    );
}

#[test]
fn an_unknown_value_lists_the_valid_ones() {
    let err = wire::decide_json(edit("location", Some("\"atlantis\""))).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownValue);
    assert_eq!(err.name(), Some("atlantis"));
    let valid: Vec<&str> = Location::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(err.expected(), valid.as_slice());
    assert!(
        err.to_string()
            .starts_with("unknown location `atlantis`; expected one of: mainland_china, hong_kong"),
        "{err}"
    );

    // Inside a list too.
    let err = wire::decide_json(edit("authorizations", Some(r#"["explicit_consent", "a_nod"]"#))).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownValue);
    assert!(err.to_string().starts_with("unknown authorization `a_nod`"), "{err}");
}

#[test]
fn a_missing_field_is_named() {
    for field in ["service", "party", "action", "data", "purpose", "location"] {
        let err = wire::decide_json(edit(field, None)).unwrap_err();
        assert_eq!(err.kind(), WireErrorKind::MissingField, "{field}");
        assert_eq!(err.name(), Some(field));
        assert!(
            err.to_string().starts_with(&format!("missing field `{field}`")),
            "{err}"
        );
    }
}

#[test]
fn duplicates_are_refused() {
    let err = wire::decide_json(r#"{"service": "azure", "service": "intune"}"#).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::DuplicateField);
    assert_eq!(err.name(), Some("service"));

    let err = wire::decide_json(edit("objections", Some(r#"["cookies_refused", "cookies_refused"]"#))).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::DuplicateValue);
    assert_eq!(err.name(), Some("cookies_refused"));
}

#[test]
fn wrong_types_and_bad_times_are_invalid_values() {
    for (field, value) in [
        ("party", "3"),
        ("authorizations", "\"explicit_consent\""),
        ("authorizations", "null"),
        ("at", "\"next tuesday\""),
        ("at", "\"2024-13-01T00:00:00+08:00\""),
    ] {
        let err = wire::decide_json(edit(field, Some(value))).unwrap_err();
        assert_eq!(err.kind(), WireErrorKind::InvalidValue, "{field}: {value}: {err}");
    }
    let err = wire::decide_json(edit("at", Some("\"next tuesday\""))).unwrap_err();
    assert!(err.to_string().contains("RFC 3339"), "{err}");
    let err = wire::decide_json("[1, 2]").unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::InvalidValue);
}

#[test]
fn syntax_errors_carry_their_position() {
    let err = wire::decide_json("{\"service\": \"azure\",\n  oops}").unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::Syntax);
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().starts_with("not valid JSON"), "{err}");
    assert_eq!(wire::decide_json("").unwrap_err().kind(), WireErrorKind::Syntax);
    assert_eq!(
        wire::decide_json(format!("{GOOD} {GOOD}")).unwrap_err().kind(),
        WireErrorKind::Syntax
    );
}

#[test]
fn a_request_before_the_statement_is_refused_with_what_is_wrong() {
    let err = wire::decide_json(edit("at", Some("\"2020-11-30T23:59:59+08:00\""))).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::BeforeStatementInForce);
    assert_eq!(
        err.request_error().map(RequestError::code),
        Some("before_statement_in_force")
    );
    assert!(
        err.to_string()
            .contains("before statement version 2020-12-01 took effect"),
        "{err}"
    );
    // The same instant, one second later, is decided.
    assert!(wire::decide_json(edit("at", Some("\"2020-12-01T00:00:00+08:00\""))).is_ok());
}

#[test]
fn errors_serialize_with_their_kind() {
    let err = wire::decide_json(edit("party", Some("\"regulator\""))).unwrap_err();
    let json: serde_json::Value = serde_json::from_str(&wire::to_json(&err).unwrap()).unwrap();
    assert_eq!(json["kind"], "unknown_value");
    assert_eq!(json["name"], "regulator");
    assert!(json["expected"].as_array().unwrap().iter().any(|v| v == "authority"));
}

#[test]
fn decisions_reject_unknown_fields_and_effects() {
    let deny = r#"{"effect": "deny", "clause": "payment_security_code_not_retained", "kind": "forbidden",
        "reason": "security_code_never_retained", "statement_version": "2020-12-01"}"#;
    assert!(wire::parse_decision(deny).is_ok());
    let err = wire::parse_decision(deny.replace("\"deny\"", "\"maybe\"")).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownValue);
    assert_eq!(err.expected(), ["allow", "deny"]);
    let err = wire::parse_decision(deny.replace("\"kind\"", "\"sort\"")).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownField);
    let err = wire::parse_decision(deny.replace("\"statement_version\": \"2020-12-01\"", "\"x\": 1")).unwrap_err();
    assert!(
        matches!(err.kind(), WireErrorKind::UnknownField | WireErrorKind::MissingField),
        "{err}"
    );
    let err = wire::parse_decision(deny.replace("2020-12-01", "2019-01-01")).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownValue);
    assert!(
        err.to_string().starts_with("unknown statement version `2019-01-01`"),
        "{err}"
    );
}

#[test]
fn audit_records_are_one_line_and_check_themselves() {
    let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00+08:00").unwrap();
    let request = wire::parse_request(GOOD).unwrap();
    let record = AuditRecord::decide(at, request).unwrap();
    assert_eq!(record.format, FORMAT_VERSION);
    assert_eq!(record.statement_version, StatementVersion::CURRENT);
    let line = record.to_json_line().unwrap();
    assert!(!line.contains('\n'));
    let value: serde_json::Value = serde_json::from_str(&line).unwrap();
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["at", "decision", "format", "request", "statement_version"]);

    let err = AuditRecord::from_json_line(line.replace("\"format\":1", "\"format\":2")).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnsupportedFormat);
    let err = AuditRecord::from_json_line(line.replace("\"at\":", "\"when\":")).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownField);

    let mut out = Vec::new();
    record.write_json_line(&mut out).unwrap();
    assert_eq!(out, format!("{line}\n").into_bytes());

    // A record from before the statement is refused when deciding.
    let early = request.at(DateTime::parse_from_rfc3339("2020-01-01T00:00:00+08:00").unwrap());
    assert!(AuditRecord::decide(at, early).is_err());
}

#[test]
fn every_error_kind_has_a_distinct_wire_name() {
    let mut names: Vec<&str> = WireErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), WireErrorKind::ALL.len());
    for kind in WireErrorKind::ALL {
        assert_eq!(kind.as_str().parse::<WireErrorKind>().unwrap(), *kind);
    }
}

/// Every error of the strict reader says where the bad value is, as a path
/// from the root of the document, and its kind (never read from another
/// crate's message).
#[test]
fn errors_say_where_the_bad_value_is() {
    let cases: [(&str, WireErrorKind, Option<&str>, Option<&str>); 7] = [
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","authorizations":["customer_direction","customer_drection"]}"#,
            WireErrorKind::UnknownValue,
            Some("authorizations[1]"),
            Some("customer_drection"),
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","at":"2024-06-01","account":{"state":"closed","closed_at":"yesterday","retention_expires":"2026-01-01"}}"#,
            WireErrorKind::InvalidValue,
            Some("account.closed_at"),
            Some("yesterday"),
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","account":{"state":"ajar"}}"#,
            WireErrorKind::UnknownValue,
            Some("account.state"),
            Some("ajar"),
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","preview":"yes"}"#,
            WireErrorKind::InvalidValue,
            Some("preview"),
            None,
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","locaton":"mainland_china"}"#,
            WireErrorKind::UnknownField,
            None,
            Some("locaton"),
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service"}"#,
            WireErrorKind::MissingField,
            None,
            Some("location"),
        ),
        (
            r#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","party":"supplier"}"#,
            WireErrorKind::DuplicateField,
            None,
            Some("party"),
        ),
    ];
    for (input, kind, path, name) in cases {
        let err = wire::parse_request(input).unwrap_err();
        assert_eq!(err.kind(), kind, "{err}");
        assert_eq!(err.path(), path, "{err}");
        assert_eq!(err.name(), name, "{err}");
        if let Some(path) = path {
            assert!(err.to_string().contains(&format!("at `{path}`")), "{err}");
        }
    }
    // Inside a log line the path starts at the line: `request.…`, and a
    // recorded decision is read as strictly.
    let line = r#"{"at":"2024-06-01T10:00:00+08:00","trace":"x","request":{"service":"azure","party":"opertor","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china"}}"#;
    let err = vianet_privacy::audit::Event::from_json_line(line).unwrap_err();
    assert_eq!(err.path(), Some("request.party"));
    assert!(err.expected().iter().any(|name| name == "operator"));
    let line = r#"{"at":"2024-06-01T10:00:00+08:00","request":{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china"},"decision":{"effect":"allow","clause":"customer_data_use","obligations":[],"statement_version":"2020-12-01","reason":"purpose_closed"}}"#;
    let err = vianet_privacy::audit::Event::from_json_line(line).unwrap_err();
    assert_eq!(err.kind(), WireErrorKind::UnknownField);
    assert_eq!(err.path(), Some("decision.reason"));
}
