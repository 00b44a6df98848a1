//! Property tests over every request type of the crate: [`Request`] (with
//! its whole time context), [`ComplianceRequest`], the data-subject
//! [`SubjectRequest`], incidents and [`StatementChange`].
//!
//! Each property states, above its test, what the statement says and
//! which sentence says it. `tests/time_rules/properties.rs` already checks
//! the closed account's basic rule, the due date arithmetic of
//! `response_due_date`, the guardian's consent for a minor and the notice of
//! a substantial change; the properties here complement those (termination,
//! exact birthdays, the whole `SubjectRequest`, minor changes, …).
//!
//! Times run from 2020-12-01T00:00:00+08:00 (the statement's effective
//! date, China Standard Time) to about 2040, in offsets from -12:00 to
//! +14:00 in quarter hours, with and without fractions of a second; the
//! invalid ones (before the effective date, contradictory contexts) are
//! generated on purpose. Failures are not persisted to disk, so a run
//! leaves the tree untouched.

use std::sync::OnceLock;

use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use proptest::sample::select;
use vianet_privacy::time::china_date;
use vianet_privacy::{
    decide, decide_reference, wire, Account, Action, Authorization, AuthorizationSet, Circumstance, ClauseId,
    DataElement, Decision, DenyKind, Language, Location, Objection, ObjectionSet, OnlineService, Party, Purpose,
    Request, StatementVersion, CHINA_STANDARD_TIME,
};

// ---- configuration ------------------------------------------------------

/// `cases` cases, no regression files written next to the tests.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- vocabulary ---------------------------------------------------------

/// 2020-12-01T00:00:00+08:00, the statement's effective date, in Unix seconds.
const EFFECTIVE: i64 = 1_606_752_000;
const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

fn pick<T: Copy + core::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    select(all)
}

/// A subset of `all`: often empty, often one or two values, sometimes any.
fn subset<T, S>(all: &'static [T]) -> impl Strategy<Value = S>
where
    T: Copy + core::fmt::Debug + 'static,
    S: FromIterator<T> + core::fmt::Debug + Clone,
{
    let n = all.len();
    prop_oneof![
        2 => Just(Vec::new()),
        3 => proptest::sample::subsequence(all.to_vec(), 0..=2.min(n)),
        3 => proptest::sample::subsequence(all.to_vec(), 0..=n),
    ]
    .prop_map(|values| values.into_iter().collect())
}

// ---- times --------------------------------------------------------------

fn offset() -> impl Strategy<Value = FixedOffset> {
    prop_oneof![
        2 => Just(CHINA_STANDARD_TIME),
        1 => (-48i32..=56).prop_map(|quarters| FixedOffset::east_opt(quarters * 900).unwrap()),
    ]
}

fn nanos() -> impl Strategy<Value = u32> {
    prop_oneof![3 => Just(0u32), 1 => 0u32..1_000_000_000]
}

/// A length of time of at least zero, with the boundaries (zero, a second,
/// a day) well represented.
fn span() -> impl Strategy<Value = Duration> {
    prop_oneof![
        1 => Just(Duration::zero()),
        1 => (1i64..=3).prop_map(Duration::seconds),
        2 => (0i64..3 * DAY).prop_map(Duration::seconds),
        4 => (0i64..10 * YEAR).prop_map(Duration::seconds),
    ]
}

/// A signed shift of time around zero.
fn shift() -> impl Strategy<Value = Duration> {
    (span(), any::<bool>()).prop_map(|(d, back)| if back { -d } else { d })
}

/// An instant from the statement's effective date to about 2040.
fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    let secs = prop_oneof![
        1 => Just(0i64),
        1 => 0i64..2 * DAY,
        8 => 0i64..20 * YEAR,
    ];
    (secs, nanos(), offset()).prop_map(|(secs, nanos, offset)| offset.timestamp_opt(EFFECTIVE + secs, nanos).unwrap())
}

