//! # vianet-privacy-server
//!
//! The [`vianet_privacy`] policy as a decision service: JSON over HTTP/1.1,
//! one decision-log line per decision written before the decision is
//! answered, Prometheus metrics, and a playground page. The command-line
//! tool's `vianet-privacy serve` is a thin wrapper around [`Service`] and
//! [`serve`].
//!
//! | route | what |
//! |---|---|
//! | `POST /v1/decide` | a request (`docs/wire-format.md`), or an array of them: `{"decision_id", "decision"}`, or `{"decisions": [...]}` |
//! | `POST /v1/compliance` | a compliance request, or an array: the same answers |
//! | `POST /v1/subject-requests` | a data subject's request and `at`: may 21Vianet reply then, with which duties, by when |
//! | `POST /v1/subject-requests/refusals` | a data subject's request and a `ground`: may 21Vianet decline to respond |
//! | `POST /v1/statement-changes` | a change to the statement: may it take effect |
//! | `POST /v1/incidents` | the kinds of an incident: its duties |
//! | `GET /v1/clauses` | the clause catalog, English and Chinese |
//! | `GET /v1/vocabulary` | every value of every field, English and Chinese |
//! | `GET /healthz` | `200` while the logs write, else `503` |
//! | `GET /metrics` | the Prometheus text format |
//! | `GET /` | the playground |
//!
//! Bad input is a `400` with the library's error kinds, the JSON path and
//! the valid names; never an allow. The body, batch and header sizes and
//! the time to send headers and body are limited ([`Limits`]); `413` and
//! `408` say which. A decision that cannot be logged is not given (`503`).
//!
//! ```no_run
//! use vianet_privacy_server::{serve, Config, Service};
//!
//! # #[tokio::main]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let service = Service::new(&Config::default())?; // decision logs on standard output
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8181").await?;
//! serve(listener, service, async {
//!     let _ = tokio::signal::ctrl_c().await;
//! })
//! .await?;
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]

mod api;
mod catalog;
mod error;
mod lines;
mod log;
mod metrics;
mod playground;
mod read;
mod serve;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

pub use error::{ApiError, ErrorKind};
pub use log::{DecisionLog, LogFailure, LogHealth, LogTarget};
pub use serve::serve;

/// The default address: loopback only, port 8181.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8181";

/// How the service is set up. `Config::default()` is the embedded default:
/// decision and record logs on standard output, the default [`Limits`], no
/// labels.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Config {
    /// Where the audit records of `/v1/decide` go: one
    /// [`AuditRecord`](vianet_privacy::AuditRecord) per line, what
    /// `vianet-privacy audit` reads.
    pub decision_log: LogTarget,
    /// Where the records of the other endpoints go (compliance, data
    /// subject requests and refusals, statement changes, incidents): one
    /// JSON line each with `decision_id`, `endpoint`, `input` and
    /// `decision` (or `obligations`).
    pub record_log: LogTarget,
    /// Labels written on every record (a service name, an instance).
    pub labels: BTreeMap<String, String>,
    /// The limits.
    pub limits: Limits,
}

/// The limits on what a client may send, and on how long the service
/// waits.
///
/// ```
/// let limits = vianet_privacy_server::Limits::default();
/// assert_eq!(limits.max_batch, 10_000);
/// assert_eq!(limits.max_body_bytes, 4 << 20);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The largest body, in bytes (`413 body_too_large` beyond).
    pub max_body_bytes: usize,
    /// The most requests in one batch (`413 batch_too_large` beyond).
    pub max_batch: usize,
    /// The largest request line and headers, in bytes (at least 8192;
    /// hyper answers `431` beyond).
    pub max_header_bytes: usize,
    /// How long a client may take to send the request line and headers
    /// (`408 header_timeout`, then the connection is closed). Also how
    /// long a kept-alive connection may stay idle (then it is closed
    /// without an answer, as no request was begun).
    pub header_timeout: Duration,
    /// How long a client may take to send the body (`408 body_timeout`).
    pub body_timeout: Duration,
    /// How long a decision may wait for its log line to be written
    /// (`503 decision_log_failed` beyond).
    pub log_timeout: Duration,
    /// The most connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// How long a shutdown waits for requests in flight.
    pub shutdown_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: 4 << 20,
            max_batch: 10_000,
            max_header_bytes: 16 << 10,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            log_timeout: Duration::from_secs(5),
            max_connections: 1024,
            shutdown_timeout: Duration::from_secs(30),
        }
    }
}

