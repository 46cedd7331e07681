//! A lexicon learned from an archive of past translations.
//!
//! The input is sentence pairs: the lines of a sentence-aligned bitext, or
//! the confident 1-1 links the aligner finds in pairs of documents
//! ([`confident_links`]). Each sentence becomes the set of
//! its content words' keys: the aligner's folded words
//! ([`super::tokens`]), cut to their stem by
//! [`crate::dictionary::morphology::stem`] when the language is known, so
//! that the inflected forms of one word (Hungarian `hegy`, `hegyek`,
//! `hegyekben`) are counted as one.
//!
//! Association: the Dice coefficient of two keys' sentence counts,
//! `2·c(s,t) / (c(s) + c(t))`, then competitive linking (Melamed 2000):
//! candidate pairs are taken best first, and a key takes at most
//! [`KEEP`] partners. Dice rather than log-likelihood because what the
//! aligner needs is words that translate each other *consistently* (a
//! key that matches in unrelated sentences costs alignments), and Dice
//! measures exactly that share, while log-likelihood also ranks frequent
//! loose associations (an article and a noun) highly. Competitive linking
//! removes the indirect associations Dice leaves (a word and its usual
//! neighbour's translation): the direct partner scores higher and takes
//! the word first. Everything is counted and sorted with total orders,
//! so the output depends only on the sentence pairs, in any order.

use std::collections::{BTreeMap, HashMap};

use super::Alignment;
use super::learn::IntMap;
use crate::language::Language;

// Calibrated by learning from one Hungarian–English gold set and aligning
// the other with the result (`--no-dictionaries`), both ways; strict F1
// dtm ← 1984 / 1984 ← dtm, baselines without a lexicon 0.9869 / 0.9864
// (docs/benchmarks.md, "Learning from an archive").

/// Fewest sentence pairs a word pair must share. At 2, chance pairs
/// doubled the lexicons and 1984 ← dtm fell to 0.9855; at 3, 0.9864.
pub const MIN_COUNT: u32 = 3;
/// Least Dice coefficient of a learned pair. At 0.2 (with a minimum count
/// of 2 and three partners a word) dtm ← 1984 fell to 0.9843 and
/// 1984 ← dtm to 0.9855.
pub const MIN_DICE: f64 = 0.3;
/// Partners a word keeps: inflection is folded away by stems, but a word
/// may still have two usual translations (Hungarian `mond`: `say`, `tell`).
pub const KEEP: usize = 2;
/// A word in more than this share of the sentences on its side is not a
/// content word: articles, conjunctions and auxiliaries would pair with
/// everything. With every word allowed (and a minimum count of 2),
/// dtm ← 1984 fell to 0.9843 and 1984 ← dtm to 0.9855; 0.05 and 0.2 both
/// kept 0.9869 / 0.9864.
pub const MAX_SHARE: f64 = 0.05;
/// A word in this many sentences or fewer is always a content word (small
/// archives, where a share is less than one sentence).
pub const ALWAYS_CONTENT: u32 = 20;
/// Fewest letters of a learned word: shorter words are mostly particles
/// and abbreviations, whose pairs are noise (not varied).
pub const MIN_LETTERS: usize = 3;
/// Least confidence of a 1-1 link taken from an aligned document pair or
/// an `--align`ed bitext; not varied: it keeps 4,317 of 1984's 6,732
/// source sentences and 368 of dtm's 581.
pub const MIN_LINK_CONFIDENCE: f64 = 0.6;

/// One learned word pair.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedPair {
    /// The source word (its most frequent folded form in the archive).
    pub source: String,
    /// The target word, likewise.
    pub target: String,
    /// Dice coefficient of their sentence counts.
    pub score: f64,
    /// Sentence pairs they share.
    pub count: u32,
}

/// Interned keys of one side, with the forms seen under each.
#[derive(Debug, Default)]
struct SideWords {
    code: Option<&'static str>,
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    /// Forms seen under each key and how often.
    forms: Vec<BTreeMap<String, u32>>,
    /// Sentences each key occurs in.
    sentences: Vec<u32>,
}

