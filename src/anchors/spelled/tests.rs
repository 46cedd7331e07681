use super::*;
use crate::text::words;

/// The first spelled number of `text`: (value, firm, text it spans).
fn read(text: &str, code: &str) -> Option<(f64, bool, String)> {
    let lang = Language::from_code(code).expect("a language");
    let ws = words(text);
    (0..ws.len()).find_map(|k| {
        let gap = |i: usize| &text[ws[k + i - 1].0.end..ws[k + i].0.start];
        parse(&ws[k..], gap, lang)
            .map(|s| (s.values[0], s.firm, text[ws[k].0.start..s.end].to_string()))
    })
}

fn value(text: &str, code: &str) -> Option<f64> {
    read(text, code).map(|r| r.0)
}

fn firm(text: &str, code: &str) -> bool {
    read(text, code).is_some_and(|r| r.1)
}

#[test]
fn english_words_and_runs() {
    assert_eq!(
        value("some three hundred and fifty people", "en"),
        Some(350.0)
    );
    assert_eq!(value("twenty-five years", "en"), Some(25.0));
    assert_eq!(
        value("two million three hundred thousand", "en"),
        Some(2_300_000.0)
    );
    assert_eq!(value("nineteen hundred", "en"), Some(1900.0));
    // "at eleven hundred" may be a time of day.
    let lang = Language::EN;
    let ws = words("eleven hundred");
    let s = parse(
        &ws,
        |i| &"eleven hundred"[ws[i - 1].0.end..ws[i].0.start],
        lang,
    )
    .unwrap();
    assert_eq!(s.values, [1100.0, 11.0]);
    assert_eq!(value("the twenty-first century", "en"), Some(21.0));
    assert_eq!(value("a three hundredth part", "en"), Some(300.0));
    // A hyphenated compound adjective keeps its number part.
    let r = read("a twenty-five-year-old man", "en").unwrap();
    assert_eq!((r.0, r.2.as_str()), (25.0, "twenty-five"));
    // Two numbers side by side stay two numbers.
    assert_eq!(value("five ten-minute breaks", "en"), Some(5.0));
    let r = read("back by fourteen-thirty", "en").unwrap();
    assert_eq!((r.0, r.2.as_str()), (14.0, "fourteen"));
    assert_eq!(read("two, three", "en").unwrap().2, "two");
    assert_eq!(read("two and three", "en").unwrap().2, "two");
}

#[test]
fn english_pronoun_one_and_plain_words_are_not_firm() {
    assert_eq!(value("the one who came", "en"), None);
    assert_eq!(value("one hundred", "en"), Some(100.0));
    assert!(firm("one hundred", "en"));
    assert!(!firm("three people", "en"));
    assert!(!firm("hundreds of people", "en"));
    assert!(!firm("thousands of people", "en"));
    assert_eq!(
        read("two dozen eggs", "en"),
        Some((24.0, true, "two dozen".into()))
    );
    assert!(!firm("dozens of eggs", "en"));
    assert_eq!(value("often tender", "en"), None);
    // "second" is a unit of time too: "thirty seconds" is no 32.
    assert_eq!(value("thirty seconds", "en"), Some(30.0));
}

#[test]
fn german_compounds() {
    assert_eq!(value("dreihundertfünfzig Meter", "de"), Some(350.0));
    assert_eq!(value("fünfundzwanzig", "de"), Some(25.0));
    assert_eq!(value("einundzwanzig", "de"), Some(21.0));
    assert_eq!(value("neunzehnhundertvierundachtzig", "de"), Some(1984.0));
    assert_eq!(value("zweitausendeins", "de"), Some(2001.0));
    assert_eq!(value("drei Millionen Menschen", "de"), Some(3_000_000.0));
    assert_eq!(value("der einundzwanzigste Tag", "de"), Some(21.0));
    assert_eq!(value("zwei Achttausender", "de"), Some(2.0));
    assert_eq!(value("ein Achttausender", "de"), Some(8000.0));
    // A peak over 8000 m: the number confirms, but a translation may say "peak".
    assert!(!firm("ein Achttausender", "de"));
    assert!(firm("dreihundertfünfzig", "de"));
}

