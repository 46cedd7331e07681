//! HTML character references: `&hellip;`, `&#8230;`, `&#x2026;`.
//!
//! The names live in `entities.tsv` (the full WHATWG list) so the table can
//! be checked and extended without touching code.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The longest name in the WHATWG list is 31 characters; looking no further
/// keeps decoding linear on text full of stray ampersands.
const MAX_NAME: usize = 32;

/// Legacy names that browsers also accept without a semicolon. Only the
/// common ones: a longer list would eat query strings such as `?a=1&copy=2`.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 meanings of `&#128;`…`&#159;`, which HTML maps this way
/// because pages written in that code page used them for quotes and dashes.
const C1_REMAP: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

fn table() -> &'static HashMap<&'static str, String> {
    static TABLE: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (file, text) = crate::data::ENTITIES;
        crate::data::valid(crate::data::format::entities(file, text))
            .into_iter()
            .collect()
    })
}

/// The text a named reference stands for (`"hellip"` → `"…"`).
pub fn named(name: &str) -> Option<&'static str> {
    table().get(name).map(String::as_str)
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`). Returns the text it stands for and how many bytes it used, or
/// `None` when `s` does not start with a reference (a bare `&`).
pub fn decode_at(s: &str) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() != Some(&b'&') {
        return None;
    }
    if bytes.get(1) == Some(&b'#') {
        return numeric(s);
    }
    let name_len = bytes[1..]
        .iter()
        .take(MAX_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    if bytes.get(1 + name_len) == Some(&b';') {
        return named(name).map(|t| (Decoded::Str(t), name_len + 2));
    }
    // Without a semicolon only the legacy names count, and not when an `=`
    // follows (an attribute value or a query string).
    if LEGACY_NO_SEMICOLON.contains(&name) && bytes.get(1 + name_len) != Some(&b'=') {
        return named(name).map(|t| (Decoded::Str(t), name_len + 1));
    }
    None
}

fn numeric(s: &str) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
    let digits_start = if hex { 3 } else { 2 };
    let digits = bytes[digits_start..]
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let mut end = digits_start + digits;
    if bytes.get(end) == Some(&b';') {
        end += 1;
    }
    let text = &s[digits_start..digits_start + digits];
    // Overlong numbers are clamped rather than parsed, so they stay cheap
    // and end up as the replacement character like any invalid value.
    let value = if digits > 8 {
        u32::MAX
    } else {
        u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX)
    };
    let ch = match value {
        0x80..=0x9F => C1_REMAP[(value - 0x80) as usize],
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    Some((Decoded::Char(ch), end))
}

/// What a character reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoded {
    /// One character (numeric references).
    Char(char),
    /// One or two characters (named references).
    Str(&'static str),
}

impl Decoded {
    /// Appends the decoded text to `out`.
    pub fn push_to(self, out: &mut String) {
        match self {
            Decoded::Char(c) => out.push(c),
            Decoded::Str(s) => out.push_str(s),
        }
    }

    /// Whether the text is white space only (`&#10;`, `&#32;`).
    pub fn is_whitespace(self) -> bool {
        match self {
            Decoded::Char(c) => super::builder::is_folded_space(c),
            Decoded::Str(s) => s.chars().all(super::builder::is_folded_space),
        }
    }
}

/// Decodes every reference in `s` (where no offset map is needed).
#[cfg(test)]
pub fn decode_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match decode_at(rest) {
            Some((d, used)) => {
                d.push_to(&mut out);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_html4_and_html5_names() {
        assert!(table().len() > 2000);
        for (name, text) in [
            ("hellip", "…"),
            ("nbsp", "\u{a0}"),
            ("bdquo", "„"),
            ("ldquo", "“"),
            ("laquo", "«"),
            ("eacute", "é"),
            ("Omega", "Ω"),
            ("apos", "'"),
            ("mdash", "—"),
            ("euro", "€"),
        ] {
            assert_eq!(named(name), Some(text), "{name}");
        }
    }

    #[test]
    fn numeric_references_decimal_and_hex() {
        assert_eq!(decode_all("a&#8230;b&#x2026;c&#X2026;"), "a…b…c…");
        assert_eq!(decode_at("&#x1F;"), Some((Decoded::Char('\u{1f}'), 6)));
        assert_eq!(decode_at("&#123;"), Some((Decoded::Char('{'), 6)));
    }

    #[test]
    fn c1_numbers_mean_windows_1252_and_bad_values_replace() {
        assert_eq!(decode_all("&#150;&#147;x&#148;"), "–“x”");
        assert_eq!(
            decode_all("&#0;&#xD800;&#99999999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn bare_ampersands_and_unknown_names_stay() {
        assert_eq!(
            decode_all("AT&T & co &nosuch; &#; &#x;"),
            "AT&T & co &nosuch; &#; &#x;"
        );
        assert_eq!(decode_all("?a=1&copy=2"), "?a=1&copy=2");
        assert_eq!(
            decode_all("Tom &amp Jerry &copy 2020"),
            "Tom & Jerry © 2020"
        );
    }

    #[test]
    fn two_code_point_names() {
        assert_eq!(decode_all("&fjlig;"), "fj");
    }
}
