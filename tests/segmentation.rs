//! The sentence splitter: accuracy on the golden corpus, one test per rule,
//! the shape of its output over many generated inputs, and linear time.

#[cfg(feature = "cli")]
mod files;

use std::path::Path;
use std::time::{Duration, Instant};

use transalign::Language;
use transalign::segment::eval::{evaluate, load_corpus};
use transalign::segment::split;

fn lang(code: &str) -> Language {
    Language::from_code(code).unwrap()
}

fn sentences<'a>(text: &'a str, code: &str) -> Vec<&'a str> {
    split(text, lang(code))
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// Asserts that the sentences joined with spaces split back into them.
fn roundtrip(code: &str, expected: &[&str]) {
    let text = expected.join(" ");
    assert_eq!(sentences(&text, code), expected, "{code}: {text}");
}

fn corpus_dir(sub: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpora/segmentation")
        .join(sub)
}

#[test]
fn golden_corpus_is_at_least_97_percent_exactly_right() {
    let corpus = load_corpus(&corpus_dir("")).unwrap();
    let eval = evaluate(&corpus);
    assert!(eval.paragraphs() >= 150, "{} paragraphs", eval.paragraphs());
    for code in ["en", "de", "fr", "es", "it", "nl", "pt"] {
        assert!(
            eval.languages.iter().any(|l| l.language == lang(code)),
            "no {code} corpus"
        );
    }
    assert!(
        eval.accuracy() >= 0.97,
        "accuracy {:.3}; failures: {:#?}",
        eval.accuracy(),
        eval.failures
    );
    // The corpus must stay hard: raw Unicode boundaries fail a good share.
    assert!(
        eval.baseline_accuracy() < 0.8,
        "{}",
        eval.baseline_accuracy()
    );
}

#[test]
fn held_out_corpus_stays_above_90_percent() {
    let eval = evaluate(&load_corpus(&corpus_dir("heldout")).unwrap());
    assert!(
        eval.accuracy() >= 0.9,
        "accuracy {:.3}; failures: {:#?}",
        eval.accuracy(),
        eval.failures
    );
}

#[test]
fn abbreviations_stay_inside_sentences() {
    roundtrip(
        "de",
        &[
            "Viele Länder, z. B. Polen und Ungarn, stimmten dagegen.",
            "Der Rat vertagte sich.",
        ],
    );
    roundtrip(
        "de",
        &[
            "Das steht bei Prof. Lange (vgl. S. 8).",
            "Niemand widersprach.",
        ],
    );
    roundtrip(
        "en",
        &[
            "Sen. Collins met Gov. Hochul in Albany.",
            "They discussed the budget.",
        ],
    );
    roundtrip(
        "en",
        &[
            "Prices in the U.S. rose, i.e. faster than in Europe.",
            "Wages lagged.",
        ],
    );
    roundtrip(
        "fr",
        &["M. Bayrou a reçu Mme Borne mardi.", "Rien n'a filtré."],
    );
    roundtrip(
        "es",
        &[
            "La Sra. Ortega visitó Bilbao.",
            "Fue recibida por el alcalde.",
        ],
    );
    roundtrip(
        "it",
        &[
            "Il prof. Greco ha parlato ad es. di sanità.",
            "Il pubblico ha applaudito.",
        ],
    );
    roundtrip(
        "nl",
        &["Dhr. Smit kocht o.a. brood.", "Daarna ging hij naar huis."],
    );
    roundtrip(
        "pt",
        &["A Dra. Lopes falou com o Sr. Reis.", "Não houve acordo."],
    );
}

#[test]
fn abbreviations_that_may_end_a_sentence_split_before_a_sentence_start() {
    roundtrip(
        "en",
        &["The firm moved to the U.S.", "The board approved it."],
    );
    roundtrip(
        "en",
        &["The firm moved to the U.S. Virgin Islands last year."],
    );
    roundtrip("de", &["Sie kaufte Brot, Milch usw.", "Dann ging sie."]);
}

