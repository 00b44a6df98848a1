//! Reading and writing times the way the statement means them.
//!
//! The statement speaks for an operator in mainland China, so a time given
//! without an offset is read in China Standard Time (UTC+08:00,
//! [`CHINA_STANDARD_TIME`]):
//!
//! | input | read as |
//! |---|---|
//! | `2021-03-01T09:30:00+01:00` (RFC 3339, any offset) | that instant, offset kept |
//! | `2021-03-01T09:30:00` or `2021-03-01 09:30:00` (fractions allowed) | 09:30 in China Standard Time |
//! | `2021-03-01T09:30` | 09:30:00 in China Standard Time |
//! | `2021-03-01` | the start of that day (00:00) in China Standard Time |
//!
//! Times are written back as RFC 3339 with their offset. Calendar questions
//! (how old is a person today, on which day is a reply due) are answered on
//! the China Standard Time calendar date of an instant: see [`china_date`].
//!
//! ```
//! use vianet_privacy::time::parse_time;
//!
//! let at = parse_time("2021-03-01")?;
//! assert_eq!(at.to_rfc3339(), "2021-03-01T00:00:00+08:00");
//! let at = parse_time("2021-03-01T09:30:00Z")?;
//! assert_eq!(at.to_rfc3339(), "2021-03-01T09:30:00+00:00");
//! # Ok::<(), vianet_privacy::time::InvalidTime>(())
//! ```

use core::fmt;

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::CHINA_STANDARD_TIME;

/// A string that is neither RFC 3339 nor a date-time or date without offset.
///
/// ```
/// use vianet_privacy::time::parse_time;
///
/// let err = parse_time("1 March 2021").unwrap_err();
/// assert!(err.to_string().contains("China Standard Time"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidTime {
    given: String,
}

impl InvalidTime {
    /// The string that could not be read.
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl fmt::Display for InvalidTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a time; give RFC 3339 with an offset (2021-03-01T09:30:00+08:00), \
             or a date-time or date without offset, read as China Standard Time (2021-03-01T09:30:00, 2021-03-01)",
            self.given
        )
    }
}

impl std::error::Error for InvalidTime {}

/// Reads a time: RFC 3339 with an offset, or a date-time or date without
/// offset read in China Standard Time (a date alone is the start of that
/// day).
///
/// ```
/// use vianet_privacy::time::parse_time;
///
/// assert_eq!(parse_time("2021-03-01 09:30:00")?.to_rfc3339(), "2021-03-01T09:30:00+08:00");
/// assert!(parse_time("2021-02-29").is_err()); // 2021 is not a leap year
/// assert!(parse_time("+10000-01-01").is_err()); // years have four digits
/// # Ok::<(), vianet_privacy::time::InvalidTime>(())
/// ```
pub fn parse_time(s: &str) -> Result<DateTime<FixedOffset>, InvalidTime> {
    let s = s.trim();
    // Four-digit years only: chrono also reads signed and longer years,
    // which RFC 3339 cannot write back.
    let bytes = s.as_bytes();
    let four_digit_year = bytes.get(..4).is_some_and(|year| year.iter().all(u8::is_ascii_digit));
    if !four_digit_year || bytes.get(4) != Some(&b'-') {
        return Err(InvalidTime { given: s.to_owned() });
    }
    if let Some(at) = canonical_rfc3339(bytes) {
        return Ok(at);
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Ok(at);
    }
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    for format in NAIVE {
        if let Ok(local) = NaiveDateTime::parse_from_str(s, format) {
            return Ok(in_china(local));
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(start_of_day(date));
    }
    Err(InvalidTime { given: s.to_owned() })
}

/// The most common form of all, `2021-03-01T09:30:00+08:00` (25 bytes, no
/// fraction, an offset in hours and minutes), read without the general
/// parser: a log has one per line. `None` for anything else, or for a
/// value the calendar refuses (then the general parser decides, and says
/// why); where it gives a time, it is the one
/// `DateTime::parse_from_rfc3339` gives (a property test compares them).
fn canonical_rfc3339(bytes: &[u8]) -> Option<DateTime<FixedOffset>> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T', h0, h1, b':', i0, i1, b':', s0, s1, sign, o0, o1, b':', p0, p1] =
        *bytes
    else {
        return None;
    };
    let digit = |byte: u8| byte.is_ascii_digit().then(|| u32::from(byte - b'0'));
    let two = |tens: u8, ones: u8| Some(digit(tens)? * 10 + digit(ones)?);
    let year = i32::try_from(two(y0, y1)? * 100 + two(y2, y3)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, two(m0, m1)?, two(d0, d1)?)?;
    let time = NaiveTime::from_hms_opt(two(h0, h1)?, two(i0, i1)?, two(s0, s1)?)?;
    let (hours, minutes) = (two(o0, o1)?, two(p0, p1)?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()?;
    let offset = match sign {
        b'+' => FixedOffset::east_opt(seconds)?,
        b'-' => FixedOffset::west_opt(seconds)?,
        _ => return None,
    };
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// A local date-time read in China Standard Time.
///
/// ```
/// use chrono::NaiveDate;
/// use vianet_privacy::time::in_china;
///
/// let local = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap().and_hms_opt(9, 30, 0).unwrap();
/// assert_eq!(in_china(local).to_rfc3339(), "2021-03-01T09:30:00+08:00");
/// ```
pub fn in_china(local: NaiveDateTime) -> DateTime<FixedOffset> {
    // A fixed offset maps every local time to exactly one instant.
    match CHINA_STANDARD_TIME.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at,
        LocalResult::None => local.and_utc().fixed_offset(),
    }
}

/// The start (00:00) of a calendar date in China Standard Time.
///
/// ```
/// use chrono::NaiveDate;
/// use vianet_privacy::time::start_of_day;
///
/// let day = NaiveDate::from_ymd_opt(2020, 12, 1).unwrap();
/// assert_eq!(start_of_day(day).to_rfc3339(), "2020-12-01T00:00:00+08:00");
/// ```
pub fn start_of_day(date: NaiveDate) -> DateTime<FixedOffset> {
    in_china(date.and_time(NaiveTime::MIN))
}

/// The calendar date of an instant in China Standard Time, whatever offset
/// it was given in.
///
/// ```
/// use vianet_privacy::time::{china_date, parse_time};
///
/// // 20:00 UTC on 31 January is already 1 February in Beijing.
/// let at = parse_time("2023-01-31T20:00:00Z")?;
/// assert_eq!(china_date(at).to_string(), "2023-02-01");
/// # Ok::<(), vianet_privacy::time::InvalidTime>(())
/// ```
pub fn china_date(at: DateTime<FixedOffset>) -> NaiveDate {
    at.with_timezone(&CHINA_STANDARD_TIME).date_naive()
}

fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<DateTime<FixedOffset>, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = DateTime<FixedOffset>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 3339 time, or a date-time or date without offset (read as China Standard Time)")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_time(s).map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Visitor)
}

