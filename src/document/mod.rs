//! Documents: bytes in, paragraphs with exact file positions out.
//!
//! A [`Document`] keeps the decoded file text and a list of [`Paragraph`]s.
//! A paragraph's `text` is what a reader sees (markup removed, entities
//! decoded, a paragraph broken inside a sentence joined again); its
//! [`OffsetMap`] maps every byte of that text back to the file, so every
//! later stage can point at lines and columns an editor shows.

mod builder;
mod declared;
mod decode;
mod entities;
mod html;
mod lines;
mod markdown;
mod repair;
mod text;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Result;

pub use declared::{DeclaredLanguage, declared_language};
pub use lines::LineIndex;
pub use repair::settle_joins;

/// Whether `text` ends like a sentence: a final mark of any script we know
/// of, perhaps followed by closing quotes or brackets.
pub fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c| repair::TRAILING.contains(&c) || c == '*')
        .ends_with(repair::FINAL)
}

/// Default limit on input size: generous for books, small enough to refuse
/// accidents such as a disk image given by mistake.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How the input is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text: blank lines separate paragraphs.
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// HTML: the text of block elements; scripts, styles and navigation dropped.
    Html,
}

impl InputFormat {
    /// Every format.
    pub const ALL: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

    /// The stable name used in every output and option.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }

    /// The format whose [`name`](InputFormat::name) is `name`.
    ///
    /// ```
    /// use transalign::InputFormat;
    /// assert_eq!(InputFormat::from_name("markdown"), Some(InputFormat::Markdown));
    /// assert_eq!(InputFormat::from_name("md"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<InputFormat> {
        InputFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file name suggests; plain text when nothing matches.
    pub fn from_path(path: &Path) -> InputFormat {
        InputFormat::from_extension(path).unwrap_or(InputFormat::Text)
    }

    /// The format a file's extension names, if it names one (`.txt` names
    /// plain text; standard input and `/dev/fd/63` name none).
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Some(InputFormat::Markdown),
            Some("html" | "htm" | "xhtml") => Some(InputFormat::Html),
            Some("txt" | "text") => Some(InputFormat::Text),
            _ => None,
        }
    }

    /// The format `text` is written in, judged from its content: HTML
    /// when it starts like an HTML document (a doctype, an `<html>`,
    /// `<head>` or `<body>` tag, an XML declaration); Markdown when YAML
    /// front matter opens it, a line is a heading (`# Title`) or a code
    /// fence, or it has an inline link `[text](url)`; HTML again when it
    /// starts with a tag and is none of these (a fragment such as
    /// `<p>…</p>`); plain text otherwise.
    ///
    /// ```
    /// use transalign::InputFormat;
    /// assert_eq!(InputFormat::sniff("<!DOCTYPE html><p>Hi</p>"), InputFormat::Html);
    /// assert_eq!(InputFormat::sniff("# Title\n\nText."), InputFormat::Markdown);
    /// assert_eq!(InputFormat::sniff("Text.\n\nMore text."), InputFormat::Text);
    /// ```
    pub fn sniff(text: &str) -> InputFormat {
        let start = text.trim_start();
        let head = start
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        let document_start = ["<!doctype html", "<html", "<head", "<body", "<?xml"];
        if document_start.iter().any(|s| head.starts_with(s)) {
            return InputFormat::Html;
        }
        let markdown_line = |line: &str| {
            let line = line.trim_end();
            let hashes = line.len() - line.trim_start_matches('#').len();
            (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
                || line.starts_with("```")
                || line.starts_with("~~~")
        };
        let front_matter = text.starts_with("---\n") || text.starts_with("---\r\n");
        let link = text.find("](").is_some_and(|i| text[..i].contains('['));
        if front_matter || link || text.lines().any(markdown_line) {
            return InputFormat::Markdown;
        }
        let tag = head.starts_with('<') && head[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if tag && text.contains("</") {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// A 1-based line and column (columns count Unicode scalar values, as
/// editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// A byte range in a document's decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What kind of block a paragraph came from. A heading's level is in
/// [`Paragraph::level`], so the names stay single words in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading (`#`, `<h1>`…`<h6>`).
    Heading,
    /// Running text.
    Paragraph,
    /// An item of a list.
    ListItem,
    /// A block quotation.
    BlockQuote,
    /// A thematic break such as `---`; it has no text to translate.
    Separator,
    /// A table cell.
    TableCell,
    /// A figure caption.
    Caption,
    /// Code: a fenced or indented Markdown code block, an HTML `<pre>`.
    /// It is read as one unit, never split into sentences.
    CodeBlock,
}

impl BlockKind {
    /// How a message names a block of this kind: "the heading", "the list
    /// item", "the code block".
    pub fn noun(self) -> &'static str {
        match self {
            BlockKind::Heading => "the heading",
            BlockKind::Paragraph => "the paragraph",
            BlockKind::ListItem => "the list item",
            BlockKind::BlockQuote => "the quotation",
            BlockKind::Separator => "the separator",
            BlockKind::TableCell => "the table cell",
            BlockKind::Caption => "the caption",
            BlockKind::CodeBlock => "the code block",
        }
    }
}

/// A block's kind with its heading level: what the aligner compares
/// between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockShape {
    /// The kind.
    pub kind: BlockKind,
    /// The heading level (1–6) of a heading, 0 for every other kind.
    pub level: u8,
}

/// One piece of the map from a paragraph's text to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: std::ops::Range<usize>,
    source: std::ops::Range<usize>,
    /// Verbatim pieces map byte for byte; others (entities, joins) map any
    /// byte inside to their whole source range.
    verbatim: bool,
}

