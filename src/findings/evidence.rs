//! Structured evidence: what a finding stage measured, typed, so that
//! consumers of the JSON never parse a message.
//!
//! Each stage fills the [`Evidence`] of the findings it makes from the
//! values it decided on (the sentences without counterpart, the numbers
//! missing and added, the length ratios, the checks a quotation failed);
//! no stage reads or edits another's. The serialised form is part of JSON
//! format version 1 (an added field, documented in `docs/json-format.md`).

use std::ops::Range;

use serde::Serialize;

use super::roles::Role;
use super::{Excerpt, sentences_excerpt};
use crate::anchors::{Number, NumberKind};
use crate::document::Position;
use crate::language::Language;
use crate::segment::SegmentedDocument;

/// Why a finding was made, with the values measured. Tagged by `type`.
/// Throughout, `missing` lists what the original has and the translation
/// lacks, `added` what the translation has and the original lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Evidence {
    /// Sentences the alignment leaves without counterpart (1-0 or 0-1
    /// links), or a heading the aligner glued to running text.
    Unmatched {
        /// The original's sentences without counterpart, one excerpt each.
        missing: Vec<Excerpt>,
        /// The translation's sentences without counterpart, one each.
        added: Vec<Excerpt>,
        /// The role of their paragraph: `content`, `heading`, `ad` or
        /// `boilerplate` (`content` for part of a paragraph).
        role: Role,
        /// Words of the unmatched text.
        words: usize,
        /// Numbers written with digits in the unmatched text.
        numbers: Vec<NumberFact>,
        /// The aligner's mean confidence in the unmatched links (omissions
        /// only; null otherwise).
        link_confidence: Option<f64>,
        /// The translation's paragraph matches its original's length only
        /// with the added sentences: probably a piece of a split sentence.
        split_piece: bool,
    },
    /// Translation content that repeats the translation's own text.
    Repeat {
        /// The repeating sentences, one excerpt each.
        added: Vec<Excerpt>,
        /// First and last line of each paragraph it repeats.
        repeats: Vec<[u32; 2]>,
        /// Share of the text found in those paragraphs, 0 to 1.
        coverage: f64,
    },
    /// Numbers of aligned text without counterpart on the other side
    /// (neighbouring links searched too).
    Numbers {
        /// Numbers of the original the translation lacks.
        missing: Vec<NumberFact>,
        /// Numbers of the translation the original lacks.
        added: Vec<NumberFact>,
    },
    /// Names of aligned text without counterpart on the other side.
    Names {
        /// Names (or people) of the original the translation lacks here.
        missing: Vec<NameFact>,
        /// Names (or people) of the translation the original lacks here.
        added: Vec<NameFact>,
        /// Compared as people (given and family name), by family name.
        persons: bool,
    },
    /// A passage whose translation is far shorter or longer than the
    /// pair's length ratio predicts, and what explains it.
    Length {
        /// The original's sentences found missing (the culprit).
        missing: Vec<Excerpt>,
        /// The translation's sentences found added (the culprit).
        added: Vec<Excerpt>,
        /// What the culprit is: `paragraph`, `sentence`, or `inside` (part
        /// of a single sentence, no culprit found).
        culprit: Culprit,
        /// Characters of translation per character of original in the
        /// passage.
        measured_ratio: f64,
        /// Characters of translation per character of original over the
        /// whole linked text: the pair's ratio.
        expected_ratio: f64,
        /// `measured_ratio / expected_ratio`: the share of the predicted
        /// length (1 is as predicted).
        length_ratio: f64,
        /// How far that strays, scaled by the passage's length (log ratio
        /// times the square root of its characters, capped).
        deviation: f64,
        /// The passage's `length_ratio` with the culprit taken out (null
        /// for `inside`).
        length_ratio_without: Option<f64>,
        /// The culprit's numbers and names the other side lacks, as written.
        unmatched_facts: Vec<String>,
    },
    /// A quotation compared with its counterpart, or without one.
    Quote {
        /// Every check that fired, with its measured values.
        checks: Vec<QuoteCheck>,
    },
    /// A paragraph the translation tells at another place.
    Moved {
        /// Where the original tells it (its first character).
        moved_from: Position,
        /// Where the translation tells it (its first character).
        moved_to: Position,
        /// What showed the move: `alignment` (the aligner links the two once
        /// the translation's paragraph is put back in order) or `facts`
        /// (both carry the same numbers and names).
        found_by: MoveEvidence,
    },
    /// Translation text still in the original's language.
    Untranslated {
        /// The original's language, which the text is left in.
        language: Language,
        /// The language read from the text, restricted to the pair's two
        /// (null when the text is too short to read, under 80 letters).
        detected: Option<Language>,
        /// The reader's confidence in `detected`, 0 to 1 (it counts from
        /// 0.5); null when nothing was read.
        detection_confidence: Option<f64>,
        /// How the text repeats the original: `copy` (the same text,
        /// ignoring case and spacing), `near` (nearly the aligned original
        /// text) or `none`.
        identity: Identity,
        /// Character similarity to the aligned original text, 0 to 1, when
        /// it was measured (null otherwise).
        similarity: Option<f64>,
        /// Words of the text.
        words: usize,
    },
}

/// What explains a passage's length gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Culprit {
    Paragraph,
    Sentence,
    Inside,
}

/// What showed a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum MoveEvidence {
    Alignment,
    Facts,
}

/// How untranslated text repeats the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Identity {
    Copy,
    Near,
    None,
}

