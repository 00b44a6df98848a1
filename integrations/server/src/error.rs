//! The errors the service answers with: one JSON shape for all of them,
//! `{"error": {"kind", "message", "name"?, "expected"?, "path"?, "line"?,
//! "column"?}}`, with the status that goes with the kind.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use vianet_privacy::wire::{WireError, WireErrorKind};
use vianet_privacy::UnknownName;

/// What went wrong with a request to the service, as a stable name.
///
/// The library's own kinds ([`WireErrorKind`]: bad JSON, an unknown field or
/// value, a missing field, an undecidable request) are `400 Bad Request`;
/// the service adds its limits, its routes and its decision log.
///
/// ```
/// use vianet_privacy::wire::WireErrorKind;
/// use vianet_privacy_server::ErrorKind;
///
/// assert_eq!(ErrorKind::Wire(WireErrorKind::UnknownValue).as_str(), "unknown_value");
/// assert_eq!(ErrorKind::BodyTooLarge.status().as_u16(), 413);
/// assert_eq!(ErrorKind::DecisionLogFailed.status().as_u16(), 503);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The library's wire error kinds: `400`.
    Wire(WireErrorKind),
    /// The body is larger than the limit: `413`.
    BodyTooLarge,
    /// A batch holds more requests than the limit: `413`.
    BatchTooLarge,
    /// The body did not arrive within the time limit: `408`.
    BodyTimeout,
    /// The request line and headers did not arrive within the time limit:
    /// `408` (written by [`serve`](crate::serve), before any route).
    HeaderTimeout,
    /// The body could not be read (the client closed the connection, or a
    /// chunk was malformed): `400`.
    BodyRead,
    /// No such route: `404`.
    NotFound,
    /// The route exists, not with this method: `405`.
    MethodNotAllowed,
    /// The decision could not be written to the decision log, so it is not
    /// given: `503`.
    DecisionLogFailed,
    /// A bug (a handler panicked): `500`.
    Internal,
}

