//! Snapshots of every report format on real corpora pairs (corpora/pairs/),
//! checked end to end through the library. These change whenever the
//! detectors or the aligner change: review the diff, then accept it with
//! `INSTA_UPDATE=always cargo test --test reports_corpora`.

use std::path::Path;

use transalign::document::{Document, LoadOptions};
use transalign::report::{
    CheckReport, Github, Html, Json, JsonLines, Junit, Render, Sarif, Terminal,
};
use transalign::{CheckOptions, check};

fn report(dir: &str, source: &str, target: &str) -> CheckReport {
    let dir = Path::new("corpora/pairs").join(dir);
    let load = |f: &str| Document::load(&dir.join(f), LoadOptions::default()).unwrap();
    let checked = check(load(source), load(target), &CheckOptions::default()).unwrap();
    CheckReport::new(&checked)
}

fn render(r: &dyn Render, report: &CheckReport) -> String {
    let mut out = Vec::new();
    r.render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn snapshot_all(name: &str, report: &CheckReport) {
    let terminal = Terminal {
        context: 1,
        color: false,
        width: 100,
    };
    let formats: [(&str, &dyn Render); 7] = [
        ("terminal", &terminal),
        ("json", &Json),
        ("jsonl", &JsonLines),
        ("html", &Html),
        ("sarif", &Sarif),
        ("github", &Github),
        ("junit", &Junit::default()),
    ];
    for (format, r) in formats {
        insta::assert_snapshot!(format!("{name}-{format}"), render(r, report));
    }
}

#[test]
fn markdown_pair_en_de() {
    snapshot_all("brenner", &report("en-de-brenner-tunnel", "en.md", "de.md"));
}

#[test]
fn html_pair_en_fr() {
    snapshot_all("airbus", &report("en-fr-airbus-html", "en.html", "fr.html"));
}
