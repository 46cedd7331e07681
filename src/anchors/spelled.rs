//! Spelled-out numbers of any size, read from per-language morpheme tables
//! (`data/spelled/*.txt`, format in `data/spelled/README.txt`): several
//! words ("three hundred and fifty", "deux cent cinquante") and single-word
//! compounds ("dreihundertfünfzig", "vijfentwintig", "ezerkilencszáznyolcvannégy").
//!
//! A word is split into known morphemes by backtracking over a prefix trie,
//! longest morpheme first; a split counts only when the morphemes make a
//! well-formed number (a multiplier multiplies the group before it, scales
//! fall from left to right, a unit follows a ten or, in German and Dutch,
//! precedes it with a connector). Most words match no morpheme at their
//! first letter, so the common case costs one failed trie step.

use std::ops::Range;
use std::sync::OnceLock;

use crate::data::{self, format::SpelledLine};
use crate::language::Language;

/// Most ways of splitting one word that are tried.
const MAX_SPLITS: usize = 8;

use data::format::MorphemeKind as Kind;

#[derive(Debug, Clone, Copy)]
struct Morpheme {
    kind: Kind,
    value: u64,
    /// Must be followed by another morpheme in the same word.
    bound: bool,
    /// Must be followed by a suffix.
    stem: bool,
    /// Nothing but a suffix may follow.
    ordinal: bool,
    /// May stand alone as a number.
    solo: bool,
}

#[derive(Default)]
struct Node {
    next: Vec<(char, usize)>,
    ends: Vec<usize>,
}

/// One language's table of spelled-number morphemes.
#[derive(Default)]
pub(crate) struct Table {
    nodes: Vec<Node>,
    morphemes: Vec<Morpheme>,
    suffixes: Vec<String>,
    vague: Vec<String>,
    units_before_tens: bool,
    compounds: bool,
    teens_after_tens: bool,
    /// The ASCII lower-case letters that start a morpheme, one bit each
    /// (bit 0 for `a`): most words are ruled out by their first letter.
    first_letters: u32,
    /// [`Table::starts_with`] of every three ASCII lower-case letters, one
    /// bit each (`a`..`z` as 0..26, the first letter weighing 676).
    starts3: Vec<u64>,
}

impl Table {
    fn parse(lines: Vec<SpelledLine<'_>>) -> Table {
        let mut t = Table {
            nodes: vec![Node::default()],
            ..Table::default()
        };
        for line in lines {
            let (kind, value, forms) = match line {
                SpelledLine::Suffixes(s) => {
                    t.suffixes.extend(s.into_iter().map(str::to_string));
                    continue;
                }
                SpelledLine::Vague(s) => {
                    t.vague.extend(s.into_iter().map(str::to_string));
                    continue;
                }
                SpelledLine::Options(options) => {
                    for o in options {
                        t.units_before_tens |= o == "units-before-tens";
                        t.compounds |= o == "compounds";
                        t.teens_after_tens |= o == "teens-after-tens";
                    }
                    continue;
                }
                SpelledLine::Morphemes { kind, value, forms } => (kind, value, forms),
            };
            for form in forms {
                let m = Morpheme {
                    kind,
                    value,
                    bound: form.bound,
                    stem: form.stem,
                    ordinal: form.ordinal,
                    solo: form.solo,
                };
                t.insert(form.text, m);
            }
        }
        t.suffixes.sort();
        for &(c, _) in &t.nodes[0].next {
            if c.is_ascii_lowercase() {
                t.first_letters |= 1 << (c as u8 - b'a');
            }
        }
        t.starts3 = t.three_letter_starts();
        t
    }

    /// The bits of [`Table::starts3`], from the trie's first three levels:
    /// a morpheme ending after one or two letters starts every word that
    /// begins with them.
    fn three_letter_starts(&self) -> Vec<u64> {
        let mut bits = vec![0u64; (26 * 26 * 26usize).div_ceil(64)];
        let mut set = |from: usize, to: usize| {
            for i in from..to {
                bits[i / 64] |= 1 << (i % 64);
            }
        };
        let letters = |node: usize| {
            self.nodes[node]
                .next
                .iter()
                .filter(|(c, _)| c.is_ascii_lowercase())
                .map(|&(c, n)| (usize::from(c as u8 - b'a'), n))
        };
        for (a, n1) in letters(0) {
            if !self.nodes[n1].ends.is_empty() {
                set(a * 676, (a + 1) * 676);
                continue;
            }
            for (b, n2) in letters(n1) {
                let ab = a * 676 + b * 26;
                if !self.nodes[n2].ends.is_empty() {
                    set(ab, ab + 26);
                    continue;
                }
                for (c, _) in letters(n2) {
                    set(ab + c, ab + c + 1);
                }
            }
        }
        bits
    }

