//! `transalign eval-segmentation [DIR]`: paragraphs exactly right on the
//! golden corpus, for transalign and for raw Unicode boundaries.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use transalign::segment::eval::{evaluate, load_corpus, ratio};

use super::output;
use crate::EXIT_CLEAN;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The corpus: one `xx.txt` file per language (format in its README.md).
    #[arg(default_value = "corpora/segmentation")]
    dir: PathBuf,
    /// Also print every paragraph transalign gets wrong.
    #[arg(long)]
    failures: bool,
}

pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let corpus = load_corpus(&args.dir)?;
    let eval = evaluate(&corpus);
    let mut out = String::new();
    writeln!(out, "paragraphs exactly right")?;
    writeln!(
        out,
        "{:<9}{:>11}{:>13}{:>13}",
        "language", "paragraphs", "transalign", "unicode"
    )?;
    for l in &eval.languages {
        writeln!(
            out,
            "{:<9}{:>11}{:>13.3}{:>13.3}",
            l.language.code(),
            l.paragraphs,
            ratio(l.right, l.paragraphs),
            ratio(l.baseline_right, l.paragraphs)
        )?;
    }
    writeln!(
        out,
        "{:<9}{:>11}{:>13.3}{:>13.3}",
        "overall",
        eval.paragraphs(),
        eval.accuracy(),
        eval.baseline_accuracy()
    )?;
    if args.failures {
        for f in &eval.failures {
            writeln!(out, "\n{}:{}", f.path.display(), f.line)?;
            for s in &f.expected {
                writeln!(out, "  want: {s}")?;
            }
            for s in &f.got {
                writeln!(out, "  got:  {s}")?;
            }
        }
    }
    output::write(out.as_bytes(), None)?;
    Ok(EXIT_CLEAN)
}
