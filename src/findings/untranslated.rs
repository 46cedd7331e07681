//! Untranslated text: translation paragraphs and sentences still in the
//! original's language.
//!
//! Two kinds of evidence, each checked against the other:
//!
//! - **identity**: the translation's text equals an original paragraph
//!   (after folding case and whitespace) anywhere in the document, or
//!   nearly equals ([`NEAR_IDENTITY`]) the original text it is aligned
//!   with;
//! - **language**: whatlang, restricted to the pair's two languages, reads
//!   the block as the original's language ([`LANGUAGE_CONFIDENCE`], on at
//!   least [`LANGUAGE_LETTERS`] letters). A block that does not repeat the
//!   original and whose function words are clearly the translation's
//!   ([`CLEAR_WORDS`]) is read as the translation's language without it.
//!
//! Identity counts unless the language says the text is in the
//! translation's language (an original that quotes a sentence in the
//! translation's language keeps it there, rightly). Language alone counts
//! only on long, clear-cut blocks. Neither counts for blocks that are not
//! prose: code, commands and their output, URLs, file paths, product names,
//! menu paths, keyboard shortcuts, which faithful translations keep as
//! they are.
//!
//! A paragraph left in the original's language is one finding; otherwise a
//! translated paragraph's sentences are checked one by one, with the same
//! evidence (language alone only on long sentences).

use std::ops::Range;

use super::context::{Context, gist};
use super::evidence::{Evidence, Identity, measured};
use super::{Finding, Kind, Severity, sentences_excerpt};
use crate::anchors::FastMap;
use crate::document::BlockKind;
use crate::language::Language;

/// Fewest words of a paragraph reported at error: below it a block is as
/// likely a label or a name as a passage a reader misses. The scale of
/// omissions and additions (which go to error from 6 to 8 words). On
/// GNOME help (Italian pages mixing English and Italian), the sentence-like
/// blocks of 6 words or more that repeat the English are all untranslated
/// prose, and none of the translated ones is reported.
const ERROR_WORDS: usize = 6;

/// Fewest words of anything reported: one or two words ("Bluetooth",
/// "Wi-Fi Hotspot", "LinienLive Pro") are legitimately identical in most
/// translations (GNOME help, de/fr/es/pt-br: 408 identical blocks of 1–2
/// words against 92 of 3–5).
const MIN_WORDS: usize = 3;

/// Fewest words of a label (a heading or a line that is not a sentence)
/// reported, and then only at info: a title left in the original's
/// language is worth a look, but titles are often product names (GNOME
/// help: 4 such infos on 1043 faithful pages, one a product name kept,
/// "Mouse, touchpad & touchscreen"; 3 Italian pages that are only English
/// titles are found through them).
const LABEL_WORDS: usize = 3;

/// Fewest words of a line (a block that is neither a heading nor ends
/// like a sentence: a headline run, a caption, a title line) copied from
/// the original that is reported at warning, not info: names and menu
/// paths are shorter. Set by hand at one word over [`ERROR_WORDS`], not
/// swept: untranslated paragraphs found 0.941 -> 0.987 on the fault
/// benchmark's constructed group (dtm-hu-en's headline runs 0.85 -> 0.98)
/// and 0.969 -> 0.980 on the real pairs, with no new false alarm in
/// `eval-real` or `eval-faults` (docs/benchmarks.md, 2026-12-03).
const COPIED_LINE_WORDS: usize = 7;

/// Fewest words of a sentence reported inside a translated paragraph:
/// shorter sentences identical to the original are mostly names, menu
/// items and interjections ("OK.", "Click Apply.").
const SENTENCE_WORDS: usize = 5;

/// Words from which a block reads as prose even when it does not end like
/// a sentence: labels, menu paths and titles are shorter, while captions,
/// headline runs and paragraphs that lost their final stop are not. On
/// the fault benchmark's magazine pairs (dtm-hu-en, whose paragraphs are
/// runs of headlines and captions), planted untranslated paragraphs went
/// from 0.30 to 0.74 found at warning or above (all groups 0.753 -> 0.887), with no new false alarm on
/// GNOME help's faithful pages (`transalign eval-real`).
const PROSE_WORDS: usize = 12;

