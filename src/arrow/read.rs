//! Requests read from Arrow columns: each column's encoding is looked at
//! once per batch (a dictionary's values are mapped to the vocabulary once),
//! then each row is read with a few loads and no allocation.

use std::str::FromStr;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType,
};
use arrow_array::{Array, BooleanArray, GenericListArray, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// 1970-01-01 in days from 0001-01-01 (chrono's day 1).
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

use super::{RejectKind, Rejection, RequestField, SchemaError};
use crate::model::vocabulary::Vocabulary;
use crate::{
    Action, Circumstance, DataElement, Decision, Location, Objection, OnlineService, Party, Purpose, Request,
    RequestError, UnknownName, CHINA_STANDARD_TIME,
};

// ---------------------------------------------------------------- strings

/// A column of strings in any of Arrow's string encodings.
#[derive(Clone)]
enum Strings<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
    /// Dictionary-encoded: the keys, normalized once per batch, their
    /// nulls, and the values.
    Dict {
        keys: Vec<usize>,
        nulls: Option<&'a NullBuffer>,
        values: Box<Strings<'a>>,
    },
}

impl<'a> Strings<'a> {
    /// The column as strings, if it holds strings.
    fn of(array: &'a dyn Array) -> Option<Strings<'a>> {
        match array.data_type() {
            DataType::Utf8 => array.as_string_opt::<i32>().map(Strings::Utf8),
            DataType::LargeUtf8 => array.as_string_opt::<i64>().map(Strings::Large),
            DataType::Utf8View => array.as_string_view_opt().map(Strings::View),
            DataType::Dictionary(_, value) if is_string(value) => {
                let dictionary = array.as_any_dictionary_opt()?;
                // `normalized_keys` asserts that there are values: a
                // dictionary without any (a column of nulls) has no key
                // to read, every row reads as null.
                let keys = if dictionary.values().is_empty() {
                    vec![0; dictionary.keys().len()]
                } else {
                    dictionary.normalized_keys()
                };
                Some(Strings::Dict {
                    keys,
                    nulls: dictionary.keys().nulls(),
                    values: Box::new(Strings::of(dictionary.values().as_ref())?),
                })
            }
            _ => None,
        }
    }

    /// The string of a row, `None` when it is null.
    fn get(&self, row: usize) -> Option<&'a str> {
        match self {
            Strings::Utf8(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::Large(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::View(array) => array.is_valid(row).then(|| array.value(row)),
            Strings::Dict { keys, nulls, values } => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    return None;
                }
                values.get(*keys.get(row)?)
            }
        }
    }

    /// How many values a dictionary has, or `None` when it is not one.
    fn values(&self) -> Option<&Strings<'a>> {
        match self {
            Strings::Dict { values, .. } => Some(values),
            _ => None,
        }
    }

    fn len(&self) -> usize {
        match self {
            Strings::Utf8(array) => array.len(),
            Strings::Large(array) => array.len(),
            Strings::View(array) => array.len(),
            Strings::Dict { keys, .. } => keys.len(),
        }
    }
}

fn is_string(data_type: &DataType) -> bool {
    matches!(data_type, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

// ---------------------------------------------------------------- names

/// A name read from a row: the value, null, or a name that is not one.
enum Read<'a, T> {
    Value(T),
    Null,
    Unknown(&'a str),
}

/// A column of names of one vocabulary. A dictionary's values are mapped
/// to the vocabulary once, when the column is opened.
struct Names<'a, T> {
    strings: Strings<'a>,
    /// For a dictionary: each value's name, mapped once.
    mapped: Option<Vec<Option<Result<T, &'a str>>>>,
    /// The valid names, once a name was found unknown.
    valid: &'static [&'static str],
}

impl<'a, T: Vocabulary> Names<'a, T> {
    fn of(array: &'a dyn Array) -> Option<Names<'a, T>> {
        let strings = Strings::of(array)?;
        let mut valid: &'static [&'static str] = &[];
        let mapped = strings.values().map(|values| {
            (0..values.len())
                .map(|i| {
                    values.get(i).map(|name| {
                        T::from_str(name).map_err(|err: UnknownName| {
                            valid = err.valid();
                            name
                        })
                    })
                })
                .collect()
        });
        Some(Names { strings, mapped, valid })
    }

