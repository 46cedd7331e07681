//! Quotation extraction across conventions: „…“ “…” "…" ‚…‘ «…» »…« ‹…›
//! '…', nested, across sentences and paragraphs (a quote left open at a
//! paragraph's end continues in the next paragraph).

use std::ops::Range;

use crate::document::Document;

/// One top-level quotation of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text per paragraph: (paragraph index, byte range of the
    /// text between the marks).
    pub parts: Vec<(usize, Range<usize>)>,
    /// The quoted text, parts joined with a space.
    pub text: String,
}

impl Quote {
    /// Whether byte `offset` of paragraph `paragraph` lies inside.
    pub fn contains(&self, paragraph: usize, offset: usize) -> bool {
        self.parts
            .iter()
            .any(|(p, r)| *p == paragraph && r.start <= offset && offset < r.end)
    }
}

struct Open {
    closers: &'static [char],
    mark: char,
    start: (usize, usize),
}

/// Paragraphs a quote may stay open before its mark is taken as stray.
const MAX_PARAGRAPHS: usize = 4;

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c))
}

/// Every top-level quotation of `doc`, in reading order.
pub fn quotes(doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let text = &para.text;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        if let Some(bottom) = stack.first() {
            if p - bottom.start.0 > MAX_PARAGRAPHS {
                stack.clear();
            }
        }
        for (n, &(at, c)) in chars.iter().enumerate() {
            let prev = n.checked_sub(1).map(|m| chars[m].1);
            let next = chars.get(n + 1).map(|x| x.1);
            let top_closes = stack.last().is_some_and(|o| o.closers.contains(&c));
            // A paragraph that reopens the quote still open from the last
            // paragraph continues it (English multi-paragraph quotes).
            if n == 0
                && !stack.is_empty()
                && stack.len() == 1
                && stack[0].mark == c
                && stack[0].start.0 < p
            {
                continue;
            }
            let opener: Option<&'static [char]> = match c {
                '„' => Some(&['“', '”']),
                '‚' if !is_space(next) => Some(&['‘', '’']),
                '“' if !top_closes => Some(&['”']),
                '«' if !top_closes => Some(&['»']),
                '»' if !top_closes => Some(&['«']),
                '‹' if !top_closes => Some(&['›']),
                '›' if !top_closes => Some(&['‹']),
                '‘' if !top_closes && is_space(prev) => Some(&['’']),
                '"' if !top_closes && is_space(prev) && !is_space(next) => Some(&['"']),
                '\'' if !top_closes && is_space(prev) && next.is_some_and(char::is_alphabetic) => {
                    Some(&['\''])
                }
                '”' if stack.is_empty() && is_space(prev) && !is_space(next) => Some(&['”']),
                _ => None,
            };
            if top_closes {
                // An apostrophe inside a word does not close a quote.
                if matches!(c, '’' | '\'') && next.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let open = stack.pop().expect("checked above");
                if stack.is_empty() {
                    out.push(finish(doc, open.start, (p, at)));
                }
                continue;
            }
            if let Some(closers) = opener {
                stack.push(Open {
                    closers,
                    mark: c,
                    start: (p, at + c.len_utf8()),
                });
            }
        }
    }
    out
}

fn finish(doc: &Document, start: (usize, usize), end: (usize, usize)) -> Quote {
    let mut parts = Vec::new();
    for p in start.0..=end.0 {
        let text = &doc.paragraphs[p].text;
        let from = if p == start.0 { start.1 } else { 0 };
        let to = if p == end.0 { end.1 } else { text.len() };
        // Skip a reopening mark at the start of a continued paragraph.
        let from = if p != start.0 {
            text[from..to]
                .char_indices()
                .find(|(_, c)| !"\"“„«»‘‚'".contains(*c))
                .map_or(to, |(i, _)| from + i)
        } else {
            from
        };
        if from < to {
            parts.push((p, from..to));
        }
    }
    let text = parts
        .iter()
        .map(|(p, r)| doc.paragraphs[*p].text[r.clone()].trim())
        .collect::<Vec<_>>()
        .join(" ");
    Quote { parts, text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;

    fn texts(input: &str) -> Vec<String> {
        let doc = Document::from_text(
            std::path::Path::new("q.txt"),
            input.to_string(),
            InputFormat::Text,
        );
        quotes(&doc).into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn reads_each_convention() {
        assert_eq!(
            texts("Er sagte: „Wir kommen.“ Dann ging er."),
            ["Wir kommen."]
        );
        assert_eq!(
            texts("He said “we will come,” and left."),
            ["we will come,"]
        );
        assert_eq!(
            texts("He said \"we will come\" and left."),
            ["we will come"]
        );
        assert_eq!(
            texts("Il a dit « nous viendrons » hier."),
            ["nous viendrons"]
        );
        assert_eq!(texts("Er sagte »wir kommen« und ging."), ["wir kommen"]);
        assert_eq!(texts("She called it 'a fair deal' today."), ["a fair deal"]);
    }

    #[test]
    fn keeps_apostrophes_and_nesting_inside() {
        assert_eq!(
            texts("He said: “Russia’s plan is ‘not acceptable’ now.” Then."),
            ["Russia’s plan is ‘not acceptable’ now."]
        );
        assert_eq!(texts("It isn't 'over' yet."), ["over"]);
    }

    #[test]
    fn continues_across_paragraphs() {
        let found = texts("\"First part of it.\n\n\"Second part,\" she said.");
        assert_eq!(found, ["First part of it. Second part,"]);
    }
}
