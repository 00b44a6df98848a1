//! "Trial Period".
//!
//! > Trials are provided to examine Online Services prior to purchase. At
//! > the end of the trial period, 21Vianet can temporarily retain the data
//! > it collects during your Online Service trial to improve your customer
//! > experience when you decide to purchase the Online Services in the
//! > future. However, your data may be removed from the Online Services at
//! > any time after the trial period for the Online Service ends.
//!
//! During the trial the other rules decide. A request about data collected
//! during a trial that has ended without a purchase carries
//! [`trial_ended_at`](crate::Request::trial_ended_at); from that time on
//! the section governs what 21Vianet *keeps* of it, and nothing more:
//!
//! * 21Vianet (or a supplier keeping data on its behalf) may store or
//!   retain it only temporarily, for [`Purpose::FuturePurchaseExperience`],
//!   with the advisory that it may be removed at any time;
//! * 21Vianet may delete or anonymize it (it "may be removed at any time");
//! * everything else is decided by the other rules: service communications
//!   continue "within or after the Online Services", and the customer still
//!   accesses and manages its Administrator Data.
//!
//! ```
//! use vianet_privacy::{decide, time::parse_time, Action, Advisory, DataElement, Location, OnlineService, Party, Purpose, Request};
//!
//! let keep = Request::new(
//!     OnlineService::Dynamics365,
//!     Party::Operator,
//!     Action::Retain,
//!     DataElement::CustomerContent,
//!     Purpose::FuturePurchaseExperience,
//!     Location::MainlandChina,
//! )
//! .with_trial_ended_at(parse_time("2024-03-31")?)
//! .at(parse_time("2024-04-15")?);
//! let decision = decide(&keep)?;
//! assert!(decision.is_allowed());
//! assert!(decision.advisories().contains(Advisory::TrialDataMayBeRemoved));
//!
//! // Keeping it to provide the service after the trial: not permitted.
//! let mut store = keep;
//! store.action = Action::Store;
//! store.purpose = Purpose::ProvideService;
//! assert!(!decide(&store)?.is_allowed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::statement::rule::Scope;
use crate::{
    ActionSet, Advisory, AdvisorySet, Allow, ClauseId, Deny, DenyKind, Obligation, ObligationSet, Purpose, PurposeSet,
    Reason, Request,
};

/// Keeping an ended trial's data for a later purchase.
const KEEP_FOR_PURCHASE: Scope = Scope::ANY
    .actions(ActionSet::STORAGE)
    .parties(super::WE)
    .purposes(PurposeSet::of(&[Purpose::FuturePurchaseExperience]));

fn ended(request: &Request) -> bool {
    matches!((request.at, request.trial_ended_at), (Some(at), Some(end)) if at >= end)
}

/// Who keeps data in 21Vianet's name.
const KEEPERS: Scope = Scope::ANY
    .actions(ActionSet::STORAGE)
    .parties(super::WE.with(crate::Party::Supplier));

/// After the trial: keeping the data for anything but a later purchase is
/// denied.
pub(crate) fn end_limit(request: &Request) -> Option<Deny> {
    if !ended(request) || !KEEPERS.matches(request) || KEEP_FOR_PURCHASE.matches(request) {
        return None;
    }
    Some(super::deny(
        ClauseId::TrialDataRetention,
        DenyKind::NotPermitted,
        Reason::TrialDataOnlyKeptForPurchase,
    ))
}

/// After the trial: keeping the data temporarily, or removing it.
pub(crate) fn end_permit(request: &Request) -> Option<Allow> {
    if !ended(request) {
        return None;
    }
    if KEEP_FOR_PURCHASE.matches(request) {
        return Some(super::allow(
            request,
            ClauseId::TrialDataRetention,
            ObligationSet::of(&[Obligation::RetainTrialDataTemporarily]),
            AdvisorySet::of(&[Advisory::TrialDataMayBeRemoved]),
        ));
    }
    if ActionSet::ERASURE.contains(request.action) && super::WE.contains(request.party) {
        return Some(super::allow(
            request,
            ClauseId::TrialDataRemoval,
            ObligationSet::EMPTY,
            AdvisorySet::EMPTY,
        ));
    }
    None
}
