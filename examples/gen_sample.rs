//! `gen_sample`: writes the sample processing log that `audit` reads by
//! default (`examples/data/sample-events.jsonl`).
//!
//! ```text
//! cargo run --example gen_sample > examples/data/sample-events.jsonl
//! ```
//!
//! Deterministic (a fixed seed, no clock): the same program writes the same
//! bytes, and `tests/examples.rs` checks that the committed file is exactly
//! what it writes. The mix is meant to look like a month of a real
//! service's log: mostly routine processing that the statement allows, some
//! denials of every kind (forbidden, not permitted, needing an
//! authorization), and a few lines that cannot be read or decided.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;
use vianet_privacy::{
    Action as A, Authorization as Au, DataElement as D, Location as L, Objection as O, OnlineService, Party as P,
    Purpose as Pu, Request,
};

/// How many events the sample holds (malformed lines included).
const EVENTS: usize = 400;

/// One line of the log: when it happened and what was asked.
#[derive(Serialize)]
struct Event {
    at: DateTime<FixedOffset>,
    request: Request,
}

/// A small xorshift generator: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A kind of event, how often it happens (out of the total weight), and
/// the request without its service.
struct Scenario {
    weight: u64,
    party: P,
    action: A,
    data: D,
    purpose: Pu,
    location: L,
    authorizations: &'static [Au],
    objections: &'static [O],
}

const fn s(weight: u64, party: P, action: A, data: D, purpose: Pu, location: L) -> Scenario {
    Scenario {
        weight,
        party,
        action,
        data,
        purpose,
        location,
        authorizations: &[],
        objections: &[],
    }
}

const fn with(mut scenario: Scenario, authorizations: &'static [Au], objections: &'static [O]) -> Scenario {
    scenario.authorizations = authorizations;
    scenario.objections = objections;
    scenario
}

const CN: L = L::MainlandChina;

/// The mix. Routine processing first, then the mistakes a real log holds.
const SCENARIOS: &[Scenario] = &[
    // Routine: providing the services with Customer Data, in China.
    s(40, P::Operator, A::Use, D::CustomerContent, Pu::ProvideService, CN),
    s(25, P::Operator, A::Store, D::CustomerContent, Pu::ProvideService, CN),
    s(10, P::Operator, A::Use, D::HostedApplication, Pu::ThreatProtection, CN),
    s(10, P::Operator, A::Use, D::CustomerContent, Pu::Troubleshooting, CN),
    // Supervised overseas troubleshooting.
    s(
        8,
        P::Supplier,
        A::Access,
        D::CustomerContent,
        Pu::Troubleshooting,
        L::UnitedStates,
    ),
    // Administrator Data.
    s(
        20,
        P::Operator,
        A::Use,
        D::AdministratorEmail,
        Pu::AdministerAccount,
        CN,
    ),
    s(
        12,
        P::Operator,
        A::Contact,
        D::AdministratorEmail,
        Pu::ServiceCommunication,
        CN,
    ),
    with(
        s(6, P::Operator, A::Contact, D::AdministratorPhone, Pu::OtherOffers, CN),
        &[Au::ContactPreferences],
        &[],
    ),
    // Payment Data.
    s(
        15,
        P::Operator,
        A::Use,
        D::PaymentInstrumentNumber,
        Pu::CompleteTransaction,
        CN,
    ),
    with(
        s(
            8,
            P::Operator,
            A::Store,
            D::PaymentInstrumentNumber,
            Pu::FutureTransactions,
            CN,
        ),
        &[Au::AuthenticatedPaymentData],
        &[],
    ),
    s(6, P::Operator, A::Use, D::TransactionRecord, Pu::FraudPrevention, CN),
    // Real-name authentication.
    s(5, P::Operator, A::Use, D::BusinessLicense, Pu::RealNameVerification, CN),
    // Support.
    s(
        15,
        P::Operator,
        A::Use,
        D::SupportContactInfo,
        Pu::ResolveSupportIssue,
        CN,
    ),
    s(5, P::Operator, A::Record, D::SupportRecording, Pu::Training, CN),
    with(
        s(
            5,
            P::Operator,
            A::RemoteControl,
            D::DeviceDiagnostics,
            Pu::ResolveSupportIssue,
            CN,
        ),
        &[Au::RemoteAccessPermission],
        &[],
    ),
    with(
        s(
            4,
            P::Supplier,
            A::Access,
            D::SupportContactInfo,
            Pu::ResolveSupportIssue,
            L::Taiwan,
        ),
        &[Au::PriorConsentAfterExplanation],
        &[],
    ),
    // Cookies and local software.
    s(12, P::Operator, A::Collect, D::CookieData, Pu::Authentication, CN),
    s(
        6,
        P::Operator,
        A::Collect,
        D::AgentDiagnosticData,
        Pu::ImproveService,
        CN,
    ),
    // Denied: forbidden outright.
    s(3, P::Operator, A::Retain, D::SecurityCode, Pu::FutureTransactions, CN),
    s(
        2,
        P::Operator,
        A::Store,
        D::CustomerContent,
        Pu::ProvideService,
        L::UnitedStates,
    ),
    // Denied: not permitted.
    s(3, P::Operator, A::Use, D::CustomerContent, Pu::Advertising, CN),
    s(2, P::ThirdParty, A::Share, D::AdministratorEmail, Pu::SaleOfData, CN),
    s(
        2,
        P::Operator,
        A::Use,
        D::PaymentInstrumentNumber,
        Pu::PromotionalCommunications,
        CN,
    ),
    // Denied: needs an authorization the request lacks.
    s(
        3,
        P::Supplier,
        A::Access,
        D::SupportContactInfo,
        Pu::ResolveSupportIssue,
        L::HongKong,
    ),
    s(3, P::Operator, A::Contact, D::AdministratorEmail, Pu::OtherOffers, CN),
    s(
        2,
        P::Operator,
        A::RemoteControl,
        D::DeviceDiagnostics,
        Pu::ResolveSupportIssue,
        CN,
    ),
    // Denied: the customer said no.
    with(
        s(2, P::Operator, A::Collect, D::CookieData, Pu::SiteAnalytics, CN),
        &[],
        &[O::CookiesRefused],
    ),
    with(
        s(2, P::Operator, A::Contact, D::SupportContactInfo, Pu::SupportSurvey, CN),
        &[Au::SupportExperienceOver],
        &[O::SurveyUnsubscribed],
    ),
];

