//! Hostile and odd input on either side of `check`: each run ends within a
//! bounded time with exit 0/1 and a complete JSON report, or exit 2 and a
//! one-line error naming the file; never a panic or a hang.
//!
//! Inputs are generated in temporary folders; nothing large is committed.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

mod files;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

/// Generous: a bound on hangs, not a timing assertion.
const TIMEOUT: Duration = Duration::from_secs(60);

const EN: &str = "The minister announced on Tuesday that the new bridge over the river \
would open in March. Engineers had worked on it for four years.\n\n\
\"We are proud of this work,\" she told reporters at the site. The project cost 120 \
million euros, more than planned.\n\n\
Residents on both banks welcomed the news. Traffic in the old town is expected to fall \
by a third.\n";

const DE: &str = "Die Ministerin kündigte am Dienstag an, dass die neue Brücke über den \
Fluss im März eröffnet werde. Ingenieure hatten vier Jahre daran gearbeitet.\n\n\
„Wir sind stolz auf diese Arbeit“, sagte sie Reportern auf der Baustelle. Das Projekt \
kostete 120 Millionen Euro, mehr als geplant.\n\n\
Anwohner an beiden Ufern begrüßten die Nachricht. Der Verkehr in der Altstadt soll um \
ein Drittel sinken.\n";

fn transalign() -> Command {
    let mut cmd = files::transalign();
    cmd.timeout(TIMEOUT);
    cmd
}

/// A small deterministic generator, so a failure can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut g = Lcg(seed);
    (0..len).map(|_| g.next() as u8).collect()
}

/// Random Unicode scalar values, weighted towards spaces, punctuation and
/// quotation marks so that the segmenter and quote reader get work.
fn random_unicode(seed: u64, chars: usize) -> String {
    let mut g = Lcg(seed);
    let marks = [
        ' ', ' ', '\n', '.', '!', '?', '"', '\'', '«', '»', '“', '”', '„', '‘', '’', '<', '>', '&',
        '#', '*', '\u{200B}', '\u{202E}', '\r',
    ];
    (0..chars)
        .map(|_| {
            let r = g.next();
            if r % 3 == 0 {
                marks[(r / 3) as usize % marks.len()]
            } else {
                char::from_u32((r % 0x2_0000) as u32).unwrap_or('x')
            }
        })
        .collect()
}

/// Runs `check --format json` on `original` and `translation`.
fn check(original: &Path, translation: &Path, extra: &[&str]) -> Output {
    transalign()
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(original)
        .arg(translation)
        .output()
        .expect("runs within the timeout")
}

/// Exit 0/1 with a complete JSON report, or exit 2 with one line naming
/// `name`. Returns the report when there is one.
fn assert_sane(out: &Output, name: &str) -> Option<serde_json::Value> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    match out.status.code() {
        Some(0 | 1) => {
            let report: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("report is not complete JSON ({e}); {stderr}"));
            for key in ["source", "target", "alignment", "findings", "summary"] {
                assert!(report.get(key).is_some(), "report lacks {key}");
            }
            Some(report)
        }
        Some(2) => {
            assert!(out.stdout.is_empty(), "no report on error");
            assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
            assert!(stderr.contains(name), "names {name}: {stderr}");
            None
        }
        other => panic!("exit {other:?}: {stderr}"),
    }
}

/// Checks `bad` as the translation of a good original, then as the
/// original of a good translation.
/// Languages given on the command line, so no detection runs.
const GIVEN_LANGS: &[&str] = &["--source-lang", "en", "--target-lang", "de"];

fn both_sides(dir: &Path, bad: &Path, extra: &[&str]) -> [Option<serde_json::Value>; 2] {
    let en = files::write(dir, "good-en.txt", EN);
    let de = files::write(dir, "good-de.txt", DE);
    let name = bad.file_name().unwrap().to_str().unwrap();
    [
        assert_sane(&check(&en, bad, extra), name),
        assert_sane(&check(bad, &de, extra), name),
    ]
}

/// Like [`both_sides`], for input that must be refused.
fn refused_both_sides(dir: &Path, bad: &Path, expect: &str) {
    let en = files::write(dir, "good-en.txt", EN);
    let de = files::write(dir, "good-de.txt", DE);
    for out in [check(&en, bad, &[]), check(bad, &de, &[])] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_sane(&out, bad.file_name().unwrap().to_str().unwrap());
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(expect), "says {expect}: {stderr}");
    }
}

