//! Requests and decisions as Arrow columns (the `arrow` feature): decide a
//! whole [`RecordBatch`](arrow_array::RecordBatch) of requests, one column
//! per request field, into decision columns.
//!
//! An audit of billions of processing events reads them from a data lake
//! as Parquet, that is as Arrow columns: no JSON text to parse. This module
//! reads the request fields from such columns ([`RequestColumns`]: strings,
//! dictionary-encoded strings, lists, timestamps; a dictionary's values are
//! mapped to the vocabulary once per batch, not per row) and decides each
//! row with [`decide`](crate::decide), allocating nothing per row.
//! [`decide_batch`] gives the decisions as columns ([`DecisionColumns`],
//! [`decision_fields`]):
//!
//! | column | Arrow type | value |
//! |---|---|---|
//! | `effect` | `Dictionary(Int8, Utf8)` | `allow`, `deny`, or `rejected` for a row that holds no decidable request; never null |
//! | `clause` | `Dictionary(Int16, Utf8)` | the deciding clause; null when rejected |
//! | `kind` | `Dictionary(Int8, Utf8)` | the deny kind; null unless denied |
//! | `reason` | `Dictionary(Int16, Utf8)` | the deny reason; null unless denied |
//! | `missing` | `List(Utf8)` | the authorizations one of which would turn a needs-authorization deny around; null when rejected |
//! | `obligations` | `List(Utf8)` | the obligations of an allow; null when rejected |
//! | `advisories` | `List(Utf8)` | what to pass on to the customer; null when rejected |
//! | `error` | `Dictionary(Int8, Utf8)` | why a row is rejected ([`RejectKind`]); null unless rejected |
//! | `error_field` | `Dictionary(Int8, Utf8)` | the request field at fault ([`RequestField`]); null unless rejected |
//!
//! Nothing is lost and nothing malformed is allowed: every input row has
//! one output row, in the same position; a row with a null required value,
//! an unknown name, a name listed twice, an unreadable time, or a request
//! that cannot be decided (dated before the statement took effect) is
//! `rejected`, with the reason and the field, never `allow`. A batch whose
//! columns cannot hold a request (a required column missing, a column of
//! the wrong type) is refused whole, with a [`SchemaError`].
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::cast::AsArray;
//! use arrow_array::types::Int8Type;
//! use arrow_array::{ArrayRef, RecordBatch, StringArray};
//! use vianet_privacy::arrow::decide_batch;
//!
//! let column = |values: &[Option<&str>]| Arc::new(StringArray::from(values.to_vec())) as ArrayRef;
//! let events = RecordBatch::try_from_iter([
//!     ("service", column(&[Some("azure"), Some("azure"), Some("azure")])),
//!     ("party", column(&[Some("operator"), Some("operator"), None])),
//!     ("action", column(&[Some("use"), Some("retain"), Some("use")])),
//!     ("data", column(&[Some("customer_content"), Some("security_code"), Some("customer_content")])),
//!     ("purpose", column(&[Some("provide_service"), Some("future_transactions"), Some("provide_service")])),
//!     ("location", column(&[Some("mainland_china"), Some("mainland_china"), Some("mainland_china")])),
//! ])?;
//! let decisions = decide_batch(&events)?;
//! assert_eq!(decisions.num_rows(), 3);
//! let effect = decisions.column_by_name("effect").unwrap().as_dictionary::<Int8Type>();
//! let effect: Vec<_> = effect.downcast_dict::<StringArray>().unwrap().into_iter().flatten().collect();
//! assert_eq!(effect, ["allow", "deny", "rejected"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod read;
mod write;

use core::fmt;

pub use read::RequestColumns;
pub use write::{decide_batch, decision_fields, DecisionColumns};

use crate::model::vocabulary::vocabulary;
use crate::RequestError;

