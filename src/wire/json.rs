//! JSON in and out (the `json` feature): see the [module docs](super).

use serde::de::DeserializeSeed;
use serde::Serialize;

use super::read::{
    take_nested_fault, ComplianceSeed, DecisionSeed, EventLine, EventSeed, Fault, FaultKind, Faults, RequestSeed,
};
use crate::model::vocabulary::vocabulary;
use crate::{Decision, Request, RequestError};

/// The version of the wire format this crate reads and writes.
///
/// It changes only when a field is renamed or removed or a value changes
/// meaning; new optional fields and new values do not change it. Audit
/// records carry it as `format`.
pub const FORMAT_VERSION: u32 = 1;

vocabulary! {
    /// What is wrong with a piece of input: a stable name a program can
    /// match on (`WireError::kind`).
    ///
    /// ```
    /// use vianet_privacy::wire::{parse_request, WireErrorKind};
    ///
    /// let err = parse_request("{\"service\": \"azure\"").unwrap_err();
    /// assert_eq!(err.kind(), WireErrorKind::Syntax);
    /// assert_eq!(err.kind().as_str(), "syntax");
    /// ```
    pub enum WireErrorKind / WireErrorKindSet(u16) : "wire error kind" {
        /// The text is not (complete) JSON.
        Syntax = "syntax" { en: "not valid JSON", zh: "不是有效的 JSON" },
        /// An object has a field the format does not define.
        UnknownField = "unknown_field" { en: "unknown field", zh: "未知字段" },
        /// A field holds a name that is not one of its values.
        UnknownValue = "unknown_value" { en: "unknown value", zh: "未知取值" },
        /// A required field is absent.
        MissingField = "missing_field" { en: "missing field", zh: "缺少字段" },
        /// A field is given twice in one object.
        DuplicateField = "duplicate_field" { en: "field given twice", zh: "字段重复" },
        /// A list names the same value twice.
        DuplicateValue = "duplicate_value" { en: "value listed twice", zh: "取值重复" },
        /// A field has the wrong type or an unreadable value (a time that is
        /// not RFC 3339, a number where a name belongs, …).
        InvalidValue = "invalid_value" { en: "invalid value", zh: "取值无效" },
        /// The fields are each valid but contradict one another.
        Contradictory = "contradictory" { en: "contradictory fields", zh: "字段相互矛盾" },
        /// The request is dated before the statement version took effect.
        BeforeStatementInForce = "before_statement_in_force" {
            en: "dated before the statement took effect",
            zh: "日期早于本声明生效之日"
        },
        /// A record names a wire format version this crate does not read.
        UnsupportedFormat = "unsupported_format" { en: "unsupported format version", zh: "不支持的格式版本" },
    }
}

/// Input that cannot be read or decided, with what is wrong.
///
/// [`WireError::kind`] is a stable name to match on; the message (its
/// `Display`) says what to fix: the field that is unknown or missing, the
/// valid names when a value is unknown, the contradiction. It serializes to
/// JSON as `{"kind": …, "message": …, …}` for services that answer errors
/// over the wire.
///
/// ```
/// use vianet_privacy::wire::{parse_request, WireErrorKind};
///
/// let err = parse_request(
///     r#"{"service": "azure", "party": "operator", "action": "use", "data": "customer_content",
///         "purpose": "troubleshooting", "location": "mainland_china", "colour": "blue"}"#,
/// )
/// .unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::UnknownField);
/// assert_eq!(err.name(), Some("colour"));
/// assert!(err.to_string().starts_with("unknown field `colour`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", detail.message)]
pub struct WireError {
    kind: WireErrorKind,
    // Boxed: the error stays small, so `Result`s of requests stay cheap.
    #[serde(flatten)]
    detail: Box<Detail>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
struct Detail {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    expected: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip)]
    request_error: Option<RequestError>,
}

impl WireError {
    /// What is wrong, as a stable name.
    pub fn kind(&self) -> WireErrorKind {
        self.kind
    }

    /// The field or value the error is about (the unknown or missing field,
    /// the unknown or repeated value), when there is one.
    pub fn name(&self) -> Option<&str> {
        self.detail.name.as_deref()
    }

    /// The names that would have been accepted instead (the valid values of
    /// an unknown value, the fields of an object with an unknown field).
    pub fn expected(&self) -> &[String] {
        &self.detail.expected
    }

