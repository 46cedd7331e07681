//! The command line's report options (`--show`, `--quiet`), exit policy
//! (in the exit code and in JUnit), configuration file, and its help,
//! completions and man page.
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

/// The severities of a JSON report's findings, and its summary's total.
fn severities(out: &std::process::Output) -> (Vec<String>, u64) {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sev = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap().to_string())
        .collect();
    (sev, v["summary"]["total"].as_u64().unwrap())
}

#[test]
fn junit_failures_follow_the_failing_policy() {
    for policy in [
        &[][..],
        &["--fail-on", "number_mismatch"][..],
        &["--fail-on", "omission"][..],
        &["--min-severity", "error"][..],
        &["--min-severity", "info"][..],
    ] {
        let out = check_corpus(&[&["-f", "junit"][..], policy].concat());
        let junit = String::from_utf8_lossy(&out.stdout);
        let failures = junit.matches("<failure ").count();
        assert_eq!(
            out.status.code(),
            Some(i32::from(failures > 0)),
            "{policy:?}: {failures} failures"
        );
        // Every failure is a failing finding; the rest are passing output.
        for failure in junit.split("<failure ").skip(1) {
            let body = &failure[..failure.find("</failure>").unwrap()];
            if policy.is_empty() {
                assert!(
                    !body.contains("\ninfo ") && !body.contains(">info "),
                    "{body}"
                );
            }
        }
        if policy.is_empty() {
            assert!(junit.contains("<system-out>info "), "{junit}");
        }
    }
}

#[test]
fn show_hides_less_severe_findings_from_every_format() {
    let (all, total) = severities(&check_corpus(&["-f", "json"]));
    assert!(all.iter().any(|s| s == "info") && all.iter().any(|s| s == "error"));
    let code = check_corpus(&["-f", "json"]).status.code();
    let out = check_corpus(&["-f", "json", "--show", "warning"]);
    let (shown, shown_total) = severities(&out);
    assert_eq!(shown_total, total, "the summary counts every finding");
    assert_eq!(out.status.code(), code, "the exit code is unchanged");
    assert_eq!(
        shown.len(),
        all.iter().filter(|s| *s != "info").count(),
        "{shown:?}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["show"], "warning");
    // Each format names severities its own way; none shows an info one.
    for (format, info) in [
        ("jsonl", "\"severity\":\"info\""),
        ("sarif", "\"level\": \"note\""),
        ("github", "::notice"),
        ("html", "data-severity=\"info\""),
        ("junit", "info "),
        ("terminal", "╰ info"),
    ] {
        let every = check_corpus(&["-f", format, "--min-severity", "error"]);
        let text = String::from_utf8_lossy(&every.stdout);
        assert!(
            text.contains(info),
            "{format}: the test needs an info finding"
        );
        let some = check_corpus(&["-f", format, "--show", "warning"]);
        let text = String::from_utf8_lossy(&some.stdout);
        assert!(!text.contains(info), "{format}: {text}");
        assert_eq!(some.status.code(), code, "{format}");
    }
    let terminal = check_corpus(&["--show", "error"]);
    let text = String::from_utf8_lossy(&terminal.stdout);
    assert!(text.contains(&format!("{total} findings: ")), "{text}");
    assert!(
        text.contains("below error not shown (--show error)"),
        "{text}"
    );
    // The default lists everything; --show info is the default.
    assert_eq!(
        check_corpus(&["-f", "json"]).stdout,
        check_corpus(&["-f", "json", "--show", "info"]).stdout
    );
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let (_, total) = severities(&check_corpus(&["-f", "json"]));
    let full = check_corpus(&[]);
    let quiet = check_corpus(&["--quiet"]);
    assert_eq!(quiet.status.code(), full.status.code());
    let line = String::from_utf8_lossy(&quiet.stdout);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.starts_with(&format!("{total} findings: ")), "{line}");
    // The summary line is the terminal report's own.
    assert!(String::from_utf8_lossy(&full.stdout).contains(line.as_ref()));
    // With -o the report is still written.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sarif");
    let out = check_corpus(&["-q", "-f", "sarif", "-o", path.to_str().unwrap()]);
    assert_eq!(out.stdout, quiet.stdout);
    assert!(std::fs::read_to_string(&path).unwrap().contains("\"runs\""));
    // `-o -` is standard output: still the summary line alone.
    assert_eq!(check_corpus(&["-q", "-o", "-"]).stdout, quiet.stdout);
}

#[test]
fn show_is_read_from_the_configuration() {
    let dir = pair();
    std::fs::write(dir.path().join("transalign.toml"), "show = \"error\"\n").unwrap();
    let out = check(dir.path(), &["-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["show"], "error");
    std::fs::write(dir.path().join("transalign.toml"), "show = \"loud\"\n").unwrap();
    assert_usage_error(&check(dir.path(), &[]), "show");
}

/// Every command a user can run, and the developer commands.
const COMMANDS: [&str; 7] = [
    "check",
    "batch",
    "segment",
    "pair",
    "align",
    "completions",
    "man",
];
const DEVELOPER_COMMANDS: [&str; 5] = [
    "eval",
    "eval-faults",
    "eval-segmentation",
    "eval-real",
    "eval-pair",
];

fn help(args: &[&str]) -> String {
    let out = files::transalign().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_command_has_examples_and_developer_commands_stand_apart() {
    for cmd in COMMANDS.iter().chain(&DEVELOPER_COMMANDS) {
        let text = help(&[cmd, "--help"]);
        let examples = text
            .find("Examples:\n  transalign ")
            .unwrap_or_else(|| panic!("{cmd} --help has no examples: {text}"));
        assert!(
            text[examples..].contains(&format!("transalign {cmd}")),
            "{cmd}: examples of another command"
        );
    }
    let main = help(&["--help"]);
    let (commands, rest) = main.split_at(main.find("\nOptions:").unwrap());
    for cmd in COMMANDS {
        assert!(commands.contains(&format!("\n  {cmd} ")), "{cmd}: {main}");
    }
    let heading = rest
        .find("Developer commands")
        .expect("a heading of their own");
    for cmd in DEVELOPER_COMMANDS {
        assert!(
            !commands.contains(&format!("\n  {cmd} ")),
            "{cmd} listed: {main}"
        );
        assert!(rest[heading..].contains(cmd), "{cmd}: {main}");
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = help(&["completions", shell]);
        assert!(script.contains("transalign"), "{shell}");
        assert!(script.contains("show"), "{shell}: no --show");
    }
    let out = files::transalign()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_are_roff() {
    let page = help(&["man"]);
    assert!(page.contains(".TH transalign 1"), "{page}");
    assert!(page.contains("transalign\\-check"), "{page}");
    let check = help(&["man", "check"]);
    assert!(check.contains(".TH transalign-check 1"), "{check}");
    assert!(check.contains("\\-\\-show"), "{check}");
    let dir = tempfile::tempdir().unwrap();
    help(&["man", "--dir", dir.path().to_str().unwrap()]);
    for page in ["transalign.1", "transalign-check.1", "transalign-batch.1"] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
    assert_usage_error(
        &files::transalign().args(["man", "chek"]).output().unwrap(),
        "chek",
    );
}
