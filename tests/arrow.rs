//! Deciding a batch of Arrow columns gives, row by row, what deciding each
//! request gives; a row that holds no decidable request is rejected, with
//! its reason and field, and never allowed; every row in has a row out.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int16Type, Int8Type};
use arrow_array::{Array, ArrayRef, DictionaryArray, RecordBatch, StringArray, TimestampSecondArray};
use vianet_privacy::arrow::decide_batch;
use vianet_privacy::audit::Event;
use vianet_privacy::{decide, Decision};

const SAMPLE: &str = include_str!("../examples/data/sample-events.jsonl");

/// The string of a dictionary column's row.
fn text(column: &dyn Array, row: usize, wide: bool) -> Option<String> {
    if column.is_null(row) {
        return None;
    }
    let value = |values: &ArrayRef, key: usize| values.as_string::<i32>().value(key).to_owned();
    Some(if wide {
        let dictionary = column.as_dictionary::<Int16Type>();
        value(dictionary.values(), dictionary.keys().value(row) as usize)
    } else {
        let dictionary = column.as_dictionary::<Int8Type>();
        value(dictionary.values(), dictionary.keys().value(row) as usize)
    })
}

fn list(column: &dyn Array, row: usize) -> Option<Vec<String>> {
    let lists = column.as_list::<i32>();
    (!lists.is_null(row)).then(|| {
        let values = lists.value(row);
        values
            .as_string::<i32>()
            .iter()
            .map(|name| name.unwrap_or_default().to_owned())
            .collect()
    })
}

#[test]
fn a_batch_of_the_sample_events_is_decided_as_each_request_is() {
    let events: Vec<Event> = SAMPLE
        .lines()
        .filter_map(|line| Event::from_json_line(line).ok())
        .collect();
    let requests: Vec<_> = events.iter().map(Event::request_at).collect();
    let names = |get: &dyn Fn(&vianet_privacy::Request) -> &'static str| -> ArrayRef {
        Arc::new(
            requests
                .iter()
                .map(|request| Some(get(request)))
                .collect::<DictionaryArray<Int8Type>>(),
        )
    };
    let mut authorizations = ListBuilder::new(StringBuilder::new());
    let mut objections = ListBuilder::new(StringBuilder::new());
    for request in &requests {
        for authorization in request.authorizations.iter() {
            authorizations.values().append_value(authorization.as_str());
        }
        authorizations.append(true);
        for objection in request.objections.iter() {
            objections.values().append_value(objection.as_str());
        }
        objections.append(true);
    }
    // Every field the sample's requests use is a column.
    assert!(requests.iter().all(|r| r.account.is_none()
        && r.subject_birth_date.is_none()
        && r.service_terminated_at.is_none()
        && r.trial_ended_at.is_none()
        && !r.preview));
    let at = TimestampSecondArray::from(
        requests
            .iter()
            .map(|r| r.at.map(|at| at.timestamp()))
            .collect::<Vec<_>>(),
    )
    .with_timezone("+08:00");
    let circumstance: StringArray = requests.iter().map(|r| r.circumstance.map(|c| c.as_str())).collect();
    let batch = RecordBatch::try_from_iter([
        ("service", names(&|r| r.service.as_str())),
        ("party", names(&|r| r.party.as_str())),
        ("action", names(&|r| r.action.as_str())),
        ("data", names(&|r| r.data.as_str())),
        ("purpose", names(&|r| r.purpose.as_str())),
        ("location", names(&|r| r.location.as_str())),
        ("authorizations", Arc::new(authorizations.finish()) as ArrayRef),
        ("circumstance", Arc::new(circumstance) as ArrayRef),
        ("objections", Arc::new(objections.finish()) as ArrayRef),
        ("at", Arc::new(at) as ArrayRef),
    ])
    .expect("a batch");
    let decisions = decide_batch(&batch).expect("decided");
    assert_eq!(decisions.num_rows(), requests.len(), "a row out for every row in");
    let column = |name: &str| decisions.column_by_name(name).expect("a decision column").clone();
    let (effect, clause, reason, obligations) = (
        column("effect"),
        column("clause"),
        column("reason"),
        column("obligations"),
    );
    for (row, request) in requests.iter().enumerate() {
        let expected = decide(request);
        match expected {
            Ok(decision) => {
                let name = if decision.is_allowed() { "allow" } else { "deny" };
                assert_eq!(text(&effect, row, false).as_deref(), Some(name), "row {row}");
                assert_eq!(
                    text(&clause, row, true).as_deref(),
                    Some(decision.clause().as_str()),
                    "row {row}"
                );
                assert_eq!(
                    text(&reason, row, true).as_deref(),
                    decision.reason().map(|r| r.as_str()),
                    "row {row}"
                );
                let expected: Vec<String> = decision.obligations().iter().map(|o| o.as_str().to_owned()).collect();
                assert_eq!(list(&obligations, row), Some(expected), "row {row}");
                if let Decision::Deny(_) = decision {
                    assert!(!decision.is_allowed());
                }
            }
            Err(_) => assert_eq!(text(&effect, row, false).as_deref(), Some("rejected"), "row {row}"),
        }
    }
}

