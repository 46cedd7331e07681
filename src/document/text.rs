//! Plain text: blank lines separate paragraphs; line breaks inside a
//! paragraph read as spaces.

use super::{BlockKind, OffsetMap, Paragraph, Span};

/// Splits plain text into paragraphs.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    let mut offset = 0;
    for raw in text.split_inclusive(['\n', '\r']) {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(b) = current.take() {
                out.push(b.finish());
            }
            continue;
        }
        let start = line_start + (line.len() - line.trim_start().len());
        current
            .get_or_insert_with(Builder::default)
            .push_line(trimmed, start);
    }
    if let Some(b) = current.take() {
        out.push(b.finish());
    }
    out
}

/// Accumulates the lines of one block into a paragraph.
#[derive(Default)]
pub(super) struct Builder {
    text: String,
    offsets: OffsetMap,
    span: Option<Span>,
}

impl Builder {
    /// Adds a line (already trimmed) that starts at byte `start` of the file.
    pub(super) fn push_line(&mut self, line: &str, start: usize) {
        if let Some(span) = self.span {
            let at = self.text.len();
            self.text.push(' ');
            self.offsets.push_replaced(at..at + 1, span.end..start);
        }
        let at = self.text.len();
        self.text.push_str(line);
        self.offsets.push_verbatim(at..self.text.len(), start);
        let line_span = Span::new(start, start + line.len());
        self.span = Some(self.span.map_or(line_span, |s| s.cover(line_span)));
    }

    /// The finished paragraph.
    pub(super) fn finish(self) -> Paragraph {
        let span = self.span.unwrap_or_default();
        Paragraph {
            kind: BlockKind::Paragraph,
            text: self.text,
            span,
            offsets: self.offsets,
            parts: vec![span],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
