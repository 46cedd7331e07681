//! transalign checks a translated article against its original.
//!
//! Data flows one way, one module per stage:
//!
//! 1. [`document`]: bytes → a [`Document`] of paragraphs, each with its exact
//!    position in the file (plain text, Markdown or HTML);
//! 2. [`language`] and [`segment`]: the document's language, and sentences
//!    inside each paragraph ([`SegmentedDocument`]);
//! 3. [`align`]: a monotone n-m alignment of the two sides ([`Alignment`]);
//! 4. [`findings`]: omissions, additions and altered quotes ([`Finding`]);
//! 5. [`report`]: the one serialisable message ([`report::CheckReport`]) and
//!    the renderers that turn it into terminal text, JSON, HTML and CI formats.
//!
//! The library never prints: renderers write into a caller's `io::Write`.
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod anchors;
pub mod check;
pub mod document;
pub mod error;
pub mod eval;
pub mod findings;
mod fnv;
pub mod language;
pub mod pair;
pub mod report;
pub mod segment;

pub use align::{Alignment, Link};
pub use check::{CheckOptions, check};
pub use document::{BlockKind, Document, InputFormat, Paragraph, Position, Span};
pub use error::Error;
pub use findings::{Finding, Kind, Severity};
pub use language::Language;
pub use segment::{SegmentedDocument, Sentence};
