//! Per-sentence evidence and the pairwise overlap it gives.
//!
//! Both sides are tokenised once into interned forms. Each token then gets
//! match keys: its form (identical words, numbers, marks, links), its
//! four-letter prefix (cognates in the manner of Simard, Foster & Isabelle
//! 1992) and the forms of its translations in a lexicon, given or learned.
//! Two tokens match when they share a key.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};

use super::learn::{IntHasher, IntMap};
use super::lexicon::Lexicon;
use super::tokens::{self, TokenRef};
use crate::dictionary::Morphology;
use crate::dictionary::morphology::Stemmer;
use crate::language::Language;

/// Interns strings to small ids. The strings are kept end to end in one
/// buffer, found by their hash (a chain of ids for the rare hashes two
/// strings share): a check interns thousands of forms and stems, and a
/// `String` each cost an allocation to make and one to free.
#[derive(Debug, Default)]
struct Interner {
    /// Every interned string, end to end.
    text: String,
    /// Where each id's string ends in `text` (it starts where the
    /// previous one ends).
    ends: Vec<u32>,
    /// Hash → the last id interned with that hash.
    by_hash: IntMap<u64, u32>,
    /// Id → the id interned before it with the same hash, or [`NONE`].
    earlier: Vec<u32>,
}

/// No id.
const NONE: u32 = u32::MAX;

impl Interner {
    /// The string of id `id`.
    fn name(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start as usize..self.ends[id] as usize]
    }

    /// The id of `s` among those hashed `h`, when interned.
    #[cfg(test)]
    fn find(&self, s: &str, h: u64) -> Option<u32> {
        let mut id = self.by_hash.get(&h).copied().unwrap_or(NONE);
        while id != NONE {
            if self.name(id) == s {
                return Some(id);
            }
            id = self.earlier[id as usize];
        }
        None
    }

    /// The id of `s`, adding it when new.
    fn id(&mut self, s: &str) -> u32 {
        self.id_hashed(s, BuildHasherDefault::<IntHasher>::default().hash_one(s))
    }

    /// The id of `s`, whose hash is `h`, adding it when new.
    /// One look-up of the hash table: its entry is found once, and either
    /// its chain holds `s` or `s` heads it.
    fn id_hashed(&mut self, s: &str, h: u64) -> u32 {
        use std::collections::hash_map::Entry;
        let id = self.ends.len() as u32;
        let earlier = match self.by_hash.entry(h) {
            Entry::Occupied(mut slot) => {
                let last = *slot.get();
                let mut k = last;
                while k != NONE {
                    let k_usize = k as usize;
                    let start = if k_usize == 0 {
                        0
                    } else {
                        self.ends[k_usize - 1]
                    };
                    if &self.text[start as usize..self.ends[k_usize] as usize] == s {
                        return k;
                    }
                    k = self.earlier[k_usize];
                }
                slot.insert(id);
                last
            }
            Entry::Vacant(slot) => {
                slot.insert(id);
                NONE
            }
        };
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.earlier.push(earlier);
        id
    }

    /// An empty interner with room for `strings` strings of about
    /// [`KEPT_START_BYTES_PER_STRING`] bytes each.
    fn with_capacity(strings: usize) -> Interner {
        let mut by_hash = IntMap::default();
        by_hash.reserve(strings);
        Interner {
            text: String::with_capacity(strings * KEPT_START_BYTES_PER_STRING),
            ends: Vec::with_capacity(strings),
            by_hash,
            earlier: Vec::with_capacity(strings),
        }
    }

    /// The id of `s` when known.
    #[cfg(test)]
    fn get(&self, s: &str) -> Option<u32> {
        self.find(s, BuildHasherDefault::<IntHasher>::default().hash_one(s))
    }
}

/// One text as the tokeniser read it, its forms interned in the cache.
#[derive(Debug)]
struct ReadText {
    /// Length in the aligner's units ([`crate::text::length`]).
    length: f64,
    /// Tokens with the cache's form ids: the words, marks and links in
    /// order, then the numbers.
    tokens: Vec<Tok>,
    /// Where the numbers start in `tokens`.
    numbers_at: usize,
}

/// Texts tokenised once for all the alignments of one check: the passes
/// with and without repeats, the paragraph level and the sentences inside
/// each paragraph group all meet the same sentences again (the move
/// windows of [`super::reorder`] still tokenise their own). Keyed by
/// language and text, so a cached reading is exactly what tokenising again
/// would give.
#[derive(Debug, Default)]
pub struct TokenCache {
    inner: RefCell<CacheInner>,
}

#[derive(Debug, Default)]
struct CacheInner {
    forms: Interner,
    /// Readings by language, then by text.
    texts: Vec<(Option<Language>, TextMap)>,
    /// Dictionary matching of the forms met so far ([`Looked`]).
    looked: Looked,
    /// How many forms the cache knew when the current check took it
    /// ([`TokenCache::kept`]; 0 for a fresh cache): see [`Vocab::base`].
    check_start: u32,
}

/// What the dictionaries said of each form, remembered for the check's
/// other alignments (each solve meets the same words again): the stems of
/// forms and the stems of their translations, as ids of `stems`. Kept in
/// tables indexed by the cache's form ids (dense), one table per language
/// and per dictionary: a solve asks for every content word of both sides
/// again, and a hashed look-up of each cost more than the answers.
#[derive(Debug, Default)]
struct Looked {
    stems: Interner,
    /// (language the stem is taken in, whether stems are taken) → the
    /// stem id of each form, [`NONE`] where not yet taken.
    stem_of: Vec<((Language, bool), Vec<u32>)>,
    /// Dictionary → the id of each form's stem in the dictionary's own
    /// table of its translations' stems ([`Dictionary::stem_id`]),
    /// [`NONE`] where not yet taken, [`NO_STEM`] where no translation has
    /// it.
    ///
    /// [`Dictionary::stem_id`]: crate::dictionary::Dictionary::stem_id
    dictionary_stem_of: Vec<(usize, Vec<u32>)>,
    /// (dictionary, morphology steps) → where each form's translations'
    /// stem ids lie in `translated_ids`, in the order the dictionary gives
    /// them; [`NOT_LOOKED`] where the form was not looked up yet.
    translated: Vec<((usize, Morphology), Vec<Span>)>,
    /// The stem ids of every list in `translated`, end to end.
    translated_ids: Vec<u32>,
    /// Room for [`dictionary_translations`]: by stem id, one more than
    /// the place of the first of the other side's words with that stem;
    /// all 0 between calls.
    first_of: Vec<u32>,
    /// The dictionaries of `translated`, held so that none of them is
    /// freed and another opened at its place while the cache is kept.
    dictionaries: Vec<std::sync::Arc<crate::dictionary::Dictionary>>,
}

