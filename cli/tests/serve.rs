//! `vianet-privacy serve` as a process: it starts on a free loopback port
//! and says where, answers over HTTP, writes the decision log that `audit`
//! reads back, stops cleanly on SIGTERM; and, under a soak of 100,000
//! mixed requests with malformed bodies, slow clients and connections
//! dropped mid-body, it never answers 5xx, never allows malformed input,
//! logs every answered decision exactly once, and keeps its memory flat.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use support::*;

/// A running `vianet-privacy serve`.
struct Serve {
    child: Child,
    addr: SocketAddr,
    stderr: mpsc::Receiver<String>,
}

impl Serve {
    /// Starts the service on `127.0.0.1:0` with `args`, and reads the
    /// address it bound from its first line on standard error.
    fn start(args: &[&str]) -> Serve {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(std::env::temp_dir())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the service starts");
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().expect("stderr is piped");
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the service says where it listens");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| c != '.' && c != ':' && !c.is_ascii_digit()).next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Serve {
            child,
            addr,
            stderr: rx,
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM and waits for the exit code, and the rest of standard
    /// error.
    fn terminate(mut self) -> (Option<i32>, String) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let started = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().expect("the service can be waited for") {
                break status.code();
            }
            if started.elapsed() > Duration::from_secs(30) {
                let _ = self.child.kill();
                panic!("the service did not stop within 30 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest: Vec<String> = self.stderr.try_iter().collect();
        (code, rest.join("\n"))
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: the status and the body.
struct Answer {
    status: u16,
    close: bool,
    body: Vec<u8>,
}

fn request_bytes(path: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "POST {path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Reads one answer with a `content-length` body.
fn read_answer(reader: &mut impl BufRead) -> std::io::Result<Answer> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not a status line: {line:?}")))?;
    let mut length = 0;
    let mut close = false;
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap_or((header, ""));
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().map_err(std::io::Error::other)?;
        } else if name.eq_ignore_ascii_case("connection") && value.trim().eq_ignore_ascii_case("close") {
            close = true;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Answer { status, close, body })
}

/// One request on a new connection.
fn call(addr: SocketAddr, path: &str, body: &str) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("the service accepts");
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream.write_all(&request_bytes(path, body.as_bytes())).unwrap();
    read_answer(&mut BufReader::new(stream)).expect("an answer")
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body).unwrap_or_else(|err| panic!("not JSON ({err}): {}", String::from_utf8_lossy(body)))
}

/// The decision ids of the lines of a log, with how often each appears.
fn logged_ids(path: &Path) -> HashMap<String, usize> {
    let mut ids = HashMap::new();
    for line in std::fs::read_to_string(path).expect("the log").lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = record["decision_id"].as_str().expect("a decision id").to_owned();
        *ids.entry(id).or_insert(0) += 1;
    }
    ids
}

