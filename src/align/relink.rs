//! Sentences told in another place. The aligner works paragraphs first, and
//! a translator who tells one sentence of a paragraph in the next one (or
//! a few sentences later) leaves the monotone pass two choices: the
//! original sentence without counterpart, or linked to a neighbour's
//! translation that says something else. Either way its own translation is
//! left alone, and the check reported a loss, an invention and, when the
//! sentence is a quotation, a quote that lost its marks and one invented.
//!
//! After the monotone pass and the paragraph moves, each translation
//! sentence left alone is compared by its facts ([`agreement`]: names,
//! figures, whether it quotes) with the original sentences a few paragraphs
//! around its place that are themselves alone or only weakly linked. When
//! one original sentence and one such translation sentence are each
//! other's clear best match, they are linked: in place when the order
//! allows it, else as a [`Move`], reported once as `moved` at info. The
//! translation sentence a weak link lets go of joins the link beside it in
//! its paragraph, where there is one, as the aligner's next reading.

use std::ops::Range;

use crate::align::reorder::Move;
use crate::align::{Alignment, Link};
use crate::anchors;
use crate::segment::SegmentedDocument;

/// Paragraphs of the original, on each side of the place a translation
/// sentence stands at, whose sentences may be its original: a sentence
/// told "a few paragraphs" away, as the issue asks; the seed's quotation
/// is told one paragraph on, and the paragraph pass can shift a link by
/// one more.
pub(crate) const WINDOW: usize = 2;
/// 1-1 links below this confidence may give their original sentence up.
/// The seed's quotation was linked to a sentence about something else at
/// 0.38. Confidence alone does not make a link wrong: of the 352 1-1 links
/// of the faithful golden pairs (`check --format json`, 2026-12-03), 91
/// are below 0.5 (the lowest 0.008), so the facts must also clearly favour
/// another sentence ([`MIN_AGREEMENT`], [`MIN_GAIN`]); 0.5 keeps the surer
/// three quarters out of reach. Not tuned further: the rule changes no
/// finding of `eval-faults` or `eval-real` (docs/benchmarks.md).
const WEAK: f64 = 0.5;
/// Least fact agreement ([`agreement`]) of a relinked pair: three shared
/// facts (two names and a quotation, a name and two figures), or two
/// figures and a quotation with one figure of the translation's own
/// ([`EXTRA_FIGURE`]). One or two
/// names are shared by many sentences of a news paragraph (the seed's
/// "China" and "Russia"). The seed's quotation clears this and
/// [`MIN_GAIN`] with its translation against the sentence it was linked
/// to; set by hand from the rule's intent, not tuned on a benchmark (no
/// benchmark finding changes, see [`WEAK`]).
const MIN_AGREEMENT: f64 = 2.5;
/// What a figure only the translation has takes off the agreement: half a
/// fact. Translations add figures of their own (Japanese counts "a day"
/// as 1日, "a third" as 3分の1), so an extra figure tells less than a
/// shared one; a Japanese quotation with two shared figures and 1日 still
/// reaches [`MIN_AGREEMENT`] (the test below), where in a script other
/// than the original's the names cannot help.
const EXTRA_FIGURE: f64 = 0.5;
/// Least gain in agreement over the original sentence's current partner
/// (nothing, for a sentence alone): two facts more, so that a link that
/// is only somewhat worse is left to the aligner.
const MIN_GAIN: f64 = 2.0;
/// Largest length gap of a relinked pair, as `|ln(translation / (original
/// × the pair's ratio))|`: twice the length or half of it. A sentence
/// that carries the facts of a short one and much more is no translation
/// of it alone.
const MAX_LENGTH_GAP: f64 = 0.7;
/// Most translation sentences alone that are compared: a text with more
/// is a rewrite, not a translation with some sentences told elsewhere.
const MAX_ALONE: usize = 400;
/// The confidence given to a link the facts made: the middle of the
/// aligner's scale, as the aligner itself did not choose it. Findings read
/// it only to scale a mismatch's confidence (`findings/facts.rs`). Set by
/// hand, not calibrated.
const RELINKED_CONFIDENCE: f64 = 0.5;

