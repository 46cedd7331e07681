//! Text: the leaf every stage shares. Folding for comparison across
//! languages and scripts (case, diacritics, Cyrillic and Greek in Latin
//! spelling), digits of other scripts, word tokens and counts, and the
//! aligner's length units. It imports nothing of the crate.

/// Folds a character for comparison: lower case, Latin diacritics dropped.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            'i'
        }
        'ł' | 'ľ' | 'ĺ' | 'Ł' | 'Ľ' | 'Ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => 'o',
        'ř' | 'ŕ' | 'Ř' | 'Ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'æ' | 'Æ' => {
            out.push_str("ae");
            return;
        }
        'œ' | 'Œ' => {
            out.push_str("oe");
            return;
        }
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if let Some(latin) = transliterate(l) => out.push_str(latin),
                (Some(l), rest) => {
                    out.push(l);
                    out.extend(rest);
                    out.extend(lower);
                }
                (None, _) => {}
            }
            return;
        }
    };
    out.push(base);
}

/// Latin spelling of a lower-case Cyrillic or Greek letter, as English
/// texts write names from those scripts (Линдберг = Lindberg, Онкало =
/// Onkalo, Αθήνα = Athina): names and loanwords then match across scripts.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "u",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        _ => return None,
    })
}

/// The ASCII form of a digit of another script (Arabic-Indic ٣, Persian
/// ۳, Devanagari ३, Bengali ৩, full-width ３) and of the Arabic decimal
/// and thousands marks; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    let from = |zero: u32| char::from_digit(c as u32 - zero, 10).unwrap_or(c);
    match c as u32 {
        0x0660..=0x0669 => from(0x0660),
        0x06F0..=0x06F9 => from(0x06F0),
        0x0966..=0x096F => from(0x0966),
        0x09E6..=0x09EF => from(0x09E6),
        0xFF10..=0xFF19 => from(0xFF10),
        0x066B => '.',
        0x066C => ',',
        _ => c,
    }
}

/// Folds a word: lower case, diacritics dropped.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether `c` is a Chinese or Japanese character or a Korean syllable:
/// scripts written without spaces between words.
pub fn cjk(c: char) -> bool {
    hangul(c)
        || matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether `c` is a Korean syllable (Korean, unlike Chinese and Japanese,
/// puts spaces between words).
pub fn hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF)
}

/// How many words `text` has; a run of Chinese or Japanese characters
/// counts one word per two characters, about the length of a word there.
pub fn word_count(text: &str) -> usize {
    word_count_of(&words(text))
}

/// [`word_count`] of a text's words ([`words`]).
pub fn word_count_of(words: &[(std::ops::Range<usize>, &str)]) -> usize {
    words
        .iter()
        .map(|(_, w)| {
            let ideographs = w.chars().filter(|&c| cjk(c) && !hangul(c)).count();
            if ideographs == 0 {
                1
            } else {
                ideographs.div_ceil(2).max(1)
            }
        })
        .sum()
}

/// Word tokens of `text` with their byte ranges: runs of letters, digits,
/// apostrophes and inner hyphens.
pub fn words(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    // Room for the words of most texts at once (a word and a space take
    // about six bytes), rather than growing by doubling.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<_>, s: usize, e: usize| {
        let w = text[s..e].trim_end_matches(['\'', '’', '-']);
        if !w.is_empty() {
            out.push((s..s + w.len(), w));
        }
    };
    for (i, c) in text.char_indices() {
        let inner =
            c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’' | '-' | '\u{2011}'));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(&mut out, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// Length of a sentence for the length model: non-space characters, so that
/// tokenised text (`word , word`) and untokenised text measure alike. A
/// Chinese or Japanese character counts three, a Korean syllable two: the
/// length model's variance per character is that of alphabetic scripts.
///
/// Every sentence is measured, many several times: ASCII runs are counted
/// a byte at a time (an ASCII whitespace character is one of tab, line
/// feed, vertical tab, form feed, carriage return and space), a two-byte
/// character from U+00C0 on is a letter counted by its first byte, and
/// only the other characters are decoded.
pub fn length(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut i) = (0, 0);
    loop {
        let run = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        n += bytes[i..i + run]
            .iter()
            .filter(|&&b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count();
        i += run;
        // What follows an ASCII run starts a character.
        match bytes.get(i) {
            None => return n,
            Some(0xC3..0xE0) => {
                // U+00C0 to U+07FF (accented Latin, Greek, Cyrillic,
                // Hebrew, Arabic letters): no whitespace, no Chinese,
                // Japanese or Korean among them, so one each, undecoded.
                n += 1;
                i += 2;
            }
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                n += char_length(c);
                i += c.len_utf8();
            }
        }
    }
}