vocabulary! {
    /// A field of a [`Request`](crate::Request), by its wire name: the name
    /// of its column in a batch ([`RequestColumns`]).
    ///
    /// ```
    /// use vianet_privacy::arrow::RequestField;
    ///
    /// assert_eq!("subject_birth_date".parse::<RequestField>()?, RequestField::SubjectBirthDate);
    /// assert_eq!(RequestField::Party.as_str(), "party");
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum RequestField / RequestFieldSet(u16) : "request field" {
        /// `service` (required).
        Service = "service" { en: "online service", zh: "在线服务" },
        /// `party` (required).
        Party = "party" { en: "party", zh: "参与方" },
        /// `action` (required).
        Action = "action" { en: "action", zh: "行为" },
        /// `data` (required).
        Data = "data" { en: "data element", zh: "数据元素" },
        /// `purpose` (required).
        Purpose = "purpose" { en: "purpose", zh: "目的" },
        /// `location` (required).
        Location = "location" { en: "location", zh: "地点" },
        /// `authorizations`.
        Authorizations = "authorizations" { en: "authorizations", zh: "授权" },
        /// `circumstance`.
        Circumstance = "circumstance" { en: "circumstance", zh: "情形" },
        /// `objections`.
        Objections = "objections" { en: "objections", zh: "反对" },
        /// `at`.
        At = "at" { en: "time", zh: "时间" },
        /// `account` (not read from columns).
        Account = "account" { en: "account", zh: "账户" },
        /// `service_terminated_at`.
        ServiceTerminatedAt = "service_terminated_at" { en: "service terminated at", zh: "服务终止时间" },
        /// `trial_ended_at`.
        TrialEndedAt = "trial_ended_at" { en: "trial ended at", zh: "试用结束时间" },
        /// `preview`.
        Preview = "preview" { en: "preview", zh: "预览版" },
        /// `subject_birth_date`.
        SubjectBirthDate = "subject_birth_date" { en: "data subject's birth date", zh: "数据主体出生日期" },
    }
}

vocabulary! {
    /// Why a row holds no decidable request: a stable name, the same as the
    /// [`WireErrorKind`](crate::wire::WireErrorKind) of the same fault in
    /// JSON (with the `json` feature).
    ///
    /// ```
    /// use vianet_privacy::arrow::RejectKind;
    ///
    /// assert_eq!(RejectKind::MissingField.as_str(), "missing_field");
    /// ```
    pub enum RejectKind / RejectKindSet(u8) : "rejection kind" {
        /// A required value is null (or the request needs a time it lacks).
        MissingField = "missing_field" { en: "missing field", zh: "缺少字段" },
        /// A name that is not one of its field's values.
        UnknownValue = "unknown_value" { en: "unknown value", zh: "未知取值" },
        /// A set names the same value twice.
        DuplicateValue = "duplicate_value" { en: "value listed twice", zh: "取值重复" },
        /// A value that cannot be read: a time that is not RFC 3339, a
        /// timestamp out of range, a null inside a list.
        InvalidValue = "invalid_value" { en: "invalid value", zh: "取值无效" },
        /// The request is dated before the statement version took effect.
        BeforeStatementInForce = "before_statement_in_force" {
            en: "dated before the statement took effect",
            zh: "日期早于本声明生效之日"
        },
        /// The fields are each valid but contradict one another.
        Contradictory = "contradictory" { en: "contradictory fields", zh: "字段相互矛盾" },
    }
}

/// A row that holds no decidable request: what is wrong and in which
/// field. It borrows the unknown value from the batch, so a rejection
/// allocates nothing either.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, RecordBatch, StringArray};
/// use vianet_privacy::arrow::{RejectKind, RequestColumns, RequestField};
///
/// let column = |value: &str| Arc::new(StringArray::from(vec![value])) as ArrayRef;
/// let batch = RecordBatch::try_from_iter([
///     ("service", column("azure")),
///     ("party", column("operator")),
///     ("action", column("use")),
///     ("data", column("customer_content")),
///     ("purpose", column("provide_service")),
///     ("location", column("hongkong")),
/// ])?;
/// let rejection = RequestColumns::new(&batch)?.decide(0).unwrap_err();
/// assert_eq!(rejection.kind, RejectKind::UnknownValue);
/// assert_eq!(rejection.field, RequestField::Location);
/// assert!(rejection.expected.contains(&"hong_kong"));
/// assert!(rejection.to_string().starts_with("unknown location `hongkong`"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rejection<'a> {
    /// What is wrong.
    pub kind: RejectKind,
    /// The request field at fault.
    pub field: RequestField,
    /// The value at fault, when there is one (the unknown name, the
    /// unreadable time).
    pub value: Option<&'a str>,
    /// The valid names, for an unknown name.
    pub expected: &'static [&'static str],
    /// The request's error, when it was read but cannot be decided.
    pub request_error: Option<RequestError>,
}

