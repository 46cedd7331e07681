//! `transalign check ORIGINAL TRANSLATION`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use transalign::document::{Document, LoadOptions};
use transalign::report::policy::Policy;
use transalign::report::{
    CheckReport, DEFAULT_WIDTH, Github, Html, Json, JsonLines, Junit, Render, Sarif, Terminal,
};
use transalign::{CheckOptions, Language};

use super::config::{Config, PolicyArgs};
use super::{InputArgs, at_most_one_stdin, output, parse_language};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diff-style text (colour on a terminal).
    Terminal,
    /// The whole report as JSON.
    Json,
    /// One finding per line (JSON Lines).
    Jsonl,
    /// A self-contained side-by-side HTML page.
    Html,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML.
    Junit,
}

impl Format {
    /// The file extension of a report in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Terminal => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Sarif => "sarif",
            Format::Github => "github.txt",
            Format::Junit => "junit.xml",
        }
    }

    /// The renderer, with `terminal` settings for the terminal format.
    pub fn renderer(self, terminal: Terminal) -> Box<dyn Render + Send + Sync> {
        match self {
            Format::Terminal => Box::new(terminal),
            Format::Json => Box::new(Json),
            Format::Jsonl => Box::new(JsonLines),
            Format::Html => Box::new(Html),
            Format::Sarif => Box::new(Sarif),
            Format::Github => Box::new(Github),
            Format::Junit => Box::new(Junit),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Options of the report itself.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Output format [default: terminal].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Terminal format: unchanged paragraph pairs shown around each change [default: 1].
    #[arg(long, value_name = "N")]
    context: Option<usize>,
    /// Terminal format: colour [default: auto, which honours NO_COLOR].
    #[arg(long, value_enum)]
    color: Option<Color>,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

impl ReportArgs {
    /// The format: command line, configuration, then `default`.
    pub fn format(&self, config: &Config, default: Format) -> anyhow::Result<Format> {
        if let Some(f) = self.format {
            return Ok(f);
        }
        match &config.format {
            Some(name) => Format::from_str(name, false).map_err(|_| {
                anyhow::anyhow!(
                    "{}: format: unknown value {name:?}",
                    config
                        .path
                        .as_ref()
                        .map_or("transalign.toml".into(), |p| p.display().to_string())
                )
            }),
            None => Ok(default),
        }
    }

    /// Terminal settings for output to a terminal (`to_terminal`) or not.
    pub fn terminal(&self, config: &Config, to_terminal: bool) -> Terminal {
        let color = match self.color.or(match config.color.as_deref() {
            Some("always") => Some(Color::Always),
            Some("never") => Some(Color::Never),
            _ => None,
        }) {
            Some(Color::Always) => true,
            Some(Color::Never) => false,
            _ => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        };
        Terminal {
            context: self.context.or(config.context).unwrap_or(1),
            color,
            width: terminal_width(to_terminal),
        }
    }
}

/// Columns: `COLUMNS` if set, else the terminal's width, else the default.
fn terminal_width(to_terminal: bool) -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
    {
        if n > 0 {
            return n.clamp(20, 1000);
        }
    }
    if to_terminal {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return usize::from(w).clamp(20, 1000);
        }
    }
    DEFAULT_WIDTH
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
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
    #[command(flatten)]
    aligner: super::align::AlignerArgs,
    #[command(flatten)]
    input: InputArgs,
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let config = Config::load(args.report.policy.config.as_deref())?;
    let policy = args.report.policy.policy(&config)?;
    let format = args.report.format(&config, Format::Terminal)?;
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let terminal = args.report.terminal(&config, to_terminal);
    at_most_one_stdin(&[&args.original, &args.translation])?;
    let options = CheckOptions {
        source_language: args
            .source_lang
            .or(config.language(&config.source_lang, "source-lang")?),
        target_language: args
            .target_lang
            .or(config.language(&config.target_lang, "target-lang")?),
        align: args.aligner.options()?,
        dictionaries: args.aligner.dictionaries.shelf(),
        ..CheckOptions::default()
    };
    let (report, bytes) = check_pair(
        &args.original,
        &args.translation,
        args.input.load_options(),
        &options,
        &policy,
        format.renderer(terminal).as_ref(),
    )?;
    if args.aligner.verbose {
        super::align::report_dictionaries(
            report.dictionaries.iter(),
            report.source.language,
            report.target.language,
        );
    }
    output::write(&bytes, args.output.as_deref())?;
    Ok(if policy.fails(&report) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// One pair, as `check` and `batch` both run it: loads the original and
/// the translation, checks them, applies the policy and renders the report.
/// Returns the report (for the exit code or the index) and its bytes.
pub fn check_pair(
    original: &Path,
    translation: &Path,
    load: LoadOptions,
    options: &CheckOptions,
    policy: &Policy,
    renderer: &dyn Render,
) -> anyhow::Result<(CheckReport, Vec<u8>)> {
    let source = Document::load(original, load)?;
    let target = Document::load(translation, load)?;
    let checked = transalign::check(source, target, options)?;
    let mut report = CheckReport::new(&checked);
    policy.apply(&mut report);
    let mut bytes = Vec::new();
    renderer
        .render(&report, &mut bytes)
        .context("rendering the report")?;
    Ok((report, bytes))
}
