//! The audit of a Parquet file (the `parquet` feature): no text to parse.
//!
//! The file holds one event per row, its request fields as columns named
//! after them (`service`, `party`, … `at`: what the library's
//! `vianet_privacy::arrow::RequestColumns` reads); other columns are the
//! events' envelope and are not read (nor decoded). The row groups are
//! audited in parallel, each by a thread of its own reading it, into a
//! summary of its own; the summaries are merged in the file's order, so
//! the report is the one a single thread gives. Row numbers (from 1, in
//! the whole file) stand where a JSON Lines audit says line numbers.
//!
//! Nothing is lost: a row with a null required value, an unknown name, an
//! unreadable time or no `at` is rejected with its row number; a file
//! that cannot be read whole (cut short, not Parquet) or whose columns
//! cannot hold requests stops the audit (exit 2) rather than give a
//! partial report.

use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use indicatif::ProgressBar;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;
use rayon::prelude::*;
use vianet_privacy::arrow::{RequestColumns, RequestField};
use vianet_privacy::wire::{WireError, WireErrorKind};

use super::events::{Decided, Encoder, EventsWriter};
use super::summary::Summary;
use super::Stop;
use crate::diagnose::Diagnosis;
use crate::failure::Failure;
use crate::messages::{Msg, Tr};

/// Rows decoded at once.
const BATCH_ROWS: usize = 8192;

/// Whether a log is to be read as Parquet: by its extension.
pub fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("parquet"))
}

/// Reads a Parquet file into the summary (and the events stream), its row
/// groups on `threads` threads.
pub fn audit(
    path: &Path,
    summary: &mut Summary,
    mut events: Option<&mut EventsWriter>,
    threads: usize,
    bar: &ProgressBar,
    tr: Tr,
) -> Result<(), Stop> {
    let pool = super::pool(threads)?;
    let builder = open(path)?;
    let metadata = builder.metadata().clone();
    // Where each row group starts in the file, from row 1.
    let firsts: Vec<u64> = metadata
        .row_groups()
        .iter()
        .scan(summary.lines + 1, |next, group| {
            let first = *next;
            *next += u64::try_from(group.num_rows()).unwrap_or(0);
            Some(first)
        })
        .collect();
    let rows: i64 = metadata.row_groups().iter().map(|group| group.num_rows()).sum();
    bar.set_length(u64::try_from(rows).unwrap_or(0));
    let shared = events.as_deref();
    let audited: Vec<Result<Part, Stop>> = pool.install(|| {
        firsts
            .par_iter()
            .enumerate()
            .map(|(group, first)| audit_group(path, group, *first, summary.max_listed, shared, bar, tr))
            .collect()
    });
    for part in audited {
        let part = part?;
        summary.merge(part.summary);
        if let (Some(writer), Some(encoder)) = (events.as_deref_mut(), part.events) {
            writer.append(encoder).map_err(Stop::Failure)?;
        }
    }
    Ok(())
}

/// The reader of a file, its errors as the audit's.
fn open(path: &Path) -> Result<ParquetRecordBatchReaderBuilder<File>, Stop> {
    let file = File::open(path).map_err(Stop::Read)?;
    ParquetRecordBatchReaderBuilder::try_new(file).map_err(|err| Stop::Read(std::io::Error::other(err)))
}

/// What a thread made of a row group.
struct Part {
    summary: Summary,
    events: Option<Encoder>,
}

/// Audits one row group, whose first row is row `first` of the file.
fn audit_group(
    path: &Path,
    group: usize,
    first: u64,
    max_listed: usize,
    events: Option<&EventsWriter>,
    bar: &ProgressBar,
    tr: Tr,
) -> Result<Part, Stop> {
    let builder = open(path)?;
    // Only the request's columns are decoded.
    let roots: Vec<usize> = builder
        .schema()
        .fields()
        .iter()
        .enumerate()
        .filter(|(_, field)| field.name().parse::<RequestField>().is_ok())
        .map(|(index, _)| index)
        .collect();
    let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
    let reader = builder
        .with_row_groups(vec![group])
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|err| Stop::Read(std::io::Error::other(err)))?;
    let mut part = Part {
        summary: Summary::new(max_listed),
        events: events.map(EventsWriter::encoder),
    };
    let mut next = first;
    for batch in reader {
        let batch = batch.map_err(|err| Stop::Read(std::io::Error::other(err)))?;
        audit_batch(&batch, next, path, &mut part, tr)?;
        let rows = u64::try_from(batch.num_rows()).unwrap_or(0);
        next += rows;
        bar.inc(rows);
    }
    Ok(part)
}

/// Audits the rows of a batch, the first of which is row `first`.
fn audit_batch(batch: &RecordBatch, first: u64, path: &Path, part: &mut Part, tr: Tr) -> Result<(), Stop> {
    let mut columns = RequestColumns::new(batch).map_err(|err| {
        Stop::Failure(Failure::Usage(
            tr.f(Msg::AuditColumnsUnfit, &[("path", &path.display()), ("error", &err)]),
        ))
    })?;
    let summary = &mut part.summary;
    for (row, number) in (0..columns.len()).zip(first..) {
        summary.lines += 1;
        let request = match columns.request(row) {
            Ok(request) => request,
            Err(rejection) => {
                let diagnosis = Diagnosis::of_rejection(&rejection, tr);
                summary.reject(number, diagnosis.kind, || diagnosis);
                continue;
            }
        };
        let Some(at) = request.at else {
            // An event has a time, as a JSON Lines event has `at`.
            summary.reject(number, WireErrorKind::MissingField, || {
                Diagnosis::missing_field(RequestField::At.as_str(), tr)
            });
            continue;
        };
        let decision = match vianet_privacy::decide(&request) {
            Ok(decision) => decision,
            Err(err) => {
                let err = WireError::from(err);
                summary.reject(number, err.kind(), || Diagnosis::of(&err, tr));
                continue;
            }
        };
        let change = summary.decided(number, at, &decision, None, None);
        if let Some(encoder) = part.events.as_mut() {
            encoder
                .push(&Decided {
                    line: number,
                    at,
                    decision_id: None,
                    recorded: None,
                    request: &request,
                    decision: &decision,
                    change,
                })
                .map_err(|err| Stop::Failure(Failure::Usage(err)))?;
        }
    }
    Ok(())
}