/// Character similarity (normalised Levenshtein) from which a
/// translation block counts as the aligned original text: 0.9 allows a
/// typo, a changed number or word in ten in an untranslated block. On the
/// faithful GNOME help pages (de, fr, es, pt-br; 9,000 translated blocks of
/// 3 words or more) translated prose comes at most to 0.85 of its original
/// (a French heading); the blocks at 0.9 or more are shortcuts ("Alt+F10
/// ou Super+↑"), number lists and titles differing in case only, which
/// the prose test drops.
const NEAR_IDENTITY: f64 = 0.9;

/// Least share of a block's words found in the other block for the two
/// to be compared at all: a block at [`NEAR_IDENTITY`] shares nearly all
/// its words (one edited word in ten leaves 0.9), a translation few.
const MIN_SHARED_WORDS: f64 = 0.5;

/// Longest text (characters) compared character by character; longer
/// blocks are compared word by word (Levenshtein is quadratic).
const MAX_EDIT_CHARS: usize = 1000;

/// Fewest letters of a block whose language alone is trusted: whatlang's
/// trigrams decide two same-script languages well from a long sentence,
/// poorly below. On GNOME help (16,000 translation blocks in five
/// languages) whatlang, restricted to English and the translation's
/// language, reads no translated block of 40 letters or more as English;
/// 80 keeps a margin of two (docs/benchmarks.md, "Untranslated text").
const LANGUAGE_LETTERS: usize = 80;

/// Least whatlang confidence (restricted to the two languages) for its
/// reading to count, for or against. On GNOME help, of the 1,192 blocks of
/// 80 letters or more identical to the English, 1,188 are read as English
/// at 0.9 or more, and the 2 read as the translation's language (at 0.5 to
/// 0.9) are command output: half-way is safe on both sides.
const LANGUAGE_CONFIDENCE: f64 = 0.5;

/// Fewest function words of the translation's language (listed in
/// `language/data/<code>.txt`, none of the original's) for a block that
/// does not repeat the original to read as the translation's language
/// without asking whatlang, which costs about 150,000 instructions a block;
/// [`CLEAR_RATIO`] times as many as the original's function words are
/// needed too. Only the translation's language is decided this way: a text
/// not repeating the original is reported only when whatlang reads it as
/// the original's language. Calibrated on the fault benchmark and GNOME
/// help (`eval-faults --max-articles 25` with and without dictionaries,
/// `eval-real --no-dictionaries`: 111,726 such readings of 80 letters or
/// more, docs/benchmarks.md, "Seventh session"): whatlang
/// read 10 as the original's language, none of which passes the test at
/// any threshold from 1 word and a ratio of 1 (the nearest, an English
/// block in a French translation, has 9 English function words and no
/// French one); at 3 and 3, 78 % of the readings are spared whatlang.
const CLEAR_WORDS: usize = 3;
/// See [`CLEAR_WORDS`].
const CLEAR_RATIO: usize = 3;

/// Share of a block's words that must be plain words (letters only, not
/// capitalised, apart from its first word) for it to be prose. GNOME help
/// paragraphs of 6 words or more: English median 0.93, 7 of 2,137 below
/// 0.45; French, Spanish, Portuguese none below; German, which capitalises
/// nouns, median 0.66 and 3% below (German left in an English translation
/// is missed there). Product names ("Nintendo Wii and Wii U Remotes"),
/// command output and menu paths stay far under it.
const MIN_PLAIN_SHARE: f64 = 0.45;

/// Largest share of code-like words (paths, options, dotted identifiers,
/// `=`, digits mixed with letters) in prose: one such word in a sentence
/// of ten ("type lshw -C network") is still prose; a command is not.
const MAX_CODE_SHARE: f64 = 0.15;

/// Confidence of untranslated text that copies the original and reads as
/// its language, that copies it, and that only reads as its language; set
/// by hand with the check (not calibrated: confidences are not scored by
/// any benchmark).
const COPY_AND_LANGUAGE_CONFIDENCE: f64 = 0.95;
const COPY_CONFIDENCE: f64 = 0.8;
const LANGUAGE_ONLY_CONFIDENCE: f64 = 0.7;
/// Confidence of a sentence left untranslated inside a translated
/// paragraph (set by hand, not calibrated).
const SENTENCE_CONFIDENCE: f64 = 0.8;