/// Lines a log really holds: hand edits, old producers, truncation.
const MALFORMED: &[&str] = &[
    // A field the format does not define.
    r#"{"at":"2024-03-04T10:15:00+08:00","request":{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china","priority":"high"}}"#,
    // A party that is not in the vocabulary.
    r#"{"at":"2024-03-07T14:02:11+08:00","request":{"service":"office_365","party":"regulator","action":"access","data":"administrator_email","purpose":"legal_compliance","location":"mainland_china"}}"#,
    // The purpose is missing.
    r#"{"at":"2024-03-11T08:45:30+08:00","request":{"service":"azure","party":"operator","action":"use","data":"payment_instrument_number","location":"mainland_china"}}"#,
    // Truncated by a crash mid-write.
    r#"{"at":"2024-03-14T23:59:58+08:00","request":{"service":"dynamics_365","party":"operator","act"#,
    // The same authorization twice.
    r#"{"at":"2024-03-18T11:20:00+08:00","request":{"service":"azure","party":"supplier","action":"access","data":"support_contact_info","purpose":"resolve_support_issue","location":"taiwan","authorizations":["prior_consent_after_explanation","prior_consent_after_explanation"]}}"#,
    // Replayed from before the statement took effect.
    r#"{"at":"2024-03-21T16:40:00+08:00","request":{"service":"intune","party":"operator","action":"use","data":"administrator_email","purpose":"administer_account","location":"mainland_china","at":"2019-06-01T09:00:00+08:00"}}"#,
    // A time that is not RFC 3339.
    r#"{"at":"21/03/2024 17:00","request":{"service":"azure","party":"operator","action":"use","data":"customer_content","purpose":"provide_service","location":"mainland_china"}}"#,
];

fn main() {
    let services = OnlineService::ALL;
    let total_weight: u64 = SCENARIOS.iter().map(|s| s.weight).sum();
    let mut rng = Rng(0x2020_1201_21f1_a7e7);
    let start = DateTime::parse_from_rfc3339("2024-03-01T08:00:00+08:00").expect("a valid RFC 3339 time");
    let mut at = start;
    let mut malformed = MALFORMED.iter();
    for n in 0..EVENTS {
        at += Duration::seconds(30 + rng.below(5400) as i64);
        // About one line in sixty is malformed, spread through the log.
        if n % 57 == 40 {
            if let Some(line) = malformed.next() {
                println!("{line}");
                continue;
            }
        }
        let mut pick = rng.below(total_weight);
        let scenario = SCENARIOS
            .iter()
            .find(|s| {
                if pick < s.weight {
                    true
                } else {
                    pick -= s.weight;
                    false
                }
            })
            .expect("the weights add up to the total");
        // Most traffic is Azure and Office 365; the rest shares the tail.
        let service = match rng.below(10) {
            0..=3 => OnlineService::Azure,
            4..=6 => OnlineService::Office365,
            7 => OnlineService::Dynamics365,
            8 => OnlineService::PowerPlatform,
            _ => OnlineService::Intune,
        };
        debug_assert!(services.contains(&service));
        let mut request = Request::new(
            service,
            scenario.party,
            scenario.action,
            scenario.data,
            scenario.purpose,
            scenario.location,
        );
        for &authorization in scenario.authorizations {
            request = request.with_authorization(authorization);
        }
        for &objection in scenario.objections {
            request = request.with_objection(objection);
        }
        let line = serde_json::to_string(&Event { at, request }).expect("events serialize");
        println!("{line}");
    }
}
