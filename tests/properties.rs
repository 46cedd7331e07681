//! Properties over arbitrary input: loaders, segmenter and aligner never
//! panic; segments point at the right bytes, in order, without overlap;
//! alignments are monotone and cover every sentence exactly once.

// AlignOptions grows fields; setting one after `default()` keeps this test
// independent of the others.
#![allow(clippy::field_reassign_with_default)]

use std::path::Path;

use proptest::prelude::*;
use transalign::align::{self, AlignOptions, Side};
use transalign::document::{Document, InputFormat};
use transalign::language::{Detection, Language, LanguageSource};
use transalign::segment::{self, SegmentedDocument};

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

fn detection(language: Language) -> Detection {
    Detection::declared(language, LanguageSource::Option)
}

/// Text with the characters that stress loaders and splitters.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Hello",
        "world",
        ".",
        "!",
        "?",
        "…",
        "...",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "„",
        "“",
        "”",
        "\"",
        "«",
        "»",
        "'",
        "Dr.",
        "z. B.",
        "24.",
        "3,5",
        "1.200",
        "<p>",
        "</p>",
        "<h2>",
        "<script>",
        "&amp;",
        "&hellip;",
        "&#x2014;",
        "&bogus;",
        "# ",
        "## ",
        "---",
        "* ",
        "> ",
        "[a](b)",
        "**",
        "`",
        "ß",
        "Ä",
        "日本語。",
        "مرحبا",
        "\u{200b}",
        "\u{feff}",
        "\t",
        "- ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn loaders_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in FORMATS {
            let _ = Document::from_bytes(Path::new("x"), &bytes, format);
        }
    }

    #[test]
    fn paragraph_spans_point_into_the_file(text in tricky_text()) {
        for format in FORMATS {
            let doc = Document::from_text(Path::new("x"), text.clone(), format);
            let mut last_end = 0;
            for p in &doc.paragraphs {
                prop_assert!(p.span.start <= p.span.end && p.span.end <= text.len());
                prop_assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
                prop_assert!(p.span.start >= last_end, "paragraphs in order: {:?}", doc.paragraphs);
                last_end = p.span.end;
                if p.text.is_empty() {
                    continue;
                }
                let whole = p.source_span(0, p.text.len());
                prop_assert!(whole.start >= p.span.start && whole.end <= p.span.end);
            }
        }
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_cover_the_text(text in tricky_text()) {
        for code in ["en", "de", "fr", "ja"] {
            let language = Language::from_code(code).unwrap();
            let ranges = segment::split(&text, language);
            let mut covered = vec![false; text.len()];
            let mut last_end = 0;
            for r in &ranges {
                prop_assert!(r.start < r.end && r.end <= text.len());
                prop_assert!(r.start >= last_end);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let s = &text[r.clone()];
                prop_assert_eq!(s, s.trim());
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
                last_end = r.end;
            }
            for (i, ch) in text.char_indices() {
                prop_assert!(ch.is_whitespace() || covered[i], "{:?} at {} not in a sentence", ch, i);
            }
        }
    }

    #[test]
    fn sentence_spans_map_to_their_text(text in tricky_text()) {
        let doc = Document::from_text(Path::new("x"), text.clone(), InputFormat::Text);
        let seg = SegmentedDocument::new(doc, detection(Language::EN));
        let mut last_end = 0;
        for (i, s) in seg.sentences.iter().enumerate() {
            prop_assert!(s.span.start >= last_end && s.span.end <= text.len());
            last_end = s.span.end;
            let source = &text[s.span.start..s.span.end];
            let sentence = seg.sentence_text(i);
            // Plain text copies words verbatim: the first and last word of
            // the sentence stand at the ends of its source span.
            let first = sentence.split_whitespace().next().unwrap_or("");
            let last = sentence.split_whitespace().last().unwrap_or("");
            // Entities stand for other text: compare only where there are none.
            if !source.contains('&') {
                prop_assert!(source.starts_with(first), "{:?} vs {:?}", source, sentence);
                prop_assert!(source.ends_with(last), "{:?} vs {:?}", source, sentence);
            }
        }
    }

    #[test]
    fn alignments_are_monotone_and_cover_everything(
        a in prop::collection::vec("[a-z ]{0,80}[.]", 0..40),
        b in prop::collection::vec("[a-z ]{0,80}[.]", 0..40),
        max_link in 1usize..4,
    ) {
        let source = Side::flat(a.iter().map(String::as_str).collect(), None);
        let target = Side::flat(b.iter().map(String::as_str).collect(), None);
        let mut options = AlignOptions::default();
        options.max_link = max_link;
        let alignment = align::align(&source, &target, &options);
        let (mut i, mut j) = (0, 0);
        for link in &alignment.links {
            prop_assert!(!(link.source.is_empty() && link.target.is_empty()));
            prop_assert_eq!(link.source.start, i);
            prop_assert_eq!(link.target.start, j);
            prop_assert!((0.0..=1.0).contains(&link.confidence));
            i = link.source.end;
            j = link.target.end;
        }
        prop_assert_eq!((i, j), (a.len(), b.len()));
    }
}