#[test]
fn serve_starts_on_a_free_port_answers_logs_and_stops_on_sigterm() {
    let dir = temp_dir("serve");
    let log = dir.join("decisions.jsonl");
    let serve = Serve::start(&[
        "--decision-log",
        arg(&log),
        "--record-log",
        arg(&dir.join("records.jsonl")),
    ]);
    assert_ne!(serve.addr.port(), 0);
    assert!(serve.addr.ip().is_loopback());

    let answer = call(serve.addr, "/v1/decide", ALLOWED);
    assert_eq!(answer.status, 200);
    let allowed = json(&answer.body);
    assert_eq!(allowed["decision"]["effect"], "allow");
    let answer = call(serve.addr, "/v1/decide", &format!("[{DENIED}, {ALLOWED}]"));
    assert_eq!(json(&answer.body)["decisions"][0]["decision"]["effect"], "deny");
    let answer = call(serve.addr, "/v1/decide", r#"{"party": "regulator"}"#);
    assert_eq!(answer.status, 400);

    let (code, stderr) = serve.terminate();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("3 decisions logged"), "{stderr}");

    // The decision log is what `audit` reads.
    let output = run(&["audit", arg(&log), "--json"], None);
    assert_exit(&output, 0);
    let summary = support::json(&output);
    assert_eq!(
        (summary["decided"].as_u64(), summary["rejected"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(logged_ids(&log).get(allowed["decision_id"].as_str().unwrap()), Some(&1));
}

#[test]
fn serve_listens_elsewhere_only_when_told_to() {
    let output = run(&["serve", "--addr", "0.0.0.0:0"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--allow-remote"), "{}", stderr(&output));
    let output = run(&["--lang", "zh-CN", "serve", "--addr", "0.0.0.0:0"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("不是本机回环地址"), "{}", stderr(&output));
}

#[test]
fn serve_help_documents_its_options_and_exit_codes() {
    let text = stdout(&run(&["serve", "--help"], None));
    for option in [
        "--addr",
        "--allow-remote",
        "--decision-log",
        "--record-log",
        "--label",
        "--max-body",
        "--max-batch",
        "--max-header",
        "--header-timeout",
        "--body-timeout",
        "--log-timeout",
        "--max-connections",
        "--shutdown-timeout",
        "Exit status:",
        "/v1/decide",
    ] {
        assert!(text.contains(option), "{option} not in\n{text}");
    }
    let text = stdout(&run(&["--help"], None));
    assert!(text.contains("  serve "), "{text}");
}

// ------------------------------------------------------------------- soak

/// How many requests the soak sends.
const SOAK_REQUESTS: usize = 100_000;

/// What one request of the soak is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A valid request to `/v1/decide`, on a kept-alive connection.
    Decide,
    /// A batch of ten, on a kept-alive connection.
    Batch,
    /// A valid compliance request.
    Compliance,
    /// A body that is not a valid request (1%).
    Malformed,
    /// A connection that sends half its body and goes away.
    Dropped,
    /// A client that sends its body in pieces, slowly but in time.
    Slow,
    /// A client too slow for the body time limit.
    TooSlow,
}

fn kind_of(i: usize) -> Kind {
    match i {
        _ if i % 100 == 7 => Kind::Malformed,
        _ if i % 400 == 13 => Kind::Dropped,
        _ if i % 1000 == 21 => Kind::Slow,
        _ if i % 20_000 == 42 => Kind::TooSlow,
        _ if i % 50 == 3 => Kind::Batch,
        _ if i % 25 == 4 => Kind::Compliance,
        _ => Kind::Decide,
    }
}

/// The soak's requests: the built-in sample log's (the ones that can be
/// decided), each a different request.
fn sample_requests() -> Vec<String> {
    std::fs::read_to_string(SAMPLE)
        .expect("the sample log")
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|event| event["request"].to_string())
        .filter(|request| vianet_privacy::wire::decide_json(request).is_ok())
        .collect()
}

/// A malformed version of `body`, by one of several faults.
fn malform(body: &str, i: usize) -> String {
    match (i / 100) % 6 {
        0 => body[..body.len() / 2].to_owned(),
        1 => body.replacen('{', r#"{"colour": "blue", "#, 1),
        2 => body.replacen("\"party\":\"", "\"party\":\"x", 1),
        3 => format!("\u{fffd}{body}"),
        4 => body.replacen("\"service\"", "\"service\":\"azure\",\"service\"", 1),
        _ => format!("{body}}}"),
    }
}

const COMPLIANCE: &str = r#"{"activity": "serve_website", "website": "non_operational", "subject_to_permit_or_approval": false, "authorizations": ["non_operational_website_filing"], "records_kept": ["information_provided", "time_of_publishing", "internet_address_or_domain_name"]}"#;

/// What the soak saw.
#[derive(Default)]
struct Tally {
    by_status: HashMap<u16, usize>,
    decide_ids: Vec<String>,
    record_ids: Vec<String>,
    malformed_allowed: usize,
    malformed_not_400: Vec<String>,
    valid_not_200: Vec<String>,
    dropped: usize,
}

fn resident_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .expect("the service's status")
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

/// Sends request `i` on the kept-alive `connection` (opening one if need
/// be) and records what came back.
fn soak_one(
    addr: SocketAddr,
    i: usize,
    requests: &[String],
    connection: &mut Option<BufReader<TcpStream>>,
    tally: &mut Tally,
) {
    let kind = kind_of(i);
    let request = &requests[i % requests.len()];
    let (path, body) = match kind {
        Kind::Batch => (
            "/v1/decide",
            format!(
                "[{}]",
                (0..10)
                    .map(|k| requests[(i + k) % requests.len()].as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ),
        Kind::Compliance => ("/v1/compliance", COMPLIANCE.to_owned()),
        Kind::Malformed => ("/v1/decide", malform(request, i)),
        _ => ("/v1/decide", request.clone()),
    };
    let bytes = request_bytes(path, body.as_bytes());
    match kind {
        Kind::Dropped => {
            let mut stream = TcpStream::connect(addr).expect("connect");
            let cut = bytes.len() - body.len() / 2;
            stream.write_all(&bytes[..cut]).expect("half a request");
            tally.dropped += 1;
            return;
        }
        Kind::Slow | Kind::TooSlow => {
            let mut stream = TcpStream::connect(addr).expect("connect");
            stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
            // The headers at once, then the body in three pieces, each
            // after a pause: 3 × 40 ms is in time; 3 × 600 ms is past the
            // soak's one-second limit for a body.
            let pause = Duration::from_millis(if kind == Kind::Slow { 40 } else { 600 });
            let (head, rest) = bytes.split_at(bytes.len() - body.len());
            stream.write_all(head).expect("the headers");
            for piece in rest.chunks(rest.len() / 3 + 1) {
                std::thread::sleep(pause);
                if stream.write_all(piece).is_err() {
                    break;
                }
            }
            let answer = read_answer(&mut BufReader::new(stream)).expect("an answer to a slow client");
            record(kind, &answer, &body, tally);
            return;
        }
        _ => {}
    }
    for attempt in 0..2 {
        if connection.is_none() {
            let stream = TcpStream::connect(addr).expect("connect");
            stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
            stream.set_nodelay(true).unwrap();
            *connection = Some(BufReader::new(stream));
        }
        let Some(reader) = connection.as_mut() else {
            unreachable!()
        };
        let sent = reader.get_mut().write_all(&bytes);
        match sent.and_then(|()| read_answer(reader)) {
            Ok(answer) => {
                if answer.close {
                    *connection = None;
                }
                record(kind, &answer, &body, tally);
                return;
            }
            // The service closed a kept-alive connection between requests
            // (allowed by HTTP): the request was not read; send it again.
            Err(err) if attempt == 0 => {
                let _ = err;
                *connection = None;
            }
            Err(err) => panic!("request {i} ({kind:?}) got no answer: {err}"),
        }
    }
}

fn record(kind: Kind, answer: &Answer, body: &str, tally: &mut Tally) {
    *tally.by_status.entry(answer.status).or_insert(0) += 1;
    let text = String::from_utf8_lossy(&answer.body);
    match kind {
        Kind::Malformed => {
            if text.contains("\"allow\"") {
                tally.malformed_allowed += 1;
            }
            if answer.status != 400 {
                tally
                    .malformed_not_400
                    .push(format!("{} {body}: {text}", answer.status));
            }
        }
        Kind::TooSlow => {
            if answer.status != 408 {
                tally.valid_not_200.push(format!("too slow: {} {text}", answer.status));
            }
        }
        _ if answer.status != 200 => tally
            .valid_not_200
            .push(format!("{kind:?} {} {body}: {text}", answer.status)),
        Kind::Compliance => tally
            .record_ids
            .push(json(&answer.body)["decision_id"].as_str().unwrap().to_owned()),
        Kind::Batch => {
            for item in json(&answer.body)["decisions"].as_array().unwrap() {
                tally.decide_ids.push(item["decision_id"].as_str().unwrap().to_owned());
            }
        }
        _ => tally
            .decide_ids
            .push(json(&answer.body)["decision_id"].as_str().unwrap().to_owned()),
    }
}

#[test]
fn serve_soak_of_100_000_mixed_requests_with_faults() {
    let dir = temp_dir("serve-soak");
    let decisions = dir.join("decisions.jsonl");
    let records = dir.join("records.jsonl");
    let serve = Serve::start(&[
        "--decision-log",
        arg(&decisions),
        "--record-log",
        arg(&records),
        "--body-timeout",
        "1",
    ]);
    let requests = Arc::new(sample_requests());
    assert!(requests.len() > 100, "the sample log's requests");

    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let memory = Arc::new(Mutex::new(Vec::<(usize, u64)>::new()));
    let pid = serve.pid();
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (next, requests, memory) = (Arc::clone(&next), Arc::clone(&requests), Arc::clone(&memory));
            let addr = serve.addr;
            std::thread::spawn(move || {
                let mut tally = Tally::default();
                let mut connection = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= SOAK_REQUESTS {
                        return tally;
                    }
                    if i % (SOAK_REQUESTS / 10) == 0 {
                        memory.lock().unwrap().push((i, resident_kib(pid)));
                    }
                    soak_one(addr, i, &requests, &mut connection, &mut tally);
                }
            })
        })
        .collect();
    let mut tally = Tally::default();
    for worker in workers {
        let part = worker.join().expect("a soak worker");
        for (status, count) in part.by_status {
            *tally.by_status.entry(status).or_insert(0) += count;
        }
        tally.decide_ids.extend(part.decide_ids);
        tally.record_ids.extend(part.record_ids);
        tally.malformed_allowed += part.malformed_allowed;
        tally.malformed_not_400.extend(part.malformed_not_400);
        tally.valid_not_200.extend(part.valid_not_200);
        tally.dropped += part.dropped;
    }
    let elapsed = started.elapsed();
    let mut memory = memory.lock().unwrap().clone();
    memory.sort_unstable();
    memory.push((SOAK_REQUESTS, resident_kib(pid)));

    let answered: usize = tally.by_status.values().sum();
    eprintln!(
        "soak: {SOAK_REQUESTS} requests in {:.1} s ({:.0}/s): {answered} answered by status {:?}, {} dropped mid-body; \
         {} decisions and {} records answered; service memory (VmRSS, KiB) by requests sent: {memory:?}",
        elapsed.as_secs_f64(),
        SOAK_REQUESTS as f64 / elapsed.as_secs_f64(),
        tally.by_status,
        tally.dropped,
        tally.decide_ids.len(),
        tally.record_ids.len(),
    );
    assert_eq!(answered + tally.dropped, SOAK_REQUESTS);
    let server_errors: usize = tally
        .by_status
        .iter()
        .filter(|(status, _)| **status >= 500)
        .map(|(_, n)| n)
        .sum();
    assert_eq!(server_errors, 0, "5xx answers: {:?}", tally.by_status);
    assert_eq!(tally.malformed_allowed, 0, "a malformed request was allowed");
    assert!(
        tally.malformed_not_400.is_empty(),
        "{:#?}",
        &tally.malformed_not_400[..tally.malformed_not_400.len().min(5)]
    );
    assert!(
        tally.valid_not_200.is_empty(),
        "{:#?}",
        &tally.valid_not_200[..tally.valid_not_200.len().min(5)]
    );
    assert!(tally.by_status.get(&400).copied().unwrap_or(0) >= SOAK_REQUESTS / 100);

    // The service saw the connections dropped mid-body as bodies it
    // could not read (counted, nothing decided).
    let mut stream = TcpStream::connect(serve.addr).unwrap();
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nhost: localhost\r\n\r\n")
        .unwrap();
    let metrics = String::from_utf8(read_answer(&mut BufReader::new(stream)).unwrap().body).unwrap();
    let unread: usize = metrics
        .lines()
        .find_map(|line| line.strip_prefix("vianet_request_errors_total{kind=\"body_read\"} "))
        .and_then(|count| count.parse().ok())
        .expect("the body_read counter");
    eprintln!("soak: the service counted {unread} bodies it could not read");
    assert!(
        unread > 0 && unread <= tally.dropped,
        "{unread} of {} dropped",
        tally.dropped
    );

    let (code, stderr) = serve.terminate();
    assert_eq!(code, Some(0), "{stderr}");

    // Every answered decision is in its log exactly once, and the logs
    // hold nothing else: no decision of a malformed, dropped or too slow
    // request.
    for (log, ids) in [(&decisions, &tally.decide_ids), (&records, &tally.record_ids)] {
        let logged = logged_ids(log);
        assert_eq!(
            logged.len(),
            ids.len(),
            "{}: lines for unanswered decisions",
            log.display()
        );
        for id in ids {
            assert_eq!(logged.get(id), Some(&1), "{id} in {}", log.display());
        }
    }

    // Flat memory: after the first tenth (the allocator and the buffers
    // warmed up), the service's resident memory grows by less than 16 MiB
    // over the other 90,000 requests.
    let warm = memory
        .iter()
        .find(|(i, _)| *i >= SOAK_REQUESTS / 10)
        .map(|(_, kib)| *kib)
        .unwrap();
    let last = memory.last().map(|(_, kib)| *kib).unwrap();
    assert!(
        last < warm + 16 * 1024,
        "the service's memory grew from {warm} KiB to {last} KiB: {memory:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
