//! Anchors: the parts of a sentence that survive translation unchanged in
//! meaning and are cheap to compare without a dictionary — numbers (read
//! per locale), names (folded for case, diacritics and transliteration) and
//! negation cues.
//!
//! Findings use them to tell a faithful segment from one that lost or
//! changed a fact.

pub mod cues;
mod folding;
pub mod names;
pub mod numbers;
pub mod persons;
pub mod roman;
pub mod spelled;

pub use cues::{
    double_negation, ends_clause, is_ad_marker, is_boilerplate_opener, negated_clauses,
    negation_inside_words, negation_ranges, negations,
};
pub use names::{FoldedWords, Name, fold, name_in, names, same_name};
pub use numbers::{Number, NumberKind, digit_numbers, digit_numbers_in, numbers, same_number};

/// A fast hasher for the word tables looked up for every word of a text
/// (FNV-1a: short keys, no need to resist crafted collisions).
#[derive(Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub(crate) type WordMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A hash map with [`WordHasher`], for the findings' tables of one run
/// (looked up per word, sentence or trigram; none is iterated in an order
/// that reaches a report).
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A hash set with [`WordHasher`].
pub(crate) type FastSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;
