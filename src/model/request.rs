use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use crate::{
    Account, Action, Authorization, AuthorizationSet, Circumstance, DataCategory, DataElement, Location, Objection,
    ObjectionSet, OnlineService, Party, Purpose, RequestError, StatementVersion,
};

/// One question to the policy: may this party do this action on this data,
/// for this purpose, here, now?
///
/// A request is a small `Copy` value: building and deciding one allocates
/// nothing. Build it with [`Request::new`] and the `with_*` methods, or read
/// it from JSON (unknown fields are rejected by name).
///
/// ```
/// use vianet_privacy::{Action, Authorization, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::SupportContactInfo,
///     Purpose::ResolveSupportIssue,
///     Location::UnitedStates,
/// )
/// .with_authorization(Authorization::PriorConsentAfterExplanation);
/// assert!(request.authorizations.contains(Authorization::PriorConsentAfterExplanation));
/// assert!(request.location.is_outside_china());
/// ```
///
/// Its serde `Deserialize` is the strict reader of `crate::wire`: every
/// field checked, unknown ones refused, the errors saying where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Request {
    /// The Online Service concerned.
    pub service: OnlineService,
    /// Who acts on the data, or receives it.
    pub party: Party,
    /// What is done with the data.
    pub action: Action,
    /// The data element; its category follows from it.
    pub data: DataElement,
    /// Why.
    pub purpose: Purpose,
    /// Where the data is stored or goes, or where the acting party is.
    pub location: Location,
    /// The authorizations, consents and legal facts the request carries.
    #[serde(default)]
    pub authorizations: AuthorizationSet,
    /// One of the six circumstances that need no explicit instruction, if
    /// it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circumstance: Option<Circumstance>,
    /// Choices by which the customer has said no.
    #[serde(default, skip_serializing_if = "no_objections")]
    pub objections: ObjectionSet,
    /// When the processing happens. Needed only by rules that depend on
    /// time; when given, it must not be before the statement took effect.
    ///
    /// On the wire: RFC 3339 with an offset, or a date-time or date without
    /// offset, read in China Standard Time (UTC+08:00) because the
    /// statement speaks for an operator in mainland China; a date alone is
    /// the start of that day. See [`crate::time`].
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::time::optional")]
    pub at: Option<DateTime<FixedOffset>>,
    /// The state of the customer account the data belongs to: open, or
    /// closed with the end of the legal retention period. Needs `at` when
    /// closed. See [`Account`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
    /// When 21Vianet terminated (or will terminate) the Online Service or
    /// operation the data belongs to. From then on the data may only be
    /// deleted or anonymized. Needs `at`; read like `at`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::time::optional")]
    pub service_terminated_at: Option<DateTime<FixedOffset>>,
    /// When the trial during which the data was collected ended, if the
    /// data comes from a trial not (yet) followed by a purchase. From then
    /// on the data may only be kept temporarily for a later purchase, or
    /// removed. Needs `at`; read like `at`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::time::optional")]
    pub trial_ended_at: Option<DateTime<FixedOffset>>,
    /// Whether the processing happens in a Preview (preview, beta or other
    /// pre-release service). Previews are decided like other services, with
    /// an advisory that their security measures may differ.
    #[serde(default, skip_serializing_if = "is_false")]
    pub preview: bool,
    /// The birth date of the natural person the data is about (or who uses
    /// the Online Services), when known: under 18 on the China Standard
    /// Time date of `at`, they need their guardian's consent. Needs `at`.
    /// On the wire: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_birth_date: Option<NaiveDate>,
}

impl Request {
    /// A request with no authorizations, circumstance, objections or time.
    pub const fn new(
        service: OnlineService,
        party: Party,
        action: Action,
        data: DataElement,
        purpose: Purpose,
        location: Location,
    ) -> Request {
        Request {
            service,
            party,
            action,
            data,
            purpose,
            location,
            authorizations: AuthorizationSet::EMPTY,
            circumstance: None,
            objections: ObjectionSet::EMPTY,
            at: None,
            account: None,
            service_terminated_at: None,
            trial_ended_at: None,
            preview: false,
            subject_birth_date: None,
        }
    }

    /// This request for another Online Service.
    #[must_use]
    pub const fn with_service(mut self, service: OnlineService) -> Request {
        self.service = service;
        self
    }

    /// This request with another acting (or, for a disclosure, receiving)
    /// party.
    #[must_use]
    pub const fn with_party(mut self, party: Party) -> Request {
        self.party = party;
        self
    }

    /// This request with another action.
    #[must_use]
    pub const fn with_action(mut self, action: Action) -> Request {
        self.action = action;
        self
    }

    /// This request about another data element.
    #[must_use]
    pub const fn with_data(mut self, data: DataElement) -> Request {
        self.data = data;
        self
    }

    /// This request for another purpose.
    ///
    /// ```
    /// use vianet_privacy::{decide, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    ///
    /// let use_it = Request::new(
    ///     OnlineService::Azure,
    ///     Party::Operator,
    ///     Action::Use,
    ///     DataElement::CustomerContent,
    ///     Purpose::ProvideService,
    ///     Location::MainlandChina,
    /// );
    /// assert!(decide(&use_it)?.is_allowed());
    /// assert!(!decide(&use_it.with_purpose(Purpose::Advertising))?.is_allowed());
    /// # Ok::<(), vianet_privacy::RequestError>(())
    /// ```
    #[must_use]
    pub const fn with_purpose(mut self, purpose: Purpose) -> Request {
        self.purpose = purpose;
        self
    }

