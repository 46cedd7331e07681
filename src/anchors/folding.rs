//! Folding a word for comparison across languages, on its own so that the
//! build script can fold the given-name list with the same code (it
//! depends on nothing but [`crate::text`]).

/// Folds a word for comparison across languages: lower case, no
/// diacritics, common transliteration variants merged, doubled letters
/// collapsed, a possessive `'s` dropped.
///
/// Every word of every sentence is folded (a hot path), so this works in
/// one buffer: plain letters and digits first, then each replacement in
/// turn (as `str::replace` would, where the pattern occurs), then the
/// letter mapping and the collapsing of doubled letters in place. The
/// patterns and the mapping are ASCII, so working on bytes is working on
/// characters; only the collapsing needs characters when others remain.
pub fn fold(word: &str) -> String {
    let mut buf: Vec<u8> = if word.is_ascii() {
        let bytes = word.as_bytes();
        let end = match bytes.len().checked_sub(2) {
            Some(at) if bytes[at..].eq_ignore_ascii_case(b"'s") => at,
            _ => bytes.len(),
        };
        let mut buf = Vec::with_capacity(end);
        buf.extend(
            bytes[..end]
                .iter()
                .filter(|b| b.is_ascii_alphanumeric())
                .map(u8::to_ascii_lowercase),
        );
        buf
    } else if !word.contains('Σ') {
        // Without a capital sigma (whose lower case depends on what
        // follows), lower case is char by char, and a word ends in "'s"
        // lower-cased exactly when it ends in an apostrophe and s or S.
        let stripped = word
            .strip_suffix(['s', 'S'])
            .and_then(|w| w.strip_suffix(['\'', '’']))
            .unwrap_or(word);
        let mut plain = String::with_capacity(stripped.len() + 4);
        for c in stripped.chars().flat_map(char::to_lowercase) {
            crate::text::fold_char(c, &mut plain);
        }
        plain.retain(char::is_alphanumeric);
        plain.into_bytes()
    } else {
        let lower = word.to_lowercase();
        let stripped = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        let mut plain = String::with_capacity(stripped.len());
        for c in stripped.chars() {
            crate::text::fold_char(c, &mut plain);
        }
        plain.retain(char::is_alphanumeric);
        plain.into_bytes()
    };
    // Most words hold none of the patterns below: one pass tells which
    // of their first two letters occur. A replacement can bring letters
    // together that were apart, but among the patterns only "tsch" -> "ch"
    // makes one that follows it ("sch"); so a pattern whose first two
    // letters do not occur (nor "ts", for "sch") cannot occur when its
    // turn comes, and its pass is skipped.
    let mut seen = 0u8;
    for w in buf.windows(2) {
        seen |= match (w[0], w[1]) {
            (b'a', b'e') => 1,
            (b'o', b'e') => 2,
            (b'u', b'e') => 4,
            (b't', b's') => 8 | 16,
            (b's', b'c') => 16,
            (b'p', b'h') => 32,
            (b'i', b'e') => 64,
            (b'k', b'h') => 128,
            _ => 0,
        };
    }
    // Umlauts written as ae/oe/ue fold to the plain vowel, as do the
    // transliteration variants below, so both spellings meet.
    const REPLACEMENTS: [(u8, &[u8], &[u8]); 8] = [
        (1, b"ae", b"a"),
        (2, b"oe", b"o"),
        (4, b"ue", b"u"),
        (8, b"tsch", b"ch"),
        (16, b"sch", b"sh"),
        (32, b"ph", b"f"),
        (64, b"ie", b"i"),
        (128, b"kh", b"h"),
    ];
    if seen != 0 {
        for (bit, from, to) in REPLACEMENTS {
            if seen & bit != 0 {
                replace_in_place(&mut buf, from, to);
            }
        }
    }
    for b in buf.iter_mut() {
        *b = match *b {
            b'w' => b'v',
            b'y' | b'j' => b'i',
            b'c' | b'q' => b'k',
            b'z' => b's',
            other => other,
        };
    }
    if buf.is_ascii() {
        buf.dedup();
        return String::from_utf8(buf).unwrap_or_default();
    }
    let mapped = String::from_utf8(buf).unwrap_or_default();
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Replaces every occurrence of `from` in `buf` by `to` (not longer),
/// left to right and not overlapping, as `str::replace` does.
fn replace_in_place(buf: &mut Vec<u8>, from: &[u8], to: &[u8]) {
    debug_assert!(to.len() <= from.len());
    let Some(first) = find_bytes(buf, from, 0) else {
        return;
    };
    let mut read = first;
    let mut write = first;
    while read < buf.len() {
        if at(buf, read, from) {
            buf[write..write + to.len()].copy_from_slice(to);
            write += to.len();
            read += from.len();
        } else {
            buf[write] = buf[read];
            write += 1;
            read += 1;
        }
    }
    buf.truncate(write);
}

/// Whether `pattern` occurs in `buf` at `i` (compared byte by byte: the
/// words and patterns are a few bytes, too short for `memcmp`).
fn at(buf: &[u8], i: usize, pattern: &[u8]) -> bool {
    buf.len() - i >= pattern.len() && buf[i..].iter().zip(pattern).all(|(a, b)| a == b)
}

/// The first occurrence of `pattern` (not empty) in `buf` from `from`.
pub(crate) fn find_bytes(buf: &[u8], pattern: &[u8], from: usize) -> Option<usize> {
    let last = buf.len().checked_sub(pattern.len())?;
    (from..=last).find(|&i| buf[i] == pattern[0] && at(buf, i, pattern))
}
