//! HTML: the text of block elements, in reading order.
//!
//! `p`, `h1`–`h6`, `li`, `blockquote`, `figcaption`, `td`/`th` (and a few
//! like them) each make a paragraph whose span is the element; text outside
//! them (in a `div`, `section`, `article` or the bare body) makes a
//! paragraph between block boundaries. Navigation, scripts and other chrome
//! are dropped. Broken markup is read the way browsers read it, closely
//! enough: unclosed `p` and `li` end where the next one starts, stray end
//! tags are ignored, and nothing is ever nested deeper than the input.

mod lexer;

use std::collections::HashMap;
use std::ops::Range;

use lexer::{Lexer, Token};

use super::builder::{self, Builder};
use super::{BlockKind, Paragraph, Span};

/// Elements with no end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose whole content is dropped: page chrome and non-text.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "nav"
            | "header"
            | "footer"
            | "noscript"
            | "template"
            | "svg"
            | "head"
            | "title"
            | "math"
            | "iframe"
            | "object"
            | "select"
            | "textarea"
            | "canvas"
    )
}

/// Elements that separate blocks of text (besides the capturing ones).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "body"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figure"
            | "form"
            | "hgroup"
            | "html"
            | "main"
            | "menu"
            | "ol"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "legend"
            | "option"
            | "optgroup"
            | "button"
    )
}

/// Elements that hold lists or tables: an unclosed `li`/`td` outside them
/// is not closed by a new one inside them.
fn is_container(name: &str) -> bool {
    matches!(name, "ul" | "ol" | "menu" | "dir" | "dl" | "table")
}

/// The paragraph kind an element makes, if it makes one.
fn capture_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" => BlockKind::ListItem,
        "blockquote" => BlockKind::BlockQuote,
        "figcaption" | "caption" => BlockKind::Caption,
        "td" | "th" => BlockKind::TableCell,
        "pre" => BlockKind::CodeBlock,
        // Their kind comes from the enclosing block (a `p` in a quotation
        // is part of the quotation).
        "p" | "dt" | "dd" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// The level of a heading element (`h3` → 3), 0 for any other.
fn heading_level(name: &str) -> u8 {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => d - b'0',
        _ => 0,
    }
}

/// The `lang` (or `xml:lang`) attribute of the root `<html>` element, if
/// the document starts with one (after a doctype, comments or white space).
pub fn root_lang(text: &str) -> Option<&str> {
    let first_tag = Lexer::new(text, 0..text.len()).find_map(|t| match t {
        Token::Start { name, range, .. } => Some((name, range)),
        Token::Text(r) if !text[r.clone()].trim().is_empty() => Some((String::new(), r)),
        _ => None,
    })?;
    match first_tag {
        (name, range) if name == "html" => {
            let tag = &text[range];
            attribute(tag, "lang").or_else(|| attribute(tag, "xml:lang"))
        }
        _ => None,
    }
}

/// The value of attribute `name` (lower case) in a start tag `<x a="b">`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let inner = tag
        .strip_prefix('<')?
        .trim_end_matches('>')
        .trim_end_matches('/');
    // Past the element's name.
    let mut rest = inner.trim_start_matches(|c: char| !c.is_ascii_whitespace());
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=')
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], &body[(end + 1).min(body.len())..])
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next;
            value
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.trim());
        }
    }
}

/// Splits HTML into blocks.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    let whole = 0..text.len();
    blocks_in_ranges(text, std::slice::from_ref(&whole))
}

/// Splits the HTML in `file[range]` into blocks with spans into `file`.
/// Splits HTML that lies in several pieces of `file` (the lines of an HTML
/// block inside a Markdown quotation, without their `>` prefixes).
pub fn blocks_in_ranges(file: &str, ranges: &[Range<usize>]) -> Vec<Paragraph> {
    let mut reader = Reader {
        file,
        out: Vec::new(),
        stack: Vec::new(),
        open_count: HashMap::new(),
        drop_depth: 0,
        captures: Vec::new(),
        current: Builder::new(),
        current_start: None,
        after_br: false,
    };
    for range in ranges {
        for token in Lexer::new(file, range.clone()) {
            reader.token(token);
        }
    }
    while !reader.stack.is_empty() {
        reader.pop(None);
    }
    reader.flush(None);
    reader.out
}

