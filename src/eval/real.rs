//! Real human translations as a yardstick: the GNOME Help pages in
//! `../shared/real/gnome-help` (English originals `en/<page>.md`, human
//! translations `<lang>/<page>.md`, one block per blank-line separated
//! paragraph, and a `manifest.tsv`; see that folder's README).
//!
//! The texts are read from there, never copied into the repository; every
//! entry point returns `None` when the folder is absent, so callers can skip.
//!
//! Two uses: [`false_alarms`] runs the real check on every faithful page
//! (same structure, nothing left in English) and counts what it reports;
//! [`articles`] turns faithful pages into clean articles for the
//! perturbation benchmark ([`super::faults`]), block for block, Markdown
//! source kept.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::faults::Article;
use crate::document::{Document, InputFormat, LoadOptions};
use crate::error::{Error, Result};
use crate::findings::{Kind, Severity};
use crate::language::Language;
use crate::{CheckOptions, check};

/// Where the corpus is looked for by default (from the repository root).
pub const DEFAULT_DIR: &str = "../shared/real/gnome-help";

/// The translation folders, in report order.
pub const LANGUAGES: [&str; 5] = ["de", "fr", "es", "it", "pt-br"];

/// One row of `manifest.tsv`: a translated page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Page id (file name without `.md`).
    pub page: String,
    /// Translation folder (`de`, …, `pt-br`).
    pub lang: String,
    /// The translation has as many headings and other blocks as the original.
    pub same_structure: bool,
    /// Share of the translation's longer blocks left in English (0 to 1).
    pub untranslated_share: f64,
}

impl Page {
    /// Same structure and nothing left in English: a faithful pair.
    pub fn faithful(&self) -> bool {
        self.same_structure && self.untranslated_share == 0.0
    }

    /// Every longer block is the English one: a page not translated at all.
    pub fn entirely_english(&self) -> bool {
        self.untranslated_share >= 1.0
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn invalid(path: &Path, what: String) -> Error {
    io(
        path,
        std::io::Error::new(std::io::ErrorKind::InvalidData, what),
    )
}

/// Reads `dir/manifest.tsv`; `None` when the folder or its manifest is absent.
pub fn manifest(dir: &Path) -> Result<Option<Vec<Page>>> {
    let path = dir.join("manifest.tsv");
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| invalid(&path, format!("no column `{name}`")))
    };
    let (page, lang, same, share) = (
        column("page")?,
        column("lang")?,
        column("same_structure")?,
        column("untranslated_share")?,
    );
    let mut out = Vec::new();
    for (n, row) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let cells: Vec<&str> = row.split('\t').collect();
        let cell = |i: usize| {
            cells
                .get(i)
                .map(|c| c.trim())
                .ok_or_else(|| invalid(&path, format!("row {} has too few columns", n + 2)))
        };
        out.push(Page {
            page: cell(page)?.to_string(),
            lang: cell(lang)?.to_string(),
            same_structure: cell(same)? == "1",
            untranslated_share: cell(share)?.parse().map_err(|_| {
                invalid(
                    &path,
                    format!("row {}: untranslated_share is no number", n + 2),
                )
            })?,
        });
    }
    Ok(Some(out))
}

/// The language of a translation folder (`pt-br` is Portuguese).
pub fn language(folder: &str) -> Result<Language> {
    Language::from_code(folder.split(['-', '_']).next().unwrap_or(folder))
}

