//! Scoring the splitter on a golden corpus.
//!
//! The corpus is a directory with one file per language, named by its ISO
//! 639-1 code (`de.txt`). In a file, paragraphs are separated by blank
//! lines; each line of a paragraph is one expected sentence, and the
//! paragraph's text is its sentences joined with single spaces. Lines that
//! start with `#` are comments. A paragraph counts as right only when every
//! sentence is exactly right.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{split, unicode_baseline};
use crate::error::{Error, Result};
use crate::language::Language;

/// One golden paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// 1-based line of its first sentence in the corpus file.
    pub line: usize,
    /// The expected sentences.
    pub sentences: Vec<String>,
}

impl Case {
    /// The paragraph: the sentences joined with single spaces.
    pub fn text(&self) -> String {
        self.sentences.join(" ")
    }
}

/// Paragraphs exactly right for one language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageScore {
    /// The language.
    pub language: Language,
    /// Paragraphs in the corpus.
    pub paragraphs: usize,
    /// Paragraphs transalign splits exactly right.
    pub right: usize,
    /// Paragraphs raw Unicode boundaries split exactly right.
    pub baseline_right: usize,
}

/// A paragraph transalign got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The corpus file.
    pub path: PathBuf,
    /// Line of the paragraph's first sentence.
    pub line: usize,
    /// The expected sentences.
    pub expected: Vec<String>,
    /// transalign's sentences.
    pub got: Vec<String>,
}

/// The result of scoring a corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    /// Per language, in file-name order.
    pub languages: Vec<LanguageScore>,
    /// Every paragraph transalign got wrong.
    pub failures: Vec<Failure>,
}

impl Evaluation {
    /// All paragraphs.
    pub fn paragraphs(&self) -> usize {
        self.languages.iter().map(|l| l.paragraphs).sum()
    }

    /// Share of paragraphs transalign gets exactly right (0 when empty).
    pub fn accuracy(&self) -> f64 {
        ratio(
            self.languages.iter().map(|l| l.right).sum(),
            self.paragraphs(),
        )
    }

    /// Share of paragraphs the Unicode baseline gets exactly right.
    pub fn baseline_accuracy(&self) -> f64 {
        ratio(
            self.languages.iter().map(|l| l.baseline_right).sum(),
            self.paragraphs(),
        )
    }
}

/// `part / whole`, 0 for an empty whole.
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Parses one corpus file's text.
pub fn parse_cases(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut current: Option<Case> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            cases.extend(current.take());
            continue;
        }
        current
            .get_or_insert_with(|| Case {
                line: index + 1,
                sentences: Vec::new(),
            })
            .sentences
            .push(line.to_string());
    }
    cases.extend(current);
    cases
}

/// Reads every `xx.txt` file of `dir` whose stem is a language code, in
/// name order.
pub fn load_corpus(dir: &Path) -> Result<Vec<(Language, PathBuf, Vec<Case>)>> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if path.extension().is_some_and(|e| e == "txt") {
            if let Ok(language) = Language::from_code(stem) {
                files.push((language, path));
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::Empty {
            path: dir.to_path_buf(),
        });
    }
    files
        .into_iter()
        .map(|(language, path)| {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            Ok((language, path, parse_cases(&text)))
        })
        .collect()
}

fn pieces<'a>(text: &'a str, ranges: &[std::ops::Range<usize>]) -> Vec<&'a str> {
    ranges.iter().map(|r| &text[r.clone()]).collect()
}

/// Scores transalign's splitter and the Unicode baseline on a corpus.
pub fn evaluate(corpus: &[(Language, PathBuf, Vec<Case>)]) -> Evaluation {
    let mut eval = Evaluation::default();
    for (language, path, cases) in corpus {
        let mut score = LanguageScore {
            language: *language,
            paragraphs: cases.len(),
            right: 0,
            baseline_right: 0,
        };
        for case in cases {
            let text = case.text();
            let got = pieces(&text, &split(&text, *language));
            if got == case.sentences {
                score.right += 1;
            } else {
                eval.failures.push(Failure {
                    path: path.clone(),
                    line: case.line,
                    expected: case.sentences.clone(),
                    got: got.iter().map(|s| s.to_string()).collect(),
                });
            }
            if pieces(&text, &unicode_baseline(&text)) == case.sentences {
                score.baseline_right += 1;
            }
        }
        eval.languages.push(score);
    }
    eval
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paragraphs_sentences_and_comments() {
        let cases = parse_cases("# note\nOne.\nTwo.\n\n\nThree.\n");
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].line, 2);
        assert_eq!(cases[0].text(), "One. Two.");
        assert_eq!(cases[1].sentences, ["Three."]);
    }

    #[test]
    fn scores_a_corpus_against_both_splitters() {
        let cases = parse_cases("Mr. Smith left.\nHe was tired.\n\nIt rose.\nThen it fell.\n");
        let eval = evaluate(&[(Language::EN, PathBuf::from("en.txt"), cases)]);
        assert_eq!(eval.paragraphs(), 2);
        assert_eq!(eval.accuracy(), 1.0);
        assert_eq!(eval.baseline_accuracy(), 0.5);
        assert!(eval.failures.is_empty());
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_it() {
        let err = load_corpus(Path::new("no/such/dir")).unwrap_err();
        assert!(err.to_string().contains("no/such/dir"));
    }
}