    /// Where in the JSON document the bad value is, as a path from the
    /// root (`request.authorizations[1]`, `party`), when known; `None`
    /// when the document is not JSON at all.
    pub fn path(&self) -> Option<&str> {
        self.detail.path.as_deref()
    }

    /// The line of the input (from 1) where the error was found, if known.
    pub fn line(&self) -> Option<usize> {
        self.detail.line
    }

    /// The column of the input (from 1) where the error was found, if known.
    pub fn column(&self) -> Option<usize> {
        self.detail.column
    }

    /// The error of [`decide`](crate::decide), when the request was read
    /// but cannot be decided.
    pub fn request_error(&self) -> Option<&RequestError> {
        self.detail.request_error.as_ref()
    }

    /// A required field that was not given (at the root of the document).
    pub(crate) fn missing(field: &'static str) -> WireError {
        let mut wire = WireError::new(WireErrorKind::MissingField, format!("missing field `{field}`"));
        wire.detail.name = Some(field.to_owned());
        wire.detail.path = Some(field.to_owned());
        wire
    }

    /// An error of the given kind with the given message.
    pub(crate) fn new(kind: WireErrorKind, message: String) -> WireError {
        WireError {
            kind,
            detail: Box::new(Detail {
                message,
                name: None,
                expected: Vec::new(),
                path: None,
                line: None,
                column: None,
                request_error: None,
            }),
        }
    }
}

impl From<RequestError> for WireError {
    /// A request that was read but cannot be decided: dated before the
    /// statement, lacking a field its other fields make necessary, or with
    /// fields that contradict one another.
    fn from(err: RequestError) -> WireError {
        let (kind, name) = match err {
            RequestError::BeforeStatementInForce { .. } => (WireErrorKind::BeforeStatementInForce, None),
            RequestError::MissingTime { .. } => (WireErrorKind::MissingField, Some("at")),
            RequestError::MissingComplianceFact { field, .. } => (WireErrorKind::MissingField, Some(field)),
            _ => (WireErrorKind::Contradictory, None),
        };
        let mut wire = WireError::new(kind, err.to_string());
        wire.detail.name = name.map(str::to_owned);
        wire.detail.request_error = Some(err);
        wire
    }
}

impl From<serde_json::Error> for WireError {
    /// A serde_json error, by its category: broken JSON is
    /// [`WireErrorKind::Syntax`], the rest [`WireErrorKind::InvalidValue`]
    /// with serde's message. Requests, log events and audit records are
    /// read by the strict reader instead, whose errors are typed.
    fn from(err: serde_json::Error) -> WireError {
        classify(err, None)
    }
}

/// A serde_json error by its category (serde_json's own API), never by
/// its message text.
fn classify(err: serde_json::Error, input: Option<&[u8]>) -> WireError {
    let mut wire = match err.classify() {
        serde_json::error::Category::Data => WireError::new(WireErrorKind::InvalidValue, strip(&err)),
        // A number or a list where a name belongs is, for serde_json, a
        // syntax error ("expected value"); the input tells whether the
        // JSON itself is sound.
        serde_json::error::Category::Syntax
            if input.is_some_and(|text| serde_json::from_slice::<serde::de::IgnoredAny>(text).is_ok()) =>
        {
            WireError::new(
                WireErrorKind::InvalidValue,
                format!("a value has the wrong type: {}", strip(&err)),
            )
        }
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof | serde_json::error::Category::Io => {
            WireError::new(WireErrorKind::Syntax, format!("not valid JSON: {}", strip(&err)))
        }
    };
    at(&mut wire, &err);
    wire
}

/// serde_json's message without its " at line L column C", which the
/// error says once, as its own fields.
fn strip(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(position.as_str()).unwrap_or(&full).to_owned()
}

/// Puts the line and column of `err` on `wire` (when serde_json knows
/// them), and into its message.
fn at(wire: &mut WireError, err: &serde_json::Error) {
    let (line, column) = (err.line(), err.column());
    if line > 0 {
        wire.detail.line = Some(line);
        wire.detail.column = Some(column);
        wire.detail.message = format!("{} (line {line}, column {column})", wire.detail.message);
    }
}

