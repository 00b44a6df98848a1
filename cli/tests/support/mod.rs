//! Running the built `vianet-privacy` binary as a process, as a user does.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_vianet-privacy");

/// The sample log the tool has built in.
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/sample-events.jsonl");

/// A request the statement allows: supervised overseas troubleshooting.
pub const ALLOWED: &str = r#"{"service": "azure", "party": "supplier", "action": "access", "data": "customer_content",
    "purpose": "troubleshooting", "location": "united_states"}"#;

/// A request the statement forbids: retaining the security code.
pub const DENIED: &str = r#"{"service": "azure", "party": "operator", "action": "retain", "data": "security_code",
    "purpose": "future_transactions", "location": "mainland_china"}"#;

/// Runs the tool with `args`, feeding `stdin` (or nothing), from a
/// directory that is not the repository's, so nothing depends on it.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tool starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(text) = stdin {
        // The tool may exit before reading (a usage error): a closed pipe
        // is its answer, not the test's failure.
        let _ = input.write_all(text.as_bytes());
    }
    drop(input);
    child.wait_with_output().expect("the tool finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

/// The exit status, with the output shown when it is not the one expected.
#[track_caller]
pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

/// Parses standard output as one JSON value.
#[track_caller]
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).unwrap_or_else(|err| panic!("not JSON ({err}):\n{}", stdout(output)))
}

/// A fresh directory under cargo's temporary directory for tests, emptied
/// first.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temporary directory is made");
    dir
}

/// A path as a `&str` argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Every wire name of the library's vocabularies, every clause id, and the
/// ASCII words of the library's Chinese labels: the words a Chinese report
/// may show in ASCII.
pub fn wire_names() -> std::collections::BTreeSet<String> {
    use vianet_privacy::wire::WireErrorKind;
    use vianet_privacy::*;
    let mut names = std::collections::BTreeSet::new();
    // The wire names, and the ASCII words of the library's own Chinese
    // labels (product names such as "Microsoft Power Platform").
    macro_rules! add {
        ($($ty:ty),+) => { $(
            names.extend(<$ty>::ALL.iter().map(|v| v.as_str().to_owned()));
            for value in <$ty>::ALL {
                names.extend(value.label(Language::ZhCn).split(|c: char| !c.is_ascii_alphabetic()).map(str::to_owned));
            }
        )+ };
    }
    add!(
        OnlineService,
        Party,
        Action,
        DataElement,
        Purpose,
        Location,
        Authorization,
        Circumstance,
        Objection,
        ClauseId,
        Section,
        Reason,
        DenyKind,
        Obligation,
        Advisory,
        WireErrorKind
    );
    names
}

/// The first run of three or more consecutive ASCII words in `text`, not
/// counting wire names, clause ids, options and file paths: an English
/// sentence left in a Chinese output.
pub fn english_sentence(text: &str) -> Option<String> {
    let names = wire_names();
    for line in text.lines() {
        let mut run: Vec<&str> = Vec::new();
        for token in line.split(|c: char| c.is_whitespace() || "，。：；、（）［］“”".contains(c)) {
            let word = token.trim_matches(|c: char| ",.;:!?()[]{}\"'`".contains(c));
            let english = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()) && !names.contains(word);
            if english {
                run.push(word);
                if run.len() >= 3 {
                    return Some(format!("{:?} in line: {line}", run.join(" ")));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}
