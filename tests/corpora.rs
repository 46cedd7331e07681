//! Acceptance: every golden pair under corpora/pairs.

mod common;

use std::path::PathBuf;

#[test]
fn golden_pairs_meet_their_expectations() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs");
    let dirs = transalign::eval::pair_dirs(&root);
    if dirs.is_empty() {
        println!("skipped: no golden pairs under {}", root.display());
        return;
    }
    let failures: Vec<String> = dirs.iter().flat_map(|d| common::failures(d)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
