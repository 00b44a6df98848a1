//! The per-event decision stream of `audit --events`: one record per
//! decided line, as JSON Lines or CSV. Each part of the log is encoded by
//! the thread that audits it ([`Encoder`]); the parts are written in the
//! log's order ([`EventsWriter::append`]).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use vianet_privacy::{Decision, Request};

use super::summary::Change;
use crate::failure::Failure;
use crate::messages::{Msg, Tr};

/// The format of the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EventsFormat {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header; sets joined by `;`.
    Csv,
}

impl EventsFormat {
    /// The format a file name says, by its extension.
    fn of_path(path: &Path) -> Option<EventsFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Some(EventsFormat::Jsonl),
            "csv" => Some(EventsFormat::Csv),
            _ => None,
        }
    }
}

/// One decided line. `S` is how a set is written: a list in JSON, one
/// `;`-separated field in CSV.
#[derive(Serialize)]
struct Row<'a, S> {
    line: u64,
    at: String,
    decision_id: Option<&'a str>,
    service: &'static str,
    party: &'static str,
    action: &'static str,
    data: &'static str,
    purpose: &'static str,
    location: &'static str,
    authorizations: S,
    circumstance: Option<&'static str>,
    objections: S,
    request_at: Option<String>,
    effect: &'static str,
    clause: &'static str,
    kind: Option<&'static str>,
    reason: Option<&'static str>,
    missing: S,
    obligations: S,
    recorded_effect: Option<&'static str>,
    change: Option<Change>,
}

/// What the stream says of one decided line.
pub struct Decided<'a> {
    /// The line of the log (the row of a table), from 1.
    pub line: u64,
    /// The event's time.
    pub at: DateTime<FixedOffset>,
    /// The log's identifier of the decision.
    pub decision_id: Option<&'a str>,
    /// The decision the log recorded.
    pub recorded: Option<&'a Decision>,
    /// The request, as decided.
    pub request: &'a Request,
    /// Today's decision.
    pub decision: &'a Decision,
    /// How the recorded decision differs.
    pub change: Option<Change>,
}

/// The CSV header: the names of [`Row`]'s fields, in order.
const CSV_HEADER: [&str; 21] = [
    "line",
    "at",
    "decision_id",
    "service",
    "party",
    "action",
    "data",
    "purpose",
    "location",
    "authorizations",
    "circumstance",
    "objections",
    "request_at",
    "effect",
    "clause",
    "kind",
    "reason",
    "missing",
    "obligations",
    "recorded_effect",
    "change",
];

impl<'a> Row<'a, Vec<&'static str>> {
    fn new(decided: &Decided<'a>) -> Self {
        let Decided {
            line,
            at,
            decision_id,
            recorded,
            request,
            decision,
            change,
        } = *decided;
        Row {
            line,
            at: at.to_rfc3339(),
            decision_id,
            service: request.service.as_str(),
            party: request.party.as_str(),
            action: request.action.as_str(),
            data: request.data.as_str(),
            purpose: request.purpose.as_str(),
            location: request.location.as_str(),
            authorizations: request.authorizations.iter().map(|a| a.as_str()).collect(),
            circumstance: request.circumstance.map(|c| c.as_str()),
            objections: request.objections.iter().map(|o| o.as_str()).collect(),
            request_at: request.at.map(|at| at.to_rfc3339()),
            effect: effect(decision),
            clause: decision.clause().as_str(),
            kind: decision.deny_kind().map(|kind| kind.as_str()),
            reason: decision.reason().map(|reason| reason.as_str()),
            missing: decision.missing().iter().map(|a| a.as_str()).collect(),
            obligations: decision.obligations().iter().map(|o| o.as_str()).collect(),
            recorded_effect: recorded.map(effect),
            change,
        }
    }

    /// The row with its sets as `;`-separated fields, for CSV.
    fn joined(self) -> Row<'a, String> {
        Row {
            line: self.line,
            at: self.at,
            decision_id: self.decision_id,
            service: self.service,
            party: self.party,
            action: self.action,
            data: self.data,
            purpose: self.purpose,
            location: self.location,
            authorizations: self.authorizations.join(";"),
            circumstance: self.circumstance,
            objections: self.objections.join(";"),
            request_at: self.request_at,
            effect: self.effect,
            clause: self.clause,
            kind: self.kind,
            reason: self.reason,
            missing: self.missing.join(";"),
            obligations: self.obligations.join(";"),
            recorded_effect: self.recorded_effect,
            change: self.change,
        }
    }
}

