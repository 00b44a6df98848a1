//! "Compliance with Law": prohibited content, website filing and permits,
//! records, real identity. Each rule is tested on both sides.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use vianet_privacy::{
    decide_compliance, Activity, ActivitySet, Authorization, AuthorizationSet, ClauseId, ComplianceRequest, Decision,
    DenyKind, Language, Obligation, ProhibitedContent, Reason, RecordItem, RecordItemSet, RecordRetention,
    RegistrationInfo, RegistrationInfoSet, RequestError, Section, WebsiteKind,
};

/// The section's English text (privacy-statement.txt, lines 107-125), with
/// the curly quotes around "Prohibited Content" made straight as the clause
/// catalog writes them. Copied here: tests may not read /work/shared.
const SECTION_TEXT: &str = "\
Compliance with Law
You acknowledge that under Chinese regulations:
- An Internet information service provider shall not produce, reproduce, publish, or disseminate information that includes the following content (\"Prohibited Content\"). Prohibited Content is content that:
- is against the basic principles determined by the Constitution;
- impairs national security, divulges State secrets, subverts State sovereignty or jeopardizes national unity;
- damages the reputation and interests of the State;
- incites ethnic hostility and ethnic discrimination or jeopardizes unity among ethnic groups;
- damages State religious policies or that advocates sects or feudal superstitions;
- disseminates rumors, disrupts the social order or damages social stability;
- disseminates obscenity, pornography, gambling, violence, homicide and terror, or that incites crime;
- insults or slanders others or that infringes their lawful rights and interests; and
- is otherwise prohibited by laws or administrative regulations.
- If an Internet information service provider discovers that information distributed on its website falls within the scope of the Prohibited Content, it shall promptly terminate the distribution, keep relevant records, and report to relevant authorities.
You further agree that:
- If the business or organization you operate by using the Online Services is subject to permit or approval by relevant governmental authorities, you should obtain such relevant permit or approval, including but not limited to:
- if your website provides non-operational Internet information services, Customer will make the filing for the non-operational website with the governmental authority; and
- if your website provides operational Internet information services, you will obtain the VAT permit for operational website from the governmental authority.
- If you are an Internet information service provider using Online Services, you will keep records of the information provided, time of publishing and the Internet address or domain name, and assist in providing such information when inquired by related government authorities in accordance with applicable laws.
- You will provide your real identity and contact information when registering for the Online Services and promptly update that information in the administrator portal if there are any changes to the information. We will use this information to contact you, as detailed in this Privacy Statement. You warrant that the information you provide is true, complete, and valid; otherwise, you will bear all the consequences.
";

const CLAUSES: &[ClauseId] = &[
    ClauseId::NoProhibitedContent,
    ClauseId::DiscoveredProhibitedContent,
    ClauseId::BusinessPermitOrApproval,
    ClauseId::NonOperationalWebsiteFiling,
    ClauseId::OperationalWebsitePermit,
    ClauseId::InformationServiceRecords,
    ClauseId::RealIdentityAtRegistration,
];

fn time(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

fn decide(request: ComplianceRequest) -> Decision {
    decide_compliance(&request).unwrap()
}

fn assert_deny(decision: &Decision, clause: ClauseId, kind: DenyKind, reason: Reason) {
    assert_eq!(decision.deny_kind(), Some(kind), "{decision}");
    assert_eq!(decision.clause(), clause, "{decision}");
    assert_eq!(decision.reason(), Some(reason), "{decision}");
}

fn assert_allow(decision: &Decision, clause: ClauseId, obligations: &[Obligation]) {
    assert!(decision.is_allowed(), "{decision}");
    assert_eq!(decision.clause(), clause, "{decision}");
    assert_eq!(
        decision.obligations(),
        obligations.iter().copied().collect(),
        "{decision}"
    );
}

fn publisher(activity: Activity) -> ComplianceRequest {
    ComplianceRequest::new(activity).with_records_kept(RecordItemSet::ALL)
}

fn website(kind: WebsiteKind) -> ComplianceRequest {
    ComplianceRequest::new(Activity::ServeWebsite)
        .with_website(kind)
        .subject_to_permit_or_approval(false)
}

fn registrant() -> ComplianceRequest {
    ComplianceRequest::new(Activity::Register).with_identity(RegistrationInfoSet::ALL)
}

// ---- the catalog -------------------------------------------------------

#[test]
fn clauses_belong_to_the_section_and_quote_it_exactly() {
    for clause in CLAUSES {
        assert_eq!(clause.section(), Section::ComplianceWithLaw, "{clause}");
        let passage = clause.passage();
        // The prohibited-content passage joins the list items with "; ".
        if *clause == ClauseId::NoProhibitedContent {
            let (lead, list) = passage.split_once(" Prohibited Content is content that: ").unwrap();
            assert!(
                SECTION_TEXT.contains(lead),
                "{clause}: `{lead}` is not in the statement"
            );
            let items: Vec<&str> = list.split("; ").map(|item| item.trim_start_matches("and ")).collect();
            assert_eq!(items.len(), 9);
            for item in items {
                let item = item.trim_end_matches('.');
                assert!(
                    SECTION_TEXT.contains(&format!("- {item}")),
                    "{clause}: `{item}` is not in the statement"
                );
            }
        } else {
            assert!(
                SECTION_TEXT.contains(passage),
                "{clause}: passage is not in the statement"
            );
        }
    }
}

#[test]
fn nine_kinds_in_the_statements_order_and_words() {
    assert_eq!(ProhibitedContent::ALL.len(), 9);
    let mut from = 0;
    for kind in ProhibitedContent::ALL {
        let en = kind.label(Language::En);
        let at = SECTION_TEXT[from..]
            .find(en)
            .unwrap_or_else(|| panic!("{kind} is not in order: {en}"));
        from += at + en.len();
        assert!(ClauseId::NoProhibitedContent.passage().contains(en));
    }
}

#[test]
fn chinese_labels_are_clean_simplified_chinese() {
    // Traditional forms found in the statement's fragment, with pinyin noise.
    const TRADITIONAL: &str = "國憲護統顛損榮譽動團結揚謠擾亂會穩穢賭殺誹謗權規內傳輸發現網絡記錄報備許證營經聯係與";
    for kind in ProhibitedContent::ALL {
        let zh = kind.label(Language::ZhCn);
        assert!(zh.ends_with('的'), "{kind}: {zh}");
        assert!(!zh.chars().any(|c| c.is_ascii()), "{kind}: pinyin or ASCII in {zh}");
        assert!(
            !zh.chars().any(|c| TRADITIONAL.contains(c)),
            "{kind}: traditional character in {zh}"
        );
    }
    let zh_texts = CLAUSES
        .iter()
        .map(|c| c.label(Language::ZhCn))
        .chain(Reason::ALL.iter().map(|r| r.text(Language::ZhCn)))
        .chain(Obligation::ALL.iter().map(|o| o.label(Language::ZhCn)))
        .chain(Authorization::ALL.iter().map(|a| a.label(Language::ZhCn)))
        .chain(Activity::ALL.iter().map(|a| a.label(Language::ZhCn)));
    for zh in zh_texts {
        assert!(
            !zh.chars().any(|c| TRADITIONAL.contains(c)),
            "traditional character in {zh}"
        );
        assert!(
            !zh.contains("(") || zh.contains("Cookies"),
            "pinyin-like parenthesis in {zh}"
        );
    }
    assert_eq!(
        ProhibitedContent::SpreadsRumors.label(Language::ZhCn),
        "散布谣言，扰乱社会秩序，破坏社会稳定的"
    );
}

#[test]
fn new_obligations_cite_compliance_clauses() {
    for duty in [
        Obligation::StopTransmission,
        Obligation::KeepRelevantRecords,
        Obligation::ReportToAuthorities,
        Obligation::KeepInformationRecords,
        Obligation::AssistLawfulInquiry,
        Obligation::KeepRegistrationUpToDate,
    ] {
        assert_eq!(duty.clause().section(), Section::ComplianceWithLaw, "{duty}");
    }
    assert_eq!(
        Obligation::StopTransmission.clause(),
        ClauseId::DiscoveredProhibitedContent
    );
    assert_eq!(
        Obligation::KeepInformationRecords.clause(),
        ClauseId::InformationServiceRecords
    );
    assert_eq!(
        Obligation::KeepRegistrationUpToDate.clause(),
        ClauseId::RealIdentityAtRegistration
    );
}

// ---- prohibited content --------------------------------------------------

#[test]
fn every_kind_of_prohibited_content_is_forbidden_in_every_content_activity() {
    // "produce, reproduce, publish, or disseminate"
    assert_eq!(
        ActivitySet::CONTENT,
        ActivitySet::of(&[
            Activity::Produce,
            Activity::Reproduce,
            Activity::Publish,
            Activity::Disseminate
        ])
    );
    for activity in ActivitySet::CONTENT.iter() {
        for kind in ProhibitedContent::ALL {
            let decision = decide(publisher(activity).with_prohibited_content(*kind));
            assert_deny(
                &decision,
                ClauseId::NoProhibitedContent,
                DenyKind::Forbidden,
                Reason::ProhibitedContentForbidden,
            );
            assert!(decision.missing().is_empty());
        }
    }
}

#[test]
fn content_without_prohibited_content_may_be_produced_and_reproduced() {
    for activity in [Activity::Produce, Activity::Reproduce] {
        // No record items are needed merely to produce or copy.
        assert_allow(
            &decide(ComplianceRequest::new(activity)),
            ClauseId::NoProhibitedContent,
            &[],
        );
    }
}

#[test]
fn a_website_with_prohibited_content_is_forbidden_whatever_it_holds() {
    let licensed = website(WebsiteKind::Operational).with_authorization(Authorization::OperationalWebsitePermit);
    assert!(decide(licensed).is_allowed());
    let decision = decide(licensed.with_prohibited_content(ProhibitedContent::ObscenityViolenceOrCrime));
    assert_deny(
        &decision,
        ClauseId::NoProhibitedContent,
        DenyKind::Forbidden,
        Reason::ProhibitedContentForbidden,
    );
}

#[test]
fn discovering_prohibited_content_obliges_stop_keep_records_report() {
    let request = ComplianceRequest::new(Activity::DiscoverProhibitedContent)
        .with_prohibited_content(ProhibitedContent::EndangersNationalSecurity);
    assert_allow(
        &decide(request),
        ClauseId::DiscoveredProhibitedContent,
        &[
            Obligation::StopTransmission,
            Obligation::KeepRelevantRecords,
            Obligation::ReportToAuthorities,
        ],
    );
    // Continuing to distribute it is forbidden.
    let keep_going =
        publisher(Activity::Disseminate).with_prohibited_content(ProhibitedContent::EndangersNationalSecurity);
    assert_eq!(decide(keep_going).deny_kind(), Some(DenyKind::Forbidden));
}

#[test]
fn a_discovery_without_its_kind_is_an_error_not_an_allow() {
    let err = decide_compliance(&ComplianceRequest::new(Activity::DiscoverProhibitedContent)).unwrap_err();
    assert_eq!(err.code(), "missing_compliance_fact");
    assert!(err.to_string().contains("prohibited_content"), "{err}");
}

// ---- filing, permit, approval ------------------------------------------

#[test]
fn a_non_operational_website_needs_its_filing() {
    let decision = decide(website(WebsiteKind::NonOperational));
    assert_deny(
        &decision,
        ClauseId::NonOperationalWebsiteFiling,
        DenyKind::NeedsAuthorization,
        Reason::NonOperationalWebsiteNeedsFiling,
    );
    assert_eq!(decision.missing(), Authorization::NonOperationalWebsiteFiling.set());
    assert!(decision
        .explain(Language::ZhCn)
        .to_string()
        .contains("非经营性网站备案"));

    let filed = website(WebsiteKind::NonOperational).with_authorization(Authorization::NonOperationalWebsiteFiling);
    assert_allow(
        &decide(filed),
        ClauseId::NonOperationalWebsiteFiling,
        &[Obligation::KeepInformationRecords, Obligation::AssistLawfulInquiry],
    );
}

#[test]
fn an_operational_website_needs_its_vat_permit_and_a_filing_is_not_enough() {
    let filed_only = website(WebsiteKind::Operational).with_authorization(Authorization::NonOperationalWebsiteFiling);
    let decision = decide(filed_only);
    assert_deny(
        &decision,
        ClauseId::OperationalWebsitePermit,
        DenyKind::NeedsAuthorization,
        Reason::OperationalWebsiteNeedsPermit,
    );
    assert_eq!(decision.missing(), Authorization::OperationalWebsitePermit.set());
    assert!(decision.to_string().contains("VAT permit"), "{decision}");

    let permitted = website(WebsiteKind::Operational).with_authorization(Authorization::OperationalWebsitePermit);
    assert_allow(
        &decide(permitted),
        ClauseId::OperationalWebsitePermit,
        &[Obligation::KeepInformationRecords, Obligation::AssistLawfulInquiry],
    );
}

#[test]
fn a_website_of_a_business_subject_to_approval_needs_the_approval_too() {
    let base = website(WebsiteKind::Operational).subject_to_permit_or_approval(true);

    // Both missing: the website's clause decides, and both are named.
    let decision = decide(base);
    assert_eq!(decision.clause(), ClauseId::OperationalWebsitePermit);
    assert_eq!(
        decision.missing(),
        AuthorizationSet::of(&[
            Authorization::OperationalWebsitePermit,
            Authorization::GovernmentPermitOrApproval
        ])
    );

    // Permit held, approval missing.
    let decision = decide(base.with_authorization(Authorization::OperationalWebsitePermit));
    assert_deny(
        &decision,
        ClauseId::BusinessPermitOrApproval,
        DenyKind::NeedsAuthorization,
        Reason::BusinessNeedsPermitOrApproval,
    );
    assert_eq!(decision.missing(), Authorization::GovernmentPermitOrApproval.set());

    // Both held.
    let both = base
        .with_authorization(Authorization::OperationalWebsitePermit)
        .with_authorization(Authorization::GovernmentPermitOrApproval);
    assert!(decide(both).is_allowed());
}

#[test]
fn operating_a_business_needs_its_permit_or_approval_only_if_subject_to_one() {
    let subject = ComplianceRequest::new(Activity::OperateBusiness).subject_to_permit_or_approval(true);
    let decision = decide(subject);
    assert_deny(
        &decision,
        ClauseId::BusinessPermitOrApproval,
        DenyKind::NeedsAuthorization,
        Reason::BusinessNeedsPermitOrApproval,
    );
    assert_eq!(decision.missing(), Authorization::GovernmentPermitOrApproval.set());
    assert_allow(
        &decide(subject.with_authorization(Authorization::GovernmentPermitOrApproval)),
        ClauseId::BusinessPermitOrApproval,
        &[],
    );
    let free = ComplianceRequest::new(Activity::OperateBusiness).subject_to_permit_or_approval(false);
    assert_allow(&decide(free), ClauseId::BusinessPermitOrApproval, &[]);
}

#[test]
fn unknown_website_kind_or_approval_status_is_an_error() {
    let no_kind = ComplianceRequest::new(Activity::ServeWebsite).subject_to_permit_or_approval(false);
    let err = decide_compliance(&no_kind).unwrap_err();
    assert!(
        matches!(err, RequestError::MissingComplianceFact { field: "website", .. }),
        "{err}"
    );

    let no_status = ComplianceRequest::new(Activity::ServeWebsite)
        .with_website(WebsiteKind::NonOperational)
        .with_authorization(Authorization::NonOperationalWebsiteFiling);
    let err = decide_compliance(&no_status).unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::MissingComplianceFact {
                field: "subject_to_permit_or_approval",
                ..
            }
        ),
        "{err}"
    );
    let err = decide_compliance(&ComplianceRequest::new(Activity::OperateBusiness)).unwrap_err();
    assert_eq!(err.code(), "missing_compliance_fact");
}