/// What the pair's two languages say about a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Source,
    Target,
    Unsure,
}

/// Reads texts between the two languages of the pair.
struct Reader {
    detector: Option<whatlang::Detector>,
    source: Option<whatlang::Lang>,
    /// The pair's languages, original first.
    languages: [Language; 2],
    /// What the two languages' data files say of them (their function
    /// words), original first.
    properties: [&'static crate::language::Properties; 2],
    /// Characters of the longest function word of either language.
    longest_function_word: usize,
}

/// What the reader made of a text: its [`Reading`], and the language
/// whatlang chose between the two with its confidence (none when the text
/// is too short to read).
struct Detected {
    reading: Reading,
    language: Option<Language>,
    confidence: Option<f64>,
}

impl Reader {
    fn new(ctx: &Context) -> Reader {
        let source = ctx.source.language().to_whatlang();
        let target = ctx.target.language().to_whatlang();
        let detector = match (source, target) {
            (Some(s), Some(t)) => Some(whatlang::Detector::with_allowlist(vec![s, t])),
            _ => None,
        };
        Reader::with(
            detector,
            source,
            [ctx.source.language(), ctx.target.language()],
        )
    }

    fn with(
        detector: Option<whatlang::Detector>,
        source: Option<whatlang::Lang>,
        languages: [Language; 2],
    ) -> Reader {
        let properties = languages.map(crate::language::properties);
        let longest_function_word = properties
            .iter()
            .flat_map(|p| &p.function_words)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        Reader {
            detector,
            source,
            languages,
            properties,
            longest_function_word,
        }
    }

    /// Reads a text not known to repeat the original: one whose function
    /// words are clearly the translation's reads as the translation's
    /// language without whatlang (whose reading could only matter if it
    /// were the original's language). `letters` is the text's
    /// [`Wording::letters`]; `function_words` counts its function words
    /// ([`Reader::function_words`]), asked only when they can decide.
    fn detect_unless_clear(
        &self,
        text: &str,
        letters: usize,
        function_words: impl FnOnce() -> [usize; 2],
    ) -> Detected {
        if self.detector.is_none() || letters < LANGUAGE_LETTERS {
            // Unsure, whatever the words.
            return self.detect(text, letters);
        }
        let [source, target] = function_words();
        if target >= CLEAR_WORDS && target >= CLEAR_RATIO * source {
            return Detected {
                reading: Reading::Target,
                language: Some(self.languages[1]),
                confidence: None,
            };
        }
        self.detect(text, letters)
    }

    /// How many of a text's words are function words of the original's
    /// language and of the translation's (a word of both counts for
    /// neither; none counts when either language lists none).
    fn function_words(&self, text: &str) -> [usize; 2] {
        let [source, target] = self.properties;
        if source.function_words.is_empty() || target.function_words.is_empty() {
            return [0, 0];
        }
        let mut counts = [0, 0];
        let mut lower = String::new();
        for word in text.split(|c: char| !c.is_alphabetic()) {
            // Lower case never makes a word shorter in characters.
            if word.is_empty() || word.chars().nth(self.longest_function_word).is_some() {
                continue;
            }
            let mut ascii = [0u8; MAX_ASCII_WORD];
            let word = if word.bytes().all(|b| b.is_ascii_lowercase()) {
                word
            } else if word.len() <= MAX_ASCII_WORD && word.is_ascii() {
                let ascii = &mut ascii[..word.len()];
                ascii.copy_from_slice(word.as_bytes());
                ascii.make_ascii_lowercase();
                std::str::from_utf8(ascii).unwrap_or_default()
            } else {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                lower.as_str()
            };
            match (source.is_function_word(word), target.is_function_word(word)) {
                (true, false) => counts[0] += 1,
                (false, true) => counts[1] += 1,
                _ => {}
            }
        }
        counts
    }

