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
//! [`trial_ended_at`](crate::Request::trial_ended_at); from that time on:
//!
//! * 21Vianet may store or retain it, temporarily, for
//!   [`Purpose::FuturePurchaseExperience`], with the advisory that it may
//!   be removed at any time;
//! * anyone holding it may delete or anonymize it (it "may be removed at
//!   any time");
//! * nothing else: the section names no other use of an ended trial's data.
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
//! // Using the trial data to provide a service after the trial: not permitted.
//! let mut use_it = keep;
//! use_it.action = Action::Use;
//! use_it.purpose = Purpose::ProvideService;
//! assert!(!decide(&use_it)?.is_allowed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::rule::Scope;
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

/// After the trial: anything but keeping the data for a later purchase or
/// removing it is denied.
pub(crate) fn end_limit(request: &Request) -> Option<Deny> {
    if !ended(request) || ActionSet::ERASURE.contains(request.action) || KEEP_FOR_PURCHASE.matches(request) {
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