/// The sum of `ascii` over the ASCII runs of `text` and of `other` over its
/// other characters: ASCII runs are taken whole, and only the other
/// characters are decoded.
pub fn weigh(text: &str, ascii: impl Fn(&[u8]) -> usize, other: impl Fn(char) -> usize) -> usize {
    let mut n = 0;
    let mut rest = text;
    loop {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        n += ascii(&rest.as_bytes()[..run]);
        // What follows an ASCII run starts a character.
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            return n;
        };
        n += other(c);
        rest = &rest[c.len_utf8()..];
    }
}

/// [`length`] of one character.
fn char_length(c: char) -> usize {
    if c.is_whitespace() {
        0
    } else if hangul(c) {
        2
    } else if cjk(c) {
        3
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_and_hyphens_inside() {
        let w: Vec<&str> = words("Russia's US-Russia talks - don't.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["Russia's", "US-Russia", "talks", "don't"]);
    }

    #[test]
    fn counts_words_with_and_without_spaces() {
        assert_eq!(word_count("The mayor opened the bridge."), 5);
        // Eight characters, about four words.
        assert_eq!(word_count("批评者则没有那么"), 4);
        assert_eq!(word_count("확인했다 바로"), 2);
    }

    /// The length as first written: every character decoded.
    fn length_by_chars(text: &str) -> usize {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if hangul(c) {
                    2
                } else if cjk(c) {
                    3
                } else {
                    1
                }
            })
            .sum()
    }

    #[test]
    fn the_ascii_runs_measure_as_characters_do() {
        let texts = [
            "",
            "a bc",
            "\t\n\u{b}\u{c}\r x\u{1c}\u{85}y\u{a0}z\u{2009}",
            "Grüße aus Köln, 3 500 €.",
            "江豚 数量 확인했다 바로 ok",
            "Линдберг — Αθήνα; naïve…",
            "\u{7f}\u{80}\u{3000}end",
        ];
        for text in texts {
            assert_eq!(length(text), length_by_chars(text), "{text:?}");
        }
        // Every ASCII character alone and beside another script.
        for b in 0u8..128 {
            let c = char::from(b);
            for text in [c.to_string(), format!("é{c}数{c}")] {
                assert_eq!(length(&text), length_by_chars(&text), "{text:?}");
            }
        }
        // Every two-byte character, which `length` counts undecoded from
        // U+00C0 on.
        for c in ('\u{80}'..='\u{7ff}').chain(['\u{800}', '\u{1680}', '\u{3000}']) {
            let text = format!("a{c}b{c}");
            assert_eq!(length(&text), length_by_chars(&text), "{c:?}");
        }
    }

    #[test]
    fn lengths_weigh_ideographs_like_words_of_letters() {
        assert_eq!(length("a bc"), 3);
        // Four Chinese characters carry about what twelve letters do.
        assert_eq!(length("江豚 数量"), 12);
        assert_eq!(length("확인"), 4);
    }

    #[test]
    fn other_scripts_are_spelled_in_latin() {
        assert_eq!(fold("Линдберг"), "lindberg");
        assert_eq!(fold("ОНКАЛО"), "onkalo");
        assert_eq!(fold("Шевченко"), "shevchenko");
        assert_eq!(fold("Київ"), "kiyiv");
        assert_eq!(fold("Αθήνα"), "athina");
        assert_eq!(fold("Σωκράτης"), "sokratis");
        // Scripts without a table stay as they are.
        assert_eq!(fold("東京"), "東京");
    }
}
