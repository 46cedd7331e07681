//! Findings from hand-made alignments, so each rule is tested on its own.

use super::*;
use crate::align::Link;
use crate::document::{Document, InputFormat};
use crate::language::Language;

use crate::testing::{alignment, doc};

fn links(pairs: &[(std::ops::Range<usize>, std::ops::Range<usize>)]) -> Alignment {
    Alignment {
        links: pairs
            .iter()
            .map(|(s, t)| Link {
                source: s.clone(),
                target: t.clone(),
                confidence: 0.9,
                loose: None,
            })
            .collect(),
        moves: Vec::new(),
    }
}

fn run(
    src: &str,
    tgt: &str,
    a: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Finding> {
    let (s, t) = (doc(src, Language::EN), doc(tgt, Language::DE));
    detect(&s, &t, &links(a), &FindingOptions::default())
}

const EN: &str = "The mayor opened the new bridge on Monday.\n\nIt cost 12 million euros and took three years to build. Critics called it too expensive.\n\nTraffic will start on Friday.\n";

#[test]
fn faithful_translation_has_no_findings() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        EN,
        de,
        &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..4)],
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_dropped_paragraph_is_one_finding() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        EN,
        de,
        &[(0..1, 0..1), (1..2, 1..1), (2..3, 1..1), (3..4, 1..2)],
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Omission);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].source.as_ref().map(|e| e.lines), Some([3, 3]));
    assert!(f[0].message.contains("12"));
}

#[test]
fn a_changed_number_is_a_mismatch() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nSie kostete 15 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        EN,
        de,
        &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..4)],
    );
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::NumberMismatch],
        "{f:?}"
    );
}

#[test]
fn a_changed_scale_is_a_number_mismatch_naming_the_scale_word() {
    let en = "The city will spend 10 million euros on the new bridge.\n";
    for (de, shown) in [
        (
            "Die Stadt wird 1 Million Euro für die neue Brücke ausgeben.\n",
            "1 Million",
        ),
        (
            "Die Stadt wird 7 Millionen Euro für die neue Brücke ausgeben.\n",
            "7 Millionen",
        ),
    ] {
        let f = run(en, de, &[(0..1, 0..1)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].kind, f[0].severity),
            (Kind::NumberMismatch, Severity::Error)
        );
        assert!(
            f[0].message.contains(shown) && f[0].message.contains("10 million"),
            "{}",
            f[0].message
        );
    }
}

#[test]
fn an_invented_paragraph_and_a_heading_are_additions() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nNeue Wege\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n\nDie Opposition kündigte an, den Bau im Stadtrat erneut zu prüfen.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        EN,
        de,
        &[
            (0..1, 0..1),
            (1..1, 1..2),
            (1..2, 2..3),
            (2..3, 3..4),
            (3..3, 4..5),
            (3..4, 5..6),
        ],
    );
    let kinds: Vec<(Kind, Severity)> = f.iter().map(|f| (f.kind, f.severity)).collect();
    assert_eq!(
        kinds,
        [
            (Kind::Addition, Severity::Info),
            (Kind::Addition, Severity::Error)
        ],
        "{f:?}"
    );
}

const EN_Q: &str = "The minister spoke on Monday.\n\n\"We will not raise taxes this year, and we will protect the budget for schools,\" she said.\n";

#[test]
fn a_faithful_quote_produces_nothing() {
    let de = "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern dieses Jahr nicht erhöhen, und wir werden das Budget für Schulen schützen“, sagte sie.\n";
    assert!(run(EN_Q, de, &[(0..1, 0..1), (1..2, 1..2)]).is_empty());
}

#[test]
fn a_truncated_or_negated_quote_is_altered() {
    let cut =
        "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern nicht erhöhen“, sagte sie.\n";
    let f = run(EN_Q, cut, &[(0..1, 0..1), (1..2, 1..2)]);
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        [Kind::AlteredQuote],
        "{f:?}"
    );
    let negated = "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern dieses Jahr erhöhen, und wir werden das Budget für Schulen schützen“, sagte sie.\n";
    let f = run(EN_Q, negated, &[(0..1, 0..1), (1..2, 1..2)]);
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("negation")),
        "{f:?}"
    );
}

#[test]
fn a_quote_without_marks_is_reported_speech() {
    let de = "Die Ministerin sprach am Montag.\n\nSie sagte, man werde die Steuern dieses Jahr nicht erhöhen und das Budget für Schulen schützen.\n";
    let f = run(EN_Q, de, &[(0..1, 0..1), (1..2, 1..2)]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].message.contains("quotation marks"));
}

#[test]
fn a_repeated_paragraph_says_what_it_repeats() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n\nDer Verkehr beginnt am Freitag.\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n";
    let f = run(
        EN,
        de,
        &[
            (0..1, 0..1),
            (1..2, 1..2),
            (2..3, 2..3),
            (3..4, 3..4),
            (4..4, 4..6),
        ],
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Addition);
    assert_eq!(f[0].repeats.as_ref().map(|e| e.lines), Some([3, 3]));
}

#[test]
fn a_quote_kept_as_reported_speech_with_one_quoted_word_lost_its_marks() {
    let de = "Die Ministerin sprach am Montag.\n\nSie sagte, man werde die Steuern dieses Jahr nicht erhöhen und das Budget für „Schulen“ schützen.\n";
    let f = run(EN_Q, de, &[(0..1, 0..1), (1..2, 1..2)]);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].message.contains("quotation marks"), "{f:?}");
    assert!(!f[0].message.contains("cut to"), "{f:?}");
    // A quote cut inside its marks is still a cut, not reported speech.
    let cut =
        "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern nicht erhöhen“, sagte sie.\n";
    let f = run(EN_Q, cut, &[(0..1, 0..1), (1..2, 1..2)]);
    assert!(f[0].message.contains("cut to"), "{f:?}");
}

