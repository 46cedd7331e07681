//! Findings: what the translation dropped, added and changed.

use serde::Serialize;

use crate::align::Alignment;
use crate::segment::SegmentedDocument;

/// What kind of problem a finding reports. The names are part of the JSON
/// contract and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Kind {
    /// Original content with no counterpart in the translation.
    Omission,
    /// Translation content with no counterpart in the original.
    Addition,
    /// A quotation that was changed, cut, extended, or lost its marks.
    AlteredQuote,
    /// Numbers that differ between aligned segments.
    NumberMismatch,
    /// Names that differ between aligned segments.
    NameMismatch,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 5] = [
        Kind::Omission,
        Kind::Addition,
        Kind::AlteredQuote,
        Kind::NumberMismatch,
        Kind::NameMismatch,
    ];

    /// The stable name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Omission => "omission",
            Kind::Addition => "addition",
            Kind::AlteredQuote => "altered_quote",
            Kind::NumberMismatch => "number_mismatch",
            Kind::NameMismatch => "name_mismatch",
        }
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably a problem.
    Warning,
    /// Almost certainly a problem.
    Error,
}

impl Severity {
    /// The stable name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The text a finding concerns on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// First and last 1-based line in the input file.
    pub lines: [u32; 2],
    /// 1-based column of the first character and of the last character.
    pub columns: [u32; 2],
    /// Byte range in the decoded file.
    pub bytes: [usize; 2],
    /// The exact flagged text.
    pub text: String,
}

/// One problem found in a translation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What kind of problem.
    pub kind: Kind,
    /// How much it matters.
    pub severity: Severity,
    /// How sure transalign is, from 0 to 1.
    pub confidence: f64,
    /// One sentence that says what and why.
    pub message: String,
    /// The text concerned in the original, if any.
    pub source: Option<Excerpt>,
    /// The text concerned in the translation, if any.
    pub target: Option<Excerpt>,
}

/// Settings for finding detection.
#[derive(Debug, Clone, Default)]
pub struct FindingOptions {}

/// Finds omissions, additions and altered quotes from an alignment.
pub fn detect(
    _source: &SegmentedDocument,
    _target: &SegmentedDocument,
    _alignment: &Alignment,
    _options: &FindingOptions,
) -> Vec<Finding> {
    Vec::new()
}
