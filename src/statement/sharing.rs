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
//! Every basis is a key to one door, for the purpose its own words name:
//!
//! | basis | opens a disclosure outside the group for |
//! |---|---|
//! | the customer's direction ("as you direct") | [`Purpose::CustomerInstruction`] |
//! | the customer agreement ("as described in your customer agreement") | [`Purpose::CustomerAgreement`] |
//! | the law ("pursuant to applicable laws and regulations") | [`Purpose::LegalCompliance`] |
//! | national security and defense | [`Purpose::NationalSecurity`] |
//! | public security, health and interests | [`Purpose::PublicSecurityAndHealth`] |
//! | criminal investigation to sentence | [`Purpose::CriminalProceedings`] |
//! | life or property, consent hard to get | [`Purpose::ProtectLifeOrProperty`] |
//! | data the customer published, or lawfully public | the purposes stated for that data at collection |
//! | the customer's choice of a Third Party Offering | that offering ([`Purpose::ThirdPartyOffering`]) |
//!
//! None of them opens advertising, the sale of data or a recipient's own
//! marketing. Where two bases apply, the allow carries the duties of both.
//!
//! The bullets come first so that the allow cites the most specific
//! clause; the general sentence's three bases come after them.

use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Advisory, AdvisorySet, Authorization, AuthorizationSet, Circumstance, CircumstanceSet, ClauseId,
    DataElement, DataElementSet, DenyKind, LocationSet, Obligation, ObligationSet, Party, PartySet, Purpose,
    PurposeSet, Reason,
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
/// Receiving the data ("may share"), and using and storing it ("the data of
/// such overseas subcontractors are stored in the US and other countries
/// or regions").
const RECIPIENT_ACTIONS: ActionSet = ActionSet::of(&[Action::Share, Action::Disclose]).union(ActionSet::of(&[
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

/// "for the purpose of fraud prevention or to process payment
/// transactions": each recipient for its own purpose (a fraud-prevention
/// third party to prevent fraud, a payment processor to process payments),
/// the reading that lets less data out.
const fn recipient(party: Party, purpose: Purpose) -> Scope {
    Scope::ANY
        .data(ADMIN_OR_PAYMENT)
        .actions(RECIPIENT_ACTIONS)
        .parties(PartySet::EMPTY.with(party))
        .purposes(PurposeSet::EMPTY.with(purpose))
}

/// Fraud-prevention and payment third parties "within or outside China".
pub(crate) const FRAUD_PREVENTION_RECIPIENT: Scope =
    recipient(Party::FraudPreventionProvider, Purpose::FraudPrevention);
pub(crate) const PAYMENT_RECIPIENT: Scope = recipient(Party::PaymentProcessor, Purpose::ProcessPayment);

/// A recipient's own processing for anything but the purpose it got the
/// data for.
const fn beyond(party: Party, purpose: Purpose) -> Limit {
    Limit::new(
        ClauseId::SharingFraudAndPayment,
        Scope::ANY
            .actions(OWN_PROCESSING)
            .parties(PartySet::EMPTY.with(party))
            .purposes(PurposeSet::ALL.without(purpose)),
        DenyKind::Forbidden,
        Reason::RecipientUseLimitedToPurpose,
    )
}

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
    // "If it is really necessary to have your Personal Data accessed by an
    // overseas supplier or subcontractor, our customer support personnel
    // will explain the relevant information to you and obtain your prior
    // consent": this consent and nothing else (the sentence has no "unless
    // required by law").
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
        needs: Needs::all_of(only(Authorization::PriorConsentAfterExplanation)),
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
    beyond(Party::FraudPreventionProvider, Purpose::FraudPrevention),
    beyond(Party::PaymentProcessor, Purpose::ProcessPayment),
    // "If your Personal Data has to be transferred due to acquisitions,
    // mergers, reorganizations … The succeeding company that holds your
    // Personal Data": it holds Personal Data, and the statement gives it
    // nothing else of the customer's (deleting lets nothing out).
    Limit::new(
        ClauseId::SharingCorporateTransactions,
        Scope::ANY
            .data(DataElementSet::ALL.difference(DataElementSet::PERSONAL))
            .actions(ALL_BUT_ERASURE)
            .parties(PartySet::of(&[Party::SuccessorCompany])),
        DenyKind::NotPermitted,
        Reason::SuccessorHoldsPersonalDataOnly,
    ),
];

/// Promotions from a Third Party Offering: chosen, and as the contact
/// preferences allow.
const PROMOTIONS: AuthorizationSet = AuthorizationSet::of(&[
    Authorization::ThirdPartyOfferingChoice,
    Authorization::ContactPreferences,
]);

/// Who can receive data under the general sentence and the six
/// circumstances: everyone outside 21Vianet and its affiliates, the
/// customer and its end users included (an end user's data-protection
/// request has its own limit, in [`super::managing`]).
const THIRD_PARTY_RECIPIENTS: PartySet = PartySet::THIRD_PARTIES;

/// A disclosure outside the group, of `data`, for `purpose`.
const fn disclosure(data: DataElementSet, purpose: Purpose) -> Scope {
    Scope::ANY
        .data(data)
        .actions(ActionSet::DISCLOSURE)
        .parties(THIRD_PARTY_RECIPIENTS)
        .purposes(PurposeSet::EMPTY.with(purpose))
}

const NOT_CUSTOMER_DATA: DataElementSet = DataElementSet::ALL.difference(DataElementSet::CUSTOMER);

/// One of the first four circumstances: a disclosure of Personal Data
/// "directly related to" it.
const fn circumstance(circumstance: Circumstance, purpose: Purpose, recipients: PartySet) -> Permit {
    Permit::new(
        ClauseId::SharingSixCircumstances,
        disclosure(DataElementSet::PERSONAL, purpose).parties(recipients),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::circumstances(CircumstanceSet::EMPTY.with(circumstance)))
}

/// Who receives data "directly related to" national security, public
/// security and health, or criminal proceedings: the authorities.
const AUTHORITIES: PartySet = PartySet::of(&[Party::Authority]);
/// Who may secure someone's life or property: the authorities, or another
/// third party (a hospital, a rescuer).
const RESCUERS: PartySet = PartySet::of(&[Party::Authority, Party::ThirdParty]);

/// The last two circumstances: Personal Data the customer made public, or
/// collected from what was lawfully made public. They waive the explicit
/// instruction, not the purpose: the data goes out only for the purposes
/// stated for it at collection ("beyond the scope directly or reasonably
/// associated with the stated purpose at the time of collection" needs
/// express consent).
const fn public_data(data: DataElementSet, purposes: PurposeSet) -> Permit {
    Permit::new(
        ClauseId::SharingSixCircumstances,
        Scope::ANY
            .data(data)
            .actions(ActionSet::DISCLOSURE)
            .parties(THIRD_PARTY_RECIPIENTS)
            .purposes(purposes),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::circumstances(CircumstanceSet::of(&[
        Circumstance::PubliclyDisclosedBySubject,
        Circumstance::LawfullyPublicSource,
    ])))
}

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
    .obligations(SUPPLIER_DUTIES),
    Permit::new(
        ClauseId::SharingComplainant,
        Scope::ANY
            // "we may ask the third party to contact you directly and may
            // provide your basic contact data": what it needs to contact
            // you (name, phone number, e-mail address), not the address.
            .data(DataElementSet::of(&[
                DataElement::AdministratorName,
                DataElement::AdministratorPhone,
                DataElement::AdministratorEmail,
            ]))
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(PartySet::of(&[Party::Complainant]))
            .purposes(PurposeSet::of(&[Purpose::ComplaintHandling])),
        Reason::ThirdPartyDisclosureNeedsBasis,
    ),
    Permit::new(
        ClauseId::SharingFraudAndPayment,
        FRAUD_PREVENTION_RECIPIENT,
        Reason::RecipientUseLimitedToPurpose,
    )
    .obligations(RECIPIENT_DUTIES),
    Permit::new(
        ClauseId::SharingFraudAndPayment,
        PAYMENT_RECIPIENT,
        Reason::RecipientUseLimitedToPurpose,
    )
    .obligations(RECIPIENT_DUTIES),
    // "If you choose to purchase, subscribe to, or use a Third Party
    // Offering, we may provide the third party with your Administrator Data
    // or Payment Data to enable the third party to provide its offering to
    // you": the choice, which is not a direction to disclose anything else.
    Permit::new(
        ClauseId::SharingThirdPartyOfferings,
        Scope::ANY
            .data(ADMIN_OR_PAYMENT)
            // "we may provide the third party with": giving, not transferring.
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(PartySet::of(&[Party::ThirdPartyOfferingProvider]))
            .purposes(PurposeSet::of(&[Purpose::ThirdPartyOffering])),
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    )
    .needs(Needs::all_of(only(Authorization::ThirdPartyOfferingChoice)))
    .advisories(AdvisorySet::of(&[Advisory::ThirdPartyPolicyGoverns])),
    // "(and subject to your contact preferences, send you promotional
    // communications)": giving it the phone number or e-mail address to
    // send them by. What the third party then does is "governed by the
    // privacy statement and policies applicable to the third party", not
    // by this statement.
    Permit::new(
        ClauseId::SharingThirdPartyOfferings,
        Scope::ANY
            .data(DataElementSet::of(&[
                DataElement::AdministratorPhone,
                DataElement::AdministratorEmail,
            ]))
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(PartySet::of(&[Party::ThirdPartyOfferingProvider]))
            .purposes(PurposeSet::of(&[Purpose::PromotionalCommunications])),
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    )
    .needs(Needs::all_of(PROMOTIONS))
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
    // "If the succeeding company modifies the purpose of using your
    // Personal Data, it should acquire your explicit consent again": a new
    // purpose, never the sale of the data.
    Permit::new(
        ClauseId::SharingCorporateTransactions,
        Scope::ANY
            .data(DataElementSet::PERSONAL)
            .actions(super::collection::BEYOND_SCOPE_ACTIONS)
            .parties(PartySet::of(&[Party::SuccessorCompany]))
            .purposes(super::collection::BEYOND_SCOPE_PURPOSES),
        Reason::SuccessorNewPurposeNeedsConsent,
    )
    .needs(Needs::all_of(only(Authorization::ExplicitConsent)))
    .obligations(ObligationSet::of(&[
        Obligation::InformOfNewPurpose,
        Obligation::SuccessorHonoursStatement,
    ])),
    // The general sentence: "except as you direct, or as described in your
    // customer agreement …, or pursuant to applicable laws and
    // regulations", each for its own purpose. A disclosure of Customer Data
    // that 21Vianet makes (as the agreement describes, or as the law
    // requires) comes with the advance notice: "If it is strictly
    // necessary to disclose Customer Data to a third party, we will use
    // commercially reasonable efforts to notify you in advance of the
    // disclosure unless legally prohibited."
    Permit::new(
        ClauseId::SharingGeneral,
        disclosure(DataElementSet::ALL, Purpose::CustomerInstruction),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::CustomerDirection))),
    Permit::new(
        ClauseId::SharingGeneral,
        disclosure(DataElementSet::ALL, Purpose::CustomerAgreement),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::CustomerAgreement))),
    Permit::new(
        ClauseId::SharingCustomerDataDisclosure,
        disclosure(DataElementSet::CUSTOMER, Purpose::CustomerAgreement),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::CustomerAgreement)))
    .notice_unless_prohibited(),
    Permit::new(
        ClauseId::SharingCustomerDataDisclosure,
        disclosure(DataElementSet::CUSTOMER, Purpose::LegalCompliance),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::LegalRequirement)))
    .notice_unless_prohibited(),
    Permit::new(
        ClauseId::SharingGeneral,
        disclosure(NOT_CUSTOMER_DATA, Purpose::LegalCompliance),
        Reason::ThirdPartyDisclosureNeedsBasis,
    )
    .needs(Needs::all_of(only(Authorization::LegalRequirement))),
    // "We may not need to obtain your explicit instruction when sharing,
    // transferring or disclosing your Personal Data under the following
    // circumstances": each for what it is "directly related to".
    circumstance(Circumstance::NationalSecurity, Purpose::NationalSecurity, AUTHORITIES),
    circumstance(
        Circumstance::PublicInterest,
        Purpose::PublicSecurityAndHealth,
        AUTHORITIES,
    ),
    circumstance(
        Circumstance::CriminalInvestigation,
        Purpose::CriminalProceedings,
        AUTHORITIES,
    ),
    circumstance(Circumstance::VitalInterests, Purpose::ProtectLifeOrProperty, RESCUERS),
    public_data(DataElementSet::ADMINISTRATOR, super::administrator_data::PURPOSES),
    public_data(
        DataElementSet::REAL_NAME,
        PurposeSet::of(&[Purpose::RealNameVerification]),
    ),
    public_data(DataElementSet::PAYMENT, super::payment_data::PURPOSES),
    public_data(
        DataElementSet::SUPPORT.difference(DataElementSet::TECHNICAL),
        super::support_data::PURPOSES,
    ),
    public_data(DataElementSet::REGISTRATION, PurposeSet::of(&[Purpose::Registration])),
    public_data(DataElementSet::COOKIE, super::cookies::PURPOSES),
];

/// What a Third Party Offering's provider does with the data: "governed by
/// the privacy statement and policies applicable to the third party".
pub(crate) const THIRD_PARTY_OWN_USE: (ClauseId, Reason) =
    (ClauseId::SharingThirdPartyOfferings, Reason::OutsideStatementScope);

/// A disclosure outside the group that no basis opens.
pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::SharingGeneral, Reason::ThirdPartyDisclosureNeedsBasis);