#[test]
fn a_moderate_length_gap_needs_a_foreign_fact() {
    // One paragraph aligned as a 2-3 link: the third German sentence makes
    // the passage moderately too long. With a year the original never
    // writes it is an addition; without one, the gap is noise.
    let en = "The council approved the new budget for the coming year after a long debate on Tuesday evening. Most members praised the plan for schools, parks and the old library.\n";
    let base = "Der Rat billigte am Dienstagabend nach langer Debatte den neuen Haushalt für das kommende Jahr. Die meisten Mitglieder lobten den Plan für Schulen, Parks und die alte Bibliothek.";
    let with_year = format!("{base} Die Stadt entstand 1987 am Fluss.\n");
    let f = run(en, &with_year, &[(0..2, 0..3)]);
    let added: Vec<_> = f.iter().filter(|f| f.kind == Kind::Addition).collect();
    assert_eq!(added.len(), 1, "{f:?}");
    assert_eq!(added[0].severity, Severity::Warning);
    assert_eq!(
        added[0].target.as_ref().map(|e| e.text.as_str()),
        Some("Die Stadt entstand 1987 am Fluss.")
    );
    let without = format!("{base} Die Stadt entstand einst am Fluss.\n");
    assert!(run(en, &without, &[(0..2, 0..3)]).is_empty());
}

#[test]
fn one_finding_per_kind_and_text_keeping_the_more_severe() {
    let excerpt = |at: usize| Excerpt {
        lines: [1, 1],
        columns: [1, 5],
        bytes: [at, at + 5],
        text: "added".into(),
    };
    let add = |severity, at| {
        Finding::new(Kind::Addition, severity, 0.5, "x".into()).with_target(Some(excerpt(at)))
    };
    let out = dedup(vec![
        add(Severity::Warning, 0),
        add(Severity::Error, 0),
        add(Severity::Warning, 10),
        Finding::new(Kind::NumberMismatch, Severity::Info, 0.5, "y".into())
            .with_target(Some(excerpt(0))),
    ]);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].severity, Severity::Error);
    assert_eq!(out[1].target.as_ref().map(|e| e.bytes[0]), Some(10));
    assert_eq!(out[2].kind, Kind::NumberMismatch);
}

#[test]
fn a_quote_merged_into_its_neighbours_link_but_missing_is_dropped() {
    let en = "The farmer has grown grapes near Libourne for thirty years and now plans to pull up half of his vines. \"My grandfather planted them in 1961.\"\n";
    // The quoted sentence is gone; the aligner merged it into the link.
    let dropped = "Der Winzer baut seit dreißig Jahren bei Libourne Trauben an und will nun die Hälfte seiner Reben roden.\n";
    let f = run(en, dropped, &[(0..2, 0..1)]);
    let omission = f
        .iter()
        .find(|f| f.kind == Kind::Omission)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert!(omission.message.contains("1961"), "{}", omission.message);
    assert!(
        omission
            .source
            .as_ref()
            .unwrap()
            .text
            .contains("grandfather")
    );
    // Reported instead of quoted: the figure is there, nothing was dropped.
    let reported = "Der Winzer baut seit dreißig Jahren bei Libourne Trauben an und will nun die Hälfte seiner Reben roden. Sein Großvater habe sie 1961 gepflanzt.\n";
    let f = run(en, reported, &[(0..2, 0..2)]);
    assert!(!f.iter().any(|f| f.kind == Kind::Omission), "{f:?}");
}

fn run_ru(
    src: &str,
    tgt: &str,
    a: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Finding> {
    let ru = Language::from_code("ru").expect("Russian is known");
    let (s, t) = (doc(src, Language::EN), doc(tgt, ru));
    detect(&s, &t, &links(a), &FindingOptions::default())
}

fn warnings(f: &[Finding]) -> Vec<&Finding> {
    f.iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

#[test]
fn two_quotes_around_a_speaker_may_be_one_in_the_translation() {
    let en = "\"Our partners are interested, and their interest is growing,\" said Irina Volkova, a deputy director of the port. \"But they want a clear timetable and fixed prices.\"\n";
    // Russian keeps both parts in one pair of guillemets, the speaker
    // between dashes.
    let interrupted = "«Наши партнёры заинтересованы, и их интерес растёт, — сказала Ирина Волкова, заместитель директора порта. — Но им нужны чёткое расписание и фиксированные цены».\n";
    let f = run_ru(en, interrupted, &[(0..2, 0..1)]);
    assert!(warnings(&f).is_empty(), "{f:?}");
    // One quote before the speaker.
    let en = "\"We are not giving up on the route,\" Sorokin said. \"It simply needs more time than we expected.\"\n";
    let merged = "«Мы не отказываемся от этого маршрута. Просто ему нужно больше времени, чем мы ожидали», — сказал Сорокин.\n";
    let f = run_ru(en, merged, &[(0..2, 0..1)]);
    assert!(warnings(&f).is_empty(), "{f:?}");
    // Joined, the quote is still compared: a dropped negation is found.
    let negated = merged.replace("не отказываемся", "отказываемся");
    let f = run_ru(en, &negated, &[(0..2, 0..1)]);
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("negation")),
        "{f:?}"
    );
}

#[test]
fn a_negation_is_lost_only_when_clauses_and_cues_both_say_so() {
    let en = "\"The route is not ready, and it will not be ready for years,\" he said.\n";
    // Two cues joined by "и" without a comma: one clause by punctuation.
    let ru = "«Маршрут не готов и не будет готов ещё много лет», — сказал он.\n";
    let f = run_ru(en, ru, &[(0..1, 0..1)]);
    assert!(warnings(&f).is_empty(), "{f:?}");
    let dropped = "«Маршрут готов и будет готов ещё много лет», — сказал он.\n";
    let f = run_ru(en, dropped, &[(0..1, 0..1)]);
    assert!(
        f.iter().any(|f| f.message.contains("drops a negation")),
        "{f:?}"
    );
}

