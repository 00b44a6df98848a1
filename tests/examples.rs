//! The example programs, run as a user runs them: on real input, checking
//! their output and exit status.
//!
//! The binaries are those `cargo test` builds under `target/<profile>/examples/`;
//! each test first asks cargo to (re)build them, a no-op when they are up
//! to date, so running this file alone (`cargo test --test examples`) never
//! tests a stale binary.
#![cfg(feature = "json")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use vianet_privacy::wire::{self, WireErrorKind};
use vianet_privacy::*;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample-events.jsonl");

/// The directory holding the example binaries, built once per test run.
fn examples_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // target/<profile>/deps/examples-<hash> → target/<profile>
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps")
            .to_path_buf();
        let mut build = Command::new(env!("CARGO"));
        build
            .args(["build", "--examples", "--quiet"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => {}
            Some("release") => {
                build.arg("--release");
            }
            Some(profile) => {
                build.args(["--profile", profile]);
            }
        }
        if std::env::var_os("CARGO_TARGET_DIR").is_none() {
            if let Some(target) = profile_dir.parent() {
                build.arg("--target-dir").arg(target);
            }
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "building the examples failed");
        profile_dir.join("examples")
    })
}

fn run(example: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let path = examples_dir().join(format!("{example}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "no example binary at {}", path.display());
    let mut child = Command::new(&path)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("stdin takes the input");
    }
    drop(input);
    child.wait_with_output().expect("the example finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("vianet-privacy-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the temporary file is written");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const ALLOWED: &str = r#"{"service": "azure", "party": "supplier", "action": "access", "data": "customer_content",
    "purpose": "troubleshooting", "location": "united_states"}"#;
const DENIED: &str = r#"{"service": "azure", "party": "operator", "action": "retain", "data": "security_code",
    "purpose": "future_transactions", "location": "mainland_china"}"#;

// ---------------------------------------------------------------- check

#[test]
fn check_allows_from_an_argument_with_exit_0() {
    let output = run("check", &[ALLOWED], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("allow; obligations: supervise the overseas access"),
        "{text}"
    );
    assert!(text.contains("customer_data_overseas_access"), "{text}");
    assert!(text.contains("December 1, 2020"), "{text}");
}

#[test]
fn check_denies_from_a_file_with_exit_1_in_chinese() {
    let file = TempFile::new("denied.json", DENIED);
    let output = run("check", &["--lang", "zh-CN", file.path()], None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("拒绝（本声明禁止）：支付工具的安全码不予保留"),
        "{text}"
    );
    assert!(text.contains("payment_security_code_not_retained"), "{text}");
}

#[test]
fn check_reads_standard_input_and_writes_the_decision_as_json() {
    let output = run("check", &["--json"], Some(DENIED));
    assert_eq!(output.status.code(), Some(1));
    let decision = wire::parse_decision(stdout(&output).trim()).expect("the output is a decision");
    assert_eq!(decision, wire::decide_json(DENIED).unwrap());
    assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));

    let output = run("check", &["--json", "-"], Some(ALLOWED));
    assert_eq!(output.status.code(), Some(0));
    assert!(wire::parse_decision(stdout(&output).trim()).unwrap().is_allowed());
}

#[test]
fn check_refuses_bad_input_with_exit_2() {
    let unknown_field = ALLOWED.replace("\"service\"", "\"colour\": \"blue\", \"service\"");
    let output = run("check", &[&unknown_field], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).starts_with("error[unknown_field]: unknown field `colour`"),
        "{}",
        stderr(&output)
    );

    let output = run("check", &["--json"], Some(&ALLOWED.replace("supplier", "regulator")));
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("a JSON error");
    assert_eq!(json["error"]["kind"], "unknown_value");
    assert!(json["error"]["expected"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "supplier"));

    let early = ALLOWED.replace("}", ", \"at\": \"2019-01-01T00:00:00+08:00\"}");
    let output = run("check", &[&early], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error[before_statement_in_force]"),
        "{}",
        stderr(&output)
    );

    assert_eq!(
        run("check", &["/nonexistent/request.json"], None).status.code(),
        Some(2)
    );
    assert_eq!(run("check", &["--colour"], None).status.code(), Some(2));
    assert_eq!(run("check", &["--lang", "fr", ALLOWED], None).status.code(), Some(2));
    assert_eq!(run("check", &[], Some("")).status.code(), Some(2));
}

