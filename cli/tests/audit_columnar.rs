//! The audit of Parquet files (the `parquet` feature) and by SQL (the
//! `sql` feature) agrees with the audit of the same events as JSON Lines;
//! every row is decided or rejected with its row number; a file cut short
//! is refused, never half read.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, BooleanArray, DictionaryArray, RecordBatch, StringArray, TimestampMicrosecondArray};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use support::{arg, assert_exit, json, run, temp_dir, SAMPLE};

/// The sample's lines that JSON Lines decides (the others are malformed in
/// ways a table cannot be: unknown fields, bad JSON).
fn decidable_events(dir: &Path) -> (PathBuf, Vec<Value>) {
    let output = run(&["audit", SAMPLE, "--json", "--max-problems", "1000"], None);
    let report = json(&output);
    let rejected: Vec<u64> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|problem| problem["line"].as_u64().expect("a line"))
        .collect();
    let text = std::fs::read_to_string(SAMPLE).expect("the sample");
    let lines: Vec<&str> = (1..)
        .zip(text.lines())
        .filter(|(number, _)| !rejected.contains(number))
        .map(|(_, line)| line)
        .collect();
    let path = dir.join("decidable.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("written");
    let events = lines
        .iter()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    (path, events)
}

/// Events as a record batch: the names dictionary-encoded, the sets as
/// lists, `at` a timestamp in China Standard Time, other times as text.
fn batch(events: &[Value]) -> RecordBatch {
    let field = |event: &Value, name: &str| -> Option<String> {
        match &event["request"][name] {
            Value::String(text) => Some(text.clone()),
            _ => None,
        }
    };
    let names = |name: &str| -> ArrayRef {
        let values: Vec<Option<String>> = events.iter().map(|event| field(event, name)).collect();
        Arc::new(
            values
                .iter()
                .map(Option::as_deref)
                .collect::<DictionaryArray<Int8Type>>(),
        )
    };
    let texts =
        |name: &str| -> ArrayRef { Arc::new(events.iter().map(|event| field(event, name)).collect::<StringArray>()) };
    let sets = |name: &str| -> ArrayRef {
        let mut builder = ListBuilder::new(StringBuilder::new());
        for event in events {
            match event["request"][name].as_array() {
                Some(values) => {
                    for value in values {
                        builder.values().append_value(value.as_str().expect("a name"));
                    }
                    builder.append(true);
                }
                None => builder.append(false),
            }
        }
        Arc::new(builder.finish())
    };
    let at: TimestampMicrosecondArray = events
        .iter()
        .map(|event| {
            let text = event["request"]["at"].as_str().or(event["at"].as_str())?;
            chrono::DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|at| at.timestamp_micros())
        })
        .collect();
    let preview: BooleanArray = events
        .iter()
        .map(|event| event["request"]["preview"].as_bool())
        .collect();
    RecordBatch::try_from_iter([
        ("service", names("service")),
        ("party", names("party")),
        ("action", names("action")),
        ("data", names("data")),
        ("purpose", names("purpose")),
        ("location", names("location")),
        ("authorizations", sets("authorizations")),
        ("circumstance", names("circumstance")),
        ("objections", sets("objections")),
        ("at", Arc::new(at.with_timezone("+08:00")) as ArrayRef),
        ("service_terminated_at", texts("service_terminated_at")),
        ("trial_ended_at", texts("trial_ended_at")),
        ("preview", Arc::new(preview) as ArrayRef),
        ("subject_birth_date", texts("subject_birth_date")),
        // Not a request field: not read.
        ("host", texts("host")),
    ])
    .expect("a batch")
}

/// Writes a batch as Parquet, in row groups of `group` rows.
fn write_parquet(path: &Path, batch: &RecordBatch, group: usize) {
    let file = std::fs::File::create(path).expect("created");
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(group))
        .build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).expect("a writer");
    writer.write(batch).expect("written");
    writer.close().expect("closed");
}

/// A report without what names its source.
fn report(log: &Path, threads: &str) -> Value {
    let output = run(&["audit", arg(log), "--json", "--threads", threads], None);
    assert_exit(&output, 0);
    let mut report = json(&output);
    let object = report.as_object_mut().expect("an object");
    object.remove("source");
    object.remove("sample");
    report
}

#[test]
fn parquet_gives_the_report_of_the_same_events_as_json_lines() {
    let dir = temp_dir("columnar-parquet");
    let (jsonl, events) = decidable_events(&dir);
    let parquet = dir.join("events.parquet");
    write_parquet(&parquet, &batch(&events), 50);
    let expected = report(&jsonl, "1");
    assert!(expected["decided"].as_u64() > Some(300));
    for threads in ["1", "2", "0"] {
        assert_eq!(report(&parquet, threads), expected, "on {threads} threads");
    }
}

