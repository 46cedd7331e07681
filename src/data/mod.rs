//! The embedded data files: per-language tables found by `build.rs` (a
//! `<code>.txt` added to a data folder is registered with no code change)
//! and the reader they all share ([`format`]). Adding a language is
//! described in `docs/adding-a-language.md`.
//!
//! Every file is checked line by line when the crate is built, so the
//! loaders below cannot meet a bad line at run time; the tests at the end
//! check the same again.

pub mod format;

pub use format::DataError;

mod files {
    include!(concat!(env!("OUT_DIR"), "/data_files.rs"));
}

pub(crate) use files::*;

/// A generated table of per-language files: (code, file, text), by code.
pub(crate) type LanguageFiles = &'static [(&'static str, &'static str, &'static str)];

/// The value of a parse of an embedded file. `build.rs` parses every
/// embedded file with the same functions and fails the build on an error,
/// so an error here means the binary was built from files other than the
/// ones embedded: a programmer error, reported with file and line.
#[track_caller]
pub(crate) fn valid<T>(parsed: Result<T, DataError>) -> T {
    parsed.unwrap_or_else(|e| panic!("embedded data file not checked by build.rs: {e}"))
}

#[cfg(test)]
mod tests {
    use super::format::{self, Format};
    use super::*;
    use crate::language::Language;

    /// The generated table named `name`.
    fn table(name: &str) -> LanguageFiles {
        match name {
            "SPELLED" => SPELLED,
            "SEGMENT" => SEGMENT,
            "PROPERTIES" => PROPERTIES,
            other => panic!("no generated table {other}: add it here"),
        }
    }

    /// Every embedded file with its format.
    fn embedded() -> Vec<(&'static str, &'static str, Format)> {
        let mut out = Vec::new();
        for (_, format, name) in format::LANGUAGE_FOLDERS {
            let files = table(name).iter();
            out.extend(files.map(|(_, file, text)| (*file, *text, *format)));
        }
        let singles = [
            GIVEN_NAMES,
            NEGATION,
            MARKERS,
            NUMBER_WORDS,
            SCALES,
            DEFAULT_PROPERTIES,
            ENTITIES,
        ];
        assert_eq!(singles.len(), format::SINGLE_FILES.len());
        for (file, text) in singles {
            let (_, format, _) = format::SINGLE_FILES
                .iter()
                .find(|(f, _, _)| *f == file)
                .expect("every single file is listed");
            out.push((file, text, *format));
        }
        out
    }

    #[test]
    fn every_line_of_every_embedded_file_parses() {
        let files = embedded();
        // Three folders with 10 + 7 + several files and 7 single files:
        // a generated table gone empty would otherwise pass unnoticed.
        assert!(files.len() >= 25, "only {} files embedded", files.len());
        for (file, text, format) in files {
            if let Err(e) = format.check(file, text) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn a_bad_line_is_reported_with_file_and_line() {
        let err = Format::Scales
            .check("scales.txt", "# powers\n3 thousand\nthree thousand\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "scales.txt:3: `three` is not a power of ten"
        );
        let err = Format::NumberWords
            .check("numbers.txt", "en 1 one\n\nen x two\n")
            .unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (3, "numbers.txt"));
        let err = Format::Spelled
            .check("xx.txt", "unit 1 one\nunits 2 two\n")
            .unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(Format::Spelled.check("xx.txt", "option compund").is_err());
        assert!(Format::Spelled.check("xx.txt", "unit 1 One").is_err());
        assert!(Format::Segment.check("xx.txt", "Dr.\n[inner]\n").is_err());
        assert!(
            Format::Segment
                .check("xx.txt", "[inner]\n[outer]\n")
                .is_err()
        );
        assert!(Format::Negation.check("n.txt", "english: not").is_err());
        // A condition is an inside-word cue.
        assert!(
            Format::Negation
                .check("n.txt", "ja: ?*なければ* *ない*")
                .is_ok()
        );
        for bad in ["ja: ?なければ", "ja: ?!*なければ*", "ja: ?**"] {
            let err = Format::Negation.check("n.txt", bad).unwrap_err();
            assert!(err.to_string().contains("?*cue*"), "{bad}: {err}");
        }
        assert!(Format::Markers.check("m.txt", "adverts: ad").is_err());
        assert!(
            Format::Properties
                .check("p.txt", "decimal-mark = ;")
                .is_err()
        );
        assert!(
            Format::Properties
                .check("p.txt", "capitalises-nouns = yes\ncapitalises-nouns = no")
                .is_err()
        );
        assert!(Format::Entities.check("e.tsv", "amp\tzz").is_err());
    }

    /// Every file in a per-language folder, read from the source tree now,
    /// is in the table generated when the crate was built, and each code
    /// is a language the library can be asked about.
    #[test]
    fn every_file_in_a_language_folder_is_registered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (folder, _, name) in format::LANGUAGE_FOLDERS {
            let table = table(name);
            let mut on_disk: Vec<String> = std::fs::read_dir(root.join(folder))
                .expect("a data folder")
                .map(|e| {
                    e.expect("an entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .filter(|n| !n.starts_with("README") && !n.starts_with('.'))
                .map(|n| format!("{folder}/{n}"))
                .collect();
            on_disk.sort();
            let registered: Vec<String> = table.iter().map(|(_, f, _)| f.to_string()).collect();
            assert_eq!(registered, on_disk, "{folder}");
            for (code, file, _) in table {
                let language = Language::from_code(code)
                    .unwrap_or_else(|_| panic!("{file}: `{code}` is no language code"));
                assert_eq!(language.code(), *code, "{file}");
            }
        }
    }
}
