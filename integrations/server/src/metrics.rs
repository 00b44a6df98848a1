//! `/metrics`, in the Prometheus text format (`prometheus-client`).
//!
//! Every handle is made when the service starts and kept in an array
//! indexed by enum (the endpoint, the clause, the outcome, the error kind),
//! so that counting a decision is one relaxed atomic add, with no label
//! lookup, hash or lock on the way.
//!
//! | metric | type | labels |
//! |---|---|---|
//! | `vianet_decisions_total` | counter | `endpoint`, `effect`, `clause`, `deny_kind` (empty for an allow) |
//! | `vianet_http_request_duration_seconds` | histogram | `endpoint` |
//! | `vianet_request_errors_total` | counter | `kind` (the error kinds of the answers) |
//! | `vianet_decision_log_lines_total`, `vianet_decision_log_writes_total`, `vianet_decision_log_write_failures_total` | counter | `log` |
//! | `vianet_decision_log_failing` | gauge | `log` (1 while the last write failed) |

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::MetricType;
use prometheus_client::registry::Registry;
use vianet_privacy::{ClauseId, Decision, DenyKind};

use crate::error::ErrorKind;
use crate::log::DecisionLog;

/// The endpoints, for the latency histogram and the decision counters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Decide,
    Compliance,
    SubjectRequest,
    Refusal,
    StatementChange,
    Incident,
    Clauses,
    Vocabulary,
    Healthz,
    Metrics,
    Playground,
    Other,
}

impl Endpoint {
    const ALL: [Endpoint; 12] = [
        Endpoint::Decide,
        Endpoint::Compliance,
        Endpoint::SubjectRequest,
        Endpoint::Refusal,
        Endpoint::StatementChange,
        Endpoint::Incident,
        Endpoint::Clauses,
        Endpoint::Vocabulary,
        Endpoint::Healthz,
        Endpoint::Metrics,
        Endpoint::Playground,
        Endpoint::Other,
    ];

    /// The endpoints that answer decisions (the first five).
    const DECIDING: usize = 5;

    const fn as_str(self) -> &'static str {
        match self {
            Endpoint::Decide => "decide",
            Endpoint::Compliance => "compliance",
            Endpoint::SubjectRequest => "subject_request",
            Endpoint::Refusal => "refusal",
            Endpoint::StatementChange => "statement_change",
            Endpoint::Incident => "incident",
            Endpoint::Clauses => "clauses",
            Endpoint::Vocabulary => "vocabulary",
            Endpoint::Healthz => "healthz",
            Endpoint::Metrics => "metrics",
            Endpoint::Playground => "playground",
            Endpoint::Other => "other",
        }
    }

    /// The endpoint of a path (the routes of [`crate::router`]).
    pub(crate) fn of_path(path: &str) -> Endpoint {
        match path {
            "/v1/decide" => Endpoint::Decide,
            "/v1/compliance" => Endpoint::Compliance,
            "/v1/subject-requests" => Endpoint::SubjectRequest,
            "/v1/subject-requests/refusals" => Endpoint::Refusal,
            "/v1/statement-changes" => Endpoint::StatementChange,
            "/v1/incidents" => Endpoint::Incident,
            "/v1/clauses" => Endpoint::Clauses,
            "/v1/vocabulary" => Endpoint::Vocabulary,
            "/healthz" => Endpoint::Healthz,
            "/metrics" => Endpoint::Metrics,
            "/" | "/playground.js" | "/playground.css" => Endpoint::Playground,
            _ => Endpoint::Other,
        }
    }
}

/// The outcomes a decision is counted under.
const OUTCOMES: usize = 4;

fn outcome(decision: &Decision) -> usize {
    match decision.deny_kind() {
        None => 0,
        Some(DenyKind::Forbidden) => 1,
        Some(DenyKind::NotPermitted) => 2,
        Some(_) => 3,
    }
}

const OUTCOME_LABELS: [(&str, &str); OUTCOMES] = [
    ("allow", ""),
    ("deny", "forbidden"),
    ("deny", "not_permitted"),
    ("deny", "needs_authorization"),
];

/// Decisions counted by endpoint, clause and outcome: one atomic each.
#[derive(Debug)]
struct DecisionCounters {
    counts: Box<[AtomicU64]>,
}

