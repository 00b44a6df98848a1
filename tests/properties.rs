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

mod support;

use support::{through_a_door_of_the_law, ADMIN_OR_PAYMENT, ERASURE, PHONE_OR_EMAIL, PROCESSORS, WE};

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;
use proptest::sample::select;
use vianet_privacy::statement::changes::{ChangeNotice, NoticeChannel, StatementChange};
use vianet_privacy::statement::managing::{
    RefusalGround, Requester, SubjectRequest, SubjectRequestKind, RESPONSE_DAYS,
};
use vianet_privacy::statement::protection::{incident_obligations, IncidentKind, IncidentKindSet};
use vianet_privacy::time::{china_date, start_of_day};
use vianet_privacy::{
    decide, decide_compliance, decide_reference, wire, Account, Action, ActionSet, Activity, ActivitySet, Advisory,
    Authorization, AuthorizationSet, Checklist, Circumstance, ClauseId, ComplianceRequest, DataElement, DataElementSet,
    Decision, DenyKind, Language, Location, Objection, ObjectionSet, Obligation, ObligationSet, OnlineService, Party,
    ProhibitedContent, Purpose, PurposeSet, Reason, RecordItem, RecordItemSet, RecordRetention, RegistrationInfo,
    RegistrationInfoSet, Request, RequestError, StatementVersion, WebsiteKind, CHINA_STANDARD_TIME,
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

/// Setting and reading Cookies.
const SET_AND_READ: ActionSet = ActionSet::of(&[Action::Collect, Action::Store, Action::Use, Action::Access]);
/// Contact about other products, offers, promotions, feedback.
const OFFERS: &[Purpose] = &[
    Purpose::OtherOffers,
    Purpose::FeedbackRequest,
    Purpose::PromotionalCommunications,
];

fn pick<T: Copy + core::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    select(all)
}

fn one_of<T: Copy + core::fmt::Debug + 'static>(values: impl IntoIterator<Item = T>) -> impl Strategy<Value = T> {
    select(values.into_iter().collect::<Vec<_>>())
}

fn outside_china() -> impl Strategy<Value = Location> {
    one_of(Location::ALL.iter().copied().filter(|l| l.is_outside_china()))
}

/// A subset of `all`: often empty, often one to three values, sometimes
/// any. Drawn as bits, so that a failing case shrinks to fewer values.
fn subset<T, S>(all: &'static [T]) -> impl Strategy<Value = S>
where
    T: Copy + core::fmt::Debug + 'static,
    S: FromIterator<T> + core::fmt::Debug + Clone,
{
    (0u8..8, any::<u64>(), any::<u64>()).prop_map(move |(density, a, b)| {
        let bits = match density {
            0 | 1 => 0,
            2..=4 => a & b & (a >> 17) & (b >> 29),
            _ => a,
        };
        all.iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, value)| *value)
            .collect()
    })
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

/// A length of time of at least zero, up to ten years, with zero, a few
/// seconds and a few days well represented.
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
                {
                    let mut changed = Request::new(service, party, action, data, purpose, location);
                    changed.authorizations = authorizations;
                    changed.circumstance = circumstance;
                    changed.objections = objections;
                    changed.preview = preview;
                    changed
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
            // From a nanosecond to ten years.
            let ahead = Duration::seconds(secs - 1) + Duration::nanoseconds(i64::from(nanos));
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

/// A valid request at a time after its account was closed, about half of
/// them also after the service was terminated; many of them keep the data
/// for legal compliance, send a service communication or erase the data,
/// the requests these rules allow.
fn ended_request() -> impl Strategy<Value = Request> {
    let shape = prop_oneof![
        3 => Just(None),
        1 => (one_of(ActionSet::STORAGE.iter()), Just(Purpose::LegalCompliance)).prop_map(Some),
        1 => (Just(Action::Contact), Just(Purpose::ServiceCommunication)).prop_map(Some),
        1 => (one_of(ERASURE.iter()), pick(Purpose::ALL)).prop_map(Some),
    ];
    (
        (
            plain_request(),
            shape,
            one_of(WE.iter()),
            one_of(DataElementSet::ADMINISTRATOR.iter()),
        ),
        (instant(), context(), span(), span(), proptest::option::of(span())),
    )
        .prop_map(
            |((mut request, shape, we, admin), (at, mut context, since, length, terminated_before))| {
                if let Some((action, purpose)) = shape {
                    request = request
                        .with_action(action)
                        .with_purpose(purpose)
                        .with_party(we)
                        .with_location(Location::MainlandChina);
                    if action == Action::Contact {
                        request.data = admin;
                    }
                }
                context.account = Some(Some((since, length)));
                if let Some(before) = terminated_before {
                    context.terminated = Some(-before);
                }
                with_context(request, Some(at), &context)
            },
        )
}

/// A valid request about Personal Data, by a processor, outside China,
/// with no authorization and no circumstance; fraud-prevention and payment
/// recipients, their data and purposes well represented.
fn unauthorized_personal_data_abroad() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        prop_oneof![
            one_of(ADMIN_OR_PAYMENT.iter()),
            one_of(DataElement::ALL.iter().copied().filter(|d| d.is_personal())),
        ],
        prop_oneof![
            one_of([Party::FraudPreventionProvider, Party::PaymentProcessor]),
            one_of(PROCESSORS.iter()),
        ],
        prop_oneof![
            one_of([
                Purpose::FraudPrevention,
                Purpose::ProcessPayment,
                Purpose::CompleteTransaction
            ]),
            pick(Purpose::ALL),
        ],
        outside_china(),
    )
        .prop_map(|(request, data, party, purpose, location)| {
            request
                .with_data(data)
                .with_party(party)
                .with_purpose(purpose)
                .with_location(location)
                .with_authorizations(AuthorizationSet::EMPTY)
                .with_circumstance_option(None)
        })
}

/// A valid request about Customer Data, by a processor outside China,
/// doing anything but erasing or sharing, disclosing, transferring it;
/// affiliates and suppliers accessing it to troubleshoot well represented.
fn overseas_customer_data_request() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        one_of(DataElementSet::CUSTOMER.iter()),
        prop_oneof![one_of([Party::Affiliate, Party::Supplier]), one_of(PROCESSORS.iter())],
        prop_oneof![
            one_of([Action::Access, Action::Use]),
            one_of(
                ActionSet::ALL
                    .difference(ERASURE)
                    .difference(ActionSet::DISCLOSURE)
                    .iter()
            ),
        ],
        prop_oneof![Just(Purpose::Troubleshooting), pick(Purpose::ALL)],
        outside_china(),
    )
        .prop_map(|(request, data, party, action, purpose, location)| {
            request
                .with_data(data)
                .with_party(party)
                .with_action(action)
                .with_purpose(purpose)
                .with_location(location)
        })
}

