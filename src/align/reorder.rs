//! Reordered content. The alignment is monotone, so a paragraph the
//! translation tells at another place comes out as an original paragraph
//! with no counterpart plus a translation paragraph with none. After the
//! monotone pass, each such pair is tried: the translation paragraph is put
//! back where the original's order wants it, in a window of neighbouring
//! paragraphs, and aligned again. When the aligner then links the two
//! paragraphs to each other, and only to each other, with confidence, the
//! content was moved, not lost and invented ([`moves`]). Two neighbouring
//! paragraphs that the monotone pass linked to each other's translation,
//! or of which it linked one and left the other without counterpart, are
//! read crosswise too, among their neighbours ([`uncross`]), and so are
//! neighbours whose links shifted a run beyond the two paragraphs, inside
//! a region the links close ([`unshift`]).

use std::ops::Range;

use super::{AlignOptions, Alignment, Side, align};

/// A paragraph of the original that the translation tells elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Move {
    /// The original's sentences.
    pub source: Range<usize>,
    /// The translation's sentences that tell them.
    pub target: Range<usize>,
}

/// Paragraphs on each side of a tried window: enough context for the
/// length model and for the aligner to anchor both ends.
const WINDOW: usize = 2;
/// Most pairs tried per document, nearest first: each try is one small
/// alignment, and a text with many gaps on both sides is no reordering but
/// a rewrite. Swapped neighbours are the first pair tried.
const MAX_TRIES: usize = 8;
/// Most (dropped × added) paragraph pairs considered: a text with this
/// many gaps on both sides is a rewrite, not a reordering (and the pairs
/// would take quadratic memory).
const MAX_PAIRS: usize = 40_000;
/// Least confidence of the links that join a moved pair in its window.
/// Calibrated with `eval-faults` (swapped adjacent paragraphs quiet on the
/// GNOME Help pages: 0.57 at 0.4, 0.64 at 0.2, 0.76 at 0.1, with planted
/// drop and addition recall unchanged) against a dropped paragraph next to
/// an unrelated added one (the test below), which the window joins at
/// confidences between 0.2 and 0.3: 0.3 keeps that apart.
const MIN_CONFIDENCE: f64 = 0.3;
/// Least confidence for a pair whose translation paragraph sits right
/// beside the counterpart of the original's neighbour, on the far side:
/// two neighbours told in the other order. A swap of two short steps with
/// no shared word and no dictionary links at 0.1–0.25 (the length agrees,
/// nothing else does); a dropped paragraph with an unrelated one added
/// just there would also have to agree in length (the tests below).
/// Calibrated with `eval-faults --max-articles 25`: swaps quiet in the real
/// pairs 0.611 at 0.3, 0.723 at 0.15, 0.762 at 0.1, 0.775 at 0.05, with
/// every planted drop and addition still found and `eval-real` unchanged;
/// 0.1 leaves some room to the length agreement alone.
const MIN_SWAP_CONFIDENCE: f64 = 0.1;

/// The moves among the unmatched paragraphs of a monotone alignment;
/// `eligible` says which translation paragraphs (by sentence range) may
/// have been moved (publisher furniture and repeats have no original).
pub fn moves(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    options: &AlignOptions,
    eligible: impl Fn(&Range<usize>) -> bool,
) -> Vec<Move> {
    let s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
    let t_link = link_of(alignment, target.sentences.len(), |l| &l.target);
    let unmatched = |side: &Side<'_>, link: &[usize], other: fn(&super::Link) -> bool| {
        (0..side.paragraphs.len())
            .filter(|&p| {
                let r = side.paragraphs[p].clone();
                !r.is_empty() && r.into_iter().all(|i| other(&alignment.links[link[i]]))
            })
            .collect::<Vec<usize>>()
    };
    let dropped = unmatched(source, &s_link, |l| l.target.is_empty());
    let added: Vec<usize> = unmatched(target, &t_link, |l| l.source.is_empty())
        .into_iter()
        .filter(|&q| eligible(&target.paragraphs[q]))
        .collect();
    if dropped.is_empty() || added.is_empty() || dropped.len() * added.len() > MAX_PAIRS {
        return Vec::new();
    }
    // A heading is told elsewhere as a heading, code as code: where kinds
    // are known, only pairs that a link may join cheaply are tried.
    let fits = |p: usize, q: usize| match (source.kinds.get(p), target.kinds.get(q)) {
        (Some(&a), Some(&b)) => super::cost::kind_distance(a, b) < 1.0,
        _ => true,
    };
    let mut pairs: Vec<(usize, usize)> = dropped
        .iter()
        .flat_map(|&p| added.iter().map(move |&q| (p, q)))
        .filter(|&(p, q)| fits(p, q))
        .collect();
    // Nearest first, by relative position in the two documents.
    let place = |p: usize, n: usize| p as f64 / n.max(1) as f64;
    pairs.sort_by(|a, b| {
        let d = |(p, q): (usize, usize)| {
            (place(p, source.paragraphs.len()) - place(q, target.paragraphs.len())).abs()
        };
        d(*a).total_cmp(&d(*b))
    });
    let mut out: Vec<Move> = Vec::new();
    let (mut s_taken, mut t_taken) = (Vec::new(), Vec::new());
    for (p, q) in pairs.into_iter().take(MAX_TRIES) {
        if s_taken.contains(&p) || t_taken.contains(&q) {
            continue;
        }
        let least = if swapped_with_neighbour(source, target, alignment, &s_link, p, q) {
            MIN_SWAP_CONFIDENCE
        } else {
            MIN_CONFIDENCE
        };
        if joined_in_window(source, target, alignment, &s_link, p, q, options, least) {
            s_taken.push(p);
            t_taken.push(q);
            out.push(Move {
                source: source.paragraphs[p].clone(),
                target: target.paragraphs[q].clone(),
            });
        }
    }
    out.sort_by_key(|m| m.source.start);
    out
}

/// Index of the link of each sentence of one side.
fn link_of(
    alignment: &Alignment,
    n: usize,
    side: impl Fn(&super::Link) -> &Range<usize>,
) -> Vec<usize> {
    let mut out = vec![0; n];
    for (k, l) in alignment.links.iter().enumerate() {
        for i in side(l).clone() {
            if let Some(slot) = out.get_mut(i) {
                *slot = k;
            }
        }
    }
    out
}

/// The translation sentences the links of the original's `paragraphs`
/// reach, in link order (a merged link once per sentence of it).
fn linked_targets(
    alignment: &Alignment,
    s_link: &[usize],
    paragraphs: impl Iterator<Item = Range<usize>>,
) -> Vec<usize> {
    paragraphs
        .flatten()
        .flat_map(|i| alignment.links[s_link[i]].target.clone())
        .collect()
}

/// Whether translation paragraph `q` stands right after the counterpart
/// of original paragraph `p + 1`, or right before that of `p - 1`: where
/// `p`'s translation would be had the translator told the two neighbours
/// in the other order.
fn swapped_with_neighbour(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    p: usize,
    q: usize,
) -> bool {
    let t_paragraph = |j: usize| target.paragraphs.partition_point(|r| r.end <= j);
    // The translation paragraphs of original paragraph `pp`'s links.
    let counterpart = |pp: usize| -> Option<(usize, usize)> {
        let paragraphs = source.paragraphs.get(pp..pp + 1)?;
        let targets = linked_targets(alignment, s_link, paragraphs.iter().cloned());
        Some((
            t_paragraph(*targets.iter().min()?),
            t_paragraph(*targets.iter().max()?),
        ))
    };
    let after_next = counterpart(p + 1).is_some_and(|(_, last)| q == last + 1);
    let before_previous = p
        .checked_sub(1)
        .and_then(counterpart)
        .is_some_and(|(first, _)| first.checked_sub(1) == Some(q));
    after_next || before_previous
}

/// Whether original paragraph `p` and translation paragraph `q` are linked
/// to each other, with at least `least` confidence on average
/// ([`joins_pair`]), when `q` is
/// put where the original's order wants it, in a window of `WINDOW`
/// original paragraphs around `p` and their counterparts.
#[allow(clippy::too_many_arguments)]
fn joined_in_window(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    p: usize,
    q: usize,
    options: &AlignOptions,
    least: f64,
) -> bool {
    let lo = p.saturating_sub(WINDOW);
    let hi = (p + WINDOW + 1).min(source.paragraphs.len());
    // The translation sentences the window's other paragraphs are linked
    // to, in order, with `q`'s sentences put at `p`'s place.
    let counterparts = |range: Range<usize>| -> Vec<usize> {
        let paragraphs = source.paragraphs[range].iter().cloned();
        let mut v = linked_targets(alignment, s_link, paragraphs);
        v.retain(|j| !target.paragraphs[q].contains(j));
        // A merged link is reached from each of its sentences.
        v.sort_unstable();
        v.dedup();
        v
    };
    let before = counterparts(lo..p);
    let after = counterparts(p + 1..hi);
    let moved: Vec<usize> = target.paragraphs[q].clone().collect();
    let order: Vec<usize> = before.iter().chain(&moved).chain(&after).copied().collect();
    // Paragraph breaks of the window: each original paragraph's
    // counterpart run, as in the document.
    let t_paragraph = |j: usize| target.paragraphs.partition_point(|r| r.end <= j);
    let mut t_paragraphs: Vec<Range<usize>> = Vec::new();
    let mut t_kinds = Vec::new();
    for (n, &j) in order.iter().enumerate() {
        let starts = n == 0 || n == before.len() || n == before.len() + moved.len() || {
            t_paragraph(j) != t_paragraph(order[n - 1])
        };
        match t_paragraphs.last_mut() {
            Some(r) if !starts => r.end = n + 1,
            _ => {
                t_paragraphs.push(n..n + 1);
                t_kinds.extend(target.kinds.get(t_paragraph(j)).copied());
            }
        }
    }
    // Kinds only where every paragraph has one (none for presegmented text).
    if t_kinds.len() != t_paragraphs.len() {
        t_kinds.clear();
    }
    let s_first = source.paragraphs[lo].start;
    let window_source = window(source, &(lo..hi).collect::<Vec<_>>());
    let window_target = Side {
        sentences: order.iter().map(|&j| target.sentences[j]).collect(),
        paragraphs: t_paragraphs,
        kinds: t_kinds,
        language: target.language,
    };
    let local = align(&window_source, &window_target, options);
    let p_range = {
        let r = &source.paragraphs[p];
        r.start - s_first..r.end - s_first
    };
    let q_range = before.len()..before.len() + moved.len();
    let touching: Vec<&super::Link> = local
        .links
        .iter()
        .filter(|l| {
            l.source.clone().any(|i| p_range.contains(&i))
                || l.target.clone().any(|j| q_range.contains(&j))
        })
        .collect();
    joins_pair(&touching, &p_range, &q_range, least)
}

/// Whether the window's links `touching` the pair join original sentences
/// `p_range` and translation sentences `q_range` to each other, and only
/// to each other: every link has both sides, inside the pair, none far
/// below `least` confidence ([`WEAKEST_LINK`]), and `least` on average,
/// each link counted once per sentence it joins.
fn joins_pair(
    touching: &[&super::Link],
    p_range: &Range<usize>,
    q_range: &Range<usize>,
    least: f64,
) -> bool {
    !touching.is_empty()
        && touching.iter().all(|l| {
            !l.source.is_empty()
                && !l.target.is_empty()
                && l.source.clone().all(|i| p_range.contains(&i))
                && l.target.clone().all(|j| q_range.contains(&j))
                && l.confidence >= least * WEAKEST_LINK
        })
        && sentence_weighted_confidence(touching) >= least
}

/// Share of the least confidence ([`MIN_CONFIDENCE`], [`MIN_SWAP_CONFIDENCE`])
/// that a single link joining a moved pair may fall to, as long as the
/// pair's links reach the least confidence on average, each weighted by
/// its sentences. In a paragraph of several sentences linked one to one,
/// a merge of two short sentences without shared words links weakly
/// (0.087 in a GNOME Help swap without dictionaries, its neighbours
/// 0.24–0.97) although the paragraphs plainly belong together.
/// Calibrated with `eval-faults --max-articles 25`, with and without
/// dictionaries (docs/benchmarks.md): at 0.5 one more swap is quiet in each
/// section, but with dictionaries a planted added paragraph (dtm) and an
/// added sentence (GNOME de) were taken for moves; at 0.8 nothing is lost.
const WEAKEST_LINK: f64 = 0.8;

/// Mean confidence of `links`, each counted once per sentence it joins
/// (both sides), so that a long well-linked run outweighs one weak merge.
fn sentence_weighted_confidence(links: &[&super::Link]) -> f64 {
    let (sum, count) = links.iter().fold((0.0, 0usize), |(sum, count), l| {
        let n = l.source.len() + l.target.len();
        (sum + l.confidence * n as f64, count + n)
    });
    if count == 0 { 0.0 } else { sum / count as f64 }
}

/// Least gain for a crossed reading of a neighbouring pair to replace the
/// monotone one where it closes no gap: in mean link confidence, the pair
/// read on its own, or in [`linked_score`], read among its neighbours. The
/// monotone pass links swapped paragraphs of similar length to each
/// other's translation at low confidence (0.02–0.2 in the tests here);
/// read crosswise they link at 0.4 and more.
const MIN_CROSS_GAIN: f64 = 0.25;
/// Least gain in how well a neighbouring pair's sentences are linked
/// ([`linked_score`]), read among its neighbours, where the crossed reading
/// leaves fewer sentences alone than the monotone pass (which left one of
/// the pair, or part of it, without counterpart), its moved pair joined at
/// [`MIN_SWAP_CONFIDENCE`].
/// Calibrated with `eval-faults --max-articles 25 --no-dictionaries`
/// (docs/benchmarks.md, 2026-12-03 moves): without dictionaries a German
/// GNOME Help step and its translation link at 0.15–0.25, so a swap read
/// crosswise gains 0.09–0.12 there.
const MIN_LINKING_GAIN: f64 = 0.08;
/// Links of a neighbouring pair above this confidence are left alone: a
/// pair the aligner is sure of is not tried crosswise, nor a pair with a
/// gap whose one paragraph is linked this surely in its own place
/// ([`left_alone`]).
const SURE: f64 = 0.6;

