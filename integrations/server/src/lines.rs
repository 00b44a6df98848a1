//! `/v1/decide`'s output, written for a batch at a time: the decision-log
//! lines and the answer's body.
//!
//! The bytes are exactly those of [`AuditRecord::write_json_line`] (for
//! `AuditRecord::new(at, request, decision)` with its decision id and the
//! labels) and of one `{"decision_id", "decision"}` object per decision (a
//! unit test compares them). What differs is the cost: the time, the
//! labels and the first fields are serialized once per batch rather than
//! once per line, each decision is serialized once for both the log and
//! the answer, and the ids are written without building a `String`. In a
//! batch of a thousand, that was about a quarter of the service's CPU time
//! (`docs/performance.md`, "The decision service over HTTP").

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, FixedOffset};
use vianet_privacy::{AuditRecord, Decision, Request};

/// Writes the log lines of `decisions` (made on `requests`, at `at`, with
/// the ids `first`, `first + 1`, … under `id_prefix`) to `log`, and the
/// answer to `body`: one object, or `{"decisions": […]}` for a batch.
///
/// # Errors
///
/// Serialization failed (not expected for the library's types).
#[allow(clippy::too_many_arguments)] // the handler's pieces, named; a struct would only rename them
pub(crate) fn write_decisions(
    at: DateTime<FixedOffset>,
    labels: &BTreeMap<String, String>,
    id_prefix: &str,
    first: u64,
    requests: &[Request],
    decisions: &[Decision],
    batch: bool,
    log: &mut Vec<u8>,
    body: &mut Vec<u8>,
) -> serde_json::Result<()> {
    debug_assert_eq!(requests.len(), decisions.len());
    if batch {
        body.extend_from_slice(b"{\"decisions\":[");
    }
    if let (Some(request), Some(decision)) = (requests.first(), decisions.first()) {
        // The fields that every line of the batch shares, in
        // `AuditRecord`'s order: format, at, then statement_version.
        let sample = AuditRecord::new(at, *request, *decision);
        let mut head = Vec::with_capacity(96);
        head.extend_from_slice(b"{\"format\":");
        serde_json::to_writer(&mut head, &sample.format)?;
        head.extend_from_slice(b",\"at\":");
        serde_json::to_writer(&mut head, &sample.at)?;
        head.extend_from_slice(b",\"statement_version\":");
        // After decision_id: the labels, if any.
        let mut tail = Vec::new();
        if !labels.is_empty() {
            tail.extend_from_slice(b",\"labels\":");
            serde_json::to_writer(&mut tail, labels)?;
        }
        tail.extend_from_slice(b"}\n");

        let mut decision_json = Vec::with_capacity(256);
        for (position, (request, decision)) in requests.iter().zip(decisions).enumerate() {
            let number = first + position as u64;
            decision_json.clear();
            serde_json::to_writer(&mut decision_json, decision)?;

            log.extend_from_slice(&head);
            serde_json::to_writer(&mut *log, &decision.statement_version())?;
            log.extend_from_slice(b",\"request\":");
            serde_json::to_writer(&mut *log, request)?;
            log.extend_from_slice(b",\"decision\":");
            log.extend_from_slice(&decision_json);
            log.extend_from_slice(b",\"decision_id\":");
            write_id(log, id_prefix, number)?;
            log.extend_from_slice(&tail);

            if position > 0 {
                body.push(b',');
            }
            body.extend_from_slice(b"{\"decision_id\":");
            write_id(body, id_prefix, number)?;
            body.extend_from_slice(b",\"decision\":");
            body.extend_from_slice(&decision_json);
            body.push(b'}');
        }
    }
    if batch {
        body.extend_from_slice(b"]}");
    }
    Ok(())
}