    /// Reads a text of `letters` letters ([`Wording::letters`]).
    fn detect(&self, text: &str, letters: usize) -> Detected {
        let unsure = Detected {
            reading: Reading::Unsure,
            language: None,
            confidence: None,
        };
        let Some(detector) = &self.detector else {
            return unsure;
        };
        if letters < LANGUAGE_LETTERS {
            return unsure;
        }
        let Some(info) = detector.detect(text) else {
            return unsure;
        };
        let (reading, language) = if Some(info.lang()) == self.source {
            (Reading::Source, self.languages[0])
        } else {
            (Reading::Target, self.languages[1])
        };
        Detected {
            reading: if info.confidence() >= LANGUAGE_CONFIDENCE {
                reading
            } else {
                Reading::Unsure
            },
            language: Some(language),
            confidence: Some(info.confidence()),
        }
    }
}

/// Longest ASCII word lower-cased on the stack when looking up function
/// words (longer words take a `String`, which is only slower).
const MAX_ASCII_WORD: usize = 16;

/// What the check reads from a text's words, in one pass over it: how
/// many words a reader counts ([`Wording::words`]), what the prose test
/// needs ([`Wording::is_prose`]) and its letters. A run of sentences
/// (their texts joined by single spaces, as [`Context::target_text`]
/// joins them) reads as their wordings put together ([`Wording::then`]),
/// so each sentence is read once, for its paragraph and for itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Wording {
    /// Words as a reader counts them: "Ctrl+Alt+T" is one; Chinese and
    /// Japanese, written without spaces, count two characters as a word.
    words: usize,
    /// Whitespace-separated pieces, the code-like ones ([`is_code_word`])
    /// among them.
    pieces: usize,
    code: usize,
    /// Plain pieces ([`is_plain_word`]) after the first.
    plain_after_first: usize,
    /// Whether the first piece is plain as it stands, and whether it is as
    /// the first word of a text, which any sentence capitalises.
    first_plain: bool,
    first_plain_leading: bool,
    /// Letters, counted up to [`LANGUAGE_LETTERS`]: only whether a text
    /// has that many matters.
    letters: usize,
}

impl Wording {
    fn of(text: &str) -> Wording {
        let mut w = Wording {
            letters: text
                .chars()
                .filter(|c| c.is_alphabetic())
                .take(LANGUAGE_LETTERS)
                .count(),
            ..Wording::default()
        };
        for (i, piece) in text.split_whitespace().enumerate() {
            w.pieces += 1;
            if piece.chars().any(char::is_alphanumeric) {
                w.words += if !piece.is_ascii() && piece.chars().any(ideographic) {
                    crate::text::word_count(piece).max(1)
                } else {
                    1
                };
            }
            let (plain, leading) = match at_a_glance(piece) {
                // The first word is capitalised in any sentence.
                Some(plain) => (plain, true),
                None => {
                    w.code += usize::from(is_code_word(piece));
                    let plain = is_plain_word(piece);
                    (
                        plain,
                        i == 0 && (plain || is_plain_word(&piece.to_lowercase())),
                    )
                }
            };
            if i == 0 {
                w.first_plain = plain;
                w.first_plain_leading = leading;
            } else {
                w.plain_after_first += usize::from(plain);
            }
        }
        w
    }

    /// The wording of this text followed by a space and `next`.
    fn then(self, next: Wording) -> Wording {
        if self.pieces == 0 {
            return Wording {
                letters: (self.letters + next.letters).min(LANGUAGE_LETTERS),
                ..next
            };
        }
        let next_plain = next.plain_after_first + usize::from(next.pieces > 0 && next.first_plain);
        Wording {
            words: self.words + next.words,
            pieces: self.pieces + next.pieces,
            code: self.code + next.code,
            plain_after_first: self.plain_after_first + next_plain,
            first_plain: self.first_plain,
            first_plain_leading: self.first_plain_leading,
            letters: (self.letters + next.letters).min(LANGUAGE_LETTERS),
        }
    }

