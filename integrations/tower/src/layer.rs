//! The layer, its service and its response future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::sync::Arc;

use http::request::Parts;
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;
use vianet_privacy::{decide, Decision, Request};

use crate::body;
use crate::language::preferred_language;

/// A [`tower::Layer`](tower_layer::Layer) that decides every request
/// against the privacy statement before the service sees it.
///
/// `map` says what an HTTP request does with personal data: from the
/// request's method, URI, headers and extensions (its [`Parts`]) it makes
/// the privacy [`Request`], or returns an error of its own (any type that
/// implements `Display`, such as [`Unmapped`](crate::Unmapped)) when it
/// cannot say. Then:
///
/// | the mapping and the decision | the answer |
/// |---|---|
/// | allow | the inner service is called, with the [`Allow`](vianet_privacy::Allow) and the privacy [`Request`] in the request's extensions |
/// | deny | `403 Forbidden`, a [`Denied`](crate::Denied) body; the inner service is not called |
/// | `map` returns an error | `400 Bad Request`, a [`Rejected`](crate::Rejected) body of kind `unmapped`; the inner service is not called |
/// | [`decide`] returns a [`RequestError`](vianet_privacy::RequestError) | `400 Bad Request`, a [`Rejected`](crate::Rejected) body of kind `undecidable`; the inner service is not called |
///
/// The layer works with any request body type, and with any response body
/// type that can be made from a `String` (its own answers are JSON text):
/// axum's `Body`, `http_body_util::Full<Bytes>`, `String`.
///
/// ```
/// use http::request::Parts;
/// use http::{Request as HttpRequest, Response, StatusCode};
/// use tower::{service_fn, ServiceBuilder, ServiceExt};
/// use vianet_privacy::{Action, Allow, DataElement, Location, OnlineService, Party, Purpose, Request};
/// use vianet_privacy_tower::{PrivacyLayer, Unmapped};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// // Reading a ticket's contact details is fine in mainland China, and needs
/// // the customer's prior consent anywhere else.
/// let layer = PrivacyLayer::new(|parts: &Parts| {
///     let location = match parts.headers.get("x-agent-location").map(|v| v.to_str()) {
///         Some(Ok("mainland_china")) => Location::MainlandChina,
///         Some(Ok("taiwan")) => Location::Taiwan,
///         _ => return Err(Unmapped::new("x-agent-location must be mainland_china or taiwan")),
///     };
///     Ok(Request::new(
///         OnlineService::Azure,
///         Party::Supplier,
///         Action::Access,
///         DataElement::SupportContactInfo,
///         Purpose::ResolveSupportIssue,
///         location,
///     ))
/// });
/// let service = ServiceBuilder::new().layer(layer).service(service_fn(|req: HttpRequest<String>| async move {
///     // Only reached on an allow: its obligations are in the extensions.
///     let allow = req.extensions().get::<Allow>().copied().ok_or("no allow")?;
///     Ok::<_, Box<dyn std::error::Error + Send + Sync>>(Response::new(format!("obligations: {}", allow.obligations)))
/// }));
///
/// let from = |location: &str| HttpRequest::builder().header("x-agent-location", location).body(String::new());
/// let response = service.clone().oneshot(from("mainland_china")?).await?;
/// assert_eq!(response.status(), StatusCode::OK);
/// let response = service.clone().oneshot(from("taiwan")?).await?;
/// assert_eq!(response.status(), StatusCode::FORBIDDEN);
/// assert!(response.body().contains(r#""missing":["prior_consent_after_explanation"]"#));
/// let response = service.oneshot(from("mars")?).await?;
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert!(response.body().contains(r#""error":"unmapped""#));
/// # Ok(())
/// # }
/// ```
pub struct PrivacyLayer<F> {
    map: Arc<F>,
}

impl<F> PrivacyLayer<F> {
    /// A layer that describes each request with `map` and decides it.
    ///
    /// `map` is called once per request, before the inner service; it is
    /// shared (not cloned) by every service the layer makes, so it may own
    /// data, such as a handle to the store that knows which tickets have
    /// the customer's consent.
    ///
    /// A mapping that never fails names its error type, since there is no
    /// `Err` to infer it from:
    ///
    /// ```
    /// use std::convert::Infallible;
    ///
    /// use http::request::Parts;
    /// use vianet_privacy::{Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    /// use vianet_privacy_tower::PrivacyLayer;
    ///
    /// // An administrator's e-mail address, used in mainland China to administer the account.
    /// let layer = PrivacyLayer::new(|_: &Parts| {
    ///     Ok::<_, Infallible>(Request::new(
    ///         OnlineService::Office365,
    ///         Party::Operator,
    ///         Action::Use,
    ///         DataElement::AdministratorEmail,
    ///         Purpose::AdministerAccount,
    ///         Location::MainlandChina,
    ///     ))
    /// });
    /// # let _ = layer;
    /// ```
    pub fn new<E>(map: F) -> PrivacyLayer<F>
    where
        F: Fn(&Parts) -> Result<Request, E>,
        E: fmt::Display,
    {
        PrivacyLayer { map: Arc::new(map) }
    }
}

impl<F> Clone for PrivacyLayer<F> {
    fn clone(&self) -> Self {
        PrivacyLayer {
            map: Arc::clone(&self.map),
        }
    }
}

impl<F> fmt::Debug for PrivacyLayer<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivacyLayer").finish_non_exhaustive()
    }
}

impl<S, F> Layer<S> for PrivacyLayer<F> {
    type Service = PrivacyService<S, F>;

    fn layer(&self, inner: S) -> Self::Service {
        PrivacyService {
            inner,
            map: Arc::clone(&self.map),
        }
    }
}