/// The error for a fault the strict reader recorded.
fn from_fault(fault: Fault, err: &serde_json::Error) -> WireError {
    let kind = match fault.kind {
        FaultKind::UnknownField => WireErrorKind::UnknownField,
        FaultKind::UnknownValue => WireErrorKind::UnknownValue,
        FaultKind::MissingField => WireErrorKind::MissingField,
        FaultKind::DuplicateField => WireErrorKind::DuplicateField,
        FaultKind::DuplicateValue => WireErrorKind::DuplicateValue,
        FaultKind::InvalidValue => WireErrorKind::InvalidValue,
    };
    let message = if fault.path.is_empty() {
        fault.message
    } else {
        format!("{} at `{}`", fault.message, fault.path)
    };
    let mut wire = WireError::new(kind, message);
    wire.detail.name = fault.name;
    wire.detail.expected = fault.expected;
    wire.detail.path = (!fault.path.is_empty()).then_some(fault.path);
    at(&mut wire, err);
    wire
}

/// What the strict reader reads: a value, through a seed that records its
/// faults.
trait Strict {
    type Value;

    fn read<'de, D: serde::Deserializer<'de>>(&self, faults: &Faults, de: D) -> Result<Self::Value, D::Error>;
}

/// Reads with the strict reader: the value, or the typed fault it
/// recorded (or, when the JSON is broken before the reader sees a fault,
/// the syntax error).
///
/// The input's UTF-8 is checked once, as a whole, and then read as text
/// (JSON is UTF-8: bytes that are not are a syntax error wherever they
/// are, even inside a field that would be skipped).
#[inline]
fn strict<S: Strict>(json: &[u8], reader: S) -> Result<S::Value, WireError> {
    let text = std::str::from_utf8(json).map_err(|err| not_utf8(json, err.valid_up_to()))?;
    let faults = Faults::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = reader
        .read(&faults, &mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    value.map_err(|err| match faults.take() {
        Some(fault) => from_fault(fault, &err),
        None => classify(err, Some(json)),
    })
}

/// The syntax error for input whose first `valid` bytes are UTF-8 and the
/// next is not: its line, and its column counted in bytes from 1.
fn not_utf8(json: &[u8], valid: usize) -> WireError {
    let before = json.get(..valid).unwrap_or_default();
    let line = 1 + before.iter().filter(|byte| **byte == b'\n').count();
    let column = 1 + valid
        - before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |newline| newline + 1);
    let mut wire = WireError::new(
        WireErrorKind::Syntax,
        format!("not valid JSON: the input is not UTF-8 (line {line}, column {column})"),
    );
    wire.detail.line = Some(line);
    wire.detail.column = Some(column);
    wire
}

/// The strict reader of each kind of input.
macro_rules! strict_readers {
    ($($reader:ident($($field:ident: $ty:ty),*) => $seed:ident -> $value:ty;)+) => {$(
        struct $reader { $($field: $ty),* }

        impl Strict for $reader {
            type Value = $value;

            fn read<'de, D: serde::Deserializer<'de>>(&self, faults: &Faults, de: D) -> Result<$value, D::Error> {
                $seed { faults, $($field: self.$field),* }.deserialize(de)
            }
        }
    )+};
}

strict_readers! {
    EventReader(envelope: bool) => EventSeed -> EventLine;
    RequestReader() => RequestSeed -> Request;
    ComplianceReader() => ComplianceSeed -> crate::ComplianceRequest;
    DecisionReader() => DecisionSeed -> Decision;
}

/// Reads a log line or an audit record ([`crate::audit`]): `envelope`
/// says whether fields the format does not define are skipped.
#[doc(hidden)]
#[inline]
pub(crate) fn read_event(json: &[u8], envelope: bool) -> Result<EventLine, WireError> {
    strict(json, EventReader { envelope })
}

/// Reads a request from JSON.
///
/// Unknown fields, unknown values, missing fields and values listed twice
/// are errors; optional fields may be left out. The request is not checked
/// against the statement: [`decide_json`] does both.
///
/// ```
/// use vianet_privacy::wire::{parse_request, WireErrorKind};
/// use vianet_privacy::{Authorization, Party};
///
/// let request = parse_request(
///     r#"{"service": "office_365", "party": "supplier", "action": "access", "data": "support_contact_info",
///         "purpose": "resolve_support_issue", "location": "taiwan",
///         "authorizations": ["prior_consent_after_explanation"]}"#,
/// )?;
/// assert_eq!(request.party, Party::Supplier);
/// assert!(request.authorizations.contains(Authorization::PriorConsentAfterExplanation));
///
/// let err = parse_request(r#"{"service": "azure", "party": "operator"}"#).unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::MissingField);
/// assert_eq!(err.name(), Some("action"));
/// # Ok::<(), vianet_privacy::wire::WireError>(())
/// ```
pub fn parse_request(json: impl AsRef<[u8]>) -> Result<Request, WireError> {
    strict(json.as_ref(), RequestReader {})
}

