use vianet_privacy::statement::managing::{
    response_deadline, response_due_date, RefusalGround, Requester, SubjectRequest, SubjectRequestKind, RESPONSE_DAYS,
};
use vianet_privacy::{
    Action, Advisory, Authorization, AuthorizationSet, ClauseId, DataElement, DenyKind, Language, Obligation, Party,
    Purpose, Reason, RequestError,
};

use super::{date, ok, req, t};

fn portal(action: Action, data: DataElement) -> vianet_privacy::Request {
    req(Party::Customer, action, data, Purpose::DataSubjectRequest)
}

#[test]
fn the_customer_manages_administrator_real_name_and_payment_data_in_the_portal() {
    for data in [
        DataElement::AdministratorEmail,
        DataElement::BusinessLicense,
        DataElement::BillingAddress,
    ] {
        let decision = ok(&portal(Action::Access, data));
        assert!(decision.is_allowed(), "{data}: {decision}");
        assert_eq!(decision.clause(), ClauseId::ManagingPortal);
    }
    assert!(ok(&portal(Action::Modify, DataElement::AdministratorPhone)).is_allowed());
}

#[test]
fn the_portal_does_not_manage_other_data() {
    let decision = ok(&portal(Action::Access, DataElement::SupportContactInfo));
    assert_eq!(decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert_eq!(decision.clause(), ClauseId::ManagingPortal);
    assert_eq!(decision.reason(), Some(Reason::PortalManagesListedDataOnly));
    // The customer's own processing for other purposes stays outside the statement.
    let own = req(
        Party::Customer,
        Action::Access,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
    );
    assert_eq!(ok(&own).reason(), Some(Reason::OutsideStatementScope));
}

#[test]
fn initial_registration_information_cannot_be_modified() {
    // The identity documents given at registration are not modified...
    for data in [DataElement::IdCardScan, DataElement::BusinessLicense] {
        let decision = ok(&portal(Action::Modify, data));
        assert_eq!(decision.clause(), ClauseId::ManagingInitialRegistration, "{data}");
        assert_eq!(decision.reason(), Some(Reason::InitialRegistrationNotModifiable));
    }
    // ...but the administrator's mobile number is contact information, which
    // the customer must "promptly update ... in the administrator portal if
    // there are any changes" (Compliance with Law).
    let mobile = ok(&portal(Action::Modify, DataElement::RealNameMobileNumber));
    assert!(mobile.is_allowed(), "{mobile}");
    assert_eq!(mobile.clause(), ClauseId::ManagingPortal);
    // Nor by 21Vianet at the customer's request.
    let operator = req(
        Party::Operator,
        Action::Modify,
        DataElement::IdCardScan,
        Purpose::DataSubjectRequest,
    );
    assert_eq!(ok(&operator).reason(), Some(Reason::InitialRegistrationNotModifiable));
}

#[test]
fn deleting_payment_or_contact_data_is_allowed_with_advice() {
    for data in [DataElement::PaymentInstrumentNumber, DataElement::AdministratorEmail] {
        let decision = ok(&portal(Action::Delete, data));
        assert!(decision.is_allowed(), "{data}");
        assert!(
            decision.advisories().contains(Advisory::DeletionMayAffectServices),
            "{data}"
        );
        assert!(decision.obligations().contains(Obligation::NotifyRecipientsToDelete));
    }
    let name = ok(&portal(Action::Delete, DataElement::AdministratorName));
    assert!(name.is_allowed());
    assert!(!name.advisories().contains(Advisory::DeletionMayAffectServices));
    assert_eq!(
        Advisory::DeletionMayAffectServices.clause(),
        ClauseId::ManagingDeletionConsequences
    );
}

#[test]
fn the_operator_deleting_at_a_request_tells_the_recipients() {
    let delete = req(
        Party::Operator,
        Action::Delete,
        DataElement::SupportVerificationInfo,
        Purpose::DataSubjectRequest,
    );
    let decision = ok(&delete);
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::ManagingDeletionNotifiesRecipients);
    assert!(decision.obligations().contains(Obligation::NotifyRecipientsToDelete));
    assert_eq!(
        Obligation::NotifyRecipientsToDelete.clause(),
        ClauseId::ManagingDeletionNotifiesRecipients
    );
    // The same deletion for no stated request is not this clause's.
    let mut other = delete;
    other.purpose = Purpose::Advertising;
    assert!(!ok(&other).is_allowed());
}