/// The service a [`PrivacyLayer`] wraps around another: it decides each
/// request and calls the inner service only on an allow.
///
/// It is made by the layer; with tower's `ServiceBuilder`, axum's
/// `Router::route_layer` or `MethodRouter::layer` you do not name it.
///
/// ```
/// use std::convert::Infallible;
///
/// use http::request::Parts;
/// use http::{Request as HttpRequest, Response, StatusCode};
/// use tower::{service_fn, Layer, ServiceExt};
/// use vianet_privacy::{Action, DataElement, Location, OnlineService, Party, Purpose, Request};
/// use vianet_privacy_tower::{PrivacyLayer, PrivacyService};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Infallible> {
/// // The security code of a payment instrument is never retained.
/// let layer = PrivacyLayer::new(|_: &Parts| {
///     Ok::<_, Infallible>(Request::new(
///         OnlineService::Azure,
///         Party::Operator,
///         Action::Retain,
///         DataElement::SecurityCode,
///         Purpose::FutureTransactions,
///         Location::MainlandChina,
///     ))
/// });
/// let inner = service_fn(|_: HttpRequest<()>| async { Ok::<_, Infallible>(Response::new(String::from("stored"))) });
/// let service: PrivacyService<_, _> = layer.layer(inner);
/// let response = service.oneshot(HttpRequest::new(())).await?;
/// assert_eq!(response.status(), StatusCode::FORBIDDEN);
/// assert!(response.body().contains("payment_security_code_not_retained"));
/// # Ok(())
/// # }
/// ```
pub struct PrivacyService<S, F> {
    inner: S,
    map: Arc<F>,
}

impl<S: Clone, F> Clone for PrivacyService<S, F> {
    fn clone(&self) -> Self {
        PrivacyService {
            inner: self.inner.clone(),
            map: Arc::clone(&self.map),
        }
    }
}

impl<S: fmt::Debug, F> fmt::Debug for PrivacyService<S, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivacyService")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<S, F, E, ReqBody, ResBody> Service<http::Request<ReqBody>> for PrivacyService<S, F>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    F: Fn(&Parts) -> Result<Request, E>,
    E: fmt::Display,
    ResBody: From<String>,
{
    type Response = http::Response<ResBody>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, ResBody>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let (mut parts, body) = request.into_parts();
        let answer = match (self.map)(&parts) {
            Err(err) => body::unmapped(err.to_string()),
            Ok(privacy) => match decide(&privacy) {
                Ok(Decision::Allow(allow)) => {
                    parts.extensions.insert(allow);
                    parts.extensions.insert(privacy);
                    let future = self.inner.call(http::Request::from_parts(parts, body));
                    return ResponseFuture {
                        state: State::Called { future },
                    };
                }
                Ok(deny @ Decision::Deny(_)) => body::denied(deny, preferred_language(&parts.headers)),
                Err(err) => body::undecidable(err),
            },
        };
        ResponseFuture {
            state: State::Answered {
                response: Some(answer.map(ResBody::from)),
            },
        }
    }
}

pin_project! {
    /// The response future of a [`PrivacyService`]: the inner service's
    /// response on an allow, the layer's own answer otherwise.
    ///
    /// It is what `call` returns; you await it rather than name it.
    ///
    /// ```
    /// use std::convert::Infallible;
    ///
    /// use http::request::Parts;
    /// use http::{Request as HttpRequest, Response, StatusCode};
    /// use tower::{service_fn, Layer, Service};
    /// use vianet_privacy::{Action, DataElement, Location, OnlineService, Party, Purpose, Request};
    /// use vianet_privacy_tower::{PrivacyLayer, ResponseFuture};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Infallible> {
    /// let layer = PrivacyLayer::new(|_: &Parts| {
    ///     Ok::<_, Infallible>(Request::new(
    ///         OnlineService::Azure,
    ///         Party::Operator,
    ///         Action::Use,
    ///         DataElement::CustomerContent,
    ///         Purpose::ProvideService,
    ///         Location::MainlandChina,
    ///     ))
    /// });
    /// let mut service = layer.layer(service_fn(|_: HttpRequest<()>| async {
    ///     Ok::<_, Infallible>(Response::new(String::from("served")))
    /// }));
    /// std::future::poll_fn(|cx| service.poll_ready(cx)).await?;
    /// let future: ResponseFuture<_, String> = service.call(HttpRequest::new(()));
    /// let response = future.await?;
    /// assert_eq!((response.status(), response.body().as_str()), (StatusCode::OK, "served"));
    /// # Ok(())
    /// # }
    /// ```
    pub struct ResponseFuture<Fut, B> {
        #[pin]
        state: State<Fut, B>,
    }
}

pin_project! {
    #[project = StateProjection]
    enum State<Fut, B> {
        // On an allow: the inner service's future.
        Called { #[pin] future: Fut },
        // Otherwise: the layer's answer, taken when first polled.
        Answered { response: Option<http::Response<B>> },
    }
}

impl<Fut, B, E> Future for ResponseFuture<Fut, B>
where
    Fut: Future<Output = Result<http::Response<B>, E>>,
{
    type Output = Result<http::Response<B>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project().state.project() {
            StateProjection::Called { future } => future.poll(cx),
            StateProjection::Answered { response } => match response.take() {
                Some(response) => Poll::Ready(Ok(response)),
                // Polled again after it completed, which a caller must not
                // do: stay pending rather than panic.
                None => Poll::Pending,
            },
        }
    }
}

impl<Fut, B> fmt::Debug for ResponseFuture<Fut, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}
