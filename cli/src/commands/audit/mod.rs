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
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
#[cfg(feature = "sql")]
mod sql;
mod summary;
mod text;

use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use self::events::{EventsFormat, EventsWriter};
use self::summary::Summary;
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
    #[arg(long, value_name = "N", default_value_t = 0, help = help_with_default("audit.threads", "0"),
          hide_default_value = true)]
    threads: usize,
    #[cfg(feature = "sql")]
    #[arg(long, value_name = "QUERY", help = help("audit.sql"), conflicts_with_all = ["events", "html", "strict"])]
    sql: Option<String>,
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
    fn open(&self, tr: Tr) -> Result<(Box<dyn Read + Send>, Option<u64>), Failure> {
        match self {
            Source::Sample => Ok((Box::new(SAMPLE.as_bytes()), Some(SAMPLE.len() as u64))),
            Source::Stdin => Ok((Box::new(std::io::stdin()), None)),
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
    #[cfg(feature = "sql")]
    if let Some(query) = &args.sql {
        return sql::run(query, args.log.as_deref(), args.threads, global);
    }
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
    // A table's read errors are the file's (a footer, a page), not a line's.
    #[cfg(feature = "parquet")]
    let table = matches!(&source, Source::File(path) if parquet::is_parquet(path));
    #[cfg(not(feature = "parquet"))]
    let table = false;
    let result = match &source {
        #[cfg(feature = "parquet")]
        Source::File(path) if table => {
            drop(reader);
            parquet::audit(path, &mut summary, events.as_mut(), args.threads, &bar, tr)
        }
        _ => jsonl::audit(bar.wrap_read(reader), &mut summary, events.as_mut(), args.threads, tr),
    };
    bar.finish_and_clear();
    result.map_err(|err| match err {
        Stop::Read(err) if table => Failure::Read {
            what: source.name(tr),
            err,
        },
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
pub enum Stop {
    /// The log could not be read.
    Read(std::io::Error),
    /// Something else: an output, a bad option.
    Failure(Failure),
}

/// The audit's threads: `threads` of them (0: one per core).
fn pool(threads: usize) -> Result<rayon::ThreadPool, Stop> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|err| Stop::Failure(Failure::Usage(err.to_string())))
}