/// Neighbouring paragraph pairs the monotone pass linked to each other's
/// translation (`P_a → Q_a`, `P_b → Q_b` where the translation tells them
/// in the other order), or linked one of them and left the other without
/// counterpart on both sides: when the two read crosswise with clearly
/// more confidence, one crossed pair becomes a move and the other stays
/// linked as read. The move is `P_a ↔ Q_b` (links: `P_a` unmatched,
/// `P_b → Q_a`, `Q_b` unmatched) when that pair links whole, else
/// `P_b ↔ Q_a`: a sentence the translation left out of one paragraph
/// stays an omission of the paragraph that is linked as read. Paragraphs
/// already in a move, and translation paragraphs that are not
/// `eligible` (publisher furniture, repeats), are left alone.
pub fn uncross(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &mut Alignment,
    options: &AlignOptions,
    figures: Figures<'_>,
    eligible: impl Fn(&Range<usize>) -> bool,
) -> Vec<Move> {
    let mut out = Vec::new();
    let mut s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
    let ratio = length_ratio(source, target);
    let mut a = 0;
    while a + 1 < source.paragraphs.len() {
        let Some(pair) = neighbour_pair(source, target, alignment, &s_link, a) else {
            a += 1;
            continue;
        };
        let (pa, pb) = (
            source.paragraphs[a].clone(),
            source.paragraphs[a + 1].clone(),
        );
        let (qa, qb) = (
            target.paragraphs[pair.first].clone(),
            target.paragraphs[pair.second].clone(),
        );
        let taken = in_a_move(&alignment.moves, &[&pa, &pb], &[&qa, &qb]);
        if taken || !eligible(&qa) || !eligible(&qb) {
            a += 1;
            continue;
        }
        let span = pair.links.clone();
        let monotone = &alignment.links[span.clone()];
        // Lengths that agree far better crosswise are tried even where the
        // monotone links look sure: a wrong link can look sure.
        let said = crossed_figures(figures, [&pa, &pb], [&qa, &qb]);
        let told = said == CrossedFigures::Agree;
        let left = left_alone(monotone, [&pa, &pb], [&qa, &qb]);
        let shaped = shaped_crosswise(source, target, ratio, a, &pair, said, !left);
        if left && shaped.is_none() {
            a += 1;
            continue;
        }
        let reading = Reading {
            shaped,
            left_alone: left,
            figures: told,
            ratio,
        };
        let Some((moved, local)) =
            read_crosswise(source, target, monotone, a, &pair, options, reading)
        else {
            a += 1;
            continue;
        };
        let (links, found) = crossed_links(moved, &local, [pa, pb], [qa, qb]);
        out.push(found);
        alignment.links.splice(span, links);
        // The paragraphs beside the pair were linked under the wrong
        // order too.
        let seams = [
            (a.checked_sub(1), pair.first.checked_sub(1)),
            (Some(a + 2), Some(pair.second + 1)),
        ];
        for (p, q) in seams {
            if let (Some(p), Some(q)) = (p, q) {
                mend_seam(source, target, alignment, options, p, q);
            }
        }
        s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
        a += 2;
    }
    out
}

/// Least confidence of each link that joins a sentence the monotone pass
/// left alone beside a swap, for [`mend_seam`] to take it: the seam's
/// own reading must be sure of it, since a sentence the translation
/// dropped there may also be merged into a neighbour's link. Set to
/// [`SURE`], the confidence above which a pair is not tried crosswise.
const MEND_CONFIDENCE: f64 = SURE;

/// Original paragraph `p` and translation paragraph `q`, beside a pair
/// just read crosswise, aligned again on their own where the monotone
/// links join the two to each other and nothing else (a closed span)
/// and leave sentences alone: the monotone pass linked them under the
/// wrong order (a sentence of `p` merged with its neighbour in a faithful
/// reading is left alone when the swapped paragraph after it took the
/// link). The new links are taken when they leave fewer sentences alone
/// and join each sentence the monotone links left alone with at least
/// [`MEND_CONFIDENCE`].
fn mend_seam(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &mut Alignment,
    options: &AlignOptions,
    p: usize,
    q: usize,
) {
    if p >= source.paragraphs.len() || q >= target.paragraphs.len() {
        return;
    }
    let (ps, qs) = (source.paragraphs[p].clone(), target.paragraphs[q].clone());
    if ps.is_empty() || qs.is_empty() {
        return;
    }
    let s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
    let t_link = link_of(alignment, target.sentences.len(), |l| &l.target);
    let Some(span) = closed_span(
        source,
        target,
        alignment,
        &s_link,
        &t_link,
        &(p..p + 1),
        &(q..q + 1),
    ) else {
        return;
    };
    let monotone = &alignment.links[span.clone()];
    let gaps = unlinked(monotone);
    if gaps == 0 {
        return;
    }
    let alone = |r: &Range<usize>, source_side: bool| {
        monotone.iter().any(|l| {
            let (own, other) = if source_side {
                (&l.source, &l.target)
            } else {
                (&l.target, &l.source)
            };
            other.is_empty() && overlaps(own, r)
        })
    };
    let links: Vec<super::Link> = align(&window(source, &[p]), &window(target, &[q]), options)
        .links
        .into_iter()
        .map(|l| super::Link {
            source: l.source.start + ps.start..l.source.end + ps.start,
            target: l.target.start + qs.start..l.target.end + qs.start,
            confidence: l.confidence,
            loose: l.loose,
        })
        .collect();
    let sure = links.iter().all(|l| {
        let joined = !l.source.is_empty() && !l.target.is_empty();
        let was_alone = alone(&l.source, true) || alone(&l.target, false);
        !joined || !was_alone || l.confidence >= MEND_CONFIDENCE
    });
    if sure && unlinked(&links) < gaps {
        alignment.links.splice(span, links);
    }
}

/// Neighbouring pair `pair` of original paragraphs `a` and `a + 1`, with
/// its `monotone` links, read crosswise: which crossed pair is moved, and
/// the crosswise links ([`pair_links`]), when the crossed reading is
/// clearly better than the one in order. Where the monotone pass left
/// sentences of the pair alone, the pair is read among [`CONTEXT`]
/// neighbours: when crosswise it links more of its sentences, with the
/// paragraphs' lengths agreeing as well as in order, a smaller gain
/// suffices ([`MIN_LINKING_GAIN`]) and the moved pair joins as a swap of
/// neighbours ([`MIN_SWAP_CONFIDENCE`]). Otherwise the pair must be
/// clearly surer crosswise ([`MIN_CROSS_GAIN`], its pairs joined at
/// [`MIN_CONFIDENCE`]), read among its neighbours or else on its own
/// (then every link at [`MIN_CONFIDENCE`]).
fn read_crosswise(
    source: &Side<'_>,
    target: &Side<'_>,
    monotone: &[super::Link],
    a: usize,
    pair: &NeighbourPair,
    options: &AlignOptions,
    reading: Reading,
) -> Option<(Crossed, Vec<super::Link>)> {
    let (pa, pb) = (&source.paragraphs[a], &source.paragraphs[a + 1]);
    let (qa, qb) = (
        &target.paragraphs[pair.first],
        &target.paragraphs[pair.second],
    );
    let read =
        |order: [usize; 2], context: usize| pair_links(source, target, a, order, context, options);
    let (in_order, crosswise) = ([pair.first, pair.second], [pair.second, pair.first]);
    let gaps = unlinked(monotone);
    let in_context = read(crosswise, CONTEXT);
    // The pair in order among its neighbours, aligned once: several
    // readings below weigh the crossed one against it.
    let in_order_context = std::cell::OnceCell::new();
    let ordered_in_context = || {
        in_order_context
            .get_or_init(|| read(in_order, CONTEXT))
            .clone()
    };
    if let Some(least_gain) = reading.shaped {
        let crossed = in_context.as_deref();
        let ordered = ordered_in_context;
        let merge_gain = reading.figures.then_some(MERGED_GAIN);
        let found = crossed_by_shape(crossed, pa.len(), qb.len(), least_gain, merge_gain, ordered);
        if let Some(found) = found {
            return Some((found, in_context?));
        }
        if reading.figures {
            let fits = |moved: Crossed| {
                let (p, q) = match moved {
                    Crossed::First => (pa, qb),
                    Crossed::Second => (pb, qa),
                };
                block_gap(source, target, reading.ratio, p, q) <= MOVED_BLOCK_FIT
            };
            let ordered = ordered_in_context;
            let found = crossed_as_block(crossed, pa.len(), qb.len(), least_gain, fits, ordered);
            if let Some(found) = found {
                return Some((found, in_context?));
            }
        }
    }
    if reading.left_alone {
        return None;
    }
    let ratio = reading.ratio;
    if let Some(local) = &in_context {
        let fits = gaps > 0
            && unlinked(local) < gaps
            && length_gap(source, target, ratio, [pa, pb], [qb, qa])
                <= length_gap(source, target, ratio, [pa, pb], [qa, qb]);
        let moved = crossed_move(local, pa.len(), qb.len(), MIN_SWAP_CONFIDENCE).filter(|_| fits);
        // The reading in order only where the crossed one qualifies.
        if let Some(moved) = moved {
            if let Some(ordered) = ordered_in_context() {
                if linked_score(local) >= linked_score(&ordered) + MIN_LINKING_GAIN {
                    return Some((moved, local.clone()));
                }
            }
        }
    }
    // Clearly surer crosswise: among the neighbours, or on its own.
    for context in [CONTEXT, 0] {
        let crossed = if context == CONTEXT {
            in_context.clone()
        } else {
            read(crosswise, context)
        };
        let Some(local) = crossed else {
            continue;
        };
        let sure = local.iter().all(|l| {
            !l.source.is_empty() && !l.target.is_empty() && l.confidence >= MIN_CONFIDENCE
        });
        if context == 0 && !sure {
            continue;
        }
        let Some(moved) = crossed_move(&local, pa.len(), qb.len(), MIN_CONFIDENCE) else {
            continue;
        };
        let ordered = if context == CONTEXT {
            ordered_in_context()
        } else {
            read(in_order, context)
        };
        let Some(ordered) = ordered else {
            continue;
        };
        let gain = if context == 0 {
            // On its own the pair has no sentence alone (every link sure).
            sure && mean_confidence(&local) >= mean_confidence(&ordered) + MIN_CROSS_GAIN
        } else {
            linked_score(&local) >= linked_score(&ordered) + MIN_CROSS_GAIN
        };
        if gain {
            return Some((moved, local));
        }
    }
    None
}

/// How a neighbouring pair is read crosswise ([`read_crosswise`]).
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// Where the paragraphs' shapes agree far better crosswise than in
    /// order ([`shaped_crosswise`]): the least gain in [`linked_score`]
    /// the crossed reading then needs ([`crossed_by_shape`]).
    shaped: Option<f64>,
    /// The monotone links would be left alone ([`left_alone`]): only the
    /// shapes can have the pair read crosswise.
    left_alone: bool,
    /// The pair's figures agree crosswise and not in order
    /// ([`figures_agree_crosswise`]): a merge in the pair that stays
    /// linked may then stand on a clear gain ([`crossed_by_shape`]).
    figures: bool,
    /// The document's ratio of lengths ([`length_ratio`]).
    ratio: f64,
}

/// Least gain in how well the lengths of a neighbouring pair agree
/// ([`length_gap`], a sum of two absolute log ratios) for the pair to be
/// read crosswise whatever its monotone links' confidence: the aligner
/// can link a swapped paragraph's sentences one by one to its neighbour's
/// translation with high confidence (0.87 for a German GNOME Help step
/// sharing only "automatisch" without dictionaries), but lengths that fit
/// so much better crosswise rarely happen by chance. Calibrated on the
/// neighbouring pairs of `eval-real` (9,398 pairs of faithful GNOME Help
/// pages without dictionaries): 6 gain 0.5 or more, and none of them reads
/// crosswise as [`crossed_by_shape`] asks (with dictionaries one did, a
/// title and the heading below it, until the kinds had to agree); at 0.3,
/// 6 faithful pairs (7 with dictionaries) would be read crosswise. Of the
/// swaps that `eval-faults --max-articles 25` left loud, 26 (20 with
/// dictionaries) gain 0.5 or more.
const MIN_LENGTH_GAIN: f64 = 0.5;

/// Most that a neighbouring pair whose sentence counts agree crosswise
/// and not in order ([`shaped_crosswise`]) may lose in [`linked_score`]
/// when read crosswise. Two paragraphs of two and three sentences told as
/// three and two seldom happen in a faithful translation (never among the
/// 9,398 neighbouring pairs of `eval-real`, with or without dictionaries,
/// read crosswise one to one), and the monotone pass can link the
/// sentences of a swapped pair one by one at confidences as high as the
/// right reading's. Calibrated with `eval-faults --max-articles 25` on the
/// GNOME Help swaps still loud (logged readings): at 0.05 five more
/// qualify than at 0 (in both modes; one Spanish page reads 0.74 crosswise
/// against 0.78 in order), none more at 0.1.
const COUNTS_SLACK: f64 = 0.05;

/// Where original paragraphs `a` and `a + 1` and translation paragraphs
/// `pair` agree in kind crosswise ([`kinds_agree_crosswise`]) and in
/// shape far better crosswise than in order, the least gain in
/// [`linked_score`] the crossed reading needs: `-COUNTS_SLACK` where
/// their sentence counts agree crosswise and not in order, 0 where their
/// lengths do ([`MIN_LENGTH_GAIN`]) or, as `figures` says, their
/// figures ([`figures_agree_crosswise`]); [`MIN_LINKING_GAIN`] where their
/// lengths only fit better crosswise than in order ([`MIN_FIT_GAIN`]),
/// and within [`CROSSED_LENGTH_FIT`], where the monotone links are
/// `unsure` ([`left_alone`] would not keep them) and no crossed pair's
/// figures disagree (a number changed in one of two paragraphs of like
/// length is no swap); else None.
fn shaped_crosswise(
    source: &Side<'_>,
    target: &Side<'_>,
    ratio: f64,
    a: usize,
    pair: &NeighbourPair,
    figures: CrossedFigures,
    unsure: bool,
) -> Option<f64> {
    if !kinds_agree_crosswise(source, target, a, pair) {
        return None;
    }
    let p = [&source.paragraphs[a], &source.paragraphs[a + 1]];
    let q = [
        &target.paragraphs[pair.first],
        &target.paragraphs[pair.second],
    ];
    let (na, nb, ma, mb) = (p[0].len(), p[1].len(), q[0].len(), q[1].len());
    let in_order = length_gap(source, target, ratio, p, q);
    let crossed = length_gap(source, target, ratio, p, [q[1], q[0]]);
    if na == mb && nb == ma && na != nb && crossed < in_order && crossed <= CROSSED_LENGTH_FIT {
        return Some(-COUNTS_SLACK);
    }
    if figures == CrossedFigures::Agree || in_order - crossed >= MIN_LENGTH_GAIN {
        return Some(0.0);
    }
    let fits = in_order - crossed >= MIN_FIT_GAIN && crossed <= CROSSED_LENGTH_FIT;
    let several = [na, nb, ma, mb].iter().all(|&n| n >= MIN_FIT_SENTENCES);
    (unsure && fits && several && figures == CrossedFigures::Silent).then_some(MIN_LINKING_GAIN)
}

/// Fewest sentences in each paragraph of a pair read crosswise on its
/// lengths' fit alone ([`MIN_FIT_GAIN`]): a paragraph of one sentence
/// links one to one either way, so the crossed reading's links say
/// little. Faithful GNOME Help pages without dictionaries (`eval-real
/// --no-dictionaries`) had three pairs of one-sentence paragraphs read so
/// (a `moved` info each); the 1984-hu-en swap it is for has three
/// sentences a paragraph.
const MIN_FIT_SENTENCES: usize = 2;

