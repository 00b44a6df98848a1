use vianet_privacy::{Account, Request};

use super::date;

fn read(json: &str) -> Result<Request, serde_json::Error> {
    serde_json::from_str(json)
}

const BASE: &str = r#""service": "azure", "party": "operator", "action": "use", "data": "administrator_email",
    "purpose": "administer_account", "location": "mainland_china""#;

#[test]
fn at_accepts_rfc_3339_and_reads_times_without_offset_as_china_standard_time() {
    let cases = [
        ("2024-03-01T09:30:00+01:00", "2024-03-01T09:30:00+01:00"),
        ("2024-03-01T09:30:00Z", "2024-03-01T09:30:00+00:00"),
        ("2024-03-01T09:30:00", "2024-03-01T09:30:00+08:00"),
        ("2024-03-01 09:30", "2024-03-01T09:30:00+08:00"),
        ("2024-03-01", "2024-03-01T00:00:00+08:00"),
    ];
    for (given, read_as) in cases {
        let request = read(&format!(r#"{{{BASE}, "at": "{given}"}}"#)).unwrap();
        assert_eq!(request.at.unwrap().to_rfc3339(), read_as, "{given}");
    }
}

#[test]
fn a_bad_time_is_rejected_with_the_accepted_forms() {
    let err = read(&format!(r#"{{{BASE}, "at": "March 1st"}}"#)).unwrap_err();
    assert!(err.to_string().contains("China Standard Time"), "{err}");
    assert!(read(&format!(r#"{{{BASE}, "at": 20240301}}"#)).is_err());
}

#[test]
fn the_time_context_reads_and_round_trips() {
    let json = format!(
        r#"{{{BASE}, "at": "2024-06-01",
            "account": {{"state": "closed", "closed_at": "2023-01-01", "retention_expires": "2026-01-01T00:00:00+08:00"}},
            "service_terminated_at": "2030-01-01", "trial_ended_at": "2023-12-31T12:00:00",
            "preview": true, "subject_birth_date": "2000-02-29"}}"#
    );
    let request = read(&json).unwrap();
    assert_eq!(
        request.account,
        Some(Account::Closed {
            closed_at: super::t("2023-01-01"),
            retention_expires: super::t("2026-01-01"),
        })
    );
    assert!(request.preview);
    assert_eq!(request.subject_birth_date, Some(date(2000, 2, 29)));
    assert_eq!(
        request.trial_ended_at.unwrap().to_rfc3339(),
        "2023-12-31T12:00:00+08:00"
    );
    let again: Request = serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
    assert_eq!(again, request);
}

#[test]
fn absent_context_is_not_written() {
    let request = read(&format!("{{{BASE}}}")).unwrap();
    let json = serde_json::to_string(&request).unwrap();
    for field in [
        "account",
        "preview",
        "subject_birth_date",
        "trial_ended_at",
        "service_terminated_at",
        "at",
    ] {
        assert!(!json.contains(&format!("\"{field}\"")), "{field} in {json}");
    }
    let open = read(&format!(r#"{{{BASE}, "account": {{"state": "open"}}}}"#)).unwrap();
    assert_eq!(open.account, Some(Account::Open));
}

#[test]
fn unknown_or_malformed_context_is_rejected() {
    for bad in [
        r#""account": {"state": "closed", "closed_at": "2023-01-01"}"#,
        r#""account": {"state": "closed", "closed_at": "2023-01-01", "retention_expires": "2026-01-01", "why": 1}"#,
        r#""account": {"state": "frozen"}"#,
        r#""subject_birth_date": "2000-02-30""#,
        r#""subject_birth_date": "2000-02-29T00:00:00""#,
        r#""preview": "yes""#,
        r#""trial_end": "2024-01-01""#,
    ] {
        assert!(read(&format!("{{{BASE}, {bad}}}")).is_err(), "{bad}");
    }
}

#[test]
fn request_stays_copy_and_small() {
    fn is_copy<T: Copy>() {}
    is_copy::<Request>();
    assert!(
        core::mem::size_of::<Request>() <= 160,
        "{}",
        core::mem::size_of::<Request>()
    );
}
