//! The strict reader: a [`Request`] (and the [`Account`] inside it, and the
//! log [`Event`](crate::audit::Event) around it) read field by field from
//! any serde format, straight from the text: no intermediate value, names
//! compared where they lie in the input, nothing allocated unless
//! something is wrong.
//!
//! Every value inside an object is read with `deserialize_any`, so that
//! the reader's own visitor sees a value of the wrong type and records
//! where it is; objects are read with `deserialize_struct`, so that serde
//! tools can list their fields.
//!
//! Whatever is wrong is recorded as a typed [`Fault`]: what kind, which
//! name, which names were expected, and where (a JSON path built on the
//! way out, so that it costs nothing when nothing is wrong). The error
//! that travels through serde carries only the message; the caller that
//! owns the [`Faults`] reads the typed fault back. So the kinds a program
//! matches on never come from reading another crate's message text.

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;
use std::cell::RefCell;
#[cfg(feature = "json")]
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::model::vocabulary::Vocabulary;
#[cfg(feature = "json")]
use crate::StatementVersion;
use crate::{Account, ComplianceRequest, Decision, RecordRetention, Request, UnknownName};

/// What kind of fault: the reader's own part of
/// [`WireErrorKind`](crate::wire::WireErrorKind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    UnknownField,
    UnknownValue,
    MissingField,
    DuplicateField,
    DuplicateValue,
    InvalidValue,
}

/// Something wrong with the input, as the reader found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    pub kind: FaultKind,
    /// What is wrong, without where.
    pub message: String,
    /// The field or value concerned.
    pub name: Option<String>,
    /// The names that would have been accepted.
    pub expected: Vec<String>,
    /// Where, from the root of the document: `request.authorizations[1]`.
    pub path: String,
}

/// Where the reader records the first fault it finds.
#[derive(Default)]
pub(crate) struct Faults(RefCell<Option<Fault>>);

impl Faults {
    /// Records a fault (the first one wins: the innermost, found first) and
    /// returns the error that travels through serde.
    fn fail<E: de::Error>(&self, kind: FaultKind, name: Option<&str>, expected: Vec<String>, message: String) -> E {
        let err = E::custom(&message);
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            *slot = Some(Fault {
                kind,
                message,
                name: name.map(str::to_owned),
                expected,
                path: String::new(),
            });
        }
        err
    }

    /// On the way out of a field or element: puts it in front of the
    /// recorded fault's path.
    fn within(&self, segment: Segment<'_>) {
        if let Some(fault) = self.0.borrow_mut().as_mut() {
            let rest = core::mem::take(&mut fault.path);
            fault.path = match segment {
                Segment::Field(name) if rest.is_empty() || rest.starts_with('[') => format!("{name}{rest}"),
                Segment::Field(name) => format!("{name}.{rest}"),
                Segment::Index(index) => format!("[{index}]{rest}"),
            };
        }
    }

    /// The recorded fault, if any.
    pub(crate) fn take(&self) -> Option<Fault> {
        self.0.borrow_mut().take()
    }

    fn wrong_type<E: de::Error>(&self, what: &dyn fmt::Display, found: de::Unexpected<'_>) -> E {
        self.fail(
            FaultKind::InvalidValue,
            None,
            Vec::new(),
            format!("expected {what}, found {found}"),
        )
    }
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

/// The visitor methods for the JSON types a visitor does not take: each
/// records a fault that says what was expected and what was found.
macro_rules! wrong_types {
    ($($method:ident($ty:ty) => $unexpected:expr),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
                Err(self.faults.wrong_type(&self, $unexpected(value)))
            }
        )*
    };
}

/// Every scalar visitor method, failing.
macro_rules! wrong_scalars {
    () => {
        wrong_types! {
            visit_bool(bool) => de::Unexpected::Bool,
            visit_i64(i64) => de::Unexpected::Signed,
            visit_u64(u64) => de::Unexpected::Unsigned,
            visit_f64(f64) => de::Unexpected::Float,
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(self.faults.wrong_type(&self, de::Unexpected::Unit))
        }
    };
}