    /// Whether the text is prose rather than code, a command, its output,
    /// a name or a menu path.
    fn is_prose(&self) -> bool {
        if self.pieces == 0 {
            return false;
        }
        let plain = self.plain_after_first + usize::from(self.first_plain_leading);
        let n = self.pieces as f64;
        self.code as f64 <= MAX_CODE_SHARE * n && plain as f64 >= MIN_PLAIN_SHARE * n
    }
}

/// The translation's sentences, each read once: their [`Wording`], and
/// their function words ([`Reader::function_words`]) when first asked.
struct SentenceWords<'a> {
    doc: &'a crate::segment::SegmentedDocument,
    wordings: Vec<Wording>,
    function_words: Vec<std::cell::OnceCell<[usize; 2]>>,
}

impl<'a> SentenceWords<'a> {
    fn new(doc: &'a crate::segment::SegmentedDocument) -> SentenceWords<'a> {
        let n = doc.sentences.len();
        SentenceWords {
            doc,
            wordings: (0..n).map(|j| Wording::of(doc.sentence_text(j))).collect(),
            function_words: vec![std::cell::OnceCell::new(); n],
        }
    }

    /// The wording of sentences `ids` joined by spaces.
    fn wording(&self, ids: Range<usize>) -> Wording {
        self.wordings[ids]
            .iter()
            .fold(Wording::default(), |w, &next| w.then(next))
    }

    /// The function words of sentences `ids` joined by spaces: their
    /// counts added, since no word reaches across a space.
    fn function_words(&self, reader: &Reader, ids: Range<usize>) -> [usize; 2] {
        ids.fold([0, 0], |[s, t], j| {
            let [a, b] = *self.function_words[j]
                .get_or_init(|| reader.function_words(self.doc.sentence_text(j)));
            [s + a, t + b]
        })
    }
}

pub(super) fn find(ctx: &Context) -> Vec<(usize, Finding)> {
    if ctx.source.language() == ctx.target.language() {
        return Vec::new();
    }
    let reader = Reader::new(ctx);
    // Every sentence folded once; a run of sentences folds to their folds
    // joined ([`Folded::join`]).
    let (source_folded, target_folded) = (Folded::new(ctx.source), Folded::new(ctx.target));
    // Paragraphs as the translation's are read: their sentences' text.
    let source_paragraphs = index(
        ctx.source
            .paragraph_sentences
            .iter()
            .map(|ids| source_folded.join(ids.clone())),
    );
    let source_sentences = index(source_folded.sentences.iter().cloned());
    let tgt = ctx.target;
    let target_words = SentenceWords::new(tgt);
    let mut out = Vec::new();
    for (p, ids) in tgt.paragraph_sentences.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        let para = &tgt.document.paragraphs[p];
        if para.kind == BlockKind::Separator {
            continue;
        }
        let k = ctx.target_link[ids.start];
        let text = ctx.target_text(ids.clone());
        let aligned = aligned_source(ctx, ids.clone());
        let expected = match ctx.source.sentences.get(aligned.start) {
            Some(s) if !aligned.is_empty() => s.paragraph,
            _ => p * ctx.source.document.paragraphs.len() / tgt.document.paragraphs.len().max(1),
        };
        let folded = target_folded.join(ids.clone());
        let copied = nearest(source_paragraphs.get(&folded), expected);
        if let Some(f) = judge(
            ctx,
            &reader,
            ids.clone(),
            &text,
            para.kind,
            copied,
            &aligned,
            (&folded, &source_folded),
            &target_words,
        ) {
            out.push((k, f));
            continue;
        }
        if ids.len() < 2 {
            continue;
        }
        // A translated paragraph: a sentence in it left as it was.
        for j in ids.clone() {
            let sentence = tgt.sentence_text(j);
            let wording = target_words.wordings[j];
            let words = wording.words;
            if words < SENTENCE_WORDS || !wording.is_prose() {
                continue;
            }
            let linked = ctx
                .links
                .get(ctx.target_link[j])
                .map_or(0..0, |l| l.source.clone());
            let expected = if linked.is_empty() {
                ctx.source_near(ctx.target_link[j]).start
            } else {
                linked.start
            };
            let folded = &target_folded.sentences[j];
            let copied = nearest(source_sentences.get(folded), expected);
            let similar = (copied.is_none() && !linked.is_empty())
                .then(|| similarity_folded(folded, &source_folded.join(linked.clone())));
            let near = similar.is_some_and(|s| s >= NEAR_IDENTITY);
            let copy = copied
                .map(|i| i..i + 1)
                .or_else(|| near.then_some(linked.clone()));
            let detected = if copy.is_some() {
                reader.detect(sentence, wording.letters)
            } else {
                reader.detect_unless_clear(sentence, wording.letters, || {
                    target_words.function_words(&reader, j..j + 1)
                })
            };
            let why = match (&copy, detected.reading) {
                (_, Reading::Target) => continue,
                (Some(_), _) => "as the original writes it",
                (None, Reading::Source) => "it reads as the original's language",
                (None, Reading::Unsure) => continue,
            };
            let message = format!(
                "the translation leaves the sentence \"{}\" in the original's language ({}): {why}",
                gist(sentence),
                ctx.source.language()
            );
            out.push((
                ctx.target_link[j],
                Finding::new(
                    Kind::Untranslated,
                    Severity::Warning,
                    SENTENCE_CONFIDENCE,
                    message,
                )
                .with_source(sentences_excerpt(ctx.source, copy.unwrap_or(linked)))
                .with_target(sentences_excerpt(tgt, j..j + 1))
                .with_evidence(untranslated_evidence(
                    ctx,
                    &detected,
                    identity(copied.is_some(), near),
                    similar,
                    words,
                )),
            ));
        }
    }
    out
}

