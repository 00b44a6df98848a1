use chrono::{DateTime, FixedOffset};
use serde::Serialize;

/// The state of the customer account the data belongs to, for "How We
/// Store Your Personal Data":
///
/// > During your use of the Online Services, we retain the Personal Data
/// > you provided. After you close your account, in accordance with
/// > relevant laws and regulations, we will retain your Personal Data, but
/// > we will not use or process your Personal Data during this period; upon
/// > expiry of the aforementioned retention period, we will immediately
/// > delete or anonymize your data.
///
/// * [`Account::Open`]: the other rules decide.
/// * [`Account::Closed`] at a time not after the request's `at`: from
///   `closed_at` until `retention_expires` the data may only be retained
///   (by 21Vianet, for legal compliance); from `retention_expires` on it
///   may only be deleted or anonymized, and must be.
///
/// The legal retention period comes from the law, not the statement, so the
/// caller supplies its end. Both times read like `at`: RFC 3339, or a
/// date-time or date without offset in China Standard Time, a date alone
/// meaning the start of that day. `retention_expires` is the first instant
/// at which the data is no longer retained.
///
/// On the wire: `{"state": "open"}` or
/// `{"state": "closed", "closed_at": "2022-01-01", "retention_expires": "2025-01-01"}`.
///
/// ```
/// use vianet_privacy::Account;
///
/// let account: Account = serde_json::from_str(
///     r#"{"state": "closed", "closed_at": "2022-01-01", "retention_expires": "2025-01-01"}"#,
/// )?;
/// let Account::Closed { closed_at, retention_expires } = account else { unreachable!() };
/// assert_eq!(closed_at.to_rfc3339(), "2022-01-01T00:00:00+08:00");
/// assert_eq!(retention_expires.to_rfc3339(), "2025-01-01T00:00:00+08:00");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Reading is strict: an object only, `state` first or not, no field that
/// the state does not have (an open account with a `closed_at` is an
/// error, not an open account), no field twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Account {
    /// The account is open: the customer is using the Online Services.
    Open,
    /// The account was closed.
    Closed {
        /// When the account was closed.
        #[serde(with = "crate::time::required")]
        closed_at: DateTime<FixedOffset>,
        /// When the retention period that the law sets after closing ends:
        /// from this instant on the data must be deleted or anonymized.
        #[serde(with = "crate::time::required")]
        retention_expires: DateTime<FixedOffset>,
    },
}

/// Where a closed account's data stands at a given time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AccountPhase {
    /// Open, or closed only after the given time.
    Active,
    /// Closed, within the legal retention period.
    Retained,
    /// Closed, and the retention period has ended.
    Expired,
}

impl Account {
    /// The phase of the account at `at`.
    pub(crate) fn phase(&self, at: DateTime<FixedOffset>) -> AccountPhase {
        match *self {
            Account::Open => AccountPhase::Active,
            Account::Closed { closed_at, .. } if at < closed_at => AccountPhase::Active,
            Account::Closed { retention_expires, .. } if at < retention_expires => AccountPhase::Retained,
            Account::Closed { .. } => AccountPhase::Expired,
        }
    }
}

// Its serde `Deserialize` is the strict reader of `crate::wire`: an
// open account has no times, a closed one both, and no other field.
