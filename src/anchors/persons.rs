//! People's names: a common given name followed by capitalised words
//! ("Sophie Lambert", "Jean-Marc Lafitte", "Anna Maria Müller"). The given
//! name anchors the pattern, so it holds in languages that capitalise every
//! noun, where a capital letter alone says little.

use std::ops::Range;

use super::fold;
use crate::data;

/// The list, folded (by the build script, with [`fold`]): a name written
/// in another script or without its accents (Пекка, Jose) is found as well.
struct GivenNames(&'static [&'static str]);

impl GivenNames {
    fn contains(&self, folded: &str) -> bool {
        self.0.binary_search(&folded).is_ok()
    }
}

fn given_names() -> GivenNames {
    GivenNames(data::GIVEN_NAMES_FOLDED)
}

/// Whether `word`, capitalised, is a given name of the list.
fn is_given(names: &GivenNames, word: &str) -> bool {
    capitalised(word) && names.contains(&fold(word))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A person named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Byte range of the whole name in the text.
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// The folded words after the given name: the family name, perhaps
    /// with a second given name or a word glued on by a missing full stop.
    pub surnames: Vec<String>,
}

/// The people named in `text` by a given name and a family name.
pub fn persons(text: &str) -> Vec<Person> {
    let words = crate::text::words(text);
    let folded: Vec<String> = words.iter().map(|(_, w)| fold(w)).collect();
    persons_in(text, &words, &folded)
}

/// [`persons`] from the text's words (`crate::text::words`) and each of
/// them folded (`folded`, in the same order).
pub fn persons_in(text: &str, words: &[(Range<usize>, &str)], folded: &[String]) -> Vec<Person> {
    let names = &given_names();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (range, word) = &words[i];
        let given = capitalised(word) && names.contains(&folded[i])
            || word.contains('-') && word.split('-').all(|part| is_given(names, part));
        if !given {
            i += 1;
            continue;
        }
        // Up to two further capitalised words joined by single spaces
        // belong to it.
        let mut last = i;
        while let Some((next, w)) = words.get(last + 1).filter(|_| last < i + 2) {
            let gap = &text[words[last].0.end..next.start];
            if gap != " " || !capitalised(w) {
                break;
            }
            last += 1;
        }
        if last > i {
            let end = &words[last].0;
            out.push(Person {
                range: range.start..end.end,
                text: text[range.start..end.end].to_string(),
                surnames: folded[i + 1..=last].to_vec(),
            });
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_by_their_given_name() {
        let ps = persons("said Sophie Lambert, an analyst, and Jean-Marc Lafitte in Libourne.");
        let names: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(names, ["Sophie Lambert", "Jean-Marc Lafitte"]);
        assert_eq!(ps[0].surnames, [fold("Lambert")]);
        // German nouns after a capitalised word are not people.
        assert!(persons("Die Deutsche Bahn meldet Verspätungen.").is_empty());
        // A given name alone names nobody in particular.
        assert!(persons("Sophie said so.").is_empty());
        let ps = persons("laut Verkehrsminister Volker Wissing (FDP)");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].surnames, [fold("Wissing")]);
        // At most two words after the given name.
        let ps = persons("with Boris Trajkovski Following Tradition");
        assert_eq!(ps[0].text, "Boris Trajkovski Following");
    }

    #[test]
    fn the_built_list_is_every_given_name_folded_and_sorted() {
        let built = data::GIVEN_NAMES_FOLDED;
        assert!(built.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        let (file, text) = data::GIVEN_NAMES;
        let list = data::valid(data::format::list(file, text));
        assert!(built.len() > 1000 && built.len() <= list.len());
        for name in list {
            assert!(given_names().contains(&fold(name)), "{name}");
        }
    }

    #[test]
    fn given_names_are_found_in_other_scripts_and_spellings() {
        let ps = persons("сказал генеральный директор Пекка Лундмарк.");
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].surnames, [fold("Lundmark")]);
        assert_eq!(persons("dijo José Ramírez")[0].surnames, [fold("Ramirez")]);
        // Lower case is not a name, in any script.
        assert!(persons("пекка лундмарк").is_empty());
    }
}