/// Least gain in how well the lengths of a neighbouring pair agree
/// ([`length_gap`]) for a pair the monotone pass links unsurely to be
/// read crosswise on [`MIN_LINKING_GAIN`] alone ([`shaped_crosswise`]).
/// A swap of two three-sentence paragraphs of 1984-hu-en without
/// dictionaries gains 0.15 (linked 0.42 crosswise, 0.23 in order); two
/// one-sentence paragraphs tie to the last digit, so some gain is asked.
/// Calibrated with `eval-faults --max-articles 25` and `eval-real`, with
/// and without dictionaries (docs/benchmarks.md, "Swaps, thirteenth
/// session").
const MIN_FIT_GAIN: f64 = 0.1;

/// Most that the lengths of a neighbouring pair read crosswise may stray
/// ([`length_gap`]) for its sentence counts to count ([`COUNTS_SLACK`]).
/// The GNOME Help swaps read so stray 0.03–0.43; a planted dropped
/// sentence (GNOME de, `shell-apps-auto-start`) beside a paragraph the
/// translator told in two sentences agreed in counts crosswise by chance,
/// its lengths straying 0.97 crosswise and 1.07 in order.
const CROSSED_LENGTH_FIT: f64 = 0.5;

/// Whether original paragraphs `a` and `a + 1` have the block kinds of
/// translation paragraphs `pair.second` and `pair.first`, as a swap of
/// the two would (true where a side's kinds are unknown). A heading's
/// length says little: a title and the heading below it, read crosswise
/// on lengths alone, were taken for a swap on a faithful GNOME Help page.
fn kinds_agree_crosswise(
    source: &Side<'_>,
    target: &Side<'_>,
    a: usize,
    pair: &NeighbourPair,
) -> bool {
    let known = |side: &Side<'_>| side.kinds.len() == side.paragraphs.len();
    if !known(source) || !known(target) {
        return true;
    }
    source.kinds[a] == target.kinds[pair.second] && source.kinds[a + 1] == target.kinds[pair.first]
}

/// Whether the figures of original sentences and translation sentences
/// agree: every figure of each side found on the other; None where
/// neither side holds a figure. The check answers it from the sentence
/// facts it read once ([`crate::facts`]); the aligner itself reads no
/// figures.
pub type Figures<'f> = &'f dyn Fn(&Range<usize>, &Range<usize>) -> Option<bool>;

/// What the figures of a neighbouring pair say of reading it crosswise
/// ([`crossed_figures`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CrossedFigures {
    /// They agree crosswise and not in order ([`figures_agree_crosswise`]).
    Agree,
    /// A crossed pair's figures disagree.
    Disagree,
    /// Neither.
    Silent,
}

/// What the figures of original paragraphs `p` and translation
/// paragraphs `q` say of reading them crosswise.
fn crossed_figures(
    figures: Figures<'_>,
    p: [&Range<usize>; 2],
    q: [&Range<usize>; 2],
) -> CrossedFigures {
    if figures_agree_crosswise(figures, p, q) {
        CrossedFigures::Agree
    } else if [figures(p[0], q[1]), figures(p[1], q[0])].contains(&Some(false)) {
        CrossedFigures::Disagree
    } else {
        CrossedFigures::Silent
    }
}

/// Whether the figures of original paragraphs `p` agree with those of
/// translation paragraphs `q` crosswise and not in order: no crossed pair
/// disagrees and one agrees, while a pair in order disagrees. Figures
/// seldom agree crosswise by chance (two news paragraphs, each with its
/// sum and its year, told in the other order), so this is evidence for a
/// swap as strong as lengths that fit far better crosswise.
fn figures_agree_crosswise(
    figures: Figures<'_>,
    p: [&Range<usize>; 2],
    q: [&Range<usize>; 2],
) -> bool {
    let crossed = [figures(p[0], q[1]), figures(p[1], q[0])];
    let in_order = [figures(p[0], q[0]), figures(p[1], q[1])];
    !crossed.contains(&Some(false))
        && crossed.contains(&Some(true))
        && in_order.contains(&Some(false))
}

/// The crossed pair to move when a neighbouring pair whose shapes agree
/// far better crosswise ([`shaped_crosswise`]) is read so (`crossed`,
/// among its neighbours): every sentence linked, the moved pair one to
/// one and joined as a swap of neighbours ([`linked_whole`]), and its
/// sentences linked at least `least_gain` better than in the reading in
/// order ([`linked_score`]), read only then. The pair that stays linked
/// may have a merge only where the reading in order leaves sentences
/// alone on both sides ([`alone_on_both_sides`]), or, where `merge_gain`
/// is given (the figures agree crosswise), on that much more gain: a
/// sentence dropped from or added to one of the pair hides in a merge of
/// the crossed reading, and three planted faults of `eval-faults
/// --max-articles 25` (GNOME de, es, it) were lost so when every merge
/// stood.
fn crossed_by_shape(
    crossed: Option<&[super::Link]>,
    na: usize,
    mb: usize,
    least_gain: f64,
    merge_gain: Option<f64>,
    in_order: impl FnOnce() -> Option<Vec<super::Link>>,
) -> Option<Crossed> {
    let crossed = crossed?;
    let (moved, merged) = linked_whole(crossed, na, mb, merge_gain.is_some())?;
    let ordered = in_order()?;
    // A merge stands where the order leaves sentences alone on both
    // sides, or, where `merge_gain` allows, the crossed reading is clearly
    // better.
    let least_gain = match merge_gain {
        _ if !merged || alone_on_both_sides(&ordered) => least_gain,
        Some(gain) => least_gain.max(0.0) + gain,
        None => return None,
    };
    (linked_score(crossed) >= linked_score(&ordered) + least_gain).then_some(moved)
}

/// Largest length gap ([`block_gap`]) of a moved paragraph whose
/// sentences the crosswise reading does not join one to one
/// ([`crossed_as_block`]). A translator who tells a paragraph's sentences
/// in another order leaves one alone in any reading in order, so such a
/// paragraph is taken whole where its length fits its counterpart's as
/// closely as a faithful paragraph's does: a dropped or added sentence
/// moves a paragraph's length by a fifth or more. The en-es olive-oil
/// pair's reordered paragraph, swapped with its neighbour, strays 0.01.
const MOVED_BLOCK_FIT: f64 = 0.15;

/// How far the length of translation sentences `q` strays from that of
/// original sentences `p` under the document's `ratio` of lengths, as an
/// absolute log ratio.
fn block_gap(
    source: &Side<'_>,
    target: &Side<'_>,
    ratio: f64,
    p: &Range<usize>,
    q: &Range<usize>,
) -> f64 {
    (chars(target, q.clone()).max(1.0) / (chars(source, p.clone()) * ratio).max(1.0))
        .ln()
        .abs()
}

/// The crossed pair to move when a neighbouring pair whose figures agree
/// crosswise and not in order is read so (`crossed`, among its
/// neighbours) and the moved pair's sentences are not joined one to one,
/// as [`crossed_by_shape`] asks, but the pair holds together as a block:
/// no link joins it with the other crossed pair, one of its links joins
/// it at [`MIN_SWAP_CONFIDENCE`], and its lengths `fit`
/// ([`MOVED_BLOCK_FIT`]). The pair that stays linked must be joined one
/// to one, and the crossed reading must link the sentences better than
/// the reading in order by `least_gain` and [`MERGED_GAIN`].
fn crossed_as_block(
    crossed: Option<&[super::Link]>,
    na: usize,
    mb: usize,
    least_gain: f64,
    fits: impl Fn(Crossed) -> bool,
    in_order: impl FnOnce() -> Option<Vec<super::Link>>,
) -> Option<Crossed> {
    let crossed = crossed?;
    if !apart(crossed, na, mb) {
        return None;
    }
    let joined = |l: &&super::Link| !l.source.is_empty() && !l.target.is_empty();
    let moved = [Crossed::First, Crossed::Second]
        .into_iter()
        .find(|&moved| {
            let first = moved == Crossed::First;
            let (own, other): (Vec<&super::Link>, Vec<&super::Link>) =
                crossed.iter().partition(|l| in_first(l, na, mb) == first);
            let held = own
                .iter()
                .any(|l| joined(l) && l.confidence >= MIN_SWAP_CONFIDENCE);
            let stays = !other.is_empty()
                && other
                    .iter()
                    .all(|l| l.source.len() == 1 && l.target.len() == 1)
                && sentence_weighted_confidence(&other) >= MIN_SWAP_CONFIDENCE;
            held && stays && fits(moved)
        })?;
    let ordered = in_order()?;
    let least_gain = least_gain.max(0.0) + MERGED_GAIN;
    (linked_score(crossed) >= linked_score(&ordered) + least_gain).then_some(moved)
}

/// Whether no link of a crosswise window's `links` joins its two crossed
/// pairs (`P_a` of `na` sentences with `Q_b` of `mb`, and the rest).
fn apart(links: &[super::Link], na: usize, mb: usize) -> bool {
    links.iter().all(|l| {
        let s_first = l.source.end <= na;
        let t_first = l.target.end <= mb;
        let s_whole = l.source.is_empty() || s_first || l.source.start >= na;
        let t_whole = l.target.is_empty() || t_first || l.target.start >= mb;
        s_whole && t_whole && (l.source.is_empty() || l.target.is_empty() || s_first == t_first)
    })
}

/// The crossed pair to move ([`crossed_move`], joined as a swap of
/// neighbours) when a crosswise window's `links` join every sentence, the
/// moved pair's one to one; and whether the pair that stays linked has a
/// merge (a link of several sentences on a side). A translator who tells
/// one long sentence as two does so in a swapped paragraph too (textberg's
/// swaps); whether a merge may stand is the caller's to judge
/// ([`alone_on_both_sides`]), as a dropped or added sentence hides in one.
/// Only where `either` (the figures agree crosswise) may the second
/// crossed pair be the move when the first has a merge: otherwise a
/// sentence added beside a paragraph's own (dtm-hu-en, `eval-faults
/// --max-articles 25 --no-dictionaries`) was merged into the pair that
/// stays linked, and its neighbour taken for a move.
fn linked_whole(
    links: &[super::Link],
    na: usize,
    mb: usize,
    either: bool,
) -> Option<(Crossed, bool)> {
    if links
        .iter()
        .any(|l| l.source.is_empty() || l.target.is_empty())
    {
        return None;
    }
    let one_to_one = |first: bool| {
        links
            .iter()
            .filter(|l| in_first(l, na, mb) == first)
            .all(|l| l.source.len() == 1 && l.target.len() == 1)
    };
    let moves = crossed_moves(links, na, mb, MIN_SWAP_CONFIDENCE);
    let tried = if either { moves.len() } else { 1 };
    moves
        .into_iter()
        .take(tried)
        .map(|moved| (moved, moved == Crossed::First))
        .find(|&(_, first)| one_to_one(first))
        .map(|(moved, first)| (moved, !one_to_one(!first)))
}

/// Whether `links` leave sentences alone on both sides: an original
/// sentence and a translation sentence each without counterpart, as a swap
/// read in order does (each paragraph's translation stands where the other
/// is). A dropped sentence leaves the original's alone, an added one the
/// translation's, not both: where the reading in order does so, a merge
/// of the crossed reading may stand.
fn alone_on_both_sides(links: &[super::Link]) -> bool {
    let alone = |source: bool| {
        links.iter().any(|l| {
            let (own, other) = if source {
                (&l.source, &l.target)
            } else {
                (&l.target, &l.source)
            };
            !own.is_empty() && other.is_empty()
        })
    };
    alone(true) && alone(false)
}

/// Whether the monotone `links` of original paragraphs `p` and their
/// translations `q` are left as they are, untried crosswise. Only links
/// count: a sentence left alone beside them has a high confidence of its
/// own (nothing near matches it), which says nothing of how sure the links
/// are. A pair the aligner links whole and surely is left alone; so is a
/// pair with a sentence left alone where one paragraph is linked whole and
/// surely to the translation paragraph in its own place (a sentence
/// dropped from the other is no reordering).
fn left_alone(links: &[super::Link], p: [&Range<usize>; 2], q: [&Range<usize>; 2]) -> bool {
    let linked: Vec<super::Link> = links
        .iter()
        .filter(|l| !l.source.is_empty() && !l.target.is_empty())
        .cloned()
        .collect();
    let gaps = linked.len() < links.len();
    let sure_in_order = |p: &Range<usize>, q: &Range<usize>| {
        let own: Vec<super::Link> = links
            .iter()
            .filter(|l| overlaps(&l.source, p) || overlaps(&l.target, q))
            .cloned()
            .collect();
        own.iter().all(|l| {
            !l.source.is_empty()
                && !l.target.is_empty()
                && l.source.start >= p.start
                && l.source.end <= p.end
                && l.target.start >= q.start
                && l.target.end <= q.end
        }) && mean_confidence(&own) > SURE
    };
    if !gaps {
        return mean_confidence(&linked) > SURE;
    }
    sure_in_order(p[0], q[0]) || sure_in_order(p[1], q[1])
}

/// The monotone links that replace a neighbouring pair's (original
/// paragraphs `p`, their translations `q` in document order) once read
/// crosswise as `local` ([`pair_links`] with `q` reversed), and the move.
/// For [`Crossed::First`]: `P_a` unmatched, `P_b → Q_a` as read, `Q_b`
/// unmatched; for [`Crossed::Second`]: `Q_a` unmatched, `P_a → Q_b` as
/// read, `P_b` unmatched.
fn crossed_links(
    moved: Crossed,
    local: &[super::Link],
    [pa, pb]: [Range<usize>; 2],
    [qa, qb]: [Range<usize>; 2],
) -> (Vec<super::Link>, Move) {
    let (na, mb) = (pa.len(), qb.len());
    match moved {
        Crossed::First => {
            let mut links = skips_of(pa.clone(), qa.start, true);
            links.extend(
                local
                    .iter()
                    .filter(|l| !in_first(l, na, mb))
                    .map(|l| super::Link {
                        source: shift(&l.source, na, pb.start, pb.end),
                        target: shift(&l.target, mb, qa.start, qa.end),
                        confidence: l.confidence,
                        loose: l.loose,
                    }),
            );
            links.extend(skips_of(qb.clone(), pb.end, false));
            (
                links,
                Move {
                    source: pa,
                    target: qb,
                },
            )
        }
        Crossed::Second => {
            let mut links = skips_of(qa.clone(), pa.start, false);
            links.extend(
                local
                    .iter()
                    .filter(|l| in_first(l, na, mb))
                    .map(|l| super::Link {
                        source: shift(&l.source, 0, pa.start, pa.end),
                        target: shift(&l.target, 0, qb.start, qb.end),
                        confidence: l.confidence,
                        loose: l.loose,
                    }),
            );
            links.extend(skips_of(pb.clone(), qb.end, true));
            (
                links,
                Move {
                    source: pb,
                    target: qa,
                },
            )
        }
    }
}

/// Paragraphs of context on each side of a neighbouring pair read in
/// order and crosswise: the aligner measures how similar sentences are
/// against the text around them, and on the pair alone any shared word
/// looks telling.
const CONTEXT: usize = 2;