/// A valid request to send a support questionnaire, by 21Vianet in
/// mainland China to the support contact half the time.
fn survey_request() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        prop_oneof![Just(DataElement::SupportContactInfo), pick(DataElement::ALL)],
        prop_oneof![Just(Party::Operator), pick(Party::ALL)],
        prop_oneof![Just(Location::MainlandChina), pick(Location::ALL)],
    )
        .prop_map(|(request, data, party, location)| {
            request
                .with_data(data)
                .with_party(party)
                .with_location(location)
                .with_action(Action::Contact)
                .with_purpose(Purpose::SupportSurvey)
        })
}

/// A valid request to operate the customer's machine or record the
/// session, with Support Data, to resolve a support issue, with the
/// customer's permission, each half the time.
fn remote_session_request() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        one_of([Action::RemoteControl, Action::Record]),
        prop_oneof![one_of(DataElementSet::SUPPORT.iter()), pick(DataElement::ALL)],
        prop_oneof![Just(Purpose::ResolveSupportIssue), pick(Purpose::ALL)],
        prop_oneof![Just(Party::Operator), pick(Party::ALL)],
        any::<bool>(),
    )
        .prop_map(|(request, action, data, purpose, party, permission)| {
            let request = request
                .with_action(action)
                .with_data(data)
                .with_purpose(purpose)
                .with_party(party);
            if permission {
                request.with_authorization(Authorization::RemoteAccessPermission)
            } else {
                request
            }
        })
}

/// A valid request to contact someone with offers, feedback requests or
/// promotions; phone numbers and e-mail addresses, 21Vianet and Third
/// Party Offering providers, and contact preferences well represented.
fn offer_request() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        one_of(OFFERS.iter().copied()),
        prop_oneof![one_of(PHONE_OR_EMAIL.iter()), pick(DataElement::ALL)],
        prop_oneof![
            one_of([Party::Operator, Party::ThirdPartyOfferingProvider]),
            pick(Party::ALL)
        ],
        any::<bool>(),
    )
        .prop_map(|(request, purpose, data, party, preferences)| {
            let request = request
                .with_action(Action::Contact)
                .with_purpose(purpose)
                .with_data(data)
                .with_party(party);
            if preferences {
                request.with_authorization(Authorization::ContactPreferences)
            } else {
                request
            }
        })
}

/// A valid request about Cookie data, the parties and purposes of the
/// Cookies section well represented.
fn cookie_request() -> impl Strategy<Value = Request> {
    (
        valid_request(),
        prop_oneof![one_of([Party::Operator, Party::Supplier]), pick(Party::ALL)],
        prop_oneof![one_of(SET_AND_READ.iter()), pick(Action::ALL)],
        prop_oneof![
            one_of([
                Purpose::StorePreferences,
                Purpose::Authentication,
                Purpose::SiteAnalytics
            ]),
            pick(Purpose::ALL),
        ],
    )
        .prop_map(|(request, party, action, purpose)| {
            request
                .with_data(DataElement::CookieData)
                .with_party(party)
                .with_action(action)
                .with_purpose(purpose)
        })
}

/// The eighteenth birthday of a person born on `birth`: a 29 February
/// birthday falls on 1 March in a common year.
fn eighteenth_birthday(birth: NaiveDate) -> NaiveDate {
    let year = birth.year() + 18;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 3, 1).unwrap())
}

/// A valid request about a person born 2003 to 2021 (29 February
/// included), at an instant within three days of their eighteenth
/// birthday, in any offset.
fn birthday_request() -> impl Strategy<Value = Request> {
    let start = NaiveDate::from_ymd_opt(2003, 1, 1).unwrap();
    let birth = prop_oneof![
        3 => (0u64..19 * 365).prop_map(move |days| start.checked_add_days(Days::new(days)).unwrap()),
        1 => select(vec![2004, 2008, 2012, 2016, 2020]).prop_map(|year| NaiveDate::from_ymd_opt(year, 2, 29).unwrap()),
    ];
    let around = prop_oneof![
        Just(Duration::zero()),
        Just(-Duration::nanoseconds(1)),
        (-3 * DAY..3 * DAY).prop_map(Duration::seconds),
    ];
    (plain_request(), context(), birth, around, offset()).prop_map(|(request, context, birth, around, offset)| {
        let at = (start_of_day(eighteenth_birthday(birth)) + around).with_timezone(&offset);
        {
            let mut changed = with_context(request, Some(at), &context);
            changed.subject_birth_date = Some(birth);
            changed
        }
    })
}

/// The decision with `advisory` added to an allow.
fn advised(decision: Decision, advisory: Advisory) -> Decision {
    match decision {
        Decision::Allow(mut allow) => {
            allow.advisories.insert(advisory);
            Decision::Allow(allow)
        }
        deny => deny,
    }
}

fn without_objection(request: Request, objection: Objection) -> Request {
    request.with_objections(request.objections.without(objection))
}

fn ok(request: &Request) -> Decision {
    decide(request).unwrap_or_else(|e| panic!("{e} for {request:?}"))
}

// ---- the other request types --------------------------------------------

fn subject_request() -> impl Strategy<Value = SubjectRequest> {
    (
        pick(Requester::ALL),
        pick(SubjectRequestKind::ALL),
        proptest::option::weighted(0.8, prop_oneof![6 => instant(), 1 => early_instant()]),
        proptest::option::weighted(0.5, prop_oneof![0u16..=60, any::<u16>()]),
        subset::<Authorization, AuthorizationSet>(Authorization::ALL),
    )
        .prop_map(
            |(requester, kind, identity_verified_at, statutory_limit_days, authorizations)| SubjectRequest {
                requester,
                kind,
                identity_verified_at,
                statutory_limit_days,
                authorizations,
            },
        )
}

fn compliance_request() -> impl Strategy<Value = ComplianceRequest> {
    (
        (
            prop_oneof![
                one_of(ActivitySet::CONTENT.with(Activity::ServeWebsite).iter()),
                one_of([Activity::Register, Activity::UpdateRegistration]),
                pick(Activity::ALL),
            ],
            proptest::option::of(pick(ProhibitedContent::ALL)),
            proptest::option::weighted(0.8, pick(WebsiteKind::ALL)),
            proptest::option::weighted(0.8, any::<bool>()),
            subset::<Authorization, AuthorizationSet>(Authorization::ALL),
        ),
        (
            subset::<RecordItem, RecordItemSet>(RecordItem::ALL),
            subset::<RegistrationInfo, RegistrationInfoSet>(RegistrationInfo::ALL),
            prop_oneof![3 => Just(RegistrationInfoSet::EMPTY), 1 => subset(RegistrationInfo::ALL)],
            proptest::option::weighted(0.8, instant()),
            prop_oneof![Just(60u16), 1u16..=120, 1u16..=u16::MAX],
            proptest::option::weighted(0.85, prop_oneof![8 => instant(), 1 => early_instant()]),
        ),
    )
        .prop_map(
            |(
                (activity, prohibited_content, website, subject_to_permit_or_approval, authorizations),
                (records_kept, identity_provided, identity_false, recorded_at, days, at),
            )| ComplianceRequest {
                activity,
                prohibited_content,
                website,
                subject_to_permit_or_approval,
                authorizations,
                records_kept,
                identity_provided,
                identity_false,
                recorded_at,
                retention: RecordRetention::from_days(days).unwrap(),
                at,
            },
        )
}

