//! Word lists kept in data files: negation cues, advertisement markers and
//! boilerplate openers.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::data::{self, format};
use crate::language::Language;

/// Cue patterns of one language: the cues, and the fixed phrases
/// (`!word` in the file) that start like a cue but do not negate. Cues
/// written `*cue*` are inside-word cues, for scripts without spaces
/// (Japanese writes a negation as an ending: 行かない, 行きません),
/// kept apart since each occurrence inside a word counts.
struct CueList {
    cues: Vec<String>,
    not_cues: Vec<String>,
    inside: Vec<String>,
    not_inside: Vec<String>,
    /// Inside-word cues of a condition (`?*cue*`: 見送らないと "unless I
    /// let pass"), which a later negation in the clause turns into a
    /// double negation; also among `inside`.
    conditional: Vec<String>,
}

/// The text of an inside-word cue (`*cue*`), or `None` for another cue.
fn inside_cue(cue: &str) -> Option<&str> {
    cue.strip_prefix('*')?
        .strip_suffix('*')
        .filter(|c| !c.is_empty())
}

/// Cue patterns per language code.
fn negation_table() -> &'static HashMap<String, CueList> {
    static TABLE: OnceLock<HashMap<String, CueList>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (file, text) = data::NEGATION;
        data::valid(format::negation(file, text))
            .into_iter()
            .map(|(lang, cues)| {
                let mut list = CueList {
                    cues: Vec::new(),
                    not_cues: Vec::new(),
                    inside: Vec::new(),
                    not_inside: Vec::new(),
                    conditional: Vec::new(),
                };
                for cue in cues {
                    let cue = match cue.strip_prefix('?').and_then(inside_cue) {
                        Some(c) => {
                            list.conditional.push(c.to_string());
                            &cue[1..]
                        }
                        None => cue,
                    };
                    let (negates, cue) = match cue.strip_prefix('!') {
                        Some(c) => (false, c),
                        None => (true, cue),
                    };
                    let (into, text) = match (inside_cue(cue), negates) {
                        (Some(c), true) => (&mut list.inside, c),
                        (Some(c), false) => (&mut list.not_inside, c),
                        (None, true) => (&mut list.cues, cue),
                        (None, false) => (&mut list.not_cues, cue),
                    };
                    into.push(text.to_string());
                }
                (lang.to_string(), list)
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

/// Byte ranges of `word` where `patterns` occur (overlapping occurrences
/// included), in no particular order.
fn occurrences(word: &str, patterns: &[String]) -> Vec<std::ops::Range<usize>> {
    patterns
        .iter()
        .flat_map(|p| {
            word.match_indices(p.as_str())
                .map(|(at, m)| at..at + m.len())
        })
        .collect()
}

/// The negations inside a word of a script without spaces: each run of
/// overlapping inside-word cue occurrences is one negation (せずに holds
/// せず and ずに), unless it overlaps a phrase that does not negate
/// (少ない "few" holds ない). Byte ranges within `word`, in order.
fn inside_negations(word: &str, list: &CueList) -> Vec<std::ops::Range<usize>> {
    if list.inside.is_empty() {
        return Vec::new();
    }
    let not = occurrences(word, &list.not_inside);
    let mut found: Vec<std::ops::Range<usize>> = occurrences(word, &list.inside)
        .into_iter()
        .filter(|r| !not.iter().any(|n| n.start < r.end && r.start < n.end))
        .collect();
    found.sort_unstable_by_key(|r| (r.start, r.end));
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for r in found {
        match runs.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => runs.push(r),
        }
    }
    runs
}

/// Byte ranges of the negation cues in `text`, in order, or `None` when
/// the language has no cue list: a whole word for a word cue, the cue's
/// letters for an inside-word cue.
pub fn negation_ranges(text: &str, language: Language) -> Option<Vec<std::ops::Range<usize>>> {
    let list = negation_table().get(language.code())?;
    let mut out = Vec::new();
    for (range, w) in crate::text::words(text) {
        // Copied only when it changes: most words are plain lower case.
        let w: std::borrow::Cow<str> = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase())
        {
            std::borrow::Cow::Borrowed(w)
        } else {
            std::borrow::Cow::Owned(w.to_lowercase().replace('’', "'"))
        };
        if list.cues.iter().any(|c| matches_cue(&w, c))
            && !list.not_cues.iter().any(|c| matches_cue(&w, c))
        {
            out.push(range);
        } else if !list.inside.is_empty() {
            // Inside-word cues are looked for in the word as written
            // (scripts without spaces have no case), so that every range
            // falls on the text's own characters.
            out.extend(
                inside_negations(&text[range.clone()], list)
                    .into_iter()
                    .map(|r| range.start + r.start..range.start + r.end),
            );
        }
    }
    Some(out)
}

/// How many negation cues `text` holds, or `None` when the language has no
/// cue list (then negation cannot be compared).
pub fn negations(text: &str, language: Language) -> Option<usize> {
    negation_ranges(text, language).map(|r| r.len())
}

