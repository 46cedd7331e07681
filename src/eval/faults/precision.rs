//! Precision per severity and confidence band: does a finding's severity,
//! and the confidence it states, say how often such a finding is right?
//!
//! Every finding on a clean article is wrong (the translation is
//! faithful). On a copy with one planted fault, only the findings that the
//! clean article did not have are judged: right when it is of a kind that
//! reports the fault and lies where the fault was planted, wrong otherwise
//! (a neighbour's false omission caused by the fault, say). A swap of two
//! paragraphs is rightly reported as `moved` and by nothing else.

use crate::findings::{Finding, Severity};

use super::{Fault, Planted};

/// Lower bounds of the confidence bands, ascending; a band runs up to the
/// next bound (the last one up to 1.0 included). Chosen to split the
/// confidences the stages give into bands of comparable size on the
/// benchmark's findings: most stages state 0.5–0.95.
pub const BAND_FLOORS: [f64; 4] = [0.0, 0.5, 0.7, 0.85];

/// The tally of one severity in one confidence band.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Cell {
    /// The severity's name.
    pub severity: &'static str,
    /// The band: lowest confidence included, highest excluded (1.0 is in
    /// the last band).
    pub confidence: [f64; 2],
    /// Findings that report a planted fault where it was planted.
    pub right: usize,
    /// Findings on clean articles, and new findings on faulted copies that
    /// report something else.
    pub wrong: usize,
}

impl Cell {
    /// right / (right + wrong), or `None` with no finding.
    pub fn precision(&self) -> Option<f64> {
        let all = self.right + self.wrong;
        (all > 0).then(|| self.right as f64 / all as f64)
    }
}

/// Cells for every severity (most serious first) and band (most confident
/// first).
pub fn empty_table() -> Vec<Cell> {
    let mut cells = Vec::new();
    for severity in Severity::ALL.iter().rev() {
        for (i, floor) in BAND_FLOORS.iter().enumerate().rev() {
            let ceiling = BAND_FLOORS.get(i + 1).copied().unwrap_or(1.0);
            cells.push(Cell {
                severity: severity.name(),
                confidence: [*floor, ceiling],
                right: 0,
                wrong: 0,
            });
        }
    }
    cells
}

/// Counts one finding as right or wrong in its cell of `table`.
pub fn tally(table: &mut [Cell], finding: &Finding, right: bool) {
    let band = BAND_FLOORS
        .iter()
        .rposition(|floor| finding.confidence >= *floor)
        .unwrap_or(0);
    let severity = finding.severity.name();
    let Some(cell) = table
        .iter_mut()
        .filter(|c| c.severity == severity)
        .find(|c| c.confidence[0] == BAND_FLOORS[band])
    else {
        return;
    };
    if right {
        cell.right += 1;
    } else {
        cell.wrong += 1;
    }
}

/// Whether `finding`, new on a copy with `planted`, reports that fault.
pub(super) fn reports(planted: &Planted, finding: &Finding) -> bool {
    if planted.fault == Fault::SwapParagraphs {
        return finding.kind.name() == "moved" && super::locates(planted, finding);
    }
    planted.fault.kinds().contains(&finding.kind.name()) && super::locates(planted, finding)
}

/// Tallies a faulted copy's `findings` that `clean` (the clean article's
/// findings, every severity) does not have.
pub(super) fn tally_copy(
    table: &mut [Cell],
    planted: &Planted,
    findings: &[Finding],
    clean: &[Finding],
) {
    for finding in findings {
        if !clean.iter().any(|c| super::same_finding(c, finding)) {
            tally(table, finding, reports(planted, finding));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Excerpt, Kind};

    fn at(line: u32) -> Option<Excerpt> {
        Some(Excerpt {
            lines: [line, line],
            columns: [1, 10],
            bytes: [0, 10],
            text: format!("line {line}"),
        })
    }

    fn finding(kind: Kind, severity: Severity, confidence: f64, line: u32) -> Finding {
        Finding::new(kind, severity, confidence, String::new())
            .with_source(at(line))
            .with_target(at(line))
    }

    fn dropped_at(line: u32) -> Planted {
        Planted {
            fault: Fault::DropParagraph,
            source_lines: Some([line, line]),
            target_lines: None,
            target: Vec::new(),
        }
    }

    #[test]
    fn bands_cover_every_confidence_once() {
        let mut table = empty_table();
        for c in [0.0, 0.3, 0.5, 0.69, 0.7, 0.85, 1.0] {
            tally(
                &mut table,
                &finding(Kind::Omission, Severity::Error, c, 1),
                true,
            );
        }
        let errors: Vec<usize> = table
            .iter()
            .filter(|c| c.severity == "error")
            .map(|c| c.right)
            .collect();
        // Most confident band first.
        assert_eq!(errors, vec![2, 1, 2, 2]);
        assert!(
            table
                .iter()
                .filter(|c| c.severity != "error")
                .all(|c| c.right + c.wrong == 0)
        );
    }

    #[test]
    fn only_new_findings_of_a_copy_are_judged() {
        let old = finding(Kind::NameMismatch, Severity::Warning, 0.6, 3);
        let right = finding(Kind::Omission, Severity::Error, 0.9, 5);
        let wrong_kind = finding(Kind::Addition, Severity::Error, 0.9, 5);
        let wrong_place = finding(Kind::Omission, Severity::Warning, 0.6, 9);
        let mut table = empty_table();
        tally_copy(
            &mut table,
            &dropped_at(5),
            &[old.clone(), right, wrong_kind, wrong_place],
            &[old],
        );
        let cell = |severity: &str, floor: f64| {
            table
                .iter()
                .find(|c| c.severity == severity && c.confidence[0] == floor)
                .cloned()
                .unwrap()
        };
        assert_eq!(
            (cell("error", 0.85).right, cell("error", 0.85).wrong),
            (1, 1)
        );
        assert_eq!(cell("warning", 0.5).wrong, 1);
        assert_eq!(cell("warning", 0.5).right, 0);
        assert_eq!(cell("error", 0.85).precision(), Some(0.5));
        assert_eq!(cell("info", 0.0).precision(), None);
    }

    #[test]
    fn a_swap_is_rightly_reported_as_a_move_only() {
        let swap = Planted {
            fault: Fault::SwapParagraphs,
            source_lines: Some([3, 5]),
            target_lines: Some([3, 5]),
            target: Vec::new(),
        };
        assert!(reports(
            &swap,
            &finding(Kind::Moved, Severity::Info, 0.7, 3)
        ));
        assert!(!reports(
            &swap,
            &finding(Kind::Omission, Severity::Error, 0.7, 3)
        ));
    }
}