/// One check a quotation failed. Tagged by `check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteCheck {
    /// Numbers written with digits changed, dropped or added.
    Numbers {
        /// The quote's numbers its translation lacks.
        missing: Vec<NumberFact>,
        /// The translation's numbers the quote lacks.
        added: Vec<NumberFact>,
    },
    /// A negation dropped or added: both the negated clauses and the
    /// negation cues changed in the same direction.
    Negation {
        /// Negated clauses of the quote and of its translation.
        clauses: [usize; 2],
        /// Negation cues of the quote and of its translation.
        cues: [usize; 2],
    },
    /// A name of the quote replaced by another.
    Names {
        /// Names of the quote its translation lacks.
        missing: Vec<String>,
        /// Names of the translation the quote lacks.
        added: Vec<String>,
    },
    /// Names the original never writes, put in the speaker's mouth.
    InventedNames {
        /// Those names.
        added: Vec<String>,
    },
    /// Cut: shorter than [`QuoteLength`] allows.
    Cut(QuoteLength),
    /// Shrunk, with the rest told as indirect speech around the marks.
    ReportedSpeech(QuoteLength),
    /// Extended beyond the expected length.
    Extended(QuoteLength),
    /// The quote has no quoted counterpart in the linked translation: it
    /// lost its quotation marks.
    Unquoted {
        /// Words of the quote.
        words: usize,
    },
    /// A quotation of the translation with no quoted counterpart.
    Invented {
        /// Words of the quotation.
        words: usize,
        /// It stands in added text.
        in_addition: bool,
    },
    /// A quoted sentence merged with a neighbour whose translation fits
    /// the neighbour alone.
    DroppedWithSentence {
        /// The quote's numbers the translation lacks.
        missing: Vec<NumberFact>,
        /// The link's length ratio (share of the predicted length) with
        /// the quoted sentence and without it.
        length_ratio_with: f64,
        /// See `length_ratio_with`.
        length_ratio_without: f64,
    },
}

/// The lengths of a quote and its translation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuoteLength {
    /// Translation characters over the quote's characters times the
    /// pair's ratio: the share of the expected length.
    pub length_ratio: f64,
    /// Characters of translation per character of original over the
    /// whole linked text.
    pub expected_ratio: f64,
    /// Log of `length_ratio` scaled by the square root of the expected
    /// length (capped at 400 characters).
    pub deviation: f64,
}

/// One number, as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberFact {
    /// As written, with its scale word ("10 million", "70th").
    pub text: String,
    /// Its value, scale applied (10000000); for a date, time or range
    /// (`kind` `compound`) the value of each part.
    pub values: Vec<f64>,
    /// The scale word or sign as written ("million", "Mrd", "亿"), or null.
    pub scale: Option<String>,
    /// `plain`, `year`, `ordinal`, `decade`, `percent`, `compound` or
    /// `spelled`.
    pub kind: &'static str,
    /// Where it starts in its file, or null when it cannot be placed.
    pub at: Option<Position>,
}

/// One name (or person), as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameFact {
    /// As written.
    pub text: String,
    /// Where it starts in its file, or null when it cannot be placed.
    pub at: Option<Position>,
}

impl NumberFact {
    /// A number read from text whose byte 0 stands at `place` (given a
    /// byte offset into the text, the file position).
    pub(super) fn of(n: &Number, place: impl Fn(usize) -> Option<Position>) -> NumberFact {
        let scale = (n.scaled > 0 && n.digits)
            .then(|| {
                n.text
                    .trim_start_matches(|c: char| {
                        c.is_numeric() || c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '’')
                    })
                    .trim()
            })
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        NumberFact {
            text: n.text.clone(),
            values: n.keys().to_vec(),
            scale,
            kind: kind_name(n.kind),
            at: place(n.range.start),
        }
    }
}

/// The stable name of a number's kind.
fn kind_name(kind: NumberKind) -> &'static str {
    match kind {
        NumberKind::Plain => "plain",
        NumberKind::Year => "year",
        NumberKind::Ordinal => "ordinal",
        NumberKind::Decade => "decade",
        NumberKind::Percent => "percent",
        NumberKind::Compound => "compound",
        NumberKind::Spelled => "spelled",
        NumberKind::Month => "month",
    }
}

/// One excerpt per sentence of `ids`.
pub(super) fn sentence_excerpts(doc: &SegmentedDocument, ids: Range<usize>) -> Vec<Excerpt> {
    ids.filter_map(|i| sentences_excerpt(doc, i..i + 1))
        .collect()
}

/// The file position of byte `offset` of a text made of pieces of
/// paragraphs (paragraph index, byte range) joined with single spaces, as
/// a run of sentences or a quotation is read.
pub(super) fn position_in(
    doc: &SegmentedDocument,
    pieces: impl IntoIterator<Item = (usize, Range<usize>)>,
    offset: usize,
) -> Option<Position> {
    let mut at = 0;
    for (p, r) in pieces {
        if offset < at + r.len() {
            let paragraph = doc.document.paragraphs.get(p)?;
            let start = r.start + (offset - at);
            let span = paragraph.source_span(start, start + 1);
            return Some(doc.document.position(span.start));
        }
        at += r.len() + 1;
    }
    None
}

/// The file position of byte `offset` of sentences `ids` joined with
/// single spaces.
pub(super) fn position_in_sentences(
    doc: &SegmentedDocument,
    ids: Range<usize>,
    offset: usize,
) -> Option<Position> {
    position_in(
        doc,
        ids.map(|i| (doc.sentences[i].paragraph, doc.sentences[i].range.clone())),
        offset,
    )
}

/// A measured value as reported: three decimals are enough to read it and
/// keep reports stable.
pub(super) fn measured(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
