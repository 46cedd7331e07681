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
use crate::language::{Language, LanguageSource};
use crate::segment::SegmentedDocument;

pub use github::Github;
pub use html::{BatchHtml, Html, IndexEntry, Skipped, index_page};
pub use json::{Json, JsonLines};
pub use junit::{Junit, JunitSuite, junit_document};
pub use sarif::Sarif;
pub use terminal::{DEFAULT_WIDTH, Terminal};

/// Version of the JSON contract. Fields may be added within a version;
/// none is removed or changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// `n` and `noun`, plural unless `n` is 1: "1 finding", "2 findings".
///
/// ```
/// use transalign::report::count;
/// assert_eq!(count(1, "pair"), "1 pair");
/// assert_eq!(count(0, "finding"), "0 findings");
/// ```
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

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
    /// Whether the language was declared (by an option, the file's name or
    /// its markup) rather than detected.
    pub language_given: bool,
    /// Detection confidence (1 when declared).
    pub language_confidence: f64,
    /// Where the language came from: `option`, `file_name`, `folder`,
    /// `html_lang`, `front_matter` or `detected`.
    pub language_source: LanguageSource,
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
    /// The counts in one line, as `--quiet` prints them: `no findings`, or
    /// `3 findings: 1 error, 0 warning, 2 info`.
    pub fn line(&self) -> String {
        if self.total == 0 {
            return "no findings".into();
        }
        let sev = &self.by_severity;
        format!(
            "{} finding{}: {} error, {} warning, {} info",
            self.total,
            if self.total == 1 { "" } else { "s" },
            sev.error,
            sev.warning,
            sev.info
        )
    }

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
    /// Counts of every finding, shown or not.
    pub summary: Summary,
    /// Set when findings less severe than this were hidden from `findings`
    /// ([`CheckReport::hide_below`]); `summary` still counts them. `None`
    /// (`null`) when every finding is listed.
    pub show: Option<Severity>,
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
        language_source: doc.detection.source,
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
            show: None,
            dictionaries: checked.dictionaries.clone(),
        }
    }

    /// Hides findings less severe than `level` from every renderer, as
    /// `--show LEVEL` asks; the summary keeps counting them and `show`
    /// records the level. `info` hides nothing and leaves the report as it
    /// was. Decide the exit code and the worst severity before hiding.
    pub fn hide_below(&mut self, level: Severity) {
        if level == Severity::Info {
            return;
        }
        self.findings.retain(|f| f.severity >= level);
        self.show = Some(level);
    }

    /// How many findings [`CheckReport::hide_below`] hid.
    pub fn hidden(&self) -> usize {
        self.summary.total.saturating_sub(self.findings.len())
    }

    /// The line every human-readable report adds when findings were
    /// hidden: `6 findings below warning not shown (--show warning)`.
    pub fn hidden_note(&self) -> Option<String> {
        let level = self.show?;
        let n = self.hidden();
        Some(format!(
            "{n} finding{} below {} not shown (--show {})",
            if n == 1 { "" } else { "s" },
            level.name(),
            level.name()
        ))
    }

    /// The most severe finding's severity, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
