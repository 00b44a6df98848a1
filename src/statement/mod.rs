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
//!
//! A few rules depend on time (the end of an account's retention period,
//! the termination of a service, the end of a trial, a data subject's age)
//! and cannot be a scope. They are small pure functions, in their
//! sections' modules, that the engine reads at fixed points: the ends of
//! things before the limits (a deny) and after them (an allow), and the
//! conditions on a finished decision (guardian consent, the Preview
//! advisory) last. Requests and notices that are not a processing request
//! (data-subject requests, incidents, changes to the statement) have their
//! own small typed APIs in [`managing`], [`protection`] and [`changes`].

pub(crate) mod rule;

pub mod administrator_data;
pub mod changes;
pub mod collection;
pub mod compliance_with_law;
pub mod cookies;
pub mod customer_data;
pub mod introduction;
pub mod local_software;
pub mod managing;
pub mod minors;
pub mod payment_data;
pub mod preview_releases;
pub mod protection;
pub mod real_name_authentication_data;
pub mod sharing;
pub mod storage;
pub mod support_data;
pub mod trial_period;

use crate::statement::rule::Evaluated;
use crate::statement::rule::{Limit, Permit};
use crate::{
    Action, ActionSet, AdvisorySet, Allow, ClauseId, DataCategory, Decision, Deny, DenyKind, ObligationSet, Party,
    PartySet, Purpose, PurposeSet, Reason, Request,
};

/// "We": 21Vianet, its affiliates (not third parties in the sharing
/// section), and a succeeding company, which "will continue to perform the
/// responsibilities and obligations under this Privacy Statement".
pub(crate) const WE: PartySet = PartySet::of(&[Party::Operator, Party::Affiliate, Party::SuccessorCompany]);

/// Everyone whose processing the statement governs: all parties but the
/// customer and its end users.
pub(crate) const PROCESSORS: PartySet = PartySet::ALL.difference(PartySet::of(&[Party::Customer, Party::EndUser]));

/// Processing within the group: collecting, using, storing, retaining,
/// accessing, sharing or transferring among 21Vianet and its affiliates,
/// and deleting or anonymizing (which only a sentence that says the data
/// must be kept forbids: see [`storage`]).
pub(crate) const PROCESSING: ActionSet = ActionSet::of(&[
    Action::Collect,
    Action::Use,
    Action::Store,
    Action::Retain,
    Action::Access,
    Action::Share,
    Action::Disclose,
    Action::Transfer,
    Action::Delete,
    Action::Anonymize,
]);

/// Purposes no sentence opens for anyone: advertising is opened only by
/// express consent to a use beyond the stated scope, and the sale of data
/// by nothing.
pub(crate) const CLOSED_PURPOSES: PurposeSet = PurposeSet::of(&[Purpose::Advertising, Purpose::SaleOfData]);

/// Marketing: what a recipient of the data never does with it (a Third
/// Party Offering's promotions, which its own sentence permits, aside).
pub(crate) const MARKETING: PurposeSet = CLOSED_PURPOSES.union(administrator_data::OFFERS);

/// The limits, most specific first: the first one a request breaks decides.
pub(crate) const LIMITS: &[&[Limit]] = &[
    payment_data::LIMITS,
    customer_data::LIMITS,
    local_software::LIMITS,
    sharing::LIMITS,
    storage::LIMITS,
    administrator_data::LIMITS,
    support_data::LIMITS,
    cookies::LIMITS,
    managing::LIMITS,
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
    introduction::PERMITS,
    sharing::PERMITS,
    managing::PERMITS,
    collection::BEYOND_SCOPE_PERMITS,
];

