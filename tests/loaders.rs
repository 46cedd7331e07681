//! Loads the seed article pair from ../shared when it is there. The seed is
//! not part of the repository, so without it these tests say so and pass.

#[cfg(feature = "cli")]
mod files;

use std::path::{Path, PathBuf};

use transalign::document::{BlockKind, Document, LoadOptions};

fn seed(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/seed")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        println!("skipped: {} not found", path.display());
        None
    }
}

fn load(path: &Path) -> Document {
    Document::load(path, LoadOptions::default()).expect("seed loads")
}

/// The paragraph whose span starts on `line`.
fn at_line(doc: &Document, line: u32) -> &transalign::Paragraph {
    doc.paragraphs
        .iter()
        .find(|p| doc.line_range(p.span).0 == line)
        .unwrap_or_else(|| panic!("no paragraph starts on line {line}"))
}

#[test]
fn seed_de_headings_joins_and_teaser() {
    let Some(path) = seed("de.md") else { return };
    let doc = load(&path);
    assert_eq!(at_line(&doc, 13).kind, BlockKind::Heading);
    assert_eq!(at_line(&doc, 3).kind, BlockKind::Heading);
    // Paragraphs broken inside a sentence are joined and keep both parts.
    for (first, last) in [(9, 11), (23, 25), (35, 37)] {
        let p = at_line(&doc, first);
        assert_eq!(doc.line_range(p.span), (first, last));
        assert_eq!(p.parts.len(), 2);
        assert_eq!(doc.line_range(p.parts[1]), (last, last));
        assert!(!p.text.contains('\n'));
    }
    // The teaser ends with an ellipsis entity: decoded, and left alone.
    let teaser = at_line(&doc, 5);
    assert_eq!(doc.line_range(teaser.span), (5, 5));
    assert!(teaser.text.ends_with('…'), "{}", teaser.text);
    assert!(!doc.paragraphs.iter().any(|p| p.text.contains("&hellip;")));
    // The joined sentence maps back to both lines.
    let joined = at_line(&doc, 9);
    let at = joined
        .text
        .find("getrennt werden")
        .expect("joined sentence");
    let span = joined.source_span(at, at + "getrennt werden".len());
    assert_eq!(doc.line_range(span), (9, 11));
    let separators = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Separator)
        .count();
    assert_eq!(separators, 1);
    // Links keep their text, not their address.
    assert!(!doc.paragraphs.iter().any(|p| p.text.contains("https://")));
}

#[test]
fn seed_en_one_paragraph_per_block() {
    let Some(path) = seed("en.md") else { return };
    let doc = load(&path);
    let text = std::fs::read_to_string(&path).expect("readable");
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    assert_eq!(doc.paragraphs.len(), blocks);
    assert_eq!(doc.paragraphs[0].kind, BlockKind::Heading);
    assert_eq!(doc.line_range(doc.paragraphs[0].span), (1, 1));
    assert!(
        doc.paragraphs[1..]
            .iter()
            .all(|p| p.kind == BlockKind::Paragraph)
    );
    // Every block starts at the beginning of its line.
    for p in &doc.paragraphs {
        assert_eq!(doc.position(p.span.start).column, 1, "{}", p.text);
    }
}

/// The command line reads each input's language from its name or markup,
/// and the format of standard input from its content.
#[cfg(feature = "cli")]
mod cli {
    use std::path::Path;

    use super::files;

    /// `check` as JSON; the report and standard error.
    fn check(dir: &Path, args: &[&str], stdin: &str) -> (serde_json::Value, String) {
        let out = files::transalign_in(dir)
            .arg("check")
            .args(args)
            .args(["--format", "json"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        files::assert_ran(&out);
        let json = serde_json::from_slice(&out.stdout).expect("a JSON report");
        (json, String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn language(report: &serde_json::Value, side: &str) -> (String, String) {
        let doc = &report[side];
        (
            doc["language"].as_str().unwrap().to_string(),
            doc["language_source"].as_str().unwrap().to_string(),
        )
    }

    // Too short for detection: only a declaration can name the language.
    const SHORT: &str = "Berlin 2024.\n";

    #[test]
    fn file_names_and_folders_name_the_languages() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        files::write(d, "summit.en.txt", SHORT);
        files::write(d, "summit_de.txt", SHORT);
        files::write(d, "fr/summit.txt", SHORT);
        let (r, _) = check(d, &["summit.en.txt", "summit_de.txt"], "");
        assert_eq!(language(&r, "source"), ("en".into(), "file_name".into()));
        assert_eq!(language(&r, "target"), ("de".into(), "file_name".into()));
        assert_eq!(r["target"]["language_given"], true);
        let (r, _) = check(d, &["summit.en.txt", "fr/summit.txt"], "");
        assert_eq!(language(&r, "target"), ("fr".into(), "folder".into()));
        // An option wins over the name.
        let (r, _) = check(
            d,
            &["summit.en.txt", "summit_de.txt", "--target-lang", "nl"],
            "",
        );
        assert_eq!(language(&r, "target"), ("nl".into(), "option".into()));
    }

    #[test]
    fn standard_input_is_sniffed_and_its_markup_names_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        files::write(
            d,
            "en.md",
            "# Summit\n\nThe summit opened in Berlin on Monday.\n",
        );
        let page = "<!DOCTYPE html>\n<html lang=\"de-DE\">\n<head><title>Gipfel</title></head>\n\n<body>\n<h1>Gipfel</h1>\n\n<p>Der Gipfel wurde am Montag in Berlin eröffnet.</p>\n</body>\n</html>\n";
        let (r, stderr) = check(d, &["en.md", "-", "--verbose"], page);
        assert_eq!(r["target"]["format"], "html");
        assert_eq!(language(&r, "target"), ("de".into(), "html_lang".into()));
        assert!(
            stderr.contains("translation -: html, language de (html lang)"),
            "{stderr}"
        );
        let added: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["target"]["text"].as_str())
            .collect();
        assert!(
            added.iter().all(|t| !t.contains('<')),
            "no markup as text: {added:?}"
        );
        // Front matter names the language of Markdown.
        let md =
            "---\nlang: de\n---\n\n# Gipfel\n\nDer Gipfel wurde am Montag in Berlin eröffnet.\n";
        let (r, _) = check(d, &["en.md", "-"], md);
        assert_eq!(r["target"]["format"], "markdown");
        assert_eq!(language(&r, "target"), ("de".into(), "front_matter".into()));
        // --target-format and --input-format force a format; one side's wins.
        let (r, _) = check(d, &["en.md", "-", "--target-format", "text"], page);
        assert_eq!(r["target"]["format"], "text");
        let args = [
            "en.md",
            "-",
            "--input-format",
            "text",
            "--source-format",
            "markdown",
        ];
        let (r, _) = check(d, &args, page);
        assert_eq!(r["source"]["format"], "markdown");
        assert_eq!(r["target"]["format"], "text");
    }
}
