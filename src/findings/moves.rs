//! Moved paragraphs: a translation that tells the same paragraph at
//! another place. A monotone alignment sees an original paragraph with no
//! counterpart and an added paragraph elsewhere; when the added one carries
//! every fact of the dropped one (at least two numbers and names, not only
//! a year and a place), the dropped one most facts of the added one, no
//! other added paragraph qualifies, and the length fits, both findings say
//! "moved" and drop to info: nothing was lost or invented.
//! Without such facts a move cannot be told from a loss plus an invention
//! (no dictionary), and both findings stay.

use std::ops::Range;

use super::context::{Context, gist};
use super::{Finding, Kind, Severity};
use crate::anchors;

/// Fewest facts (numbers, names) a paragraph needs for its move to be
/// recognised.
const MIN_FACTS: usize = 2;
/// Largest length gap (as a log ratio, after the pair's ratio) of a move.
const MAX_LENGTH_GAP: f64 = 0.4;

/// The facts of an original paragraph: firm digit numbers and names.
struct Facts {
    numbers: Vec<anchors::Number>,
    names: Vec<String>,
}

impl Facts {
    fn of(ctx: &Context, text: &str) -> Facts {
        let names: Vec<String> = anchors::names(text, ctx.source.language())
            .into_iter()
            .filter(|n| super::context::among(&n.folded, &ctx.target_names))
            .map(|n| n.folded)
            .collect();
        Facts {
            numbers: ctx
                .source_numbers(text)
                .into_iter()
                .filter(|n| n.digits && n.firm)
                .collect(),
            names,
        }
    }

    fn len(&self) -> usize {
        self.numbers.len() + self.names.len()
    }

    /// How many of the facts a paragraph of the translation carries.
    fn found_in(&self, ctx: &Context, text: &str) -> usize {
        let numbers = ctx.target_numbers(text);
        let words = anchors::FoldedWords::new(text);
        self.numbers
            .iter()
            .filter(|n| numbers.iter().any(|t| anchors::same_number(n, t)))
            .count()
            + self.names.iter().filter(|n| words.contains(n)).count()
    }
}

/// Paragraphs whose every sentence a link leaves without counterpart.
fn unlinked(
    doc: &crate::segment::SegmentedDocument,
    link_of: &[usize],
    ctx: &Context,
    source_side: bool,
) -> Vec<usize> {
    (0..doc.paragraph_sentences.len())
        .filter(|&p| {
            let r = doc.paragraph_sentences[p].clone();
            !r.is_empty()
                && r.clone().all(|i| {
                    ctx.links.get(link_of[i]).is_some_and(|l| {
                        if source_side {
                            l.target.is_empty()
                        } else {
                            l.source.is_empty()
                        }
                    })
                })
        })
        .collect()
}

/// Most (dropped × added) paragraph pairs compared: a long text full of
/// gaps is not searched for moves (quadratic, and no longer an article).
const MAX_PAIRS: usize = 40_000;

/// Whether `n` looks like a year: a year and a place are common to many
/// paragraphs, so they alone do not make a move.
fn year_like(n: &anchors::Number) -> bool {
    n.values
        .first()
        .is_some_and(|&v| v.fract() == 0.0 && (1800.0..=2100.0).contains(&v))
}

/// The facts of an added paragraph, for the way back: its firm digit
/// numbers and the names the original writes somewhere.
struct TargetFacts {
    numbers: Vec<anchors::Number>,
    names: Vec<String>,
}

impl TargetFacts {
    fn of(ctx: &Context, text: &str) -> TargetFacts {
        TargetFacts {
            numbers: ctx
                .target_numbers(text)
                .into_iter()
                .filter(|n| n.digits && n.firm)
                .collect(),
            names: anchors::names(text, ctx.target.language())
                .into_iter()
                .filter(|n| super::context::among(&n.folded, &ctx.source_names))
                .map(|n| n.folded)
                .collect(),
        }
    }

