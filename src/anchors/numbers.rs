//! Numbers read per locale: `400.000` (de) = `400,000` (en), `3,5` = `3.5`,
//! `1 200` (fr), ordinals (`24.`, `24th`, `3e`), scale words (`10 million`
//! = `10 Millionen`) and spelled-out numbers: compounds and runs of words
//! by [`super::spelled`] (`dreihundertfünfzig`, `three hundred and fifty`),
//! other simple words and ordinals from `data/numbers.txt` (`dritten` =
//! `third`).
//!
//! A number keeps every value its writing allows; two numbers are the same
//! when they share a value, so a formatting difference never looks like a
//! changed fact.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::data;
use crate::language::{Language, Properties, default_properties, properties};

/// One number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The number as written.
    pub text: String,
    /// Every value the writing allows, most likely first.
    pub values: Vec<f64>,
    /// Written with digits.
    pub digits: bool,
    /// A fact the counterpart must carry: written with digits, or spelled
    /// out as a compound or in several words ("dreihundertfünfzig", "two
    /// million"). Other spelled-out numbers ("three", "hundred", "egy")
    /// may be a figure of speech or an article: they merely confirm a
    /// number on the other side.
    pub firm: bool,
    /// How many of `values`, at the front, a scale word multiplied ("4.2
    /// billion": 4.2e9 first, then the bare 4.2 in case the other side's
    /// scale word is unknown). 0 without a scale word.
    pub scaled: usize,
    /// What the number is.
    pub kind: NumberKind,
}

/// What a number is, as far as its writing tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberKind {
    /// A count or an amount (`12`, `3.5`, `10 million`).
    Plain,
    /// A four-digit year (`2024`).
    Year,
    /// An ordinal (`24th`, `3e`, `2.` is not told apart from a plain 2).
    Ordinal,
    /// A decade (`1950s`, `1990er`): confirms, never required.
    Decade,
    /// A percentage (`12 %`).
    Percent,
    /// A date, time or range read part by part (`24.2.2025`, `10:30`, `2019–2021`).
    Compound,
    /// Spelled out in words (`dreihundertfünfzig`, `third`).
    Spelled,
    /// A month of a date: its name next to a day or a year (`8 August`,
    /// `August 2024`: 8), or its number before the month sign (`9月`,
    /// `9월`). A month only stands for another month or a date written
    /// with digits (`8.8.2024`), never for a count.
    Month,
}

impl Number {
    /// The values the aligner keys this number on: its one most likely
    /// reading, or each part of a date, time or range.
    pub fn keys(&self) -> &[f64] {
        match self.kind {
            NumberKind::Compound => &self.values,
            _ => &self.values[..1],
        }
    }
}

/// Languages that write `3,5` for three and a half.
fn comma_decimal(language: Language) -> bool {
    properties(language).decimal_mark == ','
}

/// The simple number words of one language, for looking a word up: whole
/// words by hash, stems (`word*` in the file) in order, each with its place
/// in the file, since the first entry that matches gives the value.
#[derive(Default)]
struct SpelledWords {
    count: usize,
    exact: super::WordMap<(usize, f64)>,
    stems: Vec<(usize, String, f64)>,
    /// The ASCII letters that start a word or a stem, one bit each (bit 0
    /// for `a`; every bit when a stem is empty).
    first_letters: u32,
}

/// The simple number words of `language`, `None` when numbers.txt lists
/// none. The file is split into lines once; a language's table is made
/// the first time it is asked for (a check of two languages makes two).
fn spelled_table(language: Language) -> Option<&'static SpelledWords> {
    static LINES: OnceLock<Vec<data::format::NumberWords<'static>>> = OnceLock::new();
    // One cell per two-letter code (the codes are lower-case ASCII).
    static TABLES: OnceLock<Vec<OnceLock<Option<SpelledWords>>>> = OnceLock::new();
    let code = language.code().as_bytes();
    let cells = TABLES.get_or_init(|| (0..26 * 26).map(|_| OnceLock::new()).collect());
    let cell = match *code {
        [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => {
            &cells[usize::from(a - b'a') * 26 + usize::from(b - b'a')]
        }
        // Never: a language's code is two lower-case letters.
        _ => return None,
    };
    cell.get_or_init(|| spelled_words(all_number_lines(&LINES), language.code()))
        .as_ref()
}

fn all_number_lines(
    lines: &'static OnceLock<Vec<data::format::NumberWords<'static>>>,
) -> &'static [data::format::NumberWords<'static>] {
    lines.get_or_init(|| {
        let (file, text) = data::NUMBER_WORDS;
        data::valid(data::format::number_words(file, text))
    })
}

/// The table of the lines of language `code`, if any.
fn spelled_words(lines: &[data::format::NumberWords<'_>], code: &str) -> Option<SpelledWords> {
    let mut entry: Option<SpelledWords> = None;
    for line in lines.iter().filter(|l| l.language == code) {
        entry.get_or_insert_with(SpelledWords::default).add(line);
    }
    entry
}

impl SpelledWords {
    /// Files the words of one line of `numbers.txt`, after those filed
    /// before (a word's place keeps the file's order).
    fn add(&mut self, line: &data::format::NumberWords<'_>) {
        for w in &line.words {
            let place = self.count;
            self.count += 1;
            self.first_letters |= first_letter_bits(w.strip_suffix('*').unwrap_or(w));
            match w.strip_suffix('*') {
                Some(stem) => self.stems.push((place, stem.to_string(), line.value)),
                None => {
                    self.exact
                        .entry(w.to_string())
                        .or_insert((place, line.value));
                }
            }
        }
    }
}

/// The bit of an ASCII lower-case first letter of `word` (bit 0 for `a`);
/// every bit for an empty word (a stem that starts every word), none for
/// another first character (no word whose first letter is ASCII starts
/// with it).
fn first_letter_bits(word: &str) -> u32 {
    match word.bytes().next() {
        None => u32::MAX,
        Some(b) if b.is_ascii_lowercase() => 1 << (b - b'a'),
        Some(_) => 0,
    }
}

/// The ASCII letters that start a scale word of any language.
fn scale_first_letters() -> u32 {
    static BITS: OnceLock<u32> = OnceLock::new();
    *BITS.get_or_init(|| {
        scale_table()
            .keys()
            .filter(|w| !w.is_empty())
            .fold(0, |bits, w| bits | first_letter_bits(w))
    })
}

/// Whether `word` can be a number word of the language (`words`) or a
/// scale word: `false` only when its first letter is ASCII and starts
/// none of them, which rules out most words before they are lower-cased
/// and looked up (a lower-cased word starts with its first letter's lower
/// case, and a table word it equals or starts with starts alike).
fn may_be_number_word(word: &str, words: Option<&SpelledWords>) -> bool {
    let Some(b) = word.bytes().next().filter(u8::is_ascii_alphabetic) else {
        return true;
    };
    let letters = words.map_or(0, |w| w.first_letters) | scale_first_letters();
    letters & (1 << (b.to_ascii_lowercase() - b'a')) != 0
}

fn scale_table() -> &'static super::WordMap<i32> {
    static TABLE: OnceLock<super::WordMap<i32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = super::WordMap::default();
        let (file, text) = data::SCALES;
        for (power, words) in data::valid(data::format::scales(file, text)) {
            for w in words {
                table.insert(w.to_string(), power);
            }
        }
        table
    })
}

