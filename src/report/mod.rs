//! Reports: the one serialisable message, and one renderer per format.
//!
//! [`CheckReport`] is the wire format (see `docs/json-format.md`); every
//! renderer reads only it, so what a terminal shows and what JSON carries
//! cannot drift apart.

mod github;
mod html;
mod json;
mod junit;
mod layout;
mod markup;
pub mod policy;
mod sarif;
mod terminal;

use std::io;

use serde::Serialize;

use crate::check::Checked;
use crate::document::InputFormat;
use crate::findings::{Finding, Kind, Severity};
use crate::language::Language;
use crate::segment::SegmentedDocument;

pub use github::Github;
pub use html::{Html, IndexEntry, index_page};
pub use json::{Json, JsonLines};
pub use junit::Junit;
pub use sarif::Sarif;
pub use terminal::{DEFAULT_WIDTH, Terminal};

/// Version of the JSON contract. Fields may be added within a version;
/// none is removed or changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// A renderer for one output format.
pub trait Render {
    /// Writes `report` to `out`.
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()>;
}

/// One document as the report describes it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// The path as given, or `-` for standard input.
    pub path: String,
    /// ISO 639-1 code.
    pub language: Language,
    /// Whether the language was given by the user rather than detected.
    pub language_given: bool,
    /// Detection confidence (1 when given).
    pub language_confidence: f64,
    /// How the input was read.
    pub format: InputFormat,
    /// Number of paragraphs (blocks with text).
    pub paragraphs: usize,
    /// Number of sentences.
    pub sentences: usize,
}

/// One side of an alignment link.
#[derive(Debug, Clone, Serialize)]
pub struct LinkSide {
    /// 0-based sentence ids.
    pub sentences: Vec<usize>,
    /// 0-based paragraph ids of those sentences.
    pub paragraphs: Vec<usize>,
    /// First and last 1-based line, or null when the side is empty.
    pub lines: Option<[u32; 2]>,
    /// The sentences' text, joined with spaces.
    pub text: String,
}

/// One alignment link in the report.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedLink {
    /// The original's side.
    pub source: LinkSide,
    /// The translation's side.
    pub target: LinkSide,
    /// The aligner's confidence, 0 to 1.
    pub confidence: f64,
}

/// Counts of findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// All findings.
    pub total: usize,
    /// Findings per kind.
    pub by_kind: KindCounts,
    /// Findings per severity.
    pub by_severity: SeverityCounts,
}

/// Findings per kind; every kind is present, zero or not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[allow(missing_docs)]
pub struct KindCounts {
    pub omission: usize,
    pub addition: usize,
    pub altered_quote: usize,
    pub number_mismatch: usize,
    pub name_mismatch: usize,
    pub untranslated: usize,
    pub moved: usize,
}

/// Findings per severity; every level is present, zero or not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[allow(missing_docs)]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary {
            total: findings.len(),
            ..Summary::default()
        };
        for f in findings {
            *match f.kind {
                Kind::Omission => &mut s.by_kind.omission,
                Kind::Addition => &mut s.by_kind.addition,
                Kind::AlteredQuote => &mut s.by_kind.altered_quote,
                Kind::NumberMismatch => &mut s.by_kind.number_mismatch,
                Kind::NameMismatch => &mut s.by_kind.name_mismatch,
                Kind::Untranslated => &mut s.by_kind.untranslated,
                Kind::Moved => &mut s.by_kind.moved,
            } += 1;
            *match f.severity {
                Severity::Error => &mut s.by_severity.error,
                Severity::Warning => &mut s.by_severity.warning,
                Severity::Info => &mut s.by_severity.info,
            } += 1;
        }
        s
    }
}

/// The result of a check, as every output format sees it.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// The original.
    pub source: DocumentInfo,
    /// The translation.
    pub target: DocumentInfo,
    /// Whether both sides are in the same language (a revision check).
    pub same_language: bool,
    /// Sentence alignment links in order.
    pub alignment: Vec<AlignedLink>,
    /// Findings in reading order.
    pub findings: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
    /// The bilingual dictionaries the aligner used (added in version 1;
    /// empty when none was found or `--no-dictionaries` was given).
    pub dictionaries: Vec<crate::dictionary::DictionaryInfo>,
}

fn document_info(doc: &SegmentedDocument) -> DocumentInfo {
    DocumentInfo {
        path: doc.document.path.display().to_string(),
        language: doc.language(),
        language_given: doc.detection.given,
        language_confidence: doc.detection.confidence,
        format: doc.document.format,
        paragraphs: doc
            .paragraph_sentences
            .iter()
            .filter(|r| !r.is_empty())
            .count(),
        sentences: doc.sentences.len(),
    }
}

fn link_side(doc: &SegmentedDocument, ids: std::ops::Range<usize>) -> LinkSide {
    let mut paragraphs: Vec<usize> = ids.clone().map(|i| doc.sentences[i].paragraph).collect();
    paragraphs.dedup();
    let lines = if ids.is_empty() {
        None
    } else {
        Some([
            doc.sentences[ids.start].start.line,
            doc.sentences[ids.end - 1].end.line,
        ])
    };
    let text = ids
        .clone()
        .map(|i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ");
    LinkSide {
        sentences: ids.collect(),
        paragraphs,
        lines,
        text,
    }
}

impl CheckReport {
    /// Builds the report of a check.
    pub fn new(checked: &Checked) -> CheckReport {
        let alignment = checked
            .alignment
            .links
            .iter()
            .map(|l| AlignedLink {
                source: link_side(&checked.source, l.source.clone()),
                target: link_side(&checked.target, l.target.clone()),
                confidence: l.confidence,
            })
            .collect();
        CheckReport {
            version: FORMAT_VERSION,
            source: document_info(&checked.source),
            target: document_info(&checked.target),
            same_language: checked.source.language() == checked.target.language(),
            alignment,
            findings: checked.findings.clone(),
            summary: Summary::of(&checked.findings),
            dictionaries: checked.dictionaries.clone(),
        }
    }

    /// The most severe finding's severity, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
