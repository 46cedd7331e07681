//! Joining paragraphs that a web page broke inside a sentence.

use super::Paragraph;

/// Joins blocks broken inside a sentence.
pub fn join_broken(_text: &str, blocks: Vec<Paragraph>) -> Vec<Paragraph> {
    blocks
}
