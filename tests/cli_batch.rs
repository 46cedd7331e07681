//! `transalign batch`: discovery, manifests, failures, determinism.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use files::transalign_in as transalign;

const EN: &str = "The museum reopened on Friday after two years of work.\n\nIt now has a larger hall for sculpture.\n";
const DE: &str = "Das Museum wurde am Freitag nach zwei Jahren Arbeit wiedereröffnet.\n\nEs hat jetzt eine größere Halle für Skulpturen.\n";
const FR: &str = "Le musée a rouvert vendredi après deux ans de travaux.\n\nIl dispose désormais d'une plus grande salle de sculpture.\n";

#[test]
fn pairs_by_language_suffix_and_deterministic_across_threads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in ["museum", "gallery", "theatre"] {
        files::write(d, &format!("in/{n}.en.md"), EN);
        files::write(d, &format!("in/{n}.de.md"), DE);
    }
    files::write(d, "in/museum.fr.md", FR);
    // en and de are in every group: which is the original must be said.
    let unsure = transalign(d)
        .args(["batch", "in", "-o", "out1"])
        .output()
        .unwrap();
    assert_eq!(unsure.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unsure.stderr).contains("--source-lang"));
    let run = |out: &str, jobs: &str| {
        transalign(d)
            .args(["batch", "in", "-o", out, "-j", jobs, "--source-lang", "en"])
            .output()
            .unwrap()
    };
    let (one, two) = (run("out1", "1"), run("out2", "2"));
    files::assert_ran(&one);
    assert_eq!(one.status.code(), two.status.code());
    let (a, b) = (
        files::listing(&d.join("out1")),
        files::listing(&d.join("out2")),
    );
    let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "gallery.en-de.html",
            "index.html",
            "junit.xml",
            "museum.en-de.html",
            "museum.en-fr.html",
            "theatre.en-de.html"
        ]
    );
    assert_eq!(a, b, "byte-identical whatever the thread count");
    let stdout = String::from_utf8_lossy(&one.stdout);
    assert!(stdout.starts_with("4 pairs:"), "{stdout}");
}