#[test]
fn a_long_sentence_that_lost_half_its_translation_is_an_omission() {
    let en = "The mayor opened the new bridge on Monday.\n\nThe lake now stays frozen for almost three weeks less than it did fifty years ago, according to a study published on Tuesday, a change that threatens both the lake's unique ecosystem and its fast-growing winter tourism industry.\n\nTraffic will start on Friday.\n";
    let half = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nDiese Veränderung bedroht das einzigartige Ökosystem des Sees.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(en, half, &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
    assert!(
        f.iter().any(|f| f.kind == Kind::Omission
            && f.severity == Severity::Warning
            && f.message.contains("drops part of")),
        "{f:?}"
    );
    // Split in two with one piece left unlinked: a split, not a loss.
    let split = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nDer See bleibt heute fast drei Wochen kürzer zugefroren als vor fünfzig Jahren, so eine am Dienstag veröffentlichte Studie. Diese Veränderung bedroht das einzigartige Ökosystem des Sees und den Wintertourismus.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        en,
        split,
        &[(0..1, 0..1), (1..1, 1..2), (1..2, 2..3), (2..3, 3..4)],
    );
    assert!(
        !f.iter().any(|f| f.message.contains("drops part of")),
        "{f:?}"
    );
}

#[test]
fn a_quote_in_an_added_sentence_is_an_invented_quote() {
    let en = "The mayor opened the bridge on Monday. \"It will change the city,\" she said.\n";
    let de = "Die Bürgermeisterin eröffnete am Montag die Brücke. „Sie wird die Stadt verändern“, sagte sie. „Wir haben jeden Cent zweimal umgedreht, bevor wir bauten“, fügte der Kämmerer hinzu.\n";
    let f = run(en, de, &[(0..1, 0..1), (1..2, 1..2), (2..2, 2..3)]);
    assert!(f.iter().any(|f| f.kind == Kind::Addition), "{f:?}");
    let invented = f
        .iter()
        .find(|f| f.kind == Kind::AlteredQuote)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert!(invented.message.contains("invented quote"));
    assert!(invented.source.is_none());
    assert!(invented.target.as_ref().unwrap().text.contains("zweimal"));
}

#[test]
fn a_paragraph_told_elsewhere_is_moved_not_lost() {
    let en = "The mayor opened the bridge on Monday.\n\nIt cost 12 million euros, said Anna Berger, who led the project for 7 years.\n\nTraffic will start on Friday.\n";
    let de = "Die Bürgermeisterin eröffnete am Montag die Brücke.\n\nDer Verkehr beginnt am Freitag.\n\nSie kostete 12 Millionen Euro, sagte Anna Berger, die das Projekt 7 Jahre lang leitete.\n";
    let a = [(0..1, 0..1), (1..2, 1..1), (2..3, 1..2), (3..3, 2..3)];
    let f = run(en, de, &a);
    // Reported once, as moved, and not also as lost and added.
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].kind, f[0].severity), (Kind::Moved, Severity::Info));
    assert_eq!(f[0].source.as_ref().map(|e| e.lines), Some([3, 3]));
    assert_eq!(f[0].target.as_ref().map(|e| e.lines), Some([5, 5]));
    // Without its figures the paragraph told elsewhere is another one.
    let changed = de.replace("12 Millionen", "20 Millionen");
    let f = run(en, &changed, &a);
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::Omission && f.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_year_and_a_place_do_not_make_a_move() {
    let en = "The mayor opened the bridge on Monday.\n\nIn 2023 the council in Berlin approved the plan after a long debate.\n\nTraffic will start on Friday.\n";
    let de = "Die Bürgermeisterin eröffnete am Montag die Brücke.\n\nDer Verkehr beginnt am Freitag.\n\nSchon 2023 hatten Kritiker in Berlin vor steigenden Kosten gewarnt.\n";
    let a = [(0..1, 0..1), (1..2, 1..1), (2..3, 1..2), (3..3, 2..3)];
    let f = run(en, de, &a);
    assert!(
        !f.iter()
            .any(|f| f.message.contains("moved") || f.message.contains("moves")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::Omission && f.severity >= Severity::Warning)
    );
}

#[test]
fn a_short_added_sentence_without_facts_is_a_note() {
    let en = "The mayor opened the bridge on Monday.\n";
    let short =
        "Die Bürgermeisterin eröffnete am Montag die Brücke. Die Sekunden verstrichen langsam.\n";
    let f = run(en, short, &[(0..1, 0..1), (1..1, 1..2)]);
    let added = f
        .iter()
        .find(|f| f.kind == Kind::Addition)
        .expect("an addition");
    assert_eq!(added.severity, Severity::Info, "{f:?}");
    let longer = "Die Bürgermeisterin eröffnete am Montag die Brücke. Viele Bürger feierten die Eröffnung bis spät in die Nacht.\n";
    let f = run(en, longer, &[(0..1, 0..1), (1..1, 1..2)]);
    let added = f
        .iter()
        .find(|f| f.kind == Kind::Addition)
        .expect("an addition");
    assert!(added.severity >= Severity::Warning, "{f:?}");
}

#[test]
fn a_split_piece_that_carries_the_lost_figure_is_a_note() {
    let en = "The city said on Friday that it would rebuild the old bridge over the river, which has carried traffic since 1927, at a cost of 15 million euros.\n";
    let piece = |cost: &str| {
        format!(
            "Die Stadt teilte am Freitag mit, dass sie die alte Brücke über den Fluss neu bauen werde. Die Brücke trägt seit 1927 den Verkehr. Die Kosten liegen bei {cost} Millionen Euro.\n"
        )
    };
    let addition = |f: &[Finding]| {
        f.iter()
            .find(|f| f.kind == Kind::Addition)
            .map(|f| f.severity)
            .expect("an addition")
    };
    // The third piece carries the 15 million the first two lack.
    let f = run(en, &piece("15"), &[(0..1, 0..2), (1..1, 2..3)]);
    assert_eq!(addition(&f), Severity::Info, "{f:?}");
    // A figure of its own: an invented sentence.
    let f = run(en, &piece("40"), &[(0..1, 0..2), (1..1, 2..3)]);
    assert!(addition(&f) >= Severity::Warning, "{f:?}");
    // The rest brings a figure the original lacks: linked to the wrong
    // sentence, so the piece may be the original's true translation.
    let wrong = piece("15").replace("1927", "1935");
    let f = run(en, &wrong, &[(0..1, 0..2), (1..1, 2..3)]);
    assert!(addition(&f) >= Severity::Warning, "{f:?}");
    // The rest tells none of the original's figures: linked to the wrong
    // sentence as well.
    let none = piece("15").replace(" seit 1927", "");
    let f = run(en, &none, &[(0..1, 0..2), (1..1, 2..3)]);
    assert!(addition(&f) >= Severity::Warning, "{f:?}");
}