/// Where a list lies in another: its start and end.
type Span = (u32, u32);

/// A form not looked up yet in [`Looked::translated`].
const NOT_LOOKED: Span = (NONE, NONE);

/// A form whose stem no translation of a dictionary has
/// ([`Looked::dictionary_stem_of`]).
const NO_STEM: u32 = NONE - 1;

/// The table of `key` in `tables`, added empty when new.
fn table_of<K: PartialEq, T>(tables: &mut Vec<(K, Vec<T>)>, key: K) -> usize {
    match tables.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            tables.push((key, Vec::new()));
            tables.len() - 1
        }
    }
}

impl Looked {
    /// The stem id of form `form` (whose text `forms` holds) in the table
    /// `table` of `stem_of`, stemmed by `stemmer`: the word itself when
    /// `stems` is off. The text is read only when the stem is not known
    /// yet (most calls, after a check's first solve).
    fn stem(
        &mut self,
        table: usize,
        form: u32,
        forms: &Interner,
        stemmer: &Stemmer,
        stems: bool,
    ) -> u32 {
        let known = &mut self.stem_of[table].1;
        let f = form as usize;
        if known.len() <= f {
            // Room for every form known so far at once: grown one form at
            // a time, the table was resized for most new forms.
            known.resize(forms.ends.len().max(f + 1), NONE);
        }
        if known[f] == NONE {
            let id = self.stem_text(forms.name(form), stemmer, stems);
            self.stem_of[table].1[f] = id;
        }
        self.stem_of[table].1[f]
    }

    /// The id of form `form`'s stem in dictionary `d`'s table of stems,
    /// kept in table `table` of `dictionary_stem_of` ([`NO_STEM`] where
    /// no translation has it).
    fn dictionary_stem(
        &mut self,
        table: usize,
        form: u32,
        forms: &Interner,
        d: &crate::dictionary::Dictionary,
    ) -> u32 {
        let known = &mut self.dictionary_stem_of[table].1;
        let f = form as usize;
        if known.len() <= f {
            known.resize(forms.ends.len().max(f + 1), NONE);
        }
        if known[f] == NONE {
            known[f] = d.stem_id(forms.name(form)).unwrap_or(NO_STEM);
        }
        known[f]
    }

    /// The stem id of any text of `stemmer`'s language.
    fn stem_text(&mut self, word: &str, stemmer: &Stemmer, stems: bool) -> u32 {
        self.stems.id(if stems { stemmer.stem(word) } else { word })
    }
}

type TextMap = HashMap<Box<str>, ReadText, BuildHasherDefault<IntHasher>>;

/// A kept cache is started afresh once it knows this many forms: a batch
/// of many long books would otherwise hold every form it met (about 40
/// bytes each, with what the dictionaries said of it).
const MAX_KEPT_FORMS: usize = 500_000;

/// A kept cache is started afresh once it holds the tables of more
/// dictionaries than this: the command line and the server open each
/// language pair's dictionaries once, but a library caller that opens them
/// anew for every check would otherwise keep every copy alive.
const MAX_KEPT_DICTIONARIES: usize = 16;

impl CacheInner {
    /// Whether this cache may serve the thread's next check: its forms and
    /// stems below [`MAX_KEPT_FORMS`] and its dictionaries at most
    /// [`MAX_KEPT_DICTIONARIES`].
    fn small_enough_to_keep(&self) -> bool {
        self.forms.ends.len() + self.looked.stems.ends.len() < MAX_KEPT_FORMS
            && self.looked.dictionaries.len() <= MAX_KEPT_DICTIONARIES
    }
}

/// Forms a fresh kept cache has room for, and stems
/// ([`KEPT_START_STEMS`]): the seed check interns 1,038 forms and, with
/// the English–German dictionaries, 3,019 stems (their translations'
/// stems mostly); rounded up to powers of two, so that one check seldom
/// grows a table and a batch's first checks not many times.
const KEPT_START_FORMS: usize = 2048;

/// Stems a fresh kept cache has room for: see [`KEPT_START_FORMS`].
const KEPT_START_STEMS: usize = 4096;

/// Bytes of text per string a fresh kept cache has room for: the seed's
/// forms average 6.2 bytes, its stems 7.7.
const KEPT_START_BYTES_PER_STRING: usize = 8;

thread_local! {
    /// This thread's [`TokenCache`] between checks ([`TokenCache::kept`]).
    static KEPT: RefCell<Option<TokenCache>> = const { RefCell::new(None) };
}

impl TokenCache {
    /// This thread's cache as the last check on it left it, its texts
    /// forgotten: the forms and what the dictionaries said of them stay,
    /// so that the checks of a batch look each word up once. Results do
    /// not depend on it: each alignment numbers its forms afresh
    /// ([`Vocab`]), and a form's dictionary answers are the same for
    /// every check.
    pub(crate) fn kept() -> KeptCache {
        let cache = KEPT
            .try_with(|k| k.borrow_mut().take())
            .ok()
            .flatten()
            .filter(|c| c.inner.borrow().small_enough_to_keep())
            .unwrap_or_else(TokenCache::presized);
        {
            let mut inner = cache.inner.borrow_mut();
            inner.check_start = inner.forms.ends.len() as u32;
        }
        KeptCache { cache }
    }

    /// A fresh cache with room for [`KEPT_START_FORMS`] forms and
    /// [`KEPT_START_STEMS`] stems: a check's interning then seldom grows a
    /// table.
    fn presized() -> TokenCache {
        TokenCache {
            inner: RefCell::new(CacheInner {
                forms: Interner::with_capacity(KEPT_START_FORMS),
                looked: Looked {
                    stems: Interner::with_capacity(KEPT_START_STEMS),
                    ..Looked::default()
                },
                ..CacheInner::default()
            }),
        }
    }

    /// Forgets the texts read, keeping the forms.
    fn forget_texts(&self) {
        self.inner.borrow_mut().texts.clear();
    }
}

/// A [`TokenCache`] that goes back to its thread when dropped
/// ([`TokenCache::kept`]).
#[derive(Debug)]
pub(crate) struct KeptCache {
    cache: TokenCache,
}

impl std::ops::Deref for KeptCache {
    type Target = TokenCache;
    fn deref(&self) -> &TokenCache {
        &self.cache
    }
}

impl Drop for KeptCache {
    fn drop(&mut self) {
        let cache = std::mem::take(&mut self.cache);
        cache.forget_texts();
        // A thread being torn down keeps nothing.
        let _ = KEPT.try_with(|k| *k.borrow_mut() = Some(cache));
    }
}

impl CacheInner {
    /// The readings of one language.
    fn texts(&mut self, language: Option<Language>) -> usize {
        match self.texts.iter().position(|(l, _)| *l == language) {
            Some(at) => at,
            None => {
                self.texts.push((language, TextMap::default()));
                self.texts.len() - 1
            }
        }
    }

