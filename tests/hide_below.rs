//! `report::policy::hide_below`: what "show findings of at least this
//! severity" leaves of a report.

mod fixture;

use transalign::Severity;
use transalign::report::Summary;
use transalign::report::policy::hide_below;

#[test]
fn drops_lower_severities_and_recounts() {
    let all = fixture::sample();
    for level in Severity::ALL {
        let mut report = all.clone();
        hide_below(&mut report, level);
        let kept: Vec<_> = all
            .findings
            .iter()
            .filter(|f| f.severity >= level)
            .collect();
        assert!(!kept.is_empty());
        assert_eq!(report.findings.len(), kept.len(), "{level:?}");
        assert!(report.findings.iter().all(|f| f.severity >= level));
        assert_eq!(report.summary, Summary::of(&report.findings));
        // The alignment and documents are untouched.
        assert_eq!(report.alignment.len(), all.alignment.len());
    }
    let mut errors = all.clone();
    hide_below(&mut errors, Severity::Error);
    assert!(
        errors.findings.len() < all.findings.len(),
        "the sample has lower findings"
    );
}