/// Serde for a required time field (`#[serde(with = "crate::time::required")]`).
pub(crate) mod required {
    use chrono::{DateTime, FixedOffset};

    pub fn serialize<S: serde::Serializer>(at: &DateTime<FixedOffset>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&at.to_rfc3339())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<DateTime<FixedOffset>, D::Error> {
        super::read(deserializer)
    }
}

/// Serde for an optional time field (`#[serde(default, with = "crate::time::optional")]`).
pub(crate) mod optional {
    use chrono::{DateTime, FixedOffset};

    pub fn serialize<S: serde::Serializer>(
        at: &Option<DateTime<FixedOffset>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => serializer.serialize_some(&at.to_rfc3339()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        struct Some_;
        impl<'de> serde::de::Visitor<'de> for Some_ {
            type Value = Option<DateTime<FixedOffset>>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("null, or a time")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                super::read(deserializer).map(Some)
            }
        }
        deserializer.deserialize_option(Some_)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 20_000, failure_persistence: None, ..Default::default() })]

        /// The statement's times are RFC 3339 instants: the common form is
        /// read exactly as the general RFC 3339 parser reads it, the same
        /// instant and offset, and refused where it refuses (impossible
        /// dates, hours, leap seconds and offsets included).
        #[test]
        fn the_common_form_reads_as_rfc3339_reads_it(
            year in 0u32..10_000, month in 0u32..14, day in 0u32..33,
            hour in 0u32..26, minute in 0u32..61, second in 0u32..62,
            east in proptest::bool::ANY, offset_hours in 0u32..26, offset_minutes in 0u32..61,
        ) {
            let sign = if east { '+' } else { '-' };
            let text = format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{sign}{offset_hours:02}:{offset_minutes:02}"
            );
            let general = DateTime::parse_from_rfc3339(&text).ok();
            if let Some(fast) = canonical_rfc3339(text.as_bytes()) {
                proptest::prop_assert_eq!(Some(fast), general, "{}", text);
                // Equal instants, and the same offset (`==` compares instants).
                proptest::prop_assert_eq!(
                    Some(fast.offset().local_minus_utc()),
                    general.map(|at| at.offset().local_minus_utc())
                );
            }
            let read = parse_time(&text).ok();
            proptest::prop_assert_eq!(read, general, "{}", text);
            proptest::prop_assert_eq!(read.map(|at| at.offset().local_minus_utc()), general.map(|at| at.offset().local_minus_utc()));
        }
    }

    #[test]
    fn offsets_are_kept_and_missing_offsets_are_china_standard_time() {
        assert_eq!(
            parse_time("2021-03-01T09:30:00-05:00").unwrap().to_rfc3339(),
            "2021-03-01T09:30:00-05:00"
        );
        for s in [
            "2021-03-01T09:30:00",
            "2021-03-01 09:30:00",
            "2021-03-01T09:30",
            " 2021-03-01 09:30 ",
        ] {
            assert_eq!(parse_time(s).unwrap().to_rfc3339(), "2021-03-01T09:30:00+08:00", "{s}");
        }
        assert_eq!(
            parse_time("2021-03-01T09:30:00.250").unwrap().to_rfc3339(),
            "2021-03-01T09:30:00.250+08:00"
        );
        assert_eq!(
            parse_time("2024-02-29").unwrap().to_rfc3339(),
            "2024-02-29T00:00:00+08:00"
        );
    }

    #[test]
    fn nonsense_is_rejected_with_the_accepted_forms() {
        for s in [
            "",
            "2021-13-01",
            "2023-02-29",
            "yesterday",
            "2021-03-01T25:00:00",
            "20210301",
        ] {
            let err = parse_time(s).unwrap_err();
            assert_eq!(err.given(), s.trim());
            assert!(err.to_string().contains("RFC 3339"));
        }
    }

    #[test]
    fn china_date_crosses_midnight_in_beijing_not_in_utc() {
        let at = parse_time("2020-11-30T16:00:00Z").unwrap();
        assert_eq!(china_date(at), NaiveDate::from_ymd_opt(2020, 12, 1).unwrap());
        let at = parse_time("2020-11-30T15:59:59Z").unwrap();
        assert_eq!(china_date(at), NaiveDate::from_ymd_opt(2020, 11, 30).unwrap());
    }
}
