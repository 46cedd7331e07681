//! `transalign learn`: word translations learned from an archive of past
//! translations, written as a lexicon that `--lexicon` reads.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use rayon::prelude::*;
use transalign::Language;
use transalign::align::{self, AlignOptions, archive};
use transalign::check::{settle_language, side};
use transalign::document::Document;
use transalign::segment::SegmentedDocument;

use super::align::{DictionaryArgs, Loaded, detect_quietly};
use super::batch::{Job, folder_jobs, manifest_jobs};
use super::{InputArgs, output, parse_language};
use crate::EXIT_CLEAN;

pub const EXAMPLES: &str = "\
Examples:
  transalign learn --bitext archive.hu archive.en -o hu-en.tsv
  transalign learn articles/ --source-lang en -o en-de.tsv
  transalign learn pairs.tsv -o en-de.tsv
  transalign learn --bitext source.hu target.en --align -o hu-en.tsv   # lines not paired 1-1
  transalign check en.md de.md --lexicon en-de.tsv

A bitext is two files of one sentence per line, line i of one the translation of line i of
the other. Documents (a folder or a manifest, as batch reads them) are aligned first, and
their confident one-to-one sentence links are learned from.";

#[derive(Debug, Args)]
pub struct LearnArgs {
    /// A folder of pairs (article.en.md + article.de.md, or orig/ and
    /// trans/ with the same file names) or a manifest (.toml or .tsv), as
    /// batch reads them.
    input: Option<PathBuf>,
    /// A sentence-aligned bitext: one sentence per line, line for line;
    /// repeatable.
    #[arg(long, num_args = 2, value_names = ["SOURCE", "TARGET"], action = clap::ArgAction::Append)]
    bitext: Vec<PathBuf>,
    /// The bitexts' lines are sentences but not paired line for line:
    /// align them first and learn from the confident 1-1 links.
    #[arg(long)]
    align: bool,
    /// Language of the originals (ISO 639-1); it picks the stemming rules
    /// [default: named by the files, else detected from the first input].
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translations [default: as for --source-lang].
    #[arg(long, value_parser = parse_language)]
    target_lang: Option<Language>,
    /// Write the lexicon to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Let a manifest name files outside its own folder.
    #[arg(long)]
    allow_outside: bool,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    #[command(flatten)]
    input_args: InputArgs,
}

/// Sentence pairs from one input, and its languages as far as known.
struct Pairs {
    pairs: Vec<(String, String)>,
    languages: [Option<Language>; 2],
}

