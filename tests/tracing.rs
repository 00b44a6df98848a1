//! With the `tracing` feature, every decision is one event that a service's
//! subscriber receives, with the audit record's fields under their wire
//! names, at a level that says what happened: `DEBUG` for an allow, `INFO`
//! for a deny, `WARN` for a request that is an error.
//!
//! The subscriber here is a minimal one written for the test: it records
//! each event's target, level and fields as text.
#![cfg(feature = "tracing")]

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use chrono::DateTime;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};
use vianet_privacy::{
    decide, Account, Action, Authorization, DataElement, Location, OnlineService, Party, Purpose, Request,
    TRACING_TARGET,
};

#[derive(Debug, Clone)]
struct Seen {
    target: String,
    level: Level,
    fields: BTreeMap<String, String>,
}

#[derive(Default, Clone)]
struct Recorder {
    events: Arc<Mutex<Vec<Seen>>>,
    /// The most verbose level the recorder wants.
    max: Option<Level>,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        self.max.map_or(true, |max| *metadata.level() <= max)
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let seen = Seen {
            target: event.metadata().target().to_owned(),
            level: *event.metadata().level(),
            fields,
        };
        if let Ok(mut events) = self.events.lock() {
            events.push(seen);
        }
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// The events `f` emits under a recorder that wants levels up to `max`.
fn events_during(max: Option<Level>, f: impl FnOnce()) -> Vec<Seen> {
    let recorder = Recorder {
        max,
        ..Recorder::default()
    };
    let events = Arc::clone(&recorder.events);
    tracing::subscriber::with_default(recorder, f);
    let events = events.lock().map(|events| events.clone()).unwrap_or_default();
    events
}

fn overseas_support() -> Request {
    Request::new(
        OnlineService::Office365,
        Party::Supplier,
        Action::Access,
        DataElement::SupportContactInfo,
        Purpose::ResolveSupportIssue,
        Location::Taiwan,
    )
}

#[test]
fn a_deny_is_one_info_event_with_its_clause_kind_reason_and_what_is_missing() {
    let request = overseas_support();
    let decision = decide(&request).unwrap();
    let events = events_during(None, || {
        decide(&request).unwrap();
    });
    assert_eq!(events.len(), 1, "{events:#?}");
    let event = &events[0];
    assert_eq!(event.target, TRACING_TARGET);
    assert_eq!(event.target, "vianet_privacy::decision");
    assert_eq!(event.level, Level::INFO);
    let f = &event.fields;
    assert_eq!(f["effect"], "deny");
    assert_eq!(f["service"], "office_365");
    assert_eq!(f["party"], "supplier");
    assert_eq!(f["action"], "access");
    assert_eq!(f["data"], "support_contact_info");
    assert_eq!(f["purpose"], "resolve_support_issue");
    assert_eq!(f["location"], "taiwan");
    assert_eq!(f["clause"], decision.clause().as_str());
    assert_eq!(f["kind"], "needs_authorization");
    assert_eq!(f["reason"], decision.reason().unwrap().as_str());
    assert!(f["missing"].contains("prior_consent_after_explanation"), "{f:?}");
    assert_eq!(f["statement_version"], "2020-12-01");
    assert!(!f.contains_key("obligations"));
}

#[test]
fn an_allow_is_one_debug_event_with_its_obligations() {
    let request = overseas_support().with_authorization(Authorization::PriorConsentAfterExplanation);
    let decision = decide(&request).unwrap();
    assert!(decision.is_allowed());
    let events = events_during(None, || {
        decide(&request).unwrap();
    });
    assert_eq!(events.len(), 1, "{events:#?}");
    let f = &events[0].fields;
    assert_eq!(events[0].level, Level::DEBUG);
    assert_eq!(f["effect"], "allow");
    assert_eq!(f["clause"], decision.clause().as_str());
    assert_eq!(f["authorizations"], "prior_consent_after_explanation");
    for obligation in decision.obligations().iter() {
        assert!(
            f["obligations"].contains(obligation.as_str()),
            "{obligation} missing from {f:?}"
        );
    }
    assert!(!decision.obligations().is_empty());
    assert!(!f.contains_key("kind") && !f.contains_key("reason"));
}

#[test]
fn a_request_that_is_an_error_is_a_warning_naming_the_error() {
    let at = DateTime::parse_from_rfc3339("2024-03-01T09:30:00+08:00").unwrap();
    let later = DateTime::parse_from_rfc3339("2025-03-01T09:30:00+08:00").unwrap();
    let mut request = overseas_support();
    request.at = Some(at);
    // An account closed after the request was made: contradictory times.
    request.account = Some(Account::Closed {
        closed_at: later,
        retention_expires: later,
    });
    let error = decide(&request).unwrap_err();
    let events = events_during(None, || {
        let _ = decide(&request);
    });
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].level, Level::WARN);
    assert_eq!(events[0].fields["effect"], "error");
    assert_eq!(events[0].fields["error"], error.to_string());
}

#[test]
fn a_service_that_logs_at_info_sees_the_denies_and_not_the_allows() {
    let deny = overseas_support();
    let allow = deny.with_authorization(Authorization::PriorConsentAfterExplanation);
    let events = events_during(Some(Level::INFO), || {
        for _ in 0..3 {
            decide(&allow).unwrap();
            decide(&deny).unwrap();
        }
    });
    assert_eq!(events.len(), 3, "{events:#?}");
    assert!(events.iter().all(|event| event.fields["effect"] == "deny"));
}
