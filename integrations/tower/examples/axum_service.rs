//! A support desk behind the privacy layer: an axum service whose routes
//! touch a support ticket's contact details, each guarded by a
//! `PrivacyLayer` with the mapping function that says what the route does
//! with personal data.
//!
//! ```text
//! cargo run -p vianet-privacy-tower --features axum --example axum_service
//! ```
//!
//! then, from another terminal (the company's gateway would set the
//! `x-agent-*` headers after signing the agent in):
//!
//! ```text
//! # an engineer in Shanghai reads a ticket's contact details: allowed
//! curl -i localhost:3000/tickets/1/contact -H 'x-agent-party: operator' -H 'x-agent-location: mainland_china'
//! # a supplier's engineer in Taiwan, on a ticket without the customer's consent: 403, in Chinese
//! curl -i localhost:3000/tickets/1/contact -H 'x-agent-party: supplier' -H 'x-agent-location: taiwan' \
//!      -H 'accept-language: zh-CN,zh;q=0.9,en;q=0.8'
//! # the same on ticket 2, whose customer consented after support explained: allowed, with duties
//! curl -i localhost:3000/tickets/2/contact -H 'x-agent-party: supplier' -H 'x-agent-location: taiwan'
//! # a questionnaire about ticket 1, still open: 403 (only after the support experience is over)
//! curl -i -X POST localhost:3000/tickets/1/survey
//! # ticket 2 is resolved: the questionnaire goes out
//! curl -i -X POST localhost:3000/tickets/2/survey
//! # no x-agent-location: 400, the layer cannot say where the data goes
//! curl -i localhost:3000/tickets/1/contact -H 'x-agent-party: operator'
//! ```
//!
//! `PORT` chooses another port than 3000. The service listens on
//! 127.0.0.1 only.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::json;
use vianet_privacy::{
    Action, Authorization, DataElement, Language, Location, Objection, Obligation, OnlineService, Party, Purpose,
    Request,
};
use vianet_privacy_tower::{preferred_language, Allowed, PrivacyLayer, Unmapped};

/// What the desk knows about a ticket.
pub struct Ticket {
    /// The customer's contact details: personal data.
    pub contact: &'static str,
    /// Whether support explained the relevant information to the customer
    /// and obtained their prior consent to access from overseas.
    pub consented_to_overseas_access: bool,
    /// Whether the support experience is over.
    pub resolved: bool,
    /// Whether the customer unsubscribed from support questionnaires.
    pub survey_unsubscribed: bool,
}

/// The tickets, by number. A real desk would keep them in a database; the
/// mapping functions read them too, so they are shared.
pub type Tickets = Arc<HashMap<u64, Ticket>>;

/// Three tickets: open without consent, resolved with consent, resolved
/// but unsubscribed from questionnaires.
pub fn sample_tickets() -> Tickets {
    Arc::new(HashMap::from([
        (
            1,
            Ticket {
                contact: "Li Wei <li.wei@example.cn>, +86 10 5555 0101",
                consented_to_overseas_access: false,
                resolved: false,
                survey_unsubscribed: false,
            },
        ),
        (
            2,
            Ticket {
                contact: "Zhang Min <zhang.min@example.cn>, +86 21 5555 0202",
                consented_to_overseas_access: true,
                resolved: true,
                survey_unsubscribed: false,
            },
        ),
        (
            3,
            Ticket {
                contact: "Wang Fang <wang.fang@example.cn>, +86 755 5555 0303",
                consented_to_overseas_access: false,
                resolved: true,
                survey_unsubscribed: true,
            },
        ),
    ]))
}

/// The service: two routes that touch personal data, each behind the
/// layer with its own mapping function, and one that does not.
pub fn app(tickets: Tickets) -> Router {
    Router::new()
        .route(
            "/tickets/{id}/contact",
            get(read_contact).route_layer(PrivacyLayer::new(contact_access(tickets.clone()))),
        )
        .route(
            "/tickets/{id}/survey",
            post(send_survey).route_layer(PrivacyLayer::new(survey_contact(tickets.clone()))),
        )
        // Touches no personal data: no layer.
        .route("/health", get(|| async { "ok" }))
        .with_state(tickets)
}

// The mapping functions: what each route does with personal data.

/// `GET /tickets/{id}/contact`: the signed-in agent (who, and where) reads
/// the ticket's contact details to resolve the issue. The customer's
/// consent, when support obtained it, is on the ticket.
fn contact_access(tickets: Tickets) -> impl Fn(&Parts) -> Result<Request, Unmapped> {
    move |parts: &Parts| {
        let (party, location) = agent(parts)?;
        let mut request = Request::new(
            OnlineService::Azure,
            party,
            Action::Access,
            DataElement::SupportContactInfo,
            Purpose::ResolveSupportIssue,
            location,
        )
        .at(Utc::now().fixed_offset());
        // An unknown ticket has no consent: decided as such, so a deny does
        // not reveal whether the ticket exists; the handler answers 404.
        if tickets
            .get(&ticket_id(parts)?)
            .is_some_and(|ticket| ticket.consented_to_overseas_access)
        {
            request = request.with_authorization(Authorization::PriorConsentAfterExplanation);
        }
        Ok(request)
    }
}

