//! The `vianet-privacy` decision as DataFusion scalar functions, so that an
//! audit of processing events is a SQL query: on one machine with a
//! [`SessionContext`], or on a Ballista cluster, whose executors run the
//! same functions (`docs/scale.md`).
//!
//! ```sql
//! SELECT privacy_clause(service, party, action, data, purpose, location, at) AS clause, count(*)
//! FROM events
//! WHERE privacy_effect(service, party, action, data, purpose, location, at) = 'deny'
//! GROUP BY 1
//! ```
//!
//! Every function takes the request's fields as arguments, by position
//! ([`ARGUMENTS`]): the six required ones (`service`, `party`, `action`,
//! `data`, `purpose`, `location`), then, optionally and in this order,
//! `at`, `authorizations`, `circumstance`, `objections`,
//! `service_terminated_at`, `trial_ended_at`, `preview`,
//! `subject_birth_date`. Each argument is a column (or a literal) in any
//! encoding the library's [`RequestColumns`](vianet_privacy::arrow::RequestColumns)
//! reads: strings, dictionary-encoded strings, string views, lists of
//! names, timestamps. The functions:
//!
//! | function | returns |
//! |---|---|
//! | `privacy_decide(…)` | a struct of the decision columns (`effect`, `clause`, `kind`, `reason`, `missing`, `obligations`, `advisories`, `error`, `error_field`: [`vianet_privacy::arrow`]) |
//! | `privacy_effect(…)` | `allow`, `deny`, or `rejected` for a row that holds no decidable request |
//! | `privacy_clause(…)` | the deciding clause; null when rejected |
//! | `privacy_error(…)` | why a row is rejected (`missing_field`, `unknown_value`, …); null otherwise |
//!
//! Nothing malformed is allowed: a null required value, an unknown name or
//! an unreadable time makes the row's effect `rejected`, never `allow`; a
//! column of a type that cannot hold its field fails the query.
//!
//! ```
//! use vianet_privacy_datafusion::{register, datafusion::prelude::SessionContext};
//!
//! # tokio::runtime::Runtime::new()?.block_on(async {
//! let ctx = SessionContext::new();
//! register(&ctx);
//! let batches = ctx
//!     .sql("SELECT privacy_effect('azure', 'operator', 'retain', 'security_code', \
//!           'future_transactions', 'mainland_china') AS effect")
//!     .await?
//!     .collect()
//!     .await?;
//! let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(text.contains("deny"));
//! # Ok::<(), datafusion::error::DataFusionError>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::Arc;

pub use datafusion;
use datafusion::arrow::array::{Array, ArrayRef};
use datafusion::arrow::datatypes::{DataType, Fields};
use datafusion::common::{exec_err, plan_err, Result};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility};
use datafusion::prelude::SessionContext;
use vianet_privacy::arrow::{decision_fields, DecisionColumns, RequestColumns, RequestField};

/// The functions' arguments, in order: the first six are required.
pub const ARGUMENTS: [RequestField; 14] = [
    RequestField::Service,
    RequestField::Party,
    RequestField::Action,
    RequestField::Data,
    RequestField::Purpose,
    RequestField::Location,
    RequestField::At,
    RequestField::Authorizations,
    RequestField::Circumstance,
    RequestField::Objections,
    RequestField::ServiceTerminatedAt,
    RequestField::TrialEndedAt,
    RequestField::Preview,
    RequestField::SubjectBirthDate,
];

/// How many arguments are required.
pub const REQUIRED: usize = 6;

/// What a function returns of the decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    /// Every decision column, as a struct (`privacy_decide`).
    Decision,
    /// One decision column, by its name (`effect`, `clause`, `error`).
    Column(usize),
}

/// One of the decision functions.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PrivacyFunction {
    name: &'static str,
    output: Output,
    signature: Signature,
}

impl PrivacyFunction {
    /// `privacy_decide`: every decision column, as a struct.
    pub fn decide() -> PrivacyFunction {
        PrivacyFunction::new("privacy_decide", Output::Decision)
    }

    /// `privacy_effect`: `allow`, `deny` or `rejected`.
    pub fn effect() -> PrivacyFunction {
        PrivacyFunction::column("privacy_effect", "effect")
    }

    /// `privacy_clause`: the deciding clause.
    pub fn clause() -> PrivacyFunction {
        PrivacyFunction::column("privacy_clause", "clause")
    }

    /// `privacy_error`: why a row is rejected.
    pub fn error() -> PrivacyFunction {
        PrivacyFunction::column("privacy_error", "error")
    }

    fn column(name: &'static str, column: &str) -> PrivacyFunction {
        let index = decision_fields()
            .iter()
            .position(|field| field.name() == column)
            .unwrap_or(0);
        PrivacyFunction::new(name, Output::Column(index))
    }

    fn new(name: &'static str, output: Output) -> PrivacyFunction {
        PrivacyFunction {
            name,
            output,
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }
}

/// Every decision function, ready to register (on a [`SessionContext`], or
/// on a Ballista session: `docs/scale.md`).
pub fn functions() -> Vec<ScalarUDF> {
    [
        PrivacyFunction::decide(),
        PrivacyFunction::effect(),
        PrivacyFunction::clause(),
        PrivacyFunction::error(),
    ]
    .into_iter()
    .map(ScalarUDF::new_from_impl)
    .collect()
}

/// Registers every decision function on a session.
pub fn register(ctx: &SessionContext) {
    for function in functions() {
        ctx.register_udf(function);
    }
}

impl ScalarUDFImpl for PrivacyFunction {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    /// The arguments as given (the library reads every string, list and
    /// time encoding), but a typeless `NULL` literal is read as a null
    /// string (a null boolean for `preview`).
    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        if !(REQUIRED..=ARGUMENTS.len()).contains(&arg_types.len()) {
            return plan_err!(
                "{} takes {REQUIRED} to {} arguments ({}), not {}",
                self.name,
                ARGUMENTS.len(),
                ARGUMENTS.map(RequestField::as_str).join(", "),
                arg_types.len()
            );
        }
        Ok(arg_types
            .iter()
            .zip(ARGUMENTS)
            .map(|(data_type, field)| match (data_type, field) {
                (DataType::Null, RequestField::Preview) => DataType::Boolean,
                (DataType::Null, _) => DataType::Utf8,
                (other, _) => other.clone(),
            })
            .collect())
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        let fields = decision_fields();
        Ok(match self.output {
            Output::Decision => DataType::Struct(fields),
            Output::Column(index) => column_type(&fields, index),
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let arrays: Vec<ArrayRef> = ColumnarValue::values_to_arrays(&args.args)?;
        let fields = arrays
            .iter()
            .zip(ARGUMENTS)
            .map(|(array, field)| (field, array.as_ref() as &dyn Array));
        let mut columns = match RequestColumns::from_fields(rows, fields) {
            Ok(columns) => columns,
            Err(err) => return exec_err!("{}: {err}", self.name),
        };
        let mut decisions = DecisionColumns::with_capacity(rows);
        for row in 0..rows {
            decisions.push(&columns.decide(row));
        }
        let array: ArrayRef = match self.output {
            Output::Decision => Arc::new(decisions.finish_struct()?),
            Output::Column(index) => match decisions.finish()?.into_iter().nth(index) {
                Some(column) => column,
                None => return exec_err!("{}: no decision column {index}", self.name),
            },
        };
        Ok(ColumnarValue::Array(array))
    }
}

fn column_type(fields: &Fields, index: usize) -> DataType {
    fields
        .get(index)
        .map_or(DataType::Utf8, |field| field.data_type().clone())
}
