//! Word translations from outside the collection (bilingual dictionaries
//! and a `--lexicon` word list) as shared keys.
//!
//! An original's word, looked up, gives its translations; each becomes a
//! key named after the translated word's stem, and a translation that
//! holds a word of that stem carries the same key. The other direction (a
//! dictionary from the translations' language) works the same way round.
//! Without dictionaries nothing is added, so pairing is what it was.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::Fingerprint;
use super::keys::hash;
use crate::align::Lexicon;
use crate::dictionary::{Dictionary, Morphology, morphology};

/// At most this many translations of a word become keys: FreeDict lists
/// the common senses first, and a word with dozens of translations (a
/// preposition, "set") would otherwise share a key with every page.
/// Set by hand, not swept: with it, German GNOME Help pages pair with
/// recall 0.990 against 0.973 without dictionaries (docs/benchmarks.md,
/// "Pairing by content"); other values were not measured.
const MAX_TRANSLATIONS: usize = 6;

/// Where word translations come from.
#[derive(Debug, Clone, Default)]
pub struct WordSources {
    /// Bilingual dictionaries, in either direction.
    pub dictionaries: Vec<Arc<Dictionary>>,
    /// A word list whose sides may be either language.
    pub lexicon: Option<Arc<Lexicon>>,
    /// ISO 639-3 code of the originals' language (`eng`).
    pub original_language: Option<&'static str>,
    /// ISO 639-3 code of the translations' language (`deu`).
    pub translation_language: Option<&'static str>,
}

impl WordSources {
    /// Whether there is nothing to look words up in.
    pub fn is_empty(&self) -> bool {
        self.dictionaries.is_empty() && self.lexicon.as_ref().is_none_or(|l| l.is_empty())
    }
}

/// The keys each side's words carry.
#[derive(Debug, Default)]
pub struct WordLinks {
    original: HashMap<String, Vec<u64>>,
    translation: HashMap<String, Vec<u64>>,
}

/// Looks a folded word up: its translations, folded.
type Lookup<'a> = Box<dyn Fn(&str) -> Vec<String> + 'a>;

/// One direction of lookup: from one side's words into the other's.
struct Direction<'a> {
    /// Looks a folded word up.
    lookup: Lookup<'a>,
    /// Key namespace: one per direction, so the two never mix.
    namespace: &'static str,
}

impl WordLinks {
    /// The links between the words of `originals` and `translations`.
    pub fn build(
        originals: &[Fingerprint],
        translations: &[Fingerprint],
        sources: &WordSources,
    ) -> WordLinks {
        let mut links = WordLinks::default();
        if sources.is_empty() {
            return links;
        }
        let (o_code, t_code) = (
            sources.original_language.unwrap_or(""),
            sources.translation_language.unwrap_or(""),
        );
        let vocabulary = |fps: &[Fingerprint]| -> Vec<String> {
            let set: HashSet<&String> = fps.iter().flat_map(|f| &f.terms).collect();
            let mut v: Vec<String> = set.into_iter().cloned().collect();
            v.sort_unstable();
            v
        };
        let (o_words, t_words) = (vocabulary(originals), vocabulary(translations));
        for (from, to) in [(o_code, t_code), (t_code, o_code)] {
            let forward = from == o_code;
            let (source_words, target_words, source_map, target_map) = if forward {
                (
                    &o_words,
                    &t_words,
                    &mut links.original,
                    &mut links.translation,
                )
            } else {
                (
                    &t_words,
                    &o_words,
                    &mut links.translation,
                    &mut links.original,
                )
            };
            for direction in directions(sources, from, to, forward) {
                let mut emitted: HashSet<u64> = HashSet::new();
                for word in source_words {
                    let mut found = (direction.lookup)(word);
                    found.truncate(MAX_TRANSLATIONS);
                    for t in found {
                        let key = hash(direction.namespace, morphology::stem(&t, to));
                        emitted.insert(key);
                        source_map.entry(word.clone()).or_default().push(key);
                    }
                }
                for word in target_words {
                    let key = hash(direction.namespace, morphology::stem(word, to));
                    if emitted.contains(&key) {
                        target_map.entry(word.clone()).or_default().push(key);
                    }
                }
            }
        }
        for keys in links
            .original
            .values_mut()
            .chain(links.translation.values_mut())
        {
            keys.sort_unstable();
            keys.dedup();
        }
        links
    }

    /// Whether no word is linked.
    pub fn is_empty(&self) -> bool {
        self.original.is_empty() || self.translation.is_empty()
    }

    /// An original's fingerprint with its words' link keys.
    pub fn on_original(&self, fp: &Fingerprint) -> Fingerprint {
        Self::apply(&self.original, fp)
    }

    /// A translation's fingerprint with its words' link keys.
    pub fn on_translation(&self, fp: &Fingerprint) -> Fingerprint {
        Self::apply(&self.translation, fp)
    }

    fn apply(map: &HashMap<String, Vec<u64>>, fp: &Fingerprint) -> Fingerprint {
        let mut extra: Vec<u64> = fp
            .terms
            .iter()
            .filter_map(|w| map.get(w))
            .flatten()
            .copied()
            .collect();
        // A key once per document however many of its words lead to it.
        extra.sort_unstable();
        extra.dedup();
        fp.with_keys(extra)
    }
}

/// The lookups from language `from` into `to`: each dictionary of that
/// direction, then the lexicon (read both ways round).
fn directions<'a>(
    sources: &'a WordSources,
    from: &'a str,
    to: &'a str,
    forward: bool,
) -> Vec<Direction<'a>> {
    let mut out: Vec<Direction> = Vec::new();
    for d in &sources.dictionaries {
        let info = d.info();
        if info.from.code3() == Some(from) && info.to.code3() == Some(to) {
            out.push(Direction {
                lookup: Box::new(move |w| d.translations_inflected(w, Morphology::default())),
                namespace: if forward { "dict>" } else { "dict<" },
            });
        }
    }
    if forward {
        if let Some(lexicon) = sources.lexicon.as_ref().filter(|l| !l.is_empty()) {
            // Which side of the list is which language is not known: each
            // word leads to its partners on both sides.
            let mut both: HashMap<&str, Vec<String>> = HashMap::new();
            for (a, b) in lexicon.pairs() {
                both.entry(a).or_default().push(b.to_string());
                both.entry(b).or_default().push(a.to_string());
            }
            out.push(Direction {
                lookup: Box::new(move |w| both.get(w).cloned().unwrap_or_default()),
                namespace: "lex",
            });
        }
    }
    out
}