macro_rules! wrong_containers {
    () => {
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(self.faults.wrong_type(&self, de::Unexpected::Seq))
        }
        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(self.faults.wrong_type(&self, de::Unexpected::Map))
        }
    };
}

/// The `Display` (what the reader expects, for messages) and the
/// `DeserializeSeed` of one of this module's readers: a value read with
/// `deserialize_any`, or an object with `deserialize_struct`.
macro_rules! reads {
    ($seed:ident => $value:ty, $what:literal) => {
        impl fmt::Display for $seed<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($what)
            }
        }

        impl<'de> DeserializeSeed<'de> for $seed<'_> {
            type Value = $value;

            fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<$value, D::Error> {
                deserializer.deserialize_any(self)
            }
        }
    };
    ($seed:ident => $value:ty, struct $name:literal $fields:ident, $what:literal) => {
        impl fmt::Display for $seed<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($what)
            }
        }

        impl<'de> DeserializeSeed<'de> for $seed<'_> {
            type Value = $value;

            fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<$value, D::Error> {
                deserializer.deserialize_struct($name, $fields, self)
            }
        }
    };
}

/// A visitor's `expecting`: its `Display`.
macro_rules! expecting {
    () => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(self, f)
        }
    };
}

/// An object reader's answers to anything but an object.
macro_rules! not_an_object {
    () => {
        wrong_scalars!();

        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(self.faults.wrong_type(&self, de::Unexpected::Other("a string")))
        }

        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(self.faults.wrong_type(&self, de::Unexpected::Seq))
        }
    };
}

// ---------------------------------------------------------------- names

/// A name of one of the crate's vocabularies.
struct Name<'f, T> {
    faults: &'f Faults,
    of: PhantomData<T>,
}

impl<'f, T> Name<'f, T> {
    fn new(faults: &'f Faults) -> Self {
        Name {
            faults,
            of: PhantomData,
        }
    }
}

impl<T: Vocabulary> fmt::Display for Name<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} name (a JSON string)", T::KIND)
    }
}

impl<'de, T: Vocabulary> DeserializeSeed<'de> for Name<'_, T> {
    type Value = T;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Vocabulary> Visitor<'de> for Name<'_, T> {
    type Value = T;

    expecting!();

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        value.parse().map_err(|err: UnknownName| {
            self.faults.fail(
                FaultKind::UnknownValue,
                Some(err.given()),
                err.valid().iter().map(|name| (*name).to_owned()).collect(),
                err.to_string(),
            )
        })
    }

    wrong_scalars!();
    wrong_containers!();
}

/// A set of names, each at most once.
struct Names<'f, T> {
    faults: &'f Faults,
    of: PhantomData<T>,
}

impl<T: Vocabulary> fmt::Display for Names<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {} names", T::KIND)
    }
}

impl<'de, T: Vocabulary> DeserializeSeed<'de> for Names<'_, T> {
    type Value = T::Set;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T::Set, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: Vocabulary> Visitor<'de> for Names<'_, T> {
    type Value = T::Set;

    expecting!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T::Set, A::Error> {
        let mut set = T::Set::default();
        let mut index = 0;
        loop {
            let value = match seq.next_element_seed(Name::<T>::new(self.faults)) {
                Ok(Some(value)) => value,
                Ok(None) => return Ok(set),
                Err(err) => {
                    self.faults.within(Segment::Index(index));
                    return Err(err);
                }
            };
            if T::contains(set, value) {
                let err = self.faults.fail(
                    FaultKind::DuplicateValue,
                    Some(value.name()),
                    Vec::new(),
                    format!("{} `{}` is listed twice", T::KIND, value.name()),
                );
                self.faults.within(Segment::Index(index));
                return Err(err);
            }
            set = T::with(set, value);
            index += 1;
        }
    }

    wrong_scalars!();

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(self.faults.wrong_type(&self, de::Unexpected::Other("a string")))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.faults.wrong_type(&self, de::Unexpected::Map))
    }
}

// ---------------------------------------------------------------- scalars

