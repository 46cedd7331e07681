use std::path::Path;
use std::time::Instant;

use super::*;
use crate::document::test_util::{src, texts};
use crate::document::{Document, InputFormat};

fn doc(text: &str) -> Document {
    Document::from_text(Path::new("t.md"), text.to_string(), InputFormat::Markdown)
}

#[test]
fn blocks_kinds_and_reader_text() {
    let md = "# Der *große* Titel\n\nEin [Link](https://example.org/x) und `code` und ![Alt-Text](a.png).\n\n\
        - Erstens.\n- Zweitens mit **Fett**.\n\n> Ein Zitat.\n\n---\n\n```\nlet x = 1;\n```\n\n\
        | A | B |\n|---|---|\n| eins | zwei |\n";
    let d = doc(md);
    assert_eq!(
        texts(&d),
        vec![
            (BlockKind::Heading, "Der große Titel"),
            (BlockKind::Paragraph, "Ein Link und code und Alt-Text."),
            (BlockKind::ListItem, "Erstens."),
            (BlockKind::ListItem, "Zweitens mit Fett."),
            (BlockKind::BlockQuote, "Ein Zitat."),
            (BlockKind::Separator, ""),
            (BlockKind::CodeBlock, "let x = 1;"),
            (BlockKind::TableCell, "A"),
            (BlockKind::TableCell, "B"),
            (BlockKind::TableCell, "eins"),
            (BlockKind::TableCell, "zwei"),
        ]
    );
    let p = &d.paragraphs[1];
    assert_eq!(
        src(md, p, "Link und code"),
        "Link](https://example.org/x) und `code"
    );
    let rule = &d.paragraphs[5];
    assert_eq!(&md[rule.span.start..rule.span.end], "---");
    assert_eq!(d.line_range(d.paragraphs[2].span), (5, 5));
}

#[test]
fn line_breaks_fold_and_map_back() {
    let md = "Erste Zeile\nzweite  Zeile  \ndritte\\\nvierte.\n";
    let d = doc(md);
    let p = &d.paragraphs[0];
    assert_eq!(p.text, "Erste Zeile zweite Zeile dritte vierte.");
    assert_eq!(src(md, p, "Zeile zweite"), "Zeile\nzweite");
    assert_eq!(src(md, p, "dritte vierte."), "dritte\\\nvierte.");
    assert_eq!(d.line_range(p.span), (1, 4));
}

#[test]
fn entities_decode_and_map_to_the_reference() {
    let md = "Xi &hellip; und &bdquo;so&ldquo; &amp; mehr &#x2026;\n";
    let d = doc(md);
    let p = &d.paragraphs[0];
    assert_eq!(p.text, "Xi … und „so“ & mehr …");
    assert_eq!(src(md, p, "…"), "&hellip;");
    assert_eq!(src(md, p, "„so“"), "&bdquo;so&ldquo;");
    assert_eq!(src(md, p, "mehr …"), "mehr &#x2026;");
}

#[test]
fn escapes_keep_a_byte_exact_map() {
    let md = "Ein \\*Stern\\* hier.";
    let p = &doc(md).paragraphs[0];
    assert_eq!(p.text, "Ein *Stern* hier.");
    assert_eq!(src(md, p, "Stern* hier."), "Stern\\* hier.");
}

#[test]
fn html_blocks_are_read_as_html() {
    let md = "Vorher.\n\n<div class=\"box\">\n<p>Im <b>Kasten</b>.</p>\n</div>\n\n<!-- comment -->\n\nNachher.\n";
    let d = doc(md);
    assert_eq!(
        texts(&d).iter().map(|t| t.1).collect::<Vec<_>>(),
        vec!["Vorher.", "Im Kasten.", "Nachher."]
    );
    assert_eq!(d.line_range(d.paragraphs[1].span), (4, 4));
}

#[test]
fn nested_lists_and_quotes() {
    let md = "- Oben.\n  - Unten.\n\n  Zweiter Absatz.\n\n> Zitat eins.\n>\n> - Liste im Zitat.\n";
    let kinds: Vec<_> = doc(md).paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::BlockQuote,
            BlockKind::ListItem
        ]
    );
}

#[test]
fn front_matter_is_not_text() {
    let md = "---\ntitle: Hallo\n---\n\nText.\n";
    assert_eq!(texts(&doc(md)), vec![(BlockKind::Paragraph, "Text.")]);
}

#[test]
fn crlf_and_lone_cr_lines() {
    for eol in ["\r\n", "\r"] {
        let md = ["## Titel", "", "Erste", "Zeile.", "", "* Punkt."].join(eol);
        let d = doc(&md);
        let lines: Vec<_> = d.paragraphs.iter().map(|p| d.line_range(p.span)).collect();
        assert_eq!(lines, vec![(1, 1), (3, 4), (6, 6)], "{eol:?}");
        assert_eq!(d.paragraphs[1].text, "Erste Zeile.");
    }
}

#[test]
fn empty_and_markup_only() {
    for md in [
        "",
        " \n\n ",
        "---",
        "<!-- nur ein Kommentar -->",
        "```\ncode\n```",
    ] {
        let d = doc(md);
        assert!(d.is_empty(), "{md:?}");
    }
}

#[test]
fn many_headings_are_fast() {
    let md: String = (0..20_000).map(|i| format!("# Titel {i}\n")).collect();
    let started = Instant::now();
    let d = doc(&md);
    assert_eq!(d.paragraphs.len(), 20_000);
    assert!(d.paragraphs.iter().all(|p| p.kind == BlockKind::Heading));
    assert_eq!(d.line_range(d.paragraphs[12_345].span), (12_346, 12_346));
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn html_in_a_quotation_is_part_of_it() {
    let md = "> <p>Zitiert.</p>\n> <p>Noch mehr.</p>\n";
    let kinds: Vec<_> = doc(md).paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![BlockKind::BlockQuote, BlockKind::BlockQuote]);
}

#[test]
fn headings_keep_their_level() {
    let d = doc("# Eins\n\n## Zwei\n\nText.\n\n###### Sechs\n\nZweiter\n--------\n");
    let shapes: Vec<(BlockKind, u8)> = d.paragraphs.iter().map(|p| (p.kind, p.level)).collect();
    assert_eq!(
        shapes,
        vec![
            (BlockKind::Heading, 1),
            (BlockKind::Heading, 2),
            (BlockKind::Paragraph, 0),
            (BlockKind::Heading, 6),
            (BlockKind::Heading, 2),
        ]
    );
}

#[test]
fn fenced_and_indented_code_are_code_blocks() {
    let md = "Run this:\n\n```sh\nsudo apt-get install foo\nfoo --help\n```\n\nOr:\n\n    make install\n    make check\n\n- In a list:\n\n  ```\n  cargo test\n  ```\n";
    let d = doc(md);
    assert_eq!(
        texts(&d),
        vec![
            (BlockKind::Paragraph, "Run this:"),
            (BlockKind::CodeBlock, "sudo apt-get install foo foo --help"),
            (BlockKind::Paragraph, "Or:"),
            (BlockKind::CodeBlock, "make install make check"),
            (BlockKind::ListItem, "In a list:"),
            (BlockKind::CodeBlock, "cargo test"),
        ]
    );
    // The code's words map back to the file.
    assert_eq!(src(md, &d.paragraphs[1], "foo --help"), "foo --help");
    assert_eq!(d.line_range(d.paragraphs[3].span), (10, 11));
    // A document of code alone has nothing to translate.
    assert!(doc("```\nls -l\n```\n").is_empty());
    assert!(!d.is_empty());
}