/// The links of original paragraphs `a` and `a + 1` when aligned with
/// translation paragraphs `order` (in that order), among `context`
/// paragraphs of their neighbours on each side; indices count from the
/// pair's first sentence on each side. None when a link joins the pair
/// with a neighbour.
fn pair_links(
    source: &Side<'_>,
    target: &Side<'_>,
    a: usize,
    order: [usize; 2],
    context: usize,
    options: &AlignOptions,
) -> Option<Vec<super::Link>> {
    let (first, second) = (order[0].min(order[1]), order[0].max(order[1]));
    let s_paragraphs: Vec<usize> =
        (a.saturating_sub(context)..(a + 2 + context).min(source.paragraphs.len())).collect();
    let t_before: Vec<usize> = (first.saturating_sub(context)..first).collect();
    let t_paragraphs: Vec<usize> = t_before
        .iter()
        .copied()
        .chain(order)
        .chain(second + 1..(second + 1 + context).min(target.paragraphs.len()))
        .collect();
    let length = |side: &Side<'_>, ps: &[usize]| -> usize {
        ps.iter().map(|&p| side.paragraphs[p].len()).sum()
    };
    let s_at = length(source, &s_paragraphs[..a - s_paragraphs[0]]);
    let t_at = length(target, &t_before);
    let s_pair = s_at..s_at + source.paragraphs[a].len() + source.paragraphs[a + 1].len();
    let t_pair = t_at..t_at + length(target, &order);
    let local = align(
        &window(source, &s_paragraphs),
        &window(target, &t_paragraphs),
        options,
    );
    let mut out = Vec::new();
    for l in local.links {
        let s_in = !l.source.is_empty() && overlaps(&l.source, &s_pair);
        let t_in = !l.target.is_empty() && overlaps(&l.target, &t_pair);
        if !s_in && !t_in {
            continue;
        }
        let within = |r: &Range<usize>, pair: &Range<usize>| {
            r.is_empty() || (r.start >= pair.start && r.end <= pair.end)
        };
        if !within(&l.source, &s_pair) || !within(&l.target, &t_pair) {
            return None;
        }
        let back = |r: &Range<usize>, pair: &Range<usize>| {
            let at = |i: usize| i.clamp(pair.start, pair.end) - pair.start;
            at(r.start)..at(r.end)
        };
        out.push(super::Link {
            source: back(&l.source, &s_pair),
            target: back(&l.target, &t_pair),
            confidence: l.confidence,
            loose: None,
        });
    }
    Some(out)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// One link per sentence of `sentences`, each without counterpart, at
/// position `at` of the other side (`source`: the sentences are the
/// original's).
fn skips_of(sentences: Range<usize>, at: usize, source: bool) -> Vec<super::Link> {
    sentences
        .map(|i| super::Link {
            source: if source { i..i + 1 } else { at..at },
            target: if source { at..at } else { i..i + 1 },
            confidence: 0.0,
            loose: None,
        })
        .collect()
}

/// A range of a window (whose part starts at `offset`) put back in the
/// document at `start`, within `..end`.
fn shift(r: &Range<usize>, offset: usize, start: usize, end: usize) -> Range<usize> {
    let at = |i: usize| (start + i.saturating_sub(offset)).min(end);
    at(r.start)..at(r.end)
}

/// Which crossed pair of a neighbouring pair read crosswise is the move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Crossed {
    /// `P_a ↔ Q_b`: the original's first paragraph and the translation's
    /// second.
    First,
    /// `P_b ↔ Q_a`.
    Second,
}

/// Whether link `l` of a crosswise window (original `P_a` of `na`
/// sentences then `P_b`; translation `Q_b` of `mb` sentences then `Q_a`)
/// lies in the first crossed pair, `P_a ↔ Q_b`.
fn in_first(l: &super::Link, na: usize, mb: usize) -> bool {
    if l.source.is_empty() {
        l.target.end <= mb
    } else {
        l.source.end <= na
    }
}

/// The crossed pair of a crosswise window's `links` that is a move: no
/// link joins the two crossed pairs, the moved pair's links join it with
/// `least` confidence ([`joins_pair`]), and the other pair's links, left
/// alone sentences aside, reach `least` on average too.
/// `P_a ↔ Q_b` first ([`Crossed::First`]).
fn crossed_move(links: &[super::Link], na: usize, mb: usize, least: f64) -> Option<Crossed> {
    crossed_moves(links, na, mb, least).first().copied()
}

/// Each crossed pair of a crosswise window's `links` that may be the move
/// ([`crossed_move`]), `P_a ↔ Q_b` first.
fn crossed_moves(links: &[super::Link], na: usize, mb: usize, least: f64) -> Vec<Crossed> {
    if !apart(links, na, mb) {
        return Vec::new();
    }
    // The sentences of the moved pair: `P_a ↔ Q_b` counts from 0 on both
    // sides; `P_b ↔ Q_a` from `na` and `mb`.
    let whole = |first: bool| {
        let part: Vec<&super::Link> = links
            .iter()
            .filter(|l| in_first(l, na, mb) == first)
            .collect();
        let end = |side: fn(&super::Link) -> &Range<usize>, from: usize| {
            links
                .iter()
                .map(|l| side(l).end)
                .max()
                .unwrap_or(0)
                .max(from)
        };
        let (p_range, q_range) = if first {
            (0..na, 0..mb)
        } else {
            (na..end(|l| &l.source, na), mb..end(|l| &l.target, mb))
        };
        joins_pair(&part, &p_range, &q_range, least)
    };
    // The other pair stays linked as read: its links, counted by their
    // sentences, join it as surely (a sentence left alone in it stays an
    // omission or an addition).
    let has_link = |first: bool| {
        let joined: Vec<&super::Link> = links
            .iter()
            .filter(|l| {
                in_first(l, na, mb) == first && !l.source.is_empty() && !l.target.is_empty()
            })
            .collect();
        !joined.is_empty() && sentence_weighted_confidence(&joined) >= least
    };
    let mut out = Vec::new();
    if whole(true) && has_link(false) {
        out.push(Crossed::First);
    }
    if whole(false) && has_link(true) {
        out.push(Crossed::Second);
    }
    out
}

/// Two neighbouring original paragraphs' counterparts: translation
/// paragraphs `first` and `second = first + 1`, and the run of `links`
/// that joins the four, which covers them and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NeighbourPair {
    first: usize,
    second: usize,
    links: Range<usize>,
}

/// The translation paragraphs (indices) that source paragraphs `a` and
/// `a + 1` are linked to, when each reaches exactly one, the two are
/// neighbours in order, and nothing else links to them; or else the two
/// they reach together ([`jointly_reached`]).
fn neighbour_pair(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    a: usize,
) -> Option<NeighbourPair> {
    let reach = |p: &Range<usize>| -> Option<usize> {
        let mut lo = usize::MAX;
        let mut hi = 0;
        for k in s_link[p.start]..=s_link[p.end - 1] {
            let l = &alignment.links[k];
            if l.source.is_empty() {
                continue;
            }
            if l.source.start < p.start || l.source.end > p.end || l.target.is_empty() {
                return None;
            }
            lo = lo.min(l.target.start);
            hi = hi.max(l.target.end);
        }
        let q = target.paragraphs.partition_point(|r| r.start < lo);
        target
            .paragraphs
            .get(q)
            .is_some_and(|r| r.start == lo && r.end == hi)
            .then_some(q)
    };
    let (pa, pb) = (&source.paragraphs[a], &source.paragraphs[a + 1]);
    if pa.is_empty() || pb.is_empty() {
        return None;
    }
    let each = reach(pa).zip(reach(pb));
    match each {
        Some((qa, qb)) => (qa + 1 == qb).then(|| NeighbourPair {
            first: qa,
            second: qb,
            links: s_link[pa.start]..s_link[pb.end - 1] + 1,
        }),
        None => jointly_reached(source, target, alignment, s_link, a),
    }
}

/// The translation paragraphs `q` and `q + 1` that the links of source
/// paragraphs `a` and `a + 1` reach together, when those links cover the
/// two translation paragraphs exactly and nothing outside `a` and `a + 1`:
/// two neighbours the monotone pass linked crosswise sentence by sentence
/// (a sentence of one linked into the other, a sentence left over on
/// each side), not paragraph by paragraph. Translation sentences left
/// without counterpart right before or after those links count with them
/// where the links alone do not cover two paragraphs: the translation of
/// one of the two, told first, that the monotone pass could not link.
fn jointly_reached(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    a: usize,
) -> Option<NeighbourPair> {
    let (pa, pb) = (&source.paragraphs[a], &source.paragraphs[a + 1]);
    if pa.is_empty() || pb.is_empty() {
        return None;
    }
    let links = s_link[pa.start]..s_link[pb.end - 1] + 1;
    let inside = |l: &super::Link| {
        l.source.is_empty() || (l.source.start >= pa.start && l.source.end <= pb.end)
    };
    if !alignment.links[links.clone()].iter().all(inside) {
        return None;
    }
    let covering = |links: Range<usize>| -> Option<NeighbourPair> {
        let targets = alignment.links[links.clone()]
            .iter()
            .filter(|l| !l.target.is_empty());
        let lo = targets.clone().map(|l| l.target.start).min()?;
        let hi = targets.map(|l| l.target.end).max()?;
        let q = target.paragraphs.partition_point(|r| r.start < lo);
        let (qa, qb) = (target.paragraphs.get(q)?, target.paragraphs.get(q + 1)?);
        (qa.start == lo && qb.end == hi).then_some(NeighbourPair {
            first: q,
            second: q + 1,
            links,
        })
    };
    covering(links.clone()).or_else(|| {
        let alone = |k: usize| alignment.links[k].source.is_empty();
        let mut wider = links;
        while wider.start > 0 && alone(wider.start - 1) {
            wider.start -= 1;
        }
        while wider.end < alignment.links.len() && alone(wider.end) {
            wider.end += 1;
        }
        covering(wider)
    })
}

fn mean_confidence(links: &[super::Link]) -> f64 {
    if links.is_empty() {
        return 0.0;
    }
    links.iter().map(|l| l.confidence).sum::<f64>() / links.len() as f64
}

/// Characters of sentences `r` of `side`, where a Chinese or Japanese
/// character weighs three and a Korean syllable two, as in the aligner's
/// length ([`crate::text::length`]): a paragraph mixing scripts (a UI
/// label in Latin letters inside Japanese) is measured as the aligner
/// measures it. Spaces count, unlike there: the thresholds that read these
/// lengths were calibrated so (on tokenised text the two differ).
fn chars(side: &Side<'_>, r: Range<usize>) -> f64 {
    let weight = |c: char| {
        if crate::text::hangul(c) {
            2
        } else if crate::text::cjk(c) {
            3
        } else {
            1
        }
    };
    // ASCII runs weigh a byte each and are counted at a glance.
    side.sentences[r]
        .iter()
        .map(|s| crate::text::weigh(s, <[u8]>::len, weight))
        .sum::<usize>() as f64
}

/// The document's ratio of lengths: translation characters per original
/// character.
fn length_ratio(source: &Side<'_>, target: &Side<'_>) -> f64 {
    chars(target, 0..target.sentences.len()) / chars(source, 0..source.sentences.len()).max(1.0)
}

/// How far the lengths of translation paragraphs `q` stray from those
/// of original paragraphs `p`, pair by pair, under the document's `ratio`
/// of lengths ([`length_ratio`]): the sum of absolute log ratios.
fn length_gap(
    source: &Side<'_>,
    target: &Side<'_>,
    ratio: f64,
    p: [&Range<usize>; 2],
    q: [&Range<usize>; 2],
) -> f64 {
    p.iter()
        .zip(q)
        .map(|(p, q)| {
            (chars(target, q.clone()).max(1.0) / (chars(source, (*p).clone()) * ratio).max(1.0))
                .ln()
                .abs()
        })
        .sum()
}

/// How many sentences `links` leave without counterpart.
fn unlinked(links: &[super::Link]) -> usize {
    links
        .iter()
        .filter(|l| l.source.is_empty() || l.target.is_empty())
        .map(|l| l.source.len() + l.target.len())
        .sum()
}

/// How well `links` join their sentences: the confidence of each link
/// with both sides, counted once per sentence it joins, over every
/// sentence (a sentence left alone counts nothing).
fn linked_score(links: &[super::Link]) -> f64 {
    let (sum, count) = links.iter().fold((0.0, 0usize), |(sum, count), l| {
        let n = l.source.len() + l.target.len();
        let joined = !l.source.is_empty() && !l.target.is_empty();
        (
            sum + if joined { l.confidence * n as f64 } else { 0.0 },
            count + n,
        )
    });
    if count == 0 { 0.0 } else { sum / count as f64 }
}

/// A side made of some paragraphs of `side` (by index), in the order
/// given.
fn window<'a>(side: &Side<'a>, paragraphs: &[usize]) -> Side<'a> {
    let mut sentences = Vec::new();
    let mut ranges = Vec::new();
    for &p in paragraphs {
        let start = sentences.len();
        sentences.extend(side.paragraphs[p].clone().map(|i| side.sentences[i]));
        ranges.push(start..sentences.len());
    }
    let kinds = if side.kinds.len() == side.paragraphs.len() {
        paragraphs.iter().map(|&p| side.kinds[p]).collect()
    } else {
        Vec::new()
    };
    Side {
        sentences,
        paragraphs: ranges,
        kinds,
        language: side.language,
    }
}

/// Most neighbouring translation paragraphs [`unshift`] tries per
/// document (each try is two small alignments): swaps are rare, and a
/// text with gaps everywhere is a rewrite, not a reordering. The budget
/// is spent in reading order, on the first pairs beside a gap: in a long
/// book with many early gaps, later swaps are not tried.
const MAX_SHIFT_TRIES: usize = 8;

/// Neighbouring translation paragraphs `Q_j`, `Q_j+1` that tell original
/// paragraphs `P_a + 1`, `P_a` in the other order where the monotone pass
/// linked them into their neighbours, beyond the two paragraphs that
/// [`uncross`] reads (a shifted run: one paragraph left alone, the next
/// ones linked one paragraph off). Only pairs beside a sentence left alone
/// are tried, at the place the links before or after them point to. The
/// region around the pair, closed under the monotone links, is aligned
/// again with `Q_j` and `Q_j+1` in the original's order ([`swap_in_region`]);
/// where each crossed pair then links whole, one to one, and the region
/// links more of its sentences than in order, about as surely, one crossed
/// pair becomes a move, reported once.
pub fn unshift(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &mut Alignment,
    options: &AlignOptions,
    figures: Figures<'_>,
    eligible: impl Fn(&Range<usize>) -> bool,
) -> Vec<Move> {
    let mut out = Vec::new();
    if source.paragraphs.len() < 2 || target.paragraphs.len() < 2 {
        return out;
    }
    let mut s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
    let mut t_link = link_of(alignment, target.sentences.len(), |l| &l.target);
    let mut tries = 0;
    let mut j = 0;
    while j + 1 < target.paragraphs.len() && tries < MAX_SHIFT_TRIES {
        let (qa, qb) = (
            target.paragraphs[j].clone(),
            target.paragraphs[j + 1].clone(),
        );
        let taken = |a: usize| {
            let p = [&source.paragraphs[a], &source.paragraphs[a + 1]];
            in_a_move(&alignment.moves, &p, &[&qa, &qb]) || in_a_move(&out, &p, &[&qa, &qb])
        };
        if qa.is_empty()
            || qb.is_empty()
            || !eligible(&qa)
            || !eligible(&qb)
            || !beside_a_gap(alignment, &t_link, &qa, &qb)
        {
            j += 1;
            continue;
        }
        // A region is realigned whole: its links may join no sentence the
        // check kept out, nor one of a move read before.
        let free = |links: &[super::Link]| {
            links
                .iter()
                .filter(|l| !l.source.is_empty() && !l.target.is_empty())
                .all(|l| {
                    let sides = ([&l.source], [&l.target]);
                    l.target.clone().all(|t| eligible(&(t..t + 1)))
                        && !in_a_move(&alignment.moves, &sides.0, &sides.1)
                        && !in_a_move(&out, &sides.0, &sides.1)
                })
        };
        let mut found = None;
        for a in shifted_places(source, target, alignment, &t_link, j) {
            if taken(a) {
                continue;
            }
            found = swap_in_region(
                source, target, alignment, &s_link, &t_link, a, j, options, figures, &free,
                &mut tries,
            );
            if found.is_some() || tries >= MAX_SHIFT_TRIES {
                break;
            }
        }
        match found {
            Some((span, links, moved)) => {
                alignment.links.splice(span, links);
                s_link = link_of(alignment, source.sentences.len(), |l| &l.source);
                t_link = link_of(alignment, target.sentences.len(), |l| &l.target);
                out.push(moved);
                j += 2;
            }
            None => j += 1,
        }
    }
    out
}

