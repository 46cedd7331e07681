//! Omissions: original paragraphs and sentences with no counterpart.
//!
//! A run of 1-0 links is one finding per paragraph when it covers the whole
//! paragraph, else one finding per run of sentences inside the paragraph.
//! Links whose translation is far shorter than the original predicts are
//! checked for a sentence swallowed inside an n-1 link.

use super::context::{Context, gist, list, word_count};
use super::roles::{self, Role};
use super::{Finding, Kind, Severity, sentences_excerpt};
use crate::anchors;

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
        out.push((k, omission(ctx, i..j, whole, paragraph, confidence)));
        i = j;
    }
    shortened_links(ctx, out);
}

fn omission(
    ctx: &Context,
    ids: std::ops::Range<usize>,
    whole: bool,
    paragraph: usize,
    confidence: f64,
) -> Finding {
    let text = ctx.source_text(ids.clone());
    let role = roles::role(&ctx.source.document.paragraphs[paragraph]);
    let numbers: Vec<String> = ctx
        .source_numbers(&text)
        .into_iter()
        .filter(|n| n.digits)
        .map(|n| n.text)
        .collect();
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
        Role::Heading if whole => Severity::Warning,
        _ if !numbers.is_empty() || words >= 8 => Severity::Error,
        _ if words >= 4 => Severity::Warning,
        _ => Severity::Info,
    };
    let confidence =
        (0.55 + 0.4 * confidence + if numbers.is_empty() { 0.0 } else { 0.05 }).min(0.99);
    Finding::new(Kind::Omission, severity, confidence, message)
        .with_source(sentences_excerpt(ctx.source, ids))
}

/// n-1 links whose translation is much shorter than expected: the source
/// sentence least covered by the translation was probably dropped.
fn shortened_links(ctx: &Context, out: &mut Vec<(usize, Finding)>) {
    for (k, link) in ctx.links.iter().enumerate() {
        if link.source.len() < 2 || link.target.is_empty() {
            continue;
        }
        let src_len: usize = link
            .source
            .clone()
            .map(|i| ctx.source.sentence_text(i).chars().count())
            .sum();
        let tgt_len: usize = link
            .target
            .clone()
            .map(|j| ctx.target.sentence_text(j).chars().count())
            .sum();
        let expected = src_len as f64 * ctx.ratio;
        if src_len < 80 || (tgt_len as f64) > 0.6 * expected {
            continue;
        }
        let target_text = ctx.target_text(ctx.target_near(k));
        let target_numbers = ctx.target_numbers(&target_text);
        // Pick the sentence whose removal best explains the length, with
        // a bonus for numbers the translation lacks.
        let best = link
            .source
            .clone()
            .map(|i| {
                let text = ctx.source.sentence_text(i);
                let len = text.chars().count() as f64;
                let fit = ((src_len as f64 - len) * ctx.ratio - tgt_len as f64).abs() / expected;
                let missing = ctx
                    .source_numbers(text)
                    .iter()
                    .filter(|n| {
                        n.digits && !target_numbers.iter().any(|t| anchors::same_number(n, t))
                    })
                    .count();
                (i, fit - 0.2 * missing as f64)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, _)) = best else { continue };
        let text = ctx.source.sentence_text(i);
        let message = format!(
            "the translation seems to drop the sentence \"{}\": its counterpart is {:.0}% shorter than the original predicts",
            gist(text),
            100.0 * (1.0 - tgt_len as f64 / expected)
        );
        out.push((
            k,
            Finding::new(Kind::Omission, Severity::Warning, 0.6, message)
                .with_source(sentences_excerpt(ctx.source, i..i + 1)),
        ));
    }
}