#[test]
fn random_bytes_are_refused_or_checked() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 1..4 {
        let bad = files::write(dir.path(), "noise.txt", random_bytes(seed, 64 * 1024));
        both_sides(dir.path(), &bad, &[]);
        let bad = files::write(dir.path(), "noise.html", random_bytes(seed + 10, 16 * 1024));
        both_sides(dir.path(), &bad, &[]);
    }
}

#[test]
fn random_unicode_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    for (seed, name) in [(1, "u.txt"), (2, "u.md"), (3, "u.html")] {
        let bad = files::write(dir.path(), name, random_unicode(seed, 40_000));
        both_sides(dir.path(), &bad, &[]);
        both_sides(dir.path(), &bad, GIVEN_LANGS);
    }
}

#[test]
fn nul_bytes_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bad = files::write(dir.path(), "nul.txt", b"Some text.\0\0\0 More text.\n");
    refused_both_sides(dir.path(), &bad, "binary");
    let bad = files::write(dir.path(), "zeros.md", vec![0u8; 4096]);
    refused_both_sides(dir.path(), &bad, "binary");
}

#[test]
fn empty_whitespace_and_markup_only() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\t\r\n\u{a0}\u{3000}\n"),
        (
            "tags.html",
            "<html><head><title></title></head><body><div><p> </p><br><hr></div></body></html>",
        ),
        (
            "scripts.html",
            "<script>var a = 'Text.';</script><style>p { color: red }</style>",
        ),
        (
            "rules.md",
            "---\n\n***\n\n#\n\n> \n\n- \n\n```\ncode only\n```\n",
        ),
        (
            "comment.html",
            "<!-- A comment with sentences. It is not text. -->",
        ),
    ] {
        let bad = files::write(dir.path(), name, text);
        refused_both_sides(dir.path(), &bad, "no text");
    }
}

#[test]
fn one_very_long_line() {
    let dir = tempfile::tempdir().unwrap();
    // A few MB keeps the debug test run short; the 20 MB case is measured
    // by hand in docs/benchmarks.md.
    let words = "the bridge opened in march after four years of work and ";
    let no_stop = words.repeat(3 * 1024 * 1024 / words.len());
    let bad = files::write(dir.path(), "long-nostop.txt", &no_stop);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    let sentence = "The bridge opened in March. ";
    let stops = sentence.repeat(2 * 1024 * 1024 / sentence.len());
    let bad = files::write(dir.path(), "long-stops.md", &stops);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    // One 1 MB "word" without any space.
    let bad = files::write(dir.path(), "long-word.txt", "x".repeat(1024 * 1024));
    both_sides(dir.path(), &bad, GIVEN_LANGS);
}

#[test]
fn over_max_bytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = files::write(dir.path(), "big.txt", EN.repeat(50));
    let en = files::write(dir.path(), "en.txt", EN);
    let de = files::write(dir.path(), "de.txt", DE);
    let limit = (EN.len() * 10).to_string();
    for out in [
        check(&en, &bad, &["--max-bytes", &limit]),
        check(&bad, &de, &["--max-bytes", &limit]),
    ] {
        assert_sane(&out, "big.txt");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("--max-bytes"), "{stderr}");
    }
    // Through a pipe the size is not known in advance: still refused.
    let out = transalign()
        .args(["check", "--format", "json", "--max-bytes", &limit])
        .arg(&en)
        .arg("-")
        .write_stdin(EN.repeat(50))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("-: ") && stderr.contains("--max-bytes"),
        "{stderr}"
    );
}

#[test]
fn twenty_thousand_headings() {
    let dir = tempfile::tempdir().unwrap();
    let md: String = (0..20_000)
        .map(|i| format!("# Heading number {i}\n\n"))
        .collect();
    let bad = files::write(dir.path(), "headings.md", &md);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    let html: String = (0..20_000)
        .map(|i| format!("<h2>Kapitel {i}</h2>\n"))
        .collect();
    let other = files::write(dir.path(), "headings.html", &html);
    let out = check(&bad, &other, GIVEN_LANGS);
    assert_sane(&out, "headings");
}

#[test]
fn thousands_of_identical_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let para =
        "The council voted on Monday to close the old bridge for repairs lasting two years.\n\n";
    let bad = files::write(dir.path(), "copies.txt", para.repeat(5_000));
    let [_, as_original] = both_sides(dir.path(), &bad, GIVEN_LANGS);
    assert!(as_original.is_some(), "repeated text is still checked");
}

