//! Acceptance: every golden pair under corpora/pairs.
//!
//! No `must_not_find` entry may be broken (no false error or warning where
//! the pair's author says the translation is right), and at least 85% of
//! the `must_find` entries must be reported. Every miss is printed, so the
//! weak kinds stay visible (`cargo test --test corpora -- --nocapture`).

mod common;

use std::path::PathBuf;

use transalign::eval;

/// Share of `must_find` entries that must be reported over all pairs.
const MIN_RECALL: f64 = 0.85;

#[test]
fn golden_pairs_meet_their_expectations() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs");
    let dirs = eval::pair_dirs(&root);
    if dirs.is_empty() {
        println!("skipped: no golden pairs under {}", root.display());
        return;
    }
    let (mut wanted, mut missed) = (0usize, 0usize);
    let mut broken = Vec::new();
    let mut bare = Vec::new();
    for dir in &dirs {
        let expected =
            eval::Expected::load(&dir.join("expected.json")).expect("expected.json reads");
        let (verdict, findings) = eval::judge_pair(dir).expect("the pair checks");
        bare.extend(findings.iter().filter(|f| f.evidence.is_none()).map(|f| {
            format!(
                "{}: {} without evidence: {}",
                dir.display(),
                f.kind.name(),
                f.message
            )
        }));
        wanted += expected.must_find.len();
        missed += verdict.missed.len();
        for e in &verdict.missed {
            println!(
                "{}: missed {} source {:?} target {:?} ({})",
                dir.display(),
                e.kind,
                e.source_lines,
                e.target_lines,
                e.note.as_deref().unwrap_or("")
            );
        }
        if !verdict.broken.is_empty() {
            broken.extend(common::failures(dir));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    // Consumers read `evidence` instead of parsing messages: every stage
    // must say what its finding rests on.
    assert!(bare.is_empty(), "{}", bare.join("\n"));
    let recall = 1.0 - missed as f64 / wanted.max(1) as f64;
    println!(
        "must_find recall over {} pairs: {recall:.3} ({missed} of {wanted} missed)",
        dirs.len()
    );
    assert!(
        recall >= MIN_RECALL,
        "must_find recall {recall:.3} below {MIN_RECALL}"
    );
}