#[test]
fn line_lists_are_in_reading_order() {
    let d = Document::from_text(
        std::path::Path::new("t.txt"),
        "One.\n\nTwo\nlines.\n\nThree.\n\nFour.\n".to_string(),
        InputFormat::Text,
    );
    assert_eq!(
        additions::paragraph_lines(&d, &[3, 1, 2, 1]),
        "lines 3-4, line 6 and line 8"
    );
}

#[test]
fn gists_do_not_double_quotes() {
    assert_eq!(
        context::gist("\"Despite the rain,\" she said."),
        "'Despite the rain,' she said."
    );
}

// Evidence: what each finding rests on, typed.

#[test]
fn a_changed_scale_carries_both_numbers_with_their_scale_words() {
    let en = "The city will spend 10 million euros on the new bridge.\n";
    let de = "Die Stadt wird 1 Million Euro für die neue Brücke ausgeben.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert_eq!(f.len(), 1, "{f:?}");
    let Some(Evidence::Numbers { missing, added }) = &f[0].evidence else {
        panic!("{:?}", f[0].evidence);
    };
    let shown = |n: &evidence::NumberFact| {
        (
            n.text.clone(),
            n.values.clone(),
            n.scale.clone(),
            n.at.map(|p| (p.line, p.column)),
        )
    };
    assert_eq!(
        missing.iter().map(shown).collect::<Vec<_>>(),
        [(
            "10 million".to_string(),
            vec![1e7],
            Some("million".to_string()),
            Some((1, 21))
        )]
    );
    assert_eq!(
        added.iter().map(shown).collect::<Vec<_>>(),
        [(
            "1 Million".to_string(),
            vec![1e6],
            Some("Million".to_string()),
            Some((1, 16))
        )]
    );
}

#[test]
fn a_dropped_paragraph_carries_its_sentences_and_numbers() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nDer Verkehr beginnt am Freitag.\n";
    let f = run(
        EN,
        de,
        &[(0..1, 0..1), (1..2, 1..1), (2..3, 1..1), (3..4, 1..2)],
    );
    let Some(Evidence::Unmatched {
        missing,
        added,
        numbers,
        link_confidence,
        role,
        ..
    }) = &f[0].evidence
    else {
        panic!("{:?}", f[0].evidence);
    };
    assert_eq!(
        missing.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
        [
            "It cost 12 million euros and took three years to build.",
            "Critics called it too expensive."
        ]
    );
    assert!(added.is_empty());
    assert_eq!(*role, Role::Content);
    assert_eq!(*link_confidence, Some(0.9));
    assert_eq!(
        numbers
            .iter()
            .map(|n| (n.text.as_str(), n.at.map(|p| (p.line, p.column))))
            .collect::<Vec<_>>(),
        [("12 million", Some((3, 9)))]
    );
}

#[test]
fn a_moved_paragraph_carries_where_it_went() {
    let en = "The mayor opened the bridge on Monday.\n\nIt cost 12 million euros, said Anna Berger, who led the project for 7 years.\n\nTraffic will start on Friday.\n";
    let de = "Die Bürgermeisterin eröffnete am Montag die Brücke.\n\nDer Verkehr beginnt am Freitag.\n\nSie kostete 12 Millionen Euro, sagte Anna Berger, die das Projekt 7 Jahre lang leitete.\n";
    let f = run(
        en,
        de,
        &[(0..1, 0..1), (1..2, 1..1), (2..3, 1..2), (3..3, 2..3)],
    );
    assert_eq!(
        f[0].evidence,
        Some(Evidence::Moved {
            moved_from: crate::document::Position { line: 3, column: 1 },
            moved_to: crate::document::Position { line: 5, column: 1 },
            found_by: evidence::MoveEvidence::Facts,
        })
    );
}

#[test]
fn a_cut_quote_carries_its_length_ratio() {
    let cut =
        "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern nicht erhöhen“, sagte sie.\n";
    let f = run(EN_Q, cut, &[(0..1, 0..1), (1..2, 1..2)]);
    let Some(Evidence::Quote { checks }) = &f[0].evidence else {
        panic!("{:?}", f[0].evidence);
    };
    let [evidence::QuoteCheck::Cut(length)] = checks.as_slice() else {
        panic!("{checks:?}");
    };
    // Cut means under 60% of the expected length; the message says how much.
    assert!(
        length.length_ratio > 0.0 && length.length_ratio < 0.6,
        "{length:?}"
    );
    assert!(length.deviation < -5.0, "{length:?}");
    let percent = (100.0 * length.length_ratio).round();
    assert!(
        f[0].message.contains(&format!("{percent:.0}%"))
            || f[0].message.contains(&format!("{:.0}%", percent - 1.0)),
        "{} {length:?}",
        f[0].message
    );
}

#[test]
fn a_negated_quote_carries_the_counts_on_each_side() {
    let negated = "Die Ministerin sprach am Montag.\n\n„Wir werden die Steuern dieses Jahr erhöhen, und wir werden das Budget für Schulen schützen“, sagte sie.\n";
    let f = run(EN_Q, negated, &[(0..1, 0..1), (1..2, 1..2)]);
    let checks = f
        .iter()
        .find_map(|f| match &f.evidence {
            Some(Evidence::Quote { checks }) => Some(checks.clone()),
            _ => None,
        })
        .expect("a quote finding");
    assert!(
        checks.contains(&evidence::QuoteCheck::Negation {
            clauses: [1, 0],
            cues: [1, 0]
        }),
        "{checks:?}"
    );
}

