//! The per-event decision stream of `audit --events`: one record per
//! decided line, as JSON Lines or CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use vianet_privacy::audit::Event;
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

impl<'a> Row<'a, Vec<&'static str>> {
    fn new(line: u64, event: &'a Event, request: &Request, decision: &Decision, change: Option<Change>) -> Self {
        Row {
            line,
            at: event.at.to_rfc3339(),
            decision_id: event.decision_id.as_deref(),
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
            recorded_effect: event.recorded.as_ref().map(effect),
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

/// The open stream.
pub enum EventsWriter {
    /// JSON Lines.
    Jsonl {
        /// The file.
        out: BufWriter<File>,
        /// Its name, for errors.
        name: String,
    },
    /// CSV.
    Csv {
        /// The writer.
        out: Box<csv::Writer<File>>,
        /// The file's name, for errors.
        name: String,
    },
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
        Ok(match format {
            EventsFormat::Jsonl => EventsWriter::Jsonl {
                out: BufWriter::new(file),
                name,
            },
            EventsFormat::Csv => EventsWriter::Csv {
                out: Box::new(csv::Writer::from_writer(file)),
                name,
            },
        })
    }

    /// Writes the record of one decided line.
    pub fn write(
        &mut self,
        line: u64,
        event: &Event,
        request: &Request,
        decision: &Decision,
        change: Option<Change>,
    ) -> Result<(), Failure> {
        let row = Row::new(line, event, request, decision, change);
        match self {
            EventsWriter::Jsonl { out, name } => serde_json::to_writer(&mut *out, &row)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|err| Failure::write(name.as_str(), err)),
            EventsWriter::Csv { out, name } => out
                .serialize(row.joined())
                .map_err(|err| Failure::write(name.as_str(), err)),
        }
    }

    /// Flushes the stream.
    pub fn finish(self) -> Result<(), Failure> {
        match self {
            EventsWriter::Jsonl { mut out, name } => out.flush().map_err(|err| Failure::write(name, err)),
            EventsWriter::Csv { mut out, name } => out.flush().map_err(|err| Failure::write(name, err)),
        }
    }
}
