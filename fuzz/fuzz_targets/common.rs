//! Shared by the loader targets.

use std::path::Path;

use transalign::document::{Document, InputFormat};
use transalign::language::{Detection, Language, LanguageSource};
use transalign::segment::SegmentedDocument;

/// Loads, segments and checks that every span is well formed.
#[allow(dead_code)]
pub fn load_and_segment(bytes: &[u8], format: InputFormat) {
    let Ok(doc) = Document::from_bytes(Path::new("fuzz"), bytes, format) else {
        return;
    };
    let len = doc.text.len();
    for p in &doc.paragraphs {
        assert!(p.span.start <= p.span.end && p.span.end <= len);
        assert!(doc.text.is_char_boundary(p.span.start) && doc.text.is_char_boundary(p.span.end));
    }
    let detection = Detection::declared(Language::DE, LanguageSource::Option);
    let seg = SegmentedDocument::new(doc, detection);
    let mut last = 0;
    for s in &seg.sentences {
        assert!(s.span.start >= last.min(s.span.start) && s.span.end <= len);
        assert!(s.start <= s.end);
        last = s.span.end;
    }
}