#[test]
fn parquet_rows_with_nulls_or_unknown_names_are_rejected_with_their_row_numbers() {
    let dir = temp_dir("columnar-nulls");
    let text = std::fs::read_to_string(SAMPLE).expect("the sample");
    let mut events: Vec<Value> = text
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .take(10)
        .collect();
    events[1]["request"]["party"] = Value::Null; // row 2
    events[2]["request"]["location"] = Value::from("hongkong"); // row 3
    events[4]["request"]["at"] = Value::Null; // row 5: no time at all
    events[4]["at"] = Value::Null;
    events[6]["request"]["authorizations"] = serde_json::json!(["explicit_consent", "explicit_consent"]); // row 7
    let parquet = dir.join("nulls.parquet");
    write_parquet(&parquet, &batch(&events), 3);
    let output = run(&["audit", arg(&parquet), "--json", "--threads", "2"], None);
    let report = json(&output);
    let count = |key: &str| report[key].as_u64().expect("a count");
    assert_eq!(count("lines"), 10);
    assert_eq!(count("decided") + count("rejected"), 10, "counts in equal counts out");
    let problems: Vec<(u64, String, String)> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["kind"].as_str().unwrap().to_owned(),
                p["field"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected = [
        (2, "missing_field", "party"),
        (3, "unknown_value", "location"),
        (5, "missing_field", "at"),
        (7, "duplicate_value", "authorizations"),
    ];
    let expected: Vec<(u64, String, String)> = expected
        .iter()
        .map(|(line, kind, field)| (*line, kind.to_string(), field.to_string()))
        .collect();
    assert_eq!(problems, expected);
    // Nothing rejected is counted as allowed.
    assert_eq!(count("allowed") + count("denied"), 6);
}

#[test]
fn a_parquet_file_cut_short_is_refused_not_half_read() {
    let dir = temp_dir("columnar-truncated");
    let (_, events) = decidable_events(&dir);
    let parquet = dir.join("whole.parquet");
    write_parquet(&parquet, &batch(&events), 50);
    let bytes = std::fs::read(&parquet).expect("read");
    for cut in [bytes.len() / 2, bytes.len() - 3] {
        let truncated = dir.join("cut.parquet");
        std::fs::write(&truncated, &bytes[..cut]).expect("written");
        let output = run(&["audit", arg(&truncated), "--json"], None);
        assert_exit(&output, 2);
        let answer = json(&output);
        assert!(
            answer.get("error").is_some() && answer.get("decided").is_none(),
            "no report from a file cut short: {answer}"
        );
        assert!(!support::stderr(&output).contains("line 1"), "a table has no lines");
    }
}

#[test]
fn parquet_without_the_request_columns_is_refused() {
    let dir = temp_dir("columnar-schema");
    let path = dir.join("other.parquet");
    let batch = RecordBatch::try_from_iter([("host", Arc::new(StringArray::from(vec!["a"])) as ArrayRef)]).unwrap();
    write_parquet(&path, &batch, 10);
    let output = run(&["audit", arg(&path)], None);
    assert_exit(&output, 2);
    assert!(
        support::stderr(&output).contains("no `service` column"),
        "{}",
        support::stderr(&output)
    );
}

#[cfg(feature = "sql")]
mod sql {
    use super::*;

    /// `SELECT effect, clause, count` by SQL over a log.
    fn counts(log: &Path, columns: &str) -> Vec<(String, Option<String>, u64)> {
        let query = format!(
            "SELECT privacy_effect({columns}) AS effect, privacy_clause({columns}) AS clause, count(*) AS n \
             FROM events GROUP BY 1, 2 ORDER BY 1, 2"
        );
        let output = run(&["audit", arg(log), "--sql", &query, "--json"], None);
        assert_exit(&output, 0);
        json(&output)
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                (
                    row["effect"].as_str().expect("an effect").to_owned(),
                    row["clause"].as_str().map(str::to_owned),
                    row["n"].as_u64().expect("a count"),
                )
            })
            .collect()
    }

    /// The same counts from the JSON Lines audit's report.
    fn expected(jsonl: &Path) -> Vec<(String, Option<String>, u64)> {
        let report = report(jsonl, "1");
        let mut rows = Vec::new();
        for clause in report["per_clause"].as_array().expect("per clause") {
            let name = clause["clause"].as_str().expect("a clause").to_owned();
            for effect in ["allow", "deny"] {
                let n = clause[if effect == "allow" { "allowed" } else { "denied" }]
                    .as_u64()
                    .unwrap();
                if n > 0 {
                    rows.push((effect.to_owned(), Some(name.clone()), n));
                }
            }
        }
        rows.sort();
        rows
    }

    #[test]
    fn sql_over_parquet_and_ndjson_counts_what_the_json_lines_audit_counts() {
        let dir = temp_dir("columnar-sql");
        let (jsonl, events) = decidable_events(&dir);
        let parquet = dir.join("events.parquet");
        write_parquet(&parquet, &batch(&events), 50);
        let expected = expected(&jsonl);
        let flat = "service, party, action, data, purpose, location, at, authorizations, circumstance, objections, \
                    service_terminated_at, trial_ended_at, preview, subject_birth_date";
        assert_eq!(counts(&parquet, flat), expected, "Parquet");
        // The JSON Lines log itself, as NDJSON: the request is a struct.
        let nested = "request['service'], request['party'], request['action'], request['data'], \
                      request['purpose'], request['location'], at, request['authorizations'], \
                      NULL, request['objections']";
        assert_eq!(counts(&jsonl, nested), expected, "NDJSON");
    }

    #[test]
    fn sql_rejects_rows_with_nulls_and_never_allows_them() {
        let dir = temp_dir("columnar-sql-nulls");
        let path = dir.join("events.csv");
        std::fs::write(
            &path,
            "service,party,action,data,purpose,location\n\
             azure,operator,use,customer_content,provide_service,mainland_china\n\
             azure,,use,customer_content,provide_service,mainland_china\n\
             azure,operator,use,customer_content,provide_service,hongkong\n",
        )
        .unwrap();
        let query = "SELECT privacy_effect(service, party, action, data, purpose, location, '2024-03-01T09:00:00+08:00') AS effect, \
                     privacy_error(service, party, action, data, purpose, location, '2024-03-01T09:00:00+08:00') AS error FROM events";
        let output = run(&["audit", arg(&path), "--sql", query, "--json"], None);
        assert_exit(&output, 0);
        let rows = json(&output);
        let rows: Vec<(&str, Option<&str>)> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|row| (row["effect"].as_str().unwrap(), row["error"].as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("allow", None),
                ("rejected", Some("missing_field")),
                ("rejected", Some("unknown_value"))
            ]
        );
    }
}
