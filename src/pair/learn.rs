//! A word lexicon learned from the pairs a first pass is sure of.
//!
//! Words that keep turning up together in confidently paired documents,
//! and rarely apart, are taken as translations (Dice coefficient over
//! document pairs). Each learned pair becomes a shared key, so a second
//! pass sees common vocabulary that numbers and names alone miss.

use std::collections::HashMap;

use super::{Fingerprint, Pair};

/// Pairs below this confidence teach nothing.
const MIN_CONFIDENCE: f64 = 0.3;
/// A word pair must co-occur in this many document pairs.
const MIN_COOCCURRENCE: u32 = 3;
/// And reach this Dice coefficient.
const MIN_DICE: f64 = 0.6;

/// Learned word translations: original word → translation word (hashed).
#[derive(Debug, Default)]
pub struct Lexicon {
    translations: HashMap<u64, u64>,
    targets: std::collections::HashSet<u64>,
}

impl Lexicon {
    /// Learns from the confident `pairs`.
    pub fn from_pairs(
        originals: &[Fingerprint],
        translations: &[Fingerprint],
        pairs: &[Pair],
    ) -> Lexicon {
        let sure: Vec<&Pair> = pairs
            .iter()
            .filter(|p| p.confidence >= MIN_CONFIDENCE)
            .collect();
        let mut df_source: HashMap<u64, u32> = HashMap::new();
        let mut df_target: HashMap<u64, u32> = HashMap::new();
        for p in &sure {
            for &w in &originals[p.original].words {
                *df_source.entry(w).or_default() += 1;
            }
            for &w in &translations[p.translation].words {
                *df_target.entry(w).or_default() += 1;
            }
        }
        // Only words seen often enough can co-occur often enough.
        let frequent =
            |df: &HashMap<u64, u32>, w: &u64| df.get(w).is_some_and(|&n| n >= MIN_COOCCURRENCE);
        let mut together: HashMap<(u64, u64), u32> = HashMap::new();
        for p in &sure {
            let source: Vec<u64> = originals[p.original]
                .words
                .iter()
                .filter(|w| frequent(&df_source, w))
                .copied()
                .collect();
            let target: Vec<u64> = translations[p.translation]
                .words
                .iter()
                .filter(|w| frequent(&df_target, w))
                .copied()
                .collect();
            for &s in &source {
                for &t in &target {
                    *together.entry((s, t)).or_default() += 1;
                }
            }
        }
        let mut best: HashMap<u64, (f64, u64)> = HashMap::new();
        for (&(s, t), &n) in &together {
            if n < MIN_COOCCURRENCE {
                continue;
            }
            let dice = 2.0 * f64::from(n) / f64::from(df_source[&s] + df_target[&t]);
            if dice >= MIN_DICE {
                let entry = best.entry(s).or_insert((0.0, t));
                // Ties go to the smaller hash, so the result is deterministic.
                if dice > entry.0 || dice == entry.0 && t < entry.1 {
                    *entry = (dice, t);
                }
            }
        }
        let translations: HashMap<u64, u64> = best.into_iter().map(|(s, (_, t))| (s, t)).collect();
        let targets = translations.values().copied().collect();
        Lexicon {
            translations,
            targets,
        }
    }

    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.translations.is_empty()
    }

    /// An original's fingerprint with a key for each translated word.
    pub fn translate_original(&self, fp: &Fingerprint) -> Fingerprint {
        fp.with_keys(
            fp.words
                .iter()
                .filter_map(|w| self.translations.get(w))
                .map(|&t| learned_key(t)),
        )
    }

    /// A translation's fingerprint with a key for each learned word in it.
    pub fn mark_translation(&self, fp: &Fingerprint) -> Fingerprint {
        fp.with_keys(
            fp.words
                .iter()
                .filter(|w| self.targets.contains(w))
                .map(|&t| learned_key(t)),
        )
    }
}

fn learned_key(target_word: u64) -> u64 {
    super::keys::hash("l", &target_word.to_string())
}
