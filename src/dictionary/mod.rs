//! Bilingual dictionaries in dictd format, as Debian's FreeDict packages
//! install them (`/usr/share/dictd/freedict-deu-fra.index` and
//! `.dict.dz`).
//!
//! A [`Dictionary`] is opened from paths or from bytes: the index is read
//! into a table of folded headwords (by hash) and entry spans, and the
//! body is kept compressed; an entry is inflated and parsed when a word is
//! looked up, so opening costs the index alone and a check pays only for
//! the words of its texts. A [`Shelf`] finds the dictionaries of a pair of
//! languages in its directories (both directions) and keeps them open for
//! every pair of a batch.

mod cache;
mod dictd;
mod entry;
pub mod morphology;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::language::Language;
use crate::text::fold_char;

pub use entry::{Entry, leading_words};

/// Where Debian installs dictd dictionaries.
pub const SYSTEM_DIR: &str = "/usr/share/dictd";

/// One bilingual dictionary, open.
pub struct Dictionary {
    info: DictionaryInfo,
    store: Store,
    /// The ISO 639-3 codes of `info.from` and `info.to` (`""` where none),
    /// found once: the morphology steps take them for every word.
    codes: [&'static str; 2],
    /// The stemmers of `info.from` and `info.to`, made once.
    stemmers: [morphology::Stemmer; 2],
    from_leading: &'static [&'static str],
    to_leading: &'static [&'static str],
}

impl std::fmt::Debug for Dictionary {
    // Its tables are megabytes: what it is, not what it holds.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

/// Where lookups are answered from.
#[derive(Debug)]
enum Store {
    /// The dictd files: folded headword hash and entry span, sorted by
    /// hash, and the body, whose entries are parsed when looked up.
    Direct {
        index: Vec<(u64, dictd::Span)>,
        body: dictd::Body,
    },
    /// A compiled table ([`cache`]).
    Compiled(cache::Compiled),
}

/// What a report says of a dictionary it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DictionaryInfo {
    /// The file name without extension (`freedict-deu-fra`).
    pub name: String,
    /// The index file's path, when opened from a file.
    pub path: Option<String>,
    /// The headwords' language.
    pub from: Language,
    /// The translations' language.
    pub to: Language,
    /// Number of index entries.
    pub entries: usize,
}

use cache::key_hash;

/// The ISO 639-3 codes of a dictionary's two languages, `""` where none.
fn codes(from: Language, to: Language) -> [&'static str; 2] {
    [from, to].map(|l| l.code3().unwrap_or(""))
}

/// Index entries that are the dictionary's own header (`00databaseinfo`,
/// `00-database-url`), not words.
fn is_header(headword: &str) -> bool {
    headword.starts_with("00database") || headword.starts_with("00-database")
}

