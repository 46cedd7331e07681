use std::path::Path;
use std::time::Instant;

use super::*;
use crate::document::test_util::{src, texts};
use crate::document::{Document, InputFormat};

fn doc(text: &str) -> Document {
    Document::from_text(Path::new("t.html"), text.to_string(), InputFormat::Html)
}

#[test]
fn block_elements_and_their_kinds() {
    let html = "<html><head><title>T</title><style>p{}</style></head><body>\
        <header>Site name</header><nav><a href=/>Home</a></nav>\
        <h1>Der Titel</h1><p>Ein <b>kurzer</b> Text.</p>\
        <ul><li>Eins.</li><li>Zwei.</li></ul>\
        <blockquote><p>Zitat.</p></blockquote>\
        <figure><img src=x alt=Bild><figcaption>Foto: A.</figcaption></figure>\
        <table><tr><th>Kopf</th><td>Zelle</td></tr></table>\
        <hr><footer>(c) 2025</footer><script>var p = '<p>no</p>';</script></body></html>";
    let d = doc(html);
    assert_eq!(
        texts(&d),
        vec![
            (BlockKind::Heading, "Der Titel"),
            (BlockKind::Paragraph, "Ein kurzer Text."),
            (BlockKind::ListItem, "Eins."),
            (BlockKind::ListItem, "Zwei."),
            (BlockKind::BlockQuote, "Zitat."),
            (BlockKind::Caption, "Foto: A."),
            (BlockKind::TableCell, "Kopf"),
            (BlockKind::TableCell, "Zelle"),
            (BlockKind::Separator, ""),
        ]
    );
    let p = &d.paragraphs[1];
    assert_eq!(
        &html[p.span.start..p.span.end],
        "<p>Ein <b>kurzer</b> Text.</p>"
    );
    assert_eq!(src(html, p, "kurzer Text"), "kurzer</b> Text");
    let hr = &d.paragraphs[8];
    assert_eq!(&html[hr.span.start..hr.span.end], "<hr>");
}

#[test]
fn entities_breaks_and_spans_across_lines() {
    let html =
        "<div>\n  <p>Er sagte &bdquo;nein&ldquo;,<br>dann\n    ging er&hellip;</p>\n</div>\n";
    let d = doc(html);
    let p = &d.paragraphs[0];
    assert_eq!(p.text, "Er sagte „nein“, dann ging er…");
    assert_eq!(src(html, p, "„nein“"), "&bdquo;nein&ldquo;");
    assert_eq!(src(html, p, "dann ging"), "dann\n    ging");
    assert_eq!(src(html, p, ", dann"), ",<br>dann");
    assert_eq!(d.line_range(p.span), (2, 3));
    let start = d.position(p.span.start);
    assert_eq!((start.line, start.column), (2, 3));
}

#[test]
fn loose_text_in_div_section_and_article() {
    let html = "<article>Lead text.<section>Part <i>one</i>.<div>Inner.</div>Tail.</section></article>\
        <div><p>In p.</p>after p</div>";
    let d = doc(html);
    assert_eq!(
        texts(&d).iter().map(|t| t.1).collect::<Vec<_>>(),
        vec![
            "Lead text.",
            "Part one.",
            "Inner.",
            "Tail.",
            "In p.",
            "after p"
        ]
    );
}

#[test]
fn unclosed_paragraphs_and_items_end_at_the_next() {
    let html = "<p>One.<p>Two.<ul><li>A<li>B<ul><li>B1</ul><li>C</ul><p>Three";
    let d = doc(html);
    assert_eq!(
        texts(&d).iter().map(|t| t.1).collect::<Vec<_>>(),
        vec!["One.", "Two.", "A", "B", "B1", "C", "Three"]
    );
    let p = &d.paragraphs[0];
    assert_eq!(&html[p.span.start..p.span.end], "<p>One.");
}

#[test]
fn nested_blocks_split_the_outer_one() {
    let html = "<li>Before <p>inside</p> after</li>";
    let d = doc(html);
    assert_eq!(
        texts(&d),
        vec![
            (BlockKind::ListItem, "Before"),
            (BlockKind::ListItem, "inside"),
            (BlockKind::ListItem, "after"),
        ]
    );
    let last = &d.paragraphs[2];
    assert_eq!(
        &html[last.span.start..last.span.end],
        " after</li>".trim_start()
    );
}

#[test]
fn comments_cdata_doctype_and_dropped_elements() {
    let html = "<!doctype html><?xml version='1.0'?><!-- <p>hidden</p> --><![CDATA[x]]>\
        <noscript><p>Enable JS</p></noscript><template><p>T</p></template>\
        <svg><text>Label</text></svg><p>Visible.</p>";
    assert_eq!(texts(&doc(html)), vec![(BlockKind::Paragraph, "Visible.")]);
}

#[test]
fn markup_only_and_empty_inputs() {
    for html in [
        "",
        "   ",
        "<html><body></body></html>",
        "<div><p> </p><br></div>",
        "<!-- x",
    ] {
        let d = doc(html);
        assert!(d.is_empty(), "{html:?}");
        assert!(d.paragraphs.is_empty(), "{html:?}");
    }
}