/// A time, read as [`crate::time::parse_time`] reads it.
struct Time<'f> {
    faults: &'f Faults,
}

reads!(Time => DateTime<FixedOffset>, "a time such as \"2024-03-01T09:30:00+08:00\" (a JSON string)");

impl<'de> Visitor<'de> for Time<'_> {
    type Value = DateTime<FixedOffset>;

    expecting!();

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        crate::time::parse_time(value).map_err(|err| {
            self.faults
                .fail(FaultKind::InvalidValue, Some(value), Vec::new(), err.to_string())
        })
    }

    wrong_scalars!();
    wrong_containers!();
}

/// A calendar date, `YYYY-MM-DD`.
struct Date<'f> {
    faults: &'f Faults,
}

reads!(Date => NaiveDate, "a date such as \"2008-02-29\" (a JSON string)");

impl<'de> Visitor<'de> for Date<'_> {
    type Value = NaiveDate;

    expecting!();

    fn visit_str<E: de::Error>(self, value: &str) -> Result<NaiveDate, E> {
        NaiveDate::from_str(value).map_err(|_| {
            self.faults.fail(
                FaultKind::InvalidValue,
                Some(value),
                Vec::new(),
                format!("`{value}` is not a date such as `2008-02-29` (YYYY-MM-DD)"),
            )
        })
    }

    wrong_scalars!();
    wrong_containers!();
}

/// `true` or `false`.
struct Flag<'f> {
    faults: &'f Faults,
}

reads!(Flag => bool, "true or false");

impl<'de> Visitor<'de> for Flag<'_> {
    type Value = bool;

    expecting!();

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<bool, E> {
        Ok(value)
    }

    wrong_types! {
        visit_i64(i64) => de::Unexpected::Signed,
        visit_u64(u64) => de::Unexpected::Unsigned,
        visit_f64(f64) => de::Unexpected::Float,
        visit_str(&str) => de::Unexpected::Str,
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Err(self.faults.wrong_type(&self, de::Unexpected::Unit))
    }

    wrong_containers!();
}

/// A value that may be `null` (or left out).
struct Nullable<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Nullable<S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }
}

// ---------------------------------------------------------------- objects

/// The field names of an object, as the reader meets them.
struct Key<'f> {
    faults: &'f Faults,
    fields: &'static [&'static str],
    /// Whether names outside `fields` are the envelope (ignored) rather
    /// than an error.
    envelope: bool,
}

/// A key: the position of a known field, or `None` for envelope.
impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<usize>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        // Length and first byte first: most fields differ there, without a
        // call to compare the rest.
        let same = |field: &&str| {
            field.len() == key.len() && field.as_bytes().first() == key.as_bytes().first() && *field == key
        };
        match self.fields.iter().position(same) {
            Some(position) => Ok(Some(position)),
            None if self.envelope => Ok(None),
            None => Err(self.faults.fail(
                FaultKind::UnknownField,
                Some(key),
                self.fields.iter().map(|field| (*field).to_owned()).collect(),
                format!("unknown field `{key}`; the fields are: {}", self.fields.join(", ")),
            )),
        }
    }
}

/// Walks an object's fields: each known field once, unknown ones refused
/// (or, for an envelope, skipped), then the missing required ones named.
struct Object<'f, 'de, A> {
    faults: &'f Faults,
    map: A,
    fields: &'static [&'static str],
    seen: u64,
    envelope: bool,
    marker: PhantomData<&'de ()>,
}

