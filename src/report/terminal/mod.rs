//! Terminal: a unified-diff-like view over aligned paragraphs.
//!
//! Context pairs are shown side by side (`original │ translation`), dimmed;
//! what the translation dropped is a `-` line, what it added a `+` line, and
//! changed quotations (and numbers, names) a pair of `~` lines with the
//! changed words highlighted. Without colour, highlights are bracketed the
//! way `wdiff` does (`[-…-]`, `{+…+}`), so piped output keeps them.

mod wrap;

use std::fmt::Write as _;
use std::io;
use std::ops::Range;

use similar::{ChangeTag, TextDiff};

use super::layout::{self, Layout};
use super::{AlignedLink, CheckReport, Render};
use crate::findings::{Finding, Kind};
use wrap::{Piece, line_width, sanitize, wrap};

/// Default width when the terminal's is unknown.
pub const DEFAULT_WIDTH: usize = 100;

/// The terminal renderer.
#[derive(Debug, Clone, Copy)]
pub struct Terminal {
    /// Unchanged paragraph pairs shown around each change.
    pub context: usize,
    /// Whether to use ANSI colours.
    pub color: bool,
    /// Columns available.
    pub width: usize,
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal {
            context: 1,
            color: false,
            width: DEFAULT_WIDTH,
        }
    }
}

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const HIGHLIGHT: &str = "\x1b[1;7m";

impl Render for Terminal {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        let mut s = String::new();
        Writer {
            t: self,
            report,
            layout: Layout::of(report),
            out: &mut s,
        }
        .write();
        out.write_all(s.as_bytes())
    }
}

struct Writer<'a> {
    t: &'a Terminal,
    report: &'a CheckReport,
    layout: Layout,
    out: &'a mut String,
}

