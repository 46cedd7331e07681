//! A tolerant HTML tokenizer: tags, text and things to skip, in one pass.
//!
//! Every step consumes input, and no step looks back, so the time is linear
//! whatever the markup. What a browser would discard (a tag cut off at the
//! end of the file, an unclosed comment) is skipped to the end, as there.

use std::ops::Range;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Text between tags, entities still encoded.
    Text(Range<usize>),
    /// A start tag; `name` is in lower case.
    Start {
        /// Element name.
        name: String,
        /// The whole tag.
        range: Range<usize>,
        /// Written `<name/>`.
        self_closing: bool,
    },
    /// An end tag; `name` is in lower case.
    End {
        /// Element name.
        name: String,
        /// The whole tag.
        range: Range<usize>,
    },
    /// A comment, doctype, processing instruction, CDATA section or the
    /// content of a raw-text element such as `<script>`.
    Skip,
}

/// Elements whose content is not markup: it runs to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Splits `file[range]` into tokens.
pub struct Lexer<'a> {
    file: &'a str,
    pos: usize,
    end: usize,
    /// Set after a raw-text start tag: skip to its end tag next.
    raw: Option<String>,
}

impl<'a> Lexer<'a> {
    /// A lexer over `file[range]`; offsets in tokens are into `file`.
    pub fn new(file: &'a str, range: Range<usize>) -> Lexer<'a> {
        Lexer {
            file,
            pos: range.start,
            end: range.end,
            raw: None,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        &self.file.as_bytes()[..self.end]
    }

    fn find_from(&self, from: usize, needle: &str) -> Option<usize> {
        self.file[from.min(self.end)..self.end]
            .find(needle)
            .map(|i| from + i)
    }

    /// Skips the content of a raw-text element up to `</name`.
    fn skip_raw(&mut self, name: &str) {
        let bytes = self.bytes();
        let mut from = self.pos;
        while let Some(at) = self.find_from(from, "</") {
            let after = at + 2;
            let candidate = bytes.get(after..after + name.len());
            let next = bytes.get(after + name.len()).copied();
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
                && matches!(
                    next,
                    None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                )
            {
                self.pos = at;
                return;
            }
            from = after;
        }
        self.pos = self.end;
    }

    fn name_at(&self, start: usize) -> (String, usize) {
        let bytes = self.bytes();
        let mut i = start;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b':' | b'_'))
        {
            i += 1;
        }
        (self.file[start..i].to_ascii_lowercase(), i)
    }

    /// The end of a tag that started before `from`: after the first `>`
    /// outside quoted attribute values, or the end of input.
    fn tag_end(&self, from: usize) -> (usize, bool) {
        let bytes = self.bytes();
        let mut i = from;
        let mut quote: Option<u8> = None;
        let mut prev = 0u8;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'>' => return (i + 1, prev == b'/'),
                // Quotes only open a value right after `=` (possibly with
                // spaces), so a stray apostrophe cannot swallow the page.
                None if (b == b'"' || b == b'\'') && prev == b'=' => quote = Some(b),
                None => {}
            }
            if !b.is_ascii_whitespace() {
                prev = b;
            }
            i += 1;
        }
        (bytes.len(), false)
    }

    fn skip_to(&mut self, from: usize, needle: &str) -> Token {
        self.pos = self
            .find_from(from, needle)
            .map_or(self.end, |i| i + needle.len());
        Token::Skip
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(name) = self.raw.take() {
            let start = self.pos;
            self.skip_raw(&name);
            if self.pos > start {
                return Some(Token::Skip);
            }
        }
        if self.pos >= self.end {
            return None;
        }
        let bytes = self.bytes();
        let start = self.pos;
        if bytes[start] != b'<' {
            let stop = self.find_from(start, "<").unwrap_or(self.end);
            self.pos = stop;
            return Some(Token::Text(start..stop));
        }
        let rest = &bytes[start..];
        let next = rest.get(1).copied().unwrap_or(0);
        if rest.starts_with(b"<!--") {
            return Some(self.skip_to(start + 4, "-->"));
        }
        if rest.starts_with(b"<![CDATA[") {
            return Some(self.skip_to(start + 9, "]]>"));
        }
        if next == b'!' || next == b'?' {
            return Some(self.skip_to(start + 2, ">"));
        }
        if next == b'/' {
            let after = rest.get(2).copied().unwrap_or(0);
            if after.is_ascii_alphabetic() {
                let (name, name_end) = self.name_at(start + 2);
                let (end, _) = self.tag_end(name_end);
                self.pos = end;
                return Some(Token::End {
                    name,
                    range: start..end,
                });
            }
            if after == b'>' {
                self.pos = start + 3;
                return Some(Token::Skip);
            }
            return Some(self.skip_to(start + 2, ">"));
        }
        if next.is_ascii_alphabetic() {
            let (name, name_end) = self.name_at(start + 1);
            let (end, self_closing) = self.tag_end(name_end);
            self.pos = end;
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                self.raw = Some(name.clone());
            }
            return Some(Token::Start {
                name,
                range: start..end,
                self_closing,
            });
        }
        // A `<` that starts no tag is text, as in `a < b`.
        let stop = self.find_from(start + 1, "<").unwrap_or(self.end);
        self.pos = stop;
        Some(Token::Text(start..stop))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token> {
        Lexer::new(s, 0..s.len()).collect()
    }

    #[test]
    fn tags_text_and_skips() {
        let s = "<!DOCTYPE html><!-- c --><P class=\"a>b\">x</p >";
        let t = tokens(s);
        assert_eq!(t[0], Token::Skip);
        assert_eq!(t[1], Token::Skip);
        assert!(
            matches!(&t[2], Token::Start { name, range, .. } if name == "p" && range.end == 40)
        );
        assert_eq!(t[3], Token::Text(40..41));
        assert!(matches!(&t[4], Token::End { name, .. } if name == "p"));
    }

    #[test]
    fn raw_text_runs_to_its_end_tag() {
        let s = "<script>if (a < b && c > d) { x = '</p>'; }</SCRIPT>after";
        let t = tokens(s);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1], Token::Skip);
        assert!(matches!(&t[2], Token::End { name, .. } if name == "script"));
        assert!(matches!(&t[3], Token::Text(r) if &s[r.clone()] == "after"));
    }

    #[test]
    fn stray_less_than_is_text_and_cut_off_tags_end_input() {
        let s = "a < b <3 <p title='x";
        let t = tokens(s);
        assert_eq!(t[0], Token::Text(0..2));
        assert_eq!(t[1], Token::Text(2..6));
        assert_eq!(t[2], Token::Text(6..9));
        assert!(matches!(&t[3], Token::Start { range, .. } if range.end == s.len()));
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn unclosed_comment_and_cdata_skip_to_end() {
        assert_eq!(
            tokens("x<!-- never closed <p>y"),
            vec![Token::Text(0..1), Token::Skip]
        );
        assert_eq!(
            tokens("<![CDATA[ <p> ]]>z"),
            vec![Token::Skip, Token::Text(17..18)]
        );
    }
}
