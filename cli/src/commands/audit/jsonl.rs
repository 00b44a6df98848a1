//! The audit of a JSON Lines log on every core.
//!
//! A thread of its own reads the log in blocks of a few megabytes, each
//! ending at a line break (the rest of its last line starts the next
//! block), while the threads of the pool audit the block before: reading
//! and deciding overlap. A block is cut into parts at line breaks, one per
//! thread and then some; each part's lines are counted first, so that
//! every part knows the number of its first line; then the parts are
//! audited in parallel, each into its own summary and events, and merged
//! in the log's order. The report is the one a single thread gives, line
//! numbers, listed problems and the events stream included
//! (`cli/tests/audit_parallel.rs` compares them), and memory stays bounded
//! by three blocks, not the log.

use std::io::Read;
use std::sync::mpsc;

use rayon::prelude::*;
use vianet_privacy::audit::Event;
use vianet_privacy::wire::{WireError, WireErrorKind};

use super::events::{Decided, Encoder, EventsWriter};
use super::summary::Summary;
use super::Stop;
use crate::diagnose::Diagnosis;
use crate::failure::Failure;
use crate::messages::Tr;

/// How much of the log is read at once.
const BLOCK: usize = 16 << 20;

/// How many blocks the reader makes: one read, one waiting, one audited.
const BLOCKS: usize = 3;

/// The smallest part worth a task of its own.
const MIN_PART: usize = 4 << 10;

/// Reads the whole log into the summary (and the events stream), on
/// `threads` threads.
pub fn audit(
    reader: impl Read + Send + 'static,
    summary: &mut Summary,
    mut events: Option<&mut EventsWriter>,
    threads: usize,
    tr: Tr,
) -> Result<(), Stop> {
    let pool = super::pool(threads)?;
    let threads = pool.current_num_threads().max(1);
    // One block waits while one is audited and one is read; the audited
    // ones go back to the reader to be filled again.
    let (full, blocks) = mpsc::sync_channel(1);
    let (spent, empty) = mpsc::channel();
    // Not joined: when the audit stops early, the reader ends at its next
    // block (or with the process, if its input never ends).
    std::thread::Builder::new()
        .name("audit-reader".into())
        .spawn(move || read_blocks(reader, &full, &empty))
        .map_err(|err| Stop::Failure(Failure::Usage(err.to_string())))?;
    for block in blocks {
        let block = block.map_err(Stop::Read)?;
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
        // The reader may have gone (after the last block): nothing to do.
        let _ = spent.send(block);
    }
    Ok(())
}

/// The reader's thread: sends the log in blocks that end at line breaks
/// (only the last may not), then an error if reading fails. Ends at the
/// end of the log, at an error, or when the audit no longer listens.
///
/// A block that comes back is filled again over its old bytes: they were
/// initialized once, so they are not cleared again for every block.
fn read_blocks(
    mut reader: impl Read,
    full: &mpsc::SyncSender<std::io::Result<Vec<u8>>>,
    empty: &mpsc::Receiver<Vec<u8>>,
) {
    let mut carry: Vec<u8> = Vec::new();
    let mut made = 0;
    loop {
        // At most three blocks: one read, one waiting, one audited; a new
        // block's memory is cleared by the kernel and again here, so they
        // are made once and reused.
        let recycled = if made < BLOCKS {
            empty.try_recv().ok()
        } else {
            match empty.recv() {
                Ok(block) => Some(block),
                // The audit has stopped.
                Err(_) => return,
            }
        };
        let mut block = recycled.unwrap_or_else(|| {
            made += 1;
            Vec::new()
        });
        // Twice the carry at least: a line longer than a block is read in
        // doubling blocks, not a few kilobytes more each time (which copied
        // the line over and over).
        let size = BLOCK.max(carry.len().saturating_mul(2));
        if block.len() < size {
            block.resize(size, 0);
        }
        let Some((start, space)) = block.split_at_mut_checked(carry.len()) else {
            return;
        };
        start.copy_from_slice(&carry);
        let filled = match fill(&mut reader, space) {
            Ok(read) => carry.len() + read,
            Err(err) => {
                let _ = full.send(Err(err));
                return;
            }
        };
        let end = filled < block.len();
        block.truncate(filled);
        carry.clear();
        if !end {
            // The block ends at its last line break; the rest of the line
            // waits for the next block.
            match memchr::memrchr(b'\n', &block) {
                Some(last) => {
                    carry.extend_from_slice(block.get(last + 1..).unwrap_or_default());
                    block.truncate(last + 1);
                }
                None => {
                    // One line longer than the block: read on. The block
                    // becomes the carry (the old carry is let go), so it
                    // no longer counts among the blocks made.
                    carry = block;
                    made -= 1;
                    continue;
                }
            }
        }
        // At the end, what is left is the last line, without a break.
        if !block.is_empty() && full.send(Ok(block)).is_err() {
            return;
        }
        if end {
            return;
        }
    }
}

