use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A version of the statement, named by its "Updated" date.
    ///
    /// Every decision carries the version it was made under.
    ///
    /// ```
    /// use vianet_privacy::StatementVersion;
    ///
    /// let v = StatementVersion::CURRENT;
    /// assert_eq!(v.to_string(), "2020-12-01");
    /// assert_eq!(v.effective_from().to_rfc3339(), "2020-12-01T00:00:00+08:00");
    /// ```
    pub enum StatementVersion / StatementVersionSet(u8) : "statement version" {
        /// "Updated: December 1, 2020".
        V2020_12_01 = "2020-12-01" { en: "December 1, 2020", zh: "2020年12月1日" },
    }
}

/// China Standard Time, UTC+08:00: the offset in which the statement's dates
/// and any time given without an offset are read.
// A `None` here would be a compile-time error, never a run-time panic.
#[allow(clippy::panic)]
pub const CHINA_STANDARD_TIME: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+08:00 is a valid offset"),
};

impl StatementVersion {
    /// The version this crate encodes.
    pub const CURRENT: StatementVersion = StatementVersion::V2020_12_01;

    /// The calendar date of the version.
    pub fn date(self) -> NaiveDate {
        match self {
            StatementVersion::V2020_12_01 => V2020_12_01_DATE,
        }
    }

    /// `Ok` if `at` is not before this version took effect; otherwise the
    /// error every entry point gives, since a time before the statement
    /// was in force is not this statement's to decide.
    pub(crate) fn check_in_force(self, at: DateTime<FixedOffset>) -> Result<(), crate::RequestError> {
        let effective = self.effective_from();
        if at < effective {
            return Err(crate::RequestError::BeforeStatementInForce {
                at,
                version: self,
                effective,
            });
        }
        Ok(())
    }

    /// The instant the version takes effect: the start of its date in China
    /// Standard Time.
    pub fn effective_from(self) -> DateTime<FixedOffset> {
        let midnight = self.date().and_time(chrono::NaiveTime::MIN);
        // A fixed offset maps every local time to exactly one instant.
        match CHINA_STANDARD_TIME.from_local_datetime(&midnight) {
            chrono::LocalResult::Single(at) | chrono::LocalResult::Ambiguous(at, _) => at,
            chrono::LocalResult::None => midnight.and_utc().fixed_offset(),
        }
    }
}

#[allow(clippy::panic)]
const V2020_12_01_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2020, 12, 1) {
    Some(date) => date,
    None => panic!("2020-12-01 is a valid date"),
};
