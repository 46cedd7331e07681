//! HTML: one self-contained page with the aligned paragraphs side by side.
//!
//! Security model: everything taken from the input (file names, document
//! text, messages) is escaped and only ever placed in element text or in
//! quoted attribute values; no URL, event handler, style or script is built
//! from input. The page's only script and style are fixed assets whose
//! SHA-256 hashes, computed at compile time, go into a
//! Content-Security-Policy that forbids everything else, including any
//! network access. The output is a pure function of
//! the report, so the same input gives byte-identical pages.

mod index;
mod sha256;

pub use index::{IndexEntry, Skipped, index_page};

use std::fmt::Write as _;
use std::io;

use super::layout::{self, Layout};
use super::{CheckReport, LinkSide, Render, markup};
use crate::findings::{Finding, Kind, Severity};

const CSS: &str = include_str!("../assets/report.css");
const JS: &str = include_str!("../assets/report.js");

/// The HTML renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

/// The HTML renderer for a pair of a batch: the page of [`Html`] with a
/// link back to the batch's `index.html` beside it.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchHtml;

/// The link from a batch's pair report to its index (a fixed relative URL:
/// the reports and `index.html` share a folder).
const INDEX_LINK: &str =
    "<p class=\"back\"><a href=\"./index.html\">← All pairs of this batch</a></p>\n";

/// The parts of the Content-Security-Policy, with the hashes of the script
/// and style computed by the compiler.
const CSP_PARTS: [&[u8]; 5] = [
    b"default-src 'none'; script-src ",
    &sha256::csp_source(JS),
    b"; style-src ",
    &sha256::csp_source(CSS),
    b"; img-src 'none'; base-uri 'none'; form-action 'none'",
];

const CSP_LEN: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < CSP_PARTS.len() {
        n += CSP_PARTS[i].len();
        i += 1;
    }
    n
};

const CSP_BYTES: [u8; CSP_LEN] = sha256::concat(&CSP_PARTS);

/// The Content-Security-Policy of every page: nothing but the page's own
/// script and style, identified by hash.
const CSP: &str = match std::str::from_utf8(&CSP_BYTES) {
    Ok(csp) => csp,
    Err(_) => panic!("the policy is ASCII"),
};

impl Html {
    /// The Content-Security-Policy every page carries in a meta tag, for a
    /// server to send as a header as well.
    pub const CONTENT_SECURITY_POLICY: &'static str = CSP;
}

/// Opens a page: doctype, head with CSP, the fixed style, and `<body>`.
pub(crate) fn page_start(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        CSP,
        markup::html(title)
    );
}

/// Closes a page opened by [`page_start`], with the fixed script.
pub(crate) fn page_end(out: &mut String) {
    let _ = write!(out, "<script>{JS}</script>\n</body>\n</html>\n");
}

fn place(report: &CheckReport, f: &Finding) -> String {
    match layout::primary(f) {
        Some((e, true)) => format!("{}:{}", report.source.path, e.lines[0]),
        Some((e, false)) => format!("{}:{}", report.target.path, e.lines[0]),
        None => String::new(),
    }
}

fn classes(f: &Finding) -> String {
    format!("sev-{} kind-{}", f.severity.name(), f.kind.name())
}

fn data(f: &Finding) -> String {
    format!(
        "data-kind=\"{}\" data-severity=\"{}\"",
        f.kind.name(),
        f.severity.name()
    )
}

impl Render for Html {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        out.write_all(page(report, false).as_bytes())
    }
}

impl Render for BatchHtml {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        out.write_all(page(report, true).as_bytes())
    }
}

/// The report's page; `in_batch` adds the link back to the index.
fn page(report: &CheckReport, in_batch: bool) -> String {
    let mut s = String::new();
    let lay = Layout::of(report);
    let (src, tgt) = (&report.source, &report.target);
    page_start(&mut s, &format!("transalign: {} → {}", src.path, tgt.path));
    if in_batch {
        s.push_str(INDEX_LINK);
    }
    header(&mut s, report);
    s.push_str("<div class=\"layout\">\n");
    findings_list(&mut s, report);
    s.push_str("<main>\n<div class=\"cols\" aria-hidden=\"true\"><span></span>");
    let _ = writeln!(
        s,
        "<span>Original · {}</span><span></span><span>Translation · {}</span></div>",
        markup::html(&src.path),
        markup::html(&tgt.path)
    );
    for (n, block) in lay.blocks.iter().enumerate() {
        let class = if block.findings.is_empty() {
            "pair clean"
        } else {
            "pair"
        };
        let _ = writeln!(s, "<section class=\"{class}\" id=\"p{}\">", n + 1);
        for l in block.links.clone() {
            link(&mut s, report, l, &lay.link_findings[l], &block.findings);
        }
        s.push_str("</section>\n");
    }
    if !lay.unplaced.is_empty() {
        s.push_str("<section class=\"pair\"><h2>Findings without an aligned place</h2>\n");
        notes(&mut s, report, &lay.unplaced);
        s.push_str("</section>\n");
    }
    s.push_str("</main>\n</div>\n");
    page_end(&mut s);
    s
}

