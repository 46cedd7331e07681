//! `transalign pair ORIGINALS_DIR TRANSLATIONS_DIR`: find each translation's
//! original by content.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use serde::Serialize;
use transalign::document::Document;
use transalign::pair::{self, Fingerprint, PairOptions};

use super::{InputArgs, output};
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
    input: InputArgs,
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
            let text: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
            Ok(Fingerprint::of(&text.join("\n")))
        })
        .collect()
}

#[derive(Serialize)]
struct JsonPair<'a> {
    original: Option<&'a Path>,
    translation: Option<&'a Path>,
    score: Option<f64>,
    confidence: Option<f64>,
}

pub fn run(args: PairArgs) -> anyhow::Result<u8> {
    let originals = documents_in(&args.originals)?;
    let translations = documents_in(&args.translations)?;
    let result = pair::pair(
        &fingerprints(&originals, &args.input)?,
        &fingerprints(&translations, &args.input)?,
        &PairOptions {
            min_score: args.min_score,
            ..PairOptions::default()
        },
    );
    let mut rows: Vec<JsonPair> = result
        .pairs
        .iter()
        .map(|p| JsonPair {
            original: Some(&originals[p.original]),
            translation: Some(&translations[p.translation]),
            score: Some(p.score),
            confidence: Some(p.confidence),
        })
        .collect();
    rows.extend(result.unpaired_translations.iter().map(|&t| JsonPair {
        original: None,
        translation: Some(&translations[t]),
        score: None,
        confidence: None,
    }));
    rows.extend(result.unpaired_originals.iter().map(|&o| JsonPair {
        original: Some(&originals[o]),
        translation: None,
        score: None,
        confidence: None,
    }));
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&rows)? + "\n",
        Format::Tsv => {
            let mut out = String::from("original\ttranslation\tscore\tconfidence\n");
            let path = |p: Option<&Path>| p.map_or("-".to_string(), |p| p.display().to_string());
            let num = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
            for r in &rows {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    path(r.original),
                    path(r.translation),
                    num(r.score),
                    num(r.confidence)
                ));
            }
            out
        }
    };
    output::write(text.as_bytes(), args.output.as_deref())?;
    Ok(EXIT_CLEAN)
}