impl Writer<'_> {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.t.color && !code.is_empty() {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn write(&mut self) {
        let r = self.report;
        for (sign, label, doc) in [
            ("---", "original", &r.source),
            ("+++", "translation", &r.target),
        ] {
            let head = format!(
                "{sign} {label}: {} ({})",
                sanitize(&doc.path),
                doc.language.code()
            );
            let line = self.paint(BOLD, &head);
            let _ = writeln!(self.out, "{line}");
        }
        for hunk in self.hunks() {
            self.hunk(hunk);
        }
        if !self.layout.unplaced.is_empty() {
            let head = self.paint(CYAN, "@@ findings without an aligned place @@");
            let _ = writeln!(self.out, "{head}");
            for i in self.layout.unplaced.clone() {
                self.note(i);
            }
        }
        self.summary();
        if let Some(note) = self.report.hidden_note() {
            let _ = writeln!(self.out, "  {note}");
        }
    }

    /// Ranges of blocks to show: every block with findings, with `context`
    /// blocks around it, overlapping ranges merged.
    fn hunks(&self) -> Vec<Range<usize>> {
        let n = self.layout.blocks.len();
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, b) in self.layout.blocks.iter().enumerate() {
            if b.findings.is_empty() {
                continue;
            }
            let r = i.saturating_sub(self.t.context)..(i + 1 + self.t.context).min(n);
            match out.last_mut() {
                Some(last) if last.end >= r.start => last.end = r.end,
                _ => out.push(r),
            }
        }
        out
    }

    fn hunk(&mut self, blocks: Range<usize>) {
        let links = self.layout.blocks[blocks.start].links.start
            ..self.layout.blocks[blocks.end - 1].links.end;
        let range = |side: Option<[u32; 2]>| match side {
            Some([a, b]) => format!("{a},{}", b - a + 1),
            None => "0,0".to_string(),
        };
        let head = format!(
            "@@ -{} +{} @@",
            range(layout::lines_of(self.report, &links, true)),
            range(layout::lines_of(self.report, &links, false))
        );
        let head = self.paint(CYAN, &head);
        let _ = writeln!(self.out, "{head}");
        // Notes wait until a dropped or added paragraph has been shown
        // whole: its later sentences are links of their own.
        let mut pending: Vec<usize> = Vec::new();
        for l in links {
            let unmarked = self.layout.link_findings[l].is_empty();
            let link = &self.report.alignment[l];
            if let (true, Some(sign)) = (unmarked, continues(self.report, link, &pending)) {
                let (text, source) = match sign {
                    '-' => (&link.source.text, true),
                    _ => (&link.target.text, false),
                };
                self.side(sign, &sanitize(text), &[], source);
                continue;
            }
            for i in std::mem::take(&mut pending) {
                self.note(i);
            }
            if unmarked {
                self.context_row(link);
            } else {
                self.marked(l);
                pending.clone_from(&self.layout.link_findings[l]);
            }
        }
        for i in pending {
            self.note(i);
        }
    }

    /// An unchanged pair, side by side.
    fn context_row(&mut self, link: &AlignedLink) {
        let col = (self.t.width.saturating_sub(5) / 2).max(8);
        let left = wrap(&[(sanitize(&link.source.text), false)], col);
        let right = wrap(&[(sanitize(&link.target.text), false)], col);
        for i in 0..left.len().max(right.len()) {
            let text = |lines: &[Vec<Piece>]| {
                lines
                    .get(i)
                    .map(|l| l.iter().map(|(t, _)| t.as_str()).collect::<String>())
                    .unwrap_or_default()
            };
            let l = text(&left);
            let pad = col.saturating_sub(left.get(i).map_or(0, |l| line_width(l)));
            let row = format!("  {l}{} │ {}", " ".repeat(pad), text(&right));
            let row = self.paint(DIM, row.trim_end());
            let _ = writeln!(self.out, "{row}");
        }
    }

    /// A link with findings: each side as a `-`/`+`/`~` or context line
    /// (the notes follow, from [`Writer::hunk`]).
    fn marked(&mut self, l: usize) {
        let link = &self.report.alignment[l];
        let ids = self.layout.link_findings[l].clone();
        let findings: Vec<&Finding> = ids.iter().map(|&i| &self.report.findings[i]).collect();
        let changed = |f: &&&Finding| !matches!(f.kind, Kind::Omission | Kind::Addition);
        let source_sign = if findings.iter().any(|f| f.kind == Kind::Omission) {
            '-'
        } else if findings.iter().filter(changed).any(|f| f.source.is_some()) {
            '~'
        } else {
            ' '
        };
        let target_sign = if findings.iter().any(|f| f.kind == Kind::Addition) {
            '+'
        } else if findings.iter().filter(changed).any(|f| f.target.is_some()) {
            '~'
        } else {
            ' '
        };
        let source = sanitize(&link.source.text);
        let target = sanitize(&link.target.text);
        let (src_hi, tgt_hi) = self.highlights(&ids, &source, &target);
        if !source.is_empty() {
            self.side(source_sign, &source, &src_hi, true);
        }
        if !target.is_empty() {
            self.side(target_sign, &target, &tgt_hi, false);
        }
    }

    /// Highlighted byte ranges on each side. Where both sides of a changed
    /// finding are found and the documents share a language, only the words
    /// that differ are highlighted; otherwise the whole excerpt is.
    fn highlights(
        &self,
        ids: &[usize],
        source: &str,
        target: &str,
    ) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let r = self.report;
        let mut s: Vec<Range<usize>> = layout::highlights(r, ids, &[], source, true, &sanitize)
            .into_iter()
            .map(|x| x.0)
            .collect();
        let mut t: Vec<Range<usize>> = layout::highlights(r, ids, &[], target, false, &sanitize)
            .into_iter()
            .map(|x| x.0)
            .collect();
        if r.same_language {
            for &i in ids {
                let f = &r.findings[i];
                let (Some(se), Some(te)) = (&f.source, &f.target) else {
                    continue;
                };
                let (se, te) = (sanitize(&se.text), sanitize(&te.text));
                let (Some(sr), Some(tr)) =
                    (layout::locate(source, &se), layout::locate(target, &te))
                else {
                    continue;
                };
                let (ds, dt) = word_diff(&se, &te);
                s.retain(|x| *x != sr);
                t.retain(|x| *x != tr);
                s.extend(ds.into_iter().map(|x| x.start + sr.start..x.end + sr.start));
                t.extend(dt.into_iter().map(|x| x.start + tr.start..x.end + tr.start));
            }
        }
        (merge(s), merge(t))
    }

    fn side(&mut self, sign: char, text: &str, hi: &[Range<usize>], source: bool) {
        let whole = hi.len() == 1 && hi[0] == (0..text.len());
        let pieces = pieces(text, if whole { &[] } else { hi }, !self.t.color, source);
        let (base, hl) = match sign {
            '-' => (RED, HIGHLIGHT),
            '+' => (GREEN, HIGHLIGHT),
            '~' => (YELLOW, HIGHLIGHT),
            _ => (DIM, BOLD),
        };
        for line in wrap(&pieces, self.t.width.saturating_sub(2).max(8)) {
            let mut row = self.paint(base, &format!("{sign} "));
            for (t, h) in &line {
                if *h && self.t.color {
                    let _ = write!(row, "{base}{hl}{t}{RESET}");
                } else {
                    row.push_str(&self.paint(base, t));
                }
            }
            let _ = writeln!(self.out, "{}", row.trim_end());
        }
    }

    fn note(&mut self, i: usize) {
        let r = self.report;
        let f = &r.findings[i];
        // Each side the finding has, original first: `path:line`.
        let mut place = String::new();
        for (excerpt, path) in [(&f.source, &r.source.path), (&f.target, &r.target.path)] {
            if let Some(e) = excerpt {
                let _ = write!(place, " · {}:{}", sanitize(path), e.lines[0]);
            }
        }
        let sev = f.severity.name();
        let color = match f.severity {
            crate::Severity::Error => RED,
            crate::Severity::Warning => YELLOW,
            crate::Severity::Info => CYAN,
        };
        let head = [
            (format!("{sev} {}", f.kind.name()), true),
            (format!("{place} · confidence {:.2}", f.confidence), false),
        ];
        for (n, line) in wrap(&head, self.t.width.saturating_sub(4).max(8))
            .iter()
            .enumerate()
        {
            let lead = if n == 0 { "  ╰ " } else { "    " };
            let body: String = line
                .iter()
                .map(|(t, h)| {
                    if *h {
                        self.paint(&format!("{BOLD}{color}"), t)
                    } else {
                        t.clone()
                    }
                })
                .collect();
            let _ = writeln!(self.out, "{lead}{}", body.trim_end());
        }
        let lines = wrap(
            &[(sanitize(&f.message), false)],
            self.t.width.saturating_sub(4).max(8),
        );
        for line in lines {
            let body: String = line.iter().map(|(t, _)| t.as_str()).collect();
            let _ = writeln!(self.out, "    {}", body.trim_end());
        }
    }

    fn summary(&mut self) {
        let s = &self.report.summary;
        let _ = writeln!(self.out);
        if s.total == 0 {
            let line = self.paint(BOLD, "no findings");
            let _ = writeln!(self.out, "{line}");
            return;
        }
        let plural = if s.total == 1 { "" } else { "s" };
        let sev = &s.by_severity;
        let head = format!(
            "{} finding{plural}: {} error, {} warning, {} info",
            s.total, sev.error, sev.warning, sev.info
        );
        let head = self.paint(BOLD, &head);
        let _ = writeln!(self.out, "{head}");
        let k = &s.by_kind;
        let kinds = [
            (Kind::Omission, k.omission),
            (Kind::Addition, k.addition),
            (Kind::AlteredQuote, k.altered_quote),
            (Kind::NumberMismatch, k.number_mismatch),
            (Kind::NameMismatch, k.name_mismatch),
            (Kind::Untranslated, k.untranslated),
            (Kind::Moved, k.moved),
        ];
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        for line in wrap(
            &[(parts.join(", "), false)],
            self.t.width.saturating_sub(2).max(8),
        ) {
            let body: String = line.iter().map(|(t, _)| t.as_str()).collect();
            let _ = writeln!(self.out, "  {}", body.trim_end());
        }
    }
}

