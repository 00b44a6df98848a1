//! The evaluator: reads the statement's rules and answers a request.
//!
//! 1. **Limits**, in order: the first limit a request breaks denies it,
//!    with the limit's kind and reason (or, when an exception would apply
//!    with an authorization the request lacks, a
//!    [`DenyKind::NeedsAuthorization`] naming it).
//! 2. **Permissions**, in order: the first that applies allows the request
//!    with its obligations (plus the protection section's duties).
//! 3. A permission in scope but lacking an authorization gives the deny its
//!    clause and reason, and names what is missing.
//! 4. Otherwise the data's own section denies it with its purpose
//!    limitation: never "no rule matched".
//!
//! Time rules sit around these steps: the end of a service, an account's
//! retention period or a trial is read before the limits (deny) and after
//! them (allow); a minor's guardian consent and the Preview advisory are
//! conditions on the finished decision. See [`crate::statement`].
//!
//! Everything here is `Copy` data and bit operations: no allocation, no
//! lock, no I/O, no hashing.

use crate::rule::{Limit, Permit};
use crate::statement;
use crate::{
    Allow, Authorization, AuthorizationSet, Decision, Deny, DenyKind, Obligation, Request, RequestError,
    StatementVersion,
};

/// Decides a request under the statement version this crate encodes.
///
/// Fails closed: what the statement does not permit is denied, with the
/// most specific reason the statement gives. A request dated before the
/// statement took effect is an error, not a guess.
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
    request.validate()?;
    Ok(statement::conditions(request, crate::index::evaluate(request)))
}

/// The rule evaluation proper, for a request already checked.
pub(crate) fn evaluate(request: &Request) -> Decision {
    if let Some(deny) = statement::time_limits(request) {
        return Decision::Deny(deny);
    }
    for limits in statement::LIMITS {
        for limit in *limits {
            if let Some(deny) = apply_limit(limit, request) {
                return Decision::Deny(deny);
            }
        }
    }

    if let Some(allow) = statement::time_permits(request) {
        return Decision::Allow(allow);
    }

    let mut near_miss: Option<&Permit> = None;
    let mut missing = AuthorizationSet::EMPTY;
    for permits in statement::PERMITS {
        for permit in *permits {
            if !permit.scope.matches(request) {
                continue;
            }
            if permit.needs.is_met(request) {
                return Decision::Allow(allow(permit, request));
            }
            if near_miss.is_none() {
                near_miss = Some(permit);
            }
            missing = missing.union(permit.needs.missing(request));
        }
    }

    deny_unpermitted(near_miss, missing, request)
}

/// The deny of a request no permission allows: needing an authorization
/// (the first permission in scope gives the clause and reason, all of them
/// what is missing), or else the section's own purpose limitation.
pub(crate) fn deny_unpermitted(near_miss: Option<&Permit>, missing: AuthorizationSet, request: &Request) -> Decision {
    if let Some(permit) = near_miss {
        return Decision::Deny(Deny {
            clause: permit.clause,
            kind: DenyKind::NeedsAuthorization,
            reason: permit.reason,
            missing,
            advisories: permit.advisories,
            statement_version: StatementVersion::CURRENT,
        });
    }

    let (clause, reason) = statement::fallback(request);
    Decision::Deny(Deny {
        clause,
        kind: DenyKind::NotPermitted,
        reason,
        missing: AuthorizationSet::EMPTY,
        advisories: crate::AdvisorySet::EMPTY,
        statement_version: StatementVersion::CURRENT,
    })
}

pub(crate) fn apply_limit(limit: &Limit, request: &Request) -> Option<Deny> {
    if !limit.scope.matches(request) {
        return None;
    }
    if !limit.objections.is_empty() && !limit.objections.intersects(request.objections) {
        return None;
    }
    let mut in_scope = false;
    let mut missing = AuthorizationSet::EMPTY;
    for exception in limit.unless {
        if exception.scope.matches(request) {
            if exception.needs.is_met(request) {
                return None;
            }
            in_scope = true;
            missing = missing.union(exception.needs.missing(request));
        }
    }
    let kind = if in_scope && !missing.is_empty() {
        DenyKind::NeedsAuthorization
    } else {
        limit.kind
    };
    let missing = if kind == DenyKind::NeedsAuthorization {
        missing
    } else {
        AuthorizationSet::EMPTY
    };
    Some(Deny {
        clause: limit.clause,
        kind,
        reason: limit.reason,
        missing,
        advisories: limit.advisories,
        statement_version: StatementVersion::CURRENT,
    })
}

pub(crate) fn allow(permit: &Permit, request: &Request) -> Allow {
    let mut obligations = permit.obligations.union(statement::duties(request));
    if permit.notice_unless_prohibited && !request.authorizations.contains(Authorization::LegalProhibitionOnNotice) {
        obligations.insert(Obligation::NotifyCustomerBeforeDisclosure);
    }
    Allow {
        clause: permit.clause,
        obligations,
        advisories: permit.advisories,
        statement_version: StatementVersion::CURRENT,
    }
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
    Ok(statement::conditions(request, evaluate(request)))
}

/// The authorizations a request's decision can depend on, and whether it
/// can depend on the circumstance: those that the limits and permissions
/// in scope of the request name (scopes do not read authorizations), the
/// legal prohibition on notice where a permission in scope carries the
/// duty to notify, and the guardian's consent where the data subject's
/// birth date is given. Whatever else the request carries, and which of
/// the six circumstances it names, cannot change its decision.
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
/// let (read, _) = authorizations_read(&request);
/// assert!(read.contains(Authorization::PriorConsentAfterExplanation));
/// assert!(!read.contains(Authorization::ContactPreferences));
/// ```
#[doc(hidden)]
pub fn authorizations_read(request: &Request) -> (AuthorizationSet, bool) {
    let mut read = AuthorizationSet::EMPTY;
    let mut circumstance = false;
    let mut needs = |needs: &crate::rule::Needs| {
        read = read.union(needs.all_of).union(needs.any_of);
        circumstance |= needs.circumstance;
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
        read.insert(Authorization::LegalProhibitionOnNotice);
    }
    if request.subject_birth_date.is_some() {
        read.insert(Authorization::GuardianConsent);
    }
    (read, circumstance)
}