/// An instant before the statement's effective date (by a nanosecond to
/// twenty years).
fn early_instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    prop_oneof![
        1 => offset().prop_map(|offset| offset.timestamp_opt(EFFECTIVE - 1, 999_999_999).unwrap()),
        3 => (1i64..20 * YEAR, nanos(), offset())
            .prop_map(|(secs, nanos, offset)| offset.timestamp_opt(EFFECTIVE - secs, nanos).unwrap()),
    ]
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap()
}

// ---- requests -----------------------------------------------------------

/// Who does what to which data for which purpose, where the statement
/// permits it in mainland China with every authorization: most random
/// combinations are denied, so half the requests start from one of these.
fn permitted() -> &'static [(Party, Action, DataElement, Purpose)] {
    static PERMITTED: OnceLock<Vec<(Party, Action, DataElement, Purpose)>> = OnceLock::new();
    PERMITTED.get_or_init(|| {
        let mut permitted = Vec::new();
        for &party in Party::ALL {
            for &action in Action::ALL {
                for &data in DataElement::ALL {
                    for &purpose in Purpose::ALL {
                        let request = Request::new(
                            OnlineService::Azure,
                            party,
                            action,
                            data,
                            purpose,
                            Location::MainlandChina,
                        )
                        .with_authorizations(AuthorizationSet::ALL);
                        if ok(&request).is_allowed() {
                            permitted.push((party, action, data, purpose));
                        }
                    }
                }
            }
        }
        permitted
    })
}

/// A request with every field but the time context.
fn plain_request() -> impl Strategy<Value = Request> {
    let permitted = permitted();
    let who_what = prop_oneof![
        (0..permitted.len()).prop_map(move |i| permitted[i]),
        (
            pick(Party::ALL),
            pick(Action::ALL),
            pick(DataElement::ALL),
            pick(Purpose::ALL)
        ),
    ];
    (
        (
            pick(OnlineService::ALL),
            who_what,
            prop_oneof![Just(Location::MainlandChina), pick(Location::ALL)],
        ),
        (
            subset::<Authorization, AuthorizationSet>(Authorization::ALL),
            proptest::option::weighted(0.2, pick(Circumstance::ALL)),
            subset::<Objection, ObjectionSet>(Objection::ALL),
            proptest::bool::weighted(0.2),
        ),
    )
        .prop_map(
            |(
                (service, (party, action, data, purpose), location),
                (authorizations, circumstance, objections, preview),
            )| {
                Request {
                    authorizations,
                    circumstance,
                    objections,
                    preview,
                    ..Request::new(service, party, action, data, purpose, location)
                }
            },
        )
}

/// The time context of a request, relative to its `at`.
#[derive(Clone, Debug)]
struct Context {
    /// `None`: no account; `Some(None)`: open; `Some(Some((since, length)))`:
    /// closed `since` before `at`, with a retention period of `length`.
    account: Option<Option<(Duration, Duration)>>,
    /// The termination, this long after `at` (negative: before).
    terminated: Option<Duration>,
    /// The end of the trial, this long after `at` (negative: before).
    trial_ended: Option<Duration>,
    /// The data subject's age in days on the China date of `at`.
    age_days: Option<u64>,
}

fn context() -> impl Strategy<Value = Context> {
    (
        proptest::option::weighted(0.4, proptest::option::weighted(0.8, (span(), span()))),
        proptest::option::weighted(0.25, shift()),
        proptest::option::weighted(0.25, shift()),
        proptest::option::weighted(0.3, prop_oneof![0u64..100 * 366, (18 * 365 - 10u64)..(18 * 365 + 10)]),
    )
        .prop_map(|(account, terminated, trial_ended, age_days)| Context {
            account,
            terminated,
            trial_ended,
            age_days,
        })
}

/// `request` at `at` with `context`; without `at`, only what needs no time
/// (an open account) is kept, so the result is always valid.
fn with_context(mut request: Request, at: Option<DateTime<FixedOffset>>, context: &Context) -> Request {
    request.at = at;
    request.account = context.account.map(|closed| match (closed, at) {
        (Some((since, length)), Some(at)) => Account::Closed {
            closed_at: at - since,
            retention_expires: at - since + length,
        },
        _ => Account::Open,
    });
    if let Some(at) = at {
        request.service_terminated_at = context.terminated.map(|d| at + d);
        request.trial_ended_at = context.trial_ended.map(|d| at + d);
        request.subject_birth_date = context.age_days.map(|days| days_before(china_date(at), days));
    }
    request
}

