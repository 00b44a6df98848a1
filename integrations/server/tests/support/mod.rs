//! What the service's tests share: a service on a free loopback port, and
//! a small HTTP/1.1 client over raw TCP (the tests also send what no
//! proper client sends: bodies cut short, slow headers, garbage).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use vianet_privacy_server::{Config, LogTarget, ServerError, Service};

/// A request the statement allows: a supplier's overseas access for
/// troubleshooting.
pub const ALLOWED: &str = r#"{"service": "azure", "party": "supplier", "action": "access", "data": "customer_content",
    "purpose": "troubleshooting", "location": "united_states"}"#;

/// A request the statement forbids: retaining the security code.
pub const DENIED: &str = r#"{"service": "azure", "party": "operator", "action": "retain", "data": "security_code",
    "purpose": "future_transactions", "location": "mainland_china"}"#;

/// A fresh directory under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vianet-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// A service running in this process on `127.0.0.1:0`.
pub struct Server {
    pub addr: SocketAddr,
    pub dir: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<(), ServerError>>>,
}

impl Server {
    /// The decision log's path (`decisions.jsonl` in the test's directory).
    pub fn decision_log(&self) -> PathBuf {
        self.dir.join("decisions.jsonl")
    }

    /// The record log's path (`records.jsonl`).
    pub fn record_log(&self) -> PathBuf {
        self.dir.join("records.jsonl")
    }

    /// The decision log's lines.
    pub fn decision_lines(&self) -> Vec<String> {
        lines(&self.decision_log())
    }

    /// The record log's lines.
    pub fn record_lines(&self) -> Vec<String> {
        lines(&self.record_log())
    }

    /// Stops the service (as on SIGTERM) and waits until it has.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("the server task").expect("the server stops cleanly");
        }
    }

    /// Asks the service to stop, without waiting.
    pub fn begin_stop(&mut self) -> JoinHandle<Result<(), ServerError>> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.take().expect("the server is running")
    }
}

fn lines(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Starts a service with `config`, its logs in a fresh directory named
/// after `name` (unless `config` names them).
pub async fn start(name: &str, mut config: Config) -> Server {
    let dir = temp_dir(name);
    if config.decision_log == LogTarget::Stdout {
        config.decision_log = LogTarget::File(dir.join("decisions.jsonl"));
    }
    if config.record_log == LogTarget::Stdout {
        config.record_log = LogTarget::File(dir.join("records.jsonl"));
    }
    let service = Service::new(&config).expect("the service starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let addr = listener.local_addr().expect("the bound address");
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(vianet_privacy_server::serve(listener, service, async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        dir,
        stop: Some(stop),
        task: Some(task),
    }
}

/// An answer as read off the wire.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// The value of a header (names compared without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }
}

/// The bytes of a request with a body (`Content-Length`), keep-alive.
pub fn request_bytes(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "{method} {path} HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Sends one request on a new connection and reads the answer.
pub async fn call(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).await.expect("the service accepts");
    stream
        .write_all(&request_bytes(method, path, body))
        .await
        .expect("the request is sent");
    read_answer(&mut tokio::io::BufReader::new(stream))
        .await
        .expect("an answer")
}

/// `POST path` with a JSON body.
pub async fn post(addr: SocketAddr, path: &str, body: &str) -> Answer {
    call(addr, "POST", path, body.as_bytes()).await
}

/// `GET path`.
pub async fn get(addr: SocketAddr, path: &str) -> Answer {
    call(addr, "GET", path, b"").await
}

/// Reads one answer (its headers, and a body of `Content-Length` bytes)
/// off `stream`, within ten seconds.
pub async fn read_answer<S: AsyncRead + Unpin>(stream: &mut S) -> std::io::Result<Answer> {
    tokio::time::timeout(Duration::from_secs(10), read_answer_inner(stream))
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "no answer within 10 s"))?
}

async fn read_answer_inner<S: AsyncRead + Unpin>(stream: &mut S) -> std::io::Result<Answer> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("closed after {} bytes of headers", head.len()),
            ));
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not a status line: {status_line}")))?;
    let headers: Vec<(String, String)> = lines
        .filter(|line| !line.is_empty())
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.parse().ok())
        .ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await?;
    Ok(Answer { status, headers, body })
}
