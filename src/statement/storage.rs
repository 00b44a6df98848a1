//! "How We Store Your Personal Data".
//!
//! > Your Personal Data will be stored in China. If necessary, your
//! > Personal Data may be transferred overseas upon your authorization or
//! > in accordance with applicable laws and regulations.
//!
//! Read with the sharing section: Personal Data goes (or is reached) outside
//! China only upon authorization (an overseas-transfer authorization, or
//! the customer's own direction to send it there), as the law requires, or
//! under the two bullets that name overseas recipients themselves:
//! fraud-prevention and payment third parties, and suppliers after prior
//! consent. The six circumstances waive the customer's explicit
//! *instruction* to share; they do not waive this rule on *where* the
//! data is: a disclosure abroad under one of them still needs the law or an
//! authorization.
//!
//! ## Retention and termination
//!
//! > During your use of the Online Services, we retain the Personal Data
//! > you provided. After you close your account, in accordance with
//! > relevant laws and regulations, we will retain your Personal Data, but
//! > we will not use or process your Personal Data during this period; upon
//! > expiry of the aforementioned retention period, we will immediately
//! > delete or anonymize your data.
//! >
//! > When we terminate an Online Service or operation, we will notify you by
//! > e-mail or announcement, and delete or anonymize your relevant Personal
//! > Data upon such termination.
//!
//! These depend on time, so they are small functions rather than scopes:
//! the engine reads `end_limit` before the limits and `end_permit`
//! after them, before the permissions. They need the request's
//! [`account`](crate::Request::account) or
//! [`service_terminated_at`](crate::Request::service_terminated_at), and
//! its `at`.
//!
//! * While the account is open, the other rules decide.
//! * Closed, within the retention period: 21Vianet (or an affiliate, or a
//!   succeeding company) may store or retain the data for legal
//!   compliance, with the duty not to use it and to delete it when the
//!   period ends; anything else but erasure is forbidden. The rule speaks of
//!   "your data" of the account, so it covers every element, Customer Data
//!   included: Customer Data is used only to provide the Online Services,
//!   which a closed account no longer receives. Deleting or anonymizing
//!   within the period is left to the other rules (a data subject's
//!   request, with the law's retention duty as a ground to refuse it).
//! * Closed, the period ended: only deleting or anonymizing, and it is a
//!   duty; a deny names it ([`Reason::duty`](crate::Reason::duty)).
//! * The service or operation terminated: only deleting or anonymizing
//!   (with the duty to notify by e-mail or announcement), and the
//!   termination notice itself (service communications under the
//!   Administrator Data section).

use crate::account::AccountPhase;
use crate::rule::{Exception, Limit, Needs, Scope};
use crate::{
    Action, ActionSet, Allow, Authorization, AuthorizationSet, ClauseId, DataElementSet, Deny, DenyKind, LocationSet,
    Obligation, ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason, Request,
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
        .actions(ActionSet::ALL.difference(ActionSet::ERASURE))
        .parties(super::PROCESSORS)
        .locations(LocationSet::OUTSIDE_CHINA),
    DenyKind::NeedsAuthorization,
    Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
)
.unless(&[
    Exception {
        scope: Scope::ANY,
        needs: Needs::any_of(OVERSEAS_AUTHORIZATIONS),
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

/// Keeping a closed account's data for the period the law requires.
const LEGAL_RETENTION: Scope = Scope::ANY
    .actions(ActionSet::STORAGE)
    .parties(super::WE)
    .purposes(PurposeSet::of(&[Purpose::LegalCompliance]));

/// The termination notice: service communications, which the Administrator
/// Data section permits.
const TERMINATION_NOTICE: Scope = Scope::ANY
    .actions(ActionSet::of(&[Action::Contact]))
    .parties(super::WE)
    .purposes(PurposeSet::of(&[Purpose::ServiceCommunication]));

const RETENTION_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::DoNotUseDuringRetention,
    Obligation::DeleteOrAnonymizeWhenRetentionEnds,
]);

const TERMINATION_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::NotifyTermination,
    Obligation::DeleteOrAnonymizeOnTermination,
]);

/// Where the data stands at the request's time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Terminated,
    Account(AccountPhase),
}

fn end(request: &Request) -> Option<End> {
    let at = request.at?;
    if request.service_terminated_at.is_some_and(|terminated| at >= terminated) {
        return Some(End::Terminated);
    }
    request.account.map(|account| End::Account(account.phase(at)))
}

/// Whether the request keeps a closed account's data for the legal
/// retention period: no other end (of a trial, say) denies it.
pub(crate) fn kept_for_law(request: &Request) -> bool {
    end(request) == Some(End::Account(AccountPhase::Retained)) && LEGAL_RETENTION.matches(request)
}

/// The deny, if any, that the end of the service or of the account's
/// retention gives before any other limit is read.
pub(crate) fn end_limit(request: &Request) -> Option<Deny> {
    let erasing = ActionSet::ERASURE.contains(request.action);
    let (clause, reason) = match end(request)? {
        End::Terminated if erasing || TERMINATION_NOTICE.matches(request) => return None,
        End::Terminated => (
            ClauseId::StorageServiceTermination,
            Reason::ServiceTerminatedDeleteOrAnonymize,
        ),
        End::Account(AccountPhase::Active) => return None,
        End::Account(AccountPhase::Retained) if erasing || LEGAL_RETENTION.matches(request) => return None,
        End::Account(AccountPhase::Retained) => (
            ClauseId::StorageRetentionAfterClosure,
            Reason::ClosedAccountDataOnlyRetained,
        ),
        End::Account(AccountPhase::Expired) if erasing => return None,
        End::Account(AccountPhase::Expired) => (
            ClauseId::StorageDeletionAfterRetention,
            Reason::RetentionExpiredDeleteOrAnonymize,
        ),
    };
    Some(super::deny(clause, DenyKind::Forbidden, reason))
}

/// The allow, if any, that the end of the service or of the account's
/// retention gives once the limits have passed the request.
pub(crate) fn end_permit(request: &Request) -> Option<Allow> {
    // "we will immediately delete or anonymize": 21Vianet, not anyone.
    let erasing = ActionSet::ERASURE.contains(request.action) && super::WE.contains(request.party);
    let (clause, duties) = match end(request)? {
        End::Terminated if erasing => (ClauseId::StorageServiceTermination, TERMINATION_DUTIES),
        End::Account(AccountPhase::Retained) if LEGAL_RETENTION.matches(request) => {
            (ClauseId::StorageRetentionAfterClosure, RETENTION_DUTIES)
        }
        End::Account(AccountPhase::Expired) if erasing => (
            ClauseId::StorageDeletionAfterRetention,
            ObligationSet::of(&[Obligation::DeleteOrAnonymizeWhenRetentionEnds]),
        ),
        _ => return None,
    };
    Some(super::allow(request, clause, duties, crate::AdvisorySet::EMPTY))
}