/// An open element.
struct Open {
    name: String,
    drop: bool,
    /// A block element: text on either side is separate.
    block: bool,
    /// The element makes a paragraph (an entry in `captures`).
    capture: bool,
    /// Stack index of the innermost list or table container at or above
    /// this element.
    container: Option<usize>,
}

/// An open element that makes a paragraph.
struct Capture {
    stack_index: usize,
    kind: BlockKind,
    /// Heading level, 0 for other blocks.
    level: u8,
}

struct Reader<'a> {
    file: &'a str,
    out: Vec<Paragraph>,
    stack: Vec<Open>,
    /// How many elements of each name are open, so an end tag with no
    /// open element is dismissed without searching the stack.
    open_count: HashMap<String, usize>,
    drop_depth: usize,
    captures: Vec<Capture>,
    /// Text of the current paragraph segment.
    current: Builder,
    /// Where the element owning the current segment starts, when the
    /// segment is that element's first.
    current_start: Option<usize>,
    /// The last thing seen was a `<br>` (white space aside).
    after_br: bool,
}

impl Reader<'_> {
    fn token(&mut self, token: Token) {
        match token {
            Token::Text(range) => {
                if self.drop_depth == 0 {
                    if !self.file[range.clone()].trim().is_empty() {
                        self.after_br = false;
                    }
                    self.current.push_source(self.file, range, true);
                }
            }
            Token::Start {
                name,
                range,
                self_closing,
            } => self.start(name, range, self_closing),
            Token::End { name, range } => self.end(&name, range),
            Token::Skip => {}
        }
    }

    /// Ends the current segment; `end` is the end of the owning element
    /// when it is being closed.
    fn flush(&mut self, end: Option<usize>) {
        self.after_br = false;
        let builder = std::mem::take(&mut self.current);
        let start = self.current_start.take();
        let (kind, level) = self
            .captures
            .last()
            .map_or((BlockKind::Paragraph, 0), |c| (c.kind, c.level));
        let Some(covered) = builder.covered() else {
            return;
        };
        let span = Span::new(
            start.unwrap_or(covered.start).min(covered.start),
            end.unwrap_or(covered.end).max(covered.end),
        );
        if let Some(mut p) = builder.finish(kind, Some(span)) {
            p.level = level;
            self.out.push(p);
        }
    }

    /// The kind a new capturing element gets inside the current ones.
    fn kind_for(&self, own: BlockKind) -> BlockKind {
        if own != BlockKind::Paragraph {
            return own;
        }
        self.captures.last().map_or(own, |c| c.kind)
    }

    fn is_open(&self, name: &str) -> bool {
        self.open_count.get(name).copied().unwrap_or(0) > 0
    }

    /// Closes the innermost capturing element if a new `name` implicitly
    /// ends it (`<p>a<p>b`, `<li>a<li>b`).
    fn auto_close(&mut self, name: &str) {
        let Some(top) = self.captures.last() else {
            return;
        };
        let top_name = self.stack[top.stack_index].name.as_str();
        let closes = match top_name {
            "p" => capture_kind(name).is_some() || is_block(name) || name == "hr",
            "li" => name == "li",
            "td" | "th" => matches!(name, "td" | "th" | "tr"),
            "dt" | "dd" => matches!(name, "dt" | "dd"),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            }
            _ => false,
        };
        // A list or table opened inside the element shields it: its own
        // items do not close the outer one.
        let shielded = top_name != "p"
            && self
                .stack
                .last()
                .and_then(|o| o.container)
                .is_some_and(|c| c > top.stack_index);
        if closes && !shielded {
            let target = top.stack_index;
            while self.stack.len() > target {
                self.pop(None);
            }
        }
    }

    /// `<br>` reads as a space; two in a row are how older pages separate
    /// paragraphs, so they end the paragraph.
    fn line_break(&mut self, range: Range<usize>) {
        if self.after_br {
            self.flush(None);
        } else {
            self.current.push_break(range);
        }
        self.after_br = true;
    }

    fn start(&mut self, name: String, range: Range<usize>, self_closing: bool) {
        if name == "br" {
            self.line_break(range);
            return;
        }
        let capture = capture_kind(&name);
        let block = capture.is_some() || is_block(&name) || name == "hr";
        if block {
            self.auto_close(&name);
        }
        if name == "hr" {
            self.block_boundary(range.clone());
            if self.drop_depth == 0 {
                self.flush(None);
                self.out
                    .push(builder::separator(Span::new(range.start, range.end)));
            }
            return;
        }
        // A `header` inside an article holds its headline, not the site's
        // banner: keep that one.
        let drop = is_dropped(&name)
            && !(name == "header" && (self.is_open("article") || self.is_open("main")));
        if is_void(&name) || (self_closing && capture.is_none()) {
            if block {
                self.block_boundary(range);
            }
            return;
        }
        let index = self.stack.len();
        let container = if is_container(&name) {
            Some(index)
        } else {
            self.stack.last().and_then(|o| o.container)
        };
        let capturing = capture.is_some() && self.drop_depth == 0;
        if let (Some(own), true) = (capture, capturing) {
            self.flush(None);
            let kind = self.kind_for(own);
            let level = if kind == BlockKind::Heading {
                heading_level(&name)
                    .max(self.captures.last().map_or(0, |c| c.level))
                    .max(1)
            } else {
                0
            };
            self.captures.push(Capture {
                stack_index: index,
                kind,
                level,
            });
            self.current_start = Some(range.start);
        } else if block {
            self.block_boundary(range);
        }
        if drop {
            self.drop_depth += 1;
        }
        match self.open_count.get_mut(name.as_str()) {
            Some(n) => *n += 1,
            None => {
                self.open_count.insert(name.clone(), 1);
            }
        }
        self.stack.push(Open {
            name,
            drop,
            block,
            capture: capturing,
            container,
        });
    }

    /// A block element starts or ends outside a paragraph element: text
    /// on either side is separate; inside one, it reads as a space.
    fn block_boundary(&mut self, range: Range<usize>) {
        if self.captures.is_empty() {
            self.flush(None);
        } else {
            self.current.push_break(range);
        }
    }

    /// Like [`Reader::block_boundary`] for an element closed without an
    /// end tag: the break stands at the end of the text so far.
    fn implicit_boundary(&mut self) {
        if self.captures.is_empty() {
            self.flush(None);
        } else if let Some(c) = self.current.covered() {
            self.current.push_break(c.end..c.end);
        }
    }

    fn end(&mut self, name: &str, range: Range<usize>) {
        if name == "br" {
            self.line_break(range);
            return;
        }
        if !self.is_open(name) {
            return;
        }
        loop {
            let Some(top) = self.stack.last() else {
                return;
            };
            let is_target = top.name == name;
            self.pop(is_target.then_some(range.clone()));
            if is_target {
                return;
            }
        }
    }

    /// Pops the innermost element; `closing` is its end tag, when it has
    /// one.
    fn pop(&mut self, closing: Option<Range<usize>>) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if let Some(n) = self.open_count.get_mut(&open.name) {
            *n = n.saturating_sub(1);
        }
        if open.drop {
            self.drop_depth -= 1;
        }
        let end = closing.as_ref().map(|r| r.end);
        if open.capture {
            self.flush(end);
            self.captures.pop();
        } else if open.block {
            match closing {
                Some(r) => self.block_boundary(r),
                None => self.implicit_boundary(),
            }
        }
    }
}

#[cfg(test)]
mod tests;
