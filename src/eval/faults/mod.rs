//! The perturbation benchmark: clean parallel articles get one planted
//! fault per copy; recall is measured per fault type, and false alarms as
//! error or warning findings per 100 paragraphs of the clean articles.
//!
//! Clean articles come from faithful golden pairs (`corpora/pairs/*faithful*`),
//! from sentence-aligned bitexts (`../shared/gold/*`), cut into
//! pseudo-articles of paragraphs made of consecutive aligned sentences, and
//! from real human translations (`../shared/real/gnome-help`, see
//! [`super::real`]), whose Markdown blocks stay as they are.

mod plant;
pub mod precision;

use std::path::Path;

use crate::align::Link;
use crate::document::{Document, InputFormat};
use crate::error::Result;
use crate::findings::{Finding, Severity};
use crate::language::Language;
use crate::{CheckOptions, check};

/// A clean parallel article: paragraphs correspond one to one.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where it came from, for reports.
    pub name: String,
    /// The original's language.
    pub source_language: Language,
    /// The translation's language.
    pub target_language: Language,
    /// Original paragraphs.
    pub source: Vec<String>,
    /// Translation paragraphs, the i-th translating the i-th original one.
    pub target: Vec<String>,
    /// How both sides are read when checked: plain text (one paragraph per
    /// entry) or Markdown (one block per entry, heading marks and escapes
    /// kept, as a Markdown file would give them).
    pub format: InputFormat,
}

/// The kinds of planted fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// A translation paragraph removed.
    DropParagraph,
    /// One sentence removed from a translation paragraph.
    DropSentence,
    /// A paragraph from another article inserted.
    AddParagraph,
    /// A sentence from another article inserted into a paragraph.
    AddSentence,
    /// A paragraph printed again further down.
    DuplicateParagraph,
    /// A number changed.
    ChangeNumber,
    /// A quotation cut to its first words.
    TruncateQuote,
    /// A negation added to or removed from a quotation.
    NegateQuote,
    /// A number or name inside a quotation changed.
    AlterQuote,
    /// A prose paragraph of the translation replaced by its original's text
    /// (left untranslated).
    UntranslatedParagraph,
    /// Two adjacent prose paragraphs of the translation told in the other
    /// order. Measured the other way round: the swap should raise no new
    /// error or warning (the translation says everything the original says).
    SwapParagraphs,
}

impl Fault {
    /// Every fault, in report order. New faults go at the end: a fault's
    /// index seeds its cases' random streams.
    pub const ALL: [Fault; 11] = [
        Fault::DropParagraph,
        Fault::DropSentence,
        Fault::AddParagraph,
        Fault::AddSentence,
        Fault::DuplicateParagraph,
        Fault::ChangeNumber,
        Fault::TruncateQuote,
        Fault::NegateQuote,
        Fault::AlterQuote,
        Fault::UntranslatedParagraph,
        Fault::SwapParagraphs,
    ];

    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Fault::DropParagraph => "drop_paragraph",
            Fault::DropSentence => "drop_sentence",
            Fault::AddParagraph => "add_paragraph",
            Fault::AddSentence => "add_sentence",
            Fault::DuplicateParagraph => "duplicate_paragraph",
            Fault::ChangeNumber => "change_number",
            Fault::TruncateQuote => "truncate_quote",
            Fault::NegateQuote => "negate_quote",
            Fault::AlterQuote => "alter_quote",
            Fault::UntranslatedParagraph => "untranslated_paragraph",
            Fault::SwapParagraphs => "swap_paragraphs",
        }
    }

    /// Whether its figure is inverse: the share of cases that raise no new
    /// finding, not the share detected.
    pub fn quiet_is_good(self) -> bool {
        self == Fault::SwapParagraphs
    }

    /// The stable names of the finding kinds that count as detecting it
    /// (names, not [`Kind`]s, so a kind another branch adds can be named
    /// before it exists).
    fn kinds(self) -> &'static [&'static str] {
        match self {
            Fault::DropParagraph | Fault::DropSentence => &["omission"],
            Fault::AddParagraph | Fault::AddSentence | Fault::DuplicateParagraph => &["addition"],
            Fault::ChangeNumber => &["number_mismatch", "altered_quote"],
            Fault::TruncateQuote | Fault::NegateQuote | Fault::AlterQuote => &["altered_quote"],
            Fault::UntranslatedParagraph => &["untranslated"],
            // Judged against the unswapped article's findings instead.
            Fault::SwapParagraphs => &[],
        }
    }
}

