//! The hot decision path of the crate's own engine:
//!
//! * `vianet`: [`vianet_privacy::decide`] (the indexed evaluation);
//! * `reference`: [`vianet_privacy::decide_reference`] (the linear one);
//! * `limit`: one indexed load of a precomputed decision from a small table,
//!   the physical floor of any decision procedure;
//! * `json`: parsing a JSON request and deciding it, and the audit loop.
//!
//! The comparison with two general policy engines (Cedar and Rego) deciding
//! the same requests is the peers crate's benchmark,
//! `peers/benches/compare.rs` (`cargo bench -p vianet-privacy-peers`), so
//! that this crate's benchmarks and tests build without cedar-policy and
//! regorus. Both benches decide the same requests (`benches/support/`).
//!
//! Benchmarks never assert timings; docs/performance.md has the figures and
//! the command to reproduce them.

mod support;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use support::{allowed, mixed_requests, most_expensive, typical_allow, typical_deny};
use vianet_privacy::{decide, decide_reference, Decision, DenyKind, Request};

const BATCH: usize = 1_000_000;
const LOG_LINES: usize = 1_000_000;

// ---------------------------------------------------------------------- floor

/// The physical limit: a decision already computed, loaded from a small
/// table by an index derived from the request.
struct Floor {
    table: Vec<Decision>,
}

impl Floor {
    /// The decisions of the first 4096 requests of `batch`, computed
    /// beforehand.
    fn new(batch: &[Request]) -> Floor {
        let table = batch
            .iter()
            .take(4096)
            .map(|r| decide(r).expect("undated request"))
            .collect();
        Floor { table }
    }

    #[inline(always)]
    fn key(request: &Request) -> usize {
        (request.data.index() * 131
            + request.action.index() * 37
            + request.party.index() * 11
            + request.purpose.index() * 3
            + request.location.index())
            & 4095
    }

    #[inline(always)]
    fn decide(&self, request: &Request) -> Decision {
        self.table[Floor::key(request)]
    }
}

// ---------------------------------------------------------------- benchmarks

struct Fixture {
    allow: Request,
    deny: Request,
    worst: Request,
    batch: Vec<Request>,
    log: String,
}

fn fixture() -> Fixture {
    let (worst, visits) = most_expensive();
    eprintln!(
        "most expensive request ({visits} rules visited): {}",
        serde_json::to_string(&worst).expect("json")
    );
    let batch = mixed_requests(BATCH);
    let allows = batch.iter().filter(|r| allowed(decide(r))).count();
    let mut kinds = [0usize; 3];
    for r in &batch {
        if let Ok(Decision::Deny(d)) = decide(r) {
            kinds[match d.kind {
                DenyKind::Forbidden => 0,
                DenyKind::NotPermitted => 1,
                _ => 2,
            }] += 1;
        }
    }
    eprintln!(
        "batch of {BATCH}: {allows} allowed, denied {} forbidden / {} not permitted / {} needing authorization",
        kinds[0], kinds[1], kinds[2]
    );
    // The audit log: one JSON request per line, each with a time.
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-01T10:00:00+08:00").expect("time");
    let mut log = String::with_capacity(LOG_LINES * 220);
    for (i, r) in batch.iter().cycle().take(LOG_LINES).enumerate() {
        let r = r.at(at + chrono::TimeDelta::seconds(i as i64));
        log.push_str(&serde_json::to_string(&r).expect("json"));
        log.push('\n');
    }
    Fixture {
        allow: typical_allow(),
        deny: typical_deny(),
        worst,
        batch,
        log,
    }
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    let floor = Floor::new(&f.batch);

    // One decision.
    let mut group = c.benchmark_group("single");
    for (name, request) in [("allow", f.allow), ("deny", f.deny), ("worst", f.worst)] {
        group.bench_function(format!("vianet/{name}"), |b| b.iter(|| decide(black_box(&request))));
        group.bench_function(format!("reference/{name}"), |b| {
            b.iter(|| decide_reference(black_box(&request)))
        });
    }
    group.bench_function("limit/table_load", |b| b.iter(|| floor.decide(black_box(&f.allow))));
    group.finish();

    // Batches, reported per decision.
    let mut group = c.benchmark_group("batch");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("vianet/1m_mixed", |b| {
        b.iter(|| black_box(&f.batch).iter().filter(|r| allowed(decide(r))).count())
    });
    group.bench_function("reference/1m_mixed", |b| {
        b.iter(|| {
            black_box(&f.batch)
                .iter()
                .filter(|r| allowed(decide_reference(r)))
                .count()
        })
    });
    group.bench_function("limit/1m_mixed", |b| {
        b.iter(|| {
            black_box(&f.batch)
                .iter()
                .filter(|r| floor.decide(r).is_allowed())
                .count()
        })
    });
    group.finish();

    // JSON in, decision out.
    let mut group = c.benchmark_group("json");
    let line = serde_json::to_string(&f.allow).expect("json");
    group.throughput(Throughput::Elements(1));
    group.bench_function("parse_decide/allow", |b| {
        b.iter(|| {
            let request: Request = serde_json::from_str(black_box(&line)).expect("valid request");
            decide(&request)
        })
    });
    // Stands in for the `audit` example until it exists: read lines, parse,
    // decide, tally by outcome.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(LOG_LINES as u64));
    group.bench_function("audit_loop/1m_lines", |b| b.iter(|| audit(black_box(&f.log))));
    group.finish();
}

/// The audit loop: tallies allows, denies by kind, errors and unreadable
/// lines.
fn audit(log: &str) -> [u64; 6] {
    let mut tally = [0u64; 6];
    for line in log.lines() {
        let slot = match serde_json::from_str::<Request>(line) {
            Err(_) => 5,
            Ok(request) => match decide(&request) {
                Ok(Decision::Allow(_)) => 0,
                Ok(Decision::Deny(deny)) => match deny.kind {
                    DenyKind::Forbidden => 1,
                    DenyKind::NotPermitted => 2,
                    _ => 3,
                },
                Err(_) => 4,
            },
        };
        tally[slot] += 1;
    }
    tally
}

criterion_group!(decision_benches, benches);
criterion_main!(decision_benches);
