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
//! Each translation's stem (in the translations' language, by
//! [`Stemmer::stem`]) is compiled too, as the id of a table of the
//! dictionary's distinct stems: the aligner matches translations to the
//! other side's words by stem, and stemming and interning thousands of
//! translations per check cost more than looking them up
//! ([`Compiled::each_stem_id`], [`Compiled::stem_id`]).
//!
//! Layout (little-endian): the magic `TADICT` and two bytes of format
//! version; the parser version (u32); index entries (u32); headwords
//! (u32); stems (u32); stem ids (u32); blob length (u32); the stemmer's
//! fingerprint (u64); the stamp (32 bytes); then the headwords' index
//! (where each bucket of hashes starts, [`INDEX_BYTES`]) and per
//! headword, sorted by hash, its hash (u64), blob offset and length,
//! stem ids offset and count (u32 each); the stems' index and per stem,
//! sorted by hash then text (its id is its place), its hash (u64), blob
//! offset and length (u32 each); the stem ids, one per translation in
//! order (u32 each); then the blob, each record
//! `headword\ttranslation\ttranslation…`, then each stem.

use std::borrow::Cow;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::path::Path;

use super::morphology::Stemmer;
use crate::align::learn::IntHasher;

const MAGIC: &[u8; 8] = b"TADICT\x00\x02";
/// The cache file's extension, with the format version of [`MAGIC`]: the
/// builds of another format that share the folder keep their own files,
/// rather than each compiling the dictionary again over the other's.
pub const FILE_EXTENSION: &str = "2.tadict";
/// Bump when parsing gives different translations for the same entry, or
/// when the stemmer's code (not only its tables, which
/// `Stemmer::fingerprint` covers) gives other stems: the stem ids are read
/// from the file.
const PARSER_VERSION: u32 = 1;
/// Where the stamp starts: after the magic, six 32-bit fields (the parser
/// version and five counts) and the stemmer's fingerprint.
const STAMP_AT: usize = 8 + 4 * 6 + 8;
const HEADER: usize = STAMP_AT + STAMP;
const STAMP: usize = 32;
/// Bytes per headword row: hash, blob offset and length, stem ids offset
/// and count.
const ROW: usize = 24;
/// Bytes per stem row: hash, blob offset and length.
const STEM_ROW: usize = 16;

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
    /// The headwords' rows and the stems' rows.
    heads: Rows,
    stems: Rows,
    /// Where the stem ids and the blob start in `bytes`.
    ids_at: usize,
    blob_at: usize,
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

/// Bits of a hash that pick its bucket in a table's index of rows: 2^18
/// buckets, about one or two of the 300,000-odd single-word headwords of
/// `freedict-deu-eng` or `freedict-eng-deu` each (a 1 MB index per table;
/// at 2^16 buckets the halvings within a bucket cost 0.03 M instructions
/// more in the seed check).
const BUCKET_BITS: u32 = 18;
/// Bytes of a table's index: where each bucket's rows start, and where
/// the last one's end (u32 each). A look-up searches its bucket's rows,
/// not the whole table: the seventeen to nineteen halvings of a binary
/// search over either table cost more than the rest of a look-up.
const INDEX_BYTES: usize = ((1 << BUCKET_BITS) + 1) * 4;

/// The index of rows sorted by hash, their hash first: for each bucket
/// (the hash's top [`BUCKET_BITS`] bits) the first row in it, and one more
/// entry, the number of rows.
fn index_of(hashes: impl Iterator<Item = u64>, rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(INDEX_BYTES);
    let mut bucket = 0;
    for (r, h) in hashes.enumerate() {
        let b = (h >> (64 - BUCKET_BITS)) as usize;
        while bucket <= b {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            bucket += 1;
        }
    }
    while out.len() < INDEX_BYTES {
        out.extend_from_slice(&(rows as u32).to_le_bytes());
    }
    out
}

/// A table of a compiled file: its index ([`INDEX_BYTES`]) from
/// `index_at`, then `count` rows of `size` bytes, sorted by their leading
/// hash.
#[derive(Debug, Clone, Copy)]
struct Rows {
    index_at: usize,
    count: usize,
    size: usize,
}

impl Rows {
    /// Where row `r` starts.
    fn at(&self, r: usize) -> usize {
        self.index_at + INDEX_BYTES + r * self.size
    }