/// Where a planted fault must be reported: 1-based line ranges.
#[derive(Debug, Clone)]
struct Planted {
    fault: Fault,
    source_lines: Option<[u32; 2]>,
    target_lines: Option<[u32; 2]>,
    target: Vec<String>,
}

/// Recall for one fault type.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Recall {
    /// Fault name.
    pub fault: String,
    /// Copies with this fault.
    pub planted: usize,
    /// Copies where an error or warning finding of a matching kind
    /// overlapped the fault. For `swap_paragraphs` (see
    /// [`Fault::quiet_is_good`]): copies where the swap raised an error or
    /// warning the unswapped article did not have; `planted - detected`
    /// are the quiet ones.
    pub detected: usize,
}

/// The benchmark's figures.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    /// Clean articles used.
    pub articles: usize,
    /// Paragraphs in their translations.
    pub paragraphs: usize,
    /// Error and warning findings on the clean articles.
    pub false_alarms: usize,
    /// Recall per fault type.
    pub recall: Vec<Recall>,
    /// Recall per fault type within each group of articles: `news` (the
    /// faithful golden pairs) and each gold bitext, whose literary or OCR'd
    /// text behaves differently.
    pub recall_by_group: Vec<(String, Vec<Recall>)>,
    /// Messages of false alarms, for inspection (at most 50).
    pub false_alarm_messages: Vec<String>,
    /// False alarms per clean-article source (faithful pair or bitext).
    pub false_alarms_by_corpus: Vec<(String, usize, usize)>,
    /// Planted faults that went undetected, and swaps that raised a new
    /// finding, with what was reported (at most 60), for inspection.
    pub misses: Vec<String>,
    /// Precision per severity and confidence band (see [`precision`]):
    /// every finding on the clean articles, and the new findings on the
    /// faulted copies.
    pub precision: Vec<precision::Cell>,
    /// Original and faulted translation of the first misses (at most 60),
    /// for reproducing them with `transalign check`.
    #[serde(skip)]
    pub miss_texts: Vec<(String, String, String)>,
}

impl Report {
    /// False alarms per 100 clean paragraphs.
    pub fn false_alarms_per_100(&self) -> f64 {
        100.0 * self.false_alarms as f64 / self.paragraphs.max(1) as f64
    }
}

/// A small deterministic random generator (xorshift), so runs repeat.
struct Rng(u64);

impl Rng {
    /// A generator of its own for one planted case, so that a change in
    /// how one case draws leaves every other case as it was.
    /// The generator of one case. `article` is a hash of the article's
    /// name, so that adding an article to the benchmark leaves the others'
    /// cases as they were.
    fn for_case(seed: u64, article: u64, fault: usize, copy: usize) -> Rng {
        // SplitMix64's finaliser spreads the case's numbers over all bits.
        let mut z = seed
            ^ article.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ (fault as u64).wrapping_mul(0xbf58_476d_1ce4_e5b9)
            ^ (copy as u64).wrapping_mul(0x94d0_49bb_1331_11eb);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)).max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn render(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n") + "\n"
}

/// Line of paragraph `i` in [`render`]ed text (one line per paragraph).
fn line(i: usize) -> u32 {
    (2 * i + 1) as u32
}

