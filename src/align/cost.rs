//! What a link costs: length, link-type prior and lexical overlap.
//!
//! - Length: Gale & Church (1993): the difference of the character lengths,
//!   scaled by the pair's own length ratio, is roughly normal; the cost is
//!   `-ln P(|δ| or more)`.
//! - Prior: `-ln` of how common the link shape is, relative to 1-1.
//! - Overlap: the share of token weight on both sides that finds a match
//!   (see [`super::features`]), turned into a score that is 0 for what
//!   unrelated sentences typically reach and 1 for what true translations
//!   typically reach in this very pair (measured, not assumed, so the scale
//!   holds for any language pair and lexicon). Its cost grows with the
//!   number of sentences in the link, which keeps merges honest (the trick
//!   of Thompson & Koehn's Vecalign).

use super::dp::{Band, Step};
use super::features::Keyed;
use crate::document::BlockShape;

/// Tunable weights of the cost.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Cost of leaving one sentence unaligned.
    pub skip: f32,
    /// Cost of each further sentence in a run of unaligned sentences on
    /// one side (the first pays `skip`); at `skip` or above, runs cost no
    /// less than their sentences one by one and are not tried.
    pub run: f32,
    /// Weight of the overlap cost per sentence of a link.
    pub overlap: f32,
    /// Weight of the length cost.
    pub length: f32,
    /// Gale & Church's variance per character.
    pub variance: f64,
    /// Prior cost per extra sentence in a merge (beyond 1-1).
    pub merge: f32,
    /// Extra cost per paragraph break inside a link.
    pub crossing: f32,
    /// Cost of a link joining blocks of different kinds (a heading with a
    /// paragraph, code with prose), at full kind distance; used where
    /// the units are paragraphs whose kinds are known.
    pub kind: f32,
}

impl Weights {
    /// What a run of `k` unaligned sentences on one side costs.
    pub fn unaligned(&self, k: usize) -> f32 {
        if k == 0 {
            return 0.0;
        }
        self.skip + self.run.min(self.skip) * (k - 1) as f32
    }
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            skip: 6.5,
            run: RUN_WEIGHT,
            overlap: 4.0,
            length: 1.0,
            variance: 6.8,
            merge: 4.0,
            crossing: 3.0,
            kind: KIND_WEIGHT,
        }
    }
}

/// Default [`Weights::run`]: text with no counterpart comes in runs (a
/// block of photo captions or OCR debris, a paragraph the translator
/// added, verses the translation quotes and the original does not), and
/// a sentence that continues a run is more likely unaligned than one on
/// its own. At the full skip cost each sentence of such a run was cheaper
/// merged into a neighbouring link (merge prior plus an unrelated
/// sentence's overlap cost, about 6) than left alone (6.5), and a block
/// of 36 captions in `textberg-de-fr-dev` drew five source sentences
/// away from their translations. Calibrated with `transalign eval` on
/// the three gold sets (strict F1 textberg / dtm / 1984, with the FreeDict
/// dictionaries and without; docs/benchmarks.md): at 6.5 (off) 0.865 /
/// 0.987 / 0.991 and 0.858 / 0.987 / 0.986; at 4.0 0.868 / 0.987 / 0.991
/// and 0.865 / 0.987 / 0.987; at 3.0 0.869 / 0.987 / 0.992 and 0.871 /
/// 0.987 / 0.988; at 2.5 textberg falls to 0.858 and at 2.0 to 0.850:
/// the cheaper a run, the more weak 2-1 and 3-1 merges of freely
/// translated passages become dropped sentences (some do at 3.0 too).
pub const RUN_WEIGHT: f32 = 3.0;

/// Longest run of unaligned sentences priced as one link (longer runs are
/// several links, each paying `skip` once). Runs of at most 4, 6, 8 and
/// 12 scored the same on the gold sets at a run weight of 4.0; 8 and 12
/// the same at 3.5.
pub const RUN_MAX: usize = 8;

/// Default [`Weights::kind`]: what a heading linked to a paragraph (or
/// code to prose) pays. Calibrated on the GNOME Help development set, where
/// the pages mark headings and their levels only, and on `eval-faults
/// --max-articles 25`, by weight 0 / 3 / 5 / 8 / 12 / 20:
/// - eval-real, error+warning per 100 original paragraphs, all languages:
///   6.17 at 0, 6.14 from 1 on (de 6.55 → 6.52, pt-br 6.39 → 6.31);
/// - planted faults in the real pairs: added paragraphs found 380 / 387 /
///   388 / 390 / 390 / 390 of 463, added sentences 306 up to 307 from 8,
///   false alarms 183 → 182 from 3; the news and gold sections do not move.
///
/// 8 is the lowest weight on the plateau, and stays below two skips (13):
/// a heading a translation turned into a bold paragraph, with matching
/// words, still links rather than becoming an omission and an addition.
pub const KIND_WEIGHT: f32 = 8.0;