/// Judges a whole translation paragraph (sentences `ids`), given the
/// original paragraph it copies (if any) and the original sentences it is
/// aligned with; `folded` is the paragraph's text folded and the
/// original's sentences folded; `words` reads the translation's
/// sentences.
#[allow(clippy::too_many_arguments)]
fn judge(
    ctx: &Context,
    reader: &Reader,
    ids: Range<usize>,
    text: &str,
    kind: BlockKind,
    copied: Option<usize>,
    aligned: &Range<usize>,
    folded: (&str, &Folded),
    sentence_words: &SentenceWords,
) -> Option<Finding> {
    let wording = sentence_words.wording(ids.clone());
    let words = wording.words;
    if words < MIN_WORDS || !wording.is_prose() {
        return None;
    }
    let sentence_like =
        kind != BlockKind::Heading && (ends_like_sentence(text) || words >= PROSE_WORDS);
    if !sentence_like && (words < LABEL_WORDS || starts_lowercase(text)) {
        // A name, a menu item, a command.
        return None;
    }
    let similar = (copied.is_none() && !aligned.is_empty())
        .then(|| similarity_folded(folded.0, &folded.1.join(aligned.clone())));
    let near = similar.is_some_and(|s| s >= NEAR_IDENTITY);
    let identical = copied.is_some() || near;
    let detected = if identical {
        reader.detect(text, wording.letters)
    } else {
        reader.detect_unless_clear(text, wording.letters, || {
            sentence_words.function_words(reader, ids.clone())
        })
    };
    let reading = detected.reading;
    let untranslated = match reading {
        Reading::Target => false,
        Reading::Source => true,
        Reading::Unsure => identical,
    };
    if !untranslated {
        return None;
    }
    // Read as the original's language but not a copy of it, and one of its
    // sentences reads as the translation's: a mixed paragraph, judged
    // sentence by sentence.
    if !identical
        && ids.clone().any(|j| {
            let text = ctx.target.sentence_text(j);
            reader
                .detect(text, sentence_words.wordings[j].letters)
                .reading
                == Reading::Target
        })
    {
        return None;
    }
    let (severity, what) = if kind == BlockKind::Heading {
        (Severity::Info, "heading")
    } else if !sentence_like {
        // A long line copied as it is is more than a label or a name.
        if identical && words >= COPIED_LINE_WORDS {
            (Severity::Warning, "line")
        } else {
            (Severity::Info, "line")
        }
    } else if words >= ERROR_WORDS {
        (Severity::Error, "paragraph")
    } else {
        (Severity::Warning, "paragraph")
    };
    let (confidence, why) = match (identical, reading) {
        (true, Reading::Source) => (
            COPY_AND_LANGUAGE_CONFIDENCE,
            "it repeats the original's text and reads as it",
        ),
        (true, _) => (COPY_CONFIDENCE, "it repeats the original's text"),
        (false, _) => (
            LANGUAGE_ONLY_CONFIDENCE,
            "it reads as the original's language",
        ),
    };
    let source_ids = match copied {
        Some(p) => ctx.source.paragraph_sentences[p].clone(),
        None => aligned.clone(),
    };
    let message = format!(
        "the translation leaves the {what} \"{}\" in the original's language ({}): {why}",
        gist(text),
        ctx.source.language()
    );
    Some(
        Finding::new(Kind::Untranslated, severity, confidence, message)
            .with_source(sentences_excerpt(ctx.source, source_ids))
            .with_target(sentences_excerpt(ctx.target, ids))
            .with_evidence(untranslated_evidence(
                ctx,
                &detected,
                identity(copied.is_some(), near),
                similar,
                words,
            )),
    )
}

