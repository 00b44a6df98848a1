//! "How We Collect and Use Your Data", with the "Definition of Personal
//! Data".
//!
//! > If we collect your Personal Data beyond the scope of the following
//! > statement, or use your Personal Data beyond the scope directly or
//! > reasonably associated with the stated purpose at the time of
//! > collection, we will inform you again and obtain your express consent
//! > before collecting or using your Personal Data.
//!
//! The definitions of Personal Data and Sensitive Personal Data are
//! [`DataElement::is_personal`](crate::DataElement::is_personal) and
//! [`DataElement::is_sensitive`](crate::DataElement::is_sensitive).
//!
//! Registration data ("the registration data you submit on our website, in
//! our marketing events, or for any survey or questionnaire") is named only
//! here; the statement gives it no other purpose than the registration it
//! is submitted for.

use super::{PROCESSING, WE};
use crate::statement::rule::{Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Authorization, AuthorizationSet, ClauseId, DataElementSet, Obligation, ObligationSet, Party,
    PartySet, Purpose, PurposeSet, Reason,
};

/// Registration data is used for the registration it was given for.
pub(crate) const REGISTRATION_PERMITS: &[Permit] = &[Permit::new(
    ClauseId::RegistrationData,
    Scope::ANY
        .data(DataElementSet::REGISTRATION)
        .actions(PROCESSING)
        .parties(WE)
        .purposes(PurposeSet::of(&[Purpose::Registration])),
    Reason::RegistrationDataUseLimited,
)];

/// What registration data gets when nothing permits the request.
pub(crate) const REGISTRATION_FALLBACK: (ClauseId, Reason) =
    (ClauseId::RegistrationData, Reason::RegistrationDataUseLimited);

/// Collecting or using (contacting a person is using their data).
pub(crate) const BEYOND_SCOPE_ACTIONS: ActionSet = ActionSet::of(&[Action::Collect, Action::Use, Action::Contact]);

/// The purposes express consent can open beyond the stated scope: any but
/// the sale of the data, which is a disclosure to a buyer that no sentence
/// of the sharing section permits (and collecting or using is not
/// disclosing).
pub(crate) const BEYOND_SCOPE_PURPOSES: PurposeSet = PurposeSet::ALL.without(Purpose::SaleOfData);

/// Collecting or using Personal Data beyond the stated scope: only with
/// express consent, after informing the customer again. Read last, after
/// every section's own permissions.
pub(crate) const BEYOND_SCOPE_PERMITS: &[Permit] = &[Permit::new(
    ClauseId::UseBeyondStatedScope,
    Scope::ANY
        .data(DataElementSet::PERSONAL)
        .actions(BEYOND_SCOPE_ACTIONS)
        .parties(PartySet::of(&[Party::Operator, Party::Affiliate]))
        .purposes(BEYOND_SCOPE_PURPOSES),
    Reason::UseBeyondScopeNeedsExpressConsent,
)
.needs(Needs::all_of(AuthorizationSet::of(&[Authorization::ExplicitConsent])))
.obligations(ObligationSet::of(&[Obligation::InformOfNewPurpose]))];
