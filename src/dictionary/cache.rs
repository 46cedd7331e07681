//! A dictionary compiled for lookups, and its cache file.
//!
//! Reading a large dictionary directly costs its index on every run
//! (0.2 s for the 520,000 entries of `freedict-deu-eng`) and inflating
//! the body's chunks as words are looked up (0.4 s more for a text).
//! Compiled, a dictionary is a table of folded single-word headwords (by
//! hash) and their translations, which a run reads in one go and searches
//! in place. The cache file is written to a temporary name and renamed, so
//! concurrent runs see either no file or a whole one; it is checked
//! against the sizes and times of the files it was made from and the
//! parser's version, and rebuilt when any differs.
//!
//! Layout (little-endian): the magic `TADICT` and two bytes of format
//! version; the parser version (u32); index entries (u32); headwords
//! (u32); the stamp (32 bytes); then per headword, sorted by hash, its
//! hash (u64), blob offset and length (u32 each); then the blob, each
//! record `headword\ttranslation\ttranslation…`.

use std::borrow::Cow;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::path::Path;

use crate::align::learn::IntHasher;

const MAGIC: &[u8; 8] = b"TADICT\x00\x01";
/// Bump when parsing gives different translations for the same entry.
const PARSER_VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 4 + STAMP;
const STAMP: usize = 32;
const ROW: usize = 16;

/// Sizes and modification times of an index and a body.
pub type Stamp = [u8; STAMP];

/// The stamp of the files a dictionary is read from; `None` when either
/// cannot be examined.
pub fn stamp(index: &Path, body: &Path) -> Option<Stamp> {
    let mut out = [0u8; STAMP];
    for (k, path) in [index, body].into_iter().enumerate() {
        let meta = std::fs::metadata(path).ok()?;
        let time = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos() as u64;
        out[k * 16..k * 16 + 8].copy_from_slice(&meta.len().to_le_bytes());
        out[k * 16 + 8..k * 16 + 16].copy_from_slice(&time.to_le_bytes());
    }
    Some(out)
}

/// The hash a folded headword is filed under.
pub fn key_hash(folded: &str) -> u64 {
    BuildHasherDefault::<IntHasher>::default().hash_one(folded)
}

/// A compiled dictionary: its bytes, searched in place.
#[derive(Debug)]
pub struct Compiled {
    bytes: Vec<u8>,
    rows: usize,
    /// Index entries of the dictionary it was compiled from.
    pub entries: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

impl Compiled {
    /// Compiles headwords and their translations (several records of one
    /// headword are merged); `entries` is the source's index size.
    pub fn build(
        records: impl IntoIterator<Item = (String, Vec<String>)>,
        entries: usize,
        stamp: &Stamp,
    ) -> Compiled {
        let mut merged: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for (head, translations) in records {
            if translations.is_empty() {
                continue;
            }
            let slot = merged.entry(head).or_default();
            for t in translations {
                if !slot.contains(&t) {
                    slot.push(t);
                }
            }
        }
        let mut rows: Vec<(u64, String, Vec<String>)> = merged
            .into_iter()
            .map(|(h, t)| (key_hash(&h), h, t))
            .collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut blob = Vec::new();
        let mut table = Vec::with_capacity(rows.len() * ROW);
        for (hash, head, translations) in &rows {
            let start = blob.len();
            blob.extend_from_slice(head.as_bytes());
            for t in translations {
                blob.push(b'\t');
                blob.extend_from_slice(t.as_bytes());
            }
            table.extend_from_slice(&hash.to_le_bytes());
            table.extend_from_slice(&(start as u32).to_le_bytes());
            table.extend_from_slice(&((blob.len() - start) as u32).to_le_bytes());
        }
        let mut bytes = Vec::with_capacity(HEADER + table.len() + blob.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&PARSER_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(entries as u32).to_le_bytes());
        bytes.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        bytes.extend_from_slice(stamp);
        bytes.extend_from_slice(&table);
        bytes.extend_from_slice(&blob);
        Compiled {
            bytes,
            rows: rows.len(),
            entries,
        }
    }

