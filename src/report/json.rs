//! JSON and JSON Lines.

use std::io;

use super::{CheckReport, Render};

/// The whole report as one pretty-printed JSON object.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Render for Json {
    fn render(&self, report: &CheckReport, out: &mut dyn io::Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        out.write_all(b"\n")
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