#[test]
fn a_repeat_carries_the_lines_it_repeats() {
    let de = "Der Bürgermeister eröffnete am Montag die neue Brücke.\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n\nDer Verkehr beginnt am Freitag.\n\nSie kostete 12 Millionen Euro, der Bau dauerte drei Jahre. Kritiker nannten sie zu teuer.\n";
    let f = run(
        EN,
        de,
        &[
            (0..1, 0..1),
            (1..2, 1..2),
            (2..3, 2..3),
            (3..4, 3..4),
            (4..4, 4..6),
        ],
    );
    let Some(Evidence::Repeat {
        added,
        repeats,
        coverage,
    }) = &f[0].evidence
    else {
        panic!("{:?}", f[0].evidence);
    };
    assert_eq!(repeats, &[[3, 3]]);
    assert_eq!(added.len(), 2);
    assert!(*coverage > 0.9, "{coverage}");
}

#[test]
fn evidence_serialises_tagged_and_snake_case() {
    let en = "The city will spend 10 million euros on the new bridge.\n";
    let de = "Die Stadt wird 1 Million Euro für die neue Brücke ausgeben.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    let json = serde_json::to_value(&f[0]).unwrap();
    assert_eq!(json["evidence"]["type"], "numbers");
    assert_eq!(json["evidence"]["missing"][0]["kind"], "plain");
    assert_eq!(json["evidence"]["added"][0]["scale"], "Million");
    assert_eq!(json["evidence"]["added"][0]["at"]["column"], 16);
    let moved = serde_json::to_value(Evidence::Moved {
        moved_from: crate::document::Position { line: 3, column: 1 },
        moved_to: crate::document::Position { line: 9, column: 4 },
        found_by: evidence::MoveEvidence::Alignment,
    })
    .unwrap();
    assert_eq!(
        moved,
        serde_json::json!({"type": "moved", "moved_from": {"line": 3, "column": 1},
                           "moved_to": {"line": 9, "column": 4}, "found_by": "alignment"})
    );
}

#[test]
fn a_title_compounded_with_an_acronym_is_no_changed_name() {
    // "Minister" is a name-like title elsewhere in the original, "Staaten"
    // a capitalised noun elsewhere in the translation: read as names,
    // "US-Außenminister" (containing "Minister") stood for a changed name
    // where the original names "State".
    let en = "Foreign Minister Wang Yi spoke first.\n\nThe talks lasted three hours.\n\nIn Riyadh, US Secretary of State Marco Rubio met Russian officials.\n\nNo agreement was signed.\n\nWestern states were not invited.\n";
    let de = "Außenminister Wang Yi sprach zuerst.\n\nDie Gespräche dauerten drei Stunden.\n\nIn Riad traf US-Außenminister Marco Rubio russische Vertreter.\n\nEs wurde kein Abkommen unterzeichnet.\n\nWestliche Staaten waren nicht eingeladen.\n";
    let one_to_one: Vec<_> = (0..5).map(|i| (i..i + 1, i..i + 1)).collect();
    let f = run(en, de, &one_to_one);
    assert!(f.iter().all(|x| x.kind != Kind::NameMismatch), "{f:?}");
}

#[test]
fn a_doubted_dropped_paragraph_is_sure_when_nothing_near_is_unlinked() {
    let en = "Open the settings window and choose the network panel there.\n\nSelect the wireless network you want to connect to from the list.\n\nClick Connect when you are done.\n";
    let de = "Öffnen Sie das Einstellungsfenster und wählen Sie dort das Netzwerk.\n\nKlicken Sie auf Verbinden, wenn Sie fertig sind.\n";
    let unlinked_de = "Öffnen Sie das Einstellungsfenster und wählen Sie dort das Netzwerk.\n\nDas ist ein ganz anderer Absatz ohne Gegenstück.\n\nKlicken Sie auf Verbinden, wenn Sie fertig sind.\n";
    let (s, t, u) = (
        doc(en, Language::EN),
        doc(de, Language::DE),
        doc(unlinked_de, Language::DE),
    );
    // The aligner doubts the skip (a neighbour looked alike), but the
    // translation has nothing unlinked where the paragraph could be.
    let alone = alignment(&[(0..1, 0..1, 0.9), (1..2, 1..1, 0.1), (2..3, 1..2, 0.9)]);
    let f = detect(&s, &t, &alone, &FindingOptions::default());
    let dropped: Vec<&Finding> = f.iter().filter(|f| f.kind == Kind::Omission).collect();
    assert_eq!(dropped.len(), 1, "{f:?}");
    assert_eq!(dropped[0].severity, Severity::Error);
    // With an unlinked translation paragraph beside it, the doubt stands:
    // one level less.
    let beside = alignment(&[
        (0..1, 0..1, 0.9),
        (1..2, 1..1, 0.1),
        (2..2, 1..2, 0.1),
        (2..3, 2..3, 0.9),
    ]);
    let f = detect(&s, &u, &beside, &FindingOptions::default());
    let dropped: Vec<&Finding> = f.iter().filter(|f| f.kind == Kind::Omission).collect();
    assert_eq!(dropped.len(), 1, "{f:?}");
    assert_eq!(dropped[0].severity, Severity::Warning);
}

