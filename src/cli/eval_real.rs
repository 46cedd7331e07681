//! `transalign eval-real`: false alarms of the check on faithful real human
//! translations (GNOME Help, see `transalign::eval::real` and
//! docs/benchmarks.md).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use transalign::eval::real;

use super::output;
use crate::EXIT_CLEAN;

#[derive(Debug, Args)]
pub struct EvalRealArgs {
    /// The corpus: `manifest.tsv`, `en/<page>.md` and one folder per
    /// translation language. Skipped (exit 0) when absent.
    #[arg(long, default_value = real::DEFAULT_DIR)]
    dir: PathBuf,
    /// Translation folders to check.
    #[arg(long, value_delimiter = ',', default_values_t = real::LANGUAGES.map(String::from))]
    lang: Vec<String>,
    /// List every error and warning (page, kind, severity, lines, message).
    #[arg(long)]
    verbose: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dictionaries: super::align::DictionaryArgs,
}

pub fn run(args: EvalRealArgs) -> anyhow::Result<u8> {
    let Some(report) = real::false_alarms_with(&args.dir, &args.lang, args.dictionaries.shelf())?
    else {
        let message = format!(
            "real translations: {} absent (no manifest.tsv), skipped\n",
            args.dir.display()
        );
        if args.json {
            output::write(b"null\n", None)?;
            eprint!("{message}");
        } else {
            output::write(message.as_bytes(), None)?;
        }
        return Ok(EXIT_CLEAN);
    };
    let mut out = String::new();
    if args.json {
        out = serde_json::to_string_pretty(&report)?;
        out.push('\n');
        output::write(out.as_bytes(), None)?;
        return Ok(EXIT_CLEAN);
    }
    writeln!(
        out,
        "real translations: {} (faithful pages: same structure, nothing left in English)",
        report.dir
    )?;
    writeln!(
        out,
        "{:<7}{:>6}{:>12}{:>8}{:>10}{:>10}{:>7}",
        "lang", "pages", "paragraphs", "errors", "warnings", "per 100", "info"
    )?;
    let mut total = real::LanguageFigures {
        lang: "all".into(),
        ..real::LanguageFigures::default()
    };
    for l in &report.languages {
        total.pages += l.pages;
        total.paragraphs += l.paragraphs;
        total.errors += l.errors;
        total.warnings += l.warnings;
        total.info += l.info;
    }
    for l in report.languages.iter().chain([&total]) {
        writeln!(
            out,
            "{:<7}{:>6}{:>12}{:>8}{:>10}{:>10.2}{:>7}",
            l.lang,
            l.pages,
            l.paragraphs,
            l.errors,
            l.warnings,
            l.per_100(),
            l.info
        )?;
    }
    for (title, info) in [
        ("error+warning per 100 paragraphs, by kind", false),
        ("info findings, by kind", true),
    ] {
        let kinds: BTreeSet<&String> = report
            .languages
            .iter()
            .flat_map(|l| if info { &l.info_by_kind } else { &l.by_kind }.keys())
            .collect();
        writeln!(out, "{title}:")?;
        write!(out, "  {:<18}", "kind")?;
        for l in &report.languages {
            write!(out, "{:>8}", l.lang)?;
        }
        writeln!(out)?;
        for kind in kinds {
            write!(out, "  {kind:<18}")?;
            for l in &report.languages {
                let n = if info { &l.info_by_kind } else { &l.by_kind }
                    .get(kind)
                    .copied()
                    .unwrap_or(0);
                if info {
                    write!(out, "{n:>8}")?;
                } else {
                    write!(
                        out,
                        "{:>8.2}",
                        100.0 * n as f64 / l.paragraphs.max(1) as f64
                    )?;
                }
            }
            writeln!(out)?;
        }
    }
    // Counted by the finding kind `untranslated` (any severity), which
    // another branch is adding: 0 until it is merged.
    writeln!(out, "pages entirely in English reported as untranslated:")?;
    for l in report
        .languages
        .iter()
        .filter(|l| l.english_pages + l.not_left_in_english > 0)
    {
        write!(
            out,
            "  {}: {} of {}",
            l.lang, l.english_pages_reported, l.english_pages
        )?;
        if l.not_left_in_english > 0 {
            write!(
                out,
                " ({} more marked so by the manifest only because it counts `\\&` as a word: translated headings, not counted)",
                l.not_left_in_english
            )?;
        }
        writeln!(out)?;
    }
    if args.verbose {
        writeln!(out, "false alarms:")?;
        for a in &report.alarms {
            let lines = |l: Option<[u32; 2]>| {
                l.map_or("-".to_string(), |[a, b]| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}-{b}")
                    }
                })
            };
            writeln!(
                out,
                "  {} {}: {} {} (en {}, {} {}) {}",
                a.lang,
                a.page,
                a.severity,
                a.kind,
                lines(a.source_lines),
                a.lang,
                lines(a.target_lines),
                a.message
            )?;
        }
    }
    output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}