    /// Where the table ends.
    fn end(&self) -> Option<usize> {
        self.index_at
            .checked_add(INDEX_BYTES)?
            .checked_add(self.count.checked_mul(self.size)?)
    }

    /// The rows hashed `h`, as a range.
    fn of(&self, bytes: &[u8], h: u64) -> std::ops::Range<usize> {
        let b = (h >> (64 - BUCKET_BITS)) as usize;
        let bound = |k: usize| (u32_at(bytes, self.index_at + 4 * k) as usize).min(self.count);
        let (mut lo, end) = (bound(b), bound(b + 1));
        let mut hi = end;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if u64_at(bytes, self.at(mid)) < h {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut last = lo;
        while last < end && u64_at(bytes, self.at(last)) == h {
            last += 1;
        }
        lo..last
    }
}

impl Compiled {
    /// Compiles headwords and their translations (several records of one
    /// headword are merged); `entries` is the source's index size,
    /// `stemmer` that of the translations' language.
    pub fn build(
        records: impl IntoIterator<Item = (String, Vec<String>)>,
        entries: usize,
        stamp: &Stamp,
        stemmer: &Stemmer,
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
        // The distinct stems, sorted by hash then text: a stem's id is its
        // place.
        let mut stems: Vec<(u64, &str)> = rows
            .iter()
            .flat_map(|(_, _, t)| t.iter().map(|t| stemmer.stem(t)))
            .map(|s| (key_hash(s), s))
            .collect();
        stems.sort_unstable();
        stems.dedup();
        let id_of = |stem: &str| {
            let key = (key_hash(stem), stem);
            stems.binary_search(&key).unwrap_or_default() as u32
        };
        let mut blob = Vec::new();
        let mut ids: Vec<u8> = Vec::new();
        let mut table = index_of(rows.iter().map(|r| r.0), rows.len());
        for (hash, head, translations) in &rows {
            let start = blob.len();
            let first_id = ids.len() / 4;
            blob.extend_from_slice(head.as_bytes());
            for t in translations {
                blob.push(b'\t');
                blob.extend_from_slice(t.as_bytes());
                ids.extend_from_slice(&id_of(stemmer.stem(t)).to_le_bytes());
            }
            table.extend_from_slice(&hash.to_le_bytes());
            table.extend_from_slice(&(start as u32).to_le_bytes());
            table.extend_from_slice(&((blob.len() - start) as u32).to_le_bytes());
            table.extend_from_slice(&(first_id as u32).to_le_bytes());
            table.extend_from_slice(&(translations.len() as u32).to_le_bytes());
        }
        table.extend(index_of(stems.iter().map(|s| s.0), stems.len()));
        for &(hash, stem) in &stems {
            table.extend_from_slice(&hash.to_le_bytes());
            table.extend_from_slice(&(blob.len() as u32).to_le_bytes());
            table.extend_from_slice(&(stem.len() as u32).to_le_bytes());
            blob.extend_from_slice(stem.as_bytes());
        }
        let mut bytes = Vec::with_capacity(HEADER + table.len() + ids.len() + blob.len());
        bytes.extend_from_slice(MAGIC);
        for count in [
            PARSER_VERSION as usize,
            entries,
            rows.len(),
            stems.len(),
            ids.len() / 4,
            blob.len(),
        ] {
            bytes.extend_from_slice(&(count as u32).to_le_bytes());
        }
        bytes.extend_from_slice(&stemmer.fingerprint().to_le_bytes());
        bytes.extend_from_slice(stamp);
        bytes.extend_from_slice(&table);
        bytes.extend_from_slice(&ids);
        bytes.extend_from_slice(&blob);
        Compiled::from_bytes(bytes, stamp, stemmer).expect("a file just compiled is whole")
    }

