//! Planting faults into a copy of an article's translation.

use std::path::Path;

use super::{Article, Fault, Planted, Rng, line, render, sentences};
use crate::anchors::{self, names::capitalises_nouns};
use crate::document::{Document, InputFormat};
use crate::findings::quotes::quotes;
use crate::language::Language;

/// A negation cue to plant per language (inserted after the quote's first
/// word); `None` where the benchmark has no cue.
fn planted_negation(language: Language) -> Option<&'static str> {
    Some(match language.code() {
        "en" => "not",
        "de" => "nicht",
        "fr" => "ne",
        "es" => "no",
        "it" => "non",
        "nl" => "niet",
        "pt" => "não",
        "hu" => "nem",
        // Japanese negates with an ending: a lone one after the first
        // run of letters is enough for the cue count.
        "ja" => "ない",
        _ => return None,
    })
}

/// The digits of a number written with digits, read as one integer
/// (separators and decimal marks dropped: the planted change only has to
/// differ).
fn digits_value(number: &anchors::Number) -> Option<u64> {
    let digits: String = number.text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether a paragraph is prose a translator translates: six words or more,
/// not a heading (`#`), code (a fence, an indented block, a backtick) or a
/// command line (a prompt, options, or mostly paths and dotted names).
pub(super) fn prose(text: &str) -> bool {
    let t = text.trim_start();
    if crate::text::word_count(t) < 6
        || text.starts_with("    ")
        || text.starts_with('\t')
        || t.starts_with(['#', '`', '~', '$', '>'])
        || !t.chars().next().is_some_and(char::is_alphabetic)
    {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let technical = tokens
        .iter()
        .filter(|w| {
            w.starts_with("--")
                || w.trim_end_matches(['.', ',', ':', ';'])
                    .contains(['/', '=', '_', '.'])
        })
        .count();
    3 * technical < tokens.len()
}

/// Whether a sentence stays a sentence of its own inside another
/// paragraph: it is no heading and ends with a full stop, a question or
/// an exclamation mark (not a colon or semicolon, which lead into what
/// follows).
fn stands_alone(sentence: &str) -> bool {
    let t = sentence.trim();
    !t.starts_with('#')
        && crate::document::ends_like_sentence(t)
        && !t
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != ';')
            .ends_with([':', ';'])
}

/// Plants `fault` into a copy of `article`'s translation; `None` when the
/// article offers no place for it.
pub(super) fn plant(
    fault: Fault,
    article: &Article,
    others: &[&Article],
    rng: &mut Rng,
) -> Option<Planted> {
    let n = article.target.len();
    let tl = article.target_language;
    let mut target = article.target.clone();
    // Paragraphs of 8 words or more on both sides: a short heading is
    // short in the original too, though a translation in ideographs may
    // count more words for it.
    let content: Vec<usize> = (0..n)
        .filter(|&i| {
            crate::text::word_count(&target[i]) >= 8
                && article
                    .source
                    .get(i)
                    .is_none_or(|s| crate::text::word_count(s) >= 8)
        })
        .collect();
    let pick = |rng: &mut Rng, v: &[usize]| -> Option<usize> {
        (!v.is_empty()).then(|| v[rng.below(v.len())])
    };
    let donor = |rng: &mut Rng| -> Option<&Article> {
        let same: Vec<&&Article> = others
            .iter()
            .filter(|a| a.target_language == tl && a.name != article.name)
            .collect();
        (!same.is_empty()).then(|| *same[rng.below(same.len())])
    };
    let src_line = |i: usize| Some([line(i), line(i)]);
    match fault {
        Fault::DropParagraph => {
            let i = pick(rng, &content)?;
            target.remove(i);
            Some(Planted {
                fault,
                source_lines: src_line(i),
                target_lines: None,
                target,
            })
        }
        Fault::DropSentence => {
            let multi: Vec<usize> = content
                .iter()
                .copied()
                .filter(|&i| sentences(&target[i], tl).len() >= 2)
                .collect();
            let i = pick(rng, &multi)?;
            let mut ss = sentences(&target[i], tl);
            let k = rng.below(ss.len());
            if crate::text::word_count(&ss[k]) < 5 {
                return None;
            }
            ss.remove(k);
            target[i] = ss.join(" ");
            Some(Planted {
                fault,
                source_lines: src_line(i),
                target_lines: None,
                target,
            })
        }
        Fault::AddParagraph => {
            let d = donor(rng)?;
            // A body paragraph, ending like a sentence: a title or a run of
            // headings ("Around the Globe Russia: An appealing model?
            // Politics") would rightly count as an inserted heading.
            let body: Vec<&String> = d
                .target
                .iter()
                .skip(1)
                .filter(|p| {
                    crate::text::word_count(p) >= 8 && crate::document::ends_like_sentence(p)
                })
                .collect();
            let para = (*body.get(rng.below(body.len()))?).clone();
            let i = rng.below(n + 1);
            target.insert(i, para);
            Some(Planted {
                fault,
                source_lines: None,
                target_lines: Some([line(i), line(i)]),
                target,
            })
        }
        Fault::AddSentence => {
            let d = donor(rng)?;
            // A sentence that stays one where it is put: not a heading
            // (whose `#` mark, inside a paragraph, is text), nor a label or
            // a list's lead-in ("To rename a file:"), which end without a
            // full stop and so run on into the next sentence.
            let all: Vec<String> = d
                .target
                .iter()
                .flat_map(|p| sentences(p, tl))
                .filter(|s| crate::text::word_count(s) >= 6 && stands_alone(s))
                .collect();
            let s = all.get(rng.below(all.len()))?.clone();
            // A place where the sentence stays one: after a sentence that
            // ends like one and before one that starts like one. Put after
            // a run of headlines without a full stop ("… Shooting blanks")
            // the sentence would be read as that run's last words, so the
            // fault would be words glued inside a sentence. The rule reads
            // punctuation and case only, not the segmenter under test.
            let places = |i: usize| -> Vec<String> {
                let ss = sentences(&target[i], tl);
                (0..=ss.len())
                    .filter(|&k| {
                        (k == 0 || ends_a_sentence(&ss[k - 1]))
                            && (k == ss.len() || starts_a_sentence(&ss[k]))
                    })
                    .map(|k| {
                        let mut with = ss.clone();
                        with.insert(k, s.clone());
                        with.join(" ")
                    })
                    .collect()
            };
            let hosts: Vec<usize> = content
                .iter()
                .copied()
                .filter(|&i| !places(i).is_empty())
                .collect();
            let i = pick(rng, &hosts)?;
            let fits = places(i);
            target[i] = fits.get(rng.below(fits.len()))?.clone();
            Some(Planted {
                fault,
                source_lines: None,
                target_lines: Some([line(i), line(i)]),
                target,
            })
        }
        Fault::DuplicateParagraph => {
            let i = pick(rng, &content)?;
            let at = i + 1 + rng.below(n - i);
            target.insert(at, target[i].clone());
            Some(Planted {
                fault,
                source_lines: None,
                target_lines: Some([line(at), line(at)]),
                target,
            })
        }
        Fault::ChangeNumber => {
            // A number the original states in its paragraph: one it writes
            // in words ("a week", "1 週間") or does not have is no fact
            // the translation changed.
            let with: Vec<(usize, anchors::Number)> = (0..n)
                .flat_map(|i| {
                    let stated = article
                        .source
                        .get(i)
                        .map(|s| anchors::numbers(s, article.source_language))
                        .unwrap_or_default();
                    anchors::numbers(&target[i], tl)
                        .into_iter()
                        .filter(move |x| {
                            x.digits && stated.iter().any(|y| anchors::same_number(x, y))
                        })
                        .map(move |x| (i, x))
                })
                .collect();
            let (i, num) = with.get(rng.below(with.len()))?.clone();
            let value = digits_value(&num)?;
            let changed = (value + 1 + rng.below(8) as u64).to_string();
            target[i].replace_range(num.range.clone(), &changed);
            Some(Planted {
                fault,
                source_lines: src_line(i),
                target_lines: Some([line(i), line(i)]),
                target,
            })
        }
        Fault::TruncateQuote | Fault::NegateQuote | Fault::AlterQuote => {
            plant_quote(fault, article, target, rng)
        }
        Fault::UntranslatedParagraph => {
            // A prose paragraph whose original is prose too and says
            // something else (not a name or a command left as it is).
            let places: Vec<usize> = (0..n)
                .filter(|&i| {
                    prose(&target[i])
                        && article.source.get(i).is_some_and(|s| prose(s))
                        && article.source[i].trim() != target[i].trim()
                })
                .collect();
            let i = pick(rng, &places)?;
            target[i] = article.source[i].clone();
            Some(Planted {
                fault,
                source_lines: src_line(i),
                target_lines: Some([line(i), line(i)]),
                target,
            })
        }
        Fault::SwapParagraphs => {
            let places: Vec<usize> = (0..n.saturating_sub(1))
                .filter(|&i| {
                    prose(&target[i]) && prose(&target[i + 1]) && target[i] != target[i + 1]
                })
                .collect();
            let i = pick(rng, &places)?;
            target.swap(i, i + 1);
            Some(Planted {
                fault,
                source_lines: Some([line(i), line(i + 1)]),
                target_lines: Some([line(i), line(i + 1)]),
                target,
            })
        }
    }
}

fn plant_quote(
    fault: Fault,
    article: &Article,
    mut target: Vec<String>,
    rng: &mut Rng,
) -> Option<Planted> {
    let tl = article.target_language;
    let doc = |paras: &[String]| {
        Document::from_text(Path::new("q.txt"), render(paras), InputFormat::Text)
    };
    let (sdoc, tdoc) = (doc(&article.source), doc(&target));
    // Only quotes whose paragraph's original also quotes, so there is a
    // quote to compare with.
    let candidates: Vec<(usize, std::ops::Range<usize>, String)> = quotes(&tdoc)
        .into_iter()
        .filter(|q| q.parts.len() == 1)
        // Paragraph indices of the loaded document may differ from the
        // article's (paragraph repair joins some): map them by text.
        .filter_map(|q| {
            let (p, r) = q.parts[0].clone();
            let i = target.iter().position(|t| *t == tdoc.paragraphs[p].text)?;
            let s_text = &sdoc.paragraphs.get(p)?.text;
            (article.source.get(i) == Some(s_text)).then_some((i, r, q.text))
        })
        .filter(|(p, _, _)| quotes(&sdoc).iter().any(|s| s.parts[0].0 == *p))
        .filter(|(_, _, text)| fault != Fault::TruncateQuote || crate::text::word_count(text) >= 8)
        .collect();
    let (p, range, text) = candidates.get(rng.below(candidates.len()))?.clone();
    let words = crate::text::words(&text);
    let new_text = match fault {
        Fault::TruncateQuote if text.chars().any(crate::text::cjk) => {
            // No spaces to cut at: keep the first 40% of the characters.
            let keep = text.chars().count() * 2 / 5;
            text.chars().take(keep.max(1)).collect()
        }
        Fault::TruncateQuote => {
            let keep = words.len() * 2 / 5;
            text[..words[keep.max(1) - 1].0.end].to_string()
        }
        Fault::NegateQuote => {
            let cues = anchors::negation_ranges(&text, tl)?;
            if let Some(first) = cues.first().map(|r| r.start) {
                // Remove the cues of the first negated clause: all of them,
                // as languages with negative concord negate with several
                // ("nikt nie"), and removing one leaves it negated.
                let clause_end = text[first..]
                    .find(anchors::ends_clause)
                    .map_or(text.len(), |k| first + k);
                let mut out = String::new();
                let mut at = 0;
                for r in cues.iter().filter(|r| r.end <= clause_end) {
                    out.push_str(&text[at..r.start]);
                    at = r.end;
                    // One space between the words around the cue.
                    if out.ends_with(' ') && text[at..].starts_with(' ') {
                        at += 1;
                    }
                }
                out.push_str(&text[at..]);
                out
            } else {
                let cue = planted_negation(tl)?;
                let first = &words.first()?.0;
                format!("{} {cue}{}", &text[..first.end], &text[first.end..])
            }
        }
        _ => {
            let nums: Vec<anchors::Number> = anchors::numbers(&text, tl)
                .into_iter()
                .filter(|n| n.digits)
                .collect();
            if let Some(num) = nums.first() {
                let value = digits_value(num)?;
                format!(
                    "{}{}{}",
                    &text[..num.range.start],
                    value + 3,
                    &text[num.range.end..]
                )
            } else {
                // In a language that capitalises nouns, a capitalised word
                // is a name only when the original names it too (Winter is
                // no name for the English "winters").
                let source_names: Vec<String> =
                    anchors::names(&article.source[p], article.source_language)
                        .into_iter()
                        .map(|n| n.folded)
                        .collect();
                let names: Vec<anchors::Name> = anchors::names(&text, tl)
                    .into_iter()
                    .filter(|n| {
                        !capitalises_nouns(tl)
                            || source_names
                                .iter()
                                .any(|s| anchors::same_name(s, &n.folded))
                    })
                    .collect();
                let name = names.first()?;
                let replacement = ["Oskarsson", "Marlowe", "Tanaka", "Okonkwo"][rng.below(4)];
                format!(
                    "{}{replacement}{}",
                    &text[..name.range.start],
                    &text[name.range.end..]
                )
            }
        }
    };
    target[p].replace_range(range, &new_text);
    Some(Planted {
        fault,
        source_lines: Some([line(p), line(p)]),
        target_lines: Some([line(p), line(p)]),
        target,
    })
}

/// Whether `sentence` ends as a sentence does: with a full stop, a
/// question or exclamation mark or an ellipsis (of any script), before
/// any closing quotation marks or brackets.
fn ends_a_sentence(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | ')' | ']' | '»' | '«' | '”' | '’' | '」' | '』' | '）'
            )
        })
        .ends_with(['.', '!', '?', '…', '。', '！', '？', '．'])
}

