//! Reading the bodies: batches of the library's requests, and the
//! service's own small objects (a data subject's request, a refusal, a
//! statement change, an incident) as strictly as the library reads a
//! request: an unknown field or value, a missing field, a field or value
//! given twice are errors, named, with the path and the valid names.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset};
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use vianet_privacy::wire::{WireError, WireErrorKind};
use vianet_privacy::UnknownName;

use crate::error::{ApiError, ErrorKind};

/// Whether a body is a batch (a JSON array) rather than one request.
pub(crate) fn is_batch(body: &[u8]) -> bool {
    body.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'[')
}

/// Reads a batch: the array's requests, each read by the library's strict
/// reader; at most `max` of them.
///
/// The whole array is read in one pass; only when that fails is it read
/// again item by item, to say which item is at fault and where in the body.
pub(crate) fn batch<T: DeserializeOwned>(
    body: &[u8],
    max: usize,
    read_one: impl Fn(&[u8]) -> Result<T, WireError>,
) -> Result<Vec<T>, ApiError> {
    match vianet_privacy::wire::from_json::<Vec<T>>(body) {
        Ok(items) if items.len() <= max => Ok(items),
        Ok(items) => Err(batch_too_large(items.len(), max)),
        Err(whole) => Err(locate(body, max, read_one).unwrap_or_else(|| ApiError::from(whole))),
    }
}

/// The error of a batch that is too large.
pub(crate) fn batch_too_large(len: usize, max: usize) -> ApiError {
    ApiError::new(
        ErrorKind::BatchTooLarge,
        format!("the batch holds {len} requests; at most {max} are taken in one batch: split it"),
    )
}

/// The first item of a batch that does not read, with its position.
fn locate<T>(body: &[u8], max: usize, read_one: impl Fn(&[u8]) -> Result<T, WireError>) -> Option<ApiError> {
    let items: Vec<&RawValue> = match serde_json::from_slice(body) {
        Ok(items) => items,
        Err(err) => return Some(ApiError::from(WireError::from(err))),
    };
    if items.len() > max {
        return Some(batch_too_large(items.len(), max));
    }
    items.iter().enumerate().find_map(|(item, raw)| {
        read_one(raw.get().as_bytes())
            .err()
            .map(|err| ApiError::from(err).in_batch(item, offset(body, raw), body))
    })
}

/// Where a value read from `body` starts in it.
pub(crate) fn offset(body: &[u8], raw: &RawValue) -> usize {
    (raw.get().as_ptr() as usize).saturating_sub(body.as_ptr() as usize)
}

/// The fields of a JSON object, as given (duplicates kept, to be refused).
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<'de>, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// A JSON object being read field by field.
pub(crate) struct Object<'a> {
    path: String,
    fields: Vec<(String, &'a RawValue)>,
}

fn wire(kind: WireErrorKind, message: String) -> ApiError {
    ApiError::new(ErrorKind::Wire(kind), message)
}

impl<'a> Object<'a> {
    /// Reads the object at the root of `body`, whose fields may be only
    /// `known`.
    pub(crate) fn root(body: &'a [u8], known: &'static [&'static str]) -> Result<Object<'a>, ApiError> {
        let entries: Entries<'a> = serde_json::from_slice(body).map_err(|err| ApiError::from(WireError::from(err)))?;
        Object::new(entries, String::new(), known)
    }

    /// Reads the object `raw`, found at `path` (a field that is an object).
    pub(crate) fn nested(
        raw: &'a RawValue,
        path: String,
        known: &'static [&'static str],
    ) -> Result<Object<'a>, ApiError> {
        let entries: Entries<'a> = serde_json::from_str(raw.get()).map_err(|_| {
            wire(WireErrorKind::InvalidValue, format!("`{path}` must be a JSON object")).at_path(path.clone())
        })?;
        Object::new(entries, path, known)
    }

    fn new(entries: Entries<'a>, path: String, known: &'static [&'static str]) -> Result<Object<'a>, ApiError> {
        let mut object = Object {
            path,
            fields: Vec::with_capacity(entries.0.len()),
        };
        for (name, value) in entries.0 {
            let field_path = object.field_path(&name);
            if !known.contains(&name.as_str()) {
                return Err(wire(
                    WireErrorKind::UnknownField,
                    format!("unknown field `{name}`; expected one of: {}", known.join(", ")),
                )
                .naming(name)
                .expecting(known)
                .at_path(field_path));
            }
            if object.fields.iter().any(|(seen, _)| *seen == name) {
                return Err(
                    wire(WireErrorKind::DuplicateField, format!("field `{name}` is given twice"))
                        .naming(name)
                        .at_path(field_path),
                );
            }
            object.fields.push((name, value));
        }
        Ok(object)
    }

    fn field_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// A field that must be given.
    pub(crate) fn required<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'a RawValue, String) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.optional(name, read)?.ok_or_else(|| {
            wire(WireErrorKind::MissingField, format!("missing field `{name}`"))
                .naming(name)
                .at_path(self.field_path(name))
        })
    }

    /// A field that may be left out or `null`.
    pub(crate) fn optional<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'a RawValue, String) -> Result<T, ApiError>,
    ) -> Result<Option<T>, ApiError> {
        match self.fields.iter().find(|(field, _)| field == name) {
            Some((_, raw)) if raw.get() != "null" => read(raw, self.field_path(name)).map(Some),
            _ => Ok(None),
        }
    }
}