/// How different two block shapes are, from 0 (same kind and level) to 1.
/// A heading against anything but a heading, or code against anything but
/// code, is as different as can be; headings of different levels, and two
/// kinds of prose (a paragraph and a list item, a quotation, a table
/// cell), are half as different: translations and converters do change
/// those.
pub fn kind_distance(a: BlockShape, b: BlockShape) -> f32 {
    use crate::document::BlockKind::{CodeBlock, Heading};
    if a == b {
        return 0.0;
    }
    let strong = |k| k == Heading || k == CodeBlock;
    if a.kind != b.kind && (strong(a.kind) || strong(b.kind)) {
        1.0
    } else {
        0.5
    }
}

/// The kind cost of a link between the units `s0..s1` and `t0..t1`: the
/// largest distance from any unit to its nearest kind on the other side,
/// so a heading merged into a paragraph group pays as a heading linked to
/// a paragraph does. Nothing when either side's kinds are unknown.
#[inline]
pub fn link_kind_distance(src: &[BlockShape], tgt: &[BlockShape], step: Step) -> f32 {
    if src.is_empty() || tgt.is_empty() || step.s1 > src.len() || step.t1 > tgt.len() {
        return 0.0;
    }
    let (a, b) = (&src[step.s0..step.s1], &tgt[step.t0..step.t1]);
    let nearest = |x: &BlockShape, other: &[BlockShape]| {
        other
            .iter()
            .map(|y| kind_distance(*x, *y))
            .fold(f32::INFINITY, f32::min)
    };
    a.iter()
        .map(|x| nearest(x, b))
        .chain(b.iter().map(|y| nearest(y, a)))
        .fold(0.0, f32::max)
}

/// Overlap scale: what unrelated pairs and what true pairs reach.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Typical similarity of unrelated sentences.
    pub random: f32,
    /// Typical similarity of translations.
    pub typical: f32,
}

impl Scale {
    /// Position of a similarity on this scale (0 unrelated, 1 typical).
    pub fn z(&self, sim: f32) -> f32 {
        (sim - self.random) / (self.typical - self.random).max(0.05)
    }
}

/// Matched token weights between each source sentence and the target
/// sentences its band reaches.
pub struct Overlap {
    cols: Vec<(usize, usize)>,
    start: Vec<usize>,
    source_side: Vec<f32>,
    target_side: Vec<f32>,
}

impl Overlap {
    /// Computes matches for every source sentence against the target
    /// sentences that links within `band` can join it with. Pairs that
    /// `reuse` (an earlier, narrower band over the same keys) already holds
    /// are copied, not recomputed: widening a band only pays for its new
    /// cells.
    pub fn new(
        src: &Keyed,
        tgt: &Keyed,
        band: &Band,
        max_link: usize,
        reuse: Option<&Overlap>,
    ) -> Overlap {
        let (n, m) = (src.len(), tgt.len());
        let mut cols = Vec::with_capacity(n);
        let mut start = Vec::with_capacity(n + 1);
        let mut total = 0;
        for s in 0..n {
            let lo = band.lo[s + 1].saturating_sub(max_link);
            let hi = band.hi[(s + max_link).min(n)].min(m);
            cols.push((lo, hi.max(lo)));
            start.push(total);
            total += hi.max(lo) - lo;
        }
        start.push(total);
        let mut source_side = vec![0.0; total];
        let mut target_side = vec![0.0; total];
        // What the earlier band holds for each row (empty when nothing).
        let old = |s: usize| -> (usize, usize) {
            match reuse {
                Some(o) if o.cols.len() == n => o.cols[s],
                _ => (0, 0),
            }
        };
        // Mark one sentence's keys at a time, then test every sentence of
        // the other side that its band reaches against the marks.
        let space = src.key_space.max(tgt.key_space);
        let mut stamp = vec![0u32; space];
        for (s, &(lo, hi)) in cols.iter().enumerate() {
            let (plo, phi) = old(s);
            let (clo, chi) = (lo.max(plo), hi.min(phi));
            if let Some(o) = reuse.filter(|_| clo < chi) {
                let (from, to) = (o.start[s] + clo - plo, start[s] + clo - lo);
                source_side[to..to + chi - clo]
                    .copy_from_slice(&o.source_side[from..from + chi - clo]);
                target_side[to..to + chi - clo]
                    .copy_from_slice(&o.target_side[from..from + chi - clo]);
                if lo >= clo && hi <= chi {
                    continue;
                }
            }
            src.stamp(s, &mut stamp, s as u32 + 1);
            for t in (lo..hi).filter(|&t| t < clo || t >= chi) {
                target_side[start[s] + t - lo] = tgt.matched_stamped(t, &stamp, s as u32 + 1);
            }
        }
        stamp.fill(0);
        let mut first = 0;
        for t in 0..m {
            let mut stamped = false;
            while first < n && cols[first].1 <= t {
                first += 1;
            }
            for s in first..n {
                let (lo, hi) = cols[s];
                if lo > t {
                    break;
                }
                let (plo, phi) = old(s);
                if t < hi && (t < plo || t >= phi) {
                    if !stamped {
                        tgt.stamp(t, &mut stamp, t as u32 + 1);
                        stamped = true;
                    }
                    source_side[start[s] + t - lo] = src.matched_stamped(s, &stamp, t as u32 + 1);
                }
            }
        }
        Overlap {
            cols,
            start,
            source_side,
            target_side,
        }
    }

