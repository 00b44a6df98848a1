//! The decision log: one JSON line per decision, written before the
//! decision is answered.
//!
//! A log is a dedicated thread that owns the file (or standard output) and
//! writes with *group commit*: handlers serialize their lines themselves,
//! in parallel, and hand them over; the thread takes everything waiting,
//! writes it with one `write` to the operating system, and then tells each
//! handler that its lines are written. A handler answers only after that;
//! if the write fails, it answers `503 decision_log_failed` and gives no
//! decision. A batch of a thousand decisions is one hand-over, so the cost
//! per decision is serializing its line.

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

/// Where a log goes.
///
/// ```
/// use vianet_privacy_server::LogTarget;
///
/// assert_eq!("-".parse::<LogTarget>(), Ok(LogTarget::Stdout));
/// assert_eq!("decisions.jsonl".parse::<LogTarget>(), Ok(LogTarget::File("decisions.jsonl".into())));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum LogTarget {
    /// Standard output (`-`).
    #[default]
    Stdout,
    /// A file, appended to (created if missing).
    File(PathBuf),
}

impl FromStr for LogTarget {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(if s == "-" {
            LogTarget::Stdout
        } else {
            LogTarget::File(PathBuf::from(s))
        })
    }
}

impl fmt::Display for LogTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogTarget::Stdout => f.write_str("-"),
            LogTarget::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// Why lines were not written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LogFailure {
    /// The operating system refused the write.
    #[error("the decision log could not be written: {0}")]
    Write(String),
    /// The log did not confirm the write within the time limit.
    #[error("the decision log did not confirm the write within {0:?}")]
    Timeout(Duration),
    /// The log's thread has stopped.
    #[error("the decision log is closed")]
    Closed,
}

/// What the log has done, for `/healthz` and `/metrics`.
#[derive(Debug, Default)]
pub struct LogHealth {
    lines: AtomicU64,
    writes: AtomicU64,
    failures: AtomicU64,
    failing: AtomicBool,
}

impl LogHealth {
    /// Lines written.
    pub fn lines(&self) -> u64 {
        self.lines.load(Ordering::Relaxed)
    }

    /// Writes made (each one a group of hand-overs).
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Relaxed)
    }

    /// Writes that failed.
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::Relaxed)
    }

    /// Whether the last write failed.
    pub fn is_failing(&self) -> bool {
        self.failing.load(Ordering::Relaxed)
    }
}

/// Lines handed over to the log's thread, and whom to tell.
struct Pending {
    bytes: Vec<u8>,
    lines: u64,
    /// Whether to make everything written so far durable (a file's data
    /// synced to disk) before confirming.
    sync: bool,
    done: oneshot::Sender<Result<(), LogFailure>>,
}

/// How many hand-overs may wait for the thread before handlers wait to
/// hand over (back-pressure instead of unbounded memory).
const QUEUE: usize = 4096;

/// At most this many bytes in one write.
const GROUP_BYTES: usize = 8 << 20;

/// A decision log: cheap to clone, shared by the handlers.
///
/// ```
/// use vianet_privacy_server::{DecisionLog, LogTarget};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let path = std::env::temp_dir().join(format!("vianet-doc-log-{}.jsonl", std::process::id()));
/// let log = DecisionLog::open(&LogTarget::File(path.clone()))?;
/// log.write(b"{\"a\":1}\n".to_vec(), 1, std::time::Duration::from_secs(5)).await?;
/// log.sync(std::time::Duration::from_secs(5)).await?; // on disk
/// assert_eq!(std::fs::read_to_string(&path)?, "{\"a\":1}\n");
/// assert_eq!(log.health().lines(), 1);
/// # std::fs::remove_file(&path)?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct DecisionLog {
    tx: mpsc::Sender<Pending>,
    health: Arc<LogHealth>,
}

impl fmt::Debug for Pending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pending").field("lines", &self.lines).finish()
    }
}

impl DecisionLog {
    /// Opens the target (a file is created if missing and appended to) and
    /// starts the log's thread. The thread ends when every clone of the log
    /// is dropped, after writing what was handed over.
    ///
    /// # Errors
    ///
    /// The file cannot be opened for appending, or the thread cannot be
    /// started.
    pub fn open(target: &LogTarget) -> std::io::Result<DecisionLog> {
        let out = match target {
            LogTarget::Stdout => Out::Stdout(std::io::stdout()),
            LogTarget::File(path) => Out::File(std::fs::OpenOptions::new().create(true).append(true).open(path)?),
        };
        let (tx, rx) = mpsc::channel(QUEUE);
        let health = Arc::new(LogHealth::default());
        let thread_health = Arc::clone(&health);
        std::thread::Builder::new()
            .name(format!("decision-log {target}"))
            .spawn(move || run(out, rx, &thread_health))?;
        Ok(DecisionLog { tx, health })
    }

