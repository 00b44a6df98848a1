use core::fmt;

/// A name that is not one of a vocabulary's values.
///
/// Returned by every `FromStr` of the crate's enums. Its message lists the
/// names that would have been accepted, so the caller can fix the input.
///
/// ```
/// use vianet_privacy::Party;
///
/// let err = "regulator".parse::<Party>().unwrap_err();
/// assert_eq!(err.kind(), "party");
/// assert!(err.to_string().contains("authority"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    kind: &'static str,
    given: String,
    valid: &'static [&'static str],
}

impl UnknownName {
    pub(crate) fn new(kind: &'static str, given: &str, valid: &'static [&'static str]) -> Self {
        UnknownName {
            kind,
            given: given.to_owned(),
            valid,
        }
    }

    /// What kind of name was expected (`"party"`, `"purpose"`, …).
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The name that was given.
    pub fn given(&self) -> &str {
        &self.given
    }

    /// The names that are accepted.
    pub fn valid(&self) -> &'static [&'static str] {
        self.valid
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} `{}`; expected one of: {}",
            self.kind,
            self.given,
            self.valid.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// A request that cannot be decided: malformed or contradictory input is an
/// error, never an allow.
///
/// Each error says what is wrong and what to do next; [`RequestError::code`]
/// is a stable name a program can match on.
///
/// ```
/// use chrono::DateTime;
/// use vianet_privacy::{decide, Action, DataElement, Location, OnlineService, Party, Purpose, Request, RequestError};
///
/// let before = DateTime::parse_from_rfc3339("2019-06-01T09:00:00+08:00")?;
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Use,
///     DataElement::AdministratorEmail,
///     Purpose::AdministerAccount,
///     Location::MainlandChina,
/// )
/// .at(before);
/// let err = decide(&request).unwrap_err();
/// assert_eq!(err.code(), "before_statement_in_force");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request is dated before the statement version took effect.
    #[error(
        "the request is dated {at}, before statement version {version} took effect on {effective}; \
         this crate encodes only that version, so correct the time or decide the request under the statement then in force"
    )]
    BeforeStatementInForce {
        /// When the request says the processing happens.
        at: chrono::DateTime<chrono::FixedOffset>,
        /// The version this crate encodes.
        version: crate::StatementVersion,
        /// When that version took effect.
        effective: chrono::DateTime<chrono::FixedOffset>,
    },
    /// A [`ComplianceRequest`](crate::ComplianceRequest) lacks a fact its
    /// activity cannot be decided without.
    #[error(
        "a `{activity}` compliance request needs the field `{field}`: {why}; \
         add it to the request rather than guessing"
    )]
    MissingComplianceFact {
        /// The activity of the request.
        activity: crate::Activity,
        /// The wire name of the missing field.
        field: &'static str,
        /// Why the activity needs it.
        why: &'static str,
    },
    /// A field that makes the answer depend on time was given without the
    /// time of the request.
    #[error(
        "`{field}` makes the answer depend on when the processing happens, but the request has no `at`; \
         add `at` (RFC 3339, or a date-time or date without offset, read as China Standard Time)"
    )]
    MissingTime {
        /// The field that needs `at`.
        field: &'static str,
    },
    /// The account is said to be closed after the time of the request.
    #[error(
        "the account is closed at {closed_at}, after the request's time {at}; \
         an account closed later was open at that time: give `account` as `{{\"state\": \"open\"}}`, or correct the times"
    )]
    AccountClosedAfterDecision {
        /// When the account was closed.
        closed_at: chrono::DateTime<chrono::FixedOffset>,
        /// The time of the request.
        at: chrono::DateTime<chrono::FixedOffset>,
    },
    /// The retention period is said to end before the account was closed.
    #[error(
        "the retention period ends at {retention_expires}, before the account was closed at {closed_at}; \
         the legal retention period starts when the account closes: correct `retention_expires` or `closed_at`"
    )]
    RetentionEndsBeforeClosing {
        /// When the account was closed.
        closed_at: chrono::DateTime<chrono::FixedOffset>,
        /// When the retention period was said to end.
        retention_expires: chrono::DateTime<chrono::FixedOffset>,
    },
    /// The data subject's birth date is after the time of the request.
    #[error(
        "the data subject's birth date {birth_date} is after the request's time {at} (read in China Standard Time); \
         correct `subject_birth_date` or `at`"
    )]
    BirthDateAfterDecision {
        /// The birth date given.
        birth_date: chrono::NaiveDate,
        /// The time of the request.
        at: chrono::DateTime<chrono::FixedOffset>,
    },
    /// A data subject's request has no verified identity yet, so it has no
    /// due date.
    #[error(
        "the requester's identity has not been verified, so the reply has no due date yet; \
         verify the identity first and set `identity_verified_at`"
    )]
    IdentityNotVerified,
    /// A date computed from the request falls outside the calendar chrono
    /// can represent.
    #[error("{what} falls outside the representable calendar (about 262,000 years either side of year 0); correct the input dates")]
    DateOutOfRange {
        /// What was being computed.
        what: &'static str,
    },
}

impl RequestError {
    /// A stable snake_case name of the error, for programs to match on.
    pub const fn code(&self) -> &'static str {
        match self {
            RequestError::BeforeStatementInForce { .. } => "before_statement_in_force",
            RequestError::MissingComplianceFact { .. } => "missing_compliance_fact",
            RequestError::MissingTime { .. } => "missing_time",
            RequestError::AccountClosedAfterDecision { .. } => "account_closed_after_decision",
            RequestError::RetentionEndsBeforeClosing { .. } => "retention_ends_before_closing",
            RequestError::BirthDateAfterDecision { .. } => "birth_date_after_decision",
            RequestError::IdentityNotVerified => "identity_not_verified",
            RequestError::DateOutOfRange { .. } => "date_out_of_range",
        }
    }
}
