//! Command-line arguments and the subcommands that use them.

mod align;
mod batch;
mod check;
mod config;
mod eval;
mod eval_faults;
mod eval_pair;
mod eval_real;
mod eval_segmentation;
mod learn;
mod output;
mod pair;
mod segment;
mod serve;
mod values;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, CommandFactory, Parser, Subcommand};
use transalign::Language;
use transalign::document::{DEFAULT_MAX_BYTES, InputFormat, LoadOptions};

pub use output::is_broken_pipe;

const EXAMPLES: &str = "\
Examples:
  transalign check corpora/pairs/en-de-brenner-tunnel/en.md corpora/pairs/en-de-brenner-tunnel/de.md
  transalign check original.html translation.html --format html -o report.html
  transalign check en.md de.md --format json --fail-on omission,altered_quote
  transalign segment article.md --format json
  cat de.txt | transalign check en.txt - --target-lang de

Developer commands (scoring the aligner, the splitter and the checks; docs/benchmarks.md):
  eval, eval-faults, eval-segmentation, eval-real, eval-pair  (each has --help)";

const CHECK_EXAMPLES: &str = "\
Examples:
  transalign check corpora/pairs/en-de-brenner-tunnel/en.md corpora/pairs/en-de-brenner-tunnel/de.md
  transalign check en.md de.md --format html -o report.html
  transalign check en.md de.md --show warning              # list warnings and errors only
  transalign check en.md de.md --quiet                     # the summary line alone
  transalign check en.md de.md --format junit --fail-on omission,altered_quote -o junit.xml
  cat de.html | transalign check en.html - --input-format html";

const SEGMENT_EXAMPLES: &str = "\
Examples:
  transalign segment corpora/pairs/en-de-brenner-tunnel/de.md
  transalign segment article.html --format json -o segments.json
  transalign segment notes.txt --lang de";

const PAIR_EXAMPLES: &str = "\
Examples:
  transalign pair originals/ translations/
  transalign pair originals/ translations/ --format json -o pairs.json
  transalign pair originals/ translations/ --min-score 0.5";

const ALIGN_EXAMPLES: &str = "\
Examples:
  transalign align corpora/pairs/en-de-brenner-tunnel/en.md corpora/pairs/en-de-brenner-tunnel/de.md
  transalign align en.txt de.txt --presegmented --lexicon de-en.tsv
  transalign align en.md de.md --format json -o alignment.json";

const EVAL_EXAMPLES: &str = "\
Examples:
  transalign eval --dir ../shared/gold/dtm-hu-en
  transalign eval --gold G1 S1 T1 --gold G2 S2 T2 --json";

const EVAL_SEGMENTATION_EXAMPLES: &str = "\
Examples:
  transalign eval-segmentation
  transalign eval-segmentation corpora/segmentation/heldout --failures";

const EVAL_FAULTS_EXAMPLES: &str = "\
Examples:
  transalign eval-faults --max-articles 25
  transalign eval-faults --gold /nonexistent --copies 6 --json";

const EVAL_PAIR_EXAMPLES: &str = "\
Examples:
  transalign eval-pair
  transalign eval-pair --lang it --list --no-dictionaries";

const EVAL_REAL_EXAMPLES: &str = "\
Examples:
  transalign eval-real
  transalign eval-real --lang de,fr --verbose";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  transalign completions bash > ~/.local/share/bash-completion/completions/transalign
  transalign completions zsh > ~/.zfunc/_transalign      # with fpath+=~/.zfunc in ~/.zshrc
  transalign completions fish > ~/.config/fish/completions/transalign.fish
  transalign completions powershell >> $PROFILE";

const MAN_EXAMPLES: &str = "\
Examples:
  transalign man --dir ~/.local/share/man/man1 && man transalign-check
  transalign man | man -l -
  transalign man batch > transalign-batch.1";

