use super::*;

fn fps(texts: &[&str]) -> Vec<Fingerprint> {
    texts.iter().map(|t| Fingerprint::of(t)).collect()
}

const EN: [&str; 3] = [
    "On Monday Chancellor Merz met President Macron in Paris. They agreed on 2,500 new jobs and a budget of 14.7 billion.",
    "The football club Borussia Dortmund won 3-1 against Bayern Munich in front of 81,365 fans at Westfalenstadion.",
    "Astronomers at the Keck Observatory in Hawaii found 27 new moons around Saturn, bringing the total to 274.",
];
const DE: [&str; 3] = [
    "Der Fußballverein Borussia Dortmund gewann 3:1 gegen Bayern München vor 81.365 Fans im Westfalenstadion.",
    "Astronomen am Keck-Observatorium auf Hawaii fanden 27 neue Monde um Saturn; damit sind es 274.",
    "Am Montag traf Kanzler Merz Präsident Macron in Paris. Sie einigten sich auf 2.500 neue Stellen und ein Budget von 14,7 Milliarden.",
];

#[test]
fn pairs_translations_with_their_originals() {
    let result = pair(&fps(&EN), &fps(&DE), &PairOptions::default());
    let got: Vec<(usize, usize)> = result
        .pairs
        .iter()
        .map(|p| (p.original, p.translation))
        .collect();
    assert_eq!(got, [(1, 0), (2, 1), (0, 2)]);
    assert!(result.unpaired_originals.is_empty() && result.unpaired_translations.is_empty());
    assert!(
        result.pairs.iter().all(|p| p.confidence > 0.5),
        "{result:?}"
    );
}

#[test]
fn a_translation_without_original_stays_unpaired() {
    let result = pair(&fps(&EN[..2]), &fps(&DE), &PairOptions::default());
    assert_eq!(result.unpaired_translations, [1]);
    assert_eq!(result.pairs.len(), 2);
}

#[test]
fn an_untranslated_original_is_reported() {
    let result = pair(&fps(&EN), &fps(&DE[..1]), &PairOptions::default());
    assert_eq!(result.unpaired_originals, [0, 2]);
}

#[test]
fn one_original_goes_to_one_translation_only() {
    // Two translations of the same original: only the closer one is paired.
    let partial = "Der Fußballverein Borussia Dortmund gewann gegen Bayern München.";
    let result = pair(
        &fps(&EN[1..2]),
        &fps(&[partial, DE[0]]),
        &PairOptions::default(),
    );
    assert_eq!(result.pairs.len(), 1);
    assert_eq!(result.pairs[0].translation, 1);
    assert_eq!(result.unpaired_translations, [0]);
}

#[test]
fn a_tie_between_two_originals_is_not_forced() {
    let result = pair(
        &fps(&[EN[0], EN[0]]),
        &fps(&DE[2..3]),
        &PairOptions::default(),
    );
    assert!(result.pairs.is_empty(), "{result:?}");
    assert_eq!(result.unpaired_translations, [0]);
    let forced = PairOptions {
        min_confidence: 0.0,
        ..PairOptions::default()
    };
    let result = pair(&fps(&[EN[0], EN[0]]), &fps(&DE[2..3]), &forced);
    assert_eq!(result.pairs[0].original, 0, "ties go to the first original");
}

#[test]
fn empty_collections() {
    let none: Vec<Fingerprint> = Vec::new();
    let result = pair(&none, &fps(&DE), &PairOptions::default());
    assert_eq!(result.unpaired_translations, [0, 1, 2]);
    let result = pair(&fps(&EN), &none, &PairOptions::default());
    assert_eq!(result.unpaired_originals, [0, 1, 2]);
    assert!(pair(&none, &none, &PairOptions::default()).pairs.is_empty());
}

#[test]
fn numbers_match_across_locales() {
    let a = Fingerprint::of("It cost 400,000 dollars.");
    let b = Fingerprint::of("Es kostete 400.000 Dollar.");
    let shared = a.keys.iter().filter(|(k, _)| b.count(*k) > 0).count();
    assert!(shared >= 1);
}

