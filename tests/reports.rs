//! Snapshot tests of every report format over hand-made reports, and the
//! properties each format must keep whatever the input.

mod fixture;
use fixture as common;

use transalign::report::{
    BatchHtml, CheckReport, Github, Html, Json, JsonLines, Junit, JunitSuite, Render, Sarif,
    Terminal, junit_document,
};

fn render(r: &dyn Render, report: &CheckReport) -> String {
    let mut out = Vec::new();
    r.render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn plain(width: usize) -> Terminal {
    Terminal {
        context: 1,
        color: false,
        width,
    }
}

#[test]
fn terminal_plain() {
    insta::assert_snapshot!(render(&plain(80), &common::sample()));
}

#[test]
fn terminal_colour() {
    let t = Terminal {
        color: true,
        ..plain(80)
    };
    insta::assert_snapshot!(render(&t, &common::sample()));
}

#[test]
fn terminal_revision_highlights_changed_words() {
    let out = render(&plain(100), &common::revision());
    insta::assert_snapshot!(out);
    assert!(out.contains("[-will-]"), "{out}");
    assert!(
        out.contains("{+June,\"+}") || out.contains("{+June"),
        "{out}"
    );
}

#[test]
fn terminal_context_zero_hides_unchanged_pairs() {
    let t = Terminal {
        context: 0,
        ..plain(80)
    };
    let out = render(&t, &common::revision());
    assert!(!out.contains("The council met"), "{out}");
    let wide = render(&plain(80), &common::revision());
    assert!(wide.contains("The council met"), "{wide}");
}

#[test]
fn terminal_wraps_to_the_width() {
    for width in [40, 60, 100] {
        let out = render(&plain(width), &common::sample());
        for line in out.lines() {
            assert!(line.chars().count() <= width, "{width}: {line:?}");
        }
    }
}

#[test]
fn terminal_without_colour_has_no_escapes() {
    assert!(!render(&plain(80), &common::sample()).contains('\x1b'));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(&Json, &common::sample()));
}

#[test]
fn jsonl() {
    let out = render(&JsonLines, &common::sample());
    assert_eq!(out.lines().count(), 5);
    insta::assert_snapshot!(out);
}

#[test]
fn html() {
    insta::assert_snapshot!(render(&Html, &common::sample()));
}

#[test]
fn sarif() {
    let out = render(&Sarif, &common::sample());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(
        v["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        transalign::Kind::ALL.len()
    );
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_fingerprints_ignore_line_numbers() {
    let a = common::sample();
    let mut b = common::sample();
    for f in &mut b.findings {
        for e in [&mut f.source, &mut f.target].into_iter().flatten() {
            e.lines = [e.lines[0] + 10, e.lines[1] + 10];
        }
    }
    let prints = |r: &CheckReport| {
        let v: serde_json::Value = serde_json::from_str(&render(&Sarif, r)).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"].to_string())
            .collect::<Vec<_>>()
    };
    let pa = prints(&a);
    assert_eq!(pa, prints(&b));
    let mut unique = pa.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), pa.len(), "distinct findings, distinct prints");
}

#[test]
fn github() {
    insta::assert_snapshot!(render(&Github, &common::sample()));
}

#[test]
fn github_escapes_properties_and_messages() {
    let mut r = common::sample_named("a,b:c.md", "100%\nx.md");
    r.findings[1].message = "line one\nline two 50%".into();
    let out = render(&Github, &r);
    assert!(out.contains("file=100%25%0Ax.md"), "{out}");
    assert!(out.contains("file=a%2Cb%3Ac.md"), "{out}");
    assert!(out.contains("::line one%0Aline two 50%25\n"), "{out}");
    assert_eq!(out.lines().count(), r.findings.len());
}

#[test]
fn junit() {
    insta::assert_snapshot!(render(&Junit::default(), &common::sample()));
}

#[test]
fn junit_failures_are_the_findings_that_fail_the_policy() {
    use transalign::report::policy::Policy;
    use transalign::{Kind, Severity};
    let junit = |policy| render(&Junit { policy }, &common::sample());
    // The default policy fails on warnings and errors: the info finding
    // (a name) is passing output.
    let default = junit(Policy::default());
    assert!(default.contains("failures=\"4\""), "{default}");
    assert!(
        default.contains("<system-out>info name_mismatch"),
        "{default}"
    );
    // Only omissions fail: one failure; every other finding is output.
    let omissions = junit(Policy {
        fail_on: vec![Kind::Omission],
        ..Policy::default()
    });
    assert_eq!(omissions.matches("<failure ").count(), 1, "{omissions}");
    assert!(omissions.contains("<failure type=\"omission\""));
    assert_eq!(omissions.matches("<system-out>").count(), 4, "{omissions}");
    let everything = junit(Policy {
        min_severity: Severity::Info,
        ..Policy::default()
    });
    assert_eq!(everything.matches("<failure ").count(), 5, "{everything}");
    assert!(!everything.contains("<system-out>"));
}

