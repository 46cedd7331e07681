//! What a paragraph is for: running text, a heading, an advertisement
//! marker or site boilerplate. Decided from structure first (block kind,
//! length, punctuation, links) and from the marker lists second, so it
//! works in languages the lists do not cover.

use crate::anchors;
use crate::document::{BlockKind, Paragraph};

/// The role of a paragraph in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Running text.
    Content,
    /// A heading or a short heading-like line.
    Heading,
    /// An advertisement marker ("Anzeige", "Advertisement").
    Ad,
    /// Site boilerplate: source lines, link-only lines, promotion.
    Boilerplate,
}

/// Whether a word looks like a URL or a domain name (`n-ag.de`).
fn is_link_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '<'
                | '>'
                | '*'
                | '_'
                | '"'
                | '\''
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | ','
                | ';'
        )
    });
    if w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") {
        return true;
    }
    let w = w.trim_end_matches(['.', ':', '/']);
    // A domain has a dot (most words have none: no need to split them).
    if !w.contains('.') {
        return false;
    }
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && parts.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
        && parts[0].chars().any(|c| c.is_alphabetic())
}

/// Markdown link syntax or bare URLs removed, so "[a](b)" reads as "a".
fn without_link_targets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i]);
        match rest[i..].find(')') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace(['[', '*', '_', '#'], "")
}

/// Bytes beyond which a block is too long to be a marker, a line of
/// boilerplate or a heading.
const LONG: usize = 4096;

/// Classifies a paragraph of a translation or an original.
pub fn role(paragraph: &Paragraph) -> Role {
    role_of_text(&paragraph.text, paragraph.kind)
}

/// Classifies a paragraph's text given its block kind.
pub fn role_of_text(text: &str, kind: BlockKind) -> Role {
    let trimmed = text.trim();
    // Markers, boilerplate lines and headings are short: a long block is
    // content unless it is a list of links. One pass, no copies, so that a
    // megabyte paragraph costs what reading it costs.
    if trimmed.len() > LONG {
        if kind == BlockKind::Separator || !trimmed.chars().any(char::is_alphabetic) {
            return Role::Boilerplate;
        }
        let (mut words, mut links) = (0usize, 0usize);
        for w in trimmed.split_whitespace() {
            words += 1;
            links += usize::from(is_link_word(w));
        }
        if links * 2 >= words {
            return Role::Boilerplate;
        }
        if kind == BlockKind::Heading || trimmed.starts_with('#') {
            return Role::Heading;
        }
        return Role::Content;
    }
    let plain = without_link_targets(trimmed);
    let plain = plain.trim();
    let words: Vec<&str> = plain.split_whitespace().collect();
    let letters = plain.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || kind == BlockKind::Separator {
        return Role::Boilerplate;
    }
    if anchors::is_ad_marker(plain) {
        return Role::Ad;
    }
    let link_words = words.iter().filter(|w| is_link_word(w)).count();
    let has_link = trimmed.contains("](") || link_words > 0;
    if has_link && (words.len() <= 8 || link_words * 2 >= words.len()) {
        return Role::Boilerplate;
    }
    // Lower case char by char differs from `str::to_lowercase` only in a
    // final sigma, never part of "copyright".
    let copyright = plain.starts_with('©')
        || plain
            .chars()
            .flat_map(char::to_lowercase)
            .take(9)
            .eq("copyright".chars());
    if copyright && words.len() <= 20 {
        return Role::Boilerplate;
    }
    // The word count first: it is known, the opener needs the marker list.
    if words.len() <= 8 && anchors::is_boilerplate_opener(plain) {
        return Role::Boilerplate;
    }
    let ends_like_sentence =
        crate::document::ends_like_sentence(plain) || quote_after_sentence(plain);
    let markdown_heading = trimmed.starts_with('#');
    if kind == BlockKind::Heading || markdown_heading || (words.len() <= 12 && !ends_like_sentence)
    {
        return Role::Heading;
    }
    Role::Content
}

/// Whether `text` ends with a Chinese or Japanese closing quote after a
/// sentence ended by an ideographic full stop ("…と語った。「…」"): those
/// languages write no full stop before the closing quote, so the quote ends
/// the block as a sentence, and a headline holds no full stop.
fn quote_after_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['」', '』']) && text.contains('。')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Role {
        role_of_text(text, BlockKind::Paragraph)
    }

    #[test]
    fn classifies_by_structure_and_lists() {
        assert_eq!(
            r("## Beziehungen zwischen China und Russland"),
            Role::Heading
        );
        assert_eq!(r("Relations between the two countries"), Role::Heading);
        assert_eq!(r("Kurze Werbeeinblendung"), Role::Ad);
        assert_eq!(
            r("Source: [example.at](https://example.at)"),
            Role::Boilerplate
        );
        assert_eq!(
            r("**Besuchen Sie uns auf: [example.de](https://example.de)**"),
            Role::Boilerplate
        );
        assert_eq!(r("Details"), Role::Boilerplate);
        assert_eq!(
            r("© Example Media. All rights reserved."),
            Role::Boilerplate
        );
        assert_eq!(r("---"), Role::Boilerplate);
        assert_eq!(r("More at example.com"), Role::Boilerplate);
        assert_eq!(
            r("The minister met his counterpart on Monday."),
            Role::Content
        );
        assert_eq!(
            r("Details of the plan were not published, officials said."),
            Role::Content
        );
    }

    #[test]
    fn a_chinese_or_japanese_sentence_is_content() {
        assert_eq!(r("批评者则没有那么确定。"), Role::Content);
        assert_eq!(r("「必ず成功させる」と社長は述べた。"), Role::Content);
        assert_eq!(r("芬兰启用首个乏核燃料深层处置库"), Role::Heading);
        // A quote after a sentence, with no full stop before 」.
        assert_eq!(
            r("社長は「来年も続ける」と述べた。「値段は高い」"),
            Role::Content
        );
        assert_eq!(r("「空き家バンク」"), Role::Heading);
        assert_eq!(r("इसकी लागत 5 करोड़ रुपये होगी।"), Role::Content);
        assert_eq!(r("هل ستنجح الخطة؟"), Role::Content);
    }

    #[test]
    fn long_blocks_are_content_unless_links_or_headings() {
        let long = "The bridge opened in March after four years of work. ".repeat(200);
        assert_eq!(r(&long), Role::Content);
        let links = "https://example.org/a ".repeat(400);
        assert_eq!(r(&links), Role::Boilerplate);
        assert_eq!(role_of_text(&long, BlockKind::Heading), Role::Heading);
    }
}