    // Inlined: the pricing of every link reads pairs through it.
    #[inline]
    fn get(&self, s: usize, t: usize) -> (f32, f32) {
        let (lo, hi) = self.cols[s];
        if t < lo || t >= hi {
            return (0.0, 0.0);
        }
        let k = self.start[s] + t - lo;
        (self.source_side[k], self.target_side[k])
    }
}

/// Similarity of a link: matched share of token weight, shrunk towards the
/// unrelated level for links with little evidence.
pub fn similarity(src: &Keyed, tgt: &Keyed, overlap: &Overlap, step: Step, random: f32) -> f32 {
    let (sum, count) = coverage(src, tgt, overlap, step, random);
    sum / count.max(1) as f32
}

/// Sum and number of per-sentence coverages of a link: for each sentence,
/// the share of its token weight matched on the other side, shrunk towards
/// the unrelated level when it has few tokens. Judging every sentence on
/// its own keeps an unrelated short sentence from hiding in a merge.
fn coverage(src: &Keyed, tgt: &Keyed, overlap: &Overlap, step: Step, random: f32) -> (f32, usize) {
    const PSEUDO: f32 = 2.0;
    let shrink =
        |matched: f32, weight: f32| (matched.min(weight) + random * PSEUDO) / (weight + PSEUDO);
    let b = step.t1 - step.t0;
    // A 1-1 link, by far the most often priced: one pair, no sums (the
    // same additions in the same order as the general case below).
    let a = step.s1 - step.s0;
    if a == 1 && b == 1 {
        let (x, y) = overlap.get(step.s0, step.t0);
        let total = shrink(x, src.weights[step.s0]) + shrink(y, tgt.weights[step.t0]);
        return (total, 2);
    }
    // One sentence against several (1-n and n-1, the other common merges):
    // again the general case's additions in its order, without its buffer.
    if a == 1 {
        let s = step.s0;
        let sum = (step.t0..step.t1).fold(0.0, |acc, t| acc + overlap.get(s, t).0);
        let mut total = shrink(sum, src.weights[s]);
        for t in step.t0..step.t1 {
            total += shrink(overlap.get(s, t).1, tgt.weights[t]);
        }
        return (total, 1 + b);
    }
    if b == 1 {
        let t = step.t0;
        let mut total = 0.0;
        let mut sum = 0.0;
        for s in step.s0..step.s1 {
            let (x, y) = overlap.get(s, t);
            total += shrink(x, src.weights[s]);
            sum += y;
        }
        total += shrink(sum, tgt.weights[t]);
        return (total, a + 1);
    }
    let mut total = 0.0;
    // One pass over the link's sentence pairs; target sums kept on the
    // stack for the usual link sizes.
    const SMALL: usize = 8;
    if b > SMALL {
        for s in step.s0..step.s1 {
            let sum: f32 = (step.t0..step.t1).map(|t| overlap.get(s, t).0).sum();
            total += shrink(sum, src.weights[s]);
        }
        for t in step.t0..step.t1 {
            let sum: f32 = (step.s0..step.s1).map(|s| overlap.get(s, t).1).sum();
            total += shrink(sum, tgt.weights[t]);
        }
        return (total, step.s1 - step.s0 + b);
    }
    let mut tsums = [0.0f32; SMALL];
    for s in step.s0..step.s1 {
        let (lo, hi) = overlap.cols[s];
        let (from, to) = (step.t0.max(lo), step.t1.min(hi).max(step.t0.max(lo)));
        let base = overlap.start[s] + from - lo;
        let ss = &overlap.source_side[base..base + to - from];
        let ts = &overlap.target_side[base..base + to - from];
        let mut sum = 0.0;
        for (k, (&x, &y)) in ss.iter().zip(ts).enumerate() {
            sum += x;
            tsums[from - step.t0 + k] += y;
        }
        total += shrink(sum, src.weights[s]);
    }
    for (k, &sum) in tsums[..b].iter().enumerate() {
        total += shrink(sum, tgt.weights[step.t0 + k]);
    }
    (total, step.s1 - step.s0 + b)
}

