//! Decisions written as Arrow columns: dictionary keys for the names (the
//! dictionary is the whole vocabulary, the same for every batch), lists of
//! names for the sets.

use std::sync::Arc;

use arrow_array::builder::{GenericListBuilder, StringBuilder};
use arrow_array::types::{ArrowDictionaryKeyType, Int16Type, Int8Type};
use arrow_array::{ArrayRef, DictionaryArray, PrimitiveArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{NullBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema};

use super::{RejectKind, Rejection, RequestColumns, RequestField, SchemaError};
use crate::{Advisory, Authorization, ClauseId, Decision, DenyKind, Obligation, Reason};

/// The names of `effect`.
const EFFECTS: [&str; 3] = ["allow", "deny", "rejected"];

fn dictionary(key: DataType) -> DataType {
    DataType::Dictionary(Box::new(key), Box::new(DataType::Utf8))
}

fn list() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, false)))
}

/// The decision columns' fields, in order: `effect`, `clause`, `kind`,
/// `reason`, `missing`, `obligations`, `advisories`, `error`,
/// `error_field` (the [module docs](super) say what each holds).
///
/// ```
/// use vianet_privacy::arrow::decision_fields;
///
/// let names: Vec<_> = decision_fields().iter().map(|field| field.name().clone()).collect();
/// assert_eq!(names[..4], ["effect", "clause", "kind", "reason"]);
/// assert!(!decision_fields()[0].is_nullable()); // every row has an effect
/// ```
pub fn decision_fields() -> Fields {
    Fields::from(vec![
        Field::new("effect", dictionary(DataType::Int8), false),
        Field::new("clause", dictionary(DataType::Int16), true),
        Field::new("kind", dictionary(DataType::Int8), true),
        Field::new("reason", dictionary(DataType::Int16), true),
        Field::new("missing", list(), true),
        Field::new("obligations", list(), true),
        Field::new("advisories", list(), true),
        Field::new("error", dictionary(DataType::Int8), true),
        Field::new("error_field", dictionary(DataType::Int8), true),
    ])
}

/// Dictionary keys, with their nulls.
struct Keys<K> {
    keys: Vec<K>,
    valid: Vec<bool>,
}

impl<K: Copy + Default> Keys<K> {
    fn with_capacity(rows: usize) -> Self {
        Keys {
            keys: Vec::with_capacity(rows),
            valid: Vec::with_capacity(rows),
        }
    }

    fn push(&mut self, key: Option<K>) {
        self.valid.push(key.is_some());
        self.keys.push(key.unwrap_or_default());
    }
}

impl<K> Keys<K> {
    /// The dictionary array of these keys over `names`.
    fn finish<T>(self, names: &[&str]) -> Result<ArrayRef, ArrowError>
    where
        T: ArrowDictionaryKeyType<Native = K>,
        K: arrow_array::ArrowNativeTypeOp,
    {
        let nulls = NullBuffer::from(self.valid);
        let nulls = (nulls.null_count() > 0).then_some(nulls);
        let keys = PrimitiveArray::<T>::new(ScalarBuffer::from(self.keys), nulls);
        let values: ArrayRef = Arc::new(StringArray::from_iter_values(names.iter()));
        Ok(Arc::new(DictionaryArray::<T>::try_new(keys, values)?))
    }
}

/// A list of names per row.
struct Names(GenericListBuilder<i32, StringBuilder>);

impl Names {
    fn with_capacity(rows: usize) -> Self {
        let field = Arc::new(Field::new_list_field(DataType::Utf8, false));
        Names(GenericListBuilder::with_capacity(StringBuilder::with_capacity(rows, rows * 8), rows).with_field(field))
    }

    fn push(&mut self, names: Option<impl Iterator<Item = &'static str>>) {
        match names {
            Some(names) => {
                for name in names {
                    self.0.values().append_value(name);
                }
                self.0.append(true);
            }
            None => self.0.append(false),
        }
    }

    fn finish(mut self) -> ArrayRef {
        Arc::new(self.0.finish())
    }
}

fn key8(index: usize) -> Option<i8> {
    i8::try_from(index).ok()
}

fn key16(index: usize) -> Option<i16> {
    i16::try_from(index).ok()
}

/// Decisions (or rejections), row by row, into the decision columns.
///
/// ```
/// use vianet_privacy::arrow::{DecisionColumns, RejectKind, RequestField};
/// use vianet_privacy::{decide, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(OnlineService::Azure, Party::Operator, Action::Use,
///     DataElement::CustomerContent, Purpose::ProvideService, Location::MainlandChina);
/// let mut columns = DecisionColumns::with_capacity(2);
/// columns.push(&Ok(decide(&request)?));
/// columns.push(&Err(vianet_privacy::arrow::Rejection::from(
///     decide(&request.at(chrono::DateTime::parse_from_rfc3339("2019-01-01T00:00:00+08:00")?)).unwrap_err(),
/// )));
/// let batch = columns.finish_batch()?;
/// assert_eq!(batch.num_rows(), 2);
/// assert_eq!(batch.column_by_name("error").unwrap().null_count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct DecisionColumns {
    effect: Keys<i8>,
    clause: Keys<i16>,
    kind: Keys<i8>,
    reason: Keys<i16>,
    missing: Names,
    obligations: Names,
    advisories: Names,
    error: Keys<i8>,
    error_field: Keys<i8>,
}