/// Maps byte offsets in a paragraph's text to byte offsets in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Records that `text` was copied unchanged from `source`.
    pub fn push_verbatim(&mut self, text: std::ops::Range<usize>, source_start: usize) {
        let len = text.end - text.start;
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.verbatim && last.text.end == text.start && last.source.end == source_start {
                last.text.end = text.end;
                last.source.end = source_start + len;
                return;
            }
        }
        self.pieces.push(Piece {
            text,
            source: source_start..source_start + len,
            verbatim: true,
        });
    }

    /// Records that `text` stands for `source` as a whole (an entity, a
    /// line break folded into a space, a join of two blocks).
    pub fn push_replaced(&mut self, text: std::ops::Range<usize>, source: std::ops::Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text,
            source,
            verbatim: false,
        });
    }

    /// Appends another map whose text starts at `text_offset` in this one.
    pub fn append(&mut self, other: &OffsetMap, text_offset: usize) {
        for p in &other.pieces {
            let text = p.text.start + text_offset..p.text.end + text_offset;
            if p.verbatim {
                self.push_verbatim(text, p.source.start);
            } else {
                self.push_replaced(text, p.source.clone());
            }
        }
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text.end <= offset);
        self.pieces.get(i).or(self.pieces.last())
    }

    /// The file span that the text range `start..end` came from.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let Some(first) = self.piece_at(start) else {
            return Span::default();
        };
        let from = if first.verbatim {
            first.source.start
                + start
                    .saturating_sub(first.text.start)
                    .min(first.source.len())
        } else {
            first.source.start
        };
        let last = self
            .piece_at(end.saturating_sub(1).max(start))
            .unwrap_or(first);
        let to = if last.verbatim {
            last.source.start + end.saturating_sub(last.text.start).min(last.source.len())
        } else {
            last.source.end
        };
        Span::new(from, to.max(from))
    }
}

/// A block of text: a paragraph, heading, list item, table cell, caption,
/// quotation, code block or separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The heading level (1–6) of a heading, 0 for every other kind.
    pub level: u8,
    /// The text a reader sees, on one line, without markup.
    pub text: String,
    /// Where the block stands in the file (for HTML, the whole element).
    pub span: Span,
    /// Where each byte of `text` came from.
    pub offsets: OffsetMap,
    /// Source spans of the blocks that were joined into this one (one span
    /// when nothing was joined).
    pub parts: Vec<Span>,
}

impl Paragraph {
    /// Its kind and heading level.
    pub fn shape(&self) -> BlockShape {
        BlockShape {
            kind: self.kind,
            level: self.level,
        }
    }

    /// The file span of the text range `start..end` of this paragraph.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        self.offsets.source_span(start, end)
    }
}

/// A loaded document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it, or `-` for standard input.
    pub path: PathBuf,
    /// How the input was read.
    pub format: InputFormat,
    /// The decoded file text (without a byte order mark).
    pub text: String,
    /// The blocks in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The language its name or markup declares, if any.
    pub declared: Option<DeclaredLanguage>,
    lines: LineIndex,
    /// The joins of `paragraphs` made on weak evidence, in order.
    weak_joins: Vec<repair::WeakJoin>,
}

