//! Candidate sentence ends and the rules that decide them.
//!
//! A candidate is a run of terminal punctuation (`.`, `?`, `…`, `。`, …)
//! with the closing quotation marks and brackets after it. [`judge`]
//! decides whether a new sentence starts after it, looking at the word
//! before (abbreviation, initial, ordinal) and the text after (lower case,
//! a comma, a typical sentence start).

use super::resources::{Resources, compact};

/// A possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Break {
    /// Start of the terminal punctuation.
    pub term_start: usize,
    /// End of the terminal punctuation.
    pub term_end: usize,
    /// End of the closing marks after it (the sentence's end).
    pub close_end: usize,
    /// Start of the next sentence (first character after the white space).
    pub next: usize,
}

/// Ends a sentence.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '。'
            | '｡'
            | '！'
            | '？'
            | '．'
    )
}

/// Full-width terminators: a boundary even without a following space.
fn is_wide_terminator(c: char) -> bool {
    matches!(c, '。' | '｡' | '！' | '？')
}

/// Closing marks that belong to the sentence they follow.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '“'
            | '’'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
    )
}

/// Marks that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '„'
            | '‚'
            | '‘'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    ) || is_dash(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '―')
}

/// Punctuation after which a sentence goes on: `„Wirklich?“, fragte sie`.
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '%' | ')' | ']' | '}' | '、' | '，' | '；' | '：'
    )
}

/// The first character at or after `i` that is not white space.
fn skip_space(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(j, _)| i + j)
}

/// All candidate sentence ends in `text`, in order, in one pass.
pub(crate) fn breaks(text: &str) -> Vec<Break> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if !is_terminator(d) {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        let close_end = closers_end(text, end);
        let next = skip_space(text, close_end);
        if next < text.len() {
            out.push(Break {
                term_start: start,
                term_end: end,
                close_end,
                next,
            });
        }
    }
    out
}

/// End of the closing marks at `i`: quotation marks and brackets right
/// after the terminator, and a French `»` after a (narrow) space.
fn closers_end(text: &str, mut i: usize) -> usize {
    loop {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            return i;
        };
        if is_closer(c) {
            i += c.len_utf8();
            continue;
        }
        if c.is_whitespace() {
            let j = skip_space(text, i);
            let mut after = text[j..].chars();
            if let Some(q @ ('»' | '›')) = after.next() {
                // Closing only when nothing is glued to its right: `. » Il`
                // closes, `. »Dann` opens a quotation in German.
                if after.next().is_none_or(|d| !d.is_alphanumeric()) {
                    i = j + q.len_utf8();
                    continue;
                }
            }
        }
        return i;
    }
}

/// The white-space-delimited token that ends at `end`, at most `limit`
/// bytes long, and where it starts.
fn token_before(text: &str, end: usize, limit: usize) -> Option<(usize, &str)> {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if end - i > limit {
            return None;
        }
        start = i;
    }
    (start < end).then(|| (start, &text[start..end]))
}

