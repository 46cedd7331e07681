//! `transalign eval --gold GOLD SOURCE TARGET [--gold ...]`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use transalign::align::{self, eval};

use super::align::{AlignerArgs, Loaded, detect_quietly};
use crate::EXIT_CLEAN;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A gold alignment and its presegmented source and target (one sentence
    /// per line); repeat for several sets, whose counts are summed.
    #[arg(long, num_args = 3, value_names = ["GOLD", "SOURCE", "TARGET"], action = clap::ArgAction::Append)]
    gold: Vec<PathBuf>,
    /// A directory in the gold layout: gold.align, source.*, target.*;
    /// repeatable.
    #[arg(long)]
    dir: Vec<PathBuf>,
    /// Language of the sources (ISO 639-1), instead of detecting it; it
    /// selects the dictionaries.
    #[arg(long, value_parser = super::parse_language)]
    source_lang: Option<transalign::Language>,
    /// Language of the targets (ISO 639-1), instead of detecting it.
    #[arg(long, value_parser = super::parse_language)]
    target_lang: Option<transalign::Language>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Name the dictionaries used on standard error.
    #[arg(long, short = 'v')]
    verbose: bool,
    #[command(flatten)]
    aligner: AlignerArgs,
}

/// The file in `dir` whose name starts with `stem.`.
fn find(dir: &Path, stem: &str) -> anyhow::Result<PathBuf> {
    let prefix = format!("{stem}.");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the directory", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => anyhow::bail!("{}: no {stem}.* file", dir.display()),
        _ => anyhow::bail!("{}: several {stem}.* files", dir.display()),
    }
}

pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let options = args.aligner.options()?;
    let mut sets: Vec<[PathBuf; 3]> = args
        .gold
        .chunks(3)
        .map(|c| [c[0].clone(), c[1].clone(), c[2].clone()])
        .collect();
    for dir in &args.dir {
        sets.push([
            dir.join("gold.align"),
            find(dir, "source")?,
            find(dir, "target")?,
        ]);
    }
    if sets.is_empty() {
        anyhow::bail!("nothing to evaluate: give --gold GOLD SOURCE TARGET or --dir DIR");
    }
    let mut total = eval::Tally::default();
    let mut lines = String::new();
    for [gold, source, target] in &sets {
        let text = std::fs::read_to_string(gold).map_err(|source| transalign::Error::Io {
            path: gold.clone(),
            source,
        })?;
        let gold_units = eval::parse_units(gold, &text)?;
        let s = Loaded::lines(source, args.source_lang)?;
        let t = Loaded::lines(target, args.target_lang)?;
        let (mut s, mut t) = (s.side(), t.side());
        for side in [&mut s, &mut t] {
            if side.language.is_none() {
                side.language = detect_quietly(&side.sentences);
            }
        }
        let mut options = options.clone();
        options.dictionaries = args
            .aligner
            .dictionaries([s.language, t.language], args.verbose)?;
        let alignment = align::align(&s, &t, &options);
        let tally = eval::tally(&gold_units, &eval::units(&alignment));
        let sc = tally.scores();
        lines.push_str(&format!(
            "{}: strict F1 {:.3}, lax F1 {:.3}\n",
            gold.display(),
            sc.f1_strict,
            sc.f1_lax
        ));
        total += tally;
    }
    let sc = total.scores();
    let out = if args.json {
        serde_json::to_string(&sc)? + "\n"
    } else {
        let mut out = String::new();
        if sets.len() > 1 {
            out.push_str(&lines);
        }
        out.push_str("            strict   lax\n");
        for (name, s, l) in [
            ("precision", sc.precision_strict, sc.precision_lax),
            ("recall", sc.recall_strict, sc.recall_lax),
            ("f1", sc.f1_strict, sc.f1_lax),
        ] {
            out.push_str(&format!("{name:<10}  {s:.3}    {l:.3}\n"));
        }
        out
    };
    super::output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}