impl ErrorKind {
    /// The service's own kinds, in the order of [`ErrorKind::index`] after
    /// the wire kinds.
    pub const SERVICE: &'static [ErrorKind] = &[
        ErrorKind::BodyTooLarge,
        ErrorKind::BatchTooLarge,
        ErrorKind::BodyTimeout,
        ErrorKind::HeaderTimeout,
        ErrorKind::BodyRead,
        ErrorKind::NotFound,
        ErrorKind::MethodNotAllowed,
        ErrorKind::DecisionLogFailed,
        ErrorKind::Internal,
    ];

    /// How many kinds there are (the wire kinds and the service's).
    pub fn count() -> usize {
        WireErrorKind::ALL.len() + Self::SERVICE.len()
    }

    /// Every kind, the wire kinds first.
    pub fn all() -> impl Iterator<Item = ErrorKind> {
        WireErrorKind::ALL
            .iter()
            .map(|kind| ErrorKind::Wire(*kind))
            .chain(Self::SERVICE.iter().copied())
    }

    /// The position of the kind in [`ErrorKind::all`] (for counters kept in
    /// an array).
    pub fn index(self) -> usize {
        match self {
            ErrorKind::Wire(kind) => kind.index(),
            other => {
                WireErrorKind::ALL.len() + Self::SERVICE.iter().position(|kind| *kind == other).unwrap_or_default()
            }
        }
    }

    /// The stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Wire(kind) => kind.as_str(),
            ErrorKind::BodyTooLarge => "body_too_large",
            ErrorKind::BatchTooLarge => "batch_too_large",
            ErrorKind::BodyTimeout => "body_timeout",
            ErrorKind::HeaderTimeout => "header_timeout",
            ErrorKind::BodyRead => "body_read",
            ErrorKind::NotFound => "not_found",
            ErrorKind::MethodNotAllowed => "method_not_allowed",
            ErrorKind::DecisionLogFailed => "decision_log_failed",
            ErrorKind::Internal => "internal",
        }
    }

    /// The HTTP status of an answer with this error.
    pub const fn status(self) -> StatusCode {
        match self {
            ErrorKind::Wire(_) | ErrorKind::BodyRead => StatusCode::BAD_REQUEST,
            ErrorKind::BodyTooLarge | ErrorKind::BatchTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::BodyTimeout | ErrorKind::HeaderTimeout => StatusCode::REQUEST_TIMEOUT,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::DecisionLogFailed => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl core::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error answer: what is wrong, where, and what would have been
/// accepted. Its `Display` is the message.
///
/// Built from the library's [`WireError`] by its accessors (kind, name,
/// expected names, path, line and column), never from its message text.
///
/// ```
/// use vianet_privacy::wire::parse_request;
/// use vianet_privacy_server::{ApiError, ErrorKind};
///
/// let wire = parse_request(r#"{"service": "azure", "party": "regulator"}"#).unwrap_err();
/// let err = ApiError::from(wire);
/// assert_eq!(err.kind().as_str(), "unknown_value");
/// assert_eq!(err.path(), Some("party"));
/// assert!(err.expected().iter().any(|name| name == "authority"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiError {
    kind: ErrorKind,
    // Boxed: results with this error stay small.
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
    /// For a batch: the position of the request at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<usize>,
}

impl ApiError {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> ApiError {
        ApiError {
            kind,
            detail: Box::new(Detail {
                message: message.into(),
                name: None,
                expected: Vec::new(),
                path: None,
                line: None,
                column: None,
                item: None,
            }),
        }
    }

    /// What is wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, for people.
    pub fn message(&self) -> &str {
        &self.detail.message
    }

    /// The field or value the error is about.
    pub fn name(&self) -> Option<&str> {
        self.detail.name.as_deref()
    }

    /// The names that would have been accepted.
    pub fn expected(&self) -> &[String] {
        &self.detail.expected
    }

    /// Where in the body, as a JSON path (`party`, `[3].authorizations[1]`).
    pub fn path(&self) -> Option<&str> {
        self.detail.path.as_deref()
    }

    /// The line of the body (from 1), when known.
    pub fn line(&self) -> Option<usize> {
        self.detail.line
    }

    /// The column of that line (from 1), when known.
    pub fn column(&self) -> Option<usize> {
        self.detail.column
    }

    /// For a batch, the position of the request at fault (from 0).
    pub fn item(&self) -> Option<usize> {
        self.detail.item
    }

    /// This error with a path.
    #[must_use]
    pub(crate) fn at_path(mut self, path: impl Into<String>) -> ApiError {
        self.detail.path = Some(path.into());
        self
    }

    /// This error naming `name`.
    #[must_use]
    pub(crate) fn naming(mut self, name: impl Into<String>) -> ApiError {
        self.detail.name = Some(name.into());
        self
    }

    /// This error with the names that would have been accepted.
    #[must_use]
    pub(crate) fn expecting<S: AsRef<str>>(mut self, names: &[S]) -> ApiError {
        self.detail.expected = names.iter().map(|name| name.as_ref().to_owned()).collect();
        self
    }

    /// The error of a vocabulary name that is not one of its values.
    pub(crate) fn unknown_name(err: &UnknownName, path: String) -> ApiError {
        ApiError::new(
            ErrorKind::Wire(WireErrorKind::UnknownValue),
            format!("{err} at `{path}`"),
        )
        .naming(err.given())
        .expecting(err.valid())
        .at_path(path)
    }

    /// The error of the request at position `item` of a batch whose text
    /// starts at byte `offset` of `body`: the path gets the item's index,
    /// the line and column are made the body's.
    pub(crate) fn in_batch(mut self, item: usize, offset: usize, body: &[u8]) -> ApiError {
        self.detail.item = Some(item);
        // The library's message places the error within the item.
        self.detail.message = format!("request [{item}] of the batch: {}", self.detail.message);
        self.detail.path = Some(match self.detail.path.take() {
            Some(path) if path.starts_with('[') => format!("[{item}]{path}"),
            Some(path) => format!("[{item}].{path}"),
            None => format!("[{item}]"),
        });
        if let (Some(line), Some(column)) = (self.detail.line, self.detail.column) {
            let before = body.get(..offset).unwrap_or_default();
            let start_line = 1 + before.iter().filter(|byte| **byte == b'\n').count();
            let start_column = 1 + before.iter().rev().take_while(|byte| **byte != b'\n').count();
            self.detail.line = Some(start_line + line - 1);
            self.detail.column = Some(if line == 1 { start_column + column - 1 } else { column });
        }
        self
    }

    /// The error as the answer's JSON body.
    pub fn to_json(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Envelope<'a> {
            error: &'a ApiError,
        }
        serde_json::to_vec(&Envelope { error: self })
            .unwrap_or_else(|_| br#"{"error":{"kind":"internal","message":"the error could not be written"}}"#.to_vec())
    }
}

impl core::fmt::Display for ApiError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.detail.message)
    }
}

