//! Pairing by content: which original is each translation's?
//!
//! Each document is reduced to a [`Fingerprint`]: weighted keys that tend
//! to survive translation (numbers, names and cognates, URLs and e-mail
//! addresses, blocks left as they stand, the document's shape) and its
//! length. An inverted index over the keys finds, for each translation,
//! the few originals that share its rarest keys, so the cost grows with
//! the number of shared keys, not with the product of the collection
//! sizes. Candidates are scored by IDF-weighted overlap and a length
//! prior. A pair is made only when it is clear both ways: the original is
//! the translation's best candidate and the translation the original's,
//! each by a margin of [`MIN_MARGIN`] over the runner-up. Pairs are made
//! in rounds: once a round's pairs are settled, the documents they took
//! are no one's runner-up any more, so a page that only resembled a taken
//! one can become clear. A translation never made clear is listed as
//! ambiguous with its candidates; nothing is guessed.

mod keys;
mod learn;
mod links;

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::language::Language;

pub use keys::{Block, Fingerprint};
pub use links::{WordLinks, WordSources};

/// A pair is made only when its score beats the runner-up's, on both the
/// translation's and the original's side, by this share of its score.
///
/// Calibrated on GNOME Help (`transalign eval-pair --min-margin X`, English
/// against de, fr, es, it and pt-br with shuffled names, docs/benchmarks.md):
/// with no margin three pages pair wrongly (two near-identical printing
/// pages swapped, wired for wireless networking); from 0.05 to 0.15
/// precision is 1.000 and recall does not move; from 0.20 recall falls
/// (0.942 for German at 0.25). 0.15 is the top of that plateau, three
/// times the smallest margin that was safe there.
pub const MIN_MARGIN: f64 = 0.15;

/// A pair scoring below this is not made, and a candidate below it is not
/// listed: a few shared numbers or a common heading are not evidence.
pub const MIN_SCORE: f64 = 0.02;

/// At most this many candidates are listed for an ambiguous translation.
pub const LISTED_CANDIDATES: usize = 3;

/// Settings for [`pair`].
#[derive(Debug, Clone)]
pub struct PairOptions {
    /// A pair scoring below this is not made.
    pub min_score: f64,
    /// How many candidates per translation to score.
    pub candidates: usize,
    /// A pair that beats its runner-up (for the translation or for the
    /// original) by less than this share of its score is ambiguous and not
    /// made.
    pub min_confidence: f64,
    /// Word translations from dictionaries and word lists.
    pub words: Option<Arc<WordSources>>,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            min_score: MIN_SCORE,
            candidates: 20,
            min_confidence: MIN_MARGIN,
            words: None,
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
    /// How clearly this pair beats the alternatives, 0 to 1: the smaller
    /// of its margins over the translation's and the original's runner-up.
    pub confidence: f64,
}

/// An original a translation might belong to, and how well it scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Index of the original.
    pub original: usize,
    /// Similarity, 0 to 1.
    pub score: f64,
}

/// A translation with more than one plausible original, none clearly best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ambiguous {
    /// Index of the translation.
    pub translation: usize,
    /// The best candidates, best first (at most [`LISTED_CANDIDATES`]).
    pub candidates: Vec<Candidate>,
}

/// The result of pairing two collections.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pairing {
    /// Pairs, ordered by translation index.
    pub pairs: Vec<Pair>,
    /// Translations not paired: those with no original good enough, and
    /// the ambiguous ones.
    pub unpaired_translations: Vec<usize>,
    /// Originals that no translation was paired with.
    pub unpaired_originals: Vec<usize>,
    /// The unpaired translations that had candidates, none clear, ordered
    /// by translation index.
    pub ambiguous: Vec<Ambiguous>,
}

/// Pairs translations with originals one-to-one by content.
///
/// Word translations from `options.words` (dictionaries, a word list)
/// first become shared keys. A first pass pairs on the keys; the pairs it
/// is sure of then teach a word lexicon for this collection ([`learn`]),
/// whose translated words become extra keys for a second pass. Nothing
/// outside the two collections is needed, so it works for any pair of
/// languages.
pub fn pair(
    originals: &[Fingerprint],
    translations: &[Fingerprint],
    options: &PairOptions,
) -> Pairing {
    let linked;
    let (originals, translations) = match options.words.as_deref() {
        Some(sources) if !sources.is_empty() => {
            let links = WordLinks::build(originals, translations, sources);
            linked = (
                originals
                    .iter()
                    .map(|f| links.on_original(f))
                    .collect::<Vec<_>>(),
                translations
                    .iter()
                    .map(|f| links.on_translation(f))
                    .collect::<Vec<_>>(),
            );
            (&linked.0[..], &linked.1[..])
        }
        _ => (originals, translations),
    };
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

/// The language most fingerprints were detected in, if any.
pub fn majority_language(fingerprints: &[Fingerprint]) -> Option<Language> {
    let mut counts: HashMap<whatlang::Lang, usize> = HashMap::new();
    for lang in fingerprints.iter().filter_map(|f| f.language) {
        *counts.entry(lang).or_default() += 1;
    }
    let (lang, _) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.code().cmp(a.0.code())))?;
    Language::detectable()
        .into_iter()
        .map(|(l, _)| l)
        .find(|l| l.code3() == Some(lang.code()))
}

