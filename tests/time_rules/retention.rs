use vianet_privacy::{Account, Action, ClauseId, DataElement, DenyKind, Location, Obligation, Party, Purpose, Reason};

use super::{ok, req, t};

fn closed() -> Account {
    Account::Closed {
        closed_at: t("2023-01-01"),
        retention_expires: t("2026-01-01"),
    }
}

fn admin_use() -> vianet_privacy::Request {
    req(
        Party::Operator,
        Action::Use,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
    )
}

fn legal_retention() -> vianet_privacy::Request {
    req(
        Party::Operator,
        Action::Retain,
        DataElement::AdministratorEmail,
        Purpose::LegalCompliance,
    )
}

#[test]
fn an_open_account_is_decided_by_the_other_rules() {
    let open = admin_use().with_account(Account::Open);
    assert_eq!(ok(&open), ok(&admin_use()));
    assert!(ok(&open).is_allowed());
    // Open needs no time.
    assert!(ok(&open.at(t("2024-01-01"))).is_allowed());
}

#[test]
fn a_closed_account_s_data_is_not_used_during_retention() {
    let decision = ok(&admin_use().with_account(closed()).at(t("2024-06-01")));
    assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
    assert_eq!(decision.clause(), ClauseId::StorageRetentionAfterClosure);
    assert_eq!(decision.reason(), Some(Reason::ClosedAccountDataOnlyRetained));
    // The moment of closing is already inside the period.
    let at_close = ok(&admin_use().with_account(closed()).at(t("2023-01-01")));
    assert_eq!(at_close.reason(), Some(Reason::ClosedAccountDataOnlyRetained));
}

#[test]
fn a_closed_account_s_data_is_retained_for_the_law_with_duties() {
    let decision = ok(&legal_retention().with_account(closed()).at(t("2024-06-01")));
    assert!(decision.is_allowed(), "{decision}");
    assert_eq!(decision.clause(), ClauseId::StorageRetentionAfterClosure);
    let duties = decision.obligations();
    assert!(duties.contains(Obligation::DoNotUseDuringRetention));
    assert!(duties.contains(Obligation::DeleteOrAnonymizeWhenRetentionEnds));
    assert!(duties.contains(Obligation::ApplySecurityMeasures));
}

#[test]
fn retention_is_only_for_legal_compliance_and_only_by_21vianet() {
    let mut other_purpose = legal_retention().with_account(closed()).at(t("2024-06-01"));
    other_purpose.purpose = Purpose::ImproveService;
    assert_eq!(ok(&other_purpose).reason(), Some(Reason::ClosedAccountDataOnlyRetained));

    let mut supplier = legal_retention().with_account(closed()).at(t("2024-06-01"));
    supplier.party = Party::Supplier;
    assert_eq!(ok(&supplier).reason(), Some(Reason::ClosedAccountDataOnlyRetained));
}

#[test]
fn retention_does_not_lift_the_other_limits() {
    // Abroad: the storage section still decides.
    let mut abroad = legal_retention().with_account(closed()).at(t("2024-06-01"));
    abroad.location = Location::UnitedStates;
    assert_eq!(ok(&abroad).clause(), ClauseId::PersonalDataStoredInChina);
    // The security code is never retained, not even for the law.
    let code = req(
        Party::Operator,
        Action::Retain,
        DataElement::SecurityCode,
        Purpose::LegalCompliance,
    )
    .with_account(closed())
    .at(t("2024-06-01"));
    let decision = ok(&code);
    assert_eq!(decision.clause(), ClauseId::PaymentSecurityCodeNotRetained);
    assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
}

#[test]
fn when_the_retention_period_ends_the_data_is_deleted_or_anonymized() {
    for action in [Action::Delete, Action::Anonymize] {
        let mut erase = legal_retention().with_account(closed()).at(t("2026-01-01"));
        erase.action = action;
        let decision = ok(&erase);
        assert!(decision.is_allowed(), "{decision}");
        assert_eq!(decision.clause(), ClauseId::StorageDeletionAfterRetention);
        assert!(decision
            .obligations()
            .contains(Obligation::DeleteOrAnonymizeWhenRetentionEnds));
    }
}

#[test]
fn after_the_retention_period_nothing_else_is_allowed_and_the_deny_names_the_duty() {
    for request in [admin_use(), legal_retention()] {
        let decision = ok(&request.with_account(closed()).at(t("2026-01-01")));
        assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
        assert_eq!(decision.clause(), ClauseId::StorageDeletionAfterRetention);
        let reason = decision.reason().unwrap();
        assert_eq!(reason, Reason::RetentionExpiredDeleteOrAnonymize);
        assert_eq!(reason.duty(), Some(Obligation::DeleteOrAnonymizeWhenRetentionEnds));
    }
    // One second earlier, retention is still allowed.
    assert!(ok(&legal_retention().with_account(closed()).at(t("2025-12-31T23:59:59"))).is_allowed());
}

