//! Facts outside quotations: numbers and names that differ between aligned
//! segments, and facts an aligned sentence lost (a dropped clause).
//!
//! Neighbouring links are searched too, so a sentence boundary the aligner
//! placed one sentence off does not look like a changed fact.

use super::context::{Context, gist, list};
use super::evidence::{Evidence, NameFact, NumberFact, position_in_sentences};
use super::quotes::Quotes;
use super::{Finding, Kind, Severity, lengths, sentences_excerpt};
use crate::anchors::persons::Person;
use crate::anchors::{self, Number, names::capitalises_nouns};
use crate::segment::SegmentedDocument;
use std::ops::Range;

/// Confidence of a number mismatch: a share of the link's confidence (at
/// least [`MISMATCH_LEAST_LINK`]) plus a constant; set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const MISMATCH_LINK_CONFIDENCE: f64 = 0.85;
const MISMATCH_LEAST_LINK: f64 = 0.5;
const MISMATCH_CONFIDENCE: f64 = 0.1;
/// Confidence of a clause dropped with its numbers, of an added sentence
/// with numbers, and of numbers added to a link; set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const CLAUSE_CONFIDENCE: f64 = 0.7;
const ADDED_SENTENCE_CONFIDENCE: f64 = 0.55;
const ADDED_NUMBER_CONFIDENCE: f64 = 0.5;
/// Confidence of a name swapped for one the original writes elsewhere, of
/// a name changed to one it never writes, and of a person's family name
/// changed; set by hand when the check was written; not calibrated (confidences are not scored by any benchmark).
const SWAP_CONFIDENCE: f64 = 0.65;
const NAME_CHANGE_CONFIDENCE: f64 = 0.4;
const PERSON_SWAP_CONFIDENCE: f64 = 0.6;

/// Numbers of sentence `i` that lie outside quotations.
fn numbers_outside<'d>(
    doc: &'d SegmentedDocument,
    quotes: &[super::quotes::Quote],
    i: usize,
) -> Vec<&'d Number> {
    let s = &doc.sentences[i];
    doc.facts(i)
        .numbers
        .iter()
        .filter(|n| {
            !quotes
                .iter()
                .any(|q| q.contains(s.paragraph, s.range.start + n.range.start))
        })
        .collect()
}

/// The numbers' texts, as written.
fn texts(numbers: &[&Number]) -> Vec<String> {
    numbers.iter().map(|n| n.text.clone()).collect()
}

/// The evidence of number `n` of sentence `i`.
fn number_fact(doc: &SegmentedDocument, i: usize, n: &Number) -> NumberFact {
    NumberFact::of(n, |at| position_in_sentences(doc, i..i + 1, at))
}

/// The evidence of name `text` at byte `at` of sentence `i`.
fn name_fact(doc: &SegmentedDocument, i: usize, text: &str, at: usize) -> NameFact {
    NameFact {
        text: text.to_string(),
        at: position_in_sentences(doc, i..i + 1, at),
    }
}

