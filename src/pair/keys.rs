//! Fingerprints: the keys of a document that survive translation.

use unicode_segmentation::UnicodeSegmentation;

/// The translation-stable keys of one document, with counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fingerprint {
    /// Hashed keys and how often each occurs, sorted by key.
    pub keys: Vec<(u64, u32)>,
    /// Length as the aligner measures it (non-space characters, a
    /// Chinese character counting three).
    pub chars: usize,
    /// Hashed folded words of three letters or more, sorted, each once:
    /// what a learned lexicon translates.
    pub words: Vec<u64>,
    /// The document's language, when detection is sure of it: a
    /// translation is never paired with an original in its own language.
    pub language: Option<whatlang::Lang>,
}

impl Fingerprint {
    /// The fingerprint of a document's text.
    pub fn of(text: &str) -> Fingerprint {
        let mut keys: Vec<u64> = Vec::new();
        let mut words: Vec<u64> = Vec::new();
        let mut sentence_start = true;
        for word in text.split_word_bounds() {
            let first = word.chars().next().unwrap_or(' ');
            if word.contains("://") || word.contains('@') && word.contains('.') {
                keys.push(hash("u", &word.to_lowercase()));
            } else if first.is_ascii_digit() {
                let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                if digits.len() >= 2 {
                    keys.push(hash("n", &digits));
                }
            } else if first.is_alphabetic() {
                let folded = crate::text::fold(word);
                let len = folded.chars().count();
                if len >= 3 {
                    words.push(hash("w", &folded));
                }
                if first.is_uppercase() && !sentence_start && len >= 3 {
                    keys.push(hash("c", prefix(&folded, 5)));
                }
                if len >= 6 {
                    keys.push(hash("p", prefix(&folded, 4)));
                }
            }
            if !word.trim().is_empty() {
                sentence_start = matches!(word, "." | "!" | "?" | "\n" | ":" | "…");
            }
        }
        words.sort_unstable();
        words.dedup();
        keys.sort_unstable();
        let mut counted: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
        for k in keys {
            match counted.last_mut() {
                Some((last, n)) if *last == k => *n += 1,
                _ => counted.push((k, 1)),
            }
        }
        // A few thousand characters settle the language as well as all.
        let sample: String = text.chars().take(1500).collect();
        Fingerprint {
            keys: counted,
            chars: crate::text::length(text),
            words,
            language: whatlang::detect(&sample)
                .filter(whatlang::Info::is_reliable)
                .map(|i| i.lang()),
        }
    }

    /// Adds `extra` keys (each counted once).
    pub(super) fn with_keys(&self, extra: impl IntoIterator<Item = u64>) -> Fingerprint {
        let mut keys = self.keys.clone();
        for k in extra {
            match keys.binary_search_by_key(&k, |&(key, _)| key) {
                Ok(i) => keys[i].1 += 1,
                Err(i) => keys.insert(i, (k, 1)),
            }
        }
        Fingerprint {
            keys,
            chars: self.chars,
            words: self.words.clone(),
            language: self.language,
        }
    }

    /// How often `key` occurs.
    pub fn count(&self, key: u64) -> u32 {
        self.keys
            .binary_search_by_key(&key, |&(k, _)| k)
            .map_or(0, |i| self.keys[i].1)
    }

    /// The IDF-weighted Euclidean norm.
    pub fn norm(&self, idf: &std::collections::HashMap<u64, f64>) -> f64 {
        self.keys
            .iter()
            .map(|(k, n)| {
                let w = idf.get(k).copied().unwrap_or(0.0);
                w * w * f64::from(*n)
            })
            .sum::<f64>()
            .sqrt()
    }

    /// How plausible the other document's length is for a translation of
    /// this one: 1 for equal lengths, falling off with the log ratio.
    pub fn length_prior(&self, other: &Fingerprint) -> f64 {
        let ratio = (other.chars.max(1) as f64 / self.chars.max(1) as f64).ln();
        (-(ratio * ratio) / (2.0 * 0.4 * 0.4)).exp()
    }
}

fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// FNV-1a over a namespace and a key: stable across runs and platforms.
pub(super) fn hash(namespace: &str, key: &str) -> u64 {
    crate::fnv::fnv1a(namespace.bytes().chain([0]).chain(key.bytes()))
}
