//! # vianet-privacy
//!
//! The "Privacy Statement for Online Services Operated by 21Vianet"
//! (updated December 1, 2020: Azure, Office 365, Dynamics 365, Power
//! Platform and Intune in mainland China) as an executable, auditable
//! policy.
//!
//! A service that links this crate asks, before it touches personal data:
//! *may this party do this action on this data, for this purpose, here,
//! now?* The answer is a [`Decision`]: **allow**, with the
//! [`Obligation`]s that come with it, or **deny**, with a [`Reason`] and
//! one of three [`DenyKind`]s (forbidden; not permitted; permitted only
//! with an [`Authorization`] the request lacks, which the deny names).
//! Either way it cites the [`ClauseId`] of the statement that decides.
//!
//! ```
//! use vianet_privacy::{decide, Action, Authorization, DataElement, DenyKind, Location, OnlineService, Party, Purpose, Request};
//!
//! // An overseas supplier wants the contact details of a support ticket.
//! let request = Request::new(
//!     OnlineService::Office365,
//!     Party::Supplier,
//!     Action::Access,
//!     DataElement::SupportContactInfo,
//!     Purpose::ResolveSupportIssue,
//!     Location::Taiwan, // outside "China" as the statement defines it
//! );
//! let decision = decide(&request)?;
//! assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
//! assert!(decision.missing().contains(Authorization::PriorConsentAfterExplanation));
//!
//! // Support explains and obtains prior consent: now it is allowed, with duties.
//! let consented = request.with_authorization(Authorization::PriorConsentAfterExplanation);
//! let decision = decide(&consented)?;
//! assert!(decision.is_allowed());
//! println!("{decision}");
//! # Ok::<(), vianet_privacy::RequestError>(())
//! ```
//!
//! ## How it is built
//!
//! * The **model** is a set of small enums: [`OnlineService`], [`Party`],
//!   [`Action`], [`DataElement`] (whose [`DataCategory`] follows from it),
//!   [`Purpose`], [`Location`], [`Authorization`], [`Circumstance`],
//!   [`Objection`]. Each has `Display`, `FromStr` (whose error lists the
//!   valid names) and a stable snake_case serde name, and a `Copy` bit set.
//! * The **statement** ([`statement`]) is one module per section of the
//!   text, holding that section's rules as data, each naming its clause.
//! * The **evaluator** ([`decide`]) reads the rules: limits first, then
//!   permissions, then the section's own purpose limitation. It fails
//!   closed, allocates nothing, takes no lock and does no I/O.
//! * The **wire format** (`wire`, with the default `json` feature) reads
//!   requests from JSON, with errors a program can match on, and
//!   [`AuditRecord`] is the line a service logs for each decision;
//!   `docs/wire-format.md` documents every field and value.
//!
//! "China" in the statement means mainland China, excluding Hong Kong,
//! Macau and Taiwan; [`Location`] makes that impossible to get wrong.
//!
//! ## Time
//!
//! The statement speaks for an operator in mainland China, so a date or
//! date-time given without an offset is read in China Standard Time
//! (UTC+08:00, [`CHINA_STANDARD_TIME`]), and calendar questions (a
//! person's age, the day a reply is due) are answered on the China
//! Standard Time date ([`time`]). Rules that depend on time read the
//! request's `at` and its optional context: the [`Account`] (open, or
//! closed with the end of the legal retention period), the termination of
//! the service, the end of a trial, a Preview, the data subject's birth
//! date. [`Request::validate`] rejects contradictory times.

