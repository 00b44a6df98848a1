//! The audit record: what a service writes to its log for each decision;
//! and the event: a line of a processing or decision log, as an audit
//! reads it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{Decision, Request, RequestError, StatementVersion};

/// One decision as a service logs it: the request, the decision, the
/// statement version it was made under and when it was made.
///
/// With the `json` feature (on by default) it writes itself as one line of
/// JSON ([`AuditRecord::to_json_line`]) and reads itself back
/// ([`AuditRecord::from_json_line`]); `docs/wire-format.md` describes the
/// fields. The command-line tool's `audit` (`docs/cli.md`) reads a log of
/// such lines.
///
/// ```
/// use chrono::DateTime;
/// use vianet_privacy::{AuditRecord, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00+08:00")?;
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Use,
///     DataElement::CustomerContent,
///     Purpose::ProvideService,
///     Location::MainlandChina,
/// );
/// let record = AuditRecord::decide(at, request)?;
/// assert!(record.decision.is_allowed());
///
/// let line = record.to_json_line()?;
/// assert!(line.starts_with(r#"{"format":1,"at":"2024-03-01T09:30:00+08:00","statement_version":"2020-12-01""#));
/// assert!(!line.contains('\n'));
/// assert_eq!(AuditRecord::from_json_line(&line)?, record);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AuditRecord {
    /// The wire format version the record is written in
    /// ([`wire::FORMAT_VERSION`](crate::wire::FORMAT_VERSION) when the
    /// `json` feature is on; `1` today).
    pub format: u32,
    /// When the decision was made.
    pub at: DateTime<FixedOffset>,
    /// The statement version the decision was made under (the same as the
    /// decision's own).
    pub statement_version: StatementVersion,
    /// The request that was decided.
    pub request: Request,
    /// The decision.
    pub decision: Decision,
    /// The identifier the service gave the decision, if any (a decision
    /// service gives each one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
    /// Labels the service attaches (its name, its instance, a tenant):
    /// free-form names and values, for the audit to group by.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// The wire format version of records this crate writes.
const FORMAT: u32 = 1;

impl AuditRecord {
    /// A record of a decision already made.
    pub const fn new(at: DateTime<FixedOffset>, request: Request, decision: Decision) -> AuditRecord {
        AuditRecord {
            format: FORMAT,
            at,
            statement_version: decision.statement_version(),
            request,
            decision,
            decision_id: None,
            labels: BTreeMap::new(),
        }
    }

    /// This record with the decision's identifier.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use vianet_privacy::{AuditRecord, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    ///
    /// let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00+08:00")?;
    /// let request = Request::new(
    ///     OnlineService::Azure,
    ///     Party::Operator,
    ///     Action::Use,
    ///     DataElement::CustomerContent,
    ///     Purpose::ProvideService,
    ///     Location::MainlandChina,
    /// );
    /// let record = AuditRecord::decide(at, request)?
    ///     .with_decision_id("d-0001")
    ///     .with_label("service", "billing");
    /// assert_eq!(record.decision_id.as_deref(), Some("d-0001"));
    /// assert_eq!(record.labels["service"], "billing");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_decision_id(mut self, id: impl Into<String>) -> AuditRecord {
        self.decision_id = Some(id.into());
        self
    }

    /// This record with one more label.
    #[must_use]
    pub fn with_label(mut self, name: impl Into<String>, value: impl Into<String>) -> AuditRecord {
        self.labels.insert(name.into(), value.into());
        self
    }

    /// Decides the request and records the decision made at `at`.
    ///
    /// # Errors
    ///
    /// The request's [`RequestError`], when it cannot be decided.
    pub fn decide(at: DateTime<FixedOffset>, request: Request) -> Result<AuditRecord, RequestError> {
        let decision = crate::decide(&request)?;
        Ok(AuditRecord::new(at, request, decision))
    }
}

#[cfg(feature = "json")]
impl AuditRecord {
    /// The record as one line of JSON, without the line break.
    ///
    /// # Errors
    ///
    /// None for records built by this crate; an error of kind
    /// [`InvalidValue`](crate::wire::WireErrorKind::InvalidValue) if
    /// serialization failed.
    pub fn to_json_line(&self) -> Result<String, crate::wire::WireError> {
        crate::wire::to_json(self)
    }

    /// Writes the record as one line of JSON, with its line break.
    ///
    /// ```
    /// use chrono::DateTime;
    /// use vianet_privacy::{AuditRecord, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    ///
    /// let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00+08:00")?;
    /// let request = Request::new(
    ///     OnlineService::Intune,
    ///     Party::Operator,
    ///     Action::Use,
    ///     DataElement::PaymentInstrumentNumber,
    ///     Purpose::Advertising,
    ///     Location::MainlandChina,
    /// );
    /// let mut log = Vec::new();
    /// AuditRecord::decide(at, request)?.write_json_line(&mut log)?;
    /// AuditRecord::decide(at, request)?.write_json_line(&mut log)?;
    /// assert_eq!(log.iter().filter(|b| **b == b'\n').count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The writer's error.
    pub fn write_json_line<W: std::io::Write>(&self, mut out: W) -> std::io::Result<()> {
        serde_json::to_writer(&mut out, self)?;
        out.write_all(b"\n")
    }

