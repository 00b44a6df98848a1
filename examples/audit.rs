//! `audit`: decide every event of a processing log and summarize.
//!
//! ```text
//! cargo run --example audit                          # the sample log in examples/data/
//! cargo run --example audit -- events.jsonl          # a log of your own ("-" reads standard input)
//! cargo run --example audit -- --lang zh-CN events.jsonl
//! cargo run --example audit -- --json events.jsonl   # the summary as one JSON object
//! cargo run --example audit -- --strict events.jsonl # exit 1 if anything was denied or unreadable
//! ```
//!
//! ## The log
//!
//! JSON Lines: one event per line, an object with
//!
//! * `at` (required): when the processing happened, RFC 3339;
//! * `request` (required): the request, as in `docs/wire-format.md`. When
//!   the request has no `at` of its own, it is decided at the event's time;
//! * and, optionally, the fields of an `AuditRecord` (`format`,
//!   `statement_version`, `decision`), so that a service's own audit log can
//!   be audited again: a recorded decision that is not the statement's
//!   decision today is reported.
//!
//! Any other field is an error. Blank lines are skipped.
//!
//! ## The report
//!
//! How many events were allowed and denied; the denials grouped by kind,
//! clause and reason; the authorizations that would have turned the
//! needs-authorization denials around; the obligations the allowed events
//! carry; and the lines that could not be read or decided, with their line
//! numbers (the audit goes on past them). The log is read line by line and
//! the tallies are keyed by the crate's enums, so memory stays constant
//! however long the log is; progress goes to standard error.
//!
//! Exit status: 0 after a complete report; with `--strict`, 1 when any
//! event was denied, any line could not be read or decided, or a recorded
//! decision differs; 2 when the log cannot be opened or read, or for a bad
//! option.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use serde::Serialize;
use vianet_privacy::wire::{WireError, WireErrorKind};
use vianet_privacy::{
    decide, Authorization, ClauseId, Decision, DenyKind, Language, Obligation, Reason, StatementVersion,
};

/// The log `audit` reads when given no file.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample-events.jsonl");

/// How many unreadable lines and disagreements the report lists one by one
/// (all are counted).
const LISTED: usize = 50;

/// Progress goes to standard error every this many lines.
const PROGRESS_EVERY: u64 = 100_000;

const USAGE: &str = "usage: audit [--lang en|zh-CN] [--json] [--strict] [FILE | -]";

