//! Bad input gets a one-line error that names the file, and exit code 2.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use std::path::Path;

use files::transalign;

const GOOD: &str = "The president spoke on Monday about the economy and the budget. \
                    He said the plan would take effect next year.\n";

/// Runs `check` with `bad` as the translation and asserts a one-line error
/// naming `name` and `expect`, and exit code 2.
fn assert_refused(dir: &Path, bad: &Path, name: &str, expect: &str) {
    let good = dir.join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let out = transalign()
        .args(["check", "--source-lang", "en", "--target-lang", "en"])
        .arg(&good)
        .arg(bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "no report on error");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(name), "names {name}: {stderr}");
    assert!(stderr.contains(expect), "says {expect}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("nope.md");
    assert_refused(dir.path(), &bad, "nope.md", "No such file");
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("sub");
    std::fs::create_dir(&bad).unwrap();
    assert_refused(dir.path(), &bad, "sub", "directory");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("image.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_refused(dir.path(), &bad, "image.txt", "binary");
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Der Pr\xe4sident sprach am Montag.").unwrap();
    assert_refused(dir.path(), &bad, "latin1.txt", "byte 6");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("empty.md");
    std::fs::write(&bad, "").unwrap();
    assert_refused(dir.path(), &bad, "empty.md", "no text");
}

#[test]
fn whitespace_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("blank.txt");
    std::fs::write(&bad, " \n\r\n\t\n").unwrap();
    assert_refused(dir.path(), &bad, "blank.txt", "no text");
}

#[test]
fn too_large_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("big.txt");
    std::fs::write(&bad, GOOD.repeat(100)).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let out = transalign()
        .args(["check", "--max-bytes", "1000"])
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("big.txt") && stderr.contains("--max-bytes"),
        "{stderr}"
    );
}

#[test]
fn stdin_given_twice() {
    let out = transalign().args(["check", "-", "-"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("standard input"), "{stderr}");
}

#[test]
fn undetectable_language_suggests_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let numbers = dir.path().join("numbers.txt");
    std::fs::write(&numbers, "12 34 56\n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let out = transalign()
        .arg("check")
        .arg(&good)
        .arg(&numbers)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("numbers.txt") && stderr.contains("--target-lang"),
        "{stderr}"
    );
}

#[test]
fn unknown_language_code_is_a_usage_error() {
    let out = transalign()
        .args(["check", "a.txt", "b.txt", "--source-lang", "english"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 639-1"));
}

#[test]
fn codes_outside_iso_639_1_are_refused_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("en.txt"), GOOD).unwrap();
    std::fs::write(d.join("zz.toml"), "target-lang = \"zz\"\n").unwrap();
    std::fs::write(d.join("pairs.tsv"), "en.txt\ten.txt\ten\tzz\n").unwrap();
    let runs: [&[&str]; 5] = [
        &["check", "en.txt", "en.txt", "--source-lang", "zz"],
        &["align", "en.txt", "en.txt", "--target-lang", "xx"],
        &["segment", "en.txt", "--lang", "qq"],
        &["check", "en.txt", "en.txt", "--config", "zz.toml"],
        &["batch", "pairs.tsv", "-o", "out"],
    ];
    for args in runs {
        let out = transalign().current_dir(d).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("ISO 639-1 code such as en, de or fr"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn help_shows_examples_and_exits_zero() {
    let out = transalign().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Examples:"));
}
