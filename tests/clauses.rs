//! Both sides of every clause of the sections that govern processing: a
//! request the clause allows, and its nearest neighbour (one dimension
//! changed) that it denies, with the deny's kind, reason and clause.

use vianet_privacy::{
    decide, Action, Advisory, Authorization, Circumstance, ClauseId, DataElement, Decision, DenyKind, Location,
    Objection, Obligation, OnlineService, Party, Purpose, Reason, Request,
};

use Action::*;
use DataElement::*;
use Location::*;
use Party::*;
use Purpose::*;

fn req(party: Party, action: Action, data: DataElement, purpose: Purpose, location: Location) -> Request {
    Request::new(OnlineService::Azure, party, action, data, purpose, location)
}

fn decided(request: &Request) -> Decision {
    match decide(request) {
        Ok(decision) => decision,
        Err(err) => panic!("{request:?} was an error: {err}"),
    }
}

#[track_caller]
fn allows(request: Request, clause: ClauseId, duties: &[Obligation]) -> Decision {
    let decision = decided(&request);
    assert!(decision.is_allowed(), "expected allow for {request:?}, got {decision}");
    assert_eq!(decision.clause(), clause, "wrong clause for {request:?}: {decision}");
    for duty in duties {
        assert!(
            decision.obligations().contains(*duty),
            "{request:?} lacks obligation {duty}: {decision}"
        );
    }
    decision
}

#[track_caller]
fn denies(request: Request, clause: ClauseId, kind: DenyKind, reason: Reason) -> Decision {
    let decision = decided(&request);
    assert!(!decision.is_allowed(), "expected deny for {request:?}, got {decision}");
    assert_eq!(decision.clause(), clause, "wrong clause for {request:?}: {decision}");
    assert_eq!(
        decision.deny_kind(),
        Some(kind),
        "wrong kind for {request:?}: {decision}"
    );
    assert_eq!(
        decision.reason(),
        Some(reason),
        "wrong reason for {request:?}: {decision}"
    );
    decision
}

#[test]
fn scope_customer_own_processing_is_not_granted() {
    denies(
        req(Customer, Use, AdministratorEmail, AdministerAccount, MainlandChina),
        ClauseId::ResponsibilityWithinAgreedScope,
        DenyKind::NotPermitted,
        Reason::OutsideStatementScope,
    );
    // Its neighbour with the operator acting is allowed.
    allows(
        req(Operator, Use, AdministratorEmail, AdministerAccount, MainlandChina),
        ClauseId::AdministratorDataUse,
        &[],
    );
}

#[test]
fn customer_data_use_only_for_service_purposes() {
    for purpose in [ProvideService, ImproveService, Troubleshooting, ThreatProtection] {
        allows(
            req(Operator, Use, CustomerContent, purpose, MainlandChina),
            ClauseId::CustomerDataUse,
            &[],
        );
    }
    for purpose in [OtherOffers, Training] {
        denies(
            req(Operator, Use, CustomerContent, purpose, MainlandChina),
            ClauseId::CustomerDataUse,
            DenyKind::NotPermitted,
            Reason::CustomerDataUseLimited,
        );
    }
    // Advertising and the sale of data: closed, with the reason that says so.
    for purpose in [Advertising, SaleOfData] {
        denies(
            req(Operator, Use, CustomerContent, purpose, MainlandChina),
            ClauseId::CustomerDataUse,
            DenyKind::NotPermitted,
            Reason::PurposeClosed,
        );
    }
    // Express consent does not open Customer Data: it is not Personal Data
    // in the statement's list, and its purposes are closed by "only".
    let consented = req(Operator, Use, HostedApplication, Advertising, MainlandChina)
        .with_authorization(Authorization::ExplicitConsent);
    denies(
        consented,
        ClauseId::CustomerDataUse,
        DenyKind::NotPermitted,
        Reason::PurposeClosed,
    );
}

#[test]
fn customer_data_stored_only_in_china() {
    allows(
        req(Operator, Store, CustomerContent, ProvideService, MainlandChina),
        ClauseId::CustomerDataUse,
        &[],
    );
    for place in [HongKong, Macau, Taiwan, UnitedStates, OtherCountry] {
        let denied = denies(
            req(Operator, Store, CustomerContent, ProvideService, place),
            ClauseId::CustomerDataStoredInChina,
            DenyKind::Forbidden,
            Reason::CustomerDataStoredOnlyInChina,
        );
        assert!(denied.missing().is_empty());
    }
    // No authorization lifts it.
    let authorized = req(Affiliate, Retain, CustomerContent, ProvideService, UnitedStates)
        .with_authorization(Authorization::OverseasTransferAuthorization)
        .with_authorization(Authorization::CustomerDirection);
    denies(
        authorized,
        ClauseId::CustomerDataStoredInChina,
        DenyKind::Forbidden,
        Reason::CustomerDataStoredOnlyInChina,
    );
}