    fn insert(&mut self, form: &str, m: Morpheme) {
        let mut node = 0;
        for c in form.chars() {
            node = match self.nodes[node].next.iter().find(|(k, _)| *k == c) {
                Some(&(_, n)) => n,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[node].next.push((c, n));
                    n
                }
            };
        }
        self.morphemes.push(m);
        let id = self.morphemes.len() - 1;
        self.nodes[node].ends.push(id);
    }

    /// Morphemes that start `word` at char index `at`, longest first, with
    /// the char index after each.
    fn prefixes(&self, word: &[char], at: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut node = 0;
        for (i, c) in word[at..].iter().enumerate() {
            match self.nodes[node].next.iter().find(|(k, _)| k == c) {
                Some(&(_, n)) => node = n,
                None => break,
            }
            out.extend(self.nodes[node].ends.iter().map(|&m| (m, at + i + 1)));
        }
        out.reverse();
        out
    }

    /// Whether `word` starts like a morpheme (its first three letters are a
    /// path in the trie): rules out most words before any allocation.
    fn may_start(&self, word: &str) -> bool {
        // An ASCII letter's lower case is one ASCII letter.
        if let Some(b) = word.bytes().next().filter(u8::is_ascii_alphabetic) {
            if self.first_letters & (1 << (b.to_ascii_lowercase() - b'a')) == 0 {
                return false;
            }
        }
        // Three ASCII letters first: their answer is in the table.
        if let [a, b, c, ..] = *word.as_bytes() {
            if [a, b, c].iter().all(u8::is_ascii_alphabetic) {
                let at = |x: u8| usize::from(x.to_ascii_lowercase() - b'a');
                let i = at(a) * 676 + at(b) * 26 + at(c);
                return self.starts3[i / 64] & (1 << (i % 64)) != 0;
            }
        }
        // Three ASCII bytes first are the word's first three characters,
        // each its lower case in one character.
        if word.bytes().take(3).all(|b| b.is_ascii()) {
            self.starts_with(
                word.bytes()
                    .take(3)
                    .map(|b| char::from(b.to_ascii_lowercase())),
            )
        } else {
            self.starts_with(word.chars().flat_map(char::to_lowercase).take(3))
        }
    }

    /// Whether `chars` (lower case) are a path in the trie, or a morpheme
    /// ends along it.
    fn starts_with(&self, chars: impl Iterator<Item = char>) -> bool {
        let mut node = 0;
        for c in chars {
            if !self.nodes[node].ends.is_empty() && node != 0 {
                return true;
            }
            match self.nodes[node].next.iter().find(|(k, _)| *k == c) {
                Some(&(_, n)) => node = n,
                None => return false,
            }
        }
        true
    }

    fn is_suffix(&self, s: &str) -> bool {
        self.suffixes
            .binary_search_by(|x| x.as_str().cmp(s))
            .is_ok()
    }

    /// The suffix that `rest` is (one, or two chained), if any; the last
    /// of them is returned so a vague ending can be told.
    fn suffix<'a>(&self, rest: &'a str) -> Option<&'a str> {
        if self.is_suffix(rest) {
            return Some(rest);
        }
        rest.char_indices()
            .skip(1)
            .find(|&(i, _)| self.is_suffix(&rest[..i]) && self.is_suffix(&rest[i..]))
            .map(|(i, _)| &rest[i..])
    }
}

pub(crate) fn table(language: Language) -> Option<&'static Table> {
    // Each language's table is parsed the first time it is asked for: a
    // check of two languages reads two files, not all of them.
    static TABLES_READ: OnceLock<Vec<OnceLock<Table>>> = OnceLock::new();
    let cells = TABLES_READ.get_or_init(|| data::SPELLED.iter().map(|_| OnceLock::new()).collect());
    let code = language.code();
    let i = data::SPELLED.iter().position(|(c, _, _)| *c == code)?;
    Some(cells[i].get_or_init(|| {
        let (_, file, text) = data::SPELLED[i];
        Table::parse(data::valid(data::format::spelled(file, text)))
    }))
}

/// One way of reading one word: its morphemes and the suffix after them.
#[derive(Debug, Clone)]
struct Split {
    morphemes: Vec<usize>,
    suffix: Option<String>,
}

/// Every split of `word` into morphemes and an optional suffix, preferred
/// (longest morphemes) first.
fn splits(t: &Table, word: &str) -> Vec<Split> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let mut path = Vec::new();
    walk(t, &chars, 0, &mut path, &mut out);
    out
}

