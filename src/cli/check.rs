//! `transalign check ORIGINAL TRANSLATION`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use transalign::document::{Document, LoadOptions};
use transalign::report::policy::Policy;
use transalign::report::{
    BatchHtml, CheckReport, DEFAULT_WIDTH, Github, Html, Json, JsonLines, Junit, Render, Sarif,
    Terminal,
};
use transalign::{CheckOptions, Language, Severity};

use super::config::{Config, PolicyArgs};
use super::{InputArgs, SideFormats, at_most_one_stdin, output, parse_language, values};
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

    /// The renderer, with `terminal` settings for the terminal format and
    /// the `policy` that decides JUnit failures; `in_batch` links each HTML
    /// report back to the batch's index.
    pub fn renderer(
        self,
        terminal: Terminal,
        policy: &Policy,
        in_batch: bool,
    ) -> Box<dyn Render + Send + Sync> {
        match self {
            Format::Terminal => Box::new(terminal),
            Format::Json => Box::new(Json),
            Format::Jsonl => Box::new(JsonLines),
            Format::Html if in_batch => Box::new(BatchHtml),
            Format::Html => Box::new(Html),
            Format::Sarif => Box::new(Sarif),
            Format::Github => Box::new(Github),
            Format::Junit => Box::new(Junit {
                policy: policy.clone(),
            }),
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
    /// List only findings of at least this severity, in every format; the
    /// summary still counts them all, and the exit code is unchanged
    /// [default: info, all findings].
    #[arg(long, value_name = "LEVEL", value_parser = values::parser::<Severity>())]
    show: Option<Severity>,
    /// Print only the summary line on standard output (the report still
    /// goes to -o if given).
    #[arg(long, short = 'q')]
    pub quiet: bool,
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

    /// The `--show` level: command line, then configuration.
    pub fn show(&self, config: &Config) -> anyhow::Result<Option<Severity>> {
        Ok(self.show.or(config.show()?))
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
    /// Language of the original (ISO 639-1: en, pt-BR) [default: named by its file
    /// name, folder or markup, else detected].
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translation (ISO 639-1: en, pt-BR) [default: named by its file
    /// name, folder or markup, else detected].
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
    #[command(flatten)]
    formats: SideFormats,
}

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let config = args.report.policy.load_config()?;
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
    let mut report = check_sides(
        [&args.original, &args.translation],
        [
            args.input.side_options(args.formats.source_format),
            args.input.side_options(args.formats.target_format),
        ],
        &options,
        &policy,
    )?;
    if args.report.policy.verbose {
        say_inputs(&report);
        super::align::report_dictionaries(
            report.dictionaries.iter(),
            report.source.language,
            report.target.language,
        );
    }
    // The exit code and the summary count every finding, shown or not.
    let fails = policy.fails(&report);
    if let Some(level) = args.report.show(&config)? {
        report.hide_below(level);
    }
    let quiet = args.report.quiet;
    let to_file = args.output.as_deref().is_some_and(|p| p.as_os_str() != "-");
    if !quiet || to_file {
        let bytes = render(&report, format.renderer(terminal, &policy, false).as_ref())?;
        output::write(&bytes, args.output.as_deref())?;
    }
    if quiet {
        output::write(format!("{}\n", report.summary.line()).as_bytes(), None)?;
    }
    Ok(if fails { EXIT_FINDINGS } else { EXIT_CLEAN })
}

/// The report's bytes in the renderer's format.
pub fn render(report: &CheckReport, renderer: &dyn Render) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    renderer
        .render(report, &mut bytes)
        .context("rendering the report")?;
    Ok(bytes)
}

/// Says on standard error how each input was read (`--verbose`).
fn say_inputs(report: &CheckReport) {
    for (side, doc) in [
        ("original", &report.source),
        ("translation", &report.target),
    ] {
        eprintln!(
            "transalign: {side} {}: {}, language {} ({})",
            doc.path,
            doc.format.name(),
            doc.language,
            doc.language_source.name().replace('_', " ")
        );
    }
}

/// One pair, as `check` and `batch` both run it: loads the original and
/// the translation, checks them and applies the policy's ignore patterns.
/// Returns the report with every finding, for the exit code and the index.
pub fn check_pair(
    original: &Path,
    translation: &Path,
    load: LoadOptions,
    options: &CheckOptions,
    policy: &Policy,
) -> anyhow::Result<CheckReport> {
    check_sides([original, translation], [load; 2], options, policy)
}

/// [`check_pair`] with load options for each side.
fn check_sides(
    [original, translation]: [&Path; 2],
    [source_load, target_load]: [LoadOptions; 2],
    options: &CheckOptions,
    policy: &Policy,
) -> anyhow::Result<CheckReport> {
    let source = Document::load(original, source_load)?;
    let target = Document::load(translation, target_load)?;
    check_documents(source, target, options, policy)
}

/// Checks two loaded documents and applies the policy's ignore patterns:
/// the report of `check`, `batch` and `serve`, with every finding.
pub fn check_documents(
    source: Document,
    target: Document,
    options: &CheckOptions,
    policy: &Policy,
) -> anyhow::Result<CheckReport> {
    let checked = transalign::check(source, target, options)?;
    let mut report = CheckReport::new(&checked);
    policy.apply(&mut report);
    Ok(report)
}
