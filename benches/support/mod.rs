//! The requests the benchmarks decide, shared by the crate's own benchmark
//! (`benches/decide.rs`) and the peers' comparative one
//! (`peers/benches/compare.rs`, which includes this file rather than
//! copying it), so both bench the very same requests: the typical allow and
//! deny, the most expensive request for the index, and the mixed batch.

#![allow(dead_code)] // each bench uses part of it

use vianet_privacy::{
    decide, rules_visited, Action, Authorization, AuthorizationSet, Circumstance, DataElement, Decision, Location,
    Objection, OnlineService, Party, Purpose, Request,
};

/// A typical allow: 21Vianet uses Customer Data to provide the service, in
/// mainland China.
pub fn typical_allow() -> Request {
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
pub fn typical_deny() -> Request {
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
pub fn most_expensive() -> (Request, u32) {
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
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn pick<T: Copy>(&mut self, values: &[T]) -> T {
        values[(self.next() % values.len() as u64) as usize]
    }

    pub fn chance(&mut self, one_in: u64) -> bool {
        self.next() % one_in == 0
    }
}

/// One random request about `data`: any party, action, purpose, location;
/// each authorization one time in six; a circumstance one time in eight; an
/// objection one time in twenty.
pub fn random_request(rng: &mut Rng, data: DataElement) -> Request {
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
/// batch is about half allows and half denies of every kind. The requests
/// are drawn in order from one seed, so `mixed_requests(k)` is the first
/// `k` of `mixed_requests(n)` for `k <= n`: the peers' batch of a thousand
/// is the start of the crate's batch of a million.
pub fn mixed_requests(n: usize) -> Vec<Request> {
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

/// Whether a decision is an allow.
pub fn allowed(decision: Result<Decision, vianet_privacy::RequestError>) -> bool {
    matches!(decision, Ok(d) if d.is_allowed())
}
