//! Paragraphs first, then sentences inside aligned paragraph groups.
//!
//! Articles are translated paragraph by paragraph; headings, teasers and
//! boilerplate are added, paragraphs dropped. Aligning paragraphs (as long
//! "sentences", with the same costs) confines sentence links to paragraph
//! groups that belong together, and turns a whole added or dropped
//! paragraph into 0-1 or 1-0 links at once.

use super::sentences::{self, skips};
use super::{AlignOptions, Link, Side};

/// Aligns two sides that both have several paragraphs.
pub fn align(source: &Side<'_>, target: &Side<'_>, options: &AlignOptions) -> Vec<Link> {
    let join = |side: &Side<'_>| -> Vec<String> {
        side.paragraphs
            .iter()
            .map(|r| side.sentences[r.clone()].join(" "))
            .collect()
    };
    let (sp, tp) = (join(source), join(target));
    let sp: Vec<&str> = sp.iter().map(String::as_str).collect();
    let tp: Vec<&str> = tp.iter().map(String::as_str).collect();
    let groups = sentences::align(&sp, &tp, options);
    let mut links = Vec::new();
    for group in groups {
        let srange = sentence_range(source, &group.source);
        let trange = sentence_range(target, &group.target);
        if srange.is_empty() || trange.is_empty() {
            links.extend(skips(srange, trange, group.confidence));
            continue;
        }
        let inner = sentences::align(
            &source.sentences[srange.clone()],
            &target.sentences[trange.clone()],
            options,
        );
        links.extend(inner.into_iter().map(|l| Link {
            source: l.source.start + srange.start..l.source.end + srange.start,
            target: l.target.start + trange.start..l.target.end + trange.start,
            confidence: l.confidence,
        }));
    }
    links
}

/// The sentences of a run of paragraphs; an empty run sits where the next
/// paragraph starts.
fn sentence_range(side: &Side<'_>, paragraphs: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = side
        .paragraphs
        .get(paragraphs.start)
        .map_or(side.sentences.len(), |r| r.start);
    if paragraphs.is_empty() {
        return start..start;
    }
    start..side.paragraphs[paragraphs.end - 1].end
}
