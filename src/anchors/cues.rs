//! Word lists kept in data files: negation cues, advertisement markers and
//! boilerplate openers.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{self, format};
use crate::language::Language;

/// Cue patterns of one language: the cues, and the fixed phrases
/// (`!word` in the file) that start like a cue but do not negate.
struct CueList {
    cues: Vec<String>,
    not_cues: Vec<String>,
}

/// Cue patterns per language code.
fn negation_table() -> &'static HashMap<String, CueList> {
    static TABLE: OnceLock<HashMap<String, CueList>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (file, text) = data::NEGATION;
        data::valid(format::negation(file, text))
            .into_iter()
            .map(|(lang, cues)| {
                let (not_cues, cues): (Vec<&str>, Vec<&str>) =
                    cues.into_iter().partition(|c| c.starts_with('!'));
                (
                    lang.to_string(),
                    CueList {
                        cues: cues.into_iter().map(str::to_string).collect(),
                        not_cues: not_cues.into_iter().map(|c| c[1..].to_string()).collect(),
                    },
                )
            })
            .collect()
    })
}

/// Whether `word` (lower case, apostrophes straight) matches `cue`. A cue
/// with an apostrophe also matches the word written with a curly one,
/// which a straightened word never is, so that case needs no test.
fn matches_cue(word: &str, cue: &str) -> bool {
    if let Some(stem) = cue.strip_suffix('*') {
        word.starts_with(stem)
    } else if let Some(end) = cue.strip_prefix('*') {
        word.ends_with(end)
    } else if cue.ends_with('\'') {
        word.starts_with(cue)
    } else {
        word == cue
    }
}

/// How many negation cues `text` holds, or `None` when the language has no
/// cue list (then negation cannot be compared).
pub fn negations(text: &str, language: Language) -> Option<usize> {
    negation_table().get(language.code())?;
    negations_in(&crate::text::words(text), language)
}

/// [`negations`] of a text's words (`crate::text::words`).
pub fn negations_in(words: &[(std::ops::Range<usize>, &str)], language: Language) -> Option<usize> {
    let list = negation_table().get(language.code())?;
    let count = words
        .iter()
        .filter(|(_, w)| {
            // Copied only when it changes: most words are plain lower case.
            let w: std::borrow::Cow<str> =
                if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Borrowed(w)
                } else {
                    std::borrow::Cow::Owned(w.to_lowercase().replace('’', "'"))
                };
            list.cues.iter().any(|c| matches_cue(&w, c))
                && !list.not_cues.iter().any(|c| matches_cue(&w, c))
        })
        .count();
    Some(count)
}

/// How many clauses of `text` are negated, or `None` when the language has
/// no cue list. Languages with negative concord write one negation with
/// several cues (Polish "nikt nie", Spanish "no … nada") where English
/// writes one: counting negated clauses rather than cues makes the counts
/// of a quote and its translation comparable. Clauses end at punctuation.
pub fn negated_clauses(text: &str, language: Language) -> Option<usize> {
    negation_table().get(language.code())?;
    let count = text
        .split([',', ';', ':', '.', '!', '?', '–', '—', '(', ')'])
        .filter(|clause| negations(clause, language).unwrap_or(0) > 0)
        .count();
    Some(count)
}

fn marker_list(key: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<String>> = HashMap::new();
        let (file, text) = data::MARKERS;
        for (k, words) in data::valid(format::markers(file, text)) {
            // A marker of several words is written with `_` between its
            // words; each entry is matched whole (a word of one, such as
            // "la" in "lire la suite", marks no line on its own).
            let entry = table.entry(k.to_string()).or_default();
            entry.extend(words.iter().map(|w| w.replace('_', " ")));
        }
        table
    });
    table.get(key).map(Vec::as_slice).unwrap_or(&[])
}