#[test]
fn initials_are_not_sentence_ends() {
    roundtrip(
        "en",
        &[
            "The novel by J. R. R. Tolkien sold well.",
            "It was reprinted.",
        ],
    );
    roundtrip("de", &["Der Brief von Thomas M. Weber kam spät an."]);
    // A language without resources keeps initials too.
    roundtrip("fi", &["Kirjan kirjoitti J. K. Rowling vuonna 1997."]);
}

#[test]
fn german_ordinals_and_dates_are_not_sentence_ends() {
    roundtrip(
        "de",
        &[
            "Die Wahl findet am 24. Februar statt.",
            "Gewählt wird bis 18 Uhr.",
        ],
    );
    roundtrip("de", &["Das Schloss entstand im 18. Jh. als Sommersitz."]);
    roundtrip(
        "de",
        &[
            "Im 3. Quartal sank der Umsatz.",
            "Der Vorstand ist besorgt.",
        ],
    );
    roundtrip(
        "de",
        &["Das Verfahren Nr. 3 ruht.", "Ein neuer Termin fehlt."],
    );
    // A year is not an ordinal.
    roundtrip(
        "de",
        &["Er regiert seit 2015.", "Kritiker fordern Neuwahlen."],
    );
}

#[test]
fn decimals_and_thousands_in_each_locale() {
    roundtrip(
        "en",
        &[
            "Output rose 3.5 percent to 1,204,000 tons.",
            "Exports fell.",
        ],
    );
    roundtrip(
        "de",
        &[
            "Der Umsatz stieg um 3,5 Prozent auf 1.204.000 Tonnen.",
            "Die Ausfuhren sanken.",
        ],
    );
    roundtrip(
        "fr",
        &[
            "La production a crû de 3,5 % à 1 204 000 tonnes.",
            "Les exportations ont baissé.",
        ],
    );
}

#[test]
fn ellipses() {
    roundtrip("en", &["It rose...", "Then it fell."]);
    roundtrip("de", &["Es stieg …", "Dann fiel es."]);
    roundtrip("en", &["It rose... and then it fell."]);
    roundtrip("de", &["Er sprach von „Lügen […] und Intrigen“ im Amt."]);
    roundtrip(
        "en",
        &["He cited the law: “Every citizen […] Shall be heard.”"],
    );
}

#[test]
fn quotations_stay_whole() {
    roundtrip("de", &["„Wirklich?“, fragte sie."]);
    roundtrip("de", &["„Wirklich?“ fragte sie."]);
    roundtrip("en", &["He said, “This is a scandal.”"]);
    roundtrip("fr", &["« C'est un scandale. »"]);
    roundtrip("fr", &["« C'est un scandale ! » a-t-il lancé."]);
    roundtrip("de", &["»Wir bleiben. Wir kämpfen«, rief sie."]);
    roundtrip("en", &["She said: “We will appeal. The ruling is wrong.”"]);
}

#[test]
fn a_sentence_ending_inside_a_quotation_then_a_new_one_splits() {
    roundtrip("en", &["He said, “This is a scandal.”", "Then he left."]);
    roundtrip(
        "fr",
        &["Il a dit : « C'est un scandale. »", "Puis il est parti."],
    );
    roundtrip("de", &["Sie fragte: „Wann?“", "Niemand antwortete."]);
}

#[test]
fn spanish_inverted_marks() {
    roundtrip(
        "es",
        &["¿Quién ganó?", "¡Nadie lo sabe!", "Habrá otra votación."],
    );
    roundtrip("es", &["¿De verdad?, preguntó ella."]);
    roundtrip("es", &["—¿Es cierto? —preguntó el juez."]);
}

#[test]
fn cjk_full_stops_are_boundaries() {
    assert_eq!(
        sentences("今天下雨。明天晴天！你来吗？", "zh"),
        ["今天下雨。", "明天晴天！", "你来吗？"]
    );
}

#[test]
fn languages_without_resources_get_the_unicode_rules() {
    roundtrip(
        "fi",
        &[
            "Kokous päättyi tiistaina.",
            "Yhteistä julkilausumaa ei annettu.",
        ],
    );
    roundtrip("pl", &["Czy to prawda?", "Nikt nie wie."]);
}

