//! The editors' pages: the form, an error page, and the HTML report with
//! a way back to the form.
//!
//! The form needs no script. Its only outside text is an error message,
//! escaped with [`escape`]; every other value comes from transalign's own
//! names. The style is a fixed file served at `/form.css`, so the policy
//! below allows styles from this server and nothing else at all.

use std::fmt::Write as _;

use transalign::language::Language;
use transalign::report::Html;
use transalign::report::policy::Policy;
use transalign::{InputFormat, Kind, Severity};

use crate::cli::values::Named;

/// The style of the form and error pages.
pub const CSS: &str = include_str!("form.css");

/// The Content-Security-Policy of the form and error pages: the style at
/// `/form.css`, the form posting to this server; no script, image, frame
/// or other resource.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The policy of a report page: the one in its meta tag (only its own
/// script and style, by hash), and no framing.
pub fn report_csp() -> String {
    format!("{}; frame-ancestors 'none'", Html::CONTENT_SECURITY_POLICY)
}

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn start(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n\
         <link rel=\"stylesheet\" href=\"/form.css\">\n</head>\n<body>\n",
        escape(title)
    );
}

fn end(out: &mut String) {
    let _ = write!(
        out,
        "<footer>transalign {} · <a href=\"/api/version\">API version</a></footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
}

/// `<option>`s for `T`'s values, the first one being "automatic" when
/// `automatic` names it, and `selected` marked.
fn options<T: Named + PartialEq>(out: &mut String, automatic: Option<&str>, selected: Option<T>) {
    if let Some(label) = automatic {
        let mark = if selected.is_none() { " selected" } else { "" };
        let _ = writeln!(
            out,
            "<option value=\"auto\"{mark}>{}</option>",
            escape(label)
        );
    }
    for &value in T::ALL {
        let mark = if Some(value) == selected {
            " selected"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<option value=\"{0}\"{mark}>{0} — {1}</option>",
            value.name(),
            escape(value.help())
        );
    }
}

fn language_picker(out: &mut String, id: &str, languages: &[(Language, &str)]) {
    let _ = writeln!(
        out,
        "<label for=\"{id}\">Language</label>\n<select id=\"{id}\" name=\"{id}\">\n<option value=\"auto\" selected>automatic</option>"
    );
    for (language, name) in languages {
        let _ = writeln!(
            out,
            "<option value=\"{0}\">{0} — {1}</option>",
            language.code(),
            escape(name)
        );
    }
    out.push_str("</select>\n");
}

fn side(out: &mut String, legend: &str, field: &str, lang: &str, languages: &[(Language, &str)]) {
    let _ = writeln!(
        out,
        "<fieldset class=\"side\"><legend>{legend}</legend>\n\
         <label for=\"{field}\">Paste the text</label>\n\
         <textarea id=\"{field}\" name=\"{field}\" rows=\"14\" spellcheck=\"false\"></textarea>\n\
         <label for=\"{field}_file\">or upload a file (txt, md, html; it replaces the text)</label>\n\
         <input type=\"file\" id=\"{field}_file\" name=\"{field}_file\" \
         accept=\".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html\">"
    );
    language_picker(out, lang, languages);
    out.push_str("</fieldset>\n");
}

/// The form at `GET /`. `policy` and `show` are the server's, where the
/// options start from.
pub fn form(policy: &Policy, show: Option<Severity>, max_bytes: u64) -> String {
    let languages = Language::detectable();
    let mut s = String::new();
    start(&mut s, "transalign: check a translation");
    let _ = writeln!(
        s,
        "<header><h1>Check a translation</h1>\n\
         <p>Paste or upload an article and its translation. transalign shows them side by side with \
         what the translation dropped, added or changed. Up to {} in all.</p></header>",
        size(max_bytes)
    );
    s.push_str(
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n<div class=\"pair\">\n",
    );
    side(&mut s, "Original", "original", "source_lang", &languages);
    side(
        &mut s,
        "Translation",
        "translation",
        "target_lang",
        &languages,
    );
    s.push_str(
        "</div>\n<fieldset class=\"options\"><legend>Options</legend>\n<div class=\"grid\">\n",
    );
    s.push_str(
        "<div><label for=\"format\">Input format</label>\n<select id=\"format\" name=\"format\">\n",
    );
    options::<InputFormat>(&mut s, Some("automatic (file name, else content)"), None);
    s.push_str("</select></div>\n<div><label for=\"show\">Show findings of at least</label>\n<select id=\"show\" name=\"show\">\n");
    options::<Severity>(&mut s, None, Some(show.unwrap_or(Severity::Info)));
    s.push_str("</select></div>\n<div><label for=\"min_severity\">Findings fail from</label>\n<select id=\"min_severity\" name=\"min_severity\">\n");
    options::<Severity>(&mut s, None, Some(policy.min_severity));
    s.push_str(
        "</select></div>\n</div>\n<fieldset class=\"kinds\"><legend>Kinds that fail (none ticked: ",
    );
    if policy.fail_on.is_empty() {
        s.push_str("every kind");
    } else {
        let names: Vec<&str> = policy.fail_on.iter().map(|k| k.name()).collect();
        s.push_str(&names.join(", "));
    }
    s.push_str(")</legend>\n");
    for kind in Kind::ALL {
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" name=\"fail_on\" value=\"{0}\"> {1}</label>",
            kind.name(),
            kind.name().replace('_', " ")
        );
    }
    s.push_str(
        "</fieldset>\n<label for=\"ignore\">Drop findings whose text matches (one regular expression a line)</label>\n\
         <textarea id=\"ignore\" name=\"ignore\" rows=\"2\" spellcheck=\"false\"></textarea>\n</fieldset>\n\
         <p><button type=\"submit\">Check</button></p>\n</form>\n",
    );
    end(&mut s);
    s
}