fn normalised(line: &str) -> String {
    line.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a short line is an advertisement marker ("Anzeige",
/// "Advertisement", "Kurze Werbeeinblendung").
pub fn is_ad_marker(line: &str) -> bool {
    // Markers are at most four words: a longer line is none, without
    // copying it (lower case changes no character's being a space).
    let words = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .take(5)
        .count();
    if words == 0 || words > 4 {
        return false;
    }
    let n = normalised(line);
    if n.is_empty() || n.split(' ').count() > 4 {
        return false;
    }
    let list = marker_list("ad");
    list.contains(&n)
        || (n.split(' ').count() <= 3
            && list.iter().any(|m| n.ends_with(m.as_str()) && m.len() >= 7))
}

/// Whether a line opens like site boilerplate ("Source: …", "Quelle …",
/// "Besuchen Sie uns auf: …", "Details").
pub fn is_boilerplate_opener(line: &str) -> bool {
    let list = marker_list("boilerplate");
    let start = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    // An ASCII line needs only its first bytes in lower case: as many as
    // the longest marker and the character after it.
    let longest = list.iter().map(String::len).max().unwrap_or(0) + 1;
    // Elsewhere, without a capital sigma (whose lower case depends on what
    // follows), lower case goes char by char and each char gives at least
    // one: the first `longest` chars give every byte compared.
    let lower = if start.is_ascii() && start.len() > longest {
        start[..longest].to_ascii_lowercase()
    } else if !start.is_ascii() && !start.contains('Σ') {
        start
            .chars()
            .take(longest)
            .flat_map(char::to_lowercase)
            .collect()
    } else {
        start.to_lowercase()
    };
    list.iter().any(|m| {
        lower.starts_with(m.as_str())
            && lower[m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || m.ends_with(':') || c.is_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_negations_per_language() {
        assert_eq!(
            negations("It cannot be moved, and it isn't new.", Language::EN),
            Some(2)
        );
        assert_eq!(
            negations("Das ist keine Frage und nicht neu.", Language::DE),
            Some(2)
        );
        assert_eq!(negations("Il ne viendra jamais.", Language::FR), Some(1));
        assert_eq!(negations("We will win.", Language::EN), Some(0));
        assert_eq!(
            negated_clauses(
                "Nikt nam nie wyjaśnił, gdzie łowić.",
                Language::from_code("pl").unwrap()
            ),
            Some(1)
        );
        assert_eq!(
            negated_clauses(
                "Je n'arrache pas mes vignes, mais je ne peux plus.",
                Language::FR
            ),
            Some(2)
        );
        assert_eq!(
            negated_clauses("Nobody has explained it.", Language::EN),
            Some(1)
        );
        // "n'importe" (any) starts like the cue n' but does not negate.
        assert_eq!(
            negations("N’importe quel abonnement n'est pas valable.", Language::FR),
            Some(1)
        );
    }

    #[test]
    fn recognises_markers_and_boilerplate() {
        assert!(is_ad_marker("Kurze Werbeeinblendung"));
        assert!(is_ad_marker("ADVERTISEMENT"));
        assert!(!is_ad_marker("Anzeichen einer Krise in Europa"));
        assert!(is_boilerplate_opener("Source: example.org"));
        assert!(is_boilerplate_opener("Quelle: dpa"));
        assert!(is_boilerplate_opener("Besuchen Sie uns auf: example.de"));
        assert!(!is_boilerplate_opener(
            "Sources close to the minister said so."
        ));
    }

    #[test]
    fn a_word_of_a_longer_marker_marks_no_line() {
        // "lire la suite", "besuchen sie uns", "read more" are markers as a
        // whole; their words alone open ordinary titles and steps.
        assert!(is_boilerplate_opener("Lire la suite"));
        assert!(is_boilerplate_opener("Read more: example.org"));
        assert!(is_boilerplate_opener("Folgen Sie uns auf example.de"));
        assert!(!is_boilerplate_opener("La souris se réveille lentement"));
        assert!(!is_boilerplate_opener("Sie können das Fenster schließen."));
        assert!(!is_boilerplate_opener("More ways to share a screen"));
        assert!(!is_boilerplate_opener("Zur nächsten Seite wechseln"));
        assert!(is_ad_marker("Sponsored content"));
        assert!(!is_ad_marker("Hidden content"));
    }
}
