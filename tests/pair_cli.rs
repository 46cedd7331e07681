//! `transalign pair` and `batch --pair-by-content` on the golden pairs,
//! renamed so file names give nothing away.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use std::path::{Path, PathBuf};

use files::transalign;

/// Copies every golden pair's original to `originals/o<i>.<ext>` and its
/// translation to `translations/t<n-1-i>.<ext>`; returns the true pairs as
/// (original file name, translation file name). A pair whose original is
/// the same text as an earlier pair's (a faithful and a faulty translation
/// of one page) is left out: no content tells two copies apart.
fn scrambled(root: &Path) -> Vec<(String, String)> {
    let pairs = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&pairs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    let mut seen = std::collections::HashSet::new();
    dirs.retain(|dir| {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let source = dir.join(expected["source"].as_str().unwrap());
        seen.insert(std::fs::read(source).unwrap())
    });
    std::fs::create_dir_all(root.join("originals")).unwrap();
    std::fs::create_dir_all(root.join("translations")).unwrap();
    let n = dirs.len();
    let mut truth = Vec::new();
    for (i, dir) in dirs.iter().enumerate() {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        let copy = |field: &str, to: &str, name: String| -> String {
            let file = expected[field].as_str().unwrap();
            let ext = Path::new(file).extension().unwrap().to_str().unwrap();
            let target = format!("{name}.{ext}");
            std::fs::copy(dir.join(file), root.join(to).join(&target)).unwrap();
            target
        };
        let o = copy("source", "originals", format!("o{i}"));
        let t = copy("target", "translations", format!("t{}", n - 1 - i));
        truth.push((o, t));
    }
    truth
}

fn rows(stdout: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let name = |c: &str| {
                Path::new(c)
                    .file_name()
                    .map_or("-".into(), |n| n.to_string_lossy().into_owned())
            };
            (name(cols[0]), name(cols[1]))
        })
        .collect()
}