fn statement_change() -> impl Strategy<Value = StatementChange> {
    (
        any::<bool>(),
        prop_oneof![6 => instant(), 1 => early_instant()],
        proptest::option::of((pick(NoticeChannel::ALL), shift())),
    )
        .prop_map(|(substantial, takes_effect, notice)| StatementChange {
            substantial,
            takes_effect,
            notice: notice.map(|(channel, d)| ChangeNotice {
                channel,
                given_at: takes_effect + d,
            }),
        })
}

// ---- 1, 2, 15: every request is decided, or rejected, the same way twice --

proptest! {
    #![proptest_config(config(5_000))]

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
    #![proptest_config(config(2_500))]

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
    #![proptest_config(config(2_000))]

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
        let none = request.with_authorizations(AuthorizationSet::EMPTY).with_circumstance_option(None);
        prop_assert!(!ok(&none).is_allowed(), "{:?}", none);
        let no_circumstance = request.with_circumstance_option(None);
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

// ---- 4: the end of an account, of its retention period, of a service ----

proptest! {
    #![proptest_config(config(2_500))]

    // "How We Store Your Personal Data": "After you close your account …
    // we will retain your Personal Data, but we will not use or process
    // your Personal Data during this period; upon expiry of the
    // aforementioned retention period, we will immediately delete or
    // anonymize your data." and "When we terminate an Online Service or
    // operation, we will notify you by e-mail or announcement, and delete or
    // anonymize your relevant Personal Data upon such termination."
    // After a termination only erasure (with both duties, when 21Vianet or
    // a processor erases), the termination notice itself, and keeping by
    // 21Vianet what the law requires to be kept (with the duties of the
    // legal retention) are allowed;
    // within a closed account's retention period only erasure, and
    // keeping the data by 21Vianet for legal compliance with the duty not
    // to use it and to erase it when the period ends; after the period only
    // erasure, with that duty.
    #[test]
    fn the_end_of_an_account_or_a_service_leaves_only_retention_and_erasure(request in ended_request()) {
        let decision = ok(&request);
        if !decision.is_allowed() {
            return Ok(());
        }
        let (at, action) = (request.at.unwrap(), request.action);
        let erasing = ERASURE.contains(action);
        let duties = decision.obligations();
        let Some(Account::Closed { closed_at, retention_expires }) = request.account else { unreachable!() };
        if request.service_terminated_at.is_some_and(|t| at >= t) {
            let notice = action == Action::Contact
                && request.purpose == Purpose::ServiceCommunication
                && WE.contains(request.party);
            let keeping = ActionSet::STORAGE.contains(action)
                && request.purpose == Purpose::LegalCompliance
                && WE.contains(request.party);
            prop_assert!(erasing || notice || keeping, "{}", decision);
            if keeping {
                prop_assert!(duties.contains(Obligation::DoNotUseDuringRetention), "{}", decision);
            }
            if erasing && WE.contains(request.party) {
                prop_assert_eq!(decision.clause(), ClauseId::StorageServiceTermination);
                prop_assert!(duties.contains(Obligation::NotifyTermination), "{}", decision);
                prop_assert!(duties.contains(Obligation::DeleteOrAnonymizeOnTermination), "{}", decision);
            }
        } else if at < closed_at {
            unreachable!("a request is never before its account's closing here");
        } else if at < retention_expires {
            let keeping = ActionSet::STORAGE.contains(action)
                && request.purpose == Purpose::LegalCompliance
                && WE.contains(request.party);
            prop_assert!(erasing || keeping, "{}", decision);
            if keeping {
                prop_assert!(duties.contains(Obligation::DoNotUseDuringRetention), "{}", decision);
                prop_assert!(duties.contains(Obligation::DeleteOrAnonymizeWhenRetentionEnds), "{}", decision);
            }
        } else {
            prop_assert!(erasing, "{}", decision);
            // "we will immediately delete or anonymize": 21Vianet's duty.
            if WE.contains(request.party) {
                prop_assert!(duties.contains(Obligation::DeleteOrAnonymizeWhenRetentionEnds), "{}", decision);
            }
        }
    }
}

// ---- 5, 6, 7: where data goes, and what is never kept -------------------

proptest! {
    #![proptest_config(config(2_500))]

    // "Customer Data": "Customer Data will only be stored in data centers
    // located in China." Whoever stores or retains it, with whatever
    // authorization, circumstance or time context, never outside mainland
    // China (Hong Kong, Macau and Taiwan are outside).
    #[test]
    fn customer_data_is_stored_only_in_china(
        request in valid_request(),
        data in one_of(DataElementSet::CUSTOMER.iter()),
        action in one_of(ActionSet::STORAGE.iter()),
        location in outside_china(),
    ) {
        let request = request.with_data(data).with_action(action).with_location(location);
        let decision = ok(&request);
        prop_assert!(!decision.is_allowed(), "{:?}: {}", request, decision);
    }

    // "Customer Data": "In limited circumstances, when it is necessary to
    // troubleshoot customer support incidents or solve technical problems,
    // 21Vianet may authorize an affiliate, supplier, or subcontractor
    // located outside the territory of China to access the Customer Data
    // … 21Vianet will supervise such access and terminate such access when
    // the problem is resolved". Outside China, a processor's handling of
    // Customer Data (anything but sharing, disclosing, transferring, which
    // the sharing section governs, and erasure) is allowed only as an
    // affiliate's or supplier's access (or use) to troubleshoot, and always
    // with the duties to supervise it and end it when resolved.
    #[test]
    fn overseas_customer_data_is_only_accessed_to_troubleshoot_under_supervision(
        request in overseas_customer_data_request(),
    ) {
        let decision = ok(&request);
        if decision.is_allowed() {
            prop_assert!(
                matches!(request.action, Action::Access | Action::Use | Action::Share),
                "{:?}: {}", request, decision
            );
            prop_assert!(matches!(request.party, Party::Affiliate | Party::Supplier), "{:?}: {}", request, decision);
            prop_assert!(
                matches!(request.purpose, Purpose::Troubleshooting | Purpose::ResolveSupportIssue),
                "{:?}: {}", request, decision
            );
            let duties = decision.obligations();
            prop_assert!(duties.contains(Obligation::SuperviseOverseasAccess), "{}", decision);
            prop_assert!(duties.contains(Obligation::EndAccessWhenResolved), "{}", decision);
        }
    }

    // "Payment Data": "We do not, however, retain the security code
    // associated with your payment instrument". Nobody stores or retains
    // it, ever; without a time context the deny is the security-code
    // clause's, forbidden.
    #[test]
    fn the_security_code_is_never_kept(
        request in valid_request(),
        action in one_of(ActionSet::STORAGE.iter()),
    ) {
        let request = request.with_data(DataElement::SecurityCode).with_action(action);
        let decision = ok(&request);
        prop_assert!(!decision.is_allowed(), "{:?}: {}", request, decision);
        if request.account.is_none() && request.service_terminated_at.is_none() && request.trial_ended_at.is_none() {
            prop_assert_eq!(decision.clause(), ClauseId::PaymentSecurityCodeNotRetained);
            prop_assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
        }
    }

    // "How We Store Your Personal Data": "Your Personal Data will be stored
    // in China. If necessary, your Personal Data may be transferred overseas
    // upon your authorization or in accordance with applicable laws and
    // regulations." The only bullet of "How We Share, Transfer, and
    // Disclose Your Data" that names overseas recipients without any
    // authorization is "21Vianet may share Administrator Data or Payment
    // Data with third parties within or outside China for the purpose of
    // fraud prevention or to process payment transactions". So an allow of
    // Personal Data outside China by a processor, for a request with no
    // authorization and no circumstance, is only ever for a fraud-prevention
    // or payment recipient with Administrator or Payment Data.
    //
    // The sentences speak of storing, using,
    // accessing, sending Personal Data (anything but deleting or
    // anonymizing it). Outside China, with no authorization and no
    // circumstance, that is allowed only for a fraud-prevention or payment
    // recipient, with Administrator or Payment Data, and always with the
    // duty of the same bullet: "They are required to take adequate security
    // measures to ensure that your Personal Data receives the level of
    // protection no less than that in China."
    #[test]
    fn personal_data_is_kept_or_sent_abroad_unauthorized_only_to_fraud_and_payment_recipients(
        request in unauthorized_personal_data_abroad(),
        action in one_of(ActionSet::ALL.difference(ERASURE).iter()),
    ) {
        let request = request.with_action(action);
        let decision = ok(&request);
        if decision.is_allowed() {
            let recipient = matches!(request.party, Party::FraudPreventionProvider | Party::PaymentProcessor);
            let admin_or_payment = ADMIN_OR_PAYMENT.contains(request.data);
            prop_assert!(recipient && admin_or_payment, "{:?}: {}", request, decision);
            prop_assert!(decision.obligations().contains(Obligation::ProtectNoLessThanInChina), "{}", decision);
        }
    }
}

// ---- 8: objections ------------------------------------------------------

proptest! {
    #![proptest_config(config(2_000))]

    // "Support Data": "If you are unwilling to participate in the survey,
    // you may unsubscribe …". Once unsubscribed, no support questionnaire
    // is sent, by anyone, with any data; where it would otherwise be
    // allowed, the unsubscription is the reason.
    #[test]
    fn no_survey_after_unsubscribing(base in survey_request()) {
        let objected = base.with_objection(Objection::SurveyUnsubscribed);
        let decision = ok(&objected);
        prop_assert!(!decision.is_allowed(), "{:?}: {}", objected, decision);
        if ok(&without_objection(base, Objection::SurveyUnsubscribed)).is_allowed() {
            prop_assert_eq!(decision.reason(), Some(Reason::SurveyUnsubscribed));
        }
    }

    // "How We Use Cookies and Similar Technologies": "You may object or
    // manage Cookies by changing the settings on your browser." Once the
    // user refused them, Cookie data is not processed any more: only its
    // deletion or anonymization may still be allowed.
    //
    // Fails: the engine lets a supplier be given the refused Cookie data
    // (share, disclose, transfer, even to the United States) under the
    // suppliers' bullet, while it denies the same supplier access to it.
    // Minimal counterexample: `{service: azure, party: supplier, action:
    // share, data: cookie_data, purpose: provide_service, location:
    // mainland_china, objections: [cookies_refused]}` → allow
    // (sharing_suppliers); `action: access` instead → deny
    // (cookies_user_control).
    #[test]
    fn refused_cookies_are_not_processed(request in cookie_request()) {
        let refused = request.with_objection(Objection::CookiesRefused);
        let decision = ok(&refused);
        prop_assert!(!decision.is_allowed() || ERASURE.contains(refused.action), "{:?}: {}", refused, decision);
    }

    // The same sentence, for setting and reading Cookies (collecting,
    // storing, using, accessing Cookie data): once refused, never allowed,
    // by 21Vianet or the third parties that set Cookies on its behalf;
    // where it would otherwise be allowed, the refusal is the reason, with
    // the sentence's advisory: "if you stop using Cookies, you may not enjoy
    // the best service experience".
    #[test]
    fn refused_cookies_are_neither_set_nor_read(
        request in cookie_request(),
        action in one_of(SET_AND_READ.iter()),
    ) {
        let base = request.with_action(action);
        let refused = base.with_objection(Objection::CookiesRefused);
        let decision = ok(&refused);
        prop_assert!(!decision.is_allowed(), "{:?}: {}", refused, decision);
        if ok(&without_objection(base, Objection::CookiesRefused)).is_allowed() {
            prop_assert_eq!(decision.reason(), Some(Reason::CookiesRefused));
            prop_assert!(decision.advisories().contains(Advisory::CookieRefusalMayDegradeService));
        }
    }

    // "Support Data": "You can choose to terminate live chat or Remote
    // Access at any time." After the customer ended the session, nobody
    // operates the machine remotely or records the session any more.
    #[test]
    fn no_remote_session_after_the_customer_ended_it(base in remote_session_request()) {
        let ended = base.with_objection(Objection::RemoteSessionEnded);
        let decision = ok(&ended);
        prop_assert!(!decision.is_allowed(), "{:?}: {}", ended, decision);
        if ok(&without_objection(base, Objection::RemoteSessionEnded)).is_allowed() {
            prop_assert_eq!(decision.reason(), Some(Reason::RemoteSessionEnded));
        }
    }

    // "Administrator Data": "Subject to your contact preferences, you may
    // also be contacted, by phone or e-mail, regarding information and
    // offers about other products and services or to request your
    // feedback", and "Third Party Offerings": "(and subject to your contact
    // preferences, send you promotional communications)". Without contact
    // preferences that allow it, nobody is contacted with offers, feedback
    // requests or promotions; with them, only by phone or e-mail.
    #[test]
    fn offers_only_as_contact_preferences_allow_and_only_by_phone_or_e_mail(request in offer_request()) {
        let decision = ok(&request);
        if !request.authorizations.contains(Authorization::ContactPreferences) {
            prop_assert!(!decision.is_allowed(), "{:?}: {}", request, decision);
        }
        if decision.is_allowed() {
            prop_assert!(PHONE_OR_EMAIL.contains(request.data), "{:?}: {}", request, decision);
        }
    }
}

// ---- 9, 10: minors and Previews -----------------------------------------

proptest! {
    #![proptest_config(config(2_500))]

    // "Protection of Minors": "If you are a minor under the age of 18, …
    // please use our Online Services or provide your data to us under the
    // condition that you have obtained the consent of your guardian."
    // Around the eighteenth birthday, counted on the China Standard Time
    // date of `at` (29 February turning 18 on 1 March in a common year):
    // an adult is decided as if no birth date were given; a minor's deny
    // stays that deny; a minor's allow stays an allow, with the advisory
    // that the guardian read the statement, only with the guardian's
    // consent, or for erasure or the legal retention of a closed account
    // (which protect or are required of them), or for a disclosure the law
    // or one of the six circumstances opens (which rests on no one's
    // choice); otherwise it becomes a deny that names the guardian's
    // consent as missing.
    #[test]
    fn a_minor_is_decided_as_an_adult_only_with_the_guardian_s_consent(request in birthday_request()) {
        let at = request.at.unwrap();
        let birth = request.subject_birth_date.unwrap();
        let minor = china_date(at) < eighteenth_birthday(birth);
        let decision = ok(&request);
        let unknown_age = ok(&{ let mut changed = request; changed.subject_birth_date = None; changed });
        if !minor || !unknown_age.is_allowed() {
            prop_assert_eq!(decision, unknown_age);
        } else if request.authorizations.contains(Authorization::GuardianConsent)
            || ERASURE.contains(request.action)
            || unknown_age.clause() == ClauseId::StorageRetentionAfterClosure
            || through_a_door_of_the_law(&request)
        {
            prop_assert_eq!(decision, advised(unknown_age, Advisory::GuardianShouldReadStatement));
        } else {
            prop_assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
            prop_assert_eq!(decision.clause(), ClauseId::MinorsGuardianConsent);
            prop_assert_eq!(decision.missing(), Authorization::GuardianConsent.set());
            prop_assert_eq!(decision.reason(), Some(Reason::MinorNeedsGuardianConsent));
        }
    }

    // "Protection of Minors" asks a guardian's consent of minors only: for
    // an adult (or a data subject of unknown age) adding the guardian's
    // consent never changes the decision.
    #[test]
    fn a_guardian_s_consent_changes_nothing_for_an_adult(request in prop_oneof![valid_request(), birthday_request()]) {
        let adult = match (request.subject_birth_date, request.at) {
            (Some(birth), Some(at)) => china_date(at) >= eighteenth_birthday(birth),
            _ => true,
        };
        if adult {
            let without = request.with_authorizations(request.authorizations.without(Authorization::GuardianConsent));
            prop_assert_eq!(ok(&without.with_authorization(Authorization::GuardianConsent)), ok(&without));
        }
    }

    // "Preview Releases": Previews are "optional evaluation versions of the
    // Online Services"; the one different term is "Security: … these
    // security measures may differ from the present security measures in
    // typical Online Services." A request in a Preview is decided exactly
    // as outside one, and an allow carries that advisory (an allow outside
    // a Preview never does).
    #[test]
    fn a_preview_is_decided_as_the_service_with_the_security_advisory(request in valid_request()) {
        let outside = ok(&{ let mut changed = request; changed.preview = false; changed });
        let inside = ok(&{ let mut changed = request; changed.preview = true; changed });
        prop_assert!(!outside.advisories().contains(Advisory::PreviewSecurityMayDiffer));
        prop_assert_eq!(inside, advised(outside, Advisory::PreviewSecurityMayDiffer));
    }
}

// ---- 11, 12: data subjects' requests ------------------------------------

/// When a `SubjectRequest` is answered: `near` its verification, if it
/// has one and `close`, else at `any` time (before the statement too).
fn reply_time(
    request: &SubjectRequest,
    close: bool,
    near: Duration,
    any: DateTime<FixedOffset>,
) -> DateTime<FixedOffset> {
    match request.identity_verified_at {
        Some(verified) if close => verified + near,
        _ => any,
    }
}

proptest! {
    #![proptest_config(config(5_000))]

    // "How You Can Manage Your Personal Data": "We will timely respond to
    // your request above after verifying your identity, and reply or make
    // reasonable explanations to you within 30 days or the time limit
    // stipulated by applicable laws and regulations", and "How to Contact
    // Us": "We will respond to you within 30 days after the verification of
    // your identity." A request has a due date only once the identity is
    // verified; the due date is the China Standard Time date of the
    // verification plus 30 days, or plus the statutory limit when that is
    // earlier, so never before the verification and never more than 30 days
    // after it; the deadline is the end of that day in China Standard Time,
    // after the verification and at most 31 days after it.
    #[test]
    fn a_subject_request_is_due_within_30_days_of_verification(request in subject_request()) {
        let Some(verified) = request.identity_verified_at else {
            prop_assert_eq!(request.due_date(), Err(RequestError::IdentityNotVerified));
            prop_assert_eq!(request.deadline(), Err(RequestError::IdentityNotVerified));
            return Ok(());
        };
        // Verified before the statement took effect: answered under an
        // earlier statement, not this one.
        if verified < StatementVersion::CURRENT.effective_from() {
            prop_assert_eq!(request.due_date().map_err(|e| e.code()), Err("before_statement_in_force"));
            return Ok(());
        }
        let due = request.due_date().unwrap();
        let days = (due - china_date(verified)).num_days();
        let limit = request.statutory_limit_days.map_or(RESPONSE_DAYS, |limit| limit.min(RESPONSE_DAYS));
        prop_assert_eq!(days, i64::from(limit));
        prop_assert!((0..=30).contains(&days));
        let deadline = request.deadline().unwrap();
        prop_assert_eq!(deadline, start_of_day(due.succ_opt().unwrap()));
        prop_assert_eq!(china_date(deadline - Duration::nanoseconds(1)), due);
        prop_assert!(deadline > verified && deadline - verified <= Duration::days(31), "{} → {}", verified, deadline);
    }

    // The same section, and "We will not substantively respond to data
    // protection and privacy requests from your end users without your
    // prior written instruction, unless required by applicable laws and
    // regulations" (sharing section), and "If we decide to respond to your
    // request for deletion, we will also notify the supplier or
    // subcontractor …" and "If you choose to delete your Personal Data or
    // change the scope of the authorization, it may result in our failure
    // to provide certain Online Services". A reply at `at`: an error before
    // the statement took effect; for an end user, only with the customer's
    // prior written instruction or a legal requirement (the deny names
    // both); only once the identity is verified, at or before `at`; then
    // allowed, with the duty to respond by the due date, the duty to pass a
    // deletion on to suppliers and subcontractors for a deletion, and the
    // advice that services may suffer for a deletion or a change of the
    // authorization.
    #[test]
    fn a_reply_needs_the_verified_identity_and_for_an_end_user_the_customer_s_instruction(
        request in subject_request(),
        close in any::<bool>(),
        near in shift(),
        other_time in prop_oneof![3 => instant(), 1 => early_instant()],
    ) {
        let at = reply_time(&request, close, near, other_time);
        let reply = request.respond(at);
        if at < StatementVersion::CURRENT.effective_from() {
            prop_assert_eq!(reply.map_err(|e| e.code()), Err("before_statement_in_force"));
            return Ok(());
        }
        let instructed = AuthorizationSet::of(&[Authorization::PriorWrittenInstruction, Authorization::LegalRequirement]);
        let may_answer = request.requester != Requester::EndUser || request.authorizations.intersects(instructed);
        let effective = StatementVersion::CURRENT.effective_from();
        if may_answer && request.identity_verified_at.is_some_and(|verified| verified <= at && verified < effective) {
            // Verified before the statement took effect: not this statement's.
            prop_assert_eq!(reply.map_err(|e| e.code()), Err("before_statement_in_force"));
            return Ok(());
        }
        let reply = reply.unwrap();
        if request.requester == Requester::EndUser && !request.authorizations.intersects(instructed) {
            prop_assert_eq!(reply.deny_kind(), Some(DenyKind::NeedsAuthorization));
            prop_assert_eq!(reply.clause(), ClauseId::SharingEndUserRequests);
            prop_assert_eq!(reply.missing(), instructed);
        } else if !request.identity_verified_at.is_some_and(|verified| verified <= at) {
            prop_assert_eq!(reply.reason(), Some(Reason::ResponseNeedsVerifiedIdentity));
            prop_assert_eq!(reply.deny_kind(), Some(DenyKind::NotPermitted));
        } else {
            prop_assert!(reply.is_allowed(), "{}", reply);
            prop_assert_eq!(reply.clause(), ClauseId::ManagingIdentityAndResponseTime);
            let deleting = request.kind == SubjectRequestKind::Delete;
            let mut duties = Obligation::RespondByDueDate.set();
            if deleting {
                duties.insert(Obligation::NotifyRecipientsToDelete);
            }
            prop_assert_eq!(reply.obligations(), duties);
            let costly = deleting || request.kind == SubjectRequestKind::ChangeAuthorization;
            prop_assert_eq!(reply.advisories().contains(Advisory::DeletionMayAffectServices), costly);
        }
    }

    // "Notwithstanding the above, pursuant to applicable laws and
    // regulations, we may not need to respond to your requests under the
    // following circumstances": seven grounds in the English text, eight in
    // the Chinese one (8) 涉及商业秘密的, trade secrets), whose first item
    // differs (the data subject's legal obligations in English, the
    // controller's, 个人信息控制者, in Chinese). Whatever the request, a
    // refusal stands exactly on a ground one of the texts lists, and a
    // caller can tell which: a ground of the English list cites the English
    // list, a Chinese-only ground cites its own clause; any other ground is
    // denied as not listed. The two texts share six grounds.
    #[test]
    fn a_refusal_stands_only_on_a_listed_ground_and_cites_the_text_that_lists_it(
        request in subject_request(),
        ground in pick(RefusalGround::ALL),
    ) {
        let refusal = request.refuse(ground);
        prop_assert_eq!(refusal, SubjectRequest::new(Requester::Customer, SubjectRequestKind::Other).refuse(ground));
        let (english, chinese) = (ground.texts().contains(&Language::En), ground.texts().contains(&Language::ZhCn));
        let shared = RefusalGround::ALL.iter().filter(|g| g.texts().len() == 2).count();
        prop_assert_eq!(shared, 6);
        prop_assert_eq!(refusal.is_allowed(), english || chinese);
        prop_assert_eq!(refusal.is_allowed(), ground.is_listed());
        if english {
            prop_assert_eq!(refusal.clause(), ClauseId::ManagingRefusalGrounds);
        } else if chinese {
            prop_assert!(matches!(
                refusal.clause(),
                ClauseId::ManagingRefusalTradeSecrets | ClauseId::ManagingRefusalControllerObligations
            ));
        } else {
            prop_assert_eq!(refusal.deny_kind(), Some(DenyKind::NotPermitted));
            prop_assert_eq!(refusal.reason(), Some(Reason::RefusalGroundNotListed));
        }
    }
}

// ---- 13: compliance with law --------------------------------------------

proptest! {
    #![proptest_config(config(3_000))]

    // "Compliance with Law", as a whole: a compliance request is decided
    // unless it is dated before the statement or lacks a fact its activity
    // needs (then the error names the missing field, which is indeed
    // missing), never with a panic; a decision names a clause of the
    // section and the version, and missing authorizations exactly when it
    // needs one.
    #[test]
    fn every_compliance_request_is_decided_or_names_what_is_missing(request in compliance_request()) {
        match decide_compliance(&request) {
            Err(RequestError::BeforeStatementInForce { .. }) => {
                prop_assert!(request.at.is_some_and(|at| at < StatementVersion::CURRENT.effective_from()));
            }
            Err(RequestError::MissingComplianceFact { activity, field, .. }) => {
                prop_assert_eq!(activity, request.activity);
                let missing = match field {
                    "prohibited_content" => request.prohibited_content.is_none(),
                    "website" => request.website.is_none(),
                    "subject_to_permit_or_approval" => request.subject_to_permit_or_approval.is_none(),
                    "recorded_at" => request.recorded_at.is_none(),
                    "at" => request.at.is_none(),
                    _ => false,
                };
                prop_assert!(missing, "`{}` said missing in {:?}", field, request);
            }
            Err(other) => prop_assert!(false, "{}", other),
            Ok(decision) => {
                prop_assert_eq!(decision.statement_version(), StatementVersion::CURRENT);
                prop_assert_eq!(decision.deny_kind() == Some(DenyKind::NeedsAuthorization), !decision.missing().is_empty());
            }
        }
    }

    // "Compliance with Law": "An Internet information service provider
    // shall not produce, reproduce, publish, or disseminate information that
    // includes … Prohibited Content"; "If an Internet information service
    // provider discovers that information distributed on its website falls
    // within the scope of the Prohibited Content, it shall promptly
    // terminate the distribution, keep relevant records, and report";
    // "if your website provides non-operational Internet information
    // services, Customer will make the filing …; if … operational …, you
    // will obtain the VAT permit"; "you will keep records of the information
    // provided, time of publishing and the Internet address or domain
    // name"; "You will provide your real identity and contact information
    // when registering … and promptly update that information …. You
    // warrant that the information you provide is true, complete, and
    // valid". Whatever else a request holds, none of these is ever allowed:
    // making, copying, publishing, transmitting or serving Prohibited
    // Content; serving a website without its filing or VAT permit (or
    // without the approval its business is subject to); publishing without
    // the three records; registering or updating with false or incomplete
    // identity. And what is allowed carries the section's duties.
    #[test]
    fn what_compliance_with_law_forbids_is_never_allowed(request in compliance_request()) {
        let Ok(decision) = decide_compliance(&request) else { return Ok(()) };
        let duties = decision.obligations();
        let activity = request.activity;
        if ActivitySet::CONTENT.with(Activity::ServeWebsite).contains(activity) && request.prohibited_content.is_some() {
            prop_assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
            prop_assert_eq!(decision.clause(), ClauseId::NoProhibitedContent);
        }
        if !decision.is_allowed() {
            return Ok(());
        }
        match activity {
            Activity::ServeWebsite => {
                let kind = request.website.unwrap();
                prop_assert!(request.authorizations.contains(kind.required_authorization()), "{:?}", request);
                if request.subject_to_permit_or_approval == Some(true) {
                    prop_assert!(request.authorizations.contains(Authorization::GovernmentPermitOrApproval));
                }
                prop_assert!(duties.contains(Obligation::KeepInformationRecords), "{}", decision);
            }
            Activity::Publish | Activity::Disseminate => {
                prop_assert_eq!(request.records_kept, RecordItemSet::ALL);
                prop_assert!(duties.contains(Obligation::KeepInformationRecords), "{}", decision);
            }
            Activity::DiscoverProhibitedContent => {
                let stop_keep_report = ObligationSet::of(&[
                    Obligation::StopTransmission,
                    Obligation::KeepRelevantRecords,
                    Obligation::ReportToAuthorities,
                ]);
                prop_assert!(stop_keep_report.is_subset(duties), "{}", decision);
            }
            Activity::Register | Activity::UpdateRegistration => {
                prop_assert!(request.identity_false.is_empty(), "{:?}", request);
                prop_assert_eq!(request.identity_provided, RegistrationInfoSet::ALL);
                prop_assert!(duties.contains(Obligation::KeepRegistrationUpToDate), "{}", decision);
            }
            _ => {}
        }
    }
}

// ---- incidents and changes to the statement -----------------------------

proptest! {
    #![proptest_config(config(5_000))]

    // "How We Protect Your Personal Data": a Personal Data security
    // incident brings prompt notice "informing you of the basic
    // circumstances and possible impacts of the security incidents, the
    // measures we have taken or will take, advice for you on self-prevention
    // and mitigation of risks, remedial measures for you"; a cyber security
    // incident, the emergency response plan, remedial measures and a report
    // to the competent authorities. An incident of one or both kinds brings
    // exactly the union of their duties, each citing its kind's clause; its
    // checklist accepts exactly those duties, in any order and any number
    // of times, and is complete exactly when each has been checked off.
    #[test]
    fn an_incident_s_checklist_is_complete_exactly_when_its_duties_are_done(
        kinds in subset::<IncidentKind, IncidentKindSet>(IncidentKind::ALL),
        checks in proptest::collection::vec(pick(Obligation::ALL), 0..40),
    ) {
        let required = kinds.iter().fold(ObligationSet::EMPTY, |all, kind| all.union(incident_obligations(kind)));
        for duty in required.iter() {
            let clause = if incident_obligations(IncidentKind::PersonalDataSecurity).contains(duty) {
                ClauseId::ProtectionPersonalDataIncident
            } else {
                ClauseId::ProtectionCyberSecurityIncident
            };
            prop_assert_eq!(duty.clause(), clause);
        }
        let mut checklist = Checklist::new(required);
        let mut done = ObligationSet::EMPTY;
        for duty in checks {
            prop_assert_eq!(checklist.check_off(duty), required.contains(duty));
            if required.contains(duty) {
                done.insert(duty);
            }
            prop_assert_eq!(checklist.open(), required.difference(done));
            prop_assert_eq!(checklist.is_complete(), required.is_subset(done));
        }
        let json = wire::to_json(&checklist).unwrap();
        prop_assert_eq!(wire::from_json::<Checklist>(&json).unwrap(), checklist);
    }

    // "Changes to this Privacy Statement": "When we post changes to the
    // Privacy Statement, we will revise the “last updated” date at the top
    // of the Privacy Statement. If there are substantial changes … we will
    // notify you … before they take effect." A change cannot take effect
    // before this version did (an error); any other change that is not
    // substantial is allowed, whatever notice it has, with exactly the duty
    // to revise the date; every allowed change carries that duty, and an
    // allowed substantial change also the duty of prior notice, under the
    // notice clause; a denied one says why.
    #[test]
    fn every_change_revises_the_date_and_only_a_substantial_one_needs_notice(change in statement_change()) {
        let checked = change.check();
        if change.takes_effect < StatementVersion::CURRENT.effective_from() {
            prop_assert_eq!(checked.map_err(|e| e.code()), Err("before_statement_in_force"));
            return Ok(());
        }
        let decision = checked.unwrap();
        if !change.substantial {
            prop_assert!(decision.is_allowed(), "{}", decision);
            prop_assert_eq!(decision.clause(), ClauseId::ChangesLastUpdated);
            prop_assert_eq!(decision.obligations(), Obligation::ReviseLastUpdatedDate.set());
        } else if decision.is_allowed() {
            prop_assert_eq!(decision.clause(), ClauseId::ChangesSubstantialNotice);
            prop_assert!(decision.obligations().contains(Obligation::ReviseLastUpdatedDate));
            prop_assert!(decision.obligations().contains(Obligation::NotifySubstantialChange));
        } else {
            prop_assert_eq!(decision.reason(), Some(Reason::SubstantialChangeNeedsPriorNotice));
        }
    }
}

// ---- 14: the wire format --------------------------------------------------

/// `value` written as JSON, read back, and written again: the same value
/// and the same text (so offsets and fractions of seconds survive too,
/// which `DateTime`'s equality alone would not show).
fn round_trip<T>(value: &T) -> Result<T, TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + core::fmt::Debug,
{
    let json = wire::to_json(value).unwrap();
    let back: T = wire::from_json(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, value);
    prop_assert_eq!(wire::to_json(&back).unwrap(), json);
    Ok(back)
}

proptest! {
    #![proptest_config(config(2_000))]

    // The wire format carries a request exactly (docs/wire-format.md): every
    // generated request, with its whole time context, survives JSON
    // unchanged (offsets and fractions of a second included), reads back
    // through `parse_request`, and is decided as before (the same decision,
    // or the same error); every decision survives JSON unchanged too.
    #[test]
    fn requests_and_decisions_round_trip_through_json(request in any_request()) {
        let back = round_trip(&request)?;
        let json = wire::to_json(&request).unwrap();
        prop_assert_eq!(wire::parse_request(&json).unwrap(), request);
        let decision = decide(&request);
        prop_assert_eq!(decide(&back), decision);
        if let Ok(decision) = decision {
            round_trip(&decision)?;
            let text = wire::to_json(&decision).unwrap();
            prop_assert_eq!(wire::parse_decision(&text).unwrap(), decision);
        }
    }

    // The same for the other request types and their decisions: a
    // data-subject request (and its reply), a compliance request (and its
    // decision), a change to the statement (and its check).
    #[test]
    fn the_other_requests_and_their_decisions_round_trip_through_json(
        subject in subject_request(),
        compliance in compliance_request(),
        change in statement_change(),
        at in instant(),
    ) {
        let subject_back = round_trip(&subject)?;
        prop_assert_eq!(subject_back.respond(at), subject.respond(at));
        if let Ok(reply) = subject.respond(at) {
            round_trip(&reply)?;
        }
        let compliance_back = round_trip(&compliance)?;
        prop_assert_eq!(decide_compliance(&compliance_back), decide_compliance(&compliance));
        let json = wire::to_json(&compliance).unwrap();
        prop_assert_eq!(wire::decide_compliance_json(&json).ok(), decide_compliance(&compliance).ok());
        if let Ok(decision) = decide_compliance(&compliance) {
            round_trip(&decision)?;
        }
        let change_back = round_trip(&change)?;
        prop_assert_eq!(change_back.check(), change.check());
        if let Ok(decision) = change.check() {
            round_trip(&decision)?;
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

/// The targeted generators reach the requests their properties speak of:
/// each rule's allows (so that "if allowed then …" is tested), and the
/// requests an objection or a minor's age turns from allow into deny.
#[test]
fn the_targeted_generators_reach_their_allows() {
    let allows = |requests: Vec<Request>, what: &dyn Fn(&Request) -> bool| {
        requests.iter().filter(|r| what(r) && ok(r).is_allowed()).count()
    };
    let terminated = |r: &Request| r.service_terminated_at.is_some_and(|t| r.at.unwrap() >= t);
    let retained = |r: &Request| matches!(r.account, Some(Account::Closed { retention_expires, .. }) if r.at.unwrap() < retention_expires);
    let minor = |r: &Request| china_date(r.at.unwrap()) < eighteenth_birthday(r.subject_birth_date.unwrap());
    let unknown_age = |r: &Request| {
        ok(&{
            let mut changed = *r;
            changed.subject_birth_date = None;
            changed
        })
        .is_allowed()
    };
    let births = sample(birthday_request(), 1_000);
    let ended = sample(ended_request(), 1_000);
    let counts = [
        (
            "termination: erasure",
            allows(ended.clone(), &|r| terminated(r) && ERASURE.contains(r.action)),
        ),
        (
            "termination: notice",
            allows(ended.clone(), &|r| terminated(r) && r.action == Action::Contact),
        ),
        (
            "retention: keeping",
            allows(ended.clone(), &|r| {
                !terminated(r) && retained(r) && !ERASURE.contains(r.action)
            }),
        ),
        (
            "retention expired: erasure",
            allows(ended.clone(), &|r| !terminated(r) && !retained(r)),
        ),
        (
            "overseas troubleshooting",
            allows(sample(overseas_customer_data_request(), 1_000), &|_| true),
        ),
        (
            "fraud or payment abroad",
            allows(sample(unauthorized_personal_data_abroad(), 1_000), &|r| {
                !ERASURE.contains(r.action)
            }),
        ),
        ("offers", allows(sample(offer_request(), 1_000), &|_| true)),
        (
            "cookies set or read",
            allows(sample(cookie_request(), 1_000), &|r| SET_AND_READ.contains(r.action)),
        ),
        ("survey", allows(sample(survey_request(), 1_000), &|_| true)),
        (
            "remote session",
            allows(sample(remote_session_request(), 1_000), &|_| true),
        ),
        (
            "minor, allowed at unknown age",
            births.iter().filter(|r| minor(r) && unknown_age(r)).count(),
        ),
        (
            "minor, guardian's consent missing",
            births
                .iter()
                .filter(|r| ok(r).clause() == ClauseId::MinorsGuardianConsent)
                .count(),
        ),
        (
            "adult, allowed",
            births.iter().filter(|r| !minor(r) && unknown_age(r)).count(),
        ),
        (
            "on the eighteenth birthday",
            births
                .iter()
                .filter(|r| china_date(r.at.unwrap()) == eighteenth_birthday(r.subject_birth_date.unwrap()))
                .count(),
        ),
        (
            "the day before",
            births
                .iter()
                .filter(|r| {
                    china_date(r.at.unwrap()).succ_opt() == Some(eighteenth_birthday(r.subject_birth_date.unwrap()))
                })
                .count(),
        ),
        (
            "born on 29 February",
            births
                .iter()
                .filter(|r| r.subject_birth_date.unwrap().month() == 2 && r.subject_birth_date.unwrap().day() == 29)
                .count(),
        ),
    ];
    for (what, n) in counts {
        assert!(n >= 10, "only {n} generated: {what}");
    }
}

proptest! {
    #![proptest_config(config(2_000))]

    // The vocabulary's sets (the authorizations a request brings, the
    // obligations an allow carries, ...): a set lists exactly the names it
    // holds, each once, in the order the vocabulary declares them, and
    // its wire form reads back as the same set.
    #[test]
    fn a_set_lists_exactly_its_values_in_declaration_order(
        data in subset::<DataElement, DataElementSet>(DataElement::ALL),
        obligations in subset::<Obligation, ObligationSet>(Obligation::ALL),
        purposes in subset::<Purpose, PurposeSet>(Purpose::ALL),
        authorizations in subset::<Authorization, AuthorizationSet>(Authorization::ALL),
    ) {
        fn listed<T: Copy + PartialEq + core::fmt::Debug>(all: &[T], listed: Vec<T>, contains: impl Fn(T) -> bool) {
            let expected: Vec<T> = all.iter().copied().filter(|value| contains(*value)).collect();
            assert_eq!(listed, expected);
        }
        listed(DataElement::ALL, data.iter().collect(), |value| data.contains(value));
        listed(Obligation::ALL, obligations.iter().collect(), |value| obligations.contains(value));
        listed(Purpose::ALL, purposes.iter().collect(), |value| purposes.contains(value));
        listed(Authorization::ALL, authorizations.iter().collect(), |value| authorizations.contains(value));
        prop_assert_eq!(data.iter().count(), data.len());
        let json = serde_json::to_string(&obligations).expect("a set is written");
        prop_assert_eq!(serde_json::from_str::<ObligationSet>(&json).expect("and read back"), obligations);
    }
}