#[test]
fn end_users_get_an_answer_only_on_the_customer_s_written_instruction_or_by_law() {
    // The answer is a disclosure to the end user.
    let ask = req(
        Party::EndUser,
        Action::Disclose,
        DataElement::CustomerContent,
        Purpose::DataSubjectRequest,
    );
    let decision = ok(&ask);
    assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
    assert_eq!(decision.clause(), ClauseId::SharingEndUserRequests);
    assert_eq!(
        decision.missing(),
        AuthorizationSet::of(&[Authorization::PriorWrittenInstruction, Authorization::LegalRequirement])
    );
    for authorization in [Authorization::PriorWrittenInstruction, Authorization::LegalRequirement] {
        assert!(ok(&ask.with_authorization(authorization)).is_allowed());
    }
    // The customer's direction is not its prior written instruction.
    let directed = ok(&ask.with_authorization(Authorization::CustomerDirection));
    assert_eq!(directed.deny_kind(), Some(DenyKind::NeedsAuthorization));
    // Outside a data-protection request, disclosing to an end user is an
    // ordinary disclosure: as the customer directs.
    let mut ordinary = ask.with_authorization(Authorization::CustomerDirection);
    ordinary.purpose = Purpose::CustomerInstruction;
    assert_eq!(ok(&ordinary).clause(), ClauseId::SharingGeneral);
    assert!(ok(&ordinary).is_allowed());
}

// --- the due date ---------------------------------------------------------

#[test]
fn the_reply_is_due_30_days_after_verification_across_month_ends_and_leap_years() {
    let cases = [
        ("2024-01-31T10:00:00", date(2024, 3, 1)),  // leap year: February has 29 days
        ("2023-01-31T10:00:00", date(2023, 3, 2)),  // common year
        ("2024-02-29T09:00:00", date(2024, 3, 30)), // verified on 29 February
        ("2023-12-15T23:30:00", date(2024, 1, 14)), // across the new year
        ("2100-01-31T12:00:00", date(2100, 3, 2)),  // 2100 is not a leap year
        ("2000-01-31T12:00:00", date(2000, 3, 1)),  // 2000 is
        ("2023-04-30T08:00:00", date(2023, 5, 30)), // a 30-day month's end
    ];
    for (verified, due) in cases {
        assert_eq!(response_due_date(t(verified), None), Some(due), "{verified}");
    }
}

#[test]
fn the_due_date_counts_on_the_china_standard_time_calendar() {
    // 20:00 UTC on 31 January is 04:00 on 1 February in Beijing.
    assert_eq!(
        response_due_date(t("2023-01-31T20:00:00Z"), None),
        Some(date(2023, 3, 3))
    );
    assert_eq!(
        response_due_date(t("2023-01-31T15:59:59Z"), None),
        Some(date(2023, 3, 2))
    );
    let deadline = response_deadline(t("2023-01-31T10:00:00"), None).unwrap();
    assert_eq!(deadline.to_rfc3339(), "2023-03-03T00:00:00+08:00");
}

#[test]
fn a_shorter_statutory_limit_binds_and_a_longer_one_does_not_extend() {
    let verified = t("2023-01-31T10:00:00");
    assert_eq!(response_due_date(verified, Some(15)), Some(date(2023, 2, 15)));
    assert_eq!(response_due_date(verified, Some(0)), Some(date(2023, 1, 31)));
    assert_eq!(response_due_date(verified, Some(RESPONSE_DAYS)), Some(date(2023, 3, 2)));
    assert_eq!(response_due_date(verified, Some(45)), Some(date(2023, 3, 2)));
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access)
        .verified_at(verified)
        .with_statutory_limit_days(15);
    assert_eq!(request.due_date().unwrap(), date(2023, 2, 15));
}

#[test]
fn there_is_no_due_date_before_the_identity_is_verified() {
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access);
    assert_eq!(request.due_date(), Err(RequestError::IdentityNotVerified));
    assert_eq!(request.deadline().unwrap_err().code(), "identity_not_verified");
}

// --- responding -----------------------------------------------------------

#[test]
fn a_reply_waits_for_the_identity_to_be_verified() {
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Correct);
    let decision = request.respond(t("2024-05-01")).unwrap();
    assert_eq!(decision.reason(), Some(Reason::ResponseNeedsVerifiedIdentity));
    assert_eq!(decision.clause(), ClauseId::ManagingIdentityAndResponseTime);
    // Verified only after the reply would be given: still no.
    let later = request.verified_at(t("2024-05-02"));
    assert!(!later.respond(t("2024-05-01")).unwrap().is_allowed());
    let decision = later.respond(t("2024-05-02")).unwrap();
    assert!(decision.is_allowed());
    assert!(decision.obligations().contains(Obligation::RespondByDueDate));
    assert!(!decision.obligations().contains(Obligation::NotifyRecipientsToDelete));
}

