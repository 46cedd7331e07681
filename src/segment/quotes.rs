//! Quotations that stay whole.
//!
//! A quotation embedded in a sentence (`Er sagte: „Wir prüfen das. Eine
//! Antwort folgt“, und ging.`) is one sentence with its frame, however many
//! full stops it holds; a quotation that stands alone between sentence
//! ends is split like any other text. Quotation marks are paired in one pass
//! with a stack, and a pair further apart than [`MAX_QUOTE`] is not a pair,
//! so thousands of unbalanced marks cost linear time and cannot swallow a
//! whole paragraph.

use super::rules::{Break, is_closer, is_terminator};

/// Longest quotation, in bytes, that is kept whole.
const MAX_QUOTE: usize = 1000;

/// Which way a quotation mark faces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

/// Quotation marks, not apostrophes: `’` and `'` are mostly apostrophes.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』'
    )
}

/// Space-like on the left of an opening mark.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'))
}

/// Space-like on the right of a closing mark.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}')
    })
}

/// Which way the mark `c` faces between `prev` and `next`: by what is glued
/// to it, and by its usual role when that does not tell (French spaced
/// `« … »`, German `„…“` and `»…«`, English `“…”`).
fn side(c: char, prev: Option<char>, next: Option<char>, open: bool) -> Option<Side> {
    match c {
        '「' | '『' => return Some(Side::Open),
        '」' | '』' => return Some(Side::Close),
        _ => {}
    }
    match (opens_after(prev), closes_before(next)) {
        (true, false) => Some(Side::Open),
        (false, true) => Some(Side::Close),
        (true, true) => Some(match c {
            '„' | '‟' | '«' | '‹' | '“' => Side::Open,
            '"' if !open => Side::Open,
            _ => Side::Close,
        }),
        // Glued on both sides: `word"word` is no quotation.
        (false, false) => None,
    }
}

/// Byte spans of paired quotations: (opening mark start, closing mark
/// start, closing mark end).
fn spans(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, d)| d);
        if is_quote(c) {
            match side(c, prev, next, !stack.is_empty()) {
                Some(Side::Open) => stack.push(i),
                Some(Side::Close) => {
                    if let Some(open) = stack.pop() {
                        if i - open <= MAX_QUOTE {
                            out.push((open, i, i + c.len_utf8()));
                        } else {
                            // Everything below is even further away.
                            stack.clear();
                        }
                    }
                }
                None => {}
            }
        }
        prev = Some(c);
    }
    out
}

/// Whether the quotation `open..close_end` is part of a larger sentence:
/// words or a colon before it, or a comma or lower-case words after it.
fn embedded(text: &str, open: usize, close_end: usize) -> bool {
    let before = text[..open].trim_end().chars().next_back();
    let framed_before = before.is_some_and(|c| !is_terminator(c) && !is_closer(c) && !is_quote(c));
    let after = text[close_end..].trim_start().chars().next();
    let framed_after = after.is_some_and(|c| {
        c.is_lowercase()
            || (!c.is_alphanumeric() && !is_quote(c) && !matches!(c, '¿' | '¡' | '(' | '['))
    });
    framed_before || framed_after
}

/// Clears `keep` for every break inside an embedded quotation. Breaks are
/// in order, so each quotation finds its breaks by binary search.
pub(crate) fn keep_embedded_whole(text: &str, breaks: &[Break], keep: &mut [bool]) {
    let mut depth = vec![0i32; breaks.len() + 1];
    for (open, close, close_end) in spans(text) {
        if !embedded(text, open, close_end) {
            continue;
        }
        let first = breaks.partition_point(|b| b.term_start <= open);
        // A break whose closing marks reach the closing quotation mark ends
        // the quotation itself; it is judged on its own.
        let last = breaks.partition_point(|b| b.close_end <= close);
        if first < last {
            depth[first] += 1;
            depth[last] -= 1;
        }
    }
    let mut running = 0;
    for (k, flag) in keep.iter_mut().enumerate() {
        running += depth[k];
        if running > 0 {
            *flag = false;
        }
    }
}
