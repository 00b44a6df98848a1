//! The SQL functions decide each row as `vianet_privacy::decide` does, and
//! reject, never allow, a row that holds no decidable request.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, RecordBatch, StringArray, StructArray};
use datafusion::arrow::util::display::array_value_to_string;
use datafusion::prelude::SessionContext;
use vianet_privacy::audit::Event;
use vianet_privacy_datafusion::register;

const SAMPLE: &str = include_str!("../../../examples/data/sample-events.jsonl");

fn strings(values: impl Iterator<Item = Option<String>>) -> ArrayRef {
    Arc::new(values.collect::<StringArray>())
}

fn value(array: &dyn Array, row: usize) -> Option<String> {
    (!array.is_null(row)).then(|| array_value_to_string(array, row).expect("a value"))
}

#[tokio::test]
async fn the_functions_decide_the_sample_as_the_library_does() {
    let events: Vec<Event> = SAMPLE
        .lines()
        .filter_map(|line| Event::from_json_line(line).ok())
        .collect();
    let requests: Vec<_> = events.iter().map(Event::request_at).collect();
    let column = |get: fn(&vianet_privacy::Request) -> Option<String>| strings(requests.iter().map(get));
    let batch = RecordBatch::try_from_iter([
        ("id", strings((0..requests.len()).map(|i| Some(format!("{i:05}"))))),
        ("service", column(|r| Some(r.service.as_str().to_owned()))),
        ("party", column(|r| Some(r.party.as_str().to_owned()))),
        ("action", column(|r| Some(r.action.as_str().to_owned()))),
        ("data", column(|r| Some(r.data.as_str().to_owned()))),
        ("purpose", column(|r| Some(r.purpose.as_str().to_owned()))),
        ("location", column(|r| Some(r.location.as_str().to_owned()))),
        ("at", column(|r| r.at.map(|at| at.to_rfc3339()))),
        (
            "authorizations",
            column(|r| {
                Some(
                    r.authorizations
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                )
            }),
        ),
        (
            "objections",
            column(|r| Some(r.objections.iter().map(|o| o.as_str()).collect::<Vec<_>>().join(";"))),
        ),
    ])
    .expect("a batch");
    let ctx = SessionContext::new();
    register(&ctx);
    ctx.register_batch("events", batch).expect("registered");
    // Every field the sample's requests use (no circumstance: NULL).
    assert!(requests.iter().all(|r| r.circumstance.is_none() && r.account.is_none()));
    let args = "service, party, action, data, purpose, location, at, authorizations, NULL, objections";
    let result = ctx
        .sql(&format!(
            "SELECT privacy_effect({args}) AS effect, privacy_clause({args}) AS clause, \
             privacy_decide({args}) AS decision FROM events ORDER BY id"
        ))
        .await
        .expect("planned")
        .collect()
        .await
        .expect("run");
    let rows: usize = result.iter().map(RecordBatch::num_rows).sum();
    assert_eq!(rows, requests.len(), "a row out for every row in");
    let mut requests = requests.iter();
    for batch in &result {
        let decision = batch
            .column(2)
            .as_any()
            .downcast_ref::<StructArray>()
            .expect("a struct");
        for row in 0..batch.num_rows() {
            let Ok(expected) = vianet_privacy::decide(requests.next().expect("a request")) else {
                assert_eq!(value(batch.column(0), row).as_deref(), Some("rejected"));
                continue;
            };
            let effect = if expected.is_allowed() { "allow" } else { "deny" };
            assert_eq!(value(batch.column(0), row).as_deref(), Some(effect));
            assert_eq!(value(batch.column(1), row).as_deref(), Some(expected.clause().as_str()));
            let reason = decision.column_by_name("reason").expect("reason");
            assert_eq!(value(reason, row).as_deref(), expected.reason().map(|r| r.as_str()));
        }
    }
}

#[tokio::test]
async fn nulls_and_unknown_names_are_rejected_and_a_wrong_arity_is_refused() {
    let ctx = SessionContext::new();
    register(&ctx);
    let query = "SELECT privacy_effect(s, 'operator', 'use', 'customer_content', 'provide_service', l) AS effect, \
                 privacy_error(s, 'operator', 'use', 'customer_content', 'provide_service', l) AS error \
                 FROM (VALUES ('azure', 'mainland_china'), (NULL, 'mainland_china'), ('azure', 'hongkong'), ('azure', NULL)) AS t(s, l)";
    let batches = ctx.sql(query).await.expect("planned").collect().await.expect("run");
    let rows: Vec<(Option<String>, Option<String>)> = batches
        .iter()
        .flat_map(|batch| (0..batch.num_rows()).map(|row| (value(batch.column(0), row), value(batch.column(1), row))))
        .collect();
    let row = |effect: &str, error: Option<&str>| (Some(effect.to_owned()), error.map(str::to_owned));
    assert_eq!(
        rows,
        [
            row("allow", None),
            row("rejected", Some("missing_field")),
            row("rejected", Some("unknown_value")),
            row("rejected", Some("missing_field")),
        ]
    );
    let result = match ctx.sql("SELECT privacy_effect('azure', 'operator')").await {
        Ok(frame) => frame.collect().await.map(|_| ()),
        Err(err) => Err(err),
    };
    let err = result.expect_err("refused");
    assert!(err.to_string().contains("takes 6 to 14 arguments"), "{err}");
}