    /// The reading of `text`, tokenised on first use.
    fn read(&mut self, text: &str, language: Option<Language>) -> &ReadText {
        let at = self.texts(language);
        let texts = &mut self.texts[at].1;
        if !texts.contains_key(text) {
            let read = read_text(text, language, &mut self.forms);
            texts.insert(text.into(), read);
        }
        &texts[text]
    }

    /// The reading of `parts` joined by spaces. Words, marks and links
    /// never span a space, so they are the parts' own in order; numbers
    /// may (a scale word in the next part), so they are read from the
    /// whole; the length is the parts' sum (spaces have none).
    fn read_joined(&mut self, parts: &[&str], language: Option<Language>) -> &ReadText {
        if let [one] = parts {
            return self.read(one, language);
        }
        let joined = parts.join(" ");
        let at = self.texts(language);
        if !self.texts[at].1.contains_key(joined.as_str()) {
            let mut tokens = Vec::new();
            let mut length = 0.0;
            for part in parts {
                let read = self.read(part, language);
                tokens.extend_from_slice(&read.tokens[..read.numbers_at]);
                length += read.length;
            }
            let numbers_at = tokens.len();
            let mut buf = String::new();
            number_tokens(&joined, language, &mut self.forms, &mut buf, &mut tokens);
            let read = ReadText {
                length,
                tokens,
                numbers_at,
            };
            self.texts[at].1.insert(joined.as_str().into(), read);
        }
        &self.texts[at].1[joined.as_str()]
    }
}

/// Form ids of one alignment, handed out in the order the alignment first
/// meets each form (the cache's ids depend on what other alignments read
/// before; ids in first-use order keep each alignment's ties as they fall
/// when it runs alone).
#[derive(Debug, Default)]
pub struct Vocab {
    /// Cache ids from this one up are this check's own forms (0 in a fresh
    /// cache), kept densely in `local`; a kept cache's older forms, which
    /// may number hundreds of thousands, are looked up in `older`, so that
    /// no alignment fills a table as long as everything the thread met.
    base: u32,
    /// This alignment's id of each cache id from `base`, or
    /// [`Vocab::UNSEEN`].
    local: Vec<u32>,
    /// This alignment's id of each cache id below `base` it met.
    older: crate::anchors::FastMap<u32, u32>,
    /// The cache id of each of this alignment's ids.
    global: Vec<u32>,
}

impl Vocab {
    const UNSEEN: u32 = u32::MAX;

    /// Form ids for one alignment over `cache`, with room for as many
    /// forms as the check has met so far: an alignment meets most of them
    /// again, and its tables grown from empty were copied ten times over.
    pub fn over(cache: &TokenCache) -> Vocab {
        let inner = cache.inner.borrow();
        let met = (inner.forms.ends.len() as u32).saturating_sub(inner.check_start) as usize;
        Vocab {
            base: inner.check_start,
            local: Vec::with_capacity(met),
            global: Vec::with_capacity(met),
            ..Vocab::default()
        }
    }

    /// This alignment's id of cache id `g`, adding it when new.
    fn local(&mut self, g: u32) -> u32 {
        let next = self.global.len() as u32;
        if g < self.base {
            let id = *self.older.entry(g).or_insert(next);
            if id == next {
                self.global.push(g);
            }
            return id;
        }
        let at = (g - self.base) as usize;
        if self.local.len() <= at {
            self.local.resize(at + 1, Self::UNSEEN);
        }
        if self.local[at] == Self::UNSEEN {
            self.local[at] = next;
            self.global.push(g);
        }
        self.local[at]
    }

    /// The id of form `s` (a folded word) when this alignment has met it.
    #[cfg(test)]
    pub fn get(&self, cache: &TokenCache, s: &str) -> Option<u32> {
        let g = cache.inner.borrow().forms.get(s)?;
        if g < self.base {
            return self.older.get(&g).copied();
        }
        self.local
            .get((g - self.base) as usize)
            .copied()
            .filter(|&l| l != Self::UNSEEN)
    }
}

/// One token after interning.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Interned form.
    pub form: u32,
    /// Interned four-letter prefix, for words of at least four letters.
    pub prefix: Option<u32>,
    /// How much a match of this token counts.
    pub weight: f32,
    /// Whether it is a word (the only tokens a lexicon can translate).
    pub word: bool,
}

/// One side, tokenised.
#[derive(Debug, Default)]
pub struct Tokenised {
    /// Sentence lengths in non-space characters.
    pub lengths: Vec<f64>,
    /// Tokens of each sentence.
    pub tokens: Vec<Vec<Tok>>,
}

/// Tokenises every sentence of one side, through `cache`, with ids of
/// `vocab`.
pub fn tokenise(
    sentences: &[&str],
    language: Option<Language>,
    cache: &TokenCache,
    vocab: &mut Vocab,
) -> Tokenised {
    let mut out = Tokenised::default();
    let mut inner = cache.inner.borrow_mut();
    for s in sentences {
        out.push(inner.read(s, language), vocab);
    }
    out
}

/// Tokenises units made of sentences (`units[u]` the sentences of unit
/// `u`, joined by spaces): what [`tokenise`] gives for the joined texts.
pub fn tokenise_joined(
    sentences: &[&str],
    units: &[std::ops::Range<usize>],
    language: Option<Language>,
    cache: &TokenCache,
    vocab: &mut Vocab,
) -> Tokenised {
    let mut out = Tokenised::default();
    let mut inner = cache.inner.borrow_mut();
    for r in units {
        out.push(inner.read_joined(&sentences[r.clone()], language), vocab);
    }
    out
}

impl Tokenised {
    /// Adds a text's reading, its ids made `vocab`'s.
    fn push(&mut self, read: &ReadText, vocab: &mut Vocab) {
        self.lengths.push(read.length);
        // Ids are asked for in the order the tokeniser met them: a word's
        // prefix before its form.
        let toks = read
            .tokens
            .iter()
            .map(|t| {
                let prefix = t.prefix.map(|p| vocab.local(p));
                Tok {
                    form: vocab.local(t.form),
                    prefix,
                    ..*t
                }
            })
            .collect();
        self.tokens.push(toks);
    }
}

