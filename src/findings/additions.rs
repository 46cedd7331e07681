//! Additions: translation content with no counterpart, classified as
//! repeated content, advertisement markers, boilerplate, inserted headings
//! or invented text.

use super::context::{Context, gist, word_count};
use super::evidence::{Evidence, NumberFact, measured, position_in_sentences, sentence_excerpts};
use super::retold;
use super::roles::Role;
use super::{Finding, Kind, Severity, excerpt, lengths, sentences_excerpt};
use crate::anchors;

/// Confidence of an added piece of a paragraph that the paragraph's
/// length needs (a split sentence, not an addition); set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const SPLIT_PIECE_CONFIDENCE: f64 = 0.3;
/// Confidence of a repeat: a base and a share of how much of it repeats
/// other text ([`super::Repeat::coverage`]); set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const REPEAT_CONFIDENCE: f64 = 0.5;
const REPEAT_COVERAGE_CONFIDENCE: f64 = 0.45;
/// Confidence of an added advertisement marker, boilerplate line, heading,
/// body text, and a heading glued to running text; set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const AD_CONFIDENCE: f64 = 0.9;
const BOILERPLATE_CONFIDENCE: f64 = 0.85;
const HEADING_CONFIDENCE: f64 = 0.8;
const CONTENT_CONFIDENCE: f64 = 0.7;
const ABSORBED_HEADING_CONFIDENCE: f64 = 0.6;
/// Confidence of a sentence that tells again what the translation said
/// nearby ([`retold`]); set by hand with the rule, not calibrated.
const RETELLING_CONFIDENCE: f64 = 0.5;
/// An added piece balances its paragraph when without it the translation
/// falls short by more than this deviation ([`lengths::deviation`]) and
/// with it stays within [`FITS_WITH`]; set by hand with the split-sentence
/// rule, no calibration on data recorded.
const SHORT_WITHOUT: f64 = 3.0;
const FITS_WITH: f64 = 1.5;

pub(super) fn find(ctx: &Context, out: &mut Vec<(usize, Finding)>) {
    let tgt = ctx.target;
    let mut j = 0;
    while j < tgt.sentences.len() {
        let k = ctx.target_link[j];
        let added = ctx.links.get(k).is_some_and(|l| l.source.is_empty());
        if !added {
            j += 1;
            continue;
        }
        let paragraph = tgt.sentences[j].paragraph;
        let mut e = j;
        while e < tgt.sentences.len()
            && tgt.sentences[e].paragraph == paragraph
            && ctx
                .links
                .get(ctx.target_link[e])
                .is_some_and(|l| l.source.is_empty())
        {
            e += 1;
        }
        let whole = tgt.paragraph_sentences[paragraph] == (j..e);
        let mut finding = addition(ctx, j..e, whole, paragraph);
        let piece = if whole || finding.severity == Severity::Info {
            None
        } else if balances(ctx, paragraph, j..e) {
            Some("the paragraph's length matches its original only with it")
        } else if carries_lost_figures(ctx, paragraph, j..e) {
            Some("it carries the figures of the original that the rest of the paragraph lacks")
        } else {
            None
        };
        if let Some(why) = piece {
            if let Some(Evidence::Unmatched { split_piece, .. }) = &mut finding.evidence {
                *split_piece = true;
            }
            finding.severity = Severity::Info;
            finding.confidence = SPLIT_PIECE_CONFIDENCE;
            finding.message.push_str(&format!(
                "; but {why}: probably a piece of a sentence the translation split"
            ));
        }
        out.push((k, finding));
        j = e;
    }
    absorbed_headings(ctx, out);
}

