//! "Protection of Minors".
//!
//! > If you are a minor under the age of 18, please be sure to ask your
//! > guardian to read the Privacy Statement carefully, and please use our
//! > Online Services or provide your data to us under the condition that
//! > you have obtained the consent of your guardian.
//!
//! The statement's age is 18, stricter than the 14 of PIPL Art. 31 and
//! GB/T 35273-2020 §5.4; the crate encodes the statement's number
//! ([`AGE_OF_MAJORITY`]).
//!
//! When a request gives the data subject's birth date
//! ([`Request::subject_birth_date`](crate::Request::subject_birth_date)),
//! the age is computed on the China Standard Time calendar date of the
//! request's `at`, in whole years ([`age_on`]). A person is 18 from their
//! eighteenth birthday on; a person born on 29 February turns 18 on
//! 1 March in a common year (the later of the two possible readings, so
//! that the protection lasts the longer).
//!
//! The condition is read on a finished decision: a request the statement
//! otherwise allows is, for a minor without
//! [`Authorization::GuardianConsent`], a deny of kind
//! [`DenyKind::NeedsAuthorization`] naming that consent. A deny stays a
//! deny (the guardian's consent would not change it). The guardian's
//! consent governs the minor's use of the services and the data the minor
//! provides, so three kinds of allow are not conditioned on it: deleting
//! or anonymizing (removing a minor's data protects them); what rests on
//! the law (a disclosure the law requires, keeping data for the law's
//! retention period); and what rests on one of the six circumstances (the
//! fourth is worded for exactly the case where consent "is difficult to
//! acquire"). An allow for a minor carries
//! [`Advisory::GuardianShouldReadStatement`].
//!
//! ```
//! use chrono::NaiveDate;
//! use vianet_privacy::{decide, time::parse_time, Action, Authorization, DataElement, Location, OnlineService, Party, Purpose, Request};
//!
//! let request = Request::new(
//!     OnlineService::Office365,
//!     Party::Operator,
//!     Action::Collect,
//!     DataElement::AdministratorEmail,
//!     Purpose::AdministerAccount,
//!     Location::MainlandChina,
//! )
//! .with_subject_birth_date(NaiveDate::from_ymd_opt(2008, 5, 20).unwrap())
//! .at(parse_time("2026-05-19")?); // the day before the eighteenth birthday
//! let decision = decide(&request)?;
//! assert!(decision.missing().contains(Authorization::GuardianConsent));
//! assert!(decide(&request.with_authorization(Authorization::GuardianConsent))?.is_allowed());
//! assert!(decide(&request.at(parse_time("2026-05-20")?))?.is_allowed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::statement::rule::Evaluated;
use crate::{
    Advisory, AdvisorySet, Authorization, AuthorizationSet, ClauseId, Decision, Deny, DenyKind, Reason, Request,
};

/// The age from which the statement no longer asks for a guardian's
/// consent: "a minor under the age of 18".
pub const AGE_OF_MAJORITY: u32 = 18;

/// A person's age in whole years on a calendar date, or `None` if the date
/// is before the birth.
///
/// A birthday counts from its own day; a 29 February birthday counts from
/// 1 March in a common year.
///
/// ```
/// use chrono::NaiveDate;
/// use vianet_privacy::statement::minors::age_on;
///
/// let leap = NaiveDate::from_ymd_opt(2004, 2, 29).unwrap();
/// assert_eq!(age_on(leap, NaiveDate::from_ymd_opt(2022, 2, 28).unwrap()), Some(17));
/// assert_eq!(age_on(leap, NaiveDate::from_ymd_opt(2022, 3, 1).unwrap()), Some(18));
/// assert_eq!(age_on(leap, NaiveDate::from_ymd_opt(2003, 1, 1).unwrap()), None);
/// ```
pub const fn age_on(birth_date: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth_date)
}

/// Whether a person born on `birth_date` is a minor (under
/// [`AGE_OF_MAJORITY`]) at `at`, on its China Standard Time date; `None`
/// if `at` is before the birth.
///
/// ```
/// use chrono::NaiveDate;
/// use vianet_privacy::{statement::minors::is_minor, time::parse_time};
///
/// let birth = NaiveDate::from_ymd_opt(2005, 6, 1).unwrap();
/// // 17:00 UTC on 31 May is already 1 June in Beijing: the eighteenth birthday.
/// assert_eq!(is_minor(birth, parse_time("2023-05-31T17:00:00Z")?), Some(false));
/// assert_eq!(is_minor(birth, parse_time("2023-05-31T15:00:00Z")?), Some(true));
/// # Ok::<(), vianet_privacy::time::InvalidTime>(())
/// ```
pub fn is_minor(birth_date: NaiveDate, at: DateTime<FixedOffset>) -> Option<bool> {
    age_on(birth_date, crate::time::china_date(at)).map(|age| age < AGE_OF_MAJORITY)
}

/// The condition on a finished decision.
pub(crate) fn require_guardian_consent(request: &Request, evaluated: Evaluated) -> Decision {
    let Evaluated { decision, by_law } = evaluated;
    let (Some(birth_date), Some(at)) = (request.subject_birth_date, request.at) else {
        return decision;
    };
    // A birth after `at` is rejected by `Request::validate`; fail closed
    // here too by treating an unknown age as a minor's.
    if is_minor(birth_date, at) == Some(false) {
        return decision;
    }
    let Decision::Allow(mut allow) = decision else {
        return decision;
    };
    allow.advisories.insert(Advisory::GuardianShouldReadStatement);
    let exempt = by_law || crate::ActionSet::ERASURE.contains(request.action);
    if exempt || request.authorizations.contains(Authorization::GuardianConsent) {
        return Decision::Allow(allow);
    }
    Decision::Deny(Deny {
        clause: ClauseId::MinorsGuardianConsent,
        kind: DenyKind::NeedsAuthorization,
        reason: Reason::MinorNeedsGuardianConsent,
        missing: AuthorizationSet::of(&[Authorization::GuardianConsent]),
        advisories: AdvisorySet::of(&[Advisory::GuardianShouldReadStatement]),
        statement_version: allow.statement_version,
    })
}