#[test]
fn customer_data_overseas_access_only_to_troubleshoot_supervised() {
    for party in [Affiliate, Supplier] {
        allows(
            req(party, Access, CustomerContent, Troubleshooting, Taiwan),
            ClauseId::CustomerDataOverseasAccess,
            &[Obligation::SuperviseOverseasAccess, Obligation::EndAccessWhenResolved],
        );
    }
    denies(
        req(Supplier, Access, CustomerContent, ServiceOnOurBehalf, UnitedStates),
        ClauseId::CustomerDataOverseasAccess,
        DenyKind::NotPermitted,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    );
    // The operator itself is not among those the clause lets in from abroad.
    denies(
        req(Operator, Access, CustomerContent, Troubleshooting, HongKong),
        ClauseId::CustomerDataOverseasAccess,
        DenyKind::NotPermitted,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    );
    // Nor may the group share it abroad under the group's own purposes.
    denies(
        req(Affiliate, Share, CustomerContent, ProvideService, UnitedStates),
        ClauseId::CustomerDataOverseasAccess,
        DenyKind::NotPermitted,
        Reason::OverseasCustomerDataAccessOnlyToTroubleshoot,
    );
    // The same supplier troubleshooting from within China needs no supervision duty.
    let home = allows(
        req(Supplier, Access, CustomerContent, Troubleshooting, MainlandChina),
        ClauseId::SharingSuppliers,
        &[],
    );
    assert!(!home.obligations().contains(Obligation::SuperviseOverseasAccess));
}

