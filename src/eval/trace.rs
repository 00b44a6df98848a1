//! One `tracing` event per decision (the `tracing` feature).
//!
//! The event carries the fields of an [`AuditRecord`](crate::AuditRecord)
//! that a log line needs to be read beside the statement: the request's
//! six dimensions and its authorizations, and the decision's effect,
//! clause, kind, reason, missing authorizations and obligations, and the
//! statement version. Names are the wire names; sets are written as the
//! wire names joined by ", ". Nothing is formatted unless a subscriber
//! wants the event: `tracing` checks the callsite's interest first, and
//! the values are `&'static str`s or `Display` values.
//!
//! * target: `vianet_privacy::decision`;
//! * level: `DEBUG` for an allow, `INFO` for a deny (a service that logs
//!   at `INFO` sees what was refused, not every allow); a request that is
//!   an error (contradictory times) is a `WARN` with the error.

use tracing::{event, Level};

use crate::{Decision, Request, RequestError};

/// The target of the event each decision emits with the `tracing`
/// feature, for a subscriber's filter: `vianet_privacy::decision=debug`
/// keeps every decision, `vianet_privacy::decision=info` the denies and
/// errors.
///
/// ```
/// assert_eq!(vianet_privacy::TRACING_TARGET, "vianet_privacy::decision");
/// ```
pub const TARGET: &str = "vianet_privacy::decision";

/// One event at `$level` with the request's fields (the same names in
/// every event, so a filter or a query reads them alike) and then the
/// outcome's.
macro_rules! decision_event {
    ($level:expr, $request:expr, $($outcome:tt)*) => {
        event!(
            target: TARGET,
            $level,
            service = $request.service.as_str(),
            party = $request.party.as_str(),
            action = $request.action.as_str(),
            data = $request.data.as_str(),
            purpose = $request.purpose.as_str(),
            location = $request.location.as_str(),
            authorizations = %$request.authorizations,
            $($outcome)*
        )
    };
}

/// Emits the event for one decision.
#[inline]
pub(crate) fn decision(request: &Request, outcome: &Result<Decision, RequestError>) {
    match outcome {
        Ok(Decision::Allow(allow)) => decision_event!(
            Level::DEBUG,
            request,
            effect = "allow",
            clause = allow.clause.as_str(),
            obligations = %allow.obligations,
            advisories = %allow.advisories,
            statement_version = allow.statement_version.as_str(),
        ),
        Ok(Decision::Deny(deny)) => decision_event!(
            Level::INFO,
            request,
            effect = "deny",
            clause = deny.clause.as_str(),
            kind = deny.kind.as_str(),
            reason = deny.reason.as_str(),
            missing = %deny.missing,
            advisories = %deny.advisories,
            statement_version = deny.statement_version.as_str(),
        ),
        Err(error) => decision_event!(Level::WARN, request, effect = "error", error = %error),
    }
}
