//! Width-aware wrapping of text with highlighted stretches.

/// A stretch of text, highlighted or not.
pub(super) type Piece = (String, bool);

/// Display width of one character in a terminal: 0 for combining marks and
/// zero-width characters, 2 for East Asian wide ones, else 1.
pub(super) fn char_width(c: char) -> usize {
    let u = c as u32;
    match u {
        0x0300..=0x036F | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Display width of a string.
pub(super) fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
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
            for c in tok.chars() {
                let cw = char_width(c);
                if used + cw > max && used > 0 {
                    lines.push(Vec::new());
                    used = 0;
                }
                push(lines.last_mut().expect("never empty"), &c.to_string(), *hi);
                used += cw;
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
    fn sanitize_removes_escapes_and_overrides() {
        assert_eq!(
            sanitize("a\x1b[31mb\u{202E}c\n\nd"),
            "a\u{FFFD}[31mb\u{FFFD}c d"
        );
    }
}