/// The token that starts at `start`, at most `limit` bytes long.
fn token_after(text: &str, start: usize, limit: usize) -> Option<&str> {
    let rest = &text[start..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (end > 0 && end <= limit).then(|| &rest[..end])
}

/// The leading word of `text` after opening marks, and what follows it.
fn first_word(text: &str) -> (&str, Option<char>, bool) {
    let skipped = text.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let opened = skipped.len() < text.len();
    let end = skipped
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(skipped.len());
    (&skipped[..end], skipped[end..].chars().next(), opened)
}

/// Whether `text` looks like the start of a new sentence after an
/// ambiguous full stop: a typical sentence-initial word, or a quotation
/// or question mark opening.
fn starts_sentence(text: &str, res: Option<&Resources>) -> bool {
    let (word, after, opened) = first_word(text);
    if opened && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    // `J. A. Smith`: a letter followed by a full stop is an initial.
    if word.is_empty() || after == Some('.') {
        return false;
    }
    res.is_some_and(|r| r.starters.contains(word))
}

/// How the text before a full stop reads.
enum Before {
    /// A word that never ends a sentence.
    Inner,
    /// An abbreviation, initial or acronym that may end one.
    Ambiguous,
    /// A number in a language that writes ordinals with a full stop,
    /// after a word that announces one (`im 19.`).
    Ordinal,
    /// A number elsewhere.
    Number,
    /// An ordinary word.
    Word,
}

/// Longest token looked at; longer ones are ordinary words.
const TOKEN_LIMIT: usize = 64;

fn classify_before(text: &str, b: &Break, res: Option<&Resources>) -> Before {
    let Some((tok_start, token)) = token_before(text, b.term_end, TOKEN_LIMIT) else {
        return Before::Word;
    };
    let token = token.trim_start_matches(is_opener);
    let stem = &token[..token.len().saturating_sub(1)];
    if let Some(r) = res {
        // Up to two tokens before and after: `z. B.`, `i. d. R.`, `EE. UU.`.
        let mut back = vec![token.to_string()];
        let mut at = tok_start;
        for _ in 0..2 {
            let prev_end = text[..at].trim_end().len();
            match token_before(text, prev_end, TOKEN_LIMIT) {
                Some((s, t)) if prev_end < at && t.ends_with('.') => {
                    back.push(format!(
                        "{}{}",
                        t.trim_start_matches(is_opener),
                        back[back.len() - 1]
                    ));
                    at = s;
                }
                _ => break,
            }
        }
        let mut forward = vec![String::new()];
        let mut at = b.next;
        for _ in 0..2 {
            match token_after(text, at, TOKEN_LIMIT) {
                Some(t) if t.trim_end_matches([',', ';', ':']).ends_with('.') => {
                    let word = t.trim_end_matches([',', ';', ':']);
                    forward.push(format!("{}{}", forward[forward.len() - 1], word));
                    at = skip_space(text, at + t.len());
                }
                _ => break,
            }
        }
        if r.has_inner_suffix(token) {
            return Before::Inner;
        }
        for (k, ahead) in forward.iter().enumerate() {
            for behind in &back {
                let word = compact(&format!("{behind}{ahead}"));
                if k > 0 && r.is_abbreviation(&word) {
                    // The full stop is inside a longer abbreviation.
                    return Before::Inner;
                }
                if k == 0 && r.is_inner(&word) {
                    return Before::Inner;
                }
                if k == 0 && r.is_final(&word) {
                    return Before::Ambiguous;
                }
            }
        }
    }
    let letters = stem.chars().count();
    if letters == 1 && stem.chars().all(char::is_alphabetic) {
        return Before::Ambiguous;
    }
    // Dotted acronyms: `U.S.`, `a.m.`, `J.R.R.`.
    if stem.contains('.')
        && stem
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
    {
        return Before::Ambiguous;
    }
    if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit()) {
        if let Some(r) = res.filter(|r| !r.ordinal_words.is_empty()) {
            let prev_end = text[..tok_start].trim_end().len();
            if let Some((_, prev)) = token_before(text, prev_end, TOKEN_LIMIT) {
                // Ordinals have up to three digits; `seit 2015.` is a year.
                if prev_end < tok_start
                    && stem.len() <= 3
                    && r.ordinal_words.contains(&prev.to_lowercase())
                {
                    return Before::Ordinal;
                }
            }
            let (next_word, _, _) = first_word(&text[b.next..]);
            if r.is_month(next_word) {
                return Before::Ordinal;
            }
        }
        return Before::Number;
    }
    Before::Word
}

/// Whether a new sentence starts after `b`.
pub(crate) fn judge(text: &str, b: &Break, res: Option<&Resources>) -> bool {
    let term = &text[b.term_start..b.term_end];
    let right = &text[b.next..];
    let Some(first) = right.chars().next() else {
        return false;
    };
    let continues = first.is_lowercase()
        || is_continuation(first)
        || (is_dash(first)
            && right
                .trim_start_matches(|c: char| is_dash(c) || c.is_whitespace())
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || is_continuation(c)));
    if term.chars().any(is_wide_terminator) {
        return !continues;
    }
    if b.next == b.close_end || continues {
        return false;
    }
    if term.contains(['?', '!', '？', '！', '‼', '⁇', '⁈', '⁉', '؟']) {
        return true;
    }
    if term.contains('…') || term.chars().count() > 1 {
        // `[…]` marks a cut inside a quotation, not an end.
        let inside_brackets = text[..b.term_start].ends_with(['[', '(']);
        return !inside_brackets;
    }
    match classify_before(text, b, res) {
        Before::Inner | Before::Ordinal => false,
        Before::Ambiguous => !first.is_numeric() && starts_sentence(right, res),
        Before::Number | Before::Word => true,
    }
}
