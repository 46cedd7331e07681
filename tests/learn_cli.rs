//! `transalign learn`: a lexicon from past translations, read back by
//! `--lexicon`; bad input is refused with one line naming the file.
#![cfg(feature = "cli")]

mod files;

use std::path::Path;

use files::{transalign, write};

/// A German–English bitext, line for line; each word recurs with other
/// neighbours.
const DE: &str = "Der Hund bellt laut.\nDie Katze schläft ruhig.\nDer Hund schläft ruhig.\n\
Die Katze bellt laut.\nEin Hund und eine Katze.\nDer Garten ist groß.\n\
Im Garten schläft der Hund.\nIm Garten bellt die Katze.\n";
const EN: &str = "The dog barks loudly.\nThe cat sleeps quietly.\nThe dog sleeps quietly.\n\
The cat barks loudly.\nA dog and a cat.\nThe garden is big.\n\
In the garden the dog sleeps.\nIn the garden the cat barks.\n";

fn learn(dir: &Path, extra: &[&str]) -> std::process::Output {
    transalign()
        .current_dir(dir)
        .args(["learn", "--bitext", "de.txt", "en.txt"])
        .args(["--source-lang", "de", "--target-lang", "en"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn learns_a_lexicon_that_check_reads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "de.txt", DE);
    write(dir.path(), "en.txt", EN);
    let out = learn(dir.path(), &["-o", "de-en.tsv"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let tsv = std::fs::read_to_string(dir.path().join("de-en.tsv")).unwrap();
    assert!(tsv.starts_with("# transalign learn: "), "{tsv}");
    assert!(tsv.lines().any(|l| l.starts_with("hund\tdog\t")), "{tsv}");
    assert!(tsv.lines().any(|l| l.starts_with("katze\tcat\t")), "{tsv}");
    assert!(!tsv.lines().any(|l| l.starts_with("hund\tcat\t")), "{tsv}");
    // The same input gives the same bytes, on standard output too.
    let again = learn(dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), tsv);

    write(
        dir.path(),
        "a.de.md",
        "Der Hund bellt. Die Katze schläft im Garten.\n",
    );
    write(
        dir.path(),
        "a.en.md",
        "The dog barks. The cat sleeps in the garden.\n",
    );
    let check = transalign()
        .current_dir(dir.path())
        .args(["check", "a.en.md", "a.de.md", "--lexicon", "de-en.tsv"])
        .args(["--source-lang", "en", "--target-lang", "de", "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(matches!(check.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn learns_from_a_folder_of_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let de: String = DE.lines().collect::<Vec<_>>().join(" ");
    let en: String = EN.lines().collect::<Vec<_>>().join(" ");
    write(dir.path(), "archive/tiere.de.txt", &de);
    write(dir.path(), "archive/tiere.en.txt", &en);
    let out = transalign()
        .current_dir(dir.path())
        .args(["learn", "archive", "--source-lang", "de"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let tsv = String::from_utf8_lossy(&out.stdout);
    assert!(tsv.contains("sentence pairs, de-en"), "{tsv}");
}

/// Asserts exit code 2 and one line on standard error naming `name`.
fn assert_refused(out: &std::process::Output, name: &str, expect: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(name), "names {name}: {stderr}");
    assert!(stderr.contains(expect), "says {expect}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn mismatched_line_counts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "de.txt", DE);
    write(dir.path(), "en.txt", format!("{EN}One more line.\n"));
    assert_refused(&learn(dir.path(), &[]), "en.txt", "9 lines");
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "de.txt", DE);
    assert_refused(&learn(dir.path(), &[]), "en.txt", "No such file");
}