impl std::error::Error for ApiError {}

/// The path of an unknown field: the library's reader gives the path of
/// the object that holds it (none at the root) and the field's name; the
/// service answers with the path of the field itself, as for every other
/// error.
fn unknown_field_path(path: Option<&str>, name: Option<&str>) -> Option<String> {
    match (path, name) {
        (path, Some(name)) if !path.is_some_and(|path| path.ends_with(name)) => Some(match path {
            None | Some("") => name.to_owned(),
            Some(path) => format!("{path}.{name}"),
        }),
        (path, _) => path.map(str::to_owned),
    }
}

impl From<WireError> for ApiError {
    fn from(err: WireError) -> ApiError {
        let path = match err.kind() {
            WireErrorKind::UnknownField => unknown_field_path(err.path(), err.name()),
            _ => err.path().map(str::to_owned),
        };
        ApiError {
            kind: ErrorKind::Wire(err.kind()),
            detail: Box::new(Detail {
                message: err.to_string(),
                name: err.name().map(str::to_owned),
                expected: err.expected().to_vec(),
                path,
                line: err.line(),
                column: err.column(),
                item: None,
            }),
        }
    }
}

impl From<vianet_privacy::RequestError> for ApiError {
    fn from(err: vianet_privacy::RequestError) -> ApiError {
        ApiError::from(WireError::from(err))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let mut response = (status, self.to_json()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        // The body of a request cut short or too slow may still be on the
        // wire: the connection cannot be reused.
        if matches!(
            self.kind,
            ErrorKind::BodyTooLarge | ErrorKind::BodyTimeout | ErrorKind::BodyRead
        ) {
            headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        // The metrics middleware counts the error by its kind.
        response.extensions_mut().insert(self.kind);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_index_and_name() {
        let kinds: Vec<ErrorKind> = ErrorKind::all().collect();
        assert_eq!(kinds.len(), ErrorKind::count());
        for (position, kind) in kinds.iter().enumerate() {
            assert_eq!(kind.index(), position, "{kind}");
        }
        let mut names: Vec<&str> = kinds.iter().map(|kind| kind.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), kinds.len());
    }

    #[test]
    fn a_batch_error_says_which_item_and_where_in_the_body() {
        let body = b"[\n  {\"a\": 1},\n  {\"party\": \"x\"}\n]";
        let offset = body.iter().position(|b| *b == b'{').unwrap();
        let second = offset + 12;
        assert_eq!(body[second], b'{');
        let mut err = ApiError::new(ErrorKind::Wire(WireErrorKind::UnknownValue), "m").at_path("party");
        err.detail.line = Some(1);
        err.detail.column = Some(12);
        let err = err.in_batch(1, second, body);
        assert_eq!(err.path(), Some("[1].party"));
        assert_eq!((err.line(), err.column()), (Some(3), Some(14)));
        assert_eq!(err.item(), Some(1));
        assert_eq!(err.message(), "request [1] of the batch: m");
    }

    #[test]
    fn an_unknown_field_is_answered_with_its_own_path() {
        let wire = vianet_privacy::wire::parse_request(r#"{"colour": 1}"#).unwrap_err();
        assert_eq!(wire.kind(), WireErrorKind::UnknownField);
        assert_eq!(ApiError::from(wire).path(), Some("colour"));
        assert_eq!(
            unknown_field_path(Some("account"), Some("colour")).as_deref(),
            Some("account.colour")
        );
        assert_eq!(
            unknown_field_path(Some("account.closed_at"), Some("closed_at")).as_deref(),
            Some("account.closed_at")
        );
    }
}