#[test]
fn a_deletion_reply_brings_the_recipients_duty_and_the_advice() {
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Delete).verified_at(t("2024-05-01"));
    let decision = request.respond(t("2024-05-03")).unwrap();
    assert!(decision.obligations().contains(Obligation::NotifyRecipientsToDelete));
    assert!(decision.advisories().contains(Advisory::DeletionMayAffectServices));
    let narrowing =
        SubjectRequest::new(Requester::Customer, SubjectRequestKind::ChangeAuthorization).verified_at(t("2024-05-01"));
    let decision = narrowing.respond(t("2024-05-03")).unwrap();
    assert!(decision.advisories().contains(Advisory::DeletionMayAffectServices));
    assert!(!decision.obligations().contains(Obligation::NotifyRecipientsToDelete));
}

#[test]
fn an_end_user_s_request_needs_the_customer_s_written_instruction() {
    let request = SubjectRequest::new(Requester::EndUser, SubjectRequestKind::Access).verified_at(t("2024-05-01"));
    let decision = request.respond(t("2024-05-02")).unwrap();
    assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
    assert!(decision.missing().contains(Authorization::PriorWrittenInstruction));
    assert_eq!(decision.clause(), ClauseId::SharingEndUserRequests);
    let instructed = request.with_authorization(Authorization::PriorWrittenInstruction);
    assert!(instructed.respond(t("2024-05-02")).unwrap().is_allowed());
}

#[test]
fn a_reply_before_the_statement_is_an_error() {
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access).verified_at(t("2020-11-01"));
    assert_eq!(
        request.respond(t("2020-11-30")).unwrap_err().code(),
        "before_statement_in_force"
    );
}

// --- refusing -------------------------------------------------------------

#[test]
fn the_seven_english_grounds_allow_a_refusal_citing_the_english_list() {
    let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access);
    let english: Vec<_> = RefusalGround::ALL
        .iter()
        .copied()
        .filter(|g| g.texts().contains(&Language::En))
        .collect();
    assert_eq!(english.len(), 7);
    for ground in english {
        let decision = request.refuse(ground);
        assert!(decision.is_allowed(), "{ground}");
        assert_eq!(decision.clause(), ClauseId::ManagingRefusalGrounds);
    }
}

#[test]
fn trade_secrets_is_a_ground_of_the_chinese_text_only() {
    let chinese = RefusalGround::ALL
        .iter()
        .filter(|g| g.texts().contains(&Language::ZhCn))
        .count();
    assert_eq!(chinese, 8);
    let decision =
        SubjectRequest::new(Requester::Customer, SubjectRequestKind::Delete).refuse(RefusalGround::TradeSecrets);
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::ManagingRefusalTradeSecrets);
    assert!(decision.clause().passage().contains("涉及商业秘密的"));
    assert_eq!(RefusalGround::TradeSecrets.label(Language::ZhCn), "涉及商业秘密的");
}

#[test]
fn a_refusal_on_any_other_ground_is_denied() {
    let decision = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Access).refuse(RefusalGround::Unlisted);
    assert_eq!(decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert_eq!(decision.reason(), Some(Reason::RefusalGroundNotListed));
    assert!("too_busy"
        .parse::<RefusalGround>()
        .unwrap_err()
        .to_string()
        .contains("trade_secrets"));
}

#[test]
fn a_subject_request_reads_from_json_with_times_in_china_standard_time() {
    let request: SubjectRequest = serde_json::from_str(
        r#"{"requester": "end_user", "kind": "delete", "identity_verified_at": "2024-01-31 10:00",
            "authorizations": ["prior_written_instruction"]}"#,
    )
    .unwrap();
    assert_eq!(
        request.identity_verified_at.unwrap().to_rfc3339(),
        "2024-01-31T10:00:00+08:00"
    );
    assert_eq!(request.due_date().unwrap(), date(2024, 3, 1));
    assert!(
        serde_json::from_str::<SubjectRequest>(r#"{"requester": "customer", "kind": "access", "urgent": true}"#)
            .is_err()
    );
}
