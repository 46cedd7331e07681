//! Anchors: the parts of a sentence that survive translation unchanged in
//! meaning and are cheap to compare without a dictionary — numbers (read
//! per locale), names (folded for case, diacritics and transliteration) and
//! negation cues.
//!
//! Findings use them to tell a faithful segment from one that lost or
//! changed a fact.

pub mod cues;
pub mod names;
pub mod numbers;
pub mod persons;
pub mod spelled;

pub use cues::{is_ad_marker, is_boilerplate_opener, negated_clauses, negations};
pub use names::{FoldedWords, Name, fold, name_in, names, same_name};
pub use numbers::{Number, numbers, same_number};

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
    words(text)
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
    let mut out = Vec::new();
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
}
