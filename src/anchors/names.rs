//! Names: capitalised words that are not merely sentence-initial, folded
//! so that spellings of one name across languages compare equal (case,
//! diacritics, common transliterations: Kiew/Kyiv, Wladimir/Vladimir).

use std::ops::Range;

use crate::language::Language;

/// One name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The name as written.
    pub text: String,
    /// Its folded form, for comparison.
    pub folded: String,
}

/// Languages that capitalise every noun, so a capital letter says little.
pub fn capitalises_nouns(language: Language) -> bool {
    crate::language::properties(language).capitalises_nouns
}

use super::folding::find_bytes;
pub use super::folding::fold;

/// Whether two folded words can be the same name (inflected, translated as
/// a cognate or transliterated differently).
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a_len, b_len) = (char_count(a), char_count(b));
    same_name_with(a, b, a_len, b_len, || shared_characters(a, b, a_len, b_len))
}

/// A folded word prepared for many [`same_name`] comparisons: its length
/// in characters and how many of each character it has.
#[derive(Debug, Clone)]
pub struct NameShape {
    len: usize,
    counts: Option<[u8; 37]>,
    /// The characters' counts that are not zero, one bit each.
    present: u64,
    /// The first three characters (`\0` past the end).
    head: [char; 3],
}

impl NameShape {
    /// The shape of the folded word `word`.
    pub fn of(word: &str) -> NameShape {
        let len = char_count(word);
        let mut present = u64::MAX;
        let counts = (len <= 255).then(|| {
            let mut counts = [0u8; 37];
            present = 0;
            for c in word.chars() {
                let k = bucket(c);
                counts[k] += 1;
                present |= 1 << k;
            }
            counts
        });
        let mut head = ['\0'; 3];
        for (slot, c) in head.iter_mut().zip(word.chars()) {
            *slot = c;
        }
        NameShape {
            len,
            counts,
            present,
            head,
        }
    }

    /// Whether two different words of these shapes can be the same name:
    /// `false` only where [`same_name_shaped`] is, from the shapes alone.
    /// Both need four characters or more; then either they start alike
    /// (three characters), or the shorter may be contained in the longer
    /// (none of its characters missing there), or enough characters may
    /// be shared for Jaro-Winkler 0.9: each kind of character one word
    /// has and the other lacks takes at least one of its characters out
    /// of those shared, and a prefix under three gives at most the bonus
    /// of two.
    #[inline]
    fn may_match(&self, other: &NameShape) -> bool {
        if self.counts.is_none() || other.counts.is_none() {
            return true;
        }
        let (short, long) = if self.len <= other.len {
            (self, other)
        } else {
            (other, self)
        };
        if short.len < 4 {
            return false;
        }
        if self.head == other.head || short.len >= 5 && short.present & !long.present == 0 {
            return true;
        }
        let only = |a: &NameShape, b: &NameShape| (a.present & !b.present).count_ones() as usize;
        let shared = (self.len - only(self, other)).min(other.len - only(other, self));
        may_be_similar(shared, self.len, other.len, 2)
    }
}

