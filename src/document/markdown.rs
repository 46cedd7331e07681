//! Markdown: read, not rendered. Each leaf block (paragraph, heading, table
//! cell, tight list item, code block) becomes a paragraph; emphasis, links
//! and images keep only the text a reader sees; a heading keeps its level
//! and a fenced or indented code block is a [`BlockKind::CodeBlock`]; front
//! matter is left out; HTML blocks go through the HTML reader.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::builder::{self, Builder};
use super::{BlockKind, Paragraph, Span, html};

/// Splits Markdown into blocks.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut reader = Reader {
        file: text,
        out: Vec::new(),
        containers: Vec::new(),
        current: None,
        skip: 0,
        html: None,
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        reader.event(event, range);
    }
    reader.flush(None);
    reader.out
}

/// The block being read: its builder, kind and (for explicit leaves) the
/// leaf's range in the file.
struct Current {
    builder: Builder,
    kind: BlockKind,
    /// Heading level, 0 for other blocks.
    level: u8,
    span: Option<Span>,
}

struct Reader<'a> {
    file: &'a str,
    out: Vec<Paragraph>,
    /// Kinds given by enclosing containers (list items, quotations).
    containers: Vec<BlockKind>,
    current: Option<Current>,
    /// Depth of blocks whose text is not prose (code, front matter, HTML
    /// blocks already handed to the HTML reader).
    skip: usize,
    /// Pieces of the HTML block being read.
    html: Option<Vec<Range<usize>>>,
}

impl Reader<'_> {
    fn container_kind(&self) -> BlockKind {
        self.containers
            .last()
            .copied()
            .unwrap_or(BlockKind::Paragraph)
    }

    /// The range without trailing white space (pulldown-cmark includes the
    /// line end), so the last line is the block's own.
    fn trimmed(&self, range: &Range<usize>) -> Span {
        let s = &self.file[range.clone()];
        Span::new(range.start, range.start + s.trim_end().len())
    }

    fn flush(&mut self, end_span: Option<Span>) {
        if let Some(cur) = self.current.take() {
            let span = end_span.or(cur.span);
            let span = match (span, cur.builder.covered()) {
                (Some(s), Some(c)) => Some(s.cover(c)),
                (s, c) => s.or(c),
            };
            if let Some(mut p) = cur.builder.finish(cur.kind, span) {
                p.level = cur.level;
                self.out.push(p);
            }
        }
    }

    fn open(&mut self, kind: BlockKind, span: Option<Span>) {
        self.flush(None);
        self.current = Some(Current {
            builder: Builder::new(),
            kind,
            level: 0,
            span,
        });
    }

    fn builder(&mut self) -> &mut Builder {
        let kind = self.container_kind();
        &mut self
            .current
            .get_or_insert_with(|| Current {
                builder: Builder::new(),
                kind,
                level: 0,
                span: None,
            })
            .builder
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Html(_) if self.html.is_some() => {
                if let Some(ranges) = self.html.as_mut() {
                    // Lines that follow each other make one piece; a gap
                    // is a container prefix such as `> `, not HTML.
                    match ranges.last_mut() {
                        Some(last) if last.end == range.start => last.end = range.end,
                        _ => ranges.push(range),
                    }
                }
            }
            _ if self.skip > 0 => {}
            Event::Text(t) => self.text(&t, range),
            Event::Code(code) => {
                // Inline code keeps its text; find it inside the backticks
                // so the map stays byte-exact.
                let src = &self.file[range.clone()];
                match src.find(&*code) {
                    Some(at) => {
                        let r = range.start + at..range.start + at + code.len();
                        let file = self.file;
                        self.builder().push_source(file, r, false);
                    }
                    None => self.builder().push_replaced(&code, range),
                }
            }
            Event::SoftBreak | Event::HardBreak => self.builder().push_break(range),
            Event::InlineHtml(tag) => {
                let lower = tag.to_ascii_lowercase();
                if lower.starts_with("<br") || lower.starts_with("</br") {
                    self.builder().push_break(range);
                }
            }
            Event::Rule => {
                self.flush(None);
                let span = self.trimmed(&range);
                self.out.push(builder::separator(span));
            }
            _ => {}
        }
    }

    /// Reads an HTML block with the HTML reader. Raw HTML in a list item
    /// or quotation belongs to it.
    fn html_block(&mut self, ranges: &[Range<usize>]) {
        let context = self.container_kind();
        let blocks = html::blocks_in_ranges(self.file, ranges);
        self.out.extend(blocks.into_iter().map(|mut p| {
            if p.kind == BlockKind::Paragraph {
                p.kind = context;
            }
            p
        }));
    }

    fn text(&mut self, t: &str, range: Range<usize>) {
        let file = self.file;
        if file.get(range.clone()) == Some(t) {
            self.builder().push_source(file, range, false);
        } else if let Some(at) = file[range.clone()].find(t) {
            // Escapes such as `\*` come as the bare character.
            let r = range.start + at..range.start + at + t.len();
            self.builder().push_source(file, r, false);
        } else {
            // An entity or other text the parser decoded.
            self.builder().push_replaced(t, range);
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if self.skip > 0 {
            if is_block_tag(&tag) {
                self.skip += 1;
            }
            return;
        }
        match tag {
            Tag::Paragraph | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                let kind = self.container_kind();
                let span = self.trimmed(&range);
                self.open(kind, Some(span));
            }
            Tag::Heading { level, .. } => {
                let span = self.trimmed(&range);
                self.open(BlockKind::Heading, Some(span));
                if let Some(cur) = self.current.as_mut() {
                    cur.level = level as u8;
                }
            }
            Tag::TableCell => {
                let span = self.trimmed(&range);
                self.open(BlockKind::TableCell, Some(span));
            }
            Tag::Item => {
                self.flush(None);
                self.containers.push(BlockKind::ListItem);
            }
            Tag::BlockQuote(_) => {
                self.flush(None);
                self.containers.push(BlockKind::BlockQuote);
            }
            Tag::FootnoteDefinition(_) => {
                self.flush(None);
                self.containers.push(BlockKind::Paragraph);
            }
            Tag::HtmlBlock => {
                self.flush(None);
                self.html = Some(Vec::new());
                self.skip = 1;
            }
            Tag::CodeBlock(_) => {
                // Code is one block whatever encloses it; its lines fold
                // into one like any paragraph's.
                let span = self.trimmed(&range);
                self.open(BlockKind::CodeBlock, Some(span));
            }
            Tag::MetadataBlock(_) => {
                self.flush(None);
                self.skip = 1;
            }
            Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => self.flush(None),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.skip > 0 {
            if is_block_end(&tag) {
                self.skip -= 1;
            }
            if self.skip == 0 {
                if let Some(ranges) = self.html.take() {
                    self.html_block(&ranges);
                }
            }
            return;
        }
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::TableCell
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::List(_)
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::Table => self.flush(None),
            TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                self.flush(None);
                self.containers.pop();
            }
            _ => {}
        }
    }
}

/// Tags whose end closes a skipped region (only these nest inside one).
fn is_block_tag(tag: &Tag<'_>) -> bool {
    matches!(tag, Tag::MetadataBlock(_) | Tag::HtmlBlock)
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(tag, TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock)
}

#[cfg(test)]
mod tests;
