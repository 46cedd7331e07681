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
    // escapes every sentence of both documents).
    let mut kept = 0;
    for (at, c) in s.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' if xml => "&apos;",
            '\'' => "&#39;",
            '\t' | '\n' => continue,
            '\r' if xml => continue,
            '\u{FFFE}' | '\u{FFFF}' if xml => "\u{FFFD}",
            c if c.is_control() => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[kept..at]);
        out.push_str(replacement);
        kept = at + c.len_utf8();
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
    fn text_around_escapes_is_kept_whole() {
        // Runs of kept characters, multi-byte ones among them, are copied
        // between the replacements (a C1 control is replaced too).
        assert_eq!(html("Größe\u{85}<Ü&»x«"), "Größe\u{FFFD}&lt;Ü&amp;»x«");
        assert_eq!(html(""), "");
        assert_eq!(xml("'é'"), "&apos;é&apos;");
    }
}