    /// Reads a record from one line of JSON.
    ///
    /// # Errors
    ///
    /// Any [`WireError`](crate::wire::WireError) of reading; besides,
    /// [`UnsupportedFormat`](crate::wire::WireErrorKind::UnsupportedFormat)
    /// when the record names another format version, and
    /// [`Contradictory`](crate::wire::WireErrorKind::Contradictory) when its
    /// statement version is not its decision's.
    pub fn from_json_line(line: impl AsRef<[u8]>) -> Result<AuditRecord, crate::wire::WireError> {
        let line = crate::wire::read_event(line.as_ref(), false)?;
        let missing = |field: &'static str| crate::wire::WireError::missing(field);
        let format = line.format.ok_or_else(|| missing("format"))?;
        let statement_version = line.statement_version.ok_or_else(|| missing("statement_version"))?;
        let decision = line.decision.ok_or_else(|| missing("decision"))?;
        check_format(format)?;
        check_version(statement_version, &decision)?;
        Ok(AuditRecord {
            format,
            at: line.at,
            statement_version,
            request: line.request,
            decision,
            decision_id: line.decision_id,
            labels: line.labels,
        })
    }
}

/// One line of a processing or decision log, as an audit reads it: when
/// the processing happened, the request, and, when the line is a decision
/// service's record, the decision it recorded and its identifier and
/// labels.
///
/// A line is a JSON object with `at` and `request` (required), and
/// optionally the other fields of an [`AuditRecord`] (`format`,
/// `statement_version`, `decision`, `decision_id`, `labels`). Any other
/// field is the envelope a log pipeline adds (a timestamp, a host, a trace
/// id) and is ignored, as the decision logs of policy engines are read; the
/// request inside stays strict. When the request has no `at` of its own it
/// is decided at the event's time ([`Event::request_at`]).
///
/// ```
/// use vianet_privacy::audit::Event;
///
/// let event = Event::from_json_line(
///     r#"{"at": "2024-03-01T09:30:00+08:00", "decision_id": "d-7", "host": "api-3",
///         "request": {"service": "azure", "party": "operator", "action": "use",
///                     "data": "customer_content", "purpose": "provide_service", "location": "mainland_china"}}"#,
/// )?;
/// assert_eq!(event.decision_id.as_deref(), Some("d-7"));
/// assert!(vianet_privacy::decide(&event.request_at())?.is_allowed());
///
/// // The request itself is read strictly.
/// let err = Event::from_json_line(r#"{"at": "2024-03-01T09:30:00+08:00", "request": {"colour": "blue"}}"#).unwrap_err();
/// assert_eq!(err.kind(), vianet_privacy::wire::WireErrorKind::UnknownField);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "json")]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// When the processing happened (or the decision was made).
    pub at: DateTime<FixedOffset>,
    /// The request.
    pub request: Request,
    /// The decision the log recorded, if it is a decision log.
    pub recorded: Option<Decision>,
    /// The decision's identifier, if the log gives one.
    pub decision_id: Option<String>,
    /// The log's labels, if any.
    pub labels: BTreeMap<String, String>,
}

#[cfg(feature = "json")]
impl Event {
    /// The request, dated at the event's time when it has no `at` of its
    /// own.
    pub fn request_at(&self) -> Request {
        match self.request.at {
            Some(_) => self.request,
            None => self.request.at(self.at),
        }
    }

    /// Reads one line of a log.
    ///
    /// # Errors
    ///
    /// A [`WireError`](crate::wire::WireError) when the line is not such an
    /// object, its request does not read strictly, or, for a recorded
    /// decision, the format version is not this crate's or the statement
    /// version is not the decision's.
    pub fn from_json_line(line: impl AsRef<[u8]>) -> Result<Event, crate::wire::WireError> {
        let line = crate::wire::read_event(line.as_ref(), true)?;
        if let Some(format) = line.format {
            check_format(format)?;
        }
        if let (Some(version), Some(decision)) = (line.statement_version, line.decision) {
            check_version(version, &decision)?;
        }
        Ok(Event {
            at: line.at,
            request: line.request,
            recorded: line.decision,
            decision_id: line.decision_id,
            labels: line.labels,
        })
    }
}

#[cfg(feature = "json")]
fn check_format(format: u32) -> Result<(), crate::wire::WireError> {
    use crate::wire::{WireError, WireErrorKind, FORMAT_VERSION};
    if format == FORMAT_VERSION {
        return Ok(());
    }
    Err(WireError::new(
        WireErrorKind::UnsupportedFormat,
        format!("the record is in wire format version {format}; this crate reads version {FORMAT_VERSION}"),
    ))
}

#[cfg(feature = "json")]
fn check_version(version: StatementVersion, decision: &Decision) -> Result<(), crate::wire::WireError> {
    use crate::wire::{WireError, WireErrorKind};
    if version == decision.statement_version() {
        return Ok(());
    }
    Err(WireError::new(
        WireErrorKind::Contradictory,
        format!(
            "the record says statement version {version} but its decision was made under {}",
            decision.statement_version()
        ),
    ))
}