/// How a text repeats the original: a copy, nearly the aligned text, or
/// neither.
fn identity(copy: bool, near: bool) -> Identity {
    match (copy, near) {
        (true, _) => Identity::Copy,
        (false, true) => Identity::Near,
        (false, false) => Identity::None,
    }
}

/// The evidence of an untranslated finding.
fn untranslated_evidence(
    ctx: &Context,
    detected: &Detected,
    identity: Identity,
    similarity: Option<f64>,
    words: usize,
) -> Evidence {
    Evidence::Untranslated {
        language: ctx.source.language(),
        detected: detected.language,
        detection_confidence: detected.confidence.map(measured),
        identity,
        similarity: similarity.map(measured),
        words,
    }
}

/// The original sentences linked to a run of translation sentences.
fn aligned_source(ctx: &Context, ids: Range<usize>) -> Range<usize> {
    let mut start = usize::MAX;
    let mut end = 0;
    for j in ids {
        if let Some(l) = ctx.links.get(ctx.target_link[j]) {
            if !l.source.is_empty() {
                start = start.min(l.source.start);
                end = end.max(l.source.end);
            }
        }
    }
    if start == usize::MAX {
        0..0
    } else {
        start..end
    }
}

/// Folded texts ([`fold`]: lower case, single spaces) → indices of the
/// blocks that read so. The texts come folded: folding them again would
/// change nothing ([`fold`] of a folded text is that text).
fn index(folded: impl Iterator<Item = String>) -> FastMap<String, Vec<usize>> {
    let mut map: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, key) in folded.enumerate() {
        if !key.is_empty() {
            map.entry(key).or_default().push(i);
        }
    }
    map
}

/// The block of `candidates` nearest to `expected` (an original may say
/// the same thing twice: the copy is the one at the same place).
fn nearest(candidates: Option<&Vec<usize>>, expected: usize) -> Option<usize> {
    candidates?
        .iter()
        .copied()
        .min_by_key(|&i| i.abs_diff(expected))
}

/// Chinese characters and Japanese kana, which run without spaces.
fn ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The sentences of one document, each folded ([`fold`]) once.
struct Folded {
    sentences: Vec<String>,
}

impl Folded {
    fn new(doc: &crate::segment::SegmentedDocument) -> Folded {
        Folded {
            sentences: (0..doc.sentences.len())
                .map(|i| fold(doc.sentence_text(i)))
                .collect(),
        }
    }

    /// The fold of sentences `ids` joined by spaces: their folds joined
    /// by single spaces, since folding turns every whitespace run into one
    /// space and drops it at the ends, and no lower case reaches across
    /// whitespace (a final sigma is told by the letters of its own word).
    fn join(&self, ids: Range<usize>) -> String {
        let mut out = String::new();
        for s in &self.sentences[ids] {
            if s.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s);
        }
        out
    }
}