impl<'f, 'de, A: MapAccess<'de>> Object<'f, 'de, A> {
    fn new(faults: &'f Faults, map: A, fields: &'static [&'static str], envelope: bool) -> Self {
        Object {
            faults,
            map,
            fields,
            seen: 0,
            envelope,
            marker: PhantomData,
        }
    }

    /// The next known field, or `None` at the end of the object.
    fn next(&mut self) -> Result<Option<usize>, A::Error> {
        loop {
            let key = Key {
                faults: self.faults,
                fields: self.fields,
                envelope: self.envelope,
            };
            match self.map.next_key_seed(key)? {
                None => return Ok(None),
                Some(None) => {
                    self.map.next_value::<IgnoredAny>()?;
                }
                Some(Some(field)) => {
                    let bit = 1u64 << field;
                    if self.seen & bit != 0 {
                        let name = self.name(field);
                        return Err(self.faults.fail(
                            FaultKind::DuplicateField,
                            Some(name),
                            Vec::new(),
                            format!("field `{name}` is given twice"),
                        ));
                    }
                    self.seen |= bit;
                    return Ok(Some(field));
                }
            }
        }
    }

    fn name(&self, field: usize) -> &'static str {
        self.fields.get(field).copied().unwrap_or("?")
    }

    /// The value of the field just read, through `seed`.
    fn value<S: DeserializeSeed<'de>>(&mut self, field: usize, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(seed).inspect_err(|_| {
            self.faults.within(Segment::Field(self.name(field)));
        })
    }

    /// The value of the field just read, as its own serde type (for the
    /// types the crate writes and reads back, such as a decision).
    #[cfg(feature = "json")]
    fn plain<T: de::Deserialize<'de>>(&mut self, field: usize) -> Result<T, A::Error> {
        let name = self.name(field);
        self.map.next_value::<T>().map_err(|err| {
            let err: A::Error = self
                .faults
                .fail(FaultKind::InvalidValue, None, Vec::new(), format!("`{name}`: {err}"));
            self.faults.within(Segment::Field(name));
            err
        })
    }

    /// A required field that was not given.
    pub(crate) fn missing(&self, field: usize) -> A::Error {
        let name = self.name(field);
        self.faults.fail(
            FaultKind::MissingField,
            Some(name),
            Vec::new(),
            format!("missing field `{name}`"),
        )
    }
}

fn required<T, E>(value: Option<T>, object_missing: impl FnOnce() -> E) -> Result<T, E> {
    value.ok_or_else(object_missing)
}

// ---------------------------------------------------------------- request

const REQUEST_FIELDS: &[&str] = &[
    "service",
    "party",
    "action",
    "data",
    "purpose",
    "location",
    "authorizations",
    "circumstance",
    "objections",
    "at",
    "account",
    "service_terminated_at",
    "trial_ended_at",
    "preview",
    "subject_birth_date",
];

/// A [`Request`], strictly.
pub(crate) struct RequestSeed<'f> {
    pub faults: &'f Faults,
}

reads!(RequestSeed => Request, struct "Request" REQUEST_FIELDS, "a request (a JSON object)");

impl<'de> Visitor<'de> for RequestSeed<'_> {
    type Value = Request;

    expecting!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Request, A::Error> {
        let faults = self.faults;
        let mut object = Object::new(faults, map, REQUEST_FIELDS, false);
        let (mut service, mut party, mut action, mut data, mut purpose, mut location) =
            (None, None, None, None, None, None);
        let mut request = Request::new(
            crate::OnlineService::Azure,
            crate::Party::Operator,
            crate::Action::Use,
            crate::DataElement::CustomerContent,
            crate::Purpose::ProvideService,
            crate::Location::MainlandChina,
        );
        while let Some(field) = object.next()? {
            match field {
                0 => service = Some(object.value(field, Name::new(faults))?),
                1 => party = Some(object.value(field, Name::new(faults))?),
                2 => action = Some(object.value(field, Name::new(faults))?),
                3 => data = Some(object.value(field, Name::new(faults))?),
                4 => purpose = Some(object.value(field, Name::new(faults))?),
                5 => location = Some(object.value(field, Name::new(faults))?),
                6 => {
                    request.authorizations = object.value(
                        field,
                        Names::<crate::Authorization> {
                            faults,
                            of: PhantomData,
                        },
                    )?
                }
                7 => request.circumstance = object.value(field, Nullable(Name::new(faults)))?,
                8 => {
                    request.objections = object.value(
                        field,
                        Names::<crate::Objection> {
                            faults,
                            of: PhantomData,
                        },
                    )?
                }
                9 => request.at = object.value(field, Nullable(Time { faults }))?,
                10 => request.account = object.value(field, Nullable(AccountSeed { faults }))?,
                11 => request.service_terminated_at = object.value(field, Nullable(Time { faults }))?,
                12 => request.trial_ended_at = object.value(field, Nullable(Time { faults }))?,
                13 => request.preview = object.value(field, Flag { faults })?,
                _ => request.subject_birth_date = object.value(field, Nullable(Date { faults }))?,
            }
        }
        request.service = required(service, || object.missing(0))?;
        request.party = required(party, || object.missing(1))?;
        request.action = required(action, || object.missing(2))?;
        request.data = required(data, || object.missing(3))?;
        request.purpose = required(purpose, || object.missing(4))?;
        request.location = required(location, || object.missing(5))?;
        Ok(request)
    }

    not_an_object!();
}