fn header(s: &mut String, report: &CheckReport) {
    let (src, tgt) = (&report.source, &report.target);
    let _ = write!(
        s,
        "<header>\n<h1>transalign report</h1>\n<p class=\"files\">Original <b>{}</b> ({}) → translation <b>{}</b> ({})</p>\n",
        markup::html(&src.path),
        markup::html(src.language.code()),
        markup::html(&tgt.path),
        markup::html(tgt.language.code())
    );
    let sum = &report.summary;
    let _ = writeln!(
        s,
        "<p class=\"summary\">{} finding{}: {} error, {} warning, {} info</p>",
        sum.total,
        if sum.total == 1 { "" } else { "s" },
        sum.by_severity.error,
        sum.by_severity.warning,
        sum.by_severity.info
    );
    if let Some(note) = report.hidden_note() {
        let _ = writeln!(s, "<p class=\"summary\">{}</p>", markup::html(&note));
    }
    s.push_str("<fieldset class=\"filters\"><legend class=\"keys\">Show</legend>\n");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = report.findings.iter().filter(|f| f.severity == sev).count();
        let name = sev.name();
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{name}\" checked> <span class=\"badge sev-{name}\">{name}</span>{n}</label>"
        );
    }
    for kind in Kind::ALL {
        let n = report.findings.iter().filter(|f| f.kind == kind).count();
        let name = kind.name();
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" data-filter=\"kind\" value=\"{name}\" checked> {} ({n})</label>",
            name.replace('_', " ")
        );
    }
    s.push_str("</fieldset>\n<p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous</p>\n</header>\n");
}

fn findings_list(s: &mut String, report: &CheckReport) {
    s.push_str("<nav aria-label=\"Findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        s.push_str("<p class=\"empty\">No findings.</p>\n</nav>\n");
        return;
    }
    s.push_str("<ol>\n");
    for (i, f) in report.findings.iter().enumerate() {
        let _ = writeln!(
            s,
            "<li class=\"{}\" {}><a href=\"#f{i}\"><span class=\"badge sev-{}\">{}</span><span class=\"kind\">{}</span></a> <span class=\"where\">{}</span><br>{}</li>",
            classes(f),
            data(f),
            f.severity.name(),
            f.severity.name(),
            f.kind.name().replace('_', " "),
            markup::html(&place(report, f)),
            markup::html(&f.message)
        );
    }
    s.push_str("</ol>\n</nav>\n");
}

fn lines(side: &LinkSide) -> String {
    match side.lines {
        Some([a, b]) if a == b => a.to_string(),
        Some([a, b]) => format!("{a}–{b}"),
        None => String::new(),
    }
}

/// Side text with the findings' excerpts marked.
fn marked_text(
    s: &mut String,
    report: &CheckReport,
    ids: &[usize],
    spanning: &[usize],
    side: &LinkSide,
    source: bool,
    lang: &str,
) {
    let class = if source { "text src" } else { "text tgt" };
    let _ = write!(s, "<div class=\"{class}\" lang=\"{}\">", markup::html(lang));
    if side.sentences.is_empty() {
        let what = if source {
            "nothing in the original"
        } else {
            "nothing in the translation"
        };
        let _ = write!(s, "<span class=\"gap\">— {what} —</span></div>");
        return;
    }
    let text = &side.text;
    let mut at = 0;
    for (r, i) in layout::highlights(report, ids, spanning, text, source, &|t| t.to_string()) {
        let f = &report.findings[i];
        s.push_str(&markup::html(&text[at..r.start]));
        let _ = write!(
            s,
            "<mark class=\"{}\" {} title=\"{}\">{}</mark>",
            classes(f),
            data(f),
            markup::html(&f.message),
            markup::html(&text[r.clone()])
        );
        at = r.end;
    }
    s.push_str(&markup::html(&text[at..]));
    s.push_str("</div>");
}

/// One link: both sides with the block's findings highlighted wherever
/// their excerpts fall, then the notes of the findings placed here.
fn link(s: &mut String, report: &CheckReport, l: usize, ids: &[usize], block: &[usize]) {
    let link = &report.alignment[l];
    s.push_str("<div class=\"link\">");
    let _ = write!(s, "<span class=\"ln\">{}</span>", lines(&link.source));
    marked_text(
        s,
        report,
        ids,
        block,
        &link.source,
        true,
        report.source.language.code(),
    );
    let _ = write!(
        s,
        "<span class=\"ln tgt-ln\">{}</span>",
        lines(&link.target)
    );
    marked_text(
        s,
        report,
        ids,
        block,
        &link.target,
        false,
        report.target.language.code(),
    );
    s.push_str("</div>\n");
    notes(s, report, ids);
}

fn notes(s: &mut String, report: &CheckReport, ids: &[usize]) {
    if ids.is_empty() {
        return;
    }
    s.push_str("<ul class=\"notes\">\n");
    for &i in ids {
        let f = &report.findings[i];
        let _ = writeln!(
            s,
            "<li class=\"note {}\" id=\"f{i}\" tabindex=\"-1\" {}><span class=\"badge sev-{}\">{}</span><span class=\"kind\">{}</span>{} <span class=\"where\">{} · confidence {:.2}</span></li>",
            classes(f),
            data(f),
            f.severity.name(),
            f.severity.name(),
            f.kind.name().replace('_', " "),
            markup::html(&f.message),
            markup::html(&place(report, f)),
            f.confidence
        );
    }
    s.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_hashes_the_embedded_assets() {
        // Hashed again here, at run time, from the assets as they are now.
        let hash = |text: &str| String::from_utf8(sha256::csp_source(text).to_vec()).unwrap();
        assert_eq!(
            CSP,
            format!(
                "default-src 'none'; script-src {}; style-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
                hash(JS),
                hash(CSS)
            )
        );
        assert_ne!(hash(JS), hash(CSS));
        assert!(!CSP.contains("unsafe"));
    }
}