/// A page's blocks: blank-line separated paragraphs, each kept as its
/// Markdown source (heading marks, escapes), lines joined by `\n`.
pub fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for l in text.lines() {
        if l.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(l.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

fn page_path(dir: &Path, lang: &str, page: &str) -> PathBuf {
    dir.join(lang).join(format!("{page}.md"))
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| io(path, e))
}

/// Clean articles from the faithful pages of `langs` (translation folder
/// names), at most `per_language` pages each, spread evenly over the pages
/// in name order (`usize::MAX` for all). Pages whose block counts differ
/// are left out. Articles are named `gnome-<lang>#<page>` (one group per
/// language) and are checked as Markdown. `None` when `dir` has no manifest.
pub fn articles(dir: &Path, langs: &[String], per_language: usize) -> Result<Option<Vec<Article>>> {
    let Some(pages) = manifest(dir)? else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for lang in langs {
        let target_language = language(lang)?;
        let mut faithful: Vec<&Page> = pages
            .iter()
            .filter(|p| p.lang == *lang && p.faithful())
            .collect();
        faithful.sort_by(|a, b| a.page.cmp(&b.page));
        let take = per_language.min(faithful.len());
        for k in 0..take {
            // Evenly spaced, so a limit samples the whole help, not its
            // first letters.
            let page = faithful[k * faithful.len() / take];
            let source = blocks(&read(&page_path(dir, "en", &page.page))?);
            let target = blocks(&read(&page_path(dir, lang, &page.page))?);
            if source.len() != target.len() || source.is_empty() {
                continue;
            }
            out.push(Article {
                name: format!("gnome-{lang}#{}", page.page),
                source_language: Language::from_code("en")?,
                target_language,
                source,
                target,
                format: InputFormat::Markdown,
            });
        }
    }
    Ok(Some(out))
}

/// An error or warning reported on a faithful pair.
#[derive(Debug, Clone, Serialize)]
pub struct Alarm {
    /// Page id.
    pub page: String,
    /// Translation folder.
    pub lang: String,
    /// Finding kind's stable name.
    pub kind: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The finding's message.
    pub message: String,
    /// Lines in the original, if any.
    pub source_lines: Option<[u32; 2]>,
    /// Lines in the translation, if any.
    pub target_lines: Option<[u32; 2]>,
}

/// Figures for one translation folder.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LanguageFigures {
    /// Translation folder.
    pub lang: String,
    /// Faithful pages checked.
    pub pages: usize,
    /// Blocks of their originals.
    pub paragraphs: usize,
    /// Error findings on them.
    pub errors: usize,
    /// Warning findings on them.
    pub warnings: usize,
    /// Info findings on them.
    pub info: usize,
    /// Error and warning findings per kind.
    pub by_kind: BTreeMap<String, usize>,
    /// Info findings per kind.
    pub info_by_kind: BTreeMap<String, usize>,
    /// Pages left entirely in English: `untranslated_share` 1, confirmed
    /// by counting words with a letter or digit only (see
    /// `left_in_english`).
    pub english_pages: usize,
    /// Pages with `untranslated_share` 1 only because a Markdown escape
    /// (`\\&`) made a short block of translated headings' page four words
    /// long: not counted as left in English.
    pub not_left_in_english: usize,
    /// Of those, pages with a finding of kind `untranslated` (any severity).
    pub english_pages_reported: usize,
}

impl LanguageFigures {
    /// Error and warning findings per 100 original blocks.
    pub fn per_100(&self) -> f64 {
        100.0 * (self.errors + self.warnings) as f64 / self.paragraphs.max(1) as f64
    }
}

/// What the check reports on the real pairs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RealReport {
    /// The corpus folder.
    pub dir: String,
    /// Figures per translation folder, in the order asked.
    pub languages: Vec<LanguageFigures>,
    /// Every error and warning on a faithful pair.
    pub alarms: Vec<Alarm>,
}

fn check_page(
    dir: &Path,
    page: &Page,
    dictionaries: &Option<std::sync::Arc<crate::dictionary::Shelf>>,
) -> Result<(usize, Vec<crate::findings::Finding>)> {
    let source_path = page_path(dir, "en", &page.page);
    let target_path = page_path(dir, &page.lang, &page.page);
    let source = Document::load(&source_path, LoadOptions::default())?;
    let target = Document::load(&target_path, LoadOptions::default())?;
    let paragraphs = blocks(&source.text).len();
    // Languages from the folder names, so detection does not interfere.
    let options = CheckOptions {
        source_language: Some(Language::from_code("en")?),
        target_language: Some(language(&page.lang)?),
        dictionaries: dictionaries.clone(),
        ..CheckOptions::default()
    };
    Ok((paragraphs, check(source, target, &options)?.findings))
}