impl Dictionary {
    /// A dictionary from the bytes of its index and body (dictzip, gzip or
    /// uncompressed); `name` names it in reports and errors, `from` and
    /// `to` are its headwords' and translations' languages.
    pub fn from_bytes(
        name: &str,
        from: Language,
        to: Language,
        index: &[u8],
        body: Vec<u8>,
    ) -> Result<Dictionary> {
        let path = PathBuf::from(format!("{name}.index"));
        let text = std::str::from_utf8(index).map_err(|e| Error::Encoding {
            path: path.clone(),
            offset: e.valid_up_to(),
        })?;
        let mut table = Vec::with_capacity(text.len() / 24);
        let mut folded = String::new();
        for (number, line) in text.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let (headword, span) = dictd::index_line(line).ok_or_else(|| Error::Malformed {
                path: path.clone(),
                line: number + 1,
                problem: "expected headword<TAB>offset<TAB>length".to_string(),
            })?;
            if is_header(headword) {
                continue;
            }
            folded.clear();
            for c in headword.chars() {
                fold_char(c, &mut folded);
            }
            table.push((key_hash(&folded), span));
        }
        table.sort_unstable_by_key(|&(h, s)| (h, s.offset));
        let body = dictd::Body::new(body).ok_or_else(|| Error::Malformed {
            path: PathBuf::from(format!("{name}.dict.dz")),
            line: 1,
            problem: "the gzip header is cut short".to_string(),
        })?;
        let entries = table.len();
        Ok(Dictionary {
            info: DictionaryInfo {
                name: name.to_string(),
                path: None,
                from,
                to,
                entries,
            },
            store: Store::Direct { index: table, body },
            codes: codes(from, to),
            stemmers: codes(from, to).map(morphology::Stemmer::new),
            from_leading: leading_words(from.code3().unwrap_or("")),
            to_leading: leading_words(to.code3().unwrap_or("")),
        })
    }

    /// Opens a dictionary from its index and body files.
    pub fn open(index: &Path, body: &Path, from: Language, to: Language) -> Result<Dictionary> {
        let read = |path: &Path| {
            std::fs::read(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })
        };
        let name = index
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let mut dictionary = Dictionary::from_bytes(&name, from, to, &read(index)?, read(body)?)
            .map_err(|e| match e {
                Error::Malformed { line, problem, .. } => Error::Malformed {
                    path: index.to_path_buf(),
                    line,
                    problem,
                },
                Error::Encoding { offset, .. } => Error::Encoding {
                    path: index.to_path_buf(),
                    offset,
                },
                other => other,
            })?;
        dictionary.info.path = Some(index.display().to_string());
        Ok(dictionary)
    }

    /// The translations of a folded word as it stands in a text: the word
    /// itself, else without its elided article or inflectional ending,
    /// else (in languages that compound) as a compound of two headwords,
    /// whose translations both count ([`morphology`]).
    pub fn translations_inflected(&self, folded: &str, steps: Morphology) -> Vec<String> {
        let mut out = Vec::new();
        self.each_translation_inflected(folded, steps, |t| out.push(t.to_string()));
        out
    }

    /// Calls `f` with each of [`Dictionary::translations_inflected`] in
    /// order, borrowed from a compiled dictionary's bytes where it can be:
    /// the aligner stems each translation at once and keeps no string, nor
    /// a list of them.
    pub fn each_translation_inflected(
        &self,
        folded: &str,
        steps: Morphology,
        mut f: impl FnMut(&str),
    ) {
        // A form found gives its translations and ends the search; a form
        // not found gives nothing, so the next may be tried.
        let mut each = |t: Cow<'_, str>| f(&t);
        if self.first_form_found(folded, steps, |form| self.each_translation(form, &mut each)) {
            return;
        }
        if steps.compounds {
            for t in self.compound(folded, self.codes[0]) {
                f(&t);
            }
        }
    }

    /// Looks `folded` up with `look` (which says how many entries it
    /// gave), then, with `steps.affixes`, its unelided and its stemmed
    /// form, up to the first form found; whether one was. A form not found
    /// gives nothing, so the next may be tried.
    fn first_form_found(
        &self,
        folded: &str,
        steps: Morphology,
        mut look: impl FnMut(&str) -> usize,
    ) -> bool {
        if look(folded) > 0 {
            return true;
        }
        if steps.affixes {
            let stemmer = &self.stemmers[0];
            for form in [stemmer.unelide(folded), stemmer.stem(folded)] {
                if form != folded && look(form) > 0 {
                    return true;
                }
            }
        }
        false
    }

    /// Calls `f` with the stem id ([`Dictionary::stem_id`]) of each of
    /// [`Dictionary::translations_inflected`], in the same steps (a
    /// compound's parts' stems given once each, where the translations are
    /// given once each): the aligner matches translations by stem, and
    /// stemming each translation as it is looked up cost more than the
    /// look-up. Only a compiled dictionary has the ids
    /// ([`Dictionary::has_stem_ids`]); another calls `f` never.
    pub(crate) fn each_stem_id_inflected(
        &self,
        folded: &str,
        steps: Morphology,
        mut f: impl FnMut(u32),
    ) {
        let Store::Compiled(c) = &self.store else {
            return;
        };
        if self.first_form_found(folded, steps, |form| c.each_stem_id(form, &mut f)) {
            return;
        }
        if steps.compounds {
            let ids = |w: &str| {
                let mut out = Vec::new();
                c.each_stem_id(w, |id| out.push(id));
                out
            };
            for id in self.compound_with(folded, self.codes[0], ids) {
                f(id);
            }
        }
    }

    /// Whether the stems of its translations are numbered in a table
    /// ([`Dictionary::stem_id`]): a compiled dictionary's are.
    pub(crate) fn has_stem_ids(&self) -> bool {
        matches!(self.store, Store::Compiled(_))
    }

    /// The id of a word's stem in the table of its translations' stems
    /// (the word in the translations' language, folded, stemmed by
    /// [`Dictionary::to_stemmer`]): `None` when no translation has that
    /// stem, or the dictionary has no table ([`Dictionary::has_stem_ids`]).
    pub(crate) fn stem_id(&self, word: &str) -> Option<u32> {
        match &self.store {
            Store::Compiled(c) => c.stem_id(self.stemmers[1].stem(word)),
            Store::Direct { .. } => None,
        }
    }

    /// A compound's translations: of its longest last part that is a
    /// headword after a first part that is one too.
    fn compound(&self, word: &str, code: &str) -> Vec<Cow<'_, str>> {
        self.compound_with(word, code, |w| self.translations_borrowed(w))
    }

    /// [`Dictionary::compound`] with the translations of a headword given
    /// by `look` (as strings or as stem ids), each kept once.
    fn compound_with<T: PartialEq>(
        &self,
        word: &str,
        code: &str,
        look: impl Fn(&str) -> Vec<T>,
    ) -> Vec<T> {
        if !morphology::compounding(code) {
            return Vec::new();
        }
        let known = |w: &str| {
            let t = look(w);
            let stem = self.stemmers[0].stem(w);
            // A stem is a part of the word: as long, it is the word, whose
            // look-up found nothing.
            if t.is_empty() && stem.len() < w.len() {
                look(stem)
            } else {
                t
            }
        };
        for (first, last) in morphology::splits(word) {
            let mut tail = known(last);
            if tail.is_empty() {
                continue;
            }
            let head = look(first);
            if head.is_empty() {
                continue;
            }
            for t in head {
                if !tail.contains(&t) {
                    tail.push(t);
                }
            }
            return tail;
        }
        Vec::new()
    }

    /// Opens a dictionary through a compiled copy in `cache_dir`: read
    /// when it is there and current, else compiled from the files and
    /// written there (a cache that cannot be written is no error: the
    /// dictionary is still used).
    pub fn open_cached(
        index: &Path,
        body: &Path,
        from: Language,
        to: Language,
        cache_dir: &Path,
    ) -> Result<Dictionary> {
        let Some(stamp) = cache::stamp(index, body) else {
            return Dictionary::open(index, body, from, to);
        };
        let name = index
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let file = cache_dir.join(format!(
            "{name}-{:016x}.{}",
            key_hash(&index.display().to_string()),
            cache::FILE_EXTENSION
        ));
        let stemmers = codes(from, to).map(morphology::Stemmer::new);
        let compiled = match std::fs::read(&file)
            .ok()
            .and_then(|b| cache::Compiled::from_bytes(b, &stamp, &stemmers[1]))
        {
            Some(c) => c,
            None => {
                let direct = Dictionary::open(index, body, from, to)?;
                let compiled = direct.compile(index, &stamp)?;
                let _ = cache::write_atomically(&file, compiled.bytes());
                compiled
            }
        };
        Ok(Dictionary {
            info: DictionaryInfo {
                name,
                path: Some(index.display().to_string()),
                from,
                to,
                entries: compiled.entries,
            },
            store: Store::Compiled(compiled),
            codes: codes(from, to),
            stemmers,
            from_leading: leading_words(from.code3().unwrap_or("")),
            to_leading: leading_words(to.code3().unwrap_or("")),
        })
    }

    /// Every single-word headword of the index file with its translations.
    fn compile(&self, index: &Path, stamp: &cache::Stamp) -> Result<cache::Compiled> {
        let text = std::fs::read_to_string(index).map_err(|source| Error::Io {
            path: index.to_path_buf(),
            source,
        })?;
        let mut heads: Vec<String> = text
            .lines()
            .filter_map(|l| l.split('\t').next())
            .filter(|h| !h.is_empty() && !is_header(h) && !h.contains(char::is_whitespace))
            .map(crate::text::fold)
            .collect();
        heads.sort_unstable();
        heads.dedup();
        let records = heads.into_iter().map(|h| {
            let t = self.translations(&h);
            (h, t)
        });
        Ok(cache::Compiled::build(
            records,
            self.info.entries,
            stamp,
            &self.stemmers[1],
        ))
    }

    /// What reports say of it.
    pub fn info(&self) -> &DictionaryInfo {
        &self.info
    }

    /// The stemmer of its translations' language.
    pub(crate) fn to_stemmer(&self) -> &morphology::Stemmer {
        &self.stemmers[1]
    }

    /// The single-word translations of a folded single word (lower case,
    /// no diacritics, as the aligner's tokens are), from every entry filed
    /// under it. Entries the body cannot give (a damaged file) are skipped.
    pub fn translations(&self, folded: &str) -> Vec<String> {
        let (index, body) = match &self.store {
            Store::Compiled(c) => return c.lookup(folded),
            Store::Direct { index, body } => (index, body),
        };
        let h = key_hash(folded);
        let start = index.partition_point(|&(k, _)| k < h);
        let mut out: Vec<String> = Vec::new();
        for &(k, span) in &index[start..] {
            if k != h {
                break;
            }
            let Some(bytes) = body.read(span) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let parsed = entry::parse(&text, self.from_leading, self.to_leading);
            for t in parsed.translations {
                if t != folded && !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    /// [`Dictionary::translations`], borrowed from a compiled dictionary's
    /// bytes (no string per translation).
    fn translations_borrowed(&self, folded: &str) -> Vec<Cow<'_, str>> {
        let mut out = Vec::new();
        self.each_translation(folded, &mut |t: Cow<'_, str>| out.push(t));
        out
    }

    /// Calls `f` with each of [`Dictionary::translations`] in order,
    /// borrowed from a compiled dictionary's bytes; returns how many.
    fn each_translation<'d>(&'d self, folded: &str, f: &mut impl FnMut(Cow<'d, str>)) -> usize {
        match &self.store {
            Store::Compiled(c) => c.each_translation(folded, |t| f(Cow::Borrowed(t))),
            Store::Direct { .. } => {
                let all = self.translations(folded);
                let n = all.len();
                all.into_iter().for_each(|t| f(Cow::Owned(t)));
                n
            }
        }
    }
}

/// Which morphology steps dictionary matching takes ([`morphology`]); all
/// by default (each step's effect is in docs/benchmarks.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Morphology {
    /// Strip elided articles and inflectional endings from the word looked
    /// up.
    pub affixes: bool,
    /// Match translations to the other side's words by stem, not form.
    pub stems: bool,
    /// Split compounds in the languages that write them as one word.
    pub compounds: bool,
}

impl Default for Morphology {
    fn default() -> Self {
        Morphology {
            affixes: true,
            stems: true,
            compounds: true,
        }
    }
}

/// The dictionary files of one direction found in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The `.index` file.
    pub index: PathBuf,
    /// The body: `.dict.dz` or `.dict`.
    pub body: PathBuf,
    /// Headword language.
    pub from: Language,
    /// Translation language.
    pub to: Language,
}

