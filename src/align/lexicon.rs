//! Bilingual word lists: TSV, hunalign `.dic` and Ding (`trans-de-en`).
//!
//! Only single-word entries are kept: the aligner compares words, and a
//! phrase on either side would match nothing. Words are folded like the
//! aligner's tokens (lower case, no diacritics).

use std::path::Path;

use crate::error::{Error, Result};

use crate::text::fold;

/// A list of word pairs; which side is which language does not matter to the
/// aligner, which tries both orientations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    pairs: Vec<(String, String)>,
}

/// The file layouts [`Lexicon::parse`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconFormat {
    /// `word<TAB>translation`.
    Tsv,
    /// hunalign's `target @ source`.
    Hunalign,
    /// Ding's `de :: en`, with `|` between senses and `;` between synonyms.
    Ding,
}

impl Lexicon {
    /// The word pairs, folded.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(a, b)| (a.as_str(), b.as_str()))
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds `other`'s pairs after these (several lexicon files, in the
    /// order given).
    pub fn append(&mut self, other: Lexicon) {
        self.pairs.extend(other.pairs);
    }

    /// Reads a lexicon file, guessing its format from its first entry.
    pub fn load(path: &Path) -> Result<Lexicon> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Encoding {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Lexicon::parse(path, &text, None)
    }

    /// Parses lexicon text; `path` names it in errors. Without a format,
    /// the first entry line decides.
    pub fn parse(path: &Path, text: &str, format: Option<LexiconFormat>) -> Result<Lexicon> {
        let mut format = format;
        let mut lexicon = Lexicon::default();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let malformed = |problem: &str| Error::Malformed {
                path: path.to_path_buf(),
                line: index + 1,
                problem: problem.to_string(),
            };
            let f = *format.get_or_insert_with(|| guess(line));
            match f {
                LexiconFormat::Tsv => {
                    // Columns after the second (a learned lexicon's score
                    // and count) are for people reading the file.
                    let mut columns = line.split('\t');
                    let (Some(a), Some(b)) = (columns.next(), columns.next()) else {
                        return Err(malformed("expected word<TAB>translation"));
                    };
                    lexicon.push_phrases(a, b);
                }
                LexiconFormat::Hunalign => {
                    let (target, source) = line
                        .split_once(" @ ")
                        .ok_or_else(|| malformed("expected 'target @ source'"))?;
                    lexicon.push_phrases(source, target);
                }
                LexiconFormat::Ding => {
                    let (a, b) = line
                        .split_once(" :: ")
                        .ok_or_else(|| malformed("expected 'words :: translations'"))?;
                    let left: Vec<&str> = a.split('|').collect();
                    let right: Vec<&str> = b.split('|').collect();
                    if left.len() == right.len() {
                        for (l, r) in left.iter().zip(&right) {
                            lexicon.push_alternatives(l, r);
                        }
                    } else {
                        lexicon.push_alternatives(a, b);
                    }
                }
            }
        }
        Ok(lexicon)
    }

    fn push_alternatives(&mut self, a: &str, b: &str) {
        let left: Vec<String> = a.split([';', '|']).filter_map(single_word).collect();
        let right: Vec<String> = b.split([';', '|']).filter_map(single_word).collect();
        for l in &left {
            for r in &right {
                self.pairs.push((l.clone(), r.clone()));
            }
        }
    }

    fn push_phrases(&mut self, a: &str, b: &str) {
        if let (Some(a), Some(b)) = (single_word(a), single_word(b)) {
            self.pairs.push((a, b));
        }
    }
}

fn guess(line: &str) -> LexiconFormat {
    if line.contains(" :: ") {
        LexiconFormat::Ding
    } else if line.contains(" @ ") {
        LexiconFormat::Hunalign
    } else {
        LexiconFormat::Tsv
    }
}

/// The folded word of an entry, without annotations such as `{f}`, `[Br.]`
/// or `(ugs.)`; `None` for phrases.
fn single_word(entry: &str) -> Option<String> {
    let mut clean = String::with_capacity(entry.len());
    let mut depth = 0usize;
    for c in entry.chars() {
        match c {
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    let mut words = clean.split_whitespace();
    let word = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!word.is_empty()).then(|| fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(l: &Lexicon) -> Vec<(&str, &str)> {
        l.pairs().collect()
    }

    #[test]
    fn reads_ding() {
        let text = "# comment\nHaus {n}; Gebäude {n} | Häuser {pl} :: house; building | houses\n\
                    gehen {vi} :: to go\n";
        let l = Lexicon::parse(Path::new("x"), text, None).unwrap();
        assert_eq!(
            pairs(&l),
            [
                ("haus", "house"),
                ("haus", "building"),
                ("gebaude", "house"),
                ("gebaude", "building"),
                ("hauser", "houses")
            ]
        );
    }

    #[test]
    fn reads_tsv_and_hunalign() {
        let l = Lexicon::parse(Path::new("x"), "Hund\tdog\nrote Katze\tred cat\n", None).unwrap();
        assert_eq!(pairs(&l), [("hund", "dog")]);
        let l = Lexicon::parse(Path::new("x"), "# learned\nHund\tdog\t0.812\t14\n", None).unwrap();
        assert_eq!(pairs(&l), [("hund", "dog")]);
        let l = Lexicon::parse(Path::new("x"), "dog @ kutya\n", None).unwrap();
        assert_eq!(pairs(&l), [("kutya", "dog")]);
    }

    #[test]
    fn malformed_line_is_named() {
        let err = Lexicon::parse(Path::new("d.tsv"), "a\tb\nno tab here\n", None).unwrap_err();
        assert_eq!(err.to_string(), "d.tsv:2: expected word<TAB>translation");
    }
}
