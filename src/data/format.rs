//! The one reader of transalign's data files, and the line formats built on
//! it. Every embedded file goes through here twice: `build.rs` includes
//! this file and runs it over every data file, so a bad line fails the
//! build with `file:line`, and the library runs it again to load the
//! tables. It must therefore stand alone: no `crate::` paths.
//!
//! Shared by every format: a line whose first non-blank character is `#`
//! is a comment, blank lines are skipped, fields are separated by white
//! space, and surrounding white space is dropped.

use std::fmt;

/// A line of a data file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    /// The file, as a path from the crate root (`src/anchors/data/scales.txt`).
    pub file: String,
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One line that is neither blank nor a comment.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The file it comes from, for error messages.
    pub file: &'a str,
    /// Its number, from 1.
    pub number: usize,
    /// The text, trimmed.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// An error about this line.
    pub fn error(&self, message: impl fmt::Display) -> DataError {
        DataError {
            file: self.file.to_string(),
            line: self.number,
            message: message.to_string(),
        }
    }

    /// The white-space separated fields.
    pub fn fields(&self) -> std::str::SplitWhitespace<'a> {
        self.text.split_whitespace()
    }

    /// `key SEP value` split at the first `sep`, both sides trimmed; an
    /// error when there is no `sep` or no key.
    pub fn key_value(&self, sep: char) -> Result<(&'a str, &'a str), DataError> {
        let (key, value) = self
            .text
            .split_once(sep)
            .ok_or_else(|| self.error(format!("expected `key {sep} value`")))?;
        let key = key.trim();
        if key.is_empty() {
            return Err(self.error(format!("nothing before `{sep}`")));
        }
        Ok((key, value.trim()))
    }

    /// The name of a `[section]` header line, if it is one.
    pub fn section(&self) -> Option<&'a str> {
        self.text.strip_prefix('[')?.strip_suffix(']')
    }

    /// Parses `field` as a `T`, naming `what` it should be on failure.
    pub fn parse<T: std::str::FromStr>(&self, field: &str, what: &str) -> Result<T, DataError> {
        field
            .parse()
            .map_err(|_| self.error(format!("`{field}` is not {what}")))
    }
}

/// The lines of `text` that are neither blank nor comments, numbered from
/// 1 as in the file named `file`.
pub fn lines<'a>(file: &'a str, text: &'a str) -> impl Iterator<Item = Line<'a>> {
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let text = raw.trim();
        (!text.is_empty() && !text.starts_with('#')).then_some(Line {
            file,
            number: i + 1,
            text,
        })
    })
}

/// Whether `code` looks like an ISO 639-1 code: two ASCII lower-case
/// letters. The file stem of every per-language file must be one.
pub fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
}

fn language_field<'a>(line: &Line<'a>, code: &'a str) -> Result<&'a str, DataError> {
    if is_language_code(code) {
        Ok(code)
    } else {
        Err(line.error(format!(
            "`{code}` is not a language code (two lower-case letters)"
        )))
    }
}

// ---------------------------------------------------------------------
// Word lists: one entry per line (given_names.txt).

/// Every line of a plain list, trimmed.
pub fn list<'a>(file: &'a str, text: &'a str) -> Result<Vec<&'a str>, DataError> {
    Ok(lines(file, text).map(|l| l.text).collect())
}

// ---------------------------------------------------------------------
// Keyed lists: `key: word word ...` (negation.txt, markers.txt).

/// The lines of a keyed list as `(key, words)`. `key_ok` says whether a
/// key is allowed, `key_kind` how to name an allowed key in the error.
pub fn keyed<'a>(
    file: &'a str,
    text: &'a str,
    key_ok: impl Fn(&str) -> bool,
    key_kind: &str,
) -> Result<Vec<(&'a str, Vec<&'a str>)>, DataError> {
    keyed_checked(file, text, key_ok, key_kind, |_| Ok(()))
}

/// [`keyed`], each word also checked by `word_ok` (an error names what is
/// wrong with it).
fn keyed_checked<'a>(
    file: &'a str,
    text: &'a str,
    key_ok: impl Fn(&str) -> bool,
    key_kind: &str,
    word_ok: impl Fn(&str) -> Result<(), String>,
) -> Result<Vec<(&'a str, Vec<&'a str>)>, DataError> {
    lines(file, text)
        .map(|line| {
            let (key, value) = line.key_value(':')?;
            if !key_ok(key) {
                return Err(line.error(format!("`{key}` is not {key_kind}")));
            }
            let words: Vec<&str> = value.split_whitespace().collect();
            if words.is_empty() {
                return Err(line.error(format!("no words after `{key}:`")));
            }
            if let Some(message) = words.iter().find_map(|w| word_ok(w).err()) {
                return Err(line.error(message));
            }
            Ok((key, words))
        })
        .collect()
}