// ---------------------------------------------------------------- tags

/// A field that names one of two forms (an account's `state`, a decision's
/// `effect`), read as the index of the name given.
struct Tag<'f> {
    faults: &'f Faults,
    /// What the field is, for messages: "account state".
    what: &'static str,
    names: [&'static str; 2],
}

impl<'f> Tag<'f> {
    const fn new(faults: &'f Faults, what: &'static str, names: [&'static str; 2]) -> Self {
        Tag { faults, what, names }
    }
}

impl fmt::Display for Tag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [first, second] = self.names;
        write!(f, "an {}, \"{first}\" or \"{second}\"", self.what)
    }
}

impl<'de> DeserializeSeed<'de> for Tag<'_> {
    type Value = usize;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tag<'_> {
    type Value = usize;

    expecting!();

    fn visit_str<E: de::Error>(self, value: &str) -> Result<usize, E> {
        match self.names.iter().position(|name| *name == value) {
            Some(index) => Ok(index),
            None => {
                let [first, second] = self.names;
                Err(self.faults.fail(
                    FaultKind::UnknownValue,
                    Some(value),
                    self.names.iter().map(|name| (*name).to_owned()).collect(),
                    format!("unknown {} `{value}`; expected one of: {first}, {second}", self.what),
                ))
            }
        }
    }

    wrong_scalars!();
    wrong_containers!();
}

// ---------------------------------------------------------------- account

const ACCOUNT_FIELDS: &[&str] = &["state", "closed_at", "retention_expires"];

/// An [`Account`]: `{"state": "open"}`, or `{"state": "closed",
/// "closed_at": …, "retention_expires": …}`, and no other field.
pub(crate) struct AccountSeed<'f> {
    pub faults: &'f Faults,
}

reads!(AccountSeed => Account, struct "Account" ACCOUNT_FIELDS, "an account (a JSON object with `state`)");

impl<'de> Visitor<'de> for AccountSeed<'_> {
    type Value = Account;

    expecting!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Account, A::Error> {
        let faults = self.faults;
        let mut object = Object::new(faults, map, ACCOUNT_FIELDS, false);
        let (mut closed, mut closed_at, mut retention_expires) = (None, None, None);
        while let Some(field) = object.next()? {
            match field {
                0 => closed = Some(object.value(field, Tag::new(faults, "account state", ["open", "closed"]))? == 1),
                1 => closed_at = Some(object.value(field, Time { faults })?),
                _ => retention_expires = Some(object.value(field, Time { faults })?),
            }
        }
        if !required(closed, || object.missing(0))? {
            // An open account has no times.
            return match (closed_at, retention_expires) {
                (None, None) => Ok(Account::Open),
                (Some(_), _) => Err(object.extra(1)),
                (None, Some(_)) => Err(object.extra(2)),
            };
        }
        Ok(Account::Closed {
            closed_at: required(closed_at, || object.missing(1))?,
            retention_expires: required(retention_expires, || object.missing(2))?,
        })
    }

    not_an_object!();
}

impl<'de, A: MapAccess<'de>> Object<'_, 'de, A> {
    /// A field this object's other fields rule out.
    fn extra(&self, field: usize) -> A::Error {
        let name = self.name(field);
        let err = self.faults.fail(
            FaultKind::UnknownField,
            Some(name),
            vec!["state".to_owned()],
            format!("an open account has no `{name}`; only a closed one has `closed_at` and `retention_expires`"),
        );
        self.faults.within(Segment::Field(name));
        err
    }
}

