//! The audit record: what a service writes to its log for each decision.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{Decision, Request, RequestError, StatementVersion};

/// One decision as a service logs it: the request, the decision, the
/// statement version it was made under and when it was made.
///
/// With the `json` feature (on by default) it writes itself as one line of
/// JSON ([`AuditRecord::to_json_line`]) and reads itself back
/// ([`AuditRecord::from_json_line`]); `docs/wire-format.md` describes the
/// fields. The `audit` example reads a log of such lines.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
        }
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
    pub fn from_json_line(line: &str) -> Result<AuditRecord, crate::wire::WireError> {
        use crate::wire::{WireError, WireErrorKind, FORMAT_VERSION};

        let record: AuditRecord = serde_json::from_str(line)?;
        if record.format != FORMAT_VERSION {
            return Err(WireError::new(
                WireErrorKind::UnsupportedFormat,
                format!(
                    "the record is in wire format version {}; this crate reads version {FORMAT_VERSION}",
                    record.format
                ),
            ));
        }
        if record.statement_version != record.decision.statement_version() {
            return Err(WireError::new(
                WireErrorKind::Contradictory,
                format!(
                    "the record says statement version {} but its decision was made under {}",
                    record.statement_version,
                    record.decision.statement_version()
                ),
            ));
        }
        Ok(record)
    }
}