/// Lower case, whitespace runs as one space.
fn fold(text: &str) -> String {
    // Lower case char by char differs from `str::to_lowercase` only in a
    // final capital sigma.
    if text.contains('Σ') {
        return text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    // One pass: ASCII runs are copied in lower case a run at a time, other
    // characters one by one.
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0b)
            .unwrap_or(rest.len());
        if ascii > 0 {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            let at = out.len();
            out.push_str(&rest[..ascii]);
            out[at..].make_ascii_lowercase();
            rest = &rest[ascii..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// How alike two texts are, 0 to 1: normalised Levenshtein over their
/// folded characters, or over their words when they are long.
#[cfg(test)]
fn similarity(a: &str, b: &str) -> f64 {
    similarity_folded(&fold(a), &fold(b))
}

/// [`similarity`] of two texts already folded.
fn similarity_folded(a: &str, b: &str) -> f64 {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) == 0 {
        return 0.0;
    }
    // The edit distance is at least the length difference.
    if (la.min(lb) as f64) < NEAR_IDENTITY * la.max(lb) as f64 {
        return 0.0;
    }
    // Most words of a copy are the original's words; a translation's are
    // not (this spares the quadratic comparison on nearly every block).
    let words_b: crate::anchors::FastSet<&str> = b.split(' ').collect();
    let words_a: Vec<&str> = a.split(' ').collect();
    let shared = words_a.iter().filter(|w| words_b.contains(*w)).count();
    if (shared as f64) < MIN_SHARED_WORDS * words_a.len() as f64 {
        return 0.0;
    }
    if la.max(lb) <= MAX_EDIT_CHARS {
        return strsim::normalized_levenshtein(a, b);
    }
    let wb: Vec<&str> = b.split(' ').collect();
    1.0 - strsim::generic_levenshtein(&words_a, &wb) as f64 / words_a.len().max(wb.len()) as f64
}

/// Whether a text ends as a sentence does (closing quotes and brackets
/// aside), or holds a sentence end followed by more text.
fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»«)]*_".contains(c));
    t.ends_with(['.', '!', '?', ':', '…', ';', '。', '！', '？'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase())
}

/// Whether a word is code-like: a path, an option, a URL, a dotted or
/// underscored identifier, an assignment, digits mixed with letters.
fn is_code_word(word: &str) -> bool {
    // Most words are ASCII letters alone: no code (as below, at a glance).
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let w = word.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
        )
    });
    let w = w.trim_end_matches('.');
    // Letters alone (most words, and the empty word) are no code: nothing
    // below can hold.
    if w.chars().all(char::is_alphabetic) {
        return false;
    }
    if w.contains([
        '/', '\\', '=', '_', '$', '<', '>', '{', '}', '|', '~', '@', '#', '`',
    ]) {
        return true;
    }
    if w.len() > 1 && w.starts_with('-') {
        return true;
    }
    let inner_dot = w.split('.').filter(|s| !s.is_empty()).count() > 1;
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    // Chinese and Japanese write numbers against words ("30年").
    let has_letter = w.chars().any(|c| c.is_alphabetic() && !ideographic(c));
    has_letter && (inner_dot || has_digit)
}

/// Whether a word is a plain word: letters (inner hyphens and apostrophes
/// allowed), not capitalised; or a run of Chinese or Japanese text, which
/// holds whole clauses and their punctuation.
fn is_plain_word(word: &str) -> bool {
    // Most words are ASCII letters alone: plain unless capitalised (as
    // below, at a glance).
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return !word.as_bytes()[0].is_ascii_uppercase();
    }
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if !w.is_ascii() && w.chars().filter(|&c| ideographic(c)).count() >= 2 {
        return true;
    }
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && w.chars().next().is_some_and(|c| !c.is_uppercase())
}

/// Most words of prose are ASCII letters, perhaps followed by one
/// punctuation mark: no code, and plain unless capitalised (what
/// [`is_code_word`] and [`is_plain_word`] say of them, without their
/// trimming; `Some(plain)`). `None` for any other word.
fn at_a_glance(word: &str) -> Option<bool> {
    let letters = word
        .strip_suffix([',', '.', ';', ':', '!', '?'])
        .unwrap_or(word);
    (!letters.is_empty() && letters.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| !letters.as_bytes()[0].is_ascii_uppercase())
}

#[cfg(test)]
mod tests;