#[test]
fn a_translation_is_never_paired_with_an_original_in_its_own_language() {
    // The German text shares its numbers and names with the German
    // "original", but a translation is in another language than its
    // original (unless blocks are the same word for word: a page left
    // untranslated).
    let originals = [
        "Borussia Dortmund schlug Bayern München mit 3:1 vor 81.365 Zuschauern im Westfalenstadion.",
        EN[1],
    ];
    let result = pair(&fps(&originals), &fps(&DE[..1]), &PairOptions::default());
    assert_eq!(result.pairs.len(), 1, "{result:?}");
    assert_eq!(result.pairs[0].original, 1);
}

#[test]
fn margin_is_the_share_of_the_best_score_it_leads_by() {
    assert!((margin(0.5, 0.4) - 0.2).abs() < 1e-12);
    assert_eq!(margin(0.5, 0.0), 1.0);
    assert_eq!(
        margin(0.5, 0.6),
        0.0,
        "a runner-up above the best leaves no margin"
    );
    assert_eq!(margin(0.0, 0.0), 0.0);
}

#[test]
fn a_pair_must_be_clear_on_both_sides() {
    // Clear for the translation, clear for the original.
    assert!(is_clear(0.5, 0.3, 0.2, MIN_MARGIN));
    // Clear for the translation, but the original has another translation
    // nearly as good: not clear.
    assert!(!is_clear(0.5, 0.3, 0.48, MIN_MARGIN));
    // And the other way round.
    assert!(!is_clear(0.5, 0.48, 0.3, MIN_MARGIN));
    // Exactly at the margin counts as clear.
    assert!(is_clear(1.0, 1.0 - MIN_MARGIN, 0.0, MIN_MARGIN));
}

#[test]
fn two_translations_equally_close_to_one_original_are_both_ambiguous() {
    // Greedy best-first pairing would give the original to the first copy;
    // the original's own runner-up is as good, so neither is paired.
    let result = pair(&fps(&EN), &fps(&[DE[0], DE[0]]), &PairOptions::default());
    assert!(result.pairs.is_empty(), "{result:?}");
    assert_eq!(result.unpaired_translations, [0, 1]);
    assert_eq!(result.ambiguous.len(), 2, "{result:?}");
    for a in &result.ambiguous {
        assert_eq!(a.candidates[0].original, 1, "{result:?}");
    }
    assert_eq!(result.unpaired_originals, [0, 1, 2]);
}

#[test]
fn a_translation_without_candidates_is_not_ambiguous() {
    let result = pair(
        &fps(&EN[..1]),
        &fps(&["Ein Text ohne Zahlen und ohne Namen."]),
        &PairOptions::default(),
    );
    assert_eq!(result.unpaired_translations, [0]);
    assert!(result.ambiguous.is_empty(), "{result:?}");
}

