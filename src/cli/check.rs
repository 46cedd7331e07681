//! `transalign check ORIGINAL TRANSLATION`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use transalign::document::Document;
use transalign::report::{CheckReport, Json, JsonLines, Render};
use transalign::{CheckOptions, Language, Severity};

use super::{InputArgs, at_most_one_stdin, output, parse_language};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The original document (a file, or - for standard input).
    original: PathBuf,
    /// The translation to check (a file, or - for standard input).
    translation: PathBuf,
    /// Language of the original (ISO 639-1), instead of detecting it.
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translation (ISO 639-1), instead of detecting it.
    #[arg(long, value_parser = parse_language)]
    target_lang: Option<Language>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "json")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Fail (exit 1) on findings of at least this severity.
    #[arg(long, value_enum, default_value = "warning")]
    min_severity: Severity,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    at_most_one_stdin(&[&args.original, &args.translation])?;
    let load = args.input.load_options();
    let source = Document::load(&args.original, load)?;
    let target = Document::load(&args.translation, load)?;
    for doc in [&source, &target] {
        if doc.is_empty() {
            return Err(transalign::Error::Empty {
                path: doc.path.clone(),
            }
            .into());
        }
    }
    let options = CheckOptions {
        source_language: args.source_lang,
        target_language: args.target_lang,
        ..CheckOptions::default()
    };
    let checked = transalign::check(source, target, &options)?;
    let report = CheckReport::new(&checked);
    let renderer: &dyn Render = match args.format {
        Format::Json => &Json,
        Format::Jsonl => &JsonLines,
    };
    let mut bytes = Vec::new();
    renderer
        .render(&report, &mut bytes)
        .context("rendering the report")?;
    output::write(&bytes, args.output.as_deref())?;
    let fails = report
        .findings
        .iter()
        .any(|f| f.severity >= args.min_severity);
    Ok(if fails { EXIT_FINDINGS } else { EXIT_CLEAN })
}