/// Whether `sentence` starts as a sentence does: its first letter or
/// digit is not a lower-case letter.
fn starts_a_sentence(sentence: &str) -> bool {
    sentence
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(source: &[&str], target: &[&str]) -> Article {
        Article {
            name: "gnome-de#test".into(),
            source_language: Language::from_code("en").unwrap(),
            target_language: Language::from_code("de").unwrap(),
            source: source.iter().map(|s| s.to_string()).collect(),
            target: target.iter().map(|s| s.to_string()).collect(),
            format: InputFormat::Markdown,
        }
    }

    /// Plants `fault` with many seeds; every planting found.
    fn plants(fault: Fault, a: &Article) -> Vec<Planted> {
        (0..40)
            .filter_map(|seed| plant(fault, a, &[a], &mut Rng::for_case(seed, 0, 0, 0)))
            .collect()
    }

    const EN: [&str; 5] = [
        "# Copy or move files and folders",
        "Select the file you want to copy by clicking on it once.",
        "Navigate to another folder, where you want to put the copy of the file.",
        "gsettings set org.gnome.desktop.input-sources show-all-sources true --now",
        "## Cut and paste files to move them around",
    ];
    const DE: [&str; 5] = [
        "# Dateien und Ordner kopieren oder verschieben",
        "Wählen Sie die zu kopierende Datei aus, indem Sie einmalig darauf klicken.",
        "Gehen Sie zu einem anderen Ordner, wo Sie die Kopie dieser Datei ablegen wollen.",
        "gsettings set org.gnome.desktop.input-sources show-all-sources false --now",
        "## Ausschneiden und Einfügen von Dateien, um sie zu verschieben",
    ];

    #[test]
    fn prose_is_neither_heading_nor_code_nor_command() {
        assert!(prose(DE[1]));
        assert!(!prose(DE[0]), "a heading");
        assert!(!prose(DE[3]), "a command");
        assert!(!prose("```sh cp one two three four five six"), "code");
        assert!(
            !prose("    cp one two three four five six"),
            "indented code"
        );
        assert!(!prose("$ cp one two three four five six"), "a prompt");
        assert!(!prose("Klicken Sie auf Kopieren."), "too short");
    }

    #[test]
    fn an_untranslated_paragraph_is_its_originals_text() {
        let a = article(&EN, &DE);
        let planted = plants(Fault::UntranslatedParagraph, &a);
        assert!(!planted.is_empty());
        let mut seen = Vec::new();
        for p in &planted {
            let changed: Vec<usize> = (0..DE.len()).filter(|&i| p.target[i] != DE[i]).collect();
            assert_eq!(changed.len(), 1, "one paragraph replaced: {:?}", p.target);
            let i = changed[0];
            assert_eq!(p.target[i], EN[i], "replaced by the original's text");
            assert!(i == 1 || i == 2, "never a heading or a command: {i}");
            assert_eq!(p.target_lines, Some([line(i), line(i)]));
            seen.push(i);
        }
        assert!(seen.contains(&1) && seen.contains(&2));
    }

    #[test]
    fn a_swap_tells_two_prose_paragraphs_in_the_other_order() {
        let a = article(&EN, &DE);
        let planted = plants(Fault::SwapParagraphs, &a);
        assert!(!planted.is_empty());
        for p in &planted {
            assert_eq!(p.target, [DE[0], DE[2], DE[1], DE[3], DE[4]]);
            assert_eq!(p.source_lines, Some([line(1), line(2)]));
        }
    }

    #[test]
    fn headings_and_commands_are_neither_swapped_nor_left_untranslated() {
        // Only headings and commands next to one prose paragraph: no place.
        let a = article(&[EN[0], EN[1], EN[3], EN[4]], &[DE[0], DE[1], DE[3], DE[4]]);
        assert!(plants(Fault::SwapParagraphs, &a).is_empty());
        let b = article(&[EN[0], EN[3], EN[4]], &[DE[0], DE[3], DE[4]]);
        assert!(plants(Fault::UntranslatedParagraph, &b).is_empty());
        // A paragraph already the same as its original is no place either.
        let c = article(&[EN[0], EN[1]], &[DE[0], EN[1]]);
        assert!(plants(Fault::UntranslatedParagraph, &c).is_empty());
    }

    #[test]
    fn a_changed_number_is_one_the_original_states() {
        // "a week" is written with a digit only in the translation: no
        // number to change there; the 30 days are.
        let a = article(
            &[
                "Old copies are kept for a week.",
                "Copies are kept for 30 days.",
            ],
            &[
                "Alte Kopien werden 1 Woche lang aufbewahrt.",
                "Kopien werden 30 Tage lang aufbewahrt.",
            ],
        );
        let planted = plants(Fault::ChangeNumber, &a);
        assert!(!planted.is_empty());
        for p in &planted {
            assert_eq!(
                p.target[0], a.target[0],
                "the digit of 'a week' is left alone"
            );
            assert_ne!(p.target[1], a.target[1]);
        }
    }

    #[test]
    fn an_added_sentence_is_one_that_stands_alone() {
        assert!(stands_alone(
            "Wählen Sie die Datei aus, die Sie kopieren wollen."
        ));
        assert!(stands_alone(
            "Warum sehe ich meinen Kontotyp nicht in der Liste?"
        ));
        assert!(!stands_alone(
            "# Warum sehe ich meinen Kontotyp nicht in der Liste?"
        ));
        assert!(!stands_alone(
            "So passen Sie die zu durchsuchenden Ordner an:"
        ));
        assert!(!stands_alone(
            "Die Zeit beschränken, in der Dateien verbleiben"
        ));
        // Planted from a donor whose other sentences do not stand alone.
        let mut donor = article(&EN, &DE);
        donor.name = "gnome-de#donor".into();
        donor.target = vec![
            "# Warum sehe ich meinen Kontotyp nicht in der Liste?".into(),
            "So passen Sie die zu durchsuchenden Ordner an:".into(),
            "Die Zeit beschränken, in der Dateien in der Chronik verbleiben".into(),
            "Klicken Sie auf den Knopf, um das Fenster zu schließen.".into(),
        ];
        let a = article(&EN, &DE);
        for seed in 0..40 {
            let mut rng = Rng::for_case(seed, 0, 0, 0);
            if let Some(p) = plant(Fault::AddSentence, &a, &[&a, &donor], &mut rng) {
                let i = (0..DE.len()).find(|&i| p.target[i] != DE[i]).unwrap();
                assert!(
                    p.target[i].contains("Klicken Sie auf den Knopf"),
                    "{}",
                    p.target[i]
                );
            }
        }
    }

    #[test]
    fn sentence_edges_are_read_from_punctuation_and_case() {
        assert!(ends_a_sentence("Er kam.") && ends_a_sentence("»Wirklich?«  "));
        assert!(ends_a_sentence("雨が降った。") && ends_a_sentence("Und dann…"));
        assert!(!ends_a_sentence("Ausblick auf das Jahr") && !ends_a_sentence("Preise:"));
        assert!(starts_a_sentence("»Der Winter") && starts_a_sentence("2027 kommt"));
        assert!(starts_a_sentence("雨が降った。"));
        assert!(!starts_a_sentence("und dann") && !starts_a_sentence("…"));
    }

    #[test]
    fn an_added_sentence_is_not_glued_to_a_run_without_a_full_stop() {
        // A host paragraph that is a run of headlines without a sentence
        // end: put after it, the added sentence would be read as the
        // run's last words.
        let mut a = article(&EN, &DE);
        a.target[1] = "Neue Regeln Der Winter kommt Ausblick auf das Jahr Preise".into();
        let mut donor = article(&EN, &DE);
        donor.name = "gnome-de#donor".into();
        donor.target = vec!["Klicken Sie auf den Knopf, um das Fenster zu schließen.".into()];
        let mut planted = 0;
        for seed in 0..60 {
            let mut rng = Rng::for_case(seed, 0, 0, 0);
            let Some(p) = plant(Fault::AddSentence, &a, &[&a, &donor], &mut rng) else {
                continue;
            };
            planted += 1;
            let i = (0..DE.len()).find(|&i| p.target[i] != a.target[i]).unwrap();
            let ss = sentences(&p.target[i], a.target_language);
            assert!(
                ss.iter()
                    .any(|s| s.trim() == "Klicken Sie auf den Knopf, um das Fenster zu schließen."),
                "{:?}",
                ss
            );
        }
        assert!(planted > 0);
    }

    #[test]
    fn a_dropped_paragraph_is_long_in_the_original_too() {
        // A five-word heading counts nine words in ideographs.
        let mut a = article(&EN[..3], &DE[..3]);
        a.target[0] = "ファイルを自動的にバックアップする".into();
        assert!(crate::text::word_count(&a.target[0]) >= 8);
        let planted = plants(Fault::DropParagraph, &a);
        assert!(!planted.is_empty());
        assert!(
            planted
                .iter()
                .all(|p| p.source_lines != Some([line(0), line(0)]))
        );
    }
}
