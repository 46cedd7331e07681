//! `transalign align SOURCE TARGET` and what `eval` shares with it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, ValueEnum};
use serde::Serialize;
use transalign::align::{self, AlignOptions, Alignment, Lexicon, Side};
use transalign::check::{settle_language, side};
use transalign::dictionary::{self, DictionaryInfo, Shelf};
use transalign::document::Document;
use transalign::{Language, SegmentedDocument};

use super::{InputArgs, SideFormats, at_most_one_stdin, output, parse_language};
use crate::EXIT_CLEAN;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One link per line, `[src ids]:[tgt ids]` (the gold format).
    Units,
    /// Linked texts side by side, with the confidence.
    Tsv,
    /// Links with confidences and sentence texts.
    Json,
}

/// Where bilingual dictionaries come from.
#[derive(Debug, Clone, Args)]
pub struct DictionaryArgs {
    /// Look for FreeDict dictionaries (freedict-deu-fra.index and
    /// .dict.dz, as Debian's dict-freedict-* packages install them) in
    /// this folder instead of $TRANSALIGN_DICT_DIR or /usr/share/dictd;
    /// repeatable.
    #[arg(long, value_name = "DIR")]
    dict_dir: Vec<PathBuf>,
    /// Use no bilingual dictionary, even when one is installed.
    #[arg(long, conflicts_with = "dict_dir")]
    no_dictionaries: bool,
}

impl DictionaryArgs {
    /// Where to look for dictionaries: `--dict-dir`, else the folders in
    /// `TRANSALIGN_DICT_DIR` (separated like `PATH`), else
    /// /usr/share/dictd; `None` with `--no-dictionaries`.
    pub fn shelf(&self) -> Option<Arc<Shelf>> {
        if self.no_dictionaries {
            return None;
        }
        let dirs = if !self.dict_dir.is_empty() {
            self.dict_dir.clone()
        } else if let Some(env) = std::env::var_os("TRANSALIGN_DICT_DIR") {
            std::env::split_paths(&env)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        } else {
            vec![PathBuf::from(dictionary::SYSTEM_DIR)]
        };
        let shelf = Shelf::new(dirs);
        Some(Arc::new(match cache_dir() {
            Some(dir) => shelf.with_cache(dir),
            None => shelf,
        }))
    }
}

/// Aligner settings shared by `align` and `eval`.
#[derive(Debug, Clone, Args)]
pub struct AlignerArgs {
    /// A bilingual word list: TSV (word<TAB>translation, as `transalign
    /// learn` writes), hunalign .dic (`target @ source`) or Ding (`de ::
    /// en`, e.g. /usr/share/trans/de-en); repeatable (a hand-made one
    /// first, then one learned from an archive).
    #[arg(long)]
    lexicon: Vec<PathBuf>,
    #[command(flatten)]
    pub dictionaries: DictionaryArgs,
    /// Most sentences on one side of a link.
    #[arg(long, default_value_t = transalign::align::MAX_LINK as u8, value_parser = clap::value_parser!(u8).range(1..=8))]
    max_link: u8,
    /// Do not learn word translations from the pair and realign.
    #[arg(long)]
    no_learn: bool,
    /// Morphology steps of dictionary matching, for experiments: `none`
    /// or any of affixes,stems,compounds.
    #[arg(long, hide = true, value_delimiter = ',')]
    morphology: Option<Vec<String>>,
    /// Cost weights for experiments: skip,overlap,length,merge[,run].
    #[arg(long, hide = true, value_delimiter = ',')]
    weights: Option<Vec<f32>>,
}

impl AlignerArgs {
    /// The dictionaries between two languages, opened, and named on
    /// standard error with `--verbose`.
    pub fn dictionaries(
        &self,
        languages: [Option<Language>; 2],
        verbose: bool,
    ) -> anyhow::Result<Vec<Arc<dictionary::Dictionary>>> {
        let (Some(shelf), [Some(a), Some(b)]) = (self.dictionaries.shelf(), languages) else {
            return Ok(Vec::new());
        };
        let found = shelf.for_pair(a, b)?;
        if verbose {
            report_dictionaries(found.iter().map(|d| d.info()), a, b);
        }
        Ok(found)
    }

