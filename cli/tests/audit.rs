//! `vianet-privacy audit`, run as a process on real logs.

mod support;

use std::collections::BTreeMap;

use support::*;
use vianet_privacy::audit::Event;
use vianet_privacy::wire::{self, WireError};
use vianet_privacy::{decide, AuditRecord, Decision};

/// What the audit of a log must report, computed here with the library.
#[derive(Debug, Default)]
struct Expected {
    lines: u64,
    blank: u64,
    allowed: u64,
    denied: u64,
    rejected: Vec<(u64, String)>,
    decided_lines: Vec<u64>,
    obligations: BTreeMap<String, u64>,
}

fn expected(log: &str) -> Expected {
    let mut expected = Expected::default();
    for (i, line) in log.split_inclusive('\n').enumerate() {
        let number = i as u64 + 1;
        expected.lines += 1;
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            expected.blank += 1;
            continue;
        }
        let decided =
            Event::from_json_line(line).and_then(|event| decide(&event.request_at()).map_err(WireError::from));
        match decided {
            Ok(Decision::Allow(allow)) => {
                expected.allowed += 1;
                expected.decided_lines.push(number);
                for obligation in allow.obligations.iter() {
                    *expected.obligations.entry(obligation.as_str().to_owned()).or_default() += 1;
                }
            }
            Ok(Decision::Deny(_)) => {
                expected.denied += 1;
                expected.decided_lines.push(number);
            }
            Err(err) => expected.rejected.push((number, err.kind().as_str().to_owned())),
        }
    }
    expected
}

fn sample() -> String {
    std::fs::read_to_string(SAMPLE).expect("the sample log ships with the repository")
}

/// A line of a log: the request at a time, with extra fields.
fn line(request: &str, extra: &str) -> String {
    format!(
        r#"{{"at": "2024-05-01T10:00:00+08:00", "request": {}{extra}}}"#,
        request.replace('\n', " ")
    )
}

