//! The routes and their handlers.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use bytes::Bytes;
use chrono::{DateTime, FixedOffset, Utc};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Serialize;
use vianet_privacy::statement::changes::{ChangeNotice, NoticeChannel, StatementChange};
use vianet_privacy::statement::managing::{RefusalGround, Requester, SubjectRequest, SubjectRequestKind};
use vianet_privacy::statement::protection::{incident_obligations, IncidentKind, IncidentKindSet};
use vianet_privacy::wire::{self, WireErrorKind};
use vianet_privacy::{
    Authorization, ComplianceRequest, Decision, ObligationSet, Request as PolicyRequest, StatementVersion,
    CHINA_STANDARD_TIME,
};

use crate::error::{ApiError, ErrorKind};
use crate::log::{DecisionLog, LogFailure};
use crate::metrics::{Endpoint, Metrics};
use crate::read::{self, Object};
use crate::{Config, Limits};

/// What every handler shares.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) limits: Limits,
    pub(crate) decisions: DecisionLog,
    pub(crate) records: DecisionLog,
    pub(crate) metrics: Metrics,
    ids: Ids,
    labels: BTreeMap<String, String>,
    clauses: Bytes,
    vocabulary: Bytes,
}

impl AppState {
    pub(crate) fn new(
        config: &Config,
        decisions: DecisionLog,
        records: DecisionLog,
    ) -> Result<AppState, crate::ServerError> {
        let metrics = Metrics::new(vec![("decisions", decisions.clone()), ("records", records.clone())]);
        Ok(AppState {
            limits: config.limits,
            decisions,
            records,
            metrics,
            ids: Ids::new(),
            labels: config.labels.clone(),
            clauses: Bytes::from(crate::catalog::clauses().map_err(crate::ServerError::Catalog)?),
            vocabulary: Bytes::from(crate::catalog::vocabulary().map_err(crate::ServerError::Catalog)?),
        })
    }
}

/// Decision identifiers: this run's prefix (from the start time and the
/// process id, so that two runs do not share ids) and a counter.
#[derive(Debug)]
struct Ids {
    prefix: String,
    next: AtomicU64,
}

impl Ids {
    fn new() -> Ids {
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default().unsigned_abs();
        let mixed = (nanos ^ (u64::from(std::process::id()) << 40)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Ids {
            prefix: format!("{:08x}", mixed >> 32),
            next: AtomicU64::new(1),
        }
    }

    /// `count` consecutive identifiers; the first one's number.
    fn reserve(&self, count: usize) -> u64 {
        self.next.fetch_add(count as u64, Ordering::Relaxed)
    }

    fn id(&self, number: u64) -> String {
        format!("{}-{number}", self.prefix)
    }
}

/// The routes (see the crate's documentation).
pub(crate) fn routes(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/v1/decide", post(decide))
        .route("/v1/compliance", post(compliance))
        .route("/v1/subject-requests", post(subject_request))
        .route("/v1/subject-requests/refusals", post(refusal))
        .route("/v1/statement-changes", post(statement_change))
        .route("/v1/incidents", post(incident))
        .route("/v1/clauses", get(clauses))
        .route("/v1/vocabulary", get(vocabulary))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/", get(crate::playground::page))
        .route("/playground.js", get(crate::playground::script))
        .route("/playground.css", get(crate::playground::style))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&state), track))
        .with_state(state)
}

/// Times every answer and counts the errors, by kind.
async fn track(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let endpoint = Endpoint::of_path(request.uri().path());
    let started = Instant::now();
    let response = next.run(request).await;
    state.metrics.latency(endpoint, started.elapsed());
    if let Some(kind) = response.extensions().get::<ErrorKind>() {
        state.metrics.error(*kind);
    }
    response
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    ApiError::new(
        ErrorKind::Internal,
        "the service failed to answer this request (a bug); nothing was decided",
    )
    .into_response()
}

async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        ErrorKind::NotFound,
        format!(
            "no route {} {}; the routes: POST /v1/decide, /v1/compliance, /v1/subject-requests, \
             /v1/subject-requests/refusals, /v1/statement-changes, /v1/incidents; GET /v1/clauses, \
             /v1/vocabulary, /healthz, /metrics, /",
            request.method(),
            request.uri().path()
        ),
    )
}

async fn method_not_allowed(method: Method, request: Request) -> Response {
    let path = request.uri().path();
    let allowed = match Endpoint::of_path(path) {
        Endpoint::Clauses
        | Endpoint::Vocabulary
        | Endpoint::Healthz
        | Endpoint::Metrics
        | Endpoint::Playground
        | Endpoint::Other => "GET",
        _ => "POST",
    };
    let mut response = ApiError::new(
        ErrorKind::MethodNotAllowed,
        format!("{path} does not take {method}; it takes {allowed}"),
    )
    .expecting(&[allowed])
    .into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allowed));
    response
}

