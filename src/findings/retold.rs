//! Content the translation tells twice. A translator (or an editor who
//! rewrote a translation into sections) may tell an original sentence
//! once where it stands and again, in other words, a paragraph or two
//! later. The monotone alignment links one telling; the other is left
//! without counterpart and read as an invented sentence. It invents
//! nothing: it restates what the translation already says, so it is at
//! most worth a look.
//!
//! A run of translation sentences alone is a retelling of a link nearby
//! when it shares a clear part of its words with the link's translation
//! (same language: word stems) and some with the link's original
//! (across the languages: cognates and names, the aligner's four-letter
//! keys). A near copy of the link's translation is left to the other
//! rules: a sentence printed twice is a mistake, not a retelling.

use std::ops::Range;

use super::context::Context;
use crate::anchors::{Number, same_number};
use crate::segment::SegmentedDocument;
use crate::text;

// How the values below were set: by hand, from the seed's second telling
// and the rule's intent, then checked on `eval-faults` (both modes: the
// rule takes no planted added sentence or paragraph) and `eval-real` (no
// false-alarm figure moves); docs/benchmarks.md, "Recall, ninth session".

/// Paragraphs of the translation, on each side of the run's, whose links
/// may hold its first telling: the same reach as a sentence told in
/// another place (`align::relink`).
const WINDOW: usize = crate::align::relink::WINDOW;
/// Words of at least this many characters (folded) are compared within
/// the translation's language: shorter ones are mostly function words
/// ("dass", "eine", "nicht", "avec"), which any two sentences share.
const LONG_WORD: usize = 6;
/// Characters of a long word's stem: "Jahrestag" and "Jahrestages",
/// "ukrainische" and "Ukraine" meet.
const STEM: usize = 5;
/// Least share of the run's long words whose stem the link's translation
/// also has, and least count of them: the seed's second telling of en:5
/// shares 4 of its 10 ("dritten", "Jahrestages", "Invasion",
/// "Ukraine"); a donor sentence drawn from another page of the same
/// manual shares its formulas ("Einstellungen", "klicken") with many
/// sentences, rarely three and a third of its words with one whose
/// original it also echoes. Set by hand from the seed and the rule's
/// intent; `eval-faults` measured it (docs/benchmarks.md, ninth session).
const MIN_SHARE: f64 = 0.3;
const MIN_SHARED: usize = 3;
/// From this share on, the run is a copy of the link's translation, not
/// a retelling (a duplicated sentence is reported as added).
const COPY_SHARE: f64 = 0.8;
/// Cognate keys across the languages: words of at least [`COGNATE_WORD`]
/// characters meet on their first [`COGNATE`] (the aligner's cognate key,
/// Simard, Foster & Isabelle 1992): "invasion" and "Invasion", "sends"
/// and "sendet", "Russia" and "Russlands".
const COGNATE_WORD: usize = 5;
const COGNATE: usize = 4;
/// Least cognate keys the run shares with the link's original: the
/// retelling must point at that original, not only at its translation
/// (the seed's shares 3).
const MIN_COGNATES: usize = 2;

/// Where a run of translation sentences alone was told first.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Retelling {
    /// The link holding the first telling.
    pub link: usize,
    /// Share of the run's long words whose stem that telling has, 0 to 1.
    pub share: f64,
}

/// The keys of one document's sentences ([`Keys::of`]), with its
/// language's function words folded once for all of them.
struct Keys<'d> {
    doc: &'d SegmentedDocument,
    /// The function words, folded as the facts' words are.
    function_words: crate::anchors::FastSet<String>,
}

