//! Tokens that can be compared across languages.
//!
//! A sentence becomes a list of [`Token`]s: folded words (lower case,
//! diacritics removed) and punctuation that tends to survive translation (`? ! : ( ) " %`). URLs and e-mail addresses are kept
//! whole. Everything else (commas, full stops, dashes) is dropped: it says
//! little about whether two sentences are translations. Numbers are skipped
//! here: the aligner takes them from the one number reader,
//! [`crate::anchors::digit_numbers`], which knows locales and scale words.

use crate::text::{ascii_digit, fold_char};

/// One comparable unit of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A word, folded.
    Word(String),
    /// A punctuation mark that tends to survive translation.
    Mark(char),
    /// A URL or an e-mail address, lower-cased.
    Link(String),
}

/// Canonical quotation mark: all quote styles agree with each other.
fn mark(c: char) -> Option<char> {
    match c {
        '?' | '¿' | '？' => Some('?'),
        '!' | '¡' | '！' => Some('!'),
        ':' | '：' => Some(':'),
        '(' | '[' | '（' => Some('('),
        ')' | ']' | '）' => Some(')'),
        '%' => Some('%'),
        '"' | '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '「' | '」' => {
            Some('"')
        }
        _ => None,
    }
}

/// Whether a character may sit inside a number between digits.
fn number_joiner(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '’'
    )
}

/// A token as [`each_token`] hands it out: borrowed from a scratch buffer,
/// so that tokenising a whole book allocates nothing per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRef<'a> {
    /// A word, folded.
    Word(&'a str),
    /// A punctuation mark that tends to survive translation.
    Mark(char),
    /// A URL or an e-mail address, lower-cased.
    Link(&'a str),
}

impl TokenRef<'_> {
    fn to_owned(self) -> Token {
        match self {
            TokenRef::Word(w) => Token::Word(w.to_string()),
            TokenRef::Mark(c) => Token::Mark(c),
            TokenRef::Link(l) => Token::Link(l.to_string()),
        }
    }
}

/// Splits a sentence into comparable tokens.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_token(text, &mut String::new(), |t| out.push(t.to_owned()));
    out
}

/// Calls `f` with each comparable token of a sentence in order; `scratch`
/// is reused for the folded text.
pub fn each_token(text: &str, scratch: &mut String, mut f: impl FnMut(TokenRef<'_>)) {
    let mapped;
    let text = if text.chars().any(|c| !c.is_ascii() && ascii_digit(c) != c) {
        mapped = text.chars().map(ascii_digit).collect::<String>();
        mapped.as_str()
    } else {
        text
    };
    // Narrow and no-break spaces group digits (`1 200`), so they do not
    // split chunks.
    let space = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}');
    for chunk in text.split(space).filter(|c| !c.is_empty()) {
        if let Some(link) = as_link(chunk) {
            f(TokenRef::Link(&link));
            continue;
        }
        chunk_tokens(chunk, scratch, &mut f);
    }
}

/// A URL or e-mail address, without trailing punctuation.
fn as_link(chunk: &str) -> Option<String> {
    // Cheap tests first, without allocating: every link has one of these
    // characters, an e-mail address an `@`, a URL `://` or `www.`.
    if !chunk.bytes().any(|b| matches!(b, b'@' | b'/' | b'.')) {
        return None;
    }
    let www = || {
        chunk
            .match_indices('.')
            .any(|(i, _)| i >= 3 && chunk.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www"))
    };
    if !(chunk.contains('@') || chunk.contains("://") || www()) {
        return None;
    }
    let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    let lower = trimmed.to_lowercase();
    let is_url =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    let is_mail = lower.contains('@')
        && lower
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'));
    (is_url || is_mail).then_some(lower)
}

/// The scripts Japanese mixes without spaces. A change of script is the
/// best word boundary there is without a dictionary: katakana runs are
/// loanwords and names (バックアップ, "backup"), kanji runs are content
/// words, hiragana runs grammar. Chinese text is one kanji run, as before;
/// a Latin word glued to Chinese or Japanese (`USB接続`) comes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CjkScript {
    /// Not Chinese or Japanese: letters of other scripts, digits.
    Other,
    Hiragana,
    Katakana,
    Han,
}