#[test]
fn a_terminated_service_s_data_is_deleted_after_notice() {
    let terminated = t("2025-03-31");
    let mut erase = admin_use().with_service_terminated_at(terminated).at(t("2025-04-01"));
    erase.action = Action::Delete;
    let decision = ok(&erase);
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::StorageServiceTermination);
    assert!(decision.obligations().contains(Obligation::NotifyTermination));
    assert!(decision
        .obligations()
        .contains(Obligation::DeleteOrAnonymizeOnTermination));

    let using = ok(&admin_use().with_service_terminated_at(terminated).at(t("2025-04-01")));
    assert_eq!(using.clause(), ClauseId::StorageServiceTermination);
    assert_eq!(using.deny_kind(), Some(DenyKind::Forbidden));
    assert_eq!(
        using.reason().and_then(|r| r.duty()),
        Some(Obligation::DeleteOrAnonymizeOnTermination)
    );
}

#[test]
fn the_termination_notice_itself_may_still_be_sent() {
    let notice = req(
        Party::Operator,
        Action::Contact,
        DataElement::AdministratorEmail,
        Purpose::ServiceCommunication,
    )
    .with_service_terminated_at(t("2025-03-31"))
    .at(t("2025-03-31"));
    assert!(ok(&notice).is_allowed());
}

#[test]
fn before_the_termination_the_other_rules_decide() {
    let before = admin_use()
        .with_service_terminated_at(t("2025-03-31"))
        .at(t("2025-03-30T23:59:59"));
    assert!(ok(&before).is_allowed());
}

#[test]
fn termination_overrides_retention_but_not_the_law_s() {
    // "in accordance with relevant laws and regulations, we will retain":
    // a termination does not lift what the law requires to be kept.
    let mut retain = legal_retention()
        .with_account(closed())
        .with_service_terminated_at(t("2024-01-01"))
        .at(t("2024-06-01"));
    let kept = ok(&retain);
    assert!(kept.is_allowed(), "{kept}");
    assert_eq!(kept.clause(), ClauseId::StorageRetentionAfterClosure);
    assert!(kept.obligations().contains(Obligation::DoNotUseDuringRetention));
    assert!(kept.obligations().contains(Obligation::NotifyTermination));
    // Anything else but erasure and the notice is over.
    retain.action = Action::Use;
    assert_eq!(ok(&retain).reason(), Some(Reason::ServiceTerminatedDeleteOrAnonymize));
    retain.action = Action::Anonymize;
    assert_eq!(ok(&retain).clause(), ClauseId::StorageServiceTermination);
}

#[test]
fn contradictory_times_are_errors_that_say_what_to_do() {
    let no_time = admin_use().with_account(closed());
    let err = vianet_privacy::decide(&no_time).unwrap_err();
    assert_eq!(err.code(), "missing_time");
    assert!(err.to_string().contains("add `at`"));

    let early = admin_use().with_account(closed()).at(t("2022-12-31T23:59:59"));
    let err = vianet_privacy::decide(&early).unwrap_err();
    assert_eq!(err.code(), "account_closed_after_decision");
    assert!(err.to_string().contains("\"state\": \"open\""), "{err}");

    let backwards = admin_use()
        .with_account(Account::Closed {
            closed_at: t("2023-01-01"),
            retention_expires: t("2022-01-01"),
        })
        .at(t("2024-01-01"));
    assert_eq!(
        vianet_privacy::decide(&backwards).unwrap_err().code(),
        "retention_ends_before_closing"
    );

    for request in [
        admin_use().with_service_terminated_at(t("2025-01-01")),
        admin_use().with_trial_ended_at(t("2025-01-01")),
        admin_use().with_subject_birth_date(super::date(2000, 1, 1)),
    ] {
        let err = vianet_privacy::decide(&request).unwrap_err();
        assert_eq!(err.code(), "missing_time", "{request:?}");
    }
}

#[test]
fn a_retention_period_of_no_length_means_immediate_deletion() {
    let instant = Account::Closed {
        closed_at: t("2024-01-01"),
        retention_expires: t("2024-01-01"),
    };
    let decision = ok(&legal_retention().with_account(instant).at(t("2024-01-01")));
    assert_eq!(decision.reason(), Some(Reason::RetentionExpiredDeleteOrAnonymize));
}
