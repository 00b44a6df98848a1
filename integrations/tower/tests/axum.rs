//! The layer in axum 0.8: the example service (`examples/axum_service.rs`,
//! compiled in here so that what it shows stays true) and the `Allowed`
//! extractor, driven with `oneshot`, no sockets.
#![cfg(feature = "axum")]

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Request as HttpRequest, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use vianet_privacy::{
    decide, Action, Authorization, DataElement, DenyKind, Language, Location, OnlineService, Party, Purpose, Request,
};
use vianet_privacy_tower::{Allowed, Denied, PrivacyLayer, Rejected, RejectionKind};

#[allow(dead_code)] // its `main` serves on a socket; the tests use its `app`
#[path = "../examples/axum_service.rs"]
mod example;

async fn send(app: Router, method: &str, uri: &str, headers: &[(&str, &str)]) -> (StatusCode, Response, String) {
    let mut request = HttpRequest::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app.oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        status,
        Response::from_parts(parts, Body::empty()),
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

fn desk() -> Router {
    example::app(example::sample_tickets())
}

const OPERATOR_IN_CHINA: [(&str, &str); 2] = [("x-agent-party", "operator"), ("x-agent-location", "mainland_china")];
const SUPPLIER_IN_TAIWAN: [(&str, &str); 2] = [("x-agent-party", "supplier"), ("x-agent-location", "taiwan")];

#[tokio::test]
async fn an_engineer_in_china_reads_the_contact_details() {
    let (status, response, body) = send(desk(), "GET", "/tickets/1/contact", &OPERATOR_IN_CHINA).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(response.headers()["cache-control"], "private, no-cache");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["ticket"], 1);
    assert!(body["contact"].as_str().unwrap().starts_with("Li Wei"));
    assert_eq!(body["clause"], "support_data_use");
    assert_eq!(body["obligations"], serde_json::json!([]));
}

#[tokio::test]
async fn an_overseas_supplier_without_consent_is_refused_in_chinese() {
    let headers = [
        SUPPLIER_IN_TAIWAN[0],
        SUPPLIER_IN_TAIWAN[1],
        ("accept-language", "zh-CN,zh;q=0.9,en;q=0.8"),
    ];
    let (status, response, body) = send(desk(), "GET", "/tickets/1/contact", &headers).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["content-language"], "zh-CN");
    assert!(!body.contains("Li Wei"), "no personal data in a deny: {body}");
    let denied: Denied = serde_json::from_str(&body).unwrap();
    assert_eq!(denied.decision.clause().as_str(), "sharing_overseas_supplier_consent");
    assert_eq!(denied.decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
    assert!(denied
        .decision
        .missing()
        .contains(Authorization::PriorConsentAfterExplanation));
    assert_eq!(denied.language, Language::ZhCn);
    assert!(denied.explanation.starts_with("拒绝"), "{}", denied.explanation);
}

#[tokio::test]
async fn an_overseas_supplier_with_consent_reads_them_under_duties() {
    let (status, response, body) = send(desk(), "GET", "/tickets/2/contact", &SUPPLIER_IN_TAIWAN).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Keep confidential: no copies in caches.
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert!(body["contact"].as_str().unwrap().starts_with("Zhang Min"));
    assert_eq!(body["clause"], "sharing_suppliers");
    assert_eq!(
        body["obligations"],
        serde_json::json!(["keep_confidential", "use_only_for_engaged_purpose"])
    );
    assert_eq!(body["language"], "en");
    assert_eq!(body["duties"][0], "the recipient keeps the data confidential");

    // The duties in Chinese for an agent who reads Chinese.
    let headers = [SUPPLIER_IN_TAIWAN[0], SUPPLIER_IN_TAIWAN[1], ("accept-language", "zh")];
    let (_, _, body) = send(desk(), "GET", "/tickets/2/contact", &headers).await;
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["duties"][0], "接收方对数据保密");
}

#[tokio::test]
async fn an_unknown_ticket_is_decided_without_consent() {
    // Overseas: refused before the handler, so the answer does not reveal
    // whether the ticket exists.
    let (status, _, body) = send(desk(), "GET", "/tickets/99/contact", &SUPPLIER_IN_TAIWAN).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // In China: allowed, and the handler finds no ticket.
    let (status, _, body) = send(desk(), "GET", "/tickets/99/contact", &OPERATOR_IN_CHINA).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
}