/// `"<prefix>-<number>"`, as `serde_json` writes the `String`: the prefix
/// is hexadecimal digits and the number decimal, so nothing is escaped.
fn write_id(out: &mut Vec<u8>, prefix: &str, number: u64) -> serde_json::Result<()> {
    debug_assert!(prefix.bytes().all(|byte| byte.is_ascii_hexdigit()));
    out.push(b'"');
    out.extend_from_slice(prefix.as_bytes());
    write!(out, "-{number}\"").map_err(serde_json::Error::io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vianet_privacy::{
        Action, Authorization, AuthorizationSet, Circumstance, DataElement, Location, Objection, ObjectionSet,
        OnlineService, Party, Purpose,
    };

    /// Requests over every party, action and data element, with and
    /// without authorizations, a circumstance and objections: allows and
    /// denies of every shape.
    fn requests() -> Vec<Request> {
        let mut requests = Vec::new();
        for (i, party) in Party::ALL.iter().enumerate() {
            for (j, action) in Action::ALL.iter().enumerate() {
                for (k, data) in DataElement::ALL.iter().enumerate() {
                    let purpose = Purpose::ALL[(i + j + k) % Purpose::ALL.len()];
                    let location = Location::ALL[(i * 7 + k) % Location::ALL.len()];
                    let mut request = Request::new(OnlineService::Azure, *party, *action, *data, purpose, location);
                    if (i + j + k) % 3 == 0 {
                        request = request
                            .with_authorizations(AuthorizationSet::of(
                                &Authorization::ALL[..k % Authorization::ALL.len()],
                            ))
                            .with_circumstance_option(Circumstance::ALL.get(j % 8).copied())
                            .with_objections(ObjectionSet::of(&Objection::ALL[..i % Objection::ALL.len()]));
                    }
                    requests.push(request);
                }
            }
        }
        requests
    }

    /// What the handler wrote before: one `AuditRecord` per line, and the
    /// id and the decision each serialized by `serde_json`.
    fn reference(
        at: DateTime<FixedOffset>,
        labels: &BTreeMap<String, String>,
        first: u64,
        requests: &[Request],
        decisions: &[Decision],
        batch: bool,
    ) -> (Vec<u8>, Vec<u8>) {
        let id = |position: usize| format!("0123abcd-{}", first + position as u64);
        let mut log = Vec::new();
        for (position, (request, decision)) in requests.iter().zip(decisions).enumerate() {
            let mut record = AuditRecord::new(at, *request, *decision).with_decision_id(id(position));
            record.labels.clone_from(labels);
            record.write_json_line(&mut log).expect("a record writes");
        }
        let mut body = Vec::new();
        if batch {
            body.extend_from_slice(b"{\"decisions\":[");
        }
        for (position, decision) in decisions.iter().enumerate() {
            if position > 0 {
                body.push(b',');
            }
            body.extend_from_slice(b"{\"decision_id\":");
            serde_json::to_writer(&mut body, &id(position)).expect("an id writes");
            body.extend_from_slice(b",\"decision\":");
            serde_json::to_writer(&mut body, decision).expect("a decision writes");
            body.push(b'}');
        }
        if batch {
            body.extend_from_slice(b"]}");
        }
        (log, body)
    }

    #[test]
    fn the_lines_and_the_body_are_the_records_and_objects_byte_for_byte() {
        let requests = requests();
        let decisions: Vec<Decision> = requests
            .iter()
            .map(|request| vianet_privacy::decide(request).expect("a valid request"))
            .collect();
        assert!(decisions.iter().any(Decision::is_allowed) && !decisions.iter().all(Decision::is_allowed));
        let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00.123456789+08:00").expect("a time");
        let no_labels = BTreeMap::new();
        let labels = BTreeMap::from([
            ("service".to_owned(), "billing".to_owned()),
            ("tenant \"x\"".to_owned(), "a\\b\n中文".to_owned()),
        ]);
        for labels in [&no_labels, &labels] {
            for (requests, decisions, batch) in [
                (&requests[..], &decisions[..], true),
                (&requests[..1], &decisions[..1], false),
                (&requests[..0], &decisions[..0], true),
            ] {
                let (mut log, mut body) = (Vec::new(), Vec::new());
                write_decisions(
                    at, labels, "0123abcd", 41, requests, decisions, batch, &mut log, &mut body,
                )
                .expect("writes");
                let (expected_log, expected_body) = reference(at, labels, 41, requests, decisions, batch);
                assert_eq!(
                    String::from_utf8(log).expect("UTF-8"),
                    String::from_utf8(expected_log).expect("UTF-8")
                );
                assert_eq!(
                    String::from_utf8(body).expect("UTF-8"),
                    String::from_utf8(expected_body).expect("UTF-8")
                );
            }
        }
    }
}
