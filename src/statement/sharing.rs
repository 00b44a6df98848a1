//! "How We Share, Transfer, and Disclose Your Data".
//!
//! > We will not disclose or transfer Customer Data, Administrator Data,
//! > Real-Name Authentication Data, Payment Data, or any other Personal Data
//! > (“your data”) to, or share your data with, any third party apart from
//! > 21Vianet and its affiliates except as you direct, or as described in
//! > your customer agreement or this Privacy Statement, or pursuant to
//! > applicable laws and regulations.
//!
//! Then one rule per bullet: suppliers and subcontractors (and their
//! overseas access to Personal Data), disclosure of Customer Data, the
//! complainant, fraud prevention and payments, Third Party Offerings,
//! mergers and the succeeding company, and the six circumstances that need
//! no explicit instruction. The bullet on end users' requests belongs with
//! the data-subject requests.
//!
//! The bullets come first so that their duties attach; the general
//! sentence's three bases (direction, agreement, law) come after them.

use crate::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Advisory, AdvisorySet, Authorization, AuthorizationSet, ClauseId, DataElement, DataElementSet,
    DenyKind, LocationSet, Obligation, ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason,
};

/// The purposes a supplier or subcontractor is engaged for, across the
/// statement (support and services on 21Vianet's behalf, troubleshooting,
/// operating and improving the services from agents' diagnostics, site
/// analytics).
pub(crate) const SUPPLIER_PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::ServiceOnOurBehalf,
    Purpose::Troubleshooting,
    Purpose::ResolveSupportIssue,
    Purpose::ProvideService,
    Purpose::ImproveService,
    Purpose::SiteAnalytics,
]);

const SUPPLIER: PartySet = PartySet::of(&[Party::Supplier]);
/// "for the purpose of fraud prevention or to process payment transactions":
/// the bullet does not tie either purpose to either kind of recipient.
const FRAUD_AND_PAYMENT_PURPOSES: PurposeSet = PurposeSet::of(&[Purpose::FraudPrevention, Purpose::ProcessPayment]);
const RECIPIENTS: PartySet = PartySet::of(&[Party::FraudPreventionProvider, Party::PaymentProcessor]);
/// Receiving the data, and using and storing it ("the data of such overseas
/// subcontractors are stored in the US and other countries or regions").
const RECIPIENT_ACTIONS: ActionSet = ActionSet::DISCLOSURE.union(ActionSet::of(&[
    Action::Use,
    Action::Access,
    Action::Store,
    Action::Retain,
]));
/// A recipient's own processing, which its engagement limits; receiving the
/// data is the business of the bullet or basis that sends it, and deleting
/// it (when 21Vianet asks) uses it for nothing.
const OWN_PROCESSING: ActionSet = ALL_BUT_ERASURE.difference(ActionSet::DISCLOSURE);
const ADMIN_OR_PAYMENT: DataElementSet = DataElementSet::ADMINISTRATOR.union(DataElementSet::PAYMENT);
const ALL_BUT_ERASURE: ActionSet = ActionSet::ALL.difference(ActionSet::ERASURE);

/// Fraud-prevention and payment third parties "within or outside China".
pub(crate) const FRAUD_AND_PAYMENT_RECIPIENTS: Scope = Scope::ANY
    .data(ADMIN_OR_PAYMENT)
    .actions(RECIPIENT_ACTIONS)
    .parties(RECIPIENTS)
    .purposes(FRAUD_AND_PAYMENT_PURPOSES);

const fn only(authorization: Authorization) -> AuthorizationSet {
    AuthorizationSet::EMPTY.with(authorization)
}

const RECIPIENT_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::KeepConfidential,
    Obligation::UseOnlyForEngagedPurpose,
    Obligation::ProtectNoLessThanInChina,
]);

/// "These companies are required to maintain the confidentiality of your
/// data and are prohibited from using it for any purpose other than that
/// for which they are engaged by 21Vianet."
const SUPPLIER_DUTIES: ObligationSet =
    ObligationSet::of(&[Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose]);

