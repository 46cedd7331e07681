//! Byte offsets to the lines and columns a text editor shows.

use super::Position;

/// Bytes between two character-count checkpoints.
const BLOCK: usize = 1024;

/// Start offsets of every line. `\n`, `\r\n` and a lone `\r` each end a
/// line, as editors count them.
///
/// Columns count characters from the line's start; a checkpoint of the
/// character count every [`BLOCK`] bytes keeps each lookup O(BLOCK) even on
/// a 20 MB line, where counting from the line start would make positioning
/// every sentence quadratic.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters in `text[..k * BLOCK]`.
    checkpoints: Vec<usize>,
}

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// Characters in UTF-8 bytes that start and end on character boundaries.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| starts_char(b)).count()
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(chars);
            chars += block.iter().filter(|&&b| starts_char(b)).count();
        }
        checkpoints.push(chars);
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = (block * BLOCK).min(offset);
        base + count_chars(&text.as_bytes()[from..offset])
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        // Counting from the line's start is cheaper than from two
        // checkpoints when the line began less than a block ago.
        let column = if offset - start <= BLOCK {
            count_chars(&text.as_bytes()[start..offset])
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } + 1;
        Position {
            line: line as u32,
            column: column as u32,
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Always false: even empty text has one line.
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, offset: usize) -> (u32, u32) {
        let p = LineIndex::new(text).position(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn counts_lf_crlf_and_lone_cr_as_line_ends() {
        let text = "a\nb\r\nc\rd";
        assert_eq!(pos(text, 0), (1, 1));
        assert_eq!(pos(text, 2), (2, 1));
        assert_eq!(pos(text, 5), (3, 1));
        assert_eq!(pos(text, 7), (4, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(pos("äöü x", 7), (1, 5));
    }

    #[test]
    fn columns_on_long_lines_cross_checkpoints() {
        let text = format!("{}\n{}x", "é".repeat(3000), "ß".repeat(2000));
        let index = LineIndex::new(&text);
        let x = text.len() - 1;
        let p = index.position(&text, x);
        assert_eq!((p.line, p.column), (2, 2001));
        let p = index.position(&text, 4000);
        assert_eq!((p.line, p.column), (1, 2001));
    }

    #[test]
    fn columns_agree_with_counting_from_the_line_start() {
        // Lines shorter and longer than a block, multi-byte characters.
        let text = format!(
            "{}\n{}\n{}",
            "ä".repeat(700),
            "x".repeat(1500),
            "é".repeat(10)
        );
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let p = index.position(&text, offset);
            assert_eq!(
                p.column as usize,
                text[start..offset].chars().count() + 1,
                "{offset}"
            );
        }
    }
}