/// `-ln P(X ≥ |δ|)` for a standard normal `X`, two-sided: Gale & Church's
/// length cost.
pub fn length_cost(source_len: f64, target_len: f64, ratio: f64, variance: f64) -> f32 {
    let mean = (source_len * ratio + target_len) / 2.0;
    let delta = (target_len - source_len * ratio) / (variance * mean.max(1.0)).sqrt();
    -ln_erfc(delta.abs() / std::f64::consts::SQRT_2) as f32
}

/// `ln erfc(x)` for `x ≥ 0`, stable for large `x`.
fn ln_erfc(x: f64) -> f64 {
    // Abramowitz & Stegun 7.1.26 keeps erfc(x)·e^{x²} as a polynomial, so
    // the logarithm never underflows.
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    poly.ln() - x * x
}

/// Everything a link's cost needs.
pub struct Pricer<'a> {
    /// Source side.
    pub src: &'a Keyed,
    /// Target side.
    pub tgt: &'a Keyed,
    /// Pairwise matches within the band.
    pub overlap: &'a Overlap,
    /// Overlap scale of this pair.
    pub scale: Scale,
    /// Target characters per source character.
    pub ratio: f64,
    /// Weights.
    pub weights: Weights,
}

/// Highest overlap score counted: a little above typical, so that a very
/// clear match can pay for a merge, but not without limit.
const Z_MAX: f32 = 1.25;

impl Pricer<'_> {
    /// The least a link of this shape can cost.
    pub fn floor(&self, (a, b): (usize, usize)) -> f32 {
        let w = &self.weights;
        if a == 0 || b == 0 {
            return w.unaligned(a + b);
        }
        w.merge * (a + b - 2) as f32 + w.overlap * (1.0 - Z_MAX) * (a + b) as f32 / 2.0
    }

    /// Cost of one link, or infinity once it is clear that it reaches
    /// `budget`: the length cost (a logarithm) is only computed for links
    /// that prior and overlap leave in the running.
    #[inline]
    pub fn cost_within(&self, step: Step, budget: f32) -> f32 {
        let (a, b) = (step.s1 - step.s0, step.t1 - step.t0);
        let w = &self.weights;
        if a == 0 || b == 0 {
            return w.unaligned(a + b);
        }
        let (sum, count) = coverage(self.src, self.tgt, self.overlap, step, self.scale.random);
        let z = self.scale.z(sum / count as f32).clamp(-1.0, Z_MAX);
        let crossings =
            breaks(&self.src.breaks, step.s0, step.s1) + breaks(&self.tgt.breaks, step.t0, step.t1);
        let mut prior = w.merge * (a + b - 2) as f32 + w.crossing * crossings as f32;
        if !self.src.shapes.is_empty() {
            prior += w.kind * link_kind_distance(&self.src.shapes, &self.tgt.shapes, step);
        }
        let overlap = w.overlap * (1.0 - z) * count as f32 / 2.0;
        // The length cost is never negative.
        if w.length >= 0.0 && prior + overlap >= budget {
            return f32::INFINITY;
        }
        let ls = self.src.run_length(step.s0, step.s1);
        let lt = self.tgt.run_length(step.t0, step.t1);
        let length = length_cost(ls, lt, self.ratio, w.variance);
        prior + w.length * length + overlap
    }
}