/// [`same_name`] of two words with their shapes: the same answer.
/// Inlined where names are compared by the thousand: the shapes rule out
/// most pairs before the full rules are called.
#[inline]
pub fn same_name_shaped(a: &str, a_shape: &NameShape, b: &str, b_shape: &NameShape) -> bool {
    if a == b {
        return true;
    }
    a_shape.may_match(b_shape)
        && same_name_with(a, b, a_shape.len, b_shape.len, || {
            let (x, y) = (a_shape.counts.as_ref()?, b_shape.counts.as_ref()?);
            Some(x.iter().zip(y).map(|(p, q)| usize::from(*p.min(q))).sum())
        })
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The rules of [`same_name`] for two different words of `a_len` and
/// `b_len` characters; `shared` bounds the characters they share.
#[inline(never)]
fn same_name_with(
    a: &str,
    b: &str,
    a_len: usize,
    b_len: usize,
    shared: impl FnOnce() -> Option<usize>,
) -> bool {
    let (short, long, short_len) = if a_len <= b_len {
        (a, b, a_len)
    } else {
        (b, a, b_len)
    };
    if short_len < 3 {
        return false;
    }
    let prefix = if a_len == a.len() && b_len == b.len() {
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
    } else {
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    };
    if prefix >= 3 && short_len >= 4 && prefix * 5 >= short_len * 3 {
        return true;
    }
    if short_len < 4 {
        return false;
    }
    // The two share at most the shorter word's characters: when even that
    // many cannot reach Jaro-Winkler 0.9, only containment is left (a
    // contained word shares all its characters), and the characters need
    // not be counted.
    if !may_be_similar(short_len, a_len, b_len, prefix) {
        return short_len >= 5 && find_bytes(long.as_bytes(), short.as_bytes(), 0).is_some();
    }
    // A bound on the characters the two share (Jaro's matches) rules out
    // most pairs cheaply: a word contained in another shares all its
    // characters, and Jaro-Winkler needs most of them shared.
    let shared = shared();
    if short_len >= 5
        && shared.is_none_or(|m| m == short_len)
        && find_bytes(long.as_bytes(), short.as_bytes(), 0).is_some()
    {
        return true;
    }
    shared.is_none_or(|m| may_be_similar(m, a_len, b_len, prefix))
        && strsim::jaro_winkler(a, b) >= 0.9
}

/// Whether the Jaro-Winkler similarity of two words of `a_len` and
/// `b_len` characters, sharing at most `m` characters (with repeats) and
/// a prefix of `prefix` characters, can reach
/// 0.9: a bound that is never below the similarity, so a `false` here is
/// the answer `strsim::jaro_winkler` would give, without its quadratic
/// matching. Jaro's matches `m` are at most the characters the two share
/// (counted with repeats), transpositions at least none, so Jaro is at
/// most `(m/|a| + m/|b| + 1) / 3`; Winkler's bonus rises with Jaro.
fn may_be_similar(m: usize, a_len: usize, b_len: usize, prefix: usize) -> bool {
    if m == 0 {
        return false;
    }
    let m = m as f64;
    let jaro = (m / a_len as f64 + m / b_len as f64 + 1.0) / 3.0;
    let bonus = 0.1 * prefix.min(4) as f64;
    // A margin far above rounding errors keeps the bound safe.
    jaro + bonus * (1.0 - jaro) >= 0.9 - 1e-9
}

/// At least as many as the characters `a` and `b` share, counted with
/// repeats (of `a_len` and `b_len` characters); `None` for words too
/// long to count in bytes. Folded words are lower-case letters and
/// digits; anything else (other scripts too) counts in one bucket, not
/// told apart: a looser bound.
fn shared_characters(a: &str, b: &str, a_len: usize, b_len: usize) -> Option<usize> {
    if a_len > 255 || b_len > 255 {
        return None;
    }
    let mut counts = [0u8; 37];
    for c in a.chars() {
        counts[bucket(c)] += 1;
    }
    let mut shared = 0usize;
    let mut other_b = 0usize;
    for c in b.chars() {
        let k = bucket(c);
        if k == 36 {
            other_b += 1;
        } else if counts[k] > 0 {
            counts[k] -= 1;
            shared += 1;
        }
    }
    Some(shared + usize::from(counts[36]).min(other_b))
}

/// The count a character goes to: one per lower-case letter and digit,
/// one for all others.
fn bucket(c: char) -> usize {
    match c {
        'a'..='z' => c as usize - 'a' as usize,
        '0'..='9' => 26 + c as usize - '0' as usize,
        _ => 36,
    }
}

/// Whether the name `folded` occurs in `text` in any spelling.
pub fn name_in(folded: &str, text: &str) -> bool {
    FoldedWords::new(text).contains(folded)
}

/// A text's words (and the parts of hyphenated words), folded once, for
/// asking about many names: folding is the costly part of the comparison.
/// Their shapes are made the first time a name is not found as it is
/// spelled.
///
/// A whole text's words ([`FoldedWords::new`]) are sorted, for binary
/// search; one sentence's ([`FoldedWords::from_folded`], read for every
/// sentence) are a few dozen, scanned as they come: sorting them cost
/// more than all the questions asked of them.
#[derive(Debug, Clone, Default)]
pub struct FoldedWords {
    words: Vec<String>,
    /// Whether `words` are sorted and without repeats.
    sorted: bool,
    shapes: std::sync::OnceLock<Vec<NameShape>>,
}

impl FoldedWords {
    /// Folds the words of `text`.
    pub fn new(text: &str) -> FoldedWords {
        let words = crate::text::words(text);
        let folded: Vec<String> = words.iter().map(|(_, w)| fold(w)).collect();
        let mut out = FoldedWords::from_folded(&words, folded);
        out.words.sort_unstable();
        out.words.dedup();
        out.sorted = true;
        out
    }

    /// The words `words` of a text (a sentence: they are kept in order,
    /// not sorted), already folded one by one (`folded`, in the same
    /// order).
    pub fn from_folded(words: &[(Range<usize>, &str)], folded: Vec<String>) -> FoldedWords {
        let mut out = folded;
        for (_, w) in words {
            if w.contains(['-', '\u{2011}']) {
                out.extend(w.split(['-', '\u{2011}']).map(fold));
            }
        }
        FoldedWords {
            words: out,
            sorted: false,
            shapes: std::sync::OnceLock::new(),
        }
    }

    /// The words of several texts together, sorted: for sentences joined
    /// by spaces, those of [`FoldedWords::new`] of the joined text (no
    /// word reaches across a space), without folding them again.
    pub fn union<'a>(parts: impl IntoIterator<Item = &'a FoldedWords>) -> FoldedWords {
        let mut words: Vec<String> = parts
            .into_iter()
            .flat_map(|p| p.words.iter().cloned())
            .collect();
        words.sort_unstable();
        words.dedup();
        FoldedWords {
            words,
            sorted: true,
            shapes: std::sync::OnceLock::new(),
        }
    }

    /// Whether the name `folded` occurs among the words in any spelling
    /// ([`same_name`], compared by shapes).
    pub fn contains(&self, folded: &str) -> bool {
        if self.contains_exactly(folded) {
            return true;
        }
        let shape = NameShape::of(folded);
        let shapes = self
            .shapes
            .get_or_init(|| self.words.iter().map(|w| NameShape::of(w)).collect());
        self.words
            .iter()
            .zip(shapes)
            .any(|(w, s)| same_name_shaped(folded, &shape, w, s))
    }

    /// Whether the name `folded` occurs among the words as it is spelled
    /// (a binary search where the words are sorted).
    pub fn contains_exactly(&self, folded: &str) -> bool {
        if self.sorted {
            self.words
                .binary_search_by(|w| w.as_str().cmp(folded))
                .is_ok()
        } else {
            self.words.iter().any(|w| w == folded)
        }
    }

    /// The words, folded: each once and in sorted order for a whole text
    /// ([`FoldedWords::new`]), as they come for a sentence
    /// ([`FoldedWords::from_folded`]).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// Capitalised words of `text` that are not sentence-initial (nor first
/// after an opening quotation mark or a colon), plus acronyms anywhere.
pub fn names(text: &str, language: Language) -> Vec<Name> {
    let words = crate::text::words(text);
    names_in(text, &words, |i| fold(words[i].1), language)
}

/// [`names`] from the text's words (`crate::text::words`) and a way to
/// fold word `i` (already folded, when the caller has them).
pub fn names_in(
    text: &str,
    words: &[(Range<usize>, &str)],
    folded: impl Fn(usize) -> String,
    language: Language,
) -> Vec<Name> {
    let nouns = capitalises_nouns(language);
    let props = crate::language::properties(language);
    let mut out = Vec::new();
    let mut previous_end = 0;
    for (i, (range, word)) in words.iter().enumerate() {
        let gap = &text[previous_end..range.start];
        previous_end = range.end;
        let first = word.chars().next().unwrap_or(' ');
        let acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if !first.is_uppercase() && !acronym {
            continue;
        }
        let initial = i == 0
            || gap.contains([
                '.', '!', '?', ':', '„', '“', '"', '«', '»', '‚', '‘', '(', '[', '{', '—',
            ]) && !acronym;
        if initial && !acronym {
            continue;
        }
        if word.chars().count() < 2 {
            continue;
        }
        if !acronym && opens_a_name(word, words.get(i + 1), props) {
            continue;
        }
        if nouns && acronym_compound(word) {
            continue;
        }
        out.push(Name {
            range: range.clone(),
            text: word.to_string(),
            folded: folded(i),
        });
    }
    out
}

/// Whether `word`, capitalised, is a function word of the language that
/// opens a name of several words, the `next` word being capitalised too
/// ("Les Alpes", "Die Zeit", "The Times"): an article or a preposition,
/// not the name, which the words after it carry. Read as a name, the
/// title-cased article of a French journal stood against a German title
/// elsewhere in the sentence.
fn opens_a_name(
    word: &str,
    next: Option<&(Range<usize>, &str)>,
    props: &crate::language::Properties,
) -> bool {
    next.is_some_and(|(_, n)| n.chars().next().is_some_and(char::is_uppercase))
        && props.is_function_word(&word.to_lowercase())
}

/// Whether `word` is a compound of an acronym and a common noun
/// (`US-Außenminister`, `EU-Kommission`, `US-Nähe`). In languages that
/// capitalise nouns such a compound is a title, an institution or a
/// plain noun, capitalised because it is a noun, not a name: read as one,
/// it matched "Minister" in an English original and was reported as a
/// changed name; read as its acronym alone, "US" stood against a
/// Washington the original names there. The words of a text keep the
/// compound's parts, so a name of the original is still found in it. A
/// compound whose last part is an acronym or a number (`US-EU`,
/// `Covid-19`) is left whole.
fn acronym_compound(word: &str) -> bool {
    let Some(cut) = word.find(['-', '\u{2011}']) else {
        return false;
    };
    let (head, rest) = (&word[..cut], &word[cut..]);
    let acronym = head.chars().filter(|c| c.is_uppercase()).count() >= 2
        && head.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    let noun = rest.rsplit(['-', '\u{2011}']).next().is_some_and(|last| {
        let mut cs = last.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    });
    acronym && noun
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_transliterations_together() {
        assert!(same_name(&fold("Kiew"), &fold("Kyiv")));
        assert!(same_name(&fold("Wladimir"), &fold("Vladimir")));
        assert!(same_name(&fold("Russland"), &fold("Russia")));
        assert!(same_name(&fold("Moskau"), &fold("Moscow")));
        assert!(same_name(&fold("Kottasová"), &fold("Kottasova")));
        assert!(!same_name(&fold("Putin"), &fold("Trump")));
        assert!(!same_name(&fold("Berlin"), &fold("Paris")));
    }

    /// `fold` as it was written before it worked in one buffer: the
    /// reference the fast one must equal.
    fn fold_reference(word: &str) -> String {
        let lower = word.to_lowercase();
        let lower = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower)
            .to_string();
        let mut plain: String = crate::text::fold(&lower)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        for (from, to) in [
            ("ae", "a"),
            ("oe", "o"),
            ("ue", "u"),
            ("tsch", "ch"),
            ("sch", "sh"),
            ("ph", "f"),
            ("ie", "i"),
            ("kh", "h"),
        ] {
            plain = plain.replace(from, to);
        }
        let mapped: String = plain
            .chars()
            .map(|c| match c {
                'w' => 'v',
                'y' | 'j' => 'i',
                'c' | 'q' => 'k',
                'z' => 's',
                _ => c,
            })
            .collect();
        let mut out = String::new();
        for c in mapped.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    /// `same_name` without the quick bound.
    fn same_name_reference(a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (short, long) = if a.chars().count() <= b.chars().count() {
            (a, b)
        } else {
            (b, a)
        };
        let short_len = short.chars().count();
        if short_len < 3 {
            return false;
        }
        let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        if prefix >= 3 && short_len >= 4 && prefix * 5 >= short_len * 3 {
            return true;
        }
        if short_len >= 5 && long.contains(short) {
            return true;
        }
        short_len >= 4 && strsim::jaro_winkler(a, b) >= 0.9
    }

    /// Every word of the example pairs and of some odd spellings.
    fn sample_words() -> Vec<String> {
        let mut out: Vec<String> = [
            "Schtschukin's",
            "TSCHECHIEN",
            "ΟΔΥΣΣΕΥΣ’S",
            "Ωσ'S",
            "Ärger’S",
            "Straße's",
            "Ærøskøbing",
            "Œuvre’s",
            "İstanbul",
            "ΣΟΦΟΣ",
            "Київ",
            "Пекка",
            "Straße",
            "Zhoukhov",
            "aeoeue",
            "Wwwyyy",
            "𐀀𐀀x",
            "ǅemal",
            "US-Russia",
            "it's",
            "IT'S",
            "x's",
            "'s",
            "a",
            "",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/pairs");
        for dir in std::fs::read_dir(root).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if let Ok(text) = std::fs::read_to_string(file.path()) {
                    out.extend(
                        crate::text::words(&text)
                            .into_iter()
                            .map(|(_, w)| w.to_string()),
                    );
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn fast_fold_equals_the_reference() {
        let words = sample_words();
        assert!(words.len() > 2000, "only {} words", words.len());
        for w in &words {
            assert_eq!(fold(w), fold_reference(w), "{w:?}");
            for part in w.split(['-', '\u{2011}']) {
                assert_eq!(fold(part), fold_reference(part), "{part:?}");
            }
        }
    }

    #[test]
    fn quick_bound_keeps_every_answer() {
        let mut folded: Vec<String> = sample_words().iter().map(|w| fold(w)).collect();
        folded.sort();
        folded.dedup();
        // Names against a stride of all words: every pair of a sample
        // of 600 folded words, some 180,000 comparisons.
        let step = (folded.len() / 600).max(1);
        let sample: Vec<&String> = folded.iter().step_by(step).collect();
        let mut same = 0;
        for a in &sample {
            for b in &sample {
                let want = same_name_reference(a, b);
                assert_eq!(same_name(a, b), want, "{a:?} {b:?}");
                let (sa, sb) = (NameShape::of(a), NameShape::of(b));
                assert_eq!(same_name_shaped(a, &sa, b, &sb), want, "{a:?} {b:?}");
                same += usize::from(want && a != b);
            }
        }
        assert!(same > 0);
    }

    #[test]
    fn contains_by_shapes_answers_as_same_name() {
        let words = sample_words();
        let text = words
            .iter()
            .step_by(7)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let folded = FoldedWords::new(&text);
        let mut found = 0;
        for w in words.iter().skip(3).step_by(5) {
            let q = fold(w);
            let want = folded.contains_exactly(&q) || folded.words.iter().any(|x| same_name(&q, x));
            assert_eq!(folded.contains(&q), want, "{q:?}");
            found += usize::from(want && !folded.contains_exactly(&q));
        }
        assert!(found > 0);
    }

    #[test]
    fn the_union_of_sentences_words_is_the_words_of_their_text() {
        let sentences = [
            "Jean-Marc Lafitte met Putin's aide in Kyiv.",
            "\"Rock-'n'-roll,\" he said - twice.",
            "Straße, STRASSE und Ærøskøbing: 10-mal!",
            "‑dash‑led words and trailing-",
            "",
            "Київ і Пекка",
        ];
        let per_sentence: Vec<FoldedWords> = sentences
            .iter()
            .map(|s| {
                let tokens = crate::text::words(s);
                let folded = tokens.iter().map(|(_, w)| fold(w)).collect();
                FoldedWords::from_folded(&tokens, folded)
            })
            .collect();
        let union = FoldedWords::union(&per_sentence);
        let whole = FoldedWords::new(&sentences.join(" "));
        assert_eq!(union.words, whole.words);
        assert!(union.sorted && union.contains_exactly("lafite"));
    }

    #[test]
    fn a_sentences_words_in_order_answer_as_sorted_ones() {
        let words = sample_words();
        let text = words
            .iter()
            .step_by(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(" - Jean-Marc ");
        let sorted = FoldedWords::new(&text);
        let tokens = crate::text::words(&text);
        let folded: Vec<String> = tokens.iter().map(|(_, w)| fold(w)).collect();
        let in_order = FoldedWords::from_folded(&tokens, folded);
        assert!(sorted.sorted && !in_order.sorted);
        fn set(w: &FoldedWords) -> std::collections::BTreeSet<&str> {
            w.iter().collect()
        }
        assert_eq!(set(&sorted), set(&in_order));
        let (mut exact, mut loose) = (0, 0);
        for w in words.iter().chain(
            ["marc", "jean", "zzz"]
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .iter(),
        ) {
            let q = fold(w);
            assert_eq!(
                sorted.contains_exactly(&q),
                in_order.contains_exactly(&q),
                "{q:?}"
            );
            assert_eq!(sorted.contains(&q), in_order.contains(&q), "{q:?}");
            exact += usize::from(sorted.contains_exactly(&q));
            loose += usize::from(sorted.contains(&q) && !sorted.contains_exactly(&q));
        }
        assert!(exact > 0 && loose > 0);
    }

    proptest::proptest! {
        #[test]
        fn fast_fold_equals_the_reference_on_any_text(w in "(\\PC|[aeoustchpkiwyjcqzS'’ÄÖÜßΣα-ωА-я]){0,14}") {
            proptest::prop_assert_eq!(fold(&w), fold_reference(&w));
        }
    }

    #[test]
    fn an_acronym_compounded_with_a_noun_is_no_name() {
        let ns = |text: &str, language| -> Vec<String> {
            names(text, language).into_iter().map(|n| n.text).collect()
        };
        let text = "Dort sprach US-Außenminister Rubio mit der EU-Kommission.";
        assert_eq!(ns(text, Language::DE), ["Rubio"]);
        // Left whole: two acronyms, a number, a name after the acronym's
        // hyphen in a language that does not capitalise nouns.
        assert_eq!(
            ns("Dort sprach US-EU und Covid-19 mit Rubio.", Language::DE),
            ["US-EU", "Covid-19", "Rubio"]
        );
        assert_eq!(
            ns("Then the US-Russia talks began.", Language::EN),
            ["US-Russia"]
        );
    }

    #[test]
    fn a_function_word_opening_a_name_is_no_name() {
        let ns = |text: &str, language| -> Vec<String> {
            names(text, language).into_iter().map(|n| n.text).collect()
        };
        assert_eq!(
            ns("Il cite la revue Les Alpes et Le Monde.", Language::FR),
            ["Alpes", "Monde"]
        );
        // Alone, or before a lower-case word, it is left to the other
        // rules ("Theresa May" keeps its family name).
        assert_eq!(
            ns("Then Theresa May spoke.", Language::EN),
            ["Theresa", "May"]
        );
        // A bracket opens like a sentence: its first word is no name.
        assert_eq!(ns("Voir ceci {Tiens, Paris} ici.", Language::FR), ["Paris"]);
    }

    #[test]
    fn skips_sentence_initial_words() {
        let ns: Vec<String> = names(
            "The call with Putin came. Then \"Xi said\" so.",
            Language::EN,
        )
        .into_iter()
        .map(|n| n.text)
        .collect();
        assert_eq!(ns, ["Putin"]);
    }
}
