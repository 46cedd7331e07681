//! The language a document declares: by its file name, its folder, its
//! HTML `lang` attribute or its Markdown front matter. The path is read as
//! a name only; nothing here touches the file system.

use std::path::Path;

use super::{InputFormat, html};
use crate::language::{Language, LanguageSource};

/// A language a document declares, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredLanguage {
    /// The language.
    pub language: Language,
    /// Where the document declares it: its file name, its folder, its
    /// HTML `lang` attribute or its front matter.
    pub source: LanguageSource,
}

/// The language `text`, read from `path` as `format`, declares, trying in
/// turn the file name, the folder, then the markup (HTML `lang` or
/// Markdown front matter).
///
/// File and folder names count only for languages detection knows
/// ([`Language::is_detectable`]): the ISO 639-1 codes that are also
/// English words (`to`, `so`, `no`, `is`) name no language transalign
/// checks, so `how_to.md` is not a Tongan file. Markup is a deliberate
/// declaration, so any ISO 639-1 code counts there; an invalid value
/// (`lang="{{lang}}"`) is ignored.
pub fn declared_language(path: &Path, text: &str, format: InputFormat) -> Option<DeclaredLanguage> {
    let named = |language: Option<Language>, source| {
        language
            .filter(Language::is_detectable)
            .map(|language| DeclaredLanguage { language, source })
    };
    named(from_file_name(path), LanguageSource::FileName)
        .or_else(|| named(from_folder(path), LanguageSource::Folder))
        .or_else(|| {
            let (code, source) = match format {
                InputFormat::Html => (html::root_lang(text)?, LanguageSource::HtmlLang),
                InputFormat::Markdown => (front_matter_lang(text)?, LanguageSource::FrontMatter),
                InputFormat::Text => return None,
            };
            let language = Language::from_code(code).ok()?;
            Some(DeclaredLanguage { language, source })
        })
}

/// The language of a file name: `article.de.md`, `article_de.md`, or a
/// name that is only a code (`de.md`, `pt-BR.html`). Standard input has
/// none.
fn from_file_name(path: &Path) -> Option<Language> {
    if super::is_stdin(path) {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    name_code(stem).or_else(|| {
        [stem.rsplit_once('.'), stem.rsplit_once('_')]
            .into_iter()
            .flatten()
            .find_map(|(_, code)| name_code(code))
    })
}

/// The language of the folder holding the file, when its name is a code
/// (`de/article.md`).
fn from_folder(path: &Path) -> Option<Language> {
    if super::is_stdin(path) {
        return None;
    }
    let folder = path.parent()?.file_name()?.to_str()?;
    name_code(folder)
}

/// A language named in a file or folder name: a code alone (`de`), or
/// with a region in capitals (`de-AT`, `pt_BR`). Lower-case pairs such as
/// `en-de` name a pair of languages, not one.
fn name_code(name: &str) -> Option<Language> {
    let region_ok = match name.split_once(['-', '_']) {
        None => true,
        Some((_, region)) => region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase()),
    };
    if region_ok {
        Language::from_code(name).ok()
    } else {
        None
    }
}

/// The value of `lang:` or `language:` in YAML front matter (`---` lines
/// at the very start), without quotes or a trailing comment.
fn front_matter_lang(text: &str) -> Option<&str> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return None;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if matches!(key, "lang" | "language") {
            let value = value.split(" #").next().unwrap_or_default().trim();
            return Some(value.trim_matches(['"', '\'']));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(path: &str, text: &str) -> Option<(String, LanguageSource)> {
        let path = Path::new(path);
        declared_language(path, text, InputFormat::from_path(path))
            .map(|d| (d.language.code().to_string(), d.source))
    }

    #[test]
    fn file_names_declare_their_language() {
        for name in [
            "article.de.md",
            "articles/article_de.html",
            "de.md",
            "de-AT.txt",
            "x/summit.DE.md",
        ] {
            assert_eq!(
                declared(name, "Text."),
                Some(("de".into(), LanguageSource::FileName)),
                "{name}"
            );
        }
    }

    #[test]
    fn a_folder_declares_the_language_of_its_files() {
        assert_eq!(
            declared("articles/fr/summit.md", "Texte."),
            Some(("fr".into(), LanguageSource::Folder))
        );
        // The file's own name is more specific than its folder.
        assert_eq!(
            declared("fr/summit.it.md", "Testo."),
            Some(("it".into(), LanguageSource::FileName))
        );
    }

    #[test]
    fn names_that_are_words_or_no_code_declare_nothing() {
        for name in [
            "how_to.md",
            "to.md",
            "readme.md",
            "notes.v2.md",
            "my_great_article.md",
            "en-de-brenner-tunnel/summit.md",
            "en-de/summit.md",
            "summit.en-de.md",
            "-",
            "zz.md",
        ] {
            assert_eq!(declared(name, "Text."), None, "{name}");
        }
    }

    #[test]
    fn html_lang_declares_the_language() {
        let page = "<!DOCTYPE html>\n<html class=\"no-js\" lang=\"de-DE\">\n<body><p>Text.</p></body></html>";
        assert_eq!(
            declared("page.html", page),
            Some(("de".into(), LanguageSource::HtmlLang))
        );
        let xml = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang='fr'><body/></html>";
        assert_eq!(
            declared("page.xhtml", xml),
            Some(("fr".into(), LanguageSource::HtmlLang))
        );
        // Only the root element's attribute, and only a valid code.
        assert_eq!(declared("page.html", "<p lang=\"de\">Text.</p>"), None);
        assert_eq!(
            declared("page.html", "<html lang=\"{{lang}}\"><p>Text.</p>"),
            None
        );
        // The file name comes first.
        assert_eq!(
            declared("page.en.html", page),
            Some(("en".into(), LanguageSource::FileName))
        );
    }

    #[test]
    fn front_matter_declares_the_language() {
        let md = "---\ntitle: \"Gipfel\"\nlang: de # German\n---\n\n# Gipfel\n";
        assert_eq!(
            declared("summit.md", md),
            Some(("de".into(), LanguageSource::FrontMatter))
        );
        let quoted = "---\nlanguage: 'pt-BR'\n---\nTexto.\n";
        assert_eq!(
            declared("summit.md", quoted),
            Some(("pt".into(), LanguageSource::FrontMatter))
        );
        // After the front matter, or in plain text, `lang:` is just text.
        assert_eq!(
            declared("summit.md", "---\ntitle: x\n---\nlang: de\n"),
            None
        );
        assert_eq!(declared("summit.txt", "---\nlang: de\n---\n"), None);
    }
}
