//! Roman numerals written as words ("camp III", "Lager IV", "Gasherbrum
//! II"): the counterpart of a number the other text writes in digits.
//! They are never facts of their own, since a word of capitals (an
//! acronym, an initial) may look like one; they only keep a number of the
//! other side from looking lost.

use crate::language::{Language, properties};

/// The numerals' letters and values, largest first, with the subtractive
/// pairs, as the canonical writing uses them.
const LETTERS: &[(&str, u32)] = &[
    ("M", 1000),
    ("CM", 900),
    ("D", 500),
    ("CD", 400),
    ("C", 100),
    ("XC", 90),
    ("L", 50),
    ("XL", 40),
    ("X", 10),
    ("IX", 9),
    ("V", 5),
    ("IV", 4),
    ("I", 1),
];

/// The largest number Roman numerals write without a bar.
const LARGEST: u32 = 3999;

/// Single letters read as a numeral: I, V and X stand after a noun as
/// numbers ("camp I", "Henri V"); a lone L, C, D or M is more often a
/// letter, a unit or an abbreviation ("M. Dupont", "C programming").
const SINGLE_LETTERS: &[&str] = &["I", "V", "X"];

/// The canonical Roman numeral of `n` (1 to [`LARGEST`]).
fn write(mut n: u32) -> String {
    let mut out = String::new();
    for (letters, value) in LETTERS {
        while n >= *value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// The value of `word` when it is an upper-case Roman numeral written the
/// canonical way (`IV`, not `IIII`), else `None`.
pub fn value(word: &str) -> Option<u32> {
    if word.is_empty() || !word.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    let mut rest = word;
    let mut total = 0;
    for (letters, value) in LETTERS {
        while let Some(r) = rest.strip_prefix(letters) {
            total += value;
            rest = r;
        }
    }
    (rest.is_empty() && (1..=LARGEST).contains(&total) && write(total) == word).then_some(total)
}

/// The values of the Roman numerals of `text` in `language`: words that
/// are a numeral, past the text's first word (a capital there may be any
/// word), neither one of the language's look-alikes (English `I`), nor a
/// single letter other than I, V and X, nor a letter with a full stop
/// after it (an initial: "V. Smith").
pub fn numerals(text: &str, language: Language) -> Vec<u32> {
    let lookalikes = &properties(language).roman_lookalikes;
    crate::text::words(text)
        .into_iter()
        .skip(1)
        .filter(|(range, word)| {
            let single = word.chars().count() == 1;
            !lookalikes.contains(word)
                && (!single || SINGLE_LETTERS.contains(word) && !text[range.end..].starts_with('.'))
        })
        .filter_map(|(_, word)| value(word))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_canonical_numerals_only() {
        assert_eq!(value("III"), Some(3));
        assert_eq!(value("IV"), Some(4));
        assert_eq!(value("XIV"), Some(14));
        assert_eq!(value("MCMLVII"), Some(1957));
        assert_eq!(value("IIII"), None);
        assert_eq!(value("VX"), None);
        assert_eq!(value("iii"), None);
        assert_eq!(value("CIVIL"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn every_number_writes_and_reads_back() {
        for n in 1..=LARGEST {
            assert_eq!(value(&write(n)), Some(n));
        }
    }

    #[test]
    fn numerals_after_a_word_count() {
        assert_eq!(
            numerals(
                "Le camp III fut placé plus haut que le camp II.",
                Language::FR
            ),
            [3, 2]
        );
        assert_eq!(
            numerals("Fin juin le camp I était prêt.", Language::FR),
            [1]
        );
    }

    #[test]
    fn lookalikes_initials_and_first_words_do_not() {
        assert!(numerals("Then I saw the camp.", Language::EN).is_empty());
        assert!(numerals("Il écrit avec V. Martin et C. Roux.", Language::FR).is_empty());
        assert!(numerals("VI camps furent installés.", Language::FR).is_empty());
        assert!(numerals("Le code C est court.", Language::FR).is_empty());
    }
}
