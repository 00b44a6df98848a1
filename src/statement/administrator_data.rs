//! "Administrator Data".
//!
//! > We use Administrator Data to complete the transactions you request,
//! > administer your account, improve the Online Services, and detect and
//! > prevent fraud.
//! >
//! > We may contact you to provide information about new subscriptions,
//! > billing and important updates about the Online Services, including
//! > information about security or other technical issues. We may also
//! > contact you regarding third-party inquiries we receive regarding your
//! > use of the Online Services, as described in your customer agreement.
//! > You will not be able to unsubscribe from these communications during
//! > the reasonable period within or after the Online Services. Subject to
//! > your contact preferences, you may also be contacted, by phone or
//! > e-mail, regarding information and offers about other products and
//! > services or to request your feedback. You may manage your contact
//! > preferences or unsubscribe such communications in your account profile
//! > for the applicable Online Service.
//!
//! The contact-preferences limit covers every kind of data and every
//! sender (a Third Party Offering's promotions are "subject to your contact
//! preferences" too), so that nobody whose preferences refuse offers gets
//! them, whatever else the request carries.

use super::{PROCESSING, WE};
use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Advisory, AdvisorySet, Authorization, AuthorizationSet, ClauseId, DataElement, DataElementSet,
    DenyKind, Obligation, ObligationSet, Purpose, PurposeSet, Reason,
};

/// The purposes Administrator Data is used for.
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::CompleteTransaction,
    Purpose::AdministerAccount,
    Purpose::ImproveService,
    Purpose::FraudPrevention,
]);

/// Contact about other products, offers, promotions or feedback, and
/// advertising (which is information about other products whatever it is
/// called).
pub(crate) const OFFERS: PurposeSet = PurposeSet::of(&[
    Purpose::OtherOffers,
    Purpose::FeedbackRequest,
    Purpose::PromotionalCommunications,
    Purpose::Advertising,
]);

/// The channels the statement names for offers: phone or e-mail.
pub(crate) const PHONE_OR_EMAIL: DataElementSet = DataElementSet::of(&[
    DataElement::AdministratorPhone,
    DataElement::AdministratorEmail,
    DataElement::RealNameMobileNumber,
    DataElement::SupportContactInfo,
    DataElement::RegistrationPhone,
    DataElement::RegistrationEmail,
]);

const CONTACT: ActionSet = ActionSet::of(&[Action::Contact]);
/// Contacting, and using the data to do so.
const CONTACT_AND_USE: ActionSet = ActionSet::of(&[Action::Contact, Action::Use]);
const CONTACT_PREFERENCES: AuthorizationSet = AuthorizationSet::of(&[Authorization::ContactPreferences]);

pub(crate) const LIMITS: &[Limit] = &[Limit::new(
    ClauseId::AdministratorOtherOffers,
    Scope::ANY.actions(CONTACT).purposes(OFFERS),
    DenyKind::NotPermitted,
    Reason::OffersNeedContactPreferences,
)
.unless(&[Exception {
    scope: Scope::ANY.data(PHONE_OR_EMAIL),
    needs: Needs::all_of(CONTACT_PREFERENCES),
}])];

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::AdministratorDataUse,
        Scope::ANY
            .data(DataElementSet::ADMINISTRATOR)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PURPOSES),
        Reason::AdministratorDataUseLimited,
    ),
    Permit::new(
        ClauseId::AdministratorServiceCommunications,
        Scope::ANY
            .data(DataElementSet::ADMINISTRATOR)
            .actions(CONTACT_AND_USE)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::ServiceCommunication])),
        Reason::AdministratorDataUseLimited,
    )
    .advisories(AdvisorySet::of(&[Advisory::CannotUnsubscribeServiceCommunications])),
    // "We may also contact you regarding third-party inquiries we receive
    // regarding your use of the Online Services, as described in your
    // customer agreement": as the agreement describes it.
    Permit::new(
        ClauseId::AdministratorThirdPartyInquiries,
        Scope::ANY
            .data(DataElementSet::ADMINISTRATOR)
            .actions(CONTACT_AND_USE)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::ThirdPartyInquiry])),
        Reason::ThirdPartyInquiryAsTheAgreementDescribes,
    )
    .needs(Needs::all_of(AuthorizationSet::of(&[Authorization::CustomerAgreement]))),
    Permit::new(
        ClauseId::AdministratorOtherOffers,
        Scope::ANY
            .data(DataElementSet::of(&[
                DataElement::AdministratorPhone,
                DataElement::AdministratorEmail,
            ]))
            .actions(CONTACT_AND_USE)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::OtherOffers, Purpose::FeedbackRequest])),
        Reason::OffersNeedContactPreferences,
    )
    .needs(Needs::all_of(CONTACT_PREFERENCES))
    .obligations(ObligationSet::of(&[Obligation::OfferContactPreferences])),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::AdministratorDataUse, Reason::AdministratorDataUseLimited);
