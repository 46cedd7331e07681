//! Evaluation: golden expectations (`expected.json`) checked against
//! findings, and the perturbation benchmark ([`faults`]).
//!
//! Kept in the library so the acceptance tests and the `eval-faults`
//! command share one definition of "a finding matches an entry".

pub mod faults;
pub mod real;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::findings::{Finding, Severity};

/// One entry of `must_find`, `may_find` or `must_not_find`.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    /// A finding kind's stable name.
    pub kind: String,
    /// 1-based first and last line in the original.
    pub source_lines: Option<[u32; 2]>,
    /// 1-based first and last line in the translation.
    pub target_lines: Option<[u32; 2]>,
    /// Text the finding's excerpt must contain.
    pub text_contains: Option<String>,
    /// A human explanation, never used for matching.
    pub note: Option<String>,
}

/// A golden pair's `expected.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    /// The original's file name in the pair's folder.
    pub source: String,
    /// The translation's file name in the pair's folder.
    pub target: String,
    /// Findings that must be reported.
    #[serde(default)]
    pub must_find: Vec<Entry>,
    /// Findings that may be reported.
    #[serde(default)]
    pub may_find: Vec<Entry>,
    /// Findings that must not be reported as error or warning.
    #[serde(default)]
    pub must_not_find: Vec<Entry>,
}

impl Expected {
    /// Reads `expected.json`.
    pub fn load(path: &Path) -> Result<Expected> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
        })
    }
}

fn overlaps(a: [u32; 2], b: [u32; 2]) -> bool {
    a[0] <= b[1] && b[0] <= a[1]
}

/// Whether `finding` matches `entry`: same kind, lines overlapping on
/// every side the entry gives, and the text where one is required.
pub fn matches(entry: &Entry, finding: &Finding) -> bool {
    if finding.kind.name() != entry.kind {
        return false;
    }
    for (want, got) in [
        (entry.source_lines, &finding.source),
        (entry.target_lines, &finding.target),
    ] {
        if let Some(want) = want {
            match got {
                Some(e) if overlaps(want, e.lines) => {}
                _ => return false,
            }
        }
    }
    entry.text_contains.as_ref().is_none_or(|needle| {
        [&finding.source, &finding.target]
            .into_iter()
            .flatten()
            .any(|e| e.text.contains(needle.as_str()))
    })
}

/// How a check did against an `expected.json`.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// `must_find` entries no finding matched.
    pub missed: Vec<Entry>,
    /// `must_not_find` entries matched by an error or warning finding,
    /// with the finding's message.
    pub broken: Vec<(Entry, String)>,
    /// Error and warning findings matching no `must_find` or `may_find`
    /// entry (reported, not failed on).
    pub unexpected: Vec<Finding>,
}

impl Verdict {
    /// Whether every requirement holds.
    pub fn passed(&self) -> bool {
        self.missed.is_empty() && self.broken.is_empty()
    }
}

/// Judges `findings` against `expected`.
pub fn judge(expected: &Expected, findings: &[Finding]) -> Verdict {
    let mut v = Verdict::default();
    for e in &expected.must_find {
        if !findings.iter().any(|f| matches(e, f)) {
            v.missed.push(e.clone());
        }
    }
    for e in &expected.must_not_find {
        if let Some(f) = findings
            .iter()
            .find(|f| f.severity >= Severity::Warning && matches(e, f))
        {
            v.broken.push((e.clone(), f.message.clone()));
        }
    }
    for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
        let known = expected
            .must_find
            .iter()
            .chain(&expected.may_find)
            .any(|e| matches(e, f));
        if !known {
            v.unexpected.push(f.clone());
        }
    }
    v
}

/// Runs a check of a golden pair folder and judges it.
pub fn judge_pair(dir: &Path) -> Result<(Verdict, Vec<Finding>)> {
    let expected = Expected::load(&dir.join("expected.json"))?;
    let load = |name: &str| -> Result<crate::Document> {
        crate::Document::load(&dir.join(name), crate::document::LoadOptions::default())
    };
    let checked = crate::check(
        load(&expected.source)?,
        load(&expected.target)?,
        &crate::CheckOptions::default(),
    )?;
    Ok((judge(&expected, &checked.findings), checked.findings))
}

/// The golden pair folders under `root` (`corpora/pairs/*` with an
/// `expected.json`), sorted.
pub fn pair_dirs(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    out.sort();
    out
}
