//! "How We Store Your Personal Data".
//!
//! > Your Personal Data will be stored in China. If necessary, your
//! > Personal Data may be transferred overseas upon your authorization or
//! > in accordance with applicable laws and regulations.
//!
//! Read with the sharing section: Personal Data goes (or is reached) outside
//! China only upon authorization (an overseas-transfer authorization, or
//! the customer's own direction to send it there), as the law requires, in
//! one of the six circumstances, or under the two bullets that name
//! overseas recipients themselves: fraud-prevention and payment third
//! parties, and suppliers after prior consent. The retention paragraphs of
//! this section depend on time and come with the lifecycle rules.

use crate::rule::{Exception, Limit, Needs, Scope};
use crate::{
    Action, ActionSet, Authorization, AuthorizationSet, ClauseId, DataElementSet, DenyKind, LocationSet, Party,
    PartySet, Reason,
};

/// What authorizes Personal Data to leave China.
pub(crate) const OVERSEAS_AUTHORIZATIONS: AuthorizationSet = AuthorizationSet::of(&[
    Authorization::OverseasTransferAuthorization,
    Authorization::CustomerDirection,
    Authorization::LegalRequirement,
]);

pub(crate) const LIMITS: &[Limit] = &[Limit::new(
    ClauseId::PersonalDataStoredInChina,
    Scope::ANY
        .data(DataElementSet::PERSONAL)
        .actions(ActionSet::ALL.difference(ActionSet::of(&[Action::Delete, Action::Anonymize])))
        .parties(super::PROCESSORS)
        .locations(LocationSet::OUTSIDE_CHINA),
    DenyKind::NeedsAuthorization,
    Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
)
.unless(&[
    Exception {
        scope: Scope::ANY,
        needs: Needs::any_of(OVERSEAS_AUTHORIZATIONS).or_circumstance(),
    },
    Exception {
        scope: super::sharing::FRAUD_AND_PAYMENT_RECIPIENTS,
        needs: Needs::NOTHING,
    },
    Exception {
        scope: Scope::ANY.parties(PartySet::of(&[Party::Supplier])),
        needs: Needs::all_of(AuthorizationSet::of(&[Authorization::PriorConsentAfterExplanation])),
    },
])];
