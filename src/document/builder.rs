//! Building one paragraph's text and offset map from pieces of the file:
//! runs of white space fold into one space, character references decode,
//! and every byte of the result remembers where it came from.

use std::ops::Range;

use super::entities;
use super::{BlockKind, OffsetMap, Paragraph, Span};

/// White space that folds into a single space. No-break spaces stay: they
/// are text (French puts them before `:` and inside `« »`).
pub fn is_folded_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// Accumulates the text of one block.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    offsets: OffsetMap,
    /// Source of white space (or a break) seen since the last text.
    pending: Option<Range<usize>>,
    /// Source range of the text pushed so far.
    covered: Option<Span>,
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Source range of the visible text pushed so far.
    pub fn covered(&self) -> Option<Span> {
        self.covered
    }

    /// Records a break (white space, `<br>`, a soft line break) that reads
    /// as one space if more text follows.
    pub fn push_break(&mut self, source: Range<usize>) {
        self.pending = Some(match self.pending.take() {
            Some(p) => p.start.min(source.start)..p.end.max(source.end),
            None => source,
        });
    }

    fn before_text(&mut self) {
        if let Some(p) = self.pending.take() {
            if !self.text.is_empty() {
                let at = self.text.len();
                self.text.push(' ');
                self.offsets.push_replaced(at..at + 1, p);
            }
        }
    }

    fn cover(&mut self, source: Range<usize>) {
        let s = Span::new(source.start, source.end);
        self.covered = Some(self.covered.map_or(s, |c| c.cover(s)));
    }

    /// Appends `file[range]` as a reader sees it: white space folded, and
    /// character references decoded when `entities` is set.
    pub fn push_source(&mut self, file: &str, range: Range<usize>, entities: bool) {
        let src = &file[range.clone()];
        let base = range.start;
        let mut run_start: Option<usize> = None;
        let mut i = 0;
        while i < src.len() {
            let c = src[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            // A single plain space between two visible characters is kept
            // as it is: it needs no piece of its own in the offset map,
            // which keeps the map small for long lines.
            if c == ' '
                && run_start.is_some()
                && src[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| !is_folded_space(n) && n != '&')
            {
                i += 1;
                continue;
            }
            let decoded = if entities && c == '&' {
                entities::decode_at(&src[i..])
            } else {
                None
            };
            if is_folded_space(c) || c == '\u{AD}' || decoded.is_some() {
                if let Some(rs) = run_start.take() {
                    self.push_verbatim_raw(src, rs..i, base);
                }
            }
            if let Some((d, used)) = decoded {
                if d.is_whitespace() {
                    self.push_break(base + i..base + i + used);
                } else {
                    self.before_text();
                    let at = self.text.len();
                    d.push_to(&mut self.text);
                    let end = self.text.len();
                    self.offsets
                        .push_replaced(at..end, base + i..base + i + used);
                    self.cover(base + i..base + i + used);
                }
                i += used;
                continue;
            }
            if is_folded_space(c) {
                self.push_break(base + i..base + i + len);
            } else if c == '\u{AD}' {
                // A soft hyphen is invisible: drop it, keep the word whole.
            } else if run_start.is_none() {
                run_start = Some(i);
            }
            i += len;
        }
        if let Some(rs) = run_start {
            self.push_verbatim_raw(src, rs..src.len(), base);
        }
    }

    fn push_verbatim_raw(&mut self, src: &str, range: Range<usize>, base: usize) {
        self.before_text();
        let at = self.text.len();
        self.text.push_str(&src[range.clone()]);
        self.offsets
            .push_verbatim(at..self.text.len(), base + range.start);
        self.cover(base + range.start..base + range.end);
    }

    /// Appends text that stands for `source` as a whole (text a parser
    /// already decoded, so it no longer matches the file byte for byte).
    pub fn push_replaced(&mut self, text: &str, source: Range<usize>) {
        let mut first = true;
        for word in text.split(is_folded_space) {
            if !first {
                self.push_break(source.clone());
            }
            first = false;
            if word.is_empty() {
                continue;
            }
            self.before_text();
            let at = self.text.len();
            self.text.push_str(word);
            self.offsets
                .push_replaced(at..self.text.len(), source.clone());
            self.cover(source.clone());
        }
    }

    /// The finished paragraph, or `None` when it holds no visible text.
    /// `span` overrides the covered range (an HTML element, say).
    pub fn finish(self, kind: BlockKind, span: Option<Span>) -> Option<Paragraph> {
        if self.text.is_empty() {
            return None;
        }
        let span = span.or(self.covered).unwrap_or_default();
        Some(Paragraph {
            kind,
            level: 0,
            text: self.text,
            span,
            offsets: self.offsets,
            parts: vec![span],
        })
    }
}

/// A paragraph without text, such as a thematic break.
pub fn separator(span: Span) -> Paragraph {
    Paragraph {
        kind: BlockKind::Separator,
        level: 0,
        text: String::new(),
        span,
        offsets: OffsetMap::default(),
        parts: vec![span],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(file: &str) -> Paragraph {
        let mut b = Builder::new();
        b.push_source(file, 0..file.len(), true);
        b.finish(BlockKind::Paragraph, None).unwrap()
    }

    use crate::document::test_util::src;

    #[test]
    fn folds_white_space_and_trims() {
        let file = "  Eins \t zwei\r\n  drei  ";
        let p = build(file);
        assert_eq!(p.text, "Eins zwei drei");
        assert_eq!(src(file, &p, "zwei drei"), "zwei\r\n  drei");
        assert_eq!(p.span, Span::new(2, 21));
    }

    #[test]
    fn entities_map_to_their_source() {
        let file = "Er sagte &bdquo;nein&ldquo; &hellip; und&#160;ging.";
        let p = build(file);
        assert_eq!(p.text, "Er sagte „nein“ … und\u{a0}ging.");
        assert_eq!(src(file, &p, "„nein“"), "&bdquo;nein&ldquo;");
        assert_eq!(src(file, &p, "… und"), "&hellip; und");
        assert_eq!(src(file, &p, "ging."), "ging.");
    }

    #[test]
    fn entity_spaces_fold_and_soft_hyphens_vanish() {
        let p = build("a&#32;&#10; b Au\u{AD}ßen");
        assert_eq!(p.text, "a b Außen");
    }

    #[test]
    fn blank_input_gives_nothing() {
        let mut b = Builder::new();
        b.push_source(" \n\t ", 0..4, true);
        assert!(b.finish(BlockKind::Paragraph, None).is_none());
    }
}