    /// This request at another location.
    #[must_use]
    pub const fn with_location(mut self, location: Location) -> Request {
        self.location = location;
        self
    }

    /// This request with the given objections (replacing any).
    #[must_use]
    pub const fn with_objections(mut self, objections: ObjectionSet) -> Request {
        self.objections = objections;
        self
    }

    /// This request with no circumstance, or the given one.
    #[must_use]
    pub const fn with_circumstance_option(mut self, circumstance: Option<Circumstance>) -> Request {
        self.circumstance = circumstance;
        self
    }

    /// This request with one more authorization.
    #[must_use]
    pub const fn with_authorization(mut self, authorization: Authorization) -> Request {
        self.authorizations = self.authorizations.with(authorization);
        self
    }

    /// This request with the given authorizations (replacing any).
    #[must_use]
    pub const fn with_authorizations(mut self, authorizations: AuthorizationSet) -> Request {
        self.authorizations = authorizations;
        self
    }

    /// This request under one of the six circumstances.
    #[must_use]
    pub const fn with_circumstance(mut self, circumstance: Circumstance) -> Request {
        self.circumstance = Some(circumstance);
        self
    }

    /// This request with one more objection.
    #[must_use]
    pub const fn with_objection(mut self, objection: Objection) -> Request {
        self.objections = self.objections.with(objection);
        self
    }

    /// This request at the given time.
    #[must_use]
    pub const fn at(mut self, at: DateTime<FixedOffset>) -> Request {
        self.at = Some(at);
        self
    }

    /// The category of the requested data.
    pub const fn category(&self) -> DataCategory {
        self.data.category()
    }

    /// This request about data of an account in the given state.
    #[must_use]
    pub const fn with_account(mut self, account: Account) -> Request {
        self.account = Some(account);
        self
    }

    /// This request about data of an Online Service or operation that
    /// 21Vianet terminated (or terminates) at the given time.
    #[must_use]
    pub const fn with_service_terminated_at(mut self, terminated_at: DateTime<FixedOffset>) -> Request {
        self.service_terminated_at = Some(terminated_at);
        self
    }

    /// This request about data collected during a trial that ended at the
    /// given time.
    #[must_use]
    pub const fn with_trial_ended_at(mut self, trial_ended_at: DateTime<FixedOffset>) -> Request {
        self.trial_ended_at = Some(trial_ended_at);
        self
    }

    /// This request in a Preview.
    #[must_use]
    pub const fn in_preview(mut self) -> Request {
        self.preview = true;
        self
    }

    /// This request about the data of a person born on the given date.
    #[must_use]
    pub const fn with_subject_birth_date(mut self, birth_date: NaiveDate) -> Request {
        self.subject_birth_date = Some(birth_date);
        self
    }

    /// Checks that the request is consistent: dated no earlier than the
    /// statement took effect, with `at` present whenever a time-dependent
    /// field is, an account not closed after `at`, a retention period not
    /// ending before the account closed, and a birth date not after `at`.
    /// [`decide`](crate::decide) calls it first.
    ///
    /// ```
    /// use vianet_privacy::{time::parse_time, Account, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    ///
    /// let request = Request::new(
    ///     OnlineService::Azure,
    ///     Party::Operator,
    ///     Action::Use,
    ///     DataElement::AdministratorEmail,
    ///     Purpose::AdministerAccount,
    ///     Location::MainlandChina,
    /// )
    /// .with_account(Account::Closed {
    ///     closed_at: parse_time("2023-01-01")?,
    ///     retention_expires: parse_time("2026-01-01")?,
    /// });
    /// // Whether the retention period has ended depends on when: `at` is needed.
    /// assert_eq!(request.validate().unwrap_err().code(), "missing_time");
    /// assert!(request.at(parse_time("2024-06-01")?).validate().is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), RequestError> {
        if let Some(at) = self.at {
            StatementVersion::CURRENT.check_in_force(at)?;
        }
        if let Some(Account::Closed {
            closed_at,
            retention_expires,
        }) = self.account
        {
            if retention_expires < closed_at {
                return Err(RequestError::RetentionEndsBeforeClosing {
                    closed_at,
                    retention_expires,
                });
            }
            let at = self.needs_time("account")?;
            if closed_at > at {
                return Err(RequestError::AccountClosedAfterDecision { closed_at, at });
            }
        }
        if self.service_terminated_at.is_some() {
            self.needs_time("service_terminated_at")?;
        }
        if self.trial_ended_at.is_some() {
            self.needs_time("trial_ended_at")?;
        }
        if let Some(birth_date) = self.subject_birth_date {
            let at = self.needs_time("subject_birth_date")?;
            if birth_date > crate::time::china_date(at) {
                return Err(RequestError::BirthDateAfterDecision { birth_date, at });
            }
        }
        Ok(())
    }

    fn needs_time(&self, field: &'static str) -> Result<DateTime<FixedOffset>, RequestError> {
        self.at.ok_or(RequestError::MissingTime { field })
    }
}

fn no_objections(objections: &ObjectionSet) -> bool {
    objections.is_empty()
}

fn is_false(value: &bool) -> bool {
    !*value
}