/// The FreeDict files for `a` → `b` and `b` → `a` in `dirs`: for each
/// direction, the first directory that holds both an index and a body.
/// Directories that do not exist are passed over.
pub fn find(dirs: &[PathBuf], a: Language, b: Language) -> Vec<Found> {
    let mut out = Vec::new();
    if a == b {
        return out;
    }
    for (from, to) in [(a, b), (b, a)] {
        let (Some(f), Some(t)) = (from.code3(), to.code3()) else {
            continue;
        };
        let stem = format!("freedict-{f}-{t}");
        let found = dirs.iter().find_map(|dir| {
            let index = dir.join(format!("{stem}.index"));
            if !index.is_file() {
                return None;
            }
            [".dict.dz", ".dict"]
                .iter()
                .map(|ext| dir.join(format!("{stem}{ext}")))
                .find(|p| p.is_file())
                .map(|body| Found {
                    index,
                    body,
                    from,
                    to,
                })
        });
        out.extend(found);
    }
    out
}

/// Dictionary directories and the dictionaries opened from them, shared by
/// every pair of a run (opened once, on first use, safe between threads).
#[derive(Debug, Default)]
pub struct Shelf {
    dirs: Vec<PathBuf>,
    cache: Option<PathBuf>,
    opened: Mutex<HashMap<PathBuf, Arc<Dictionary>>>,
}