#[test]
fn a_long_pair_full_of_faults() {
    // A golden pair with dropped and added paragraphs and quotes, repeated:
    // steps that compare every gap with every other (moved paragraphs,
    // quotes in added text) must stay bounded, not quadratic.
    let dir = tempfile::tempdir().unwrap();
    let pair =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs/en-de-brenner-tunnel");
    let read = |name: &str| std::fs::read_to_string(pair.join(name)).expect("golden pair");
    let (en, de) = (read("en.md"), read("de.md"));
    let original = files::write(dir.path(), "en.md", format!("{en}\n\n").repeat(200));
    let translation = files::write(dir.path(), "de.md", format!("{de}\n\n").repeat(200));
    let out = check(&original, &translation, &[]);
    let report = assert_sane(&out, "long faulty pair").expect("a report");
    assert!(
        report["findings"]
            .as_array()
            .is_some_and(|f| f.len() >= 200)
    );
}

#[test]
fn thousands_of_quotation_marks() {
    let dir = tempfile::tempdir().unwrap();
    let nested: String = ["«", "“", "„", "‘", "\"", "'", "‹", "「", "『"]
        .iter()
        .cycle()
        .take(5_000)
        .map(|q| format!("{q}He said "))
        .collect::<String>()
        + "nothing.";
    let bad = files::write(dir.path(), "nested.txt", &nested);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    let open = "“Open ".repeat(5_000) + ".\n\n" + &"close” ".repeat(3_000);
    let bad = files::write(dir.path(), "unbalanced.md", &open);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    let quotes = "\"".repeat(20_000) + "\n\n" + &"»«".repeat(10_000);
    let bad = files::write(dir.path(), "marks.txt", &quotes);
    both_sides(dir.path(), &bad, GIVEN_LANGS);
    // Quoted sentences on both sides, many of them.
    let en = "“The bridge will open,” she said. ".repeat(2_000);
    let de = "„Die Brücke wird eröffnet“, sagte sie. ".repeat(2_000);
    let a = files::write(dir.path(), "q-en.txt", &en);
    let b = files::write(dir.path(), "q-de.txt", &de);
    assert_sane(&check(&a, &b, &[]), "q-");
}

#[test]
fn scripts_directions_and_invisible_characters() {
    let dir = tempfile::tempdir().unwrap();
    let samples = [
        (
            "arabic.txt",
            "أعلنت الوزيرة يوم الثلاثاء أن الجسر الجديد سيفتتح في مارس. عمل المهندسون عليه أربع سنوات.\n\n\"نحن فخورون بهذا العمل\"، قالت للصحفيين.\n",
        ),
        (
            "hebrew.md",
            "# גשר חדש\n\nהשרה הודיעה ביום שלישי שהגשר ייפתח במרץ. המהנדסים עבדו עליו ארבע שנים.\n",
        ),
        (
            "chinese.txt",
            "部长周二宣布，新桥将于三月通车。工程师们为此工作了四年。\n\n「我们为这项工作感到自豪，」她对记者说。该项目耗资1.2亿欧元。\n",
        ),
        (
            "japanese.html",
            "<p>大臣は火曜日、新しい橋が3月に開通すると発表した。技術者たちは4年間取り組んだ。</p><p>「誇りに思う」と彼女は述べた。</p>",
        ),
        (
            "mixed.txt",
            "The minister (الوزيرة) said 新桥 will open in März. Ο υπουργός είπε ναι. Министр сказал: «Да». नमस्ते दुनिया।\n\n\u{202E}Reversed text here.\u{202C} And more 🎉🎉 text.\n",
        ),
        (
            "invisible.txt",
            "The\u{200B} minister\u{200D} announced\u{FEFF} on\u{2060} Tuesday\u{200C} that the bridge would open.\u{200B}\u{200B}\n\n\u{200B}\n\n\u{2066}Isolated\u{2069} text\u{034F} here. e\u{301}\u{301}\u{301}\u{301}\u{301}.\n",
        ),
        (
            "only-invisible.txt",
            "\u{200B}\u{200D}\u{FEFF}\u{2060}\n\n\u{200B}\n",
        ),
    ];
    for (name, text) in samples {
        let bad = files::write(dir.path(), name, text);
        both_sides(dir.path(), &bad, &[]);
        both_sides(dir.path(), &bad, GIVEN_LANGS);
    }
}