    fn get(&mut self, row: usize) -> Read<'a, T> {
        let found = match (&self.mapped, &self.strings) {
            (Some(mapped), Strings::Dict { keys, nulls, .. }) => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    return Read::Null;
                }
                match keys.get(row).and_then(|key| mapped.get(*key)) {
                    Some(Some(found)) => *found,
                    _ => return Read::Null,
                }
            }
            _ => match self.strings.get(row) {
                None => return Read::Null,
                Some(name) => T::from_str(name).map_err(|err| {
                    self.valid = err.valid();
                    name
                }),
            },
        };
        match found {
            Ok(value) => Read::Value(value),
            Err(name) => Read::Unknown(name),
        }
    }
}

/// A required name: a null or an unknown name rejects the row.
fn required<'a, T: Vocabulary>(names: &mut Names<'a, T>, field: RequestField, row: usize) -> Result<T, Rejection<'a>> {
    match names.get(row) {
        Read::Value(value) => Ok(value),
        Read::Null => Err(Rejection::new(RejectKind::MissingField, field)),
        Read::Unknown(name) => Err(Rejection::unknown(field, name, names.valid)),
    }
}

/// An optional name: null is none.
fn optional<'a, T: Vocabulary>(
    names: &mut Names<'a, T>,
    field: RequestField,
    row: usize,
) -> Result<Option<T>, Rejection<'a>> {
    match names.get(row) {
        Read::Value(value) => Ok(Some(value)),
        Read::Null => Ok(None),
        Read::Unknown(name) => Err(Rejection::unknown(field, name, names.valid)),
    }
}

// ---------------------------------------------------------------- sets

/// The offsets of a list column, 32 or 64 bits.
enum Offsets<'a> {
    Small(&'a OffsetBuffer<i32>),
    Large(&'a OffsetBuffer<i64>),
}

impl Offsets<'_> {
    fn range(&self, row: usize) -> (usize, usize) {
        let pair = |start: Option<usize>, end: Option<usize>| (start.unwrap_or(0), end.unwrap_or(0));
        match self {
            Offsets::Small(offsets) => pair(
                offsets.get(row).and_then(|o| usize::try_from(*o).ok()),
                offsets.get(row + 1).and_then(|o| usize::try_from(*o).ok()),
            ),
            Offsets::Large(offsets) => pair(
                offsets.get(row).and_then(|o| usize::try_from(*o).ok()),
                offsets.get(row + 1).and_then(|o| usize::try_from(*o).ok()),
            ),
        }
    }
}

/// A set of names: a list of names, or one string of names separated by
/// commas or semicolons. Null is the empty set.
enum Sets<'a, T> {
    Absent,
    List {
        offsets: Offsets<'a>,
        nulls: Option<&'a NullBuffer>,
        names: Names<'a, T>,
    },
    Joined(Strings<'a>),
}