fn walk(t: &Table, chars: &[char], at: usize, path: &mut Vec<usize>, out: &mut Vec<Split>) {
    if out.len() >= MAX_SPLITS {
        return;
    }
    let last = path.last().map(|&m| t.morphemes[m]);
    if at == chars.len() {
        if last.is_some_and(|m| !m.stem && !m.bound) {
            out.push(Split {
                morphemes: path.clone(),
                suffix: None,
            });
        }
        return;
    }
    // More morphemes before a suffix: "negyvenöt" is 45, not 40 with the
    // accusative "-öt".
    if !last.is_some_and(|m| m.stem || m.ordinal) {
        for (m, next) in t.prefixes(chars, at) {
            path.push(m);
            walk(t, chars, next, path, out);
            path.pop();
        }
    }
    if last.is_some_and(|m| !m.bound) {
        let rest: String = chars[at..].iter().collect();
        if let Some(s) = t.suffix(&rest) {
            out.push(Split {
                morphemes: path.clone(),
                suffix: Some(s.to_string()),
            });
        }
    }
}

/// The value grammar: a left-to-right reading of morphemes.
#[derive(Debug, Clone, Default)]
struct State {
    total: u64,
    hundreds: Option<u64>,
    ten: Option<u64>,
    unit: Option<u64>,
    last_scale: Option<u64>,
    joint: bool,
    bound: bool,
    ordinal: bool,
    /// Morphemes read, connectors aside.
    count: usize,
    /// A unit, ten or hundreds word was read (not only multipliers).
    solid: bool,
    solo: bool,
    last_kind: Option<Kind>,
    vague: bool,
    /// "eleven hundred" may be a time of day (11:00).
    hours: Option<u64>,
}

impl State {
    fn feed(&mut self, m: &Morpheme, t: &Table) -> bool {
        if self.ordinal {
            return false;
        }
        if m.kind == Kind::Joint {
            if self.count == 0 || self.joint || self.bound {
                return false;
            }
            self.joint = true;
            return true;
        }
        let ok = match m.kind {
            Kind::Unit => match (self.unit, self.ten) {
                (Some(_), _) => false,
                (None, Some(_)) => {
                    !t.units_before_tens
                        && m.value >= 1
                        && m.value <= if t.teens_after_tens { 19 } else { 9 }
                }
                (None, None) => true,
            },
            Kind::Ten => match (self.ten, self.unit) {
                (Some(_), _) => false,
                (None, Some(u)) => t.units_before_tens && self.joint && u <= 9,
                (None, None) => true,
            },
            Kind::Hundreds => self.hundreds.is_none() && self.ten.is_none() && self.unit.is_none(),
            Kind::Hundred => !self.joint && self.hundreds.is_none() && self.ten.is_none(),
            Kind::Scale => !self.joint && self.last_scale.is_none_or(|s| m.value < s),
            Kind::Joint => unreachable!("handled above"),
        };
        if !ok {
            return false;
        }
        self.hours = None;
        match m.kind {
            Kind::Unit => self.unit = Some(m.value),
            Kind::Ten => self.ten = Some(m.value),
            Kind::Hundreds => self.hundreds = Some(m.value),
            Kind::Hundred => {
                let by = self.unit.take().unwrap_or(1);
                self.hundreds = Some(by * m.value);
                self.hours = (by >= 10 && self.total == 0).then_some(by);
            }
            Kind::Scale => {
                let group = self.group();
                self.total += group.max(1) * m.value;
                self.hundreds = None;
                self.ten = None;
                self.unit = None;
                self.last_scale = Some(m.value);
            }
            Kind::Joint => {}
        }
        self.solid |= matches!(m.kind, Kind::Unit | Kind::Ten | Kind::Hundreds);
        self.joint = false;
        self.bound = m.bound;
        self.ordinal = m.ordinal;
        self.count += 1;
        self.solo = m.solo;
        self.last_kind = Some(m.kind);
        true
    }

    fn group(&self) -> u64 {
        self.hundreds.unwrap_or(0) + self.ten.unwrap_or(0) + self.unit.unwrap_or(0)
    }

    fn value(&self) -> u64 {
        self.total + self.group()
    }

    /// Whether the reading may stop here.
    fn complete(&self) -> bool {
        self.count > 0 && !self.joint && !self.bound && (self.count > 1 || self.solo)
    }
}

/// The longest number that starts `word` and leaves at least three letters
/// of another word after it, when it is too specific to be chance: a unit
/// or ten making 20 or more, or a compound ("hatalmas" does not read 6,
/// "Hundertschaft" not 100, "húszkilós" reads 20).
fn compound_head(t: &Table, word: &str) -> Option<State> {
    fn grow(
        t: &Table,
        chars: &[char],
        at: usize,
        state: &State,
        best: &mut Option<(usize, State)>,
    ) {
        for (m, next) in t.prefixes(chars, at) {
            let mut s = state.clone();
            let morpheme = &t.morphemes[m];
            if !s.feed(morpheme, t) {
                continue;
            }
            let specific = s.solid && (s.value() >= 20 || s.count >= 2);
            if s.complete()
                && !morpheme.stem
                && specific
                && chars.len() - next >= 3
                && best.as_ref().is_none_or(|(b, _)| next > *b)
            {
                *best = Some((next, s.clone()));
            }
            grow(t, chars, next, &s, best);
        }
    }
    let chars: Vec<char> = word.chars().collect();
    let mut best = None;
    grow(t, &chars, 0, &State::default(), &mut best);
    best.map(|(_, s)| s)
}

