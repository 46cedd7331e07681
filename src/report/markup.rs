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
}
