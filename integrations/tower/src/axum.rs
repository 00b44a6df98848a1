//! The axum extractor for the allow (the `axum` feature).

use core::fmt;

use axum_core::extract::FromRequestParts;
use axum_core::response::{IntoResponse, Response};
use http::request::Parts;
use http::StatusCode;
use vianet_privacy::Allow;

use crate::body::rejected;
use crate::RejectionKind;

/// The allow a [`PrivacyLayer`](crate::PrivacyLayer) gave the request, as
/// an axum extractor (feature `axum`).
///
/// A handler that takes `Allowed` has the obligations in hand, and cannot
/// run without the layer's allow: on a route the layer is missing from,
/// the extractor fails with [`NoDecision`], a `500 Internal Server Error`,
/// and the handler is not called. That turns a forgotten layer into an
/// error the first test finds, rather than data handed out undecided.
///
/// ```
/// use std::convert::Infallible;
///
/// use axum::body::Body;
/// use axum::routing::get;
/// use axum::Router;
/// use http::request::Parts;
/// use http::{Request as HttpRequest, StatusCode};
/// use tower::ServiceExt;
/// use vianet_privacy::{Action, Authorization, DataElement, Location, Obligation, OnlineService, Party, Purpose, Request};
/// use vianet_privacy_tower::{Allowed, PrivacyLayer};
///
/// async fn contact(Allowed(allow): Allowed) -> String {
///     // An overseas supplier keeps the contact details confidential: the
///     // handler honours the duty (here, by saying so; a real one also sends
///     // `Cache-Control: no-store`).
///     let confidential = allow.obligations.contains(Obligation::KeepConfidential);
///     format!("contact details (confidential: {confidential})")
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // The customer consented after support explained (recorded on the ticket).
/// let consented = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::SupportContactInfo,
///     Purpose::ResolveSupportIssue,
///     Location::UnitedStates,
/// )
/// .with_authorization(Authorization::PriorConsentAfterExplanation);
/// let app: Router = Router::new()
///     .route("/tickets/7/contact", get(contact))
///     .route_layer(PrivacyLayer::new(move |_: &Parts| Ok::<_, Infallible>(consented)))
///     .route("/unguarded", get(contact)); // added after the layer: not guarded
///
/// let response = app.clone().oneshot(HttpRequest::get("/tickets/7/contact").body(Body::empty())?).await?;
/// assert_eq!(response.status(), StatusCode::OK);
/// let response = app.oneshot(HttpRequest::get("/unguarded").body(Body::empty())?).await?;
/// assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allowed(pub Allow);

impl<S: Send + Sync> FromRequestParts<S> for Allowed {
    type Rejection = NoDecision;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Allow>().copied().map(Allowed).ok_or(NoDecision)
    }
}

/// The rejection of [`Allowed`]: no privacy layer decided the request
/// (feature `axum`).
///
/// It answers `500 Internal Server Error` (the route is missing its layer,
/// a fault of the service, not of the client) with a
/// [`Rejected`](crate::Rejected) body of kind
/// [`NoDecision`](crate::RejectionKind::NoDecision).
///
/// ```
/// use axum::response::IntoResponse;
/// use http::StatusCode;
/// use vianet_privacy_tower::NoDecision;
///
/// let response = NoDecision.into_response();
/// assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoDecision;

impl fmt::Display for NoDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no privacy decision for this request: the route handles personal data without a PrivacyLayer")
    }
}

impl std::error::Error for NoDecision {}

impl IntoResponse for NoDecision {
    fn into_response(self) -> Response {
        rejected(
            StatusCode::INTERNAL_SERVER_ERROR,
            RejectionKind::NoDecision,
            None,
            self.to_string(),
        )
        .map(axum_core::body::Body::from)
    }
}