impl<'a, T: Vocabulary> Sets<'a, T> {
    fn of(array: &'a dyn Array) -> Option<Sets<'a, T>> {
        fn list<'a, O: arrow_array::OffsetSizeTrait, T: Vocabulary>(
            list: &'a GenericListArray<O>,
            offsets: Offsets<'a>,
        ) -> Option<Sets<'a, T>> {
            Some(Sets::List {
                offsets,
                nulls: list.nulls(),
                names: Names::of(list.values().as_ref())?,
            })
        }
        match array.data_type() {
            DataType::List(_) => {
                let array = array.as_list_opt::<i32>()?;
                list(array, Offsets::Small(array.offsets()))
            }
            DataType::LargeList(_) => {
                let array = array.as_list_opt::<i64>()?;
                list(array, Offsets::Large(array.offsets()))
            }
            DataType::Null => Some(Sets::Absent),
            _ => Strings::of(array).map(Sets::Joined),
        }
    }

    fn get(&mut self, field: RequestField, row: usize) -> Result<T::Set, Rejection<'a>> {
        let mut set = T::Set::default();
        match self {
            Sets::Absent => {}
            Sets::List { offsets, nulls, names } => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    return Ok(set);
                }
                let (start, end) = offsets.range(row);
                for i in start..end {
                    let value = match names.get(i) {
                        Read::Value(value) => value,
                        Read::Null => return Err(Rejection::new(RejectKind::InvalidValue, field)),
                        Read::Unknown(name) => return Err(Rejection::unknown(field, name, names.valid)),
                    };
                    set = add(set, value, field)?;
                }
            }
            Sets::Joined(strings) => {
                let Some(text) = strings.get(row) else {
                    return Ok(set);
                };
                for name in text.split([',', ';']).map(str::trim).filter(|name| !name.is_empty()) {
                    let value = T::from_str(name).map_err(|err| Rejection::unknown(field, name, err.valid()))?;
                    set = add(set, value, field)?;
                }
            }
        }
        Ok(set)
    }
}

fn add<'a, T: Vocabulary>(set: T::Set, value: T, field: RequestField) -> Result<T::Set, Rejection<'a>> {
    if T::contains(set, value) {
        let mut rejection = Rejection::new(RejectKind::DuplicateValue, field);
        rejection.value = Some(value.name());
        return Err(rejection);
    }
    Ok(T::with(set, value))
}

// ---------------------------------------------------------------- times

/// A column of times: Arrow timestamps of any unit, or strings read as
/// [`crate::time::parse_time`] reads them.
enum Times<'a> {
    Absent,
    Stamps {
        values: &'a [i64],
        nulls: Option<&'a NullBuffer>,
        /// Nanoseconds per unit.
        scale: i64,
        /// The offset of the column's time zone; `None` for a timestamp
        /// without one, a wall-clock time read in China Standard Time.
        offset: Option<FixedOffset>,
        /// The calendar date of the last row's day (days since 1970): a
        /// log's rows come a day at a time, and the calendar is the costly
        /// part of reading a timestamp.
        day: Option<(i64, NaiveDate)>,
    },
    Strings(Strings<'a>),
}

impl<'a> Times<'a> {
    fn of(array: &'a dyn Array) -> Option<Times<'a>> {
        let DataType::Timestamp(unit, zone) = array.data_type() else {
            return match array.data_type() {
                DataType::Null => Some(Times::Absent),
                _ => Strings::of(array).map(Times::Strings),
            };
        };
        let (values, scale): (&[i64], i64) = match unit {
            TimeUnit::Second => (array.as_primitive_opt::<TimestampSecondType>()?.values(), 1_000_000_000),
            TimeUnit::Millisecond => (
                array.as_primitive_opt::<TimestampMillisecondType>()?.values(),
                1_000_000,
            ),
            TimeUnit::Microsecond => (array.as_primitive_opt::<TimestampMicrosecondType>()?.values(), 1_000),
            TimeUnit::Nanosecond => (array.as_primitive_opt::<TimestampNanosecondType>()?.values(), 1),
        };
        Some(Times::Stamps {
            values,
            nulls: array.nulls(),
            scale,
            offset: zone.as_deref().map(zone_offset),
            day: None,
        })
    }

    fn get(&mut self, field: RequestField, row: usize) -> Result<Option<DateTime<FixedOffset>>, Rejection<'a>> {
        match self {
            Times::Absent => Ok(None),
            Times::Stamps {
                values,
                nulls,
                scale,
                offset,
                day,
            } => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    return Ok(None);
                }
                let invalid = || Rejection::new(RejectKind::InvalidValue, field);
                let value = *values.get(row).ok_or_else(invalid)?;
                // Each unit divided by a constant (a multiplication, not a
                // division, per row).
                let (seconds, fraction) = match *scale {
                    1_000_000_000 => (value, 0),
                    1_000_000 => (value.div_euclid(1_000), value.rem_euclid(1_000)),
                    1_000 => (value.div_euclid(1_000_000), value.rem_euclid(1_000_000)),
                    _ => (value.div_euclid(1_000_000_000), value.rem_euclid(1_000_000_000)),
                };
                let nanos = u32::try_from(fraction * *scale).map_err(|_| invalid())?;
                // `DateTime::from_timestamp`, the date looked up once a day.
                let (days, second) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
                let date = match *day {
                    Some((cached, date)) if cached == days => date,
                    _ => {
                        let date = i32::try_from(days)
                            .ok()
                            .and_then(|days| days.checked_add(UNIX_EPOCH_DAYS_FROM_CE))
                            .and_then(NaiveDate::from_num_days_from_ce_opt)
                            .ok_or_else(invalid)?;
                        *day = Some((days, date));
                        date
                    }
                };
                let time = u32::try_from(second)
                    .ok()
                    .and_then(|second| NaiveTime::from_num_seconds_from_midnight_opt(second, nanos))
                    .ok_or_else(invalid)?;
                let instant = NaiveDateTime::new(date, time).and_utc();
                Ok(Some(match offset {
                    Some(offset) => instant.with_timezone(offset),
                    // A wall-clock time: read in China Standard Time.
                    None => CHINA_STANDARD_TIME
                        .from_local_datetime(&instant.naive_utc())
                        .single()
                        .ok_or_else(invalid)?,
                }))
            }
            Times::Strings(strings) => match strings.get(row) {
                None => Ok(None),
                Some(text) => crate::time::parse_time(text).map(Some).map_err(|_| {
                    let mut rejection = Rejection::new(RejectKind::InvalidValue, field);
                    rejection.value = Some(text);
                    rejection
                }),
            },
        }
    }
}

