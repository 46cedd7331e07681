//! Hand-made reports for renderer tests: every finding kind and severity,
//! without depending on what the detectors currently find. All report
//! construction goes through here, so a field added to the report types
//! needs one edit.
#![allow(dead_code)]

use transalign::document::InputFormat;
use transalign::findings::Excerpt;
use transalign::report::{
    AlignedLink, CheckReport, DocumentInfo, FORMAT_VERSION, LinkSide, Summary,
};
use transalign::{Finding, Kind, Language, Severity};

/// One side of a fixture: a path, a language, and sentences as
/// (paragraph, line, text).
pub struct Doc<'a> {
    pub path: &'a str,
    pub lang: &'a str,
    pub sentences: Vec<(usize, u32, &'a str)>,
}

impl Doc<'_> {
    fn info(&self) -> DocumentInfo {
        let mut paragraphs: Vec<usize> = self.sentences.iter().map(|s| s.0).collect();
        paragraphs.dedup();
        DocumentInfo {
            path: self.path.to_string(),
            language: Language::from_code(self.lang).expect("fixture language"),
            language_given: true,
            language_confidence: 1.0,
            format: InputFormat::from_path(std::path::Path::new(self.path)),
            paragraphs: paragraphs.len(),
            sentences: self.sentences.len(),
        }
    }

    fn side(&self, ids: &[usize]) -> LinkSide {
        let mut paragraphs: Vec<usize> = ids.iter().map(|&i| self.sentences[i].0).collect();
        paragraphs.dedup();
        LinkSide {
            sentences: ids.to_vec(),
            paragraphs,
            lines: ids
                .first()
                .map(|&a| [self.sentences[a].1, self.sentences[*ids.last().unwrap()].1]),
            text: ids
                .iter()
                .map(|&i| self.sentences[i].2)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// An excerpt of sentence `i`: `needle`, which must occur in it.
    pub fn excerpt(&self, i: usize, needle: &str) -> Excerpt {
        let (_, line, text) = self.sentences[i];
        let at = text.find(needle).expect("needle in sentence");
        let col = text[..at].chars().count() as u32 + 1;
        let len = needle.chars().count().max(1) as u32;
        Excerpt {
            lines: [line, line],
            columns: [col, col + len - 1],
            bytes: [at, at + needle.len()],
            text: needle.to_string(),
        }
    }
}

/// A finding.
pub fn finding(
    kind: Kind,
    severity: Severity,
    message: &str,
    source: Option<Excerpt>,
    target: Option<Excerpt>,
) -> Finding {
    Finding {
        kind,
        severity,
        confidence: 0.875,
        message: message.to_string(),
        source,
        target,
    }
}

/// A report from two docs, links as sentence ids, and findings.
pub fn report(
    source: &Doc,
    target: &Doc,
    links: &[(&[usize], &[usize])],
    findings: Vec<Finding>,
) -> CheckReport {
    CheckReport {
        version: FORMAT_VERSION,
        source: source.info(),
        target: target.info(),
        same_language: source.lang == target.lang,
        alignment: links
            .iter()
            .map(|(s, t)| AlignedLink {
                source: source.side(s),
                target: target.side(t),
                confidence: 0.75,
            })
            .collect(),
        summary: Summary::of(&findings),
        findings,
    }
}

pub fn source_doc<'a>(path: &'a str) -> Doc<'a> {
    Doc {
        path,
        lang: "en",
        sentences: vec![
            (0, 1, "Mayor Anna Berg opens the river bridge"),
            (1, 3, "The mayor opened the bridge on Monday morning."),
            (
                1,
                3,
                "It cost 40 million euros and took six years to build.",
            ),
            (
                2,
                5,
                "\"We built this for our children,\" Berg said. \"It will stand for a century.\"",
            ),
            (
                3,
                7,
                "Traffic in the old town is expected to fall by a third.",
            ),
            (4, 9, "The ferry will keep running on weekends."),
        ],
    }
}

