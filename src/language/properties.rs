//! What the checks need to know about how a language writes: its decimal
//! mark, whether it capitalises nouns, which letters after digits make an
//! ordinal or a decade. Read from `language/data/<code>.txt` (`key =
//! value` lines); a language without a file, and any key a file leaves
//! out, takes the value in `language/default.txt`.

use std::sync::OnceLock;

use super::Language;
use crate::data::{self, format::Property};

/// How one language writes numbers and nouns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    /// The decimal mark: `.` (3.5) or `,` (3,5).
    pub decimal_mark: char,
    /// Whether every noun is capitalised (German), so a capital letter
    /// says little about a name.
    pub capitalises_nouns: bool,
    /// Letters after digits that make an ordinal (`th`, `e`, `º`), lower
    /// case.
    pub ordinal_suffixes: Vec<&'static str>,
    /// Endings after a round number that make it a decade (`s`, `er`);
    /// one that starts with an apostrophe (`'s`) is matched right after
    /// the digits.
    pub decade_suffixes: Vec<&'static str>,
    /// Frequent short words that mark a text as written in the language
    /// (articles, pronouns, prepositions, auxiliaries), lower case and
    /// sorted; empty where the file lists none.
    pub function_words: Vec<&'static str>,
    /// The characters of the digits 0 to 9 in ideographic numerals
    /// (`二〇二三`, `三十五`): ten entries, each every character that
    /// writes its digit, or none where the language writes no such
    /// numerals.
    pub numeral_digits: Vec<&'static str>,
    /// The signs that multiply by 10, 100 and 1000 in such numerals.
    pub numeral_tens: Vec<&'static str>,
    /// Signs after a number that count tenths of a whole (`割`).
    pub tenths: Vec<&'static str>,
    /// Eras that count years, each with the year before its first
    /// (`令和`, 2018).
    pub eras: Vec<(&'static str, u32)>,
    /// Words written like a Roman numeral that are words of the language
    /// (English `I`), as written.
    pub roman_lookalikes: Vec<&'static str>,
    /// Characters of the language per character of the same text in
    /// English ([`crate::text::length`]), in thousandths; `None` where it
    /// was not measured. Read through [`Properties::length_vs_english`].
    length_vs_english: Option<u32>,
    /// The same words hashed, for [`Properties::is_function_word`], which
    /// is asked about every short word of a block (a hash look-up costs a
    /// fraction of a binary search's string comparisons).
    function_word_set: FunctionWordSet,
}

/// One character of an ideographic numeral ([`Properties::numeral_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    /// A digit, 0 to 9.
    Digit(u32),
    /// A sign that multiplies by this power of ten (1 to 3).
    Tens(i32),
}

type FunctionWordSet = std::collections::HashSet<
    &'static str,
    std::hash::BuildHasherDefault<crate::anchors::WordHasher>,
>;

impl Properties {
    /// Whether `suffix`, the letters right after some digits, makes them
    /// an ordinal.
    pub fn is_ordinal_suffix(&self, suffix: &str) -> bool {
        let lower = suffix.to_lowercase();
        self.ordinal_suffixes.iter().any(|s| *s == lower)
    }

    /// Whether the text after a round number makes it a decade: `suffix`
    /// is the letters right after the digits, `rest` all the text after
    /// them.
    pub fn is_decade_suffix(&self, suffix: &str, rest: &str) -> bool {
        let lower = suffix.to_lowercase();
        self.decade_suffixes.iter().any(|s| {
            if s.starts_with(['\'', '’']) {
                rest.starts_with(s)
            } else {
                *s == lower
            }
        })
    }

    /// The value of `c` in the language's ideographic numerals: a digit
    /// (0 to 9) or a sign of tens (10, 100, 1000); `None` for any other
    /// character.
    pub fn numeral_value(&self, c: char) -> Option<Numeral> {
        if let Some(d) = self.numeral_digits.iter().position(|e| e.contains(c)) {
            return Some(Numeral::Digit(d as u32));
        }
        let power = self.numeral_tens.iter().position(|e| e.contains(c))?;
        Some(Numeral::Tens(power as i32 + 1))
    }

    /// Characters of the language per character of the same text in
    /// English, as [`crate::text::length`] counts them; `None` where the
    /// language's file gives no measure.
    pub fn length_vs_english(&self) -> Option<f64> {
        self.length_vs_english.map(|x| f64::from(x) / 1000.0)
    }

    /// Whether `word` (lower case) is one of the language's function
    /// words.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_word_set.contains(word)
    }

    fn set(&mut self, property: Property<'static>) {
        match property {
            Property::DecimalMark(c) => self.decimal_mark = c,
            Property::CapitalisesNouns(b) => self.capitalises_nouns = b,
            Property::OrdinalSuffixes(s) => self.ordinal_suffixes = s,
            Property::DecadeSuffixes(s) => self.decade_suffixes = s,
            Property::NumeralDigits(d) => self.numeral_digits = d,
            Property::NumeralTens(t) => self.numeral_tens = t,
            Property::Tenths(t) => self.tenths = t,
            Property::Eras(e) => self.eras = e,
            Property::RomanLookalikes(w) => self.roman_lookalikes = w,
            Property::LengthVsEnglish(x) => self.length_vs_english = x,
            Property::FunctionWords(mut s) => {
                s.sort_unstable();
                s.dedup();
                self.function_word_set = s.iter().copied().collect();
                self.function_words = s;
            }
        }
    }
}

fn read((file, text): (&'static str, &'static str), base: &Properties) -> Properties {
    let mut p = base.clone();
    for property in data::valid(data::format::properties(file, text)) {
        p.set(property);
    }
    p
}

