//! The audit of a JSON Lines log on every core.
//!
//! The log is read in blocks of a few megabytes; each block ends at a line
//! break (the rest of its last line starts the next block). A block is cut
//! into parts at line breaks, one per thread and then some; each part's
//! lines are counted first, so that every part knows the number of its
//! first line; then the parts are audited in parallel, each into its own
//! summary and events, and merged in the log's order. The report is the
//! one a single thread gives, line numbers, listed problems and the events
//! stream included (`cli/tests/audit_parallel.rs` compares them), and
//! memory stays bounded by the block, not the log.

use std::io::Read;

use rayon::prelude::*;
use vianet_privacy::audit::Event;
use vianet_privacy::wire::WireError;

use super::events::{Decided, Encoder, EventsWriter};
use super::summary::Summary;
use super::Stop;
use crate::diagnose::Diagnosis;
use crate::failure::Failure;
use crate::messages::Tr;

/// How much of the log is read at once.
const BLOCK: usize = 16 << 20;

/// The smallest part worth a task of its own.
const MIN_PART: usize = 4 << 10;

/// Reads the whole log into the summary (and the events stream), on
/// `threads` threads.
pub fn audit(
    mut reader: impl Read,
    summary: &mut Summary,
    mut events: Option<&mut EventsWriter>,
    threads: usize,
    tr: Tr,
) -> Result<(), Stop> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|err| Stop::Failure(Failure::Usage(err.to_string())))?;
    let threads = pool.current_num_threads().max(1);
    let mut block: Vec<u8> = Vec::with_capacity(BLOCK);
    let mut carry: Vec<u8> = Vec::new();
    loop {
        block.clear();
        block.append(&mut carry);
        let wanted = BLOCK.saturating_sub(block.len()).max(MIN_PART);
        let read = (&mut reader)
            .take(wanted as u64)
            .read_to_end(&mut block)
            .map_err(Stop::Read)?;
        let end = read == 0;
        if block.is_empty() {
            return Ok(());
        }
        // The block ends at its last line break; the rest of the line
        // waits for the next block (unless the log ends here).
        if !end {
            match block.iter().rposition(|byte| *byte == b'\n') {
                Some(last) => carry.extend_from_slice(block.get(last + 1..).unwrap_or_default()),
                None => {
                    // One line longer than the block: read on.
                    carry.append(&mut block);
                    continue;
                }
            }
            block.truncate(block.len() - carry.len());
        }
        let parts = parts(&block, threads);
        let first_line = summary.lines + 1;
        let audited: Vec<Result<Part, String>> = pool.install(|| {
            // The lines of each part, so that each knows its first line.
            let counts: Vec<u64> = parts.par_iter().map(|part| lines(part)).collect();
            let firsts: Vec<u64> = counts
                .iter()
                .scan(first_line, |next, count| {
                    let first = *next;
                    *next += count;
                    Some(first)
                })
                .collect();
            parts
                .par_iter()
                .zip(firsts)
                .map(|(part, first)| {
                    let encoder = events.as_deref().map(EventsWriter::encoder);
                    audit_part(part, first, summary.max_listed, encoder, tr)
                })
                .collect()
        });
        for part in audited {
            let part = part.map_err(|err| Stop::Failure(Failure::Usage(err)))?;
            summary.merge(part.summary);
            if let (Some(writer), Some(encoder)) = (events.as_deref_mut(), part.events) {
                writer.append(encoder).map_err(Stop::Failure)?;
            }
        }
        if end {
            return Ok(());
        }
    }
}

/// The block cut at line breaks into parts of about equal size: several
/// per thread, so that a thread that finishes early takes another.
fn parts(block: &[u8], threads: usize) -> Vec<&[u8]> {
    let size = (block.len() / (threads * 8)).max(MIN_PART);
    let mut parts = Vec::with_capacity(block.len() / size + 1);
    let mut rest = block;
    while !rest.is_empty() {
        let cut = match rest
            .get(size..)
            .and_then(|tail| tail.iter().position(|byte| *byte == b'\n'))
        {
            Some(newline) => size + newline + 1,
            None => rest.len(),
        };
        let (part, tail) = rest.split_at(cut);
        parts.push(part);
        rest = tail;
    }
    parts
}

/// The lines of a part: its line breaks, and a last line without one.
fn lines(part: &[u8]) -> u64 {
    let breaks = part.iter().filter(|byte| **byte == b'\n').count() as u64;
    breaks + u64::from(part.last().is_some_and(|byte| *byte != b'\n'))
}

/// What a thread made of a part.
struct Part {
    summary: Summary,
    events: Option<Encoder>,
}

/// Audits the lines of a part, the first of which is line `first` of the
/// log.
fn audit_part(part: &[u8], first: u64, max_listed: usize, mut events: Option<Encoder>, tr: Tr) -> Result<Part, String> {
    let mut summary = Summary::new(max_listed);
    for (number, line) in (first..).zip(part.split_inclusive(|byte| *byte == b'\n')) {
        summary.lines += 1;
        let line = line.strip_suffix(b"\n").unwrap_or(line);
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
        if let Some(encoder) = events.as_mut() {
            encoder.push(&Decided {
                line: number,
                at: event.at,
                decision_id: event.decision_id.as_deref(),
                recorded: event.recorded.as_ref(),
                request: &request,
                decision: &decision,
                change,
            })?;
        }
    }
    Ok(Part { summary, events })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_end_at_line_breaks_and_cover_the_block() {
        let line = "x".repeat(99) + "\n";
        let block = line.repeat(1000) + "last line without a break";
        let parts = parts(block.as_bytes(), 2);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), block.as_bytes());
        for part in &parts[..parts.len() - 1] {
            assert_eq!(part.last(), Some(&b'\n'));
        }
        assert_eq!(parts.iter().map(|part| lines(part)).sum::<u64>(), 1001);
    }

    #[test]
    fn lines_count_a_last_line_without_a_break() {
        assert_eq!(lines(b""), 0);
        assert_eq!(lines(b"\n"), 1);
        assert_eq!(lines(b"a\nb"), 2);
        assert_eq!(lines(b"a\nb\n"), 2);
    }
}