/// A spelled-out number read from a run of words.
#[derive(Debug, Clone, PartialEq)]
pub struct Spelled {
    /// How many of the given words it touches (the last one may be cut at a
    /// hyphen: "twenty-five-year-old" reads "twenty-five").
    pub words: usize,
    /// Byte offset where it ends in the text the word ranges refer to.
    pub end: usize,
    /// Every value the writing allows, most likely first.
    pub values: Vec<f64>,
    /// Written as a compound or in several words with a unit, ten or
    /// hundreds word ("dreihundert", "twenty-five", "two million"), or as
    /// one hundreds word ("trescientos"): a figure no idiom writes, so a
    /// fact the translation must carry. Single simple words ("three",
    /// "hundred"), vague plurals ("Zehntausende") and nouns made of a
    /// number ("Achttausender", a peak over 8000 m) only confirm one.
    pub firm: bool,
}

/// The state after reading `word` from `state` by its first well-formed
/// split, and whether the word ended in a suffix.
fn advance(t: &Table, state: &State, word: &str) -> Option<(State, bool)> {
    splits(t, word).into_iter().find_map(|split| {
        let mut s = state.clone();
        let ok = split.morphemes.iter().all(|&m| s.feed(&t.morphemes[m], t)) && !s.bound;
        ok.then(|| {
            if let Some(suffix) = &split.suffix {
                s.vague = t.vague.iter().any(|p| p == suffix);
            }
            (s, split.suffix.is_some())
        })
    })
}

fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, '-' | '\u{2011}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads the longest spelled-out number at the start of `words` (word
/// tokens of one text, in order, each with its byte range), in `language`.
/// Words must be separated by white space or a hyphen only (`gap(i)` is the
/// text between word `i - 1` and word `i`). `None` when the first word
/// starts no number or the language has no table.
pub fn parse<'a>(
    words: &[(Range<usize>, &'a str)],
    gap: impl Fn(usize) -> &'a str,
    language: Language,
) -> Option<Spelled> {
    parse_in(table(language)?, words, gap)
}

/// [`parse`] with the language's table (`table(language)`) looked up
/// once, for a caller that reads word after word.
pub(crate) fn parse_in<'a>(
    t: &Table,
    words: &[(Range<usize>, &'a str)],
    gap: impl Fn(usize) -> &'a str,
) -> Option<Spelled> {
    if !t.may_start(words.first()?.1) {
        return None;
    }
    let mut state = State::default();
    let mut best: Option<(usize, usize, State)> = None;
    'words: for (i, (range, word)) in words.iter().enumerate() {
        if i > 0 {
            let g = gap(i);
            if g.is_empty() || !(g.chars().all(char::is_whitespace) || g == "-") {
                break;
            }
        }
        // The whole word, else its hyphen-joined parts one by one
        // ("fourteen-thirty" is two numbers).
        if let Some((next, suffixed)) = advance(t, &state, &fold(word)) {
            state = next;
            if state.complete() {
                best = Some((i + 1, range.end, state.clone()));
            }
            // An inflected word ends the number; a connector cannot.
            if suffixed {
                break;
            }
            continue;
        }
        if !word.contains('-') {
            // "húszkilós", "zwanzigjährige": a number before a noun.
            if i == 0 && t.compounds {
                return compound_head(t, &fold(word)).map(|s| Spelled {
                    words: 1,
                    end: range.end,
                    values: vec![s.value() as f64],
                    firm: false,
                });
            }
            break;
        }
        let mut end = range.start;
        for part in word.split('-') {
            end += part.len();
            let Some((next, suffixed)) = advance(t, &state, &fold(part)) else {
                break 'words;
            };
            state = next;
            if state.complete() {
                best = Some((i + 1, end, state.clone()));
            }
            if suffixed {
                break 'words;
            }
            end += 1;
        }
    }
    let (words, end, s) = best?;
    Some(Spelled {
        words,
        end,
        values: std::iter::once(s.value())
            .chain(s.hours)
            .map(|v| v as f64)
            .collect(),
        firm: !s.vague && ((s.count >= 2 && s.solid) || s.last_kind == Some(Kind::Hundreds)),
    })
}

#[cfg(test)]
mod tests;
