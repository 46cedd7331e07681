//! HTML: the text of block elements.

use super::Paragraph;

/// Splits HTML into blocks.
pub fn blocks(text: &str) -> Vec<Paragraph> {
    super::text::blocks(text)
}