#[test]
fn audit_of_the_built_in_sample_accounts_for_every_line() {
    let expected = expected(&sample());
    let output = run(&["audit", "--json"], None);
    assert_exit(&output, 0);
    assert!(stderr(&output).contains("built-in sample log"), "{}", stderr(&output));
    let summary = json(&output);
    assert_eq!(summary["sample"], true);
    assert_eq!(summary["lines"], expected.lines);
    assert_eq!(summary["lines"], 400);
    assert_eq!(summary["blank"], expected.blank);
    assert_eq!(summary["allowed"], expected.allowed);
    assert_eq!(summary["denied"], expected.denied);
    assert_eq!(summary["rejected"], expected.rejected.len());
    let n = |key: &str| summary[key].as_u64().unwrap();
    // Counts in equal counts out.
    assert_eq!(n("lines"), n("decided") + n("rejected") + n("blank"));
    assert_eq!(n("decided"), n("allowed") + n("denied"));
    assert_eq!(summary["statement_version"], "2020-12-01");

    let sum = |list: &str, field: &str| -> u64 {
        summary[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item[field].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("per_day", "allowed") + sum("per_day", "denied"), n("decided"));
    assert_eq!(sum("per_clause", "allowed"), n("allowed"));
    assert_eq!(sum("per_clause", "denied"), n("denied"));
    assert_eq!(sum("denials", "count"), n("denied"));
    let by_kind: u64 = summary["denied_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_kind, n("denied"));
    let rejected_by_kind: u64 = summary["rejected_by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(rejected_by_kind, n("rejected"));
    let obligations: BTreeMap<String, u64> = serde_json::from_value(summary["obligations"].clone()).unwrap();
    assert_eq!(obligations, expected.obligations);
    assert!(!summary["missing_authorizations"].as_object().unwrap().is_empty());
    assert_eq!(summary["time_range"]["first"], "2024-03-01T09:06:30+08:00");
    let problems: Vec<(u64, String)> = summary["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["kind"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(problems, expected.rejected);
    assert_eq!(summary["disagreements"]["total"], 0);
    assert_eq!(summary["recorded"], 0);
}

#[test]
fn audit_text_report_of_the_sample() {
    let expected = expected(&sample());
    let output = run(&["audit"], None);
    assert_exit(&output, 0);
    let text = stdout(&output);
    let headline = format!(
        "400 lines: {} decided ({} allowed, {} denied), {} rejected, 0 blank",
        expected.allowed + expected.denied,
        expected.allowed,
        expected.denied,
        expected.rejected.len()
    );
    assert!(text.contains(&headline), "expected {headline:?} in\n{text}");
    for (line, kind) in &expected.rejected {
        assert!(
            text.contains(&format!("  line {line} [{kind}]: ")),
            "line {line} not reported in\n{text}"
        );
    }
    for heading in [
        "Per day (China Standard Time):",
        "Decisions per clause:",
        "Denied, by kind, clause and reason:",
        "Authorizations that would have turned the needs-authorization denials around:",
        "Obligations the allowed events carry:",
        "PASSED",
    ] {
        assert!(text.contains(heading), "{heading:?} not in\n{text}");
    }
    assert!(
        stderr(&output).contains("audit: done, 400 lines"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn audit_reads_standard_input_and_counts_blank_lines() {
    let allowed = line(ALLOWED, "");
    let log = format!("{allowed}\n\n   \n{allowed}\r\nnot json\n{allowed}");
    let output = run(&["audit", "-", "--json"], Some(&log));
    assert_exit(&output, 0);
    let summary = json(&output);
    assert_eq!(summary["lines"], 6);
    assert_eq!(summary["blank"], 2);
    assert_eq!(summary["decided"], 3);
    assert_eq!(summary["rejected"], 1);
    assert_eq!(summary["problems"][0]["line"], 5);
    assert_eq!(summary["problems"][0]["kind"], "syntax");
    assert_eq!(summary["source"], "-");
    assert_eq!(summary["sample"], false);
}

#[test]
fn audit_accepts_the_envelope_a_log_pipeline_adds() {
    let log = [
        line(ALLOWED, r#", "decision_id": "d-1", "host": "api-3", "trace_id": "abc""#),
        line(
            DENIED,
            r#", "decision_id": "d-2", "host": "api-4", "labels": {"tenant": "t1"}"#,
        ),
    ]
    .join("\n");
    let output = run(&["audit", "-", "--json"], Some(&log));
    assert_exit(&output, 0);
    let summary = json(&output);
    assert_eq!(
        (summary["decided"].as_u64(), summary["rejected"].as_u64()),
        (Some(2), Some(0))
    );
    // The request itself stays strict, and a misspelt name gets a suggestion.
    let strict = [
        line(&ALLOWED.replace("\"service\"", "\"colour\": \"blue\", \"service\""), ""),
        line(&ALLOWED.replace("\"supplier\"", "\"suplier\""), r#", "host": "api-3""#),
    ]
    .join("\n");
    let summary = json(&run(&["audit", "-", "--json"], Some(&strict)));
    assert_eq!(summary["problems"][0]["kind"], "unknown_field");
    assert_eq!(summary["problems"][1]["line"], 2);
    // The field is named by its JSON path in the line.
    assert_eq!(summary["problems"][1]["field"], "request.party");
    assert_eq!(summary["problems"][1]["suggestion"], "supplier");
    let text = stdout(&run(&["audit", "-"], Some(&strict)));
    assert!(
        text.contains("line 2 [unknown_value]: unknown party `suplier`"),
        "{text}"
    );
    assert!(text.contains("did you mean \"supplier\"?"), "{text}");
}

/// A decision log: an allow, a deny, a deny recorded as an allow (now a
/// failure), an allow recorded as a deny.
fn decision_log() -> String {
    let at = chrono::DateTime::parse_from_rfc3339("2024-05-01T10:00:00+08:00").unwrap();
    let allowed = AuditRecord::decide(at, wire::parse_request(ALLOWED).unwrap())
        .unwrap()
        .with_decision_id("d-1");
    let denied = AuditRecord::decide(at, wire::parse_request(DENIED).unwrap())
        .unwrap()
        .with_decision_id("d-2");
    let mut allow_now_deny = denied.clone().with_decision_id("d-3");
    allow_now_deny.decision = allowed.decision;
    let mut deny_now_allow = allowed.clone().with_decision_id("d-4");
    deny_now_allow.decision = denied.decision;
    [allowed, denied, allow_now_deny, deny_now_allow]
        .map(|r| r.to_json_line().unwrap())
        .join("\n")
}

#[test]
fn a_recorded_allow_that_is_now_denied_fails_the_audit() {
    let log = decision_log();
    let output = run(&["audit", "-"], Some(&log));
    assert_exit(&output, 1);
    let text = stdout(&output);
    assert!(text.contains("4 lines: 4 decided (2 allowed, 2 denied)"), "{text}");
    assert!(text.contains("FAILED: recorded allows denied today: 1."), "{text}");
    assert!(
        text.contains("Recorded decisions that differ from today's: 2"),
        "{text}"
    );
    assert!(text.contains("line 3: recorded as allowed, denied today"), "{text}");
    assert!(text.contains("line 4: recorded as denied, allowed today"), "{text}");

    let output = run(&["audit", "-", "--json"], Some(&log));
    assert_exit(&output, 1);
    let summary = json(&output);
    assert_eq!(summary["failed"], true);
    assert_eq!(summary["recorded"], 4);
    assert_eq!(summary["disagreements"]["total"], 2);
    assert_eq!(summary["disagreements"]["by_change"]["allow_now_deny"], 1);
    assert_eq!(summary["disagreements"]["by_change"]["deny_now_allow"], 1);
    assert_eq!(summary["disagreements"]["listed"][0]["decision_id"], "d-3");
    assert_eq!(summary["disagreements"]["listed"][0]["recorded"]["effect"], "allow");
    assert_eq!(summary["disagreements"]["listed"][0]["decided"]["effect"], "deny");

    // A deny recorded as such and now allowed is reported, not a failure
    // unless --strict.
    let lenient: String = log
        .lines()
        .filter(|l| !l.contains("\"d-3\""))
        .collect::<Vec<_>>()
        .join("\n");
    assert_exit(&run(&["audit", "-"], Some(&lenient)), 0);
    assert_exit(&run(&["audit", "-", "--strict"], Some(&lenient)), 1);
}

#[test]
fn strict_fails_on_any_deny_rejection_or_difference() {
    let output = run(&["audit", "--strict"], None);
    assert_exit(&output, 1);
    assert!(stdout(&output).contains("FAILED (--strict)"), "{}", stdout(&output));

    let clean = [line(ALLOWED, ""), String::new(), line(ALLOWED, "")].join("\n");
    assert_exit(&run(&["audit", "--strict", "-"], Some(&clean)), 0);
    assert_exit(
        &run(&["audit", "-"], Some(&format!("{clean}\n{}", line(DENIED, "")))),
        0,
    );
    assert_exit(
        &run(
            &["audit", "--strict", "-"],
            Some(&format!("{clean}\n{}", line(DENIED, ""))),
        ),
        1,
    );
    let output = run(&["audit", "--strict", "-"], Some(&format!("{clean}\n{{\"at\": 1}}")));
    assert_exit(&output, 1);
    assert!(
        stdout(&output).contains("line 4 [invalid_value]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn max_problems_caps_what_is_listed_never_what_is_counted() {
    let output = run(&["audit", "--json", "--max-problems", "2"], None);
    assert_exit(&output, 0);
    let summary = json(&output);
    assert_eq!(summary["rejected"], 7);
    assert_eq!(summary["problems"].as_array().unwrap().len(), 2);
    assert_eq!(summary["problems_not_listed"], 5);
    let text = stdout(&run(&["audit", "--max-problems", "0"], None));
    assert!(
        text.contains("Lines that could not be read or decided: 7 (listed: 0)"),
        "{text}"
    );
    assert!(text.contains("… and 7 more"), "{text}");
}

#[test]
fn audit_refuses_what_it_cannot_read_with_exit_2() {
    let output = run(&["audit", "/nonexistent/log.jsonl"], None);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("/nonexistent/log.jsonl"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
    let dir = temp_dir("audit-dir");
    assert_exit(&run(&["audit", arg(&dir)], None), 2);
    // An events file whose format cannot be told.
    let output = run(&["audit", "--events", arg(&dir.join("events.txt"))], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--events-format"), "{}", stderr(&output));
    assert_exit(&run(&["audit", "--html", "/nonexistent/dir/report.html"], None), 2);
}

#[test]
fn events_are_written_one_record_per_decided_line_as_jsonl_and_csv() {
    let expected = expected(&sample());
    let dir = temp_dir("audit-events");
    let (jsonl, csv_path, txt) = (dir.join("events.jsonl"), dir.join("events.csv"), dir.join("events.txt"));
    let output = run(&["audit", "--events", arg(&jsonl), "--json"], None);
    assert_exit(&output, 0);
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len() as u64, expected.allowed + expected.denied);
    let lines: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, expected.decided_lines);
    let first = &rows[0];
    for field in [
        "at",
        "service",
        "party",
        "action",
        "data",
        "purpose",
        "location",
        "effect",
        "clause",
        "obligations",
    ] {
        assert!(!first[field].is_null(), "{field} missing in {first}");
    }
    assert_eq!(
        rows.iter().filter(|r| r["effect"] == "deny").count() as u64,
        expected.denied
    );
    assert!(rows
        .iter()
        .any(|r| r["kind"] == "needs_authorization" && !r["missing"].as_array().unwrap().is_empty()));

    for (path, extra) in [(&csv_path, &[][..]), (&txt, &["--events-format", "csv"][..])] {
        let mut args = vec!["audit", "--events", arg(path)];
        args.extend(extra);
        assert_exit(&run(&args, None), 0);
        let mut reader = csv::Reader::from_path(path).unwrap();
        let headers = reader.headers().unwrap().clone();
        for field in [
            "line",
            "at",
            "party",
            "effect",
            "clause",
            "kind",
            "reason",
            "obligations",
        ] {
            assert!(headers.iter().any(|h| h == field), "{field} not in {headers:?}");
        }
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len() as u64, expected.allowed + expected.denied);
        let line_column = headers.iter().position(|h| h == "line").unwrap();
        let lines: Vec<u64> = records.iter().map(|r| r[line_column].parse().unwrap()).collect();
        assert_eq!(lines, expected.decided_lines);
    }
}

#[test]
fn audit_in_chinese_prints_no_english_sentence() {
    let output = run(&["audit", "--lang", "zh-CN"], None);
    assert_exit(&output, 0);
    let (out, err) = (stdout(&output), stderr(&output));
    assert!(
        out.contains("共 400 行") && out.contains("拒绝（按类型、条款和理由）"),
        "{out}"
    );
    assert!(out.contains("第 41 行［unknown_field］"), "{out}");
    assert_eq!(english_sentence(&out), None, "standard output:\n{out}");
    assert_eq!(english_sentence(&err), None, "standard error:\n{err}");

    let output = run(&["audit", "--lang", "zh-CN", "-"], Some(&decision_log()));
    assert_exit(&output, 1);
    let out = stdout(&output);
    assert!(out.contains("记录为允许，现判定为拒绝"), "{out}");
    assert_eq!(english_sentence(&out), None, "{out}");
}
