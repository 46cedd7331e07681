//! Altered quotes: quotations paired through the alignment and compared by
//! length, numbers, names and negation cues; quotes that lost their marks
//! and quotes the translation invented.

mod extract;

use std::ops::Range;

pub use extract::{Quote, quotes};

use super::context::{Context, gist, list, word_count};
use super::lengths;
use super::{Excerpt, Finding, Kind, Severity, excerpt};
use crate::anchors::{self, names::capitalises_nouns};
use crate::segment::SegmentedDocument;

/// The quotations of both documents, for later stages that must not
/// report the same fact twice.
pub(crate) struct Quotes {
    pub source: Vec<Quote>,
    pub target: Vec<Quote>,
}

/// Smallest quote, in words, whose length is compared.
const MIN_COMPARED_WORDS: usize = 6;

fn sentences_of(doc: &SegmentedDocument, q: &Quote) -> Range<usize> {
    let mut start = usize::MAX;
    let mut end = 0;
    for (p, r) in &q.parts {
        for i in doc.paragraph_sentences[*p].clone() {
            let s = &doc.sentences[i].range;
            if s.start < r.end && r.start < s.end {
                start = start.min(i);
                end = end.max(i + 1);
            }
        }
    }
    if start == usize::MAX {
        0..0
    } else {
        start..end
    }
}

/// The excerpt of a quote: from its first to its last quoted byte.
pub(crate) fn quote_excerpt(doc: &SegmentedDocument, q: &Quote) -> Option<Excerpt> {
    let (first_p, first_r) = q.parts.first()?;
    let (last_p, last_r) = q.parts.last()?;
    let a = doc.document.paragraphs[*first_p].source_span(first_r.start, first_r.end);
    let b = doc.document.paragraphs[*last_p].source_span(last_r.start, last_r.end);
    Some(excerpt(doc, a.cover(b), q.text.clone()))
}

/// Whether the sentences start with a dialogue dash, the quotation mark of
/// languages that write dialogue with dashes.
fn dash_dialogue(doc: &SegmentedDocument, ids: Range<usize>) -> bool {
    ids.into_iter().any(|i| {
        doc.sentence_text(i)
            .trim_start()
            .starts_with(['–', '—', '―'])
    })
}