/// Whether the language's negation cues are read inside words
/// (`*cue*` in the data file), as in a script without spaces.
pub fn negation_inside_words(language: Language) -> bool {
    negation_table()
        .get(language.code())
        .is_some_and(|list| !list.inside.is_empty())
}

/// Whether a clause of `text` holds a double negation: a negative
/// condition followed by another negation (見送らないと乗れない "I can
/// only get on if I let them pass", or "I cannot get on unless…"). A
/// translation may tell it with two negations, with one or with none, so
/// its negations are not compared. False for a language without
/// conditional cues.
pub fn double_negation(text: &str, language: Language) -> bool {
    let Some(list) = negation_table().get(language.code()) else {
        return false;
    };
    if list.conditional.is_empty() {
        return false;
    }
    text.split(ends_clause).any(|clause| {
        // A condition inside a phrase that does not negate is none: the
        // "must" of なければならない and ないといけない starts like one.
        let not = occurrences(clause, &list.not_inside);
        let conditions = occurrences(clause, &list.conditional);
        let Some(first_end) = conditions
            .iter()
            .filter(|r| !not.iter().any(|n| n.start < r.end && r.start < n.end))
            .map(|r| r.end)
            .min()
        else {
            return false;
        };
        negation_ranges(clause, language)
            .unwrap_or_default()
            .iter()
            .any(|r| r.start >= first_end)
    })
}

/// Whether `c` ends a clause, for [`negated_clauses`]: the punctuation of
/// alphabetic scripts and the full-width marks of Chinese and Japanese.
/// A `matches!`, not a slice of characters: every character of every
/// quote is asked, and a slice is searched one by one.
pub fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '–'
            | '—'
            | '('
            | ')'
            | '、'
            | '。'
            | '，'
            | '；'
            | '：'
            | '！'
            | '？'
            | '（'
            | '）'
    )
}

/// How many clauses of `text` are negated, or `None` when the language has
/// no cue list. Languages with negative concord write one negation with
/// several cues (Polish "nikt nie", Spanish "no … nada") where English
/// writes one: counting negated clauses rather than cues makes the counts
/// of a quote and its translation comparable. Clauses end at punctuation.
pub fn negated_clauses(text: &str, language: Language) -> Option<usize> {
    negation_table().get(language.code())?;
    let count = text
        .split(ends_clause)
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
    fn counts_japanese_negation_endings_inside_words() {
        let ja = Language::from_code("ja").unwrap();
        // One negation per ending, however the run of letters goes on.
        assert_eq!(negations("今日は行かないと言った", ja), Some(1));
        assert_eq!(negations("雨は降りませんでした", ja), Some(1));
        assert_eq!(
            negations("駅はなかったが、店は開いていなかった", ja),
            Some(2)
        );
        assert_eq!(
            negated_clauses("駅はなかったが、店は開いていなかった。", ja),
            Some(2)
        );
        assert_eq!(negations("駅に行く", ja), Some(0));
        // せずに holds two cues that overlap: one negation.
        assert_eq!(negations("何も言わずに、確認せずに送った", ja), Some(2));
        // Words that hold ない without negating.
        assert_eq!(negations("客は少ない", ja), Some(0));
        assert_eq!(negations("明日は雨かもしれない", ja), Some(0));
        assert_eq!(negations("毎日練習しなければならない", ja), Some(0));
        assert_eq!(negations("これしかない", ja), Some(0));
        // A cue beside a phrase that does not negate still counts.
        assert_eq!(negations("少ないが、足りなくはない", ja), Some(2));
    }

    #[test]
    fn a_negative_condition_before_a_negation_is_a_double_negation() {
        let ja = Language::from_code("ja").unwrap();
        assert!(double_negation("三本見送らないと乗れない", ja));
        assert!(double_negation(
            "切符がなければ、乗れない。早く来なければ乗れない",
            ja
        ));
        // A condition alone, or one whose clause ends before the negation.
        assert!(!double_negation("今取り替えなければ、止まる", ja));
        assert!(!double_negation("急がないと、乗れない", ja));
        // A "must" starts like a condition: one negation, not two.
        assert!(!double_negation(
            "毎日練習しなければならないので休めない",
            ja
        ));
        assert!(!double_negation("行かないといけないので寝ない", ja));
        assert!(!double_negation(
            "I cannot get on unless I wait.",
            Language::EN
        ));
    }

    #[test]
    fn negation_ranges_mark_the_cue_letters() {
        let ja = Language::from_code("ja").unwrap();
        let text = "今日は行かない";
        let ranges = negation_ranges(text, ja).unwrap();
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "ない");
        let text = "It is not done.";
        let ranges = negation_ranges(text, Language::EN).unwrap();
        assert_eq!(ranges, vec![6..9]);
        assert_eq!(
            negation_ranges(text, Language::from_code("zh").unwrap()),
            None
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
