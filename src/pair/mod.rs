//! Pairing by content: which original is each translation's?
//!
//! Each document is reduced to a [`Fingerprint`]: weighted keys that tend
//! to survive translation (numbers, names and cognates, URLs and e-mail
//! addresses) and its length. An inverted index over the keys finds, for
//! each translation, the few originals that share its rarest keys, so the
//! cost grows with the number of shared keys, not with the product of the
//! collection sizes. Candidates are scored by IDF-weighted overlap and a
//! length prior, and a one-to-one assignment is made greedily from the
//! best score down; a translation whose best candidate is weak, or barely
//! better than the runner-up, stays unpaired rather than being forced.

mod keys;
mod learn;

use std::collections::HashMap;

use serde::Serialize;

pub use keys::Fingerprint;

/// Settings for [`pair`].
#[derive(Debug, Clone)]
pub struct PairOptions {
    /// A pair scoring below this is not made.
    pub min_score: f64,
    /// How many candidates per translation to score.
    pub candidates: usize,
    /// A pair that beats its runner-up by less than this share of its
    /// score is ambiguous and not made.
    pub min_confidence: f64,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            min_score: 0.02,
            candidates: 20,
            min_confidence: 0.06,
        }
    }
}

/// One translation paired with one original.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index of the original.
    pub original: usize,
    /// Index of the translation.
    pub translation: usize,
    /// Similarity of the two, 0 to 1.
    pub score: f64,
    /// How clearly this pair beats the alternatives, 0 to 1.
    pub confidence: f64,
}

/// The result of pairing two collections.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pairing {
    /// Pairs, ordered by translation index.
    pub pairs: Vec<Pair>,
    /// Translations with no original good enough.
    pub unpaired_translations: Vec<usize>,
    /// Originals that no translation was paired with.
    pub unpaired_originals: Vec<usize>,
}

/// Pairs translations with originals one-to-one by content.
///
/// A first pass pairs on the keys alone; the pairs it is sure of then teach
/// a word lexicon for this collection ([`learn`]), whose translated words
/// become extra keys for a second pass. Nothing outside the two collections
/// is needed, so it works for any pair of languages.
pub fn pair(
    originals: &[Fingerprint],
    translations: &[Fingerprint],
    options: &PairOptions,
) -> Pairing {
    let first = assign(originals, translations, options);
    let lexicon = learn::Lexicon::from_pairs(originals, translations, &first.pairs);
    if lexicon.is_empty() {
        return first;
    }
    let originals: Vec<Fingerprint> = originals
        .iter()
        .map(|f| lexicon.translate_original(f))
        .collect();
    let translations: Vec<Fingerprint> = translations
        .iter()
        .map(|f| lexicon.mark_translation(f))
        .collect();
    assign(&originals, &translations, options)
}

/// One pass: index, score, assign.
fn assign(
    originals: &[Fingerprint],
    translations: &[Fingerprint],
    options: &PairOptions,
) -> Pairing {
    let idf = inverse_document_frequency(originals, translations);
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (o, fp) in originals.iter().enumerate() {
        for &(key, _) in &fp.keys {
            index.entry(key).or_default().push(o);
        }
    }
    let norms: Vec<f64> = originals.iter().map(|fp| fp.norm(&idf)).collect();

    // Score every original sharing a key with each translation, keep the best few.
    let mut scored: Vec<(usize, usize, f64)> = Vec::new();
    let mut best_two: Vec<[f64; 2]> = vec![[0.0; 2]; translations.len()];
    let mut overlap: HashMap<usize, f64> = HashMap::new();
    for (t, fp) in translations.iter().enumerate() {
        overlap.clear();
        for &(key, count) in &fp.keys {
            let Some(list) = index.get(&key) else {
                continue;
            };
            let w = idf.get(&key).copied().unwrap_or(0.0);
            for &o in list {
                if fp.language.is_some() && fp.language == originals[o].language {
                    continue;
                }
                let other = originals[o].count(key);
                *overlap.entry(o).or_default() += w * w * f64::from(count.min(other));
            }
        }
        let t_norm = fp.norm(&idf);
        let mut candidates: Vec<(usize, f64)> = overlap
            .iter()
            .map(|(&o, &shared)| {
                let cosine = shared / (t_norm * norms[o]).max(f64::MIN_POSITIVE);
                (o, cosine * originals[o].length_prior(fp))
            })
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(options.candidates);
        for &(o, s) in &candidates {
            push_best(&mut best_two[t], s);
            scored.push((o, t, s));
        }
    }

    // Greedy one-to-one assignment, best score first; ties by index.
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    let mut original_taken = vec![false; originals.len()];
    let mut translation_taken = vec![false; translations.len()];
    let mut pairs = Vec::new();
    for (o, t, s) in scored {
        if original_taken[o] || translation_taken[t] || s < options.min_score {
            continue;
        }
        // Confidence asks whether this original clearly beats the others
        // for this translation; that no better translation claims the
        // original is settled by taking pairs best first.
        let rival = runner_up(best_two[t], s);
        let confidence = if s > 0.0 {
            (s - rival).max(0.0) / s
        } else {
            0.0
        };
        if confidence < options.min_confidence {
            continue;
        }
        original_taken[o] = true;
        translation_taken[t] = true;
        pairs.push(Pair {
            original: o,
            translation: t,
            score: s,
            confidence,
        });
    }
    pairs.sort_by_key(|p| p.translation);
    Pairing {
        pairs,
        unpaired_translations: (0..translations.len())
            .filter(|&t| !translation_taken[t])
            .collect(),
        unpaired_originals: (0..originals.len())
            .filter(|&o| !original_taken[o])
            .collect(),
    }
}

fn push_best(best: &mut [f64; 2], s: f64) {
    if s > best[0] {
        best[1] = best[0];
        best[0] = s;
    } else if s > best[1] {
        best[1] = s;
    }
}

/// The best score other than `own` among the two best.
fn runner_up(best: [f64; 2], own: f64) -> f64 {
    if best[0] > own { best[0] } else { best[1] }
}

/// IDF over both collections: a key found in every document says nothing.
fn inverse_document_frequency(a: &[Fingerprint], b: &[Fingerprint]) -> HashMap<u64, f64> {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for fp in a.iter().chain(b) {
        for &(key, _) in &fp.keys {
            *df.entry(key).or_default() += 1;
        }
    }
    let n = (a.len() + b.len()) as f64;
    df.into_iter()
        .map(|(k, d)| (k, (1.0 + n / f64::from(d)).ln()))
        .collect()
}

#[cfg(test)]
mod tests;