    /// A compiled dictionary from a cache file's bytes, when they are whole,
    /// of this parser version and made from files with `stamp`.
    pub fn from_bytes(bytes: Vec<u8>, stamp: &Stamp) -> Option<Compiled> {
        if bytes.len() < HEADER
            || &bytes[..8] != MAGIC
            || u32_at(&bytes, 8) != PARSER_VERSION
            || &bytes[20..HEADER] != stamp
        {
            return None;
        }
        let entries = u32_at(&bytes, 12) as usize;
        let rows = u32_at(&bytes, 16) as usize;
        let blob = HEADER.checked_add(rows.checked_mul(ROW)?)?;
        if blob > bytes.len() {
            return None;
        }
        // Records are written in row order, so a whole file's last record
        // ends the blob: a truncated file is refused here. Each record is
        // checked as it is looked up (bounds, UTF-8): reading every row
        // here cost as much as a check's look-ups.
        let blob_len = bytes.len() - blob;
        if let Some(last) = rows.checked_sub(1) {
            let at = HEADER + last * ROW;
            let (start, len) = (
                u32_at(&bytes, at + 8) as usize,
                u32_at(&bytes, at + 12) as usize,
            );
            if start.checked_add(len)? > blob_len {
                return None;
            }
        }
        Some(Compiled {
            bytes,
            rows,
            entries,
        })
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The translations of a folded headword.
    pub fn lookup(&self, folded: &str) -> Vec<String> {
        self.lookup_borrowed(folded)
            .into_iter()
            .map(Cow::into_owned)
            .collect()
    }

    /// [`Compiled::lookup`] without a string per translation: they are
    /// slices of the file's bytes.
    pub fn lookup_borrowed(&self, folded: &str) -> Vec<Cow<'_, str>> {
        let mut out = Vec::new();
        self.each_translation(folded, |t| out.push(Cow::Borrowed(t)));
        out
    }

