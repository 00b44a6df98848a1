//! The hot decision path, side by side with two general policy engines
//! deciding the same question in the same run (so the ratios hold on a noisy
//! machine):
//!
//! * `vianet`: [`vianet_privacy::decide`] (the indexed evaluation);
//! * `reference`: [`vianet_privacy::decide_reference`] (the linear one);
//! * `limit`: one indexed load of a precomputed decision from a small table,
//!   the physical floor of any decision procedure;
//! * `cedar`: cedar-policy with the independent Cedar encoding in
//!   `tests/cedar/` (`statement.cedar` and `managing.cedar`);
//! * `rego`: regorus with the same policies in Rego
//!   (`benches/rego/statement.rego`).
//!
//! A peer's plain name (`cedar`, `rego`) includes what a caller pays per
//! request: building the peer's request and context (Cedar) or its input
//! document (Rego). `*_bare` is the evaluation alone, on requests built
//! beforehand. Cedar gets its entities built once (no policy reads them).
//!
//! Benchmarks never assert timings; docs/performance.md has the figures and
//! the command to reproduce them.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use vianet_privacy::{
    decide, decide_reference, rules_visited, Action, Authorization, AuthorizationSet, Circumstance, DataElement,
    Decision, DenyKind, Location, Objection, OnlineService, Party, Purpose, Request,
};

const BATCH: usize = 1_000_000;
const PEER_BATCH: usize = 1_000;
const LOG_LINES: usize = 1_000_000;

// ------------------------------------------------------------------ requests

/// A typical allow: 21Vianet uses Customer Data to provide the service, in
/// mainland China.
fn typical_allow() -> Request {
    Request::new(
        OnlineService::Azure,
        Party::Operator,
        Action::Use,
        DataElement::CustomerContent,
        Purpose::ProvideService,
        Location::MainlandChina,
    )
}

/// A typical deny: 21Vianet uses Customer Data for advertising.
fn typical_deny() -> Request {
    Request::new(
        OnlineService::Azure,
        Party::Operator,
        Action::Use,
        DataElement::CustomerContent,
        Purpose::Advertising,
        Location::MainlandChina,
    )
}

