//! Exactly as strict as the text: each finding of the independent review
//! (issue 11), as the request that showed it, with the answer the
//! statement's words give. Each test is named after what it protects.

use chrono::NaiveDate;
use vianet_privacy::statement::managing::{RefusalGround, Requester, SubjectRequest, SubjectRequestKind};
use vianet_privacy::time::parse_time;
use vianet_privacy::wire::decide_json;
use vianet_privacy::{
    decide, decide_compliance, Account, Action, Activity, Authorization, AuthorizationSet, Circumstance, ClauseId,
    ComplianceRequest, DataElement, Decision, DenyKind, Language, Location, Obligation, OnlineService, Party, Purpose,
    Reason, Request,
};

fn json(request: &str) -> Decision {
    decide_json(request).unwrap_or_else(|e| panic!("{request}: {e}"))
}

fn req(party: Party, action: Action, data: DataElement, purpose: Purpose, location: Location) -> Request {
    Request::new(OnlineService::Azure, party, action, data, purpose, location)
}

fn decided(request: &Request) -> Decision {
    decide(request).unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

#[track_caller]
fn denied(decision: &Decision) {
    assert!(!decision.is_allowed(), "expected a deny, got {decision}");
}

#[track_caller]
fn allowed(decision: &Decision) {
    assert!(decision.is_allowed(), "expected an allow, got {decision}");
}

// 1. Six circumstances with any purpose.

#[test]
fn a_circumstance_never_opens_advertising() {
    let decision = json(
        r#"{"service":"azure","party":"third_party","action":"disclose","data":"id_card_scan","purpose":"advertising","location":"mainland_china","circumstance":"national_security"}"#,
    );
    denied(&decision);
    assert_eq!(decision.reason(), Some(Reason::PurposeClosed));
}

#[test]
fn publicly_disclosed_data_is_never_sold() {
    let decision = json(
        r#"{"service":"azure","party":"third_party","action":"disclose","data":"payment_instrument_number","purpose":"sale_of_data","location":"mainland_china","circumstance":"publicly_disclosed_by_subject"}"#,
    );
    denied(&decision);
    assert_eq!(decision.reason(), Some(Reason::PurposeClosed));
}

#[test]
fn each_circumstance_opens_only_what_it_is_directly_related_to() {
    let base = req(
        Party::Authority,
        Action::Disclose,
        DataElement::IdCardScan,
        Purpose::NationalSecurity,
        Location::MainlandChina,
    );
    let pairs = [
        (Circumstance::NationalSecurity, Purpose::NationalSecurity),
        (Circumstance::PublicInterest, Purpose::PublicSecurityAndHealth),
        (Circumstance::CriminalInvestigation, Purpose::CriminalProceedings),
        (Circumstance::VitalInterests, Purpose::ProtectLifeOrProperty),
    ];
    for (circumstance, related) in pairs {
        for (_, purpose) in pairs {
            let decision = decided(&base.with_circumstance(circumstance).with_purpose(purpose));
            assert_eq!(
                decision.is_allowed(),
                purpose == related,
                "{circumstance} for {purpose}: {decision}"
            );
            if decision.is_allowed() {
                assert_eq!(decision.clause(), ClauseId::SharingSixCircumstances);
            }
        }
    }
    // Public data goes out without instruction only for the purposes
    // stated for it at collection.
    let public = req(
        Party::ThirdParty,
        Action::Share,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
        Location::MainlandChina,
    )
    .with_circumstance(Circumstance::PubliclyDisclosedBySubject);
    allowed(&decided(&public));
    denied(&decided(&public.with_purpose(Purpose::NationalSecurity)));
    // And no circumstance takes Personal Data abroad.
    denied(&decided(
        &base
            .with_circumstance(Circumstance::NationalSecurity)
            .with_location(Location::UnitedStates),
    ));
}

// 2. Customer Data out of China on the customer agreement alone.

#[test]
fn customer_data_never_leaves_china_on_less_than_personal_data_needs() {
    let sale = json(
        r#"{"service":"azure","party":"third_party","action":"transfer","data":"customer_content","purpose":"sale_of_data","location":"united_states","authorizations":["customer_agreement"]}"#,
    );
    denied(&sale);
    // "Customer Data will only be stored in data centers located in China":
    // outside China it is only accessed by those 21Vianet authorizes to
    // troubleshoot. No agreement, direction, law or circumstance sends it
    // abroad to a third party (docs/invariants.md, D32), where Personal
    // Data goes as the customer directs or the law requires.
    let disclosures = [
        (Authorization::CustomerAgreement, Purpose::CustomerAgreement),
        (Authorization::CustomerDirection, Purpose::CustomerInstruction),
        (Authorization::LegalRequirement, Purpose::LegalCompliance),
    ];
    for (basis, purpose) in disclosures {
        let customer = req(
            Party::ThirdParty,
            Action::Transfer,
            DataElement::CustomerContent,
            purpose,
            Location::UnitedStates,
        )
        .with_authorization(basis);
        let decision = decided(&customer);
        denied(&decision);
        assert_eq!(decision.clause(), ClauseId::CustomerDataOverseasAccess);
        assert_eq!(
            decision.reason(),
            Some(Reason::OverseasCustomerDataAccessOnlyToTroubleshoot)
        );
        // In China the same basis opens it, with the notice unless the
        // customer directed it.
        let home = decided(&customer.with_location(Location::MainlandChina));
        allowed(&home);
        assert_eq!(
            home.obligations().contains(Obligation::NotifyCustomerBeforeDisclosure),
            basis != Authorization::CustomerDirection
        );
    }
    // Whatever takes Customer Data abroad takes Personal Data abroad too.
    for authorization in Authorization::ALL {
        for purpose in Purpose::ALL {
            let customer = req(
                Party::ThirdParty,
                Action::Transfer,
                DataElement::CustomerContent,
                *purpose,
                Location::UnitedStates,
            )
            .with_authorization(*authorization);
            let personal = customer.with_data(DataElement::AdministratorEmail);
            if decided(&customer).is_allowed() {
                assert!(decided(&personal).is_allowed(), "{customer:?}");
            }
        }
    }
}

// 3. Personal Data read as a closed list.

#[test]
fn personal_data_follows_the_definition_not_a_closed_list() {
    let decision = json(
        r#"{"service":"azure","party":"operator","action":"store","data":"cookie_data","purpose":"authentication","location":"united_states"}"#,
    );
    denied(&decision);
    assert_eq!(decision.clause(), ClauseId::PersonalDataStoredInChina);
    for element in [
        DataElement::CookieData,
        DataElement::ChatPersonalization,
        DataElement::SupportTicketInfo,
        DataElement::SupportRecording,
    ] {
        assert!(element.is_personal(), "{element}");
    }
    // In China, Cookies are stored with the security duties.
    let stored = decided(&req(
        Party::Operator,
        Action::Store,
        DataElement::CookieData,
        Purpose::Authentication,
        Location::MainlandChina,
    ));
    assert!(stored.obligations().contains(Obligation::ApplySecurityMeasures));
    // Configuration and support tickets, which the Customer Data section
    // names as not Customer Data, are in the model.
    assert!(!DataElement::Configuration.is_personal());
    assert_eq!(
        DataElement::Configuration.category(),
        vianet_privacy::DataCategory::Configuration
    );
    allowed(&decided(&req(
        Party::Operator,
        Action::Store,
        DataElement::Configuration,
        Purpose::ProvideService,
        Location::MainlandChina,
    )));
    denied(&decided(&req(
        Party::Operator,
        Action::Use,
        DataElement::Configuration,
        Purpose::Advertising,
        Location::MainlandChina,
    )));
    allowed(&decided(&req(
        Party::Operator,
        Action::Use,
        DataElement::SupportTicketInfo,
        Purpose::ResolveSupportIssue,
        Location::MainlandChina,
    )));
}

// 4. The law in place of prior consent.

#[test]
fn only_explained_prior_consent_lets_an_overseas_supplier_reach_personal_data() {
    let by_law = json(
        r#"{"service":"azure","party":"supplier","action":"access","data":"administrator_email","purpose":"service_on_our_behalf","location":"united_states","authorizations":["legal_requirement"]}"#,
    );
    denied(&by_law);
    assert_eq!(by_law.clause(), ClauseId::SharingOverseasSupplierConsent);
    assert_eq!(
        by_law.missing(),
        AuthorizationSet::of(&[Authorization::PriorConsentAfterExplanation])
    );
    let consented = json(
        r#"{"service":"azure","party":"supplier","action":"access","data":"administrator_email","purpose":"service_on_our_behalf","location":"united_states","authorizations":["prior_consent_after_explanation"]}"#,
    );
    allowed(&consented);
}

// 5. Choosing a Third Party Offering is not a direction to disclose anything.

#[test]
fn a_third_party_offering_needs_the_customer_s_choice_not_a_direction() {
    let offering = req(
        Party::ThirdPartyOfferingProvider,
        Action::Share,
        DataElement::AdministratorEmail,
        Purpose::ThirdPartyOffering,
        Location::MainlandChina,
    );
    let directed = decided(&offering.with_authorization(Authorization::CustomerDirection));
    denied(&directed);
    assert!(directed.missing().contains(Authorization::ThirdPartyOfferingChoice));
    let chosen = decided(&offering.with_authorization(Authorization::ThirdPartyOfferingChoice));
    allowed(&chosen);
    assert_eq!(chosen.clause(), ClauseId::SharingThirdPartyOfferings);
    // The choice opens that offering, nothing else.
    denied(&decided(
        &offering
            .with_authorization(Authorization::ThirdPartyOfferingChoice)
            .with_purpose(Purpose::CustomerInstruction),
    ));
    denied(&decided(
        &offering
            .with_authorization(Authorization::ThirdPartyOfferingChoice)
            .with_data(DataElement::IdCardScan),
    ));
    // What the provider then does is "governed by the privacy statement and
    // policies applicable to the third party": not this statement's to
    // permit.
    let own = decided(
        &req(
            Party::ThirdPartyOfferingProvider,
            Action::Contact,
            DataElement::AdministratorEmail,
            Purpose::PromotionalCommunications,
            Location::MainlandChina,
        )
        .with_authorizations(AuthorizationSet::of(&[
            Authorization::ThirdPartyOfferingChoice,
            Authorization::ContactPreferences,
        ])),
    );
    denied(&own);
    assert_eq!(own.reason(), Some(Reason::OutsideStatementScope));
}

#[test]
fn a_recipient_stays_bound_to_the_purpose_it_was_given_the_data_for() {
    let diagnostics = req(
        Party::Supplier,
        Action::Use,
        DataElement::AgentDiagnosticData,
        Purpose::ImproveService,
        Location::UnitedStates,
    );
    allowed(&decided(&diagnostics));
    for purpose in [
        Purpose::Troubleshooting,
        Purpose::ServiceOnOurBehalf,
        Purpose::Advertising,
        Purpose::CustomerInstruction,
    ] {
        let request = diagnostics
            .with_authorizations(AuthorizationSet::ALL)
            .with_purpose(purpose);
        let decision = decided(&request);
        denied(&decision);
        assert_eq!(decision.clause(), ClauseId::LocalSoftwareDiagnostics, "{purpose}");
    }
}

// 6. A duty dropped.

#[test]
fn adding_an_authorization_never_removes_the_advance_notice() {
    let both = json(
        r#"{"service":"azure","party":"authority","action":"disclose","data":"customer_content","purpose":"legal_compliance","location":"mainland_china","authorizations":["legal_requirement","customer_agreement"]}"#,
    );
    allowed(&both);
    assert!(both.obligations().contains(Obligation::NotifyCustomerBeforeDisclosure));
    let prohibited = json(
        r#"{"service":"azure","party":"authority","action":"disclose","data":"customer_content","purpose":"legal_compliance","location":"mainland_china","authorizations":["legal_requirement","customer_agreement","legal_prohibition_on_notice"]}"#,
    );
    allowed(&prohibited);
    assert!(!prohibited
        .obligations()
        .contains(Obligation::NotifyCustomerBeforeDisclosure));
}

#[test]
fn two_grounds_carry_the_duties_of_both() {
    // A supplier in China, for support on our behalf (its own bullet) and as
    // the customer directs (the general sentence): the supplier's duties
    // stay whichever ground is cited.
    let request = req(
        Party::Supplier,
        Action::Share,
        DataElement::SupportContactInfo,
        Purpose::ResolveSupportIssue,
        Location::MainlandChina,
    );
    let one = decided(&request);
    let two = decided(&request.with_authorization(Authorization::CustomerDirection));
    allowed(&one);
    allowed(&two);
    assert!(one.obligations().is_subset(two.obligations()));
    assert!(two.obligations().contains(Obligation::KeepConfidential));
}

// 7. The end of a trial.

#[test]
fn the_end_of_a_trial_governs_only_what_21vianet_keeps() {
    let after_trial = |party, action, data, purpose| {
        req(party, action, data, purpose, Location::MainlandChina)
            .with_trial_ended_at(parse_time("2024-03-31").unwrap())
            .at(parse_time("2024-05-01").unwrap())
    };
    allowed(&decided(&after_trial(
        Party::Operator,
        Action::Contact,
        DataElement::AdministratorEmail,
        Purpose::ServiceCommunication,
    )));
    allowed(&decided(&after_trial(
        Party::Customer,
        Action::Access,
        DataElement::AdministratorEmail,
        Purpose::DataSubjectRequest,
    )));
    let keep = decided(&after_trial(
        Party::Operator,
        Action::Retain,
        DataElement::CustomerContent,
        Purpose::ProvideService,
    ));
    denied(&keep);
    assert_eq!(keep.clause(), ClauseId::TrialDataRetention);
}

// 8. A minor's guardian consent.

#[test]
fn guardian_consent_does_not_stand_in_the_way_of_the_law_or_the_six_circumstances() {
    let minor = |request: Request| {
        request
            .with_subject_birth_date(NaiveDate::from_ymd_opt(2010, 1, 1).unwrap())
            .at(parse_time("2024-06-01").unwrap())
    };
    let by_law = minor(
        req(
            Party::Authority,
            Action::Disclose,
            DataElement::AdministratorEmail,
            Purpose::LegalCompliance,
            Location::MainlandChina,
        )
        .with_authorization(Authorization::LegalRequirement),
    );
    allowed(&decided(&by_law));
    let vital = minor(
        req(
            Party::ThirdParty,
            Action::Disclose,
            DataElement::AdministratorPhone,
            Purpose::ProtectLifeOrProperty,
            Location::MainlandChina,
        )
        .with_circumstance(Circumstance::VitalInterests),
    );
    allowed(&decided(&vital));
    // The minor's own use of the services still needs it.
    let use_it = minor(req(
        Party::Operator,
        Action::Use,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
        Location::MainlandChina,
    ));
    let decision = decided(&use_it);
    denied(&decision);
    assert_eq!(decision.clause(), ClauseId::MinorsGuardianConsent);
}

// 9. Deleting and anonymizing.

#[test]
fn deleting_and_anonymizing_are_allowed_where_the_statement_promises_them() {
    let erase = |action, data, purpose| req(Party::Operator, action, data, purpose, Location::MainlandChina);
    let directed = erase(
        Action::Delete,
        DataElement::CustomerContent,
        Purpose::CustomerInstruction,
    )
    .with_authorization(Authorization::CustomerDirection);
    let decision = decided(&directed);
    allowed(&decision);
    assert_eq!(decision.clause(), ClauseId::CustomerControlsData);
    allowed(&decided(&erase(
        Action::Delete,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
    )));
    allowed(&decided(&erase(
        Action::Anonymize,
        DataElement::SupportRecording,
        Purpose::Training,
    )));
    // Except where a sentence says the data must be kept: the law's
    // retention period after the account closed.
    let retained = erase(
        Action::Delete,
        DataElement::AdministratorEmail,
        Purpose::DataSubjectRequest,
    )
    .with_account(Account::Closed {
        closed_at: parse_time("2023-01-01").unwrap(),
        retention_expires: parse_time("2026-01-01").unwrap(),
    })
    .at(parse_time("2024-06-01").unwrap());
    let decision = decided(&retained);
    denied(&decision);
    assert_eq!(decision.reason(), Some(Reason::KeptForLegalRetention));
    assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
}

// 10. A terminated service and the law's retention.

#[test]
fn a_terminated_service_keeps_what_the_law_requires() {
    let keep = req(
        Party::Operator,
        Action::Retain,
        DataElement::PaymentInstrumentNumber,
        Purpose::LegalCompliance,
        Location::MainlandChina,
    )
    .with_service_terminated_at(parse_time("2024-05-01").unwrap())
    .at(parse_time("2024-06-01").unwrap());
    let decision = decided(&keep);
    allowed(&decision);
    assert!(decision.obligations().contains(Obligation::DoNotUseDuringRetention));
    denied(&decided(&keep.with_action(Action::Use)));
}

// 11. Updating changed contact and identity information.

#[test]
fn changed_contact_information_is_updated_and_identity_documents_are_not_modified() {
    let portal = |data| {
        req(
            Party::Customer,
            Action::Modify,
            data,
            Purpose::DataSubjectRequest,
            Location::MainlandChina,
        )
    };
    allowed(&decided(&portal(DataElement::RealNameMobileNumber)));
    allowed(&decided(&portal(DataElement::AdministratorEmail)));
    for document in [DataElement::BusinessLicense, DataElement::IdCardScan] {
        let decision = decided(&portal(document));
        denied(&decision);
        assert_eq!(decision.reason(), Some(Reason::InitialRegistrationNotModifiable));
    }
    // A change of identity goes through real-name authentication again.
    allowed(&decided(&req(
        Party::Operator,
        Action::Collect,
        DataElement::BusinessLicense,
        Purpose::RealNameVerification,
        Location::MainlandChina,
    )));
    // And the compliance duty to keep the registration up to date stands.
    let update = ComplianceRequest::new(Activity::UpdateRegistration);
    let registration = decide_compliance(&ComplianceRequest {
        identity_provided: vianet_privacy::RegistrationInfoSet::ALL,
        ..update
    })
    .unwrap();
    assert!(registration
        .obligations()
        .contains(Obligation::KeepRegistrationUpToDate));
}

// 12. The domain owner.

#[test]
fn the_domain_owner_administers_end_user_data_and_nothing_more() {
    let owner = req(
        Party::DomainOwner,
        Action::Access,
        DataElement::CustomerContent,
        Purpose::AdministerAccount,
        Location::MainlandChina,
    );
    let decision = decided(&owner);
    allowed(&decision);
    assert_eq!(decision.clause(), ClauseId::DomainOwnerAdministration);
    let sold = decided(&owner.with_purpose(Purpose::SaleOfData));
    denied(&sold);
    let other = decided(&owner.with_data(DataElement::PaymentInstrumentNumber));
    denied(&other);
    assert_eq!(other.reason(), Some(Reason::DomainOwnerLimitedToEndUserData));
}

// 13. Stored Payment Data.

#[test]
fn only_authenticated_payment_data_is_stored_for_future_transactions() {
    let store = req(
        Party::Operator,
        Action::Store,
        DataElement::PaymentInstrumentNumber,
        Purpose::FutureTransactions,
        Location::MainlandChina,
    );
    let decision = decided(&store);
    denied(&decision);
    assert_eq!(decision.reason(), Some(Reason::StoredPaymentDataMustBeAuthenticated));
    assert!(decision.missing().contains(Authorization::AuthenticatedPaymentData));
    allowed(&decided(
        &store.with_authorization(Authorization::AuthenticatedPaymentData),
    ));
}

// 14. Surveys.

#[test]
fn a_survey_waits_until_the_support_experience_is_over() {
    let survey = req(
        Party::Operator,
        Action::Contact,
        DataElement::SupportContactInfo,
        Purpose::SupportSurvey,
        Location::MainlandChina,
    );
    let decision = decided(&survey);
    denied(&decision);
    assert_eq!(decision.reason(), Some(Reason::SurveyOnlyAfterSupport));
    let after = decided(&survey.with_authorization(Authorization::SupportExperienceOver));
    allowed(&after);
    assert!(after.obligations().contains(Obligation::OfferSurveyUnsubscribe));
}

// 15. Responsibility within the agreed scope.

#[test]
fn the_customer_s_own_practices_are_outside_the_agreed_scope() {
    let decision = decided(&req(
        Party::Customer,
        Action::Use,
        DataElement::CustomerContent,
        Purpose::ProvideService,
        Location::MainlandChina,
    ));
    denied(&decision);
    assert_eq!(decision.clause(), ClauseId::ResponsibilityWithinAgreedScope);
    assert_eq!(decision.reason(), Some(Reason::OutsideStatementScope));
}

// 16. The first refusal ground in the two texts.

#[test]
fn a_refusal_says_which_text_its_ground_rests_on() {
    assert_eq!(RefusalGround::SubjectLegalObligation.texts(), &[Language::En]);
    assert_eq!(RefusalGround::ControllerLegalObligation.texts(), &[Language::ZhCn]);
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access);
    assert_eq!(
        request.refuse(RefusalGround::SubjectLegalObligation).clause(),
        ClauseId::ManagingRefusalGrounds
    );
    assert_eq!(
        request.refuse(RefusalGround::ControllerLegalObligation).clause(),
        ClauseId::ManagingRefusalControllerObligations
    );
    assert!(RefusalGround::ControllerLegalObligation
        .label(Language::ZhCn)
        .contains("个人信息控制者"));
    assert!(RefusalGround::SubjectLegalObligation
        .label(Language::En)
        .contains("by the personal data subject"));
}

// 17. The records retention period is the Measures'.

#[test]
fn a_deny_resting_on_the_records_period_cites_the_measures() {
    let discard = ComplianceRequest {
        recorded_at: Some(parse_time("2024-01-01").unwrap()),
        at: Some(parse_time("2024-01-31").unwrap()),
        ..ComplianceRequest::new(Activity::DiscardRecords)
    };
    let decision = decide_compliance(&discard).unwrap();
    denied(&decision);
    assert_eq!(decision.clause(), ClauseId::MeasuresRecordRetention);
    assert!(!decision.clause().section().is_statement_text());
    assert!(decision.clause().passage().contains("Decree 292"));
}
