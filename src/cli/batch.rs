//! `transalign batch DIR|MANIFEST -o OUT`: many pairs, one report each, and
//! an index.
//!
//! Pairs run in parallel, but results are collected in input order and
//! every file name is derived from the pair list alone, so the outputs do
//! not depend on the thread count. A pair that cannot be checked is
//! reported and the rest go on.

use std::io::{IsTerminal, Write as _};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use rayon::prelude::*;
use serde::Deserialize;
use transalign::report::policy::Policy;
use transalign::report::{
    IndexEntry, Junit, JunitSuite, Render, Skipped, index_page, junit_document,
};
use transalign::{CheckOptions, Language, Severity};

use super::check::{Format, ReportArgs, check_pair, render};
use super::config::Config;
use super::{InputArgs, output, parse_language};
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

const EXAMPLES: &str = "\
Examples:
  transalign batch articles/ -o reports --source-lang en
  transalign batch articles/pairs.tsv -o reports --format junit --fail-on omission
  transalign batch --pair-by-content originals/ translations/ -o reports --show warning
  transalign batch articles/ -o reports --source-lang en --quiet

Besides one report per pair, OUT always gets index.html (worst first, and every file that
was not checked with why) and junit.xml (every pair as one JUnit test suite).";

#[derive(Debug, Args)]
#[command(
    after_help = EXAMPLES,
    mut_arg("format", |a| a.help("Format of each pair's report [default: html]")),
)]
pub struct BatchArgs {
    /// A folder of pairs (article.en.md + article.de.md, or orig/ and
    /// trans/ with the same file names) or a manifest (.toml or .tsv);
    /// with --pair-by-content, the folder of originals.
    input: PathBuf,
    /// With --pair-by-content: the folder of translations.
    #[arg(requires = "pair_by_content")]
    translations: Option<PathBuf>,
    /// Pair originals and translations by content (`batch --pair-by-content
    /// ORIGINALS_DIR TRANSLATIONS_DIR`), whatever their file names.
    #[arg(long, requires = "translations")]
    pair_by_content: bool,
    /// Folder for the reports, index.html and junit.xml (created if missing).
    #[arg(long, short = 'o')]
    output: PathBuf,
    /// Language of the originals; in a folder of article.LANG.ext files, it
    /// picks which file of each group is the original.
    #[arg(long, value_parser = parse_language)]
    source_lang: Option<Language>,
    /// Language of the translations, instead of detecting it.
    #[arg(long, value_parser = parse_language)]
    target_lang: Option<Language>,
    /// Let a manifest name files outside its own folder.
    #[arg(long)]
    allow_outside: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    #[command(flatten)]
    report: ReportArgs,
    #[command(flatten)]
    input_args: InputArgs,
    #[command(flatten)]
    dictionaries: super::align::DictionaryArgs,
}

/// One pair to check.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Job {
    pub(super) name: String,
    pub(super) original: PathBuf,
    pub(super) translation: PathBuf,
    pub(super) source_lang: Option<Language>,
    pub(super) target_lang: Option<Language>,
}

/// A manifest in TOML: `[[pair]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlManifest {
    pair: Vec<TomlPair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TomlPair {
    original: String,
    translation: String,
    source_lang: Option<String>,
    target_lang: Option<String>,
}

/// A file-name-safe version of `s`: letters, digits, `.`, `_` and `-`, so a
/// report's name is safe in a path and in the index's links.
fn safe_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while out.starts_with('.') {
        out.remove(0);
    }
    if out.is_empty() { "pair".into() } else { out }
}

/// Makes names unique in list order: `a`, `a-2`, `a-3`.
fn dedupe(jobs: &mut [Job]) {
    let mut seen = std::collections::HashSet::new();
    for job in jobs.iter_mut() {
        let base = safe_name(&job.name);
        let mut name = base.clone();
        let mut n = 2;
        while !seen.insert(name.to_ascii_lowercase()) || name == "index" {
            name = format!("{base}-{n}");
            n += 1;
        }
        job.name = name;
    }
}

