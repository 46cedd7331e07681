//! `transalign eval-faults`: the perturbation benchmark (see
//! `transalign::eval::faults` and docs/benchmarks.md).

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use transalign::eval::faults;

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
}

pub fn run(args: EvalFaultsArgs) -> anyhow::Result<u8> {
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
    let report = faults::run(&articles, args.copies, args.seed)?;
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir)?;
        for (name, source, target) in &report.miss_texts {
            std::fs::write(dir.join(format!("{name}.src.txt")), source)?;
            std::fs::write(dir.join(format!("{name}.tgt.txt")), target)?;
        }
    }
    let mut out = String::new();
    if args.json {
        out = serde_json::to_string_pretty(&report)?;
        out.push('\n');
    } else {
        writeln!(
            out,
            "clean articles: {} ({})",
            report.articles,
            sources.join(", ")
        )?;
        writeln!(
            out,
            "{:<22}{:>8}{:>10}{:>8}",
            "fault", "planted", "detected", "recall"
        )?;
        for r in &report.recall {
            let recall = r.detected as f64 / r.planted.max(1) as f64;
            writeln!(
                out,
                "{:<22}{:>8}{:>10}{:>8.3}",
                r.fault, r.planted, r.detected, recall
            )?;
        }
        if report.recall_by_group.len() > 1 {
            write!(out, "recall by group:      ")?;
            for (group, _) in &report.recall_by_group {
                write!(out, "{:>12}", group.chars().take(11).collect::<String>())?;
            }
            writeln!(out)?;
            for (n, r) in report.recall.iter().enumerate() {
                write!(out, "  {:<20}", r.fault)?;
                for (_, recall) in &report.recall_by_group {
                    let x = &recall[n];
                    write!(
                        out,
                        "{:>12}",
                        format!(
                            "{:.2} ({})",
                            x.detected as f64 / x.planted.max(1) as f64,
                            x.planted
                        )
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
        if args.verbose {
            writeln!(out, "false alarms:")?;
            for m in &report.false_alarm_messages {
                writeln!(out, "  {m}")?;
            }
            writeln!(out, "misses:")?;
            for m in &report.misses {
                writeln!(out, "  {m}")?;
            }
        }
    }
    output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}
