//! The whole check: two documents in, an alignment and findings out.

use std::ops::Range;

use crate::align::{self, AlignOptions, Alignment, Link, Side};
use crate::document::Document;
use crate::error::Result;
use crate::findings::{self, Finding, FindingOptions, Role};
use crate::language::{self, Detection, Language, LanguageSource};
use crate::segment::SegmentedDocument;

/// Settings for [`check`].
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The original's language, instead of the one it declares
    /// ([`Document::declared`]) or detection.
    pub source_language: Option<Language>,
    /// The translation's language, likewise.
    pub target_language: Option<Language>,
    /// Aligner settings.
    pub align: AlignOptions,
    /// Where to look for dictionaries of the pair's languages once they
    /// are known; their entries join the aligner's (`align.dictionaries`).
    pub dictionaries: Option<std::sync::Arc<crate::dictionary::Shelf>>,
    /// Finding settings.
    pub findings: FindingOptions,
}

/// Everything a check produces; reports are built from it.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The original, segmented.
    pub source: SegmentedDocument,
    /// The translation, segmented.
    pub target: SegmentedDocument,
    /// Sentence alignment between them.
    pub alignment: Alignment,
    /// What the translation dropped, added and changed, in reading order.
    pub findings: Vec<Finding>,
    /// Translation paragraphs that repeat other translation text; they
    /// were kept out of the alignment and are reported as additions.
    pub repeats: Vec<findings::Repeat>,
    /// The dictionaries the aligner used.
    pub dictionaries: Vec<crate::dictionary::DictionaryInfo>,
}

/// Settles a document's language: the given one, else the one its name
/// or markup declares ([`Document::declared`]), else detection.
pub fn settle_language(
    document: &Document,
    given: Option<Language>,
    flag: &'static str,
) -> Result<Detection> {
    let declared = given
        .map(|l| (l, LanguageSource::Option))
        .or(document.declared.map(|d| (d.language, d.source)));
    match declared {
        Some((language, source)) => Ok(Detection::declared(language, source)),
        None => {
            let text: Vec<&str> = document
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect();
            language::detect(&document.path, &text.join("\n"), flag)
        }
    }
}

/// The aligner's view of a segmented document.
pub fn side(doc: &SegmentedDocument) -> Side<'_> {
    Side {
        sentences: doc.sentence_texts(),
        paragraphs: doc
            .paragraph_sentences
            .iter()
            .filter(|r| !r.is_empty())
            .cloned()
            .collect(),
        kinds: doc
            .paragraph_sentences
            .iter()
            .zip(&doc.document.paragraphs)
            .filter(|(r, _)| !r.is_empty())
            .map(|(_, p)| p.shape())
            .collect(),
        language: Some(doc.language()),
    }
}

