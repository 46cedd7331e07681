//! `transalign eval-faults`: the perturbation benchmark (see
//! `transalign::eval::faults` and docs/benchmarks.md).

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use transalign::eval::faults::{self, Fault};
use transalign::eval::real;

use super::output;
use crate::EXIT_CLEAN;

#[derive(Debug, Args)]
pub struct EvalFaultsArgs {
    /// Golden pairs; the faithful ones (`*faithful*`) are used as clean articles.
    #[arg(long, default_value = "corpora/pairs")]
    corpora: PathBuf,
    /// Gold bitext folders (`source.xx`, `target.yy`, `gold.align`), cut into
    /// pseudo-articles; skipped when absent.
    #[arg(long, default_value = "../shared/gold")]
    gold: PathBuf,
    /// Most pseudo-articles taken from one bitext.
    #[arg(long, default_value_t = 12)]
    max_articles: usize,
    /// Real human translations (GNOME Help: `manifest.tsv`, `en/`, `de/`, …);
    /// their faithful pages are a group of clean articles per language,
    /// reported in a section of their own. Skipped when absent.
    #[arg(long, default_value = real::DEFAULT_DIR)]
    real: PathBuf,
    /// Most pages taken per language from the real translations (spread
    /// evenly over the pages; 0 leaves them out).
    #[arg(long, default_value_t = 60)]
    real_pages: usize,
    /// Translation folders of the real translations to use.
    #[arg(long, value_delimiter = ',', default_values_t = real::LANGUAGES.map(String::from))]
    real_lang: Vec<String>,
    /// Copies per fault type and article.
    #[arg(long, default_value_t = 2)]
    copies: usize,
    /// Random seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Print the false alarms' messages too.
    #[arg(long)]
    verbose: bool,
    /// Write the first missed faults' texts (NAME.src.txt, NAME.tgt.txt) here.
    #[arg(long)]
    dump: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dictionaries: super::align::DictionaryArgs,
}

pub fn run(args: EvalFaultsArgs) -> anyhow::Result<u8> {
    let shelf = args.dictionaries.shelf();
    let mut articles = faults::faithful_pairs(&args.corpora);
    let mut sources = vec![format!("{} faithful pairs", articles.len())];
    if args.gold.is_dir() {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&args.gold)?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("gold.align").is_file())
            .collect();
        dirs.sort();
        for dir in dirs {
            let found = faults::gold_articles(&dir, 3, 8, args.max_articles)?;
            sources.push(format!("{} from {}", found.len(), dir.display()));
            articles.extend(found);
        }
    }
    let report = faults::run_with(&articles, args.copies, args.seed, shelf.clone())?;
    // The real translations are a run of their own: their articles neither
    // lend paragraphs to the other groups nor shift their random streams,
    // so the figures above stay comparable with earlier runs.
    let real_report = if args.real_pages == 0 {
        None
    } else {
        match real::articles(&args.real, &args.real_lang, args.real_pages)? {
            None => Some((
                faults::Report::default(),
                format!("real translations: {} absent, skipped", args.real.display()),
            )),
            Some(found) => {
                let description = format!(
                    "real translations: {} clean articles from {} (faithful pages, at most {} per language: {})",
                    found.len(),
                    args.real.display(),
                    args.real_pages,
                    args.real_lang.join(", ")
                );
                Some((
                    faults::run_with(&found, args.copies, args.seed, shelf.clone())?,
                    description,
                ))
            }
        }
    };
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir)?;
        let real_misses = real_report.iter().flat_map(|(r, _)| &r.miss_texts);
        for (name, source, target) in report.miss_texts.iter().chain(real_misses) {
            std::fs::write(dir.join(format!("{name}.src.txt")), source)?;
            std::fs::write(dir.join(format!("{name}.tgt.txt")), target)?;
        }
    }
    let mut out = String::new();
    if args.json {
        // The report's fields as before, in their order, then `real`.
        #[derive(serde::Serialize)]
        struct Real<'a> {
            description: &'a str,
            #[serde(flatten)]
            report: &'a faults::Report,
        }
        #[derive(serde::Serialize)]
        struct Json<'a> {
            #[serde(flatten)]
            report: &'a faults::Report,
            #[serde(skip_serializing_if = "Option::is_none")]
            real: Option<Real<'a>>,
        }
        let json = Json {
            report: &report,
            real: real_report.as_ref().map(|(report, description)| Real {
                description,
                report,
            }),
        };
        out = serde_json::to_string_pretty(&json)?;
        out.push('\n');
    } else {
        writeln!(
            out,
            "clean articles: {} ({})",
            report.articles,
            sources.join(", ")
        )?;
        write_tables(&mut out, &report)?;
        if let Some((real_report, description)) = &real_report {
            writeln!(out, "{description}")?;
            if real_report.articles > 0 {
                write_tables(&mut out, real_report)?;
            }
        }
        if args.verbose {
            writeln!(out, "false alarms:")?;
            for m in &report.false_alarm_messages {
                writeln!(out, "  {m}")?;
            }
            writeln!(out, "misses:")?;
            for m in &report.misses {
                writeln!(out, "  {m}")?;
            }
            if let Some((real_report, _)) = &real_report {
                writeln!(out, "real translations, false alarms:")?;
                for m in &real_report.false_alarm_messages {
                    writeln!(out, "  {m}")?;
                }
                writeln!(
                    out,
                    "real translations, misses and swaps that raised a finding:"
                )?;
                for m in &real_report.misses {
                    writeln!(out, "  {m}")?;
                }
            }
        }
    }
    output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}