/// Whether a page the manifest marks as entirely English
/// (`untranslated_share` 1) is: the manifest counts blocks of four
/// whitespace-separated words, and a Markdown escape (`\\&`) counts as a
/// word there. Counted here with words that hold a letter or digit, a page
/// is left in English when every such block of four words is an English
/// block, or, having none, when every block is ("# Mouse, Touchpad \\&
/// Touchscreen" over translated headings is a title read the same in
/// both languages, not a page left untranslated).
fn left_in_english(dir: &Path, page: &Page) -> Result<bool> {
    let english = blocks(&read(&page_path(dir, "en", &page.page))?);
    let translated = blocks(&read(&page_path(dir, &page.lang, &page.page))?);
    let words = |b: &str| {
        b.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let measured: Vec<&String> = translated.iter().filter(|b| words(b) >= 4).collect();
    let judged = if measured.is_empty() {
        translated.iter().collect()
    } else {
        measured
    };
    Ok(judged.iter().all(|b| english.contains(b)))
}

/// Checks every faithful page of `langs` (translation folder names) and,
/// for pages left entirely in English, whether they are reported as
/// untranslated. `None` when `dir` has no manifest.
pub fn false_alarms(dir: &Path, langs: &[String]) -> Result<Option<RealReport>> {
    false_alarms_with(dir, langs, None)
}

/// [`false_alarms`] with the dictionaries of a shelf.
pub fn false_alarms_with(
    dir: &Path,
    langs: &[String],
    dictionaries: Option<std::sync::Arc<crate::dictionary::Shelf>>,
) -> Result<Option<RealReport>> {
    let Some(pages) = manifest(dir)? else {
        return Ok(None);
    };
    let mut report = RealReport {
        dir: dir.display().to_string(),
        ..RealReport::default()
    };
    for lang in langs {
        language(lang)?;
        let mut figures = LanguageFigures {
            lang: lang.clone(),
            ..LanguageFigures::default()
        };
        for page in pages.iter().filter(|p| p.lang == *lang) {
            if page.faithful() {
                let (paragraphs, findings) = check_page(dir, page, &dictionaries)?;
                figures.pages += 1;
                figures.paragraphs += paragraphs;
                for f in findings {
                    let kind = f.kind.name().to_string();
                    match f.severity {
                        Severity::Info => {
                            figures.info += 1;
                            *figures.info_by_kind.entry(kind).or_default() += 1;
                            continue;
                        }
                        Severity::Warning => figures.warnings += 1,
                        Severity::Error => figures.errors += 1,
                    }
                    *figures.by_kind.entry(kind.clone()).or_default() += 1;
                    report.alarms.push(Alarm {
                        page: page.page.clone(),
                        lang: lang.clone(),
                        kind,
                        severity: f.severity.name().to_string(),
                        message: f.message,
                        source_lines: f.source.map(|e| e.lines),
                        target_lines: f.target.map(|e| e.lines),
                    });
                }
            } else if page.entirely_english() {
                if !left_in_english(dir, page)? {
                    figures.not_left_in_english += 1;
                    continue;
                }
                figures.english_pages += 1;
                let (_, findings) = check_page(dir, page, &dictionaries)?;
                if findings.iter().any(|f| f.kind == Kind::Untranslated) {
                    figures.english_pages_reported += 1;
                }
            }
        }
        report.languages.push(figures);
    }
    Ok(Some(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("transalign-real-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("en")).unwrap();
        std::fs::create_dir_all(dir.join("de")).unwrap();
        dir
    }

    #[test]
    fn an_absent_folder_is_skipped_not_an_error() {
        let dir = Path::new("/nonexistent/transalign/real/gnome-help");
        assert!(manifest(dir).unwrap().is_none());
        assert!(articles(dir, &["de".into()], 10).unwrap().is_none());
        assert!(false_alarms(dir, &["de".into()]).unwrap().is_none());
    }

    #[test]
    fn blocks_keep_their_markdown_source() {
        let text = "# Copy \\*files\\*\n\nSelect the file.\n\n\n## Paste\nsecond line\n";
        assert_eq!(
            blocks(text),
            vec![
                "# Copy \\*files\\*",
                "Select the file.",
                "## Paste\nsecond line"
            ]
        );
    }

    #[test]
    fn articles_are_faithful_markdown_pages_block_for_block() {
        let dir = scratch("articles");
        std::fs::write(
            dir.join("manifest.tsv"),
            "page\tlang\ten_paragraphs\ttr_paragraphs\tsame_structure\tuntranslated_share\tbytes\n\
             good\tde\t3\t3\t1\t0.000\t10\n\
             partly\tde\t3\t3\t1\t0.500\t10\n\
             other\tde\t3\t2\t0\t0.000\t10\n",
        )
        .unwrap();
        for page in ["good", "partly", "other"] {
            std::fs::write(
                dir.join("en").join(format!("{page}.md")),
                "# Copy \\*files\\*\n\nSelect the file you want to copy.\n\n## Paste\n",
            )
            .unwrap();
            std::fs::write(
                dir.join("de").join(format!("{page}.md")),
                "# \\*Dateien\\* kopieren\n\nWählen Sie die Datei aus.\n\n## Einfügen\n",
            )
            .unwrap();
        }
        let found = articles(&dir, &["de".into()], 10).unwrap().unwrap();
        assert_eq!(found.len(), 1, "only the faithful page");
        let a = &found[0];
        assert_eq!(a.name, "gnome-de#good");
        assert_eq!(a.format, InputFormat::Markdown);
        assert_eq!(a.target_language.code(), "de");
        assert_eq!(
            a.target,
            vec![
                "# \\*Dateien\\* kopieren",
                "Wählen Sie die Datei aus.",
                "## Einfügen"
            ]
        );
        assert_eq!(a.source[0], "# Copy \\*files\\*");
        let report = false_alarms(&dir, &["de".into()]).unwrap().unwrap();
        assert_eq!(report.languages[0].pages, 1);
        assert_eq!(report.languages[0].paragraphs, 3);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_escape_is_no_word_of_a_page_left_in_english() {
        let dir = scratch("english");
        std::fs::write(
            dir.join("manifest.tsv"),
            "page\tlang\ten_paragraphs\ttr_paragraphs\tsame_structure\tuntranslated_share\tbytes\n\
             english\tde\t3\t3\t1\t1.000\t10\n\
             titled\tde\t3\t3\t1\t1.000\t10\n",
        )
        .unwrap();
        let en = "# Mouse, Touchpad \\& Touchscreen\n\n## Common problems\n\n## Tips\n";
        let prose =
            "# Adjust the contrast\n\nYou can adjust the contrast of windows and buttons.\n";
        // A page of one three-word title, left as it is.
        std::fs::write(
            dir.join("en").join("net.md"),
            "# Networking, web \\& email\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("de").join("net.md"),
            "# Networking, web \\& email\n",
        )
        .unwrap();
        std::fs::write(dir.join("en").join("titled.md"), en).unwrap();
        std::fs::write(dir.join("en").join("english.md"), prose).unwrap();
        // Its heading translated, its prose left in English.
        std::fs::write(
            dir.join("de").join("english.md"),
            prose.replace("Adjust the contrast", "Kontrast anpassen"),
        )
        .unwrap();
        // Only the title, four words to the manifest, is the English one.
        std::fs::write(
            dir.join("de").join("titled.md"),
            "# Mouse, Touchpad \\& Touchscreen\n\n## Häufige Probleme\n\n## Tipps\n",
        )
        .unwrap();
        let pages = manifest(&dir).unwrap().unwrap();
        assert!(left_in_english(&dir, &pages[0]).unwrap());
        assert!(!left_in_english(&dir, &pages[1]).unwrap());
        let net = Page {
            page: "net".into(),
            ..pages[0].clone()
        };
        assert!(left_in_english(&dir, &net).unwrap());
        let report = false_alarms(&dir, &["de".into()]).unwrap().unwrap();
        assert_eq!(report.languages[0].english_pages, 1);
        assert_eq!(report.languages[0].not_left_in_english, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn portuguese_of_brazil_is_portuguese() {
        assert_eq!(language("pt-br").unwrap().code(), "pt");
        assert_eq!(language("de").unwrap().code(), "de");
    }

    /// With the real corpus present (skipped without it): every faithful
    /// page loads with as many blocks on both sides, and a heading stays
    /// a heading.
    #[test]
    // A test may say on stderr why it skipped; the library itself never prints.
    #[allow(clippy::print_stderr)]
    fn the_real_corpus_loads_block_for_block() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_DIR);
        let Some(pages) = manifest(&dir).unwrap() else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        let langs: Vec<String> = LANGUAGES.iter().map(|l| l.to_string()).collect();
        let found = articles(&dir, &langs, usize::MAX).unwrap().unwrap();
        let faithful = pages.iter().filter(|p| p.faithful()).count();
        assert_eq!(found.len(), faithful, "a faithful page was left out");
        assert!(found.iter().all(|a| a.source.len() == a.target.len()));
        assert!(
            found
                .iter()
                .all(|a| a.source[0].starts_with("# ") && a.target[0].starts_with("# ")),
            "every page opens with its title as a Markdown heading"
        );
    }
}