    /// The options these arguments ask for (reads the lexicon).
    pub fn options(&self) -> anyhow::Result<AlignOptions> {
        let mut options = AlignOptions {
            max_link: self.max_link as usize,
            learn: !self.no_learn,
            ..AlignOptions::default()
        };
        if !self.lexicon.is_empty() {
            let mut all = Lexicon::default();
            for path in &self.lexicon {
                all.append(Lexicon::load(path)?);
            }
            options.lexicon = Some(Arc::new(all));
        }
        if let Some(steps) = &self.morphology {
            let has = |name: &str| steps.iter().any(|s| s == name);
            for s in steps {
                anyhow::ensure!(
                    ["none", "affixes", "stems", "compounds"].contains(&s.as_str()),
                    "--morphology takes none or affixes,stems,compounds, not {s:?}"
                );
            }
            options.morphology = dictionary::Morphology {
                affixes: has("affixes"),
                stems: has("stems"),
                compounds: has("compounds"),
            };
        }
        if let Some(w) = &self.weights {
            anyhow::ensure!(
                w.len() == 4 || w.len() == 5,
                "--weights takes skip,overlap,length,merge[,run]"
            );
            options.weights.skip = w[0];
            options.weights.overlap = w[1];
            options.weights.length = w[2];
            options.weights.merge = w[3];
            // Without a run weight, runs of unaligned sentences cost what
            // the default says.
            if let Some(&run) = w.get(4) {
                options.weights.run = run;
            }
        }
        Ok(options)
    }
}

/// Where compiled dictionaries are kept: `$XDG_CACHE_HOME/transalign`,
/// else `~/.cache/transalign`.
fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("transalign"))
}

/// Names the dictionaries used for `a`–`b` on standard error (`--verbose`).
pub fn report_dictionaries<'a>(
    infos: impl Iterator<Item = &'a DictionaryInfo>,
    a: Language,
    b: Language,
) {
    let names: Vec<String> = infos
        .map(|i| {
            format!(
                "{} ({} entries)",
                i.path.as_deref().unwrap_or(&i.name),
                i.entries
            )
        })
        .collect();
    if names.is_empty() {
        eprintln!("dictionaries for {a}-{b}: none found");
    } else {
        eprintln!("dictionaries for {a}-{b}: {}", names.join(", "));
    }
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The original (a file, or - for standard input).
    source: PathBuf,
    /// The translation (a file, or - for standard input).
    target: PathBuf,
    /// Inputs are one sentence per line, a blank line between paragraphs.
    #[arg(long)]
    presegmented: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "units")]
    format: Format,
    /// Language of the original (ISO 639-1: en, pt-BR) [default: named by its file
    /// name, folder or markup, else detected].
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translation (ISO 639-1: en, pt-BR) [default: named by its file
    /// name, folder or markup, else detected].
    #[arg(long, value_parser = parse_language)]
    target_lang: Option<Language>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Name the dictionaries used on standard error.
    #[arg(long, short = 'v')]
    verbose: bool,
    #[command(flatten)]
    aligner: AlignerArgs,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    formats: SideFormats,
}

/// One side as loaded: presegmented lines or a segmented document.
pub enum Loaded {
    /// One sentence per line.
    Lines {
        /// The sentences.
        sentences: Vec<String>,
        /// Sentence ranges of paragraphs.
        paragraphs: Vec<std::ops::Range<usize>>,
        /// The language, if given.
        language: Option<Language>,
    },
    /// A document split by the segmenter.
    Document(Box<SegmentedDocument>),
}