/// Reads until `space` is full or the input ends; the bytes read.
fn fill(reader: &mut impl Read, space: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while let Some(rest) = space.get_mut(filled..).filter(|rest| !rest.is_empty()) {
        match reader.read(rest) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(filled)
}

/// The block cut at line breaks into parts of about equal size: several
/// per thread, so that a thread that finishes early takes another.
fn parts(block: &[u8], threads: usize) -> Vec<&[u8]> {
    let size = (block.len() / (threads * 8)).max(MIN_PART);
    let mut parts = Vec::with_capacity(block.len() / size + 1);
    let mut rest = block;
    while !rest.is_empty() {
        let cut = match rest.get(size..).and_then(|tail| memchr::memchr(b'\n', tail)) {
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
    let breaks = memchr::memchr_iter(b'\n', part).count() as u64;
    breaks + u64::from(part.last().is_some_and(|byte| *byte != b'\n'))
}

/// The lines of a part, without their line breaks (a last line without
/// one included).
struct Lines<'a>(&'a [u8]);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.0.is_empty() {
            return None;
        }
        let (line, rest) = match memchr::memchr(b'\n', self.0) {
            Some(end) => (self.0.get(..end), self.0.get(end + 1..)),
            None => (Some(self.0), None),
        };
        self.0 = rest.unwrap_or_default();
        line
    }
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
    for (number, line) in (first..).zip(Lines(part)) {
        summary.lines += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // The library checks the line's UTF-8 as it reads it; which
        // problem a rejected line has is worked out only for the rejected.
        let event = match Event::from_json_line(line) {
            Ok(event) => event,
            Err(err) => {
                match std::str::from_utf8(line) {
                    Err(_) => summary.reject(number, WireErrorKind::Syntax, || Diagnosis::not_utf8(tr)),
                    Ok(text) if text.trim().is_empty() => summary.blank(),
                    Ok(_) => summary.reject(number, err.kind(), || Diagnosis::of(&err, tr)),
                }
                continue;
            }
        };
        let request = event.request_at();
        let decision = match vianet_privacy::decide(&request) {
            Ok(decision) => decision,
            Err(err) => {
                let err = WireError::from(err);
                summary.reject(number, err.kind(), || Diagnosis::of(&err, tr));
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

    /// A line longer than the reader's blocks, each made anew as the line
    /// grows (16, 32, 64 MiB, then a fourth), is read whole: the reader
    /// neither waits for a block that cannot come back nor copies the line
    /// a few kilobytes at a time. (The wait guard only turns a hang into a
    /// failure.)
    #[test]
    fn a_line_longer_than_every_block_is_read_whole() {
        let long = BLOCK * 9 / 2;
        let mut log = vec![b'x'; long];
        log.extend_from_slice(b"\nlast");
        let (full, blocks) = mpsc::sync_channel(1);
        let (spent, empty) = mpsc::channel();
        let reader = std::io::Cursor::new(log);
        std::thread::spawn(move || read_blocks(reader, &full, &empty));
        let mut got = Vec::new();
        while let Ok(block) = blocks.recv_timeout(std::time::Duration::from_secs(120)) {
            let block = block.expect("read");
            got.push((block.len(), block.ends_with(b"\n")));
            let _ = spent.send(block);
        }
        assert_eq!(got.iter().map(|(len, _)| len).sum::<usize>(), long + 5, "{got:?}");
        assert!(got.first().is_some_and(|(len, _)| *len > long), "{got:?}");
    }

    #[test]
    fn lines_count_a_last_line_without_a_break() {
        assert_eq!(lines(b""), 0);
        assert_eq!(lines(b"\n"), 1);
        assert_eq!(lines(b"a\nb"), 2);
        assert_eq!(lines(b"a\nb\n"), 2);
    }
}