// ---------------------------------------------------------------- audit

/// What the audit of a log must report, computed here with the library.
#[derive(Default, Debug)]
struct Expected {
    lines: u64,
    allowed: u64,
    denied: u64,
    unreadable: u64,
    kinds: Vec<DenyKind>,
    problems: Vec<(u64, WireErrorKind)>,
    obligations: std::collections::BTreeMap<String, u64>,
}

fn expected(log: &str) -> Expected {
    let mut expected = Expected::default();
    for (i, line) in log.lines().enumerate() {
        expected.lines += 1;
        let number = i as u64 + 1;
        let event = match vianet_privacy::audit::Event::from_json_line(line) {
            Ok(event) => event,
            Err(err) => {
                expected.unreadable += 1;
                expected.problems.push((number, err.kind()));
                continue;
            }
        };
        match decide(&event.request_at()) {
            Ok(Decision::Allow(allow)) => {
                expected.allowed += 1;
                for obligation in allow.obligations.iter() {
                    *expected.obligations.entry(obligation.as_str().to_owned()).or_default() += 1;
                }
            }
            Ok(Decision::Deny(deny)) => {
                expected.denied += 1;
                if !expected.kinds.contains(&deny.kind) {
                    expected.kinds.push(deny.kind);
                }
            }
            Err(err) => {
                expected.unreadable += 1;
                expected.problems.push((number, wire::WireError::from(err).kind()));
            }
        }
    }
    expected
}

#[test]
fn the_sample_log_is_what_the_generator_writes() {
    let output = run("gen_sample", &[], None);
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(SAMPLE).expect("the sample log ships with the crate");
    assert!(
        stdout(&output) == committed,
        "examples/data/sample-events.jsonl is stale: run `cargo run --example gen_sample > examples/data/sample-events.jsonl`"
    );
}

/// The sample is realistic: mostly allowed, with denials of every kind and
/// a few lines of every sort of damage.
#[test]
fn the_sample_log_mixes_every_outcome() {
    let log = std::fs::read_to_string(SAMPLE).unwrap();
    let expected = expected(&log);
    assert!(expected.lines >= 300, "{expected:?}");
    assert!(expected.allowed > 4 * expected.denied, "{expected:?}");
    for kind in DenyKind::ALL {
        assert!(expected.kinds.contains(kind), "no {kind} denial in the sample");
    }
    let kinds: std::collections::BTreeSet<WireErrorKind> = expected.problems.iter().map(|p| p.1).collect();
    assert!(kinds.len() >= 6, "{kinds:?}");
    assert!(expected.unreadable < expected.lines / 20);
}

