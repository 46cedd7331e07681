//! FreeDict dictionaries on the command line: a tiny dictd dictionary of
//! words made up here (the body gzip-compressed with flate2), found by
//! `--dict-dir` or `TRANSALIGN_DICT_DIR`, named with `--verbose` and in the
//! JSON report, and switched off with `--no-dictionaries`.
#![cfg(feature = "cli")]

mod files;

use std::io::Write;
use std::path::Path;

/// The binary, keeping compiled dictionaries under `dir`, not in the
/// user's cache.
fn transalign(dir: &tempfile::TempDir) -> assert_cmd::Command {
    let mut cmd = files::transalign();
    cmd.env("XDG_CACHE_HOME", dir.path().join("cache"));
    cmd
}

/// dictd base64 of a number.
fn b64(mut n: usize) -> String {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = Vec::new();
    loop {
        s.push(DIGITS[n % 64]);
        n /= 64;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// Writes `freedict-{stem}.index` and `.dict.dz` with `entries`
/// (headword, translations line).
fn dictionary(dir: &Path, stem: &str, entries: &[(&str, &str)]) {
    let mut body = String::from("header\n");
    let mut index = String::from("00databaseshort\tA\tHe\n");
    for (head, translations) in entries {
        let entry = format!("{head} /x/ <n>\n{translations}\na made-up gloss\n");
        index.push_str(&format!(
            "{}\t{}\t{}\n",
            head.to_lowercase(),
            b64(body.len()),
            b64(entry.len())
        ));
        body.push_str(&entry);
    }
    std::fs::write(dir.join(format!("freedict-{stem}.index")), index).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(body.as_bytes()).unwrap();
    std::fs::write(
        dir.join(format!("freedict-{stem}.dict.dz")),
        gz.finish().unwrap(),
    )
    .unwrap();
}

/// Made-up words, so that only the dictionary links them.
const ENTRIES: &[(&str, &str)] = &[
    ("Quorbel", "zimmet, plonk"),
    ("Wraxen", "fludine"),
    ("Tremmik", "saroche"),
];

const SOURCE: &str = "Quorbel wraxen tremmik.\nBlaff blaff quorbel.\n";
const TARGET: &str = "Zimmet fludine saroche.\nGnou gnou zimmet.\n";

#[test]
fn align_names_the_dictionaries_it_uses() {
    let dir = tempfile::tempdir().unwrap();
    let dicts = dir.path().join("dicts");
    std::fs::create_dir(&dicts).unwrap();
    dictionary(&dicts, "deu-fra", ENTRIES);
    let s = files::write(dir.path(), "s.txt", SOURCE);
    let t = files::write(dir.path(), "t.txt", TARGET);
    let run = |extra: &[&str]| {
        let out = transalign(&dir)
            .args(["align", "--presegmented", "--source-lang", "de"])
            .args(["--target-lang", "fr", "--verbose"])
            .args(extra)
            .arg(&s)
            .arg(&t)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let d = dicts.to_str().unwrap();
    let err = run(&["--dict-dir", d]);
    assert!(err.contains("freedict-deu-fra.index (3 entries)"), "{err}");
    let err = run(&[]);
    assert!(err.contains("de-fr: none found"), "{err}");
    // Through the environment, which --no-dictionaries overrides.
    let out = transalign(&dir)
        .env("TRANSALIGN_DICT_DIR", d)
        .args(["align", "--presegmented", "--verbose", "--no-dictionaries"])
        .args(["--source-lang", "de", "--target-lang", "fr"])
        .arg(&s)
        .arg(&t)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
    let out = transalign(&dir)
        .env("TRANSALIGN_DICT_DIR", d)
        .args(["align", "--presegmented", "--verbose"])
        .args(["--source-lang", "de", "--target-lang", "fr"])
        .arg(&s)
        .arg(&t)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("freedict-deu-fra"));
}

#[test]
fn check_reports_the_dictionaries_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let dicts = dir.path().join("dicts");
    std::fs::create_dir(&dicts).unwrap();
    dictionary(&dicts, "deu-fra", ENTRIES);
    dictionary(&dicts, "fra-deu", &[("zimmet", "Quorbel")]);
    let s = files::write(
        dir.path(),
        "de.txt",
        "Der Quorbel ist heute sehr gross und schön geworden.\n",
    );
    let t = files::write(
        dir.path(),
        "fr.txt",
        "Le zimmet est devenu très grand et beau aujourd'hui.\n",
    );
    let json = |extra: &[&str]| -> serde_json::Value {
        let out = transalign(&dir)
            .args(["check", "--source-lang", "de", "--target-lang", "fr"])
            .args(["--format", "json"])
            .args(extra)
            .arg(&s)
            .arg(&t)
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let d = dicts.to_str().unwrap();
    let names: Vec<String> = json(&["--dict-dir", d])["dictionaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["freedict-deu-fra", "freedict-fra-deu"]);
    assert_eq!(
        json(&["--no-dictionaries"])["dictionaries"],
        serde_json::json!([])
    );
}

#[test]
fn a_broken_dictionary_is_a_clear_input_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("freedict-deu-fra.index"), "quorbel\tA\n").unwrap();
    std::fs::write(dir.path().join("freedict-deu-fra.dict"), "x").unwrap();
    let s = files::write(dir.path(), "s.txt", SOURCE);
    let t = files::write(dir.path(), "t.txt", TARGET);
    let out = transalign(&dir)
        .args(["align", "--presegmented", "--source-lang", "de"])
        .args(["--target-lang", "fr", "--dict-dir"])
        .arg(dir.path())
        .arg(&s)
        .arg(&t)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("freedict-deu-fra.index:1: expected headword"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