/// The offset of an Arrow time zone: a fixed offset (`+08:00`), `UTC` or
/// `Z`; any other zone (a name such as `Asia/Shanghai`) is shown in China
/// Standard Time, the instant unchanged.
fn zone_offset(zone: &str) -> FixedOffset {
    if matches!(zone, "UTC" | "Z" | "Etc/UTC" | "+00:00" | "+0000") {
        return FixedOffset::east_opt(0).unwrap_or(CHINA_STANDARD_TIME);
    }
    let sign = match zone.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return CHINA_STANDARD_TIME,
    };
    let digits: String = zone.chars().skip(1).filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok(), Some(0)),
        4 => (
            digits.get(..2).and_then(|h| h.parse().ok()),
            digits.get(2..).and_then(|m| m.parse().ok()),
        ),
        _ => (None, None),
    };
    match (hours, minutes) {
        (Some(hours), Some(minutes)) => {
            FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).unwrap_or(CHINA_STANDARD_TIME)
        }
        _ => CHINA_STANDARD_TIME,
    }
}

/// A column of calendar dates: Arrow dates, or `YYYY-MM-DD` strings.
enum Dates<'a> {
    Absent,
    Days(&'a arrow_array::PrimitiveArray<Date32Type>),
    Strings(Strings<'a>),
}

impl<'a> Dates<'a> {
    fn of(array: &'a dyn Array) -> Option<Dates<'a>> {
        match array.data_type() {
            DataType::Date32 => array.as_primitive_opt::<Date32Type>().map(Dates::Days),
            DataType::Null => Some(Dates::Absent),
            _ => Strings::of(array).map(Dates::Strings),
        }
    }

    fn get(&self, field: RequestField, row: usize) -> Result<Option<NaiveDate>, Rejection<'a>> {
        match self {
            Dates::Absent => Ok(None),
            Dates::Days(days) => {
                if days.is_null(row) {
                    return Ok(None);
                }
                let epoch = NaiveDate::from_ymd_opt(1970, 1, 1);
                epoch
                    .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(days.value(row)))))
                    .map(Some)
                    .ok_or(Rejection::new(RejectKind::InvalidValue, field))
            }
            Dates::Strings(strings) => match strings.get(row) {
                None => Ok(None),
                Some(text) => NaiveDate::from_str(text).map(Some).map_err(|_| {
                    let mut rejection = Rejection::new(RejectKind::InvalidValue, field);
                    rejection.value = Some(text);
                    rejection
                }),
            },
        }
    }
}

