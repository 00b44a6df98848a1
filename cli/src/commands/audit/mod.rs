//! `audit`: decide every line of a JSON Lines log of processing events or
//! decisions, and report.
//!
//! Every line is accounted for: decided, rejected (with its line number
//! and what is wrong) or blank. Each line is read with
//! `vianet_privacy::audit::Event::from_json_line` (the envelope a log
//! pipeline adds is tolerated, the request is read strictly) and decided at
//! the event's time (`Event::request_at`).

mod events;
mod html;
mod summary;
mod text;

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use vianet_privacy::audit::Event;
use vianet_privacy::wire::WireError;

use self::events::{EventsFormat, EventsWriter};
use self::summary::Summary;
use crate::diagnose::Diagnosis;
use crate::failure::{Failure, Outcome};
use crate::messages::{help, help_with_default, Msg, Tr};
use crate::vocab;
use crate::Global;

/// The sample log, built in so that `audit` works from any directory.
pub const SAMPLE: &str = include_str!("../../../../examples/data/sample-events.jsonl");

/// Where the sample comes from, as the report names it.
pub const SAMPLE_PATH: &str = "examples/data/sample-events.jsonl";

/// `audit`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(value_name = "LOG", help = help("audit.log"), help_heading = crate::messages::arguments_heading())]
    log: Option<PathBuf>,
    #[arg(long, help = help("audit.strict"))]
    strict: bool,
    #[arg(long, value_name = "N", default_value_t = 20, help = help_with_default("audit.max_problems", "20"),
          hide_default_value = true)]
    max_problems: usize,
    #[arg(long, value_name = "FILE", help = help("audit.events"))]
    events: Option<PathBuf>,
    #[arg(long, value_name = "FORMAT", requires = "events", help = vocab::help_values("audit.events_format", &["jsonl", "csv"]),
          hide_possible_values = crate::messages::hide_annotations())]
    events_format: Option<EventsFormat>,
    #[arg(long, value_name = "FILE", help = help("audit.html"))]
    html: Option<PathBuf>,
}

/// What the audit reads.
enum Source<'a> {
    Sample,
    Stdin,
    File(&'a Path),
}