/// Checks `target` (a translation) against `source` (its original).
pub fn check(source: Document, target: Document, options: &CheckOptions) -> Result<Checked> {
    let (mut source, mut target) = (source.require_text()?, target.require_text()?);
    crate::document::settle_joins(&mut source, &mut target);
    let source_detection = settle_language(&source, options.source_language, "--source-lang")?;
    let target_detection = settle_language(&target, options.target_language, "--target-lang")?;
    let source = SegmentedDocument::new(source, source_detection);
    let target = SegmentedDocument::new(target, target_detection);
    let mut align_options = options.align.clone();
    if let Some(shelf) = &options.dictionaries {
        align_options
            .dictionaries
            .extend(shelf.for_pair(source.language(), target.language())?);
    }
    let options = &CheckOptions {
        align: align_options,
        dictionaries: None,
        findings: options.findings.clone(),
        source_language: options.source_language,
        target_language: options.target_language,
    };
    let mut repeats = findings::repeats::find(&target);
    let mut excluded = excluded_target_paragraphs(&target, &repeats);
    // The alignments below meet the same texts: each is tokenised once
    // (and each word looked up once on this thread).
    let tokens = align::TokenCache::kept();
    let mut alignment = align_without(&source, &target, &excluded, &options.align, &tokens);
    // A paragraph kept out of the alignment that stands where an original
    // paragraph found no counterpart is that paragraph's translation after
    // all (a step the original repeats with another name, a title whose
    // words recur below): align again with it.
    let restored = stands_for_unmatched(&source, &target, &alignment, &excluded);
    restore(&mut excluded, &mut repeats, &restored);
    if !restored.is_empty() {
        alignment = align_without(&source, &target, &excluded, &options.align, &tokens);
    }
    // Where look-alike steps shifted the alignment, the repeats' places are
    // not next to the gaps: an alignment with every repeat in it that
    // leaves fewer original sentences without a counterpart shows which
    // repeats translate something.
    if !repeats.is_empty() {
        let mut with_repeats = excluded.clone();
        for r in &repeats {
            with_repeats[r.paragraph] = false;
        }
        let full = align_without(&source, &target, &with_repeats, &options.align, &tokens);
        if unmatched_source(&full) < unmatched_source(&alignment) {
            let linked = linked_paragraphs(&target, &full, &repeats);
            restore(&mut excluded, &mut repeats, &linked);
            alignment = if repeats.is_empty() {
                full
            } else {
                align_without(&source, &target, &excluded, &options.align, &tokens)
            };
        }
    }
    // A repeated heading may be a headline told elsewhere: told after the
    // lede it reads as a repeat of the lede (its words are all there)
    // while the original's headline finds no counterpart. Repeated
    // headings are tried like any other paragraph, and those that turn out
    // moved are taken back. (Repeated body paragraphs stay out: on the
    // GNOME Help pages they were joined to dropped look-alike steps.)
    alignment.moves = align::reorder::moves(
        &side(&source),
        &side(&target),
        &alignment,
        &options.align,
        |sentences| {
            let p = target.sentences[sentences.start].paragraph;
            !excluded[p] || target.role(p) == Role::Heading
        },
    );
    let moved_repeats: Vec<usize> = alignment
        .moves
        .iter()
        .map(|m| target.sentences[m.target.start].paragraph)
        .filter(|p| repeats.iter().any(|r| r.paragraph == *p))
        .collect();
    restore(&mut excluded, &mut repeats, &moved_repeats);
    // Then neighbours read crosswise: their new gaps are moves already.
    let figures = |s: &Range<usize>, t: &Range<usize>| figures_agree(&source, &target, s, t);
    let crossed = align::reorder::uncross(
        &side(&source),
        &side(&target),
        &mut alignment,
        &options.align,
        &figures,
        |sentences| !excluded[target.sentences[sentences.start].paragraph],
    );
    alignment.moves.extend(crossed);
    // Then neighbours told in the other order whose links shifted a run
    // beyond the two paragraphs.
    let unshifted = align::reorder::unshift(
        &side(&source),
        &side(&target),
        &mut alignment,
        &options.align,
        &figures,
        |sentences| !excluded[target.sentences[sentences.start].paragraph],
    );
    alignment.moves.extend(unshifted);
    // Then single sentences told a few paragraphs away, or linked weakly
    // to a neighbour's translation while their own stands alone.
    let relinked = crate::align::relink::relink(&source, &target, &mut alignment, |j| {
        !excluded[target.sentences[j].paragraph]
    });
    alignment.moves.extend(relinked);
    alignment.moves.sort_by_key(|m| m.source.start);
    let findings = findings::detect_all(&source, &target, &alignment, &repeats, &options.findings);
    let dictionaries = options
        .align
        .dictionaries
        .iter()
        .map(|d| d.info().clone())
        .collect();
    Ok(Checked {
        source,
        target,
        alignment,
        findings,
        repeats,
        dictionaries,
    })
}

/// Whether the figures of original sentences `s` and translation
/// sentences `t` agree: their numbers written with digits
/// ([`digits_agree`]), or where neither side holds one, whether both
/// quote someone (a quotation is a fact a paragraph carries as plainly as
/// a figure); None where neither side holds a figure or a quotation
/// ([`align::reorder::Figures`]).
fn figures_agree(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    s: &Range<usize>,
    t: &Range<usize>,
) -> Option<bool> {
    let quoted = |side: &SegmentedDocument, r: &Range<usize>| {
        r.clone()
            .any(|i| crate::align::relink::quotes(side.sentence_text(i)))
    };
    digits_agree(source, target, s, t).or_else(|| match (quoted(source, s), quoted(target, t)) {
        (false, false) => None,
        (ours, theirs) => Some(ours == theirs),
    })
}

