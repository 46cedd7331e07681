//! JUnit XML: one test case per aligned paragraph pair, for CI test views.
//!
//! A test case fails only when one of its findings fails the run under the
//! [`Policy`] (`--fail-on`, `--min-severity`), so the test view and the exit
//! code agree; the other findings are kept in the case's `<system-out>`.
//! `batch` joins one suite per pair into one file ([`junit_document`]).

use std::fmt::Write as _;
use std::io;

use super::layout::{self, Layout};
use super::policy::Policy;
use super::{CheckReport, Render, markup};
use crate::findings::Finding;

/// The JUnit renderer, with the policy that decides which findings are
/// failures.
#[derive(Debug, Clone, Default)]
pub struct Junit {
    /// Findings that fail under this policy are `<failure>`s; the rest are
    /// passing output.
    pub policy: Policy,
}

/// One `<testsuite>` element with its counts, ready to join with others
/// into a JUnit document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JunitSuite {
    xml: String,
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

fn lines(r: Option<[u32; 2]>) -> String {
    match r {
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}-{b}"),
        None => "none".into(),
    }
}

/// Each finding's severity, kind, message and excerpts, escaped, one per
/// line.
fn details(out: &mut String, report: &CheckReport, findings: &[&Finding]) {
    for f in findings {
        let _ = writeln!(
            out,
            "{} {}: {}",
            f.severity.name(),
            f.kind.name(),
            markup::xml(&f.message)
        );
        for (label, path, e) in [
            ("original", &report.source.path, &f.source),
            ("translation", &report.target.path, &f.target),
        ] {
            if let Some(e) = e {
                let _ = writeln!(
                    out,
                    "  {label} {}:{}: {}",
                    markup::xml(path),
                    lines(Some(e.lines)),
                    markup::xml(&e.text)
                );
            }
        }
    }
}

fn failure(out: &mut String, report: &CheckReport, findings: &[&Finding]) {
    let kinds: Vec<&str> = findings.iter().map(|f| f.kind.name()).collect();
    let message = if let [f] = findings {
        f.message.clone()
    } else {
        format!("{} findings", findings.len())
    };
    let _ = write!(
        out,
        "      <failure type=\"{}\" message=\"{}\">",
        markup::xml(&kinds.join(",")),
        markup::xml(&message)
    );
    details(out, report, findings);
    out.push_str("</failure>\n");
}

impl Junit {
    /// Writes one test case named `name` for the findings `ids` of
    /// `report`; returns whether it failed.
    fn case(&self, out: &mut String, report: &CheckReport, name: &str, ids: &[usize]) -> bool {
        let tgt = markup::xml(&report.target.path);
        if ids.is_empty() {
            let _ = writeln!(out, "    <testcase classname=\"{tgt}\" name=\"{name}\"/>");
            return false;
        }
        let (failing, passing): (Vec<&Finding>, Vec<&Finding>) = ids
            .iter()
            .map(|&i| &report.findings[i])
            .partition(|f| self.policy.fails_on(f));
        let _ = writeln!(out, "    <testcase classname=\"{tgt}\" name=\"{name}\">");
        if !failing.is_empty() {
            failure(out, report, &failing);
        }
        if !passing.is_empty() {
            out.push_str("      <system-out>");
            details(out, report, &passing);
            out.push_str("</system-out>\n");
        }
        out.push_str("    </testcase>\n");
        !failing.is_empty()
    }

    /// The report as one test suite: a case per aligned paragraph pair,
    /// plus one for findings without an aligned place.
    pub fn suite(&self, report: &CheckReport) -> JunitSuite {
        let lay = Layout::of(report);
        let src = markup::xml(&report.source.path);
        let tgt = markup::xml(&report.target.path);
        let mut cases = String::new();
        let mut failures = 0;
        for (n, b) in lay.blocks.iter().enumerate() {
            let name = format!(
                "paragraph pair {} ({src}:{} ↔ {tgt}:{})",
                n + 1,
                lines(layout::lines_of(report, &b.links, true)),
                lines(layout::lines_of(report, &b.links, false))
            );
            failures += usize::from(self.case(&mut cases, report, &name, &b.findings));
        }
        let tests = lay.blocks.len() + usize::from(!lay.unplaced.is_empty());
        if !lay.unplaced.is_empty() {
            let name = "findings without an aligned place";
            failures += usize::from(self.case(&mut cases, report, name, &lay.unplaced));
        }
        let mut xml = String::new();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{src} → {tgt}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
        );
        xml.push_str(&cases);
        xml.push_str("  </testsuite>\n");
        JunitSuite {
            xml,
            tests,
            failures,
            ..JunitSuite::default()
        }
    }
}

impl JunitSuite {
    /// A pair that could not be checked: one case in error, with why.
    pub fn error(original: &str, translation: &str, message: &str) -> JunitSuite {
        let (src, tgt) = (markup::xml(original), markup::xml(translation));
        let mut xml = String::new();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{src} → {tgt}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"
        );
        let _ = writeln!(
            xml,
            "    <testcase classname=\"{tgt}\" name=\"check\">\n      <error message=\"{}\"/>\n    </testcase>",
            markup::xml(message)
        );
        xml.push_str("  </testsuite>\n");
        JunitSuite {
            xml,
            tests: 1,
            errors: 1,
            ..JunitSuite::default()
        }
    }

    /// Files a batch did not check, each a skipped case with the reason:
    /// `(path, reason)`.
    pub fn skipped(name: &str, files: &[(String, String)]) -> JunitSuite {
        let mut xml = String::new();
        let n = files.len();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"0\" errors=\"0\" skipped=\"{n}\">",
            markup::xml(name)
        );
        for (path, reason) in files {
            let _ = writeln!(
                xml,
                "    <testcase classname=\"{0}\" name=\"{0}\">\n      <skipped message=\"{1}\"/>\n    </testcase>",
                markup::xml(path),
                markup::xml(reason)
            );
        }
        xml.push_str("  </testsuite>\n");
        JunitSuite {
            xml,
            tests: n,
            skipped: n,
            ..JunitSuite::default()
        }
    }
}

/// A JUnit document of `suites`, in the order given, with their totals.
pub fn junit_document(suites: &[JunitSuite]) -> String {
    let sum = |f: fn(&JunitSuite) -> usize| suites.iter().map(f).sum::<usize>();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<testsuites name=\"transalign\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        sum(|x| x.tests),
        sum(|x| x.failures),
        sum(|x| x.errors),
        sum(|x| x.skipped)
    );
    for suite in suites {
        s.push_str(&suite.xml);
    }
    s.push_str("</testsuites>\n");
    s
}

impl Render for Junit {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        out.write_all(junit_document(&[self.suite(report)]).as_bytes())
    }
}