/// The sign of a link that continues a dropped or added paragraph whose
/// finding (among `findings`) was shown on an earlier link: `-` for an
/// original sentence without counterpart inside an omission, `+` for a
/// translation sentence without counterpart inside an addition.
fn continues(report: &CheckReport, link: &AlignedLink, findings: &[usize]) -> Option<char> {
    findings.iter().find_map(|&i| {
        let f = &report.findings[i];
        match f.kind {
            Kind::Omission
                if link.target.lines.is_none() && inside(link.source.lines, &f.source) =>
            {
                Some('-')
            }
            Kind::Addition
                if link.source.lines.is_none() && inside(link.target.lines, &f.target) =>
            {
                Some('+')
            }
            _ => None,
        }
    })
}

/// Whether a link side's `lines` lie within `excerpt`'s.
fn inside(lines: Option<[u32; 2]>, excerpt: &Option<crate::findings::Excerpt>) -> bool {
    match (lines, excerpt) {
        (Some([a, b]), Some(e)) => e.lines[0] <= a && b <= e.lines[1],
        _ => false,
    }
}

/// Words that differ between two texts of the same language: byte ranges
/// deleted from `a` and inserted in `b`.
fn word_diff(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let diff = TextDiff::from_words(a, b);
    let (mut da, mut db) = (Vec::new(), Vec::new());
    let (mut pa, mut pb) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        let blank = change.value().trim().is_empty();
        match change.tag() {
            ChangeTag::Equal => {
                pa += len;
                pb += len;
            }
            ChangeTag::Delete => {
                if !blank {
                    da.push(pa..pa + len);
                }
                pa += len;
            }
            ChangeTag::Insert => {
                if !blank {
                    db.push(pb..pb + len);
                }
                pb += len;
            }
        }
    }
    (da, db)
}

