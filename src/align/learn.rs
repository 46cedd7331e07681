//! A lexicon learned from the pair itself.
//!
//! After a first alignment, words that keep appearing together in confident
//! links are likely translations (Moore 2002; hunalign's `-realign`). Their
//! association is the Dice coefficient of their link counts. This needs no
//! resource and works for any pair of languages; it helps most on long
//! texts, where words recur.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::dp::Step;
use super::features::{Tokenised, Translations};

/// A fast hasher for integer and short string keys (multiplicative, as in
/// rustc's FxHash); not resistant to crafted collisions, which an aligner
/// of two texts has no need for.
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: strings (interned words) hash fast too.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 59));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map keyed by integers.
pub type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// Least number of links two words must share.
const MIN_COUNT: u32 = 2;
/// Least Dice coefficient.
const MIN_DICE: f32 = 0.3;
/// Translations kept per word.
const KEEP: usize = 3;

/// Learns word translations from the links in `links`.
pub fn learn(src: &Tokenised, tgt: &Tokenised, links: &[Step]) -> Translations {
    // Distinct words of each link, and each source word's links.
    let mut target_words: Vec<Vec<u32>> = Vec::with_capacity(links.len());
    let mut postings: IntMap<u32, Vec<u32>> = IntMap::default();
    let mut target_count: IntMap<u32, u32> = IntMap::default();
    let mut buf = Vec::new();
    let mut space = 0;
    for (l, link) in links.iter().enumerate() {
        words(src, link.s0..link.s1, &mut buf);
        for &s in &buf {
            postings.entry(s).or_default().push(l as u32);
        }
        words(tgt, link.t0..link.t1, &mut buf);
        for &t in &buf {
            *target_count.entry(t).or_default() += 1;
            space = space.max(t as usize + 1);
        }
        target_words.push(buf.clone());
    }
    // For each source word, count its target companions in a dense array.
    let mut counts = vec![0u32; space];
    let mut touched = Vec::new();
    let mut sources: Vec<u32> = postings.keys().copied().collect();
    sources.sort_unstable();
    let mut out = Translations::default();
    let mut best: Vec<(f32, u32)> = Vec::new();
    for s in sources {
        let links_of = &postings[&s];
        if links_of.len() < MIN_COUNT as usize {
            continue;
        }
        for &l in links_of {
            for &t in &target_words[l as usize] {
                if counts[t as usize] == 0 {
                    touched.push(t);
                }
                counts[t as usize] += 1;
            }
        }
        best.clear();
        for &t in &touched {
            let c = counts[t as usize];
            counts[t as usize] = 0;
            if c < MIN_COUNT || t == s {
                continue;
            }
            let dice = 2.0 * c as f32 / (links_of.len() as u32 + target_count[&t]) as f32;
            if dice >= MIN_DICE {
                best.push((dice, t));
            }
        }
        touched.clear();
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, t) in best.iter().take(KEEP) {
            out.add(s, t);
        }
    }
    out
}

/// Distinct word forms of a run of sentences.
fn words(side: &Tokenised, range: std::ops::Range<usize>, out: &mut Vec<u32>) {
    out.clear();
    for s in range {
        out.extend(side.tokens[s].iter().filter(|t| t.word).map(|t| t.form));
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{TokenCache, Vocab, tokenise};

    #[test]
    fn learns_words_that_travel_together() {
        let mut vocab = Vocab::default();
        let cache = TokenCache::default();
        let src = tokenise(
            &["der hund bellt", "die katze schläft", "der hund schläft"],
            None,
            &cache,
            &mut vocab,
        );
        let tgt = tokenise(
            &["the dog barks", "the cat sleeps", "the dog sleeps"],
            None,
            &cache,
            &mut vocab,
        );
        let links: Vec<Step> = (0..3)
            .map(|i| Step {
                s0: i,
                s1: i + 1,
                t0: i,
                t1: i + 1,
            })
            .collect();
        let tr = learn(&src, &tgt, &links);
        let hund = vocab.get(&cache, "hund").unwrap();
        let dog = vocab.get(&cache, "dog").unwrap();
        let cat = vocab.get(&cache, "cat").unwrap();
        assert!(tr.forward().get(hund).contains(&dog));
        assert!(!tr.forward().get(hund).contains(&cat));
        assert!(tr.backward().get(dog).contains(&hund));
    }
}