fn effect(decision: &Decision) -> &'static str {
    if decision.is_allowed() {
        "allow"
    } else {
        "deny"
    }
}

/// The encoded records of one part of the log.
pub struct Encoder {
    format: EventsFormat,
    json: Vec<u8>,
    csv: csv::Writer<Vec<u8>>,
}

impl Encoder {
    /// An empty part in `format`.
    pub fn new(format: EventsFormat) -> Encoder {
        Encoder {
            format,
            json: Vec::new(),
            csv: csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new()),
        }
    }

    /// Encodes the record of one decided line.
    pub fn push(&mut self, decided: &Decided<'_>) -> Result<(), String> {
        let row = Row::new(decided);
        match self.format {
            EventsFormat::Jsonl => {
                serde_json::to_writer(&mut self.json, &row).map_err(|err| err.to_string())?;
                self.json.push(b'\n');
                Ok(())
            }
            EventsFormat::Csv => self.csv.serialize(row.joined()).map_err(|err| err.to_string()),
        }
    }

    /// The encoded records.
    fn into_bytes(self) -> Result<Vec<u8>, String> {
        match self.format {
            EventsFormat::Jsonl => Ok(self.json),
            EventsFormat::Csv => self.csv.into_inner().map_err(|err| err.to_string()),
        }
    }
}

/// The open stream.
pub struct EventsWriter {
    format: EventsFormat,
    out: BufWriter<File>,
    /// The file's name, for errors.
    name: String,
    /// Whether a record (and so, in CSV, the header) was written.
    started: bool,
}

impl EventsWriter {
    /// Creates the file, in the format asked for or the one its extension
    /// says.
    pub fn create(path: &Path, format: Option<EventsFormat>, tr: Tr) -> Result<EventsWriter, Failure> {
        let name = path.display().to_string();
        let Some(format) = format.or_else(|| EventsFormat::of_path(path)) else {
            return Err(Failure::Usage(tr.f(Msg::EventsFormatUnknown, &[("path", &name)])));
        };
        let file = File::create(path).map_err(|err| Failure::write(&name, crate::failure::io_error(&err, tr)))?;
        Ok(EventsWriter {
            format,
            out: BufWriter::new(file),
            name,
            started: false,
        })
    }

    /// An encoder for a part of the log, in this stream's format.
    pub fn encoder(&self) -> Encoder {
        Encoder::new(self.format)
    }

    /// Writes the records of the next part of the log (the CSV header
    /// before the first record).
    pub fn append(&mut self, part: Encoder) -> Result<(), Failure> {
        let bytes = part.into_bytes().map_err(|err| Failure::write(&self.name, err))?;
        if bytes.is_empty() {
            return Ok(());
        }
        if !self.started && self.format == EventsFormat::Csv {
            let mut header = csv::Writer::from_writer(Vec::new());
            header
                .write_record(CSV_HEADER)
                .map_err(|err| Failure::write(&self.name, err))?;
            let header = header.into_inner().map_err(|err| Failure::write(&self.name, err))?;
            self.out
                .write_all(&header)
                .map_err(|err| Failure::write(&self.name, err))?;
        }
        self.started = true;
        self.out
            .write_all(&bytes)
            .map_err(|err| Failure::write(&self.name, err))
    }

    /// Flushes the stream.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.out.flush().map_err(|err| Failure::write(self.name, err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header written by hand is the one serde would write.
    #[test]
    fn the_csv_header_names_the_row_fields_in_order() {
        let request = vianet_privacy::wire::parse_request(
            r#"{"service": "azure", "party": "operator", "action": "use", "data": "customer_content",
                "purpose": "provide_service", "location": "mainland_china"}"#,
        )
        .unwrap();
        let decision = vianet_privacy::decide(&request).unwrap();
        let at = DateTime::parse_from_rfc3339("2024-05-01T10:00:00+08:00").unwrap();
        let decided = Decided {
            line: 1,
            at,
            decision_id: None,
            recorded: None,
            request: &request,
            decision: &decision,
            change: None,
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(Row::new(&decided).joined()).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text.lines().next().unwrap(), CSV_HEADER.join(","));
    }
}
