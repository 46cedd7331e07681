//! JUnit XML: one test case per aligned paragraph pair, for CI test views.

use std::fmt::Write as _;
use std::io;

use super::layout::{self, Layout};
use super::{CheckReport, Render, markup};
use crate::findings::Finding;

/// The JUnit renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Junit;

fn lines(r: Option<[u32; 2]>) -> String {
    match r {
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}-{b}"),
        None => "none".into(),
    }
}

fn failure(out: &mut String, report: &CheckReport, ids: &[usize]) {
    if ids.is_empty() {
        return;
    }
    let findings: Vec<&Finding> = ids.iter().map(|&i| &report.findings[i]).collect();
    let kinds: Vec<&str> = findings.iter().map(|f| f.kind.name()).collect();
    let message = if let [f] = findings.as_slice() {
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
    out.push_str("</failure>\n");
}

impl Render for Junit {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        let lay = Layout::of(report);
        let src = markup::xml(&report.source.path);
        let tgt = markup::xml(&report.target.path);
        let tests = lay.blocks.len() + usize::from(!lay.unplaced.is_empty());
        let failures = lay.blocks.iter().filter(|b| !b.findings.is_empty()).count()
            + usize::from(!lay.unplaced.is_empty());
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            s,
            "<testsuites name=\"transalign\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
        );
        let _ = writeln!(
            s,
            "  <testsuite name=\"{src} → {tgt}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
        );
        for (n, b) in lay.blocks.iter().enumerate() {
            let name = format!(
                "paragraph pair {} ({src}:{} ↔ {tgt}:{})",
                n + 1,
                lines(layout::lines_of(report, &b.links, true)),
                lines(layout::lines_of(report, &b.links, false))
            );
            if b.findings.is_empty() {
                let _ = writeln!(s, "    <testcase classname=\"{tgt}\" name=\"{name}\"/>");
            } else {
                let _ = writeln!(s, "    <testcase classname=\"{tgt}\" name=\"{name}\">");
                failure(&mut s, report, &b.findings);
                s.push_str("    </testcase>\n");
            }
        }
        if !lay.unplaced.is_empty() {
            let _ = writeln!(
                s,
                "    <testcase classname=\"{tgt}\" name=\"findings without an aligned place\">"
            );
            failure(&mut s, report, &lay.unplaced);
            s.push_str("    </testcase>\n");
        }
        s.push_str("  </testsuite>\n</testsuites>\n");
        out.write_all(s.as_bytes())
    }
}