fn addition(ctx: &Context, ids: std::ops::Range<usize>, whole: bool, paragraph: usize) -> Finding {
    let text = ctx.target_text(ids.clone());
    let target = sentences_excerpt(ctx.target, ids.clone());
    let repeat = ctx.repeat_of.get(paragraph).copied().flatten();
    if let Some(rep) = repeat.map(|n| &ctx.repeats[n]) {
        let of = paragraph_lines(&ctx.target.document, &rep.of);
        let message = format!(
            "the translation repeats its own text from {} (\"{}\"); the original says it once",
            of,
            gist(&text)
        );
        let mut f = Finding::new(
            Kind::Addition,
            Severity::Warning,
            REPEAT_CONFIDENCE + REPEAT_COVERAGE_CONFIDENCE * rep.coverage,
            message,
        )
        .with_target(target);
        f.repeats = rep.of.first().map(|&p| {
            let para = &ctx.target.document.paragraphs[p];
            excerpt(ctx.target, para.span, para.text.clone())
        });
        let mut repeats = line_ranges(ctx, &rep.of);
        repeats.sort_unstable();
        repeats.dedup();
        return f.with_evidence(Evidence::Repeat {
            added: sentence_excerpts(ctx.target, ids),
            repeats,
            coverage: measured(rep.coverage),
        });
    }
    let role = if whole {
        ctx.target.role(paragraph)
    } else {
        Role::Content
    };
    // Sentences inside a paragraph only: a paragraph told twice in
    // other words is not handled (an added paragraph's recall is not put
    // at risk for a case not met).
    if !whole {
        if let Some(r) = retold::retelling(ctx, ids.clone()) {
            return retelling(ctx, ids, &text, &r);
        }
    }
    let info = ctx.options.boilerplate_severity;
    let digit_numbers = ctx.target_digit_numbers(&text);
    let words = word_count(&text);
    let evidence = Evidence::Unmatched {
        missing: Vec::new(),
        added: sentence_excerpts(ctx.target, ids.clone()),
        role,
        words,
        numbers: digit_numbers
            .iter()
            .map(|n| NumberFact::of(n, |at| position_in_sentences(ctx.target, ids.clone(), at)))
            .collect(),
        link_confidence: None,
        split_piece: false,
    };
    let (severity, confidence, message) = match role {
        Role::Ad => (
            info,
            AD_CONFIDENCE,
            format!(
                "the translation inserts the advertisement marker \"{}\", which is not in the original",
                gist(&text)
            ),
        ),
        Role::Boilerplate => (
            info,
            BOILERPLATE_CONFIDENCE,
            format!(
                "the translation adds site boilerplate \"{}\" that is not part of the original",
                gist(&text)
            ),
        ),
        Role::Heading => (
            info,
            HEADING_CONFIDENCE,
            format!(
                "the translation inserts the heading \"{}\", which the original does not have",
                gist(&text)
            ),
        ),
        Role::Content => {
            let numbers = digit_numbers.len();
            // The same scale as omissions: a short sentence without facts
            // ("The seconds were ticking by.") is a translator's touch
            // more often than an invention.
            let severity = if words >= 8 || numbers > 0 {
                Severity::Error
            } else if words >= 6 {
                Severity::Warning
            } else {
                Severity::Info
            };
            let what = if whole { "paragraph" } else { "sentence" };
            (
                severity,
                CONTENT_CONFIDENCE,
                format!(
                    "the translation adds the {what} \"{}\", which has no counterpart in the original",
                    gist(&text)
                ),
            )
        }
    };
    Finding::new(Kind::Addition, severity, confidence, message)
        .with_target(target)
        .with_evidence(evidence)
}

/// The first and last line of each of the translation's `paragraphs`.
fn line_ranges(ctx: &Context, paragraphs: &[usize]) -> Vec<[u32; 2]> {
    let doc = &ctx.target.document;
    paragraphs
        .iter()
        .map(|&p| {
            let (a, b) = doc.line_range(doc.paragraphs[p].span);
            [a, b]
        })
        .collect()
}

/// A run of translation sentences that tells again what link `r.link`
/// already translates ([`retold`]): at info, with the original it
/// restates and the first telling.
fn retelling(
    ctx: &Context,
    ids: std::ops::Range<usize>,
    text: &str,
    r: &retold::Retelling,
) -> Finding {
    let link = &ctx.links[r.link];
    let first = ctx.target_text(link.target.clone());
    // The link's translation is never empty (`retold` skips such links).
    let told = sentences_excerpt(ctx.target, link.target.clone());
    let lines = told.as_ref().map_or([0, 0], |e| e.lines);
    let at = if lines[0] == lines[1] {
        format!("line {}", lines[0])
    } else {
        format!("lines {}-{}", lines[0], lines[1])
    };
    let message = format!(
        "the translation tells again, in other words, what it says at {at} (\"{}\"): \"{}\" restates the original's \"{}\"",
        gist(&first),
        gist(text),
        gist(&ctx.source_text(link.source.clone()))
    );
    let mut f = Finding::new(
        Kind::Addition,
        Severity::Info,
        RETELLING_CONFIDENCE,
        message,
    )
    .with_target(sentences_excerpt(ctx.target, ids.clone()))
    .with_source(sentences_excerpt(ctx.source, link.source.clone()));
    f.repeats = told;
    let mut paragraphs: Vec<usize> = link
        .target
        .clone()
        .map(|j| ctx.target.sentences[j].paragraph)
        .collect();
    paragraphs.dedup();
    let repeats = line_ranges(ctx, &paragraphs);
    f.with_evidence(Evidence::Repeat {
        added: sentence_excerpts(ctx.target, ids),
        repeats,
        coverage: measured(r.share),
    })
}

/// Heading-like translation paragraphs that the aligner glued to running
/// text although the original has no heading there.
/// The lines of `paragraphs` of `doc` in reading order, whatever order
/// they come in: "lines 9-11, line 13 and line 15".
pub(super) fn paragraph_lines(doc: &crate::document::Document, paragraphs: &[usize]) -> String {
    let mut sorted = paragraphs.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let lines: Vec<String> = sorted
        .iter()
        .map(|&p| match doc.line_range(doc.paragraphs[p].span) {
            (a, b) if a == b => format!("line {a}"),
            (a, b) => format!("lines {a}-{b}"),
        })
        .collect();
    super::context::list(&lines)
}

