//! The layer driven through tower's `ServiceExt::oneshot`, no sockets: an
//! allow reaches the service with its obligations, everything else is
//! answered by the layer and never reaches it.

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use chrono::DateTime;
use http::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::request::Parts;
use http::{HeaderValue, Request as HttpRequest, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use serde_json::Value;
use tower::{service_fn, BoxError, Layer, Service, ServiceBuilder, ServiceExt};
use vianet_privacy::{
    decide, wire, Action, Allow, Authorization, DataElement, Decision, DenyKind, Language, Location, Obligation,
    ObligationSet, OnlineService, Party, Purpose, Request,
};
use vianet_privacy_tower::{Denied, PrivacyLayer, Rejected, RejectionKind, Unmapped};

/// An overseas supplier's engineer (where: `x-agent-location`) reads a
/// support ticket's contact details; `x-consent: yes` when the customer
/// consented after support explained. No location: the mapping cannot say.
fn support_contact(parts: &Parts) -> Result<Request, Unmapped> {
    let location = match parts.headers.get("x-agent-location").map(HeaderValue::to_str) {
        Some(Ok(name)) => name
            .parse::<Location>()
            .map_err(|err| Unmapped::new(format!("x-agent-location: {err}")))?,
        Some(Err(_)) => return Err(Unmapped::new("x-agent-location is not text")),
        None => {
            return Err(Unmapped::new(
                "who reads the data, and from where? x-agent-location is required",
            ))
        }
    };
    let request = Request::new(
        OnlineService::Office365,
        Party::Supplier,
        Action::Access,
        DataElement::SupportContactInfo,
        Purpose::ResolveSupportIssue,
        location,
    );
    Ok(match parts.headers.get("x-consent") {
        Some(value) if value == "yes" => request.with_authorization(Authorization::PriorConsentAfterExplanation),
        _ => request,
    })
}

/// The service behind the layer: counts its calls, and answers with the
/// `Allow` and the privacy `Request` it found in the extensions, as JSON.
fn counted() -> (
    Arc<AtomicUsize>,
    impl Service<HttpRequest<String>, Response = Response<String>, Error = Infallible> + Clone,
) {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let service = service_fn(move |req: HttpRequest<String>| {
        seen.fetch_add(1, Ordering::SeqCst);
        let body = serde_json::json!({
            "allow": req.extensions().get::<Allow>(),
            "request": req.extensions().get::<Request>(),
            "body": req.body(),
        });
        async move { Ok::<_, Infallible>(Response::new(body.to_string())) }
    });
    (calls, service)
}

fn get(headers: &[(&'static str, &'static str)]) -> HttpRequest<String> {
    let mut request = HttpRequest::get("/tickets/7/contact");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(String::from("ticket 7")).unwrap()
}

fn json(response: &Response<String>) -> Value {
    serde_json::from_str(response.body()).unwrap()
}

fn content_language(response: &Response<String>) -> Option<&str> {
    response.headers().get(CONTENT_LANGUAGE).map(|v| v.to_str().unwrap())
}

/// The request of `support_contact` from Taiwan, without consent: a deny
/// of kind needs-authorization.
fn taiwan_without_consent() -> Request {
    Request::new(
        OnlineService::Office365,
        Party::Supplier,
        Action::Access,
        DataElement::SupportContactInfo,
        Purpose::ResolveSupportIssue,
        Location::Taiwan,
    )
}

#[tokio::test]
async fn an_allow_reaches_the_service_with_the_allow_and_the_request_in_the_extensions() {
    let (calls, inner) = counted();
    let service = PrivacyLayer::new(support_contact).layer(inner);
    let response = service
        .oneshot(get(&[("x-agent-location", "taiwan"), ("x-consent", "yes")]))
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    let seen = json(&response);
    let allow: Allow = serde_json::from_value(seen["allow"].clone()).unwrap();
    assert_eq!(allow.clause.as_str(), "sharing_suppliers");
    assert_eq!(
        allow.obligations,
        ObligationSet::of(&[Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose])
    );
    let expected = taiwan_without_consent().with_authorization(Authorization::PriorConsentAfterExplanation);
    assert_eq!(Decision::Allow(allow), decide(&expected).unwrap());
    let request: Request = serde_json::from_value(seen["request"].clone()).unwrap();
    assert_eq!(request, expected);
    // The request reaches the service whole: its body, and no header of the layer's.
    assert_eq!(seen["body"], "ticket 7");
    assert!(response.headers().get(CONTENT_LANGUAGE).is_none());
}

#[tokio::test]
async fn a_deny_is_a_403_with_the_decision_and_a_chinese_explanation_for_zh_cn() {
    let (calls, inner) = counted();
    let service = PrivacyLayer::new(support_contact).layer(inner);
    let response = service
        .oneshot(get(&[
            ("x-agent-location", "taiwan"),
            (ACCEPT_LANGUAGE.as_str(), "zh-CN"),
        ]))
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(calls.load(Ordering::SeqCst), 0, "the service is never called on a deny");
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    assert_eq!(content_language(&response), Some("zh-CN"));
    assert_eq!(response.headers()[VARY], "accept-language");

    // The decision is the library's wire format, field for field.
    let body = json(&response);
    assert_eq!(body["decision"]["effect"], "deny");
    assert_eq!(body["decision"]["clause"], "sharing_overseas_supplier_consent");
    assert_eq!(body["decision"]["kind"], "needs_authorization");
    assert_eq!(
        body["decision"]["reason"],
        "overseas_supplier_access_needs_prior_consent"
    );
    assert_eq!(
        body["decision"]["missing"],
        serde_json::json!(["prior_consent_after_explanation"])
    );
    assert_eq!(body["decision"]["statement_version"], "2020-12-01");
    assert_eq!(body["language"], "zh-CN");
    let expected = decide(&taiwan_without_consent()).unwrap();
    let decision = wire::parse_decision(body["decision"].to_string()).unwrap();
    assert_eq!(decision, expected);
    // Written as the library writes it, in its field order.
    let written = format!(r#"{{"decision":{},"explanation":"#, wire::to_json(&expected).unwrap());
    assert!(response.body().starts_with(&written), "{}", response.body());

    // The explanation is the library's, in Chinese.
    let explanation = body["explanation"].as_str().unwrap();
    assert_eq!(explanation, expected.explain(Language::ZhCn).to_string());
    assert!(
        explanation.starts_with("拒绝（须取得请求中缺少的授权方可进行）"),
        "{explanation}"
    );
    assert!(explanation.contains("事先同意"), "{explanation}");

    // And the whole body reads back as `Denied`.
    let denied: Denied = serde_json::from_str(response.body()).unwrap();
    assert_eq!(denied.decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
    assert!(denied
        .decision
        .missing()
        .contains(Authorization::PriorConsentAfterExplanation));
    assert_eq!(denied.language, Language::ZhCn);
}

#[tokio::test]
async fn a_deny_is_explained_in_english_by_default() {
    let (calls, inner) = counted();
    let service = PrivacyLayer::new(support_contact).layer(inner);
    let response = service.oneshot(get(&[("x-agent-location", "taiwan")])).await.unwrap();

    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    assert_eq!(content_language(&response), Some("en"));
    let denied: Denied = serde_json::from_str(response.body()).unwrap();
    assert_eq!(denied.language, Language::En);
    assert_eq!(
        denied.explanation,
        decide(&taiwan_without_consent())
            .unwrap()
            .explain(Language::En)
            .to_string()
    );
    assert!(denied
        .explanation
        .starts_with("deny (permitted only with an authorization the request lacks): an overseas supplier"));
}

#[tokio::test]
async fn a_deny_is_explained_in_english_for_languages_not_served() {
    // French, Japanese, Traditional Chinese, a wildcard, nonsense: English.
    for accept in [
        "fr-FR, fr;q=0.9, de;q=0.8",
        "ja",
        "zh-TW",
        "zh-Hant-HK, en;q=0.1",
        "*",
        "zh;q=oops",
        ";;,",
    ] {
        let (calls, inner) = counted();
        let service = PrivacyLayer::new(support_contact).layer(inner);
        let response = service
            .oneshot(get(&[
                ("x-agent-location", "united_states"),
                ("accept-language", accept),
            ]))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{accept}");
        assert_eq!(calls.load(Ordering::SeqCst), 0, "{accept}");
        assert_eq!(content_language(&response), Some("en"), "{accept}");
        let denied: Denied = serde_json::from_str(response.body()).unwrap();
        assert_eq!(denied.language, Language::En, "{accept}");
        assert!(
            denied.explanation.starts_with("deny ("),
            "{accept}: {}",
            denied.explanation
        );
    }
}

#[tokio::test]
async fn q_values_choose_the_language() {
    let cases = [
        ("en;q=0.5, zh-CN;q=0.9", Language::ZhCn),
        ("zh-CN;q=0.4, en;q=0.6", Language::En),
        ("fr, zh;q=0.8, en;q=0.7", Language::ZhCn),
        ("fr, en;q=0.8, zh-Hans;q=0.7", Language::En),
        ("zh-TW, zh-Hans;q=0.5, en;q=0.4", Language::ZhCn),
        ("en;q=0, *;q=0.1", Language::ZhCn),
        ("zh-CN;q=0", Language::En),
        ("zh-CN, en", Language::ZhCn),
        ("en-GB, zh-CN", Language::En),
    ];
    for (accept, language) in cases {
        let (_, inner) = counted();
        let service = PrivacyLayer::new(support_contact).layer(inner);
        let response = service
            .oneshot(get(&[("x-agent-location", "taiwan"), ("accept-language", accept)]))
            .await
            .unwrap();
        assert_eq!(content_language(&response), Some(language.as_str()), "{accept}");
        let denied: Denied = serde_json::from_str(response.body()).unwrap();
        assert_eq!(denied.language, language, "{accept}");
        let head = if language == Language::ZhCn { "拒绝" } else { "deny" };
        assert!(denied.explanation.starts_with(head), "{accept}: {}", denied.explanation);
    }
}

#[tokio::test]
async fn a_mapping_error_is_a_400_and_never_reaches_the_service() {
    for headers in [
        &[("accept-language", "zh-CN")][..],
        &[("x-agent-location", "mars"), ("x-consent", "yes")][..],
    ] {
        let (calls, inner) = counted();
        let service = PrivacyLayer::new(support_contact).layer(inner);
        let response = service.oneshot(get(headers)).await.unwrap();

        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            calls.load(Ordering::SeqCst),
            0,
            "a mapping error is never passed through"
        );
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let rejected: Rejected = serde_json::from_str(response.body()).unwrap();
        assert_eq!(rejected.error, RejectionKind::Unmapped);
        assert_eq!(rejected.code, None);
        let body = json(&response);
        assert_eq!(body["error"], "unmapped");
        assert!(body.get("code").is_none());
        assert!(body.get("decision").is_none());
    }
}

#[tokio::test]
async fn the_mapping_error_text_is_the_message() {
    let (_, inner) = counted();
    let service = PrivacyLayer::new(support_contact).layer(inner);
    let response = service.oneshot(get(&[("x-agent-location", "mars")])).await.unwrap();
    let rejected: Rejected = serde_json::from_str(response.body()).unwrap();
    // The library's own error lists the valid names, and reaches the client.
    assert!(
        rejected
            .message
            .starts_with("x-agent-location: unknown location `mars`"),
        "{}",
        rejected.message
    );
    assert!(rejected.message.contains("mainland_china"), "{}", rejected.message);
}

#[tokio::test]
async fn a_mapping_error_of_any_display_type_is_a_400() {
    #[derive(Debug)]
    struct NoSuchRoute(&'static str);
    impl std::fmt::Display for NoSuchRoute {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "no privacy mapping for {}", self.0)
        }
    }

    let (calls, inner) = counted();
    let service = PrivacyLayer::new(|_: &Parts| Err::<Request, _>(NoSuchRoute("/tickets/7/contact"))).layer(inner);
    let response = service.oneshot(get(&[])).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    let rejected: Rejected = serde_json::from_str(response.body()).unwrap();
    assert_eq!(rejected.error, RejectionKind::Unmapped);
    assert_eq!(rejected.message, "no privacy mapping for /tickets/7/contact");
}

#[tokio::test]
async fn a_request_dated_before_the_statement_is_a_400_and_never_reaches_the_service() {
    let before = DateTime::parse_from_rfc3339("2019-06-01T09:00:00+08:00").unwrap();
    let (calls, inner) = counted();
    // Allowed at any time after 2020-12-01; in 2019 the statement says nothing.
    let request = Request::new(
        OnlineService::Azure,
        Party::Operator,
        Action::Use,
        DataElement::AdministratorEmail,
        Purpose::AdministerAccount,
        Location::MainlandChina,
    );
    assert!(decide(&request).unwrap().is_allowed());
    let service = PrivacyLayer::new(move |_: &Parts| Ok::<_, Infallible>(request.at(before))).layer(inner);
    let response = service.oneshot(get(&[("accept-language", "zh-CN")])).await.unwrap();

    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(calls.load(Ordering::SeqCst), 0, "a RequestError is never an allow");
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    let rejected: Rejected = serde_json::from_str(response.body()).unwrap();
    assert_eq!(rejected.error, RejectionKind::Undecidable);
    assert_eq!(rejected.code.as_deref(), Some("before_statement_in_force"));
    assert_eq!(rejected.message, decide(&request.at(before)).unwrap_err().to_string());
    assert!(rejected.message.contains("2020-12-01"), "{}", rejected.message);
    assert_eq!(json(&response)["error"], "undecidable");
}

#[tokio::test]
async fn a_contradictory_request_is_a_400_too() {
    // The trial's end makes the answer depend on time, but there is no `at`.
    let ended = DateTime::parse_from_rfc3339("2024-01-31T00:00:00+08:00").unwrap();
    let request = Request::new(
        OnlineService::Azure,
        Party::Operator,
        Action::Retain,
        DataElement::CustomerContent,
        Purpose::FuturePurchaseExperience,
        Location::MainlandChina,
    )
    .with_trial_ended_at(ended);
    let (calls, inner) = counted();
    let service = PrivacyLayer::new(move |_: &Parts| Ok::<_, Infallible>(request)).layer(inner);
    let response = service.oneshot(get(&[])).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    let rejected: Rejected = serde_json::from_str(response.body()).unwrap();
    assert_eq!(rejected.error, RejectionKind::Undecidable);
    assert_eq!(rejected.code.as_deref(), Some("missing_time"));
}

#[tokio::test]
async fn the_service_is_called_once_per_allow_and_never_otherwise() {
    let (calls, inner) = counted();
    let service = ServiceBuilder::new()
        .layer(PrivacyLayer::new(support_contact))
        .service(inner);
    let requests = [
        (&[("x-agent-location", "taiwan")][..], StatusCode::FORBIDDEN),
        (&[("x-agent-location", "mainland_china")][..], StatusCode::OK),
        (&[("x-agent-location", "hong_kong")][..], StatusCode::FORBIDDEN),
        (&[][..], StatusCode::BAD_REQUEST),
        (
            &[("x-agent-location", "united_states"), ("x-consent", "yes")][..],
            StatusCode::OK,
        ),
        (
            &[("x-agent-location", "macau"), ("x-consent", "no")][..],
            StatusCode::FORBIDDEN,
        ),
    ];
    for (headers, status) in requests {
        let response = service.clone().oneshot(get(headers)).await.unwrap();
        assert_eq!(response.status(), status, "{headers:?}");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn any_body_types() {
    // Request bodies of any type; a response body made from a String.
    let layer = PrivacyLayer::new(support_contact);
    let inner = service_fn(|req: HttpRequest<Full<bytes::Bytes>>| async move {
        let obligations = req.extensions().get::<Allow>().map(|allow| allow.obligations.len());
        let text = req.into_body().collect().await?.to_bytes();
        Ok::<_, BoxError>(Response::new(Full::<bytes::Bytes>::from(format!(
            "{obligations:?} {}",
            String::from_utf8_lossy(&text)
        ))))
    });
    let service = layer.layer(inner);

    let request = |location: &'static str| {
        HttpRequest::get("/")
            .header("x-agent-location", location)
            .body(Full::from("hello"))
            .unwrap()
    };
    let response = service.clone().oneshot(request("mainland_china")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(&text[..], b"Some(2) hello");

    let response = service.oneshot(request("taiwan")).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let text = response.into_body().collect().await.unwrap().to_bytes();
    let denied: Denied = serde_json::from_slice(&text).unwrap();
    assert_eq!(denied.decision.clause().as_str(), "sharing_overseas_supplier_consent");
}

#[tokio::test]
async fn the_service_error_passes_through_on_an_allow() {
    let inner = service_fn(|_: HttpRequest<String>| async { Err::<Response<String>, _>("the store is down") });
    let service = PrivacyLayer::new(support_contact).layer(inner);
    let err = service
        .oneshot(get(&[("x-agent-location", "mainland_china")]))
        .await
        .unwrap_err();
    assert_eq!(err, "the store is down");
}
