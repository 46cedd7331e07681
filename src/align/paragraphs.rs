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

/// Aligns two sides whose translation has several paragraphs.
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
            // Paragraphs are skipped one by one (runs raised false alarms
            // on GNOME Help: docs/benchmarks.md).
            run: options.weights.skip,
            ..options.weights
        },
        ..options.clone()
    };
    // Inside a paragraph group too, sentences are skipped one by one: the
    // paragraphs already set apart what has no counterpart, and runs of
    // unaligned sentences there raised the false alarms on faithful German
    // GNOME Help pages (`eval-faults --max-articles 25 --no-dictionaries`:
    // 6 → 8 in 777 paragraphs; docs/benchmarks.md).
    let sopts = AlignOptions {
        weights: super::cost::Weights {
            run: options.weights.skip,
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
    let (groups, ratio) = sentences::align_units_fitting_ratio(
        [units(source), units(target)],
        languages,
        [layout(source), layout(target)],
        ratio,
        &popts,
        cache,
    );
    let mut groups = groups;
    reseat(&mut groups, [source, target], ratio, &sopts, cache);
    let ratios = sentence_ratios(source, target, ratio);
    // Each group's alignments under each ratio, and what each ratio costs
    // over all groups.
    let mut totals = vec![0.0f32; ratios.len()];
    let mut solved = Vec::with_capacity(groups.len());
    for group in &groups {
        let srange = sentence_range(source, &group.source);
        let trange = sentence_range(target, &group.target);
        if srange.is_empty() || trange.is_empty() {
            solved.push((srange, trange, group.confidence, Vec::new()));
            continue;
        }
        let inner = sentences::align_under_ratios(
            [
                &source.sentences[srange.clone()],
                &target.sentences[trange.clone()],
            ],
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
            &ratios,
            &sopts,
            cache,
        );
        for (total, one) in totals.iter_mut().zip(&inner) {
            *total += one.cost;
        }
        solved.push((srange, trange, group.confidence, inner));
    }
    let best = sentences::cheapest(&totals, &ratios, sentences::RatioPrior::of(languages));
    let mut links = Vec::new();
    for (srange, trange, confidence, mut inner) in solved {
        if inner.is_empty() {
            links.extend(skips(srange, trange, confidence));
            continue;
        }
        links.extend(inner.swap_remove(best).links.into_iter().map(|l| Link {
            source: l.source.start + srange.start..l.source.end + srange.start,
            target: l.target.start + trange.start..l.target.end + trange.start,
            confidence: l.confidence,
            loose: l.loose,
        }));
    }
    links
}

/// Fewest sentences of the paragraph a [`reseat`] weighs two neighbours
/// against.
const RESEAT_SENTENCES: usize = 2;
/// How much cheaper, in the sentence aligner's cost, the neighbour must be
/// told than the linked paragraph for the link to move. Swept on
/// `eval-faults --max-articles 25 --no-dictionaries` before the length
/// guard and [`RESEAT_DOUBTED`] were added: constructed added paragraphs
/// found 103 of 113 at 3 and beyond (as without the step), 104 at 0, 0.5,
/// 1.5 and 2, 106 at 1 (docs/benchmarks.md, "Recall, tenth session").
const RESEAT_MARGIN: f32 = 1.0;
/// Paragraph-link confidence from which a link stays where it is. With the
/// dictionaries and a bound of 0.8 or more, a textberg link moved and an
/// added paragraph found before was lost (and the links after it went
/// astray); at 0.5 no row of `eval-faults` falls in either mode.
const RESEAT_DOUBTED: f64 = 0.5;
/// How much worse (in the absolute log of the joined-length ratio) the
/// neighbour's length may fit than the linked paragraph's where the
/// neighbour is in the translation (a paragraph the translation added);
/// for a dropped paragraph the neighbour must fit no worse. Tried on
/// `eval-faults --max-articles 25 --no-dictionaries` with the travel of
/// [`reseat`]: constructed added paragraphs found 106 of 113 at 0, 108 at
/// 0.2, 0.3 and 0.5 (0.3 is the middle of that plateau); every other row,
/// and the run with dictionaries, the same at 0.3 (docs/benchmarks.md,
/// "Recall, twelfth session").
const RESEAT_ADDED_SLACK: f64 = 0.3;

/// Moves a paragraph link to the neighbour its sentences tell. Where a
/// paragraph linked one to one sits beside a paragraph of the same side
/// linked to nothing (an added or a dropped paragraph), the paragraph
/// aligner weighed each as one long unit, and two paragraphs of similar
/// length (a donor paragraph from the same book) are then told apart by
/// little. The sentence lengths of a paragraph (how many, which long and
/// which short) are evidence the joined paragraph hides: the fixed
/// paragraph's sentences are aligned with each of the two, and the link
/// moves when the neighbour costs clearly less ([`RESEAT_MARGIN`]), its
/// joined length fits no worse ([`RESEAT_ADDED_SLACK`]) and the aligner doubted the link
/// ([`RESEAT_DOUBTED`]). A paragraph of one sentence reads the same to
/// both aligners and is left alone.
///
/// A move leaves the paragraph the link held linked to nothing, beside the
/// next link on the far side: where an added paragraph shifted a run of
/// links by one, each of them is weighed again in turn, and the run walks
/// back one step at a time. A link never moves back (its new place costs
/// clearly less), and the moves are capped at the number of links, so the
/// pass always ends.
fn reseat(
    groups: &mut [Link],
    [source, target]: [&Side<'_>; 2],
    ratio: f64,
    options: &AlignOptions,
    cache: &TokenCache,
) {
    let n = groups.len();
    let mut moves = 0;
    let mut i = 0;
    while i < n {
        let one = groups[i].source.len() == 1 && groups[i].target.len() == 1;
        let moved = if one && moves < n {
            [i.wrapping_sub(1), i + 1]
                .into_iter()
                .filter(|&j| j < n)
                .find(|&j| reseat_pair(groups, i, j, [source, target], ratio, options, cache))
        } else {
            None
        };
        let Some(j) = moved else {
            i += 1;
            continue;
        };
        moves += 1;
        // `groups[i]` now holds the paragraph the link left, `groups[j]`
        // the link; the link on the far side of the paragraph left is
        // weighed next.
        i = if j > i {
            match i.checked_sub(1) {
                Some(before) => before,
                None => i + 2,
            }
        } else {
            i + 1
        };
    }
}

/// [`reseat`] for the link `groups[i]` and its neighbour `groups[j]`, a
/// paragraph linked to nothing; whether the link moved.
fn reseat_pair(
    groups: &mut [Link],
    i: usize,
    j: usize,
    [source, target]: [&Side<'_>; 2],
    ratio: f64,
    options: &AlignOptions,
    cache: &TokenCache,
) -> bool {
    let (link, lone) = (groups[i].clone(), groups[j].clone());
    // The side the lone paragraph is on: the target (an added paragraph)
    // or the source (a dropped one).
    let on_target = if lone.source.is_empty() && lone.target.len() == 1 {
        true
    } else if lone.target.is_empty() && lone.source.len() == 1 {
        false
    } else {
        return false;
    };
    let (two, linked, alone) = if on_target {
        (&target, link.target.clone(), lone.target.clone())
    } else {
        (&source, link.source.clone(), lone.source.clone())
    };
    // The paragraph both are weighed against, told in sentences: with
    // one sentence, the sentence aligner sees what the paragraph aligner
    // saw.
    let fixed = if on_target {
        sentence_range(source, &link.source)
    } else {
        sentence_range(target, &link.target)
    };
    if fixed.len() < RESEAT_SENTENCES || link.confidence >= RESEAT_DOUBTED {
        return false;
    }
    // A link moves only between paragraphs of one kind (a heading's link
    // never goes to the body paragraph beside it).
    let kinds = &two.kinds;
    if kinds.len() == two.paragraphs.len() && kinds[alone.start] != kinds[linked.start] {
        return false;
    }
    let cost = |other: &std::ops::Range<usize>| -> Option<f32> {
        let other = sentence_range(two, other);
        let (srange, trange) = if on_target {
            (fixed.clone(), other)
        } else {
            (other, fixed.clone())
        };
        if srange.is_empty() || trange.is_empty() {
            return None;
        }
        let solved = sentences::align_under_ratios(
            [
                &source.sentences[srange.clone()],
                &target.sentences[trange.clone()],
            ],
            [source.language, target.language],
            [Layout::default(), Layout::default()],
            &[ratio],
            options,
            cache,
        );
        solved.first().map(|s| s.cost)
    };
    // Nor may the joined lengths speak against the move: the neighbour's
    // length fits the fixed paragraph's at least as well.
    let chars = |side: &Side<'_>, r: std::ops::Range<usize>| -> f64 {
        side.sentences[r]
            .iter()
            .map(|t| crate::text::length(t) as f64)
            .sum::<f64>()
            .max(1.0)
    };
    let fixed_chars = if on_target {
        chars(source, fixed.clone()) * ratio
    } else {
        chars(target, fixed.clone()) / ratio
    };
    let misfit = |r: &std::ops::Range<usize>| {
        (chars(two, sentence_range(two, r)) / fixed_chars)
            .ln()
            .abs()
    };
    // Where the lone paragraph is in the translation, it may fit a little
    // worse: an added paragraph is one the translator chose to put there.
    let slack = if on_target { RESEAT_ADDED_SLACK } else { 0.0 };
    if misfit(&alone) > misfit(&linked) + slack {
        return false;
    }
    let (Some(now), Some(there)) = (cost(&linked), cost(&alone)) else {
        return false;
    };
    if there + RESEAT_MARGIN > now {
        return false;
    }
    // The link now joins the other paragraph; the paragraph it left is
    // linked to nothing, in order.
    let (moved, left) = if on_target {
        (
            Link {
                source: link.source.clone(),
                target: alone.clone(),
                confidence: link.confidence,
                loose: None,
            },
            Link {
                source: if alone.start > linked.start {
                    link.source.start..link.source.start
                } else {
                    link.source.end..link.source.end
                },
                target: linked.clone(),
                confidence: lone.confidence,
                loose: None,
            },
        )
    } else {
        (
            Link {
                source: alone.clone(),
                target: link.target.clone(),
                confidence: link.confidence,
                loose: None,
            },
            Link {
                source: linked.clone(),
                target: if alone.start > linked.start {
                    link.target.start..link.target.start
                } else {
                    link.target.end..link.target.end
                },
                confidence: lone.confidence,
                loose: None,
            },
        )
    };
    let (first, second) = (i.min(j), i.max(j));
    if alone.start > linked.start {
        groups[first] = left;
        groups[second] = moved;
    } else {
        groups[first] = moved;
        groups[second] = left;
    }
    true
}

/// The character ratios the sentences are aligned under: the paragraphs'
/// `ratio` first, then, where the sides have different numbers of
/// sentences, the ratios the document would have without each sentence of
/// the side with more ([`sentences::candidate_ratios`]). On a short page,
/// one dropped sentence skews the paragraphs' ratio towards merging its
/// neighbours; on a long one it moves nothing and no candidate is left.
fn sentence_ratios(source: &Side<'_>, target: &Side<'_>, ratio: f64) -> Vec<f64> {
    let (n, m) = (source.sentences.len(), target.sentences.len());
    let mut ratios = vec![ratio];
    if n == m {
        return ratios;
    }
    let lengths = |side: &Side<'_>| -> Vec<f64> {
        side.sentences
            .iter()
            .map(|s| crate::text::length(s) as f64)
            .collect()
    };
    let (ls, lt) = (lengths(source), lengths(target));
    let totals = [ls.iter().sum(), lt.iter().sum()];
    let longer = if n > m { &ls } else { &lt };
    ratios.extend(sentences::candidate_ratios(ratio, totals, n > m, longer));
    ratios
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

    /// One German paragraph (a long sentence, then two short ones), and two
    /// French paragraphs of about its joined length: its translation, and
    /// a paragraph from elsewhere told the other way round (short, then
    /// long).
    fn reseat_sides() -> (Side<'static>, Side<'static>) {
        let source = side(&[&[
            "Der Gemeinderat hat am Dienstagabend nach einer langen und zeitweise hitzigen Debatte den Haushalt für das kommende Jahr beschlossen.",
            "Die Opposition stimmte dagegen.",
            "Sie will klagen.",
        ]]);
        let target = side(&[
            &[
                "Le conseil municipal a adopté mardi soir, après un débat long et parfois houleux, le budget de l'année prochaine.",
                "L'opposition a voté contre.",
                "Elle veut porter plainte.",
            ],
            &[
                "Le pont restera fermé.",
                "Les travaux de réfection de la chaussée, qui ont pris du retard à cause des pluies de l'automne, dureront jusqu'à la fin du mois de mars prochain.",
            ],
        ]);
        (source, target)
    }

    fn reseated(groups: &mut [Link]) {
        let (source, target) = reseat_sides();
        let ratio = sentences::length_ratio(&source.sentences[..], &target.sentences[..3]);
        reseated_between(groups, &source, &target, ratio);
    }

    fn reseated_between(groups: &mut [Link], source: &Side<'_>, target: &Side<'_>, ratio: f64) {
        let options = AlignOptions::default();
        reseat(
            groups,
            [source, target],
            ratio,
            &options,
            &TokenCache::default(),
        );
    }

    fn link(
        source: std::ops::Range<usize>,
        target: std::ops::Range<usize>,
        confidence: f64,
    ) -> Link {
        Link {
            source,
            target,
            confidence,
            loose: None,
        }
    }

    #[test]
    fn a_doubted_paragraph_link_moves_to_the_neighbour_its_sentences_tell() {
        let mut groups = vec![link(0..0, 0..1, 0.9), link(0..1, 1..2, 0.3)];
        reseated(&mut groups);
        assert_eq!(groups, vec![link(0..1, 0..1, 0.3), link(1..1, 1..2, 0.9)]);
    }

    #[test]
    fn a_link_moves_to_the_right_neighbour_and_for_a_dropped_paragraph_too() {
        let (de, fr) = reseat_sides();
        let ratio = sentences::length_ratio(&de.sentences[..], &fr.sentences[..3]);
        // The translation told after the paragraph from elsewhere.
        let flipped = side(&[&fr.sentences[3..], &fr.sentences[..3]]);
        let mut groups = vec![link(0..1, 0..1, 0.3), link(1..1, 1..2, 0.9)];
        reseated_between(&mut groups, &de, &flipped, ratio);
        assert_eq!(groups, vec![link(0..0, 0..1, 0.9), link(0..1, 1..2, 0.3)]);
        // The sides exchanged: the original has the paragraph the
        // translation dropped.
        let mut groups = vec![link(0..1, 0..0, 0.9), link(1..2, 0..1, 0.3)];
        reseated_between(&mut groups, &fr, &de, 1.0 / ratio);
        assert_eq!(groups, vec![link(0..1, 0..1, 0.3), link(1..2, 1..1, 0.9)]);
    }

    /// Two German paragraphs (long, short, short; short, short, long),
    /// their French translations, and a French paragraph from elsewhere
    /// (short, long) of about the same joined length.
    fn travel_paragraphs() -> (Vec<&'static str>, [Vec<&'static str>; 3]) {
        let (de, fr) = reseat_sides();
        let museum_de = [
            "Das Museum bleibt zu.",
            "Der Eintritt ist frei.",
            "Die neue Ausstellung über die Geschichte der Stadt und ihres Hafens wird erst im Frühjahr nach dem Umbau des Westflügels eröffnet.",
        ];
        let museum_fr = vec![
            "Le musée reste fermé.",
            "L'entrée est gratuite.",
            "La nouvelle exposition sur l'histoire de la ville et de son port n'ouvrira qu'au printemps, après la rénovation de l'aile ouest.",
        ];
        let mut source = de.sentences.clone();
        source.extend(museum_de);
        (
            source,
            [
                fr.sentences[..3].to_vec(),
                museum_fr,
                fr.sentences[3..].to_vec(),
            ],
        )
    }

    #[test]
    fn a_run_shifted_by_an_added_paragraph_walks_back() {
        let (source, [budget, museum, elsewhere]) = travel_paragraphs();
        let de = side(&[&source[..3], &source[3..]]);
        // The paragraph from elsewhere comes first; the aligner linked it
        // to the budget and the budget to the museum.
        let fr = side(&[&elsewhere, &budget, &museum]);
        let ratio = sentences::length_ratio(&de.sentences, &fr.sentences[2..]);
        let mut groups = vec![
            link(0..1, 0..1, 0.3),
            link(1..2, 1..2, 0.3),
            link(2..2, 2..3, 0.9),
        ];
        reseated_between(&mut groups, &de, &fr, ratio);
        assert_eq!(
            groups,
            vec![
                link(0..0, 0..1, 0.9),
                link(0..1, 1..2, 0.3),
                link(1..2, 2..3, 0.3),
            ]
        );
    }

    #[test]
    fn a_link_its_sentences_bear_out_does_not_walk() {
        let (source, [budget, museum, elsewhere]) = travel_paragraphs();
        let de = side(&[&source[..3], &source[3..]]);
        // The paragraph from elsewhere sits between the two translations:
        // once the museum's link has moved to its translation, the
        // budget's link, weighed again, stays.
        let fr = side(&[&budget, &elsewhere, &museum]);
        let translations = [budget.clone(), museum.clone()].concat();
        let ratio = sentences::length_ratio(&de.sentences, &translations);
        let mut groups = vec![
            link(0..1, 0..1, 0.3),
            link(1..2, 1..2, 0.3),
            link(2..2, 2..3, 0.9),
        ];
        reseated_between(&mut groups, &de, &fr, ratio);
        assert_eq!(
            groups,
            vec![
                link(0..1, 0..1, 0.3),
                link(1..1, 1..2, 0.9),
                link(1..2, 2..3, 0.3),
            ]
        );
        // Shifted as in the test before, but the aligner was sure of the
        // budget's link: the museum's link moves, the budget's stays.
        let fr = side(&[&elsewhere, &budget, &museum]);
        let mut groups = vec![
            link(0..1, 0..1, 0.7),
            link(1..2, 1..2, 0.3),
            link(2..2, 2..3, 0.9),
        ];
        reseated_between(&mut groups, &de, &fr, ratio);
        assert_eq!(
            groups,
            vec![
                link(0..1, 0..1, 0.7),
                link(1..1, 1..2, 0.9),
                link(1..2, 2..3, 0.3),
            ]
        );
    }

    #[test]
    fn a_link_does_not_move_to_a_block_of_another_kind() {
        use crate::document::{BlockKind, BlockShape};
        let shape = |kind, level| BlockShape { kind, level };
        let (de, mut fr) = reseat_sides();
        let ratio = sentences::length_ratio(&de.sentences[..], &fr.sentences[..3]);
        fr.kinds = vec![
            shape(BlockKind::ListItem, 0),
            shape(BlockKind::Paragraph, 0),
        ];
        let doubted = vec![link(0..0, 0..1, 0.9), link(0..1, 1..2, 0.3)];
        let mut groups = doubted.clone();
        reseated_between(&mut groups, &de, &fr, ratio);
        assert_eq!(groups, doubted);
    }

    #[test]
    fn a_paragraph_link_its_sentences_bear_out_stays() {
        let right = vec![link(0..1, 0..1, 0.3), link(1..1, 1..2, 0.9)];
        let mut groups = right.clone();
        reseated(&mut groups);
        assert_eq!(groups, right);
        // A link the paragraph aligner is sure of stays too.
        let sure = vec![link(0..0, 0..1, 0.9), link(0..1, 1..2, 0.7)];
        let mut groups = sure.clone();
        reseated(&mut groups);
        assert_eq!(groups, sure);
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

    #[test]
    fn a_sentence_dropped_from_a_short_page_is_left_unlinked() {
        // A heading and one paragraph of two sentences; the translation
        // drops the second sentence. The page's own ratio (about 0.6)
        // would price merging both sentences into the one left as a
        // perfect length match.
        let source = side(&[
            &["Shared calendars"],
            &[
                "You can add calendars from your work account to the Calendar application without typing anything twice.",
                "Invitations that colleagues send then show up beside your own appointments and reminders.",
            ],
        ]);
        let target = side(&[
            &["Gemeinsame Kalender"],
            &[
                "Sie können Kalender Ihres Arbeitskontos zur Anwendung Kalender hinzufügen, ohne etwas doppelt einzutippen.",
            ],
        ]);
        let ratio = sentences::length_ratio(&source.sentences, &target.sentences);
        assert!(ratio < 0.7, "{ratio}");
        let links = align(
            &source,
            &target,
            &AlignOptions::default(),
            &TokenCache::default(),
        );
        let dropped: Vec<usize> = links
            .iter()
            .filter(|l| l.target.is_empty())
            .flat_map(|l| l.source.clone())
            .collect();
        assert_eq!(dropped, vec![2], "{links:?}");
    }

    #[test]
    fn equal_sentence_counts_keep_the_paragraphs_ratio() {
        let source = side(&[&["One.", "Two."]]);
        let target = side(&[&["Eins.", "Zwei."]]);
        assert_eq!(sentence_ratios(&source, &target, 0.8), vec![0.8]);
        let target = side(&[&["Eins und zwei, in einem Satz gesagt."]]);
        let ratios = sentence_ratios(&source, &target, 0.8);
        assert_eq!(ratios[0], 0.8);
        assert!(ratios.len() > 1, "{ratios:?}");
    }
}
