//! One dictionary entry's text: headword line, translations, glosses.
//!
//! FreeDict entries come in a few layouts, all read here the same way:
//!
//! ```text
//! Abweichung /ˈapˌvaɪ̯çʊŋ/ <n, fem>        headword, pronunciation, part of speech
//! déviation, écart                        translations, comma-separated
//! die Nichterfüllung einer Regelmäßigkeit gloss (dropped)
//! ```
//!
//! or numbered senses (`1. dévaluation`, each perhaps followed by a gloss),
//! or (the Ding-based German–English ones) one translation line with
//! `<pos>` and `[field]` marks followed by indented `Note:`, `Synonyms:`,
//! `see:` and example lines. Translations are the first line after the
//! headword and every numbered line; everything else is a gloss or a note.
//! Marks in `/…/`, `<…>`, `[…]`, `{…}` and `(…)` are stripped, and only
//! single words are kept (the aligner compares words): `to go` becomes
//! `go`, `la maison` becomes `maison`, `prime à la casse` is dropped.

use crate::text::fold;

/// Words a dictionary writes before a headword or translation that the
/// text does not (articles, the infinitive marker, reflexive pronouns),
/// by ISO 639-3 code. Only a first word is stripped, and only when a word
/// follows it.
const LEADING: &[(&str, &[&str])] = &[
    ("eng", &["to", "a", "an", "the"]),
    ("deu", &["der", "die", "das", "sich", "ein", "eine"]),
    ("fra", &["le", "la", "les", "l'", "se", "s'", "un", "une"]),
    ("hun", &["a", "az", "egy"]),
    ("nld", &["de", "het", "een", "zich"]),
    ("spa", &["el", "la", "los", "las", "se", "un", "una"]),
    (
        "ita",
        &["il", "lo", "la", "i", "gli", "le", "l'", "un", "una"],
    ),
    ("por", &["o", "a", "os", "as", "um", "uma"]),
    ("swe", &["att", "en", "ett"]),
    ("dan", &["at", "en", "et"]),
];

/// The leading words of a language (ISO 639-3).
pub fn leading_words(code: &str) -> &'static [&'static str] {
    LEADING
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, w)| w)
}

/// A parsed entry: folded single-word headword (if it is one) and folded
/// single-word translations.
#[derive(Debug, Default, PartialEq)]
pub struct Entry {
    /// The headword, folded; `None` for a phrase.
    pub headword: Option<String>,
    /// Translations, folded, in order, without repeats.
    pub translations: Vec<String>,
}

/// Parses an entry; `from` and `to` are the leading words of the
/// headword's and the translations' languages.
pub fn parse(text: &str, from: &[&str], to: &[&str]) -> Entry {
    let mut lines = text.lines();
    let headword = lines
        .by_ref()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| single_word(&strip_marks(l), from));
    let mut entry = Entry {
        headword,
        translations: Vec::new(),
    };
    let mut first = true;
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let sense = numbered(trimmed);
        let take = match sense {
            Some(_) => true,
            None => first && !is_note(trimmed),
        };
        first = false;
        if !take {
            continue;
        }
        let rest = sense.unwrap_or(trimmed);
        for alternative in split_alternatives(&strip_marks(rest)) {
            if let Some(w) = single_word(alternative, to) {
                if !entry.translations.contains(&w) {
                    entry.translations.push(w);
                }
            }
        }
    }
    entry
}

/// The text after a sense number (`2. écart` → `écart`).
fn numbered(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..].strip_prefix(". ").map(str::trim)
}

/// Notes, cross-references and examples of the Ding-based dictionaries.
fn is_note(line: &str) -> bool {
    ["Note:", "Synonym", "see:", "\"", "Example", "Usage"]
        .iter()
        .any(|p| line.starts_with(p))
}

/// The line without bracketed marks: pronunciation `/…/`, part of speech
/// `<…>`, field `[…]`, cross-references `{…}` and remarks `(…)`.
fn strip_marks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    let mut slash = false;
    for c in line.chars() {
        match c {
            '/' if depth == 0 => slash = !slash,
            '<' | '[' | '{' | '(' => depth += 1,
            '>' | ']' | '}' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && !slash => out.push(c),
            _ => {}
        }
    }
    out
}

