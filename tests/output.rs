//! Reports as files: `-o` never destroys an existing report on a failing
//! run, and the same inputs give byte-identical output in every format,
//! run after run and whatever the thread count.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

const EN: &str = "The city council voted on Wednesday to build a new library in the \
harbour district. The building will have room for 200,000 books.\n\n\
\"This is a good day for readers,\" the mayor said after the vote. Work is to begin \
in the spring.\n\n\
The old library, opened in 1911, will become a museum of the city's history.\n";

/// The translation drops the last paragraph and invents one.
const DE: &str = "Der Stadtrat hat am Mittwoch beschlossen, im Hafenviertel eine neue \
Bibliothek zu bauen. Das Gebäude wird Platz für 200.000 Bücher bieten.\n\n\
„Das ist ein guter Tag für Leser“, sagte der Bürgermeister nach der Abstimmung. Die \
Arbeiten sollen im Frühjahr beginnen.\n\n\
Kritiker bemängeln seit Jahren, dass die Stadt zu wenig Geld für Schulen und \
Kindergärten ausgibt, und fordern eine Volksabstimmung.\n";

const FORMATS: [&str; 7] = [
    "json", "jsonl", "html", "sarif", "github", "junit", "terminal",
];

fn transalign() -> Command {
    let mut cmd = files::transalign();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

#[test]
fn a_failing_run_leaves_an_existing_report_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let en = files::write(d, "en.txt", EN);
    let de = files::write(d, "de.txt", DE);
    let bad = files::write(d, "bad.txt", "");
    let report = d.join("report.json");
    let first = transalign()
        .args(["check", "--format", "json", "-o"])
        .arg(&report)
        .arg(&en)
        .arg(&de)
        .output()
        .unwrap();
    assert!(matches!(first.status.code(), Some(0 | 1)));
    let before = std::fs::read(&report).unwrap();
    assert!(!before.is_empty());
    for (a, b) in [(&en, &bad), (&bad, &de), (&en, &d.join("missing.txt"))] {
        let out = transalign()
            .args(["check", "--format", "json", "-o"])
            .arg(&report)
            .arg(a)
            .arg(b)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(std::fs::read(&report).unwrap(), before, "left untouched");
    }
    // No temporary file is left behind either.
    let names: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    // A successful run replaces the report whole.
    let out = transalign()
        .args(["check", "--format", "sarif", "-o"])
        .arg(&report)
        .arg(&en)
        .arg(&de)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let after = std::fs::read(&report).unwrap();
    assert_ne!(after, before);
    serde_json::from_slice::<serde_json::Value>(&after).expect("complete SARIF");
}

/// `-o /dev/null` writes to the device rather than renaming a file over it
/// (which, run as root, would replace the device).
#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let en = files::write(dir.path(), "en.txt", EN);
    let de = files::write(dir.path(), "de.txt", DE);
    let out = transalign()
        .args(["check", "--format", "json", "-o", "/dev/null"])
        .arg(&en)
        .arg(&de)
        .output()
        .unwrap();
    files::assert_ran(&out);
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

/// `check` in `format`, with `threads` rayon threads.
fn check(d: &Path, format: &str, threads: &str) -> (Option<i32>, Vec<u8>) {
    let out = transalign()
        .current_dir(d)
        .env("RAYON_NUM_THREADS", threads)
        .env("COLUMNS", "100")
        .args(["check", "--color", "never", "--format", format])
        .args(["en.txt", "de.txt"])
        .output()
        .unwrap();
    (out.status.code(), out.stdout)
}

#[test]
fn check_output_is_byte_identical_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "en.txt", EN);
    files::write(d, "de.txt", DE);
    for format in FORMATS {
        let first = check(d, format, "1");
        assert_eq!(first.0, Some(1), "{format}: the fixture has findings");
        assert!(!first.1.is_empty(), "{format}");
        assert!(
            first == check(d, format, "1"),
            "{format}: second run differs"
        );
        assert!(
            first == check(d, format, "2"),
            "{format}: two threads differ"
        );
    }
}

#[test]
fn batch_output_is_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for n in ["harbour", "library", "council", "vote"] {
        files::write(d, &format!("in/{n}.en.txt"), EN);
        files::write(d, &format!("in/{n}.de.txt"), DE);
    }
    // A failing pair takes part too.
    files::write(d, "in/broken.en.txt", EN);
    files::write(d, "in/broken.de.txt", " \n");
    for format in FORMATS {
        let run = |threads: &str| {
            // The same folder each time: its name is in the summary.
            let out_dir = "out";
            let _ = std::fs::remove_dir_all(d.join(out_dir));
            let out = transalign()
                .current_dir(d)
                .env("RAYON_NUM_THREADS", threads)
                .args(["batch", "in", "--source-lang", "en", "--color", "never"])
                .args(["--format", format, "-o", out_dir])
                .output()
                .unwrap();
            (
                out.status.code(),
                out.stdout,
                files::listing(&d.join(out_dir)),
            )
        };
        let one = run("1");
        assert_eq!(one.0, Some(2), "{format}: the broken pair decides");
        assert!(one.2.len() >= 5, "{format}: {} files", one.2.len());
        // Not assert_eq: a mismatch would print every byte.
        assert!(one == run("2"), "{format}: 1 vs 2 threads differ");
    }
}