/// A byte count as a person reads it.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// The page of a failed form check: the message and the way back.
pub fn error(message: &str) -> String {
    let mut s = String::new();
    start(&mut s, "transalign: the check failed");
    let _ = writeln!(
        s,
        "<header><h1>The check failed</h1></header>\n<p class=\"error\">{}</p>\n\
         <p><a href=\"/\">Back to the form</a> (your browser's back button keeps what you entered).</p>",
        escape(message)
    );
    end(&mut s);
    s
}

/// The HTML report as `check --format html` writes it, with a link back to
/// the form and the verdict `check` would give in its header bar.
pub fn report(mut page: Vec<u8>, exit_code: u8) -> Vec<u8> {
    let verdict = if exit_code == crate::EXIT_CLEAN {
        "No finding fails the policy."
    } else {
        "Findings fail the policy (check would exit 1)."
    };
    let bar = format!("<p class=\"keys\"><a href=\"/\">← Check another pair</a> · {verdict}</p>\n");
    let at = find(&page, b"</header>\n")
        .or_else(|| find(&page, b"<body>\n").map(|i| i + b"<body>\n".len()))
        .unwrap_or(0);
    page.splice(at..at, bar.into_bytes());
    page
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror='a'>\"&\u{1}"),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&quot;&amp;\u{FFFD}"
        );
    }

    #[test]
    fn the_form_has_no_script_and_posts_here() {
        let page = form(&Policy::default(), None, 8 * 1024 * 1024);
        assert!(!page.contains("<script"));
        assert!(page.contains("action=\"/check\" enctype=\"multipart/form-data\""));
        assert!(page.contains("Up to 8 MiB"));
        assert!(page.contains("<option value=\"de\">de — German</option>"));
        assert!(page.contains("<option value=\"warning\" selected>"));
        assert!(page.contains("<option value=\"info\" selected>"));
    }

    #[test]
    fn the_link_back_goes_into_the_header_bar() {
        let page = report(
            b"<body>\n<header>\n<h1>x</h1>\n</header>\n<main>".to_vec(),
            1,
        );
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.contains("<h1>x</h1>\n<p class=\"keys\"><a href=\"/\">"),
            "{page}"
        );
        assert!(page.contains("check would exit 1"));
    }
}
