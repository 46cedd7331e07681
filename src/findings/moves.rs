//! Moved paragraphs: a translation that tells the same paragraph at
//! another place. A monotone alignment sees an original paragraph with no
//! counterpart and an added paragraph elsewhere. Two kinds of evidence say
//! it was moved: the aligner links the two once the added paragraph is put
//! back in place ([`crate::align::reorder`], carried in the alignment), or
//! the facts agree both ways ([`by_facts`]): the added one carries every
//! fact of the dropped one (at least two numbers and names, not only a year
//! and a place), the dropped one most facts of the added one, no other
//! added paragraph qualifies, and the length fits. A move is reported once,
//! as `moved` at info: nothing was lost or invented, so the omission, the
//! addition and the quotes "invented" in the moved paragraph are not
//! reported ([`detect_all`](super::detect_all) leaves them out).

use super::context::{Context, gist};
use super::evidence::{Evidence, MoveEvidence};
use super::{Finding, Kind, Severity, sentences_excerpt};
use crate::align::reorder::Move;
use crate::anchors;

/// Fewest facts (numbers, names) a paragraph needs for its move to be
/// recognised; with only this many, one must be a number other than a
/// year (a year and a place are shared by many paragraphs).
const MIN_FACTS: usize = 2;
/// Largest length gap (as a log ratio, after the pair's ratio) of a move.
const MAX_LENGTH_GAP: f64 = 0.4;
/// Most (dropped × added) paragraph pairs compared: a long text full of
/// gaps is not searched for moves (quadratic, and no longer an article).
const MAX_PAIRS: usize = 40_000;

/// One paragraph, read once: its facts (firm digit numbers, and names the
/// other document writes somewhere), and what the other side's facts are
/// looked up in (all its numbers, its folded words, folded the first
/// time a name is looked up in them).
struct Read<'t> {
    facts: Vec<anchors::Number>,
    names: Vec<String>,
    numbers: Vec<anchors::Number>,
    text: &'t str,
    words: std::cell::OnceCell<anchors::FoldedWords>,
}

