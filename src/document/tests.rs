//! Offset maps across all loaders: every word of every paragraph maps back
//! to exactly its bytes in the file, whatever markup surrounds it.

use std::path::Path;

use super::{Document, InputFormat, LoadOptions};

fn check_words(text: &str, format: InputFormat) {
    let doc = Document::from_text(Path::new("t"), text.to_string(), format);
    assert!(!doc.paragraphs.is_empty(), "{format:?}");
    for p in &doc.paragraphs {
        let mut at = 0;
        for word in p.text.split(' ') {
            let span = p.source_span(at, at + word.len());
            let source = &text[span.start..span.end];
            // Words built from references or parser-decoded text differ
            // from the file; plain ones must come back unchanged.
            if !source.contains(['&', '\\', '*', '<', '`']) {
                assert_eq!(source, word, "{format:?} in {:?}", p.text);
            }
            at += word.len() + 1;
        }
        // The whole text maps to the span of the paragraph's parts.
        let whole = p.source_span(0, p.text.len());
        assert!(p.span.start <= whole.start && whole.end <= p.span.end);
    }
}

#[test]
fn every_word_maps_back_in_every_format() {
    let body =
        "Die  Regierung\tsagte am\r\nMontag, sie werde „nicht nachgeben“ &ndash; so Xi &hellip;";
    check_words(body, InputFormat::Text);
    check_words(
        &format!("# Titel hier\n\n{body}\n\n- Ein *Punkt* mit `Code`.\n"),
        InputFormat::Markdown,
    );
    check_words(
        &format!("<h1>Titel\nhier</h1><p class=x>{body}</p><ul><li>Ein <em>Punkt</em>.</li></ul>"),
        InputFormat::Html,
    );
}

#[test]
fn sentence_ranges_map_across_entities_and_joins() {
    let text = "Er sagte &bdquo;nie\n\nwieder&ldquo;. Dann ging er &hellip; weit weg.\n";
    let doc = Document::from_text(Path::new("t.md"), text.to_string(), InputFormat::Markdown);
    assert_eq!(doc.paragraphs.len(), 1);
    let p = &doc.paragraphs[0];
    assert_eq!(p.text, "Er sagte „nie wieder“. Dann ging er … weit weg.");
    let first_end = p.text.find(". ").unwrap() + 1;
    let s = p.source_span(0, first_end);
    assert_eq!(
        &text[s.start..s.end],
        "Er sagte &bdquo;nie\n\nwieder&ldquo;."
    );
    let second = p.text.find("Dann").unwrap();
    let s = p.source_span(second, p.text.len());
    assert_eq!(&text[s.start..s.end], "Dann ging er &hellip; weit weg.");
    assert_eq!(doc.line_range(s), (3, 3));
}

#[test]
fn text_is_one_line_with_single_spaces() {
    let body =
        "  Zeile\u{2028}eins &#10;&#13; zwei\u{85}drei\r\n\r vier\t\u{b}fünf &NewLine; sechs.  ";
    for (format, text) in [
        (InputFormat::Text, body.to_string()),
        (InputFormat::Markdown, format!("> {body}\n")),
        (InputFormat::Html, format!("<p>{body}<br/>\n</p>")),
    ] {
        let doc = Document::from_text(Path::new("t"), text, format);
        let p = &doc.paragraphs[0];
        assert!(
            !p.text.contains(['\n', '\r', '\u{2028}', '\u{85}', '\t']),
            "{format:?}"
        );
        assert!(
            !p.text.contains("  ") && p.text.trim() == p.text,
            "{format:?}: {:?}",
            p.text
        );
        assert!(
            p.text.starts_with("Zeile eins zwei drei"),
            "{format:?}: {:?}",
            p.text
        );
    }
}