impl<'d> Keys<'d> {
    fn new(doc: &'d SegmentedDocument) -> Keys<'d> {
        Keys {
            doc,
            function_words: crate::language::properties(doc.language())
                .function_words
                .iter()
                .map(|w| crate::anchors::fold(w))
                .collect(),
        }
    }

    /// The first `n` characters of each folded word of sentences `ids` of
    /// at least `min` characters, sorted, each once. The language's
    /// function words ("because", "through", "zwischen") are left out: any
    /// two sentences share them. So are runs of Chinese or Japanese
    /// characters, which the word splitter gives as whole clauses, not
    /// words: the rule does not reach those scripts.
    fn of(&self, ids: Range<usize>, min: usize, n: usize) -> Vec<&'d str> {
        let doc = self.doc;
        let mut out: Vec<&str> = ids
            .flat_map(|i| doc.facts(i).words.iter())
            .filter(|w| w.chars().count() >= min)
            .filter(|w| !self.function_words.contains(*w))
            .filter(|w| !w.chars().any(|c| text::cjk(c) && !text::hangul(c)))
            .map(|w| &w[..w.char_indices().nth(n).map_or(w.len(), |(at, _)| at)])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether every figure written with digits in translation sentences
/// `run` is also in sentences `told`: a second telling adds no figure. A
/// sentence that brings a new figure is invented content, whatever words
/// it shares.
fn adds_no_figure(doc: &SegmentedDocument, run: Range<usize>, told: Range<usize>) -> bool {
    let known: Vec<&Number> = doc.numbers_of(told).filter(|n| n.digits).collect();
    doc.numbers_of(run)
        .filter(|n| n.digits)
        .all(|n| known.iter().any(|m| same_number(n, m)))
}

/// How many of the sorted keys `a` are in the sorted keys `b`.
fn shared(a: &[&str], b: &[&str]) -> usize {
    a.iter().filter(|k| b.binary_search(k).is_ok()).count()
}

/// The link nearby whose translation the run of translation sentences
/// `ids` (alone) tells again, when there is one: the one sharing most of
/// the run's stems among those that pass the thresholds above.
pub(super) fn retelling(ctx: &Context, ids: Range<usize>) -> Option<Retelling> {
    let (source, target) = (Keys::new(ctx.source), Keys::new(ctx.target));
    let stems = target.of(ids.clone(), LONG_WORD, STEM);
    if stems.len() < MIN_SHARED {
        return None;
    }
    let cognates = target.of(ids.clone(), COGNATE_WORD, COGNATE);
    let paragraph = ctx.target.sentences.get(ids.start)?.paragraph;
    let near = |j: usize| ctx.target.sentences[j].paragraph.abs_diff(paragraph) <= WINDOW;
    let mut best: Option<Retelling> = None;
    for (k, l) in ctx.links.iter().enumerate() {
        if l.source.is_empty() || l.target.is_empty() || !near(l.target.start) {
            continue;
        }
        if l.target.start < ids.end && ids.start < l.target.end {
            continue;
        }
        let found = shared(&stems, &target.of(l.target.clone(), LONG_WORD, STEM));
        let share = found as f64 / stems.len() as f64;
        if found < MIN_SHARED || !(MIN_SHARE..COPY_SHARE).contains(&share) {
            continue;
        }
        if best.as_ref().is_some_and(|b| b.share >= share) {
            continue;
        }
        if !adds_no_figure(ctx.target, ids.clone(), l.target.clone()) {
            continue;
        }
        let original = source.of(l.source.clone(), COGNATE_WORD, COGNATE);
        if shared(&cognates, &original) >= MIN_COGNATES {
            best = Some(Retelling { link: k, share });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{FindingOptions, repeats};
    use crate::language::Language;
    use crate::testing::{alignment, doc};

    /// [`Keys::of`] of a document's sentences `ids`, owned.
    fn keys(doc: &SegmentedDocument, ids: Range<usize>, min: usize, n: usize) -> Vec<String> {
        let keys = Keys::new(doc);
        keys.of(ids, min, n).into_iter().map(String::from).collect()
    }

    const EN: &str = "The council of Graz approved the budget on Monday.\n\n\
        The vote came as Graz marked ten years since the flood, and it sends a clear message to the region: its reconstruction will not be slowed by the national government's cuts.\n\n\
        The budget holds 40 million euros for schools.\n";

    /// The second paragraph's sentence told again, in other words, at the
    /// start of the third.
    const DE: &str = "Der Gemeinderat von Graz hat am Montag das Budget beschlossen.\n\n\
        Die Abstimmung erfolgte, während Graz den zehnten Jahrestag des verheerenden Hochwassers beging.\n\n\
        Die Abstimmung fand aus Anlass des zehnten Jahrestages des Hochwassers in Graz statt und sendet eine klare Botschaft an die Region. \
        Das Budget enthält 40 Millionen Euro für Schulen.\n";

    /// The tests' alignment: the third translation sentence alone, the
    /// second link holding its first telling (at `confidence`).
    fn told_again_at(confidence: f64) -> crate::align::Alignment {
        alignment(&[
            (0..1, 0..1, 0.9),
            (1..2, 1..2, confidence),
            (2..2, 2..3, 0.0),
            (2..3, 3..4, 0.9),
        ])
    }

    /// The confidence of the first telling's link in most tests.
    const LINKED: f64 = 0.6;

    fn told_again() -> crate::align::Alignment {
        told_again_at(LINKED)
    }

    /// What [`retelling`] finds for the third German sentence alone, its
    /// first telling linked at `confidence`.
    fn retelling_in(en: &str, de: &str, confidence: f64) -> Option<Retelling> {
        let (s, t) = (doc(en, Language::EN), doc(de, Language::DE));
        let a = told_again_at(confidence);
        let options = FindingOptions::default();
        retelling(&context_of(&s, &t, &a, &options), 2..3)
    }

    fn context_of<'a>(
        s: &'a SegmentedDocument,
        t: &'a SegmentedDocument,
        a: &'a crate::align::Alignment,
        options: &'a FindingOptions,
    ) -> Context<'a> {
        Context::new(s, t, a, &[], options)
    }

    #[test]
    fn a_sentence_told_again_in_other_words_is_a_retelling() {
        let (s, t) = (doc(EN, Language::EN), doc(DE, Language::DE));
        assert_eq!((s.sentences.len(), t.sentences.len()), (3, 4));
        let a = told_again();
        let options = FindingOptions::default();
        let ctx = context_of(&s, &t, &a, &options);
        let r = retelling(&ctx, 2..3).expect("a retelling");
        assert_eq!(r.link, 1);
        assert!(r.share >= MIN_SHARE && r.share < COPY_SHARE, "{r:?}");
        // The stems shared: zehnten, jahrestag(es), hochwassers, abstimmung.
        assert!(repeats::find(&t).is_empty(), "not a copy the repeats catch");
    }

    #[test]
    fn a_retelling_is_reported_at_info_with_its_first_telling() {
        let (s, t) = (doc(EN, Language::EN), doc(DE, Language::DE));
        let a = told_again();
        let found = crate::findings::detect(&s, &t, &a, &FindingOptions::default());
        let added: Vec<_> = found
            .iter()
            .filter(|f| f.kind == crate::findings::Kind::Addition)
            .collect();
        assert_eq!(added.len(), 1, "{found:?}");
        let f = added[0];
        assert_eq!(f.severity, crate::findings::Severity::Info);
        assert_eq!(f.target.as_ref().map(|e| e.lines), Some([5, 5]));
        // The original it restates, and the translation's first telling.
        assert_eq!(f.source.as_ref().map(|e| e.lines), Some([3, 3]));
        assert_eq!(f.repeats.as_ref().map(|e| e.lines), Some([3, 3]));
        assert!(
            matches!(f.evidence, Some(crate::findings::Evidence::Repeat { .. })),
            "{f:?}"
        );
    }

    #[test]
    fn a_sentence_about_something_else_is_no_retelling() {
        let de = "Der Gemeinderat von Graz hat am Montag das Budget beschlossen.\n\n\
            Die Abstimmung erfolgte, während Graz den zehnten Jahrestag des verheerenden Hochwassers beging.\n\n\
            Der Bürgermeister verbringt seinen Urlaub jedes Jahr am Wörthersee in Kärnten. \
            Das Budget enthält 40 Millionen Euro für Schulen.\n";
        assert_eq!(retelling_in(EN, de, LINKED), None);
    }

    #[test]
    fn a_retelling_that_brings_a_new_figure_is_no_retelling() {
        // The retelling of the tests above, with a death toll its first
        // telling never gave: invented content, not a retelling.
        let de = DE.replace(
            "Hochwassers in Graz statt",
            "Hochwassers statt, das in Graz 214 Menschen das Leben kostete,",
        );
        assert_ne!(de, DE);
        assert_eq!(retelling_in(EN, &de, LINKED), None);
    }

    #[test]
    fn function_words_and_clauses_without_spaces_are_no_stems() {
        let t = doc(
            "Because nothing happened between them, everything stayed.",
            Language::EN,
        );
        let stems = keys(&t, 0..1, LONG_WORD, STEM);
        let key = |w: &str| {
            crate::anchors::fold(w)
                .chars()
                .take(STEM)
                .collect::<String>()
        };
        assert!(!stems.contains(&key("because")), "{stems:?}");
        assert!(!stems.contains(&key("between")), "{stems:?}");
        assert!(stems.contains(&key("happened")), "{stems:?}");
        let t = doc(
            "東京都は来年度の予算案を発表しました。",
            Language::from_code("ja").expect("ja"),
        );
        assert!(keys(&t, 0..1, LONG_WORD, STEM).is_empty());
    }

    #[test]
    fn a_copy_is_no_retelling() {
        let de = "Der Gemeinderat von Graz hat am Montag das Budget beschlossen.\n\n\
            Die Abstimmung erfolgte, während Graz den zehnten Jahrestag des verheerenden Hochwassers beging.\n\n\
            Die Abstimmung erfolgte, während Graz den zehnten Jahrestag des verheerenden Hochwassers beging. \
            Das Budget enthält 40 Millionen Euro für Schulen.\n";
        assert_eq!(retelling_in(EN, de, LINKED), None);
    }

    #[test]
    fn the_first_telling_must_echo_its_original_too() {
        // The same German, against an original whose second sentence
        // shares no cognate with the retelling: the German restates its
        // own sentence, but that sentence is no translation of it.
        let en = "The council of Graz approved the budget on Monday.\n\n\
            Nobody in the chamber spoke against it.\n\n\
            The budget holds 40 million euros for schools.\n";
        assert_eq!(retelling_in(en, DE, 0.2), None);
    }

    #[test]
    fn stems_and_cognate_keys() {
        let t = doc("Der Jahrestag des Hochwassers, zehn Jahre.", Language::DE);
        // Keys are taken from the folded words (the names' spelling).
        let key = |w: &str, n: usize| crate::anchors::fold(w).chars().take(n).collect::<String>();
        let mut stems = vec![key("Hochwassers", STEM), key("Jahrestag", STEM)];
        stems.sort_unstable();
        // "zehn", "Jahre" and "des" are too short to be compared.
        assert_eq!(keys(&t, 0..1, LONG_WORD, STEM), stems);
        let mut cognates = vec![
            key("Hochwassers", COGNATE),
            key("Jahrestag", COGNATE),
            key("Jahre", COGNATE),
        ];
        cognates.sort_unstable();
        cognates.dedup();
        assert_eq!(keys(&t, 0..1, COGNATE_WORD, COGNATE), cognates);
        assert_eq!(shared(&["a", "b"], &["b", "c"]), 1);
    }
}