/// Reads the body within the size and time limits.
async fn read_body(limits: &Limits, request: Request) -> Result<Bytes, ApiError> {
    let too_large = || {
        ApiError::new(
            ErrorKind::BodyTooLarge,
            format!("the body is larger than {} bytes, the limit", limits.max_body_bytes),
        )
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limits.max_body_bytes as u64) {
        return Err(too_large());
    }
    let body = Limited::new(request.into_body(), limits.max_body_bytes);
    match tokio::time::timeout(limits.body_timeout, body.collect()).await {
        Err(_) => Err(ApiError::new(
            ErrorKind::BodyTimeout,
            format!("the body did not arrive within {:?}", limits.body_timeout),
        )),
        Ok(Err(err)) if err.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Ok(Err(err)) => Err(ApiError::new(
            ErrorKind::BodyRead,
            format!("the body could not be read: {err}"),
        )),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// The time decisions are recorded at, in China Standard Time.
fn now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&CHINA_STANDARD_TIME)
}

fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

fn log_failed(err: &LogFailure) -> ApiError {
    ApiError::new(
        ErrorKind::DecisionLogFailed,
        format!("{err}; the decision is not given because it could not be logged"),
    )
}

fn serialize_into<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), ApiError> {
    serde_json::to_writer(out, value)
        .map_err(|err| ApiError::new(ErrorKind::Internal, format!("the answer could not be written: {err}")))
}

/// Writes `{"decision_id":…,"decision":…}` for each decision, as one object
/// or, for a batch, as `{"decisions":[…]}`.
fn decisions_body(ids: &Ids, first: u64, decisions: &[Decision], batch: bool) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::with_capacity(64 + decisions.len() * 200);
    if batch {
        out.extend_from_slice(b"{\"decisions\":[");
    }
    for (position, decision) in decisions.iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"decision_id\":");
        serialize_into(&mut out, &ids.id(first + position as u64))?;
        out.extend_from_slice(b",\"decision\":");
        serialize_into(&mut out, decision)?;
        out.push(b'}');
    }
    if batch {
        out.extend_from_slice(b"]}");
    }
    Ok(out)
}

/// `POST /v1/decide`: one request, or an array of them.
async fn decide(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    let body = read_body(&state.limits, request).await?;
    let batch = read::is_batch(&body);
    let requests: Vec<PolicyRequest> = if batch {
        read::batch(&body, state.limits.max_batch, |item| wire::parse_request(item))?
    } else {
        vec![wire::parse_request(&body)?]
    };
    let decisions = requests
        .iter()
        .enumerate()
        .map(|(item, request)| {
            vianet_privacy::decide(request).map_err(|err| match batch {
                true => ApiError::from(err).in_batch(item, 0, b""),
                false => ApiError::from(err),
            })
        })
        .collect::<Result<Vec<Decision>, ApiError>>()?;

    let first = state.ids.reserve(decisions.len());
    let mut log = Vec::with_capacity(decisions.len() * 512);
    let mut body = Vec::with_capacity(64 + decisions.len() * 200);
    crate::lines::write_decisions(
        now(),
        &state.labels,
        &state.ids.prefix,
        first,
        &requests,
        &decisions,
        batch,
        &mut log,
        &mut body,
    )
    .map_err(|err| ApiError::new(ErrorKind::Internal, format!("the log line could not be written: {err}")))?;
    state
        .decisions
        .write(log, decisions.len() as u64, state.limits.log_timeout)
        .await
        .map_err(|err| log_failed(&err))?;
    for decision in &decisions {
        state.metrics.decision(Endpoint::Decide, decision);
    }
    Ok(json_response(StatusCode::OK, body))
}

/// A line of the record log: a decision (or an incident's duties) of an
/// endpoint other than `/v1/decide`, with what was asked.
#[derive(Serialize)]
struct RecordLine<'a, I: Serialize> {
    format: u32,
    at: DateTime<FixedOffset>,
    statement_version: StatementVersion,
    decision_id: &'a str,
    endpoint: &'static str,
    input: &'a I,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<&'a Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    obligations: Option<ObligationSet>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    labels: &'a BTreeMap<String, String>,
}

