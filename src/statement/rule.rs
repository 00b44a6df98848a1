//! The shape of a rule. The statement's rules are data of these types
//! (in [`crate::statement`]); the evaluator (`crate::eval`) reads them.
//! Keeping the two apart lets a reviewer read a section's rules beside the
//! section without reading the evaluator, as Cedar keeps policies apart
//! from its authorizer.

use crate::{
    ActionSet, AdvisorySet, Authorization, AuthorizationSet, CircumstanceSet, ClauseId, DataElementSet, Decision, Deny,
    DenyKind, LocationSet, ObjectionSet, ObligationSet, PartySet, PurposeSet, Reason, Request,
};

/// Which requests a rule speaks of: a request is in scope when each of its
/// dimensions is in the matching set.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scope {
    pub data: DataElementSet,
    pub actions: ActionSet,
    pub parties: PartySet,
    pub purposes: PurposeSet,
    pub locations: LocationSet,
}

impl Scope {
    /// Every request.
    pub const ANY: Scope = Scope {
        data: DataElementSet::ALL,
        actions: ActionSet::ALL,
        parties: PartySet::ALL,
        purposes: PurposeSet::ALL,
        locations: LocationSet::ALL,
    };

    pub const fn data(mut self, data: DataElementSet) -> Scope {
        self.data = data;
        self
    }

    pub const fn actions(mut self, actions: ActionSet) -> Scope {
        self.actions = actions;
        self
    }

    pub const fn parties(mut self, parties: PartySet) -> Scope {
        self.parties = parties;
        self
    }

    pub const fn purposes(mut self, purposes: PurposeSet) -> Scope {
        self.purposes = purposes;
        self
    }

    pub const fn locations(mut self, locations: LocationSet) -> Scope {
        self.locations = locations;
        self
    }

    #[inline]
    pub const fn matches(&self, request: &Request) -> bool {
        self.data.contains(request.data)
            && self.actions.contains(request.action)
            && self.parties.contains(request.party)
            && self.purposes.contains(request.purpose)
            && self.locations.contains(request.location)
    }
}

/// What a request must carry for a permission to apply.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Needs {
    /// Every one of these.
    pub all_of: AuthorizationSet,
    /// At least one of these, or one of `circumstances`. Both empty:
    /// nothing more is needed.
    pub any_of: AuthorizationSet,
    /// The circumstances (of the six) that satisfy the need in place of
    /// `any_of`: each opens only what it is "directly related to", so a
    /// rule names the ones that fit it.
    pub circumstances: CircumstanceSet,
}

impl Needs {
    pub const NOTHING: Needs = Needs {
        all_of: AuthorizationSet::EMPTY,
        any_of: AuthorizationSet::EMPTY,
        circumstances: CircumstanceSet::EMPTY,
    };

    pub const fn all_of(all_of: AuthorizationSet) -> Needs {
        Needs {
            all_of,
            ..Needs::NOTHING
        }
    }

    pub const fn any_of(any_of: AuthorizationSet) -> Needs {
        Needs {
            any_of,
            ..Needs::NOTHING
        }
    }

    pub const fn circumstances(circumstances: CircumstanceSet) -> Needs {
        Needs {
            circumstances,
            ..Needs::NOTHING
        }
    }

    /// Whether `any_of` or `circumstances` is met (or asks nothing).
    const fn alternative_met(&self, request: &Request) -> bool {
        let nothing = self.any_of.is_empty() && self.circumstances.is_empty();
        let circumstance = match request.circumstance {
            Some(circumstance) => self.circumstances.contains(circumstance),
            None => false,
        };
        nothing || self.any_of.intersects(request.authorizations) || circumstance
    }

    #[inline]
    pub const fn is_met(&self, request: &Request) -> bool {
        self.all_of.is_subset(request.authorizations) && self.alternative_met(request)
    }

