//! The audit's throughput, end to end, from files in the page cache: the
//! `vianet-privacy audit` binary on a JSON Lines log (one thread, every
//! core), on the same events as Parquet, and as a SQL query over that
//! Parquet file (with `--features sql`); and, in process, deciding Arrow
//! record batches. Build with `--features parquet`, or `--features sql`
//! for every figure (`docs/performance.md` has them).
//!
//! Each measurement is a whole run of the tool (start-up included, a few
//! milliseconds against a second or more of work), its throughput in
//! events (lines or rows) per second.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{ArrayRef, DictionaryArray, RecordBatch, TimestampSecondArray};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use vianet_privacy::audit::Event;

const BIN: &str = env!("CARGO_BIN_EXE_vianet-privacy");
const SAMPLE: &str = include_str!("../../examples/data/sample-events.jsonl");

/// Events in the logs.
const EVENTS: usize = 2_000_000;

/// The sample's decidable events, repeated to `EVENTS`.
fn events() -> Vec<Event> {
    let sample: Vec<Event> = SAMPLE
        .lines()
        .filter_map(|line| Event::from_json_line(line).ok())
        .collect();
    sample.iter().cycle().take(EVENTS).cloned().collect()
}

fn jsonl(events: &[Event], path: &Path) {
    let sample: Vec<&str> = SAMPLE
        .lines()
        .filter(|line| Event::from_json_line(line).is_ok())
        .collect();
    let mut text = String::with_capacity(events.len() * 240);
    for line in sample.iter().cycle().take(events.len()) {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).expect("the log is written");
}

/// The events as a batch: names dictionary-encoded, as a data lake's
/// Parquet writer stores low-cardinality strings.
fn batch(events: &[Event]) -> RecordBatch {
    let names = |get: &dyn Fn(&Event) -> &'static str| -> ArrayRef {
        Arc::new(
            events
                .iter()
                .map(|event| Some(get(event)))
                .collect::<DictionaryArray<Int8Type>>(),
        )
    };
    let mut authorizations = ListBuilder::new(StringBuilder::new());
    for event in events {
        for authorization in event.request.authorizations.iter() {
            authorizations.values().append_value(authorization.as_str());
        }
        authorizations.append(true);
    }
    let at: TimestampSecondArray = events.iter().map(|event| Some(event.at.timestamp())).collect();
    RecordBatch::try_from_iter([
        ("service", names(&|e| e.request.service.as_str())),
        ("party", names(&|e| e.request.party.as_str())),
        ("action", names(&|e| e.request.action.as_str())),
        ("data", names(&|e| e.request.data.as_str())),
        ("purpose", names(&|e| e.request.purpose.as_str())),
        ("location", names(&|e| e.request.location.as_str())),
        ("authorizations", Arc::new(authorizations.finish()) as ArrayRef),
        ("at", Arc::new(at.with_timezone("+08:00")) as ArrayRef),
    ])
    .expect("a batch")
}

fn parquet(batch: &RecordBatch, path: &Path) {
    let file = std::fs::File::create(path).expect("created");
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(1 << 17))
        .build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).expect("a writer");
    for start in (0..batch.num_rows()).step_by(1 << 16) {
        let len = (1 << 16).min(batch.num_rows() - start);
        writer.write(&batch.slice(start, len)).expect("written");
    }
    writer.close().expect("closed");
}

fn tool(args: &[&str]) {
    let output = Command::new(BIN).args(args).output().expect("the tool runs");
    assert!(
        output.status.code().is_some_and(|code| code <= 1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-bench");
    std::fs::create_dir_all(&dir).expect("a directory");
    dir
}

fn audit(c: &mut Criterion) {
    let events = events();
    let dir = dir();
    let log = dir.join("events.jsonl");
    let table = dir.join("events.parquet");
    jsonl(&events, &log);
    let batch = batch(&events);
    parquet(&batch, &table);
    let (log, table) = (log.to_str().expect("UTF-8"), table.to_str().expect("UTF-8"));
    // Read once, so that every run reads from the page cache.
    tool(&["audit", log, "--json"]);

    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.bench_function("jsonl_1_thread", |b| {
        b.iter(|| tool(&["audit", log, "--json", "--threads", "1"]))
    });
    group.bench_function("jsonl_every_core", |b| b.iter(|| tool(&["audit", log, "--json"])));
    group.bench_function("parquet_every_core", |b| b.iter(|| tool(&["audit", table, "--json"])));
    #[cfg(feature = "sql")]
    sql(&mut group, table);
    group.finish();

    // In process, one core: deciding record batches of 8,192 rows (what a
    // Parquet reader yields), the columns already decoded.
    let slices: Vec<RecordBatch> = (0..64).map(|i| batch.slice(i * 8192, 8192)).collect();
    let mut group = c.benchmark_group("arrow");
    group.throughput(Throughput::Elements(64 * 8192));
    group.bench_function("decide_batch_1_core", |b| {
        b.iter(|| {
            for slice in &slices {
                std::hint::black_box(vianet_privacy::arrow::decide_batch(slice).expect("decided"));
            }
        })
    });
    group.finish();
}

/// A SQL query over the Parquet file: the decision as DataFusion functions.
#[cfg(feature = "sql")]
fn sql(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, table: &str) {
    let columns = "service, party, action, data, purpose, location, at, authorizations";
    let query = format!(
        "SELECT privacy_effect({columns}) AS effect, privacy_clause({columns}) AS clause, count(*) AS n \
         FROM events GROUP BY 1, 2"
    );
    group.bench_function("sql_parquet_every_core", |b| {
        b.iter(|| tool(&["audit", table, "--sql", &query, "--json"]))
    });
}

criterion_group!(benches, audit);
criterion_main!(benches);
