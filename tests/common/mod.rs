//! Shared by the acceptance tests: runs golden pairs and explains failures.

use std::path::Path;

use transalign::eval;

/// Checks one pair folder; returns a description of every failure.
pub fn failures(dir: &Path) -> Vec<String> {
    let (verdict, findings) = match eval::judge_pair(dir) {
        Ok(v) => v,
        Err(e) => return vec![format!("{}: {e}", dir.display())],
    };
    let mut out = Vec::new();
    for e in &verdict.missed {
        out.push(format!(
            "{}: missed {} source {:?} target {:?} {:?} ({})",
            dir.display(),
            e.kind,
            e.source_lines,
            e.target_lines,
            e.text_contains,
            e.note.as_deref().unwrap_or("")
        ));
    }
    for (e, message) in &verdict.broken {
        out.push(format!(
            "{}: must not find {} source {:?} target {:?}, but reported: {message}",
            dir.display(),
            e.kind,
            e.source_lines,
            e.target_lines
        ));
    }
    if !out.is_empty() {
        for f in &findings {
            out.push(format!(
                "  reported {} {} src {:?} tgt {:?}: {}",
                f.kind.name(),
                f.severity.name(),
                f.source.as_ref().map(|e| e.lines),
                f.target.as_ref().map(|e| e.lines),
                f.message
            ));
        }
    }
    out
}
