//! "Customer Data".
//!
//! > We only use Customer Data to provide the Online Services and for
//! > purposes compatible with providing the Online Services. This may
//! > include improvement of underlying technology, troubleshooting aimed at
//! > preventing, detecting and repairing problems affecting the operation
//! > of the Online Services and the improvement of features that involve
//! > the detection of, and protection against, emerging and evolving
//! > threats to the user (such as malware or spam).
//! >
//! > Customer Data will only be stored in data centers located in China. In
//! > limited circumstances, when it is necessary to troubleshoot customer
//! > support incidents or solve technical problems, 21Vianet may authorize
//! > an affiliate, supplier, or subcontractor located outside the territory
//! > of China to access the Customer Data according to applicable laws and
//! > regulations. 21Vianet will supervise such access and terminate such
//! > access when the problem is resolved in accordance with applicable laws
//! > and regulations.
//!
//! Customer Data is not in the statement's list of Personal Data, so the
//! "beyond the stated scope with express consent" permission does not reach
//! it: its purposes are closed.
//!
//! "Customer Data will only be stored in data centers located in China":
//! the most strictly worded category never needs less than Personal Data to
//! leave China. Outside China it is only accessed, in the "limited
//! circumstances" the section names, by an affiliate or supplier 21Vianet
//! authorizes to troubleshoot; no direction, agreement, legal basis or
//! circumstance sends it abroad otherwise (docs/invariants.md, D32).

use super::{PROCESSING, WE};
use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, ClauseId, DataElementSet, DenyKind, LocationSet, Obligation, ObligationSet, Party, PartySet,
    Purpose, PurposeSet, Reason,
};

/// The purposes Customer Data may be used for.
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::ProvideService,
    Purpose::ImproveService,
    Purpose::Troubleshooting,
    Purpose::ThreatProtection,
    // "troubleshoot customer support incidents"
    Purpose::ResolveSupportIssue,
]);

/// Who may access Customer Data from outside China, and how.
const OVERSEAS_TROUBLESHOOTING: Scope = Scope::ANY
    .data(DataElementSet::CUSTOMER)
    .actions(ActionSet::of(&[Action::Access, Action::Use, Action::Share]))
    .parties(PartySet::of(&[Party::Affiliate, Party::Supplier]))
    .purposes(PurposeSet::of(&[
        Purpose::Troubleshooting,
        Purpose::ResolveSupportIssue,
    ]))
    .locations(LocationSet::OUTSIDE_CHINA);

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::CustomerDataStoredInChina,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(ActionSet::STORAGE)
            .parties(super::PROCESSORS)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::Forbidden,
        Reason::CustomerDataStoredOnlyInChina,
    ),
    overseas(
        super::PROCESSORS,
        ActionSet::ALL
            .difference(ActionSet::STORAGE)
            .difference(ActionSet::ERASURE),
    ),
    // What 21Vianet sends an end user abroad leaves China as much as what a
    // processor reaches there (the customer getting its own data is the
    // customer's).
    overseas(PartySet::of(&[Party::EndUser]), ActionSet::DISCLOSURE),
];

/// Customer Data reached outside China: only by those 21Vianet authorizes
/// to troubleshoot.
const fn overseas(parties: PartySet, actions: ActionSet) -> Limit {
    Limit::new(
        ClauseId::CustomerDataOverseasAccess,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(actions)
            .parties(parties)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::NotPermitted,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    )
    .unless(&[Exception {
        scope: OVERSEAS_TROUBLESHOOTING,
        needs: Needs::NOTHING,
    }])
}

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::CustomerDataOverseasAccess,
        OVERSEAS_TROUBLESHOOTING,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    )
    .obligations(ObligationSet::of(&[
        Obligation::SuperviseOverseasAccess,
        Obligation::EndAccessWhenResolved,
    ])),
    Permit::new(
        ClauseId::CustomerDataUse,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PURPOSES),
        Reason::CustomerDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::CustomerDataUse, Reason::CustomerDataUseLimited);