/// The properties of languages without a file of their own.
pub fn default_properties() -> &'static Properties {
    static DEFAULT: OnceLock<Properties> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        // Placeholders only: the default file sets every key (a test
        // checks it).
        let blank = Properties {
            decimal_mark: '.',
            capitalises_nouns: false,
            ordinal_suffixes: Vec::new(),
            decade_suffixes: Vec::new(),
            function_words: Vec::new(),
            numeral_digits: Vec::new(),
            numeral_tens: Vec::new(),
            tenths: Vec::new(),
            eras: Vec::new(),
            roman_lookalikes: Vec::new(),
            length_vs_english: None,
            function_word_set: FunctionWordSet::default(),
        };
        read(data::DEFAULT_PROPERTIES, &blank)
    })
}

/// The properties of `language`: its file's settings over the defaults.
///
/// Each language's file is read the first time it is asked for: a check
/// of two languages reads two files, not all of them.
pub fn properties(language: Language) -> &'static Properties {
    static READ: OnceLock<Vec<OnceLock<Properties>>> = OnceLock::new();
    let cells = READ.get_or_init(|| data::PROPERTIES.iter().map(|_| OnceLock::new()).collect());
    let code = language.code();
    match data::PROPERTIES.iter().position(|(c, _, _)| *c == code) {
        Some(i) => cells[i].get_or_init(|| {
            let (_, file, text) = data::PROPERTIES[i];
            read((file, text), default_properties())
        }),
        None => default_properties(),
    }
}

/// Characters of translation per character of original expected of a
/// pair written in `languages` (original, translation), as
/// [`crate::text::length`] counts them: the quotient of their lengths
/// against English, where both languages' files give one.
pub fn expected_length_ratio(languages: [Option<Language>; 2]) -> Option<f64> {
    let length = |l: Option<Language>| l.and_then(|l| properties(l).length_vs_english());
    Some(length(languages[1])? / length(languages[0])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_sets_every_key() {
        let (file, text) = data::DEFAULT_PROPERTIES;
        let set = data::valid(data::format::properties(file, text));
        assert_eq!(set.len(), data::format::PROPERTY_KEYS.len(), "{file}");
    }

    #[test]
    fn every_properties_file_is_loaded() {
        for (code, file, text) in data::PROPERTIES {
            let language = Language::from_code(code).expect("a language code");
            let p = properties(language);
            // What the file sets is what the lookup returns.
            for property in data::valid(data::format::properties(file, text)) {
                let mut expected = p.clone();
                expected.set(property);
                assert_eq!(&expected, p, "{file}");
            }
        }
    }

    #[test]
    fn languages_differ_where_their_files_say() {
        let lang = |c| Language::from_code(c).expect("a language code");
        assert_eq!(properties(Language::EN).decimal_mark, '.');
        assert_eq!(properties(Language::DE).decimal_mark, ',');
        assert!(properties(Language::DE).capitalises_nouns);
        assert!(!properties(Language::FR).capitalises_nouns);
        // No file: the defaults.
        assert_eq!(properties(lang("fi")), default_properties());
        assert!(properties(Language::EN).is_ordinal_suffix("TH"));
        assert!(!properties(Language::EN).is_ordinal_suffix("ème"));
        assert!(properties(Language::EN).is_decade_suffix("", "'s were wild"));
        assert!(!properties(Language::EN).is_decade_suffix("sth", "sth"));
        assert!(properties(Language::DE).is_decade_suffix("er", "er-Jahre"));
    }

    #[test]
    fn function_words_are_looked_up_in_the_languages_list() {
        let lang = |c| Language::from_code(c).expect("a language code");
        assert!(properties(Language::DE).is_function_word("und"));
        // Left out of the German list as a common English word.
        assert!(!properties(Language::DE).is_function_word("was"));
        assert!(properties(Language::EN).is_function_word("the"));
        assert!(!properties(Language::EN).is_function_word("und"));
        // Lists are sorted when read, whatever the file's order.
        for (code, _, _) in data::PROPERTIES {
            let words = &properties(lang(code)).function_words;
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{code}");
        }
        assert!(default_properties().function_words.is_empty());
    }

    #[test]
    fn a_pairs_expected_ratio_is_the_quotient_of_its_lengths() {
        let lang = |c| Language::from_code(c).expect("a language code");
        let en = properties(Language::EN).length_vs_english();
        let de = properties(Language::DE).length_vs_english();
        assert_eq!(en, Some(1.0));
        let (Some(en), Some(de)) = (en, de) else {
            panic!("English and German have lengths");
        };
        let there = expected_length_ratio([Some(Language::EN), Some(Language::DE)]);
        let back = expected_length_ratio([Some(Language::DE), Some(Language::EN)]);
        assert_eq!(there, Some(de / en));
        assert_eq!(back, Some(en / de));
        // A language without a measure, or none at all: no expectation.
        assert_eq!(default_properties().length_vs_english(), None);
        assert_eq!(
            expected_length_ratio([Some(Language::EN), Some(lang("fi"))]),
            None
        );
        assert_eq!(expected_length_ratio([None, Some(Language::DE)]), None);
    }

    #[test]
    fn a_length_against_english_is_a_plausible_number_or_nothing() {
        use crate::data::format::{Property, properties as parse};
        let one = |text: &'static str| parse("t.txt", text).map(|mut v| v.pop());
        assert_eq!(
            one("length-vs-english = 1.5\n").ok(),
            Some(Some(Property::LengthVsEnglish(Some(1500))))
        );
        assert_eq!(
            one("length-vs-english =\n").ok(),
            Some(Some(Property::LengthVsEnglish(None)))
        );
        assert!(one("length-vs-english = 9\n").is_err());
        assert!(one("length-vs-english = long\n").is_err());
    }
}