/// Whether the numbers written with digits of original sentences `s` and
/// translation sentences `t` agree, each found on the other side; None
/// where neither holds one.
fn digits_agree(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    s: &Range<usize>,
    t: &Range<usize>,
) -> Option<bool> {
    let ours: Vec<&crate::anchors::Number> =
        source.numbers_of(s.clone()).filter(|n| n.digits).collect();
    let theirs: Vec<&crate::anchors::Number> =
        target.numbers_of(t.clone()).filter(|n| n.digits).collect();
    if ours.is_empty() && theirs.is_empty() {
        return None;
    }
    let found = |n: &&crate::anchors::Number, among: &[&crate::anchors::Number]| {
        among.iter().any(|m| crate::anchors::same_number(n, m))
    };
    Some(ours.iter().all(|n| found(n, &theirs)) && theirs.iter().all(|m| found(m, &ours)))
}

/// Translation paragraphs that must not take part in the alignment:
/// repeats (a teaser would steal the lede's link) and publisher furniture
/// (advertisement markers, boilerplate), which has no counterpart anyway.
fn excluded_target_paragraphs(
    target: &SegmentedDocument,
    repeats: &[findings::Repeat],
) -> Vec<bool> {
    let mut out: Vec<bool> = (0..target.document.paragraphs.len())
        .map(|p| furniture(target.role(p)))
        .collect();
    for r in repeats {
        out[r.paragraph] = true;
    }
    out
}

/// Whether translation paragraph `p` has figures, every one of them in
/// original paragraph `sp`: a label that reads like a site's furniture
/// ("Zur Arbeitsfläche 1 wechseln") but carries the original's numbers.
fn same_figures(
    source: &SegmentedDocument,
    sp: usize,
    target: &SegmentedDocument,
    p: usize,
) -> bool {
    let theirs: Vec<&crate::anchors::Number> = source
        .numbers_of(source.paragraph_sentences[sp].clone())
        .collect();
    let mut ours = target
        .numbers_of(target.paragraph_sentences[p].clone())
        .filter(|n| n.digits)
        .peekable();
    ours.peek().is_some() && ours.all(|n| theirs.iter().any(|s| crate::anchors::same_number(n, s)))
}

/// Takes `paragraphs` back into the alignment: no longer excluded, no
/// longer repeats.
fn restore(excluded: &mut [bool], repeats: &mut Vec<findings::Repeat>, paragraphs: &[usize]) {
    for &p in paragraphs {
        excluded[p] = false;
    }
    repeats.retain(|r| !paragraphs.contains(&r.paragraph));
}

/// How many original sentences an alignment leaves without a counterpart.
fn unmatched_source(alignment: &Alignment) -> usize {
    alignment
        .links
        .iter()
        .filter(|l| l.target.is_empty())
        .map(|l| l.source.len())
        .sum()
}

/// The repeated paragraphs an alignment links to original text.
fn linked_paragraphs(
    target: &SegmentedDocument,
    alignment: &Alignment,
    repeats: &[findings::Repeat],
) -> Vec<usize> {
    let mut out: Vec<usize> = alignment
        .links
        .iter()
        .filter(|l| !l.source.is_empty())
        .flat_map(|l| l.target.clone())
        .map(|j| target.sentences[j].paragraph)
        .filter(|p| repeats.iter().any(|r| r.paragraph == *p))
        .collect();
    out.dedup();
    out
}

/// Whether a paragraph's role makes it publisher furniture, which has no
/// counterpart in an original.
fn furniture(role: Role) -> bool {
    matches!(role, Role::Ad | Role::Boilerplate)
}

