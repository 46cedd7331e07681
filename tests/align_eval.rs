//! `eval` must agree with the reference scorer (../shared/tools/
//! score_alignment.py) to three decimals. Skips, with a message, where
//! python3 or ../shared is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use transalign::align::{self, AlignOptions, Side, eval};

fn shared() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    (shared.join("tools/score_alignment.py").is_file() && shared.join("gold").is_dir())
        .then_some(shared)
}

#[test]
fn agrees_with_reference_scorer() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared with tools/score_alignment.py is absent");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 is absent");
        return;
    }
    let dir = shared.join("gold/dtm-hu-en");
    let read = |p: PathBuf| std::fs::read_to_string(&p).expect("readable gold set");
    let source = read(dir.join("source.hu"));
    let target = read(dir.join("target.en"));
    let gold_path = dir.join("gold.align");
    let gold = eval::parse_units(&gold_path, &read(gold_path.clone())).expect("gold parses");
    let tmp = tempfile::tempdir().expect("temp dir");
    // Alignments of different quality: the aligner's, a cruder one, and a
    // one-to-one diagonal.
    let mut variants = Vec::new();
    for options in [
        AlignOptions::default(),
        AlignOptions {
            max_link: 1,
            learn: false,
            ..AlignOptions::default()
        },
    ] {
        let a = align::align(
            &Side::flat(source.lines().collect(), None),
            &Side::flat(target.lines().collect(), None),
            &options,
        );
        variants.push(a.to_units());
    }
    let n = source.lines().count();
    variants.push((0..n).map(|i| format!("[{i}]:[{i}]\n")).collect());
    for (k, units) in variants.iter().enumerate() {
        let path = tmp.path().join(format!("test{k}.align"));
        std::fs::write(&path, units).expect("write");
        let out = Command::new("python3")
            .arg(shared.join("tools/score_alignment.py"))
            .arg("--json")
            .arg("--test")
            .arg(&path)
            .arg("--gold")
            .arg(&gold_path)
            .output()
            .expect("scorer runs");
        let reference: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("scorer prints JSON");
        let test = eval::parse_units(&path, units).expect("our units parse");
        let ours = serde_json::to_value(eval::tally(&gold, &test).scores()).expect("serialise");
        for key in [
            "precision_strict",
            "recall_strict",
            "f1_strict",
            "precision_lax",
            "recall_lax",
            "f1_lax",
        ] {
            let (a, b) = (
                ours[key].as_f64().unwrap(),
                reference[key].as_f64().unwrap(),
            );
            assert!(
                (a - b).abs() < 5e-4,
                "variant {k} {key}: ours {a}, reference {b}"
            );
        }
    }
}
