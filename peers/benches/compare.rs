//! Our engine side by side with two general policy engines deciding the
//! same question in the same run (so the ratios hold on a noisy machine):
//!
//! * `vianet`: [`vianet_privacy::decide`] (the indexed evaluation), the same
//!   as the root crate's `benches/decide.rs`, benched here again so that
//!   every ratio is between figures of one run;
//! * `cedar`: cedar-policy with the independent Cedar encoding in
//!   `peers/cedar/statement.cedar`;
//! * `rego`: regorus with the same policies in Rego
//!   (`peers/rego/statement.rego`).
//!
//! A peer's plain name (`cedar`, `rego`) includes what a caller pays per
//! request: building the peer's request and context (Cedar) or its input
//! document (Rego). `*_bare` is the evaluation alone, on requests built
//! beforehand. Cedar gets no entities (no policy reads one).
//!
//! The requests are the root crate's (`benches/support/mod.rs`, included):
//! the typical allow and deny, the most expensive request for the index,
//! and the first thousand requests of its mixed batch.
//!
//! Benchmarks never assert timings; docs/performance.md has the figures and
//! the command to reproduce them.

#[path = "../../benches/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use support::{allowed, mixed_requests, most_expensive, typical_allow, typical_deny};
use vianet_privacy::{decide, Request};

/// The first thousand requests of the root bench's mixed batch: the peers
/// take some 60 µs a decision, so a million would take a minute a sample.
const PEER_BATCH: usize = 1_000;

// ---------------------------------------------------------------------- Cedar

struct CedarPeer {
    policies: cedar_policy::PolicySet,
    entities: cedar_policy::Entities,
    authorizer: cedar_policy::Authorizer,
    party: cedar_policy::EntityTypeName,
    action: cedar_policy::EntityTypeName,
    data: cedar_policy::EntityTypeName,
}

impl CedarPeer {
    fn new() -> CedarPeer {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/cedar/statement.cedar");
        let policies = std::fs::read_to_string(path).expect("peers/cedar/statement.cedar");
        let policies = cedar_policy::PolicySet::from_str(&policies).expect("Cedar policies parse");
        CedarPeer {
            policies,
            // No policy reads an entity attribute (peers/cedar/README.md):
            // the differential test passes no entities either.
            entities: cedar_policy::Entities::empty(),
            authorizer: cedar_policy::Authorizer::new(),
            party: "Party".parse().expect("type name"),
            action: "Action".parse().expect("type name"),
            data: "Data".parse().expect("type name"),
        }
    }

    /// What a caller builds for each request.
    fn request(&self, r: &Request) -> cedar_policy::Request {
        use cedar_policy::{Context, EntityId, EntityUid, RestrictedExpression as X};
        let uid =
            |t: &cedar_policy::EntityTypeName, id: &str| EntityUid::from_type_name_and_id(t.clone(), EntityId::new(id));
        let string = |s: &str| X::new_string(s.to_owned());
        let context = Context::from_pairs([
            ("purpose".to_owned(), string(r.purpose.as_str())),
            ("location".to_owned(), string(r.location.as_str())),
            (
                "authorizations".to_owned(),
                X::new_set(r.authorizations.iter().map(|a| string(a.as_str()))),
            ),
            (
                "circumstance".to_owned(),
                string(r.circumstance.map_or("none", |c| c.as_str())),
            ),
            (
                "objections".to_owned(),
                X::new_set(r.objections.iter().map(|o| string(o.as_str()))),
            ),
            ("service".to_owned(), string(r.service.as_str())),
        ])
        .expect("Cedar context");
        cedar_policy::Request::new(
            uid(&self.party, r.party.as_str()),
            uid(&self.action, r.action.as_str()),
            uid(&self.data, r.data.as_str()),
            context,
            None,
        )
        .expect("Cedar request")
    }

    fn evaluate(&self, request: &cedar_policy::Request) -> bool {
        self.authorizer
            .is_authorized(request, &self.policies, &self.entities)
            .decision()
            == cedar_policy::Decision::Allow
    }

    fn decide(&self, r: &Request) -> bool {
        self.evaluate(&self.request(r))
    }
}

// ----------------------------------------------------------------------- Rego

struct RegoPeer {
    engine: regorus::Engine,
}

impl RegoPeer {
    fn new() -> RegoPeer {
        let mut engine = regorus::Engine::new();
        engine
            .add_policy(
                "statement.rego".to_owned(),
                include_str!("../rego/statement.rego").to_owned(),
            )
            .expect("Rego policy parses");
        RegoPeer { engine }
    }

