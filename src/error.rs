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
}

impl RequestError {
    /// A stable snake_case name of the error, for programs to match on.
    pub const fn code(&self) -> &'static str {
        match self {
            RequestError::BeforeStatementInForce { .. } => "before_statement_in_force",
            RequestError::MissingComplianceFact { .. } => "missing_compliance_fact",
        }
    }
}