/// `word` in lower case, copied only when it has to change.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The value of a simple number word, given in lower case (`lower`).
fn spelled_value(lower: &str, words: Option<&SpelledWords>) -> Option<f64> {
    let words = words?;
    let exact = words.exact.get(lower).copied();
    let stem = words
        .stems
        .iter()
        .find(|(_, stem, _)| lower.starts_with(stem.as_str()) && lower.len() <= stem.len() + 3);
    match (exact, stem) {
        (Some((i, v)), Some(&(j, _, w))) => Some(if i < j { v } else { w }),
        (Some((_, v)), None) => Some(v),
        (None, Some(&(_, _, w))) => Some(w),
        (None, None) => None,
    }
}

fn is_group_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// Whether a run of digits and separators is a date, a time or a range,
/// read part by part (`24.2.2025`, `10:30`, `1954/55`).
fn compound(token: &str) -> bool {
    let seps: Vec<char> = token.chars().filter(|c| !c.is_ascii_digit()).collect();
    let groups = token
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty());
    seps.iter().any(|c| matches!(c, '/' | ':' | '-' | '–'))
        || (seps.len() >= 2
            && seps.iter().all(|c| *c == '.')
            && groups.skip(1).any(|g| g.len() != 3))
}

/// Reads a run of digits and separators into its possible values.
/// `comma_decimal` is the locale's decimal mark (a comma?), unknown when
/// the language is: then three-digit groups read as thousands first.
fn values_of(token: &str, comma_decimal: Option<bool>) -> Vec<f64> {
    let groups: Vec<&str> = token
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let seps: Vec<char> = token.chars().filter(|c| !c.is_ascii_digit()).collect();
    let parse = |s: &str| s.parse::<f64>().ok();
    let joined: String = groups.concat();
    if seps.is_empty() {
        return parse(&joined).into_iter().collect();
    }
    // Dates, times and ranges: read each part on its own.
    if compound(token) {
        let mut out: Vec<f64> = groups.iter().filter_map(|g| parse(g)).collect();
        // "1954/55" also means 1955.
        if groups[0].len() == 4 {
            out.extend(
                groups[1..]
                    .iter()
                    .filter(|g| g.len() == 2)
                    .filter_map(|g| parse(&format!("{}{g}", &groups[0][..2]))),
            );
        }
        return out;
    }
    let thousands_ok = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let last = *seps.last().unwrap_or(&'.');
    let mut out = Vec::new();
    if seps.iter().all(|c| is_group_sep(*c)) {
        // "1 200" is 1200 in French, but "38 737" may be two numbers.
        if thousands_ok {
            out.extend(parse(&joined));
        }
        out.extend(groups.iter().filter_map(|g| parse(g)));
        return out;
    }
    let uniform = seps.iter().all(|c| *c == last);
    if uniform && matches!(last, '.' | ',') {
        let as_decimal = (groups.len() == 2)
            .then(|| parse(&format!("{}.{}", groups[0], groups[1])))
            .flatten();
        let as_thousands = thousands_ok.then(|| parse(&joined)).flatten();
        let decimal_first = match comma_decimal {
            Some(comma) => (last == ',') == comma,
            None => !thousands_ok,
        };
        // A comma that is neither the locale's decimal mark nor a
        // thousands mark ("1,2" in English, pages 1 and 2): a list, read
        // part by part. (A full stop stays a decimal everywhere: versions
        // such as 1.2 are written so in every language.)
        if last == ',' && comma_decimal == Some(false) && !thousands_ok {
            return groups.iter().filter_map(|g| parse(g)).collect();
        }
        let (a, b) = if decimal_first {
            (as_decimal, as_thousands)
        } else {
            (as_thousands, as_decimal)
        };
        out.extend(a);
        out.extend(b);
        // "10.30" may be a time of day; "3,50" a price: keep the parts.
        if groups.len() == 2 && groups[1].len() == 2 {
            out.extend(groups.iter().filter_map(|g| parse(g)));
        }
        if out.is_empty() {
            out.extend(groups.iter().filter_map(|g| parse(g)));
        }
        return out;
    }
    // Mixed separators: the last one is the decimal mark.
    let int: String = groups[..groups.len() - 1].concat();
    out.extend(parse(&format!("{int}.{}", groups[groups.len() - 1])));
    out
}

/// Whether the letters before a digit run end a word the digits were glued
/// to by a lost space ("valóban1984"), rather than a code ("G20", "A380",
/// "COVID19"): at least three letters, all lower case.
fn glued(before: &[(usize, char)]) -> bool {
    let letters = before
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .collect::<Vec<_>>();
    letters.len() >= 3 && letters.iter().all(|(_, c)| c.is_lowercase())
}

/// The power of ten of a Chinese, Japanese or Korean scale sign right
/// after a number ("10亿" = 10^9, "10万" = 10^5, "3천" = 3000).
fn cjk_scale(rest: &str) -> Option<(i32, usize)> {
    // A run of signs multiplies (千亿 = 10^11, 천만 = 10^7).
    let mut power = 0;
    let mut len = 0;
    for c in rest.chars() {
        let p = match c {
            '十' | '십' => 1,
            '百' | '백' => 2,
            '千' | '천' => 3,
            '万' | '萬' | '만' => 4,
            '亿' | '億' | '억' => 8,
            '兆' | '조' => 12,
            _ => break,
        };
        power += p;
        len += c.len_utf8();
    }
    // 千米, 千克, 千瓦 are kilometre, kilogram, kilowatt: units, not scales.
    if rest[len..].starts_with(['米', '克', '瓦']) && rest[..len].ends_with('千') {
        power -= 3;
        len -= '千'.len_utf8();
    }
    // A lone 十 or 百 after digits is rare and usually part of a word.
    (power >= 3).then_some((power, len))
}

/// Vowel signs and nuktas of Devanagari and Bengali: not alphabetic to
/// Unicode, but inside words (हज़ार, करोड़).
fn indic_sign(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x0903 | 0x093A..=0x094F | 0x0981..=0x0983 | 0x09BC..=0x09CD)
}

/// Every number in `text`, in order: those written with digits
/// ([`digit_numbers`]), then spelled-out ones around them.
pub fn numbers(text: &str, language: Language) -> Vec<Number> {
    numbers_in(text, crate::text::words(text), language)
}

/// [`numbers`] of `text` whose words (`crate::text::words`) are known.
pub fn numbers_in(text: &str, words: Vec<(Range<usize>, &str)>, language: Language) -> Vec<Number> {
    let mut out = digit_numbers(text, language);
    let months = month_numbers(text, &words, language, &out);
    let numerals = ideographic_numbers(text, language, &out);
    word_numbers(text, words, language, &mut out);
    out.extend(months);
    out.extend(numerals);
    out.sort_by_key(|n| n.range.start);
    out
}

