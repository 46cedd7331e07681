//! GitHub Actions workflow commands: one annotation per finding.

use std::io;

use super::{CheckReport, Render};
use crate::findings::{Kind, Severity};

/// The GitHub Actions renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Github;

/// Escapes a command's message as the runner expects.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: also `:` and `,`, which delimit properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        for f in &report.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (path, excerpt) = match (f.kind, &f.source, &f.target) {
                (Kind::Omission, Some(e), _) | (_, Some(e), None) => (&report.source.path, Some(e)),
                (_, _, Some(e)) => (&report.target.path, Some(e)),
                _ => (&report.target.path, None),
            };
            let mut props = vec![format!("file={}", escape_property(path))];
            if let Some(e) = excerpt {
                props.push(format!("line={}", e.lines[0]));
                props.push(format!("endLine={}", e.lines[1]));
                if e.lines[0] == e.lines[1] {
                    props.push(format!("col={}", e.columns[0]));
                    props.push(format!("endColumn={}", e.columns[1]));
                }
            }
            let title = format!("transalign {}", f.kind.name().replace('_', " "));
            props.push(format!("title={}", escape_property(&title)));
            writeln!(
                out,
                "::{command} {}::{}",
                props.join(","),
                escape_data(&f.message)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