/// A request that [`Request::validate`] accepts.
fn valid_request() -> impl Strategy<Value = Request> {
    (plain_request(), proptest::option::weighted(0.85, instant()), context())
        .prop_map(|(request, at, context)| with_context(request, at, &context))
}

/// The ways a request's times can be wrong, each with the error it must give.
#[derive(Clone, Copy, Debug)]
enum Flaw {
    BeforeStatement,
    ClosedAfterAt,
    RetentionBeforeClosing,
    MissingAt,
    BornAfterAt,
}

impl Flaw {
    const ALL: &'static [Flaw] = &[
        Flaw::BeforeStatement,
        Flaw::ClosedAfterAt,
        Flaw::RetentionBeforeClosing,
        Flaw::MissingAt,
        Flaw::BornAfterAt,
    ];

    fn code(self) -> &'static str {
        match self {
            Flaw::BeforeStatement => "before_statement_in_force",
            Flaw::ClosedAfterAt => "account_closed_after_decision",
            Flaw::RetentionBeforeClosing => "retention_ends_before_closing",
            Flaw::MissingAt => "missing_time",
            Flaw::BornAfterAt => "birth_date_after_decision",
        }
    }
}

/// A valid request spoilt by one flaw, and that flaw.
fn flawed_request() -> impl Strategy<Value = (Request, Flaw)> {
    (
        valid_request(),
        pick(Flaw::ALL),
        early_instant(),
        instant(),
        (1i64..10 * YEAR, 1u32..1_000_000_000, 1u64..40 * 366, 0usize..4),
    )
        .prop_map(|(mut request, flaw, early, fallback_at, (secs, nanos, days, field))| {
            let ahead = Duration::seconds(secs) + Duration::nanoseconds(i64::from(nanos)) - Duration::seconds(1);
            let ahead = ahead.max(Duration::nanoseconds(1));
            match flaw {
                Flaw::BeforeStatement => request.at = Some(early),
                Flaw::ClosedAfterAt => {
                    let at = *request.at.get_or_insert(fallback_at);
                    request.account = Some(Account::Closed {
                        closed_at: at + ahead,
                        retention_expires: at + ahead + Duration::seconds(secs),
                    });
                }
                Flaw::RetentionBeforeClosing => {
                    let closed_at = request.at.unwrap_or(fallback_at) - Duration::seconds(secs);
                    request.account = Some(Account::Closed {
                        closed_at,
                        retention_expires: closed_at - ahead,
                    });
                }
                Flaw::MissingAt => {
                    let at = request.at.take().unwrap_or(fallback_at);
                    match field {
                        0 => {
                            request.account = Some(Account::Closed {
                                closed_at: at - Duration::seconds(secs),
                                retention_expires: at,
                            })
                        }
                        1 => request.service_terminated_at = Some(at),
                        2 => request.trial_ended_at = Some(at),
                        _ => request.subject_birth_date = Some(days_before(china_date(at), days)),
                    }
                }
                Flaw::BornAfterAt => {
                    let at = *request.at.get_or_insert(fallback_at);
                    request.subject_birth_date = china_date(at).checked_add_days(Days::new(days));
                }
            }
            (request, flaw)
        })
}

/// Valid requests, and now and then an invalid one.
fn any_request() -> impl Strategy<Value = Request> {
    prop_oneof![
        4 => valid_request(),
        1 => flawed_request().prop_map(|(request, _)| request),
    ]
}

fn ok(request: &Request) -> Decision {
    decide(request).unwrap_or_else(|e| panic!("{e} for {request:?}"))
}

// ---- 1, 2, 15: every request is decided, or rejected, the same way twice --

