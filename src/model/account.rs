use chrono::{DateTime, FixedOffset};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

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

const FIELDS: &[&str] = &["state", "closed_at", "retention_expires"];

/// Serde's internally tagged enums ignore unknown fields of a unit variant
/// and accept sequences; an account is read by hand so that neither can
/// turn malformed input into an open account.
impl<'de> Deserialize<'de> for Account {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Account, D::Error> {
        deserializer.deserialize_map(AccountVisitor)
    }
}

struct AccountVisitor;

/// A time field of an account, read like `at`.
struct Time(DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Time, D::Error> {
        crate::time::required::deserialize(deserializer).map(Time)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum State {
    Open,
    Closed,
}

impl<'de> Visitor<'de> for AccountVisitor {
    type Value = Account;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            r#"an account object: {"state": "open"} or {"state": "closed", "closed_at": …, "retention_expires": …}"#,
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Account, A::Error> {
        let mut state = None;
        let mut closed_at = None;
        let mut retention_expires = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "state" if state.is_none() => state = Some(map.next_value::<State>()?),
                "closed_at" if closed_at.is_none() => closed_at = Some(map.next_value::<Time>()?.0),
                "retention_expires" if retention_expires.is_none() => {
                    retention_expires = Some(map.next_value::<Time>()?.0)
                }
                "state" | "closed_at" | "retention_expires" => return Err(de::Error::duplicate_field(field(&key))),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        match state.ok_or_else(|| de::Error::missing_field("state"))? {
            State::Open => match (closed_at, retention_expires) {
                (None, None) => Ok(Account::Open),
                (Some(_), _) => Err(de::Error::unknown_field("closed_at", &["state"])),
                (None, Some(_)) => Err(de::Error::unknown_field("retention_expires", &["state"])),
            },
            State::Closed => Ok(Account::Closed {
                closed_at: closed_at.ok_or_else(|| de::Error::missing_field("closed_at"))?,
                retention_expires: retention_expires.ok_or_else(|| de::Error::missing_field("retention_expires"))?,
            }),
        }
    }
}

/// The static name of a known field, for serde's error constructors.
fn field(key: &str) -> &'static str {
    FIELDS.iter().copied().find(|name| *name == key).unwrap_or("state")
}