// ---- records -------------------------------------------------------------

#[test]
fn publishing_needs_all_three_record_items_and_obliges_keeping_them() {
    for activity in [Activity::Publish, Activity::Disseminate] {
        assert_allow(
            &decide(publisher(activity)),
            ClauseId::NoProhibitedContent,
            &[Obligation::KeepInformationRecords, Obligation::AssistLawfulInquiry],
        );
        for item in RecordItem::ALL {
            let lacking = publisher(activity).with_records_kept(RecordItemSet::ALL.without(*item));
            assert_deny(
                &decide(lacking),
                ClauseId::InformationServiceRecords,
                DenyKind::NotPermitted,
                Reason::InformationRecordsRequired,
            );
        }
    }
}

#[test]
fn records_go_to_authorities_on_a_lawful_inquiry() {
    let inquiry = ComplianceRequest::new(Activity::AnswerRecordsInquiry);
    let decision = decide(inquiry);
    assert_deny(
        &decision,
        ClauseId::InformationServiceRecords,
        DenyKind::NeedsAuthorization,
        Reason::RecordsOnLawfulInquiry,
    );
    assert_eq!(decision.missing(), Authorization::LegalRequirement.set());
    assert_allow(
        &decide(inquiry.with_authorization(Authorization::LegalRequirement)),
        ClauseId::InformationServiceRecords,
        &[Obligation::AssistLawfulInquiry],
    );
}

