//! Acceptance: the seed pair in ../shared/corpora/seed (skipped when the
//! shared folder is absent).

mod common;

use std::path::PathBuf;

#[test]
fn seed_pair_meets_its_expectations() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/seed");
    if !dir.join("expected.json").is_file() {
        println!("skipped: {} not found", dir.display());
        return;
    }
    let failures = common::failures(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