// ---------------------------------------------------------------- compliance

const COMPLIANCE_FIELDS: &[&str] = &[
    "activity",
    "prohibited_content",
    "website",
    "subject_to_permit_or_approval",
    "authorizations",
    "records_kept",
    "identity_provided",
    "identity_false",
    "recorded_at",
    "retention",
    "at",
];

/// A [`ComplianceRequest`], strictly.
pub(crate) struct ComplianceSeed<'f> {
    pub faults: &'f Faults,
}

reads!(ComplianceSeed => ComplianceRequest, struct "ComplianceRequest" COMPLIANCE_FIELDS, "a compliance request (a JSON object with `activity`)");

/// A set of names, as [`Names`] reads it.
fn names<T: Vocabulary>(faults: &Faults) -> Names<'_, T> {
    Names {
        faults,
        of: PhantomData,
    }
}

impl<'de> Visitor<'de> for ComplianceSeed<'_> {
    type Value = ComplianceRequest;

    expecting!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ComplianceRequest, A::Error> {
        let faults = self.faults;
        let mut object = Object::new(faults, map, COMPLIANCE_FIELDS, false);
        let mut activity = None;
        let mut request = ComplianceRequest::new(crate::Activity::Produce);
        while let Some(field) = object.next()? {
            match field {
                0 => activity = Some(object.value(field, Name::new(faults))?),
                1 => request.prohibited_content = object.value(field, Nullable(Name::new(faults)))?,
                2 => request.website = object.value(field, Nullable(Name::new(faults)))?,
                3 => request.subject_to_permit_or_approval = object.value(field, Nullable(Flag { faults }))?,
                4 => request.authorizations = object.value(field, names::<crate::Authorization>(faults))?,
                5 => request.records_kept = object.value(field, names::<crate::RecordItem>(faults))?,
                6 => request.identity_provided = object.value(field, names::<crate::RegistrationInfo>(faults))?,
                7 => request.identity_false = object.value(field, names::<crate::RegistrationInfo>(faults))?,
                8 => request.recorded_at = object.value(field, Nullable(Time { faults }))?,
                9 => request.retention = object.value(field, Days { faults })?,
                _ => request.at = object.value(field, Nullable(Time { faults }))?,
            }
        }
        request.activity = required(activity, || object.missing(0))?;
        Ok(request)
    }

    not_an_object!();
}

/// A records retention period: a whole number of days, at least one.
struct Days<'f> {
    faults: &'f Faults,
}

reads!(Days => RecordRetention, "a number of days from 1 to 65535");

impl<'de> Visitor<'de> for Days<'_> {
    type Value = RecordRetention;

    expecting!();

    fn visit_u64<E: de::Error>(self, days: u64) -> Result<RecordRetention, E> {
        u16::try_from(days)
            .ok()
            .and_then(RecordRetention::from_days)
            .ok_or_else(|| self.faults.wrong_type(&self, de::Unexpected::Unsigned(days)))
    }

    wrong_types! {
        visit_bool(bool) => de::Unexpected::Bool,
        visit_i64(i64) => de::Unexpected::Signed,
        visit_f64(f64) => de::Unexpected::Float,
        visit_str(&str) => de::Unexpected::Str,
    }

    fn visit_unit<E: de::Error>(self) -> Result<RecordRetention, E> {
        Err(self.faults.wrong_type(&self, de::Unexpected::Unit))
    }

    wrong_containers!();
}

// ---------------------------------------------------------------- decision

const DECISION_FIELDS: &[&str] = &[
    "effect",
    "clause",
    "obligations",
    "advisories",
    "statement_version",
    "kind",
    "reason",
    "missing",
];
const ALLOW_FIELDS: &[&str] = &["effect", "clause", "obligations", "advisories", "statement_version"];
const DENY_FIELDS: &[&str] = &[
    "effect",
    "clause",
    "kind",
    "reason",
    "missing",
    "advisories",
    "statement_version",
];