proptest! {
    #![proptest_config(config(6_000))]

    // Fail closed ("How We Collect and Use Your Data" and every section's
    // "only"; "Changes to this Privacy Statement" for the version): a
    // request is decided exactly when its times are consistent, never with
    // a panic; every decision names a clause of the statement (with its
    // passage) and the version 2020-12-01; every deny gives a reason in both
    // languages and one of the three kinds, and names missing
    // authorizations exactly when it is of kind NeedsAuthorization.
    #[test]
    fn every_request_gets_a_well_formed_decision_or_an_error(request in any_request()) {
        let decision = decide(&request);
        prop_assert_eq!(decision.is_ok(), request.validate().is_ok(), "{:?}", decision);
        let Ok(decision) = decision else { return Ok(()) };
        let clause = decision.clause();
        prop_assert!(ClauseId::ALL.contains(&clause));
        prop_assert!(!clause.passage().is_empty(), "{} has no passage", clause);
        prop_assert_eq!(decision.statement_version(), StatementVersion::CURRENT);
        prop_assert_eq!(decision.statement_version().as_str(), "2020-12-01");
        match decision.deny_kind() {
            None => prop_assert!(decision.reason().is_none() && decision.missing().is_empty()),
            Some(kind) => {
                prop_assert!(DenyKind::ALL.contains(&kind));
                let reason = decision.reason().unwrap();
                prop_assert!(!reason.text(Language::En).is_empty() && !reason.text(Language::ZhCn).is_empty());
                prop_assert!(decision.obligations().is_empty());
                prop_assert_eq!(
                    kind == DenyKind::NeedsAuthorization,
                    !decision.missing().is_empty(),
                    "{:?}", decision
                );
            }
        }
        let (en, zh) = (decision.to_string(), decision.explain(Language::ZhCn).to_string());
        let (en_head, zh_head) = if decision.is_allowed() { ("allow", "允许") } else { ("deny", "拒绝") };
        prop_assert!(en.starts_with(en_head) && en.contains(clause.as_str()), "{}", en);
        prop_assert!(zh.starts_with(zh_head) && zh.contains(clause.as_str()), "{}", zh);
    }

    // The indexed evaluation is a faster reading of the same rules: on
    // every request, time context and invalid ones included, `decide`
    // gives what the linear `decide_reference` gives (the same decision
    // or the same error).
    #[test]
    fn the_index_decides_as_the_linear_reference(request in any_request()) {
        prop_assert_eq!(decide(&request), decide_reference(&request));
    }
}

proptest! {
    #![proptest_config(config(3_000))]

    // `Request::validate`, for "Updated: December 1, 2020" and the time
    // rules of "How We Store Your Personal Data" and "Protection of
    // Minors": a request dated before the statement took effect, an account
    // closed after the request, a retention period that ends before the
    // account closed, a time-dependent field without `at`, or a birth after
    // the request is an error (the named one), never a decision, in both
    // evaluations and over the wire.
    #[test]
    fn inconsistent_times_are_errors_never_decisions((request, flaw) in flawed_request()) {
        let err = decide(&request).unwrap_err();
        prop_assert_eq!(err.code(), flaw.code(), "{:?}", request);
        prop_assert_eq!(decide_reference(&request), Err(err));
        let json = wire::to_json(&request).unwrap();
        let wire_err = wire::decide_json(&json).unwrap_err();
        prop_assert_eq!(wire_err.request_error(), Some(&err));
    }
}

// ---- 3: monotonicity ----------------------------------------------------