#[test]
fn records_are_kept_sixty_days_by_default() {
    assert_eq!(RecordRetention::DEFAULT_DAYS, 60);
    assert_eq!(RecordRetention::default().days(), 60);
    let recorded = time("2021-03-01T10:00:00+08:00");
    let discard = ComplianceRequest::new(Activity::DiscardRecords).recorded_at(recorded);

    // The 60 days are the Measures' (Decree 292, Art. 14), not the
    // statement's: the decision cites them as such.
    let early = decide(discard.at(recorded + Duration::days(60) - Duration::seconds(1)));
    assert_deny(
        &early,
        ClauseId::MeasuresRecordRetention,
        DenyKind::Forbidden,
        Reason::RecordsKeptForRetentionPeriod,
    );
    assert!(!early.clause().section().is_statement_text());
    assert!(early.to_string().contains("not by its text"), "{early}");
    assert_allow(
        &decide(discard.at(time("2021-04-30T10:00:00+08:00"))),
        ClauseId::MeasuresRecordRetention,
        &[],
    );
    // The same instant written in another offset decides the same.
    assert!(decide(discard.at(time("2021-04-30T02:00:00+00:00"))).is_allowed());
    assert!(!decide(discard.at(time("2021-04-30T01:59:59+00:00"))).is_allowed());
}