#[test]
fn latin1_bytes_are_refused_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = files::write(
        dir.path(),
        "latin1.txt",
        b"Die Br\xfccke \xfcber den Fluss.\n",
    );
    refused_both_sides(dir.path(), &bad, "byte 6");
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// Lines (first, last) of the target excerpt of every addition.
fn addition_lines(report: &serde_json::Value) -> Vec<(u64, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "addition" && !f["target"].is_null())
        .map(|f| {
            let l = &f["target"]["lines"];
            (l[0].as_u64().unwrap(), l[1].as_u64().unwrap())
        })
        .collect()
}

/// The invented paragraph stands on lines 6-7: additions are reported
/// there and nowhere else.
fn assert_invention_lines(report: &serde_json::Value, name: &str) {
    let lines = addition_lines(report);
    assert!(!lines.is_empty(), "{name}: the invention is found");
    assert!(
        lines.iter().all(|&(a, b)| 6 <= a && a <= b && b <= 7),
        "{name}: {lines:?}"
    );
}

/// Lines of the alignment's target side that hold `needle`.
fn link_lines(report: &serde_json::Value, side: &str, needle: &str) -> Vec<(u64, u64)> {
    report["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l[side]["text"].as_str().unwrap_or("").contains(needle))
        .map(|l| {
            let lines = &l[side]["lines"];
            (lines[0].as_u64().unwrap(), lines[1].as_u64().unwrap())
        })
        .collect()
}

/// The translation with an invented paragraph; lines counted by hand:
/// paragraph 1 on lines 1-2, blank 3, paragraph 2 on 4, blank 5, the
/// invention on 6-7, blank 8, the rest from 9.
fn translation_with_invention(eol: &str) -> String {
    let paragraphs: Vec<&str> = DE.split("\n\n").map(str::trim).collect();
    let first = paragraphs[0].replacen(" Ingenieure", &format!("{eol}Ingenieure"), 1);
    [
        first,
        paragraphs[1].to_string(),
        format!(
            "Außerdem plant die Stadt einen großen Park mit Spielplätzen am Ufer, der im \
             Sommer eröffnet werden soll.{eol}Die Kosten dafür sind noch völlig unklar, hieß \
             es aus dem Rathaus."
        ),
        paragraphs[2].to_string(),
    ]
    .join(&format!("{eol}{eol}"))
        + eol
}

#[test]
fn line_ends_keep_line_numbers_right() {
    let dir = tempfile::tempdir().unwrap();
    let en = files::write(dir.path(), "en.txt", EN);
    for (name, eol) in [("lf.txt", "\n"), ("crlf.txt", "\r\n"), ("cr.txt", "\r")] {
        let de = files::write(dir.path(), name, translation_with_invention(eol));
        let out = check(&en, &de, GIVEN_LANGS);
        let report = assert_sane(&out, name).expect("a report");
        assert_invention_lines(&report, name);
        assert_eq!(
            link_lines(&report, "target", "Anwohner"),
            vec![(9, 9)],
            "{name}"
        );
        assert_eq!(
            link_lines(&report, "target", "Ingenieure"),
            vec![(2, 2)],
            "{name}"
        );
        // The original (paragraphs on lines 1, 3, 5) with the same line
        // ends, as the source side.
        let src_text = EN.replace('\n', eol);
        let src = files::write(dir.path(), &format!("src-{name}"), src_text);
        let report = assert_sane(&check(&src, &de, GIVEN_LANGS), name).expect("a report");
        assert_eq!(
            link_lines(&report, "source", "Residents"),
            vec![(5, 5)],
            "{name}"
        );
    }
}

#[test]
fn utf16_with_bom_reads_and_keeps_lines() {
    let dir = tempfile::tempdir().unwrap();
    let en = files::write(dir.path(), "en.txt", EN);
    for (name, little) in [("le.txt", true), ("be.txt", false)] {
        let de = files::write(
            dir.path(),
            name,
            utf16(&translation_with_invention("\r\n"), little),
        );
        let report = assert_sane(&check(&en, &de, GIVEN_LANGS), name).expect("a report");
        assert_invention_lines(&report, name);
        // And as the original.
        let src = files::write(dir.path(), &format!("src-{name}"), utf16(EN, little));
        let de_plain = files::write(dir.path(), "de.txt", DE);
        assert_sane(&check(&src, &de_plain, &[]), name).expect("a report");
    }
    // A BOM followed by an odd number of bytes is refused.
    let bad = files::write(dir.path(), "odd.txt", b"\xFF\xFEa\0b");
    refused_both_sides(dir.path(), &bad, "odd.txt");
    // A lone surrogate is refused.
    let bad = files::write(dir.path(), "surrogate.txt", b"\xFF\xFEa\0\x00\xD8b\0");
    refused_both_sides(dir.path(), &bad, "UTF");
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("folder.md");
    std::fs::create_dir(&sub).unwrap();
    refused_both_sides(dir.path(), &sub, "directory");
}

/// Values of every attribute `name` in `html`, assuming quoted values.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    html.split(&format!(" {name}=\""))
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect()
}

