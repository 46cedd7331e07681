//! Guards the aligner's accuracy on the gold sets in ../shared/gold (strict
//! F1 must stay within 0.01 of the targets). Skips, with a message, where
//! the gold sets are absent.

use std::path::{Path, PathBuf};

use transalign::align::{self, AlignOptions, Side, eval};

/// Target strict F1 per set (docs/benchmarks.md).
const TARGETS: [(&str, f64); 3] = [
    ("textberg-de-fr-dev", 0.85),
    ("dtm-hu-en", 0.975),
    ("1984-hu-en", 0.985),
];

fn gold_root() -> Option<PathBuf> {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    gold.is_dir().then_some(gold)
}

fn file_with_stem(dir: &Path, stem: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("gold directory is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{stem}.")))
        })
        .unwrap_or_else(|| panic!("{}: no {stem}.* file", dir.display()))
}

fn lines(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn gold_sets_stay_above_targets() {
    let Some(root) = gold_root() else {
        eprintln!("skipping: no ../shared/gold next to the crate");
        return;
    };
    let mut failures = Vec::new();
    for (name, target) in TARGETS {
        let dir = root.join(name);
        if !dir.is_dir() {
            eprintln!("skipping {name}: not in {}", root.display());
            continue;
        }
        let source = lines(&file_with_stem(&dir, "source"));
        let target_text = lines(&file_with_stem(&dir, "target"));
        let gold_path = dir.join("gold.align");
        let gold = eval::parse_units(&gold_path, &lines(&gold_path)).expect("gold parses");
        let alignment = align::align(
            &Side::flat(source.lines().collect(), None),
            &Side::flat(target_text.lines().collect(), None),
            &AlignOptions::default(),
        );
        let f1 = eval::tally(&gold, &eval::units(&alignment))
            .scores()
            .f1_strict;
        eprintln!("{name}: strict F1 {f1:.3} (target {target})");
        if f1 < target - 0.01 {
            failures.push(format!("{name}: {f1:.3} < {:.3}", target - 0.01));
        }
    }
    assert!(failures.is_empty(), "below target: {failures:?}");
}