#[test]
fn the_retention_period_is_a_parameter() {
    let recorded = time("2021-03-01T10:00:00+08:00");
    let ninety = RecordRetention::from_days(90).unwrap();
    let discard = ComplianceRequest::new(Activity::DiscardRecords)
        .recorded_at(recorded)
        .with_retention(ninety)
        .at(recorded + Duration::days(60));
    assert!(!decide(discard).is_allowed());
    assert!(decide(discard.at(recorded + Duration::days(90))).is_allowed());

    assert_eq!(RecordRetention::from_days(0), None);
    assert_eq!("90 days".parse::<RecordRetention>().unwrap(), ninety);
    assert_eq!("1 day".parse::<RecordRetention>().unwrap().to_string(), "1 day");
    assert!("0".parse::<RecordRetention>().is_err());
    assert!("sixty".parse::<RecordRetention>().is_err());
    assert!(!RecordRetention::DEFAULT.may_discard(recorded, recorded));
}

#[test]
fn discarding_without_the_times_is_an_error() {
    let err =
        decide_compliance(&ComplianceRequest::new(Activity::DiscardRecords).at(time("2021-06-01T00:00:00+08:00")))
            .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::MissingComplianceFact {
                field: "recorded_at",
                ..
            }
        ),
        "{err}"
    );
    let err =
        decide_compliance(&ComplianceRequest::new(Activity::DiscardRecords).recorded_at(time("2021-03-01T00:00:00Z")))
            .unwrap_err();
    assert!(
        matches!(err, RequestError::MissingComplianceFact { field: "at", .. }),
        "{err}"
    );
}

