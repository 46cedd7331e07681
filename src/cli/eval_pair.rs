//! `transalign eval-pair`: precision and recall of `pair` on real
//! translations (GNOME Help: English originals against each translation
//! language, file names shuffled), see docs/benchmarks.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use transalign::eval::real;

use super::InputArgs;
use super::output;
use super::pair::{WordArgs, documents_in, pair_files};
use crate::EXIT_CLEAN;

#[derive(Debug, Args)]
pub struct EvalPairArgs {
    /// The corpus: `en/<page>.md` and one folder per translation language,
    /// a translation named as its original. Skipped (exit 0) when absent.
    #[arg(long, default_value = real::DEFAULT_DIR)]
    dir: PathBuf,
    /// The originals' folder inside `--dir`.
    #[arg(long, default_value = "en")]
    originals: String,
    /// Translation folders to pair with the originals.
    #[arg(long, value_delimiter = ',', default_values_t = real::LANGUAGES.map(String::from))]
    lang: Vec<String>,
    /// Pairs scoring below this (0 to 1) are not made.
    #[arg(long, default_value_t = transalign::pair::MIN_SCORE)]
    min_score: f64,
    /// List every wrong pair, ambiguous and unpaired translation.
    #[arg(long)]
    list: bool,
    #[command(flatten)]
    words: WordArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// A deterministic shuffle key for a file name (FNV-1a), so the order the
/// translations are given in says nothing of their originals.
fn shuffle_key(path: &Path) -> u64 {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    name.unwrap_or_default()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
}

pub fn run(args: EvalPairArgs) -> anyhow::Result<u8> {
    let source = args.dir.join(&args.originals);
    if !source.is_dir() {
        output::write(
            format!(
                "pairing on real translations: {} absent, skipped\n",
                source.display()
            )
            .as_bytes(),
            None,
        )?;
        return Ok(EXIT_CLEAN);
    }
    let originals = documents_in(&source)?;
    let mut out = format!(
        "pairing {} against each language, translations in shuffled order\n\
         lang  originals  translations  pairs  wrong  precision  recall  ambiguous  unpaired  time\n",
        source.display()
    );
    let mut list = String::new();
    for lang in &args.lang {
        let mut translations = documents_in(&args.dir.join(lang))?;
        translations.sort_by_key(|p| (shuffle_key(p), p.clone()));
        let start = Instant::now();
        let result = pair_files(
            &originals,
            &translations,
            args.min_score,
            &args.words,
            &args.input,
        )?;
        let elapsed = start.elapsed().as_secs_f64();
        let name = |p: &PathBuf| p.file_name().map(|n| n.to_owned());
        let truth = |t: usize| {
            originals
                .iter()
                .position(|o| name(o) == name(&translations[t]))
        };
        let true_pairs = (0..translations.len())
            .filter(|&t| truth(t).is_some())
            .count();
        let mut wrong = 0;
        for p in &result.pairs {
            if truth(p.translation) != Some(p.original) {
                wrong += 1;
                writeln!(
                    list,
                    "{lang} wrong: {} paired with {} (score {:.3}, confidence {:.3})",
                    translations[p.translation].display(),
                    originals[p.original].display(),
                    p.score,
                    p.confidence
                )?;
            }
        }
        for a in &result.ambiguous {
            let candidates: Vec<String> = a
                .candidates
                .iter()
                .map(|c| {
                    let mark = if truth(a.translation) == Some(c.original) {
                        "*"
                    } else {
                        ""
                    };
                    format!(
                        "{mark}{:.3} {}",
                        c.score,
                        originals[c.original]
                            .file_name()
                            .unwrap_or_default()
                            .to_string_lossy()
                    )
                })
                .collect();
            writeln!(
                list,
                "{lang} ambiguous: {}: {}",
                translations[a.translation].display(),
                candidates.join("; ")
            )?;
        }
        let ambiguous = result.ambiguous.len();
        let unpaired = result.unpaired_translations.len() - ambiguous;
        for &t in &result.unpaired_translations {
            if !result.ambiguous.iter().any(|a| a.translation == t) {
                writeln!(list, "{lang} unpaired: {}", translations[t].display())?;
            }
        }
        let made = result.pairs.len();
        let correct = made - wrong;
        writeln!(
            out,
            "{lang:<5} {:>9}  {:>12}  {made:>5}  {wrong:>5}  {:>9.3}  {:>6.3}  {ambiguous:>9}  {unpaired:>8}  {elapsed:.2} s",
            originals.len(),
            translations.len(),
            correct as f64 / made.max(1) as f64,
            correct as f64 / true_pairs.max(1) as f64,
        )?;
    }
    if args.list {
        out.push_str(&list);
    }
    output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}