/// Reads one text into tokens with ids of `forms`.
fn read_text(s: &str, language: Option<Language>, forms: &mut Interner) -> ReadText {
    let mut scratch = String::new();
    let mut buf = String::new();
    // About one token per six bytes: most sentences need no regrowth.
    let mut toks = Vec::with_capacity(s.len() / 6 + 4);
    tokens::each_token(s, &mut scratch, |t| {
        buf.clear();
        let (weight, prefix) = match t {
            TokenRef::Word(w) => {
                // The prefix key: a marker, then the first four letters.
                let long = w.chars().nth(3).is_some();
                let prefix = long.then(|| {
                    buf.push('\u{1}');
                    let cut = w.char_indices().nth(4).map_or(w.len(), |(k, _)| k);
                    buf.push_str(&w[..cut]);
                    forms.id(&buf)
                });
                buf.clear();
                buf.push_str(w);
                (1.0, prefix)
            }
            TokenRef::Mark(c) => {
                buf.push('\u{2}');
                buf.push(c);
                (0.5, None)
            }
            TokenRef::Link(l) => {
                buf.push('\u{3}');
                buf.push_str(l);
                (3.0, None)
            }
        };
        toks.push(Tok {
            form: forms.id(&buf),
            prefix,
            weight,
            word: matches!(t, TokenRef::Word(_)),
        });
    });
    let numbers_at = toks.len();
    number_tokens(s, language, forms, &mut buf, &mut toks);
    ReadText {
        length: crate::text::length(s) as f64,
        tokens: toks,
        numbers_at,
    }
}

/// Numbers, from the one number reader: one key per reading the aligner
/// compares (a date gives its parts), in a canonical form (`1.200` de =
/// `1,200` en = 1200; `10 million` = 10000000).
fn number_tokens(
    s: &str,
    language: Option<Language>,
    forms: &mut Interner,
    buf: &mut String,
    toks: &mut Vec<Tok>,
) {
    for number in crate::anchors::digit_numbers_in(s, language) {
        for key in number.keys() {
            buf.clear();
            use std::fmt::Write;
            let _ = write!(buf, "#{key}");
            toks.push(Tok {
                form: forms.id(buf),
                prefix: None,
                weight: NUMBER_WEIGHT,
                word: false,
            });
        }
    }
}

/// A number counts twice a word in overlaps: a shared figure is strong
/// evidence of a translation (set with the first gold sets, unchanged
/// since).
const NUMBER_WEIGHT: f32 = 2.0;

/// Translations by form id: pairs of a source form and a target form,
/// read in either direction through a [`Table`].
#[derive(Debug, Default, Clone)]
pub struct Translations {
    /// (source form, target form), in the order added.
    pairs: Vec<(u32, u32)>,
}

impl Translations {
    /// Adds a pair of forms.
    pub fn add(&mut self, source: u32, target: u32) {
        self.pairs.push((source, target));
    }

    /// Whether it holds no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds every pair of `other`, a pair already here again: a token
    /// matches when any of its keys does, so a repeat changes nothing.
    pub fn extend(&mut self, other: &Translations) {
        self.pairs.extend_from_slice(&other.pairs);
    }

    /// Adds every pair of `other` that is not here yet (and drops any
    /// repeat here): the pairs end sorted.
    pub fn merge(&mut self, other: &Translations) {
        self.extend(other);
        self.settle();
    }

    /// Sorts the pairs and drops repeats.
    fn settle(&mut self) {
        sort_pairs(&mut self.pairs);
        self.pairs.dedup();
    }

    /// Source form → target forms.
    pub fn forward(&self) -> Table {
        Table::new(&self.pairs, |&(s, t)| (s, t))
    }

    /// Target form → source forms.
    pub fn backward(&self) -> Table {
        Table::new(&self.pairs, |&(s, t)| (t, s))
    }

    /// The pairs, in the order added.
    #[cfg(test)]
    pub fn pairs(&self) -> &[(u32, u32)] {
        &self.pairs
    }
}

/// Sorts pairs of form ids, as `sort_unstable` does: by counting, target
/// forms first, then (keeping that order) source forms. Form ids of one
/// alignment are dense ([`Vocab`]), and the dictionaries give thousands of
/// pairs per solve; a comparison sort of them cost more than the rest of
/// the look-up.
fn sort_pairs(pairs: &mut [(u32, u32)]) {
    /// Below this many pairs a comparison sort is cheaper than counting.
    const COUNTING_MIN: usize = 64;
    if pairs.len() < COUNTING_MIN {
        pairs.sort_unstable();
        return;
    }
    let mut spare = vec![(0, 0); pairs.len()];
    counting_sort(pairs, &mut spare, |&(_, t)| t);
    counting_sort(&spare, pairs, |&(s, _)| s);
}

/// Writes `from` into `to` (as long) ordered by `key`, stably.
fn counting_sort(from: &[(u32, u32)], to: &mut [(u32, u32)], key: impl Fn(&(u32, u32)) -> u32) {
    let size = from.iter().map(|p| key(p) as usize + 1).max().unwrap_or(0);
    let mut next = vec![0u32; size + 1];
    for p in from {
        next[key(p) as usize + 1] += 1;
    }
    for k in 0..size {
        next[k + 1] += next[k];
    }
    for p in from {
        let at = &mut next[key(p) as usize];
        to[*at as usize] = *p;
        *at += 1;
    }
}

