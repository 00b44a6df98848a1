//! The indexed evaluation ([`decide`]) and the linear reference evaluation
//! ([`decide_reference`]) are two readings of the same rules; they must give
//! the same answer — the same allow with the same obligations, or the same
//! deny with the same clause, kind, reason and missing authorizations — for
//! every request.
//!
//! Property checked: for every combination of data element, action, party,
//! purpose and location (1,013,376 of them, all), each with a pseudo-random
//! set of authorizations, circumstance, objections and time, plus a second
//! pass with dense authorizations, the two decisions are equal. Deterministic:
//! a fixed-seed generator, so a failure reproduces.

use chrono::DateTime;
use vianet_privacy::{
    decide, decide_reference, Action, Authorization, Circumstance, DataElement, Decision, DenyKind, Location,
    Objection, OnlineService, Party, Purpose, Request,
};

/// xorshift64*: small, deterministic, good enough to vary the extras.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }

    fn pick<T: Copy>(&mut self, values: &[T]) -> T {
        values[(self.next() % values.len() as u64) as usize]
    }
}

/// Adds authorizations (each one time in `one_in`), maybe a circumstance,
/// maybe objections, and now and then a time (some before the statement).
fn vary(rng: &mut Rng, mut request: Request, one_in: u64) -> Request {
    for &authorization in Authorization::ALL {
        if rng.chance(one_in) {
            request = request.with_authorization(authorization);
        }
    }
    if rng.chance(5) {
        request = request.with_circumstance(rng.pick(Circumstance::ALL));
    }
    for &objection in Objection::ALL {
        if rng.chance(6) {
            request = request.with_objection(objection);
        }
    }
    if rng.chance(50) {
        let times = [
            "2019-06-01T09:00:00+08:00",
            "2020-12-01T00:00:00+08:00",
            "2024-03-01T10:00:00+08:00",
        ];
        request = request.at(DateTime::parse_from_rfc3339(rng.pick(&times)).expect("valid time"));
    }
    request
}

#[derive(Default)]
struct Tally {
    allows: u64,
    forbidden: u64,
    not_permitted: u64,
    needs_authorization: u64,
    errors: u64,
}

fn check(request: &Request, tally: &mut Tally) {
    let indexed = decide(request);
    let reference = decide_reference(request);
    assert_eq!(indexed, reference, "index and reference disagree on {request:?}");
    match indexed {
        Ok(Decision::Allow(_)) => tally.allows += 1,
        Ok(Decision::Deny(deny)) => match deny.kind {
            DenyKind::Forbidden => tally.forbidden += 1,
            DenyKind::NotPermitted => tally.not_permitted += 1,
            _ => tally.needs_authorization += 1,
        },
        Err(_) => tally.errors += 1,
    }
}

#[test]
fn index_and_reference_agree_on_every_scope_combination() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let mut tally = Tally::default();
    let mut checked = 0u64;
    for &data in DataElement::ALL {
        for &action in Action::ALL {
            for &party in Party::ALL {
                for &purpose in Purpose::ALL {
                    for &location in Location::ALL {
                        let service = rng.pick(OnlineService::ALL);
                        let request = Request::new(service, party, action, data, purpose, location);
                        check(&vary(&mut rng, request, 4), &mut tally);
                        checked += 1;
                    }
                }
            }
        }
    }
    // Dense authorizations: more exceptions and permissions met at once.
    for _ in 0..200_000 {
        let request = Request::new(
            rng.pick(OnlineService::ALL),
            rng.pick(Party::ALL),
            rng.pick(Action::ALL),
            rng.pick(DataElement::ALL),
            rng.pick(Purpose::ALL),
            rng.pick(Location::ALL),
        );
        check(&vary(&mut rng, request, 2), &mut tally);
        checked += 1;
    }
    assert!(checked >= 1_000_000, "only {checked} requests checked");
    // The sample reaches every outcome, so the agreement means something.
    assert!(tally.allows > 10_000, "allows: {}", tally.allows);
    assert!(tally.forbidden > 10_000, "forbidden: {}", tally.forbidden);
    assert!(tally.not_permitted > 10_000, "not permitted: {}", tally.not_permitted);
    assert!(
        tally.needs_authorization > 10_000,
        "needs authorization: {}",
        tally.needs_authorization
    );
    assert!(tally.errors > 1_000, "errors: {}", tally.errors);
}
