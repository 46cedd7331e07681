//! Command-line arguments and the subcommands that use them.

mod align;
mod batch;
mod check;
mod config;
mod eval;
mod eval_faults;
mod eval_real;
mod eval_segmentation;
mod output;
mod pair;
mod segment;
mod serve;
mod values;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use transalign::Language;
use transalign::document::{DEFAULT_MAX_BYTES, InputFormat, LoadOptions};

pub use output::is_broken_pipe;

const EXAMPLES: &str = "\
Examples:
  transalign check corpora/pairs/en-de-brenner-tunnel/en.md corpora/pairs/en-de-brenner-tunnel/de.md
  transalign check original.html translation.html --format html -o report.html
  transalign check en.md de.md --format json --fail-on omission,altered_quote
  transalign segment article.md --format json
  cat de.txt | transalign check en.txt - --target-lang de";

/// Check a translated article against its original: what it dropped, what
/// it added, and which quotations it changed.
#[derive(Debug, Parser)]
#[command(name = "transalign", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a translation against its original (the main command).
    Check(check::CheckArgs),
    /// Check many pairs at once: a folder or a manifest in, one report per pair and an index out.
    Batch(batch::BatchArgs),
    /// Split a document into paragraphs and sentences.
    Segment(segment::SegmentArgs),
    /// Find each translation's original among many documents, by content.
    Pair(pair::PairArgs),
    /// Score the sentence splitter on a golden corpus (paragraphs exactly right).
    EvalSegmentation(eval_segmentation::EvalArgs),
    /// Plant faults into clean parallel articles and measure recall and false alarms.
    EvalFaults(eval_faults::EvalFaultsArgs),
    /// Check faithful real human translations (GNOME Help) and count false alarms.
    EvalReal(eval_real::EvalRealArgs),
    /// Serve the check as a web page for editors and a JSON API.
    Serve(serve::ServeArgs),
    /// Align the sentences of an original and its translation.
    Align(align::AlignArgs),
    /// Score the aligner against gold alignments.
    Eval(eval::EvalArgs),
}

/// Options for reading input documents.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Read inputs as this format instead of guessing from the extension.
    #[arg(long, value_parser = values::parser::<InputFormat>(), global = true)]
    input_format: Option<InputFormat>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, global = true)]
    max_bytes: u64,
}

impl InputArgs {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            format: self.input_format,
            max_bytes: self.max_bytes,
        }
    }
}

/// Parses an ISO 639-1 code for clap.
fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).map_err(|e| e.to_string())
}

/// Runs the parsed command; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Segment(args) => segment::run(args),
        Command::Pair(args) => pair::run(args),
        Command::EvalSegmentation(args) => eval_segmentation::run(args),
        Command::EvalFaults(args) => eval_faults::run(args),
        Command::EvalReal(args) => eval_real::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Align(args) => align::run(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Fails when two arguments both read standard input.
fn at_most_one_stdin(paths: &[&PathBuf]) -> anyhow::Result<()> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("-: standard input can be read only once; give a file for the other side");
    }
    Ok(())
}