/// Logs the records of an endpoint and gives their first identifier.
async fn log_records<I: Serialize>(
    state: &AppState,
    endpoint: &'static str,
    records: &[(&I, Option<&Decision>, Option<ObligationSet>)],
) -> Result<u64, ApiError> {
    let at = now();
    let first = state.ids.reserve(records.len());
    let mut log = Vec::with_capacity(records.len() * 512);
    for (position, (input, decision, obligations)) in records.iter().enumerate() {
        let id = state.ids.id(first + position as u64);
        let line = RecordLine {
            format: wire::FORMAT_VERSION,
            at,
            statement_version: StatementVersion::CURRENT,
            decision_id: &id,
            endpoint,
            input: *input,
            decision: *decision,
            obligations: *obligations,
            labels: &state.labels,
        };
        serialize_into(&mut log, &line)?;
        log.push(b'\n');
    }
    state
        .records
        .write(log, records.len() as u64, state.limits.log_timeout)
        .await
        .map_err(|err| log_failed(&err))?;
    Ok(first)
}

/// `POST /v1/compliance`: one compliance request, or an array of them.
async fn compliance(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    let body = read_body(&state.limits, request).await?;
    let batch = read::is_batch(&body);
    let requests: Vec<ComplianceRequest> = if batch {
        read::batch(&body, state.limits.max_batch, |item| {
            wire::parse_compliance_request(item)
        })?
    } else {
        vec![wire::parse_compliance_request(&body)?]
    };
    let decisions = requests
        .iter()
        .enumerate()
        .map(|(item, request)| {
            request.decide().map_err(|err| match batch {
                true => ApiError::from(err).in_batch(item, 0, b""),
                false => ApiError::from(err),
            })
        })
        .collect::<Result<Vec<Decision>, ApiError>>()?;
    let records: Vec<_> = requests
        .iter()
        .zip(&decisions)
        .map(|(request, decision)| (request, Some(decision), None))
        .collect();
    let first = log_records(&state, "compliance", &records).await?;
    for decision in &decisions {
        state.metrics.decision(Endpoint::Compliance, decision);
    }
    Ok(json_response(
        StatusCode::OK,
        decisions_body(&state.ids, first, &decisions, batch)?,
    ))
}

/// Reads a data subject's request from `object`.
fn subject(object: &Object<'_>) -> Result<SubjectRequest, ApiError> {
    let requester: Requester = object.required("requester", read::name)?;
    let kind: SubjectRequestKind = object.required("kind", read::name)?;
    let mut request = SubjectRequest::new(requester, kind);
    if let Some(at) = object.optional("identity_verified_at", read::time)? {
        request = request.verified_at(at);
    }
    if let Some(days) = object.optional("statutory_limit_days", read::days)? {
        request = request.with_statutory_limit_days(days);
    }
    for authorization in object
        .optional("authorizations", read::names::<Authorization>)?
        .unwrap_or_default()
    {
        request = request.with_authorization(authorization);
    }
    Ok(request)
}

/// What `/v1/subject-requests` was asked, as logged.
#[derive(Serialize)]
struct SubjectInput {
    request: SubjectRequest,
    at: DateTime<FixedOffset>,
}

/// `POST /v1/subject-requests`: may 21Vianet reply substantively at `at`,
/// with which duties, and by when.
async fn subject_request(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    const FIELDS: &[&str] = &[
        "requester",
        "kind",
        "identity_verified_at",
        "statutory_limit_days",
        "authorizations",
        "at",
    ];
    let body = read_body(&state.limits, request).await?;
    let object = Object::root(&body, FIELDS)?;
    let input = SubjectInput {
        request: subject(&object)?,
        at: object.required("at", read::time)?,
    };
    let decision = input.request.respond(input.at)?;
    let due_date = input.request.due_date().ok();
    let deadline = input.request.deadline().ok();
    let first = log_records(&state, "subject_request", &[(&input, Some(&decision), None)]).await?;
    state.metrics.decision(Endpoint::SubjectRequest, &decision);

    #[derive(Serialize)]
    struct Answer<'a> {
        decision_id: String,
        decision: &'a Decision,
        due_date: Option<chrono::NaiveDate>,
        deadline: Option<DateTime<FixedOffset>>,
    }
    let mut out = Vec::new();
    serialize_into(
        &mut out,
        &Answer {
            decision_id: state.ids.id(first),
            decision: &decision,
            due_date,
            deadline,
        },
    )?;
    Ok(json_response(StatusCode::OK, out))
}

/// What `/v1/subject-requests/refusals` was asked, as logged.
#[derive(Serialize)]
struct RefusalInput {
    request: SubjectRequest,
    ground: RefusalGround,
}

