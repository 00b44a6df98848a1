//! # vianet-privacy-tower
//!
//! A [tower] layer that asks the privacy statement before a service
//! touches personal data. [`vianet_privacy`] is the "Privacy Statement for
//! Online Services Operated by 21Vianet" (2020-12-01) as an executable
//! policy; this crate puts it in front of an HTTP service built on tower
//! (axum, hyper, tonic, tower-http …), so that each request is decided
//! before the handler runs:
//!
//! * an **allow** reaches the service, with the decision's
//!   [`Allow`](vianet_privacy::Allow) (the clause, the obligations that
//!   come with the permission, the advisories) in the request's
//!   extensions, for the handler to honour;
//! * a **deny** is answered by the layer with `403 Forbidden`: the
//!   decision as JSON, in the library's wire format, and its explanation in
//!   English or Simplified Chinese, as the request's `Accept-Language`
//!   prefers;
//! * a request the service **cannot describe**, or one the library
//!   **cannot decide**, is answered with `400 Bad Request` and a typed JSON
//!   error. Nothing is passed through undecided: the layer fails closed.
//!
//! [tower]: https://docs.rs/tower
//!
//! ## The mapping function
//!
//! The layer cannot know what a route does with personal data; the service
//! says it, with a function from the HTTP request's
//! [`Parts`](http::request::Parts) (method, URI, headers, extensions) to a
//! privacy [`Request`](vianet_privacy::Request): who acts on which
//! data, doing what, for what purpose, where. When it cannot say (a header
//! it needs is missing, a name is unknown), it returns an error of its own,
//! any type that implements `Display`, or [`Unmapped`]; the text becomes
//! the 400's message.
//!
//! ```
//! use http::request::Parts;
//! use http::{Request as HttpRequest, Response, StatusCode};
//! use tower::{service_fn, ServiceBuilder, ServiceExt};
//! use vianet_privacy::{Action, Allow, Authorization, DataElement, OnlineService, Party, Purpose, Request};
//! use vianet_privacy_tower::{PrivacyLayer, Unmapped};
//!
//! /// `GET /tickets/{id}/contact`: a supplier's engineer, wherever the gateway
//! /// says (`x-agent-location`), reads a support ticket's contact details.
//! fn read_contact(parts: &Parts) -> Result<Request, Unmapped> {
//!     let location = parts
//!         .headers
//!         .get("x-agent-location")
//!         .and_then(|value| value.to_str().ok())
//!         .ok_or(Unmapped::new("x-agent-location is required"))?
//!         .parse()
//!         .map_err(|err| Unmapped::new(format!("x-agent-location: {err}")))?;
//!     let request = Request::new(
//!         OnlineService::Azure,
//!         Party::Supplier,
//!         Action::Access,
//!         DataElement::SupportContactInfo,
//!         Purpose::ResolveSupportIssue,
//!         location,
//!     );
//!     // The customer's consent, when support obtained it (a real service
//!     // looks it up on the ticket).
//!     Ok(match parts.headers.get("x-ticket-consent") {
//!         Some(value) if value == "prior_consent_after_explanation" => {
//!             request.with_authorization(Authorization::PriorConsentAfterExplanation)
//!         }
//!         _ => request,
//!     })
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
//! let service = ServiceBuilder::new()
//!     .layer(PrivacyLayer::new(read_contact))
//!     .service(service_fn(|req: HttpRequest<String>| async move {
//!         let allow = req.extensions().get::<Allow>().copied().ok_or("no privacy decision")?;
//!         Ok::<_, Box<dyn std::error::Error + Send + Sync>>(Response::new(format!("duties: {}", allow.obligations)))
//!     }));
//!
//! // From Taiwan, without consent: denied, explained in Chinese.
//! let request = HttpRequest::get("/tickets/7/contact")
//!     .header("x-agent-location", "taiwan")
//!     .header("accept-language", "zh-CN,zh;q=0.9,en;q=0.8")
//!     .body(String::new())?;
//! let response = service.clone().oneshot(request).await?;
//! assert_eq!(response.status(), StatusCode::FORBIDDEN);
//! assert_eq!(response.headers()["content-language"], "zh-CN");
//! assert!(response.body().contains(r#""kind":"needs_authorization""#));
//! assert!(response.body().contains("事先同意"));
//!
//! // With the customer's prior consent: allowed, and the handler sees the duties.
//! let request = HttpRequest::get("/tickets/7/contact")
//!     .header("x-agent-location", "taiwan")
//!     .header("x-ticket-consent", "prior_consent_after_explanation")
//!     .body(String::new())?;
//! let response = service.clone().oneshot(request).await?;
//! assert_eq!(response.status(), StatusCode::OK);
//! assert_eq!(response.body(), "duties: keep_confidential, use_only_for_engaged_purpose");
//!
//! // No location: the service cannot say where the data goes, so no decision, and no data.
//! let response = service.oneshot(HttpRequest::get("/tickets/7/contact").body(String::new())?).await?;
//! assert_eq!(response.status(), StatusCode::BAD_REQUEST);
//! assert!(response.body().contains(r#""error":"unmapped""#));
//! # Ok(())
//! # }
//! ```
//!
//! The function runs before the handler and its extractors, on every
//! request the layer sees; it should be quick and must not block (look up
//! what it needs in memory, or have an earlier layer put it in the
//! extensions). The time of the processing is the request's `at`: set it
//! (`Request::at`) when the answer may depend on time (a closed account, a
//! terminated service, a person's age); a request dated before the
//! statement took effect is a 400, never an allow.
//!
//! ## What the client sees
//!
//! | case | status | body | headers |
//! |---|---|---|---|
//! | allow | the service's | the service's | the service's |
//! | deny | `403 Forbidden` | [`Denied`]: `{"decision": {…}, "explanation": "…", "language": "zh-CN"}` | `Content-Type: application/json`, `Content-Language`, `Vary: Accept-Language` |
//! | the mapping function fails | `400 Bad Request` | [`Rejected`]: `{"error": "unmapped", "message": "…"}` | `Content-Type: application/json` |
//! | [`decide`](vianet_privacy::decide) fails | `400 Bad Request` | [`Rejected`]: `{"error": "undecidable", "code": "before_statement_in_force", "message": "…"}` | `Content-Type: application/json` |
//!
//! A 403 always carries a decision, and a 400 from the layer always an
//! error: a client tells them apart by the status alone. Why 400 rather
//! than 403 when there is no decision: the statement has not refused
//! anything; the request lacks what it takes to ask (which the message
//! says), so the client can fix it, and a 403 keeps one meaning, "the
//! statement does not permit this", with the clause that says so.
//!
//! The explanation's language is chosen by [`preferred_language`]: English
//! or Simplified Chinese (`zh-CN`, `zh`, `zh-Hans`, …), by q-value,
//! English by default.
//!
//! ## Honouring the obligations
//!
//! An allow often comes with duties: an overseas engineer's access ends
//! when the issue is resolved, a recipient keeps the data confidential, a
//! questionnaire carries an unsubscribe link. The handler finds them in the
//! request's extensions:
//!
//! ```
//! use http::Request as HttpRequest;
//! use vianet_privacy::{Allow, Obligation};
//!
//! fn cache_control(req: &HttpRequest<String>) -> &'static str {
//!     match req.extensions().get::<Allow>() {
//!         Some(allow) if allow.obligations.contains(Obligation::KeepConfidential) => "no-store",
//!         Some(_) => "private",
//!         None => "no-store", // not decided: this route is missing its layer
//!     }
//! }
//! # assert_eq!(cache_control(&HttpRequest::new(String::new())), "no-store");
//! ```
//!
//! Beside the `Allow`, the extensions hold the privacy
//! [`Request`](vianet_privacy::Request) that was
//! decided, for the handler's audit record
//! (`vianet_privacy::AuditRecord::new(at, request, Decision::Allow(allow))`).
//!
//! With the `axum` feature, the `Allowed` extractor hands the `Allow` to an
//! axum handler (`async fn contact(Allowed(allow): Allowed) -> …`), and
//! refuses to run the handler (a `500`) when no layer decided the request,
//! so that a forgotten layer cannot go unnoticed.
//!
//! ## With axum
//!
//! Put the layer on the routes that touch personal data, each with the
//! mapping function that describes it, with `route_layer` (so that a 404 or
//! 405 is not decided first):
//!
//! ```
//! # use std::convert::Infallible;
//! # use http::request::Parts;
//! # use vianet_privacy::{Action, DataElement, Location, OnlineService, Party, Purpose, Request};
//! use axum::routing::{get, post};
//! use axum::Router;
//! use vianet_privacy_tower::PrivacyLayer;
//!
//! # fn read_contact(_: &Parts) -> Result<Request, Infallible> { unimplemented!() }
//! # fn send_survey(_: &Parts) -> Result<Request, Infallible> { unimplemented!() }
//! # async fn contact() {}
//! # async fn survey() {}
//! let app: Router = Router::new()
//!     .route("/tickets/{id}/contact", get(contact).route_layer(PrivacyLayer::new(read_contact)))
//!     .route("/tickets/{id}/survey", post(survey).route_layer(PrivacyLayer::new(send_survey)))
//!     .route("/health", get(|| async { "ok" })); // no personal data, no layer
//! ```
//!
//! `examples/axum_service.rs` is a complete support desk: who reads a
//! ticket's contact details from where, with the consent recorded on the
//! ticket, and a questionnaire that waits until the support experience is
//! over (`cargo run -p vianet-privacy-tower --features axum --example
//! axum_service`).
//!
//! ## Types
//!
//! The layer works with any request body, and any response body that can
//! be made from a `String` (axum's `Body`, `http_body_util::Full<Bytes>`,
//! `String`): its own answers are JSON text. It keeps the inner service's
//! error type, so it fits where the service fits (axum requires
//! `Infallible`).
//!
//! ## Features
//!
//! * `axum`: the `Allowed` extractor and its rejection `NoDecision`.
//!
//! The crate has no unsafe code, does not panic and prints nothing.

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    forbid(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]

// The layer, its service and its response future.
mod layer;
// The language of an explanation, from `Accept-Language`.
mod language;
// The bodies of the layer's own answers (403, 400).
mod body;
// A ready-made error for mapping functions.
mod unmapped;
// The axum extractor for the allow.
#[cfg(feature = "axum")]
mod axum;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use crate::axum::{Allowed, NoDecision};
pub use body::{Denied, Rejected, RejectionKind};
pub use language::preferred_language;
pub use layer::{PrivacyLayer, PrivacyService, ResponseFuture};
pub use unmapped::Unmapped;

/// The README's example, compiled as a doctest so it stays true (it uses
/// the `axum` feature's extractor).
#[cfg(all(doctest, feature = "axum"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctest;