/// How to load a document.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Force a format instead of taking it from the extension or, when
    /// the extension names none (standard input), from the content.
    pub format: Option<InputFormat>,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            format: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl Document {
    /// Reads a file, or standard input when `path` is `-`. The format is
    /// the one `options` forces, else the one the extension names, else
    /// the one the content suggests ([`InputFormat::sniff`]).
    pub fn load(path: &Path, options: LoadOptions) -> Result<Document> {
        let bytes = decode::read_limited(path, options.max_bytes)?;
        Document::from_input(path, &bytes, options.format)
    }

    /// Parses bytes already in memory as [`Document::load`] parses a
    /// file's: `path` names them; the format is `format`, else the one
    /// the extension names, else the one the content suggests.
    pub fn from_input(path: &Path, bytes: &[u8], format: Option<InputFormat>) -> Result<Document> {
        let text = decode::decode(path, bytes)?;
        let format = format
            .or_else(|| InputFormat::from_extension(path))
            .unwrap_or_else(|| InputFormat::sniff(&text));
        Ok(Document::from_text(path, text, format))
    }

    /// Parses bytes already in memory; `path` names them in messages.
    pub fn from_bytes(path: &Path, bytes: &[u8], format: InputFormat) -> Result<Document> {
        let text = decode::decode(path, bytes)?;
        Ok(Document::from_text(path, text, format))
    }

    /// Parses decoded text.
    pub fn from_text(path: &Path, text: String, format: InputFormat) -> Document {
        let lines = LineIndex::new(&text);
        let blocks = match format {
            InputFormat::Text => text::blocks(&text),
            InputFormat::Markdown => markdown::blocks(&text),
            InputFormat::Html => html::blocks(&text),
        };
        let (paragraphs, weak_joins) = repair::join_broken(&text, blocks);
        let declared = declared_language(path, &text, format);
        Document {
            path: path.to_path_buf(),
            format,
            text,
            paragraphs,
            declared,
            lines,
            weak_joins,
        }
    }

    /// Splits the paragraphs that weak joins made back into their blocks.
    fn undo_weak_joins(&mut self) {
        for join in std::mem::take(&mut self.weak_joins).into_iter().rev() {
            self.paragraphs
                .splice(join.index..=join.index, [join.first, join.second]);
        }
    }

    /// The 1-based line and column of a byte offset in [`Document::text`].
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// First and last 1-based line of a span.
    pub fn line_range(&self, span: Span) -> (u32, u32) {
        let first = self.position(span.start).line;
        let last = self
            .position(span.end.saturating_sub(1).max(span.start))
            .line;
        (first, last.max(first))
    }

    /// This document, or [`Error::Empty`](crate::Error::Empty) when it holds
    /// no text: there is nothing to check in it.
    pub fn require_text(self) -> Result<Document> {
        if self.is_empty() {
            Err(crate::Error::Empty { path: self.path })
        } else {
            Ok(self)
        }
    }

    /// Whether the document has no text to translate: code alone is not
    /// worth checking.
    pub fn is_empty(&self) -> bool {
        self.paragraphs
            .iter()
            .all(|p| p.kind == BlockKind::CodeBlock || p.text.trim().is_empty())
    }

    /// `path` as shown to the user.
    pub fn display_name(&self) -> String {
        if self.path == Path::new("-") {
            "<stdin>".to_string()
        } else {
            self.path.display().to_string()
        }
    }
}

/// The path that stands for standard input.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

#[cfg(test)]
mod tests;

/// Helpers shared by the loaders' tests.
#[cfg(test)]
pub(crate) mod test_util {
    use super::{BlockKind, Document, Paragraph};

    /// Each paragraph's kind and reader text.
    pub fn texts(d: &Document) -> Vec<(BlockKind, &str)> {
        d.paragraphs
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect()
    }

    /// The file text that the first occurrence of `sub` in `p` came from.
    pub fn src<'a>(file: &'a str, p: &Paragraph, sub: &str) -> &'a str {
        let start = p.text.find(sub).expect(sub);
        let s = p.source_span(start, start + sub.len());
        &file[s.start..s.end]
    }
}
