//! `transalign segment FILE`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use transalign::document::{BlockKind, Document, Position};
use transalign::{Language, SegmentedDocument};

use super::{InputArgs, output, parse_language};
use crate::EXIT_CLEAN;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The document (a file, or - for standard input).
    file: PathBuf,
    /// Its language (ISO 639-1: en, pt-BR) [default: named by its file
    /// name, folder or markup, else detected].
    #[arg(long, value_parser = parse_language)]
    lang: Option<Language>,
    /// Output format: one sentence per line, or JSON with positions.
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: String,
    language: Language,
    paragraphs: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    kind: BlockKind,
    /// A heading's level; absent for other blocks.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    start: Position,
    end: Position,
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    text: &'a str,
    start: Position,
    end: Position,
}

pub fn run(args: SegmentArgs) -> anyhow::Result<u8> {
    let document = Document::load(&args.file, args.input.load_options())?.require_text()?;
    let detection = transalign::check::settle_language(&document, args.lang, "--lang")?;
    let doc = SegmentedDocument::new(document, detection);
    let mut out = String::new();
    match args.format {
        Format::Text => {
            for range in doc.paragraph_sentences.iter().filter(|r| !r.is_empty()) {
                if !out.is_empty() {
                    out.push('\n');
                }
                for i in range.clone() {
                    out.push_str(doc.sentence_text(i));
                    out.push('\n');
                }
            }
        }
        Format::Json => {
            let paragraphs = doc
                .document
                .paragraphs
                .iter()
                .zip(&doc.paragraph_sentences)
                .map(|(p, range)| JsonParagraph {
                    kind: p.kind,
                    level: (p.level > 0).then_some(p.level),
                    start: doc.document.position(p.span.start),
                    end: doc
                        .document
                        .position(p.span.end.saturating_sub(1).max(p.span.start)),
                    sentences: range
                        .clone()
                        .map(|i| JsonSentence {
                            text: doc.sentence_text(i),
                            start: doc.sentences[i].start,
                            end: doc.sentences[i].end,
                        })
                        .collect(),
                })
                .collect();
            let json = JsonDocument {
                path: doc.document.path.display().to_string(),
                language: doc.language(),
                paragraphs,
            };
            out = serde_json::to_string_pretty(&json)?;
            out.push('\n');
        }
    }
    output::write(out.as_bytes(), args.output.as_deref())?;
    Ok(EXIT_CLEAN)
}
