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
//!
//! # Example
//!
//! A translation that drops the paragraph with the figures:
//!
//! ```
//! use std::path::Path;
//!
//! use transalign::{CheckOptions, Document, InputFormat, Kind, Language, Severity, check};
//!
//! let original = Document::from_text(
//!     Path::new("en.txt"),
//!     "The museum reopened on Friday after two years of work.\n\n\
//!      The renovation cost 12 million euros, twice the estimate of 2019.\n\n\
//!      It now has a larger hall for sculpture.\n"
//!         .to_string(),
//!     InputFormat::Text,
//! );
//! let translation = Document::from_text(
//!     Path::new("de.txt"),
//!     "Das Museum wurde am Freitag nach zwei Jahren Arbeit wiedereröffnet.\n\n\
//!      Es hat jetzt eine größere Halle für Skulpturen.\n"
//!         .to_string(),
//!     InputFormat::Text,
//! );
//! let options = CheckOptions {
//!     source_language: Some(Language::from_code("en")?),
//!     target_language: Some(Language::from_code("de")?),
//!     ..CheckOptions::default()
//! };
//! let checked = check(original, translation, &options)?;
//!
//! let omission = checked
//!     .findings
//!     .iter()
//!     .find(|f| f.kind == Kind::Omission)
//!     .expect("the dropped paragraph is reported");
//! let dropped = omission.source.as_ref().expect("an omission points into the original");
//! assert_eq!(dropped.lines, [3, 3]);
//! assert!(dropped.text.contains("12 million euros"));
//! assert!(omission.severity >= Severity::Warning);
//! # Ok::<(), transalign::Error>(())
//! ```
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod anchors;
pub mod check;
pub mod data;
pub mod dictionary;
pub mod document;
pub mod error;
pub mod eval;
pub mod facts;
pub mod findings;
mod fnv;
pub mod language;
pub mod pair;
pub mod report;
pub mod segment;
#[cfg(test)]
mod testing;
pub mod text;

pub use align::{Alignment, Link};
pub use check::{CheckOptions, check};
pub use document::{BlockKind, Document, InputFormat, Paragraph, Position, Span};
pub use error::Error;
pub use findings::{Finding, Kind, Severity};
pub use language::Language;
pub use segment::{SegmentedDocument, Sentence};