impl Loaded {
    /// Reads a presegmented file: one sentence per line, blank lines between
    /// paragraphs.
    pub fn lines(path: &Path, language: Option<Language>) -> anyhow::Result<Loaded> {
        let text = std::fs::read_to_string(path).map_err(|source| transalign::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut sentences = Vec::new();
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in text.lines() {
            if line.trim().is_empty() {
                if sentences.len() > start {
                    paragraphs.push(start..sentences.len());
                }
                start = sentences.len();
            } else {
                sentences.push(line.to_string());
            }
        }
        if sentences.len() > start || paragraphs.is_empty() {
            paragraphs.push(start..sentences.len());
        }
        Ok(Loaded::Lines {
            sentences,
            paragraphs,
            language,
        })
    }

    /// The aligner's view.
    pub fn side(&self) -> Side<'_> {
        match self {
            Loaded::Lines {
                sentences,
                paragraphs,
                language,
            } => Side {
                sentences: sentences.iter().map(String::as_str).collect(),
                paragraphs: paragraphs.clone(),
                kinds: Vec::new(),
                language: *language,
            },
            Loaded::Document(doc) => side(doc),
        }
    }
}

/// A loaded document, segmented in its settled language.
fn segmented(
    doc: Document,
    language: Option<Language>,
    flag: &'static str,
) -> anyhow::Result<Loaded> {
    let detection = settle_language(&doc, language, flag)?;
    Ok(Loaded::Document(Box::new(SegmentedDocument::new(
        doc, detection,
    ))))
}

/// The language of presegmented sentences when detection is sure of it.
pub fn detect_quietly(sentences: &[&str]) -> Option<Language> {
    let mut text = String::new();
    for s in sentences {
        if text.len() > 20_000 {
            break;
        }
        text.push_str(s);
        text.push('\n');
    }
    transalign::language::detect(Path::new("-"), &text, "--source-lang")
        .ok()
        .map(|d| d.language)
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: std::ops::Range<usize>,
    target: std::ops::Range<usize>,
    confidence: f64,
    source_text: Vec<&'a str>,
    target_text: Vec<&'a str>,
}

fn render(format: Format, alignment: &Alignment, s: &Side<'_>, t: &Side<'_>) -> String {
    match format {
        Format::Units => alignment.to_units(),
        Format::Tsv => {
            let mut out = String::new();
            for l in &alignment.links {
                let clean = |v: &[&str]| v.join(" ").replace(['\t', '\n'], " ");
                out.push_str(&format!(
                    "{:.3}\t{}\t{}\n",
                    l.confidence,
                    clean(&s.sentences[l.source.clone()]),
                    clean(&t.sentences[l.target.clone()])
                ));
            }
            out
        }
        Format::Json => {
            let links: Vec<JsonLink<'_>> = alignment
                .links
                .iter()
                .map(|l| JsonLink {
                    source: l.source.clone(),
                    target: l.target.clone(),
                    confidence: l.confidence,
                    source_text: s.sentences[l.source.clone()].to_vec(),
                    target_text: t.sentences[l.target.clone()].to_vec(),
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&links).unwrap_or_default();
            text.push('\n');
            text
        }
    }
}

pub fn run(args: AlignArgs) -> anyhow::Result<u8> {
    at_most_one_stdin(&[&args.source, &args.target])?;
    let options = args.aligner.options()?;
    let (source, target) = if args.presegmented {
        (
            Loaded::lines(&args.source, args.source_lang)?,
            Loaded::lines(&args.target, args.target_lang)?,
        )
    } else {
        let load = |path: &Path, format| -> anyhow::Result<Document> {
            Ok(Document::load(path, args.input.side_options(format))?.require_text()?)
        };
        let mut source = load(&args.source, args.formats.source_format)?;
        let mut target = load(&args.target, args.formats.target_format)?;
        // Joins are judged on both sides together, as `check` judges them.
        transalign::document::settle_joins(&mut source, &mut target);
        (
            segmented(source, args.source_lang, "--source-lang")?,
            segmented(target, args.target_lang, "--target-lang")?,
        )
    };
    let (mut s, mut t) = (source.side(), target.side());
    // Presegmented lines name no language: detect it where it is clear.
    for side in [&mut s, &mut t] {
        if side.language.is_none() {
            side.language = detect_quietly(&side.sentences);
        }
    }
    let mut options = options;
    options.dictionaries = args
        .aligner
        .dictionaries([s.language, t.language], args.verbose)?;
    let alignment = align::align(&s, &t, &options);
    let text = render(args.format, &alignment, &s, &t);
    output::write(text.as_bytes(), args.output.as_deref()).context("writing the alignment")?;
    Ok(EXIT_CLEAN)
}