#[test]
fn german_words_that_are_no_firm_numbers() {
    assert_eq!(value("einer der Männer", "de"), None);
    assert_eq!(value("Achtung", "de"), None);
    assert_eq!(value("Zweifel", "de"), None);
    assert_eq!(value("einige", "de"), None);
    assert!(!firm("gib acht", "de"));
    assert!(!firm("Zehntausende protestierten", "de"));
    assert!(!firm("Hunderttausende", "de"));
    assert!(firm("zehntausend", "de"));
    // Units follow tens only with "und": "zwanzigdrei" is no number.
    assert_ne!(value("zwanzigdrei", "de"), Some(23.0));
}

#[test]
fn french_vigesimal_and_hyphens() {
    assert_eq!(value("quatre-vingt-dix", "fr"), Some(90.0));
    assert_eq!(value("quatre-vingt-dix-sept", "fr"), Some(97.0));
    assert_eq!(value("soixante-douze", "fr"), Some(72.0));
    assert_eq!(value("soixante et onze", "fr"), Some(71.0));
    assert_eq!(value("deux cent cinquante", "fr"), Some(250.0));
    assert_eq!(value("deux cents", "fr"), Some(200.0));
    assert_eq!(value("vingt et un", "fr"), Some(21.0));
    assert_eq!(
        value("mille neuf cent quatre-vingt-quatre", "fr"),
        Some(1984.0)
    );
    assert_eq!(value("la vingt-cinquième fois", "fr"), Some(25.0));
    assert_eq!(value("une fois", "fr"), None);
    assert_eq!(value("une trentaine", "fr"), None);
    assert!(!firm("cinq pour cent", "fr"));
}

#[test]
fn spanish_and_portuguese() {
    assert_eq!(value("trescientos metros", "es"), Some(300.0));
    assert!(firm("trescientos metros", "es"));
    assert_eq!(value("veinticinco", "es"), Some(25.0));
    assert_eq!(value("veintitrés", "es"), Some(23.0));
    assert_eq!(value("treinta y cinco", "es"), Some(35.0));
    assert_eq!(value("ciento veinte", "es"), Some(120.0));
    assert_eq!(value("dos mil quinientos", "es"), Some(2500.0));
    assert_eq!(value("un millón", "es"), Some(1_000_000.0));
    assert_eq!(value("uno de ellos", "es"), None);
    assert_eq!(value("cento e vinte e cinco", "pt"), Some(125.0));
    assert_eq!(value("mil e quinhentos", "pt"), Some(1500.0));
    assert_eq!(value("duzentas pessoas", "pt"), Some(200.0));
    assert_eq!(value("dois e três", "pt"), Some(2.0));
}

#[test]
fn italian_elisions() {
    assert_eq!(value("duecentocinquanta", "it"), Some(250.0));
    assert_eq!(value("ventotto", "it"), Some(28.0));
    assert_eq!(value("trentuno", "it"), Some(31.0));
    assert_eq!(value("ventitré", "it"), Some(23.0));
    assert_eq!(value("centottanta", "it"), Some(180.0));
    assert_eq!(value("millenovecentottantaquattro", "it"), Some(1984.0));
    assert_eq!(value("duemila", "it"), Some(2000.0));
    assert_eq!(value("il ventesimo secolo", "it"), Some(20.0));
    assert_eq!(value("uno dei", "it"), None);
}

#[test]
fn dutch_units_before_tens() {
    assert_eq!(value("vijfentwintig", "nl"), Some(25.0));
    assert_eq!(value("tweeëntwintig", "nl"), Some(22.0));
    assert_eq!(value("tweehonderdvijftig", "nl"), Some(250.0));
    assert_eq!(value("tweeduizend", "nl"), Some(2000.0));
    assert_eq!(value("de twintigste eeuw", "nl"), Some(20.0));
    assert_eq!(value("een man", "nl"), None);
    assert!(!firm("duizenden mensen", "nl"));
    assert!(!firm("tienduizenden mensen", "nl"));
}

