//! Languages: ISO 639-1 codes, and detection with whatlang.

use std::fmt;
use std::path::Path;

use serde::Serialize;
use whatlang::Lang;

use crate::error::{Error, Result};

mod properties;

pub use properties::{Numeral, Properties, default_properties, expected_length_ratio, properties};

/// A language, named by its ISO 639-1 code (`en`, `de`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language([u8; 2]);

/// whatlang's languages with their ISO 639-1 codes. Languages without a
/// two-letter code (and Mandarin, which is `zh`) are mapped by hand.
const CODES: &[(Lang, &str)] = &[
    (Lang::Afr, "af"),
    (Lang::Aka, "ak"),
    (Lang::Amh, "am"),
    (Lang::Ara, "ar"),
    (Lang::Aze, "az"),
    (Lang::Bel, "be"),
    (Lang::Ben, "bn"),
    (Lang::Bul, "bg"),
    (Lang::Cat, "ca"),
    (Lang::Ces, "cs"),
    (Lang::Cmn, "zh"),
    (Lang::Cym, "cy"),
    (Lang::Dan, "da"),
    (Lang::Deu, "de"),
    (Lang::Ell, "el"),
    (Lang::Eng, "en"),
    (Lang::Epo, "eo"),
    (Lang::Est, "et"),
    (Lang::Fin, "fi"),
    (Lang::Fra, "fr"),
    (Lang::Guj, "gu"),
    (Lang::Heb, "he"),
    (Lang::Hin, "hi"),
    (Lang::Hrv, "hr"),
    (Lang::Hun, "hu"),
    (Lang::Hye, "hy"),
    (Lang::Ind, "id"),
    (Lang::Ita, "it"),
    (Lang::Jav, "jv"),
    (Lang::Jpn, "ja"),
    (Lang::Kan, "kn"),
    (Lang::Kat, "ka"),
    (Lang::Khm, "km"),
    (Lang::Kor, "ko"),
    (Lang::Lat, "la"),
    (Lang::Lav, "lv"),
    (Lang::Lit, "lt"),
    (Lang::Mal, "ml"),
    (Lang::Mar, "mr"),
    (Lang::Mkd, "mk"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Nld, "nl"),
    (Lang::Nob, "nb"),
    (Lang::Ori, "or"),
    (Lang::Pan, "pa"),
    (Lang::Pes, "fa"),
    (Lang::Pol, "pl"),
    (Lang::Por, "pt"),
    (Lang::Ron, "ro"),
    (Lang::Rus, "ru"),
    (Lang::Sin, "si"),
    (Lang::Slk, "sk"),
    (Lang::Slv, "sl"),
    (Lang::Sna, "sn"),
    (Lang::Spa, "es"),
    (Lang::Srp, "sr"),
    (Lang::Swe, "sv"),
    (Lang::Tam, "ta"),
    (Lang::Tel, "te"),
    (Lang::Tgl, "tl"),
    (Lang::Tha, "th"),
    (Lang::Tuk, "tk"),
    (Lang::Tur, "tr"),
    (Lang::Ukr, "uk"),
    (Lang::Urd, "ur"),
    (Lang::Uzb, "uz"),
    (Lang::Vie, "vi"),
    (Lang::Yid, "yi"),
    (Lang::Zul, "zu"),
];

/// Every ISO 639-1 code (the 183 of the standard's current list), sorted:
/// a two-letter code outside it is a typo or a made-up code, and refused.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Languages with their own segmentation, number and quotation rules (those
/// with a file in `segment/data/`); a short or ambiguous text is first
/// tried against these.
pub const WITH_RESOURCES: &[&str] = crate::data::SEGMENT_CODES;

impl Language {
    /// English.
    pub const EN: Language = Language(*b"en");
    /// German.
    pub const DE: Language = Language(*b"de");
    /// French.
    pub const FR: Language = Language(*b"fr");