impl DecisionCounters {
    fn new() -> DecisionCounters {
        let size = Endpoint::DECIDING * ClauseId::ALL.len() * OUTCOMES;
        DecisionCounters {
            counts: (0..size).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    fn slot(endpoint: Endpoint, clause: ClauseId, outcome: usize) -> usize {
        ((endpoint as usize) * ClauseId::ALL.len() + clause.index()) * OUTCOMES + outcome
    }
}

impl Collector for DecisionCounters {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let mut family = encoder.encode_descriptor(
            "vianet_decisions",
            "Decisions answered, by endpoint, effect, deciding clause and deny kind.",
            None,
            MetricType::Counter,
        )?;
        for endpoint in &Endpoint::ALL[..Endpoint::DECIDING] {
            for clause in ClauseId::ALL {
                for (outcome, (effect, kind)) in OUTCOME_LABELS.iter().enumerate() {
                    let Some(count) = self.counts.get(Self::slot(*endpoint, *clause, outcome)) else {
                        continue;
                    };
                    let count = count.load(Ordering::Relaxed);
                    if count == 0 {
                        continue;
                    }
                    let labels = [
                        ("endpoint", endpoint.as_str()),
                        ("effect", *effect),
                        ("clause", clause.as_str()),
                        ("deny_kind", *kind),
                    ];
                    ConstCounter::new(count).encode(family.encode_family(&labels)?)?;
                }
            }
        }
        Ok(())
    }
}

/// The decision logs' figures, read at each scrape.
#[derive(Debug)]
struct LogCollector {
    logs: Vec<(&'static str, DecisionLog)>,
}

impl Collector for LogCollector {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        type Read = fn(&crate::log::LogHealth) -> u64;
        let counters: [(&str, &str, Read); 3] = [
            (
                "vianet_decision_log_lines",
                "Lines written to the log.",
                crate::log::LogHealth::lines,
            ),
            (
                "vianet_decision_log_writes",
                "Writes made to the log (each a group of lines).",
                crate::log::LogHealth::writes,
            ),
            (
                "vianet_decision_log_write_failures",
                "Writes to the log that failed (their decisions were not given).",
                crate::log::LogHealth::failures,
            ),
        ];
        for (name, help, read) in counters {
            let mut family = encoder.encode_descriptor(name, help, None, MetricType::Counter)?;
            for (log, handle) in &self.logs {
                ConstCounter::new(read(handle.health())).encode(family.encode_family(&[("log", *log)])?)?;
            }
        }
        let mut family = encoder.encode_descriptor(
            "vianet_decision_log_failing",
            "1 while the log's last write failed.",
            None,
            MetricType::Gauge,
        )?;
        for (log, handle) in &self.logs {
            ConstGauge::new(i64::from(handle.health().is_failing())).encode(family.encode_family(&[("log", *log)])?)?;
        }
        Ok(())
    }
}

/// One label.
type Label = [(&'static str, &'static str); 1];

/// The latency buckets, in seconds: 50 µs to 10 s.
const BUCKETS: [f64; 16] = [
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// The service's metrics and its registry.
#[derive(Debug)]
pub(crate) struct Metrics {
    registry: Registry,
    decisions: Arc<DecisionCounters>,
    latency: Vec<Histogram>,
    errors: Vec<Counter>,
}

impl Metrics {
    pub(crate) fn new(logs: Vec<(&'static str, DecisionLog)>) -> Metrics {
        let mut registry = Registry::default();
        let decisions = Arc::new(DecisionCounters::new());
        registry.register_collector(Box::new(Arc::clone(&decisions)));
        registry.register_collector(Box::new(LogCollector { logs }));

        let latency_family: Family<Label, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(|| Histogram::new(BUCKETS));
        let latency = Endpoint::ALL
            .iter()
            .map(|endpoint| latency_family.get_or_create(&[("endpoint", endpoint.as_str())]).clone())
            .collect();
        registry.register(
            "vianet_http_request_duration_seconds",
            "Time from a request's arrival to its answer, by endpoint.",
            latency_family,
        );

        let error_family: Family<Label, Counter> = Family::default();
        let errors = ErrorKind::all()
            .map(|kind| error_family.get_or_create(&[("kind", kind.as_str())]).clone())
            .collect();
        registry.register(
            "vianet_request_errors",
            "Requests answered with an error, by the error's kind.",
            error_family,
        );
        Metrics {
            registry,
            decisions,
            latency,
            errors,
        }
    }

    /// Counts a decision answered by `endpoint`.
    pub(crate) fn decision(&self, endpoint: Endpoint, decision: &Decision) {
        let slot = DecisionCounters::slot(endpoint, decision.clause(), outcome(decision));
        if let Some(count) = self.decisions.counts.get(slot) {
            count.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records how long `endpoint` took to answer.
    pub(crate) fn latency(&self, endpoint: Endpoint, elapsed: Duration) {
        if let Some(histogram) = self.latency.get(endpoint as usize) {
            histogram.observe(elapsed.as_secs_f64());
        }
    }

    /// Counts an answer with an error.
    pub(crate) fn error(&self, kind: ErrorKind) {
        if let Some(counter) = self.errors.get(kind.index()) {
            counter.inc();
        }
    }

    /// The metrics in the Prometheus text format.
    pub(crate) fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// The content type of the Prometheus text format.
pub(crate) const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;