// ---------------------------------------------------------------- columns

/// The columns of a batch of requests, ready to be read row by row.
///
/// Each request field is a column named after it (its wire name,
/// [`RequestField`]); the six of [`Request::new`] are required, the others
/// optional. Columns with other names are not read: they are the envelope
/// of the events (an id, a host, a tenant), as a log event's fields
/// outside its request are. `account` is not read from columns: a batch
/// that has it is refused ([`SchemaError::Unsupported`]) rather than
/// decided without it.
///
/// The encodings read:
///
/// | field | Arrow types |
/// |---|---|
/// | names (`service`, `party`, `action`, `data`, `purpose`, `location`, `circumstance`) | `Utf8`, `LargeUtf8`, `Utf8View`, or a dictionary of them |
/// | sets (`authorizations`, `objections`) | a list (`List`, `LargeList`) of names as above, or one string of names separated by `,` or `;` |
/// | times (`at`, `service_terminated_at`, `trial_ended_at`) | `Timestamp` of any unit (without a time zone: a wall-clock time in China Standard Time), or a string as [`crate::time::parse_time`] reads it |
/// | `subject_birth_date` | `Date32`, or a `YYYY-MM-DD` string |
/// | `preview` | `Boolean` |
///
/// A null is an absent value: a null in a required column rejects its row
/// ([`RejectKind::MissingField`]); a null optional value is left out (no
/// authorization, no time). A dictionary's values are read once per batch;
/// reading a row allocates nothing.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray};
/// use vianet_privacy::arrow::{RejectKind, RequestColumns, RequestField};
///
/// let column = |values: &[Option<&str>]| Arc::new(StringArray::from(values.to_vec())) as ArrayRef;
/// let batch = RecordBatch::try_from_iter([
///     ("service", column(&[Some("azure"), Some("azure")])),
///     ("party", column(&[Some("operator"), Some("suplier")])),
///     ("action", column(&[Some("use"), Some("access")])),
///     ("data", column(&[Some("customer_content"), Some("customer_content")])),
///     ("purpose", column(&[Some("provide_service"), Some("troubleshooting")])),
///     ("location", column(&[Some("mainland_china"), None])),
///     ("host", column(&[Some("api-1"), Some("api-2")])), // not a request field: not read
/// ])?;
/// let mut columns = RequestColumns::new(&batch)?;
/// assert!(columns.decide(0).is_ok_and(|decision| decision.is_allowed()));
/// let rejected = columns.decide(1).unwrap_err();
/// assert_eq!(rejected.kind, RejectKind::UnknownValue);
/// assert_eq!((rejected.field, rejected.value), (RequestField::Party, Some("suplier")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct RequestColumns<'a> {
    len: usize,
    service: Names<'a, OnlineService>,
    party: Names<'a, Party>,
    action: Names<'a, Action>,
    data: Names<'a, DataElement>,
    purpose: Names<'a, Purpose>,
    location: Names<'a, Location>,
    authorizations: Sets<'a, crate::Authorization>,
    circumstance: Option<Names<'a, Circumstance>>,
    objections: Sets<'a, Objection>,
    at: Times<'a>,
    service_terminated_at: Times<'a>,
    trial_ended_at: Times<'a>,
    preview: Option<&'a BooleanArray>,
    subject_birth_date: Dates<'a>,
}