/// Reads a [`ComplianceRequest`](crate::ComplianceRequest) from JSON,
/// strictly, with the same error kinds as [`parse_request`].
///
/// ```
/// use vianet_privacy::wire::{parse_compliance_request, WireErrorKind};
/// use vianet_privacy::Activity;
///
/// let request = parse_compliance_request(r#"{"activity": "publish", "records_kept": ["information_provided"]}"#)?;
/// assert_eq!(request.activity, Activity::Publish);
///
/// let err = parse_compliance_request(r#"{"activity": "publish", "records_kept": ["ip"]}"#).unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::UnknownValue);
/// assert_eq!(err.path(), Some("records_kept[0]"));
/// # Ok::<(), vianet_privacy::wire::WireError>(())
/// ```
pub fn parse_compliance_request(json: impl AsRef<[u8]>) -> Result<crate::ComplianceRequest, WireError> {
    strict(json.as_ref(), ComplianceReader {})
}

/// Reads a decision from JSON (as written by serde, for instance from an
/// audit log).
///
/// ```
/// use vianet_privacy::wire::parse_decision;
/// use vianet_privacy::DenyKind;
///
/// let decision = parse_decision(
///     r#"{"effect": "deny", "clause": "payment_security_code_not_retained", "kind": "forbidden",
///         "reason": "security_code_never_retained", "statement_version": "2020-12-01"}"#,
/// )?;
/// assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
/// # Ok::<(), vianet_privacy::wire::WireError>(())
/// ```
pub fn parse_decision(json: impl AsRef<[u8]>) -> Result<Decision, WireError> {
    strict(json.as_ref(), DecisionReader {})
}

