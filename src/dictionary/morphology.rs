//! Meeting dictionary headwords from inflected and compound words.
//!
//! Words reach the dictionary folded (lower case, no diacritics), so case
//! and diacritics never stand in the way. Beyond that, three light steps,
//! all by table, none a full analyser:
//!
//! - elision: French and Italian articles and pronouns joined to a word
//!   (`l'altitude`, tokenised `l-altitude`) are dropped;
//! - affix stripping: a word's inflectional ending is cut (`Gipfeln` →
//!   `gipfel`, `cordes` → `corde`, `hegyekben` → `hegy`), longest ending
//!   first, always leaving a stem of [`MIN_STEM`] letters;
//! - compound splitting (German, Dutch, Hungarian, which write compounds
//!   as one word): a word the dictionary lacks is read as a known first
//!   part and a known last part (`Höhenzahl` = `höhe(n)` + `zahl`), each
//!   of [`MIN_PART`] letters or more, with a linking `s`, `es`, `n`, `en`
//!   or `e` allowed between them.
//!
//! The same stripping gives the key under which the other side's words are
//! found, so a translation `corde` meets the text's `cordes`.

/// Fewest letters a stripped stem keeps: shorter stems of different words
/// collide too often (`ab-er`, `an-en`).
pub const MIN_STEM: usize = 4;
/// Fewest letters of each part of a compound.
pub const MIN_PART: usize = 4;

/// Inflectional endings by ISO 639-3 code, folded, longest first within
/// each list (the first that leaves a long enough stem is cut).
const ENDINGS: &[(&str, &[&str])] = &[
    ("deu", &["ern", "em", "en", "er", "es", "e", "n", "s"]),
    ("nld", &["en", "s", "e"]),
    ("eng", &["ies", "ing", "ed", "es", "s"]),
    ("fra", &["es", "s", "x", "e"]),
    ("spa", &["es", "s"]),
    ("ita", &["i", "e"]),
    ("por", &["es", "s"]),
    (
        "hun",
        &[
            "jaban", "jeben", "aban", "eben", "okban", "ekben", "akban", "oknak", "eknek", "aknak",
            "ban", "ben", "nak", "nek", "val", "vel", "bol", "rol", "tol", "ra", "re", "ba", "be",
            "hoz", "hez", "kor", "ig", "nal", "nel", "on", "en", "ok", "ek", "ak", "at", "et",
            "ot", "ja", "je", "ai", "ei", "k", "t", "a", "e", "n",
        ],
    ),
];

/// Elided words written joined to the next, folded (the tokeniser turns
/// the apostrophe into `-`).
const ELIDED: &[(&str, &[&str])] = &[
    (
        "fra",
        &[
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
        ],
    ),
    (
        "ita",
        &["l", "d", "un", "dell", "all", "nell", "sull", "dall"],
    ),
];

/// Languages that write compounds as one word.
const COMPOUNDING: &[&str] = &["deu", "nld", "hun", "swe", "dan"];

/// Linking elements between the parts of a compound.
const LINKS: &[&str] = &["es", "en", "s", "n", "e"];

fn table(list: &'static [(&str, &[&str])], code: &str) -> &'static [&'static str] {
    list.iter()
        .find(|(c, _)| same_bytes(c.as_bytes(), code.as_bytes()))
        .map_or(&[], |(_, w)| w)
}

/// Whether two short byte strings are equal, compared byte by byte: for
/// a language code or an ending, a call to `memcmp` costs more than the
/// comparison, and the aligner stems every translation a dictionary gives
/// (about a tenth of the dictionary pass of the seed check went to
/// `stem`'s string comparisons).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The word without a joined elided article (`l-altitude` → `altitude`).
pub fn unelide<'a>(word: &'a str, code: &str) -> &'a str {
    Stemmer::new(code).unelide(word)
}

/// The word's stem: without a joined elided article and its longest
/// inflectional ending that leaves [`MIN_STEM`] letters.
pub fn stem<'a>(word: &'a str, code: &str) -> &'a str {
    Stemmer::new(code).stem(word)
}

/// [`stem`] and [`unelide`] for one language, its tables found once: the
/// aligner stems every translation a dictionary gives, and finding the
/// language's tables again for each cost as much as the stemming.
#[derive(Debug, Clone, Copy)]
pub struct Stemmer {
    elided: &'static [&'static str],
    endings: &'static [&'static str],
    /// The last bytes of `endings`, a bit each: a word ending in another
    /// byte keeps its ending without a comparison (most words, in English).
    last_bytes: [u64; 4],
}

impl Stemmer {
    /// The stemmer of the language of ISO 639-3 `code`.
    pub fn new(code: &str) -> Stemmer {
        let endings = table(ENDINGS, code);
        let mut last_bytes = [0u64; 4];
        for e in endings {
            if let Some(&b) = e.as_bytes().last() {
                last_bytes[b as usize / 64] |= 1 << (b % 64);
            }
        }
        Stemmer {
            elided: table(ELIDED, code),
            endings,
            last_bytes,
        }
    }