proptest! {
    #![proptest_config(config(3_000))]

    // Every permission of the statement is "only with" (your direction,
    // your consent, your permission, the law, one of the six
    // circumstances): taking an authorization or the circumstance away from
    // a request never turns its deny into an allow.
    #[test]
    fn fewer_authorizations_never_allow_what_was_denied(request in valid_request()) {
        if ok(&request).is_allowed() {
            return Ok(());
        }
        for authorization in request.authorizations.iter() {
            let fewer = request.with_authorizations(request.authorizations.without(authorization));
            prop_assert!(!ok(&fewer).is_allowed(), "without {}: {:?}", authorization, fewer);
        }
        let none = Request { authorizations: AuthorizationSet::EMPTY, circumstance: None, ..request };
        prop_assert!(!ok(&none).is_allowed(), "{:?}", none);
        let no_circumstance = Request { circumstance: None, ..request };
        prop_assert!(!ok(&no_circumstance).is_allowed(), "{:?}", no_circumstance);
    }

    // The customer's "no" (unsubscribing from the survey, refusing Cookies,
    // terminating live chat or Remote Access: "Support Data", "How We Use
    // Cookies") only ever takes away: adding an objection never turns a
    // deny into an allow.
    #[test]
    fn an_objection_never_allows_what_was_denied(request in valid_request()) {
        if ok(&request).is_allowed() {
            return Ok(());
        }
        for &objection in Objection::ALL {
            let objected = request.with_objection(objection);
            prop_assert!(!ok(&objected).is_allowed(), "with {}: {:?}", objection, objected);
        }
    }
}

// ---- the generators reach what the properties speak of ------------------

/// `n` values drawn from `strategy` by a deterministic runner.
fn sample<S: Strategy>(strategy: S, n: usize) -> Vec<S::Value> {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..n)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// The properties above are not vacuous: the request generator reaches
/// allows and all three kinds of deny, every phase of an account (open,
/// closed within and after the retention period), terminated services,
/// ended trials, minors and adults, Previews, objections and circumstances;
/// the flawed generator reaches every flaw.
#[test]
fn the_generators_reach_every_case() {
    let requests = sample(valid_request(), 4_000);
    let count = |what: &dyn Fn(&Request) -> bool| requests.iter().filter(|r| what(r)).count();
    let decided: Vec<Decision> = requests.iter().map(ok).collect();
    let kinds = |kind: Option<DenyKind>| decided.iter().filter(|d| d.deny_kind() == kind).count();
    let phase = |r: &Request, retained: bool| match (r.account, r.at) {
        (
            Some(Account::Closed {
                closed_at,
                retention_expires,
            }),
            Some(at),
        ) => at >= closed_at && (at < retention_expires) == retained,
        _ => false,
    };
    let counts = [
        ("allow", kinds(None)),
        ("forbidden", kinds(Some(DenyKind::Forbidden))),
        ("not permitted", kinds(Some(DenyKind::NotPermitted))),
        ("needs authorization", kinds(Some(DenyKind::NeedsAuthorization))),
        ("no time", count(&|r| r.at.is_none())),
        ("open account", count(&|r| r.account == Some(Account::Open))),
        ("closed, retained", count(&|r| phase(r, true))),
        ("closed, expired", count(&|r| phase(r, false))),
        (
            "terminated",
            count(&|r| matches!((r.service_terminated_at, r.at), (Some(t), Some(at)) if at >= t)),
        ),
        (
            "before termination",
            count(&|r| matches!((r.service_terminated_at, r.at), (Some(t), Some(at)) if at < t)),
        ),
        (
            "trial ended",
            count(&|r| matches!((r.trial_ended_at, r.at), (Some(t), Some(at)) if at >= t)),
        ),
        (
            "minor",
            count(
                &|r| matches!((r.subject_birth_date, r.at), (Some(b), Some(at)) if china_date(at).years_since(b) < Some(18)),
            ),
        ),
        (
            "adult",
            count(
                &|r| matches!((r.subject_birth_date, r.at), (Some(b), Some(at)) if china_date(at).years_since(b) >= Some(18)),
            ),
        ),
        ("preview", count(&|r| r.preview)),
        ("objection", count(&|r| !r.objections.is_empty())),
        ("circumstance", count(&|r| r.circumstance.is_some())),
        ("no authorization", count(&|r| r.authorizations.is_empty())),
        ("many authorizations", count(&|r| r.authorizations.len() >= 4)),
    ];
    for (what, n) in counts {
        assert!(n >= 20, "only {n} of 4000 generated requests: {what}");
    }
    let flaws = sample(flawed_request(), 1_000);
    for flaw in Flaw::ALL {
        let n = flaws.iter().filter(|(_, f)| f.code() == flaw.code()).count();
        assert!(n >= 50, "only {n} of 1000 flawed requests: {flaw:?}");
    }
}