#[test]
fn a_line_break_inside_a_paragraph_is_not_a_boundary() {
    let text = "The summit ended\non Tuesday.";
    assert_eq!(sentences(text, "en"), [text]);
}

/// A tiny deterministic generator (xorshift) for property tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const PIECES: &[&str] = &[
    "a", "Die", "the", "Mr.", "z. B.", "U.S.", "J.", "24.", "Februar", "3,5", "1.000", ".", "!",
    "?", "…", "...", " ", "  ", "\u{a0}", "\u{202f}", "\n", "\n\n", "„", "“", "”", "\"", "«", "»",
    "‹", "›", "'", "’", "(", ")", "[", "]", ",", ":", "¿", "¡", "—", "。", "你", "é", "É", "\t",
    "\u{2029}", "Jh.", "usw.", "etc.",
];

#[test]
fn ranges_are_nonempty_ordered_disjoint_trimmed_on_char_boundaries() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let languages = ["en", "de", "fr", "es", "it", "nl", "pt", "fi", "zh"];
    for round in 0..20_000 {
        let len = (rng.next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let code = languages[round % languages.len()];
        let ranges = split(&text, lang(code));
        let mut last_end = 0;
        for r in &ranges {
            assert!(r.start < r.end, "empty range in {text:?}");
            assert!(r.start >= last_end, "overlap in {text:?}: {ranges:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let piece = &text[r.clone()];
            assert_eq!(piece, piece.trim(), "untrimmed in {text:?}");
            last_end = r.end;
        }
        // Nothing but white space is left out.
        let covered: usize = ranges.iter().map(|r| r.len()).sum();
        let non_space: usize = text.split_whitespace().map(str::len).sum();
        assert!(covered >= non_space, "text dropped in {text:?}: {ranges:?}");
        assert_eq!(ranges.is_empty(), text.trim().is_empty(), "{text:?}");
    }
}

/// Time to split `text`, best of two runs.
fn time(text: &str) -> Duration {
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let n = split(text, Language::DE).len();
            assert!(n > 0);
            start.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn time_grows_linearly_even_with_unbalanced_quotation_marks() {
    // Doubling the input must not much more than double the time, which a
    // quadratic pass over quotation marks or abbreviations would.
    let unit = "„Er sagte: „Nein. z. B. am 24. Februar … Dann « kam » „er. \"Ja?\" ";
    let small = unit.repeat(8_000);
    let large = unit.repeat(32_000);
    let (t_small, t_large) = (time(&small), time(&large));
    assert!(
        t_large < t_small * 12 + Duration::from_millis(50),
        "{t_small:?} for {} bytes, {t_large:?} for {} bytes",
        small.len(),
        large.len()
    );
}

#[test]
#[cfg(feature = "cli")]
fn eval_segmentation_command_prints_both_figures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("en.txt"),
        "Mr. Smith left.\nHe was tired.\n\nIt rose.\nThen it fell.\n",
    )
    .unwrap();
    files::transalign()
        .arg("eval-segmentation")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "en                 2        1.000        0.500",
        ))
        .stdout(predicates::str::contains(
            "overall            2        1.000        0.500",
        ));
}

#[test]
#[cfg(feature = "cli")]
fn eval_segmentation_on_a_missing_directory_is_an_input_error() {
    files::transalign()
        .args(["eval-segmentation", "no/such/corpus"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no/such/corpus"));
}

/// Found by fuzzing (load_html): a token ending in a full-width full stop.
#[test]
fn fullwidth_full_stop_after_a_token_does_not_panic() {
    for code in ["de", "en", "fr"] {
        let language = Language::from_code(code).unwrap();
        for text in [
            "\u{ff0e}\u{c}\"\u{2e5b}",
            "\u{ff0e}",
            "Dr\u{ff0e} Müller kam．Dann ging er.",
        ] {
            let ranges = split(text, language);
            assert!(
                ranges
                    .iter()
                    .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
            );
        }
    }
}
