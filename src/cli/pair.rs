//! `transalign pair ORIGINALS_DIR TRANSLATIONS_DIR`: find each translation's
//! original by content.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, ValueEnum};
use serde::Serialize;
use transalign::Language;
use transalign::align::Lexicon;
use transalign::document::Document;
use transalign::pair::{self, Fingerprint, PairOptions, Pairing, WordSources};

use super::{InputArgs, output, parse_language};
use crate::EXIT_CLEAN;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Tsv,
    Json,
}

#[derive(Debug, Args)]
pub struct PairArgs {
    /// Folder of originals.
    originals: PathBuf,
    /// Folder of translations.
    translations: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "tsv")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Pairs scoring below this (0 to 1) are not made.
    #[arg(long, default_value_t = PairOptions::default().min_score)]
    min_score: f64,
    #[command(flatten)]
    words: WordArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// Where pairing finds word translations, and how sure a pair must be.
#[derive(Debug, Clone, Args)]
pub struct WordArgs {
    /// Language of the originals (ISO 639-1), for finding dictionaries
    /// [default: the language most originals are detected in].
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translations (ISO 639-1), for finding dictionaries
    /// [default: the language most translations are detected in].
    #[arg(long, value_parser = parse_language)]
    target_lang: Option<Language>,
    /// A bilingual word list: TSV (word<TAB>translation), hunalign .dic
    /// (`target @ source`) or Ding (`de :: en`).
    #[arg(long)]
    lexicon: Option<PathBuf>,
    #[command(flatten)]
    dictionaries: super::align::DictionaryArgs,
    /// Name the dictionaries used on standard error.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// The margin a pair needs over the runner-up on both sides, for
    /// experiments (docs/benchmarks.md).
    #[arg(long, hide = true, default_value_t = pair::MIN_MARGIN)]
    min_margin: f64,
}

impl WordArgs {
    /// The word translations for pairing these collections: dictionaries
    /// of their languages and the lexicon; `None` when there are none.
    fn sources(
        &self,
        originals: &[Fingerprint],
        translations: &[Fingerprint],
    ) -> anyhow::Result<Option<Arc<WordSources>>> {
        let a = self
            .source_lang
            .or_else(|| pair::majority_language(originals));
        let b = self
            .target_lang
            .or_else(|| pair::majority_language(translations));
        let dictionaries = match (self.dictionaries.shelf(), a, b) {
            (Some(shelf), Some(a), Some(b)) => {
                let found = shelf.for_pair(a, b)?;
                if self.verbose {
                    super::align::report_dictionaries(found.iter().map(|d| d.info()), a, b);
                }
                found
            }
            _ => Vec::new(),
        };
        let lexicon = match &self.lexicon {
            Some(path) => Some(Arc::new(Lexicon::load(path)?)),
            None => None,
        };
        let sources = WordSources {
            dictionaries,
            lexicon,
            original_language: a.and_then(|l| l.code3()),
            translation_language: b.and_then(|l| l.code3()),
        };
        Ok((!sources.is_empty()).then(|| Arc::new(sources)))
    }
}

/// The documents of a folder: regular files with a text, Markdown or HTML
/// extension, sorted by name so results do not depend on the file system.
pub fn documents_in(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the folder", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("{}: cannot read the folder", dir.display()))?
            .path();
        let known = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "html" | "htm"
            )
        });
        if known && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Fingerprints of the documents at `paths`.
pub fn fingerprints(paths: &[PathBuf], input: &InputArgs) -> anyhow::Result<Vec<Fingerprint>> {
    paths
        .iter()
        .map(|path| {
            let doc = Document::load(path, input.load_options())?;
            Ok(Fingerprint::of_document(&doc))
        })
        .collect()
}

