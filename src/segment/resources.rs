//! Per-language word lists for the splitter, kept in data files
//! (`src/segment/data/*.txt`, format in `data/README.md`) so that adding an
//! abbreviation never means touching code.

use std::collections::HashSet;
use std::sync::{LazyLock, OnceLock};

use crate::data::{self, format};
use crate::language::Language;

/// The word lists of one language.
#[derive(Debug, Default)]
pub(crate) struct Resources {
    /// Abbreviations that never end a sentence, white space removed.
    pub inner: HashSet<String>,
    /// Abbreviations that may end a sentence, white space removed.
    pub finals: HashSet<String>,
    /// Abbreviations that end a phrase (`a.m.`, `usw.`): a capital after
    /// them starts a new sentence.
    pub phrase_final: HashSet<String>,
    /// Endings of words that never end a sentence (`Goethestr.`).
    pub inner_suffixes: Vec<String>,
    /// Words that typically begin a sentence.
    pub starters: HashSet<String>,
    /// Month names, lower case.
    pub months: HashSet<String>,
    /// Month names as written in the file, and capitalised when written
    /// in lower case, each with its month (1 to 12).
    pub month_numbers: Vec<(String, u8)>,
    /// Words that may stand between a day or a year and a month name.
    pub month_joiners: HashSet<String>,
    /// Words after which `NUMBER.` is an ordinal; empty for languages that
    /// do not write ordinals with a full stop.
    pub ordinal_words: HashSet<String>,
    /// Longest abbreviation in any class, in bytes, so lookups
    /// can skip longer tokens.
    pub longest: usize,
}

/// The data files (`data/<code>.txt`, found by `build.rs`), each read the
/// first time its language is asked for.
static PARSED: LazyLock<Vec<(&'static str, OnceLock<Resources>)>> = LazyLock::new(|| {
    data::SEGMENT
        .iter()
        .map(|&(code, _, _)| (code, OnceLock::new()))
        .collect()
});

/// The resources of file `i` of `data::SEGMENT`.
fn parsed(i: usize) -> &'static Resources {
    PARSED[i].1.get_or_init(|| {
        let (_, file, text) = data::SEGMENT[i];
        Resources::parse(file, text)
    })
}

/// The resources of `language`, or `None` when it has none (then only the
/// generic rules apply).
pub(crate) fn for_language(language: Language) -> Option<&'static Resources> {
    let i = PARSED
        .iter()
        .position(|(code, _)| *code == language.code())?;
    Some(parsed(i))
}

/// All parsed files, for tests.
#[cfg(test)]
pub(crate) fn all() -> impl Iterator<Item = (&'static str, &'static Resources)> {
    PARSED.iter().enumerate().map(|(i, (c, _))| (*c, parsed(i)))
}

/// `text` with all white space removed.
pub(crate) fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_lowercase() {
        return None;
    }
    Some(first.to_uppercase().chain(chars).collect())
}

impl Resources {
    fn parse(file: &str, text: &str) -> Resources {
        let mut r = Resources::default();
        let entries = data::valid(format::sections(file, text, format::SEGMENT_SECTIONS));
        for (section, line) in entries {
            let set = match section {
                "inner" => &mut r.inner,
                "final" => &mut r.finals,
                "phrase-final" => &mut r.phrase_final,
                "starters" => &mut r.starters,
                "months" => {
                    // One month per line, in calendar order.
                    let month = r.month_numbers.last().map_or(1, |m| m.1 + 1);
                    for form in line.split_whitespace() {
                        r.months.insert(form.to_lowercase());
                        r.month_numbers.push((form.to_string(), month));
                        // A lower-case name is capitalised at the start
                        // of a sentence.
                        if let Some(cap) = capitalised(form) {
                            r.month_numbers.push((cap, month));
                        }
                    }
                    continue;
                }
                "month-joiners" => {
                    r.month_joiners.insert(line.to_string());
                    continue;
                }
                "inner-suffixes" => {
                    r.inner_suffixes.push(line.to_string());
                    continue;
                }
                "ordinal-words" => {
                    r.ordinal_words.insert(line.to_lowercase());
                    continue;
                }
                // The parser knows only the sections above.
                _ => unreachable!("section [{section}] checked by format::sections"),
            };
            let entry = compact(line);
            if section != "starters" {
                r.longest = r.longest.max(entry.len());
                // Capitalised at the start of a sentence: `Vgl. S. 4`.
                if let Some(cap) = capitalised(&entry) {
                    set.insert(cap);
                }
            }
            set.insert(entry);
        }
        r
    }

    /// Whether `word` (white space removed) never ends a sentence.
    pub fn is_inner(&self, word: &str) -> bool {
        word.len() <= self.longest && self.inner.contains(word)
    }

    /// Whether `word` (white space removed) is an abbreviation that may end
    /// a sentence.
    pub fn is_final(&self, word: &str) -> bool {
        word.len() <= self.longest && self.finals.contains(word)
    }

    /// Whether `word` (white space removed) is an abbreviation that ends a
    /// phrase.
    pub fn is_phrase_final(&self, word: &str) -> bool {
        word.len() <= self.longest && self.phrase_final.contains(word)
    }

    /// Whether `word` is any known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.is_inner(word) || self.is_final(word) || self.is_phrase_final(word)
    }

    /// Whether `token` ends with a suffix that never ends a sentence and
    /// is longer than it (`Goethestr.`, not `str.` alone).
    pub fn has_inner_suffix(&self, token: &str) -> bool {
        self.inner_suffixes
            .iter()
            .any(|s| token.len() > s.len() && token.ends_with(s.as_str()))
    }

    /// Whether `word` is a month name.
    pub fn is_month(&self, word: &str) -> bool {
        !self.months.is_empty() && self.months.contains(&word.to_lowercase())
    }

    /// The month (1 to 12) `word` names, written as the file writes it
    /// or, for a lower-case entry, capitalised: `May` is a month, `may`
    /// is not.
    pub fn month_number(&self, word: &str) -> Option<u8> {
        self.month_numbers
            .iter()
            .find(|(form, _)| form == word)
            .map(|&(_, m)| m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_with_known_sections_and_entries() {
        assert_eq!(all().count(), data::SEGMENT.len(), "a file not loaded");
        for (code, r) in all() {
            assert!(!r.inner.is_empty(), "{code}: no inner abbreviations");
            assert!(!r.starters.is_empty(), "{code}: no starters");
            assert_eq!(
                r.months.len(),
                12 + usize::from(code == "de" || code == "es")
            );
            assert_eq!(r.month_numbers.last().map(|m| m.1), Some(12), "{code}");
        }
    }

    #[test]
    fn spaced_abbreviations_match_compact_and_capitalised() {
        let de = for_language(Language::DE).unwrap();
        assert!(de.is_inner("z.B."));
        assert!(de.is_inner("Vgl."));
        assert!(de.is_phrase_final("usw."));
        assert!(for_language(Language::EN).unwrap().is_final("U.S."));
        assert!(!de.is_abbreviation("Haus."));
        assert!(for_language(Language::from_code("fi").unwrap()).is_none());
    }
}