/// The most expensive request there is: the one whose indexed decision
/// visits the most rules, over every combination of the five scope
/// dimensions, each with no authorization, every authorization, or one, and
/// with or without a circumstance. The first found wins ties.
fn most_expensive() -> (Request, u32) {
    let mut authorizations = vec![AuthorizationSet::EMPTY, AuthorizationSet::ALL];
    authorizations.extend(Authorization::ALL.iter().map(|a| a.set()));
    let mut best = (typical_allow(), 0);
    for &data in DataElement::ALL {
        for &action in Action::ALL {
            for &party in Party::ALL {
                for &purpose in Purpose::ALL {
                    for &location in Location::ALL {
                        let base = Request::new(OnlineService::Azure, party, action, data, purpose, location);
                        for &auth in &authorizations {
                            for circumstance in [None, Some(Circumstance::NationalSecurity)] {
                                let mut request = base.with_authorizations(auth);
                                request.circumstance = circumstance;
                                let cost = rules_visited(&request);
                                if cost > best.1 {
                                    best = (request, cost);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    best
}

/// A small deterministic generator (xorshift64*), so every run benches the
/// same requests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<T: Copy>(&mut self, values: &[T]) -> T {
        values[(self.next() % values.len() as u64) as usize]
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }
}

/// One random request about `data`: any party, action, purpose, location;
/// each authorization one time in six; a circumstance one time in eight; an
/// objection one time in twenty.
fn random_request(rng: &mut Rng, data: DataElement) -> Request {
    let mut request = Request::new(
        rng.pick(OnlineService::ALL),
        rng.pick(Party::ALL),
        rng.pick(Action::ALL),
        data,
        rng.pick(Purpose::ALL),
        rng.pick(Location::ALL),
    );
    for &authorization in Authorization::ALL {
        if rng.chance(6) {
            request = request.with_authorization(authorization);
        }
    }
    if rng.chance(8) {
        request = request.with_circumstance(rng.pick(Circumstance::ALL));
    }
    for &objection in Objection::ALL {
        if rng.chance(20) {
            request = request.with_objection(objection);
        }
    }
    request
}

/// `n` mixed requests: the data element cycles through every element of
/// every category; half the requests are drawn until one is allowed, so the
/// batch is about half allows and half denies of every kind.
fn mixed_requests(n: usize) -> Vec<Request> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let data = DataElement::ALL[i % DataElement::ALL.len()];
            let want_allow = (i / DataElement::ALL.len()) % 2 == 0;
            let mut request = random_request(&mut rng, data);
            if want_allow {
                for _ in 0..2_000 {
                    if matches!(decide(&request), Ok(d) if d.is_allowed()) {
                        break;
                    }
                    request = random_request(&mut rng, data);
                }
            }
            request
        })
        .collect()
}

fn allowed(decision: Result<Decision, vianet_privacy::RequestError>) -> bool {
    matches!(decision, Ok(d) if d.is_allowed())
}

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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cedar");
        let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).expect("tests/cedar file");
        // Every .cedar file of tests/cedar, in name order, as one policy set.
        let policies = ["managing.cedar", "statement.cedar"]
            .map(|name| read(name) + "\n")
            .concat();
        let policies = cedar_policy::PolicySet::from_str(&policies).expect("Cedar policies parse");
        let (schema, _) =
            cedar_policy::Schema::from_cedarschema_str(&read("statement.cedarschema")).expect("Cedar schema parses");
        let entities =
            cedar_policy::Entities::from_json_str(&read("entities.json"), Some(&schema)).expect("Cedar entities parse");
        CedarPeer {
            policies,
            entities,
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
                include_str!("rego/statement.rego").to_owned(),
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

// ---------------------------------------------------------------- benchmarks

struct Fixture {
    allow: Request,
    deny: Request,
    worst: Request,
    batch: Vec<Request>,
    peer_batch: Vec<Request>,
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
    let peer_batch = batch[..PEER_BATCH].to_vec();
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
        peer_batch,
        log,
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

fn benches(c: &mut Criterion) {
    let f = fixture();
    let cedar = CedarPeer::new();
    let mut rego = RegoPeer::new();
    let mut checked = f.peer_batch.clone();
    checked.extend([f.allow, f.deny, f.worst]);
    check_peers(&cedar, &mut rego, &checked);
    let floor = Floor::new(&f.batch);

    // One decision.
    let mut group = c.benchmark_group("single");
    for (name, request) in [("allow", f.allow), ("deny", f.deny), ("worst", f.worst)] {
        group.bench_function(format!("vianet/{name}"), |b| b.iter(|| decide(black_box(&request))));
        group.bench_function(format!("reference/{name}"), |b| {
            b.iter(|| decide_reference(black_box(&request)))
        });
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
    group.throughput(Throughput::Elements(PEER_BATCH as u64));
    group.bench_function("cedar/1k_mixed", |b| {
        b.iter(|| black_box(&f.peer_batch).iter().filter(|r| cedar.decide(r)).count())
    });
    let built: Vec<_> = f.peer_batch.iter().map(|r| cedar.request(r)).collect();
    group.bench_function("cedar_bare/1k_mixed", |b| {
        b.iter(|| black_box(&built).iter().filter(|r| cedar.evaluate(r)).count())
    });
    group.bench_function("rego/1k_mixed", |b| {
        b.iter(|| black_box(&f.peer_batch).iter().filter(|r| rego.decide(r)).count())
    });
    let inputs: Vec<_> = f.peer_batch.iter().map(RegoPeer::input).collect();
    group.bench_function("rego_bare/1k_mixed", |b| {
        b.iter(|| {
            black_box(&inputs)
                .iter()
                .filter(|i| rego.evaluate((*i).clone()))
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
