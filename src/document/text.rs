//! Plain text: blank lines separate paragraphs; line breaks inside a
//! paragraph read as spaces; a line of `---`, `***` or `___` is a separator.

use super::builder::{self, Builder};
use super::{BlockKind, Paragraph, Span};

/// Splits plain text into paragraphs.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    let flush = |current: &mut Option<Builder>, out: &mut Vec<Paragraph>| {
        if let Some(p) = current
            .take()
            .and_then(|b| b.finish(BlockKind::Paragraph, None))
        {
            out.push(p);
        }
    };
    let mut offset = 0;
    for raw in lines(text) {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        let start = line_start + (line.len() - line.trim_start().len());
        if is_separator(trimmed) {
            flush(&mut current, &mut out);
            out.push(builder::separator(Span::new(start, start + trimmed.len())));
            continue;
        }
        current.get_or_insert_with(Builder::new).push_source(
            text,
            line_start..line_start + raw.len(),
            true,
        );
    }
    flush(&mut current, &mut out);
    out
}

/// Lines with their ends; `\r\n` stays one line end.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut i = start;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        if i < bytes.len() {
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        let line = &text[start..i];
        start = i;
        Some(line)
    })
}

/// Three or more of the same `-`, `*` or `_`, spaces allowed between.
fn is_separator(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_') && marks.clone().count() >= 2 && marks.all(|c| c == first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, InputFormat};
    use std::path::Path;

    fn doc(text: &str) -> Document {
        Document::from_text(Path::new("t.txt"), text.to_string(), InputFormat::Text)
    }

    #[test]
    fn blank_lines_separate_and_line_breaks_fold() {
        let text = "One line\nand more.\n\n  Second.  \r\n";
        let paras = blocks(text);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0].text, "One line and more.");
        assert_eq!(paras[1].text, "Second.");
        let span = paras[1].source_span(0, 7);
        assert_eq!(&text[span.start..span.end], "Second.");
        let span = paras[0].source_span(4, 12);
        assert_eq!(&text[span.start..span.end], "line\nand");
    }

    #[test]
    fn crlf_and_lone_cr_keep_editor_line_numbers() {
        for eol in ["\r\n", "\r", "\n"] {
            let text = ["Erster Absatz.", "", "Zweiter", "Absatz.", "", "Dritter."].join(eol);
            let d = doc(&text);
            let lines: Vec<_> = d.paragraphs.iter().map(|p| d.line_range(p.span)).collect();
            assert_eq!(lines, vec![(1, 1), (3, 4), (6, 6)], "{eol:?}");
            assert_eq!(d.paragraphs[1].text, "Zweiter Absatz.");
            let p = d.position(d.paragraphs[2].span.start);
            assert_eq!((p.line, p.column), (6, 1));
        }
    }

    #[test]
    fn separators_and_hash_lines() {
        let text = "# not a heading.\n\n---\n\n* * *\n\nA -- B.\n___\nEnd.";
        let paras = blocks(text);
        let kinds: Vec<_> = paras.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Separator,
                BlockKind::Separator,
                BlockKind::Paragraph,
                BlockKind::Separator,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(paras[0].text, "# not a heading.");
        assert!(paras[1].text.is_empty());
        assert_eq!(&text[paras[1].span.start..paras[1].span.end], "---");
    }

    #[test]
    fn entities_decode_in_plain_text() {
        let text = "Xi &hellip; und &#x201E;so&#8220;.";
        let paras = blocks(text);
        assert_eq!(paras[0].text, "Xi … und „so“.");
        let at = paras[0].text.find('…').unwrap();
        let s = paras[0].source_span(at, at + '…'.len_utf8());
        assert_eq!(&text[s.start..s.end], "&hellip;");
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(doc("").is_empty());
        assert!(doc("  \n\r\n\t\r  ").is_empty());
        assert!(doc("").paragraphs.is_empty());
    }

    #[test]
    fn utf16_file_loads_with_lines() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Eins.\r\n\r\nZwei.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = Document::from_bytes(Path::new("u.txt"), &bytes, InputFormat::Text).unwrap();
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[1].text, "Zwei.");
        assert_eq!(d.line_range(d.paragraphs[1].span), (3, 3));
    }
}