#[test]
fn a_sentence_merged_into_a_link_it_has_no_counterpart_in_is_an_addition() {
    let en = "The council approved the new budget for the city schools on Tuesday evening after a long and heated debate in the town hall. Several members had asked for more money for the libraries.\n\nThe mayor said the money would pay for teachers. Work on the new buildings starts in the spring. Parents welcomed the plan at a long meeting in the school hall on Wednesday evening.\n";
    let first = "Der Rat billigte am Dienstagabend nach langer und hitziger Debatte im Rathaus den neuen Haushalt der Schulen. Mehrere Mitglieder hatten mehr Geld für die Bibliotheken gefordert.\n\nDer Bürgermeister sagte, das Geld bezahle Lehrer. Die Arbeiten an den Neubauten beginnen im Frühjahr. ";
    let added = format!(
        "{first}Eltern begrüßten den Plan bei einem langen Treffen in der Schulaula am Mittwochabend. Am Fluss wurde gestern ein neuer Park eröffnet.\n"
    );
    let split = format!(
        "{first}Eltern begrüßten den Plan. Das war bei einem langen Treffen in der Schulaula am Mittwochabend.\n"
    );
    // The aligner doubts the merge (an invented sentence matches nothing).
    let a = alignment(&[
        (0..1, 0..1, 0.9),
        (1..2, 1..2, 0.9),
        (2..3, 2..3, 0.9),
        (3..4, 3..4, 0.9),
        (4..5, 4..6, 0.5),
    ]);
    let run = |tgt: &str, a: &Alignment| {
        let (s, t) = (doc(en, Language::EN), doc(tgt, Language::DE));
        detect(&s, &t, a, &FindingOptions::default())
    };
    // The paragraph as a whole is within its length: only the merged link
    // points at the invented sentence.
    let f = run(&added, &a);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Addition);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].message.contains("Am Fluss"), "{}", f[0].message);
    // A merge the aligner is sure of is left alone.
    let mut sure = a.clone();
    sure.links[4].confidence = 0.9;
    assert!(run(&added, &sure).is_empty());
    // A sentence the translation split in two keeps its length.
    let f = run(&split, &a);
    assert!(f.is_empty(), "{f:?}");
}

fn run_ja(
    src: &str,
    tgt: &str,
    a: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Finding> {
    let ja = Language::from_code("ja").expect("Japanese is known");
    let (s, t) = (doc(src, Language::EN), doc(tgt, ja));
    detect(&s, &t, &links(a), &FindingOptions::default())
}

#[test]
fn a_compact_japanese_sentence_for_two_is_no_omission() {
    let en = "Most printers sold in the last ten years can print over a wireless network without installing a driver. Your computer finds them by itself, as long as both are connected to the same network. You need the printer's name or address, which is usually shown on its control panel. It speaks IPP Everywhere.\n\nWait a few seconds while the printer is set up. A new entry appears in the panel when it is ready.\n";
    let lead = "ここ10年ほどの間に販売されたプリンターの多くは、ドライバーをインストールしなくても無線ネットワーク経由で印刷できます。コンピューターとプリンターが同じネットワークに接続されていれば、コンピューターが自動的にプリンターを見つけます。プリンターの名前またはアドレスが必要です。通常はプリンターの操作パネルに表示されます。IPP Everywhere に対応。\n\n";
    let ja = Language::from_code("ja").expect("Japanese is known");
    let run = |last: &str| {
        let (s, t) = (doc(en, Language::EN), doc(&format!("{lead}{last}\n"), ja));
        // The aligner doubts the merge of two sentences into one.
        let a = alignment(&[(0..4, 0..5, 0.9), (4..6, 5..6, 0.5)]);
        detect(&s, &t, &a, &FindingOptions::default())
    };
    // Both sentences told as one, compactly: no loss.
    let merged = run("プリンターの設定が終わるまで数秒待つと、パネルに新しい項目が表示されます。");
    assert!(warnings(&merged).is_empty(), "{merged:?}");
    // The first one dropped.
    let dropped = run("新しい項目が表示されます。");
    let kinds: Vec<Kind> = warnings(&dropped).iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Omission], "{dropped:?}");
}

#[test]
fn a_changed_day_is_a_number_mismatch() {
    let en = "The market opened on 8 March after a fire.\n";
    let faithful = run_ja(en, "市場は火災の後、3月8日に再開した。\n", &[(0..1, 0..1)]);
    assert!(warnings(&faithful).is_empty(), "{faithful:?}");
    let changed = run_ja(en, "市場は火災の後、3月9日に再開した。\n", &[(0..1, 0..1)]);
    let kinds: Vec<Kind> = warnings(&changed).iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::NumberMismatch], "{changed:?}");
    // A lost figure that is no day keeps its omission.
    let lost = run_ja(
        "The market opened on 8 March after a fire that cost 4,500 jobs.\n",
        "市場は火災の後、3月9日に再開した。\n",
        &[(0..1, 0..1)],
    );
    let kinds: Vec<Kind> = warnings(&lost).iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Omission], "{lost:?}");
}

#[test]
fn a_changed_month_is_a_number_mismatch() {
    let en = "The market opened on 8 August after a fire.\n";
    for (ja, changed) in [
        ("市場は火災の後、8月8日に再開した。\n", false),
        ("市場は火災の後、9月8日に再開した。\n", true),
    ] {
        let f = run_ja(en, ja, &[(0..1, 0..1)]);
        let kinds: Vec<Kind> = warnings(&f).iter().map(|f| f.kind).collect();
        let expected: &[Kind] = if changed {
            &[Kind::NumberMismatch]
        } else {
            &[]
        };
        assert_eq!(kinds, expected, "{ja}: {f:?}");
    }
    for (de, changed) in [
        ("Der Markt öffnete am 8. August nach einem Brand.\n", false),
        (
            "Der Markt öffnete am 8. September nach einem Brand.\n",
            true,
        ),
    ] {
        let f = run(en, de, &[(0..1, 0..1)]);
        let kinds: Vec<Kind> = warnings(&f).iter().map(|f| f.kind).collect();
        let expected: &[Kind] = if changed {
            &[Kind::NumberMismatch]
        } else {
            &[]
        };
        assert_eq!(kinds, expected, "{de}: {f:?}");
    }
    // A translation into a language whose months are unknown writes no
    // month the original lacks: nothing to compare.
    let hu = Language::from_code("hu").expect("Hungarian is known");
    let (s, t) = (
        doc(en, Language::EN),
        doc("A piac augusztus 8-án nyitott újra egy tűz után.\n", hu),
    );
    let f = detect(&s, &t, &links(&[(0..1, 0..1)]), &FindingOptions::default());
    assert!(warnings(&f).is_empty(), "{f:?}");
}

