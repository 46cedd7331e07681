//! Omissions and additions the aligner absorbed into n-m links: passages
//! whose translation is far shorter (or longer) than the language pair's
//! length ratio predicts, explained by one paragraph or sentence whose
//! facts (numbers, names) the other side lacks.
//!
//! A passage is a connected group of links: links sharing a paragraph on
//! either side belong together, so a paragraph merged into its neighbour's
//! links is still seen as one unit with its neighbour.

use std::ops::Range;

use super::context::{Context, gist, list};
use super::{Finding, Kind, Severity, sentences_excerpt};
use crate::anchors;
use crate::segment::SegmentedDocument;

/// Length deviation ([`deviation`]) beyond which a passage is suspicious;
/// about 1 in 100 faithful passages of the benchmark's real translations
/// goes beyond it.
const DEVIATES: f64 = 4.0;
/// Deviation from which a gap counts when the culprit also carries facts
/// the other document never mentions.
pub(super) const HINTS: f64 = 3.0;
/// Deviation from which a length gap alone is strong evidence.
const STRONG: f64 = 6.0;
/// Cap of the length scale in [`deviation`] (400 characters).
const SCALE_CAP: f64 = 20.0;
/// Removing the culprit must bring the passage within this factor.
const FITS: f64 = 1.3;
/// Characters from which a sentence is long enough to judge a part of it
/// missing by its length alone (headlines and captions are condensed).
const LONG_SENTENCE: f64 = 120.0;
/// The length gap that suffices when paragraph counts differ.
const STRUCTURAL: f64 = 0.9;

fn paragraph_count(doc: &SegmentedDocument, ids: &[usize]) -> usize {
    let mut ps: Vec<usize> = ids.iter().map(|&i| doc.sentences[i].paragraph).collect();
    ps.dedup();
    ps.len()
}

struct Passage {
    source: Vec<usize>,
    target: Vec<usize>,
    first_link: usize,
}

fn passages(ctx: &Context) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut last_s_par = usize::MAX;
    let mut last_t_par = usize::MAX;
    for (k, l) in ctx.links.iter().enumerate() {
        if l.source.is_empty() || l.target.is_empty() {
            continue;
        }
        let s_first = ctx.source.sentences[l.source.start].paragraph;
        let t_first = ctx.target.sentences[l.target.start].paragraph;
        let joins = out.last().is_some() && (s_first == last_s_par || t_first == last_t_par);
        if !joins {
            out.push(Passage {
                source: Vec::new(),
                target: Vec::new(),
                first_link: k,
            });
        }
        let p = out.last_mut().expect("pushed above");
        p.source.extend(l.source.clone());
        p.target.extend(l.target.clone());
        last_s_par = ctx.source.sentences[l.source.end - 1].paragraph;
        last_t_par = ctx.target.sentences[l.target.end - 1].paragraph;
    }
    out
}

/// Characters of sentences `ids`.
pub(super) fn chars(doc: &SegmentedDocument, ids: impl IntoIterator<Item = usize>) -> f64 {
    ids.into_iter()
        .map(|i| doc.sentence_text(i).chars().count())
        .sum::<usize>() as f64
}

/// Candidate culprits: whole paragraphs (when the passage has several)
/// and single sentences, as sentence-id runs.
fn candidates(doc: &SegmentedDocument, ids: &[usize]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut paragraphs: Vec<usize> = ids.iter().map(|&i| doc.sentences[i].paragraph).collect();
    paragraphs.dedup();
    if paragraphs.len() >= 2 {
        for p in &paragraphs {
            let r = doc.paragraph_sentences[*p].clone();
            if ids.contains(&r.start) && ids.contains(&(r.end - 1)) {
                out.push((r, true));
            }
        }
    }
    if ids.len() >= 2 {
        out.extend(ids.iter().map(|&i| (i..i + 1, false)));
    }
    out
}

/// Digits and names of `text` that `other` lacks, and how many it has.
/// A number that only a loose word of `other` matches ("primi" for 1)
/// counts neither way.
fn unsupported(ctx: &Context, text: &str, source_side: bool, other: &str) -> (Vec<String>, usize) {
    let (lang, other_lang) = if source_side {
        (ctx.source.language(), ctx.target.language())
    } else {
        (ctx.target.language(), ctx.source.language())
    };
    let other_numbers = anchors::numbers(other, other_lang);
    let mut total = 0;
    let mut lost = Vec::new();
    for n in anchors::numbers(text, lang)
        .into_iter()
        .filter(|n| n.digits)
    {
        let matches = other_numbers.iter().filter(|o| anchors::same_number(&n, o));
        match matches.map(|o| o.firm).max() {
            None => {
                total += 1;
                lost.push(n.text);
            }
            Some(true) => total += 1,
            Some(false) => {}
        }
    }
    let own_names = if source_side {
        &ctx.target_names
    } else {
        &ctx.source_names
    };
    let other = anchors::FoldedWords::new(other);
    for n in anchors::names(text, lang) {
        // Only names the other document writes somewhere are comparable.
        if !own_names.has(&n.folded) {
            continue;
        }
        total += 1;
        if !other.contains(&n.folded) {
            lost.push(n.text);
        }
    }
    lost.dedup();
    (lost, total)
}

