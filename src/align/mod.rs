//! Alignment: a monotone n-m alignment of two sentence sequences.
//!
//! The interface is [`align`]: two [`Side`]s in, an [`Alignment`] out. Every
//! sentence of each side is covered by exactly one [`Link`], links are in
//! order, and each carries a confidence that later stages use.

use std::ops::Range;

use serde::Serialize;

use crate::language::Language;

/// One side of a bitext, as the aligner sees it.
#[derive(Debug, Clone, Default)]
pub struct Side<'a> {
    /// Sentence texts in order.
    pub sentences: Vec<&'a str>,
    /// Sentence ranges of each paragraph, in order, covering `sentences`.
    /// A single paragraph means the input has no paragraph structure.
    pub paragraphs: Vec<Range<usize>>,
    /// The language, when known.
    pub language: Option<Language>,
}

impl<'a> Side<'a> {
    /// A side without paragraph structure.
    pub fn flat(sentences: Vec<&'a str>, language: Option<Language>) -> Side<'a> {
        let n = sentences.len();
        Side {
            sentences,
            paragraphs: std::iter::once(0..n).collect(),
            language,
        }
    }
}

/// A link between a run of source sentences and a run of target sentences.
/// Either run may be empty (an omission or an addition), not both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Source sentence indices.
    pub source: Range<usize>,
    /// Target sentence indices.
    pub target: Range<usize>,
    /// How sure the aligner is of this link, from 0 to 1.
    pub confidence: f64,
}

/// A monotone alignment covering both sides.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Links in order.
    pub links: Vec<Link>,
}

impl Alignment {
    /// The links in the gold format, one per line: `[0, 1]:[0]`.
    pub fn to_units(&self) -> String {
        let ids = |r: &Range<usize>| {
            r.clone()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = String::new();
        for link in &self.links {
            out.push_str(&format!(
                "[{}]:[{}]\n",
                ids(&link.source),
                ids(&link.target)
            ));
        }
        out
    }
}

/// Aligner settings.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Largest number of sentences on one side of a link.
    pub max_link: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { max_link: 3 }
    }
}

/// Aligns two sides.
pub fn align(source: &Side<'_>, target: &Side<'_>, _options: &AlignOptions) -> Alignment {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    let mut links: Vec<Link> = (0..n.min(m))
        .map(|i| Link {
            source: i..i + 1,
            target: i..i + 1,
            confidence: 0.5,
        })
        .collect();
    links.extend((m..n).map(|i| Link {
        source: i..i + 1,
        target: m..m,
        confidence: 0.5,
    }));
    links.extend((n..m).map(|j| Link {
        source: n..n,
        target: j..j + 1,
        confidence: 0.5,
    }));
    Alignment { links }
}