#[tokio::test]
async fn without_the_agent_headers_the_layer_cannot_say_and_answers_400() {
    let (status, response, body) = send(desk(), "GET", "/tickets/1/contact", &[("x-agent-party", "operator")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/json");
    let rejected: Rejected = serde_json::from_str(&body).unwrap();
    assert_eq!(rejected.error, RejectionKind::Unmapped);
    assert_eq!(rejected.message, "the x-agent-location header is required");

    let headers = [("x-agent-party", "regulator"), ("x-agent-location", "mainland_china")];
    let (status, _, body) = send(desk(), "GET", "/tickets/1/contact", &headers).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let rejected: Rejected = serde_json::from_str(&body).unwrap();
    assert!(
        rejected.message.starts_with("x-agent-party: unknown party `regulator`"),
        "{}",
        rejected.message
    );
    assert!(rejected.message.contains("authority"), "{}", rejected.message);

    let (status, _, body) = send(desk(), "GET", "/tickets/seven/contact", &OPERATOR_IN_CHINA).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("`seven` is not a ticket number"), "{body}");
}

#[tokio::test]
async fn a_questionnaire_waits_until_the_support_experience_is_over() {
    // Ticket 1 is open.
    let (status, _, body) = send(desk(), "POST", "/tickets/1/survey", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let denied: Denied = serde_json::from_str(&body).unwrap();
    assert_eq!(denied.decision.clause().as_str(), "support_survey");
    assert!(denied.decision.missing().contains(Authorization::SupportExperienceOver));

    // Ticket 2 is resolved.
    let (status, _, body) = send(desk(), "POST", "/tickets/2/survey", &[]).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["clause"], "support_survey");
    assert!(body["sent_to"].as_str().unwrap().starts_with("Zhang Min"));
    // The allow asks for an unsubscribe link, and the handler honours it.
    assert_eq!(body["unsubscribe_link"], true);

    // Ticket 3's customer unsubscribed: not permitted, whatever else holds.
    let (status, _, body) = send(desk(), "POST", "/tickets/3/survey", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let denied: Denied = serde_json::from_str(&body).unwrap();
    assert_eq!(denied.decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert!(denied.explanation.contains("unsubscribed"), "{}", denied.explanation);
}

#[tokio::test]
async fn routes_without_personal_data_and_wrong_methods_are_not_decided() {
    let (status, _, body) = send(desk(), "GET", "/health", &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    // `route_layer`: a 405 is axum's, not a privacy answer.
    let (status, _, body) = send(desk(), "DELETE", "/tickets/1/contact", &[]).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(!body.contains("error"), "{body}");
}

/// A mapping function that counts its calls, for a handler that counts its own.
fn counted_route(request: Request) -> (Arc<AtomicUsize>, Router) {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let app = Router::new().route(
        "/data",
        get(move |Allowed(allow): Allowed| {
            seen.fetch_add(1, Ordering::SeqCst);
            async move { allow.obligations.to_string() }
        })
        .route_layer(PrivacyLayer::new(move |_: &Parts| Ok::<_, Infallible>(request))),
    );
    (calls, app)
}

#[tokio::test]
async fn the_allowed_extractor_hands_the_allow_to_the_handler() {
    let request = Request::new(
        OnlineService::Azure,
        Party::Supplier,
        Action::Access,
        DataElement::CustomerContent,
        Purpose::Troubleshooting,
        Location::UnitedStates,
    );
    let expected = decide(&request).unwrap().obligations();
    assert!(!expected.is_empty());
    let (calls, app) = counted_route(request);
    let (status, _, body) = send(app, "GET", "/data", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, expected.to_string());
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_axum_handler_is_never_called_on_a_deny() {
    let request = Request::new(
        OnlineService::Azure,
        Party::Operator,
        Action::Use,
        DataElement::CustomerContent,
        Purpose::Advertising,
        Location::MainlandChina,
    );
    let (calls, app) = counted_route(request);
    let (status, response, body) = send(app, "GET", "/data", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(response.headers()["content-language"], "en");
    let denied: Denied = serde_json::from_str(&body).unwrap();
    assert_eq!(denied.decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_allowed_extractor_refuses_a_route_without_the_layer() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let app = Router::new().route(
        "/forgotten",
        get(move |Allowed(_): Allowed| {
            seen.fetch_add(1, Ordering::SeqCst);
            async { "personal data" }
        }),
    );
    let (status, response, body) = send(app, "GET", "/forgotten", &[]).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    let rejected: Rejected = serde_json::from_str(&body).unwrap();
    assert_eq!(rejected.error, RejectionKind::NoDecision);
    assert!(
        rejected.message.contains("without a PrivacyLayer"),
        "{}",
        rejected.message
    );
}