pub fn target_doc<'a>(path: &'a str) -> Doc<'a> {
    Doc {
        path,
        lang: "de",
        sentences: vec![
            (0, 1, "Bürgermeisterin Anne Berg eröffnet die Flussbrücke"),
            (1, 3, "Jetzt lesen: alles zur neuen Brücke"),
            (
                2,
                5,
                "Die Bürgermeisterin eröffnete die Brücke am Montagmorgen.",
            ),
            (
                2,
                5,
                "Sie kostete 14 Millionen Euro, der Bau dauerte sechs Jahre.",
            ),
            (
                3,
                7,
                "\"Wir haben das für unsere Kinder gebaut\", sagte Berg und sprach von einem Jahrhundert.",
            ),
            (4, 9, "Die Fähre fährt weiterhin an Wochenenden."),
        ],
    }
}

/// A translation report with one finding of every kind and all three
/// severities.
pub fn sample() -> CheckReport {
    sample_named("en.md", "de.md")
}

/// [`sample`] with other file names.
pub fn sample_named(source: &str, target: &str) -> CheckReport {
    let s = source_doc(source);
    let t = target_doc(target);
    let findings = vec![
        finding(
            Kind::NameMismatch,
            Severity::Info,
            "The name \"Anna\" in the original appears as \"Anne\" in the translation.",
            Some(s.excerpt(0, "Anna Berg")),
            Some(t.excerpt(0, "Anne Berg")),
        ),
        finding(
            Kind::Addition,
            Severity::Warning,
            "A teaser line in the translation has no counterpart in the original.",
            None,
            Some(t.excerpt(1, "Jetzt lesen: alles zur neuen Brücke")),
        ),
        finding(
            Kind::NumberMismatch,
            Severity::Error,
            "The original says 40, the translation 14.",
            Some(s.excerpt(2, "40")),
            Some(t.excerpt(3, "14")),
        ),
        finding(
            Kind::AlteredQuote,
            Severity::Error,
            "Only the first sentence of the quotation is still quoted; the rest is paraphrased.",
            Some(s.excerpt(
                3,
                "\"We built this for our children,\" Berg said. \"It will stand for a century.\"",
            )),
            Some(t.excerpt(4, "\"Wir haben das für unsere Kinder gebaut\"")),
        ),
        finding(
            Kind::Omission,
            Severity::Error,
            "This sentence of the original has no counterpart in the translation.",
            Some(s.excerpt(4, "Traffic in the old town is expected to fall by a third.")),
            None,
        ),
    ];
    report(
        &s,
        &t,
        &[
            (&[0], &[0]),
            (&[], &[1]),
            (&[1, 2], &[2, 3]),
            (&[3], &[4]),
            (&[4], &[]),
            (&[5], &[5]),
        ],
        findings,
    )
}

/// A revision check: both sides English, a quote changed word by word.
pub fn revision() -> CheckReport {
    let s = Doc {
        path: "draft-1.txt",
        lang: "en",
        sentences: vec![
            (0, 1, "The council met on Tuesday."),
            (1, 3, "\"We will open the bridge in May,\" the mayor said."),
            (2, 5, "Work starts next week."),
        ],
    };
    let t = Doc {
        path: "draft-2.txt",
        lang: "en",
        sentences: vec![
            (0, 1, "The council met on Tuesday."),
            (
                1,
                3,
                "\"We hope to open the bridge in June,\" the mayor said.",
            ),
            (2, 5, "Work starts next week."),
        ],
    };
    let findings = vec![finding(
        Kind::AlteredQuote,
        Severity::Warning,
        "The quotation's wording changed.",
        Some(s.excerpt(1, "\"We will open the bridge in May,\"")),
        Some(t.excerpt(1, "\"We hope to open the bridge in June,\"")),
    )];
    report(
        &s,
        &t,
        &[(&[0], &[0]), (&[1], &[1]), (&[2], &[2])],
        findings,
    )
}