impl DecisionColumns {
    /// Empty columns with room for `rows` rows.
    pub fn with_capacity(rows: usize) -> DecisionColumns {
        DecisionColumns {
            effect: Keys::with_capacity(rows),
            clause: Keys::with_capacity(rows),
            kind: Keys::with_capacity(rows),
            reason: Keys::with_capacity(rows),
            missing: Names::with_capacity(rows),
            obligations: Names::with_capacity(rows),
            advisories: Names::with_capacity(rows),
            error: Keys::with_capacity(rows),
            error_field: Keys::with_capacity(rows),
        }
    }

    /// One row: a decision, or the rejection of a row that holds none.
    pub fn push(&mut self, outcome: &Result<Decision, Rejection<'_>>) {
        match outcome {
            Ok(decision) => {
                self.effect.push(Some(if decision.is_allowed() { 0 } else { 1 }));
                self.clause.push(key16(decision.clause().index()));
                self.kind.push(decision.deny_kind().and_then(|kind| key8(kind.index())));
                self.reason
                    .push(decision.reason().and_then(|reason| key16(reason.index())));
                self.missing
                    .push(Some(decision.missing().iter().map(Authorization::as_str)));
                self.obligations
                    .push(Some(decision.obligations().iter().map(Obligation::as_str)));
                self.advisories
                    .push(Some(decision.advisories().iter().map(Advisory::as_str)));
                self.error.push(None);
                self.error_field.push(None);
            }
            Err(rejection) => {
                self.effect.push(Some(2));
                self.clause.push(None);
                self.kind.push(None);
                self.reason.push(None);
                self.missing.push(None::<core::iter::Empty<&str>>);
                self.obligations.push(None::<core::iter::Empty<&str>>);
                self.advisories.push(None::<core::iter::Empty<&str>>);
                self.error.push(key8(rejection.kind.index()));
                self.error_field.push(key8(rejection.field.index()));
            }
        }
    }

    /// The columns, in the order of [`decision_fields`].
    ///
    /// # Errors
    ///
    /// Arrow's error if an array cannot be built (not for columns built by
    /// [`DecisionColumns::push`]).
    pub fn finish(self) -> Result<Vec<ArrayRef>, ArrowError> {
        fn names<T: Copy + 'static>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|value| name(*value)).collect()
        }
        Ok(vec![
            self.effect.finish::<Int8Type>(&EFFECTS)?,
            self.clause
                .finish::<Int16Type>(&names(ClauseId::ALL, ClauseId::as_str))?,
            self.kind.finish::<Int8Type>(&names(DenyKind::ALL, DenyKind::as_str))?,
            self.reason.finish::<Int16Type>(&names(Reason::ALL, Reason::as_str))?,
            self.missing.finish(),
            self.obligations.finish(),
            self.advisories.finish(),
            self.error
                .finish::<Int8Type>(&names(RejectKind::ALL, RejectKind::as_str))?,
            self.error_field
                .finish::<Int8Type>(&names(RequestField::ALL, RequestField::as_str))?,
        ])
    }

    /// The columns as a record batch (schema: [`decision_fields`]).
    ///
    /// # Errors
    ///
    /// As [`DecisionColumns::finish`].
    pub fn finish_batch(self) -> Result<RecordBatch, ArrowError> {
        let columns = self.finish()?;
        RecordBatch::try_new(Arc::new(Schema::new(decision_fields())), columns)
    }

    /// The columns as one struct array (fields: [`decision_fields`]), as a
    /// SQL function returns them.
    ///
    /// # Errors
    ///
    /// As [`DecisionColumns::finish`].
    pub fn finish_struct(self) -> Result<StructArray, ArrowError> {
        let columns = self.finish()?;
        StructArray::try_new(decision_fields(), columns, None)
    }
}

/// Decides every row of a batch of requests: the decision columns, one row
/// per input row, in the same order (the [module docs](super) have an
/// example).
///
/// # Errors
///
/// [`SchemaError`] when the batch's columns cannot hold requests (see
/// [`RequestColumns`]); a row that holds no decidable request is not an
/// error but a `rejected` row.
pub fn decide_batch(batch: &RecordBatch) -> Result<RecordBatch, SchemaError> {
    let mut columns = RequestColumns::new(batch)?;
    let mut decisions = DecisionColumns::with_capacity(columns.len());
    for row in 0..columns.len() {
        decisions.push(&columns.decide(row));
    }
    decisions
        .finish_batch()
        .map_err(|err| SchemaError::Arrow(err.to_string()))
}
