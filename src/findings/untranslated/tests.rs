//! Untranslated text, through the whole check (alignment included), and
//! the prose test on its own.

use super::*;
use crate::check::{CheckOptions, check};
use crate::document::{Document, InputFormat};
use crate::language::Language;

const EN: &str = "\
# Ferry service resumes on the northern lake

The regional ferry company restarted its service on Lake Arvo on Monday after a winter break of four months.

About 1,200 passengers used the boats on the first day, according to the company, which had expected fewer than half that number.

The timetable can be downloaded from the company's website as a file called `arvo-2026.pdf`.

Passengers who use the FerryPass app can check departures in real time and buy their tickets on board.

\"We are glad to see so many people back on the water,\" said the company's director, Lena Holm.

The company plans to add an evening service in July if demand stays high through the spring.
";

const DE: &str = "\
# Fährbetrieb auf dem nördlichen See wieder aufgenommen

Die regionale Fährgesellschaft hat ihren Betrieb auf dem Arvo-See am Montag nach einer viermonatigen Winterpause wieder aufgenommen.

Nach Angaben der Gesellschaft nutzten am ersten Tag rund 1200 Fahrgäste die Boote; erwartet hatte sie weniger als die Hälfte.

Der Fahrplan kann auf der Website der Gesellschaft als Datei namens `arvo-2026.pdf` heruntergeladen werden.

Fahrgäste, die die App FerryPass nutzen, können die Abfahrten in Echtzeit verfolgen und ihre Fahrkarten an Bord kaufen.

„Wir freuen uns, so viele Menschen wieder auf dem Wasser zu sehen“, sagte die Direktorin der Gesellschaft, Lena Holm.

Die Gesellschaft will im Juli einen Abendbetrieb einführen, wenn die Nachfrage im Frühjahr hoch bleibt.
";

fn checked(en: &str, tr: &str, target: Language) -> Vec<Finding> {
    let doc = |name: &str, text: &str| {
        Document::from_text(
            std::path::Path::new(name),
            text.to_string(),
            InputFormat::Markdown,
        )
    };
    let options = CheckOptions {
        source_language: Some(Language::EN),
        target_language: Some(target),
        ..CheckOptions::default()
    };
    check(doc("en.md", en), doc("tr.md", tr), &options)
        .expect("the pair checks")
        .findings
}

fn untranslated(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.kind == Kind::Untranslated)
        .collect()
}

#[test]
fn a_faithful_german_translation_has_nothing_untranslated() {
    let f = checked(EN, DE, Language::DE);
    assert!(untranslated(&f).is_empty(), "{f:#?}");
}

#[test]
fn an_english_paragraph_left_in_a_german_translation_is_an_error() {
    let english = "About 1,200 passengers used the boats on the first day, according to the company, which had expected fewer than half that number.";
    let german = "Nach Angaben der Gesellschaft nutzten am ersten Tag rund 1200 Fahrgäste die Boote; erwartet hatte sie weniger als die Hälfte.";
    let de = DE.replace(german, english);
    let f = checked(EN, &de, Language::DE);
    let u = untranslated(&f);
    assert_eq!(u.len(), 1, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Error);
    assert_eq!(u[0].target.as_ref().map(|e| e.lines), Some([5, 5]));
    assert_eq!(u[0].source.as_ref().map(|e| e.lines), Some([5, 5]));
    // Not also an addition, an omission or a number mismatch.
    assert_eq!(f.len(), 1, "{f:#?}");
}

#[test]
fn a_slightly_edited_english_paragraph_is_found_too() {
    let english = "About 1,300 passengers used the boats on the first day, according to the company, which had expected less than half that number.";
    let german = "Nach Angaben der Gesellschaft nutzten am ersten Tag rund 1200 Fahrgäste die Boote; erwartet hatte sie weniger als die Hälfte.";
    let f = checked(EN, &DE.replace(german, english), Language::DE);
    let u = untranslated(&f);
    assert_eq!(u.len(), 1, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Error);
}

#[test]
fn an_english_sentence_in_a_translated_paragraph_is_a_warning() {
    let en = EN.replace(
        "if demand stays high through the spring.",
        "if demand stays high through the spring. Tickets for that service will cost the same as in the daytime.",
    );
    let de = DE.replace(
        "wenn die Nachfrage im Frühjahr hoch bleibt.",
        "wenn die Nachfrage im Frühjahr hoch bleibt. Tickets for that service will cost the same as in the daytime.",
    );
    let f = checked(&en, &de, Language::DE);
    let u = untranslated(&f);
    assert_eq!(u.len(), 1, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Warning);
    assert_eq!(
        u[0].target.as_ref().map(|e| e.text.as_str()),
        Some("Tickets for that service will cost the same as in the daytime.")
    );
}