/// The forms each form translates to, in one list indexed by form (the
/// forms of an alignment are dense ids, [`Vocab`]): [`key`] asks for every
/// token of every sentence, and a hashed look-up per token cost more than
/// building this once per solve.
#[derive(Debug, Default)]
pub struct Table {
    /// Where each form's translations start in `items` (one more entry
    /// than forms).
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Table {
    /// The table of `pairs`, each read as (form, translation) by `read`;
    /// a form's translations keep the order of `pairs`.
    fn new(pairs: &[(u32, u32)], read: impl Fn(&(u32, u32)) -> (u32, u32)) -> Table {
        let forms = pairs
            .iter()
            .map(|p| read(p).0 as usize + 1)
            .max()
            .unwrap_or(0);
        let mut starts = vec![0u32; forms + 1];
        for p in pairs {
            starts[read(p).0 as usize + 1] += 1;
        }
        for f in 0..forms {
            starts[f + 1] += starts[f];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; pairs.len()];
        for p in pairs {
            let (f, t) = read(p);
            items[next[f as usize] as usize] = t;
            next[f as usize] += 1;
        }
        Table { starts, items }
    }

    /// The translations of form `f`.
    pub fn get(&self, f: u32) -> &[u32] {
        let f = f as usize;
        match (self.starts.get(f), self.starts.get(f + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The translations a lexicon gives between the content words of two
/// sides ([`CONTENT_SHARE`]), in both orientations (a lexicon file does not say which of our sides is
/// its first language). Where a side's language is known, an entry meets
/// the side's words by stem ([`crate::dictionary::morphology::stem`]), as
/// dictionary translations do: a lexicon learned from an archive holds one
/// form of a word, the text another (Hungarian `hegy`, `hegyekben`).
pub fn lexicon_translations(
    sides: [&Tokenised; 2],
    languages: [Option<Language>; 2],
    lexicon: &Lexicon,
    vocab: &Vocab,
    cache: &TokenCache,
) -> Translations {
    use crate::dictionary::morphology;
    let mut out = Translations::default();
    if lexicon.is_empty() {
        return out;
    }
    let inner = cache.inner.borrow();
    let name = |f: u32| {
        vocab
            .global
            .get(f as usize)
            .map_or("", |&g| inner.forms.name(g))
    };
    let codes = languages.map(|l| l.and_then(|l| l.code3()));
    let key = |w: &str, code: Option<&str>| match code {
        Some(c) => morphology::stem(w, c).to_string(),
        None => w.to_string(),
    };
    let by_key = |side: &Tokenised, code: Option<&str>| {
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        let mut forms: Vec<u32> = side
            .tokens
            .iter()
            .flatten()
            .filter(|t| t.word)
            .map(|t| t.form)
            .collect();
        forms.sort_unstable();
        forms.dedup();
        // Content words only, as for dictionaries: a frequent word's
        // translation matches almost every sentence (measured with
        // learned lexicons: docs/benchmarks.md, "Learning from an archive").
        let counts = sentence_counts(side);
        let limit = (CONTENT_SHARE * side.tokens.len() as f32).max(CONTENT_MIN_SENTENCES as f32);
        forms.retain(|&f| counts.get(f as usize).is_some_and(|&c| c as f32 <= limit));
        for f in forms {
            map.entry(key(name(f), code)).or_default().push(f);
        }
        map
    };
    let maps = [by_key(sides[0], codes[0]), by_key(sides[1], codes[1])];
    for (a, b) in lexicon.pairs() {
        for (x, y) in [(a, b), (b, a)] {
            let (Some(ss), Some(ts)) = (
                maps[0].get(&key(x, codes[0])),
                maps[1].get(&key(y, codes[1])),
            ) else {
                continue;
            };
            for &s in ss {
                for &t in ts {
                    if s != t {
                        out.add(s, t);
                    }
                }
            }
        }
    }
    // A pair may be found twice (two forms of one stem, both directions
    // of a dictionary): once is enough.
    out.settle();
    out
}

/// A word is a content word for dictionary matching when it occurs in at
/// most this share of its side's sentences (or in at most
/// [`CONTENT_MIN_SENTENCES`]): the dictionary's translations of frequent
/// words (articles, auxiliaries, prepositions) match almost every
/// sentence and only raise the unrelated level. Set on the three gold dev
/// sets with their FreeDict dictionaries (0.003 to 0.01 all within ±0.005
/// strict F1 of each other; every word allowed scored lower on textberg).
const CONTENT_SHARE: f32 = 0.005;
/// A word in this many sentences or fewer always counts as a content word
/// (short texts, where a share of the sentences is less than one).
const CONTENT_MIN_SENTENCES: u32 = 2;

/// Sentences each word form occurs in, indexed by form (an alignment's
/// forms are dense ids, [`Vocab`]): 0 for a form the side does not use as
/// a word.
fn sentence_counts(side: &Tokenised) -> Vec<u32> {
    let size = side
        .tokens
        .iter()
        .flatten()
        .map(|t| t.form as usize + 1)
        .max()
        .unwrap_or(0);
    let mut counts = vec![0u32; size];
    // One more than the index of the sentence each form was last counted
    // in, so that a form repeated in a sentence counts once.
    let mut counted_in = vec![0u32; size];
    for (i, sentence) in side.tokens.iter().enumerate() {
        let mark = i as u32 + 1;
        for t in sentence.iter().filter(|t| t.word) {
            let f = t.form as usize;
            if counted_in[f] != mark {
                counted_in[f] = mark;
                counts[f] += 1;
            }
        }
    }
    counts
}

/// The translations the dictionaries give between the content words of
/// two sides: each dictionary is read in its own direction (headwords from
/// the side in its source language, through the morphology steps of
/// [`crate::dictionary::morphology`]), and a translation counts for every
/// word of the other side with the same stem.
pub fn dictionary_translations(
    sides: [&Tokenised; 2],
    languages: [Option<Language>; 2],
    dictionaries: &[std::sync::Arc<crate::dictionary::Dictionary>],
    steps: crate::dictionary::Morphology,
    vocab: &Vocab,
    cache: &TokenCache,
) -> Translations {
    let mut out = Translations::default();
    if dictionaries.is_empty() {
        return out;
    }
    let applies = |d: &crate::dictionary::Dictionary| {
        let info = d.info();
        languages == [Some(info.from), Some(info.to)]
            || languages == [Some(info.to), Some(info.from)]
    };
    if !dictionaries.iter().any(|d| applies(d)) {
        return out;
    }
    let mut inner = cache.inner.borrow_mut();
    let CacheInner { forms, looked, .. } = &mut *inner;
    // Content words of each side, sorted.
    let content = |side: &Tokenised| -> Vec<u32> {
        let limit = (CONTENT_SHARE * side.tokens.len() as f32).max(CONTENT_MIN_SENTENCES as f32);
        sentence_counts(side)
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0 && c as f32 <= limit)
            .map(|(w, _)| w as u32)
            .collect()
    };
    let [src, tgt] = [content(sides[0]), content(sides[1])];
    for d in dictionaries {
        let info = d.info();
        let forward = languages == [Some(info.from), Some(info.to)];
        let backward = languages == [Some(info.to), Some(info.from)];
        if !forward && !backward {
            continue;
        }
        let (heads, others) = if forward { (&src, &tgt) } else { (&tgt, &src) };
        let to = (info.to, d.to_stemmer());
        // The other side's words by stem, so that a translation meets
        // their inflected forms: each stem's words are a chain through
        // `next_same`, from `first_of[stem]`, in the order of `others`
        // (most translations meet none of them, and are passed over
        // without a search).
        // Dictionaries are told apart by where they live, for as long as
        // the cache holds them (`looked.dictionaries`).
        let dictionary = std::sync::Arc::as_ptr(d) as usize;
        if !looked
            .dictionaries
            .iter()
            .any(|k| std::sync::Arc::ptr_eq(k, d))
        {
            looked.dictionaries.push(d.clone());
        }
        // Stems are compared as ids of the dictionary's own table of its
        // translations' stems where it has one: a word whose stem is not
        // there meets no translation, and the translations' ids are read,
        // not made. Else as ids of the cache's interned stems.
        let by_table = steps.stems && d.has_stem_ids();
        let stems: Vec<u32> = if by_table {
            let stem_table = table_of(&mut looked.dictionary_stem_of, dictionary);
            others
                .iter()
                .map(|&o| looked.dictionary_stem(stem_table, vocab.global[o as usize], forms, d))
                .collect()
        } else {
            let stem_table = table_of(&mut looked.stem_of, (to.0, steps.stems));
            others
                .iter()
                .map(|&o| {
                    let g = vocab.global[o as usize];
                    looked.stem(stem_table, g, forms, to.1, steps.stems)
                })
                .collect()
        };
        // Kept from solve to solve, all 0 between them (stem ids run to
        // the thousands, a dictionary's to hundreds of thousands, a side's
        // words to tens). It holds one more than the word's place, so that
        // a larger one is allocated zeroed, not filled.
        let mut first_of = std::mem::take(&mut looked.first_of);
        if let Some(&most) = stems.iter().filter(|&&s| s != NO_STEM).max() {
            if first_of.len() <= most as usize {
                first_of = vec![0; (most as usize + 1).next_power_of_two()];
            }
        }
        let mut next_same = vec![NONE; others.len()];
        for (k, &stem) in stems.iter().enumerate().rev() {
            if stem != NO_STEM {
                next_same[k] = first_of[stem as usize].wrapping_sub(1);
                first_of[stem as usize] = k as u32 + 1;
            }
        }
        let table = table_of(&mut looked.translated, (dictionary, steps));
        for &h in heads {
            let g = vocab.global[h as usize] as usize;
            let spans = &mut looked.translated[table].1;
            if spans.len() <= g {
                // Room for every form known so far, as in `Looked::stem`.
                spans.resize(forms.ends.len().max(g + 1), NOT_LOOKED);
            }
            if spans[g] == NOT_LOOKED {
                let start = looked.translated_ids.len() as u32;
                let name = forms.name(g as u32);
                if by_table {
                    d.each_stem_id_inflected(name, steps, |id| looked.translated_ids.push(id));
                } else {
                    d.each_translation_inflected(name, steps, |t| {
                        let stem = looked.stem_text(t, to.1, steps.stems);
                        looked.translated_ids.push(stem);
                    });
                }
                looked.translated[table].1[g] = (start, looked.translated_ids.len() as u32);
            }
            let (start, end) = looked.translated[table].1[g];
            for &stem in &looked.translated_ids[start as usize..end as usize] {
                // 0 - 1 wraps to NONE.
                let mut k = first_of
                    .get(stem as usize)
                    .map_or(NONE, |f| f.wrapping_sub(1));
                while k != NONE {
                    let t = others[k as usize];
                    let (s, t) = if forward { (h, t) } else { (t, h) };
                    out.add(s, t);
                    k = next_same[k as usize];
                }
            }
        }
        for &stem in stems.iter().filter(|&&s| s != NO_STEM) {
            first_of[stem as usize] = 0;
        }
        looked.first_of = first_of;
    }
    // A pair may be found twice (two forms of one stem, both directions
    // of a dictionary): once is enough.
    out.settle();
    out
}

/// One side ready for matching.
#[derive(Debug, Default)]
pub struct Keyed {
    /// Sentence lengths in characters.
    pub lengths: Vec<f64>,
    /// Running totals of `lengths` (one more entry): the length of a run
    /// of sentences in constant time, exactly, since lengths are whole.
    length_sums: Vec<f64>,
    /// Whether each sentence starts a paragraph (after the first).
    pub breaks: Vec<bool>,
    /// The block kind of each unit, when the units are paragraphs whose
    /// kinds are known; empty otherwise.
    pub shapes: Vec<crate::document::BlockShape>,
    /// Total token weight per sentence.
    pub weights: Vec<f32>,
    /// For each sentence, its tokens' key lists as (weight, keys start, keys end).
    tokens: Vec<Vec<(f32, u32, u32)>>,
    keys: Vec<u32>,
    /// Sorted distinct keys each sentence offers to the other side.
    pub keysets: Vec<Vec<u32>>,
    /// One more than the largest key.
    pub key_space: usize,
}

/// Builds match keys for a side; `translations` maps its forms to the
/// other side's forms.
pub fn key(side: &Tokenised, translations: &Table) -> Keyed {
    let mut out = Keyed {
        lengths: side.lengths.clone(),
        ..Keyed::default()
    };
    // Room for each sentence's lists, and for two keys a token (its form
    // and most often its prefix; translations add more): grown from empty,
    // the lists were copied a dozen times a side.
    let sentences = side.tokens.len();
    out.tokens.reserve_exact(sentences);
    out.keysets.reserve_exact(sentences);
    out.weights.reserve_exact(sentences);
    out.keys
        .reserve(2 * side.tokens.iter().map(Vec::len).sum::<usize>());
    for toks in &side.tokens {
        let mut list = Vec::with_capacity(toks.len());
        let mut set = Vec::with_capacity(toks.len() * 2);
        let mut total = 0.0;
        for t in toks {
            let start = out.keys.len() as u32;
            out.keys.push(t.form);
            set.push(t.form);
            if let Some(p) = t.prefix {
                out.keys.push(p);
                set.push(p);
            }
            out.keys.extend_from_slice(translations.get(t.form));
            list.push((t.weight, start, out.keys.len() as u32));
            total += t.weight;
        }
        set.sort_unstable();
        set.dedup();
        out.tokens.push(list);
        out.keysets.push(set);
        out.weights.push(total);
    }
    out.key_space = out.keys.iter().max().map_or(0, |&k| k as usize + 1);
    out.length_sums = std::iter::once(0.0)
        .chain(out.lengths.iter().scan(0.0, |acc, &l| {
            *acc += l;
            Some(*acc)
        }))
        .collect();
    out
}

impl Keyed {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Total length of sentences `start..end`.
    pub fn run_length(&self, start: usize, end: usize) -> f64 {
        self.length_sums[end] - self.length_sums[start]
    }

    /// Like [`Keyed::matched`], with the other sentence's keys marked in
    /// `stamp` by `mark`: constant time per key.
    pub fn matched_stamped(&self, s: usize, stamp: &[u32], mark: u32) -> f32 {
        let mut sum = 0.0;
        for &(w, a, b) in &self.tokens[s] {
            if self.keys[a as usize..b as usize]
                .iter()
                .any(|&k| stamp.get(k as usize) == Some(&mark))
            {
                sum += w;
            }
        }
        sum
    }

    /// Drops, from the tokens matched against `other`, the keys that no
    /// sentence of `other` offers, and tokens left without keys: they can
    /// never match, and most words of a pair of languages are such. Token
    /// weights per sentence stay as they were.
    pub fn prune_against(&mut self, other: &Keyed) {
        let mut offered = vec![false; other.key_space];
        for set in &other.keysets {
            for &k in set {
                offered[k as usize] = true;
            }
        }
        let old = std::mem::take(&mut self.keys);
        let mut keys = Vec::with_capacity(old.len() / 2);
        for list in &mut self.tokens {
            list.retain_mut(|(_, a, b)| {
                let start = keys.len() as u32;
                keys.extend(
                    old[*a as usize..*b as usize]
                        .iter()
                        .filter(|&&k| offered.get(k as usize) == Some(&true)),
                );
                (*a, *b) = (start, keys.len() as u32);
                *b > *a
            });
        }
        self.keys = keys;
    }

    /// Marks the keys sentence `s` offers in `stamp`.
    pub fn stamp(&self, s: usize, stamp: &mut [u32], mark: u32) {
        for &k in &self.keysets[s] {
            stamp[k as usize] = mark;
        }
    }

    /// Weight of the tokens of sentence `s` that match something in a
    /// sentence offering `keyset`.
    pub fn matched(&self, s: usize, keyset: &[u32]) -> f32 {
        if keyset.is_empty() {
            return 0.0;
        }
        let mut sum = 0.0;
        for &(w, a, b) in &self.tokens[s] {
            if self.keys[a as usize..b as usize]
                .iter()
                .any(|k| keyset.binary_search(k).is_ok())
            {
                sum += w;
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_sorted_by_counting_are_sorted_as_by_comparison() {
        // Short lists take the comparison sort, long ones the counting
        // sort: both give what `sort_unstable` gives, repeats and all.
        let mut k: u64 = 7;
        let mut random = |below: u32| {
            k = k
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((k >> 33) % below as u64) as u32
        };
        for (len, space) in [(0, 1), (5, 3), (63, 10), (64, 10), (500, 40), (3000, 2000)] {
            let pairs: Vec<(u32, u32)> = (0..len).map(|_| (random(space), random(space))).collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            let mut got = pairs;
            sort_pairs(&mut got);
            assert_eq!(got, expected, "{len} pairs below {space}");
        }
    }

    #[test]
    fn numbers_agree_across_locales() {
        let cache = TokenCache::default();
        let numbers = |text: &str, lang: Language, vocab: &mut Vocab| -> Vec<u32> {
            let t = tokenise(&[text], Some(lang), &cache, vocab);
            t.tokens[0]
                .iter()
                .filter(|t| !t.word && t.weight == NUMBER_WEIGHT)
                .map(|t| t.form)
                .collect()
        };
        let mut v = Vocab::default();
        let de = numbers("1.200 und 3,5 und 10 Millionen", Language::DE, &mut v);
        let en = numbers("1,200 and 3.5 and 10 million", Language::EN, &mut v);
        assert_eq!(de.len(), 3);
        assert_eq!(de, en);
        assert_eq!(
            numbers("am 24. Mai", Language::DE, &mut v),
            numbers("on the 24th of May", Language::EN, &mut v)
        );
        assert_ne!(
            numbers("1 Million", Language::DE, &mut v),
            numbers("10 million", Language::EN, &mut v)
        );
    }

    #[test]
    fn dictionary_answers_kept_in_the_cache_are_the_fresh_ones() {
        use crate::dictionary::{Dictionary, Morphology, tests::build};
        let (index, body) = build(
            &[
                ("Haus", "Haus /haʊ̯s/ <n, neut>\nhouse, building\n"),
                ("gehen", "gehen /ˈɡeːən/ <v>\ngo, walk\n"),
            ],
            40,
        );
        let d = std::sync::Arc::new(
            Dictionary::from_bytes("t", Language::DE, Language::EN, index.as_bytes(), body)
                .unwrap(),
        );
        let pairs = |cache: &TokenCache, de: &[&str], en: &[&str]| -> Vec<(u32, u32)> {
            let mut vocab = Vocab::default();
            let s = tokenise(de, Some(Language::DE), cache, &mut vocab);
            let t = tokenise(en, Some(Language::EN), cache, &mut vocab);
            let found = dictionary_translations(
                [&s, &t],
                [Some(Language::DE), Some(Language::EN)],
                std::slice::from_ref(&d),
                Morphology::default(),
                &vocab,
                cache,
            );
            let mut out = found.pairs().to_vec();
            out.sort_unstable();
            out
        };
        let de = ["Das Haus ist alt.", "Wir gehen heute."];
        let en = ["The house is old.", "We go today."];
        let fresh = pairs(&TokenCache::default(), &de, &en);
        assert!(fresh.len() >= 2, "{fresh:?}");
        // A cache that already answered for other words (and some of
        // these) answers the same.
        let shared = TokenCache::default();
        pairs(
            &shared,
            &["Wir gehen.", "Ein Haus."],
            &["We walk.", "A building."],
        );
        assert_eq!(pairs(&shared, &de, &en), fresh);
    }

    #[test]
    fn a_compiled_dictionary_gives_the_pairs_of_its_files() {
        use crate::dictionary::{Dictionary, Morphology, tests::build};
        let (index, body) = build(
            &[
                ("Haus", "Haus <n, neut>\nhouse, building, houses\n"),
                ("Tür", "Tür <f>\ndoor\n"),
                ("gehen", "gehen <v>\ngo, walk\n"),
                ("alt", "alt <adj>\nold\n"),
            ],
            40,
        );
        let dir = tempfile::tempdir().unwrap();
        let (i, b) = (dir.path().join("d.index"), dir.path().join("d.dict.dz"));
        std::fs::write(&i, &index).unwrap();
        std::fs::write(&b, &body).unwrap();
        let open = |cached: bool| {
            let (de, en) = (Language::DE, Language::EN);
            std::sync::Arc::new(if cached {
                Dictionary::open_cached(&i, &b, de, en, &dir.path().join("c")).unwrap()
            } else {
                Dictionary::open(&i, &b, de, en).unwrap()
            })
        };
        let de = [
            "Das Haus ist alt.",
            "Wir gehen durch die Haustür.",
            "Die Häuser gehen.",
        ];
        let en = [
            "The house is old.",
            "We walk through the front door of the houses.",
            "Old buildings go.",
        ];
        let pairs = |d: std::sync::Arc<Dictionary>, steps: Morphology| -> Vec<(u32, u32)> {
            let cache = TokenCache::default();
            let mut vocab = Vocab::default();
            let s = tokenise(&de, Some(Language::DE), &cache, &mut vocab);
            let t = tokenise(&en, Some(Language::EN), &cache, &mut vocab);
            let found = dictionary_translations(
                [&s, &t],
                [Some(Language::DE), Some(Language::EN)],
                &[d],
                steps,
                &vocab,
                &cache,
            );
            found.pairs().to_vec()
        };
        for stems in [true, false] {
            let steps = Morphology {
                stems,
                ..Morphology::default()
            };
            let files = pairs(open(false), steps);
            assert!(files.len() >= 4, "{files:?}");
            assert_eq!(pairs(open(true), steps), files, "stems: {stems}");
        }
    }

    #[test]
    fn a_kept_cache_aligns_as_a_fresh_one() {
        use crate::align::{AlignOptions, Side, align_cached};
        use crate::dictionary::{Dictionary, tests::build};
        let (index, body) = build(
            &[
                ("Haus", "Haus <n, neut>\nhouse, building\n"),
                ("Brücke", "Brücke <f>\nbridge\n"),
                ("gehen", "gehen <v>\ngo, walk\n"),
            ],
            40,
        );
        let d = std::sync::Arc::new(
            Dictionary::from_bytes("t", Language::DE, Language::EN, index.as_bytes(), body)
                .unwrap(),
        );
        let options = AlignOptions {
            dictionaries: vec![d],
            ..AlignOptions::default()
        };
        let pair = |de: &[&[&'static str]], en: &[&[&'static str]]| {
            (
                Side::from_paragraphs(de, Some(Language::DE)),
                Side::from_paragraphs(en, Some(Language::EN)),
            )
        };
        let (de, en) = pair(
            &[
                &["Die Brücke ist neu."],
                &["Das Haus steht am Fluss.", "Wir gehen hinüber."],
                &["Ein Zusatz ohne Vorlage."],
            ],
            &[
                &["The bridge is new."],
                &["The house stands by the river.", "We walk across."],
            ],
        );
        let fresh = align_cached(&de, &en, &options, &TokenCache::default());
        // Another check on this thread first: its forms and dictionary
        // answers (some of them this pair's) stay, its texts go.
        let (other_de, other_en) = pair(
            &[&["Wir gehen zum Haus."], &["Die alte Brücke."]],
            &[&["We go to the house."], &["The old bridge."]],
        );
        align_cached(&other_de, &other_en, &options, &TokenCache::kept());
        let kept = TokenCache::kept();
        {
            let inner = kept.inner.borrow();
            assert!(!inner.forms.ends.is_empty());
            assert!(inner.texts.is_empty());
            // This check's forms are counted from here (`Vocab::base`):
            // the pair's words the other check met take the `older` path.
            assert_eq!(inner.check_start as usize, inner.forms.ends.len());
            assert!(!inner.looked.translated.is_empty());
        }
        assert_eq!(align_cached(&de, &en, &options, &kept), fresh);
    }

    #[test]
    fn a_vocab_numbers_older_and_new_forms_alike_in_first_use_order() {
        let mut v = Vocab {
            base: 10,
            ..Vocab::default()
        };
        let ids: Vec<u32> = [12, 3, 12, 40, 3, 0].iter().map(|&g| v.local(g)).collect();
        assert_eq!(ids, [0, 1, 0, 2, 1, 3]);
        assert_eq!(v.global, [12, 3, 40, 0]);
        // Forms below the base are hashed, the rest dense from the base.
        assert_eq!(v.older.len(), 2);
        assert_eq!(v.local.len(), 31);
    }

    #[test]
    fn interned_strings_keep_their_ids_even_when_hashes_collide() {
        let mut interner = Interner::default();
        let words = ["haus", "", "häuser", "haus-boot", "h"];
        let ids: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4]);
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(interner.id(w), id);
            assert_eq!(interner.name(id), *w);
            assert_eq!(interner.get(w), Some(id));
        }
        assert_eq!(interner.get("hau"), None);
        // Strings filed under one hash are told apart by their text.
        let a = interner.id_hashed("eins", 7);
        let b = interner.id_hashed("zwei", 7);
        let c = interner.id_hashed("drei", 7);
        assert_eq!((a, b, c), (5, 6, 7));
        assert_eq!(interner.id_hashed("eins", 7), a);
        assert_eq!(interner.id_hashed("zwei", 7), b);
        assert_eq!(interner.find("drei", 7), Some(c));
        assert_eq!(interner.find("vier", 7), None);
        assert_eq!(interner.name(b), "zwei");
    }

    #[test]
    fn pruning_keeps_every_match() {
        let mut vocab = Vocab::default();
        let cache = TokenCache::default();
        let src = tokenise(
            &["Anna kauft 12 Äpfel.", "Niemand weiss das."],
            None,
            &cache,
            &mut vocab,
        );
        let tgt = tokenise(
            &["Anna buys 12 apples.", "Nobody knows."],
            None,
            &cache,
            &mut vocab,
        );
        let mut tr = Translations::default();
        tr.add(
            vocab.get(&cache, "kauft").unwrap(),
            vocab.get(&cache, "buys").unwrap(),
        );
        let (mut s, t) = (key(&src, &tr.forward()), key(&tgt, &tr.backward()));
        let before: Vec<f32> = (0..2)
            .flat_map(|i| (0..2).map(move |j| (i, j)))
            .map(|(i, j)| s.matched(i, &t.keysets[j]))
            .collect();
        let keys = s.keys.len();
        s.prune_against(&t);
        let after: Vec<f32> = (0..2)
            .flat_map(|i| (0..2).map(move |j| (i, j)))
            .map(|(i, j)| s.matched(i, &t.keysets[j]))
            .collect();
        assert_eq!(before, after);
        assert!(before[0] >= 4.0, "Anna, kauft, 12 match: {before:?}");
        assert!(s.keys.len() < keys);
        assert_eq!(s.weights, key(&src, &tr.forward()).weights);
        assert_eq!(s.run_length(0, 2), src.lengths[0] + src.lengths[1]);
        assert_eq!(s.run_length(1, 1), 0.0);
    }

    #[test]
    fn lexicon_entries_meet_inflected_forms_by_stem() {
        let mut vocab = Vocab::default();
        let cache = TokenCache::default();
        let (hu, en) = (
            Language::from_code("hu").ok(),
            Language::from_code("en").ok(),
        );
        let src = tokenise(&["Sok hó van a hegyekben."], hu, &cache, &mut vocab);
        let tgt = tokenise(&["There is snow in the mountains."], en, &cache, &mut vocab);
        let text = "# learned\nhegy\tmountain\t0.9\t5\nsnow\tho\n";
        let lexicon = Lexicon::parse(std::path::Path::new("x"), text, None).unwrap();
        let id = |w| vocab.get(&cache, w).unwrap();
        let tr = lexicon_translations([&src, &tgt], [hu, en], &lexicon, &vocab, &cache);
        assert_eq!(tr.forward().get(id("hegyekben")), [id("mountains")]);
        // Either orientation of an entry counts.
        assert_eq!(tr.forward().get(id("ho")), [id("snow")]);
        // Without the languages, only the very forms meet.
        let tr = lexicon_translations([&src, &tgt], [None, None], &lexicon, &vocab, &cache);
        assert!(tr.forward().get(id("hegyekben")).is_empty());
        assert_eq!(tr.forward().get(id("ho")), [id("snow")]);
    }
}