/// Whether `n` may be the day of a date: a whole number from 1 to 31
/// written with digits (`8`, `8.`, `8th`).
fn a_day(n: &Number) -> bool {
    n.digits
        && matches!(n.kind, NumberKind::Plain | NumberKind::Ordinal)
        && n.values
            .first()
            .is_some_and(|&v| (1.0..=31.0).contains(&v) && v.fract() == 0.0)
}

/// Whether `gap`, the text between a number and a month name, keeps them
/// one date: white space, the language's joiners (`de`, `of`) and, when
/// `after_number`, a full stop or an ordinal ending right after the
/// digits (`8. August`, `8th of August`).
fn date_gap(gap: &str, after_number: bool, joiners: &HashSet<String>, props: &Properties) -> bool {
    let mut rest = gap;
    if after_number {
        let suffix_len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, 'º' | 'ª')))
            .unwrap_or(rest.len());
        if props.is_ordinal_suffix(&rest[..suffix_len]) {
            rest = &rest[suffix_len..];
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    rest.starts_with(char::is_whitespace)
        && rest.ends_with(char::is_whitespace)
        && rest.split_whitespace().all(|w| joiners.contains(w))
        && rest.split_whitespace().count() <= 1
}

/// Month names of `text` that stand in a date, next to a day or a year
/// among `digits` (the digit numbers of `text`): "8 August", "August 8",
/// "August 2024", "le 8 août", "8 de agosto". A month name alone ("in
/// May") is no number. Names are the language's segmentation months.
fn month_numbers(
    text: &str,
    words: &[(Range<usize>, &str)],
    language: Language,
    digits: &[Number],
) -> Vec<Number> {
    let mut out = Vec::new();
    if digits.is_empty() {
        return out;
    }
    let Some(resources) = crate::segment::resources::for_language(language) else {
        return out;
    };
    if resources.month_numbers.is_empty() {
        return out;
    }
    let props = properties(language);
    let joiners = &resources.month_joiners;
    for (range, word) in words {
        let Some(month) = resources.month_number(word) else {
            continue;
        };
        let dated = digits.iter().any(|d| {
            let day_or_year = a_day(d) || d.kind == NumberKind::Year;
            day_or_year
                && if d.range.end <= range.start {
                    date_gap(&text[d.range.end..range.start], true, joiners, props)
                } else {
                    range.end <= d.range.start
                        && date_gap(&text[range.end..d.range.start], false, joiners, props)
                }
        });
        if dated {
            out.push(Number {
                range: range.clone(),
                text: word.to_string(),
                values: vec![f64::from(month)],
                digits: false,
                firm: false,
                scaled: 0,
                kind: NumberKind::Month,
            });
        }
    }
    out
}

/// The power of ten of a myriad sign (万 10^4, 億 10^8, 兆 10^12), which
/// multiplies the group of an ideographic numeral before it.
fn myriad(c: char) -> Option<i32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        '兆' => Some(12),
        _ => None,
    }
}

/// The value of an ideographic numeral whose characters are `run` (each a
/// digit, a sign of tens or a myriad sign): read digit by digit when it has
/// no sign of tens (二〇二三 = 2023), else by its signs (三十五 = 35, 十一 =
/// 11, 二千 = 2000, 三万五千 = 35,000).
fn numeral_value(run: &[Numeral]) -> f64 {
    if !run.iter().any(|n| matches!(n, Numeral::Tens(_))) {
        let mut total = 0.0;
        let mut group = 0.0;
        for n in run {
            match *n {
                Numeral::Digit(d) => group = group * 10.0 + f64::from(d),
                Numeral::Myriad(p) => {
                    total += group * 10f64.powi(p);
                    group = 0.0;
                }
                Numeral::Tens(_) => {}
            }
        }
        return total + group;
    }
    let (mut total, mut group, mut digit) = (0.0, 0.0, None::<f64>);
    for n in run {
        match *n {
            Numeral::Digit(d) => digit = Some(f64::from(d)),
            // A sign without a digit before it counts once (十一 = 11).
            Numeral::Tens(p) => group += digit.take().unwrap_or(1.0) * 10f64.powi(p),
            Numeral::Myriad(p) => {
                total += (group + digit.take().unwrap_or(0.0)) * 10f64.powi(p);
                group = 0.0;
            }
        }
    }
    total + group + digit.unwrap_or(0.0)
}

/// One character of an ideographic numeral as [`numeral_value`] reads it.
#[derive(Clone, Copy)]
enum Numeral {
    Digit(u32),
    Tens(i32),
    Myriad(i32),
}

/// Numbers written in ideographic numerals (`二〇二三年`, `三十五`, `三つ`),
/// with the characters of the language's `numeral-digits` and
/// `numeral-tens` (none for most languages), outside the numbers of
/// `digits`. They confirm a figure of the other side and are never
/// required (such characters are also parts of words: 一方, 十分), so a
/// lone character is read only when it is a digit from 2 to 9, and a lone
/// sign of tens (十分, 百貨店) not at all, unless it stands before 月: a
/// numeral before 月 is a month (一月, 十月).
fn ideographic_numbers(text: &str, language: Language, digits: &[Number]) -> Vec<Number> {
    let mut out = Vec::new();
    let props = properties(language);
    if props.numeral_digits.is_empty() || text.is_ascii() {
        return out;
    }
    let read = |c: char| match props.numeral_value(c) {
        Some(crate::language::Numeral::Digit(d)) => Some(Numeral::Digit(d)),
        Some(crate::language::Numeral::Tens(p)) => Some(Numeral::Tens(p)),
        None => None,
    };
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let Some(first) = read(c) else {
            continue;
        };
        let mut run = vec![first];
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let Some(n) = read(next).or_else(|| myriad(next).map(Numeral::Myriad)) else {
                break;
            };
            run.push(n);
            end = i + next.len_utf8();
            chars.next();
        }
        let month = text[end..].starts_with('月');
        let lone_word = !month
            && match run[..] {
                [Numeral::Digit(d)] => d < 2,
                [Numeral::Tens(_)] => true,
                _ => false,
            };
        let overlaps = digits
            .iter()
            .any(|d| d.range.start < end && start < d.range.end);
        if lone_word || overlaps {
            continue;
        }
        let kind = if month {
            NumberKind::Month
        } else {
            NumberKind::Spelled
        };
        out.push(Number {
            range: start..end,
            text: text[start..end].to_string(),
            values: vec![numeral_value(&run)],
            digits: false,
            firm: false,
            scaled: 0,
            kind,
        });
    }
    out
}

/// Whether `text` may hold a digit of any script (a cheap test first).
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii()
            && text
                .chars()
                .any(|c| !c.is_ascii() && crate::text::ascii_digit(c) != c))
}

