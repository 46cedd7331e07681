//! JSON and JSON Lines.

use std::io;

use super::{CheckReport, Render};

/// The whole report as one pretty-printed JSON object.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Render for Json {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        // Into a buffer of our own, then out at once: the pretty printer
        // writes every bracket and indent on its own, and through `dyn
        // Write` each was a call that could not be inlined.
        let mut bytes = Vec::with_capacity(64 * 1024);
        serde_json::to_writer_pretty(&mut bytes, report)?;
        bytes.push(b'\n');
        out.write_all(&bytes)
    }
}

/// One finding per line, for streaming consumers.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonLines;

impl Render for JsonLines {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        for finding in &report.findings {
            serde_json::to_writer(&mut *out, finding)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}