// ---- real identity --------------------------------------------------------

#[test]
fn registration_with_real_identity_and_contact_information_is_allowed() {
    for activity in [Activity::Register, Activity::UpdateRegistration] {
        let request = ComplianceRequest::new(activity).with_identity(RegistrationInfoSet::ALL);
        assert_allow(
            &decide(request),
            ClauseId::RealIdentityAtRegistration,
            &[Obligation::KeepRegistrationUpToDate],
        );
    }
}

#[test]
fn incomplete_registration_is_denied() {
    for provided in [
        RegistrationInfoSet::EMPTY,
        RegistrationInfo::RealIdentity.set(),
        RegistrationInfo::ContactInformation.set(),
    ] {
        assert_deny(
            &decide(registrant().with_identity(provided)),
            ClauseId::RealIdentityAtRegistration,
            DenyKind::NotPermitted,
            Reason::RegistrationIncomplete,
        );
    }
}

#[test]
fn false_registration_is_forbidden() {
    for item in RegistrationInfo::ALL {
        for activity in [Activity::Register, Activity::UpdateRegistration] {
            let request = ComplianceRequest::new(activity)
                .with_identity(RegistrationInfoSet::ALL)
                .with_false_identity(item.set());
            assert_deny(
                &decide(request),
                ClauseId::RealIdentityAtRegistration,
                DenyKind::Forbidden,
                Reason::RegistrationFalse,
            );
        }
    }
}