/// The excluded translation paragraphs that stand where an original
/// paragraph found no counterpart: in the links around the paragraph's own
/// (0-1) links, an original-only link comes before any link with both
/// sides. Furniture is restored only for original furniture (a site's
/// footer translated as a footer).
fn stands_for_unmatched(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    alignment: &Alignment,
    excluded: &[bool],
) -> Vec<usize> {
    let links = &alignment.links;
    let paragraph_of = |j: usize| target.sentences[j].paragraph;
    // An original-only link next to links[at] (skipping other
    // translation-only links), looking in one direction.
    let unmatched = |at: usize, step: isize| -> Option<usize> {
        let mut k = at as isize + step;
        while k >= 0 && (k as usize) < links.len() {
            let l = &links[k as usize];
            match (l.source.is_empty(), l.target.is_empty()) {
                (true, false) => k += step,
                (false, true) => return Some(l.source.start),
                _ => return None,
            }
        }
        None
    };
    let mut out: Vec<usize> = Vec::new();
    for (k, l) in links.iter().enumerate() {
        if !l.source.is_empty() || l.target.is_empty() {
            continue;
        }
        let p = paragraph_of(l.target.start);
        if !excluded[p] || out.last() == Some(&p) {
            continue;
        }
        let Some(i) = unmatched(k, -1).or_else(|| unmatched(k, 1)) else {
            continue;
        };
        let sp = source.sentences[i].paragraph;
        let role = target.role(p);
        let source_role = source.role(sp);
        if furniture(role) && !furniture(source_role) && !same_figures(source, sp, target, p) {
            continue;
        }
        out.push(p);
    }
    out
}