/// Alternatives of a translation line: separated by commas and semicolons;
/// a trailing sense number of the next sense (`… vent 2.`) is dropped.
fn split_alternatives(line: &str) -> impl Iterator<Item = &str> {
    line.split([',', ';', '|'])
        .map(|a| {
            let a = a.trim();
            // `courant descendant 2.` ends with the next sense's number.
            match a.rsplit_once(' ') {
                Some((head, tail)) if numbered(&format!("{tail} ")).is_some() => head,
                _ => a,
            }
        })
        .filter(|a| !a.is_empty())
}

/// The folded word of an alternative, after a leading article or marker;
/// `None` for phrases and for things that are not words.
pub fn single_word(text: &str, leading: &[&str]) -> Option<String> {
    let mut words = text.split_whitespace();
    let mut word = words.next()?;
    let mut next = words.next();
    if let Some(second) = next {
        if leading.iter().any(|l| word.eq_ignore_ascii_case(l)) {
            word = second;
            next = words.next();
        }
    }
    if next.is_some() {
        return None;
    }
    // An elided article written joined (`l'eau`).
    if let Some((head, tail)) = word.split_once(['\'', '’']) {
        let elided = format!("{head}'");
        if leading.iter().any(|l| elided.eq_ignore_ascii_case(l)) {
            word = tail;
        }
    }
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || !word.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(e: &Entry) -> Vec<&str> {
        e.translations.iter().map(String::as_str).collect()
    }

    #[test]
    fn comma_separated_translations_and_a_gloss() {
        let e = parse(
            "Abweichung /ˈapˌvaɪ̯çʊŋ/ <n, fem>\ndéviation, écart\ndie Nichterfüllung einer Regel\n",
            leading_words("deu"),
            leading_words("fra"),
        );
        assert_eq!(e.headword.as_deref(), Some("abweichung"));
        assert_eq!(words(&e), ["deviation", "ecart"]);
    }

    #[test]
    fn numbered_senses_with_glosses() {
        let e = parse(
            "Abwind /ˈapvɪnt/ <n, masc>\n1. courant descendant, vent 2.\nMeteorologie:\n\
             Luftströmung nach unten\n2. décadence, déclin\nübertragen: im Abstieg\n",
            leading_words("deu"),
            leading_words("fra"),
        );
        assert_eq!(words(&e), ["vent", "decadence", "declin"]);
        let e = parse(
            "abbahagy /ˈɑbːɑhɑɟ/\n1. to relinquish\n2. to lay off\n3. to cease\n",
            leading_words("hun"),
            leading_words("eng"),
        );
        assert_eq!(words(&e), ["relinquish", "cease"]);
    }

    #[test]
    fn ding_layout_with_notes() {
        let e = parse(
            "Aalenium /ɑːlˈeːniːˌʊm/ <neut, n, sg>\n [geol.] Aalenian <n>\n         Note: stage\n   \
             Synonym: {Aalen}\n\n see: {Aalenien}\n",
            leading_words("deu"),
            leading_words("eng"),
        );
        assert_eq!(e.headword.as_deref(), Some("aalenium"));
        assert_eq!(words(&e), ["aalenian"]);
        let e = parse(
            "abandon /ɐbˈandən/ <v>\nherabsetzen, ermäßigen, nachlassen <v, trans>\n \
             see: {abandoning}\n",
            leading_words("eng"),
            leading_words("deu"),
        );
        assert_eq!(words(&e), ["herabsetzen", "ermassigen", "nachlassen"]);
    }

    #[test]
    fn phrases_are_dropped_and_articles_stripped() {
        assert_eq!(
            single_word("la maison", leading_words("fra")),
            Some("maison".into())
        );
        assert_eq!(
            single_word("l'eau", leading_words("fra")),
            Some("eau".into())
        );
        assert_eq!(single_word("prime à la casse", leading_words("fra")), None);
        assert_eq!(single_word("the", leading_words("eng")), Some("the".into()));
        assert_eq!(single_word("1957", leading_words("eng")), None);
        let e = parse("acid bath /ˈasɪd bˈaθ/\nsavas fürdô\n", &[], &[]);
        assert_eq!(e.headword, None);
        assert!(e.translations.is_empty());
    }
}
