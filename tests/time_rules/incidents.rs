use vianet_privacy::statement::protection::{incident_obligations, IncidentKind};
use vianet_privacy::{Checklist, ClauseId, Obligation, ObligationSet};

#[test]
fn a_personal_data_incident_brings_notice_with_five_contents() {
    let duties = incident_obligations(IncidentKind::PersonalDataSecurity);
    assert_eq!(
        duties,
        ObligationSet::of(&[
            Obligation::NotifyIncidentPromptly,
            Obligation::InformIncidentCircumstances,
            Obligation::InformIncidentImpact,
            Obligation::InformIncidentMeasures,
            Obligation::AdviseSelfProtection,
            Obligation::InformRemedies,
        ])
    );
    assert!(duties
        .iter()
        .all(|d| d.clause() == ClauseId::ProtectionPersonalDataIncident));
    assert!(!duties.contains(Obligation::ReportIncidentToAuthorities));
}

#[test]
fn a_cyber_security_incident_brings_the_plan_remedies_and_a_report() {
    let duties = incident_obligations(IncidentKind::CyberSecurity);
    assert_eq!(
        duties,
        ObligationSet::of(&[
            Obligation::FollowEmergencyResponsePlan,
            Obligation::TakeRemedialMeasures,
            Obligation::ReportIncidentToAuthorities,
        ])
    );
    assert!(duties
        .iter()
        .all(|d| d.clause() == ClauseId::ProtectionCyberSecurityIncident));
    assert!(!duties.contains(Obligation::NotifyIncidentPromptly));
}

#[test]
fn a_checklist_reports_what_is_still_open() {
    let mut checklist = Checklist::new(incident_obligations(IncidentKind::PersonalDataSecurity));
    assert_eq!(checklist.open(), checklist.required());
    assert!(checklist.check_off(Obligation::NotifyIncidentPromptly));
    assert!(checklist.check_off(Obligation::InformIncidentImpact));
    assert!(!checklist.check_off(Obligation::ReportIncidentToAuthorities));
    assert_eq!(checklist.open().len(), 4);
    assert!(!checklist.open().contains(Obligation::NotifyIncidentPromptly));
    assert!(!checklist.done().contains(Obligation::ReportIncidentToAuthorities));
    for duty in checklist.open().iter() {
        assert!(!checklist.is_complete());
        checklist.check_off(duty);
    }
    assert!(checklist.is_complete());
}

#[test]
fn both_kinds_at_once_take_both_sets() {
    let both = incident_obligations(IncidentKind::PersonalDataSecurity)
        .union(incident_obligations(IncidentKind::CyberSecurity));
    assert_eq!(Checklist::new(both).open().len(), 9);
}

#[test]
fn a_checklist_round_trips_and_rejects_a_stray_done_duty() {
    let mut checklist = Checklist::new(incident_obligations(IncidentKind::CyberSecurity));
    checklist.check_off(Obligation::TakeRemedialMeasures);
    let json = serde_json::to_string(&checklist).unwrap();
    assert_eq!(serde_json::from_str::<Checklist>(&json).unwrap(), checklist);
    let err = serde_json::from_str::<Checklist>(
        r#"{"required": ["report_incident_to_authorities"], "done": ["inform_remedies"]}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("inform_remedies"), "{err}");
}

#[test]
fn a_checklist_follows_a_decision_s_obligations() {
    let request = vianet_privacy::Request::new(
        vianet_privacy::OnlineService::Azure,
        vianet_privacy::Party::Supplier,
        vianet_privacy::Action::Access,
        vianet_privacy::DataElement::CustomerContent,
        vianet_privacy::Purpose::Troubleshooting,
        vianet_privacy::Location::UnitedStates,
    );
    let decision = vianet_privacy::decide(&request).unwrap();
    let checklist = Checklist::for_decision(&decision);
    assert!(checklist.open().contains(Obligation::SuperviseOverseasAccess));
    assert_eq!(checklist.required(), decision.obligations());
}
