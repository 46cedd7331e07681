//! Names: capitalised words that are not merely sentence-initial, folded
//! so that spellings of one name across languages compare equal (case,
//! diacritics, common transliterations: Kiew/Kyiv, Wladimir/Vladimir).

use std::ops::Range;

use crate::language::Language;

/// One name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// Its folded form, for comparison.
    pub folded: String,
}

/// Languages that capitalise every noun, so a capital letter says little.
pub fn capitalises_nouns(language: Language) -> bool {
    crate::language::properties(language).capitalises_nouns
}

/// Folds a word for comparison across languages: lower case, no
/// diacritics, common transliteration variants merged, doubled letters
/// collapsed, a possessive `'s` dropped.
pub fn fold(word: &str) -> String {
    let lower = word.to_lowercase();
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower)
        .to_string();
    let plain: String = crate::text::fold(&lower)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    // Umlauts written as ae/oe/ue fold to the plain vowel, as do the
    // transliteration variants below, so both spellings meet.
    // Each replacement in turn, as `str::replace` would, but only where
    // the pattern occurs: most words have none, and folding every word of
    // a document is a hot path.
    let mut plain = plain;
    for (from, to) in [
        ("ae", "a"),
        ("oe", "o"),
        ("ue", "u"),
        ("tsch", "ch"),
        ("sch", "sh"),
        ("ph", "f"),
        ("ie", "i"),
        ("kh", "h"),
    ] {
        if plain.contains(from) {
            plain = plain.replace(from, to);
        }
    }
    let mapped: String = plain
        .chars()
        .map(|c| match c {
            'w' => 'v',
            'y' | 'j' => 'i',
            'c' | 'q' => 'k',
            'z' => 's',
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two folded words can be the same name (inflected, translated as
/// a cognate or transliterated differently).
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let short_len = short.chars().count();
    if short_len < 3 {
        return false;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if prefix >= 3 && short_len >= 4 && prefix * 5 >= short_len * 3 {
        return true;
    }
    if short_len >= 5 && long.contains(short) {
        return true;
    }
    short_len >= 4 && strsim::jaro_winkler(a, b) >= 0.9
}

/// Whether the name `folded` occurs in `text` in any spelling.
pub fn name_in(folded: &str, text: &str) -> bool {
    FoldedWords::new(text).contains(folded)
}

/// A text's words (and the parts of hyphenated words), folded once, for
/// asking about many names: folding is the costly part of the comparison.
#[derive(Debug, Clone, Default)]
pub struct FoldedWords(Vec<String>);

impl FoldedWords {
    /// Folds the words of `text`.
    pub fn new(text: &str) -> FoldedWords {
        let mut out = Vec::new();
        for (_, w) in crate::text::words(text) {
            out.push(fold(w));
            if w.contains(['-', '\u{2011}']) {
                out.extend(w.split(['-', '\u{2011}']).map(fold));
            }
        }
        out.sort_unstable();
        out.dedup();
        FoldedWords(out)
    }

    /// Whether the name `folded` occurs among the words in any spelling.
    pub fn contains(&self, folded: &str) -> bool {
        self.contains_exactly(folded) || self.0.iter().any(|w| same_name(folded, w))
    }

    /// Whether the name `folded` occurs among the words as it is spelled
    /// (a binary search: the words are sorted).
    pub fn contains_exactly(&self, folded: &str) -> bool {
        self.0.binary_search_by(|w| w.as_str().cmp(folded)).is_ok()
    }
}

/// Capitalised words of `text` that are not sentence-initial (nor first
/// after an opening quotation mark or a colon), plus acronyms anywhere.
pub fn names(text: &str, _language: Language) -> Vec<Name> {
    let mut out = Vec::new();
    let mut previous_end = 0;
    for (i, (range, word)) in crate::text::words(text).into_iter().enumerate() {
        let gap = &text[previous_end..range.start];
        previous_end = range.end;
        let first = word.chars().next().unwrap_or(' ');
        let acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if !first.is_uppercase() && !acronym {
            continue;
        }
        let initial = i == 0
            || gap.contains([
                '.', '!', '?', ':', '„', '“', '"', '«', '»', '‚', '‘', '(', '—',
            ]) && !acronym;
        if initial && !acronym {
            continue;
        }
        if word.chars().count() < 2 {
            continue;
        }
        out.push(Name {
            range: range.clone(),
            text: word.to_string(),
            folded: fold(word),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_transliterations_together() {
        assert!(same_name(&fold("Kiew"), &fold("Kyiv")));
        assert!(same_name(&fold("Wladimir"), &fold("Vladimir")));
        assert!(same_name(&fold("Russland"), &fold("Russia")));
        assert!(same_name(&fold("Moskau"), &fold("Moscow")));
        assert!(same_name(&fold("Kottasová"), &fold("Kottasova")));
        assert!(!same_name(&fold("Putin"), &fold("Trump")));
        assert!(!same_name(&fold("Berlin"), &fold("Paris")));
    }

    #[test]
    fn skips_sentence_initial_words() {
        let ns: Vec<String> = names(
            "The call with Putin came. Then \"Xi said\" so.",
            Language::EN,
        )
        .into_iter()
        .map(|n| n.text)
        .collect();
        assert_eq!(ns, ["Putin"]);
    }
}
