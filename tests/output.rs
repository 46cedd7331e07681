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