    /// Whether most of these facts are in the original paragraph `text`.
    fn mostly_in(&self, ctx: &Context, text: &str) -> bool {
        let total = self.numbers.len() + self.names.len();
        if total == 0 {
            return true;
        }
        let numbers = ctx.source_numbers(text);
        let words = anchors::FoldedWords::new(text);
        let found = self
            .numbers
            .iter()
            .filter(|n| numbers.iter().any(|s| anchors::same_number(n, s)))
            .count()
            + self.names.iter().filter(|n| words.contains(n)).count();
        found * 5 >= total * 4
    }
}

/// Rewrites the omission and addition findings of moved paragraphs.
pub(super) fn find(ctx: &Context, found_findings: &mut [(usize, Finding)]) {
    let dropped = unlinked(ctx.source, &ctx.source_link, ctx, true);
    let added = unlinked(ctx.target, &ctx.target_link, ctx, false);
    if dropped.is_empty() || added.is_empty() || dropped.len() * added.len() > MAX_PAIRS {
        return;
    }
    let paragraphs = &ctx.target.document.paragraphs;
    let added_facts: Vec<TargetFacts> = added
        .iter()
        .map(|&t| TargetFacts::of(ctx, &paragraphs[t].text))
        .collect();
    let mut taken = vec![false; added.len()];
    for &p in &dropped {
        let text = &ctx.source.document.paragraphs[p].text;
        let facts = Facts::of(ctx, text);
        // Three facts, or two of which one is a number other than a year
        // (a year and a place are shared by many paragraphs).
        let figures = facts.numbers.iter().filter(|n| !year_like(n)).count();
        if facts.len() < MIN_FACTS || (facts.len() < 3 && figures == 0) {
            continue;
        }
        // Both ways: the added paragraph holds every fact of the dropped
        // one, and the dropped one most facts of the added one.
        let candidates: Vec<usize> = (0..added.len())
            .filter(|&k| !taken[k])
            .filter(|&k| facts.found_in(ctx, &paragraphs[added[k]].text) == facts.len())
            .filter(|&k| added_facts[k].mostly_in(ctx, text))
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
        let s_range = ctx.source.paragraph_sentences[p].clone();
        let t_range = ctx.target.paragraph_sentences[added[k]].clone();
        mark_moved(ctx, found_findings, s_range, t_range, text, t_text);
    }
}

fn mark_moved(
    ctx: &Context,
    found: &mut [(usize, Finding)],
    s_range: Range<usize>,
    t_range: Range<usize>,
    s_text: &str,
    t_text: &str,
) {
    let line = |doc: &crate::segment::SegmentedDocument, r: &Range<usize>| {
        doc.document
            .position(doc.sentences[r.start].span.start)
            .line
    };
    let (s_line, t_line) = (line(ctx.source, &s_range), line(ctx.target, &t_range));
    let s_bytes = ctx.source.sentences[s_range.start].span.start;
    let t_bytes = ctx.target.sentences[t_range.start].span.start;
    let t_end = ctx.target.sentences[t_range.end - 1].span.end;
    for (_, f) in found.iter_mut() {
        // A quote of the moved paragraph is the original's, not invented.
        let moved_quote = f.kind == Kind::AlteredQuote
            && f.source.is_none()
            && f.target
                .as_ref()
                .is_some_and(|e| e.bytes[0] >= t_bytes && e.bytes[1] <= t_end);
        if moved_quote {
            f.severity = Severity::Info;
            f.message = format!(
                "the quote \"{}\" belongs to the original's paragraph at line {s_line}, moved here",
                gist(&f.target.as_ref().map_or(String::new(), |e| e.text.clone()))
            );
            continue;
        }
        let on_source =
            f.kind == Kind::Omission && f.source.as_ref().is_some_and(|e| e.bytes[0] == s_bytes);
        let on_target =
            f.kind == Kind::Addition && f.target.as_ref().is_some_and(|e| e.bytes[0] == t_bytes);
        if on_source {
            f.severity = Severity::Info;
            f.message = format!(
                "the translation moves the paragraph \"{}\" to line {t_line}",
                gist(s_text)
            );
        } else if on_target {
            f.severity = Severity::Info;
            f.message = format!(
                "the paragraph \"{}\" translates the original's paragraph at line {s_line}, moved here",
                gist(t_text)
            );
        }
    }
}
