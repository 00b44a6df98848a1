//! The JSON wire format: reading requests, writing decisions, and the
//! errors that bad input gets.
//!
//! Requests and decisions are plain serde types ([`Request`](crate::Request),
//! [`Decision`](crate::Decision), [`AuditRecord`](crate::AuditRecord)); this
//! module is the JSON front door for services that receive them as text.
//! `docs/wire-format.md` documents every field and every value; the
//! format's version is [`FORMAT_VERSION`].
//!
//! Bad input is an error, never an allow: an unknown field is rejected by
//! name, an unknown value lists the valid ones, a missing field is named,
//! and contradictory fields are refused with what is wrong. Every error has
//! a stable [`WireErrorKind`] a program can match on, and says where in the
//! document it is ([`WireError::path`]). A request is read by the crate's
//! own strict reader, straight from the text (no intermediate JSON value,
//! names compared where they lie), so the kinds never come from reading
//! another crate's message text.
//!
//! Parsing allocates only for what it returns and for errors; deciding
//! does not allocate. A service that decides the same request often parses
//! once and calls [`decide`](crate::decide) on the [`Request`](crate::Request).
//!
//! ```
//! use vianet_privacy::wire::{self, WireErrorKind};
//!
//! let decision = wire::decide_json(
//!     r#"{"service": "azure", "party": "operator", "action": "use", "data": "customer_content",
//!         "purpose": "troubleshooting", "location": "mainland_china"}"#,
//! )?;
//! assert!(decision.is_allowed());
//!
//! let err = wire::decide_json(r#"{"service": "azure", "party": "regulator"}"#).unwrap_err();
//! assert_eq!(err.kind(), WireErrorKind::UnknownValue);
//! assert_eq!(err.path(), Some("party"));
//! assert!(err.expected().iter().any(|name| name == "authority"));
//! # Ok::<(), vianet_privacy::wire::WireError>(())
//! ```

// The strict reader works with any serde format: it is the `Deserialize`
// of a request whatever features are on.
pub(crate) mod read;

#[cfg(feature = "json")]
mod json;
#[cfg(feature = "json")]
pub use json::*;
