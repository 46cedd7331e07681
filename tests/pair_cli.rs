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