    /// Parses an ISO 639-1 code, case-insensitively (`de`, `EN`). A
    /// region or script may follow, as in a BCP 47 tag (`pt-BR`, `en_GB`,
    /// `zh-Hant-TW`); it is dropped. Anything else, and a two-letter code
    /// that ISO 639-1 does not list (`zz`), is refused.
    pub fn from_code(code: &str) -> Result<Language> {
        let unknown = || Error::UnknownLanguage {
            code: code.to_string(),
        };
        let mut parts = code.trim().split(['-', '_']);
        let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
        let subtags_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        match primary.as_bytes() {
            [a, b] if subtags_ok && ISO_639_1.binary_search(&primary.as_str()).is_ok() => {
                Ok(Language([*a, *b]))
            }
            _ => Err(unknown()),
        }
    }

    /// Whether detection (whatlang) knows this language: the languages
    /// transalign can check without being told.
    pub fn is_detectable(&self) -> bool {
        self.to_whatlang().is_some()
    }

    /// The ISO 639-1 code.
    pub fn code(&self) -> &str {
        // Both bytes are ASCII lowercase letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("xx")
    }

    /// The ISO 639-3 code (`deu`, `fra`, `hun`), which FreeDict's file
    /// names use; `None` for a language whatlang does not know.
    pub fn code3(&self) -> Option<&'static str> {
        self.to_whatlang().map(|l| l.code())
    }

    /// Whether transalign has language-specific rules for it.
    pub fn has_resources(&self) -> bool {
        WITH_RESOURCES.contains(&self.code())
    }

    /// whatlang's language for this code, if whatlang knows it.
    pub(crate) fn to_whatlang(self) -> Option<Lang> {
        CODES
            .iter()
            .find(|(_, c)| *c == self.code())
            .map(|(l, _)| *l)
    }

    /// Every language detection knows, with its English name, in the
    /// order of their codes (for pickers such as `serve`'s form).
    pub fn detectable() -> Vec<(Language, &'static str)> {
        let mut all: Vec<(Language, &'static str)> = CODES
            .iter()
            .filter_map(|(l, c)| Some((Language::from_code(c).ok()?, l.eng_name())))
            .collect();
        all.sort();
        all
    }

    fn from_whatlang(lang: Lang) -> Option<Language> {
        CODES
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, c)| Language::from_code(c).ok())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = Error;
    fn from_str(s: &str) -> Result<Language> {
        Language::from_code(s)
    }
}

/// Where a document's language came from, most authoritative first: the
/// order in which they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LanguageSource {
    /// An option: the command line, the configuration or a batch manifest.
    Option,
    /// The file name: `article.de.md`, `article_de.md`, or `de.md`.
    FileName,
    /// The folder holding the file: `de/article.md`.
    Folder,
    /// The `lang` attribute of an HTML document's `<html>` element.
    HtmlLang,
    /// `lang:` (or `language:`) in a Markdown document's front matter.
    FrontMatter,
    /// Detected from the text.
    Detected,
}

impl LanguageSource {
    /// The stable name used in JSON and messages.
    pub fn name(self) -> &'static str {
        match self {
            LanguageSource::Option => "option",
            LanguageSource::FileName => "file_name",
            LanguageSource::Folder => "folder",
            LanguageSource::HtmlLang => "html_lang",
            LanguageSource::FrontMatter => "front_matter",
            LanguageSource::Detected => "detected",
        }
    }
}

/// How a document's language was settled.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// The language.
    pub language: Language,
    /// whatlang's confidence (0 to 1); 1 when the language was declared.
    pub confidence: f64,
    /// Whether it was declared (by an option, the file's name or its
    /// markup) rather than detected.
    pub given: bool,
    /// Where it came from.
    pub source: LanguageSource,
}

impl Detection {
    /// A language declared by `source`, not detected.
    pub fn declared(language: Language, source: LanguageSource) -> Detection {
        Detection {
            language,
            confidence: 1.0,
            given: source != LanguageSource::Detected,
            source,
        }
    }
}

