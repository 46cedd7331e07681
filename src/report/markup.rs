//! Escaping text for the markup reports, HTML pages and JUnit XML: the
//! crate's one escaper, so the two cannot drift apart.

/// Which markup escaped text goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Html,
    Xml,
}

/// Escapes text for HTML element content and quoted attribute values.
/// Control characters other than tab and newline become U+FFFD.
pub(crate) fn html(s: &str) -> String {
    escape(s, Markup::Html)
}

/// Escapes text for XML content and attribute values. Characters XML 1.0
/// cannot carry at all (most control characters, U+FFFE and U+FFFF)
/// become U+FFFD; tab, newline and carriage return stay.
pub(crate) fn xml(s: &str) -> String {
    escape(s, Markup::Xml)
}

/// `& < > " '` become references (`'` as `&#39;` in HTML, `&apos;` in
/// XML); control characters become U+FFFD except tab and newline, and in
/// XML carriage return; in XML the noncharacters U+FFFE and U+FFFF also
/// become U+FFFD.
fn escape(s: &str, markup: Markup) -> String {
    let xml = markup == Markup::Xml;
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Runs of characters kept as they are are copied whole (a report
    // escapes every sentence of both documents). The text is read byte
    // by byte: every character replaced is ASCII, a C1 control (0xC2
    // 0x80..=0x9F in UTF-8) or, in XML, U+FFFE / U+FFFF (0xEF 0xBF
    // 0xBE / 0xBF), and no other character's bytes look like these.
    let bytes = s.as_bytes();
    let mut kept = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (replacement, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' if xml => ("&apos;", 1),
            b'\'' => ("&#39;", 1),
            b'\t' | b'\n' => {
                at += 1;
                continue;
            }
            b'\r' if xml => {
                at += 1;
                continue;
            }
            0..=0x1F | 0x7F => ("\u{FFFD}", 1),
            0xC2 if matches!(bytes.get(at + 1), Some(0x80..=0x9F)) => ("\u{FFFD}", 2),
            0xEF if xml
                && bytes.get(at + 1) == Some(&0xBF)
                && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
            {
                ("\u{FFFD}", 3)
            }
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&s[kept..at]);
        out.push_str(replacement);
        at += len;
        kept = at;
    }
    out.push_str(&s[kept..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_neutralises_markup_and_quotes() {
        assert_eq!(
            html("\"><svg onload=alert(1)>'&\u{0}"),
            "&quot;&gt;&lt;svg onload=alert(1)&gt;&#39;&amp;\u{FFFD}"
        );
        assert_eq!(html("a\tb\nc\rd\u{FFFE}"), "a\tb\nc\u{FFFD}d\u{FFFE}");
    }

    #[test]
    fn xml_escapes_markup_quotes_and_controls() {
        assert_eq!(
            xml("<a href=\"x\">&'\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}"
        );
        assert_eq!(xml("a\tb\nc\rd\u{FFFE}"), "a\tb\nc\rd\u{FFFD}");
    }

    #[test]
    fn escaping_byte_by_byte_is_escaping_char_by_char() {
        // The character by character escaper this one replaced.
        fn by_chars(s: &str, xml: bool) -> String {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' if xml => out.push_str("&apos;"),
                    '\'' => out.push_str("&#39;"),
                    '\t' | '\n' => out.push(c),
                    '\r' if xml => out.push(c),
                    '\u{FFFE}' | '\u{FFFF}' if xml => out.push('\u{FFFD}'),
                    c if c.is_control() => out.push('\u{FFFD}'),
                    c => out.push(c),
                }
            }
            out
        }
        // Every character below U+0800 and around the noncharacters, then
        // some of every length in UTF-8.
        let mut all: String = (0u32..0x800).filter_map(char::from_u32).collect();
        all.extend((0xFFF0u32..=0xFFFF).filter_map(char::from_u32));
        all.push_str("Größe «x» 日本語 \u{10FFFF}\u{1F600} \u{FFBE}\u{EFBF}");
        assert_eq!(html(&all), by_chars(&all, false));
        assert_eq!(xml(&all), by_chars(&all, true));
    }

    #[test]
    fn text_around_escapes_is_kept_whole() {
        // Runs of kept characters, multi-byte ones among them, are copied
        // between the replacements (a C1 control is replaced too).
        assert_eq!(html("Größe\u{85}<Ü&»x«"), "Größe\u{FFFD}&lt;Ü&amp;»x«");
        assert_eq!(html(""), "");
        assert_eq!(xml("'é'"), "&apos;é&apos;");
    }
}
