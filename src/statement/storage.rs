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
//! consent (for a supplier, only that consent: see
//! [`super::sharing`]). The six circumstances waive the customer's explicit
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
//!   period ends; anything else is forbidden. The rule speaks of "your
//!   data" of the account, so the "not use" covers every element, Customer
//!   Data included: Customer Data is used only to provide the Online
//!   Services, which a closed account no longer receives. The Personal Data
//!   must be kept ("in accordance with relevant laws and regulations, we
//!   will retain your Personal Data"), so deleting or anonymizing it is
//!   forbidden until the period ends; other data may be deleted.
//! * Closed, the period ended: only deleting or anonymizing, and it is a
//!   duty; a deny names it ([`Reason::duty`](crate::Reason::duty)).
//! * The service or operation terminated: deleting or anonymizing (with
//!   the duty to notify by e-mail or announcement), the termination notice
//!   itself (service communications under the Administrator Data section),
//!   and keeping what the law requires to be kept, as after closing an
//!   account (a termination does not lift the law's retention).

use crate::model::account::AccountPhase;
use crate::statement::rule::{Exception, Limit, Needs, Scope};
use crate::{
    Action, ActionSet, Allow, Authorization, AuthorizationSet, ClauseId, DataElementSet, Deny, DenyKind, LocationSet,
    Obligation, ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason, Request,
};

/// What authorizes Personal Data to leave China, whatever the purpose:
/// "upon your authorization or in accordance with applicable laws and
/// regulations". The customer's direction authorizes the disclosure it
/// directs, and only that (an exception of its own below).
pub(crate) const OVERSEAS_AUTHORIZATIONS: AuthorizationSet = AuthorizationSet::of(&[
    Authorization::OverseasTransferAuthorization,
    Authorization::LegalRequirement,
]);

/// What lifts "Your Personal Data will be stored in China".
const OVERSEAS_EXCEPTIONS: &[Exception] = &[
    Exception {
        scope: Scope::ANY,
        needs: Needs::any_of(OVERSEAS_AUTHORIZATIONS),
    },
    Exception {
        scope: Scope::ANY.purposes(PurposeSet::of(&[Purpose::CustomerInstruction])),
        needs: Needs::all_of(AuthorizationSet::of(&[Authorization::CustomerDirection])),
    },
    Exception {
        scope: super::sharing::FRAUD_PREVENTION_RECIPIENT,
        needs: Needs::NOTHING,
    },
    Exception {
        scope: super::sharing::PAYMENT_RECIPIENT,
        needs: Needs::NOTHING,
    },
    Exception {
        scope: Scope::ANY.parties(PartySet::of(&[Party::Supplier])),
        needs: Needs::all_of(AuthorizationSet::of(&[Authorization::PriorConsentAfterExplanation])),
    },
];

/// Personal Data outside China: handled there by a processor, or sent
/// there to an end user (the customer's own data, sent to the customer, is
/// the customer's).
const fn overseas(parties: PartySet, actions: ActionSet) -> Limit {
    Limit::new(
        ClauseId::PersonalDataStoredInChina,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(actions)
            .parties(parties)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::NeedsAuthorization,
        Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
    )
    .unless(OVERSEAS_EXCEPTIONS)
}

pub(crate) const LIMITS: &[Limit] = &[
    overseas(super::PROCESSORS, ActionSet::ALL.difference(ActionSet::ERASURE)),
    overseas(PartySet::of(&[Party::EndUser]), ActionSet::DISCLOSURE),
];

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

/// Whether the request keeps data for the law after the account was
/// closed (within the retention period) or the service terminated: no
/// other end (of a trial, say) denies it, and it rests on the law.
pub(crate) fn kept_for_law(request: &Request) -> bool {
    matches!(
        end(request),
        Some(End::Terminated | End::Account(AccountPhase::Retained))
    ) && LEGAL_RETENTION.matches(request)
}

/// The deny, if any, that the end of the service or of the account's
/// retention gives before any other limit is read.
pub(crate) fn end_limit(request: &Request) -> Option<Deny> {
    let erasing = ActionSet::ERASURE.contains(request.action);
    let keeping = LEGAL_RETENTION.matches(request);
    let (clause, reason) = match end(request)? {
        End::Terminated if erasing || keeping || TERMINATION_NOTICE.matches(request) => return None,
        End::Terminated => (
            ClauseId::StorageServiceTermination,
            Reason::ServiceTerminatedDeleteOrAnonymize,
        ),
        End::Account(AccountPhase::Active) => return None,
        End::Account(AccountPhase::Retained) if keeping => return None,
        End::Account(AccountPhase::Retained) if erasing && !request.data.is_personal() => return None,
        End::Account(AccountPhase::Retained) if erasing => {
            (ClauseId::StorageRetentionAfterClosure, Reason::KeptForLegalRetention)
        }
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
    let keeping = LEGAL_RETENTION.matches(request);
    let (clause, duties) = match end(request)? {
        End::Terminated if erasing => (ClauseId::StorageServiceTermination, TERMINATION_DUTIES),
        End::Terminated if keeping => (
            ClauseId::StorageRetentionAfterClosure,
            RETENTION_DUTIES.union(ObligationSet::of(&[Obligation::NotifyTermination])),
        ),
        End::Account(AccountPhase::Retained) if keeping => (ClauseId::StorageRetentionAfterClosure, RETENTION_DUTIES),
        End::Account(AccountPhase::Expired) if erasing => (
            ClauseId::StorageDeletionAfterRetention,
            ObligationSet::of(&[Obligation::DeleteOrAnonymizeWhenRetentionEnds]),
        ),
        _ => return None,
    };
    Some(super::allow(request, clause, duties, crate::AdvisorySet::EMPTY))
}
