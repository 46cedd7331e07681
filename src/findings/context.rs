//! What every finding stage needs: both documents, the alignment indexed
//! by sentence, and the length ratio between the two languages.

use std::ops::Range;

use super::{FindingOptions, Repeat};
use crate::align::{Alignment, Link};
use crate::anchors::{self, Number};
use crate::segment::SegmentedDocument;

/// Bounds of the measured length ratio: wide, since Chinese takes about a
/// third of English's characters and English three times Chinese's.
const MIN_RATIO: f64 = 0.2;
const MAX_RATIO: f64 = 5.0;
/// Fewest characters of linked original the pair's ratio is measured on;
/// under it the scripts alone predict the ratio.
const MEASURED_CHARS: usize = 200;
/// How many characters of linked original the language pair's expected
/// ratio weighs as, where it is mixed with the measured one
/// ([`Context::merge_ratio`]): on a short page the two count about
/// alike, on a long one the page's own ratio decides. Calibrated on
/// `eval-faults --max-articles 25` and `eval-real`, both modes
/// (docs/benchmarks.md, "Dropped and added sentences, fourteenth
/// session").
const PRIOR_CHARS: f64 = 1500.0;

/// Shared, read-only state of one detection run.
pub(super) struct Context<'a> {
    pub source: &'a SegmentedDocument,
    pub target: &'a SegmentedDocument,
    pub links: &'a [Link],
    pub repeats: &'a [Repeat],
    /// Index into `repeats` of each target paragraph that repeats others.
    pub repeat_of: Vec<Option<usize>>,
    pub options: &'a FindingOptions,
    /// Link index of each source sentence.
    pub source_link: Vec<usize>,
    /// Link index of each target sentence.
    pub target_link: Vec<usize>,
    /// Characters of translation per character of original, over linked
    /// text: the yardstick for "shorter than expected".
    pub ratio: f64,
    /// The yardstick of a link that merges sentences, read on first use
    /// ([`Context::merge_ratio`]): it weighs both documents' sentences
    /// ([`SegmentedDocument::measure`]), and many checks judge no doubtful
    /// merge.
    merge_ratio: std::cell::OnceCell<f64>,
    /// Characters of original the measured `ratio` rests on, 0 where it
    /// was not measured.
    linked_chars: usize,
    /// Folded names written anywhere in the original.
    pub source_names: NameIndex,
    /// Folded names written anywhere in the translation.
    pub target_names: NameIndex,
    /// Every word of the original, folded, made on first use.
    source_words: std::cell::OnceCell<anchors::FoldedWords>,
    /// The numbers of every sentence of the original, then of the
    /// translation, gathered on first use.
    document_numbers: [std::cell::OnceCell<Vec<Number>>; 2],
}

impl<'a> Context<'a> {
    pub fn new(
        source: &'a SegmentedDocument,
        target: &'a SegmentedDocument,
        alignment: &'a Alignment,
        repeats: &'a [Repeat],
        options: &'a FindingOptions,
    ) -> Context<'a> {
        let links = alignment.links.as_slice();
        let mut source_link = vec![usize::MAX; source.sentences.len()];
        let mut target_link = vec![usize::MAX; target.sentences.len()];
        let (mut s_chars, mut t_chars) = (0usize, 0usize);
        for (k, l) in links.iter().enumerate() {
            for i in l.source.clone() {
                if let Some(slot) = source_link.get_mut(i) {
                    *slot = k;
                }
            }
            for j in l.target.clone() {
                if let Some(slot) = target_link.get_mut(j) {
                    *slot = k;
                }
            }
            if !l.source.is_empty() && !l.target.is_empty() {
                s_chars += chars(source, l.source.clone());
                t_chars += chars(target, l.target.clone());
            }
        }
        let measured = s_chars > MEASURED_CHARS && t_chars > 0;
        let ratio = if measured {
            (t_chars as f64 / s_chars as f64).clamp(MIN_RATIO, MAX_RATIO)
        } else {
            // Too little linked text to measure: what the scripts alone
            // predict (a Chinese character carries about three letters').
            let density = |doc: &SegmentedDocument| {
                let text: String = doc
                    .document
                    .paragraphs
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect();
                let raw = text.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64;
                raw / crate::text::length(&text).max(1) as f64
            };
            density(target) / density(source)
        };
        let all_names = |doc: &SegmentedDocument| -> NameIndex {
            let mut v: Vec<String> = doc
                .names_of(0..doc.sentences.len())
                .map(|n| n.folded.clone())
                .collect();
            v.sort();
            v.dedup();
            NameIndex {
                shapes: v.iter().map(|n| anchors::names::NameShape::of(n)).collect(),
                names: v,
                asked: Default::default(),
            }
        };
        Context {
            source_names: all_names(source),
            source_words: std::cell::OnceCell::new(),
            document_numbers: Default::default(),
            target_names: all_names(target),
            source,
            target,
            links,
            repeat_of: {
                let mut v = vec![None; target.document.paragraphs.len()];
                for (n, r) in repeats.iter().enumerate() {
                    if let Some(slot) = v.get_mut(r.paragraph) {
                        *slot = Some(n);
                    }
                }
                v
            },
            repeats,
            options,
            source_link,
            target_link,
            merge_ratio: std::cell::OnceCell::new(),
            linked_chars: if measured { s_chars } else { 0 },
            ratio,
        }
    }

    /// The yardstick of a link that merges sentences: `ratio` drawn
    /// towards what the pair's languages predict ([`mixed_ratio`]).
    pub fn merge_ratio(&self) -> f64 {
        *self
            .merge_ratio
            .get_or_init(|| mixed_ratio(self.source, self.target, self.ratio, self.linked_chars))
    }

    /// Every word of the original, folded (made once, on first use).
    pub fn source_words(&self) -> &anchors::FoldedWords {
        self.source_words
            .get_or_init(|| anchors::FoldedWords::new(&self.source.document.text))
    }

    /// The numbers of every sentence of the original (`source`) or of the
    /// translation, in order (taken once, on first use, from the facts
    /// every stage shares rather than read again from the paragraphs).
    pub fn document_numbers(&self, source: bool) -> &[Number] {
        let doc = if source { self.source } else { self.target };
        self.document_numbers[usize::from(!source)]
            .get_or_init(|| doc.numbers_of(0..doc.sentences.len()).cloned().collect())
    }

    /// Text of a run of target sentences.
    pub fn target_text(&self, ids: Range<usize>) -> String {
        join(self.target, ids)
    }

    /// Text of a run of source sentences.
    pub fn source_text(&self, ids: Range<usize>) -> String {
        join(self.source, ids)
    }

    /// Target sentences of link `k` and of its neighbours, to forgive an
    /// aligner that put a boundary one sentence off.
    pub fn target_near(&self, k: usize) -> Range<usize> {
        near(self.links, k, |l| &l.target)
    }

    /// Source sentences of link `k` and of its neighbours.
    pub fn source_near(&self, k: usize) -> Range<usize> {
        near(self.links, k, |l| &l.source)
    }

    /// Numbers of a text in the source language.
    pub fn source_numbers(&self, text: &str) -> Vec<Number> {
        anchors::numbers(text, self.source.language())
    }

    /// Numbers of a text in the target language.
    pub fn target_numbers(&self, text: &str) -> Vec<Number> {
        anchors::numbers(text, self.target.language())
    }

    /// The numbers of a text in the source language written with digits:
    /// those of [`Context::source_numbers`], in the same order, without
    /// reading the words for spelled ones.
    pub fn source_digit_numbers(&self, text: &str) -> Vec<Number> {
        anchors::digit_numbers(text, self.source.language())
    }

    /// The numbers of a text in the target language written with digits.
    pub fn target_digit_numbers(&self, text: &str) -> Vec<Number> {
        anchors::digit_numbers(text, self.target.language())
    }
}

