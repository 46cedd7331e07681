//! SARIF 2.1.0, for code-scanning dashboards.
//!
//! One rule per finding kind; each result points into the translation (the
//! original for omissions) and carries a `partialFingerprints` entry that
//! depends on the kind and the flagged text only, so a finding keeps its
//! identity when lines move.

use std::io;

use serde_json::{Value, json};

use super::{CheckReport, Render};
use crate::findings::{Excerpt, Finding, Kind, Severity};
use crate::fnv::fnv1a;

/// The SARIF renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sarif;

/// Short and full description of a rule.
pub(crate) fn describe(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Omission => (
            "Original content missing from the translation",
            "A sentence or passage of the original has no counterpart in the translation: it was dropped, perhaps by accident, perhaps by an editor.",
        ),
        Kind::Addition => (
            "Translation content not in the original",
            "A sentence or passage of the translation has no counterpart in the original: an inserted heading, teaser, advertisement, boilerplate or new claim.",
        ),
        Kind::AlteredQuote => (
            "Quotation changed in translation",
            "A direct quotation was cut, extended, paraphrased or lost its quotation marks: words attributed to someone no longer match what the original quotes.",
        ),
        Kind::NumberMismatch => (
            "Numbers differ between aligned passages",
            "A number, date or amount in the original is missing or different in the aligned passage of the translation.",
        ),
        Kind::NameMismatch => (
            "Names differ between aligned passages",
            "A person, place or organisation named in the original is missing or different in the aligned passage of the translation.",
        ),
        Kind::Untranslated => (
            "Translation text still in the original's language",
            "A paragraph or sentence of the translation was left in the language of the original: it repeats the original's text or reads as its language, and is prose rather than a name, command or code.",
        ),
        Kind::Moved => (
            "Original content told at another place",
            "A paragraph of the original is translated, but at another place in the translation: nothing was lost or invented, the order changed.",
        ),
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Lower-cased text with whitespace runs collapsed, so re-wrapping a
/// paragraph does not change a fingerprint.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A finding's stable identity: its kind and the normalised text of both
/// excerpts (never line numbers).
pub(crate) fn fingerprint(f: &Finding) -> String {
    let text = |e: &Option<Excerpt>| e.as_ref().map(|e| normalise(&e.text)).unwrap_or_default();
    let key = format!(
        "{}\0{}\0{}",
        f.kind.name(),
        text(&f.source),
        text(&f.target)
    );
    format!("{:016x}", fnv1a(key.bytes()))
}

/// Percent-encodes a path for a URI reference, keeping `/`.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(path: &str, e: &Excerpt) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": {
                "startLine": e.lines[0],
                "endLine": e.lines[1],
                "startColumn": e.columns[0],
                // SARIF end columns are exclusive.
                "endColumn": e.columns[1] + 1,
                "snippet": { "text": e.text },
            }
        }
    })
}

impl Render for Sarif {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        let rules: Vec<Value> = Kind::ALL
            .iter()
            .map(|&k| {
                let (short, full) = describe(k);
                json!({
                    "id": k.name(),
                    "name": k.name(),
                    "shortDescription": { "text": short },
                    "fullDescription": { "text": full },
                    "defaultConfiguration": { "level": "warning" },
                })
            })
            .collect();
        let results: Vec<Value> = report
            .findings
            .iter()
            .map(|f| {
                let src = f.source.as_ref().map(|e| location(&report.source.path, e));
                let tgt = f.target.as_ref().map(|e| location(&report.target.path, e));
                let (primary, related) = if f.kind == Kind::Omission {
                    (
                        src.clone().or(tgt.clone()),
                        if src.is_some() { tgt } else { None },
                    )
                } else {
                    (
                        tgt.clone().or(src.clone()),
                        if tgt.is_some() { src } else { None },
                    )
                };
                let rule_index = Kind::ALL.iter().position(|&k| k == f.kind).unwrap_or(0);
                let mut r = json!({
                    "ruleId": f.kind.name(),
                    "ruleIndex": rule_index,
                    "level": level(f.severity),
                    "message": { "text": f.message },
                    "locations": primary.into_iter().collect::<Vec<_>>(),
                    "partialFingerprints": { "transalignFinding/v1": fingerprint(f) },
                    "properties": {
                        "confidence": f.confidence,
                        "severity": f.severity.name(),
                        "evidence": f.evidence,
                    },
                });
                if let Some(rel) = related {
                    let mut rel = rel;
                    rel["id"] = json!(0);
                    rel["message"] = json!({ "text": "the counterpart in the other document" });
                    r["relatedLocations"] = json!([rel]);
                }
                r
            })
            .collect();
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "transalign",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "originalUriBaseIds": {},
                "results": results,
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_encodes_spaces_and_specials() {
        assert_eq!(uri("dir/a b<c>.md"), "dir/a%20b%3Cc%3E.md");
    }

    #[test]
    fn normalise_ignores_case_and_layout() {
        assert_eq!(normalise(" A\n b  C "), "a b c");
    }
}
