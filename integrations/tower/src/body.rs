//! What the layer answers in place of the service: the bodies of its 403
//! and 400 responses, and the responses themselves.

use core::fmt;

use http::header::{HeaderValue, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::{Response, StatusCode};
use serde::{Deserialize, Serialize};
use vianet_privacy::{Decision, Language, RequestError};

/// The JSON body of the `403 Forbidden` that answers a deny.
///
/// `decision` is the decision in the library's wire format
/// (`vianet_privacy::docs`, *Wire format*), so a client reads it with
/// `vianet_privacy::wire::parse_decision` or any JSON reader;
/// `explanation` is the same decision in words, in `language`, which the
/// response also states as `Content-Language`.
///
/// ```json
/// {
///   "decision": {"effect": "deny", "clause": "sharing_overseas_supplier_consent", "kind": "needs_authorization",
///                "reason": "overseas_supplier_access_needs_prior_consent",
///                "missing": ["prior_consent_after_explanation"], "advisories": [], "statement_version": "2020-12-01"},
///   "explanation": "deny (permitted only with an authorization the request lacks): …",
///   "language": "en"
/// }
/// ```
///
/// A Rust client reads it with serde:
///
/// ```
/// use vianet_privacy::{DenyKind, Language};
/// use vianet_privacy_tower::Denied;
///
/// let body = r#"{"decision": {"effect": "deny", "clause": "payment_security_code_not_retained",
///     "kind": "forbidden", "reason": "security_code_never_retained", "missing": [], "advisories": [],
///     "statement_version": "2020-12-01"}, "explanation": "拒绝（本声明禁止）：…", "language": "zh-CN"}"#;
/// let denied: Denied = serde_json::from_str(body)?;
/// assert_eq!(denied.decision.deny_kind(), Some(DenyKind::Forbidden));
/// assert_eq!(denied.language, Language::ZhCn);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Denied {
    /// The decision, always a deny, in the library's wire format.
    pub decision: Decision,
    /// The decision explained for people ([`Decision::explain`]), in
    /// `language`.
    pub explanation: String,
    /// The language of `explanation`: the one the request's
    /// `Accept-Language` prefers ([`preferred_language`](crate::preferred_language)).
    pub language: Language,
}

/// The JSON body of a request the layer refuses without a decision: the
/// mapping function could not say what the request does with personal
/// data (`400 Bad Request`), or the privacy request it made cannot be
/// decided (`400 Bad Request`), or, with the `axum` feature, a handler
/// asked for an allow that no layer gave (`500 Internal Server Error`).
///
/// ```json
/// {"error": "undecidable", "code": "before_statement_in_force", "message": "the request is dated 2019-06-01 …"}
/// ```
///
/// ```
/// use vianet_privacy_tower::{Rejected, RejectionKind};
///
/// let body = r#"{"error": "unmapped", "message": "no ticket 7"}"#;
/// let rejected: Rejected = serde_json::from_str(body)?;
/// assert_eq!(rejected.error, RejectionKind::Unmapped);
/// assert_eq!(rejected.code, None);
/// assert_eq!(rejected.message, "no ticket 7");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// Why there is no decision.
    pub error: RejectionKind,
    /// For [`RejectionKind::Undecidable`]: the stable name of the
    /// [`RequestError`] ([`RequestError::code`], such as
    /// `before_statement_in_force`). Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What is wrong, for people. For [`RejectionKind::Unmapped`] it is the
    /// text (`Display`) of the mapping function's own error, which the
    /// service therefore writes for its clients; for
    /// [`RejectionKind::Undecidable`], the library's English message.
    pub message: String,
}

/// Why a request was refused without a decision. See [`Rejected`].
///
/// ```
/// use vianet_privacy_tower::RejectionKind;
///
/// assert_eq!(RejectionKind::Unmapped.as_str(), "unmapped");
/// assert_eq!(RejectionKind::Undecidable.to_string(), "undecidable");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectionKind {
    /// The mapping function returned an error: it cannot say what the HTTP
    /// request does with personal data. `400 Bad Request`.
    Unmapped,
    /// The privacy request cannot be decided ([`vianet_privacy::decide`]
    /// returned a [`RequestError`]: dated before the statement took effect,
    /// or contradictory). `400 Bad Request`.
    Undecidable,
    /// A handler asked for the allow (the `axum` feature's `Allowed`
    /// extractor) but no privacy layer decided the request: the layer is
    /// missing from the route. `500 Internal Server Error`.
    NoDecision,
}

impl RejectionKind {
    /// The name on the wire (`unmapped`, `undecidable`, `no_decision`).
    ///
    /// ```
    /// use vianet_privacy_tower::RejectionKind;
    ///
    /// let json = serde_json::to_string(&RejectionKind::NoDecision)?;
    /// assert_eq!(json, format!("\"{}\"", RejectionKind::NoDecision.as_str()));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RejectionKind::Unmapped => "unmapped",
            RejectionKind::Undecidable => "undecidable",
            RejectionKind::NoDecision => "no_decision",
        }
    }
}

impl fmt::Display for RejectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The 403 for a deny, its explanation in `language`.
pub(crate) fn denied(decision: Decision, language: Language) -> Response<String> {
    let body = Denied {
        decision,
        explanation: decision.explain(language).to_string(),
        language,
    };
    // Writing these plain structs cannot fail; were it to, the answer is
    // still a 403, never the service.
    let json = serde_json::to_string(&body)
        .unwrap_or_else(|_| r#"{"error":"unwritable","message":"the decision could not be written"}"#.to_owned());
    let mut response = json_response(StatusCode::FORBIDDEN, json);
    let headers = response.headers_mut();
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(language.as_str()));
    // The same URL answers in another language for another Accept-Language.
    headers.insert(VARY, HeaderValue::from_static("accept-language"));
    response
}

/// The 400 for a request the mapping function cannot describe.
pub(crate) fn unmapped(message: String) -> Response<String> {
    rejected(StatusCode::BAD_REQUEST, RejectionKind::Unmapped, None, message)
}

/// The 400 for a privacy request that cannot be decided.
pub(crate) fn undecidable(err: RequestError) -> Response<String> {
    rejected(
        StatusCode::BAD_REQUEST,
        RejectionKind::Undecidable,
        Some(err.code()),
        err.to_string(),
    )
}

/// A [`Rejected`] body with its status.
pub(crate) fn rejected(
    status: StatusCode,
    error: RejectionKind,
    code: Option<&'static str>,
    message: String,
) -> Response<String> {
    let body = Rejected {
        error,
        code: code.map(str::to_owned),
        message,
    };
    let json = serde_json::to_string(&body).unwrap_or_else(|_| format!(r#"{{"error":"{error}","message":""}}"#));
    json_response(status, json)
}

fn json_response(status: StatusCode, json: String) -> Response<String> {
    let mut response = Response::new(json);
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
