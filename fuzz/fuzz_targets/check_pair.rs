//! `check` on two fuzzed documents never panics; every finding's lines lie
//! inside its file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use transalign::document::{Document, InputFormat};
use transalign::report::CheckReport;
use transalign::{CheckOptions, Language};

fuzz_target!(|bytes: &[u8]| {
    // The first byte picks the formats; the rest is split at the first 0xFF.
    let Some((&mode, rest)) = bytes.split_first() else { return };
    let cut = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len() / 2);
    let (a, b) = (&rest[..cut], &rest[(cut + 1).min(rest.len())..]);
    let formats = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];
    let fa = formats[usize::from(mode) % 3];
    let fb = formats[usize::from(mode / 3) % 3];
    let (Ok(source), Ok(target)) = (
        Document::from_bytes(Path::new("a"), a, fa),
        Document::from_bytes(Path::new("b"), b, fb),
    ) else {
        return;
    };
    let options = CheckOptions {
        source_language: Some(Language::EN),
        target_language: Some(if mode & 0x80 == 0 { Language::DE } else { Language::EN }),
        ..CheckOptions::default()
    };
    // An upper bound on editor lines (CRLF counts twice).
    let lines = |d: &Document| d.text.bytes().filter(|b| matches!(b, b'\n' | b'\r')).count() as u32 + 1;
    let (source_lines, target_lines) = (lines(&source), lines(&target));
    let Ok(checked) = transalign::check(source, target, &options) else { return };
    let report = CheckReport::new(&checked);
    for f in &report.findings {
        if let Some(s) = &f.source {
            assert!(s.lines[0] >= 1 && s.lines[0] <= s.lines[1] && s.lines[1] <= source_lines);
        }
        if let Some(t) = &f.target {
            assert!(t.lines[0] >= 1 && t.lines[0] <= t.lines[1] && t.lines[1] <= target_lines);
        }
    }
});
