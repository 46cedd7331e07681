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
}