/// How clearly `best` beats `runner_up`: the share of `best` it leads by.
pub fn margin(best: f64, runner_up: f64) -> f64 {
    if best > 0.0 {
        ((best - runner_up) / best).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Whether a pair scoring `score` is clear of the translation's runner-up
/// and of the original's: the never-guess rule.
pub fn is_clear(score: f64, translation_rival: f64, original_rival: f64, min_margin: f64) -> bool {
    margin(score, translation_rival) >= min_margin && margin(score, original_rival) >= min_margin
}

/// The scored candidates of every translation, best first.
fn score(
    originals: &[Fingerprint],
    translations: &[Fingerprint],
    options: &PairOptions,
) -> Vec<Vec<(usize, f64)>> {
    let idf = inverse_document_frequency(originals, translations);
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (o, fp) in originals.iter().enumerate() {
        for &(key, _) in &fp.keys {
            index.entry(key).or_default().push(o);
        }
    }
    let norms: Vec<f64> = originals.iter().map(|fp| fp.norm(&idf)).collect();
    let mut out = Vec::with_capacity(translations.len());
    // Per original: shared weight, whether a block is shared word for word,
    // and whether anything but the shape is shared.
    let mut overlap: HashMap<usize, (f64, bool, bool)> = HashMap::new();
    for fp in translations {
        overlap.clear();
        for &(key, count) in &fp.keys {
            let Some(list) = index.get(&key) else {
                continue;
            };
            let w = idf.get(&key).copied().unwrap_or(0.0);
            let identity = fp.has_block(key);
            let content = !fp.has_shape(key);
            for &o in list {
                let other = originals[o].count(key);
                let entry = overlap.entry(o).or_default();
                entry.0 += w * w * f64::from(count.min(other));
                entry.1 |= identity;
                entry.2 |= content;
            }
        }
        let t_norm = fp.norm(&idf);
        let mut candidates: Vec<(usize, f64)> = overlap
            .iter()
            // A translation is in another language than its original,
            // unless it was left (partly) untranslated: then blocks match.
            .filter(|&(&o, &(_, identical, content))| {
                // Two pages of the same shape and nothing else in common
                // are alike, not a pair.
                content
                    && (identical || fp.language.is_none() || fp.language != originals[o].language)
            })
            .map(|(&o, &(shared, _, _))| {
                let cosine = shared / (t_norm * norms[o]).max(f64::MIN_POSITIVE);
                (o, cosine * originals[o].length_prior(fp))
            })
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(options.candidates);
        out.push(candidates);
    }
    out
}

/// One pass: index, score, assign in rounds.
fn assign(
    originals: &[Fingerprint],
    translations: &[Fingerprint],
    options: &PairOptions,
) -> Pairing {
    let candidates = score(originals, translations, options);
    // Each original's candidate translations, from the same scores.
    let mut by_original: Vec<Vec<(usize, f64)>> = vec![Vec::new(); originals.len()];
    for (t, list) in candidates.iter().enumerate() {
        for &(o, s) in list {
            by_original[o].push((t, s));
        }
    }
    for list in &mut by_original {
        list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    let mut original_taken = vec![false; originals.len()];
    let mut translation_taken = vec![false; translations.len()];
    let mut pairs = Vec::new();
    loop {
        let mut round = mutual_round(
            &candidates,
            &by_original,
            &original_taken,
            &translation_taken,
            options,
        );
        if round.is_empty() {
            round = swap_round(
                &candidates,
                &by_original,
                &original_taken,
                &translation_taken,
                options,
            );
        }
        if round.is_empty() {
            break;
        }
        // No two pairs of a round share a document.
        for p in &round {
            original_taken[p.original] = true;
            translation_taken[p.translation] = true;
        }
        pairs.extend(round);
    }
    pairs.sort_by_key(|p| p.translation);
    let unpaired_translations: Vec<usize> = (0..translations.len())
        .filter(|&t| !translation_taken[t])
        .collect();
    let ambiguous = unpaired_translations
        .iter()
        .filter_map(|&t| {
            let listed: Vec<Candidate> = candidates[t]
                .iter()
                .filter(|&&(o, s)| !original_taken[o] && s >= options.min_score)
                .take(LISTED_CANDIDATES)
                .map(|&(original, score)| Candidate { original, score })
                .collect();
            (!listed.is_empty()).then_some(Ambiguous {
                translation: t,
                candidates: listed,
            })
        })
        .collect();
    Pairing {
        pairs,
        unpaired_translations,
        unpaired_originals: (0..originals.len())
            .filter(|&o| !original_taken[o])
            .collect(),
        ambiguous,
    }
}

/// Best and runner-up among the documents of `list` not yet taken:
/// (document, its score, the runner-up's score or 0).
fn best_two(list: &[(usize, f64)], taken: &[bool]) -> Option<(usize, f64, f64)> {
    let mut free = list.iter().filter(|(i, _)| !taken[*i]);
    let &(i, s) = free.next()?;
    Some((i, s, free.next().map_or(0.0, |&(_, r)| r)))
}

/// The pairs that are each other's best among the documents not yet
/// taken, clear of both runners-up.
fn mutual_round(
    candidates: &[Vec<(usize, f64)>],
    by_original: &[Vec<(usize, f64)>],
    original_taken: &[bool],
    translation_taken: &[bool],
    options: &PairOptions,
) -> Vec<Pair> {
    let mut round = Vec::new();
    for (t, list) in candidates.iter().enumerate() {
        if translation_taken[t] {
            continue;
        }
        let Some((o, s, t_rival)) = best_two(list, original_taken) else {
            continue;
        };
        let Some((back, _, o_rival)) = best_two(&by_original[o], translation_taken) else {
            continue;
        };
        if back != t || s < options.min_score {
            continue;
        }
        if is_clear(s, t_rival, o_rival, options.min_confidence) {
            round.push(Pair {
                original: o,
                translation: t,
                score: s,
                confidence: margin(s, t_rival).min(margin(s, o_rival)),
            });
        }
    }
    round
}

/// The first `n` documents of `list` not yet taken.
fn free_top(list: &[(usize, f64)], taken: &[bool], n: usize) -> Vec<usize> {
    list.iter()
        .filter(|(i, _)| !taken[*i])
        .take(n)
        .map(|&(i, _)| i)
        .collect()
}

/// The best score in `list` of a document neither taken nor in `block`.
fn beyond(list: &[(usize, f64)], taken: &[bool], block: [usize; 2]) -> f64 {
    list.iter()
        .find(|(i, _)| !taken[*i] && !block.contains(i))
        .map_or(0.0, |&(_, s)| s)
}

/// Two translations and two originals that are each other's best
/// candidates but not one-to-one (near-identical pages such as two
/// variants of one procedure): when one way of pairing the four beats the
/// crossed way by [`PairOptions::min_confidence`] in total score, and each
/// of the four is clear of every document outside them by the same
/// margin, both pairs are made.
fn swap_round(
    candidates: &[Vec<(usize, f64)>],
    by_original: &[Vec<(usize, f64)>],
    original_taken: &[bool],
    translation_taken: &[bool],
    options: &PairOptions,
) -> Vec<Pair> {
    let score_of = |t: usize, o: usize| {
        candidates[t]
            .iter()
            .find(|&&(x, _)| x == o)
            .map_or(0.0, |&(_, s)| s)
    };
    let mut used_t = vec![false; candidates.len()];
    let mut used_o = vec![false; by_original.len()];
    let mut round = Vec::new();
    for t1 in 0..candidates.len() {
        if translation_taken[t1] || used_t[t1] {
            continue;
        }
        let [o1, o2] = free_top(&candidates[t1], original_taken, 2)[..] else {
            continue;
        };
        // Every translation among the originals' two best: t1 and one other.
        let mut ts: Vec<usize> = free_top(&by_original[o1], translation_taken, 2);
        ts.extend(free_top(&by_original[o2], translation_taken, 2));
        ts.sort_unstable();
        ts.dedup();
        let [x, y] = ts[..] else {
            continue;
        };
        if x != t1 && y != t1 {
            continue;
        }
        let t2 = if x == t1 { y } else { x };
        let os = [o1, o2];
        if used_t[t2]
            || used_o[o1]
            || used_o[o2]
            || !free_top(&candidates[t2], original_taken, 2)
                .iter()
                .all(|o| os.contains(o))
        {
            continue;
        }
        let straight = score_of(t1, o1) + score_of(t2, o2);
        let crossed = score_of(t1, o2) + score_of(t2, o1);
        let ([a, b], total, other) = if straight >= crossed {
            ([o1, o2], straight, crossed)
        } else {
            ([o2, o1], crossed, straight)
        };
        let (s1, s2) = (score_of(t1, a), score_of(t2, b));
        let ts = [t1, t2];
        let outside = [
            (s1, beyond(&candidates[t1], original_taken, os)),
            (s2, beyond(&candidates[t2], original_taken, os)),
            (s1, beyond(&by_original[a], translation_taken, ts)),
            (s2, beyond(&by_original[b], translation_taken, ts)),
        ];
        let clear = margin(total, other) >= options.min_confidence
            && s1.min(s2) >= options.min_score
            && outside
                .iter()
                .all(|&(s, r)| margin(s, r) >= options.min_confidence);
        if !clear {
            continue;
        }
        for i in [t1, t2] {
            used_t[i] = true;
        }
        for i in os {
            used_o[i] = true;
        }
        let confidence = margin(total, other);
        round.push(Pair {
            original: a,
            translation: t1,
            score: s1,
            confidence,
        });
        round.push(Pair {
            original: b,
            translation: t2,
            score: s2,
            confidence,
        });
    }
    round
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
