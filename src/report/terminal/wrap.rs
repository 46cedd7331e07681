//! Width-aware wrapping of text with highlighted stretches.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A stretch of text, highlighted or not.
pub(super) type Piece = (String, bool);

/// Display width of a string in a terminal (Unicode East Asian Width and
/// emoji presentation): 0 for combining marks and zero-width characters, 2
/// for wide characters and emoji, else 1.
pub(super) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Makes input text safe to print: control characters (which could move
/// the cursor or change colours) and bidirectional overrides (which could
/// reorder what a reader sees) become U+FFFD; runs of whitespace become one
/// space.
pub(super) fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        let bad = c.is_control() || matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069);
        out.push(if bad { '\u{FFFD}' } else { c });
    }
    out
}

/// Splits pieces into tokens: words and single spaces, keeping highlight.
fn tokens(pieces: &[Piece]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (text, hi) in pieces {
        let mut word = String::new();
        for c in text.chars() {
            if c == ' ' {
                if !word.is_empty() {
                    out.push((std::mem::take(&mut word), *hi));
                }
                out.push((" ".into(), *hi));
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            out.push((word, *hi));
        }
    }
    out
}

/// Wraps pieces into lines of at most `max` columns (at least 1). Words
/// longer than a line are broken; spaces at line breaks are dropped.
pub(super) fn wrap(pieces: &[Piece], max: usize) -> Vec<Vec<Piece>> {
    let max = max.max(1);
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut used = 0;
    let push = |line: &mut Vec<Piece>, s: &str, hi: bool| match line.last_mut() {
        Some((t, h)) if *h == hi => t.push_str(s),
        _ => line.push((s.to_string(), hi)),
    };
    // A word is glued to the word before it when no space separates them
    // (a highlight boundary inside a word); it then moves with that word.
    let toks = tokens(pieces);
    let mut i = 0;
    while i < toks.len() {
        let (tok, hi) = &toks[i];
        if tok == " " {
            if used > 0 && used < max {
                push(lines.last_mut().expect("never empty"), " ", *hi);
                used += 1;
            }
            i += 1;
            continue;
        }
        let w = width(tok);
        if used > 0 && used + w > max {
            // Trailing space left on the line is invisible but would count
            // against the width; drop it.
            let line = lines.last_mut().expect("never empty");
            if let Some((t, _)) = line.last_mut() {
                if t.ends_with(' ') {
                    t.pop();
                }
                if t.is_empty() {
                    line.pop();
                }
            }
            lines.push(Vec::new());
            used = 0;
        }
        if w <= max - used {
            push(lines.last_mut().expect("never empty"), tok, *hi);
            used += w;
        } else {
            // Broken between user-perceived characters, so a combining
            // mark stays with its base and an emoji sequence stays whole.
            for g in tok.graphemes(true) {
                let gw = width(g);
                if used + gw > max && used > 0 {
                    lines.push(Vec::new());
                    used = 0;
                }
                push(lines.last_mut().expect("never empty"), g, *hi);
                used += gw;
            }
        }
        i += 1;
    }
    lines
}

/// The width of one wrapped line.
pub(super) fn line_width(line: &[Piece]) -> usize {
    line.iter().map(|(t, _)| width(t)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Vec<Piece>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_within_the_width() {
        let lines = wrap(&[("one two three four".into(), false)], 9);
        assert_eq!(plain(&lines), ["one two", "three", "four"]);
        for l in &lines {
            assert!(line_width(l) <= 9);
        }
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        let lines = wrap(&[("abcdefghij".into(), false)], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn keeps_highlights_across_lines() {
        let lines = wrap(
            &[
                ("aa ".into(), false),
                ("bb cc".into(), true),
                (" dd".into(), false),
            ],
            5,
        );
        assert_eq!(plain(&lines), ["aa bb", "cc dd"]);
        assert_eq!(lines[0][1], ("bb".to_string(), true));
        assert_eq!(lines[1][0], ("cc".to_string(), true));
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("日本"), 4);
        let lines = wrap(&[("日本語テキスト".into(), false)], 6);
        assert!(lines.iter().all(|l| line_width(l) <= 6));
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn combining_marks_take_no_column() {
        // Thai, Devanagari, Hebrew and symbol marks, beyond U+0300..U+036F.
        for (text, w) in [
            ("e\u{301}", 1),
            ("\u{E01}\u{E31}\u{E49}", 1),
            ("\u{915}\u{94D}", 1),
            ("\u{5E9}\u{5BC}\u{5C1}", 1),
            ("x\u{20D7}", 1),
            ("a\u{200D}b", 2),
        ] {
            assert_eq!(width(text), w, "{text:?}");
        }
    }

    #[test]
    fn emoji_count_twice() {
        // Transport and map symbols, and the newer symbols block.
        for text in ["\u{1F680}", "\u{1F6B2}", "\u{1FAE0}", "\u{1F44D}"] {
            assert_eq!(width(text), 2, "{text:?}");
        }
    }

    #[test]
    fn long_words_break_between_user_perceived_characters() {
        let word = "e\u{301}".repeat(5);
        let lines = wrap(&[(word, false)], 2);
        assert_eq!(
            plain(&lines),
            ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"]
        );
        let lines = wrap(&[("\u{1F680}\u{1F680}\u{1F680}".into(), false)], 5);
        assert_eq!(plain(&lines), ["\u{1F680}\u{1F680}", "\u{1F680}"]);
        assert!(lines.iter().all(|l| line_width(l) <= 5));
    }

    #[test]
    fn sanitize_removes_escapes_and_overrides() {
        assert_eq!(
            sanitize("a\x1b[31mb\u{202E}c\n\nd"),
            "a\u{FFFD}[31mb\u{FFFD}c d"
        );
    }
}
