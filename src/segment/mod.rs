//! Sentences: each paragraph split into sentences, language-aware.
//!
//! [`split`] is the whole interface of the splitter: a paragraph's text and
//! its language in, sentence byte ranges out. [`SegmentedDocument`] applies
//! it to every paragraph and keeps each sentence's place in the file.

pub mod eval;
mod quotes;
pub(crate) mod resources;
mod rules;

use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::anchors::{Name, Number};
use crate::document::{BlockKind, Document, Position, Span};
use crate::facts::{FactsTable, SentenceFacts, WordsIn};
use crate::findings::roles::{self, Role};
use crate::language::{Detection, Language};

/// Splits one paragraph's text into sentences: byte ranges into `text`, in
/// order, not overlapping, trimmed of surrounding white space.
///
/// The candidates are Unicode's sentence boundaries (UAX #29) and every run
/// of terminal punctuation; each is then judged with `language`'s
/// abbreviations, ordinals and quotation rules (see `rules.rs`). A language
/// without resources gets the generic rules only. Linear in `text`.
pub fn split(text: &str, language: Language) -> Vec<Range<usize>> {
    let res = resources::for_language(language);
    let breaks = rules::breaks(text);
    let mut keep: Vec<bool> = breaks.iter().map(|b| rules::judge(text, b, res)).collect();
    // The quotation pass only clears kept breaks: with none, it has
    // nothing to do.
    if keep.contains(&true) {
        quotes::keep_embedded_whole(text, &breaks, &mut keep);
    }
    let mut starts: Vec<usize> = breaks
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(b, _)| b.next)
        .collect();
    // Unicode boundaries without terminal punctuation are paragraph
    // separators; inside one paragraph only an explicit one (a blank line,
    // U+2029) still ends a sentence, a single line break does not. A text
    // with neither has no such boundary to add and is not walked again.
    if has_separator(text) {
        let mut candidates = breaks.iter().map(|b| b.next).peekable();
        for (start, _) in text.split_sentence_bound_indices().skip(1) {
            let first = start + (text[start..].len() - text[start..].trim_start().len());
            while candidates.next_if(|&n| n < first).is_some() {}
            if candidates.peek() == Some(&first) || first >= text.len() {
                continue;
            }
            let gap = &text[text[..first].trim_end().len()..first];
            if gap.contains('\u{2029}') || gap.matches('\n').count() >= 2 {
                starts.push(first);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    ranges(text, &starts)
}

/// Whether `text` holds an explicit paragraph separator: U+2029, or two
/// line breaks with nothing but white space between them (a blank line).
/// Without one, no Unicode boundary of `text` is a separator that
/// [`split`] keeps.
fn has_separator(text: &str) -> bool {
    if text.contains('\u{2029}') {
        return true;
    }
    let mut last_break: Option<usize> = None;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            if last_break.is_some_and(|p| text[p + 1..i].trim().is_empty()) {
                return true;
            }
            last_break = Some(i);
        }
    }
    false
}

/// Sentence ranges from the start of every sentence but the first.
fn ranges(text: &str, starts: &[usize]) -> Vec<Range<usize>> {
    let first = text.len() - text.trim_start().len();
    if first == text.len() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(starts.len() + 1);
    let mut start = first;
    for &next in starts.iter().filter(|&&n| n > first).chain([&text.len()]) {
        let end = text[..next].trim_end().len();
        if end > start {
            out.push(start..end);
        }
        start = next;
    }
    out
}

/// Raw Unicode sentence boundaries (UAX #29), trimmed: the baseline the
/// splitter is measured against.
pub fn unicode_baseline(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (start, s) in text.split_sentence_bound_indices() {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
    }
    out
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
    /// Byte range in the paragraph's text.
    pub range: Range<usize>,
    /// Where it stands in the file.
    pub span: Span,
    /// First character, 1-based.
    pub start: Position,
    /// Last character, 1-based (inclusive).
    pub end: Position,
}

/// A document with its language and sentences.
#[derive(Debug, Clone)]
pub struct SegmentedDocument {
    /// The document.
    pub document: Document,
    /// Its language and how it was found.
    pub detection: Detection,
    /// All sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// For each paragraph, the range of its sentences in `sentences`.
    pub paragraph_sentences: Vec<Range<usize>>,
    /// The facts of each sentence, read on first use.
    facts: FactsTable,
    /// The role of each paragraph, judged on first use.
    roles: Vec<OnceLock<Role>>,
    /// How long its sentences are, measured on first use.
    measure: OnceLock<Measure>,
}

/// How long a document's sentences are, together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    /// Characters, spaces included.
    pub chars: usize,
    /// Length in the aligner's units ([`crate::text::length`]).
    pub length: usize,
}