/// Random markup from pieces that stress the readers; a fixed seed keeps
/// the test repeatable.
#[test]
fn random_markup_never_panics_and_maps_inside_the_file() {
    const PIECES: &[&str] = &[
        "<",
        ">",
        "/",
        "p",
        "li",
        "<!--",
        "-->",
        "&",
        "#",
        "x",
        "1",
        ";",
        "amp",
        "hellip",
        " ",
        "\n",
        "\r",
        "\r\n",
        "ä",
        "„",
        "“",
        ".",
        "a",
        "B",
        "'",
        "\"",
        "=",
        "-",
        "*",
        "`",
        "[",
        "]",
        "(",
        ")",
        "> ",
        "# ",
        "script",
        "br",
        "<p>",
        "</p>",
        "<li>",
        "<td>",
        "<div>",
        "</div>",
        "<![CDATA[",
        "]]>",
        "\u{AD}",
        "\u{a0}",
        "- ",
        "\n\n",
        "<br>",
        "<hr>",
        "---",
        "\\",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 80) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            let doc = Document::from_text(Path::new("t"), text.clone(), format);
            for p in &doc.paragraphs {
                assert!(!p.text.contains(['\n', '\r']), "{format:?} {text:?}");
                assert!(p.span.end <= text.len(), "{format:?} {text:?}");
                let bounds: Vec<usize> = p
                    .text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([p.text.len()])
                    .collect();
                for w in bounds.windows(2) {
                    let s = p.source_span(w[0], w[1]);
                    assert!(
                        s.start <= s.end && s.end <= text.len(),
                        "{format:?} {text:?}"
                    );
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
                let _ = doc.line_range(p.span);
            }
        }
    }
}

#[test]
fn every_kind_has_a_noun_for_messages() {
    use super::BlockKind;
    let nouns = [
        (BlockKind::Heading, "the heading"),
        (BlockKind::Paragraph, "the paragraph"),
        (BlockKind::ListItem, "the list item"),
        (BlockKind::BlockQuote, "the quotation"),
        (BlockKind::Separator, "the separator"),
        (BlockKind::TableCell, "the table cell"),
        (BlockKind::Caption, "the caption"),
        (BlockKind::CodeBlock, "the code block"),
    ];
    for (kind, noun) in nouns {
        assert_eq!(kind.noun(), noun, "{kind:?}");
    }
    // Every noun is distinct, so a message always tells the kinds apart.
    let mut all: Vec<&str> = nouns.iter().map(|(k, _)| k.noun()).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), nouns.len());
}

#[test]
fn sniff_tells_html_and_markdown_from_their_content() {
    use super::InputFormat::{Html, Markdown, Text};
    for (text, format) in [
        (
            "<!DOCTYPE html>\n<html lang=\"de\"><body><p>Text.</p></body></html>",
            Html,
        ),
        ("  <html><p>Text.</p></html>", Html),
        ("<?xml version=\"1.0\"?><html/>", Html),
        ("<p>Ein Absatz.</p>\n<p>Noch einer.</p>", Html),
        ("---\nlang: de\n---\nText.", Markdown),
        ("Intro.\n\n## Heading\n\nText.", Markdown),
        ("Text with [a link](https://example.org).", Markdown),
        ("```\ncode\n```", Markdown),
        (
            "Plain text.\n\nA second paragraph with #hashtag and 3 < 4.",
            Text,
        ),
        ("<3 is a heart, not a tag.", Text),
    ] {
        assert_eq!(InputFormat::sniff(text), format, "{text:?}");
    }
}

#[test]
fn load_sniffs_only_when_the_extension_names_no_format() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<!DOCTYPE html><html><body><p>Text.</p></body></html>";
    for (name, format) in [
        ("page", InputFormat::Html),
        ("page.txt", InputFormat::Text),
        ("page.md", InputFormat::Markdown),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, html).unwrap();
        let doc = Document::load(&path, LoadOptions::default()).unwrap();
        assert_eq!(doc.format, format, "{name}");
    }
    let path = dir.path().join("page");
    let forced = LoadOptions {
        format: Some(InputFormat::Text),
        ..LoadOptions::default()
    };
    assert_eq!(
        Document::load(&path, forced).unwrap().format,
        InputFormat::Text
    );
}
