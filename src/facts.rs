//! Facts: what each sentence says that survives translation, read once.
//!
//! Right after segmentation every sentence gets a [`SentenceFacts`]: its
//! numbers (one reader, per locale, scale words included), its names and
//! the people it names, and its words folded for comparison. The findings
//! read these instead of reading the text again (what no stage asks of a
//! sentence — its negation cues, its length — is not kept: a stage that
//! needs it reads the text, as quotes do for negations). Facts are read
//! lazily, on first use, and kept (the model is `similar`'s
//! `CachedLookup`): a presegmented alignment that never asks for names
//! never pays for them.

use std::sync::OnceLock;

use crate::anchors::persons::Person;
use crate::anchors::{self, FoldedWords, Name, Number};
use crate::language::Language;

/// The facts of one sentence. Byte ranges are relative to the sentence's
/// text.
#[derive(Debug, Clone)]
pub struct SentenceFacts {
    /// Numbers, in order (written with digits or spelled out).
    pub numbers: Vec<Number>,
    /// Names: capitalised words that are not merely sentence-initial, and
    /// acronyms.
    pub names: Vec<Name>,
    /// People named by a given name and a family name.
    pub persons: Vec<Person>,
    /// Every word, folded (and the parts of hyphenated words).
    pub words: FoldedWords,
}

impl SentenceFacts {
    /// Reads the facts of `text`, written in `language`.
    pub fn read(text: &str, language: Language) -> SentenceFacts {
        // Names, persons and the folded words all start from the same
        // words, each folded once.
        let words = crate::text::words(text);
        let folded: Vec<String> = words.iter().map(|(_, w)| anchors::fold(w)).collect();
        SentenceFacts {
            numbers: anchors::numbers::numbers_in(text, words.clone(), language),
            names: anchors::names::names_in(text, &words, |i| folded[i].clone(), language),
            persons: anchors::persons::persons_in(text, &words, &folded),
            words: FoldedWords::from_folded(&words, folded),
        }
    }
}

/// The facts of every sentence of a document, each read on first use.
#[derive(Debug, Clone, Default)]
pub struct FactsTable {
    cells: Vec<OnceLock<SentenceFacts>>,
}

impl FactsTable {
    /// A table for `n` sentences, nothing read yet.
    pub fn new(n: usize) -> FactsTable {
        FactsTable {
            cells: (0..n).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The facts of sentence `i`, reading `text` the first time.
    pub fn get(&self, i: usize, text: &str, language: Language) -> &SentenceFacts {
        self.cells[i].get_or_init(|| SentenceFacts::read(text, language))
    }
}

/// The words of a run of sentences, for asking whether a name occurs there
/// in any spelling.
pub struct WordsIn<'a> {
    parts: Vec<&'a FoldedWords>,
}

impl<'a> WordsIn<'a> {
    /// The words of these sentences' facts.
    pub fn new(parts: impl IntoIterator<Item = &'a SentenceFacts>) -> WordsIn<'a> {
        WordsIn {
            parts: parts.into_iter().map(|f| &f.words).collect(),
        }
    }

    /// Whether the folded name occurs among the words in any spelling.
    pub fn contains(&self, folded: &str) -> bool {
        self.parts.iter().any(|w| w.contains_exactly(folded))
            || self.parts.iter().any(|w| w.contains(folded))
    }
}
