//! Helpers shared by the unit tests: documents and alignments made by hand.

use std::ops::Range;

use crate::align::{Alignment, Link};
use crate::document::{Document, InputFormat};
use crate::language::{Detection, Language, LanguageSource};
use crate::segment::SegmentedDocument;

/// A plain-text document in a declared language, segmented.
pub(crate) fn doc(text: &str, language: Language) -> SegmentedDocument {
    let d = Document::from_text(
        std::path::Path::new("t.txt"),
        text.to_string(),
        InputFormat::Text,
    );
    SegmentedDocument::new(d, Detection::declared(language, LanguageSource::Option))
}

/// An alignment of the given (original, translation, confidence) links.
pub(crate) fn alignment(links: &[(Range<usize>, Range<usize>, f64)]) -> Alignment {
    Alignment {
        links: links
            .iter()
            .map(|(s, t, c)| Link {
                source: s.clone(),
                target: t.clone(),
                confidence: *c,
                loose: None,
            })
            .collect(),
        moves: Vec::new(),
    }
}
