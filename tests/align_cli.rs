//! The `align` and `eval` commands on small texts written here.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use files::transalign;
use predicates::prelude::*;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path
}

const SOURCE: &str = "Der Zug fuhr um 8.15 Uhr in Basel ab.\n\
Er hatte 1.200 Reisende an Bord.\n\
\n\
In Olten stiegen viele aus.\n";
const TARGET: &str = "Le train a quitté Bâle à 8.15 heures.\n\
Il transportait 1 200 voyageurs.\n\
\n\
Publicité\n\
\n\
À Olten, beaucoup sont descendus.\n";

#[test]
fn align_prints_units_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s.txt", SOURCE);
    let t = write(&dir, "t.txt", TARGET);
    transalign()
        .args(["align", "--presegmented"])
        .arg(&s)
        .arg(&t)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("[0]:[0]\n[1]:[1]\n"))
        .stdout(predicate::str::contains("[]:[2]\n"));
    transalign()
        .args(["align", "--presegmented", "--format", "json"])
        .arg(&s)
        .arg(&t)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"confidence\""));
}

#[test]
fn eval_scores_a_perfect_and_a_wrong_gold() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s.txt", SOURCE);
    let t = write(&dir, "t.txt", TARGET);
    let good = write(&dir, "good.align", "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n");
    let bad = write(&dir, "bad.align", "[0, 1]:[0, 1, 2]\n[2]:[3]\n");
    transalign()
        .args(["eval", "--json", "--gold"])
        .arg(&good)
        .arg(&s)
        .arg(&t)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"f1_strict\":1.0"));
    transalign()
        .args(["eval", "--json", "--gold"])
        .arg(&bad)
        .arg(&s)
        .arg(&t)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"f1_strict\":1.0").not());
}

#[test]
fn malformed_lexicon_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s.txt", SOURCE);
    let t = write(&dir, "t.txt", TARGET);
    let lex = write(&dir, "lex.tsv", "Zug\ttrain\nkein tab\n");
    transalign()
        .args(["align", "--presegmented", "--lexicon"])
        .arg(&lex)
        .arg(&s)
        .arg(&t)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "lex.tsv:2: expected word<TAB>translation",
        ));
}