/// A [`Decision`] as the crate writes it: `effect` and that effect's
/// fields, and no other.
pub(crate) struct DecisionSeed<'f> {
    pub faults: &'f Faults,
}

reads!(DecisionSeed => Decision, struct "Decision" DECISION_FIELDS, "a decision (a JSON object with `effect`)");

impl<'de> Visitor<'de> for DecisionSeed<'_> {
    type Value = Decision;

    expecting!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Decision, A::Error> {
        let faults = self.faults;
        let mut object = Object::new(faults, map, DECISION_FIELDS, false);
        let (mut effect, mut clause, mut obligations, mut advisories, mut version) = (None, None, None, None, None);
        let (mut kind, mut reason, mut missing) = (None, None, None);
        while let Some(field) = object.next()? {
            match field {
                0 => effect = Some(object.value(field, Tag::new(faults, "effect", ["allow", "deny"]))? == 0),
                1 => clause = Some(object.value(field, Name::new(faults))?),
                2 => obligations = Some(object.value(field, names::<crate::Obligation>(faults))?),
                3 => advisories = Some(object.value(field, names::<crate::Advisory>(faults))?),
                4 => version = Some(object.value(field, Name::new(faults))?),
                5 => kind = Some(object.value(field, Name::new(faults))?),
                6 => reason = Some(object.value(field, Name::new(faults))?),
                _ => missing = Some(object.value(field, names::<crate::Authorization>(faults))?),
            }
        }
        let allow = required(effect, || object.missing(0))?;
        // The fields of the other effect do not belong.
        let (own, foreign): (&[&str], [(bool, usize); 3]) = if allow {
            (
                ALLOW_FIELDS,
                [(kind.is_some(), 5), (reason.is_some(), 6), (missing.is_some(), 7)],
            )
        } else {
            (DENY_FIELDS, [(obligations.is_some(), 2), (false, 0), (false, 0)])
        };
        if let Some((_, field)) = foreign.iter().find(|(given, _)| *given) {
            let name = object.name(*field);
            let err = faults.fail(
                FaultKind::UnknownField,
                Some(name),
                own.iter().map(|field| (*field).to_owned()).collect(),
                format!(
                    "unknown field `{name}` for an {} decision; the fields are: {}",
                    if allow { "allow" } else { "deny" },
                    own.join(", ")
                ),
            );
            faults.within(Segment::Field(name));
            return Err(err);
        }
        let clause = required(clause, || object.missing(1))?;
        let statement_version = required(version, || object.missing(4))?;
        let advisories = advisories.unwrap_or_default();
        Ok(if allow {
            Decision::Allow(crate::Allow {
                clause,
                obligations: required(obligations, || object.missing(2))?,
                advisories,
                statement_version,
            })
        } else {
            Decision::Deny(crate::Deny {
                clause,
                kind: required(kind, || object.missing(5))?,
                reason: required(reason, || object.missing(6))?,
                missing: missing.unwrap_or_default(),
                advisories,
                statement_version,
            })
        })
    }

    not_an_object!();
}

// ---------------------------------------------------------------- event

#[cfg(feature = "json")]
const EVENT_FIELDS: &[&str] = &[
    "at",
    "request",
    "format",
    "statement_version",
    "decision",
    "decision_id",
    "labels",
];

/// A line of a log, its envelope fields skipped.
#[cfg(feature = "json")]
pub(crate) struct EventLine {
    pub at: DateTime<FixedOffset>,
    pub request: Request,
    pub format: Option<u32>,
    pub statement_version: Option<StatementVersion>,
    pub decision: Option<Decision>,
    pub decision_id: Option<String>,
    pub labels: BTreeMap<String, String>,
}

/// An [`EventLine`]: with `envelope`, fields the format does not define
/// are skipped (a log pipeline's envelope); without, refused (an audit
/// record).
#[cfg(feature = "json")]
pub(crate) struct EventSeed<'f> {
    pub faults: &'f Faults,
    pub envelope: bool,
}

