//! The subcommands, one module each: its `Args` (clap) and its `run`.

pub mod audit;
pub mod check;
pub mod clauses;
pub mod serve;

use std::io::Read;
use std::path::Path;

use crate::failure::Failure;
use crate::messages::{Msg, Tr};

/// Whether a path argument is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole file, or standard input for `-`.
pub fn read_text(path: &Path, tr: Tr) -> Result<String, Failure> {
    let mut text = String::new();
    if is_stdin(path) {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|err| Failure::Read {
                what: tr.t(Msg::StandardInput).to_owned(),
                err,
            })?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|err| Failure::Read {
        what: path.display().to_string(),
        err,
    })
}
