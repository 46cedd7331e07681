//! Loads the seed article pair from ../shared when it is there. The seed is
//! not part of the repository, so without it these tests say so and pass.

use std::path::{Path, PathBuf};

use transalign::document::{BlockKind, Document, LoadOptions};

fn seed(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/seed")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        println!("skipped: {} not found", path.display());
        None
    }
}

fn load(path: &Path) -> Document {
    Document::load(path, LoadOptions::default()).expect("seed loads")
}

/// The paragraph whose span starts on `line`.
fn at_line(doc: &Document, line: u32) -> &transalign::Paragraph {
    doc.paragraphs
        .iter()
        .find(|p| doc.line_range(p.span).0 == line)
        .unwrap_or_else(|| panic!("no paragraph starts on line {line}"))
}

#[test]
fn seed_de_headings_joins_and_teaser() {
    let Some(path) = seed("de.md") else { return };
    let doc = load(&path);
    assert_eq!(at_line(&doc, 13).kind, BlockKind::Heading);
    assert_eq!(at_line(&doc, 3).kind, BlockKind::Heading);
    // Paragraphs broken inside a sentence are joined and keep both parts.
    for (first, last) in [(9, 11), (23, 25), (35, 37)] {
        let p = at_line(&doc, first);
        assert_eq!(doc.line_range(p.span), (first, last));
        assert_eq!(p.parts.len(), 2);
        assert_eq!(doc.line_range(p.parts[1]), (last, last));
        assert!(!p.text.contains('\n'));
    }
    // The teaser ends with an ellipsis entity: decoded, and left alone.
    let teaser = at_line(&doc, 5);
    assert_eq!(doc.line_range(teaser.span), (5, 5));
    assert!(teaser.text.ends_with('…'), "{}", teaser.text);
    assert!(!doc.paragraphs.iter().any(|p| p.text.contains("&hellip;")));
    // The joined sentence maps back to both lines.
    let joined = at_line(&doc, 9);
    let at = joined
        .text
        .find("getrennt werden")
        .expect("joined sentence");
    let span = joined.source_span(at, at + "getrennt werden".len());
    assert_eq!(doc.line_range(span), (9, 11));
    let separators = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Separator)
        .count();
    assert_eq!(separators, 1);
    // Links keep their text, not their address.
    assert!(!doc.paragraphs.iter().any(|p| p.text.contains("https://")));
}

#[test]
fn seed_en_one_paragraph_per_block() {
    let Some(path) = seed("en.md") else { return };
    let doc = load(&path);
    let text = std::fs::read_to_string(&path).expect("readable");
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    assert_eq!(doc.paragraphs.len(), blocks);
    assert_eq!(doc.paragraphs[0].kind, BlockKind::Heading);
    assert_eq!(doc.line_range(doc.paragraphs[0].span), (1, 1));
    assert!(
        doc.paragraphs[1..]
            .iter()
            .all(|p| p.kind == BlockKind::Paragraph)
    );
    // Every block starts at the beginning of its line.
    for p in &doc.paragraphs {
        assert_eq!(doc.position(p.span.start).column, 1, "{}", p.text);
    }
}
