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

/// Whether `c` is a quotation mark that may open or close a quote: every
/// opener and closer of [`quotes`].
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '‚'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '\''
    )
}

/// Every top-level quotation of `doc`, in reading order.
pub fn quotes(doc: &Document) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let text = &para.text;
        // A quote still open continues only into a paragraph that opens
        // with a quotation mark; otherwise its mark was stray.
        let reopens = text
            .trim_start()
            .starts_with(['"', '“', '„', '«', '»', '‘', '\'', '‚']);
        if stack
            .first()
            .is_some_and(|b| p - b.start.0 > MAX_PARAGRAPHS || !reopens)
        {
            stack.clear();
        }
        // Only quotation marks open or close a quote (every character
        // matched below is one): other characters are passed over.
        for (at, c) in text.char_indices().filter(|&(_, c)| is_mark(c)) {
            let prev = text[..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            let top_closes = stack.last().is_some_and(|o| o.closers.contains(&c));
            // A paragraph that reopens the quote still open from the last
            // paragraph continues it (English multi-paragraph quotes).
            if at == 0
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
                '「' if !top_closes => Some(&['」']),
                '『' if !top_closes => Some(&['』']),
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
            // Russian and Ukrainian put the speaker inside the marks:
            // «…, — сказала она. — …». The words between the dashes are
            // not quoted.
            let mut at = from;
            for cut in attributions(&text[from..to]) {
                let (a, b) = (from + cut.start, from + cut.end);
                if at < a {
                    parts.push((p, at..a));
                }
                at = b;
            }
            if at < to {
                parts.push((p, at..to));
            }
        }
    }
    let text = parts
        .iter()
        .map(|(p, r)| doc.paragraphs[*p].text[r.clone()].trim())
        .collect::<Vec<_>>()
        .join(" ");
    Quote { parts, text }
}

/// Most words an attribution between dashes inside a quote may have.
const ATTRIBUTION_WORDS: usize = 12;

/// Byte ranges of speaker attributions set off by dashes inside quoted
/// text: from a dash after a comma or a full stop to the dash that resumes
/// the quote, both with spaces around.
fn attributions(text: &str) -> Vec<Range<usize>> {
    // Dashes with white space on both sides, as (byte start, byte end).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let dashes: Vec<(usize, usize)> = chars
        .windows(3)
        .filter(|w| w[0].1.is_whitespace() && matches!(w[1].1, '—' | '–') && w[2].1.is_whitespace())
        .map(|w| (w[1].0, w[2].0))
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < dashes.len() {
        let ((a, a_end), (b, b_end)) = (dashes[k], dashes[k + 1]);
        let before = text[..a].trim_end();
        let between = text[a_end..b].trim();
        let after = &text[b_end..];
        let opens = before.ends_with([',', '.', '!', '?', '…']);
        let closes = between.ends_with([',', '.', ':']);
        let short = between.split_whitespace().count() <= ATTRIBUTION_WORDS;
        if opens && closes && short && !between.is_empty() && !after.trim().is_empty() {
            let resume = b_end + (after.len() - after.trim_start().len());
            out.push(before.len()..resume);
            k += 2;
        } else {
            k += 1;
        }
    }
    out
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
    fn leaves_out_an_attribution_between_dashes() {
        let found =
            texts("«Партнёры заинтересованы, — сказала Анна Петрова. — Но им нужен график».");
        assert_eq!(found, ["Партнёры заинтересованы, Но им нужен график"]);
        // A dash inside the quote that sets off no speaker stays.
        let found = texts("«Это решение — ошибка, и мы это докажем», — сказал он.");
        assert_eq!(found, ["Это решение — ошибка, и мы это докажем"]);
    }

    #[test]
    fn continues_across_paragraphs() {
        let found = texts("\"First part of it.\n\n\"Second part,\" she said.");
        assert_eq!(found, ["First part of it. Second part,"]);
    }
}
