//! The dictd file format: a text index and a dictzip body.
//!
//! The index (`NAME.index`) holds one entry per line: the headword, the
//! entry's byte offset in the uncompressed body and its length, the two
//! numbers written in dictd's base64 (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`,
//! most significant digit first). The body (`NAME.dict.dz`) is dictzip:
//! gzip whose header's extra field (`RA`) lists independently compressed
//! chunks, so one entry is read by inflating only its chunks. A body that
//! is plain gzip, or not compressed (`NAME.dict`), is read whole.

use std::sync::OnceLock;

use flate2::{Decompress, FlushDecompress, Status};

/// Where an entry lies in the uncompressed body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset.
    pub offset: u64,
    /// Length in bytes.
    pub len: u32,
}

/// The value of a dictd base64 number, or `None` when it is not one.
pub fn base64_number(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 10 {
        return None;
    }
    let mut value = 0u64;
    for b in digits.bytes() {
        let d = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        value = value * 64 + d as u64;
    }
    Some(value)
}

/// One index line: headword and span; `None` when malformed.
pub fn index_line(line: &str) -> Option<(&str, Span)> {
    let mut fields = line.split('\t');
    let headword = fields.next()?;
    let offset = base64_number(fields.next()?.trim())?;
    let len = base64_number(fields.next()?.trim())?;
    Some((
        headword,
        Span {
            offset,
            len: u32::try_from(len).ok()?,
        },
    ))
}

/// A dictionary body, read on demand.
#[derive(Debug)]
pub enum Body {
    /// Dictzip: the compressed file, its chunk table and the chunks
    /// inflated so far (each at most once, safe to share between threads).
    Chunked {
        /// The whole compressed file.
        bytes: Vec<u8>,
        /// Uncompressed bytes per chunk.
        chunk_len: usize,
        /// Start of each chunk's compressed data in `bytes`, and its end.
        chunks: Vec<(usize, usize)>,
        /// Inflated chunks.
        inflated: Vec<OnceLock<Option<Box<[u8]>>>>,
    },
    /// A plain gzip body or an uncompressed one, inflated once when first
    /// needed.
    Whole {
        /// The file as read.
        bytes: Vec<u8>,
        /// Whether `bytes` is gzip.
        gzip: bool,
        /// The uncompressed text.
        text: OnceLock<Option<Vec<u8>>>,
    },
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const FLAG_HCRC: u8 = 0x02;
const FLAG_EXTRA: u8 = 0x04;
const FLAG_NAME: u8 = 0x08;
const FLAG_COMMENT: u8 = 0x10;

impl Body {
    /// A body from a file's bytes: dictzip when its header lists chunks,
    /// else gzip or uncompressed text. `None` for a gzip header that is cut
    /// short.
    pub fn new(bytes: Vec<u8>) -> Option<Body> {
        if !bytes.starts_with(&GZIP_MAGIC) {
            return Some(Body::Whole {
                bytes,
                gzip: false,
                text: OnceLock::new(),
            });
        }
        match chunk_table(&bytes)? {
            Some((chunk_len, chunks)) => {
                let inflated = (0..chunks.len()).map(|_| OnceLock::new()).collect();
                Some(Body::Chunked {
                    bytes,
                    chunk_len,
                    chunks,
                    inflated,
                })
            }
            None => Some(Body::Whole {
                bytes,
                gzip: true,
                text: OnceLock::new(),
            }),
        }
    }

