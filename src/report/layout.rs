//! Shared layout for the human-facing renderers: alignment links grouped into
//! paragraph pairs, and each finding placed on the link it concerns.
//!
//! Terminal, HTML and JUnit all show "aligned paragraphs"; computing the
//! grouping once keeps them showing the same units.

use std::ops::Range;

use super::{AlignedLink, CheckReport, LinkSide};
use crate::findings::{Excerpt, Finding, Kind};

/// A run of links that share paragraphs on either side: one paragraph pair
/// (or an unmatched paragraph) as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Indices into `CheckReport::alignment`.
    pub links: Range<usize>,
    /// Indices into `CheckReport::findings` placed on these links.
    pub findings: Vec<usize>,
}

/// Where every link and finding goes.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// Paragraph pairs in reading order.
    pub blocks: Vec<Block>,
    /// For each link, the findings placed on it.
    pub link_findings: Vec<Vec<usize>>,
    /// Findings that no link's lines contain (shown apart, never dropped).
    pub unplaced: Vec<usize>,
}

impl Layout {
    /// Lays out `report`.
    pub fn of(report: &CheckReport) -> Layout {
        let links = &report.alignment;
        let mut link_findings = vec![Vec::new(); links.len()];
        let mut unplaced = Vec::new();
        for (i, f) in report.findings.iter().enumerate() {
            match place(links, f) {
                Some(l) => link_findings[l].push(i),
                None => unplaced.push(i),
            }
        }
        let mut blocks: Vec<Block> = Vec::new();
        let mut last: (Option<usize>, Option<usize>) = (None, None);
        for (i, link) in links.iter().enumerate() {
            let joins = !blocks.is_empty()
                && (shares(&link.source, last.0) || shares(&link.target, last.1));
            if !joins {
                blocks.push(Block {
                    links: i..i,
                    findings: Vec::new(),
                });
            }
            let block = blocks.last_mut().expect("pushed above");
            block.links.end = i + 1;
            block.findings.extend(&link_findings[i]);
            if let Some(&p) = link.source.paragraphs.last() {
                last.0 = Some(p);
            }
            if let Some(&p) = link.target.paragraphs.last() {
                last.1 = Some(p);
            }
        }
        Layout {
            blocks,
            link_findings,
            unplaced,
        }
    }
}

fn shares(side: &LinkSide, last: Option<usize>) -> bool {
    last.is_some_and(|p| side.paragraphs.first() == Some(&p))
}

/// The side a finding is best shown on: the original for omissions, the
/// translation otherwise (falling back to whichever side it has).
pub(crate) fn primary(f: &Finding) -> Option<(&Excerpt, bool)> {
    let source = f.source.as_ref().map(|e| (e, true));
    let target = f.target.as_ref().map(|e| (e, false));
    if f.kind == Kind::Omission {
        source.or(target)
    } else {
        target.or(source)
    }
}

/// The link a finding belongs to: among links whose lines overlap the
/// finding's excerpt, the first whose text contains it, else the first.
fn place(links: &[AlignedLink], f: &Finding) -> Option<usize> {
    let (excerpt, is_source) = primary(f)?;
    fn side(l: &AlignedLink, is_source: bool) -> &LinkSide {
        if is_source { &l.source } else { &l.target }
    }
    let overlapping: Vec<usize> = (0..links.len())
        .filter(|&i| {
            side(&links[i], is_source)
                .lines
                .is_some_and(|[a, b]| a <= excerpt.lines[1] && excerpt.lines[0] <= b)
        })
        .collect();
    overlapping
        .iter()
        .copied()
        .find(|&i| {
            let text = &side(&links[i], is_source).text;
            !excerpt.text.is_empty()
                && (text.contains(&excerpt.text) || excerpt.text.contains(text.as_str()))
        })
        .or(overlapping.first().copied())
}

/// The line range covered by `links` on one side.
pub(crate) fn lines_of(
    report: &CheckReport,
    links: &Range<usize>,
    source: bool,
) -> Option<[u32; 2]> {
    let mut out: Option<[u32; 2]> = None;
    for link in &report.alignment[links.clone()] {
        let side = if source { &link.source } else { &link.target };
        if let Some([a, b]) = side.lines {
            out = Some(match out {
                None => [a, b],
                Some([x, y]) => [x.min(a), y.max(b)],
            });
        }
    }
    out
}

/// Byte range of `needle` in `text`, if it occurs (first occurrence).
pub(crate) fn locate(text: &str, needle: &str) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    text.find(needle).map(|s| s..s + needle.len())
}

/// Byte ranges of `text` to highlight on one side: where the excerpts of
/// the findings in `ids` (those placed on this link) occur, and the whole
/// text when it lies inside an excerpt of `ids` or of `spanning` (findings
/// placed on a neighbouring link whose excerpt covers several links).
pub(crate) fn highlights(
    report: &CheckReport,
    ids: &[usize],
    spanning: &[usize],
    text: &str,
    source: bool,
    norm: &dyn Fn(&str) -> String,
) -> Vec<(Range<usize>, usize)> {
    let excerpt = |i: usize| {
        let f = &report.findings[i];
        let e = if source { &f.source } else { &f.target };
        e.as_ref().map(|e| norm(&e.text))
    };
    let inside = |ex: &str| (!text.trim().is_empty() && ex.contains(text)).then_some(0..text.len());
    let mut out: Vec<(Range<usize>, usize)> = ids
        .iter()
        .filter_map(|&i| {
            let ex = excerpt(i)?;
            locate(text, &ex).or_else(|| inside(&ex)).map(|r| (r, i))
        })
        .chain(
            spanning
                .iter()
                .filter(|i| !ids.contains(i))
                .filter_map(|&i| inside(&excerpt(i)?).map(|r| (r, i))),
        )
        .collect();
    out.sort_by_key(|(r, i)| (r.start, *i));
    // Drop overlaps: keep the earlier highlight whole.
    let mut kept: Vec<(Range<usize>, usize)> = Vec::new();
    for (r, i) in out {
        if kept.last().is_none_or(|(k, _)| k.end <= r.start) {
            kept.push((r, i));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_first_occurrence_and_refuses_empty() {
        assert_eq!(locate("a b a", "a"), Some(0..1));
        assert_eq!(locate("a b a", "b a"), Some(2..5));
        assert_eq!(locate("abc", ""), None);
        assert_eq!(locate("abc", "x"), None);
    }
}