    /// Calls `f` with each translation of a folded headword in order, a
    /// slice of the file's bytes; returns how many (no list is made: the
    /// aligner takes each at once).
    pub fn each_translation<'c>(&'c self, folded: &str, mut f: impl FnMut(&'c str)) -> usize {
        let h = key_hash(folded);
        let hash_of = |r: usize| u64_at(&self.bytes, HEADER + r * ROW);
        // The first row with this hash.
        let (mut lo, mut hi) = (0, self.rows);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if hash_of(mid) < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let blob = HEADER + self.rows * ROW;
        let mut count = 0;
        for r in lo..self.rows {
            if hash_of(r) != h {
                break;
            }
            let at = HEADER + r * ROW;
            let start = blob + u32_at(&self.bytes, at + 8) as usize;
            let len = u32_at(&self.bytes, at + 12) as usize;
            // Records split at tabs; one outside the file or not UTF-8 (a
            // damaged file) gives nothing.
            let record = start
                .checked_add(len)
                .and_then(|end| self.bytes.get(start..end))
                .and_then(|r| std::str::from_utf8(r).ok())
                .unwrap_or("");
            for t in record_translations(record, folded) {
                f(t);
                count += 1;
            }
        }
        count
    }
}

/// The translations of a record (its tab-separated fields after the
/// first) when its first field is `folded`, else none. Split on the tab
/// byte, which never occurs inside a multi-byte character: the records'
/// fields are a word or two, too short for a `memchr` call per field to
/// pay.
fn record_translations<'r>(record: &'r str, folded: &str) -> impl Iterator<Item = &'r str> {
    let bytes = record.as_bytes();
    let head = bytes.iter().position(|&b| b == b'\t');
    // Where the translations start: a record of its headword alone has
    // none.
    let rest = head
        .filter(|&end| record[..end] == *folded)
        .map(|end| end + 1);
    let mut start = rest;
    let mut at = rest.unwrap_or(bytes.len());
    std::iter::from_fn(move || {
        let from = start?;
        while at < bytes.len() && bytes[at] != b'\t' {
            at += 1;
        }
        let field = &record[from..at];
        start = (at < bytes.len()).then_some(at + 1);
        at += 1;
        Some(field)
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so that readers never see a partial file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn record_fields_are_the_tab_separated_ones() {
        use super::record_translations;
        let split = |record: &str, folded: &str| -> Vec<String> {
            let mut fields = record.split('\t');
            if fields.next() == Some(folded) {
                fields.map(str::to_string).collect()
            } else {
                Vec::new()
            }
        };
        for record in [
            "",
            "haus",
            "haus\t",
            "haus\thouse",
            "haus\thouse\thome",
            "haus\t\thome\t",
            "hausboot\tboat",
            "hau\thouse",
            "straße\tstreet\tröad",
            "\thouse",
        ] {
            for folded in ["haus", "straße", ""] {
                let ours: Vec<String> = record_translations(record, folded)
                    .map(str::to_string)
                    .collect();
                assert_eq!(ours, split(record, folded), "{record:?} {folded:?}");
            }
        }
    }

    use super::*;

    fn sample(stamp: &Stamp) -> Compiled {
        Compiled::build(
            [
                ("haus".to_string(), vec!["maison".to_string()]),
                ("gehen".to_string(), vec!["aller".to_string()]),
                (
                    "haus".to_string(),
                    vec!["famille".to_string(), "maison".to_string()],
                ),
                ("leer".to_string(), vec![]),
            ],
            7,
            stamp,
        )
    }

    #[test]
    fn round_trip_and_lookup() {
        let stamp = [3u8; STAMP];
        let c = sample(&stamp);
        assert_eq!(c.lookup("haus"), ["maison", "famille"]);
        assert_eq!(c.lookup("gehen"), ["aller"]);
        assert!(c.lookup("leer").is_empty());
        let back = Compiled::from_bytes(c.bytes().to_vec(), &stamp).unwrap();
        assert_eq!(back.lookup("haus"), ["maison", "famille"]);
        assert_eq!(back.entries, 7);
    }

    #[test]
    fn stale_or_damaged_files_are_refused() {
        let stamp = [3u8; STAMP];
        let bytes = sample(&stamp).bytes().to_vec();
        assert!(Compiled::from_bytes(bytes.clone(), &[4u8; STAMP]).is_none());
        assert!(Compiled::from_bytes(bytes[..bytes.len() - 3].to_vec(), &stamp).is_none());
        assert!(Compiled::from_bytes(bytes[..HEADER + 5].to_vec(), &stamp).is_none());
        let mut other = bytes.clone();
        other[8] ^= 1;
        assert!(Compiled::from_bytes(other, &stamp).is_none());
    }

    #[test]
    fn a_record_that_is_not_utf8_gives_nothing() {
        let stamp = [3u8; STAMP];
        let mut bytes = sample(&stamp).bytes().to_vec();
        let at = bytes
            .windows(6)
            .position(|w| w == b"maison")
            .expect("the sample holds maison");
        bytes[at] = 0xFF;
        let damaged = Compiled::from_bytes(bytes, &stamp).unwrap();
        assert!(damaged.lookup("haus").is_empty());
        assert_eq!(damaged.lookup("gehen"), ["aller"]);
    }

    #[test]
    fn a_record_outside_the_file_gives_nothing() {
        let stamp = [3u8; STAMP];
        let whole = sample(&stamp);
        let mut bytes = whole.bytes().to_vec();
        // The first row points past the end of the file (the last one,
        // which ends the blob, is checked on opening).
        let (damaged, kept) = if u64_at(&bytes, HEADER) == key_hash("gehen") {
            ("gehen", "haus")
        } else {
            ("haus", "gehen")
        };
        bytes[HEADER + 8..HEADER + 12].copy_from_slice(&u32::MAX.to_le_bytes());
        let opened = Compiled::from_bytes(bytes, &stamp).expect("the last row is whole");
        assert!(opened.lookup(damaged).is_empty());
        assert_eq!(opened.lookup(kept), whole.lookup(kept));
        assert!(!whole.lookup(kept).is_empty());
    }

    #[test]
    fn writes_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.tadict");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}