impl<'a> Rejection<'a> {
    pub(crate) const fn new(kind: RejectKind, field: RequestField) -> Rejection<'a> {
        Rejection {
            kind,
            field,
            value: None,
            expected: &[],
            request_error: None,
        }
    }

    pub(crate) fn unknown(field: RequestField, value: &'a str, expected: &'static [&'static str]) -> Rejection<'a> {
        Rejection {
            value: Some(value),
            expected,
            ..Rejection::new(RejectKind::UnknownValue, field)
        }
    }
}

/// What is wrong, in English, as the JSON reader says it.
impl fmt::Display for Rejection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.field.as_str();
        if let Some(err) = &self.request_error {
            return write!(f, "{err}");
        }
        match (self.kind, self.value) {
            (RejectKind::UnknownValue, Some(value)) => write!(
                f,
                "unknown {} `{value}`; expected one of: {}",
                self.field.label(crate::Language::En),
                self.expected.join(", ")
            ),
            (RejectKind::DuplicateValue, Some(value)) => write!(f, "`{value}` is listed twice in `{field}`"),
            (RejectKind::InvalidValue, Some(value)) => write!(f, "`{value}` is not a valid `{field}`"),
            (RejectKind::InvalidValue, None) => write!(f, "`{field}` holds a value that cannot be read"),
            (RejectKind::MissingField, _) => write!(f, "missing field `{field}` (null)"),
            (kind, _) => write!(f, "{} in `{field}`", kind.label(crate::Language::En)),
        }
    }
}

impl std::error::Error for Rejection<'_> {}

/// Columns that cannot hold requests: the whole batch is refused.
///
/// ```
/// use std::sync::Arc;
/// use arrow_array::{ArrayRef, Int32Array, RecordBatch};
/// use vianet_privacy::arrow::{decide_batch, RequestField, SchemaError};
///
/// let batch = RecordBatch::try_from_iter([("party", Arc::new(Int32Array::from(vec![1])) as ArrayRef)])?;
/// let err = decide_batch(&batch).unwrap_err();
/// assert_eq!(err, SchemaError::Missing(RequestField::Service)); // the first required column missing
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaError {
    /// A required request field has no column.
    #[error("no `{0}` column: a request needs service, party, action, data, purpose and location")]
    Missing(RequestField),
    /// A request field's column has a type that cannot hold it.
    #[error("the `{field}` column is {found}, which cannot hold it (see `RequestColumns` for the types read)")]
    Type {
        /// The field.
        field: RequestField,
        /// The column's Arrow type.
        found: String,
    },
    /// A request field that is not read from columns (`account`).
    #[error("`{0}` is not read from columns: decide such requests one by one (from JSON), not as a batch")]
    Unsupported(RequestField),
    /// A field given twice.
    #[error("the `{0}` column is given twice")]
    Duplicate(RequestField),
    /// A column that does not have the batch's number of rows.
    #[error("the `{field}` column has {found} rows, not {expected}")]
    Length {
        /// The field.
        field: RequestField,
        /// The batch's rows.
        expected: usize,
        /// The column's.
        found: usize,
    },
    /// Arrow could not build the decision columns (not expected of
    /// columns built by [`DecisionColumns`]).
    #[error("the decision columns could not be built: {0}")]
    Arrow(String),
}