fn cjk_script(c: char) -> CjkScript {
    match c as u32 {
        0x3040..=0x309F => CjkScript::Hiragana,
        // With the prolonged sound mark ー, which katakana words end in.
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => CjkScript::Katakana,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => CjkScript::Han,
        _ => CjkScript::Other,
    }
}

fn chunk_tokens(chunk: &str, scratch: &mut String, f: &mut impl FnMut(TokenRef<'_>)) {
    // Byte offsets of each character, and the character after it.
    let mut chars = chunk.char_indices().peekable();
    let next_is = |rest: &str, test: fn(char) -> bool| rest.chars().next().is_some_and(test);
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                let after = &chunk[k + d.len_utf8()..];
                if d.is_ascii_digit()
                    || (number_joiner(d) && next_is(after, |x| x.is_ascii_digit()))
                {
                    end = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // Numbers are read by the one number reader
            // (`anchors::digit_numbers`), with their locale and scale words:
            // here they are only skipped.
            // Ordinal endings (24th, 1st, 2e, 3º) belong to the number.
            let start_chars = chunk[i..end].chars().count();
            let mut taken = start_chars;
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_alphabetic() || taken >= 8 {
                    break;
                }
                if !matches!(
                    d.to_ascii_lowercase(),
                    's' | 't' | 'n' | 'd' | 'r' | 'h' | 'e' | 'º' | 'ª'
                ) {
                    break;
                }
                taken += 1;
                chars.next();
            }
        } else if c.is_alphabetic() {
            scratch.clear();
            fold_char(c, scratch);
            let script = cjk_script(c);
            while let Some(&(k, d)) = chars.peek() {
                if cjk_script(d) != script {
                    break;
                }
                if d.is_alphanumeric() {
                    fold_char(d, scratch);
                } else if matches!(d, '-' | '\'' | '’')
                    && next_is(&chunk[k + d.len_utf8()..], char::is_alphabetic)
                {
                    scratch.push('-');
                } else {
                    break;
                }
                chars.next();
            }
            // A run of hiragana is grammar (particles, endings) between
            // the words of Japanese text.
            if script != CjkScript::Hiragana {
                f(TokenRef::Word(scratch));
            }
        } else if let Some(m) = mark(c) {
            f(TokenRef::Mark(m));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded() {
        assert_eq!(
            tokens("Zürich, Élan!"),
            vec![
                Token::Word("zurich".into()),
                Token::Word("elan".into()),
                Token::Mark('!')
            ]
        );
        assert_eq!(crate::text::fold("Straße"), "strasse");
    }

    #[test]
    fn quotes_and_links() {
        let t = tokens("«Oui» see https://example.org/x. or a@b.ch");
        assert!(t.contains(&Token::Mark('"')));
        assert!(t.contains(&Token::Link("https://example.org/x".into())));
        assert!(t.contains(&Token::Link("a@b.ch".into())));
        let t = tokens("See WWW.Example.org. Or x.y/z.");
        assert!(t.contains(&Token::Link("www.example.org".into())));
        assert!(
            !t.iter()
                .any(|t| matches!(t, Token::Link(l) if l.contains('z')))
        );
    }

    #[test]
    fn japanese_splits_at_changes_of_script() {
        let words = |t: &str| -> Vec<String> {
            tokens(t)
                .into_iter()
                .filter_map(|t| match t {
                    Token::Word(w) => Some(w),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            words("バックアップをUSB接続のディスクに保存します。"),
            ["バックアップ", "usb", "接続", "ディスク", "保存"]
        );
        // Chinese is one run of ideographs between punctuation, as before.
        assert_eq!(words("长江江豚数量增加"), ["长江江豚数量增加"]);
    }
}