fn sentences(text: &str, language: Language) -> Vec<String> {
    crate::segment::split(text, language)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Articles from the faithful golden pairs under `root`.
pub fn faithful_pairs(root: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    for dir in super::pair_dirs(root) {
        if !dir
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains("faithful"))
        {
            continue;
        }
        let Ok(expected) = super::Expected::load(&dir.join("expected.json")) else {
            continue;
        };
        let load =
            |name: &str| Document::load(&dir.join(name), crate::document::LoadOptions::default());
        let (Ok(s), Ok(t)) = (load(&expected.source), load(&expected.target)) else {
            continue;
        };
        let lang = |name: &str| {
            Path::new(name)
                .file_stem()
                .and_then(|s| Language::from_code(&s.to_string_lossy()).ok())
        };
        let (Some(sl), Some(tl)) = (lang(&expected.source), lang(&expected.target)) else {
            continue;
        };
        let texts = |d: &Document| {
            d.paragraphs
                .iter()
                .map(|p| p.text.clone())
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
        };
        let (source, target) = (texts(&s), texts(&t));
        if source.len() != target.len() {
            continue;
        }
        out.push(Article {
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            source_language: sl,
            target_language: tl,
            source,
            target,
            format: InputFormat::Text,
        });
    }
    out
}

fn parse_links(gold: &str) -> Vec<Link> {
    let ids = |s: &str| -> Vec<usize> {
        s.trim_matches(['[', ']', ' '])
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    };
    gold.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(a, b)| {
            let (a, b) = (ids(a), ids(b));
            let range = |v: &[usize]| v.first().map_or(0..0, |f| *f..v[v.len() - 1] + 1);
            Link {
                source: range(&a),
                target: range(&b),
                confidence: 1.0,
                loose: None,
            }
        })
        .collect()
}