/// Aligns `source` with the paragraphs of `target` that are not excluded,
/// then gives every excluded sentence its own 0-1 link in reading order.
fn align_without(
    source: &SegmentedDocument,
    target: &SegmentedDocument,
    excluded: &[bool],
    options: &AlignOptions,
    tokens: &align::TokenCache,
) -> Alignment {
    if !excluded.iter().any(|e| *e) {
        return align::align_cached(&side(source), &side(target), options, tokens);
    }
    let kept: Vec<usize> = (0..target.sentences.len())
        .filter(|&j| !excluded[target.sentences[j].paragraph])
        .collect();
    let texts = target.sentence_texts();
    let mut paragraphs: Vec<std::ops::Range<usize>> = Vec::new();
    for (n, &j) in kept.iter().enumerate() {
        let p = target.sentences[j].paragraph;
        match paragraphs.last_mut() {
            Some(r) if target.sentences[kept[r.start]].paragraph == p => r.end = n + 1,
            _ => paragraphs.push(n..n + 1),
        }
    }
    let kinds = paragraphs
        .iter()
        .map(|r| target.document.paragraphs[target.sentences[kept[r.start]].paragraph].shape())
        .collect();
    let filtered = Side {
        sentences: kept.iter().map(|&j| texts[j]).collect(),
        paragraphs,
        kinds,
        language: Some(target.language()),
    };
    let inner = align::align_cached(&side(source), &filtered, options, tokens);
    let mut links = Vec::with_capacity(inner.links.len() + target.sentences.len() - kept.len());
    let mut next = 0;
    let added = |links: &mut Vec<Link>, from: usize, to: usize, at: usize| {
        for j in from..to {
            links.push(Link {
                source: at..at,
                target: j..j + 1,
                confidence: 0.9,
                loose: None,
            });
        }
    };
    for link in inner.links {
        if link.target.is_empty() {
            links.push(Link {
                target: next..next,
                ..link
            });
            continue;
        }
        let start = kept[link.target.start];
        let end = kept[link.target.end - 1] + 1;
        added(&mut links, next.min(start), start, link.source.start);
        next = end;
        links.push(Link {
            target: start..end,
            ..link
        });
    }
    let at = source.sentences.len();
    added(&mut links, next, target.sentences.len(), at);
    Alignment {
        links,
        moves: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputFormat;
    use crate::findings::{Kind, Severity};

    fn markdown(name: &str, text: &str) -> Document {
        Document::from_text(
            std::path::Path::new(name),
            text.to_string(),
            InputFormat::Markdown,
        )
    }

    const ORIGINAL: &str = "# Osaka's new ferry carries a record 2 million passengers in its first year\n\n\
        Osaka's new harbour ferry carried a record 2 million passengers in its first year, the operator said on Friday, far more than it had expected.\n\n\
        The operator had planned for 1.2 million passengers and will now order two more boats.\n\n\
        Commuters say the ferry is faster than the train at rush hour. \"I save twenty minutes every morning,\" said one office worker.\n";

    /// The headline told after the lede, every word of it found in the
    /// lede: without the reorder pass it would read as a repeat of the lede.
    const HEADLINE_SECOND: &str = "大阪の新しい港のフェリーは最初の1年間で過去最多の200万人の乗客を運んだと運航会社が金曜日に発表した。予想を大きく上回った。\n\n\
        # 大阪の新しい港のフェリー、最初の1年間で過去最多の200万人\n\n\
        運航会社は120万人を見込んでいたため、船をさらに2隻発注する。\n\n\
        通勤客によると、朝のラッシュ時はフェリーの方が電車より速い。ある会社員は「毎朝20分節約できる」と話した。\n";

    fn loud(checked: &Checked) -> Vec<String> {
        checked
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn quotations_count_as_figures_where_no_digits_are_told() {
        let checked = check(
            markdown(
                "en.md",
                "\"We will stay,\" the mayor said on Monday.\n\n\
                 The ferry left the harbour in the morning.\n\n\
                 The ferry carried 300 people.\n\n\
                 \"Yes,\" said the 3 men.\n",
            ),
            markdown(
                "de.md",
                "„Wir bleiben“, sagte die Bürgermeisterin am Montag.\n\n\
                 Die Fähre verließ am Morgen den Hafen.\n\n\
                 Die Fähre beförderte 400 Menschen.\n\n\
                 Ja, sagten die 3 Männer.\n",
            ),
            &CheckOptions::default(),
        )
        .unwrap();
        let (source, target) = (&checked.source, &checked.target);
        let paragraph = |d: &SegmentedDocument, p: usize| {
            let of: Vec<usize> = (0..d.sentences.len())
                .filter(|&i| d.sentences[i].paragraph == p)
                .collect();
            of[0]..of[of.len() - 1] + 1
        };
        let agree = |p: usize, q: usize| {
            figures_agree(source, target, &paragraph(source, p), &paragraph(target, q))
        };
        // Both quote: they agree; one quotes: they do not.
        assert_eq!(agree(0, 0), Some(true));
        assert_eq!(agree(0, 1), Some(false));
        // Neither quotes nor has a figure: nothing said.
        assert_eq!(agree(1, 1), None);
        // Figures written with digits come first.
        assert_eq!(agree(2, 2), Some(false));
        assert_eq!(agree(3, 3), Some(true));
    }

    #[test]
    fn a_headline_told_after_the_lede_is_one_move() {
        let checked = check(
            markdown("en.md", ORIGINAL),
            markdown("ja.md", HEADLINE_SECOND),
            &CheckOptions::default(),
        )
        .unwrap();
        assert!(loud(&checked).is_empty(), "{:?}", loud(&checked));
        let moved: Vec<&Finding> = checked
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Moved)
            .collect();
        assert_eq!(moved.len(), 1);
        assert!(checked.repeats.is_empty());
    }

    /// A translation that drops a paragraph and prints its neighbour twice
    /// in its place keeps its omission: the reorder pass sees repeats but
    /// does not join the copy to the dropped paragraph.
    #[test]
    fn a_copy_in_a_dropped_paragraphs_place_is_no_move() {
        let lede = "大阪の新しい港のフェリーは最初の1年間で過去最多の200万人の乗客を運んだと運航会社が金曜日に発表した。予想を大きく上回った。";
        let twice = format!(
            "# 大阪の新しい港のフェリー、最初の1年間で過去最多の200万人\n\n{lede}\n\n{lede}\n\n\
             通勤客によると、朝のラッシュ時はフェリーの方が電車より速い。ある会社員は「毎朝20分節約できる」と話した。\n"
        );
        let checked = check(
            markdown("en.md", ORIGINAL),
            markdown("ja.md", &twice),
            &CheckOptions::default(),
        )
        .unwrap();
        assert!(checked.findings.iter().all(|f| f.kind != Kind::Moved));
        assert!(
            checked
                .findings
                .iter()
                .any(|f| f.kind == Kind::Omission && f.severity > Severity::Info),
            "{:?}",
            checked.findings
        );
    }
}