/// Pairs the documents at `originals` with those at `translations`: what
/// `transalign pair` and `eval-pair` both run.
pub fn pair_files(
    originals: &[PathBuf],
    translations: &[PathBuf],
    min_score: f64,
    words: &WordArgs,
    input: &InputArgs,
) -> anyhow::Result<Pairing> {
    let originals = fingerprints(originals, input)?;
    let translations = fingerprints(translations, input)?;
    let options = PairOptions {
        min_score,
        min_confidence: words.min_margin,
        words: words.sources(&originals, &translations)?,
        ..PairOptions::default()
    };
    Ok(pair::pair(&originals, &translations, &options))
}

/// One row of the output: a pair, an ambiguous translation with its
/// candidates, or a file left unpaired.
#[derive(Serialize)]
struct JsonPair<'a> {
    original: Option<&'a Path>,
    translation: Option<&'a Path>,
    score: Option<f64>,
    confidence: Option<f64>,
    /// `pair`, `ambiguous` or `unpaired`.
    kind: &'static str,
    /// An ambiguous translation's candidate originals, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<JsonCandidate<'a>>,
}

#[derive(Serialize)]
struct JsonCandidate<'a> {
    original: &'a Path,
    score: f64,
}

/// The rows: pairs, then unpaired translations (ambiguous ones with their
/// candidates), then unpaired originals.
fn rows<'a>(
    result: &Pairing,
    originals: &'a [PathBuf],
    translations: &'a [PathBuf],
) -> Vec<JsonPair<'a>> {
    let mut rows: Vec<JsonPair> = result
        .pairs
        .iter()
        .map(|p| JsonPair {
            original: Some(&originals[p.original]),
            translation: Some(&translations[p.translation]),
            score: Some(p.score),
            confidence: Some(p.confidence),
            kind: "pair",
            candidates: Vec::new(),
        })
        .collect();
    rows.extend(result.unpaired_translations.iter().map(|&t| {
        let candidates: Vec<JsonCandidate> = result
            .ambiguous
            .iter()
            .find(|a| a.translation == t)
            .map(|a| {
                a.candidates
                    .iter()
                    .map(|c| JsonCandidate {
                        original: &originals[c.original],
                        score: c.score,
                    })
                    .collect()
            })
            .unwrap_or_default();
        JsonPair {
            original: None,
            translation: Some(&translations[t]),
            score: None,
            confidence: None,
            kind: if candidates.is_empty() {
                "unpaired"
            } else {
                "ambiguous"
            },
            candidates,
        }
    }));
    rows.extend(result.unpaired_originals.iter().map(|&o| JsonPair {
        original: Some(&originals[o]),
        translation: None,
        score: None,
        confidence: None,
        kind: "unpaired",
        candidates: Vec::new(),
    }));
    rows
}

/// The rows as TSV: original, translation, score, confidence, kind and
/// candidates (`SCORE PATH` entries joined by `; `).
fn tsv(rows: &[JsonPair]) -> String {
    let mut out = String::from("original\ttranslation\tscore\tconfidence\tkind\tcandidates\n");
    let path = |p: Option<&Path>| p.map_or("-".to_string(), |p| p.display().to_string());
    let num = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
    for r in rows {
        let candidates: Vec<String> = r
            .candidates
            .iter()
            .map(|c| format!("{:.3} {}", c.score, c.original.display()))
            .collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            path(r.original),
            path(r.translation),
            num(r.score),
            num(r.confidence),
            r.kind,
            if candidates.is_empty() {
                "-".to_string()
            } else {
                candidates.join("; ")
            }
        ));
    }
    out
}

pub fn run(args: PairArgs) -> anyhow::Result<u8> {
    let originals = documents_in(&args.originals)?;
    let translations = documents_in(&args.translations)?;
    let result = pair_files(
        &originals,
        &translations,
        args.min_score,
        &args.words,
        &args.input,
    )?;
    let rows = rows(&result, &originals, &translations);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&rows)? + "\n",
        Format::Tsv => tsv(&rows),
    };
    output::write(text.as_bytes(), args.output.as_deref())?;
    Ok(EXIT_CLEAN)
}
