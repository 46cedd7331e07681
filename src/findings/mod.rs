//! Findings: what the translation dropped, added and changed.
//!
//! [`detect_all`] reads an alignment and reports, in reading order:
//! omissions (1-0 links, facts missing from a counterpart), additions (0-1
//! links, classified as headings, advertisement markers, boilerplate or
//! repeated content), altered quotes, number or name mismatches and text
//! left untranslated (which the other stages then leave alone). Each
//! stage lives in its own submodule.

mod additions;
mod context;
pub mod evidence;
mod facts;
mod lengths;
mod moves;
mod omissions;
pub mod quotes;
pub mod repeats;
mod retold;
pub mod roles;
#[cfg(test)]
mod tests;
mod untranslated;

use serde::Serialize;

use crate::align::Alignment;
use crate::document::Span;
use crate::segment::SegmentedDocument;

pub use evidence::Evidence;
pub use repeats::Repeat;
pub use roles::Role;

/// What kind of problem a finding reports. The names are part of the JSON
/// contract and never change; new kinds may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// Translation text still in the original's language.
    Untranslated,
    /// Original content the translation tells at another place.
    Moved,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 7] = [
        Kind::Omission,
        Kind::Addition,
        Kind::AlteredQuote,
        Kind::NumberMismatch,
        Kind::NameMismatch,
        Kind::Untranslated,
        Kind::Moved,
    ];

    /// The stable name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Omission => "omission",
            Kind::Addition => "addition",
            Kind::AlteredQuote => "altered_quote",
            Kind::NumberMismatch => "number_mismatch",
            Kind::NameMismatch => "name_mismatch",
            Kind::Untranslated => "untranslated",
            Kind::Moved => "moved",
        }
    }

    /// The kind whose [`name`](Kind::name) is `name`.
    ///
    /// ```
    /// use transalign::Kind;
    /// assert_eq!(Kind::from_name("altered_quote"), Some(Kind::AlteredQuote));
    /// assert_eq!(Kind::from_name("AlteredQuote"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
    /// Every severity, from the least to the most serious.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The stable name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity whose [`name`](Severity::name) is `name`.
    ///
    /// ```
    /// use transalign::Severity;
    /// assert_eq!(Severity::from_name("warning"), Some(Severity::Warning));
    /// assert_eq!(Severity::from_name("fatal"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.name() == name)
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
    /// For repeated content: the other translation text it repeats
    /// (null otherwise).
    pub repeats: Option<Excerpt>,
    /// What the finding rests on, with the values measured (added in
    /// version 1; every stage sets it, null only in reports older than
    /// the field).
    pub evidence: Option<Evidence>,
}

impl Finding {
    /// A finding without excerpts; add them with the builder methods.
    pub fn new(kind: Kind, severity: Severity, confidence: f64, message: String) -> Finding {
        Finding {
            kind,
            severity,
            confidence: (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
            message,
            source: None,
            target: None,
            repeats: None,
            evidence: None,
        }
    }

    /// Sets the original's excerpt.
    pub fn with_source(mut self, excerpt: Option<Excerpt>) -> Finding {
        self.source = excerpt;
        self
    }

    /// Sets the translation's excerpt.
    pub fn with_target(mut self, excerpt: Option<Excerpt>) -> Finding {
        self.target = excerpt;
        self
    }

    /// Sets the evidence.
    pub fn with_evidence(mut self, evidence: Evidence) -> Finding {
        self.evidence = Some(evidence);
        self
    }
}

/// Settings for finding detection.
#[derive(Debug, Clone)]
pub struct FindingOptions {
    /// Severity of inserted headings, advertisement markers and
    /// boilerplate (info by default: publishers add them on purpose).
    pub boilerplate_severity: Severity,
}

impl Default for FindingOptions {
    fn default() -> Self {
        FindingOptions {
            boilerplate_severity: Severity::Info,
        }
    }
}

/// Finds omissions, additions and altered quotes from an alignment,
/// detecting repeated translation content itself.
pub fn detect(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &Alignment,
    options: &FindingOptions,
) -> Vec<Finding> {
    let repeats = repeats::find(target);
    detect_all(source, target, alignment, &repeats, options)
}

/// Finds everything, given the repeated paragraphs of the translation
/// (see [`repeats::find`]); findings come in reading order.
pub fn detect_all(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &Alignment,
    repeats: &[Repeat],
    options: &FindingOptions,
) -> Vec<Finding> {
    let ctx = context::Context::new(source, target, alignment, repeats, options);
    let mut found: Vec<(usize, Finding)> = Vec::new();
    omissions::find(&ctx, &mut found);
    additions::find(&ctx, &mut found);
    lengths::find(&ctx, &mut found);
    let quotes = quotes::compare(&ctx, &mut found);
    facts::find(&ctx, &quotes, &mut found);
    // Decisions: text left untranslated, or told at another place, is not
    // also dropped, added or changed.
    let untranslated = untranslated::find(&ctx);
    let covered = Covered::new(untranslated.iter().map(|(_, f)| f));
    found.retain(|(_, f)| !covered.covers(f));
    found.extend(untranslated);
    // (Text left untranslated stays reported where it was moved to.)
    let moved = moves::report(&ctx, &moves::all(&ctx, &alignment.moves));
    let covered = Covered::new(moved.iter().map(|(_, f)| f));
    found.retain(|(_, f)| f.kind == Kind::Untranslated || !covered.covers(f));
    found.extend(moved);
    found.sort_by_key(|(order, f)| {
        (
            *order,
            f.source.as_ref().map_or(0, |e| e.bytes[0]),
            f.target.as_ref().map_or(0, |e| e.bytes[0]),
        )
    });
    debug_assert!(
        found.iter().all(|(_, f)| f.evidence.is_some()),
        "every stage says what its finding rests on"
    );
    dedup(found.into_iter().map(|(_, f)| f).collect())
}

/// The text that `untranslated` or `moved` findings cover, on each side:
/// what they say is left in the original's language, or told elsewhere, is
/// not also added, dropped or mismatched.
struct Covered {
    /// Byte ranges of the translation, by start, with the largest end so far.
    target: Vec<(usize, usize)>,
    /// Byte ranges of the original they copy, likewise.
    source: Vec<(usize, usize)>,
}

impl Covered {
    fn new<'a>(untranslated: impl Iterator<Item = &'a Finding>) -> Covered {
        let (mut target, mut source) = (Vec::new(), Vec::new());
        for f in untranslated {
            target.extend(f.target.as_ref().map(|e| (e.bytes[0], e.bytes[1])));
            source.extend(f.source.as_ref().map(|e| (e.bytes[0], e.bytes[1])));
        }
        let running_max = |mut v: Vec<(usize, usize)>| {
            v.sort_unstable();
            let mut end = 0;
            for r in &mut v {
                end = end.max(r.1);
                r.1 = end;
            }
            v
        };
        Covered {
            target: running_max(target),
            source: running_max(source),
        }
    }