/// `POST /tickets/{id}/survey`: 21Vianet contacts the customer with a
/// questionnaire about the support experience.
fn survey_contact(tickets: Tickets) -> impl Fn(&Parts) -> Result<Request, Unmapped> {
    move |parts: &Parts| {
        let mut request = Request::new(
            OnlineService::Azure,
            Party::Operator,
            Action::Contact,
            DataElement::SupportContactInfo,
            Purpose::SupportSurvey,
            Location::MainlandChina,
        )
        .at(Utc::now().fixed_offset());
        if let Some(ticket) = tickets.get(&ticket_id(parts)?) {
            if ticket.resolved {
                request = request.with_authorization(Authorization::SupportExperienceOver);
            }
            if ticket.survey_unsubscribed {
                request = request.with_objection(Objection::SurveyUnsubscribed);
            }
        }
        Ok(request)
    }
}

/// The agent, as the gateway identified them: `x-agent-party` (the
/// library's names: `operator`, `supplier`, …) and `x-agent-location`
/// (`mainland_china`, `taiwan`, `united_states`, …). Without them the layer
/// cannot say who receives the data, or where: a 400, never a guess.
fn agent(parts: &Parts) -> Result<(Party, Location), Unmapped> {
    let party = header(parts, "x-agent-party")?
        .parse()
        .map_err(|err| Unmapped::new(format!("x-agent-party: {err}")))?;
    let location = header(parts, "x-agent-location")?
        .parse()
        .map_err(|err| Unmapped::new(format!("x-agent-location: {err}")))?;
    Ok((party, location))
}

fn header<'a>(parts: &'a Parts, name: &'static str) -> Result<&'a str, Unmapped> {
    let value = parts
        .headers
        .get(name)
        .ok_or_else(|| Unmapped::new(format!("the {name} header is required")))?;
    value
        .to_str()
        .map_err(|_| Unmapped::new(format!("the {name} header is not text")))
}

/// The ticket number of `/tickets/{id}/…`. The layer runs before axum's
/// `Path` extractor, so the mapping function reads the URI itself.
fn ticket_id(parts: &Parts) -> Result<u64, Unmapped> {
    let mut segments = parts.uri.path().trim_start_matches('/').split('/');
    match (segments.next(), segments.next()) {
        (Some("tickets"), Some(id)) => id
            .parse()
            .map_err(|_| Unmapped::new(format!("`{id}` is not a ticket number"))),
        _ => Err(Unmapped::new("not a ticket route")),
    }
}

// The handlers: reached only on an allow, with its obligations.

async fn read_contact(
    State(tickets): State<Tickets>,
    Path(id): Path<u64>,
    Allowed(allow): Allowed,
    headers: HeaderMap,
) -> Response {
    let Some(ticket) = tickets.get(&id) else {
        return (StatusCode::NOT_FOUND, format!("no ticket {id}")).into_response();
    };
    // Honour the duties: access ends when the issue is resolved…
    if allow.obligations.contains(Obligation::EndAccessWhenResolved) && ticket.resolved {
        return (StatusCode::GONE, "the issue is resolved: access has ended").into_response();
    }
    // …the recipient keeps the data confidential: no copies in caches…
    let cache = if allow.obligations.contains(Obligation::KeepConfidential) {
        "no-store"
    } else {
        "private, no-cache"
    };
    // …and the agent sees every duty, in their language, beside the data.
    let language = preferred_language(&headers);
    let duties: Vec<&str> = allow.obligations.iter().map(|duty| duty.label(language)).collect();
    let body = Json(json!({
        "ticket": id,
        "contact": ticket.contact,
        "clause": allow.clause.as_str(),
        "obligations": allow.obligations,
        "duties": duties,
        "language": language,
    }));
    ([(CACHE_CONTROL, cache)], body).into_response()
}

async fn send_survey(State(tickets): State<Tickets>, Path(id): Path<u64>, Allowed(allow): Allowed) -> Response {
    let Some(ticket) = tickets.get(&id) else {
        return (StatusCode::NOT_FOUND, format!("no ticket {id}")).into_response();
    };
    // A real desk would send the questionnaire here, with an unsubscribe
    // link when the allow asks for one.
    let unsubscribe_link = allow.obligations.contains(Obligation::OfferSurveyUnsubscribe);
    let body = Json(json!({
        "ticket": id,
        "sent_to": ticket.contact,
        "unsubscribe_link": unsubscribe_link,
        "clause": allow.clause.as_str(),
        "note": allow.clause.label(Language::En),
    }));
    (StatusCode::ACCEPTED, body).into_response()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse()?,
        Err(_) => 3000,
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("support desk on http://{}", listener.local_addr()?);
    println!("try: curl -i localhost:{port}/tickets/1/contact -H 'x-agent-party: supplier' -H 'x-agent-location: taiwan' -H 'accept-language: zh-CN'");
    axum::serve(listener, app(sample_tickets())).await?;
    Ok(())
}