/// Why the service cannot start or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// A log cannot be opened.
    #[error("cannot open the log {target}: {source}")]
    OpenLog {
        /// The log.
        target: LogTarget,
        /// Why.
        source: std::io::Error,
    },
    /// The clause catalog or the vocabulary could not be written as JSON.
    #[error("cannot write the catalog as JSON: {0}")]
    Catalog(serde_json::Error),
    /// The listener failed.
    #[error("the listener failed: {0}")]
    Listen(std::io::Error),
}

/// The service: its routes and what they share (the logs, the metrics).
///
/// ```
/// use vianet_privacy_server::{Config, LogTarget, Service};
///
/// let mut config = Config::default();
/// config.decision_log = LogTarget::File(std::env::temp_dir().join("vianet-doc-service.jsonl"));
/// config.limits.max_batch = 100;
/// let service = Service::new(&config)?;
/// assert_eq!(service.limits().max_batch, 100);
/// assert_eq!(service.decision_log().health().lines(), 0);
/// // Its routes, nested in a larger application (served by `serve`, or
/// // by the application's own server).
/// let app: axum::Router = axum::Router::new().nest("/privacy", service.router());
/// # Ok::<(), vianet_privacy_server::ServerError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Service {
    state: Arc<api::AppState>,
}

impl Service {
    /// Opens the logs and builds the routes.
    ///
    /// # Errors
    ///
    /// [`ServerError::OpenLog`] when a log file cannot be opened.
    pub fn new(config: &Config) -> Result<Service, ServerError> {
        let open = |target: &LogTarget| {
            DecisionLog::open(target).map_err(|source| ServerError::OpenLog {
                target: target.clone(),
                source,
            })
        };
        let decisions = open(&config.decision_log)?;
        // One writer per destination: two logs on standard output share it.
        let records = if config.record_log == config.decision_log {
            decisions.clone()
        } else {
            open(&config.record_log)?
        };
        Ok(Service {
            state: Arc::new(api::AppState::new(config, decisions, records)?),
        })
    }

    /// The routes, as an axum [`Router`](axum::Router) to serve or to nest
    /// in a larger one (then without [`serve`]'s `408` for slow headers).
    pub fn router(&self) -> axum::Router {
        api::routes(Arc::clone(&self.state))
    }

    /// The limits the service was built with.
    pub fn limits(&self) -> Limits {
        self.state.limits
    }

    /// The decision log (the audit records of `/v1/decide`).
    pub fn decision_log(&self) -> &DecisionLog {
        &self.state.decisions
    }

    /// Makes both logs durable (a file's data synced to disk), waiting at
    /// most [`Limits::log_timeout`] for each; a failure is logged with
    /// `tracing` and shown by `/healthz`.
    pub async fn sync_logs(&self) {
        for log in [&self.state.decisions, &self.state.records] {
            if let Err(err) = log.sync(self.state.limits.log_timeout).await {
                tracing::error!(error = %err, "a log could not be synced");
            }
        }
    }

    pub(crate) fn count_error(&self, kind: ErrorKind) {
        self.state.metrics.error(kind);
    }
}

/// The routes of a service with this configuration.
///
/// # Errors
///
/// As [`Service::new`].
///
/// ```
/// let config = vianet_privacy_server::Config::default();
/// let router: axum::Router = vianet_privacy_server::router(&config)?;
/// # Ok::<(), vianet_privacy_server::ServerError>(())
/// ```
pub fn router(config: &Config) -> Result<axum::Router, ServerError> {
    Ok(Service::new(config)?.router())
}