impl<'a> RequestColumns<'a> {
    /// The request columns of a batch, found by name.
    ///
    /// # Errors
    ///
    /// [`SchemaError`] when a required column is missing, a request
    /// field's column has a type that cannot hold it, or the batch has an
    /// `account` column.
    pub fn new(batch: &'a RecordBatch) -> Result<RequestColumns<'a>, SchemaError> {
        let schema = batch.schema_ref();
        let columns = schema
            .fields()
            .iter()
            .zip(batch.columns())
            .filter_map(|(field, column)| {
                RequestField::from_str(field.name())
                    .ok()
                    .map(|request_field| (request_field, column.as_ref()))
            });
        RequestColumns::from_fields(batch.num_rows(), columns)
    }

    /// Request columns given as (field, array) pairs, all of `len` rows: for
    /// a caller that has its columns under other names, or positionally
    /// (a SQL function's arguments).
    ///
    /// ```
    /// use arrow_array::{Array, StringArray};
    /// use vianet_privacy::arrow::{RequestColumns, RequestField};
    ///
    /// let names = [
    ///     (RequestField::Service, "azure"),
    ///     (RequestField::Party, "operator"),
    ///     (RequestField::Action, "retain"),
    ///     (RequestField::Data, "security_code"),
    ///     (RequestField::Purpose, "future_transactions"),
    ///     (RequestField::Location, "mainland_china"),
    /// ];
    /// let arrays: Vec<(RequestField, StringArray)> =
    ///     names.iter().map(|(field, name)| (*field, StringArray::from(vec![*name]))).collect();
    /// let mut columns =
    ///     RequestColumns::from_fields(1, arrays.iter().map(|(field, array)| (*field, array as &dyn Array)))?;
    /// assert!(columns.decide(0).is_ok_and(|decision| !decision.is_allowed())); // the rejection borrows `arrays`
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`RequestColumns::new`]; besides, [`SchemaError::Length`] when a
    /// column does not have `len` rows, and [`SchemaError::Duplicate`] when
    /// a field is given twice.
    pub fn from_fields(
        len: usize,
        fields: impl IntoIterator<Item = (RequestField, &'a dyn Array)>,
    ) -> Result<RequestColumns<'a>, SchemaError> {
        let mut found: [Option<&'a dyn Array>; RequestField::ALL.len()] = [None; RequestField::ALL.len()];
        for (field, array) in fields {
            if array.len() != len {
                return Err(SchemaError::Length {
                    field,
                    expected: len,
                    found: array.len(),
                });
            }
            let slot = found.get_mut(field.index()).ok_or(SchemaError::Unsupported(field))?;
            if slot.replace(array).is_some() {
                return Err(SchemaError::Duplicate(field));
            }
        }
        let get = |field: RequestField| found.get(field.index()).copied().flatten();
        let wrong = |field: RequestField, array: &dyn Array| SchemaError::Type {
            field,
            found: array.data_type().to_string(),
        };
        fn names<'a, T: Vocabulary>(
            array: Option<&'a dyn Array>,
            field: RequestField,
            wrong: &dyn Fn(RequestField, &dyn Array) -> SchemaError,
        ) -> Result<Names<'a, T>, SchemaError> {
            let array = array.ok_or(SchemaError::Missing(field))?;
            Names::of(array).ok_or_else(|| wrong(field, array))
        }
        fn sets<'a, T: Vocabulary>(
            array: Option<&'a dyn Array>,
            field: RequestField,
            wrong: &dyn Fn(RequestField, &dyn Array) -> SchemaError,
        ) -> Result<Sets<'a, T>, SchemaError> {
            match array {
                None => Ok(Sets::Absent),
                Some(array) => Sets::of(array).ok_or_else(|| wrong(field, array)),
            }
        }
        let times = |field: RequestField| match get(field) {
            None => Ok(Times::Absent),
            Some(array) => Times::of(array).ok_or_else(|| wrong(field, array)),
        };
        if get(RequestField::Account).is_some() {
            return Err(SchemaError::Unsupported(RequestField::Account));
        }
        use RequestField as F;
        Ok(RequestColumns {
            len,
            service: names(get(F::Service), F::Service, &wrong)?,
            party: names(get(F::Party), F::Party, &wrong)?,
            action: names(get(F::Action), F::Action, &wrong)?,
            data: names(get(F::Data), F::Data, &wrong)?,
            purpose: names(get(F::Purpose), F::Purpose, &wrong)?,
            location: names(get(F::Location), F::Location, &wrong)?,
            authorizations: sets(get(F::Authorizations), F::Authorizations, &wrong)?,
            circumstance: match get(F::Circumstance) {
                None => None,
                Some(array) if array.data_type() == &DataType::Null => None,
                Some(array) => Some(Names::of(array).ok_or_else(|| wrong(F::Circumstance, array))?),
            },
            objections: sets(get(F::Objections), F::Objections, &wrong)?,
            at: times(F::At)?,
            service_terminated_at: times(F::ServiceTerminatedAt)?,
            trial_ended_at: times(F::TrialEndedAt)?,
            preview: match get(F::Preview) {
                None => None,
                Some(array) => Some(array.as_boolean_opt().ok_or_else(|| wrong(F::Preview, array))?),
            },
            subject_birth_date: match get(F::SubjectBirthDate) {
                None => Dates::Absent,
                Some(array) => Dates::of(array).ok_or_else(|| wrong(F::SubjectBirthDate, array))?,
            },
        })
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The request of a row.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] of a row that does not hold a request: a null
    /// required value, an unknown name, a name listed twice, an unreadable
    /// time or date; or a row past the end ([`RejectKind::MissingField`]
    /// on `service`).
    pub fn request(&mut self, row: usize) -> Result<Request, Rejection<'a>> {
        use RequestField as F;
        if row >= self.len {
            return Err(Rejection::new(RejectKind::MissingField, F::Service));
        }
        let mut request = Request::new(
            required(&mut self.service, F::Service, row)?,
            required(&mut self.party, F::Party, row)?,
            required(&mut self.action, F::Action, row)?,
            required(&mut self.data, F::Data, row)?,
            required(&mut self.purpose, F::Purpose, row)?,
            required(&mut self.location, F::Location, row)?,
        );
        request.authorizations = self.authorizations.get(F::Authorizations, row)?;
        if let Some(circumstance) = &mut self.circumstance {
            request.circumstance = optional(circumstance, F::Circumstance, row)?;
        }
        request.objections = self.objections.get(F::Objections, row)?;
        request.at = self.at.get(F::At, row)?;
        request.service_terminated_at = self.service_terminated_at.get(F::ServiceTerminatedAt, row)?;
        request.trial_ended_at = self.trial_ended_at.get(F::TrialEndedAt, row)?;
        request.preview = self
            .preview
            .is_some_and(|preview| preview.is_valid(row) && preview.value(row));
        request.subject_birth_date = self.subject_birth_date.get(F::SubjectBirthDate, row)?;
        Ok(request)
    }

    /// The request of a row, decided.
    ///
    /// # Errors
    ///
    /// The row's [`Rejection`]: as [`RequestColumns::request`], or the
    /// request's [`RequestError`] (kinds
    /// [`RejectKind::BeforeStatementInForce`],
    /// [`RejectKind::MissingField`], [`RejectKind::Contradictory`]).
    pub fn decide(&mut self, row: usize) -> Result<Decision, Rejection<'a>> {
        let request = self.request(row)?;
        crate::decide(&request).map_err(Rejection::from)
    }
}

impl From<RequestError> for Rejection<'_> {
    /// A request that was read but cannot be decided, kinds as
    /// `WireError`'s.
    fn from(err: RequestError) -> Self {
        let (kind, field) = match err {
            RequestError::BeforeStatementInForce { .. } => (RejectKind::BeforeStatementInForce, RequestField::At),
            RequestError::MissingTime { .. } => (RejectKind::MissingField, RequestField::At),
            RequestError::AccountClosedAfterDecision { .. } | RequestError::RetentionEndsBeforeClosing { .. } => {
                (RejectKind::Contradictory, RequestField::Account)
            }
            RequestError::BirthDateAfterDecision { .. } => (RejectKind::Contradictory, RequestField::SubjectBirthDate),
            _ => (RejectKind::Contradictory, RequestField::At),
        };
        let mut rejection = Rejection::new(kind, field);
        rejection.request_error = Some(err);
        rejection
    }
}
