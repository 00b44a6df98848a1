use vianet_privacy::statement::changes::{ChangeNotice, NoticeChannel, StatementChange};
use vianet_privacy::{ClauseId, DenyKind, Obligation, Reason};

use super::t;

fn notice(channel: NoticeChannel, at: &str) -> ChangeNotice {
    ChangeNotice {
        channel,
        given_at: t(at),
    }
}

#[test]
fn any_change_revises_the_last_updated_date() {
    let decision = StatementChange::minor(t("2025-07-01")).check().unwrap();
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::ChangesLastUpdated);
    assert!(decision.obligations().contains(Obligation::ReviseLastUpdatedDate));
}

#[test]
fn a_substantial_change_takes_effect_only_after_notice() {
    let change = StatementChange::substantial(t("2025-07-01"));
    let decision = change.check().unwrap();
    assert_eq!(decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert_eq!(decision.clause(), ClauseId::ChangesSubstantialNotice);
    assert_eq!(decision.reason(), Some(Reason::SubstantialChangeNeedsPriorNotice));

    for channel in NoticeChannel::ALL {
        let decision = change
            .with_notice(notice(*channel, "2025-06-30T23:59:59"))
            .check()
            .unwrap();
        assert!(decision.is_allowed(), "{channel}");
        assert!(decision.obligations().contains(Obligation::NotifySubstantialChange));
        assert!(decision.obligations().contains(Obligation::ReviseLastUpdatedDate));
    }
}

#[test]
fn a_notice_at_or_after_the_change_is_too_late() {
    let change = StatementChange::substantial(t("2025-07-01"));
    for at in ["2025-07-01", "2025-07-02"] {
        let decision = change
            .with_notice(notice(NoticeChannel::PostedNotice, at))
            .check()
            .unwrap();
        assert!(!decision.is_allowed(), "{at}");
    }
}

#[test]
fn a_change_before_this_version_is_an_error() {
    let err = StatementChange::minor(t("2020-11-30")).check().unwrap_err();
    assert_eq!(err.code(), "before_statement_in_force");
}

#[test]
fn a_change_reads_from_json() {
    let change: StatementChange = serde_json::from_str(
        r#"{"substantial": true, "takes_effect": "2025-07-01",
            "notice": {"channel": "direct_notification", "given_at": "2025-06-01T09:00:00Z"}}"#,
    )
    .unwrap();
    assert!(change.check().unwrap().is_allowed());
}

#[test]
fn every_decision_names_the_statement_version() {
    let decision = StatementChange::minor(t("2025-07-01")).check().unwrap();
    assert_eq!(decision.statement_version().to_string(), "2020-12-01");
}