    /// The bytes of `span`, or `None` when the body does not hold them
    /// (a span past its end, corrupt compressed data).
    pub fn read(&self, span: Span) -> Option<Vec<u8>> {
        let start = usize::try_from(span.offset).ok()?;
        let end = start.checked_add(span.len as usize)?;
        match self {
            Body::Whole { bytes, gzip, text } => {
                let text = if *gzip {
                    text.get_or_init(|| gunzip(bytes)).as_deref()?
                } else {
                    bytes.as_slice()
                };
                text.get(start..end).map(<[u8]>::to_vec)
            }
            Body::Chunked {
                bytes,
                chunk_len,
                chunks,
                inflated,
            } => {
                let mut out = Vec::with_capacity(span.len as usize);
                let first = start / chunk_len;
                let last = end.saturating_sub(1) / chunk_len;
                let last = last.max(first);
                if last >= chunks.len() {
                    return None;
                }
                let wanted = chunks.iter().zip(inflated).enumerate();
                for (c, (&(a, b), slot)) in wanted.take(last + 1).skip(first) {
                    let chunk = slot
                        .get_or_init(|| inflate_chunk(&bytes[a..b], *chunk_len))
                        .as_deref()?;
                    let base = c * chunk_len;
                    let from = start.max(base) - base;
                    let to = (end.min(base + chunk.len())).saturating_sub(base);
                    if from > to {
                        return None;
                    }
                    out.extend_from_slice(&chunk[from..to]);
                }
                (out.len() == span.len as usize).then_some(out)
            }
        }
    }
}

/// The dictzip chunk table of a gzip file: `Some(None)` for gzip without
/// one, `None` for a header cut short.
#[allow(clippy::type_complexity)]
fn chunk_table(bytes: &[u8]) -> Option<Option<(usize, Vec<(usize, usize)>)>> {
    let flags = *bytes.get(3)?;
    let mut pos = 10;
    let mut table: Option<(usize, Vec<usize>)> = None;
    if flags & FLAG_EXTRA != 0 {
        let xlen = u16::from_le_bytes([*bytes.get(pos)?, *bytes.get(pos + 1)?]) as usize;
        let extra = bytes.get(pos + 2..pos + 2 + xlen)?;
        pos += 2 + xlen;
        let mut k = 0;
        while k + 4 <= extra.len() {
            let len = u16::from_le_bytes([extra[k + 2], extra[k + 3]]) as usize;
            let data = extra.get(k + 4..k + 4 + len)?;
            if &extra[k..k + 2] == b"RA" && data.len() >= 6 {
                let word = |i: usize| u16::from_le_bytes([data[i], data[i + 1]]) as usize;
                let (chunk_len, count) = (word(2), word(4));
                if data.len() >= 6 + 2 * count && chunk_len > 0 {
                    table = Some((chunk_len, (0..count).map(|i| word(6 + 2 * i)).collect()));
                }
            }
            k += 4 + len;
        }
    }
    for flag in [FLAG_NAME, FLAG_COMMENT] {
        if flags & flag != 0 {
            pos += bytes.get(pos..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FLAG_HCRC != 0 {
        pos += 2;
    }
    let Some((chunk_len, sizes)) = table else {
        return Some(None);
    };
    let mut chunks = Vec::with_capacity(sizes.len());
    for size in sizes {
        chunks.push((pos, pos + size));
        pos += size;
    }
    if pos > bytes.len() {
        return None;
    }
    Some(Some((chunk_len, chunks)))
}

/// Inflates one dictzip chunk (raw deflate ending in a full flush).
fn inflate_chunk(data: &[u8], chunk_len: usize) -> Option<Box<[u8]>> {
    let mut out = Vec::with_capacity(chunk_len.max(1));
    let mut inflater = Decompress::new(false);
    while (inflater.total_in() as usize) < data.len() {
        if out.len() == out.capacity() {
            out.reserve(chunk_len.max(1024));
        }
        let (read, written) = (inflater.total_in(), out.len());
        let status = inflater
            .decompress_vec(&data[read as usize..], &mut out, FlushDecompress::Sync)
            .ok()?;
        if matches!(status, Status::StreamEnd) {
            break;
        }
        if inflater.total_in() == read && out.len() == written {
            return None;
        }
    }
    Some(out.into_boxed_slice())
}

/// Inflates a whole gzip file (several members are read one after another).
fn gunzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// Writes `text` as a dictzip file with chunks of `chunk_len` bytes:
    /// each chunk is compressed with a full flush, so it inflates alone.
    pub(crate) fn dictzip(text: &[u8], chunk_len: usize) -> Vec<u8> {
        use flate2::{Compress, Compression, FlushCompress};
        let mut sizes = Vec::new();
        let mut data = Vec::new();
        let mut compress = Compress::new(Compression::default(), false);
        let pieces: Vec<&[u8]> = text.chunks(chunk_len).collect();
        for (i, piece) in pieces.iter().enumerate() {
            let mut out = Vec::with_capacity(piece.len() * 2 + 64);
            let flush = if i + 1 == pieces.len() {
                FlushCompress::Finish
            } else {
                FlushCompress::Full
            };
            let before = compress.total_in();
            compress.compress_vec(piece, &mut out, flush).unwrap();
            assert_eq!(compress.total_in() - before, piece.len() as u64);
            sizes.push(out.len() as u16);
            data.extend_from_slice(&out);
        }
        let mut extra = Vec::new();
        extra.extend_from_slice(b"RA");
        extra.extend_from_slice(&((6 + 2 * sizes.len()) as u16).to_le_bytes());
        extra.extend_from_slice(&1u16.to_le_bytes());
        extra.extend_from_slice(&(chunk_len as u16).to_le_bytes());
        extra.extend_from_slice(&(sizes.len() as u16).to_le_bytes());
        for s in &sizes {
            extra.extend_from_slice(&s.to_le_bytes());
        }
        let mut out = vec![0x1f, 0x8b, 8, FLAG_EXTRA | FLAG_NAME, 0, 0, 0, 0, 0, 3];
        out.extend_from_slice(&(extra.len() as u16).to_le_bytes());
        out.extend_from_slice(&extra);
        out.extend_from_slice(b"test.dict\0");
        out.extend_from_slice(&data);
        // The gzip trailer: CRC-32 and length (not read by chunk access).
        let mut crc = flate2::Crc::new();
        crc.update(text);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out
    }

    /// Plain gzip, as `gzip` writes it.
    pub(crate) fn gzip(text: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(text).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn base64_numbers() {
        assert_eq!(base64_number("A"), Some(0));
        assert_eq!(base64_number("B"), Some(1));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("/"), Some(63));
        assert_eq!(base64_number("C1"), Some(2 * 64 + 53));
        assert_eq!(base64_number("a-"), None);
        assert_eq!(base64_number(""), None);
        let (head, span) = index_line("haus\tBA\tC").unwrap();
        assert_eq!((head, span.offset, span.len), ("haus", 64, 2));
        assert!(index_line("haus\tBA").is_none());
    }

    #[test]
    fn reads_spans_across_chunks_and_formats() {
        let text: Vec<u8> = (0..5000u32)
            .flat_map(|i| format!("{i} ").into_bytes())
            .collect();
        let spans = [(0, 10), (95, 20), (1000, 3000), (text.len() - 7, 7)];
        for body in [
            Body::new(dictzip(&text, 100)).unwrap(),
            Body::new(gzip(&text)).unwrap(),
            Body::new(text.clone()).unwrap(),
        ] {
            for &(o, l) in &spans {
                let got = body.read(Span {
                    offset: o as u64,
                    len: l,
                });
                assert_eq!(got.as_deref(), Some(&text[o..o + l as usize]), "{o}+{l}");
            }
            let past = Span {
                offset: text.len() as u64 - 2,
                len: 5,
            };
            assert_eq!(body.read(past), None);
        }
        assert!(matches!(
            Body::new(dictzip(&text, 100)).unwrap(),
            Body::Chunked { .. }
        ));
    }

    #[test]
    fn corrupt_bodies_give_nothing() {
        let text = b"abcdefghij".repeat(50);
        let mut z = dictzip(&text, 64);
        let n = z.len();
        for b in &mut z[n - 120..n - 8] {
            *b ^= 0x55;
        }
        let body = Body::new(z).unwrap();
        let span = Span {
            offset: 400,
            len: 50,
        };
        assert_ne!(body.read(span).as_deref(), Some(&text[400..450]));
        assert!(Body::new(vec![0x1f, 0x8b, 8, FLAG_EXTRA]).is_none());
    }
}
