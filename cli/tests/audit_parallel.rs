//! The audit on every core gives the report of one thread: the same
//! counts, the same listed problems with their true line numbers, the same
//! `--events` stream, byte for byte.

mod support;

use std::path::Path;

use support::{arg, assert_exit, json, run, temp_dir, SAMPLE};

/// The audit of `log` on `threads` threads: its JSON report and its events
/// stream written to `events`.
fn audit(log: &Path, threads: usize, events: &Path) -> (serde_json::Value, Vec<u8>) {
    let threads = threads.to_string();
    let output = run(
        &[
            "audit",
            arg(log),
            "--json",
            "--max-problems",
            "100000",
            "--threads",
            &threads,
            "--events",
            arg(events),
        ],
        None,
    );
    assert_exit(&output, 0);
    (json(&output), std::fs::read(events).expect("the events are written"))
}

#[track_caller]
fn assert_same_on_every_thread_count(log: &Path, dir: &Path) {
    for extension in ["jsonl", "csv"] {
        let one = audit(log, 1, &dir.join(format!("one.{extension}")));
        for threads in [2, 3, 8] {
            let many = audit(log, threads, &dir.join(format!("many.{extension}")));
            assert_eq!(one.0, many.0, "the report on {threads} threads");
            assert!(one.1 == many.1, "the {extension} events on {threads} threads differ");
        }
    }
}

#[test]
fn the_sample_gives_the_same_report_on_one_thread_and_on_many() {
    let dir = temp_dir("parallel-sample");
    assert_same_on_every_thread_count(Path::new(SAMPLE), &dir);
}

/// A log of some 90,000 lines (longer than the audit's 16 MiB block, so
/// a line straddles two blocks), with blank lines, CRLF line ends, lines
/// that are not UTF-8 or not JSON, and a last line cut short.
fn generated_log() -> Vec<u8> {
    let sample = std::fs::read_to_string(SAMPLE).expect("the sample log");
    let lines: Vec<&str> = sample.lines().collect();
    let mut log = Vec::new();
    let mut n = 0usize;
    while log.len() < 18 << 20 {
        let line = lines[n % lines.len()];
        match n % 997 {
            13 => log.extend_from_slice(b"   \n"),
            14 => log.extend_from_slice(b"{\"at\": \"2024-03-01T09:00:00+08:00\", \"request\": \xff\xfe}\n"),
            15 => log.extend_from_slice(b"not json\r\n"),
            16 => {
                log.extend_from_slice(line.as_bytes());
                log.extend_from_slice(b"\r\n");
            }
            _ => {
                log.extend_from_slice(line.as_bytes());
                log.push(b'\n');
            }
        }
        n += 1;
    }
    let cut = &lines[1][..lines[1].len() / 2];
    log.extend_from_slice(cut.as_bytes());
    log
}

#[test]
fn a_generated_log_longer_than_a_block_gives_the_same_report_on_one_thread_and_on_many() {
    let dir = temp_dir("parallel-generated");
    let log = dir.join("generated.jsonl");
    let text = generated_log();
    std::fs::write(&log, &text).expect("the log is written");
    let (report, _) = audit(&log, 4, &dir.join("events.jsonl"));
    // Counts in equal counts out.
    let lines = text.split(|byte| *byte == b'\n').count() as u64;
    let count = |key: &str| report[key].as_u64().expect("a count");
    assert_eq!(count("lines"), lines);
    assert_eq!(count("lines"), count("decided") + count("rejected") + count("blank"));
    // The rejected lines keep their numbers in the whole log: the last one
    // is cut short, the non-UTF-8 ones are lines 15, 1012, …
    let problems: Vec<u64> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|problem| problem["line"].as_u64().expect("a line number"))
        .collect();
    assert!(problems.contains(&15) && problems.contains(&(997 + 15)), "{problems:?}");
    assert_eq!(problems.last(), Some(&lines), "{problems:?}");
    assert_same_on_every_thread_count(&log, &dir);
}