    /// A hash of its tables: a compiled dictionary keeps the stems of its
    /// translations, and is compiled again when the tables change.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
        let mut h = BuildHasherDefault::<crate::align::learn::IntHasher>::default().build_hasher();
        for list in [self.elided, self.endings] {
            for word in list {
                h.write(word.as_bytes());
                h.write_u8(0xff);
            }
            h.write_u8(0xfe);
        }
        h.write_u64(MIN_STEM as u64);
        h.finish()
    }

    /// [`unelide`].
    pub fn unelide<'a>(&self, word: &'a str) -> &'a str {
        if self.elided.is_empty() {
            return word;
        }
        if let Some((head, tail)) = word.split_once('-') {
            if !tail.is_empty()
                && self
                    .elided
                    .iter()
                    .any(|e| same_bytes(e.as_bytes(), head.as_bytes()))
            {
                return tail;
            }
        }
        word
    }

    /// [`stem`].
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        let word = self.unelide(word);
        let bytes = word.as_bytes();
        let last = match bytes.last() {
            Some(&b) if self.last_bytes[b as usize / 64] & (1 << (b % 64)) != 0 => b,
            _ => return word,
        };
        // Counted once, and only when an ending fits.
        let mut letters = None;
        for ending in self.endings {
            let e = ending.as_bytes();
            // Most endings differ from the word's in their last byte.
            if e.last() != Some(&last) {
                continue;
            }
            // Endings are ASCII: where their bytes end the word, the cut
            // before them falls between characters.
            let Some(cut) = bytes.len().checked_sub(e.len()) else {
                continue;
            };
            if same_bytes(&bytes[cut..], e) {
                let letters = *letters.get_or_insert_with(|| word.chars().count());
                if letters - e.len() >= MIN_STEM {
                    return &word[..cut];
                }
            }
        }
        word
    }
}

/// Whether the language writes compounds as one word.
pub fn compounding(code: &str) -> bool {
    COMPOUNDING.contains(&code)
}

/// The ways a compound may split, last part longest first: (first part,
/// last part), the first without a linking element where it has one (both
/// readings are given).
pub fn splits(word: &str) -> Vec<(&str, &str)> {
    let n = word.chars().count();
    if n < 2 * MIN_PART {
        return Vec::new();
    }
    // Room for each cut and one reading without a link (the seed's
    // compounds' lists were otherwise grown two or three times each).
    let mut out = Vec::with_capacity(2 * (n + 1 - 2 * MIN_PART));
    let cuts = word.char_indices().map(|(i, _)| i);
    for cut in cuts.skip(MIN_PART).take(n + 1 - 2 * MIN_PART) {
        let (first, last) = word.split_at(cut);
        if last.starts_with('-') || first.ends_with('-') {
            continue;
        }
        out.push((first, last));
        for link in LINKS {
            if let Some(f) = first.strip_suffix(link) {
                if f.chars().count() >= MIN_PART {
                    out.push((f, last));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(stem("gipfeln", "deu"), "gipfel");
        // Singular and plural meet at one stem.
        assert_eq!(stem("cordes", "fra"), "cord");
        assert_eq!(stem("corde", "fra"), "cord");
        assert_eq!(stem("l-altitude", "fra"), stem("altitudes", "fra"));
        assert_eq!(stem("hegyekben", "hun"), "hegy");
        assert_eq!(stem("gibt", "deu"), "gibt");
        // A stem keeps four letters: `-en` would leave three.
        assert_eq!(stem("alten", "deu"), "alte");
        assert_eq!(stem("ohne", "deu"), "ohne");
        assert_eq!(stem("houses", "eng"), "hous");
        assert_eq!(stem("houses", "xxx"), "houses");
        assert_eq!(unelide("l-eau", "fra"), "eau");
        assert_eq!(unelide("blow-off", "eng"), "blow-off");
    }

    #[test]
    fn endings_are_ascii() {
        // `stem` cuts an ending by its bytes.
        for (_, endings) in ENDINGS.iter().chain(ELIDED) {
            assert!(endings.iter().all(|e| e.is_ascii()), "{endings:?}");
        }
    }

    #[test]
    fn stems_as_plain_suffix_stripping_gives_them() {
        // The definition, written with the standard library's string
        // operations: the byte-wise comparisons must agree with it.
        fn plain<'a>(word: &'a str, code: &str) -> &'a str {
            let word = match word.split_once('-') {
                Some((head, tail)) if !tail.is_empty() && table(ELIDED, code).contains(&head) => {
                    tail
                }
                _ => word,
            };
            let letters = word.chars().count();
            for ending in table(ENDINGS, code) {
                if let Some(s) = word.strip_suffix(ending) {
                    if letters - ending.chars().count() >= MIN_STEM {
                        return s;
                    }
                }
            }
            word
        }
        let words = [
            "",
            "s",
            "es",
            "häuser",
            "hauses",
            "gipfeln",
            "l-altitude",
            "l-",
            "qu-il",
            "jusqu-ici",
            "dell-anno",
            "hegyekben",
            "városban",
            "kertjeben",
            "houses",
            "running",
            "ies",
            "fées",
            "über",
            "größeren",
            "x-ray",
            "blow-off",
            "nations",
            "ciudades",
            "città",
            "libri",
        ];
        for (code, _) in ENDINGS.iter().chain(ELIDED) {
            for code in [*code, "xxx"] {
                for w in words {
                    assert_eq!(stem(w, code), plain(w, code), "{w} {code}");
                    assert_eq!(unelide(w, code), plain_unelide(w, code), "{w} {code}");
                }
            }
        }
        fn plain_unelide<'a>(word: &'a str, code: &str) -> &'a str {
            match word.split_once('-') {
                Some((head, tail)) if !tail.is_empty() && table(ELIDED, code).contains(&head) => {
                    tail
                }
                _ => word,
            }
        }
    }

    #[test]
    fn compound_splits() {
        let s = splits("hohenzahl");
        assert!(s.contains(&("hohen", "zahl")));
        assert!(s.contains(&("hohe", "zahl")));
        assert!(
            !s.iter()
                .any(|(f, l)| f.len() < MIN_PART || l.len() < MIN_PART)
        );
        assert!(splits("haus").is_empty());
        assert!(compounding("deu") && !compounding("fra"));
    }
}
