//! The model: the statement's vocabulary as small typed values.
//!
//! One type per file, each a `vocabulary!` enum (with `Display`,
//! `FromStr`, a stable snake_case serde name, English and Chinese labels,
//! and a `Copy` bit set) or a small struct built from them: who acts
//! ([`Party`](crate::Party)), doing what ([`Action`](crate::Action)), on
//! which data ([`DataElement`](crate::DataElement)), why
//! ([`Purpose`](crate::Purpose)), where ([`Location`](crate::Location)),
//! with which keys ([`Authorization`](crate::Authorization),
//! [`Circumstance`](crate::Circumstance)), the question
//! ([`Request`](crate::Request)) and the answer
//! ([`Decision`](crate::Decision)). Everything is re-exported at the crate
//! root; the rules are in [`crate::statement`], the evaluator in `eval`.

pub(crate) mod vocabulary;

pub(crate) mod account;
pub(crate) mod action;
pub(crate) mod activity;
pub(crate) mod advisory;
pub(crate) mod authorization;
pub(crate) mod category;
pub(crate) mod checklist;
pub(crate) mod circumstance;
pub(crate) mod clause;
pub(crate) mod compliance_request;
pub(crate) mod decision;
pub(crate) mod element;
pub(crate) mod error;
pub(crate) mod language;
pub(crate) mod location;
pub(crate) mod objection;
pub(crate) mod obligation;
pub(crate) mod party;
pub(crate) mod prohibited_content;
pub(crate) mod purpose;
pub(crate) mod reason;
pub(crate) mod record;
pub(crate) mod registration;
pub(crate) mod request;
pub(crate) mod section;
pub(crate) mod service;
pub mod time;
pub(crate) mod version;
pub(crate) mod website;