#[test]
fn an_added_lone_one_is_info() {
    let en = "Visitors stayed for a year and spent 300 dollars.\n";
    let f = run_ja(
        en,
        "訪問者は1年間滞在し、300ドルを使った。\n",
        &[(0..1, 0..1)],
    );
    assert!(warnings(&f).is_empty(), "{f:?}");
    let two = run_ja(
        en,
        "訪問者は2年間滞在し、300ドルを使った。\n",
        &[(0..1, 0..1)],
    );
    assert_eq!(warnings(&two).len(), 1, "{two:?}");
}

#[test]
fn a_japanese_quote_cut_by_half_is_found() {
    let en = "\"We wanted our customers to start the new year with the best tuna in the whole country,\" said Kiyoshi Onodera.\n";
    let full = run_ja(
        en,
        "小野寺清氏は「お客様に日本一のマグロで新年を迎えてほしかった」と語った。\n",
        &[(0..1, 0..1)],
    );
    assert!(warnings(&full).is_empty(), "{full:?}");
    // Half the characters of a dense script are too many to be noise.
    let cut = run_ja(
        en,
        "小野寺清氏は「お客様に新年を迎えてほしかった」と語った。\n",
        &[(0..1, 0..1)],
    );
    assert!(
        cut.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("cut")),
        "{cut:?}"
    );
}

#[test]
fn a_quoted_label_is_no_invented_quote_but_quoted_speech_is() {
    let en = "Click Save to keep the file. The mayor said that the bridge would open before the summer.\n";
    let de = "Klicken Sie auf „Speichern“, um die Datei zu behalten. Die Bürgermeisterin sagte: „Die Brücke wird noch vor dem Sommer eröffnet, das verspreche ich.“\n";
    let f = run(en, de, &[(0..1, 0..1), (1..2, 1..2)]);
    let invented: Vec<&Finding> = f
        .iter()
        .filter(|f| f.kind == Kind::AlteredQuote && f.message.contains("invented quote"))
        .collect();
    assert_eq!(invented.len(), 1, "{f:?}");
    assert!(invented[0].message.contains("Brücke"), "{f:?}");
}

#[test]
fn a_japanese_quote_that_lost_its_negation_is_an_altered_quote() {
    let en = "\"We will not close the museum in winter,\" the director said.\n";
    let negates = |f: &[Finding]| {
        f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("negation"))
    };
    // Negated with an ending, plain or polite: faithful.
    for faithful in [
        "館長は「冬の間も美術館を閉めない」と述べた。\n",
        "館長は「冬の間も美術館は閉めません」と述べた。\n",
    ] {
        let f = run_ja(en, faithful, &[(0..1, 0..1)]);
        assert!(!negates(&f), "{f:?}");
    }
    let lost = run_ja(
        en,
        "館長は「冬の間は美術館を閉める」と述べた。\n",
        &[(0..1, 0..1)],
    );
    assert!(negates(&lost), "{lost:?}");
    // A quote negated on both sides, once more in one of them, is left
    // alone: a free translation says "do not want" as "want to avoid".
    let en2 = "\"We are not against it. We do not want to lose the line,\" she said.\n";
    let f = run_ja(
        en2,
        "彼女は「反対ではない。路線を失うのは避けたい」と話した。\n",
        &[(0..1, 0..1)],
    );
    assert!(!negates(&f), "{f:?}");
}

#[test]
fn a_quotes_number_just_outside_the_marks_is_no_changed_figure() {
    let en = "The climb was told in our \"Mountain Chronicle 1955\" last spring.\n";
    let moved = "Die Besteigung stand im Frühjahr in unserer Bergchronik 1955, dem „Klassiker“ der Reihe.\n";
    let f = run(en, moved, &[(0..1, 0..1)]);
    assert!(
        !f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("1955")),
        "{f:?}"
    );
    // The year changed inside the marks is still a changed figure.
    let changed = "Die Besteigung stand im Frühjahr in unserer „Bergchronik 1956“.\n";
    let f = run(en, changed, &[(0..1, 0..1)]);
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("1955")),
        "{f:?}"
    );
}

#[test]
fn a_quoted_abbreviation_that_lost_its_marks_is_no_reported_speech() {
    let en = "The first ascent was made by the \"I.H.E. 1934\" team, as said.\n";
    let de = "Die Erstbesteigung gelang der Mannschaft der I.H.E. 1934, wie gesagt.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(
        !f.iter()
            .any(|f| f.message.contains("lost its quotation marks")),
        "{f:?}"
    );
    // Four words of speech that lost their marks still count.
    let en = "The first ascent was made, \"we will climb it\" they said.\n";
    let de = "Die Erstbesteigung gelang, sie sagten, sie würden ihn besteigen.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(
        f.iter()
            .any(|f| f.message.contains("lost its quotation marks")),
        "{f:?}"
    );
}

#[test]
fn a_quoted_title_written_plainly_is_no_replaced_name() {
    let en = "Then came the book \"Tents in the Clouds\", with its love of \"Human Interest\".\n";
    let de = "Dann erschien das Buch Tents in the Clouds, mit seiner Liebe zum „Human Interest“.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(!f.iter().any(|f| f.message.contains("replaces")), "{f:?}");
}

#[test]
fn a_name_replaced_in_a_quote_is_reported() {
    let en =
        "In Paris and Berlin, the minister said \"the money from Berlin will come\" on Monday.\n";
    let de =
        "In Paris und Berlin sagte der Minister am Montag: „das Geld aus Paris wird kommen“.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(
        f.iter()
            .any(|f| f.kind == Kind::AlteredQuote && f.message.contains("replaces Berlin")),
        "{f:?}"
    );
}