impl Shelf {
    /// A shelf over `dirs`, searched in order.
    pub fn new(dirs: Vec<PathBuf>) -> Shelf {
        Shelf {
            dirs,
            cache: None,
            opened: Mutex::default(),
        }
    }

    /// Keeps compiled dictionaries in `dir` ([`Dictionary::open_cached`]).
    pub fn with_cache(mut self, dir: PathBuf) -> Shelf {
        self.cache = Some(dir);
        self
    }

    /// The directories searched.
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// The dictionaries between `a` and `b`, both directions, opened.
    pub fn for_pair(&self, a: Language, b: Language) -> Result<Vec<Arc<Dictionary>>> {
        let mut out = Vec::new();
        for found in find(&self.dirs, a, b) {
            // Opened outside the lock would open a file twice when two
            // threads ask at once; inside, others wait for the first.
            let mut opened = self
                .opened
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let dictionary = match opened.get(&found.index) {
                Some(d) => d.clone(),
                None => {
                    let d = Arc::new(match &self.cache {
                        Some(dir) => Dictionary::open_cached(
                            &found.index,
                            &found.body,
                            found.from,
                            found.to,
                            dir,
                        )?,
                        None => Dictionary::open(&found.index, &found.body, found.from, found.to)?,
                    });
                    opened.insert(found.index.clone(), d.clone());
                    d
                }
            };
            out.push(dictionary);
        }
        Ok(out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A dictd dictionary of the given entries (headword, entry text),
    /// as index text and a dictzip body.
    pub(crate) fn build(entries: &[(&str, &str)], chunk_len: usize) -> (String, Vec<u8>) {
        let mut body = String::new();
        let mut index = String::from("00databaseinfo\tA\tB\n");
        let b64 = |mut n: usize| {
            const DIGITS: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = Vec::new();
            loop {
                s.push(DIGITS[n % 64]);
                n /= 64;
                if n == 0 {
                    break;
                }
            }
            s.reverse();
            String::from_utf8(s).unwrap()
        };
        body.push('x');
        for (head, text) in entries {
            let offset = body.len();
            body.push_str(text);
            index.push_str(&format!(
                "{}\t{}\t{}\n",
                head.to_lowercase(),
                b64(offset),
                b64(text.len())
            ));
        }
        (index, dictd::tests::dictzip(body.as_bytes(), chunk_len))
    }

    fn lang(code: &str) -> Language {
        Language::from_code(code).unwrap()
    }

    const ENTRIES: &[(&str, &str)] = &[
        (
            "Haus",
            "Haus /haʊ̯s/ <n, neut>\nmaison, bâtiment\nein Gebäude\n",
        ),
        (
            "Hütte",
            "Hütte /ˈhʏtə/ <n, fem>\n1. cabane\nkleines Haus\n2. refuge\n",
        ),
        ("Haus", "Haus /haʊ̯s/ <n, neut>\n1. famille\nDynastie\n"),
        ("gehen", "gehen /ˈɡeːən/ <v>\naller, marcher\n"),
    ];

    #[test]
    fn looks_up_folded_words_in_every_entry() {
        let (index, body) = build(ENTRIES, 40);
        let d =
            Dictionary::from_bytes("t", lang("de"), lang("fr"), index.as_bytes(), body).unwrap();
        assert_eq!(d.info().entries, 4);
        assert_eq!(d.translations("haus"), ["maison", "batiment", "famille"]);
        assert_eq!(d.translations("hutte"), ["cabane", "refuge"]);
        assert_eq!(d.translations("gehen"), ["aller", "marcher"]);
        assert!(d.translations("katze").is_empty());
    }

    #[test]
    fn malformed_index_is_named() {
        let err = Dictionary::from_bytes("t", lang("de"), lang("fr"), b"haus\tA\n", Vec::new())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.index:1: expected headword<TAB>offset<TAB>length"
        );
    }

    #[test]
    fn finds_both_directions_and_shares_them() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = build(ENTRIES, 64);
        std::fs::write(dir.path().join("freedict-deu-fra.index"), &index).unwrap();
        std::fs::write(dir.path().join("freedict-deu-fra.dict.dz"), &body).unwrap();
        let (index, body) = build(&[("maison", "maison /mɛ.zɔ̃/\nHaus\n")], 64);
        std::fs::write(dir.path().join("freedict-fra-deu.index"), &index).unwrap();
        // An uncompressed body is read too.
        let plain = String::from("xmaison /mɛ.zɔ̃/\nHaus\n");
        assert!(body.len() > 10);
        std::fs::write(dir.path().join("freedict-fra-deu.dict"), plain).unwrap();
        let dirs = vec![dir.path().join("absent"), dir.path().to_path_buf()];
        let found = find(&dirs, lang("fr"), lang("de"));
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].from, found[0].to), (lang("fr"), lang("de")));
        assert!(find(&dirs, lang("de"), lang("en")).is_empty());
        assert!(find(&dirs, lang("de"), lang("de")).is_empty());
        let shelf = Shelf::new(dirs);
        let a = shelf.for_pair(lang("de"), lang("fr")).unwrap();
        let b = shelf.for_pair(lang("fr"), lang("de")).unwrap();
        assert!(Arc::ptr_eq(&a[0], &b[1]));
        assert_eq!(a[1].translations("maison"), ["haus"]);
        assert_eq!(a[0].info().name, "freedict-deu-fra");
    }

    #[test]
    fn stem_ids_follow_the_translations() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = build(ENTRIES, 50);
        let (i, b) = (dir.path().join("d.index"), dir.path().join("d.dict.dz"));
        std::fs::write(&i, &index).unwrap();
        std::fs::write(&b, &body).unwrap();
        let direct = Dictionary::open(&i, &b, lang("de"), lang("fr")).unwrap();
        assert!(!direct.has_stem_ids());
        assert_eq!(direct.stem_id("maison"), None);
        let cached =
            Dictionary::open_cached(&i, &b, lang("de"), lang("fr"), &dir.path().join("c")).unwrap();
        assert!(cached.has_stem_ids());
        let steps = Morphology::default();
        // The word, an inflected form, a compound, none.
        for w in ["haus", "hauses", "hausgehen", "hutte", "katze"] {
            let mut ids = Vec::new();
            cached.each_stem_id_inflected(w, steps, |id| ids.push(id));
            let mut expected: Vec<u32> = direct
                .translations_inflected(w, steps)
                .iter()
                .map(|t| cached.stem_id(t).expect("a translation's stem is numbered"))
                .collect();
            assert_eq!(ids.is_empty(), w == "katze", "{w}");
            ids.sort_unstable();
            ids.dedup();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(ids, expected, "{w}");
        }
        // An inflected form of a translation meets its stem.
        assert_eq!(cached.stem_id("maisons"), cached.stem_id("maison"));
        assert_eq!(cached.stem_id("chien"), None);
    }

    #[test]
    fn a_cached_dictionary_answers_as_the_files_do() {
        let dir = tempfile::tempdir().unwrap();
        let (index, body) = build(ENTRIES, 50);
        let (i, b) = (dir.path().join("d.index"), dir.path().join("d.dict.dz"));
        std::fs::write(&i, &index).unwrap();
        std::fs::write(&b, &body).unwrap();
        let cache = dir.path().join("cache");
        let direct = Dictionary::open(&i, &b, lang("de"), lang("fr")).unwrap();
        for _ in 0..2 {
            let cached = Dictionary::open_cached(&i, &b, lang("de"), lang("fr"), &cache).unwrap();
            assert!(matches!(cached.store, Store::Compiled(_)));
            for w in ["haus", "hutte", "gehen", "katze"] {
                assert_eq!(cached.translations(w), direct.translations(w), "{w}");
            }
            assert_eq!(cached.info(), direct.info());
        }
        assert_eq!(std::fs::read_dir(&cache).unwrap().count(), 1);
        // A changed dictionary is compiled again.
        let (index, body) = build(&[("haus", "Haus\nmaison\n")], 50);
        std::fs::write(&i, &index).unwrap();
        std::fs::write(&b, &body).unwrap();
        let cached = Dictionary::open_cached(&i, &b, lang("de"), lang("fr"), &cache).unwrap();
        assert_eq!(cached.translations("haus"), ["maison"]);
    }
}