#[test]
fn output_errors_name_the_users_path_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "en.txt", EN);
    files::write(d, "de.txt", DE);
    std::fs::create_dir(d.join("a-folder")).unwrap();
    for (target, problem) in [
        ("missing/report.json", "cannot create a file in missing"),
        ("a-folder", "a-folder: cannot write"),
    ] {
        let out = transalign()
            .current_dir(d)
            .args(["check", "en.txt", "de.txt", "-f", "json", "-o", target])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(target) && stderr.contains(problem),
            "{stderr}"
        );
        assert!(
            !stderr.contains(".tmp"),
            "names the temporary file: {stderr}"
        );
    }
}

#[test]
fn a_write_error_names_the_output() {
    // /dev/full refuses every write with "no space left on device".
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here; skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "en.txt", EN);
    files::write(d, "de.txt", DE);
    let out = std::process::Command::new(files::binary())
        .current_dir(d)
        .args(["check", "en.txt", "de.txt"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("transalign: error: standard output: cannot write: "),
        "{stderr}"
    );
}

/// The terminal report of the Brenner pair, without colour, 200 columns.
fn brenner_terminal() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs/en-de-brenner-tunnel");
    let out = transalign()
        .current_dir(&dir)
        .env("COLUMNS", "200")
        .args(["check", "en.md", "de.md", "--color", "never"])
        .output()
        .unwrap();
    files::assert_ran(&out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn terminal_marks_every_sentence_of_a_dropped_or_added_paragraph() {
    let report = brenner_terminal();
    let signed = |sign: &str, text: &str| {
        report
            .lines()
            .any(|l| l.starts_with(sign) && l.contains(text))
    };
    // en.md:11 is dropped whole: both its sentences are `-` lines.
    assert!(signed("- ", "Together with its access lines"), "{report}");
    assert!(signed("- ", "Freight trains, which today need"), "{report}");
    // de.md:3, a teaser repeating the lede: both its sentences are `+`.
    assert!(signed("+ ", "Der Brenner-Basistunnel, die 64"), "{report}");
    assert!(signed("+ ", "Die Baugesellschaft …"), "{report}");
    // And neither shows as an unchanged pair.
    assert!(
        !report.lines().any(|l| l.starts_with("  Freight trains")),
        "{report}"
    );
}

#[test]
fn terminal_notes_name_the_lines_on_both_sides() {
    let report = brenner_terminal();
    let note = report
        .lines()
        .find(|l| l.contains("error altered_quote"))
        .expect("the altered quote");
    assert!(
        note.contains("· en.md:7 · de.md:11 ·"),
        "original, then translation: {note}"
    );
    // An omission has no translation side to name.
    let omission = report
        .lines()
        .find(|l| l.contains("error omission · en.md:11"))
        .expect("the dropped paragraph");
    assert!(!omission.contains("de.md"), "{omission}");
}

#[test]
fn counts_of_one_are_singular() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    files::write(d, "in/library.en.txt", EN);
    files::write(d, "in/library.de.txt", DE);
    let out = transalign()
        .current_dir(d)
        .args([
            "batch",
            "in",
            "-o",
            "out",
            "--format",
            "json",
            "--source-lang",
            "en",
        ])
        .output()
        .unwrap();
    files::assert_ran(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("1 pair: "), "{stdout}");
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    assert!(index.contains(">1 pair: "), "{index}");
}

/// The evidence types each kind may carry (docs/json-format.md, "Evidence").
fn evidence_types(kind: &str) -> &'static [&'static str] {
    match kind {
        "omission" => &["unmatched", "numbers", "length", "quote"],
        "addition" => &["unmatched", "repeat", "numbers", "length"],
        "altered_quote" => &["quote"],
        "number_mismatch" => &["numbers"],
        "name_mismatch" => &["names"],
        "untranslated" => &["untranslated"],
        "moved" => &["moved"],
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn every_finding_carries_typed_evidence_in_json_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let en = files::write(dir.path(), "en.txt", EN);
    let de = files::write(dir.path(), "de.txt", DE);
    let pair = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs/en-de-brenner-tunnel");
    for (a, b) in [
        (en.clone(), de.clone()),
        (pair.join("en.md"), pair.join("de.md")),
    ] {
        let run = |format: &str| {
            let out = transalign()
                .args(["check", "--format", format])
                .arg(&a)
                .arg(&b)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{out:?}");
            out.stdout
        };
        let json: serde_json::Value = serde_json::from_slice(&run("json")).unwrap();
        let findings = json["findings"].as_array().unwrap();
        assert!(!findings.is_empty());
        for f in findings {
            let kind = f["kind"].as_str().unwrap();
            let evidence = f["evidence"]["type"].as_str().unwrap_or("null");
            assert!(evidence_types(kind).contains(&evidence), "{f}");
        }
        // JSON Lines carries the same evidence, finding by finding.
        let lines = String::from_utf8(run("jsonl")).unwrap();
        let evidence: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["evidence"].clone())
            .collect();
        let expected: Vec<serde_json::Value> =
            findings.iter().map(|f| f["evidence"].clone()).collect();
        assert_eq!(evidence, expected);
    }
    // The aligner links the invented paragraph to the dropped one: what
    // is found is the year that has no counterpart, placed in the original.
    let json: serde_json::Value = serde_json::from_slice(
        &transalign()
            .args(["check", "--format", "json"])
            .arg(&en)
            .arg(&de)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let omission = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "omission")
        .expect("an omission");
    let evidence = &omission["evidence"];
    assert_eq!(evidence["type"], "numbers");
    assert_eq!(evidence["added"], serde_json::json!([]));
    assert_eq!(
        evidence["missing"],
        serde_json::json!([{"text": "1911", "values": [1911.0], "scale": null, "kind": "year",
                            "at": {"line": 5, "column": 28}}])
    );
}
