//! The whole check: two documents in, an alignment and findings out.

use crate::align::{self, AlignOptions, Alignment, Side};
use crate::document::Document;
use crate::error::Result;
use crate::findings::{self, Finding, FindingOptions};
use crate::language::{self, Detection, Language};
use crate::segment::SegmentedDocument;

/// Settings for [`check`].
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The original's language, instead of detecting it.
    pub source_language: Option<Language>,
    /// The translation's language, instead of detecting it.
    pub target_language: Option<Language>,
    /// Aligner settings.
    pub align: AlignOptions,
    /// Finding settings.
    pub findings: FindingOptions,
}

/// Everything a check produces; reports are built from it.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The original, segmented.
    pub source: SegmentedDocument,
    /// The translation, segmented.
    pub target: SegmentedDocument,
    /// Sentence alignment between them.
    pub alignment: Alignment,
    /// What the translation dropped, added and changed, in reading order.
    pub findings: Vec<Finding>,
}

/// Settles a document's language: the given one, or detection.
pub fn settle_language(
    document: &Document,
    given: Option<Language>,
    flag: &'static str,
) -> Result<Detection> {
    match given {
        Some(language) => Ok(Detection {
            language,
            confidence: 1.0,
            given: true,
        }),
        None => {
            let text: Vec<&str> = document
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect();
            language::detect(&document.path, &text.join("\n"), flag)
        }
    }
}

/// The aligner's view of a segmented document.
pub fn side(doc: &SegmentedDocument) -> Side<'_> {
    Side {
        sentences: doc.sentence_texts(),
        paragraphs: doc
            .paragraph_sentences
            .iter()
            .filter(|r| !r.is_empty())
            .cloned()
            .collect(),
        language: Some(doc.language()),
    }
}

/// Checks `target` (a translation) against `source` (its original).
pub fn check(source: Document, target: Document, options: &CheckOptions) -> Result<Checked> {
    let source_detection = settle_language(&source, options.source_language, "--source-lang")?;
    let target_detection = settle_language(&target, options.target_language, "--target-lang")?;
    let source = SegmentedDocument::new(source, source_detection);
    let target = SegmentedDocument::new(target, target_detection);
    let alignment = align::align(&side(&source), &side(&target), &options.align);
    let findings = findings::detect(&source, &target, &alignment, &options.findings);
    Ok(Checked {
        source,
        target,
        alignment,
        findings,
    })
}
