//! Repeated content in a translation: a teaser that repeats the lede, a
//! paragraph printed twice. Found with word-trigram containment inside one
//! language, before alignment, so the copy cannot take the original's
//! place in the alignment.

use crate::anchors::FastMap;
use crate::segment::SegmentedDocument;

/// A paragraph whose text is mostly found elsewhere in the same document.
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// The repeating paragraph (index into the document's paragraphs).
    pub paragraph: usize,
    /// The paragraphs it repeats, most shared text first.
    pub of: Vec<usize>,
    /// Share of its word trigrams found in those paragraphs, 0 to 1.
    pub coverage: f64,
}

/// Smallest paragraph, in words, worth calling a repeat.
const MIN_WORDS: usize = 6;
/// Owners of a trigram considered (the earliest): bounds the work on a
/// paragraph repeated thousands of times.
const MAX_OWNERS: usize = 64;
/// Repeated paragraphs named per repeat, most shared text first.
const MAX_SOURCES: usize = 5;
/// Share of trigrams that must be found elsewhere.
const MIN_COVERAGE: f64 = 0.6;

fn shingles(text: &str) -> Vec<u64> {
    // Each word (lower-cased) hashed once; a trigram's hash combines its
    // words' in order. Chinese and Japanese write no spaces: each
    // character is a unit.
    let mut words: Vec<u64> = Vec::new();
    let mut lower = String::new();
    for (_, w) in crate::text::words(text) {
        if w.chars().any(crate::text::cjk) {
            for c in w.chars() {
                lower.clear();
                lower.extend(c.to_lowercase());
                words.push(word_hash(lower.as_bytes()));
            }
        } else if w.is_ascii() {
            words.push(word_hash_ascii_lower(w.as_bytes()));
        } else {
            words.push(word_hash(w.to_lowercase().as_bytes()));
        }
    }
    words
        .windows(3)
        .map(|w| mix((mix(w[0]) ^ w[1]).wrapping_mul(K) ^ w[2]))
        .collect()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// FNV-1a of a word's bytes, finished by [`mix`].
fn word_hash(bytes: &[u8]) -> u64 {
    mix(bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    }))
}

/// [`word_hash`] of an ASCII word in lower case, without copying it.
fn word_hash_ascii_lower(bytes: &[u8]) -> u64 {
    mix(bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    }))
}

/// A 64-bit finaliser (splitmix64's): every input bit moves every output
/// bit, so combined word hashes do not cancel.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn ends_truncated(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('…') || t.ends_with("...") || t.ends_with("&hellip;")
}

/// The paragraphs of `doc` that repeat other text of `doc`, in order.
pub fn find(doc: &SegmentedDocument) -> Vec<Repeat> {
    let paragraphs = &doc.document.paragraphs;
    let grams: Vec<Vec<u64>> = paragraphs.iter().map(|p| shingles(&p.text)).collect();
    // Each trigram of each paragraph once, as (trigram, paragraph) in
    // order: a trigram's owners are a run, in paragraph order, without a
    // list of its own for every trigram.
    let mut owners: Vec<(u64, usize)> = grams
        .iter()
        .enumerate()
        .flat_map(|(i, g)| g.iter().map(move |&h| (h, i)))
        .collect();
    owners.sort_unstable();
    owners.dedup();
    let owners_of = |h: u64| {
        let start = owners.partition_point(|&(x, _)| x < h);
        let end = start + owners[start..].partition_point(|&(x, _)| x == h);
        &owners[start..end]
    };
    let mut repeats: Vec<Repeat> = Vec::new();
    let mut is_repeat = vec![false; paragraphs.len()];
    for (i, g) in grams.iter().enumerate() {
        if g.len() + 2 < MIN_WORDS {
            continue;
        }
        let mut shares: FastMap<usize, usize> = FastMap::default();
        let mut covered = 0;
        for h in g {
            // Only the first owners of a trigram: a paragraph found
            // thousands of times must not make this quadratic.
            let run = owners_of(*h);
            let others: Vec<usize> = run[..run.len().min(MAX_OWNERS)]
                .iter()
                .map(|&(_, o)| o)
                .filter(|&o| o != i && !is_repeat[o])
                .collect();
            if !others.is_empty() {
                covered += 1;
            }
            for o in others {
                *shares.entry(o).or_default() += 1;
            }
        }
        let coverage = covered as f64 / g.len() as f64;
        if coverage < MIN_COVERAGE {
            continue;
        }
        let mut of: Vec<(usize, usize)> = shares.into_iter().collect();
        of.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let Some(&(main, _)) = of.first() else {
            continue;
        };
        let sources = of.iter().filter(|(_, n)| *n * 6 >= g.len()).count();
        // Mutual copies: the later one, a cut-off one, or one stitched
        // from several paragraphs is the repeat.
        // Identical copies are not stitching: the main source must leave
        // a tenth of the text to the others.
        let stitched = sources >= 2 && of[0].1 * 10 < g.len() * 9;
        let repeat = main < i || ends_truncated(&paragraphs[i].text) || stitched;
        if !repeat {
            continue;
        }
        is_repeat[i] = true;
        repeats.push(Repeat {
            paragraph: i,
            of: of
                .iter()
                .filter(|(_, n)| *n * 6 >= g.len() || *n >= 3)
                .map(|(p, _)| *p)
                .take(MAX_SOURCES)
                .collect(),
            coverage,
        });
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, InputFormat};
    use crate::language::{Detection, Language, LanguageSource};

    fn doc(text: &str) -> SegmentedDocument {
        let d = Document::from_text(
            std::path::Path::new("t.txt"),
            text.to_string(),
            InputFormat::Text,
        );
        SegmentedDocument::new(d, Detection::declared(Language::EN, LanguageSource::Option))
    }

    #[test]
    fn many_identical_copies_repeat_the_first() {
        let para =
            "The council voted on Monday to close the old bridge for repairs lasting two years.";
        let text = format!("{para}\n\n").repeat(300);
        let found = find(&doc(&text));
        let ids: Vec<usize> = found.iter().map(|r| r.paragraph).collect();
        assert_eq!(ids, (1..300).collect::<Vec<_>>());
        assert!(
            found
                .iter()
                .all(|r| r.of[0] == 0 && r.of.len() <= MAX_SOURCES)
        );
    }

    #[test]
    fn finds_a_teaser_and_a_duplicate() {
        let lede =
            "The council voted on Monday to close the old bridge for repairs lasting two years.";
        let second = "Drivers will have to take a detour through the town centre during the works.";
        let third = "Local shops fear that they will lose customers while the bridge stays closed.";
        let teaser = "The council voted on Monday to close the old bridge for repairs. Drivers will have to take a detour through …";
        let text = format!("{teaser}\n\n{lede}\n\n{second}\n\n{third}\n\n{second}\n");
        let found = find(&doc(&text));
        let ids: Vec<usize> = found.iter().map(|r| r.paragraph).collect();
        assert_eq!(ids, [0, 4]);
        assert!(found[0].of.contains(&1));
        assert_eq!(found[1].of, [2]);
    }

    #[test]
    fn distinct_paragraphs_are_not_repeats() {
        let text = "The council voted on Monday to close the bridge.\n\nShops in the town centre expect fewer customers this year.\n";
        assert!(find(&doc(text)).is_empty());
    }
}
