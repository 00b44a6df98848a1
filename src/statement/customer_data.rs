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

use super::{PROCESSING, WE};
use crate::rule::{Exception, Limit, Needs, Permit, Scope};
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

/// Those who store data in 21Vianet's name: the group and its suppliers.
const STORERS: PartySet = WE.with(Party::Supplier);

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::CustomerDataStoredInChina,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(ActionSet::STORAGE)
            .parties(STORERS)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::Forbidden,
        Reason::CustomerDataStoredOnlyInChina,
    ),
    Limit::new(
        ClauseId::CustomerDataOverseasAccess,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(
                ActionSet::ALL
                    .difference(ActionSet::STORAGE)
                    .difference(ActionSet::ERASURE),
            )
            .parties(super::PROCESSORS)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::NotPermitted,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    )
    .unless(&[
        Exception {
            scope: OVERSEAS_TROUBLESHOOTING,
            needs: Needs::NOTHING,
        },
        // A disclosure to a third party abroad is the sharing section's
        // business (as the customer directs, as agreed, or by law).
        Exception {
            scope: Scope::ANY
                .actions(ActionSet::DISCLOSURE)
                .parties(PartySet::THIRD_PARTIES.without(Party::Supplier)),
            needs: Needs::NOTHING,
        },
    ]),
];

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
