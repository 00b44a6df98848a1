//! The opening paragraphs and the "Notice to End Users".
//!
//! > This Privacy Statement applies to the use of the Online Services and
//! > any other 21Vianet services that display or link to this Privacy
//! > Statement. … Any data 21Vianet collects or handles in such
//! > circumstances is processed by us on behalf of our customer, who
//! > controls the collection and use of the data. … If an end user accesses
//! > the Online Services using an email address provided by his or her
//! > organization (e.g., employer or school), the owner of the domain
//! > associated with the email address may: (i) have control and power of
//! > administration over the end user's service account; and (ii) access
//! > and process end-user data, including the content of end-user's
//! > communications and files. … We are only responsible for the
//! > Customer's privacy-related practices within the scope agreed with the
//! > Customer.
//!
//! The statement speaks for 21Vianet. It grants nothing for the customer's
//! or its end users' own processing ("We are only responsible for the
//! Customer's privacy-related practices within the scope agreed with the
//! Customer"), so a request whose acting party is the customer or an end
//! user is denied unless a later section (managing one's own data) says
//! otherwise.
//!
//! Three permissions rest on these paragraphs:
//!
//! * the customer controls its data: 21Vianet deletes or anonymizes any of
//!   it as the customer directs;
//! * configuration and technical settings, which the Customer Data section
//!   sets apart from Customer Data, are processed on the customer's behalf
//!   to provide its services and to troubleshoot and support them;
//! * the domain owner of an end user's organizational e-mail address
//!   administers the end user's account and data.

use super::{PROCESSING, WE};
use crate::statement::rule::{Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Authorization, AuthorizationSet, ClauseId, DataElementSet, Party, PartySet, Purpose, PurposeSet,
    Reason,
};

pub(crate) const PERMITS: &[Permit] = &[
    // "processed by us on behalf of our customer, who controls the
    // collection and use of the data": deleting or anonymizing as it
    // directs (only the law's retention period stops it: see `storage`).
    Permit::new(
        ClauseId::CustomerControlsData,
        Scope::ANY
            .actions(ActionSet::ERASURE)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::CustomerInstruction])),
        Reason::CustomerDirectionNeeded,
    )
    .needs(Needs::all_of(AuthorizationSet::of(&[Authorization::CustomerDirection]))),
    Permit::new(
        ClauseId::CustomerControlsData,
        Scope::ANY
            .data(DataElementSet::CONFIGURATION)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PurposeSet::of(&[
                Purpose::ProvideService,
                Purpose::Troubleshooting,
                Purpose::ResolveSupportIssue,
            ])),
        Reason::ConfigurationUseLimited,
    ),
    // "(i) have control and power of administration over the end user's
    // service account; and (ii) access and process end-user data,
    // including the content of end-user's communications and files".
    Permit::new(
        ClauseId::DomainOwnerAdministration,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(DOMAIN_ADMINISTRATION)
            .parties(PartySet::of(&[Party::DomainOwner]))
            // (ii) names no purpose: any the statement does not close, and
            // no marketing (D35).
            .purposes(PurposeSet::ALL.difference(super::MARKETING)),
        Reason::DomainOwnerLimitedToEndUserData,
    ),
];

/// Administering an account and accessing and processing its data: not
/// passing it on.
const DOMAIN_ADMINISTRATION: ActionSet = ActionSet::of(&[
    Action::Collect,
    Action::Use,
    Action::Store,
    Action::Retain,
    Action::Access,
    Action::Modify,
    Action::Delete,
    Action::Anonymize,
]);

/// The deny for a party whose own processing the statement does not govern.
pub(crate) const OUTSIDE_SCOPE: (ClauseId, Reason) =
    (ClauseId::ResponsibilityWithinAgreedScope, Reason::OutsideStatementScope);

/// The deny for the domain owner beyond its administration.
pub(crate) const DOMAIN_OWNER_FALLBACK: (ClauseId, Reason) = (
    ClauseId::DomainOwnerAdministration,
    Reason::DomainOwnerLimitedToEndUserData,
);

/// The deny for configuration and technical settings no permission covers.
pub(crate) const CONFIGURATION_FALLBACK: (ClauseId, Reason) =
    (ClauseId::CustomerControlsData, Reason::ConfigurationUseLimited);