pub(super) fn find(ctx: &Context, quotes: &Quotes, out: &mut Vec<(usize, Finding)>) {
    for (k, link) in ctx.links.iter().enumerate() {
        if link.source.is_empty() || link.target.is_empty() {
            continue;
        }
        let near_t = ctx.target_near(k);
        let near_s = ctx.source_near(k);
        let near_t_numbers: Vec<&Number> = ctx.target.numbers_of(near_t.clone()).collect();
        let near_s_numbers: Vec<&Number> = ctx.source.numbers_of(near_s.clone()).collect();
        // Per source sentence: digit numbers with no counterpart nearby.
        let mut missing_numbers: Vec<(usize, Vec<&Number>)> = Vec::new();
        for i in link.source.clone() {
            let lost: Vec<&Number> = numbers_outside(ctx.source, &quotes.source, i)
                .into_iter()
                .filter(|n| n.firm && !near_t_numbers.iter().any(|t| anchors::same_number(n, t)))
                .collect();
            if !lost.is_empty() {
                missing_numbers.push((i, lost));
            }
        }
        drop_roman_counterparts(ctx.target, near_t, &mut missing_numbers);
        let mut extra_numbers: Vec<(usize, Vec<&Number>)> = link
            .target
            .clone()
            .map(|j| {
                let extra = numbers_outside(ctx.target, &quotes.target, j)
                    .into_iter()
                    .filter(|n| {
                        n.firm && !near_s_numbers.iter().any(|s| anchors::same_number(n, s))
                    })
                    .collect();
                (j, extra)
            })
            .collect();
        drop_roman_counterparts(ctx.source, near_s, &mut extra_numbers);
        let mut extra_numbers: Vec<(usize, &Number)> = extra_numbers
            .into_iter()
            .flat_map(|(j, extra)| extra.into_iter().map(move |n| (j, n)))
            .collect();
        // A day or a month the original writes in digits and the
        // translation changed (8 August → 8月9日): the translation's day is
        // no firm fact, yet it is the lost figure's counterpart.
        if extra_numbers.is_empty()
            && !missing_numbers.is_empty()
            && missing_numbers
                .iter()
                .flat_map(|(_, l)| l)
                .all(|n| a_day_or_month(n))
        {
            for j in link.target.clone() {
                extra_numbers.extend(
                    numbers_outside(ctx.target, &quotes.target, j)
                        .into_iter()
                        .filter(|n| {
                            a_date_part(n)
                                && !near_s_numbers.iter().any(|s| anchors::same_number(n, s))
                        })
                        .map(|n| (j, n)),
                );
            }
        }
        changed_months(ctx, quotes, k, &mut missing_numbers, &mut extra_numbers);
        let extra: Vec<String> = extra_numbers.iter().map(|(_, n)| n.text.clone()).collect();
        let missing: Vec<(usize, Vec<String>)> = missing_numbers
            .iter()
            .map(|(i, lost)| (*i, texts(lost)))
            .collect();
        let added_facts: Vec<NumberFact> = extra_numbers
            .iter()
            .map(|&(j, n)| number_fact(ctx.target, j, n))
            .collect();
        let missing_facts = |only: Option<usize>| -> Vec<NumberFact> {
            missing_numbers
                .iter()
                .filter(|(i, _)| only.is_none_or(|o| o == *i))
                .flat_map(|(i, lost)| lost.iter().map(|n| number_fact(ctx.source, *i, n)))
                .collect()
        };
        // Built only for a finding (most links have none).
        let target_excerpt = || sentences_excerpt(ctx.target, link.target.clone());
        if !missing.is_empty() && !extra.is_empty() {
            let lost: Vec<String> = missing.iter().flat_map(|(_, l)| l.clone()).collect();
            let first = missing[0].0;
            let last = missing[missing.len() - 1].0;
            out.push((
                k,
                Finding::new(
                    Kind::NumberMismatch,
                    Severity::Error,
                    MISMATCH_LINK_CONFIDENCE * link.confidence.max(MISMATCH_LEAST_LINK)
                        + MISMATCH_CONFIDENCE,
                    format!(
                        "the translation has {} where the original has {}",
                        list(&extra),
                        list(&lost)
                    ),
                )
                .with_source(sentences_excerpt(ctx.source, first..last + 1))
                .with_target(target_excerpt())
                .with_evidence(Evidence::Numbers {
                    missing: missing_facts(None),
                    added: added_facts,
                }),
            ));
        } else if !missing.is_empty() {
            for (i, lost) in &missing {
                let severity = if lost.len() >= 2 {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                out.push((
                    k,
                    Finding::new(
                        Kind::Omission,
                        severity,
                        CLAUSE_CONFIDENCE,
                        format!(
                            "the translation drops a clause of \"{}\"; {} {} no counterpart",
                            gist(ctx.source.sentence_text(*i)),
                            list(lost),
                            if lost.len() == 1 { "has" } else { "have" }
                        ),
                    )
                    .with_source(sentences_excerpt(ctx.source, *i..*i + 1))
                    .with_target(target_excerpt())
                    .with_evidence(Evidence::Numbers {
                        missing: missing_facts(Some(*i)),
                        added: Vec::new(),
                    }),
                ));
            }
        } else if let Some((j, new_numbers)) = added_sentence(ctx, quotes, k, &near_s_numbers) {
            let new = texts(&new_numbers);
            out.push((
                k,
                Finding::new(
                    Kind::Addition,
                    Severity::Warning,
                    ADDED_SENTENCE_CONFIDENCE,
                    format!(
                        "the translation adds the sentence \"{}\", which has no counterpart in the original; {} {} no counterpart",
                        gist(ctx.target.sentence_text(j)),
                        list(&new),
                        if new.len() == 1 { "has" } else { "have" }
                    ),
                )
                .with_source(sentences_excerpt(ctx.source, link.source.clone()))
                .with_target(sentences_excerpt(ctx.target, j..j + 1))
                .with_evidence(Evidence::Numbers {
                    missing: Vec::new(),
                    added: new_numbers
                        .iter()
                        .map(|n| number_fact(ctx.target, j, n))
                        .collect(),
                }),
            ));
        } else if !extra.is_empty() {
            // Any number, spelled ones too: "két" (2) may be the one a
            // changed "7" replaced.
            let source_digits = link
                .source
                .clone()
                .any(|i| !numbers_outside(ctx.source, &quotes.source, i).is_empty());
            out.push((
                k,
                Finding::new(
                    Kind::NumberMismatch,
                    // Translators add dates and figures to explain: weak
                    // evidence, unless the original has digits here that
                    // the new number may have replaced. A lone 1 replaced
                    // nothing when no number is missing: Japanese and
                    // Chinese count with it where English writes "a"
                    // (1年間, 1人, 1つ).
                    if source_digits && !extra_numbers.iter().all(|(_, n)| a_lone_one(n)) {
                        Severity::Warning
                    } else {
                        Severity::Info
                    },
                    ADDED_NUMBER_CONFIDENCE,
                    format!(
                        "the translation adds {}, which the original does not have here",
                        list(&extra)
                    ),
                )
                .with_source(sentences_excerpt(ctx.source, link.source.clone()))
                .with_target(target_excerpt())
                .with_evidence(Evidence::Numbers {
                    missing: Vec::new(),
                    added: added_facts,
                }),
            ));
        }
        names(ctx, k, out);
    }
}

/// Drops from `numbers` (per sentence, those with no counterpart) each
/// whole number that sentences `near` of `other` write as a Roman numeral
/// ("Lager 3" and "camp III"), and the sentences left with none.
fn drop_roman_counterparts(
    other: &SegmentedDocument,
    near: Range<usize>,
    numbers: &mut Vec<(usize, Vec<&Number>)>,
) {
    if numbers.iter().all(|(_, n)| n.is_empty()) {
        numbers.retain(|(_, n)| !n.is_empty());
        return;
    }
    let romans: Vec<u32> = near
        .flat_map(|i| anchors::roman::numerals(other.sentence_text(i), other.language()))
        .collect();
    let written = |n: &Number| {
        n.values
            .iter()
            .any(|v| v.fract() == 0.0 && romans.iter().any(|r| f64::from(*r) == *v))
    };
    for (_, lost) in numbers.iter_mut() {
        lost.retain(|n| !written(n));
    }
    numbers.retain(|(_, n)| !n.is_empty());
}

/// Months of link `k` changed by the translation (8 August → 8.
/// September, 8 August → 9月8日), added to the lost and the added numbers.
/// A month is no firm fact, since a language whose month names are unknown
/// writes none: only a month of the original with no counterpart, while
/// the translation nearby writes a month the original does not, counts.
fn changed_months<'d>(
    ctx: &Context<'d>,
    quotes: &Quotes,
    k: usize,
    missing: &mut Vec<(usize, Vec<&'d Number>)>,
    extra: &mut Vec<(usize, &'d Number)>,
) {
    let link = &ctx.links[k];
    let near_t: Vec<&Number> = ctx.target.numbers_of(ctx.target_near(k)).collect();
    let near_s: Vec<&Number> = ctx.source.numbers_of(ctx.source_near(k)).collect();
    let lost = months_without_counterpart(ctx.source, &quotes.source, link.source.clone(), &near_t);
    if lost.is_empty() {
        return;
    }
    let added =
        months_without_counterpart(ctx.target, &quotes.target, link.target.clone(), &near_s);
    if added.is_empty() {
        return;
    }
    for (i, n) in lost {
        match missing.iter_mut().find(|(m, _)| *m == i) {
            Some((_, l)) => l.push(n),
            None => missing.push((i, vec![n])),
        }
    }
    for (j, n) in added {
        if !extra.iter().any(|(_, e)| std::ptr::eq(*e, n)) {
            extra.push((j, n));
        }
    }
    missing.sort_by_key(|(i, _)| *i);
    for (_, l) in missing.iter_mut() {
        l.sort_by_key(|n| n.range.start);
    }
}

/// The month figures of `sentences` of `doc`, outside quotes, that no
/// number of `other` (the other side's numbers nearby) matches.
fn months_without_counterpart<'d>(
    doc: &'d SegmentedDocument,
    quotes: &[super::quotes::Quote],
    sentences: Range<usize>,
    other: &[&Number],
) -> Vec<(usize, &'d Number)> {
    sentences
        .flat_map(|i| {
            numbers_outside(doc, quotes, i)
                .into_iter()
                .map(move |n| (i, n))
        })
        .filter(|(_, n)| {
            n.kind == anchors::NumberKind::Month
                && !other.iter().any(|o| anchors::same_number(n, o))
        })
        .collect()
}

/// Whether `n` may be a day or a month: a whole number from 1 to 31.
fn a_day_or_month(n: &Number) -> bool {
    n.keys()
        .iter()
        .all(|&v| (1.0..=31.0).contains(&v) && v.fract() == 0.0)
}

/// Whether `n` is a day or a month written with digits against its sign
/// (3月, 9日, 8월): not firm, since the original may write a name.
fn a_date_part(n: &Number) -> bool {
    n.digits && !n.firm && n.kind != anchors::NumberKind::Decade
}

/// Whether `n` is the digit 1 with no scale: how a language that counts
/// with a classifier writes "a" or "one" (1人, 1つ, 1시간).
fn a_lone_one(n: &Number) -> bool {
    n.scaled == 0 && n.values.first() == Some(&1.0)
}

/// A name of the original replaced by another name in the translation.
fn names(ctx: &Context, k: usize, out: &mut Vec<(usize, Finding)>) {
    let link = &ctx.links[k];
    let tl = ctx.target.language();
    // A lost name must be one the translation writes elsewhere, so it is
    // a name in both languages rather than a capitalised noun.
    let t_near = ctx.target.words_of(ctx.target_near(k));
    let lost_names: Vec<_> = link
        .source
        .clone()
        .flat_map(|i| ctx.source.facts(i).names.iter().map(move |n| (i, n)))
        .filter(|(_, n)| ctx.target_names.has(&n.folded) && !t_near.contains(&n.folded))
        .collect();
    if lost_names.is_empty() {
        out.extend(swapped_person(ctx, k).map(|f| (k, f)));
        return;
    }
    let s_near = ctx.source.words_of(ctx.source_near(k));
    let gained_names: Vec<_> = link
        .target
        .clone()
        .flat_map(|j| ctx.target.facts(j).names.iter().map(move |n| (j, n)))
        .filter(|(_, n)| {
            (ctx.source_names.has(&n.folded) || !capitalises_nouns(tl))
                && !s_near.contains(&n.folded)
        })
        .collect();
    if gained_names.is_empty() {
        out.extend(swapped_person(ctx, k).map(|f| (k, f)));
        return;
    }
    let lost_facts: Vec<NameFact> = lost_names
        .into_iter()
        .map(|(i, n)| name_fact(ctx.source, i, &n.text, n.range.start))
        .collect();
    let gained_facts: Vec<NameFact> = gained_names
        .into_iter()
        .map(|(j, n)| name_fact(ctx.target, j, &n.text, n.range.start))
        .collect();
    let lost: Vec<String> = lost_facts.iter().map(|n| n.text.clone()).collect();
    let gained: Vec<String> = gained_facts.iter().map(|n| n.text.clone()).collect();
    // A swap with a name the original writes elsewhere is likely; a name
    // the original never writes may be a translated or inflected name.
    let swap = gained
        .iter()
        .any(|g| ctx.source_names.has(&anchors::fold(g)));
    let severity = if swap {
        Severity::Warning
    } else {
        Severity::Info
    };
    let mut lost = lost;
    lost.dedup();
    let mut gained = gained;
    gained.dedup();
    let confidence = if swap {
        SWAP_CONFIDENCE
    } else {
        NAME_CHANGE_CONFIDENCE
    };
    let evidence = Evidence::Names {
        missing: dedup_names(lost_facts),
        added: dedup_names(gained_facts),
        persons: false,
    };
    out.push((
        k,
        name_mismatch(ctx, k, severity, confidence, &gained, &lost).with_evidence(evidence),
    ));
}

/// Names without a repeat of the one before (as the message lists them).
fn dedup_names(mut names: Vec<NameFact>) -> Vec<NameFact> {
    names.dedup_by(|a, b| a.text == b.text);
    names
}

/// "The translation names X where the original names Y", on link `k`.
fn name_mismatch(
    ctx: &Context,
    k: usize,
    severity: Severity,
    confidence: f64,
    gained: &[String],
    lost: &[String],
) -> Finding {
    let link = &ctx.links[k];
    Finding::new(
        Kind::NameMismatch,
        severity,
        confidence,
        format!(
            "the translation names {} where the original names {}",
            list(gained),
            list(lost)
        ),
    )
    .with_source(sentences_excerpt(ctx.source, link.source.clone()))
    .with_target(sentences_excerpt(ctx.target, link.target.clone()))
}

/// In a link that joins several translation sentences to the original, a
/// sentence whose every number is one the original does not have nearby,
/// while the link's other sentences carry the original's numbers or none:
/// a sentence added inside a merge rather than a figure added to explain.
fn added_sentence<'a>(
    ctx: &Context<'a>,
    quotes: &Quotes,
    k: usize,
    near_s_numbers: &[&Number],
) -> Option<(usize, Vec<&'a Number>)> {
    let link = &ctx.links[k];
    if link.target.len() < 2 {
        return None;
    }
    let mut found = None;
    for j in link.target.clone() {
        let numbers: Vec<&Number> = numbers_outside(ctx.target, &quotes.target, j)
            .into_iter()
            .filter(|n| n.firm)
            .collect();
        let new: Vec<&Number> = numbers
            .iter()
            .filter(|n| !near_s_numbers.iter().any(|s| anchors::same_number(n, s)))
            .copied()
            .collect();
        if new.is_empty() {
            continue;
        }
        // Two sentences with new numbers: a changed passage, not one added
        // sentence; one with some of the original's numbers: a changed
        // figure.
        if found.is_some() || new.len() < numbers.len() {
            return None;
        }
        found = Some((j, new));
    }
    // And the link's length must fit the original better without it.
    let (j, new) = found?;
    let expected = lengths::chars(ctx.source, link.source.clone()) * ctx.ratio;
    let with = lengths::chars(ctx.target, link.target.clone());
    let without = with - lengths::chars(ctx.target, [j]);
    let fits = |t: f64| (t.max(1.0) / expected.max(1.0)).ln().abs();
    (fits(without) < fits(with)).then_some((j, new))
}