#[test]
fn nulls_unknown_names_and_bad_times_are_rejected_never_allowed() {
    let column = |values: &[Option<&str>]| Arc::new(StringArray::from(values.to_vec())) as ArrayRef;
    let ok = Some("mainland_china");
    let batch = RecordBatch::try_from_iter([
        ("service", column(&[Some("azure"); 5])),
        (
            "party",
            column(&[
                Some("operator"),
                None,
                Some("operator"),
                Some("operator"),
                Some("operator"),
            ]),
        ),
        ("action", column(&[Some("use"); 5])),
        ("data", column(&[Some("customer_content"); 5])),
        ("purpose", column(&[Some("provide_service"); 5])),
        ("location", column(&[ok, ok, Some("hongkong"), ok, ok])),
        (
            "at",
            column(&[None, None, None, Some("yesterday"), Some("2019-01-01T00:00:00+08:00")]),
        ),
        (
            "authorizations",
            column(&[Some("explicit_consent, explicit_consent"), None, None, None, None]),
        ),
    ])
    .expect("a batch");
    let decisions = decide_batch(&batch).expect("decided");
    assert_eq!(decisions.num_rows(), 5);
    let effect = decisions.column_by_name("effect").unwrap();
    let error = decisions.column_by_name("error").unwrap();
    let field = decisions.column_by_name("error_field").unwrap();
    let rows: Vec<_> = (0..5)
        .map(|row| {
            (
                text(effect, row, false).unwrap(),
                text(error, row, false),
                text(field, row, false),
            )
        })
        .collect();
    let expect =
        |effect: &str, error: &str, field: &str| (effect.to_owned(), Some(error.to_owned()), Some(field.to_owned()));
    assert_eq!(
        rows,
        [
            expect("rejected", "duplicate_value", "authorizations"),
            expect("rejected", "missing_field", "party"),
            expect("rejected", "unknown_value", "location"),
            expect("rejected", "invalid_value", "at"),
            expect("rejected", "before_statement_in_force", "at"),
        ]
    );
}

#[test]
fn a_column_of_nulls_as_an_empty_dictionary_rejects_every_row() {
    let column = |value: &str| Arc::new(StringArray::from(vec![Some(value); 2])) as ArrayRef;
    let nulls: DictionaryArray<Int8Type> = vec![None::<&str>, None].into_iter().collect();
    assert_eq!(nulls.values().len(), 0);
    let batch = RecordBatch::try_from_iter([
        ("service", column("azure")),
        ("party", Arc::new(nulls.clone()) as ArrayRef),
        ("action", column("use")),
        ("data", column("customer_content")),
        ("purpose", column("provide_service")),
        ("location", column("mainland_china")),
        ("circumstance", Arc::new(nulls) as ArrayRef),
    ])
    .expect("a batch");
    let decisions = decide_batch(&batch).expect("decided");
    let effect = decisions.column_by_name("effect").unwrap();
    let field = decisions.column_by_name("error_field").unwrap();
    for row in 0..2 {
        assert_eq!(text(effect, row, false).as_deref(), Some("rejected"));
        assert_eq!(text(field, row, false).as_deref(), Some("party"));
    }
}

