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

/// A fast hasher for integer keys (multiplicative, as in rustc's FxHash).
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
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
    let mut source_count: IntMap<u32, u32> = IntMap::default();
    let mut target_count: IntMap<u32, u32> = IntMap::default();
    let mut pair_count: IntMap<u64, u32> = IntMap::default();
    let mut sw = Vec::new();
    let mut tw = Vec::new();
    for link in links {
        words(src, link.s0..link.s1, &mut sw);
        words(tgt, link.t0..link.t1, &mut tw);
        for &s in &sw {
            *source_count.entry(s).or_default() += 1;
        }
        for &t in &tw {
            *target_count.entry(t).or_default() += 1;
        }
        for &s in &sw {
            for &t in &tw {
                if s != t {
                    *pair_count.entry((s as u64) << 32 | t as u64).or_default() += 1;
                }
            }
        }
    }
    let mut candidates: IntMap<u32, Vec<(f32, u32)>> = IntMap::default();
    for (&key, &c) in &pair_count {
        if c < MIN_COUNT {
            continue;
        }
        let (s, t) = ((key >> 32) as u32, key as u32);
        let dice = 2.0 * c as f32 / (source_count[&s] + target_count[&t]) as f32;
        if dice >= MIN_DICE {
            candidates.entry(s).or_default().push((dice, t));
        }
    }
    let mut out = Translations::default();
    let mut sources: Vec<u32> = candidates.keys().copied().collect();
    sources.sort_unstable();
    for s in sources {
        let list = candidates.get_mut(&s).expect("key from the map");
        list.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, t) in list.iter().take(KEEP) {
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
    use crate::align::features::{Vocab, tokenise};

    #[test]
    fn learns_words_that_travel_together() {
        let mut vocab = Vocab::default();
        let src = tokenise(
            &["der hund bellt", "die katze schläft", "der hund schläft"],
            &mut vocab,
        );
        let tgt = tokenise(
            &["the dog barks", "the cat sleeps", "the dog sleeps"],
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
        let hund = vocab.get("hund").unwrap();
        let dog = vocab.get("dog").unwrap();
        let cat = vocab.get("cat").unwrap();
        assert!(tr.forward[&hund].contains(&dog));
        assert!(!tr.forward[&hund].contains(&cat));
        assert!(tr.backward[&dog].contains(&hund));
    }
}