/// Resolves a manifest entry against the manifest's folder, refusing
/// absolute paths, `..` and symbolic links out of the folder unless allowed.
fn resolve(
    manifest: &Path,
    base: &Path,
    entry: &str,
    line: usize,
    allow: bool,
) -> anyhow::Result<PathBuf> {
    let p = Path::new(entry);
    let escapes = p.is_absolute()
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if escapes && !allow {
        bail!(
            "{}: line {line}: {entry:?} is outside the manifest's folder (pass --allow-outside to permit)",
            manifest.display()
        );
    }
    let joined = base.join(p);
    // A symbolic link inside the folder may still lead out of it: compare
    // the real paths. A file that does not exist is left to the loader.
    if !allow {
        if let (Ok(real_base), Ok(real)) = (base.canonicalize(), joined.canonicalize()) {
            if !real.starts_with(&real_base) {
                bail!(
                    "{}: line {line}: {entry:?} leads outside the manifest's folder through a symbolic link (pass --allow-outside to permit)",
                    manifest.display()
                );
            }
        }
    }
    Ok(joined)
}

fn language(manifest: &Path, line: usize, code: Option<&str>) -> anyhow::Result<Option<Language>> {
    code.filter(|c| !c.is_empty())
        .map(|c| {
            Language::from_code(c)
                .map_err(|e| anyhow::anyhow!("{}: line {line}: {e}", manifest.display()))
        })
        .transpose()
}

fn job_name(translation: &str) -> String {
    let t = Path::new(translation);
    let stem = t.with_extension("");
    stem.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// Reads a manifest: TOML (`.toml`) or tab-separated lines of original,
/// translation and optional languages (`#` starts a comment).
pub(super) fn manifest_jobs(path: &Path, allow: bool) -> anyhow::Result<Vec<Job>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the manifest", path.display()))?;
    let base = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut jobs = Vec::new();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        let m: TomlManifest = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            anyhow::anyhow!(
                "{}: line {}: {}",
                path.display(),
                line.unwrap_or(1),
                e.message().trim()
            )
        })?;
        for (i, p) in m.pair.iter().enumerate() {
            let n = i + 1;
            jobs.push(Job {
                name: job_name(&p.translation),
                original: resolve(path, base, &p.original, n, allow)?,
                translation: resolve(path, base, &p.translation, n, allow)?,
                source_lang: language(path, n, p.source_lang.as_deref())?,
                target_lang: language(path, n, p.target_lang.as_deref())?,
            });
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 2 || cols.len() > 4 || cols[0].is_empty() || cols[1].is_empty() {
                bail!(
                    "{}: line {n}: expected original, translation and optional languages separated by tabs",
                    path.display()
                );
            }
            jobs.push(Job {
                name: job_name(cols[1]),
                original: resolve(path, base, cols[0], n, allow)?,
                translation: resolve(path, base, cols[1], n, allow)?,
                source_lang: language(path, n, cols.get(2).copied())?,
                target_lang: language(path, n, cols.get(3).copied())?,
            });
        }
    }
    if jobs.is_empty() {
        bail!("{}: the manifest lists no pairs", path.display());
    }
    Ok(jobs)
}

