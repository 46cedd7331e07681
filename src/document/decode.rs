//! Reading bytes within a size limit, and decoding them to text.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use crate::error::{Error, Result};

/// Reads a file (or standard input for `-`), refusing more than `limit`
/// bytes without reading the rest.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if super::is_stdin(path) {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(Error::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        if meta.is_file() && meta.len() > limit {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit,
            });
        }
        open(path, &meta)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::TimedOut => Error::NoWriter {
                    path: path.to_path_buf(),
                    waited: FIFO_WAIT.as_secs(),
                },
                _ => io(e),
            })?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// How long to wait for a writer to open a named pipe given as a file.
/// Opening a FIFO blocks until someone writes to it; a pipeline that names
/// a FIFO nobody feeds would otherwise hang for ever. Process substitution
/// (`<(cmd)`) is not affected: its writer is already there.
pub const FIFO_WAIT: Duration = Duration::from_secs(10);

/// Opens a file; a named pipe only if a writer turns up within
/// [`FIFO_WAIT`] (else an error of kind `TimedOut`).
fn open(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if meta.file_type().is_fifo() {
            return open_fifo(path);
        }
    }
    let _ = meta;
    File::open(path)
}

/// Opens a FIFO for reading in a helper thread, since the standard library
/// offers no non-blocking open. When no writer comes, this side opens the
/// pipe for writing itself, which releases the waiting thread (it then
/// reads an empty pipe), so no thread is left blocked.
#[cfg(unix)]
fn open_fifo(path: &Path) -> std::io::Result<File> {
    let (tx, rx) = std::sync::mpsc::channel();
    let owned = path.to_path_buf();
    let reader = std::thread::spawn(move || {
        let _ = tx.send(File::open(owned));
    });
    match rx.recv_timeout(FIFO_WAIT) {
        Ok(opened) => {
            let _ = reader.join();
            opened
        }
        Err(_) => {
            // Opening for writing succeeds at once: a reader is waiting.
            let releaser = std::fs::OpenOptions::new().write(true).open(path);
            drop(releaser);
            let _ = reader.join();
            Err(std::io::Error::from(std::io::ErrorKind::TimedOut))
        }
    }
}

/// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte
/// order mark. Anything else is an error naming the first bad byte.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(path, rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(path, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(path, rest, u16::from_be_bytes);
    }
    utf8(path, bytes, 0)
}

fn utf8(path: &Path, bytes: &[u8], skipped: usize) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset: offset + skipped,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(Error::Encoding {
            path: path.to_path_buf(),
            offset: e.valid_up_to() + skipped,
        }),
    }
}

fn utf16(path: &Path, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    let bad = |offset| Error::Encoding {
        path: path.to_path_buf(),
        offset,
    };
    if bytes.len() % 2 != 0 {
        return Err(bad(bytes.len() + 1));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok('\0') => {
                return Err(Error::Binary {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * i,
                });
            }
            Ok(c) => text.push(c),
            Err(_) => return Err(bad(2 + 2 * i)),
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<String> {
        decode(Path::new("x.txt"), bytes)
    }

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(dec(b"\xEF\xBB\xBFhi").unwrap(), "hi");
    }

    #[test]
    fn decodes_utf16_both_orders() {
        assert_eq!(dec(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert_eq!(dec(b"\xFE\xFF\0h\0i").unwrap(), "hi");
    }

    #[test]
    fn latin1_is_an_error_with_offset() {
        let err = dec(b"caf\xE9 au lait").unwrap_err().to_string();
        assert!(err.contains("x.txt") && err.contains("byte 3"), "{err}");
    }

    #[test]
    fn nul_byte_means_binary() {
        let err = dec(b"ab\0cd").unwrap_err().to_string();
        assert!(err.contains("binary") && err.contains("offset 2"), "{err}");
    }
}