/// Sorts ranges and merges overlapping or touching ones.
fn merge(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Splits `text` at highlight boundaries. Without colour, highlights are
/// bracketed `[-…-]` on the original's side and `{+…+}` on the translation's.
fn pieces(text: &str, hi: &[Range<usize>], brackets: bool, source: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in hi {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push((text[at..r.start].to_string(), false));
        let t = &text[r.clone()];
        let t = match (brackets, source) {
            (false, _) => t.to_string(),
            (true, true) => format!("[-{t}-]"),
            (true, false) => format!("{{+{t}+}}"),
        };
        out.push((t, true));
        at = r.end;
    }
    out.push((text[at..].to_string(), false));
    out.retain(|(t, _)| !t.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_only_changed_words() {
        let (a, b) = word_diff("we will win 3 times", "we will lose 3 times");
        assert_eq!(a.len(), 1);
        assert_eq!(&"we will win 3 times"[a[0].clone()], "win");
        assert_eq!(&"we will lose 3 times"[b[0].clone()], "lose");
    }

    #[test]
    fn merge_joins_overlaps() {
        assert_eq!(merge(vec![4..6, 0..2, 1..3]), vec![0..3, 4..6]);
    }

    #[test]
    fn plain_pieces_bracket_highlights() {
        #[allow(clippy::single_range_in_vec_init)]
        let hi = vec![2..4];
        let p = pieces("a bc d", &hi, true, true);
        assert_eq!(
            p,
            vec![
                ("a ".to_string(), false),
                ("[-bc-]".to_string(), true),
                (" d".to_string(), false)
            ]
        );
    }
}