/// Paragraph breaks inside the run `start..end`.
fn breaks(starts: &[bool], start: usize, end: usize) -> usize {
    (start + 1..end)
        .filter(|&i| starts.get(i).copied().unwrap_or(false))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_cost_grows_with_mismatch() {
        let even = length_cost(100.0, 100.0, 1.0, 6.8);
        let off = length_cost(100.0, 150.0, 1.0, 6.8);
        let far = length_cost(100.0, 400.0, 1.0, 6.8);
        assert!(even < 0.01);
        assert!(even < off && off < far);
        assert!(far.is_finite());
        // The ratio of the pair is taken into account.
        assert!(length_cost(100.0, 150.0, 1.5, 6.8) < 0.01);
    }

    #[test]
    fn coverage_shortcuts_agree_with_a_plain_sum() {
        use super::super::features::{TokenCache, Translations, Vocab, key, tokenise};
        let mut vocab = Vocab::default();
        let cache = TokenCache::default();
        let src = tokenise(
            &[
                "Anna kauft 12 Äpfel.",
                "Berlin ist gross.",
                "Ja!",
                "Otto (78) lacht.",
            ],
            None,
            &cache,
            &mut vocab,
        );
        let tgt = tokenise(
            &[
                "Anna buys 12 apples in Berlin.",
                "Yes!",
                "Otto laughs.",
                "(78)",
            ],
            None,
            &cache,
            &mut vocab,
        );
        let tr = Translations::default();
        let (s, t) = (key(&src, &tr.forward()), key(&tgt, &tr.backward()));
        let overlap = Overlap::new(&s, &t, &Band::full(4, 4), 4, None);
        let random = 0.1;
        let shrink = |m: f32, w: f32| (m.min(w) + random * 2.0) / (w + 2.0);
        for (s0, s1, t0, t1) in [(0, 1, 0, 1), (0, 1, 0, 3), (1, 4, 2, 3), (0, 2, 1, 3)] {
            let step = Step { s0, s1, t0, t1 };
            let mut want = 0.0;
            for i in s0..s1 {
                want += shrink((t0..t1).map(|j| overlap.get(i, j).0).sum(), s.weights[i]);
            }
            for j in t0..t1 {
                want += shrink((s0..s1).map(|i| overlap.get(i, j).1).sum(), t.weights[j]);
            }
            let (got, count) = coverage(&s, &t, &overlap, step, random);
            assert_eq!(count, s1 - s0 + t1 - t0);
            assert!((got - want).abs() < 1e-6, "{step:?}: {got} vs {want}");
        }
        // The pairs are not all unrelated: Anna/12 and Otto/78 match.
        assert!(overlap.get(0, 0).0 >= 3.0 && overlap.get(3, 2).0 >= 1.0);
    }

    #[test]
    fn kind_distances() {
        use crate::document::BlockKind::{CodeBlock, Heading, ListItem, Paragraph, TableCell};
        let sh = |kind, level| BlockShape { kind, level };
        let (h1, h2, p, li, code, cell) = (
            sh(Heading, 1),
            sh(Heading, 2),
            sh(Paragraph, 0),
            sh(ListItem, 0),
            sh(CodeBlock, 0),
            sh(TableCell, 0),
        );
        assert_eq!(kind_distance(h2, h2), 0.0);
        assert_eq!(kind_distance(h1, h2), 0.5);
        assert_eq!(kind_distance(h1, p), 1.0);
        assert_eq!(kind_distance(code, li), 1.0);
        assert_eq!(kind_distance(p, li), 0.5);
        assert_eq!(kind_distance(cell, p), 0.5);
        let step = |s0, s1, t0, t1| Step { s0, s1, t0, t1 };
        // A heading merged with a paragraph against two paragraphs pays as
        // a heading linked to a paragraph; against the same pair, nothing.
        assert_eq!(link_kind_distance(&[h1, p], &[p, p], step(0, 2, 0, 2)), 1.0);
        assert_eq!(
            link_kind_distance(&[h1, p], &[h1, p], step(0, 2, 0, 2)),
            0.0
        );
        assert_eq!(link_kind_distance(&[h1, p], &[p], step(1, 2, 0, 1)), 0.0);
        // Unknown kinds cost nothing.
        assert_eq!(link_kind_distance(&[], &[p], step(0, 1, 0, 1)), 0.0);
    }

    #[test]
    fn a_run_of_unaligned_sentences_pays_one_skip_then_less() {
        let w = Weights::default();
        assert_eq!(w.unaligned(0), 0.0);
        assert_eq!(w.unaligned(1), w.skip);
        assert_eq!(w.unaligned(3), w.skip + 2.0 * w.run);
        assert!(w.unaligned(3) < 3.0 * w.skip);
        // A run never costs more than its sentences one by one.
        let dear = Weights { run: 9.0, ..w };
        assert_eq!(dear.unaligned(3), 3.0 * w.skip);
    }

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!((ln_erfc(0.0) - 0.0).abs() < 1e-6);
        assert!((ln_erfc(1.0) - 0.157_299_f64.ln()).abs() < 1e-3);
        assert!((ln_erfc(3.0) - 2.209_05e-5_f64.ln()).abs() < 1e-2);
    }
}
