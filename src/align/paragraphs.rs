//! Paragraphs first, then sentences inside aligned paragraph groups.
//!
//! Articles are translated paragraph by paragraph; headings, teasers and
//! boilerplate are added, paragraphs dropped. Aligning paragraphs (as long
//! "sentences", with the same costs) confines sentence links to paragraph
//! groups that belong together, and turns a whole added or dropped
//! paragraph into 0-1 or 1-0 links at once. Where both sides know each
//! paragraph's block kind ([`Side::kinds`]), a link between different
//! kinds (a heading with a paragraph, code with prose) costs more
//! ([`super::cost::kind_distance`]).

use super::features::TokenCache;
use super::sentences::{self, Layout, Units, skips};
use super::{AlignOptions, Link, Side};

/// Aligns two sides that both have several paragraphs.
pub fn align<'s>(
    source: &'s Side<'_>,
    target: &'s Side<'_>,
    options: &AlignOptions,
    cache: &TokenCache,
) -> Vec<Link> {
    // Each paragraph is read as its sentences joined.
    let units = |side: &'s Side<'_>| Units::Joined {
        sentences: &side.sentences,
        groups: &side.paragraphs,
    };
    // Translators rarely merge or split paragraphs (site breaks are
    // repaired before this), while a dropped paragraph is just what the
    // check looks for: a paragraph merge costs twice a sentence merge, so
    // that a lone paragraph with no match is skipped rather than hidden in
    // a merge with its neighbour. Long units make the length evidence of a
    // true merge strong enough to pay for it.
    let popts = AlignOptions {
        weights: super::cost::Weights {
            merge: 2.0 * options.weights.merge,
            ..options.weights
        },
        ..options.clone()
    };
    // One ratio for the whole pair: a paragraph group's own would lean
    // towards whatever was added to or dropped from it.
    let ratio = sentences::length_ratio(&source.sentences, &target.sentences);
    let languages = [source.language, target.language];
    // Each paragraph's kind, when both sides know them.
    fn layout<'s>(side: &'s Side<'_>) -> Layout<'s> {
        Layout {
            breaks: &[],
            shapes: if side.kinds.len() == side.paragraphs.len() {
                &side.kinds
            } else {
                &[]
            },
        }
    }
    let groups = sentences::align_units(
        [units(source), units(target)],
        languages,
        [layout(source), layout(target)],
        Some(ratio),
        &popts,
        cache,
    );
    let mut links = Vec::new();
    for group in groups {
        let srange = sentence_range(source, &group.source);
        let trange = sentence_range(target, &group.target);
        if srange.is_empty() || trange.is_empty() {
            links.extend(skips(srange, trange, group.confidence));
            continue;
        }
        let inner = sentences::align_with_breaks(
            &source.sentences[srange.clone()],
            &target.sentences[trange.clone()],
            languages,
            [
                Layout {
                    breaks: &starts(source, srange.clone()),
                    shapes: &[],
                },
                Layout {
                    breaks: &starts(target, trange.clone()),
                    shapes: &[],
                },
            ],
            Some(ratio),
            options,
            cache,
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

/// For each sentence of `range`, whether it starts a paragraph.
fn starts(side: &Side<'_>, range: std::ops::Range<usize>) -> Vec<bool> {
    let mut out = vec![false; range.len()];
    // Paragraphs are in order: only those starting inside `range` are
    // visited (a scan of all of them per group was quadratic on books).
    let first = side.paragraphs.partition_point(|p| p.start <= range.start);
    for p in side.paragraphs[first..]
        .iter()
        .take_while(|p| p.start < range.end)
    {
        out[p.start - range.start] = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(paragraphs: &[&[&'a str]]) -> Side<'a> {
        Side::from_paragraphs(paragraphs, None)
    }

    #[test]
    fn a_sentence_added_to_a_short_paragraph_stays_unlinked() {
        // Priced with the paragraph's own length ratio, the long added
        // sentence would make every honest link look too short and pull
        // the last original sentence onto it.
        let source = side(&[
            &["Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen."],
            &[
                "Nach einer Umfrage des VDV würden etwa 8 Prozent der bisherigen Kunden ihr Abonnement bei einem Preis von 58 Euro kündigen.",
                "Bei 64 Euro wären es der Umfrage zufolge bereits 15 Prozent.",
            ],
            &["Die Entscheidung fällt im Herbst."],
        ]);
        let target = side(&[
            &["Le conseil municipal a adopté mardi le budget de l'année prochaine."],
            &[
                "Selon un sondage de la VDV, environ 8 % des clients actuels résilieraient leur abonnement à 58 euros.",
                "À 64 euros, ils seraient déjà 15 %, d'après la même enquête.",
                "La troisième phase de la restauration, qui concerne l'extérieur du chœur et la sacristie, a commencé au printemps et devrait durer jusqu'en 2028.",
            ],
            &["La décision tombera à l'automne."],
        ]);
        let links = align(
            &source,
            &target,
            &AlignOptions::default(),
            &TokenCache::default(),
        );
        assert!(
            links
                .iter()
                .any(|l| l.source.is_empty() && l.target == (3..4)),
            "{links:?}"
        );
        assert!(
            links
                .iter()
                .any(|l| l.source == (2..3) && l.target == (2..3))
        );
    }

    #[test]
    fn a_heading_links_to_a_heading() {
        use crate::document::{BlockKind, BlockShape};
        let shape = |kind, level| BlockShape { kind, level };
        let (h2, p) = (shape(BlockKind::Heading, 2), shape(BlockKind::Paragraph, 0));
        // The translation adds a short note before the heading: by length
        // alone the heading "Settings" would pair with the note.
        let mut source = side(&[
            &["Settings"],
            &["Open the window and choose the printer you want to use today."],
        ]);
        let mut target = side(&[
            &["Hinweis"],
            &["Druckereinstellungen und Optionen"],
            &["Öffnen Sie das Fenster und wählen Sie den Drucker, den Sie heute verwenden wollen."],
        ]);
        let plain = align(
            &source,
            &target,
            &AlignOptions::default(),
            &TokenCache::default(),
        );
        assert!(
            plain
                .iter()
                .any(|l| l.source == (0..1) && l.target == (0..1)),
            "{plain:?}"
        );
        source.kinds = vec![h2, p];
        target.kinds = vec![p, h2, p];
        let shaped = align(
            &source,
            &target,
            &AlignOptions::default(),
            &TokenCache::default(),
        );
        assert!(
            shaped
                .iter()
                .any(|l| l.source == (0..1) && l.target == (1..2)),
            "{shaped:?}"
        );
        assert!(
            shaped
                .iter()
                .any(|l| l.source.is_empty() && l.target == (0..1)),
            "{shaped:?}"
        );
        // Kinds on one side only are ignored.
        target.kinds.clear();
        assert_eq!(
            align(
                &source,
                &target,
                &AlignOptions::default(),
                &TokenCache::default()
            ),
            plain
        );
    }
}
