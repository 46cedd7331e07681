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
    // The German text shares every key with the German "original", but a
    // translation is in another language than its original.
    let originals = [DE[0], EN[1]];
    let result = pair(&fps(&originals), &fps(&DE[..1]), &PairOptions::default());
    assert_eq!(result.pairs.len(), 1, "{result:?}");
    assert_eq!(result.pairs[0].original, 1);
}
