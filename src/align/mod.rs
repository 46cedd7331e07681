//! Alignment: a monotone n-m alignment of two sentence sequences.
//!
//! The interface is [`align`]: two [`Side`]s in, an [`Alignment`] out. Every
//! sentence of each side is covered by exactly one [`Link`], links are in
//! order, and each carries a confidence that later stages use.

pub mod archive;
mod band;
mod cost;
mod dp;
pub mod eval;
mod features;
pub(crate) mod learn;
pub mod lexicon;
mod paragraphs;
pub(crate) mod relink;
pub mod reorder;
mod sentences;
pub mod tokens;

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::document::BlockShape;
use crate::language::Language;

pub use cost::Weights;
pub(crate) use features::TokenCache;
pub use lexicon::{Lexicon, LexiconFormat};

/// One side of a bitext, as the aligner sees it.
#[derive(Debug, Clone, Default)]
pub struct Side<'a> {
    /// Sentence texts in order.
    pub sentences: Vec<&'a str>,
    /// Sentence ranges of each paragraph, in order, covering `sentences`.
    /// A single paragraph means the input has no paragraph structure.
    pub paragraphs: Vec<Range<usize>>,
    /// The block kind of each paragraph, parallel to `paragraphs`; empty
    /// when unknown (presegmented text), and then no kind costs anything.
    pub kinds: Vec<BlockShape>,
    /// The language, when known.
    pub language: Option<Language>,
}