#[test]
fn a_long_english_caption_without_a_final_stop_is_an_error() {
    // A run of captions: long enough to be read as prose, though it does
    // not end like a sentence. A short label would stay at info.
    let caption_en = "Passengers boarding the first ferry of the season at the northern pier on Monday morning with their bicycles";
    let caption_de = "Fahrgäste gehen am Montagmorgen mit ihren Fahrrädern an der Nordmole an Bord der ersten Fähre der Saison";
    let en = format!("{EN}\n{caption_en}\n");
    let f = checked(&en, &format!("{DE}\n{caption_de}\n"), Language::DE);
    assert!(untranslated(&f).is_empty(), "{f:#?}");
    let f = checked(&en, &format!("{DE}\n{caption_en}\n"), Language::DE);
    let u = untranslated(&f);
    assert_eq!(u.len(), 1, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Error);
}

#[test]
fn a_command_identical_on_both_sides_is_not_untranslated() {
    let cmd = "\n\ngsettings set org.gnome.desktop.input-sources show-all-sources true\n\ntail -f /var/log/messages\n";
    let f = checked(&format!("{EN}{cmd}"), &format!("{DE}{cmd}"), Language::DE);
    assert!(untranslated(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_product_name_or_menu_path_is_not_untranslated() {
    let names = "\n\nNintendo Wii and Wii U Remotes\n\nSettings ▸ Privacy ▸ Screen Lock\n\nCtrl+Alt+T\n\nLena Holm, Arvo Ferries\n";
    let f = checked(
        &format!("{EN}{names}"),
        &format!("{DE}{names}"),
        Language::DE,
    );
    assert!(untranslated(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_same_language_pair_reports_nothing_untranslated() {
    let f = checked(EN, EN, Language::EN);
    assert!(untranslated(&f).is_empty(), "{f:#?}");
}

#[test]
fn a_quote_in_the_translations_language_kept_in_both_is_not_untranslated() {
    let quote = "\"Wir freuen uns sehr, dass so viele Menschen wieder mit unseren Booten über den See fahren wollen\", sagte Holm.";
    let en = EN.replace(
        "The company plans",
        &format!("{quote}\n\nThe company plans"),
    );
    let de = DE.replace(
        "Die Gesellschaft will",
        &format!("{quote}\n\nDie Gesellschaft will"),
    );
    let f = checked(&en, &de, Language::DE);
    assert!(untranslated(&f).is_empty(), "{f:#?}");
}

#[test]
fn prose_is_told_from_code_names_and_paths() {
    for prose in [
        "长江江豚的数量在过去五年里增加了近四分之一，科学家们说。",
        "“这是30年来第一个好消息。”",
        "Open a terminal, type lshw -C network and press Enter.",
        "Click on Settings to open the panel.",
        "Die Gesellschaft will im Juli einen Abendbetrieb einführen.",
    ] {
        assert!(is_prose(prose), "{prose}");
    }
    for code in [
        "gsettings set org.gnome.desktop.input-sources show-all-sources true",
        "Bus 005 Device 009: ID 12d1:140b Huawei Technologies Co., Ltd. EC1260 Wireless Data Modem",
        "https://example.org/help/index.html",
        "Settings ▸ Privacy ▸ Screen Lock",
        "Nintendo Wii and Wii U Remotes",
        "/usr/share/help/C/gnome-help",
    ] {
        assert!(!is_prose(code), "{code}");
    }
}

#[test]
fn similarity_allows_an_edit_not_a_translation() {
    let a = "The company plans to add an evening service in July.";
    assert!(similarity(a, "The company plans to add an evening service in June.") >= NEAR_IDENTITY);
    assert!(
        similarity(
            a,
            "Die Gesellschaft will im Juli einen Abendbetrieb einführen."
        ) < 0.5
    );
    let long_a = a.repeat(30);
    let long_b = long_a.replacen("July", "June", 1);
    assert!(similarity(&long_a, &long_b) >= NEAR_IDENTITY);
}

#[test]
fn folding_lowers_case_and_makes_each_whitespace_run_one_space() {
    let texts = [
        "  The Company\tplans\u{b}an  EVENING\u{a0}service. ",
        "Straße ÜBER den Fluß\u{2003}(İstanbul)",
        "ΟΔΟΣ ΣΟΦΙΑΣ, «Ελλάδα»\n",
        "東京都 は 2026年",
        "",
        " \t ",
    ];
    for t in texts {
        let expected = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        assert_eq!(fold(t), expected, "{t:?}");
    }
    // A run of sentences folds to their folds joined by spaces.
    for a in texts {
        for b in texts {
            let folded = Folded {
                sentences: vec![fold(a), fold(b)],
            };
            assert_eq!(folded.join(0..2), fold(&format!("{a} {b}")), "{a:?} {b:?}");
        }
    }
}

#[test]
fn folding_a_folded_text_changes_nothing() {
    // Every character alone, after a letter and before a capital sigma
    // (whose lower case depends on what follows), and the texts above.
    let mut texts: Vec<String> = (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .flat_map(|c| [c.to_string(), format!("a{c}"), format!("{c}Σ b")])
        .collect();
    texts.push("  The Company\tplans\u{b}an  EVENING\u{a0}service. ".to_string());
    texts.push("ΟΔΟΣ ΣΟΦΙΑΣ, «Ελλάδα» İstanbul Straße".to_string());
    for t in &texts {
        let once = fold(t);
        assert_eq!(fold(&once), once, "{t:?}");
    }
}

#[test]
fn untranslated_text_is_not_also_an_omission_or_a_repeat() {
    // The original says one instruction twice; the translation leaves both
    // in English. Without the untranslated stage the second copy is a
    // repeat (an addition) and its original an omission.
    let rep = "To see the departures, open the app and tap the name of your stop on the map.";
    let twice = |text: &str, after: &str| {
        format!(
            "{}\n{rep}\n",
            text.replacen(after, &format!("{after}\n\n{rep}"), 1)
        )
    };
    let en = twice(EN, "a winter break of four months.");
    let de = twice(
        DE,
        "nach einer viermonatigen Winterpause wieder aufgenommen.",
    );
    let f = checked(&en, &de, Language::DE);
    assert_eq!(untranslated(&f).len(), 2, "{f:#?}");
    assert!(f.iter().all(|f| f.kind == Kind::Untranslated), "{f:#?}");
}

#[test]
fn words_are_counted_as_a_reader_counts_them() {
    assert_eq!(word_count("Press Ctrl+Alt+T"), 2);
    assert_eq!(word_count("Settings ▸ Privacy"), 2);
    assert_eq!(word_count("科学家们说"), 3);
}

#[test]
fn a_chinese_paragraph_left_in_an_english_translation_is_found() {
    let zh = "市政府周一宣布，新的自行车道将于六月开通。\n\n这条自行车道全长十二公里，连接火车站和大学校园，总投资约为八千万元。\n\n市民可以通过手机应用查询实时路况。\n";
    let en = "The city government announced on Monday that the new cycle lane will open in June.\n\n这条自行车道全长十二公里，连接火车站和大学校园，总投资约为八千万元。\n\nResidents can check the traffic in real time with a mobile app.\n";
    let doc = |name: &str, text: &str| {
        Document::from_text(
            std::path::Path::new(name),
            text.to_string(),
            InputFormat::Markdown,
        )
    };
    let options = CheckOptions {
        source_language: Some(Language::from_code("zh").unwrap()),
        target_language: Some(Language::EN),
        ..CheckOptions::default()
    };
    let f = check(doc("zh.md", zh), doc("en.md", en), &options)
        .expect("the pair checks")
        .findings;
    let u = untranslated(&f);
    assert_eq!(u.len(), 1, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Error);
    assert_eq!(u[0].target.as_ref().map(|e| e.lines), Some([3, 3]));
}

#[test]
fn the_evidence_says_how_the_text_repeats_the_original_and_reads() {
    let german = "Nach Angaben der Gesellschaft nutzten am ersten Tag rund 1200 Fahrgäste die Boote; erwartet hatte sie weniger als die Hälfte.";
    let copy = "About 1,200 passengers used the boats on the first day, according to the company, which had expected fewer than half that number.";
    let edited = "About 1,300 passengers used the boats on the first day, according to the company, which had expected less than half that number.";
    for (english, expected) in [(copy, Identity::Copy), (edited, Identity::Near)] {
        let f = checked(EN, &DE.replace(german, english), Language::DE);
        let u = untranslated(&f);
        let Some(Evidence::Untranslated {
            language,
            detected,
            detection_confidence,
            identity,
            similarity,
            words,
        }) = &u[0].evidence
        else {
            panic!("{f:#?}");
        };
        assert_eq!((*language, *detected), (Language::EN, Some(Language::EN)));
        assert!(detection_confidence.is_some_and(|c| c >= LANGUAGE_CONFIDENCE));
        assert_eq!(*identity, expected);
        match expected {
            // A copy is found by folding; no similarity is measured.
            Identity::Copy => assert_eq!(*similarity, None),
            _ => assert!(
                similarity.is_some_and(|s| (NEAR_IDENTITY..1.0).contains(&s)),
                "{similarity:?}"
            ),
        }
        assert_eq!(*words, 22);
    }
}

/// [`Reader::detect_unless_clear`] of a text read on its own.
fn detect_unless_clear(reader: &Reader, text: &str) -> Detected {
    reader.detect_unless_clear(text, Wording::of(text).letters, || {
        reader.function_words(text)
    })
}

/// A reader of English originals and German translations.
fn english_german_reader() -> Reader {
    let (en, de) = (Language::EN, Language::DE);
    let detector = Some(whatlang::Detector::with_allowlist(vec![
        en.to_whatlang().expect("whatlang reads English"),
        de.to_whatlang().expect("whatlang reads German"),
    ]));
    Reader::with(detector, en.to_whatlang(), [en, de])
}

#[test]
fn function_words_are_counted_for_each_language_of_the_pair() {
    let reader = english_german_reader();
    // "Die", "der", "auf", "dem" are German; "in" is in both lists and
    // counts for neither; "Fährgesellschaft" is in none.
    assert_eq!(
        reader.function_words("Die Fährgesellschaft der Stadt fährt in Zukunft auf dem See."),
        [0, 4]
    );
    assert_eq!(
        reader.function_words("The ferry company of the town sails in future on the lake."),
        [5, 0]
    );
    // A language without a list: nothing is counted.
    let hungarian = Language::from_code("hu").expect("a language code");
    let reader = Reader::with(None, None, [Language::EN, hungarian]);
    assert_eq!(reader.function_words("The ferry of the town."), [0, 0]);
}

#[test]
fn only_a_block_clearly_in_the_translations_language_skips_whatlang() {
    let reader = english_german_reader();
    // Clearly German: read as German without whatlang, so without its
    // confidence.
    let german = detect_unless_clear(
        &reader,
        "Die Gesellschaft will im Juli einen Abendbetrieb auf dem See einführen, wenn die Nachfrage hoch bleibt.",
    );
    assert_eq!(german.reading, Reading::Target);
    assert_eq!(german.language, Some(Language::DE));
    assert_eq!(german.confidence, None);
    // English, or German mixed with as much English: whatlang decides.
    for text in [
        "The company plans to add an evening service in July if the demand for it stays high through the spring.",
        "Die Gesellschaft will im Juli the evening service of the company and all of its ferry boats einführen.",
    ] {
        assert!(
            detect_unless_clear(&reader, text).confidence.is_some(),
            "{text}"
        );
    }
    // Too short to read either way.
    let short = detect_unless_clear(&reader, "Die Gesellschaft will im Juli fahren.");
    assert_eq!(short.reading, Reading::Unsure);
}

#[test]
fn a_copied_line_of_seven_words_is_a_warning_a_shorter_one_a_note() {
    // A title line or headline run, not a heading and without a final
    // stop, left as the original wrote it.
    let long_en = "New ferry timetable for the northern islands from May";
    let long_de = "Neuer Fahrplan für die nördlichen Inseln ab Mai";
    let short_en = "Ferry timetable for the islands";
    let short_de = "Fahrplan für die Inseln";
    let en = format!("{EN}\n{long_en}\n\n{short_en}\n");
    let f = checked(
        &en,
        &format!("{DE}\n{long_de}\n\n{short_de}\n"),
        Language::DE,
    );
    assert!(untranslated(&f).is_empty(), "{f:#?}");
    let f = checked(
        &en,
        &format!("{DE}\n{long_en}\n\n{short_en}\n"),
        Language::DE,
    );
    let u = untranslated(&f);
    assert_eq!(u.len(), 2, "{f:#?}");
    assert_eq!(u[0].severity, Severity::Warning, "{:?}", u[0].message);
    assert_eq!(u[1].severity, Severity::Info, "{:?}", u[1].message);
}

#[test]
fn words_judged_at_a_glance_are_judged_as_by_the_full_rules() {
    let mut judged = 0;
    for stem in [
        "word", "Word", "WORD", "a", "I", "x", "", "wörd", "foo_bar", "v2", "a-b", "don't",
    ] {
        for end in ["", ",", ".", ";", ":", "!", "?", "..", "),", "\"", "…"] {
            let w = format!("{stem}{end}");
            match at_a_glance(&w) {
                Some(plain) => {
                    judged += 1;
                    assert!(!is_code_word(&w), "{w:?}");
                    assert_eq!(plain, is_plain_word(&w), "{w:?}");
                    // Lower-cased, every such word is plain.
                    assert!(is_plain_word(&w.to_lowercase()), "{w:?}");
                }
                None => assert!(
                    !stem.chars().all(|c| c.is_ascii_alphabetic())
                        || stem.is_empty()
                        || !["", ",", ".", ";", ":", "!", "?"].contains(&end),
                    "{w:?}"
                ),
            }
        }
    }
    assert_eq!(judged, 6 * 7);
}

/// Words as a reader counts them, over the whole text (the rule
/// [`Wording`] applies a piece at a time).
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| {
            if !w.is_ascii() && w.chars().any(ideographic) {
                crate::text::word_count(w).max(1)
            } else {
                1
            }
        })
        .sum()
}

/// The prose test over the whole text, as it was before [`Wording`].
fn is_prose(text: &str) -> bool {
    let (mut n, mut code, mut plain) = (0usize, 0usize, 0usize);
    for (i, w) in text.split_whitespace().enumerate() {
        n += 1;
        code += usize::from(is_code_word(w));
        plain += usize::from(is_plain_word(w) || i == 0 && is_plain_word(&w.to_lowercase()));
    }
    if n == 0 {
        return false;
    }
    let n = n as f64;
    code as f64 <= MAX_CODE_SHARE * n && plain as f64 >= MIN_PLAIN_SHARE * n
}

/// Texts for the wording's equivalence test: prose, code, names, other
/// scripts, capitals, empty and blank texts.
const WORDING_TEXTS: [&str; 16] = [
    "",
    " \t ",
    "The company plans to add an evening service in July.",
    "Open a terminal, type lshw -C network and press Enter.",
    "Die Gesellschaft will im Juli einen Abendbetrieb einführen.",
    "Settings ▸ Privacy ▸ Screen Lock",
    "Nintendo Wii and Wii U Remotes",
    "gsettings set org.gnome.desktop.input-sources show-all-sources true",
    "/usr/share/help/C/gnome-help",
    "长江江豚的数量在过去五年里增加了近四分之一，科学家们说。",
    "“这是30年来第一个好消息。” 东京都 は 2026年",
    "Élan, ÉCOLE and école (Straße) — v2 foo_bar x=1",
    "«Ελλάδα» ΟΔΟΣ ΣΟΦΙΑΣ.",
    "OK.",
    "click Apply, then Close",
    "A long sentence of many plain words that goes on and on until it has far more than eighty letters in it.",
];

#[test]
fn a_texts_wording_is_what_the_whole_text_rules_say_and_adds_up_over_sentences() {
    let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
    let reader = english_german_reader();
    for a in WORDING_TEXTS {
        let w = Wording::of(a);
        assert_eq!(w.words, word_count(a), "{a:?}");
        assert_eq!(w.is_prose(), is_prose(a), "{a:?}");
        assert_eq!(w.letters, letters(a).min(LANGUAGE_LETTERS), "{a:?}");
        for b in WORDING_TEXTS {
            for c in ["", "x", "Dritte Sätze der Welt."] {
                let joined = format!("{a} {b} {c}");
                let sum = w.then(Wording::of(b)).then(Wording::of(c));
                assert_eq!(sum, Wording::of(&joined), "{joined:?}");
                assert_eq!(sum.is_prose(), is_prose(&joined), "{joined:?}");
                assert_eq!(sum.words, word_count(&joined), "{joined:?}");
                let [s, t] = reader.function_words(&joined);
                let [s1, t1] = reader.function_words(a);
                let [s2, t2] = reader.function_words(b);
                let [s3, t3] = reader.function_words(c);
                assert_eq!([s, t], [s1 + s2 + s3, t1 + t2 + t3], "{joined:?}");
            }
        }
    }
}
