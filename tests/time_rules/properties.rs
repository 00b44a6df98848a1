use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use proptest::prelude::*;
use vianet_privacy::statement::changes::{ChangeNotice, NoticeChannel, StatementChange};
use vianet_privacy::statement::managing::{response_due_date, RESPONSE_DAYS};
use vianet_privacy::statement::minors::{is_minor, AGE_OF_MAJORITY};
use vianet_privacy::time::china_date;
use vianet_privacy::{
    decide, Account, Action, ActionSet, Authorization, AuthorizationSet, Circumstance, ClauseId, DataElement, Location,
    Obligation, OnlineService, Party, Purpose, Request,
};

/// 2020-12-01T00:00:00+08:00 and about eighty years on, in seconds.
const START: i64 = 1_606_752_000;
const SPAN: i64 = 80 * 365 * 86_400;

fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // Offsets from -12:00 to +14:00 in quarter hours.
    (0..SPAN, -48i32..=56).prop_map(|(secs, quarters)| {
        let offset = FixedOffset::east_opt(quarters * 900).unwrap();
        offset.timestamp_opt(START + secs, 0).unwrap()
    })
}

fn pick<T: Copy + core::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn request() -> impl Strategy<Value = Request> {
    (
        (
            pick(OnlineService::ALL),
            pick(Party::ALL),
            pick(Action::ALL),
            pick(DataElement::ALL),
        ),
        (
            pick(Purpose::ALL),
            pick(Location::ALL),
            any::<u32>(),
            proptest::option::of(pick(Circumstance::ALL)),
        ),
        any::<bool>(),
    )
        .prop_map(
            |((service, party, action, data), (purpose, location, bits, circumstance), preview)| {
                let authorizations: AuthorizationSet = Authorization::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, a)| *a)
                    .collect();
                let mut request =
                    Request::new(service, party, action, data, purpose, location).with_authorizations(authorizations);
                request.circumstance = circumstance;
                request.preview = preview;
                request
            },
        )
}

const KEEPING: ActionSet = ActionSet::of(&[Action::Store, Action::Retain]);
const ERASING: ActionSet = ActionSet::of(&[Action::Delete, Action::Anonymize]);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// "After you close your account … we will not use or process your
    /// Personal Data during this period; upon expiry of the aforementioned
    /// retention period, we will immediately delete or anonymize your
    /// data": once an account is closed, no request other than keeping the
    /// data (during the retention period) or erasing it is ever allowed,
    /// whatever its party, purpose, place or authorizations; keeping it is
    /// allowed only during the period and only with the duty not to use it;
    /// after the period, only erasure.
    #[test]
    fn a_closed_account_s_data_is_never_usable(
        request in request(),
        closed_at in instant(),
        retention_secs in 0i64..(20 * 365 * 86_400),
        after_close_secs in 0i64..(40 * 365 * 86_400),
    ) {
        let retention_expires = closed_at + Duration::seconds(retention_secs);
        let at = closed_at + Duration::seconds(after_close_secs);
        let request = request
            .with_account(Account::Closed { closed_at, retention_expires })
            .at(at);
        let decision = decide(&request).unwrap();
        if decision.is_allowed() {
            let action = request.action;
            prop_assert!(KEEPING.contains(action) || ERASING.contains(action), "{action} allowed: {decision}");
            if KEEPING.contains(action) {
                prop_assert!(at < retention_expires);
                prop_assert!(decision.obligations().contains(Obligation::DoNotUseDuringRetention));
            }
            if at >= retention_expires {
                prop_assert!(ERASING.contains(action));
            }
        }
    }

    /// "We will respond to you within 30 days after the verification of
    /// your identity": whatever the time and offset of the verification and
    /// whatever statutory limit is supplied, the reply is due on a China
    /// Standard Time date no earlier than the verification's and at most
    /// 30 days after it, and exactly on the statutory limit when that is
    /// shorter.
    #[test]
    fn the_due_date_is_never_more_than_30_days_after_verification(
        verified in instant(),
        limit in proptest::option::of(any::<u16>()),
    ) {
        let due = response_due_date(verified, limit).unwrap();
        let days = (due - china_date(verified)).num_days();
        prop_assert!((0..=i64::from(RESPONSE_DAYS)).contains(&days), "{days} days");
        match limit {
            Some(limit) if limit < RESPONSE_DAYS => prop_assert_eq!(days, i64::from(limit)),
            _ => prop_assert_eq!(days, i64::from(RESPONSE_DAYS)),
        }
    }

    /// "If you are a minor under the age of 18 … use our Online Services or
    /// provide your data to us under the condition that you have obtained
    /// the consent of your guardian": for a data subject under 18 at the
    /// request's time, nothing but erasure, the legal retention of a closed
    /// account and a disclosure the law or one of the six circumstances
    /// opens (which rest on no one's choice) is allowed without the
    /// guardian's consent.
    #[test]
    fn a_minor_s_data_needs_the_guardian_s_consent(
        request in request(),
        at in instant(),
        age_days in 0i64..(AGE_OF_MAJORITY as i64 * 366),
    ) {
        let birth = china_date(at) - Duration::days(age_days);
        let request = request.with_subject_birth_date(birth).at(at);
        let minor = is_minor(birth, at).unwrap();
        let decision = decide(&request).unwrap();
        if minor && decision.is_allowed() {
            prop_assert!(
                request.authorizations.contains(Authorization::GuardianConsent)
                    || ERASING.contains(request.action)
                    || decision.clause() == ClauseId::StorageRetentionAfterClosure
                    || super::support::through_a_door_of_the_law(&request),
                "{decision}"
            );
        }
        if !minor {
            // 18 × 366 days may reach an eighteenth birthday: then the rule is silent.
            prop_assert!(decision.clause() != ClauseId::MinorsGuardianConsent);
        }
    }

    /// "If there are substantial changes … we will notify you … before they
    /// take effect": a substantial change is allowed exactly when a notice
    /// was given strictly before it takes effect.
    #[test]
    fn a_substantial_change_needs_a_notice_strictly_before(
        takes_effect in instant(),
        notice_offset in proptest::option::of(-(400i64 * 86_400)..(400 * 86_400)),
        direct in any::<bool>(),
    ) {
        let channel = if direct { NoticeChannel::DirectNotification } else { NoticeChannel::PostedNotice };
        let mut change = StatementChange::substantial(takes_effect);
        if let Some(secs) = notice_offset {
            change = change.with_notice(ChangeNotice { channel, given_at: takes_effect + Duration::seconds(secs) });
        }
        let allowed = change.check().unwrap().is_allowed();
        prop_assert_eq!(allowed, notice_offset.is_some_and(|secs| secs < 0));
    }
}
