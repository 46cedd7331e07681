//! Omissions: original paragraphs and sentences with no counterpart.
//!
//! A run of 1-0 links is one finding per paragraph when it covers the whole
//! paragraph, else one finding per run of sentences inside the paragraph.
//! Passages the aligner merged are checked in [`super::lengths`].

use super::context::{Context, gist, list, word_count};
use super::evidence::{Evidence, NumberFact, measured, position_in_sentences, sentence_excerpts};
use super::roles::Role;
use super::{Finding, Kind, Severity, sentences_excerpt};

/// Aligner confidence under which a dropped run without numbers is one
/// severity level less sure: the aligner doubts the link; set by hand when
/// the rule was written, no calibration on data recorded.
const DOUBTED_LINK: f64 = 0.3;
/// Links on each side of a dropped paragraph searched for unlinked
/// translation text (its counterpart, misplaced). Set by hand (a
/// paragraph's sentences and a neighbour's), not swept; with it dropped
/// paragraphs are found 0.923 -> 0.938 on the real pairs without
/// dictionaries, false alarms unchanged (docs/benchmarks.md, 2026-12-03).
const NEAR_LINKS: usize = 3;
/// Confidence of an omission: a base, a share of the aligner's
/// confidence in the run's links, a step when numbers are lost, at most
/// [`MAX_CONFIDENCE`]; set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const BASE_CONFIDENCE: f64 = 0.55;
const LINK_CONFIDENCE: f64 = 0.4;
const NUMBERS_CONFIDENCE: f64 = 0.05;
const MAX_CONFIDENCE: f64 = 0.99;

pub(super) fn find(ctx: &Context, out: &mut Vec<(usize, Finding)>) {
    let src = ctx.source;
    let mut i = 0;
    while i < src.sentences.len() {
        let k = ctx.source_link[i];
        let dropped = ctx.links.get(k).is_some_and(|l| l.target.is_empty());
        if !dropped {
            i += 1;
            continue;
        }
        // The run of dropped sentences inside this paragraph.
        let paragraph = src.sentences[i].paragraph;
        let mut j = i;
        let mut confidence = 0.0;
        while j < src.sentences.len()
            && src.sentences[j].paragraph == paragraph
            && ctx
                .links
                .get(ctx.source_link[j])
                .is_some_and(|l| l.target.is_empty())
        {
            confidence += ctx.links[ctx.source_link[j]].confidence;
            j += 1;
        }
        confidence /= (j - i) as f64;
        let whole = src.paragraph_sentences[paragraph] == (i..j);
        let alone = whole && !unlinked_near(ctx, k, ctx.source_link[j - 1]);
        out.push((k, omission(ctx, i..j, whole, alone, paragraph, confidence)));
        i = j;
    }
}

/// Whether a translation sentence linked to nothing lies within
/// [`NEAR_LINKS`] links of links `first..=last`: where the dropped text's
/// counterpart, misplaced by the aligner, could be.
fn unlinked_near(ctx: &Context, first: usize, last: usize) -> bool {
    let from = first.saturating_sub(NEAR_LINKS);
    let to = (last + NEAR_LINKS + 1).min(ctx.links.len());
    ctx.links[from..to]
        .iter()
        .any(|l| l.source.is_empty() && !l.target.is_empty())
}

/// `alone`: a whole paragraph with no unlinked translation text near it
/// ([`unlinked_near`]), so the aligner's doubt cannot be that its
/// counterpart was misplaced.
fn omission(
    ctx: &Context,
    ids: std::ops::Range<usize>,
    whole: bool,
    alone: bool,
    paragraph: usize,
    confidence: f64,
) -> Finding {
    let text = ctx.source_text(ids.clone());
    let role = ctx.source.role(paragraph);
    let digit_numbers = ctx.source_digit_numbers(&text);
    let numbers: Vec<String> = digit_numbers.iter().map(|n| n.text.clone()).collect();
    let words = word_count(&text);
    let what = match (whole, role) {
        (true, Role::Heading) => "the heading",
        (true, _) => "the paragraph",
        (false, _) if ids.len() > 1 => "the sentences",
        (false, _) => "the sentence",
    };
    let mut message = format!("the translation drops {what} \"{}\"", gist(&text));
    if !numbers.is_empty() {
        message.push_str(&format!(
            "; {} {} no counterpart",
            list(&numbers),
            if numbers.len() == 1 { "has" } else { "have" }
        ));
    } else {
        message.push_str("; nothing in the translation corresponds to it");
    }
    let severity = match role {
        Role::Ad | Role::Boilerplate => Severity::Info,
        // A dropped heading loses little unless it carries a number.
        Role::Heading if whole && numbers.is_empty() && words < 8 => Severity::Info,
        Role::Heading if whole && numbers.is_empty() => Severity::Warning,
        _ if !numbers.is_empty() || words >= 8 => Severity::Error,
        _ if words >= 6 => Severity::Warning,
        _ => Severity::Info,
    };
    // The aligner doubts this link and no fact backs it: one level less;
    // unless the translation has nothing unlinked near it where the
    // paragraph's counterpart could be.
    let doubted = confidence < DOUBTED_LINK && numbers.is_empty() && !alone;
    let severity = match severity {
        Severity::Error if doubted => Severity::Warning,
        Severity::Warning if doubted => Severity::Info,
        s => s,
    };
    let evidence = Evidence::Unmatched {
        missing: sentence_excerpts(ctx.source, ids.clone()),
        added: Vec::new(),
        role,
        words,
        numbers: digit_numbers
            .iter()
            .map(|n| NumberFact::of(n, |at| position_in_sentences(ctx.source, ids.clone(), at)))
            .collect(),
        link_confidence: Some(measured(confidence)),
        split_piece: false,
    };
    let confidence = (BASE_CONFIDENCE
        + LINK_CONFIDENCE * confidence
        + if numbers.is_empty() {
            0.0
        } else {
            NUMBERS_CONFIDENCE
        })
    .min(MAX_CONFIDENCE);
    Finding::new(Kind::Omission, severity, confidence, message)
        .with_source(sentences_excerpt(ctx.source, ids))
        .with_evidence(evidence)
}