/// Word-level likeness of two quotes across languages: shared numbers and
/// cognates (words of 4+ letters that fold to a shared stem).
fn likeness(ctx: &Context, s: &str, t: &str) -> f64 {
    let fold_all = |text: &str| -> Vec<String> {
        crate::text::words(text)
            .into_iter()
            .filter(|(_, w)| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
            .map(|(_, w)| anchors::fold(w))
            .collect()
    };
    let (sw, tw) = (fold_all(s), fold_all(t));
    if sw.is_empty() {
        return 0.0;
    }
    let hits = sw
        .iter()
        .filter(|a| tw.iter().any(|b| anchors::same_name(a, b)))
        .count();
    let (sl, tl) = (
        s.chars().count() as f64 * ctx.ratio,
        t.chars().count() as f64,
    );
    let length = sl.min(tl) / sl.max(tl).max(1.0);
    hits as f64 / sw.len() as f64 + 0.3 * length
}

pub(super) fn compare(ctx: &Context, out: &mut Vec<(usize, Finding)>) -> Quotes {
    let source = quotes(&ctx.source.document);
    let target = quotes(&ctx.target.document);
    let mut used = vec![false; target.len()];
    let target_sentences: Vec<Range<usize>> =
        target.iter().map(|q| sentences_of(ctx.target, q)).collect();
    let source_has_quotes = !source.is_empty();
    let mut joined = vec![false; source.len()];
    for (i, q) in source.iter().enumerate() {
        if joined[i] {
            continue;
        }
        let ids = sentences_of(ctx.source, q);
        if ids.is_empty() {
            continue;
        }
        let (links, t_ids) = linked(ctx, ids.clone());
        // Dropped with its sentence: the omission already says so.
        if t_ids.is_empty() {
            continue;
        }
        let k = links[0];
        let near = {
            let a = ctx.target_near(*links.first().unwrap_or(&k));
            let b = ctx.target_near(*links.last().unwrap_or(&k));
            a.start.min(b.start)..a.end.max(b.end)
        };
        let overlaps = |r: &Range<usize>, w: &Range<usize>| r.start < w.end && w.start < r.end;
        let best = target
            .iter()
            .enumerate()
            .filter(|(n, _)| !used[*n] && overlaps(&target_sentences[*n], &near))
            .map(|(n, t)| {
                let inside = if overlaps(&target_sentences[n], &t_ids) {
                    0.5
                } else {
                    0.0
                };
                (n, likeness(ctx, &q.text, &t.text) + inside)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((n, score)) if score >= 0.4 || overlaps(&target_sentences[n], &t_ids) => {
                used[n] = true;
                // A speaker's two quotes may be one in the translation (or
                // one quote two): join the next quotes of one side that the
                // alignment puts on the other side's quote, unless a quote
                // of their own waits for them there.
                let mut sq = q.clone();
                let mut next = i + 1;
                while let Some(q2) = source.get(next) {
                    let (_, t2) = linked(ctx, sentences_of(ctx.source, q2));
                    let own = (n + 1..target.len())
                        .any(|m| !used[m] && overlaps(&target_sentences[m], &t2));
                    let closer = fits_better(ctx, &join(&sq, q2), &target[n], &sq, &target[n]);
                    if t2.is_empty() || !overlaps(&t2, &target_sentences[n]) || own || !closer {
                        break;
                    }
                    sq = join(&sq, q2);
                    joined[next] = true;
                    next += 1;
                }
                let (_, t_all) = linked(ctx, sentences_of(ctx.source, &sq));
                let (_, t_next) = source.get(next).map_or((Vec::new(), 0..0), |q2| {
                    linked(ctx, sentences_of(ctx.source, q2))
                });
                let mut tq = target[n].clone();
                for m in n + 1..target.len() {
                    let inside = overlaps(&target_sentences[m], &t_all);
                    let closer = fits_better(ctx, &sq, &join(&tq, &target[m]), &sq, &tq);
                    if used[m] || !inside || overlaps(&target_sentences[m], &t_next) || !closer {
                        break;
                    }
                    tq = join(&tq, &target[m]);
                    used[m] = true;
                }
                if let Some(f) = compare_pair(ctx, &sq, &tq) {
                    out.push((k, f));
                }
            }
            _ => {
                if dash_dialogue(ctx.target, t_ids.clone()) {
                    continue;
                }
                if let Some(f) = dropped_with_sentence(ctx, q, ids.clone(), &links, t_ids.clone()) {
                    out.push((k, f));
                    continue;
                }
                let words = word_count(&q.text);
                if words < 4 {
                    continue;
                }
                let severity = if words >= 12 {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let message = format!(
                    "the quote \"{}\" lost its quotation marks in the translation: it is no longer quoted speech but reported",
                    gist(&q.text)
                );
                out.push((
                    k,
                    Finding::new(Kind::AlteredQuote, severity, 0.7, message)
                        .with_source(quote_excerpt(ctx.source, q))
                        .with_target(super::sentences_excerpt(ctx.target, t_ids)),
                ));
            }
        }
    }
    let mut invented_in = std::collections::HashSet::new();
    // Byte spans of the additions that are more than a note, in order.
    let mut additions: Vec<(usize, usize)> = out
        .iter()
        .filter(|(_, f)| f.kind == Kind::Addition && f.severity > Severity::Info)
        .filter_map(|(_, f)| f.target.as_ref().map(|e| (e.bytes[0], e.bytes[1])))
        .collect();
    additions.sort_unstable();
    for (n, t) in target.iter().enumerate() {
        if used[n] {
            continue;
        }
        let ids = &target_sentences[n];
        if ids.is_empty() {
            continue;
        }
        let k = ctx.target_link[ids.start];
        let Some(link) = ctx.links.get(k) else {
            continue;
        };
        // A quote in an added passage is an addition, and also words put
        // in someone's mouth: said so once more, as a quote (unless the
        // passage repeats the translation's own text).
        if link.source.is_empty() {
            let paragraph = ctx.target.sentences[ids.start].paragraph;
            let repeated = ctx.repeat_of.get(paragraph).copied().flatten().is_some();
            // Once per added passage, and only where the addition itself
            // is more than a note (not an ad, a heading or a split piece).
            let at = ctx.target.sentences[ids.start].span.start;
            let before = additions.partition_point(|&(start, _)| start <= at);
            let addition_matters = before > 0 && at < additions[before - 1].1;
            if !repeated
                && addition_matters
                && word_count(&t.text) >= 6
                && source_has_quotes
                && invented_in.insert(paragraph)
            {
                let message = format!(
                    "the translation adds the quote \"{}\", which the original does not have: an invented quote",
                    gist(&t.text)
                );
                out.push((
                    k,
                    Finding::new(Kind::AlteredQuote, Severity::Warning, 0.6, message)
                        .with_target(quote_excerpt(ctx.target, t)),
                ));
            }
            continue;
        }
        // A quote in a dash-dialogue original has no marks to pair with.
        if dash_dialogue(ctx.source, ctx.source_near(k)) {
            continue;
        }
        let words = word_count(&t.text);
        let severity = if words >= 6 && source_has_quotes {
            Severity::Warning
        } else {
            Severity::Info
        };
        let message = format!(
            "the translation puts \"{}\" in quotation marks although the original quotes nothing there: an invented quote",
            gist(&t.text)
        );
        out.push((
            k,
            Finding::new(Kind::AlteredQuote, severity, 0.55, message)
                .with_source(super::sentences_excerpt(ctx.source, link.source.clone()))
                .with_target(quote_excerpt(ctx.target, t)),
        ));
    }
    Quotes { source, target }
}

/// Whether `name` is written in a script other than `text`'s (judged by
/// whether each has letters outside Latin).
fn other_script(name: &str, text: &str) -> bool {
    let latin = |c: char| c.is_alphabetic() && (c as u32) < 0x0370;
    let name_latin = name.chars().filter(|c| c.is_alphabetic()).all(latin);
    let text_latin = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .filter(|&c| latin(c))
        .count()
        * 2
        >= text.chars().filter(|c| c.is_alphabetic()).count();
    name_latin != text_latin
}

/// The links of source sentences `ids` and the target sentences they reach.
fn linked(ctx: &Context, ids: Range<usize>) -> (Vec<usize>, Range<usize>) {
    let links: Vec<usize> = ids
        .map(|i| ctx.source_link[i])
        .filter(|&k| k < ctx.links.len())
        .collect();
    let mut t_ids = 0..0;
    for &k in &links {
        let r = &ctx.links[k].target;
        if !r.is_empty() {
            t_ids = if t_ids.is_empty() {
                r.clone()
            } else {
                t_ids.start.min(r.start)..t_ids.end.max(r.end)
            };
        }
    }
    (links, t_ids)
}

/// Whether the pair (`s`, `t`) has a length ratio closer to the pair's
/// than (`s0`, `t0`).
fn fits_better(ctx: &Context, s: &Quote, t: &Quote, s0: &Quote, t0: &Quote) -> bool {
    let off = |s: &Quote, t: &Quote| {
        let (a, b) = (s.text.chars().count() as f64, t.text.chars().count() as f64);
        (b.max(1.0) / (a * ctx.ratio).max(1.0)).ln().abs()
    };
    off(s, t) < off(s0, t0)
}

/// Two quotes read as one.
fn join(a: &Quote, b: &Quote) -> Quote {
    Quote {
        parts: a.parts.iter().chain(&b.parts).cloned().collect(),
        text: format!("{} {}", a.text, b.text),
    }
}

/// A quote without a counterpart whose sentences the aligner merged with a
/// neighbour: when the translation of the link fits the neighbour alone
/// better than both, or lacks the quote's figures, the quote was dropped,
/// not turned into reported speech.
fn dropped_with_sentence(
    ctx: &Context,
    q: &Quote,
    ids: Range<usize>,
    links: &[usize],
    t_ids: Range<usize>,
) -> Option<Finding> {
    let start = links.iter().map(|&k| ctx.links[k].source.start).min()?;
    let end = links.iter().map(|&k| ctx.links[k].source.end).max()?;
    // Only the quote on the source side: its translation is the target.
    if ids.start <= start && ids.end >= end {
        return None;
    }
    let t_text = ctx.target_text(t_ids.clone());
    let t_numbers = ctx.target_numbers(&t_text);
    let lost: Vec<String> = ctx
        .source_numbers(&q.text)
        .into_iter()
        .filter(|n| n.digits && !t_numbers.iter().any(|t| anchors::same_number(n, t)))
        .map(|n| n.text)
        .collect();
    let s_all = lengths::chars(ctx.source, start..end);
    let s_rest = s_all - lengths::chars(ctx.source, ids.clone());
    let t = lengths::chars(ctx.target, t_ids);
    if s_rest < 1.0 || t < 1.0 {
        return None;
    }
    let with = (t / (s_all * ctx.ratio)).ln();
    let without = (t / (s_rest * ctx.ratio)).ln();
    let fits_without = without.abs() < with.abs()
        && lengths::deviation(without.exp(), lengths::sparse(ctx, s_rest)).abs() <= lengths::HINTS;
    if !fits_without || (lost.is_empty() && word_count(&q.text) < 4) {
        return None;
    }
    let text = ctx.source_text(ids.clone());
    let (severity, why) = if lost.is_empty() {
        (
            Severity::Warning,
            "its translation would not fit the sentence it shares a link with".to_string(),
        )
    } else {
        (
            Severity::Error,
            format!(
                "{} {} no counterpart",
                list(&lost),
                if lost.len() == 1 { "has" } else { "have" }
            ),
        )
    };
    let message = format!(
        "the translation drops the quoted sentence \"{}\"; {why}",
        gist(&text)
    );
    Some(
        Finding::new(Kind::Omission, severity, 0.7, message)
            .with_source(super::sentences_excerpt(ctx.source, ids)),
    )
}

/// Whether a quote that shrank in the translation moved into reported
/// speech: its sentence keeps the original's length, and the text outside
/// the marks grew by at least half of what the quote lost.
fn reported(ctx: &Context, s: &Quote, t: &Quote) -> bool {
    let len = |x: &str| x.chars().count() as f64;
    let s_sentence = len(&ctx.source_text(sentences_of(ctx.source, s)));
    let t_sentence = len(&ctx.target_text(sentences_of(ctx.target, t)));
    let (s_quote, t_quote) = (len(&s.text), len(&t.text));
    if s_sentence < 1.0 {
        return false;
    }
    let shortfall = s_quote * ctx.ratio - t_quote;
    let grown = (t_sentence - t_quote) - (s_sentence - s_quote) * ctx.ratio;
    t_sentence >= 0.8 * s_sentence * ctx.ratio && grown >= 0.5 * shortfall
}

/// Compares a source quote with its translation; `None` when faithful.
fn compare_pair(ctx: &Context, s: &Quote, t: &Quote) -> Option<Finding> {
    let mut problems: Vec<String> = Vec::new();
    let mut severity = Severity::Warning;
    let mut confidence: f64 = 0.6;
    // Numbers.
    let sn: Vec<_> = ctx.source_numbers(&s.text);
    let tn: Vec<_> = ctx.target_numbers(&t.text);
    let missing: Vec<String> = sn
        .iter()
        .filter(|a| a.digits && !tn.iter().any(|b| anchors::same_number(a, b)))
        .map(|a| a.text.clone())
        .collect();
    let extra: Vec<String> = tn
        .iter()
        .filter(|b| b.digits && !sn.iter().any(|a| anchors::same_number(a, b)))
        .map(|b| b.text.clone())
        .collect();
    if !missing.is_empty() && !extra.is_empty() {
        problems.push(format!("changes {} to {}", list(&missing), list(&extra)));
        severity = Severity::Error;
        confidence = confidence.max(0.9);
    } else if !missing.is_empty() {
        problems.push(format!("drops {}", list(&missing)));
        severity = Severity::Error;
        confidence = confidence.max(0.85);
    } else if !extra.is_empty() {
        problems.push(format!("adds {}", list(&extra)));
        severity = Severity::Error;
        confidence = confidence.max(0.8);
    }
    // Negation.
    let (sl, tl) = (ctx.source.language(), ctx.target.language());
    // Negated clauses, since negative concord writes one negation with
    // several cues; and cues, since a language may join two negated
    // clauses without a comma ("не готов и не будет готов"). A negation
    // is lost or gained when both counts say so.
    if let (Some(a), Some(b), Some(ca), Some(cb)) = (
        anchors::negated_clauses(&s.text, sl),
        anchors::negated_clauses(&t.text, tl),
        anchors::negations(&s.text, sl),
        anchors::negations(&t.text, tl),
    ) {
        if a.cmp(&b) == ca.cmp(&cb) && a != b {
            problems.push(if b < a {
                "drops a negation".to_string()
            } else {
                "adds a negation".to_string()
            });
            severity = Severity::Error;
            confidence = confidence.max(0.8);
        }
    }
    let mut cross_script = false;
    // Names: one replaced by another.
    let target_names = anchors::names(&t.text, tl);
    let source_names = anchors::names(&s.text, sl);
    let (s_words, t_words) = (
        anchors::FoldedWords::new(&s.text),
        anchors::FoldedWords::new(&t.text),
    );
    let lost: Vec<String> = source_names
        .iter()
        .filter(|n| ctx.target_names.has(&n.folded) && !t_words.contains(&n.folded))
        .map(|n| n.text.clone())
        .collect();
    let gained: Vec<String> = target_names
        .iter()
        .filter(|n| {
            (ctx.source_names.has(&n.folded) || !capitalises_nouns(tl))
                && !s_words.contains(&n.folded)
        })
        .map(|n| n.text.clone())
        .collect();
    if !lost.is_empty() && !gained.is_empty() {
        problems.push(format!("replaces {} with {}", list(&lost), list(&gained)));
        confidence = confidence.max(0.7);
    } else if !capitalises_nouns(tl) {
        // A name in the translated quote that the original never writes,
        // in any spelling, in a language that capitalises only names: the
        // speaker is made to name someone or something new. Only checked
        // when no replacement was found, and only against the whole
        // original, so translated institution names written as cognates
        // (Ministerium, ministry) do not count; nor does a name that starts
        // like one of the original's and is spelled much like it (Venezia
        // for Venice, Polska for Poland: the local form of a name; not
        // Marlowe for March).
        let invented: Vec<String> = gained
            .iter()
            .filter(|g| {
                let folded = anchors::fold(g);
                let stem: String = folded.chars().take(3).collect();
                !ctx.source_names
                    .names
                    .iter()
                    .any(|n| n.starts_with(&stem) && strsim::jaro_winkler(n, &folded) >= 0.8)
                    && !ctx.source_words().contains(&folded)
            })
            .cloned()
            .collect();
        if !invented.is_empty() {
            problems.push(format!(
                "names {}, which the original never mentions",
                list(&invented)
            ));
            confidence = confidence.max(0.6);
            // Across scripts a name's local form need not spell like the
            // original's (Китай for China, Ελλάδα for Greece): a hint only.
            cross_script = invented.iter().all(|g| other_script(g, &s.text));
        }
    }
    // Length.
    if word_count(&s.text) >= MIN_COMPARED_WORDS {
        let expected = s.text.chars().count() as f64 * ctx.ratio;
        let r = t.text.chars().count() as f64 / expected;
        // Length noise of a translation grows with the square root of its
        // length (Gale & Church): a short quote may well come out at 60%
        // ("en train de mourir" is "dying"), a long one hardly.
        let deviation = r.ln() * expected.clamp(1.0, 400.0).sqrt();
        let short = r < 0.6 && deviation < -5.0;
        if short && reported(ctx, s, t) {
            problems.push(format!(
                "lost its quotation marks: the translation reports it as indirect speech and quotes only \"{}\"",
                gist(&t.text)
            ));
        } else if short {
            problems.push(format!(
                "is cut to {:.0}% of the expected length",
                100.0 * r
            ));
            if r < 0.5 {
                severity = Severity::Error;
            }
            confidence = confidence.max(if r < 0.5 { 0.85 } else { 0.65 });
        } else if r > 1.5 {
            problems.push(format!(
                "is extended to {:.0}% of the expected length",
                100.0 * r
            ));
            if r > 2.2 {
                severity = Severity::Error;
            }
            confidence = confidence.max(0.65);
        }
    }
    if problems.is_empty() {
        return None;
    }
    if cross_script && problems.len() == 1 {
        severity = Severity::Info;
    }
    let message = format!(
        "the translation of the quote \"{}\" {}",
        gist(&s.text),
        list(&problems)
    );
    Some(
        Finding::new(Kind::AlteredQuote, severity, confidence, message)
            .with_source(quote_excerpt(ctx.source, s))
            .with_target(quote_excerpt(ctx.target, t)),
    )
}