#[test]
fn pairs_by_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "in/orig/a.txt", EN);
    files::write(d, "in/trans/a.txt", DE);
    files::write(d, "in/trans/lonely.txt", DE);
    let out = transalign(d)
        .args(["batch", "in", "-o", "out", "--format", "json"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    let names: Vec<String> = files::listing(&d.join("out"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["a.json", "index.html", "junit.xml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("trans/lonely.txt: orphan translation"),
        "{stderr}"
    );
}

#[test]
fn a_failing_pair_is_reported_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "m/en.txt", EN);
    files::write(d, "m/de.txt", DE);
    files::write(d, "m/empty.txt", "");
    files::write(
        d,
        "m/pairs.tsv",
        "# original\ttranslation\nen.txt\tde.txt\ten\tde\nen.txt\tmissing.txt\nen.txt\tempty.txt\n",
    );
    let out = transalign(d)
        .args(["batch", "m/pairs.tsv", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "worst pair decides");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2 could not be checked"), "{stdout}");
    assert!(stdout.contains("missing.txt"), "{stdout}");
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    let failed = index.find("missing").unwrap();
    let fine = index.find("href=\"./de.html\"").unwrap();
    assert!(failed < fine, "worst first");
    assert!(d.join("out/de.html").is_file());
    // One JUnit file for the whole run: the pairs that could not be
    // checked are errors, the checked one a suite of its own.
    let junit = std::fs::read_to_string(d.join("out/junit.xml")).unwrap();
    assert_eq!(junit.matches("<testsuite ").count(), 3, "{junit}");
    assert_eq!(junit.matches("<error ").count(), 2, "{junit}");
    assert!(junit.contains("errors=\"2\""), "{junit}");
    assert!(junit.contains("missing.txt"), "{junit}");
}

/// A folder with one pair and every kind of file batch cannot check.
fn folder_with_leftovers(d: &std::path::Path) {
    files::write(d, "in/museum.en.md", EN);
    files::write(d, "in/museum.de.md", DE);
    files::write(d, "in/lonely.en.md", EN);
    files::write(d, "in/orphan.de.md", DE);
    files::write(d, "in/notes.md", DE);
    files::write(d, "in/group.de.md", DE);
    files::write(d, "in/group.fr.md", FR);
}

#[test]
fn skipped_files_are_named_counted_and_listed_in_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    folder_with_leftovers(d);
    let out = transalign(d)
        .args(["batch", "in", "-o", "out", "--source-lang", "en"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stdout.starts_with("1 pair: 0 failing, 0 could not be checked, 1 passing, 4 skipped\n"),
        "{stdout}"
    );
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    assert!(index.contains("4 skipped"), "{index}");
    for (file, why) in [
        ("lonely.en.md", "lonely original"),
        ("orphan.de.md", "orphan translation"),
        ("notes.md", "no language code"),
        ("group.fr.md", "no file in the original's language en"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named on stderr: {stderr}"));
        assert!(line.starts_with("transalign: skipped "), "{line}");
        assert!(line.contains(why), "{line}");
        assert!(index.contains(file), "{file} not in the index");
    }
    let junit = std::fs::read_to_string(d.join("out/junit.xml")).unwrap();
    assert_eq!(junit.matches("<skipped ").count(), 4, "{junit}");
}

#[test]
fn quiet_batch_prints_the_summary_line_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    folder_with_leftovers(d);
    let out = transalign(d)
        .args(["batch", "in", "-o", "out", "--source-lang", "en", "--quiet"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1 pair: 0 failing, 0 could not be checked, 1 passing, 4 skipped\n"
    );
    assert!(out.stderr.is_empty());
    assert!(d.join("out/index.html").is_file());
}

#[test]
fn pair_reports_link_back_to_a_responsive_index() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "in/museum.en.md", EN);
    files::write(d, "in/museum.de.md", DE);
    let out = transalign(d)
        .args(["batch", "in", "-o", "out", "--source-lang", "en"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    let report = std::fs::read_to_string(d.join("out/museum.en-de.html")).unwrap();
    assert!(report.contains("<a href=\"./index.html\">"), "no link back");
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    // On a phone each row is a card whose cells name their column.
    assert!(index.contains("<td data-label=\"Original\">"), "{index}");
    assert!(index.contains("table.index thead{display:none}"));
    // `check` writes a report of its own: no index to link to.
    let single = transalign(d)
        .args(["check", "in/museum.en.md", "in/museum.de.md", "-f", "html"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&single.stdout).contains("index.html"));
}

#[test]
fn batch_junit_follows_the_failing_policy() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "in/museum.en.md", EN);
    // The translation drops the second paragraph: an omission.
    files::write(
        d,
        "in/museum.de.md",
        "Das Museum wurde am Freitag nach zwei Jahren Arbeit wiedereröffnet.\n",
    );
    let run = |extra: &[&str]| {
        let out = transalign(d)
            .args(["batch", "in", "-o", "out", "--source-lang", "en"])
            .args(extra)
            .output()
            .unwrap();
        let junit = std::fs::read_to_string(d.join("out/junit.xml")).unwrap();
        (out.status.code(), junit)
    };
    let (code, junit) = run(&[]);
    assert_eq!(code, Some(1), "{junit}");
    assert!(junit.contains("<failure type=\"omission\""), "{junit}");
    let (code, junit) = run(&["--fail-on", "number_mismatch"]);
    assert_eq!(code, Some(0), "{junit}");
    assert!(!junit.contains("<failure"), "{junit}");
    assert!(junit.contains("<system-out>error omission"), "{junit}");
}

#[test]
fn batch_help_names_html_as_the_default_format() {
    let out = files::transalign()
        .args(["batch", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("[default: html]"), "{help}");
    assert!(!help.contains("[default: terminal]"), "{help}");
}

#[test]
fn toml_manifest_with_languages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "m/a/en.md", EN);
    files::write(d, "m/a/fr.md", FR);
    files::write(
        d,
        "m/list.toml",
        "[[pair]]\noriginal = \"a/en.md\"\ntranslation = \"a/fr.md\"\nsource-lang = \"en\"\ntarget-lang = \"fr\"\n",
    );
    let out = transalign(d)
        .args(["batch", "m/list.toml", "-o", "out", "--format", "sarif"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    assert!(d.join("out/a_fr.sarif").is_file());
}

#[test]
fn manifests_cannot_reach_outside_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "secret.txt", EN);
    files::write(d, "m/de.txt", DE);
    for line in [
        "../secret.txt\tde.txt\n",
        &format!("{}\tde.txt\n", d.join("secret.txt").display()),
    ] {
        files::write(d, "m/pairs.tsv", line);
        let out = transalign(d)
            .args(["batch", "m/pairs.tsv", "-o", "out"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("pairs.tsv") && stderr.contains("--allow-outside"),
            "{stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1);
        let ok = transalign(d)
            .args([
                "batch",
                "m/pairs.tsv",
                "-o",
                "out",
                "--allow-outside",
                "--source-lang",
                "en",
            ])
            .output()
            .unwrap();
        files::assert_ran(&ok);
    }
}

#[cfg(unix)]
#[test]
fn manifests_cannot_escape_through_symbolic_links() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "secret/en.txt", EN);
    files::write(d, "m/de.txt", DE);
    std::os::unix::fs::symlink(d.join("secret/en.txt"), d.join("m/link.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("secret"), d.join("m/sub")).unwrap();
    for line in ["link.txt\tde.txt\n", "sub/en.txt\tde.txt\n"] {
        files::write(d, "m/pairs.tsv", line);
        let out = transalign(d)
            .args(["batch", "m/pairs.tsv", "-o", "out", "--source-lang", "en"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("symbolic link") && stderr.contains("--allow-outside"),
            "{stderr}"
        );
        let ok = transalign(d)
            .args(["batch", "m/pairs.tsv", "-o", "out", "--allow-outside"])
            .args(["--source-lang", "en"])
            .output()
            .unwrap();
        files::assert_ran(&ok);
    }
    // A link that stays inside the folder is fine.
    std::os::unix::fs::symlink(d.join("m/de.txt"), d.join("m/inside.txt")).unwrap();
    files::write(d, "m/en.txt", EN);
    files::write(d, "m/pairs.tsv", "en.txt\tinside.txt\n");
    let out = transalign(d)
        .args(["batch", "m/pairs.tsv", "-o", "out", "--source-lang", "en"])
        .output()
        .unwrap();
    files::assert_ran(&out);
}

#[test]
fn a_folder_without_pairs_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    files::write(dir.path(), "in/readme.md", EN);
    let out = transalign(dir.path())
        .args(["batch", "in", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pairs found"));
}