#[test]
fn a_number_written_as_a_roman_numeral_has_its_counterpart() {
    let en = "The porters carried the loads to the ridge, where camp 3 stood.\n";
    let de = "Die Träger brachten die Lasten zum Grat, wo Lager III stand.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(f.is_empty(), "{f:?}");
    // A Roman numeral of another value is no counterpart.
    let de = "Die Träger brachten die Lasten zum Grat, wo Lager IV stand.\n";
    let f = run(en, de, &[(0..1, 0..1)]);
    assert!(f.iter().any(|f| f.message.contains('3')), "{f:?}");
}

#[test]
fn a_sentence_merged_away_on_a_short_page_is_judged_by_the_languages_ratio() {
    let en = "# Keys repeat too fast\n\nSome keyboards send a key again and again when you hold it down for a moment. The delay before this starts can be set in the settings. Open the Typing panel and move the Delay slider to the right.\n";
    // The middle sentence is gone; the aligner merged it into the first
    // link, and the page's own ratio, measured with it, is low.
    let de = "# Tasten wiederholen zu schnell\n\nManche Tastaturen senden eine Taste immer wieder, wenn Sie sie kurz gedrückt halten. Öffnen Sie das Tippen-Panel und schieben Sie den Verzögerungsregler nach rechts.\n";
    let a = alignment(&[(0..1, 0..1, 0.9), (1..3, 1..2, 0.6), (3..4, 2..3, 0.9)]);
    let run = |target: Language| {
        let (s, t) = (doc(en, Language::EN), doc(de, target));
        detect(&s, &t, &a, &FindingOptions::default())
    };
    // English and German: German runs longer than English, so the merged
    // link is short by far and the lost sentence is named.
    let f = run(Language::DE);
    let dropped: Vec<&Finding> = f.iter().filter(|f| f.kind == Kind::Omission).collect();
    assert_eq!(dropped.len(), 1, "{f:?}");
    assert!(
        dropped[0].message.contains("delay"),
        "{}",
        dropped[0].message
    );
    // A language whose length is not known: only the page's own ratio
    // speaks, and by it the merge fits.
    let fi = Language::from_code("fi").expect("Finnish is known");
    let f = run(fi);
    assert!(f.iter().all(|f| f.kind != Kind::Omission), "{f:?}");
}

#[test]
fn a_loose_sentence_of_a_sure_merge_is_a_dropped_sentence() {
    // The aligner merged the second sentence into the first one's link,
    // sure of the link (0.9), and found it matching nothing there: the
    // link's length falls short by less than a doubtful merge needs, and
    // the sentence is reported only because it is loose.
    let en = "The council approved the plan for a new tram line through the old town on Tuesday evening, after a long and heated debate about its cost, its route and the years of building work it will bring. Nobody there voted against it.\n";
    let de = "Der Stadtrat billigte am Dienstagabend nach einer langen und hitzigen Debatte über Kosten, Streckenführung und die jahrelangen Bauarbeiten den Plan für eine neue Straßenbahnlinie durch die Altstadt.\n";
    let (s, t) = (doc(en, Language::EN), doc(de, Language::DE));
    let merged = |loose| Alignment {
        links: vec![Link {
            source: 0..2,
            target: 0..1,
            confidence: 0.9,
            loose,
        }],
        moves: Vec::new(),
    };
    let dropped = |f: &[Finding]| {
        f.iter()
            .any(|f| f.kind == Kind::Omission && f.message.contains("Nobody there voted"))
    };
    let sure = detect(&s, &t, &merged(None), &FindingOptions::default());
    assert!(!dropped(&sure), "{sure:#?}");
    let loose = detect(&s, &t, &merged(Some(1)), &FindingOptions::default());
    assert!(dropped(&loose), "{loose:#?}");
}

#[test]
fn a_loose_sentence_of_the_translation_is_an_addition_where_it_says_enough() {
    // The aligner merged an invented sentence into a sure link and found
    // it matching nothing there. The link is longer than predicted, by less
    // than a doubtful merge needs: a long loose sentence is reported, a
    // short one without a fact of its own (a split sentence's tail, a
    // translator's aside) is not.
    let en = "The council approved the plan for a new tram line through the old town on Tuesday evening, after a long and heated debate about its cost, its route and the years of building work it will bring, and after the mayor had promised that the shops along the narrow streets of the centre would be paid for every month in which the works kept their customers away, and that the line would run through the night at weekends once it opened.\n";
    let first = "Der Stadtrat billigte am Dienstagabend nach einer langen und hitzigen Debatte über Kosten, Streckenführung und die jahrelangen Bauarbeiten den Plan für eine neue Straßenbahnlinie durch die Altstadt, nachdem die Bürgermeisterin versprochen hatte, die Geschäfte in den engen Gassen der Innenstadt für jeden Monat zu entschädigen, in dem die Bauarbeiten ihre Kundschaft fernhalten, und die Bahn nach der Eröffnung an allen Wochenenden ohne Unterbrechung die ganze Nacht hindurch fahren zu lassen, damit auch die Nachtschwärmer sicher nach Hause kommen.";
    let long = "Viele Anwohner hatten sich in den Wochen davor in langen Briefen an die Zeitung und an die Verwaltung über den Lärm und den Staub der geplanten Baustellen beschwert.";
    let short = "Kritiker nannten die Entscheidung überhastet und unverantwortlich teuer.";
    let merged = |loose| Alignment {
        links: vec![Link {
            source: 0..1,
            target: 0..2,
            confidence: 0.9,
            loose,
        }],
        moves: Vec::new(),
    };
    let added = |second: &str, loose| {
        let s = doc(en, Language::EN);
        let t = doc(&format!("{first} {second}\n"), Language::DE);
        let f = detect(&s, &t, &merged(loose), &FindingOptions::default());
        let found = f
            .iter()
            .any(|f| f.kind == Kind::Addition && f.message.contains(&second[..12]));
        (found, f)
    };
    let (found, f) = added(long, None);
    assert!(!found, "{f:#?}");
    let (found, f) = added(long, Some(1));
    assert!(found, "{f:#?}");
    let (found, f) = added(short, Some(1));
    assert!(!found, "{f:#?}");
}
