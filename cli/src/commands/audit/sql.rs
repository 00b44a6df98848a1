//! `audit --sql` (the `sql` feature): a SQL query over the log, with the
//! decision as SQL functions (`privacy_decide`, `privacy_effect`,
//! `privacy_clause`, `privacy_error`: the `vianet-privacy-datafusion`
//! crate), run by DataFusion on every core.
//!
//! The log is the table `events`, read by its extension: Parquet
//! (`.parquet`), CSV (`.csv`, with a header line) or NDJSON (`.jsonl`,
//! `.ndjson`, `.json`; a JSON Lines log's request is the struct column
//! `request`: `request['party']`). The result is printed as a table, or
//! with `--json` as a JSON array of rows.

use std::path::Path;

use vianet_privacy_datafusion::datafusion;
use vianet_privacy_datafusion::datafusion::arrow::array::RecordBatch;
use vianet_privacy_datafusion::datafusion::error::DataFusionError;
use vianet_privacy_datafusion::datafusion::prelude::{
    CsvReadOptions, JsonReadOptions, ParquetReadOptions, SessionConfig, SessionContext,
};

use crate::failure::{Failure, Outcome};
use crate::messages::{Msg, Tr};
use crate::Global;

/// The formats a log is read in, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Parquet,
    Csv,
    Json,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "parquet" => Some(Format::Parquet),
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// Runs the query over the log and prints its result.
pub fn run(query: &str, log: Option<&Path>, threads: usize, global: Global) -> Result<Outcome, Failure> {
    let tr = Tr(global.lang);
    let Some(path) = log else {
        return Err(Failure::Usage(tr.t(Msg::AuditSqlNeedsLog).to_owned()));
    };
    let Some(format) = Format::of(path) else {
        return Err(Failure::Usage(tr.f(Msg::AuditSqlFormat, &[("path", &path.display())])));
    };
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .map_err(|err| Failure::Usage(err.to_string()))?;
    let failed = |err: DataFusionError| Failure::Usage(tr.f(Msg::AuditSqlFailed, &[("error", &err)]));
    let batches = runtime
        .block_on(query_log(query, path, format, threads))
        .map_err(failed)?;
    if global.json {
        let mut writer = datafusion::arrow::json::ArrayWriter::new(Vec::new());
        let batches: Vec<&RecordBatch> = batches.iter().collect();
        writer
            .write_batches(&batches)
            .and_then(|()| writer.finish())
            .map_err(|err| failed(err.into()))?;
        let json = writer.into_inner();
        println!(
            "{}",
            String::from_utf8_lossy(if json.is_empty() { b"[]" } else { &json })
        );
    } else {
        let table =
            datafusion::arrow::util::pretty::pretty_format_batches(&batches).map_err(|err| failed(err.into()))?;
        println!("{table}");
    }
    Ok(Outcome::Success)
}

/// The query's result over the log, read as the table `events`.
async fn query_log(
    query: &str,
    path: &Path,
    format: Format,
    threads: usize,
) -> Result<Vec<RecordBatch>, DataFusionError> {
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(threads));
    vianet_privacy_datafusion::register(&ctx);
    let name = path.to_string_lossy();
    let extension = path
        .extension()
        .map(|extension| format!(".{}", extension.to_string_lossy()))
        .unwrap_or_default();
    match format {
        Format::Parquet => {
            ctx.register_parquet(
                "events",
                name.as_ref(),
                ParquetReadOptions::default().file_extension(&extension),
            )
            .await?
        }
        Format::Csv => {
            ctx.register_csv(
                "events",
                name.as_ref(),
                CsvReadOptions::new().file_extension(&extension),
            )
            .await?
        }
        Format::Json => {
            ctx.register_json(
                "events",
                name.as_ref(),
                JsonReadOptions::default().file_extension(&extension),
            )
            .await?
        }
    }
    ctx.sql(query).await?.collect().await
}