// ---- time, wire, names -------------------------------------------------------

#[test]
fn a_request_dated_before_the_statement_is_an_error() {
    let request = registrant().at(time("2020-11-30T23:59:59+08:00"));
    assert_eq!(
        decide_compliance(&request).unwrap_err().code(),
        "before_statement_in_force"
    );
    assert!(decide(registrant().at(time("2020-12-01T00:00:00+08:00"))).is_allowed());
}

#[test]
fn requests_read_from_json_with_snake_case_names_and_unknown_fields_rejected() {
    let json = r#"{
        "activity": "discard_records",
        "recorded_at": "2021-03-01T10:00:00+08:00",
        "at": "2021-04-01T10:00:00+08:00",
        "retention": 30,
        "records_kept": ["information_provided", "time_of_publishing", "internet_address_or_domain_name"],
        "identity_provided": ["real_identity", "contact_information"],
        "prohibited_content": "insults_or_slanders",
        "website": "non_operational",
        "authorizations": ["non_operational_website_filing", "government_permit_or_approval"]
    }"#;
    let request: ComplianceRequest = serde_json::from_str(json).unwrap();
    assert_eq!(request.retention.days(), 30);
    assert_eq!(request.prohibited_content, Some(ProhibitedContent::InsultsOrSlanders));
    assert!(decide(request).is_allowed());
    let back: ComplianceRequest = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    assert_eq!(back, request);

    let unknown = r#"{"activity": "register", "identity": ["real_identity"]}"#;
    let err = serde_json::from_str::<ComplianceRequest>(unknown).unwrap_err();
    assert!(err.to_string().contains("unknown field `identity`"), "{err}");
    assert!(serde_json::from_str::<ComplianceRequest>(r#"{"activity": "register", "retention": 0}"#).is_err());
    assert!(serde_json::from_str::<ComplianceRequest>(r#"{"activity": "upload"}"#).is_err());
    // Defaults: 60-day retention.
    let minimal: ComplianceRequest = serde_json::from_str(r#"{"activity": "produce"}"#).unwrap();
    assert_eq!(minimal, ComplianceRequest::new(Activity::Produce));
}

#[test]
fn names_round_trip_through_display_and_from_str() {
    for kind in ProhibitedContent::ALL {
        assert_eq!(kind.to_string().parse::<ProhibitedContent>(), Ok(*kind));
    }
    for activity in Activity::ALL {
        assert_eq!(activity.to_string().parse::<Activity>(), Ok(*activity));
    }
    for kind in WebsiteKind::ALL {
        assert_eq!(kind.to_string().parse::<WebsiteKind>(), Ok(*kind));
    }
    for item in RecordItem::ALL {
        assert_eq!(item.to_string().parse::<RecordItem>(), Ok(*item));
    }
    for item in RegistrationInfo::ALL {
        assert_eq!(item.to_string().parse::<RegistrationInfo>(), Ok(*item));
    }
    let err = "porn".parse::<ProhibitedContent>().unwrap_err();
    assert!(err.to_string().contains("obscenity_violence_or_crime"), "{err}");
}

// ---- properties ------------------------------------------------------------

fn any_request() -> impl Strategy<Value = ComplianceRequest> {
    let activity = prop::sample::select(Activity::ALL.to_vec());
    let content = prop::option::of(prop::sample::select(ProhibitedContent::ALL.to_vec()));
    let site = prop::option::of(prop::sample::select(WebsiteKind::ALL.to_vec()));
    let subject = prop::option::of(any::<bool>());
    let auths = prop::collection::vec(prop::sample::select(Authorization::ALL.to_vec()), 0..5);
    let records = prop::collection::vec(prop::sample::select(RecordItem::ALL.to_vec()), 0..4);
    let identity = prop::collection::vec(prop::sample::select(RegistrationInfo::ALL.to_vec()), 0..3);
    let false_identity = prop::collection::vec(prop::sample::select(RegistrationInfo::ALL.to_vec()), 0..2);
    let times = (0i64..400 * 86_400, 0i64..400 * 86_400, 1u16..400);
    (
        activity,
        content,
        site,
        subject,
        auths,
        records,
        identity,
        false_identity,
        times,
    )
        .prop_map(
            |(activity, content, site, subject, auths, records, identity, false_identity, (rec, later, days))| {
                let start = time("2021-01-01T00:00:00+08:00");
                ComplianceRequest {
                    activity,
                    prohibited_content: content,
                    website: site,
                    subject_to_permit_or_approval: subject,
                    authorizations: auths.into_iter().collect(),
                    records_kept: records.into_iter().collect(),
                    identity_provided: identity.into_iter().collect(),
                    identity_false: false_identity.into_iter().collect(),
                    recorded_at: Some(start + Duration::seconds(rec)),
                    retention: RecordRetention::from_days(days).unwrap(),
                    at: Some(start + Duration::seconds(later)),
                }
            },
        )
}

proptest! {
    /// The statement: "An Internet information service provider shall not
    /// produce, reproduce, publish, or disseminate information that includes
    /// ... Prohibited Content". Whatever else holds (permits, records,
    /// identity), a content activity on Prohibited Content is forbidden.
    #[test]
    fn prohibited_content_is_never_allowed(
        request in any_request(),
        activity in prop::sample::select(vec![
            Activity::Produce, Activity::Reproduce, Activity::Publish, Activity::Disseminate, Activity::ServeWebsite,
        ]),
        kind in prop::sample::select(ProhibitedContent::ALL.to_vec()),
    ) {
        let request = ComplianceRequest { activity, prohibited_content: Some(kind), ..request };
        let decision = decide_compliance(&request).unwrap();
        prop_assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
        prop_assert_eq!(decision.clause(), ClauseId::NoProhibitedContent);
    }

    /// Every answer under "Compliance with Law" cites a clause of that
    /// section (or, for discarding records, the Measures' retention period
    /// the section leaves unsaid, cited as not the statement's text), and
    /// its duties come from clauses of that section; a deny names missing
    /// authorizations exactly when it needs one.
    #[test]
    fn decisions_cite_the_section(request in any_request()) {
        if let Ok(decision) = decide_compliance(&request) {
            let section = if request.activity == Activity::DiscardRecords {
                Section::LegalReferences
            } else {
                Section::ComplianceWithLaw
            };
            prop_assert_eq!(decision.clause().section(), section);
            for duty in decision.obligations().iter() {
                prop_assert_eq!(duty.clause().section(), Section::ComplianceWithLaw);
            }
            prop_assert_eq!(
                decision.deny_kind() == Some(DenyKind::NeedsAuthorization),
                !decision.missing().is_empty()
            );
        }
    }

    /// "a non-operational website ... filing; an operational website ... VAT
    /// permit": a website is served only if it holds what its kind needs
    /// (and the approval, when the business is subject to one); otherwise
    /// the deny names it.
    #[test]
    fn a_website_is_served_only_with_what_its_kind_needs(request in any_request()) {
        let request = ComplianceRequest { activity: Activity::ServeWebsite, prohibited_content: None, ..request };
        let (Some(kind), Some(subject)) = (request.website, request.subject_to_permit_or_approval) else {
            prop_assert!(decide_compliance(&request).is_err());
            return Ok(());
        };
        let decision = decide_compliance(&request).unwrap();
        let needed = kind.required_authorization();
        let has_site = request.authorizations.contains(needed);
        let has_approval = !subject || request.authorizations.contains(Authorization::GovernmentPermitOrApproval);
        prop_assert_eq!(decision.is_allowed(), has_site && has_approval);
        prop_assert_eq!(decision.missing().contains(needed), !has_site);
    }

    /// Records are kept for the whole retention period: discarding is
    /// allowed exactly when at least that many days have passed since the
    /// record was made.
    #[test]
    fn records_are_discarded_only_after_the_period(request in any_request()) {
        let request = ComplianceRequest { activity: Activity::DiscardRecords, ..request };
        let (Some(recorded), Some(at)) = (request.recorded_at, request.at) else { unreachable!() };
        let decision = decide_compliance(&request).unwrap();
        let elapsed = at - recorded;
        prop_assert_eq!(decision.is_allowed(), elapsed >= Duration::days(i64::from(request.retention.days())));
    }

    /// Registration: true, complete identity and contact information is
    /// allowed; anything false or missing is denied.
    #[test]
    fn registration_needs_true_complete_information(request in any_request()) {
        let request = ComplianceRequest { activity: Activity::Register, ..request };
        let decision = decide_compliance(&request).unwrap();
        prop_assert_eq!(
            decision.is_allowed(),
            request.identity_false.is_empty() && request.identity_provided == RegistrationInfoSet::ALL
        );
    }

    /// Deciding allocates nothing, on any input.
    #[test]
    fn deciding_allocates_nothing(request in any_request()) {
        let before = allocations();
        let decision = decide_compliance(&request);
        let after = allocations();
        prop_assert_eq!(after, before, "{:?}", decision);
    }
}

// ---- allocation counting ----------------------------------------------------

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

// SAFETY: forwards every call to the system allocator unchanged; it only
// counts allocations made on the current thread.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The counter behind `deciding_allocates_nothing` sees allocations, so that
/// property cannot pass vacuously.
#[test]
fn the_allocation_counter_counts() {
    let before = allocations();
    let boxed = std::hint::black_box(Box::new(7u64));
    assert!(allocations() > before);
    assert_eq!(*boxed, 7);
}
