//! Byte offsets to the lines and columns a text editor shows.

use super::Position;

/// Start offsets of every line. `\n`, `\r\n` and a lone `\r` each end a
/// line, as editors count them.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
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
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text[start..offset].chars().count() + 1;
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
}