#[test]
fn pairs_every_golden_pair_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut truth = scrambled(dir.path());
    let out = transalign()
        .arg("pair")
        .arg(dir.path().join("originals"))
        .arg(dir.path().join("translations"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got = rows(&out.stdout);
    got.sort();
    truth.sort();
    assert_eq!(got, truth);
}

#[test]
fn an_unrelated_translation_stays_unpaired() {
    let dir = tempfile::tempdir().unwrap();
    scrambled(dir.path());
    std::fs::write(
        dir.path().join("translations/extra.txt"),
        "Der Zoo von Leipzig meldet die Geburt zweier Elefanten. Die Tiere wiegen je 110 Kilogramm.\n",
    )
    .unwrap();
    let out = transalign()
        .arg("pair")
        .arg(dir.path().join("originals"))
        .arg(dir.path().join("translations"))
        .output()
        .unwrap();
    assert!(rows(&out.stdout).contains(&("-".to_string(), "extra.txt".to_string())));
}

#[test]
fn empty_folders_and_one_sided_folders() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let out = transalign().arg("pair").arg(&a).arg(&b).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(rows(&out.stdout).is_empty());
    std::fs::write(
        a.join("x.txt"),
        "The mayor of Lyon opened 3 new schools in 2024.\n",
    )
    .unwrap();
    let out = transalign().arg("pair").arg(&a).arg(&b).output().unwrap();
    assert_eq!(rows(&out.stdout), [("x.txt".to_string(), "-".to_string())]);
    let out = transalign()
        .arg("pair")
        .arg(&a)
        .arg(dir.path().join("missing"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing"));
}

#[test]
fn batch_pairs_by_content_then_checks_each_pair() {
    let dir = tempfile::tempdir().unwrap();
    let truth = scrambled(dir.path());
    let out_dir = dir.path().join("out");
    let out = transalign()
        .args(["batch", "--pair-by-content"])
        .arg(dir.path().join("originals"))
        .arg(dir.path().join("translations"))
        .arg("-o")
        .arg(&out_dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    assert!(out_dir.join("index.html").is_file());
    for (original, translation) in truth {
        let stem = Path::new(&translation)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let report: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(out_dir.join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        assert!(
            report["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with(&original),
            "{stem}"
        );
    }
}

/// An `orig/` and a `trans/` folder in a temporary directory, holding the
/// given files, for `pair` and `batch --pair-by-content` to read.
struct Folders {
    dir: tempfile::TempDir,
    orig: PathBuf,
    trans: PathBuf,
}

impl Folders {
    fn new(originals: &[(&str, &str)], translations: &[(&str, &str)]) -> Folders {
        let dir = tempfile::tempdir().unwrap();
        let (orig, trans) = (dir.path().join("orig"), dir.path().join("trans"));
        write_all(&orig, originals);
        write_all(&trans, translations);
        Folders { dir, orig, trans }
    }

    /// Runs `transalign pair ORIG TRANS` with `extra` arguments after.
    fn pair(&self, extra: &[&str]) -> std::process::Output {
        transalign()
            .arg("pair")
            .arg(&self.orig)
            .arg(&self.trans)
            .args(extra)
            .output()
            .unwrap()
    }
}

/// Writes `files` (name, text) into `dir`.
fn write_all(dir: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

const BRIDGE_EN: &str = "# Bridge reopens\n\nThe Köhlbrand bridge in Hamburg reopened on 14 May after 18 months of repairs costing 240 million euros.\n\nMayor Tschentscher said 38,000 vehicles cross it every day.\n";
const BRIDGE_DE: &str = "# Brücke wieder offen\n\nDie Köhlbrandbrücke in Hamburg ist am 14. Mai nach 18 Monaten Reparatur für 240 Millionen Euro wieder offen.\n\nBürgermeister Tschentscher sagte, täglich führen 38.000 Fahrzeuge darüber.\n";
const ZOO_EN: &str = "# Elephants born\n\nLeipzig Zoo announced the birth of two elephants on 3 March, each weighing 110 kilograms.\n";
const UNRELATED_DE: &str =
    "# Wetter\n\nMorgen wird es regnerisch und kühl, am Nachmittag klart es auf.\n";

/// TSV rows as (original name, translation name, kind, candidates).
fn tsv_rows(stdout: &[u8]) -> Vec<[String; 4]> {
    let text = String::from_utf8_lossy(stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("original\ttranslation\tscore\tconfidence\tkind\tcandidates")
    );
    let name = |c: &str| {
        Path::new(c)
            .file_name()
            .map_or("-".into(), |n| n.to_string_lossy().into_owned())
    };
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 6, "{l}");
            [
                name(cols[0]),
                name(cols[1]),
                cols[4].to_string(),
                cols[5].to_string(),
            ]
        })
        .collect()
}

#[test]
fn batch_names_an_ambiguous_translation_with_its_candidates() {
    let f = Folders::new(
        &[("bridge.md", BRIDGE_EN), ("zoo.md", ZOO_EN)],
        &[("a.md", BRIDGE_DE), ("b.md", BRIDGE_DE)],
    );
    let out = transalign()
        .args(["batch", "--pair-by-content"])
        .arg(&f.orig)
        .arg(&f.trans)
        .arg("-o")
        .arg(f.dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for t in ["a.md", "b.md"] {
        let line = stderr
            .lines()
            .find(|l| l.contains(t))
            .unwrap_or_else(|| panic!("{t} not named: {stderr}"));
        assert!(line.contains("ambiguous translation"), "{line}");
        assert!(line.contains("bridge.md"), "{line}");
    }
}

#[test]
fn two_equally_good_translations_are_listed_as_ambiguous_not_paired() {
    // The same translation twice: the original cannot tell them apart.
    let f = Folders::new(
        &[("bridge.md", BRIDGE_EN), ("zoo.md", ZOO_EN)],
        &[("a.md", BRIDGE_DE), ("b.md", BRIDGE_DE)],
    );
    let out = f.pair(&[]);
    assert_eq!(out.status.code(), Some(0));
    let rows = tsv_rows(&out.stdout);
    for t in ["a.md", "b.md"] {
        let row = rows.iter().find(|r| r[1] == t).unwrap();
        assert_eq!(row[0], "-", "{rows:?}");
        assert_eq!(row[2], "ambiguous", "{rows:?}");
        assert!(row[3].contains("bridge.md"), "{rows:?}");
        assert!(!row[3].contains("zoo.md"), "{rows:?}");
    }
    assert!(
        rows.iter()
            .any(|r| r[0] == "bridge.md" && r[2] == "unpaired")
    );
    assert!(!rows.iter().any(|r| r[2] == "pair"), "{rows:?}");

    let out = f.pair(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = json.as_array().unwrap();
    let ambiguous: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["kind"] == "ambiguous").collect();
    assert_eq!(ambiguous.len(), 2, "{json}");
    for r in ambiguous {
        assert!(r["original"].is_null());
        let first = &r["candidates"][0];
        assert!(first["original"].as_str().unwrap().ends_with("bridge.md"));
        assert!(first["score"].as_f64().unwrap() > 0.0);
    }
}

#[test]
fn unpaired_files_are_named_in_tsv_and_json() {
    let f = Folders::new(
        &[("bridge.md", BRIDGE_EN), ("zoo.md", ZOO_EN)],
        &[("brucke.md", BRIDGE_DE), ("wetter.md", UNRELATED_DE)],
    );
    let out = f.pair(&[]);
    assert_eq!(out.status.code(), Some(0));
    let mut rows = tsv_rows(&out.stdout);
    rows.sort();
    let row = |a: &str, b: &str, kind: &str| [a, b, kind, "-"].map(String::from);
    assert_eq!(
        rows,
        [
            row("-", "wetter.md", "unpaired"),
            row("bridge.md", "brucke.md", "pair"),
            row("zoo.md", "-", "unpaired"),
        ]
    );
    let out = f.pair(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<(String, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let side = |k: &str| {
                r[k].as_str().map_or("-".to_string(), |p| {
                    Path::new(p)
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                })
            };
            (
                format!("{} {}", side("original"), side("translation")),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("- wetter.md".into(), "unpaired".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("zoo.md -".into(), "unpaired".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("bridge.md brucke.md".into(), "pair".into())),
        "{kinds:?}"
    );
    // Only ambiguous rows carry candidates.
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("candidates").is_none())
    );
}

#[test]
fn an_untranslated_copy_pairs_with_its_original() {
    // Left in English: the same language as the originals.
    let f = Folders::new(
        &[("bridge.md", BRIDGE_EN), ("zoo.md", ZOO_EN)],
        &[("copy.md", BRIDGE_EN), ("brucke.md", BRIDGE_DE)],
    );
    let out = f.pair(&[]);
    let rows = tsv_rows(&out.stdout);
    assert!(
        rows.iter()
            .any(|r| r[0] == "bridge.md" && r[1] == "copy.md" && r[2] == "pair"),
        "{rows:?}"
    );
}

#[test]
fn eval_pair_skips_cleanly_without_the_corpus() {
    let out = transalign()
        .args(["eval-pair", "--dir", "no/such/real/gnome-help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("skipped"));
}
