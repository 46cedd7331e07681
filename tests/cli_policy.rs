//! The command line's report options, exit policy and configuration file.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use std::path::Path;

use files::transalign_in as transalign;

const EN: &str = "The council approved the budget on Monday. It includes 40 million euros for schools.\n\n\"We are investing in our children,\" the mayor said.\n\nThe vote was unanimous.\n";
const DE: &str = "Der Rat hat den Haushalt am Montag gebilligt. Er enthält 40 Millionen Euro für Schulen.\n\n\"Wir investieren in unsere Kinder\", sagte der Bürgermeister.\n\nDie Abstimmung war einstimmig.\n";

fn pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("en.txt"), EN).unwrap();
    std::fs::write(dir.path().join("de.txt"), DE).unwrap();
    dir
}

fn check(dir: &Path, extra: &[&str]) -> std::process::Output {
    transalign(dir)
        .args([
            "check",
            "en.txt",
            "de.txt",
            "--source-lang",
            "en",
            "--target-lang",
            "de",
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn assert_usage_error(out: &std::process::Output, names: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(names), "names {names}: {stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn every_format_renders_and_exit_follows_the_findings() {
    let dir = pair();
    for format in [
        "terminal", "json", "jsonl", "html", "sarif", "github", "junit",
    ] {
        let out = check(dir.path(), &["--format", format, "--min-severity", "info"]);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{format}");
        let json = check(dir.path(), &["--format", "json", "--min-severity", "info"]);
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let any = !v["findings"].as_array().unwrap().is_empty();
        assert_eq!(out.status.code(), Some(i32::from(any)), "{format}");
    }
}

#[test]
fn piped_terminal_output_has_no_colour_unless_asked() {
    let dir = pair();
    let plain = check(dir.path(), &[]);
    assert!(!plain.stdout.contains(&0x1b));
    assert!(String::from_utf8_lossy(&plain.stdout).starts_with("--- original: en.txt"));
    let coloured = check(dir.path(), &["--color", "always"]);
    assert!(coloured.stdout.contains(&0x1b));
}

#[test]
fn report_goes_to_a_file_atomically() {
    let dir = pair();
    std::fs::write(dir.path().join("r.html"), "old").unwrap();
    let out = check(dir.path(), &["--format", "html", "-o", "r.html"]);
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "no temporary files left: {leftovers:?}");
}

#[test]
fn bad_policy_options_are_usage_errors() {
    let dir = pair();
    assert_usage_error(&check(dir.path(), &["--ignore", "("]), "--ignore");
    let out = check(dir.path(), &["--fail-on", "omission,typo"]);
    assert_eq!(out.status.code(), Some(2));
    let out = check(dir.path(), &["--min-severity", "fatal"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn configuration_is_read_from_the_working_directory() {
    let dir = pair();
    std::fs::write(dir.path().join("transalign.toml"), "format = \"sarif\"\n").unwrap();
    let out = check(dir.path(), &[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    // The command line wins.
    let out = check(dir.path(), &["--format", "junit"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<?xml"));
}

#[test]
fn configuration_can_be_named() {
    let dir = pair();
    std::fs::write(
        dir.path().join("ci.toml"),
        "format = \"github\"\nmin-severity = \"error\"\n",
    )
    .unwrap();
    let out = check(dir.path(), &["--config", "ci.toml"]);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("--- original"));
    assert_usage_error(
        &check(dir.path(), &["--config", "missing.toml"]),
        "missing.toml",
    );
}

#[test]
fn configuration_is_found_up_to_the_repository_root() {
    let root = tempfile::tempdir().unwrap();
    let repo = root.path().join("repo");
    let sub = repo.join("articles/2024");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::create_dir(repo.join(".git")).unwrap();
    std::fs::write(sub.join("en.txt"), EN).unwrap();
    std::fs::write(sub.join("de.txt"), DE).unwrap();
    // Above the repository's root: not read.
    std::fs::write(root.path().join("transalign.toml"), "format = \"junit\"\n").unwrap();
    let out = check(&sub, &["--verbose"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("--- original"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("configuration: none"), "{stderr}");
    // At the root: read from a subfolder, and --verbose names it.
    std::fs::write(repo.join("transalign.toml"), "format = \"sarif\"\n").unwrap();
    let out = check(&sub, &["--verbose"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("configuration: ../../transalign.toml"),
        "{stderr}"
    );
    // Without --verbose, nothing is said.
    assert!(check(&sub, &[]).stderr.is_empty());
    // --config overrides the search.
    std::fs::write(sub.join("ci.toml"), "format = \"json\"\n").unwrap();
    let out = check(&sub, &["--config", "ci.toml"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
}

#[test]
fn bad_configuration_is_one_line_naming_the_file() {
    let dir = pair();
    for bad in [
        "fail-on = [\"omision\"]",
        "colour = \"never\"",
        "format = \"pdf\"",
        "ignore = [\"(\"]",
        "[[[",
    ] {
        std::fs::write(dir.path().join("transalign.toml"), bad).unwrap();
        assert_usage_error(&check(dir.path(), &[]), "transalign.toml");
    }
}

#[cfg(unix)]
#[test]
fn reports_are_readable_by_others_like_any_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = pair();
    check(dir.path(), &["--format", "json", "-o", "r.json"]);
    let mode = std::fs::metadata(dir.path().join("r.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

/// Runs `check` on a corpora pair from the repository root.
fn check_corpus(extra: &[&str]) -> std::process::Output {
    let dir = "corpora/pairs/en-de-brenner-tunnel";
    files::transalign()
        .args(["check", &format!("{dir}/en.md"), &format!("{dir}/de.md")])
        .args(extra)
        .output()
        .unwrap()
}

fn findings(out: &std::process::Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"].as_array().unwrap().clone()
}

#[test]
fn fail_on_and_min_severity_decide_the_exit_code() {
    let all = findings(&check_corpus(&["-f", "json"]));
    let rank = |s: &str| {
        ["info", "warning", "error"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    for kind in [
        "omission",
        "addition",
        "altered_quote",
        "number_mismatch",
        "name_mismatch",
        "untranslated",
    ] {
        for min in ["info", "warning", "error"] {
            let expect = all
                .iter()
                .any(|f| f["kind"] == kind && rank(f["severity"].as_str().unwrap()) >= rank(min));
            let out = check_corpus(&["-f", "json", "--fail-on", kind, "--min-severity", min]);
            assert_eq!(out.status.code(), Some(i32::from(expect)), "{kind} {min}");
        }
    }
}

#[test]
fn ignore_drops_matching_findings() {
    let all = findings(&check_corpus(&["-f", "json"]));
    let Some(first) = all.iter().find_map(|f| {
        let e = if f["target"].is_null() {
            &f["source"]
        } else {
            &f["target"]
        };
        e["text"].as_str().map(str::to_string)
    }) else {
        eprintln!("no findings on the corpus pair yet; nothing to ignore");
        return;
    };
    let pattern = format!("^{}$", regex::escape(&first));
    let kept = findings(&check_corpus(&["-f", "json", "--ignore", &pattern]));
    assert!(kept.len() < all.len());
    let none = check_corpus(&["-f", "json", "--ignore", ".", "--min-severity", "info"]);
    assert!(
        findings(&none)
            .iter()
            .all(|f| f["source"].is_null() && f["target"].is_null())
    );
}