    /// What a caller builds for each request: the input document.
    fn input(r: &Request) -> regorus::Value {
        use regorus::Value;
        let s = |s: &str| Value::from(s);
        let mut input = BTreeMap::new();
        input.insert(s("party"), s(r.party.as_str()));
        input.insert(s("action"), s(r.action.as_str()));
        input.insert(s("data"), s(r.data.as_str()));
        input.insert(s("purpose"), s(r.purpose.as_str()));
        input.insert(s("location"), s(r.location.as_str()));
        input.insert(
            s("authorizations"),
            Value::from(r.authorizations.iter().map(|a| s(a.as_str())).collect::<Vec<_>>()),
        );
        input.insert(s("circumstance"), s(r.circumstance.map_or("none", |c| c.as_str())));
        input.insert(
            s("objections"),
            Value::from(r.objections.iter().map(|o| s(o.as_str())).collect::<Vec<_>>()),
        );
        input.insert(s("service"), s(r.service.as_str()));
        Value::from(input)
    }

    fn evaluate(&mut self, input: regorus::Value) -> bool {
        self.engine.set_input(input);
        self.engine
            .eval_rule("data.vianet.allow".to_owned())
            .expect("Rego evaluates")
            == regorus::Value::from(true)
    }

    fn decide(&mut self, r: &Request) -> bool {
        self.evaluate(RegoPeer::input(r))
    }
}

/// The two peers encode the same statement: check they agree with each
/// other on every request benched, so the comparison is of equals.
fn check_peers(cedar: &CedarPeer, rego: &mut RegoPeer, requests: &[Request]) {
    let mut same_as_vianet = 0;
    for r in requests {
        let c = cedar.decide(r);
        assert_eq!(c, rego.decide(r), "Cedar and Rego disagree on {r:?}");
        same_as_vianet += usize::from(c == allowed(decide(r)));
    }
    eprintln!(
        "Cedar and Rego agree on all {} peer requests; vianet gives the same allow/deny on {same_as_vianet}",
        requests.len()
    );
}

// ---------------------------------------------------------------- benchmarks

fn benches(c: &mut Criterion) {
    let allow = typical_allow();
    let deny = typical_deny();
    let (worst, visits) = most_expensive();
    eprintln!(
        "most expensive request ({visits} rules visited): {}",
        serde_json::to_string(&worst).expect("json")
    );
    let batch = mixed_requests(PEER_BATCH);
    let allows = batch.iter().filter(|r| allowed(decide(r))).count();
    eprintln!("batch of {PEER_BATCH}: {allows} allowed by vianet");
    let cedar = CedarPeer::new();
    let mut rego = RegoPeer::new();
    let mut checked = batch.clone();
    checked.extend([allow, deny, worst]);
    check_peers(&cedar, &mut rego, &checked);

    // One decision.
    let mut group = c.benchmark_group("compare_single");
    for (name, request) in [("allow", allow), ("deny", deny), ("worst", worst)] {
        group.bench_function(format!("vianet/{name}"), |b| b.iter(|| decide(black_box(&request))));
        group.bench_function(format!("cedar/{name}"), |b| {
            b.iter(|| cedar.decide(black_box(&request)))
        });
        let built = cedar.request(&request);
        group.bench_function(format!("cedar_bare/{name}"), |b| {
            b.iter(|| cedar.evaluate(black_box(&built)))
        });
        group.bench_function(format!("rego/{name}"), |b| b.iter(|| rego.decide(black_box(&request))));
        let input = RegoPeer::input(&request);
        group.bench_function(format!("rego_bare/{name}"), |b| {
            b.iter(|| rego.evaluate(black_box(input.clone())))
        });
    }
    group.finish();

    // A batch of mixed requests, reported per decision.
    let mut group = c.benchmark_group("compare_batch");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(PEER_BATCH as u64));
    group.bench_function("vianet/1k_mixed", |b| {
        b.iter(|| black_box(&batch).iter().filter(|r| allowed(decide(r))).count())
    });
    group.bench_function("cedar/1k_mixed", |b| {
        b.iter(|| black_box(&batch).iter().filter(|r| cedar.decide(r)).count())
    });
    let built: Vec<_> = batch.iter().map(|r| cedar.request(r)).collect();
    group.bench_function("cedar_bare/1k_mixed", |b| {
        b.iter(|| black_box(&built).iter().filter(|r| cedar.evaluate(r)).count())
    });
    group.bench_function("rego/1k_mixed", |b| {
        b.iter(|| black_box(&batch).iter().filter(|r| rego.decide(r)).count())
    });
    let inputs: Vec<_> = batch.iter().map(RegoPeer::input).collect();
    group.bench_function("rego_bare/1k_mixed", |b| {
        b.iter(|| {
            black_box(&inputs)
                .iter()
                .filter(|i| rego.evaluate((*i).clone()))
                .count()
        })
    });
    group.finish();
}

criterion_group!(comparison_benches, benches);
criterion_main!(comparison_benches);