    /// A compiled dictionary from a cache file's bytes, when they are whole,
    /// of this parser version, made from files with `stamp` and with the
    /// stems of `stemmer`.
    pub fn from_bytes(bytes: Vec<u8>, stamp: &Stamp, stemmer: &Stemmer) -> Option<Compiled> {
        if bytes.len() < HEADER
            || &bytes[..8] != MAGIC
            || u32_at(&bytes, 8) != PARSER_VERSION
            || u64_at(&bytes, STAMP_AT - 8) != stemmer.fingerprint()
            || &bytes[STAMP_AT..HEADER] != stamp
        {
            return None;
        }
        let count = |k: usize| u32_at(&bytes, 12 + 4 * k) as usize;
        let (entries, rows, stems, ids, blob_len) =
            (count(0), count(1), count(2), count(3), count(4));
        let heads = Rows {
            index_at: HEADER,
            count: rows,
            size: ROW,
        };
        let stems = Rows {
            index_at: heads.end()?,
            count: stems,
            size: STEM_ROW,
        };
        let ids_at = stems.end()?;
        let blob_at = ids_at.checked_add(ids.checked_mul(4)?)?;
        // A truncated or padded file is refused here. Each record is
        // checked as it is looked up (bounds, UTF-8): reading every row
        // here cost as much as a check's look-ups.
        if blob_at.checked_add(blob_len)? != bytes.len() {
            return None;
        }
        Some(Compiled {
            bytes,
            heads,
            stems,
            ids_at,
            blob_at,
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

    /// The blob's bytes from `start` for `len` bytes; none where they do
    /// not lie in the file (a damaged file).
    fn blob(&self, start: u32, len: u32) -> &[u8] {
        let start = self.blob_at + start as usize;
        start
            .checked_add(len as usize)
            .and_then(|end| self.bytes.get(start..end))
            .unwrap_or_default()
    }

    /// Calls `f` with the row and record of each headword row of
    /// `folded`'s hash.
    fn each_row<'c>(&'c self, folded: &str, mut f: impl FnMut(usize, &'c [u8])) {
        for r in self.heads.of(&self.bytes, key_hash(folded)) {
            let at = self.heads.at(r);
            let (start, len) = (u32_at(&self.bytes, at + 8), u32_at(&self.bytes, at + 12));
            f(at, self.blob(start, len));
        }
    }

    /// Calls `f` with each translation of a folded headword in order, a
    /// slice of the file's bytes; returns how many (no list is made: the
    /// aligner takes each at once).
    pub fn each_translation<'c>(&'c self, folded: &str, mut f: impl FnMut(&'c str)) -> usize {
        let mut count = 0;
        self.each_row(folded, |_, record| {
            // A record that is not UTF-8 (a damaged file) gives nothing.
            let record = std::str::from_utf8(record).unwrap_or_default();
            for t in record_translations(record, folded) {
                f(t);
                count += 1;
            }
        });
        count
    }

    /// Calls `f` with the stem id of each of [`Compiled::each_translation`]
    /// in order; returns how many. The ids are the places of the stems in
    /// this dictionary's table ([`Compiled::stem_id`]).
    pub fn each_stem_id(&self, folded: &str, mut f: impl FnMut(u32)) -> usize {
        let mut count = 0;
        self.each_row(folded, |at, record| {
            // Only a record of this headword gives its ids, one per
            // translation (a record is written with at least one). Its
            // headword is compared as bytes: the ids do not depend on the
            // rest of its text being whole.
            let head =
                record.get(folded.len()) == Some(&b'\t') && record.starts_with(folded.as_bytes());
            let (first, len) = (
                u32_at(&self.bytes, at + 16) as usize,
                u32_at(&self.bytes, at + 20) as usize,
            );
            if !head || first.saturating_add(len).saturating_mul(4) > self.blob_at - self.ids_at {
                return;
            }
            for k in first..first + len {
                f(u32_at(&self.bytes, self.ids_at + 4 * k));
            }
            count += len;
        });
        count
    }

    /// The id of a stem in this dictionary's table: `None` when no
    /// translation has it.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stems
            .of(&self.bytes, key_hash(stem))
            .find(|&r| {
                let at = self.stems.at(r);
                let (start, len) = (u32_at(&self.bytes, at + 8), u32_at(&self.bytes, at + 12));
                self.blob(start, len) == stem.as_bytes()
            })
            .map(|r| r as u32)
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
            &Stemmer::new("fra"),
        )
    }

    #[test]
    fn round_trip_and_lookup() {
        let stamp = [3u8; STAMP];
        let c = sample(&stamp);
        assert_eq!(c.lookup("haus"), ["maison", "famille"]);
        assert_eq!(c.lookup("gehen"), ["aller"]);
        assert!(c.lookup("leer").is_empty());
        let back = Compiled::from_bytes(c.bytes().to_vec(), &stamp, &Stemmer::new("fra")).unwrap();
        assert_eq!(back.lookup("haus"), ["maison", "famille"]);
        assert_eq!(back.entries, 7);
    }

    #[test]
    fn stale_or_damaged_files_are_refused() {
        let stamp = [3u8; STAMP];
        let bytes = sample(&stamp).bytes().to_vec();
        let fra = Stemmer::new("fra");
        assert!(Compiled::from_bytes(bytes.clone(), &stamp, &fra).is_some());
        assert!(Compiled::from_bytes(bytes.clone(), &[4u8; STAMP], &fra).is_none());
        assert!(Compiled::from_bytes(bytes[..bytes.len() - 3].to_vec(), &stamp, &fra).is_none());
        assert!(Compiled::from_bytes(bytes[..HEADER + 5].to_vec(), &stamp, &fra).is_none());
        let mut other = bytes.clone();
        other[8] ^= 1;
        assert!(Compiled::from_bytes(other, &stamp, &fra).is_none());
        // Stems of another stemmer are not these.
        assert!(Compiled::from_bytes(bytes, &stamp, &Stemmer::new("deu")).is_none());
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
        let damaged = Compiled::from_bytes(bytes, &stamp, &Stemmer::new("fra")).unwrap();
        assert!(damaged.lookup("haus").is_empty());
        assert_eq!(damaged.lookup("gehen"), ["aller"]);
    }

    #[test]
    fn a_record_outside_the_file_gives_nothing() {
        let stamp = [3u8; STAMP];
        let whole = sample(&stamp);
        let mut bytes = whole.bytes().to_vec();
        // The first row points past the end of the file.
        let first = whole.heads.at(0);
        let (damaged, kept) = if u64_at(&bytes, first) == key_hash("gehen") {
            ("gehen", "haus")
        } else {
            ("haus", "gehen")
        };
        bytes[first + 8..first + 12].copy_from_slice(&u32::MAX.to_le_bytes());
        let opened =
            Compiled::from_bytes(bytes, &stamp, &Stemmer::new("fra")).expect("the file is whole");
        assert!(opened.lookup(damaged).is_empty());
        assert_eq!(opened.lookup(kept), whole.lookup(kept));
        assert!(!whole.lookup(kept).is_empty());
    }

    #[test]
    fn translations_stems_are_numbered_in_the_stem_table() {
        let fra = Stemmer::new("fra");
        let c = sample(&[3u8; STAMP]);
        for head in ["haus", "gehen", "leer", "katze"] {
            let mut ids = Vec::new();
            assert_eq!(c.each_stem_id(head, |id| ids.push(Some(id))), ids.len());
            let stems: Vec<Option<u32>> = c
                .lookup(head)
                .iter()
                .map(|t| c.stem_id(fra.stem(t)))
                .collect();
            assert_eq!(ids, stems, "{head}");
            assert!(ids.iter().all(Option::is_some), "{head}");
        }
        // Inflected forms meet at their stem; a stem no translation has
        // is not numbered.
        assert_eq!(c.stem_id(fra.stem("familles")), c.stem_id("famill"));
        assert!(c.stem_id("famill").is_some());
        assert_ne!(c.stem_id("famill"), c.stem_id("maison"));
        assert_eq!(c.stem_id("chien"), None);
    }

    #[test]
    fn every_headword_and_stem_is_found_through_the_index() {
        // Rows in buckets of every kind: alone, shared, after empty ones.
        let n = 20_000;
        let records = (0..n).map(|i| (format!("w{i}"), vec![format!("t{}", i / 2)]));
        let c = Compiled::build(records, n, &[1u8; STAMP], &Stemmer::new("eng"));
        for i in (0..n).step_by(97).chain([0, n - 1]) {
            let head = format!("w{i}");
            assert_eq!(c.lookup(&head), [format!("t{}", i / 2)], "{head}");
            let mut ids = Vec::new();
            c.each_stem_id(&head, |id| ids.push(id));
            assert_eq!(ids, [c.stem_id(&format!("t{}", i / 2)).unwrap()], "{head}");
        }
        assert!(c.lookup(&format!("w{n}")).is_empty());
        assert_eq!(c.stem_id(&format!("t{n}")), None);
        // Each stem has its own id.
        let ids: std::collections::HashSet<u32> = (0..n / 2)
            .step_by(89)
            .map(|i| c.stem_id(&format!("t{i}")).unwrap())
            .collect();
        assert_eq!(ids.len(), (0..n / 2).step_by(89).count());
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