#[test]
fn administrator_data_use() {
    for purpose in [CompleteTransaction, AdministerAccount, ImproveService, FraudPrevention] {
        allows(
            req(Operator, Use, AdministratorName, purpose, MainlandChina),
            ClauseId::AdministratorDataUse,
            &[],
        );
    }
    // Beyond those purposes: only with express consent.
    let denied = denies(
        req(Operator, Use, AdministratorName, Advertising, MainlandChina),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
    assert!(denied.missing().contains(Authorization::ExplicitConsent));
    // A supplier may not use it for the customer's account at all.
    denies(
        req(Supplier, Use, AdministratorName, Advertising, MainlandChina),
        ClauseId::SharingSuppliers,
        DenyKind::Forbidden,
        Reason::SupplierUseLimitedToEngagement,
    );
}

#[test]
fn use_beyond_stated_scope_needs_express_consent() {
    let request = req(Operator, Use, RegistrationEmail, ImproveService, MainlandChina);
    let denied = denies(
        request,
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
    assert_eq!(
        denied.missing().iter().collect::<Vec<_>>(),
        vec![Authorization::ExplicitConsent]
    );
    allows(
        request.with_authorization(Authorization::ExplicitConsent),
        ClauseId::UseBeyondStatedScope,
        &[Obligation::InformOfNewPurpose],
    );
    // Consent does not reach sharing: that needs a sharing basis, for the
    // basis's own purpose (none opens improving the services).
    let share = req(ThirdParty, Share, RegistrationEmail, ImproveService, MainlandChina)
        .with_authorization(Authorization::ExplicitConsent);
    denies(
        share,
        ClauseId::SharingGeneral,
        DenyKind::NotPermitted,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
    // Nor the sale of data, ever.
    denies(
        req(Operator, Use, RegistrationEmail, SaleOfData, MainlandChina)
            .with_authorization(Authorization::ExplicitConsent),
        ClauseId::RegistrationData,
        DenyKind::NotPermitted,
        Reason::PurposeClosed,
    );
}

#[test]
fn registration_data_for_its_registration() {
    allows(
        req(Operator, Collect, RegistrationPhone, Registration, MainlandChina),
        ClauseId::RegistrationData,
        &[],
    );
    denies(
        req(Supplier, Collect, RegistrationPhone, Registration, MainlandChina),
        ClauseId::SharingSuppliers,
        DenyKind::Forbidden,
        Reason::SupplierUseLimitedToEngagement,
    );
    denies(
        req(Operator, Store, RegistrationDetails, Registration, HongKong),
        ClauseId::PersonalDataStoredInChina,
        DenyKind::NeedsAuthorization,
        Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
    );
}

#[test]
fn administrator_service_communications_cannot_be_unsubscribed() {
    let allowed = allows(
        req(
            Operator,
            Contact,
            AdministratorEmail,
            ServiceCommunication,
            MainlandChina,
        ),
        ClauseId::AdministratorServiceCommunications,
        &[],
    );
    assert!(allowed
        .advisories()
        .contains(Advisory::CannotUnsubscribeServiceCommunications));
    // The neighbour: a third party contacting for the same purpose.
    denies(
        req(
            ThirdParty,
            Contact,
            AdministratorEmail,
            ServiceCommunication,
            MainlandChina,
        ),
        ClauseId::AdministratorDataUse,
        DenyKind::NotPermitted,
        Reason::AdministratorDataUseLimited,
    );
}

#[test]
fn administrator_third_party_inquiries() {
    // "as described in your customer agreement".
    let inquiry = req(Operator, Contact, AdministratorPhone, ThirdPartyInquiry, MainlandChina);
    let denied = denies(
        inquiry,
        ClauseId::AdministratorThirdPartyInquiries,
        DenyKind::NeedsAuthorization,
        Reason::ThirdPartyInquiryAsTheAgreementDescribes,
    );
    assert!(denied.missing().contains(Authorization::CustomerAgreement));
    allows(
        inquiry.with_authorization(Authorization::CustomerAgreement),
        ClauseId::AdministratorThirdPartyInquiries,
        &[],
    );
    denies(
        req(Operator, Contact, BillingAddress, ThirdPartyInquiry, MainlandChina),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
}

#[test]
fn administrator_other_offers_only_as_contact_preferences_allow() {
    let offer = req(Operator, Contact, AdministratorEmail, OtherOffers, MainlandChina);
    let denied = denies(
        offer,
        ClauseId::AdministratorOtherOffers,
        DenyKind::NeedsAuthorization,
        Reason::OffersNeedContactPreferences,
    );
    assert!(denied.missing().contains(Authorization::ContactPreferences));
    allows(
        offer.with_authorization(Authorization::ContactPreferences),
        ClauseId::AdministratorOtherOffers,
        &[Obligation::OfferContactPreferences],
    );
    // Even express consent does not replace the contact preferences.
    denies(
        req(Operator, Contact, AdministratorPhone, FeedbackRequest, MainlandChina)
            .with_authorization(Authorization::ExplicitConsent),
        ClauseId::AdministratorOtherOffers,
        DenyKind::NeedsAuthorization,
        Reason::OffersNeedContactPreferences,
    );
    // "by phone or e-mail": not by post.
    denies(
        req(Operator, Contact, AdministratorAddress, OtherOffers, MainlandChina)
            .with_authorization(Authorization::ContactPreferences),
        ClauseId::AdministratorOtherOffers,
        DenyKind::NotPermitted,
        Reason::OffersNeedContactPreferences,
    );
}

#[test]
fn real_name_management_and_verification() {
    allows(
        req(Operator, Collect, IdCardScan, RealNameVerification, MainlandChina),
        ClauseId::RealNameManagement,
        &[],
    );
    allows(
        req(
            VerificationAgency,
            Disclose,
            BusinessLicense,
            RealNameVerification,
            MainlandChina,
        ),
        ClauseId::RealNameVerification,
        &[Obligation::ApplySecurityMeasures],
    );
    denies(
        req(Operator, Use, IdCardScan, Training, MainlandChina),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
    // The agency only for verification; any other recipient needs a sharing
    // basis, which opens its own purpose, not verification.
    denies(
        req(
            ThirdParty,
            Disclose,
            BusinessLicense,
            RealNameVerification,
            MainlandChina,
        ),
        ClauseId::SharingGeneral,
        DenyKind::NotPermitted,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
}

#[test]
fn payment_data_use_and_storage() {
    allows(
        req(
            Operator,
            Use,
            PaymentInstrumentNumber,
            CompleteTransaction,
            MainlandChina,
        ),
        ClauseId::PaymentDataUse,
        &[],
    );
    allows(
        req(Operator, Use, TransactionRecord, FraudPrevention, MainlandChina),
        ClauseId::PaymentDataUse,
        &[],
    );
    // "When you use authenticated Payment Data, we will store that data".
    allows(
        req(
            Operator,
            Store,
            PaymentInstrumentNumber,
            FutureTransactions,
            MainlandChina,
        )
        .with_authorization(Authorization::AuthenticatedPaymentData),
        ClauseId::PaymentDataStorage,
        &[Obligation::ApplySecurityMeasures],
    );
    let unauthenticated = denies(
        req(
            Operator,
            Store,
            PaymentInstrumentNumber,
            FutureTransactions,
            MainlandChina,
        ),
        ClauseId::PaymentDataStorage,
        DenyKind::NeedsAuthorization,
        Reason::StoredPaymentDataMustBeAuthenticated,
    );
    assert!(unauthenticated
        .missing()
        .contains(Authorization::AuthenticatedPaymentData));
    denies(
        req(
            Operator,
            Store,
            PaymentInstrumentNumber,
            FutureTransactions,
            UnitedStates,
        )
        .with_authorization(Authorization::AuthenticatedPaymentData),
        ClauseId::PersonalDataStoredInChina,
        DenyKind::NeedsAuthorization,
        Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
    );
    denies(
        req(Affiliate, Use, BillingAddress, Advertising, MainlandChina),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
}

#[test]
fn payment_security_code_is_never_retained() {
    allows(
        req(Operator, Use, SecurityCode, CompleteTransaction, MainlandChina),
        ClauseId::PaymentDataUse,
        &[Obligation::NeverRetainSecurityCode],
    );
    for action in [Store, Retain] {
        for party in [Operator, Affiliate, PaymentProcessor] {
            let all = vianet_privacy::AuthorizationSet::ALL;
            let denied = denies(
                req(party, action, SecurityCode, FutureTransactions, MainlandChina)
                    .with_authorizations(all)
                    .with_circumstance(Circumstance::VitalInterests),
                ClauseId::PaymentSecurityCodeNotRetained,
                DenyKind::Forbidden,
                Reason::SecurityCodeNeverRetained,
            );
            assert!(denied.missing().is_empty());
        }
    }
}

#[test]
fn support_data_use() {
    allows(
        req(Operator, Use, ErrorTrackingFile, ResolveSupportIssue, MainlandChina),
        ClauseId::SupportDataUse,
        &[],
    );
    allows(
        req(Operator, Use, ChatPersonalization, Training, MainlandChina),
        ClauseId::SupportDataUse,
        &[],
    );
    denies(
        req(Operator, Use, ErrorTrackingFile, Advertising, MainlandChina),
        ClauseId::SupportDataUse,
        DenyKind::NotPermitted,
        Reason::PurposeClosed,
    );
    denies(
        req(Operator, Use, ErrorTrackingFile, OtherOffers, MainlandChina),
        ClauseId::SupportDataUse,
        DenyKind::NotPermitted,
        Reason::SupportDataUseLimited,
    );
}

#[test]
fn support_remote_access_with_permission_until_ended() {
    let remote = req(
        Operator,
        RemoteControl,
        DeviceDiagnostics,
        ResolveSupportIssue,
        MainlandChina,
    );
    let denied = denies(
        remote,
        ClauseId::SupportRemoteAccess,
        DenyKind::NeedsAuthorization,
        Reason::RemoteAccessNeedsPermission,
    );
    assert!(denied.missing().contains(Authorization::RemoteAccessPermission));
    let permitted = remote.with_authorization(Authorization::RemoteAccessPermission);
    allows(
        permitted,
        ClauseId::SupportRemoteAccess,
        &[
            Obligation::RemoteAccessTemporary,
            Obligation::ShowRemoteAccessRecord,
            Obligation::HonourTerminationAtAnyTime,
        ],
    );
    denies(
        permitted.with_objection(Objection::RemoteSessionEnded),
        ClauseId::SupportRemoteAccess,
        DenyKind::NotPermitted,
        Reason::RemoteSessionEnded,
    );
}

#[test]
fn support_recording() {
    let record = req(Operator, Record, SupportRecording, Training, MainlandChina);
    allows(
        record,
        ClauseId::SupportRecording,
        &[Obligation::HonourTerminationAtAnyTime],
    );
    denies(
        record.with_objection(Objection::RemoteSessionEnded),
        ClauseId::SupportRemoteAccess,
        DenyKind::NotPermitted,
        Reason::RemoteSessionEnded,
    );
    denies(
        req(Operator, Record, SupportRecording, Advertising, MainlandChina),
        ClauseId::SupportDataUse,
        DenyKind::NotPermitted,
        Reason::PurposeClosed,
    );
}

#[test]
fn support_survey_until_unsubscribed() {
    // "After the support experience is over, we may send you a questionnaire".
    let early = req(Operator, Contact, SupportContactInfo, SupportSurvey, MainlandChina);
    let denied = denies(
        early,
        ClauseId::SupportSurvey,
        DenyKind::NeedsAuthorization,
        Reason::SurveyOnlyAfterSupport,
    );
    assert!(denied.missing().contains(Authorization::SupportExperienceOver));
    let survey = early.with_authorization(Authorization::SupportExperienceOver);
    allows(survey, ClauseId::SupportSurvey, &[Obligation::OfferSurveyUnsubscribe]);
    denies(
        survey.with_objection(Objection::SurveyUnsubscribed),
        ClauseId::SupportSurvey,
        DenyKind::NotPermitted,
        Reason::SurveyUnsubscribed,
    );
}

#[test]
fn cookies_use_and_third_parties() {
    for purpose in [StorePreferences, FraudPrevention, Authentication, OperationalData] {
        allows(
            req(Operator, Collect, CookieData, purpose, MainlandChina),
            ClauseId::CookiesUse,
            &[],
        );
    }
    allows(
        req(Supplier, Collect, CookieData, SiteAnalytics, MainlandChina),
        ClauseId::CookiesThirdParty,
        &[Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose],
    );
    // Cookies reflect a person's activity: Personal Data, so an overseas
    // analytics supplier needs the explained prior consent.
    let abroad = req(Supplier, Collect, CookieData, SiteAnalytics, OtherCountry);
    denies(
        abroad,
        ClauseId::SharingOverseasSupplierConsent,
        DenyKind::NeedsAuthorization,
        Reason::OverseasSupplierAccessNeedsPriorConsent,
    );
    allows(
        abroad.with_authorization(Authorization::PriorConsentAfterExplanation),
        ClauseId::CookiesThirdParty,
        &[Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose],
    );
    denies(
        req(ThirdParty, Collect, CookieData, SiteAnalytics, MainlandChina),
        ClauseId::CookiesUse,
        DenyKind::NotPermitted,
        Reason::CookieUseLimited,
    );
    // Personal Data now: advertising with them needs express consent to a
    // use beyond the stated scope.
    denies(
        req(Operator, Collect, CookieData, Advertising, MainlandChina),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
}

#[test]
fn cookies_refused_by_the_user() {
    let refused = denies(
        req(Operator, Collect, CookieData, Authentication, MainlandChina).with_objection(Objection::CookiesRefused),
        ClauseId::CookiesUserControl,
        DenyKind::NotPermitted,
        Reason::CookiesRefused,
    );
    assert!(refused.advisories().contains(Advisory::CookieRefusalMayDegradeService));
}

#[test]
fn local_software() {
    allows(
        req(Operator, Collect, LocalEnvironmentData, ProvideService, MainlandChina),
        ClauseId::LocalSoftwareCollection,
        &[],
    );
    denies(
        req(Operator, Collect, LocalEnvironmentData, ImproveService, MainlandChina),
        ClauseId::LocalSoftwareCollection,
        DenyKind::NotPermitted,
        Reason::LocalSoftwareDataUseLimited,
    );
    // Diagnostics may go to overseas suppliers to operate and improve.
    allows(
        req(Supplier, Transfer, AgentDiagnosticData, ImproveService, UnitedStates),
        ClauseId::LocalSoftwareDiagnostics,
        &[],
    );
    denies(
        req(Operator, Use, AgentDiagnosticData, Advertising, MainlandChina),
        ClauseId::LocalSoftwareCollection,
        DenyKind::NotPermitted,
        Reason::PurposeClosed,
    );
    denies(
        req(Operator, Use, AgentDiagnosticData, Training, MainlandChina),
        ClauseId::LocalSoftwareCollection,
        DenyKind::NotPermitted,
        Reason::LocalSoftwareDataUseLimited,
    );
}

#[test]
fn personal_data_leaves_china_only_with_authorization() {
    let abroad = req(Affiliate, Transfer, AdministratorEmail, AdministerAccount, Macau);
    let denied = denies(
        abroad,
        ClauseId::PersonalDataStoredInChina,
        DenyKind::NeedsAuthorization,
        Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
    );
    assert!(denied.missing().contains(Authorization::OverseasTransferAuthorization));
    assert!(denied.missing().contains(Authorization::LegalRequirement));
    for basis in [
        Authorization::OverseasTransferAuthorization,
        Authorization::LegalRequirement,
    ] {
        allows(
            abroad.with_authorization(basis),
            ClauseId::AdministratorDataUse,
            &[Obligation::ApplySecurityMeasures],
        );
    }
    // Mainland China is China; its neighbour Hong Kong is not.
    allows(
        req(
            Affiliate,
            Transfer,
            AdministratorEmail,
            AdministerAccount,
            MainlandChina,
        ),
        ClauseId::AdministratorDataUse,
        &[],
    );
}

#[test]
fn sharing_general_needs_direction_agreement_or_law() {
    // Each basis opens a disclosure for its own purpose: "as you direct"
    // for what the customer directs, "as described in your customer
    // agreement" for what it describes, "pursuant to applicable laws and
    // regulations" for complying with them.
    let bases = [
        (Authorization::CustomerDirection, CustomerInstruction),
        (Authorization::CustomerAgreement, Purpose::CustomerAgreement),
        (Authorization::LegalRequirement, LegalCompliance),
    ];
    for (basis, purpose) in bases {
        let share = req(ThirdParty, Share, AdministratorPhone, purpose, MainlandChina);
        let denied = denies(
            share,
            ClauseId::SharingGeneral,
            DenyKind::NeedsAuthorization,
            Reason::ThirdPartyDisclosureNeedsBasis,
        );
        assert_eq!(denied.missing().iter().collect::<Vec<_>>(), vec![basis]);
        allows(
            share.with_authorization(basis),
            ClauseId::SharingGeneral,
            &[Obligation::ApplySecurityMeasures],
        );
        // A basis does not open another's purpose.
        for (other, _) in bases.iter().filter(|(other, _)| *other != basis) {
            assert!(!decided(&share.with_authorization(*other)).is_allowed());
        }
    }
    // Affiliates are not third parties: sharing within the group needs no basis.
    allows(
        req(Affiliate, Share, AdministratorPhone, AdministerAccount, MainlandChina),
        ClauseId::AdministratorDataUse,
        &[],
    );
}

#[test]
fn sharing_suppliers_on_our_behalf() {
    allows(
        req(
            Supplier,
            Access,
            SupportVerificationInfo,
            ServiceOnOurBehalf,
            MainlandChina,
        ),
        ClauseId::SharingSuppliers,
        &[Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose],
    );
    denies(
        req(Supplier, Use, SupportVerificationInfo, OtherOffers, MainlandChina),
        ClauseId::SharingSuppliers,
        DenyKind::Forbidden,
        Reason::SupplierUseLimitedToEngagement,
    );
}

#[test]
fn sharing_overseas_supplier_needs_prior_consent_after_explanation() {
    let access = req(Supplier, Access, SupportContactInfo, ResolveSupportIssue, UnitedStates);
    let denied = denies(
        access,
        ClauseId::SharingOverseasSupplierConsent,
        DenyKind::NeedsAuthorization,
        Reason::OverseasSupplierAccessNeedsPriorConsent,
    );
    // That consent only: the sentence has no "unless required by law".
    assert_eq!(
        denied.missing().iter().collect::<Vec<_>>(),
        vec![Authorization::PriorConsentAfterExplanation]
    );
    assert!(!decided(&access.with_authorization(Authorization::LegalRequirement)).is_allowed());
    allows(
        access.with_authorization(Authorization::PriorConsentAfterExplanation),
        ClauseId::SharingSuppliers,
        &[Obligation::KeepConfidential],
    );
    // Technical data that is not Personal Data needs no consent abroad.
    allows(
        req(Supplier, Access, ErrorTrackingFile, ResolveSupportIssue, UnitedStates),
        ClauseId::SharingSuppliers,
        &[],
    );
}

#[test]
fn sharing_customer_data_disclosure_with_advance_notice() {
    let disclose = req(Authority, Disclose, CustomerContent, LegalCompliance, MainlandChina);
    denies(
        disclose,
        ClauseId::SharingCustomerDataDisclosure,
        DenyKind::NeedsAuthorization,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
    let by_law = disclose.with_authorization(Authorization::LegalRequirement);
    allows(
        by_law,
        ClauseId::SharingCustomerDataDisclosure,
        &[Obligation::NotifyCustomerBeforeDisclosure],
    );
    let gagged = allows(
        by_law.with_authorization(Authorization::LegalProhibitionOnNotice),
        ClauseId::SharingCustomerDataDisclosure,
        &[],
    );
    assert!(!gagged
        .obligations()
        .contains(Obligation::NotifyCustomerBeforeDisclosure));
    // As the agreement describes: with the notice too.
    allows(
        req(
            ThirdParty,
            Disclose,
            CustomerContent,
            Purpose::CustomerAgreement,
            MainlandChina,
        )
        .with_authorization(Authorization::CustomerAgreement),
        ClauseId::SharingGeneral,
        &[Obligation::NotifyCustomerBeforeDisclosure],
    );
    // As the customer directs: it knows already.
    let directed = allows(
        req(
            ThirdParty,
            Disclose,
            CustomerContent,
            CustomerInstruction,
            MainlandChina,
        )
        .with_authorization(Authorization::CustomerDirection),
        ClauseId::SharingGeneral,
        &[],
    );
    assert!(!directed
        .obligations()
        .contains(Obligation::NotifyCustomerBeforeDisclosure));
    // The six circumstances speak of Personal Data, not Customer Data.
    denies(
        req(Authority, Disclose, CustomerContent, NationalSecurity, MainlandChina)
            .with_circumstance(Circumstance::NationalSecurity),
        ClauseId::SharingGeneral,
        DenyKind::NotPermitted,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
}

#[test]
fn sharing_basic_contact_data_with_a_complainant() {
    allows(
        req(Complainant, Share, AdministratorEmail, ComplaintHandling, MainlandChina),
        ClauseId::SharingComplainant,
        &[],
    );
    denies(
        req(Complainant, Share, BillingAddress, ComplaintHandling, MainlandChina),
        ClauseId::SharingGeneral,
        DenyKind::NotPermitted,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
}

#[test]
fn sharing_for_fraud_prevention_and_payments_within_or_outside_china() {
    let duties = [
        Obligation::KeepConfidential,
        Obligation::UseOnlyForEngagedPurpose,
        Obligation::ProtectNoLessThanInChina,
    ];
    allows(
        req(
            PaymentProcessor,
            Share,
            PaymentInstrumentNumber,
            ProcessPayment,
            UnitedStates,
        ),
        ClauseId::SharingFraudAndPayment,
        &duties,
    );
    allows(
        req(
            FraudPreventionProvider,
            Share,
            AdministratorEmail,
            FraudPrevention,
            MainlandChina,
        ),
        ClauseId::SharingFraudAndPayment,
        &duties,
    );
    denies(
        req(
            PaymentProcessor,
            Use,
            PaymentInstrumentNumber,
            Advertising,
            UnitedStates,
        ),
        ClauseId::SharingFraudAndPayment,
        DenyKind::Forbidden,
        Reason::RecipientUseLimitedToPurpose,
    );
    // Only Administrator and Payment Data: support data needs a basis.
    denies(
        req(
            FraudPreventionProvider,
            Share,
            SupportContactInfo,
            FraudPrevention,
            MainlandChina,
        ),
        ClauseId::SharingGeneral,
        DenyKind::NotPermitted,
        Reason::ThirdPartyDisclosureNeedsBasis,
    );
}

#[test]
fn sharing_with_third_party_offerings_the_customer_chose() {
    let offering = req(
        ThirdPartyOfferingProvider,
        Share,
        AdministratorEmail,
        ThirdPartyOffering,
        MainlandChina,
    );
    let denied = denies(
        offering,
        ClauseId::SharingThirdPartyOfferings,
        DenyKind::NeedsAuthorization,
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    );
    assert!(denied.missing().contains(Authorization::ThirdPartyOfferingChoice));
    let chosen = allows(
        offering.with_authorization(Authorization::ThirdPartyOfferingChoice),
        ClauseId::SharingThirdPartyOfferings,
        &[],
    );
    assert!(chosen.advisories().contains(Advisory::ThirdPartyPolicyGoverns));

    // "(and subject to your contact preferences, send you promotional
    // communications)": the provider gets the phone number or e-mail address
    // for them, as the contact preferences allow…
    let promo = req(
        ThirdPartyOfferingProvider,
        Share,
        AdministratorEmail,
        PromotionalCommunications,
        MainlandChina,
    )
    .with_authorization(Authorization::ThirdPartyOfferingChoice);
    let denied = denies(
        promo,
        ClauseId::SharingThirdPartyOfferings,
        DenyKind::NeedsAuthorization,
        Reason::ThirdPartyOfferingNeedsCustomerChoice,
    );
    assert!(denied.missing().contains(Authorization::ContactPreferences));
    allows(
        promo.with_authorization(Authorization::ContactPreferences),
        ClauseId::SharingThirdPartyOfferings,
        &[],
    );
    // …and what it then does is governed by its own policies, not this
    // statement.
    denies(
        promo
            .with_authorization(Authorization::ContactPreferences)
            .with_action(Contact),
        ClauseId::SharingThirdPartyOfferings,
        DenyKind::NotPermitted,
        Reason::OutsideStatementScope,
    );
}

#[test]
fn sharing_in_corporate_transactions() {
    allows(
        req(
            SuccessorCompany,
            Transfer,
            AdministratorName,
            CorporateTransaction,
            MainlandChina,
        ),
        ClauseId::SharingCorporateTransactions,
        &[
            Obligation::NotifyOfCorporateTransfer,
            Obligation::SuccessorHonoursStatement,
        ],
    );
    // The successor keeps to the statement's purposes…
    allows(
        req(
            SuccessorCompany,
            Use,
            AdministratorName,
            AdministerAccount,
            MainlandChina,
        ),
        ClauseId::AdministratorDataUse,
        &[],
    );
    // …and needs explicit consent again for a new one.
    let new_purpose = req(SuccessorCompany, Use, AdministratorName, Advertising, MainlandChina);
    denies(
        new_purpose,
        ClauseId::SharingCorporateTransactions,
        DenyKind::NeedsAuthorization,
        Reason::SuccessorNewPurposeNeedsConsent,
    );
    allows(
        new_purpose.with_authorization(Authorization::ExplicitConsent),
        ClauseId::SharingCorporateTransactions,
        &[Obligation::InformOfNewPurpose],
    );
}

#[test]
fn sharing_in_the_six_circumstances() {
    // Each of the first four opens a disclosure "directly related to" it.
    let related = [
        (Circumstance::NationalSecurity, NationalSecurity),
        (Circumstance::PublicInterest, PublicSecurityAndHealth),
        (Circumstance::CriminalInvestigation, CriminalProceedings),
        (Circumstance::VitalInterests, ProtectLifeOrProperty),
    ];
    for (circumstance, purpose) in related {
        let disclose = req(Authority, Disclose, RegistrationIdNumber, purpose, MainlandChina);
        denies(
            disclose,
            ClauseId::SharingGeneral,
            DenyKind::NotPermitted,
            Reason::ThirdPartyDisclosureNeedsBasis,
        );
        allows(
            disclose.with_circumstance(circumstance),
            ClauseId::SharingSixCircumstances,
            &[Obligation::ApplySecurityMeasures],
        );
        // Not for complying with the law in general: that is the law's door.
        assert!(!decided(&disclose.with_circumstance(circumstance).with_purpose(LegalCompliance)).is_allowed());
    }
    // The last two: for the purposes stated for the data at collection.
    for circumstance in [
        Circumstance::PubliclyDisclosedBySubject,
        Circumstance::LawfullyPublicSource,
    ] {
        allows(
            req(ThirdParty, Share, RegistrationEmail, Registration, MainlandChina).with_circumstance(circumstance),
            ClauseId::SharingSixCircumstances,
            &[],
        );
        denies(
            req(ThirdParty, Share, RegistrationEmail, Advertising, MainlandChina).with_circumstance(circumstance),
            ClauseId::RegistrationData,
            DenyKind::NotPermitted,
            Reason::PurposeClosed,
        );
    }
    // A circumstance is no ground to use the data ourselves for a new purpose.
    denies(
        req(Operator, Use, RegistrationIdNumber, Advertising, MainlandChina)
            .with_circumstance(Circumstance::PublicInterest),
        ClauseId::UseBeyondStatedScope,
        DenyKind::NeedsAuthorization,
        Reason::UseBeyondScopeNeedsExpressConsent,
    );
}

#[test]
fn protection_security_measures_on_storage_and_transmission() {
    let stored = allows(
        req(Operator, Store, AdministratorEmail, AdministerAccount, MainlandChina),
        ClauseId::AdministratorDataUse,
        &[Obligation::ApplySecurityMeasures],
    );
    assert_eq!(stored.obligations().len(), 1);
    let used = allows(
        req(Operator, Use, AdministratorEmail, AdministerAccount, MainlandChina),
        ClauseId::AdministratorDataUse,
        &[],
    );
    assert!(used.obligations().is_empty());
}

#[test]
fn every_clause_is_in_the_catalog_with_a_passage_and_both_languages() {
    for clause in ClauseId::ALL {
        assert!(!clause.passage().is_empty(), "{clause} has no passage");
        for language in vianet_privacy::Language::ALL {
            assert!(!clause.label(*language).is_empty(), "{clause} lacks a {language} title");
        }
    }
}

/// The statement's Chinese text is a fragment: the introduction, cookies,
/// local software, the two lists (the six circumstances; the grounds for
/// not responding) and compliance with law. A clause has a Chinese passage
/// exactly when its sentence is in the fragment; English always.
#[test]
fn chinese_passages_are_exactly_the_fragments_sentences() {
    use vianet_privacy::{Language, Section};
    let in_fragment = |clause: ClauseId| {
        matches!(
            clause.section(),
            Section::Cookies | Section::LocalSoftware | Section::ComplianceWithLaw
        ) || matches!(
            clause,
            ClauseId::Scope
                | ClauseId::SharingSixCircumstances
                | ClauseId::ManagingRefusalGrounds
                | ClauseId::ManagingRefusalControllerObligations
                | ClauseId::ManagingRefusalTradeSecrets
        )
    };
    for clause in ClauseId::ALL.iter().copied() {
        assert_eq!(clause.passage_in(Language::En), Some(clause.passage()), "{clause}");
        let zh = clause.passage_in(Language::ZhCn);
        assert_eq!(zh.is_some(), in_fragment(clause), "{clause}: {zh:?}");
        if let Some(zh) = zh {
            // The pinyin noise is gone: no Latin letters but the names the
            // text itself uses.
            let latin: String = zh.chars().filter(char::is_ascii_alphabetic).collect();
            assert!(
                ["", "Cookies", "CookiesCookies", "AzureStack", "VAT"].contains(&latin.as_str()),
                "{clause}: {latin}"
            );
            // Simplified characters, not the fragment's traditional ones.
            for traditional in "與國們網務聲隱個權當對應該經營記錄發時內設覽資護".chars() {
                assert!(!zh.contains(traditional), "{clause} has {traditional}");
            }
        }
    }
    // Where the two texts differ, both are there to see.
    let trade = ClauseId::ManagingRefusalTradeSecrets
        .passage_in(Language::ZhCn)
        .unwrap();
    assert!(trade.contains("商业秘密"));
    let controller = ClauseId::ManagingRefusalControllerObligations
        .passage_in(Language::ZhCn)
        .unwrap();
    assert!(controller.contains("个人信息控制者履行法律法规规定的义务"));
    let grounds = ClauseId::ManagingRefusalGrounds.passage_in(Language::En).unwrap();
    assert!(grounds.contains("by the personal data subject"));
    // A sentence outside the fragment has no Chinese passage.
    assert_eq!(
        ClauseId::PaymentSecurityCodeNotRetained.passage_in(Language::ZhCn),
        None
    );
}

#[test]
fn docs_clauses_md_names_every_clause() {
    let table = include_str!("../docs/clauses.md");
    for clause in ClauseId::ALL {
        assert!(
            table.contains(&format!("`{clause}`")),
            "docs/clauses.md does not mention `{clause}`"
        );
    }
}

/// Readings settled by the differential check against the Cedar encoding
/// (`docs/invariants.md`, "Disagreements"), both sides of each.
#[test]
fn readings_settled_by_the_differential_check() {
    // D20 (revised by D53): "basic contact data" is what the complainant
    // needs "to contact you directly": name, phone number, e-mail address;
    // not the postal address…
    allows(
        req(
            Complainant,
            Disclose,
            AdministratorPhone,
            ComplaintHandling,
            MainlandChina,
        ),
        ClauseId::SharingComplainant,
        &[],
    );
    assert!(!decided(&req(
        Complainant,
        Disclose,
        AdministratorAddress,
        ComplaintHandling,
        MainlandChina
    ))
    .is_allowed());
    // …nor the payment data.
    assert!(!decided(&req(
        Complainant,
        Disclose,
        BillingAddress,
        ComplaintHandling,
        MainlandChina
    ))
    .is_allowed());

    // D10: stored (authenticated) Payment Data serves future transactions;
    // D9: never the security code.
    allows(
        req(
            Operator,
            Use,
            PaymentInstrumentNumber,
            FutureTransactions,
            MainlandChina,
        )
        .with_authorization(Authorization::AuthenticatedPaymentData),
        ClauseId::PaymentDataStorage,
        &[],
    );
    denies(
        req(Operator, Use, SecurityCode, FutureTransactions, MainlandChina)
            .with_authorization(Authorization::ExplicitConsent),
        ClauseId::PaymentSecurityCodeNotRetained,
        DenyKind::Forbidden,
        Reason::SecurityCodeNeverRetained,
    );

    // D17: support contacts the customer through its support contact data…
    allows(
        req(
            Operator,
            Contact,
            SupportContactInfo,
            ResolveSupportIssue,
            MainlandChina,
        ),
        ClauseId::SupportDataUse,
        &[],
    );
    // …for the support issue, not for offers.
    assert!(!decided(&req(Operator, Contact, SupportContactInfo, OtherOffers, MainlandChina)).is_allowed());

    // D16: the customer may view the recording; a third party may not.
    allows(
        req(Customer, Access, SupportRecording, CustomerInstruction, MainlandChina),
        ClauseId::SupportRecording,
        &[],
    );
    assert!(!decided(&req(
        ThirdParty,
        Access,
        SupportRecording,
        CustomerInstruction,
        MainlandChina
    ))
    .is_allowed());

    // D6: a circumstance waives the instruction, not where the data goes.
    let abroad = req(
        Authority,
        Disclose,
        AdministratorEmail,
        CriminalProceedings,
        UnitedStates,
    )
    .with_circumstance(Circumstance::CriminalInvestigation);
    denies(
        abroad,
        ClauseId::PersonalDataStoredInChina,
        DenyKind::NeedsAuthorization,
        Reason::PersonalDataLeavesChinaOnlyWithAuthorization,
    );
    allows(
        req(
            Authority,
            Disclose,
            AdministratorEmail,
            CriminalProceedings,
            MainlandChina,
        )
        .with_circumstance(Circumstance::CriminalInvestigation),
        ClauseId::SharingSixCircumstances,
        &[],
    );

    // D7 (revised by D54): each recipient for its own purpose, with the
    // bullet's duties; completing the transaction is 21Vianet's purpose,
    // not theirs.
    allows(
        req(PaymentProcessor, Retain, BillingAddress, ProcessPayment, UnitedStates),
        ClauseId::SharingFraudAndPayment,
        &[Obligation::ProtectNoLessThanInChina, Obligation::KeepConfidential],
    );
    denies(
        req(PaymentProcessor, Retain, BillingAddress, FraudPrevention, UnitedStates),
        ClauseId::SharingFraudAndPayment,
        DenyKind::Forbidden,
        Reason::RecipientUseLimitedToPurpose,
    );
    denies(
        req(
            PaymentProcessor,
            Retain,
            BillingAddress,
            CompleteTransaction,
            UnitedStates,
        ),
        ClauseId::SharingFraudAndPayment,
        DenyKind::Forbidden,
        Reason::RecipientUseLimitedToPurpose,
    );

    // D26: refused Cookies are not even shared, but may be deleted.
    let refused = |action| {
        req(Supplier, action, CookieData, SiteAnalytics, MainlandChina).with_objection(Objection::CookiesRefused)
    };
    denies(
        refused(Share),
        ClauseId::CookiesUserControl,
        DenyKind::NotPermitted,
        Reason::CookiesRefused,
    );
    assert_ne!(decided(&refused(Delete)).clause(), ClauseId::CookiesUserControl);
}