/// The numbers of `text` written with digits, each with its scale word or
/// sign ("10 million", "2,5 Mrd", "10亿") inside its range, so that the
/// scale word is no number of its own. The aligner keys numbers on these.
pub fn digit_numbers(text: &str, language: Language) -> Vec<Number> {
    digit_numbers_in(text, Some(language))
}

/// [`digit_numbers`] for a text whose language may be unknown (the
/// aligner's presegmented input): three-digit groups then read as
/// thousands.
pub fn digit_numbers_in(text: &str, language: Option<Language>) -> Vec<Number> {
    let mut out = Vec::new();
    if !has_digit(text) {
        return out;
    }
    // Digits of other scripts read as ASCII ones; byte offsets stay those
    // of `text`.
    let mut chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, crate::text::ascii_digit(c)))
        .collect();
    full_width_marks(&mut chars);
    let mut i = 0;
    while i < chars.len() {
        if !starts_number(&chars, i) {
            i += 1;
            continue;
        }
        let j = digit_run_end(&chars, i);
        let (number, next) = read_number(text, &chars, i..j, language);
        out.extend(number);
        i = next;
    }
    out
}

/// Full-width marks inside a number written in full-width digits, as
/// Japanese and Chinese text writes it (`３．５％`, `１，２００`), read as
/// ASCII ones: a full stop `．` between digits, a comma `，` before a
/// group of exactly three digits (elsewhere it is the Chinese comma of a
/// list: `1，2和3`).
fn full_width_marks(chars: &mut [(usize, char)]) {
    let digit =
        |k: usize, chars: &[(usize, char)]| chars.get(k).is_some_and(|c| c.1.is_ascii_digit());
    for k in 1..chars.len() {
        let mark = match chars[k].1 {
            '．' => '.',
            '，' => ',',
            _ => continue,
        };
        let group = if mark == ',' { 3 } else { 1 };
        let after = (k + 1..=k + group).all(|n| digit(n, chars));
        let closed = mark == '.' || !digit(k + group + 1, chars);
        if digit(k - 1, chars) && after && closed {
            chars[k].1 = mark;
        }
    }
}

/// Whether a number starts at `chars[i]`: a digit that does not continue
/// one, nor a word it is glued to. Chinese and Japanese write numbers right
/// against the words ("地下430米"): an ideograph before a digit is no word
/// it is in.
fn starts_number(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    c.is_ascii_digit()
        && !prev.is_some_and(|p| p.is_ascii_digit())
        && (!prev.is_some_and(|p| p.is_alphabetic() && !crate::text::cjk(p)) || glued(&chars[..i]))
}