/// Blocks of a page: a heading, then paragraphs.
fn page<'a>(heading: &'a str, paragraphs: &[&'a str]) -> Vec<Block<'a>> {
    let mut blocks = vec![Block {
        kind: crate::document::BlockKind::Heading,
        level: 1,
        text: heading,
    }];
    blocks.extend(paragraphs.iter().map(|text| Block {
        kind: crate::document::BlockKind::Paragraph,
        level: 0,
        text,
    }));
    blocks
}

const EN_PAGE: [&str; 3] = [
    "Open the Activities overview and start typing Settings.",
    "Click on Sound in the sidebar to open the panel.",
    "Choose the device you want to use from the list of outputs.",
];
const EN_OTHER: [&str; 3] = [
    "Open the Activities overview and start typing Printers.",
    "Click the button to add a printer to the list of devices.",
    "Choose the printer you want to use and press Add.",
];

#[test]
fn an_untranslated_page_pairs_with_its_original_by_identity() {
    // The "translation" was left in English: same language as every
    // original, which alone would exclude it, but its blocks are the
    // original's word for word.
    let originals = [
        Fingerprint::of_blocks(&page("Printers", &EN_OTHER)),
        Fingerprint::of_blocks(&page("Sound settings", &EN_PAGE)),
    ];
    let left = Fingerprint::of_blocks(&page("Sound settings", &EN_PAGE));
    let result = pair(&originals, &[left], &PairOptions::default());
    assert_eq!(result.pairs.len(), 1, "{result:?}");
    assert_eq!(result.pairs[0].original, 1);
    assert!(result.pairs[0].confidence >= MIN_MARGIN);
}

#[test]
fn a_partly_translated_page_pairs_by_its_identical_blocks() {
    let originals = [
        Fingerprint::of_blocks(&page("Printers", &EN_OTHER)),
        Fingerprint::of_blocks(&page("Sound settings", &EN_PAGE)),
    ];
    let mixed = Fingerprint::of_blocks(&page(
        "Impostazioni audio",
        &[
            "Aprire la panoramica delle attività e iniziare a digitare Impostazioni.",
            EN_PAGE[1],
            EN_PAGE[2],
        ],
    ));
    let result = pair(&originals, &[mixed], &PairOptions::default());
    assert_eq!(result.pairs.len(), 1, "{result:?}");
    assert_eq!(result.pairs[0].original, 1);
}

#[test]
fn identity_keys_ignore_case_and_spacing_but_not_words() {
    let a = Fingerprint::of("Click on Sound in the sidebar.");
    let b = Fingerprint::of("click  on sound in the   sidebar.");
    let c = Fingerprint::of("Click on Power in the sidebar.");
    assert_eq!(a.blocks, b.blocks);
    assert_eq!(a.blocks.len(), 1);
    assert_ne!(a.blocks, c.blocks);
    // Too short to tell pages apart.
    assert!(Fingerprint::of("OK").blocks.is_empty());
}

#[test]
fn a_heading_only_page_pairs_by_its_heading_and_shape() {
    let originals = [
        Fingerprint::of_blocks(&page("Printers", &EN_OTHER)),
        Fingerprint::of_blocks(&page("Network problems", &[])),
        Fingerprint::of_blocks(&page("Sound settings", &EN_PAGE)),
    ];
    let heading = Fingerprint::of_blocks(&page("Problèmes de réseau", &[]));
    let result = pair(&originals, &[heading], &PairOptions::default());
    assert_eq!(result.pairs.len(), 1, "{result:?}");
    assert_eq!(result.pairs[0].original, 1);
}

#[test]
fn dictionary_words_become_shared_keys() {
    // Without the word list nothing links the two headings; with it they
    // pair. The list's sides may be either language.
    let originals = [
        Fingerprint::of("The weather forecast for the weekend."),
        Fingerprint::of("The library reopens after the flood."),
    ];
    let translations = [Fingerprint::of("Die Wettervorhersage fürs Wochenende.")];
    let plain = pair(&originals, &translations, &PairOptions::default());
    assert!(plain.pairs.is_empty(), "{plain:?}");
    let lexicon = crate::align::Lexicon::parse(
        std::path::Path::new("words.tsv"),
        "wettervorhersage\tforecast\nwochenende\tweekend\n",
        None,
    )
    .unwrap();
    let options = PairOptions {
        words: Some(std::sync::Arc::new(WordSources {
            lexicon: Some(std::sync::Arc::new(lexicon)),
            original_language: Some("eng"),
            translation_language: Some("deu"),
            ..WordSources::default()
        })),
        ..PairOptions::default()
    };
    let linked = pair(&originals, &translations, &options);
    assert_eq!(linked.pairs.len(), 1, "{linked:?}");
    assert_eq!(linked.pairs[0].original, 0);
}

#[test]
fn full_width_digits_key_like_ascii_ones() {
    // Japanese written with full-width digits shares only its numbers with
    // the originals: they must key as 27, 274 and 81365.
    let ja = [
        "ハワイの天文学者が土星の周りに２７個の新しい衛星を見つけ、合計は２７４個になった。",
        "ドルトムントは８１３６５人の観客の前でバイエルンに３対１で勝った。",
    ];
    let result = pair(&fps(&EN[1..]), &fps(&ja), &PairOptions::default());
    let mut got: Vec<(usize, usize)> = result
        .pairs
        .iter()
        .map(|p| (p.original, p.translation))
        .collect();
    got.sort_unstable();
    assert_eq!(got, [(0, 1), (1, 0)]);
}