    /// Whether `f` concerns covered translation text, or (having no
    /// translation side) covered original text.
    fn covers(&self, f: &Finding) -> bool {
        let within = |ranges: &[(usize, usize)], e: &Excerpt| {
            let n = ranges.partition_point(|r| r.0 <= e.bytes[0]);
            n > 0 && ranges[n - 1].1 >= e.bytes[1]
        };
        match (&f.target, &f.source) {
            (Some(t), _) => within(&self.target, t),
            (None, Some(s)) => within(&self.source, s),
            (None, None) => false,
        }
    }
}

/// Drops a finding that says what another already says about the same
/// text (two stages may see one added sentence: its length and its
/// numbers), keeping the more severe.
fn dedup(findings: Vec<Finding>) -> Vec<Finding> {
    let bytes = |e: &Option<Excerpt>| e.as_ref().map(|e| e.bytes);
    let key = |f: &Finding| match f.kind {
        Kind::Addition => (f.kind, None, bytes(&f.target)),
        Kind::Omission => (f.kind, bytes(&f.source), None),
        _ => (f.kind, bytes(&f.source), bytes(&f.target)),
    };
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut seen = crate::anchors::FastMap::default();
    for f in findings {
        match seen.get(&key(&f)) {
            Some(&i) => {
                let g: &mut Finding = &mut out[i];
                if f.severity > g.severity {
                    *g = f;
                }
            }
            None => {
                seen.insert(key(&f), out.len());
                out.push(f);
            }
        }
    }
    out
}

/// Builds an [`Excerpt`] for a byte span of a document's file text.
pub fn excerpt(doc: &SegmentedDocument, span: Span, text: String) -> Excerpt {
    let start = doc.document.position(span.start);
    let end = doc
        .document
        .position(span.end.saturating_sub(1).max(span.start));
    Excerpt {
        lines: [start.line, end.line],
        columns: [start.column, end.column],
        bytes: [span.start, span.end],
        text,
    }
}

/// The excerpt of a run of sentences (their text joined with spaces).
pub fn sentences_excerpt(doc: &SegmentedDocument, ids: std::ops::Range<usize>) -> Option<Excerpt> {
    if ids.is_empty() {
        return None;
    }
    let span = doc.sentences[ids.start]
        .span
        .cover(doc.sentences[ids.end - 1].span);
    let text = ids
        .map(|i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ");
    Some(excerpt(doc, span, text))
}

/// The excerpt of a byte range of one paragraph's text.
pub fn paragraph_excerpt(
    doc: &SegmentedDocument,
    paragraph: usize,
    range: std::ops::Range<usize>,
) -> Excerpt {
    let p = &doc.document.paragraphs[paragraph];
    let span = p.source_span(range.start, range.end);
    excerpt(doc, span, p.text[range].to_string())
}
