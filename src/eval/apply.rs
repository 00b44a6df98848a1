//! The pieces both evaluations build their answers with: a limit applied
//! to a request, the permissions that apply gathered into one allow, and
//! the deny of a request no permission allows.

use crate::statement;
use crate::statement::rule::{Evaluated, Limit, Permit};
use crate::{
    AdvisorySet, Allow, Authorization, AuthorizationSet, Decision, Deny, DenyKind, Obligation, ObligationSet, Request,
    StatementVersion,
};

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
