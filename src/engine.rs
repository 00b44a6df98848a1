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

use crate::decision::Evaluated;
use crate::rule::{Limit, Permit};
use crate::statement;
use crate::{
    AdvisorySet, Allow, Authorization, AuthorizationSet, CircumstanceSet, Decision, Deny, DenyKind, Obligation,
    ObligationSet, Request, RequestError, StatementVersion,
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
pub(crate) fn evaluate(request: &Request) -> Evaluated {
    if let Some(deny) = statement::time_limits(request) {
        return Evaluated::deny(deny);
    }
    for limits in statement::LIMITS {
        for limit in *limits {
            if let Some(deny) = apply_limit(limit, request) {
                return Evaluated::deny(deny);
            }
        }
    }

    if let Some(allow) = statement::time_permits(request) {
        return allow;
    }

    let mut applying = Applying::NONE;
    let mut near_miss: Option<&'static Permit> = None;
    let mut missing = AuthorizationSet::EMPTY;
    for permits in statement::PERMITS.iter().copied() {
        for permit in permits {
            if !permit.scope.matches(request) {
                continue;
            }
            if permit.needs.is_met(request) {
                applying.add(permit);
            } else {
                near(permit, request, &mut near_miss, &mut missing);
            }
        }
    }
    match applying.allow(request) {
        Some(allow) => allow,
        None => Evaluated::deny(deny_unpermitted(near_miss, missing, request)),
    }
}

/// The permissions that apply to a request, gathered in the evaluator's
/// order: the first gives the allow its clause, and every one of them its
/// duties and advisories, so that a request allowed on two grounds carries
/// the duties of both (adding an authorization never removes a duty).
pub(crate) struct Applying {
    first: Option<&'static Permit>,
    obligations: ObligationSet,
    advisories: AdvisorySet,
    notice: bool,
    by_law: bool,
}

impl Applying {
    pub(crate) const NONE: Applying = Applying {
        first: None,
        obligations: ObligationSet::EMPTY,
        advisories: AdvisorySet::EMPTY,
        notice: false,
        by_law: false,
    };

    /// One more permission that applies.
    #[inline]
    pub(crate) fn add(&mut self, permit: &'static Permit) {
        if self.first.is_none() {
            self.first = Some(permit);
        }
        self.obligations = self.obligations.union(permit.obligations);
        self.advisories = self.advisories.union(permit.advisories);
        self.notice |= permit.notice_unless_prohibited;
        self.by_law |= permit.needs.rests_on_law();
    }

    /// The allow, if any permission applies: the first one's clause, every
    /// one's duties and advisories, the protection and recipients' duties,
    /// and the advance notice unless the law prohibits it.
    #[inline]
    pub(crate) fn allow(self, request: &Request) -> Option<Evaluated> {
        let permit = self.first?;
        let mut obligations = self.obligations.union(statement::duties(request));
        if self.notice && !request.authorizations.contains(Authorization::LegalProhibitionOnNotice) {
            obligations.insert(Obligation::NotifyCustomerBeforeDisclosure);
        }
        Some(Evaluated {
            decision: Decision::Allow(Allow {
                clause: permit.clause,
                obligations,
                advisories: self.advisories,
                statement_version: StatementVersion::CURRENT,
            }),
            by_law: self.by_law,
        })
    }
}

/// A permission in scope whose needs the request does not meet: a near
/// miss if an authorization would meet them (one that only a circumstance
/// the request does not have would meet names nothing to add, and is not).
#[inline]
pub(crate) fn near(
    permit: &'static Permit,
    request: &Request,
    near_miss: &mut Option<&'static Permit>,
    missing: &mut AuthorizationSet,
) {
    let lacking = permit.needs.missing(request);
    if lacking.is_empty() {
        return;
    }
    if near_miss.is_none() {
        *near_miss = Some(permit);
    }
    *missing = missing.union(lacking);
}

/// The deny of a request no permission allows: needing an authorization
/// (the first permission in scope gives the clause and reason, all of them
/// what is missing), or else the section's own purpose limitation.
pub(crate) fn deny_unpermitted(near_miss: Option<&Permit>, missing: AuthorizationSet, request: &Request) -> Deny {
    if let Some(permit) = near_miss {
        return Deny {
            clause: permit.clause,
            kind: DenyKind::NeedsAuthorization,
            reason: permit.reason,
            missing,
            advisories: permit.advisories,
            statement_version: StatementVersion::CURRENT,
        };
    }

    let (clause, reason) = statement::fallback(request);
    statement::deny(clause, DenyKind::NotPermitted, reason)
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
    let mut needs = |needs: &crate::rule::Needs| {
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
