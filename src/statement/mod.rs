//! The statement, section by section, as rules.
//!
//! Each module is one section of "Privacy Statement for Online Services
//! Operated by 21Vianet" (updated December 1, 2020), named after it, so a
//! reviewer reads `payment_data.rs` beside "Payment Data". A module holds
//! its section's **limits** (the "only", "do not" and "prohibited" sentences,
//! read first, so no permission overrides them) and **permissions** (read
//! in order; the first that applies decides), each naming its
//! [`ClauseId`]. What no permission covers is denied with
//! the section's own purpose limitation: the statement fails closed.
//!
//! The rules are data; [`decide`](crate::decide) evaluates them.

pub mod administrator_data;
pub mod collection;
pub mod compliance_with_law;
pub mod cookies;
pub mod customer_data;
pub mod introduction;
pub mod local_software;
pub mod payment_data;
pub mod protection;
pub mod real_name_authentication_data;
pub mod sharing;
pub mod storage;
pub mod support_data;

use crate::rule::{Limit, Permit};
use crate::{Action, ActionSet, ClauseId, DataCategory, Party, PartySet, Reason, Request};

/// "We": 21Vianet, its affiliates (not third parties in the sharing
/// section), and a succeeding company, which "will continue to perform the
/// responsibilities and obligations under this Privacy Statement".
pub(crate) const WE: PartySet = PartySet::of(&[Party::Operator, Party::Affiliate, Party::SuccessorCompany]);

/// Everyone whose processing the statement governs: all parties but the
/// customer and its end users.
pub(crate) const PROCESSORS: PartySet = PartySet::ALL.difference(PartySet::of(&[Party::Customer, Party::EndUser]));

/// Processing within the group: collecting, using, storing, retaining,
/// accessing, and sharing or transferring among 21Vianet and its affiliates.
pub(crate) const PROCESSING: ActionSet = ActionSet::of(&[
    Action::Collect,
    Action::Use,
    Action::Store,
    Action::Retain,
    Action::Access,
    Action::Share,
    Action::Disclose,
    Action::Transfer,
]);

/// The limits, most specific first: the first one a request breaks decides.
pub(crate) const LIMITS: &[&[Limit]] = &[
    payment_data::LIMITS,
    customer_data::LIMITS,
    sharing::LIMITS,
    storage::LIMITS,
    administrator_data::LIMITS,
    support_data::LIMITS,
    cookies::LIMITS,
];

/// The permissions, in order: the first that applies decides; the first
/// that is in scope but lacks an authorization gives the deny its reason.
pub(crate) const PERMITS: &[&[Permit]] = &[
    customer_data::PERMITS,
    administrator_data::PERMITS,
    real_name_authentication_data::PERMITS,
    payment_data::PERMITS,
    support_data::PERMITS,
    cookies::PERMITS,
    local_software::PERMITS,
    collection::REGISTRATION_PERMITS,
    sharing::PERMITS,
    collection::BEYOND_SCOPE_PERMITS,
];

/// The clause and reason of a request that no permission covers: the
/// purpose limitation of the data's own section, or the statement's scope
/// for a party whose own processing it does not govern.
pub(crate) const fn fallback(request: &Request) -> (ClauseId, Reason) {
    if matches!(request.party, Party::Customer | Party::EndUser) {
        return introduction::OUTSIDE_SCOPE;
    }
    match request.data.category() {
        DataCategory::Customer => customer_data::FALLBACK,
        DataCategory::Administrator => administrator_data::FALLBACK,
        DataCategory::RealNameAuthentication => real_name_authentication_data::FALLBACK,
        DataCategory::Payment => payment_data::FALLBACK,
        DataCategory::Support => support_data::FALLBACK,
        DataCategory::Registration => collection::REGISTRATION_FALLBACK,
        DataCategory::LocalSoftware => local_software::FALLBACK,
        DataCategory::Cookie => cookies::FALLBACK,
    }
}