impl<'a> Side<'a> {
    /// A side from paragraphs of sentences, for tests.
    #[cfg(test)]
    pub(crate) fn from_paragraphs(
        paragraphs: &[&[&'a str]],
        language: Option<Language>,
    ) -> Side<'a> {
        let mut sentences = Vec::new();
        let mut ranges = Vec::new();
        for p in paragraphs {
            let start = sentences.len();
            sentences.extend_from_slice(p);
            ranges.push(start..sentences.len());
        }
        Side {
            sentences,
            paragraphs: ranges,
            kinds: Vec::new(),
            language,
        }
    }

    /// A side without paragraph structure.
    pub fn flat(sentences: Vec<&'a str>, language: Option<Language>) -> Side<'a> {
        let n = sentences.len();
        Side {
            sentences,
            paragraphs: std::iter::once(0..n).collect(),
            kinds: Vec::new(),
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
    /// In a link of several sentences against one, the place (0 for the
    /// first) among the several of an end sentence that matches nothing
    /// of the one while the others match it well: a sentence the other
    /// side may lack, merged because a merge costs less than a sentence
    /// left alone (the findings judge it with the link's length).
    #[serde(skip)]
    pub loose: Option<usize>,
}

/// A monotone alignment covering both sides, and the paragraphs the
/// translation tells at another place ([`reorder`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Links in order.
    pub links: Vec<Link>,
    /// Original paragraphs told elsewhere in the translation: each is an
    /// original-only link run and a translation-only one in `links`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<reorder::Move>,
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

/// Default [`AlignOptions::max_link`]: the most sentences on one side of
/// a link (links hold at most one more sentence in all). A long sentence
/// translated as five shorter ones, or cut into five pieces at colons and
/// semicolons (`textberg-de-fr-dev` has two such 1-5 links, `1984-hu-en`
/// one), was at 4 a 1-4 link and a translation-only sentence; at 5 it is
/// one link. Calibrated with `transalign eval` on the three gold sets
/// (strict F1 textberg / dtm / 1984, with the FreeDict dictionaries, then
/// `--no-dictionaries`; docs/benchmarks.md, "Alignment"): at 4 0.869 /
/// 0.987 / 0.992 and 0.871 / 0.987 / 0.988; at 5 0.874 / 0.987 / 0.992
/// and 0.876 / 0.987 / 0.988; at 6 0.875 / 0.987 / 0.993 and 0.877 /
/// 0.987 / 0.988. 5 takes most of the gain for a fifth more aligner time
/// (1984-hu-en `align` 0.39 → 0.47 s user; 6 costs half as much again).
pub const MAX_LINK: usize = 5;

/// Aligner settings.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Largest number of sentences on one side of a link.
    pub max_link: usize,
    /// A bilingual word list, if one is available.
    pub lexicon: Option<Arc<Lexicon>>,
    /// Bilingual dictionaries of the pair's languages (either direction):
    /// their translations of the words in the texts are looked up.
    pub dictionaries: Vec<Arc<crate::dictionary::Dictionary>>,
    /// How dictionary entries meet inflected and compound words.
    pub morphology: crate::dictionary::Morphology,
    /// Learn word translations from a first pass and realign.
    pub learn: bool,
    /// Cost weights.
    pub weights: Weights,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            max_link: MAX_LINK,
            lexicon: None,
            dictionaries: Vec::new(),
            morphology: crate::dictionary::Morphology::default(),
            learn: true,
            weights: Weights::default(),
        }
    }
}

impl AlignOptions {
    /// Link shapes allowed: skips of one sentence, runs of unaligned
    /// sentences up to [`cost::RUN_MAX`] when a run costs less than its
    /// skips ([`Weights::run`]), and n-m links with both sides at most
    /// `max_link` and at most `max_link + 1` sentences in all.
    fn shapes(&self) -> Vec<dp::Shape> {
        let max = self.max_link.max(1);
        let mut shapes = vec![(1, 1), (1, 0), (0, 1)];
        if self.weights.run < self.weights.skip {
            for k in 2..=cost::RUN_MAX {
                shapes.push((k, 0));
                shapes.push((0, k));
            }
        }
        for total in 3..=max + 1 {
            for a in 1..total {
                let b = total - a;
                if a <= max && b <= max {
                    shapes.push((a, b));
                }
            }
        }
        shapes
    }
}

/// Aligns two sides: paragraphs first when the translation has several
/// and the original one at least, then sentences.
pub fn align(source: &Side<'_>, target: &Side<'_>, options: &AlignOptions) -> Alignment {
    align_cached(source, target, options, &TokenCache::default())
}

/// [`align`], tokenising through `cache`: several alignments of one
/// check read each text once.
pub(crate) fn align_cached(
    source: &Side<'_>,
    target: &Side<'_>,
    options: &AlignOptions,
    cache: &TokenCache,
) -> Alignment {
    // Either side of a single block is aligned by paragraphs too, as long
    // as the other has several: a page of one heading whose translation
    // gained a paragraph, or whose translation kept only the heading, is
    // where the blocks' kinds tell which block is the heading's
    // translation, and the sentence aligner knows no kinds (it linked the
    // heading to the longer, added paragraph, or the dropped paragraph to
    // the translated heading: GNOME added paragraphs 0.899 -> 0.959,
    // dropped paragraphs 0.943 -> 0.954 with the markers' fix,
    // `eval-faults --no-dictionaries`; docs/benchmarks.md, issue #13).
    let (ns, nt) = (source.paragraphs.len(), target.paragraphs.len());
    let links = if ns >= 1 && nt >= 1 && ns + nt > 2 {
        paragraphs::align(source, target, options, cache)
    } else {
        sentences::align(
            &source.sentences,
            &target.sentences,
            [source.language, target.language],
            options,
            cache,
        )
    };
    Alignment {
        links,
        moves: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(a: &Alignment, n: usize, m: usize) {
        let (mut i, mut j) = (0, 0);
        for l in &a.links {
            assert_eq!(l.source.start, i);
            assert_eq!(l.target.start, j);
            assert!(!l.source.is_empty() || !l.target.is_empty());
            assert!((0.0..=1.0).contains(&l.confidence));
            i = l.source.end;
            j = l.target.end;
        }
        assert_eq!((i, j), (n, m));
    }

    #[test]
    fn shapes_follow_max_link() {
        let o = AlignOptions {
            max_link: 3,
            weights: Weights {
                run: Weights::default().skip,
                ..Weights::default()
            },
            ..AlignOptions::default()
        };
        let s = o.shapes();
        assert_eq!(s.len(), 8);
        assert!(s.contains(&(1, 3)) && s.contains(&(2, 2)) && !s.contains(&(2, 3)));
        let s = AlignOptions { max_link: 1, ..o }.shapes();
        assert_eq!(s, vec![(1, 1), (1, 0), (0, 1)]);
        // Runs of unaligned sentences, when they cost less than their
        // skips one by one.
        let s = AlignOptions::default().shapes();
        assert!(s.contains(&(0, cost::RUN_MAX)) && s.contains(&(cost::RUN_MAX, 0)));
        assert!(!s.contains(&(0, cost::RUN_MAX + 1)));
    }

    #[test]
    fn a_run_of_captions_is_left_unaligned_sentence_by_sentence() {
        // A block of photo credits and captions inside the translation,
        // with no counterpart: each is its own 0-1 link, and the
        // sentences around the block keep their translations.
        let src = vec![
            "Im Jahr 1953 erreichten Hillary und Tenzing den Gipfel des Everest.",
            "Die Expedition stand unter der Leitung von John Hunt.",
            "Der Lhotse misst amtlich noch immer 8501 Meter.",
            "Beim Makalu gilt jetzt die Höhe von 8481 Metern.",
            "Am schwierigsten ist der Fall des Cho Oyu mit 8153 Metern.",
            "Der Dhaulagiri galt lange als der höchste Berg der Welt.",
            "Seine neue Höhe beträgt 8167 Meter.",
            "Über den Manaslu gibt es nichts Neues zu berichten.",
            "Die Berechnungen brauchen viel Zeit.",
        ];
        let tgt = vec![
            "En 1953, Hillary et Tenzing atteignirent le sommet de l'Everest.",
            "L'expédition était placée sous la direction de John Hunt.",
            "2 - Photo Schweizerische Stiftung für alpine Forschungen, Zürich",
            "- _-",
            "Expédition Suisse au Mont Everest, Ernst Schmid, Jürg Marmet",
            "Tour de Muztagh et Black Tooth, du SSE",
            "Officiellement, le Lhotse mesure toujours 8501 mètres.",
            "Pour le Makalu, la cote est maintenant de 8481 mètres.",
            "Le cas le plus difficile est celui du Cho Oyu avec 8153 mètres.",
            "Le Dhaulagiri passait jadis pour le plus haut sommet du monde.",
            "Sa nouvelle altitude est de 8167 mètres.",
            "Rien de nouveau à signaler pour le Manaslu.",
            "Les calculs exigent beaucoup de temps.",
        ];
        let a = align(
            &Side::flat(src.clone(), None),
            &Side::flat(tgt.clone(), None),
            &AlignOptions::default(),
        );
        check_cover(&a, 9, 13);
        // Skipped one by one, the captions are cheaper merged into the
        // links beside them, and the second sentence loses its own.
        let mut off = AlignOptions::default();
        off.weights.run = off.weights.skip;
        let b = align(&Side::flat(src, None), &Side::flat(tgt, None), &off);
        assert!(!b.to_units().lines().any(|l| l == "[1]:[1]"), "{b:?}");
        let units = a.to_units();
        for want in [
            "[0]:[0]", "[1]:[1]", "[]:[2]", "[]:[3]", "[]:[4]", "[]:[5]", "[2]:[6]",
        ] {
            assert!(units.lines().any(|l| l == want), "{want} in\n{units}");
        }
    }

    #[test]
    fn a_sentence_translated_as_five_pieces_is_one_link() {
        // One German sentence listing five expeditions, which the French
        // gives as five pieces cut at semicolons, amid plain 1-1 pairs
        // (enough of them for the aligner's second pass, which tries
        // the larger links): one 1-5 link under the default MAX_LINK; at
        // 4 a piece is left over.
        let names = [
            "Arnold", "Bertha", "Conrad", "Dora", "Emil", "Frieda", "Gustav", "Hedwig", "Ida",
            "Jakob", "Karl", "Luise", "Martin", "Nora", "Oskar", "Paula", "Rudolf", "Sophie",
            "Theo", "Ursula",
        ];
        let mut src: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "Im Jahr {} stieg {n} mit dem Führer auf den Gipfel.",
                    1900 + i
                )
            })
            .collect();
        let mut tgt: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("En {}, {n} monta au sommet avec le guide.", 1900 + i))
            .collect();
        src.insert(
            10,
            "Am Berg arbeiteten 1952 Lombard in Geologie, 1953 Pugh in Physiologie, \
             1954 Heuberger in Geographie, 1955 Schneider in Kartographie und 1956 \
             Müller und Durst in Glaziologie und Meteorologie."
                .to_string(),
        );
        for (k, piece) in [
            "1952, Lombard en géologie ;",
            "1953, Pugh en physiologie ;",
            "1954, Heuberger en géographie ;",
            "1955, Schneider en cartographie ;",
            "1956, Müller et Durst en glaciologie et météorologie.",
        ]
        .iter()
        .enumerate()
        {
            tgt.insert(10 + k, piece.to_string());
        }
        let run = |options: &AlignOptions| {
            let a = align(
                &Side::flat(src.iter().map(String::as_str).collect(), None),
                &Side::flat(tgt.iter().map(String::as_str).collect(), None),
                options,
            );
            check_cover(&a, 21, 25);
            a.to_units()
        };
        let units = run(&AlignOptions::default());
        for want in ["[9]:[9]", "[10]:[10, 11, 12, 13, 14]", "[11]:[15]"] {
            assert!(units.lines().any(|l| l == want), "{want} in\n{units}");
        }
        let four = run(&AlignOptions {
            max_link: 4,
            ..AlignOptions::default()
        });
        assert!(
            !four.lines().any(|l| l == "[10]:[10, 11, 12, 13, 14]"),
            "{four}"
        );
    }

    #[test]
    fn empty_sides() {
        let o = AlignOptions::default();
        let a = align(&Side::flat(vec![], None), &Side::flat(vec!["x."], None), &o);
        check_cover(&a, 0, 1);
        let a = align(
            &Side::flat(vec!["x.", "y."], None),
            &Side::flat(vec![], None),
            &o,
        );
        check_cover(&a, 2, 0);
        let a = align(&Side::flat(vec![], None), &Side::flat(vec![], None), &o);
        assert!(a.links.is_empty());
    }

    #[test]
    fn a_lone_heading_links_to_its_heading_past_an_added_paragraph() {
        use crate::document::{BlockKind, BlockShape};
        let shape = |kind, level| BlockShape { kind, level };
        let (h1, p) = (shape(BlockKind::Heading, 1), shape(BlockKind::Paragraph, 0));
        // A page of one heading; the translation puts a paragraph before
        // its heading. The page ratio the added paragraph inflates would
        // pair the heading with the paragraph; the blocks' kinds do not.
        let mut source = Side::from_paragraphs(&[&["Network problems"]], None);
        source.kinds = vec![h1];
        let mut target = Side::from_paragraphs(
            &[
                &[
                    "Je nach Datenmenge kann eine Reparatur einige Zeit dauern.",
                    "Bestätigen Sie den Start des Vorgangs im Dialog, der sich öffnet.",
                ],
                &["Netzwerkprobleme"],
            ],
            None,
        );
        target.kinds = vec![p, h1];
        let a = align(&source, &target, &AlignOptions::default());
        check_cover(&a, 1, 3);
        assert!(
            a.links
                .iter()
                .any(|l| l.source == (0..1) && l.target == (2..3)),
            "{a:?}"
        );
        assert!(
            a.links
                .iter()
                .filter(|l| l.source.is_empty())
                .map(|l| l.target.len())
                .sum::<usize>()
                == 2,
            "{a:?}"
        );
    }

    #[test]
    fn a_translation_of_one_heading_leaves_the_dropped_paragraph_alone() {
        use crate::document::{BlockKind, BlockShape};
        let shape = |kind, level| BlockShape { kind, level };
        let (h1, p) = (shape(BlockKind::Heading, 1), shape(BlockKind::Paragraph, 0));
        // The translation keeps only the page's heading. By length alone
        // the paragraph would take the heading's translation; the blocks'
        // kinds give it to the heading.
        let mut source = Side::from_paragraphs(
            &[
                &["Printer problems"],
                &[
                    "Most printing problems come from the driver or the cable.",
                    "Which of the pages below describes what you see?",
                ],
            ],
            None,
        );
        source.kinds = vec![h1, p];
        let mut target = Side::from_paragraphs(&[&["Probleme mit dem Drucker"]], None);
        target.kinds = vec![h1];
        let a = align(&source, &target, &AlignOptions::default());
        check_cover(&a, 3, 1);
        assert!(
            a.links
                .iter()
                .any(|l| l.source == (0..1) && l.target == (0..1)),
            "{a:?}"
        );
    }

    #[test]
    fn aligns_a_merge_and_an_insertion() {
        let src = vec![
            "Am 12. März 2021 kamen 1.200 Gäste nach Zürich.",
            "Der Präsident Müller sprach lange über die Finanzen der Stadt.",
            "Danach gab es Musik.",
            "Um 23 Uhr war das Fest vorbei, und alle gingen nach Hause.",
        ];
        let tgt = vec![
            "Le 12 mars 2021, 1,200 invités sont venus à Zurich.",
            "Le président Müller a parlé longtemps.",
            "Il a parlé des finances de la ville.",
            "Publicité",
            "Ensuite il y avait de la musique.",
            "À 23 heures la fête était finie, et tout le monde est rentré.",
        ];
        let a = align(
            &Side::flat(src, None),
            &Side::flat(tgt, None),
            &AlignOptions::default(),
        );
        check_cover(&a, 4, 6);
        assert_eq!(a.links[0].target, 0..1);
        assert_eq!(a.links[1].source, 1..2);
        assert_eq!(a.links[1].target, 1..3);
        assert!(
            a.links
                .iter()
                .any(|l| l.source.is_empty() && l.target == (3..4))
        );
    }
}
