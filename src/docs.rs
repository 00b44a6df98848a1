//! The reference documents, readable beside the API.
//!
//! The same files live in the repository's `docs/` folder; they are
//! included here so that a reader of the API documentation (a lawyer
//! checking a clause, an engineer writing a client in another language)
//! finds them in one place, at the version of the crate they use.
//!
//! * [`clauses`]: every constraining sentence of the statement, with the
//!   clause, the code and the test that enforce it.
//! * [`invariants`]: the properties the tests prove over every request,
//!   and each reading of an unclear sentence, quoted, with the choice made.
//! * [`wire_format`]: every field and value of the JSON wire format.
//!
//! The modules have no items; they are documents.
//!
//! ```
//! // The documents are pages of this crate's documentation; a clause is
//! // named there as it is in code.
//! assert_eq!(vianet_privacy::ClauseId::EndUserNotice.to_string(), "end_user_notice");
//! ```

// The documents are written for GitHub's Markdown: quotations such as
// "run[s]" are not links, and code blocks carry tags for the tests that
// read them.
#[allow(rustdoc::broken_intra_doc_links)]
#[doc = include_str!("../docs/clauses.md")]
pub mod clauses {}

#[allow(rustdoc::broken_intra_doc_links)]
#[doc = include_str!("../docs/invariants.md")]
pub mod invariants {}

#[allow(rustdoc::broken_intra_doc_links, rustdoc::invalid_codeblock_attributes)]
#[doc = include_str!("../docs/wire-format.md")]
pub mod wire_format {}
