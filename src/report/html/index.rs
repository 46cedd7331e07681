//! The batch index: one table row per pair, worst first.

use std::fmt::Write as _;

use super::{page_end, page_start};
use crate::findings::Severity;
use crate::report::Summary;
use crate::report::markup;

/// One pair of a batch, as the index shows it.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// A short, unique name for the pair.
    pub name: String,
    /// The original's path.
    pub original: String,
    /// The translation's path.
    pub translation: String,
    /// The report's file name, relative to the index; `None` when the pair
    /// could not be checked.
    pub report: Option<String>,
    /// Counts, when checked.
    pub summary: Option<Summary>,
    /// The worst finding's severity.
    pub worst: Option<Severity>,
    /// Whether the pair fails the policy.
    pub fails: bool,
    /// Why the pair could not be checked.
    pub error: Option<String>,
}

/// A file a batch did not check, and why (no counterpart, no original in
/// the original's language, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or group of files) as the user named it.
    pub path: String,
    /// Why it was not checked, in a few words.
    pub reason: String,
}

impl IndexEntry {
    /// Sort key: pairs that could not be checked first, then by worst
    /// severity, then failing before passing, then by name.
    pub fn rank(&self) -> (u8, bool, String) {
        let level = match (&self.error, self.worst) {
            (Some(_), _) => 0,
            (None, Some(Severity::Error)) => 1,
            (None, Some(Severity::Warning)) => 2,
            (None, Some(Severity::Info)) => 3,
            (None, None) => 4,
        };
        (level, !self.fails, self.name.clone())
    }
}

/// A file name as a relative URL: `./` and percent-encoding, so that a
/// name such as `javascript:x.html` or `a#b` is always a file beside the
/// index, never a scheme or a fragment (and needs no HTML escaping).
fn relative_url(file: &str) -> String {
    let mut url = String::from("./");
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            url.push(b as char);
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    url
}

/// The index page of a batch; `entries` are shown in the order given,
/// then the files the batch did not check, each with why. On a narrow
/// screen each row becomes a card whose cells carry their column's name
/// (`data-label`), so the page never scrolls sideways.
pub fn index_page(entries: &[IndexEntry], skipped: &[Skipped]) -> String {
    let mut s = String::new();
    page_start(&mut s, "transalign batch report");
    let failing = entries.iter().filter(|e| e.fails).count();
    let broken = entries.iter().filter(|e| e.error.is_some()).count();
    let _ = write!(
        s,
        "<header>
<h1>transalign batch report</h1>
<p class=\"summary\">{}: {failing} failing the policy, {broken} could not be checked, {} skipped</p>
</header>
<main>
",
        super::super::count(entries.len(), "pair"),
        skipped.len()
    );
    s.push_str("<table class=\"index\">\n<thead><tr><th>Worst</th><th>Pair</th><th>Original</th><th>Translation</th><th>Findings</th><th>Policy</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let worst = match (&e.error, e.worst) {
            (Some(_), _) => "<span class=\"badge sev-error\">failed</span>".to_string(),
            (None, Some(w)) => format!("<span class=\"badge sev-{0}\">{0}</span>", w.name()),
            (None, None) => "clean".to_string(),
        };
        let name = match &e.report {
            Some(file) => format!(
                "<a href=\"{}\">{}</a>",
                relative_url(file),
                markup::html(&e.name)
            ),
            None => markup::html(&e.name),
        };
        let findings = match (&e.error, &e.summary) {
            (Some(err), _) => markup::html(err),
            (None, Some(sum)) => format!(
                "{} ({} error, {} warning, {} info)",
                sum.total, sum.by_severity.error, sum.by_severity.warning, sum.by_severity.info
            ),
            (None, None) => String::new(),
        };
        let policy = if e.error.is_some() || e.fails {
            "fail"
        } else {
            "pass"
        };
        let _ = writeln!(
            s,
            "<tr><td data-label=\"Worst\">{worst}</td><td data-label=\"Pair\">{name}</td><td data-label=\"Original\">{}</td><td data-label=\"Translation\">{}</td><td data-label=\"Findings\">{findings}</td><td data-label=\"Policy\">{policy}</td></tr>",
            markup::html(&e.original),
            markup::html(&e.translation)
        );
    }
    s.push_str("</tbody>\n</table>\n");
    if !skipped.is_empty() {
        let _ = writeln!(
            s,
            "<section class=\"skipped\">\n<h2>Not checked ({})</h2>\n<ul>",
            skipped.len()
        );
        for k in skipped {
            let _ = writeln!(
                s,
                "<li><code>{}</code>: {}</li>",
                markup::html(&k.path),
                markup::html(&k.reason)
            );
        }
        s.push_str("</ul>\n</section>\n");
    }
    s.push_str("</main>\n");
    page_end(&mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, worst: Option<Severity>, error: Option<&str>) -> IndexEntry {
        IndexEntry {
            name: name.into(),
            original: format!("{name}/en.md"),
            translation: format!("{name}/de.md"),
            report: error.is_none().then(|| "a.html".to_string()),
            summary: error.is_none().then(Summary::default),
            worst,
            fails: worst.is_some(),
            error: error.map(str::to_string),
        }
    }

    #[test]
    fn report_links_are_relative_files() {
        assert_eq!(relative_url("a.en-de.html"), "./a.en-de.html");
        assert_eq!(
            relative_url("javascript:alert(1)#x\"'<.html"),
            "./javascript%3Aalert%281%29%23x%22%27%3C.html"
        );
        assert_eq!(relative_url("ü.html"), "./%C3%BC.html");
    }

    #[test]
    fn hostile_names_and_errors_render_as_text() {
        let p = "\"><svg onload=alert(1)><script>x</script>";
        let page = index_page(
            &[
                entry(p, None, Some(p)),
                entry(p, Some(Severity::Info), None),
            ],
            &[Skipped {
                path: p.into(),
                reason: p.into(),
            }],
        );
        assert!(!page.contains(p));
        assert!(!page.contains("<svg"));
        assert_eq!(
            page.matches("<script").count(),
            1,
            "only the page's own script"
        );
    }

    #[test]
    fn skipped_files_are_counted_and_listed() {
        let skipped = [Skipped {
            path: "in/lonely.en.md".into(),
            reason: "no translation".into(),
        }];
        let page = index_page(&[entry("a", None, None)], &skipped);
        assert!(page.contains("1 pair: 0 failing the policy, 0 could not be checked, 1 skipped"));
        assert!(page.contains("<li><code>in/lonely.en.md</code>: no translation</li>"));
        assert!(!index_page(&[entry("a", None, None)], &[]).contains("Not checked"));
    }

    #[test]
    fn rank_puts_broken_then_worst_first() {
        let mut v = [
            entry("c", None, None),
            entry("b", Some(Severity::Info), None),
            entry("a", Some(Severity::Error), None),
            entry("z", None, Some("unreadable")),
        ];
        v.sort_by_key(IndexEntry::rank);
        let names: Vec<&str> = v.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["z", "a", "b", "c"]);
    }
}