/// negation.txt: `code: cue cue ...`; a condition (`?`) is an inside-word
/// cue, `?*cue*`.
pub fn negation<'a>(
    file: &'a str,
    text: &'a str,
) -> Result<Vec<(&'a str, Vec<&'a str>)>, DataError> {
    keyed_checked(file, text, is_language_code, "a language code", |cue| {
        let Some(condition) = cue.strip_prefix('?') else {
            return Ok(());
        };
        if condition.len() > 2 && condition.starts_with('*') && condition.ends_with('*') {
            Ok(())
        } else {
            Err(format!(
                "`{cue}`: a condition is an inside-word cue, written `?*cue*`"
            ))
        }
    })
}

/// The kinds of markers.txt.
pub const MARKER_KINDS: &[&str] = &["ad", "boilerplate"];

/// markers.txt: `kind: word word ...`, kind one of [`MARKER_KINDS`].
pub fn markers<'a>(
    file: &'a str,
    text: &'a str,
) -> Result<Vec<(&'a str, Vec<&'a str>)>, DataError> {
    keyed(
        file,
        text,
        |k| MARKER_KINDS.contains(&k),
        "a marker kind (ad, boilerplate)",
    )
}

// ---------------------------------------------------------------------
// numbers.txt: `code value word word ...`.

/// Simple spelled-out words of one value in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberWords<'a> {
    /// The language code.
    pub language: &'a str,
    /// The value the words stand for.
    pub value: f64,
    /// The words; a trailing `*` allows up to three more letters.
    pub words: Vec<&'a str>,
}