#![forbid(unsafe_code)]
// On docs.rs, mark what a feature turns on.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
// No panics and no printing in library code (unit tests may unwrap).
#![cfg_attr(
    not(test),
    forbid(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
// Denied, not forbidden: constants built by const evaluation (the rule
// index's tables, China Standard Time, the statement's date) index arrays
// and match on `None` there, where a failure is a build error, never a
// run-time panic; each such place says so.
#![cfg_attr(not(test), deny(clippy::panic, clippy::indexing_slicing))]

// The table of contents, in the order the parts depend on one another:
// each reads only those above it.
//
// The model: the statement's vocabulary as typed values (`src/model/`).
mod model;
// The statement, one module per section, its rules as data
// (`src/statement/`).
pub mod statement;
// The evaluator: one pipeline from a request to a decision (`src/eval/`).
mod eval;
// The wire format (`src/wire/`): the strict reader that is every
// request's `Deserialize`, and, with the `json` feature, JSON in and out.
#[cfg(feature = "json")]
pub mod wire;
#[cfg(not(feature = "json"))]
mod wire;
// The audit trail: the record a service logs, the event an audit reads
// (`src/audit.rs`).
pub mod audit;
// Requests and decisions as Arrow columns, with the `arrow` feature
// (`src/arrow/`): a batch of requests decided into decision columns.
#[cfg(feature = "arrow")]
#[cfg_attr(docsrs, doc(cfg(feature = "arrow")))]
pub mod arrow;
// The reference documents (`docs/`), as pages of the API documentation.
pub mod docs;

pub use model::time;

/// The names a service that decides requests needs, in one import.
///
/// ```
/// use vianet_privacy::prelude::*;
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Use,
///     DataElement::CustomerContent,
///     Purpose::ProvideService,
///     Location::MainlandChina,
/// );
/// let allow = decide(&request)?.into_result()?;
/// assert!(allow.obligations.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub mod prelude {
    pub use crate::{
        decide, Action, Allow, Authorization, AuthorizationSet, Circumstance, ClauseId, DataElement, Decision, Deny,
        DenyKind, Language, Location, Objection, Obligation, OnlineService, Party, Purpose, Reason, Request,
        RequestError,
    };
}

/// The README's example, compiled and run as a doctest so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctest;

// The model, at the crate root.
pub use model::account::Account;
pub use model::action::{Action, ActionSet};
pub use model::activity::{Activity, ActivitySet};
pub use model::advisory::{Advisory, AdvisorySet};
pub use model::authorization::{Authorization, AuthorizationSet};
pub use model::category::{DataCategory, DataCategorySet};
pub use model::checklist::Checklist;
pub use model::circumstance::{Circumstance, CircumstanceSet};
pub use model::clause::{ClauseId, ClauseSet};
pub use model::compliance_request::ComplianceRequest;
pub use model::decision::{Allow, Decision, Deny, Explanation};
pub use model::element::{DataElement, DataElementSet};
pub use model::error::{RequestError, UnknownName};
pub use model::language::Language;
pub use model::location::{Location, LocationSet};
pub use model::objection::{Objection, ObjectionSet};
pub use model::obligation::{Obligation, ObligationSet};
pub use model::party::{Party, PartySet};
pub use model::prohibited_content::{ProhibitedContent, ProhibitedContentSet};
pub use model::purpose::{Purpose, PurposeSet};
pub use model::reason::{DenyKind, DenyKindSet, Reason, ReasonSet};
pub use model::record::{InvalidRetention, RecordItem, RecordItemSet, RecordRetention};
pub use model::registration::{RegistrationInfo, RegistrationInfoSet};
pub use model::request::Request;
pub use model::section::{Section, SectionSet};
pub use model::service::{OnlineService, OnlineServiceSet};
pub use model::version::{StatementVersion, StatementVersionSet, CHINA_STANDARD_TIME};
pub use model::website::{WebsiteKind, WebsiteKindSet};

// The evaluation.
pub use eval::decide;
#[doc(hidden)]
pub use eval::index::rules_visited;
#[cfg(feature = "tracing")]
pub use eval::trace::TARGET as TRACING_TARGET;
#[doc(hidden)]
pub use eval::{authorizations_read, decide_reference, Reads};
pub use statement::compliance_with_law::decide_compliance;

// The audit trail.
pub use audit::AuditRecord;
#[cfg(feature = "json")]
pub use audit::Event;