/// Markup, attribute and URL payloads in file names and document text give
/// an HTML page where they are only text; the same for a batch index.
#[cfg(unix)]
#[test]
fn html_report_from_hostile_names_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names = [
        "en\"><img src=x onerror=alert(1)>.md",
        "javascript:alert(2)#' onmouseover='x.de.md",
    ];
    let payload = "<script>alert(3)</script> \"><svg onload=alert(4)> ' onfocus='alert(5)' \
                   javascript:alert(6) [link](javascript:alert(7)) <a href=\"javascript:alert(8)\">x</a>";
    let en = files::write(d, names[0], format!("{EN}\n{payload}\n"));
    let de = files::write(
        d,
        names[1],
        format!("{DE}\nErfunden: {payload} Mehr Text hier.\n"),
    );
    let out = transalign()
        .args(["check", "--format", "html", "--source-lang", "en"])
        .args(["--target-lang", "de"])
        .arg(&en)
        .arg(&de)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let page = String::from_utf8(out.stdout).unwrap();
    assert_page_is_inert(&page);
    // The batch index links each report by its file name.
    files::write(
        d,
        "pairs.tsv",
        format!("{}\t{}\ten\tde\n", names[0], names[1]),
    );
    let out = transalign()
        .current_dir(d)
        .args(["batch", "pairs.tsv", "-o", "out"])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let index = std::fs::read_to_string(d.join("out/index.html")).unwrap();
    assert_page_is_inert(&index);
    let links = attribute_values(&index, "href");
    assert_eq!(links.len(), 1, "{links:?}");
    assert!(links[0].starts_with("./"), "{links:?}");
    // The link leads to the report written.
    let file = links[0]
        .trim_start_matches("./")
        .replace("%3A", ":")
        .replace("%23", "#")
        .replace("%27", "'")
        .replace("%20", " ");
    assert!(d.join("out").join(&file).is_file(), "{file}");
}

fn assert_page_is_inert(page: &str) {
    assert!(page.contains("http-equiv=\"Content-Security-Policy\""));
    assert_eq!(page.matches("<script").count(), 1, "only the report's own");
    for tag in page.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap();
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced <{tag}>");
        let outside: String = tag.split('"').step_by(2).collect();
        for bad in [
            "onerror",
            "onload",
            "onmouseover",
            "onfocus",
            "<svg",
            "<img",
        ] {
            assert!(!outside.contains(bad), "{bad} in <{tag}>");
        }
    }
    for attr in ["href", "src", "action", "formaction"] {
        for v in attribute_values(page, attr) {
            assert!(v.starts_with('#') || v.starts_with("./"), "{attr}={v}");
        }
    }
}

#[cfg(unix)]
mod pipes {
    use super::*;

    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
    }

    #[test]
    fn a_fifo_with_a_writer_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let en = files::write(dir.path(), "en.txt", EN);
        let fifo = dir.path().join("pipe.txt");
        mkfifo(&fifo);
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(&fifo, DE).unwrap())
        };
        let out = check(&en, &fifo, &[]);
        writer.join().unwrap();
        let report = assert_sane(&out, "pipe.txt").expect("a report");
        assert_eq!(report["target"]["language"], "de");
    }

    #[test]
    fn a_fifo_without_a_writer_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let en = files::write(dir.path(), "en.txt", EN);
        let fifo = dir.path().join("silent.txt");
        mkfifo(&fifo);
        let out = check(&en, &fifo, &[]);
        assert_sane(&out, "silent.txt");
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no writer"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn process_substitution_works() {
        let dir = tempfile::tempdir().unwrap();
        let en = files::write(dir.path(), "en.txt", EN);
        let de = files::write(dir.path(), "de.txt", DE);
        let bin = files::binary();
        let script = format!(
            "{} check --format json <(cat {}) <(cat {})",
            bin.display(),
            en.display(),
            de.display()
        );
        let out = Command::new("bash")
            .env("TRANSALIGN_DICT_DIR", files::NO_DICTIONARIES)
            .arg("-c")
            .arg(script)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let report = assert_sane(&out, "/dev/fd").expect("a report");
        assert_eq!(report["source"]["language"], "en");
        assert_eq!(report["target"]["language"], "de");
    }
}