/// A person of the original replaced by another person: the original names
/// someone (a given name and a family name) whose family name the
/// translation does not write here, and the translation names someone whose
/// family name the original never writes. Caught by the given name, so it
/// also holds where every noun is capitalised.
fn swapped_person(ctx: &Context, k: usize) -> Option<Finding> {
    let link = &ctx.links[k];
    let source_people: Vec<(usize, &Person)> = link
        .source
        .clone()
        .flat_map(|i| ctx.source.facts(i).persons.iter().map(move |p| (i, p)))
        .collect();
    if source_people.is_empty() {
        return None;
    }
    let target_people: Vec<(usize, &Person)> = link
        .target
        .clone()
        .flat_map(|j| ctx.target.facts(j).persons.iter().map(move |p| (j, p)))
        .collect();
    if target_people.is_empty() {
        return None;
    }
    let t_near = ctx.target.words_of(ctx.target_near(k));
    let lost: Vec<NameFact> = source_people
        .into_iter()
        .filter(|(_, p)| !p.surnames.iter().any(|n| t_near.contains(n)))
        .map(|(i, p)| name_fact(ctx.source, i, &p.text, p.range.start))
        .collect();
    // Nobody lost, no swap: the original's words (folded on first use, a
    // whole file's worth) are not needed.
    if lost.is_empty() {
        return None;
    }
    let gained: Vec<NameFact> = target_people
        .into_iter()
        .filter(|(_, p)| !p.surnames.iter().any(|n| ctx.source_words().contains(n)))
        .map(|(j, p)| name_fact(ctx.target, j, &p.text, p.range.start))
        .collect();
    if gained.is_empty() {
        return None;
    }
    let text = |names: &[NameFact]| names.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
    let finding = name_mismatch(
        ctx,
        k,
        Severity::Warning,
        PERSON_SWAP_CONFIDENCE,
        &text(&gained),
        &text(&lost),
    );
    Some(finding.with_evidence(Evidence::Names {
        missing: lost,
        added: gained,
        persons: true,
    }))
}
