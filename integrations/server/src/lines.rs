//! `/v1/decide`'s output, written for a batch at a time: the decision-log
//! lines and the answer's body.
//!
//! The lines are the audit records of [`AuditRecord::write_json_line`]
//! (for `AuditRecord::new(at, request, decision)` with its decision id and
//! the labels), with the optional sets that are empty left out (a
//! request's `authorizations`, a decision's `missing` and `advisories`):
//! the wire format reads an absent set as an empty one, so
//! [`AuditRecord::from_json_line`] and `vianet-privacy audit` read back
//! the same record, and a line is up to 49 bytes shorter (a log on disk is
//! limited by the disk's bytes a second). The answer is one
//! `{"decision_id", "decision"}` object per decision, byte for byte what
//! serde_json writes (a unit test compares both). What differs is the
//! cost: the time, the labels and the first fields are serialized once
//! per batch rather than once per line (the first line's are copied into
//! the others, with no scratch buffers), each decision is serialized once,
//! into the answer, and copied into its log line, the time is written
//! without serde_json's escaping pass, and the ids are written without
//! building a `String`. In a
//! batch of a thousand, that was about a quarter of the service's CPU time
//! (`docs/performance.md`, "The decision service over HTTP").

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, FixedOffset, SecondsFormat};
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
        // `AuditRecord`'s order: format, at, then statement_version. They
        // are written once, in the first line, and copied from there.
        let sample = AuditRecord::new(at, *request, *decision);
        let head_start = log.len();
        log.extend_from_slice(b"{\"format\":");
        serde_json::to_writer(&mut *log, &sample.format)?;
        // As chrono's `Serialize` writes it (RFC 3339, `AutoSi`, `Z` for
        // UTC), without serde_json's escaping pass: the text is ASCII
        // digits and punctuation.
        log.extend_from_slice(b",\"at\":\"");
        log.extend_from_slice(sample.at.to_rfc3339_opts(SecondsFormat::AutoSi, true).as_bytes());
        log.extend_from_slice(b"\",\"statement_version\":");
        let head = head_start..log.len();
        // After decision_id: the labels, if any, then the end of the line.
        let mut tail: Option<std::ops::Range<usize>> = None;

        for (position, (request, decision)) in requests.iter().zip(decisions).enumerate() {
            let number = first + position as u64;
            if position > 0 {
                body.push(b',');
                log.extend_from_within(head.clone());
            }
            // The decision is serialized once, into the answer, and copied
            // into the log line.
            body.extend_from_slice(b"{\"decision_id\":");
            write_id(body, id_prefix, number)?;
            body.extend_from_slice(b",\"decision\":");
            let decision_start = body.len();
            serde_json::to_writer(&mut *body, decision)?;
            let decision_json = decision_start..body.len();
            body.push(b'}');

            serde_json::to_writer(&mut *log, &decision.statement_version())?;
            log.extend_from_slice(b",\"request\":");
            let request_start = log.len();
            serde_json::to_writer(&mut *log, request)?;
            if request.authorizations.is_empty() {
                remove_first(log, request_start, EMPTY_AUTHORIZATIONS);
            }
            log.extend_from_slice(b",\"decision\":");
            let decision_start = log.len();
            log.extend_from_slice(&body[decision_json]);
            if decision.missing().is_empty() {
                remove_first(log, decision_start, EMPTY_MISSING);
            }
            if decision.advisories().is_empty() {
                remove_first(log, decision_start, EMPTY_ADVISORIES);
            }
            log.extend_from_slice(b",\"decision_id\":");
            write_id(log, id_prefix, number)?;
            match &tail {
                Some(tail) => log.extend_from_within(tail.clone()),
                None => {
                    let tail_start = log.len();
                    if !labels.is_empty() {
                        log.extend_from_slice(b",\"labels\":");
                        serde_json::to_writer(&mut *log, labels)?;
                    }
                    log.extend_from_slice(b"}\n");
                    tail = Some(tail_start..log.len());
                }
            }
        }
    }
    if batch {
        body.extend_from_slice(b"]}");
    }
    Ok(())
}

/// The optional sets of a request and a decision, empty, as `serde_json`
/// writes them: left out of the log line, where an absent set reads as an
/// empty one (`docs/wire-format.md`, "Conventions").
const EMPTY_AUTHORIZATIONS: &[u8] = b",\"authorizations\":[]";
const EMPTY_MISSING: &[u8] = b",\"missing\":[]";
const EMPTY_ADVISORIES: &[u8] = b",\"advisories\":[]";

/// Removes the first `field` found in `out[from..]`. A request or a
/// decision written by `serde_json` holds names, times, numbers and
/// booleans, never free text, so the field's text can only be the field.
fn remove_first(out: &mut Vec<u8>, from: usize, field: &[u8]) {
    let found = out
        .get(from..)
        .and_then(|written| written.windows(field.len()).position(|window| window == field));
    if let Some(at) = found {
        let start = from + at;
        out.drain(start..start + field.len());
    }
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
            let mut line = record.to_json_line().expect("a record writes");
            for empty in [",\"authorizations\":[]", ",\"missing\":[]", ",\"advisories\":[]"] {
                line = line.replacen(empty, "", 1);
            }
            log.extend_from_slice(line.as_bytes());
            log.push(b'\n');
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
        let times = [
            "2024-03-01T09:30:00.123456789+08:00",
            "2024-03-01T09:30:00.120+08:00",
            "2024-03-01T09:30:00+08:00",
            "2024-03-01T01:30:00.5Z",
        ]
        .map(|time| DateTime::parse_from_rfc3339(time).expect("a time"));
        let no_labels = BTreeMap::new();
        let labels = BTreeMap::from([
            ("service".to_owned(), "billing".to_owned()),
            ("tenant \"x\"".to_owned(), "a\\b\n中文".to_owned()),
        ]);
        for (at, labels) in times.iter().flat_map(|at| [(*at, &no_labels), (*at, &labels)]) {
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
                // Read back, each line is the record the library writes.
                let text = std::str::from_utf8(&log).expect("UTF-8");
                assert_eq!(text.lines().count(), requests.len());
                for (position, line) in text.lines().enumerate() {
                    let mut record = AuditRecord::new(at, requests[position], decisions[position])
                        .with_decision_id(format!("0123abcd-{}", 41 + position));
                    record.labels.clone_from(labels);
                    assert_eq!(AuditRecord::from_json_line(line).expect("reads back"), record, "{line}");
                    let full = record.to_json_line().expect("a record writes");
                    assert!(line.len() <= full.len(), "{line}");
                }
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
