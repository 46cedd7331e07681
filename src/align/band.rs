//! Where the first band lies: a rough path through the sentence table to
//! centre it on.
//!
//! Forms that occur in exactly one sentence on each side (rare names,
//! numbers, cognates) pair those sentences; these pairs are the path's
//! anchor points (the word's only sense here, unrelated to the facts of
//! [`crate::anchors`]). The longest chain of such pairs that is monotone on
//! both sides (a longest increasing subsequence) drops chance pairs;
//! between its points the path is interpolated. This follows
//! the text however far it strays from the diagonal (a long insertion, a
//! dropped chapter), so the band can stay narrow.

use super::features::Tokenised;

/// Most occurrences per side of a form used as an anchor.
const MAX_OCCURRENCES: usize = 50;

/// The anchor chain as `(source, target)` sentence pairs, increasing in both.
pub fn chain(src: &Tokenised, tgt: &Tokenised) -> Vec<(usize, usize)> {
    let space = src
        .tokens
        .iter()
        .chain(&tgt.tokens)
        .flatten()
        .flat_map(|t| [t.form, t.prefix.unwrap_or(0)])
        .max()
        .map_or(0, |k| k as usize + 1);
    let (a, b) = (Occurrences::of(src, space), Occurrences::of(tgt, space));
    // A form that occurs in as many sentences on both sides pairs them in
    // order: a rare name or number, or a name that recurs in both.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for key in 0..space {
        let (x, y) = (a.list(key), b.list(key));
        if !x.is_empty() && x.len() == y.len() && x.len() <= MAX_OCCURRENCES {
            pairs.extend(x.iter().copied().zip(y.iter().copied()));
        }
    }
    // Sort by source, and by target descending within a source, so that
    // the strictly increasing chain takes at most one pair per sentence.
    pairs.sort_unstable_by(|p, q| p.0.cmp(&q.0).then(q.1.cmp(&p.1)));
    pairs.dedup();
    let chain: Vec<(usize, usize)> = longest_increasing(&pairs)
        .into_iter()
        .map(|(s, t)| (s as usize, t as usize))
        .collect();
    drop_outliers(&chain)
}

/// The sentences each long word, its prefix or a number occurs in, for
/// every key below `space`: one flat list, in key order, each key's
/// sentences in order and once each.
struct Occurrences {
    /// Where each key's sentences start in `sentences` (one more entry).
    starts: Vec<u32>,
    sentences: Vec<u32>,
}

impl Occurrences {
    fn of(side: &Tokenised, space: usize) -> Occurrences {
        // The keys of a sentence's long words (and their prefixes) and
        // numbers, in order; the same sentence once per key.
        let mut last = vec![u32::MAX; space];
        let each = |last: &mut [u32], f: &mut dyn FnMut(usize, u32)| {
            last.fill(u32::MAX);
            for (s, toks) in side.tokens.iter().enumerate() {
                let s = s as u32;
                for t in toks
                    .iter()
                    .filter(|t| t.prefix.is_some() || t.weight >= 2.0)
                {
                    for k in [Some(t.form), t.prefix].into_iter().flatten() {
                        if last[k as usize] != s {
                            last[k as usize] = s;
                            f(k as usize, s);
                        }
                    }
                }
            }
        };
        // Count, then place.
        let mut starts = vec![0u32; space + 1];
        each(&mut last, &mut |k, _| starts[k + 1] += 1);
        for k in 0..space {
            starts[k + 1] += starts[k];
        }
        let mut fill = starts.clone();
        let mut sentences = vec![0u32; starts[space] as usize];
        each(&mut last, &mut |k, s| {
            sentences[fill[k] as usize] = s;
            fill[k] += 1;
        });
        Occurrences { starts, sentences }
    }

    /// The sentences key `k` occurs in.
    fn list(&self, k: usize) -> &[u32] {
        &self.sentences[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// Largest distance of an anchor's diagonal offset from the median offset
/// of its neighbourhood.
const OUTLIER: i64 = 16;

/// Drops anchors whose offset (`t - s`) jumps away from what the anchors
/// around them agree on: where anchors are sparse, a chance pair can still
/// be monotone with its neighbours and would drag the band off the text.
/// A real shift (a long insertion or omission) moves the offsets of all
/// later anchors, so the median of five follows it and keeps them.
fn drop_outliers(chain: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let offsets: Vec<i64> = chain.iter().map(|&(s, t)| t as i64 - s as i64).collect();
    let mut window = Vec::with_capacity(5);
    chain
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            window.clear();
            window.extend_from_slice(&offsets[i.saturating_sub(2)..(i + 3).min(offsets.len())]);
            window.sort_unstable();
            let median = window[window.len() / 2];
            (offsets[i] - median).abs() <= OUTLIER
        })
        .map(|(_, &p)| p)
        .collect()
}

/// Longest chain strictly increasing in the second element (patience
/// sorting, O(k log k)).
fn longest_increasing(pairs: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut parent = vec![usize::MAX; pairs.len()];
    for (i, &(_, t)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&j| pairs[j].1 < t);
        if k > 0 {
            parent[i] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut i = tails.last().copied().unwrap_or(usize::MAX);
    while i != usize::MAX {
        out.push(pairs[i]);
        i = parent[i];
    }
    out.reverse();
    out
}

/// A column for every row `0..=n`, interpolated between anchors.
pub fn centre(chain: &[(usize, usize)], n: usize, m: usize) -> Vec<usize> {
    let mut points = vec![(0, 0)];
    // Anchor (s, t) says row s+1 reaches column t+1.
    points.extend(chain.iter().map(|&(s, t)| (s + 1, t + 1)));
    points.push((n, m));
    let mut out = vec![0; n + 1];
    for w in points.windows(2) {
        let ((r0, c0), (r1, c1)) = (w[0], w[1]);
        for (r, slot) in out.iter_mut().enumerate().take(r1 + 1).skip(r0) {
            *slot = if r1 == r0 {
                c1
            } else {
                c0 + (c1.saturating_sub(c0)) * (r - r0) / (r1 - r0)
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{TokenCache, Vocab, tokenise};

    #[test]
    fn lone_outliers_are_dropped_but_shifts_kept() {
        let chain = [
            (0, 0),
            (10, 10),
            (20, 90),
            (30, 30),
            (40, 40),
            (50, 80),
            (60, 90),
        ];
        let kept = drop_outliers(&chain);
        assert!(!kept.contains(&(20, 90)));
        // The shift by 30 at row 50 persists, so it is real.
        assert!(kept.contains(&(50, 80)) && kept.contains(&(60, 90)));
    }

    #[test]
    fn chain_skips_crossing_pairs() {
        let p = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&p), vec![(0, 0), (2, 1), (3, 2), (4, 3)]);
    }

    #[test]
    fn rare_words_anchor_across_an_insertion() {
        let mut v = Vocab::default();
        let cache = TokenCache::default();
        let src = tokenise(
            &["Alpha kam.", "Bravo ging.", "Charlie blieb."],
            None,
            &cache,
            &mut v,
        );
        let tgt = tokenise(
            &[
                "Alpha came.",
                "Extra line.",
                "More extra.",
                "Bravo went.",
                "Charlie stayed.",
            ],
            None,
            &cache,
            &mut v,
        );
        let c = chain(&src, &tgt);
        assert_eq!(c, vec![(0, 0), (1, 3), (2, 4)]);
        let centre = centre(&c, 3, 5);
        assert_eq!(centre, vec![0, 1, 4, 5]);
    }
}