/// The clause and reason of a request that no permission covers: the
/// statement's scope for a party whose own processing it does not govern,
/// the domain owner's door, a purpose no sentence opens, the sharing
/// section's bases for a disclosure outside the group, or else the purpose
/// limitation of the data's own section.
pub(crate) const fn fallback(request: &Request) -> (ClauseId, Reason) {
    if matches!(request.purpose, Purpose::DataSubjectRequest) {
        match request.party {
            Party::Customer => return managing::PORTAL_FALLBACK,
            Party::EndUser => return managing::END_USER_FALLBACK,
            _ => {}
        }
    }
    // For a share, disclosure or transfer the party is the recipient: what
    // 21Vianet sends the customer or an end user is the sharing section's.
    let receiving = ActionSet::DISCLOSURE.contains(request.action);
    match request.party {
        Party::Customer | Party::EndUser if !receiving => return introduction::OUTSIDE_SCOPE,
        Party::DomainOwner if !receiving => return introduction::DOMAIN_OWNER_FALLBACK,
        Party::ThirdPartyOfferingProvider if !receiving => return sharing::THIRD_PARTY_OWN_USE,
        _ => {}
    }
    let own_section = section_fallback(request);
    let recipient = !WE.contains(request.party);
    if CLOSED_PURPOSES.contains(request.purpose) || (recipient && MARKETING.contains(request.purpose)) {
        return (own_section.0, Reason::PurposeClosed);
    }
    if recipient && ActionSet::DISCLOSURE.contains(request.action) {
        return sharing::FALLBACK;
    }
    own_section
}

/// The purpose limitation of the data's own section.
const fn section_fallback(request: &Request) -> (ClauseId, Reason) {
    match request.data.category() {
        DataCategory::Customer => customer_data::FALLBACK,
        DataCategory::Administrator => administrator_data::FALLBACK,
        DataCategory::RealNameAuthentication => real_name_authentication_data::FALLBACK,
        DataCategory::Payment => payment_data::FALLBACK,
        DataCategory::Support => support_data::FALLBACK,
        DataCategory::Registration => collection::REGISTRATION_FALLBACK,
        DataCategory::LocalSoftware => local_software::FALLBACK,
        DataCategory::Cookie => cookies::FALLBACK,
        DataCategory::Configuration => introduction::CONFIGURATION_FALLBACK,
    }
}

/// The time rules read before the limits: the end of a service, of an
/// account's retention period, or of a trial denies what it no longer
/// allows.
pub(crate) fn time_limits(request: &Request) -> Option<Deny> {
    storage::end_limit(request).or_else(|| {
        if storage::kept_for_law(request) {
            None
        } else {
            trial_period::end_limit(request)
        }
    })
}

/// The time rules read after the limits, before the permissions: what the
/// end of a service, of an account, or of a trial still allows (keeping
/// data for the law's retention period rests on the law).
pub(crate) fn time_permits(request: &Request) -> Option<Evaluated> {
    let by_law = storage::kept_for_law(request);
    storage::end_permit(request)
        .or_else(|| trial_period::end_permit(request))
        .map(|allow| Evaluated {
            decision: Decision::Allow(allow),
            by_law,
        })
}

/// The conditions on a finished decision: a minor's guardian consent, then
/// the Preview advisory.
pub(crate) fn conditions(request: &Request, evaluated: Evaluated) -> Decision {
    preview_releases::annotate(request, minors::require_guardian_consent(request, evaluated))
}

/// The duties every allow of `request` carries whatever clause permits it:
/// the protection section's security measures, and the confidentiality and
/// purpose limitation that bind suppliers and fraud-prevention and payment
/// recipients (sharing section).
pub(crate) const fn duties(request: &Request) -> ObligationSet {
    protection::obligations(request).union(sharing::recipient_duties(request))
}

/// An allow under `clause`, with its duties and those of the protection
/// section.
pub(crate) fn allow(request: &Request, clause: ClauseId, obligations: ObligationSet, advisories: AdvisorySet) -> Allow {
    Allow::new(clause, obligations.union(duties(request))).with_advisories(advisories)
}

/// A deny under `clause` that names no missing authorization.
pub(crate) const fn deny(clause: ClauseId, kind: DenyKind, reason: Reason) -> Deny {
    Deny::new(clause, kind, reason)
}
