//! Markdown: read, not rendered. Each leaf block (paragraph, heading, table
//! cell, tight list item) becomes a paragraph; emphasis, links and images
//! keep only the text a reader sees; code blocks and front matter are not
//! prose and are left out; HTML blocks go through the HTML reader.

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
            if let Some(p) = cur.builder.finish(cur.kind, span) {
                self.out.push(p);
            }
        }
    }

    fn open(&mut self, kind: BlockKind, span: Option<Span>) {
        self.flush(None);
        self.current = Some(Current {
            builder: Builder::new(),
            kind,
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
                span: None,
            })
            .builder
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
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
            Tag::Heading { .. } => {
                let span = self.trimmed(&range);
                self.open(BlockKind::Heading, Some(span));
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
                self.out.extend(html::blocks_in(self.file, range));
                self.skip = 1;
            }
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
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
            return;
        }
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
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
    matches!(
        tag,
        Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock
    )
}

#[cfg(test)]
mod tests;