impl SegmentedDocument {
    /// Splits every paragraph of `document` into sentences.
    pub fn new(document: Document, detection: Detection) -> SegmentedDocument {
        let mut sentences = Vec::new();
        let mut paragraph_sentences = Vec::with_capacity(document.paragraphs.len());
        for (index, paragraph) in document.paragraphs.iter().enumerate() {
            let first = sentences.len();
            // Code is one unit: its full stops are not sentence ends.
            let ranges = if paragraph.kind == BlockKind::CodeBlock {
                std::iter::once(0..paragraph.text.len()).collect()
            } else {
                split(&paragraph.text, detection.language)
            };
            for range in ranges {
                let span = paragraph.source_span(range.start, range.end);
                let start = document.position(span.start);
                let end = document.position(span.end.saturating_sub(1).max(span.start));
                sentences.push(Sentence {
                    paragraph: index,
                    range,
                    span,
                    start,
                    end,
                });
            }
            paragraph_sentences.push(first..sentences.len());
        }
        SegmentedDocument {
            roles: (0..document.paragraphs.len())
                .map(|_| OnceLock::new())
                .collect(),
            document,
            detection,
            facts: FactsTable::new(sentences.len()),
            sentences,
            paragraph_sentences,
            measure: OnceLock::new(),
        }
    }

    /// How long the sentences are, together (measured once, on first use:
    /// the aligner and the findings both weigh the whole texts).
    pub fn measure(&self) -> Measure {
        *self.measure.get_or_init(|| {
            (0..self.sentences.len())
                .map(|i| self.sentence_text(i))
                .fold(
                    Measure {
                        chars: 0,
                        length: 0,
                    },
                    |m, t| Measure {
                        chars: m.chars + t.chars().count(),
                        length: m.length + crate::text::length(t),
                    },
                )
        })
    }

    /// The facts of sentence `i` (read once, on first use).
    pub fn facts(&self, i: usize) -> &SentenceFacts {
        self.facts.get(i, self.sentence_text(i), self.language())
    }

    /// The role of paragraph `p` ([`roles::role`], judged once, on first
    /// use: the check and several findings ask about the same paragraphs).
    pub fn role(&self, p: usize) -> Role {
        *self.roles[p].get_or_init(|| roles::role(&self.document.paragraphs[p]))
    }

    /// The facts of a run of sentences.
    pub fn facts_of(&self, ids: Range<usize>) -> impl Iterator<Item = &SentenceFacts> + '_ {
        ids.map(|i| self.facts(i))
    }

    /// The numbers of a run of sentences.
    pub fn numbers_of(&self, ids: Range<usize>) -> impl Iterator<Item = &Number> + '_ {
        self.facts_of(ids).flat_map(|f| &f.numbers)
    }

    /// The names of a run of sentences.
    pub fn names_of(&self, ids: Range<usize>) -> impl Iterator<Item = &Name> + '_ {
        self.facts_of(ids).flat_map(|f| &f.names)
    }

    /// The folded words of a run of sentences.
    pub fn words_of(&self, ids: Range<usize>) -> WordsIn<'_> {
        WordsIn::new(self.facts_of(ids))
    }

    /// The language.
    pub fn language(&self) -> Language {
        self.detection.language
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.document.paragraphs[s.paragraph].text[s.range.clone()]
    }

    /// All sentence texts in order.
    pub fn sentence_texts(&self) -> Vec<&str> {
        (0..self.sentences.len())
            .map(|i| self.sentence_text(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_simple_sentences() {
        let text = "It rose. Then it fell.";
        let parts: Vec<&str> = split(text, Language::EN)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, ["It rose.", "Then it fell."]);
    }

    #[test]
    fn a_code_block_is_one_unit() {
        let doc = Document::from_text(
            std::path::Path::new("t.md"),
            "It rose. Then it fell.\n\n```\nls -l. cd /tmp. make all.\n```\n".to_string(),
            crate::document::InputFormat::Markdown,
        );
        let detection = Detection::declared(Language::EN, crate::language::LanguageSource::Option);
        let seg = SegmentedDocument::new(doc, detection);
        assert_eq!(
            seg.sentence_texts(),
            ["It rose.", "Then it fell.", "ls -l. cd /tmp. make all."]
        );
        assert_eq!(seg.paragraph_sentences, [0..2, 2..3]);
    }

    #[test]
    fn only_a_blank_line_or_u2029_separates() {
        assert!(!has_separator("One line.\nAnother line."));
        assert!(!has_separator("No break at all"));
        assert!(has_separator("One.\n\nTwo."));
        assert!(has_separator("One.\n \t\nTwo."));
        assert!(has_separator("One.\u{2029}Two"));
        assert!(!has_separator("One.\n x \nTwo."));
    }

    #[test]
    fn a_blank_line_ends_a_sentence_without_punctuation() {
        let text = "A heading without stop\n\nthen more text\nacross a line";
        let parts: Vec<&str> = split(text, Language::EN)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            parts,
            ["A heading without stop", "then more text\nacross a line"]
        );
    }
}