#[test]
fn hungarian_compounds_and_suffixes() {
    assert_eq!(value("háromszáz méter", "hu"), Some(300.0));
    assert!(firm("háromszáz méter", "hu"));
    assert_eq!(value("huszonöt", "hu"), Some(25.0));
    // "-öt" is also the accusative ending: more morphemes come first.
    assert_eq!(value("egy negyvenöt év körüli férfi", "hu"), Some(45.0));
    assert_eq!(value("ötöt", "hu"), Some(5.0));
    assert_eq!(value("ezerkilencszáznyolcvannégy", "hu"), Some(1984.0));
    assert_eq!(value("háromszázhúsz", "hu"), Some(320.0));
    assert_eq!(value("száznegyvenötmillió", "hu"), Some(145_000_000.0));
    assert_eq!(value("hatmillióban", "hu"), Some(6_000_000.0));
    assert_eq!(value("tizenhármat ütöttek", "hu"), Some(13.0));
    assert_eq!(value("kétszáz méterrel", "hu"), Some(200.0));
    assert_eq!(value("a százegyes szoba", "hu"), Some(101.0));
    // An adjective of a number (room 101, the 1950s) confirms only.
    assert!(!firm("a százegyes szoba", "hu"));
    assert!(!firm("az ezerkilencszázötvenes évek", "hu"));
    assert_eq!(value("a hatodik napon", "hu"), Some(6.0));
    assert_eq!(value("huszonegyedik", "hu"), Some(21.0));
    assert_eq!(value("háromezer szelvény", "hu"), Some(3000.0));
    // Alone, "tizen" is "ten of them", not the bound teen prefix.
    assert_eq!(value("tizen jöttek", "hu"), Some(10.0));
}

#[test]
fn numbers_that_begin_a_compound_word() {
    assert_eq!(
        read("egy húszkilós bombát", "hu"),
        Some((20.0, false, "húszkilós".into()))
    );
    assert_eq!(value("negyvenéves", "hu"), Some(40.0));
    assert_eq!(value("die zweihundertjährige Eiche", "de"), Some(200.0));
    assert_eq!(value("Hundertschaft", "de"), None);
    assert_eq!(value("hatalmas", "hu"), None);
    assert_eq!(value("háromszög", "hu"), None);
    // Only where the language compounds.
    assert_eq!(value("twentysomething", "en"), None);
}

#[test]
fn hungarian_words_that_are_no_firm_numbers() {
    assert_eq!(value("egy ember", "hu"), None);
    assert_eq!(value("egyetem", "hu"), None);
    assert_eq!(value("százalék", "hu"), None);
    assert_eq!(value("hatalmas", "hu"), None);
    assert_eq!(value("ötlet", "hu"), None);
    assert_eq!(value("ezért", "hu"), None);
    assert!(!firm("két ember", "hu"));
    assert!(!firm("száz", "hu"));
}

#[test]
fn swedish_and_danish() {
    assert_eq!(value("trehundrafemtio kronor", "sv"), Some(350.0));
    assert_eq!(value("tjugoett", "sv"), Some(21.0));
    assert_eq!(value("två miljoner", "sv"), Some(2_000_000.0));
    assert_eq!(value("en bok", "sv"), None);
    assert_eq!(value("femogtyve", "da"), Some(25.0));
    assert_eq!(value("tre hundrede og halvtreds", "da"), Some(350.0));
    assert_eq!(value("seksoghalvfems", "da"), Some(96.0));
    assert_eq!(value("et hus", "da"), None);
}

#[test]
fn languages_without_a_table_read_nothing() {
    assert_eq!(value("trzysta", "pl"), None);
}

#[test]
fn every_table_reads() {
    for (code, _, _) in crate::data::SPELLED {
        let t = table(Language::from_code(code).unwrap()).expect("a table");
        assert!(t.morphemes.len() > 20, "{code}");
        assert!(t.morphemes.iter().any(|m| m.kind == Kind::Scale), "{code}");
    }
}

#[test]
fn the_three_letter_table_answers_as_the_trie() {
    let mut tables = 0;
    for &(code, _, _) in data::SPELLED {
        let Some(t) = crate::language::Language::from_code(code)
            .ok()
            .and_then(table)
        else {
            continue;
        };
        tables += 1;
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                for c in b'a'..=b'z' {
                    let word = String::from_utf8(vec![a, b, c, b'x']).unwrap_or_default();
                    let want = t.first_letters & (1 << (a - b'a')) != 0
                        && t.starts_with(word.chars().take(3));
                    assert_eq!(t.may_start(&word), want, "{code} {word}");
                    let upper = word.to_ascii_uppercase();
                    assert_eq!(t.may_start(&upper), want, "{code} {upper}");
                }
            }
        }
    }
    assert!(tables >= 8, "{tables} tables");
}
