//! The HTML report must show hostile text as text: in file names, document
//! text and messages, nothing may become markup, an attribute, a URL or a
//! script.

mod fixture;
use fixture as common;

use transalign::report::{CheckReport, Html, Render};

const PAYLOADS: [&str; 4] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\"><svg onload=alert(3)>",
    "' onmouseover='alert(4)",
];

fn render(report: &CheckReport) -> String {
    let mut out = Vec::new();
    Html.render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A report with `p` in both file names, every text and every message.
fn hostile(p: &str) -> CheckReport {
    let mut r = common::sample_named(&format!("en{p}.md"), &format!("de{p}.md"));
    for link in &mut r.alignment {
        for side in [&mut link.source, &mut link.target] {
            if !side.text.is_empty() {
                side.text = format!("{} {p}", side.text);
            }
        }
    }
    for f in &mut r.findings {
        f.message = format!("{p} {}", f.message);
        for e in [&mut f.source, &mut f.target].into_iter().flatten() {
            e.text = format!("{} {p}", e.text);
        }
    }
    r
}

#[test]
fn payloads_render_as_text() {
    for p in PAYLOADS {
        let out = render(&hostile(p));
        // The only script element is the report's own.
        assert_eq!(out.matches("<script").count(), 1, "{p}");
        assert!(!out.contains("<img"), "{p}");
        assert!(!out.contains("<svg"), "{p}");
        let escaped = p
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(out.contains(&escaped), "{p}: payload is shown, escaped");
        assert!(!out.contains(p), "{p}: never raw");
        // No attribute value is closed early: every quote in the output
        // belongs to markup we wrote, so quotes pair up inside tags.
        for tag in out.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap();
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "{p}: unbalanced quotes in <{tag}>"
            );
            // Outside quoted values, no attribute name can be a handler.
            let names: String = tag.split('"').step_by(2).collect();
            for handler in ["onmouseover", "onerror", "onload"] {
                assert!(!names.contains(handler), "{p}: handler in <{tag}>");
            }
        }
    }
}

#[test]
fn payload_text_round_trips_through_escaping() {
    let p = "\"><svg onload=alert(3)>";
    let out = render(&hostile(p));
    assert!(
        out.contains("&quot;&gt;&lt;svg onload=alert(3)&gt;"),
        "escaped form present"
    );
}

#[test]
fn page_is_self_contained() {
    let out = render(&common::sample());
    for needle in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!out.contains(needle), "{needle}");
    }
    assert!(out.contains("http-equiv=\"Content-Security-Policy\""));
    assert!(out.contains("default-src 'none'"));
}

#[test]
fn every_finding_is_listed_and_anchored() {
    let r = common::sample();
    let out = render(&r);
    for i in 0..r.findings.len() {
        assert!(out.contains(&format!("href=\"#f{i}\"")), "link {i}");
        assert!(out.contains(&format!("id=\"f{i}\"")), "anchor {i}");
    }
}

#[test]
fn output_is_byte_identical() {
    assert_eq!(render(&hostile(PAYLOADS[0])), render(&hostile(PAYLOADS[0])));
}

/// Writes the fixture's page where `TRANSALIGN_SAMPLE_HTML` says (used by
/// scripts/screenshot-report.sh to look at every kind of finding in a
/// browser); otherwise only checks it renders.
#[test]
fn sample_page_for_screenshots() {
    let out = render(&common::sample());
    assert!(out.contains("<main>"));
    if let Some(path) = std::env::var_os("TRANSALIGN_SAMPLE_HTML") {
        std::fs::write(path, out).unwrap();
    }
}