#[cfg(feature = "json")]
impl fmt::Display for EventSeed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a log event (a JSON object with `at` and `request`)")
    }
}

#[cfg(feature = "json")]
impl<'de> DeserializeSeed<'de> for EventSeed<'_> {
    type Value = EventLine;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<EventLine, D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(feature = "json")]
impl<'de> Visitor<'de> for EventSeed<'_> {
    type Value = EventLine;

    expecting!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<EventLine, A::Error> {
        let faults = self.faults;
        let mut object = Object::new(faults, map, EVENT_FIELDS, self.envelope);
        let (mut at, mut request) = (None, None);
        let mut line = EventLine {
            at: crate::StatementVersion::CURRENT.effective_from(),
            request: Request::new(
                crate::OnlineService::Azure,
                crate::Party::Operator,
                crate::Action::Use,
                crate::DataElement::CustomerContent,
                crate::Purpose::ProvideService,
                crate::Location::MainlandChina,
            ),
            format: None,
            statement_version: None,
            decision: None,
            decision_id: None,
            labels: BTreeMap::new(),
        };
        while let Some(field) = object.next()? {
            match field {
                0 => at = Some(object.value(field, Time { faults })?),
                1 => request = Some(object.value(field, RequestSeed { faults })?),
                2 => line.format = object.plain(field)?,
                3 => line.statement_version = object.value(field, Nullable(Name::new(faults)))?,
                4 => line.decision = object.value(field, Nullable(DecisionSeed { faults }))?,
                5 => line.decision_id = object.plain(field)?,
                _ => {
                    line.labels = object
                        .plain::<Option<BTreeMap<String, String>>>(field)?
                        .unwrap_or_default();
                }
            }
        }
        line.at = required(at, || object.missing(0))?;
        line.request = required(request, || object.missing(1))?;
        Ok(line)
    }

    not_an_object!();
}

// ---------------------------------------------------------------- serde

/// The public serde impls: the strict reader (`$seed`), its faults turned
/// into serde's errors (messages with the path), for a value inside a type
/// of the caller's own.
macro_rules! public_deserialize {
    ($($ty:ident => $seed:ident),+ $(,)?) => {$(
        #[doc = concat!("The public serde impl of [`", stringify!($ty), "`]: the strict reader.")]
        impl<'de> de::Deserialize<'de> for $ty {
            fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let faults = Faults::default();
                $seed { faults: &faults }
                    .deserialize(deserializer)
                    .map_err(|err| with_path(err, &faults))
            }
        }
    )+};
}

public_deserialize!(
    Request => RequestSeed,
    ComplianceRequest => ComplianceSeed,
    Decision => DecisionSeed,
    Account => AccountSeed,
);

/// An error whose message says where, when the faults know; the typed
/// fault is left for [`take_nested_fault`].
fn with_path<E: de::Error>(err: E, faults: &Faults) -> E {
    match faults.take() {
        Some(fault) => {
            let err = if fault.path.is_empty() {
                E::custom(&fault.message)
            } else {
                E::custom(format_args!("{} at `{}`", fault.message, fault.path))
            };
            NESTED.with(|nested| {
                if let Ok(mut nested) = nested.try_borrow_mut() {
                    *nested = Some(fault);
                }
            });
            err
        }
        None => err,
    }
}

thread_local! {
    /// The typed fault of the last request, account, compliance request or
    /// decision that failed to read through its public `Deserialize`
    /// (inside a type of the caller's own), for
    /// [`from_json`](crate::wire::from_json) to give the error its kind.
    /// Written only when reading fails; nothing on the way of a decision.
    static NESTED: RefCell<Option<Fault>> = const { RefCell::new(None) };
}

/// Clears (`take_nested_fault` before reading) or takes (after a failed
/// read) the fault a nested strict read recorded on this thread.
#[cfg(feature = "json")]
pub(crate) fn take_nested_fault() -> Option<Fault> {
    NESTED.with(|nested| nested.try_borrow_mut().ok().and_then(|mut nested| nested.take()))
}