struct Options {
    source: Option<String>,
    language: Language,
    json: bool,
    strict: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        source: None,
        language: Language::En,
        json: false,
        strict: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if let Some(tag) = arg.strip_prefix("--lang=") {
            options.language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            continue;
        }
        match arg.as_str() {
            "--json" => options.json = true,
            "--strict" => options.strict = true,
            "--lang" => {
                let tag = args.next().ok_or("--lang needs a language: en or zh-CN")?;
                options.language = tag.parse().map_err(|err| format!("--lang: {err}"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ if arg.starts_with("--") => return Err(format!("unknown option `{arg}`\n{USAGE}")),
            _ if options.source.is_some() => return Err(format!("more than one log given\n{USAGE}")),
            _ => options.source = Some(arg),
        }
    }
    Ok(options)
}

/// A line that could not be read or decided.
#[derive(Serialize)]
struct Problem {
    line: u64,
    kind: WireErrorKind,
    message: String,
}

/// A recorded decision that is not the statement's decision today.
#[derive(Serialize)]
struct Disagreement {
    line: u64,
    recorded: Decision,
    decided: Decision,
}

/// A group of denials.
#[derive(Serialize)]
struct DenialGroup {
    kind: DenyKind,
    clause: ClauseId,
    reason: Reason,
    count: u64,
}

/// The tallies. Every map is keyed by the crate's enums, so it is bounded
/// by their sizes, not by the log's length.
#[derive(Serialize, Default)]
struct Summary {
    source: String,
    statement_version: Option<StatementVersion>,
    lines: u64,
    decided: u64,
    allowed: u64,
    denied: u64,
    unreadable: u64,
    #[serde(serialize_with = "groups")]
    denials: BTreeMap<(DenyKind, ClauseId, Reason), u64>,
    denied_by_kind: BTreeMap<DenyKind, u64>,
    missing: BTreeMap<Authorization, u64>,
    obligations: BTreeMap<Obligation, u64>,
    unreadable_by_kind: BTreeMap<WireErrorKind, u64>,
    problems: Vec<Problem>,
    disagreements: u64,
    disagreements_listed: Vec<Disagreement>,
}

fn groups<S: serde::Serializer>(
    denials: &BTreeMap<(DenyKind, ClauseId, Reason), u64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(denials.iter().map(|(&(kind, clause, reason), &count)| DenialGroup {
        kind,
        clause,
        reason,
        count,
    }))
}

impl Summary {
    fn problem(&mut self, line: u64, kind: WireErrorKind, message: String) {
        self.unreadable += 1;
        *self.unreadable_by_kind.entry(kind).or_default() += 1;
        if self.problems.len() < LISTED {
            self.problems.push(Problem { line, kind, message });
        }
    }

    /// Reads, decides and tallies one line of the log.
    fn line(&mut self, number: u64, bytes: &[u8]) {
        let Ok(text) = std::str::from_utf8(bytes) else {
            self.problem(
                number,
                WireErrorKind::Syntax,
                "not valid JSON: the line is not UTF-8".to_owned(),
            );
            return;
        };
        if text.trim().is_empty() {
            return;
        }
        let event = match vianet_privacy::audit::Event::from_json_line(text) {
            Ok(event) => event,
            Err(err) => {
                self.problem(number, err.kind(), err.to_string());
                return;
            }
        };
        let request = event.request_at();
        let decision = match decide(&request) {
            Ok(decision) => decision,
            Err(err) => {
                let err = WireError::from(err);
                self.problem(number, err.kind(), err.to_string());
                return;
            }
        };
        self.decided += 1;
        self.statement_version = Some(decision.statement_version());
        let differs = event.recorded.is_some_and(|recorded| recorded != decision);
        if differs {
            self.disagreements += 1;
            if let (Some(recorded), true) = (event.recorded, self.disagreements_listed.len() < LISTED) {
                self.disagreements_listed.push(Disagreement {
                    line: number,
                    recorded,
                    decided: decision,
                });
            }
        }
        match decision {
            Decision::Allow(allow) => {
                self.allowed += 1;
                for obligation in allow.obligations.iter() {
                    *self.obligations.entry(obligation).or_default() += 1;
                }
            }
            Decision::Deny(deny) => {
                self.denied += 1;
                *self.denied_by_kind.entry(deny.kind).or_default() += 1;
                *self.denials.entry((deny.kind, deny.clause, deny.reason)).or_default() += 1;
                for authorization in deny.missing.iter() {
                    *self.missing.entry(authorization).or_default() += 1;
                }
            }
        }
    }

    fn has_findings(&self) -> bool {
        self.denied > 0 || self.unreadable > 0 || self.disagreements > 0
    }
}

/// Reads the whole log, line by line, into the summary.
fn audit(reader: impl BufRead, summary: &mut Summary, progress: bool) -> std::io::Result<()> {
    let mut reader = reader;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        if reader.read_until(b'\n', &mut buffer)? == 0 {
            break;
        }
        summary.lines += 1;
        let number = summary.lines;
        let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        summary.line(number, line);
        if progress && number % PROGRESS_EVERY == 0 {
            eprintln!(
                "audit: {number} lines, {} allowed, {} denied, {} unreadable",
                summary.allowed, summary.denied, summary.unreadable
            );
        }
    }
    Ok(())
}

/// The report for people.
fn report(summary: &Summary, language: Language) -> String {
    use std::fmt::Write;

    let zh = language == Language::ZhCn;
    let mut out = String::new();
    let version = summary.statement_version.unwrap_or(StatementVersion::CURRENT);
    let _ = if zh {
        writeln!(
            out,
            "审计：{}（依据{}更新的隐私声明）",
            summary.source,
            version.label(language)
        )
    } else {
        writeln!(
            out,
            "Audit of {} under the privacy statement updated {}",
            summary.source,
            version.label(language)
        )
    };
    let _ = if zh {
        writeln!(
            out,
            "共 {} 行：已判定 {} 个事件，允许 {}，拒绝 {}；无法读取或判定 {} 行",
            summary.lines, summary.decided, summary.allowed, summary.denied, summary.unreadable
        )
    } else {
        writeln!(
            out,
            "{} lines: {} events decided, {} allowed, {} denied; {} lines could not be read or decided",
            summary.lines, summary.decided, summary.allowed, summary.denied, summary.unreadable
        )
    };

    if !summary.denials.is_empty() {
        out.push_str(if zh {
            "\n拒绝（按类型、条款和理由）：\n"
        } else {
            "\nDenied, by kind, clause and reason:\n"
        });
        for (&kind, &total) in &summary.denied_by_kind {
            let _ = writeln!(out, "  {} ({kind}): {total}", kind.label(language));
            for (&(_, clause, reason), &count) in summary.denials.iter().filter(|(key, _)| key.0 == kind) {
                let open = if zh { "　［" } else { "  [" };
                let _ = writeln!(
                    out,
                    "    {count:>6}  {}{open}{}",
                    reason.text(language),
                    clause_ref(clause, language)
                );
            }
        }
    }

    if !summary.missing.is_empty() {
        out.push_str(if zh {
            "\n可使“须授权”拒绝变为允许的授权：\n"
        } else {
            "\nAuthorizations that would have changed the needs-authorization denials:\n"
        });
        for (&authorization, &count) in &summary.missing {
            let _ = writeln!(
                out,
                "    {count:>6}  {} ({authorization})",
                authorization.label(language)
            );
        }
    }

    if !summary.obligations.is_empty() {
        out.push_str(if zh {
            "\n允许的事件所附带的义务：\n"
        } else {
            "\nObligations the allowed events carry:\n"
        });
        for (&obligation, &count) in &summary.obligations {
            let _ = writeln!(
                out,
                "    {count:>6}  {} ({})",
                obligation.label(language),
                obligation.as_str()
            );
        }
    }

    if summary.unreadable > 0 {
        out.push_str(if zh {
            "\n无法读取或判定的行：\n"
        } else {
            "\nLines that could not be read or decided:\n"
        });
        for problem in &summary.problems {
            let _ = if zh {
                writeln!(out, "  第 {} 行［{}］：{}", problem.line, problem.kind, problem.message)
            } else {
                writeln!(out, "  line {} [{}]: {}", problem.line, problem.kind, problem.message)
            };
        }
        if summary.unreadable > summary.problems.len() as u64 {
            let more = summary.unreadable - summary.problems.len() as u64;
            let _ = if zh {
                writeln!(out, "  ……另有 {more} 行")
            } else {
                writeln!(out, "  … and {more} more")
            };
        }
    }

    if summary.disagreements > 0 {
        let _ = if zh {
            writeln!(
                out,
                "\n记录的决定与本声明当前的决定不一致：{} 行",
                summary.disagreements
            )
        } else {
            writeln!(
                out,
                "\nRecorded decisions that differ from the statement's: {}",
                summary.disagreements
            )
        };
        for d in &summary.disagreements_listed {
            let _ = writeln!(
                out,
                "  line {}: recorded {}; decided {}",
                d.line,
                d.recorded.explain(language),
                d.decided.explain(language)
            );
        }
    }
    out
}

fn clause_ref(clause: ClauseId, language: Language) -> String {
    if language == Language::ZhCn {
        format!(
            "{}：{}，{}］",
            clause.section().label(language),
            clause.label(language),
            clause
        )
    } else {
        format!(
            "{}: {}, {}]",
            clause.section().label(language),
            clause.label(language),
            clause
        )
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let source = options.source.clone().unwrap_or_else(|| SAMPLE.to_owned());
    let mut summary = Summary {
        source: if source == "-" {
            "standard input".to_owned()
        } else {
            source.clone()
        },
        ..Summary::default()
    };
    let result = if source == "-" {
        audit(std::io::stdin().lock(), &mut summary, true)
    } else {
        match File::open(&source) {
            Ok(file) => audit(BufReader::new(file), &mut summary, true),
            Err(err) => {
                eprintln!("audit: cannot open {source}: {err}");
                return ExitCode::from(2);
            }
        }
    };
    if let Err(err) = result {
        eprintln!(
            "audit: reading {} stopped at line {}: {err}",
            summary.source,
            summary.lines + 1
        );
        return ExitCode::from(2);
    }
    eprintln!(
        "audit: done, {} lines, {} allowed, {} denied, {} unreadable",
        summary.lines, summary.allowed, summary.denied, summary.unreadable
    );
    if options.json {
        match serde_json::to_string_pretty(&summary) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("audit: cannot write the summary: {err}");
                return ExitCode::from(2);
            }
        }
    } else {
        print!("{}", report(&summary, options.language));
    }
    if options.strict && summary.has_findings() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
