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

/// The operating system's error alone. tempfile's errors name the
/// temporary file (`… at path "out/.tmpX1y2"`), which the user never
/// asked for; the messages above name the user's path instead.
fn without_temp_path(e: io::Error) -> io::Error {
    let code = e.raw_os_error().or_else(|| {
        e.get_ref()
            .and_then(|inner| inner.source())
            .and_then(|s| s.downcast_ref::<io::Error>())
            .and_then(io::Error::raw_os_error)
    });
    match code {
        Some(c) => io::Error::from_raw_os_error(c),
        None => io::Error::from(e.kind()),
    }
}

/// Whether an error is a closed output pipe, which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