fn absorbed_headings(ctx: &Context, out: &mut Vec<(usize, Finding)>) {
    let tgt = ctx.target;
    for (p, ids) in tgt.paragraph_sentences.iter().enumerate() {
        if ids.is_empty() || tgt.role(p) != Role::Heading {
            continue;
        }
        let k = ctx.target_link[ids.start];
        let Some(link) = ctx.links.get(k) else {
            continue;
        };
        if link.source.is_empty() || link.target == *ids {
            continue;
        }
        let source_has_heading = link.source.clone().any(|i| {
            let para = ctx.source.sentences[i].paragraph;
            ctx.source.role(para) == Role::Heading
        });
        if source_has_heading {
            continue;
        }
        let text = ctx.target_text(ids.clone());
        let numbers = ctx
            .target_digit_numbers(&text)
            .iter()
            .map(|n| NumberFact::of(n, |at| position_in_sentences(tgt, ids.clone(), at)))
            .collect();
        let evidence = Evidence::Unmatched {
            missing: Vec::new(),
            added: sentence_excerpts(tgt, ids.clone()),
            role: Role::Heading,
            words: word_count(&text),
            numbers,
            link_confidence: None,
            split_piece: false,
        };
        out.push((
            k,
            Finding::new(
                Kind::Addition,
                ctx.options.boilerplate_severity,
                ABSORBED_HEADING_CONFIDENCE,
                format!(
                    "the translation inserts the heading \"{}\", which the original does not have",
                    gist(&text)
                ),
            )
            .with_target(sentences_excerpt(tgt, ids.clone()))
            .with_evidence(evidence),
        ));
    }
}

/// Whether the unlinked sentences `added` of a target paragraph are needed
/// to match the length of what the rest of the paragraph translates: then
/// they are most likely a piece of a source sentence that the translation
/// split in three or more and the aligner could not join, not new content.
fn balances(ctx: &Context, paragraph: usize, added: std::ops::Range<usize>) -> bool {
    let (source, target) = linked_rest(ctx, paragraph, &added);
    let expected = lengths::chars(ctx.source, source.iter().copied()) * ctx.ratio;
    if source.is_empty() || expected < 1.0 {
        return false;
    }
    let without = lengths::chars(ctx.target, target.iter().copied());
    let with = without + lengths::chars(ctx.target, added);
    let d_with = lengths::deviation(with / expected, expected);
    let d_without = lengths::deviation(without / expected.max(1.0), expected);
    // Without them the translation falls clearly short; with them it fits.
    d_without < -SHORT_WITHOUT && d_with.abs() < FITS_WITH
}

/// The source and target sentences of the links of a target paragraph's
/// sentences outside `added`, each sorted and without repeats.
fn linked_rest(
    ctx: &Context,
    paragraph: usize,
    added: &std::ops::Range<usize>,
) -> (Vec<usize>, Vec<usize>) {
    let (mut source, mut target): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for j in ctx.target.paragraph_sentences[paragraph].clone() {
        if added.contains(&j) {
            continue;
        }
        if let Some(link) = ctx.links.get(ctx.target_link[j]) {
            source.extend(link.source.clone());
            target.extend(link.target.clone());
        }
    }
    source.sort_unstable();
    source.dedup();
    target.sort_unstable();
    target.dedup();
    (source, target)
}

/// Whether the unlinked sentences `added` of a target paragraph carry
/// figures that the original of the rest of the paragraph has and the
/// rest's translation lacks: every firm number of `added` is such a
/// figure (and there is one), and the rest tells others of the original's
/// figures and none of its own. A
/// translation that splits one sentence in three takes a figure along
/// into the piece the aligner could not join ("…, at a cost of 15
/// billion yen." → 「…。…。総事業費は約150億円を見込む。」), while an
/// invented sentence brings figures of its own.
fn carries_lost_figures(ctx: &Context, paragraph: usize, added: std::ops::Range<usize>) -> bool {
    let (source, target) = linked_rest(ctx, paragraph, &added);
    let source_numbers: Vec<&anchors::Number> = source
        .iter()
        .flat_map(|&i| ctx.source.numbers_of(i..i + 1))
        .collect();
    let told: Vec<&anchors::Number> = target
        .iter()
        .flat_map(|&j| ctx.target.numbers_of(j..j + 1))
        .collect();
    let lost = |n: &anchors::Number| {
        source_numbers.iter().any(|s| {
            s.firm && anchors::same_number(s, n) && !told.iter().any(|t| anchors::same_number(s, t))
        })
    };
    // The rest tells some of the original's figures and none of its own:
    // the sentence's figures are shared out among its pieces. A rest
    // linked to the wrong sentence (an invented sentence took its place)
    // tells none of them, or figures the original lacks.
    let (mut shared, mut own) = (false, false);
    for t in told.iter().filter(|t| t.firm) {
        if source_numbers.iter().any(|s| anchors::same_number(s, t)) {
            shared = true;
        } else {
            own = true;
        }
    }
    let mut firm = ctx.target.numbers_of(added).filter(|n| n.firm).peekable();
    shared && !own && firm.peek().is_some() && firm.all(lost)
}
