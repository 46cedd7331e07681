//! Markdown: read, not rendered.

use super::Paragraph;

/// Splits Markdown into blocks.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    super::text::blocks(text)
}
