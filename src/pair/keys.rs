//! Fingerprints: the keys of a document that survive translation.

use unicode_segmentation::UnicodeSegmentation;

use crate::document::{BlockKind, Document};

/// One block of a document as pairing reads it: its kind, heading level
/// (0 unless a heading) and text.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    /// What kind of block it is.
    pub kind: BlockKind,
    /// The heading level, 0 for other kinds.
    pub level: u8,
    /// The text, on one line.
    pub text: &'a str,
}

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
    /// The same words as text (folded), sorted, each once: what a
    /// dictionary looks up.
    pub terms: Vec<String>,
    /// The identity keys among `keys`: one per block of text as it stands
    /// (whitespace and case folded), sorted. A page left untranslated
    /// shares them with its original.
    pub blocks: Vec<u64>,
    /// The shape keys among `keys`, sorted: they make two pages alike but
    /// never a pair on their own.
    pub shapes: Vec<u64>,
    /// The document's language, when detection is sure of it: a
    /// translation is never paired with an original in its own language
    /// unless they share blocks word for word.
    pub language: Option<whatlang::Lang>,
}

/// A block needs this many letters or digits to be an identity key: "OK"
/// or "1." say nothing of where a page comes from.
const MIN_IDENTITY_CHARS: usize = 4;

impl Fingerprint {
    /// The fingerprint of a plain text, each line a paragraph.
    pub fn of(text: &str) -> Fingerprint {
        let blocks: Vec<Block> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|text| Block {
                kind: BlockKind::Paragraph,
                level: 0,
                text,
            })
            .collect();
        Fingerprint::of_blocks(&blocks)
    }

    /// The fingerprint of a loaded document: its blocks with their kinds.
    pub fn of_document(doc: &Document) -> Fingerprint {
        let blocks: Vec<Block> = doc
            .paragraphs
            .iter()
            .map(|p| Block {
                kind: p.kind,
                level: p.level,
                text: &p.text,
            })
            .collect();
        Fingerprint::of_blocks(&blocks)
    }

    /// The fingerprint of a document's blocks.
    ///
    /// Keys: numbers (separators removed), URLs and e-mail addresses,
    /// capitalised words inside a sentence and prefixes of long words
    /// (names and cognates, folded), each block's text as it stands
    /// (identity), and the document's shape (the sequence of block kinds,
    /// and how many blocks of each kind): translations keep their
    /// original's blocks, so the shape survives where the words do not,
    /// as on a page that is a heading alone.
    pub fn of_blocks(blocks: &[Block]) -> Fingerprint {
        let mut keys: Vec<u64> = Vec::new();
        let mut terms: Vec<String> = Vec::new();
        let mut identity: Vec<u64> = Vec::new();
        let mut chars = 0;
        for block in blocks {
            chars += crate::text::length(block.text);
            words_of(block.text, &mut keys, &mut terms);
            if let Some(key) = identity_key(block.text) {
                identity.push(key);
            }
        }
        identity.sort_unstable();
        keys.extend(&identity);
        identity.dedup();
        let mut shapes = shape_keys(blocks);
        shapes.sort_unstable();
        keys.extend(&shapes);
        terms.sort_unstable();
        terms.dedup();
        let mut words: Vec<u64> = terms.iter().map(|t| hash("w", t)).collect();
        words.sort_unstable();
        keys.sort_unstable();
        let mut counted: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
        for k in keys {
            match counted.last_mut() {
                Some((last, n)) if *last == k => *n += 1,
                _ => counted.push((k, 1)),
            }
        }
        // A few thousand characters settle the language as well as all.
        let mut sample = String::new();
        for block in blocks {
            if sample.len() >= 1500 {
                break;
            }
            sample.push_str(block.text);
            sample.push('\n');
        }
        let sample: String = sample.chars().take(1500).collect();
        Fingerprint {
            keys: counted,
            chars,
            words,
            terms,
            blocks: identity,
            shapes,
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
            ..self.clone()
        }
    }

    /// How often `key` occurs.
    pub fn count(&self, key: u64) -> u32 {
        self.keys
            .binary_search_by_key(&key, |&(k, _)| k)
            .map_or(0, |i| self.keys[i].1)
    }

    /// Whether `key` is one of this document's identity keys.
    pub fn has_block(&self, key: u64) -> bool {
        self.blocks.binary_search(&key).is_ok()
    }

    /// Whether `key` is one of this document's shape keys.
    pub fn has_shape(&self, key: u64) -> bool {
        self.shapes.binary_search(&key).is_ok()
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

/// The word keys of one block (a block starts a sentence) and its folded
/// words of three letters or more.
fn words_of(text: &str, keys: &mut Vec<u64>, terms: &mut Vec<String>) {
    let mut sentence_start = true;
    for word in text.split_word_bounds() {
        let first = word.chars().next().unwrap_or(' ');
        if word.contains("://") || word.contains('@') && word.contains('.') {
            keys.push(hash("u", &word.to_lowercase()));
        } else if crate::text::ascii_digit(first).is_ascii_digit() {
            // Digits of every script key alike: ２０２４ (full width) is 2024.
            let digits: String = word
                .chars()
                .map(crate::text::ascii_digit)
                .filter(char::is_ascii_digit)
                .collect();
            if digits.len() >= 2 {
                keys.push(hash("n", &digits));
            }
        } else if first.is_alphabetic() {
            let folded = crate::text::fold(word);
            let len = folded.chars().count();
            // A capital inside a sentence marks a name; at its start only
            // a name written with more than one capital (GNOME, iPhone).
            let capitals = word.chars().filter(|c| c.is_uppercase()).count();
            if len >= 3 && (first.is_uppercase() && !sentence_start || capitals >= 2) {
                keys.push(hash("c", prefix(&folded, 5)));
            }
            if len >= 6 {
                keys.push(hash("p", prefix(&folded, 4)));
            }
            if len >= 3 {
                terms.push(folded);
            }
        }
        if !word.trim().is_empty() {
            sentence_start = matches!(word, "." | "!" | "?" | "\n" | ":" | "…");
        }
    }
}

/// A block's text as it stands, whitespace collapsed and case folded;
/// `None` for blocks too short to tell pages apart.
fn identity_key(text: &str) -> Option<u64> {
    let significant = text.chars().filter(|c| c.is_alphanumeric()).count();
    if significant < MIN_IDENTITY_CHARS {
        return None;
    }
    let normal: Vec<String> = text.split_whitespace().map(crate::text::fold).collect();
    Some(hash("b", &normal.join(" ")))
}

/// The document's shape: its sequence of block kinds, and for each kind
/// (headings by level) how many blocks it has.
fn shape_keys(blocks: &[Block]) -> Vec<u64> {
    if blocks.is_empty() {
        return Vec::new();
    }
    let code = |b: &Block| -> String {
        match b.kind {
            BlockKind::Heading => format!("h{}", b.level),
            other => format!("{other:?}"),
        }
    };
    let sequence: Vec<String> = blocks.iter().map(code).collect();
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for c in &sequence {
        *counts.entry(c.clone()).or_default() += 1;
    }
    let mut keys = vec![hash("s", &sequence.join(" "))];
    keys.extend(counts.iter().map(|(c, n)| hash("k", &format!("{c} {n}"))));
    keys
}

fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// FNV-1a over a namespace and a key: stable across runs and platforms.
pub(super) fn hash(namespace: &str, key: &str) -> u64 {
    crate::fnv::fnv1a(namespace.bytes().chain([0]).chain(key.bytes()))
}