/// Whether one of `moves` holds a sentence of `sources` (the original's)
/// or of `targets` (the translation's).
fn in_a_move(moves: &[Move], sources: &[&Range<usize>], targets: &[&Range<usize>]) -> bool {
    moves.iter().any(|m| {
        sources.iter().any(|p| overlaps(&m.source, p))
            || targets.iter().any(|q| overlaps(&m.target, q))
    })
}

/// Whether a sentence is left without counterpart among the links of
/// translation paragraphs `qa` and `qb`, or in the link right before or
/// after them.
fn beside_a_gap(
    alignment: &Alignment,
    t_link: &[usize],
    qa: &Range<usize>,
    qb: &Range<usize>,
) -> bool {
    let lo = t_link[qa.start].saturating_sub(1);
    let hi = (t_link[qb.end - 1] + 2).min(alignment.links.len());
    alignment.links[lo..hi]
        .iter()
        .any(|l| l.source.is_empty() || l.target.is_empty())
}

/// The original paragraphs `a` whose pair `a`, `a + 1` would stand at
/// translation paragraphs `j`, `j + 1`, by the offset between linked
/// paragraphs nearest before `j` and nearest after `j + 1`, or between
/// the texts' starts (ends) where no link stands before (after) the pair.
fn shifted_places(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    t_link: &[usize],
    j: usize,
) -> Vec<usize> {
    let s_paragraph = |i: usize| source.paragraphs.partition_point(|r| r.end <= i);
    let t_paragraph = |i: usize| target.paragraphs.partition_point(|r| r.end <= i);
    // Original paragraph `a` for the linked pair at link `k`.
    let place = |k: usize| -> Option<usize> {
        let l = &alignment.links[k];
        let (p, q) = (s_paragraph(l.source.start), t_paragraph(l.target.start));
        (p + j).checked_sub(q)
    };
    let joined = |k: &usize| {
        let l = &alignment.links[*k];
        !l.source.is_empty() && !l.target.is_empty()
    };
    let first = t_link[target.paragraphs[j].start];
    let last = t_link[target.paragraphs[j + 1].end - 1];
    // Where no link stands before the pair (or after it), the texts'
    // starts (or ends) stand for one: a swap of a text's first two
    // paragraphs shifts every link after it.
    let before = match (0..first).rev().find(joined) {
        Some(k) => place(k),
        None => Some(j),
    };
    let after = match (last + 1..alignment.links.len()).find(joined) {
        Some(k) => place(k),
        None => (source.paragraphs.len() + j).checked_sub(target.paragraphs.len()),
    };
    let mut out: Vec<usize> = before.into_iter().chain(after).collect();
    out.dedup();
    out.retain(|&a| a + 1 < source.paragraphs.len());
    out
}

/// Least gain in [`linked_score`] for a region read with a neighbouring
/// pair crosswise ([`swap_in_region`]), which must also leave fewer of its
/// sentences alone, and none that the reading in order links: a little
/// loss is allowed, as for sentence counts ([`COUNTS_SLACK`]). Read
/// crosswise, a swap's sentences link one to one but each at a modest
/// confidence, where the shifted reading in order links a few of them
/// surely and leaves the rest alone (1984-hu-en without dictionaries:
/// 0.36–0.38 crosswise against 0.39 in order). Calibrated with
/// `eval-faults --max-articles 25 [--no-dictionaries]`
/// (docs/benchmarks.md, "Swaps, tenth session"): at 0 two swaps fewer
/// are quiet, at -0.1 none more than at -0.05, and at each every other
/// row is unchanged.
const MIN_SHIFT_GAIN: f64 = -0.05;

/// Most paragraphs of context on each side of a pair that
/// [`swap_in_region`] widens its region to, looking for one that the
/// monotone links close.
const MAX_REGION_CONTEXT: usize = 4;

/// Least gain in [`linked_score`] for a neighbouring pair read crosswise
/// with a merge in the pair that stays linked ([`linked_whole`]) where
/// the reading in order does not leave sentences alone on both sides
/// ([`alone_on_both_sides`]); only where the pair's figures agree
/// crosswise ([`figures_agree_crosswise`]), and in a region
/// ([`swap_in_region`]) the crossed reading must also keep every sure one
/// to one link of the order outside the pair ([`keeps_sure_links`]). Set
/// by hand, the same step as [`COUNTS_SLACK`] and [`MIN_SHIFT_GAIN`], not
/// tuned: without the figures, a planted dropped sentence of GNOME Help
/// (it, `backup-restore`, with dictionaries) hid in such a merge at this
/// gain; see docs/benchmarks.md, "Swaps, twelfth session".
const MERGED_GAIN: f64 = 0.05;

/// Whether a region's `crossed` reading keeps every sure ([`SURE`]) one
/// to one link of its reading `in_order` outside the pair (original
/// sentences `s_pair`, translation sentences `t_pair`, where the two
/// readings count alike) and links at least `gain` better
/// ([`linked_score`]).
fn keeps_sure_links(
    in_order: &[super::Link],
    crossed: &[super::Link],
    s_pair: &Range<usize>,
    t_pair: &Range<usize>,
    gain: f64,
) -> bool {
    let kept = in_order
        .iter()
        .filter(|l| l.source.len() == 1 && l.target.len() == 1 && l.confidence >= SURE)
        .filter(|l| !overlaps(&l.source, s_pair) && !overlaps(&l.target, t_pair))
        .all(|l| {
            crossed
                .iter()
                .any(|c| c.source == l.source && c.target == l.target)
        });
    kept && linked_score(crossed) >= linked_score(in_order) + gain
}

/// Original paragraphs `a`, `a + 1` and translation paragraphs `j`,
/// `j + 1` read crosswise inside the smallest region of at least
/// [`CONTEXT`] paragraphs of context on each side that the monotone links
/// close (no link leaves it): the span of links to replace, the links that
/// replace it, and the move. Taken when the crossed reading links each
/// crossed pair whole, its moved pair one to one and as a swap of
/// neighbours ([`linked_whole`]), the pair's lengths fit crosswise
/// ([`CROSSED_LENGTH_FIT`]) or its figures agree crosswise
/// ([`figures_agree_crosswise`]), and the region read so leaves fewer
/// sentences alone than read in order, none that the order links, and
/// links about as surely ([`MIN_SHIFT_GAIN`], [`linked_score`]). A merge
/// (a long sentence told as two) in the pair that stays linked stands
/// only where the order leaves sentences alone on both sides
/// ([`alone_on_both_sides`]), or where the figures agree crosswise and the
/// crossed reading keeps the order's sure links with a gain
/// ([`MERGED_GAIN`]): with every merge allowed, planted dropped and added
/// sentences hid in them, even where a merge had to fit in length (GNOME
/// Help dropped sentences 0.869 → 0.857 without dictionaries, with merges
/// straying at most 0.4 in log length).
/// `tries` counts the tries of the document ([`MAX_SHIFT_TRIES`]).
#[allow(clippy::too_many_arguments)]
fn swap_in_region(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    t_link: &[usize],
    a: usize,
    j: usize,
    options: &AlignOptions,
    figures: Figures<'_>,
    free: &dyn Fn(&[super::Link]) -> bool,
    tries: &mut usize,
) -> Option<(Range<usize>, Vec<super::Link>, Move)> {
    *tries += 1;
    let (pa, pb) = (
        source.paragraphs[a].clone(),
        source.paragraphs[a + 1].clone(),
    );
    let (qa, qb) = (
        target.paragraphs[j].clone(),
        target.paragraphs[j + 1].clone(),
    );
    if pa.is_empty() || pb.is_empty() {
        return None;
    }
    let pair = NeighbourPair {
        first: j,
        second: j + 1,
        links: 0..0,
    };
    if !kinds_agree_crosswise(source, target, a, &pair) {
        return None;
    }
    let region = (CONTEXT..=MAX_REGION_CONTEXT).find_map(|c| {
        let s_region = a.saturating_sub(c)..(a + 2 + c).min(source.paragraphs.len());
        let t_region = j.saturating_sub(c)..(j + 2 + c).min(target.paragraphs.len());
        let span = closed_span(
            source, target, alignment, s_link, t_link, &s_region, &t_region,
        )?;
        Some((s_region, t_region, span))
    });
    let (s_region, t_region, span) = region?;
    let s_paragraphs: Vec<usize> = s_region.clone().collect();
    let in_order: Vec<usize> = t_region.clone().collect();
    let crosswise: Vec<usize> = in_order
        .iter()
        .map(|&q| match q {
            q if q == j => j + 1,
            q if q == j + 1 => j,
            q => q,
        })
        .collect();
    let s_window = window(source, &s_paragraphs);
    let crossed = align(&s_window, &window(target, &crosswise), options).links;
    let (s0, t0) = (
        source.paragraphs[s_region.start].start,
        target.paragraphs[t_region.start].start,
    );
    let s_pair = pa.start - s0..pb.end - s0;
    let t_pair = qa.start - t0..qb.end - t0;
    // The crossed pairs' links, counted from the pair's start; none may
    // join the pair with its context.
    let mut inside = Vec::new();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for l in &crossed {
        let s_in = !l.source.is_empty() && overlaps(&l.source, &s_pair);
        let t_in = !l.target.is_empty() && overlaps(&l.target, &t_pair);
        if !s_in && !t_in {
            let early = if l.source.is_empty() {
                l.target.start < t_pair.start
            } else {
                l.source.start < s_pair.start
            };
            if early { &mut before } else { &mut after }.push(l.clone());
            continue;
        }
        let within = |r: &Range<usize>, pair: &Range<usize>| {
            r.is_empty() || (r.start >= pair.start && r.end <= pair.end)
        };
        if !within(&l.source, &s_pair) || !within(&l.target, &t_pair) {
            return None;
        }
        let back = |r: &Range<usize>, pair: &Range<usize>| {
            let at = |i: usize| i.clamp(pair.start, pair.end) - pair.start;
            at(r.start)..at(r.end)
        };
        inside.push(super::Link {
            source: back(&l.source, &s_pair),
            target: back(&l.target, &t_pair),
            confidence: l.confidence,
            loose: None,
        });
    }
    let told = figures_agree_crosswise(figures, [&pa, &pb], [&qa, &qb]);
    let (moved, merged) = linked_whole(&inside, pa.len(), qb.len(), told)?;
    if !told
        && length_gap(
            source,
            target,
            length_ratio(source, target),
            [&pa, &pb],
            [&qb, &qa],
        ) > CROSSED_LENGTH_FIT
    {
        return None;
    }
    let ordered = align(&s_window, &window(target, &in_order), options).links;
    // A merge stands where the order leaves sentences alone on both
    // sides, or where the figures agree crosswise and the crossed reading
    // keeps the order's sure links and is clearly better.
    if merged
        && !alone_on_both_sides(&ordered)
        && !(told && keeps_sure_links(&ordered, &crossed, &s_pair, &t_pair, MERGED_GAIN))
    {
        return None;
    }
    // A reading that leaves alone a sentence the order links is no swap:
    // it trades a sentence told nowhere for one of its neighbours.
    if unlinked(&crossed) >= unlinked(&ordered)
        || linked_score(&crossed) < linked_score(&ordered) + MIN_SHIFT_GAIN
        || !alone_outside(&crossed, &s_pair, &t_pair)
            .is_subset(&alone_outside(&ordered, &s_pair, &t_pair))
    {
        return None;
    }
    // Outside the pair the two orders agree: indices only shift.
    let put_back = |l: &super::Link| super::Link {
        source: l.source.start + s0..l.source.end + s0,
        target: l.target.start + t0..l.target.end + t0,
        confidence: l.confidence,
        loose: l.loose,
    };
    let (pair_links, found) = crossed_links(moved, &inside, [pa, pb], [qa, qb]);
    let links = before
        .iter()
        .map(put_back)
        .chain(pair_links)
        .chain(after.iter().map(put_back))
        .collect::<Vec<_>>();
    free(&links).then_some((span, links, found))
}

/// The sentences that `links` of a region leave without counterpart
/// outside the pair at original sentences `s_pair` and translation
/// sentences `t_pair` (where the two orders of the region agree), by side
/// (`true`: the original's) and index.
fn alone_outside(
    links: &[super::Link],
    s_pair: &Range<usize>,
    t_pair: &Range<usize>,
) -> std::collections::BTreeSet<(bool, usize)> {
    let mut out = std::collections::BTreeSet::new();
    for l in links
        .iter()
        .filter(|l| l.source.is_empty() || l.target.is_empty())
    {
        out.extend(
            l.source
                .clone()
                .filter(|i| !s_pair.contains(i))
                .map(|i| (true, i)),
        );
        out.extend(
            l.target
                .clone()
                .filter(|j| !t_pair.contains(j))
                .map(|j| (false, j)),
        );
    }
    out
}