/// A name of a vocabulary.
pub(crate) fn name<T: FromStr<Err = UnknownName>>(raw: &RawValue, path: String) -> Result<T, ApiError> {
    let text: String = serde_json::from_str(raw.get()).map_err(|_| {
        wire(
            WireErrorKind::InvalidValue,
            format!("`{path}` must be a name (a JSON string)"),
        )
        .at_path(path.clone())
    })?;
    text.parse::<T>().map_err(|err| ApiError::unknown_name(&err, path))
}

/// A list of names of a vocabulary, each at most once.
pub(crate) fn names<T: FromStr<Err = UnknownName> + PartialEq + Copy>(
    raw: &RawValue,
    path: String,
) -> Result<Vec<T>, ApiError> {
    let items: Vec<&RawValue> = serde_json::from_str(raw.get()).map_err(|_| {
        wire(
            WireErrorKind::InvalidValue,
            format!("`{path}` must be an array of names"),
        )
        .at_path(path.clone())
    })?;
    let mut values: Vec<T> = Vec::with_capacity(items.len());
    for (position, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{position}]");
        let value: T = name(item, item_path.clone())?;
        if values.contains(&value) {
            return Err(wire(
                WireErrorKind::DuplicateValue,
                format!("`{}` is listed twice at `{item_path}`", item.get().trim_matches('"')),
            )
            .naming(item.get().trim_matches('"'))
            .at_path(item_path));
        }
        values.push(value);
    }
    Ok(values)
}

/// A time: RFC 3339, or a date-time or date read in China Standard Time.
pub(crate) fn time(raw: &RawValue, path: String) -> Result<DateTime<FixedOffset>, ApiError> {
    let text: String = serde_json::from_str(raw.get()).map_err(|_| invalid_time(&path))?;
    vianet_privacy::time::parse_time(&text).map_err(|_| invalid_time(&path))
}

fn invalid_time(path: &str) -> ApiError {
    wire(
        WireErrorKind::InvalidValue,
        format!(
            "`{path}` is not a time: give RFC 3339 (2024-03-01T09:30:00+08:00), or a date-time or date read in China Standard Time"
        ),
    )
    .at_path(path)
}

/// `true` or `false`.
pub(crate) fn boolean(raw: &RawValue, path: String) -> Result<bool, ApiError> {
    serde_json::from_str(raw.get())
        .map_err(|_| wire(WireErrorKind::InvalidValue, format!("`{path}` must be true or false")).at_path(path))
}

/// A number of days, from 0 to 65535.
pub(crate) fn days(raw: &RawValue, path: String) -> Result<u16, ApiError> {
    serde_json::from_str(raw.get()).map_err(|_| {
        wire(
            WireErrorKind::InvalidValue,
            format!("`{path}` must be a whole number of days from 0 to 65535"),
        )
        .at_path(path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vianet_privacy::Party;

    #[test]
    fn an_object_refuses_unknown_and_repeated_fields_by_name() {
        let err = Object::root(br#"{"a": 1, "colour": 2}"#, &["a"]).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::UnknownField));
        assert_eq!((err.name(), err.path()), (Some("colour"), Some("colour")));
        assert_eq!(err.expected(), ["a"]);
        let err = Object::root(br#"{"a": 1, "a": 2}"#, &["a"]).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::DuplicateField));
        let err = Object::root(b"[1]", &["a"]).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::InvalidValue));
        let err = Object::root(b"{\"a\": ", &["a"]).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::Syntax));
    }

    #[test]
    fn names_are_read_strictly_with_the_valid_ones() {
        let object = Object::root(br#"{"p": ["operator", "regulator"]}"#, &["p"]).unwrap();
        let err = object.required("p", names::<Party>).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::UnknownValue));
        assert_eq!(err.path(), Some("p[1]"));
        assert!(err.expected().iter().any(|name| name == "authority"));
        let object = Object::root(br#"{"p": ["operator", "operator"]}"#, &["p"]).unwrap();
        let err = object.required("p", names::<Party>).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::DuplicateValue));
        let object = Object::root(br#"{}"#, &["p"]).unwrap();
        let err = object.required("p", name::<Party>).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Wire(WireErrorKind::MissingField));
    }

    #[test]
    fn a_bad_batch_item_is_located_in_the_body() {
        let body = br#"[{"activity": "publish"},
 {"activity": "publish", "colour": 1}]"#;
        let err = batch(body, 10, |item| vianet_privacy::wire::parse_compliance_request(item)).unwrap_err();
        assert_eq!(err.item(), Some(1));
        assert_eq!(err.path(), Some("[1].colour"));
        assert_eq!(err.line(), Some(2));
        let err = batch(body, 1, |item| vianet_privacy::wire::parse_compliance_request(item)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BatchTooLarge);
        assert!(is_batch(b"  \n[") && !is_batch(b"{}"));
    }
}
