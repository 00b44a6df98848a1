use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// What an Internet information service provider records of the
    /// information it provides: "the information provided, time of
    /// publishing and the Internet address or domain name".
    ///
    /// ```
    /// use vianet_privacy::{Language, RecordItem, RecordItemSet};
    ///
    /// assert_eq!(RecordItemSet::ALL.len(), 3);
    /// assert_eq!(RecordItem::TimeOfPublishing.label(Language::ZhCn), "发布时间");
    /// ```
    pub enum RecordItem / RecordItemSet(u8) : "record item" {
        /// The information provided.
        InformationProvided = "information_provided" { en: "the information provided", zh: "所提供的信息" },
        /// Its time of publishing.
        TimeOfPublishing = "time_of_publishing" { en: "time of publishing", zh: "发布时间" },
        /// Its Internet address or domain name.
        InternetAddressOrDomainName = "internet_address_or_domain_name" {
            en: "the Internet address or domain name",
            zh: "互联网地址或域名"
        },
    }
}

/// How long records of the information provided are kept, in whole days.
///
/// The statement says records are kept but not for how long; the Measures
/// for the Administration of Internet Information Services (Art. 14), which
/// it mirrors, say 60 days. So the period is a parameter, defaulting to
/// [`RecordRetention::DEFAULT_DAYS`]. A period of zero days is not a
/// retention and is rejected. On the wire it is the number of days.
///
/// ```
/// use chrono::DateTime;
/// use vianet_privacy::RecordRetention;
///
/// let retention = RecordRetention::default();
/// assert_eq!(retention.days(), 60);
/// assert_eq!(retention.to_string(), "60 days");
///
/// let recorded = DateTime::parse_from_rfc3339("2021-03-01T10:00:00+08:00")?;
/// let day_59 = DateTime::parse_from_rfc3339("2021-04-29T10:00:00+08:00")?;
/// let day_60 = DateTime::parse_from_rfc3339("2021-04-30T10:00:00+08:00")?;
/// assert!(!retention.may_discard(recorded, day_59));
/// assert!(retention.may_discard(recorded, day_60));
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct RecordRetention {
    days: NonZeroU16,
}

impl RecordRetention {
    /// The default period: the 60 days of the Measures (Art. 14).
    pub const DEFAULT_DAYS: u16 = 60;

    /// The default retention, [`Self::DEFAULT_DAYS`] days.
    pub const DEFAULT: RecordRetention = RecordRetention {
        days: match NonZeroU16::new(Self::DEFAULT_DAYS) {
            Some(days) => days,
            None => NonZeroU16::MIN,
        },
    };

    /// A retention of `days` whole days; `None` for zero.
    ///
    /// ```
    /// use vianet_privacy::RecordRetention;
    ///
    /// assert_eq!(RecordRetention::from_days(90).map(|r| r.days()), Some(90));
    /// assert_eq!(RecordRetention::from_days(0), None);
    /// ```
    pub const fn from_days(days: u16) -> Option<RecordRetention> {
        match NonZeroU16::new(days) {
            Some(days) => Some(RecordRetention { days }),
            None => None,
        }
    }

    /// The period in whole days.
    pub const fn days(self) -> u16 {
        self.days.get()
    }

    /// The earliest instant a record made at `recorded_at` may be
    /// discarded: `recorded_at` plus the period. `None` when that instant
    /// is beyond the calendar chrono can represent (then the record is
    /// never discarded).
    ///
    /// ```
    /// use chrono::DateTime;
    /// use vianet_privacy::RecordRetention;
    ///
    /// let recorded = DateTime::parse_from_rfc3339("2021-03-01T10:00:00+08:00")?;
    /// let until = RecordRetention::DEFAULT.keep_until(recorded).map(|t| t.to_rfc3339());
    /// assert_eq!(until.as_deref(), Some("2021-04-30T10:00:00+08:00"));
    /// # Ok::<(), chrono::ParseError>(())
    /// ```
    pub fn keep_until(self, recorded_at: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        TimeDelta::try_days(i64::from(self.days())).and_then(|period| recorded_at.checked_add_signed(period))
    }

    /// Whether, at `at`, a record made at `recorded_at` has been kept for
    /// the whole period and may be discarded. Fails closed: when the end of
    /// the period cannot be computed, the answer is no.
    pub fn may_discard(self, recorded_at: DateTime<FixedOffset>, at: DateTime<FixedOffset>) -> bool {
        match self.keep_until(recorded_at) {
            Some(until) => at >= until,
            None => false,
        }
    }
}

impl Default for RecordRetention {
    fn default() -> Self {
        RecordRetention::DEFAULT
    }
}

impl fmt::Display for RecordRetention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.days() {
            1 => f.write_str("1 day"),
            days => write!(f, "{days} days"),
        }
    }
}

impl FromStr for RecordRetention {
    type Err = InvalidRetention;

    /// Reads `"60"`, `"60 days"` or `"1 day"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        let number = trimmed
            .strip_suffix("days")
            .or_else(|| trimmed.strip_suffix("day"))
            .unwrap_or(trimmed)
            .trim();
        number
            .parse::<u16>()
            .ok()
            .and_then(RecordRetention::from_days)
            .ok_or_else(|| InvalidRetention { given: s.to_owned() })
    }
}

impl TryFrom<u16> for RecordRetention {
    type Error = InvalidRetention;

    fn try_from(days: u16) -> Result<Self, Self::Error> {
        RecordRetention::from_days(days).ok_or_else(|| InvalidRetention {
            given: days.to_string(),
        })
    }
}

impl From<RecordRetention> for u16 {
    fn from(retention: RecordRetention) -> u16 {
        retention.days()
    }
}

/// A record retention that is not a whole number of days from 1 to 65535.
///
/// ```
/// use vianet_privacy::RecordRetention;
///
/// let err = "0".parse::<RecordRetention>().unwrap_err();
/// assert!(err.to_string().contains("60"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid record retention `{given}`: expected a whole number of days from 1 to 65535 \
     (the Internet information service measures say 60)"
)]
pub struct InvalidRetention {
    given: String,
}

impl InvalidRetention {
    /// The text that was given.
    pub fn given(&self) -> &str {
        &self.given
    }
}
