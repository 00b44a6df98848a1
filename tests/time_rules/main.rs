//! Tests of the rules that depend on time (issue 3): retention and the end
//! of things, data-subject requests, minors, incidents, changes to the
//! statement, and the reading of times.

mod catalog;
mod changes;
mod incidents;
mod managing;
mod minors;
mod properties;
mod retention;
#[path = "../support/mod.rs"]
mod support;
mod time_input;
mod trial_and_preview;

use chrono::{DateTime, FixedOffset, NaiveDate};
use vianet_privacy::{
    decide, time::parse_time, Action, DataElement, Decision, Location, OnlineService, Party, Purpose, Request,
};

/// A time, read as the crate reads it (no offset: China Standard Time).
pub fn t(s: &str) -> DateTime<FixedOffset> {
    parse_time(s).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A request in mainland China, for Azure.
pub fn req(party: Party, action: Action, data: DataElement, purpose: Purpose) -> Request {
    Request::new(
        OnlineService::Azure,
        party,
        action,
        data,
        purpose,
        Location::MainlandChina,
    )
}

pub fn ok(request: &Request) -> Decision {
    decide(request).unwrap_or_else(|e| panic!("{e}"))
}