pub fn run(args: LearnArgs) -> anyhow::Result<u8> {
    let jobs = match &args.input {
        None => Vec::new(),
        Some(input) if input.is_dir() => {
            let (jobs, skipped) = folder_jobs(input, args.source_lang)?;
            for k in skipped {
                eprintln!("transalign: skipped {}: {}", k.path, k.reason);
            }
            jobs
        }
        Some(input) if input.is_file() => manifest_jobs(input, args.allow_outside)?,
        Some(input) => bail!("{}: no such folder or manifest", input.display()),
    };
    if jobs.is_empty() && args.bitext.is_empty() {
        bail!("nothing to learn from: give a folder, a manifest or --bitext SOURCE TARGET");
    }
    let bitexts: Vec<[&PathBuf; 2]> = args.bitext.chunks(2).map(|c| [&c[0], &c[1]]).collect();
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new((bitexts.len() + jobs.len()) as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Inputs are read in parallel and learned from in the order given.
    let from_bitexts: Vec<anyhow::Result<Pairs>> = bitexts
        .par_iter()
        .map(|&[s, t]| {
            let r = read_bitext(s, t, &args);
            bar.inc(1);
            r
        })
        .collect();
    let from_documents: Vec<anyhow::Result<Pairs>> = jobs
        .par_iter()
        .map(|job| {
            let r = read_documents(job, &args);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let inputs = from_bitexts
        .into_iter()
        .chain(from_documents)
        .collect::<anyhow::Result<Vec<Pairs>>>()?;
    let languages = [0, 1].map(|side| {
        [args.source_lang, args.target_lang][side]
            .or_else(|| inputs.iter().find_map(|p| p.languages[side]))
    });
    let mut learner = archive::ArchiveLearner::new(languages);
    for input in &inputs {
        for (s, t) in &input.pairs {
            learner.add_pair(s, t);
        }
    }
    let learned = learner.learn();
    let name = |l: Option<Language>| l.map_or("?".to_string(), |l| l.code().to_string());
    let header = vec![
        format!(
            "transalign learn: {} word pairs from {} sentence pairs, {}-{}",
            learned.len(),
            learner.len(),
            name(languages[0]),
            name(languages[1])
        ),
        "source\ttarget\tdice\tsentence pairs".to_string(),
    ];
    let text = archive::to_tsv(&learned, &header);
    output::write(text.as_bytes(), args.output.as_deref()).context("writing the lexicon")?;
    Ok(EXIT_CLEAN)
}

/// The lines of a file, without line ends.
fn lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).map_err(|source| transalign::Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect())
}

/// A bitext's sentence pairs: line for line, or aligned with `--align`.
fn read_bitext(source: &Path, target: &Path, args: &LearnArgs) -> anyhow::Result<Pairs> {
    if args.align {
        let s = Loaded::lines(source, args.source_lang)?;
        let t = Loaded::lines(target, args.target_lang)?;
        let (mut s, mut t) = (s.side(), t.side());
        for side in [&mut s, &mut t] {
            if side.language.is_none() {
                side.language = detect_quietly(&side.sentences);
            }
        }
        let pairs = aligned_pairs(&s, &t, &args.dictionaries)?;
        return Ok(Pairs {
            pairs,
            languages: [s.language, t.language],
        });
    }
    let (s, t) = (lines(source)?, lines(target)?);
    if s.len() != t.len() {
        bail!(
            "{}: {} lines, but {} has {}: a bitext pairs line for line (pass --align to align its sentences first)",
            target.display(),
            t.len(),
            source.display(),
            s.len()
        );
    }
    let detect = |v: &[String]| {
        let refs: Vec<&str> = v.iter().map(String::as_str).collect();
        detect_quietly(&refs)
    };
    let languages = [
        args.source_lang.or_else(|| detect(&s)),
        args.target_lang.or_else(|| detect(&t)),
    ];
    let pairs = s
        .into_iter()
        .zip(t)
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .collect();
    Ok(Pairs { pairs, languages })
}

/// A pair of documents' confident 1-1 sentence links.
fn read_documents(job: &Job, args: &LearnArgs) -> anyhow::Result<Pairs> {
    let load = |path: &Path, given: Option<Language>, flag| -> anyhow::Result<SegmentedDocument> {
        let doc = Document::load(path, args.input_args.side_options(None))?.require_text()?;
        let detection = settle_language(&doc, given, flag)?;
        Ok(SegmentedDocument::new(doc, detection))
    };
    let s = load(
        &job.original,
        job.source_lang.or(args.source_lang),
        "--source-lang",
    )?;
    let t = load(
        &job.translation,
        job.target_lang.or(args.target_lang),
        "--target-lang",
    )?;
    let (s, t) = (side(&s), side(&t));
    let pairs = aligned_pairs(&s, &t, &args.dictionaries)?;
    Ok(Pairs {
        pairs,
        languages: [s.language, t.language],
    })
}

/// The confident 1-1 links of two sides as aligned by the library's
/// aligner (with the pair's dictionaries unless switched off).
fn aligned_pairs(
    s: &align::Side<'_>,
    t: &align::Side<'_>,
    dictionaries: &DictionaryArgs,
) -> anyhow::Result<Vec<(String, String)>> {
    let mut options = AlignOptions::default();
    if let (Some(shelf), [Some(a), Some(b)]) = (dictionaries.shelf(), [s.language, t.language]) {
        options.dictionaries = shelf.for_pair(a, b)?;
    }
    let alignment = align::align(s, t, &options);
    Ok(archive::confident_links(&alignment)
        .into_iter()
        .map(|(i, j)| (s.sentences[i].to_string(), t.sentences[j].to_string()))
        .collect())
}