/// Check a translated article against its original: what it dropped, what
/// it added, and which quotations it changed.
#[derive(Debug, Parser)]
#[command(name = "transalign", version, propagate_version = true, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a translation against its original (the main command).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(check::CheckArgs),
    /// Check many pairs at once: a folder or a manifest in, one report per pair and an index out.
    Batch(batch::BatchArgs),
    /// Split a document into paragraphs and sentences.
    #[command(after_help = SEGMENT_EXAMPLES)]
    Segment(segment::SegmentArgs),
    /// Find each translation's original among many documents, by content.
    #[command(after_help = PAIR_EXAMPLES)]
    Pair(pair::PairArgs),
    /// Serve the check as a web page for editors and a JSON API.
    Serve(serve::ServeArgs),
    /// Align the sentences of an original and its translation.
    #[command(after_help = ALIGN_EXAMPLES)]
    Align(align::AlignArgs),
    /// Learn word translations from past translations: a lexicon for --lexicon.
    #[command(after_help = learn::EXAMPLES)]
    Learn(learn::LearnArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print a manual page (roff): transalign(1), or one command's page.
    #[command(after_help = MAN_EXAMPLES)]
    Man(ManArgs),
    // Developer commands: hidden from the main list, named under their own
    // heading at the end of `transalign --help` (EXAMPLES).
    /// Developer: score the sentence splitter on a golden corpus (paragraphs exactly right).
    #[command(hide = true, after_help = EVAL_SEGMENTATION_EXAMPLES)]
    EvalSegmentation(eval_segmentation::EvalArgs),
    /// Developer: plant faults into clean parallel articles and measure recall and false alarms.
    #[command(hide = true, after_help = EVAL_FAULTS_EXAMPLES)]
    EvalFaults(eval_faults::EvalFaultsArgs),
    /// Developer: check faithful real human translations (GNOME Help) and count false alarms.
    #[command(hide = true, after_help = EVAL_REAL_EXAMPLES)]
    EvalReal(eval_real::EvalRealArgs),
    /// Developer: pair real translations (GNOME Help) with their originals by content, names shuffled.
    #[command(hide = true, after_help = EVAL_PAIR_EXAMPLES)]
    EvalPair(eval_pair::EvalPairArgs),
    /// Developer: score the aligner against gold alignments.
    #[command(hide = true, after_help = EVAL_EXAMPLES)]
    Eval(eval::EvalArgs),
}

/// `transalign man [COMMAND] [--dir DIR]`.
#[derive(Debug, Args)]
struct ManArgs {
    /// A command's page (transalign-check(1)) instead of transalign(1).
    command: Option<String>,
    /// Write every page (transalign.1, transalign-check.1, …) into this
    /// folder instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    dir: Option<PathBuf>,
}

/// `transalign completions SHELL`.
#[derive(Debug, Args)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Options for reading input documents.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Read inputs as this format instead of taking it from the extension
    /// (or, for standard input and other names without one, from the content).
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

    /// Options for one side: its own format first, then `--input-format`.
    fn side_options(&self, format: Option<InputFormat>) -> LoadOptions {
        LoadOptions {
            format: format.or(self.input_format),
            ..self.load_options()
        }
    }
}

/// The format of each side, for commands that read an original and a
/// translation.
#[derive(Debug, Clone, Args)]
pub struct SideFormats {
    /// Read the original as this format (wins over --input-format).
    #[arg(long, value_parser = values::parser::<InputFormat>())]
    source_format: Option<InputFormat>,
    /// Read the translation as this format (wins over --input-format).
    #[arg(long, value_parser = values::parser::<InputFormat>())]
    target_format: Option<InputFormat>,
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
        Command::EvalPair(args) => eval_pair::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Align(args) => align::run(args),
        Command::Learn(args) => learn::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Completions(args) => completions(args.shell),
        Command::Man(args) => man(&args),
    }
}

/// Prints the completion script of `shell`, generated from the command
/// line's definition.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "transalign", &mut script);
    output::write(&script, None)?;
    Ok(crate::EXIT_CLEAN)
}

/// Prints a man page, or writes them all, generated from the command
/// line's definition.
fn man(args: &ManArgs) -> anyhow::Result<u8> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)
            .and_then(|_| clap_mangen::generate_to(cli, dir))
            .with_context(|| format!("{}: cannot write the manual pages", dir.display()))?;
        return Ok(crate::EXIT_CLEAN);
    }
    let cmd = match &args.command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => anyhow::bail!(
                "man: no command {name:?} (expected one of {})",
                cli.get_subcommands()
                    .map(|c| c.get_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    output::write(&page, None)?;
    Ok(crate::EXIT_CLEAN)
}

/// Fails when two arguments both read standard input.
fn at_most_one_stdin(paths: &[&PathBuf]) -> anyhow::Result<()> {
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("-: standard input can be read only once; give a file for the other side");
    }
    Ok(())
}