    /// Writes `bytes` (`lines` complete lines, each ending in `\n`) and
    /// returns once the operating system has them.
    ///
    /// # Errors
    ///
    /// [`LogFailure`]: the write failed, was not confirmed within
    /// `timeout`, or the log is closed. The caller must not answer the
    /// decisions then.
    pub async fn write(&self, bytes: Vec<u8>, lines: u64, timeout: Duration) -> Result<(), LogFailure> {
        self.hand_over(bytes, lines, false, timeout).await
    }

    /// Returns once everything handed over before is written and durable
    /// (a file's data synced to disk; standard output flushed).
    ///
    /// # Errors
    ///
    /// As [`DecisionLog::write`].
    pub async fn sync(&self, timeout: Duration) -> Result<(), LogFailure> {
        self.hand_over(Vec::new(), 0, true, timeout).await
    }

    /// Hands `bytes` to the log's thread and waits, at most `timeout`, for
    /// it to confirm that they are written (and, with `sync`, that
    /// everything written is durable).
    async fn hand_over(&self, bytes: Vec<u8>, lines: u64, sync: bool, timeout: Duration) -> Result<(), LogFailure> {
        let (done, confirmed) = oneshot::channel();
        let handed_over = async {
            self.tx
                .send(Pending {
                    bytes,
                    lines,
                    sync,
                    done,
                })
                .await
                .map_err(|_| LogFailure::Closed)?;
            confirmed.await.map_err(|_| LogFailure::Closed)?
        };
        tokio::time::timeout(timeout, handed_over)
            .await
            .map_err(|_| LogFailure::Timeout(timeout))?
    }

    /// What the log has done.
    pub fn health(&self) -> &LogHealth {
        &self.health
    }
}

/// Where the log's thread writes.
enum Out {
    Stdout(std::io::Stdout),
    File(std::fs::File),
}

impl Out {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Out::Stdout(out) => {
                let mut out = out.lock();
                out.write_all(bytes)?;
                out.flush()
            }
            // A file is not buffered here: each write goes to the
            // operating system at once.
            Out::File(file) => file.write_all(bytes),
        }
    }

    /// Makes what was written durable: a file's data synced to disk.
    fn sync(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout(out) => out.lock().flush(),
            Out::File(file) => file.sync_data(),
        }
    }

    /// At the end: what was written made durable.
    fn close(mut self) {
        if let Err(err) = self.sync() {
            tracing::warn!(error = %err, "the decision log could not be synced at its close");
        }
    }
}

/// The log's thread: takes what is waiting, writes it at once, confirms.
/// When every handle is dropped, it writes what is left, syncs a file and
/// ends.
fn run(mut out: Out, mut rx: mpsc::Receiver<Pending>, health: &LogHealth) {
    let mut group: Vec<u8> = Vec::new();
    let mut waiting: Vec<oneshot::Sender<Result<(), LogFailure>>> = Vec::new();
    while let Some(first) = rx.blocking_recv() {
        let mut lines = first.lines;
        let mut sync = first.sync;
        waiting.push(first.done);
        let mut single = Some(first.bytes);
        while group.len() + single.as_ref().map_or(0, Vec::len) < GROUP_BYTES {
            let Ok(next) = rx.try_recv() else { break };
            if let Some(bytes) = single.take() {
                group.extend_from_slice(&bytes);
            }
            group.extend_from_slice(&next.bytes);
            lines += next.lines;
            sync |= next.sync;
            waiting.push(next.done);
        }
        let bytes = single.as_deref().unwrap_or(&group);
        let mut result = Ok(());
        if !bytes.is_empty() {
            result = out.write_all(bytes);
            health.writes.fetch_add(1, Ordering::Relaxed);
        }
        if sync {
            result = result.and_then(|()| out.sync());
        }
        let outcome = match result {
            Ok(()) => {
                health.lines.fetch_add(lines, Ordering::Relaxed);
                health.failing.store(false, Ordering::Relaxed);
                Ok(())
            }
            Err(err) => {
                health.failures.fetch_add(1, Ordering::Relaxed);
                health.failing.store(true, Ordering::Relaxed);
                tracing::error!(error = %err, lines, "the decision log could not be written");
                Err(LogFailure::Write(err.to_string()))
            }
        };
        for done in waiting.drain(..) {
            // A handler that gave up (its client left) no longer listens.
            let _ = done.send(outcome.clone());
        }
        group.clear();
        if group.capacity() > GROUP_BYTES * 2 {
            group.shrink_to(GROUP_BYTES);
        }
    }
    out.close();
}
