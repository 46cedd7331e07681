//! Dictionary benchmark: how long opening each installed FreeDict
//! dictionary takes, and looking up every word of a gold text in it.
//!
//! Needs Debian's FreeDict packages in /usr/share/dictd (or the folder in
//! `TRANSALIGN_DICT_DIR`), e.g. `apt-get install dict-freedict-deu-eng`;
//! without them it says so and exits cleanly. The words come from
//! ../shared/gold when present. Run: `cargo bench --bench dictionary`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use transalign::Language;
use transalign::dictionary::{self, Dictionary};

fn lang(code: &str) -> Language {
    Language::from_code(code).expect("a valid code")
}

/// Distinct folded words of a file (one sentence per line).
fn words_of(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(transalign::text::fold)
        .collect();
    words.sort();
    words.dedup();
    words
}

fn main() {
    let dir = std::env::var_os("TRANSALIGN_DICT_DIR")
        .map_or_else(|| PathBuf::from(dictionary::SYSTEM_DIR), PathBuf::from);
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    // (headword language, translation language, gold file with words of
    // the headword language)
    let cases = [
        ("de", "en", "textberg-de-fr-dev/source.de"),
        ("en", "de", "1984-hu-en/target.en"),
        ("de", "fr", "textberg-de-fr-dev/source.de"),
        ("fr", "de", "textberg-de-fr-dev/target.fr"),
        ("hu", "en", "1984-hu-en/source.hu"),
        ("en", "hu", "1984-hu-en/target.en"),
    ];
    let mut any = false;
    for (from, to, words) in cases {
        let (from, to) = (lang(from), lang(to));
        let found = dictionary::find(std::slice::from_ref(&dir), from, to);
        let Some(f) = found.into_iter().find(|f| f.from == from) else {
            continue;
        };
        any = true;
        let start = Instant::now();
        let d = Dictionary::open(&f.index, &f.body, f.from, f.to).expect("a readable dictionary");
        let open = start.elapsed();
        let cache = tempfile::tempdir().expect("a temporary folder");
        let start = Instant::now();
        Dictionary::open_cached(&f.index, &f.body, f.from, f.to, cache.path())
            .expect("a readable dictionary");
        let compile = start.elapsed();
        let start = Instant::now();
        let cached = Dictionary::open_cached(&f.index, &f.body, f.from, f.to, cache.path())
            .expect("a readable dictionary");
        let reopen = start.elapsed();
        let words = words_of(&gold.join(words));
        let start = Instant::now();
        let found: usize = words
            .iter()
            .filter(|w| !d.translations(w).is_empty())
            .count();
        let first = start.elapsed();
        let start = Instant::now();
        for w in &words {
            d.translations(w);
        }
        let again = start.elapsed();
        let start = Instant::now();
        let same = words
            .iter()
            .filter(|w| cached.translations(w) == d.translations(w))
            .count();
        let both = start.elapsed();
        assert_eq!(same, words.len(), "the cache answers as the files do");
        let start = Instant::now();
        for w in &words {
            cached.translations(w);
        }
        let from_cache = start.elapsed();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{}: {} entries; files: opened in {:.0} ms, {} words looked up in {:.0} ms \
             (again {:.0} ms), {} found; cache: compiled in {:.0} ms, opened in {:.1} ms, \
             words looked up in {:.1} ms",
            d.info().name,
            d.info().entries,
            ms(open),
            words.len(),
            ms(first),
            ms(again),
            found,
            ms(compile),
            ms(reopen),
            ms(from_cache),
        );
        let _ = both;
    }
    if !any {
        println!(
            "dictionary benchmark skipped: no FreeDict dictionary in {} \
             (apt-get install dict-freedict-deu-eng)",
            dir.display()
        );
    }
}