/// A timestamp column is read as the instant it holds, whatever its unit
/// and time zone, row after row: rows that go back and forth across days
/// (and before 1970, and near midnight) read as each alone reads.
#[test]
fn timestamps_read_as_the_instants_they_hold_across_days() {
    use arrow_array::{TimestampMicrosecondArray, TimestampMillisecondArray, TimestampNanosecondArray};
    use chrono::{DateTime, FixedOffset};
    use vianet_privacy::arrow::RequestColumns;

    // Seconds since 1970 (UTC), with nanoseconds.
    let instants: [(i64, u32); 8] = [
        (1_709_256_600, 0),
        (1_709_256_601, 999_000_000),
        (1_709_337_599, 500_000_000),
        (1_709_337_600, 0),
        (1_709_256_600, 1_000),
        (-86_401, 999_999_000),
        (-1, 0),
        (4_102_444_799, 123_456_000),
    ];
    let names = |value: &str| Arc::new(StringArray::from(vec![value; instants.len()])) as ArrayRef;
    let nanos: Vec<i64> = instants
        .iter()
        .map(|(s, n)| s * 1_000_000_000 + i64::from(*n))
        .collect();
    let columns: [(ArrayRef, Option<FixedOffset>); 4] = [
        (
            Arc::new(
                TimestampSecondArray::from(instants.iter().map(|(s, _)| *s).collect::<Vec<_>>())
                    .with_timezone("+08:00"),
            ),
            FixedOffset::east_opt(8 * 3600),
        ),
        (
            Arc::new(
                TimestampMillisecondArray::from(nanos.iter().map(|n| n.div_euclid(1_000_000)).collect::<Vec<_>>())
                    .with_timezone("-05:30"),
            ),
            FixedOffset::east_opt(-(5 * 3600 + 1800)),
        ),
        (
            Arc::new(
                TimestampMicrosecondArray::from(nanos.iter().map(|n| n.div_euclid(1_000)).collect::<Vec<_>>())
                    .with_timezone("+00:00"),
            ),
            FixedOffset::east_opt(0),
        ),
        (
            Arc::new(TimestampNanosecondArray::from(nanos.clone()).with_timezone("+08:00")),
            FixedOffset::east_opt(8 * 3600),
        ),
    ];
    for (unit, (at, offset)) in columns.into_iter().enumerate() {
        let batch = RecordBatch::try_from_iter([
            ("service", names("azure")),
            ("party", names("operator")),
            ("action", names("use")),
            ("data", names("customer_content")),
            ("purpose", names("provide_service")),
            ("location", names("mainland_china")),
            ("at", at),
        ])
        .expect("a batch");
        let offset = offset.expect("an offset");
        let mut columns = RequestColumns::new(&batch).expect("the columns");
        for (row, (seconds, nanos)) in instants.iter().enumerate() {
            // What each unit keeps of the nanoseconds.
            let kept = [0, 1_000_000, 1_000, 1][unit];
            let nanos = if kept == 0 { 0 } else { nanos - nanos % kept };
            let expected = DateTime::from_timestamp(*seconds, nanos)
                .expect("an instant")
                .with_timezone(&offset);
            let read = columns.request(row).expect("a request").at;
            assert_eq!(read, Some(expected), "unit {unit}, row {row}");
            assert_eq!(
                read.map(|at| at.offset().local_minus_utc()),
                Some(offset.local_minus_utc())
            );
        }
    }
}
