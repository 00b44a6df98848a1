//! A ready-made error for mapping functions.

use core::fmt;
use std::borrow::Cow;

/// "I cannot say what this request does with personal data": an error a
/// mapping function can return when it has no error type of its own.
///
/// The layer answers it with `400 Bad Request` and a
/// [`Rejected`](crate::Rejected) body of kind
/// [`Unmapped`](crate::RejectionKind::Unmapped) whose `message` is this
/// message: it is sent to the client, so say what the client can fix, and
/// nothing it should not see.
///
/// Any error type that implements `Display` works the same way; this one is
/// for mapping functions that have none.
///
/// ```
/// use http::request::Parts;
/// use vianet_privacy::{Action, DataElement, Location, OnlineService, Party, Purpose, Request};
/// use vianet_privacy_tower::{PrivacyLayer, Unmapped};
///
/// fn location(parts: &Parts) -> Result<Location, Unmapped> {
///     let header = parts
///         .headers
///         .get("x-agent-location")
///         .ok_or(Unmapped::new("the x-agent-location header is required"))?;
///     let name = header.to_str().map_err(|_| Unmapped::new("x-agent-location is not text"))?;
///     name.parse().map_err(|err| Unmapped::new(format!("x-agent-location: {err}")))
/// }
///
/// let layer = PrivacyLayer::new(|parts: &Parts| {
///     Ok::<_, Unmapped>(Request::new(
///         OnlineService::Azure,
///         Party::Supplier,
///         Action::Access,
///         DataElement::SupportTicketInfo,
///         Purpose::ResolveSupportIssue,
///         location(parts)?,
///     ))
/// });
/// # let _ = layer;
/// assert_eq!(Unmapped::new("no ticket 7").to_string(), "no ticket 7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unmapped {
    message: Cow<'static, str>,
}

impl Unmapped {
    /// An error with this message for the client (a `&'static str` is not
    /// copied; a `String` is kept as it is).
    ///
    /// ```
    /// use vianet_privacy_tower::Unmapped;
    ///
    /// let fixed = Unmapped::new("unknown route");
    /// let made = Unmapped::new(format!("no ticket {}", 7));
    /// assert_eq!((fixed.message(), made.message()), ("unknown route", "no ticket 7"));
    /// ```
    pub fn new(message: impl Into<Cow<'static, str>>) -> Unmapped {
        Unmapped {
            message: message.into(),
        }
    }

    /// The message.
    ///
    /// ```
    /// use vianet_privacy_tower::Unmapped;
    ///
    /// assert_eq!(Unmapped::new("unknown route").message(), "unknown route");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Unmapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Unmapped {}