/// Where the run of digits and separators that starts at `chars[i]` ends.
fn digit_run_end(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i + 1;
    while j < chars.len() {
        let c = chars[j].1;
        if c.is_ascii_digit() {
            j += 1;
            continue;
        }
        let next_digit = chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
        if !next_digit {
            break;
        }
        if is_group_sep(c) {
            // A space separates thousands only before exactly 3 digits.
            let run = chars[j + 1..]
                .iter()
                .take_while(|n| n.1.is_ascii_digit())
                .count();
            let before = chars[i..j]
                .iter()
                .rev()
                .take_while(|n| n.1.is_ascii_digit())
                .count();
            if run != 3 || (j - i == before && before > 3) {
                break;
            }
            j += 1;
            continue;
        }
        if matches!(c, '.' | ',' | ':' | '/') {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// A scale after a number: its power of ten, the bytes it takes after the
/// digits (spaces included), and for Chinese and Japanese a remainder
/// written after the sign (2万1000 = 21,000; 3亿5000万) as its value and
/// its length in bytes.
struct Scale {
    power: i32,
    len: usize,
    remainder: Option<(f64, usize)>,
    /// A Chinese, Japanese or Korean sign (万, 億, 조), which is part of
    /// the number as written: the bare digits before it are no reading.
    sign: bool,
}

/// The scale word ("million", "Mrd") or sign ("亿") right after a number.
fn scale_after(rest: &str) -> Option<Scale> {
    let trimmed = rest.trim_start();
    let word_len: usize = trimmed
        .chars()
        .take_while(|&c| (c.is_alphabetic() || indic_sign(c)) && !crate::text::cjk(c))
        .map(char::len_utf8)
        .sum();
    let word = trimmed[..word_len].to_lowercase();
    if let Some(&power) = scale_table().get(word.as_str()) {
        let len = rest.len() - trimmed.len() + word_len;
        return Some(Scale {
            power,
            len,
            remainder: None,
            sign: false,
        });
    }
    let (power, len) = cjk_scale(rest)?;
    // Korean spaces the groups of one number (1조 2000억, 3만 2000명): a
    // space before the remainder, taken when the remainder is smaller
    // than the sign (not in 2000억 1조, two numbers).
    let space = usize::from(rest[len..].starts_with(' '));
    // The remainder's digits, full-width ones too (３億５０００万): their
    // ASCII value, and the bytes they take in the text.
    let (digits, bytes) = rest[len + space..]
        .chars()
        .map(|c| (crate::text::ascii_digit(c), c.len_utf8()))
        .take_while(|(d, _)| d.is_ascii_digit())
        .fold((String::new(), 0), |(mut s, n), (d, b)| {
            s.push(d);
            (s, n + b)
        });
    let remainder = digits.parse::<f64>().ok().and_then(|value| {
        let after = &rest[len + space + bytes..];
        let (lower, sign) = cjk_scale(after).unwrap_or((0, 0));
        let value = value * 10f64.powi(lower);
        (space == 0 || value < 10f64.powi(power)).then_some((value, space + bytes + sign))
    });
    Some(Scale {
        power,
        len,
        remainder,
        sign: true,
    })
}

/// A number counted in tenths of a whole (`3割` = 30%): the percentage
/// becomes its first reading, the count stays a reading too. Returns the
/// bytes the sign takes after the digits (0 without one).
fn counted_in_tenths(rest: &str, props: &Properties, values: &mut Vec<f64>) -> usize {
    let Some(sign) = props.tenths.iter().find(|t| rest.starts_with(**t)) else {
        return 0;
    };
    let percent: Vec<f64> = values.iter().map(|v| v * 10.0).collect();
    values.splice(0..0, percent);
    sign.len()
}

/// A year of an era (`令和8年` = 2026: the era's name right before the
/// digits, a year sign right after them): the common-era year becomes
/// its first reading, the era's count stays a reading too.
fn era_years(before: &str, rest: &str, props: &Properties, values: &mut Vec<f64>) {
    if !rest.starts_with(['年', '년']) {
        return;
    }
    let Some(&(_, base)) = props.eras.iter().find(|(name, _)| before.ends_with(*name)) else {
        return;
    };
    let years: Vec<f64> = values
        .iter()
        .filter(|v| v.fract() == 0.0 && **v >= 1.0)
        .map(|v| v + f64::from(base))
        .collect();
    values.splice(0..0, years);
}

/// Reads the number whose digits are `chars[i..j]`: its values, scale,
/// suffix and kind. Returns it (none when nothing parses) and where reading
/// goes on.
fn read_number(
    text: &str,
    chars: &[(usize, char)],
    digits: Range<usize>,
    language: Option<Language>,
) -> (Option<Number>, usize) {
    let (i, j) = (digits.start, digits.end);
    let start = chars[i].0;
    let end = chars.get(j).map_or(text.len(), |n| n.0);
    let digits_text = &text[start..end];
    // The characters as read: other scripts' digits and full-width marks
    // in ASCII.
    let token: String = chars[i..j].iter().map(|c| c.1).collect();
    let mut values = values_of(&token, language.map(comma_decimal));
    let rest = &text[end..];
    let mut scaled = 0;
    let mut range_end = end;
    if let Some(scale) = scale_after(rest) {
        let factor = 10f64.powi(scale.power);
        let remainder = scale.remainder.map_or(0.0, |r| r.0);
        let mut both: Vec<f64> = values.iter().map(|v| v * factor + remainder).collect();
        scaled = both.len();
        range_end = end + scale.len + scale.remainder.map_or(0, |r| r.1);
        // Without a remainder, the bare number stays a reading too, in
        // case the other side's scale word is unknown (a sign is known
        // to every language: 3万 is 30,000, never 3).
        if scale.remainder.is_none() && !scale.sign {
            both.append(&mut values);
        }
        values = both;
    }
    let props = language.map_or_else(default_properties, properties);
    if scaled == 0 {
        range_end += counted_in_tenths(rest, props, &mut values);
        era_years(&text[..start], rest, props, &mut values);
    }
    let next = chars.partition_point(|c| c.0 < range_end).max(j);
    if values.is_empty() {
        return (None, next);
    }
    // A month or a day (2021年1月, 3日): the original writes a name.
    let date_part = rest.starts_with(['月', '日', '号', '號', '월', '일']);
    let month_sign = rest.starts_with(['月', '월']);
    let suffix: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, 'º' | 'ª'))
        .collect();
    let kind = match kind_of(&token, &suffix, rest, scaled > 0, props) {
        NumberKind::Plain if month_sign => NumberKind::Month,
        kind => kind,
    };
    // Keep an ordinal suffix in the text shown to users ("70th").
    let shown = if kind == NumberKind::Ordinal && scaled == 0 {
        format!("{digits_text}{suffix}")
    } else {
        text[start..range_end].to_string()
    };
    let number = Number {
        range: start..range_end,
        text: shown,
        values,
        digits: true,
        firm: kind != NumberKind::Decade && !date_part,
        scaled,
        kind,
    };
    (Some(number), next)
}

/// What a number written with digits is, from its digits and what follows.
fn kind_of(token: &str, suffix: &str, rest: &str, scaled: bool, props: &Properties) -> NumberKind {
    let plain = token.chars().all(|c| c.is_ascii_digit());
    // A decade ("1950s", "the 50's", "1990er-Jahre") is written in words
    // in many languages ("anni Cinquanta", "années cinquante"): it
    // confirms a number on the other side but is not a fact that must be
    // there in digits.
    if plain
        && token.ends_with('0')
        && matches!(token.len(), 2 | 4)
        && props.is_decade_suffix(suffix, rest)
    {
        return NumberKind::Decade;
    }
    if !scaled && props.is_ordinal_suffix(suffix) {
        return NumberKind::Ordinal;
    }
    if rest
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .starts_with(['%', '٪', '％'])
    {
        return NumberKind::Percent;
    }
    if !plain && compound(token) {
        return NumberKind::Compound;
    }
    if plain && token.len() == 4 && (YEARS.contains(&token.parse::<u32>().unwrap_or(0))) {
        return NumberKind::Year;
    }
    NumberKind::Plain
}

/// Four-digit numbers read as years: news and manuals rarely name years
/// outside this span, and counts of this size are usually grouped (1,500).
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2199;

/// Spelled-out numbers of `text`, added to `out` (its digit numbers): words
/// inside a digit number's range (its scale word) are skipped, and a scale
/// word after a spelled number joins it ("zehn Millionen").
fn word_numbers<'a>(
    text: &'a str,
    mut words: Vec<(Range<usize>, &'a str)>,
    language: Language,
    out: &mut Vec<Number>,
) {
    let digit_ranges: Vec<Range<usize>> = out.iter().map(|n| n.range.clone()).collect();
    let inside_digits = |r: &Range<usize>| {
        digit_ranges
            .iter()
            .any(|d| d.start <= r.start && r.end <= d.end)
    };
    // The part of a hyphenated word after its first hyphen, read next when
    // the word as a whole is no number ("over-sixteens", "két-háromszáz").
    // The language's number words and morphemes, looked up once.
    let table = spelled_table(language);
    let spelled_morphemes = super::spelled::table(language);
    let rest_of = |r: &Range<usize>, from: usize| {
        let at = text[from..r.end].find('-').map(|i| from + i + 1)?;
        (at < r.end).then(|| (at..r.end, &text[at..r.end]))
    };
    let mut k = 0;
    while k < words.len() {
        let (range, word) = words[k].clone();
        if word.chars().any(|c| c.is_ascii_digit()) || inside_digits(&range) {
            k += 1;
            continue;
        }
        // Compounds and runs of words ("dreihundertfünfzig", "three
        // hundred and fifty") first, then the table of simple words.
        let gap = |i: usize| &text[words[k + i - 1].0.end..words[k + i].0.start];
        if let Some(s) =
            spelled_morphemes.and_then(|t| super::spelled::parse_in(t, &words[k..], gap))
        {
            out.push(Number {
                range: range.start..s.end,
                text: text[range.start..s.end].to_string(),
                values: s.values,
                digits: false,
                firm: s.firm,
                scaled: 0,
                kind: NumberKind::Spelled,
            });
            let last = k + s.words - 1;
            match rest_of(&words[last].0, s.end).filter(|_| s.end < words[last].0.end) {
                Some(rest) => {
                    words[last] = rest;
                    k = last;
                }
                None => k += s.words,
            }
            continue;
        }
        let lower = may_be_number_word(word, table).then(|| lowercase(word));
        let spelled = lower.as_deref().and_then(|l| spelled_value(l, table));
        match rest_of(&range, range.start) {
            Some(rest) if spelled.is_none() => words[k] = rest,
            _ => k += 1,
        }
        let mut values: Vec<f64> = Vec::new();
        if let Some(v) = spelled {
            values.push(v);
        } else if let Some(power) = lower.as_deref().and_then(|l| scale_table().get(l)) {
            // "Millionen" alone, or "zehn Millionen" (joined below).
            values.push(10f64.powi(*power));
        }
        if values.is_empty() {
            continue;
        }
        // A spelled number followed by a scale word ("zehn Millionen").
        if let Some(prev) = out
            .last_mut()
            .filter(|p: &&mut Number| !p.digits && text[p.range.end..range.start].trim().is_empty())
        {
            if let Some(power) = lower.as_deref().and_then(|l| scale_table().get(l)) {
                let mut both: Vec<f64> =
                    prev.values.iter().map(|v| v * 10f64.powi(*power)).collect();
                prev.scaled = both.len();
                both.append(&mut prev.values);
                prev.values = both;
                continue;
            }
        }
        out.push(Number {
            range: range.clone(),
            text: word.to_string(),
            values,
            digits: false,
            firm: false,
            scaled: 0,
            kind: NumberKind::Spelled,
        });
    }
}

/// Whether two numbers can stand for the same value.
/// Two numbers both written with a scale word are compared at scale
/// only: 4.2 billion is not 4,2 млн.
pub fn same_number(a: &Number, b: &Number) -> bool {
    // A month stands for a month or a date's part, never for a count.
    let month_like = |n: &Number| matches!(n.kind, NumberKind::Month | NumberKind::Compound);
    if (a.kind == NumberKind::Month || b.kind == NumberKind::Month)
        && !(month_like(a) && month_like(b))
    {
        return false;
    }
    // Written alike with digits ("1,2" copied from a list of pages into a
    // language that reads it as a decimal): the same number, whatever each
    // locale makes of it.
    if a.digits && b.digits && a.text == b.text {
        return true;
    }
    let readings = |n: &Number, other: &Number| -> std::ops::Range<usize> {
        if n.scaled > 0 && other.scaled > 0 {
            0..n.scaled
        } else {
            0..n.values.len()
        }
    };
    let (ra, rb) = (readings(a, b), readings(b, a));
    a.values[ra].iter().any(|x| {
        b.values[rb.clone()]
            .iter()
            .any(|y| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, lang: Language) -> Number {
        numbers(text, lang).into_iter().next().expect("a number")
    }

    #[test]
    fn reads_thousands_and_decimals_per_locale() {
        let de = first("rund 400.000 Menschen", Language::DE);
        let en = first("some 400,000 people", Language::EN);
        assert!(same_number(&de, &en));
        assert!(same_number(
            &first("3,5 Prozent", Language::DE),
            &first("3.5 percent", Language::EN)
        ));
        assert!(same_number(
            &first("1 200 euros", Language::FR),
            &first("1,200 euros", Language::EN)
        ));
        assert!(!same_number(
            &first("12 people", Language::EN),
            &first("13 Menschen", Language::DE)
        ));
        // Neither a decimal nor thousands where the locale writes them.
        assert_eq!(first("pages 1,2 and 5", Language::EN).values, [1.0, 2.0]);
        // Copied as written, it is the same number in any locale.
        assert!(same_number(
            &first("pages 1,2", Language::EN),
            &first("pages 1,2", Language::FR)
        ));
        assert_eq!(first("3,5 Prozent", Language::DE).values[0], 3.5);
        // Korean groups thousands with commas, as English does.
        let ko = Language::from_code("ko").expect("a known code");
        assert_eq!(first("1,234명", ko).values[0], 1234.0);
    }

    #[test]
    fn reads_ordinals_scales_and_words() {
        assert!(same_number(
            &first("am 24. Februar", Language::DE),
            &first("on the 24th of February", Language::EN)
        ));
        assert!(same_number(
            &first("den dritten Jahrestag", Language::DE),
            &first("the 3rd anniversary", Language::EN)
        ));
        assert!(same_number(
            &first("the third year", Language::EN),
            &first("la troisième année", Language::FR)
        ));
        assert!(same_number(
            &first("10 million people", Language::EN),
            &first("zehn Millionen Menschen", Language::DE)
        ));
        assert!(same_number(
            &first("2.5 billion", Language::EN),
            &first("2,5 Milliarden", Language::DE)
        ));
    }

    #[test]
    fn reads_full_width_marks_inside_full_width_numbers() {
        let ja = Language::from_code("ja").expect("ja");
        let values = |text: &str| -> Vec<f64> {
            digit_numbers(text, ja)
                .iter()
                .map(|n| n.values[0])
                .collect()
        };
        assert_eq!(values("物価は３．５％上昇した"), [3.5]);
        assert_eq!(values("１，２００店が閉店した"), [1200.0]);
        // A list comma is no thousands mark.
        assert_eq!(values("第1，2章"), [1.0, 2.0]);
        assert_eq!(values("１，２３４５"), [1.0, 2345.0]);
    }

    #[test]
    fn reads_tenths_and_era_years() {
        let ja = Language::from_code("ja").expect("ja");
        let first = |text: &str| -> Vec<(String, f64)> {
            digit_numbers(text, ja)
                .into_iter()
                .map(|n| (n.text, n.values[0]))
                .collect()
        };
        assert_eq!(first("利用者の約3割が"), [("3割".to_string(), 30.0)]);
        assert_eq!(first("令和８年の指数"), [("８".to_string(), 2026.0)]);
        // Without the era's name, or the year sign, the count as it is.
        assert_eq!(first("8年前の指数"), [("8".to_string(), 8.0)]);
        assert_eq!(first("令和の8人"), [("8".to_string(), 8.0)]);
        // Other languages list neither.
        let en = digit_numbers("3割", Language::EN);
        assert_eq!(en[0].values[0], 3.0);
    }

    #[test]
    fn reads_ideographic_numerals_as_confirming_numbers() {
        let ja = Language::from_code("ja").expect("ja");
        let read = |text: &str| -> Vec<(String, f64, NumberKind)> {
            numbers(text, ja)
                .into_iter()
                .filter(|n| !n.digits)
                .map(|n| (n.text, n.values[0], n.kind))
                .collect()
        };
        let spelled = |t: &str, v: f64| (t.to_string(), v, NumberKind::Spelled);
        assert_eq!(read("二〇二三年夏の豪雨"), [spelled("二〇二三", 2023.0)]);
        assert_eq!(
            read("三十五人と二千本"),
            [spelled("三十五", 35.0), spelled("二千", 2000.0)]
        );
        assert_eq!(read("三万五千人"), [spelled("三万五千", 35000.0)]);
        assert_eq!(read("三つずつ"), [spelled("三", 3.0)]);
        assert_eq!(
            read("十一月に始まる"),
            [("十一".to_string(), 11.0, NumberKind::Month)]
        );
        assert_eq!(
            read("一月と十月に"),
            [
                ("一".to_string(), 1.0, NumberKind::Month),
                ("十".to_string(), 10.0, NumberKind::Month)
            ]
        );
        // Parts of words: a lone 一, a lone sign of tens.
        assert!(read("一部の人は十分だと言う").is_empty());
        // Never firm, and none inside digits (1万5000) or in English.
        assert!(numbers("二〇二三年", ja).iter().all(|n| !n.firm));
        assert_eq!(numbers("1万5000人", ja).len(), 1);
        // English lists no numerals: an ideograph is no number there.
        let en = numbers("The word 三 is three.", Language::EN);
        assert!(en.iter().all(|n| n.text != "三"), "{en:?}");
    }

    #[test]
    fn reads_numbers_written_against_ideographs() {
        let zh = Language::from_code("zh").expect("a known code");
        let ns = numbers("隧道位于地下430米深处，耗资约10亿欧元，可保存10万年。", zh);
        let texts: Vec<&str> = ns.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["430", "10亿", "10万"]);
        assert!(same_number(&ns[1], &first("1 billion euros", Language::EN)));
        assert!(same_number(&ns[2], &first("100,000 years", Language::EN)));
        assert!(!same_number(&ns[1], &first("10 million", Language::EN)));
        let full = numbers("耗资３億５０００万元", zh);
        assert_eq!(full.len(), 1, "{full:?}");
        assert!(same_number(&full[0], &first("350 million", Language::EN)));
        let big = numbers("耗资3亿5000万元，另有1千亿", zh);
        assert!(same_number(&big[0], &first("350 million", Language::EN)));
        assert!(same_number(&big[1], &first("100 billion", Language::EN)));
        let ko = Language::from_code("ko").expect("a known code");
        assert!(same_number(
            &first("3천만 원", ko),
            &first("30 million won", Language::EN)
        ));
        assert!(!numbers("2025년 3월", ko)[1].firm);
        // Korean spaces the groups of one number; a larger sign after the
        // space starts another number.
        let spaced = numbers("예산은 1조 2000억 원이다", ko);
        assert_eq!(spaced.len(), 1, "{spaced:?}");
        assert!(same_number(
            &spaced[0],
            &first("1.2 trillion won", Language::EN)
        ));
        assert!(same_number(
            &first("3만 2000명", ko),
            &first("32,000", Language::EN)
        ));
        assert_eq!(numbers("2000억 1조", ko).len(), 2);
        assert_eq!(numbers("3만 20000명", ko).len(), 2);
        // A sign is part of the number: 3万 is 30,000 and never 3.
        assert!(!same_number(
            &first("3万人", zh),
            &first("3 people", Language::EN)
        ));
        assert!(same_number(
            &first("3万人", zh),
            &first("30,000 people", Language::EN)
        ));
        assert!(same_number(
            &first("全长5千米", zh),
            &first("5 kilometres", Language::EN)
        ));
        let ja = Language::from_code("ja").expect("a known code");
        let ns = numbers("来場者は1万2000人で、2023年12月に2万1000人を超えた。", ja);
        let texts: Vec<&str> = ns.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["1万2000", "2023", "12", "2万1000"]);
        assert!(same_number(&ns[0], &first("12,000 visitors", Language::EN)));
        assert!(same_number(&ns[3], &first("21,000", Language::EN)));
        // The month is no fact the original must write in digits.
        assert!(ns[1].firm && !ns[2].firm);
        // Latin letters glued to digits still make one word.
        assert!(numbers("a G20 meeting", Language::EN).is_empty());
    }

    #[test]
    fn reads_digits_of_other_scripts() {
        let ar = Language::from_code("ar").expect("a known code");
        let ns: Vec<Number> = numbers("قُتل ٤٥ شخصاً وبلغت الخسائر ٣٫٥ مليون", ar)
            .into_iter()
            .filter(|n| n.digits)
            .collect();
        assert_eq!(ns.len(), 2);
        assert_eq!(ns[0].text, "٤٥");
        assert!(same_number(&ns[0], &first("45 people", Language::EN)));
        assert!(same_number(&ns[1], &first("3.5 million", Language::EN)));
        let hi = Language::from_code("hi").expect("a known code");
        assert!(same_number(
            &first("५ करोड़ रुपये", hi),
            &first("50 million rupees", Language::EN)
        ));
        let tr = Language::from_code("tr").expect("a known code");
        assert!(same_number(
            &first("4,2 milyar dolar", tr),
            &first("4.2 billion dollars", Language::EN)
        ));
        assert!(same_number(
            &first("२०२४ में", hi),
            &first("in 2024", Language::EN)
        ));
    }

    #[test]
    fn reads_scales_in_other_scripts() {
        let lang = |code| Language::from_code(code).expect("a known code");
        let billion = first("4.2 billion", Language::EN);
        assert!(same_number(&billion, &first("4,2 млрд рублей", lang("ru"))));
        assert!(same_number(&billion, &first("4,2 мільярда", lang("uk"))));
        assert!(!same_number(&billion, &first("4,2 млн", lang("ru"))));
        assert!(same_number(
            &first("42 million euros", Language::EN),
            &first("42 εκατ. ευρώ", lang("el"))
        ));
    }

    #[test]
    fn a_scale_word_belongs_to_its_number() {
        // One number, its scale word in its text: no stray "million".
        let ns = numbers("The city will spend 10 million euros", Language::EN);
        assert_eq!(ns.len(), 1);
        assert_eq!(
            (ns[0].text.as_str(), ns[0].keys()),
            ("10 million", &[1e7][..])
        );
        let de = numbers("Die Stadt wird 1 Million Euro ausgeben", Language::DE);
        assert_eq!(de.len(), 1);
        assert_eq!(de[0].text, "1 Million");
        assert!(!same_number(&ns[0], &de[0]));
        assert!(same_number(&ns[0], &first("10 Millionen", Language::DE)));
        // "zehn Millionen" stays one spelled number at scale.
        assert_eq!(numbers("zehn Millionen Menschen", Language::DE).len(), 1);
    }

    #[test]
    fn tells_years_ordinals_percentages_and_dates() {
        let kind = |text: &str, lang| first(text, lang).kind;
        assert_eq!(kind("in 2024 alone", Language::EN), NumberKind::Year);
        assert_eq!(kind("the 24th", Language::EN), NumberKind::Ordinal);
        assert_eq!(kind("rose 12 % in", Language::DE), NumberKind::Percent);
        assert_eq!(kind("am 24.2.2025", Language::DE), NumberKind::Compound);
        assert_eq!(kind("in the 1950s", Language::EN), NumberKind::Decade);
        assert_eq!(kind("1,500 people", Language::EN), NumberKind::Plain);
        assert_eq!(
            first("am 24.2.2025", Language::DE).keys(),
            [24.0, 2.0, 2025.0]
        );
    }

    #[test]
    fn skips_digits_inside_words() {
        let ns = numbers("a G20 meeting in 2019", Language::EN);
        assert_eq!(ns.len(), 1);
        assert_eq!(ns[0].text, "2019");
    }

    #[test]
    fn reads_every_number_of_a_hyphenated_word() {
        let hu = Language::from_code("hu").unwrap();
        let values = |text: &str, lang| -> Vec<f64> {
            numbers(text, lang).iter().map(|n| n.values[0]).collect()
        };
        assert_eq!(values("két-háromszáz asszony", hu), [2.0, 300.0]);
        assert_eq!(values("harmincnégy-harmincöt éves", hu), [34.0, 35.0]);
        assert_eq!(values("talks for the over-sixteens", Language::EN), [16.0]);
        assert_eq!(values("a twenty-five-year-old", Language::EN), [25.0]);
        assert_eq!(values("quatre-vingt-dix-sept", Language::FR), [97.0]);
        let ns = numbers("két-háromszáz", hu);
        assert_eq!((ns[1].text.as_str(), ns[1].firm), ("háromszáz", true));
        // Decades confirm but are not firm facts.
        for (text, lang) in [
            ("in the early 1950s", Language::EN),
            ("the 60's were wild", Language::EN),
            ("in den 1990er-Jahren", Language::DE),
        ] {
            let ns = numbers(text, lang);
            assert_eq!(ns.len(), 1, "{text}");
            assert!(ns[0].digits && !ns[0].firm, "{text}");
        }
        assert!(
            numbers("in 1950 and 1951", Language::EN)
                .iter()
                .all(|n| n.firm)
        );
    }

    #[test]
    fn reads_digits_glued_to_a_word() {
        let ns = numbers(
            "hogy valóban1984 van, a G22 és a COVID19",
            Language::from_code("hu").unwrap(),
        );
        let texts: Vec<&str> = ns.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["1984"]);
    }

    #[test]
    fn reads_month_names_in_dates_only() {
        let months = |text: &str, lang: Language| -> Vec<(String, f64)> {
            numbers(text, lang)
                .into_iter()
                .filter(|n| n.kind == NumberKind::Month)
                .map(|n| (n.text, n.values[0]))
                .collect()
        };
        let es = Language::from_code("es").unwrap();
        let pt = Language::from_code("pt").unwrap();
        let it = Language::from_code("it").unwrap();
        for (text, lang, month, value) in [
            ("opened on 8 August", Language::EN, "August", 8.0),
            ("opened on August 8th", Language::EN, "August", 8.0),
            ("on the 8th of August", Language::EN, "August", 8.0),
            ("since May 2024", Language::EN, "May", 5.0),
            ("am 8. August eröffnet", Language::DE, "August", 8.0),
            ("im Jänner 2024", Language::DE, "Jänner", 1.0),
            ("ouvert le 8 août", Language::FR, "août", 8.0),
            ("abierto el 8 de agosto de 2024", es, "agosto", 8.0),
            ("desde setiembre de 2024", es, "setiembre", 9.0),
            ("aberto em 8 de agosto", pt, "agosto", 8.0),
            ("aperto l'8 agosto", it, "agosto", 8.0),
        ] {
            assert_eq!(months(text, lang), [(month.to_string(), value)], "{text}");
        }
        // A month alone, a lower-case "may" or a count next to it is no
        // date.
        for (text, lang) in [
            ("it opened in May", Language::EN),
            ("you may 3 times try", Language::EN),
            ("in 2024, August was hot", Language::EN),
            ("12 people in August", Language::EN),
            ("im Mai", Language::DE),
        ] {
            assert!(months(text, lang).is_empty(), "{text}");
        }
        // The month sign makes a month too; a month is no count.
        let ja = Language::from_code("ja").unwrap();
        let ns = numbers("9月8日", ja);
        assert_eq!(ns[0].kind, NumberKind::Month);
        assert!(!same_number(&ns[0], &first("9 ships", Language::EN)));
        assert!(same_number(
            &ns[0],
            &numbers("on 8 September", Language::EN)[1]
        ));
    }

    #[test]
    fn splits_dates_and_times() {
        let n = first("24.2.2025", Language::DE);
        assert!(n.values.contains(&2025.0) && n.values.contains(&24.0));
        assert!(same_number(
            &first("um 10.30 Uhr", Language::DE),
            &first("at 10:30", Language::EN)
        ));
        assert!(first("1954/55", Language::DE).values.contains(&1955.0));
    }

    fn all_number_lines_for_tests() -> &'static [data::format::NumberWords<'static>] {
        static LINES: OnceLock<Vec<data::format::NumberWords<'static>>> = OnceLock::new();
        all_number_lines(&LINES)
    }

    #[test]
    fn each_languages_table_is_its_part_of_the_whole_file() {
        // The tables as first made: every language's at once, in one
        // pass over the file.
        let mut whole: std::collections::HashMap<String, SpelledWords> = Default::default();
        for line in all_number_lines_for_tests() {
            whole
                .entry(line.language.to_string())
                .or_default()
                .add(line);
        }
        assert!(whole.len() >= 5);
        for (code, want) in &whole {
            let got = spelled_table(Language::from_code(code).expect("a code")).expect("a table");
            assert_eq!(got.count, want.count, "{code}");
            assert_eq!(got.exact, want.exact, "{code}");
            assert_eq!(got.stems, want.stems, "{code}");
            assert_eq!(got.first_letters, want.first_letters, "{code}");
        }
        // A language the file does not list has no table.
        let unlisted = ["zu", "fi", "ja"]
            .into_iter()
            .find(|c| !whole.contains_key(*c))
            .expect("an unlisted code");
        assert!(spelled_table(Language::from_code(unlisted).expect("a code")).is_none());
    }

    #[test]
    fn the_first_letter_gate_passes_every_table_word() {
        let capitalised = |w: &str| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        };
        let codes: std::collections::BTreeSet<&str> = all_number_lines_for_tests()
            .iter()
            .map(|l| l.language)
            .collect();
        for code in codes {
            let words = spelled_table(Language::from_code(code).expect("a code")).expect("a table");
            let stems = words.stems.iter().map(|(_, s, _)| s);
            for w in words.exact.keys().chain(stems) {
                assert!(may_be_number_word(w, Some(words)), "{w}");
                assert!(may_be_number_word(&capitalised(w), Some(words)), "{w}");
            }
        }
        for w in scale_table().keys() {
            assert!(may_be_number_word(w, None), "{w}");
            assert!(may_be_number_word(&capitalised(w), None), "{w}");
        }
        // A word whose first letter starts no English number or scale word
        // is ruled out; one in another script is left to the look-up.
        let en = spelled_table(Language::EN);
        assert!(!may_be_number_word("Government", en));
        assert!(!may_be_number_word("quickly", en));
        assert!(may_be_number_word("Ügyfél", en));
        // The gate changes no reading.
        let n = numbers(
            "Quite a few: Seven people, twelve Million euros.",
            Language::EN,
        );
        let values: Vec<&[f64]> = n.iter().map(|n| n.values.as_slice()).collect();
        assert_eq!(values, [&[7.0][..], &[12e6][..]]);
    }

    #[test]
    fn the_digit_numbers_are_those_of_all_numbers() {
        let texts = [
            (
                "Zwei Millionen Menschen, 3,5 Mrd. Euro und 12 000 Stimmen am 24.2.2025.",
                Language::DE,
            ),
            (
                "Three hundred and fifty people paid 10 million dollars in 1954/55.",
                Language::EN,
            ),
            (
                "quatre-vingt-dix élèves, 1 200 euros, 2e édition, vingt-et-un.",
                Language::FR,
            ),
            ("地下430米, 3亿5000万 and twenty-1 items", Language::EN),
        ];
        for (text, language) in texts {
            let all: Vec<Number> = numbers(text, language)
                .into_iter()
                .filter(|n| n.digits)
                .collect();
            assert!(!all.is_empty());
            assert_eq!(digit_numbers(text, language), all, "{text}");
        }
    }
}