/// Pseudo-articles from a gold bitext folder (`source.xx`, `target.yy`,
/// `gold.align`): runs of 1-1 or n-m links, `per_paragraph` links to a
/// paragraph, `paragraphs` paragraphs to an article, at most `max` articles.
pub fn gold_articles(
    dir: &Path,
    per_paragraph: usize,
    paragraphs: usize,
    max: usize,
) -> Result<Vec<Article>> {
    let mut source_path = None;
    let mut target_path = None;
    for entry in std::fs::read_dir(dir)
        .map_err(|source| crate::Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("source.") {
            source_path = Some(entry.path());
        } else if name.starts_with("target.") {
            target_path = Some(entry.path());
        }
    }
    let (Some(sp), Some(tp)) = (source_path, target_path) else {
        return Ok(Vec::new());
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|source| crate::Error::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let lang = |p: &Path| {
        p.extension()
            .and_then(|e| Language::from_code(&e.to_string_lossy()).ok())
    };
    let (Some(sl), Some(tl)) = (lang(&sp), lang(&tp)) else {
        return Ok(Vec::new());
    };
    let (src, tgt, gold) = (read(&sp)?, read(&tp)?, read(&dir.join("gold.align"))?);
    let src: Vec<&str> = src.lines().collect();
    let tgt: Vec<&str> = tgt.lines().collect();
    let links = parse_links(&gold);
    let mut out = Vec::new();
    let mut current = Article {
        name: String::new(),
        source_language: sl,
        target_language: tl,
        source: Vec::new(),
        target: Vec::new(),
        format: InputFormat::Text,
    };
    let mut buffer: Vec<&Link> = Vec::new();
    let flush_article = |current: &mut Article, out: &mut Vec<Article>| {
        if current.source.len() == paragraphs {
            current.name = format!(
                "{}#{}",
                dir.file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                out.len()
            );
            out.push(current.clone());
        }
        current.source.clear();
        current.target.clear();
    };
    for link in &links {
        if out.len() >= max {
            break;
        }
        let usable = !link.source.is_empty()
            && !link.target.is_empty()
            && link.source.end <= src.len()
            && link.target.end <= tgt.len();
        if !usable {
            buffer.clear();
            flush_article(&mut current, &mut out);
            continue;
        }
        buffer.push(link);
        if buffer.len() == per_paragraph {
            let join = |lines: &[&str], r: std::ops::Range<usize>| {
                lines[r]
                    .iter()
                    .map(|s| s.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            current.source.push(
                buffer
                    .iter()
                    .map(|l| join(&src, l.source.clone()))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            current.target.push(
                buffer
                    .iter()
                    .map(|l| join(&tgt, l.target.clone()))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            buffer.clear();
            if current.source.len() == paragraphs {
                flush_article(&mut current, &mut out);
            }
        }
    }
    Ok(out)
}

fn run_check(
    article: &Article,
    target: &[String],
    dictionaries: &Option<std::sync::Arc<crate::dictionary::Shelf>>,
) -> Result<Vec<Finding>> {
    let ext = match article.format {
        InputFormat::Markdown => "md",
        InputFormat::Html => "html",
        InputFormat::Text => "txt",
    };
    let s = Document::from_text(
        Path::new(&format!("source.{ext}")),
        render(&article.source),
        article.format,
    );
    let t = Document::from_text(
        Path::new(&format!("target.{ext}")),
        render(target),
        article.format,
    );
    let options = CheckOptions {
        source_language: Some(article.source_language),
        target_language: Some(article.target_language),
        dictionaries: dictionaries.clone(),
        ..CheckOptions::default()
    };
    Ok(check(s, t, &options)?.findings)
}

fn overlaps(want: Option<[u32; 2]>, got: &Option<crate::findings::Excerpt>) -> bool {
    match (want, got) {
        (None, _) => true,
        (Some(w), Some(e)) => w[0] <= e.lines[1] && e.lines[0] <= w[1],
        (Some(_), None) => false,
    }
}

/// Whether two findings, one on an article and one on a faulted copy of it,
/// are the same. The original's lines do not move, so a finding is the
/// same when it has the same kind and the same original excerpt's lines,
/// or (for a finding on the translation alone, whose lines a fault may
/// move) the same translation text.
fn same_finding(a: &Finding, b: &Finding) -> bool {
    a.kind == b.kind
        && match (&a.source, &b.source) {
            (Some(x), Some(y)) => x.lines == y.lines,
            (None, None) => {
                a.target.as_ref().map(|e| &e.text) == b.target.as_ref().map(|e| &e.text)
            }
            _ => false,
        }
}

/// Whether a swap raised an error or warning that the unswapped article's
/// `clean` findings do not have.
fn raised_new(findings: &[Finding], clean: &[Finding]) -> bool {
    findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .any(|f| !clean.iter().any(|c| same_finding(c, f)))
}

/// Whether a finding lies where `planted` was planted.
fn locates(planted: &Planted, f: &Finding) -> bool {
    match (planted.source_lines, planted.target_lines) {
        // Either side locating the fault is enough for kinds with
        // two sides (a changed number is one fact on both).
        (Some(_), Some(_)) => {
            overlaps(planted.source_lines, &f.source) || overlaps(planted.target_lines, &f.target)
        }
        _ => overlaps(planted.source_lines, &f.source) && overlaps(planted.target_lines, &f.target),
    }
}

fn detected(planted: &Planted, findings: &[Finding]) -> bool {
    findings.iter().any(|f| {
        f.severity >= Severity::Warning
            && planted.fault.kinds().contains(&f.kind.name())
            && locates(planted, f)
    })
}

/// Runs the benchmark over `articles`, `copies` copies per fault type and
/// article, with random seed `seed`.
pub fn run(articles: &[Article], copies: usize, seed: u64) -> Result<Report> {
    run_with(articles, copies, seed, None)
}

/// [`run`] with the dictionaries of a shelf.
pub fn run_with(
    articles: &[Article],
    copies: usize,
    seed: u64,
    dictionaries: Option<std::sync::Arc<crate::dictionary::Shelf>>,
) -> Result<Report> {
    let mut report = Report {
        recall: Fault::ALL
            .iter()
            .map(|f| Recall {
                fault: f.name().into(),
                ..Recall::default()
            })
            .collect(),
        precision: precision::empty_table(),
        ..Report::default()
    };
    let all: Vec<&Article> = articles.iter().collect();
    for article in articles {
        let name_hash = crate::fnv::fnv1a(article.name.bytes());
        report.articles += 1;
        report.paragraphs += article.target.len();
        let corpus = article.name.split('#').next().unwrap_or("").to_string();
        let group = if article.name.contains('#') {
            corpus.clone()
        } else {
            "news".to_string()
        };
        let g = match report.recall_by_group.iter().position(|(n, _)| *n == group) {
            Some(g) => g,
            None => {
                report.recall_by_group.push((
                    group,
                    report
                        .recall
                        .iter()
                        .map(|r| Recall {
                            fault: r.fault.clone(),
                            ..Recall::default()
                        })
                        .collect(),
                ));
                report.recall_by_group.len() - 1
            }
        };
        let slot = match report
            .false_alarms_by_corpus
            .iter()
            .position(|c| c.0 == corpus)
        {
            Some(i) => i,
            None => {
                report.false_alarms_by_corpus.push((corpus, 0, 0));
                report.false_alarms_by_corpus.len() - 1
            }
        };
        report.false_alarms_by_corpus[slot].2 += article.target.len();
        let clean_all = run_check(article, &article.target, &dictionaries)?;
        for f in &clean_all {
            precision::tally(&mut report.precision, f, false);
        }
        let clean: Vec<Finding> = clean_all
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .cloned()
            .collect();
        for f in clean.iter() {
            report.false_alarms += 1;
            report.false_alarms_by_corpus[slot].1 += 1;
            if report.false_alarm_messages.len() < 50 {
                report.false_alarm_messages.push(format!(
                    "{}: {} {}",
                    article.name,
                    f.kind.name(),
                    f.message
                ));
            }
        }
        for (n, fault) in Fault::ALL.iter().enumerate() {
            for copy in 0..copies {
                let mut rng = Rng::for_case(seed, name_hash, n, copy);
                let Some(planted) = plant::plant(*fault, article, &all, &mut rng) else {
                    continue;
                };
                let findings = run_check(article, &planted.target, &dictionaries)?;
                precision::tally_copy(&mut report.precision, &planted, &findings, &clean_all);
                report.recall[n].planted += 1;
                report.recall_by_group[g].1[n].planted += 1;
                // For a swap, "detected" counts the swaps that raised a new
                // error or warning: those are the cases to study, listed
                // with the misses.
                let (count, study) = if fault.quiet_is_good() {
                    let raised = raised_new(&findings, &clean);
                    (raised, raised)
                } else {
                    let found = detected(&planted, &findings);
                    (found, !found)
                };
                if count {
                    report.recall[n].detected += 1;
                    report.recall_by_group[g].1[n].detected += 1;
                }
                if study && report.misses.len() < 60 {
                    if report.miss_texts.len() < 60 {
                        report.miss_texts.push((
                            format!(
                                "{}-{}-{}",
                                article.name.replace('#', "-"),
                                fault.name(),
                                report.misses.len()
                            ),
                            render(&article.source),
                            render(&planted.target),
                        ));
                    }
                    let seen: Vec<String> = findings
                        .iter()
                        .map(|f| {
                            format!(
                                "{} {} src {:?} tgt {:?}",
                                f.kind.name(),
                                f.severity.name(),
                                f.source.as_ref().map(|e| e.lines),
                                f.target.as_ref().map(|e| e.lines)
                            )
                        })
                        .collect();
                    report.misses.push(format!(
                        "{} {}: {} src {:?} tgt {:?}; got [{}]",
                        article.name,
                        fault.name(),
                        if fault.quiet_is_good() {
                            "swapped"
                        } else {
                            "want"
                        },
                        planted.source_lines,
                        planted.target_lines,
                        seen.join("; ")
                    ));
                }
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Kind;

    #[test]
    fn fault_kinds_are_finding_kind_names() {
        let known: Vec<&str> = [
            Kind::Omission,
            Kind::Addition,
            Kind::AlteredQuote,
            Kind::NumberMismatch,
            Kind::NameMismatch,
        ]
        .iter()
        .map(|k| k.name())
        .collect();
        for fault in Fault::ALL {
            for name in fault.kinds() {
                // `untranslated` is the kind another branch is adding.
                assert!(
                    known.contains(name) || *name == "untranslated",
                    "{}: no finding kind {name}",
                    fault.name()
                );
            }
        }
    }
}