/// The duties that bind a recipient whatever clause lets it have the data:
/// a supplier's confidentiality and engagement, and the fraud-prevention
/// and payment recipients' confidentiality, purpose and protection no less
/// than in China.
pub(crate) const fn recipient_duties(request: &crate::Request) -> ObligationSet {
    match request.party {
        Party::Supplier => SUPPLIER_DUTIES,
        Party::FraudPreventionProvider | Party::PaymentProcessor => RECIPIENT_DUTIES,
        _ => ObligationSet::EMPTY,
    }
}

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::SharingOverseasSupplierConsent,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(ALL_BUT_ERASURE)
            .parties(SUPPLIER)
            .locations(LocationSet::OUTSIDE_CHINA),
        DenyKind::NeedsAuthorization,
        Reason::OverseasSupplierAccessNeedsPriorConsent,
    )
    .unless(&[Exception {
        scope: Scope::ANY,
        needs: Needs::any_of(AuthorizationSet::of(&[
            Authorization::PriorConsentAfterExplanation,
            Authorization::LegalRequirement,
        ])),
    }]),
    Limit::new(
        ClauseId::SharingSuppliers,
        Scope::ANY
            .actions(OWN_PROCESSING)
            .parties(SUPPLIER)
            .purposes(PurposeSet::ALL.difference(SUPPLIER_PURPOSES)),
        DenyKind::Forbidden,
        Reason::SupplierUseLimitedToEngagement,
    ),
    Limit::new(
        ClauseId::SharingFraudAndPayment,
        Scope::ANY
            .actions(OWN_PROCESSING)
            .parties(RECIPIENTS)
            .purposes(PurposeSet::ALL.difference(FRAUD_AND_PAYMENT_PURPOSES)),
        DenyKind::Forbidden,
        Reason::RecipientUseLimitedToPurpose,
    ),
];

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::SharingSuppliers,
        // "We may provide these companies with access to your data where
        // necessary for their engagement": to provide technical support or
        // services on our behalf.
        Scope::ANY
            .actions(ActionSet::of(&[Action::Access, Action::Use, Action::Share]))
            .parties(SUPPLIER)
            .purposes(PurposeSet::of(&[
                Purpose::ServiceOnOurBehalf,
                Purpose::Troubleshooting,
                Purpose::ResolveSupportIssue,
            ])),
        Reason::SupplierUseLimitedToEngagement,
    )
    .obligations(ObligationSet::of(&[
        Obligation::KeepConfidential,
        Obligation::UseOnlyForEngagedPurpose,
    ])),
    Permit::new(
        ClauseId::SharingComplainant,
        Scope::ANY
            // "basic contact data": the Administrator Data the statement
            // lists, "name, address, phone number, and e-mail address".
            .data(DataElementSet::ADMINISTRATOR)
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(PartySet::of(&[Party::Complainant]))
            .purposes(PurposeSet::of(&[Purpose::ComplaintHandling])),
        Reason::ThirdPartyDisclosureNeedsBasis,
    ),
    Permit::new(
        ClauseId::SharingFraudAndPayment,
        FRAUD_AND_PAYMENT_RECIPIENTS,
        Reason::RecipientUseLimitedToPurpose,
    )
    .obligations(RECIPIENT_DUTIES),
    Permit::new(
        ClauseId::SharingThirdPartyOfferings,
        Scope::ANY
            .data(ADMIN_OR_PAYMENT)
            .actions(ActionSet::DISCLOSURE)
            .parties(PartySet::of(&[Party::ThirdPartyOfferingProvider]))
            .purposes(PurposeSet::of(&[Purpose::ThirdPartyOffering])),
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    )
    .needs(Needs::all_of(only(Authorization::CustomerDirection)))
    .advisories(AdvisorySet::of(&[Advisory::ThirdPartyPolicyGoverns])),
    Permit::new(
        ClauseId::SharingThirdPartyOfferings,
        Scope::ANY
            .data(DataElementSet::of(&[
                DataElement::AdministratorPhone,
                DataElement::AdministratorEmail,
            ]))
            .actions(ActionSet::of(&[Action::Contact]))
            .parties(PartySet::of(&[Party::ThirdPartyOfferingProvider]))
            .purposes(PurposeSet::of(&[Purpose::PromotionalCommunications])),
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    )
    .needs(Needs::all_of(AuthorizationSet::of(&[
        Authorization::CustomerDirection,
        Authorization::ContactPreferences,
    ])))
    .advisories(AdvisorySet::of(&[Advisory::ThirdPartyPolicyGoverns])),
    Permit::new(
        ClauseId::SharingCorporateTransactions,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(ActionSet::of(&[Action::Transfer]))
            .parties(PartySet::of(&[Party::SuccessorCompany]))
            .purposes(PurposeSet::of(&[Purpose::CorporateTransaction])),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .obligations(ObligationSet::of(&[
        Obligation::NotifyOfCorporateTransfer,
        Obligation::SuccessorHonoursStatement,
    ])),
    Permit::new(
        ClauseId::SharingCorporateTransactions,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(super::collection::BEYOND_SCOPE_ACTIONS)
            .parties(PartySet::of(&[Party::SuccessorCompany])),
        Reason::SuccessorNewPurposeNeedsConsent,
    )
    .needs(Needs::all_of(only(Authorization::ExplicitConsent)))
    .obligations(ObligationSet::of(&[
        Obligation::InformOfNewPurpose,
        Obligation::SuccessorHonoursStatement,
    ])),
    Permit::new(
        ClauseId::SharingGeneral,
        // The three bases of the general sentence reach "your data" and,
        // a fortiori, data that is neither Customer nor Personal Data.
        Scope::ANY
            .actions(ActionSet::DISCLOSURE)
            .parties(THIRD_PARTY_RECIPIENTS),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::any_of(AuthorizationSet::of(&[
        Authorization::CustomerDirection,
        Authorization::CustomerAgreement,
    ]))),
    Permit::new(
        ClauseId::SharingCustomerDataDisclosure,
        Scope::ANY
            .data(DataElementSet::CUSTOMER)
            .actions(ActionSet::DISCLOSURE)
            .parties(THIRD_PARTY_RECIPIENTS),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::LegalRequirement)))
    .notice_unless_prohibited(),
    Permit::new(
        ClauseId::SharingGeneral,
        Scope::ANY
            .data(DataElementSet::ALL.difference(DataElementSet::CUSTOMER))
            .actions(ActionSet::DISCLOSURE)
            .parties(THIRD_PARTY_RECIPIENTS),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::LegalRequirement))),
    Permit::new(
        ClauseId::SharingSixCircumstances,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(ActionSet::DISCLOSURE)
            .parties(THIRD_PARTY_RECIPIENTS),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::circumstance()),
];

/// Who can receive data under the general sentence and the six
/// circumstances: everyone outside 21Vianet and its affiliates, the
/// customer and its end users included (an end user's data-protection
/// request has its own limit, in [`super::managing`]).
const THIRD_PARTY_RECIPIENTS: PartySet = PartySet::THIRD_PARTIES;