#[test]
fn a_junit_document_joins_suites_and_counts_them() {
    let checked = Junit::default().suite(&common::sample());
    let doc = junit_document(&[
        checked,
        JunitSuite::error("a.md", "b.md", "b.md: no such file"),
        JunitSuite::skipped(
            "files not checked",
            &[("c.de.md".into(), "orphan <translation>".into())],
        ),
    ]);
    assert!(
        doc.contains(
            "<testsuites name=\"transalign\" tests=\"8\" failures=\"4\" errors=\"1\" skipped=\"1\">"
        ),
        "{doc}"
    );
    assert!(
        doc.contains("<error message=\"b.md: no such file\"/>"),
        "{doc}"
    );
    assert!(
        doc.contains("<skipped message=\"orphan &lt;translation&gt;\"/>"),
        "{doc}"
    );
}

#[test]
fn hide_below_lists_fewer_findings_but_counts_them_all() {
    use transalign::Severity;
    let full = common::sample();
    let mut shown = common::sample();
    shown.hide_below(Severity::Error);
    assert!(shown.findings.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(shown.summary, full.summary);
    assert_eq!(shown.hidden(), 2);
    assert_eq!(
        shown.hidden_note().as_deref(),
        Some("2 findings below error not shown (--show error)")
    );
    let json: serde_json::Value = serde_json::from_str(&render(&Json, &shown)).unwrap();
    assert_eq!(json["show"], "error");
    assert_eq!(json["summary"]["total"], 5);
    // Every human-readable format says what it left out.
    for r in [&plain(80) as &dyn Render, &Html] {
        assert!(render(r, &shown).contains("2 findings below error not shown"));
    }
    // `info` hides nothing and leaves the report as it was.
    let mut same = common::sample();
    same.hide_below(Severity::Info);
    assert_eq!(render(&Json, &same), render(&Json, &full));
}

#[test]
fn batch_pages_link_back_to_the_index() {
    let page = render(&BatchHtml, &common::sample());
    assert!(page.contains("<a href=\"./index.html\">"));
    assert_eq!(
        page.replace(
            "<p class=\"back\"><a href=\"./index.html\">← All pairs of this batch</a></p>\n",
            ""
        ),
        render(&Html, &common::sample())
    );
}

#[test]
fn every_format_is_deterministic() {
    let formats: Vec<Box<dyn Render>> = vec![
        Box::new(plain(80)),
        Box::new(Json),
        Box::new(JsonLines),
        Box::new(Html),
        Box::new(Sarif),
        Box::new(Github),
        Box::new(Junit::default()),
    ];
    for f in &formats {
        assert_eq!(
            render(f.as_ref(), &common::sample()),
            render(f.as_ref(), &common::sample())
        );
    }
}

mod policy {
    use transalign::report::policy::Policy;
    use transalign::{Kind, Severity};

    use super::common;

    #[test]
    fn min_severity_decides() {
        let r = common::sample();
        let p = |s| Policy {
            min_severity: s,
            ..Policy::default()
        };
        assert!(p(Severity::Error).fails(&r));
        let mut only_info = common::sample();
        only_info.findings.retain(|f| f.severity == Severity::Info);
        assert!(!p(Severity::Warning).fails(&only_info));
        assert!(p(Severity::Info).fails(&only_info));
    }

    #[test]
    fn fail_on_limits_kinds() {
        let r = common::sample();
        let p = |kinds: Vec<Kind>, s| Policy {
            fail_on: kinds,
            min_severity: s,
            ignore: vec![],
        };
        // The only addition is a warning.
        assert!(!p(vec![Kind::Addition], Severity::Error).fails(&r));
        assert!(p(vec![Kind::Addition], Severity::Warning).fails(&r));
        assert!(p(vec![Kind::Addition, Kind::Omission], Severity::Error).fails(&r));
    }

    #[test]
    fn ignore_drops_matching_findings_and_recounts() {
        let mut r = common::sample();
        let p = Policy {
            ignore: vec![
                regex::Regex::new("^Jetzt lesen").unwrap(),
                regex::Regex::new("old town").unwrap(),
            ],
            ..Policy::default()
        };
        p.apply(&mut r);
        assert_eq!(r.findings.len(), 3);
        assert_eq!(r.summary.total, 3);
        assert_eq!(r.summary.by_kind.addition, 0);
        assert_eq!(r.summary.by_kind.omission, 0);
    }
}
