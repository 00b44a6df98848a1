//! The evaluator: one pipeline that reads the statement's rules and
//! answers a request, top-down:
//!
//! 1. **validate** the request ([`Request::validate`]): contradictory or
//!    too early times are errors, never decisions;
//! 2. **time rules** read before the limits: the end of a service, of an
//!    account's retention period, of a trial denies what it no longer
//!    allows ([`statement`]'s `time_limits`);
//! 3. **limits**, in order: the first limit a request breaks denies it,
//!    with the limit's kind and reason (or, when an exception would apply
//!    with an authorization the request lacks, a
//!    [`DenyKind::NeedsAuthorization`](crate::DenyKind) naming it); then
//!    what the ends of things still allow (`time_permits`);
//! 4. **permissions**: every permission in scope whose needs are met
//!    applies; the first gives the allow its clause, all of them their
//!    duties; else the first in scope that lacks an authorization gives the
//!    deny its clause and reason and names what is missing; else the
//!    data's own section denies it with its purpose limitation, never "no
//!    rule matched";
//! 5. **conditions** on the finished decision: a minor's guardian consent,
//!    the Preview advisory ([`statement`]'s `conditions`).
//!
//! Steps 2 to 4 run through [`index`], the rules precomputed into bit
//! masks at compile time; [`linear`] reads the same rules one by one and
//! is the reference the index is tested against. Both build their answers
//! with [`apply`]. Everything is `Copy` data and bit operations: no
//! allocation, no lock, no I/O, no hashing.
//!
//! The modules depend one way: `eval` reads `statement` and `model`;
//! nothing there reads `eval`.

pub(crate) mod apply;
pub(crate) mod index;
pub(crate) mod linear;
#[cfg(feature = "tracing")]
pub(crate) mod trace;

use crate::statement;
use crate::{Authorization, AuthorizationSet, CircumstanceSet, Decision, Request, RequestError};

/// Decides a request under the statement version this crate encodes.
///
/// Fails closed: what the statement does not permit is denied, with the
/// most specific reason the statement gives. A request dated before the
/// statement took effect is an error, not a guess.
///
/// With the `tracing` feature, each call emits one event with the
/// decision's fields (target [`TRACING_TARGET`](crate::TRACING_TARGET)):
/// `DEBUG` for an allow, `INFO` for a deny, `WARN` for a request that is an
/// error. Without it, nothing is emitted and nothing is compiled in.
///
/// ```
/// use vianet_privacy::{decide, Action, DataElement, Location, Obligation, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::CustomerContent,
///     Purpose::Troubleshooting,
///     Location::UnitedStates,
/// );
/// let decision = decide(&request)?;
/// assert!(decision.is_allowed());
/// assert!(decision.obligations().contains(Obligation::SuperviseOverseasAccess));
/// # Ok::<(), vianet_privacy::RequestError>(())
/// ```
pub fn decide(request: &Request) -> Result<Decision, RequestError> {
    let outcome = pipeline(request);
    // With the `tracing` feature, one event per decision.
    #[cfg(feature = "tracing")]
    trace::decision(request, &outcome);
    outcome
}

/// The pipeline, top-down.
#[inline]
fn pipeline(request: &Request) -> Result<Decision, RequestError> {
    // 1. Is the request well formed (times in order, in force)?
    request.validate()?;
    // 2.–4. The time rules, the limits, the permissions: through the
    // compile-time index of the rules.
    let evaluated = index::evaluate(request);
    // 5. The conditions on the finished decision (a minor's guardian
    // consent, the Preview advisory).
    Ok(statement::conditions(request, evaluated))
}

/// [`decide`] through the linear evaluation: every rule read in order, no
/// index. The reference the indexed evaluation is tested against and
/// benchmarked beside; not part of the stable API.
///
/// ```
/// use vianet_privacy::{decide, decide_reference, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::CustomerContent,
///     Purpose::Troubleshooting,
///     Location::UnitedStates,
/// );
/// assert_eq!(decide_reference(&request)?, decide(&request)?);
/// # Ok::<(), vianet_privacy::RequestError>(())
/// ```
#[doc(hidden)]
pub fn decide_reference(request: &Request) -> Result<Decision, RequestError> {
    request.validate()?;
    Ok(statement::conditions(request, linear::evaluate(request)))
}

/// What a request's decision can depend on, beyond its five dimensions:
/// see [`authorizations_read`].
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reads {
    /// The authorizations the rules in scope name.
    pub authorizations: AuthorizationSet,
    /// The circumstances the rules in scope name.
    pub circumstances: CircumstanceSet,
}

/// The authorizations and circumstances a request's decision can depend
/// on: those that the limits' exceptions and the permissions in scope of
/// the request name (scopes do not read them), the legal prohibition on
/// notice where a permission in scope carries the duty to notify, and the
/// guardian's consent where the data subject's birth date is given.
/// Whatever else the request carries cannot change its decision.
///
/// For the exhaustive check (`tests/exhaustive.rs`), which enumerates every
/// subset of these for every request; not part of the stable API.
///
/// ```
/// use vianet_privacy::{authorizations_read, Action, Authorization, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::SupportContactInfo,
///     Purpose::ResolveSupportIssue,
///     Location::Taiwan,
/// );
/// let read = authorizations_read(&request);
/// assert!(read.authorizations.contains(Authorization::PriorConsentAfterExplanation));
/// assert!(!read.authorizations.contains(Authorization::ContactPreferences));
/// ```
#[doc(hidden)]
pub fn authorizations_read(request: &Request) -> Reads {
    let mut read = Reads {
        authorizations: AuthorizationSet::EMPTY,
        circumstances: CircumstanceSet::EMPTY,
    };
    let mut needs = |needs: &crate::statement::rule::Needs| {
        read.authorizations = read.authorizations.union(needs.all_of).union(needs.any_of);
        read.circumstances = read.circumstances.union(needs.circumstances);
    };
    for limit in statement::LIMITS.iter().flat_map(|limits| limits.iter()) {
        if limit.scope.matches(request) {
            for exception in limit.unless.iter().filter(|exception| exception.scope.matches(request)) {
                needs(&exception.needs);
            }
        }
    }
    let mut notice = false;
    for permit in statement::PERMITS.iter().flat_map(|permits| permits.iter()) {
        if permit.scope.matches(request) {
            needs(&permit.needs);
            notice |= permit.notice_unless_prohibited;
        }
    }
    if notice {
        read.authorizations.insert(Authorization::LegalProhibitionOnNotice);
    }
    if request.subject_birth_date.is_some() {
        read.authorizations.insert(Authorization::GuardianConsent);
    }
    read
}