/// Quotation marks that open or close quoted speech (apostrophes and
/// single marks left out: they are also apostrophes).
const QUOTE_MARKS: &[char] = &[
    '"', '“', '”', '„', '«', '»', '「', '」', '『', '』', '‟', '〝', '〞',
];

/// Whether `text` quotes someone: it has a quotation mark pair.
pub(crate) fn quotes(text: &str) -> bool {
    // Every mark is '"' or begins with one of three lead bytes (« » with
    // 0xC2, the curly and low marks with 0xE2, the corner brackets and
    // double primes with 0xE3): only those places are decoded.
    let mut marks = text.bytes().enumerate().filter(|&(i, b)| match b {
        b'"' => true,
        0xC2 | 0xE2 | 0xE3 => text[i..]
            .chars()
            .next()
            .is_some_and(|c| QUOTE_MARKS.contains(&c)),
        _ => false,
    });
    marks.nth(1).is_some()
}

/// How well original sentence `i` and translation sentences `t` agree in
/// their facts: one for each distinct name of the original's found in the
/// translation's words, one for each figure written with digits on both
/// sides, less [`EXTRA_FIGURE`] for each figure only the translation has; one more when
/// both quote, one less when only one does.
fn agreement(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    i: usize,
    t: Range<usize>,
) -> f64 {
    let facts = source.facts(i);
    let words = target.words_of(t.clone());
    let mut names: Vec<&str> = facts.names.iter().map(|n| n.folded.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let shared_names = names.iter().filter(|n| words.contains(n)).count();
    let ours: Vec<&anchors::Number> = facts.numbers.iter().filter(|n| n.digits).collect();
    let theirs: Vec<&anchors::Number> = target.numbers_of(t.clone()).filter(|n| n.digits).collect();
    let shared_numbers = ours
        .iter()
        .filter(|n| theirs.iter().any(|m| anchors::same_number(n, m)))
        .count();
    let extra_numbers = theirs
        .iter()
        .filter(|m| !ours.iter().any(|n| anchors::same_number(n, m)))
        .count();
    let t_text: String = t
        .map(|j| target.sentence_text(j))
        .collect::<Vec<_>>()
        .join(" ");
    let quote = match (quotes(source.sentence_text(i)), quotes(&t_text)) {
        (true, true) => 1.0,
        (false, false) => 0.0,
        _ => -1.0,
    };
    shared_names as f64 + shared_numbers as f64 - EXTRA_FIGURE * extra_numbers as f64 + quote
}

/// Sentence `i`'s length in the aligner's units ([`crate::text::length`]).
fn sentence_length(doc: &SegmentedDocument, i: usize) -> usize {
    crate::text::length(doc.sentence_text(i))
}

/// The pair's length ratio, as the aligner counts it.
fn length_ratio(source: &SegmentedDocument, target: &SegmentedDocument) -> f64 {
    super::sentences::ratio_of(
        source.measure().length as f64,
        target.measure().length as f64,
    )
}

/// Whether the lengths of original sentence `i` and translation sentence
/// `j` fit within [`MAX_LENGTH_GAP`].
fn lengths_fit(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    i: usize,
    j: usize,
    ratio: f64,
) -> bool {
    let (ls, lt) = (
        sentence_length(source, i) as f64,
        sentence_length(target, j) as f64,
    );
    (lt.max(1.0) / (ls * ratio).max(1.0)).ln().abs() <= MAX_LENGTH_GAP
}

/// Index of the link of each sentence of one side.
fn link_of(links: &[Link], n: usize, side: fn(&Link) -> &Range<usize>) -> Vec<usize> {
    let mut out = vec![0; n];
    for (k, l) in links.iter().enumerate() {
        for i in side(l).clone() {
            if let Some(slot) = out.get_mut(i) {
                *slot = k;
            }
        }
    }
    out
}

fn within(moves: &[Move], side: fn(&Move) -> &Range<usize>, i: usize) -> bool {
    moves.iter().any(|m| side(m).contains(&i))
}

/// A candidate pair: original sentence, translation sentence, agreement.
type Pair = (usize, usize, f64);

/// The pairs to relink: each translation sentence alone that may have an
/// original (`eligible`), against the original sentences alone or weakly
/// linked within [`WINDOW`] paragraphs of its place; only pairs that are
/// each other's single best are kept. Also returns the pair's length
/// ratio, read only when some sentence stands alone.
fn candidates(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &Alignment,
    eligible: &dyn Fn(usize) -> bool,
) -> (Vec<Pair>, f64) {
    let links = &alignment.links;
    let (n, m) = (source.sentences.len(), target.sentences.len());
    if n == 0 || m == 0 {
        return (Vec::new(), 1.0);
    }
    let s_link = link_of(links, n, |l| &l.source);
    let t_link = link_of(links, m, |l| &l.target);
    let alone: Vec<usize> = (0..m)
        .filter(|&j| links[t_link[j]].source.is_empty() && eligible(j))
        .filter(|&j| !within(&alignment.moves, |m| &m.target, j))
        .collect();
    if alone.is_empty() || alone.len() > MAX_ALONE {
        return (Vec::new(), 1.0);
    }
    let ratio = length_ratio(source, target);
    // What each original sentence agrees with now: its partner's facts, or
    // nothing; None when its link is sure, merged or in a move.
    let current: Vec<Option<f64>> = (0..n)
        .map(|i| {
            let l = &links[s_link[i]];
            if within(&alignment.moves, |m| &m.source, i) {
                None
            } else if l.target.is_empty() {
                Some(0.0)
            } else if l.source.len() == 1 && l.target.len() == 1 && l.confidence < WEAK {
                Some(agreement(source, target, i, l.target.clone()).max(0.0))
            } else {
                None
            }
        })
        .collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for &j in &alone {
        let at = links[t_link[j]].source.start.min(n - 1);
        let p = source.sentences[at].paragraph;
        let lo = p.saturating_sub(WINDOW);
        let hi = (p + WINDOW).min(source.paragraph_sentences.len() - 1);
        let first = source.paragraph_sentences[lo].start;
        let last = source.paragraph_sentences[hi].end;
        for (i, now) in current.iter().enumerate().take(last).skip(first) {
            let Some(now) = *now else {
                continue;
            };
            if !lengths_fit(source, target, i, j, ratio) {
                continue;
            }
            let score = agreement(source, target, i, j..j + 1);
            if score >= MIN_AGREEMENT && score >= now + MIN_GAIN {
                pairs.push((i, j, score));
            }
        }
    }
    // Each other's single best: no other pair of either sentence scores as
    // high.
    let best = pairs
        .iter()
        .filter(|&&(i, j, score)| {
            !pairs
                .iter()
                .any(|&(a, b, s)| (a == i) != (b == j) && (a == i || b == j) && s >= score)
        })
        .copied()
        .collect();
    (best, ratio)
}

/// Relinks the sentences told in another place ([`candidates`]) in
/// `alignment`, and returns the moves among them (a pair the order of the
/// other links allows is linked in place). `eligible` says which
/// translation sentences may have an original (publisher furniture and
/// repeats have none).
pub(crate) fn relink(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &mut Alignment,
    eligible: impl Fn(usize) -> bool,
) -> Vec<Move> {
    let (pairs, ratio) = candidates(source, target, alignment, &eligible);
    let mut moves = Vec::new();
    for (i, j, _) in pairs {
        if let Some(m) = apply(source, target, alignment, (i, j), ratio) {
            moves.push(m);
        }
    }
    moves
}

/// A sentence without counterpart and its link's confidence (how sure the
/// aligner is that it has none; omissions read it).
type Alone = (usize, f64);

/// Links original sentence `i` with translation sentence `j` (alone):
/// `i` leaves its link, and the pair is linked in place when every other
/// link allows, else returned as a move. A weak 1-1 link lets go of its
/// translation, which joins the link beside it in its paragraph where
/// their lengths then fit better ([`joins_better`]), else stays alone. The
/// link list is rebuilt in order.
fn apply(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &mut Alignment,
    (i, j): (usize, usize),
    ratio: f64,
) -> Option<Move> {
    let (mut both, mut alone_s, mut alone_t) = split(&alignment.links);
    // The pair's sentences may have changed with an earlier relink.
    if !alone_t.iter().any(|&(t, _)| t == j) {
        return None;
    }
    if let Some(k) = both.iter().position(|l| l.source.contains(&i)) {
        // (`candidates` only lets 1-1 links go.)
        if both[k].source.len() != 1 || both[k].target.len() != 1 {
            return None;
        }
        let t_old = both.remove(k).target.start;
        let paragraph = |t: usize| target.sentences[t].paragraph;
        let fits = |l: &Link, joined: Range<usize>| joins_better(source, target, l, joined, ratio);
        let next = both.get(k).is_some_and(|l| {
            l.target.start == t_old + 1
                && paragraph(t_old + 1) == paragraph(t_old)
                && fits(l, t_old..l.target.end)
        });
        let previous = k.checked_sub(1).and_then(|p| both.get(p)).is_some_and(|l| {
            l.target.end == t_old
                && paragraph(t_old - 1) == paragraph(t_old)
                && fits(l, l.target.start..t_old + 1)
        });
        if next {
            both[k].target.start = t_old;
        } else if previous {
            both[k - 1].target.end = t_old + 1;
        } else {
            alone_t.push((t_old, 0.0));
        }
        alone_s.push((i, 0.0));
    }
    let in_order = both.iter().all(|l| {
        (l.source.end <= i && l.target.end <= j) || (l.source.start > i && l.target.start > j)
    });
    if in_order {
        alone_s.retain(|&(s, _)| s != i);
        alone_t.retain(|&(t, _)| t != j);
        both.push(Link {
            source: i..i + 1,
            target: j..j + 1,
            confidence: RELINKED_CONFIDENCE,
            loose: None,
        });
        both.sort_by_key(|l| l.source.start);
    }
    alignment.links = rebuild(&both, alone_s, alone_t);
    (!in_order).then_some(Move {
        source: i..i + 1,
        target: j..j + 1,
    })
}

/// Whether link `l` with translation sentences `joined` (its own and one
/// beside them) has lengths closer to the pair's ratio than without: the
/// sentence a weak link let go of is the rest of its neighbour's
/// translation only where the neighbour's translation was short of it.
fn joins_better(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    l: &Link,
    joined: Range<usize>,
    ratio: f64,
) -> bool {
    let length = |doc: &SegmentedDocument, r: Range<usize>| -> f64 {
        r.map(|x| sentence_length(doc, x) as f64)
            .sum::<f64>()
            .max(1.0)
    };
    let ls = length(source, l.source.clone()) * ratio;
    let gap = |t: Range<usize>| (length(target, t) / ls.max(1.0)).ln().abs();
    gap(joined) < gap(l.target.clone())
}

/// The links with both sides, in order, and the sentences of each side
/// without counterpart.
fn split(links: &[Link]) -> (Vec<Link>, Vec<Alone>, Vec<Alone>) {
    let mut both = Vec::new();
    let (mut s, mut t) = (Vec::new(), Vec::new());
    for l in links {
        match (l.source.is_empty(), l.target.is_empty()) {
            (false, false) => both.push(l.clone()),
            (false, true) => s.extend(l.source.clone().map(|i| (i, l.confidence))),
            (true, false) => t.extend(l.target.clone().map(|j| (j, l.confidence))),
            (true, true) => {}
        }
    }
    (both, s, t)
}

/// A monotone link list from the links with both sides (in order) and the
/// sentences alone on each side, each its own link at its place: the
/// original's first where both sides have some between two links.
fn rebuild(both: &[Link], mut alone_s: Vec<Alone>, mut alone_t: Vec<Alone>) -> Vec<Link> {
    alone_s.sort_unstable_by_key(|a| a.0);
    alone_t.sort_unstable_by_key(|a| a.0);
    let mut out = Vec::with_capacity(both.len() + alone_s.len() + alone_t.len());
    let (mut s, mut t) = (
        alone_s.into_iter().peekable(),
        alone_t.into_iter().peekable(),
    );
    let (mut ci, mut cj) = (0, 0);
    let mut gap = |out: &mut Vec<Link>, ci: &mut usize, cj: &mut usize, end: Option<&Link>| {
        let (end_s, end_t) = end.map_or((usize::MAX, usize::MAX), |l| {
            (l.source.start, l.target.start)
        });
        while let Some((i, confidence)) = s.next_if(|&(i, _)| i < end_s) {
            out.push(Link {
                source: i..i + 1,
                target: *cj..*cj,
                confidence,
                loose: None,
            });
            *ci = i + 1;
        }
        while let Some((j, confidence)) = t.next_if(|&(j, _)| j < end_t) {
            out.push(Link {
                source: *ci..*ci,
                target: j..j + 1,
                confidence,
                loose: None,
            });
            *cj = j + 1;
        }
    };
    for l in both {
        gap(&mut out, &mut ci, &mut cj, Some(l));
        out.push(l.clone());
        ci = l.source.end;
        cj = l.target.end;
    }
    gap(&mut out, &mut ci, &mut cj, None);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_pair() {
        assert!(quotes("\"Yes,\" she said."));
        assert!(quotes("„Ja“, sagte sie."));
        assert!(quotes("彼は「はい」と言った。"));
        assert!(!quotes("It's the company's plan."));
        assert!(!quotes("Er sagte, er komme."));
    }

    #[test]
    fn quotation_marks_are_counted_wherever_they_stand() {
        let naive = |t: &str| t.chars().filter(|c| QUOTE_MARKS.contains(c)).count() >= 2;
        for text in [
            "« Oui » — dit-il, à 20 °C et ±3 € — «",
            "‟Ja〞 und ’nein‘ – „“",
            "〝はい〞、『いいえ』",
            "Größe: 5 × 3 mm · ½ „",
            "»",
            "\"",
            "„ein",
            "",
        ] {
            assert_eq!(quotes(text), naive(text), "{text}");
        }
    }

    fn link(s: Range<usize>, t: Range<usize>) -> Link {
        Link {
            source: s,
            target: t,
            confidence: 0.9,
            loose: None,
        }
    }

    #[test]
    fn rebuild_puts_sentences_alone_between_links() {
        let both = vec![link(0..1, 0..1), link(2..3, 3..4)];
        let out = rebuild(&both, vec![(1, 0.5)], vec![(1, 0.5), (2, 0.5)]);
        let units: Vec<(Range<usize>, Range<usize>)> = out
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect();
        assert_eq!(
            units,
            vec![
                (0..1, 0..1),
                (1..2, 1..1),
                (2..2, 1..2),
                (2..2, 2..3),
                (2..3, 3..4)
            ]
        );
    }

    #[test]
    fn split_and_rebuild_round_trip() {
        let links = vec![
            link(0..1, 0..1),
            link(1..2, 1..1),
            link(2..2, 1..3),
            link(2..4, 3..4),
            link(4..4, 4..5),
        ];
        let (both, s, t) = split(&links);
        let ids = |v: &[Alone]| v.iter().map(|a| a.0).collect::<Vec<_>>();
        assert_eq!((ids(&s), ids(&t)), (vec![1], vec![1, 2, 4]));
        let out = rebuild(&both, s, t);
        let cover = |side: fn(&Link) -> &Range<usize>| -> Vec<usize> {
            out.iter().flat_map(|l| side(l).clone()).collect()
        };
        assert_eq!(cover(|l| &l.source), vec![0, 1, 2, 3]);
        assert_eq!(cover(|l| &l.target), vec![0, 1, 2, 3, 4]);
        // The aligner's confidences stay with the sentences alone.
        assert!(out.iter().all(|l| l.confidence == 0.9), "{out:?}");
    }

    use crate::language::Language;

    use crate::testing::{alignment, doc};

    fn units(a: &Alignment) -> Vec<(Range<usize>, Range<usize>)> {
        a.links
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect()
    }

    const EN: &str = "The city council of Linz approved the new tram line on Tuesday.\n\n\
        \"We will finish the line by 2029 and it will carry 40,000 people a day,\" said mayor Klaus Luger. \
        The vote was 31 to 12.\n\n\
        Work starts in the spring. The line will cost 480 million euros.\n";

    /// The mayor's quotation told in the last paragraph, after the vote.
    const DE_MOVED: &str = "Der Gemeinderat von Linz hat am Dienstag die neue Straßenbahnlinie beschlossen.\n\n\
        Die Abstimmung endete mit 31 zu 12 Stimmen.\n\n\
        „Wir werden die Linie bis 2029 fertigstellen, und sie wird täglich 40.000 Menschen befördern“, sagte Bürgermeister Klaus Luger. \
        Die Arbeiten beginnen im Frühjahr. Die Linie wird 480 Millionen Euro kosten.\n";

    #[test]
    fn a_quotation_told_in_the_next_paragraph_is_a_move() {
        let (s, t) = (doc(EN, Language::EN), doc(DE_MOVED, Language::DE));
        assert_eq!((s.sentences.len(), t.sentences.len()), (5, 5));
        // The monotone reading: the quotation dropped, its translation added.
        let monotone = [
            (0..1, 0..1, 0.9),
            (1..2, 1..1, 0.8),
            (2..3, 1..2, 0.8),
            (3..3, 2..3, 0.0),
            (3..4, 3..4, 0.9),
            (4..5, 4..5, 0.9),
        ];
        let mut a = alignment(&monotone);
        let before = units(&a);
        let moves = relink(&s, &t, &mut a, |_| true);
        assert_eq!(
            moves,
            vec![Move {
                source: 1..2,
                target: 2..3
            }]
        );
        // Out of order: both stay alone in the links, the move joins them.
        assert_eq!(units(&a), before);
        // Publisher furniture is never anybody's translation.
        let mut b = alignment(&monotone);
        assert!(relink(&s, &t, &mut b, |j| j != 2).is_empty());
    }

    #[test]
    fn a_weak_link_gives_its_original_up() {
        // The translation tells the vote first and the quotation second,
        // in one paragraph; the aligner linked the quotation to the vote
        // and the vote to nothing.
        let de = "Der Gemeinderat von Linz hat am Dienstag die neue Straßenbahnlinie beschlossen.\n\n\
            Die Arbeiten beginnen im Frühjahr. \
            „Wir werden die Linie bis 2029 fertigstellen, und sie wird täglich 40.000 Menschen befördern“, sagte Bürgermeister Klaus Luger. \
            Die Linie wird 480 Millionen Euro kosten.\n";
        let (s, t) = (doc(EN, Language::EN), doc(de, Language::DE));
        assert_eq!(t.sentences.len(), 4);
        let mut a = alignment(&[
            (0..1, 0..1, 0.9),
            (1..2, 1..2, 0.3),
            (2..3, 2..2, 0.7),
            (3..3, 2..3, 0.0),
            (3..5, 3..4, 0.6),
        ]);
        let moves = relink(&s, &t, &mut a, |_| true);
        // In order once the weak link lets go: linked in place, and the
        // sentence it let go of stays alone (no link beside it in its
        // paragraph comes before the quotation's).
        assert!(moves.is_empty(), "{moves:?}");
        assert!(units(&a).contains(&(1..2, 2..3)), "{:?}", units(&a));
        assert!(
            a.links
                .iter()
                .any(|l| l.source.is_empty() && l.target == (1..2)),
            "{:?}",
            units(&a)
        );
    }

    #[test]
    fn a_let_go_translation_joins_its_neighbour_where_the_lengths_then_fit() {
        let en = "Penn Ar Bed Mor ordered two ferries from the Piriou yard in Concarneau for 38 million euros, and both will enter service in 2028 on the Roscoff line. \
            \"We are proud of this order,\" said Maëlle Quéré.\n";
        let fr = "Penn Ar Bed Mor a commandé deux ferries au chantier Piriou de Concarneau pour 38 millions d'euros. \
            Les deux entreront en service en 2028 sur la ligne de Roscoff.\n\n\
            « Nous sommes fiers de cette commande », a déclaré Maëlle Quéré.\n";
        let (s, t) = (doc(en, Language::EN), doc(fr, Language::FR));
        assert_eq!((s.sentences.len(), t.sentences.len()), (2, 3));
        // The quotation took the second half of the first sentence's
        // translation; its own translation, told below, is alone.
        let mut a = alignment(&[(0..1, 0..1, 0.6), (1..2, 1..2, 0.3), (2..2, 2..3, 0.0)]);
        let moves = relink(&s, &t, &mut a, |_| true);
        assert!(moves.is_empty(), "{moves:?}");
        assert_eq!(units(&a), vec![(0..1, 0..2), (1..2, 2..3)]);
    }

    #[test]
    fn a_sure_link_and_a_single_shared_name_are_left_alone() {
        let (s, t) = (doc(EN, Language::EN), doc(DE_MOVED, Language::DE));
        // The quotation linked surely elsewhere: not reconsidered.
        let sure = [
            (0..1, 0..1, 0.9),
            (1..2, 1..2, 0.8),
            (2..2, 2..3, 0.0),
            (2..3, 3..3, 0.7),
            (3..4, 3..4, 0.9),
            (4..5, 4..5, 0.9),
        ];
        let mut a = alignment(&sure);
        assert!(relink(&s, &t, &mut a, |_| true).is_empty());
        assert_eq!(units(&a), units(&alignment(&sure)));
        // The first sentence shares only "Linz" with a sentence alone.
        let t = doc(
            "Linz baut.\n\nDie Abstimmung endete mit 31 zu 12 Stimmen.\n\nDie Linie wird 480 Millionen Euro kosten.\n",
            Language::DE,
        );
        let mut b = alignment(&[
            (0..1, 0..0, 0.9),
            (1..1, 0..1, 0.9),
            (1..2, 1..1, 0.9),
            (2..3, 1..2, 0.9),
            (3..4, 2..2, 0.9),
            (4..5, 2..3, 0.9),
        ]);
        assert!(relink(&s, &t, &mut b, |_| true).is_empty());
    }

    #[test]
    fn figures_only_the_translation_has_count_against_a_pair() {
        let s = doc("The plant employs 300 people in Graz.", Language::EN);
        let t = doc(
            "Das Werk in Graz beschäftigt 300 Menschen, 120 davon seit 1998.",
            Language::DE,
        );
        // Graz and 300 shared, 120 and 1998 only in the translation.
        assert_eq!(agreement(&s, &t, 0, 0..1), 1.0);
    }

    #[test]
    fn a_japanese_quotation_agrees_by_its_figures_and_marks() {
        let s = doc(
            "\"After 47 years of diesel, 30 crossings a day will be silent,\" said the director.",
            Language::EN,
        );
        let t = doc(
            "「47年間ディーゼルで運航してきたが、1日30便が静かになる」と社長は述べた。",
            Language::from_code("ja").unwrap(),
        );
        // 47 and 30 shared, 1 (日, "a day") the translation's own, both quote.
        assert_eq!(agreement(&s, &t, 0, 0..1), 2.5);
    }
}