fn near(links: &[Link], k: usize, side: impl Fn(&Link) -> &Range<usize>) -> Range<usize> {
    let lo = k.saturating_sub(1);
    let hi = (k + 1).min(links.len().saturating_sub(1));
    let mut start = usize::MAX;
    let mut end = 0;
    for l in &links[lo..=hi.max(lo)] {
        let r = side(l);
        if !r.is_empty() {
            start = start.min(r.start);
            end = end.max(r.end);
        }
    }
    if start == usize::MAX {
        0..0
    } else {
        start..end
    }
}

/// The pair's `ratio`, measured on `linked` characters of original,
/// mixed with the ratio its languages predict
/// ([`crate::language::expected_length_ratio`], counted in characters as
/// `ratio` is), weighed as [`PRIOR_CHARS`] characters: a geometric mean.
/// On a short page a sentence merged into its neighbour's link without a
/// counterpart skews the page's own ratio towards itself, so that the
/// link fits the ratio it skewed. `ratio` itself where the languages
/// predict nothing.
fn mixed_ratio(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    ratio: f64,
    linked: usize,
) -> f64 {
    let languages = [source, target].map(|d| Some(d.detection.language));
    let Some(expected) = crate::language::expected_length_ratio(languages) else {
        return ratio;
    };
    // The expected ratio counts as the aligner does (spaces left out, a
    // Chinese or Japanese character three); `ratio` counts characters.
    let per_length = |doc: &SegmentedDocument| {
        let m = doc.measure();
        m.chars.max(1) as f64 / m.length.max(1) as f64
    };
    let expected = expected * per_length(target) / per_length(source);
    let linked = linked as f64;
    let mixed = (linked * ratio.ln() + PRIOR_CHARS * expected.ln()) / (linked + PRIOR_CHARS);
    mixed.exp().clamp(MIN_RATIO, MAX_RATIO)
}

fn chars(doc: &SegmentedDocument, ids: Range<usize>) -> usize {
    ids.map(|i| doc.sentence_text(i).chars().count()).sum()
}

fn join(doc: &SegmentedDocument, ids: Range<usize>) -> String {
    ids.map(|i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Word count of a text.
pub(super) fn word_count(text: &str) -> usize {
    crate::text::word_count(text)
}

/// A short description of a text for messages: its first words.
/// Messages quote it in straight double quotes, so its own straight double
/// quotes become single ones: `"'Despite…` rather than `""Despite…`.
pub(super) fn gist(text: &str) -> String {
    let text = text.replace('"', "'");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        out.push('…');
    }
    out
}

/// "a, b and c".
pub(super) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The folded names of one document, for asking whether a name is among
/// them in some spelling; each answer is kept, since the same names are
/// asked about link after link.
pub(super) struct NameIndex {
    /// Sorted and without repeats.
    pub names: Vec<String>,
    /// The shape of each name, for comparing many.
    shapes: Vec<anchors::names::NameShape>,
    asked: std::cell::RefCell<anchors::FastMap<String, bool>>,
}

impl NameIndex {
    /// Whether `folded` is one of the names in some spelling.
    pub fn has(&self, folded: &str) -> bool {
        if let Some(&known) = self.asked.borrow().get(folded) {
            return known;
        }
        let found = self
            .names
            .binary_search_by(|n| n.as_str().cmp(folded))
            .is_ok()
            || {
                let shape = anchors::names::NameShape::of(folded);
                self.names
                    .iter()
                    .zip(&self.shapes)
                    .any(|(n, s)| anchors::names::same_name_shaped(folded, &shape, n, s))
            };
        self.asked.borrow_mut().insert(folded.to_string(), found);
        found
    }
}