impl Source<'_> {
    fn name(&self, tr: Tr) -> String {
        match self {
            Source::Sample => tr.f(Msg::AuditSourceSample, &[("path", &SAMPLE_PATH)]),
            Source::Stdin => tr.t(Msg::AuditSourceStdin).to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The reader and its length, when known.
    fn open(&self, tr: Tr) -> Result<(Box<dyn Read>, Option<u64>), Failure> {
        match self {
            Source::Sample => Ok((Box::new(SAMPLE.as_bytes()), Some(SAMPLE.len() as u64))),
            Source::Stdin => Ok((Box::new(std::io::stdin().lock()), None)),
            Source::File(path) => {
                let failure = |err| Failure::Read {
                    what: self.name(tr),
                    err,
                };
                let file = File::open(path).map_err(failure)?;
                let metadata = file.metadata().map_err(failure)?;
                if metadata.is_dir() {
                    return Err(failure(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
                }
                Ok((Box::new(file), Some(metadata.len())))
            }
        }
    }
}

/// Audits the log and reports: exit 0 after a complete report, 1 when a
/// recorded allow is now a deny (with `--strict`, also when anything is
/// denied, rejected or differs).
pub fn run(args: Args, global: Global) -> Result<Outcome, Failure> {
    let tr = Tr(global.lang);
    let source = match &args.log {
        None => Source::Sample,
        Some(path) if super::is_stdin(path) => Source::Stdin,
        Some(path) => Source::File(path),
    };
    let mut events = match &args.events {
        Some(path) => Some(EventsWriter::create(path, args.events_format, tr)?),
        None => None,
    };
    let (reader, length) = source.open(tr)?;
    if let Source::Sample = source {
        eprintln!(
            "{}",
            tr.f(
                Msg::AuditSampleUsed,
                &[("path", &SAMPLE_PATH), ("lines", &SAMPLE.lines().count())]
            )
        );
    }

    let bar = progress(length, tr);
    let mut summary = Summary::new(args.max_problems);
    let result = audit(BufReader::new(bar.wrap_read(reader)), &mut summary, events.as_mut(), tr);
    bar.finish_and_clear();
    result.map_err(|err| match err {
        Stop::Read(err) => Failure::Read {
            what: tr.f(
                Msg::AuditReadAtLine,
                &[("what", &source.name(tr)), ("line", &(summary.lines + 1))],
            ),
            err,
        },
        Stop::Failure(failure) => failure,
    })?;
    if let (Some(writer), Some(path)) = (events, &args.events) {
        writer.finish()?;
        eprintln!(
            "{}",
            tr.f(
                Msg::AuditEventsWritten,
                &[("count", &summary.decided), ("path", &path.display())]
            )
        );
    }

    let failed = summary.allow_now_deny() > 0
        || (args.strict && (summary.outcomes.denied > 0 || summary.rejected > 0 || summary.differing() > 0));
    let name = source.name(tr);
    if let Some(path) = &args.html {
        let page = html::report(&summary, &name, failed, args.strict, tr);
        std::fs::write(path, page).map_err(|err| Failure::write(path.display().to_string(), err))?;
        eprintln!("{}", tr.f(Msg::AuditHtmlWritten, &[("path", &path.display())]));
    }
    if global.json {
        let sample = matches!(source, Source::Sample);
        let source_json = match &source {
            Source::Sample => SAMPLE_PATH.to_owned(),
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        };
        println!("{}", summary.to_json(&source_json, sample, args.strict, failed));
    } else {
        print!("{}", text::report(&summary, &name, failed, args.strict, tr));
    }
    eprintln!(
        "{}",
        tr.f(
            Msg::AuditDone,
            &[
                ("lines", &summary.lines),
                ("decided", &summary.decided),
                ("allowed", &summary.outcomes.allowed),
                ("denied", &summary.outcomes.denied),
                ("rejected", &summary.rejected),
                ("blank", &summary.blank),
            ]
        )
    );
    Ok(if failed { Outcome::Failure } else { Outcome::Success })
}

/// Progress by bytes, with rate and ETA, on standard error when it is a
/// terminal (hidden otherwise).
fn progress(length: Option<u64>, tr: Tr) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let eta = tr.t(Msg::AuditEta);
    let (bar, template) = match length {
        Some(length) => (
            ProgressBar::with_draw_target(Some(length), ProgressDrawTarget::stderr()),
            format!("{{bar:40.cyan/blue}} {{bytes}}/{{total_bytes}} {{bytes_per_sec}} {eta} {{eta}}"),
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {bytes} {bytes_per_sec} {elapsed}".to_owned(),
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// Why reading stopped before the end.
enum Stop {
    Read(std::io::Error),
    Failure(Failure),
}

/// Reads the whole log, line by line, into the summary (and the events
/// stream).
fn audit(
    mut reader: impl BufRead,
    summary: &mut Summary,
    mut events: Option<&mut EventsWriter>,
    tr: Tr,
) -> Result<(), Stop> {
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        if reader.read_until(b'\n', &mut buffer).map_err(Stop::Read)? == 0 {
            return Ok(());
        }
        summary.lines += 1;
        let number = summary.lines;
        let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Ok(text) = std::str::from_utf8(line) else {
            summary.reject(number, Diagnosis::not_utf8(tr));
            continue;
        };
        if text.trim().is_empty() {
            summary.blank();
            continue;
        }
        let event = match Event::from_json_line(text) {
            Ok(event) => event,
            Err(err) => {
                summary.reject(number, Diagnosis::of(&err, tr));
                continue;
            }
        };
        let request = event.request_at();
        let decision = match vianet_privacy::decide(&request) {
            Ok(decision) => decision,
            Err(err) => {
                summary.reject(number, Diagnosis::of(&WireError::from(err), tr));
                continue;
            }
        };
        let change = summary.decided(
            number,
            event.at,
            &decision,
            event.recorded.as_ref(),
            event.decision_id.as_deref(),
        );
        if let Some(writer) = events.as_deref_mut() {
            writer
                .write(number, &event, &request, &decision, change)
                .map_err(Stop::Failure)?;
        }
    }
}