impl SideWords {
    fn new(language: Option<Language>) -> SideWords {
        SideWords {
            code: language.and_then(|l| l.code3()),
            ..SideWords::default()
        }
    }

    /// The content-word candidates of one sentence, folded, in order.
    fn words(&self, sentence: &str, scratch: &mut String) -> Vec<String> {
        let mut words = Vec::new();
        super::tokens::each_token(sentence, scratch, |t| {
            if let super::tokens::TokenRef::Word(w) = t {
                if w.chars().count() >= MIN_LETTERS && w.chars().all(char::is_alphabetic) {
                    words.push(w.to_string());
                }
            }
        });
        words
    }

    /// The key ids of `words` (interning new keys), distinct and sorted.
    fn ids_of(&mut self, words: &[String]) -> Vec<u32> {
        let mut out: Vec<u32> = words
            .iter()
            .map(|w| {
                let key = match self.code {
                    Some(code) => crate::dictionary::morphology::stem(w, code),
                    None => w,
                };
                match self.ids.get(key) {
                    Some(&id) => id,
                    None => {
                        let id = self.keys.len() as u32;
                        self.ids.insert(key.to_string(), id);
                        self.keys.push(key.to_string());
                        self.forms.push(BTreeMap::new());
                        self.sentences.push(0);
                        id
                    }
                }
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Counts a sentence's forms under their keys, and the sentence for
    /// each of its keys.
    fn count(&mut self, words: &[String], ids: &[u32]) {
        for w in words {
            let key = match self.code {
                Some(code) => crate::dictionary::morphology::stem(w, code),
                None => w,
            };
            let id = self.ids[key];
            *self.forms[id as usize].entry(w.clone()).or_default() += 1;
        }
        for &id in ids {
            self.sentences[id as usize] += 1;
        }
    }

    /// The most frequent form of a key (the first in order among equals).
    fn form(&self, id: u32) -> &str {
        let mut best: Option<(&String, u32)> = None;
        for (f, &n) in &self.forms[id as usize] {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((f, n));
            }
        }
        best.map_or("", |(f, _)| f.as_str())
    }

    /// Whether key `id` is a content word among `total` sentences.
    fn content(&self, id: u32, total: usize) -> bool {
        let n = self.sentences[id as usize];
        n <= ALWAYS_CONTENT || (n as f64) <= MAX_SHARE * total as f64
    }
}

/// Collects sentence pairs and learns word pairs from them.
#[derive(Debug)]
pub struct ArchiveLearner {
    source: SideWords,
    target: SideWords,
    /// Each distinct sentence pair's source and target keys.
    pairs: Vec<(Vec<u32>, Vec<u32>)>,
    /// The sentence pairs met, to count a repeated one once.
    seen: std::collections::HashSet<(Vec<u32>, Vec<u32>)>,
    scratch: String,
}

impl ArchiveLearner {
    /// A learner for sentences in `languages` (source, target); a known
    /// language lets inflected forms meet at their stem.
    pub fn new(languages: [Option<Language>; 2]) -> ArchiveLearner {
        ArchiveLearner {
            source: SideWords::new(languages[0]),
            target: SideWords::new(languages[1]),
            pairs: Vec::new(),
            seen: Default::default(),
            scratch: String::new(),
        }
    }

    /// Adds one pair of sentences that translate each other. A pair met
    /// before (with the same words on both sides) counts once: archives
    /// repeat bylines, captions and standing lines, whose words would
    /// otherwise all pair with each other.
    pub fn add_pair(&mut self, source: &str, target: &str) {
        let s = self.source.words(source, &mut self.scratch);
        let t = self.target.words(target, &mut self.scratch);
        let ids = (self.source.ids_of(&s), self.target.ids_of(&t));
        if self.seen.contains(&ids) {
            return;
        }
        self.source.count(&s, &ids.0);
        self.target.count(&t, &ids.1);
        self.seen.insert(ids.clone());
        self.pairs.push(ids);
    }

    /// Sentence pairs added so far.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether no sentence pair was added.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The learned word pairs, best first (score, then count, then the
    /// words in order), each word in at most [`KEEP`] pairs.
    pub fn learn(&self) -> Vec<LearnedPair> {
        let total = self.pairs.len();
        let mut counts: IntMap<u64, u32> = IntMap::default();
        for (s, t) in &self.pairs {
            for &a in s.iter().filter(|&&a| self.source.content(a, total)) {
                for &b in t.iter().filter(|&&b| self.target.content(b, total)) {
                    *counts.entry((a as u64) << 32 | b as u64).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(f64, u32, u32, u32)> = counts
            .into_iter()
            .filter(|&(_, c)| c >= MIN_COUNT)
            .filter_map(|(k, c)| {
                let (a, b) = ((k >> 32) as u32, k as u32);
                if self.source.keys[a as usize] == self.target.keys[b as usize] {
                    // Identical words match without a lexicon.
                    return None;
                }
                let sum = self.source.sentences[a as usize] + self.target.sentences[b as usize];
                let dice = 2.0 * c as f64 / sum as f64;
                (dice >= MIN_DICE).then_some((dice, c, a, b))
            })
            .collect();
        candidates.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then(y.1.cmp(&x.1))
                .then_with(|| self.source.keys[x.2 as usize].cmp(&self.source.keys[y.2 as usize]))
                .then_with(|| self.target.keys[x.3 as usize].cmp(&self.target.keys[y.3 as usize]))
        });
        // Competitive linking: best first, each word in at most KEEP pairs.
        let mut taken_s = vec![0usize; self.source.keys.len()];
        let mut taken_t = vec![0usize; self.target.keys.len()];
        let mut out = Vec::new();
        for (score, count, a, b) in candidates {
            if taken_s[a as usize] >= KEEP || taken_t[b as usize] >= KEEP {
                continue;
            }
            let (source, target) = (self.source.form(a), self.target.form(b));
            if source == target {
                // Identical words match without a lexicon.
                continue;
            }
            taken_s[a as usize] += 1;
            taken_t[b as usize] += 1;
            out.push(LearnedPair {
                source: source.to_string(),
                target: target.to_string(),
                score,
                count,
            });
        }
        out
    }
}

/// The sentence pairs of an alignment's confident 1-1 links (of
/// [`MIN_LINK_CONFIDENCE`] or more), as (source, target) sentence indices:
/// what a pair of documents gives [`ArchiveLearner::add_pair`].
pub fn confident_links(alignment: &Alignment) -> Vec<(usize, usize)> {
    alignment
        .links
        .iter()
        .filter(|l| {
            l.source.len() == 1 && l.target.len() == 1 && l.confidence >= MIN_LINK_CONFIDENCE
        })
        .map(|l| (l.source.start, l.target.start))
        .collect()
}

/// The pairs as a lexicon file [`super::Lexicon`] reads:
/// `source<TAB>target<TAB>score<TAB>count` lines after `#` comment lines
/// (`header`, one comment per line).
pub fn to_tsv(pairs: &[LearnedPair], header: &[String]) -> String {
    let mut out = String::new();
    for h in header {
        out.push_str("# ");
        out.push_str(h);
        out.push('\n');
    }
    for p in pairs {
        out.push_str(&format!(
            "{}\t{}\t{:.3}\t{}\n",
            p.source, p.target, p.score, p.count
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small Hungarian–English bitext: each word recurs three times or
    /// more, with different neighbours.
    const BITEXT: &[(&str, &str)] = &[
        ("A kutya ugat.", "The dog barks."),
        ("A macska alszik.", "The cat sleeps."),
        ("A kutya alszik.", "The dog sleeps."),
        ("A macska ugat.", "The cat barks."),
        (
            "A kutyák alszanak a házban.",
            "The dogs sleep in the house.",
        ),
        ("Egy ház.", "A house."),
        ("A macskák a házban ugatnak.", "The cats bark in the house."),
        ("Nagy ház, kis kutya, macska.", "Big house, small dog, cat."),
    ];

    fn learned(languages: [Option<Language>; 2], order: &[usize]) -> Vec<LearnedPair> {
        let mut l = ArchiveLearner::new(languages);
        for &i in order {
            l.add_pair(BITEXT[i].0, BITEXT[i].1);
        }
        l.learn()
    }

    fn has(pairs: &[LearnedPair], s: &str, t: &str) -> bool {
        pairs.iter().any(|p| p.source == s && p.target == t)
    }

    #[test]
    fn learns_the_right_pairs() {
        let hu = Language::from_code("hu").ok();
        let en = Language::from_code("en").ok();
        let order: Vec<usize> = (0..BITEXT.len()).collect();
        let pairs = learned([hu, en], &order);
        assert!(has(&pairs, "kutya", "dog"), "{pairs:?}");
        assert!(has(&pairs, "macska", "cat"), "{pairs:?}");
        // Competitive linking: `kutya` does not also take `cat`.
        assert!(!has(&pairs, "kutya", "cat"));
        assert!(!has(&pairs, "macska", "dog"));
        // Words in every sentence (`a`, `the`) are not content words once
        // the archive is large; here they are too short or identical.
        assert!(pairs.iter().all(|p| p.source != p.target));
    }

    #[test]
    fn inflected_forms_meet_at_their_stem() {
        let bitext = [
            ("A hegy magas.", "The mountain is high."),
            ("A hegyek magasak.", "The mountains are high."),
            ("A hegyekben hó van.", "In the mountains there is snow."),
        ];
        let learn = |languages| {
            let mut l = ArchiveLearner::new(languages);
            for (s, t) in bitext {
                l.add_pair(s, t);
            }
            l.learn()
        };
        let pairs = learn([
            Language::from_code("hu").ok(),
            Language::from_code("en").ok(),
        ]);
        assert!(has(&pairs, "hegy", "mountains"), "{pairs:?}");
        // Without the languages, each form is met once or twice: too few.
        let pairs = learn([None, None]);
        assert!(
            !pairs.iter().any(|p| p.source.starts_with("hegy")),
            "{pairs:?}"
        );
    }

    #[test]
    fn output_does_not_depend_on_order() {
        let hu = Language::from_code("hu").ok();
        let en = Language::from_code("en").ok();
        let forward: Vec<usize> = (0..BITEXT.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let a = to_tsv(&learned([hu, en], &forward), &[]);
        let b = to_tsv(&learned([hu, en], &backward), &[]);
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    #[test]
    fn learned_tsv_reads_back_as_a_lexicon() {
        let pairs = learned([None, None], &(0..BITEXT.len()).collect::<Vec<_>>());
        let text = to_tsv(&pairs, &["learned".to_string()]);
        let lexicon = super::super::Lexicon::parse(std::path::Path::new("x"), &text, None).unwrap();
        assert_eq!(lexicon.len(), pairs.len());
        assert!(lexicon.pairs().any(|(s, t)| s == "kutya" && t == "dog"));
    }

    #[test]
    fn confident_one_to_one_links_only() {
        let link = |a: std::ops::Range<usize>, b: std::ops::Range<usize>, c| super::super::Link {
            source: a,
            target: b,
            confidence: c,
            loose: None,
        };
        let alignment = Alignment {
            links: vec![
                link(0..1, 0..1, 0.9),
                link(1..2, 1..2, 0.1),
                link(2..3, 2..2, 0.9),
                link(3..5, 2..3, 0.9),
                link(5..6, 3..4, MIN_LINK_CONFIDENCE),
            ],
            moves: Vec::new(),
        };
        assert_eq!(confident_links(&alignment), [(0, 0), (5, 3)]);
    }
}
