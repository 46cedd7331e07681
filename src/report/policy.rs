//! Exit policy: which findings are dropped as known noise, and which fail
//! a run.

use regex::Regex;

use super::{CheckReport, Summary};
use crate::findings::{Finding, Kind, Severity};

/// What fails a run and what is ignored.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Kinds that can fail a run; empty means every kind.
    pub fail_on: Vec<Kind>,
    /// Findings below this severity never fail a run.
    pub min_severity: Severity,
    /// Findings whose flagged text (on either side) matches one of these are
    /// dropped from the report altogether.
    pub ignore: Vec<Regex>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            fail_on: Vec::new(),
            min_severity: Severity::Warning,
            ignore: Vec::new(),
        }
    }
}

impl Policy {
    /// Whether `f` matches an ignore pattern.
    pub fn ignores(&self, f: &Finding) -> bool {
        let texts = [&f.source, &f.target];
        self.ignore.iter().any(|re| {
            texts
                .iter()
                .any(|e| e.as_ref().is_some_and(|e| re.is_match(&e.text)))
        })
    }

    /// Drops ignored findings from `report` and recounts its summary.
    pub fn apply(&self, report: &mut CheckReport) {
        if self.ignore.is_empty() {
            return;
        }
        report.findings.retain(|f| !self.ignores(f));
        report.summary = Summary::of(&report.findings);
    }

    /// Whether `f` fails a run.
    pub fn fails_on(&self, f: &Finding) -> bool {
        f.severity >= self.min_severity
            && (self.fail_on.is_empty() || self.fail_on.contains(&f.kind))
    }

    /// Whether any finding of `report` fails the run.
    pub fn fails(&self, report: &CheckReport) -> bool {
        report.findings.iter().any(|f| self.fails_on(f))
    }
}
