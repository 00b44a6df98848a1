use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

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
    ///
    /// A constant: every decision compares its time with it.
    pub const fn effective_from(self) -> DateTime<FixedOffset> {
        match self {
            StatementVersion::V2020_12_01 => V2020_12_01_EFFECTIVE,
        }
    }
}

/// The start of `date` in China Standard Time, as the UTC date and time
/// (the offset is east of UTC and under a day: the day before, at 24 hours
/// less the offset). Computed at compile time.
// A `None` here would be a compile-time error, never a run-time panic.
#[allow(clippy::panic)]
const fn start_in_china(date: NaiveDate) -> DateTime<FixedOffset> {
    let offset = CHINA_STANDARD_TIME.local_minus_utc();
    let (Some(day), true) = (date.pred_opt(), offset > 0 && offset < 86_400) else {
        panic!("China Standard Time is east of UTC, by less than a day");
    };
    let Some(time) = NaiveTime::from_num_seconds_from_midnight_opt((86_400 - offset) as u32, 0) else {
        panic!("a time of day");
    };
    DateTime::from_naive_utc_and_offset(NaiveDateTime::new(day, time), CHINA_STANDARD_TIME)
}

const V2020_12_01_EFFECTIVE: DateTime<FixedOffset> = start_in_china(V2020_12_01_DATE);

#[allow(clippy::panic)]
const V2020_12_01_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2020, 12, 1) {
    Some(date) => date,
    None => panic!("2020-12-01 is a valid date"),
};

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// "Updated: December 1, 2020", read in China Standard Time: the
    /// compile-time instant is midnight of the version's date there, and
    /// the instant before it is not in force.
    #[test]
    fn each_version_takes_effect_at_the_start_of_its_date_in_china() {
        for &version in StatementVersion::ALL {
            let midnight = version.date().and_time(NaiveTime::MIN);
            let expected = CHINA_STANDARD_TIME.from_local_datetime(&midnight).single();
            assert_eq!(Some(version.effective_from()), expected);
            assert_eq!(version.effective_from().naive_local(), midnight);
            let just_before = version.effective_from() - chrono::TimeDelta::nanoseconds(1);
            assert!(version.check_in_force(just_before).is_err());
            assert!(version.check_in_force(version.effective_from()).is_ok());
        }
        assert_eq!(
            StatementVersion::CURRENT.effective_from().to_rfc3339(),
            "2020-12-01T00:00:00+08:00"
        );
    }
}