/// The span of monotone links that covers original paragraphs `s_region`
/// and translation paragraphs `t_region` and no sentence outside them,
/// when there is one.
fn closed_span(
    source: &Side<'_>,
    target: &Side<'_>,
    alignment: &Alignment,
    s_link: &[usize],
    t_link: &[usize],
    s_region: &Range<usize>,
    t_region: &Range<usize>,
) -> Option<Range<usize>> {
    let s = source.paragraphs[s_region.start].start..source.paragraphs[s_region.end - 1].end;
    let t = target.paragraphs[t_region.start].start..target.paragraphs[t_region.end - 1].end;
    if s.is_empty() || t.is_empty() {
        return None;
    }
    let lo = s_link[s.start].min(t_link[t.start]);
    let hi = s_link[s.end - 1].max(t_link[t.end - 1]) + 1;
    let within = |r: &Range<usize>, side: &Range<usize>| {
        if r.is_empty() {
            r.start >= side.start && r.start <= side.end
        } else {
            r.start >= side.start && r.end <= side.end
        }
    };
    alignment.links[lo..hi]
        .iter()
        .all(|l| within(&l.source, &s) && within(&l.target, &t))
        .then_some(lo..hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn lengths_weigh_korean_two_and_chinese_and_japanese_three() {
        let texts: &[&str] = &["Größe 5 × 3", "東京で 3 件", "서울 10", "", "plain ascii"];
        let s = side(&[texts], Language::EN);
        let each: Vec<f64> = (0..texts.len()).map(|i| chars(&s, i..i + 1)).collect();
        assert_eq!(each, vec![11.0, 15.0, 7.0, 0.0, 11.0]);
        assert_eq!(chars(&s, 0..texts.len()), 44.0);
    }

    /// Figures that say nothing, as where neither text holds one.
    fn no_figures(_: &Range<usize>, _: &Range<usize>) -> Option<bool> {
        None
    }

    fn side<'a>(paragraphs: &[&[&'a str]], language: Language) -> Side<'a> {
        Side::from_paragraphs(paragraphs, Some(language))
    }

    const EN: [&[&str]; 5] = [
        &["The council met on Monday to discuss the new bridge over the river Aare."],
        &[
            "The bridge will cost 45 million francs and open in 2027, said mayor Lena Frei.",
            "It will carry trams, bicycles and pedestrians, but no private cars.",
        ],
        &["Critics say the Brugg ferry of 1911 should stay."],
        &["Construction work starts in March and will close the riverside road for 18 months."],
        &["The council will vote on the final plans on 12 June."],
    ];

    #[test]
    fn swapped_paragraphs_are_a_move() {
        let de: [&[&str]; 5] = [
            &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
            &["Kritiker sagen, die Brugger Fähre von 1911 solle bleiben."],
            &[
                "Die Brücke kostet 45 Millionen Franken und wird 2027 eröffnet, sagte Stadtpräsidentin Lena Frei.",
                "Sie trägt Trams, Velos und Fussgänger, aber keine Privatautos.",
            ],
            &["Die Bauarbeiten beginnen im März und sperren die Uferstrasse für 18 Monate."],
            &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
        ];
        let (s, t) = (side(&EN, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let alignment = align(&s, &t, &options);
        let found = moves(&s, &t, &alignment, &options, |_| true);
        assert_eq!(found.len(), 1, "{alignment:?}");
        // Whichever of the two the monotone pass left out.
        assert!(
            found[0]
                == Move {
                    source: 1..3,
                    target: 2..4
                }
                || found[0]
                    == Move {
                        source: 3..4,
                        target: 1..2
                    },
            "{found:?}"
        );
    }

    #[test]
    fn a_drop_and_an_unrelated_addition_are_no_move() {
        let de: [&[&str]; 5] = [
            &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
            &[
                "Die Brücke kostet 45 Millionen Franken und wird 2027 eröffnet, sagte Stadtpräsidentin Lena Frei.",
            ],
            &["Die Bauarbeiten beginnen im März und sperren die Uferstrasse für 18 Monate."],
            &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
            &[
                "Abonnieren Sie unseren Newsletter für 9 Franken im Monat und lesen Sie alle Artikel.",
            ],
        ];
        let (s, t) = (side(&EN, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let alignment = align(&s, &t, &options);
        assert!(moves(&s, &t, &alignment, &options, |_| true).is_empty());
    }

    #[test]
    fn neighbours_linked_crosswise_are_read_as_a_move() {
        let en: [&[&str]; 5] = [
            &["The council met on Monday to discuss the new bridge over the river Aare."],
            &["Mayor Lena Frei said the bridge will cost 45 million francs in all."],
            &["Critics in Brugg say the ferry of 1911 should stay for cyclists."],
            &["Construction work starts in March and will close the riverside road for 18 months."],
            &["The council will vote on the final plans on 12 June."],
        ];
        let de: [&[&str]; 5] = [
            &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
            &["Kritiker in Brugg sagen, die Fähre von 1911 solle für Velofahrer bleiben."],
            &["Stadtpräsidentin Lena Frei sagte, die Brücke koste insgesamt 45 Millionen Franken."],
            &["Die Bauarbeiten beginnen im März und sperren die Uferstrasse für 18 Monate."],
            &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
        ];
        let (s, t) = (side(&en, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let mut alignment = align(&s, &t, &options);
        let before = alignment.clone();
        let found = uncross(&s, &t, &mut alignment, &options, &no_figures, |_| true);
        assert_eq!(
            found,
            [Move {
                source: 1..2,
                target: 2..3
            }],
            "{before:?}"
        );
        // Still monotone and covering: the other paragraph of the pair is
        // now linked to its own translation.
        let (mut i, mut j) = (0, 0);
        for l in &alignment.links {
            assert_eq!((l.source.start, l.target.start), (i, j), "{alignment:?}");
            (i, j) = (l.source.end, l.target.end);
        }
        assert_eq!((i, j), (5, 5));
        assert!(
            alignment
                .links
                .iter()
                .any(|l| l.source == (2..3) && l.target == (1..2))
        );
    }

    #[test]
    fn neighbours_in_order_are_left_alone() {
        let (s, t) = (side(&EN, Language::EN), side(&EN, Language::EN));
        let options = AlignOptions::default();
        let mut alignment = align(&s, &t, &options);
        let before = alignment.clone();
        assert!(uncross(&s, &t, &mut alignment, &options, &no_figures, |_| true).is_empty());
        assert_eq!(alignment, before);
    }

    /// An original whose second and third paragraphs share no word, name
    /// or number with their translations.
    const PLAIN: [&[&str]; 5] = [
        &["The council met on Monday to discuss the new bridge over the river Aare."],
        &["Many residents would rather keep the old ferry running."],
        &[
            "Construction work starts in March and will close the riverside road between the old harbour and the station for 18 months, the city's planning office said.",
        ],
        &[
            "Some shop owners fear losing customers during the months of works and ask the city for help with their rents.",
        ],
        &["The council will vote on the final plans on 12 June."],
    ];

    fn plain_translation(second: &'static str) -> [&'static [&'static str]; 5] {
        [
            &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
            &[
                "Die Bauarbeiten beginnen im März und sperren die Uferstrasse zwischen dem alten Hafen und dem Bahnhof für 18 Monate, teilte das Planungsamt der Stadt mit.",
            ],
            std::slice::from_ref(Box::leak(Box::new(second))),
            &[
                "Einige Ladenbesitzer fürchten, während der monatelangen Arbeiten Kunden zu verlieren, und bitten die Stadt um Hilfe bei ihren Mieten.",
            ],
            &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
        ]
    }

    #[test]
    fn neighbours_told_the_other_way_round_are_a_move_on_length_alone() {
        // Only the lengths of "Many residents…" and its translation agree;
        // it stands right after the translation of its neighbour.
        let de = plain_translation("Viele Anwohner würden lieber die alte Fähre weiterbetreiben.");
        let (s, t) = (side(&PLAIN, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let alignment = align(&s, &t, &options);
        let found = moves(&s, &t, &alignment, &options, |_| true);
        assert_eq!(
            found,
            vec![Move {
                source: 1..2,
                target: 2..3
            }],
            "{alignment:?}"
        );
    }

    #[test]
    fn an_unrelated_addition_in_a_neighbours_place_is_no_move() {
        // The same place, but a text three times as long.
        let de = plain_translation(
            "Abonnieren Sie jetzt unseren wöchentlichen Newsletter, erhalten Sie alle Beiträge \
             vorab, lesen Sie ohne Werbung und unterstützen Sie damit unabhängigen Journalismus \
             aus der ganzen Region.",
        );
        let (s, t) = (side(&PLAIN, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let alignment = align(&s, &t, &options);
        assert!(moves(&s, &t, &alignment, &options, |_| true).is_empty());
    }

    fn link(source: Range<usize>, target: Range<usize>, confidence: f64) -> super::super::Link {
        super::super::Link {
            source,
            target,
            confidence,
            loose: None,
        }
    }

    #[test]
    fn a_weak_merge_counts_by_its_sentences() {
        // Three sure 1-1 links and one weak 2-1 merge: the mean over the
        // nine sentences is what the pair is judged by.
        let links = [
            link(0..1, 0..1, 0.8),
            link(1..2, 1..2, 0.9),
            link(2..3, 2..3, 0.3),
            link(3..5, 3..4, 0.087),
        ];
        let refs: Vec<&super::super::Link> = links.iter().collect();
        let mean = sentence_weighted_confidence(&refs);
        let want = (2.0 * 0.8 + 2.0 * 0.9 + 2.0 * 0.3 + 3.0 * 0.087) / 9.0;
        assert!((mean - want).abs() < 1e-12, "{mean}");
        assert!(mean >= MIN_SWAP_CONFIDENCE && 0.087 >= MIN_SWAP_CONFIDENCE * WEAKEST_LINK);
        assert_eq!(sentence_weighted_confidence(&[]), 0.0);
    }

    #[test]
    fn neighbours_linked_crosswise_by_sentence_are_reached_together() {
        // Original paragraphs 1 (sentences 1-2) and 2 (sentence 3);
        // translation paragraphs 1 (sentence 1) and 2 (sentences 2-3). The
        // monotone pass linked sentences 1-2 to translation sentence 1,
        // left translation sentence 2 alone and linked 3 to 3.
        let s = side(&[&["a."], &["b.", "c."], &["d."], &["e."]], Language::EN);
        let t = side(&[&["a."], &["b."], &["c.", "d."], &["e."]], Language::DE);
        let mut alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..3, 1..2, 0.7),
                link(3..3, 2..3, 0.9),
                link(3..4, 3..4, 0.6),
                link(4..5, 4..5, 0.9),
            ],
            moves: Vec::new(),
        };
        let s_link = link_of(&alignment, 5, |l| &l.source);
        assert_eq!(
            neighbour_pair(&s, &t, &alignment, &s_link, 1).map(|p| (p.first, p.second)),
            Some((1, 2))
        );
        assert_eq!(
            jointly_reached(&s, &t, &alignment, &s_link, 1),
            Some(NeighbourPair {
                first: 1,
                second: 2,
                links: 1..4
            })
        );
        // A link that reaches into the next original paragraph: no pair.
        alignment.links = vec![
            link(0..1, 0..1, 0.9),
            link(1..3, 1..2, 0.7),
            link(3..5, 2..4, 0.6),
            link(5..5, 4..5, 0.9),
        ];
        let s_link = link_of(&alignment, 5, |l| &l.source);
        assert_eq!(jointly_reached(&s, &t, &alignment, &s_link, 1), None);
        // A span that ends inside a translation paragraph: no pair.
        let t = side(&[&["a."], &["b."], &["c."], &["d.", "e."]], Language::DE);
        alignment.links = vec![
            link(0..1, 0..1, 0.9),
            link(1..3, 1..2, 0.7),
            link(3..4, 2..4, 0.6),
            link(4..5, 4..5, 0.9),
        ];
        let s_link = link_of(&alignment, 5, |l| &l.source);
        assert_eq!(jointly_reached(&s, &t, &alignment, &s_link, 1), None);
    }

    #[test]
    fn a_pair_joins_on_average_with_one_weak_merge() {
        // Original sentences 0..4, translation 0..4.
        let (p, q) = (0..4, 0..4);
        let links = [
            link(0..1, 0..1, 0.12),
            link(1..2, 1..2, 0.3),
            link(2..4, 2..4, 0.7),
        ];
        let refs: Vec<&super::super::Link> = links.iter().collect();
        assert!(joins_pair(&refs, &p, &q, MIN_SWAP_CONFIDENCE));
        // Not at the general move's confidence: 0.12 is far below 0.3.
        assert!(!joins_pair(&refs, &p, &q, MIN_CONFIDENCE));
        // A link that leaves the pair, or a sentence left alone: no join.
        let out = [link(0..1, 0..1, 0.9), link(1..4, 1..5, 0.9)];
        let refs: Vec<&super::super::Link> = out.iter().collect();
        assert!(!joins_pair(&refs, &p, &q, MIN_SWAP_CONFIDENCE));
        let alone = [
            link(0..1, 0..1, 0.9),
            link(1..1, 1..2, 0.0),
            link(1..4, 2..4, 0.9),
        ];
        let refs: Vec<&super::super::Link> = alone.iter().collect();
        assert!(!joins_pair(&refs, &p, &q, MIN_SWAP_CONFIDENCE));
        // One link far below the least confidence: no join.
        let weak = [link(0..1, 0..1, 0.04), link(1..4, 1..4, 0.9)];
        let refs: Vec<&super::super::Link> = weak.iter().collect();
        assert!(!joins_pair(&refs, &p, &q, MIN_SWAP_CONFIDENCE));
        assert!(!joins_pair(&[], &p, &q, MIN_SWAP_CONFIDENCE));
    }

    #[test]
    fn unlinked_translation_beside_a_pair_is_reached_with_it() {
        // Translation paragraph 1 (sentences 1-2) told first: the monotone
        // pass left its first sentence alone before the links of original
        // paragraphs 1 and 2, which cover only the rest of it and
        // paragraph 2.
        let s = side(&[&["a."], &["b.", "c."], &["d."], &["e."]], Language::EN);
        let t = side(
            &[&["a."], &["d.", "x."], &["b.", "c."], &["e."]],
            Language::DE,
        );
        let alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..1, 1..2, 0.9),
                link(1..3, 2..3, 0.8),
                link(3..4, 3..5, 0.2),
                link(4..5, 5..6, 0.9),
            ],
            moves: Vec::new(),
        };
        let s_link = link_of(&alignment, 5, |l| &l.source);
        assert_eq!(
            jointly_reached(&s, &t, &alignment, &s_link, 1),
            Some(NeighbourPair {
                first: 1,
                second: 2,
                links: 1..4
            })
        );
    }

    #[test]
    fn a_pair_linked_surely_in_place_is_left_alone() {
        let (pa, pb, qa, qb) = (0..2, 2..3, 0..1, 1..2);
        // A sentence of P_a left out, P_b linked surely to Q_b: a drop,
        // not a swap.
        let dropped = [
            link(0..1, 0..0, 0.9),
            link(1..2, 0..1, 0.1),
            link(2..3, 1..2, 0.86),
        ];
        assert!(left_alone(&dropped, [&pa, &pb], [&qa, &qb]));
        // The same gap with P_b linked weakly: tried.
        let weak = [
            link(0..1, 0..0, 0.9),
            link(1..2, 0..1, 0.1),
            link(2..3, 1..2, 0.3),
        ];
        assert!(!left_alone(&weak, [&pa, &pb], [&qa, &qb]));
        // No gap: left alone only when sure on the whole.
        let sure = [link(0..2, 0..1, 0.9), link(2..3, 1..2, 0.7)];
        assert!(left_alone(&sure, [&pa, &pb], [&qa, &qb]));
        let unsure = [link(0..2, 0..1, 0.9), link(2..3, 1..2, 0.1)];
        assert!(!left_alone(&unsure, [&pa, &pb], [&qa, &qb]));
    }

    #[test]
    fn the_crossed_pair_that_links_whole_is_the_move() {
        // P_a (sentences 0-1) against Q_b (0-1), P_b (2-3) against Q_a (2).
        let whole = [
            link(0..1, 0..1, 0.5),
            link(1..2, 1..2, 0.5),
            link(2..4, 2..3, 0.5),
        ];
        assert_eq!(
            crossed_move(&whole, 2, 2, MIN_CONFIDENCE),
            Some(Crossed::First)
        );
        // A sentence of P_a without counterpart: P_b ↔ Q_a is the move,
        // and P_a stays linked with its omission.
        let gap = [
            link(0..1, 0..0, 0.9),
            link(1..2, 0..2, 0.5),
            link(2..4, 2..3, 0.5),
        ];
        assert_eq!(
            crossed_move(&gap, 2, 2, MIN_CONFIDENCE),
            Some(Crossed::Second)
        );
        // The pair that stays linked must join too.
        let weak_rest = [
            link(0..1, 0..0, 0.9),
            link(1..2, 0..2, 0.05),
            link(2..4, 2..3, 0.5),
        ];
        assert_eq!(crossed_move(&weak_rest, 2, 2, MIN_CONFIDENCE), None);
        // A link across the two crossed pairs: no crossed reading.
        let across = [link(0..1, 0..1, 0.5), link(1..4, 1..3, 0.5)];
        assert_eq!(crossed_move(&across, 2, 2, MIN_CONFIDENCE), None);
    }

    #[test]
    fn crossed_links_stay_monotone_and_covering() {
        // Document: P_a = 1..3, P_b = 3..4; Q_a = 1..2, Q_b = 2..4. Read
        // crosswise (Q_b first): P_a's sentence 1 alone, 2 → Q_b, P_b → Q_a.
        let local = [
            link(0..1, 0..0, 0.9),
            link(1..2, 0..2, 0.5),
            link(2..3, 2..3, 0.5),
        ];
        let (pa, pb, qa, qb) = (1..3, 3..4, 1..2, 2..4);
        let (links, found) = crossed_links(Crossed::Second, &local, [pa, pb], [qa, qb]);
        assert_eq!(
            found,
            Move {
                source: 3..4,
                target: 1..2
            }
        );
        let (mut i, mut j) = (1, 1);
        for l in &links {
            assert_eq!((l.source.start, l.target.start), (i, j), "{links:?}");
            (i, j) = (l.source.end, l.target.end);
        }
        assert_eq!((i, j), (4, 4));
        // The sentence left alone stays an original-only link.
        assert!(
            links
                .iter()
                .any(|l| l.source == (1..2) && l.target.is_empty())
        );
        assert!(
            links
                .iter()
                .any(|l| l.source == (2..3) && l.target == (2..4))
        );
    }

    #[test]
    fn linked_score_counts_sentences_left_alone_as_nothing() {
        let links = [link(0..1, 0..1, 0.6), link(1..2, 1..1, 0.9)];
        assert!((linked_score(&links) - 0.6 * 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(unlinked(&links), 1);
        assert_eq!(linked_score(&[]), 0.0);
    }

    #[test]
    fn crossed_shapes_need_one_to_one_links_and_the_least_gain() {
        // P_a (sentences 0-1) against Q_b (0-1), P_b (2) against Q_a (2).
        let crossed = [
            link(0..1, 0..1, 0.5),
            link(1..2, 1..2, 0.4),
            link(2..3, 2..3, 0.6),
        ];
        let ordered = || {
            Some(vec![
                link(0..1, 0..1, 0.5),
                link(1..2, 1..1, 0.9),
                link(2..3, 1..3, 0.3),
            ])
        };
        // Crosswise every sentence linked (0.5 on average), in order one
        // alone and the rest weaker (0.32).
        let found = crossed_by_shape(Some(&crossed), 2, 2, 0.0, None, ordered);
        assert_eq!(found, Some(Crossed::First));
        // A gain beyond what the crossed reading has: not moved.
        assert_eq!(
            crossed_by_shape(Some(&crossed), 2, 2, 0.5, None, ordered),
            None
        );
        // Slightly worse than in order, within the slack: moved.
        let sure = || Some(vec![link(0..2, 0..2, 0.53), link(2..3, 2..3, 0.53)]);
        assert!(crossed_by_shape(Some(&crossed), 2, 2, 0.0, None, sure).is_none());
        let found = crossed_by_shape(Some(&crossed), 2, 2, -COUNTS_SLACK, None, sure);
        assert_eq!(found, Some(Crossed::First));
        // A merge in the crossed reading (a sentence dropped from one of
        // the pair hides in it): not moved, however well it links.
        let merged = [link(0..2, 0..1, 0.9), link(2..3, 1..2, 0.9)];
        assert_eq!(
            crossed_by_shape(Some(&merged), 2, 1, 0.0, None, ordered),
            None
        );
        // A sentence left alone crosswise: not moved.
        let alone = [
            link(0..1, 0..1, 0.9),
            link(1..2, 1..1, 0.9),
            link(2..3, 1..2, 0.9),
        ];
        assert_eq!(
            crossed_by_shape(Some(&alone), 2, 1, 0.0, None, ordered),
            None
        );
        assert_eq!(crossed_by_shape(None, 2, 2, 0.0, None, ordered), None);
    }

    #[test]
    fn figures_count_for_a_swap_only_where_the_order_disagrees() {
        // Original paragraphs 0..2 and 2..4; translation paragraphs 0..2
        // and 2..4. Each original paragraph's figures are told by the
        // translation paragraph `told[p]`.
        let agree = |told: [usize; 2]| {
            move |s: &Range<usize>, t: &Range<usize>| -> Option<bool> {
                let p = s.start / 2;
                Some(told[p] == t.start / 2)
            }
        };
        let (p, q) = ([&(0..2), &(2..4)], [&(0..2), &(2..4)]);
        assert!(figures_agree_crosswise(&agree([1, 0]), p, q));
        assert!(!figures_agree_crosswise(&agree([0, 1]), p, q));
        // One crossed pair agrees, the other disagrees: no evidence.
        let half = |s: &Range<usize>, t: &Range<usize>| Some(s.start == 0 && t.start == 2);
        assert!(!figures_agree_crosswise(&half, p, q));
        // One paragraph without figures: its partner's agreement counts.
        let one = |s: &Range<usize>, t: &Range<usize>| match (s.start, t.start) {
            (0, 2) => Some(true),
            (0, 0) => Some(false),
            _ => None,
        };
        assert!(figures_agree_crosswise(&one, p, q));
        // No figures anywhere: nothing to say.
        assert!(!figures_agree_crosswise(&no_figures, p, q));
    }

    #[test]
    fn a_merge_stays_only_in_the_pair_that_stays_linked() {
        // P_a (0-1) against Q_b (0), P_b (2) against Q_a (1): the first
        // crossed pair has a merge, the second is one to one.
        let merged = [link(0..2, 0..1, 0.9), link(2..3, 1..2, 0.9)];
        // The first crossed pair is the move, and it has a merge: none.
        assert_eq!(linked_whole(&merged, 2, 1, false), None);
        // Where the second may be the move, the merge stays linked.
        assert_eq!(
            linked_whole(&merged, 2, 1, true),
            Some((Crossed::Second, true))
        );
        // One to one everywhere: the first, without a merge.
        let single = [link(0..1, 0..1, 0.9), link(1..2, 1..2, 0.9)];
        assert_eq!(
            linked_whole(&single, 1, 1, false),
            Some((Crossed::First, false))
        );
        // A sentence left alone: none, whichever may be the move.
        let alone = [link(0..1, 0..1, 0.9), link(1..2, 1..1, 0.9)];
        assert_eq!(linked_whole(&alone, 1, 1, true), None);
    }

    #[test]
    fn a_paragraph_told_in_another_order_moves_whole_where_its_length_fits() {
        // Crosswise: P_a (2 sentences) ↔ Q_b (2), whose sentences the
        // translator told in the other order, so one of P_a's stands alone
        // and the other links to both of Q_b's; P_b ↔ Q_a one to one.
        let crossed = [
            link(0..1, 0..0, 0.6),
            link(1..2, 0..2, 0.84),
            link(2..3, 2..3, 0.7),
            link(3..4, 3..4, 0.9),
        ];
        let ordered = || {
            Some(vec![
                link(0..1, 0..1, 0.01),
                link(1..2, 1..2, 0.75),
                link(2..3, 2..2, 0.56),
                link(3..4, 2..4, 0.92),
            ])
        };
        let fits = |moved: Crossed| moved == Crossed::First;
        let found = crossed_as_block(Some(&crossed), 2, 2, 0.0, fits, ordered);
        assert_eq!(found, Some(Crossed::First));
        // Its length strays: a sentence may be missing, so no move.
        let found = crossed_as_block(Some(&crossed), 2, 2, 0.0, |_| false, ordered);
        assert_eq!(found, None);
        // The order reads as well: no move.
        let found = crossed_as_block(Some(&crossed), 2, 2, 0.0, fits, || Some(crossed.to_vec()));
        assert_eq!(found, None);
        // The pair that stays linked must be joined one to one.
        let mut loose = crossed.clone();
        loose[2] = link(2..3, 2..2, 0.7);
        loose[3] = link(3..4, 2..4, 0.9);
        assert_eq!(
            crossed_as_block(Some(&loose), 2, 2, 0.0, fits, ordered),
            None
        );
        // A link joining the two crossed pairs: no block.
        let mut joined = crossed;
        joined[1] = link(1..3, 0..2, 0.84);
        joined[2] = link(3..3, 2..3, 0.7);
        assert_eq!(
            crossed_as_block(Some(&joined), 2, 2, 0.0, fits, ordered),
            None
        );
    }

    #[test]
    fn a_merge_stands_where_the_order_leaves_both_sides_alone() {
        let both = [
            link(0..1, 0..0, 0.8),
            link(1..2, 0..1, 0.4),
            link(2..2, 1..2, 0.8),
        ];
        assert!(alone_on_both_sides(&both));
        // A sentence dropped leaves only the original's alone.
        let dropped = [link(0..1, 0..0, 0.8), link(1..2, 0..1, 0.4)];
        assert!(!alone_on_both_sides(&dropped));
        // A sentence added leaves only the translation's alone.
        let added = [link(0..1, 0..1, 0.8), link(1..1, 1..2, 0.4)];
        assert!(!alone_on_both_sides(&added));
        // So in `crossed_by_shape`: the merged crossed reading above is
        // taken against the first reading in order, and only on a gain
        // where figures allow it against the second.
        let merged = [link(0..2, 0..1, 0.9), link(2..3, 1..2, 0.9)];
        let in_order = || Some(both.to_vec());
        let found = crossed_by_shape(Some(&merged), 2, 1, 0.0, Some(MERGED_GAIN), in_order);
        assert_eq!(found, Some(Crossed::Second));
        let in_order = || Some(added.to_vec());
        let found = crossed_by_shape(Some(&merged), 2, 1, 0.0, None, in_order);
        assert_eq!(found, None);
        let found = crossed_by_shape(Some(&merged), 2, 1, 0.0, Some(MERGED_GAIN), in_order);
        assert_eq!(found, Some(Crossed::Second));
        let sure = || Some(vec![link(0..2, 0..1, 0.88), link(2..3, 1..2, 0.88)]);
        let found = crossed_by_shape(Some(&merged), 2, 1, 0.0, Some(MERGED_GAIN), sure);
        assert_eq!(found, None);
    }

    #[test]
    fn a_merged_region_keeps_the_sure_links_of_the_order_and_gains() {
        // The pair holds original sentences 1..3 and translation 1..3.
        let (s_pair, t_pair) = (1..3, 1..3);
        let in_order = [
            link(0..1, 0..1, 0.9),
            link(1..2, 1..1, 0.0),
            link(2..3, 1..3, 0.3),
            link(3..4, 3..4, 0.7),
        ];
        let crossed = [
            link(0..1, 0..1, 0.9),
            link(1..3, 1..3, 0.6),
            link(3..4, 3..4, 0.7),
        ];
        assert!(keeps_sure_links(
            &in_order,
            &crossed,
            &s_pair,
            &t_pair,
            MERGED_GAIN
        ));
        // Not enough gain.
        assert!(!keeps_sure_links(
            &in_order, &crossed, &s_pair, &t_pair, 0.5
        ));
        // A sure link of the order outside the pair lost crosswise.
        let lost = [
            link(0..1, 0..1, 0.9),
            link(1..3, 1..3, 0.6),
            link(3..4, 3..3, 0.0),
            link(4..4, 3..4, 0.0),
        ];
        assert!(!keeps_sure_links(
            &in_order,
            &lost,
            &s_pair,
            &t_pair,
            MERGED_GAIN
        ));
    }

    /// Translation paragraphs 1 and 2 as the counterparts of original
    /// paragraphs 1 and 2 (the links do not matter here).
    const PAIR: NeighbourPair = NeighbourPair {
        first: 1,
        second: 2,
        links: 1..3,
    };

    #[test]
    fn shapes_that_agree_crosswise_are_read_crosswise() {
        let long = "A sentence of some forty characters, or so.";
        let short = "Twenty characters.";
        let half = "Ten chars.";
        let pair = &PAIR;
        // Counts 2, 1 told as 1, 2, lengths fitting crosswise.
        let en = side(&[&["x."], &[long, long], &[long], &["y."]], Language::EN);
        let de = side(&[&["x."], &[long], &[long, long], &["y."]], Language::DE);
        let ratio = length_ratio(&en, &de);
        assert_eq!(
            shaped_crosswise(&en, &de, ratio, 1, pair, CrossedFigures::Silent, false),
            Some(-COUNTS_SLACK)
        );
        // The same counts in order: nothing to read crosswise.
        assert_eq!(
            shaped_crosswise(&en, &en, 1.0, 1, pair, CrossedFigures::Silent, false),
            None
        );
        // Counts crosswise, but lengths that fit badly both ways (0.80 in
        // order, 0.59 crosswise): a sentence dropped beside one the
        // translator split, not a swap.
        let split = side(&[&["x."], &[short], &[half, half], &["y."]], Language::DE);
        let ratio = length_ratio(&en, &split);
        assert_eq!(
            shaped_crosswise(&en, &split, ratio, 1, pair, CrossedFigures::Silent, false),
            None
        );
        // One sentence each, lengths far apart in order and equal
        // crosswise: read crosswise at no gain.
        let longer = "A sentence of some forty characters, or so, made three times as long by \
                      going on and on about nothing at all, here and there.";
        let en = side(&[&["x."], &[longer], &[short], &["y."]], Language::EN);
        let de = side(&[&["x."], &[short], &[longer], &["y."]], Language::DE);
        let ratio = length_ratio(&en, &de);
        assert_eq!(
            shaped_crosswise(&en, &de, ratio, 1, pair, CrossedFigures::Silent, false),
            Some(0.0)
        );
        // Kinds that a swap would not give: not read crosswise.
        use crate::document::{BlockKind, BlockShape};
        let shape = |kind, level| BlockShape { kind, level };
        let (h1, h2, p) = (
            shape(BlockKind::Heading, 1),
            shape(BlockKind::Heading, 2),
            shape(BlockKind::Paragraph, 0),
        );
        let (mut en, mut de) = (en, de);
        en.kinds = vec![p, h1, h2, p];
        de.kinds = vec![p, h1, h2, p];
        assert_eq!(
            shaped_crosswise(&en, &de, ratio, 1, pair, CrossedFigures::Silent, false),
            None
        );
        de.kinds = vec![p, h2, h1, p];
        assert_eq!(
            shaped_crosswise(&en, &de, ratio, 1, pair, CrossedFigures::Silent, false),
            Some(0.0)
        );
    }

    #[test]
    fn a_swap_of_three_and_two_sentences_is_one_move() {
        let en: [&[&str]; 4] = [
            &["Why does the screen dim when I stop typing?"],
            &[
                "When you leave the computer alone for a few minutes, the screen becomes darker to save power.",
                "It does this because a bright screen uses much of the battery.",
                "Moving the mouse or pressing a key makes it bright again.",
            ],
            &[
                "You can change how long the computer waits in the power settings.",
                "Choose a longer delay if the screen dims while you are still reading.",
            ],
            &["The screen also turns off completely after a longer time."],
        ];
        let de: [&[&str]; 4] = [
            &["Warum wird der Bildschirm dunkler, wenn ich nicht mehr tippe?"],
            &[
                "Sie können in den Energieeinstellungen ändern, wie lange der Rechner wartet.",
                "Wählen Sie eine längere Verzögerung, wenn der Bildschirm dunkler wird, während Sie noch lesen.",
            ],
            &[
                "Wenn Sie den Rechner einige Minuten nicht benutzen, wird der Bildschirm dunkler, um Energie zu sparen.",
                "Das geschieht, weil ein heller Bildschirm viel vom Akku verbraucht.",
                "Wenn Sie die Maus bewegen oder eine Taste drücken, wird er wieder hell.",
            ],
            &["Nach längerer Zeit schaltet sich der Bildschirm auch ganz aus."],
        ];
        let (s, t) = (side(&en, Language::EN), side(&de, Language::DE));
        let options = AlignOptions::default();
        let mut alignment = align(&s, &t, &options);
        let before = alignment.clone();
        // As the check runs them: paragraph moves, then neighbours.
        let mut found = moves(&s, &t, &alignment, &options, |_| true);
        alignment.moves = found.clone();
        found.extend(uncross(
            &s,
            &t,
            &mut alignment,
            &options,
            &no_figures,
            |_| true,
        ));
        assert!(
            found
                == [Move {
                    source: 1..4,
                    target: 3..6
                }]
                || found
                    == [Move {
                        source: 4..6,
                        target: 1..3
                    }],
            "{found:?} from {before:?}"
        );
        // Nothing of the pair is left without counterpart but the move.
        let moved = &found[0];
        for l in &alignment.links {
            if l.source.is_empty() || l.target.is_empty() {
                assert!(
                    l.source.clone().all(|i| moved.source.contains(&i))
                        && l.target.clone().all(|j| moved.target.contains(&j)),
                    "{alignment:?}"
                );
            }
        }
    }

    #[test]
    fn lengths_agree_better_in_the_right_order() {
        let s = side(&[&["aaaa aaaa aaaa aaaa."], &["bb."]], Language::EN);
        let t = side(&[&["cc."], &["dddd dddd dddd dddd."]], Language::DE);
        let (pa, pb) = (&s.paragraphs[0], &s.paragraphs[1]);
        let (qa, qb) = (&t.paragraphs[0], &t.paragraphs[1]);
        let ratio = length_ratio(&s, &t);
        assert!(
            length_gap(&s, &t, ratio, [pa, pb], [qb, qa])
                < length_gap(&s, &t, ratio, [pa, pb], [qa, qb])
        );
    }

    /// The English of [`EN`] with its second and third paragraphs told in
    /// the other order, and a faithful German of it in the original order.
    const EN_SWAPPED: [&[&str]; 5] = [EN[0], EN[2], EN[1], EN[3], EN[4]];

    /// An original whose second and fourth paragraphs `EN_SWAPPED` tells
    /// in the other order.
    const DE_SHIFTED: [&[&str]; 5] = [
        &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
        &[
            "Die Brücke kostet 45 Millionen Franken und wird 2027 eröffnet, sagte Stadtpräsidentin Lena Frei.",
            "Sie trägt Trams, Velos und Fussgänger, aber keine Privatautos.",
        ],
        &["Kritiker sagen, die Brugger Fähre von 1911 solle bleiben."],
        &["Die Bauarbeiten beginnen im März und sperren die Uferstrasse für 18 Monate."],
        &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
    ];

    #[test]
    fn a_region_holding_a_kept_out_paragraph_or_a_move_is_not_realigned() {
        let (s, t) = (
            side(&DE_SHIFTED, Language::DE),
            side(&EN_SWAPPED, Language::EN),
        );
        let options = AlignOptions::default();
        let fresh = align(&s, &t, &options);
        // The translation's last paragraph, in every region, kept out.
        let last = t.paragraphs[t.paragraphs.len() - 1].clone();
        let mut alignment = fresh.clone();
        assert!(
            unshift(&s, &t, &mut alignment, &options, &no_figures, |q| *q
                != last)
            .is_empty()
        );
        assert_eq!(alignment.links, fresh.links);
        // A move read before, at the last paragraphs of both sides.
        let mut alignment = fresh.clone();
        alignment.moves.push(Move {
            source: s.paragraphs[s.paragraphs.len() - 1].clone(),
            target: last.clone(),
        });
        assert!(unshift(&s, &t, &mut alignment, &options, &no_figures, |_| true).is_empty());
        assert_eq!(alignment.links, fresh.links);
    }

    #[test]
    fn a_swap_read_in_a_closed_region_is_one_move() {
        let de = DE_SHIFTED;
        let (s, t) = (side(&de, Language::DE), side(&EN_SWAPPED, Language::EN));
        let options = AlignOptions::default();
        let mut alignment = align(&s, &t, &options);
        let gaps = |a: &Alignment| unlinked(&a.links);
        assert!(gaps(&alignment) > 0, "{alignment:?}");
        let found = unshift(&s, &t, &mut alignment, &options, &no_figures, |_| true);
        assert_eq!(found.len(), 1, "{alignment:?}");
        // The moved pair's sentences are the only ones left alone, and the
        // links still cover both sides in order.
        let m = &found[0];
        assert_eq!(gaps(&alignment), m.source.len() + m.target.len());
        assert!(
            (m.source == (1..3) && m.target == (2..4))
                || (m.source == (3..4) && m.target == (1..2)),
            "{found:?}"
        );
        let (mut i, mut j) = (0, 0);
        for l in &alignment.links {
            assert!(l.source.is_empty() || l.source.start == i, "{alignment:?}");
            assert!(l.target.is_empty() || l.target.start == j, "{alignment:?}");
            i = i.max(l.source.end);
            j = j.max(l.target.end);
        }
        assert_eq!((i, j), (s.sentences.len(), t.sentences.len()));
    }

    #[test]
    fn a_faithful_translation_and_an_unrelated_addition_are_not_unshifted() {
        let de: [&[&str]; 5] = [
            &["Der Rat traf sich am Montag, um die neue Brücke über die Aare zu besprechen."],
            &[
                "Die Brücke kostet 45 Millionen Franken und wird 2027 eröffnet, sagte Stadtpräsidentin Lena Frei.",
            ],
            &["Die Bauarbeiten beginnen im März und sperren die Uferstrasse für 18 Monate."],
            &["Der Rat stimmt am 12. Juni über die endgültigen Pläne ab."],
            &[
                "Abonnieren Sie unseren Newsletter für 9 Franken im Monat und lesen Sie alle Artikel.",
            ],
        ];
        let options = AlignOptions::default();
        for (original, translation) in [(&EN, &de), (&EN, &plain_translation(EN[2][0]))] {
            let (s, t) = (
                side(original, Language::EN),
                side(translation, Language::DE),
            );
            let mut alignment = align(&s, &t, &options);
            let before = alignment.links.clone();
            assert!(unshift(&s, &t, &mut alignment, &options, &no_figures, |_| true).is_empty());
            assert_eq!(alignment.links, before);
        }
    }

    #[test]
    fn a_region_is_closed_when_no_link_leaves_it() {
        let s = side(&[&["a"], &["b", "c"], &["d"]], Language::EN);
        let t = side(&[&["A"], &["B"], &["C", "D"]], Language::DE);
        let alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..3, 1..2, 0.5),
                link(3..4, 2..3, 0.5),
                link(4..4, 3..4, 0.0),
            ],
            moves: Vec::new(),
        };
        let s_link = link_of(&alignment, 4, |l| &l.source);
        let t_link = link_of(&alignment, 4, |l| &l.target);
        let closed = |a: &Alignment, s_region, t_region| {
            closed_span(&s, &t, a, &s_link, &t_link, &s_region, &t_region)
        };
        assert_eq!(closed(&alignment, 0..2, 0..2), Some(0..2));
        assert_eq!(closed(&alignment, 0..3, 0..3), Some(0..4));
        // Original paragraph 2 is linked into translation paragraph 2.
        assert_eq!(closed(&alignment, 0..2, 0..3), None);
        assert_eq!(closed(&alignment, 1..2, 1..3), None);
        assert_eq!(closed(&alignment, 1..2, 1..2), Some(1..2));
        // A translation sentence alone at the region's end is inside it.
        assert_eq!(closed(&alignment, 2..3, 2..3), Some(2..4));
    }

    #[test]
    fn sentences_alone_outside_the_pair_are_counted_by_side() {
        let links = [
            link(0..1, 0..0, 0.0),
            link(1..2, 0..1, 0.7),
            link(2..2, 1..2, 0.0),
            link(2..3, 2..2, 0.0),
            link(3..3, 2..3, 0.0),
        ];
        let alone = alone_outside(&links, &(2..3), &(1..2));
        assert_eq!(
            alone.into_iter().collect::<Vec<_>>(),
            vec![(false, 2), (true, 0)]
        );
    }

    #[test]
    fn the_texts_starts_and_ends_stand_for_links_beside_a_pair() {
        // A shifted run: the original's first paragraph alone, the next
        // ones linked a paragraph early, the translation's last alone.
        let s = side(&[&["a"], &["b"], &["c"], &["d"], &["e"]], Language::EN);
        let t = side(&[&["A"], &["B"], &["C"], &["D"], &["E"]], Language::DE);
        let alignment = Alignment {
            links: vec![
                link(0..1, 0..0, 0.0),
                link(1..2, 0..1, 0.5),
                link(2..3, 1..2, 0.5),
                link(3..4, 2..3, 0.5),
                link(4..5, 3..4, 0.5),
                link(5..5, 4..5, 0.0),
            ],
            moves: Vec::new(),
        };
        let t_link = link_of(&alignment, 5, |l| &l.target);
        // Nothing linked before the first pair: the starts place it at
        // the original's first paragraph, before the links after it do.
        assert_eq!(shifted_places(&s, &t, &alignment, &t_link, 0), vec![0, 1]);
        // Nothing linked after the last pair: the ends place it too.
        let last = shifted_places(&s, &t, &alignment, &t_link, 3);
        assert!(last.contains(&3), "{last:?}");
    }

    #[test]
    fn a_seam_left_alone_by_a_swap_is_mended_but_a_dropped_sentence_stays() {
        let first = "The council met on Monday to discuss the new bridge over the river.";
        let second = "It will carry trams, bicycles and pedestrians, but no private cars.";
        let third = "Construction work starts in March and closes the road for 18 months.";
        let other = "The council will vote on the final plans on 12 June, said the mayor.";
        let s = side(&[&[first, second, third], &[other]], Language::EN);
        // The monotone pass left the seam's last sentence alone on both
        // sides, as beside a swap read in the wrong order.
        let links = vec![
            link(0..1, 0..1, 0.9),
            link(1..2, 1..2, 0.9),
            link(2..3, 2..2, 0.0),
            link(3..3, 2..3, 0.0),
            link(3..4, 3..4, 0.9),
        ];
        let t = side(&[&[first, second, third], &[other]], Language::EN);
        let options = AlignOptions::default();
        let mut alignment = Alignment {
            links: links.clone(),
            moves: Vec::new(),
        };
        mend_seam(&s, &t, &mut alignment, &options, 0, 0);
        assert_eq!(unlinked(&alignment.links), 0, "{alignment:?}");
        assert_eq!(alignment.links.len(), 4, "{alignment:?}");
        // A translation that drops the sentence keeps it alone.
        let t = side(&[&[first, second], &[other]], Language::EN);
        let mut alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..2, 1..2, 0.9),
                link(2..3, 2..2, 0.0),
                link(3..4, 2..3, 0.9),
            ],
            moves: Vec::new(),
        };
        let before = alignment.clone();
        mend_seam(&s, &t, &mut alignment, &options, 0, 0);
        assert_eq!(alignment, before);
        // A seam whose links reach beyond its two paragraphs is left alone.
        let t = side(&[&[first, second, third], &[other]], Language::EN);
        let mut alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..2, 1..2, 0.9),
                link(2..3, 2..2, 0.0),
                link(3..4, 2..4, 0.5),
            ],
            moves: Vec::new(),
        };
        let before = alignment.clone();
        mend_seam(&s, &t, &mut alignment, &options, 0, 0);
        assert_eq!(alignment, before);
    }

    #[test]
    fn lengths_that_fit_crosswise_count_only_for_unsure_pairs_of_several_sentences() {
        let long = "A sentence of some forty characters, or so.";
        let longer = "A sentence of some forty characters, or so, and on, and on.";
        let near = "A sentence of some forty characters, or so, yes.";
        let pair = &PAIR;
        // Two sentences each; crosswise the lengths fit, in order less so.
        let en = side(
            &[&["x."], &[long, longer], &[long, long], &["y."]],
            Language::EN,
        );
        let de = side(
            &[&["x."], &[long, long], &[long, longer], &["y."]],
            Language::DE,
        );
        let ratio = length_ratio(&en, &de);
        let p = [&en.paragraphs[1], &en.paragraphs[2]];
        let q = [&de.paragraphs[1], &de.paragraphs[2]];
        let gain = length_gap(&en, &de, ratio, p, q) - length_gap(&en, &de, ratio, p, [q[1], q[0]]);
        assert!((MIN_FIT_GAIN..MIN_LENGTH_GAIN).contains(&gain), "{gain}");
        let shaped = |figures, unsure| shaped_crosswise(&en, &de, ratio, 1, pair, figures, unsure);
        assert_eq!(shaped(CrossedFigures::Silent, true), Some(MIN_LINKING_GAIN));
        // Links the aligner is sure of are not read so.
        assert_eq!(shaped(CrossedFigures::Silent, false), None);
        // Nor where a crossed pair's figures disagree.
        assert_eq!(shaped(CrossedFigures::Disagree, true), None);
        // Nor paragraphs of one sentence.
        let en = side(&[&["x."], &[near], &[long], &["y."]], Language::EN);
        let de = side(&[&["x."], &[long], &[near], &["y."]], Language::DE);
        let ratio = length_ratio(&en, &de);
        let one = shaped_crosswise(&en, &de, ratio, 1, pair, CrossedFigures::Silent, true);
        assert_eq!(one, None);
    }
}