/// Digit numbers and names of sentences `range` that the other document
/// never writes (names only where capitals mark names, not nouns).
fn foreign(ctx: &Context, range: &Range<usize>, source_side: bool) -> usize {
    let (doc, other_names) = if source_side {
        (ctx.source, &ctx.target_names)
    } else {
        (ctx.target, &ctx.source_names)
    };
    let text: String = range
        .clone()
        .map(|i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ");
    let other_numbers = ctx.paragraph_numbers(!source_side);
    let numbers = anchors::numbers(&text, doc.language())
        .into_iter()
        .filter(|n| n.digits && !other_numbers.iter().any(|o| anchors::same_number(n, o)))
        .count();
    let names = if anchors::names::capitalises_nouns(doc.language()) {
        0
    } else {
        anchors::names(&text, doc.language())
            .into_iter()
            .filter(|n| !other_names.has(&n.folded))
            .count()
    };
    numbers + names
}

pub(super) fn find(ctx: &Context, out: &mut Vec<(usize, Finding)>) {
    for p in passages(ctx) {
        let (s, t) = (
            chars(ctx.source, p.source.iter().copied()),
            chars(ctx.target, p.target.iter().copied()),
        );
        if s < 60.0 || t < 1.0 {
            continue;
        }
        let r = t / (s * ctx.ratio);
        let z = deviation(r, sparse(ctx, s));
        // News translations keep paragraphs: a passage with more
        // paragraphs on one side is suspicious at a smaller length gap.
        let (sp, tp) = (
            paragraph_count(ctx.source, &p.source),
            paragraph_count(ctx.target, &p.target),
        );
        if z < -DEVIATES || (sp > tp && r < STRUCTURAL) {
            culprit(ctx, &p, (r, z), true, z >= -DEVIATES, false, out);
        } else if z > DEVIATES || (tp > sp && r > 1.0 / STRUCTURAL) {
            culprit(ctx, &p, (r, z), false, z <= DEVIATES, false, out);
        } else if z.abs() > HINTS {
            culprit(ctx, &p, (r, z), z < 0.0, false, true, out);
        }
    }
}

/// A passage's length in the characters of the pair's sparser script:
/// a thousand English characters are some three hundred Chinese ones, and
/// the fewer characters, the noisier their count.
pub(super) fn sparse(ctx: &Context, source_chars: f64) -> f64 {
    source_chars * ctx.ratio.min(1.0)
}

/// How far a passage's length ratio `r` strays from the pair's, scaled by
/// its length: translation lengths vary with roughly the square root of the
/// text's length (Gale and Church), so a 20% gap is noise in one sentence
/// and a signal in a paragraph. The scale is capped because long passages
/// are not proportionally more regular.
pub(super) fn deviation(r: f64, source_chars: f64) -> f64 {
    r.ln() * source_chars.sqrt().min(SCALE_CAP)
}

fn culprit(
    ctx: &Context,
    p: &Passage,
    (r, z): (f64, f64),
    source_side: bool,
    paragraphs_only: bool,
    hint: bool,
    out: &mut Vec<(usize, Finding)>,
) {
    let (doc, ids, other_doc, other_ids) = if source_side {
        (ctx.source, &p.source, ctx.target, &p.target)
    } else {
        (ctx.target, &p.target, ctx.source, &p.source)
    };
    let total = chars(doc, ids.iter().copied());
    let other_text: String = other_ids
        .iter()
        .map(|&i| other_doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ");
    let best = candidates(doc, ids)
        .into_iter()
        .filter(|(_, whole)| *whole || !paragraphs_only)
        .map(|(range, whole)| {
            let len = chars(doc, range.clone());
            let rest = (total - len).max(1.0);
            let fitted = if source_side {
                r * total / rest
            } else {
                r * rest / total
            };
            let text: String = range
                .clone()
                .map(|i| doc.sentence_text(i))
                .collect::<Vec<_>>()
                .join(" ");
            let (lost, anchors_total) = unsupported(ctx, &text, source_side, &other_text);
            // Anchors found on the other side speak for the candidate's
            // presence; lost anchors speak for its absence.
            let evidence = lost.len() as f64 - 0.7 * (anchors_total - lost.len()) as f64;
            (
                range,
                whole,
                fitted.ln().abs() - 0.15 * evidence,
                fitted,
                lost,
                anchors_total,
            )
        })
        .min_by(|a, b| a.2.total_cmp(&b.2));
    // What is left must fit: within FITS, or within the noise of its own
    // length (a short sentence's translation strays further).
    let source_chars = chars(ctx.source, p.source.iter().copied());
    let explained = best.as_ref().is_some_and(|(range, _, _, fitted, _, _)| {
        let rest = if source_side {
            source_chars - chars(doc, range.clone())
        } else {
            source_chars
        };
        let fits =
            fitted.ln().abs() <= FITS.ln() || deviation(*fitted, sparse(ctx, rest)).abs() <= HINTS;
        fits && fitted.ln().abs() < r.ln().abs()
    });
    let Some((range, whole, _, _, lost, anchors_total)) = best.filter(|_| explained) else {
        // No whole sentence explains the gap. When the translation's side
        // is a single sentence far longer than predicted, part of it has
        // no counterpart: text added inside it. (A far shorter sentence is
        // left to the facts check: headlines and captions are condensed.)
        if !source_side && ids.len() == 1 && z >= STRONG && r >= 1.7 && !hint {
            out.push((
                p.first_link,
                inside_sentence(ctx, p, r, source_side, ids[0]),
            ));
        }
        // A long sentence of running text whose translation keeps less
        // than 60% of it lost a part (a split sentence lost one half).
        if source_side && ids.len() == 1 && z <= -STRONG && r <= 0.6 && !hint {
            let paragraph = &doc.document.paragraphs[doc.sentences[ids[0]].paragraph];
            if total >= LONG_SENTENCE
                && super::roles::role(paragraph) == super::roles::Role::Content
                && !unlinked_beside(ctx, &p.target)
            {
                out.push((
                    p.first_link,
                    inside_sentence(ctx, p, r, source_side, ids[0]),
                ));
            }
        }
        return;
    };
    let present = anchors_total - lost.len();
    if !whole && present > lost.len() {
        return;
    }
    // A moderate gap needs a fact of the culprit foreign to the whole
    // other document, and none of its facts found there.
    if hint && (present > 0 || foreign(ctx, &range, source_side) == 0) {
        return;
    }
    let text: String = range
        .clone()
        .map(|i| doc.sentence_text(i))
        .collect::<Vec<_>>()
        .join(" ");
    let severity = if hint {
        Severity::Warning
    } else if whole || !lost.is_empty() || z.abs() >= STRONG {
        Severity::Error
    } else {
        Severity::Warning
    };
    let what = match (whole, range.len()) {
        (true, _) => "paragraph",
        _ => "sentence",
    };
    let why = if lost.is_empty() {
        format!(
            "the passage is {:.0}% of the length the original predicts",
            100.0 * r
        )
    } else {
        format!(
            "{} {} no counterpart",
            list(&lost),
            if lost.len() == 1 { "has" } else { "have" }
        )
    };
    let (kind, message) = if source_side {
        (
            Kind::Omission,
            format!(
                "the translation drops the {what} \"{}\"; {why}",
                gist(&text)
            ),
        )
    } else {
        (
            Kind::Addition,
            format!(
                "the translation adds the {what} \"{}\", which has no counterpart in the original; {why}",
                gist(&text)
            ),
        )
    };
    let excerpt = sentences_excerpt(doc, range);
    let finding = Finding::new(
        kind,
        severity,
        (0.55 + 0.1 * lost.len().min(3) as f64 + 0.02 * z.abs().min(10.0)).min(0.95),
        message,
    );
    let finding = if source_side {
        finding.with_source(excerpt)
    } else {
        finding.with_target(excerpt)
    };
    out.push((p.first_link, finding));
}

/// Whether a paragraph of target sentences `ids` holds a sentence linked
/// to nothing: the missing part of a short translation may be there (a
/// sentence split in three, one piece left unlinked).
fn unlinked_beside(ctx: &Context, ids: &[usize]) -> bool {
    let doc = ctx.target;
    ids.iter().any(|&i| {
        doc.paragraph_sentences[doc.sentences[i].paragraph]
            .clone()
            .any(|j| {
                ctx.links
                    .get(ctx.target_link[j])
                    .is_some_and(|l| l.source.is_empty())
            })
    })
}

/// A sentence whose translation is far longer or shorter than predicted,
/// with no other sentence to blame: part of it was added or dropped.
fn inside_sentence(ctx: &Context, p: &Passage, r: f64, source_side: bool, id: usize) -> Finding {
    let (doc, kind, verb) = if source_side {
        (ctx.source, Kind::Omission, "drops part of")
    } else {
        (ctx.target, Kind::Addition, "adds to")
    };
    let message = format!(
        "the translation {verb} the sentence \"{}\": the passage is {:.0}% of the length the original predicts",
        gist(doc.sentence_text(id)),
        100.0 * r
    );
    let range = |ids: &[usize]| match (ids.first(), ids.last()) {
        (Some(&a), Some(&b)) => a..b + 1,
        _ => 0..0,
    };
    Finding::new(kind, Severity::Warning, 0.5, message)
        .with_source(sentences_excerpt(ctx.source, range(&p.source)))
        .with_target(sentences_excerpt(ctx.target, range(&p.target)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_gap_weighs_more_in_a_longer_passage() {
        // 70% of the expected length: noise in one short sentence, a
        // signal in a paragraph.
        assert!(deviation(0.7, 60.0) > -DEVIATES);
        assert!(deviation(0.7, 400.0) < -DEVIATES);
        assert!(deviation(1.5, 400.0) > DEVIATES);
        // Beyond the cap, length adds nothing.
        assert_eq!(deviation(0.8, 400.0), deviation(0.8, 4000.0));
    }
}
