//! Altered quotes: quotations paired through the alignment and compared by
//! length, numbers, names and negation cues; quotes that lost their marks
//! and quotes the translation invented.

mod extract;

use std::ops::Range;

pub use extract::{Quote, quotes};

use super::context::{Context, gist, list, word_count};
use super::evidence::{Evidence, NumberFact, QuoteCheck, QuoteLength, measured, position_in};
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
fn likeness(ctx: &Context, s: &Likened, t: &Likened) -> f64 {
    let (sw, tw) = (&s.words, &t.words);
    if sw.is_empty() {
        return 0.0;
    }
    let hits = sw
        .iter()
        .filter(|a| tw.iter().any(|b| anchors::same_name(a, b)))
        .count();
    let (sl, tl) = (s.chars as f64 * ctx.ratio, t.chars as f64);
    let length = sl.min(tl) / sl.max(tl).max(1.0);
    hits as f64 / sw.len() as f64 + LENGTH_WEIGHT * length
}

/// A quote's text as [`likeness`] compares it, read once however many
/// quotes it is compared with: its words of four characters or more or
/// with a digit, folded, and its length in characters.
struct Likened {
    words: Vec<String>,
    chars: usize,
}

impl Likened {
    fn of(text: &str) -> Likened {
        Likened {
            words: crate::text::words(text)
                .into_iter()
                .filter(|(_, w)| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
                .map(|(_, w)| anchors::fold(w))
                .collect(),
            chars: text.chars().count(),
        }
    }
}

/// Likeness ([`likeness`]) from which a translation quote near the
/// original's is taken for its counterpart, though outside the sentences
/// the alignment links: about half the cognates shared, or most with the
/// length agreeing. Set by hand (commit 992cec9, "quote pairing
/// threshold"); no calibration on data is recorded.
const PAIRING_LIKENESS: f64 = 0.4;
/// Bonus to a candidate quote inside the linked sentences: enough to
/// outweigh any likeness outside them but a perfect one (set by hand).
const INSIDE_BONUS: f64 = 0.5;
/// Weight of the length agreement in [`likeness`], next to the share of
/// cognates (at most 1); set by hand.
const LENGTH_WEIGHT: f64 = 0.3;
/// Confidence of a quote that lost its marks (reported speech), of an
/// invented quote in added text and of one in linked text (set by hand,
/// not calibrated).
const UNQUOTED_CONFIDENCE: f64 = 0.7;
const INVENTED_IN_ADDITION_CONFIDENCE: f64 = 0.6;
const INVENTED_CONFIDENCE: f64 = 0.55;

pub(super) fn compare(ctx: &Context, out: &mut Vec<(usize, Finding)>) -> Quotes {
    let mut pairing = Pairing::new(ctx);
    for i in 0..pairing.source.len() {
        if !pairing.joined[i] {
            out.extend(pairing.source_quote(i));
        }
    }
    // Byte spans of the additions that are more than a note, in order.
    let mut additions: Vec<(usize, usize)> = out
        .iter()
        .filter(|(_, f)| f.kind == Kind::Addition && f.severity > Severity::Info)
        .filter_map(|(_, f)| f.target.as_ref().map(|e| (e.bytes[0], e.bytes[1])))
        .collect();
    additions.sort_unstable();
    out.extend(pairing.unpaired_target_quotes(&additions));
    Quotes {
        source: pairing.source,
        target: pairing.target,
    }
}

/// The quotes of both documents as they are paired, each at most once.
struct Pairing<'c, 'a> {
    ctx: &'c Context<'a>,
    source: Vec<Quote>,
    target: Vec<Quote>,
    /// The sentences of each target quote.
    target_sentences: Vec<Range<usize>>,
    /// Target quotes paired (or joined to a paired one).
    used: Vec<bool>,
    /// Source quotes joined to an earlier one.
    joined: Vec<bool>,
    /// Each target quote as [`likeness`] reads it, when first compared.
    target_likened: Vec<std::cell::OnceCell<Likened>>,
}

fn overlaps(r: &Range<usize>, w: &Range<usize>) -> bool {
    r.start < w.end && w.start < r.end
}

impl<'c, 'a> Pairing<'c, 'a> {
    fn new(ctx: &'c Context<'a>) -> Pairing<'c, 'a> {
        let source = quotes(&ctx.source.document);
        let target = quotes(&ctx.target.document);
        Pairing {
            ctx,
            used: vec![false; target.len()],
            joined: vec![false; source.len()],
            target_likened: (0..target.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            target_sentences: target.iter().map(|q| sentences_of(ctx.target, q)).collect(),
            source,
            target,
        }
    }

    /// Pairs source quote `i` and compares it with its counterpart; a
    /// quote without one was dropped with its sentence or lost its marks.
    fn source_quote(&mut self, i: usize) -> Option<(usize, Finding)> {
        let ctx = self.ctx;
        let q = &self.source[i];
        let ids = sentences_of(ctx.source, q);
        if ids.is_empty() {
            return None;
        }
        let (links, t_ids) = linked(ctx, ids.clone());
        // Dropped with its sentence: the omission already says so.
        if t_ids.is_empty() {
            return None;
        }
        let k = links[0];
        match self.counterpart(q, &links, &t_ids) {
            Some(n) => {
                self.used[n] = true;
                let (sq, next) = self.join_source_run(i, n);
                let tq = self.join_target_run(&sq, n, next);
                compare_pair(ctx, &sq, &tq).map(|f| (k, f))
            }
            None => unpaired_source_quote(ctx, q, ids, &links, t_ids).map(|f| (k, f)),
        }
    }

    /// The unused target quote near the links of a source quote that is
    /// most like it, if it is like enough or inside the linked sentences.
    fn counterpart(&self, q: &Quote, links: &[usize], t_ids: &Range<usize>) -> Option<usize> {
        let near = {
            let a = self.ctx.target_near(links[0]);
            let b = self.ctx.target_near(*links.last().unwrap_or(&links[0]));
            a.start.min(b.start)..a.end.max(b.end)
        };
        let source = std::cell::OnceCell::new();
        let (n, score) = self
            .target
            .iter()
            .enumerate()
            .filter(|(n, _)| !self.used[*n] && overlaps(&self.target_sentences[*n], &near))
            .map(|(n, t)| {
                let inside = if overlaps(&self.target_sentences[n], t_ids) {
                    INSIDE_BONUS
                } else {
                    0.0
                };
                let s = source.get_or_init(|| Likened::of(&q.text));
                let t = self.target_likened[n].get_or_init(|| Likened::of(&t.text));
                (n, likeness(self.ctx, s, t) + inside)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        (score >= PAIRING_LIKENESS || overlaps(&self.target_sentences[n], t_ids)).then_some(n)
    }

    /// A speaker's two quotes may be one in the translation: source quote
    /// `i` joined with the next ones that the alignment puts on target
    /// quote `n`, unless a quote of their own waits for them there or the
    /// join fits the length worse. Returns the joined quote and the index
    /// of the first source quote after it.
    fn join_source_run(&mut self, i: usize, n: usize) -> (Quote, usize) {
        let ctx = self.ctx;
        let mut sq = self.source[i].clone();
        let mut next = i + 1;
        while let Some(q2) = self.source.get(next) {
            let (_, t2) = linked(ctx, sentences_of(ctx.source, q2));
            let own = (n + 1..self.target.len())
                .any(|m| !self.used[m] && overlaps(&self.target_sentences[m], &t2));
            let closer = fits_better(ctx, &join(&sq, q2), &self.target[n], &sq, &self.target[n]);
            if t2.is_empty() || !overlaps(&t2, &self.target_sentences[n]) || own || !closer {
                break;
            }
            sq = join(&sq, q2);
            self.joined[next] = true;
            next += 1;
        }
        (sq, next)
    }

    /// One quote may be two in the translation: target quote `n` joined
    /// with the unpaired ones before it and the next ones, inside the
    /// sentences linked to `sq`, unless they belong to the next source
    /// quote (`next`) or the join fits the length worse. The quote most
    /// like `sq` may be the second half ("…," said X. "…" for 「…。…」と
    /// 振り返った), so the first half is joined too.
    fn join_target_run(&mut self, sq: &Quote, n: usize, next: usize) -> Quote {
        let ctx = self.ctx;
        let (_, t_all) = linked(ctx, sentences_of(ctx.source, sq));
        let (_, t_next) = self.source.get(next).map_or((Vec::new(), 0..0), |q2| {
            linked(ctx, sentences_of(ctx.source, q2))
        });
        let mut tq = self.target[n].clone();
        for m in (0..n).rev() {
            let inside = overlaps(&self.target_sentences[m], &t_all);
            let closer = fits_better(ctx, sq, &join(&self.target[m], &tq), sq, &tq);
            if self.used[m] || !inside || !closer {
                break;
            }
            tq = join(&self.target[m], &tq);
            self.used[m] = true;
        }
        for m in n + 1..self.target.len() {
            let inside = overlaps(&self.target_sentences[m], &t_all);
            let closer = fits_better(ctx, sq, &join(&tq, &self.target[m]), sq, &tq);
            if self.used[m] || !inside || overlaps(&self.target_sentences[m], &t_next) || !closer {
                break;
            }
            tq = join(&tq, &self.target[m]);
            self.used[m] = true;
        }
        tq
    }

    /// The target quotes left unpaired: invented quotes, in added text
    /// (once per added paragraph, where the addition is more than a note:
    /// `additions`, byte spans in order) or in linked text.
    fn unpaired_target_quotes(&self, additions: &[(usize, usize)]) -> Vec<(usize, Finding)> {
        let ctx = self.ctx;
        let mut out = Vec::new();
        let mut invented_in = std::collections::HashSet::new();
        for (n, t) in self.target.iter().enumerate() {
            if self.used[n] {
                continue;
            }
            let ids = &self.target_sentences[n];
            if ids.is_empty() {
                continue;
            }
            let k = ctx.target_link[ids.start];
            let Some(link) = ctx.links.get(k) else {
                continue;
            };
            let finding = if link.source.is_empty() {
                let paragraph = ctx.target.sentences[ids.start].paragraph;
                self.invented_in_addition(t, ids, additions)
                    .filter(|_| invented_in.insert(paragraph))
            } else {
                self.invented_in_link(t, k)
            };
            out.extend(finding.map(|f| (k, f)));
        }
        out
    }

    /// A quote in an added passage is an addition, and also words put in
    /// someone's mouth: said so once more, as a quote (unless the passage
    /// repeats the translation's own text, or the addition is no more
    /// than a note: an ad, a heading or a split piece).
    fn invented_in_addition(
        &self,
        t: &Quote,
        ids: &Range<usize>,
        additions: &[(usize, usize)],
    ) -> Option<Finding> {
        let ctx = self.ctx;
        let paragraph = ctx.target.sentences[ids.start].paragraph;
        let repeated = ctx.repeat_of.get(paragraph).copied().flatten().is_some();
        let at = ctx.target.sentences[ids.start].span.start;
        let before = additions.partition_point(|&(start, _)| start <= at);
        let addition_matters = before > 0 && at < additions[before - 1].1;
        if repeated || !addition_matters || word_count(&t.text) < 6 || self.source.is_empty() {
            return None;
        }
        let message = format!(
            "the translation adds the quote \"{}\", which the original does not have: an invented quote",
            gist(&t.text)
        );
        Some(
            Finding::new(
                Kind::AlteredQuote,
                Severity::Warning,
                INVENTED_IN_ADDITION_CONFIDENCE,
                message,
            )
            .with_target(quote_excerpt(ctx.target, t))
            .with_evidence(quote_evidence(QuoteCheck::Invented {
                words: word_count(&t.text),
                in_addition: true,
            })),
        )
    }

    /// A quote in linked text where the original quotes nothing (a label
    /// is no quote: see [`is_label`]).
    fn invented_in_link(&self, t: &Quote, k: usize) -> Option<Finding> {
        let ctx = self.ctx;
        // A quote in a dash-dialogue original has no marks to pair with.
        if dash_dialogue(ctx.source, ctx.source_near(k)) || is_label(&t.text) {
            return None;
        }
        let words = word_count(&t.text);
        let severity = if words >= 6 && !self.source.is_empty() {
            Severity::Warning
        } else {
            Severity::Info
        };
        let message = format!(
            "the translation puts \"{}\" in quotation marks although the original quotes nothing there: an invented quote",
            gist(&t.text)
        );
        Some(
            Finding::new(Kind::AlteredQuote, severity, INVENTED_CONFIDENCE, message)
                .with_source(super::sentences_excerpt(
                    ctx.source,
                    ctx.links[k].source.clone(),
                ))
                .with_target(quote_excerpt(ctx.target, t))
                .with_evidence(quote_evidence(QuoteCheck::Invented {
                    words,
                    in_addition: false,
                })),
        )
    }
}

/// Longest label, in words ([`word_count`]; a run of Chinese or Japanese
/// characters counts one per two): GNOME Help's button and menu names
/// ("Save As", 「保存」, « Paramètres système ») are one to four. Set by
/// hand from those pages' translations, which put in quotation marks the
/// labels the English writes in bold or plain.
const LABEL_MAX_WORDS: usize = 4;

/// Whether quoted text is a label or a term rather than words put in
/// someone's mouth: a few words without a sentence's or a clause's
/// punctuation. A translation may quote such text where the original
/// writes it plain or in bold (a button, a menu, a title, a so-called
/// term), so quoting it invents nothing.
fn is_label(text: &str) -> bool {
    let punctuated = text
        .split_whitespace()
        .any(|w| w.ends_with(['.', ',', ';', ':', '!', '?']))
        || text.contains(['。', '、', '！', '？', '，', '；', '：']);
    !punctuated && word_count(text) <= LABEL_MAX_WORDS
}

/// The evidence of a quote finding resting on one check.
fn quote_evidence(check: QuoteCheck) -> Evidence {
    Evidence::Quote {
        checks: vec![check],
    }
}

/// A source quote without a counterpart in linked text (`t_ids`): nothing
/// in dash dialogue, else dropped with its sentence, else (from four
/// words) turned into reported speech.
fn unpaired_source_quote(
    ctx: &Context,
    q: &Quote,
    ids: Range<usize>,
    links: &[usize],
    t_ids: Range<usize>,
) -> Option<Finding> {
    if dash_dialogue(ctx.target, t_ids.clone()) {
        return None;
    }
    if let Some(f) = dropped_with_sentence(ctx, q, ids, links, t_ids.clone()) {
        return Some(f);
    }
    let words = spoken_words(&q.text);
    if words < 4 {
        return None;
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
    Some(
        Finding::new(Kind::AlteredQuote, severity, UNQUOTED_CONFIDENCE, message)
            .with_source(quote_excerpt(ctx.source, q))
            .with_target(super::sentences_excerpt(ctx.target, t_ids))
            .with_evidence(quote_evidence(QuoteCheck::Unquoted { words })),
    )
}

/// The words of a quote as speech counts them ([`word_count`]), where
/// letters joined by full stops without a space are one abbreviation or
/// name ("I.H.E. 1934" is two words, "L.W.Davies" one): a quoted name or
/// title is no speech that can be turned into reported speech.
fn spoken_words(text: &str) -> usize {
    let words = crate::text::words(text);
    let joined = words
        .windows(2)
        .filter(|w| &text[w[0].0.end..w[1].0.start] == ".")
        .count();
    word_count(text).saturating_sub(joined)
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

/// Confidence of a quoted sentence dropped inside a merged link (set by
/// hand, not calibrated).
const DROPPED_QUOTE_CONFIDENCE: f64 = 0.7;

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
    let lost_numbers: Vec<anchors::Number> = ctx
        .source_digit_numbers(&q.text)
        .into_iter()
        .filter(|n| !t_numbers.iter().any(|t| anchors::same_number(n, t)))
        .collect();
    let lost: Vec<String> = lost_numbers.iter().map(|n| n.text.clone()).collect();
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
        Finding::new(Kind::Omission, severity, DROPPED_QUOTE_CONFIDENCE, message)
            .with_source(super::sentences_excerpt(ctx.source, ids))
            .with_evidence(quote_evidence(QuoteCheck::DroppedWithSentence {
                missing: number_facts(ctx.source, q, &lost_numbers),
                length_ratio_with: measured(with.exp()),
                length_ratio_without: measured(without.exp()),
            })),
    )
}

/// A shrunk quote's sentence must keep this share of its expected length,
/// and the text outside the marks grow by this share of what the quote
/// lost, for the quote to count as moved into reported speech (set by hand
/// when the check was written, not calibrated).
const REPORTED_SENTENCE: f64 = 0.8;
const REPORTED_GROWTH: f64 = 0.5;

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
    t_sentence >= REPORTED_SENTENCE * s_sentence * ctx.ratio && grown >= REPORTED_GROWTH * shortfall
}

/// One way a translated quote differs from its original, with how much
/// it matters on its own.
struct Problem {
    /// What the translation does to the quote ("drops 12").
    what: String,
    severity: Severity,
    confidence: f64,
    /// The check that found it, with its values.
    check: QuoteCheck,
}

impl Problem {
    fn new(what: String, severity: Severity, confidence: f64, check: QuoteCheck) -> Problem {
        Problem {
            what,
            severity,
            confidence,
            check,
        }
    }
}

/// Confidence of an altered-quote finding before any problem raises it.
const BASE_CONFIDENCE: f64 = 0.6;

/// Compares a source quote with its translation; `None` when faithful.
/// The finding is as severe as its most severe problem and as confident
/// as its most confident one.
fn compare_pair(ctx: &Context, s: &Quote, t: &Quote) -> Option<Finding> {
    let problems: Vec<Problem> = [
        number_problem(ctx, s, t),
        negation_problem(ctx, s, t),
        name_problem(ctx, s, t),
        length_problem(ctx, s, t),
    ]
    .into_iter()
    .flatten()
    .collect();
    let severity = problems.iter().map(|p| p.severity).max()?;
    let confidence = problems
        .iter()
        .map(|p| p.confidence)
        .fold(BASE_CONFIDENCE, f64::max);
    let (whats, checks): (Vec<String>, Vec<QuoteCheck>) =
        problems.into_iter().map(|p| (p.what, p.check)).unzip();
    let message = format!(
        "the translation of the quote \"{}\" {}",
        gist(&s.text),
        list(&whats)
    );
    Some(
        Finding::new(Kind::AlteredQuote, severity, confidence, message)
            .with_source(quote_excerpt(ctx.source, s))
            .with_target(quote_excerpt(ctx.target, t))
            .with_evidence(Evidence::Quote { checks }),
    )
}

/// The evidence of numbers read from quote `q`'s text.
fn number_facts(
    doc: &SegmentedDocument,
    q: &Quote,
    numbers: &[anchors::Number],
) -> Vec<NumberFact> {
    numbers
        .iter()
        .map(|n| NumberFact::of(n, |at| position_in(doc, q.parts.iter().cloned(), at)))
        .collect()
}

/// Confidence of a changed number in a quote (one lost, another gained),
/// of a dropped one and of an added one: a figure in someone's mouth is
/// the clearest evidence there is. Set by hand when the check was written;
/// not calibrated (confidences are not scored by any benchmark).
const CHANGED_NUMBER_CONFIDENCE: f64 = 0.9;
const DROPPED_NUMBER_CONFIDENCE: f64 = 0.85;
const ADDED_NUMBER_CONFIDENCE: f64 = 0.8;

/// The sentences around a pair of quotes where a fact of one that the
/// other lacks may stand outside the marks: the original's sentences of
/// `s`, and the translation's sentences of `t` with those linked to `s`.
fn around(ctx: &Context, s: &Quote, t: &Quote) -> (Range<usize>, Range<usize>) {
    let (s_ids, t_ids) = (sentences_of(ctx.source, s), sentences_of(ctx.target, t));
    let (_, t_linked) = linked(ctx, s_ids.clone());
    // A quote that overlaps no sentence of its own has an empty range,
    // which would stretch the span to the document's start.
    let t_ids = if t_linked.is_empty() {
        t_ids
    } else if t_ids.is_empty() {
        t_linked
    } else {
        t_ids.start.min(t_linked.start)..t_ids.end.max(t_linked.end)
    };
    (s_ids, t_ids)
}

/// Whether every word of the original's quote `s` stands in the
/// translation's sentences around `t` ([`around`]): a title or a phrase
/// the translation keeps as written but without marks ("« Tents in the
/// Clouds »" for "Tents in the Clouds"), so the quote `t` it was paired
/// with is another one, not its replacement.
fn written_plainly(ctx: &Context, s: &Quote, t: &Quote) -> bool {
    let (_, t_ids) = around(ctx, s, t);
    let t_around = ctx.target.words_of(t_ids);
    let words = crate::text::words(&s.text);
    !words.is_empty()
        && words
            .iter()
            .all(|(_, w)| t_around.contains(&anchors::fold(w)))
}

/// Digit numbers of the quote changed, dropped or added.
fn number_problem(ctx: &Context, s: &Quote, t: &Quote) -> Option<Problem> {
    let sn: Vec<_> = ctx.source_numbers(&s.text);
    let tn: Vec<_> = ctx.target_numbers(&t.text);
    let missing_numbers: Vec<anchors::Number> = sn
        .iter()
        .filter(|a| a.digits && !tn.iter().any(|b| anchors::same_number(a, b)))
        .cloned()
        .collect();
    let extra_numbers: Vec<anchors::Number> = tn
        .iter()
        .filter(|b| b.digits && !sn.iter().any(|a| anchors::same_number(a, b)))
        .cloned()
        .collect();
    // A quotation mark moved rather than a figure changed: the number the
    // quote lost stands in the translation's sentences just outside the
    // marks, or the one it gained in the original's, spelled out maybe
    // ("« billigen » Siebentausender" for "ce facile « 7000 »", "our
    // « Chronicle 1955 »" for "our chronicle 1955").
    let (s_ids, t_ids) = around(ctx, s, t);
    let t_around: Vec<&anchors::Number> = ctx.target.numbers_of(t_ids).collect();
    let s_around: Vec<&anchors::Number> = ctx.source.numbers_of(s_ids).collect();
    let missing_numbers: Vec<anchors::Number> = missing_numbers
        .into_iter()
        .filter(|a| !t_around.iter().any(|b| anchors::same_number(a, b)))
        .collect();
    let extra_numbers: Vec<anchors::Number> = extra_numbers
        .into_iter()
        .filter(|b| !s_around.iter().any(|a| anchors::same_number(a, b)))
        .collect();
    let missing: Vec<String> = missing_numbers.iter().map(|n| n.text.clone()).collect();
    let extra: Vec<String> = extra_numbers.iter().map(|n| n.text.clone()).collect();
    let (what, confidence) = match (missing.is_empty(), extra.is_empty()) {
        (false, false) => (
            format!("changes {} to {}", list(&missing), list(&extra)),
            CHANGED_NUMBER_CONFIDENCE,
        ),
        (false, true) => (
            format!("drops {}", list(&missing)),
            DROPPED_NUMBER_CONFIDENCE,
        ),
        (true, false) => (format!("adds {}", list(&extra)), ADDED_NUMBER_CONFIDENCE),
        (true, true) => return None,
    };
    let check = QuoteCheck::Numbers {
        missing: number_facts(ctx.source, s, &missing_numbers),
        added: number_facts(ctx.target, t, &extra_numbers),
    };
    Some(Problem::new(what, Severity::Error, confidence, check))
}

/// Confidence of a negation lost or gained in a quote (set by hand, not
/// calibrated).
const NEGATION_CONFIDENCE: f64 = 0.8;

/// A negation lost or gained. Negated clauses count, since negative
/// concord writes one negation with several cues; and cues, since a
/// language may join two negated clauses without a comma ("не готов и не
/// будет готов"). A negation is lost or gained when both counts say so.
fn negation_problem(ctx: &Context, s: &Quote, t: &Quote) -> Option<Problem> {
    let (sl, tl) = (ctx.source.language(), ctx.target.language());
    let (a, b, ca, cb) = (
        anchors::negated_clauses(&s.text, sl)?,
        anchors::negated_clauses(&t.text, tl)?,
        anchors::negations(&s.text, sl)?,
        anchors::negations(&t.text, tl)?,
    );
    if a.cmp(&b) != ca.cmp(&cb)
        || a == b
        || anchors::double_negation(&s.text, sl)
        || anchors::double_negation(&t.text, tl)
    {
        return None;
    }
    // Negation read inside words (Japanese endings) is read less surely
    // than negation words: a free translation says "do not want to lose"
    // as "want to avoid losing", or adds わけではない ("it is not that").
    // There only a quote negated on one side and not at all on the other
    // is reported (the six constructed Japanese pairs of `corpora/` draw
    // two false alarms from partial differences otherwise).
    if (anchors::negation_inside_words(sl) || anchors::negation_inside_words(tl)) && a.min(b) > 0 {
        return None;
    }
    let what = if b < a {
        "drops a negation"
    } else {
        "adds a negation"
    };
    Some(Problem::new(
        what.to_string(),
        Severity::Error,
        NEGATION_CONFIDENCE,
        QuoteCheck::Negation {
            clauses: [a, b],
            cues: [ca, cb],
        },
    ))
}

/// Confidence of a name of the quote replaced by another: under a changed
/// number's, since a translated or inflected name can look like a
/// replacement (set by hand, not calibrated).
const REPLACED_NAME_CONFIDENCE: f64 = 0.7;
/// Confidence of a name the original never writes put in the speaker's
/// mouth: the base confidence, a weak hint.
const INVENTED_NAME_CONFIDENCE: f64 = 0.6;
/// Jaro-Winkler similarity from which a name of the translated quote that
/// starts like one of the original's is taken for its local form (Venezia
/// for Venice, Polska for Poland; not Marlowe for March).
const LOCAL_FORM_SIMILARITY: f64 = 0.8;

/// A name of the quote replaced by another, else (in languages that
/// capitalise only names) a name the original never writes.
fn name_problem(ctx: &Context, s: &Quote, t: &Quote) -> Option<Problem> {
    let (sl, tl) = (ctx.source.language(), ctx.target.language());
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
    if !lost.is_empty() && !gained.is_empty() && !written_plainly(ctx, s, t) {
        let check = QuoteCheck::Names {
            missing: lost.clone(),
            added: gained.clone(),
        };
        return Some(Problem::new(
            format!("replaces {} with {}", list(&lost), list(&gained)),
            Severity::Warning,
            REPLACED_NAME_CONFIDENCE,
            check,
        ));
    }
    if capitalises_nouns(tl) {
        return None;
    }
    let invented = invented_names(ctx, &gained);
    if invented.is_empty() {
        return None;
    }
    // Across scripts a name's local form need not spell like the
    // original's (Китай for China, Ελλάδα for Greece): a hint only.
    let severity = if invented.iter().all(|g| other_script(g, &s.text)) {
        Severity::Info
    } else {
        Severity::Warning
    };
    let what = format!(
        "names {}, which the original never mentions",
        list(&invented)
    );
    Some(Problem::new(
        what,
        severity,
        INVENTED_NAME_CONFIDENCE,
        QuoteCheck::InventedNames { added: invented },
    ))
}

/// The names of a translated quote (`gained`) that the original never
/// writes, in any spelling: the speaker is made to name someone or
/// something new. Checked against the whole original, so translated
/// institution names written as cognates (Ministerium, ministry) do not
/// count; nor does a name that starts like one of the original's and is
/// spelled much like it (its local form).
fn invented_names(ctx: &Context, gained: &[String]) -> Vec<String> {
    gained
        .iter()
        .filter(|g| {
            let folded = anchors::fold(g);
            let stem: String = folded.chars().take(3).collect();
            !ctx.source_names.names.iter().any(|n| {
                n.starts_with(&stem) && strsim::jaro_winkler(n, &folded) >= LOCAL_FORM_SIMILARITY
            }) && !ctx.source_words().contains(&folded)
        })
        .cloned()
        .collect()
}

/// A quote is cut when its translation has under this share of the
/// expected length, at a deviation under [`CUT_DEVIATION`]; an error under
/// [`CUT_ERROR`]. Set by hand when the check was written; the fault
/// benchmark cuts quotes to 40% of their words and finds 0.93–0.96 of them
/// (docs/benchmarks.md), with no false alarm of this kind on the faithful
/// news pairs.
const CUT: f64 = 0.6;
const CUT_DEVIATION: f64 = -5.0;
const CUT_ERROR: f64 = 0.5;
/// Confidence of a cut quote, under [`CUT_ERROR`] and above it (set by
/// hand, not calibrated).
const CUT_ERROR_CONFIDENCE: f64 = 0.85;
const CUT_CONFIDENCE: f64 = 0.65;
/// A quote is extended beyond this share of its expected length, an
/// error beyond [`EXTENDED_ERROR`]. Set by hand when the check was
/// written; no calibration on data is recorded.
const EXTENDED: f64 = 1.5;
const EXTENDED_ERROR: f64 = 2.2;
const EXTENDED_CONFIDENCE: f64 = 0.65;
/// Cap of the expected length (characters) in the quote's deviation.
const DEVIATION_CAP: f64 = 400.0;

/// The length of `text` in letters: a Chinese or Japanese character
/// counts three, a Korean syllable two, every other character one (spaces
/// too, unlike [`crate::text::length`], so that alphabetic text measures
/// its characters).
fn dense_weight(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if crate::text::hangul(c) {
                2
            } else if crate::text::cjk(c) {
                3
            } else {
                1
            }
        })
        .sum()
}

/// A quote of [`MIN_COMPARED_WORDS`] or more cut, moved into reported
/// speech, or extended.
fn length_problem(ctx: &Context, s: &Quote, t: &Quote) -> Option<Problem> {
    if word_count(&s.text) < MIN_COMPARED_WORDS {
        return None;
    }
    let expected = s.text.chars().count() as f64 * ctx.ratio;
    let t_chars = t.text.chars().count();
    let r = t_chars as f64 / expected;
    // Length noise of a translation grows with the square root of its
    // length (Gale & Church): a short quote may well come out at 60%
    // ("en train de mourir" is "dying"), a long one hardly. A Chinese or
    // Japanese character carries about three letters, a Korean syllable
    // two: the expected length in letters, for a noise per letter.
    let letters = expected * dense_weight(&t.text) as f64 / t_chars.max(1) as f64;
    let deviation = r.ln() * letters.clamp(1.0, DEVIATION_CAP).sqrt();
    let short = r < CUT && deviation < CUT_DEVIATION;
    let lengths = QuoteLength {
        length_ratio: measured(r),
        expected_ratio: measured(ctx.ratio),
        deviation: measured(deviation),
    };
    if short && reported(ctx, s, t) {
        return Some(Problem::new(
            format!(
                "lost its quotation marks: the translation reports it as indirect speech and quotes only \"{}\"",
                gist(&t.text)
            ),
            Severity::Warning,
            BASE_CONFIDENCE,
            QuoteCheck::ReportedSpeech(lengths),
        ));
    }
    if short {
        let (severity, confidence) = if r < CUT_ERROR {
            (Severity::Error, CUT_ERROR_CONFIDENCE)
        } else {
            (Severity::Warning, CUT_CONFIDENCE)
        };
        return Some(Problem::new(
            format!("is cut to {:.0}% of the expected length", 100.0 * r),
            severity,
            confidence,
            QuoteCheck::Cut(lengths),
        ));
    }
    if r > EXTENDED {
        let severity = if r > EXTENDED_ERROR {
            Severity::Error
        } else {
            Severity::Warning
        };
        return Some(Problem::new(
            format!("is extended to {:.0}% of the expected length", 100.0 * r),
            severity,
            EXTENDED_CONFIDENCE,
            QuoteCheck::Extended(lengths),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::is_label;

    #[test]
    fn a_short_unpunctuated_quote_is_a_label() {
        assert!(is_label("Save As"));
        assert!(is_label("保存"));
        assert!(is_label("Paramètres système"));
        // A sentence, a clause, or more words than a label has.
        assert!(!is_label("We will win."));
        assert!(!is_label("Yes, we can"));
        assert!(!is_label("明日は雨が降るでしょう。"));
        assert!(!is_label("the trams will stop running at night"));
        assert!(!is_label("市電は夜間の運行を取りやめる"));
    }
}