#[test]
fn malformed_markup_never_panics() {
    for html in [
        "<",
        "</",
        "<p",
        "<p class=\"",
        "</p>",
        "</div></div>text",
        "<p>a</b></i>b",
        "<a href='x>y",
        "&",
        "&#",
        "&#x",
        "&#99999999999999;",
        "<li><li><td></tr></table>x",
        "<p>é<",
        "<é>",
        "<hr/><br/><p/>x",
        "<script>",
        "<style>a",
        "<<<>>>",
        "<!---->",
        "<p>\r\nline\rtwo</p>",
    ] {
        let _ = doc(html);
    }
}

#[test]
fn deep_nesting_and_unbalanced_tags_are_linear() {
    let n = 50_000;
    let deep = format!("{}deep text{}", "<div><span>".repeat(n), "</x>".repeat(n));
    let unclosed = "<p><b><li>a".repeat(n);
    let closers = format!("<div>{}</div>", "</p></li></b>".repeat(n));
    let started = Instant::now();
    let d = doc(&deep);
    assert_eq!(texts(&d), vec![(BlockKind::Paragraph, "deep text")]);
    let d = doc(&unclosed);
    assert_eq!(d.paragraphs.len(), n);
    let _ = doc(&closers);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn crlf_lone_cr_and_utf16_lines() {
    for eol in ["\r\n", "\r"] {
        let html = [
            "<h1>Titel</h1>",
            "<p>Erste",
            "Zeile.</p>",
            "",
            "<p>Zweite.</p>",
        ]
        .join(eol);
        let d = doc(&html);
        let lines: Vec<_> = d.paragraphs.iter().map(|p| d.line_range(p.span)).collect();
        assert_eq!(lines, vec![(1, 1), (2, 3), (5, 5)], "{eol:?}");
        assert_eq!(d.paragraphs[1].text, "Erste Zeile.");
    }
    let mut bytes = vec![0xFE, 0xFF];
    for u in "<p>Eins.</p>\n<p>Zwei.</p>".encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    let d = Document::from_bytes(Path::new("u.html"), &bytes, InputFormat::Html).unwrap();
    assert_eq!(d.line_range(d.paragraphs[1].span), (2, 2));
}

#[test]
fn many_headings_are_fast() {
    let html: String = (0..20_000)
        .map(|i| format!("<h2>Titel {i}</h2>\n"))
        .collect();
    let started = Instant::now();
    let d = doc(&html);
    assert_eq!(d.paragraphs.len(), 20_000);
    assert_eq!(d.line_range(d.paragraphs[19_999].span), (20_000, 20_000));
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn article_header_is_content_page_header_is_not() {
    let html = "<header><p>Site banner</p></header><main><article><header><h1>Headline</h1>\
        </header><p>Body.</p><footer>Tags: x</footer></article></main>";
    assert_eq!(
        texts(&doc(html)),
        vec![
            (BlockKind::Heading, "Headline"),
            (BlockKind::Paragraph, "Body.")
        ]
    );
}

#[test]
fn html_in_pieces_skips_the_gaps() {
    let file = "<p>Eins\n> zwei</p>";
    let d = blocks_in_ranges(file, &[0..8, 10..file.len()]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].text, "Eins zwei");
    assert_eq!(d[0].span, Span::new(0, file.len()));
}

#[test]
fn double_line_breaks_separate_paragraphs() {
    let html = "<div>Erster Absatz<br>geht weiter.<br>\n<br />Zweiter Absatz.</div>";
    let d = doc(html);
    assert_eq!(
        texts(&d).iter().map(|t| t.1).collect::<Vec<_>>(),
        vec!["Erster Absatz geht weiter.", "Zweiter Absatz."]
    );
}

#[test]
fn heading_levels_pre_and_table_cells() {
    let html = "<h1>Eins</h1><h3>Drei <em>kursiv</em></h3><p>Text.</p>\
        <pre><code>sudo apt-get install foo\nfoo --help</code></pre>\
        <ul><li>Punkt <pre>ls -l</pre></li></ul>\
        <table><caption>Tabelle</caption><tr><th>Taste</th><td>Strg</td></tr></table>\
        <H2>Zwei</H2>";
    let d = doc(html);
    let shapes: Vec<(BlockKind, u8, &str)> = d
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.level, p.text.as_str()))
        .collect();
    assert_eq!(
        shapes,
        vec![
            (BlockKind::Heading, 1, "Eins"),
            (BlockKind::Heading, 3, "Drei kursiv"),
            (BlockKind::Paragraph, 0, "Text."),
            (
                BlockKind::CodeBlock,
                0,
                "sudo apt-get install foo foo --help"
            ),
            (BlockKind::ListItem, 0, "Punkt"),
            (BlockKind::CodeBlock, 0, "ls -l"),
            (BlockKind::Caption, 0, "Tabelle"),
            (BlockKind::TableCell, 0, "Taste"),
            (BlockKind::TableCell, 0, "Strg"),
            (BlockKind::Heading, 2, "Zwei"),
        ]
    );
    assert_eq!(heading_level("h4"), 4);
    assert_eq!(heading_level("hr"), 0);
    assert_eq!(heading_level("h7"), 0);
}
