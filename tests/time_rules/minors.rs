use vianet_privacy::statement::minors::{age_on, is_minor, AGE_OF_MAJORITY};
use vianet_privacy::{
    Account, Action, Advisory, Authorization, ClauseId, DataElement, DenyKind, Party, Purpose, Reason,
};

use super::{date, ok, req, t};

fn collect_for(birth: chrono::NaiveDate, at: &str) -> vianet_privacy::Request {
    req(
        Party::Operator,
        Action::Collect,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
    )
    .with_subject_birth_date(birth)
    .at(t(at))
}

#[test]
fn the_statement_s_age_is_18_not_the_law_s_14() {
    assert_eq!(AGE_OF_MAJORITY, 18);
    let birth = date(2008, 5, 20);
    // Fifteen: past the law's 14, still a minor here.
    assert_eq!(
        ok(&collect_for(birth, "2023-06-01")).reason(),
        Some(Reason::MinorNeedsGuardianConsent)
    );
}

#[test]
fn a_minor_needs_the_guardian_s_consent_until_the_eighteenth_birthday() {
    let birth = date(2008, 5, 20);
    let eve = ok(&collect_for(birth, "2026-05-19T23:59:59"));
    assert_eq!(eve.deny_kind(), Some(DenyKind::NeedsAuthorization));
    assert_eq!(eve.clause(), ClauseId::MinorsGuardianConsent);
    assert_eq!(
        eve.missing().iter().collect::<Vec<_>>(),
        [Authorization::GuardianConsent]
    );
    assert!(eve.advisories().contains(Advisory::GuardianShouldReadStatement));

    let birthday = ok(&collect_for(birth, "2026-05-20"));
    assert!(birthday.is_allowed(), "{birthday}");
    assert!(!birthday.advisories().contains(Advisory::GuardianShouldReadStatement));
}

#[test]
fn with_the_guardian_s_consent_a_minor_is_allowed_and_the_guardian_advised() {
    let birth = date(2010, 1, 1);
    let request = collect_for(birth, "2024-01-01").with_authorization(Authorization::GuardianConsent);
    let decision = ok(&request);
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::AdministratorDataUse);
    assert!(decision.advisories().contains(Advisory::GuardianShouldReadStatement));
}

#[test]
fn a_29_february_birthday_turns_18_on_1_march_of_a_common_year() {
    // 18 is not a multiple of 4, so an eighteenth birthday on 29 February
    // always falls in a common year.
    let birth = date(2008, 2, 29);
    assert_eq!(age_on(birth, date(2026, 2, 28)), Some(17));
    assert_eq!(age_on(birth, date(2026, 3, 1)), Some(18));
    assert_eq!(
        ok(&collect_for(birth, "2026-02-28T23:59:59")).reason(),
        Some(Reason::MinorNeedsGuardianConsent)
    );
    assert!(ok(&collect_for(birth, "2026-03-01")).is_allowed());
    // 16:00 UTC on 28 February is midnight on 1 March in Beijing.
    assert_eq!(is_minor(birth, t("2026-02-28T15:59:59Z")), Some(true));
    assert_eq!(is_minor(birth, t("2026-02-28T16:00:00Z")), Some(false));
    // In a leap year the birthday is the day itself.
    assert_eq!(age_on(birth, date(2012, 2, 28)), Some(3));
    assert_eq!(age_on(birth, date(2012, 2, 29)), Some(4));
}

#[test]
fn a_deny_stays_a_deny_for_a_minor() {
    let advertising = req(
        Party::Operator,
        Action::Use,
        DataElement::AdministratorEmail,
        Purpose::Advertising,
    )
    .with_subject_birth_date(date(2012, 1, 1))
    .at(t("2024-01-01"))
    .with_authorization(Authorization::GuardianConsent);
    let decision = ok(&advertising);
    assert!(!decision.is_allowed());
    assert_ne!(decision.clause(), ClauseId::MinorsGuardianConsent);
}

#[test]
fn removing_a_minor_s_data_and_keeping_it_for_the_law_need_no_consent() {
    let birth = date(2012, 1, 1);
    let delete = req(
        Party::Operator,
        Action::Delete,
        DataElement::AdministratorEmail,
        Purpose::DataSubjectRequest,
    )
    .with_subject_birth_date(birth)
    .at(t("2024-01-01"));
    assert!(ok(&delete).is_allowed());
    let retain = req(
        Party::Operator,
        Action::Retain,
        DataElement::AdministratorEmail,
        Purpose::LegalCompliance,
    )
    .with_account(Account::Closed {
        closed_at: t("2023-01-01"),
        retention_expires: t("2026-01-01"),
    })
    .with_subject_birth_date(birth)
    .at(t("2024-01-01"));
    assert_eq!(ok(&retain).clause(), ClauseId::StorageRetentionAfterClosure);
    assert!(ok(&retain).is_allowed());
}

#[test]
fn a_birth_after_the_request_is_an_error() {
    let request = collect_for(date(2024, 1, 2), "2024-01-01T23:00:00");
    let err = vianet_privacy::decide(&request).unwrap_err();
    assert_eq!(err.code(), "birth_date_after_decision");
    // Born today (in Beijing) is fine, and a minor.
    let today = collect_for(date(2024, 1, 1), "2024-01-01T23:00:00");
    assert_eq!(ok(&today).reason(), Some(Reason::MinorNeedsGuardianConsent));
}
