//! The `transalign` command: parses arguments, runs the library, picks a
//! report and sets the exit code. All the work is in the library.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Exit code: nothing at or above the failing threshold.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failing threshold.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: a usage or input error.
pub const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) if e.kind() == clap::error::ErrorKind::ValueValidation => {
            // A value one of our parsers refused (a language code): its
            // message names the accepted form, so one line says it all.
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or_default();
            let _ = writeln!(
                std::io::stderr().lock(),
                "transalign: error: {}",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(EXIT_ERROR);
        }
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::from(EXIT_CLEAN),
        Err(e) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "transalign: error: {}", one_line(&e));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The error and its causes on one line, without repeating a cause that
/// the outer message already contains.
pub(crate) fn one_line(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out.replace(['\n', '\r'], " ")
}