    /// The authorizations that would meet the need, given those the request
    /// has: the `all_of` it lacks, plus the `any_of` alternatives when none
    /// of them (and none of the circumstances) is there.
    pub const fn missing(&self, request: &Request) -> AuthorizationSet {
        let lacking = self.all_of.difference(request.authorizations);
        if self.alternative_met(request) {
            lacking
        } else {
            lacking.union(self.any_of)
        }
    }

    /// Whether a permission with these needs rests on the law or on one of
    /// the six circumstances rather than on anyone's choice: then a
    /// minor's guardian has no consent to give.
    pub const fn rests_on_law(&self) -> bool {
        self.all_of.contains(Authorization::LegalRequirement) || !self.circumstances.is_empty()
    }
}

/// A permission: requests in `scope` that meet `needs` are allowed, with
/// `obligations`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Permit {
    pub clause: ClauseId,
    pub scope: Scope,
    pub needs: Needs,
    /// The reason given when the request is in scope but lacks what is
    /// needed.
    pub reason: Reason,
    pub obligations: ObligationSet,
    /// Whether the operator must notify the customer in advance unless the
    /// law prohibits notice.
    pub notice_unless_prohibited: bool,
    pub advisories: AdvisorySet,
}

impl Permit {
    pub const fn new(clause: ClauseId, scope: Scope, reason: Reason) -> Permit {
        Permit {
            clause,
            scope,
            needs: Needs::NOTHING,
            reason,
            obligations: ObligationSet::EMPTY,
            notice_unless_prohibited: false,
            advisories: AdvisorySet::EMPTY,
        }
    }

    pub const fn needs(mut self, needs: Needs) -> Permit {
        self.needs = needs;
        self
    }

    pub const fn obligations(mut self, obligations: ObligationSet) -> Permit {
        self.obligations = obligations;
        self
    }

    pub const fn notice_unless_prohibited(mut self) -> Permit {
        self.notice_unless_prohibited = true;
        self
    }

    pub const fn advisories(mut self, advisories: AdvisorySet) -> Permit {
        self.advisories = advisories;
        self
    }
}

/// An exception to a limit: requests in `scope` that meet `needs` are not
/// denied by the limit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exception {
    pub scope: Scope,
    pub needs: Needs,
}

/// A limit: requests in `scope` (and, if `objections` is not empty, carrying
/// one of them) are denied unless one of the `unless` exceptions applies.
/// Limits are read before permissions, so no permission can override them:
/// they are the statement's "only", "do not" and "prohibited".
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limit {
    pub clause: ClauseId,
    pub scope: Scope,
    pub objections: ObjectionSet,
    pub unless: &'static [Exception],
    /// The kind of deny when no exception is even in scope.
    pub kind: DenyKind,
    pub reason: Reason,
    pub advisories: AdvisorySet,
}

impl Limit {
    pub const fn new(clause: ClauseId, scope: Scope, kind: DenyKind, reason: Reason) -> Limit {
        Limit {
            clause,
            scope,
            objections: ObjectionSet::EMPTY,
            unless: &[],
            kind,
            reason,
            advisories: AdvisorySet::EMPTY,
        }
    }

    pub const fn unless(mut self, unless: &'static [Exception]) -> Limit {
        self.unless = unless;
        self
    }

    pub const fn on_objection(mut self, objections: ObjectionSet) -> Limit {
        self.objections = objections;
        self
    }

    pub const fn advisories(mut self, advisories: AdvisorySet) -> Limit {
        self.advisories = advisories;
        self
    }
}

/// A decision as the rules give it, before the conditions on a finished
/// decision (a minor's guardian consent, the Preview advisory): with
/// whether an allow rests on the law, on one of the six circumstances or
/// on the law's retention period rather than on anyone's choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Evaluated {
    pub decision: Decision,
    pub by_law: bool,
}

impl Evaluated {
    pub(crate) const fn deny(deny: Deny) -> Evaluated {
        Evaluated {
            decision: Decision::Deny(deny),
            by_law: false,
        }
    }
}