/// Detects the language of a whole document.
///
/// Detection runs on up to 20,000 characters. A result that whatlang does
/// not call reliable is retried among the languages with resources, and
/// accepted there only when that is clear-cut; otherwise this fails with
/// an error that names `flag` so the user can say it.
pub fn detect(path: &Path, text: &str, flag: &'static str) -> Result<Detection> {
    let sample: String = text.chars().take(20_000).collect();
    let general = whatlang::detect(&sample);
    if let Some(info) = &general {
        if info.is_reliable() {
            if let Some(language) = Language::from_whatlang(info.lang()) {
                return Ok(Detection {
                    language,
                    confidence: info.confidence(),
                    given: false,
                    source: LanguageSource::Detected,
                });
            }
        }
    }
    let allow: Vec<Lang> = CODES
        .iter()
        .filter(|(_, c)| WITH_RESOURCES.contains(c))
        .map(|(l, _)| *l)
        .collect();
    let restricted = whatlang::Detector::with_allowlist(allow).detect(&sample);
    if let Some(info) = &restricted {
        if info.confidence() >= 0.5 && sample.chars().filter(|c| c.is_alphabetic()).count() >= 40 {
            if let Some(language) = Language::from_whatlang(info.lang()) {
                return Ok(Detection {
                    language,
                    confidence: info.confidence(),
                    given: false,
                    source: LanguageSource::Detected,
                });
            }
        }
    }
    let guess = general
        .or(restricted)
        .and_then(|i| Language::from_whatlang(i.lang()))
        .map(|l| format!(" (perhaps {l})"))
        .unwrap_or_default();
    Err(Error::UndetectedLanguage {
        path: path.to_path_buf(),
        flag,
        guess,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_case_insensitively_and_reject_others() {
        assert_eq!(Language::from_code("DE").unwrap(), Language::DE);
        assert!(Language::from_code("deu").is_err());
        assert!(Language::from_code("d1").is_err());
    }

    #[test]
    fn codes_outside_iso_639_1_are_refused() {
        for bad in [
            "zz",
            "xx",
            "qq",
            "",
            "-",
            "en-",
            "en-!!",
            "en-toolongsubtag",
        ] {
            assert!(Language::from_code(bad).is_err(), "{bad:?}");
        }
        let e = Language::from_code("zz").unwrap_err().to_string();
        assert!(e.contains("\"zz\"") && e.contains("ISO 639-1"), "{e}");
    }

    #[test]
    fn a_region_or_script_may_follow_the_code() {
        for (tag, code) in [
            ("pt-BR", "pt"),
            ("en_GB", "en"),
            ("zh-Hant-TW", "zh"),
            ("DE-de", "de"),
        ] {
            assert_eq!(Language::from_code(tag).unwrap().code(), code, "{tag}");
        }
        assert!(Language::from_code("zz-ZZ").is_err());
    }

    #[test]
    fn the_code_list_is_sorted_and_has_every_detectable_language() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        for (_, code) in CODES {
            assert!(ISO_639_1.contains(code), "{code}");
        }
    }

    #[test]
    fn detects_german_and_english_articles() {
        let de = "Am Montag telefonierte der chinesische Präsident mit dem russischen Präsidenten. \
                  Die Beziehungen zwischen beiden Ländern seien eng, sagte er.";
        let en = "On Monday the Chinese president spoke with the Russian president by phone. \
                  The relationship between the two countries is close, he said.";
        let p = Path::new("x");
        assert_eq!(
            detect(p, de, "--target-lang").unwrap().language,
            Language::DE
        );
        assert_eq!(
            detect(p, en, "--source-lang").unwrap().language,
            Language::EN
        );
    }

    #[test]
    fn too_little_text_asks_for_the_flag() {
        let err = detect(Path::new("a.txt"), "42 17", "--source-lang").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("a.txt") && msg.contains("--source-lang"),
            "{msg}"
        );
    }

    #[test]
    fn every_whatlang_language_has_a_code() {
        for (lang, code) in CODES {
            assert_eq!(Language::from_whatlang(*lang).unwrap().code(), *code);
            assert_eq!(
                Language::from_code(code).unwrap().to_whatlang(),
                Some(*lang)
            );
        }
    }
}
