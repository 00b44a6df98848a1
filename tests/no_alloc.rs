//! A decision allocates nothing: the hot path is pure bit operations on
//! `Copy` data (product principle 4).
//!
//! Property checked: across many varied requests — allows, denies of every
//! kind (forbidden, not permitted, needing an authorization), and dated
//! requests rejected as errors — the global allocator sees no allocation,
//! reallocation or deallocation from the thread while it decides.
//!
//! The counting allocator wraps the system allocator and counts only on the
//! thread that opted in (the test harness allocates on its own threads).
//! Implementing `GlobalAlloc` takes `unsafe`; it lives here, in a test, and
//! the library itself stays `#![forbid(unsafe_code)]`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use chrono::DateTime;
use vianet_privacy::{
    decide, Action, Authorization, Circumstance, DataElement, Decision, DenyKind, Location, Objection, OnlineService,
    Party, Purpose, Request,
};

struct Counting;

thread_local! {
    /// Whether this thread counts its allocations.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// This thread's allocations while counting.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
    }
}

/// The allocations `f` makes on this thread.
fn allocations_during(f: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// wrapper only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note();
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Requests of every shape: every data element, with a rotating party,
/// action, purpose and location, and every few requests authorizations, a
/// circumstance, objections or a time (one before the statement).
fn requests() -> Vec<Request> {
    let before = DateTime::parse_from_rfc3339("2019-06-01T09:00:00+08:00").expect("valid time");
    let after = DateTime::parse_from_rfc3339("2024-03-01T10:00:00+08:00").expect("valid time");
    let mut out = Vec::new();
    let mut i = 0usize;
    for &data in DataElement::ALL {
        for &action in Action::ALL {
            for &party in Party::ALL {
                for &purpose in Purpose::ALL {
                    i += 1;
                    let location = Location::ALL[i % Location::ALL.len()];
                    let service = OnlineService::ALL[i % OnlineService::ALL.len()];
                    let mut request = Request::new(service, party, action, data, purpose, location);
                    if i % 3 == 0 {
                        request = request.with_authorization(Authorization::ALL[i / 3 % Authorization::ALL.len()]);
                    }
                    if i % 7 == 0 {
                        request = request.with_circumstance(Circumstance::ALL[i / 7 % Circumstance::ALL.len()]);
                    }
                    if i % 5 == 0 {
                        request = request.with_objection(Objection::ALL[i / 5 % Objection::ALL.len()]);
                    }
                    match i % 97 {
                        0 => request = request.at(before),
                        1 => request = request.at(after),
                        _ => {}
                    }
                    out.push(request);
                }
            }
        }
    }
    out
}

#[test]
fn deciding_allocates_nothing() {
    let requests = requests();
    // [allow, forbidden, not permitted, needs authorization, error]
    let mut tally = [0usize; 5];

    let allocations = allocations_during(|| {
        for request in &requests {
            let slot = match decide(request) {
                Ok(Decision::Allow(_)) => 0,
                Ok(Decision::Deny(deny)) => match deny.kind {
                    DenyKind::Forbidden => 1,
                    DenyKind::NotPermitted => 2,
                    _ => 3,
                },
                Err(_) => 4,
            };
            tally[slot] += 1;
        }
    });

    assert!(requests.len() > 150_000, "{} requests", requests.len());
    for (outcome, count) in ["allow", "forbidden", "not permitted", "needs authorization", "error"]
        .iter()
        .zip(tally)
    {
        assert!(
            count > 100,
            "too few `{outcome}` outcomes ({count}) for the test to mean anything"
        );
    }
    assert_eq!(
        allocations,
        0,
        "deciding {} requests allocated {allocations} times",
        requests.len()
    );
}

/// The counter works: an allocation on the counting thread is seen (so the
/// zero above is a measurement, not a broken counter).
#[test]
fn the_counter_sees_allocations() {
    let allocations = allocations_during(|| drop(std::hint::black_box(Box::new([1u8; 64]))));
    assert!(allocations >= 2, "{allocations}");
}