/// Jobs from pairing two folders by content, and the documents left
/// unpaired on either side.
fn content_jobs(
    originals: &Path,
    translations: &Path,
    args: &BatchArgs,
) -> anyhow::Result<(Vec<Job>, Vec<Skipped>)> {
    let originals = super::pair::documents_in(originals)?;
    let translations = super::pair::documents_in(translations)?;
    let result = transalign::pair::pair(
        &super::pair::fingerprints(&originals, &args.input_args)?,
        &super::pair::fingerprints(&translations, &args.input_args)?,
        &transalign::pair::PairOptions::default(),
    );
    let jobs = result
        .pairs
        .iter()
        .map(|p| {
            let translation = &translations[p.translation];
            Job {
                name: job_name(
                    &translation
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy(),
                ),
                original: originals[p.original].clone(),
                translation: translation.clone(),
                source_lang: args.source_lang,
                target_lang: args.target_lang,
            }
        })
        .collect();
    let left = result
        .unpaired_translations
        .iter()
        .map(|&t| {
            let reason = match result.ambiguous.iter().find(|a| a.translation == t) {
                Some(a) => format!(
                    "ambiguous translation: no original is clearly its own (candidates {})",
                    a.candidates
                        .iter()
                        .map(|c| format!("{} {:.2}", originals[c.original].display(), c.score))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => "orphan translation: no original found by content".to_string(),
            };
            skip(translations[t].display(), reason)
        })
        .chain(result.unpaired_originals.iter().map(|&o| {
            skip(
                originals[o].display(),
                "lonely original: no translation found by content",
            )
        }))
        .collect();
    Ok((jobs, left))
}

/// A file (or files) not checked, and why.
fn skip(path: impl std::fmt::Display, reason: impl Into<String>) -> Skipped {
    Skipped {
        path: path.to_string(),
        reason: reason.into(),
    }
}

/// Pairs in a folder: `orig/` + `trans/` with equal names, else
/// `NAME.LANG.EXT` groups; and the files left out, each with why.
pub(super) fn folder_jobs(
    dir: &Path,
    source_lang: Option<Language>,
) -> anyhow::Result<(Vec<Job>, Vec<Skipped>)> {
    let (orig, trans) = (dir.join("orig"), dir.join("trans"));
    if orig.is_dir() && trans.is_dir() {
        let mut jobs = Vec::new();
        let mut skipped = Vec::new();
        for t in super::pair::documents_in(&trans)? {
            let name = t.file_name().expect("a file").to_owned();
            let o = orig.join(&name);
            if o.is_file() {
                jobs.push(Job {
                    name: job_name(&name.to_string_lossy()),
                    original: o,
                    translation: t,
                    source_lang: None,
                    target_lang: None,
                });
            } else {
                skipped.push(skip(
                    t.display(),
                    "orphan translation: no file of the same name in orig/",
                ));
            }
        }
        for o in super::pair::documents_in(&orig)? {
            if !trans.join(o.file_name().expect("a file")).is_file() {
                skipped.push(skip(
                    o.display(),
                    "lonely original: no file of the same name in trans/",
                ));
            }
        }
        if jobs.is_empty() {
            bail!(
                "{}: no file in trans/ has a namesake in orig/",
                dir.display()
            );
        }
        return Ok((jobs, skipped));
    }
    // Group NAME.LANG.EXT by (NAME, EXT).
    let mut groups: std::collections::BTreeMap<(String, String), Vec<(Language, PathBuf)>> =
        Default::default();
    let mut unnamed = Vec::new();
    for f in super::pair::documents_in(dir)? {
        let file = f
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .into_owned();
        let parts: Vec<&str> = file.rsplitn(3, '.').collect();
        let language = match parts.as_slice() {
            [ext, lang, stem] => Language::from_code(&lang.to_ascii_lowercase())
                .ok()
                .map(|l| (l, stem, ext)),
            _ => None,
        };
        match language {
            Some((l, stem, ext)) => groups
                .entry((stem.to_string(), ext.to_string()))
                .or_default()
                .push((l, f.clone())),
            None => unnamed.push(f),
        }
    }
    let (groups, lonely): (Vec<_>, Vec<_>) = groups.into_iter().partition(|(_, v)| v.len() >= 2);
    if groups.is_empty() {
        bail!(
            "{}: no pairs found: expected NAME.LANG.EXT files (article.en.md, article.de.md) or orig/ and trans/ folders",
            dir.display()
        );
    }
    let source = match source_lang {
        Some(l) => l,
        None => {
            // The original's language: the one every group has, if unique.
            let mut common: Vec<Language> = groups[0].1.iter().map(|(l, _)| *l).collect();
            for (_, v) in &groups[1..] {
                common.retain(|l| v.iter().any(|(m, _)| m == l));
            }
            match common.as_slice() {
                [l] => *l,
                _ => bail!(
                    "{}: cannot tell which language is the original's; give --source-lang",
                    dir.display()
                ),
            }
        }
    };
    let mut jobs = Vec::new();
    let mut skipped: Vec<Skipped> = unnamed
        .iter()
        .map(|f| {
            skip(
                f.display(),
                "no language code in the file name (expected NAME.LANG.EXT)",
            )
        })
        .collect();
    for (_, files) in &lonely {
        let (l, f) = &files[0];
        skipped.push(if *l == source {
            skip(
                f.display(),
                "lonely original: no translation of the same name",
            )
        } else {
            skip(
                f.display(),
                format!(
                    "orphan translation: no original in {} of the same name",
                    source.code()
                ),
            )
        });
    }
    for ((stem, _), files) in &groups {
        let Some((_, original)) = files.iter().find(|(l, _)| *l == source) else {
            let paths: Vec<String> = files.iter().map(|(_, f)| f.display().to_string()).collect();
            skipped.push(skip(
                paths.join(", "),
                format!(
                    "group {stem}: no file in the original's language {}",
                    source.code()
                ),
            ));
            continue;
        };
        for (l, t) in files.iter().filter(|(l, _)| *l != source) {
            jobs.push(Job {
                name: format!("{stem}.{}-{}", source.code(), l.code()),
                original: original.clone(),
                translation: t.clone(),
                source_lang: Some(source),
                target_lang: Some(*l),
            });
        }
    }
    if jobs.is_empty() {
        bail!(
            "{}: no group has a file in the original's language {}",
            dir.display(),
            source.code()
        );
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((jobs, skipped))
}

struct Outcome {
    entry: IndexEntry,
    /// The pair as a JUnit test suite, for the batch's `junit.xml`.
    junit: JunitSuite,
}

/// How each pair is reported.
struct Reporting<'a> {
    policy: &'a Policy,
    show: Option<Severity>,
    renderer: &'a (dyn Render + Send + Sync),
    extension: &'a str,
    junit: Junit,
    /// The dictionaries, one shelf for every pair: each is opened once.
    shelf: Option<std::sync::Arc<transalign::dictionary::Shelf>>,
}

fn check_one(job: &Job, args: &BatchArgs, config: &Config, how: &Reporting) -> Outcome {
    let result = (|| -> anyhow::Result<_> {
        let options = CheckOptions {
            source_language: job
                .source_lang
                .or(args.source_lang)
                .or(config.language(&config.source_lang, "source-lang")?),
            target_language: job
                .target_lang
                .or(args.target_lang)
                .or(config.language(&config.target_lang, "target-lang")?),
            dictionaries: how.shelf.clone(),
            ..CheckOptions::default()
        };
        let mut report = check_pair(
            &job.original,
            &job.translation,
            args.input_args.load_options(),
            &options,
            how.policy,
        )?;
        // The index counts and ranks every finding, shown or not.
        let (fails, worst, summary) = (
            how.policy.fails(&report),
            report.worst(),
            report.summary.clone(),
        );
        if let Some(level) = how.show {
            report.hide_below(level);
        }
        let file = format!("{}.{}", job.name, how.extension);
        let bytes = render(&report, how.renderer)?;
        output::write(&bytes, Some(&args.output.join(&file)))?;
        Ok((fails, worst, summary, file, how.junit.suite(&report)))
    })();
    let mut entry = IndexEntry {
        name: job.name.clone(),
        original: job.original.display().to_string(),
        translation: job.translation.display().to_string(),
        report: None,
        summary: None,
        worst: None,
        fails: false,
        error: None,
    };
    let junit = match result {
        Ok((fails, worst, summary, file, junit)) => {
            entry.fails = fails;
            entry.worst = worst;
            entry.summary = Some(summary);
            entry.report = Some(file);
            junit
        }
        Err(e) => {
            let message = crate::one_line(&e);
            let junit = JunitSuite::error(&entry.original, &entry.translation, &message);
            entry.error = Some(message);
            junit
        }
    };
    Outcome { entry, junit }
}

/// The name of the batch's aggregated JUnit file in the output folder.
const JUNIT_FILE: &str = "junit.xml";

pub fn run(args: BatchArgs) -> anyhow::Result<u8> {
    let config = args.report.policy.load_config()?;
    let policy = args.report.policy.policy(&config)?;
    let format = args.report.format(&config, Format::Html)?;
    let renderer = format.renderer(args.report.terminal(&config, false), &policy, true);
    let allow = args.allow_outside || config.allow_outside.unwrap_or(false);
    let (mut jobs, skipped) = if let Some(translations) = &args.translations {
        content_jobs(&args.input, translations, &args)?
    } else if args.input.is_dir() {
        let source = args
            .source_lang
            .or(config.language(&config.source_lang, "source-lang")?);
        folder_jobs(&args.input, source)?
    } else if args.input.is_file() {
        (manifest_jobs(&args.input, allow)?, Vec::new())
    } else {
        bail!("{}: no such folder or manifest", args.input.display());
    };
    let quiet = args.report.quiet;
    if !quiet {
        let mut stderr = std::io::stderr().lock();
        for k in &skipped {
            let _ = writeln!(stderr, "transalign: skipped {}: {}", k.path, k.reason);
        }
    }
    dedupe(&mut jobs);
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create the output folder", args.output.display()))?;

    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(jobs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let how = Reporting {
        shelf: args.dictionaries.shelf(),
        policy: &policy,
        show: args.report.show(&config)?,
        renderer: renderer.as_ref(),
        extension: format.extension(),
        junit: Junit {
            policy: policy.clone(),
        },
    };
    let outcomes: Vec<Outcome> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let o = check_one(job, &args, &config, &how);
                bar.inc(1);
                o
            })
            .collect()
    });
    bar.finish_and_clear();

    // The JUnit suites in input order, then the files not checked.
    let (mut entries, mut suites): (Vec<IndexEntry>, Vec<JunitSuite>) =
        outcomes.into_iter().map(|o| (o.entry, o.junit)).unzip();
    if !skipped.is_empty() {
        let files: Vec<(String, String)> = skipped
            .iter()
            .map(|k| (k.path.clone(), k.reason.clone()))
            .collect();
        suites.push(JunitSuite::skipped("files not checked", &files));
    }
    output::write(
        junit_document(&suites).as_bytes(),
        Some(&args.output.join(JUNIT_FILE)),
    )?;
    entries.sort_by_key(IndexEntry::rank);
    output::write(
        index_page(&entries, &skipped).as_bytes(),
        Some(&args.output.join("index.html")),
    )?;

    let failing = entries.iter().filter(|e| e.fails).count();
    let broken = entries.iter().filter(|e| e.error.is_some()).count();
    let summary = format!(
        "{}: {failing} failing, {broken} could not be checked, {} passing, {} skipped
",
        transalign::report::count(entries.len(), "pair"),
        entries.len() - failing - broken,
        skipped.len()
    );
    let code = if broken > 0 {
        EXIT_ERROR
    } else if failing > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    if quiet {
        output::write(summary.as_bytes(), None)?;
        return Ok(code);
    }
    let mut text = summary;
    for e in &entries {
        let status = match (&e.error, e.worst) {
            (Some(err), _) => format!("failed   {}: {err}", e.name),
            (None, w) => {
                let s = e.summary.as_ref().map_or(0, |s| s.total);
                let mark = if e.fails { "FAIL" } else { "ok  " };
                format!(
                    "{mark} {:<7} {} ({})",
                    w.map_or("clean", |w| w.name()),
                    e.name,
                    transalign::report::count(s, "finding")
                )
            }
        };
        text.push_str(&format!("  {status}\n"));
    }
    text.push_str(&format!(
        "index: {}\n",
        args.output.join("index.html").display()
    ));
    output::write(text.as_bytes(), None)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_keep_only_harmless_characters() {
        assert_eq!(safe_name("../a b<c>.md"), "_a_b_c_.md");
        assert_eq!(safe_name("..."), "pair");
    }

    #[test]
    fn manifest_entries_cannot_escape() {
        let m = Path::new("m.tsv");
        for bad in ["../x.md", "/etc/passwd", "a/../../x.md"] {
            assert!(resolve(m, Path::new("."), bad, 1, false).is_err(), "{bad}");
            assert!(resolve(m, Path::new("."), bad, 1, true).is_ok(), "{bad}");
        }
        assert!(resolve(m, Path::new("."), "sub/x.md", 1, false).is_ok());
    }

    #[test]
    fn dedupe_is_order_stable() {
        let job = |n: &str| Job {
            name: n.into(),
            original: "a".into(),
            translation: "b".into(),
            source_lang: None,
            target_lang: None,
        };
        let mut jobs = vec![job("a"), job("A"), job("index"), job("a")];
        dedupe(&mut jobs);
        let names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(names, ["a", "A-2", "index-2", "a-3"]);
    }
}