/// The recall table, the recall by group and the false alarms of a report.
/// A swap's row is the other way round: the share of swaps that raised no
/// new error or warning.
fn write_tables(out: &mut String, report: &faults::Report) -> std::fmt::Result {
    let quiet = |r: &faults::Recall| {
        Fault::ALL
            .iter()
            .any(|f| f.quiet_is_good() && f.name() == r.fault)
    };
    let share = |part: usize, all: usize| part as f64 / all.max(1) as f64;
    writeln!(
        out,
        "{:<22}{:>8}{:>10}{:>8}",
        "fault", "planted", "detected", "recall"
    )?;
    for r in report.recall.iter().filter(|r| !quiet(r)) {
        writeln!(
            out,
            "{:<22}{:>8}{:>10}{:>8.3}",
            r.fault,
            r.planted,
            r.detected,
            share(r.detected, r.planted)
        )?;
    }
    for r in report.recall.iter().filter(|r| quiet(r)) {
        let silent = r.planted - r.detected;
        writeln!(
            out,
            "{}: quiet in {silent} of {} ({:.3}; no new error or warning)",
            r.fault,
            r.planted,
            share(silent, r.planted)
        )?;
    }
    if report.recall_by_group.len() > 1 {
        write!(out, "recall by group:      ")?;
        for (group, _) in &report.recall_by_group {
            write!(out, "{:>12}", group.chars().take(11).collect::<String>())?;
        }
        writeln!(out)?;
        for (n, r) in report.recall.iter().enumerate() {
            if quiet(r) {
                write!(out, "  {:<20}", "swap quiet (share)")?;
            } else {
                write!(out, "  {:<20}", r.fault)?;
            }
            for (_, recall) in &report.recall_by_group {
                let x = &recall[n];
                let part = if quiet(r) {
                    x.planted - x.detected
                } else {
                    x.detected
                };
                write!(
                    out,
                    "{:>12}",
                    format!("{:.2} ({})", share(part, x.planted), x.planted)
                )?;
            }
            writeln!(out)?;
        }
    }
    writeln!(
        out,
        "false error/warning findings: {} in {} clean paragraphs = {:.2} per 100",
        report.false_alarms,
        report.paragraphs,
        report.false_alarms_per_100()
    )?;
    for (corpus, alarms, paragraphs) in &report.false_alarms_by_corpus {
        writeln!(
            out,
            "  {corpus}: {alarms} in {paragraphs} = {:.2} per 100",
            100.0 * *alarms as f64 / (*paragraphs).max(1) as f64
        )?;
    }
    write_precision(out, &report.precision)
}

/// The precision table: per severity and confidence band, how many
/// findings reported a planted fault where it was planted (right) and how
/// many did not (wrong: every finding on a clean article, and the new
/// findings on a faulted copy that report something else).
fn write_precision(out: &mut String, cells: &[faults::precision::Cell]) -> std::fmt::Result {
    writeln!(
        out,
        "precision by severity and confidence (clean articles' findings are wrong; a faulted copy's new findings are right where they report the fault):"
    )?;
    writeln!(
        out,
        "  {:<9}{:>11}{:>8}{:>8}{:>11}",
        "severity", "confidence", "right", "wrong", "precision"
    )?;
    let ratio = |right: usize, wrong: usize| {
        if right + wrong == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", right as f64 / (right + wrong) as f64)
        }
    };
    let mut severities: Vec<&str> = cells.iter().map(|c| c.severity).collect();
    severities.dedup();
    for severity in severities {
        let mine: Vec<&faults::precision::Cell> =
            cells.iter().filter(|c| c.severity == severity).collect();
        for c in &mine {
            writeln!(
                out,
                "  {:<9}{:>11}{:>8}{:>8}{:>11}",
                severity,
                format!("{:.2}-{:.2}", c.confidence[0], c.confidence[1]),
                c.right,
                c.wrong,
                ratio(c.right, c.wrong)
            )?;
        }
        let (right, wrong) = mine
            .iter()
            .fold((0, 0), |(r, w), c| (r + c.right, w + c.wrong));
        writeln!(
            out,
            "  {:<9}{:>11}{:>8}{:>8}{:>11}",
            severity,
            "all",
            right,
            wrong,
            ratio(right, wrong)
        )?;
    }
    Ok(())
}
