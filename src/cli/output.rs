//! Writing reports: to standard output, or atomically to a file.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;

/// Writes a finished report. A file is written beside its destination and
/// renamed over it, so an existing report is never left half-overwritten;
/// a device or pipe is written directly.
pub fn write(bytes: &[u8], path: Option<&Path>) -> anyhow::Result<()> {
    match path {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .context("standard output: cannot write")
        }
        Some(path) if path.as_os_str() == "-" => write(bytes, None),
        // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written
        // in place: renaming over it would replace the device itself.
        Some(path) if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .with_context(|| format!("{}: cannot write", path.display()))
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .map_err(without_temp_path)
                .with_context(|| {
                    format!(
                        "{}: cannot create a file in {}",
                        path.display(),
                        dir.display()
                    )
                })?;
            // A temporary file is private (0600); a report is not. Keep the
            // permissions of the file replaced, else the usual 0644.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode =
                    std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
                let _ = tmp
                    .as_file()
                    .set_permissions(std::fs::Permissions::from_mode(mode));
            }
            tmp.write_all(bytes)
                .and_then(|_| tmp.flush())
                .map_err(without_temp_path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            tmp.persist(path)
                .map_err(|e| without_temp_path(e.error))
                .with_context(|| format!("{}: cannot write", path.display()))?;
            Ok(())
        }
    }
}

/// The error without the temporary file's name. tempfile's errors end in
/// ` at path "out/.tmpX1y2"`, a file the user never asked for and which no
/// longer exists; the messages around them name the user's path instead.
fn without_temp_path(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    let text = e.to_string();
    match text.rfind(" at path ") {
        Some(at) => io::Error::new(e.kind(), text[..at].to_string()),
        None => e,
    }
}

/// Whether an error is a closed output pipe, which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