/// `POST /v1/subject-requests/refusals`: may 21Vianet decline to respond on
/// this ground.
async fn refusal(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    const FIELDS: &[&str] = &[
        "requester",
        "kind",
        "identity_verified_at",
        "statutory_limit_days",
        "authorizations",
        "ground",
    ];
    let body = read_body(&state.limits, request).await?;
    let object = Object::root(&body, FIELDS)?;
    let input = RefusalInput {
        request: subject(&object)?,
        ground: object.required("ground", read::name)?,
    };
    let decision = input.request.refuse(input.ground);
    let first = log_records(&state, "refusal", &[(&input, Some(&decision), None)]).await?;
    state.metrics.decision(Endpoint::Refusal, &decision);

    #[derive(Serialize)]
    struct Answer<'a> {
        decision_id: String,
        decision: &'a Decision,
        texts: Vec<&'static str>,
    }
    let mut out = Vec::new();
    serialize_into(
        &mut out,
        &Answer {
            decision_id: state.ids.id(first),
            decision: &decision,
            texts: input.ground.texts().iter().map(|language| language.as_str()).collect(),
        },
    )?;
    Ok(json_response(StatusCode::OK, out))
}

/// `POST /v1/statement-changes`: may this change take effect when it says.
async fn statement_change(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    let body = read_body(&state.limits, request).await?;
    let object = Object::root(&body, &["substantial", "takes_effect", "notice"])?;
    let substantial = object.required("substantial", read::boolean)?;
    let takes_effect = object.required("takes_effect", read::time)?;
    let mut change = if substantial {
        StatementChange::substantial(takes_effect)
    } else {
        StatementChange::minor(takes_effect)
    };
    if let Some(notice) = object.optional("notice", |raw, path| {
        let notice = Object::nested(raw, path, &["channel", "given_at"])?;
        let channel: NoticeChannel = notice.required("channel", read::name)?;
        let given_at = notice.required("given_at", read::time)?;
        Ok(ChangeNotice { channel, given_at })
    })? {
        change = change.with_notice(notice);
    }
    let decision = change.check()?;
    let first = log_records(&state, "statement_change", &[(&change, Some(&decision), None)]).await?;
    state.metrics.decision(Endpoint::StatementChange, &decision);
    Ok(json_response(
        StatusCode::OK,
        decisions_body(&state.ids, first, &[decision], false)?,
    ))
}

/// `POST /v1/incidents`: the duties an incident brings.
async fn incident(State(state): State<Arc<AppState>>, request: Request) -> Result<Response, ApiError> {
    let body = read_body(&state.limits, request).await?;
    let object = Object::root(&body, &["kinds"])?;
    let kinds: Vec<IncidentKind> = object.required("kinds", read::names::<IncidentKind>)?;
    if kinds.is_empty() {
        return Err(ApiError::new(
            ErrorKind::Wire(WireErrorKind::InvalidValue),
            "`kinds` is empty: name the kind of the incident (personal_data_security, cyber_security, or both)",
        )
        .at_path("kinds")
        .expecting(&IncidentKind::ALL.iter().map(|kind| kind.as_str()).collect::<Vec<_>>()));
    }
    let kinds: IncidentKindSet = kinds.into_iter().collect();
    let obligations = kinds.iter().fold(ObligationSet::EMPTY, |duties, kind| {
        duties.union(incident_obligations(kind))
    });
    let first = log_records(&state, "incident", &[(&kinds, None, Some(obligations))]).await?;

    #[derive(Serialize)]
    struct Answer {
        decision_id: String,
        kinds: IncidentKindSet,
        obligations: ObligationSet,
        clauses: Vec<&'static str>,
    }
    let mut clauses: Vec<&'static str> = obligations.iter().map(|duty| duty.clause().as_str()).collect();
    clauses.dedup();
    let mut out = Vec::new();
    serialize_into(
        &mut out,
        &Answer {
            decision_id: state.ids.id(first),
            kinds,
            obligations,
            clauses,
        },
    )?;
    Ok(json_response(StatusCode::OK, out))
}

/// `GET /v1/clauses`.
async fn clauses(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, state.clauses.to_vec())
}

/// `GET /v1/vocabulary`.
async fn vocabulary(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, state.vocabulary.to_vec())
}

/// `GET /healthz`: `200` while both logs write, else `503`.
async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let status = |log: &DecisionLog| if log.health().is_failing() { "failing" } else { "ok" };
    let failing = state.decisions.health().is_failing() || state.records.health().is_failing();
    let body = serde_json::json!({
        "status": if failing { "failing" } else { "ok" },
        "statement_version": StatementVersion::CURRENT.as_str(),
        "decision_log": status(&state.decisions),
        "record_log": status(&state.records),
    });
    let code = if failing {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    json_response(code, body.to_string().into_bytes())
}

/// `GET /metrics`.
async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    match state.metrics.encode() {
        Ok(text) => {
            let mut response = (StatusCode::OK, Body::from(text)).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(crate::metrics::CONTENT_TYPE),
            );
            response
        }
        Err(_) => ApiError::new(ErrorKind::Internal, "the metrics could not be written").into_response(),
    }
}