/// Reads numbers.txt.
pub fn number_words<'a>(file: &'a str, text: &'a str) -> Result<Vec<NumberWords<'a>>, DataError> {
    lines(file, text)
        .map(|line| {
            let mut fields = line.fields();
            let (Some(code), Some(value)) = (fields.next(), fields.next()) else {
                return Err(line.error("expected `code value word ...`"));
            };
            let language = language_field(&line, code)?;
            let value = line.parse::<f64>(value, "a number")?;
            let words: Vec<&str> = fields.collect();
            if words.is_empty() {
                return Err(line.error("no words after the value"));
            }
            Ok(NumberWords {
                language,
                value,
                words,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------
// scales.txt: `power word word ...`.

/// Reads scales.txt as `(power of ten, words)`.
pub fn scales<'a>(file: &'a str, text: &'a str) -> Result<Vec<(i32, Vec<&'a str>)>, DataError> {
    lines(file, text)
        .map(|line| {
            let mut fields = line.fields();
            let power = fields.next().unwrap_or_default();
            let power = line.parse::<i32>(power, "a power of ten")?;
            let words: Vec<&str> = fields.collect();
            if words.is_empty() {
                return Err(line.error("no words after the power"));
            }
            Ok((power, words))
        })
        .collect()
}

// ---------------------------------------------------------------------
// Spelled-number tables (anchors/data/spelled/<code>.txt).

/// What a morpheme of a spelled-number table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MorphemeKind {
    /// 0 to 19, or what the language writes as one word.
    Unit,
    /// 20, 30, …
    Ten,
    /// A whole hundreds word (es trescientos).
    Hundreds,
    /// A multiplier below the scales (hundred, dozen).
    Hundred,
    /// 1000, 10^6, …: multiplies the group before it.
    Scale,
    /// A connector (and, und, et).
    Joint,
}

/// One form of a morpheme with its markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form<'a> {
    /// The letters, markers removed.
    pub text: &'a str,
    /// `+`: must be followed by another morpheme in the same word.
    pub bound: bool,
    /// `~`: must be followed by a suffix.
    pub stem: bool,
    /// `.`: nothing but a suffix may follow.
    pub ordinal: bool,
    /// Not `?`: may stand alone as a number.
    pub solo: bool,
}

/// The options a spelled-number table may set.
pub const SPELLED_OPTIONS: &[&str] = &["units-before-tens", "compounds", "teens-after-tens"];

/// One line of a spelled-number table.
#[derive(Debug, Clone, PartialEq)]
pub enum SpelledLine<'a> {
    /// Morphemes of one kind and value (0 for a joint).
    Morphemes {
        /// Their kind.
        kind: MorphemeKind,
        /// Their value.
        value: u64,
        /// Their forms.
        forms: Vec<Form<'a>>,
    },
    /// Inflections the last morpheme may carry.
    Suffixes(Vec<&'a str>),
    /// Suffixes that make a number vague.
    Vague(Vec<&'a str>),
    /// Options, each one of [`SPELLED_OPTIONS`].
    Options(Vec<&'a str>),
}

fn form<'a>(line: &Line<'a>, written: &'a str) -> Result<Form<'a>, DataError> {
    let mut f = Form {
        text: written,
        bound: false,
        stem: false,
        ordinal: false,
        solo: true,
    };
    while let Some(last) = f.text.chars().last().filter(|c| "+~?.".contains(*c)) {
        match last {
            '+' => f.bound = true,
            '~' => f.stem = true,
            '?' => f.solo = false,
            _ => f.ordinal = true,
        }
        f.text = &f.text[..f.text.len() - 1];
    }
    if f.text.is_empty() {
        return Err(line.error(format!("`{written}` has no letters")));
    }
    if f.text
        .chars()
        .any(|c| !c.is_alphabetic() || c.is_uppercase())
    {
        return Err(line.error(format!(
            "`{written}`: forms are lower-case letters and markers (+ ~ ? .)"
        )));
    }
    Ok(f)
}

/// Reads a spelled-number table (format in `anchors/data/spelled/README.txt`).
pub fn spelled<'a>(file: &'a str, text: &'a str) -> Result<Vec<SpelledLine<'a>>, DataError> {
    lines(file, text)
        .map(|line| {
            let mut fields = line.fields();
            let kind = fields.next().unwrap_or_default();
            let rest = |fields: std::str::SplitWhitespace<'a>| -> Result<Vec<&'a str>, DataError> {
                let words: Vec<&str> = fields.collect();
                if words.is_empty() {
                    return Err(line.error(format!("nothing after `{kind}`")));
                }
                Ok(words)
            };
            let kind = match kind {
                "unit" => MorphemeKind::Unit,
                "ten" => MorphemeKind::Ten,
                "hundreds" => MorphemeKind::Hundreds,
                "hundred" => MorphemeKind::Hundred,
                "scale" => MorphemeKind::Scale,
                "joint" => MorphemeKind::Joint,
                "suffix" => return rest(fields).map(SpelledLine::Suffixes),
                "vague" => return rest(fields).map(SpelledLine::Vague),
                "option" => {
                    let options = rest(fields)?;
                    if let Some(o) = options.iter().find(|o| !SPELLED_OPTIONS.contains(o)) {
                        return Err(line.error(format!(
                            "`{o}` is no option (known: {})",
                            SPELLED_OPTIONS.join(", ")
                        )));
                    }
                    return Ok(SpelledLine::Options(options));
                }
                other => {
                    return Err(line.error(format!(
                        "`{other}` is no line kind (unit, ten, hundreds, hundred, scale, \
                         joint, suffix, vague, option)"
                    )));
                }
            };
            let value = if kind == MorphemeKind::Joint {
                0
            } else {
                let v = fields.next().unwrap_or_default();
                line.parse::<u64>(v, "a value (a whole number)")?
            };
            let forms = rest(fields)?
                .into_iter()
                .map(|w| form(&line, w))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(SpelledLine::Morphemes { kind, value, forms })
        })
        .collect()
}

// ---------------------------------------------------------------------
// Segmentation lists (segment/data/<code>.txt): `[section]` headers, then
// one entry per line.

/// The sections of a segmentation file.
pub const SEGMENT_SECTIONS: &[&str] = &[
    "inner",
    "inner-suffixes",
    "final",
    "phrase-final",
    "starters",
    "months",
    "month-joiners",
    "ordinal-words",
];

/// Reads a segmentation file as `(section, entry)` pairs.
pub fn sections<'a>(
    file: &'a str,
    text: &'a str,
    known: &[&str],
) -> Result<Vec<(&'a str, &'a str)>, DataError> {
    let mut section = None;
    let mut out = Vec::new();
    for line in lines(file, text) {
        if let Some(name) = line.section() {
            if !known.contains(&name) {
                return Err(line.error(format!(
                    "`[{name}]` is no section (known: {})",
                    known.join(", ")
                )));
            }
            section = Some(name);
            continue;
        }
        let Some(section) = section else {
            return Err(line.error("an entry before the first `[section]`"));
        };
        out.push((section, line.text));
    }
    Ok(out)
}

// ---------------------------------------------------------------------
// Language properties (language/data/<code>.txt): `key = value`.

/// The keys of a properties file.
pub const PROPERTY_KEYS: &[&str] = &[
    "decimal-mark",
    "capitalises-nouns",
    "ordinal-suffixes",
    "decade-suffixes",
    "function-words",
    "numeral-digits",
    "numeral-tens",
    "tenths",
    "length-vs-english",
    "eras",
    "roman-lookalikes",
];

/// One `key = value` setting of a properties file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Property<'a> {
    /// The character that separates the decimals (`.` or `,`).
    DecimalMark(char),
    /// Whether every noun is written with a capital letter.
    CapitalisesNouns(bool),
    /// Letters after digits that make them an ordinal (`th`, `e`, `º`).
    OrdinalSuffixes(Vec<&'a str>),
    /// Endings after a round year or tens that make it a decade (`s`,
    /// `er`; one starting with an apostrophe, `'s`, is matched right
    /// after the digits).
    DecadeSuffixes(Vec<&'a str>),
    /// Frequent short words (articles, pronouns, prepositions, auxiliary
    /// verbs) that mark a text as written in the language, lower case.
    FunctionWords(Vec<&'a str>),
    /// Characters written for the digits 0 to 9 in order, one entry per
    /// digit, each entry every character that writes it (Chinese and
    /// Japanese `〇零 一 二 …`); empty, or ten entries.
    NumeralDigits(Vec<&'a str>),
    /// Characters that multiply the digit before them by 10, 100 and
    /// 1000, in that order (`十 百 千`): `三十五` is 35.
    NumeralTens(Vec<&'a str>),
    /// Signs after a number that count tenths of a whole (Japanese `割`:
    /// `3割` is 30%).
    Tenths(Vec<&'a str>),
    /// Eras that count years: a name and the year before the era's first
    /// (`令和:2018`: `令和8年` is 2026).
    Eras(Vec<(&'a str, u32)>),
    /// Words of the language written like a Roman numeral (English `I`),
    /// which are never read as one.
    RomanLookalikes(Vec<&'a str>),
    /// How long a text written in the language is per character of the
    /// same text in English, as the aligner counts characters, in
    /// thousandths (`1.26` is 1260); `None` where it was not measured.
    LengthVsEnglish(Option<u32>),
}

/// Reads a properties file; a key may be set once.
pub fn properties<'a>(file: &'a str, text: &'a str) -> Result<Vec<Property<'a>>, DataError> {
    let mut seen: Vec<&str> = Vec::new();
    lines(file, text)
        .map(|line| {
            let (key, value) = line.key_value('=')?;
            if seen.contains(&key) {
                return Err(line.error(format!("`{key}` is set twice")));
            }
            seen.push(key);
            let words = || value.split_whitespace().collect::<Vec<_>>();
            match key {
                "decimal-mark" => match value {
                    "." => Ok(Property::DecimalMark('.')),
                    "," => Ok(Property::DecimalMark(',')),
                    _ => Err(line.error(format!("decimal-mark is `.` or `,`, not `{value}`"))),
                },
                "capitalises-nouns" => {
                    match value {
                        "yes" => Ok(Property::CapitalisesNouns(true)),
                        "no" => Ok(Property::CapitalisesNouns(false)),
                        _ => Err(line
                            .error(format!("capitalises-nouns is `yes` or `no`, not `{value}`"))),
                    }
                }
                "ordinal-suffixes" => Ok(Property::OrdinalSuffixes(words())),
                "decade-suffixes" => Ok(Property::DecadeSuffixes(words())),
                "function-words" => Ok(Property::FunctionWords(words())),
                "numeral-digits" => match words() {
                    w if w.is_empty() || w.len() == 10 => Ok(Property::NumeralDigits(w)),
                    w => Err(line.error(format!(
                        "numeral-digits lists the digits 0 to 9: ten entries, not {}",
                        w.len()
                    ))),
                },
                "tenths" => Ok(Property::Tenths(words())),
                "roman-lookalikes" => Ok(Property::RomanLookalikes(words())),
                "length-vs-english" => match value.parse::<f64>() {
                    _ if value.is_empty() => Ok(Property::LengthVsEnglish(None)),
                    Ok(x) if (0.2..=5.0).contains(&x) => {
                        Ok(Property::LengthVsEnglish(Some((x * 1000.0).round() as u32)))
                    }
                    _ => Err(line.error(format!(
                        "length-vs-english is a number from 0.2 to 5, or nothing, not `{value}`"
                    ))),
                },
                "eras" => words()
                    .into_iter()
                    .map(|w| {
                        w.split_once(':')
                            .and_then(|(name, year)| Some((name, year.parse().ok()?)))
                            .filter(|(name, _)| !name.is_empty())
                            .ok_or_else(|| {
                                line.error(format!("an era is `name:year`, not `{w}`"))
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(Property::Eras),
                "numeral-tens" => match words() {
                    w if w.len() <= 3 => Ok(Property::NumeralTens(w)),
                    w => Err(line.error(format!(
                        "numeral-tens lists the signs for 10, 100 and 1000: at most three entries, not {}",
                        w.len()
                    ))),
                },
                _ => Err(line.error(format!(
                    "`{key}` is no property (known: {})",
                    PROPERTY_KEYS.join(", ")
                ))),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------
// HTML entities (document/entities.tsv): `name TAB hex hex ...`.

/// Reads the entity table as `(name, text)`.
pub fn entities<'a>(file: &'a str, text: &'a str) -> Result<Vec<(&'a str, String)>, DataError> {
    lines(file, text)
        .map(|line| {
            let (name, points) = line.key_value('\t')?;
            let text = points
                .split(' ')
                .map(|p| {
                    u32::from_str_radix(p, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| line.error(format!("`{p}` is no code point in hex")))
                })
                .collect::<Result<String, _>>()?;
            Ok((name, text))
        })
        .collect()
}

// ---------------------------------------------------------------------
// Which format each data folder and file uses.

/// A format of data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One entry per line.
    List,
    /// `code: cue ...`.
    Negation,
    /// `kind: word ...`.
    Markers,
    /// `code value word ...`.
    NumberWords,
    /// `power word ...`.
    Scales,
    /// A spelled-number table.
    Spelled,
    /// A segmentation file.
    Segment,
    /// A properties file.
    Properties,
    /// The HTML entity table.
    Entities,
}

impl Format {
    /// Checks every line of `text`, read as this format.
    pub fn check(self, file: &str, text: &str) -> Result<(), DataError> {
        match self {
            Format::List => list(file, text).map(drop),
            Format::Negation => negation(file, text).map(drop),
            Format::Markers => markers(file, text).map(drop),
            Format::NumberWords => number_words(file, text).map(drop),
            Format::Scales => scales(file, text).map(drop),
            Format::Spelled => spelled(file, text).map(drop),
            Format::Segment => sections(file, text, SEGMENT_SECTIONS).map(drop),
            Format::Properties => properties(file, text).map(drop),
            Format::Entities => entities(file, text).map(drop),
        }
    }
}

/// Folders of per-language files (`<code>.txt`; `README*` files are
/// documentation), from the crate root, with their format and the name of
/// the table `build.rs` generates for them.
pub const LANGUAGE_FOLDERS: &[(&str, Format, &str)] = &[
    ("src/anchors/data/spelled", Format::Spelled, "SPELLED"),
    ("src/segment/data", Format::Segment, "SEGMENT"),
    ("src/language/data", Format::Properties, "PROPERTIES"),
];

/// Single data files, from the crate root, with their format and the name
/// of the constant `build.rs` generates for them.
pub const SINGLE_FILES: &[(&str, Format, &str)] = &[
    (
        "src/anchors/data/given_names.txt",
        Format::List,
        "GIVEN_NAMES",
    ),
    (
        "src/anchors/data/negation.txt",
        Format::Negation,
        "NEGATION",
    ),
    ("src/anchors/data/markers.txt", Format::Markers, "MARKERS"),
    (
        "src/anchors/data/numbers.txt",
        Format::NumberWords,
        "NUMBER_WORDS",
    ),
    ("src/anchors/data/scales.txt", Format::Scales, "SCALES"),
    (
        "src/language/default.txt",
        Format::Properties,
        "DEFAULT_PROPERTIES",
    ),
    ("src/document/entities.tsv", Format::Entities, "ENTITIES"),
];
