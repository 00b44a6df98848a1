//! The example programs, run as a user runs them, and the sample log they
//! and the command-line tool read. The tool itself (`cli/`) is tested in
//! `cli/tests/`.
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

// ---------------------------------------------------------------- the sample log

/// What the audit of a log must report, computed here with the library.
#[derive(Default, Debug)]
struct Expected {
    lines: u64,
    allowed: u64,
    denied: u64,
    unreadable: u64,
    kinds: Vec<DenyKind>,
    problems: Vec<(u64, WireErrorKind)>,
}

fn expected(log: &str) -> Expected {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Event {
        at: chrono::DateTime<chrono::FixedOffset>,
        request: Request,
    }
    let mut expected = Expected::default();
    for (i, line) in log.lines().enumerate() {
        expected.lines += 1;
        let number = i as u64 + 1;
        let event = match wire::from_json::<Event>(line) {
            Ok(event) => event,
            Err(err) => {
                expected.unreadable += 1;
                expected.problems.push((number, err.kind()));
                continue;
            }
        };
        let mut request = event.request;
        request.at = request.at.or(Some(event.at));
        match decide(&request) {
            Ok(Decision::Allow(_)) => expected.allowed += 1,
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
fn the_examples_run_on_the_sample_and_the_built_in_request() {
    let output = run("check", &[], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("deny (permitted only with an authorization"), "{text}");
    assert!(
        text.contains("\n拒绝") && text.contains("prior_consent_after_explanation"),
        "{text}"
    );

    let expected = expected(&std::fs::read_to_string(SAMPLE).unwrap());
    let output = run("audit", &[SAMPLE], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with(&format!("{} allowed, {} denied\n", expected.allowed, expected.denied)),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        stderr(&output).lines().count() as u64,
        expected.unreadable,
        "{}",
        stderr(&output)
    );

    let output = run("clauses", &[], None);
    assert_eq!(output.status.code(), Some(0));
    for clause in ClauseId::ALL {
        assert!(stdout(&output).contains(clause.passage()), "{clause}");
    }
}