#[test]
fn audit_reports_the_sample_log_by_default() {
    let expected = expected(&std::fs::read_to_string(SAMPLE).unwrap());
    let output = run("audit", &[], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let headline = format!(
        "{} lines: {} events decided, {} allowed, {} denied; {} lines could not be read or decided",
        expected.lines,
        expected.allowed + expected.denied,
        expected.allowed,
        expected.denied,
        expected.unreadable
    );
    assert!(text.contains(&headline), "expected {headline:?} in\n{text}");
    for (line, kind) in &expected.problems {
        assert!(
            text.contains(&format!("  line {line} [{kind}]: ")),
            "line {line} not reported in\n{text}"
        );
    }
    for kind in DenyKind::ALL {
        assert!(
            text.contains(&format!("{} ({kind}): ", kind.label(Language::En))),
            "{text}"
        );
    }
    assert!(text.contains("Obligations the allowed events carry:"));
    assert!(stderr(&output).contains("audit: done, "), "{}", stderr(&output));
}

#[test]
fn audit_json_summary_matches_the_library() {
    let expected = expected(&std::fs::read_to_string(SAMPLE).unwrap());
    let output = run("audit", &["--json", SAMPLE], None);
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("a JSON summary");
    assert_eq!(summary["lines"], expected.lines);
    assert_eq!(summary["allowed"], expected.allowed);
    assert_eq!(summary["denied"], expected.denied);
    assert_eq!(summary["unreadable"], expected.unreadable);
    assert_eq!(summary["statement_version"], "2020-12-01");
    let groups = summary["denials"].as_array().unwrap();
    let grouped: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(grouped, expected.denied);
    for group in groups {
        let clause: ClauseId = group["clause"].as_str().unwrap().parse().unwrap();
        let reason: Reason = group["reason"].as_str().unwrap().parse().unwrap();
        assert!(!clause.passage().is_empty() && !reason.text(Language::En).is_empty());
    }
    let obligations: std::collections::BTreeMap<String, u64> =
        serde_json::from_value(summary["obligations"].clone()).unwrap();
    assert_eq!(obligations, expected.obligations);
    let lines: Vec<u64> = summary["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, expected.problems.iter().map(|p| p.0).collect::<Vec<_>>());
}

#[test]
fn audit_strict_is_a_gate() {
    // The sample has denials: the gate closes, after a complete report.
    let output = run("audit", &["--strict"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("Denied, by kind, clause and reason:"));

    // A clean log passes, with or without --strict.
    let line = format!(
        r#"{{"at": "2024-05-01T10:00:00+08:00", "request": {}}}"#,
        ALLOWED.replace('\n', " ")
    );
    let clean = TempFile::new("clean.jsonl", &format!("{line}\n\n{line}\r\n"));
    let output = run("audit", &["--strict", clean.path()], None);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("3 lines: 2 events decided, 2 allowed, 0 denied; 0 lines"),
        "{}",
        stdout(&output)
    );

    // One unreadable line closes it.
    let output = run("audit", &["--strict", "-"], Some(&format!("{line}\n{{\"at\": 1}}\n")));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("line 2 [invalid_value]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn audit_reads_audit_records_and_reports_decisions_that_differ() {
    let at = chrono::DateTime::parse_from_rfc3339("2024-05-01T10:00:00+08:00").unwrap();
    let allowed = AuditRecord::decide(at, wire::parse_request(ALLOWED).unwrap()).unwrap();
    let denied = AuditRecord::decide(at, wire::parse_request(DENIED).unwrap()).unwrap();
    // A record that says the security code was allowed: it was not.
    let mut tampered = denied.clone();
    tampered.decision = allowed.decision;
    let log = [allowed, denied, tampered]
        .map(|r| r.to_json_line().unwrap())
        .join("\n");
    let output = run("audit", &["-"], Some(&log));
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("3 lines: 3 events decided, 1 allowed, 2 denied"),
        "{text}"
    );
    assert!(
        text.contains("Recorded decisions that differ from the statement's: 1"),
        "{text}"
    );
    assert!(text.contains("  line 3: recorded allow"), "{text}");
    assert_eq!(run("audit", &["--strict", "-"], Some(&log)).status.code(), Some(1));
}

#[test]
fn audit_speaks_chinese_and_refuses_bad_options() {
    let output = run("audit", &["--lang", "zh-CN"], None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("允许") && text.contains("拒绝（按类型、条款和理由）"),
        "{text}"
    );
    assert!(text.contains("第 41 行［unknown_field］"), "{text}");
    assert_eq!(run("audit", &["/nonexistent/log.jsonl"], None).status.code(), Some(2));
    assert_eq!(run("audit", &["--fast"], None).status.code(), Some(2));
}

// ---------------------------------------------------------------- clauses

#[test]
fn clauses_prints_the_whole_catalog() {
    let output = run("clauses", &[], None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for clause in ClauseId::ALL {
        assert!(
            text.contains(&format!("\n{clause}\n  {}\n", clause.label(Language::En))),
            "{clause}"
        );
        assert!(text.contains(clause.passage()), "{clause}");
        assert!(text.contains(&format!(
            "== {} ({}) ==",
            clause.section().label(Language::En),
            clause.section()
        )));
    }
}

#[test]
fn clauses_prints_chinese_titles_and_one_section() {
    let output = run("clauses", &["--lang", "zh-CN", "payment_data"], None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("== 支付数据 (payment_data) =="), "{text}");
    let shown: Vec<ClauseId> = ClauseId::ALL
        .iter()
        .copied()
        .filter(|c| text.contains(&format!("\n{c}\n")))
        .collect();
    let payment: Vec<ClauseId> = ClauseId::ALL
        .iter()
        .copied()
        .filter(|c| c.section() == Section::PaymentData)
        .collect();
    assert_eq!(shown, payment);
    assert!(text.contains(ClauseId::PaymentSecurityCodeNotRetained.label(Language::ZhCn)));

    let output = run("clauses", &["payments"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("payment_data"), "{}", stderr(&output));
}