impl<'t> Read<'t> {
    fn of(ctx: &Context, text: &'t str, source_side: bool) -> Read<'t> {
        let (numbers, language, other_names) = if source_side {
            (
                ctx.source_numbers(text),
                ctx.source.language(),
                &ctx.target_names,
            )
        } else {
            (
                ctx.target_numbers(text),
                ctx.target.language(),
                &ctx.source_names,
            )
        };
        Read {
            facts: numbers
                .iter()
                .filter(|n| n.digits && n.firm)
                .cloned()
                .collect(),
            names: anchors::names(text, language)
                .into_iter()
                .filter(|n| other_names.has(&n.folded))
                .map(|n| n.folded)
                .collect(),
            numbers,
            text,
            words: std::cell::OnceCell::new(),
        }
    }

    /// The paragraph's words, folded (on first use).
    fn words(&self) -> &anchors::FoldedWords {
        self.words
            .get_or_init(|| anchors::FoldedWords::new(self.text))
    }

    fn fact_count(&self) -> usize {
        self.facts.len() + self.names.len()
    }

    /// How many of these facts `other` carries.
    fn found_in(&self, other: &Read) -> usize {
        self.facts
            .iter()
            .filter(|n| other.numbers.iter().any(|o| anchors::same_number(n, o)))
            .count()
            + self
                .names
                .iter()
                .filter(|n| other.words().contains(n))
                .count()
    }

    /// Whether the facts tell this paragraph apart: enough of them, and
    /// not only a year and a place.
    fn telling(&self) -> bool {
        let figures = self.facts.iter().filter(|n| !year_like(n)).count();
        self.fact_count() > MIN_FACTS || (self.fact_count() == MIN_FACTS && figures > 0)
    }
}

/// Paragraphs whose every sentence a link leaves without counterpart.
fn unlinked(
    doc: &crate::segment::SegmentedDocument,
    link_of: &[usize],
    ctx: &Context,
    source_side: bool,
) -> Vec<usize> {
    let gap = |i: usize| {
        ctx.links.get(link_of[i]).is_some_and(|l| {
            if source_side {
                l.target.is_empty()
            } else {
                l.source.is_empty()
            }
        })
    };
    (0..doc.paragraph_sentences.len())
        .filter(|&p| {
            let r = doc.paragraph_sentences[p].clone();
            !r.is_empty() && r.into_iter().all(gap)
        })
        .collect()
}

/// Whole numbers read as years: those of news and help pages (a year is
/// common to many paragraphs, so it tells no move).
const YEARS: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// Whether `n` looks like a year.
fn year_like(n: &anchors::Number) -> bool {
    n.values
        .first()
        .is_some_and(|&v| v.fract() == 0.0 && YEARS.contains(&v))
}

/// Moves told by facts alone.
pub(super) fn by_facts(ctx: &Context) -> Vec<Move> {
    let dropped = unlinked(ctx.source, &ctx.source_link, ctx, true);
    let added = unlinked(ctx.target, &ctx.target_link, ctx, false);
    if dropped.is_empty() || added.is_empty() || dropped.len() * added.len() > MAX_PAIRS {
        return Vec::new();
    }
    let paragraphs = &ctx.target.document.paragraphs;
    // The added paragraphs are read once a dropped one tells enough to be
    // looked for (most texts have none).
    let added_read: std::cell::OnceCell<Vec<Read>> = std::cell::OnceCell::new();
    let mut taken = vec![false; added.len()];
    let mut out = Vec::new();
    for &p in &dropped {
        let text = &ctx.source.document.paragraphs[p].text;
        let read = Read::of(ctx, text, true);
        if !read.telling() {
            continue;
        }
        let added_read = added_read.get_or_init(|| {
            added
                .iter()
                .map(|&t| Read::of(ctx, &paragraphs[t].text, false))
                .collect()
        });
        // Both ways: the added paragraph holds every fact of the dropped
        // one, and the dropped one most facts of the added one.
        let candidates: Vec<usize> = (0..added.len())
            .filter(|&k| !taken[k])
            .filter(|&k| read.found_in(&added_read[k]) == read.fact_count())
            .filter(|&k| added_read[k].found_in(&read) * 5 >= added_read[k].fact_count() * 4)
            .collect();
        let [k] = candidates[..] else {
            continue;
        };
        let t_text = &paragraphs[added[k]].text;
        let length_gap = (t_text.chars().count() as f64
            / (text.chars().count() as f64 * ctx.ratio).max(1.0))
        .ln()
        .abs();
        if length_gap > MAX_LENGTH_GAP {
            continue;
        }
        taken[k] = true;
        out.push(Move {
            source: ctx.source.paragraph_sentences[p].clone(),
            target: ctx.target.paragraph_sentences[added[k]].clone(),
        });
    }
    out
}

/// Every move, from the alignment and from facts, once each, with what
/// showed it.
pub(super) fn all(ctx: &Context, aligned: &[Move]) -> Vec<(Move, MoveEvidence)> {
    let mut out: Vec<(Move, MoveEvidence)> = aligned
        .iter()
        .map(|m| (m.clone(), MoveEvidence::Alignment))
        .collect();
    for m in by_facts(ctx) {
        if !out
            .iter()
            .any(|(o, _)| o.source == m.source || o.target == m.target)
        {
            out.push((m, MoveEvidence::Facts));
        }
    }
    out
}

/// One `moved` finding per move, at info.
pub(super) fn report(ctx: &Context, moves: &[(Move, MoveEvidence)]) -> Vec<(usize, Finding)> {
    moves
        .iter()
        .map(|(m, found_by)| {
            let t_line = ctx.target.sentences[m.target.start].start.line;
            let text = ctx.source_text(m.source.clone());
            let finding = Finding::new(
                Kind::Moved,
                Severity::Info,
                MOVED_CONFIDENCE,
                format!(
                    "the translation tells \"{}\" at another place (line {t_line})",
                    gist(&text)
                ),
            )
            .with_source(sentences_excerpt(ctx.source, m.source.clone()))
            .with_target(sentences_excerpt(ctx.target, m.target.clone()))
            .with_evidence(Evidence::Moved {
                moved_from: ctx.source.sentences[m.source.start].start,
                moved_to: ctx.target.sentences[m.target.start].start,
                found_by: *found_by,
            });
            (ctx.source_link[m.source.start], finding)
        })
        .collect()
}

/// How sure a move is: both kinds of evidence need the pair to fit each
/// other and nothing else.
const MOVED_CONFIDENCE: f64 = 0.7;