/// Reads any value of the format (or a type of your own built from its
/// types, such as a log line that wraps a request) from JSON, with the
/// errors classified as for [`parse_request`].
///
/// ```
/// use vianet_privacy::wire::{from_json, WireErrorKind};
/// use vianet_privacy::{Party, Request};
///
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct Ticket {
///     id: u64,
///     request: Request,
/// }
///
/// let ticket: Ticket = from_json(
///     r#"{"id": 7, "request": {"service": "azure", "party": "supplier", "action": "access",
///         "data": "customer_content", "purpose": "troubleshooting", "location": "united_states"}}"#,
/// )?;
/// assert_eq!((ticket.id, ticket.request.party), (7, Party::Supplier));
///
/// let err = from_json::<Ticket>(r#"{"id": 7, "request": {"party": 3}}"#).unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::InvalidValue);
///
/// // The request inside is read strictly: its errors keep their kind.
/// let err = from_json::<Ticket>(r#"{"id": 7, "request": {"party": "regulator"}}"#).unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::UnknownValue);
/// assert!(err.expected().iter().any(|name| name == "authority"));
/// # Ok::<(), vianet_privacy::wire::WireError>(())
/// ```
pub fn from_json<T: serde::de::DeserializeOwned>(json: impl AsRef<[u8]>) -> Result<T, WireError> {
    let json = json.as_ref();
    // A request (or account, compliance request, decision) inside `T` is
    // read by the strict reader, which leaves its typed fault behind.
    let _ = take_nested_fault();
    serde_json::from_slice(json).map_err(|err| match take_nested_fault() {
        Some(fault) => nested(fault, &err),
        None => classify(err, Some(json)),
    })
}

/// The error for a fault found inside a type of the caller's own: its kind,
/// name and expected names; its path is relative to the nested value (the
/// message says it), so [`WireError::path`] is left empty rather than
/// wrong.
fn nested(fault: Fault, err: &serde_json::Error) -> WireError {
    let mut wire = from_fault(fault, err);
    wire.detail.path = None;
    wire
}

/// Reads a request from JSON and decides it.
///
/// Every failure is an error with a [`WireErrorKind`]: the unreadable
/// ([`WireErrorKind::Syntax`], [`WireErrorKind::UnknownField`], …) and the
/// undecidable ([`WireErrorKind::BeforeStatementInForce`],
/// [`WireErrorKind::Contradictory`]). Nothing malformed is ever allowed.
///
/// ```
/// use vianet_privacy::wire::{decide_json, WireErrorKind};
///
/// let err = decide_json(
///     r#"{"service": "azure", "party": "operator", "action": "use", "data": "administrator_email",
///         "purpose": "administer_account", "location": "mainland_china", "at": "2019-06-01T09:00:00+08:00"}"#,
/// )
/// .unwrap_err();
/// assert_eq!(err.kind(), WireErrorKind::BeforeStatementInForce);
/// assert_eq!(err.request_error().map(|e| e.code()), Some("before_statement_in_force"));
/// ```
pub fn decide_json(json: impl AsRef<[u8]>) -> Result<Decision, WireError> {
    let request = parse_request(json)?;
    Ok(crate::decide(&request)?)
}

/// Reads a [`ComplianceRequest`](crate::ComplianceRequest) (the "Compliance
/// with Law" section's own request: publishing, serving a website,
/// registering, keeping records) from JSON and decides it, with the same
/// error kinds as [`decide_json`].
///
/// ```
/// use vianet_privacy::wire::decide_compliance_json;
/// use vianet_privacy::{Authorization, DenyKind};
///
/// let decision = decide_compliance_json(
///     r#"{"activity": "serve_website", "website": "operational", "subject_to_permit_or_approval": false}"#,
/// )?;
/// assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
/// assert!(decision.missing().contains(Authorization::OperationalWebsitePermit));
/// # Ok::<(), vianet_privacy::wire::WireError>(())
/// ```
pub fn decide_compliance_json(json: impl AsRef<[u8]>) -> Result<Decision, WireError> {
    let request = parse_compliance_request(json)?;
    Ok(request.decide()?)
}

/// Writes a value of the format (a request, a decision, an audit record) as
/// one line of JSON.
///
/// ```
/// use vianet_privacy::{decide, wire, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Retain,
///     DataElement::SecurityCode,
///     Purpose::FutureTransactions,
///     Location::MainlandChina,
/// );
/// let json = wire::to_json(&decide(&request)?)?;
/// assert!(json.starts_with(r#"{"effect":"deny","clause":"payment_security_code_not_retained""#));
/// assert_eq!(wire::parse_decision(&json)?, decide(&request)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, WireError> {
    serde_json::to_string(value)
        .map_err(|err| WireError::new(WireErrorKind::InvalidValue, format!("cannot be written as JSON: {err}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input is read as text once its UTF-8 is checked; bytes that are not
    /// UTF-8 are a syntax error wherever they are (inside a name, or in the
    /// JSON around it), with the line and column of the first bad byte.
    #[test]
    fn bytes_that_are_not_utf8_are_a_syntax_error_with_their_position() {
        let good = br#"{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china"}"#;
        assert!(parse_request(good).is_ok());
        for (at, bad) in [(13, &[0xff_u8][..]), (13, &[0xc3][..]), (1, &[0xe2, 0x80][..])] {
            let mut input = good.to_vec();
            input.splice(at..at, bad.iter().copied());
            let err = parse_request(&input).unwrap_err();
            assert_eq!(err.kind(), WireErrorKind::Syntax, "{err}");
            assert_eq!(err.line(), Some(1), "{err}");
            assert_eq!(err.column(), Some(at + 1), "{err}");
        }
    }

    /// A log line's envelope is skipped, but it is still JSON: bytes that
    /// are not UTF-8 in a skipped field are an error, not a decided line.
    #[test]
    fn bytes_that_are_not_utf8_in_a_skipped_field_are_an_error() {
        let mut line = br#"{"at":"2024-03-01T09:30:00+08:00","host":"api-3","request":{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china"}}"#.to_vec();
        assert!(read_event(&line, true).is_ok());
        line.insert(44, 0xff);
        let Err(err) = read_event(&line, true) else {
            panic!("a line that is not UTF-8 was read");
        };
        assert_eq!(
            (err.kind(), err.line(), err.column()),
            (WireErrorKind::Syntax, Some(1), Some(45))
        );
        // On a later line of a pretty-printed input, counted from its start.
        let err = parse_request(b"{\n  \"service\": \"az\xffure\"\n}").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(17)));
    }
}
